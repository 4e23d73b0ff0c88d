"""A corpus of incident claims with the truth known, for measuring the linker.

Real corpora have no ground truth and cannot be shared at size, so we make one: events happen at
villages, then several sources report each, each with the noise monitors meet every day - a date
a day or two off, the neighbouring village named instead, the governorate only, Tokhar for
Tukhar, 11 killed against 14 against "dozens", and wire reprints of one report.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from civcas.records import ClaimRecord, Geocode

# (country, governorate, lat, lon, belligerents)
GOVERNORATES = [
    ("Iraq", "Ninewa", 36.3, 43.1, ("Coalition", "Iraqi Security Forces")),
    ("Iraq", "Anbar", 33.4, 42.3, ("Coalition", "Iraqi Security Forces")),
    ("Iraq", "Salahuddin", 34.6, 43.7, ("Coalition",)),
    ("Iraq", "Kirkuk", 35.4, 44.3, ("Coalition",)),
    ("Iraq", "Diyala", 33.9, 45.0, ("Coalition", "Iraqi Security Forces")),
    ("Syria", "Raqqa", 35.9, 39.0, ("Coalition", "Russian Military")),
    ("Syria", "Deir ez-Zor", 35.3, 40.1, ("Coalition", "Russian Military")),
    ("Syria", "Aleppo", 36.2, 37.2, ("Russian Military", "Coalition")),
    ("Syria", "Idlib", 35.9, 36.6, ("Russian Military",)),
    ("Syria", "Hasakah", 36.5, 40.7, ("Coalition", "Turkish Military")),
    ("Yemen", "Saada", 16.9, 43.8, ("Saudi-led Coalition",)),
    ("Yemen", "Hodeidah", 14.8, 43.0, ("Saudi-led Coalition", "US Forces")),
    ("Yemen", "Taiz", 13.6, 44.0, ("Saudi-led Coalition",)),
    ("Yemen", "Marib", 15.5, 45.3, ("Saudi-led Coalition", "US Forces")),
    ("Libya", "Sirte", 31.2, 16.6, ("US Forces", "LNA")),
    ("Libya", "Tripoli", 32.9, 13.2, ("LNA", "UAE")),
    ("Somalia", "Lower Shabelle", 1.9, 44.6, ("US Forces",)),
    ("Somalia", "Middle Juba", 0.9, 42.3, ("US Forces",)),
    ("Afghanistan", "Nangarhar", 34.3, 70.4, ("US Forces", "Afghan Air Force")),
    ("Afghanistan", "Helmand", 31.6, 64.4, ("US Forces", "Afghan Air Force")),
    ("Afghanistan", "Kunduz", 36.7, 68.9, ("Afghan Air Force",)),
]
SOURCES = ["Airwars local", "SANA", "Raqqa is Being Slaughtered Silently", "Step News", "Shaam",
           "Iraqi News", "Al Sumaria", "Rudaw", "Yemen Data Project", "Mwatana", "Libya Observer",
           "Shabelle Media", "Pajhwok", "TOLOnews", "Syrian Network for Human Rights",
           "Syrian Observatory for Human Rights", "Facebook page", "Twitter user"]
WIRES = ["Reuters", "AFP", "AP"]
START = dt.date(2014, 8, 8)
SPAN_DAYS = 3800
SYLLABLES = ["tu", "khar", "ba", "shir", "ma", "zra", "qa", "rya", "hu", "way", "ja", "sim", "ra",
             "bi", "kaf", "dar", "sal", "ham", "dan", "nis", "ful", "lu", "bas", "mu", "sa", "gha",
             "rib", "ta", "hir", "wa", "di", "mah", "jub", "ka", "lat", "zur", "hab", "na", "kir"]


@dataclass
class Village:
    name: str
    lat: float
    lon: float
    gov: int
    neighbour: int = -1


@dataclass
class Corpus:
    claims: list[ClaimRecord]
    ids: list[str]                     # one per claim: "c0", "c1", ...
    truth: list[int]                   # the incident each claim reports
    n_incidents: int
    villages: list[Village] = field(default_factory=list)


def _village_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def spelling_variant(name: str, rng: random.Random) -> str:
    """How one Arabic name comes out of different transliterators: vowels shift (Tukhar,
    Tokhar), q becomes k or g, the article comes and goes (al-Tukhar), letters double."""
    out = name.lower()
    swaps = [("u", "o"), ("i", "e"), ("a", "e"), ("q", "k"), ("q", "g"), ("ou", "u"), ("sh", "ch"),
             ("kh", "k"), ("y", "i"), ("w", "ou")]
    for _ in range(rng.choice((1, 1, 2))):
        a, b = rng.choice(swaps)
        if a in out:
            i = rng.choice([k for k in range(len(out)) if out.startswith(a, k)])
            out = out[:i] + b + out[i + len(a):]
    if rng.random() < 0.15 and len(out) > 3:
        i = rng.randrange(1, len(out) - 1)
        out = out[:i] + out[i] + out[i:]
    out = out.capitalize()
    return rng.choice(("al-", "Al ", "el-", "")) + out if rng.random() < 0.35 else out


def world(n_incidents: int, density: float | None) -> list[tuple]:
    """The governorates events happen in.  With a `density` (incidents per governorate per day)
    the world grows with the corpus - more conflicts, not more strikes per village - using
    invented provinces on a grid beyond the named ones; without it, the named 21 take
    everything, so larger corpora are also denser and harder."""
    govs = list(GOVERNORATES)
    if density:
        need = max(len(govs), round(n_incidents / (density * SPAN_DAYS)))
        for k in range(len(govs), need):
            govs.append((f"Land {k // 6}", f"Province {k}", -40 + (k // 60) * 2.0,
                         -170 + (k % 60) * 2.5, ("Coalition", "Air Force")))
    return govs


def _villages(rng: random.Random, per_gov: int, govs: list[tuple]) -> list[Village]:
    """Villages come in pairs 3-9 km apart, so that every event has a next village that a
    source may name instead."""
    villages: list[Village] = []
    for g, (_, _, lat, lon, _) in enumerate(govs):
        for _ in range(per_gov // 2):
            a = Village(_village_name(rng), lat + rng.uniform(-0.7, 0.7), lon + rng.uniform(-0.8, 0.8), g)
            ang, km = rng.uniform(0, 2 * math.pi), rng.uniform(3, 9)
            b = Village(_village_name(rng), a.lat + km / 110.57 * math.sin(ang),
                        a.lon + km / (111.32 * math.cos(math.radians(a.lat))) * math.cos(ang), g)
            a.neighbour, b.neighbour = len(villages) + 1, len(villages)
            villages.extend((a, b))
    return villages


def _toll(true: int, rng: random.Random) -> tuple[int | None, int | None, str | None]:
    r = rng.random()
    if r < 0.08:
        return None, None, None
    if r < 0.50:
        return true, true, "exact"
    if r < 0.75:
        v = max(1, true + rng.choice((-3, -2, -1, 1, 2, 3)))
        return v, v, "exact"
    if r < 0.87:
        lo = max(1, true - rng.randint(0, 3))
        return lo, true + rng.randint(1, 5), "between"
    if r < 0.95:
        return max(1, true - rng.randint(0, 2)), None, "at_least"
    if true >= 20:
        return 24, None, "dozens"
    return 3, None, "several"


VAGUE_SHARE = 0.115


def generate(n_incidents: int, seed: int = 0, claims_per_incident: float = 4.0,
             density: float | None = None, vague: float = VAGUE_SHARE) -> Corpus:
    """`n_incidents` events reported by about `claims_per_incident` claims each; see `world`
    for `density`.  `vague` is the share of reports that place the event no finer than its
    governorate (three in five of them) or not at all - the hardest to link, and beyond the
    noise the issue lists; 0 gives only village-level and "near X" places."""
    rng = random.Random(seed)
    govs = world(n_incidents, density)
    per_gov = max(30, min(3000, n_incidents * len(GOVERNORATES) // (40 * len(govs))))
    villages = _villages(rng, per_gov, govs)
    claims: list[ClaimRecord] = []
    truth: list[int] = []
    p_more = 1 - 1 / max(claims_per_incident, 1.0)
    for inc in range(n_incidents):
        v = villages[rng.randrange(len(villages))]
        country, gov, glat, glon, bells = govs[v.gov]
        day = START + dt.timedelta(days=rng.randrange(SPAN_DAYS))
        killed = max(1, int(rng.paretovariate(1.3)) + rng.randint(0, 4))
        bell = rng.choice(bells)
        reports: list[ClaimRecord] = []
        n = 1
        while rng.random() < p_more and n < 25:
            n += 1
        for _ in range(n):
            if reports and rng.random() < 0.15:        # a wire reprint of an earlier report
                src = rng.choice(reports)
                c = ClaimRecord(**{**src.__dict__, "asserted_by": rng.choice(WIRES),
                                   "flags": ["reprint"]})
                reports.append(c)
                continue
            r = rng.random()
            date, precision = day, "day"
            if r < 0.20:
                date = day + dt.timedelta(days=rng.choice((-1, 1)))
            elif r < 0.30:
                date = day + dt.timedelta(days=rng.choice((-2, 2)))
            elif r < 0.32:
                date, precision = day.replace(day=1), "month"
            r = rng.random()
            precise = (r - vague) / (1 - vague) if r >= vague else None
            if precise is None and r < vague * 0.6:
                place = f"{gov} countryside"
                geo = Geocode(place, gov, glat, glon, country, gov, 4)
            elif precise is None:
                place = None
                geo = None
            elif precise < 0.69:
                place = spelling_variant(v.name, rng) if rng.random() < 0.4 else v.name
                geo = Geocode(place, v.name, v.lat, v.lon, country, gov, 1)
            elif precise < 0.90:
                w = villages[v.neighbour]
                geo = Geocode(w.name, w.name, w.lat, w.lon, country, gov, 1)
                place = w.name
            else:
                place = f"near {v.name}"
                geo = Geocode(place, v.name, v.lat + rng.uniform(-0.05, 0.05),
                              v.lon + rng.uniform(-0.05, 0.05), country, gov, 2)
            lo, hi, qual = _toll(killed, rng)
            reports.append(ClaimRecord(
                type="incident", quote="", span=(0, 0), asserted_by=rng.choice(SOURCES),
                count_min=lo, count_max=hi, qualifier=qual, victims="civilians", counted="killed",
                event_date=date, date_precision=precision, place_text=place, country=country,
                belligerent=(bell if rng.random() < 0.97 else rng.choice(bells + ("unknown",)))
                if rng.random() < 0.6 else None,
                geocode=geo))
        claims.extend(reports)
        truth.extend([inc] * len(reports))
    ids = [f"c{i}" for i in range(len(claims))]
    return Corpus(claims, ids, truth, n_incidents, villages)


def generate_claims(n_claims: int, seed: int = 0, density: float | None = None,
                    vague: float = VAGUE_SHARE) -> Corpus:
    """About `n_claims` claims (the benchmark sizes its runs in claims, not incidents)."""
    return generate(max(1, round(n_claims / 4.0)), seed, density=density, vague=vague)
