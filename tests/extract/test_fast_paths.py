"""The speed-ups are shortcuts, never new behaviour: each must agree with the pattern it spares.

Every shortcut in the extractor (a cached number hint, a cheap necessary condition checked before
an expensive pattern, per-document memories) is compared here with the plain pattern on the
texts where a shortcut could plausibly go wrong: offsets inside words, non-ASCII letters that
case-insensitive matching folds (Kelvin sign, long s, dotless i), several documents in a row.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from civcas.extract import casualties, context, extract, numbers
from civcas.extract.sentences import split

TEXTS = [
    "Seventeen civilians were killed and twenty-one wounded.",
    "Fourteen people died; fifty more were hurt in the blast.",
    "The attack killed nobody, officials said.",
    "Xfourteen is no number, nor is teen or ty alone.",
    "Scores of families fled; a few returned; several stayed.",
    "ONE HUNDRED civilians were killed.",
    "Les victimes: 12 civils tués à Raqqa.",
    "\u212aILLED: 3 (Kelvin sign), \u017fhelling (long s), \u0131njured (dotless i).",
    "",
    "   ",
    "At least 23 more people died compared to the previous month's 603.",
    "Rescuers said 1 in 5 strikes hit homes; more than thirty were killed.",
]


def _spans(text):
    out = [(0, len(text))]
    for s in split(text):
        out.append((s.start, s.end))
    for a in range(0, len(text), 3):
        for b in range(a, len(text) + 1, 7):
            out.append((a, b))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_number_hint_agrees_with_the_pattern(text):
    for a, b in _spans(text):
        assert numbers.number_hint(text, a, b) == (numbers.NUMBER_HINT.search(text, a, b) is not None), (a, b)
        assert numbers.number_hint_slice(text, a, b) == (numbers.NUMBER_HINT.search(text[a:b]) is not None), (a, b)


def test_number_hint_cache_follows_the_text_not_the_offsets():
    one, other = "Five civilians were killed.", "Many civilians were killed."
    assert numbers.number_hint(one, 0, len(one))
    assert not numbers.number_hint(other, 0, len(other))
    assert numbers.number_hint(one, 0, len(one))


_STRIKE_TYPE_TEXTS = TEXTS + [
    "A US drone hit the car.", "Cruise missiles struck the base.", "Regime shelling continued.",
    "Warplanes bombed the market.", "Gunmen stormed the village.", "Air-drops of aid resumed.",
    "A Russian \u212aa-52 helicopter fired rockets.", "\u017fhelling and \u017forties", "UAVs circled overhead.",
    "Nothing happened here.",
]


@pytest.mark.parametrize("text", _STRIKE_TYPE_TEXTS)
def test_strike_type_agrees_with_the_patterns(text):
    expected = next((kind for kind, rx in context.STRIKE_TYPES if rx.search(text)), None)
    assert context.strike_type(text, 0, len(text)) == expected


@pytest.mark.parametrize("text", TEXTS + ["He was thankful; 3 fewer people THAN before were killed.",
                                          "\u0131 3 more people died than last week."])
def test_than_shortcut_never_hides_a_match(text):
    casualties._last_than = (None, -1)
    for pos in range(len(text) + 1):
        if casualties._THAN.search(text, pos):
            assert casualties._than_from(text, pos), pos


def test_bare_subject_and_difference_prefilters_are_necessary():
    texts = ["Another 40 were wounded.", "Five had been killed, 12 have been also being treated for their wounds.",
             "Eleven people were hurt.", "23 more people dead compared to last month's 603.",
             "7 fewer deaths than in May."]
    for t in texts:
        if casualties._BARE_SUBJECT.search(t):
            assert casualties._BARE_SUBJECT_VERB.search(t), t
        if casualties._DIFFERENCE.search(t):
            assert casualties._THAN.search(t), t


@pytest.mark.parametrize("text", ["", " ", "\n\n", "One.", "  A b.  C d!\n\n E f?  ", "U.S. forces left. Then\u2003"
                                  "they came back.\u3000 Done\u00a0", "No. 5 was hit. Mr. Smith said so.\nNew line"])
def test_split_trims_exactly_what_isspace_trims(text):
    for s in split(text):
        piece = text[s.start:s.end]
        assert piece and piece == piece.strip()
        assert not text[s.start - 1:s.start].strip() or s.start == 0


def test_memories_do_not_leak_between_documents():
    pub = dt.date(2017, 8, 1)
    a = "An airstrike on a market in Raqqa on Monday killed 12 civilians, residents said."
    b = "An airstrike on a market in Mosul on Friday killed 12 civilians, residents said."
    first = [c.to_dict() for c in extract(a, pub)]
    second = [c.to_dict() for c in extract(b, pub)]
    assert first != second
    assert [c.to_dict() for c in extract(a, pub)] == first
    assert [c.to_dict() for c in extract(b, pub)] == second
    # Same text in a new string object: same claims.
    assert [c.to_dict() for c in extract("".join(list(a)), pub)] == first


def test_prefilters_are_compiled_with_the_flags_of_their_patterns():
    # A prefilter must be at least as permissive as the part of the pattern it stands for.
    assert casualties._BARE_SUBJECT_VERB.flags & re.I and casualties._BARE_SUBJECT.flags & re.I
    assert casualties._THAN.flags & re.I and casualties._DIFFERENCE.flags & re.I
