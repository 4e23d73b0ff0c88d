"""The steps between reading a document and storing it.  Each is a small callable taking the
document and the claims so far; `default_steps` is the configured chain."""
from __future__ import annotations

from typing import Protocol

from civcas.records import ClaimRecord, DocumentRecord


class Step(Protocol):
    name: str

    def __call__(self, doc: DocumentRecord, claims: list[ClaimRecord]) -> list[ClaimRecord]: ...


class ExtractClaims:
    """Propose claims from the text with the rules extractor (an analyst confirms them later)."""

    name = "extract"

    def __init__(self) -> None:
        from civcas.extract import extract

        self._extract = extract

    def __call__(self, doc: DocumentRecord, claims: list[ClaimRecord]) -> list[ClaimRecord]:
        return claims + self._extract(doc.text, doc.published, publisher=doc.publisher)


class GeocodeClaims:
    """Put every claim that names a place on the map, with the precision the text allows."""

    name = "geocode"

    def __init__(self, gazetteer) -> None:  # noqa: ANN001
        self._gazetteer = gazetteer

    def __call__(self, doc: DocumentRecord, claims: list[ClaimRecord]) -> list[ClaimRecord]:
        from civcas.places import GeocodeContext

        context = GeocodeContext(text=doc.text)
        for claim in claims:
            if claim.place_text:
                claim.geocode = self._gazetteer.geocode(
                    claim.place_text if not claim.country or claim.country in claim.place_text
                    else f"{claim.place_text}, {claim.country}", context)
        return claims


def default_steps(store=None) -> list[Step]:  # noqa: ANN001
    """Extraction, then geocoding against the store's gazetteer (the bundled one without a store)."""
    from civcas.places.cli import load_gazetteer

    return [ExtractClaims(), GeocodeClaims(load_gazetteer(store.engine if store is not None else None))]
