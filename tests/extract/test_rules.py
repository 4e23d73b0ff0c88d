"""One behaviour per test, in our own words: what each rule must read and what it must leave."""
from __future__ import annotations

import datetime as dt

import pytest

from civcas.extract import Extractor, RulesExtractor, extract, get_extractor
from civcas.records import ASSESSMENT_FIELDS

PUB = dt.date(2017, 5, 1)


def tolls(text, published=PUB):
    return [c for c in extract(text, published) if c.type in ("incident", "tally")]


def one(text, kind=None, published=PUB):
    claims = [c for c in extract(text, published) if kind is None or c.type == kind]
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


# -- incidents ---------------------------------------------------------------------------------

def test_incident_with_date_place_belligerent_and_parts():
    c = one("Monitors said an airstrike by Russian jets on June 3, 2016 hit a bakery in Maarat al-Numan, Syria, "
            "killing 14 civilians, including five children and two women.")
    assert c.type == "incident"
    assert (c.count_min, c.count_max, c.qualifier) == (14, 14, "exact")
    assert (c.children_min, c.women_min) == (5, 2)
    assert c.event_date == dt.date(2016, 6, 3) and c.date_precision == "day"
    assert c.place_text == "Maarat al-Numan" and c.country == "SY"
    assert c.belligerent == "Russian jets"
    assert c.strike_type == "air"
    assert c.victims == "civilians" and c.counted == "killed"
    assert c.asserted_by == "Monitors"


def test_incident_relative_date_and_near_place():
    c = one("Two separate strikes near Hawija on Sunday left nine people dead, residents said.")
    assert c.type == "incident" and c.strikes == 2
    assert c.event_date == dt.date(2017, 4, 30)
    assert c.place_text == "near Hawija" and c.country == "IQ"
    assert c.victims == "people"        # people are not turned into civilians
    assert c.asserted_by == "residents"


def test_incident_family_of_five_and_words():
    c = one("A family of five was killed when a drone strike hit their car outside Kunduz last week.")
    assert (c.count_min, c.victims) == (5, "family")
    assert c.strike_type == "drone"
    assert c.date_precision == "week"


def test_among_the_dead_attaches_to_previous_claim():
    claims = tolls("The shelling of the market in Douma on 12 February 2018 killed 23 civilians. "
                   "Among the dead were seven children.")
    assert len(claims) == 1
    assert claims[0].children_min == 7 and claims[0].count_min == 23


def test_injured_kept_apart_from_killed():
    c = one("An air raid on the village killed six civilians and wounded 11 others, activists said.")
    assert (c.count_min, c.injured_min) == (6, 11)


def test_killed_or_wounded_is_counted_as_such():
    c = one("According to the UN, more than 3,000 civilians have been killed or wounded in the city since January.")
    assert c.counted == "killed or injured" and c.type == "tally" and c.asserted_by == "UN"


# -- tallies -----------------------------------------------------------------------------------

def test_independent_tally_with_period_and_incident_count():
    c = one("The monitoring group Airwars said 41 separate strikes had killed at least 310 civilians since "
            "August 2015, among them more than 60 children.")
    assert c.type == "tally" and c.tally_kind == "independent_estimate"
    assert (c.count_min, c.count_max, c.qualifier) == (310, None, "at_least")
    assert c.children_min == 60
    assert c.incidents_count == 41
    assert c.period_start == dt.date(2015, 8, 1)
    assert c.asserted_by == "Airwars"


def test_official_acknowledgement_beats_relaying_paper():
    c = one("The Pentagon has acknowledged 12 civilian deaths in the campaign, according to the Daily Bugle.")
    assert c.asserted_by == "Pentagon" and c.tally_kind == "official_acknowledged"


def test_between_range():
    c = one("The group estimates that between 1,200 and 1,750 civilians died in the offensive.")
    assert (c.count_min, c.count_max, c.qualifier) == (1200, 1750, "between")


def test_quote_followed_by_speaker():
    c = one('"At least 75 civilians have been unintentionally killed since the operation began," the coalition said.')
    assert c.asserted_by == "coalition" and c.tally_kind == "official_acknowledged"


def test_group_resolves_to_last_named_monitor():
    claims = tolls("Residents spoke to the Syrian Network for Human Rights about the bombing. "
                   "The group said 88 civilians were killed during the siege.")
    assert claims[0].asserted_by == "Syrian Network for Human Rights"


@pytest.mark.parametrize("qualifier_text, q", [("about", "about"), ("around", "about"), ("nearly", "about"),
                                               ("up to", "up_to"), ("more than", "more_than"), ("over", "more_than")])
