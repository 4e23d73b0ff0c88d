"""Rules for Arabic casualty reports: the same ClaimRecords the English rules make.

Arabic news, Facebook and X posts about strikes in Syria say the same few things in a few
shapes: a harm noun or verb governing a figure and a people noun ("مقتل 12 مدنياً", "استشهد
ثلاثة أطفال", "إصابة 4 مدنيين"), a figure of a harm noun ("5 قتلى", "شهيدان"), parts after a total
("بينهم طفلان وامرأة"), injured after killed ("وإصابة 10 آخرين").  The text is split into tokens
(with their character offsets) and each token is normalised (diacritics and tatweel dropped,
hamza forms of alef folded, ى -> ي, ة -> ه, clitic prefixes و/ف/ب/ل/ال tried off) before it is
looked up in small lexicons, so matching is by dictionary, not by long regular expressions, and
runs in linear time.  See docs/extract_arabic.md for the numbers policy.

Spans are sentences (capped at a window around the figure in run-on posts); every claim's quote
is `text[span[0]:span[1]]`.
"""
from __future__ import annotations

import calendar
import functools
import datetime as dt
import re
from dataclasses import dataclass, field

from ..records import ClaimRecord
from .numbers import VAGUE

__all__ = ["is_arabic", "extract_arabic", "parse_arabic_date", "BELLIGERENTS"]

# -- normalisation ---------------------------------------------------------------------------
_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ڪ": "ك", "ی": "ي",
                       "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8",
                       "٩": "9", "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7",
                       "۸": "8", "۹": "9", "٬": ",", "٫": "."})


@functools.lru_cache(maxsize=65536)
def _norm_word(s: str) -> str:
    return _DIACRITICS.sub("", s).translate(_FOLD)


def norm(s: str) -> str:
    """Diacritics and tatweel dropped, letter variants folded, Arabic-Indic digits to ASCII."""
    return _DIACRITICS.sub("", s).translate(_FOLD)


_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def is_arabic(text: str) -> bool:
    """Whether most letters of the text are Arabic script (Latin boilerplate of a web page may surround it)."""
    if not text:
        return False
    sample = text if len(text) <= 20000 else text[:20000]
    ar = len(_ARABIC_LETTER.findall(sample))
    la = len(_LATIN_LETTER.findall(sample))
    return ar >= 20 and ar > la


# -- lexicons (written naturally, normalised on load) ----------------------------------------
@functools.lru_cache(maxsize=None)
def _n(words: str) -> frozenset[str] | tuple[str, ...]:
    """Normalised words of a space-separated list (cached: rules call it with literal lists)."""
    return tuple(norm(w) for w in words.split())


KILLED_WORDS = set(_n(
    "مقتل قتل قتلى قتيل قتيلا قتيلة قتلوا قتلت يقتل مصرع استشهاد استشهد استشهدت استشهدوا شهداء شهيد شهيدا شهيدة "
    "ضحايا ضحية وفاة توفي توفيت توفوا قضى قضوا قضت لقي لقوا لقيت حتفه حتفهم حتفها ارتقاء ارتقى ارتقت ارتقوا "
    "جثث جثة جثامين جثمان تصفية اغتيال ضحيته ضحيتها ضحيتهم ضحيتهما مصرعه مصرعها مصرعهم مصرعهما حتفهما بحياة"))
INJURED_WORDS = set(_n(
    "إصابة اصابة إصابات إصابته أصيب أصيبت أصيبوا يصاب جرحى جريح جريحا جريحة جرح جرحوا جروح بجروح مصاب مصابين "
    "مصابون مصابا مصابة إصابتهم يجرح تجرح"))
# Harm nouns that are themselves what is counted ("5 قتلى", "3 جرحى").
HARM_NOUNS = {**{w: "killed" for w in _n("قتلى قتيل قتيلا قتيلة شهداء شهيد شهيدا شهيدة ضحايا ضحية جثث جثة")},
              **{w: "injured" for w in _n("جرحى جريح جريحا جريحة مصاب مصابين مصابون مصابا مصابة إصابات إصابة")}}

# People nouns -> (victims, grammatical number): "s" singular, "d" dual, "p" plural, "a" ambiguous
# (the oblique masculine plural that is also the oblique dual: مدنيين).
_VICTIM_SPEC = {
    "civilians": ("مدني:s مدنيا:s مدنية:s مدنيان:d مدنيتان:d مدنيتين:d مدنيين:a مدنيون:p مدنيات:p"),
    "people": ("شخص:s شخصا:s شخصان:d شخصين:d أشخاص:p اشخاص:p مواطن:s مواطنا:s مواطنة:s مواطنان:d مواطنين:a "
               "مواطنون:p مواطنات:p نفس:s أفراد:p شقيقان:d شقيقين:d أخوين:d أخوان:d أشقاء:p سكان:p أهالي:p سوريين:a سوريون:p "
               "نازح:s نازحين:a نازحون:p مدنيا:s "
               # civilian callings: "استشهاد الصحفي ...", "مقتل 4 عمال", "مقتل متطوعين اثنين"
               "صحفي:s صحفيا:s صحفية:s صحفيين:a صحفيون:p ناشط:s ناشطا:s ناشطة:s ناشطين:a ناشطون:p "
               "متطوع:s متطوعا:s متطوعة:s متطوعين:a متطوعون:p مسعف:s مسعفا:s مسعفين:a مسعفون:p "
               "طبيب:s طبيبا:s طبيبة:s أطباء:p ممرض:s ممرضة:s ممرضين:a ممرضون:p معلم:s معلما:s معلمة:s "
               "معلمين:a معلمون:p مدرس:s مدرسا:s مدرسين:a طالب:s طالبا:s طالبة:s طلاب:p طالبات:p "
               "عامل:s عاملا:s عمال:p راعي:s رعاة:p حاج:s مختار:s إعلامي:s إعلاميا:s إعلاميين:a "
               "مصور:s مصورا:s سائق:s سائقا:s سائقين:a بائع:s بائعا:s باعة:p"),
    "children": ("طفل:s طفلا:s طفلة:s طفلان:d طفلين:d طفلتان:d طفلتين:d أطفال:p رضيع:s رضيعة:s رضع:p "
                 "قاصر:s قاصرين:a فتى:s فتاة:s طفلات:p"),
    "women": "امرأة:s مرأة:s مرأتان:d مرأتين:d إمرأة:s امرأتان:d امرأتين:d نساء:p سيدة:s سيدتان:d سيدتين:d سيدات:p",
    "men": "رجل:s رجلا:s رجلان:d رجلين:d رجال:p شاب:s شابا:s شابان:d شابين:d شبان:p مسن:s مسنا:s مسنة:s",
    "family": "عائلة:s عائلات:p أسرة:s أسر:p",
    # Relatives named in a list ("مقتل أم وطفلها", "وابنه"): one person each.
    "relatives_w": "أم:s أمه:s أمها:s أمهم:s والدتهم:s والدته:s والدتها:s زوجته:s زوجة:s ابنته:s ابنتها:s",
    "relatives_m": "أب:s أبوه:s والده:s والدها:s والدهم:s أبيهم:s زوجها:s",
    "relatives_c": "طفلها:s طفله:s طفليه:d طفليها:d أطفالها:p أطفاله:p طفلتها:s طفلته:s طفلتيه:d طفلتيها:d",
    "relatives_c2": "أطفالهم:p أطفالهما:p أطفالهن:p",
    "relatives_p": "أصحابه:p رفاقه:p أصدقائه:p زملائه:p رفيقه:s صديقه:s زميله:s",
    "relatives": "ابنه:s ابنها:s نجله:s شقيقه:s شقيقها:s شقيقته:s شقيقتها:s أخيه:s أخته:s أخوه:s ابنيه:d ابنيها:d "
                 "أولاده:p أولادها:p أولادهم:p أولادهما:p أبناءه:p أبنائه:p أبناؤه:p أبنائها:p أبناءها:p أبنائهم:p "
                 "أبنائهما:p بناته:p بناتها:p ابنتين:d ابنتان:d ابنين:d ابنان:d ابنتيه:d ابنتيها:d أشقائه:p أشقائها:p إخوته:p اخوته:p",
    "others": "آخرين:p آخرون:p آخر:s أخرى:s أخريات:p آخرين:p",
    "fighters": ("عنصر:s عنصرا:s عنصران:d عنصرين:d عناصر:p مقاتل:s مقاتلا:s مقاتلان:d مقاتلين:a مقاتلون:p "
                 "مقاتلي:p مسلح:s مسلحا:s مسلحان:d مسلحين:a مسلحون:p مسلحي:p جندي:s جنديا:s جنديان:d جنديين:d جنود:p "
                 "عسكري:s عسكريا:s عسكريين:a عسكريون:p ضابط:s ضابطا:s ضباط:p قيادي:s قياديا:s قياديين:a قيادات:p "
                 "إرهابي:s إرهابيا:s إرهابيين:a إرهابيون:p مرتزق:s مرتزقة:p مجند:s مجندين:a عناصره:p عناصرها:p "
                 "مسؤول:s أمير:s متزعم:s قائد:s جهادي:s جهاديين:a مجاهد:s مجاهدا:s مجاهدين:a مجاهدون:p "
                 "مجاهدي:p مقاتليه:p مقاتليها:p مقاتليهم:p جنوده:p جنودها:p"),
}
VICTIMS: dict[str, tuple[str, str]] = {}
_REL_KIND = {"relatives_w": "women", "relatives_m": "men", "relatives_c": "children", "relatives_c2": "children",
             "relatives": "people", "relatives_p": "people"}
for _kind, _spec in _VICTIM_SPEC.items():
    for _item in _spec.split():
        _w, _g = _item.rsplit(":", 1)
        VICTIMS.setdefault(norm(_w), (_REL_KIND.get(_kind, _kind), _g))
_PART_OF = {"children": "children", "women": "women", "men": "men"}

UNITS = {**{w: 1 for w in _n("واحد واحدة")}, **{w: 2 for w in _n("اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي")},
         **{w: 3 for w in _n("ثلاث ثلاثة")}, **{w: 4 for w in _n("أربع أربعة")}, **{w: 5 for w in _n("خمس خمسة")},
         **{w: 6 for w in _n("ست ستة")}, **{w: 7 for w in _n("سبع سبعة")},
         **{w: 8 for w in _n("ثمان ثماني ثمانية")}, **{w: 9 for w in _n("تسع تسعة")},
         **{w: 10 for w in _n("عشر عشرة")}}
