"""The web layer: a Flask app serving the JSON API and the HTML pages.

Both are thin views over ``IndexStore`` and ``search.search``; this module
wires them together and owns the cross-cutting rules: error shapes (JSON under
/api, a friendly page elsewhere, never a traceback), strict UTF-8 query
strings, request size limits and security headers.
"""
from __future__ import annotations

import logging
from urllib.parse import unquote_to_bytes

from flask import Flask, current_app, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from search_service.config import Settings
from search_service.index import IndexStore

MAX_CONTENT_LENGTH = 50 * 1024 * 1024

# No inline scripts or styles anywhere: JS and CSS are static files.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

# Stable machine-readable codes for HTTP errors raised by Flask/Werkzeug.
HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
              413: "too_large", 414: "uri_too_long", 500: "internal_error"}

log = logging.getLogger(__name__)


class ApiError(HTTPException):
    """An HTTP error with a machine-readable code; rendered as JSON or HTML."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(description=message)
        self.code = status  # HTTPException uses ``code`` for the status
        self.error_code = code


def create_app(settings: Settings | None = None, store: IndexStore | None = None) -> Flask:
    """Application factory: one store (and its open index) per app."""
    settings = settings or Settings.from_env()
    if store is None:
        store = IndexStore(settings.index_dir, settings.corpus_dir)
        store.ensure()

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_CONTENT_LENGTH
    app.json.sort_keys = False  # keep the contract's field order
    app.extensions["search_service"] = {"settings": settings, "store": store}

    from search_service.web import api, pages

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)

    app.before_request(_reject_undecodable_query)
    app.after_request(_security_headers)
    app.register_error_handler(HTTPException, _handle_http_error)
    app.register_error_handler(Exception, _handle_unexpected)
    return app


def get_store() -> IndexStore:
    return current_app.extensions["search_service"]["store"]


def get_settings() -> Settings:
    return current_app.extensions["search_service"]["settings"]


def _reject_undecodable_query():
    """Werkzeug silently replaces bad bytes with U+FFFD; we refuse them instead."""
    raw = request.query_string.replace(b"+", b" ")
    try:
        unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_encoding", "The query string is not valid UTF-8.")


def _security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _wants_json() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(status: int, code: str, message: str):
    """The one place both error shapes are produced."""
    if _wants_json():
        body = jsonify({"error": {"code": code, "message": message}})
    else:
        body = render_template("error.html", status=status, code=code, message=message)
    return make_response(body, status)


def _handle_http_error(exc: HTTPException):
    status = exc.code or 500
    code = getattr(exc, "error_code", None) or HTTP_CODES.get(status, f"http_{status}")
    response = error_response(status, code, exc.description or exc.name)
    if getattr(exc, "valid_methods", None):  # 405 must say what is allowed
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


def _handle_unexpected(exc: Exception):
    log.exception("Unhandled error on %s", request.path)
    return error_response(500, "internal_error", InternalServerError.description)
