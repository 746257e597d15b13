"""Judgments side by side: one row per report, one column per judgment area.

The inspectorate words the same PEEL question differently from year to year
("... preventing crime and anti-social behaviour, and keeping people safe?" in
2015, "... preventing crime, tackling anti-social behaviour and keeping people
safe?" in 2017), so a judgment's area is first mapped to a short, stable label
(``area_label``); questions no rule knows keep their own wording as the label.
Pure functions over ``Report``s; the web layer renders the result as HTML,
JSON and CSV.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from search_service.export import csv_text
from search_service.model import SEVERAL_FORCES_FAMILIES, Report
from search_service.rules import QueryError, normalise_filters, split_values

OVERALL = "Overall"

# (label, pattern over the question); the first match wins, so a question is
# tried against the narrower areas before the broader ones that share words
# with it ("serious and organised crime" questions may also mention
# preventing crime; every efficiency question mentions demand).
AREA_RULES: list[tuple[str, re.Pattern]] = [(label, re.compile(pattern, re.I)) for label, pattern in [
    ("Tackling serious and organised crime", r"\bserious and organised crime\b"),
    ("Preventing crime and anti-social behaviour", r"\bprevent\w* crime\b"),
    ("Investigating crime and reducing re-offending", r"\binvestigat\w* crime\b|\bmanaging offenders\b|re-?offending"),
    ("Protecting vulnerable people and supporting victims", r"\bvulnerable\b"),
    ("Understanding demand", r"\bunderstand\w*\b.*\bdemand\b"),  # "... understand the current and likely future demand?"
    ("Planning for future demand", r"\bfuture\b"),
    ("Using resources to meet demand", r"\bresources\b"),
    ("Understanding demand", r"\bdemand\b"),
    ("Treating the workforce fairly", r"\bworkforce with fairness\b|\btreat\w* (its|the) workforce\b"),
    ("Ethical and lawful workforce behaviour", r"\bethical\w*\b|\blawful\w*\b"),
    ("Treating the public fairly", r"\bfairness and respect\b|\bpeople it serves\b"),
    ("Leadership", r"\bleaders?(hip)?\b"),
]]
# Columns in the order the inspectorate asks the questions; areas no rule
# knows follow in the order they are first met.
COLUMNS = [OVERALL, "Preventing crime and anti-social behaviour", "Investigating crime and reducing re-offending",
           "Protecting vulnerable people and supporting victims", "Tackling serious and organised crime",
           "Understanding demand", "Using resources to meet demand", "Planning for future demand",
           "Treating the public fairly", "Ethical and lawful workforce behaviour", "Treating the workforce fairly",
           "Leadership"]


def area_label(area: str, scale: str = "four-tier", organisation_type: str = "police force") -> str:
    """The comparison column of a judgment area (a question heading or
    "Overall"). The rules join the differently worded questions of the
    four-tier PEEL years; five-tier areas and fire and rescue questions keep
    their own wording (they are compared only among themselves)."""
    if area == OVERALL:
        return OVERALL
    if scale == "four-tier" and organisation_type != "fire and rescue service":
        for label, pattern in AREA_RULES:
            if pattern.search(area):
                return label
    return " ".join(area.split())


PILLARS = ("Effectiveness", "Efficiency", "Legitimacy")
_PILLAR_REPORT = re.compile(r"PEEL (effectiveness|efficiency|legitimacy)", re.I)


SINGLE_SUBJECT_FAMILIES = frozenset({"Crime data integrity"})  # families whose name is what their Overall grades


def judgment_label(report: Report, area: str) -> str:
    """The row of a judgment when one organisation's or every organisation's
    grades are followed over the years: ``area_label``, except that the
    "Overall" grade of a report on one subject is named after it: a PEEL
    2014–2017 pillar report's after its pillar ("Effectiveness"), as PEEL
    2018/19 names its pillar grades, so an effectiveness grade is never set
    beside a legitimacy one; a crime data integrity inspection's after that
    ("Crime data integrity"), never beside a PEEL assessment's overall grade."""
    label = judgment_area_label(report, area)
    if label != OVERALL:
        return label
    pillar = _PILLAR_REPORT.fullmatch(report.inspection.strip())
    if pillar:
        return pillar.group(1).capitalize()
    return report.family if report.family in SINGLE_SUBJECT_FAMILIES else label


