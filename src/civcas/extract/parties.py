"""Well-known parties in civilian-harm reporting, with the names and acronyms texts use for them.

`canonical(name)` turns a speaker as the text words it ("the U.N.'s human rights office",
"U.S. Africa Command", "the Armed Conflict Location and Event Data Project (ACLED)") into one
standard short form ("OHCHR", "AFRICOM", "ACLED"); a name the table does not know is returned as
it was written.  `mentions(text, a, b)` finds the known organisations a span names, so that a later
"the Bureau", "the command" or "a spokesman" can be resolved to one of them.

Matching is a dictionary lookup on a normalised name (lower case, no dots, one space, straight
apostrophes) and, in running text, one compiled regular expression.
"""
from __future__ import annotations

import re
import sys

from .folding import Quick

# canonical name: (full name, aliases as texts write them).  The canonical name is the name the
# organisation uses for itself, with its acronym in brackets where texts use the acronym as well, so
# that it shares words with whichever form a text or an annotator wrote ("United Nations Assistance
# Mission in Afghanistan (UNAMA)"); commands known by their acronym keep the acronym ("AFRICOM").  The
# full name is what "the command", "the mission", "the Bureau" are looked up in.
ORGANISATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "UN": ("United Nations", ("United Nations", "UN", "U.N.")),
    "United Nations human rights office (OHCHR)": ("Office of the UN High Commissioner for Human Rights", (
        "OHCHR", "UN human rights office", "UN Human Rights Office", "UN rights office", "UN Human Rights",
        "United Nations human rights office", "United Nations Human Rights Office", "UN human rights agency",
        "Office of the UN High Commissioner for Human Rights",
        "Office of the United Nations High Commissioner for Human Rights",
        "UN High Commissioner for Human Rights", "United Nations High Commissioner for Human Rights",
        "UN Office of the High Commissioner for Human Rights")),
    "United Nations Assistance Mission in Afghanistan (UNAMA)": ("UN Assistance Mission in Afghanistan", (
        "UNAMA", "UN Assistance Mission in Afghanistan", "United Nations Assistance Mission in Afghanistan",
        "UN mission in Afghanistan", "United Nations mission in Afghanistan", "UN Mission in Afghanistan")),
    "United Nations Support Mission in Libya (UNSMIL)": ("United Nations Support Mission in Libya", (
        "UNSMIL", "UN Support Mission in Libya", "United Nations Support Mission in Libya",
        "UN mission in Libya", "United Nations mission in Libya", "UN Mission in Libya")),
    "UN Human Rights Monitoring Mission in Ukraine (HRMMU)": ("UN Human Rights Monitoring Mission in Ukraine", (
        "HRMMU", "UN Human Rights Monitoring Mission in Ukraine",
        "United Nations Human Rights Monitoring Mission in Ukraine",
        "UN human rights monitoring mission in Ukraine", "UN human rights monitoring mission",
        "United Nations human rights monitoring mission")),
    "UNICEF": ("United Nations Children's Fund", ("UNICEF", "United Nations Children's Fund",
                                                  "UN Children's Fund", "UN children's agency")),
    "World Health Organization (WHO)": ("World Health Organization", (
        "WHO", "World Health Organization", "World Health Organisation")),
    "International Committee of the Red Cross (ICRC)": ("International Committee of the Red Cross", (
        "ICRC", "International Committee of the Red Cross", "Red Cross")),
    "Doctors Without Borders (MSF)": ("Medecins Sans Frontieres", ("MSF", "Doctors Without Borders", "Médecins Sans Frontières",
                                         "Medecins Sans Frontieres")),
    "Amnesty International": ("Amnesty International", ("Amnesty International", "Amnesty")),
    "Human Rights Watch (HRW)": ("Human Rights Watch", ("Human Rights Watch", "HRW")),
    "Airwars": ("Airwars", ("Airwars", "Airwars.org")),
    "Bureau of Investigative Journalism": ("Bureau of Investigative Journalism", (
        "Bureau of Investigative Journalism", "TBIJ")),
    "Syrian Observatory for Human Rights (SOHR)": ("Syrian Observatory for Human Rights", (
        "SOHR", "Syrian Observatory for Human Rights", "Syrian Observatory", "Observatory for Human Rights")),
    "Syrian Network for Human Rights": ("Syrian Network for Human Rights", (
        "Syrian Network for Human Rights", "SNHR")),
    "Syrian Civil Defence (White Helmets)": ("Syrian Civil Defence", (
        "White Helmets", "Syrian Civil Defence", "Syrian Civil Defense", "Syria Civil Defence",
        "Syria Civil Defense")),
    "Mwatana for Human Rights": ("Mwatana for Human Rights", ("Mwatana for Human Rights", "Mwatana")),
    "Yemen Data Project": ("Yemen Data Project", ("Yemen Data Project",)),
    "Armed Conflict Location and Event Data Project (ACLED)": ("Armed Conflict Location and Event Data Project", (
        "ACLED", "Armed Conflict Location and Event Data Project",
        "Armed Conflict Location & Event Data Project", "Conflict Location and Event Data Project")),
    "New America": ("New America", ("New America",)),
    "Iraq Body Count": ("Iraq Body Count", ("Iraq Body Count",)),
    "Pentagon": ("Pentagon", ("Pentagon",)),
    "Department of Defense": ("Department of Defense", (
        "Department of Defense", "Defense Department", "DoD", "U.S. Department of Defense",
        "US Department of Defense", "U.S. Defense Department", "US Defense Department")),
    "CENTCOM": ("U.S. Central Command", ("CENTCOM", "U.S. Central Command", "US Central Command",
                                         "Central Command")),
    "AFRICOM": ("U.S. Africa Command", ("AFRICOM", "U.S. Africa Command", "US Africa Command", "Africa Command")),
    "AFCENT": ("U.S. Air Forces Central Command", ("AFCENT", "Air Forces Central Command",
                                                    "U.S. Air Forces Central", "Air Forces Central")),
    "CJTF-OIR": ("Combined Joint Task Force-Operation Inherent Resolve", (
        "CJTF-OIR", "Combined Joint Task Force-Operation Inherent Resolve",
        "Combined Joint Task Force – Operation Inherent Resolve", "Combined Joint Task Force",
        "Operation Inherent Resolve")),
    "US-led coalition": ("US-led coalition", ("U.S.-led coalition", "US-led coalition")),
    "Resolute Support": ("Resolute Support mission", ("Resolute Support", "Resolute Support mission")),
    "NATO": ("North Atlantic Treaty Organization", ("NATO", "North Atlantic Treaty Organization")),
    "Israeli military": ("Israeli military", ("Israeli military", "Israel Defense Forces", "IDF",
                                              "Israeli army", "Israel Defence Forces")),
    "Gaza Health Ministry": ("Gaza Health Ministry", (
        "Gaza Health Ministry", "Gaza health ministry", "Gaza Ministry of Health", "Gaza's Health Ministry",
        "Gaza's health ministry", "Health Ministry in Gaza", "health ministry in Gaza",
        "Ministry of Health in Gaza")),
    "Russian Defence Ministry": ("Russian Defence Ministry", (
        "Russian Defence Ministry", "Russian Defense Ministry", "Russian Ministry of Defence",
        "Russian Ministry of Defense", "Russia's Defence Ministry", "Russia's Defense Ministry",
        "Russian defence ministry", "Russian defense ministry", "Russia's Ministry of Defence",
        "Russia's Ministry of Defense")),
    "Associated Press": ("Associated Press", ("Associated Press", "AP")),
    "The New York Times": ("The New York Times", ("New York Times", "The New York Times", "NYT")),
}

