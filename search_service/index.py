"""The index, read side: schema, generations, shared searchers and caches.

Layout of ``index/``: one or more generation folders (``gen-<n>``), each a
complete Whoosh index with its derived data (glossary, sentence model,
vocabulary), and a ``CURRENT`` file naming the live one. Report metadata is
stored in the same index as passages (``doctype=report``), so a report and
its passages always change together in one commit. Everything that writes
lives in ``indexer.py``; this module only opens and reads, and is what every
search, answer and page goes through.
"""
from __future__ import annotations

import json
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from whoosh import index as windex
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from search_service import completion, ranking, sentences, spelling
from search_service import glossary as glossary_mod
from search_service.analysis import ANALYZER, PAIR_ANALYZER, terms
from search_service.model import Passage, Report

GLOSSARY_FILE = "glossary.json"
PUNKT_FILE = "punkt.json"
VOCABULARY_FILE = "vocabulary.json"
HEADINGS_FILE = "headings.json"

# Headings describe what a passage is about, so they weigh more than body text.
HEADING_BOOST = 2.0
# A change this soon after the last could share its modification time (file times advance by the kernel's
# tick, or by seconds on some file systems): until the latest change is this old, every query looks at the index
# itself (as git re-reads its racily clean entries)
RACY_S = 2.0

# Filter name (rules.FILTERS) → the index field holding its value.
FILTER_FIELDS = {"force": "force_exact", "year": "year", "family": "family", "inspection": "inspection",
                 "grade": "grade", "kind": "kind", "report": "report"}


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        doctype=ID(stored=True),
        report=ID(stored=True, sortable=True),
        order=NUMERIC(stored=True, sortable=True),
        page=STORED(),
        pdf_page=STORED(),  # physical page of a PDF report (page is its printed label); None for text
        page_end=STORED(),  # printed page where a passage that runs on ends
        anchor=STORED(),  # id of the section heading in a web page report
        kind=ID(stored=True, sortable=True),
        force=TEXT(analyzer=ANALYZER),
        force_exact=ID(stored=True, sortable=True),
        year=NUMERIC(stored=True, sortable=True),
        title=TEXT(analyzer=ANALYZER),
        heading=TEXT(analyzer=ANALYZER, stored=True, field_boost=HEADING_BOOST),
        heading_path=STORED(),
        text=TEXT(analyzer=ANALYZER, stored=True, phrase=True),  # did-you-mean: spelling.py
        pairs=TEXT(analyzer=PAIR_ANALYZER, phrase=False),  # neighbouring terms of heading and text
        meta=STORED(),  # report documents: the Report as JSON
        fingerprint=STORED(),  # report documents: ingest.fingerprint, to detect changes
        inspection=ID(stored=True, sortable=True),  # passage documents: the report's inspection
        family=ID(stored=True, sortable=True),  # passage documents: the report's family (model.FAMILIES)
        grade=ID(stored=True, sortable=True),  # passage documents: model.passage_grade
        vectors=STORED(),  # passage documents: semantic.encode of heading path and text, then of its parts (named
    # "vector" when it held the whole passage's only: an index without "vectors" is rebuilt, IndexStore.outdated)
    )


class Completions:
    """A Completer that offers only words some live passage still uses."""

    def __init__(self, completer: completion.Completer, store: "IndexStore"):
        self.completer, self.store = completer, store

    def complete(self, q: str, limit: int = completion.DEFAULT_LIMIT) -> list[completion.Completion]:
        with self.store.searcher() as s:
            reader = s.reader()

            def followers(word: str, start: str) -> list[tuple[str, int]]:
                """(stem, passages) of the terms that follow ``word`` in the
                ``pairs`` field and begin like ``start``: one range of its terms."""
                first = f"{terms(word)[-1]} "
                found = [(t.decode()[len(first):], info.doc_frequency())
                         for t, info in reader.iter_prefix("pairs", (first + start[:2]).encode())]
                return sorted(found, key=lambda f: -f[1])

            return self.completer.complete(q, limit, known=lambda w: spelling.is_live(reader, w),
                                           followers=followers)


