"""Test helper: render a report description as a PDF in the inspectorate layout.

PDF ingest is tested on files whose truth is known, so this draws them with
reportlab the way HMIC reports look: an unnumbered cover and contents page,
then numbered pages with a running header and a footer page number, bold
headings larger than the 11pt body, 8pt footnotes under a short rule with
superscript markers in the body (``[^3]`` in the description), two-column
summary regions whose columns flow on across pages, and words such as
"anti-social" broken at their hyphen when they reach the end of a line.
``Doc.plain`` draws everything in one font and size with markers inline, for
the case where fonts carry no signal. ``doc_from_text`` turns a plain-text
report (via ``text.parse_text``) into a description with the same pages.
"""
from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfdoc import PDFPageLabel
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from search_service.ingest.text import parse_text, split_footnotes, split_pages, strip_markers


# --------------------------------------------------------------------------- description

@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str


@dataclass
class Bullet:
    text: str


@dataclass
class Grade:
    text: str


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Columns:
    """Two columns side by side, each flowing on to the next page on its own
    (the inspectorate's two-question summary pages)."""
    left: list
    right: list


@dataclass
class Doc:
    header: str  # running header of the numbered pages
    pages: list[list]  # each list of items starts a new page; overflow continues on the next
    footnotes: dict[int, str] = field(default_factory=dict)  # text of each [^n] marker
    cover: list[str] = field(default_factory=list)  # cover lines, the first as the big title
    contents: bool = True  # an unnumbered contents page after the cover
    first_label: int = 1  # printed number of the first page after the front matter
    page_labels: bool = True  # write /PageLabels (front matter unlabelled, then arabic)
    page_numbers: bool = True  # print the page number in the footer
    title: str | None = None  # document info Title
    plain: bool = False  # one font and size for everything, markers inline


# --------------------------------------------------------------------------- geometry

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 64.0, PAGE_W - 64.0
TOP, BOTTOM = 76.0, 776.0  # body area, in distances from the top of the page
HEADER_BASE, FOOTER_BASE = 40.0, 808.0
GUTTER = 22.0
PARA_GAP = 7.0
BULLET_INDENT = 14.0
RULE_WIDTH = 140.0

REGULAR, BOLD = "Helvetica", "Helvetica-Bold"


@dataclass(frozen=True)
class Style:
    font: str
    size: float
    leading: float


BODY = Style(REGULAR, 11, 14)
HEADINGS = {1: Style(BOLD, 16, 19), 2: Style(BOLD, 13, 16), 3: Style(BOLD, 11, 14)}
GRADE = Style(BOLD, 12, 15)
TABLE = Style(REGULAR, 10, 13)
NOTE = Style(REGULAR, 8, 10)
SPACE_BEFORE = {1: 10.0, 2: 10.0, 3: 6.0}


def _style(kind: str, plain: bool, level: int = 0) -> Style:
    if plain:
        return BODY
    return {"heading": HEADINGS.get(level, HEADINGS[3]), "grade": GRADE, "table": TABLE,
            "note": NOTE}.get(kind, BODY)


# --------------------------------------------------------------------------- words and lines

_MARK_RE = re.compile(r"\[\^(\d+)\]")


@dataclass
class Word:
    text: str
    marks: list[int] = field(default_factory=list)


def words(text: str) -> list[Word]:
    out = []
    for tok in text.split():
        marks = [int(n) for n in _MARK_RE.findall(tok)]
        out.append(Word(_MARK_RE.sub("", tok), marks))
    return out


def _mark_text(w: Word) -> str:
    return ",".join(str(n) for n in w.marks)


def _width(w: Word, st: Style, plain: bool) -> float:
    width = stringWidth(w.text, st.font, st.size)
    if w.marks:
        width += stringWidth(_mark_text(w), st.font, st.size if plain else st.size * 0.6)
    return width


def wrap(text: str, width: float, st: Style, plain: bool = False) -> list[list[Word]]:
    """Greedy line filling; a hyphenated word that does not fit is broken
    after one of its hyphens when the first part fits."""
    space = stringWidth(" ", st.font, st.size)
    lines: list[list[Word]] = [[]]
    used = 0.0
    queue = words(text)
    while queue:
        w = queue.pop(0)
        need = _width(w, st, plain) + (space if lines[-1] else 0)
        if used + need <= width or not lines[-1]:
            lines[-1].append(w)
            used += need
            continue
        cut = [m.end() for m in re.finditer(r"(?<=[A-Za-z])-(?=[A-Za-z])", w.text)]
        for end in reversed(cut):
            head = Word(w.text[:end])
            if used + space + _width(head, st, plain) <= width:
                lines[-1].append(head)
                queue.insert(0, Word(w.text[end:], w.marks))
                break
        else:
            queue.insert(0, w)
        lines.append([])
        used = 0.0
    return [l for l in lines if l]


