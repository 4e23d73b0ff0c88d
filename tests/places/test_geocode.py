from __future__ import annotations

import time

from civcas.places import Gazetteer, GeocodeContext
from civcas.places.cli import JSON_KEYS, geocode_json
from civcas.places.context import distance_km, parse
from civcas.records import GEO_PRECISIONS


def near(res, lat, lon, km=25):
    return res.lat is not None and distance_km(res.lat, res.lon, lat, lon) <= km


def test_bad_input_gives_null_with_reason():
    g = Gazetteer.default()
    for q in ("", "   ", "???", "12345", "Xyzzyqwv", "near Plughvillex"):
        r = g.geocode(q)
        assert r.lat is None and r.lon is None and r.precision is None, q
        assert r.reason, q


def test_precision_codes_follow_the_wording():
    g = Gazetteer.default()
    assert g.geocode("Raqqa").precision == 1
    assert g.geocode("near Raqqa").precision == 2
    assert g.geocode("Raqqa countryside").precision == 2
    assert g.geocode("Raqqa province").precision == 4
    assert g.geocode("Syria").precision == 5
    for q in ("Raqqa", "near Raqqa", "Raqqa province", "Syria"):
        assert g.geocode(q).precision in GEO_PRECISIONS


def test_village_north_of_town_prefers_village_then_falls_back():
    g = Gazetteer.default()
    r = g.geocode("the village of Tokhar north of Manbij")
    assert r.name == "Tokhar" and r.precision == 1
    r = g.geocode("the village of Qwzxbra north of Manbij")
    assert r.precision == 2 and near(r, 36.53, 37.95, 2)


def test_parts_of_mosul_differ():
    g = Gazetteer.default()
    w, e = g.geocode("west Mosul"), g.geocode("east Mosul")
    assert w.lon < e.lon
    assert near(w, 36.34, 43.13, 10) and near(e, 36.34, 43.13, 10)


def test_country_in_query_or_context_picks_namesake():
    g = Gazetteer.default()
    assert g.geocode("Sinjar, Iraq").country == "IQ"
    assert g.geocode("Sinjar, Syria").country == "SY"
    assert g.geocode("Sinjar", GeocodeContext(country="SY")).country == "SY"
    assert g.geocode("Sinjar", GeocodeContext(text="Coalition strikes in Idlib, Syria")).country == "SY"


def test_other_places_in_document_disambiguate():
    g = Gazetteer()
    g.add_place("Al Jadida", "village", 35.0, 40.5, "SY", source="t")
    g.add_place("Al Jadida", "village", 36.5, 37.9, "SY", source="t")
    g.add_place("Manbij", "city", 36.53, 37.95, "SY", population=100000, source="t")
    r = g.geocode("Al Jadida", GeocodeContext(places=["Manbij"]))
    assert near(r, 36.5, 37.9, 1)
    assert len(r.candidates) == 2


def test_mgrs_gives_coordinates():
    g = Gazetteer.default()
    r = g.geocode("2671 37SFU790137")
    assert r.precision == 1 and near(r, 34.45, 40.95, 2)
    r = g.geocode("38S LD 123 456")
    assert r.precision == 1 and r.lat is not None


def test_arabic_queries():
    g = Gazetteer.default()
    assert near(g.geocode("دير الزور"), 35.34, 40.14)
    assert g.geocode("ريف الرقة").precision == 2
    assert g.geocode("محافظة الرقة").precision == 4


def test_candidates_are_reported():
    r = Gazetteer.default().geocode("Raqqa")
    assert r.candidates and r.candidates[0]["name"] == r.name
    assert {"name", "lat", "lon", "kind", "score"} <= set(r.candidates[0])


def test_geocode_json_shape():
    out = geocode_json(Gazetteer.default(), ["Raqqa", "Qwzxbra"])
    assert list(out[0])[: len(JSON_KEYS)] == list(JSON_KEYS)
    assert out[0]["precision"] == 1 and "reason" not in out[0]
    assert out[1]["lat"] is None and out[1]["reason"]


def test_cache_returns_independent_copies():
    g = Gazetteer.default()
    a = g.geocode("Raqqa")
    a.candidates.clear()
    a.name = "x"
    b = g.geocode("Raqqa")
    assert b.name != "x" and b.candidates


def test_cached_geocodes_are_fast():
    g = Gazetteer.default()
    qs = ["Raqqa", "near Mosul", "Hajin", "Deir ez-Zor province", "الرقة"]
    for q in qs:
        g.geocode(q)
    n = 20_000
    t = time.perf_counter()
    for i in range(n):
        g.geocode(qs[i % len(qs)])
    rate = n / (time.perf_counter() - t)
    assert rate >= 20_000, rate


def test_parse_shapes():
    p = parse("the village of Tokhar north of Manbij")
    assert (p.main, p.anchor, p.relation, p.direction) == ("Tokhar", "Manbij", "direction", "n")
    p = parse("Raqqa countryside")
    assert (p.main, p.anchor, p.relation) == (None, "Raqqa", "near")
    p = parse("Nineveh province")
    assert (p.main, p.level) == ("Nineveh", "governorate")
    p = parse("Between X town and Y village")
    assert p.between == ["X", "Y"]


def test_report_phrasings():
    g = Gazetteer.default()
    r = g.geocode("Raqqa's eastern countryside")
    assert r.precision == 2 and near(r, 35.95, 39.01)
    r = g.geocode("Al Busayra or Al Basira")
    assert near(r, 35.16, 40.43)
    r = g.geocode("near Dayz Az Zawr", GeocodeContext(country="SY"))     # a typo in a release
    assert r.precision == 2 and near(r, 35.34, 40.14)
    r = g.geocode("Hajin pocket")
    assert r.precision == 2 and near(r, 34.70, 40.83) and r.reason
    r = g.geocode("in western Anbar")
    assert r.precision == 4
    r = g.geocode("near Syria")
    assert r.precision == 5
    r = g.geocode("ريف حلب الشمالي")
    assert r.precision == 2 and near(r, 36.20, 37.16)


def test_an_empty_store_geocodes_like_the_bundled_default(tmp_path):
    """Ingest geocodes through the store's gazetteer; with no places imported it must answer as
    the bundled one does (hand-entered spellings merged into GeoNames places included)."""
    from pathlib import Path

    from civcas.places import Gazetteer, GeocodeContext
    from civcas.places.cli import load_gazetteer
    from civcas.store import Store

    store = Store.open(str(tmp_path / "empty.db"))
    from_store, bundled = load_gazetteer(store.engine), Gazetteer.default()
    rows = [ln.split("\t")[0] for ln in (Path(__file__).parent / "toponyms.tsv").read_text().splitlines()
            if ln and not ln.startswith("#")][1:]
    for q in rows:
        a, b = from_store.geocode(q), bundled.geocode(q)
        assert (a.name, a.lat, a.precision) == (b.name, b.lat, b.precision), q
    ctx = GeocodeContext(text="Residents of west Mosul said the strike hit Jadida, in Iraq.")
    assert from_store.geocode("Jadida", ctx).admin1 == "Nineveh"
