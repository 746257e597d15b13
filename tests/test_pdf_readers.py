"""The two PDF readers of ``ingest/pdfread.py`` read the same reports.

pdfium (pypdfium2) is the default; pdfminer is the reference and the
fallback. Every PDF the tests have is read by both: the committed fixtures
(every ``tests/fixtures/*.pdf``), the seed report rendered as a PDF, Fenmoor
without page labels, without page numbers and without any font signal; and,
made here for what those lack, the kinds of file published reports are:
TrueType fonts embedded as subsets (reportlab), composite Type0 (Identity-H)
fonts as Word writes them (written by pdfium), pages drawn as form XObjects
on pages turned by /Rotate or with their media box away from 0, 0, a media
box inherited from the page tree, a permissions-only encrypted file, and a
glyph mapped to two letters (a ligature) beside a glyph with no Unicode
name.

For each: ``ingest`` gives the same Report, passages and notes with either
reader (compared whole: headings, pages, text, judgments, findings,
metadata), and the documents agree glyph by glyph (text, size, boldness,
position), rule by rule, and in page labels, sizes and title. The only
differences allowed, each from what the readers themselves do:

- Positions within ``X_TOLERANCE`` across and ``Y_TOLERANCE`` down the page:
  pdfium keeps glyph widths and font descents in whole thousandths of an em
  while pdfminer takes a PDF's fractional ones as they are (reportlab's
  embedded TrueType fonts have them), so pdfium's origins drift along a line
  (0.7 pt by the end of Fenmoor's longest lines). Where widths are whole
  (the standard fonts, Word's), the readers agree to 0.001 pt.
- A glyph pdfminer cannot name and pdfium can: pdfminer's "(cid:N)", with no
  width, where pdfium has the character (reportlab's bullet is code 127,
  undefined in WinAnsi; pdfium reads it as "•" as viewers do). ``pdf.py``
  reads pdfminer's as a bullet too, so the passages still agree.

Where pdfminer itself misreads a file (a standard font given a ligature by
/Differences has no width for it in pdfminer, which then interleaves the
letters), pdfium is right and the files here avoid the case.
"""
from __future__ import annotations

import ctypes
import dataclasses
import importlib.util
import io
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import reportlab

from bench import hostile
from search_service.ingest import IngestError, ingest
from search_service.ingest.pdf import page_lines
from search_service.ingest.pdfread import READERS, PdfDocument, PdfError, read_pdf, read_pdfium
from tests import pdfgen
from tests.conftest import FIXTURES, SEED_CORPUS, SEED_ID

X_TOLERANCE = 1.0  # pt: pdfium's whole-thousandth widths drift along a line (see above)
Y_TOLERANCE = 0.05  # pt: pdfium's whole-thousandth descents
FENMOOR = FIXTURES / "peel-2017-fenmoor.pdf"


# --------------------------------------------------------------------------- the PDFs

def _builder(stem: str):
    """A committed fixture's description (tests/fixtures/make_<stem>_pdf.py)."""
    path = FIXTURES / f"make_{stem}_pdf.py"
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.DOC


def _seed() -> bytes:
    text = (SEED_CORPUS / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    return pdfgen.render(pdfgen.doc_from_text(text, "PEEL: Police effectiveness 2015 – West Midlands Police",
                                              ["PEEL: Police effectiveness 2015",
                                               "An inspection of West Midlands Police", "February 2016"]))


def _truetype(stem: str) -> bytes:
    with pdfgen.truetype_fonts():
        return pdfgen.render(_builder(stem))


def type0_copy(src: Path) -> bytes:
    """``src`` set again line by line in Bitstream Vera embedded by pdfium as
    composite fonts (Type0, Identity-H, a ToUnicode map: what Word writes),
    each line one text object squeezed to its original width (so the
    matrix is not a plain scale), rules as stroked paths."""
    doc = read_pdf(src, "pdfminer")
    pdf = pdfium.PdfDocument.new()
    fonts, keep = {}, []
    for bold, name in ((False, "Vera.ttf"), (True, "VeraBd.ttf")):
        data = (Path(reportlab.__file__).parent / "fonts" / name).read_bytes()
        keep.append((ctypes.c_uint8 * len(data)).from_buffer_copy(data))
        fonts[bold] = pdfium_c.FPDFText_LoadFont(pdf, keep[-1], len(data), pdfium_c.FPDF_FONT_TRUETYPE, True)
    bounds = [ctypes.c_float() for _ in range(4)]
    for p in doc.pages:
        page = pdf.new_page(p.width, p.height)
        for line in page_lines(p):
            text = f"{line.lead} {line.text}" if line.lead is not None else line.text
            obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf, fonts[line.bold], line.size)
            wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(ctypes.c_ushort)))
            pdfium_c.FPDFPageObj_GetBounds(obj, *bounds)
            squeeze = min(1.0, (line.x1 - line.x0) / max(bounds[2].value - bounds[0].value, 0.1))
            pdfium_c.FPDFPageObj_Transform(obj, squeeze, 0, 0, 1, line.x0, p.height - line.bottom + 0.21 * line.size)
            pdfium_c.FPDFPage_InsertObject(page, obj)
        for x0, x1, top in p.rules:
            path = pdfium_c.FPDFPageObj_CreateNewPath(x0, p.height - top)
            pdfium_c.FPDFPath_LineTo(path, x1, p.height - top)
            pdfium_c.FPDFPath_SetDrawMode(path, 0, True)
            pdfium_c.FPDFPageObj_SetStrokeWidth(path, 0.5)
            pdfium_c.FPDFPage_InsertObject(page, path)
        pdfium_c.FPDFPage_GenerateContent(page)
    return _saved(pdf)


