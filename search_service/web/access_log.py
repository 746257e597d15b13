"""One JSON line per request on stderr (logger ``search_service.access``):
time, request id, client, worker process, method, path, query, status,
latency and the number of results, plus a ``zero_results`` line for every search or
question that found nothing, so gaps in the corpus show up in the logs.

The request id is the client's ``X-Request-ID`` when it sends a sane one
(a proxy in front usually does), else a new one; it is sent back in the
response header so a user's report can be matched to the log line.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid

from flask import Flask, g, request

log = logging.getLogger("search_service.access")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def _line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def _start():
    g.started = time.perf_counter()
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


def _finish(response):
    started = g.get("started")
    if started is None:
        return response
    response.headers["X-Request-ID"] = g.request_id
    q = request.args.get("q", "")[:200]
    count = g.get("result_count")
    log.info(_line(ts=time.strftime("%Y-%m-%dT%H:%M:%S%z"), request_id=g.request_id,
                   client=request.remote_addr, worker=os.getpid(), method=request.method, path=request.path,
                   q=q or None, status=response.status_code,
                   ms=round((time.perf_counter() - started) * 1000, 1), results=count))
    if count == 0 and q:
        filters = {k: v for k, v in request.args.lists() if k not in ("q", "page", "per_page")}
        log.info(_line(event="zero_results", request_id=g.request_id, path=request.path, q=q,
                       filters=filters or None))
    return response


def install(app: Flask) -> None:
    """Log every request of ``app``; a handler on stderr unless logging is
    already configured for the logger (tests capture it)."""
    if not log.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    app.before_request(_start)
    app.after_request(_finish)
