"""Reading a PDF file: every page's glyphs (character, size, bold, box),
horizontal rules and page label, as plain dataclasses for ``pdf.py``'s
layout analysis. The only I/O of PDF ingest, and the only place a PDF
library's errors can arise.

Two readers give the same ``PdfDocument``:

- **pdfium** (pypdfium2, the default): about three times faster (``python
  -m bench.pdf_readers``). Its numbers are turned into pdfminer's: a glyph's box is its advance wide and its font
  size tall, from the baseline plus the font's descent (the standard fonts'
  descents from pdfminer's own metrics table), in the same rotated, top-down
  page space; rules are painted subpaths' end points, as pdfminer makes them.
- **pdfminer** (through pdfplumber): the reference, and the fallback.

``read_pdf`` uses pdfium and falls back to pdfminer when pdfium cannot open
or read the file (pdfminer then reads it or refuses it in its established
words: encrypted, damaged, no pages), when it finds no text at all (pdfminer
then decides, e.g. "scanned images only"), and when pdfium crashed the
reading process on the file (``sandbox.careful()``: pdfium aborts when an
allocation fails under the sandbox's memory limit). The readers are compared
on every PDF the tests have (tests/test_pdf_readers.py); the differences
allowed there are documented at the top of that file.
"""
from __future__ import annotations

import ctypes
import itertools
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from search_service import sandbox

MAX_PAGES = 2000  # ten times the longest inspection report
READERS = ("pdfium", "pdfminer")
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demibold", re.I)
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})  # pdfium spells them out itself
_BLANK = frozenset(u for u in range(0x3001) if chr(u).isspace())  # what pdfminer's strip() drops
_AGAIN = "Save or export it again as PDF and retry"
_PDFIUM = threading.Lock()  # pdfium is not thread-safe: one call at a time per process


class PdfError(ValueError):
    """A file that is not a readable PDF report; the message says why."""


@dataclass(slots=True)  # not frozen: a frozen dataclass costs five times as much to make, per character
class Glyph:
    text: str
    x0: float
    x1: float
    top: float  # distances from the top of the page
    bottom: float
    size: float
    bold: bool


@dataclass
class PdfPage:
    number: int  # 1-based physical page
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # horizontal: x0, x1, top
    label: str | None = None  # from /PageLabels


@dataclass
class PdfDocument:
    pages: list[PdfPage]
    title: str = ""  # document info Title


def sniff(path: Path) -> None:
    """Refuse what is not a whole PDF before a PDF library sees it: the
    header must open the file and an end-of-file marker close it (a cut-off
    download has none)."""
    with open(path, "rb") as f:
        head = f.read(5)
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 4096))
        tail = f.read()
    if head != b"%PDF-":
        raise PdfError("not a PDF file")
    if b"%%EOF" not in tail:
        raise PdfError("truncated or damaged PDF (no end-of-file marker)")


def read_pdf(path: Path, reader: str | None = None) -> PdfDocument:
    """Glyphs, rules and labels of every page, by pdfium with pdfminer as the
    fallback; ``reader`` ("pdfium" or "pdfminer") forces one (tests and the
    benchmark). Refusals are ``PdfError``s in plain words; a reading limit
    (sandbox.py) stays a ``MemoryError``."""
    if reader not in (None, *READERS):
        raise ValueError(f"unknown PDF reader {reader!r}")
    sniff(path)
    if reader is None and sandbox.careful():
        reader = "pdfminer"  # pdfium crashed the reading process on this file
    if reader != "pdfminer":
        doc = read_pdfium(path)
        if reader == "pdfium":
            if doc is None:
                raise PdfError(f"damaged PDF: its structure cannot be read. {_AGAIN}")
            _check_text(doc)
            return doc
        if doc is not None and _has_text(doc):
            return doc
    doc = read_pdfminer(path)
    _check_text(doc)
    return doc


def _has_text(doc: PdfDocument) -> bool:
    return any(p.glyphs for p in doc.pages)


