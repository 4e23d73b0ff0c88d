"""Wordings learned from the errors on blind5/ (third pass); every sentence is our own."""
from __future__ import annotations

import datetime as dt

from civcas.extract import extract

PUB = dt.date(2022, 3, 15)


def claims(text, kind=None):
    return [c for c in extract(text, PUB) if kind is None or c.type == kind]


def tolls(text):
    return [c for c in extract(text, PUB) if c.type in ("incident", "tally")]


# -- tolls that are not tolls ----------------------------------------------------------------------

def test_the_verb_lives_is_no_harm_word():
    # "who lives there with his four sons": a household, not the dead
    assert tolls("\"We have no other place,\" said a baker who lives there with his four sons.") == []


def test_lives_as_a_noun_still_counts():
    (c,) = tolls("The shelling of the bus depot on Friday claimed 14 lives, the mayor said.")
    assert c.count_min == 14


def test_the_displaced_are_not_the_dead():
    cs = tolls("The fighting in the province has killed thousands and displaced more than 300,000 people since 2019.")
    assert all(c.count_min != 300000 for c in cs)


def test_a_total_given_without_a_breakdown_is_not_a_civilian_toll():
    assert tolls("The rebel authorities said 140 people had been killed in the raids, without giving a breakdown "
                 "of fighters and civilians.") == []


def test_people_whose_status_is_unknown_are_not_counted_but_the_civilians_are():
    cs = tolls("The monitor estimated that 40 civilians were killed in the strikes since 2015, along with some 90 "
               "people whose status it could not determine.")
    assert [c.count_min for c in cs] == [40]


def test_deaths_from_cold_are_not_casualties_of_an_attack():
    assert tolls("At least five infants have died of cold in the tent camps this winter, relief agencies said.") == []


def test_part_of_the_dead_told_in_its_own_sentence():
    cs = tolls("A rocket hit the bus station on Monday, killing 26 people. Nine of the dead were children.")
    assert [c.count_min for c in cs] == [26]


def test_the_civilian_part_of_the_dead_is_still_a_toll():
    # only who the dead were among the victims (children, women) is a detail; civilians among a
    # total that may count fighters remain the civilian toll, and the total, which the next
    # sentence says counts others too, is none
    cs = tolls("A rocket hit the bus station on Monday, killing 26 people. Nine of the dead were civilians.")
    assert sorted(c.count_min for c in cs) == [9]


# -- the parts of a toll ---------------------------------------------------------------------------

def test_list_after_a_colon_names_the_dead():
    cs = tolls("On 3 May a shell hit a farmhouse outside the village, killing four members of a family: "
               "a grandmother and her three grandsons.")
    assert [c.count_min for c in cs] == [4]


def test_list_after_a_colon_with_words_before_the_colon():
    cs = tolls("On 9 June a drone hit a minibus near the crossing and killed six civilians on their way to market: "
               "a driver, his nephew and four labourers.")
    assert [c.count_min for c in cs] == [6]


def test_part_after_including_a_group_without_a_number():
    (c,) = tolls("Medics said at least 48 people were killed in the village on Sunday, including men and about "
                 "20 children.")
    assert c.count_min == 48 and c.children_min == 20


# -- two tolls in one sentence ---------------------------------------------------------------------

def test_two_figures_of_one_sentence_are_not_a_rounding_of_each_other():
    cs = tolls("The attack recalled the shelling of a bus station in March, when at least 30 people died, and the "
               "bombing of a bakery in May, where 32 people were killed.")
    assert sorted(c.count_min for c in cs) == [30, 32]


# -- strike counts and assessment figures ----------------------------------------------------------

def test_deaths_from_strikes_are_not_a_strike_count():
    cs = claims("The monitor has documented 35 civilian deaths from drone strikes in the region since 2018.")
    assert [c.type for c in cs] == ["tally"] and cs[0].count_min == 35


def test_assessed_allegations_are_completed_and_a_zero_verdict_beside_them():
    (c,) = claims("For the quarter, the command said it had assessed 14 allegations, found none credible and had "
                  "nine still open.", "assessment_stats")
    assert (c.assessment["completed"], c.assessment["credible"], c.assessment["open"]) == (14, 0, 9)


def test_no_zero_verdict_without_a_number_of_assessments():
    assert claims("The command said it looked into several allegations but found none credible.",
                  "assessment_stats") == []


