"""Two servers, one index: two ``search-service serve`` processes (as on two
hosts) over one index folder and one corpus folder, while reports are added
through either server's upload API, with ``search-service add`` from a third
process, and by copying a file into corpus/ and running ``search-service
index`` (no server watches corpus/). Clients query both servers without pause and check every
response: no error, and every answer is one whole state of the index (the
reports and passages of exactly the changes made so far, in order, never
going back). Both servers serve each new report within 5 seconds.

The figures (requests checked, seconds until each server served each new
report) are printed; run with ``-s`` to see them.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED_CORPUS, SEED_ID, indexed_corpus

from bench.server import ServerProcess
from search_service import segment_arrays
from search_service.index import IndexStore
from search_service.indexer import RETAIN_SECONDS, Indexer
from test_live import TOKEN, admin

VISIBLE_WITHIN = 5.0  # seconds: the promise to users of a multi-server deployment
CLI = [sys.executable, "-m", "search_service"]


def anchor_phrase(name: str) -> str:
    """A phrase only this fixture report contains (its truth file's first anchor)."""
    truth = json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))
    return truth["anchors"][0]["phrase"]


def fetch(server: ServerProcess, path: str, **params) -> dict:
    """A GET that must succeed with JSON; anything else raises with the reason."""
    url = path + ("?" + urllib.parse.urlencode(params) if params else "")
    status, body = server.get(url, timeout=30)
    if status != 200:
        raise AssertionError(f"{server.base}{url}: status {status}: {body[:300]!r}")
    return json.loads(body)


@dataclass
class States:
    """The states the index passes through, in order: state k holds the seed
    and the first k changes (one commit each, so nothing in between exists)."""
    reports: list[frozenset] = field(default_factory=list)  # report ids of state k
    passages: dict[str, int] = field(default_factory=dict)  # report id -> passages

    def of_reports(self, ids) -> int | None:
        ids = frozenset(ids)
        return next((k for k, s in enumerate(self.reports) if s == ids), None)

    def of_health(self, reports: int, passages: int) -> int | None:
        for k, s in enumerate(self.reports):
            if len(s) == reports and sum(self.passages[r] for r in s) == passages:
                return k
        return None


class Client(threading.Thread):
    """Queries one server in a loop: health, the report list, a search for a
    phrase of one of the reports being added, and that report's page.
    Records every observation (which state it shows) and every problem."""

    def __init__(self, server: ServerProcess, label: str, phrases: dict[str, str], stop: threading.Event):
        super().__init__(name=label, daemon=True)
        self.server, self.label, self.phrases, self.stop = server, label, phrases, stop
        self.seen: list[tuple[str, object]] = []  # (what, observation), in the order made
        self.problems: list[str] = []
        self.requests = 0

    def run(self):
        rids = list(self.phrases)
        i = 0
        while not self.stop.is_set():
            rid = rids[i % len(rids)]
            i += 1
            try:
                health = fetch(self.server, "/api/health")
                self.seen.append(("health", (health["reports"], health["passages"])))
                found = fetch(self.server, "/api/search", q=f'"{self.phrases[rid]}"', per_page=5)
                cited = {h["report"]["id"] for h in found["results"]}
                self.seen.append(("search", (rid, found["total"], len(found["results"]), frozenset(cited))))
                listed = fetch(self.server, "/api/reports")
                ids = frozenset(r["id"] for r in listed["reports"])
                self.seen.append(("reports", ids))
                if not cited <= ids:  # states only move forward: what a search cites stays listed
                    self.problems.append(f"search cited {sorted(cited - ids)}, then /api/reports lacked it")
                for cid in cited:
                    page = fetch(self.server, f"/api/reports/{cid}", per_page=1)
                    self.seen.append(("report", (cid, page["passages_total"])))
                self.requests += 3 + len(cited)
            except Exception as e:  # noqa: BLE001 - every failure is a finding
                self.problems.append(f"{type(e).__name__}: {e}")
                time.sleep(0.05)


def check(client: Client, states: States, phrase_hits: dict[str, int]) -> list[str]:
    """Every observation one whole state, and states never going back."""
    problems = list(client.problems)
    last = 0
    for what, obs in client.seen:
        if what == "health":
            k = states.of_health(*obs)
        elif what == "reports":
            k = states.of_reports(obs)
        elif what == "search":
            rid, total, shown, cited = obs
            if total and (cited != {rid} or total != phrase_hits[rid] or shown != min(total, 5)):
                problems.append(f"search for {rid}'s phrase: {total} hits ({shown} shown) citing "
                                f"{sorted(cited)}; whole, it has {phrase_hits[rid]} hits in {rid}")
            continue
        else:
            rid, total = obs
            if total != states.passages[rid]:
                problems.append(f"{rid} listed with {total} passages of {states.passages[rid]}")
            continue
        if k is None:
            problems.append(f"{what} {obs} is no state the index has been in")
        elif k < last:
            problems.append(f"{what} went back from state {last} to {k}")
        else:
            last = k
    return [f"{client.label}: {p}" for p in problems]