def placed_copy(src: Path, rotate: int, offset: tuple[float, float] = (0.0, 0.0)) -> bytes:
    """Each page of ``src`` drawn as a form XObject on a page turned by
    /Rotate ``rotate`` (the drawing turned back, so the page shows as before:
    a landscape page set upright) whose media box starts at ``offset``."""
    src_pdf = pdfium.PdfDocument(src)
    pdf = pdfium.PdfDocument.new()
    for i in range(len(src_pdf)):
        w, h = src_pdf.get_page_size(i)
        turned = rotate in (90, 270)
        page = pdf.new_page(*((h, w) if turned else (w, h)))
        obj = src_pdf.page_as_xobject(i, pdf).as_pageobject()
        obj.transform({0: pdfium.PdfMatrix(), 90: pdfium.PdfMatrix(0, 1, -1, 0, h, 0),
                       180: pdfium.PdfMatrix(-1, 0, 0, -1, w, h), 270: pdfium.PdfMatrix(0, -1, 1, 0, 0, w)}[rotate])
        obj.transform(pdfium.PdfMatrix(1, 0, 0, 1, *offset))
        page.insert_obj(obj)
        page.gen_content()
        page.set_mediabox(offset[0], offset[1], offset[0] + (h if turned else w), offset[1] + (w if turned else h))
        page.set_rotation(rotate)
    return _saved(pdf)


