"""Claim extraction: what a report asserts about civilian harm, each claim with its exact quote.

`extract(text, published, publisher=...)` runs the default extractor: the English rules (regular expressions,
see docs/extract.md) and, where the text holds Arabic, the Arabic rules (docs/extract_arabic.md).  Other extractors (a model-based one, say) implement `Extractor` and can be
registered under a name, so the CLI and ingest can choose one without knowing its internals.
"""
from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

import re

from ..records import ClaimRecord
from .arabic import extract_arabic, find_published_ar
from .dates import find_published as _find_published_en
from .rules import RulesExtractor

__all__ = ["Extractor", "Rules", "RulesExtractor", "extract", "find_published", "get_extractor", "register"]


@runtime_checkable
class Extractor(Protocol):
    """Anything that turns a document's text into claims whose spans point into that text."""

    name: str

    def extract(self, text: str, published: dt.date | None = None, *,
                publisher: str | None = None) -> list[ClaimRecord]: ...


# Enough Arabic letters for a sentence: a post in Arabic inside an English web page, or an
# Arabic article.  The English rules read everything; the Arabic ones only what is Arabic.
_ARABIC_RUN = re.compile(r"(?:[\u0621-\u064A][^\u0621-\u064A]{0,3}){20}")


def _holds_arabic(text: str) -> bool:
    return not text.isascii() and _ARABIC_RUN.search(text) is not None


class Rules:
    """The default extractor: the English rules (`RulesExtractor`) on every text, and the Arabic
    rules (`civcas.extract.arabic`) too where the text holds Arabic, so a mixed page (an Arabic
    post in an English page) gives the claims of both."""

    name = "rules"

    def __init__(self) -> None:
        self._english = RulesExtractor()

    def extract(self, text: str, published: dt.date | None = None, *,
                publisher: str | None = None) -> list[ClaimRecord]:
        claims = self._english.extract(text, published, publisher=publisher)
        if _holds_arabic(text):
            claims += extract_arabic(text, published)
        return claims


def find_published(text: str) -> dt.date | None:
    """The date a report was published, from its header: English datelines and headers first,
    then, for a text that holds Arabic, the date line of the post or page around it."""
    found = _find_published_en(text)
    if found is None and _holds_arabic(text):
        found = find_published_ar(text)
    return found


_REGISTRY: dict[str, Extractor] = {"rules": Rules()}
DEFAULT = "rules"


def register(extractor: Extractor) -> None:
    """Make an extractor available by its name (a plug-in calls this on import)."""
    _REGISTRY[extractor.name] = extractor


def get_extractor(name: str | None = None) -> Extractor:
    try:
        return _REGISTRY[name or DEFAULT]
    except KeyError:
        raise KeyError(f"no extractor named {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def extract(text: str, published: dt.date | None = None, *, publisher: str | None = None) -> list[ClaimRecord]:
    """Claims in `text`, relative dates resolved against `published` (None leaves them unresolved).
    `publisher` is the document's publisher from its metadata (a name, a site's short name, a domain
    or URL): the party of a total the text gives without a source, when the text does not say whose
    copy it is."""
    return _REGISTRY[DEFAULT].extract(text, published, publisher=publisher)
