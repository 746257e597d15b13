"""PDF ingest, checked against what pdfplumber itself finds in the files.

Two kinds of PDF: the seed report's text rendered back into the inspectorate
layout (so the PDF ingest can be compared with the text ingest), and an
invented report committed as a PDF (tests/fixtures/peel-2017-fenmoor.pdf,
made by tests/fixtures/make_fenmoor_pdf.py). Variants without /PageLabels,
without page numbers and without any font signal are rendered on the fly.
"""
from __future__ import annotations

import dataclasses
import difflib
import importlib.util
import io
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from search_service.ingest import IngestError, ingest
from search_service.ingest.chunking import chunk
from search_service.ingest.metadata import metadata
from search_service.ingest.pdf import Glyph, make_line, parse_pdf, printed_labels
from search_service.ingest.text import parse_text
from search_service.search import search
from search_service.web.shapes import hit_json
from search_service.indexer import Indexer
from tests import pdfgen
from tests.conftest import FIXTURES, SEED_CORPUS, SEED_ID

FENMOOR = FIXTURES / "peel-2017-fenmoor.pdf"
FENMOOR_HEADER = "PEEL: Police effectiveness 2017 – Fenmoor Constabulary"
SEED_HEADER = "PEEL: Police effectiveness 2015 – West Midlands Police"
SEED_TEXT = (SEED_CORPUS / f"{SEED_ID}.txt").read_text(encoding="utf-8")

Q1 = "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?"
Q2 = "How effective is the force at investigating crime and reducing re-offending?"
Q3 = "How effective is the force at protecting those who are vulnerable from harm, and supporting victims?"

# Written from the fixture's description: (level, heading).
FENMOOR_OUTLINE = [
    (1, "Overview – How well does the force keep people safe and reduce crime?"),
    (2, "Overall judgment"),
    (2, "Summary"),
    (2, Q1),
    (2, Q2),
    (2, Q3),
    (1, "Introduction"),
    (1, Q1),
    (2, "How well does the force understand the threat and risk to the public?"),
    (3, "How well does the force use problem solving?"),
    (2, "Summary of findings"),
    (2, "Areas for improvement"),
    (1, Q2),
    (2, "How well does the force investigate crime?"),
    (2, "How well does the force reduce re-offending?"),
    (2, "Summary of findings"),
    (2, "Areas for improvement"),
    (1, Q3),
    (2, "How well does the force protect children who go missing?"),
    (2, "Summary of findings"),
    (2, "Areas for improvement"),
    (1, "Annex A – HMICFRS judgments"),
]

# Phrases at known places in the fixture, on one-column and two-column pages.
FENMOOR_PHRASES = [
    "lantern scheme with the harbour authority that has cut thefts",  # left column
    "Bridgeway scheme, which pairs each offender with a caseworker",  # right column
    "placed two detective sergeants in the children's services office",
    "Thefts of boat engines fell from 64 to 25 in a year",
    "312 devices waiting for examination",
    "the hub does not open at weekends",
]


# --------------------------------------------------------------------------- what pdfplumber sees

def squash(text: str) -> str:
    """Text without whitespace: wrapped lines and hyphen breaks compare equal."""
    return re.sub(r"\s+", "", text)


@dataclasses.dataclass
class TruthPage:
    pdf_page: int
    label: int | None  # the number printed in the footer
    full: str  # squashed text of the whole page
    texts: list[str]  # squashed text of the page and of each half (columns)


def truth(path: Path) -> list[TruthPage]:
    out = []
    with pdfplumber.open(path) as pdf:
        for i, page in enumerate(pdf.pages):
            w, h = page.width, page.height
            footer = (page.crop((0, h * 0.93, w, h)).extract_text() or "").strip()
            texts = [page.extract_text() or "", page.crop((0, 0, w / 2, h)).extract_text() or "",
                     page.crop((w / 2, 0, w, h)).extract_text() or ""]
            out.append(TruthPage(i + 1, int(footer) if footer.isdigit() else None, squash(texts[0]),
                                 [squash(t) for t in texts]))
    return out


