"""Declared strikes land once, placed near their town, in one transaction."""
from __future__ import annotations

from pathlib import Path

import pytest

from civcas.places import Gazetteer
from civcas.store import repositories as repo
from civcas.store.schema import Strike
from civcas.strikes.load import import_strikes

FIXTURES = Path(__file__).parent / "fixtures"


def strikes(store):
    with store.session() as s:
        return s.query(Strike).order_by(Strike.id).all()


def test_release_imports_once_and_is_placed(store):
    first = import_strikes(store, [FIXTURES / "release_daily.txt"], Gazetteer.default())
    assert first.new >= 6 and not first.errors
    again = import_strikes(store, [FIXTURES / "release_daily.txt"], Gazetteer.default())
    assert (again.new, again.present) == (0, first.new)
    rows = strikes(store)
    raqqa = next(r for r in rows if r.location and "Raqqa" in r.location)
    assert raqqa.country == "Syria" and raqqa.strikes == 4
    assert raqqa.lat == pytest.approx(35.95, abs=0.2) and raqqa.geo_precision >= 2
    assert "Near Raqqa, four strikes" in raqqa.text


def test_identical_rows_of_one_file_stay_distinct(sqlite_store, tmp_path):
    row = '3/8/2016,Iraq,Hit,1,strike destroyed a boat.,"- Near Hit, one strike destroyed a boat."'
    doubled = tmp_path / "doubled.csv"
    doubled.write_text("date,country,location,number,description,line\n" + "\n".join([row, row]) + "\n")
    result = import_strikes(sqlite_store, [doubled])
    assert (result.new, result.errors) == (2, [])
    assert import_strikes(sqlite_store, [doubled]).present == 2


def test_failure_midway_leaves_nothing(sqlite_store, monkeypatch):
    def boom(session, records):
        list(records)
        session.add(Strike(fingerprint="x", date=None))  # violates NOT NULL at flush
        session.flush()

    monkeypatch.setattr(repo, "add_strikes", boom)
    with pytest.raises(Exception):
        import_strikes(sqlite_store, [FIXTURES / "release_daily.txt"])
    assert strikes(sqlite_store) == []


def test_strikes_with_their_own_coordinates_count_as_placed(sqlite_store):
    # The Dutch table gives each strike a latitude and longitude: placed without any geocoding.
    result = import_strikes(sqlite_store, [FIXTURES / "nl_employments.csv"], Gazetteer.default())
    with_coordinates = sum(r.lat is not None for r in strikes(sqlite_store))
    assert result.geocoded == 0 and with_coordinates > 0
    assert result.placed == with_coordinates