def served_by(server: ServerProcess, rid: str, phrase: str) -> bool:
    """The report is listed, has its page, and its phrase is found."""
    status, _ = server.get(f"/api/reports/{rid}?per_page=1")
    return (status == 200 and rid in {r["id"] for r in fetch(server, "/api/reports")["reports"]}
            and fetch(server, "/api/search", q=f'"{phrase}"')["total"] > 0)


def seconds_until(servers, test, since: float) -> list[float]:
    """For each server, seconds from ``since`` until ``test(server)`` holds
    (polled every 20 ms, at most VISIBLE_WITHIN + 5 s)."""
    out = []
    for server in servers:
        while not test(server) and time.monotonic() - since < VISIBLE_WITHIN + 5:
            time.sleep(0.02)
        out.append(time.monotonic() - since)
    return out


@pytest.fixture()
def shared(tmp_path):
    """One corpus and one index folder, indexed once; the servers' settings."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    env = dict(os.environ, SEARCH_SERVICE_CORPUS=str(corpus), SEARCH_SERVICE_INDEX=str(tmp_path / "index"),
               SEARCH_SERVICE_ADMIN_TOKEN=TOKEN, SEARCH_SERVICE_RATE_LIMIT="off")  # clients from one address
    subprocess.run(CLI + ["index"], env=env, check=True, capture_output=True, timeout=300)
    return corpus, tmp_path / "index", env


# The changes, in order: (report file, how it is added).
CHANGES = [("peel-2016-northshire.txt", "upload to A while B starts"),
           ("peel-2017-fenmoor.pdf", "upload to A"),
           ("thematic-2025-rural-crime.txt", "search-service add"),
           ("peel-2016-eastmoor.txt", "copied into corpus/, then search-service index"),
           ("custody-2024-wealdmarsh.html", "upload to B")]


@pytest.fixture()
def servers(shared, tmp_path):
    """Server A and server B (not started) over the shared folders; both are
    stopped afterwards, whatever happened."""
    corpus, index, env = shared
    pair = [ServerProcess(corpus, index, tmp_path / f"server-{n}.log", workers=2, env=env) for n in "ab"]
    try:
        yield pair
    finally:
        for server in pair:
            server.stop()


def test_two_servers_over_one_index_serve_every_new_report_within_5_s_and_never_a_mixed_state(shared, servers):
    corpus, _, env = shared
    a, b = servers
    phrases = {Path(name).stem: anchor_phrase(name) for name, _ in CHANGES}
    states = States(reports=[frozenset({SEED_ID})])
    stop = threading.Event()
    clients: list[Client] = []
    lags = {}
    try:
        a.start(timeout=60)
        states.passages[SEED_ID] = fetch(a, "/api/health")["passages"]
        clients += [Client(a, f"A{n}", phrases, stop) for n in (1, 2)]
        for c in clients:
            c.start()
        for name, how in CHANGES:
            rid = Path(name).stem
            t0 = time.monotonic()
            if how == "upload to A while B starts":  # B's start-up (recover, then sync) runs beside A's upload
                answers = []
                upload = threading.Thread(target=lambda: answers.append(
                    admin(a.base, "POST", "/api/reports", FIXTURES / name)[0]))
                upload.start()
                b.start(timeout=60)
                upload.join(60)
                assert answers == [201]
                clients += [Client(b, f"B{n}", phrases, stop) for n in (1, 2)]
                for c in clients[-2:]:
                    c.start()
            elif how == "search-service add":
                subprocess.run(CLI + ["add", str(FIXTURES / name)], env=env, check=True, capture_output=True,
                               timeout=120)
            elif how.startswith("copied"):  # no server watches corpus/: `index` (recover, then sync) does it
                shutil.copy(FIXTURES / name, corpus)
                subprocess.run(CLI + ["index"], env=env, check=True, capture_output=True, timeout=120)
            else:
                status, _ = admin((a if how == "upload to A" else b).base, "POST", "/api/reports", FIXTURES / name)
                assert status == 201
            done = time.monotonic()
            lags[rid] = seconds_until((a, b), lambda s: served_by(s, rid, phrases[rid]), done)
            assert max(lags[rid]) <= VISIBLE_WITHIN, f"{rid} ({how}) not served by A and B within " \
                f"{VISIBLE_WITHIN} s: {lags[rid]}"
            states.passages[rid] = fetch(a, f"/api/reports/{rid}", per_page=1)["passages_total"]
            states.reports.append(states.reports[-1] | {rid})
            time.sleep(0.5)  # the clients see the new state for a while
    finally:
        stop.set()
        for c in clients:
            c.join(60)
    # the truth, quiet: how many passages of each report hold its phrase
    phrase_hits = {rid: fetch(a, "/api/search", q=f'"{p}"')["total"] for rid, p in phrases.items()}
    assert all(phrase_hits.values()), phrase_hits
    problems = [p for c in clients for p in check(c, states, phrase_hits)]
    requests = sum(c.requests for c in clients)
    print(f"\ntwo servers: {requests} requests checked during {len(CHANGES)} additions; seconds until "
          "served by A, B: " + "; ".join(f"{rid} {x:.2f}, {y:.2f}" for rid, (x, y) in lags.items()))
    assert not problems, (problems[:10], a.log()[-2000:], b.log()[-2000:])
    assert all(c.requests > 20 for c in clients), [(c.label, c.requests) for c in clients]
    for server in (a, b):  # and both end in the same, final state
        assert fetch(server, "/api/health")["reports"] == len(states.reports[-1])

    # a removal through one server is gone from both within the same time
    rid = Path(CHANGES[0][0]).stem
    admin(b.base, "DELETE", f"/api/reports/{rid}")
    gone = seconds_until((a, b), lambda s: s.get(f"/api/reports/{rid}")[0] == 404
                         and fetch(s, "/api/search", q=f'"{phrases[rid]}"')["total"] == 0, time.monotonic())
    assert max(gone) <= VISIBLE_WITHIN, gone
    assert not (corpus / CHANGES[0][0]).exists()


def read_commit(folder: Path, gen: int) -> list[str]:
    """The report ids of commit ``gen`` of a generation, read from its own
    files (as a host that listed them just before a newer commit does)."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC, FileIndex

    storage = FileStorage(str(folder))
    toc = TOC.read(storage, "MAIN", gen)
    with FileIndex._reader(storage, toc.schema, toc.segments, gen) as reader:
        return sorted(f["report"] for f in reader.all_stored_fields() if f["doctype"] == "report")