# --------------------------------------------------------------------------- layout

@dataclass
class _Op:
    x: float
    top: float  # baseline, from the top of the page
    words: list[Word]
    style: Style
    cells: list[tuple[float, int]] | None = None  # table rows: x and word count of each cell


@dataclass
class _Page:
    ops: list[_Op] = field(default_factory=list)
    bullets: list[tuple[float, float, Style]] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)


class _Layout:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.pages: list[_Page] = []
        self.toc: list[tuple[str, int]] = []  # level-1 headings and their page index

    def page(self, i: int) -> _Page:
        while len(self.pages) <= i:
            self.pages.append(_Page())
        return self.pages[i]

    def note_height(self, numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        st = _style("note", self.doc.plain)
        n = sum(len(wrap(f"{k} {self.doc.footnotes[k]}", RIGHT - LEFT, st)) for k in numbers)
        return 8.0 + n * st.leading

    def limit(self, page: int, extra: list[int] = ()) -> float:
        return BOTTOM - self.note_height(self.page(page).notes + [n for n in extra if n not in self.page(page).notes])

    def place(self, cur: list, lines: list[list[Word]], x: float, st: Style, notes_ok: bool,
              keep: float = 0.0) -> None:
        """Put lines at the cursor [page, y], breaking pages as needed; the
        first line also needs ``keep`` more points below it (keep with next)."""
        for k, line in enumerate(lines):
            marks = [m for w in line for m in w.marks]
            if marks and not notes_ok:
                raise ValueError("footnote markers inside columns are not supported")
            need = st.leading + (keep if k == 0 else 0)
            if cur[1] + need > self.limit(cur[0], marks) and cur[1] > TOP:
                cur[0], cur[1] = cur[0] + 1, TOP
            page = self.page(cur[0])
            page.ops.append(_Op(x, cur[1] + st.size * 0.8, line, st))
            page.notes += [m for m in marks if m not in page.notes]
            cur[1] += st.leading

    def flow(self, items: list, cur: list, x: float, width: float, notes_ok: bool = True) -> None:
        plain = self.doc.plain
        for item in items:
            if isinstance(item, Heading):
                st = _style("heading", plain, item.level)
                if cur[1] > TOP:
                    cur[1] += SPACE_BEFORE.get(item.level, 6.0)
                if item.level == 1:
                    self.toc.append((_MARK_RE.sub("", item.text), cur[0]))
                lines = wrap(item.text, width, st, plain)
                # keep the heading with two lines of what follows
                needed = (len(lines) - 1) * st.leading + 2 * BODY.leading
                if cur[1] + st.leading + needed > self.limit(cur[0]) and cur[1] > TOP:
                    cur[0], cur[1] = cur[0] + 1, TOP
                    if item.level == 1:
                        self.toc[-1] = (self.toc[-1][0], cur[0])
                self.place(cur, lines, x, st, notes_ok)
                cur[1] += 4.0
            elif isinstance(item, (Para, Grade)):
                st = _style("grade" if isinstance(item, Grade) else "para", plain)
                self.place(cur, wrap(item.text, width, st, plain), x, st, notes_ok)
                cur[1] += PARA_GAP
            elif isinstance(item, Bullet):
                st = _style("para", plain)
                lines = wrap(item.text, width - BULLET_INDENT, st, plain)
                self.place(cur, lines[:1], x + BULLET_INDENT, st, notes_ok)
                self.page(cur[0]).bullets.append((x, self.page(cur[0]).ops[-1].top, st))
                self.place(cur, lines[1:], x + BULLET_INDENT, st, notes_ok)
                cur[1] += PARA_GAP
            elif isinstance(item, Table):
                self.table(item, cur, x, width, notes_ok)
                cur[1] += PARA_GAP
            elif isinstance(item, Columns):
                self.columns(item, cur, x, width)
            else:
                raise TypeError(f"unknown item {item!r}")

    def table(self, table: Table, cur: list, x: float, width: float, notes_ok: bool) -> None:
        st = _style("table", self.doc.plain)
        cells = [[words(c) for c in row] for row in table.rows]
        ncols = max(len(r) for r in cells)
        widths = [max((sum(_width(w, st, self.doc.plain) for w in r[i]) +
                       stringWidth(" ", st.font, st.size) * (len(r[i]) - 1)) if i < len(r) else 0 for r in cells)
                  for i in range(ncols)]
        gap = max(20.0, min(40.0, (width - sum(widths)) / max(1, ncols - 1)))
        if sum(widths) + gap * (ncols - 1) > width:
            raise ValueError(f"table too wide: {table.rows[0]}")
        xs = [x]
        for w in widths[:-1]:
            xs.append(xs[-1] + w + gap)
        for row in cells:
            marks = [m for c in row for w in c for m in w.marks]
            if marks and not notes_ok:
                raise ValueError("footnote markers inside columns are not supported")
            if cur[1] + st.leading > self.limit(cur[0], marks) and cur[1] > TOP:
                cur[0], cur[1] = cur[0] + 1, TOP
            page = self.page(cur[0])
            page.ops.append(_Op(x, cur[1] + st.size * 0.8, [w for c in row for w in c], st,
                                cells=[(xs[i], len(c)) for i, c in enumerate(row)]))
            page.notes += [m for m in marks if m not in page.notes]
            cur[1] += st.leading

    def columns(self, cols: Columns, cur: list, x: float, width: float) -> None:
        colw = (width - GUTTER) / 2
        left, right = list(cur), list(cur)
        self.flow(cols.left, left, x, colw, notes_ok=False)
        self.flow(cols.right, right, x + colw + GUTTER, colw, notes_ok=False)
        cur[0], cur[1] = max(left, right)


def layout(doc: Doc) -> _Layout:
    """Described page n starts on body page n (blank pages fill a gap left by
    an empty description), or later when the text before it ran over."""
    lay = _Layout(doc)
    for n, items in enumerate(doc.pages):
        if not items:
            continue
        cur = [max(len(lay.pages), n), TOP]
        lay.page(cur[0])
        lay.flow(items, cur, LEFT, RIGHT - LEFT)
    return lay


# --------------------------------------------------------------------------- drawing

def _draw_words(c: Canvas, x: float, top: float, ws: list[Word], st: Style, plain: bool) -> None:
    t = c.beginText(x, PAGE_H - top)
    for k, w in enumerate(ws):
        t.setFont(st.font, st.size)
        t.textOut(("" if k == 0 else " ") + w.text)
        if w.marks:
            if plain:
                t.textOut(_mark_text(w))
            else:
                t.setFont(REGULAR, st.size * 0.6)
                t.setRise(st.size * 0.4)
                t.textOut(_mark_text(w))
                t.setRise(0)
    c.drawText(t)


def render(doc: Doc) -> bytes:
    """The PDF's bytes (deterministic: reportlab's invariant mode)."""
    lay = layout(doc)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    if doc.title:
        c.setTitle(doc.title)
    front = 0
    if doc.cover:
        size = 26 if not doc.plain else BODY.size
        c.setFont(BOLD if not doc.plain else REGULAR, size)
        c.drawString(LEFT, PAGE_H - 260, doc.cover[0])
        c.setFont(REGULAR, 16 if not doc.plain else BODY.size)
        for k, line in enumerate(doc.cover[1:]):
            c.drawString(LEFT, PAGE_H - 300 - 24 * k, line)
        c.showPage()
        front += 1
    if doc.contents:
        h = _style("heading", doc.plain, 1)
        c.setFont(h.font, h.size)
        c.drawString(LEFT, PAGE_H - TOP - h.size, "Contents")
        c.setFont(BODY.font, BODY.size)
        for k, (text, page) in enumerate(lay.toc):
            y = PAGE_H - TOP - 40 - k * 20
            c.drawString(LEFT, y, text if len(text) <= 75 else text[:74] + "…")
            c.drawRightString(RIGHT, y, str(page + doc.first_label))
        c.showPage()
        front += 1
    if doc.page_labels:
        if front:
            c.addPageLabel(0, prefix="")
        c.addPageLabel(front, style=PDFPageLabel.ARABIC, start=doc.first_label)
    note_st = _style("note", doc.plain)
    for i, page in enumerate(lay.pages):
        label = str(i + doc.first_label)
        c.setFont(REGULAR, 9 if not doc.plain else BODY.size)
        c.drawString(LEFT, PAGE_H - HEADER_BASE, doc.header)
        if doc.page_numbers:
            c.drawCentredString(PAGE_W / 2, PAGE_H - FOOTER_BASE, label)
        for op in page.ops:
            if op.cells is None:
                _draw_words(c, op.x, op.top, op.words, op.style, doc.plain)
            else:
                k = 0
                for cx, n in op.cells:
                    _draw_words(c, cx, op.top, op.words[k:k + n], op.style, doc.plain)
                    k += n
        for bx, btop, st in page.bullets:
            c.setFont(st.font, st.size)
            c.drawString(bx, PAGE_H - btop, "•")
        if page.notes:
            y = BOTTOM - lay.note_height(page.notes) + 2
            c.setLineWidth(0.5)
            c.line(LEFT, PAGE_H - y, LEFT + RULE_WIDTH, PAGE_H - y)
            y += 6
            for n in sorted(page.notes):
                for line in wrap(f"{n} {doc.footnotes[n]}", RIGHT - LEFT, note_st):
                    _draw_words(c, LEFT, y + note_st.size * 0.8, line, note_st, doc.plain)
                    y += note_st.leading
        c.showPage()
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- from a text report

def _marker_anchors(raw: str, offset: int) -> dict[int, list[tuple[str, list[int]]]]:
    """Where the plain text had footnote markers: per printed page, the text
    just before each marker (as ``strip_markers`` removes them) and its numbers."""
    out: dict[int, list] = {}
    for ordinal, lines in enumerate(split_pages(raw), start=1):
        body, notes = split_footnotes(lines)
        numbers = {n for n, _ in notes}
        for line in body:
            stripped = strip_markers(line, numbers)
            if stripped == line:
                continue
            sm = difflib.SequenceMatcher(None, line, stripped, autojunk=False)
            for tag, i1, i2, j1, _ in sm.get_opcodes():
                if tag == "delete":
                    anchor = re.sub(r"\s+", " ", stripped[:j1]).strip()[-30:]
                    out.setdefault(ordinal + offset, []).append(
                        (anchor, [int(n) for n in re.findall(r"\d+", line[i1:i2])]))
    return out


def _insert_marker(text: str, anchor: str, numbers: list[int]) -> str | None:
    norm = re.sub(r"\s+", " ", text)
    at = norm.find(anchor)
    if at < 0 or not anchor:
        return None
    end = at + len(anchor)
    return norm[:end] + "".join(f"[^{n}]" for n in numbers) + norm[end:]


def doc_from_text(raw: str, header: str, cover: list[str], title: str | None = None) -> Doc:
    """A description with the text report's pages, headings, grades,
    paragraphs, bullets, tables and footnotes (markers put back where the
    text had them); the overview's question summaries become two-column
    regions, one per pair of questions, as in the inspectorate's reports."""
    parsed = parse_text(raw)
    blocks = [b for b in parsed.blocks if b.kind != "footnote"]
    notes = {b.number: b.text for b in parsed.blocks if b.kind == "footnote"}
    texts = [b.text for b in blocks]
    placed = set()
    for page, anchors in _marker_anchors(raw, parsed.page_offset).items():
        for anchor, numbers in anchors:
            for i, b in enumerate(blocks):
                if b.page == page and b.kind in ("heading", "para", "bullet"):
                    new = _insert_marker(texts[i], anchor, numbers)
                    if new is not None:
                        texts[i] = new
                        placed.update(numbers)
                        break
            else:
                raise ValueError(f"marker {numbers} after {anchor!r} not placed on page {page}")
    for note in parsed.blocks:
        if note.kind == "footnote" and note.number not in placed:
            # the text kept this marker in the body (e.g. "2015.10"): mark the page's first paragraph
            i = next(i for i, b in enumerate(blocks) if b.page == note.page and b.kind == "para")
            texts[i] += f"[^{note.number}]"

    def item(i: int):
        b, text = blocks[i], texts[i]
        if b.kind == "heading":
            return Heading(text, b.level)
        if b.kind == "grade":
            return Grade(text)
        if b.kind == "bullet":
            return Bullet(re.sub(r"^[•▪●◦\-–]\s*", "", text))
        if b.kind == "table":
            # cells: runs two spaces apart, and numbers at the end of a row
            return Table([[c for part in re.split(r"\s{2,}", row)
                           for c in re.split(r" (?=[\d.,%*]+(?: |$))", part)] for row in text.split("\n")])
        return Para(text)

    pages: dict[int, list] = {}
    chapter = ""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "heading" and b.level == 1:
            chapter = b.text
        in_overview = chapter.startswith("Overview")
        if in_overview and b.kind == "heading" and b.level == 2 and b.text.endswith("?"):
            # a pair of question summaries: each runs to the next question or chapter
            spans = []
            j = i
            for _ in range(2):
                k = j + 1
                while k < len(blocks) and not (blocks[k].kind == "heading" and (
                        blocks[k].level == 1 or blocks[k].text.endswith("?"))):
                    k += 1
                spans.append((j, k))
                j = k
            left = [item(n) for n in range(*spans[0])]
            right = [item(n) for n in range(*spans[1])]
            pages.setdefault(b.page, []).append(Columns(left, right))
            i = spans[1][1]
            continue
        pages.setdefault(b.page, []).append(item(i))
        i += 1
    first = min(pages)
    return Doc(header=header, pages=[pages.get(p, []) for p in range(first, max(pages) + 1)],
               footnotes=notes, cover=cover, first_label=first, title=title)
