"""Report files → Report + passages. Dispatches on the file type."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from search_service.ingest.chunking import chunk
from search_service.ingest.metadata import metadata, report_id, sidecar_path
from search_service.ingest.html import HtmlError, parse_html
from search_service.ingest.pdf import parse_pdf
from search_service.ingest.pdfread import PdfError
from search_service.ingest.text import parse_text
from search_service.model import ANNUAL_ASSESSMENT, REVISIT_LETTER, SEVERAL_FORCES_FAMILIES, Passage, Report

SUPPORTED = (".txt", ".pdf", ".html", ".htm")
# Passages of one report at most: the longest real report has about 1,500;
# a report's page must stay a page (a 50 MB one-line file made 33,000).
MAX_PASSAGES = 5000


class IngestError(ValueError):
    """A report file that cannot be read or parsed; the message says why."""


@dataclass
class Ingested:
    report: Report
    passages: list[Passage]
    fingerprint: str = ""  # file + sidecar hash: decides reindexing
    notes: list[str] = field(default_factory=list)  # what was not recognised, for the index log


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# Raised when a reader changes what it makes of the same bytes (2: a web page's <br> parts words; 3: a text
# report's title line glued to its paragraph may be as long as 85% of a line), so that `index` reads every report
# again rather than keep passages the old reader made.
READERS_VERSION = 3


def fingerprint_of(file_sha256: str, sidecar: bytes | None) -> str:
    """What decides whether a report must be reindexed: its bytes (by their
    SHA-256), its metadata sidecar's bytes and the readers' version. The one
    change-detection key of ``index``, ``add`` and uploads."""
    h = hashlib.sha256(file_sha256.encode())
    h.update(f"readers {READERS_VERSION}".encode())
    if sidecar is not None:
        h.update(sidecar)
    return h.hexdigest()


def fingerprint(path: Path) -> str:
    side = sidecar_path(path)
    return fingerprint_of(sha256_file(path), side.read_bytes() if side.exists() else None)


# Control characters no text report holds (tab, line feed, vertical tab, form
# feed and carriage return are text); a NUL anywhere means binary data.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # a multi-byte UTF-8 character (start of one)


def read_text(path: Path) -> str:
    """The file as text: UTF-8, else (when it holds no UTF-8 characters)
    Windows-1252, strictly and throughout: no undecodable byte and no
    control character anywhere, not only in the first few kilobytes."""
    data = path.read_bytes()
    if data.startswith(b"%PDF-"):
        raise IngestError(f"{path.name}: a PDF file, not a plain-text report (name it .pdf)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if _UTF8_SEQUENCE.search(data):  # UTF-8 with a broken byte: read as Windows-1252 it would be garbled
            raise IngestError(f"{path.name}: not valid UTF-8 text (byte {e.start + 1:,} cannot be read)") from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as e:
            raise IngestError(f"{path.name}: not plain text (byte {e.start + 1:,} is neither UTF-8 nor "
                              "Windows-1252)") from None
    bad = _BINARY.search(text)
    if bad:
        raise IngestError(f"{path.name}: binary data, not a plain-text report (a control character at "
                          f"character {bad.start() + 1:,})")
    return text


def read_html(path: Path):
    data = path.read_bytes()
    if data.startswith(b"%PDF-"):
        raise IngestError(f"{path.name}: a PDF file, not a web page (name it .pdf)")
    if b"\x00" in data or not re.search(rb"<(html|body|article|main|h[1-6]|p)\b", data[:200000], re.I):
        raise IngestError(f"{path.name}: not a web page (no HTML found)")
    try:
        return parse_html(data)
    except HtmlError as e:
        raise IngestError(f"{path.name}: {e}") from None


def ingest(path: Path, pdf_reader: str | None = None) -> Ingested:
    """Parse one report file into its Report and passages. ``pdf_reader``
    forces one of ``pdfread.READERS`` (tests and the benchmark compare them)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"{path.name}: unsupported file type {path.suffix!r}")
    page_meta: dict = {}
    if suffix == ".pdf":
        try:
            parsed = parse_pdf(path, pdf_reader)
        except PdfError as e:
            raise IngestError(f"{path.name}: {e}") from e
        text, title, cover, pages = parsed.text, parsed.title, parsed.text[:1500], parsed.pages
    elif suffix in (".html", ".htm"):
        parsed = read_html(path)
        text, title, cover, pages, page_meta = parsed.text, parsed.title, "", 0, parsed.meta
    else:
        text = read_text(path)
        if not text.strip():
            raise IngestError(f"{path.name}: the file is empty")
        parsed = parse_text(text)
        title, cover, pages = "", parsed.front, parsed.pages
    rid = report_id(path)
    chunked = chunk(rid, parsed.blocks)
    if not chunked.passages:
        raise IngestError(f"{path.name}: no text found")
    if len(chunked.passages) > MAX_PASSAGES:
        raise IngestError(f"{path.name}: {len(chunked.passages):,} passages of text; a report may have at most "
                          f"{MAX_PASSAGES:,} (split it into several reports)")
    found = chunked.structure
    meta = metadata(path, text, title=title, cover=cover, page_meta=page_meta,
                    grades=tuple(j.grade for j in found.judgments))
    notes = []
    if meta["family"] == "Unknown":
        graded = f"with the {len(found.judgments)} grades it states" if found.judgments else "with no grades"
        notes.append(f"{path.name}: report family not recognised (title {meta['title'][:100]!r}); "
                     f"indexed by its headings, {graded}")
    if meta["grading_scale"] == "ungraded" and found.judgments and meta["family"] in (
            *SEVERAL_FORCES_FAMILIES, REVISIT_LETTER, "Unknown"):
        found.judgments = []
    if meta["family"] == ANNUAL_ASSESSMENT:
        # its sections on causes of concern and practice count and cite the services' own reports: it has none
        found.causes_of_concern, found.innovative_practice = [], []
    report = Report(id=rid, source=path.name, sha256=sha256_file(path), pages=pages,
                    judgments=found.judgments, areas_for_improvement=found.areas_for_improvement,
                    causes_of_concern=found.causes_of_concern, recommendations=found.recommendations,
                    innovative_practice=found.innovative_practice,
                    **{k: meta.get(k) for k in ("title", "force", "year", "inspection", "publisher", "published",
                                                "organisations", "organisation_type", "family", "inspection_year",
                                                "grading_scale", "url")})
    return Ingested(report=report, passages=chunked.passages, fingerprint=fingerprint(path), notes=notes)


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Report files in the corpus folder (sidecars and hidden files excluded)."""
    if not corpus_dir.is_dir():
        return []
    return sorted(p for p in corpus_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith(".")
                  and not p.name.endswith(".meta.json"))
