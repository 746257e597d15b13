"""Which rows of a table hold a value: "Which recommendations had Eastmoor met in full?" is the rows of a progress
table whose assessment column says "Met", each with its label, read from the table rather than from a sentence
(no sentence lists them)."""
from __future__ import annotations

import re

from search_service.analysis import stems_of
from search_service.answer.reports import _label
from search_service.answer.tables import _cells
from search_service.model import Answer, AnswerItem, SearchResult, citation
from search_service.question import Question
from search_service.rules import GRADES

# "Which recommendations …", "Which of Eastmoor Police's 2021/22 recommendations …": the things asked
_ASKS_WHICH_RE = re.compile(r"\s*which\s+(?:[\w/’'-]+\s+){0,5}?([a-z]+s)\b", re.I)
MAX_VALUES = 4  # a column of so few distinct short values is a category ("Met", "Partly met", "Not met")
MIN_ROWS = 3
ROWS_PASSAGES = 5  # the question's first passages a table is looked for in
_GRADE_NAMES = frozenset(g.lower() for g in GRADES)
ROWS_CONFIDENCE = 0.7  # no record of its own yet: below the band where answers must be right 95% of the time


def _table(text: str) -> tuple[list[str], list[list[str]]] | None:
    """A table passage's header cells and its rows' cells (the caption line before them left out)."""
    lines = [line for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines):
        header = _cells(line)
        rows = [_cells(row) for row in lines[i + 1:]]
        if len(header) >= 2 and len(rows) >= MIN_ROWS and all(len(r) == len(header) for r in rows):
            return header, rows
    return None


def _value_asked(values: set[str], question_text: str) -> str | None:
    """The longest of a column's values the question names as a phrase ("only partly met": "Partly met", not
    "Met")."""
    named = [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", question_text, re.I)]
    return max(named, key=len) if named else None


def rows_with_value(store, question: Question, top: SearchResult) -> Answer | None:
    """"Which <things> … <value>?" of a table among the question's first passages whose first column names those
    things and one of whose other columns holds a few short values, one of them named by the question."""
    which = _ASKS_WHICH_RE.match(question.text)
    if question.kind not in ("list", "sentence") or not which:
        return None
    things = stems_of(which.group(1))
    in_scope = {r.id for r in question.reports}
    for hit in top.hits[:ROWS_PASSAGES]:
        p = hit.passage
        if p.kind != "table" or (in_scope and p.report_id not in in_scope):
            continue
        read = _table(p.text)
        if not read:
            continue
        header, rows = read
        if not things & stems_of(header[0]):
            continue
        for j in range(1, len(header)):
            values = {r[j] for r in rows}
            if len(values) > MAX_VALUES or any(len(v.split()) > 3 or re.search(r"\d", v) for v in values):
                continue
            value = _value_asked(values, question.text)
            if not value or value.lower() in _GRADE_NAMES:
                continue  # (a grade is read from the judgments, with every report's)
            report = hit.report
            cite = citation(report, p)
            held = [r for r in rows if r[j] == value]
            items = [AnswerItem(text=f"{r[0]}: {value}", report_id=report.id, passage_id=p.id, citation=cite,
                                report_title=report.title, organisation=report.force, year=_label(report),
                                quote="   ".join(r)) for r in held]  # (no value: the card shows the text, the
            # row's label with its value, where a grade's card shows the grade alone)
            labels = "; ".join(r[0] for r in held)
            return Answer(text=f"{header[0]} ({header[j]}: {value}): {labels}", passage_id=p.id,
                          report_id=report.id, citation=cite, confidence=ROWS_CONFIDENCE, kind="list", items=items,
                          basis="table-rows")
    return None
