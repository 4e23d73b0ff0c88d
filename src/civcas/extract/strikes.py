"""Counts of strikes a party says were carried out over a period.

Strike totals are the denominator of every harm rate, so they are claims of their own.  A
number of strikes only counts as a strike total when something conducted them ("the
coalition has conducted more than 5,800 airstrikes") or when a release line reports them
("Near Raqqa, 10 strikes engaged ...").  "57 specific airstrikes resulted in 459 deaths" is
a monitor's count of incidents inside a tally, not a strike total, and is left to that rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import FIGURE, FIGURE_AT, Figure, figure_folded, number_hint, parse_figure

# Not sorties: a sortie is a flight, which may drop nothing; reports and annotators (blind to
# blind4 conventions) count strikes, raids and strike missions, not flights.
_WHAT = r"(?P<what>air\s?strikes|strikes|engagements|air\s+raids|raids|bombing\s+runs|missions)"
_CONDUCT = (r"(?:conducted|carried\s+out|launched|flown|flew|performed|executed|mounted|undertaken|undertook|"
            r"staged|conducts|conducting|launching|carrying\s+out)")
CONDUCTED_RE = figure_folded(
    rf"\b{_CONDUCT}\s+(?:a\s+total\s+of\s+|nearly\s+|some\s+)?(?P<f>{FIGURE})\s+(?:[\w\-]+\s+){{0,2}}?{_WHAT}\b")
PASSIVE_RE = figure_folded(
    rf"(?<![\w\-])(?P<f>{FIGURE})\s+(?:[\w\-]+\s+){{0,2}}?{_WHAT}\s+(?:have|had)?\s*(?:been\s+|were\s+|was\s+)"
    rf"(?:conducted|carried\s+out|launched|flown|performed)\b")
RELEASE_RE = figure_folded(
    rf"(?:(?:near|in|around|outside|west\s+of|east\s+of|north\s+of|south\s+of)\s+[^,]{{2,40}},\s+){{1,2}}(?P<f>{FIGURE})\s+"
    rf"(?P<what>strikes?|airstrikes?)\s+(?:engaged|struck|destroyed|hit|targeted|damaged|suppressed)\b")
_COUNTING = (r"(?:recorded|logged|counted|tracked|documented|registered|reported)")
COUNTED_RE = figure_folded(
    rf"\b{_COUNTING}\s+(?:a\s+total\s+of\s+|nearly\s+|some\s+)?(?P<f>{FIGURE})\s+(?:[\w.\-]+\s+){{0,4}}?{_WHAT}\b"
    rf"(?!\s+(?:that|which|in\s+which)\s+(?:killed|left|resulted|caused|harmed))")

# "some 450 air raids were recorded"
PASSIVE_COUNTED_RE = re.compile(
    rf"(?<![\w\-])(?P<f>{FIGURE})\s+(?:[\w.\-]+\s+){{0,2}}?{_WHAT}\s+(?:have|had)?\s*(?:been\s+|were\s+|was\s+)"
    rf"(?:recorded|logged|counted|tracked|documented|registered|reported)\b", re.I)
# The same count for earlier years: "47 strikes, up from 35 in 2017 and 14 in 2016".
_YEAR_REF = r"(?:in\s+(?:19|20)\d\d|(?:the|a)\s+(?:previous|prior)\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before))"
_UP_FROM = re.compile(rf",?\s+(?:up|down)\s+from\s+(?P<f>{FIGURE})\s+{_YEAR_REF}", re.I)
_AND_YEAR = re.compile(rf"\s*(?:,\s*and|,|and)\s+(?P<f>{FIGURE})\s+in\s+(?:19|20)\d\d\b", re.I)
# "Strikes have fallen since a peak of 128 in 2010"; "There were 27 in 2013" after a strike count.
PEAK_RE = re.compile(rf"\b(?:peak|high|low)\s+of\s+(?P<f>{FIGURE})\s+in\s+(?:19|20)\d\d\b", re.I)
THERE_WERE_RE = re.compile(rf"\s*There\s+were\s+(?:only\s+|just\s+)?(?P<f>{FIGURE})\s+in\s+(?:19|20)\d\d\b")
# Between a figure and the strike noun, a word of death says the figure counts the dead.
_HARM_BETWEEN = re.compile(r"\b(?:deaths?|dead|killed|killings|casualties|civilians|people|victims|fatalities)\b", re.I)
_STRIKE_NOUN = re.compile(r"\b(?:air\s?strikes|strikes|sorties|air\s+raids|raids)\b", re.I)


_CONDUCT_WORDS = ("conduct", "carried out", "carrying out", "launch", "flown", "flew", "perform", "execut", "mount",
                  "undert", "staged")
_COUNTING_WORDS = ("recorded", "logged", "counted", "tracked", "documented", "registered", "reported")


@dataclass
class StrikeCount:
    figure: Figure
    what: str
    start: int
    end: int


def strike_counts_in(text: str, a: int, b: int) -> list[StrikeCount]:
    out: list[StrikeCount] = []
    if not number_hint(text, a, b):
        return out
    low = text[a:b].lower()
    conduct = any(w in low for w in _CONDUCT_WORDS)
    counting = any(w in low for w in _COUNTING_WORDS)
    for rx in (CONDUCTED_RE, PASSIVE_RE, COUNTED_RE, PASSIVE_COUNTED_RE, RELEASE_RE):
        if (rx is CONDUCTED_RE or rx is PASSIVE_RE) and not conduct or (
                rx is COUNTED_RE or rx is PASSIVE_COUNTED_RE) and not counting:
            continue
        matches = [m for m in [rx.match(text, a, b)] if m] if rx is RELEASE_RE else rx.finditer(text, a, b)
        for m in matches:
            if any(m.start() < c.end and c.start < m.end() for c in out):
                continue
            fm = FIGURE_AT.match(m.group("f"))
            fig = parse_figure(fm) if fm else None
            if fig is None or (fig.count_min is None and fig.count_max is None):
                continue
            if _HARM_BETWEEN.search(text, fm.end() + m.start("f"), m.start("what")):
                continue    # "documented 21 civilian deaths from U.S. air strikes": deaths, not strikes
            shift = m.start("f")
            fig = Figure(fig.count_min, fig.count_max, fig.qualifier, shift + fig.start, shift + fig.end)
            what = re.sub(r"\s+", " ", m.group("what").lower())
            what = "strikes" if what in ("airstrikes", "air strikes", "strike", "airstrike") else what
            out.append(StrikeCount(fig, what, m.start(), m.end()))
            out.extend(_earlier_years(text, m.end(), b, what))
    if "peak" in low or "high of" in low or "low of" in low:
        for m in PEAK_RE.finditer(text, a, b):
            if _STRIKE_NOUN.search(text, a, b):
                out.extend(_figure_counts([m], "strikes"))
    return out


def _figure_counts(matches, what: str) -> list[StrikeCount]:
    out = []
    for m in matches:
        fm = FIGURE_AT.match(m.string, m.start("f"))
        fig = parse_figure(fm) if fm else None
        if fig is not None and fig.count_min is not None and fig.qualifier != "between":
            out.append(StrikeCount(fig, what, m.start(), m.end()))
    return out


# "63 air strikes in 2019, a record, and 39 so far this year": the same count for another period.
_AND_PERIOD = re.compile(rf"[^.;]{{0,40}}?(?:,\s*and|\band)\s+(?P<f>{FIGURE})\s+(?:so\s+far\s+this\s+year|"
                         rf"(?:so\s+far\s+)?(?:this|last)\s+year|in\s+(?:19|20)\d\d)\b", re.I)


def _earlier_years(text: str, pos: int, b: int, what: str) -> list[StrikeCount]:
    """"47 strikes, up from 35 in 2017 and 14 in 2016": the same count for the years before."""
    m = _UP_FROM.match(text, pos, b)
    if m is None:
        rest = text[pos:b]
        m = _AND_PERIOD.match(text, pos, b) if "year" in rest or "in 2" in rest or "in 1" in rest else None
        return _figure_counts([m], what) if m else []
    found = [m]
    while True:
        m = _AND_YEAR.match(text, m.end(), b)
        if m is None:
            break
        found.append(m)
    return _figure_counts(found, what)


def there_were_counts(text: str, a: int, b: int) -> list[StrikeCount]:
    """"There were 27 in 2013", right after a sentence about strike counts."""
    m = THERE_WERE_RE.match(text, a, b)
    return _figure_counts([m], "strikes") if m else []
