"""Hostile report files, made here byte by byte (nothing is downloaded), for
the tests (tests/test_hostile.py) and ``make attack`` (bench/attack.py).

Each is small on disk and huge to read: the cases of issue 16 that kept a
server busy for minutes or used gigabytes.
"""
from __future__ import annotations

import zlib
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "corpus" / "peel-effectiveness-2015-west-midlands.txt"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _deflate(data_chunks, level: int = 9) -> bytes:
    z = zlib.compressobj(level)
    out = [z.compress(chunk) for chunk in data_chunks]
    out.append(z.flush())
    return b"".join(out)


class Deflated(bytes):
    """Stream data already compressed with zlib (for a bomb too big to hold)."""


def pdf(pages: list, title: bytes | None = None, font: bytes = FONT, extra: tuple[bytes, ...] = (),
        media_box: bytes = b"[0 0 595 842]", inherited: bool = False) -> bytes:
    """A PDF with these pages, each one content stream or a list of them
    (plain bytes are compressed; ``Deflated`` ones are used as they are),
    ``font`` (Helvetica) as /F1, a correct cross-reference table and
    optionally a document Title. ``extra`` objects follow the font as
    objects 4, 5, … (for a font that refers to them). ``inherited``: the
    media box is given once, on the page tree, instead of on each page."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    parent = add(b"")
    font_ref = add(font)
    for body in extra:
        add(body)
    kids = []
    for page in pages:
        streams = []
        for content in page if isinstance(page, list) else [page]:
            data = content if isinstance(content, Deflated) else _deflate([content])
            streams.append(add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
                               + b"\nendstream"))
        refs = b"[" + b" ".join(b"%d 0 R" % n for n in streams) + b"]"
        box = b"" if inherited else b" /MediaBox " + media_box
        kids.append(add(b"<< /Type /Page /Parent %d 0 R%s /Contents %s "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, box, refs, font_ref)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % parent
    objects[parent - 1] = (b"<< /Type /Pages%s /Kids [" % (b" /MediaBox " + media_box if inherited else b"")
                           + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title (" + title + b") >>") if title is not None else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, b" /Info %d 0 R" % info if info else b"", xref)
    return bytes(out)


def text_page(lines: list[str]) -> bytes:
    """A content stream writing ``lines`` in 11 pt Helvetica down a page."""
    ops = [b"BT /F1 11 Tf 72 770 Td 14 TL"]
    for line in lines:
        safe = line.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(" + safe + b") '")
    ops.append(b"ET")
    return b"\n".join(ops)


def seed_sentences(n: int = 40) -> list[str]:
    """Real report sentences (from the seed report), to make text that reads."""
    words = SEED.read_text(encoding="utf-8").split()
    return [" ".join(words[i:i + 12]) for i in range(200, 200 + 12 * n, 12)]


def glyph_bomb(glyphs: int = 1_000_000) -> bytes:
    """One page showing a million characters, a thousand to a text operator
    (pdfium reads at most 32,767 of one string): about 2 KB on disk; each
    reader makes an object per glyph (pdfminer: 38 s, 905 MB)."""
    run = 1000
    shows = b"(" + b"x" * run + b") Tj\n"
    return pdf([b"BT /F1 1 Tf 0 400 Td\n" + shows * (glyphs // run) + b"(" + b"x" * (glyphs % run) + b") Tj ET"])


def operator_bomb(operators: int = 2_000_000) -> bytes:
    """One page of millions of tiny path operators (about 50 KB compressed):
    minutes of processor time for pdfminer to interpret, and an object each
    for pdfium (2 million: 8 s and 790 MB; 400,000 it reads in about 1 s)."""
    return pdf([text_page(["Operator bomb"]) + b"\n" + b"0 0 m 1 1 l S\n" * operators])


def decompression_bomb(megabytes: int = 2048) -> bytes:
    """A page whose second content stream inflates to ``megabytes`` of zero
    bytes (about 1 KB per MB on disk): reading it needs that much memory at
    once (3 MB passed 4 GB in 13 s)."""
    chunk = b"\0" * (16 << 20)
    bomb = Deflated(_deflate(chunk for _ in range(max(1, megabytes // 16))))
    return pdf([[text_page(["Decompression bomb"]), bomb]])


def many_pages(pages: int = 10_000) -> bytes:
    """``pages`` pages of one short line each (10,000 took 122 s and 831 MB)."""
    return pdf([text_page([f"Page {i}"]) for i in range(1, pages + 1)])


def title_bomb(megabytes: int = 10) -> bytes:
    """A readable one-page report whose document Title is ``megabytes`` long
    (it was copied into every passage: a 23 MB search response)."""
    return pdf([text_page(seed_sentences(30))], title=b"T" * (megabytes << 20))


def one_line_text(megabytes: float = 5.0) -> bytes:
    """A plain-text report that is a single line of real sentences."""
    sentence = " ".join(seed_sentences(40)) + ". "
    n = int(megabytes * (1 << 20)) // len(sentence) + 1
    return (sentence * n).encode("utf-8")


def one_word_text(megabytes: float = 1.0) -> bytes:
    """A plain-text report that is one endless word."""
    return b"a" * int(megabytes * (1 << 20))


def binary_after(offset: int = 5000) -> bytes:
    """Text for ``offset`` bytes, then binary data (NUL bytes)."""
    text = (" ".join(seed_sentences(60)) + "\n").encode("utf-8")
    text = (text * (offset // len(text) + 1))[:offset]
    return text + b"\0\x01\x02binary" * 100
