"""``search-service serve`` as a child process, for the tests and the
benchmarks alike: a free port, the corpus and index in the environment, a
wait until ``/api/health`` answers, and a stop that reaches the gunicorn
master and all its workers (the server runs in its own process group).
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

HOST = "127.0.0.1"
REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class ServerProcess:
    """One ``search-service serve`` over ``corpus`` and ``index``. Rate limits
    are off unless ``env`` sets them (a test's clients all come from one
    address); ``env`` adds to or overrides the inherited environment."""

    def __init__(self, corpus: Path, index: Path, log_path: Path, workers: int | None = 1,
                 env: dict | None = None, port: int | None = None, host: str = HOST):
        self.port = port or free_port()
        self.host = host
        self.base = f"http://{HOST}:{self.port}"
        self.log_path = Path(log_path)
        self.env = {**os.environ, "SEARCH_SERVICE_CORPUS": str(corpus), "SEARCH_SERVICE_INDEX": str(index),
                    "SEARCH_SERVICE_RATE_LIMIT": "off", "PYTHONUNBUFFERED": "1",
                    "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""), **(env or {})}
        self.cmd = [sys.executable, "-m", "search_service", "serve", "--host", host, "--port", str(self.port)]
        if workers:
            self.cmd += ["--workers", str(workers)]
        self.proc: subprocess.Popen | None = None
        self._log = None

    def start(self, timeout: float = 120.0) -> dict:
        """Start and wait until healthy; returns the health JSON."""
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(self.cmd, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, cwd=REPO, start_new_session=True)
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with status {self.proc.returncode}:\n{self.log()[-3000:]}")
            try:
                status, body = self.get("/api/health", timeout=5)
                if status == 200:
                    return json.loads(body)
                last = f"status {status}"
            except OSError as e:
                last = str(e)
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not become healthy in {timeout:.0f} s ({last}):\n{self.log()[-3000:]}")

    def get(self, path: str, headers: dict | None = None, timeout: float = 30) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            conn.request("GET", path, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "ServerProcess":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