# Which reports can share a table: grades on the five-tier scale (PEEL 2021/22
# on) "cannot be compared directly" with four-tier ones, fire and rescue
# services answer other questions than police forces, and an inspection
# programme other than PEEL (crime data integrity, national child protection)
# grades other things, even on the same scale.
CAUTIONS = {
    "five-tier": "The inspectorate grades on five tiers (it added “adequate”) against new characteristics of good "
                 "performance: police forces from PEEL 2021/22, fire and rescue services from their 2023–25 "
                 "inspections. It says these grades cannot be compared directly with grades from earlier "
                 "inspections, which are shown in a separate table.",
    "fire and rescue service": "Fire and rescue services are inspected against their own questions; they are "
                               "compared only with each other.",
}
POLICE_PROGRAMME, FIRE_PROGRAMME = "PEEL", "Fire and rescue"
_SCALES = ("four-tier", "five-tier")


class Group(NamedTuple):
    """Which graded reports share a table: (organisation type, grading scale, inspection programme)."""
    kind: str
    scale: str
    programme: str

    @property
    def main(self) -> bool:
        """PEEL for police forces, the fire and rescue inspections for services: the programmes of record."""
        return self.programme in (POLICE_PROGRAMME, FIRE_PROGRAMME)

    @property
    def title(self) -> str:
        who = "Fire and rescue services" if self.kind == "fire and rescue service" else "Police forces"
        return who if self.main else f"{who} — {self.programme}"

    @property
    def caution(self) -> str:
        if self.main:
            return " ".join(CAUTIONS[k] for k in (self.scale, self.kind) if k in CAUTIONS)
        name = self.programme if self.programme.lower().endswith("inspection") else f"{self.programme} inspection"
        other = "PEEL" if self.kind == "police force" else "the services’ own inspections"
        return f"A {name[0].lower() + name[1:]} grades other things than {other}: its grades are compared only " \
               "with those of the same inspection."

    def sort_key(self) -> tuple:
        """Police then fire; the main programmes first; four tiers before five."""
        return (not self.main, self.kind != "police force", self.programme, _SCALES.index(self.scale))

    def fields(self) -> dict:
        """The group as JSON gives it."""
        return {"organisation_type": self.kind, "grading_scale": self.scale, "programme": self.programme,
                "title": self.title, "caution": self.caution}


def programme_of(r: Report) -> str:
    """The inspection programme a report's grades belong to: PEEL (every PEEL round), the fire and rescue
    inspections, or its own (a crime data integrity or a national child protection inspection)."""
    if r.organisation_type == "fire and rescue service":
        return FIRE_PROGRAMME
    if r.family.startswith("PEEL"):
        return POLICE_PROGRAMME
    if r.family and r.family not in ("Unknown", *SEVERAL_FORCES_FAMILIES):
        return r.family
    return " ".join(r.inspection.split()) or r.family or POLICE_PROGRAMME


def group_of(r: Report) -> Group | None:
    """The table a graded report belongs to; None for ungraded ones."""
    if not r.judgments or r.grading_scale == "ungraded":
        return None
    kind = "fire and rescue service" if r.organisation_type == "fire and rescue service" else "police force"
    scale = r.grading_scale if r.grading_scale in _SCALES else (
        "five-tier" if any(j.grade == "Adequate" for j in r.judgments) else "four-tier")
    return Group(kind, scale, programme_of(r))


def in_order(groups) -> list[Group]:
    """The distinct groups, in the order tables are shown."""
    return sorted(set(groups), key=Group.sort_key)


def judgment_area_label(r: Report, area: str) -> str:
    """``area_label`` of one of this report's judgments, on its own scale and for its kind of organisation."""
    group = group_of(r)
    return area_label(area, group.scale, group.kind) if group else area_label(area)


