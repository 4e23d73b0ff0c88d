r"""Faster compilations of the extractor's patterns, used where they provably match the same.

1. Case-insensitive patterns (`Folded`).  CPython's `re` is much slower with `re.IGNORECASE`: it
compares letters through case folding and cannot reject an alternative by its first character, so
a pattern such as FIGURE (some seventy alternatives) is entered in full at every word.  Compiled
without the flag, the same pattern skips an alternative with one comparison.  On ASCII text the
two are interchangeable: lower-casing keeps every offset, and a case-insensitive pattern whose
source has no upper-case letter makes exactly the same comparisons on the lower-cased text with
the flag off (a letter of the text matches a letter of the pattern ignoring case exactly when its
lower case matches it).  So `Folded` keeps both compilations: on ASCII text it searches the
lower-cased text with the fast one and then re-matches the original pattern at the position
found, which gives the same match object (groups hold the original characters) as the plain
search would have; any other text is searched with the original pattern.  (The re-match at a found position is made with the
original pattern compiled with `re.ASCII` as well: see 2.; it is cheaper and, on plain text, the same.)

2. `re.ASCII`.  For a str pattern, \w, \b, \d and \s ask Unicode's tables about every character;
with `re.ASCII` they are a table look-up.  On ASCII text both give the same answers, except that
Unicode counts the separators \x1c-\x1f as spaces: "plain" text below is ASCII text without them.
The fast compilations are made with `re.ASCII` and only used on plain text.  `Quick` is a
case-sensitive pattern with such a second compilation: on plain text its matches are the same,
groups and all, so they are returned as they are.  `Quick(pattern, first="[...]")` also puts a
look-ahead for the characters every match starts with in front of the fast compilation.

`Folded(pattern, needs=(...))` names words (lower case, no spaces) of which every match holds one
(in what it matches or in a look-ahead, never in a look-behind, which can see before the stretch
searched): on plain text, a stretch without any of them is not searched at all.

`Folded(pattern, loose=...)` also accepts a looser pattern for the fast search: one that matches
wherever the pattern matches (and maybe elsewhere), for a pattern with a case-sensitive part.
Every position the loose pattern finds is then checked with the original pattern, and searching
goes on from the next character when it does not match there, so the result is still exactly the
original pattern's.
"""
from __future__ import annotations

import re
import sys

_LONG = 400
# The last long text (the document, which all rules read in turn) and the last short one (a
# sentence or a few words cut from it, which several patterns often read in a row), each with its
# lower-cased form or None.  The texts are held, so `is` cannot mistake a new string for a freed one.
_doc: tuple = (None, None)
_piece: tuple = (None, None)


# Letters that Python's case-insensitive matching takes for ASCII ones: LONG S matches "s", KELVIN
# SIGN "k", DOTLESS i and I WITH DOT "i".  A word matched with re.I may hold them, so a table keyed
# by the ASCII word must be looked up with `key()`, not `lower()`.
_ASCII_TWINS = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0131": "i", "\u0130": "i"})


def key(word: str) -> str:
    """The lower-case ASCII form of a word matched case-insensitively, for table lookups."""
    return word.lower() if word.isascii() else word.translate(_ASCII_TWINS).lower()


def is_plain(text: str) -> bool:
    r"""ASCII without the separators \x1c-\x1f: text on which `re.ASCII` changes nothing."""
    return text.isascii() and not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)


def lowered(text: str) -> str | None:
    r"""`text.lower()` when text is plain (then every offset is kept), else None; remembered."""
    global _doc, _piece
    if _doc[0] is text:
        return _doc[1]
    if _piece[0] is text:
        return _piece[1]
    # (is_plain, written out: this runs for every short text searched)
    if text.isascii() and not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text):
        low = text.lower()
    else:
        low = None
    if len(text) >= _LONG:
        _doc = (text, low)
    else:
        _piece = (text, low)
    return low


