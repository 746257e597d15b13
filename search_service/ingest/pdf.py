"""PDF inspection reports → the same ``Block``s as plain-text reports.

``pdfread.py`` gives every character with its size, boldness and position
(and the page's rules and label). From those this module recovers what a
plain-text extract loses:

- printed page labels: the PDF's /PageLabels when present, else the page
  number printed in the top or bottom margin, else the PDF page number. Pages
  before the first numbered one (cover, contents) are front matter: their
  text feeds metadata but no passages;
- running headers, footers and page numbers are dropped: lines repeated at
  the same place in the margins, and bare numbers there;
- footnotes are the lines at the page bottom under a short rule, or in a
  smaller font, that start with their number; superscript markers (small
  raised digits) are removed from the body;
- reading order: a vertical gutter found from line x positions makes a page
  region two-column, read column by column. The inspectorate's side-by-side
  question summaries (a heading atop each column) run on over several pages,
  so each column is read as one flow across those pages;
- headings are lines bold or larger than the body text, levelled by size
  rank; when fonts say nothing, the plain-text heuristics of ``text.py`` do.

Paragraph text, tables, bullets, grades and page-break continuations then go
through the same helpers as text reports. Reading the file
(``pdfread.read_pdf``: pdfium, with pdfminer as the fallback) is the only I/O
and the only place a PDF library's errors can arise; ``analyse`` is pure,
over plain dataclasses.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from search_service.ingest.pdfread import Glyph, PdfDocument, PdfPage, read_pdf
from search_service.ingest.text import (BULLET_RE, Block, ParsedText, Raw, assign_levels, body_width,
                                        classify_group, finish_tables, footnote_entries, is_grade,
                                        is_question_start, join_continuations, join_lines, merge_tables,
                                        strip_markers)

MARGIN = 0.075  # share of the page height, top and bottom, where running headers and footers live
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?(\d{1,4})(?:\s+of\s+\d{1,4})?$", re.I)
_NOTE_START_RE = re.compile(r"^\d{1,3} \S")
_UNMAPPED_RE = re.compile(r"^(\(cid:\d+\)|[\ue000-\uf8ff])$")  # glyphs without a Unicode name
_CELL_GAP = "   "  # joins cells of one table row, as wide gaps do in plain text


@dataclass
class ParsedPdf(ParsedText):
    text: str = ""  # all text in page order, front matter included: for metadata
    title: str = ""  # document info Title
    labels: list[int | None] = field(default_factory=list)  # printed label per PDF page; None: front matter


# --------------------------------------------------------------------------- lines

@dataclass
class Line:
    text: str  # footnote markers removed
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the font size of most of its characters
    bold: bool
    markers: list[int] = field(default_factory=list)  # superscript footnote markers removed from text
    lead: int | None = None  # a superscript number opening the line (a footnote's own number)


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs sharing a baseline band; superscripts join the line they sit on."""
    rows: list[list] = []  # [top, bottom, size, glyphs]
    for g in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        for r in reversed(rows[-4:]):
            overlap = min(r[1], g.bottom) - max(r[0], g.top)
            if overlap > 0.5 * min(r[1] - r[0], g.bottom - g.top):
                r[3].append(g)
                if g.size > r[2]:
                    r[0], r[1], r[2] = g.top, g.bottom, g.size
                break
        else:
            rows.append([g.top, g.bottom, g.size, [g]])
    return [r[3] for r in rows]


def _segments(row: list[Glyph]) -> list[list[Glyph]]:
    """A row split at gaps wider than about a character: column gutters and
    table cell gaps (0.9 of the type size: a tight table's headers stand
    about one em apart, "Released under  Charged and"; a word space is a
    third of that)."""
    row = sorted(row, key=lambda g: g.x0)
    size = max(g.size for g in row)
    out = [[row[0]]]
    for g in row[1:]:
        if g.x0 - out[-1][-1].x1 > 0.9 * size:
            out.append([])
        out[-1].append(g)
    return out


