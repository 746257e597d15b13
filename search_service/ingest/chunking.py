"""Blocks → passages that follow the headings and stay quotable.

A passage never crosses a heading. Long sections are split at paragraph
boundaries; short trailing paragraphs join the passage before them. Nothing
exceeds the passage limits (``MAX_WORDS``, ``MAX_CHARS``): a paragraph,
table, footnote or bullet over them is cut at line ends, else at sentence
ends, else between words, else (one endless "word") every ``MAX_CHARS``
characters, so a hostile file of one 50 MB line becomes many passages of a
readable size rather than one passage that every search and page must carry.
Headings are capped too: a heading is repeated in every passage under it.
Footnotes, tables and areas for improvement are passages of their own kind.
Grades met under a heading become the report's judgments. Pure functions,
linear in the length of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from search_service.ingest.text import Block
from search_service.model import Judgment, Passage

MAX_WORDS = 250
MIN_WORDS = 40
MAX_CHARS = 4000  # about twice the longest real passage (2,365 characters, 251 words)
MAX_HEADING_CHARS = 300

_SUMMARY_RE = re.compile(r"^(summary( of findings)?|overall judg(e)?ment|key findings)$", re.I)
_AFI_RE = re.compile(r"^(areas? for improvement|causes? of concern|recommendations?)$", re.I)


@dataclass
class Chunked:
    passages: list[Passage]
    judgments: list[Judgment]
    areas_for_improvement: list[str]


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


def short_heading(text: str) -> str:
    """A heading cut to ``MAX_HEADING_CHARS`` (at a word boundary, with "…")."""
    text = " ".join(text.split())
    if len(text) <= MAX_HEADING_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_HEADING_CHARS)
    return text[:cut if cut > MAX_HEADING_CHARS // 2 else MAX_HEADING_CHARS].rstrip() + "…"


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
            for piece in split_text(n.text):
                emit(piece, n, "footnote", heading=f"Footnote {n.number}", extra_path=[f"Footnote {n.number}"])
        notes.clear()

    def _flush_text():
        if not pending:
            return
        kind = _section_kind(path())
        groups: list[list[Block]] = [[]]
        words = chars = 0  # of the last group
        for b in pending:
            for piece in split_text(b.text):
                part = Block(b.kind, piece, b.page, pdf_page=b.pdf_page)
                w, c = _words(piece), len(piece) + 2
                if groups[-1] and (words + w > MAX_WORDS or chars + c > MAX_CHARS) and \
                        (words >= MIN_WORDS or chars + c > MAX_CHARS):
                    groups.append([])
                    words = chars = 0
                groups[-1].append(part)
                words, chars = words + w, chars + c
        # a short tail joins the passage before it when that stays within reason
        if len(groups) > 1 and words < MIN_WORDS:
            joined = "\n\n".join(x.text for x in groups[-2] + groups[-1])
            if _words(joined) <= MAX_WORDS * 1.2 and len(joined) <= MAX_CHARS:
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
            stack.append((b.level, short_heading(b.text)))
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
            for piece in split_text(b.text):
                emit(piece, b, "table")
        elif b.kind == "bullet" and _section_kind(path()) == "area_for_improvement":
            flush()
            pieces = split_text(re.sub(r"^[•▪●◦\-–]\s*", "", b.text))
            afis.append(pieces[0] + ("…" if len(pieces) > 1 else ""))
            for piece in pieces:
                emit(piece, b, "area_for_improvement")
        else:
            pending.append(b)
    flush()
    return Chunked(passages=passages, judgments=judgments, areas_for_improvement=afis)
