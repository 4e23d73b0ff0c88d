"""The speed-ups are shortcuts, never new behaviour: each must agree with the pattern it spares.

Every shortcut in the extractor (a cached number hint, a cheap necessary condition checked before
an expensive pattern, per-document memories) is compared here with the plain pattern on the
texts where a shortcut could plausibly go wrong: offsets inside words, non-ASCII letters that
case-insensitive matching folds (Kelvin sign, long s, dotless i), several documents in a row.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from civcas.extract import casualties, context, extract, numbers
from civcas.extract.sentences import split

TEXTS = [
    "Seventeen civilians were killed and twenty-one wounded.",
    "Fourteen people died; fifty more were hurt in the blast.",
    "The attack killed nobody, officials said.",
    "Xfourteen is no number, nor is teen or ty alone.",
    "Scores of families fled; a few returned; several stayed.",
    "ONE HUNDRED civilians were killed.",
    "Les victimes: 12 civils tués à Raqqa.",
    "\u212aILLED: 3 (Kelvin sign), \u017fhelling (long s), \u0131njured (dotless i).",
    "",
    "   ",
    "At least 23 more people died compared to the previous month's 603.",
    "Rescuers said 1 in 5 strikes hit homes; more than thirty were killed.",
]


def _spans(text):
    out = [(0, len(text))]
    for s in split(text):
        out.append((s.start, s.end))
    for a in range(0, len(text), 3):
        for b in range(a, len(text) + 1, 7):
            out.append((a, b))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_number_hint_agrees_with_the_pattern(text):
    for a, b in _spans(text):
        assert numbers.number_hint(text, a, b) == (numbers.NUMBER_HINT.search(text, a, b) is not None), (a, b)
        assert numbers.number_hint_slice(text, a, b) == (numbers.NUMBER_HINT.search(text[a:b]) is not None), (a, b)


def test_number_hint_cache_follows_the_text_not_the_offsets():
    one, other = "Five civilians were killed.", "Many civilians were killed."
    assert numbers.number_hint(one, 0, len(one))
    assert not numbers.number_hint(other, 0, len(other))
    assert numbers.number_hint(one, 0, len(one))


_STRIKE_TYPE_TEXTS = TEXTS + [
    "A US drone hit the car.", "Cruise missiles struck the base.", "Regime shelling continued.",
    "Warplanes bombed the market.", "Gunmen stormed the village.", "Air-drops of aid resumed.",
    "A Russian \u212aa-52 helicopter fired rockets.", "\u017fhelling and \u017forties", "UAVs circled overhead.",
    "Nothing happened here.",
]


@pytest.mark.parametrize("text", _STRIKE_TYPE_TEXTS)
def test_strike_type_agrees_with_the_patterns(text):
    expected = next((kind for kind, rx in context.STRIKE_TYPES if rx.search(text)), None)
    assert context.strike_type(text, 0, len(text)) == expected


@pytest.mark.parametrize("text", TEXTS + ["He was thankful; 3 fewer people THAN before were killed.",
                                          "\u0131 3 more people died than last week."])
def test_than_shortcut_never_hides_a_match(text):
    casualties._last_than = (None, -1)
    for pos in range(len(text) + 1):
        if casualties._THAN.search(text, pos):
            assert casualties._than_from(text, pos), pos


def test_bare_subject_and_difference_prefilters_are_necessary():
    texts = ["Another 40 were wounded.", "Five had been killed, 12 have been also being treated for their wounds.",
             "Eleven people were hurt.", "23 more people dead compared to last month's 603.",
             "7 fewer deaths than in May."]
    for t in texts:
        if casualties._BARE_SUBJECT.search(t):
            assert casualties._BARE_SUBJECT_VERB.search(t), t
        if casualties._DIFFERENCE.search(t):
            assert casualties._THAN.search(t), t


@pytest.mark.parametrize("text", ["", " ", "\n\n", "One.", "  A b.  C d!\n\n E f?  ", "U.S. forces left. Then\u2003"
                                  "they came back.\u3000 Done\u00a0", "No. 5 was hit. Mr. Smith said so.\nNew line"])
def test_split_trims_exactly_what_isspace_trims(text):
    for s in split(text):
        piece = text[s.start:s.end]
        assert piece and piece == piece.strip()
        assert not text[s.start - 1:s.start].strip() or s.start == 0


def test_memories_do_not_leak_between_documents():
    pub = dt.date(2017, 8, 1)
    a = "An airstrike on a market in Raqqa on Monday killed 12 civilians, residents said."
    b = "An airstrike on a market in Mosul on Friday killed 12 civilians, residents said."
    first = [c.to_dict() for c in extract(a, pub)]
    second = [c.to_dict() for c in extract(b, pub)]
    assert first != second
    assert [c.to_dict() for c in extract(a, pub)] == first
    assert [c.to_dict() for c in extract(b, pub)] == second
    # Same text in a new string object: same claims.
    assert [c.to_dict() for c in extract("".join(list(a)), pub)] == first


def test_prefilters_are_compiled_with_the_flags_of_their_patterns():
    # A prefilter must be at least as permissive as the part of the pattern it stands for.
    assert casualties._BARE_SUBJECT_VERB.flags & re.I and casualties._BARE_SUBJECT.flags & re.I
    assert casualties._THAN.flags & re.I and casualties._DIFFERENCE.flags & re.I


# -- folded patterns (folding.py) ---------------------------------------------------------------

def _folded_patterns():
    """Every Folded pattern of the extractor's modules, by name."""
    import importlib

    from civcas.extract.folding import Folded
    found = {}
    for name in ("assessment", "attribution", "casualties", "context", "dates", "numbers", "ratio", "rules",
                 "strikes"):
        mod = importlib.import_module(f"civcas.extract.{name}")
        for attr, value in vars(mod).items():
            if isinstance(value, Folded):
                found[f"{name}.{attr}"] = value
            elif isinstance(value, (list, tuple, dict)):
                items = value.items() if isinstance(value, dict) else enumerate(value)
                for key, item in items:
                    for x in (item if isinstance(item, tuple) else (item,)):
                        if isinstance(x, Folded):
                            found[f"{name}.{attr}[{key}]"] = x
    return found


