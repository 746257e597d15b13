"""The production server (``search-service serve``) as a subprocess, measured
over HTTP with the standard library: per-request latency, throughput under
concurrent clients, peak memory of its processes."""
from __future__ import annotations

import http.client
import threading
import time
from pathlib import Path
from urllib.parse import quote

from bench.queries import Query
from bench.server import HOST, ServerProcess
from bench.stats import summary, tree_memory_mb


def path_for(q: Query) -> str:
    return ("/api/search?q=" if q.kind == "keyword" else "/api/ask?q=") + quote(q.text, safe="")


class MemoryMonitor(threading.Thread):
    """Samples the RSS (and PSS) of a process tree; keeps the peaks."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = 0.0
        self.peak_pss: float | None = None
        self.processes = 0
        self._halt = threading.Event()

    def sample(self) -> None:
        rss, pss, n = tree_memory_mb(self.pid)
        self.peak_rss = max(self.peak_rss, rss)
        if pss is not None:
            self.peak_pss = max(self.peak_pss or 0.0, pss)
        self.processes = max(self.processes, n)

    def run(self) -> None:
        while not self._halt.wait(self.interval):
            self.sample()

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)
        self.sample()


class Server(ServerProcess):
    """``search-service serve`` with a monitor of its processes' memory."""

    def __init__(self, corpus: Path, index: Path, log_path: Path, workers: int | None = None):
        super().__init__(corpus, index, log_path, workers=workers)
        self.monitor: MemoryMonitor | None = None

    def wait_healthy(self, timeout: float = 180.0) -> dict:
        t0 = time.perf_counter()
        health = self.start(timeout)
        self.healthy_s = time.perf_counter() - t0
        self.monitor = MemoryMonitor(self.proc.pid)
        self.monitor.start()
        return health

    def workers(self) -> int:
        return max(0, self.monitor.processes - 1) if self.monitor else 0

    def stop(self) -> None:
        if self.monitor is not None and self.monitor.is_alive():
            self.monitor.stop()
        super().stop()


def first_answers(server: Server, queries: list) -> dict:
    """Right after start: how long the first keyword query and the first
    question take over HTTP (nothing has been asked yet)."""
    out = {"healthy_s": round(server.healthy_s, 2)}
    client = Client(server.port)
    try:
        for kind, key in (("keyword", "first_query_ms"), ("question", "first_answer_ms")):
            q = next(q for q in queries if q.kind == kind)
            t = time.perf_counter()
            status, _ = client.get(path_for(q))
            out[key] = round((time.perf_counter() - t) * 1000, 1) if status == 200 else None
    finally:
        client.close()
    return out


class Client:
    """One keep-alive connection; reconnects after an error."""

    def __init__(self, port: int, timeout: float = 60.0):
        self.port, self.timeout = port, timeout
        self.conn: http.client.HTTPConnection | None = None

    def get(self, path: str) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                self.conn.request("GET", path)
                resp = self.conn.getresponse()
                return resp.status, resp.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # a keep-alive connection the server closed: retry once on a new one
                self.close()
                if attempt == 2:
                    raise
            except Exception:
                self.close()
                raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def sequential(port: int, queries: list[Query]) -> dict:
    """One client, one request at a time: latency per request."""
    client = Client(port)
    times: dict[str, list[float]] = {"keyword": [], "question": []}
    errors: list[str] = []
    for q in queries:
        t = time.perf_counter()
        try:
            status, _ = client.get(path_for(q))
        except Exception as e:  # noqa: BLE001
            errors.append(f"{q.text!r}: {type(e).__name__}: {e}")
            continue
        elapsed = time.perf_counter() - t
        if status != 200:
            errors.append(f"{q.text!r}: HTTP {status}")
            continue
        times[q.kind].append(elapsed)
    client.close()
    return {"keyword": summary(times["keyword"]), "question": summary(times["question"]),
            "all": summary(times["keyword"] + times["question"]), "errors": len(errors),
            "error_examples": errors[:5]}


def warm(port: int, queries: list[Query], clients: int) -> None:
    """Send each query once, from ``clients`` threads (not measured)."""
    todo = list(queries)
    lock = threading.Lock()

    def worker() -> None:
        client = Client(port)
        while True:
            with lock:
                if not todo:
                    break
                q = todo.pop()
            try:
                client.get(path_for(q))
            except Exception:  # noqa: BLE001 - warm-up only
                client.close()
        client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def load(port: int, pool: list[Query], clients: int, duration: float) -> dict:
    """``clients`` threads send distinct queries from ``pool`` for
    ``duration`` seconds; requests started before the end are waited for."""
    lock = threading.Lock()
    state = {"next": 0, "wrapped": False}
    times: list[float] = []
    kinds: dict[str, int] = {"keyword": 0, "question": 0}
    errors: list[str] = []
    deadline = time.perf_counter() + duration

    def take() -> Query:
        with lock:
            i = state["next"]
            state["next"] += 1
            if i >= len(pool):
                state["wrapped"] = True
            return pool[i % len(pool)]

    def worker() -> None:
        client = Client(port)
        while time.perf_counter() < deadline:
            q = take()
            t = time.perf_counter()
            try:
                status, _ = client.get(path_for(q))
            except Exception as e:  # noqa: BLE001
                with lock:
                    errors.append(f"{type(e).__name__}: {e}")
                continue
            elapsed = time.perf_counter() - t
            with lock:
                if status == 200:
                    times.append(elapsed)
                    kinds[q.kind] += 1
                else:
                    errors.append(f"HTTP {status}")
        client.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    ok = len(times)
    return {"clients": clients, "duration_s": round(elapsed, 2), "requests": ok + len(errors), "ok": ok,
            "errors": len(errors), "error_examples": errors[:5], "requests_per_s": round(ok / elapsed, 2),
            "distinct_queries": min(state["next"], len(pool)), "pool_wrapped": state["wrapped"],
            "by_kind": kinds, "latency": summary(times)}