def fields_to_passage(f: dict) -> Passage:
    path = f.get("heading_path") or []
    return Passage(id=f["id"], report_id=f["report"], heading=path[-1] if path else "",
                   heading_path=list(path), page=f.get("page"), kind=f.get("kind", "body"),
                   text=f.get("text", ""), order=f.get("order", 0), pdf_page=f.get("pdf_page"),
                   anchor=f.get("anchor"), page_end=f.get("page_end"), vector=f.get("vectors"))


class IndexStore:
    """The index of one corpus. Open once per process and share: searchers are
    reused per thread and refreshed only when the index has changed."""

    def __init__(self, index_dir: Path, corpus_dir: Path):
        self.index_dir = Path(index_dir)
        self.corpus_dir = Path(corpus_dir)
        self._lock = threading.Lock()
        self._ix = None
        self._ix_gen: str | None = None
        self._local = threading.local()
        self._reports_cache: tuple[object, dict[str, Report]] | None = None
        # segment id → {document: Report}: a new state of the index (an added report) reads only its new segments
        self._segment_reports: dict[str, dict[int, Report]] = {}
        self._snapshot_cache: tuple[object, ranking.Snapshot] | None = None
        self._derived_cache: dict[str, tuple] = {}
        self._completer_cache: tuple | None = None
        self._state_cache: dict[str, tuple] = {}

    # ------------------------------------------------------------ generations
    def current_name(self) -> str | None:
        try:
            return (self.index_dir / "CURRENT").read_text().strip() or None
        except OSError:
            return None

    def current_path(self) -> Path | None:
        name = self.current_name()
        return self.index_dir / name if name else None

    def exists(self) -> bool:
        path = self.current_path()
        return path is not None and windex.exists_in(str(path))

    def outdated(self) -> bool:
        """True when the live index lacks fields of the current schema or
        reports lack their indexing time (it was built by an older version):
        it must be rebuilt, not updated."""
        if not self.exists():
            return False
        schema = self.open().schema
        return (not set(make_schema().names()) <= set(schema.names())
                or type(schema["text"].analyzer) is not type(ANALYZER)
                or getattr(schema["text"].analyzer, "version", 1) != ANALYZER.VERSION
                or any(not r.indexed_at for r in self._reports().values()))  # before feeds: no time to order by

    def open(self):
        """The live Whoosh index, reopened when CURRENT has been swapped."""
        name = self.current_name()
        if name is None:
            raise FileNotFoundError(f"no index in {self.index_dir}; run `search-service index`")
        if self._ix is None or self._ix_gen != name:
            with self._lock:
                if self._ix is None or self._ix_gen != name:
                    self._ix = windex.open_dir(str(self.index_dir / name))
                    self._ix_gen = name
        return self._ix

    def _current_searcher(self):
        """A fresh searcher on the live generation. A rebuild may swap CURRENT
        between reading it and opening the folder; read it again then."""
        for attempt in range(5):
            try:
                ix = self.open()
                return ix, ix.searcher()
            except (FileNotFoundError, windex.EmptyIndexError):
                if attempt == 4:
                    raise
                time.sleep(0.05)

    @contextmanager
    def searcher(self):
        """A Whoosh searcher reused by this thread and refreshed when stale.

        Only the outermost ``with`` refreshes: nested uses (a search looking
        up report metadata, say) get the same searcher, so one request reads
        one state of the index and never a searcher that a refresh closed.
        While ``_stat_key`` is what this thread saw when it last looked,
        nothing has changed and it does not look again.
        """
        local = self._local
        depth = getattr(local, "depth", 0)
        s = getattr(local, "searcher", None)
        if depth == 0:
            key = self._stat_key(local.folder) if s is not None else None  # before looking: a later change shows
            if key is None or key != getattr(local, "seen", None):
                ix = self.open()
                if s is None or getattr(local, "ix", None) is not ix:
                    ix, s = self._current_searcher()
                    local.ix = ix
                    local.folder = Path(ix.storage.folder)
                elif not s.up_to_date():
                    s = s.refresh()
                local.searcher = s
                local.seen = key if key is not None and time.time() - key[-1] > RACY_S else None
        local.depth = depth + 1
        try:
            yield s
        finally:
            local.depth = depth

    def _stat_key(self, folder: Path) -> tuple | None:
        """What CURRENT and the live folder look like on disk (inode, size,
        modification time, the latest last): a swap replaces CURRENT, and a
        commit or a deletion adds a table of contents to the folder. While
        both look as they did, the searcher in hand is current, and a query
        skips reading CURRENT and listing the folder (a twentieth of a
        keyword search's time)."""
        try:
            current, live = os.stat(self.index_dir / "CURRENT"), os.stat(folder)
        except OSError:
            return None
        return (current.st_ino, current.st_size, live.st_ino, current.st_mtime_ns, live.st_mtime_ns,
                max(current.st_mtime, live.st_mtime))

    def _state_key(self, s) -> tuple:
        # whoosh 2.7.4 never reuses readers on refresh, so the reader's
        # generation names exactly the state this searcher sees
        return (self._local.ix, s.reader().generation())

    # ------------------------------------------------------------ reading
    def _reports(self) -> dict[str, Report]:
        local = self._local
        if getattr(local, "depth", 0):  # within a request's searcher (30 hits a question each look up their report)
            cached = self._reports_cache
            if cached and cached[0] == self._state_key(local.searcher):
                return cached[1]
        with self.searcher() as s:
            key = self._state_key(s)
            cached = self._reports_cache
            if cached and cached[0] == key:
                return cached[1]
            reports, live = {}, set()
            for r, _ in ranking.leaves(s.reader()):
                segid = r.segment().segment_id()
                live.add(segid)
                found = self._segment_reports.get(segid)
                if found is None:  # segments never change: each one's reports are read once
                    ids = r.postings("doctype", "report").all_ids() if ("doctype", "report") in r else []
                    found = {d: Report.from_dict(json.loads(r.stored_fields(d)["meta"])) for d in ids}
                    self._segment_reports[segid] = found
                for d, report in found.items():
                    if not r.is_deleted(d):
                        reports[report.id] = report
            for segid in set(self._segment_reports) - live:
                self._segment_reports.pop(segid, None)
            self._reports_cache = (key, reports)
            return reports

    def cached(self, name: str, build):
        """``build()`` computed once per state of the index (per process): for
        views over all reports that cost too much to repeat per request."""
        with self.searcher() as s:
            key = self._state_key(s)
            hit = self._state_cache.get(name)
            if hit and hit[0] == key:
                return hit[1]
            value = build()
            self._state_cache[name] = (key, value)
            return value

    def snapshot(self, s) -> ranking.Snapshot:
        """Per-document arrays (lengths, facet codes, live mask) of the state
        searcher ``s`` reads, built once per state and shared by threads."""
        key = self._state_key(s)
        cached = self._snapshot_cache
        if cached and cached[0] == key:
            return cached[1]
        snap = ranking.Snapshot.build(s.reader())
        self._snapshot_cache = (key, snap)
        return snap

    def warm(self) -> int:
        """Load what searches need (lengths and facet codes, report metadata,
        word lists, the glossary and sentence model; postings only of
        segments written without their arrays), so the first queries are as
        fast as the rest. Returns the postings read."""
        if not self.exists():
            return 0
        with self.searcher() as s:
            snap = self.snapshot(s)
            reader = s.reader()
            for name in ranking.CODED_FIELDS:
                snap.coded(reader, name)
            for name in ("heading", "text", "pairs"):
                snap.length(reader, name)
            spelling.english_words()
            self.completer()
            # read once here, before a server forks: every worker's first request finds them
            self.reports()
            self.glossary()
            self.sentence_tokenizer()
            return ranking.warm(snap, reader)

    def reports(self) -> list[Report]:
        """Every report, by force, newest first (a fresh list: callers may keep or change it)."""
        return list(self.cached("reports-sorted", lambda: sorted(
            self._reports().values(), key=lambda r: (r.force, -(r.year or 0), r.title))))

    def report(self, rid: str) -> Report | None:
        return self._reports().get(rid)

    def latest(self) -> dict[str, tuple[Report, str]]:
        """Report id → (Report, the fingerprint it was indexed with) as the
        index is *now*, read with a searcher of its own rather than this
        thread's (a request's is pinned to the state it started with): what
        a writer decides from, under the write lock."""
        if not self.exists():
            return {}
        with self.open().searcher() as s:
            return {f["report"]: (Report.from_dict(json.loads(f["meta"])), f.get("fingerprint", ""))
                    for f in s.documents(doctype="report")}

    def fingerprints(self) -> dict[str, str]:
        """Report id → the fingerprint it was indexed with (ingest.fingerprint),
        now (as ``latest``, without decoding every report's metadata: a sync
        of 2,000 reports spent seconds on that)."""
        if not self.exists():
            return {}
        with self.open().searcher() as s:
            return {f["report"]: f.get("fingerprint", "") for f in s.documents(doctype="report")}

    def passages(self, rid: str, kind: str | None = None) -> list[Passage]:
        """A report's passages in reading order (their fields read from the
        segments' arrays: a question about a report re-ranks all of them);
        only those of one ``kind`` ("table", "footnote", …) when given."""
        with self.searcher() as s:
            snap = self.snapshot(s)
            reader = s.reader()
            found = snap.mask(reader, "report", [rid]) & snap.live  # live: the passages, not deleted
            if kind:
                found &= snap.mask(reader, "kind", [kind])
            fields = (snap.stored(s, d) for d in np.flatnonzero(found))
            docs = [fields_to_passage(f) for f in fields if f.get("doctype") == "passage"]
        return sorted(docs, key=lambda p: p.order)

    def passage(self, pid: str) -> Passage | None:
        with self.searcher() as s:
            d = s.document_number(id=pid)
            f = self.snapshot(s).stored(s, d) if d is not None else None
        return fields_to_passage(f) if f and f.get("doctype") == "passage" else None

    def counts(self) -> tuple[int, int]:
        with self.searcher() as s:
            n_reports = len(self._reports())
            return n_reports, s.doc_count() - n_reports

    def known_values(self) -> dict[str, set[str]]:
        """Indexed force, family and inspection names, to match filters
        ignoring case (once per index state: every filtered search asks)."""
        def build():
            reports = self._reports().values()
            return {"force": frozenset(r.force for r in reports if r.force),
                    "family": frozenset(r.family for r in reports if r.family),
                    "inspection": frozenset(r.inspection for r in reports if r.inspection)}
        return self.cached("known-values", build)

    # ------------------------------------------------------------ derived data
    def _derived(self, name: str):
        """Derived data of the live generation, cached until it changes: inside
        ``searcher()``, of the generation that searcher reads (no need to read
        CURRENT again, several times a request)."""
        local = self._local
        folder = local.folder if getattr(local, "depth", 0) else self.current_path()
        f = (folder or self.index_dir) / name
        try:
            key = (str(f), f.stat().st_mtime_ns)
        except OSError:
            key = (str(f), None)
        cache = self._derived_cache
        if cache.get(name, (None,))[0] != key:
            if name == PUNKT_FILE:
                value = sentences.load(f if key[1] else None)
            elif name == VOCABULARY_FILE:
                value = spelling.Speller(json.loads(f.read_text(encoding="utf-8")) if key[1] else {})
            elif name == HEADINGS_FILE:
                value = json.loads(f.read_text(encoding="utf-8")) if key[1] else {}
            else:
                value = json.loads(f.read_text(encoding="utf-8")) if key[1] else dict(glossary_mod.CURATED)
            cache[name] = (key, value)
        return cache[name][1]

    def glossary(self) -> dict[str, str]:
        return self._derived(GLOSSARY_FILE)

    def sentence_tokenizer(self):
        return self._derived(PUNKT_FILE)

    def speller(self) -> spelling.Speller:
        return self._derived(VOCABULARY_FILE)

    def completer(self) -> "Completions":
        """Type-ahead over the live generation's words, headings, acronyms
        and forces, rebuilt when any of them changes."""
        with self.searcher() as s:
            speller, heading_counts, glossary = self.speller(), self._derived(HEADINGS_FILE), self.glossary()
            key = (id(speller), id(heading_counts), id(glossary), self._state_key(s))
            cached = self._completer_cache
            if cached is None or cached[0] != key:
                snap = self.snapshot(s)
                forces = ranking.facet_counts(snap, s.reader(), snap.live.nonzero()[0], "force_exact")
                cached = (key, completion.Completer(speller.counts, heading_counts, glossary, forces))
                self._completer_cache = cached
            return Completions(cached[1], self)
