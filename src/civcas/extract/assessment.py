"""A military's own bookkeeping of civilian-casualty reports, field by field.

Assessment cells (CJTF-OIR's monthly reports) publish counts of *reports*, not of deaths:
how many they completed, found credible, non-credible or duplicate, how many stay open, were
carried over, newly received or referred by a monitor.  These numbers sit next to death counts
in the same sentences ("seven were assessed to be credible, resulting in 21 civilian deaths"),
so this rule runs first and the numbers it takes are not read again as death tolls.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .folding import Folded
from .numbers import Figure, figures_in, number_hint_slice

GATE = Folded(r"\b(?:reports?|allegations?|credible|assess\w*|duplicates?|claims)\b",
              needs=("report", "allegation", "credible", "assess", "duplicate", "claims"))
# The figure must count reports (or "of them", "were ..."), not sources or strikes.
_COUNTS_REPORTS = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:reports?|allegations?|claims|cases|incidents|of them|of which|of these|were|was|are|"
    r"have been|had been|remain|remained|as|assessments?)\b"
    r"|^\s*(?:still\s+)?(?:non-?credible|not\s+credible|credible|duplicates?|open)\b(?!\s+(?:sources?|witnesses|evidence|"
    r"information|media|outlets|reporting|accounts))"
    r"|^\s*(?:to\s+be|as)\s+(?:non-?credible|not\s+credible|credible|duplicates?|(?:un)?substantiated|not\s+substantiated)\b",
    re.I)
_FIELDS_RIGHT = [
    ("completed", re.compile(r"^\s*(?:\w+\s+){0,2}?(?:reports?|assessments?)\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?"
                             r"(?:completed|closed|finali[sz]ed)\b", re.I)),
    ("historical_referred", re.compile(r"^\s*(?:\w+\s+){0,2}historical\b|^[^.;]{0,30}?\breferred\b", re.I)),
    ("non_credible", re.compile(r"^[^.;]{0,60}?\b(?:non-?credible|not\s+credible|un-?credible|not\s+substantiated|"
                                r"unsubstantiated)\b", re.I)),
    ("credible", re.compile(r"^[^.;]{0,60}?\b(?:credible|substantiated)\b", re.I)),
    ("duplicate", re.compile(r"^[^.;]{0,60}?\bduplicat", re.I)),
    ("reopened", re.compile(r"^[^.;]{0,40}?\bre-?opened\b", re.I)),
    ("open", re.compile(r"^[^.;]{0,60}?\b(?:still|remain(?:s|ed)?\s+open|open\b|under\s+(?:review|assessment|"
                        r"investigation)|being\s+(?:investigated|assessed|reviewed)|pending|ongoing)", re.I)),
    ("completed", re.compile(r"^\s*(?:\w+\s+){0,4}?(?:were|have\s+been|had\s+been)\s+(?:assessed|closed|completed|"
                             r"reviewed)\b(?!\s+(?:to|as))", re.I)),
    ("new_received", re.compile(r"^\s*new\s+(?:reports?|allegations?)\b", re.I)),
    ("received", re.compile(r"^\s*(?:\w+\s+){0,1}(?:reports?|allegations?|claims)\s+(?:of|alleging)\s+(?:possible\s+|"
                            r"alleged\s+|potential\s+)?civilian", re.I)),
]
_CARRIED = Folded(r"carried(?:\s+over)?\s*$", needs=("carried",))
_COMPLETED_LEFT = Folded(r"(?:completed|finished|closed|concluded|conducted)\s+(?:the\s+|its\s+|their\s+)?(?:assessments?\s+of|"
                         r"assessing|reviewing|review\s+of|investigations?\s+(?:of|into))?\s*$",
                         needs=("completed", "finished", "closed", "concluded", "conducted"))
_RECEIVED_LEFT = Folded(r"received\s*$", needs=("received",))
_DEATHS = Folded(r"(?:result(?:ing|ed)\s+in|caus(?:ing|ed)|involv(?:ing|ed)|totall?ing)\s*$",
                 needs=("result", "caus", "involv", "total"))
_DEATHS_RIGHT = re.compile(r"^\s*(?:\w+\s+){0,2}(?:civilian\s+)?(?:deaths|casualties|civilians|fatalities)", re.I)
_CREDIBLE_LEFT = Folded(r"(?<!non-)(?<!non)(?<!not )credible(?:\s+reports?)?['’]?\s+[^.;0-9]{0,50}?(?:to\s+be|was|"
                        r"were|is|at|stood\s+at|:)\s+(?:just|only)?\s*$", needs=("credible",))
_REFERRED_BY = re.compile(r"\b(?:from|by)\s+(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4})")
_REOPENED_LEFT = Folded(r"\bre-?opened\s*$", needs=("opened",))
_CLOSED_BARE = Folded(r"\b(?:closed|completed|finished|assessed)\s*$", needs=("closed", "completed", "finished", "assessed"))
_UNIT_RIGHT = re.compile(r"\s*(?:years?|percent|per cent|%)")
_CARRIED_ONLY = Folded(r"carried\s*$", needs=("carried",))
# "had assessed 11 allegations, found none credible and had 16 still open", "had received 48 new
# reports, and had reopened two": a verdict after a comma and a verb of its own belongs to the words
# there, not to the figure before it.
_NEW_CLAUSE = re.compile(r",?\s+(?:and\s+)?(?:found|judged|deemed|determined|ruled|concluded|had|has|with)\b", re.I)
_ASSESSED_LEFT = Folded(r"\b(?:assessed|reviewed|examined|investigated)\s+(?:a\s+total\s+of\s+)?$",
                        needs=("assessed", "reviewed", "examined", "investigated"))
# "found none credible", "judged none of them to be credible": a verdict of zero.
_NONE_CREDIBLE = Folded(r"\b(?:found|judged|deemed|assessed|determined)\s+none\s+(?:of\s+them\s+)?(?:to\s+be\s+)?"
                        r"(?:credible|substantiated)\b", needs=("none",))
_REPORTS_RIGHT = re.compile(r"^\s*(?:\w+\s+){0,3}(?:reports?|allegations?)", re.I)


_OF_THE_LEFT = re.compile(r"\b[Oo]f\s+the\s+$")
_REVIEWED_RIGHT = re.compile(r"^\s*(?:\w+\s+){0,1}(?:reports?|allegations?|claims|cases)\b[^.;]{0,80}?\b(?:reviewed|assessed|"
                             r"examined|investigated|completed|closed)\b", re.I)
_CLOSED_VERB = re.compile(r"\b(?:closed|completed)\s+$", re.I)
_LABEL = re.compile(r"[-•*\s]*(?P<label>[^:\n]{3,100}?)\s*:\s*$")
_LABELS = [
    ("deaths_in_credible", re.compile(r"(?:deaths|killed|casualties).*credible|credible.*(?:deaths|killed)", re.I)),
    ("carried_over", re.compile(r"carried|open\s+at\s+the\s+(?:start|beginning)|brought\s+forward|previous", re.I)),
    ("reopened", re.compile(r"re-?opened", re.I)),
    ("historical_referred", re.compile(r"historical|referred", re.I)),
    ("new_received", re.compile(r"\bnew\b.*received|received.*\bnew\b|^new\s+(?:reports|allegations)", re.I)),
    ("received", re.compile(r"received", re.I)),
    ("completed", re.compile(r"completed|closed|assessed\s*$|finali[sz]ed", re.I)),
    ("non_credible", re.compile(r"non-?credible|not\s+credible", re.I)),
    ("credible", re.compile(r"credible", re.I)),
    ("duplicate", re.compile(r"duplicate", re.I)),
    ("open", re.compile(r"\bopen\b|under\s+(?:review|assessment)|pending", re.I)),
]


def _label_field(label: str) -> str | None:
    """A summary line's label ("New reports received: 58") names the field its number fills."""
    if not re.search(r"reports?|allegations?|credible|duplicate|assess|open", label, re.I):
        return None
    for name, rx in _LABELS:
        if rx.search(label):
            return name
    return None


