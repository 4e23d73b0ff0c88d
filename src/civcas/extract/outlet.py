"""The news outlet a report comes from, as far as its own text says so.

A figure that a wire story gives without naming a source is the outlet's own assertion: a
monitor recording "SANA: 10 civilians killed in attacks on Aleppo and Deir Ezzor" credits it to
SANA.  A tally needs that party, since tallies are compared by who asserts them (an official
count against an independent one).  The extractor sees only the text, so the outlet is read from
what copy says of itself: a credit line ("(TRT World and Agencies)", "Source: Reuters and
agencies"), a dateline ("BEIRUT (Reuters) -", "Monitor AFP Saturday 16 Jul 2016"), or the
outlet's own staff ("SANA reporter said", "told SANA's correspondent").  Another outlet's staff
("a Reuters photographer") does not make the story theirs, and nothing is guessed when the text
says nothing.
"""
from __future__ import annotations

import re

# News agencies and broadcasters that carry casualty reports, as copy names them: the name, and the
# form to record.
_OUTLETS = {
    "SANA": "SANA", "AFP": "AFP", "Agence France-Presse": "AFP", "Reuters": "Reuters",
    "AP": "AP", "Associated Press": "AP", "Anadolu Agency": "Anadolu Agency", "Anadolu": "Anadolu Agency",
    "TRT World": "TRT World", "TRTWorld": "TRT World", "Al Jazeera": "Al Jazeera",
    "Al-Alam": "Al-Alam", "Al Alam": "Al-Alam", "Sputnik": "Sputnik", "RIA Novosti": "RIA Novosti",
    "TASS": "TASS", "Xinhua": "Xinhua", "Daily Sabah": "Daily Sabah", "The New Arab": "The New Arab",
    "Jordan Times": "Jordan Times", "Al Arabiya": "Al Arabiya", "Asharq Al-Awsat": "Asharq Al-Awsat",
    "NNA": "NNA", "Press TV": "Press TV", "Al-Manar": "Al-Manar", "Al Manar": "Al-Manar", "DPA": "DPA",
    "IRNA": "IRNA", "BBC": "BBC", "CNN": "CNN", "Kurdistan 24": "Kurdistan 24", "Rudaw": "Rudaw",
}
_NAME = "|".join(sorted((re.escape(n) for n in _OUTLETS), key=len, reverse=True))
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# In order of trust: a credit line, a dateline, the outlet's own reporter.
_CREDIT = re.compile(rf"\((?P<n>{_NAME})\s+and\s+[Aa]gencies\)|\b[Ss]ource:?\s+(?P<m>{_NAME})\s+and\s+[Aa]gencies\b")
_DATELINE = re.compile(rf"\((?P<n>{_NAME})\)\s*[-–—]|\b(?P<m>{_NAME})\s+{_DAY}\s+\d{{1,2}}\s+[A-Z][a-z]{{2,8}}\s+\d{{4}}\b")
_OWN_STAFF = re.compile(rf"(?<!\ba\s)(?<!\ban\s)\b(?P<n>{_NAME})(?:'s|’s|s)?\s+(?:reporter|correspondent)s?\b|"
                        rf"\btold\s+(?P<m>{_NAME})\b")
_DATELINE_REACH = 400       # a dateline or byline is at the top of the story


def outlet(text: str) -> str | None:
    """The outlet whose copy `text` is, when the text says so; else None."""
    for rx, reach in ((_CREDIT, len(text)), (_DATELINE, _DATELINE_REACH), (_OWN_STAFF, len(text))):
        m = rx.search(text, 0, reach)
        if m:
            return _OUTLETS[m.group("n") or m.group("m")]
    return None


# A document's publisher as its metadata records it: a feed's or dataset's short name for the site
# ("alaraby", "manar"), its domain ("english.alaraby.co.uk") or a URL, keyed by the site's name with
# everything but letters and digits dropped; the value is the outlet to record.  The outlets' own
# names count too ("Daily Sabah" is "dailysabah").
def _site_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


_SITES = {_site_key(name): form for name, form in _OUTLETS.items()} | {
    "alaraby": "The New Arab", "alarabyalgadeed": "The New Arab", "newarab": "The New Arab",
    "ahram": "Ahram Online", "ahramonline": "Ahram Online", "manar": "Al-Manar", "etilaf": "Syrian Coalition",
    "sputniknews": "Sputnik", "trt": "TRT World", "arabiya": "Al Arabiya", "nnaleb": "NNA", "aawsat": "Asharq Al-Awsat",
    "apnews": "AP", "xinhuanet": "Xinhua", "aa": "Anadolu Agency",
}
# Labels of a host name that are not the site's name: sections and languages before it, the
# registry's suffixes after it.
_NOT_THE_SITE = {"www", "m", "en", "english", "arabic", "ar", "news", "com", "org", "net", "gov", "co", "ac", "int",
                 "info", "uk", "tr", "lb", "sy", "ru", "eg", "jo", "ae", "sa", "qa", "ir", "cn", "iq", "fr", "de", "us"}
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#].*)?$")


def publisher_outlet(publisher: str | None) -> str | None:
    """The outlet a document's publisher field stands for.  A site's short name, domain or URL
    becomes the outlet's name ("english.alaraby.co.uk" is The New Arab); a name we do not know is
    kept as the metadata gives it, since whoever published the report is its party either way."""
    name = " ".join((publisher or "").split()).strip("'\"")     # "'@handle" as scrapes quote it
    if not name:
        return None
    host = _HOST.match(name.lower())
    if host:
        labels = [label for label in host.group("host").split(".") if label not in _NOT_THE_SITE]
        return _SITES.get(_site_key(labels[-1]) if labels else "", host.group("host").removeprefix("www."))
    return _SITES.get(_site_key(name), name)
