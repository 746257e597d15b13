"""The Flask application: wiring of the blueprints and the rules every
response follows (error shapes, strict UTF-8 query strings, size limits,
security headers, rate limits, the client's address behind proxies, access
logs). Views live in api.py, pages.py and admin.py; what they do, in
service.py.
"""
from __future__ import annotations

import secrets
from urllib.parse import unquote_to_bytes

from flask import Flask, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from search_service import budget
from search_service.config import Settings
from search_service.index import IndexStore
from search_service.indexer import Indexer
from search_service.rules import QueryError
from search_service.web import access_log
from search_service.web.errors import (ApiError, handle_http_error, handle_overtime, handle_query_error,
                                      handle_unexpected)
from search_service.web.service import get_store

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
# Failed admin-token attempts per client, on the log-in page and the API's
# bearer token alike (one budget): no token guessing.
AUTH_FAILURE_LIMIT = "5 per minute"
REQUEST_SECONDS = 10  # time budget of one request (budget.py); normal searches take milliseconds


def create_app(settings: Settings | None = None, store: IndexStore | None = None) -> Flask:
    """Application factory: one store (and its open index) per app."""
    settings = settings or Settings.from_env()
    if store is None:
        store = IndexStore(settings.index_dir, settings.corpus_dir)
    indexer = Indexer(store, settings.read_limits)
    indexer.ensure()

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
    app.extensions["search_service"] = {"settings": settings, "store": store, "indexer": indexer}
    if settings.trusted_proxies:
        # request.remote_addr becomes the client the proxies saw, so rate
        # limits and logs count real clients rather than the proxy
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n)

    from search_service.web import admin, api, pages

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(admin.bp)
    # Browser forms that change state carry a CSRF token; the API is
    # authorised by a bearer token, which a cross-site page cannot send.
    csrf = CSRFProtect(app)
    csrf.exempt(api.bp)
    _rate_limits(app, settings)

    access_log.install(app)
    app.before_request(_start_budget)
    app.teardown_request(_stop_budget)
    app.before_request(_reject_undecodable_query)
    app.before_request(_pin_searcher)
    app.teardown_request(_unpin_searcher)
    app.after_request(_security_headers)
    app.register_error_handler(QueryError, handle_query_error)
    app.register_error_handler(budget.Overtime, handle_overtime)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
    return app


def _is_health_check() -> bool:
    return request.endpoint == "api.health"


def _rate_limits(app: Flask, settings: Settings) -> None:
    """Per-client limits on the JSON API, the HTML pages and the admin
    pages, and a strict one on failed admin-token attempts; a breach is a 429
    in the usual error shape with Retry-After. Counted in
    ``settings.rate_limit_storage``: memory (per worker process) by default,
    or a shared store such as Redis so that several workers or hosts count
    one budget per client. The health check stays exempt for monitors, and
    static files are not counted. The token limit holds even when the others
    are off (``rate_limit`` None, e.g. for load tests): turning those off
    must not open the door to token guessing."""
    limiter = Limiter(get_remote_address, app=app, storage_uri=settings.rate_limit_storage,
                      headers_enabled=True)
    if settings.rate_limit:
        # shared: one budget per client for all of /api (a plain limit counts
        # each route apart); exempt_when: a blueprint's limits ignore
        # limiter.exempt() on one of its views
        limiter.shared_limit(settings.rate_limit, scope="api", exempt_when=_is_health_check)(
            app.blueprints["api"])
        limiter.shared_limit(settings.rate_limit, scope="pages")(app.blueprints["pages"])
        limiter.shared_limit(settings.rate_limit, scope="admin")(app.blueprints["admin"])
    # only failures count (deduct_when), so an admin working with the right
    # token is never slowed; five wrong ones and even the right one waits
    failed = limiter.shared_limit(AUTH_FAILURE_LIMIT, scope="admin-token", methods=["POST", "DELETE"],
                                  deduct_when=lambda response: response.status_code == 401 or g.get("token_refused"))
    for endpoint in ("admin.login", "api.add_report", "api.delete_report"):
        app.view_functions[endpoint] = failed(app.view_functions[endpoint])
    limiter.exempt(app.view_functions["api.health"])
    app.extensions["search_service"]["limiter"] = limiter


def _reject_undecodable_query():
    """Werkzeug silently replaces bad bytes with U+FFFD; we refuse them instead."""
    raw = request.query_string.replace(b"+", b" ")
    try:
        unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_encoding", "The query string is not valid UTF-8.")


def _start_budget():
    budget.start(REQUEST_SECONDS)


def _stop_budget(exc=None):
    budget.stop()


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