@dataclass
class Field:
    name: str
    value: int
    figure: Figure


def fields_in(text: str, a: int, b: int) -> tuple[list[Field], str | None]:
    """Assessment fields the sentence text[a:b] states, and who referred historical reports."""
    if not number_hint_slice(text, a, b):
        return [], None
    s = text[a:b]
    if not GATE.search(s):
        return [], None
    figs = figures_in(text, a, b)
    out: list[Field] = []
    referred_by = None
    for i, f in enumerate(figs):
        value = f.count_min if f.count_min is not None else f.count_max
        if value is None or f.qualifier in ("dozens", "hundreds", "several", "between"):
            continue
        if text[f.start:f.end].strip().isdigit() and 1900 <= value <= 2100:
            continue
        lo = figs[i - 1].end if i else a
        hi = figs[i + 1].start if i + 1 < len(figs) else b
        left = text[max(lo, f.start - 80):f.start]
        right = text[f.end:min(hi, f.end + 120)]
        if text[f.end:f.end + 1] in ("-", "%") or _UNIT_RIGHT.match(right):
            continue
        name = None
        raw = text[f.start:f.end].lower()
        line_start = text.rfind("\n", 0, f.start) + 1
        label = _LABEL.match(text, line_start, f.start) if not right.strip(" .") else None
        if label:
            name = _label_field(label.group("label"))
            if name is None:
                continue
        elif _CARRIED.search(left) or (raw.startswith("over") and _CARRIED_ONLY.search(left)):
            name = "carried_over"
        elif _DEATHS.search(left) and _DEATHS_RIGHT.match(right) and "credible" in s.lower():
            name = "deaths_in_credible"
        elif _REOPENED_LEFT.search(left):
            name = "reopened"
        elif _OF_THE_LEFT.search(left) and _REVIEWED_RIGHT.match(right):
            name = "completed"      # "Of the 104 reports that the department reviewed, ..."
        elif _COUNTS_REPORTS.match(right):
            cut = _NEW_CLAUSE.search(right)
            if cut is not None and (_ASSESSED_LEFT.search(left) or _RECEIVED_LEFT.search(left)):
                right = right[:cut.start()]
            for field, rx in _FIELDS_RIGHT:
                if rx.match(right):
                    name = field
                    break
            if name is None and _COMPLETED_LEFT.search(left):
                name = "completed"
            elif name is None and _RECEIVED_LEFT.search(left):
                name = "received"
            elif name is None and _ASSESSED_LEFT.search(left) and _REPORTS_RIGHT.match(right):
                name = "completed"      # "had assessed 11 allegations"
            if name in ("credible", "non_credible", "duplicate", "open") and re.match(
                    r"^\s*(?:\w+\s+){0,2}(?:reports?|allegations?)\s+(?:of|alleging)\b", right, re.I) \
                    and _COMPLETED_LEFT.search(left):
                name = "completed"
        elif _CREDIBLE_LEFT.search(left):
            name = "credible"
        elif _COMPLETED_LEFT.search(left) and (_REPORTS_RIGHT.match(right) or _CLOSED_BARE.search(left)):
            name = "completed"
        if name == "received" and _COMPLETED_LEFT.search(left):
            name = "completed"      # "completed assessments of 28 reports of civilian harm"
        if name is None:
            continue
        if name in ("non_credible", "credible", "duplicate") and _CLOSED_VERB.search(left):
            # "closed three as not substantiated": three assessments completed, all non-credible
            out.append(Field("completed", value, f))
        if name == "historical_referred":
            m = _REFERRED_BY.search(right)
            if m:
                referred_by = m.group("who").rstrip(".")
        out.append(Field(name, value, f))
    if "none" in s:
        m = _NONE_CREDIBLE.search(text, a, b)
        # (only beside a number of assessments: "investigated several allegations but found none
        # credible" states no statistic)
        if m is not None and any(x.name == "completed" for x in out) and not any(x.name == "credible" for x in out):
            out.append(Field("credible", 0, Figure(0, 0, "exact", m.start(), m.end())))
    return out, referred_by
