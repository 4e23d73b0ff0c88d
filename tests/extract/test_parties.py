"""Who asserts a figure (`asserted_by`): speakers found as the subject of a sentence or in the
sentence before, role words resolved to the organisation they speak for, well-known organisations
named in one standard form, and the right entity picked when several are named."""
from __future__ import annotations

import datetime as dt

import pytest

from civcas.extract import extract
from civcas.extract import parties
from civcas.extract.attribution import is_monitor, is_official

PUB = dt.date(2021, 6, 1)


def by(text, n):
    """The speaker of the claim whose figure is n."""
    found = [c for c in extract(text, PUB) if n in (c.count_min, c.count_max)]
    assert found, [c.to_dict() for c in extract(text, PUB)]
    return found[0].asserted_by


# -- a) the speaker is the subject, or was named in the sentence before ---------------------------

def test_subject_with_an_adverb_before_the_verb():
    text = "The Iraqi authorities have since estimated that at least 3,000 civilians were killed in the siege."
    assert by(text, 3000) == "Iraqi authorities"


def test_the_group_with_an_adverb_is_the_monitor_named_before():
    text = ("Airwars has tracked the air war in Yemen for five years. The group currently estimates that at "
            "least 900 civilians have died in coalition raids since 2016.")
    assert by(text, 900) == "Airwars"


def test_people_at_a_place_keep_the_place():
    text = "Hospital workers in Aleppo said they had registered 412 deaths since January."
    who = by(text, 412)
    assert who and "Hospital workers" in who


def test_people_at_a_known_organisation_are_that_organisation():
    text = "Researchers at Amnesty International said at least 57 civilians had been killed since March."
    assert by(text, 57) == "Amnesty International"


def test_passive_recording_belongs_to_the_last_speaker():
    text = ("The Yemen Data Project said it had logged more than 20,000 raids since 2015. Most targeted "
            "farms and roads. At least 70 civilian deaths were recorded in May alone.")
    assert by(text, 70) == "Yemen Data Project"


# -- b) a role word is the organisation it speaks for ---------------------------------------------

def test_spokeswoman_speaks_for_the_organisation_of_the_sentence_before():
    text = ("The NATO mission rejected the findings on Tuesday. A spokeswoman said its reviews had found "
            "that 41 civilians were killed in 2018.")
    assert by(text, 41) == "NATO"


def test_spokesman_does_not_take_an_actor_from_his_own_sentence():
    text = "Coalition jets carried out 300 strikes over the city in a week, a spokesman said."
    assert by(text, 300) == "spokesman"


def test_the_command_is_the_command_named_before():
    text = ("U.S. Central Command published the results of its review on Friday. The command said 17 "
            "civilians had been killed in its strikes since January.")
    assert by(text, 17) == "CENTCOM"


def test_the_bureaus_researchers_are_the_bureau():
    text = ("The Bureau of Investigative Journalism updated its drone database on Monday. The Bureau's "
            "researchers found at least 60 civilian deaths in that period.")
    assert by(text, 60) == "Bureau of Investigative Journalism"


def test_the_observatory_is_the_observatory_not_the_last_organisation():
    text = ("The Syrian Observatory for Human Rights tracks the war from Britain. The United Nations has "
            "said that more than 500 civilians died in the province since April. The Observatory says "
            "over 2,300 civilians have been killed there since 2015.")
    assert by(text, 500) == "United Nations"
    assert by(text, 2300) == "Syrian Observatory for Human Rights (SOHR)"


def test_a_head_noun_without_an_earlier_name_stays_as_written():
    text = "The command said 4 civilians were killed in the raid on the village."
    assert by(text, 4) == "command"


# -- c) well-known organisations in one standard form ---------------------------------------------

@pytest.mark.parametrize("written, standard", [
    ("UN's human rights office", "United Nations human rights office (OHCHR)"),
    ("U.N. human rights office", "United Nations human rights office (OHCHR)"),
    ("Defense Department", "Department of Defense"),
    ("the Pentagon", "Pentagon"),
    ("UNSMIL", "United Nations Support Mission in Libya (UNSMIL)"),
    ("UN Assistance Mission in Afghanistan", "United Nations Assistance Mission in Afghanistan (UNAMA)"),
    ("United Nations Assistance Mission in Afghanistan (UNAMA)",
     "United Nations Assistance Mission in Afghanistan (UNAMA)"),
    ("Armed Conflict Location & Event Data Project (ACLED)",
     "Armed Conflict Location and Event Data Project (ACLED)"),
    ("US Africa Command", "AFRICOM"),
    ("Israel Defense Forces", "Israeli military"),
    ("Russia's Defence Ministry", "Russian Defence Ministry"),
    ("White Helmets", "Syrian Civil Defence (White Helmets)"),
    ("AFRICOM spokesperson", "AFRICOM"),
    ("UN", "UN"),
    ("United Nations", "United Nations"),
    ("Nineveh Health Directorate", "Nineveh Health Directorate"),
    ("Somali officials and the UN", "Somali officials and the UN"),
])
def test_standard_names(written, standard):
    assert parties.canonical(written) == standard


def test_standard_names_keep_their_kind():
    assert is_official("Department of Defense") and is_official("AFRICOM") and is_official("Resolute Support")
    assert is_official("US-led coalition") and is_official("Israeli military")
    assert is_monitor("Syrian Observatory for Human Rights (SOHR)") and is_monitor("Human Rights Watch (HRW)")
    assert not is_official("United Nations human rights office (OHCHR)")


def test_standard_name_in_a_claim_and_quote_unchanged():
    text = "The U.N.'s human rights office said it had verified the deaths of 1,200 civilians since March."
    c = next(c for c in extract(text, PUB) if c.count_min == 1200)
    assert c.asserted_by == "United Nations human rights office (OHCHR)"
    assert text[c.span[0]:c.span[1]] == c.quote and "U.N.'s human rights office" in c.quote


def test_defense_department_is_official():
    c = next(c for c in extract("About 15 civilians were killed in U.S. operations last year, the Defense "
                                "Department said in a report.", PUB) if c.count_min == 15)
    assert c.asserted_by == "Department of Defense" and c.tally_kind == "official_acknowledged"


def test_unknown_speakers_keep_the_texts_wording():
    text = "The Nineveh Health Directorate said 31 civilians were killed in the shelling of the market."
    assert by(text, 31) == "Nineveh Health Directorate"


# -- d) the right entity among several ------------------------------------------------------------

def test_named_appositive_is_the_speaker_not_the_place():
    text = ("The UN mission in South Sudan, UNMISS, said it had documented 85 civilian deaths. "
            "The UN mission in Libya, UNSMIL, said it had documented 96 civilian deaths in 2020.")
    assert by(text, 96) == "United Nations Support Mission in Libya (UNSMIL)"


def test_a_place_after_the_speaker_is_not_the_speaker():
    text = "The UN's humanitarian coordinator in Yemen said at least 70 civilians were killed in the raid."
    assert by(text, 70) == "UN"
    text = "The UN mission in Afghanistan, meanwhile, attributed 230 civilian deaths to air strikes in 2020."
    assert by(text, 230) == "United Nations Assistance Mission in Afghanistan (UNAMA)"


def test_the_adversary_is_not_the_speaker():
    text = ("The U.S.-led coalition against the Islamic State group said on Thursday that its strikes had "
            "killed at least 1,300 civilians since 2014.")
    assert by(text, 1300) == "US-led coalition"


def test_according_to_an_abbreviated_name():
    text = ("Allied aircraft carried out more than 2,500 strikes on the city during the battle, according "
            "to U.S. military statements.")
    assert by(text, 2500) == "U.S. military"
