"""Declared strikes, read from what the militaries published.

Three shapes reach us: the scraped CENTCOM/CJTF-OIR release lines (CSV), the Dutch defence
ministry's declassified weapon-employment table (semicolon CSV), and the daily releases themselves
as text or HTML.  `parse_releases` sniffs the content, not the file name, because people rename
files and releases are saved under whatever the browser proposes.

A bad row never stops the rest: it becomes a `ParseError` with file and line, and parsing goes on.
A file we cannot read at all (binary, undecodable) becomes one `ParseError`, never a traceback, so a
batch import over a folder can report and continue.

Strike date rule (CENTCOM lines): releases in 2014-2016 cover "strikes since 8 a.m. yesterday"
(local time), so most of each release's window lies on the day before the release.  We keep
`release_date` as published and set `date = release_date - 1 day`.  Airwars' own analysts matched
incidents to releases 0-1 days later in equal measure (0: 39, 1: 40, 2-3: 3 of 82 gold pairs), so
matchers must still use a window, not this single day.  Text and HTML releases: a strike day the
release states ("... against ISIS targets on March 8, 2017", "On Aug. 21, near Raqqah, ...") wins,
its year taken from the release when omitted; otherwise the same rule.  Dutch rows carry the real
employment date (and no release date).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from civcas.records import StrikeRecord
from civcas.importfiles import ParseError, decode, numbered_rows

CJTF_OIR = "CJTF-OIR"
NL_MOD = "NL MoD"
RELEASE_LAG = dt.timedelta(days=1)
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ReleaseParse:
    strikes: list[StrikeRecord] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)
    warnings: list[ParseError] = field(default_factory=list)


def parse_releases(path: str | Path) -> ReleaseParse:
    """All strikes and all errors of one file."""
    result = ReleaseParse()
    for item in iter_releases(path):
        if isinstance(item, ParseError):
            (result.warnings if item.severity == "warning" else result.errors).append(item)
        else:
            result.strikes.append(item)
    return result


def iter_releases(path: str | Path) -> Iterator[StrikeRecord | ParseError]:
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield ParseError(name, None, f"cannot read file ({exc.strerror or exc})")
        return
    if len(raw) > MAX_BYTES:
        yield ParseError(name, None, f"file is {len(raw)} bytes, more than {MAX_BYTES}")
        return
    text, problem = decode(raw)
    if text is None:
        yield ParseError(name, None, problem or "cannot decode")
        return
    if problem:
        yield ParseError(name, None, problem, "warning")
    damaged = text.count("\ufffd")
    if damaged:
        yield ParseError(name, None, f"{damaged} characters were already lost (U+FFFD) before this "
                         "file reached us; place names containing them are damaged", "warning")
    yield from parse_release_text(text, name)


def parse_release_text(text: str, name: str = "<text>") -> Iterator[StrikeRecord | ParseError]:
    """Dispatch on what the content looks like."""
    if "\x00" in text:                   # a stray NUL: report its line, parse the rest
        lines = text.split("\n")
        for n, line in enumerate(lines, 1):
            if "\x00" in line:
                yield ParseError(name, n, "line contains a NUL byte; skipped")
                lines[n - 1] = ""
        text = "\n".join(lines)
    head = text.lstrip()[:2000]
    first = head.splitlines()[0] if head else ""
    low = first.lower()
    if low.startswith("date,") and "location" in low and "line" in low:
        yield from _centcom_csv(text, name)
    elif "employment date" in low and ";" in first:
        yield from _dutch_csv(text, name)
    elif re.search(r"<\s*(html|body|p|div|h[1-6]|br|li|article)\b", head, re.I):
        yield from _release_text(html_to_text(text), name)
    else:
        yield from _release_text(text, name)


# --- reading bytes ------------------------------------------------------------------------------

def html_to_text(html: str) -> str:
    """Visible text with one line per block, so headings and paragraphs stay apart."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:          # lxml raises several types for junk; all mean "no text"
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("br",):
            el.tail = "\n" + (el.tail or "")
        elif el.tag in ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                        "article", "header", "footer", "ul", "ol", "table", "blockquote"):
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    lines = (re.sub(r"[ \t\xa0]+", " ", ln).strip() for ln in text.splitlines())
    return "\n".join(ln for ln in lines if ln)


# --- CENTCOM scraped lines ----------------------------------------------------------------------

COUNTRIES = ("Iraq", "Syria")