def pages_with(pages: list[TruthPage], phrase: str) -> list[TruthPage]:
    s = squash(phrase)
    return [p for p in pages if any(s in t for t in p.texts)]


def body(passages):
    return [p for p in passages if p.kind != "footnote"]


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def fenmoor():
    return ingest(FENMOOR)


@pytest.fixture(scope="module")
def fenmoor_truth():
    return truth(FENMOOR)


@pytest.fixture(scope="module")
def fenmoor_doc():
    spec = importlib.util.spec_from_file_location("make_fenmoor_pdf", FIXTURES / "make_fenmoor_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    doc = pdfgen.doc_from_text(SEED_TEXT, SEED_HEADER, ["PEEL: Police effectiveness 2015",
                                                        "An inspection of West Midlands Police", "February 2016"])
    path = tmp_path_factory.mktemp("seedpdf") / f"{SEED_ID}.pdf"
    path.write_bytes(pdfgen.render(doc))
    return path


@pytest.fixture(scope="module")
def seed_truth(seed_pdf):
    return truth(seed_pdf)


@pytest.fixture(scope="module")
def seed_both(seed_pdf):
    """(text parse, its passages, PDF parse, its passages)."""
    text = parse_text(SEED_TEXT)
    pdf = parse_pdf(seed_pdf)
    return text, chunk("t", text.blocks).passages, pdf, chunk("p", pdf.blocks).passages


def render_variant(fenmoor_doc, tmp_path, **changes) -> Path:
    path = tmp_path / "peel-2017-fenmoor.pdf"
    path.write_bytes(pdfgen.render(dataclasses.replace(fenmoor_doc.DOC, **changes)))
    return path


# --------------------------------------------------------------------------- (a) the seed, rendered as a PDF

def test_seed_pdf_has_the_text_reports_heading_outline(seed_both):
    text, _, pdf, _ = seed_both
    outline = [(b.level, b.text) for b in text.blocks if b.kind == "heading"]
    assert len(outline) > 40
    assert [(b.level, b.text) for b in pdf.blocks if b.kind == "heading"] == outline


