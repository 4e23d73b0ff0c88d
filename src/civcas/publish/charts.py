"""Chart geometry computed on the server, drawn as SVG by the templates.

Server-side SVG needs no script, prints, works in the standalone monthly report, and lets every
point be a real link to the quote it comes from (a reader can follow it with a keyboard).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

GRADE_COLOURS = {"confirmed": "#8e1b16", "fair": "#c8553d", "weak": "#e8a33d", "contested": "#7b6d8d",
                 "discounted": "#9e9e9e", "ungraded": "#c9c9c9"}
W, H, PAD = 760, 260, 48


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _ticks(top: int, n: int = 4) -> list[int]:
    if top <= 0:
        return [0]
    step = max(1, top // n)
    mag = 10 ** (len(str(step)) - 1)
    step = ((step + mag - 1) // mag) * mag
    return list(range(0, top + 1, step))


def tally_chart(series: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    """`series` maps a ledger name to its tally claims (as_of, count_min/max, id, document_id)."""
    pts = [(name, t, _day(t.get("as_of"))) for name, rows in series.items() for t in rows]
    pts = [(n, t, d) for n, t, d in pts if d is not None and t.get("count_min") is not None]
    if not pts:
        return None
    days = [d for _, _, d in pts]
    d0, d1 = min(days), max(days)
    span = max((d1 - d0).days, 1)
    top = max(max(t.get("count_max") or t["count_min"] for _, t, _ in pts), 1)
    top = int(top * 1.1) + 1

    def x(d: dt.date) -> float:
        return round(PAD + (W - 2 * PAD) * ((d - d0).days / span if d1 > d0 else 0.5), 1)

    def y(v: float) -> float:
        return round(H - PAD - (H - 2 * PAD) * v / top, 1)

    out: dict[str, Any] = {"width": W, "height": H, "series": [], "yticks": [],
                           "xlabels": [(x(d0), d0.isoformat()), (x(d1), d1.isoformat())]}
    for v in _ticks(top):
        out["yticks"].append((y(v), f"{v:,}"))
    for name in series:
        mine = sorted([(d, t) for n, t, d in pts if n == name], key=lambda p: (p[0], p[1]["id"]))
        points = []
        for d, t in mine:
            lo, hi = t["count_min"], t.get("count_max") or t["count_min"]
            points.append({"x": x(d), "y": y(lo), "y_hi": y(hi), "lo": lo, "hi": hi, "as_of": d.isoformat(),
                           "href": f"/documents/{t['document_id']}#claim-{t['id']}",
                           "who": t.get("asserted_by") or ""})
        out["series"].append({"name": name, "points": points,
                              "line": " ".join(f"{p['x']},{p['y']}" for p in points)})
    out["y0"] = y(0)
    return out


def timeline_chart(months: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Stacked monthly bars by grade: the minimum solid, the extra up to the maximum pale."""
    if not months:
        return None
    top = max(max(m["max"] for m in months), 1)
    top = int(top * 1.05) + 1
    n = len(months)
    slot = (W - 2 * PAD) / n
    bar = max(min(slot * 0.8, 40), 1)

    def h(v: float) -> float:
        return (H - 2 * PAD) * v / top

    bars = []
    for i, m in enumerate(months):
        x = round(PAD + i * slot + (slot - bar) / 2, 1)
        base = H - PAD
        rects = []
        for grade in GRADE_COLOURS:
            g = m["by_grade"].get(grade)
            if not g:
                continue
            hmin, hextra = h(g["min"]), h(g["max"] - g["min"])
            base -= hmin
            rects.append({"y": round(base, 1), "h": round(hmin, 1), "fill": GRADE_COLOURS[grade],
                          "pale": False, "grade": grade, "g": g})
            if hextra > 0:
                base -= hextra
                rects.append({"y": round(base, 1), "h": round(hextra, 1), "fill": GRADE_COLOURS[grade],
                              "pale": True, "grade": grade, "g": g})
        bars.append({"x": x, "w": round(bar, 1), "month": m["month"], "rects": rects, "min": m["min"],
                     "max": m["max"]})
    every = max(1, n // 8)
    return {"width": W, "height": H, "bars": bars, "yticks": [(round(H - PAD - h(v), 1), f"{v:,}") for v in _ticks(top)],
            "xlabels": [(b["x"] + b["w"] / 2, b["month"]) for i, b in enumerate(bars) if i % every == 0],
            "y0": H - PAD, "legend": [g for g in GRADE_COLOURS if any(g in m["by_grade"] for m in months)],
            "colours": GRADE_COLOURS}
