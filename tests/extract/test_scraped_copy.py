"""Wordings of real wire copy as scraped (learned from tests/extract/fakes_dev/, real articles):
headlines run into the body, commas stripped, war-wide background totals, footage."""
from __future__ import annotations

from civcas.extract import extract


def _tolls(text):
    return [(c.type, c.count_min, c.injured_min) for c in extract(text)
            if c.type in ("incident", "tally") and (c.count_min is not None or c.injured_min is not None)]


def test_a_whole_war_toll_of_people_is_background():
    assert _tolls("Barrel bombs killed 14 civilians in Darayya on Monday. The conflict has killed more than "
                  "150000 people since it started.") == [("incident", 14, None)]
    assert _tolls("More than 90000 people have been killed in the war so far according to the monitor.") == []


def test_a_whole_war_toll_of_civilians_stays():
    claims = _tolls("The rights network says 61000 civilians have been killed since the war began.")
    assert [c[1] for c in claims] == [61000]


def test_a_figure_followed_by_its_own_injury_word_counts_the_injured():
    claims = _tolls("Five people killed 31 others injured in shelling on Homs city.")
    assert [c[1] for c in claims] == [5]
    assert claims[0][2] == 31


def test_a_total_that_includes_fighters_named_after_civilians_is_not_a_civilian_toll():
    assert _tolls("Raids near the village killed at least 19 people including civilians and opposition "
                  "fighters the monitor said.") == []


def test_families_of_fighters_are_not_fighters():
    claims = _tolls("The strike killed 23 people on Friday, the monitor said, most of them families of foreign fighters.")
    assert [c[1] for c in claims] == [23]


def test_bodies_seen_in_footage_are_not_a_toll():
    assert _tolls("A video shared by activists showed a hall lined with more than 40 bodies wrapped in sheets.") == []


def test_a_headline_run_into_the_body_is_the_body_toll():
    text = ("Air raids kill 27 near the capital monitor says AFP Monday 3 Mar 2014 Government air raids on "
            "the rebel-held town of Zabadani killed 27 people on Monday a monitoring group said.")
    assert [c[1] for c in _tolls(text)] == [27]


def test_a_war_toll_worded_with_its_start_or_its_years_is_background():
    for text in ("At least 190000 people have been killed in Libyas long conflict which began in 2011.",
                 "The civil war which began with street protests has killed more than 210000 people.",
                 "Some sources say over 120000 people have been killed in over four years of turmoil."):
        assert _tolls(text) == [], text


def test_a_duration_before_the_harm_word_is_not_a_toll():
    assert _tolls("Rocket fire in the city in the past 72 hours killed 9 people and injured 30.") == [("incident", 9, 30)]


def test_a_part_among_the_numbered_dead_is_a_detail_of_that_toll():
    claims = _tolls("Shelling killed 31 people in the market town on Friday. A medic said that among the 31 "
                    "killed was a family of seven including four children.")
    assert [c[1] for c in claims] == [31]


def test_terrorist_before_an_attack_noun_names_the_attackers_not_the_dead():
    assert _tolls("A terrorist car bomb attack killed at least 31 and injured 90 others on Monday in the city.") \
        == [("incident", 31, 90)]
    assert _tolls("The army said its strikes killed at least 31 in the hills, most of them terrorists.") == []


def test_a_figure_that_died_is_a_toll_but_not_inside_a_breakdown():
    assert [c[1] for c in _tolls("Shells hit the school on Monday. At least six died including two children.")] == [6]
    assert [c[1] for c in _tolls("Of the 40 dead, 35 were in the shelter and five died in the street, the report said.")
            if c[1] == 5] == []


def test_a_video_title_run_into_the_page_is_another_story():
    # "<headline> - YouTube" is a linked video's title; the article resumes after it.
    text = ("Shelling on the old market left residents in shock. Jets strike a town killing 40 people - YouTube "
            "Rescuers said 9 civilians died when the bakery was hit on Monday.")
    assert [c[1] for c in _tolls(text)] == [9]


def test_a_related_news_list_is_not_read():
    text = ("Rockets killed 7 civilians in Daraa on Sunday the monitor said. Source Agencies Related News "
            "Floods in the north | Car bomb kills 22 near the border | Talks resume in Geneva")
    assert [c[1] for c in _tolls(text)] == [7]