TEEN_TENS = set(_n("عشر عشرة"))
ONE_OF = set(_n("أحد إحدى احدى"))
TENS = {}
for _w, _v in (("عشرون عشرين", 20), ("ثلاثون ثلاثين", 30), ("أربعون أربعين", 40), ("خمسون خمسين", 50),
               ("ستون ستين", 60), ("سبعون سبعين", 70), ("ثمانون ثمانين", 80), ("تسعون تسعين", 90)):
    TENS.update({w: _v for w in _n(_w)})
HUNDREDS = {**{w: 100 for w in _n("مئة مائة")}, **{w: 200 for w in _n("مئتان مئتين مائتان مائتين مئتا مئتي")}}
for _u, _v in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)):
    HUNDREDS[norm(_u + "مئة")] = HUNDREDS[norm(_u + "مائة")] = _v * 100
THOUSANDS = {**{w: 1000 for w in _n("ألف")}, **{w: 2000 for w in _n("ألفان ألفين ألفا")}}
VAGUE_AR = {norm("عشرات"): VAGUE["dozens"], norm("مئات"): VAGUE["hundreds"], norm("آلاف"): VAGUE["thousands"],
            norm("الاف"): VAGUE["thousands"], norm("عدة"): VAGUE["several"], norm("بضعة"): VAGUE["several"],
            norm("بضع"): VAGUE["several"]}
_SCALE_AFTER = {norm("ألف"): 1000, norm("آلاف"): 1000, norm("الاف"): 1000, norm("مليون"): 1_000_000}
_GROUP_AFTER_MIN = set(_n("حزب قوات الفصائل فصائل فصيل عناصر تنظيم ميليشيا ميليشيات مليشيا الجيش جيش هيئة مقاتلي "
                          "صفوف مسلحي المسلحين العسكريين الحرس"))
# Words that make a number something other than a count of people.
NOT_PEOPLE_UNITS = set(_n(
    "عام عاما أعوام سنة سنوات سنين عمر شهر شهرا أشهر شهور يوم يوما أيام ساعة ساعات دقيقة دقائق ثانية ليرة "
    "ليرات دولار دولارا دولارات يورو كم كيلومتر كيلومترات متر مترا أمتار ميل بالمئة بالمائة في_المئة غارة غارات "
    "غارتين غارتان صاروخ صواريخ قذيفة قذائف منزل منازل مبنى طائرة طائرات مسيرة مسيرات هجوم هجمات ضربة ضربات "
    "مرة مرات حادث حوادث طن كغ كيلو نقطة نقاط موقع مواقع قرية قرى بلدة بلدات سيارة سيارات مشاهدة مشاهدات "
    "تعليق تعليقات مشاركة مشاركات إعجاب صفحة بئر حالة حالات عملية عمليات"))
# Words between a harm word and its figure that do not break the link ("مقتل ما لا يقل عن 5").
_LINK = set(_n("ما لا يقل يزيد عن على من إلى الى حوالي حوالى نحو قرابة زهاء أكثر اكثر أزيد يقارب يقرب حصيلة عدد "
               "ارتفاع ارتفعت ارتفع وصول وصلت بلغت بلغ إلى سقوط وقوع أسفر أسفرت عن لمقتل بمقتل أدى أدت"))
# Speech/report verbs: the speaker follows.
_SAY = set(_n("قال وقال أفاد وأفاد ذكر وذكر أكد وأكد أعلن وأعلن أشار وأشار وثق ووثق نقل ونقل أوضح وأوضح "
              "أفادت وأفادت قالت وقالت ذكرت وذكرت أكدت وأكدت أعلنت وأعلنت أشارت وأشارت وثقت ووثقت نقلت ونقلت "
              "أوضحت وأوضحت رصد ورصد رصدت ورصدت نشر ونشر نشرت ونشرت"))
_PERIOD = re.compile(norm(r"منذ|خلال (?:ال)?(?:شهر|عام|سنة|أسبوع|أشهر|أعوام|سنوات|أيام|الأسبوع|الماضي)|حصيلة شهر"
                          r"|الشهر الماضي|العام الماضي|منذ بداية|منذ مطلع|حتى الآن|الحصيلة الإجمالية|إجمالي"))
_NOT_STRIKE = re.compile(r"(?<![\u0621-\u064A])(?:[وب]?(?:ال)?)" + norm(
    r"(?:حادث سير|حوادث السير|حوادث سير|حادث مروري|غرق|انقلاب|فيروس|كورونا|زلزال|تدافع)") + r"(?![\u0621-\u064A])")


@functools.lru_cache(maxsize=65536)
def _variants(w: str) -> tuple[str, ...]:
    out = [w]
    if len(w) > 3 and w[0] in "وف":
        out.append(w[1:])
    more = []
    for v in out:
        for p in ("وال", "بال", "فال", "كال", "لل", "ال", "ب", "ل", "ك"):
            if v.startswith(p) and len(v) - len(p) >= 2:
                more.append(v[len(p):])
    return tuple(out + more)


def _definite(w: str) -> bool:
    return any(w.startswith(p) for p in ("ال", "وال", "بال", "فال", "لل", "كال"))


# -- tokens ----------------------------------------------------------------------------------
_TOKEN = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[,.٬٫][0-9\u0660-\u0669\u06F0-\u06F9]+)*"
                    r"|[\u0621-\u065F\u0670-\u06D3\u06D6-\u06ED]+|[A-Za-z]+")
_BOUNDARY = re.compile(r"[.!?؟؛\n|]")   # between tokens: a sentence ends
_CLAUSE = re.compile(r"[،,:;()\"“”«»\-–]")


@dataclass
class Tok:
    i: int
    start: int
    end: int
    raw: str
    n: str            # normalised
    sent: int         # sentence index
    gap: str          # text between the previous token and this one


@dataclass
class Figure:
    start_tok: int
    end_tok: int          # index of the last token of the figure (number or noun)
    count_min: int | None
    count_max: int | None
    qualifier: str
    victims: str          # kind from VICTIMS, or "unspecified"
    harm: str | None = None   # killed / injured / killed or injured
    bare: bool = False    # a number with no people noun


def _tokens(text: str) -> list[Tok]:
    toks: list[Tok] = []
    prev_end = 0
    sent = 0
    for m in _TOKEN.finditer(text):
        w = _norm_word(m.group())
        if not w:
            continue        # tatweel or diacritics alone
        gap = text[prev_end:m.start()]
        if toks and _BOUNDARY.search(gap):
            sent += 1
        toks.append(Tok(len(toks), m.start(), m.end(), m.group(), w, sent, gap))
        prev_end = m.end()
    return toks


def _lookup(table: dict | set, w: str, conj: bool = True):
    """The form of w (itself or with clitic prefixes off) that `table` knows; with conj=False a
    leading conjunction و/ف is not taken off (a conjoined word starts a new phrase)."""
    for v in (_variants(w) if conj or w[:1] not in "وف" else _variants_noconj(w)):
        if v in table:
            return v
    return None


