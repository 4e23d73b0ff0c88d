from civcas.link.clusters import Existing, assign_codes, members_by_cluster, next_codes, plan


def test_next_code_skips_codes_in_use_and_kept_as_previous():
    codes = next_codes({"CS1706", "CS232", "CV0001", "CV0007"})
    assert next(codes) == "CV0008"
    assert next(codes) == "CV0009"
    assert next(next_codes({"CS0001"})) == "CV0001"


def test_cluster_keeps_the_code_of_the_incident_it_shares_most_claims_with():
    incidents = {1: Existing(1, "CV0001", False, {"c1", "c2"}), 2: Existing(2, "CV0002", False, {"c3"})}
    # Splink renumbered the clusters; membership decides
    out = plan({"x9": ["c1", "c2", "c4"], "x3": ["c3"]}, incidents, {})
    by_code = {o.code: o for o in out}
    assert by_code["CV0001"].claims == ["c1", "c2", "c4"] and by_code["CV0001"].incident_id == 1
    assert by_code["CV0002"].incident_id == 2


def test_merge_absorbs_the_smaller_incident():
    incidents = {1: Existing(1, "CV0001", False, {"c1", "c2"}), 2: Existing(2, "CV0002", False, {"c3"})}
    out = plan({"k": ["c1", "c2", "c3"]}, incidents, {})
    assert len(out) == 1 and out[0].code == "CV0001" and out[0].absorbed == [2]


def test_split_gives_the_smaller_part_a_new_code():
    incidents = {1: Existing(1, "CV0001", False, {"c1", "c2", "c3"})}
    out = plan({"a": ["c1", "c2"], "b": ["c3"]}, incidents, {})
    assign_codes(out, {"CV0001", "CS1706"})
    by_code = {o.code: o for o in out}
    assert by_code["CV0001"].claims == ["c1", "c2"]
    assert by_code["CV0002"].split_from == "CV0001" and by_code["CV0002"].incident_id is None


def test_monitor_incident_is_never_absorbed_and_outranks_ours():
    incidents = {1: Existing(1, "CV0001", False, set()), 2: Existing(2, "CS232", True, set())}
    out = plan({"k": ["i1", "i2", "c5"]}, incidents, {"i1": 1, "i2": 2})
    assert out[0].code == "CS232" and out[0].absorbed == [1]
    incidents = {1: Existing(1, "CS1", True, set()), 2: Existing(2, "CS2", True, set())}
    out = plan({"k": ["i1", "i2", "c5"]}, incidents, {"i1": 1, "i2": 2})
    assert [o.code for o in out] == ["CS1"] and out[0].absorbed == []


def test_records_never_paired_are_their_own_cluster():
    assert members_by_cluster({"a": "a", "b": "a"}, ["a", "b", "c"]) == {"a": ["a", "b"], "c": ["c"]}