def _check_text(doc: PdfDocument) -> None:
    if not _has_text(doc):
        raise PdfError("no extractable text (scanned images only?)")


def _check_pages(n: int) -> None:
    if n > MAX_PAGES:
        raise PdfError(f"{n:,} pages; a report may have at most {MAX_PAGES:,}")


def _glyph(text: str, box: tuple[float, float, float, float], height: float, size: float, fontname: str) -> Glyph:
    """A pdfminer glyph from its box in page space (x0, y0, x1, y1, y up):
    ligatures spelled out, y measured from the top of the page."""
    x0, y0, x1, y1 = box
    return Glyph(text.translate(_LIGATURES), x0, x1, height - y1, height - y0, round(size, 2),
                 bool(_BOLD_RE.search(fontname or "")))


def _rule(x0: float, y0: float, x1: float, y1: float, height: float) -> tuple[float, float, float] | None:
    """A horizontal rule (a footnote separator) from a painted subpath's box."""
    return (x0, x1, height - y1) if y1 - y0 <= 2 and x1 - x0 >= 30 else None


# --------------------------------------------------------------------------- pdfminer (the reference)

def read_pdfminer(path: Path) -> PdfDocument:
    """pdfminer's errors on a damaged or encrypted file become a ``PdfError``
    with the reason. The caller has sniffed the file."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise PdfError(f"damaged PDF: it has no pages. {_AGAIN}")
            _check_pages(len(pdf.pages))
            labels = _pdfminer_labels(pdf.doc, len(pdf.pages))
            pages = []
            for i, page in enumerate(pdf.pages):
                pages.append(_pdfminer_page(page, i + 1, labels[i]))
                page.close()
            title = pdf.metadata.get("Title") or ""
    except (PdfError, MemoryError):  # MemoryError: a reading limit (sandbox.py), not damage
        raise
    except Exception as e:  # pdfminer raises many types on malformed input
        cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e  # pdfplumber wraps them
        if isinstance(cause, MemoryError):
            raise MemoryError() from e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise PdfError("encrypted PDF (needs a password)") from e
        # the parser's own words ("PSSyntaxError: ...") mean nothing to the
        # person uploading; they stay in the exception chain for the logs
        raise PdfError(f"damaged PDF: its structure cannot be read. {_AGAIN}") from e
    return PdfDocument(pages, title.strip() if isinstance(title, str) else "")


def _pdfminer_labels(doc, n: int) -> list[str | None]:
    try:
        labels = list(itertools.islice(doc.get_page_labels(), n))
        return labels + [None] * (n - len(labels))
    except Exception:  # no /PageLabels, or a malformed tree: fall back to printed numbers
        return [None] * n


def _pdfminer_page(page, number: int, label: str | None) -> PdfPage:
    """Walk pdfminer's layout of the page (pdfplumber's per-character dicts
    cost more than the parsing itself); drop overprinted duplicates."""
    from pdfminer.layout import LTChar, LTCurve

    layout = page.layout
    height = layout.y1
    glyphs: dict[tuple, Glyph] = {}
    rules = []
    stack = list(layout)
    while stack:
        o = stack.pop()
        if isinstance(o, LTChar):
            text = o.get_text()
            if not text.strip() or not o.upright:
                continue
            g = _glyph(text, o.bbox, height, float(o.size or 0) or max(0.1, o.height), o.fontname)
            glyphs.setdefault((g.text, round(g.x0), round(g.top)), g)
        elif isinstance(o, LTCurve):  # lines and rectangles too
            rule = _rule(*o.bbox, height)
            if rule:
                rules.append(rule)
        elif hasattr(o, "__iter__"):
            stack.extend(o)
    return PdfPage(number, float(page.width), float(page.height), list(glyphs.values()), rules, label)


# --------------------------------------------------------------------------- pdfium (the default)

class _Unreadable(Exception):
    """pdfium could not open or read the file (pdfminer is asked instead)."""


class _Calls:
    """The pdfium functions this reader calls, declared with plain pointers:
    pypdfium2's typed handles cost several times the call itself, and a page
    has thousands of characters. The four called for every character take
    no declared arguments at all (``bare``: a third less again; they get an
    int index and ready-made pointer objects only)."""

    def __init__(self, pdfium):
        V, I, F = ctypes.c_void_p, ctypes.c_int, ctypes.c_float

        def fast(name, result, *args):
            return ctypes.CFUNCTYPE(result, *args)(ctypes.cast(getattr(pdfium, name), V).value)

        def bare(name, result):
            fn = ctypes.CFUNCTYPE(result)(ctypes.cast(getattr(pdfium, name), V).value)
            fn.argtypes = None
            return fn

        self.load_document = fast("FPDF_LoadDocument", V, ctypes.c_char_p, ctypes.c_char_p)
        self.close_document = fast("FPDF_CloseDocument", None, V)
        self.page_count = fast("FPDF_GetPageCount", I, V)
        self.meta_text = fast("FPDF_GetMetaText", ctypes.c_ulong, V, ctypes.c_char_p, V, ctypes.c_ulong)
        self.page_label = fast("FPDF_GetPageLabel", ctypes.c_ulong, V, I, V, ctypes.c_ulong)
        self.load_page = fast("FPDF_LoadPage", V, V, I)
        self.close_page = fast("FPDF_ClosePage", None, V)
        self.media_box = fast("FPDFPage_GetMediaBox", I, V, V, V, V, V)
        self.crop_box = fast("FPDFPage_GetCropBox", I, V, V, V, V, V)
        self.bounding_box = fast("FPDF_GetPageBoundingBox", I, V, V)
        self.rotation = fast("FPDFPage_GetRotation", I, V)
        self.load_text = fast("FPDFText_LoadPage", V, V)
        self.close_text = fast("FPDFText_ClosePage", None, V)
        self.count_chars = fast("FPDFText_CountChars", I, V)
        self.hyphen = fast("FPDFText_IsHyphen", I, V, I)
        self.each_unicode = bare("FPDFText_GetUnicode", ctypes.c_uint)
        self.each_unmapped = bare("FPDFText_HasUnicodeMapError", I)
        self.each_text_object = bare("FPDFText_GetTextObject", V)
        self.each_origin = bare("FPDFText_GetCharOrigin", I)
        self.each_char_matrix = bare("FPDFText_GetMatrix", I)
        self.each_font_size = bare("FPDFText_GetFontSize", ctypes.c_double)
        self.each_font = bare("FPDFTextObj_GetFont", V)
        self.loose_box = fast("FPDFText_GetLooseCharBox", I, V, I, V)
        self.glyph_width = fast("FPDFFont_GetGlyphWidth", I, V, ctypes.c_uint32, F, V)
        self.font_name = fast("FPDFFont_GetBaseFontName", ctypes.c_size_t, V, V, ctypes.c_size_t)
        self.ascent = fast("FPDFFont_GetAscent", I, V, F, V)
        self.descent = fast("FPDFFont_GetDescent", I, V, F, V)
        self.count_objects = fast("FPDFPage_CountObjects", I, V)
        self.page_object = fast("FPDFPage_GetObject", V, V, I)
        self.object_type = fast("FPDFPageObj_GetType", I, V)
        self.bounds = fast("FPDFPageObj_GetBounds", I, V, V, V, V, V)
        self.object_matrix = fast("FPDFPageObj_GetMatrix", I, V, V)
        self.count_form_objects = fast("FPDFFormObj_CountObjects", I, V)
        self.form_object = fast("FPDFFormObj_GetObject", V, V, ctypes.c_ulong)
        self.draw_mode = fast("FPDFPath_GetDrawMode", I, V, V, V)
        self.count_segments = fast("FPDFPath_CountSegments", I, V)
        self.segment = fast("FPDFPath_GetPathSegment", V, V, I)
        self.segment_type = fast("FPDFPathSegment_GetType", I, V)
        self.segment_point = fast("FPDFPathSegment_GetPoint", I, V, V, V)
        self.FORM, self.PATH = pdfium.FPDF_PAGEOBJ_FORM, pdfium.FPDF_PAGEOBJ_PATH
        self.MOVETO, self.BEZIERTO = pdfium.FPDF_SEGMENT_MOVETO, pdfium.FPDF_SEGMENT_BEZIERTO
        self.RECT, self.MATRIX = pdfium.FS_RECTF, pdfium.FS_MATRIX


_calls: _Calls | None = None


def read_pdfium(path: Path) -> PdfDocument | None:
    """The document as pdfium reads it, or None when it cannot (damaged,
    encrypted, or a page it fails to load). Refusals that do not depend on
    the reader (too many pages) are ``PdfError``s."""
    global _calls
    with _PDFIUM:
        if _calls is None:
            import pypdfium2.raw  # importing pypdfium2 initialises the library

            _calls = _Calls(pypdfium2.raw)
        fn = _calls
        doc = fn.load_document(os.fsencode(path), None)
        if not doc:
            return None
        try:
            n = fn.page_count(doc)
            if n < 1:
                return None
            _check_pages(n)
            pages = [_pdfium_page(fn, doc, i) for i in range(n)]
            return PdfDocument(pages, (_utf16(fn.meta_text, doc, b"Title") or "").strip())
        except _Unreadable:
            return None
        finally:
            fn.close_document(doc)


def _utf16(getter, *args) -> str | None:
    """A string from one of pdfium's two-call getters (None if absent)."""
    n = getter(*args, None, 0)
    if n <= 2:
        return None
    buf = ctypes.create_string_buffer(n)
    getter(*args, buf, n)
    return buf.raw[:n - 2].decode("utf-16-le", errors="replace")


