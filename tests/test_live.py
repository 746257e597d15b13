"""Live reindexing on the production server: reports added and removed (by
upload, by the CLI in another process, and by a full rebuild) while other
threads search without pause. Zero errors, and every response consistent with
exactly one state of the index: never empty, never half a report.

The figures (searches run, errors, seconds from upload to searchable) are
printed; run with ``-s`` to see them.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED_CORPUS

from bench.server import ServerProcess

TOKEN = "live-test-token"
NEW = FIXTURES / "peel-2016-northshire.txt"
NEW_ID = "peel-2016-northshire"
QUERIES = ["force", "crime", "neighbourhood", "anti-social behaviour", "How well does the force protect vulnerable people?"]
CYCLES = 4


def get(base: str, path: str, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, json.loads(r.read())


def multipart(path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    ctype = "application/pdf" if path.suffix == ".pdf" else "text/plain"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.name}\"\r\n"
            f"Content-Type: {ctype}\r\n\r\n").encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def admin(base: str, method: str, path: str, file: Path | None = None):
    data, ctype = multipart(file) if file else (None, None)
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": f"Bearer {TOKEN}", **({"Content-Type": ctype} if ctype else {})})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, json.loads(r.read())


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    root = tmp_path_factory.mktemp("live")
    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    env = dict(os.environ, SEARCH_SERVICE_CORPUS=str(corpus), SEARCH_SERVICE_INDEX=str(root / "index"),
               SEARCH_SERVICE_ADMIN_TOKEN=TOKEN, SEARCH_SERVICE_RATE_LIMIT="off")  # a load test, from one address
    cli = [sys.executable, "-m", "search_service"]
    subprocess.run(cli + ["index"], env=env, check=True, capture_output=True)
    server = ServerProcess(corpus, root / "index", root / "server.log", workers=2, env=env)
    try:
        server.start(timeout=20)
    except RuntimeError as e:
        pytest.fail(str(e))
    env["SERVER_LOG"] = str(root / "server.log")
    yield server.base, env, cli
    server.stop()


def state_of(base: str) -> dict:
    """What each query returns in the current (quiet) state: total and force facets."""
    out = {"health": get(base, "/api/health")[1]}
    for q in QUERIES:
        data = get(base, "/api/search", q=q)[1]
        out[q] = (data["total"], json.dumps(data["facets"].get("force"), sort_keys=True))
    return out


def test_searches_never_fail_or_mix_states_while_reports_come_and_go(live):
    base, env, cli = live
    before = state_of(base)
    status, _ = admin(base, "POST", "/api/reports", NEW)
    assert status == 201
    after = state_of(base)
    admin(base, "DELETE", f"/api/reports/{NEW_ID}")
    assert state_of(base) == before
    for q in QUERIES:
        assert after[q] != before[q], f"{q!r} should find the new report"
    states = [before, after]

    stop = threading.Event()
    counts = {"searches": 0, "errors": 0, "inconsistent": 0}
    problems: list[str] = []
    lock = threading.Lock()

    def searcher(n: int):
        i = n
        while not stop.is_set():
            q = QUERIES[i % len(QUERIES)]
            i += 1
            try:
                status, data = get(base, "/api/search", q=q)
                seen = (data["total"], json.dumps(data["facets"].get("force"), sort_keys=True))
                ok = status == 200 and any(seen == s[q] for s in states)
                health = get(base, "/api/health")[1]
                ok_health = any(health == s["health"] for s in states)
                with lock:
                    counts["searches"] += 2
                    if not (ok and ok_health):
                        counts["inconsistent"] += 1
                        problems.append(f"{q!r}: {seen} / {health}")
            except (OSError, ValueError, KeyError) as e:
                with lock:
                    counts["errors"] += 1
                    problems.append(f"{q!r}: {e!r}")

    threads = [threading.Thread(target=searcher, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    upload_to_searchable = []
    try:
        for cycle in range(CYCLES):
            t0 = time.monotonic()
            status, _ = admin(base, "POST", "/api/reports", NEW)
            assert status == 201
            while get(base, "/api/search", q='"Harbourside community safety partnership"')[1]["total"] == 0:
                time.sleep(0.01)
            upload_to_searchable.append(time.monotonic() - t0)
            time.sleep(0.3)
            admin(base, "DELETE", f"/api/reports/{NEW_ID}")
            time.sleep(0.3)
            # the same change from another process, through the CLI
            subprocess.run(cli + ["add", str(NEW)], env=env, check=True, capture_output=True)
            time.sleep(0.3)
            subprocess.run(cli + ["remove", NEW_ID], env=env, check=True, capture_output=True)
            time.sleep(0.3)
        # a full rebuild swaps in a new generation under the searchers
        subprocess.run(cli + ["index", "--rebuild"], env=env, check=True, capture_output=True)
        time.sleep(0.5)
    finally:
        stop.set()
        for t in threads:
            t.join()
    print(f"\nlive reindex: {counts['searches']} requests during {CYCLES * 4 + 1} index changes, "
          f"errors {counts['errors']}, inconsistent {counts['inconsistent']}; upload→searchable "
          f"median {statistics.median(upload_to_searchable):.3f}s max {max(upload_to_searchable):.3f}s")
    assert counts["errors"] == 0 and counts["inconsistent"] == 0, (
        problems[:5], Path(env["SERVER_LOG"]).read_text()[-3000:])
    assert counts["searches"] > 100
    assert state_of(base) == before


@pytest.mark.parametrize("name, phrase", [
    ("peel-2016-northshire.txt", "Harbourside community safety partnership"),
    ("peel-2017-fenmoor.pdf", "Thefts of boat engines fell from 64 to 25"),
])
def test_seconds_from_upload_to_searchable(live, name, phrase):
    """Another client searches in a loop; time from sending the upload to its
    first hit. Printed for the record (speed is a benchmark, not asserted)."""
    base, _, _ = live
    rid = name.rsplit(".", 1)[0]
    hit = threading.Event()
    found_at = []

    def poll():
        while not hit.is_set():
            if get(base, "/api/search", q=f'"{phrase}"')[1]["total"]:
                found_at.append(time.monotonic())
                hit.set()
            time.sleep(0.005)

    t = threading.Thread(target=poll)
    t.start()
    t0 = time.monotonic()
    try:
        status, body = admin(base, "POST", "/api/reports", FIXTURES / name)
        answered = time.monotonic() - t0
        assert status == 201 and body["report"]["id"] == rid
        assert hit.wait(30), "never became searchable"
    finally:
        hit.set()
        t.join()
    print(f"\n{name}: upload answered in {answered:.2f}s, searchable after {found_at[0] - t0:.2f}s")
    admin(base, "DELETE", f"/api/reports/{rid}")
