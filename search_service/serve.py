"""Run the web app under gunicorn, the production server, so that slow or
idle clients cannot take the request threads.

gunicorn's threaded worker reads each request in a request thread, so a
client that opens a connection and never finishes its headers (or its body,
or never reads the response) holds a thread; sixteen such sockets stopped
the server. Here each worker process is gunicorn's asyncio worker
(``worker_class="asgi"``): connections, request heads, bodies and responses
are read and written by one event loop, which holds any number of slow
sockets at the cost of a little memory. Only a *complete* request reaches
the app, through :class:`Bridge`, in one of a fixed number of real threads
(the Flask app is WSGI and CPU-bound; threads keep the per-thread searchers
of ``index.py`` pinned per request exactly as before). A request head must
arrive within ``HEAD_SECONDS`` and a body within ``BODY_SECONDS``, or the
connection gets a 408 and is closed, so a flood of slow sockets is shed.

This is what a buffering reverse proxy (nginx) does in front of gunicorn,
built in, so ``search-service serve`` alone is safe to expose; behind nginx
it does no harm. gunicorn's own refusals (a malformed request line, too long
a URL, too many headers) answer in the API's JSON error shape with the
security headers, like every response of the app.

The app is created once in the master (``preload_app``) so that
configuration errors show before any fork and the workers share its memory.
"""
from __future__ import annotations

import asyncio
import gc
import json
from http import HTTPStatus
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from tempfile import SpooledTemporaryFile
from urllib.parse import unquote_to_bytes

from gunicorn.app.base import BaseApplication
from gunicorn.asgi import protocol as asgi_protocol
from gunicorn.workers.gasgi import ASGIWorker

from search_service.config import Settings

THREADS = 4  # request threads per worker process
HEAD_SECONDS = 10.0  # from connecting (or the previous response) to the end of the request head
BODY_SECONDS = 120.0  # for the whole body: 50 MB at 0.4 MB/s
SPOOL_BYTES = 1 << 20  # request bodies above this wait in a temporary file, not in memory
GRACEFUL_SECONDS = 20  # SIGTERM: requests in flight get this long, then the workers are killed


def _error_body(status: int, code: str, message: str) -> tuple[list[tuple[str, str]], bytes]:
    """The API's error shape and the app's security headers, for replies
    made outside the app (by the server or the bridge)."""
    from search_service.web.app import SECURITY_HEADERS

    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [("Content-Type", "application/json"), *SECURITY_HEADERS.items()]
    return headers, body


class Bridge:
    """An ASGI app serving a WSGI app: the request body is read in full
    (spooled to a temporary file past ``SPOOL_BYTES``; past ``max_body`` it
    is not read and the app answers 413 itself from Content-Length), then the
    app runs in one of ``threads`` threads and its whole response is sent
    by the event loop. Our responses are complete documents (JSON, HTML,
    CSV), never streams, so buffering them costs nothing."""

    def __init__(self, app, threads: int = THREADS, max_body: int | None = None):
        self.app = app
        self.threads = threads
        self.max_body = max_body if max_body is not None else app.config.get("MAX_CONTENT_LENGTH") or 0
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = None
        self._lock = threading.Lock()

    def pool(self) -> ThreadPoolExecutor:
        """One pool per process (the master creates the bridge; workers fork)."""
        if self._pool_pid != os.getpid():
            with self._lock:
                if self._pool_pid != os.getpid():
                    self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="request")
                    self._pool_pid = os.getpid()
        return self._pool

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":  # no websockets; lifespan is off in the options
            return
        declared = _header(scope, b"content-length")
        too_big = declared is not None and declared.isdigit() and self.max_body and int(declared) > self.max_body
        body = SpooledTemporaryFile(max_size=SPOOL_BYTES)
        try:
            if not too_big:
                try:
                    size = await asyncio.wait_for(self._read_body(receive, body), BODY_SECONDS)
                except asyncio.TimeoutError:
                    await _send(send, 408, *_error_body(408, "request_timeout", (
                        f"The request body did not arrive within {BODY_SECONDS:.0f} seconds.")))
                    return
                if size is None:  # the client went away
                    return
                body.seek(0)
            environ = wsgi_environ(scope, body, None if too_big else size)
            status, headers, content = await asyncio.get_running_loop().run_in_executor(
                self.pool(), self._run, environ)
        finally:
            body.close()
        await _send(send, status, headers, content)

    async def _read_body(self, receive, body) -> int | None:
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if self.max_body and size > self.max_body:  # chunked and too big: the app answers 413
                return size
            body.write(chunk)
            if not message.get("more_body"):
                return size

    def _run(self, environ) -> tuple[int, list, bytes]:
        """Call the WSGI app in this thread; its status, headers and body."""
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"], started["headers"] = int(status.split(" ", 1)[0]), headers
            return lambda data: chunks.append(data)

        chunks: list[bytes] = []
        result = self.app(environ, start_response)
        try:
            chunks.extend(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return started["status"], started["headers"], b"".join(chunks)


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


async def _send(send, status: int, headers, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]})
    await send({"type": "http.response.body", "body": body})


