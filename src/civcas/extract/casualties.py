"""Death tolls: a figure, the people it counts, and the harm it counts them for.

A casualty figure needs three things in one sentence: a number, a noun for people
("civilians", "people", "children", "non-combatants", "a family of five") right after it,
and a word of harm (killed, dead, died, deaths, casualties, wounded).  Militants and
fighters are not in the people nouns, so "killed 30 militants" is no casualty claim; years,
ages, areas, money and aircraft models never sit right before a people noun.

Whether a figure is one event (incident) or an aggregate (tally) is read from the sentence:
a period ("since 2014", "to date", "from November to March") makes a tally; a single event
("an airstrike", "the west Mosul strike", "three separate strikes", a day date) makes an
incident; a small death toll with no sign of an aggregate is an incident when the report has so
far told of events ("The Observatory later said 31 people were killed" after the strike's
account), a tally when it has been giving totals (an annual report's "In Afghanistan, 20
civilians were killed"); anything else is a tally, since unanchored large figures are usually
totals.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .folding import Folded, Quick
from .numbers import FIGURE, FIGURE_AT, Figure, figure_folded, number_hint, parse_figure, to_int

# Written in lower case (the patterns ignore case anyway), so that they can be folded (folding.py).
_ADJ = (r"(?:(?:unarmed|innocent|other|more|local|syrian|iraqi|afghan|yemeni|palestinian|libyan|somali|"
        r"unintentional|non-?combatant|civilian|displaced|kurdish|arab|young|elderly|adult|female|male|"
        r"additional|further|fellow|unidentified)\s+){0,3}")
_VICTIM = (r"(?P<victim>civilians?|people|persons|non-?combatants?|children|kids|women|men|boys|girls|infants|"
           r"babies|minors|residents|villagers|family\s+members|members\s+of\s+(?:[\w-]+\s+){0,3}?famil(?:y|ies)|"
           r"detainees|prisoners|inmates|migrants|mourners|guests|passengers|pupils|schoolchildren|shoppers|pilgrims|"
           r"sons|daughters|brothers|sisters|siblings|journalists|medics|paramedics|rescuers|aid\s+workers|"
           r"labou?rers|herders|traders|drivers|fishermen|teachers|doctors|nurses|"
           r"palestinians|syrians|iraqis|afghans|yemenis|kurds|ukrainians|libyans|somalis|israelis|lebanese|"
           r"(?:civilian|non-?combatant)\s+(?:deaths|casualties|fatalities|lives|victims)|deaths|fatalities|"
           r"casualties|victims|bodies|worshippers|students|patients|refugees|farmers|shepherds|fishermen|"
           r"workers|relatives|citizens|others|dead|killed|injured|wounded)")
_CASUALTY = (rf"(?<![\w$£€#.,\-/]){FIGURE}\s+(?:of\s+(?:whom|them)\s+(?:were\s+)?)?{_ADJ}"
             rf"(?:(?!(?:more|fewer|less|additional|of|and|or|were|was|in|on|at)\b|{_VICTIM.replace('?P<victim>', '?:')}\b)"
             rf"LOWER_WORD\s+)?{_VICTIM}\b")
# The word between the figure and the people noun must start in lower case ("three Syrian
# civilians" is read through _ADJ, not as any word); the folded search, on lower-cased text, takes
# any word there and so finds every place the pattern can match, which the pattern then checks.
CASUALTY_RE = figure_folded(_CASUALTY.replace("LOWER_WORD", r"(?-i:[a-z][\w-]*)"),
                            loose=_CASUALTY.replace("LOWER_WORD", r"[a-z][\w-]*"))
FAMILY_VICTIM = "family"

# "lives" is the noun ("claimed 112 lives"), not the verb ("a teacher who lives there").
DEATH = Folded(r"\b(?:kill\w*|dead|died|die|dying|deaths?|(?<!who\s)(?<!\bhe\s)(?<!she\s)lives|perish\w*|martyr\w*|fatalit\w+|massacred|slain|"
               r"death\s+toll|bodies|lost\s+their\s+lives|executed)\b",
               needs=("kill", "dead", "die", "dying", "death", "lives", "perish", "martyr", "fatalit", "massacred", "slain",
                      "bodies", "executed"))
INJURY = Folded(r"\b(?:injur\w*|wound\w*|hurt|maimed)\b", needs=("injur", "wound", "hurt", "maimed"))
SINGLE_RE = Quick(
    r"(?<![\w\-])(?P<art>[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?:\d+-year-old|young|elderly|elder|old|pregnant|local|"
    r"unidentified|unknown|displaced|civilian|unarmed|teenage|female|male|Syrian|Iraqi|Afghan|Yemeni|Palestinian|Kurdish)\s+){0,2}"
    r"(?P<victim>man|woman|child|boy|girl|person|infant|baby|toddler|teenager|farmer|shepherd|"
    r"resident|villager|student|journalist|medic|paramedic|nurse|teacher|mother|father|grandmother|grandfather|"
    r"brother|sister|son|daughter|husband|wife|citizen|worker|couple|"
    # "individual" is also an adjective ("an individual strike"): a noun only before a verb or a preposition.
    r"individual(?=\s*(?:[,.;:]|was\b|is\b|has\b|had\b|who\b|died\b|killed\b|lost\b|in\b|on\b|at\b|near\b|"
    r"from\b|and\b|&|$))|"
    # "civilian" is also an adjective ("a civilian car"): only a noun when a verb or a preposition follows.
    r"civilian(?=\s*(?:[,.;:]|was\b|is\b|were\b|has\b|had\b|died\b|killed\b|who\b|in\b|on\b|at\b|near\b|from\b|"
    r"during\b|when\b|after\b|while\b|as\b|by\b|and\b|due\b|following\b|dead\b(?!\s+bod)|lost\b|martyred\b|&|$)))\b")
# Headlines name one victim without an article: "Girl killed in regime shelling", "Boy killed, man
# injured by a war remnant".  Only at the start of a sentence or of a headline segment, and only
# for nouns that name a civilian (never "Fighter killed" or "ISIS leader killed").
HEADLINE_SINGLE = Quick(
    r"[\s\-–—•*]*(?:(?:Young|Elderly|Displaced|Pregnant|Teenage|Civilian|Syrian|Iraqi|Kurdish)\s+)?"
    r"(?P<victim>Man|Woman|Child|Boy|Girl|Infant|Baby|Toddler|Teenager|Farmer|Shepherd|Civilian|Student|"
    r"Teacher|Journalist|Nurse|Doctor|Paramedic|Mother|Father|Citizen)\s+(?:was\s+)?"
    r"(?P<harm>killed|shot\s+dead|dies|died|injured|wounded|martyred|lost\s+(?:his|her)\s+life)\b")
_HEADLINE_STARTS = re.compile(r"[|\n:]")
_TOLL_TO = figure_folded(rf"\b(?:(?:death\s+)?toll\s+(?:[\w'’,-]+\s+){{0,14}}?(?:(?:has\s+)?(?:rose|risen|climbed|increased|"
                      rf"reached|jumped|stands|stood|is|was|hit)\s+)(?:to\s+|at\s+|of\s+|closer\s+to\s+|near\s+)?|"
                      rf"(?:death\s+)?toll\s+(?:[\w'’,-]+\s+){{0,14}}?(?:to|at|of|closer\s+to|near)|"
                      rf"(?:number|count)\s+of\s+(?:[\w-]+\s+){{0,3}}?(?:killed|dead|deaths)\s+(?:at|(?:[\w-]+\s+){{0,5}}?(?:(?:has|had)\s+)?"
                      rf"(?:rose|risen|climbed|increased|reached|jumped|stands|stood)(?:\s+(?:to|at))?)|"
                      rf"[’']s\s+(?:own\s+|official\s+)?(?:count|tally|figure|estimate)\s+(?:of|was|is|stood\s+at|stands\s+at)|"
                      rf"(?:conceded|acknowledged|admitted)\s+(?:just|only)|"
                      rf"(?P<of_dead>(?=\S+(?:\s+\S+){{0,2}}\s+of\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?:civilian\s+)?(?:dead|killed|victims|deaths)\b)))\s*(?P<f>{FIGURE})(?=\s*(?:[,.;]|$|and\b|"
                      rf"according|on|in|after|as|at\s+the\s+time|with|people|civilians|dead|of\s+the\b|of\s+those|were))")
_BARE_SUBJECT = figure_folded(rf"(?<![\w$£€#.\-/])(?P<f>{FIGURE})\s+(?:others\s+|more\s+|people\s+)?(?:were|was|had\s+been|"
                              rf"have\s+been)\s+(?:also\s+)?(?:being\s+treated\s+for\s+(?:their\s+)?)?(?P<v>injured|wounded|"
                              rf"wounds|killed|hurt)\b")
_BARE_AFTER_VERB = (rf"(?P<v>killed|killing|kills|wounded|wounding|injured|injuring)\s+(?P<f>{FIGURE})"
                    rf"(?=\s*(?:[,.;]|$|and\b|according|on\b|in\b|when\b|after\b|as\b|while\b|others\b|more\b|"
                    rf"including\b|among\b))")
# "At least eight died including two children": a figure as the subject of "died", no noun.
_OF_THE_DEAD = re.compile(r"\bof\s+the\s+\d[\d,]*\s+(?:dead|killed|victims|people\s+killed)\b")
_BARE_DIED = figure_folded(rf"(?<![\w$£€#.\-/])(?P<f>{FIGURE})\s+(?:others\s+|more\s+)?(?P<v>died)\b", needs=("died",))
# Searched for without its leading \b first: a pattern that starts with plain letters lets `re`
# skip straight to the next k, w or i.
_BARE_AFTER_VERB = figure_folded(rf"\b{_BARE_AFTER_VERB}", loose=_BARE_AFTER_VERB, needs=("kill", "wound", "injur"))
# Figures with no people noun that other words make tolls: "more than the 531 attributed to the
# Taliban", "the UN counted 2,251, of whom ...", "1,045 casualties, of which 700 were deaths".
_BARE_OTHER = (
    re.compile(rf"\bthe\s+(?P<f>{FIGURE})\s+(?:(?:deaths?|killings?)\s+)?(?:attributed|blamed)\s+(?:to|on)\b", re.I),
    re.compile(rf"\b(?:counted|recorded|documented|verified)\s+(?P<f>{FIGURE})(?=\s*,\s*(?:of\s+whom|including|"
               rf"among\s+them))", re.I),
    re.compile(rf"\bof\s+(?:which|whom|them|these)\s+(?P<f>{FIGURE})\s+(?:were|was)\s+(?P<v>deaths|killed|dead|"
               rf"fatalities)\b", re.I),
    # "an attack that claimed 112 lives", "the bombing cost at least 30 lives"
    re.compile(rf"\b(?:claimed|claiming|claims|claim|cost|costing)\s+(?:the\s+)?(?P<f>{FIGURE})\s+(?:more\s+)?lives\b", re.I),
    # the rest of a breakdown after "attributed 98 deaths to Russian forces": ", 33 to the SDF and
    # 27 to the Islamic State group" (only after such a verb: see _ELIDED_AFTER)
    re.compile(rf"(?:,|\band)\s+(?P<f>{FIGURE})\s+(?:to|on)\s+(?:the\s+)?(?-i:[A-Z])", re.I))
_ELIDED = _BARE_OTHER[-1]
_ELIDED_AFTER = re.compile(r"\b(?:attributed|blamed)\s+(?:\S+\s+){1,3}?(?:deaths|killings|civilians|(?:civilian\s+)?"
                           r"casualties)\s+(?:to|on)\b[^.;]*$", re.I)
_BARE_OTHER_WORDS = ("attributed", "blamed", " lives", "counted ", "recorded ", "documented ", "verified ", "of which", "of whom",
                     "of them", "of these")
_TOLL_AT_BEFORE = re.compile(r"\b(?:put|puts|putting|placed|places|set|sets)\s+(?:the|its|their|his|her)\s+(?:\w+\s+){0,2}?"
                             r"(?:figure|toll|number|count|tally|total|estimate)\s+at\s+$", re.I)
_BELIEF = Folded(r"\b(?:believe|believes|think|thinks|argue|argues|say|says|said|suggest|suggests|claim|claims|"
                 r"fear|fears|warn|warns|told)\s+(?:that\s+)?(?:some|the|many|more|it|they|he|she|this|these|those)\b",
                 needs=("believe", "think", "argue", "say", "said", "suggest", "claim", "fear", "warn", "told"))
# "the two journalists", "the other two dead", "the remaining nine": people already counted.
_ANAPHORIC = re.compile(r"\b[Tt]he\s+(?:other\s+|remaining\s+)?$")
_PARTICIPLE = Folded(r",\s+(?:killing|wounding|injuring|leaving)\b", needs=("killing", "wounding", "injuring", "leaving"))
_LABEL_TOLL = figure_folded(rf"[-•*\s]*(?P<label>[^:\n]{{0,100}}?\b(?:deaths|killed|dead|fatalities|casualties|injured|wounded)"
                         rf"\b[^:\n]{{0,60}}?)\s*:\s*(?P<f>{FIGURE})\s*\.?\s*$")
_NONE_RE = Folded(r"\bno\s+(?:other\s+)?(?P<victim>civilians?|people|one|non-?combatants)\s+(?:were|was|had\s+been|"
                      r"have\s+been)\s+(?:killed|harmed|hurt|injured|wounded)\b")
_WERE_AMONG = Folded(r"\s+(?:were|was)\s+(?:also\s+)?among\s+(?:the\s+)?$")
# "a man and his wife": one relative named after the first person, without a number.
_AND_ONE_KIN = re.compile(r"\s+and\s+(?:his|her)\s+(?:(?:young|little|baby|infant|elderly|old|pregnant|\d+-year-old)\s+)?"
                          r"(?P<kin>wife|husband|son|daughter|mother|father|brother|sister|child|baby|grandson|"
                          r"granddaughter|nephew|niece)\b(?!\s*(?:'s|’s))", re.I)
_POSSESSIVE_AND = re.compile(r"^[\s,]*and\s+(?:his|her|their)\s+$", re.I)
# ("terrorist" before an attack noun, "a terrorist car bomb attack killed 44", names the attackers.)
_COMBATANTS = Folded(r"\b(?:militants?|fighters?|soldiers?|terrorists?(?!\s+(?:attacks?|car|bomb\w*|rockets?|shells?|"
                     r"mortars?|groups?|organi[sz]ations?|explosions?|blasts?|fire)\b)|jihadists?|troops|rebels?|"
                     r"insurgents?|gunmen|combatants|servicemen|policemen|guards|members\s+of\s+the)\b")
_CIVILIAN_WORDS = Folded(r"\b(?:civilians?|non-?combatants?|children|women|residents|villagers|families|people)\b")
_OF_THEM = re.compile(r"\bof\s+(?:them|whom)\b", re.I)
# People who speak are sources, not victims: "two aid workers told reporters", "three residents said".
_SPEAKS_AFTER = re.compile(r"\s+(?:also\s+)?(?:told|said|says|say|recalled|described|reported|interviewed)\b", re.I)
# People taken to or received by a hospital are the wounded (the dead are "bodies" there):
# "more than 30 people had been taken to hospitals", "staff had received 37 casualties".
_TO_HOSPITAL = re.compile(r"\s+(?:had\s+been|have\s+been|were|was)\s+(?:\w+\s+)?(?:taken|brought|rushed|admitted|"
                          r"evacuated|transferred)\s+to\s+(?:\w+\s+){0,2}?(?:hospitals?|clinics?)\b", re.I)
_HOSPITAL_TOOK_IN = re.compile(r"\b(?:received|treated|admitted|took\s+in|treating|receiving)\s+$", re.I)
_AND_BEFORE = re.compile(r"\s*(?:,\s*)?and\s+", re.I)
# "Of the 105 dead, 101 were inside": a figure after "of the"/"among the" names a toll already given.
# Only at the head of a sentence: "4,800 of the 8,000 civilian deaths it recorded" gives a new total.
_BACK_REFERENCE = re.compile(r"\s*(?:[Oo]f|[Aa]mong)\s+(?:the|those)\s+")
# A list that spells out who a total was, set off by a comma or a dash: "five members of one
# family, a man, his wife and their three children"; "a family of five - a father, mother and".
_APPOSITION = re.compile(r"\s*[,(\u2013\u2014-]\s*(?:an?\s+|the\s+|one\s+)?[a-z][\w\s,'-]{0,40}?\band\s+"
                         r"(?:(?:his|her|their|its)\s+)?", re.I)
_TOLL_TO_WORDS = ("toll", "count of", "number of", "of the dead", "of those", "of the victims", "conceded", "acknowledged",
                  "admitted", "tally", "figure", "estimate")
# Necessary parts of each alternative of _TOLL_TO, for a sentence in ASCII (where the pattern, which
# ignores case, matches exactly what it would match in the lower-cased sentence).  The pattern is
# slow where it cannot match: its "of the dead" look-ahead is tried at every word.
# "Seven of the dead were children", "nearly 150 of the dead were women": who part of a toll told
# before was, a detail of that toll and not a toll of its own.
_OF_DEAD_WHO = re.compile(r"\s+of\s+(?:the|those)\s+(?:dead|killed|victims)\s+(?:were|was)\s+(?:also\s+)?"
                          r"(?:children|women|men|boys|girls|minors|infants|babies|a\s+child)\b", re.I)
_OF_THE_DEAD = re.compile(r"of\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?:civilian\s+)?(?:dead|killed|victims|deaths)\b")


def _toll_to_possible(low: str) -> bool:
    """False only where _TOLL_TO cannot match in the lower-cased ASCII sentence `low`."""
    return ("toll" in low                                                          # "(death) toll ... to/at/of"
            or (("number" in low or "count" in low) and "of" in low)                # "number/count of ... killed at"
            or ("'s" in low and ("count" in low or "tally" in low or "figure" in low or "estimate" in low))
            or (("conceded" in low or "acknowledged" in low or "admitted" in low) and ("just" in low or "only" in low))
            or _OF_THE_DEAD.search(low) is not None)                               # "33 of the dead"


_VAGUE_WORDS = ("dozens", "hundreds", "thousands", "number of", "family", "million")
_SINGLE_WORDS = ("couple", "grand", "brother", "sister", "son", "daughter", "husband", "wife", "man", "woman", "child", "boy", "girl", "person", "infant", "baby", "toddler", "teenager", "farmer",
                 "shepherd", "resident", "villager", "student", "journalist", "medic", "nurse", "teacher", "mother",
                 "father", "civilian", "citizen", "individual", "worker")
_SINGLE_SET = frozenset(_SINGLE_WORDS) | {"grandmother", "grandfather", "paramedic"}
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in ",.;:!?\"'()[]“”‘’-"})
_SINGLE_HARM_AFTER = re.compile(
    r"^[^.;]{0,25}?\b(?:was|were|has\s+been|had\s+been|got)?\s*(?:killed|shot\s+dead|died|dead|injured|wounded|"
    r"martyred|slain|lost\s+(?:his|her)\s+life)\b", re.I)
# One person named at the head of a sentence and described at length before the verb: "A displaced
# woman from a village in the south, Salma Haddad, was killed as ...", "A civilian worker at the
# airport was martyred".  Only the sentence's own first verb, with no clause in between.
_SINGLE_HEAD_BEFORE = re.compile(r"[-\u2013\u2014:|]\s*$")
_SINGLE_LONG_SUBJECT = re.compile(
    r"(?:(?!\b(?:who|whom|which|that|whose|and|but|while|when|after|is|are|was|were|has|have|had|said|says)\b)"
    r"[^.;:!?\"\u201c\u201d()]){0,160}?\b(?:was|has\s+been|had\s+been)\s+(?:killed|martyred|shot\s+dead)\b", re.I)
# "a drone targeted a man on a motorcycle ..., killing him": the person targeted is the one killed.
_KILLING_PRONOUN = re.compile(r"[^.;]{0,120}?,\s+(?:killing|and\s+killed)\s+(?:him|her)\b(?!\s+and\b)", re.I)
# "killed 15 civilians and security personnel": one figure for civilians and others together.
_AND_OTHERS_AFTER = re.compile(r"\s+and\s+(?:(?:security|military|police|army|government)\s+(?:personnel|forces|members|"
                               r"officers|staff)|soldiers|fighters|militants|combatants|policemen|troops)\b", re.I)
_SPACES = re.compile(r"\s+")
_CLAUSE_END = re.compile(r"[;]|,\s+(?:but|while|whereas|and\s+(?:the|a|an))\b|\.\s")
_OR = re.compile(r"\b(?:or|and/or)\b")
_CIVILIAN_BEFORE = re.compile(r"\b(?:civilian|non-?combatant)\s+$", re.I)
_JOINT = re.compile(r"\s*(?:and|&)\s*")
_JOINT_INJURY = re.compile(r"\s*(?:and|&)\s*(?:injured|wounded)\b", re.I)
# A figure whose own participle follows it at once: headlines and captions that pair two figures
# without a comma ("Eight killed 58 others injured in rocket attacks", "A child killed 7 people
# injured"), as scraped or punctuation-stripped copy often does.  The harm verb before such a figure
# belongs to the figure before it.
_INJURED_RIGHT_AFTER = re.compile(r"\s*(?:(?:others?|more|people|persons|civilians|citizens)\s+)?(?:were\s+|are\s+|got\s+)?"
                                  r"(?:injured|wounded|hurt)\b", re.I)
_HAS_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen)", re.I)
_MORE = re.compile(r"\s*(?:more|fewer|less|additional)\b", re.I)
_FAMILY_OF = re.compile(r"family\s+of", re.I)
# "a town of 35,000 people", "a population of 1.5 million", "home to some 20,000 residents": a
# population, never a toll.  (The cheap look is for the head words anywhere in the sentence.)
_POPULATION_BEFORE = re.compile(r"\b(?:(?:town|city|village|district|camp|province|country|community|neighbou?rhood|"
                                r"area|region|population)\s+of|home\s+to)\s+(?:(?:about|some|nearly|almost|around|"
                                r"roughly|approximately|more\s+than|over|an\s+estimated|at\s+least|just\s+over)\s+)?$",
                                re.I)
# "has killed tens of thousands and displaced more than 2 million people": the displaced, not the dead.
_DISPLACED_BEFORE = re.compile(r"\b(?:displaced|displacing|displaces|uprooted|uprooting|evacuated|evacuating|"
                               r"sheltering|shelters|housed|housing|hosting|hosts)\s+(?:(?:about|some|nearly|almost|"
                               r"around|roughly|approximately|more\s+than|over|an\s+estimated|at\s+least|up\s+to)\s+)?$",
                               re.I)
_POPULATION_WORDS = ("town of", "city of", "village of", "district of", "camp of", "province of", "country of",
                     "community of", "neighbourhood of", "neighborhood of", "area of", "region of", "population of",
                     "home to")
_FAMILY = re.compile(r"\ban?\s+(?:entire\s+|whole\s+)?family\s+of\s+(?P<n>\w+)\b", re.I)
# A span of time right after a figure: "attacks in the past 48 hours killed 10 people".
_DURATION = re.compile(r"\s+(?:hours?|days?|weeks?|months?|years?|minutes?)\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+(?:\d{1,2},?\s+)?$")
_HARM_JUST_BEFORE = Folded(
    r"\b(?P<w>(?:kill(?:ed|ing)|dead)\s+or\s+(?:injur(?:ed|ing)|wound(?:ed|ing)|maim(?:ed|ing))|kill(?:ed|ing|s)?|injur(?:ed|ing)|wound(?:ed|ing)|(?:death|killing)\s+and\s+injur(?:y|ies)\s+of|deaths?\s+of|killings?\s+of|injur(?:y|ies)\s+of|lives\s+of|martyrdom\s+of|claim(?:ed|ing)\s+the\s+lives\s+of|"
    r"(?:those|the\s+people|the\s+civilians)\s+killed\s+(?:were|was|are|included)|the\s+dead\s+(?:were|included))"
    r"\s+(?:(?:at\s+least|more\s+than|over|up\s+to|about|around|nearly|some|an\s+estimated|"
    r"between|another|a\s+further)\s+)?$", needs=("kill", "injur", "wound", "death", "lives", "dead", "martyr"))
CASUALTY_WORD = Folded(r"\bcasualt\w+\b", needs=("casualt",))

_SUB_VICTIM = {"child": "children", "boy": "children", "girl": "children", "infant": "children",
               "baby": "children", "toddler": "children", "woman": "women", "man": "men", "mother": "women",
               "father": "men", "children": "children", "kids": "children", "boys": "children", "girls": "children",
               "infants": "children", "babies": "children", "minors": "children",
               "women": "women", "men": "men", "couple": "other", "schoolchildren": "children", "pupils": "children"}
_INCLUDING = re.compile(r"(?:includ\w*(?:\s+(?:women|children|men|boys|girls)\s+and)?|among\s+(?:them|whom|those|the\s+(?:dead|victims|killed))(?:\s+(?:were|was))?|"
                        r"of\s+whom|mostly|mainly|most\s+of\s+them|\(|as\s+well\s+as)[\s:]*$", re.I)
# "a family of four members, father, mother and two girls": the family's members listed after it
_FAMILY_PARTS = re.compile(r"\s*(?:members|people|persons|individuals)?\s*[,(:\u2013\u2014-]\s*(?:(?:the\s+|their\s+|an?\s+|"
                           r"his\s+|her\s+)?(?:father|mother|parents|husband|wife|grand(?:mother|father|parents)|man|"
                           r"woman|couple)\s*(?:,|\band\b)\s*)*(?:their\s+|his\s+|her\s+)?", re.I)
_AND_ONLY = re.compile(r"[\s,;]*(?:and|plus|&)?\s*(?:(?:her|his|their|its)\s+)?", re.I)
_AMONG_DEAD = Folded(r"\b(?:among|of)\s+(?:the|those)\s+(?:dead|killed|victims)\b|\b(?:they|the\s+victims|"
                     r"the\s+dead|who\s+(?:it|they)\s+said)\s+(?:included|include|were)\b",
                     needs=("dead", "killed", "victims", "include", "were"))
_NOT_TOLL_RIGHT = re.compile(r"^[^.;]{0,30}?\b(?:more|fewer|less)\s+(?:\w+\s+){0,3}?(?:than|compared)\b|"
                             r"^\s*(?:-|–)?year|^\s*(?:per\s?cent|percent|%)", re.I)
_NEGATED = Folded(r"\b(?:not\s+(?:be\s+)?(?:attributable|attributed|caused)|found\s+not\s+to|no\s+evidence|none\s+of\s+them|"
                  r"did\s+not\s+(?:kill|cause)|were\s+not\s+killed|denied\s+(?:killing|that))\b", needs=("no", "denied"))
_HYPOTHETICAL = Folded(r"\b(?:could\s+have|would\s+have|might\s+have|threatened\s+to|at\s+risk|risk\s+of)\b",
                       needs=("could", "would", "might", "threatened", "risk"))
_DIFFERENCE = figure_folded(rf"\b(?P<fig>{FIGURE})\s+(?P<dir>more|fewer|less|additional)\s+(?:\w+\s+){{0,3}}?"
                         r"(?:than|compared\s+(?:to|with))\b")

# Necessary parts of _BARE_SUBJECT and _DIFFERENCE, cheap to look for: without them the whole
# pattern cannot match, so it is not run.
_BARE_SUBJECT_VERB = Folded(r"(?:were|was|been)\s+(?:also\s+)?(?:being\s+treated\s+for\s+(?:their\s+)?)?"
                                r"(?:injured|wounded|wounds|killed|hurt)\b")
_THAN = Folded(r"(?:than|compared\s+(?:to|with))\b")
_last_than: tuple = (None, -1)


def _than_from(text: str, pos: int) -> bool:
    """Whether _THAN can match in text at or after pos: false only when it cannot.  The start of
    its last possible match is remembered for the last text asked about; on ASCII text (where
    lower-casing keeps every offset) the last "than"/"compared" found by str.rfind is an upper
    bound of it, else the last match itself (matches of _THAN never overlap one another)."""
    global _last_than
    last = _last_than
    if last[0] is not text:
        if text.isascii():
            low = text.lower()
            start = max(low.rfind("than"), low.rfind("compared"))
        else:
            start = -1
            for m in _THAN.finditer(text):
                start = m.start()
        last = _last_than = (text, start)
    return last[1] >= pos


_ALIVE_AFTER = re.compile(r"\s+(?:(?:out|from\s+the\s+rubble)\s+)?alive\b|\s+(?:survived|were\s+rescued)\b", re.I)
_RESCUED_BEFORE = re.compile(r"\b(?:pulled|rescued|evacuated|saved|freed|dug)\s+(?:out\s+)?(?:\w+\s+){0,2}$", re.I)
_HE_AND = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+and\s+$")
_TOTAL_NOUNS = frozenset(("people", "persons", "deaths", "dead", "killed", "fatalities", "victims", "bodies"))
_MIXED_TOTAL = re.compile(r",?\s+(?:both\s+)?(?:(?:combatants|fighters|militants|soldiers)\s+and\s+civilians|civilians\s+and\s+"
                          r"(?:combatants|fighters|militants|soldiers))\b", re.I)
_OUT_OF = re.compile(r"\bout\s+of\s+(?:a\s+total\s+of\s+|an?\s+overall\s+|the\s+)?$", re.I)
_PART_OF_TOTAL = re.compile(r"\b(?:of\s+(?:whom|them|those|which)|including|among\s+(?:them|whom|those))\b", re.I)
_WERE_CIVILIANS = re.compile(rf"(?<![\w$£€#.\-/])(?P<f>{FIGURE})\s+(?:were|was)\s+(?:an?\s+)?(?:civilians?|non-?combatants?)\b",
                             re.I)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
PERIOD = Folded(
    r"\b(?:since(?!\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:air\s?strike|strike|attack|raid|bombing|missile\s+strike)\b)"
    # (the hours since dawn or since the morning are one day, not a period)
    r"(?!\s+(?:early\s+)?(?:dawn|daybreak|sunrise|first\s+light|midnight|(?:this\s+|the\s+)?morning)\b)|"
    r"to\s+date|so\s+far|in\s+total|overall|in\s+all|all\s+told|total(?:led|ing)?|cumulative|"
    r"(?:first|second)\s+half\s+of|(?:in|over|during|for)\s+(?:that|this|the)\s+(?:same\s+)?period|"
    r"from\s+(?:\w+\s+){0,2}(?:19|20)\d\d|between\s+\w+\s+(?:\d+,?\s+)?(?:19|20)\d\d\s+and|"
    r"between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d|"
    rf"(?:between|from)\s+(?:\d\d?(?:st|nd|rd|th)?\s+|early\s+|late\s+|mid-?)?{_MONTH}\s+(?:\d\d?(?:st|nd|rd|th)?,?\s+)?(?:and|to|until|through)\s|"
    r"as\s+of|(?:in|over|during|for)\s+(?:that|this|the)\s+(?:same\s+|last\s+|first\s+|second\s+|third\s+|fourth\s+)?quarter|"
    r"(?:together|combined|between\s+them)\s+(?:killed|left|caused)|"
    r"over\s+the\s+(?:past|last|course)|(?:in|within|during)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:days|weeks|months)|"
    # "the air strikes which began Saturday and continued Sunday"
    r"(?:began|started)\s+(?:on\s+)?(?:[\w-]+\s+){1,2}?and\s+(?:continued|lasted|went\s+on)|(?:over|across)\s+the\s+(?:\w+\s+)?(?:years|months|decades)|during\s+the\s+(?:war|conflict|campaign|operation|period|offensive|"
    r"battle|siege)|per\s+month|each\s+month|monthly|annual|years?\s+of|months\s+of|weeks\s+of)\b")
# Weaker hints of an aggregate, outranked by a named single event.
WEAK_PERIOD = Folded(
    r"\b(?:campaign|war|conflict|operations?\b(?!\s+to\s+(?:liberate|retake|capture))|this\s+year|last\s+year|"
    r"last\s+month|(?:in|during)\s+(?:19|20)\d\d|a\s+month(?!\s+(?:later|earlier|ago|before|after))|in\s+(?:\w+\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+|several|multiple|separate|different)\s+(?:[\w-]+\s+)?(?:air\s?)?(?:strikes|raids|attacks|incidents)|"
    r"(?:in\s+)?(?:those|these|such)\s+(?:[\w-]+\s+)?(?:incidents|strikes|attacks|raids)|"
    # "documented nine US strikes that killed 21": several events, counted together
    r"(?:documented|recorded|investigated|identified|examined|verified)\s+(?:\w+\s+){0,2}?(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|several|multiple)\s+(?:[\w.-]+\s+){0,2}?(?:air\s?)?(?:strikes|raids|attacks|incidents))\b")
# "the deadliest attack since the offensive began": the "since" dates a comparison, not the
# toll's period (a superlative earlier in the same clause, no sentence end between).
_SUPERLATIVE_BEFORE = Folded(r"\b(?:deadliest|bloodiest|worst|heaviest|largest|biggest|highest|first|"
                             r"most\s+(?:lethal|deadly|serious|violent|devastating))\b[^.;!?\d]*$")
# A toll the text itself says was replaced: "had initially put the toll at 43", "with the UN
# having initially reported 44 dead", "Earlier, the ministry had said 33 people were killed".
# Reports and monitors record the latest figure; the earlier one is history, not a claim.
SUPERSEDED = Folded(r"(?:\b(?:initially|originally|previously|first|earlier)\s+(?:\w+\s+)?|\bhad\s+(?:\w+\s+)?)"
                    r"(?:said|reported|put|gave|given|announced|estimated|cited)\b[^.;!?,]{0,50}$|"
                    # "updating a previous toll of 112 dead", "up from an earlier toll of 30"
                    r"\b(?:previous|earlier|former)\s+(?:death\s+)?toll\s+(?:of|at|was|stood\s+at)\s+$")
# A published correction quoting the figure it replaced.
_EARLIER_VERSION = Folded(r"\b(?:earlier|previous|original)\s+version\b", needs=("version",))
_EARLIER = Folded(r"\b(?:initially|originally|previously|at\s+first|earlier)\b")


def superseded(text: str, a: int, figure_start: int) -> bool:
    """Whether the toll at `figure_start` (in the sentence starting at `a`) is one the text says
    was replaced by a later figure."""
    if _EARLIER_VERSION.search(text, a, figure_start):
        return True         # "An earlier version of this story ... said 40 people had been killed"
    m = SUPERSEDED.search(text, max(a, figure_start - 90), figure_start)
    if m is None:
        return False
    if not m.group().lower().startswith("had"):
        return True
    # "had said 33 people were killed" replaces only when the sentence says it was earlier.
    return _EARLIER.search(text, a, figure_start) is not None


# Words of one event's dead: "put the death toll at 40", "recovered 42 bodies".
_ONE_EVENT_TOLL = re.compile(r"\b(?:death\s+toll|toll\s+(?:rose|rises|risen|climbed)|bodies|(?:killed|died)\s+when)\b",
                             re.I)
_ACKNOWLEDGED = Folded(r"\b(?:acknowledg\w+|admit\w*|conced\w+)\b")
# A day's toll spread over a city and its surroundings is many strikes counted together, a tally:
# "in and around eastern Aleppo", "on Aleppo city and the surrounding countryside", "the city of
# Aleppo and its surrounding towns and villages", "strikes across the rebel-held east of Aleppo"
# ("in and around a town" is one place).
SPREAD = Folded(r"\bin\s+and\s+around\b(?!\s+an?\s)|\band\s+(?:the|its)\s+(?:surrounding|nearby|neighbou?ring)\s+"
                r"(?:province|countryside|areas|towns|villages|suburbs|region|districts)\b|"
                r"\band\s+(?:the|its)\s+(?:countryside|suburbs|environs|surroundings)\b|"
                r"\bacross\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:east|west|north|south|province|city|region|"
                r"neighbou?rhoods|districts|towns|villages|suburbs)\b",
                needs=("around", "surrounding", "nearby", "neighbo", "countryside", "suburbs", "environs", "across"))
_ATTACK = Folded(r"\b(?:air\s?strikes?|strikes?|raids?|attacks?|bomb\w*|shell\w*|missiles?|rockets?|drones?|"
                     r"jets?|warplanes?|helicopters?|artillery|mortars?|explosions?|blasts?|fire[ds]?|aircraft|planes?|"
                     r"struck|hit|bombed|targeted)\b")
_EVENT = r"(?:air\s?strikes?|strikes?|raids?|air\s+raids?|attacks?|incidents?|bombings?|bombardments?|shelling|explosions?|blasts?|massacres?|missiles?|drone\s+strikes?|shells?)"
EVENT = Folded(
    rf"\b(?:(?:an?|the|one|single|that|this|same)\s+(?:[\w.\-]+\s+){{0,3}}?{_EVENT}\b(?<!s)|"
    rf"(?<!\bin\s)(?<!\bacross\s)(?<!\bfrom\s)(?<!\bjust\s)(?<!\bonly\s)(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s+(?:separate\s+|successive\s+|consecutive\s+|"
    rf"simultaneous\s+|different\s+)?(?:air\s?)?(?:strikes|raids|attacks|bombings|missiles)\b|"
    rf"\bin\s+(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s+(?:separate|successive|consecutive)\s+"
    rf"(?:[\w.\-]+\s+){{0,2}}?(?:air\s?)?(?:strikes|raids|attacks|bombings)\b|"
    # "a series of strikes on a busy street": one event made of several strikes.
    rf"\b(?:an?|the|one)\s+(?:series|wave|barrage|salvo|volley)\s+of\s+(?:[\w.\-]+\s+){{0,2}}?"
    rf"(?:air\s?)?(?:strikes|raids|attacks|bombings|missiles|rockets|shells)\b)",
    needs=("strike", "raid", "attack", "incident", "bomb", "shell", "explosion", "blast", "massacre", "missile"))


@dataclass
class Toll:
    """One casualty figure in a sentence, before it becomes a claim."""

    figure: Figure
    victim: str
    start: int
    end: int
    harm: str                 # killed / injured / killed or injured / casualties
    sub: str | None = None    # children / women / men when the figure is a part of another
    additive: bool = False    # "three women and four children": parts that add up to the toll
    of_them: bool = False     # "30 of them children"
    parts: dict[str, int] | None = None     # children / women / men within a listed toll
    listed: bool = False      # a few of the dead, listed one by one ("a woman and her two sons")


def victims_word(v: str) -> str:
    v = _SPACES.sub(" ", v.lower())
    if v.startswith("civilian") or v.startswith("non-combatant") or v.startswith("noncombatant"):
        return "non-combatants" if "combatant" in v else "civilians"
    if v in ("deaths", "fatalities", "casualties", "victims", "dead", "killed", "injured", "wounded", "bodies"):
        return "unspecified"
    if v.startswith("members of") or v == "family members":
        return "family members"
    return v


def _harm(text: str, a: int, b: int, t_start: int, t_end: int, victim: str) -> str | None:
    """The harm the figure counts: the nearest harm word after it in its clause, else before it."""
    v = victim.lower()
    if "casualt" in v:
        return "casualties"
    if v in ("dead", "killed") and _JOINT_INJURY.match(text, t_end, b):
        return "killed or injured"      # "19 Killed and Injured in ...": one figure for both harms
    if v in ("deaths", "fatalities", "lives", "dead", "killed", "bodies") or v.endswith(("deaths", "fatalities", "lives")):
        return "killed"
    if v in ("injured", "wounded"):
        return "injured"
    after = text[t_end:min(b, t_end + 90)]
    clause_end = _CLAUSE_END.search(after)
    if clause_end:
        after = after[:clause_end.start()]
    participle = _PARTICIPLE.search(after)
    if participle:
        after = after[:participle.start()]
    belief = _BELIEF.search(after)
    if belief:
        after = after[:belief.start()]
    before = text[max(a, t_start - 70):t_start]
    if _TOLL_AT_BEFORE.search(text, max(a, t_start - 50), t_start) and not INJURY.search(text, a, b):
        return "killed"         # "put the figure at 4,179 civilians"
    if _INJURED_RIGHT_AFTER.match(text, t_end, min(b, t_end + 30)):
        return "injured"        # "8 persons killed 58 others injured": the participle after governs
    near = _HARM_JUST_BEFORE.search(text, max(a, t_start - 40), t_start)
    if near:
        # "killed six civilians and wounded 11 others": the verb right before the figure governs it.
        word = near.group("w").lower()
        if "casualt" in word:
            return "casualties"
        if " or " in word or " and " in word:
            return "killed or injured"
        return "injured" if INJURY.match(word) else "killed"
    d_after, i_after = DEATH.search(after), INJURY.search(after)
    if d_after and i_after and _OR.search(after[min(d_after.start(), i_after.start()):
                                                                   max(d_after.start(), i_after.start())]):
        return "killed or injured"
    if d_after and i_after and _JOINT.fullmatch(after, d_after.end(), i_after.start()):
        return "killed or injured"      # "19 Killed and Injured in ...": one figure for both harms
    hits = [(m.start(), kind) for kind, m in (("killed", d_after), ("injured", i_after)) if m]
    if not hits and CASUALTY_WORD.search(after):
        return "casualties"
    if hits:
        return min(hits)[1]
    last = _last_harm(before)
    if last is None:
        colon = text.rfind(":", a, t_start)
        if colon >= 0:
            # "The death toll since ... reached 166: 114 ISIS fighters, seven civilians and ...": a
            # part of the breakdown the words before the colon count.
            last = _last_harm(text[max(a, colon - 200):colon])
    return last


def _last_harm(words: str) -> str | None:
    """The harm of the last death or injury word in `words`, if any."""
    last = max([(m.end(), "killed") for m in DEATH.finditer(words)] +
               [(m.end(), "injured") for m in INJURY.finditer(words)], default=None)
    return last[1] if last else None


_AND_ANOTHER = re.compile(r"\band\s+(?:another|a\s+further)\s+$", re.I)


def tolls_in(text: str, a: int, b: int, taken: list[tuple[int, int]]) -> list[Toll]:
    """Casualty figures in the sentence text[a:b], skipping characters other rules took."""
    out: list[Toll] = []
    low = text[a:b].lower()
    has_number = number_hint(text, a, b) or any(w in low for w in _VAGUE_WORDS)
    population = any(w in low for w in _POPULATION_WORDS)
    for m in (CASUALTY_RE.finditer(text, a, b) if has_number or "family" in low or "several" in low else ()):
        if any(m.start() < y and x < m.end() for x, y in taken):
            continue
        fig = parse_figure(m)
        if fig is None:
            continue
        victim = m.group("victim")
        v = victim.lower()
        if v in ("deaths", "fatalities", "casualties", "victims", "dead") and _CIVILIAN_BEFORE.search(
                text, max(m.start(), m.start("victim") - 16), m.start("victim")):
            victim = "civilian " + victim       # "1,000 civilian deaths": civilians, whatever the noun
        raw = text[m.start():m.end()]
        if v in ("others", "relatives", "killed", "injured", "wounded", "dead") and not _HAS_NUMBER.search(raw):
            continue
        if v in ("killed", "injured", "wounded", "dead", "deaths", "casualties") and _COMBATANTS.search(raw):
            continue        # "14 fighters killed", "eight soldiers dead": the word before the harm is who
        if _YEAR.fullmatch(text, fig.start, fig.end) and (v not in ("civilians", "people") or _MONTH_BEFORE.search(
                text, max(a, fig.start - 12), fig.start)):
            continue
        if _is_day_of_month(text, a, fig):
            continue        # "on Nov. 26 killed at least 11": a date, not a toll
        if v in ("killed", "injured", "wounded", "dead") and _DURATION.match(text, fig.end):
            continue        # "attacks in the past 48 hours killed 10 people": a duration
        if population and _POPULATION_BEFORE.search(text, max(a, m.start() - 60), m.start()):
            continue        # "a town of 35,000 people": a population
        if _DISPLACED_BEFORE.search(text, max(a, m.start() - 40), m.start()):
            continue        # "displaced more than 2 million people": the displaced
        right = text[m.end():min(b, m.end() + 60)]
        if _MORE.match(text[fig.end:m.end()] + right) and _NOT_TOLL_RIGHT.search(text[fig.end:min(b, fig.end + 90)]) \
                or (_than_from(text, m.start()) and _DIFFERENCE.match(text, m.start())):
            continue
        if _SPEAKS_AFTER.match(text, m.end(), b):
            continue        # "two aid workers told reporters": the people who speak, not the dead
        if v in ("men", "people", "persons") and _LIST_NOT_CIVILIAN.match(text, m.end(), b):
            continue        # "two men from the popular committees": members of an armed group
        if _BACK_REFERENCE.fullmatch(text, a, m.start()):
            continue        # "Of the 105 dead, 101 were ...": the toll told before, not a new one
        anaphora = _ANAPHORIC.search(text, max(a, m.start() - 14), m.start())
        if anaphora and fig.count_min is not None and fig.count_min < 13 and (
                not re.match(r"(?:deaths|fatalities|casualties|dead)", v) or len(anaphora.group()) > 4):
            continue        # "the two journalists": people already counted, not a new figure
        harm = _harm(text, a, b, m.start(), m.end(), victim)
        if harm is None and out and _AND_ANOTHER.search(text, max(a, m.start() - 16), m.start()):
            # "killed 19 people including six children outside Saraqeb and another 23 people in
            # Ehsim": the verb of the toll before goes on, however far back it stands
            harm = out[-1].harm
        if harm is None:
            continue
        if harm != "injured" and v not in ("dead", "killed", "bodies", "deaths", "fatalities") and (
                _TO_HOSPITAL.match(text, m.end(), b) or _HOSPITAL_TOOK_IN.search(text, max(a, m.start() - 30), m.start())):
            harm = "injured"    # "30 people were taken to hospital", "received 37 casualties": the hurt
        clause = text[m.end():min(b, m.end() + 80)]
        if _NEGATED.search(clause) or _HYPOTHETICAL.search(text[max(a, m.start() - 40):m.start()]):
            continue
        if _MIXED_TOTAL.match(text, m.end(), b) and v in _TOTAL_NOUNS:
            continue        # "60,000 people, combatants and civilians": not a civilian toll
        if v.startswith("civilian") and _AND_OTHERS_AFTER.match(text, m.end(), b):
            continue        # "15 civilians and security personnel": not a civilian toll
        if _ALIVE_AFTER.match(text, m.end(), b) or _RESCUED_BEFORE.search(text, max(a, m.start() - 40), m.start()):
            continue        # "pulled more than 100 people out alive": the living, not the dead
        if fig.qualifier == "exact" and fig.count_min is not None and _HE_AND.search(text, max(a, m.start() - 12),
                                                                                     m.start()):
            # "He and nine members of his family were killed": ten people
            fig = Figure(fig.count_min + 1, fig.count_max + 1, "exact", fig.start, fig.end)
        family = _FAMILY_OF.search(raw)
        out.append(Toll(fig, FAMILY_VICTIM if family else victim, m.start(), m.end(), harm,
                        of_them=_OF_THEM.search(raw) is not None))
    # "a family of five was killed" has no people noun after the number.
    for m in (_FAMILY.finditer(text[a:b]) if "family" in low else ()):
        s, e = a + m.start(), a + m.end()
        if any(s < y and x < e for x, y in taken) or any(t.start <= s < t.end for t in out):
            continue
        fm = FIGURE_AT.match(text, s)
        fig = parse_figure(fm) if fm else None
        if fig is None or not fm.group("family"):
            continue
        harm = _harm(text, a, b, s, fm.end(), "family")
        if harm:
            out.append(Toll(fig, FAMILY_VICTIM, s, fm.end(), harm))
    # "the death toll rose to 45", "killed at least 7 and wounded 20": a figure with no people noun,
    # read only where the harm word governs it directly.
    if has_number:
        fighting = None
        other_words = None          # (asked once for the three _BARE_OTHER patterns)
        for rx in (_TOLL_TO, _BARE_AFTER_VERB, _BARE_SUBJECT, _BARE_DIED, *_BARE_OTHER):
            if rx is _TOLL_TO and not ((any(w in low for w in _TOLL_TO_WORDS) or (" of the " in low and "deaths" in low))
                                       and (not low.isascii() or _toll_to_possible(low))):
                continue
            if rx in _BARE_OTHER:
                if other_words is None:
                    other_words = any(w in low for w in _BARE_OTHER_WORDS)
                if not other_words or (rx is _ELIDED and "attributed" not in low and "blamed" not in low):
                    continue
            if rx is _BARE_DIED and "of the " in low and _OF_THE_DEAD.search(low):
                continue        # "Of the 105 dead, 101 were inside and four died next door": a breakdown
            if rx is _BARE_SUBJECT and not ((" were " in low or " was " in low or " been " in low)
                                            and _BARE_SUBJECT_VERB.search(text, a, b)):
                continue
            for m in rx.finditer(text, a, b):
                if rx is _ELIDED and not _ELIDED_AFTER.search(text, a, m.start()):
                    continue
                fm = FIGURE_AT.match(text, m.start("f"))
                fig = parse_figure(fm) if fm else None
                if fig is None or text[fig.start - 1:fig.start] in ("$", "£", "€") or any(
                        fig.start < y and x < fig.end for x, y in taken) or any(
                        t.start <= fig.start < t.end for t in out) or _YEAR.fullmatch(text, fig.start, fig.end) \
                        or _is_day_of_month(text, a, fig) or _DURATION.match(text, fig.end):
                    continue
                if fighting is None:
                    fighting = bool(_COMBATANTS.search(text, a, b)) and not _CIVILIAN_WORDS.search(text, a, b)
                if fighting:
                    continue        # "killing at least 10" in a report of fighting counts fighters
                w = (m.groupdict().get("v") or "killed").lower().replace("wounds", "wounded")
                if m.groupdict().get("of_dead") is not None and fig.qualifier in ("dozens", "hundreds", "several"):
                    continue        # "named hundreds of the dead": no number
                if m.groupdict().get("of_dead") is not None and _OF_DEAD_WHO.match(text, fig.end, b):
                    continue        # "Seven of the dead were children": who some of the dead were
                if m.groupdict().get("of_dead") is not None and fig.count_min is not None:
                    # "identified 33 of the dead": a part of the dead, so at least that many died
                    fig = Figure(fig.count_min, None, "at_least", fig.start, fig.end)
                harm = "injured" if INJURY.match(w) else "killed"
                out.append(Toll(fig, "unspecified", fig.start, fig.end, harm))
    # A summary line: "Cumulative civilian deaths since August 2014: 801".
    if has_number and ":" in low:
        m = _LABEL_TOLL.match(text, a, b)
        if m and not any(m.start("f") < y and x < m.end("f") for x, y in taken):
            fm = FIGURE_AT.match(text, m.start("f"))
            fig = parse_figure(fm) if fm else None
            if fig is not None:
                label = m.group("label")
                victim = "civilians" if re.search(r"civilian", label, re.I) else "unspecified"
                harm = "injured" if INJURY.search(label) and not DEATH.search(label) else "killed"
                out.append(Toll(fig, victim, fig.start, fig.end, harm))
    # "a child was killed", "killing a man": one person, when the harm word is right there.
    singles = not _SINGLE_SET.isdisjoint(low.translate(_PUNCT_TO_SPACE).split())
    for m in (SINGLE_RE.finditer(text, a, b) if singles else ()):
        s, e = m.start(), m.end()
        if any(s < y and x < e for x, y in taken) or any(t.start <= s < t.end or s <= t.start < e for t in out):
            continue
        kin = _AND_ONE_KIN.match(text, e, b)
        if kin:
            e = kin.end()       # "a man and his young daughter were killed": two people, one harm
        before = text[max(a, s - 30):s]
        after = text[e:min(b, e + 45)]
        harm = None
        near = _HARM_JUST_BEFORE.search(before)
        if near:
            w = near.group("w").lower()
            harm = "injured" if INJURY.match(w) else "killed"
        else:
            h = _SINGLE_HARM_AFTER.match(after)
            if h:
                harm = "injured" if INJURY.search(h.group()) else "killed"
            else:
                harm = _single_harm_further(text, a, b, s, e, m.group("victim"), out)
        if harm is None and out and out[-1].figure.count_max == 1 and _AND_BEFORE.fullmatch(text, out[-1].end, s):
            harm = out[-1].harm     # "the death of a woman and a young man": one harm for both
        if harm is None or _NEGATED.search(after):
            continue
        n = 2 if m.group("victim") == "couple" or kin else 1     # "killed a couple and their three children"
        victim = f"{m.group('victim')} and {kin.group('kin')}" if kin else m.group("victim")
        out.append(Toll(Figure(n, n, "exact", s, m.end("art")), victim, s, e, harm))
    for pos in [a] + [m.end() for m in _HEADLINE_STARTS.finditer(text, a, b)]:
        m = HEADLINE_SINGLE.match(text, pos, b)
        if m is None:
            continue
        s, e = m.start("victim"), m.end("victim")
        if any(s < y and x < e for x, y in taken) or any(t.start <= s < t.end or s <= t.start < e for t in out):
            continue
        harm = "injured" if INJURY.match(m.group("harm")) else "killed"
        out.append(Toll(Figure(1, 1, "exact", s, e), m.group("victim").lower(), s, m.end(), harm))
    # "No civilians were harmed": a claim of zero.
    if "no " in low:
        for m in _NONE_RE.finditer(text, a, b):
            if not any(m.start() < y and x < m.end() for x, y in taken):
                out.append(Toll(Figure(0, 0, "exact", m.start(), m.start() + 2), m.group("victim"), m.start(), m.end(),
                                "killed"))
    # "80 people were killed, of whom four were civilians": the civilian part of a total.
    if has_number and ("were civilians" in low or "were non" in low or "was a civilian" in low):
        for m in _WERE_CIVILIANS.finditer(text, a, b):
            fm = FIGURE_AT.match(text, m.start("f"))
            fig = parse_figure(fm) if fm else None
            if fig is None or any(fig.start < y and x < fig.end for x, y in taken) or any(
                    t.start <= fig.start < t.end for t in out):
                continue
            harm = _harm(text, a, b, m.start(), m.end(), "civilians")
            if harm:
                out.append(Toll(fig, "civilians", fig.start, m.end(), harm))
    out.sort(key=lambda t: t.start)
    out = _victim_lists(text, a, b, out, low)
    out = _drop_mixed_totals(text, out)
    _mark_parts(text, a, out)
    return _among_total(text, out)


_MONTH_DAY_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                               r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$")


def _single_harm_further(text: str, a: int, b: int, s: int, e: int, victim: str, out: list[Toll]) -> str | None:
    """The harm of one person (SINGLE_RE at s..e) told further from the harm word: a long subject at
    the head of its sentence ("A displaced woman from ..., Salma Haddad, was killed"), a person
    targeted and killed ("targeted a man ..., killing him"), or a civilian among a total of people
    ("killed six people including a civilian", whose civilian toll is then the one)."""
    if text.startswith(("'s", "\u2019s"), e):
        return None         # "a shepherd's widow": the person is someone else
    if (s == a or text[a:s].isspace() or _SINGLE_HEAD_BEFORE.search(text, max(a, s - 40), s)) and text[a:s].count(",") <= 1 \
            and _SINGLE_LONG_SUBJECT.match(text, e, b):
        return "killed"
    if _KILLING_PRONOUN.match(text, e, b):
        return "killed"
    if out and victim.lower() == "civilian" and out[-1].victim.lower() in _TOTAL_NOUNS and e - out[-1].end < 60 \
            and _INCLUDING.search(text, out[-1].end, s):
        return out[-1].harm
    return None


# A list of the dead, person by person or group by group, added up: "a little boy, a little girl
# and two women were killed", "killed a woman with four of her children and an old man", "22
# children had been killed along with six teachers".  Items are small exact counts of civilian
# nouns; one list is one toll whose parts (children, women, men) are kept.
_LIST_N = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           r"sixteen|seventeen|eighteen|nineteen|twenty)")
_LIST_ADJ = (r"(?:(?:little|young|elderly|old|older|pregnant|teenage|unidentified|local|displaced|civilian|female|male|"
             r"other|more|further|baby|infant|\d+-year-old|[a-z]+-year-old)\s+){0,2}")
_LIST_SING = (r"man|woman|child|boy|girl|infant|baby|toddler|teenager|farmer|shepherd|teacher|student|nurse|doctor|"
              r"medic|paramedic|worker|journalist|mother|father|grandmother|grandfather|son|daughter|brother|sister|"
              r"husband|wife|civilian|citizen|resident|villager|driver|imam|grandson|granddaughter|nephew|niece|cousin|"
              r"uncle|aunt")
_LIST_PLUR = (r"men|women|children|boys|girls|infants|babies|toddlers|teenagers|farmers|shepherds|teachers|students|"
              r"schoolchildren|pupils|nurses|doctors|medics|paramedics|workers|journalists|civilians|citizens|"
              r"residents|villagers|drivers|sons|daughters|brothers|sisters|relatives|siblings|grandchildren|"
              r"nephews|nieces|cousins|uncles|aunts|grandsons|granddaughters")
_LIST_ITEM = re.compile(
    rf"(?P<one>(?:an?|one|another)\s+{_LIST_ADJ}(?:(?-i:[a-z]+)\s+)?(?P<s1>{_LIST_SING}))\b(?!-)|"
    rf"(?P<n>{_LIST_N})\s+(?:of\s+(?:his|her|their)\s+)?{_LIST_ADJ}(?P<p>{_LIST_PLUR})\b(?!-)|"
    rf"(?:his|her|their)\s+(?:(?P<kn>{_LIST_N})\s+)?{_LIST_ADJ}(?:(?P<ks>{_LIST_SING})|(?P<kp>{_LIST_PLUR}))\b(?!-)|"
    rf"(?P<bare>{_LIST_ADJ}(?P<s2>{_LIST_SING}))\b(?!-)", re.I)
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|plus)\s+|\s+(?=(?:an?|another)\s)|\s+as\s+well\s+as\s+|\s+(?:along|together)\s+with\s+|"
                       r"\s+with\s+|\s*,?\s+in\s+addition\s+to\s+|"
                       r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:killed|martyred)\s+(?:along|together)\s+with\s+",
                       re.I)
_LIST_HARM_AFTER = re.compile(r"\s*,?\s+(?:who\s+)?(?:were|was|had\s+been|have\s+been|are)?\s*(?:also\s+)?(?:all\s+)?"
                              r"(?:killed|died|dead|martyred|slain|executed|shot\s+dead|lost\s+their\s+lives)\b", re.I)
_LIST_NOT_CIVILIAN = re.compile(r"\s+(?:from|of|in)\s+(?:the\s+)?(?:[\w()'’-]+\s+){0,4}?(?:group|forces|militias?|"
                                r"committees?|brigades?|army|battalions?|factions?|ranks|units?|movement|front|"
                                r"hezbollah|hizballah|fighters|rebels)\b(?!-)", re.I)
# Who a listed person is, for the claim's children / women / men: the part nouns, and relatives.
_LIST_KIND = {k: v for k, v in _SUB_VICTIM.items() if v != "other"} | {
    "toddlers": "children", "wife": "women", "grandmother": "women", "husband": "men", "grandfather": "men"}
_AND_JOIN = re.compile(r"\s+(?:and|&)\s+")
_WITH_BEFORE = re.compile(r"\bwith\s+$")
_KILLED_AFTER = re.compile(r"\s+killed\b")
_TOTAL_THEN_WHO = re.compile(r"\s*[,(\u2013\u2014:-]")


def _list_item(m: re.Match) -> tuple[int, str] | None:
    """(count, noun) of one item, or None when the count is not said ("her children")."""
    if m.group("one") is not None or m.group("bare") is not None:
        return 1, (m.group("s1") or m.group("s2")).lower()
    if m.group("n") is not None:
        return to_int(m.group("n").lower()), m.group("p").lower()
    w = m.group("kn")
    if m.group("ks") is not None:
        return (1 if w is None else to_int(w.lower())), m.group("ks").lower()
    return None if w is None else (to_int(w.lower()), m.group("kp").lower())


def _list_items(text: str, pos: int, b: int) -> tuple[list[tuple[int, str, int]], bool]:
    """The items of a victim list starting at pos: (count, noun, end offset) each, and whether a
    "were killed along with" inside it gave the harm.  Stops at the first thing that is not an
    item; an item whose count is unknown ("her children") ends the list unreadable (no items)."""
    items: list[tuple[int, str, int]] = []
    end, harm_inside, at = pos, False, pos
    while True:
        m = _LIST_ITEM.match(text, at, b)
        if m is None or (m.group("bare") is not None and not items):
            break
        if m.group("bare") is not None and not _AND_JOIN.fullmatch(text, end, at):
            break       # a bare noun only right after "and": "a woman and child"
        item = _list_item(m)
        if item is None:
            return [], False                # "and her children": how many is not said
        if _LIST_NOT_CIVILIAN.match(text, m.end(), b):
            return [], False                # "two men from the popular committees": fighters
        end = m.end()
        items.append((*item, end))
        s = _LIST_SEP.match(text, end, b)
        if s is None:
            break
        if "killed" in s.group().lower() or "martyred" in s.group().lower():
            harm_inside = True
        at = s.end()
    return items, harm_inside


_LIST_TOTALS = frozenset(("civilians", "citizens", "residents", "villagers", "relatives"))


def _harm_before_list(text: str, a: int, s: int, out: list[Toll]) -> bool:
    """A harm word right before the list, and not the participle of a figure before it ("1 child
    killed 6 children and their mother under the rubble": the six are not the killed)."""
    m = _HARM_JUST_BEFORE.search(text[max(a, s - 40):s])
    if m is None:
        return False
    h = max(a, s - 40) + m.start()
    return not any(t.end <= s and (t.end > h or not text[t.end:h].strip()) for t in out)


_LIST_STARTS = re.compile(rf"(?<![\w-])(?:an?|one|another|his|her|their|{_LIST_N})\s", re.I)


# A list noun followed by what joins it to the next item: a list cannot start before the first of
# these by more than one item's length (searched in the lower-cased sentence).
_LIST_JOIN = re.compile(rf"\b(?:{_LIST_SING}|{_LIST_PLUR})(?:\s*,|\s+(?:and|&|plus|as\s+well|along|together|with|"
                        rf"a|an|another|had\s+been|were|was|have\s+been)\b)")


def _victim_lists(text: str, a: int, b: int, out: list[Toll], low: str) -> list[Toll]:
    """Replace the tolls of each victim list in text[a:b] (low: its lower case) by one toll, their sum."""
    if not (" and " in low or " with " in low or "&" in low or " plus " in low) or (
            not any(t.harm == "killed" for t in out) and "killed" not in low):
        return out
    j = _LIST_JOIN.search(low)
    if j is None:
        return out
    pos = a
    for m in _LIST_STARTS.finditer(text, max(a, a + j.start() - 60), b):
        s = m.start()
        if s < pos:
            continue
        items, harm_inside = _list_items(text, s, b)
        if len(items) < 2:
            continue
        e = items[-1][2]
        if items[0][1] in _LIST_TOTALS and _TOTAL_THEN_WHO.match(text, items[0][2]):
            pos = e         # "two civilians, a woman and a child": the total, then who they were
            continue
        if any(t.start < s < t.end for t in out):
            continue        # "at least 16 civilians and three children": the list would drop the hedge
        if not (harm_inside or _LIST_HARM_AFTER.match(text, e, b)
                or any(0 <= s - t.end < 40 and _INCLUDING.search(text, t.end, s) for t in out if t.start < s)
                or _harm_before_list(text, a, s, out)
                or _WITH_BEFORE.search(text, max(a, s - 6), s) and _KILLED_AFTER.match(text, e, b)):
            continue
        inside = [t for t in out if s <= t.start < e]
        if any(t.figure.qualifier != "exact" or t.harm != "killed" for t in inside):
            continue
        total = sum(n for n, _, _ in items)
        parts: dict[str, int] = {}
        for n, noun, _ in items:
            kind = _LIST_KIND.get(noun)
            if kind:
                parts[kind] = parts.get(kind, 0) + n
        nouns = list(dict.fromkeys(noun for _, noun, _ in items))
        label = ", ".join(nouns[:-1]) + " and " + nouns[-1]
        toll = Toll(Figure(total, total, "exact", s, e), label, s, e, "killed", parts=parts or None,
                    listed=total <= 20)
        out = sorted([t for t in out if t not in inside] + [toll], key=lambda t: t.start)
        pos = e
    return out


def _is_day_of_month(text: str, a: int, fig: Figure) -> bool:
    """"Nov. 26": a day of a month, never a toll."""
    return (fig.qualifier == "exact" and fig.count_min is not None and 1 <= fig.count_min <= 31
            and _MONTH_DAY_BEFORE.search(text, max(a, fig.start - 11), fig.start) is not None)


def _drop_mixed_totals(text: str, tolls: list[Toll]) -> list[Toll]:
    """"1,000 people were killed, including 106 civilians": the total counts fighters too, so only
    the civilian part is a civilian toll.  The same the other way round: "67 civilians had been
    killed, out of a total of 2,227 people killed"."""
    drop = []
    for i, t in enumerate(tolls):
        if i and t.victim.lower() in _TOTAL_NOUNS and tolls[i - 1].victim.lower().startswith(("civilian", "non")) \
                and _OUT_OF.search(text, tolls[i - 1].end, t.start):
            drop.append(t)
            continue
        if i == 0 or not t.victim.lower().startswith(("civilian", "non")):
            continue
        p = tolls[i - 1]
        if p.victim.lower() not in _TOTAL_NOUNS:
            continue
        between = text[p.end:t.start]
        # ("killed 31 people: 20 fighters and 11 civilians": a breakdown after a colon)
        if len(between) >= 120 or ";" in between or not (_PART_OF_TOTAL.search(between)
                                                         or between.lstrip().startswith(":")):
            continue
        if p.harm != t.harm:
            if not _INCLUDING.search(between):
                continue
            t.harm = p.harm     # "1,000 people killed, including 106 civilians, and 5,500 wounded"
        drop.append(p)
    return [t for t in tolls if t not in drop] if drop else tolls


def _among_total(text: str, tolls: list[Toll]) -> list[Toll]:
    """"Four women and three children were among 13 civilians killed": the total comes last."""
    for i, t in enumerate(tolls):
        if i and t.sub is None and _WERE_AMONG.search(text, tolls[i - 1].end, t.start):
            parts = [p for p in tolls[:i] if p.harm == t.harm]
            if not parts:
                continue
            if t.victim.lower() in _TOTAL_NOUNS and (
                    any(p.victim.lower().startswith(("civilian", "non")) for p in parts)
                    or _COMBATANTS.search(text, parts[0].start, t.start)):
                # "Six civilians were among 22 people killed", "10 children and 13 rebels were among
                # 48 people": the total holds others than civilians; the civilians are the toll
                return [x for x in tolls if x is not t]
            for p in parts:
                p.sub = _SUB_VICTIM.get(p.victim.lower(), "other")
                p.additive = False
            return [t] + parts + [x for x in tolls if x is not t and x not in parts]
    return tolls


def _mark_parts(text: str, a: int, tolls: list[Toll]) -> None:
    """Children, women and men counted right after a total are parts of it, not new claims."""
    for i, t in enumerate(tolls):
        kind = _SUB_VICTIM.get(t.victim.lower())
        family = i > 0 and tolls[i - 1].victim == FAMILY_VICTIM and _FAMILY_PARTS.fullmatch(text, tolls[i - 1].end,
                                                                                           t.start) is not None
        if i and t.parts is not None and tolls[i - 1].sub is None and _INCLUDING.search(text, tolls[i - 1].end, t.start):
            t.sub = "other"         # "six civilians including a woman and her four children": who they were
            t.harm = tolls[i - 1].harm
            continue
        if i and _colon_list(text, tolls[i - 1], t):
            t.sub = kind or "other"     # "killed three members of one family: a woman and her two daughters"
            t.harm = tolls[i - 1].harm
            t.additive = False
            continue
        if i == 0 or (kind is None and not family and not t.of_them
                      and not _POSSESSIVE_AND.match(text[tolls[i - 1].end:t.start])):
            continue
        prev = tolls[i - 1]
        between = text[prev.end:t.start]
        if prev.sub is not None:
            # "including five children and two women": the list of parts goes on.
            if _AND_ONLY.fullmatch(between) or _INCLUDING.search(between):
                t.sub = kind
            continue
        if family:
            t.sub = kind or "other"     # "a family of four: father, mother and two girls"
            t.harm = prev.harm
            continue
        if t.of_them and kind is None and not t.victim.lower().startswith(("civilian", "non")):
            # "five men ..., two of whom were brothers": a part, whatever the noun (but "23 people,
            # 14 of them civilians" is the civilian toll inside a total: _drop_mixed_totals)
            t.sub = "other"
            continue
        if _APPOSITION.fullmatch(between) and kind is not None and not DEATH.search(between) \
                and not INJURY.search(between):
            t.sub = kind            # "five members of one family, a man, his wife and their three children"
            t.harm = prev.harm
            continue
        if _INCLUDING.search(between) or t.of_them:
            t.sub = kind
            t.harm = prev.harm      # "36 people, 30 of them children, and injured 71": the children died
        elif _AND_ONLY.fullmatch(between) and kind is None:
            if _POSSESSIVE_AND.search(between):
                # "a farmer and his two sons": relatives listed together add up
                t.sub, t.additive = "other", True
            continue
        elif _AND_ONLY.fullmatch(between):
            t.sub = kind
            # An enumeration of parts ("three women and four children") adds up; a total followed by
            # a part ("ten civilians, four children") does not.
            t.additive = _SUB_VICTIM.get(prev.victim.lower()) is not None and prev.harm == t.harm


_COLON_LIST = re.compile(r"[^.:]{0,40}:\s[^.:]*$")


def _colon_list(text: str, prev: Toll, t: Toll) -> bool:
    """A list after a colon that follows a death toll names who the dead were: "four civilians were
    killed: a farmer, his son and two labourers".  A figure in it smaller than the toll, with no
    word of harm of its own, is a part of the toll."""
    if prev.harm != "killed" or prev.sub is not None or prev.figure.count_min is None \
            or t.figure.count_min is None or t.figure.count_min >= prev.figure.count_min:
        return False
    between = text[prev.end:t.start]
    if len(between) > 240 or not _COLON_LIST.match(between):
        return False
    after = between[between.index(":"):]
    return not DEATH.search(after) and not INJURY.search(after)


def among_the_dead(text: str, a: int) -> bool:
    """A sentence that breaks down the previous sentence's dead ("Among the dead were four women")."""
    return bool(_AMONG_DEAD.search(text[a:a + 120]))


def is_incident(text: str, a: int, b: int, has_day_date: bool, single: bool = False, small: bool = False,
                framed: bool = False, after_event: bool = False,
                search: Callable[[re.Pattern], re.Match | None] | None = None) -> bool:
    """One event or an aggregate: see the module docstring; `small` is a toll of at most 50 and
    `after_event` says that it counts deaths and that the report's last claim was an incident.

    `search(rx)` stands for `rx.search(text[a:b])`: a caller that has already searched the
    sentence for some of these patterns passes its remembered results."""
    if search is None:
        s = text[a:b]

        def search(rx: re.Pattern) -> re.Match | None:
            return rx.search(s)
    m = search(PERIOD)
    if m is not None and (not m.group().lower().startswith("since") or any(
            not _SUPERLATIVE_BEFORE.search(text, max(a, p.start() - 90), p.start())
            for p in PERIOD.finditer(text, a, b))):
        return False
    if search(EVENT) or single:
        return True
    if (search(WEAK_PERIOD) and any(not _comparison_or_aside(text, a, b, p) for p in WEAK_PERIOD.finditer(text, a, b))) \
            or search(_ACKNOWLEDGED) or search(SPREAD):
        return False
    if framed:
        return True
    return has_day_date or (small and (after_event or search(_ATTACK) is not None
                                       or search(_ONE_EVENT_TOLL) is not None))


_RELATIVE = re.compile(r"\b(?:which|who|whose|that)\b", re.I)
_DIGIT = re.compile(r"\d")


def _comparison_or_aside(text: str, a: int, b: int, p: re.Match) -> bool:
    """Whether a weak sign of an aggregate does not date the toll: it names what the event is
    compared with ("the deadliest single night of the campaign"), or it sits in an aside set off
    by commas that describes a speaker (", a group that has documented deaths throughout the
    conflict,"), with no figure in it."""
    if _SUPERLATIVE_BEFORE.search(text, max(a, p.start() - 90), p.start()):
        return True
    open_ = text.rfind(",", a, p.start())
    close = text.find(",", p.end(), b)
    if open_ < 0 or close < 0 or close - p.end() > 40:
        return False
    aside = text[open_:close]
    return _RELATIVE.search(aside, 0, p.start() - open_) is not None and not _DIGIT.search(aside)


def differences(text: str, a: int, b: int) -> list[tuple[int, str, int, int]]:
    """Stated differences ("23 more people dead compared to ...") as (value, direction, start, end)."""
    out = []
    if not _THAN.search(text, a, b):
        return out
    for m in _DIFFERENCE.finditer(text, a, b):
        fm = FIGURE_AT.match(m.group("fig"))
        fig = parse_figure(fm) if fm else None
        if fig and fig.count_min is not None:
            out.append((fig.count_min, m.group("dir").lower(), m.start(), m.end()))
    return out
