"""Time to read PDFs with each reader of ``ingest/pdfread.py``.

    .venv/bin/python -m bench.pdf_readers [--repeat N] [file.pdf ...]

For each file (default: every tests/fixtures/*.pdf) prints its pages and
glyphs, the best of N reads by pdfminer and by pdfium and their ratio, then
the same for the whole ingest of the file (reading, layout analysis,
passages, metadata). Times are processor seconds of this process (best of
N), which other work on a shared machine disturbs less than wall time;
the wall time of the whole run is printed at the end.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from search_service.ingest import ingest
from search_service.ingest.pdfread import READERS, read_pdf

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def best(fn, repeat: int) -> float:
    """Fewest processor seconds ``fn()`` took in ``repeat`` runs."""
    out = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        fn()
        out = min(out, time.process_time() - started)
    return out


def measure(path: Path, repeat: int) -> dict:
    doc = read_pdf(path)
    row = {"file": path.name, "pages": len(doc.pages), "glyphs": sum(len(p.glyphs) for p in doc.pages)}
    for reader in READERS:
        row[f"read {reader}"] = best(lambda: read_pdf(path, reader), repeat)
    for reader in READERS:
        row[f"ingest {reader}"] = best(lambda: ingest(path, pdf_reader=reader), repeat)
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pdf_readers", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs (default: tests/fixtures/*.pdf)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per reader and file; the best counts")
    args = parser.parse_args(argv)
    files = args.files or sorted(FIXTURES.glob("*.pdf"))
    for path in files:  # warm: imports, pdfium's library, fonts
        ingest(path)
    started = time.monotonic()
    rows = [measure(path, args.repeat) for path in files]
    total = {"file": "all", "pages": sum(r["pages"] for r in rows), "glyphs": sum(r["glyphs"] for r in rows)}
    for key in rows[0]:
        if key.startswith(("read", "ingest")):
            total[key] = sum(r[key] for r in rows)
    print(f"processor seconds, best of {args.repeat}")
    print(f"{'file':<34} {'pages':>5} {'glyphs':>7}   {'read: pdfminer':>14} {'pdfium':>7} {'ratio':>6}"
          f"   {'ingest: pdfminer':>16} {'pdfium':>7} {'ratio':>6}")
    for r in rows + [total]:
        print(f"{r['file']:<34} {r['pages']:>5} {r['glyphs']:>7}   {r['read pdfminer']:>14.3f} {r['read pdfium']:>7.3f} "
              f"{r['read pdfminer'] / r['read pdfium']:>5.1f}x   {r['ingest pdfminer']:>16.3f} "
              f"{r['ingest pdfium']:>7.3f} {r['ingest pdfminer'] / r['ingest pdfium']:>5.1f}x")
    print(f"wall time of the measurements: {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
