"""Ingest: files in, immutable documents and their proposed claims out, one transaction each.

A bad file never stops the others and never leaves part of a row; the same bytes twice are
stored once.  What happens to a document between reading and storing (extraction, geocoding)
is a list of steps, so a deployment can add or swap one without touching this loop.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from civcas.ingest.readers import MAX_BYTES, Rejected, is_sidecar, read_file
from civcas.ingest.steps import Step, default_steps
from civcas.records import DocumentRecord
from civcas.store import Store
from civcas.store import repositories as repo


@dataclass
class Outcome:
    origin: str
    status: str                      # new | present | rejected
    reason: str | None = None
    document_id: int | None = None
    claims: int = 0


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "rejected"]


def discover(paths: Iterable[Path]) -> Iterator[Path | Outcome]:
    """Files to read, in a stable order; a missing path is an outcome, not an exception."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) and not is_sidecar(child):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Outcome(str(path), "rejected", f"{path}: no such file or folder")


def ingest_paths(store: Store, paths: Iterable[Path], **options) -> IngestReport:  # noqa: ANN003
    return ingest_items(store, discover(paths), **options)


def ingest_items(store: Store, items: Iterable[Path | Outcome], *, steps: list[Step] | None = None,
                 max_bytes: int = MAX_BYTES,
                 progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest what `discover` found (a caller that wants a progress total discovers first)."""
    steps = default_steps(store) if steps is None else steps
    report = IngestReport()
    for item in items:
        if isinstance(item, Outcome):
            report.outcomes.append(item)
            continue
        try:
            docs = read_file(item, max_bytes=max_bytes)
        except Rejected as exc:
            report.outcomes.append(Outcome(str(item), "rejected", str(exc)))
        else:
            for doc in docs:
                report.outcomes.append(store_document(store, doc, steps))
        if progress:
            progress(str(item))
    return report


def store_document(store: Store, doc: DocumentRecord, steps: list[Step]) -> Outcome:
    origin = doc.origin or "?"
    try:
        with store.session() as s:
            existing = repo.find_document_id(s, doc.sha256)
            if existing is not None:
                return Outcome(origin, "present", document_id=existing)
        claims = []
        for step in steps:
            claims = step(doc, claims)
        with store.session() as s:
            doc_id = repo.add_document(s, doc, claims)
        return Outcome(origin, "new", document_id=doc_id, claims=len(claims))
    except IntegrityError:
        # Another process stored the same bytes between our check and our insert.
        with store.session() as s:
            return Outcome(origin, "present", document_id=repo.find_document_id(s, doc.sha256))
    except (ValueError, SQLAlchemyError) as exc:
        return Outcome(origin, "rejected", f"{origin}: could not store ({_one_line(exc)})")


def _one_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__


__all__ = ["IngestReport", "Outcome", "discover", "ingest_items", "ingest_paths", "store_document", "Rejected",
           "read_file"]