def alternation(words) -> str:
    """An alternation of plain words grouped by first letter ("a|b(?:etween)|c(?:lose|ount)"),
    which `re` runs quickly: it passes over a group after comparing one letter, where a flat
    alternation is tried word by word.  Longer words first within a group; a caller that needs
    one word rather than another at the same place must make sure the pattern decides (a \\b
    after the alternation, say)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(c if rest == [""] else c + "(?:" + "|".join(sorted(rest, key=len, reverse=True)) + ")"
                    for c, rest in sorted(groups.items()))


_ESCAPES_AND_NAMES = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def _fold_safe(pattern: str) -> str:
    """The pattern, if it may run case-sensitively on lower-cased ASCII text: no upper-case letter
    (outside escapes such as \\S and group names), no inline flags, and no non-ASCII character with
    a case of its own."""
    plain = _ESCAPES_AND_NAMES.sub("", pattern)
    bad = [c for c in plain if c.isupper() or (not c.isascii() and (c.lower() != c or c.upper() != c))]
    if bad or _INLINE_FLAGS.search(plain):
        raise ValueError(f"pattern cannot be folded: {bad or _INLINE_FLAGS.search(plain).group()!r} in {pattern!r}")
    return pattern


class Folded:
    """`re.compile(pattern, re.I | flags)` with `search`, `match` and `finditer` that are faster
    on ASCII text and always return what the plain compiled pattern returns."""

    def __init__(self, pattern: str, flags: int = 0, loose: str | None = None, needs: tuple[str, ...] = ()):
        self.rx = re.compile(pattern, flags | re.I)
        # The same pattern for plain text, where Unicode and ASCII case folding agree (see 2.
        # above): the position the fast search found is re-matched with it, much more cheaply.
        self.plain = re.compile(pattern, flags | re.I | re.ASCII)
        self.needs = needs
        self.fast = re.compile(_fold_safe(pattern if loose is None else loose), (flags & ~re.I) | re.ASCII)
        self.pattern, self.flags = self.rx.pattern, self.rx.flags
        # finditer's rule for empty matches (the next match may start at the same place if it is
        # not empty) is not repeated here: patterns that can match nothing use the plain finditer.
        self._nonempty = re._parser.parse(pattern, flags | re.I).getwidth()[0] > 0

    # (The methods look at the remembered document themselves before calling lowered(): they
    # run tens of times per document, and the call is a good part of their own cost.)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        low = _doc[1] if _doc[0] is text else lowered(text)
        if low is None:
            return self.rx.search(text, pos, endpos)
        if self.needs:
            for w in self.needs:
                if low.find(w, pos, endpos) >= 0:
                    break
            else:
                return None
        fast, rx = self.fast.search, self.plain.match
        m = fast(low, pos, endpos)
        while m is not None:
            real = rx(text, m.start(), endpos)
            if real is not None:
                return real
            m = fast(low, m.start() + 1, endpos)
        return None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        low = _doc[1] if _doc[0] is text else lowered(text)
        if low is None:
            return self.rx.match(text, pos, endpos)
        if self.needs and not self._holds_needed(low, pos, endpos) or self.fast.match(low, pos, endpos) is None:
            return None
        return self.plain.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        low = (_doc[1] if _doc[0] is text else lowered(text)) if self._nonempty else None
        if low is None:
            yield from self.rx.finditer(text, pos, endpos)
            return
        if self.needs and not self._holds_needed(low, pos, endpos):
            return
        fast, rx = self.fast.search, self.plain.match
        m = fast(low, pos, endpos)
        while m is not None:
            start = m.start()
            real = rx(text, start, endpos)
            if real is not None:
                yield real
                m = fast(low, real.end(), endpos)     # never empty: see __init__
            else:
                m = fast(low, start + 1, endpos)

    def _holds_needed(self, low: str, pos: int, endpos: int) -> bool:
        for w in self.needs:
            if low.find(w, pos, endpos) >= 0:
                return True
        return False

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.rx.fullmatch(text, pos, endpos)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.rx.sub(repl, text, count)


class Quick:
    """`re.compile(pattern, flags)` (case-sensitive), searched with its `re.ASCII` compilation on
    plain text, where the two find the same matches."""

    def __init__(self, pattern: str, flags: int = 0, first: str | None = None):
        """`first`: a character class every match starts with ("[A-Zct]"); the fast compilation
        then looks at it before anything else, which rejects most places at once."""
        if flags & re.I:
            raise ValueError("Quick is for case-sensitive patterns; see Folded")
        self.rx = re.compile(pattern, flags)
        self.fast = re.compile(pattern if first is None else f"(?={first})(?:{pattern})", flags | re.ASCII)
        self.pattern, self.flags = self.rx.pattern, self.rx.flags

    def _for(self, text: str) -> re.Pattern:
        if _doc[0] is text:       # (looked at here rather than through lowered(): see Folded)
            plain = _doc[1] is not None
        elif _piece[0] is text:
            plain = _piece[1] is not None
        else:
            plain = text.isascii() and not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)
        return self.fast if plain else self.rx

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self._for(text).search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self._for(text).match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self._for(text).fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._for(text).finditer(text, pos, endpos)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self._for(text).sub(repl, text, count)
