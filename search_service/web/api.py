"""The JSON API (contract in DESIGN.md): thin views over the store and search."""
from __future__ import annotations

import errno
from contextlib import contextmanager

from flask import Blueprint, Response, jsonify, request, url_for

from search_service import answer as answer_mod
from search_service import compare as compare_mod
from search_service import corpus
from search_service import search as search_mod
from search_service.index import IndexBusy
from search_service.web import ApiError, get_store
from search_service.web.auth import require_bearer
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


WRITE_TIMEOUT = 30  # seconds an upload or delete waits for a running reindex


def truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@contextmanager
def write_errors():
    """Refusals and failures of a corpus change, as the API's errors."""
    try:
        yield
    except corpus.CorpusError as e:
        raise ApiError(e.status, e.code, e.message)
    except IndexBusy as e:
        raise ApiError(409, "busy", str(e))
    except OSError as e:  # disk full, read-only, permissions: the change was rolled back
        status = 507 if e.errno == errno.ENOSPC else 503
        raise ApiError(status, "write_failed", f"The change could not be saved ({e.strerror or e}); "
                       "nothing was changed. Try again later.")


def upload(file, replace: bool) -> corpus.Change:
    """Add an uploaded file (a werkzeug FileStorage); refusals become 4xx."""
    if file is None or not file.filename:
        raise ApiError(400, "missing_file", "Send the report as a multipart form field named 'file'.")
    data = file.read(corpus.MAX_BYTES + 1)
    with write_errors():
        return corpus.add_report(get_store(), file.filename, data, replace=replace, timeout=WRITE_TIMEOUT)


def delete(report_id: str):
    find_report(report_id)
    with write_errors():
        return corpus.remove_report(get_store(), report_id, timeout=WRITE_TIMEOUT)


@bp.post("/reports")
def add_report():
    require_bearer()
    change = upload(request.files.get("file"), truthy(request.form.get("replace")))
    body = {"status": change.status, "passages": change.passages, "report": change.report.to_dict()}
    response = jsonify(body)
    response.status_code = 201 if change.status == "added" else 200
    response.headers["Location"] = url_for("api.report", report_id=change.report.id)
    return response


@bp.delete("/reports/<report_id>")
def delete_report(report_id: str):
    require_bearer()
    report = delete(report_id)
    return jsonify({"status": "deleted", "report": report.summary()})


@bp.get("/health")
def health():
    reports, passages = get_store().counts()
    return jsonify({"status": "ok", "reports": reports, "passages": passages})


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())