def _saved(pdf) -> bytes:
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def ligatures() -> bytes:
    """Lines in a TrueType font (not embedded; widths and descent given)
    whose codes 1 and 2 are the fi and fl ligatures, mapped by ToUnicode to
    two letters each, and code 3 a glyph with no Unicode name."""
    from pdfminer.fontmetrics import FONT_METRICS

    afm = FONT_METRICS["Helvetica"][1]
    widths = [{1: 500, 2: 500, 3: 556}.get(code) or afm.get(bytes([code]).decode("cp1252", "replace"), 0)
              for code in range(1, 256)]
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Ligatures def "
            b"/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"2 beginbfchar <01> <00660069> <02> <0066006C> endbfchar endcmap "
            b"CMapName currentdict /CMap defineresource pop end end")
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /ArialMT /FirstChar 1 /LastChar 255 /Widths ["
            + b" ".join(b"%d" % w for w in widths) + b"] /FontDescriptor 5 0 R /ToUnicode 4 0 R /Encoding "
            b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi 2 /fl 3 /g123] >> >>")
    descriptor = (b"<< /Type /FontDescriptor /FontName /ArialMT /Flags 32 /FontBBox [-665 -325 2000 1006] "
                  b"/ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>")
    lines = [b"Introduction", b"The \\001rst \\002oor o\\146\\001ce of the force", b"an unnamed \\003 glyph in a line",
             b"Ef\\001cient \\001nance and the \\002ow of work", b"Summary of \\001ndings"]
    content = b"BT /F1 11 Tf 72 760 Td 14 TL\n" + b"\n".join(b"(" + l + b") Tj T*" for l in lines) + b"\nET"
    return hostile.pdf([content], font=font,
                       extra=(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream", descriptor))


def inherited_media_box() -> bytes:
    """Pages whose media box, away from 0, 0, is given once on the page tree
    (pdfium's own box getters read only a page's own)."""
    sentences = hostile.seed_sentences(30)
    pages = [hostile.text_page([f"Part {n + 1}", *sentences[10 * n:10 * n + 10]]) for n in range(3)]
    return hostile.pdf(pages, media_box=b"[10 20 605 862]", inherited=True)


def _variant(**changes) -> bytes:
    return pdfgen.render(dataclasses.replace(_builder("fenmoor"), **changes))


MADE = {
    "seed": _seed,
    "fenmoor-no-page-labels": lambda: _variant(page_labels=False),
    "fenmoor-no-page-numbers": lambda: _variant(page_labels=False, page_numbers=False),
    "fenmoor-no-font-signal": lambda: _variant(plain=True),
    "fenmoor-copying-restricted": lambda: _variant(encrypt=("", "owner")),
    "fenmoor-truetype": lambda: _truetype("fenmoor"),
    "brackenshire-truetype": lambda: _truetype("peel-2018-19-brackenshire"),
    "fenmoor-type0": lambda: type0_copy(FENMOOR),
    "northshire-type0": lambda: type0_copy(FIXTURES / "peel-2023-25-northshire.pdf"),
    "fenmoor-turned-90-moved": lambda: placed_copy(FENMOOR, 90, (36.0, -20.0)),
    "fenmoor-turned-270": lambda: placed_copy(FENMOOR, 270),
    "ligatures": ligatures,
    "inherited-media-box": inherited_media_box,
}
COMMITTED = sorted(FIXTURES.glob("*.pdf"))
CASES = [p.name for p in COMMITTED] + list(MADE)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """name -> path of each PDF, made on first use (named as its report is,
    so that its metadata is read as from the original)."""
    folder = tmp_path_factory.mktemp("readers")
    paths = {p.name: p for p in COMMITTED}

    def get(name: str) -> Path:
        if name not in paths:
            path = folder / name / ("peel-2017-fenmoor.pdf" if name.startswith("fenmoor") else f"{name}.pdf")
            path.parent.mkdir()
            path.write_bytes(MADE[name]())
            paths[name] = path
        return paths[name]
    return get


# --------------------------------------------------------------------------- comparing

def glyph_differences(a: PdfDocument, b: PdfDocument) -> list[str]:
    """What differs between two readings of one file beyond the allowed
    (module docstring), in words; [] when they agree."""
    out = []
    if (a.title, len(a.pages)) != (b.title, len(b.pages)):
        out.append(f"title and pages: {a.title!r}, {len(a.pages)} != {b.title!r}, {len(b.pages)}")
    for pa, pb in zip(a.pages, b.pages):
        where = f"page {pa.number}"
        if (pa.label or None) != (pb.label or None):
            out.append(f"{where}: label {pa.label!r} != {pb.label!r}")
        if abs(pa.width - pb.width) > 0.01 or abs(pa.height - pb.height) > 0.01:
            out.append(f"{where}: size {pa.width} x {pa.height} != {pb.width} x {pb.height}")
        ra, rb = sorted(pa.rules), sorted(pb.rules)
        if len(ra) != len(rb) or any(abs(u - v) > Y_TOLERANCE for r, s in zip(ra, rb) for u, v in zip(r, s)):
            out.append(f"{where}: rules {ra} != {rb}")
        out += [f"{where}: {d}" for d in _glyph_pairs(pa.glyphs, pb.glyphs)]
    return out


def _glyph_pairs(mine: list, theirs: list) -> list[str]:
    """Each glyph of ``mine`` (pdfminer's) paired with the nearest of
    ``theirs`` (pdfium's) with its text within the tolerances; what does not pair or
    differs in size, boldness or extent."""
    cells: dict[tuple, list] = {}
    for g in theirs:
        cells.setdefault((round(g.x0), round(g.top)), []).append(g)
    used: set[int] = set()
    out = []
    for g in mine:
        unnamed = g.text.startswith("(cid:")
        near = [h for dx in (-1, 0, 1) for dy in (-1, 0, 1) for h in cells.get((round(g.x0) + dx, round(g.top) + dy), [])
                if id(h) not in used and (h.text == g.text or unnamed)
                and abs(h.x0 - g.x0) <= X_TOLERANCE and abs(h.top - g.top) <= Y_TOLERANCE]
        if not near:
            out.append(f"pdfminer's {g} has no pdfium glyph")
            continue
        h = min(near, key=lambda h: abs(h.x0 - g.x0) + abs(h.top - g.top))
        used.add(id(h))
        if abs(h.size - g.size) > 0.01 or h.bold != g.bold or abs(h.bottom - g.bottom) > Y_TOLERANCE or \
                (not unnamed and abs(h.x1 - g.x1) > X_TOLERANCE):
            out.append(f"pdfminer's {g} != pdfium's {h}")
    out += [f"pdfium's {h} has no pdfminer glyph" for h in theirs if id(h) not in used]
    return out[:20]


def _cited(ingested) -> list[tuple]:
    return [(p.heading_path, p.page, p.page_end, p.pdf_page, p.kind, p.text) for p in ingested.passages]


# --------------------------------------------------------------------------- the tests

@pytest.mark.parametrize("name", CASES)
def test_both_readers_read_the_same_report(made, name):
    path = made(name)
    by = {reader: ingest(path, pdf_reader=reader) for reader in READERS}
    a, b = by["pdfminer"], by["pdfium"]
    assert a.passages  # something to compare
    assert _cited(b) == _cited(a)
    assert b.passages == a.passages
    assert b.report == a.report
    assert b.notes == a.notes


@pytest.mark.parametrize("name", CASES)
def test_both_readers_see_the_same_glyphs_rules_and_labels(made, name):
    path = made(name)
    assert glyph_differences(read_pdf(path, "pdfminer"), read_pdf(path, "pdfium")) == []


def test_the_comparison_fails_on_a_moved_glyph_a_lost_rule_or_a_lost_label():
    """The glyph comparison can fail: a glyph moved by more than the
    tolerance, a rule or a label lost, each is reported."""
    doc = read_pdf(FENMOOR, "pdfminer")
    moved = dataclasses.replace(doc, pages=[dataclasses.replace(p, glyphs=list(p.glyphs)) for p in doc.pages])
    page = moved.pages[4]
    g = page.glyphs[10]
    page.glyphs[10] = dataclasses.replace(g, x0=g.x0 + 1.5, x1=g.x1 + 1.5)
    assert any("has no pdfium glyph" in d for d in glyph_differences(doc, moved))
    ruled = next(i for i, p in enumerate(doc.pages) if p.rules)
    unruled = dataclasses.replace(doc, pages=[dataclasses.replace(p, rules=[]) if i == ruled else p
                                             for i, p in enumerate(doc.pages)])
    assert any("rules" in d for d in glyph_differences(doc, unruled))
    unlabelled = dataclasses.replace(doc, pages=[dataclasses.replace(p, label=None) for p in doc.pages])
    assert any("label" in d for d in glyph_differences(doc, unlabelled))


def test_pdfium_is_the_default_reader():
    """Fenmoor's bullets tell the readers apart (module docstring)."""
    glyphs = [g.text for p in read_pdf(FENMOOR).pages for g in p.glyphs]
    assert "•" in glyphs and "(cid:127)" not in glyphs
    assert "(cid:127)" in [g.text for p in read_pdf(FENMOOR, "pdfminer").pages for g in p.glyphs]


@pytest.mark.parametrize("name", ["fenmoor-turned-90-moved", "fenmoor-turned-270", "fenmoor-copying-restricted"])
def test_a_turned_moved_or_restricted_copy_reads_as_the_original(made, name):
    """A page turned by /Rotate and drawn turned back (as a landscape page is
    set upright), a media box away from 0, 0, pages drawn as form XObjects,
    copying restricted by an owner password: the same passages on the same
    pages as the plain original."""
    assert _cited(ingest(made(name))) == _cited(ingest(FENMOOR))


def test_a_ligature_glyph_is_its_letters_and_an_unnamed_glyph_is_dropped(made):
    passages = ingest(made("ligatures"), pdf_reader="pdfium").passages
    text = " ".join(p.text for p in passages)
    assert "The first floor office of the force" in text
    assert "Efficient finance and the flow of work" in text
    assert "an unnamed glyph in a line" in text


def test_a_password_protected_pdf_is_refused_in_pdfminers_words(tmp_path):
    """pdfium cannot open it; pdfminer, asked instead, says why."""
    path = tmp_path / "locked.pdf"
    path.write_bytes(_variant(encrypt=("user", "owner")))
    assert read_pdfium(path) is None
    with pytest.raises(IngestError, match="locked.pdf: encrypted PDF \\(needs a password\\)"):
        ingest(path)


def test_a_forced_reader_refuses_in_plain_words(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n%%EOF\n")
    for reader in READERS:
        with pytest.raises(PdfError, match="damaged PDF"):
            read_pdf(bad, reader)
    with pytest.raises(ValueError, match="unknown PDF reader"):
        read_pdf(FENMOOR, "poppler")
