"""The index, write side: one writer at a time turns corpus files into index
generations and keeps their derived data.

The only module that imports ``ingest``: everything that changes ``index/``
(``search-service index``, ``add``, ``remove``, uploads and deletes, the
build at first start) goes through an ``Indexer``. A report is reindexed
when its fingerprint (``ingest.fingerprint``: the file's bytes and its
sidecar's) differs from the one it was indexed with; that is the one
change-detection key. A full rebuild writes a new generation aside and
swaps ``CURRENT`` atomically (``os.replace``); incremental changes commit
into the live generation, which Whoosh makes atomic through its own TOC
generations.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage

from search_service import completion, sentences, spelling
from search_service import glossary as glossary_mod
from search_service.analysis import FIELD_BREAK
from search_service.index import GLOSSARY_FILE, HEADINGS_FILE, PUNKT_FILE, VOCABULARY_FILE, IndexStore, make_schema
from search_service.ingest import Ingested, IngestError, corpus_files, fingerprint, ingest
from search_service.ingest.metadata import report_id
from search_service.model import Passage, Report, passage_grade

PUNKT_SAMPLE = 1500  # passages: Punkt learns abbreviations from a sample, not all
PARALLEL_FROM = 5000  # passages: a build this big is written by one process per core
PARALLEL_PARSE_FROM = 40  # files: more than this are parsed by one process per core
WRITER_MB = 1024

log = logging.getLogger("search_service.indexer")


class IndexBusy(RuntimeError):
    """Another process or thread is changing the index; try again shortly."""


@dataclass
class SyncResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # file name -> reason
    notes: list[str] = field(default_factory=list)  # what was not recognised in reports that were indexed

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def passage_doc(p: Passage, r: Report) -> dict:
    return dict(
        id=p.id, doctype="passage", report=r.id, order=p.order, page=p.page, pdf_page=p.pdf_page, kind=p.kind,
        page_end=p.page_end, anchor=p.anchor,
        force=r.force or "", force_exact=r.force or "", year=r.year or 0, title=r.title or "",
        heading=" › ".join(p.heading_path) if p.heading_path else p.heading,
        heading_path=p.heading_path, text=p.text, pairs=FIELD_BREAK.join([*p.heading_path, p.text]),
        **{k: v for k, v in (("inspection", r.inspection), ("family", r.family),
                             ("grade", passage_grade(r, p.heading_path))) if v},
    )


def report_doc(r: Report, key: str = "") -> dict:
    return dict(id=f"report:{r.id}", doctype="report", report=r.id, force_exact=r.force or "",
                year=r.year or 0, title=r.title or "", meta=json.dumps(r.to_dict()), fingerprint=key)


def read(path: Path) -> Ingested:
    """A report file parsed into its Report and passages; IngestError (with
    the reason in words) when it cannot be."""
    try:
        return ingest(path)
    except IngestError:
        raise
    except ValueError as e:
        raise IngestError(str(e)) from None


def _parse_one(path: Path):
    """Ingested, or the reason it could not be (a string: picklable)."""
    try:
        return read(path)
    except (IngestError, OSError) as e:
        return str(e)


def _parse_all(paths: list[Path]):
    """Parse report files in order; many at once on all cores."""
    if len(paths) < PARALLEL_PARSE_FROM or (os.cpu_count() or 1) < 2:
        yield from map(_parse_one, paths)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        yield from pool.imap(_parse_one, paths, chunksize=8)


class Indexer:
    """Writes the index of ``store``'s corpus; one writer at a time across
    threads and processes."""

    def __init__(self, store: IndexStore):
        self.store = store

    @property
    def index_dir(self) -> Path:
        return self.store.index_dir

    @property
    def corpus_dir(self) -> Path:
        return self.store.corpus_dir

    @contextmanager
    def lock(self, timeout: float | None = None):
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

    def ensure(self) -> None:
        """Build the index if there is none or it has an older schema."""
        if not self.store.exists() or self.store.outdated():
            self.sync(rebuild=True)

    # ------------------------------------------------------------ sync
    def sync(self, rebuild: bool = False, progress=None, timeout: float | None = None) -> SyncResult:
        """Bring the index in line with corpus/: add new reports, replace
        changed ones (by fingerprint), drop removed ones. A report that fails
        to parse is reported and left out; nothing else is affected."""
        with self.lock(timeout):
            return self._sync(rebuild, progress)

    def _sync(self, rebuild: bool, progress) -> SyncResult:
        result = SyncResult()
        rebuild = rebuild or self.store.outdated()
        files = {report_id(p): p for p in corpus_files(self.corpus_dir)}
        indexed = {} if rebuild else self.store.fingerprints()
        todo = []
        for rid, path in sorted(files.items()):
            if rid not in indexed:
                todo.append((path, "added"))
            elif indexed[rid] != fingerprint(path):
                todo.append((path, "updated"))
            else:
                result.unchanged.append(rid)
        gone = sorted(set(indexed) - set(files))
        parsed = []
        for n, ((path, how), outcome) in enumerate(zip(todo, _parse_all([p for p, _ in todo])), 1):
            if progress:
                progress(n, len(todo), path.name)
            if isinstance(outcome, str):
                result.failed[path.name] = outcome
            else:
                parsed.append((outcome, how))
                for note in outcome.notes:
                    log.warning(note)
                    result.notes.append(note)
        if rebuild or not self.store.exists():
            self._build_generation([p for p, _ in parsed])
            result.added = [p.report.id for p, _ in parsed]
            return result
        self.apply([p for p, _ in parsed], gone)
        result.removed = gone
        for item, how in parsed:
            getattr(result, how).append(item.report.id)
        return result

    # ------------------------------------------------------------ commits
    def apply(self, items: list[Ingested], remove=()) -> None:
        """Replace or add parsed reports and drop others, in one commit, so a
        search sees either the old state or the new one. Call under ``lock``."""
        if not items and not remove:
            return
        self._stamp(items)
        if not self.store.exists():
            self._build_generation(items)
            return
        ix = self.store.open()
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
        self._write_derived(self.store.current_path(), items, incremental=True)

    def _stamp(self, items: list[Ingested]) -> None:
        """Set each report's ``indexed_at``: now, or the time already recorded
        for the same file (same sha256), so a rebuild or a changed sidecar
        does not make old reports look new in the feeds."""
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        known = {r.id: r for r in self.store.reports()} if self.store.exists() else {}
        for item in items:
            old = known.get(item.report.id)
            keep = old is not None and old.indexed_at and old.sha256 == item.report.sha256
            item.report.indexed_at = old.indexed_at if keep else now

    @staticmethod
    def _discard_orphans(ix) -> None:
        """A cancelled writer leaves its half-written segment files behind;
        remove every file the live TOC does not name (we hold the lock)."""
        try:
            windex.clean_files(ix.storage, ix.indexname, ix.latest_generation(), ix._segments())
        except OSError:
            pass

    @staticmethod
    def _add(writer, item: Ingested) -> None:
        writer.add_document(**report_doc(item.report, item.fingerprint))
        for p in item.passages:
            writer.add_document(**passage_doc(p, item.report))

    def _build_generation(self, items: list[Ingested]) -> None:
        """Write a complete index into a new generation folder, then swap.
        A large build runs one writer process per core, each writing its own
        segment (Whoosh's multisegment mode: no final merge)."""
        self._stamp(items)
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
        previous = self.store.current_name()
        tmp = self.index_dir / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(name)
        os.replace(tmp, self.index_dir / "CURRENT")
        self._cleanup(keep={name, previous})

    @staticmethod
    def _write_derived(path: Path, items: list[Ingested], incremental: bool = False) -> None:
        """Glossary, vocabulary, headings (for type-ahead) and sentence model,
        learned from the passages and kept inside the generation they
        describe (written atomically). An incremental change adds the new
        reports' acronyms, words and headings and keeps the sentence model:
        all come from the whole corpus at the next rebuild."""
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
        headings = completion.headings(p.heading_path for item in items for p in item.passages)
        if incremental and (path / HEADINGS_FILE).exists():
            old = json.loads((path / HEADINGS_FILE).read_text(encoding="utf-8"))
            derived[HEADINGS_FILE] = spelling.merge(old, headings)
        else:
            derived[HEADINGS_FILE] = headings
        if not (incremental and (path / PUNKT_FILE).exists()):
            step = max(1, len(texts) // PUNKT_SAMPLE)
            derived[PUNKT_FILE] = sentences.train(texts[::step][:PUNKT_SAMPLE])
        for name, data in derived.items():
            tmp = path / f"{name}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(tmp, path / name)

    def _cleanup(self, keep: set) -> None:
        """Remove generations other than the live one and the one it just
        replaced (also half-written ones left by a killed rebuild). The
        replaced one stays until the next rebuild, so a process that read
        CURRENT a moment before the swap can still open it; readers holding
        older ones keep their file handles (POSIX) and finish."""
        for d in self.index_dir.glob("gen-*"):
            if d.name not in keep and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)
