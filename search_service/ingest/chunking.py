"""Blocks → passages that follow the headings and stay quotable.

A passage never crosses a heading. Long sections are split at paragraph
boundaries (a paragraph over the limit at sentence boundaries); short trailing
paragraphs join the passage before them. Footnotes, tables and areas for
improvement are passages of their own kind; a box's kind follows its label
(cause of concern, recommendation, innovative practice). What the report
concludes (structure.py) is linked to the passage each item is read from.
Pure functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from search_service.ingest.structure import Structure, is_label, read_structure
from search_service.ingest.text import Block
from search_service.model import Passage

MAX_WORDS = 250
MIN_WORDS = 40

_SUMMARY_RE = re.compile(r"^(summary( of findings)?|overall judg(e)?ment|key findings)$", re.I)
_LABEL_KINDS = {"afi": "area_for_improvement", "cause": "cause_of_concern", "recs": "recommendation",
                "practice": "innovative_practice"}


@dataclass
class Chunked:
    passages: list[Passage]
    structure: Structure


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


def section_kind(path: list[str]) -> str:
    for heading in reversed(path):
        label = is_label(heading)
        if label:
            return _LABEL_KINDS[label]
    last = path[-1] if path else ""
    if _SUMMARY_RE.match(last) or (path and path[0].lower().startswith("overview")):
        return "summary"
    return "body"


def chunk(report_id: str, blocks: list[Block]) -> Chunked:
    passages: list[Passage] = []
    first_passage: dict[int, int] = {}  # block index → index of the passage it starts or precedes
    stack: list[tuple[int, str]] = []  # (level, heading)
    pending: list[tuple[int, Block]] = []  # paragraphs of the current passage
    notes: list[tuple[int, Block]] = []
    waiting: list[int] = []  # blocks (headings, grades) that belong to the next passage

    def path() -> list[str]:
        return [h for _, h in stack]

    def emit(text: str, first: Block, kind: str, members: list[int], heading: str | None = None,
             extra_path: list[str] | None = None):
        """A passage cites the page where its first block starts, and the
        page where its last block starts when the passage runs on."""
        p = path() + (extra_path or [])
        last = max((blocks[i].page for i in members if blocks[i].page is not None), default=None)
        passage = Passage(id=f"{report_id}-{len(passages) + 1:04d}", report_id=report_id,
                          heading=heading or (p[-1] if p else ""), heading_path=p,
                          page=first.page, kind=kind, text=text, order=len(passages) + 1,
                          pdf_page=first.pdf_page, anchor=first.anchor,
                          page_end=last if last is not None and first.page is not None and last > first.page
                          else None)
        for i in waiting + members:
            first_passage.setdefault(i, len(passages))
        waiting.clear()
        passages.append(passage)

    def flush():
        _flush_text()
        for i, n in notes:
            emit(n.text, n, "footnote", [i], heading=f"Footnote {n.number}", extra_path=[f"Footnote {n.number}"])
        notes.clear()

    def _flush_text():
        if not pending:
            return
        kind = section_kind(path())
        groups: list[list[tuple[int, Block]]] = [[]]
        for i, b in pending:
            pieces = _split_sentences(b.text, MAX_WORDS) if _words(b.text) > MAX_WORDS else [b.text]
            for piece in pieces:
                part = (i, Block(b.kind, piece, b.page, pdf_page=b.pdf_page, anchor=b.anchor))
                cur = groups[-1]
                if cur and _words(" ".join(x.text for _, x in cur + [part])) > MAX_WORDS \
                        and _words(" ".join(x.text for _, x in cur)) >= MIN_WORDS:
                    groups.append([])
                groups[-1].append(part)
        # a short tail joins the passage before it when that stays within reason
        if len(groups) > 1 and _words(" ".join(x.text for _, x in groups[-1])) < MIN_WORDS \
                and _words(" ".join(x.text for _, x in groups[-2] + groups[-1])) <= MAX_WORDS * 1.2:
            tail = groups.pop()  # (not `groups[-2] += groups.pop()`: -2 would index the shortened list)
            groups[-1] += tail
        for g in groups:
            emit("\n\n".join(x.text for _, x in g), g[0][1], kind, [i for i, _ in g])
        pending.clear()

    for i, b in enumerate(blocks):
        if b.kind == "heading":
            flush()
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            stack.append((b.level, b.text))
            waiting.append(i)
        elif b.kind == "end":  # the end of a box: back to the section around it
            flush()
            while stack and stack[-1][0] >= b.level:
                stack.pop()
        elif b.kind == "grade":
            flush()
            waiting.append(i)
        elif b.kind == "footnote":
            notes.append((i, b))  # emitted after the section text they annotate
        elif b.kind == "table":
            flush()
            emit(b.text, b, "table", [i])
        elif b.kind == "bullet" and section_kind(path()) == "area_for_improvement":
            flush()
            emit(re.sub(r"^[•▪●◦\-–]\s*", "", b.text), b, "area_for_improvement", [i])
        else:
            pending.append((i, b))
    flush()

    structure = read_structure(blocks)
    ids = [p.id for p in passages]
    for item in (structure.judgments + structure.causes_of_concern + structure.recommendations
                 + structure.areas_for_improvement + structure.innovative_practice):
        block = structure.sources.get(id(item))
        if block is not None and ids:
            n = first_passage.get(block)
            if n is None:  # a heading at the very end: the last passage
                n = len(ids) - 1
            item.passage_id = ids[n]
    return Chunked(passages=passages, structure=structure)
