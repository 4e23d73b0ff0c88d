"""Throughput of civcas claim extraction against a peer built the usual NLP way.

Usage: python bench/extract.py [N_DOCS] [--dense] [--repeat=R]
       (default 5000 documents; fixed seed, one core, CPU time; with --repeat each side is timed R
       times in alternation and the fastest run of each is reported, which is what a loaded shared
       machine allows to compare)

The documents are generated from our own templates: news-like reports of 8-14 sentences where,
as in real articles, about one sentence in four states a figure (strikes, tallies, assessment
figures, strike totals, rates, with distractors: ages, years, areas, aircraft, money) and the
rest give context.  `--dense` uses figure sentences only, the worst case for civcas, whose cost
is in the sentences that can hold a claim.
The peer is what an NLP engineer would write first: spaCy's blank English pipeline with a
sentencizer and a `Matcher` holding token patterns for the same claim shapes.  Both run on
the same documents; the script prints docs/s for each and the ratio.
"""
from __future__ import annotations

import random
import sys
import time

PLACES = ["Raqqa", "Mosul", "Hajin", "Al Bab", "Manbij", "Tabqa", "Hawija", "Idlib", "Deir ez-Zor", "Tal Afar"]
COUNTRIES = ["Syria", "Iraq"]
PARTIES = ["Airwars", "the Syrian Observatory for Human Rights", "Amnesty International", "local activists",
           "residents", "the UN"]
OFFICIAL = ["the coalition", "CJTF-OIR", "the Pentagon", "US Central Command"]
BELLIGERENTS = ["US-led coalition", "Russian jets", "regime helicopters", "Turkish drones"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "eleven", "twelve"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEDGES = ["at least", "more than", "about", "up to", "nearly", "over", ""]

TEMPLATES = [
    "An airstrike by {bel} on {month} {day} hit a market in {place}, {country}, killing {hedge} {n} civilians, "
    "including {w} children, {party} said.",
    "{Party} reported that {w} members of one family were killed when {bel} struck a house near {place} on {wd}.",
    "{Official} said it has conducted {big} strikes against the group since {month} {year}.",
    "According to {party}, {hedge} {big} civilians have been killed in {place} since the campaign began.",
    "The {Official_plain} said it completed {r} reports, of which {c} were assessed to be credible and {nc} "
    "were assessed to be non-credible. Another {o} reports remain open.",
    "A {age}-year-old boy was wounded as {bel} shelled the outskirts of {place} early last month.",
    "Residents said the jets flew over {place} for hours; {n} fighters were killed in the raid.",
    "The F-{model} squadron flew {n} sorties over an area of {area} square kilometers, costing ${money} million.",
    "Between {lo} and {hi} civilians are believed to have died in the battle for {place}, {party} estimates.",
    "{Party} found that 1 in {den} of the strikes it examined killed civilians, a rate {k} times that admitted.",
    "Three separate strikes near {place} in early {month} left {n} civilians dead, {official} said.",
    "Local media said {w} women and a child were among {n} people killed in {place} on {wd}.",
]


# Context sentences, as news reports carry them around the figures (about three in four sentences of
# a real article state no figure; in FA-KES 21% of sentences hold a toll).
FILLER = [
    "The city has changed hands several times since the war began.",
    "{Party} has repeatedly called for an independent investigation into the bombing.",
    "Video posted online showed rescuers searching through the rubble of a collapsed building in {place}.",
    "A spokesman for {official} declined to comment on the allegations when contacted on {wd}.",
    "Aid agencies warned that the humanitarian situation in {place} was deteriorating rapidly.",
    "The offensive to retake {place} is expected to last several more weeks, officials said.",
    "Residents described the sound of jets circling overhead for most of the night.",
    "The report criticised the lack of transparency around the air campaign.",
    "Local hospitals said they were running short of blood and medicines.",
    "Thousands of families have fled towards camps near the Turkish border.",
    "{Official} says it takes extraordinary measures to avoid harming civilians.",
    "The claims could not be independently verified.",
    "Fighting on the ground continued in the eastern districts of {place} throughout {month}.",
    "Human rights groups said the figures were likely to rise as more bodies were recovered.",
    "In a statement, {official} said it would review the reports it received.",
    "The strikes were part of a wider campaign against the group's remaining strongholds.",
    "\"We lost everything,\" one resident told reporters by telephone.",
    "Journalists have limited access to the area, making verification difficult.",
]


def make_docs(n: int, seed: int = 20170804, dense: bool = False) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    docs = []
    for i in range(n):
        parts = []
        for _ in range(rnd.randint(8, 14)):
            t = rnd.choice(TEMPLATES) if dense or rnd.random() < 0.25 else rnd.choice(FILLER)
            party = rnd.choice(PARTIES)
            official = rnd.choice(OFFICIAL)
            parts.append(t.format(
                bel=rnd.choice(BELLIGERENTS), month=rnd.choice(MONTHS), day=rnd.randint(1, 28),
                place=rnd.choice(PLACES), country=rnd.choice(COUNTRIES), hedge=rnd.choice(HEDGES),
                n=rnd.randint(2, 90), w=rnd.choice(WORDS), party=party, Party=party[0].upper() + party[1:],
                wd=rnd.choice(WEEKDAYS), Official=official[0].upper() + official[1:], official=official,
                Official_plain=official.replace("the ", ""), big=f"{rnd.randint(1000, 30000):,}",
                year=rnd.randint(2014, 2019), r=rnd.randint(50, 200), c=rnd.randint(1, 20),
                nc=rnd.randint(20, 150), o=rnd.randint(10, 400), age=rnd.randint(3, 17),
                model=rnd.choice([15, 16, 22, 35]), area=rnd.randint(50, 900), money=rnd.randint(1, 90),
                lo=rnd.randint(100, 500), hi=rnd.randint(600, 2000), den=rnd.randint(3, 9), k=rnd.randint(5, 40)))
        docs.append((f"Report {i}\nSyria monitor\nMon, {rnd.randint(1, 28):02d} Aug 2017 10:00 UTC\n", " ".join(parts)))
    return [(h + body, body) for h, body in docs]


def run_civcas(docs: list[tuple[str, str]], warm: bool = True) -> tuple[float, int]:
    from civcas.extract import extract, find_published
    for text, _ in docs[:20] if warm else ():      # warm up: compile the patterns before timing
        extract(text, find_published(text))
    n = 0
    t0 = time.process_time()
    for text, _ in docs:
        n += len(extract(text, find_published(text)))
    return time.process_time() - t0, n


def build_peer():
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    m = Matcher(nlp.vocab)
    num = {"LIKE_NUM": True}
    hedge = {"LOWER": {"IN": ["least", "than", "about", "to", "nearly", "over", "around", "some"]}, "OP": "?"}
    victim = {"LOWER": {"IN": ["civilians", "people", "children", "women", "men", "non-combatants", "members"]}}
    harm = {"LEMMA": {"IN": ["kill", "killed", "die", "died", "dead", "wound", "wounded", "death", "deaths"]}}
    m.add("TOLL", [[hedge, num, {"IS_ALPHA": True, "OP": "?"}, victim],
                   [harm, hedge, num, victim]])
    m.add("RANGE", [[{"LOWER": "between"}, num, {"LOWER": "and"}, num, victim]])
    m.add("STRIKES", [[{"LOWER": {"IN": ["conducted", "flew", "launched"]}}, hedge, num,
                       {"LOWER": {"IN": ["strikes", "airstrikes", "sorties"]}}]])
    m.add("ASSESS", [[num, {"LOWER": {"IN": ["were", "reports"]}}, {"OP": "*", "IS_ALPHA": True},
                      {"LOWER": {"IN": ["credible", "non-credible", "open", "duplicates"]}}]])
    m.add("RATIO", [[num, {"LOWER": "in"}, num], [num, {"LOWER": "times"}]])
    m.add("DATE", [[{"LOWER": {"IN": [x.lower() for x in MONTHS]}}, num],
                   [{"LOWER": "on"}, {"LOWER": {"IN": [x.lower() for x in WEEKDAYS]}}]])
    m.add("ATTR", [[{"LOWER": "according"}, {"LOWER": "to"}, {"IS_TITLE": True, "OP": "+"}],
                   [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["said", "reported", "estimates"]}}]])
    return nlp, m