def make_line(glyphs: list[Glyph]) -> Line:
    """Text of one segment: words split at gaps (space characters are not
    relied on), superscript digits taken out as footnote markers."""
    sizes = Counter(round(g.size, 1) for g in glyphs)
    main = max(sizes, key=lambda s: (sizes[s], s))
    mains = [g for g in glyphs if abs(g.size - main) < 0.6]
    base = statistics.median(g.bottom for g in mains)

    def is_mark(g: Glyph) -> bool:
        return (g.text.isdigit() or g.text == ",") and g.size <= 0.8 * main and g.bottom < base - 0.2 * main

    text, marks, lead = "", [], None
    prev: Glyph | None = None
    run = ""
    for k, g in enumerate(sorted(glyphs, key=lambda g: g.x0)):
        if _UNMAPPED_RE.match(g.text):
            if k > 0:
                continue
            g = replace(g, text="•")  # a symbol-font bullet without a Unicode mapping
        if is_mark(g):
            run += g.text
            continue
        if run:
            numbers = [int(n) for n in re.findall(r"\d+", run)]
            if not text and lead is None and numbers:
                lead = numbers[0]
            else:
                marks += numbers
            run = ""
        if prev is not None and g.x0 - prev.x1 > 0.2 * min(g.size, prev.size):
            text += " "
        text += g.text
        prev = g
    if run:
        marks += [int(n) for n in re.findall(r"\d+", run)]
    return Line(text=text.strip(), x0=min(g.x0 for g in glyphs), x1=max(g.x1 for g in glyphs),
                top=min(g.top for g in mains), bottom=max(g.bottom for g in mains), size=main,
                bold=sum(g.bold for g in mains) >= 0.9 * len(mains), markers=marks, lead=lead)


def page_lines(page: PdfPage) -> list[Line]:
    lines = [make_line(seg) for row in _rows(page.glyphs) for seg in _segments(row)]
    return sorted((l for l in lines if l.text or l.lead is not None), key=lambda l: (l.top, l.x0))


# --------------------------------------------------------------------------- margins and labels

def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < MARGIN * height or line.top > (1 - MARGIN) * height


def running_lines(pages: list[list[Line]], heights: list[float]) -> tuple[list[set[int]], dict[int, int]]:
    """Per page, the indices of header/footer lines (text repeated at the same
    place in the margins on several pages, digits aside, or a bare page
    number there), and the page number printed on each page that has one."""
    def key(l: Line) -> tuple:
        return re.sub(r"\d+", "#", l.text.lower()), round(l.top / 4)

    seen: Counter = Counter()
    for lines, h in zip(pages, heights):
        seen.update({key(l) for l in lines if _in_margin(l, h)})
    need = max(2, min(4, round(0.2 * len(pages))))
    drop: list[set[int]] = []
    numbers: dict[int, int] = {}
    for i, (lines, h) in enumerate(zip(pages, heights)):
        d = set()
        for k, l in enumerate(lines):
            if not _in_margin(l, h):
                continue
            m = _PAGE_NUMBER_RE.match(l.text)
            if m:
                d.add(k)
                numbers.setdefault(i, int(m.group(1)))
            elif seen[key(l)] >= need:
                d.add(k)
        drop.append(d)
    return drop, numbers


def printed_labels(pdf_labels: list[str | None], numbers: dict[int, int]) -> list[int | None]:
    """Printed page number per page: arabic /PageLabels, else the numbers
    found in the margins; pages between numbered ones count on from the one
    before; pages before the first are front matter (None). With no numbers
    at all, the PDF page numbers."""
    n = len(pdf_labels)
    known = {i: int(l) for i, l in enumerate(pdf_labels) if l and l.isascii() and l.isdigit()} or numbers
    if not known:
        return list(range(1, n + 1))
    out: list[int | None] = []
    last: tuple[int, int] | None = None
    for i in range(n):
        if i in known:
            last = (i, known[i])
            out.append(known[i])
        else:
            out.append(last[1] + i - last[0] if last else None)
    return out


# --------------------------------------------------------------------------- footnotes

def _starts_note(l: Line) -> bool:
    return l.lead is not None or bool(_NOTE_START_RE.match(l.text))


def _note_text(l: Line) -> str:
    return f"{l.lead} {l.text}" if l.lead is not None else l.text


def split_notes(lines: list[Line], rules: list[tuple[float, float, float]], body_size: float,
                width: float, height: float) -> tuple[list[Line], list[tuple[int, str]], str]:
    """Separate a page's footnotes: the lines under the lowest short rule in
    the lower part of the page when they start with a number, else a run of
    smaller-font lines at the bottom starting with a number that a body
    marker points to. Unnumbered small lines at the top of the footnote area
    finish the previous page's last note: they are returned apart."""
    start = None
    cont = 0  # lines of a note continued from the previous page
    short = sorted((r for r in rules if r[2] > 0.4 * height and r[1] - r[0] < 0.6 * width), key=lambda r: -r[2])
    for _, _, top in short:
        below = [k for k, l in enumerate(lines) if l.top > top]
        if not below or not all(lines[k].size <= body_size + 0.5 for k in below):
            continue
        first_note = next((k for k in below if _starts_note(lines[k])), None)
        if first_note is None:
            continue
        start, cont = below[0], first_note - below[0]
        break
    if start is None:
        k = len(lines)
        while k > 0 and lines[k - 1].size <= 0.85 * body_size:
            k -= 1
        small = k
        while k < len(lines) and not _starts_note(lines[k]):
            k += 1
        marked = {m for l in lines[:k] for m in l.markers}
        if k < len(lines):
            first = lines[k].lead if lines[k].lead is not None else int(lines[k].text.split()[0])
            if first in marked:
                start, cont = small, k - small
    if start is None:
        return lines, [], ""
    notes, _ = footnote_entries([_note_text(l) for l in lines[start + cont:]])
    if not notes:
        return lines, [], ""
    return lines[:start], notes, join_lines([l.text for l in lines[start:start + cont]])


