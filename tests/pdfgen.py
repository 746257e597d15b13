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

Optional extras (off by default, so existing fixtures render byte for byte
as before): tables with a bold header row repeated on every page the table
runs on to and cells wrapped in fixed column widths; shaded, framed boxes
(promising practice, a cause of concern and its recommendations) that may
break across pages; footnotes that run on to the foot of the next page
(``note_breaks``); contents pages listing second-level headings and running
over several pages, numbered in lower-case roman (``front_roman``); a
cover title wrapped when it is too long for one line; and encryption with
passwords (``encrypt``). ``truetype_fonts()`` draws with TrueType fonts
embedded as subsets instead of the standard Helvetica. ``plain_text`` and
``word_count`` give the words a description renders.
"""
from __future__ import annotations

import difflib
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFPageLabel
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from search_service.ingest.text import parse_text, split_footnotes, split_pages, strip_markers


# --------------------------------------------------------------------------- description

@dataclass
class Heading:
    text: str
    level: int = 1
    listed: bool = True  # on the contents pages if its level is within Doc.toc_levels (False: e.g. a summary's own)


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
    header: bool = False  # the first row is a bold header, repeated atop each page the table runs on to
    widths: list[float] | None = None  # column widths as shares of the line: cells wrap within them


@dataclass
class Box:
    """A shaded, framed panel holding its own items (a promising practice, a
    cause of concern with its recommendations); it breaks across pages like
    the text, each page's part framed on its own."""
    items: list


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
    note_breaks: dict[int, int] = field(default_factory=dict)  # note n keeps this many lines; the rest runs on to the next page
    toc_levels: int = 1  # heading levels listed on the contents pages
    front_roman: bool = False  # contents pages numbered i, ii, ... (footer and /PageLabels); the cover stays unlabelled
    encrypt: tuple[str, str] | None = None  # (user, owner) passwords; a "" user password opens without one


# --------------------------------------------------------------------------- geometry

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 64.0, PAGE_W - 64.0
TOP, BOTTOM = 76.0, 776.0  # body area, in distances from the top of the page
HEADER_BASE, FOOTER_BASE = 40.0, 808.0
GUTTER = 22.0
PARA_GAP = 7.0
BULLET_INDENT = 14.0
RULE_WIDTH = 140.0
BOX_PAD = 8.0
CELL_GAP = 8.0
ROW_GAP = 3.0
TOC_STEP = 20.0

REGULAR, BOLD = "Helvetica", "Helvetica-Bold"


@contextmanager
def truetype_fonts():
    """While open, REGULAR and BOLD are TrueType fonts (Bitstream Vera, in
    reportlab's wheel) that ``render`` embeds as subsets with a ToUnicode
    map and their own metrics, as published reports carry their fonts,
    rather than the standard Helvetica a reader knows without embedding."""
    saved = dict(pdfmetrics._fonts)
    pdfmetrics.registerFont(TTFont(REGULAR, "Vera.ttf"))
    pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))
    try:
        yield
    finally:
        pdfmetrics._fonts.clear()
        pdfmetrics._fonts.update(saved)


@dataclass(frozen=True)
class Style:
    font: str
    size: float
    leading: float


BODY = Style(REGULAR, 11, 14)
HEADINGS = {1: Style(BOLD, 16, 19), 2: Style(BOLD, 13, 16), 3: Style(BOLD, 11, 14)}
GRADE = Style(BOLD, 12, 15)
TABLE = Style(REGULAR, 10, 13)
TABLE_HEAD = Style(BOLD, 10, 13)
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
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # x, top, width, bottom
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, top: under table headers


