"""Who says it, on wire copy as scraped: commas and apostrophes gone, a source run into the clause
it introduces, a day or a place run into the speaker.  Wordings are our own, after the kinds of
garbage speaker the extractor gave on real articles (FA-KES, Airwars sources)."""
from __future__ import annotations

from civcas.extract import extract


def _speakers(text):
    return [c.asserted_by for c in extract(text) if c.type in ("incident", "tally")]


def test_an_according_to_source_ends_where_its_clause_begins():
    assert _speakers("According to the monitoring group the shelling of the market killed nine people.") == \
        ["monitoring group"]
    assert _speakers("According to local activists dozens of civilians were killed in the raids on Tuesday.") == \
        ["local activists"]


def test_data_without_an_owner_is_nobody():
    assert _speakers("According to first estimates four people were killed in the blast.") == [None]
    assert _speakers("Preliminary reports say seven civilians died in the bombing of the bakery.") == [None]


def test_a_report_by_someone_is_that_someone():
    assert _speakers("Seven people died in the attack according to a fresh toll from the Syrian Observatory "
                     "for Human Rights.") == ["Syrian Observatory for Human Rights (SOHR)"]


def test_a_source_stops_before_a_trailing_circumstance():
    assert _speakers("Eleven civilians died in the raid according to the Violations Documentation Center "
                     "with more bodies still under the rubble.") == ["Violations Documentation Center"]


def test_a_lone_adjective_is_not_a_speaker():
    assert _speakers("Initial reports of 8 dead after the strike on the clinic.") == [None]


def test_a_day_before_the_speaker_is_not_part_of_it():
    assert _speakers("A car bomb struck the checkpoint near the city on Sunday state television said killing "
                     "ten people.") == ["state television"]
    assert _speakers("Four children were killed in the shelling on Friday Airwars reported.") == ["Airwars"]


def test_an_opener_before_the_speaker_is_not_part_of_it():
    assert _speakers("Meanwhile Human Rights Watch said the raid killed 20 civilians.") == ["Human Rights Watch (HRW)"]
