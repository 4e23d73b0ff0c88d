"""Claims and incidents as flat rows the linker can compare.

Splink compares columns with SQL, so everything that needs judgement about precision is settled
here, once, in Python: a month-precision date becomes the range of days it may mean, a
governorate-level geocode becomes a point with a wide radius.  The SQL then only has to ask
whether two ranges or two circles meet, which keeps the comparisons the same on DuckDB and Spark.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from typing import Any, Iterable, Sequence

from civcas.records import ClaimRecord, IncidentRecord

EPOCH = dt.date(1970, 1, 1)

# How far a geocode of each precision may be from where the event happened (km).  A
# "country" geocode is compatible with anything in that country, hence the very wide circle.
RADIUS_KM = {1: 2.0, 2: 25.0, 3: 50.0, 4: 150.0, 5: 1500.0}

# Arabic articles that transliterations glue on or leave off at will: al-Tukhar, Tukhar.
_ARTICLE = re.compile(r"^(?:al|el|ar|ad|as|ash|at|az|an|al)[-\s']+")
_NON_WORD = re.compile(r"[^a-z0-9\u0600-\u06ff]+")

# Who struck, as the sources name them, folded to one key per party, so that "U.S.-led
# Coalition", "US-led coalition jets" and "the international coalition" compare as the same.
# Order matters: "Saudi-led coalition" is not the US-led one, and a bare "coalition" is left
# as it is because in Yemen it means the Saudi-led one.
_PARTIES = [(re.compile(p), key) for p, key in (
    (r"saudi|emirati", "saudi-led coalition"),
    (r"russia", "russia"),
    (r"turk", "turkey"),
    (r"israel", "israel"),
    (r"iran", "iran"),
    (r"regime|assad|syrian (?:government|army|air force|arab army)|government forces", "syrian regime"),
    (r"\bisis\b|\bisil\b|islamic state|daesh", "isis"),
    (r"\bsdf\b|syrian democratic|\bypg\b", "sdf"),
    (r"iraqi (?:security )?forces|iraqi army|iraqi air force", "iraqi forces"),
    (r"afghan (?:air )?force|afghan (?:national )?(?:army|security)", "afghan forces"),
    (r"(?:u\.?s\.?|american|us)[- ]led|international coalition|global coalition|anti-isis coalition|"
     r"cjtf|inherent resolve", "us-led coalition"),
    (r"\bu\.?s\.?\b|american|united states|pentagon|centcom|africom|us forces", "united states"),
)]


def belligerent_key(text: str | None) -> str | None:
    """The parties named, each folded to its key, sorted and joined by '|' ("russia|us-led
    coalition" for an incident the monitor puts on both); names outside the table stay as
    written."""
    if not text:
        return None
    keys = set()
    for part in re.split(r",|;|\band\b|/|&", text.lower()):
        part = re.sub(r"^the\s+", "", part.strip())
        if not part:
            continue
        key = next((k for rx, k in _PARTIES if rx.search(part)), None)
        keys.add(key or text_key(part))
    keys.discard(None)
    return "|".join(sorted(keys)) or None


COLUMNS = (
    "unique_id", "kind", "day_lo", "day_hi", "coarse", "wk", "wk2", "ym", "lat", "lon",
    "radius_km", "country", "admin1", "area", "place_key", "count_lo", "count_hi", "belligerent",
    "names",
)


def day_number(d: dt.date) -> int:
    return (d - EPOCH).days


def place_key(text: str | None) -> str | None:
    """The part of a place name that survives transliteration: no case, no accents, no
    article, no hyphens.  'Al-Tukhar' and 'tukhar' meet; 'Tokhar' is left to the
    string-similarity level."""
    if not text:
        return None
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    # "village of X", "near X": the place is the last named part.
    text = re.split(r",|\(", text)[0]
    words = []
    for word in re.split(r"\s+", text):
        word = _ARTICLE.sub("", word)
        word = _NON_WORD.sub("", word.replace("-", ""))
        if word in ("", "al", "el", "ar", "ad", "village", "town", "city", "near", "the", "of"):
            continue
        words.append(word)
    return " ".join(words) or None


# Monitors write "Syria", extractors and gazetteers "SY": both must block together.
COUNTRY_CODES = {
    "iraq": "iq", "syria": "sy", "syrian arab republic": "sy", "yemen": "ye", "libya": "ly",
    "somalia": "so", "afghanistan": "af", "pakistan": "pk", "palestine": "ps", "gaza": "ps",
    "state of palestine": "ps", "lebanon": "lb", "iran": "ir", "turkey": "tr", "turkiye": "tr",
    "israel": "il", "sudan": "sd", "south sudan": "ss", "mali": "ml", "niger": "ne",
    "nigeria": "ng", "burkina faso": "bf", "ukraine": "ua", "russia": "ru", "ethiopia": "et",
    "myanmar": "mm", "egypt": "eg", "jordan": "jo", "saudi arabia": "sa", "kenya": "ke",
}


def country_key(text: str | None) -> str | None:
    key = text_key(text)
    return COUNTRY_CODES.get(key, key) if key else None


def text_key(text: str | None) -> str | None:
    if not text:
        return None
    return _NON_WORD.sub(" ", text.lower()).strip() or None


def date_range(date: dt.date | None, precision: str | None,
               end: dt.date | None = None) -> tuple[int | None, int | None]:
    """The days a reported date may stand for.  'March 2017' overlaps every day of March; a
    week-precision date is taken as the week that starts on it."""
    if date is None:
        return None, None
    lo = hi = date
    if precision == "week":
        hi = date + dt.timedelta(days=6)
    elif precision == "month":
        lo = date.replace(day=1)
        hi = date.replace(day=calendar.monthrange(date.year, date.month)[1])
    elif precision == "year":
        lo, hi = dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if end is not None and end > hi:
        hi = end
    return day_number(lo), day_number(hi)


def buckets(day_lo: int | None) -> tuple[int | None, int | None, int | None]:
    """Week bucket, week bucket shifted by three days, and month bucket.

    Two days at most three apart always share one of the two week buckets: if a week
    boundary falls between them, the shifted boundary cannot.  The month bucket lets
    month- and year-precision records meet the days they may mean."""
    if day_lo is None:
        return None, None, None
    d = EPOCH + dt.timedelta(days=day_lo)
    return day_lo // 7, (day_lo + 3) // 7, d.year * 12 + d.month


def count_range(lo: int | None, hi: int | None) -> tuple[int | None, int | None]:
    """An open maximum ('at least 11') stays open (None); a missing minimum means no count."""
    if lo is None:
        return None, None
    return lo, hi if hi is None or hi >= lo else lo


def _row(unique_id: str, kind: str, date: dt.date | None, precision: str | None,
         date_end: dt.date | None, lat: float | None, lon: float | None, geo_precision: int | None,
         country: str | None, admin1: str | None, place_text: str | None, count_lo: int | None,
         count_hi: int | None, belligerent: str | None, names: Sequence[str] | None) -> dict[str, Any]:
    day_lo, day_hi = date_range(date, precision, date_end)
    wk, wk2, ym = buckets(day_lo)
    if lat is None or lon is None:
        lat = lon = None
    radius = RADIUS_KM.get(geo_precision or 0, RADIUS_KM[3]) if lat is not None else None
    country_code = country_key(country)
    admin_key = text_key(admin1)
    lo, hi = count_range(count_lo, count_hi)
    name_keys = sorted({k for k in (text_key(n) for n in names or ()) if k}) or None
    return {
        "unique_id": unique_id, "kind": kind, "day_lo": day_lo, "day_hi": day_hi,
        "coarse": 0 if (precision or "day") == "day" else 1, "wk": wk, "wk2": wk2, "ym": ym,
        "lat": lat, "lon": lon, "radius_km": radius, "country": country_code, "admin1": admin_key,
        "area": admin_key or country_code, "place_key": place_key(place_text), "count_lo": lo,
        "count_hi": hi, "belligerent": belligerent_key(belligerent), "names": name_keys,
    }


def claim_row(unique_id: str, claim: ClaimRecord, names: Sequence[str] | None = None) -> dict[str, Any]:
    geo = claim.geocode
    return _row(unique_id, "claim", claim.event_date, claim.date_precision, claim.event_date_end,
                geo.lat if geo else None, geo.lon if geo else None, geo.precision if geo else None,
                claim.country or (geo.country if geo else None), geo.admin1 if geo else None,
                claim.place_text, claim.count_min, claim.count_max, claim.belligerent, names)


def incident_row(unique_id: str, inc: IncidentRecord) -> dict[str, Any]:
    names = [v.name for v in inc.victims if v.name]
    return _row(unique_id, "incident", inc.date, inc.date_precision, inc.date_end, inc.lat, inc.lon,
                inc.geo_precision, inc.country, inc.admin1, inc.place_text,
                inc.civilians_killed_min, inc.civilians_killed_max, inc.belligerent, names)


def to_arrow(rows: Iterable[dict[str, Any]]):
    """Rows as a pyarrow table with fixed types, so empty or all-null columns still compare."""
    import pyarrow as pa

    rows = list(rows)
    schema = pa.schema([
        ("unique_id", pa.string()), ("kind", pa.string()), ("day_lo", pa.int64()),
        ("day_hi", pa.int64()), ("coarse", pa.int64()), ("wk", pa.int64()), ("wk2", pa.int64()),
        ("ym", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("radius_km", pa.float64()), ("country", pa.string()), ("admin1", pa.string()),
        ("area", pa.string()), ("place_key", pa.string()), ("count_lo", pa.int64()),
        ("count_hi", pa.int64()), ("belligerent", pa.string()), ("names", pa.list_(pa.string())),
    ])
    return pa.table({c: [r[c] for r in rows] for c in COLUMNS}, schema=schema)