class _Layout:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.pages: list[_Page] = []
        self.toc: list[tuple[str, int, int]] = []  # listed headings, their page index and level
        self.carry: dict[int, list[tuple[int, int]]] = {}  # page index: (note, first line) run on from the page before

    def page(self, i: int) -> _Page:
        while len(self.pages) <= i:
            self.pages.append(_Page())
        return self.pages[i]

    def note_lines(self, k: int) -> list[list[Word]]:
        return wrap(f"{k} {self.doc.footnotes[k]}", RIGHT - LEFT, _style("note", self.doc.plain))

    def own_lines(self, k: int) -> list[list[Word]]:
        """The lines of note k at the foot of its marker's page."""
        lines = self.note_lines(k)
        return lines[:self.doc.note_breaks[k]] if k in self.doc.note_breaks else lines

    def note_height(self, numbers: list[int], page: int | None = None) -> float:
        carried = self.carry.get(page, []) if page is not None else []
        if not numbers and not carried:
            return 0.0
        st = _style("note", self.doc.plain)
        n = sum(len(self.own_lines(k)) for k in numbers)
        n += sum(len(self.note_lines(k)) - first for k, first in carried)
        return 8.0 + n * st.leading

    def limit(self, page: int, extra: list[int] = ()) -> float:
        return BOTTOM - self.note_height(self.page(page).notes + [n for n in extra if n not in self.page(page).notes],
                                         page)

    def add_notes(self, page: int, marks: list[int]) -> None:
        p = self.page(page)
        for m in marks:
            if m in p.notes:
                continue
            p.notes.append(m)
            if m in self.doc.note_breaks and len(self.note_lines(m)) > self.doc.note_breaks[m]:
                self.carry.setdefault(page + 1, []).append((m, self.doc.note_breaks[m]))

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
            self.add_notes(cur[0], marks)
            cur[1] += st.leading

    def flow(self, items: list, cur: list, x: float, width: float, notes_ok: bool = True, toc: bool = True) -> None:
        plain = self.doc.plain
        for item in items:
            if isinstance(item, Heading):
                st = _style("heading", plain, item.level)
                if cur[1] > TOP:
                    cur[1] += SPACE_BEFORE.get(item.level, 6.0)
                listed = toc and item.listed and item.level <= self.doc.toc_levels
                if listed:
                    self.toc.append((_MARK_RE.sub("", item.text), cur[0], item.level))
                lines = wrap(item.text, width, st, plain)
                # keep the heading with two lines of what follows
                needed = (len(lines) - 1) * st.leading + 2 * BODY.leading
                if cur[1] + st.leading + needed > self.limit(cur[0]) and cur[1] > TOP:
                    cur[0], cur[1] = cur[0] + 1, TOP
                    if listed:
                        self.toc[-1] = (self.toc[-1][0], cur[0], item.level)
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
            elif isinstance(item, Box):
                self.box(item, cur, x, width, notes_ok)
                cur[1] += PARA_GAP
            else:
                raise TypeError(f"unknown item {item!r}")

    def table(self, table: Table, cur: list, x: float, width: float, notes_ok: bool) -> None:
        if table.header or table.widths:
            return self.grid(table, cur, x, width, notes_ok)
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
            self.add_notes(cur[0], marks)
            cur[1] += st.leading

    def grid(self, table: Table, cur: list, x: float, width: float, notes_ok: bool) -> None:
        """A table with a header row (bold, ruled off, repeated on each page it
        runs on to) and/or fixed column widths with cells wrapped in them; a
        row is never split across pages."""
        plain = self.doc.plain
        body, head = _style("table", plain), (_style("table", plain) if plain else TABLE_HEAD)
        ncols = max(len(r) for r in table.rows)
        if table.widths:
            shares = table.widths
            xs = [x + width * sum(shares[:i]) for i in range(ncols)]
            cellw = [width * s - CELL_GAP for s in shares]
        else:
            nat = [max((stringWidth(r[i], TABLE_HEAD.font, TABLE_HEAD.size) if i < len(r) else 0)
                       for r in table.rows) for i in range(ncols)]
            gap = max(20.0, min(40.0, (width - sum(nat)) / max(1, ncols - 1)))
            if sum(nat) + gap * (ncols - 1) > width:
                raise ValueError(f"table too wide: {table.rows[0]}")
            xs = [x]
            for w in nat[:-1]:
                xs.append(xs[-1] + w + gap)
            cellw = [w + 1.0 for w in nat]

        def cells(row: list[str], st: Style) -> list[list[list[Word]]]:
            out = []
            for i in range(ncols):
                text = row[i] if i < len(row) else ""
                lines = wrap(text, cellw[i], st, plain) if text.strip() else []
                if any(_width(w, st, plain) > cellw[i] for l in lines for w in l):
                    raise ValueError(f"word too wide for its column: {text!r}")
                out.append(lines)
            return out

        def put(row_cells: list[list[list[Word]]], st: Style, is_head: bool) -> None:
            page = self.page(cur[0])
            for k in range(max(len(c) for c in row_cells)):
                line = [(i, c[k]) for i, c in enumerate(row_cells) if k < len(c)]
                page.ops.append(_Op(x, cur[1] + st.size * 0.8, [w for _, l in line for w in l], st,
                                    cells=[(xs[i], len(l)) for i, l in line]))
                cur[1] += st.leading
            marks = [m for c in row_cells for l in c for w in l for m in w.marks]
            if marks and not notes_ok:
                raise ValueError("footnote markers inside columns are not supported")
            self.add_notes(cur[0], marks)
            if is_head:
                page.rules.append((x, x + width, cur[1] - st.leading + st.size * 0.8 + 4.0))
                cur[1] += ROW_GAP + 2.0
            else:
                cur[1] += ROW_GAP

        rows = table.rows
        head_cells = cells(rows[0], head) if table.header else None
        head_h = (len(max(head_cells, key=len)) * head.leading + ROW_GAP + 2.0) if head_cells else 0.0
        first = True
        for row in rows[1:] if table.header else rows:
            rc = cells(row, body)
            h = max(len(c) for c in rc) * body.leading
            marks = [m for c in rc for l in c for w in l for m in w.marks]
            need = h + (head_h if first else 0.0)
            if cur[1] + need > self.limit(cur[0], marks) and cur[1] > TOP:
                cur[0], cur[1] = cur[0] + 1, TOP
                if head_cells and not first:
                    put(head_cells, head, True)
            if first and head_cells:
                put(head_cells, head, True)
            first = False
            put(rc, body, False)
        cur[1] -= ROW_GAP

    def box(self, box: Box, cur: list, x: float, width: float, notes_ok: bool) -> None:
        """Flow the box's items inset by the padding, then frame what landed
        on each page."""
        if cur[1] > TOP:
            cur[1] += BOX_PAD
        start = cur[0]
        before = {i: len(p.ops) for i, p in enumerate(self.pages)}
        self.flow(box.items, cur, x + BOX_PAD, width - 2 * BOX_PAD, notes_ok, toc=False)
        for i in range(start, cur[0] + 1):
            ops = self.page(i).ops[before.get(i, 0):]
            if not ops:
                continue
            top = min(op.top - op.style.size for op in ops) - BOX_PAD
            bottom = max(op.top + op.style.size * 0.3 for op in ops) + BOX_PAD
            self.page(i).boxes.append((x, top, width, bottom))
        cur[1] += BOX_PAD

    def columns(self, cols: Columns, cur: list, x: float, width: float) -> None:
        colw = (width - GUTTER) / 2
        left, right = list(cur), list(cur)
        self.flow(cols.left, left, x, colw, notes_ok=False, toc=False)
        self.flow(cols.right, right, x + colw + GUTTER, colw, notes_ok=False, toc=False)
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
    if lay.carry:
        lay.page(max(lay.carry))  # a note run on past the last page of text
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
    encrypt = StandardEncryption(*doc.encrypt, canCopy=0, canModify=0) if doc.encrypt else None
    c = Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    if doc.title:
        c.setTitle(doc.title)
    front = 0
    if doc.cover:
        size = 26 if not doc.plain else BODY.size
        font = BOLD if not doc.plain else REGULAR
        c.setFont(font, size)
        title = [doc.cover[0]]
        if stringWidth(doc.cover[0], font, size) > RIGHT - LEFT:
            title = [" ".join(w.text for w in l) for l in wrap(doc.cover[0], RIGHT - LEFT, Style(font, size, size))]
        for k, line in enumerate(title):
            c.drawString(LEFT, PAGE_H - 260 - 32 * k, line)
        drop = 32 * (len(title) - 1)
        c.setFont(REGULAR, 16 if not doc.plain else BODY.size)
        for k, line in enumerate(doc.cover[1:]):
            c.drawString(LEFT, PAGE_H - 300 - drop - 24 * k, line)
        c.showPage()
        front += 1
    roman_from = front
    if doc.contents:
        h = _style("heading", doc.plain, 1)
        per_page = int((BOTTOM - TOP - 40) // TOC_STEP) + 1
        chunks = [lay.toc[k:k + per_page] for k in range(0, len(lay.toc), per_page)] or [[]]
        for n, chunk in enumerate(chunks):
            if n == 0:
                c.setFont(h.font, h.size)
                c.drawString(LEFT, PAGE_H - TOP - h.size, "Contents")
            c.setFont(BODY.font, BODY.size)
            for k, (text, page, level) in enumerate(chunk):
                y = PAGE_H - TOP - 40 - k * TOC_STEP
                indent = 16.0 * (level - 1)
                room = 75 - 3 * (level - 1)
                c.drawString(LEFT + indent, y, text if len(text) <= room else text[:room - 1] + "…")
                c.drawRightString(RIGHT, y, str(page + doc.first_label))
            if doc.front_roman and doc.page_numbers:
                c.setFont(REGULAR, 9 if not doc.plain else BODY.size)
                c.drawCentredString(PAGE_W / 2, PAGE_H - FOOTER_BASE, _roman(n + 1))
            c.showPage()
            front += 1
    if doc.page_labels:
        if doc.front_roman and front > roman_from:
            if roman_from:
                c.addPageLabel(0, prefix="")
            c.addPageLabel(roman_from, style="ROMAN_LOWER", start=1)  # the name: reportlab misreads "r"
        elif front:
            c.addPageLabel(0, prefix="")
        c.addPageLabel(front, style=PDFPageLabel.ARABIC, start=doc.first_label)
    note_st = _style("note", doc.plain)
    for i, page in enumerate(lay.pages):
        label = str(i + doc.first_label)
        c.setFont(REGULAR, 9 if not doc.plain else BODY.size)
        c.drawString(LEFT, PAGE_H - HEADER_BASE, doc.header)
        if doc.page_numbers:
            c.drawCentredString(PAGE_W / 2, PAGE_H - FOOTER_BASE, label)
        for bx, btop, bw, bbottom in page.boxes:
            c.saveState()
            c.setFillGray(0.92)
            c.setStrokeGray(0.45)
            c.setLineWidth(0.75)
            c.rect(bx, PAGE_H - bbottom, bw, bbottom - btop, fill=1, stroke=1)
            c.restoreState()
        for x0, x1, rtop in page.rules:
            c.setLineWidth(0.5)
            c.line(x0, PAGE_H - rtop, x1, PAGE_H - rtop)
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
        carried = lay.carry.get(i, [])
        if page.notes or carried:
            y = BOTTOM - lay.note_height(page.notes, i) + 2
            c.setLineWidth(0.5)
            c.line(LEFT, PAGE_H - y, LEFT + RULE_WIDTH, PAGE_H - y)
            y += 6
            lines = [l for n, first in carried for l in lay.note_lines(n)[first:]]
            lines += [l for n in sorted(page.notes) for l in lay.own_lines(n)]
            for line in lines:
                _draw_words(c, LEFT, y + note_st.size * 0.8, line, note_st, doc.plain)
                y += note_st.leading
        c.showPage()
    c.save()
    return buf.getvalue()


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


# --------------------------------------------------------------------------- the words a description renders

def plain_text(doc: Doc) -> str:
    """The words the description puts on its pages (cover, headings, grades,
    paragraphs, bullets, table cells, boxes, columns, footnotes), markers
    removed; not the contents pages, running headers or page numbers."""
    parts = list(doc.cover)

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, (Heading, Para, Bullet, Grade)):
                parts.append(_MARK_RE.sub("", item.text))
            elif isinstance(item, Table):
                parts.extend(_MARK_RE.sub("", cell) for row in item.rows for cell in row)
            elif isinstance(item, Columns):
                walk(item.left)
                walk(item.right)
            elif isinstance(item, Box):
                walk(item.items)
    for items in doc.pages:
        walk(items)
    parts.extend(doc.footnotes[k] for k in sorted(doc.footnotes))
    return "\n".join(parts)


def word_count(doc: Doc) -> int:
    """Words as ``wc -w`` counts them in ``plain_text``."""
    return len(plain_text(doc).split())


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
