"""The outlet a report's own text names: the party of a total the story gives unattributed
(learned from tests/extract/fakes_dev/; texts here are our own)."""
from __future__ import annotations

from civcas.extract import extract
from civcas.extract.outlet import outlet


def test_a_credit_line_names_the_outlet():
    assert outlet("(Zeta World and Agencies) nothing") is None      # not an outlet we know
    assert outlet("Shelling hit the market. (TRT World and Agencies) More followed.") == "TRT World"
    assert outlet("The talks stalled again. Source: Reuters and agencies") == "Reuters"


def test_a_dateline_names_the_outlet_only_at_the_top():
    assert outlet("BEIRUT (AFP) - Shells hit the old city.") == "AFP"
    assert outlet("Raids kill nine in Idlib Monitor AFP Tuesday 12 Jul 2016 Raids on the town ...") == "AFP"
    assert outlet("x " * 300 + "BEIRUT (AFP) - late mention") is None


def test_the_outlets_own_reporter_names_it_but_another_outlets_staff_does_not():
    assert outlet("A police source told SANAs correspondent that two shells fell.") == "SANA"
    assert outlet("SANA reporter in Homs said three people were hurt.") == "SANA"
    assert outlet("The doctor told a Reuters photographer that 12 had died.") is None
    assert outlet("Shells fell on the suburb on Friday, residents said.") is None


def test_an_unattributed_tally_is_the_outlets_and_an_attributed_one_keeps_its_party():
    text = ("Since Sunday at least 61 civilians have been killed in air attacks on the town. "
            "The monitor said 340 civilians were killed there last year. BEIRUT (AFP) - more.")
    parties = {c.count_min: c.asserted_by for c in extract(text) if c.type == "tally"}
    assert parties.get(61) == "AFP"
    incidents = [c for c in extract("Rebel shells killed four civilians in the old city on Friday, "
                                    "SANA reporter said.") if c.type == "incident"]
    assert incidents and incidents[0].asserted_by != "AFP"
