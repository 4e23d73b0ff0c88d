"""The rule-based extractor: one pass over the sentences, each rule taking what it knows.

Order matters and is deliberate.  Assessment bookkeeping runs first (its numbers count
reports, not people), then strike totals and rates, and only then death tolls, so a number
is read by exactly one rule.  Document-level steps follow: a headline that rounds a figure the
body gives precisely ("Over 350 killed" then "352 civilians") is one claim, not two; the same
figure from the same ledger said twice is one claim; then the arithmetic checks.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import re

from ..records import ASSESSMENT_FIELDS, ClaimRecord
from . import attribution, checks, context, parties
from .assessment import fields_in
from .casualties import (_ATTACK, DEATH, EVENT, PERIOD, Toll, among_the_dead, differences, is_incident, superseded, tolls_in,
                         victims_word)
from .dates import DateMention, dates_in, opening_dateline
from .folding import Folded, Quick
from .furniture import without_furniture
from .numbers import FIGURE, FIGURE_AT, VAGUE, figure_folded, parse_figure
from .outlet import outlet, publisher_outlet
from .ratio import ratios_in
from .sentences import split
from .strikes import strike_counts_in, there_were_counts

_SINCE = Folded(r"\b(?:since|from|between|starting|beginning)\s+(?:the\s+(?:start|beginning)\s+of\s+)?$",
                needs=("since", "from", "between", "starting", "beginning"))
_UNTIL = Folded(r"\b(?:to|until|till|through|as\s+of|by|and)\s+(?:the\s+end\s+of\s+)?$")
_TO_DATE = Folded(r"\b(?:to\s+date|so\s+far|as\s+of\s+now|thus\s+far|up\s+to\s+now)\b")
_INCIDENTS_COUNT = figure_folded(rf"(?P<f>{FIGURE})\s+(?:[\w-]+\s+)?(?:air\s?strikes|strikes|incidents|attacks|raids|"
                              r"events)\b")
# A necessary part of _INCIDENTS_COUNT, far cheaper to look for than the figure in front of it.
_INCIDENT_NOUN = Folded(r"(?:strikes|incidents|attacks|raids|events)\b")
_STRIKES_NOUN = Folded(r"(?:strikes|raids)\b")
_SCOPE = Quick(r"\bin\s+(?P<scope>(?:Iraq|Syria|Yemen|Libya|Afghanistan|Somalia|Pakistan|Gaza|Mosul|Raqqa)"
                    r"(?:,?\s+(?:and\s+)?(?:Iraq|Syria|Yemen|Libya|Afghanistan|Somalia|Pakistan|Gaza))*)")
# Words without which a sentence cannot hold a claim of each kind (a superset of every rule's needs).
# Found with str.find on the lower-cased text: far cheaper than a regular expression per sentence.
_HINT_WORDS = {
    "harm": ("kill", "dead", "die", "death", "casualt", "fatalit", "injur", "wound", "perish", "massacre", "slain",
             "bodies", "lives", "life", "hurt", "execut", "maimed", "martyr", "toll", "figure at"),
    "strike": ("strike", "sorties", "engagements", "raids", "missions", "bombing runs"),
    "report": ("report", "allegation", "credible", "assess", "duplicat", "claims"),
    "ratio": ("times", "%", "per cent", "percent", " in ", " out of ", "third", "quarter", "half", "fifth", "tenth"),
    "diff": ("more", "fewer", "less", "additional"),
    "event": ("strike", "struck", "raid", "attack", "bomb", "shell", "missile", "drone", "explosion", "blast", "warplane",
              "jets", "aircraft", "helicopter", "artillery", "rocket", "mortar"),
}


# The same, word by word: (word, the kinds it hints at), each word looked for once.
_HINT_LIST: list[tuple[str, tuple[str, ...]]] = []
for _kind, _words in _HINT_WORDS.items():
    for _w in _words:
        _known = next((i for i, (w, _) in enumerate(_HINT_LIST) if w == _w), None)
        if _known is None:
            _HINT_LIST.append((_w, (_kind,)))
        else:
            _HINT_LIST[_known] = (_w, _HINT_LIST[_known][1] + (_kind,))


def _hints(text: str, starts: list[int]) -> dict[int, set[str]]:
    """Sentence index -> the kinds of claim its words allow."""
    low = text.lower()
    find = low.find
    hints: dict[int, set[str]] = {}
    for w, kinds in _HINT_LIST:
        i = find(w)
        if i < 0:
            continue
        spaced = w[0] == " "        # " in ", " out of ": only after a number ("1 in 5", "one in five")
        n = len(w)
        while i >= 0:
            if not spaced or low[i - 1:i].isdigit() or low[i - 3:i] == "one":
                k = bisect.bisect_right(starts, i) - 1
                if k >= 0:
                    found = hints.get(k)
                    if found is None:
                        hints[k] = set(kinds)
                    else:
                        found.update(kinds)
            i = find(w, i + n)
    return hints


_THE = re.compile(r"^the\s+", re.I)
_FINAL_PUNCT = re.compile(r"[.!?][\"”’']?$")
_NON_ALPHA = re.compile(r"[^a-z]")
_WORD_CHAR = re.compile(r"\w")
_SUMMARY_TITLE = re.compile(r"[^.]{0,60}\b(?:summary|report|update|release|statement|press\s+release)\b", re.I)
_REPORTING_BEFORE = Folded(r"\b(?:said|says|told|announced|acknowledged|admitted|reported|stated|added|"
                               r"confirmed|published|released)\s+(?:\w+\s+)?(?:on|late\s+on|early\s+on)?\s*$")
# How many sentences back an event sentence lends its event to a toll (a toll of at most 50: further).
FRAME_REACH, FRAME_REACH_SMALL = 3, 6
_DAY_DATE_HINT = Quick(r"\b(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                            r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|"
                            r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\byesterday\b")
_PART_OF = {"children": "children", "child": "children", "boy": "children", "girl": "children", "boys": "children",
            "girls": "children", "infant": "children", "baby": "children", "infants": "children", "babies": "children",
            "women": "women", "woman": "women", "mother": "women", "men": "men", "man": "men", "father": "men"}
_SMALL_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "a": 1, "an": 1, "single": 1}


class RulesExtractor:
    """Regular-expression rules; deterministic, no model, no I/O."""

    name = "rules"

    def extract(self, text: str, published: dt.date | None = None, *,
                publisher: str | None = None) -> list[ClaimRecord]:
        return _Run(text, published, publisher).run()


class _Run:
    def __init__(self, text: str, published: dt.date | None, publisher: str | None = None):
        self.text = text
        self.publisher = publisher
        # relative dates ("on Wednesday") count back from the story's own dateline where it opens with one
        self.published = opening_dateline(text) or published
        self.opening = len(text) - len(text.lstrip())     # where the document's first word starts
        self.memory = attribution.Memory()
        self.claims: list[ClaimRecord] = []
        self.block: ClaimRecord | None = None      # the assessment claim being built
        self.block_last = -10                      # index of the sentence that last added to it
        self.diffs: list[tuple[ClaimRecord | None, int, str, int]] = []
        self.headlines: set[int] = set()           # ids of claims read from a title-like line
        # Sentences that may describe one event, (index, start, end); checked only when a toll needs one.
        self.event_candidates: list[tuple[int, int, int]] = []
        self.event_checked: dict[int, bool] = {}
        self.sentence_index = 0
        self.last_strike_sentence = -10            # index of the last sentence that gave a strike count
        self.pending: list[ClaimRecord] = []       # strike counts read from inside a tally's sentence
        # Results of pure per-span helpers (dates, place, belligerent, strike type), asked about the
        # same sentence by several claims and by the event frame.
        self._memo: dict[tuple, object] = {}

    # -- per sentence ---------------------------------------------------------------------
    def run(self) -> list[ClaimRecord]:
        text = self.text
        last_tolls: list[ClaimRecord] = []
        sentences = without_furniture(text, split(text))
        self.memory.text, self.memory.sentences = text, sentences
        # One cheap pass over the document says which sentences can hold which claims.
        hints = _hints(text, [s.start for s in sentences])
        for i, kinds in sorted(hints.items()):
            s = sentences[i]
            a, b = s.start, s.end
            self.memory.current = i
            self.sentence_index = i
            taken: list[tuple[int, int]] = []
            if "event" in kinds:
                self.event_candidates.append((i, a, b))
            if "ratio" in kinds:
                self._ratios(a, b, taken)
            if "report" in kinds:
                self._assessment(i, a, b, taken)
            if "strike" in kinds:
                if self._strikes(a, b, taken):
                    self.last_strike_sentence = i
            elif self.last_strike_sentence == i - 1 and self._strikes(a, b, taken, there_were_counts):
                self.last_strike_sentence = i
            if "harm" not in kinds:
                last_tolls = []
                continue
            last_tolls = self._tolls(a, b, taken, last_tolls)
            if "diff" not in kinds:
                continue
            for value, direction, ds, de in differences(text, a, b):
                here = next((c for c in last_tolls if c.span[0] <= a and c.span[1] >= b), None)
                self.diffs.append((here, value, direction, ds))
        return self._finish()

    def _search(self, rx: re.Pattern, a: int, b: int) -> re.Match | None:
        """`rx.search(text, a, b)`, remembered for the document."""
        key = (rx, a, b)
        memo = self._memo
        if key in memo:
            return memo[key]  # type: ignore[return-value]
        m = memo[key] = rx.search(self.text, a, b)
        return m

    def _like_slice(self, a: int) -> bool:
        """Whether searching text[a:b] and searching text from a to b agree for the patterns of
        `is_incident`: nothing before `a` can make a difference, neither a word character (for
        `\\b`) nor "in"/"across"/"from" and a space (EVENT's look-behinds)."""
        if a == 0:
            return True
        text = self.text
        if _WORD_CHAR.match(text, a - 1):
            return False
        before = text[max(0, a - 8):a]
        return before.isascii() and not before[:-1].lower().endswith(("in", "across", "from"))

    def _dates(self, a: int, b: int) -> list[DateMention]:
        key = ("dates", a, b)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = dates_in(self.text, a, b, self.published)
        return found  # type: ignore[return-value]

    def _place(self, a: int, b: int) -> tuple[str | None, str | None]:
        key = ("place", a, b)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = context.place(self.text, a, b)
        return found  # type: ignore[return-value]

    def _belligerent(self, a: int, b: int) -> str | None:
        key = ("belligerent", a, b)
        if key not in self._memo:
            self._memo[key] = context.belligerent(self.text, a, b)
        return self._memo[key]  # type: ignore[return-value]

    def _strike_type(self, a: int, b: int) -> str | None:
        key = ("strike_type", a, b)
        if key not in self._memo:
            self._memo[key] = context.strike_type(self.text, a, b)
        return self._memo[key]  # type: ignore[return-value]

    def _speaker(self, a: int, b: int, pos: int) -> str | None:
        return attribution.speaker(self.text, a, b, pos, self.memory)

    def _assessment(self, i: int, a: int, b: int, taken: list[tuple[int, int]]) -> None:
        found, referred_by = fields_in(self.text, a, b)
        found = [f for f in found if not any(f.figure.start < y and x < f.figure.end for x, y in taken)]
        if not found:
            return
        block = self.block
        names = [f.name for f in found]
        if block is None or i - self.block_last > 2 or any(
                block.assessment.get(f.name) not in (None, f.value) for f in found):
            block = ClaimRecord(type="assessment_stats", quote="", span=(a, b), rule="assessment.fields",
                                assessment={k: None for k in ASSESSMENT_FIELDS}, counted="reports")
            block.asserted_by = (self._speaker(a, b, found[0].figure.start) or self._first_official(a, b)
                                 or self._official_in_memory() or self._title_owner())
            self.claims.append(block)
            self.block = block
        for f in found:
            block.assessment[f.name] = f.value
            taken.append((f.figure.start, f.figure.end))
        if referred_by:
            block.historical_referred_by = referred_by
        block.span = (block.span[0], b)
        block.quote = self.text[block.span[0]:b]
        if block.asserted_by is None:
            block.asserted_by = self._speaker(a, b, found[0].figure.start)
        self.block_last = i

    def _official_in_memory(self) -> str | None:
        self.memory.sync()
        owner = self.memory.statement_owner
        return owner if attribution.is_official(owner) else None

    def _strikes(self, a: int, b: int, taken: list[tuple[int, int]], find=strike_counts_in) -> bool:
        made = False
        for sc in find(self.text, a, b):
            f = sc.figure
            if any(f.start < y and x < f.end for x, y in taken):
                continue
            who = self._speaker(a, b, f.start)
            if who is None:
                # A belligerent stating its own strikes: the actor in the clause before the verb; a
                # release line ("Near Raqqa, four strikes ...") speaks for the release's author.
                who = (self._belligerent(a, sc.start) or self._first_official(a, sc.start)
                       or attribution.subject(self.text, a, sc.start, self.memory)
                       or self._title_owner() or self._last_official_speaker())
            c = ClaimRecord(type="strike_count", quote=self.text[a:b], span=(a, b), asserted_by=who,
                            count_min=f.count_min, count_max=f.count_max, qualifier=f.qualifier,
                            counted=sc.what, strikes=f.count_min, rule="strike_count.conducted",
                            belligerent=self._belligerent(a, b),
                            strike_type=self._strike_type(sc.start, sc.end))
            self._period(c, a, b)
            self.claims.append(c)
            taken.append((f.start, f.end))
            made = True
        return made

    def _last_official_speaker(self) -> str | None:
        self.memory.sync()
        who = self.memory.last_speaker or self.memory.statement_owner
        return who if attribution.is_official(who) else None

    def _title_owner(self) -> str | None:
        """The organisation a document's title line names ("CJTF-OIR civilian casualty summary"):
        the speaker of a summary's unattributed lines."""
        text = self.text.lstrip()
        line = text[:text.find("\n")] if "\n" in text else ""
        if not line or len(line) > 160:
            return None
        m = _SUMMARY_TITLE.match(line)
        if not m and _FINAL_PUNCT.search(line):
            return None
        m = attribution.OFFICIAL_RE.match(line) or attribution.MONITOR_RE.match(line) or (
            None if _FINAL_PUNCT.search(line) else (attribution.OFFICIAL_RE.search(line) or attribution.MONITOR_RE.search(line)))
        return _THE.sub("", m.group()) if m else None

    def _first_official(self, a: int, b: int) -> str | None:
        m = attribution.OFFICIAL_RE.search(self.text, a, b)
        return _THE.sub("", m.group()) if m else None

    def _ratios(self, a: int, b: int, taken: list[tuple[int, int]]) -> None:
        for r in ratios_in(self.text, a, b):
            if any(r.start < y and x < r.end for x, y in taken):
                continue
            self.claims.append(ClaimRecord(type="ratio", quote=self.text[a:b], span=(a, b), ratio=r.value,
                                           asserted_by=self._speaker(a, b, r.start), rule=f"ratio.{r.value['kind']}",
                                           qualifier=r.value.get("qualifier")))
            taken.append((r.start, r.end))

    def _tolls(self, a: int, b: int, taken: list[tuple[int, int]],
               last_tolls: list[ClaimRecord]) -> list[ClaimRecord]:
        text = self.text
        found = tolls_in(text, a, b, taken)
        tolls = [t for t in found if not superseded(text, a, t.start)]
        if len(tolls) < len(found):
            # "The previous death toll was 20 with 50 others injured": the wounded of the replaced
            # toll go with it ("which had initially put the toll at 43, said 79 were wounded" stay)
            old = [t for t in found if t not in tolls]
            tolls = [t for t in tolls if t.harm != "injured" or not any(
                0 <= t.start - o.end <= 40 and _WITH_OTHERS.match(text, o.end, t.start) for o in old)]
        if not tolls:
            return [] if not among_the_dead(text, a) else last_tolls
        made: list[ClaimRecord] = []
        # A sentence that only breaks down the previous sentence's toll ("The dead included six
        # children", "More than 100 were wounded") adds to that claim.
        only_parts = all(t.sub or _PART_OF.get(victims_word(t.victim)) or (
            t.parts and sum(t.parts.values()) == t.figure.count_min) for t in tolls if t.harm != "injured")
        only_injured = all(t.harm == "injured" for t in tolls)
        if last_tolls and ((among_the_dead(text, a) and only_parts) or (
                only_injured and last_tolls[-1].type == "incident" and last_tolls[-1].injured_min is None
                and not any(self._names_party(a, b, t) for t in tolls))):
            target = last_tolls[-1]
            for t in tolls:
                self._add_part(target, t, victims_word(t.victim))
            target.span = (target.span[0], b)
            target.quote = text[target.span[0]:b]
            return last_tolls
        mentions = [d for d in self._dates(a, b)
                    if not _REPORTING_BEFORE.search(text, max(a, d.span[0] - 25), d.span[0])]
        deaths = [t for t in tolls if not t.sub and t.harm != "injured"]
        # (the wounded, often more than the dead, do not make a toll large)
        small = all((t.figure.count_max if t.figure.count_max is not None
                     else t.figure.count_min or 999) <= 50 for t in deaths)
        # a small toll may belong to an event told several sentences earlier: reactions and context
        # often come between the strike and a second source's toll
        frame = self._frame(FRAME_REACH_SMALL if small else FRAME_REACH)
        incident = is_incident(text, a, b, any(d.precision == "day" for d in mentions),
                               single=all(t.figure.count_max == 1 or t.listed for t in tolls if not t.sub),
                               small=small,
                               # a report that has been telling of events goes on doing so
                               after_event=bool(deaths) and (not self.claims or self.claims[-1].type == "incident"),
                               # a frame lends its event to a toll, not to a national total
                               framed=frame is not None and all(
                                   (t.figure.count_min or 0) < 1000 for t in tolls if not t.sub),
                               search=(lambda rx: self._search(rx, a, b)) if self._like_slice(a) else None)
        if not incident and self._one_event_toll(a, b) and not self._search(PERIOD, a, b):
            incident = True
        for t in tolls:
            victim = victims_word(t.victim)
            main = made[-1] if made else None
            if t.sub and main is not None:
                self._add_part(main, t, victim)
                if t.additive and main.count_min is not None and t.figure.count_min is not None:
                    main.count_min += t.figure.count_min
                    main.count_max = None if main.count_max is None or t.figure.count_max is None \
                        else main.count_max + t.figure.count_max
                    main.victims = f"{main.victims} and {victim}"
                continue
            if t.harm == "injured" and main is not None and main.injured_min is None:
                main.injured_min, main.injured_max = t.figure.count_min, t.figure.count_max
                continue
            c = self._toll_claim(t, victim, incident, a, b, mentions)
            if c.type == "incident" and frame is not None:
                self._fill_from_frame(c, frame)
            made.append(c)
            if t.harm == "killed" and c.count_min is not None and c.qualifier not in _VAGUE_QUALIFIERS:
                made.extend(self._places_listed(c, t, b))
        if _is_headline(text, a, b):
            self.headlines.update(id(c) for c in made)
        self.claims.extend(made)
        if self.pending:
            self.claims.extend(self.pending)
            self.pending = []
        return made

    def _places_listed(self, c: ClaimRecord, t: Toll, b: int) -> list[ClaimRecord]:
        """Figures that go on with the toll's victims and harm unsaid, one per place: "21
        civilians had been killed in coalition raids, 15 in a northern district of Manbij and
        another six in Al-Tukhar", "killed 45 civilians in and around Aleppo and 22 in neighbouring
        Idlib province".  Parts that add up to the toll are its incidents and the toll is their
        total, a tally; a figure for a further place beside a toll placed the same way is a toll
        of the same kind.  Anything else is left alone."""
        text = self.text
        parts = []
        for m in _PLACE_PART.finditer(text, t.end, b):
            if _OTHER_HARM.search(text, t.end, m.start("f")):
                break       # "killed two civilians in Toretsk and wounded one more in Kurakhove"
            fm = FIGURE_AT.match(text, m.start("f"))
            fig = parse_figure(fm) if fm else None
            if fig is None or fig.count_min is None or fig.qualifier in _VAGUE_QUALIFIERS or (
                    fig.qualifier == "exact" and 1900 <= fig.count_min <= 2100) or m.group("place") in _NOT_PLACES:
                continue
            parts.append((fig, m))
        if not parts:
            return []
        total = sum(f.count_min for f, _ in parts)
        if len(parts) >= 2 and total == c.count_min:
            kind = "incident"
            _make_total(c)
        elif total != c.count_min and _PLACED.match(text, t.end, b) and "including" not in text[t.end:parts[0][1].start()]:
            kind = c.type
        else:
            return []
        # (the toll's breakdown and wounded are the toll's, not a part's)
        cleared = dict.fromkeys(("children_min", "children_max", "women_min", "women_max", "men_min", "men_max",
                                 "injured_min", "injured_max"))
        if kind == "incident":
            cleared.update(dict.fromkeys(("tally_kind", "period_start", "as_of", "scope")))
        return [dataclasses.replace(c, type=kind, count_min=fig.count_min, count_max=fig.count_max,
                                    qualifier=fig.qualifier, place_text=m.group("place"),
                                    rule=f"{kind}.listed_place", flags=[], **cleared)
                for fig, m in parts]

    def _one_event_toll(self, a: int, b: int) -> bool:
        """A toll with no period of its own that is one event's: a source's figure for "the toll"
        of an event the report has already told ("the civil defence put the toll at 84", "gave a
        higher toll of 31"), or deaths in one village ("killed 40 civilians in the village of X")."""
        if _THE_TOLL.search(self.text, a, b) and any(c.type == "incident" for c in self.claims):
            return True
        return _IN_A_VILLAGE.search(self.text, a, b) is not None

    def _names_party(self, a: int, b: int, t: Toll) -> bool:
        """Whether the sentence gives the figure its own speaker (then it is a claim of its own)."""
        return self._speaker(a, b, t.start) is not None

    def _frame(self, reach: int) -> tuple[int, int, int] | None:
        """The latest of the last `reach` sentences that describes one event: tolls that follow are its."""
        now = self.sentence_index
        for i, a, b in reversed(self.event_candidates):
            if now - i > reach:
                break
            if i == now:
                if self._is_event(i, a, b):
                    return None         # the sentence describes its own event
                continue
            if self._is_event(i, a, b):
                return (i, a, b)
        return None

    def _is_event(self, i: int, a: int, b: int) -> bool:
        known = self.event_checked.get(i)
        if known is None:
            search = self._search
            known = bool((search(EVENT, a, b) or (search(_DAY_DATE_HINT, a, b) and search(_ATTACK, a, b)))
                         and not search(PERIOD, a, b))
            self.event_checked[i] = known
        return known

    def _fill_from_frame(self, c: ClaimRecord, frame: tuple[int, int, int]) -> None:
        _, fa, fb = frame
        if (fa, fb) == (c.span[0], c.span[1]):
            return
        if c.event_date is None:
            ms = [d for d in self._dates(fa, fb)
                  if not _REPORTING_BEFORE.search(self.text, max(fa, d.span[0] - 25), d.span[0])]
            if ms:
                best = min(ms, key=lambda d: ("day", "week", "month", "year").index(d.precision))
                c.event_date, c.event_date_end, c.date_precision = best.start, best.end, best.precision
        if c.place_text is None:
            c.place_text, country = self._place(fa, fb)
            c.country = c.country or country
        c.belligerent = c.belligerent or self._belligerent(fa, fb)
        c.strike_type = c.strike_type or self._strike_type(fa, fb)

    def _add_part(self, claim: ClaimRecord, t: Toll, victim: str) -> None:
        if t.harm == "injured":
            if claim.injured_min is None:
                claim.injured_min, claim.injured_max = t.figure.count_min, t.figure.count_max
            return
        for part, n in (t.parts or {}).items():
            if getattr(claim, f"{part}_min") is None and getattr(claim, f"{part}_max") is None:
                setattr(claim, f"{part}_min", n)
                setattr(claim, f"{part}_max", n)
        if t.parts:
            return
        kind = t.sub or {"children": "children", "women": "women", "men": "men"}.get(victim)
        if kind in ("children", "women", "men") and getattr(claim, f"{kind}_min") is None and getattr(claim, f"{kind}_max") is None:
            setattr(claim, f"{kind}_min", t.figure.count_min)
            setattr(claim, f"{kind}_max", t.figure.count_max)

    def _toll_claim(self, t: Toll, victim: str, incident: bool, a: int, b: int,
                    mentions: list[DateMention]) -> ClaimRecord:
        text, f = self.text, t.figure
        who = self._speaker(a, b, t.start)
        if who is None and ":" in text[t.start - 3:t.start] and "\n" in text[max(0, a - 1):a + 1]:
            who = self._title_owner()
        c = ClaimRecord(type="incident" if incident else "tally", quote=text[a:b], span=(a, b), asserted_by=who,
                        victims=victim, counted=t.harm, rule="incident.toll" if incident else "tally.toll")
        if t.harm == "injured":
            c.injured_min, c.injured_max = f.count_min, f.count_max
            c.qualifier = f.qualifier
        else:
            c.count_min, c.count_max, c.qualifier = f.count_min, f.count_max, f.qualifier
            if f.qualifier == "up_to" and f.count_max is not None:
                # "as many as 52 people": the figure the report gives is 52 (an upper estimate, but
                # the number it asserts); reports and readers compare against it.
                c.count_min = f.count_max
        part = _PART_OF.get(victim)
        if part and t.harm != "injured":
            setattr(c, f"{part}_min", f.count_min)
            setattr(c, f"{part}_max", f.count_max)
        for part, n in (t.parts or {}).items():
            setattr(c, f"{part}_min", n)
            setattr(c, f"{part}_max", n)
        c.belligerent = self._belligerent(a, b)
        c.strike_type = self._strike_type(a, b)
        if incident:
            self._incident_details(c, a, b, mentions)
        else:
            self._tally_details(c, t, a, b, mentions)
        return c

    def _incident_details(self, c: ClaimRecord, a: int, b: int, mentions: list[DateMention]) -> None:
        text = self.text
        usable = [d for d in mentions if not _SINCE.search(text[max(a, d.span[0] - 30):d.span[0]])]
        if len(usable) > 1 and usable[0].span[0] == self.opening:
            # the date that opens the document is its dateline, when the sentence gives the day of
            # the event too ("24 November 2016 ... were killed Wednesday")
            usable = usable[1:]
        if usable:
            best = min(usable, key=lambda d: ("day", "week", "month", "year").index(d.precision))
            c.event_date, c.event_date_end, c.date_precision = best.start, best.end, best.precision
        c.place_text, c.country = self._place(a, b)
        m = self._search(EVENT, a, b)
        if m:
            first = m.group().split()[0].lower()
            if first in _SMALL_WORDS and first not in ("the", "that", "this"):
                c.strikes = _SMALL_WORDS[first]
            elif first.isdigit():
                c.strikes = int(first)

    def _tally_details(self, c: ClaimRecord, t: Toll, a: int, b: int, mentions: list[DateMention]) -> None:
        text = self.text
        self._period(c, a, b, mentions)
        who = c.asserted_by
        sentence = text[a:b]
        c.tally_kind = _tally_kind(who)
        m = _SCOPE.search(sentence)
        if m:
            c.scope = m.group("scope")
        window_end = min(b, t.end + 40)
        for m in (_INCIDENTS_COUNT.finditer(text, a, window_end) if _INCIDENT_NOUN.search(text, a, window_end) else ()):
            if m.start() < t.end and m.end() > t.start:
                continue
            fm = FIGURE_AT.match(m.group("f"))
            fig = parse_figure(fm) if fm else None
            if fig and fig.count_min is not None:
                c.incidents_count = fig.count_min
                if _STRIKES_NOUN.search(m.group()) and text[max(a, m.start() - 3):m.start()].lower() == "in " \
                        and self._search(PERIOD, a, b) and fig.count_min > 10 and "separate" not in m.group().lower():
                    # "400 civilians killed in 330 strikes since 2004": the strikes of the period are a
                    # strike count of the same speaker.
                    sc = ClaimRecord(type="strike_count", quote=sentence, span=(a, b), asserted_by=who,
                                     count_min=fig.count_min, count_max=fig.count_max, qualifier=fig.qualifier,
                                     counted="strikes", strikes=fig.count_min, rule="strike_count.in_tally",
                                     belligerent=c.belligerent, strike_type=c.strike_type)
                    self._period(sc, a, b, mentions)
                    self.pending.append(sc)

    def _period(self, c: ClaimRecord, a: int, b: int, mentions: list[DateMention] | None = None) -> None:
        text = self.text
        if mentions is None:
            mentions = self._dates(a, b)
        for d in mentions:
            before = text[max(a, d.span[0] - 40):d.span[0]]
            if _SINCE.search(before) and c.period_start is None:
                c.period_start = d.start
            elif c.period_start is not None and _UNTIL.search(before) and c.as_of is None:
                c.as_of = d.end if d.end <= (self.published or d.end) else d.start
        if c.as_of is None and _TO_DATE.search(text, a, b) and self.published:
            c.as_of = self.published

    # -- per document ---------------------------------------------------------------------
    def _finish(self) -> list[ClaimRecord]:
        claims = [c for c in self.claims if c.type != "assessment_stats" or any(
            v is not None for v in (c.assessment or {}).values())]
        claims = _drop_repeated_assessments(claims)
        claims = _drop_headlines(claims, self.headlines)
        claims = _drop_vague(claims)
        claims = _drop_mixed_people_totals(claims, self.text)
        claims = [c for c in claims if not _not_a_civilian_toll(c)]
        claims = _drop_parts_of_a_larger_toll(claims)
        claims = _drop_updated_tolls(claims)
        claims = _drop_restatements(claims)
        _name_the_monitor(claims, self.text)
        claims = _dedupe(claims)
        claims = _totals_of_listed_attacks(claims, self.text)
        unattributed = [c for c in claims if c.type in ("tally", "strike_count") and c.asserted_by is None]
        if unattributed:
            # an unattributed total is the outlet's own: the one the copy names, else its publisher
            own = outlet(self.text) or publisher_outlet(self.publisher)
            for c in unattributed:
                c.asserted_by = _monitor_just_before(self.text, c) or own
        for c in claims:
            if c.type == "assessment_stats":
                checks.assessment_parts(c)
                checks.open_balance(c)
            elif c.type in ("incident", "tally"):
                checks.victim_parts(c)
        kept = {id(c) for c in claims}
        for here, value, direction, pos in self.diffs:
            if here is None or id(here) not in kept:
                continue
            other = _previous_figure(claims, here)
            if other is not None:
                checks.difference(here, value, direction, other)
        for c in claims:
            assert self.text[c.span[0]:c.span[1]] == c.quote
        return claims


# A figure for one more place, its victims and harm those of the toll before it: ", 15 in a
# northern district of Manbij", "and another six in Al-Tukhar", "and 22 in neighbouring Idlib".
_PLACE_PART = re.compile(
    rf"(?:,|\s)\s*(?:and\s+|while\s+|with\s+)?(?:another\s+|a\s+further\s+|the\s+other\s+)?(?P<f>{FIGURE})\s+"
    r"(?:more\s+|others?\s+)?(?:in|at|near)\s+(?:the\s+)?"
    r"(?:(?!(?:morning|afternoon|evening|night|day|days|hours?|weeks?|months?|years?|past|last|first|next|same|"
    r"which|that|who|and|in|at|near|by|on|a\.m|p\.m)\b)[a-z-]+\s+){0,4}?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
# The toll itself is placed ("45 civilians in and around Aleppo"), so a figure for a further place
# is parallel to it.
_PLACED = re.compile(r"\s+(?:(?:were|have\s+been|had\s+been|was)\s+)?(?:killed\s+|dead\s+)?(?:in\s+and\s+around|in|at|near)\s+"
                     r"(?:the\s+)?(?:(?!(?:in|at|on|by|of|near|from|with|to|and|strikes?|air\s?strikes|raids?|attacks?|"
                     r"shelling|bombardment)\b)[a-z-]+\s+){0,3}?[A-Z]")
_OTHER_HARM = re.compile(r"\b(?:wound|injur|hurt|maim)", re.I)
_NOT_PLACES = frozenset(("January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                         "Saturday", "Sunday", "The", "A", "An"))
# The wounded given with a toll in one clause: "20 with 50 others injured", "20 dead and 50 wounded".
_WITH_OTHERS = re.compile(r"\s*(?:dead\s+|killed\s+|people\s+)?(?:,\s*)?(?:with|and)\s+", re.I)


# "put the toll at 84", "gave a higher toll of 31": a figure for the toll of an event already told
_THE_TOLL = Folded(r"\b(?:put|puts|putting|placed|places|gave|gives|giving|give|set|sets)\s+(?:the|a|its|their|his|"
                   r"her)\s+(?:(?:higher|lower|different|new|final|own|overall)\s+)?(?:death\s+)?toll\s+(?:at|of)\b",
                   needs=("toll",))
# "killed at least 156 civilians in the village of Karma": one place the size of one event
_IN_A_VILLAGE = Folded(r"\b(?:kill\w*|died|dead)\b[^.;]{0,60}?\b(?:in|at)\s+the\s+village\s+of\s+[a-z]",
                       needs=("village",))


def _drop_repeated_assessments(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """Assessment statistics are a belligerent's bookkeeping of reports against it; a monitor that
    "tracked 125 incidents with credible reports" gives no such statistic.  And a statement of
    figures the report's fuller statement by the same party also gives, with the same values (a
    headline's "nine more reports credible", a later "the two cases reopened"), repeats it."""
    stats = [c for c in claims if c.type == "assessment_stats"]
    if not stats:
        return claims
    drop = {id(c) for c in stats if c.asserted_by and attribution.is_monitor(c.asserted_by)
            and not attribution.is_official(c.asserted_by)}
    filled = {id(c): {k: v for k, v in (c.assessment or {}).items() if v is not None} for c in stats}
    for c in stats:
        own = filled[id(c)]
        if not own or id(c) in drop:
            continue
        for o in stats:
            if o is c or id(o) in drop:
                continue
            theirs = filled[id(o)]
            if len(theirs) > len(own) and all(theirs.get(k) == v for k, v in own.items()) and (
                    _same_ledger(c, o)):
                drop.add(id(c))
                break
    return [c for c in claims if id(c) not in drop] if drop else claims


def _is_headline(text: str, a: int, b: int) -> bool:
    """A title or caption: a whole line of its own, short, with no sentence-final punctuation."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    return line == text[a:b] and len(line) < 160 and not _FINAL_PUNCT.search(line)


_VAGUE_QUALIFIERS = ("dozens", "hundreds", "several")


def _drop_headlines(claims: list[ClaimRecord], headlines: set[int]) -> list[ClaimRecord]:
    """A headline figure that the body states too (exactly, or rounded within 10%; "up to 13,000"
    for a range "between 8,214 and 13,125") is the body's claim."""
    body = [c for c in claims if id(c) not in headlines and c.count_min is not None]
    out = []
    for c in claims:
        if id(c) in headlines and c.count_min is not None and any(
                b.type in ("tally", "incident") and b.counted == c.counted and any(
                    n is not None and abs(n - c.count_min) <= 0.1 * max(c.count_min, 1)
                    for n in (b.count_min, b.count_max)) for b in body):
            continue
        if id(c) in headlines and c.qualifier in _VAGUE_QUALIFIERS and c.count_min is not None and any(
                b.type == c.type and b.counted == c.counted and b.count_min >= c.count_min
                and b.count_min < c.count_min * 10 for b in body):
            continue        # "kills dozens" in a headline, "at least 40" in the body: the body's figure
        out.append(c)
    return out


_SEVERAL = VAGUE["several"][0]      # "several" (3); "a few" and "a number of" read as 2


def _drop_vague(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """"Several bodies", "several air raids": a count of three or so asserts no number a reader
    could check, and reports use it for unconfirmed early accounts and rhetoric.  "Dozens" and
    "hundreds" stay claims, as the issue asks (the hedge is kept as the qualifier, with the least
    the word means as count_min: dozens 24, hundreds 200), though the blind corpora's annotators
    recorded none of them: a monitor reads "dozens of civilians were killed" as an allegation to
    corroborate, not as nothing.  "a few" and "a number of" (at least 2) stay claims as well: on
    the Airwars texts they are how local outlets give small tolls."""
    return [c for c in claims if c.type not in ("incident", "tally", "strike_count")
            or not (c.qualifier == "several" and c.count_min == _SEVERAL)]


# Victim words that name civilians (or a kind of civilian): a figure of these is a civilian toll
# whatever else the sentence says about the fighting.
_CIVILIAN_VICTIMS = frozenset(("civilians", "non-combatants", "children", "women", "family", "family members"))
# The sentence says the figure counts fighters too, or does not say how many were civilians:
# "including fighters", "most of them combatants", "among them militants", "a figure that includes
# combatants", "does not distinguish between civilians and combatants", "without specifying how
# many were civilians".
_WITH_FIGHTERS = Folded(
    r"\b(?:(?:including|includes|included|among\s+them|most\s+of\s+them|many\s+of\s+them|mostly)\s+"
    r"(?:(?:(?!famil|relativ|wives|of\b)\w+\s+){0,4}?)(?:fighters|combatants|militants|soldiers|gunmen|insurgents|members\s+of\s+armed\s+groups)|"
    r"(?:not|n't)\s+(?:distinguish|differentiate)\s+between|(?:on|from)\s+both\s+sides|"
    r"without\s+(?:specifying|saying|stating|distinguishing)\s+(?:how\s+many|whether|between)|"
    r"without\s+(?:giving|providing|offering|publishing|releasing)\s+(?:a\s+|any\s+)?breakdown|"
    r"whose\s+status\s+(?:\w+\s+){0,2}?(?:(?:could|can)\s+not|couldn't|cannot|was\s+not|is\s+not|remains?|"
    r"remained|was|is)\s+(?:be\s+)?(?:determined?|unknown|unclear|established|confirmed|verified))\b",
    needs=("fighters", "combatants", "militants", "soldiers", "gunmen", "insurgents", "armed", "distinguish",
           "differentiate", "without", "status", "sides"))
# Deaths from deprivation rather than violence ("deaths from lack of medicines", "through hunger and
# disease", "died of cold" in a camp): counted by health workers, but not casualties of an attack.
_DEPRIVATION = Folded(r"\b(?:from|of|through|due\s+to)\s+(?:a\s+|the\s+)?(?:lack\s+of|shortages?\s+of|hunger|starvation|"
                      r"malnutrition|disease|indirect\s+causes|both\s+direct|cold|exposure|hypothermia|the\s+cold)\b",
                      needs=("lack", "shortage", "hunger", "starvation", "malnutrition", "disease", "indirect", "direct",
                             "cold", "exposure", "hypothermia"))


# The death toll of a whole war: "the conflict has killed more than 280000 people", "Syria's war,
# which has claimed 300,000 lives since 2011", "since the war began".  Of people, deaths or lives,
# it counts fighters too: background to the report, not a civilian toll (a war's civilian total,
# "200,000 civilians since 2011", stays).
_WHOLE_WAR = Folded(r"\b(?:war|conflict|civil\s+war|uprising|crisis|fighting)\s+(?:which\s+|that\s+|has\s+|have\s+|had\s+|so\s+far\s+)*"
                    r"(?:has\s+|have\s+|had\s+)?(?:killed|claimed|cost|left|taken)\b|"
                    r"\bkilled\s+(?:in|during|since|over)\s+(?:the|its|this|syria'?s|iraq'?s|yemen'?s)\s+(?:[\w-]+\s+){0,2}?(?:war|conflict|uprising|crisis)\b|"
                    r"\b(?:war|conflict|uprising)\s+(?:which|that)\s+(?:began|started|erupted|broke\s+out)\b|"
                    r"\byears\s+of\s+(?:war|conflict|turmoil|fighting|civil\s+war|violence|unrest)\b|"
                    r"\bsince\s+(?:the\s+|its\s+|(?:the\s+)?(?:syria|iraq|yemen|country|countrys)'?s?\s+)?(?:[\w-]+\s+)?"
                    r"(?:war|conflict|uprising|crisis|fighting|revolution)\s+(?:began|started|erupted|broke)|"
                    # "the war has since killed", "civil war now in its seventh year has killed", "the
                    # six-year conflict has caused more than 470000 deaths"
                    r"\b(?:war|conflict|uprising)\b[^.;]{0,60}?(?<!would\s)(?<!could\s)(?<!might\s)(?<!may\s)\b(?:has|have|had)\s+(?:since\s+|now\s+|so\s+far\s+|already\s+)?"
                    r"(?:killed|claimed|cost|left|caused|taken)\b|"
                    r"\bsince\s+(?:the\s+(?:beginning|start|outbreak)\s+of\s+)|"
                    r"\b(?:war|conflict)\s+(?:began|started|erupted|broke\s+out)\s+in\s+\d{4}\b|"
                    # "throughout the war-battered country", "the death toll from the six-year conflict",
                    # "died in government jails during the five-year conflict"
                    r"\b(?:throughout|across)\s+the\s+war-[\w]+\s+country\b|"
                    r"\b(?:toll|deaths)\s+(?:from|of|in)\s+the\s+(?:[\w-]+\s+)?(?:war|conflict|uprising)\b|"
                    r"\b(?:during|in)\s+the\s+(?:\w+-year|(?:\w+\s+)?years?-long)\s+(?:war|conflict|uprising)\b",
                    needs=("war", "conflict", "uprising", "crisis", "fighting", "since", "revolution", "turmoil",
                           "violence", "unrest"))
_ANYONE = frozenset((None, "people", "persons", "deaths", "lives", "unspecified", "others"))
# No strike, battle or month kills 100,000 people: a toll of people that large is a whole war's,
# fighters included, whether or not the sentence names the war ("More than 180000 people have been
# killed since March 2011 and nearly half the population have fled").
_WAR_SCALE = 100_000
# Bodies seen in footage or photographs ("a video showed a room filled with more than 90 bodies"):
# what a camera showed, not anyone's toll.
_FOOTAGE = Folded(r"\b(?:video|footage|photograph|photo|picture|image)s?\b[^.]{0,120}?\b(?:showed|shows|show|showing)\b"
                  r"[^.]{0,80}?\bbod(?:y|ies)\b", needs=("video", "footage", "photo", "picture", "image"))


def _not_a_civilian_toll(c: ClaimRecord) -> bool:
    """A toll that the scoring conventions of the field do not record as civilian casualties:
    - zero ("no civilians were harmed"), and tallies of the injured alone: no one was killed
      (an incident that only wounded civilians stays, with its injured figures);
    - a total of "people", "Palestinians" or "deaths" that the sentence says counts fighters too,
      or whose civilian share it leaves open (ministry war totals, fighting around a city);
    - deaths from deprivation (lack of medicines, hunger, disease) rather than from violence.
    Checked only on claims, i.e. on sentences that already carry a figure."""
    if c.type not in ("incident", "tally"):
        return False
    if c.count_min is None and c.count_max is None:
        # an incident that only wounded civilians is still civilian harm (its injured figures);
        # a tally with no death count is not a civilian death toll
        return c.type == "tally" and (c.injured_min is not None or c.injured_max is not None
                                      or c.counted == "injured")
    if c.count_max == 0:
        return True
    quote = c.quote
    if c.victims not in _CIVILIAN_VICTIMS and _WITH_FIGHTERS.search(quote):
        return True
    first = _first_sentence(quote)              # (a claim may take in a later sentence's breakdown)
    if c.victims in _ANYONE and (c.count_min or 0) >= 1000 and _WHOLE_WAR.search(first):
        return True
    if c.victims in _ANYONE and (c.count_min or 0) >= _WAR_SCALE:
        return True         # "More than 300000 people have been killed": only a war's dead, all sides, are that many
    if _FOOTAGE.search(first):
        return True
    return _DEPRIVATION.search(quote) is not None


# Where an attack on armed men happened: the "people" it killed there are not known to be
# civilians ("suicide bombers killed at least two people near the main police headquarters", "a
# double bombing at an army checkpoint", "a missile strike on a military airfield killed five
# people"), nor are they when the report restates that toll.  A toll of civilians there stays a
# civilian toll.
_ARMED_TARGET = Folded(
    r"\b(?:police\s+(?:station|headquarters|hq|post|building|academy|checkpoint)s?|"
    r"(?:army|military|security|regime)\s+(?:checkpoint|post|position|base|barracks|headquarters|hq|compound|"
    r"convoy|airfield|airport|air\s+base)s?|(?:air\s+base|airbase|airfield|barracks|garrison)s?|"
    r"(?:arms|ammunition|weapons?)\s+(?:depot|store|dump)s?)\b",
    needs=("police", "army", "military", "security", "regime", "base", "airfield", "barracks", "garrison",
           "depot", "store", "dump"))
_CLAUSE = re.compile(r"[,;]\s+")
_THE_ATTACK = Folded(r"\b(?:in|by|from|during)\s+the\s+(?:attacks?|blasts?|explosions?|bombings?|strikes?)\b",
                     needs=("attack", "blast", "explosion", "bombing", "strike"))


def _attacked_there(sentence: str) -> bool:
    """Whether a clause that names an armed target also tells the killing: "a
    chemical attack killed more than 80 people, prompting the United States to fire missiles at a
    Syrian air base" names the base in a clause about the reprisal, not about the dead."""
    return any(_ARMED_TARGET.search(part) and DEATH.search(part)
               for part in _CLAUSE.split(sentence))


# What a report says of the people it counted when their total is not a civilian toll: a part of
# them named as civilians, police or fighters ("30 people including 24 civilians", "15 people died
# including five policemen"), or the share of civilians left open ("It was not immediately clear
# how many of the rest were civilians", "10 of those killed were believed to be civilians").
_MIXED_PART = Folded(
    r"(?<!all\s)(?<!both\s)\b(?:including|included|includes|among\s+them|of\s+whom|of\s+them)\s+(?:at\s+least\s+|some\s+|about\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:civilians?|non-?combatants|policem[ae]n|police(?:\s+officers)?|security\s+(?:forces|personnel|men)|"
    r"fighters|soldiers|militants|rebels|combatants|troops|servicemen|jihadists|gunmen|members\s+of\s+(?:the\s+)?"
    r"(?:security|armed|army|regime|government|police))\b",
    needs=("includ", "among", "whom", "them"))
_PEOPLE_FIGURE = figure_folded(rf"(?P<f>{FIGURE})\s+(?:[a-z-]+\s+)?(?:people|persons|dead|were\s+killed|killed|died)\b")
_SHARE_OPEN = Folded(
    r"\b(?:not|n't)\s+(?:\w+\s+){0,3}?(?:clear|known|confirmed|possible|able|established|determined)\b[^.;]{0,60}?"
    r"\bhow\s+many\b|\bunclear\s+how\s+many\b", needs=("many",))
# ("10 of those killed were civilians" is a claim of its own: looked for after the total's sentence only)
_SHARE_GIVEN = Folded(
    r"(?<!all\s)\bof\s+(?:those|the\s+people|the\s+dead)\s+(?:killed\s+)?(?:were|was)\s+(?:\w+\s+){0,3}?"
    r"(?:civilians|fighters|rebels|soldiers|militants|combatants|volunteers)\b",
    needs=("those", "people", "dead"))
_SHARE_WINDOW = 400


# The same figure given elsewhere as fighters: "At least 70 killed in north of Aleppo" over "at
# least 70 regime and rebel fighters have been killed".
_FIGHTER_FIGURE = figure_folded(
    rf"(?P<f>{FIGURE})\s+(?:(?!(?:of|as|by|in|on|at|to|from|with|after|when|while|were|was|are|is|killed|dead|died|deaths)\b|famil|relativ|wives|child|women|and\s+(?:their|his))[a-z-]+\s+){{0,3}}?(?:fighters|soldiers|troops|militants|rebels|jihadists|gunmen|"
    r"combatants|insurgents|policemen|servicemen|members\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:armed|army|security|"
    r"police|militia|rebel|jihadist))\b",
    needs=("fighters", "soldiers", "troops", "militants", "rebels", "jihadists", "gunmen", "combatants", "insurgents",
           "policemen", "servicemen", "members"))


def _mixed_totals(text: str) -> set[int]:
    """The totals of people the report breaks down into civilians, police or fighters anywhere,
    and the figures it gives as fighters' (a headline's bare "70 killed" is then theirs)."""
    found = set()
    for m in _FIGHTER_FIGURE.finditer(text):
        fm = FIGURE_AT.match(text, m.start("f"))
        fig = parse_figure(fm) if fm else None
        if fig is not None and fig.count_min and fig.qualifier not in _VAGUE_QUALIFIERS:
            found.add(fig.count_min)
    for m in _MIXED_PART.finditer(text):
        start = max(text.rfind(".", 0, m.start()) + 1, m.start() - 100)
        figures = list(_PEOPLE_FIGURE.finditer(text, start, m.start()))
        fm = FIGURE_AT.match(text, figures[-1].start("f")) if figures else None
        fig = parse_figure(fm) if fm else None
        if fig is not None and fig.count_min:
            found.add(fig.count_min)
    return found


def _drop_mixed_people_totals(claims: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """A toll of "people" is no civilian toll when the report says, in another sentence, who was
    among them (the same total "including 24 civilians", "including five policemen") or that the
    civilian share is open ("10 of those killed were believed to be civilians", "it was not clear
    how many were civilians").  The same sentence is `_not_a_civilian_toll`'s; a headline or lead
    restating the total is caught here.  So are "people" killed at an armed target, with a later
    sentence that restates their toll of "the attack"."""
    anyone = [c for c in claims if c.type in ("incident", "tally") and c.victims in _ANYONE
              and (c.count_min is not None or c.count_max is not None)]
    at_target = {id(c) for c in anyone if _attacked_there(_first_sentence(c.quote))}
    people = [c for c in anyone if c.count_min and c.qualifier not in _VAGUE_QUALIFIERS]
    if not people:
        return [c for c in claims if id(c) not in at_target] if at_target else claims
    mixed = _mixed_totals(text)
    for c in people:
        # (the claim's sentence and the next one: a later sentence may be about another attack)
        end = min(len(text), c.span[1] + _SHARE_WINDOW)
        nxt = _SENTENCE_END.search(text, c.span[1] + 1, end)
        end = nxt.end() if nxt else end
        if c.count_min in mixed or _SHARE_OPEN.search(text, c.span[0], end) or _SHARE_GIVEN.search(
                text, c.span[1], end):
            mixed.add(c.count_min)      # (and the headline restating it)
    armed = {c.count_min for c in people if id(c) in at_target}
    drop = at_target | {id(c) for c in people if c.count_min in mixed or (
        c.count_min in armed and _THE_ATTACK.search(_first_sentence(c.quote)))}
    return [c for c in claims if id(c) not in drop] if drop else claims


_KIN = frozenset(("relatives", "family members", "sons", "daughters", "brothers", "sisters", "siblings"))
# "Three women were also among the dead", "Among those killed was a 52-year-old man", "the dead
# included ... five paramedics": a part of the dead told in a sentence of its own.
_AMONG_THE_DEAD = Folded(r"\bamong\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?:dead|killed|victims|bodies)\b|"
                         r"\b(?:the\s+dead|the\s+victims|those\s+killed)\s+(?:also\s+)?(?:included|include)\b",
                         needs=("among", "includ"))
# A relative's own loss: "said he had lost nine relatives", "members of his extended family".
_OWN_LOSS = Folded(r"\b(?:lost|losing|buried|mourning)\b|\b(?:his|her|their|my|our)\s+(?:own\s+)?(?:extended\s+)?famil",
                   needs=("lost", "losing", "buried", "mourning", "famil"))


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])")


def _first_sentence(quote: str) -> str:
    """The claim's own sentence: a claim may take in a later sentence's breakdown ("... 5,024
    people killed. Among the dead were 335 children")."""
    end = _SENTENCE_END.search(quote)
    return quote if end is None else quote[:end.start() + 1]


def _says_among_the_dead(quote: str) -> bool:
    """Whether the claim's own (first) sentence says its figure is among the dead: a claim that
    took in the next sentence's breakdown is the total, not the part."""
    return _AMONG_THE_DEAD.search(_first_sentence(quote)) is not None


def _drop_parts_of_a_larger_toll(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """A count that the report gives as a part of a larger toll it states elsewhere is a detail of
    that toll, not a claim: "Four women were also among the dead" or "the dead included five
    paramedics" told a few sentences after the strike's toll, or a father who "lost four sons" in a
    strike that killed twenty.  Kept when the document states no larger toll (then it is the toll),
    and for civilians among a larger total (the civilian part of a total that counts fighters)."""
    largest = max((c.count_min for c in claims if c.type in ("incident", "tally") and c.count_min is not None),
                  default=None)
    if largest is None:
        return claims
    out = []
    for c in claims:
        if (c.type in ("incident", "tally") and c.count_min is not None and c.count_min < largest
                and ((c.victims not in ("civilians", "non-combatants") and _says_among_the_dead(c.quote)) or (
                    c.victims in _KIN and _OWN_LOSS.search(c.quote)))):
            continue
        out.append(c)
    return out


# A toll given as a revision of an earlier one: "the governor has updated the toll: 12 ...", "the
# ministry has raised the toll ... to 19", "the number killed has risen to 30", "now says five", "the
# final count was 45".
_UPDATE = Folded(r"\b(?:(?:updated|raised|revised)\s+(?:the|its|his|her|their)\s+(?:death\s+)?(?:toll|count|figure)|"
                 r"(?:toll|number|count)\b[^.;]{0,60}?\b(?:has|had)\s+(?:risen|climbed|increased)|"
                 r"toll\s+(?:rose|rises|climbed)|now\s+(?:says?|confirmed|stands)|are\s+now\s+confirmed|"
                 r"final\s+(?:death\s+)?(?:toll|count|figure))\b",
                 needs=("updated", "raised", "revised", "risen", "climbed", "increased", "rose", "rises", "now", "final"))


# A figure the speaker gave before the time of the report: "had said on Monday that 24 bodies ...",
# "he had put the number of dead at 30".
_HAD_SAID = Folded(r"\bhad\s+(?:\w+\s+)?(?:said|put|reported|given|announced|estimated|told)\b",
                   needs=("said", "put", "reported", "given", "announced", "estimated", "told"))


# "An initial toll released in the morning had put the number of dead at 58", "the first count had
# given 12": a figure the report itself calls superseded.
_INITIAL_TOLL = re.compile(r"\b(?:initial|earlier|preliminary|first|previous)\s+(?:death\s+)?(?:toll|count|tally|figure)\b",
                           re.I)


def _compatible(pu: str | None, pc: str | None) -> bool:
    """Same party, or one left unnamed, or one name holding the other ("doctor", "doctor at the
    town's main hospital")."""
    return pu is None or pc is None or pu in pc or pc in pu


def _drop_updated_tolls(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """Live blogs and running stories raise a toll as bodies are found; the report's claim is the
    latest figure.  A smaller incident or tally told before an updated incident toll, by the same
    party or by a party left unnamed on either side, is the figure the update replaced; so is a
    smaller incident toll a named party "had said" earlier, wherever the report mentions it, when
    the same party gives a larger one."""
    incidents = [c for c in claims if c.type == "incident" and c.count_min is not None]
    updates = [c for c in incidents if _UPDATE.search(c.quote)]
    earlier = [c for c in incidents if _HAD_SAID.search(c.quote)]
    if not updates and not earlier:
        return claims
    drop = set()
    for u in updates:
        pu = _party(u.asserted_by)
        for c in claims:
            if c is u or c.type not in ("incident", "tally") or c.count_min is None or c.span[0] >= u.span[0] \
                    or c.count_min >= u.count_min:
                continue
            if _compatible(pu, _party(c.asserted_by)):
                drop.add(id(c))
    for c in earlier:
        if _INITIAL_TOLL.search(c.quote) and any(u is not c and u.count_min > c.count_min and _compatible(
                _party(u.asserted_by), _party(c.asserted_by)) for u in incidents):
            drop.add(id(c))     # "an initial toll had put the number of dead at 58" (then 74)
            continue
        # (only a party named on both sides: another source's earlier toll, "the ministry had given
        # a toll of 44", is a claim of its own)
        pc = _party(c.asserted_by)
        if pc is not None and any(
                u is not c and u.count_min > c.count_min and not _HAD_SAID.search(u.quote)
                and _party(u.asserted_by) is not None and _compatible(_party(u.asserted_by), pc) for u in incidents):
            drop.add(id(c))
    return [c for c in claims if id(c) not in drop]


def _party(who: str | None) -> str | None:
    if who is None:
        return None
    return "official" if attribution.is_official(who) else _NON_ALPHA.sub("", who.lower())


def _same_ledger(x: ClaimRecord, y: ClaimRecord) -> bool:
    px, py = _party(x.asserted_by), _party(y.asserted_by)
    return px is None or py is None or px == py or ((px == "official") == (py == "official"))


# "casualties" are what reports call the killed and injured together.
_HARM_KIND = {"casualties": "killed or injured"}


def _drop_restatements(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """A round, hedged figure that a more exact figure of the same ledger satisfies is a headline's
    rounding of it ("Over 350 civilians killed" ... "352 civilians"), not a second claim."""
    drop = set()
    for x in claims:
        if x.type not in ("tally", "incident") or x.count_min is None or x.qualifier not in (
                "more_than", "at_least", "about", "exact") or x.count_min % 10:
            continue
        for y in claims:
            if y is x or y.type != x.type or y.count_min is None or y.count_min == x.count_min:
                continue
            if not _same_ledger(x, y) or _HARM_KIND.get(x.counted, x.counted) != _HARM_KIND.get(y.counted, y.counted):
                continue
            if x.span[0] < y.span[1] and y.span[0] < x.span[1]:
                continue    # two figures of one sentence are two tolls ("at least 20 in June, 21 in July")
            lo = x.count_min
            fits = (lo < y.count_min <= lo * 1.1) if x.qualifier in ("more_than", "at_least") else \
                (abs(y.count_min - lo) <= lo * 0.05 and x.qualifier == "about")
            if fits and (x.asserted_by is None or y.asserted_by is not None):
                drop.add(id(x))
                break
    return [c for c in claims if id(c) not in drop]


# The first characters of a document: its headline and lead, which restate the body's toll with
# the place named loosely.  Scraped copy often runs the headline into the body with no line break.
_LEAD = 250


# "a war monitor said", "the Britain-based monitoring group said": wire copy names the monitor a
# sentence later or earlier ("The Syrian Observatory for Human Rights said ...").
_GENERIC_MONITOR = re.compile(r"(?:(?:[A-Z][\w.]*-based|war|independent)\s+)*(?:war\s+)?(?:monitor|monitoring\s+group)",
                              re.I)


def _is_counting_monitor(name: str) -> bool:
    """A monitor in the field's sense; rescuers such as the White Helmets count the dead they
    recover, they are not "a monitor"."""
    return attribution.is_monitor(name) and "White Helmets" not in name


def _name_the_monitor(claims: list[ClaimRecord], text: str) -> None:
    """A claim a monitor described without its name asserts is the monitor the text names last
    before the claim's end, or else first after it (within 600 characters)."""
    generic = [c for c in claims if c.asserted_by and c.type in ("incident", "tally")
               and "onitor" in c.asserted_by and _GENERIC_MONITOR.fullmatch(c.asserted_by)]
    if not generic:
        return
    named = [(p, name) for p, name in parties.iter_mentions(text) if _is_counting_monitor(name)]
    for c in generic:
        end = c.span[1]
        before = [name for p, name in named if p < end]
        after = [name for p, name in named if end <= p < end + 600]
        if before or after:
            c.asserted_by = before[-1] if before else after[0]


def _dedupe(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """The same figure from the same party said twice (headline and body) is one claim; the
    better-attributed, better-hedged statement of it is kept."""
    out: list[ClaimRecord] = []
    for c in claims:
        if c.type not in ("tally", "incident", "strike_count") or (c.count_min is None and c.count_max is None):
            out.append(c)
            continue
        twin = None
        for o in out:
            if o.type != c.type or o.count_min != c.count_min:
                continue
            if o.count_max != c.count_max and not {o.qualifier, c.qualifier} <= {"exact", "at_least", "more_than"}:
                continue
            pa, pb = _party(o.asserted_by), _party(c.asserted_by)
            if pa is not None and pb is not None and pa != pb:
                continue
            if c.type == "incident" and _other_event(o, c):
                continue
            twin = o
            break
        if twin is None:
            out.append(c)
            continue
        if _score(c) > _score(twin):
            out[out.index(twin)] = c
    return out


def _other_event(x: ClaimRecord, y: ClaimRecord) -> bool:
    """Whether two incident claims with the same toll are told as different events: another place
    (a headline names the place loosely, "near the capital" for Douma, so not against the lead) or
    another day ("February 2019" holds "23 February 2019").  The sentence right after a toll that
    restates it ("... killing two people including a child, the reporter quoted a source as
    saying") names the neighbourhood or the town differently and may date it by the dateline, a
    day off, but it is the same event."""
    next_to = 0 <= max(y.span[0] - x.span[1], x.span[0] - y.span[1]) <= 3
    if x.event_date and y.event_date:
        slack = 1 if next_to else 0
        if (x.event_date - (y.event_date_end or y.event_date)).days > slack or \
                (y.event_date - (x.event_date_end or x.event_date)).days > slack:
            return True
    return not next_to and x.span[0] >= _LEAD and bool(x.place_text and y.place_text) and x.place_text != y.place_text


_MAX_PARTS = 4
# The total's own sentence speaks of more than one attack: "in terrorist rocket attacks on Aleppo
# and Deir Ezzor", "air raids", "across the province", "in Damascus Aleppo and Idleb".
_SEVERAL_ATTACKS = Folded(r"\b(?:attacks|strikes|airstrikes|raids|bombings|blasts|explosions|barrages|bombardments|"
                          r"incidents|across|separate|several|various)\b",
                          needs=("attacks", "strikes", "raids", "bombings", "blasts", "explosions", "barrages",
                                 "bombardments", "incidents", "across", "separate", "several", "various"))
# A second source's figure for an event already told: "state television also reported the blast".
_ANOTHER_SOURCES_TOLL = Folded(r"\balso\s+(?:reported|said|gave|put)\b|\bgave\s+a\s+toll\b|"
                               r"\bput\s+the\s+(?:death\s+)?toll\b", needs=("also", "toll"))
# One attack named in the singular: "a strike on a house", "an explosion", "a car bomb".
_ONE_ATTACK = Folded(r"\b(?:a|an|one|single)\s+(?:[\w-]+\s+){0,2}?(?:strike|airstrike|raid|blast|explosion|bombing|"
                     r"bomb|shell|attack|massacre)\b",
                     needs=("strike", "raid", "blast", "explosion", "bomb", "shell", "attack", "massacre"))
# A numbered item at the start of a line: "1. On 1 November, ...".
_LIST_ITEM = re.compile(r"[ \t]*\d{1,3}[.)]\s")
_TWO_PLACES = Quick(r"\b(?:in|on|at)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+and\s+[A-Z]")


_OWN_SOURCE = Folded(r"\b(?:released|published|said|says|reported|reports|estimated|estimates|put|puts|counted|"
                     r"documented|recorded|acknowledged|admitted|announced|told|according)\b")


def _monitor_just_before(text: str, c: ClaimRecord) -> str | None:
    """The monitor the sentence before names as its source, which wire copy goes on quoting
    without naming again: "According to the Syrian Observatory heavy bombardment has battered the
    province in recent days.  Since Thursday bombing has killed 44 civilians".  A claim whose own
    sentence names an organisation is that organisation's business (its speaker rules left it
    unattributed), unless that organisation is a monitor."""
    start = c.span[0]
    first = _first_sentence(c.quote)
    own = [name for _, name in parties.iter_mentions(text, start, start + len(first))]
    if own:
        return own[-1] if _is_counting_monitor(own[-1]) else None
    if _OWN_SOURCE.search(first):
        return None     # "The government, for its part, released a figure": a source the rules did not name
    a = max(0, start - 350)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, a, max(a, start - 1))]
    named = [name for _, name in parties.iter_mentions(text, ends[-1] if ends else a, start)
             if _is_counting_monitor(name)]
    return named[-1] if named else None


def _tally_kind(who: str | None) -> str:
    """An official body's count is an acknowledgement, a monitor's an independent estimate."""
    if attribution.is_official(who):
        return "official_acknowledged"
    return "independent_estimate" if attribution.is_monitor(who) else "other"


def _adds_up(total: int, later: list[int]) -> bool:
    """Whether two or three of the next six tolls, or a run of up to four consecutive ones, add up to
    `total`: a report lists an attack's parts right after its total, and a wider search would find
    chance sums among a long report's small tolls."""
    near = later[:6]
    if any(sum(parts) == total for k in (2, 3) for parts in itertools.combinations(near, k)):
        return True
    return any(sum(later[i:i + _MAX_PARTS]) == total for i in range(min(len(later), 8)))


def _totals_of_listed_attacks(claims: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """A toll that the tolls told after it add up to exactly ("10 civilians killed in rocket attacks
    on Aleppo and Deir Ezzor" ... "6 civilians" in Aleppo ... "four civilians" in Deir Ezzor) is
    the report's total over the attacks it then lists: a tally beside those incidents, not an
    incident of its own.  A monitor counting incidents would otherwise count every death twice.
    Only an exact sum of two to four later tolls of the same harm counts; a headline that merely
    rounds or restates one toll is `_dedupe`'s business."""
    incidents = [c for c in claims if c.type == "incident" and c.count_min is not None
                 and c.qualifier not in _VAGUE_QUALIFIERS]
    if len(incidents) < 3:
        return claims
    if _lead_of_its_parts(incidents[0], incidents[1:], text):
        _make_total(incidents[0])
        incidents = incidents[1:]       # nothing before the lead can count it among its parts
    for total in incidents:
        later = [c.count_min for c in incidents if c.span[0] >= total.span[1] and c.counted == total.counted
                 and c.count_min < total.count_min]
        first = _first_sentence(total.quote)
        if len(later) < 2 or not (_SEVERAL_ATTACKS.search(first) or _TWO_PLACES.search(first)) or not _adds_up(
                total.count_min, later):
            continue
        _make_total(total)
    return claims


def _lead_of_its_parts(total: ClaimRecord, rest: list[ClaimRecord], text: str) -> bool:
    """Whether the report's first toll is the total of the two to five tolls told right after it,
    which add up to it exactly: wire copy leads with the day's toll ("Seven people were killed on
    Monday in rocket attacks") and then gives each attack, often without saying "attacks" in the
    lead.  Not when the lead names one attack ("a strike on a house": later tolls that happen to
    add up are other events), when it is one item of a numbered list of allegations, or when a
    later toll is another source's figure for an event already told ("state television also
    reported the blast")."""
    first = _first_sentence(total.quote)
    if _LIST_ITEM.match(text, text.rfind("\n", 0, total.span[0]) + 1) or (
            _ONE_ATTACK.search(first) and not _SEVERAL_ATTACKS.search(first)):
        return False
    run, parts, last = 0, 0, None
    for c in rest[:5]:
        if c.span == last:
            continue            # another figure of the same statement ("five people including four children")
        if c.counted != total.counted or _ANOTHER_SOURCES_TOLL.search(_first_sentence(c.quote)):
            return False
        run, parts, last = run + c.count_min, parts + 1, c.span
        if run >= total.count_min:
            return run == total.count_min and parts >= 2
    return False


def _make_total(c: ClaimRecord) -> None:
    """Turn an incident toll into the total of the attacks the report lists: a tally over the
    event's day, scoped to its place."""
    c.type, c.rule = "tally", "tally.sum_of_listed"
    c.tally_kind = _tally_kind(c.asserted_by)
    if c.event_date is not None and c.date_precision == "day":
        c.period_start, c.as_of = c.event_date, c.event_date_end or c.event_date
    c.scope = c.scope or c.place_text


def _score(c: ClaimRecord) -> tuple:
    return (c.asserted_by is not None, c.qualifier not in (None, "exact"), c.period_start is not None,
            -c.span[0])


def _previous_figure(claims: list[ClaimRecord], here: ClaimRecord) -> ClaimRecord | None:
    """The figure a stated difference compares against: the nearest earlier toll."""
    before = [c for c in claims if c.type in ("tally", "incident") and c.span[1] <= here.span[0]
              and c.count_min is not None and c is not here]
    return before[-1] if before else None
