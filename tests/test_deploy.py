"""Deployment settings against the real server (`search-service serve`):
version, HOST/PORT/WEB_CONCURRENCY, two workers behind a reverse proxy that
sets X-Forwarded-For, rate limits counted per real client in a shared Redis,
and the JSON access log with request ids, latency and zero-result queries."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import search_service
from bench.server import ServerProcess, free_port
from tests.conftest import REPO

REDIS = shutil.which("redis-server")


def test_version():
    proc = subprocess.run([sys.executable, "-m", "search_service", "--version"], capture_output=True, text=True,
                          cwd=REPO, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"search-service {search_service.__version__}"


def _workers(pid: int, expect: int) -> int:
    """Children of the gunicorn master, waiting a little for late ones to boot."""
    deadline = time.monotonic() + 20
    while True:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        if len(children) >= expect or time.monotonic() > deadline:
            return len(children)
        time.sleep(0.1)


def test_serve_takes_host_port_and_workers_from_the_environment(seed_settings, tmp_path):
    port = free_port()
    server = ServerProcess(seed_settings.corpus_dir, seed_settings.index_dir, tmp_path / "server.log",
                           workers=None, env={"HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "2"},
                           port=port)
    server.cmd = [sys.executable, "-m", "search_service", "serve"]  # no flags: the environment decides
    with server:
        status, body = server.get("/api/health")
        assert status == 200 and json.loads(body)["status"] == "ok"
        assert _workers(server.proc.pid, 2) == 2


def test_a_malformed_port_is_a_clear_error(seed_settings):
    proc = subprocess.run([sys.executable, "-m", "search_service", "serve"], capture_output=True, text=True,
                          cwd=REPO, timeout=60, env={"PATH": "/usr/bin:/bin", "PORT": "80a",
                                                      "PYTHONPATH": str(REPO)})
    assert proc.returncode == 2
    assert "PORT must be a whole number" in proc.stderr and "Traceback" not in proc.stderr


@pytest.fixture()
def redis_url(tmp_path):
    if REDIS is None:
        pytest.skip("SKIPPED LOUDLY: redis-server is not installed (apt-get install redis-server); "
                    "the shared rate-limit store is not tested")
    port = free_port()
    proc = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import redis

        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture()
def proxied(seed_settings, tmp_path, redis_url):
    """Two servers (as on two hosts) of two workers each, over one index,
    behind one trusted proxy, counting rate limits in one Redis."""
    env = {"SEARCH_SERVICE_TRUSTED_PROXIES": "1", "SEARCH_SERVICE_RATE_LIMIT": "6 per minute",
           "SEARCH_SERVICE_RATE_LIMIT_STORAGE": redis_url}
    servers = [ServerProcess(seed_settings.corpus_dir, seed_settings.index_dir, tmp_path / f"server{n}.log",
                             workers=2, env=env) for n in (1, 2)]
    try:
        for server in servers:
            server.start()
            assert _workers(server.proc.pid, 2) == 2
        yield servers
    finally:
        for server in servers:
            server.stop()


def _from(server, client_ip: str, path: str = "/api/search?q=missing+children") -> int:
    return server.get(path, headers={"X-Forwarded-For": client_ip})[0]


def test_behind_a_proxy_each_real_client_has_one_budget_across_workers_and_hosts(proxied):
    a, b = proxied
    first = [_from(server, "203.0.113.7") for _ in range(5) for server in (a, b)]
    assert first.count(200) == 6  # one budget, whichever host and worker answered
    assert first[6:] == [429] * 4  # memory storage would have allowed 6 per worker: up to 24
    assert _from(a, "198.51.100.23") == 200 and _from(b, "198.51.100.23") == 200  # another client
    status, body = b.get("/api/search?q=crime", headers={"X-Forwarded-For": "203.0.113.7"})
    assert status == 429 and json.loads(body)["error"]["code"] == "rate_limited"


def test_access_log_is_json_lines_with_request_id_latency_and_results(proxied):
    proxied = proxied[0]
    status, _ = proxied.get("/api/search?q=missing+children", headers={"X-Forwarded-For": "192.0.2.1",
                                                                         "X-Request-ID": "req-abc-123"})
    assert status == 200
    proxied.get("/api/search?q=xylophone+zebra", headers={"X-Forwarded-For": "192.0.2.1"})
    time.sleep(0.5)
    lines = [json.loads(line) for line in proxied.log().splitlines() if line.startswith("{")]
    mine = next(line for line in lines if line.get("request_id") == "req-abc-123")
    assert mine["client"] == "192.0.2.1"  # the real client, from the trusted proxy's header
    assert mine["path"] == "/api/search" and mine["q"] == "missing children" and mine["status"] == 200
    assert mine["results"] > 0 and mine["ms"] > 0
    zero = [line for line in lines if line.get("event") == "zero_results"]
    assert [z["q"] for z in zero] == ["xylophone zebra"]


def test_without_trusted_proxies_a_forged_header_changes_nothing(seed_settings, tmp_path):
    server = ServerProcess(seed_settings.corpus_dir, seed_settings.index_dir, tmp_path / "server.log", workers=1,
                           env={"SEARCH_SERVICE_RATE_LIMIT": "3 per minute"})
    with server:
        statuses = [_from(server, f"10.0.0.{n}") for n in range(5)]  # a new "client" each time
        assert statuses == [200, 200, 200, 429, 429]
        response_ids = server.log()
        assert '"client":"127.0.0.1"' in response_ids
