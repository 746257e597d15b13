"""Blocks → passages that follow the headings and stay quotable.

A passage never crosses a heading. Long sections are split at paragraph
boundaries; short trailing paragraphs join the passage before them. Nothing
exceeds the passage limits (``MAX_WORDS``, ``MAX_CHARS``): a paragraph,
table, footnote or bullet over them is cut at line ends, else at sentence
ends, else between words, else (one endless "word") every ``MAX_CHARS``
characters, so a hostile file of one 50 MB line becomes many passages of a
readable size rather than one passage that every search and page must carry.
Headings are capped too (a heading is repeated in every passage under it),
and so is each finding read from the report. Footnotes, tables and areas for
improvement are passages of their own kind; a box's kind follows its label
(cause of concern, recommendation, innovative practice). What the report
concludes (structure.py) is linked to the passage each item is read from.
Pure functions, linear in the length of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from search_service.ingest.structure import Structure, is_label, read_structure
from search_service.ingest.text import Block
from search_service.model import Passage, passage_id

MAX_WORDS = 250
MIN_WORDS = 40
MAX_CHARS = 4000  # about twice the longest real passage (2,365 characters, 251 words)
MAX_HEADING_CHARS = 300

_SUMMARY_RE = re.compile(r"^(summary( of findings)?|overall judg(e)?ment|key findings)$", re.I)
_LABEL_KINDS = {"afi": "area_for_improvement", "cause": "cause_of_concern", "recs": "recommendation",
                "practice": "innovative_practice"}


@dataclass
class Chunked:
    passages: list[Passage]
    structure: Structure


def _words(text: str) -> int:
    return len(text.split())


def _fits(text: str, max_words: int, max_chars: int) -> bool:
    return len(text) <= max_chars and _words(text) <= max_words


# How an over-long text is cut, coarsest first: at line ends, at sentence
# ends, between words; each with the separator that joins its pieces again.
_CUTS = ((re.compile(r"\n+"), "\n"), (re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“(])"), " "), (re.compile(r"\s+"), " "))


def split_text(text: str, max_words: int = MAX_WORDS, max_chars: int = MAX_CHARS, level: int = 0) -> list[str]:
    """``text`` in pieces of at most ``max_words`` words and ``max_chars``
    characters, cut at the coarsest boundary that makes them fit (see
    ``_CUTS``) and packed greedily; a single word longer than ``max_chars``
    is cut every ``max_chars`` characters. Linear in the length of ``text``."""
    if _fits(text, max_words, max_chars):
        return [text]
    if level == len(_CUTS):
        return [text[i:i + max_chars] for i in range(0, len(text), max_chars)]
    pattern, sep = _CUTS[level]
    units = [u for u in pattern.split(text) if u.strip()]
    if len(units) <= 1:
        return split_text(text, max_words, max_chars, level + 1)
    pieces: list[str] = []
    cur: list[str] = []
    words = chars = 0
    for unit in units:
        for part in split_text(unit, max_words, max_chars, level + 1):
            w, c = _words(part), len(part)
            if cur and (words + w > max_words or chars + len(sep) + c > max_chars):
                pieces.append(sep.join(cur))
                cur, words, chars = [], 0, 0
            chars += c + (len(sep) if cur else 0)
            words += w
            cur.append(part)
    if cur:
        pieces.append(sep.join(cur))
    return pieces


def short(text: str, limit: int = MAX_HEADING_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters (at a word boundary, with "…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip() + "…"


def section_kind(path: list[str]) -> str:
    for heading in reversed(path):
        label = is_label(heading)
        if label:
            return _LABEL_KINDS[label]
    last = path[-1] if path else ""
    if _SUMMARY_RE.match(last) or (path and path[0].lower().startswith("overview")):
        return "summary"
    return "body"


def _cap(structure: Structure) -> None:
    """Every finding's text (and a practice box's title) within MAX_CHARS:
    they are stored with the report and listed on its pages."""
    for item in (structure.causes_of_concern + structure.recommendations + structure.areas_for_improvement
                 + structure.innovative_practice + structure.judgments):
        for name in ("text", "title", "area"):
            value = getattr(item, name, None)
            if isinstance(value, str) and len(value) > MAX_CHARS:
                setattr(item, name, short(value, MAX_CHARS))


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
        passage = Passage(id=passage_id(report_id, len(passages) + 1), report_id=report_id,
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
            for piece in split_text(n.text):
                emit(piece, n, "footnote", [i], heading=f"Footnote {n.number}", extra_path=[f"Footnote {n.number}"])
        notes.clear()

    def _flush_text():
        if not pending:
            return
        kind = section_kind(path())
        groups: list[list[tuple[int, Block]]] = [[]]
        words = chars = 0  # of the last group
        for i, b in pending:
            for piece in split_text(b.text):
                part = (i, Block(b.kind, piece, b.page, pdf_page=b.pdf_page, anchor=b.anchor))
                w, c = _words(piece), len(piece) + 2
                if groups[-1] and (words + w > MAX_WORDS or chars + c > MAX_CHARS) and \
                        (words >= MIN_WORDS or chars + c > MAX_CHARS):
                    groups.append([])
                    words = chars = 0
                groups[-1].append(part)
                words, chars = words + w, chars + c
        # a short tail joins the passage before it when that stays within reason
        if len(groups) > 1 and words < MIN_WORDS:
            joined = "\n\n".join(x.text for _, x in groups[-2] + groups[-1])
            if _words(joined) <= MAX_WORDS * 1.2 and len(joined) <= MAX_CHARS:
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
            stack.append((b.level, short(b.text)))
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
            for piece in split_text(b.text):
                emit(piece, b, "table", [i])
        elif b.kind == "bullet" and section_kind(path()) == "area_for_improvement":
            flush()
            for piece in split_text(re.sub(r"^[•▪●◦\-–]\s*", "", b.text)):
                emit(piece, b, "area_for_improvement", [i])
        else:
            pending.append((i, b))
    flush()

    structure = read_structure(blocks)
    _cap(structure)
    ids = [p.id for p in passages]
    for item in (structure.judgments + structure.causes_of_concern + structure.recommendations
                 + structure.areas_for_improvement + structure.innovative_practice):
        block = structure.sources.get(id(item))
        if block is not None and ids:
            n = first_passage.get(block)
            if n is None:  # a heading at the very end: the last passage
                n = len(ids) - 1
            item.passage_id = ids[n]
            if hasattr(item, "section"):  # what a finding is about is also in its section's headings
                item.section = list(passages[n].heading_path)
    return Chunked(passages=passages, structure=structure)
