"""One organisation's record: its reports, its grades across inspection
cycles, and what the inspectorate asked of it that no later report says was
acted on.

An organisation is a police force or a fire and rescue service named as
inspected by at least one report (``Report.organisations``); a thematic
report belongs to each organisation it inspected. Its id is the URL form of
its name ("northshire-constabulary"). Grades are kept apart by grading scale
(four-tier and five-tier grades are not comparable, the inspectorate says)
and by organisation type, as in ``compare.py``. Pure functions over reports.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from search_service.compare import (COLUMNS, OVERALL, PILLARS, area_key, group_of, in_order,
                                    judgment_label)
from search_service.findings import Item
from search_service.grades_table import Earlier
from search_service.model import Judgment, Report

POLICE, FIRE = "police force", "fire and rescue service"
# Rows of a police force's four-tier timeline, in the order the inspectorate
# asks its questions: the pillar grades first, then the PEEL questions.
POLICE_ROWS = [*PILLARS, *COLUMNS]
# The grades that sum a whole report or pillar up, shown in lists of organisations.
HEADLINE = {OVERALL, *PILLARS, "People"}  # and a report's Overall grade, whatever its row is named
# Addressees of a recommendation that mean the organisation itself (a
# thematic's "Chief constables"); anyone else ("Home Office") is another body.
# ("Forces" and "Fire and rescue services" lead the name; the Crown Prosecution Service is another body.)
_ITS_OWN = r"\bchief constables?\b|\bchief fire officers?\b|" \
           r"^(?:all\s+|the\s+)?(?:(?:police|fire and rescue)\s+)?(?:forces?|services?|constabular(?:y|ies))\b|" \
           r"\bpolice and crime commissioners?\b|\bfire and rescue authorit"


@dataclass
class Organisation:
    id: str
    name: str
    type: str  # POLICE or FIRE
    reports: list[Report] = field(default_factory=list)  # newest first


def organisation_id(name: str) -> str:
    """URL form of a name, accents folded: "Northshire Constabulary" → "northshire-constabulary"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return area_key(plain)


def names_of(report: Report) -> list[str]:
    """The organisations a report inspected."""
    return [n for n in (report.organisations or [report.force]) if n]


def newest_first(reports: list[Report]) -> list[Report]:
    """By year, then cycle ("2023–25" after "2023"), newest first."""
    return sorted(reports, key=lambda r: (-(r.year or 0), [-int(n) for n in re.findall(r"\d+", r.inspection_year)],
                                          r.title))


def _type_of(name: str, reports: list[Report]) -> str:
    for r in reports:
        if len(names_of(r)) == 1 and r.organisation_type in (POLICE, FIRE):
            return r.organisation_type
    return FIRE if re.search(r"\bfire\b", name, re.I) else POLICE


def organisations(reports: list[Report]) -> list[Organisation]:
    """Every organisation inspected by ``reports``, by name. Names that give
    the same id (differences of case or punctuation) are one organisation,
    named as in its newest report."""
    found: dict[str, Organisation] = {}
    for r in newest_first(reports):
        for name in names_of(r):
            oid = organisation_id(name)
            if not oid:
                continue
            org = found.setdefault(oid, Organisation(oid, name, POLICE))
            if r not in org.reports:
                org.reports.append(r)
    for org in found.values():
        org.type = _type_of(org.name, org.reports)
    return sorted(found.values(), key=lambda o: o.name.lower())


def find(reports: list[Report], oid: str) -> Organisation | None:
    return next((o for o in organisations(reports) if o.id == oid), None)


def cycle_of(report: Report) -> str:
    return report.inspection_year or str(report.year or "")


def answers(report: Report) -> list[tuple[str, Judgment]]:
    """(row label, judgment) of each area a report grades: its first
    judgment of an area is its answer to it (``compare.judgment_label``)."""
    out, seen = [], set()
    for j in report.judgments:
        label = judgment_label(report, j.area)
        if label not in seen:
            seen.add(label)
            out.append((label, j))
    return out


def order_areas(group, labels: list[str]) -> list[str]:
    """A police force's four-tier PEEL areas in the inspectorate's order; others as first met."""
    if (group.kind, group.scale, group.main) != (POLICE, "four-tier", True):
        return labels
    return sorted(labels, key=lambda a: POLICE_ROWS.index(a) if a in POLICE_ROWS else len(POLICE_ROWS))


def chronological_cycles(reports: list[Report]) -> list[str]:
    """The cycles ("2016", "2018/19", "2021/22") of ``reports``, oldest first."""
    first_year: dict[str, int] = {}
    for r in reports:
        cycle = cycle_of(r)
        if cycle:
            first_year[cycle] = min(first_year.get(cycle, r.year or 0), r.year or 0)
    return sorted(first_year, key=lambda c: (first_year[c], c))