def wsgi_environ(scope, body, size: int | None) -> dict:
    """The WSGI environ (PEP 3333) of an ASGI HTTP request whose body was read."""
    raw = scope.get("raw_path") or scope["path"].encode("utf-8")
    path = unquote_to_bytes(raw.split(b"?", 1)[0]).decode("latin-1")
    root = scope.get("root_path", "").encode("utf-8").decode("latin-1")
    if root and path.startswith(root):
        path = path[len(root):]
    server = scope.get("server") or ("localhost", 80)
    client = scope.get("client") or ("", 0)
    environ = {
        "REQUEST_METHOD": scope["method"], "SCRIPT_NAME": root, "PATH_INFO": path,
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]), "SERVER_PORT": str(server[1] or 0),
        "REMOTE_ADDR": client[0], "REMOTE_PORT": str(client[1]),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "RAW_URI": raw.decode("latin-1"),
        "wsgi.version": (1, 0), "wsgi.url_scheme": scope.get("scheme", "http"), "wsgi.input": body,
        "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": True,
        "wsgi.run_once": False, "wsgi.input_terminated": True,
    }
    for key, value in scope.get("headers", ()):
        name = key.decode("latin-1").upper().replace("-", "_")
        if name in ("TRANSFER_ENCODING",):  # the body has been de-chunked
            continue
        name = name if name in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{name}"
        value = value.decode("latin-1")
        if name in environ:
            value = environ[name] + ("; " if name == "HTTP_COOKIE" else ", ") + value
        environ[name] = value
    if size is not None:
        environ["CONTENT_LENGTH"] = str(size)
    return environ


class Protocol(asgi_protocol.ASGIProtocol):
    """gunicorn's HTTP/1.1 protocol with a deadline for each request head
    and its own refusals in the API's JSON shape."""

    _head_timer = None

    def connection_made(self, transport):
        super().connection_made(transport)
        self._arm_head_timer()

    def _arm_head_timer(self):
        self._cancel_head_timer()
        if not self._closed:
            self._head_timer = self.worker.loop.call_later(HEAD_SECONDS, self._head_timeout)

    def _cancel_head_timer(self):
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timeout(self):
        self._head_timer = None
        if self._closed:
            return
        self._send_error_response(408, f"The request did not arrive within {HEAD_SECONDS:.0f} seconds.")
        self._close_transport()
        if self._request_ready is not None:
            self._request_ready.set()  # let the connection loop see it is closed

    def _on_headers_complete(self):
        self._cancel_head_timer()
        return super()._on_headers_complete()

    def _arm_keepalive_timer(self):
        super()._arm_keepalive_timer()
        self._arm_head_timer()  # the next request's head has the same deadline

    def connection_lost(self, exc):
        self._cancel_head_timer()
        super().connection_lost(exc)

    def _send_error_response(self, status, message, extra_headers=()):
        from search_service.web.errors import HTTP_CODES

        headers, body = _error_body(status, HTTP_CODES.get(status, f"http_{status}"), _plain(status, message))
        reason = asgi_protocol._REASON_PHRASES.get(status) or HTTPStatus(status).phrase
        head = "".join(f"{k}: {v}\r\n" for k, v in [*headers, *extra_headers])
        self._safe_write(f"HTTP/1.1 {status} {reason}\r\n{head}Content-Length: {len(body)}\r\n"
                         f"Connection: close\r\n\r\n".encode("latin-1") + body)


def _plain(status: int, message: str) -> str:
    """The server's refusals in words (the parser's own text can quote the request)."""
    return {414: "The URL is too long.", 431: "The request has too many or too long headers.",
            400: "The request is not valid HTTP.", 501: "The request uses an unsupported transfer coding.",
            500: "The server could not answer this request."}.get(status, message)


class Worker(ASGIWorker):
    """gunicorn's asyncio worker, with :class:`Protocol` for every connection."""

    def init_process(self):
        import gunicorn.workers.gasgi as gasgi

        gasgi.ASGIProtocol = Protocol  # what _serve() builds for each connection
        super().init_process()


class _Server(BaseApplication):
    def __init__(self, app, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            if key in self.cfg.settings:  # some settings exist only in newer gunicorns
                self.cfg.set(key, value)

    def load(self):
        return self.application


def options(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None) -> dict:
    """The gunicorn settings used by :func:`run`."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers or os.cpu_count() or 1,
        "worker_class": f"{__name__}.Worker",
        "asgi_lifespan": "off",
        "preload_app": True,
        "accesslog": None,  # the app logs each request as a JSON line (web/access_log.py)
        "errorlog": "-",
        "timeout": 60,
        "graceful_timeout": GRACEFUL_SECONDS,
        "keepalive": 5,
        # gunicorn >= 25.1 opens a control socket at one fixed path per user,
        # which a second server on the same machine would take over.
        "control_socket_disable": True,
        "pre_fork": _freeze_shared,
    }


def _freeze_shared(server, worker) -> None:
    """Before a worker forks: move every object the master made (the app,
    the index's caches, the embedding model, the word lists) out of the
    garbage collector's reach, so that collections in the workers do not
    write to their pages and each page stays shared instead of copied."""
    gc.freeze()


def run(settings: Settings, store=None, host: str = "127.0.0.1", port: int = 5000,
        workers: int | None = None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM).

    ``store`` is shared with the workers through the fork; it must not hold an
    open searcher yet (IndexStore opens the index lazily, in each worker).
    """
    from search_service.web import create_app

    _Server(Bridge(create_app(settings, store=store)), options(host, port, workers)).run()