def test_qualifiers(qualifier_text, q):
    c = one(f"Officials said {qualifier_text} 40 civilians were killed in the bombardment of the town.")
    assert c.qualifier == q


def test_dozens_convention():
    # The issue lists "dozens" among the hedges to keep: a claim, at least 24, qualifier "dozens".
    c = one("Dozens of civilians were killed when warplanes struck the market, witnesses said.")
    assert (c.count_min, c.count_max, c.qualifier) == (24, None, "dozens")


# -- negatives: not casualty figures ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The raid killed 30 militants near the border.",
    "The strikes in 2015 were the heaviest of the war.",
    "A boy aged 12 was among those interviewed in the camp.",
    "The group now holds about 300 square kilometers of desert.",
    "Two F-16 jets returned to base after the mission.",
    "The programme cost $2 million and employed 40 staff.",
    "Fighters of the group killed 14 soldiers at a checkpoint.",
    "There were 17 people at the meeting in the town hall.",
])
def test_no_casualty_claim(text):
    assert tolls(text) == []


def test_reports_are_not_deaths():
    claims = extract("The task force said 55 reports of civilian casualties remain under review.", PUB)
    assert [c.type for c in claims] == ["assessment_stats"]
    assert claims[0].assessment["open"] == 55


def test_found_not_attributable_is_no_toll():
    assert tolls("Four civilian deaths reported earlier were found not to be attributable to the coalition.") == []


# -- strike counts and ratios ------------------------------------------------------------------

def test_strike_count_with_conducting_party():
    c = one("The coalition has conducted more than 14,000 strikes since the campaign began.", "strike_count")
    assert (c.count_min, c.qualifier, c.strikes) == (14000, "more_than", 14000)
    assert c.asserted_by == "coalition"


def test_strikes_that_killed_are_not_a_strike_count():
    assert [c.type for c in extract("Three strikes on the village killed nine civilians.", PUB)] == ["incident"]


def test_ratios():
    claims = extract("Reporters found that 1 in 4 of the strikes they examined killed civilians, a rate 20 times "
                     "higher than admitted. Only 0.5% of engagements were reviewed.", PUB)
    ratios = [c.ratio for c in claims if c.type == "ratio"]
    assert {"kind": "share", "numerator": 1, "denominator": 4, "of": "strikes", "qualifier": "exact"} in ratios
    assert any(r["kind"] == "multiple" and r["times"] == 20 for r in ratios)
    assert any(r["kind"] == "percent" and r["percent"] == 0.5 for r in ratios)


# -- assessment statistics and checks ----------------------------------------------------------

ASSESS = ("The task force said it completed the assessment of 60 reports, of which 50 were assessed to be "
          "non-credible and eight were assessed to be credible, resulting in 13 unintentional civilian deaths. "
          "Two reports were duplicates. Another 150 reports remain open.")


def test_assessment_fields_and_keys():
    c = one(ASSESS)
    assert c.type == "assessment_stats"
    assert set(c.assessment) == set(ASSESSMENT_FIELDS)
    a = c.assessment
    assert (a["completed"], a["non_credible"], a["credible"], a["duplicate"], a["open"], a["deaths_in_credible"]) \
        == (60, 50, 8, 2, 150, 13)
    assert a["received"] is None
    assert c.flags == []


def test_assessment_parts_that_do_not_add_up_are_flagged_not_fixed():
    c = one(ASSESS.replace("of 60 reports", "of 61 reports"))
    assert c.assessment["completed"] == 61
    assert any(f.startswith("parts_sum_mismatch") for f in c.flags)


def test_difference_mismatch_flag():
    claims = tolls("The military now admits at least 510 civilian deaths. That is 12 more deaths than in its "
                   "previous report, which acknowledged 500 civilian deaths.")
    assert [c.count_min for c in claims] == [510, 500]
    assert claims[1].flags == ["difference_mismatch: text says 12 more, 510-500=10"]


def test_carried_over_and_referred():
    c = one("The coalition carried over 90 open reports and received 30 new reports. It also began assessing "
            "200 historical reports of possible civilian casualties received from Airwars.")
    a = c.assessment
    assert (a["carried_over"], a["new_received"], a["historical_referred"]) == (90, 30, 200)
    assert c.historical_referred_by == "Airwars"


# -- interface ---------------------------------------------------------------------------------

def test_extractor_protocol_and_default():
    assert isinstance(RulesExtractor(), Extractor)
    assert get_extractor().name == "rules"
    with pytest.raises(KeyError):
        get_extractor("no-such")


