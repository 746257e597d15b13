"""Helpers for tests that talk to the app through Flask's test client."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from htmlparse import parse, squash
from many_reports import REPORTS
from tests.conftest import REPO


def get_json(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.data[:300])
    assert r.mimetype == "application/json"
    return r.get_json()


def search(client, **params):
    return get_json(client, "/api/search?" + urlencode(params, doseq=True))


def all_hits(client, **params) -> list[dict]:
    """Every hit of a search, page by page."""
    hits, page = [], 1
    while True:
        body = search(client, per_page=100, page=page, **params)
        hits += body["results"]
        if len(hits) >= body["total"] or not body["results"]:
            return hits
        page += 1


def html(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.data[:300])
    assert r.mimetype == "text/html"
    return parse(r.get_data(as_text=True))


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def assert_json_error(r, status=400):
    assert r.status_code == status, (r.status_code, r.data[:300])
    assert r.mimetype == "application/json"
    body = r.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] and body["error"]["message"]
    assert "Traceback" not in r.get_data(as_text=True)
    return body["error"]


def pages_with(report_id: str, word: str) -> set[int]:
    """Printed pages of the report file that contain ``word`` (any case). A
    PDF's pages are read with pdfplumber, each labelled by the page number in
    its footer (pages without one, cover and contents, are not cited)."""
    path = REPO / REPORTS[report_id]["file"]
    if path.suffix == ".pdf":
        import pdfplumber

        found = set()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines = (page.extract_text() or "").split("\n")
                if lines[-1].strip().isdigit() and word.lower() in " ".join(lines[:-1]).lower():
                    found.add(int(lines[-1]))
        return found
    raw = path.read_text(encoding="utf-8")
    pages, current = [], []
    for line in raw.split("\n"):
        if re.match(r"^ \S", line) and any(l.strip() for l in current):
            pages.append(current)
            current = []
        current.append(line)
    pages.append(current)
    return {n for n, lines in enumerate(pages, start=1) if word.lower() in "\n".join(lines).lower()}


def facet_links(doc, name):
    section = doc.find("section", cls=f"facet-{name}")
    return {squash(a.text): a for a in section.find_all("a")} if section else {}
