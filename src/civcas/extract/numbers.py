"""Figures as reports write them: digits, words, hedges and vague amounts.

Reports rarely give a bare integer.  They hedge ("at least 459"), spell numbers out ("seven"),
give ranges ("between 6,488 and 9,947") or only a magnitude ("dozens").  Everything downstream
compares numbers, so this module turns each such phrase into (min, max, qualifier) once, with
one compiled pattern, and keeps the hedge instead of silently dropping it.

Conventions for vague amounts (also in docs/extract.md): "a dozen" = 12 exact; "dozens" and
"scores" = at least 24 (two dozen), no upper bound; "hundreds" = at least 200; "several" = at
least 3; "a few" = at least 2.  "A family of five" = 5.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .folding import Folded, Quick, alternation, key

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague amounts: word -> (min, max, qualifier).
VAGUE = {
    "dozens": (24, None, "dozens"),
    "scores": (24, None, "dozens"),
    "hundreds": (200, None, "hundreds"),
    "thousands": (2000, None, "hundreds"),
    "several": (3, None, "several"),
    "a few": (2, None, "several"),
    "a number": (2, None, "several"),
}

_WORD_NUM = (r"(?:(?:" + "|".join(sorted(TENS, key=len, reverse=True)) + r")(?:[- ](?:"
             + "|".join(k for k in UNITS if UNITS[k] and UNITS[k] < 10) + r"))?|"
             + "|".join(sorted(UNITS, key=len, reverse=True)) + r")")
_WORD_FULL = (_WORD_NUM + r"(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?" + _WORD_NUM + r")?)?")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million))?"
_FRACTION_OF_MILLION = r"(?:a\s+quarter\s+of\s+a|half\s+a|three\s+quarters\s+of\s+a)\s+million"
# "two dozen" (24) before the bare "two": a multiple of a dozen is one number.
_DOZENS = r"(?:two|three|four|five|six|seven|eight|nine|ten)\s+dozen"
NUMBER = rf"(?:{_DIGITS}|\ba\s+dozen\b|\b{_DOZENS}\b|\b{_FRACTION_OF_MILLION}\b|\b{_WORD_FULL}\b)"

# Hedges, longest first so "more than" wins over "more".
_HEDGES = [
    (r"at\s+least", "at_least"), (r"no\s+(?:fewer|less)\s+than", "at_least"), (r"a\s+minimum\s+of", "at_least"),
    (r"more\s+than", "more_than"), (r"over", "more_than"), (r"upwards\s+of", "more_than"),
    (r"in\s+excess\s+of", "more_than"), (r"up\s+to", "up_to"), (r"as\s+many\s+as", "up_to"),
    (r"at\s+most", "up_to"), (r"a\s+maximum\s+of", "up_to"),
    (r"fewer\s+than", "fewer_than"), (r"less\s+than", "fewer_than"), (r"under", "fewer_than"),
    (r"about", "about"), (r"around", "about"), (r"nearly", "about"), (r"almost", "about"),
    (r"approximately", "about"), (r"roughly", "about"), (r"some", "about"), (r"an\s+estimated", "about"),
    (r"close\s+to", "about"), (r"closer\s+to", "about"), (r"estimated", "about"), (r"just\s+over", "more_than"),
]
_HEDGE_RE = "|".join(h for h, _ in _HEDGES)
_HEDGE_KIND = [(re.compile(rf"^{h}$", re.I), q) for h, q in _HEDGES]

_VAGUE_RE = r"(?:dozens|scores|hundreds|thousands|several|a\s+few|a\s+number)"

# One pattern for every figure shape; named groups say which shape matched.
FIGURE = (
    rf"(?:(?P<between>between\s+(?P<b_lo>{NUMBER})\s+and\s+(?P<b_hi>{NUMBER}))"
    rf"|(?P<range>(?:(?P<r_lo>\d{{1,3}}(?:,\d{{3}})*)\s*(?:-|–|to)\s*|(?P<rw_lo>{_WORD_NUM})\s+to\s+)"
    rf"(?P<r_hi>\d{{1,3}}(?:,\d{{3}})*)(?![-\w]))"
    rf"|(?:(?P<hedge>{_HEDGE_RE})\s+)?(?P<num>{NUMBER})(?P<ormore>\s+or\s+more)?"
    rf"|(?P<family>an?\s+(?:entire\s+|whole\s+)?family\s+of\s+(?P<f_num>{NUMBER}))"
    rf"|(?P<vague>{_VAGUE_RE})(?:\s+of)?)"
)


def _figure_lookahead() -> str:
    """A look-ahead for how a figure can start: a digit, a first word of FIGURE's alternatives
    (a hedge's first word, a number word, "between", "a"/"an" as in "a dozen", "a family of", "a
    few", "half" as in "half a million") followed by a word boundary (all of them are followed by a
    space, a hyphen or the end of the word), or a vague amount ("dozens", without a boundary:
    FIGURE reads it at the start of a longer word too)."""
    words = ({re.match(r"[a-z]+", h).group() for h, _ in _HEDGES} | set(UNITS) | set(TENS)
             | {"between", "a", "an", "half"})
    vague = {re.match(r"[a-z]+", v).group() for v in _VAGUE_RE[3:].split("|")} - words
    return rf"(?=\d|(?:{alternation(words)})\b|{alternation(vague)})"


# FIGURE behind that look-ahead: the same matches, but a case-sensitive search on lower-cased text
# (folding.py) passes over most words after comparing a letter or two, instead of trying each of
# FIGURE's alternatives.  Only for the fast search of a Folded pattern.
FIGURE_FAST = _figure_lookahead() + FIGURE


def figure_folded(pattern: str, loose: str | None = None, needs: tuple[str, ...] = ()) -> Folded:
    """`Folded(pattern)` for a pattern built with FIGURE; its fast search uses FIGURE_FAST."""
    loose = pattern if loose is None else loose
    if FIGURE not in loose:
        raise ValueError("no FIGURE in the pattern")
    return Folded(pattern, loose=loose.replace(FIGURE, FIGURE_FAST), needs=needs)


FIGURE_RE = figure_folded(rf"\b{FIGURE}")
FIGURE_AT = re.compile(FIGURE, re.I)
# A cheap first look: can this stretch of text hold a figure at all?
NUMBER_HINT = re.compile(r"\d|\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|"
                         r"[Ee]leven|[Tt]welve|\w+teen|\w+ty|[Hh]undred|[Tt]housand|[Dd]ozen|[Ss]everal|[Ff]ew|[Ss]cores)\b")     # .match at a known position
_WORD_CHAR = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
_NUMBER_WORD_HINT = Quick(NUMBER_HINT.pattern[3:].replace(r"|\w+teen|\w+ty|", "|") + r"|\Bteen\b|\Bty\b")
_last_hint: tuple = (None, -1, -1, False)
# Every word NUMBER_HINT accepts holds one of these in lower case (the pattern is case-sensitive
# and its letters are ASCII, so lower-casing the text keeps them, whatever else it does).
_NUMBER_STEMS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "teen", "ty", "hundred", "thousand", "dozen", "several", "few", "scores")


def _has_stem(low: str) -> bool:
    for w in _NUMBER_STEMS:
        if w in low:
            return True
    return False


def number_hint(text: str, a: int, b: int) -> bool:
    """`NUMBER_HINT.search(text, a, b)`, remembered for the last stretch asked about: the rules
    for assessments, strike counts and tolls all ask it about the same sentence in a row."""
    global _last_hint
    last = _last_hint
    if last[0] is text and last[1] == a and last[2] == b:
        return last[3]
    if a == 0 or not _WORD_CHAR.match(text, a - 1):
        # The same test in cheaper steps: a digit (most sentences that have a figure), else a
        # number word, looked for only if one of their (lower-cased) stems is there at all;
        # "\Bteen\b" is "\b\w+teen\b" when no word runs on from before `a`.
        found = _DIGIT.search(text, a, b) is not None or (
            _has_stem(text[a:b].lower()) and _NUMBER_WORD_HINT.search(text, a, b) is not None)
    else:
        found = NUMBER_HINT.search(text, a, b) is not None
    _last_hint = (text, a, b, found)
    return found


def number_hint_slice(text: str, a: int, b: int) -> bool:
    """`NUMBER_HINT.search(text[a:b])` without the slice when it cannot differ (no word character
    right before `a`, which is all a `\\b` at `a` looks at)."""
    if a == 0 or not _WORD_CHAR.match(text, a - 1):
        return number_hint(text, a, b)
    return NUMBER_HINT.search(text[a:b]) is not None


_WORD_SPLIT = re.compile(r"[\s-]+")
_SPACES = re.compile(r"\s+")
_DIGITS_RE = re.compile(r"([\d,]+(?:\.\d+)?)(?: (thousand|million))?")


class Figure(NamedTuple):
    """A parsed amount and the exact characters it came from (immutable: a named tuple, the
    cheapest such object to make)."""

    count_min: int | None
    count_max: int | None
    qualifier: str
    start: int
    end: int


def word_to_int(words: str) -> int | None:
    """'twenty-three' -> 23, 'one hundred and five' -> 105; None if it is not a number."""
    total, current = 0, 0
    seen = False
    for w in _WORD_SPLIT.split(words.lower().strip()):
        if not w or w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in ("thousand", "million"):
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def to_int(token: str) -> int | None:
    """Digits or words to an int; decimals ("1.5 million") are kept to their integer value."""
    if token.isascii():
        # The two commonest tokens, answered as the general steps below would answer them: plain
        # digits (short enough for the float below to hold them exactly) and a lower-case unit.
        if token.isdigit() and len(token) <= 15:
            return int(token)
        if token in UNITS:
            return UNITS[token]
    t = _SPACES.sub(" ", key(token.strip()))
    if t == "a dozen":
        return 12
    if t.endswith(" dozen"):
        n = UNITS.get(t[:-6])
        return None if n is None else n * 12
    if t.endswith(" million") and ("quarter" in t or "half" in t):
        return {"a quarter of a million": 250_000, "half a million": 500_000,
                "three quarters of a million": 750_000}.get(t)
    m = _DIGITS_RE.fullmatch(t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= SCALES[m.group(2)]
        return int(round(value))
    return word_to_int(t)


def hedge_kind(hedge: str | None) -> str:
    if not hedge:
        return "exact"
    known = _HEDGE_KNOWN.get(hedge)
    if known is not None:
        return known
    h = _SPACES.sub(" ", hedge.lower())
    for rx, q in _HEDGE_KIND:
        if rx.match(h):
            return q
    return "exact"


# hedge_kind of the hedges as usually written (lower case, one space), worked out once by
# hedge_kind itself.
_HEDGE_KNOWN: dict[str, str] = {}
_HEDGE_KNOWN.update({h: hedge_kind(h) for h in (
    "at least", "no fewer than", "no less than", "a minimum of", "more than", "over", "upwards of", "in excess of",
    "up to", "as many as", "at most", "a maximum of", "fewer than", "less than", "under", "about", "around", "nearly",
    "almost", "approximately", "roughly", "some", "an estimated", "close to", "closer to", "estimated", "just over")})


def parse_figure(m: re.Match) -> Figure | None:
    """Turn one FIGURE_RE match into bounds.  'more than 100' is kept as min 100 (the text's
    number), not 101: the scorer and the reader both compare against the written figure."""
    group = m.group
    if group("between"):
        lo, hi = to_int(group("b_lo")), to_int(group("b_hi"))
        if lo is None or hi is None:
            return None
        return Figure(min(lo, hi), max(lo, hi), "between", m.start(), m.end("b_hi"))
    if group("range"):
        lo, hi = to_int(group("r_lo") or group("rw_lo")), to_int(group("r_hi"))
        if lo is None or hi is None or lo >= hi:
            return None
        return Figure(lo, hi, "between", m.start(), m.end("r_hi"))
    if group("family"):
        n = to_int(group("f_num"))
        return None if n is None else Figure(n, n, "exact", m.start(), m.end("f_num"))
    vague = group("vague")
    if vague:
        lo, hi, q = VAGUE[_SPACES.sub(" ", key(vague))]
        return Figure(lo, hi, q, m.start(), m.end("vague"))
    n = to_int(group("num"))
    ormore = group("ormore")
    end = m.end("ormore") if ormore else m.end("num")
    if n is None:
        return None
    q = "at_least" if ormore else hedge_kind(group("hedge"))
    if q == "exact":
        return Figure(n, n, q, m.start(), end)
    if q == "up_to" or q == "fewer_than":
        return Figure(None, n, q, m.start(), end)
    return Figure(n, None if q in ("at_least", "more_than") else n, q, m.start(), end)


def figures_in(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in text[start:end], positions absolute."""
    out = []
    for m in FIGURE_RE.finditer(text, start, len(text) if end is None else end):
        f = parse_figure(m)
        if f is not None:
            out.append(f)
    return out
