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

import csv
import io
import re

from search_service.model import Report
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


def area_label(area: str) -> str:
    """The comparison column of a judgment area (a question heading or "Overall")."""
    if area == OVERALL:
        return OVERALL
    for label, pattern in AREA_RULES:
        if pattern.search(area):
            return label
    return " ".join(area.split())


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
            if (not f.get("force") or _match(f["force"], r.force))
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
            label = area_label(j.area)
            if label not in cells:  # the first judgment of an area is the report's answer to it
                cells[label] = {"grade": j.grade, "area": j.area, "passage_id": j.passage_id}
        rows.append((r, cells))

    present = [a for a in COLUMNS if any(a in cells for _, cells in rows)]
    present += [a for _, cells in rows for a in cells if a not in present]
    present = list(dict.fromkeys(present))
    if f.get("area"):
        wanted = {v.lower() for v in f["area"]}
        areas = list(dict.fromkeys(COLUMNS + [area_label(j.area) for r in reports for j in r.judgments]))
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

    return {
        "areas": present,
        "rows": [{
            "report": {"id": r.id, "title": r.title, "force": r.force, "year": r.year,
                       "inspection": r.inspection},
            "grades": {a: cells[a]["grade"] if a in cells else None for a in present},
            "sources": {a: dict(cells[a]) for a in present if a in cells},
        } for r, cells in rows],
    }


def spreadsheet_safe(cell: str) -> str:
    """Spreadsheet programs run cells starting with = + - @ as formulas."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def to_csv(table: dict) -> str:
    """The comparison as CSV: report columns, then one column per area (empty
    when not graded). Quoted where needed (RFC 4180), CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    safe = spreadsheet_safe
    writer.writerow(["Force", "Year", "Inspection", "Report", "Title"] + [safe(a) for a in table["areas"]])
    for row in table["rows"]:
        r = row["report"]
        writer.writerow([safe(r["force"]), r["year"] if r["year"] is not None else "", safe(r["inspection"]),
                         r["id"], safe(r["title"])] + [row["grades"][a] or "" for a in table["areas"]])
    return out.getvalue()
