"""Geometry of the charts the templates draw as SVG (templates/_charts.html).

Horizontal positions are percentages of the chart's width, so a chart
stretches to any screen while its text keeps its size (nothing is scaled
down on a phone); vertical positions are pixels. Grades are told apart by
their text and a marker shape or fill pattern, colour only adds to them.
Pure functions: numbers in, numbers out.
"""
from __future__ import annotations

from search_service.rules import GRADES

# Short grade names written on the charts (the legend and tables give them in full).
SHORT = {"Outstanding": "Outst.", "Good": "Good", "Adequate": "Adeq.", "Requires improvement": "RI",
         "Inadequate": "Inad."}
# Marker of each grade on a timeline; the legend shows the same.
MARKERS = {"Outstanding": "triangle-up", "Good": "circle", "Adequate": "diamond", "Requires improvement": "square",
           "Inadequate": "triangle-down"}
TIER = 11  # px between two grades on a timeline row
PAD = 9  # px above the best and below the worst grade
BAR = 30  # px height of a stacked bar
MIN_LABEL_WIDTH = 6.0  # % of the width a bar segment needs to carry its count
WORD_LABEL_WIDTH = 18.0  # … and its count and grade ("3 Good")


def grade_class(grade: str) -> str:
    return grade.lower().replace(" ", "-")


def timeline(cycles: list[str], rows: list[dict], grades: list[str]) -> dict:
    """One organisation's grades per area over cycles: a row per area, a
    column per cycle, the better grade higher up, a line joining the grades
    of one area from cycle to cycle (dashed across a cycle without one).
    ``rows``: [{"area", "grades": {cycle: grade or None}}] (shapes.timeline_json)."""
    n = max(1, len(cycles))
    xs = {c: round((i + 0.5) * 100 / n, 3) for i, c in enumerate(cycles)}
    height = 2 * PAD + TIER * (len(grades) - 1)
    tiers = [{"grade": g, "y": PAD + TIER * i} for i, g in enumerate(grades)]
    out_rows = []
    for row in rows:
        points = []
        for i, cycle in enumerate(cycles):
            grade = row["grades"].get(cycle)
            if grade not in grades:
                continue
            points.append({"cycle": cycle, "index": i, "grade": grade, "x": xs[cycle],
                           "y": PAD + TIER * grades.index(grade), "short": SHORT[grade], "marker": MARKERS[grade],
                           "class": grade_class(grade), "anchor": "end" if i == n - 1 and n > 1 else "start"})
        lines = [{"x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"], "gap": b["index"] - a["index"] > 1}
                 for a, b in zip(points, points[1:])]
        out_rows.append({"area": row["area"], "points": points, "lines": lines,
                         "description": "; ".join(f"{p['cycle']}: {p['grade']}" for p in points)})
    return {"columns": [{"cycle": c, "x": xs[c]} for c in cycles], "height": height, "tiers": tiers,
            "rows": out_rows}


def _ticks(top: int) -> list[int]:
    """Whole-number axis values from 0 to at least ``top``, six or fewer steps."""
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500) if top / s <= 6), 1000)
    return list(range(0, -(-top // step) * step + 1, step))


def stacked_bars(cycles: list[dict], grades: list[str]) -> dict:
    """One bar per cycle, a segment per grade (best first) as long as the
    organisations that got it. ``cycles``: [{"cycle", "counts": {grade: n},
    "total"}]. The axis runs from 0 to the largest total, rounded up."""
    ticks = _ticks(max([c["total"] for c in cycles] + [1]))
    top = ticks[-1] or 1
    bars = []
    for c in cycles:
        x, segments = 0.0, []
        for g in grades:
            count = c["counts"].get(g, 0)
            if not count:
                continue
            w = count * 100 / top
            label = f"{count} {SHORT[g]}" if w >= WORD_LABEL_WIDTH else str(count) if w >= MIN_LABEL_WIDTH else ""
            segments.append({"grade": g, "count": count, "x": round(x, 3), "w": round(w, 3),
                             "mid": round(x + w / 2, 3), "class": grade_class(g), "label": label})
            x += w
        bars.append({"cycle": c["cycle"], "total": c["total"], "segments": segments,
                     "description": f"{c['cycle']}: " + (", ".join(f"{s['count']} {s['grade']}" for s in segments)
                                                         or "no organisation graded")})
    return {"bars": bars, "height": BAR, "ticks": [{"value": t, "x": round(t * 100 / top, 3)} for t in ticks]}


def legend(grades: list[str] = GRADES) -> list[dict]:
    return [{"grade": g, "short": SHORT[g], "marker": MARKERS[g], "class": grade_class(g)} for g in grades]
