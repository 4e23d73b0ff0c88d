"""Sentence boundaries as character offsets, so every quote can point back into the text.

A regex splitter rather than a tagger: claims in news text live inside one sentence (or two,
for "Among the dead were ..."), and the splitter only has to avoid the abbreviations that
casualty reporting is full of ("U.S.", "Dec. 28", "Lt. Gen.").  It is the cheapest step that
lets every other rule look at a bounded window.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_ABBREV = {
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "vs", "etc", "e.g", "i.e", "approx", "est", "gov", "sen", "rep", "jr", "sr", "inc", "co", "corp",
    "a.m", "p.m", "mt", "ft", "u.s.-led", "d.c",
}
_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")


class Sentence(NamedTuple):
    """[start, end) in the text; immutable (a named tuple: the cheapest such object to make)."""

    start: int
    end: int


def split(text: str) -> list[Sentence]:
    """Sentences as [start, end) with surrounding whitespace trimmed; never empty."""
    out: list[Sentence] = []
    append = out.append
    start = 0
    for m in _END.finditer(text):
        p = m.start()
        c = text[p]
        if c == ".":
            # The word the full stop ends: "U.S." and single capitals ("John F. Kennedy") do not end a sentence.
            # (the last space, newline or parenthesis before p: the other two are only looked for
            # after the last space, which bounds the search)
            w0 = text.rfind(" ", 0, p) + 1
            w0 = max(w0, text.rfind("\n", w0, p) + 1, text.rfind("(", w0, p) + 1)
            token = text[w0:p].lower().lstrip("\"“‘'")
            if token in _ABBREV or (len(token) == 1 and token.isalpha()) or token.rstrip(".") in _ABBREV:
                continue
        end = p if c == "\n" else m.end()
        # str.strip() drops exactly the characters str.isspace() accepts.
        seg = text[start:end].lstrip()
        if seg:
            a = end - len(seg)
            append(Sentence(a, a + len(seg.rstrip())))
        start = m.end()
    seg = text[start:].lstrip()
    if seg:
        a = len(text) - len(seg)
        append(Sentence(a, a + len(seg.rstrip())))
    return out
