"""Where, by whom and by what means: the circumstances a sentence gives an event.

Places are kept as written ("near Mosul", "west Mosul", "Hama Province") because the
qualifier is information: "near" widens the area a geocoder may claim, a district name is
coarser than a village.  Only a country named in the text (or a city so well known that
naming it names the country) sets `country`; nothing here guesses coordinates.
"""
from __future__ import annotations

import re

from .folding import Folded, Quick

COUNTRIES = {
    "Syria": "SY", "Iraq": "IQ", "Yemen": "YE", "Libya": "LY", "Afghanistan": "AF", "Somalia": "SO",
    "Pakistan": "PK", "Gaza": "PS", "Palestine": "PS", "West Bank": "PS", "Israel": "IL", "Lebanon": "LB",
    "Turkey": "TR", "Ukraine": "UA", "Mali": "ML", "Niger": "NE", "Nigeria": "NG", "Sudan": "SD",
    "Iran": "IR", "Jordan": "JO", "Egypt": "EG",
}
# Cities whose name alone fixes the country in this domain's reporting.
CITY_COUNTRY = {
    "Mosul": "IQ", "Raqqa": "SY", "Aleppo": "SY", "Idlib": "SY", "Hama": "SY", "Homs": "SY", "Deir ez-Zor": "SY",
    "Deir Ezzor": "SY", "Manbij": "SY", "Al Bab": "SY", "Tabqa": "SY", "Kobani": "SY", "Hasakah": "SY",
    "Al Hasakah": "SY", "Abu Kamal": "SY", "Albu Kamal": "SY", "Baghuz": "SY", "Hajin": "SY", "Daraa": "SY",
    "Douma": "SY", "Ghouta": "SY", "Palmyra": "SY", "Fallujah": "IQ", "Ramadi": "IQ", "Tikrit": "IQ",
    "Kirkuk": "IQ", "Baghdad": "IQ", "Hawija": "IQ", "Tal Afar": "IQ", "Qayyarah": "IQ", "Al Qaim": "IQ",
    "Anbar": "IQ", "Nineveh": "IQ", "Sanaa": "YE", "Hodeidah": "YE", "Taiz": "YE", "Saada": "YE", "Aden": "YE",
    "Kabul": "AF", "Kunduz": "AF", "Helmand": "AF", "Nangarhar": "AF", "Sirte": "LY", "Tripoli": "LY",
    "Mogadishu": "SO",
}
_COUNTRY_RE = Quick(r"\b(?:" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b")

_NON_PLACE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|Islamic State|ISIS|ISIL|IS|Daesh|Coalition|U\.S\.|US|UN|The|A|"
    r"An|This|That|Operation.*|Airwars|Amnesty.*|Pentagon|CENTCOM|Central Command|Washington|London|Moscow|"
    r"Geneva|New York|Christmas|Ramadan|Eid|Twitter|Facebook|Arabic|English|Russian|Syrian|Iraqi|Turkish|American|"
    r"Israeli|Saudi|Iranian|Kurdish|British|French|Emirati|Yemeni|Afghan|Pakistani|Libyan|Somali|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sept?|Oct|Nov|Dec|Regime|Government|Russia|Iran|Turkey|America)\b(?!\s+(?:[Pp]rovince|[Gg]overnorate|[Cc]ity))")
_CAP = r"(?:(?:[Aa]l|[Ee]l|[Ee]z|[Aa]s|[Aa]d|[Aa]r|[Aa]sh|[Aa]t|[Aa]z|[Aa]n)[- ])?[A-Z][\w'’]+(?:-[\w'’]+)*"
_NAME = rf"{_CAP}(?:\s+(?:(?:al|el|ez|as|ad|ar|ash|bin|ibn|abu|Abu|de)[- ]?)?{_CAP}){{0,3}}"
_UNIT = r"(?:\s+(?:[Pp]rovince|[Gg]overnorate|[Dd]istrict|[Cc]ity|[Cc]ountryside|[Vv]illage|[Tt]own|[Nn]eighbou?rhood|countryside))?"
_DIR = r"(?:north|south|east|west|northern|southern|eastern|western|central|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)"
PLACE_RE = Quick(
    rf"\b(?P<prep>in|near|outside|around|at|on|of|from)\s+(?:the\s+)?(?:(?:city|town|village|district|province|"
    rf"governorate|neighbou?rhood|area|countryside|outskirts|suburb|region)\s+of\s+)?"
    rf"(?P<dir>{_DIR}\s+)?(?P<name>{_NAME}{_UNIT})(?:,\s+(?P<country>" + "|".join(COUNTRIES) + r"))?")