def test_spans_are_exact_and_rules_named():
    text = "Header\n\n" + ASSESS + " Separately, an airstrike killed four people in Ramadi on Sunday."
    for c in extract(text, PUB):
        assert text[c.span[0]:c.span[1]] == c.quote
        assert c.rule


def test_deterministic():
    text = ASSESS + " Witnesses said at least nine civilians died."
    assert [c.to_dict() for c in extract(text, PUB)] == [c.to_dict() for c in extract(text, PUB)]


# -- context across sentences and summary formats ----------------------------------------------

def test_event_sentence_frames_the_toll_in_the_next_sentence():
    c = one("Warplanes struck a wedding hall in the town of Kafr Batna on Saturday. Medics said 17 people were "
            "killed and 30 wounded.")
    assert c.type == "incident" and c.asserted_by == "Medics"
    assert c.event_date == dt.date(2017, 4, 29) and c.place_text == "Kafr Batna"
    assert (c.count_min, c.injured_min) == (17, 30)


def test_toll_rose_to_and_next_sentence_injured():
    c = one("The death toll from Tuesday's raid on the market in Saraqib rose to 21, rescuers said. "
            "Another 35 were wounded.")
    assert (c.count_min, c.injured_min, c.type) == (21, 35, "incident")


def test_parts_before_the_total():
    c = one("Two women and five children were among 16 civilians killed in the bombing of the village on Friday.")
    assert (c.count_min, c.women_min, c.children_min) == (16, 2, 5)


def test_relatives_listed_together_add_up():
    c = one("Villagers said the drone strike on Monday killed a shepherd and his three brothers.")
    assert c.count_min == 4


def test_zero_is_no_claim():
    # "no civilians were harmed" is a denial, not a toll: the field's annotations (blind3/blind4
    # READMEs: "zero-death claims" are not recorded) keep no claim of zero dead.
    claims = tolls("The command said the strike killed two fighters and that no civilians were harmed.")
    assert claims == []


def test_part_of_the_dead_is_a_lower_bound():
    c = one("A local rights group said it had named 27 of the dead.")
    assert (c.count_min, c.count_max, c.qualifier) == (27, None, "at_least")


def test_acknowledgement_after_the_figure_and_possessive_count():
    claims = tolls("Monitors put the toll at 2,300 civilians, far above the 410 deaths the task force itself had "
                   "conceded and above the ministry's own count of 900.")
    by = {c.count_min: c.asserted_by for c in claims}
    assert by[410] == "task force" and by[900] == "ministry"


def test_summary_lines():
    text = ("Task force monthly summary, May 2018\n"
            "Reports open at the start of the month: 310\n"
            "New reports received: 41\n"
            "Reports completed: 52\n"
            "- Credible: 6\n"
            "- Non-credible: 44\n"
            "- Duplicate: 2\n"
            "Deaths in credible reports this month: 9\n"
            "Reports open at the end of the month: 299\n"
            "Cumulative civilian deaths since 2014: 905\n")
    claims = extract(text, PUB)
    a = next(c for c in claims if c.type == "assessment_stats").assessment
    assert (a["carried_over"], a["new_received"], a["completed"], a["credible"], a["non_credible"], a["duplicate"],
            a["deaths_in_credible"], a["open"]) == (310, 41, 52, 6, 44, 2, 9, 299)
    t = next(c for c in claims if c.type == "tally")
    assert (t.count_min, t.asserted_by, t.tally_kind) == (905, "Task force", "official_acknowledged")


def test_strike_release_lines():
    text = ("Coalition strike release, June 3, 2016. Coalition forces conducted 12 strikes against the group.\n"
            "Near Hit, three strikes destroyed two bunkers.\n"
            "In Syria, near Hasakah, one strike engaged a tactical unit.")
    counts = [(c.count_min, c.asserted_by) for c in extract(text, PUB) if c.type == "strike_count"]
    assert [n for n, _ in counts] == [12, 3, 1]
    assert all(who for _, who in counts)


def test_open_balance_is_checked():
    ok = one("The task force carried over 100 open reports and received 20 new reports. It completed 30 "
             "assessments. A total of 90 reports remain open.")
    assert ok.flags == []
    bad = one("The task force carried over 100 open reports and received 20 new reports. It completed 30 "
              "assessments. A total of 95 reports remain open.")
    assert bad.assessment["open"] == 95
    assert bad.flags == ["open_balance_mismatch: carried_over 100 + new_received 20 - completed 30 = 90 != open 95"]


