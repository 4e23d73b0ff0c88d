"""MGRS grid references in text (CJTF-OIR statements end with e.g. "37SFU790137").

A grid reference is coordinates, not a name: it bypasses the gazetteer and is exact (precision 1)
to the resolution its digits give, which for the 6-10 digit references in releases is <= 1 km.
"""
from __future__ import annotations

import re

import mgrs as _mgrs

_MGRS_RE = re.compile(
    r"(?<![A-Za-z0-9])(\d{1,2})\s?([C-HJ-NP-X])\s?([A-HJ-NP-Z]{2})\s?(\d{1,5}\s\d{1,5}|\d{2,10})(?![A-Za-z0-9])")
_CONV = _mgrs.MGRS()


def find(text: str) -> tuple[str, float, float] | None:
    """First valid grid reference in text as (canonical text, lat, lon), else None."""
    for m in _MGRS_RE.finditer(text.upper()):
        zone, band, square, run = m.groups()
        if " " in run:
            e, n = run.split()
            if len(e) != len(n):
                continue
        digits = run.replace(" ", "")
        if len(digits) % 2 or not 2 <= len(digits) <= 10 or not 1 <= int(zone) <= 60:
            continue
        ref = f"{int(zone):02d}{band}{square}{digits}"
        try:
            lat, lon = _CONV.toLatLon(ref)
        except Exception:
            continue
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return ref, float(lat), float(lon)
    return None
