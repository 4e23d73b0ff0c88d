"""GeoNames import: streaming, batched, one transaction, malformed lines reported and skipped."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from civcas.places import Gazetteer
from civcas.places.importer import ImportResult, import_geonames, iter_geonames_rows, seed_default
from civcas.store.schema import Place, PlaceName


def _row(gid, name, lat, lon, fcode="PPL", fclass="P", cc="SY", admin1="07", pop=0, alts=""):
    return {"geonameid": gid, "name": name, "asciiname": name, "alternatenames": alts, "latitude": lat,
            "longitude": lon, "feature_class": fclass, "feature_code": fcode, "country_code": cc,
            "admin1_code": admin1, "population": pop, "timezone": "Asia/Damascus",
            "modification_date": "2024-01-01"}


def _write(path, rows, extra_lines=()):
    lines = list(iter_geonames_rows(rows))
    for pos, text in extra_lines:
        lines.insert(pos, text)
    path.write_text("".join(lines), encoding="utf-8")


def _count(engine, model):
    with engine.connect() as c:
        return c.execute(select(func.count()).select_from(model)).scalar_one()


def test_import_country_file_and_geocode(engine, tmp_path):
    f = tmp_path / "SY.txt"
    _write(f, [
        _row(1, "Qaryat Zzyzx", 35.1, 40.1, alts="Zzyzx,قرية زيزكس"),
        _row(2, "Dayr az Zawr Governorate", 35.0, 40.3, fcode="ADM1", fclass="A"),
        _row(3, "Hayy Zzyzx", 35.2, 40.2, fcode="PPLX"),
        _row(4, "Big Zzyzx", 35.3, 40.3, fcode="PPLA", pop=250000),
    ])
    res = import_geonames(engine, f)
    assert isinstance(res, ImportResult)
    assert res.kind == "geonames" and res.places == 4 and not res.errors
    kinds = {}
    with engine.connect() as c:
        for name, kind, admin1 in c.execute(select(Place.name, Place.kind, Place.admin1)):
            kinds[name] = kind
            assert admin1 == "Deir ez-Zor"
    assert kinds == {"Qaryat Zzyzx": "village", "Dayr az Zawr Governorate": "governorate",
                     "Hayy Zzyzx": "neighbourhood", "Big Zzyzx": "city"}
    g = Gazetteer.from_engine(engine)
    r = g.geocode("Zzyzx")
    assert r.place_id is not None and r.lat == pytest.approx(35.1)
    assert g.geocode("زيزكس").place_id == r.place_id
    # re-import skips what is there
    again = import_geonames(engine, f)
    assert again.places == 0 and again.skipped_existing == 4


def test_malformed_lines_are_reported_with_line_numbers_and_skipped(engine, tmp_path):
    f = tmp_path / "IQ.txt"
    rows = [_row(i, f"Place {i}", 33.0 + i / 100, 44.0, cc="IQ", admin1="07") for i in range(1, 11)]
    _write(f, rows, extra_lines=[(3, "this line is not geonames\n"),
                                 (6, "\t".join(["x"] * 19) + "\n")])
    res = import_geonames(engine, f)
    assert res.places == 10
    assert [n for n, _ in res.errors] == [4, 7]
    assert "columns" in res.errors[0][1] and "number" in res.errors[1][1]
    assert _count(engine, Place) == 10


def test_interrupted_import_leaves_tables_as_they_were(engine, tmp_path):
    first = tmp_path / "SY.txt"
    _write(first, [_row(1, "Keep Me", 35.0, 40.0)])
    import_geonames(engine, first)
    before = (_count(engine, Place), _count(engine, PlaceName))
    big = tmp_path / "allCountries.txt"
    _write(big, [_row(100 + i, f"Lost {i}", 34.0, 40.0 + i / 10000) for i in range(12_000)])

    def boom(lines):
        if lines >= 5000:
            raise KeyboardInterrupt("simulated ^C")

    with pytest.raises(KeyboardInterrupt):
        import_geonames(engine, big, progress=boom)
    assert (_count(engine, Place), _count(engine, PlaceName)) == before


def test_alternate_names_and_admin1(engine, tmp_path):
    f = tmp_path / "SY.txt"
    _write(f, [_row(7, "Qwerty", 35.0, 40.0, admin1="99")])
    import_geonames(engine, f)
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t7\tar\tكويرتي\t\t\t\t\t\t\n2\t7\tlink\thttp://x\t\t\t\t\t\t\n"
                   "3\t999\ten\tNowhere\t\t\t\t\t\t\nbroken\n", encoding="utf-8")
    res = import_geonames(engine, alt)
    assert res.kind == "alternatenames" and res.names == 1 and res.skipped_unknown == 1
    assert [n for n, _ in res.errors] == [4]
    adm = tmp_path / "admin1CodesASCII.txt"
    adm.write_text("SY.99\tTest Province\tTest Province\t1\n", encoding="utf-8")
    import_geonames(engine, adm)
    g = Gazetteer.from_engine(engine, include_default=False)
    r = g.geocode("كويرتي")
    assert r.name == "Qwerty" and r.admin1 == "Test Province"


def test_seed_default_gives_db_ids(engine):
    res = seed_default(engine)
    assert res.places > 400
    g = Gazetteer.from_engine(engine)
    r = g.geocode("Raqqa")
    assert r.place_id is not None
    assert seed_default(engine).places == 0


def test_ids_keep_working_after_bulk_import(engine):
    from sqlalchemy.orm import Session

    seed_default(engine)
    with Session(engine) as s:
        p = Place(name="Later", kind="village", lat=35.0, lon=40.0, source="test")
        s.add(p)
        s.flush()
        s.add(PlaceName(place_id=p.id, name="Later", key="latar", source="test"))
        s.commit()
        assert p.id > 400


def test_zipped_country_file_as_geonames_ships_it(engine, tmp_path):
    import zipfile

    txt = tmp_path / "IQ.txt"
    _write(txt, [_row(55, "Qaryat Zipped", 36.0, 43.0, cc="IQ", admin1="15")])
    z = tmp_path / "IQ.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("readme.txt", "GeoNames readme\n")
        zf.write(txt, "IQ.txt")
    res = import_geonames(engine, z)
    assert res.places == 1
    from civcas.places.cli import geocode_json, load_gazetteer

    out = geocode_json(load_gazetteer(engine), ["Qaryat Zipped"])
    assert out[0]["admin1"] == "Nineveh" and out[0]["place_id"] is not None
