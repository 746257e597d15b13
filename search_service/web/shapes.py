"""The JSON shapes of the public contract (docs/ARCHITECTURE.md), built from
the core's dataclasses: the API returns them and the CLI's ``--json`` prints
them, so both give the same JSON. This is also where a snippet becomes HTML
(the contract's ``snippet`` field, and the result pages): escaped text with
``<mark>`` around the matches, nothing else.
"""
from __future__ import annotations

import json
from html import escape

from markupsafe import Markup

from search_service.export import csv_text
from search_service.model import Answer, Group, Hit, Report, SearchResult, citation
from search_service.snippets import Snippet
from search_service.web.urls import passage_url, report_url


def snippet_html(snippet: Snippet) -> Markup:
    out, pos = [], 0
    for a, b in snippet.marks:
        out.append(escape(snippet.text[pos:a]))
        out.append(f"<mark>{escape(snippet.text[a:b])}</mark>")
        pos = b
    out.append(escape(snippet.text[pos:]))
    return Markup("".join(out))


def hit_json(hit: Hit) -> dict:
    p = hit.passage
    return {
        "id": p.id,
        "rank": hit.rank,
        "score": round(hit.score, 4),
        "text": p.text,
        "snippet": str(snippet_html(hit.snippet)),
        "matches": hit.matches,
        "heading": p.heading,
        "heading_path": p.heading_path,
        "page": p.page,
        "page_end": p.page_end,
        "pdf_page": p.pdf_page,
        "anchor": p.anchor,
        "kind": p.kind,
        "citation": hit.citation,
        "url": passage_url(p.report_id, p.id),
        "report": hit.report.summary(),
        "grade": hit.grade,
        "missing": hit.missing,
    }


def group_json(g: Group) -> dict:
    return {
        "report": g.report.summary(),
        "count": g.count,
        "score": round(g.score, 4),
        "pages": [{"page": page, "id": pid, "url": passage_url(g.report.id, pid)} for page, pid in g.pages],
        "hits": [hit_json(h) for h in g.hits],
    }


def search_json(result: SearchResult) -> dict:
    d = {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "results": [hit_json(h) for h in result.hits],
        "facets": result.facets,
        "suggestion": result.suggestion,
        "expansions": result.expansions,
        "corrected": result.corrected,
        "relaxed": result.relaxed,
        "dropped": result.dropped,
        "sort": result.sort,
        "year_from": result.year_from,
        "year_to": result.year_to,
        "took_ms": result.took_ms,
    }
    if result.group:
        d.update(group=result.group, groups_total=result.groups_total,
                 groups=[group_json(g) for g in result.groups])
    return d


def cite_with_url(citation: str, url: str) -> str:
    """A citation to paste into a document: the reference and where to read it."""
    return f"{citation}. Available at: {url}"


EXPORT_COLUMNS = ("rank", "citation", "report_id", "report_title", "force", "year", "page", "pdf_page",
                  "heading_path", "kind", "grade", "url", "missing", "text")


def export_row(hit: Hit, base_url: str) -> dict:
    """One exported result: the citation, where it is (report, page,
    heading path) and its absolute URL, with the passage's text."""
    p, r = hit.passage, hit.report
    return {"rank": hit.rank, "citation": hit.citation, "report_id": r.id, "report_title": r.title,
            "force": r.force, "year": r.year, "page": p.page, "pdf_page": p.pdf_page,
            "heading_path": p.heading_path, "kind": p.kind, "grade": hit.grade,
            "url": base_url.rstrip("/") + passage_url(p.report_id, p.id), "missing": hit.missing, "text": p.text}


def export_jsonl(result: SearchResult, base_url: str) -> str:
    return "".join(json.dumps(export_row(h, base_url), ensure_ascii=False) + "\n" for h in result.hits)


def export_csv(result: SearchResult, base_url: str) -> str:
    """The rows as CSV (export.csv_text: RFC 4180, formulas defused), the
    heading path joined with " › "."""
    rows = []
    for hit in result.hits:
        row = export_row(hit, base_url)
        row["heading_path"] = " › ".join(row["heading_path"])
        row["missing"] = " ".join(row["missing"])
        rows.append([row[c] for c in EXPORT_COLUMNS])
    return csv_text(list(EXPORT_COLUMNS), rows)


def answer_json(answer: Answer | None) -> dict | None:
    if answer is None:
        return None
    return {"text": answer.text, "passage_id": answer.passage_id, "citation": answer.citation,
            "url": passage_url(answer.report_id, answer.passage_id), "confidence": answer.confidence,
            "start": answer.start, "end": answer.end, "kind": answer.kind,
            "items": [{"text": i.text, "report": i.report_id, "title": i.report_title,
                       "organisation": i.organisation, "year": i.year, "value": i.value,
                       "passage_id": i.passage_id, "citation": i.citation,
                       "url": passage_url(i.report_id, i.passage_id)} for i in answer.items],
            "note": answer.note}


def ask_json(answer: Answer | None, result: SearchResult, declined_reason: str | None = None) -> dict:
    return {"question": result.query, "answer": answer_json(answer),
            "declined_reason": declined_reason if answer is None else None,
            "results": [hit_json(h) for h in result.hits], "expansions": result.expansions}


def report_json(report: Report, passages=None) -> dict:
    body = report.to_dict()
    body["url"] = report_url(report.id)
    if passages is not None:
        body["passages"] = [dict(p.to_dict(), url=passage_url(p.report_id, p.id)) for p in passages]
    return body


def finding_json(item) -> dict:
    """A cause of concern, recommendation or area for improvement (findings.Item)."""
    r = item.report
    return {"kind": item.kind, "text": item.text, "number": item.number, "addressed_to": item.addressed_to,
            "deadline": item.deadline, "recommendations": item.recommendations,
            "organisation": r.force or ", ".join(r.organisations), "year": r.year, "family": r.family,
            "report": r.id, "title": r.title, "passage_id": item.passage_id,
            "url": passage_url(r.id, item.passage_id),
            "progress": [{"report": p.report.id, "title": p.report.title, "year": p.report.year,
                          "passage_id": p.passage.id, "url": passage_url(p.report.id, p.passage.id),
                          "citation": citation(p.report, p.passage)} for p in item.progress]}


def _compare_rows(rows: list[dict]) -> list[dict]:
    out = []
    for row in rows:
        rid = row["report"]["id"]
        out.append({
            "report": dict(row["report"], url=report_url(rid)),
            "grades": row["grades"],
            "sources": {a: {"area": src["area"], "passage_id": src["passage_id"],
                            "url": passage_url(rid, src["passage_id"]) if src["passage_id"] else None}
                        for a, src in row["sources"].items()},
        })
    return out


def compare_json(table: dict) -> dict:
    """compare.compare's table with links to each report and each grade's passage."""
    return {"areas": table["areas"], "rows": _compare_rows(table["rows"]),
            "groups": [dict(g, rows=_compare_rows(g["rows"])) for g in table.get("groups", [])]}