def run_peer(docs: list[tuple[str, str]], peer=None) -> tuple[float, int]:
    nlp, matcher = peer or build_peer()
    for doc in nlp.pipe((t for t, _ in docs[:20])):
        matcher(doc)
    n = 0
    t0 = time.process_time()
    for doc in nlp.pipe((t for t, _ in docs), batch_size=256):
        for sent in doc.sents:
            n += len(matcher(sent))
    return time.process_time() - t0, n


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 5000
    repeat = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--repeat=")), 1)
    docs = make_docs(n, dense="--dense" in sys.argv)
    print(f"{n} documents, {sum(len(t) for t, _ in docs) / n:.0f} characters on average")
    try:
        peer = build_peer()
    except ImportError:
        peer = None
    t_civ = t_peer = float("inf")
    for r in range(repeat):             # alternate the two, so that both see the same machine load
        t, claims = run_civcas(docs, warm=r == 0)
        t_civ = min(t_civ, t)
        if peer is not None:
            t, matches = run_peer(docs, peer)
            t_peer = min(t_peer, t)
    best = " (fastest of %d runs)" % repeat if repeat > 1 else ""
    print(f"civcas : {n / t_civ:8.0f} docs/s  ({claims} claims, {t_civ:.2f} s){best}")
    if peer is None:
        print("peer   : spaCy not installed (pip install civcas[bench])")
        return
    print(f"spaCy  : {n / t_peer:8.0f} docs/s  ({matches} matches, {t_peer:.2f} s){best}")
    print(f"ratio  : {t_peer / t_civ:8.1f}x")


if __name__ == "__main__":
    main()
