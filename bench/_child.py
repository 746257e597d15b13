"""Run in a child process so that its peak memory is the build's own:

    python -m bench._child build CORPUS INDEX PASSAGES_JSONL

Times ``Indexer.sync(rebuild=True)``, reads the peak RSS, then writes the
indexed passages (id, heading, text) as JSON lines for the baselines, and
prints one JSON object on stdout. Where the project still has them, the
parse (``ingest``) and derived-data (glossary, sentence model) steps are timed
by wrapping them from outside; the rest is Whoosh writing and committing.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def build(corpus: Path, index: Path, passages_out: Path) -> dict:
    from search_service import indexer as index_mod
    from search_service.index import IndexStore
    from search_service.indexer import Indexer

    from bench.stats import self_peak_rss_mb

    spent = {"ingest": 0.0, "derived": 0.0}
    if callable(getattr(index_mod, "ingest", None)):
        real_ingest = index_mod.ingest

        def timed_ingest(*a, **k):
            t = time.perf_counter()
            try:
                return real_ingest(*a, **k)
            finally:
                spent["ingest"] += time.perf_counter() - t

        index_mod.ingest = timed_ingest
    # the learning of the derived data (``_derived``, where the project has it apart from their writing)
    derived_name = "_derived" if "_derived" in Indexer.__dict__ else "_write_derived"
    real_derived = Indexer.__dict__.get(derived_name)
    if isinstance(real_derived, staticmethod):
        fn = real_derived.__func__

        def timed_derived(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent["derived"] += time.perf_counter() - t

        setattr(Indexer, derived_name, staticmethod(timed_derived))

    rss_before = self_peak_rss_mb()
    store = IndexStore(index, corpus)
    files = [0]

    def progress(n, total, name):
        files[0] = total
        if n == 1 or n % max(1, total // 10) == 0:
            print(f"  build: parsing {n}/{total} files ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    result = Indexer(store).sync(rebuild=True, progress=progress)
    build_s = time.perf_counter() - t0
    peak = self_peak_rss_mb()
    n_reports, n_passages = IndexStore(index, corpus).counts()
    # the passages as indexed, for the baselines (after the measurement)
    n = 0
    with IndexStore(index, corpus).searcher() as s, open(passages_out, "w", encoding="utf-8") as f:
        for doc in s.documents(doctype="passage"):
            f.write(json.dumps({"id": doc["id"], "heading": doc.get("heading", ""), "text": doc.get("text", "")},
                               ensure_ascii=False) + "\n")
            n += 1
    other = build_s - spent["ingest"] - spent["derived"]
    return {"build_s": round(build_s, 3), "peak_rss_mb": peak, "rss_before_build_mb": rss_before,
            "files": files[0], "reports": n_reports, "passages": n_passages, "failed": result.failed,
            "parse_s": round(spent["ingest"], 3) if spent["ingest"] else None,
            "derived_s": round(spent["derived"], 3) if spent["derived"] else None,
            "whoosh_write_s": round(other, 3) if spent["ingest"] else None,
            "passages_dumped": n}


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "build":
        out = build(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        print(json.dumps(out))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