_STRIP = re.compile(r"[.]")
_APOS = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})
_WS = re.compile(r"\s+")
_POSS = re.compile(r"'s\b")


def _key(name: str) -> str:
    # _STRIP, _POSS and _WS applied with cheaper str methods that give the same text: removing "."
    # is str.replace, "'s" is only looked for when present, and collapsing \s+ runs then stripping
    # is " ".join(str.split()) (both use str.isspace's idea of a space).
    k = name.translate(_APOS).replace(".", "")
    if "'s" in k:
        k = _POSS.sub("", k)
    k = " ".join(k.split()).lower()
    return k[4:] if k.startswith("the ") else k


_BY_KEY: dict[str, str] = {}
_FULL: dict[str, str] = {}
for _canon, (_full, _aliases) in ORGANISATIONS.items():
    _FULL[_canon] = _full
    for _alias in (_canon, _full) + _aliases:
        _BY_KEY.setdefault(_key(_alias), _canon)

# A known name cut short before its place ("the UN Assistance Mission" for "... in Afghanistan"):
# the first three or more words of one organisation's name, ending on a capitalised word, name it
# when no other organisation's name starts with the same words.
_PREFIX: dict[str, str | None] = {}
for _canon, (_full, _aliases) in ORGANISATIONS.items():
    for _alias in (_full,) + _aliases:
        _words = _alias.split()
        for _n in range(3, len(_words)):
            if _words[_n - 1][:1].isupper():
                _k = _key(" ".join(_words[:_n]))
                if _k not in _BY_KEY:
                    _PREFIX[_k] = _canon if _PREFIX.get(_k, _canon) == _canon else None


