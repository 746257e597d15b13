"""Every error a client can see, in one of two shapes: JSON under /api
(``{"error": {"code", "message"}}``), a page elsewhere. Never a traceback.

``QueryError`` (bad input, from the core rules) and ``ApiError`` (everything
else: not found, unauthorised, busy …) are mapped here by the handlers that
``app.py`` registers; views just raise.
"""
from __future__ import annotations

import logging

from flask import jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from search_service.rules import QueryError

# Stable machine-readable codes for HTTP errors raised by Flask/Werkzeug.
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 408: "request_timeout", 409: "conflict", 413: "too_large",
              414: "uri_too_long", 415: "unsupported_type", 422: "unprocessable", 429: "rate_limited",
              431: "headers_too_large", 500: "internal_error", 501: "not_implemented", 503: "unavailable",
              507: "insufficient_storage"}

log = logging.getLogger("search_service.web")


class ApiError(HTTPException):
    """An HTTP error with a machine-readable code; rendered as JSON or HTML."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(description=message)
        self.code = status  # HTTPException uses ``code`` for the status
        self.error_code = code


def wants_json() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(status: int, code: str, message: str):
    """The one place both error shapes are produced."""
    if wants_json():
        body = jsonify({"error": {"code": code, "message": message}})
    else:
        body = render_template("error.html", status=status, code=code, message=message,
                               q=request.args.get("q", ""))
    return make_response(body, status)


def handle_query_error(exc: QueryError):
    return error_response(400, exc.code, exc.message)


def handle_overtime(exc):
    """A request cut off at its time budget (budget.Overtime): 503, since
    the same request may pass when the server is less busy."""
    response = error_response(503, "timeout", str(exc))
    response.headers["Retry-After"] = "5"
    return response


def handle_http_error(exc: HTTPException):
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


def handle_unexpected(exc: Exception):
    log.exception("Unhandled error on %s", request.path)
    return error_response(500, "internal_error", InternalServerError.description)
