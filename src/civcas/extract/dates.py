"""When a report says something happened, resolved against the day it was published.

Reports write dates relative to themselves ("on Sunday", "last month", "March 17"), so a date
is only as good as the publication date it is resolved against; with no publication date a
relative date stays unresolved (None) rather than guessed.  Our own compiled patterns cover
the shapes news text uses; `dateparser` is only asked about a short header line that none of
them fits, because it costs milliseconds per call and an extractor sees thousands of sentences.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .folding import Folded, Quick, key

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
# The same in lower case, for the patterns that ignore case (which can then be folded: folding.py).
_MON_LOW = "(?P<mon>" + "|".join(re.search(r"\(\?P<mon>([^)]*)\)", _MON).group(1).lower().split("|")) + r")\.?"
_WEEKDAY_LOW = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Ordered: the most specific shape first.
_PATTERNS = [
    ("mdy", Quick(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", Quick(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b")),
    ("iso", Quick(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("part_my", Folded(rf"\b(?P<part>early|mid|late|end\s+of|beginning\s+of|start\s+of)[- ](?:in\s+)?{_MON_LOW}"
                       rf"(?:,?\s+{_YEAR}|\s+(?P<this>of\s+this\s+year|this\s+year|of\s+last\s+year|last\s+year))?",
                       needs=("early", "mid", "late", "end", "beginning", "start"))),
    ("md", Quick(rf"\b{_MON}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)(?![\d:])")),
    ("dm", Quick(rf"\b{_DAY}\s+{_MON}\b(?!,?\s+(?:19|20)\d\d)")),
    ("my", Quick(rf"\b{_MON}(?:\s+of)?,?\s+{_YEAR}\b")),
    ("m_this", Quick(rf"\b{_MON}\s+(?P<this>of\s+this\s+year|this\s+year|of\s+last\s+year|last\s+year)\b")),
    ("in_month", Quick(rf"\b(?:[Ii]n|[Oo]n|[Ll]ast|[Tt]his|[Ss]ince)\s+{_MON}\b(?!\s+\d)")),
    ("weekday", Folded(rf"\b(?:on|last|this\s+past|early|late|(?:early|late|small)\s+hours\s+of|"
                       rf"(?:morning|evening|night)\s+of)\s+{_WEEKDAY_LOW}\b")),
    ("weekday", Folded(rf"\b{_WEEKDAY_LOW}\s+(?:morning|afternoon|evening|night)\b")),
    # wire style, the weekday right after the harm: "were killed Wednesday in airstrikes"
    ("weekday", Folded(rf"\b(?:killed|died|wounded|injured|struck|hit|bombed|shelled|targeted|attacked|raided)\s+"
                       rf"{_WEEKDAY_LOW}\b")),
    ("rel", Folded(r"\b(?P<rel>yesterday|today|last\s+night|last\s+week|last\s+month|last\s+year|this\s+week|"
                   r"this\s+month|earlier\s+this\s+month|earlier\s+this\s+year|this\s+year)\b")),
    ("year", Folded(r"\b(?:in|during|since|of|from)\s+(?P<year>(?:19|20)\d\d)\b(?![-/\d])")),
]


# Cheap checks that let a sentence skip the patterns it cannot match.
_MONTH_HINT = Quick(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_MONTH_KINDS = {"mdy", "dmy", "part_my", "md", "dm", "my", "m_this", "in_month"}
_YEAR_KINDS = {"mdy", "dmy", "iso", "my", "year"}          # patterns that need a year (19xx, 20xx)
_DIGIT_KINDS = {"md", "dm"}                                # patterns that need a digit (the day)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    """A date as the text states it: first day, last day, and how precise the text was."""

    start: dt.date
    end: dt.date
    precision: str            # one of records.DATE_PRECISIONS
    span: tuple[int, int]


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match, published: dt.date | None) -> DateMention | None:
    g = m.groupdict()
    span = (m.start(), m.end())
    mon = MONTHS.get(key(g.get("mon") or "").rstrip(".")) if g.get("mon") else None
    if kind in ("mdy", "dmy", "iso"):
        month = int(g["m"]) if kind == "iso" else mon
        d = _safe(int(g["year"]), month, int(g["day"]))
        return DateMention(d, d, "day", span) if d else None
    if kind in ("md", "dm"):
        if published is None or mon is None:
            return None
        d = _safe(published.year, mon, int(g["day"]))
        # A day-month later than the publication date is last year's: reports look back.
        if d and d > published + dt.timedelta(days=1):
            d = _safe(published.year - 1, mon, int(g["day"]))
        return DateMention(d, d, "day", span) if d else None
    if kind in ("my", "m_this", "in_month", "part_my"):
        if mon is None:
            return None
        if g.get("year"):
            year = int(g["year"])
        elif published is None:
            return None
        elif g.get("this") and "last" in g["this"].lower():
            year = published.year - 1
        else:
            year = published.year
            if not g.get("this") and mon > published.month:
                year -= 1
        first, last = dt.date(year, mon, 1), _month_end(year, mon)
        if kind == "part_my":
            part = key(g["part"])
            if part.startswith("early") or part.startswith("beginning") or part.startswith("start"):
                last = dt.date(year, mon, 10)
            elif part.startswith("mid"):
                first, last = dt.date(year, mon, 11), dt.date(year, mon, 20)
            else:
                first = dt.date(year, mon, 21)
        return DateMention(first, last, "month", span)
    if kind == "weekday":
        if published is None:
            return None
        back = (published.weekday() - WEEKDAYS[key(g["wd"])]) % 7
        d = published - dt.timedelta(days=back)
        return DateMention(d, d, "day", span)
    if kind == "rel":
        if published is None:
            return None
        rel = re.sub(r"\s+", " ", key(g["rel"]))
        if rel in ("today",):
            return DateMention(published, published, "day", span)
        if rel in ("yesterday", "last night"):
            d = published - dt.timedelta(days=1)
            return DateMention(d, d, "day", span)
        if rel == "last week":
            monday = published - dt.timedelta(days=published.weekday() + 7)
            return DateMention(monday, monday + dt.timedelta(days=6), "week", span)
        if rel == "this week":
            monday = published - dt.timedelta(days=published.weekday())
            return DateMention(monday, published, "week", span)
        if rel == "last month":
            y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
            return DateMention(dt.date(y, mo, 1), _month_end(y, mo), "month", span)
        if rel in ("this month", "earlier this month"):
            return DateMention(published.replace(day=1), published, "month", span)
        if rel == "last year":
            y = published.year - 1
            return DateMention(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", span)
        if rel in ("this year", "earlier this year"):
            return DateMention(dt.date(published.year, 1, 1), published, "year", span)
        return None
    if kind == "year":
        y = int(g["year"])
        return DateMention(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", (m.start("year"), m.end("year")))
    return None


def dates_in(text: str, start: int = 0, end: int | None = None,
             published: dt.date | None = None) -> list[DateMention]:
    """Date mentions in text[start:end], most specific shape first, no two overlapping."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    low = text[start:end].lower()
    has_month = bool(_MONTH_HINT.search(low))
    has_year = bool(_YEAR_HINT.search(low))
    has_digit = has_year or bool(_DIGIT.search(text, start, end))
    for kind, rx in _PATTERNS:
        if (kind in _MONTH_KINDS and not has_month) or (kind in _YEAR_KINDS and not has_year) or (
                kind in _DIGIT_KINDS and not has_digit) or (kind == "m_this" and "year" not in low) or (
                kind == "weekday" and "day" not in low) or (
                kind == "rel" and not ("yesterday" in low or "today" in low or "last" in low or "this" in low)):
            continue
        for m in rx.finditer(text, start, end):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            dm = _resolve(kind, m, published)
            taken.append((m.start(), m.end()))
            if dm is not None:
                found.append(dm)
    found.sort(key=lambda d: d.span)
    return found


