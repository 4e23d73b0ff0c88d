"""The Splink model: what is compared, how pairs are found, and what we assume when we cannot learn.

Every comparison is written as plain SQL over the columns of `features`, so the same model runs on
DuckDB and on Spark; only the name of the string-similarity and list functions differ.  The m and
u values below are the *fallback*: used as they are when the corpus is too small to train on
(fewer than `MIN_TRAINING_RECORDS` rows), and as EM's starting point otherwise.  They encode what
field experience says about claims of one strike: most agree on the day within two days, on the
place within a few kilometres, and their tolls overlap; unrelated claims rarely do.
"""
from __future__ import annotations

import re
from typing import Any

# Below this many claims EM has too few true pairs to learn from and its estimates swing (monitor
# incidents do not count: pairs of two incidents are neither scored nor learned from).
MIN_TRAINING_RECORDS = 300

DIALECT_FUNCTIONS = {
    "duckdb": {"jw": "jaro_winkler_similarity", "intersect": "len(list_intersect({l}, {r}))"},
    "spark": {"jw": "jaro_winkler", "intersect": "size(array_intersect({l}, {r}))"},
}

GAP_DAYS = "(greatest(l.day_lo, r.day_lo) - least(l.day_hi, r.day_hi))"
BOTH_DAY = "l.coarse = 0 AND r.coarse = 0"
# Equirectangular distance: exact enough at the tens of kilometres that matter here.
DIST_KM = ("sqrt(power((l.lat - r.lat) * 110.57, 2) + "
           "power((l.lon - r.lon) * 111.32 * cos(radians((l.lat + r.lat) / 2)), 2))")
SLACK_KM = "(l.radius_km + r.radius_km)"
WIDEST = "greatest(l.radius_km, r.radius_km)"
OPEN = "1000000000"


_SIDE = re.compile(r"\b([lr])\.([a-z_0-9]+)")


def _level(sql: str, label: str, m: float | None = None, u: float | None = None,
           null: bool = False) -> dict[str, Any]:
    # Comparisons see the pair as one row with `col_l`/`col_r`; we write `l.col` for legibility.
    sql = _SIDE.sub(lambda mt: f"{mt.group(2)}_{mt.group(1)}", sql)
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if null:
        level["is_null_level"] = True
    if m is not None:
        level["m_probability"] = m
        level["u_probability"] = u
    return level


