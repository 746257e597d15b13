"""HTML pages: search (with an answer card for questions), results, report
list, a report read in context, the acronym glossary.

Every state (query, filters, page, target passage) lives in the URL so any
page can be shared; the views only gather data and templates do the rest.
"""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from search_service import answer as answer_mod
from search_service.model import citation
from search_service.web import ApiError, get_store
from search_service.web.api import find_report, glossary_entries, run_ask, run_search
from search_service.web.outline import outline
from search_service.web.params import FILTERS, search_params

bp = Blueprint("pages", __name__)  # templates/ and static/ belong to the app

FACET_LABELS = {"force": "Force", "year": "Year", "kind": "Passage type"}
STATE_PARAMS = ("q", "per_page", "page") + FILTERS
ANSWER_CONTEXT = 300  # characters of the paragraph shown either side of the answer


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
    store = get_store()
    try:
        params = search_params(request.args)
        # A question gets an answer card on its first, unfiltered page: the
        # core answers over the whole corpus, so a filtered list could sit
        # under an answer from a report the filters exclude.
        asked = answer_mod.is_question(q) and params.page == 1 and not params.filters
        if asked:
            answer, result = run_ask(store, params.q, params.per_page)
        else:
            answer, result = None, run_search(store, params)
    except ApiError as e:
        return render_template("search.html", q=q, error=e.description, result=None,
                               filters={}), e.code
    return render_template("search.html", q=q, result=result, filters=params.filters,
                           asked=asked, answer=answer, quote=answer_quote(store, answer),
                           facet_labels=FACET_LABELS, error=None)


def answer_quote(store, answer, context: int = ANSWER_CONTEXT) -> dict | None:
    """The answer sentence in its paragraph, split for highlighting:
    {"before", "mark", "after"} (plain text, escaped by the template), with
    the paragraph trimmed to about ``context`` characters either side.

    None when there is nothing to highlight (grade answers, whose start and
    end are 0, come from judgments, not a sentence) or when the offsets do not
    hold the answer text; the card then shows the answer text alone.
    """
    if answer is None or answer.end <= answer.start:
        return None
    passage = store.passage(answer.passage_id)
    if passage is None:
        return None
    text, a, b = passage.text, answer.start, answer.end
    if not (0 <= a < b <= len(text)) or squash(text[a:b]) != squash(answer.text):
        return None
    lo = text.rfind("\n\n", 0, a)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", b)
    hi = len(text) if hi < 0 else hi
    before, after = text[lo:a], text[b:hi]
    if len(before) > context:
        cut = before.find(" ", len(before) - context)
        before = "… " + before[cut + 1:] if cut >= 0 else before
    if len(after) > context:
        cut = after.rfind(" ", 0, context)
        after = after[:cut if cut > 0 else context] + " …"
    return {"before": before.lstrip(), "mark": text[a:b], "after": after.rstrip()}


def squash(text: str) -> str:
    return " ".join(text.split())


@bp.get("/glossary")
def glossary():
    return render_template("glossary.html", entries=glossary_entries(get_store()))


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