def _variants_noconj(w: str) -> list[str]:
    out = [w]
    for p in ("بال", "كال", "لل", "ال", "ب", "ل", "ك"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            out.append(w[len(p):])
    return [v for v in out if not (v is not w and w[:1] in "وف")] or [w]


def _num_value(w: str) -> int | None:
    if w[0].isdigit():
        s = w.replace(",", "")
        if "." in s:
            return None
        try:
            return int(s)
        except ValueError:
            return None
    return None


def _word_number(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """(value, index of last token) of a spelled-out number starting at token i."""
    n = len(toks)
    w = toks[i].n
    total = None
    j = i
    # Hundreds / thousands first.
    h = _lookup(HUNDREDS, w)
    if h is not None and (w in HUNDREDS or w[0] in "وف" and w[1:] in HUNDREDS):
        total = HUNDREDS[h]
    else:
        u = UNITS.get(w) if w in UNITS else (UNITS.get(w[1:]) if w[:1] == "و" and j > i else None)
        if u is not None:
            total = u
            if u < 10 and j + 1 < n and toks[j + 1].n in TEEN_TENS and not toks[j + 1].gap.strip():
                return u + 10, j + 1
            if j + 1 < n and not toks[j + 1].gap.strip() and toks[j + 1].n[:1] == "و" and toks[j + 1].n[1:] in TENS \
                    and u < 10:
                return u + TENS[toks[j + 1].n[1:]], j + 1
            if j + 1 < n and toks[j + 1].n in HUNDREDS and u < 10 and toks[j + 1].n in _n("مئة مائة"):
                total = u * 100
                j += 1
            else:
                return total, j
        elif w in TENS:
            return TENS[w], j
        elif w in ONE_OF and j + 1 < n and toks[j + 1].n in TEEN_TENS:
            return 11, j + 1
        elif w in THOUSANDS:
            total = THOUSANDS[w]
        else:
            return None
    # After hundreds: "و" + units/tens.
    if j + 1 < n and toks[j + 1].n[:1] == "و":
        rest = toks[j + 1].n[1:]
        if rest in TENS:
            return total + TENS[rest], j + 1
        if rest in UNITS:
            u = UNITS[rest]
            if j + 2 < n and toks[j + 2].n[:1] == "و" and toks[j + 2].n[1:] in TENS:
                return total + u + TENS[toks[j + 2].n[1:]], j + 2
            return total + u, j + 1
    return total, j


_HEDGE_BEFORE = [  # token sequences (normalised), qualifier
    (_n("ما لا يقل عن"), "at_least"), (_n("لا يقل عن"), "at_least"), (_n("ما يزيد عن"), "more_than"),
    (_n("ما يزيد على"), "more_than"), (_n("أكثر من"), "more_than"), (_n("أزيد من"), "more_than"),
    (_n("ما يقارب"), "about"), (_n("ما يقرب من"), "about"), (_n("نحو"), "about"), (_n("حوالي"), "about"),
    (_n("حوالى"), "about"), (_n("قرابة"), "about"), (_n("زهاء"), "about"), (_n("أقل من"), "fewer_than"),
    (_n("حتى"), "up_to"),
]


def _hedge_before(toks: list[Tok], i: int) -> tuple[str, int] | None:
    """Qualifier and first token index of a hedge ending just before token i."""
    for seq, q in _HEDGE_BEFORE:
        k = len(seq)
        if i - k < 0:
            continue
        ok = True
        for off, w in enumerate(seq):
            t = toks[i - k + off]
            tw = t.n[1:] if off == 0 and t.n[:1] == "و" and t.n[1:] == w else t.n
            if tw != w and not (off == 0 and tw in ("ب" + w, "ل" + w)):
                ok = False
                break
            if off and t.gap.strip():
                ok = False
                break
        if ok and not toks[i].gap.strip():
            return q, i - k
    return None


_AT_LEAST_AFTER = _n("على الأقل")


def _at_least_after(toks: list[Tok], j: int) -> int | None:
    """Index of the last token of "على الأقل" right after token j (or after one more word)."""
    for start in (j + 1, j + 2):
        if start + 1 < len(toks) and toks[start].n == _AT_LEAST_AFTER[0] and toks[start + 1].n == _AT_LEAST_AFTER[1] \
                and toks[start].sent == toks[j].sent:
            return start + 1
    return None


# -- belligerents, strike types, places, dates, speakers ------------------------------------
# Canonical names the English extractor's context module does not (yet) define; kept here.
BELLIGERENTS = [
    ("Russian forces", re.compile(norm(r"روسي|روسيا|الروس\b|الاحتلال الروسي"))),
    ("US-led coalition", re.compile(norm(r"التحالف الدولي|التحالف الأمريكي|التحالف الأميركي|قوات التحالف|طيران التحالف|"
                                         r"طائرات التحالف|التحالف بقيادة|الأمريكي|الأميركي|الأمريكية|الأميركية|أمريكية|أميركية|"
                                         r"التحالف\b"))),
    ("regime", re.compile(norm(r"النظام|قوات الأسد|الأسد|جيش النظام|ميليشيات الأسد|الجيش السوري|قوات الحكومة السورية"))),
    ("Turkey", re.compile(norm(r"تركي|تركيا|الأتراك|الجيش الوطني|الفصائل الموالية لتركيا|المدعومة من تركيا"))),
    ("SDF", re.compile(norm(r"قسد|قوات سوريا الديمقراطية|الوحدات الكردية|YPG|PKK|ي ب ك"))),
    ("Israel", re.compile(norm(r"إسرائيل|الإسرائيلي|الاسرائيلي|إسرائيلي|اسرائيلي|الاحتلال الإسرائيلي"))),
    ("Iran", re.compile(norm(r"إيراني|الإيراني|إيران|الميليشيات الإيرانية"))),
]
_TARGET_BEFORE = re.compile(norm(r"(?:ضد|مواقع|موقع|مقرات|مقر|عناصر|عنصر|مقاتلي|قيادي في|على|تستهدف|استهدف|استهدفت|من)\s+(?:ل?ال)?\S*$"))
STRIKE_TYPES_AR = [
    ("drone", re.compile(norm(r"مسير|مسيرة|مسيرات|درون|طائرة بدون طيار|الطائرات المسيرة|انتحارية"))),
    ("missile", re.compile(norm(r"صاروخ|صواريخ|صاروخي|صاروخية|باليستي"))),
    ("artillery", re.compile(norm(r"مدفعي|مدفعية|قذائف|قذيفة|هاون|راجمات|راجمة|قصف بري|المدافع|براميل|برميل"))),
    ("air", re.compile(norm(r"غارة|غارات|طيران|الطيران|طائرة|طائرات|جوي|جوية|الحربي|الحربية|مروحي|مقاتلات|قصف جوي"))),
    ("ground", re.compile(norm(r"رصاص|إنزال|انزال|اشتباك|مداهمة|قنص|برصاص"))),
]
_PLACE_HEAD = set(_n("قرية قريتي بلدة بلدتي مدينة مدينتي حي مخيم ناحية منطقة محافظة أطراف محيط قرى بلدات "
                     "مزرعة مزارع جبل سهل مخيمات ضاحية سوق"))
_RIF = norm("ريف")
_PLACE_STOP = set(_n(
    "في على من إلى الى عن جراء إثر اثر بسبب نتيجة خلال بعد قبل اليوم أمس امس صباح مساء فجر ظهر ليل ليلة يوم منذ "
    "حيث التي الذي ما مما وذلك كما بين بينهم أدى أسفر أسفرت وأسفر ضمن لقصف بقصف بغارة بغارات قصف غارة غارات "
    "استهدف استهدفت يستهدف تستهدف مقتل وإصابة وسط شمال جنوب شرق غرب شمالي جنوبي شرقي غربي هو هي وهو وهي "
    "عاجل الآن الان المحتل المحتلة الخاضعة الخاضع الواقعة الواقع القريبة القريب التابعة التابع الحدودية"))
_DIRECTIONS = set(_n("الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية الشمالي_الغربي"))
_DIR_PREFIX = set(_n("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط"))
_GOVERNORATES = set(_n("إدلب ادلب حلب الرقة دير الزور الحسكة حماة حمص درعا اللاذقية دمشق طرطوس السويداء القنيطرة "
                       "عفرين منبج الباب أريحا جسر الشغور عين العرب كوباني رأس العين تل أبيض سراقب معرة النعمان "
                       "القامشلي جرابلس أعزاز اعزاز البوكمال الميادين تدمر دوما"))
_SYRIA = re.compile(norm(r"سوريا|سورية|السوري|إدلب|ادلب|حلب|الرقة|دير الزور|الحسكة|حماة|حمص|درعا|اللاذقية|دمشق"))

MONTHS_AR = {}
for _names, _m in (("كانون الثاني|يناير|كانون ثاني", 1), ("شباط|فبراير", 2), ("آذار|مارس", 3),
                   ("نيسان|أبريل|ابريل|إبريل", 4), ("أيار|مايو", 5), ("حزيران|يونيو|يونيه", 6), ("تموز|يوليو|يوليه", 7),
                   ("آب|أغسطس|اغسطس", 8), ("أيلول|سبتمبر", 9), ("تشرين الأول|أكتوبر|اكتوبر|تشرين أول", 10),
                   ("تشرين الثاني|نوفمبر|تشرين ثاني", 11), ("كانون الأول|ديسمبر|كانون أول", 12)):
    for _nm in _names.split("|"):
        MONTHS_AR[norm(_nm)] = _m
_MON_ALT = "|".join(sorted(MONTHS_AR, key=len, reverse=True))
# "خلال تموز", "خلال شهر آب": a month's tally
_PERIOD_MONTH = re.compile(norm("خلال (?:شهر )?") + rf"(?:{_MON_ALT})(?![\u0621-\u064A])")
_DATE_DMY = re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?(?P<mon>{_MON_ALT})(?![\u0621-\u064A])"
                       rf"(?:\s*[,،/]?\s*(?:عام|سنة)?\s*(?P<y>(?:19|20)\d\d))?")
_DATE_NUM = re.compile(r"(?<!\d)(?:(?P<y1>20\d\d)[/-](?P<m1>[01]?\d)[/-](?P<d1>[0-3]?\d)|"
                       r"(?P<d2>[0-3]?\d)[/-](?P<m2>[01]?\d)[/-](?P<y2>20\d\d))(?!\d)")
WEEKDAYS_AR = {norm("الاثنين"): 0, norm("الإثنين"): 0, norm("الثلاثاء"): 1, norm("الأربعاء"): 2, norm("الخميس"): 3,
               norm("الجمعة"): 4, norm("السبت"): 5, norm("الأحد"): 6}
_WD_ALT = "|".join(sorted({k[2:] for k in WEEKDAYS_AR}, key=len, reverse=True))
_REL_DATE = re.compile(
    norm(r"(?P<before>أول أمس|اول امس|قبل يومين|أمس|امس|البارحة|اليوم|الليلة الماضية|فجر اليوم|صباح اليوم|مساء اليوم|"
         r"ظهر اليوم)") + rf"(?:\s+(?:يوم\s+)?ال(?P<wd1>{_WD_ALT}))?|(?:يوم\s+|ليلة\s+|فجر\s+|صباح\s+|مساء\s+|ظهر\s+)?"
    rf"ال(?P<wd2>{_WD_ALT})(?![\u0621-\u064A])(?:\s+الماضي)?")
_REL_PERIOD = re.compile(norm(r"الأسبوع الماضي|الشهر الماضي|الشهر الجاري|هذا الشهر"))
_ENGLISH_DATE = re.compile(r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>[0-3]?\d),\s+"
                           r"(?P<y>20\d\d)\b")
_EN_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                          "Dec"), 1)}

_ATTR_PREP = re.compile(norm(r"(?:بحسب|حسب|وفقا ل|وفقاً ل|وفقا لـ|وفق|نقلا عن|نقلاً عن|استنادا إلى|طبقا ل)\s*(?:ما\s+(?:أفاد|أفادت|ذكر|ذكرت|"
                                  r"نقل|نقلت|أعلن|أعلنت|وثق|وثقت|أورد|أوردت|نشر|نشرت)(?:ه|ته)?\s+)?"))
_SPEAKER_STOP = set(_n("إن ان أن بأن في على عن من إلى الى ما مما اليوم أمس يوم حيث مقتل استشهاد إصابة بمقتل بإصابة "
                       "الذي التي وأن لـ و ثم قد كان كانت أنه انه أنها بوقوع بسقوط باستشهاد لمقتل خلال جراء إثر"))
_ORG_HINT = re.compile(norm(r"الدفاع المدني|الخوذ البيضاء|المرصد السوري|الشبكة السورية|مراسل|مصادر|مصدر|ناشطون|ناشطين|"
                            r"وزارة|مديرية|الصحة|وكالة|سانا|هيئة|منظمة|الأمم المتحدة|اليونيسف"))


_LIL = re.compile(r"(?<![\u0621-\u064A])(?:[وف])?لل(?=[\u0621-\u064A]{2})")


def _belligerent(ns: str) -> str | None:
    ns = _LIL.sub("ال", ns)
    best = None
    for name, rx in BELLIGERENTS:
        for m in rx.finditer(ns):
            if _TARGET_BEFORE.search(ns[max(0, m.start() - 25):m.start()]) and not re.search(
                    norm(r"(?:طيران|طائرات|قوات|غارات|قصف|مدفعية|جيش|مسيرة)\s+(?:\S+\s+)?$"), ns[max(0, m.start() - 25):m.start()]):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), name)
            break
    return best[1] if best else None


def _strike_type(ns: str) -> str | None:
    for kind, rx in STRIKE_TYPES_AR:
        if rx.search(ns):
            return kind
    return None


def _resolve_weekday(wd: int, published: dt.date) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - wd) % 7)


