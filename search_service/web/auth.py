"""Who may change the corpus: holders of the admin token.

The API takes ``Authorization: Bearer <token>``; the browser admin pages take
the token once and then keep a signed session cookie. Tokens are compared in
constant time. With no token configured the admin side is off, not open.

A cookie alone cannot be taken back, so each log-in also gets a random
session id, recorded (as a hash) in ``admin-sessions.json`` in the index
folder, which every worker and every host of this index reads. Logging out
deletes the record: the cookie is then worthless, even a copy of it. Records
expire after ``SESSION_HOURS``, and changing the token logs every browser
out (the cookie also carries a marker derived from the token).
"""
from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
import secrets
import time
from contextlib import contextmanager

from flask import session

from search_service.web.errors import ApiError
from search_service.web.service import get_settings

SESSION_KEY = "admin"
SESSION_ID = "sid"
SESSIONS_FILE = "admin-sessions.json"
SESSION_HOURS = 12


def token_matches(given: str | None) -> bool:
    token = get_settings().admin_token
    if not token or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def admin_enabled() -> bool:
    return bool(get_settings().admin_token)


def _marker(token: str) -> str:
    return hashlib.sha256(b"search-service-admin:" + token.encode("utf-8")).hexdigest()


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode("utf-8", "replace")).hexdigest()


@contextmanager
def _sessions(write: bool = False):
    """The live admin sessions (hash of the id → expiry time), under a lock
    shared with the other workers; written back when ``write``."""
    folder = get_settings().index_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SESSIONS_FILE
    with open(folder / f"{SESSIONS_FILE}.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX if write else fcntl.LOCK_SH)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            sessions = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            sessions = {}
        now = time.time()
        sessions = {k: v for k, v in sessions.items() if isinstance(v, (int, float)) and v > now}
        yield sessions
        if write:
            tmp = path.with_name(f"{SESSIONS_FILE}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(sessions), encoding="utf-8")
            os.replace(tmp, path)


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
    sid = secrets.token_urlsafe(32)
    with _sessions(write=True) as sessions:
        sessions[_hash(sid)] = time.time() + SESSION_HOURS * 3600
    session.clear()
    session[SESSION_KEY] = _marker(get_settings().admin_token)
    session[SESSION_ID] = sid
    session.permanent = False
    return True


def log_out() -> None:
    """End this session on the server too: its cookie no longer logs in."""
    sid = session.get(SESSION_ID)
    if isinstance(sid, str):
        with _sessions(write=True) as sessions:
            sessions.pop(_hash(sid), None)
    session.pop(SESSION_KEY, None)
    session.pop(SESSION_ID, None)


def is_admin() -> bool:
    token = get_settings().admin_token
    marker, sid = session.get(SESSION_KEY), session.get(SESSION_ID)
    if not (token and isinstance(marker, str) and isinstance(sid, str)
            and hmac.compare_digest(marker.encode(), _marker(token).encode())):
        return False
    with _sessions() as sessions:
        return _hash(sid) in sessions
