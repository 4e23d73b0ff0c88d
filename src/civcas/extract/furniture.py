"""Page furniture in scraped copy: other stories' headlines that a web page puts around an article.

A scraped page keeps the titles of linked videos ("Shelling kills 12 in Idlib - YouTube") and the
"Related News" list of other stories ("Related News First title | Second title | Third title
..."), run into the article without a full stop.  Their figures are other stories' figures, so
the rules do not read them: `without_furniture` cuts such stretches out of the sentence list (the
article text on either side stays a sentence of its own).
"""
from __future__ import annotations

import re

from .sentences import Sentence

_VIDEO = " - YouTube"
# A list of links: "Related News" (Articles, Stories, ...) followed, in the same sentence, by a
# " | " between two titles.
_RELATED = re.compile(r"\bRelated(?:\s+(?:News|Articles|Stories|Content|Coverage|Posts))?\s*:?\s")
_LINK_SEP = " | "


def without_furniture(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """`sentences` less the stretches that are other stories' headlines: a video title up to its
    " - YouTube", and a "Related News" list of titles separated by " | " up to its sentence's end."""
    if _VIDEO not in text and "Related" not in text:
        return sentences
    out: list[Sentence] = []
    for s in sentences:
        a, b = s.start, s.end
        # The video title runs from the sentence's start (the headline follows the previous full
        # stop) to " - YouTube"; what follows is the article again.
        v = text.find(_VIDEO, a, b)
        while v >= 0:
            a = v + len(_VIDEO)
            while a < b and text[a].isspace():
                a += 1
            v = text.find(_VIDEO, a, b)
        if a >= b:
            continue
        if _LINK_SEP in text[a:b]:
            m = _RELATED.search(text, a, b)
            if m and text.find(_LINK_SEP, m.end(), b) >= 0:
                b = m.start()
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b <= a:
                    continue
        out.append(s if (a, b) == (s.start, s.end) else Sentence(a, b))
    return out
