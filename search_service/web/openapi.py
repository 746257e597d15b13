"""OpenAPI 3.0 description of the JSON API that exists today.

Kept as a Python dict next to the views so a new endpoint and its spec land in
the same change; tests check every route under /api is listed here.
The admin endpoints (POST/DELETE /api/reports) of DESIGN.md are left out until
they are implemented.
"""
from __future__ import annotations

import search_service

_STR = {"type": "string"}
_INT = {"type": "integer"}
_NULL_STR = {"type": "string", "nullable": True}
_NULL_INT = {"type": "integer", "nullable": True}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERROR = _json(_ref("Error"), "Error")

_SCHEMAS = {
    "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "example": "bad_parameter",
                         "description": "Stable machine-readable code"},
                "message": {"type": "string", "description": "Human-readable explanation"},
            }}},
    },
    "ReportSummary": {
        "type": "object", "required": ["id", "title", "force", "year"],
        "properties": {"id": _STR, "title": _STR, "force": _STR, "year": _NULL_INT},
    },
    "Judgment": {
        "type": "object", "required": ["area", "grade"],
        "properties": {"area": _STR, "grade": {
            "type": "string", "enum": ["Outstanding", "Good", "Requires improvement", "Inadequate"]},
            "passage_id": _NULL_STR},
    },
    "Report": {
        "type": "object", "required": ["id", "title", "force", "year"],
        "properties": {
            "id": _STR, "title": _STR, "force": _STR, "year": _NULL_INT,
            "inspection": _STR, "publisher": _STR, "published": _STR,
            "source": {"type": "string", "description": "File name in the corpus"},
            "sha256": _STR, "pages": _INT,
            "judgments": {"type": "array", "items": _ref("Judgment")},
            "areas_for_improvement": {"type": "array", "items": _STR},
        },
    },
    "Passage": {
        "type": "object",
        "required": ["id", "report_id", "heading", "heading_path", "page", "pdf_page", "kind", "text", "order"],
        "properties": {
            "id": _STR, "report_id": _STR, "heading": _STR,
            "heading_path": {"type": "array", "items": _STR,
                             "description": "Enclosing headings, outermost first"},
            "page": {"type": "integer", "description": "Printed page label"},
            "pdf_page": {"type": "integer", "nullable": True,
                         "description": "Physical page of a PDF report; null for text reports"},
            "kind": {"type": "string", "example": "body",
                     "description": "body, summary, area_for_improvement, footnote, table, judgment"},
            "text": _STR, "order": _INT,
        },
    },
    "ReportDetail": {"allOf": [_ref("Report"), {
        "type": "object", "required": ["passages"],
        "properties": {"passages": {"type": "array", "items": _ref("Passage")}}}]},
    "Hit": {
        "type": "object",
        "required": ["id", "rank", "score", "text", "snippet", "matches", "heading",
                     "heading_path", "page", "pdf_page", "kind", "citation", "url", "report"],
        "properties": {
            "id": _STR, "rank": _INT, "score": {"type": "number"}, "text": _STR,
            "snippet": {"type": "string", "description": "HTML-escaped text with <mark> around matches"},
            "matches": {"type": "array", "description": "[start, end) offsets into text",
                        "items": {"type": "array", "items": _INT, "minItems": 2, "maxItems": 2}},
            "heading": _STR, "heading_path": {"type": "array", "items": _STR},
            "page": {"type": "integer", "description": "Printed page label"},
            "pdf_page": {"type": "integer", "nullable": True,
                         "description": "Physical page of a PDF report; null for text reports"},
            "kind": _STR,
            "citation": {"type": "string", "description": "Reference ready to quote"},
            "url": {"type": "string", "example": "/reports/some-report#some-report-0001",
                    "description": "Permalink to the passage in its report"},
            "report": _ref("ReportSummary"),
        },
    },
    "SearchResponse": {
        "type": "object",
        "required": ["query", "total", "page", "per_page", "results", "facets", "suggestion", "expansions"],
        "properties": {
            "query": _STR, "total": _INT, "page": _INT, "per_page": _INT,
            "results": {"type": "array", "items": _ref("Hit")},
            "facets": {"type": "object", "description": "Facet name (force, year, kind) → value → count",
                       "additionalProperties": {"type": "object", "additionalProperties": _INT}},
            "suggestion": {"type": "string", "nullable": True, "description": "Did-you-mean query"},
            "expansions": {"type": "array", "items": _ref("Expansion"),
                           "description": "How query terms were expanded (acronyms, both ways)"},
        },
    },
    "Expansion": {
        "type": "object", "required": ["term", "acronym", "expansion", "direction"],
        "description": "One acronym expansion applied to the query. \"IOM\" gives direction "
                       "\"acronym\" and expansion \"integrated offender management\"; "
                       "\"integrated offender management\" gives direction \"long_form\" and expansion \"IOM\".",
        "properties": {
            "term": {"type": "string", "description": "The query's words that were expanded"},
            "acronym": {"type": "string", "example": "IOM"},
            "expansion": {"type": "string", "description": "What the term was also searched as"},
            "direction": {"type": "string", "enum": ["acronym", "long_form"]},
        },
    },
    "Answer": {
        "type": "object",
        "required": ["text", "passage_id", "citation", "url", "confidence", "start", "end"],
        "properties": {
            "text": {"type": "string", "description": "The answering sentence, or a grade and its area"},
            "passage_id": _STR,
            "citation": {"type": "string", "description": "Reference ready to quote"},
            "url": {"type": "string", "description": "Permalink to the passage in its report"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "start": {"type": "integer", "description": "Offset of the answer in the passage text "
                                                        "(0 with end 0 for grade answers read from judgments)"},
            "end": {"type": "integer", "description": "End offset (exclusive) of the answer in the passage text"},
        },
    },
    "AskResponse": {
        "type": "object", "required": ["question", "answer", "results", "expansions"],
        "properties": {
            "question": _STR,
            "answer": {"allOf": [_ref("Answer")], "nullable": True,
                       "description": "null when nothing in the reports answers the question"},
            "results": {"type": "array", "items": _ref("Hit"), "description": "The passages searched for the answer"},
            "expansions": {"type": "array", "items": _ref("Expansion")},
        },
    },
    "Glossary": {
        "type": "object", "required": ["glossary"],
        "properties": {"glossary": {"type": "array", "items": {
            "type": "object", "required": ["acronym", "expansion"],
            "properties": {"acronym": {"type": "string", "example": "IOM"},
                           "expansion": {"type": "string", "example": "integrated offender management"}}}}},
    },
    "Health": {
        "type": "object", "required": ["status", "reports", "passages"],
        "properties": {"status": {"type": "string", "enum": ["ok"]}, "reports": _INT, "passages": _INT},
    },
}


