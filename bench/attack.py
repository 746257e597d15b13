"""``make attack``: hostile clients and files against a running server
(loopback only, bounded in count and time), while a prober runs normal
searches; for each case, the worst latency of those searches and whether
anything was lost.

Starts ``search-service serve`` (two workers, rate limits off: the attacker
is taken to have many addresses) over a temporary copy of the seed and the
text fixtures, then runs:

- ``slow-clients``: 256 sockets that never finish (half stuck in their request
  head, half in a form body) held for 15 s; the heads must be shed (408);
- ``hostile-pdfs``: uploads of a million-glyph PDF, a content-stream
  operator bomb, a 2 GB decompression bomb, 10,000 pages and a 10 MB Title,
  two at a time (the reading limits: SEARCH_SERVICE_READ_SECONDS=30, 1 GB);
- ``normal-flood``, ``long-words``: 16 clients sending normal queries, then
  queries of 1,000-character words, for 15 s each: the second must cost no
  more than the first (it cost 5-7 s a query);
- ``huge-text``: a 5 MB one-line text report uploaded, searched, paged and deleted;
- ``concurrent-uploads``: pairs of uploads at once (the same file under two
  names, two names of one report id) and an upload racing a delete.

"Lost" compares corpus/ and index/ after each case with before it (every
report, its fingerprint and passage count; files of the case removed again)
and checks that they agree with each other (no report file unindexed or the
reverse, nothing left of an unfinished change). Exits 1 if anything was lost
or a normal search failed.

    python bench/attack.py [--hold 15] [--workers 2]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import string
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import hostile  # noqa: E402 (after the path is set)
from bench.server import HOST, ServerProcess  # noqa: E402

TOKEN = "attack-token"
FIXTURES = REPO / "tests" / "fixtures"
NORMAL = ["crime", "neighbourhood policing", "missing children", "anti-social behaviour", "victims",
          '"community safety partnership"', "How many organised crime groups was the force managing?"]


# ------------------------------------------------------------------ corpus and index state

def consistency_problems(corpus: Path, index: Path) -> list[str]:
    """What makes corpus/ and index/ disagree, in words (nothing: they agree):
    a report file not indexed as it is, an indexed report without its file,
    two files of one report id, or leftovers of an unfinished change."""
    from search_service.index import IndexStore
    from search_service.ingest import corpus_files, fingerprint
    from search_service.ingest.metadata import report_id

    problems = []
    store = IndexStore(index, corpus)
    files: dict[str, Path] = {}
    for path in corpus_files(corpus):
        if report_id(path) in files:
            problems.append(f"two files of report {report_id(path)}: {files[report_id(path)].name}, {path.name}")
        files[report_id(path)] = path
    indexed = store.fingerprints()
    problems += [f"{p.name} is not indexed" for rid, p in files.items() if rid not in indexed]
    problems += [f"report {rid} has no file" for rid in indexed if rid not in files]
    problems += [f"{p.name} is indexed as it was before" for rid, p in files.items()
                 if rid in indexed and indexed[rid] != fingerprint(p)]
    staging = corpus / ".staging"
    if staging.exists() and any(staging.iterdir()):
        problems.append(f"staging folders left: {sorted(d.name for d in staging.iterdir())}")
    live = store.current_path()
    if live is not None:
        # a segment file belongs to a commit still on disk: the live one, or
        # a replaced one kept its retention time (indexer.clean_files)
        from whoosh.filedb.filestore import FileStorage
        from whoosh.index import TOC

        storage, tocs = FileStorage(str(live)), re.compile(r"_MAIN_(\d+)\.toc$")
        segments = set()
        for name in os.listdir(live):
            if m := tocs.match(name):
                try:
                    segments |= {s.segment_id() for s in TOC.read(storage, "MAIN", int(m.group(1))).segments}
                except Exception:
                    pass
        for name in sorted(os.listdir(live)):
            m = re.match(r"(MAIN_[0-9a-z]+)\.", name)
            if name.endswith(".tmp") or (m and m.group(1) not in segments):
                problems.append(f"stray index file {name}")
        newer = [d.name for d in index.glob("gen-*") if int(d.name[4:]) > int(live.name[4:])]
        problems += [f"unfinished generation {n}" for n in newer]
    return problems


def state(corpus: Path, index: Path) -> dict:
    """Every report: its fingerprint and passage count."""
    from search_service.index import IndexStore

    store = IndexStore(index, corpus)
    return {rid: (key, len(store.passages(rid))) for rid, key in sorted(store.fingerprints().items())}


# ------------------------------------------------------------------ requests

def request(port: int, method: str, path: str, body: bytes = b"", headers=None, timeout: float = 120):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def upload(port: int, name: str, data: bytes, replace: bool = False):
    boundary = "attack" + "".join(random.choices(string.ascii_lowercase, k=12))
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    if replace:
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"replace\"\r\n\r\ntrue\r\n".encode()
    body += f"--{boundary}--\r\n".encode()
    return request(port, "POST", "/api/reports", body, {"Authorization": f"Bearer {TOKEN}",
                                                         "Content-Type": f"multipart/form-data; boundary={boundary}"})


def delete(port: int, rid: str):
    return request(port, "DELETE", f"/api/reports/{rid}", headers={"Authorization": f"Bearer {TOKEN}"})


def message(status: int, body: bytes) -> str:
    try:
        d = json.loads(body)
    except ValueError:
        return f"{status}"
    if "error" in d:
        return f"{status} {d['error']['code']}: {d['error']['message'][:110]}"
    return f"{status} {d.get('status', '')} ({d.get('passages', '?')} passages)"


class Prober:
    """Normal searches, one after another on fresh connections, timed."""

    def __init__(self, port: int):
        self.port = port
        self.times: list[float] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        i = 0
        while not self._stop.is_set():
            q = NORMAL[i % len(NORMAL)]
            i += 1
            path = ("/api/ask?" if q.endswith("?") else "/api/search?") + urllib.parse.urlencode({"q": q})
            started = time.monotonic()
            try:
                status, body = request(self.port, "GET", path, timeout=60)
                if status != 200 or not json.loads(body)["results"]:
                    self.failures.append(f"{q!r}: {status}")
            except (OSError, ValueError, http.client.HTTPException) as e:
                self.failures.append(f"{q!r}: {e!r}")
            self.times.append(time.monotonic() - started)
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# ------------------------------------------------------------------ the cases

def slow_clients(port: int, hold: float) -> list[str]:
    socks = []
    for i in range(256):
        s = socket.create_connection((HOST, port))
        s.sendall(b"GET /api/search?q=crime HTTP/1.1\r\nHost: x\r\nX-Slow: " if i % 2 else
                  b"POST /admin/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: 100000\r\n\r\ntoken=")
        socks.append(s)
    time.sleep(hold)
    shed = 0
    for s in socks[1::2]:
        s.settimeout(1)
        try:
            shed += s.recv(64).startswith(b"HTTP/1.1 408")
        except OSError:
            pass
    for s in socks:
        s.close()
    return [f"256 slow sockets held {hold:.0f} s; {shed} of 128 stuck request heads closed with 408"]


def hostile_pdfs(port: int, hold: float) -> list[str]:
    files = [("glyphs.pdf", hostile.glyph_bomb(1_000_000)), ("operators.pdf", hostile.operator_bomb(2_000_000)),
             ("inflates.pdf", hostile.decompression_bomb(2048)), ("pages.pdf", hostile.many_pages(10_000)),
             ("long-title.pdf", hostile.title_bomb(10))]
    lines = []
    lock = threading.Lock()

    def send(name, data):
        started = time.monotonic()
        status, body = upload(port, name, data)
        with lock:
            lines.append(f"{name} ({len(data) / 1024:,.0f} KB): {message(status, body)} "
                         f"after {time.monotonic() - started:.1f} s")
        if status in (200, 201):
            rid = json.loads(body)["report"]["id"]
            title = json.loads(body)["report"]["title"]
            with lock:
                lines.append(f"  its title is kept to {len(title)} characters; deleted again: "
                             f"{delete(port, rid)[0]}")

    for pair in (files[:2], files[2:4], files[4:]):
        threads = [threading.Thread(target=send, args=f) for f in pair]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return lines


def _flood(port: int, hold: float, make_query) -> tuple[int, dict, float]:
    """16 clients sending make_query(rng) as fast as they are answered for
    ``hold`` seconds: (queries, statuses, median seconds per query)."""
    counts = {"answered": 0, "statuses": {}, "seconds": []}
    lock = threading.Lock()
    stop = time.monotonic() + hold

    def client(n):
        rng = random.Random(n)
        while time.monotonic() < stop:
            started = time.monotonic()
            status, _ = request(port, "GET", "/api/search?" + urllib.parse.urlencode({"q": make_query(rng)[:1000]}))
            with lock:
                counts["answered"] += 1
                counts["statuses"][status] = counts["statuses"].get(status, 0) + 1
                counts["seconds"].append(time.monotonic() - started)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counts["answered"], dict(sorted(counts["statuses"].items())), statistics.median(counts["seconds"])


def normal_flood(port: int, hold: float) -> list[str]:
    """The yardstick for long-words: the same 16 clients with normal queries."""
    n, statuses, median = _flood(port, hold, lambda rng: rng.choice(NORMAL[:-1]))
    return [f"16 clients, {hold:.0f} s: {n} normal queries (median {median * 1000:.0f} ms each), statuses {statuses}"]


def long_words(port: int, hold: float) -> list[str]:
    def query(rng):
        return rng.choice([lambda: "a" * 1000, lambda: "".join(rng.choices(string.ascii_lowercase, k=990)),
                           lambda: "crimex" * 166, lambda: ("".join(rng.choices("abcdefgh", k=24)) + " ") * 40,
                           lambda: "".join(rng.choices(string.ascii_lowercase, k=40)) + "~2"])()

    n, statuses, median = _flood(port, hold, query)
    return [f"16 clients, {hold:.0f} s: {n} queries of 1,000-character words (median {median * 1000:.0f} ms each), "
            f"statuses {statuses}"]


def huge_text(port: int, hold: float) -> list[str]:
    data = hostile.one_line_text(5.0)
    started = time.monotonic()
    status, body = upload(port, "one-line.txt", data)
    lines = [f"one-line.txt ({len(data) / 2**20:.1f} MB, one line): {message(status, body)} "
             f"after {time.monotonic() - started:.1f} s"]
    if status == 201:
        rid = json.loads(body)["report"]["id"]
        started = time.monotonic()
        status, found = request(port, "GET", "/api/search?" + urllib.parse.urlencode({"q": "force", "report": rid}))
        lines.append(f"  a search in it: {status}, {len(found) / 1024:,.0f} KB in {time.monotonic() - started:.2f} s")
        status, page = request(port, "GET", f"/api/reports/{rid}")
        d = json.loads(page)
        lines.append(f"  /api/reports/{rid}: {len(page) / 2**20:.1f} MB, {len(d['passages'])} of "
                     f"{d['passages_total']} passages, next page {d['passages_next']}")
        lines.append(f"  deleted again: {delete(port, rid)[0]}")
    return lines


def concurrent_uploads(port: int, hold: float) -> list[str]:
    base = (FIXTURES / "peel-2016-northshire.txt").read_text(encoding="utf-8")
    outcomes = []
    for round_ in range(4):
        text = base.replace("Northshire", f"Raceshire{round_}").encode()
        for names, datas in ((("copy-a.txt", "copy-b.txt"), (text, text)),
                             (("race-a_b.txt", "race-a-b.txt"), (text, text.replace(b"Raceshire", b"Otherhire")))):
            results = [None, None]
            threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, upload(port, names[i], datas[i])))
                       for i in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            outcomes.append(tuple(sorted(s for s, _ in results)))
            for s, body in results:
                if s in (200, 201):
                    delete(port, json.loads(body)["report"]["id"])
        # an upload racing a delete of the same report
        status, body = upload(port, "racing.txt", text)
        results = [None, None]
        threads = [threading.Thread(target=lambda: results.__setitem__(0, delete(port, "racing"))),
                   threading.Thread(target=lambda: results.__setitem__(1, upload(port, "racing.txt", text + b"\n",
                                                                                 replace=True)))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        delete(port, "racing")
    pairs = {o: outcomes.count(o) for o in outcomes}
    return [f"{len(outcomes)} pairs of simultaneous uploads (same bytes, or one report id): status pairs "
            f"{ {f'{a}+{b}': n for (a, b), n in sorted(pairs.items())} } (one is added, the other refused)",
            "4 uploads raced a delete of the same report"]


CASES = [("slow-clients", slow_clients), ("hostile-pdfs", hostile_pdfs), ("normal-flood", normal_flood),
         ("long-words", long_words),
         ("huge-text", huge_text), ("concurrent-uploads", concurrent_uploads)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hold", type=float, default=15.0, help="seconds the slow and long-word clients run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cases", default=",".join(n for n, _ in CASES))
    args = parser.parse_args(argv)
    chosen = [c for c in CASES if c[0] in args.cases.split(",")]
    root = Path(tempfile.mkdtemp(prefix="attack-"))
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(REPO / "corpus", corpus)
    for f in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(f, corpus)
    server = ServerProcess(corpus, index, root / "server.log", workers=args.workers,
                           env={"SEARCH_SERVICE_ADMIN_TOKEN": TOKEN, "SEARCH_SERVICE_READ_SECONDS": "30",
                                "SEARCH_SERVICE_READ_MEMORY_MB": "1024"})
    bad = 0
    try:
        server.start()
        print(f"attack: search-service serve, {args.workers} workers, on {server.base} (loopback); "
              f"reading limits 30 s, 1 GB\n")
        with Prober(server.port) as quiet:
            time.sleep(3)
        print(f"{'quiet':20s} normal searches: {len(quiet.times)}, median {statistics.median(quiet.times) * 1000:.0f} ms, "
              f"worst {max(quiet.times) * 1000:.0f} ms\n")
        for name, case in chosen:
            before = state(corpus, index)
            started = time.monotonic()
            with Prober(server.port) as probe:
                lines = case(server.port, args.hold)
            after = state(corpus, index)
            problems = consistency_problems(corpus, index)
            lost = [rid for rid in before if rid not in after or after[rid] != before[rid]]
            extra = [rid for rid in after if rid not in before]
            verdict = "nothing lost" if not (lost or extra or problems) else \
                f"LOST/CHANGED {lost} extra {extra} problems {problems}"
            healthy = server.get("/api/health")[0] == 200
            bad += bool(lost or extra or problems or probe.failures or not healthy)
            times = probe.times or [0.0]
            print(f"{name:20s} {time.monotonic() - started:5.1f} s; normal searches: {len(probe.times)}, "
                  f"median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms, "
                  f"failed {len(probe.failures)}; {verdict}; server {'healthy' if healthy else 'DOWN'}")
            for line in lines:
                print(f"    {line}")
            for failure in probe.failures[:5]:
                print(f"    failed search: {failure}")
            print()
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    print("attack: " + ("everything held" if not bad else f"{bad} case(s) with losses or failures"))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
