"""The same passages and queries through SQLite FTS5 and tantivy.

Both index the passages exactly as the project indexed them (heading path and
text, heading weighted 2:1 like the project's field boost) and answer each
query with the top 10 passages and a highlighted snippet of each. The query
is the project's query reduced to what both engines share: its content words
(the project's stop words left out) OR-ed together, quoted phrases kept as
phrases. Neither computes facets, totals, suggestions or answers, so they
mark the floor a search engine sets, not an equivalent service.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

from bench.queries import Query, baseline_query
from bench.stats import summary

TOP_K = 10


def read_passages(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _measure(run_query, queries: list[Query]) -> dict:
    times: dict[str, list[float]] = {"keyword": [], "question": []}
    skipped = errors = 0
    for q in queries:
        terms, phrases = baseline_query(q.text)
        if not terms and not phrases:
            skipped += 1
            continue
        t = time.perf_counter()
        try:
            run_query(terms, phrases)
        except Exception:  # noqa: BLE001 - a baseline's failure is counted, not fatal
            errors += 1
            continue
        times[q.kind].append(time.perf_counter() - t)
    return {"keyword": summary(times["keyword"]), "question": summary(times["question"]),
            "all": summary(times["keyword"] + times["question"]), "skipped": skipped, "errors": errors}


# ------------------------------------------------------------------ SQLite FTS5

def fts5(passages: list[dict], queries: list[Query], folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "fts5.sqlite"
    for suffix in ("", "-wal", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    con = sqlite3.connect(db, check_same_thread=False)
    try:
        con.execute("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, heading, text, tokenize='porter unicode61')")
    except sqlite3.OperationalError as e:
        return {"available": False, "reason": f"FTS5 not available: {e}"}
    with con:
        con.executemany("INSERT INTO p(id, heading, text) VALUES (?, ?, ?)",
                        ((d["id"], d["heading"], d["text"]) for d in passages))
        con.execute("INSERT INTO p(p, rank) VALUES ('rank', 'bm25(0.0, 2.0, 1.0)')")
        con.execute("INSERT INTO p(p) VALUES ('optimize')")
    build_s = time.perf_counter() - t0

    def run(terms, phrases):
        match = " OR ".join(['"' + t + '"' for t in terms] + ['"' + " ".join(p) + '"' for p in phrases])
        return con.execute("SELECT id, snippet(p, 2, '<mark>', '</mark>', '…', 40) FROM p WHERE p MATCH ? "
                           "ORDER BY rank LIMIT ?", (match, TOP_K)).fetchall()

    out = _measure(run, queries)
    con.close()
    return {"available": True, "engine": f"SQLite {sqlite3.sqlite_version} FTS5 (porter unicode61, bm25)",
            "build_s": round(build_s, 3), **out}


# ------------------------------------------------------------------ tantivy

def tantivy_available() -> tuple[bool, str]:
    try:
        import tantivy  # noqa: F401
    except Exception as e:  # noqa: BLE001 - ImportError or a broken wheel
        return False, f"tantivy not importable: {e}"
    return True, ""


def tantivy(passages: list[dict], queries: list[Query], folder: Path) -> dict:
    ok, reason = tantivy_available()
    if not ok:
        return {"available": False, "reason": reason}
    import tantivy as tv
    from importlib.metadata import version

    path = folder / "tantivy"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    t0 = time.perf_counter()
    sb = tv.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("heading", stored=True, tokenizer_name="en_stem")
    sb.add_text_field("text", stored=True, tokenizer_name="en_stem")
    schema = sb.build()
    index = tv.Index(schema, path=str(path))
    writer = index.writer(heap_size=256_000_000, num_threads=0)
    for d in passages:
        writer.add_document(tv.Document(id=d["id"], heading=d["heading"], text=d["text"]))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    build_s = time.perf_counter() - t0
    searcher = index.searcher()

    def run(terms, phrases):
        qs = " ".join(terms + ['"' + " ".join(p) + '"' for p in phrases])
        query = index.parse_query(qs, ["heading", "text"], field_boosts={"heading": 2.0})
        hits = searcher.search(query, TOP_K).hits
        gen = tv.SnippetGenerator.create(searcher, query, schema, "text")
        out = []
        for _score, address in hits:
            doc = searcher.doc(address)
            out.append((doc["id"][0], gen.snippet_from_doc(doc).to_html()))
        return out

    out = _measure(run, queries)
    return {"available": True, "engine": f"tantivy {version('tantivy')} (en_stem, BM25)",
            "build_s": round(build_s, 3), **out}
