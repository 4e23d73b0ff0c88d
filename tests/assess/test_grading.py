"""One test per grade and per edge of the grading rules."""
from civcas.assess.grading import Evidence, SourceClaim, grade, independent_sources

R = SourceClaim


def test_confirmed_by_credible_assessment():
    d = grade(Evidence(reports=[R("Airwars")], credible_assessment=True))
    assert d.grade == "confirmed" and "credible" in d.explain()


def test_confirmed_by_conceded_deaths_even_with_one_source():
    assert grade(Evidence(reports=[R("local page")], deaths_conceded=3)).grade == "confirmed"


def test_zero_conceded_is_not_confirmation():
    assert grade(Evidence(reports=[R("a")], deaths_conceded=0)).grade == "weak"


def test_fair_needs_two_independent_sources_and_a_strike():
    ev = Evidence(reports=[R("SOHR"), R("RBSS")], strike_declared=True)
    d = grade(ev)
    assert d.grade == "fair" and "2 independent sources" in d.reasons[0]
    assert grade(Evidence(reports=[R("SOHR"), R("RBSS")], strike_likely=True)).grade == "fair"


def test_two_sources_without_a_strike_are_weak():
    d = grade(Evidence(reports=[R("SOHR"), R("RBSS")]))
    assert (d.grade, d.rule) == ("weak", "weak-no-strike")


def test_weak_single_source():
    d = grade(Evidence(reports=[R("SOHR")], strike_declared=True))
    assert (d.grade, d.rule) == ("weak", "weak-single-source")


def test_two_reprints_of_one_wire_are_one_source():
    republishes = {"Daily Star": "Associated Press", "Herald": "Associated Press"}
    ev = Evidence(reports=[R("Daily Star"), R("Herald")], strike_declared=True)
    assert independent_sources(ev.reports, republishes) == {"Associated Press"}
    assert grade(ev, republishes).grade == "weak"


def test_outlet_quoting_another_count_counts_once():
    ev = Evidence(reports=[R("Reuters", attributed_to="SOHR"), R("SOHR")], strike_declared=True)
    assert grade(ev).grade == "weak"


def test_untrusted_sources_do_not_count():
    ev = Evidence(reports=[R("SOHR"), R("rumour mill", credible=False)], strike_declared=True)
    assert grade(ev).grade == "weak"
    assert grade(Evidence(reports=[R("x", credible=False)])).grade is None


def test_contested_when_reports_blame_different_parties():
    ev = Evidence(reports=[R("A", blames="Coalition"), R("B", blames="Russia")], strike_declared=True)
    assert grade(ev).grade == "contested"


def test_same_party_blamed_twice_is_not_contested():
    ev = Evidence(reports=[R("A", blames="Coalition"), R("B", blames="coalition ")], strike_declared=True)
    assert grade(ev).grade == "fair"


def test_discounted_when_combatants_killed_even_if_conceded():
    assert grade(Evidence(reports=[R("A"), R("B")], killed_were_combatants=True,
                          credible_assessment=True)).grade == "discounted"
    assert grade(Evidence(reports=[R("A")], other_party_responsible=True)).grade == "discounted"


def test_reasons_list_evidence():
    d = grade(Evidence(reports=[R("A")], evidence={"named_victims", "video"}))
    assert "evidence: named_victims, video" in d.explain()


def test_reprint_cycles_terminate():
    assert independent_sources([R("a")], {"a": "b", "b": "a"}) in ({"a"}, {"b"})
