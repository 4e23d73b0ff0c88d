import datetime as dt

from civcas.link import figures
from civcas.link.features import buckets, date_range, day_number, place_key
from civcas.link.metrics import scores


def test_killed_range_takes_lowest_min_and_highest_max_or_open_min():
    claims = [{"id": 1, "count_min": 11, "count_max": 11, "event_date": dt.date(2017, 3, 17)},
              {"id": 2, "count_min": 14, "count_max": None, "event_date": dt.date(2017, 3, 18)},
              {"id": 3, "count_min": 9, "count_max": 30, "counted": "killed or wounded"},
              {"id": 4, "count_min": 12, "count_max": 13, "lat": 36.3, "lon": 43.1, "geo_precision": 1,
               "place_text": "al-Jadida", "event_date": dt.date(2017, 3, 1), "date_precision": "month"}]
    out = figures.from_claims(claims)
    assert (out["civilians_killed_min"], out["civilians_killed_max"]) == (11, 14)
    assert out["date"] == dt.date(2017, 3, 17) and out["date_end"] == dt.date(2017, 3, 18)
    assert out["date_precision"] == "day" and out["place_text"] == "al-Jadida"


def test_monitor_figures_are_only_widened():
    current = {"civilians_killed_min": 10, "civilians_killed_max": 12, "date": dt.date(2017, 3, 17),
               "lat": 36.0, "lon": 43.0, "geo_precision": 2, "place_text": "Mosul", "sources": []}
    claimed = {"civilians_killed_min": 11, "civilians_killed_max": 20, "date": dt.date(2017, 3, 18),
               "lat": 36.3, "lon": 43.1, "geo_precision": 1, "place_text": "Jadida",
               "sources": [{"name": "Rudaw", "url": "u", "date": None}]}
    out = figures.widen(current, claimed)
    assert (out["civilians_killed_min"], out["civilians_killed_max"]) == (10, 20)
    assert out["date"] == dt.date(2017, 3, 17) and out["date_end"] == dt.date(2017, 3, 18)
    assert out["lat"] == 36.0 and out["place_text"] == "Mosul" and len(out["sources"]) == 1


def test_place_key_and_precision_aware_dates():
    assert place_key("al-Tukhar") == place_key("Tukhar") == place_key("Al Tukhar") == "tukhar"
    lo, hi = date_range(dt.date(2017, 3, 5), "month")
    assert lo == day_number(dt.date(2017, 3, 1)) and hi == day_number(dt.date(2017, 3, 31))
    for d in range(700, 760):            # dates up to three days apart always share a bucket
        for gap in range(4):
            a, b = buckets(d), buckets(d + gap)
            assert a[0] == b[0] or a[1] == b[1]


def test_pairwise_and_bcubed_scores():
    perfect = scores(["a", "a", "b"], [1, 1, 2])
    assert perfect["f1"] == 1.0 and perfect["bcubed_f1"] == 1.0
    merged = scores(["a", "a", "a"], [1, 1, 2])
    assert merged["recall"] == 1.0 and abs(merged["precision"] - 1 / 3) < 1e-9
    assert 0 < merged["bcubed_precision"] < 1