def _query(name: str, description: str, schema: dict | None = None, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required,
            "description": description, "schema": schema or _STR}


_SEARCH_PARAMS = [
    _query("q", "Query: words, \"phrases\", AND/OR/NOT, field:value", {"type": "string", "maxLength": 1000}, True),
    _query("page", "Result page, from 1", {"type": "integer", "minimum": 1, "default": 1}),
    _query("per_page", "Results per page", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}),
    _query("force", "Only this force (exact name, as in facets)"),
    _query("year", "Only this year", {"type": "string", "pattern": "^[0-9]{4}$"}),
    _query("kind", "Only this passage kind"),
    _query("report", "Only this report id", {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}),
]

_PATHS = {
    "/api/search": {"get": {
        "summary": "Search passages", "operationId": "search", "parameters": _SEARCH_PARAMS,
        "responses": {"200": _json(_ref("SearchResponse"), "Ranked, cited passages"),
                      "400": _ERROR}}},
    "/api/ask": {"get": {
        "summary": "Answer a question with a cited sentence", "operationId": "ask",
        "description": "Searches the whole corpus for the question and returns the sentence that answers it, "
                       "or answer null when no passage supports an answer.",
        "parameters": [
            _query("q", "A question in plain words", {"type": "string", "maxLength": 1000}, True),
            _query("per_page", "Passages returned", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}),
        ],
        "responses": {"200": _json(_ref("AskResponse"), "The answer (or null) and the passages searched"),
                      "400": _ERROR}}},
    "/api/glossary": {"get": {
        "summary": "Acronyms and their long forms", "operationId": "glossary",
        "responses": {"200": _json(_ref("Glossary"), "Every known acronym, sorted")}}},
    "/api/reports": {"get": {
        "summary": "List reports", "operationId": "listReports",
        "responses": {"200": _json({"type": "object", "required": ["reports"], "properties": {
            "reports": {"type": "array", "items": _ref("Report")}}}, "All indexed reports")}}},
    "/api/reports/{id}": {"get": {
        "summary": "One report with its passages in reading order", "operationId": "getReport",
        "parameters": [{"name": "id", "in": "path", "required": True,
                        "schema": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}}],
        "responses": {"200": _json(_ref("ReportDetail"), "The report"), "404": _ERROR}}},
    "/api/health": {"get": {
        "summary": "Liveness and index size", "operationId": "health",
        "responses": {"200": _json(_ref("Health"), "Service is up")}}},
    "/api/openapi.json": {"get": {
        "summary": "This document", "operationId": "openapi",
        "responses": {"200": _json({"type": "object"}, "OpenAPI 3.0 document")}}},
}


def spec() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Police inspection report search", "version": search_service.__version__,
                 "description": "Search HMIC PEEL inspection reports; every hit carries a citation "
                                "and a permalink. Errors always have the Error shape."},
        "paths": _PATHS,
        "components": {"schemas": _SCHEMAS},
    }
