"""Fixtures for places tests: a scratch database with the civcas schema, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
import sqlalchemy
from sqlalchemy import text

from civcas.store.schema import Base


def _fresh_pg(url: str) -> None:
    eng = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = sqlalchemy.create_engine("sqlite:///" + str(tmp_path / "places.db"))
    else:
        url = request.getfixturevalue("pg_url")      # tests/conftest.py: a database for this run
        _fresh_pg(url)
        eng = sqlalchemy.create_engine(url)
    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()