# --------------------------------------------------------------------------- reading order

@dataclass
class _Content:
    """A numbered page's body lines and footnotes."""
    label: int
    pdf_page: int
    lines: list[Line]
    notes: list[tuple[int, str]]
    floor: float = 0.0  # how far down body text can reach on this page (above any footnotes)


@dataclass
class _Item:
    page: int  # index into the content pages
    flow: tuple | None  # lines of one flow (page, band, column) may form paragraphs together
    line: Line | None  # None: the page's footnotes go here


@dataclass
class _Band:
    kind: str  # full, left, right, double
    left: list[Line]
    right: list[Line] = field(default_factory=list)


def gutter(lines: list[Line]) -> float | None:
    """x of the gap between two columns: at least three column-wide lines
    wholly on each side of the page's middle and a clear gap between them."""
    if len(lines) < 6:
        return None
    lo, hi = min(l.x0 for l in lines), max(l.x1 for l in lines)
    w = hi - lo
    wide = [l for l in lines if 0.3 * w <= l.x1 - l.x0 <= 0.55 * w]
    left = [l for l in wide if l.x1 <= lo + 0.55 * w]
    right = [l for l in wide if l.x0 >= lo + 0.45 * w]
    if len(left) < 3 or len(right) < 3:
        return None
    a, b = max(l.x1 for l in left), min(l.x0 for l in right)
    return (a + b) / 2 if b - a >= 6 else None


def _same_row(a: Line, b: Line) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def merge_rows(lines: list[Line]) -> list[Line]:
    """Segments side by side (table cells, a bullet and its text) become one
    line, cells joined by a wide gap as in plain text."""
    rows: list[list[Line]] = []
    for l in sorted(lines, key=lambda l: (l.top, l.x0)):
        if rows and _same_row(rows[-1][0], l):
            rows[-1].append(l)
        else:
            rows.append([l])
    out = []
    for row in rows:
        row.sort(key=lambda l: l.x0)
        text = row[0].text
        for prev, l in zip(row, row[1:]):
            text += (" " if BULLET_RE.fullmatch(prev.text.strip()) else _CELL_GAP) + l.text
        first = row[0]
        out.append(replace(first, text=text, x1=max(l.x1 for l in row),
                           bold=all(l.bold for l in row), markers=[m for l in row for m in l.markers]))
    return out


def bands(lines: list[Line], g: float | None, heading_like=None) -> list[_Band]:
    """Top-to-bottom runs: full-width lines (crossing the gutter), and between
    them the lines left and right of it. A heading under the end of both
    columns, followed by full-width text, opens that full-width section (its
    short line does not cross the gutter, but it is not a column's)."""
    if g is None:
        return [_Band("full", merge_rows(lines))] if lines else []
    return _lift_tails(_bands(lines, g), heading_like)


def _lift_tails(out: list[_Band], heading_like) -> list[_Band]:
    if heading_like is None:
        return out
    for k in range(len(out) - 1):
        band, nxt = out[k], out[k + 1]
        if band.kind != "double" or nxt.kind != "full":
            continue
        for side, other in (("left", "right"), ("right", "left")):
            lines, others = getattr(band, side), getattr(band, other)
            floor = max(l.bottom for l in others)
            tail = [l for l in lines if l.top > floor]
            if tail and heading_like(tail[0]):
                setattr(band, side, [l for l in lines if l.top <= floor])
                nxt.left = tail + nxt.left
    return out


def _bands(lines: list[Line], g: float) -> list[_Band]:
    out: list[_Band] = []
    run: list[Line] = []
    full: list[Line] = []

    def close_run():
        if run:
            left = [l for l in run if l.x1 <= g]
            right = [l for l in run if l.x1 > g]
            kind = "double" if left and right else ("left" if left else "right")
            out.append(_Band(kind, merge_rows(left), merge_rows(right)))
            run.clear()

    def close_full():
        if full:
            out.append(_Band("full", merge_rows(full)))
            full.clear()

    for l in sorted(lines, key=lambda l: (l.top, l.x0)):
        if l.x0 < g - 2 and l.x1 > g + 2:
            close_run()
            full.append(l)
        else:
            close_full()
            run.append(l)
    close_run()
    close_full()
    return out