def _alias_pattern(alias: str) -> str:
    out = []
    for ch in alias:
        if ch == ".":
            out.append(r"\.?")
        elif ch == " ":
            out.append(r"\s+")
        elif ch in "'’":
            out.append("[’']")
        else:
            out.append(re.escape(ch))
    return "".join(out)


# Every alias, longest first, case-sensitive (acronyms such as "WHO" or "AP" are only names in capitals).
_ALL_ALIASES = sorted({a for _c, (_f, al) in ORGANISATIONS.items() for a in al + (_f,)}, key=len, reverse=True)
# (The first letters of the aliases, which every mention starts with: Quick looks at them first.)
_FIRST_LETTERS = "[" + "".join(sorted({re.escape(a[0]) for a in _ALL_ALIASES if a[0] not in ". '’"})) + "]"
MENTION_RE = Quick(r"(?<![\w-])(?:" + "|".join(_alias_pattern(a) for a in _ALL_ALIASES) + r")(?![\w-])",
                   first=_FIRST_LETTERS if not any(a[0] in ". '’" for a in _ALL_ALIASES) else None)

# "the Bureau's researchers", "UN's humanitarian coordinator", "AFRICOM spokesperson": an
# organisation followed by words for some of its people or parts.
_ROLE_TAIL = re.compile(r"^(?P<org>.+?)(?:[’']s)?(?:\s+(?:own|senior|chief|top|deputy|humanitarian|human|rights|"
                        r"press|regional|country|local|field|public|affairs|special|resident|official|officials|"
                        r"spokes(?:man|woman|person)|researchers?|investigators?|analysts?|staff|team|envoy|"
                        r"coordinator|representative|office|officer|head|director|chief|data|figures|count|"
                        r"tally|monitors?|rapporteur|statement|report|records?|investigation|study|analysis|research)){1,4}$")
# Where an organisation is based, said before its name: not part of the name.
_BASED = re.compile(r"^(?:the\s+)?(?:[\w.]+[- ]based|opposition|opposing)\s+(?:(?:opposition|opposing)\s+)?", re.I)
_PROPER = re.compile(r"^[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|&|in|on|the|[A-Z][\w.&'’-]*))*$")
_ACRONYM_TAIL = re.compile(r"^(?P<name>.+?)\s*\(?(?P<acr>[A-Z][A-Z-]{1,9})\)?$")


# Names every reader and annotator already agrees on in whichever form the text uses: kept as written.
_AS_WRITTEN = {"UN"}


def lookup(name: str | None) -> str | None:
    """The canonical name of a known organisation written exactly as `name`, else None."""
    if not name:
        return None
    return _BY_KEY.get(_key(name))


def canonical(name: str | None) -> str | None:
    """The standard short form of a speaker's name; a name the table does not know, as written."""
    if not name:
        return name
    found = _BY_KEY.get(_key(name))
    if found:
        return name if found in _AS_WRITTEN else found
    m = _ACRONYM_TAIL.match(name)
    if m and _PROPER.match(m.group("name")):   # "UN Assistance Mission in Afghanistan (UNAMA)", "... Project ACLED"
        found = _BY_KEY.get(_key(m.group("acr"))) or _BY_KEY.get(_key(m.group("name")))
        if found:
            return found
    m = _ROLE_TAIL.match(name)
    if m:
        found = _BY_KEY.get(_key(m.group("org")))
        if found:
            return m.group("org") if found in _AS_WRITTEN else found
    found = _PREFIX.get(_key(name))
    if found:
        return found
    m = _BASED.match(name)
    if m:       # "the Britain-based Syrian Observatory for Human Rights", "UK-based Airwars"
        rest = name[m.end():]
        if lookup(rest) or _PREFIX.get(_key(rest)):
            return canonical(rest)
    return name


def full_name(canon: str) -> str:
    return _FULL.get(canon, canon)


def mentions(text: str, a: int, b: int) -> list[tuple[int, str]]:
    """(position, canonical name) of each known organisation named in text[a:b]."""
    return list(iter_mentions(text, a, b))


def iter_mentions(text: str, a: int = 0, b: int = sys.maxsize):
    """`mentions`, one at a time, for a reader that may stop early."""
    for m in MENTION_RE.finditer(text, a, b):
        k = _key(m.group())
        if k in _BY_KEY:
            yield m.start(), _BY_KEY[k]