# What a country's possessive names: "Syria's northwestern province of Idlib", "Syrias Aleppo".
_AFTER_POSSESSIVE = Quick(
    rf"\s+(?:(?P<dir>{_DIR})\s+)?(?:(?:city|town|village|district|province|governorate|region)\s+of\s+)?"
    rf"(?P<name>{_NAME}{_UNIT})")
# "the west Mosul strike": a place used as a modifier of the event noun.
MODIFIER_PLACE_RE = Quick(
    rf"\b(?P<dir>{_DIR})\s+(?P<name>{_NAME})\s+(?:air\s?)?(?:strike|raid|bombing|attack)")

BELLIGERENT_RE = Quick(
    r"\b(?:(?:the\s+)?(?:U\.S\.|US|American?|America|Saudi|Russian|Turkish|UK|British)[- ]led\s+(?:coalition|"
    r"forces|strikes?|airstrikes?)|(?:Russian|Syrian|Turkish|Israeli|Iraqi|Saudi|Emirati|American|U\.S\.|US|"
    r"British|French|Coalition|coalition|regime|government|pro-government|Assad)\s+(?:jets|warplanes|aircraft|"
    r"planes|forces|troops|artillery|drones?|helicopters|military|army|air\s?force|airstrikes?|strikes?|shelling)|"
    r"the\s+(?:Syrian\s+|Assad\s+)?regime|the\s+[Cc]oalition|Saudi-led|Houthis?|Hezbollah|the\s+SDF|"
    r"Syrian Democratic Forces|Hamas|Israel Defense Forces|IDF|ISIS|ISIL|Islamic State|Daesh|al-Shabaab|Taliban|"
    r"Wagner)\b",
    first="[A-Zacgprt]")   # capitals, al-Shabaab, coalition, government, pro-government, regime, the

_TARGET_BEFORE = Folded(r"(?:against|targeting|target|on|hit|hitting|struck|striking|fighting|fight|"
                        r"from|defeat|expel|by\s+the\s+\w+\s+against|an|held|controlled\s+by)\s+(?:the\s+)?$")

_THE = re.compile(r"^the\s+", re.I)
STRIKE_TYPES = [
    ("drone", Folded(r"\b(?:drones?|uavs?|unmanned)\b")),        # (lower case: they ignore case anyway)
    ("missile", Folded(r"\b(?:missiles?|cruise|rockets? attack|ballistic)\b")),
    ("artillery", Folded(r"\b(?:artillery|shell(?:ing|s|ed)|mortars?|rocket fire|barrel)\b")),
    ("air", Folded(r"\b(?:air\s?strikes?|air\s?raids?|air\s+attacks?|warplanes?|jets?|aircraft|bomb(?:ing|ed|s)|"
                   r"aerial|planes?|helicopters?|sorties?)\b")),
    ("ground", Folded(r"\b(?:ground\s+(?:raid|assault|attack|operation|forces)|gunfire|shot|shooting|"
                      r"commando\s+raid|special\s+forces|air-?drop|storm(?:ed|ing))\b")),
]


# Capitalised words that end a place name rather than continue it, where scraped copy runs a
# headline into the next sentence without a full stop: "in Raqqa Ten Syrian civilians were killed".
_NAME_ENDS = frozenset(("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven",
                        "Twelve", "Dozens", "Scores", "Hundreds", "Thousands", "At", "More", "Over", "Some",
                        "Syrian", "Iraqi", "Yemeni", "Afghan", "Libyan", "Somali", "Palestinian", "Kurdish",
                        "Turkish", "Russian", "American", "British", "French", "Saudi", "Israeli", "Iranian",
                        "The", "A", "An", "This", "That", "He", "She", "It", "They", "We", "In", "On", "Monitor"))
_ARTICLES = frozenset(("al", "el", "ez", "as", "ad", "ar", "ash", "at", "az", "an"))