def reading_order(pages: list[_Content], heading_like) -> list[_Item]:
    """Lines of all pages in reading order, with a marker after each page's
    text where its footnotes go. Columns are read one after the other. A
    two-column region opened by a heading atop each column is two flows: a
    column that runs to the foot of its page continues at the top of the
    next page, and each flow is read whole before the other."""
    out: list[_Item] = []
    par: dict | None = None  # open side-by-side flows

    def flush():
        nonlocal par
        if par:
            out.extend(par["left"] + par["right"])
            out.extend(_Item(p, None, None) for p in par["notes"])
            par = None

    def runs_on(pi: int, side: str) -> bool:
        end = par["end"].get(side) if par else None
        if end is None or end[0] != pi - 1:
            return False
        return end[1].bottom >= pages[pi - 1].floor - 2.5 * end[1].size

    def add(side: str, lines: list[Line], pi: int, k: int):
        if lines:
            par[side] += [_Item(pi, (pi, k, side), l) for l in lines]
            par["end"][side] = (pi, lines[-1])

    for pi, pg in enumerate(pages):
        going = {s for s in ("left", "right") if runs_on(pi, s)}
        if not going:
            flush()
        g = gutter(pg.lines)
        if g is None and par:
            g = par["gutter"]
        for k, band in enumerate(bands(pg.lines, g, heading_like)):
            if band.kind == "double":
                a, b = band.left[0], band.right[0]
                if abs(a.top - b.top) <= 0.5 * max(a.size, b.size) and heading_like(a) and heading_like(b):
                    flush()
                    par = {"gutter": g, "left": [], "right": [], "notes": [], "end": {}}
                    add("left", band.left, pi, k)
                    add("right", band.right, pi, k)
                    continue
            sides = {"left": band.left, "right": band.right}
            if par and k == 0 and band.kind != "full" and all(s in going for s, ls in sides.items() if ls):
                for s, ls in sides.items():
                    add(s, ls, pi, k)
                continue
            flush()
            out.extend(_Item(pi, (pi, k, "left"), l) for l in band.left)
            out.extend(_Item(pi, (pi, k, "right"), l) for l in band.right)
        if par:
            par["notes"].append(pi)
        else:
            out.append(_Item(pi, None, None))
    flush()
    return out


# --------------------------------------------------------------------------- blocks

def heading_style(l: Line, body_size: float) -> tuple[float, bool] | None:
    """(size, bold) for a line set apart from the body by its font, else None."""
    if _CELL_GAP in l.text or not l.text:
        return None
    if l.size >= body_size + 0.8 or (l.bold and l.size >= body_size - 0.5):
        return round(l.size * 2) / 2, l.bold
    return None


def _units(items: list[_Item], style) -> list[tuple[_Item, list[Line]]]:
    """Paragraph-sized runs of lines: a new one at a flow change, a change of
    style, a gap taller than about half a line, or a bullet."""
    units: list[tuple[_Item, list[Line]]] = []
    for it in items:
        l = it.line
        if units and l is not None and units[-1][0].flow == it.flow and units[-1][1]:
            prev = units[-1][1][-1]
            gap = l.top - prev.bottom
            if style(l) == style(prev) and -2 <= gap <= 0.4 * l.size and not BULLET_RE.match(l.text):
                units[-1][1].append(l)
                continue
        units.append((it, [l] if l is not None else []))
    return units


def _cell_runs(texts: list[str]) -> list[list[str]]:
    """Rows with table cells apart from the plain lines around them (a
    table's caption or unruled header lines), so each is classified alone."""
    runs: list[list[str]] = []
    for t in texts:
        if runs and (_CELL_GAP in t) == (_CELL_GAP in runs[-1][-1]):
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _headingish(text: str) -> bool:
    return 0 < len(text) <= 250 and text[-1:] not in ".;,"


def _demote_cover(raws: list[Raw], styles: dict[int, tuple[float, bool]], first_page: int) -> None:
    """Display lines on the first page in styles used nowhere else are a
    cover that was not set apart as front matter (no page numbers), not
    headings: they become paragraphs instead of pushing every real heading
    down a level."""
    first, later = set(), set()
    for r in raws:
        if id(r) in styles:
            (first if r.pdf_page == first_page else later).add(styles[id(r)])
    unique = first - later
    if unique and later:
        for r in raws:
            if r.pdf_page == first_page and styles.get(id(r)) in unique:
                r.kind = "para"
                del styles[id(r)]