_HEADER_LABEL = re.compile(r"^\s*(?:date(?:\s+of\s+publication)?|published(?:\s+on)?|posted(?:\s+on)?|updated|"
                           r"last\s+updated|first\s+published)\s*[:\-]?\s*", re.I)
_HEADER_DATE = Folded(        # in lower case: it ignores case anyway
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_DAY}\s+{_MON_LOW},?\s+{_YEAR}|"
    rf"{_MON_LOW.replace('?P<mon>', '?P<mon_b>')}\s+(?P<day_b>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year_b>(?:19|20)\d\d)|"
    r"(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d))"
    r"(?:[ t,]+\d{1,2}:\d\d(?::\d\d)?(?:\s*(?:utc|gmt|[ap]m|[+-]\d\d:?\d\d|z))?)?")


def _header_match(m: re.Match) -> dt.date | None:
    g = m.groupdict()
    if g.get("iso_y"):
        return _safe(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    if g.get("year"):
        return _safe(int(g["year"]), MONTHS[key(g["mon"]).rstrip(".")], int(g["day"]))
    return _safe(int(g["year_b"]), MONTHS[key(g["mon_b"]).rstrip(".")], int(g["day_b"]))


_DATELINE_EDGE = ",|-–—(:·/;"


def _dateline(line: str, m: re.Match) -> bool:
    """A dateline: the date stands apart from the words around it, set off by punctuation
    ("BEIRUT, 22 July 2019 - Staff report", "By a correspondent | Mosul | Published 2 March 2019",
    "Live updates, 13 May 2021 (all times local)"), not a date inside a headline's sentence."""
    before = line[:m.start()].rstrip()
    after = line[m.end():].lstrip()
    if before and before[-1] not in _DATELINE_EDGE and not _PUBLISHED_WORD.search(before):
        return False
    return not after or after[0] in _DATELINE_EDGE + ")"


_DATELINE_LEAD = re.compile(r"([A-Z][\w.'/-]*(?:[ ,][^\n]{0,90}?)?)\s+(?:--|—|–|-)\s")
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted|updated)(?:\s+on)?$", re.I)


