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


def test_a_publisher_field_names_the_outlet_by_its_site():
    from civcas.extract.outlet import publisher_outlet

    assert publisher_outlet("alaraby") == "The New Arab"            # a dataset's short name for the site
    assert publisher_outlet("english.alaraby.co.uk") == "The New Arab"
    assert publisher_outlet("https://www.dailysabah.com/mideast/2016/06/01/x") == "Daily Sabah"
    assert publisher_outlet("www.aa.com.tr/en/middle-east") == "Anadolu Agency"
    assert publisher_outlet("Agence France-Presse") == "AFP"        # a name as copy writes it
    assert publisher_outlet("Raqqa Lens Network") == "Raqqa Lens Network"      # unknown: kept as given
    assert publisher_outlet("'@lens_raqqa") == "@lens_raqqa"
    assert publisher_outlet("https://news.example.org/item/4") == "news.example.org"
    assert publisher_outlet("  ") is None and publisher_outlet(None) is None


def test_the_publisher_is_the_party_of_a_total_the_copy_leaves_unattributed():
    text = ("Since Sunday at least 61 civilians have been killed in air attacks on the town. "
            "The town's last bakery closed on Tuesday.")
    tallies = {c.count_min: c.asserted_by for c in extract(text) if c.type == "tally"}
    assert tallies == {61: None}                                     # nothing in the text says whose copy
    tallies = {c.count_min: c.asserted_by for c in extract(text, publisher="alaraby") if c.type == "tally"}
    assert tallies == {61: "The New Arab"}
    # the copy's own credit line says more than the site that carried it
    credited = text + " (TRT World and Agencies)"
    assert {c.asserted_by for c in extract(credited, publisher="alaraby") if c.type == "tally"} == {"TRT World"}
    # an attributed total keeps its party, and an incident is not a total
    attributed = "The Syrian Observatory said 340 civilians were killed in the province last year."
    assert [(c.type, c.asserted_by) for c in extract(attributed, publisher="alaraby")] == [
        ("tally", "Syrian Observatory for Human Rights (SOHR)")]
    incident = "Rebel shells killed four civilians in the old city on Friday."
    assert [(c.type, c.asserted_by) for c in extract(incident, publisher="alaraby")] == [("incident", None)]
