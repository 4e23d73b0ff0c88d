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
