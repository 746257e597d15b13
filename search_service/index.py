"""The Whoosh index: schema, build, sync with corpus/, and shared searchers.

Layout of ``index/``: one or more generation folders (``gen-<n>``), each a
complete Whoosh index, and a ``CURRENT`` file naming the live one. A full
rebuild writes a new generation aside and swaps ``CURRENT`` atomically
(``os.replace``); incremental syncs commit into the live generation, which
Whoosh makes atomic through its own TOC generations. Report metadata is stored
in the same index as passages (``doctype=report``), so a report and its
passages always change together in one commit.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.query import Term

from search_service import glossary as glossary_mod
from search_service import ranking, sentences, spelling
from search_service.analysis import ANALYZER, FIELD_BREAK, PAIR_ANALYZER
from search_service.ingest import IngestError, corpus_files, fingerprint, ingest
from search_service.ingest.metadata import report_id
from search_service.model import Passage, Report, passage_grade

def _cache_missing_length_columns() -> None:
    """Whoosh 2.7.4 looks on disk (a stat call) for the length column of an
    unscored field once per posting while it writes a segment, because it
    caches only columns that exist: a third of a large build's time. Segment
    files never change, so remembering "no such column" is safe."""
    from whoosh.codec.whoosh3 import W3PerDocReader

    original = W3PerDocReader._cached_reader
    if getattr(original, "caches_missing", False):
        return

    def _cached_reader(self, fieldname, column):
        if fieldname not in self._readers:
            self._readers[fieldname] = original(self, fieldname, column)
        return self._readers[fieldname]

    _cached_reader.caches_missing = True
    W3PerDocReader._cached_reader = _cached_reader


_cache_missing_length_columns()

GLOSSARY_FILE = "glossary.json"
PUNKT_FILE = "punkt.json"
VOCABULARY_FILE = "vocabulary.json"
PUNKT_SAMPLE = 1500  # passages: Punkt learns abbreviations from a sample, not all
PARALLEL_FROM = 5000  # passages: a build this big is written by one process per core
WRITER_MB = 1024

# Headings describe what a passage is about, so they weigh more than body text.
HEADING_BOOST = 2.0


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        doctype=ID(stored=True),
        report=ID(stored=True, sortable=True),
        order=NUMERIC(stored=True, sortable=True),
        page=STORED(),
        pdf_page=STORED(),  # physical page of a PDF report (page is its printed label); None for text
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
        fingerprint=STORED(),  # report documents: hash of file + sidecar, to detect changes
        inspection=ID(stored=True, sortable=True),  # passage documents: the report's inspection
        grade=ID(stored=True, sortable=True),  # passage documents: model.passage_grade
    )


class IndexBusy(RuntimeError):
    """Another process or thread is changing the index; try again shortly."""


@dataclass
class SyncResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # file name -> reason

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def passage_doc(p: Passage, r: Report) -> dict:
    return dict(
        id=p.id, doctype="passage", report=r.id, order=p.order, page=p.page, pdf_page=p.pdf_page, kind=p.kind,
        force=r.force or "", force_exact=r.force or "", year=r.year or 0, title=r.title or "",
        heading=" › ".join(p.heading_path) if p.heading_path else p.heading,
        heading_path=p.heading_path, text=p.text, pairs=FIELD_BREAK.join([*p.heading_path, p.text]),
        **{k: v for k, v in (("inspection", r.inspection), ("grade", passage_grade(r, p.heading_path))) if v},
    )


def report_doc(r: Report, key: str = "") -> dict:
    return dict(id=f"report:{r.id}", doctype="report", report=r.id, force_exact=r.force or "",
                year=r.year or 0, title=r.title or "", meta=json.dumps(r.to_dict()), fingerprint=key)


def live_doc_frequency(reader, field: str, text: str) -> int:
    """Documents holding a term, deleted ones not counted. Whoosh's
    ``doc_frequency`` still counts a deleted document until its segment is
    merged away, so after a report is removed its words would look known
    (its name no longer declined as unknown, did-you-mean offering them)."""
    if not reader.has_deletions():
        return reader.doc_frequency(field, text)
    return ranking.live_count(reader, field, text)


def fields_to_passage(f: dict) -> Passage:
    path = f.get("heading_path") or []
    return Passage(id=f["id"], report_id=f["report"], heading=path[-1] if path else "",
                   heading_path=list(path), page=f.get("page", 0), kind=f.get("kind", "body"),
                   text=f.get("text", ""), order=f.get("order", 0), pdf_page=f.get("pdf_page"))


PARALLEL_PARSE_FROM = 40  # files: more than this are parsed by one process per core


def _parse_one(path: Path):
    """Ingested, or the reason it could not be (a string: picklable)."""
    try:
        return ingest(path)
    except (IngestError, OSError, ValueError) as e:
        return str(e)


def _parse_all(paths: list[Path]):
    """Parse report files in order; many at once on all cores."""
    if len(paths) < PARALLEL_PARSE_FROM or (os.cpu_count() or 1) < 2:
        yield from map(_parse_one, paths)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        yield from pool.imap(_parse_one, paths, chunksize=8)


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
        self._snapshot_cache: tuple[object, ranking.Snapshot] | None = None
        self._derived_cache: dict[str, tuple] = {}

    # ------------------------------------------------------------ generations
    def _current_name(self) -> str | None:
        try:
            return (self.index_dir / "CURRENT").read_text().strip() or None
        except OSError:
            return None

    def exists(self) -> bool:
        name = self._current_name()
        return bool(name) and windex.exists_in(str(self.index_dir / name))

    def outdated(self) -> bool:
        """True when the live index lacks fields of the current schema (it was
        built by an older version): it must be rebuilt, not updated."""
        if not self.exists():
            return False
        schema = self._open().schema
        return (not set(make_schema().names()) <= set(schema.names())
                or type(schema["text"].analyzer) is not type(ANALYZER))

    def _open(self):
        """The live index, reopened when CURRENT has been swapped."""
        name = self._current_name()
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
                ix = self._open()
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
        """
        local = self._local
        depth = getattr(local, "depth", 0)
        s = getattr(local, "searcher", None)
        if depth == 0:
            ix = self._open()
            if s is None or getattr(local, "ix", None) is not ix:
                ix, s = self._current_searcher()
                local.ix = ix
            elif not s.up_to_date():
                s = s.refresh()
            local.searcher = s
        local.depth = depth + 1
        try:
            yield s
        finally:
            local.depth = depth

    # ------------------------------------------------------------ reading
    def _reports(self) -> dict[str, Report]:
        with self.searcher() as s:
            # whoosh 2.7.4 never reuses readers on refresh, so the reader's
            # generation names exactly the state this searcher sees
            key = (self._local.ix, s.reader().generation())
            cached = self._reports_cache
            if cached and cached[0] == key:
                return cached[1]
            reports = {}
            for f in s.documents(doctype="report"):
                r = Report.from_dict(json.loads(f["meta"]))
                reports[r.id] = r
            self._reports_cache = (key, reports)
            return reports

    def snapshot(self, s) -> ranking.Snapshot:
        """Per-document arrays (lengths, facet codes, live mask) of the state
        searcher ``s`` reads, built once per state and shared by threads."""
        key = (self._local.ix, s.reader().generation())
        cached = self._snapshot_cache
        if cached and cached[0] == key:
            return cached[1]
        snap = ranking.Snapshot.build(s.reader())
        self._snapshot_cache = (key, snap)
        return snap

    def warm(self) -> int:
        """Load the postings, lengths and facet codes searches need, so the
        first queries are as fast as the rest. Returns the postings read."""
        if not self.exists():
            return 0
        with self.searcher() as s:
            snap = self.snapshot(s)
            reader = s.reader()
            for name in ranking.CODED_FIELDS:
                snap.coded(reader, name)
            for name in ("heading", "text", "pairs"):
                snap.length(reader, name)
            return ranking.warm(snap, reader)

    def reports(self) -> list[Report]:
        return sorted(self._reports().values(), key=lambda r: (r.force, -(r.year or 0), r.title))

    def report(self, rid: str) -> Report | None:
        return self._reports().get(rid)

    def passages(self, rid: str) -> list[Passage]:
        with self.searcher() as s:
            docs = [fields_to_passage(f) for f in s.documents(report=rid) if f.get("doctype") == "passage"]
        return sorted(docs, key=lambda p: p.order)

    def passage(self, pid: str) -> Passage | None:
        with self.searcher() as s:
            f = s.document(id=pid)
        return fields_to_passage(f) if f and f.get("doctype") == "passage" else None

    def counts(self) -> tuple[int, int]:
        with self.searcher() as s:
            n_reports = len(self._reports())
            return n_reports, s.doc_count() - n_reports

    # ------------------------------------------------------------ writing
    def ensure(self) -> None:
        """Build the index if there is none or it has an older schema."""
        if not self.exists() or self.outdated():
            self.sync(rebuild=True)

    def _indexed_hashes(self) -> dict[str, str]:
        if not self.exists():
            return {}
        with self.searcher() as s:
            return {f["report"]: f.get("fingerprint", "") for f in s.documents(doctype="report")}

    @contextmanager
    def write_lock(self, timeout: float | None = None):
        """One writer at a time, across threads and processes (flock on
        ``index/WRITE.lock``). Waits up to ``timeout`` seconds (forever when
        None), then raises IndexBusy. The kernel drops the lock if the holder
        dies, so a killed indexer never leaves the index locked."""
        self.index_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.index_dir / "WRITE.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if deadline is not None and time.monotonic() >= deadline:
                        raise IndexBusy("another reindex is running; try again in a moment") from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)

    def sync(self, rebuild: bool = False, progress=None, timeout: float | None = None) -> SyncResult:
        """Bring the index in line with corpus/: add new reports, replace
        changed ones (by content hash), drop removed ones. A report that fails
        to parse is reported and left out; nothing else is affected."""
        with self.write_lock(timeout):
            return self._sync(rebuild, progress)

    def _sync(self, rebuild: bool, progress) -> SyncResult:
        result = SyncResult()
        rebuild = rebuild or self.outdated()
        files = {report_id(p): p for p in corpus_files(self.corpus_dir)}
        indexed = {} if rebuild else self._indexed_hashes()
        todo = []
        for rid, path in sorted(files.items()):
            digest = fingerprint(path)
            if rid not in indexed:
                todo.append((rid, path, "added"))
            elif indexed[rid] != digest:
                todo.append((rid, path, "updated"))
            else:
                result.unchanged.append(rid)
        gone = sorted(set(indexed) - set(files))
        parsed = []
        for n, ((rid, path, how), outcome) in enumerate(zip(todo, _parse_all([p for _, p, _ in todo])), 1):
            if progress:
                progress(n, len(todo), path.name)
            if isinstance(outcome, str):
                result.failed[path.name] = outcome
            else:
                parsed.append((outcome, how))
        if rebuild or not self.exists():
            self._build_generation([p for p, _ in parsed])
            result.added = [p.report.id for p, _ in parsed]
            return result
        self.apply([p for p, _ in parsed], gone)
        result.removed = gone
        for item, how in parsed:
            getattr(result, how).append(item.report.id)
        return result

    def apply(self, items, remove=()) -> None:
        """Replace or add parsed reports and drop others, in one commit, so a
        search sees either the old state or the new one. Call under
        ``write_lock``."""
        if not items and not remove:
            return
        if not self.exists():
            self._build_generation(items)
            return
        ix = self._open()
        writer = ix.writer(limitmb=256)
        try:
            for rid in remove:
                writer.delete_by_term("report", rid)
            for item in items:
                writer.delete_by_term("report", item.report.id)
                self._add(writer, item)
            writer.commit()
        except BaseException:
            writer.cancel()
            self._discard_orphans(ix)
            raise
        self._write_derived(self.index_dir / self._current_name(), items, incremental=True)

    @staticmethod
    def _discard_orphans(ix) -> None:
        """A cancelled writer leaves its half-written segment files behind;
        remove every file the live TOC does not name (we hold the lock)."""
        try:
            windex.clean_files(ix.storage, ix.indexname, ix.latest_generation(), ix._segments())
        except OSError:
            pass

    @staticmethod
    def _add(writer, item) -> None:
        writer.add_document(**report_doc(item.report, item.fingerprint))
        for p in item.passages:
            writer.add_document(**passage_doc(p, item.report))

    def _build_generation(self, items) -> None:
        """Write a complete index into a new generation folder, then swap.
        A large build runs one writer process per core, each writing its own
        segment (Whoosh's multisegment mode: no final merge)."""
        self.index_dir.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.time_ns()}"
        path = self.index_dir / name
        path.mkdir()
        try:
            ix = FileStorage(str(path)).create_index(make_schema())
            passages = sum(len(item.passages) for item in items)
            procs = min(os.cpu_count() or 1, 4) if passages >= PARALLEL_FROM else 1
            if procs > 1:
                writer = ix.writer(procs=procs, multisegment=True, limitmb=WRITER_MB // procs, batchsize=500)
            else:
                writer = ix.writer(limitmb=WRITER_MB)
            try:
                for item in items:
                    self._add(writer, item)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._write_derived(path, items)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        previous = self._current_name()
        tmp = self.index_dir / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(name)
        os.replace(tmp, self.index_dir / "CURRENT")
        self._cleanup(keep={name, previous})

    @staticmethod
    def _write_derived(path: Path, items, incremental: bool = False) -> None:
        """Glossary and sentence model, learned from the passages and kept
        inside the generation they describe (written atomically). An
        incremental change adds the new reports' acronyms to the glossary and
        keeps the sentence model: both come from the whole corpus at the
        next rebuild."""
        texts = [p.text for item in items for p in item.passages]
        derived = {}
        if incremental and (path / GLOSSARY_FILE).exists():
            old = json.loads((path / GLOSSARY_FILE).read_text(encoding="utf-8"))
            derived[GLOSSARY_FILE] = dict(sorted({**old, **glossary_mod.extract(texts)}.items()))
        else:
            derived[GLOSSARY_FILE] = glossary_mod.build(texts)
        if incremental and (path / VOCABULARY_FILE).exists():
            old = json.loads((path / VOCABULARY_FILE).read_text(encoding="utf-8"))
            derived[VOCABULARY_FILE] = spelling.merge(old, spelling.vocabulary(texts))
        else:
            derived[VOCABULARY_FILE] = spelling.vocabulary(texts)
        if not (incremental and (path / PUNKT_FILE).exists()):
            step = max(1, len(texts) // PUNKT_SAMPLE)
            derived[PUNKT_FILE] = sentences.train(texts[::step][:PUNKT_SAMPLE])
        for name, data in derived.items():
            tmp = path / f"{name}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(tmp, path / name)

    def _derived(self, name: str):
        """Derived data of the live generation, cached until it changes."""
        ix_dir = self.index_dir / (self._current_name() or "")
        f = ix_dir / name
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

    def _cleanup(self, keep: set) -> None:
        """Remove generations other than the live one and the one it just
        replaced (also half-written ones left by a killed rebuild). The
        replaced one stays until the next rebuild, so a process that read
        CURRENT a moment before the swap can still open it; readers holding
        older ones keep their file handles (POSIX) and finish."""
        for d in self.index_dir.glob("gen-*"):
            if d.name not in keep and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)
