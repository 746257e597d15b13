"""Load with changes: many clients against the production server while a
report comes and goes, with nothing lost.

Builds a corpus in a temporary folder (the seed report and the invented
reports of tests/fixtures), starts ``search-service serve`` (gunicorn, one
worker per core, rate limits off, an admin token), and for ``--duration``
seconds runs ``--clients`` threads that cycle through distinct searches,
questions, report pages and comparisons, while a mutator adds and removes one
more report every ``--every`` seconds, in turn by API upload, API delete,
``search-service add`` and ``search-service remove`` (other processes).

Every response must be a 2xx and match one of the two states of the index
(without and with that report), as computed before the run: totals and
facets of searches, the answer of questions, report counts of lists, rows of
comparisons. At the end the corpus folder and the index must hold exactly the
expected reports, each with as many passages as an index built from scratch
in another folder gives.

    python bench/load.py [--clients 16] [--duration 60] [--every 3] [--workers N] [--min-changes N]

Prints requests, requests/s, latency percentiles, errors, inconsistent
responses, index changes made and reports lost; exits 1 if any of the last
four is not zero (or nothing was changed).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.server import ServerProcess  # noqa: E402 (after the path is set)
SEED = REPO / "corpus"
FIXTURES = REPO / "tests" / "fixtures"
TOKEN = "load-test-token"
CLI = [sys.executable, "-m", "search_service"]
EXTRA_ID = "peel-2016-loadshire"  # the report that comes and goes

# What clients ask for. Words of the coming-and-going report ("Loadshire",
# "Quayside") make the two states differ; the others mostly count it too.
SEARCHES = ["crime", "neighbourhood policing", "missing children", "anti-social behaviour", "Quayside",
            '"community safety partnership"', "organised crime groups", "victims NOT burglary",
            "Loadshire Constabulary", "problem solving", "heading:vulnerable", "IOM", "domestic abuse",
            "grade:inadequate", "year:2016 force:loadshire", "stop and search"]
FILTERED = [("crime", {"force": "Loadshire Constabulary"}), ("crime", {"year": "2016"}),
            ("victims", {"grade": "Requires improvement"}), ("crime", {"group": "report"}),
            ("policing", {"group": "report", "per_page": "2", "page": "2"}), ("crime", {"page": "3"}),
            ("safeguarding", {"kind": "summary"}), ("missing children", {"inspection": "PEEL effectiveness"})]
QUESTIONS = ["How many organised crime groups was the force managing?",
             "Which partnership does Loadshire Constabulary work with?",
             "What is SARA?", "How effective is Loadshire Constabulary at keeping people safe?",
             "What grade did Eastmoor get for protecting vulnerable people?", "Who is the PCC?"]


# ------------------------------------------------------------------ requests and their signatures
# A signature is what a response must agree on with one state of the index;
# it leaves out scores (they may shift slightly as segments merge).

def _json(body: bytes):
    return json.loads(body)


def sig_search(body):
    d = _json(body)
    return d["total"], d.get("groups_total"), json.dumps(d["facets"], sort_keys=True), len(d["results"])


def sig_ask(body):
    d = _json(body)
    return (d["answer"] or {}).get("passage_id"), len(d["results"]), json.dumps(d["expansions"], sort_keys=True)


def sig_health(body):
    d = _json(body)
    return d["reports"], d["passages"]


def sig_reports(body):
    return sorted(r["id"] for r in _json(body)["reports"])


def sig_compare(body):
    d = _json(body)
    return d["areas"], [(row["report"]["id"], row["grades"]) for row in d["rows"]]


def sig_csv(body):
    return [row[:4] for row in csv.reader(io.StringIO(body.decode("utf-8")))]


def sig_report(body):
    d = _json(body)
    return d["id"], d["sha256"], len(d["passages"])


_SUMMARY = re.compile(r'id="results-summary"[^>]*>(.*?)</p>', re.S)


_TOOK = re.compile(r'<span class="took">.*?</span>', re.S)  # how long it took: no part of the state


def sig_search_page(body):
    m = _SUMMARY.search(body.decode("utf-8"))
    return " ".join(re.sub(r"<[^>]+>", " ", _TOOK.sub("", m.group(1))).split()) if m else None


def sig_reports_page(body):
    m = re.search(r"(\d+) of (\d+) reports?", body.decode("utf-8"))
    return m.groups() if m else None


def sig_compare_page(body):
    return re.findall(r'<tr id="row-([a-z0-9-]+)"', body.decode("utf-8"))


def sig_report_page(body):
    text = body.decode("utf-8")
    return len(re.findall(r'<section class="passage', text)), hashlib.sha256(
        re.sub(r'name="csrf_token" value="[^"]*"', "", text).encode()).hexdigest()


def requests_to_make(base_ids: list[str]) -> list[tuple[str, object]]:
    """(path with query, signature function) for every distinct request."""
    q = urllib.parse.urlencode
    out = [(f"/api/search?{q({'q': s})}", sig_search) for s in SEARCHES]
    out += [(f"/api/search?{q({'q': s, **f})}", sig_search) for s, f in FILTERED]
    out += [(f"/search?{q({'q': s})}", sig_search_page) for s in SEARCHES[:6]]
    out += [(f"/search?{q({'q': s, **f})}", sig_search_page) for s, f in FILTERED[:4]]
    out += [(f"/api/ask?{q({'q': s})}", sig_ask) for s in QUESTIONS]
    out += [(f"/search?{q({'q': s})}", sig_search_page) for s in QUESTIONS[:3]]  # answer cards
    out += [(f"/reports/{rid}", sig_report_page) for rid in base_ids]
    out += [(f"/api/reports/{rid}", sig_report) for rid in base_ids]
    out += [("/api/health", sig_health), ("/api/reports", sig_reports), ("/reports", sig_reports_page),
            ("/api/compare", sig_compare), ("/api/compare.csv", sig_csv), ("/compare", sig_compare_page),
            ("/compare?grade=Requires+improvement", sig_compare_page), ("/api/glossary", lambda b: len(b) > 0)]
    return out


def fetch(base: str, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(base + path, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


# ------------------------------------------------------------------ the corpus

def make_extra(folder: Path) -> Path:
    """The report that comes and goes: an invented one, distinct from the
    fixtures (the Northshire fixture with its names changed)."""
    text = (FIXTURES / "peel-2016-northshire.txt").read_text(encoding="utf-8")
    path = folder / f"{EXTRA_ID}.txt"
    path.write_text(text.replace("Northshire", "Loadshire").replace("Harbourside", "Quayside"), encoding="utf-8")
    return path


def build_corpus(corpus: Path) -> None:
    shutil.copytree(SEED, corpus)
    for f in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(f, corpus)
        side = f.with_name(f.stem + ".meta.json")
        if side.exists():
            shutil.copy(side, corpus)


def corpus_ids(corpus: Path) -> set[str]:
    from search_service.ingest import corpus_files
    from search_service.ingest.metadata import report_id

    return {report_id(p) for p in corpus_files(corpus)}


def passage_counts(corpus: Path, index: Path) -> dict[str, int]:
    from search_service.index import IndexStore

    store = IndexStore(index, corpus)
    return {r.id: len(store.passages(r.id)) for r in store.reports()}


# ------------------------------------------------------------------ the run

def api_change(base: str, method: str, path: str, file: Path | None = None) -> int:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    data = None
    if file is not None:
        boundary = uuid.uuid4().hex
        data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file.name}\"\r\n"
                "Content-Type: text/plain\r\n\r\n").encode() + file.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def states(base: str, todo) -> list:
    return [sig(fetch(base, path)[1]) for path, sig in todo]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(clients: int, duration: float, every: float, workers: int, keep: bool, min_changes: int = 0) -> int:
    root = Path(tempfile.mkdtemp(prefix="search-service-load-"))
    corpus, index = root / "corpus", root / "index"
    build_corpus(corpus)
    extra = make_extra(root)
    env = dict(os.environ, SEARCH_SERVICE_CORPUS=str(corpus), SEARCH_SERVICE_INDEX=str(index),
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(CLI + ["index"], env=env, check=True, capture_output=True, cwd=REPO)
    base_ids = sorted(corpus_ids(corpus))
    server = ServerProcess(corpus, index, root / "server.log", workers=workers,
                           env={"SEARCH_SERVICE_ADMIN_TOKEN": TOKEN})
    try:
        server.start(timeout=60)
    except RuntimeError as e:
        raise SystemExit(str(e))
    base = server.base
    problems: list[str] = []
    try:
        todo = requests_to_make(base_ids)
        without = states(base, todo)
        assert api_change(base, "POST", "/api/reports", extra) == 201, "could not add the extra report"
        with_extra = states(base, todo)
        assert api_change(base, "DELETE", f"/api/reports/{EXTRA_ID}") == 200, "could not remove it"
        again = states(base, todo)
        if again != without:
            diff = [(path, a, b) for (path, _), a, b in zip(todo, without, again) if a != b]
            raise SystemExit(f"removing the extra report did not restore the first state: {diff[:3]}")
        differing = sum(a != b for a, b in zip(without, with_extra))
        expected = [(a, b) for a, b in zip(without, with_extra)]

        stop = threading.Event()
        lock = threading.Lock()
        latencies: list[float] = []
        counts = {"requests": 0, "errors": 0, "inconsistent": 0}

        def client(n: int) -> None:
            i = n * 7
            mine: list[float] = []
            while not stop.is_set():
                k = i % len(todo)
                i += 1
                path, sig = todo[k]
                t0 = time.perf_counter()
                try:
                    status, body = fetch(base, path)
                    elapsed = time.perf_counter() - t0
                    ok = 200 <= status < 300
                    seen = sig(body) if ok else None
                    consistent = ok and seen in expected[k]
                except Exception as e:  # noqa: BLE001 - every failure counts as an error
                    elapsed, ok, consistent, status = time.perf_counter() - t0, False, False, repr(e)
                mine.append(elapsed)
                with lock:
                    counts["requests"] += 1
                    if not ok:
                        counts["errors"] += 1
                        problems.append(f"error {status} on {path}")
                    elif not consistent:
                        counts["inconsistent"] += 1
                        problems.append(f"inconsistent {path}: {str(seen)[:200]}")
            with lock:
                latencies.extend(mine)

        changes = {"API upload": 0, "API delete": 0, "CLI add": 0, "CLI remove": 0}
        change_failures: list[str] = []

        def mutator() -> None:
            step = 0
            while not stop.wait(every):
                kind = ("API upload", "API delete", "CLI add", "CLI remove")[step % 4]
                if kind == "API upload":
                    ok = api_change(base, "POST", "/api/reports", extra) == 201
                elif kind == "API delete":
                    ok = api_change(base, "DELETE", f"/api/reports/{EXTRA_ID}") == 200
                else:
                    args = ["add", str(extra)] if kind == "CLI add" else ["remove", EXTRA_ID]
                    r = subprocess.run(CLI + args, env=env, capture_output=True, text=True, cwd=REPO)
                    ok = r.returncode == 0
                    if not ok:
                        change_failures.append(f"{kind}: {r.stderr.strip()[-300:]}")
                if ok:
                    changes[kind] += 1
                elif kind.startswith("API"):
                    change_failures.append(f"{kind} failed")
                step += 1

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
        mut = threading.Thread(target=mutator, daemon=True)
        started = time.monotonic()
        for t in threads:
            t.start()
        mut.start()
        time.sleep(duration)
        deadline = time.monotonic() + 300
        while sum(changes.values()) < min_changes and time.monotonic() < deadline:
            time.sleep(0.2)  # a slow machine: go on until every kind of change has been made
        stop.set()
        mut.join()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        n_changes = sum(changes.values())

        # nothing lost: corpus, index and a from-scratch index agree on every report
        present = changes["API upload"] + changes["CLI add"] > changes["API delete"] + changes["CLI remove"]
        want = set(base_ids) | ({EXTRA_ID} if present else set())
        in_corpus = corpus_ids(corpus)
        served = set(sig_reports(fetch(base, "/api/reports")[1]))
        live_counts = passage_counts(corpus, index)
        aside = root / "scratch"
        shutil.copytree(corpus, aside / "corpus", ignore=shutil.ignore_patterns(".staging"))
        subprocess.run(CLI + ["--corpus", str(aside / "corpus"), "--index", str(aside / "index"), "index"],
                       env=env, check=True, capture_output=True, cwd=REPO)
        scratch_counts = passage_counts(aside / "corpus", aside / "index")
        lost = sorted(want - in_corpus | want - served | want - set(live_counts)
                      | {rid for rid in want if live_counts.get(rid) != scratch_counts.get(rid)})
        extra_found = sorted((in_corpus | served | set(live_counts)) - want)
        leftovers = [p.name for p in corpus.iterdir() if p.name.startswith(".")]
    finally:
        server.stop()

    rps = counts["requests"] / elapsed if elapsed else 0
    ms = [x * 1000 for x in latencies]
    print(f"load: {clients} clients for {elapsed:.1f} s against `search-service serve --workers {workers}`, "
          f"{len(base_ids)} reports + 1 coming and going, {len(todo)} distinct requests "
          f"({differing} differ between the two states)")
    print(f"requests: {counts['requests']}")
    print(f"requests/s: {rps:.1f}")
    print(f"latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}  "
          f"p99 {percentile(ms, 99):.1f}  max {max(ms, default=0):.1f}")
    print(f"errors: {counts['errors']}")
    print(f"inconsistent responses: {counts['inconsistent']}")
    print(f"index changes made: {n_changes} ({', '.join(f'{v} {k}' for k, v in changes.items())})"
          + (f"; failed changes: {len(change_failures)}" if change_failures else ""))
    print(f"reports lost: {len(lost)}" + (f" {lost}" if lost else "")
          + f" (expected {len(want)} in corpus, index and a from-scratch index: corpus {len(in_corpus)}, "
            f"served {len(served)}, passages match for {sum(live_counts.get(r) == scratch_counts.get(r) for r in want)})")
    if extra_found or leftovers:
        print(f"unexpected: reports {extra_found}, files {leftovers}")
    for p in (problems + change_failures)[:10]:
        print("  " + p)
    if keep:
        print(f"kept: {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    bad = counts["errors"] or counts["inconsistent"] or lost or extra_found or leftovers or change_failures \
        or n_changes < max(1, min_changes) or counts["requests"] == 0
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    parser.add_argument("--every", type=float, default=3, help="seconds between index changes (default 3)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="server worker processes (default: CPU cores)")
    parser.add_argument("--min-changes", type=int, default=0, metavar="N",
                        help="run past --duration until N index changes are made (at most 5 more minutes)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus, index and server log")
    args = parser.parse_args(argv)
    return run(args.clients, args.duration, args.every, args.workers, args.keep, args.min_changes)


if __name__ == "__main__":
    sys.exit(main())
