"""The store: one schema, SQLite by default, PostgreSQL for teams, migrated by Alembic."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from civcas.errors import StoreError
from civcas.store import migrate
from civcas.store.db import describe, make_engine, resolve_url
from civcas.store.sources import seed_sources




class Store:
    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, db: str | None = None, *, upgrade: bool = True) -> "Store":
        url = resolve_url(db)
        try:
            store = cls(url, make_engine(url))
            if upgrade:
                store.upgrade()
        except OperationalError as exc:
            raise StoreError(f"cannot open the database {describe(url)}: {exc.orig}") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"database {describe(url)}: {exc}") from None
        return store

    def upgrade(self) -> None:
        migrate.upgrade(self.engine)
        with self.session() as s:
            seed_sources(s)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def describe(self) -> str:
        return describe(self.url)


__all__ = ["Store", "StoreError", "resolve_url"]
