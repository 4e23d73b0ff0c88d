"""The dead listed one by one, or group by group, make one toll: their sum.

Wire copy often names the dead instead of counting them ("a woman and her two sons were
killed"), and the development sets count such lists as one figure.  These sentences are our own.
"""
import datetime as dt

import pytest

from civcas.extract import extract

PUBLISHED = dt.date(2016, 5, 1)


def tolls(text):
    return [(c.type, c.count_min) for c in extract(text, PUBLISHED) if c.count_min is not None]


@pytest.mark.parametrize("text, total", [
    ("A mother and child were killed when a shell struck their home in Bustan al-Qasr on Tuesday.", 2),
    ("Rescuers said a small boy, a small girl and three women were killed and 12 others were hurt by the rockets.", 5),
    ("Jets hit the farm on Monday, killing a shepherd with two of his sons and an elderly man, the monitor said.", 4),
    ("The agency said 14 pupils had been killed along with three teachers when bombs fell on the school on Monday.", 17),
    ("A father a mother and a daughter were killed while a grandson was badly hurt in the raid on Monday.", 3),
    ("One woman and one of her daughters were killed in the mortar attack on the market on Sunday.", 2),
    ("The council said, with three children and one man killed in earlier shelling of the same street.", 4),
])
def test_a_list_of_the_dead_is_one_toll_of_their_sum(text, total):
    assert total in [n for _, n in tolls(text)]
    # and none of its items is a toll of its own
    assert len(tolls(text)) == 1


def test_a_list_keeps_who_the_dead_were():
    c = extract("A drone strike killed a woman with three of her children and an old man on Sunday, "
                "the monitor said.", PUBLISHED)[0]
    assert (c.count_min, c.children_min, c.women_min, c.men_min) == (5, 3, 1, 1)


def test_the_list_after_a_total_says_who_the_total_were():
    # an apposition, not more dead
    assert tolls("The command said a strike near the village had killed two civilians, a woman and a boy, "
                 "on Monday.") == [("incident", 2)]
    # a breakdown after "including"
    c = extract("Warplanes killed at least seven civilians including a woman and her four children in the "
                "town on Sunday, the monitor said.", PUBLISHED)
    assert [x.count_min for x in c] == [7] and c[0].children_min == 4


def test_not_a_list():
    # a hedge belongs to the first figure only: no sum across it
    assert 19 not in [n for _, n in tolls("At least 16 civilians and three children have been killed in raids "
                                          "on the province, the monitor said.")]
    # a figure's own participle before the list: the list is not who was killed
    assert 7 not in [n for _, n in tolls("1 child killed 5 children & their father trapped under rubble after "
                                         "the strike on the market.")]
    # men of an armed group are not civilians
    assert tolls("A drone hit a car in the town, killing two men from the local militia and three men from "
                 "the popular committees, the monitor said.") == []


def test_civilians_among_a_total_of_people_are_the_toll():
    # the rest of the dead are not said to be civilians: the civilians are the civilian toll
    assert tolls("Five civilians including a girl were among at least 19 people killed in raids on the town "
                 "on Sunday, a monitor said.") == [("incident", 5)]
    assert tolls("The monitor said nine children and 12 rebels were among 40 people executed by troops in "
                 "the village on Tuesday.") == [("incident", 9)]


def test_a_capitalised_total_before_its_list_is_read_like_any_other():
    # (the noun's case once broke the look for the comma after the total)
    assert tolls("Two Civilians, a woman and a boy, were killed in the raid on Monday.") == [("incident", 2)]
