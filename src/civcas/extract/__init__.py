"""Claim extraction: what a report asserts about civilian harm, each claim with its exact quote.

`extract(text, published)` runs the default extractor (regular-expression rules, see
docs/extract.md).  Other extractors (a model-based one, say) implement `Extractor` and can be
registered under a name, so the CLI and ingest can choose one without knowing its internals.
"""
from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

from ..records import ClaimRecord
from .dates import find_published
from .rules import RulesExtractor

__all__ = ["Extractor", "RulesExtractor", "extract", "find_published", "get_extractor", "register"]


@runtime_checkable
class Extractor(Protocol):
    """Anything that turns a document's text into claims whose spans point into that text."""

    name: str

    def extract(self, text: str, published: dt.date | None = None) -> list[ClaimRecord]: ...


_REGISTRY: dict[str, Extractor] = {"rules": RulesExtractor()}
DEFAULT = "rules"


def register(extractor: Extractor) -> None:
    """Make an extractor available by its name (a plug-in calls this on import)."""
    _REGISTRY[extractor.name] = extractor


def get_extractor(name: str | None = None) -> Extractor:
    try:
        return _REGISTRY[name or DEFAULT]
    except KeyError:
        raise KeyError(f"no extractor named {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def extract(text: str, published: dt.date | None = None) -> list[ClaimRecord]:
    """Claims in `text`, relative dates resolved against `published` (None leaves them unresolved)."""
    return _REGISTRY[DEFAULT].extract(text, published)
