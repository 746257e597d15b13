"""The web layer: a Flask app serving the JSON API and the HTML pages.

Both are thin views over ``IndexStore`` and ``search.search``; this module
wires them together and owns the cross-cutting rules: error shapes (JSON under
/api, a friendly page elsewhere, never a traceback), strict UTF-8 query
strings, request size limits and security headers.
"""
from __future__ import annotations

import logging
import secrets
from urllib.parse import unquote_to_bytes

from flask import Flask, current_app, g, jsonify, make_response, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect
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
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 409: "conflict", 413: "too_large", 414: "uri_too_long",
              415: "unsupported_type", 422: "unprocessable", 429: "rate_limited", 500: "internal_error",
              503: "unavailable", 507: "insufficient_storage"}

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
    # Never debug mode, whatever FLASK_DEBUG says (Flask reads it at creation):
    # this app only runs under gunicorn and in tests, and errors must stay generic.
    app.config["DEBUG"] = False
    app.config["MAX_CONTENT_LENGTH"] = MAX_CONTENT_LENGTH
    # Signs the admin session and CSRF tokens. Random per start unless set:
    # gunicorn preloads the app, so all workers share it.
    app.secret_key = settings.secret_key or secrets.token_hex(32)
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      WTF_CSRF_TIME_LIMIT=None)
    app.json.sort_keys = False  # keep the contract's field order
    app.extensions["search_service"] = {"settings": settings, "store": store}

    from search_service.web import admin, api, pages

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(admin.bp)
    # Browser forms that change state carry a CSRF token; the API is
    # authorised by a bearer token, which a cross-site page cannot send.
    csrf = CSRFProtect(app)
    csrf.exempt(api.bp)
    _rate_limits(app, settings, api, admin)

    app.before_request(_reject_undecodable_query)
    app.before_request(_pin_searcher)
    app.teardown_request(_unpin_searcher)
    app.after_request(_security_headers)
    app.register_error_handler(HTTPException, _handle_http_error)
    app.register_error_handler(Exception, _handle_unexpected)
    return app


LOGIN_LIMIT = "5 per minute"  # admin log-in attempts per client: no token guessing


def _is_health_check() -> bool:
    return request.endpoint == "api.health"


def _rate_limits(app: Flask, settings: Settings, api, admin) -> None:
    """Per-client limits (in memory, per worker process) on the JSON API and
    the admin log-in; a breach is a 429 in the usual error shape with
    Retry-After. The health check stays exempt for monitors. The log-in limit
    holds even when the API limit is off (``rate_limit`` None, e.g. for load
    tests): turning that off must not open the door to token guessing."""
    limiter = Limiter(get_remote_address, app=app, storage_uri="memory://", headers_enabled=True)
    if settings.rate_limit:
        # shared: one budget per client for all of /api (a plain limit counts
        # each route apart); exempt_when: a blueprint's limits ignore
        # limiter.exempt() on one of its views
        limiter.shared_limit(settings.rate_limit, scope="api", exempt_when=_is_health_check)(api.bp)
        limiter.shared_limit(settings.rate_limit, scope="admin")(admin.bp)
    app.view_functions["admin.login"] = limiter.limit(LOGIN_LIMIT, methods=["POST"])(
        app.view_functions["admin.login"])
    limiter.exempt(app.view_functions["api.health"])
    app.extensions["search_service"]["limiter"] = limiter


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


def _pin_searcher():
    """One searcher for the whole request: every part of a response (hits,
    facets, report metadata, counts) comes from one state of the index, even
    while reports are added or removed."""
    if request.endpoint and request.endpoint != "static":
        try:
            pin = get_store().searcher()
            pin.__enter__()
            g.searcher_pin = pin
        except FileNotFoundError:  # no index yet: views answer that themselves
            pass


def _unpin_searcher(exc=None):
    pin = g.pop("searcher_pin", None)
    if pin is not None:
        pin.__exit__(None, None, None)


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
    message = exc.description or exc.name
    if isinstance(exc, CSRFError):
        code, message = "csrf_failed", ("The form had expired or did not come from this site; "
                                        "reload the page and try again.")
    response = error_response(status, code, message)
    if getattr(exc, "valid_methods", None):  # 405 must say what is allowed
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="search-service admin"'
    return response


def _handle_unexpected(exc: Exception):
    log.exception("Unhandled error on %s", request.path)
    return error_response(500, "internal_error", InternalServerError.description)