def commit_files(folder: Path) -> set[str]:
    """Whoosh's TOC and segment files and the scorer's arrays beside them."""
    return {p.name for p in folder.iterdir()
            if p.name.startswith(("MAIN_", "_MAIN_", segment_arrays.PREFIX)) and p.name != "MAIN_WRITELOCK"}


def segment_of(name: str) -> str:
    return name[len(segment_arrays.PREFIX):].split("-", 1)[0] if name.startswith(segment_arrays.PREFIX) \
        else name.split(".")[0]


def test_a_replaced_commit_stays_readable_for_other_processes_and_hosts_then_goes(tmp_path):
    """A server elsewhere may have listed a commit a moment before another
    process replaced it (and on NFS a deleted file is gone even for readers
    that have it open): its files stay RETAIN_SECONDS after it was replaced,
    also through another server's start-up recovery, and then go."""
    settings = indexed_corpus(tmp_path)
    store = IndexStore(settings.index_dir, settings.corpus_dir)
    indexer = Indexer(store)
    folder = store.current_path()
    first = store.open().latest_generation()
    assert read_commit(folder, first) == [SEED_ID]
    first_files = commit_files(folder)
    northshire = indexer.read(FIXTURES / "peel-2016-northshire.txt")
    eastmoor = indexer.read(FIXTURES / "peel-2016-eastmoor.txt")
    with indexer.lock():
        indexer.apply([northshire])  # two commits: the second merges the small segments
        indexer.apply([eastmoor])
        indexer.recover()  # what a second server's start does
    assert store.open().latest_generation() == first + 2
    assert first_files <= commit_files(folder)
    assert read_commit(folder, first) == [SEED_ID]  # whole, as it was
    assert read_commit(folder, first + 1) == sorted([SEED_ID, "peel-2016-northshire"])

    # RETAIN_SECONDS later (as the files' times say), the next commit removes
    # every commit replaced before then; the one it replaces stays
    past = time.time() - 2 * RETAIN_SECONDS
    for name in commit_files(folder):
        os.utime(folder / name, (past, past))
    with indexer.lock():
        indexer.apply([], remove=["peel-2016-northshire"])
    live = store.open().latest_generation()
    assert sorted(p.name for p in folder.glob("_MAIN_*.toc")) == [f"_MAIN_{live - 1}.toc", f"_MAIN_{live}.toc"]
    from whoosh.index import TOC

    named = {s.segment_id() for g in (live - 1, live) for s in TOC.read(store.open().storage, "MAIN", g).segments}
    assert {segment_of(name) for name in commit_files(folder) if not name.startswith("_")} == named
    assert {segment_of(p.name) for p in folder.glob(segment_arrays.PREFIX + "*")} == named
    assert read_commit(folder, live) == sorted([SEED_ID, "peel-2016-eastmoor"])