_OPENING_LABEL = re.compile(r"\s*(?:(?:date\s+of\s+)?publi(?:shed|cation)(?:\s+on)?|posted(?:\s+on)?|updated)?\s*[:\-]?\s*",
                            re.I)


def opening_dateline(text: str) -> dt.date | None:
    """The full date a document opens with ("24 November 2016 US-led coalition airstrikes ...",
    "Published August 27 2016 ..."): scraped copy keeps the story's own dateline at its head even
    on one line, and "on Wednesday" in the story counts back from it, whatever date the copy was
    collected or republished on."""
    at = _OPENING_LABEL.match(text).end()
    found = dates_in(text, at, min(len(text), at + 40))
    if found and found[0].span[0] == at and found[0].precision == "day" and found[0].start == found[0].end:
        return found[0].start
    return None


def find_published(text: str, max_lines: int = 8) -> dt.date | None:
    """The date line of a document's header, looked for only among its first non-empty lines.

    A line counts when the date is (nearly) all of it, or when it is labelled ("Date of
    publication: 1 May, 2017"); a date inside a body sentence is an event date, not the
    publication date.
    """
    seen = 0
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > max_lines:
            break
        opening = len(s) > 100
        if opening:
            # a dateline that opens the first paragraph: "KABUL, Feb. 22, 2020 (wire) -- Fighting ..."
            lead = _DATELINE_LEAD.match(s)
            if lead is None:
                continue
            s = lead.group(1)
        label = _HEADER_LABEL.match(s)
        rest = s[label.end():] if label else s
        # (every shape _HEADER_DATE reads has a digit: the day, the year or the ISO date)
        m = _HEADER_DATE.search(rest) if _DIGIT.search(rest) else None
        if m:
            leftover = (rest[:m.start()] + rest[m.end():]).strip(" ,.-|·")
            if label or (len(leftover) <= 12 and not opening) or _dateline(rest, m):
                d = _header_match(m)
                if d:
                    return d
            continue
        if label and len(rest) <= 40:
            d = _dateparser_fallback(rest)
            if d:
                return d
    return None


def _dateparser_fallback(s: str) -> dt.date | None:
    """Only for a labelled header line none of our patterns read; dateparser is slow to load."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    parsed = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None
