from __future__ import annotations

import json

import pytest

from civcas.places import Gazetteer
from civcas.places.context import distance_km
from civcas.places.learn import clean_location, learn_airwars


def test_clean_location_takes_one_place_or_none():
    assert clean_location("Hajin: House near Khalid bin Walid mosque") == "Hajin"
    assert clean_location("Al Bahra village") == "Al Bahra"
    assert clean_location("Between Al-Baghuz Fawqani town and Al-Marashdah village") is None
    assert clean_location("near Mayadin") is None
    assert clean_location("Kasrat Sheikh (Juma'a)") == "Kasrat Sheikh"
    assert clean_location("قرية جديد كحيط") == "جديد كحيط"
    assert clean_location("حديقة المرورية, الجميلي") is None


def test_learn_from_records_keeps_source(engine, tmp_path):
    f = tmp_path / "inc.jsonl"
    recs = [
        {"code": "CS9001", "date": "2017-05-01", "location": "Qwzx Village", "location_ar": "قرية قوزكس",
         "latitude": 35.5, "longitude": 39.5, "geolocation_accuracy": "village", "governorate": "Ar Raqqah"},
        {"code": "CS9002", "date": "2017-05-02", "location": "Qwzx", "location_ar": None,
         "latitude": 35.51, "longitude": 39.49, "geolocation_accuracy": "village"},
        {"code": "CS9003", "date": "2017-05-03", "location": "Vague Place", "latitude": 35.0,
         "longitude": 39.0, "geolocation_accuracy": "province_governorate"},
        {"code": "CS9004", "date": "2017-05-04", "location": "Between A and B", "latitude": 35.0,
         "longitude": 39.0, "geolocation_accuracy": "village"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in recs) + "\nnot json\n", encoding="utf-8")
    res = learn_airwars(engine, f)
    assert res.used == 2 and res.places_added == 1
    g = Gazetteer.from_engine(engine)
    r = g.geocode("Qwzx")
    assert r.place_id is not None and distance_km(r.lat, r.lon, 35.5, 39.5) < 2
    assert r.admin1 == "Raqqa"
    assert r.candidates[0]["source"] == "airwars:CS9001"
    assert g.geocode("قوزكس").place_id == r.place_id
    assert g.geocode("Vague Place").lat is None


@pytest.mark.shared
def test_year_split_on_shared_airwars(shared_dir):
    from civcas.places.evaluate import year_split

    path = shared_dir / "data/airwars-syria/airwars-syria-coalition-incidents.jsonl"
    if not path.exists():
        pytest.skip("airwars records absent")
    s = year_split(path, 2017)
    assert s.tested > 1000
    assert s.share >= 0.60, s
    assert s.share >= s.baseline_share
    s18 = year_split(path, 2018)
    assert s18.share >= 0.75, s18
