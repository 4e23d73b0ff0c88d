"""Wordings of real wire copy as scraped (learned from tests/extract/fakes_dev/, real articles):
headlines run into the body, commas stripped, war-wide background totals, footage."""
from __future__ import annotations

from civcas.extract import extract


def _tolls(text):
    return [(c.type, c.count_min, c.injured_min) for c in extract(text)
            if c.type in ("incident", "tally") and (c.count_min is not None or c.injured_min is not None)]


def test_a_whole_war_toll_of_people_is_background():
    assert _tolls("Barrel bombs killed 14 civilians in Darayya on Monday. The conflict has killed more than "
                  "150000 people since it started.") == [("incident", 14, None)]
    assert _tolls("More than 90000 people have been killed in the war so far according to the monitor.") == []


def test_a_whole_war_toll_of_civilians_stays():
    claims = _tolls("The rights network says 61000 civilians have been killed since the war began.")
    assert [c[1] for c in claims] == [61000]


def test_a_figure_followed_by_its_own_injury_word_counts_the_injured():
    claims = _tolls("Five people killed 31 others injured in shelling on Homs city.")
    assert [c[1] for c in claims] == [5]
    assert claims[0][2] == 31


def test_a_total_that_includes_fighters_named_after_civilians_is_not_a_civilian_toll():
    assert _tolls("Raids near the village killed at least 19 people including civilians and opposition "
                  "fighters the monitor said.") == []


def test_families_of_fighters_are_not_fighters():
    claims = _tolls("The strike killed 23 people on Friday, the monitor said, most of them families of foreign fighters.")
    assert [c[1] for c in claims] == [23]


def test_bodies_seen_in_footage_are_not_a_toll():
    assert _tolls("A video shared by activists showed a hall lined with more than 40 bodies wrapped in sheets.") == []


def test_a_headline_run_into_the_body_is_the_body_toll():
    text = ("Air raids kill 27 near the capital monitor says AFP Monday 3 Mar 2014 Government air raids on "
            "the rebel-held town of Zabadani killed 27 people on Monday a monitoring group said.")
    assert [c[1] for c in _tolls(text)] == [27]


def test_a_war_toll_worded_with_its_start_or_its_years_is_background():
    for text in ("At least 190000 people have been killed in Libyas long conflict which began in 2011.",
                 "The civil war which began with street protests has killed more than 210000 people.",
                 "Some sources say over 120000 people have been killed in over four years of turmoil."):
        assert _tolls(text) == [], text


def test_a_duration_before_the_harm_word_is_not_a_toll():
    assert _tolls("Rocket fire in the city in the past 72 hours killed 9 people and injured 30.") == [("incident", 9, 30)]


def test_a_part_among_the_numbered_dead_is_a_detail_of_that_toll():
    claims = _tolls("Shelling killed 31 people in the market town on Friday. A medic said that among the 31 "
                    "killed was a family of seven including four children.")
    assert [c[1] for c in claims] == [31]


def test_terrorist_before_an_attack_noun_names_the_attackers_not_the_dead():
    assert _tolls("A terrorist car bomb attack killed at least 31 and injured 90 others on Monday in the city.") \
        == [("incident", 31, 90)]
    assert _tolls("The army said its strikes killed at least 31 in the hills, most of them terrorists.") == []


def test_a_figure_that_died_is_a_toll_but_not_inside_a_breakdown():
    assert [c[1] for c in _tolls("Shells hit the school on Monday. At least six died including two children.")] == [6]
    assert [c[1] for c in _tolls("Of the 40 dead, 35 were in the shelter and five died in the street, the report said.")
            if c[1] == 5] == []
