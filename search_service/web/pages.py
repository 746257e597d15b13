"""HTML pages: search, results, report list, a report read in context.

Every state (query, filters, page, target passage) lives in the URL so any
page can be shared; the views only gather data and templates do the rest.
"""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from search_service.model import citation
from search_service.web import ApiError, get_store
from search_service.web.api import find_report, run_search
from search_service.web.outline import outline
from search_service.web.params import FILTERS, search_params

bp = Blueprint("pages", __name__)  # templates/ and static/ belong to the app

FACET_LABELS = {"force": "Force", "year": "Year", "kind": "Passage type"}
STATE_PARAMS = ("q", "per_page", "page") + FILTERS


@bp.app_template_global()
def url_with(**changes) -> str:
    """The current /search URL with some parameters changed (None removes one).

    Changing anything but the page starts again at page 1.
    """
    args = {k: request.args.get(k) for k in STATE_PARAMS if request.args.get(k)}
    if "page" not in changes:
        args.pop("page", None)
    for key, value in changes.items():
        if value is None or value == "":
            args.pop(key, None)
        else:
            args[key] = str(value)
    if args.get("page") == "1":
        del args["page"]
    return url_for("pages.search_page", **args)


@bp.app_template_filter()
def humanize(value) -> str:
    """'area_for_improvement' → 'Area for improvement'."""
    text = str(value).replace("_", " ")
    return text[:1].upper() + text[1:]


@bp.get("/")
def index():
    reports, passages = get_store().counts()
    return render_template("index.html", reports=reports, passages=passages)


@bp.get("/search")
def search_page():
    if "q" not in request.args:
        return redirect(url_for("pages.index"))
    q = request.args.get("q", "")
    try:
        params = search_params(request.args)
        result = run_search(get_store(), params)
    except ApiError as e:
        return render_template("search.html", q=q, error=e.description, result=None,
                               filters={}), e.code
    return render_template("search.html", q=q, result=result, filters=params.filters,
                           answer=answer_for(q, result), facet_labels=FACET_LABELS,
                           error=None)


def answer_for(q: str, result):
    """HOOK: the answer card shown above the results when the query is a question.

    Not implemented yet: returns None until search_service.answer exists. Then
    call answer.ask(store, q) when the query is a question and return its Answer
    (and use its SearchResult for the list). search.html already renders an
    Answer (text, citation, url) when one is given. Never invent an answer here.
    """
    return None


@bp.get("/reports")
def reports():
    return render_template("reports.html", reports=get_store().reports())


@bp.get("/reports/<report_id>")
def report(report_id: str):
    r = find_report(report_id)
    passages = get_store().passages(r.id)
    toc, items = outline(passages)
    citations = {p.id: citation(r, p) for p in passages}
    return render_template("report.html", report=r, toc=toc, items=items, citations=citations)
