"""Wordings learned from the development half of the English Airwars source texts
(`bench/extract_real.py --split dev`).  Every sentence here is our own, with invented names,
places and numbers; none is copied from those texts."""
from __future__ import annotations

import datetime as dt

from civcas.extract import extract

PUB = dt.date(2023, 5, 14)


def tolls(text):
    return [c for c in extract(text, PUB) if c.type in ("incident", "tally")]


def killed(text):
    return [(c.count_min, c.victims) for c in tolls(text) if c.counted == "killed"]


# -- one person, told further from the harm word -------------------------------------------------

def test_one_person_with_a_long_description_before_the_verb():
    text = ("A shepherd's widow from the hamlet of Qasr Nour in the eastern plain, Mona Daher, was killed as "
            "rockets fell on the market.")
    assert killed(text) == []   # the shepherd is not the one killed (and "widow" is no person noun here)
    text = ("A displaced woman from the hamlet of Qasr Nour in the eastern plain, Mona Daher, was killed as "
            "rockets fell on the market.")
    assert killed(text) == [(1, "woman")]


def test_one_person_after_a_dateline():
    text = "Tarsa, Wire- A civilian worker at the grain silo was martyred and another was hurt in a raid on Sunday."
    assert killed(text) == [(1, "worker")]


def test_long_subject_stops_at_a_clause():
    # the person is not the one killed: a relative clause or a second subject comes first
    assert killed("A farmer from the valley, whose cousin had been killed in May, said the drone came at dawn.") == []
    assert killed("A nurse from the clinic and her driver were detained near the checkpoint.") == []


def test_an_individual_and_a_worker_are_one_person():
    assert killed("An individual was killed when a drone struck a van on the coast road on Tuesday.") == [
        (1, "individual")]
    assert killed("The shelling led to the martyrdom of a civilian worker at the bakery.") == [(1, "worker")]
    # "individual" as an adjective names no person
    assert killed("An individual airstrike killed nobody, the ministry said.") == []


def test_a_person_targeted_and_killed():
    text = "A drone fired two missiles at an unidentified man riding a scooter outside Tarsa, killing him at once."
    assert killed(text) == [(1, "man")]
    # "killing him and another man" is two people, not one: no single toll from the pronoun
    assert killed("A drone targeted a man on a scooter, killing him and another passer-by.") == []


def test_a_civilian_lost_his_life():
    assert killed("A civilian lost his life when shells hit the bakery in Tarsa.") == [(1, "civilians")]
    assert killed("Citizen lost his life, another hurt in shelling on Tarsa") == [(1, "citizen")]
    assert killed("Citizen martyred in shelling on Tarsa") == [(1, "citizen")]


def test_a_civilian_inside_a_total_of_people_is_the_civilian_toll():
    text = "A missile strike on the depot killed six people including a civilian, the state agency reported."
    assert killed(text) == [(1, "civilians")]


# -- harm words before "of" ----------------------------------------------------------------------

def test_the_killing_of_n_people_and_the_injury_of_others():
    text = ("The raid caused the killing of nine civilians, including two children, in addition to the injury "
            "of 17 others.")
    (c,) = tolls(text)
    assert (c.count_min, c.victims, c.counted, c.children_min) == (9, "civilians", "killed", 2)


def test_the_death_and_injury_of_n_is_killed_or_injured():
    (c,) = tolls("A drone hit the square in Tarsa, which led to the death and injury of 11 citizens.")
    assert (c.count_min, c.counted) == (11, "killed or injured")


# -- a false claim seen on the way ---------------------------------------------------------------

def test_civilians_and_security_forces_counted_together_are_no_civilian_toll():
    assert tolls("Gunmen carried out 14 attacks last month, killing 23 civilians and security personnel "
                 "across the province.") == []
    assert tolls("The shelling left 12 civilians and soldiers dead.") == []
    # a separate figure for the others keeps the civilians' own toll
    assert killed("The shelling killed 12 civilians and three soldiers.") == [(12, "civilians")]