def comparisons(engine: str = "duckdb", with_priors: bool = True) -> list[dict[str, Any]]:
    fn = DIALECT_FUNCTIONS["spark" if engine == "spark" else "duckdb"]

    def p(m: float, u: float) -> tuple[float | None, float | None]:
        return (m, u) if with_priors else (None, None)

    jw = fn["jw"]
    date = [
        _level("l.day_lo IS NULL OR r.day_lo IS NULL", "no date", null=True),
        _level(f"{GAP_DAYS} <= 0 AND {BOTH_DAY}", "same day", *p(0.50, 0.003)),
        _level(f"{GAP_DAYS} <= 1 AND {BOTH_DAY}", "within a day", *p(0.25, 0.006)),
        _level(f"{GAP_DAYS} <= 3 AND {BOTH_DAY}", "within three days", *p(0.14, 0.012)),
        _level(f"{GAP_DAYS} <= 0", "vague dates overlap", *p(0.06, 0.05)),
        _level(f"{GAP_DAYS} <= 10", "within ten days", *p(0.03, 0.04)),
        _level("ELSE", "further apart", *p(0.02, 0.889)),
    ]
    # Exact geocodes are graded finely: the next village is typically 3-9 km away, and in a
    # dense governorate an unrelated village is rarely nearer than that.
    place_geo = [
        _level("l.lat IS NULL OR r.lat IS NULL", "no geocode", null=True),
        _level(f"{DIST_KM} <= {SLACK_KM} AND {WIDEST} <= 2", "same spot", *p(0.40, 0.002)),
        _level(f"{DIST_KM} <= 9 AND {WIDEST} <= 2", "next village", *p(0.20, 0.005)),
        _level(f"{DIST_KM} <= 15 AND {WIDEST} <= 2", "a village further", *p(0.05, 0.008)),
        _level(f"{DIST_KM} <= {SLACK_KM} AND {WIDEST} <= 25", "near a place", *p(0.15, 0.01)),
        _level(f"{DIST_KM} <= {SLACK_KM} AND {WIDEST} <= 50", "same district", *p(0.05, 0.03)),
        _level(f"{DIST_KM} <= {SLACK_KM} AND {WIDEST} <= 150", "same governorate", *p(0.09, 0.08)),
        _level(f"{DIST_KM} <= {SLACK_KM}", "same country", *p(0.02, 0.10)),
        _level(f"{DIST_KM} <= {SLACK_KM} + 50", "near", *p(0.02, 0.15)),
        _level("ELSE", "far", *p(0.02, 0.615)),
    ]
    place_name = [
        _level("l.place_key IS NULL OR r.place_key IS NULL", "no place name", null=True),
        _level("l.place_key = r.place_key", "same name", *p(0.55, 0.004)),
        _level(f"{jw}(l.place_key, r.place_key) >= 0.92", "spelling variant", *p(0.15, 0.004)),
        _level(f"{jw}(l.place_key, r.place_key) >= 0.80", "similar name", *p(0.08, 0.03)),
        _level("ELSE", "different name", *p(0.22, 0.962)),
    ]
    gap = (f"greatest(l.count_lo, r.count_lo) - "
           f"least(coalesce(l.count_hi, l.count_lo), coalesce(r.count_hi, r.count_lo))")
    overlap = (f"l.count_lo <= coalesce(r.count_hi, {OPEN}) AND "
               f"r.count_lo <= coalesce(l.count_hi, {OPEN})")
    toll = [
        _level("l.count_lo IS NULL OR r.count_lo IS NULL", "no toll", null=True),
        # the same large toll is rarely a coincidence; the same small one often is
        _level("l.count_lo = r.count_lo AND l.count_lo >= 10", "same toll, ten or more",
               *p(0.20, 0.01)),
        _level(f"{overlap} AND greatest(l.count_lo, r.count_lo) >= 5", "tolls overlap, five or more",
               *p(0.20, 0.05)),
        _level(overlap, "tolls overlap", *p(0.30, 0.2)),
        _level(f"{gap} <= greatest(3, 0.35 * greatest(l.count_lo, r.count_lo))", "tolls close",
               *p(0.22, 0.25)),
        _level("ELSE", "tolls far apart", *p(0.08, 0.49)),
    ]
    belligerent = [
        _level("l.belligerent IS NULL OR r.belligerent IS NULL", "no belligerent", null=True),
        # one side may name several parties ("russia|us-led coalition"): sharing one is agreeing
        _level("l.belligerent = r.belligerent OR "
               "instr(concat('|', l.belligerent, '|'), concat('|', r.belligerent, '|')) > 0 OR "
               "instr(concat('|', r.belligerent, '|'), concat('|', l.belligerent, '|')) > 0",
               "same belligerent", *p(0.92, 0.45)),
        _level("ELSE", "other belligerent", *p(0.08, 0.55)),
    ]
    shared = fn["intersect"].format(l="l.names", r="r.names")
    names = [
        _level("l.names IS NULL OR r.names IS NULL", "no victims' names", null=True),
        _level(f"{shared} >= 2", "two or more names shared", *p(0.6, 0.0001)),
        _level(f"{shared} >= 1", "one name shared", *p(0.3, 0.005)),
        _level("ELSE", "no name shared", *p(0.1, 0.9949)),
    ]
    return [
        {"output_column_name": "date", "comparison_levels": date},
        {"output_column_name": "geo", "comparison_levels": place_geo},
        {"output_column_name": "place", "comparison_levels": place_name},
        {"output_column_name": "toll", "comparison_levels": toll},
        {"output_column_name": "belligerent", "comparison_levels": belligerent},
        {"output_column_name": "names", "comparison_levels": names},
    ]