def test_a_party_name_ends_where_the_name_ends():
    def who(text):
        return [c.asserted_by for c in extract(text) if c.type in ("incident", "tally")]
    # commas lost: the appositive and the clause after the name are not part of it
    assert who("According to Beacon Watch a Danish monitoring group there were 910 civilian deaths "
               "from air raids in 2016.") == ["Beacon Watch"]
    assert who("According to the Centre for Conflict Studies the long war has caused more than 300000 "
               "civilian deaths.") == ["Centre for Conflict Studies"]
    # a sentence opening with "A" has no speaker "A"; the agency at its end speaks
    assert who("A reported blast on a bus in Homs killed at least four people Reuters reports.") == ["Reuters"]


def test_a_monitors_head_speaks_for_the_monitor_and_a_restatement_is_one_claim():
    text = ("Coalition jets killed at least 14 civilians in Tabqa on Sunday the Syrian Observatory for Human "
            "Rights said. Warplanes hit a bakery on the edge of town killing at least 14 civilians observatory "
            "chief Jamal Haddad said.")
    claims = [c for c in extract(text) if c.type == "incident"]
    assert [(c.count_min, c.asserted_by) for c in claims] == [(14, "Syrian Observatory for Human Rights (SOHR)")]


def test_two_sources_with_the_same_figure_stay_two_claims():
    text = ("Shelling killed 5 civilians in Jableh on Friday the Syrian Observatory for Human Rights said. "
            "State news agency SANA said shelling killed 5 civilians in Jableh on Friday.")
    assert sorted(c.asserted_by for c in extract(text) if c.type == "incident") == [
        "SANA", "Syrian Observatory for Human Rights (SOHR)"]


def test_a_monitor_left_unnamed_is_the_monitor_the_story_names():
    text = ("Air raids killed 20 civilians since Sunday in two towns of Deir al-Zor province a war monitor said. "
            "The Syrian Observatory for Human Rights said jets also hit a bridge.")
    assert [(c.count_min, c.asserted_by) for c in extract(text) if c.type in ("incident", "tally")] == [
        (20, "Syrian Observatory for Human Rights (SOHR)")]
    # a rescue service is not "a monitor"
    text = ("Rockets killed 9 civilians in Idlib on Monday a Britain-based monitor said. The White Helmets "
            "said rescuers were still digging.")
    assert [c.asserted_by for c in extract(text) if c.type == "incident"] == ["Britain-based monitor"]


def _one(text, published=None):
    found = [c for c in extract(text, published) if c.type == "incident"]
    assert len(found) == 1, found
    return found[0]


def test_a_headline_run_into_the_lead_does_not_lengthen_the_place():
    c = _one("Jets kill at least nine civilians in Binnish Nine Syrian civilians died on Sunday in raids on the town.")
    assert c.place_text == "Binnish"


def test_a_countrys_possessive_is_the_country_not_the_place():
    assert _one("Shelling killed six civilians in Syrias northern Aleppo province.").place_text == "northern Aleppo province"
    c = _one("A rocket fired in Syria's Tartus killed four civilians.")
    assert c.place_text != "Syria's" and c.country == "SY"


def test_weekdays_count_back_from_the_storys_own_dateline():
    import datetime as dt
    # collected a fortnight later: "on Tuesday" is the Tuesday before the dateline, 3 May 2016
    c = _one("4 May 2016 Barrel bombs killed eleven civilians in Anadan on Tuesday the rescuers said.",
             dt.date(2016, 5, 18))
    assert c.event_date == dt.date(2016, 5, 3)


def test_wire_style_weekday_after_the_harm_word():
    import datetime as dt
    c = _one("Eight civilians were killed Friday in air raids on Saraqeb.", dt.date(2016, 2, 14))
    assert c.event_date == dt.date(2016, 2, 12)


def test_a_headline_total_whose_breakdown_names_civilians_elsewhere_is_not_a_civilian_toll():
    text = ("Raids kill 30 in Tabqa Jets struck the town on Monday killing at least 30 people. "
            "At least 30 people including 21 civilians died in the raids on Tabqa the monitor said.")
    assert [c[1] for c in _tolls(text)] == [21]


def test_police_among_the_dead_make_a_total_of_people_no_civilian_toll():
    assert _tolls("A car bomb outside the courthouse killed 12 people including four policemen.") == []
    text = "Twelve people died in a blast in the old city. The 12 people killed included four policemen."
    assert _tolls(text) == []


