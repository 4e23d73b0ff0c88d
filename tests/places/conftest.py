"""Fixtures for places tests: a scratch database with the civcas schema, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
import sqlalchemy

from civcas.store.schema import Base


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = sqlalchemy.create_engine("sqlite:///" + str(tmp_path / "places.db"))
    else:
        eng = sqlalchemy.create_engine(request.getfixturevalue("fresh_pg_url"))  # see tests/conftest.py
    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()
