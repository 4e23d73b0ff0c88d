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