def test_a_total_whose_civilian_share_is_left_open_is_not_a_civilian_toll():
    text = ("Shelling of the town killed at least 26 people including two nurses the monitor said. "
            "It was not yet clear how many of the others were civilians.")
    assert [c[1] for c in _tolls(text)] == [2]
    text = ("The toll from raids on the village rose to 18 people the monitor's director said. "
            "He said seven of those killed were civilians.")
    assert [c[1] for c in _tolls(text)] == [7]


def test_a_total_all_of_whom_were_civilians_stays():
    assert [c[1] for c in _tolls("The drone strike killed 17 people, all of them civilians, elders said.")] == [17]
    assert [c[1] for c in _tolls("A strike on the mosque killed up to 9 people. Witnesses said all of the dead "
                                 "were civilians.")] == [9]


def test_dead_on_both_sides_is_no_civilian_toll():
    assert _tolls("Clashes on the front line left 40 dead on both sides the monitor said.") == []


def test_war_totals_however_worded_are_background():
    for text in ("More than 250000 people have been killed since Syrias war started in 2011.",
                 "The war has since killed more than 300000 people.",
                 "The five-year conflict has caused more than 400000 deaths.",
                 "The civil war now in its sixth year has killed at least 350000 people.",
                 "Over 200000 people have died in Syria since the countrys conflict began in 2011."):
        assert _tolls(text) == [], text


def test_a_war_that_would_have_killed_civilians_is_an_estimate_not_background():
    assert [c[1] for c in _tolls("The reporters estimated that the air war would have killed more than "
                                 "8,000 civilians by then.")] == [8000]


def test_civilian_deaths_count_civilians():
    claims = [c for c in extract("The monitor has documented at least 1,300 civilian deaths since 2015.")
              if c.type == "tally"]
    assert [(c.count_min, c.victims) for c in claims] == [(1300, "civilians")]


def test_killed_and_injured_together_is_one_figure_for_both():
    claims = [c for c in extract("14 Killed and Injured in Rocket Attack on Aleppo Neighbourhood.")
              if c.type in ("incident", "tally")]
    assert [c.counted for c in claims] == ["killed or injured"]


def _tallies(text):
    return [(c.count_min, c.asserted_by) for c in extract(text) if c.type == "tally"]


def test_an_unattributed_total_is_the_monitors_the_sentence_before_quotes():
    text = ("Shelling hit the market in Saraqeb on Sunday. According to the Syrian Observatory for Human Rights "
            "the province has been pounded for a week. Since Monday the bombing has killed 52 civilians in the "
            "province.")
    assert _tallies(text) == [(52, "Syrian Observatory for Human Rights (SOHR)")]


def test_a_total_whose_own_sentence_names_an_organisation_is_not_carried_over():
    text = ("The Syrian Observatory for Human Rights has counted the dead since 2011. The government, for its "
            "part, released a single figure in 2016 covering all its operations: between 64 and 116 civilians "
            "killed since 2009.")
    assert [n for n, _ in _tallies(text)] == [64]
    assert all(who != "Syrian Observatory for Human Rights (SOHR)" for _, who in _tallies(text))


def test_a_headline_figure_the_body_gives_as_fighters_is_not_a_toll():
    text = ("At least 40 killed in clashes south of Idlib\n"
            "At least 40 government and opposition fighters died in two days of clashes south of Idlib, "
            "the monitor said on Sunday.")
    assert _tolls(text) == []


def test_a_fighters_figure_does_not_take_a_civilian_toll_with_it():
    claims = _tolls("Shelling killed 12 civilians in Douma on Friday. Elsewhere 12 rebel fighters died in clashes.")
    assert claims == [("incident", 12, None)]


def test_families_of_fighters_do_not_make_a_fighters_figure():
    claims = _tolls("Troops executed six families of rebel fighters in the village, killing six people on Monday.")
    assert [c[1] for c in claims] == [6]


def test_figures_for_each_place_after_a_toll_are_its_incidents_and_it_is_their_total():
    claims = [(c.type, c.count_min, c.place_text) for c in extract(
        "The monitor said 19 civilians had been killed in raids on Sunday, 12 in the old quarter of Darayya "
        "and another seven in Moadamiyeh.") if c.count_min is not None]
    assert claims == [("tally", 19, claims[0][2]), ("incident", 12, "Darayya"), ("incident", 7, "Moadamiyeh")]