# Never compare two incidents: two monitors' records of one event are for an analyst to merge.
NOT_TWO_INCIDENTS = "(l.kind = 'claim' OR r.kind = 'claim')"


def blocking_rules() -> list[str]:
    """Pairs worth scoring: same governorate (or country when that is all we know) and a date
    window.  The two week buckets guarantee that dates up to three days apart meet; the month
    rules let a vague date meet the days it may mean; the country rules catch records geocoded
    no finer than a country; the last four let a report without a place, or without a date,
    meet what it can."""
    return [
        f"l.area = r.area AND l.wk = r.wk AND {NOT_TWO_INCIDENTS}",
        f"l.area = r.area AND l.wk2 = r.wk2 AND {NOT_TWO_INCIDENTS}",
        f"l.area = r.area AND l.ym = r.ym AND l.coarse = 1 AND {NOT_TWO_INCIDENTS}",
        f"l.area = r.area AND l.ym = r.ym AND r.coarse = 1 AND {NOT_TWO_INCIDENTS}",
        f"l.country = r.country AND l.wk = r.wk AND l.admin1 IS NULL AND {NOT_TWO_INCIDENTS}",
        f"l.country = r.country AND l.wk = r.wk AND r.admin1 IS NULL AND {NOT_TWO_INCIDENTS}",
        # a report that names no place at all still meets everything in its week...
        f"l.wk = r.wk AND l.area IS NULL AND {NOT_TWO_INCIDENTS}",
        f"l.wk = r.wk AND r.area IS NULL AND {NOT_TWO_INCIDENTS}",
        # ...and one that gives no date meets the records at the place it names
        f"l.area = r.area AND l.place_key = r.place_key AND l.day_lo IS NULL AND {NOT_TWO_INCIDENTS}",
        f"l.area = r.area AND l.place_key = r.place_key AND r.day_lo IS NULL AND {NOT_TWO_INCIDENTS}",
    ]


def settings(n_records: int, engine: str = "duckdb", with_priors: bool = True) -> dict[str, Any]:
    """With fixed parameters the prior is set from the corpus size: with about three claims an
    incident, each record matches about two others among n, so a random pair matches with
    probability near 2/n."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "comparisons": comparisons(engine, with_priors),
        "blocking_rules_to_generate_predictions": blocking_rules(),
        "probability_two_random_records_match": min(0.2, 2.0 / max(n_records, 10)),
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
        "additional_columns_to_retain": ["kind"],
        "max_iterations": 20,
    }


# Training: EM runs within governorate-weeks, where about half the pairs are true ones.  The
# rule names neither the date nor the geocode columns, so every comparison is learned in this
# one pass.  (A second pass blocked on the place name was tried and dropped: pairs at one
# village years apart agree on everything but the date, and EM took them for matches.)
# Pairs of two monitor incidents are never scored, so they must not be learned from either: a
# monitor's hundreds of incidents in one governorate-week would otherwise outnumber the claim
# pairs and teach EM that nothing matches.
EM_BLOCKS = (f"l.area = r.area AND l.wk = r.wk AND {NOT_TWO_INCIDENTS}",)
# Pairs almost surely the same event, to estimate how often two random records match.
DETERMINISTIC = ["l.area = r.area AND l.day_lo = r.day_lo AND l.place_key = r.place_key "
                 f"AND l.coarse = 0 AND r.coarse = 0 AND {NOT_TWO_INCIDENTS}"]
# Share of true pairs these rules find, measured on the synthetic corpus (0.23); revise it when
# labelled real pairs exist.
DETERMINISTIC_RECALL = 0.25
