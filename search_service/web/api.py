"""The JSON API (contract in docs/ARCHITECTURE.md): read the parameters,
call the service, return its shape."""
from __future__ import annotations

import re

from flask import Blueprint, Response, jsonify, request, url_for

from search_service import compare as compare_mod
from search_service import findings as findings_mod
from search_service.completion import DEFAULT_LIMIT, MAX_LIMIT
from search_service.export import csv_text
from search_service.national import areas_index
from search_service.organisations import headline
from search_service.rules import MAX_PAGE, MAX_QUERY_LENGTH, MAX_REPORT_PER_PAGE, REPORT_PER_PAGE, QueryError
from search_service.web import service
from search_service.web.auth import require_bearer
from search_service.web.openapi import spec
from search_service.web.params import ask_params, format_param, int_param, search_params
from search_service.web.shapes import (ask_json, compare_json, export_csv, export_jsonl, finding_json,
                                       national_csv_rows, national_json, organisation_json,
                                       organisation_summary_json, report_json, search_json, timeline_csv_rows)

bp = Blueprint("api", __name__, url_prefix="/api")


EXPORT_TYPES = {"csv": ("text/csv", export_csv), "jsonl": ("application/x-ndjson", export_jsonl)}


@bp.get("/search")
def search():
    fmt = format_param(request.args)
    params = search_params(request.args)
    if fmt == "json":
        return jsonify(search_json(service.run_search(params)))
    result = service.run_export(params)
    mimetype, write = EXPORT_TYPES[fmt]
    name = re.sub(r"[^a-z0-9]+", "-", result.query.lower()).strip("-")[:60] or "results"
    return Response(write(result, request.host_url), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="search-{name}.{fmt}"',
        "X-Total-Count": str(result.total), "X-Exported-Count": str(len(result.hits))})


@bp.get("/suggest")
def suggest():
    q = request.args.get("q", "")
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError("query_too_long", f"The query is longer than {MAX_QUERY_LENGTH:,} characters.")
    limit = int_param(request.args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    return jsonify({"query": q, "suggestions": [c.to_dict() for c in service.run_suggest(q, limit)]})


@bp.get("/ask")
def ask():
    params = ask_params(request.args)
    asked = service.run_ask(params.q, params.per_page, facets=False)  # the JSON answer has none
    return jsonify(ask_json(asked.answer, asked.result, asked.declined_reason))


@bp.get("/glossary")
def glossary():
    return jsonify({"glossary": service.glossary_entries()})


@bp.get("/reports")
def reports():
    return jsonify({"reports": [report_json(r) for r in service.list_reports(request.args)]})


def csv_attachment(text: str, filename: str) -> Response:
    return Response(text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def csv_response(table: dict) -> Response:
    return csv_attachment(compare_mod.to_csv(table), "peel-judgments.csv")


def _format(allowed=("json", "csv")) -> str:
    fmt = request.args.get("format", "json").strip().lower() or "json"
    if fmt not in allowed:
        raise QueryError("bad_parameter", f"'format' must be {' or '.join(allowed)}.")
    return fmt


@bp.get("/compare")
def compare():
    fmt = _format()
    table = service.run_compare(request.args)
    return csv_response(table) if fmt == "csv" else jsonify(compare_json(table))


@bp.get("/recommendations")
def recommendations():
    fmt = _format()
    rows = [finding_json(i) for i in service.list_findings(request.args)]
    if fmt == "csv":
        rows = [dict(r, progress=[p["url"] for p in r["progress"]]) for r in rows]
        return csv_attachment(findings_mod.to_csv(rows), "recommendations.csv")
    return jsonify({"total": len(rows), "items": rows})


@bp.get("/compare.csv")
def compare_csv():
    return csv_response(service.run_compare(request.args))


@bp.get("/reports/<report_id>")
def report(report_id: str):
    r = service.find_report(report_id)
    page = int_param(request.args, "page", 1, 1, MAX_PAGE)
    per_page = int_param(request.args, "per_page", REPORT_PER_PAGE, 1, MAX_REPORT_PER_PAGE)
    return jsonify(report_json(r, service.get_store().passages(r.id), page, per_page))


def truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@bp.post("/reports")
def add_report():
    require_bearer()
    change = service.upload(request.files.get("file"), truthy(request.form.get("replace")))
    body = {"status": change.status, "passages": change.passages, "report": report_json(change.report)}
    response = jsonify(body)
    response.status_code = 201 if change.status == "added" else 200
    response.headers["Location"] = url_for("api.report", report_id=change.report.id)
    return response


@bp.delete("/reports/<report_id>")
def delete_report(report_id: str):
    require_bearer()
    report = service.delete(report_id)
    return jsonify({"status": "deleted", "report": report.summary()})


@bp.get("/health")
def health():
    reports, passages = service.get_store().counts()
    return jsonify({"status": "ok", "reports": reports, "passages": passages})


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())


@bp.get("/forces")
def forces():
    orgs = service.all_organisations()
    return jsonify({"total": len(orgs), "organisations": [organisation_summary_json(o, headline(o)) for o in orgs]})


@bp.get("/forces/<organisation_id>")
def force(organisation_id: str):
    fmt = _format()
    org = service.find_organisation(organisation_id)
    body = organisation_json(org, service.organisation_record(org), *service.organisation_links(org))
    if fmt == "csv":
        return csv_attachment(csv_text(*timeline_csv_rows(org, body["timeline"])), f"{org.id}-grades.csv")
    return jsonify(body)


@bp.get("/areas")
def areas():
    return jsonify({"groups": areas_index(service.national_cells())})


@bp.get("/areas/<key>")
def area(key: str):
    fmt = _format()
    table = request.args.get("table", "organisations").strip().lower() or "organisations"
    if table not in ("organisations", "counts"):
        raise QueryError("bad_parameter", "'table' must be organisations or counts.")
    body = national_json(service.national_picture(key, request.args))
    if fmt == "csv":
        return csv_attachment(csv_text(*national_csv_rows(body, table)), f"{body['key']}-{table}.csv")
    return jsonify(body)
