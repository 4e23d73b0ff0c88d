"""A day's total followed by the attacks it adds up (learned from tests/extract/fakes_dev/ and
tests/extract/fakes_dev2/, real wire copy; texts here are our own)."""
from __future__ import annotations

from civcas.extract import extract


def _kinds(text):
    return [(c.type, c.count_min) for c in extract(text)
            if c.type in ("incident", "tally") and c.count_min is not None]


ROUNDUP = ("3 May 2016 Nine civilians killed 20 injured in rocket attacks on Homs and Hama. "
           "A police source said that five civilians were killed and 12 were injured when shells hit a market in Homs city. "
           "Meanwhile four civilians were killed when rockets struck a school in Hama.")


def test_a_total_the_listed_attacks_add_up_to_is_a_tally_beside_them():
    assert _kinds(ROUNDUP) == [("tally", 9), ("incident", 5), ("incident", 4)]
    total = next(c for c in extract(ROUNDUP) if c.type == "tally")
    assert total.rule == "tally.sum_of_listed" and total.tally_kind == "other"


def test_a_single_attack_is_not_a_total_even_if_later_figures_happen_to_add_up():
    text = ("A strike on a house in the village killed nine civilians on Monday. "
            "In a separate case in March, five civilians were killed at a checkpoint. "
            "In April, four civilians were killed at a well.")
    assert ("tally", 9) not in _kinds(text)


def test_figures_that_do_not_add_up_leave_the_total_an_incident():
    text = ("Ten civilians were killed in air raids on two towns on Sunday. "
            "Six died in the first town. Three others were killed in the second.")
    assert ("incident", 10) in _kinds(text)


# The report's first toll and the tolls told right after it (learned from tests/extract/fakes_dev3/,
# fakes_dev4/, fakes_dev5/ and fakes_dev7/; texts here are our own).
LEAD = ("Seven people were killed on Monday when rockets fell on the city, a police source told the agency. "
        "Rockets hit the old market in the morning, killing four people and wounding 20. "
        "Later in the day a shell struck the gate of a school in the Midan district, killing three pupils.")


def test_a_lead_toll_that_the_next_tolls_add_up_to_is_the_days_total():
    assert _kinds(LEAD) == [("tally", 7), ("incident", 4), ("incident", 3)]


def test_another_sources_toll_for_the_same_event_is_not_a_further_part():
    text = ("At least five people were killed on Thursday near the courthouse in the city centre, the monitor said. "
            "State television also reported the deaths, saying four people had died there. "
            "In the south of the province a farmer was killed by shelling on the same day.")
    assert _kinds(text) == [("incident", 5), ("incident", 4), ("incident", 1)]


def test_the_first_item_of_a_numbered_list_is_not_the_total_of_the_others():
    text = ("The allegations were:\n\n1. On 3 May, five civilians were killed near the mill, local sources said.\n\n"
            "2. On 9 May, three civilians were reportedly killed when their car was hit.\n\n"
            "3. On 12 May, two civilians were killed in a strike on a farm.\n")
    assert _kinds(text) == [("incident", 5), ("incident", 3), ("incident", 2)]