def test_seed_pdf_keeps_the_body_words_in_order(seed_both):
    _, tp, _, pp = seed_both
    want = " ".join(p.text for p in body(tp)).split()
    got = " ".join(p.text for p in body(pp)).split()
    sm = difflib.SequenceMatcher(None, want, got, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    assert matched / len(want) >= 0.95
    # nothing extra crept in (headers, footers, page numbers, footnote text)
    assert (len(got) - matched) / len(got) <= 0.01


def test_seed_pdf_judgments_areas_and_footnotes_match_the_text(seed_both):
    _, tp, _, pp = seed_both
    assert [(j.area, j.grade) for j in chunk("p", seed_both[2].blocks).structure.judgments] == \
        [(j.area, j.grade) for j in chunk("t", seed_both[0].blocks).structure.judgments]
    notes = {p.heading: p.text for p in pp if p.kind == "footnote"}
    assert notes == {p.heading: p.text for p in tp if p.kind == "footnote"}
    assert len(notes) == 19
    text = " ".join(p.text for p in body(pp))
    assert not any(n in text for n in notes.values())


def test_seed_pdf_passages_cite_the_printed_page_they_are_on(seed_both, seed_truth):
    _, _, pdf, pp = seed_both
    pages = seed_truth
    by_pdf = {p.pdf_page: p for p in pages}
    assert all(by_pdf[n].label == label for n, label in enumerate(pdf.labels, 1) if label is not None)
    unlocated = []
    for p in body(pp):
        words = p.text.split()
        found = pages_with(pages, " ".join(words[:6])) or pages_with(pages, " ".join(words[:3]))
        if not found:
            unlocated.append(p.text[:60])
            continue
        assert p.page in {t.label for t in found}, p.text[:80]
        assert by_pdf[p.pdf_page].label == p.page
    assert len(unlocated) <= len(pp) // 50, unlocated


def test_seed_pdf_passages_hold_no_header_footer_or_page_numbers(seed_both):
    _, _, _, pp = seed_both
    assert not any(SEED_HEADER in p.text for p in pp)
    paragraphs = [para.strip() for p in pp for para in p.text.split("\n\n")]
    assert not any(re.fullmatch(r"\d{1,3}", para) for para in paragraphs)


def test_seed_pdf_reads_the_overview_columns_one_question_at_a_time(seed_both):
    _, tp, _, pp = seed_both
    heads = [p.heading_path for p in pp if "The force generally conducts effective investigations and works well" in p.text]
    assert heads and heads[0] == [p.heading_path for p in tp
                                  if "The force generally conducts effective investigations and works well" in p.text][0]
    # a column that runs on to the next page continues its own question
    cont = next(p for p in pp if "developing an IT solution to assist with" in p.text)
    assert cont.heading_path[-1].startswith("How effective is the force at preventing crime")


def test_seed_pdf_metadata_is_inferred_from_its_text(seed_both, seed_pdf, seed_truth):
    _, _, pdf, _ = seed_both
    bare = seed_pdf.parent / "report.pdf"  # no year in the name, no sidecar
    meta = metadata(bare, pdf.text, title=pdf.title)
    assert (meta["force"], meta["year"]) == ("West Midlands Police", 2015)
    assert meta["title"] == "PEEL: Police effectiveness 2015 – West Midlands Police"  # reportlab's "untitled" ignored
    assert pdf.pages == len(seed_truth)
    assert pdf.labels[:3] == [None, None, 3]


# --------------------------------------------------------------------------- (b) the invented Fenmoor report

def test_fenmoor_heading_outline(fenmoor):
    parsed = parse_pdf(FENMOOR)
    assert [(b.level, b.text) for b in parsed.blocks if b.kind == "heading"] == FENMOOR_OUTLINE


def test_fenmoor_judgments_and_areas_for_improvement(fenmoor):
    r = fenmoor.report
    assert [(j.area, j.grade) for j in r.judgments] == [
        ("Overall", "Requires improvement"), (Q1, "Good"), (Q2, "Requires improvement"), (Q3, "Inadequate")]
    assert [a.text for a in r.areas_for_improvement] == [
        "The force should evaluate the Marshgate lantern scheme before it is extended to the other harbours.",
        "The force should share the findings of its harm index with the fire and rescue service.",
        "The force should make sure that supervisors review investigations within its own seven-day deadline.",
        "The force should reduce the backlog of devices awaiting digital examination.",
        "The force should ensure that every report of a missing child receives a risk assessment reviewed "
        "by a supervisor within one hour.",
        "The force should open the Eastwold safeguarding hub at weekends.",
    ]
    afi = next(p for p in fenmoor.passages if "backlog of devices awaiting" in p.text)
    assert afi.kind == "area_for_improvement" and afi.heading_path[0] == Q2


@pytest.mark.parametrize("phrase", FENMOOR_PHRASES)
def test_fenmoor_phrases_cite_the_page_they_are_on(fenmoor, fenmoor_truth, phrase):
    where = pages_with(fenmoor_truth, phrase)
    assert len(where) == 1, f"{phrase!r} should be on exactly one page of the fixture"
    found = [p for p in body(fenmoor.passages) if phrase in p.text]
    assert len(found) == 1
    assert found[0].page == where[0].label
    assert found[0].pdf_page == where[0].pdf_page
    assert where[0].label != where[0].pdf_page  # cover and contents are unnumbered


def test_fenmoor_front_matter_gives_metadata_but_no_passages(fenmoor, fenmoor_truth):
    assert [t.label for t in fenmoor_truth[:2]] == [None, None]
    r = fenmoor.report
    assert r.title == "Fenmoor Constabulary: PEEL police effectiveness 2017"  # the PDF's Title
    assert (r.force, r.year, r.pages) == ("Fenmoor Constabulary", 2017, len(fenmoor_truth))
    assert min(p.pdf_page for p in fenmoor.passages) == 3
    assert not any("Contents" in p.text or "An inspection of Fenmoor" in p.text for p in fenmoor.passages)


def test_a_sidecar_overrides_the_pdf_title(tmp_path):
    shutil.copy(FENMOOR, tmp_path / FENMOOR.name)
    (tmp_path / "peel-2017-fenmoor.meta.json").write_text('{"title": "Fenmoor 2017", "published": "March 2018"}')
    r = ingest(tmp_path / FENMOOR.name).report
    assert (r.title, r.published, r.force) == ("Fenmoor 2017", "March 2018", "Fenmoor Constabulary")


def test_fenmoor_footnotes_are_separate_and_markers_gone(fenmoor, fenmoor_doc, fenmoor_truth):
    notes = {p.heading: p for p in fenmoor.passages if p.kind == "footnote"}
    assert {h: p.text for h, p in notes.items()} == {
        f"Footnote {n}": t for n, t in fenmoor_doc.DOC.footnotes.items()}
    texts = " ".join(p.text for p in body(fenmoor.passages))
    for t in fenmoor_doc.DOC.footnotes.values():
        assert t not in texts
    assert "uses its own harm index to decide" in texts
    assert "with a tethered drone during the spring tides" in texts
    assert "concern children who go missing" in texts
    assert all("Overall judgment" == h or not h.startswith("Overall judgment")
               for p in fenmoor.passages for h in p.heading_path)
    # a footnote cites the page it is printed on
    assert notes["Footnote 4"].page == pages_with(fenmoor_truth, "Digital media investigators examine")[0].label


def test_fenmoor_header_footer_and_page_numbers_are_not_text(fenmoor, fenmoor_truth):
    assert all(FENMOOR_HEADER.replace(" ", "") in t.full for t in fenmoor_truth[2:])  # the premise
    assert not any(FENMOOR_HEADER in p.text for p in fenmoor.passages)
    paragraphs = [para.strip() for p in fenmoor.passages for para in p.text.split("\n\n")]
    assert not any(re.fullmatch(r"\d{1,3}", para) for para in paragraphs)
    assert not any(re.search(r"\s\d{1,2}$", para) for para in paragraphs)  # no page number glued on


def test_fenmoor_two_column_page_is_read_column_by_column(fenmoor, fenmoor_truth):
    page = pages_with(fenmoor_truth, "Marshgate hub runs a lantern scheme")[0]
    assert page.pdf_page == pages_with(fenmoor_truth, "Bridgeway scheme")[0].pdf_page  # side by side
    left = next(p for p in fenmoor.passages if "lantern scheme" in p.text)
    right = next(p for p in fenmoor.passages if "Bridgeway scheme" in p.text)
    assert left.heading_path[-1] == Q1 and right.heading_path[-1] == Q2
    # sentences that wrap inside a column come out whole, not interleaved with the other column
    assert "Every ward has a named beat manager, and the eleven neighbourhood hubs are open to the public " \
           "six days a week." in left.text
    assert "Supervisors did not review 19 of the 70 case files we examined within the force's own " \
           "deadline of seven days." in right.text
    assert "Bridgeway" not in left.text and "lantern" not in right.text


def test_fenmoor_hyphenated_line_ends_are_joined_like_text_reports(fenmoor, fenmoor_truth):
    with pdfplumber.open(FENMOOR) as pdf:
        lines = [l for page in pdf.pages for l in (page.extract_text() or "").splitlines()]
    assert any(l.endswith("anti-") for l in lines)  # the premise: a break at the hyphen
    text = " ".join(p.text for p in fenmoor.passages)
    assert text.count("anti-social behaviour") >= 5
    assert "anti- social" not in text and "antisocial" not in text
    assert "problem-solving model" in text


def test_make_fenmoor_pdf_still_reproduces_the_committed_fixture(fenmoor_doc, tmp_path, fenmoor_truth):
    fresh = tmp_path / "fresh.pdf"
    fresh.write_bytes(fenmoor_doc.build())
    assert [t.full for t in truth(fresh)] == [t.full for t in fenmoor_truth]


# --------------------------------------------------------------------------- page labels and font signal

def test_without_page_labels_the_footer_numbers_give_the_same_pages(fenmoor, fenmoor_doc, tmp_path):
    path = render_variant(fenmoor_doc, tmp_path, page_labels=False)
    with pdfplumber.open(path) as pdf:
        assert "PageLabels" not in pdf.doc.catalog  # the premise
    got = ingest(path)
    assert [(p.text, p.page, p.pdf_page) for p in got.passages] == \
           [(p.text, p.page, p.pdf_page) for p in fenmoor.passages]


def test_without_labels_or_page_numbers_pages_are_pdf_pages(fenmoor_doc, tmp_path):
    path = render_variant(fenmoor_doc, tmp_path, page_labels=False, page_numbers=False)
    got = ingest(path)
    assert all(p.page == p.pdf_page for p in got.passages)
    where = pages_with(truth(path), "the oldest seized in February")
    assert len(where) == 1
    assert next(p for p in got.passages if "the oldest seized in February" in p.text).page == where[0].pdf_page
    # the cover is text, not a heading above every section
    assert [j.grade for j in got.report.judgments] == ["Requires improvement", "Good", "Requires improvement",
                                                       "Inadequate"]
    assert not any("PEEL: Police effectiveness 2017" in p.heading_path for p in got.passages)


def test_without_font_signal_text_heuristics_find_headings_and_footnotes(fenmoor_doc, tmp_path):
    path = render_variant(fenmoor_doc, tmp_path, plain=True)
    with pdfplumber.open(path) as pdf:
        assert {round(c["size"]) for c in pdf.pages[4].chars} == {11}  # the premise: one size
        assert {c["fontname"] for c in pdf.pages[4].chars} == {"Helvetica"}
    got = ingest(path)
    heads = {h for p in got.passages for h in p.heading_path}
    assert {Q1, Q2, Q3, "Summary of findings", "Areas for improvement",
            "How well does the force understand the threat and risk to the public?"} <= heads
    assert [(j.area, j.grade) for j in got.report.judgments] == [
        ("Overall", "Requires improvement"), (Q1, "Good"), (Q2, "Requires improvement"), (Q3, "Inadequate")]
    texts = " ".join(p.text for p in body(got.passages))
    assert "uses its own harm index to decide" in texts  # inline marker "index2" stripped
    assert sorted(p.heading for p in got.passages if p.kind == "footnote") == [f"Footnote {n}" for n in range(1, 7)]


def test_printed_labels_from_page_labels_or_footers():
    assert printed_labels(["", "", "1", "2", "3"], {}) == [None, None, 1, 2, 3]
    assert printed_labels(["i", "ii", "1", "2"], {0: 7}) == [None, None, 1, 2]  # /PageLabels win
    # footer numbers; an unnumbered page in between counts on
    assert printed_labels([None] * 6, {2: 1, 3: 2, 5: 4}) == [None, None, 1, 2, 3, 4]
    assert printed_labels([None] * 3, {}) == [1, 2, 3]


def test_superscript_digits_are_markers_and_baseline_digits_are_text():
    def glyphs(text, x, size=11.0, rise=0.0):
        out = []
        for ch in text:
            w = size * 0.5
            out.append(Glyph(ch, x, x + w, 100 - size * 0.8 - rise, 100 + size * 0.2 - rise, size, False))
            x += w
        return out, x

    word, x = glyphs("(IOM)", 50)
    mark, x = glyphs("3", x, size=6.5, rise=4)
    rest, _ = glyphs("to", x + 3)
    line = make_line(word + mark + rest)
    assert (line.text, line.markers) == ("(IOM) to", [3])
    plain, x = glyphs("rate 3", 50)
    assert make_line(plain).markers == [] and make_line(plain).text == "rate 3"
    note, x = glyphs("7", 50, size=5, rise=3)
    text, _ = glyphs("A plant native to Africa", x + 1, size=8)
    line = make_line(note + text)
    assert (line.lead, line.text) == (7, "A plant native to Africa")


# --------------------------------------------------------------------------- refusals

def test_a_pdf_name_on_other_content_is_refused(tmp_path):
    fake = tmp_path / "report.pdf"
    fake.write_text("PEEL: Police effectiveness 2017 – this is plain text, not a PDF", encoding="utf-8")
    with pytest.raises(IngestError, match="report.pdf: not a PDF file"):
        ingest(fake)


def test_a_truncated_pdf_is_refused(tmp_path):
    data = FENMOOR.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match="cut.pdf: truncated"):
        ingest(cut)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    b"%PDF-1.4\n%%EOF\n",  # no /Root
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>"
    b" endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 a b] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
], ids=["no-pages", "no-root", "bad-mediabox"])
def test_a_damaged_pdf_is_refused_in_plain_words(tmp_path, data):
    """The reason says what is wrong and what to do, not the parser's
    internals ("PDFSyntaxError: No /Root object!", "TypeError: float() ...")."""
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(data)
    with pytest.raises(IngestError, match="bad.pdf: damaged PDF") as e:
        ingest(bad)
    message = str(e.value)
    assert "export it again" in message
    assert not re.search(r"Error|Exception|float\(|PSKeyword|/Root|\bobj\b", message), message


