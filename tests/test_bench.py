"""The benchmark (bench/) end to end at a tiny size: every figure is there and
the generated corpus indexes to the requested number of passages."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # bench/ is a folder of the repo, not part of the installed package

SIZE = 1000


def test_plan_adds_up_to_the_requested_passages():
    from bench.corpus import plan_targets

    for n in (30, 100, 1000, 12_345):
        targets = plan_targets(random.Random(n), n)
        assert sum(targets) == n
        assert len(targets) == max(1, round(n / 50))


def test_generated_report_makes_the_planned_passages(tmp_path):
    from bench.corpus import load_seed, render, report_blocks
    from search_service.ingest import ingest

    seed = load_seed()
    rng = random.Random(7)
    for i, target in enumerate((35, 50, 65)):
        blocks, notes = report_blocks(rng, seed, "Ashdale Police", target)
        path = tmp_path / f"peel-effectiveness-2019-ashdale-{i}.txt"
        path.write_text(render(blocks, notes), encoding="utf-8")
        item = ingest(path)
        assert len(item.passages) == target
        assert item.report.judgments, "grades are read as judgments"
        assert any(p.kind == "area_for_improvement" for p in item.passages)


def _all_numbers(d: dict, *keys: str) -> None:
    for k in keys:
        assert isinstance(d[k], (int, float)), (k, d)


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    report = out / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", str(SIZE), "--duration", "2", "--queries", "60",
         "--data-dir", str(out / "data"), "--json", str(report)],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout, json.loads(report.read_text())


def test_corpus_indexes_to_the_requested_size(bench_run):
    _, res = bench_run
    r = res["sizes"][str(SIZE)]
    assert abs(r["corpus"]["indexed_passages"] - SIZE) <= SIZE * 0.10
    assert r["build"]["failed"] == {}
    assert r["corpus"]["reports"] == SIZE // 50


def test_report_has_every_figure(bench_run):
    text, res = bench_run
    r = res["sizes"][str(SIZE)]
    _all_numbers(r["build"], "build_s", "peak_rss_mb", "passages", "reports")
    for part in (r["calls"], r["http"]["sequential"]):
        assert part["errors"] == 0
        for kind in ("keyword", "question", "all"):
            _all_numbers(part[kind], "p50_ms", "p95_ms", "p99_ms", "mean_ms", "max_ms")
        assert part["keyword"]["n"] == 30 and part["question"]["n"] == 30
    _all_numbers(r["calls"], "first_search_ms", "first_ask_ms")
    load = r["http"]["load"]
    _all_numbers(load, "requests_per_s", "errors", "ok")
    assert load["ok"] > 0 and load["errors"] == 0
    _all_numbers(r["http"]["server"], "peak_rss_mb", "workers")
    _all_numbers(r["add_report"], "sync_s", "searchable_s", "http_searchable_s")
    _all_numbers(r["fts5"], "build_s")
    _all_numbers(r["fts5"]["all"], "p50_ms", "p95_ms", "p99_ms")
    _all_numbers(r["ratios"]["fts5"], "p50_ms", "p95_ms", "p99_ms", "build_s")
    if r["tantivy"]["available"]:
        _all_numbers(r["tantivy"]["all"], "p50_ms", "p95_ms", "p99_ms")
        _all_numbers(r["ratios"]["tantivy"], "p50_ms", "p95_ms", "p99_ms", "build_s")
    assert len(r["targets"]) == 9 and all(t["result"] in ("PASS", "FAIL") for t in r["targets"])
    _all_numbers(res["quality"], "success@5", "MRR@10")
    for needle in ("success@5", "MRR@10", "function calls", "HTTP", "requests/s", "peak RSS", "SQLite FTS5",
                   "tantivy", "ratio search-service/FTS5", "targets", "added report searchable"):
        assert needle in text, needle