def _fold_texts():
    """Texts where the folded patterns match and nearly match: the hand-written corpus, generated
    reports, the awkward TEXTS, each also in upper, title and swapped case."""
    import importlib.util
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = [json.loads(line)["text"] for line in (Path(__file__).parent / "corpus" / "reports.jsonl")
             .read_text(encoding="utf-8").splitlines() if line.strip()]
    spec = importlib.util.spec_from_file_location("bench_extract", root / "bench" / "extract.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    texts += [t for t, _ in bench.make_docs(12, seed=7)] + [t for t, _ in bench.make_docs(8, seed=8, dense=True)]
    texts += TEXTS + [
        "The death toll rose to 45; the coalition's own count of 624 was lower. Killed at least 7 and wounded 20.",
        "Another 40 were wounded. No civilians were harmed. Near Raqqa, 10 strikes engaged ISIS units.",
        "Among the dead were four women. Identified 33 of the dead. They could have died. It did not kill anyone.",
        "Xkilled 5, skilled 4 and unkilled 3 people; ahundred people; the12 civilians; killing12 others.",
        "Residents said on Monday that 12,000 strikes were carried out. Five children were among 13 killed.",
        "Four women were among the 13 civilians killed, killing at least 7.",
        "Officials had initially put the toll at 43; earlier, the ministry had said 33 died. The deadliest strike since May killed 9.",
        "It carried 40 reports over. Credible reports stood at 7. The cell completed the assessment of 12 reports.",
        "It re-opened 3 reports and reopened 2 more.",
        "Nine civilians were killed Wednesday in raids; two were wounded sunday, another struck Mondays.",
        "It was not clear how many of the 26 dead were civilians; it is unclear how many. Not known how.",
        "About 700 people died, most of them fighters; its count does not distinguish between the two sides.",
        "It said 240 people died, without specifying how many were civilians, and 60 died from lack of insulin.",
        "Two women were also among the dead; a farmer had lost six relatives, members of his own extended family.",
        "An earlier version of this story said 40 people had been killed, out of a total of 90 people.",
        "The cell had assessed 11 allegations, found none credible and had 16 still open.",
        "Shelling killed 6 people in Aleppo observatory head Jamal Haddad said; the monitor's director Sam Lee agreed.",
    ]
    return [v for t in texts for v in (t, t.upper(), t.title(), t.swapcase())]


_FOLD_TEXTS = None


def _fold_cases():
    global _FOLD_TEXTS
    if _FOLD_TEXTS is None:
        _FOLD_TEXTS = _fold_texts()
    return _FOLD_TEXTS


def _key(m):
    return None if m is None else (m.span(), m.groups(), m.string is not None)


@pytest.mark.parametrize("name", sorted(_folded_patterns()))
def test_folded_pattern_agrees_with_the_plain_pattern(name):
    f = _folded_patterns()[name]
    for text in _fold_cases():
        stretches = [(0, len(text))] + [(s.start, s.end) for s in split(text)]
        # Patterns anchored with "$" are searched in the words before a figure.
        stretches += [(s.start, d) for s in split(text) for d in [re.search(r"\d|$", text[s.start:s.end]).start() + s.start]]
        for a, b in stretches:
            assert [_key(m) for m in f.finditer(text, a, b)] == [_key(m) for m in f.rx.finditer(text, a, b)], (text, a, b)
            assert _key(f.search(text, a, b)) == _key(f.rx.search(text, a, b)), (text, a, b)
            assert _key(f.match(text, a, b)) == _key(f.rx.match(text, a, b)), (text, a, b)
            assert f.search(text, a, b) is None or f.search(text, a, b).string is text


@pytest.mark.parametrize("name", sorted(_folded_patterns()))
def test_folded_needs_are_necessary(name):
    # Every match of the plain pattern on ASCII text holds one of the words the pattern says it needs.
    f = _folded_patterns()[name]
    if not f.needs:
        return
    for text in _fold_cases():
        if not text.isascii():
            continue
        for m in f.rx.finditer(text):
            assert any(w in text.lower()[m.start():] for w in f.needs), (name, m.group())


def test_folded_patterns_are_exercised():
    # The comparison above means something only where the patterns match.
    def matches(f):
        for text in _fold_cases():
            if f.rx.search(text):
                return True
            for s in split(text):
                if f.rx.search(text, s.start, re.search(r"\d|$", text[s.start:s.end]).start() + s.start):
                    return True
        return False
    assert [n for n, f in _folded_patterns().items() if not matches(f)] == []


def test_fold_refuses_patterns_that_lower_casing_would_change():
    from civcas.extract.folding import Folded
    for bad in (r"[A-Z]\w+", r"Mosul", r"(?-i:[a-z])x", "\u212aelvin", "stra\u00dfe"):
        with pytest.raises(ValueError):
            Folded(bad)
    for good in (r"\bkilled\S*\W\D\B", r"(?P<Name>x)(?P=Name)", "[’'“”–]"):
        Folded(good)


def test_lowered_is_only_for_ascii():
    from civcas.extract.folding import lowered
    assert lowered("Ab C") == "ab c"
    assert lowered("K\u212a") is None and lowered("\u0130stanbul") is None
    long_text = "Killed " * 100
    assert lowered(long_text) == long_text.lower() and lowered(long_text) is lowered(long_text)


def test_figure_fast_lookahead_lets_every_figure_through():
    # FIGURE_FAST = a look-ahead + FIGURE: wherever FIGURE matches, on lower-cased ASCII text the
    # look-ahead does too.
    look = re.compile(numbers.FIGURE_FAST[:-len(numbers.FIGURE)])
    words = (list(numbers.UNITS) + list(numbers.TENS) + list(numbers.VAGUE) + ["between 2 and 3", "a dozen",
             "half a million", "three quarters of a million", "a family of five", "an entire family of 4", "12-15"]
             + [re.sub(r"\\s\+|\(\?:([a-z]+)\|[a-z]+\)", lambda m: m.group(1) or " ", h) + " 5" for h, _ in numbers._HEDGES])
    texts = [w for w in words] + [w.title() for w in words] + [w.upper() for w in words] + _fold_cases()
    for text in texts:
        if not text.isascii():
            continue
        low = text.lower()
        for p in range(len(text)):
            if numbers.FIGURE_AT.match(text, p):
                assert look.match(low, p), (text, p)


def test_verb_alternation_is_the_flat_alternation():
    from civcas.extract import attribution
    flat = re.compile(r"\b(?:" + "|".join(attribution._VERB_WORDS) + r")\b")
    for text in _fold_cases():
        assert [m.span() for m in attribution._VERB_RE.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_to_int_shortcuts_agree_with_the_general_steps():
    # A leading space sends a token through the general steps.
    tokens = [str(i) for i in range(0, 2000, 7)] + ["123456789012345", "1234567890123456", "00012", "٣", "²"]
    tokens += list(numbers.UNITS) + [w.title() for w in numbers.UNITS] + list(numbers.TENS)
    for tok in tokens:
        assert numbers.to_int(tok) == numbers.to_int(" " + tok), tok


def test_known_hedges_are_what_the_patterns_say():
    for hedge, kind in numbers._HEDGE_KNOWN.items():
        h = re.sub(r"\s+", " ", hedge.lower())
        assert kind == next((q for rx, q in numbers._HEDGE_KIND if rx.match(h)), "exact"), hedge


def _quick_patterns():
    import importlib

    from civcas.extract.folding import Quick
    found = {}
    for name in ("attribution", "casualties", "context", "dates", "numbers", "parties", "rules"):
        mod = importlib.import_module(f"civcas.extract.{name}")
        for attr, value in vars(mod).items():
            items = value if isinstance(value, (list, tuple)) else [value]
            for i, item in enumerate(items):
                for x in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(x, Quick) and all(x is not y for y in found.values()):
                        found[f"{name}.{attr}" + (f"[{i}]" if items is value else "")] = x
    return found


@pytest.mark.parametrize("name", sorted(_quick_patterns()))
def test_quick_pattern_agrees_with_the_plain_pattern(name):
    q = _quick_patterns()[name]
    for text in _fold_cases() + ["Tab\there, form\x0cfeed; Unit\x1fsep 12 killed\x1cin Mosul"]:
        for a, b in [(0, len(text))] + [(s.start, s.end) for s in split(text)]:
            assert [(m.span(), m.groups()) for m in q.finditer(text, a, b)] == \
                [(m.span(), m.groups()) for m in q.rx.finditer(text, a, b)], (name, text)
            assert _key(q.search(text, a, b)) == _key(q.rx.search(text, a, b))


_NAMES = ["Airwars", "the coalition", "  the   U.S.-led coalition ,", "Amnesty International's report", "the group’s analysis",
          "UN estimates", "a new report from the Syrian Observatory", "Lt. Gen. J.", "U.S.", "Gen.", "the\u00a0Pentagon",
          "CJTF-OIR\u2003", "tab\tseparated", "line\nbreak", "\u2028sep", "it", "The monitor's", "Human Rights Watch'",
          "the Bureau’s own figures", "Airwars data", "its", "", "..", "the Guardian ."]


def test_clean_shortcuts_change_nothing():
    from civcas.extract import attribution as at

    def plain_clean(who):
        if not who:
            return None
        w = at._SPACES.sub(" ", who).strip(" ,;:'\"“”‘’–-")
        if not at._ABBR_END.search(w):
            w = w.rstrip(".")
        w = at._REPORT_FROM.sub("", w)
        w = at._POSSESSIVE_DOC.sub("", w)
        stripped = at._TRAILING_DATA.sub("", w)
        if stripped.lower() not in ("the", "a", "an", "its", "their", "his", "her", "our"):
            w = stripped
        w = at._ARTICLE.sub("", w)
        w = at._POSSESSIVE_END.sub("", w)
        return w or None

    for name in _NAMES + [n.upper() for n in _NAMES]:
        assert at.clean(name) == plain_clean(name), name


def test_party_key_shortcuts_change_nothing():
    from civcas.extract import parties

    def plain_key(name):
        k = parties._WS.sub(" ", parties._POSS.sub("", parties._STRIP.sub("", name.translate(parties._APOS)))).strip().lower()
        return k[4:] if k.startswith("the ") else k

    for name in _NAMES + [n.upper() for n in _NAMES] + ["the coalition's", "U.S.'s", "x's\u3000y"]:
        assert parties._key(name) == plain_key(name), name


def _all_orgs(text):
    """The organisations a document names, found in one eager pass (what Memory.orgs_before reads lazily)."""
    from civcas.extract import attribution, parties
    found = dict(parties.mentions(text, 0, len(text)))
    for m in attribution._KNOWN.finditer(text):
        if m.start() not in found and m.group().lower() not in attribution._GENERIC_NAMES:
            found[m.start()] = parties.canonical(m.group())
    return sorted(found.items())


@pytest.mark.parametrize("order", ["rising", "falling", "none_first"])
def test_lazy_organisations_are_the_eager_ones(order):
    from civcas.extract import attribution
    texts = _fold_cases()[::3] + [
        "The Syrian Observatory for Human Rights said. Airwars and the U.S.-led coalition; Amnesty International",
        "Syrian Observatory for Human Rights", "UN", "coalition", "",
    ]
    for text in texts:
        eager = _all_orgs(text)
        limits = sorted({0, 1, len(text) // 3, len(text) // 2, len(text) - 1, len(text), len(text) + 5}
                        | {p for p, _ in eager} | {p + 1 for p, _ in eager})
        if order == "falling":
            limits.reverse()
        elif order == "none_first":
            limits.insert(0, None)
        memory = attribution.Memory(text=text)
        for limit in limits:
            got = memory.orgs_before(limit)
            want = eager if limit is None else [(p, c) for p, c in eager if p < limit]
            assert [x for x in got if limit is None or x[0] < limit] == want, (text, limit)
            assert got == eager[:len(got)], (text, limit)


def test_toll_to_prefilter_is_necessary():
    texts = _fold_cases() + [
        "The death toll rose to 45.", "The toll stood at 12, officials said.", "the number of people killed at 30",
        "the count of civilians dead at 7", "the coalition's own count of 624", "Airwars' figure was 90.",
        "the Pentagon had conceded just two", "it acknowledged only 3", "identified 33 of the dead",
        "four of those 12 civilian victims", "Of The Dead, 5 were children.", "x of\tthe\nkilled, 4 more",
    ]
    checked = 0
    for text in texts:
        for a, b in [(0, len(text))] + [(s.start, s.end) for s in split(text)]:
            low = text[a:b].lower()
            if low.isascii() and casualties._TOLL_TO.rx.search(text, a, b):
                checked += 1
                assert casualties._toll_to_possible(low), text[a:b]
    assert checked >= 10


def test_word_and_digit_prefilters_are_necessary():
    """remember() looks for a statement's owner only in sentences holding "statement", "report" or
    "release"; find_published reads a header line for a date only when it holds a digit."""
    from civcas.extract import attribution, dates
    texts = _fold_cases() + ["A statement by the Pentagon said.", "The report from Airwars, released by HRW.",
                             "Mon, 01 Aug 2017 10:00 UTC", "Date of publication: 1 May, 2017", "2017-05-01",
                             "Monday, \u0663 May \u0662\u0660\u0661\u0667", "Sunday, May the first"]
    statements = dated = 0
    for text in texts:
        for m in attribution.STATEMENT_OWNER_RE.finditer(text):
            statements += 1
            assert any(w in m.group() for w in ("statement", "report", "release")), m.group()
        for line in text.splitlines():
            m = dates._HEADER_DATE.search(line.strip())
            if m:
                dated += 1
                assert dates._DIGIT.search(m.group()), m.group()
    assert statements >= 2 and dated >= 3