def _pdf(draw) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("kind", ["blank", "image"])
def test_a_pdf_without_text_is_refused(tmp_path, kind):
    from PIL import Image

    def draw(c):
        if kind == "image":  # a "scanned" page: pixels only
            img = Image.new("RGB", (200, 100), "white")
            for x in range(20, 180):
                img.putpixel((x, 50), (0, 0, 0))
            c.drawInlineImage(img, 50, 500, 400, 200)

    f = tmp_path / f"{kind}.pdf"
    f.write_bytes(_pdf(draw))
    with pytest.raises(IngestError, match="no extractable text"):
        ingest(f)


def test_a_pdf_named_txt_is_refused_as_text(tmp_path):
    f = tmp_path / "report.txt"
    f.write_bytes(FENMOOR.read_bytes())
    with pytest.raises(IngestError, match="report.txt: a PDF file"):
        ingest(f)


# --------------------------------------------------------------------------- index and search

def test_a_pdf_in_the_corpus_is_searchable_with_its_pages(tmp_path, fenmoor_truth):
    from search_service.index import IndexStore

    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    shutil.copy(FENMOOR, corpus)
    store = IndexStore(tmp_path / "index", corpus)
    result = Indexer(store).sync()
    assert sorted(result.added) == sorted([SEED_ID, "peel-2017-fenmoor"]) and not result.failed
    where = pages_with(fenmoor_truth, "thefts from fishing boats")
    assert len(where) == 1
    where = where[0]
    hits = search(store, '"thefts from fishing boats"').hits
    assert hits
    hit = hit_json(hits[0])
    assert "thefts from fishing boats" in hit["text"] and hit["report"]["id"] == "peel-2017-fenmoor"
    assert (hit["page"], hit["pdf_page"]) == (where.label, where.pdf_page)
    assert f"p. {where.label} (PDF p. {where.pdf_page})" in hit["citation"]
    assert hit["report"]["title"] == "Fenmoor Constabulary: PEEL police effectiveness 2017"
    # text reports have no PDF page and cite the printed page only
    text_hit = hit_json(search(store, "khat", filters={"report": SEED_ID}).hits[0])
    assert text_hit["pdf_page"] is None and "(PDF p." not in text_hit["citation"]
