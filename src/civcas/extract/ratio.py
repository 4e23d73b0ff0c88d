"""Rates and multiples: "1 in 5 strikes", "31 times", ".94% of engagements".

A rate compares harm to activity or one ledger to another; it is a claim in its own right and
must not leak into the death tolls, so it is read by its own patterns and kept in `ratio`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .folding import Folded
from .numbers import hedge_kind, to_int

_HEDGE = r"(?:(?P<hedge>more\s+than|at\s+least|nearly|almost|about|around|over|roughly|up\s+to|fewer\s+than|less\s+than)\s+)?"
_N = r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)"
_OF = (r"(?P<of>strikes|air\s?strikes|engagements|incidents|attacks|raids|air\s+raids|sorties|cases|reports|deaths|"
       r"casualties|victims|civilians|people|allegations|claims|them)")
ONE_IN_RE = Folded(rf"\b{_HEDGE}(?P<num>{_N})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>{_N})\s+(?:of\s+)?(?:the\s+|all\s+)?"
                       rf"(?:[\w\-]+\s+){{0,2}}?{_OF}\b")
TIMES_RE = Folded(rf"\b{_HEDGE}(?P<times>{_N})\s+times\s+(?:higher|more|greater|larger|lower|that|than|the|as|what)\b")
PERCENT_RE = Folded(rf"(?<![\w.]){_HEDGE}(?P<pct>\d*\.?\d+)\s*(?:%|per\s?cent\b)\s+of\s+(?:the\s+|all\s+)?"
                        rf"(?:[\w\-]+\s+){{0,2}}?{_OF}\b")


_FRACTIONS = {"a third": (1, 3), "one third": (1, 3), "a quarter": (1, 4), "one quarter": (1, 4), "half": (1, 2),
              "a half": (1, 2), "two thirds": (2, 3), "three quarters": (3, 4), "a fifth": (1, 5), "one fifth": (1, 5),
              "a tenth": (1, 10), "one tenth": (1, 10)}
FRACTION_RE = Folded(rf"\b{_HEDGE}(?P<frac>a\s+third|one[- ]third|a\s+quarter|one[- ]quarter|a\s+half|half|two[- ]thirds|"
                         rf"three[- ]quarters|a\s+fifth|one[- ]fifth|a\s+tenth|one[- ]tenth)\s+of\s+(?!an?\s+(?:million|billion))(?:the\s+|all\s+)?"
                         rf"(?:[\w\-]+\s+){{0,2}}?{_OF}\b")


@dataclass
class Ratio:
    value: dict[str, Any]
    start: int
    end: int


def _num(s: str) -> float | int | None:
    s = s.replace(",", "")
    try:
        return float(s) if "." in s else int(s)
    except ValueError:
        return to_int(s)


def ratios_in(text: str, a: int, b: int) -> list[Ratio]:
    out: list[Ratio] = []
    for m in ONE_IN_RE.finditer(text, a, b):
        num, den = _num(m.group("num")), _num(m.group("den"))
        if num is None or den is None or not den or num > den:
            continue
        out.append(Ratio({"kind": "share", "numerator": num, "denominator": den, "of": m.group("of").lower(),
                          "qualifier": hedge_kind(m.group("hedge"))}, m.start(), m.end()))
    for m in TIMES_RE.finditer(text, a, b):
        n = _num(m.group("times"))
        if n is None:
            continue
        out.append(Ratio({"kind": "multiple", "times": n, "qualifier": hedge_kind(m.group("hedge"))}, m.start(), m.end()))
    for m in PERCENT_RE.finditer(text, a, b):
        out.append(Ratio({"kind": "percent", "percent": float(m.group("pct")), "of": m.group("of").lower(),
                          "qualifier": hedge_kind(m.group("hedge"))}, m.start(), m.end()))
    for m in FRACTION_RE.finditer(text, a, b):
        if any(m.start() < r.end and r.start < m.end() for r in out):
            continue
        num, den = _FRACTIONS[re.sub(r"[\s-]+", " ", m.group("frac").lower())]
        out.append(Ratio({"kind": "share", "numerator": num, "denominator": den, "of": m.group("of").lower(),
                          "qualifier": hedge_kind(m.group("hedge"))}, m.start(), m.end()))
    out.sort(key=lambda r: r.start)
    return out