def _centcom_csv(text: str, name: str) -> Iterator[StrikeRecord | ParseError]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield ParseError(name, 1, f"no header ({exc})")
        return
    need = ("date", "country", "location", "number", "line")
    missing = [c for c in need if c not in header]
    if missing:
        yield ParseError(name, 1, f"header lacks {', '.join(missing)}")
        return
    col = {h: i for i, h in enumerate(header)}
    records: list[StrikeRecord] = []
    for line_no, row, problem in numbered_rows(reader):
        if problem:
            yield ParseError(name, line_no, problem)
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield ParseError(name, line_no, f"{len(row)} fields, header has {len(header)}")
            continue
        try:
            records.append(_centcom_row({h: row[i] for h, i in col.items()}, f"{name}:{line_no}"))
        except ValueError as exc:
            yield ParseError(name, line_no, str(exc))
    _fill_countries(records)
    yield from records


def _fill_countries(records: list[StrikeRecord]) -> None:
    """A town's country, where the scraper lost it, is the one the other lines give that town."""
    seen: dict[str, Counter[str]] = {}
    for r in records:
        if r.country and r.location:
            seen.setdefault(r.location.lower(), Counter())[r.country] += 1
    for r in records:
        if r.country is None and r.location and r.location.lower() in seen:
            r.country = seen[r.location.lower()].most_common(1)[0][0]


def _centcom_row(row: dict[str, str], origin: str) -> StrikeRecord:
    try:
        released = dt.datetime.strptime(row["date"].strip(), "%m/%d/%Y").date()
    except ValueError:
        raise ValueError(f"release date {row['date']!r} is not M/D/YYYY") from None
    sentence = re.sub(r"\s+", " ", row["line"]).strip()
    country, location = _country_location(row["country"], row["location"], sentence)
    number = row["number"].strip()
    if not number.isdigit() or int(number) < 1:
        raise ValueError(f"strike count {number!r} is not a positive whole number")
    if not location:
        raise ValueError("no location")
    return StrikeRecord(
        date=released - RELEASE_LAG, release_date=released, country=country, location=location,
        strikes=int(number), targets=(row.get("description") or "").strip() or _rest_of(sentence),
        text=sentence.lstrip("-– ").strip(), source=CJTF_OIR, origin=origin)


def _country_location(country: str, location: str, sentence: str) -> tuple[str | None, str]:
    """The scraper put "Unknown" (and once "Tikrit, Iraq") where a line began "In Syria, ...";
    the country then sits in the location column and the town in the sentence."""
    country, location = country.strip(), re.sub(r"\s+", " ", location).strip()
    location = re.sub(r"^near\s+", "", location, flags=re.I)
    location = re.sub(r"\s+in\s+\w[\w ]*province$", "", location, flags=re.I)
    if country not in COUNTRIES:
        named = [c for c in COUNTRIES if c.lower() in country.lower()]
        if named:
            country = named[0]
        elif location in COUNTRIES:
            country = location
        else:
            m = re.match(r"[-–\s]*In (Iraq|Syria)\b", sentence)
            country = m.group(1) if m else None
    if location in COUNTRIES or not location:
        location = first_place(sentence) or location
    return country, location


_PLACE = re.compile(r"\b(?:near|in|of|at)\s+(?P<place>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|al|as|az|ar|ad|an|"
                    r"ash|at)\b)*)")


def first_place(sentence: str) -> str | None:
    """The first capitalised place after the strike count: early releases (2014) wrote "In Syria,
    five airstrikes conducted near Kobani ..." or "... two airstrikes west of Al-Hasakah ..."."""
    m = re.search(r"\b(?:air)?strikes?\b", sentence)
    for p in _PLACE.finditer(sentence, m.end() if m else 0):
        place = p.group("place")
        if place not in COUNTRIES and not place.startswith(("ISIL", "ISIS", "Daesh", "U.S")):
            return place
    return None


# --- Dutch MoD weapon employments ---------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
MONTHS.update({"mrt": 3, "mei": 5, "okt": 10, "sept": 9})


