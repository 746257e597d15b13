"""Blocks → passages that follow the headings and stay quotable.

A passage never crosses a heading. Long sections are split at paragraph
boundaries (a paragraph over the limit at sentence boundaries); short trailing
paragraphs join the passage before them. Footnotes, tables and areas for
improvement are passages of their own kind. Grades met under a heading become
the report's judgments. Pure functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from search_service.ingest.text import Block
from search_service.model import Judgment, Passage

MAX_WORDS = 250
MIN_WORDS = 40

_SUMMARY_RE = re.compile(r"^(summary( of findings)?|overall judg(e)?ment|key findings)$", re.I)
_AFI_RE = re.compile(r"^(areas? for improvement|causes? of concern|recommendations?)$", re.I)


@dataclass
class Chunked:
    passages: list[Passage]
    judgments: list[Judgment]
    areas_for_improvement: list[str]


def _words(text: str) -> int:
    return len(text.split())


def _split_sentences(text: str, limit: int) -> list[str]:
    """Split an over-long paragraph at sentence ends into pieces ≤ limit words."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z‘“(])", text)
    pieces, cur = [], []
    for s in sentences:
        if cur and _words(" ".join(cur + [s])) > limit:
            pieces.append(" ".join(cur))
            cur = []
        cur.append(s)
    if cur:
        pieces.append(" ".join(cur))
    return pieces


def _section_kind(path: list[str]) -> str:
    last = path[-1] if path else ""
    if _AFI_RE.match(last):
        return "area_for_improvement"
    if _SUMMARY_RE.match(last) or (path and path[0].lower().startswith("overview")):
        return "summary"
    return "body"


def _judgment_area(path: list[str]) -> str:
    """Which question a grade belongs to: the innermost question heading, or
    "Overall" for the report's overall judgment."""
    for h in reversed(path):
        if h.endswith("?") and not h.lower().startswith("overview"):
            return h
    return "Overall"


def chunk(report_id: str, blocks: list[Block]) -> Chunked:
    passages: list[Passage] = []
    judgments: list[Judgment] = []
    afis: list[str] = []
    stack: list[tuple[int, str]] = []  # (level, heading)
    pending: list[Block] = []  # paragraphs of the current passage
    pending_grades: list[Judgment] = []
    notes: list[Block] = []

    def path() -> list[str]:
        return [h for _, h in stack]

    def emit(text: str, first: Block, kind: str, heading: str | None = None, extra_path: list[str] | None = None):
        """A passage cites the page where its first block starts."""
        p = path() + (extra_path or [])
        passage = Passage(id=f"{report_id}-{len(passages) + 1:04d}", report_id=report_id,
                          heading=heading or (p[-1] if p else ""), heading_path=p,
                          page=first.page, kind=kind, text=text, order=len(passages) + 1,
                          pdf_page=first.pdf_page)
        passages.append(passage)
        for j in pending_grades:
            j.passage_id = passage.id
        pending_grades.clear()

    def flush():
        _flush_text()
        for n in notes:
            emit(n.text, n, "footnote", heading=f"Footnote {n.number}",
                 extra_path=[f"Footnote {n.number}"])
        notes.clear()

    def _flush_text():
        if not pending:
            return
        kind = _section_kind(path())
        groups: list[list[Block]] = [[]]
        for b in pending:
            pieces = _split_sentences(b.text, MAX_WORDS) if _words(b.text) > MAX_WORDS else [b.text]
            for piece in pieces:
                part = Block(b.kind, piece, b.page, pdf_page=b.pdf_page)
                cur = groups[-1]
                if cur and _words(" ".join(x.text for x in cur + [part])) > MAX_WORDS \
                        and _words(" ".join(x.text for x in cur)) >= MIN_WORDS:
                    groups.append([])
                groups[-1].append(part)
        # a short tail joins the passage before it when that stays within reason
        if len(groups) > 1 and _words(" ".join(x.text for x in groups[-1])) < MIN_WORDS \
                and _words(" ".join(x.text for x in groups[-2] + groups[-1])) <= MAX_WORDS * 1.2:
            tail = groups.pop()  # (not `groups[-2] += groups.pop()`: -2 would index the shortened list)
            groups[-1] += tail
        for g in groups:
            emit("\n\n".join(x.text for x in g), g[0], kind)
        pending.clear()

    for b in blocks:
        if b.kind == "heading":
            flush()
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            stack.append((b.level, b.text))
        elif b.kind == "grade":
            flush()
            grade = b.text.strip().capitalize()
            area = _judgment_area(path())
            if not any(j.area == area for j in judgments):
                j = Judgment(area=area, grade=grade)
                judgments.append(j)
                pending_grades.append(j)
        elif b.kind == "footnote":
            notes.append(b)  # emitted after the section text they annotate
        elif b.kind == "table":
            flush()
            emit(b.text, b, "table")
        elif b.kind == "bullet" and _section_kind(path()) == "area_for_improvement":
            flush()
            text = re.sub(r"^[•▪●◦\-–]\s*", "", b.text)
            afis.append(text)
            emit(text, b, "area_for_improvement")
        else:
            pending.append(b)
    flush()
    return Chunked(passages=passages, judgments=judgments, areas_for_improvement=afis)
