"""Who may change the corpus: holders of the admin token.

The API takes ``Authorization: Bearer <token>``; the browser admin pages take
the token once and keep a signed session marker derived from it (so changing
the token logs every browser out). Tokens are compared in constant time.
With no token configured the admin side is off, not open.
"""
from __future__ import annotations

import hashlib
import hmac

from flask import session

from search_service.web.errors import ApiError
from search_service.web.service import get_settings

SESSION_KEY = "admin"


def token_matches(given: str | None) -> bool:
    token = get_settings().admin_token
    if not token or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def admin_enabled() -> bool:
    return bool(get_settings().admin_token)


def _marker(token: str) -> str:
    return hashlib.sha256(b"search-service-admin:" + token.encode("utf-8")).hexdigest()


def require_bearer() -> None:
    """For API writes: 403 when admin is off, 401 for a missing or wrong token."""
    if not admin_enabled():
        raise ApiError(403, "admin_disabled", "Adding and removing reports is turned off on this "
                       "server (no SEARCH_SERVICE_ADMIN_TOKEN is set).")
    from flask import request

    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token_matches(given.strip()):
        raise ApiError(401, "unauthorized", "This needs the admin token: "
                       "send 'Authorization: Bearer <token>'.")


def log_in(given: str) -> bool:
    if not token_matches(given):
        return False
    session.clear()
    session[SESSION_KEY] = _marker(get_settings().admin_token)
    session.permanent = False
    return True


def log_out() -> None:
    session.pop(SESSION_KEY, None)


def is_admin() -> bool:
    token = get_settings().admin_token
    marker = session.get(SESSION_KEY)
    return bool(token and isinstance(marker, str)
                and hmac.compare_digest(marker.encode(), _marker(token).encode()))