def test_a_toll_for_a_further_place_beside_a_placed_toll_is_a_toll_of_its_own():
    claims = [(c.type, c.count_min) for c in extract(
        "Shelling killed 8 civilians in Douma on Monday and 3 in Harasta, the monitor said.")]
    assert claims == [("incident", 8), ("incident", 3)]


def test_a_place_figure_after_a_different_harm_is_not_a_toll():
    claims = [(c.type, c.count_min, c.injured_min) for c in extract(
        "Rockets killed two civilians in the town of Kostiantynivka and wounded one more in Druzhkivka.")]
    assert [c[1] for c in claims] == [2]


def test_strikes_that_began_one_day_and_went_on_the_next_give_a_tally():
    claims = _tolls("Air raids which began Friday and continued Saturday killed 31 civilians in and around "
                    "Maarat al-Numan, the monitor said.")
    assert [(c[0], c[1]) for c in claims] == [("tally", 31)]


def test_a_war_toll_across_the_war_battered_country_is_background():
    assert _tolls("Since then more than a quarter of a million people have been killed across the war-battered "
                  "country, the UN says.") == []
    assert _tolls("A research centre put the death toll from the seven-year conflict at more than 500000 people.") == []


def test_a_previous_toll_the_report_updates_is_not_a_claim():
    claims = _tolls("Ninety people were killed in the blast, the monitor said, updating a previous toll of 61 dead.")
    assert [c[1] for c in claims] == [90]


def test_the_wounded_of_a_replaced_toll_go_with_it_but_later_wounded_stay():
    assert _tolls("The previous death toll was 20 with 50 others injured.") == []
    claims = _tolls("An air strike hit a school bus in the market on Thursday. The ministry, which had initially "
                    "put the toll at 30, said 64 people were wounded, including 40 children.")
    assert [c[2] for c in claims] == [64]


def test_a_days_toll_spread_over_a_city_and_its_surroundings_is_a_tally():
    for text in ("Government jets and artillery killed 27 civilians on Tuesday in Homs city and the surrounding "
                 "countryside, the monitor said.",
                 "At least 19 civilians died on Sunday in raids in and around besieged western Daraa, rescuers said.",
                 "Twelve civilians were killed on Monday in shelling across the rebel-held north of Hama, the monitor "
                 "said.",
                 "Rocket fire on the city of Latakia and its surrounding villages killed 9 civilians on Friday."):
        assert [c[0] for c in _tolls(text)] == ["tally"], text