@pytest.mark.parametrize("text,victim", [
    ("Girl killed in a regime attack on a village west of Idlib.", "girl"),
    ("Boy killed, man injured by the blast of an old shell near Aleppo.", "boy"),
    ("Ariha | Woman killed in shelling of the town centre", "woman"),
])
def test_headline_single_victim(text, victim):
    (c,) = [c for c in extract(text, None) if c.count_min is not None]
    assert (c.count_min, c.count_max, c.victims) == (1, 1, victim)
    assert text[c.span[0]:c.span[1]] == c.quote


@pytest.mark.parametrize("text", ["Fighter killed in clashes near Hajin.", "ISIS leader killed in a night raid.",
                                  "Commander killed as rival factions fight in Afrin."])
def test_headline_combatants_are_no_claim(text):
    assert [c for c in extract(text, None) if c.count_min is not None] == []


# --- one event or a period: wordings met in reports written blind to the rules -------------------

@pytest.mark.parametrize("sentence", [
    # "since" dates the comparison ("deadliest ... since"), not the toll's period
    "Air strikes on a crowded fruit market in Saraqeb killed at least 27 civilians on Tuesday, the monitor said, "
    "in the deadliest attack on the town since the offensive began in the spring.",
    # several strikes named as one event
    "Eighteen members of the Hamdan family were killed in three separate coalition air strikes as they fled "
    "across the old city, the rights group found.",
    "Two weeks later, on June 3, 2016, a series of strikes on a crowded street in Ariha killed as many as "
    "31 civilians, monitors said.",
    # "a month later" is a time reference, not a period
    "Less than a month later, on May 9, a strike on a bakery queue in Kafr Nabl killed 14 civilians, residents said.",
])
def test_one_event_despite_period_like_words(sentence):
    claims = [c for c in extract(sentence, dt.date(2016, 7, 1)) if c.count_min]
    assert [c.type for c in claims] == ["incident"]


def test_a_toll_since_a_date_stays_a_tally():
    text = "More than 900 civilians have been killed in the province since the offensive began in April, the monitor said."
    assert [c.type for c in extract(text, dt.date(2019, 8, 1)) if c.count_min] == ["tally"]
    text = ("The worst-hit district has seen more than 600 civilians killed since the start of the campaign, "
            "the monitor said.")
    assert [c.type for c in extract(text, dt.date(2019, 8, 1)) if c.count_min] == ["tally"]


@pytest.mark.parametrize("text, kept", [
    ("A strike on the hospital in Dahyan killed 51 people, the ministry said on Tuesday. "
     "The ministry had initially put the death toll at 29.", [51]),
    ("Rescuers have recovered 71 bodies from the rubble, officials said on Friday, with the "
     "civil defence having initially reported 40 dead.", [71]),
    ("Earlier on Sunday, the health ministry had said 12 people were killed; by the evening it put the toll at 19.", [19]),
    # "first" that does not replace a figure
    ("The Observatory, which first reported the attack, said 31 civilians were killed in the strike on Monday.", [31]),
    ("The group had documented 1,450 civilian deaths in the city by the end of the battle, it said.", [1450]),
])
def test_replaced_tolls_are_not_claims(text, kept):
    assert [c.count_min for c in extract(text, dt.date(2019, 8, 1)) if c.count_min] == kept


@pytest.mark.parametrize("text", [
    "The mission said it had documented 412 civilian deaths between 1 January and 30 June.",
    "The mission documented 412 civilian deaths between January 1 and June 30, it said.",
    "From March 1 to May 31 the group recorded 412 civilians killed in the province.",
    "The office said it had verified 412 civilian deaths as of 20 November, including 40 children.",
])
def test_a_period_between_two_days_of_a_year_makes_a_tally(text):
    """Two dates bounding a period, or "as of" a date, are a period even without a year: the
    day-precise dates do not make one event."""
    assert [c.type for c in extract(text, dt.date(2019, 12, 1)) if c.count_min == 412] == ["tally"]


# An event, then four sentences of reactions and context.
_EVENT_THEN_CONTEXT = ("Jets bombed a crowded bus station in Fernhill on Tuesday, killing 19 people, the governor said. "
                       "The governor called the raid a crime. The air force said it had struck a weapons depot. "
                       "Aid agencies asked both sides to spare civilians. Diplomats met in the capital to discuss a truce. ")


