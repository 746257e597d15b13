"""The JSON shapes of the public contract (docs/ARCHITECTURE.md), built from
the core's dataclasses: the API returns them and the CLI's ``--json`` prints
them, so both give the same JSON. This is also where a snippet becomes HTML
(the contract's ``snippet`` field, and the result pages): escaped text with
``<mark>`` around the matches, nothing else.
"""
from __future__ import annotations

from html import escape

from markupsafe import Markup

from search_service.model import Answer, Group, Hit, Report, SearchResult, citation
from search_service.snippets import Snippet
from search_service.rules import REPORT_PER_PAGE
from search_service.web.urls import passage_url, report_api_url, report_url


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
    }
    if result.group:
        d.update(group=result.group, groups_total=result.groups_total,
                 groups=[group_json(g) for g in result.groups])
    return d


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


def report_json(report: Report, passages=None, page: int = 1, per_page: int = REPORT_PER_PAGE) -> dict:
    """A report; with ``passages``, one page of them (``per_page`` from
    ``page``), how many there are and the link to the next page (null on
    the last), so a response stays small whatever the report's length."""
    body = report.to_dict()
    body["url"] = report_url(report.id)
    if passages is not None:
        first = (page - 1) * per_page
        body["passages"] = [dict(p.to_dict(), url=passage_url(p.report_id, p.id))
                            for p in passages[first: first + per_page]]
        more = first + per_page < len(passages)
        body.update(passages_total=len(passages), passages_page=page, passages_per_page=per_page,
                    passages_next=report_api_url(report.id, page + 1, per_page if per_page != REPORT_PER_PAGE
                                                 else None) if more else None)
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