def area_key(label: str) -> str:
    """URL form of a column: "Preventing crime and anti-social behaviour" →
    "preventing-crime-and-anti-social-behaviour"."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def _match(values: list[str], have: str) -> bool:
    return any(v.lower() == have.lower() for v in values)


def select_reports(reports: list[Report], filters: dict | None = None) -> list[Report]:
    """The reports whose force, year and inspection are among the filter's
    values (any case; OR within a filter, AND across filters), in the order given."""
    f = {k: split_values(v) for k, v in (filters or {}).items()}
    years = set(normalise_filters({"year": f.get("year")}, ["year"]).get("year", []))
    return [r for r in reports
            if (not f.get("force") or _match(f["force"], r.force) or any(_match(f["force"], o)
                                                                        for o in r.organisations))
            and (not f.get("family") or _match(f["family"], r.family))
            and (not years or r.year in years)
            and (not f.get("inspection") or _match(f["inspection"], r.inspection))]


def compare(reports: list[Report], filters: dict | None = None) -> dict:
    """{"areas": [label...], "rows": [{"report", "grades", "sources"}]}, where
    a source is {"grade", "area", "passage_id"} (the web layer adds URLs).

    Filters (each a value or list of values; OR within a filter, AND across):
    ``force``, ``year``, ``inspection`` choose rows; ``area`` chooses columns
    (label or area_key, any case); ``grade`` keeps only cells with that grade,
    and only rows and columns that still hold a cell. Raises QueryError for a
    grade, year or area that cannot exist."""
    f = {k: split_values(v) for k, v in (filters or {}).items()}
    grades = normalise_filters({"grade": f.get("grade")}, ["grade"]).get("grade", [])
    chosen = select_reports(sorted(reports, key=lambda r: (r.force.lower(), r.year or 0, r.inspection.lower(),
                                                           r.title)), f)
    rows = []
    for r in chosen:
        cells: dict[str, dict] = {}
        for j in r.judgments:
            label = judgment_area_label(r, j.area)
            if label not in cells:  # the first judgment of an area is the report's answer to it
                cells[label] = {"grade": j.grade, "area": j.area, "passage_id": j.passage_id}
        rows.append((r, cells))

    present = [a for a in COLUMNS if any(a in cells for _, cells in rows)]
    present += [a for _, cells in rows for a in cells if a not in present]
    present = list(dict.fromkeys(present))
    if f.get("area"):
        wanted = {v.lower() for v in f["area"]}
        areas = list(dict.fromkeys(COLUMNS + [judgment_area_label(r, j.area) for r in reports for j in r.judgments]))
        known = {a.lower() for a in areas} | {area_key(a) for a in areas}
        unknown = sorted(wanted - known)
        if unknown:
            raise QueryError("bad_filter", f"Unknown area '{unknown[0][:100]}'. Areas: "
                             + ", ".join(area_key(a) for a in areas) + ".")
        present = [a for a in present if a.lower() in wanted or area_key(a) in wanted]
    if grades:
        rows = [(r, {a: c for a, c in cells.items() if c["grade"] in grades}) for r, cells in rows]
        rows = [(r, cells) for r, cells in rows if any(a in cells for a in present)]
        present = [a for a in present if any(a in cells for _, cells in rows)]

    def row(r: Report, cells: dict, areas: list[str]) -> dict:
        group = group_of(r)
        kind, scale = (group.kind, group.scale) if group else (r.organisation_type, r.grading_scale)
        return {"report": {"id": r.id, "title": r.title, "force": r.force, "year": r.year,
                           "inspection": r.inspection, "inspection_year": r.inspection_year, "family": r.family,
                           "organisation_type": kind, "grading_scale": scale,
                           "programme": group.programme if group else ""},
                "grades": {a: cells[a]["grade"] if a in cells else None for a in areas},
                "sources": {a: dict(cells[a]) for a in areas if a in cells}}

    groups = []
    for group in in_order(g for r, _ in rows if (g := group_of(r))):
        members = [(r, cells) for r, cells in rows if group_of(r) == group]
        areas = [a for a in present if any(a in cells for _, cells in members)]
        groups.append({**group.fields(), "areas": areas, "rows": [row(r, cells, areas) for r, cells in members]})
    return {
        "areas": present,
        "rows": [row(r, cells, present) for r, cells in rows],
        "groups": groups,  # the same rows, apart by organisation type and grading scale
    }


def to_csv(table: dict) -> str:
    """The comparison as CSV: report columns, then one column per area (empty
    when not graded), then the organisation type, grading scale and programme."""
    header = ["Force", "Year", "Inspection", "Report", "Title"] + table["areas"] + ["Organisation type",
                                                                                  "Grading scale", "Programme"]
    rows = []
    for row in table["rows"]:
        r = row["report"]
        rows.append([r["force"], r["year"] if r["year"] is not None else "", r["inspection"], r["id"], r["title"]]
                    + [row["grades"][a] or "" for a in table["areas"]]
                    + [r.get("organisation_type", ""), r.get("grading_scale", ""), r.get("programme", "")])
    return csv_text(header, rows)