def blocks_from(pages: list[_Content], body_size: float, fonts: bool) -> list[Block]:
    """Blocks in reading order. With font signal, headings are the lines set
    apart by font, levelled by size rank (bold first among equals) and the
    rest classified as text; without, ``text.py`` decides everything."""
    def style(l: Line):
        return heading_style(l, body_size) if fonts else None

    def heading_like(l: Line) -> bool:
        return style(l) is not None if fonts else is_question_start(l.text)

    raws: list[Raw] = []
    styles: dict[int, tuple[float, bool]] = {}
    opened: set[int] = set()  # pages whose first unit has been seen
    for it, lines in _units(reading_order(pages, heading_like), style):
        pg = pages[it.page]
        if it.line is None:
            raws += [Raw("footnote", [t], pg.label, number=n, pdf_page=pg.pdf_page) for n, t in pg.notes]
            continue
        first_on_page = it.page not in opened
        opened.add(it.page)
        texts = [l.text for l in lines]
        st = style(lines[0])
        if st is not None and _headingish(join_lines(texts)):
            raw = Raw("grade" if is_grade(join_lines(texts)) else "heading", texts, pg.label, pdf_page=pg.pdf_page)
            if raw.kind == "heading":
                styles[id(raw)] = st
            raws.append(raw)
        else:
            for run in _cell_runs(texts):
                got = classify_group(run, pg.label, pg.pdf_page, headings=not fonts)
                if not first_on_page:
                    # without fonts, a heading alone in its unit reads as a chapter
                    # question only where chapters begin: at the top of a page
                    for r in got:
                        r.whole_group = False
                raws += got
    _demote_cover(raws, styles, pages[0].pdf_page)
    raws = merge_tables(raws)
    if fonts:
        rank = {s: n for n, s in enumerate(sorted(set(styles.values()), key=lambda s: (-s[0], not s[1])), 1)}
        blocks = [Block(r.kind, join_lines(r.lines), r.page, level=rank.get(styles.get(id(r)), 0),
                        number=r.number, lines=r.lines, pdf_page=r.pdf_page) for r in raws]
    else:
        blocks = assign_levels(raws, body_width([[l.text for l in pg.lines] for pg in pages]))
    full = join_lines([l.text for pg in pages for l in pg.lines])
    return finish_tables(join_continuations(blocks, full))


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter = Counter()
    for lines in pages:
        for l in lines:
            sizes[round(l.size * 2) / 2] += len(l.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_contents(lines: list[Line]) -> bool:
    return bool(lines) and lines[0].text.strip().lower() == "contents"


def analyse(doc: PdfDocument) -> ParsedPdf:
    lines = [page_lines(p) for p in doc.pages]
    drop, numbers = running_lines(lines, [p.height for p in doc.pages])
    labels = printed_labels([p.label for p in doc.pages], numbers)
    body_size = _body_size(lines)
    pages: list[_Content] = []
    for p, ls, d, label in zip(doc.pages, lines, drop, labels):
        kept = [l for k, l in enumerate(ls) if k not in d]
        if label is None or _is_contents(kept):
            continue  # front matter
        body, notes, continued = split_notes(kept, p.rules, body_size, p.width, p.height)
        if continued and pages and pages[-1].notes:  # a note that ran on from the page before
            n, text = pages[-1].notes[-1]
            pages[-1].notes[-1] = (n, join_lines([text, continued]))
        floor = kept[len(body)].top if notes else 0.0
        if notes and not any(l.markers for l in body):
            # markers not set apart by font: take them out as text reports do
            numbers_here = {n for n, _ in notes}
            body = [replace(l, text=strip_markers(l.text, numbers_here)) for l in body]
        pages.append(_Content(label, p.number, body, notes, floor))
    deepest = max((l.bottom for pg in pages for l in pg.lines), default=0.0)
    for pg in pages:
        pg.floor = pg.floor or deepest
    fonts = any(heading_style(l, body_size) for pg in pages for l in pg.lines)
    blocks = blocks_from(pages, body_size, fonts) if pages else []
    first = next((i for i, l in enumerate(labels) if l is not None), None)
    return ParsedPdf(blocks=blocks, pages=len(doc.pages),
                     page_offset=labels[first] - (first + 1) if first is not None else 0,
                     text="\n".join(l.text for ls in lines for l in ls), title=doc.title, labels=labels)


def parse_pdf(path: Path, reader: str | None = None) -> ParsedPdf:
    return analyse(read_pdf(path, reader))
