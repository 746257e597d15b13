"""What the inspectorate asked for, across reports: every cause of concern,
recommendation and area for improvement as one list, filterable, each with
the passage that states it, and, where a later report on the same
organisation clearly reports on it, the passage that does.

"Clearly" is deliberately strict: the later passage must refer back (to the
earlier report's year, an earlier or previous inspection, an area for
improvement or a recommendation) and hold most of the item's distinctive
words. Otherwise nothing is said: a wrong link would mislead more than a
missing one. Pure functions over reports and their passages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from search_service.analysis import STOP_WORDS, terms
from search_service.export import csv_text
from search_service.model import Passage, Report
from search_service.rules import normalise_filters, split_values

KINDS = ("cause_of_concern", "recommendation", "area_for_improvement")
FILTERS = ("force", "year", "family", "kind", "q")
# words every item uses: they say nothing about what it is about
_GENERIC = set(terms("force forces service services should must ensure make sure improve improves improving "
                     "make sure that its their it they police constabulary all every whether can more better "
                     "effective effectively well continue develop review"))
_BACK_RE = r"\b(earlier|previous|last)\s+(\w+\s+)?(inspection|report)s?\b|\barea for improvement\b|" \
           r"\bwe (recommended|reported)\b|\bsince (our|then)\b|\bhas since\b|\bacted on\b"
MIN_SHARED = 2
MIN_SHARE = 0.6


@dataclass
class Progress:
    report: Report
    passage: Passage


@dataclass
class Item:
    kind: str  # KINDS
    text: str
    report: Report
    passage_id: str | None
    number: str = ""
    addressed_to: str = ""
    deadline: str = ""
    recommendations: list[str] = field(default_factory=list)  # a cause of concern's
    progress: list[Progress] = field(default_factory=list)


def items_of(report: Report) -> list[Item]:
    out = [Item("cause_of_concern", c.text, report, c.passage_id, deadline=c.deadline,
                recommendations=list(c.recommendations)) for c in report.causes_of_concern]
    out += [Item("recommendation", r.text, report, r.passage_id, number=r.number, addressed_to=r.addressed_to,
                 deadline=r.deadline) for r in report.recommendations]
    out += [Item("area_for_improvement", a.text, report, a.passage_id) for a in report.areas_for_improvement]
    return out


def _distinctive(text: str, organisation: str = "") -> set[str]:
    own = set(terms(organisation))
    return {t for t in terms(text) if t not in _GENERIC and t not in own and t not in STOP_WORDS and len(t) > 2}


def _refers_back(text: str, year: int | None) -> bool:
    return bool(re.search(_BACK_RE, text, re.I) or (year and re.search(rf"\b{year}\b", text)))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def progress_for(item: Item, later: list[tuple[Report, list[Passage]]]) -> list[Progress]:
    """The passage of each later report on the same organisation that refers
    back to ``item`` and holds most of its distinctive words."""
    words = _distinctive(item.text, item.report.force)
    if len(words) < MIN_SHARED:
        return []
    out = []
    for report, passages in later:
        best, best_share = None, 0.0
        for p in passages:
            if p.kind in ("footnote", "table") or p.kind in KINDS:
                continue  # a later report's own new items are not progress
            # two neighbouring sentences: "In 2016 we found … The force has since …"
            sents = _sentences(p.text)
            for i in range(len(sents)):
                window = " ".join(sents[max(0, i - 1): i + 2])
                if not _refers_back(sents[i], item.report.year):
                    continue
                if len(report.organisations) > 1 and not (item.report.force and item.report.force.split()[0] in window):
                    continue  # a report on several organisations must be speaking of this one (by name)
                shared = words & set(terms(window))
                share = len(shared) / len(words)
                if len(shared) >= MIN_SHARED and share >= MIN_SHARE and share > best_share:
                    best, best_share = p, share
        if best is not None:
            out.append(Progress(report, best))
    return out


def _later(report: Report, reports: list[Report]) -> list[Report]:
    mine = {report.force} | set(report.organisations) - {""}
    return [r for r in reports if r.id != report.id and r.year and report.year and r.year > report.year
            and mine & ({r.force} | set(r.organisations))]


def all_items(reports: list[Report], passages_of) -> list[Item]:
    """Every item of every report, newest report first, with progress links.
    ``passages_of(report_id)`` gives a report's passages."""
    out = []
    cache: dict[str, list[Passage]] = {}

    def passages(rid: str) -> list[Passage]:
        if rid not in cache:
            cache[rid] = passages_of(rid)
        return cache[rid]

    for report in sorted(reports, key=lambda r: (-(r.year or 0), r.force, r.title)):
        later = [(r, passages(r.id)) for r in _later(report, reports)]
        for item in items_of(report):
            item.progress = progress_for(item, later) if later else []
            out.append(item)
    return out


def select(items: list[Item], filters: dict | None) -> list[Item]:
    """Items whose report's organisation, year and family, and whose kind and
    words (all of the ``q`` words, in any form) match; OR within a filter,
    AND across."""
    f = {k: split_values(v) for k, v in (filters or {}).items() if k in FILTERS}
    years = set(normalise_filters({"year": f.get("year")}, ["year"]).get("year", []))
    kinds = {k.lower().replace(" ", "_") for k in f.get("kind", [])}
    wanted = [set(terms(q)) for q in f.get("q", [])]
    lower = lambda vals: {v.lower() for v in vals}  # noqa: E731
    out = []
    for item in items:
        r = item.report
        if f.get("force") and not lower(f["force"]) & lower([r.force, *r.organisations]):
            continue
        if years and r.year not in years:
            continue
        if f.get("family") and r.family.lower() not in lower(f["family"]):
            continue
        if kinds and item.kind not in kinds:
            continue
        text = set(terms(" ".join([item.text, *item.recommendations, item.addressed_to])))
        if wanted and not any(w <= text for w in wanted):
            continue
        out.append(item)
    return out


CSV_COLUMNS = ["kind", "organisation", "year", "family", "report", "title", "number", "text", "recommendations",
               "addressed_to", "deadline", "url", "progress"]


def to_csv(rows: list[dict]) -> str:
    """Items (their JSON rows) as CSV, one row each; lists joined with " | "."""
    return csv_text(CSV_COLUMNS, [[" | ".join(map(str, v)) if isinstance(v := row.get(c), list) else v
                                   for c in CSV_COLUMNS] for row in rows])