def _trim_name(name: str) -> str | None:
    """The place name without what scraped copy runs into it: a country's possessive before it
    ("Syrias Idlib"), the next sentence's first words after it ("Raqqa Ten Syrian"); None when
    nothing but an article is left ("an Israeli")."""
    words = name.split(" ")
    if len(words) > 1 and _as_country(words[0]) and words[0] not in COUNTRIES:
        words = words[1:]
    for i in range(1, len(words)):
        if words[i] in _NAME_ENDS:
            words = words[:i]
            break
    if len(words) == 1 and words[0].lower() in _ARTICLES:
        return None
    return " ".join(words)


def _as_country(name: str) -> str | None:
    """A country named in the possessive, with or without the apostrophe scraped copy drops:
    "Syria's", "Syrias"."""
    for end in ("'s", "\u2019s", "s"):
        if name.endswith(end) and name[:-len(end)] in COUNTRIES:
            return COUNTRIES[name[:-len(end)]]
    return COUNTRIES.get(name)


def place(text: str, a: int, b: int) -> tuple[str | None, str | None]:
    """(place_text, country code) named in text[a:b]; the first place that is not a country."""
    s = text[a:b]
    country = None
    m = MODIFIER_PLACE_RE.search(s)
    if m and not _NON_PLACE.match(m.group("name")):
        name = m.group("name")
        return f"{m.group('dir')} {name}", CITY_COUNTRY.get(name) or _country(s)
    for m in PLACE_RE.finditer(s):
        name = _trim_name(m.group("name"))
        if name is None or _NON_PLACE.match(name):
            continue
        named_country = _as_country(name)
        if named_country:
            country = country or named_country
            after = _AFTER_POSSESSIVE.match(s, m.end("name")) if name not in COUNTRIES else None
            if after and not _NON_PLACE.match(after.group("name")):
                # "in Syria's northern Aleppo province": the place is what the country has
                direction = after.group("dir") + " " if after.group("dir") else ""
                name = _trim_name(after.group("name")) or after.group("name")
                return f"{direction}{name}", CITY_COUNTRY.get(name.split(" Province")[0]) or country
            continue
        if m.group("prep") in ("of", "from", "at", "on") and not re.search(
                r"(?:city|town|village|district|province|governorate|neighbou?rhood|countryside|outskirts)\s+of\s+$",
                s[m.start():m.start("name")] + " ") and name.split()[0] not in CITY_COUNTRY:
            continue
        prefix = m.group("prep") + " " if m.group("prep") in ("near", "outside", "around") else ""
        direction = m.group("dir") or ""
        cc = COUNTRIES.get(m.group("country") or "") or CITY_COUNTRY.get(name.split(" Province")[0]) or _country(s)
        return f"{prefix}{direction}{name}", cc
    return None, country or _country(s)


def _country(s: str) -> str | None:
    """The country, when the sentence names exactly one."""
    found = {COUNTRIES[m.group()] for m in _COUNTRY_RE.finditer(s)}
    return found.pop() if len(found) == 1 else None


def belligerent(text: str, a: int, b: int) -> str | None:
    """The first party named as acting, not as target ("strikes against ISIS" names no actor)."""
    s = text[a:b]
    for m in BELLIGERENT_RE.finditer(s):
        if _TARGET_BEFORE.search(s[max(0, m.start() - 30):m.start()]):
            continue
        return _THE.sub("", m.group())
    return None


# Lower-case stems without which each STRIKE_TYPES pattern cannot match (checked on ASCII text only,
# where lower-casing and re.I agree letter for letter).
_STRIKE_TYPE_STEMS = {
    "drone": ("drone", "uav", "unmanned"),
    "missile": ("missile", "cruise", "rocket", "ballistic"),
    "artillery": ("artillery", "shell", "mortar", "rocket", "barrel"),
    "air": ("air", "warplane", "jet", "bomb", "aerial", "plane", "helicopter", "sortie"),
    "ground": ("ground", "gunfire", "shot", "shoot", "commando", "special", "air", "storm"),
}


def strike_type(text: str, a: int, b: int) -> str | None:
    s = text[a:b]
    low = s.lower() if s.isascii() else None
    for kind, rx in STRIKE_TYPES:
        if low is not None and not any(w in low for w in _STRIKE_TYPE_STEMS[kind]):
            continue
        if rx.search(s):
            return kind
    return None