@pytest.mark.parametrize("last, kind", [
    # a small toll several sentences after its event is that event's
    ("A UN official said on Wednesday that at least 12 civilians had been confirmed killed.", "incident"),
    # a large one stays a tally
    ("The monitor said 640 civilians had been killed.", "tally"),
])
def test_how_far_an_event_reaches(last, kind):
    claims = [c for c in extract(_EVENT_THEN_CONTEXT + last, dt.date(2020, 3, 5)) if c.count_min]
    assert [(c.type, c.count_min) for c in claims][0] == ("incident", 19)
    assert [c.type for c in claims[1:]] == [kind]


@pytest.mark.parametrize("text", [
    "In a separate incident, gunmen shot dead at least 9 civilians near the river crossing, the office said.",
    "All seven were killed when their house in the old quarter was destroyed shortly before dawn.",
    # the wounded outnumber the dead; the toll is still a small one
    "Drone strikes on the fuel depot killed 14 civilians and wounded 120, the ministry said.",
    # "campaign" names what the night is compared with, not a period of the toll
    "Missiles on the port killed 31 civilians, officials said, the deadliest night of the campaign against the rebels.",
])
def test_one_event_wordings(text):
    assert [c.type for c in extract(text, dt.date(2020, 3, 5)) if c.count_min and c.count_min > 1] == ["incident"]


def test_an_aside_about_the_speaker_does_not_make_a_tally():
    text = ("Artillery shells hit a crowded bus station in Fernhill on Tuesday, killing 52 people, the ministry said. "
            "The Medics Union, a group that has counted casualties throughout the war, put the toll at 57 dead.")
    assert [(c.type, c.count_min) for c in extract(text, dt.date(2020, 3, 5)) if c.count_min] == [
        ("incident", 52), ("incident", 57)]
    # the same aside words around the figure itself still date it
    text = "The war, which the monitor said has killed 5,000 civilians, entered its sixth year."
    assert [c.type for c in extract(text, dt.date(2020, 3, 5)) if c.count_min] == ["tally"]


@pytest.mark.parametrize("text", [
    "In the first half of the year, the mission said, air strikes caused 38 civilian deaths.",
    "Jets bombed a market in Fernhill on Tuesday. The monitor recorded 38 civilian deaths over the same period.",
])
def test_half_years_and_the_same_period_make_a_tally(text):
    assert [c.type for c in extract(text, dt.date(2020, 3, 5)) if c.count_min == 38] == ["tally"]


@pytest.mark.parametrize("text, who", [
    # "its ... report" is the organisation last named
    ("The Riverland Monitor has tracked the war since it began. Its latest quarterly report recorded 2,310 "
     "civilian deaths since 2016.", "Riverland Monitor"),
    ("Since the start of the year, the Riverland Monitor has documented 640 civilian deaths, according to its "
     "most recent update.", "Riverland Monitor"),
    # the figures are nobody's words: the one who published them is the speaker
    ("According to figures published by the Narnian government, 310 civilians were killed in the war.",
     "Narnian government"),
])
def test_speaker_behind_a_document(text, who):
    c = one(text)
    assert c.asserted_by == who


@pytest.mark.parametrize("text, n", [
    ("Officials said the number of people killed had risen to 37, including four children.", 37),
    ("By Friday the number of dead rose to 12, the governor said.", 12),
])
def test_the_number_of_dead_rising_to_a_figure(text, n):
    c = one(text)
    assert c.count_min == n


def test_maintains_reports_a_claim():
    c = one("The Narnian Defence Ministry maintains that only two civilians have been killed by its air strikes "
            "since 2015, a junior minister told parliament.")
    assert (c.type, c.count_min, c.asserted_by) == ("tally", 2, "Narnian Defence Ministry")


def test_the_rest_of_a_breakdown_by_perpetrator():
    text = ("The monitor attributed 61 civilian deaths to government forces, 24 to the Northern Alliance and "
            "9 to Eastern Brigade fighters during the month.")
    assert sorted(c.count_min for c in extract(text, dt.date(2020, 3, 5)) if c.count_min) == [9, 24, 61]
    # without such a verb, ", 24 to the ..." is no toll
    text = "Shelling killed 61 civilians in the north, the monitor said, and 24 to the south were evacuated."
    assert [c.count_min for c in extract(text, dt.date(2020, 3, 5)) if c.count_min] == [61]


def test_documented_several_strikes_is_an_aggregate():
    text = "The rights group said it had documented seven drone strikes that killed 19 civilians in the valley."
    assert [c.type for c in extract(text, dt.date(2020, 3, 5)) if c.count_min] == ["tally"]
