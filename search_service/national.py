"""The national picture of a judgment area: for each inspection cycle, how
many organisations got each grade, and which organisation got which.

Areas are the rows of ``compare.judgment_label`` (the same PEEL question
under its different wordings is one area; a pillar report's overall grade is
its pillar's). Grades are counted apart by organisation type, grading scale and
inspection programme, as everywhere: four-tier and five-tier grades are not
comparable, nor are a PEEL and a child protection inspection's.
An organisation counts once per area and cycle, with the grade of its newest
report of that cycle. Pure functions over reports.
"""
from __future__ import annotations

from search_service.compare import area_key, group_of, in_order
from search_service.model import Report
from search_service.organisations import (answers, chronological_cycles, cycle_of, names_of, newest_first,
                                          order_areas, organisation_id)
from search_service.rules import GRADES, QueryError, normalise_grade, scale_grades


def cells(reports: list[Report]) -> list[dict]:
    """Every graded judgment of every organisation, one per (area, group,
    cycle, organisation): {"area", "key", "group", "cycle", "year",
    "organisation", "organisation_id", "grade", "area_as_worded", "report",
    "passage_id"}, in report order, oldest first."""
    out: dict[tuple, dict] = {}
    for r in reversed(newest_first(reports)):  # oldest first: a newer report of a cycle replaces an older one
        group = group_of(r)
        if group is None:
            continue
        for label, j in answers(r):
            for name in names_of(r):
                oid = organisation_id(name)
                out[(label, group, cycle_of(r), oid)] = {
                    "area": label, "key": area_key(label), "group": group, "cycle": cycle_of(r), "year": r.year,
                    "organisation": name, "organisation_id": oid, "grade": j.grade, "area_as_worded": j.area,
                    "report": r, "passage_id": j.passage_id}
    return list(out.values())


def areas_index(all_cells: list[dict]) -> list[dict]:
    """Every area with grades, apart by group: [{"organisation_type",
    "grading_scale", "caution", "areas": [{"area", "key", "cycles" (oldest
    first), "organisations"}]}]."""
    out = []
    for group in in_order(c["group"] for c in all_cells):
        mine = [c for c in all_cells if c["group"] == group]
        labels = order_areas(group, list(dict.fromkeys(c["area"] for c in mine)))
        areas = []
        for label in labels:
            these = [c for c in mine if c["area"] == label]
            areas.append({"area": label, "key": area_key(label),
                          "cycles": chronological_cycles([c["report"] for c in these]),
                          "organisations": len({c["organisation_id"] for c in these})})
        out.append({**group.fields(), "areas": areas})
    return out


def _same_cycle(a: str, b: str) -> bool:
    """"2023-25" is "2023–25"."""
    norm = lambda c: c.strip().replace("-", "–").replace("—", "–")  # noqa: E731
    return norm(a) == norm(b)


def national(all_cells: list[dict], key: str, cycle: str | None = None, grade: str | None = None) -> dict | None:
    """The picture of one area (``key``: its URL form, any case): per group,
    the organisations graded in each cycle and how many got each grade
    (``cycles``, oldest first, every grade of the scale counted, zeros
    included), and the list behind the counts (``rows``, newest cycle first,
    then best grade first), narrowed to one ``cycle`` and ``grade`` when
    given. None when no area has that key; QueryError for a cycle in which
    the area was not graded or a value that is no grade."""
    key = key.strip().lower()
    mine = [c for c in all_cells if c["key"] == key]
    if not mine:
        return None
    grade = normalise_grade(grade, "bad_parameter") if grade else None
    if cycle:
        known = list(dict.fromkeys(c["cycle"] for c in mine))
        match = next((c for c in known if _same_cycle(c, cycle)), None)
        if match is None:
            raise QueryError("bad_parameter", f"'{mine[0]['area']}' was not graded in cycle '{cycle[:20]}'. "
                                              f"Cycles: {', '.join(sorted(known))}.")
        cycle = match
    groups = []
    for group in in_order(c["group"] for c in mine):
        these = [c for c in mine if c["group"] == group]
        grades = scale_grades(group.scale)
        cycles = []
        for cyc in chronological_cycles([c["report"] for c in these]):
            counts = {g: 0 for g in grades}
            for c in these:
                if c["cycle"] == cyc:
                    counts[c["grade"]] = counts.get(c["grade"], 0) + 1
            cycles.append({"cycle": cyc, "counts": counts, "total": sum(counts.values())})
        order = [c["cycle"] for c in cycles]
        rows = [c for c in these if (not cycle or c["cycle"] == cycle) and (not grade or c["grade"] == grade)]
        rows.sort(key=lambda c: (-order.index(c["cycle"]), GRADES.index(c["grade"]) if c["grade"] in GRADES
                                 else len(GRADES), c["organisation"].lower()))
        groups.append({**group.fields(), "grades": list(grades), "cycles": cycles, "rows": rows})
    return {"area": mine[0]["area"], "key": key, "cycle": cycle, "grade": grade, "groups": groups}