# The first years graded on the five-tier scale (with "Adequate"): PEEL 2021/22; fire and rescue's third round.
FIVE_TIER_FROM = {POLICE: 2021, FIRE: 2023}


def earlier_inspection(report: Report, table: Earlier, passage_id: str) -> Report:
    """The inspection before ``report`` as the report's own table of both
    inspections' grades gives it (grades_table; for when that inspection's
    report is not indexed): a report of that cycle holding only those
    grades, each cited to the table, on the scale of its year."""
    year = int(table.label[:4])
    grades = {g for _, g in table.grades}
    later_five = report.grading_scale == "five-tier"
    kind = FIRE if report.organisation_type == FIRE else POLICE
    five = "Adequate" in grades or (later_five and year >= FIVE_TIER_FROM[kind])
    return replace(report, inspection_year=table.label, year=year, grading_scale="five-tier" if five else "four-tier",
                   judgments=[Judgment(area=a, grade=g, passage_id=passage_id) for a, g in table.grades])


def timeline(org: Organisation, earlier: dict[str, tuple[Earlier, str]] | None = None) -> list[dict]:
    """The organisation's grades per area across cycles, one group per
    (organisation type, grading scale, inspection programme):
    {"organisation_type", "grading_scale", "programme", "title", "caution", "cycles": [oldest first],
     "rows": [{"area", "cells": {cycle: {"grade", "area" (as worded), "report", "passage_id", "from_table"}}}]}.
    When two reports of one cycle grade the same area, the newer one is shown.
    ``earlier``: report id → (the earlier column of its table of both
    inspections' grades, that table's passage id); such a grade fills a
    cycle no indexed report grades the area in, cited to the later report
    ("from_table")."""
    sources: dict = {}  # group → (grades as of a cycle, cited report)
    for r in org.reports:
        found = (earlier or {}).get(r.id)
        for graded in ([earlier_inspection(r, *found)] if found else []) + [r]:
            g = group_of(graded)
            if g is not None:
                sources.setdefault(g, []).append((graded, r))
    out = []
    for group in in_order(sources):
        pairs = sources[group]
        rows: dict[str, dict] = {}
        own = [g for g, r in pairs if g is r]
        tables = [(g, r) for g, r in pairs if g is not r]
        # oldest first: newer reports overwrite within a cycle; then the tables fill what no report grades
        for graded, r in [(g, g) for g in reversed(newest_first(own))] + tables:
            for label, j in answers(graded):
                cells = rows.setdefault(label, {})
                if graded is r or cycle_of(graded) not in cells:
                    cells[cycle_of(graded)] = {"grade": j.grade, "area": j.area, "report": r,
                                               "passage_id": j.passage_id, "from_table": graded is not r}
        order = order_areas(group, list(rows))
        out.append({**group.fields(), "cycles": chronological_cycles([g for g, _ in pairs]),
                    "rows": [{"area": a, "cells": rows[a]} for a in order]})
    return out


def report_headline(report: Report) -> list[tuple[str, Judgment]]:
    """A report's summing-up grades: (label, judgment) of its Overall or
    pillar grades, none for PEEL 2021/22 on (they grade areas only)."""
    return [(label, j) for label, j in answers(report) if label in HEADLINE or j.area == OVERALL]


def headline(org: Organisation) -> dict | None:
    """The newest graded report on it, its summing-up grades and how many
    areas got each grade: {"report", "overall": [(label, Judgment)],
    "counts": {grade: areas}}; None when no report on it is graded."""
    r = next((r for r in org.reports if group_of(r) is not None), None)
    if r is None:
        return None
    return {"report": r, "overall": report_headline(r), "counts": dict(Counter(j.grade for j in r.judgments))}


def addressed_to_others(item: Item, org: Organisation) -> bool:
    """A recommendation of a report on several organisations that names
    another body (the Home Office, the College of Policing) as its addressee."""
    who = item.addressed_to.strip()
    if item.kind != "recommendation" or not who:
        return False
    return not re.search(_ITS_OWN + "|" + re.escape(org.name), who, re.I)


def open_items(org: Organisation, items: list[Item]) -> dict[str, list[Item]]:
    """The causes of concern, recommendations and areas for improvement of
    its reports (``items`` from ``findings.all_items``, newest report first),
    split into "open" (no later report on it says what became of them),
    "progress" (a later report does: ``item.progress``) and "others"
    (recommendations to other bodies)."""
    mine = {r.id for r in org.reports}
    out: dict[str, list[Item]] = {"open": [], "progress": [], "others": []}
    for item in items:
        if item.report.id not in mine:
            continue
        key = "others" if addressed_to_others(item, org) else "progress" if item.progress else "open"
        out[key].append(item)
    return out
