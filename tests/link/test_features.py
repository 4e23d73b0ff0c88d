"""The belligerent key: one party, many names; a shared party is agreement."""
from __future__ import annotations

import pytest

from civcas.link.features import belligerent_key


@pytest.mark.parametrize("a, b", [
    ("U.S.-led Coalition", "US-led coalition jets"),
    ("the international coalition", "U.S.-led Coalition"),
    ("Russian jets", "Russian Military"),
    ("regime helicopters", "Syrian government forces"),
    ("the coalition", "Coalition"),
    ("American drones", "US Forces"),
])
def test_names_of_one_party_share_a_key(a, b):
    assert belligerent_key(a) == belligerent_key(b)


@pytest.mark.parametrize("a, b", [
    ("Saudi-led coalition", "U.S.-led Coalition"),
    ("Saudi-led coalition", "the coalition"),     # in Yemen "the coalition" is not the US-led one
    ("Russian jets", "regime helicopters"),
    ("Turkish drones", "SDF"),
])
def test_different_parties_differ(a, b):
    assert belligerent_key(a) != belligerent_key(b)


def test_several_parties_and_unknown_names():
    assert belligerent_key("Russian Military, U.S.-led Coalition") == "russia|us-led coalition"
    assert belligerent_key("LNA") == "lna"
    assert belligerent_key("") is None and belligerent_key(None) is None
