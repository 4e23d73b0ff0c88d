"""Sentence boundaries as character offsets, so every quote can point back into the text.

A regex splitter rather than a tagger: claims in news text live inside one sentence (or two,
for "Among the dead were ..."), and the splitter only has to avoid the abbreviations that
casualty reporting is full of ("U.S.", "Dec. 28", "Lt. Gen.").  It is the cheapest step that
lets every other rule look at a bounded window.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "vs", "etc", "e.g", "i.e", "approx", "est", "gov", "sen", "rep", "jr", "sr", "inc", "co", "corp",
    "a.m", "p.m", "mt", "ft", "u.s.-led", "d.c",
}
_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def split(text: str) -> list[Sentence]:
    """Sentences as [start, end) with surrounding whitespace trimmed; never empty."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        p = m.start()
        if text[p] != "\n" and text[p] == ".":
            # The word the full stop ends: "U.S." and single capitals ("John F. Kennedy") do not end a sentence.
            w0 = max(text.rfind(" ", 0, p), text.rfind("\n", 0, p), text.rfind("(", 0, p)) + 1
            token = text[w0:p].lower().lstrip("\"“‘'")
            if token in _ABBREV or (len(token) == 1 and token.isalpha()) or token.rstrip(".") in _ABBREV:
                continue
        end = m.end() if text[p] != "\n" else p
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b))
        start = m.end()
    a, b = start, len(text)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b))
    return out
