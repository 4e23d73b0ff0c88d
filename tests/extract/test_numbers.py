"""Figures as reports write them."""
from __future__ import annotations

import datetime as dt

import pytest

from civcas.extract.numbers import figures_in, to_int, word_to_int


@pytest.mark.parametrize("words, value", [
    ("seven", 7), ("twenty-three", 23), ("one hundred and five", 105), ("six hundred", 600),
    ("two thousand", 2000), ("forty two", 42),
])
def test_number_words(words, value):
    assert word_to_int(words) == value


@pytest.mark.parametrize("token, value", [("1,059", 1059), ("29,826", 29826), ("12", 12), ("1.5 million", 1500000),
                                          ("a dozen", 12)])
def test_digits(token, value):
    assert to_int(token) == value


@pytest.mark.parametrize("text, lo, hi, q", [
    ("at least 40", 40, None, "at_least"),
    ("more than 5,800", 5800, None, "more_than"),
    ("over 8,000", 8000, None, "more_than"),
    ("up to 15", None, 15, "up_to"),
    ("about 30", 30, 30, "about"),
    ("nearly 70", 70, 70, "about"),
    ("fewer than 10", None, 10, "fewer_than"),
    ("between 120 and 180", 120, 180, "between"),
    ("12-15", 12, 15, "between"),
    ("dozens", 24, None, "dozens"),
    ("hundreds", 200, None, "hundreds"),
    ("several", 3, None, "several"),
    ("a family of five", 5, 5, "exact"),
    ("nine", 9, 9, "exact"),
    ("73 or more", 73, None, "at_least"),
    ("a quarter of a million", 250000, 250000, "exact"),
    ("closer to 600", 600, 600, "about"),
])
def test_hedges_and_ranges(text, lo, hi, q):
    f = figures_in(text)[0]
    assert (f.count_min, f.count_max, f.qualifier) == (lo, hi, q)
    assert (f.start, f.end) == (0, len(text))


# Python's re.IGNORECASE takes LONG S for "s", the KELVIN SIGN for "k" and both Turkish i's for "i",
# so a word the patterns match may hold them; every table lookup must fold them first.
@pytest.mark.parametrize("text, expected", [
    ("\u017feveral civilians were killed in Raqqa.", None),
    ("Dozen\u017f of civilians were killed in Mosul.", None),
    ("Seven civilians were killed in Hajin on \u017funday, residents said.", (7, 7)),
    ("Airstrikes on We\u0064ne\u017fday \u212ailled four civılıans in Idlib.", None),
])
def test_letters_that_match_ascii_case_insensitively(text, expected):
    from civcas.extract import extract
    claims = extract(text, dt.date(2017, 8, 14))
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.quote
    if expected is not None:
        assert [(c.count_min, c.count_max) for c in claims][:1] == [expected]


def test_figure_words_with_letters_that_match_ascii():
    assert figures_in("\u017feveral and dozen\u017f") == figures_in("several and dozens")
