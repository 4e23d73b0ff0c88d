"""Reading the shape of a place phrase: which words name a place and which only qualify it.

"near X", "X countryside" and "north of X" say the event was around X, not at it; "X province"
asks for the governorate; "west Mosul" names a part of the city; "the village of Tokhar north of
Manbij" names Tokhar and gives Manbij to pick the right Tokhar (or to fall back on).  Parsing is
kept apart from lookup so that each rule can be tested on strings alone.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from civcas.places.normalize import fold_arabic, has_arabic


@dataclass
class GeocodeContext:
    """What the surrounding document tells us: its text, its country, the other places it names."""

    text: str | None = None
    country: str | None = None          # ISO2, e.g. "SY"
    places: tuple[str, ...] | list[str] = ()
    admin1: str | None = None

    def key(self) -> tuple:
        return (self.country, self.admin1, tuple(self.places), hash(self.text) if self.text else None)


@dataclass
class Parsed:
    main: str | None = None              # the place the phrase is about
    anchor: str | None = None            # a second place that locates or contains main
    relation: str | None = None          # in | near | direction | part
    level: str | None = None             # governorate | district | country (asked for by wording)
    anchor_level: str | None = None      # the same, for the anchor ("X, Aleppo province")
    direction: str | None = None         # n, ne, ... for direction/part
    offset_km: float | None = None
    between: list[str] = field(default_factory=list)
    country: str | None = None
    sub_place: bool = False              # main is a building/street/neighbourhood-like thing
    container: str | None = None         # "Hajin: house near the mosque" -> Hajin
    feature_of: str | None = None        # "Qayyarah airfield" -> Qayyarah, if the feature is unknown
    alternatives: list[str] = field(default_factory=list)   # "X or Y": tried in order
    notes: list[str] = field(default_factory=list)


_DIRS = {
    "north": "n", "south": "s", "east": "e", "west": "w", "northeast": "ne", "northwest": "nw",
    "southeast": "se", "southwest": "sw", "northern": "n", "southern": "s", "eastern": "e",
    "western": "w", "northeastern": "ne", "northwestern": "nw", "southeastern": "se",
    "southwestern": "sw", "n": "n", "s": "s", "e": "e", "w": "w", "ne": "ne", "nw": "nw", "se": "se",
    "sw": "sw", "nne": "n", "ene": "ne", "ese": "se", "sse": "s", "ssw": "s", "wsw": "sw",
    "wnw": "nw", "nnw": "n",
}
BEARING = {"n": 0, "ne": 45, "e": 90, "se": 135, "s": 180, "sw": 225, "w": 270, "nw": 315}
_AR_DIRS = {"شمال": "n", "جنوب": "s", "شرق": "e", "غرب": "w", "شمالي": "n", "جنوبي": "s",
            "شرقي": "e", "غربي": "w", "شمال شرق": "ne", "شمال غرب": "nw", "جنوب شرق": "se",
            "جنوب غرب": "sw", "شمال شرقي": "ne", "شمال غربي": "nw", "جنوب شرقي": "se",
            "جنوب غربي": "sw"}

_DIR_WORD = r"(?:north|south|east|west)(?:[\s-]?(?:east|west))?(?:ern)?|n|s|e|w|ne|nw|se|sw|nne|ene|ese|sse|ssw|wsw|wnw|nnw"
COUNTRY_WORDS = {
    "syria": "SY", "syrian arab republic": "SY", "iraq": "IQ", "republic of iraq": "IQ",
    "سوريا": "SY", "سورية": "SY", "العراق": "IQ",
}
_COUNTRY_TAIL = re.compile(r"(?:^|[\s,;(\-–]+)(?:in\s+)?(syria|syrian arab republic|iraq|سوريا|سورية|العراق)\s*\)?\s*[.]*$",
                           re.I)
_SUBPLACE_WORDS = re.compile(
    r"\b(neighbou?rhoods?|district of the city|street|st\.|road|mosque|hospital|school|building|house|"
    r"houses|home|roundabout|bridge|market|souq|square|bakery|clinic|church|stadium|university|"
    r"factory|compound|camp|quarter|block|residential|park|garden|cemetery|complex|tower)\b"
    r"|(?:حي|شارع|جامع|مسجد|مشفى|مستشفى|مدرسة|دوار|جسر|سوق|ساحة|بناء|مبنى|منزل|فرن|مخيم|حديقة)", re.I)
_FILLER_LEAD = re.compile(
    r"^(?:(?:in|at|on|from|inside|within)\s+)?(?:the\s+)?(?:(?:small|large|nearby)\s+)?"
    r"(?:(?:village|town|city|hamlet|neighbou?rhood|area|region|suburb|farms?)\s+of\s+)?(?:the\s+)?", re.I)
_LEAD_KIND_OF = re.compile(r"^(?:(?:in|at)\s+)?(?:the\s+)?(?:(?:syrian|iraqi|kurdish|small|northern|southern|eastern|western)\s+)?"
                           r"(?:village|town|city|hamlet|neighbou?rhood|suburb)\s+of\s+", re.I)
_PART_OF = re.compile(r"^(?:(?:in|at)\s+)?(?:the\s+)?(.+?)\s+(?:neighbou?rhood|district|quarter|area|suburb|section)\s+(?:of|in)\s+(.+)$", re.I)
_ROAD = re.compile(r"^(?:(?:on|along)\s+)?(?:the\s+)?(.+?)\s*(?:[–—]|\s-\s|\bto\b)\s*(.+?)\s+(?:road|highway|route)$", re.I)
_FILLER_TAIL = re.compile(
    r"(?:\s+(?:village|town|city|hamlet|neighbou?rhood|suburb|farms?|district of the city|"
    r"quarter|camp|municipality|the\s+town|the\s+city))+\s*$", re.I)
_AR_FILLER = re.compile(r"^(?:في\s+)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|مزرع[ةه]|منطق[ةه]|مخيم)\s+")

_PROVINCE_TAIL = re.compile(r"^(.*?)\s*(?:'s)?\s+(?:province|governorate|governate|governorat|muhafazat?|wilayah?)\s*$", re.I)
_PROVINCE_HEAD = re.compile(r"^(?:the\s+)?(?:province|governorate|governate|muhafazat?)\s+of\s+(.*)$", re.I)
_DISTRICT_TAIL = re.compile(r"^(.*?)\s+(?:district|sub-?district|nahiya|nahia|qada|qadaa|mintaqa|county)\s*$", re.I)
_DISTRICT_HEAD = re.compile(r"^(?:the\s+)?(?:sub-?)?district\s+of\s+(.*)$", re.I)
_NEAR_HEAD = re.compile(
    r"^(?:(?:in|at)\s+)?(?:the\s+)?(?:(?:" + _DIR_WORD + r")\s+)?(?:near(?:by)?|close\s+to|outside(?:\s+of)?|around|"
    r"(?:on\s+)?the\s+outskirts\s+of|outskirts\s+of|in\s+the\s+vicinity\s+of|vicinity\s+of|"
    r"(?:(?:in\s+)?the\s+)?countryside\s+of|rural|(?:the\s+)?surroundings\s+of|(?:the\s+)?environs\s+of|"
    r"(?:the\s+)?area\s+(?:of|around)|(?:the\s+)?edge\s+of|(?:the\s+)?desert\s+(?:of|near))\s+(.*)$", re.I)
_NEAR_TAIL = re.compile(
    r"^(?:(?:in|at)\s+)?(?:the\s+)?(?:(" + _DIR_WORD + r")\s+)?(.*?)(?:'s)?\s+(?:(?:" + _DIR_WORD + r")\s+)?(?:countryside|outskirts|"
    r"suburbs|surroundings|environs|vicinity|area|region|desert|rural\s+area|hinterland)\s*$", re.I)
_DIR_OF = re.compile(
    r"^(?:(?:about|approximately|approx\.?|some|around|roughly|just|immediately|directly|slightly|far)\s+)?(?:(\d+(?:\.\d+)?)\s*(?:km|kms|kilometers|kilometres|"
    r"kilometer|kilometre|mi|miles)\s+)?(?:to\s+the\s+)?(?:the\s+)?(" + _DIR_WORD + r")\s+(?:of|from)\s+(.*)$", re.I)
_PART = re.compile(r"^(?:(?:in|at|across)\s+)?(?:the\s+)?(" + _DIR_WORD + r")\s+(?!of\b)(.*)$", re.I)
_PART_TAIL = re.compile(r"^(.*?)(?:'s)?\s+(?:the\s+)?(?:left\s+bank|right\s+bank|(" + _DIR_WORD + r")\s+(?:side|bank|part|half|districts?|quarters?))\s*$", re.I)
_BETWEEN = re.compile(r"^(?:.*?\b)?between\s+(?:the\s+)?(.*?)\s+and\s+(?:the\s+)?(.*)$", re.I)
_AR_BETWEEN = re.compile(r"^(?:.*?)?بين\s+(.*?)\s+و\s*(.*)$")
_REL_SPLIT = re.compile(
    r"^(.*?)(?:\s*,\s*|\s+)(?:(?:about|approximately|some|around)\s+)?(?:(\d+(?:\.\d+)?)\s*(?:km|kms|kilometers|kilometres|mi|miles)\s+)?"
    r"(?:(?:to\s+the\s+)?(" + _DIR_WORD + r")\s+(?:of|from)|near(?:by)?|close\s+to|outside(?:\s+of)?|in\s+the\s+countryside\s+of|"
    r"in\s+the\s+vicinity\s+of|on\s+the\s+outskirts\s+of|in|within)\s+(.*)$", re.I)
_AR_NEAR = re.compile(r"^(?:في\s+)?(?:بالقرب\s+من|قرب|قريبا\s+من|ريف|محيط|أطراف|اطراف|ضواحي|بادية|بريف)\s+(.*)$")
_AR_PROVINCE = re.compile(r"^(?:في\s+)?(?:محافظة|محافظه|ولاية)\s+(.*)$")
_AR_DISTRICT = re.compile(r"^(?:في\s+)?(?:قضاء|ناحي[ةه]|منطق[ةه])\s+(.*)$")
_AR_DIR = re.compile(r"^(?:في\s+)?(?:ال)?(شمال|جنوب|شرق|غرب)(?:ي)?(?:\s*(?:ال)?(شرق|غرب)(?:ي)?)?\s+(.*)$")
_AR_REL_SPLIT = re.compile(r"^(.*?)\s+(?:في\s+|ب)?(?:ريف|قرب|بالقرب\s+من|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)\s+(.*)$")
_AR_IN_SPLIT = re.compile(r"^(.*?)\s+(?:في|ضمن|داخل)\s+(.*)$")


_FEATURE_TAIL = re.compile(
    r"(?i)^(?:the\s+)?(.+?)\s+(?:air\s?field|air\s?port|air\s?base|airbase|dam|refinery|oil\s+field|gas\s+field|"
    r"mountains?|hospital|university|bridge|prison|stadium|silos?|power\s+(?:plant|station)|cement\s+(?:plant|factory)|"
    r"checkpoint|junction|crossing|border\s+crossing|bakery|market|roundabout)\s*$")
_AR_DIR_ADJ = re.compile(r"\s+(?:ال)?(?:شمالي|جنوبي|شرقي|غربي|شماليه|جنوبيه|شرقيه|غربيه|الشمالي|الجنوبي|الشرقي|الغربي)(?:\s+(?:ال)?(?:شرقي|غربي))?\s*$")
_AR_SIDE = re.compile(r"^(?:في\s+)?(?:ال)?(?:جانب|ساحل)\s+(?:ال)?(ايمن|ايسر)\s+(?:من\s+|لل?|ل)?(?:مدينه\s+)?(.+)$")
_GENERIC_MAIN = re.compile(
    r"(?i)(?:strikes?|air\s?strikes?|an?(?:\s+\S+){0,3}|the|some|several|unnamed|unknown|various|"
    r"(?:several|some|various|two|three|multiple|unnamed|unknown|small)(?:\s+\S+){0,2}|villages?|towns?|houses?|farms?)")


def strip_fillers(text: str) -> str:
    t = text.strip(" \t,.;:-–—\"'()[]")
    if has_arabic(t):
        t = fold_arabic(t)
        t = _AR_FILLER.sub("", t)
        return t.strip()
    prev = None
    while prev != t:
        prev = t
        t2 = _FILLER_LEAD.sub("", t)
        t2 = _FILLER_TAIL.sub("", t2).strip(" \t,.;:-–—\"'()[]")
        if not t2 or t2.lower() in ("old", "new", "the old", "the new", "industrial", "the"):
            break                           # "Old City" is a name, not "Old" + filler
        t = t2
    return t


def parse_stripped(query: str) -> str:
    """The phrase minus fillers and a trailing country: tried as one name before any parsing,
    so that names which look like phrases ("West Mosul", "Old City", "Sadr City") still match."""
    q = " ".join(query.split()).strip(" ,.;")
    m = _COUNTRY_TAIL.search(q)
    if m and m.start() > 0:
        q = q[: m.start()]
    return strip_fillers(q)


def detect_country(text: str) -> str | None:
    low = fold_arabic(text).lower()
    found = set()
    for word, cc in COUNTRY_WORDS.items():
        if has_arabic(word):
            if fold_arabic(word) in low:
                found.add(cc)
        elif re.search(r"\b" + word + r"\b", low):
            found.add(cc)
    return found.pop() if len(found) == 1 else None


def _dir(word: str) -> str:
    return _DIRS.get(word.lower().replace("-", "").replace(" ", ""), "n")


def parse(query: str) -> Parsed:
    """Split a place phrase into the place it names and how it qualifies it."""
    p = Parsed()
    q = " ".join(query.split()).strip(" ,.;")
    # a country named at the end is a constraint, not the place (unless it is all there is)
    m = _COUNTRY_TAIL.search(q)
    if m and m.start() > 0:
        p.country = COUNTRY_WORDS.get(fold_arabic(m.group(1)).lower(), COUNTRY_WORDS.get(m.group(1).lower()))
        q = q[: m.start()].strip(" ,;(-–")
        if re.fullmatch(r"(?i)(?:near(?:by)?|in|around|outside|close\s+to|across|throughout|the|inside|of)(?:\s+the)?", q):
            p.level, p.main = "country", q      # "near Syria": nothing finer than the country
            return p
    if p.country and re.fullmatch(r"(?i)(?:(?:in|across|throughout)\s+)?(?:the\s+)?(?:(?:" + _DIR_WORD + r")|central|rural)(?:\s+(?:part|region|areas?|parts))?(?:\s+of)?", q or "x"):
        p.level, p.main = "country", q      # "northern Syria": the country, no finer
        return p
    # "Al Busayra or Al Basira": alternatives; the first we know wins
    if re.search(r"(?i)\s(?:or|OR)\s", q) and not re.match(r"(?i)^between\s", q):
        alts = [a.strip() for a in re.split(r"(?i)\s+or\s+", q) if a.strip()]
        if len(alts) >= 2:
            first = parse(alts[0])
            first.alternatives = alts[1:]
            first.country = first.country or p.country
            return first
    # "Ar Raqqah: Between X and Y" / "Hajin: House near the mosque" / "Hajin - al Zir area":
    # container, then detail
    if ":" in q or re.search(r"\s[-–—]\s", q):
        if ":" in q:
            head, _, tail = q.partition(":")
        else:
            head, tail = re.split(r"\s[-–—]\s", q, maxsplit=1)
        if head.strip() and tail.strip():
            sub = parse(tail)
            sub.container = strip_fillers(head)
            sub.country = sub.country or p.country
            sub.sub_place = sub.sub_place or bool(_SUBPLACE_WORDS.search(tail))
            return sub
    p.sub_place = bool(_SUBPLACE_WORDS.search(q))
    q = _LEAD_KIND_OF.sub("", q) or q
    if has_arabic(q):
        return _parse_arabic(fold_arabic(q), p)
    m = _BETWEEN.match(q) or _ROAD.match(q)
    if m:
        p.between = [strip_fillers(m.group(1)), strip_fillers(m.group(2))]
        p.relation = "near"
        return p
    m = _PART_OF.match(q)
    if m and strip_fillers(m.group(1)):
        inner = parse(m.group(2))
        generic = _GENERIC_MAIN.fullmatch(strip_fillers(m.group(1)))
        p.main = None if generic else strip_fillers(m.group(1))
        p.anchor = inner.main or inner.anchor or strip_fillers(m.group(2))
        p.relation = "in"
        p.sub_place = True
        p.country = p.country or inner.country
        return p
    # parenthesised hint: "Kashrat (Raqqah)" -> anchor
    m = re.match(r"^(.*?)\s*\(([^()]+)\)\s*(.*)$", q)
    if m and m.group(1).strip():
        inner = parse(m.group(1) + (" " + m.group(3) if m.group(3) else ""))
        if not inner.anchor:
            inner.anchor, inner.relation = m.group(2).strip(), "in"
        inner.country = inner.country or p.country
        return inner
    for rx, level in ((_PROVINCE_HEAD, "governorate"), (_PROVINCE_TAIL, "governorate"),
                      (_DISTRICT_HEAD, "district"), (_DISTRICT_TAIL, "district")):
        m = rx.match(q)
        if m and m.group(1).strip():
            inner = parse(m.group(1))
            if inner.relation in (None, "in") and not inner.anchor and not inner.between:
                inner.level = level
                inner.country = inner.country or p.country
                return inner
            if not inner.anchor:
                inner.level = inner.level or level
                inner.country = inner.country or p.country
                return inner
    m = _DIR_OF.match(q)
    if m:
        p.offset_km = float(m.group(1)) if m.group(1) else None
        if m.group(1) and re.search(r"\bmi(?:les)?\b", q[: m.end(2)], re.I):
            p.offset_km = (p.offset_km or 0) * 1.609
        p.direction = _dir(m.group(2))
        p.main = None
        inner = parse(m.group(3))
        p.anchor = inner.main or m.group(3)
        p.relation = "direction"
        p.level = inner.level
        p.country = p.country or inner.country
        return p
    m = _NEAR_HEAD.match(q)
    if m:
        inner = parse(m.group(1))
        p.anchor = inner.main or inner.anchor or strip_fillers(m.group(1))
        p.relation = "near"
        p.level = inner.level
        p.country = p.country or inner.country
        return p
    m = _NEAR_TAIL.match(q)
    if m and m.group(2).strip():
        inner = parse(m.group(2))
        p.anchor = inner.main or strip_fillers(m.group(2))
        p.relation = "near"
        if m.group(1):
            p.direction = _dir(m.group(1))
        p.level = inner.level
        p.country = p.country or inner.country
        return p
    m = _PART_TAIL.match(q)
    if m and m.group(1).strip() and re.search(r"\b(side|bank|part|half|quarters?|districts?)\s*$", q, re.I):
        p.anchor = strip_fillers(m.group(1))
        p.relation = "part"
        low = q.lower()
        p.direction = _dir(m.group(2)) if m.group(2) else ("e" if "left bank" in low else "w")
        return p
    m = _PART.match(q)
    if m and m.group(2).strip():
        inner = parse(m.group(2))
        if inner.main and not inner.anchor:
            p.anchor = inner.main
            p.relation = "part"
            p.direction = _dir(m.group(1))
            p.level = inner.level
            p.country = p.country or inner.country
            return p
    m = re.match(r"^(.*?)['’]s\s+(.+)$", q)
    if m and m.group(1).strip() and strip_fillers(m.group(2)):
        inner = parse(m.group(2))
        inner.container = inner.container or strip_fillers(m.group(1))
        inner.country = inner.country or p.country
        inner.sub_place = inner.sub_place or p.sub_place
        return inner
    m = _FEATURE_TAIL.match(q)
    if m and strip_fillers(m.group(1)):
        p.main = strip_fillers(q)
        p.feature_of = strip_fillers(m.group(1))
        return p
    m = _REL_SPLIT.match(q)
    if m and m.group(1).strip() and m.group(4).strip():
        main = strip_fillers(m.group(1))
        if main and _GENERIC_MAIN.fullmatch(main):
            inner = parse(m.group(4))
            p.anchor = inner.main or inner.anchor or strip_fillers(m.group(4))
            p.relation = "direction" if m.group(3) else "near"
            p.direction = _dir(m.group(3)) if m.group(3) else None
            p.country = p.country or inner.country
            return p
        if main:
            inner = parse(m.group(4))
            p.main = main
            p.anchor = inner.main or inner.anchor or strip_fillers(m.group(4))
            p.relation = "direction" if m.group(3) else ("in" if re.search(r"\b(in|within|of)\s+\S", q[len(m.group(1)):len(m.group(1)) + 12], re.I) else "near")
            if m.group(3):
                p.direction = _dir(m.group(3))
            p.level = None
            p.country = p.country or inner.country
            p.anchor_level = inner.level
            return p
    if "," in q:
        first, _, rest = q.partition(",")
        rest_p = parse(rest)
        first_c = strip_fillers(first)
        if first_c:
            p.main = first_c
            p.anchor = rest_p.main or rest_p.anchor
            p.relation = "pair" if rest_p.main and not rest_p.anchor else "in"
            p.country = p.country or rest_p.country
            p.anchor_level = rest_p.level
            return p
    p.main = strip_fillers(q) or None
    if p.main:
        mc = COUNTRY_WORDS.get(p.main.lower())
        if mc:
            p.level = "country"
            p.country = mc
    return p


def _parse_arabic(q: str, p: Parsed) -> Parsed:
    m = _AR_SIDE.match(q)
    if m:
        p.anchor = strip_fillers(m.group(2))
        p.relation = "part"
        p.direction = "w" if m.group(1) == "ايمن" else "e"
        return p
    q = _AR_DIR_ADJ.sub("", q) or q      # "ريف حلب الشمالي": the direction adds nothing we can place
    m = _AR_BETWEEN.match(q)
    if m:
        p.between = [strip_fillers(m.group(1)), strip_fillers(m.group(2))]
        p.relation = "near"
        return p
    m = _AR_PROVINCE.match(q)
    if m:
        p.main = strip_fillers(m.group(1))
        p.level = "governorate"
        return p
    m = _AR_DISTRICT.match(q)
    if m:
        p.main = strip_fillers(m.group(1))
        p.level = "district"
        return p
    m = _AR_NEAR.match(q)
    if m:
        inner = _parse_arabic(m.group(1), Parsed())
        p.anchor = inner.main or strip_fillers(m.group(1))
        p.relation = "near"
        return p
    m = _AR_DIR.match(q)
    if m:
        inner = _parse_arabic(m.group(3), Parsed())
        p.anchor = inner.main or strip_fillers(m.group(3))
        p.relation = "direction"
        d = _AR_DIRS.get(m.group(1), "n")
        if m.group(2):
            d = _AR_DIRS.get(m.group(1) + " " + m.group(2), d)
        p.direction = d
        return p
    if "," in q or "،" in q:
        first, _, rest = q.replace("،", ",").partition(",")
        if strip_fillers(first):
            rp = _parse_arabic(rest.strip(), Parsed())
            p.main = strip_fillers(first)
            p.anchor = rp.main or rp.anchor
            p.relation = "in"
            return p
    m = _AR_IN_SPLIT.match(q)
    if m and strip_fillers(m.group(1)) and strip_fillers(m.group(2)):
        rp = _parse_arabic(m.group(2).strip(), Parsed())
        p.main = strip_fillers(m.group(1))
        p.anchor = rp.main or rp.anchor
        p.relation = "in"
        return p
    m = _AR_REL_SPLIT.match(q)
    if m and strip_fillers(m.group(1)):
        p.main = strip_fillers(m.group(1))
        inner = _parse_arabic(m.group(2), Parsed())
        p.anchor = inner.main or strip_fillers(m.group(2))
        p.relation = "near"
        return p
    p.main = strip_fillers(q) or None
    if p.main and p.main in {"سوريا", "سوريه", "العراق"}:
        p.level, p.country = "country", COUNTRY_WORDS.get(p.main, "SY" if p.main != "العراق" else "IQ")
    return p


def offset(lat: float, lon: float, direction: str | None, km: float | None) -> tuple[float, float]:
    """Move a point km along a compass direction (flat-earth; fine at tens of km)."""
    if not direction or not km:
        return lat, lon
    b = math.radians(BEARING.get(direction, 0))
    dlat = km * math.cos(b) / 111.0
    dlon = km * math.sin(b) / (111.0 * max(0.2, math.cos(math.radians(lat))))
    return lat + dlat, lon + dlon


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