def _dutch_date(value: str) -> dt.date:
    m = re.fullmatch(r"(\d{1,2})-([A-Za-z]{3,4})-(\d{2}|\d{4})", value.strip())
    if not m or m.group(2).lower() not in MONTHS:
        raise ValueError(f"employment date {value!r} is not D-Mon-YY")
    year = int(m.group(3))
    try:
        return dt.date(year + 2000 if year < 100 else year, MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        raise ValueError(f"employment date {value!r} is not a real day") from None


def _decimal(value: str) -> float | None:
    value = value.strip().replace(",", ".")
    return float(value) if value else None


_LEAD = re.compile(r"^(?:approx(?:imate)?l?t?e?ly|approx\.?|ivo(?: of)?|in the vicinity of|vicinity of|near|in|"
                   r"on|at|downtown|center|centre|the)\b\.?\s*", re.I)
_OFFSET = re.compile(r"^(?:[\d.,]+\s*(?:nm|km|m)?\s*)?(?:(?:(?:north|south|east|west)+(?:ern)?|"
                     r"[NESW]{1,3}(?:/[NESW]{1,3})?)\b[\s-]*)+(?:\s*(?:part|side))?\s*(?:of\b)?\s*", re.I)
_KIND = re.compile(r"^(?:(?:the\s+)?(?:village|town|city)\s+(?:of\s+)?)|\s+(?:village|city|town|area|part)$",
                   re.I)


def anchor_town(town: str) -> str:
    """"Approximately 2 NM N of HAJIN" -> "HAJIN": the place an offset is measured from.

    The Dutch Town column is free text ("IVO Bayji", "Eastside of the village of Shadadi",
    "Ramadi, approximately 53nm west of Baghdad"); we keep the first place it names, best effort.
    """
    text = re.sub(r"\s+", " ", town).strip()
    text = re.split(r",|&| and ", text)[0].strip(" .")
    for _ in range(4):
        before = text
        text = _LEAD.sub("", text).strip()
        text = _OFFSET.sub("", text).strip() if re.match(r"[\d.,]|\w+\s", text) else text
        text = re.sub(r"^.*\bof\s+", "", text, flags=re.I).strip()
        text = _KIND.sub("", text).strip(" .")
        if text == before:
            break
    return text or re.sub(r"\s+", " ", town).strip()


def _dutch_csv(text: str, name: str) -> Iterator[StrikeRecord | ParseError]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield ParseError(name, 1, f"no header ({exc})")
        return
    keys = [re.sub(r"\s*\((?:UNCLASS|UNDCLASS)\)\s*", "", h).strip().lower() for h in header]
    want = {"date": "employment date", "begin": "time begin (z)", "end": "time end (z)",
            "mgrs": "position mgrs", "lat": "position lat", "lon": "position long",
            "mission": "mission", "town": "town", "province": "province", "country": "country",
            "cde": "possible cde issue", "comment": "comment"}
    col = {k: keys.index(v) for k, v in want.items() if v in keys}
    missing = [want[k] for k in ("date", "lat", "lon", "mgrs") if k not in col]
    if missing:
        yield ParseError(name, 1, f"header lacks {', '.join(missing)}")
        return
    for line_no, row, problem in numbered_rows(reader):
        if problem:
            yield ParseError(name, line_no, problem)
            continue
        if not any(c.strip() for c in row):
            continue
        if len(row) < max(col.values()) + 1 and len(row) < len(keys) - 1:
            yield ParseError(name, line_no, f"{len(row)} fields, header has {len(keys)}")
            continue
        get = {k: (row[i].strip() if i < len(row) else "") for k, i in col.items()}
        try:
            yield _dutch_row(get, f"{name}:{line_no}")
        except ValueError as exc:
            yield ParseError(name, line_no, str(exc))


def _dutch_row(get: dict[str, str], origin: str) -> StrikeRecord:
    day = _dutch_date(get["date"])
    try:
        lat, lon = _decimal(get["lat"]), _decimal(get["lon"])
    except ValueError:
        raise ValueError(f"coordinates {get['lat']!r}, {get['lon']!r} are not numbers") from None
    grid = re.sub(r"\s+", "", get.get("mgrs", "")).upper() or None
    if (lat is None or lon is None) and grid:
        lat, lon = _from_mgrs(grid)
    if lat is None or lon is None:
        raise ValueError("no coordinates and no usable MGRS")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates {lat}, {lon} are out of range")
    begin, end = get.get("begin", ""), get.get("end", "")
    for t in (begin, end):
        if t and not (re.fullmatch(r"\d{1,2}:\d{2}", t) and int(t[:-3]) < 24 and int(t[-2:]) < 60):
            raise ValueError(f"time {t!r} is not HH:MM")
    town = get.get("town", "")
    country = get.get("country", "") or None
    parts = [f"{get.get('mission', '')} near {town}".strip(),
             f"{begin}-{end}Z" if begin and end else (f"{begin}Z" if begin else ""),
             f"Province: {get['province']}" if get.get("province") else "",
             f"Possible CDE issue: {get['cde']}" if get.get("cde") else "",
             get.get("comment", "")]
    return StrikeRecord(
        date=day, release_date=None, country=country, location=anchor_town(town) or None,
        strikes=None, text="; ".join(p for p in parts if p), source=NL_MOD, origin=origin,
        lat=lat, lon=lon, geo_precision=1, mgrs=grid, time_utc=begin or None)


def _from_mgrs(grid: str) -> tuple[float | None, float | None]:
    try:
        import mgrs

        lat, lon = mgrs.MGRS().toLatLon(grid)
        return float(lat), float(lon)
    except Exception:          # the mgrs package raises bare Exceptions on bad grids
        return None, None


# --- release text and HTML ----------------------------------------------------------------------

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"a": 1, "an": 1, "single": 1, "thirty": 30, "forty": 40, "fifty": 50,
                     "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_NUM = r"(?:\d+|[a-z]+(?:[- ][a-z]+)?)"


def words_to_int(word: str) -> int | None:
    """'four' -> 4, 'twenty-one' -> 21, '12' -> 12; None when it is not a count."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word)
    if all(p in NUMBER_WORDS for p in parts) and len(parts) <= 2:
        total = sum(NUMBER_WORDS[p] for p in parts)
        if len(parts) == 2 and not (NUMBER_WORDS[parts[0]] >= 20 and NUMBER_WORDS[parts[1]] < 10):
            return None
        return total
    return None


MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ON_DAY = rf"On\s+(?P<on>{MONTH_RE}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
# "Near Raqqa, four strikes ...", "On Aug. 21, near Raqqah, Syria, 24 strikes ...", also inside a
# quotation ("... reported that “Near Raqqa seven strikes ...").
NEAR = re.compile(
    rf"(?:^|(?<=[\s“”‘’\"'(\[\]:]))[-–—•*\s]*(?:{_ON_DAY},\s*)?(?:Near|near|In|At|Around|Vicinity of)\s+"
    rf"(?P<loc>[A-Z][^,;:“”\"]{{0,60}}?)(?:\s*,\s*|\s+)(?:(?P<country>Iraq|Syria)\s*,\s*)?"
    rf"(?:(?:Coalition|coalition) (?:military )?forces (?:conducted )?)?"
    rf"(?P<num>{_NUM})\s+(?:air)?strikes?\b\s*(?P<rest>.*)$")
COUNTRY_LEAD = re.compile(
    rf"^[-–—•*\s“\"]*(?:{_ON_DAY},?\s+)?[Ii]n (?P<country>Syria|Iraq)\s*,\s*(?:(?:U\.S\.[- ]led )?"
    rf"(?:Coalition|coalition) (?:military )?forces (?:conducted|carried out) )?(?P<num>{_NUM})\s+"
    rf"(?:air)?strikes?\s*(?P<rest>.*)$")
HEADING = re.compile(r"^[#*=\s-]*(?:strikes in |in )?(?P<country>syria|iraq)\s*[:.]?[*=\s-]*$", re.I)
DATE_PATTERNS = (
    re.compile(r"(?P<mon>" + MONTH_RE + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})\s+(?P<mon>" + MONTH_RE + r"),?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})"),
    re.compile(r"(?P<m>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})"),
)


def find_date(text: str) -> dt.date | None:
    """The first full date (with a year) in a line; releases spell them several ways."""
    best: tuple[int, dt.date] | None = None
    for pat in DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else MONTHS[g["mon"][:3].lower()]
            try:
                day = dt.date(int(g["year"]), month, int(g["day"]))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), day)
            break
    return best[1] if best else None


def on_day(text: str, context: dt.date | None) -> dt.date | None:
    """"Aug. 21" (a release naming its strike day) -> a date, the year taken from the release:
    the latest such day not after the release."""
    m = re.match(r"(\w+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?", text)
    if not m or m.group(1)[:3].lower() not in MONTHS:
        return None
    month, day = MONTHS[m.group(1)[:3].lower()], int(m.group(2))
    if m.group(3):
        year = int(m.group(3))
    elif context is None:
        return None
    else:
        year = context.year if (month, day) <= (context.month, context.day) else context.year - 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def split_sentences(line: str) -> list[str]:
    """Split before each "Near X," so that run-on paragraphs give one sentence per location."""
    line = re.sub(r"\s+", " ", line).strip()
    parts = re.split(r"(?<=[.;”\"])\s+(?=[“\"]?\s*(?:[-–•]\s*)?(?:Near|In|At|On|Around|Additionally|Separately)\b)",
                     line)
    return [p.strip() for p in parts if p.strip()]


@dataclass
class _Sentence:
    record: StrikeRecord | None = None
    country: str | None = None            # a country lead without a town sets the section
    on: str | None = None                 # "On Aug. 21": the strike day as the release names it


def _release_text(text: str, name: str) -> Iterator[StrikeRecord | ParseError]:
    released: dt.date | None = None
    struck: dt.date | None = None        # when the release names the strike day itself
    country: str | None = None
    warned_undated = False
    found_any = False
    for line_no, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        h = HEADING.match(line)
        if h:
            country = h.group("country").title()
            continue
        found = False
        for sentence in split_sentences(line):
            got = _strike_sentence(sentence, country)
            if got is None:
                continue
            if got.on:
                struck = on_day(got.on, released) or struck
            if got.record is None:
                country = got.country or country
                continue
            record = got.record
            found = True
            if released is None and struck is None:
                if not warned_undated:
                    yield ParseError(name, line_no, "strike line before any release date; skipped")
                    warned_undated = True
                continue
            record.release_date = released
            record.date = struck or released - RELEASE_LAG  # type: ignore[operator]
            record.source = CJTF_OIR
            record.origin = f"{name}:{line_no}"
            country = record.country or country
            found_any = True
            yield record
        if not found and len(line) < 300:
            day = find_date(line)
            if day and _names_strike_day(line):
                struck = day
                warned_undated = False
            elif day:
                released, struck = day, None
                warned_undated = False
    if not found_any and not warned_undated:
        yield ParseError(name, None, "no strike lines (\"Near X, N strikes ...\") found", "warning")


def _names_strike_day(line: str) -> bool:
    """"... conducted 21 strikes ... on March 8, 2017": the day of the strikes, not of the release."""
    return bool(re.search(r"\b(?:on|during)\s+(?:\w+day,?\s+)?(?:" + MONTH_RE + r"|\d)", line)) and \
        not re.match(r"^[A-Z][A-Z ]+,", line)


def _strike_sentence(sentence: str, country: str | None) -> _Sentence | None:
    lead = COUNTRY_LEAD.match(sentence)
    if lead:
        rest = lead.group("rest")
        number = words_to_int(lead.group("num"))
        place = None if re.match(r"consisting|of\b|against\b", rest) else first_place(sentence)
        if place and number:
            rec = _record(lead.group("country"), place, number, rest, sentence)
            return _Sentence(rec, lead.group("country"), lead.group("on"))
        return _Sentence(None, lead.group("country"), lead.group("on"))
    m = NEAR.search(sentence)
    if not m:
        return None
    loc, number = m.group("loc").strip(), words_to_int(m.group("num"))
    if number is None or number < 1:
        return None
    if loc in COUNTRIES:
        return _Sentence(None, loc, m.group("on"))
    own = m.group("country") or country
    return _Sentence(_record(own, loc, number, m.group("rest"), sentence[m.start():]), own, m.group("on"))


def _record(country: str | None, loc: str, number: int, rest: str, sentence: str) -> StrikeRecord:
    return StrikeRecord(date=dt.date.min, country=country, location=loc.strip(), strikes=number,
                        targets=_targets(rest) or None,
                        text=sentence.strip().lstrip("-–—•*“”\"[] ").rstrip("”“\" ").strip())


def _rest_of(sentence: str) -> str | None:
    m = NEAR.search(sentence)
    return _targets(m.group("rest")) or None if m else None


def _targets(rest: str) -> str:
    """What the strikes hit: the sentence after "N strikes", without closing quotes."""
    return rest.strip().rstrip("”“\"").strip()


def parse_many(paths: Iterable[str | Path]) -> ReleaseParse:
    out = ReleaseParse()
    for p in paths:
        r = parse_releases(p)
        out.strikes.extend(r.strikes)
        out.errors.extend(r.errors)
        out.warnings.extend(r.warnings)
    return out