def test_raids_in_and_around_one_town_are_one_incident():
    claims = _tolls("Air strikes in and around a town in southern Idlib killed 14 civilians on Wednesday, the "
                    "monitor said.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 14)]


def test_the_next_sentence_restating_a_toll_with_the_place_named_otherwise_is_the_same_incident():
    lead = ("Shelling went on through the week in the divided city, residents said. " * 5)
    claims = _tolls(lead + "Two people including a child were killed when rocket shells hit the besieged town of "
                    "Kafraya 8 km north of Idlib city. Local sources in Kafraya told the agency by phone that the "
                    "shells fell on houses, killing two people and damaging property.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 2)]


def test_the_same_toll_on_other_days_is_another_incident():
    claims = _tolls("- On 3 March 2021, a drone strike on a farm near Marka killed one civilian.\n"
                    "- On 19 May 2021, a strike on a car outside Jamaame killed one civilian.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 1), ("incident", 1)]


def test_a_month_holds_the_day_it_is_told_with():
    lead = ("The group has documented strikes in the south of the country for several years. " * 4)
    claims = _tolls(lead + "A strike in June 2020 killed three civilians, the rights group said in its report. A "
                    "review found that the strike near Bulo Fulay on 11 June 2020 had killed three civilians, the "
                    "rights group said.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 3)]


def test_a_second_toll_that_goes_on_with_and_another_shares_the_first_ones_verb():
    claims = _tolls("Air raids on Sunday evening killed 12 people including three children near the village of "
                    "Kafr Nabl and another nine people among them two women in the town of Hass, the monitor said.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 12), ("incident", 9)]


def test_people_killed_at_an_armed_target_are_not_a_civilian_toll():
    assert _tolls("On Tuesday two suicide bombers killed at least six people near a police station in the "
                  "capital, the interior ministry said.") == []
    assert _tolls("A car bomb at an army checkpoint on the edge of the city killed 11 people on Friday.") == []
    # civilians named as such stay civilians, wherever they died
    claims = _tolls("Four civilians were killed when a shell fell near an army checkpoint outside the town.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 4)]


def test_a_base_named_in_another_clause_is_not_where_the_people_died():
    claims = _tolls("A gas attack on the town of Kafr Zita killed 30 people on Monday, prompting a missile strike "
                    "on a government air base two days later.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 30)]


def test_a_toll_at_an_armed_target_restated_later_goes_too_but_another_attack_stays():
    claims = _tolls("A missile strike on a military airfield near the city killed five people on Friday, the "
                    "governor said. Residents described a night of explosions. \"Five people were killed in the "
                    "attack,\" the governor told a television channel. Separately, mortar fire killed five people "
                    "in the Bab Touma market of the old city.")
    assert [(c[0], c[1]) for c in claims] == [("incident", 5)]
    text = ("A missile strike on a military airfield near the city killed five people on Friday, the governor "
            "said. Separately, mortar fire killed five people in the Bab Touma market of the old city.")
    kept = [c for c in extract(text) if c.type == "incident"]
    assert [c.quote for c in kept] == [text[text.index("Separately"):]]


def test_one_person_and_one_relative_are_two_dead():
    for text in ("A man and his wife were killed when a rocket shell hit their house in the old quarter.",
                 "Shelling on the district claimed the lives of a woman and her baby on Monday.",
                 "A source said a man and his young daughter were killed by shells fired on the neighbourhood."):
        assert [(c[0], c[1]) for c in _tolls(text)] == [("incident", 2)], text
    # a relative's friend is not the relative
    assert [c[1] for c in _tolls("A man and his son's friend were killed by a stray shell.")] == [1]


def test_a_bare_small_toll_after_an_event_is_that_kind_of_claim_too():
    # the monitor's later figure, with no date, place or attack word of its own and too far from the
    # account of the crash to borrow it, follows the event
    text = ("A warplane came down over a busy market in the town of Ariha on Monday during a bombing run, "
            "killing at least 20 people, activists said. The town had been held by rebel factions since May. "
            "Government forces have lost ground in the province all year. Witnesses said the jet hit a row of "
            "shops. Footage showed homes reduced to rubble along a narrow street. It was not clear whether the "
            "jet had been shot down. Rebels have claimed to down aircraft before. Hospitals in the area are "
            "short of supplies. Several families were still searching for relatives at nightfall. Hours later "
            "the monitor said 31 people had died and more than 50 were hurt.")
    assert [(c[0], c[1]) for c in _tolls(text)] == [("incident", 20), ("incident", 31)]
    # in a report that has been giving totals, the same bare wording is another total
    claims = _tolls("The ministry's annual report said its operations killed 132 civilians in 2019. In Somalia, "
                    "the report said, 12 civilians were killed and three were injured.")
    assert [(c[0], c[1]) for c in claims] == [("tally", 132), ("tally", 12)]


def test_the_hours_since_dawn_are_one_day_not_a_period():
    for when in ("since dawn", "since early morning", "since this morning"):
        text = f"Rescuers said 14 people died in intense shelling on several neighbourhoods of the old city {when}."
        assert [(c[0], c[1]) for c in _tolls(text)] == [("incident", 14)], when
    assert [c[0] for c in _tolls("Rescuers said 140 people have died in the shelling of the old city since "
                                 "March.")] == ["tally"]


def _by(text):
    return [(c.count_min, c.asserted_by) for c in extract(text) if c.type in ("incident", "tally")]


def test_a_monitor_in_the_lead_is_the_monitor_the_report_names_later():
    # the agency in the byline is the last organisation before "a monitor said", but no monitor
    text = ("Shelling kills 14 in the old city AFP Monday 3 Oct 2016 Shelling on the old quarter of the city "
            "killed at least 14 civilians on Sunday, a monitor said. Rescuers dug through the rubble of two "
            "houses. The Syrian Observatory for Human Rights said nine of the dead were in one street.")
    assert _by(text)[0] == (14, "Syrian Observatory for Human Rights (SOHR)")
    text = ("Barrel bombs killed 12 civilians in the town on Monday, the UK-based group said. The Syrian "
            "Observatory for Human Rights has tracked the war since 2011.")
    assert _by(text)[0] == (12, "Syrian Observatory for Human Rights (SOHR)")


def test_a_speaker_before_a_relative_clause_without_commas():
    text = ("Rebels shelled the district on Tuesday. The Britain-based Observatory which tracks the conflict "
            "said 23 civilians were killed in the raids.")
    assert [by for _, by in _by(text)] == ["Britain-based Observatory"]