def _date(ns: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(start, end, precision) of the event date a normalised sentence states."""
    for m in _DATE_DMY.finditer(ns):
        if re.search(norm(r"نشر\s+(?:في\s+)?$"), ns[max(0, m.start() - 10):m.start()]):
            continue
        mon = MONTHS_AR[m.group("mon")]
        day = int(m.group("d"))
        year = int(m.group("y")) if m.group("y") else None
        if year is None:
            if published is None:
                continue
            year = published.year
            try:
                if dt.date(year, mon, day) > published:
                    year -= 1
            except ValueError:
                continue
        try:
            d = dt.date(year, mon, day)
        except ValueError:
            continue
        return d, d, "day"
    m = _DATE_NUM.search(ns)
    if m:
        try:
            if m.group("y1"):
                d = dt.date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
            else:
                d = dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
            return d, d, "day"
        except ValueError:
            pass
    if published is None:
        return None, None, None
    m = _REL_DATE.search(ns)
    if m:
        before = m.group("before")
        wd = m.group("wd1") or m.group("wd2")
        if before:
            back = 0
            if before in (norm("أول أمس"), norm("اول امس"), norm("قبل يومين")):
                back = 2
            elif before in (norm("أمس"), norm("امس"), norm("البارحة"), norm("الليلة الماضية")):
                back = 1
            d = published - dt.timedelta(days=back)
            return d, d, "day"
        if wd:
            d = _resolve_weekday(WEEKDAYS_AR[norm("ال" + wd)], published)
            return d, d, "day"
    m = _REL_PERIOD.search(ns)
    if m:
        if m.group() == norm("الأسبوع الماضي"):
            start = published - dt.timedelta(days=published.weekday() + 7)
            return start, start + dt.timedelta(days=6), "week"
        if m.group() == norm("الشهر الماضي"):
            y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
        else:
            y, mo = published.year, published.month
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
    return None, None, None


def _english_date(m: re.Match) -> dt.date | None:
    try:
        return dt.date(int(m.group("y")), _EN_MONTHS[m.group("mon")], int(m.group("d")))
    except ValueError:
        return None


def parse_arabic_date(s: str | None) -> dt.date | None:
    """A publication date as the data write it: "23 نوفمبر 2025", "2024-11-27T13:46:56Z", "Nov 29, 2024"."""
    if not s:
        return None
    s = s.strip()
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", s)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    ns = norm(s)
    m = _DATE_DMY.search(ns)
    if m and m.group("y"):
        try:
            return dt.date(int(m.group("y")), MONTHS_AR[m.group("mon")], int(m.group("d")))
        except ValueError:
            return None
    m = _ENGLISH_DATE.search(s)
    if m:
        return _english_date(m)
    return None


def find_published_ar(text: str) -> dt.date | None:
    """A post's own date line: Facebook's "November 23, 2025 ·" or X's "· Nov 29, 2024" near the text."""
    m = _ENGLISH_DATE.search(text[:800])
    if m is None:
        m = re.search(r"·\s*(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>[0-3]?\d),\s+(?P<y>20\d\d)",
                      text)
    if m:
        return _english_date(m)
    return None


def _clean(s: str) -> str:
    s = s.replace("#", "").replace("_", " ")
    return re.sub(r"\s+", " ", s).strip(" ،,.:-–\"“”«»()")


def _place(text: str, toks: list[Tok], a: int, b: int) -> tuple[str | None, str | None]:
    """Place as written: "قرية سرجة بريف إدلب الجنوبي", "ريف إدلب", "مدينة جرابلس"."""
    first_rif = None
    for k in range(a, b):
        t = toks[k]
        head = _lookup(_PLACE_HEAD, t.n)
        is_rif = _lookup({_RIF}, t.n) is not None
        if head is None and not is_rif:
            continue
        if head is not None and t.n not in _PLACE_HEAD and not any(t.n == p + head for p in ("ب", "في", "و", "ال", "بال", "وب")):
            continue
        if head is not None and t.n.endswith("ال" + head) and t.n not in _PLACE_HEAD:
            continue   # "المدينة", "البلدة": a reference back, not a name
        # Name tokens after the head.
        j = k + 1
        names = 0
        while j < b and names < 3 and not _CLAUSE.search(toks[j].gap) and toks[j].n not in _PLACE_STOP \
                and not toks[j].n[0].isdigit() and _lookup(KILLED_WORDS | INJURED_WORDS, toks[j].n) is None \
                and toks[j].n not in _DIRECTIONS and toks[j].sent == t.sent and toks[j].n != _RIF \
                and not toks[j].n.startswith(("بريف", "وريف", "بمدينه", "بقريه", "ببلده")):
            names += 1
            j += 1
        if names == 0 and not is_rif:
            continue
        if names == 0:
            continue
        end = j - 1
        # "بريف إدلب الجنوبي" / "في ريف حلب" / "شمالي إدلب" after the name.
        while end + 1 < b and toks[end + 1].n in _DIRECTIONS and toks[end + 1].sent == t.sent:
            end += 1
        nxt = end + 1
        if nxt < b and toks[nxt].sent == t.sent and not _CLAUSE.search(toks[nxt].gap):
            if toks[nxt].n == "في" and nxt + 1 < b and _lookup({_RIF}, toks[nxt + 1].n):
                nxt += 1
            if _lookup({_RIF}, toks[nxt].n) or toks[nxt].n in _DIR_PREFIX:
                e2 = nxt + 1
                if e2 < b and toks[e2].sent == t.sent and toks[e2].n not in _PLACE_STOP:
                    e2_end = e2
                    if e2 + 1 < b and (toks[e2 + 1].n in _DIRECTIONS or toks[e2].n in _n("دير جسر رأس معرة تل عين")):
                        e2_end = e2 + 1
                    if e2_end + 1 < b and toks[e2_end + 1].n in _DIRECTIONS:
                        e2_end += 1
                    end = e2_end
        start_char = t.start
        raw = text[start_char:toks[end].end]
        # Drop a clitic preposition glued to the head ("بريف" -> "ريف", "بقرية" -> "قرية").
        for p in ("وب", "ب", "و", "ل", "في"):
            if raw.startswith(p) and norm(raw[len(p):len(p) + 4]).startswith(("ريف", "قري", "بلد", "مدي", "حي ", "مخي",
                                                                               "ناح", "منط", "محا", "اطر", "محي", "قرى",
                                                                               "مزر", "جبل", "سهل", "ضاح", "سوق")):
                raw = raw[len(p):]
                break
        place = _clean(raw)
        if place:
            if first_rif is None:
                return place, "SY" if _SYRIA.search(norm(place)) else None
    # A governorate or well-known town after "في"/"على"/"ب".
    for k in range(a, b):
        t = toks[k]
        v = t.n[1:] if t.n[:1] in "بل" else t.n
        if v in _GOVERNORATES and (t.n[:1] in "ب" or (k > a and toks[k - 1].n in ("في", "علي"))):
            end = k
            if k + 1 < b and toks[k + 1].n in _n("الزور الشغور العين النعمان أبيض العرب"):
                end = k + 1
            raw = text[t.start:toks[end].end]
            if raw[:1] in "بل" and t.n[:1] in "بل":
                raw = raw[1:]
            return _clean(raw), "SY"
    return None, None


def _speaker(text: str, toks: list[Tok], a: int, b: int) -> str | None:
    """Who asserts what a sentence says: "وقال مراسل ...", "بحسب ...", "وفقاً لـ ..."."""
    for k in range(a, b):
        t = toks[k]
        start = None
        if t.n in _SAY:
            start = k + 1
        else:
            # "بحسب X", "وفقاً لـ X", "نقلاً عن X"
            if t.n in _n("بحسب حسب وبحسب وحسب") or (t.n in _n("وفقا ووفقا طبقا") and k + 1 < b) or \
                    t.n in _n("نقلا ونقلا استنادا"):
                start = k + 1
                while start < b and toks[start].n in _n("ل لـ عن الى إلى ما") or (
                        start < b and toks[start].n in _n("أفاد أفادت ذكر ذكرت نقل نقلت أعلن أعلنت وثق وثقت أورد أوردت "
                                                          "نشر نشرت أفاده ذكره ذكرته نقله أعلنه وثقه أورده نشره")):
                    start += 1
        if start is None or start >= b:
            continue
        # The speaker: up to six words until a stop word or clause break.
        j = start
        words = 0
        while j < b and words < 6 and toks[j].sent == t.sent and toks[j].n not in _SPEAKER_STOP and \
                (j == start or not _CLAUSE.search(toks[j].gap)) and not toks[j].n[0].isdigit() and \
                _lookup(KILLED_WORDS | INJURED_WORDS, toks[j].n) is None:
            words += 1
            j += 1
        if words == 0:
            continue
        # "وفقاً لمراسل" -> the prefix ل is glued: drop it from the quote.
        raw = text[toks[start].start:toks[j - 1].end]
        if t.n in _n("وفقا ووفقا طبقا") and raw[:1] == "ل" and start == k + 1:
            raw = raw[1:]
        who = _clean(raw)
        if t.n in _SAY and not _ORG_HINT.search(norm(who)) and words > 4:
            continue
        if who:
            return who
    return None


# -- the run ---------------------------------------------------------------------------------
_SINGLE_HARM_VERBS = {**{w: "killed" for w in _n("قتل قتلت قتلا قتلتا استشهد استشهدت استشهدا توفي توفيت توفيا قضى قضت "
                                                  "لقي لقيت لقيا")},
                      **{w: "injured" for w in _n("أصيب أصيبت أصيبا جرح جرحت")}}
_AMONG = set(_n("بينهم بينهن منهم منهن بينها ومنهم ومن بينهم بينهما منهما"))
_AMONG_PAIR = (norm("من"), norm("بينهم"))
# "مع/برفقة/إلى جانب/بالإضافة إلى" join a victim to the one before ("لمقتله مع أطفاله الستة").
_WITH = set(_n("مع برفقة رفقة"))
_WITH_TO = set(_n("جانب بالإضافة إضافة"))
_TO = set(_n("إلى الى"))
# Events whose indefinite singular harm noun is one victim: "سقوط قتيل", "ارتقاء شهيد".
_FALL = set(_n("سقوط وقوع ارتقاء ارتقى سقط بسقوط بوقوع وسقوط ووقوع وارتقاء وارتقى وسقط"))
_SINGLE_HARM_NOUNS = set(_n("قتيل قتيلا قتيلة شهيد شهيدا شهيدة ضحية"))
# A killed word that a victim's name follows ("استشهاد عبد الله وابنه"), or that names its victim
# by a pronoun ("لمقتله مع أطفاله").
_NAME_ANCHOR = set(_n("مقتل استشهاد وفاة تصفية اغتيال استشهد استشهدت توفي توفيت"))
_HARM_SELF = set(_n("مقتله مقتلها استشهاده استشهادها وفاته وفاتها"))
# "مقتل وإصابة", "يقتل ويجرح": the second half of a killed-or-injured pair (not "وأصيب", which has its own subject)
_PAIR_INJURED = set(_n("إصابة اصابة جرح يجرح تجرح"))
_RISE = set(_n("ارتفاع ارتفعت ارتفع ترتفع يرتفع لترتفع ليرتفع"))
_TOLL = set(_n("حصيلة عدد"))
_LOST = set(_n("فقد فقدت فقدوا فقدن فقدا فقدان"))
_LIFE = set(_n("حياته حياتها حياتهم حياتهما حياتهن"))
_RANKS = norm("صفوف")
_GROUPS = set(_n("فصيل فصائل قوات الفصائل ميليشيا ميليشيات مليشيا مليشيات تنظيم التنظيم حزب جيش الجيش هيئة الحرس "
                 "لواء كتائب فرقة الفرقة"))
_NOT_NAME = set(_n(
    "في على من إلى الى عن جراء إثر اثر بسبب نتيجة خلال بعد قبل اليوم أمس امس صباح مساء فجر ظهر ليل ليلة يوم منذ "
    "حيث التي الذي الذين ما مما وذلك كما بين أدى أسفر قصف غارة غارات استهداف هجوم برصاص رصاص قوات النظام الجيش "
    "عدد عشرات مئات بقصف بغارة بغارات قرب داخل أثناء وهو وهي هو هي كل جميع"))


@functools.lru_cache(maxsize=65536)
def _harm_of(w: str) -> str | None:
    if _lookup(KILLED_WORDS, w) is not None:
        return "killed"
    if _lookup(INJURED_WORDS, w) is not None:
        return "injured"
    return None


_DUAL_MARKED = re.compile(r"\u064E\u064A\u0652?\u0646\u0650?$")   # -َيْن: the oblique dual, when vowelled


@functools.lru_cache(maxsize=65536)
def _victim_key(w: str, conj: bool) -> str | None:
    return _lookup(VICTIMS, w, conj)


def _victim_of(t: Tok, conj: bool = True) -> tuple[str, str] | None:
    v = _victim_key(t.n, conj)
    if v is not None and VICTIMS[v][1] == "a" and _DUAL_MARKED.search(t.raw):
        return VICTIMS[v][0], "d"
    return VICTIMS[v] if v is not None else None


@functools.lru_cache(maxsize=65536)
def _is_harm_self(w: str) -> bool:
    return _lookup(_HARM_SELF, w) is not None


@functools.lru_cache(maxsize=65536)
def _is_name_anchor(w: str) -> bool:
    return _lookup(_NAME_ANCHOR, w) is not None


class _Run:
    def __init__(self, text: str, published: dt.date | None):
        self.text = text
        self.published = published
        self.toks = _tokens(text)
        self.claims: list[ClaimRecord] = []
        self.in_parts = False
        # sentence index -> (first token, last token + 1)
        self.sent_bounds: dict[int, list[int]] = {}
        for t in self.toks:
            sb = self.sent_bounds.setdefault(t.sent, [t.i, t.i + 1])
            sb[1] = t.i + 1

    # Figures -----------------------------------------------------------------------------
    def _figure_at(self, i: int) -> Figure | None:
        """A count of people starting at token i (a number, a vague amount or a dual noun)."""
        toks = self.toks
        n = len(toks)
        t = toks[i]
        value = None
        last = i
        qualifier = "exact"
        vague = None
        if t.n[0].isdigit():
            value = _num_value(t.n)
            if value is None:
                return None
            if len(t.n) == 4 and 1900 <= value <= 2100:
                return None
            if i + 1 < n and re.match(r"\s*[:/]\s*$", toks[i + 1].gap) and toks[i + 1].n[:1].isdigit():
                return None     # a time or a date
            if t.gap.strip() and (re.search(r"[%$]\s*$", t.gap) or (re.search(r"[:/]\s*$", t.gap) and (
                    not re.search(r"\s", t.gap) or (i > 0 and toks[i - 1].n[:1].isdigit())))):
                return None     # "10:30", "5/12", "$ 5"; but "الحصيلة: 5 قتلى" is a figure
            if (not t.gap and i > 0 and toks[i - 1].n[:1].isascii() and toks[i - 1].n[:1].isalpha()) or (
                    i + 1 < n and not toks[i + 1].gap and toks[i + 1].n[:1].isascii() and toks[i + 1].n[:1].isalpha()):
                return None     # "21w", "1y", "Nov29": counts and times of a web page, not people
            # "1.2K", "59 Views": counts of a post
            nxt = text_after(self.text, t.end, 6)
            if re.match(r"\s*(?:[KkMm%]\b|views|Views|[/:]\d)", nxt):
                return None
            if re.match(r"[-–_)](?!\s*[0-9\u0660-\u0669])", nxt) and not (nxt[:1] == ")" and t.gap.rstrip()[-1:] == "("):
                return None     # list numbering: "1- عبد الله", "2) محمد"
        else:
            v = _lookup(VAGUE_AR, t.n)
            if v is not None and (t.n in VAGUE_AR or t.n[:1] in "و"):
                vague = VAGUE_AR[v]
            elif t.n in ONE_OF or (t.n[:1] == "و" and t.n[1:] in ONE_OF):
                # "أحد المدنيين" = one of the civilians; "أحد عشر" = 11
                wn = _word_number(toks, i)
                if wn is not None:
                    value, last = wn
                elif i + 1 < n and _definite(toks[i + 1].n) and _victim_of(toks[i + 1]) and not toks[i + 1].gap.strip():
                    value, last = 1, i
                else:
                    return None
            else:
                w = t.n
                if w[:1] == "و" and (w[1:] in UNITS or w[1:] in TENS or w[1:] in HUNDREDS):
                    # "وثلاثة أطفال": the conjunction glued to the number
                    toks_i = Tok(t.i, t.start, t.end, t.raw, w[1:], t.sent, t.gap)
                    saved = toks[i]
                    toks[i] = toks_i
                    try:
                        wn = _word_number(toks, i)
                    finally:
                        toks[i] = saved
                else:
                    wn = _word_number(toks, i)
                if wn is None:
                    return None
                value, last = wn
        if value is not None and last + 1 < n and toks[last + 1].sent == t.sent and not toks[last + 1].gap.strip():
            scale = _SCALE_AFTER.get(toks[last + 1].n)
            if scale:       # "30 ألف قتيل", "ثلاثة آلاف"; "3000 آلاف" is 3000 (the word repeats the thousands)
                if value < 1000 or scale > 1000:
                    value *= scale
                last += 1
        if vague is not None:
            cmin, cmax, qualifier = vague
        else:
            cmin = cmax = value
        start_tok = i
        if vague is None:
            h = _hedge_before(toks, i)
            if h:
                qualifier, start_tok = h
                if qualifier in ("at_least", "more_than"):
                    cmax = None
                elif qualifier == "up_to":
                    cmin = None
                elif qualifier == "fewer_than":
                    cmin = None
            # "بين 5 و 7"
            if i >= 1 and toks[i - 1].n == norm("بين") and last + 1 < n and toks[last + 1].n[:1] == "و":
                second = toks[last + 1].n[1:]
                v2 = _num_value(second) if second[:1].isdigit() else None
                if v2 is None and last + 2 < n and toks[last + 1].n == "و" and toks[last + 2].n[:1].isdigit():
                    v2 = _num_value(toks[last + 2].n)
                    if v2 is not None:
                        last += 1
                if v2 is not None and v2 > value:
                    cmin, cmax, qualifier = value, v2, "between"
                    start_tok = i - 1
                    last += 1
        # What is counted.
        j = last + 1
        bracketed = t.gap.rstrip()[-1:] == "(" and j < n and toks[j].gap.strip() == ")"   # "مقتل (3) مدنيين"
        if j < n and toks[j].sent == t.sent and (bracketed or not _CLAUSE.search(toks[j].gap.replace("-", ""))):
            w = toks[j]
            if _lookup(NOT_PEOPLE_UNITS, w.n) is not None and w.n not in VICTIMS and _victim_of(w) is None:
                return None
            victim = _victim_of(w, conj=False)
            harm_noun = _lookup(HARM_NOUNS, w.n, conj=False)
            if w.n == norm("من") and j + 1 < n:
                nv = _victim_of(toks[j + 1])
                if nv is not None:
                    victim, j = nv, j + 1
                elif _lookup(HARM_NOUNS, toks[j + 1].n):
                    harm_noun, j = _lookup(HARM_NOUNS, toks[j + 1].n), j + 1
                else:
                    return Figure(start_tok, last, cmin, cmax, qualifier, "fighters", bare=True)
            if victim is not None:
                return self._after_hedge(Figure(start_tok, j, cmin, cmax, qualifier, victim[0]))
            if harm_noun is not None:
                if j + 2 < n and toks[j + 1].n == norm("من") and toks[j + 1].sent == t.sent and \
                        _lookup(_GROUP_AFTER_MIN, toks[j + 2].n) is not None:
                    return Figure(start_tok, j + 2, cmin, cmax, qualifier, "fighters")
                fig = Figure(start_tok, j, cmin, cmax, qualifier, "unspecified", harm=HARM_NOUNS[harm_noun])
                if j + 1 < n and not toks[j + 1].gap.strip(" ") and (_victim_of(toks[j + 1], False) or ("", ""))[0] == \
                        "fighters":
                    return Figure(start_tok, j + 1, cmin, cmax, qualifier, "fighters")
                # "5 قتلى مدنيين"
                if j + 1 < n and not toks[j + 1].gap.strip(" ") and (_victim_of(toks[j + 1]) or ("", ""))[0] in (
                        "civilians", "children", "women"):
                    fig.victims = _victim_of(toks[j + 1])[0]
                    fig.end_tok = j + 1
                return self._after_hedge(fig)
        if vague is not None:
            return None
        # "ثلاثة أبطال من المجاهدين": a word in no lexicon, then "من" + fighters
        if last + 3 < n and toks[last + 2].n == norm("من") and toks[last + 3].sent == t.sent and \
                not _CLAUSE.search(toks[last + 1].gap + toks[last + 2].gap + toks[last + 3].gap) and (
                    (_victim_of(toks[last + 3]) or ("",))[0] == "fighters" or
                    _lookup(_GROUPS | _GROUP_AFTER_MIN, toks[last + 3].n) is not None):
            return Figure(start_tok, last + 3, cmin, cmax, qualifier, "fighters")
        return self._after_hedge(Figure(start_tok, last, cmin, cmax, qualifier, "unspecified", bare=True))

    def _after_hedge(self, fig: Figure) -> Figure:
        k = _at_least_after(self.toks, fig.end_tok)
        if k is not None and fig.qualifier == "exact":
            fig.qualifier, fig.count_max, fig.end_tok = "at_least", None, k
        return fig

    def _noun_figure(self, i: int) -> Figure | None:
        """A dual noun ("طفلان", "شهيدين") or, right after a harm word, a singular one ("مقتل طفل")."""
        t = self.toks[i]
        victim = _victim_of(t)
        harm = _lookup(HARM_NOUNS, t.n)
        if victim is None and harm is None:
            w = t.n[1:] if t.n[:1] == "و" else t.n
            for suffix, stem_end in (("تان", "ه"), ("تين", "ه"), ("ان", ""), ("ين", "")):
                if w.endswith(suffix) and len(w) > len(suffix) + 2:
                    stem = w[:-len(suffix)] + stem_end
                    if stem in _n("شهيد قتيل جريح مصاب ضحية شهيدة قتيلة جريحة"):
                        toks = self.toks
                        if i + 2 < len(toks) and toks[i + 1].n == norm("من") and \
                                _lookup(_GROUP_AFTER_MIN, toks[i + 2].n) is not None:
                            return Figure(i, i + 2, 2, 2, "exact", "fighters")
                        return Figure(i, i, 2, 2, "exact", "unspecified", harm=HARM_NOUNS[stem])
            return None
        if victim is not None:
            kind, g = victim
            toks = self.toks
            nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].sent == t.sent else None
            # "أولاده الثلاثة", "أطفالها الخمسة": a definite number word after a plural
            if nxt is not None and g in ("p", "a") and not nxt.gap.strip() and nxt.n.startswith("ال") and \
                    nxt.n[2:] in UNITS and nxt.n != norm("الاثنين") and UNITS[nxt.n[2:]] >= 2:
                v = UNITS[nxt.n[2:]]
                return Figure(i, i + 1, v, v, "exact", kind)
            # "استشهاد مدنيين، هما ...": the oblique dual, told by the pronoun after it
            if nxt is not None and g == "a" and nxt.n in _n("هما وهما") and not re.search(r"[.!?؟؛\n]", nxt.gap):
                return Figure(i, i, 2, 2, "exact", kind)
            # "مدنيين اثنين", "أطفال ثلاثة": the number after the noun
            if i + 1 < len(self.toks) and not self.toks[i + 1].gap.strip() and g in ("p", "a", "d") and \
                    (self.toks[i + 1].n in UNITS or self.toks[i + 1].n in TENS):
                wn = _word_number(self.toks, i + 1)
                if wn is not None:
                    return self._after_hedge(Figure(i, wn[1], wn[0], wn[0], "exact", kind))
            if g == "d":
                return Figure(i, i, 2, 2, "exact", kind)
            if g == "s" and kind != "family":     # "استشهاد عائلة كاملة" says a family died, not how many
                return Figure(i, i, 1, 1, "exact", kind)
            return None
        # "سقوط قتيل", "ارتقاء شهيد": an indefinite singular harm noun after an event word is one victim
        if (t.n in _SINGLE_HARM_NOUNS or t.n[:1] == "و" and t.n[1:] in _SINGLE_HARM_NOUNS) and (i > 0 and \
                self.toks[i - 1].n in _FALL and self.toks[i - 1].sent == t.sent and not t.gap.strip() or
                HARM_NOUNS[harm] == "killed" and self._injured_follows(i) and
                not (i > 0 and self.toks[i - 1].n == norm("بين"))):    # "بين قتيل وجريح" is no count
            # ... and "قتيل و7 مصابين", "شهيد وعدة إصابات": one killed, then the injured
            return Figure(i, i, 1, 1, "exact", "unspecified", harm=HARM_NOUNS[harm])
        # Dual harm nouns: "شهيدان", "قتيلين", "جريحين"
        if t.n.endswith(("ان", "ين")) and norm(harm) in _n("شهيد قتيل جريح مصاب ضحية") or (
                t.n.endswith(("تان", "تين")) and harm in _n("شهيدة ضحية")):
            return Figure(i, i, 2, 2, "exact", "unspecified", harm=HARM_NOUNS[harm])
        return None

    # Harm links --------------------------------------------------------------------------
    def _harm_before(self, fig: Figure, max_back: int = 5) -> tuple[str, int] | None:
        toks = self.toks
        k = fig.start_tok - 1
        steps = 0
        while k >= 0 and steps < max_back and toks[k].sent == toks[fig.start_tok].sent:
            if _CLAUSE.search(toks[k + 1].gap.replace("-", "")) and steps > 0:
                break
            h = _harm_of(toks[k].n)
            if h is not None:
                # "مقتل وإصابة 5 أشخاص", "يقتل ويجرح 60 مدنياً": one figure of both
                if h == "injured" and toks[k].n[1:] in _PAIR_INJURED and k > 0 and \
                        toks[k - 1].sent == toks[k].sent and _harm_of(toks[k - 1].n) == "killed":
                    return "killed or injured", k
                if h == "killed" and k + 1 < fig.start_tok and toks[k + 1].n[1:] in _PAIR_INJURED:
                    return "killed or injured", k
                return h, k
            if _lookup(_LINK, toks[k].n) is None and toks[k].n not in _LINK:
                if steps >= 1:
                    break
            steps += 1
            k -= 1
        return None

    def _harm_after(self, fig: Figure) -> str | None:
        toks = self.toks
        n = len(toks)
        for k in range(fig.end_tok + 1, min(n, fig.end_tok + 4)):
            if toks[k].sent != toks[fig.end_tok].sent or (k > fig.end_tok + 1 and _CLAUSE.search(toks[k].gap)):
                break
            w = toks[k].n
            if w in _LOST and k + 1 < n and toks[k + 1].n in _LIFE:
                return "killed"     # "4 مدنيين فقدوا حياتهم"
            if w in _n("قتلوا قتلا استشهدوا استشهدا قضوا قضيا لقوا لقيا توفوا جرحوا أصيبوا أصيبا حتفهم ارتقوا قتلن أصبن "
                       "بين"):
                if w == norm("بين"):
                    if k + 2 < n and _lookup(HARM_NOUNS, toks[k + 1].n) and _lookup(HARM_NOUNS, toks[k + 2].n):
                        return "killed or injured"
                    return None
                return "injured" if w in _n("جرحوا أصيبوا أصيبا أصبن") else "killed"
        return None

    # Main --------------------------------------------------------------------------------
    def run(self) -> list[ClaimRecord]:
        toks = self.toks
        n = len(toks)
        i = 0
        last_claim: ClaimRecord | None = None
        last_claim_sent = -10
        last_fig_end = -10
        while i < n:
            self._last_fig_end = last_fig_end
            t = toks[i]
            c0 = t.n[0]
            fig = None
            if c0.isdigit() or t.n in UNITS or t.n in TENS or t.n in HUNDREDS or t.n in THOUSANDS or \
                    _lookup(VAGUE_AR, t.n) or t.n in ONE_OF or (t.n[:1] == "و" and (
                    t.n[1:] in UNITS or t.n[1:] in TENS or t.n[1:] in ONE_OF or t.n[1:] in HUNDREDS)):
                fig = self._figure_at(i)
            if fig is None:
                fig = self._noun_figure(i)
                if fig is None:
                    fig = self._named_figure(i)
                elif True:
                    kind_g = _victim_of(t)
                    # A singular or plain people noun needs a harm word right before it.
                    if fig.harm is None:
                        hb = self._harm_before(fig, max_back=1)
                        if hb is None and kind_g and kind_g[1] in ("s", "d") and kind_g[0] != "others" and i + 1 < n and \
                                toks[i + 1].sent == t.sent and not _CLAUSE.search(toks[i + 1].gap) and \
                                toks[i + 1].n in _SINGLE_HARM_VERBS:
                            hb = (_SINGLE_HARM_VERBS[toks[i + 1].n], i + 1)
                            fig.harm = hb[0]
                            fig.end_tok = i + 1
                        if hb is None:
                            hb = self._lost_before(fig)
                            if hb is not None:
                                fig.harm = hb[0]
                        if hb is None and last_claim is not None and self._among_before(fig):
                            hb = ("part", i)
                        if hb is None:
                            # "و + singular" continuing an enumeration after a figure
                            if not (self._conj_before(fig) and last_fig_end >= i - 5 and last_claim is not None and
                                    toks[last_fig_end].sent == t.sent and not any(
                                        _harm_of(toks[x].n) for x in range(last_fig_end + 1, i))):
                                i += 1
                                continue
                            fig.harm = None
                        # "مقتل مدني": singular after harm; "مدنيين" (ambiguous) never reaches here
                        if kind_g and kind_g[1] == "s" and fig.count_min == 1 and i + 1 < n and \
                                _victim_of(toks[i + 1], False) and _victim_of(toks[i + 1], False)[1] in ("p", "a") and \
                                not toks[i + 1].gap.strip():
                            i += 1
                            continue
            if fig is None:
                i += 1
                continue
            nxt = fig.end_tok + 1
            if fig.victims not in ("fighters", "unspecified") and nxt < n and not toks[nxt].gap.strip() and \
                    toks[nxt].sent == t.sent and (_victim_of(toks[nxt], False) or ("",))[0] == "fighters":
                fig.victims = "fighters"        # "شخصان مسلحان": armed men
            ranks = self._ranks_after(fig)
            if ranks == "fighters":
                fig.victims = "fighters"        # "سقط 6 قتلى في صفوف فصيل ..."
            elif ranks == "civilians" and fig.victims in ("unspecified", "people"):
                fig.victims = "civilians"       # "سقوط 3 قتلى في صفوف المدنيين"
            rise = self._rise_before(fig)
            if rise is not None and rise[0] == "fighters":
                fig.victims = "fighters"
            # Harm
            harm = fig.harm
            link = None
            if harm is None and fig.victims != "fighters" and last_claim is not None and \
                    0 <= fig.start_tok - last_fig_end <= 6 and self._conj_before(fig) and \
                    toks[last_fig_end].sent == toks[fig.start_tok].sent and not any(
                        _harm_of(toks[x].n) for x in range(last_fig_end + 1, fig.start_tok)):
                harm = "part" if self.in_parts else "enum"
            if harm is None:
                hb = self._harm_before(fig)
                if hb is not None:
                    harm, link = hb
                    if self._harm_after(fig) == "killed or injured":
                        harm = "killed or injured"      # "راح ضحيتها 13 مدنياً بين قتيل وجريح"
                else:
                    lost = self._lost_before(fig)     # before "أصيبوا" in "فقدوا حياتهم أو أصيبوا"
                    if lost is not None:
                        harm, link = lost
                    else:
                        harm = self._harm_after(fig)
                if harm is None:
                    hb = rise or self._lost_before(fig)
                    if hb is not None:
                        harm, link = hb
            else:
                after = self._harm_after(fig)
                if after == "killed or injured":
                    harm = after
            if harm is None and fig.victims not in ("fighters",) and last_claim is not None and \
                    last_fig_end >= fig.start_tok - 2 and self._conj_before(fig) and \
                    toks[last_fig_end].sent == toks[fig.start_tok].sent:
                harm = "part" if self.in_parts else "enum"
            if harm is None and last_claim is not None and self._among_before(fig) and \
                    last_claim_sent >= toks[fig.start_tok].sent - 1:
                harm = "part"
            if harm is None:
                i = fig.end_tok + 1
                continue
            if fig.bare and fig.victims != "fighters":
                # A bare number needs its harm word right before it (optionally hedged): "مقتل 5 وإصابة 10"
                if link is None or link < fig.start_tok - 3:
                    i = fig.end_tok + 1
                    continue
                nxt = fig.end_tok + 1
                if nxt < n and toks[nxt].sent == t.sent and _lookup(NOT_PEOPLE_UNITS, toks[nxt].n) is not None:
                    i = nxt
                    continue
            if fig.victims == "fighters":
                last_fig_end = -10
                i = fig.end_tok + 1
                # A fighters figure ends any enumeration; the sentence's civilian claim stays.
                continue
            self._place_figure(fig, harm, last_claim if last_claim_sent >= toks[fig.start_tok].sent - 1 else None)
            if self.claims and (last_claim is None or self.claims[-1] is not last_claim):
                last_claim = self.claims[-1]
            if last_claim is not None:
                last_claim_sent = toks[fig.end_tok].sent
            last_fig_end = fig.end_tok
            i = fig.end_tok + 1
        return self._finish()

    def _injured_follows(self, i: int) -> bool:
        """Whether "و" + injured words follow token i: "قتيل و7 جرحى", "شهيد وعدة إصابات", "قتيل وجريحان"."""
        toks = self.toks
        n = len(toks)
        j = i + 1
        if j >= n or toks[j].sent != toks[i].sent or _CLAUSE.search(toks[j].gap):
            return False
        w = toks[j].n
        if w == "و":
            j += 1
            if j >= n:
                return False
            w = toks[j].n
        elif w[:1] == "و":
            w = w[1:]
        else:
            return False
        if _harm_of(w) == "injured":
            return True
        if w[:1].isdigit() or w in UNITS or w in TENS or w in VAGUE_AR:
            return j + 1 < n and toks[j + 1].sent == toks[i].sent and _harm_of(toks[j + 1].n) == "injured"
        return False

    def _named_figure(self, i: int) -> Figure | None:
        """One victim named after a killed word, when relatives follow: "استشهاد عبد الله شاكر وأولاده
        الثلاثة" (the name is one, the relatives are read as an enumeration), "لمقتله مع أطفاله الستة"."""
        toks = self.toks
        n = len(toks)
        t = toks[i]
        if _is_harm_self(t.n):
            return Figure(i, i, 1, 1, "exact", "people", harm="killed") if self._relative_at(i + 1, t) else None
        if i == 0 or not _is_name_anchor(toks[i - 1].n) or toks[i - 1].sent != t.sent or \
                re.sub(r"[\s\"“”«»#'()]", "", t.gap):
            return None
        j = i
        while j < n and j - i < 5 and toks[j].sent == t.sent and self._name_word(toks[j]) and (
                j == i or not re.sub(r"[\s\"“”«»#'()_]", "", toks[j].gap)):
            j += 1
        if j == i or not self._relative_at(j, toks[j - 1]):
            return None
        return Figure(i, j - 1, 1, 1, "exact", "people", harm="killed")

    @staticmethod
    def _name_word(t: Tok) -> bool:
        w = t.n
        if len(w) < 2 or not ("\u0621" <= w[0] <= "\u064A") or w[0] in "و" and len(w) > 3:
            return False
        if w in _NOT_NAME or w in _WITH or w in _WITH_TO or w in _PLACE_STOP or w in UNITS or w in TENS or w in ONE_OF or w in VAGUE_AR or \
                w in _AMONG or w in MONTHS_AR or w in WEEKDAYS_AR or w in _SAY:
            return False
        for table in (VICTIMS, KILLED_WORDS, INJURED_WORDS, _PLACE_HEAD, NOT_PEOPLE_UNITS, _GROUP_AFTER_MIN, _GROUPS):
            if _lookup(table, w) is not None:
                return False
        return not any(rx.search(w) for _, rx in BELLIGERENTS)

    def _relative_at(self, j: int, prev: Tok) -> bool:
        """Whether token j starts a conjoined relative or person ("وابنه", "مع أطفاله", "بالإضافة إلى اثنين من")."""
        toks = self.toks
        n = len(toks)
        if j >= n or toks[j].sent != prev.sent or _CLAUSE.search(re.sub(r"[\"“”«»()]", "", toks[j].gap)):
            return False
        w = toks[j]
        k = j
        if w.n[:1] != "و" or len(w.n) <= 2:
            if _lookup(_WITH, w.n) is not None:
                k = j + 1
            elif _lookup(_WITH_TO, w.n) is not None and j + 1 < n and toks[j + 1].n in _TO:
                k = j + 2
            else:
                return False
            if k >= n or toks[k].sent != prev.sent:
                return False
        elif w.n == "و":
            k = j + 1
            if k >= n:
                return False
        v = _victim_of(toks[k])
        if v is not None:
            return v[0] not in ("fighters", "others", "family")
        num = toks[k].n[1:] if toks[k].n[:1] == "و" and k == j else toks[k].n
        return (num in UNITS or num[:1].isdigit()) and k + 2 < n and toks[k + 1].n == norm("من") and \
            (_victim_of(toks[k + 2]) or ("fighters",))[0] not in ("fighters", "others")

    def _rise_before(self, fig: Figure) -> tuple[str, int] | None:
        """"ارتفعت حصيلة الشهداء جراء القصف على البلدة، إلى 4 مدنيين": a toll that rose, told far back."""
        toks = self.toks
        k = fig.start_tok - 1
        if k < 1 or toks[k].n not in _TO or toks[k].sent != toks[fig.start_tok].sent:
            return None
        for m in range(k - 1, max(0, k - 25), -1):
            if toks[m].sent != toks[k].sent or toks[m].n in _TO:
                return None
            if _lookup(_TOLL, toks[m].n) is not None and m > 0 and _lookup(_RISE, toks[m - 1].n) is not None:
                for x in range(m + 1, min(m + 4, k)):
                    h = _harm_of(toks[x].n)
                    if h is not None:
                        if self._group_after(x):
                            return "fighters", k    # "ارتفاع عدد قتلى الفصيل إلى 3"
                        return h, k
                    if _lookup({norm("مجزرة")}, toks[x].n):
                        return "killed", k
                return None
        return None

    def _group_after(self, x: int) -> bool:
        """Whether the words after harm word x name an armed group: "قتلى قسد", "القتلى من فصيل ..."."""
        toks = self.toks
        y = x + 1
        if y < len(toks) and toks[y].n == norm("من"):
            y += 1
        if y >= len(toks) or toks[y].sent != toks[x].sent:
            return False
        w = toks[y].n
        if _lookup(set(_n("ضحايا ضحية")), toks[x].n) is not None:
            return False    # "ضحايا قسد" are the group's victims
        v = _victim_of(toks[y])
        return (v is not None and v[0] == "fighters") or _lookup(_GROUPS | _GROUP_AFTER_MIN, w) is not None or \
            any(rx.fullmatch(_LIL.sub("ال", w)) for _, rx in BELLIGERENTS) or w in _n("قسد داعش الدولة")

    def _lost_before(self, fig: Figure) -> tuple[str, int] | None:
        """"فقد أربعة أطفال من عائلة واحدة حياتهم": lost their lives."""
        toks = self.toks
        k = fig.start_tok - 1
        if k < 0 or toks[k].sent != toks[fig.start_tok].sent or _lookup(_LOST, toks[k].n) is None:
            return None
        for x in range(fig.end_tok + 1, min(len(toks), fig.end_tok + 6)):
            if toks[x].sent != toks[k].sent or _CLAUSE.search(toks[x].gap):
                return None
            if _lookup(_LIFE, toks[x].n) is not None:
                # "فقدوا حياتهم", "فقدان مدني لحياته"; "فقدوا حياتهم أو أصيبوا" is both
                if x + 2 < len(toks) and toks[x + 1].n == norm("أو") and _harm_of(toks[x + 2].n) == "injured":
                    return "killed or injured", k
                return "killed", k
        return None

    def _ranks_after(self, fig: Figure) -> str | None:
        """Who "في صفوف X" after a figure says was hit: fighters of a group, or civilians."""
        toks = self.toks
        for x in range(fig.end_tok + 1, min(len(toks) - 1, fig.end_tok + 8)):
            if toks[x].sent != toks[fig.end_tok].sent or _CLAUSE.search(toks[x].gap):
                return None
            v = _victim_of(toks[x])
            if toks[x].n[-4:] == _RANKS or toks[x].n in (_RANKS, "ب" + _RANKS, norm("ضمن")):
                nv = _victim_of(toks[x + 1])
                if nv is not None:
                    return nv[0]
                if _lookup(_GROUPS | _GROUP_AFTER_MIN, toks[x + 1].n) is not None:
                    return "fighters"
                return None
            if v is not None and v[0] != "others":
                return None
        return None

    def _conj_before(self, fig: Figure) -> bool:
        toks = self.toks
        k = fig.start_tok
        if toks[k].n[:1] == "و" or (k > 0 and toks[k - 1].n == "و" and toks[k - 1].sent == toks[k].sent):
            return True
        # "مع أطفاله", "برفقة والدته", "إلى جانب أطفالهما", "بالإضافة إلى اثنين من أبنائه"
        if k > 0 and toks[k - 1].sent == toks[k].sent and _lookup(_WITH, toks[k - 1].n, conj=True):
            return True
        return k > 1 and toks[k - 2].sent == toks[k].sent and toks[k - 1].n in _TO and \
            _lookup(_WITH_TO, toks[k - 2].n) is not None

    def _among_before(self, fig: Figure) -> bool:
        toks = self.toks
        k = fig.start_tok - 1
        if k >= 0 and toks[k].sent == toks[fig.start_tok].sent and (toks[k].n in _AMONG or
                                                                    _lookup(_AMONG, toks[k].n)):
            return True
        # A breakdown in brackets right after a figure: "6 قتلى مدنيين (طفلان وسيدتان ورجلان)"
        last = getattr(self, "_last_fig_end", -10)
        return k >= 0 and 0 <= k - last <= 4 and toks[fig.start_tok].gap.rstrip()[-1:] == "(" and \
            toks[last].sent == toks[fig.start_tok].sent and not any(
                _harm_of(toks[x].n) or toks[x].n[:1].isdigit() for x in range(last + 1, k + 1))

    def _place_figure(self, fig: Figure, harm: str, previous: ClaimRecord | None) -> None:
        toks = self.toks
        sent = toks[fig.start_tok].sent
        among = self._among_before(fig) or harm == "part"
        victims = fig.victims
        self.in_parts = False
        if harm == "enum":
            # "مقتل ثلاثة أطفال وامرأة": adds to the claim just made
            c = previous
            if c is None or c.count_min is None:
                return
            kind = _PART_OF.get(victims)
            if self._last_was_injured(c):
                if c.injured_min is not None and fig.count_min is not None:
                    c.injured_min += fig.count_min
                    c.injured_max = None if c.injured_max is None or fig.count_max is None else c.injured_max + fig.count_max
                self._extend(c, fig)
                c._last_injured = True  # type: ignore[attr-defined]
                return
            if c.counted == "injured":
                if c.injured_min is not None and fig.count_min is not None:
                    c.injured_min += fig.count_min
                    c.injured_max = None if c.injured_max is None or fig.count_max is None else c.injured_max + fig.count_max
            else:
                c.count_min += fig.count_min or 0
                c.count_max = None if c.count_max is None or fig.count_max is None else c.count_max + fig.count_max
                if kind:
                    self._add_part(c, kind, fig.count_min, fig.count_max, add=True)
                if victims not in ("others",) and victims != c.victims:
                    c.victims = f"{c.victims} and {victims}"
            self._extend(c, fig)
            return
        if previous is not None and among:
            kind = _PART_OF.get(victims)
            if (harm == "injured" and previous.counted == "killed" and previous.injured_min is not None) or \
                    self._last_was_injured(previous) or previous.counted == "injured":
                self.in_parts = True
                return   # a part of the injured ("وإصابة 10 بينهم 3 أطفال"): not of the dead
            if kind and previous.counted != "injured" and harm != "injured" or (kind and harm == "killed"):
                if previous.injured_min is not None and previous.injured_min and self._last_was_injured(previous):
                    return
                self._add_part(previous, kind, fig.count_min, fig.count_max, add=harm == "part" and not self._among_before(fig))
                self._extend(previous, fig)
                self.in_parts = True
            return
        if harm == "injured" and previous is not None and previous.counted in ("killed", "killed or injured") \
                and previous.injured_min is None and previous.count_min is not None and \
                toks[fig.start_tok].sent - self._claim_sent(previous) <= 1:
            previous.injured_min, previous.injured_max = fig.count_min, fig.count_max
            self._extend(previous, fig)
            previous._last_injured = True  # type: ignore[attr-defined]
            return
        if victims == "others":
            victims = previous.victims if previous is not None else "people"
        self._new_claim(fig, harm, victims)

    def _last_was_injured(self, c: ClaimRecord) -> bool:
        return getattr(c, "_last_injured", False)

    def _claim_sent(self, c: ClaimRecord) -> int:
        return getattr(c, "_sent_end", -10)

    def _add_part(self, c: ClaimRecord, kind: str, lo: int | None, hi: int | None, add: bool = False) -> None:
        cur_lo, cur_hi = getattr(c, f"{kind}_min"), getattr(c, f"{kind}_max")
        if cur_lo is None and cur_hi is None:
            setattr(c, f"{kind}_min", lo)
            setattr(c, f"{kind}_max", hi)
        elif add:
            setattr(c, f"{kind}_min", (cur_lo or 0) + (lo or 0))
            setattr(c, f"{kind}_max", None if cur_hi is None or hi is None else cur_hi + hi)

    def _span_for(self, fig: Figure) -> tuple[int, int]:
        toks = self.toks
        sent = toks[fig.start_tok].sent
        a_tok, b_tok = self.sent_bounds[sent]
        a, b = toks[a_tok].start, toks[b_tok - 1].end
        fs, fe = toks[fig.start_tok].start, toks[fig.end_tok].end
        if b - a > 400:
            # A run-on post: a window of about 30 tokens around the figure.
            a = toks[max(a_tok, fig.start_tok - 25)].start
            b = toks[min(b_tok - 1, fig.end_tok + 25)].end
        # Include a closing bracket/quote glued to the last token.
        return min(a, fs), max(b, fe)

    def _extend(self, c: ClaimRecord, fig: Figure) -> None:
        fs, fe = self._span_for(fig)
        s, e = min(c.span[0], fs), max(c.span[1], fe)
        if e - s > 1200:
            return
        c.span = (s, e)
        c.quote = self.text[s:e]
        c._sent_end = self.toks[fig.end_tok].sent  # type: ignore[attr-defined]
        c._last_injured = False  # type: ignore[attr-defined]

    def _new_claim(self, fig: Figure, harm: str, victims: str) -> None:
        text = self.text
        a, b = self._span_for(fig)
        c = ClaimRecord(type="incident", quote=text[a:b], span=(a, b), victims=victims, counted=harm,
                        rule="ar.incident.toll")
        if harm == "injured":
            c.injured_min, c.injured_max = fig.count_min, fig.count_max
            c.qualifier = fig.qualifier
            c.rule = "ar.incident.injured"
        else:
            c.count_min, c.count_max, c.qualifier = fig.count_min, fig.count_max, fig.qualifier
            part = _PART_OF.get(victims)
            if part:
                setattr(c, f"{part}_min", fig.count_min)
                setattr(c, f"{part}_max", fig.count_max)
        if fig.bare or victims == "unspecified":
            c.rule += ".bare" if fig.bare else ".harm_noun"
        c._sent_end = self.toks[fig.end_tok].sent  # type: ignore[attr-defined]
        c._fig_sent = self.toks[fig.start_tok].sent  # type: ignore[attr-defined]
        self.claims.append(c)

    # Context -----------------------------------------------------------------------------
    def _context(self, c: ClaimRecord) -> None:
        import bisect
        toks = self.toks
        starts = self._starts
        a_tok = bisect.bisect_left(starts, c.span[0])
        b_tok = bisect.bisect_left(starts, c.span[1])
        ns = norm(self.text[c.span[0]:c.span[1]])
        sent = getattr(c, "_fig_sent", toks[a_tok].sent if a_tok < len(toks) else 0)
        # Neighbouring sentences lend what the claim's own sentence lacks (an event frame).
        frames = []
        for s in (sent - 1, sent + 1, sent - 2):
            if s in self.sent_bounds:
                x, y = self.sent_bounds[s]
                if toks[y - 1].end - toks[x].start <= 1500:
                    frames.append((x, y))
        if _PERIOD.search(ns) or _PERIOD_MONTH.search(ns):
            c.type = "tally"
            c.rule = c.rule.replace("incident", "tally")
            c.tally_kind = "other"
        d0, d1, prec = _date(ns, self.published)
        if d0 is None:
            for x, y in frames[:2]:
                d0, d1, prec = _date(norm(self.text[toks[x].start:toks[y - 1].end]), self.published)
                if d0 is not None:
                    break
        if c.type == "incident":
            c.event_date, c.event_date_end, c.date_precision = d0, d1, prec
        c.belligerent = _belligerent(ns)
        c.strike_type = _strike_type(ns)
        c.place_text, c.country = _place(self.text, toks, a_tok, b_tok)
        c.asserted_by = _speaker(self.text, toks, a_tok, b_tok)
        for x, y in frames:
            fs = norm(self.text[toks[x].start:toks[y - 1].end])
            if c.belligerent is None:
                c.belligerent = _belligerent(fs)
            if c.strike_type is None:
                c.strike_type = _strike_type(fs)
            if c.place_text is None:
                c.place_text, c.country = _place(self.text, toks, x, y)
        if c.asserted_by is None and frames and frames[0][0] < a_tok:
            x, y = frames[0]
            c.asserted_by = _speaker(self.text, toks, x, y)
        if c.country is None and _SYRIA.search(ns):
            c.country = "SY"
        if c.type == "tally" and c.asserted_by and re.search(norm("المرصد|الشبكة السورية|الدفاع المدني|منظمة"), norm(c.asserted_by)):
            c.tally_kind = "independent_estimate"

    def _finish(self) -> list[ClaimRecord]:
        self._starts = [t.start for t in self.toks]
        claims = [c for c in self.claims if not _NOT_STRIKE.search(norm(c.quote))]
        for c in claims:
            self._context(c)
        claims = self._dedupe(claims)
        out = []
        for c in claims:
            for attr in ("_sent_end", "_fig_sent", "_last_injured"):
                c.__dict__.pop(attr, None)
            for kind in ("children", "women", "men"):
                lo = getattr(c, f"{kind}_min")
                if lo is not None and c.count_min is not None and lo > c.count_min and c.count_max is not None:
                    c.flags.append("parts_exceed_total")
                    break
            if c.count_min is not None and c.count_max is not None and c.count_min > c.count_max:
                c.count_max = None
            assert self.text[c.span[0]:c.span[1]] == c.quote
            out.append(c)
        return out

    @staticmethod
    def _dedupe(claims: list[ClaimRecord]) -> list[ClaimRecord]:
        """A post repeats its own headline and body: the same figure twice is one claim."""
        out: list[ClaimRecord] = []
        for c in claims:
            twin = None
            for o in out:
                if (o.type, o.count_min, o.count_max, o.counted, o.injured_min) != (
                        c.type, c.count_min, c.count_max, c.counted, c.injured_min) and not (
                        o.count_min is not None and o.count_min == c.count_min and o.counted == c.counted
                        and (o.injured_min is None or c.injured_min is None)):
                    continue
                if o.place_text and c.place_text and o.place_text != c.place_text and not (
                        o.place_text in c.place_text or c.place_text in o.place_text):
                    continue
                if o.event_date and c.event_date and o.event_date != c.event_date:
                    continue
                twin = o
                break
            if twin is None:
                out.append(c)
                continue
            for f in ("asserted_by", "event_date", "event_date_end", "date_precision", "place_text", "country",
                      "belligerent", "strike_type", "injured_min", "injured_max", "children_min", "children_max",
                      "women_min", "women_max", "men_min", "men_max"):
                if getattr(twin, f) is None and getattr(c, f) is not None:
                    if f.endswith("_max") and getattr(twin, f.replace("_max", "_min")) is not None:
                        continue
                    setattr(twin, f, getattr(c, f))
        return out


def text_after(text: str, pos: int, k: int) -> str:
    return text[pos:pos + k]


def extract_arabic(text: str, published: dt.date | None = None) -> list[ClaimRecord]:
    """Claims an Arabic report makes about people killed or injured, each with its exact quote."""
    if not text:
        return []
    return _Run(text, published).run()
