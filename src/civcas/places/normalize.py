"""Spelling keys that let the many ways reports write one Arabic toponym meet in one index slot.

Reports spell the same village "Al-Baghuz Fawqani", "Baghouz Faqwani", "Baghuz al-Fawqani" and
"الباغوز الفوقاني".  Rather than edit-distance search over the whole gazetteer (slow, and it matches
unrelated short names), every name is reduced to two keys at index time:

* ``norm_key``: case, accents, the Arabic article, punctuation and the usual transliteration
  pairs (q/k, ou/u, e/a, doubled letters, -eh/-ah endings) folded away, vowels kept.  Arabic
  script is folded separately (alef forms, taa marbuta, alef maqsura, harakat, tatweel), so an
  Arabic name only meets Arabic names at this level.
* ``skeleton``: the consonant skeleton, which is what Arabic script writes.  Latin and Arabic
  names both reduce to it, so "Manbij" meets "منبج" and "Deir Ezzor" meets "Dayr az Zawr".  It is
  coarse on purpose; ranking (population, kind, context) sorts out the namesakes it brings in.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_HARAKAT_RE = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_INVISIBLE_RE = re.compile(r"[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")
_AR_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ې": "ي", "ە": "ه", "ھ": "ه", "ۆ": "و", "ێ": "ي", "ڕ": "ر", "ڵ": "ل",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "،": ",", "؛": ";", "؟": "?",
})
# Consonant skeleton of Arabic letters, written the way Latin transliterations reduce (see
# _latin_skeleton): emphatic and plain pairs merge, long vowels, ayn and hamza vanish.
_AR_SKEL = {
    "ا": "", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
    "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "",
    "ي": "", "ء": "", "پ": "b", "چ": "j", "ژ": "z", "گ": "g", "ڤ": "f",
}
# A simple Arabic -> Latin table for display and for a readable Latin key.
_AR_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "'", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v",
}
LATIN_ARTICLES = frozenset({"al", "el", "il", "ul", "ar", "ad", "ash", "as", "at", "az", "an", "adh",
                            "ath", "ed", "es", "et", "ez", "en", "er", "ech", "ec"})
_SPLIT_RE = re.compile(r"[\s\-‐‑–—_/.,;:()\[\]\"“”]+")
_APOS_RE = re.compile(r"['’‘`ʿʾʼ´]")


def has_arabic(text: str) -> bool:
    return ARABIC_RE.search(text) is not None


def fold_arabic(text: str) -> str:
    """Arabic letter variants that writers use interchangeably collapse to one form."""
    text = _INVISIBLE_RE.sub("", text)
    text = _HARAKAT_RE.sub("", text)
    return text.translate(_AR_FOLD)


def _strip_ar_article(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    if word.startswith("وال") and len(word) > 4:
        return word[3:]
    return word


def ascii_fold(text: str) -> str:
    """Lower-case Latin without accents, with apostrophes (ayn/hamza marks) removed."""
    text = _INVISIBLE_RE.sub("", text)
    text = text.replace("ı", "i").replace("ə", "e").replace("ł", "l").replace("ø", "o").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOS_RE.sub("", text)
    return text.lower()


def words(text: str) -> list[str]:
    return [w for w in _SPLIT_RE.split(text) if w]


def _latin_words(text: str) -> list[str]:
    ws = words(ascii_fold(text))
    out = []
    for i, w in enumerate(ws):
        if w in LATIN_ARTICLES and i + 1 < len(ws):
            continue
        if w.startswith("albu") and len(w) > 6:   # "Albu Kamal" = al-Bu Kamal
            w = w[2:]
        # "al-" glued by an apostrophe or written "Al" + name without space: leave as is; too risky
        out.append(w)
    return out


_FINAL_H = re.compile(r"(?<=[aeiou])h\b")          # -ah / -eh taa marbuta endings
_NORM_MAP = {"ou": "u", "oo": "u", "o": "u", "ee": "i", "ie": "i", "ei": "ay", "ey": "ay", "ai": "ay",
             "ay": "ay", "e": "a", "q": "k", "ck": "k", "c": "k", "dh": "d", "th": "t", "dj": "j", "ph": "f"}
# one pass, longest spelling first, so "ou" is read before "o" and "dh" before "d"
_NORM_RE = re.compile("|".join(sorted(_NORM_MAP, key=len, reverse=True)))
_DOUBLE_RE = re.compile(r"(.)\1+")


def _norm_word(w: str) -> str:
    w = _FINAL_H.sub("", w)
    return _NORM_RE.sub(lambda m: _NORM_MAP[m.group()], w)


@lru_cache(maxsize=200_000)
def norm_key(text: str) -> str:
    """Vowel-keeping key; Latin and Arabic names stay in separate namespaces."""
    if has_arabic(text):
        ws = [_strip_ar_article(w) for w in words(fold_arabic(text))]
        return "".join(ws)
    ws = [_norm_word(w) for w in _latin_words(text)]
    return _DOUBLE_RE.sub(r"\1", "".join(ws))


_SKEL_MAP = {"kh": "k", "gh": "g", "sch": "s", "sh": "s", "ch": "s", "th": "t", "dh": "d", "zh": "z",
             "dj": "j", "ph": "f", "q": "k", "c": "k", "x": "ks", "v": "f", "p": "b",
             **{ch: "" for ch in "aeiouwy0123456789"}}
_SKEL_RE = re.compile("|".join(sorted(_SKEL_MAP, key=len, reverse=True)))


def _latin_skel_word(w: str) -> str:
    w = _FINAL_H.sub("", w)
    return _SKEL_RE.sub(lambda m: _SKEL_MAP[m.group()], w)


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """Consonant skeleton shared by Latin and Arabic spellings of one name."""
    if has_arabic(text):
        ws = [_strip_ar_article(w) for w in words(fold_arabic(text))]
        ws = [w[:-1] if w.endswith("ه") and len(w) > 2 else w for w in ws]  # taa marbuta
        s = "".join(_AR_SKEL.get(ch, ch if ch.isascii() and ch.isalpha() else "") for w in ws for ch in w)
    else:
        s = "".join(_latin_skel_word(w) for w in _latin_words(text))
    s = re.sub(r"[^a-z]", "", s)
    return _DOUBLE_RE.sub(r"\1", s)


def arabic_to_latin(text: str) -> str:
    """A plain readable romanisation (no vowels beyond long ones): good enough to show and match."""
    out = []
    for w in words(fold_arabic(text)):
        art = ""
        if w.startswith("ال") and len(w) > 3:
            art, w = "al-", w[2:]
        lat = "".join(_AR_LATIN.get(ch, ch) for ch in w)
        lat = re.sub(r"h$", "a", lat) if w.endswith("ه") else lat
        out.append(art + lat)
    return " ".join(out).strip()
