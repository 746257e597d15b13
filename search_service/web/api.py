"""The JSON API (contract in DESIGN.md): thin views over the store and search."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from search_service import answer as answer_mod
from search_service import compare as compare_mod
from search_service import search as search_mod
from search_service.web import ApiError, get_store
from search_service.web.openapi import spec
from search_service.web.params import (COMPARE_FILTERS, REPORT_FILTERS, ask_params, filter_params,
                                       search_params, valid_report_id)

bp = Blueprint("api", __name__, url_prefix="/api")


def run_search(store, params):
    """search.search with QueryError turned into a 400 ApiError."""
    try:
        return search_mod.search(store, params.q, page=params.page, per_page=params.per_page,
                                 filters=params.filters or None, group=params.group)
    except search_mod.QueryError as e:
        raise ApiError(400, e.code, e.message)


def run_ask(store, q: str, per_page: int):
    """answer.ask with QueryError turned into a 400 ApiError: (Answer | None, SearchResult)."""
    try:
        return answer_mod.ask(store, q, per_page=per_page)
    except search_mod.QueryError as e:
        raise ApiError(400, e.code, e.message)


def glossary_entries(store) -> list[dict]:
    """The glossary as a list sorted by acronym (case-insensitively)."""
    return [{"acronym": acronym, "expansion": expansion}
            for acronym, expansion in sorted(store.glossary().items(), key=lambda kv: (kv[0].lower(), kv[0]))]


def find_report(report_id: str):
    """The report, or a 404 for unknown and malformed ids alike."""
    report = get_store().report(report_id) if valid_report_id(report_id) else None
    if report is None:
        raise ApiError(404, "not_found", f"No report with id '{report_id[:200]}'.")
    return report


@bp.get("/search")
def search():
    return jsonify(run_search(get_store(), search_params(request.args)).to_dict())


@bp.get("/ask")
def ask():
    params = ask_params(request.args)
    answer, result = run_ask(get_store(), params.q, params.per_page)
    return jsonify({
        "question": result.query,
        "answer": answer.to_dict() if answer else None,
        "results": [h.to_dict() for h in result.hits],
        "expansions": result.expansions,
    })


@bp.get("/glossary")
def glossary():
    return jsonify({"glossary": glossary_entries(get_store())})


def list_reports(store, args):
    """The reports that the force, year and inspection parameters allow."""
    try:
        return compare_mod.select_reports(store.reports(), filter_params(args, REPORT_FILTERS))
    except search_mod.QueryError as e:
        raise ApiError(400, e.code, e.message)


def run_compare(store, args) -> dict:
    """compare.compare over the request's filters, QueryError as a 400."""
    try:
        return compare_mod.compare(store.reports(), filter_params(args, COMPARE_FILTERS))
    except search_mod.QueryError as e:
        raise ApiError(400, e.code, e.message)


@bp.get("/reports")
def reports():
    return jsonify({"reports": [r.to_dict() for r in list_reports(get_store(), request.args)]})


def csv_response(table: dict) -> Response:
    return Response(compare_mod.to_csv(table), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="peel-judgments.csv"'})


@bp.get("/compare")
def compare():
    fmt = request.args.get("format", "json").strip().lower() or "json"
    if fmt not in ("json", "csv"):
        raise ApiError(400, "bad_parameter", "'format' must be json or csv.")
    table = run_compare(get_store(), request.args)
    return csv_response(table) if fmt == "csv" else jsonify(table)


@bp.get("/compare.csv")
def compare_csv():
    return csv_response(run_compare(get_store(), request.args))


@bp.get("/reports/<report_id>")
def report(report_id: str):
    r = find_report(report_id)
    body = r.to_dict()
    body["passages"] = [p.to_dict() for p in get_store().passages(r.id)]
    return jsonify(body)


@bp.get("/health")
def health():
    reports, passages = get_store().counts()
    return jsonify({"status": "ok", "reports": reports, "passages": passages})


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())