def _mul(m1: tuple, m0: tuple) -> tuple:
    """m1 then m0 (row vectors, as in the PDF specification and pdfminer)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a1 * a0 + b1 * c0, a1 * b0 + b1 * d0, c1 * a0 + d1 * c0, c1 * b0 + d1 * d0,
            e1 * a0 + f1 * c0 + e0, e1 * b0 + f1 * d0 + f0)


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _page_space(fn: _Calls, page) -> tuple[tuple, float, float]:
    """pdfminer's page space: the media box's corner at 0, 0 and the page's
    /Rotate applied (text that reads upright on screen is upright); the
    matrix from PDF space into it, and its width and height."""
    box = [ctypes.c_float() for _ in range(4)]
    edges = [ctypes.addressof(v) for v in box]
    if fn.media_box(page, *edges):
        x0, y0, x1, y1 = (v.value for v in box)
    elif fn.crop_box(page, *edges):
        raise _Unreadable()  # an inherited media box under the page's crop box: pdfium tells only their overlap
    else:
        # inherited from the page tree (pdfium's box getters read the page's
        # own only): the page's bounding box is the media box, unless a crop
        # box is inherited too
        rect = fn.RECT()
        if not fn.bounding_box(page, ctypes.addressof(rect)):
            raise _Unreadable()
        x0, y0, x1, y1 = rect.left, rect.bottom, rect.right, rect.top
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    rotate = fn.rotation(page) * 90
    ctm = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
           270: (0, 1, -1, 0, y1, -x0)}.get(rotate, (1, 0, 0, 1, -x0, -y0))
    w, h = x1 - x0, y1 - y0
    return ctm, (h if rotate in (90, 270) else w), (w if rotate in (90, 270) else h)


def _pdfium_page(fn: _Calls, doc, index: int) -> PdfPage:
    page = fn.load_page(doc, index)
    if not page:
        raise _Unreadable()
    try:
        ctm, width, height = _page_space(fn, page)
        text = fn.load_text(page)
        if not text:
            raise _Unreadable()
        try:
            glyphs = _pdfium_glyphs(fn, text, ctm, height)
        finally:
            fn.close_text(text)
        rules = _pdfium_rules(fn, page, ctm, height)
    finally:
        fn.close_page(page)
    return PdfPage(index + 1, width, height, glyphs, rules, _utf16(fn.page_label, doc, index))


@dataclass
class _Run:
    """What the characters of one text object share."""
    pdfium: tuple  # text space → PDF space, linear part (pdfium's loose boxes are in it)
    matrix: tuple  # text space → pdfminer's page space, linear part
    upright: bool  # as pdfminer decides it (in its page space)
    size: float  # the font size set by Tf
    low: float  # pdfminer's descent at this size (text space)
    tall: float  # pdfium's ascent minus descent at this size (its loose box's height in text space)
    bold: bool  # by the font's name, as pdfminer's fontname is read
    simple: bool  # no rotation or skew: the common case, computed without the general matrix product
    font: int  # pdfium's handle
    widths: dict  # character -> advance per unit of size (0.0: unknown), shared by the runs of a font
    lower: float = 0.0  # simple runs: the box's bottom and top over the baseline
    upper: float = 0.0


class _Runs:
    """The runs of one page's text objects: one per matrix, font and size
    (pages have thousands of text objects and a few of these)."""

    def __init__(self, fn: _Calls, page, ctm: tuple):
        self.fn, self.page, self.ctm = fn, page, ctm
        self.by_object: dict = {}
        self.shared: dict = {}
        self.fonts: dict = {}
        self.matrix = fn.MATRIX()
        self.pointer = ctypes.pointer(self.matrix)

    def of(self, k: int, obj) -> _Run:
        """The run of character ``k``, of text object ``obj``."""
        fn, m = self.fn, self.matrix
        fn.each_char_matrix(self.page, k, self.pointer)
        font = fn.each_font(ctypes.c_void_p(obj))
        size = fn.each_font_size(self.page, k)
        own = (m.a, m.b, m.c, m.d)
        key = (own, font, size)
        run = self.shared.get(key)
        if run is None:
            a, b, c, d, _, _ = _mul((*own, 0, 0), self.ctm)
            if font not in self.fonts:
                self.fonts[font] = _font(fn, font)
            name, descent, extent, widths = self.fonts[font]
            low = descent * size
            run = self.shared[key] = _Run(own, (a, b, c, d), a * d > 0 and b * c <= 0, size, low, extent * size,
                                          bool(_BOLD_RE.search(name)), b == 0 and c == 0, font, widths, d * low,
                                          d * (low + size))
        self.by_object[obj] = run
        return run


def _font(fn: _Calls, font) -> tuple[str, float, float, dict]:
    """Base font name; pdfminer's descent per unit of size (the standard 14
    fonts' from its metrics table, as pdfminer takes them, else the font
    descriptor's); pdfium's ascent minus descent per unit of size; an empty
    table of advance widths."""
    from pdfminer.fontmetrics import FONT_METRICS

    name = ""
    ascent, descent = ctypes.c_float(), ctypes.c_float()
    if font:
        n = fn.font_name(font, None, 0)
        buf = ctypes.create_string_buffer(max(n, 1))
        fn.font_name(font, buf, n)
        name = buf.value.decode("latin-1")
        fn.ascent(font, 1000.0, ctypes.addressof(ascent))
        fn.descent(font, 1000.0, ctypes.addressof(descent))
    mine = FONT_METRICS[name][0].get("Descent", 0) if name in FONT_METRICS else descent.value
    return name, -abs(mine) / 1000, (ascent.value - descent.value) / 1000, {}


def _pdfium_glyphs(fn: _Calls, text, ctm: tuple, height: float) -> list[Glyph]:
    """Each character's box as pdfminer makes it: from its origin on the
    baseline, its advance (the font's width of the character) along the text
    and the font size across it, starting at the font's descent. The letters
    pdfium splits a glyph into (a ligature, or a glyph mapped to several
    letters) share its origin: they become one glyph again. (The hot loop of
    PDF ingest: names are local.)"""
    n = fn.count_chars(text)
    x, y = ctypes.c_double(), ctypes.c_double()
    px, py = ctypes.pointer(x), ctypes.pointer(y)
    page = ctypes.c_void_p(text)
    unicode, unmapped, text_object, origin = fn.each_unicode, fn.each_unmapped, fn.each_text_object, fn.each_origin
    runs = _Runs(fn, page, ctm)
    by_object = runs.by_object
    glyphs: dict[tuple, Glyph] = {}
    last_obj = last_x = last_y = last_key = last_glyph = None  # the previous character's
    ca, cb, cc, cd, ce, cf = ctm
    for k in range(n):
        u = unicode(page, k)
        if u in _BLANK:
            continue  # spaces and line ends, pdfium's own too
        if u == 2 and fn.hyphen(text, k):
            ch = "-"  # pdfium's mark of a hyphen that ends a line
        elif unmapped(page, k) or not u or 0xD800 <= u <= 0xDFFF or u > 0x10FFFF:
            ch = f"(cid:{u})"  # no Unicode for the glyph: named as pdfminer names it
        else:
            ch = chr(u)
        obj = text_object(page, k)
        run = by_object.get(obj)
        if run is None:
            run = runs.of(k, obj)
        if not run.upright:
            continue
        origin(page, k, px, py)
        qx, qy = x.value, y.value
        if obj == last_obj and qx == last_x and qy == last_y:  # another letter of the same glyph
            last_key = _join(fn, text, k, ch, last_key, last_glyph, glyphs, ctm)
            continue
        width = run.widths.get(ch)
        if width is None:
            width = run.widths[ch] = _width(fn, text, k, run, ch, qx)
        adv = width * run.size if width else _loose_advance(fn, text, k, run)
        ox, oy = ca * qx + cc * qy + ce, cb * qx + cd * qy + cf
        if run.simple:  # no rotation or skew: the box without the general product
            a, d = run.matrix[0], run.matrix[3]
            x0, x1 = (ox, ox + a * adv) if a > 0 else (ox + a * adv, ox)
            y0, y1 = (oy + run.lower, oy + run.upper) if d > 0 else (oy + run.upper, oy + run.lower)
        else:
            x0, y0, x1, y1 = _char_box(run, ox, oy, adv)
        top = height - y1
        last_obj, last_x, last_y, last_key, last_glyph = obj, qx, qy, (ch, round(x0), round(top)), None
        if last_key not in glyphs:  # overprinted duplicates (a bold effect) once
            last_glyph = glyphs[last_key] = Glyph(ch, x0, x1, top, height - y0, round((y1 - y0) or 0.1, 2), run.bold)
    return list(glyphs.values())


def _char_box(run: _Run, ox: float, oy: float, adv: float) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 (y up) of a character at origin ``ox, oy`` in pdfminer's
    page space: its advance by the font size from the descent, transformed
    (the upright box around it, as pdfminer's apply_matrix_rect)."""
    a, b, c, d = run.matrix
    lo, hi = run.low, run.low + run.size
    xs = (ox + c * lo, ox + c * hi, ox + a * adv + c * lo, ox + a * adv + c * hi)
    ys = (oy + d * lo, oy + d * hi, oy + b * adv + d * lo, oy + b * adv + d * hi)
    return min(xs), min(ys), max(xs), max(ys)


def _join(fn: _Calls, text, k: int, ch: str, key: tuple, g: Glyph | None, glyphs: dict, ctm: tuple) -> tuple:
    """Add letter ``ch`` to glyph ``g`` (kept under ``key``), the one before it
    at the same origin: one glyph, as pdfminer reads it, as wide as pdfium's
    loose box (the advance of the glyph itself, not of its first letter).
    Returns its key."""
    if g is None or glyphs.get(key) is not g:
        return key  # a duplicate that was not kept
    del glyphs[key]
    box = fn.RECT()
    fn.loose_box(text, k, ctypes.addressof(box))
    g.text += ch
    g.x1 = max([g.x1] + [_apply(ctm, px, py)[0] for px in (box.left, box.right) for py in (box.bottom, box.top)])
    key = (g.text, key[1], key[2])
    glyphs.setdefault(key, g)
    return key


def _width(fn: _Calls, text, k: int, run: _Run, ch: str, qx: float) -> float:
    """The font's advance width of a character per unit of size (pdfium looks
    the character code up from the Unicode value), or 0.0 when pdfium cannot
    say. Checked against the loose box of its first use, which covers the
    advance: a code looked up wrongly (a CID font without the character in
    its map gives the default width) does not stretch the glyph."""
    w = ctypes.c_float()
    if len(ch) != 1 or not run.font or not fn.glyph_width(run.font, ord(ch), 1000.0, ctypes.addressof(w)):
        return 0.0
    width = max(w.value, 0.0) / 1000
    if run.simple and run.pdfium[0] > 0:
        box = fn.RECT()
        fn.loose_box(text, k, ctypes.addressof(box))
        if qx + width * run.size * run.pdfium[0] > box.right + 0.01 * run.size:
            return 0.0
    return width


def _loose_advance(fn: _Calls, text, k: int, run: _Run) -> float:
    """The advance from pdfium's loose box (the advance by its own ascent
    to descent, transformed: |a| adv + |c| tall wide, |b| adv + |d| tall high)."""
    box = fn.RECT()
    fn.loose_box(text, k, ctypes.addressof(box))
    ua, ub, uc, ud = run.pdfium
    if abs(ua) >= abs(ub):
        adv = (box.right - box.left - abs(uc) * run.tall) / abs(ua) if ua else 0.0
    else:
        adv = (box.top - box.bottom - abs(ud) * run.tall) / abs(ub)
    return max(adv, 0.0)


def _pdfium_rules(fn: _Calls, page, ctm: tuple, height: float) -> list[tuple[float, float, float]]:
    """Painted subpaths (each begun by a move, as pdfminer splits them)
    whose end points span a flat box: at most 2 high and at least 30 wide."""
    rules: list = []
    stack = [(fn.page_object(page, k), ctm, True) for k in range(fn.count_objects(page))]
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    edges = [ctypes.addressof(v) for v in (l, b, r, t)]
    m = fn.MATRIX()
    pm = ctypes.addressof(m)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    px, py = ctypes.c_float(), ctypes.c_float()
    while stack:
        obj, outer, top_level = stack.pop()
        kind = fn.object_type(obj)
        if kind == fn.FORM:
            fn.object_matrix(obj, pm)
            inner = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            stack.extend((fn.form_object(obj, k), inner, False) for k in range(fn.count_form_objects(obj)))
            continue
        if kind != fn.PATH:
            continue
        if top_level and fn.bounds(obj, *edges) and \
                (abs(r.value - l.value) if ctm[0] else abs(t.value - b.value)) < 29:
            continue  # too short for a rule across the page as shown (the bounds include the line width)
        if not fn.draw_mode(obj, ctypes.addressof(fill), ctypes.addressof(stroke)) or \
                not (fill.value or stroke.value):
            continue
        fn.object_matrix(obj, pm)
        full = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        points: list[tuple[float, float]] = []
        curve = 0
        for s in range(fn.count_segments(obj)):
            seg = fn.segment(obj, s)
            kind = fn.segment_type(seg)
            if kind == fn.MOVETO:
                _add_rule(rules, points, height)
                points, curve = [], 0
            elif kind == fn.BEZIERTO:
                curve += 1
                if curve % 3:
                    continue  # a control point: pdfminer bounds curves by their end points
            fn.segment_point(seg, ctypes.addressof(px), ctypes.addressof(py))
            points.append(_apply(full, px.value, py.value))
        _add_rule(rules, points, height)
    return rules


def _add_rule(rules: list, points: list[tuple[float, float]], height: float) -> None:
    if len(points) >= 2:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        rule = _rule(min(xs), min(ys), max(xs), max(ys), height)
        if rule:
            rules.append(rule)
