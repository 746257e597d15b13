"""Tables as CSV files people open in spreadsheets: RFC 4180 quoting, CRLF
line ends, and cells that a spreadsheet would run as formulas (starting
with = + - @) defused with a leading apostrophe."""
from __future__ import annotations

import csv
import io


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_text(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return out.getvalue()
