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
from search_service.compare import area_key
from search_service.model import Answer, Group, Hit, Report, SearchResult, citation
from search_service.snippets import Snippet
from search_service.rules import REPORT_PER_PAGE
from search_service.web.urls import area_url, organisation_url, passage_url, report_api_url, report_url


def snippet_html(snippet: Snippet, tag: str = "mark") -> Markup:
    """Escaped text with the matches in ``tag`` (feeds use "strong": feed readers drop <mark>)."""
    out, pos = [], 0
    for a, b in snippet.marks:
        out.append(escape(snippet.text[pos:a]))
        out.append(f"<{tag}>{escape(snippet.text[a:b])}</{tag}>")
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
                       "organisation": i.organisation, "year": i.year, "value": i.value, "quote": i.quote,
                       "area": i.area,
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


def _headline_json(report: Report, overall) -> list[dict]:
    return [{"area": label, "grade": j.grade, "passage_id": j.passage_id,
             "url": passage_url(report.id, j.passage_id)} for label, j in overall]


def organisation_summary_json(org, headline: dict | None) -> dict:
    """An organisation in the list: its reports and its newest graded
    report's summing-up grades (Overall or pillar grades; from PEEL 2021/22
    on there are none, and ``grades`` counts its areas per grade)."""
    latest = None
    if headline:
        r = headline["report"]
        latest = {"report": r.id, "title": r.title, "year": r.year, "inspection_year": r.inspection_year,
                  "inspection": r.inspection, "family": r.family, "grading_scale": r.grading_scale,
                  "url": report_url(r.id),
                  "overall": _headline_json(r, headline["overall"]), "grades": headline["counts"]}
    return {"id": org.id, "name": org.name, "organisation_type": org.type, "reports": len(org.reports),
            "url": organisation_url(org.id), "latest": latest}


def timeline_json(groups: list[dict]) -> list[dict]:
    """organisations.timeline with grades by cycle and links to the passages that give them."""
    return [{"organisation_type": g["organisation_type"], "grading_scale": g["grading_scale"],
             "programme": g["programme"], "title": g["title"], "caution": g["caution"], "cycles": g["cycles"],
             "rows": [{"area": row["area"], "area_url": area_url(area_key(row["area"])),
                       "grades": {c: row["cells"][c]["grade"] if c in row["cells"] else None for c in g["cycles"]},
                       "sources": {c: {"area": cell["area"], "report": cell["report"].id,
                                       "passage_id": cell["passage_id"], "from_table": cell["from_table"],
                                       "url": passage_url(cell["report"].id, cell["passage_id"])}
                                   for c, cell in row["cells"].items()}}
                      for row in g["rows"]]} for g in groups]


def organisation_json(org, record: dict, search_url: str, feed_url: str) -> dict:
    """An organisation's page as JSON: its reports (newest first), timeline
    and findings ("open": no later report says what became of them;
    "progress": one does; "others": recommendations to other bodies), each
    finding with the citation of its passage."""
    passages = record["passages"]

    def item(i) -> dict:
        p = passages.get(i.passage_id)
        return dict(finding_json(i), citation=citation(i.report, p) if p else i.report.title)

    headline = record["headline"]
    return {
        "id": org.id, "name": org.name, "organisation_type": org.type, "url": organisation_url(org.id),
        "latest": organisation_summary_json(org, headline)["latest"],
        "reports": [{"id": r.id, "title": r.title, "year": r.year, "inspection_year": r.inspection_year,
                     "family": r.family, "inspection": r.inspection, "grading_scale": r.grading_scale,
                     "published": r.published, "organisations": r.organisations, "indexed_at": r.indexed_at,
                     "url": report_url(r.id)} for r in org.reports],
        "timeline": timeline_json(record["timeline"]),
        "findings": {k: [item(i) for i in items] for k, items in record["items"].items()},
        "search_url": search_url,
        "feed_url": feed_url,
    }


def timeline_csv_rows(org, timeline: list[dict]) -> tuple[list[str], list[list]]:
    """The timeline as a long table: one row per grade."""
    header = ["Organisation", "Organisation type", "Grading scale", "Area", "Cycle", "Grade", "Area as worded",
              "Report", "URL", "From a later report's table", "Programme"]
    rows = [[org.name, g["organisation_type"], g["grading_scale"], row["area"], cycle, row["grades"][cycle],
             src["area"], src["report"], src["url"], "yes" if src["from_table"] else "no", g["programme"]]
            for g in timeline for row in g["rows"] for cycle in g["cycles"] if (src := row["sources"].get(cycle))]
    return header, rows


def national_json(picture: dict) -> dict:
    """national.national with links: each organisation's page, each grade's passage."""
    def row(c: dict) -> dict:
        r = c["report"]
        return {"organisation": c["organisation"], "organisation_id": c["organisation_id"],
                "organisation_url": organisation_url(c["organisation_id"]), "cycle": c["cycle"], "year": c["year"],
                "grade": c["grade"], "area": c["area_as_worded"],
                "report": {"id": r.id, "title": r.title, "year": r.year}, "passage_id": c["passage_id"],
                "url": passage_url(r.id, c["passage_id"])}

    return {"area": picture["area"], "key": picture["key"], "url": area_url(picture["key"]),
            "cycle": picture["cycle"], "grade": picture["grade"],
            "groups": [dict(g, rows=[row(c) for c in g["rows"]]) for g in picture["groups"]]}


def national_csv_rows(picture: dict, table: str) -> tuple[list[str], list[list]]:
    """The chart's counts (``table="counts"``: one row per cycle and grade) or
    the organisations behind them (one row each), as national_json gives them."""
    if table == "counts":
        return (["Area", "Organisation type", "Grading scale", "Cycle", "Grade", "Organisations", "Programme"],
                [[picture["area"], g["organisation_type"], g["grading_scale"], c["cycle"], grade, n, g["programme"]]
                 for g in picture["groups"] for c in g["cycles"] for grade, n in c["counts"].items()])
    return (["Area", "Organisation type", "Grading scale", "Cycle", "Organisation", "Grade", "Area as worded",
             "Report", "URL", "Programme"],
            [[picture["area"], g["organisation_type"], g["grading_scale"], r["cycle"], r["organisation"], r["grade"],
              r["area"], r["report"]["id"], r["url"], g["programme"]] for g in picture["groups"] for r in g["rows"]])