# -- who says it -----------------------------------------------------------------------------------

def test_speaker_before_a_long_relative_clause():
    (c,) = tolls("Amnesty International, which has sent researchers to the region every year since the fighting "
                 "started in 2015, said that at least 310 civilians had been killed by air strikes since 2015.")
    assert c.asserted_by == "Amnesty International"


def test_speaker_of_an_investigation_published_on_a_date():
    (c,) = tolls("A Human Rights Watch investigation released in May 2020 found that 75 civilians were killed "
                 "in the offensive since January.")
    assert c.asserted_by in ("Human Rights Watch (HRW)", "Human Rights Watch")


def test_a_known_name_cut_short_before_its_place():
    from civcas.extract import parties
    assert parties.canonical("UN Support Mission") == "United Nations Support Mission in Libya (UNSMIL)"
    assert parties.canonical("Acme Relief Mission") == "Acme Relief Mission"


# -- one event or a tally --------------------------------------------------------------------------

def test_a_second_source_putting_the_toll_of_a_told_event():
    cs = tolls("Jets bombed the grain market in the town on Friday, killing at least 60 people, medics said. "
               "The mayor thanked volunteers. Shops stayed closed. Schools were shut. "
               "A rescue group put the toll at 88.")
    assert [c.type for c in cs] == ["incident", "incident"]


def test_a_toll_with_a_period_is_still_a_tally():
    cs = tolls("Jets bombed the grain market in the town on Friday, killing at least 60 people, medics said. "
               "A rescue group put the toll of the offensive since 2019 at 880.")
    assert [c.type for c in cs] == ["incident", "tally"]


def test_deaths_in_one_village_are_one_event():
    (c,) = tolls("In May last year, gunmen killed at least 70 civilians in the village of Tadoum, the UN said.")
    assert c.type == "incident"


# -- superseded figures and repeated statistics ----------------------------------------------------

def test_a_final_count_replaces_the_counts_before_it():
    cs = tolls("A missile hit a block of flats in the city on Saturday. By Sunday, 18 people were confirmed dead. "
               "On Tuesday rescuers said the final count was 27 dead.")
    assert [c.count_min for c in cs] == [27]


def test_an_initial_toll_is_replaced_by_the_later_one():
    cs = tolls("Drones struck the fuel depot on Monday, killing 41 people, the health office said. A preliminary "
               "toll issued at noon had put the number of dead at 23.")
    assert [c.count_min for c in cs] == [41]


def test_a_monitor_gives_no_assessment_statistics():
    assert claims("The monitor said it had tracked 64 separate incidents with credible reports of civilian harm.",
                  "assessment_stats") == []


def test_a_headline_restating_the_statement_is_not_a_second_statistic():
    text = ("Task force finds six more reports credible\n\n"
            "The task force said it had completed 40 assessments in March. Of those, 30 were found not credible, "
            "four were duplicates and six were assessed as credible.")
    (c,) = claims(text, "assessment_stats")
    assert (c.assessment["completed"], c.assessment["credible"]) == (40, 6)


def test_received_new_reports_before_a_clause_on_reopened_ones():
    (c,) = claims("The task force said it had received 37 new reports in March, and had reopened three reports "
                  "after new information.", "assessment_stats")
    assert (c.assessment["new_received"] or c.assessment["received"], c.assessment["reopened"]) == (37, 3)


def test_a_couple_is_two_and_their_children_add_up():
    (c,) = tolls("On Sunday an air strike on a house in the camp killed a couple and their four children, medics said.")
    assert (c.count_min, c.children_min) == (6, 4)


def test_a_couple_alone_is_two():
    (c,) = tolls("An elderly couple was killed when a shell hit their car on Monday.")
    assert c.count_min == 2


def test_between_two_years_is_a_period():
    text = ("A drone hit a wedding party in the valley on Monday, killing 12 guests, elders said. "
            "The monitor says the air force carried out 900 strikes in the province between 2016 and 2021, "
            "killing between 150 and 320 civilians.")
    cs = tolls(text)
    assert [c.type for c in cs] == ["incident", "tally"]


def test_the_same_strike_count_for_another_period():
    cs = claims("The command said it had conducted 58 air strikes in the country in 2020, a record, and 21 so far "
                "this year.", "strike_count")
    assert sorted(c.count_min for c in cs) == [21, 58]
