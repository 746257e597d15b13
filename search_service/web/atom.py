"""Atom feeds (RFC 4287): of a search (one entry per matching passage) and
of newly indexed reports (one entry per report).

Written with ElementTree, so every text is escaped and the document is
well-formed whatever a report contains; characters XML 1.0 cannot carry
(control characters from PDFs) are dropped. Each entry's ``id`` is the
absolute permalink of its passage or report, and ``updated`` the time its
report was indexed. Pure functions: the views pass absolute URLs in.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape

from search_service.model import Hit, Report
from search_service.web.shapes import snippet_html

NS = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00Z"  # for a feed with nothing in it yet
GENERATOR = "search-service"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", NS)


def xml_text(value) -> str:
    """Text XML 1.0 can hold: control characters and lone surrogates dropped."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def _sub(parent, tag: str, text=None, **attrs):
    el = ET.SubElement(parent, f"{{{NS}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def feed(*, feed_id: str, title: str, subtitle: str, self_url: str, html_url: str, entries: list[dict],
         updated: str | None = None) -> bytes:
    """The feed document. ``entries``: dicts with id, title, updated, url,
    summary, content (HTML), categories and author. ``updated`` defaults to
    the newest entry's (or EPOCH for an empty feed)."""
    root = ET.Element(f"{{{NS}}}feed")
    _sub(root, "id", feed_id)
    _sub(root, "title", title)
    _sub(root, "subtitle", subtitle)
    _sub(root, "updated", updated or max((e["updated"] for e in entries), default=EPOCH))
    _sub(root, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(root, "link", rel="alternate", type="text/html", href=html_url)
    _sub(_sub(root, "author"), "name", "Inspection report search")
    _sub(root, "generator", GENERATOR)
    for e in entries:
        entry = _sub(root, "entry")
        _sub(entry, "id", e["id"])
        _sub(entry, "title", e["title"], type="text")
        _sub(entry, "updated", e["updated"])
        _sub(entry, "published", e["updated"])
        _sub(entry, "link", rel="alternate", type="text/html", href=e["url"])
        if e.get("author"):
            _sub(_sub(entry, "author"), "name", e["author"])
        for term, label in e.get("categories", []):
            _sub(entry, "category", term=term, label=label)
        _sub(entry, "summary", e["summary"], type="text")
        _sub(entry, "content", e["content"], type="html")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def passage_entry(hit: Hit, url: str) -> dict:
    """A matching passage: its report and section as the title, its snippet,
    the citation to quote and a link that opens it in its report."""
    r, p = hit.report, hit.passage
    where = " › ".join(p.heading_path) or p.heading
    snippet = snippet_html(hit.snippet, "strong")
    content = (f"<p>{snippet}</p><p><cite>{escape(hit.citation)}</cite></p>"
               f'<p><a href="{escape(url)}">Read in context</a></p>')
    return {"id": url, "title": f"{r.title or r.id}: {where}" if where else (r.title or r.id),
            "updated": r.indexed_at or EPOCH, "url": url, "summary": hit.snippet.text, "content": content,
            "author": r.publisher, "categories": _categories(r)}


def report_entry(r: Report, url: str, headline: list[tuple[str, str]]) -> dict:
    """A newly indexed report: what it is, whom it inspected, its summing-up
    grades (``headline``: (label, grade)) and how many findings it lists."""
    facts = [r.family, r.inspection_year or (str(r.year) if r.year else ""), r.published and f"published {r.published}"]
    who = ", ".join(r.organisations or [r.force])
    summary = " · ".join(x for x in [who, *facts] if x)
    grades = "".join(f"<li>{escape(label)}: {escape(grade)}</li>" for label, grade in headline)
    counts = [(len(r.causes_of_concern), "cause of concern", "causes of concern"),
              (len(r.recommendations), "recommendation", "recommendations"),
              (len(r.areas_for_improvement), "area for improvement", "areas for improvement")]
    found = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)
    content = (f"<p>{escape(summary)}</p>" + (f"<ul>{grades}</ul>" if grades else "")
               + (f"<p>{escape(found)}.</p>" if found else "") + f'<p><a href="{escape(url)}">Read the report</a></p>')
    return {"id": url, "title": r.title or r.id, "updated": r.indexed_at or EPOCH, "url": url, "summary": summary,
            "content": content, "author": r.publisher, "categories": _categories(r)}


def _categories(r: Report) -> list[tuple[str, str]]:
    out = [(name, f"Organisation: {name}") for name in (r.organisations or [r.force]) if name]
    if r.family:
        out.append((r.family, f"Report family: {r.family}"))
    return out
