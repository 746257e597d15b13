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

Report files are read (``read``) in child processes with limits on time and
memory (``sandbox.py``) and *before* the write lock is taken: a slow or
hostile file never holds the lock. Under the lock only the commit happens,
after checking that what was read is still what the corpus holds.

Several servers (processes or hosts) may read one index folder while any of
them writes: a commit's files stay on disk ``RETAIN_SECONDS`` after a later
commit replaced them (``clean_files``), since a reader elsewhere may have
listed them a moment before (docs/ARCHITECTURE.md, "Several servers").
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from search_service import completion, sandbox, segment_arrays, semantic, sentences, spelling
from search_service import glossary as glossary_mod
from search_service.analysis import FIELD_BREAK
from search_service.index import GLOSSARY_FILE, HEADINGS_FILE, PUNKT_FILE, VOCABULARY_FILE, IndexStore, make_schema
from search_service.ingest import Ingested, IngestError, corpus_files, fingerprint, ingest
from search_service.ingest.metadata import report_id
from search_service.model import Passage, Report, passage_grade

PUNKT_SAMPLE = 1500  # passages: Punkt learns abbreviations from a sample, not all
PARALLEL_FROM = 5000  # passages: a build this big is written by one process per core
# Postings a full build's writers hold in memory, in all (posting_pool.ArrayPool:
# ~30 bytes a posting, ~2 GB a writer at its peak): 100,000 passages fit,
# so nothing is written to runs and merged back; a larger build spills runs.
WRITER_MB = 3072
# Segments are written as separate files, not Whoosh's compound file: a
# reader of a compound segment copies each part it opens into its own memory
# (BufferFile wraps the mapped file in a BytesIO), so every searcher of every
# thread of every worker held a private copy of the postings and term files
# (160 MB per searcher at 100,000 passages). Separate files are read through
# the page cache, shared by all.
COMPOUND = False
DERIVED_FILES = (GLOSSARY_FILE, VOCABULARY_FILE, HEADINGS_FILE, PUNKT_FILE)


def _abandon(writer) -> None:
    """Cancel a Whoosh writer whose commit failed. On a full disk its own
    cancel fails too (closing its files flushes them), before it removes
    its temporary folder and releases the index's writer lock: do those."""
    try:
        writer.cancel()
    except Exception:
        try:
            writer._finish()
        except Exception:
            lock = getattr(writer, "writelock", None)
            if lock is not None:
                try:
                    lock.release()
                except Exception:
                    pass


def _write_atomically(path: Path, text: str) -> None:
    """Write a temporary file and rename it over ``path``; a failed write
    (a full disk) leaves ``path`` as it was and no temporary file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _gen_ns(name: str) -> int:
    """The creation time in a generation folder's name (gen-<ns>)."""
    try:
        return int(name.split("-", 1)[1])
    except (IndexError, ValueError):
        return 0


log = logging.getLogger("search_service.indexer")

# How long the files of a replaced commit stay on disk: longer than a reader
# elsewhere may still open them, i.e. a request (10 s budget, 60 s at most)
# plus the time a host may take to notice the newer commit (an NFS client's
# attribute cache: up to 60 s by default).
RETAIN_SECONDS = 120.0


def clean_files(storage, indexname: str, gen: int, segments) -> None:
    """Whoosh's ``clean_files``, run by every commit, with a retention time.

    Whoosh deletes the previous commit's TOC and replaced segments as soon as
    a new commit is written, which is safe only for readers that already
    have them open on a local disk. Another process may have listed the old
    TOC a moment before (it then fails to open it), and on NFS a file
    another host deletes is gone for readers that have it open too. So a
    commit's files are kept until ``RETAIN_SECONDS`` after the commit that
    replaced it, timed by the TOC files' own modification times against the
    newest one (Lucene's expiration-time deletion policy for NFS): clocks of
    different hosts never meet. Files no kept commit names (a commit that
    never finished) go at once; a segment's arrays (segment_arrays.py) go
    with it."""
    pattern, segment_pattern = TOC._pattern(indexname), TOC._segment_pattern(indexname)
    tocs = sorted(((int(m.group(1)), name) for name in storage.list() if (m := pattern.match(name))), reverse=True)
    keep, named = {gen}, {s.segment_id() for s in segments}
    newest = replaced_at = None
    for g, name in tocs:  # newest first: each was replaced when the one before it here was written
        try:
            written = storage.file_modified(name)
        except OSError:
            continue
        if g == gen:
            newest = written
        elif g > gen or (newest is not None and newest - replaced_at < RETAIN_SECONDS):
            try:
                named |= {s.segment_id() for s in TOC.read(storage, indexname, g).segments}
                keep.add(g)
            except Exception:  # unreadable: no reader can use it either
                pass
        replaced_at = written
    for name in storage.list():
        toc, segment = pattern.match(name), segment_pattern.match(name)
        if (toc and int(toc.group(1)) not in keep) or (segment and segment.group(1) not in named):
            try:
                storage.delete_file(name)
            except OSError:
                pass
    if getattr(storage, "folder", None):  # the scorer's arrays of each segment go with it
        segment_arrays.remove_unused(storage.folder, named)


windex.clean_files = clean_files  # what every Whoosh commit calls (whoosh.writing looks it up each time)

_PROCESS_LOCKS: dict[str, threading.Lock] = {}
_PROCESS_LOCKS_GUARD = threading.Lock()


def _process_lock(index_dir: Path) -> threading.Lock:
    """This process's lock on writing ``index_dir`` (one per folder)."""
    with _PROCESS_LOCKS_GUARD:
        return _PROCESS_LOCKS.setdefault(str(Path(index_dir).resolve()), threading.Lock())


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
    recovered: list[str] = field(default_factory=list)  # leftovers of killed processes dealt with (reconcile)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def passage_doc(p: Passage, r: Report, vector: bytes | None = None) -> dict:
    return dict(
        id=p.id, doctype="passage", report=r.id, order=p.order, page=p.page, pdf_page=p.pdf_page, kind=p.kind,
        page_end=p.page_end, anchor=p.anchor,
        force=r.force or "", force_exact=r.force or "", year=r.year or 0, title=r.title or "",
        heading=" › ".join(p.heading_path) if p.heading_path else p.heading,
        heading_path=p.heading_path, text=p.text, pairs=FIELD_BREAK.join([*p.heading_path, p.text]),
        **{k: v for k, v in (("inspection", r.inspection), ("family", r.family),
                             ("grade", passage_grade(r, p.heading_path)), ("vectors", vector)) if v},
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
    """Ingested, or the reason it could not be (a string: picklable). Runs
    in a sandbox child."""
    try:
        return read(path)
    except (IngestError, OSError) as e:
        return str(e)


def _reason(path: Path, outcome) -> str | None:
    """Why a file could not be read (None when it was), in words."""
    if isinstance(outcome, sandbox.Refused):
        return f"{path.name}: {outcome}"
    return outcome if isinstance(outcome, str) else None


@dataclass
class _Plan:
    rebuild: bool
    todo: list[Path] = field(default_factory=list)  # files to read, by name
    how: dict[str, str] = field(default_factory=dict)  # file name -> added | updated
    unchanged: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # report ids with no file any more
    clashes: dict[str, str] = field(default_factory=dict)  # file name -> why it is left out
    fingerprints: dict[str, str] = field(default_factory=dict)  # file name -> fingerprint when planned


class Indexer:
    """Writes the index of ``store``'s corpus; one writer at a time across
    threads and processes."""

    def __init__(self, store: IndexStore, limits: sandbox.Limits | None = None):
        self.store = store
        self.limits = limits or sandbox.Limits()

    # ------------------------------------------------------------ reading
    def read(self, path: Path) -> Ingested:
        """A report file parsed in a child process within ``limits``;
        IngestError with the reason when it cannot be (``limit`` set when a
        limit stopped it)."""
        outcome = sandbox.run(_parse_one, path, self.limits)
        reason = _reason(path, outcome)
        if reason is not None:
            error = IngestError(reason)
            error.limit = isinstance(outcome, sandbox.LimitExceeded)
            raise error
        return outcome

    def read_all(self, paths: list[Path], progress=None):
        """(path, Ingested or the reason it could not be read) for each file,
        many at once on all cores; ``progress(n, total, name)`` after each."""
        out = {}
        for n, (i, outcome) in enumerate(sandbox.run_each(_parse_one, paths, self.limits, os.cpu_count() or 1), 1):
            out[i] = outcome
            if progress:
                progress(n, len(paths), paths[i].name)
        for i, path in enumerate(paths):
            reason = _reason(path, out[i])
            yield path, (out[i] if reason is None else reason)

    @property
    def index_dir(self) -> Path:
        return self.store.index_dir

    @property
    def corpus_dir(self) -> Path:
        return self.store.corpus_dir

    @contextmanager
    def lock(self, timeout: float | None = None, waiting=None):
        """One writer at a time, across threads, processes and hosts: a lock
        per process and index folder, then flock on ``index/WRITE.lock``.
        Waits up to ``timeout`` seconds (forever when None; ``waiting()`` is
        called once if it has to wait), then raises IndexBusy. The kernel
        drops the flock if the holder dies, so a killed indexer never leaves
        the index locked. The process lock keeps threads apart where flock
        alone would not: on NFS, Linux emulates flock with POSIX record
        locks, which belong to the whole process."""
        self.index_dir.mkdir(parents=True, exist_ok=True)
        deadline = None if timeout is None else time.monotonic() + timeout
        told = False

        def wait() -> None:
            nonlocal told
            if deadline is not None and time.monotonic() >= deadline:
                raise IndexBusy("another reindex is running; try again in a moment") from None
            if waiting and not told:
                waiting()
                told = True
            time.sleep(0.05)

        mine = _process_lock(self.index_dir)
        while not mine.acquire(blocking=False):
            wait()
        try:
            fd = os.open(self.index_dir / "WRITE.lock", os.O_RDWR | os.O_CREAT, 0o644)
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        wait()
                yield
            finally:
                os.close(fd)
        finally:
            mine.release()

    def recover(self) -> list[str]:
        """Remove what a killed writer leaves in index/ (call under ``lock``):
        generation folders newer than the live one (a rebuild that never
        swapped in), segment files no commit names (a commit that never
        finished; replaced commits stay their ``RETAIN_SECONDS``, since other
        servers may be reading them), and temporary files. Returns what was
        removed, in words."""
        done = []
        live = self.store.current_name()
        for d in sorted(self.index_dir.glob("gen-*")):
            if d.is_dir() and d.name != live and (live is None or _gen_ns(d.name) > _gen_ns(live)):
                shutil.rmtree(d, ignore_errors=True)
                done.append(f"removed the unfinished generation {d.name}")
        stray = list(self.index_dir.glob("CURRENT.*.tmp"))
        if live and self.store.exists():
            path = self.index_dir / live
            stray += list(path.glob("*.tmp"))
            before = set(os.listdir(path))
            self._discard_orphans(self.store.open())
            orphans = before - set(os.listdir(path))
            if orphans:
                done.append(f"removed {len(orphans)} unused index file(s) of an unfinished commit")
        for f in stray:  # ours (name.<pid>.tmp) and Whoosh's (MAIN.tmp, a folder)
            kind = "folder" if f.is_dir() else "file"
            if f.is_dir():
                shutil.rmtree(f, ignore_errors=True)
            else:
                f.unlink(missing_ok=True)
            done.append(f"removed the temporary {kind} {f.name}")
        return done

    def ensure(self) -> None:
        """Build the index if there is none or it has an older schema."""
        if not self.store.exists() or self.store.outdated():
            self.sync(rebuild=True)

    # ------------------------------------------------------------ sync
    def sync(self, rebuild: bool = False, progress=None, timeout: float | None = None,
             waiting=None) -> SyncResult:
        """Bring the index in line with corpus/: add new reports, replace
        changed ones (by fingerprint), drop removed ones. A report that fails
        to parse (or breaks a limit) is reported and left out; nothing else
        is affected. Files are read before the lock is taken; under it the
        corpus is compared again and anything that changed meanwhile is read
        again, so the commit matches the corpus as it is."""
        rebuild = rebuild or self.store.outdated()
        first = self._plan(rebuild)
        parsed = {path.name: (first.fingerprints[path.name], outcome)
                  for path, outcome in self.read_all(first.todo, progress)}
        with self.lock(timeout, waiting):
            plan = self._plan(rebuild)
            late = [p for p in plan.todo if parsed.get(p.name, ("",))[0] != plan.fingerprints[p.name]]
            for path, outcome in self.read_all(late):  # changed while we read: rare and few
                parsed[path.name] = (plan.fingerprints[path.name], outcome)
            return self._apply_plan(plan, {name: outcome for name, (_, outcome) in parsed.items()})

    def _plan(self, rebuild: bool) -> "_Plan":
        """What the corpus asks of the index now: files to (re)read, ids to
        drop. Two files with one report id (``a_b.txt``, ``a-b.txt``): the
        first by name is the report, the other is refused."""
        plan = _Plan(rebuild or not self.store.exists())
        files: dict[str, Path] = {}
        for path in corpus_files(self.corpus_dir):
            rid = report_id(path)
            if rid in files:
                plan.clashes[path.name] = (f"{path.name}: has the same report id '{rid}' as {files[rid].name}; "
                                           "rename or remove one of them")
            else:
                files[rid] = path
        indexed = {} if plan.rebuild else self.store.fingerprints()
        for rid, path in sorted(files.items()):
            key = fingerprint(path)
            if indexed.get(rid) == key:
                plan.unchanged.append(rid)
                continue
            plan.todo.append(path)
            plan.how[path.name] = "updated" if rid in indexed else "added"
            plan.fingerprints[path.name] = key
        plan.gone = sorted(set(indexed) - set(files))
        return plan

    def _apply_plan(self, plan: "_Plan", parsed: dict) -> SyncResult:
        """Commit what was read for ``plan`` (under the lock)."""
        result = SyncResult(unchanged=plan.unchanged, failed=dict(plan.clashes))
        items = []
        for path in plan.todo:
            outcome = parsed[path.name]
            if isinstance(outcome, str):
                result.failed[path.name] = outcome
            else:
                outcome.fingerprint = plan.fingerprints[path.name]  # kept as this plan compared it (a reader in
                # another process computes its own)
                items.append(outcome)
                getattr(result, plan.how[path.name]).append(outcome.report.id)
                for note in outcome.notes:
                    log.warning(note)
                    result.notes.append(note)
        if plan.rebuild:
            self._build_generation(items)
            result.added, result.updated = sorted(result.added + result.updated), []
            return result
        self.apply(items, plan.gone)
        result.removed = plan.gone
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
        path = self.store.current_path()
        saved = {name: (path / name).read_bytes() for name in DERIVED_FILES if (path / name).exists()}
        # derived data first, then the commit; if either fails (a full
        # disk), the derived files are put back as they were
        try:
            if items:
                self._write_derived(path, self._derived(path, items, incremental=True))
            writer = ix.writer(limitmb=256, compound=COMPOUND)
            try:
                for rid in remove:
                    writer.delete_by_term("report", rid)
                for item in items:
                    writer.delete_by_term("report", item.report.id)
                    self._add(writer, item)
                writer.commit()
            except BaseException:
                _abandon(writer)
                self._discard_orphans(ix)
                raise
        except BaseException:
            if items:
                for name, data in saved.items():
                    if (path / name).read_bytes() != data:
                        _write_atomically(path / name, data.decode("utf-8"))
            raise

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
        remove every file no kept commit names (``clean_files``), and the
        writer's temporary folder (we hold the lock)."""
        try:
            clean_files(ix.storage, ix.indexname, ix.latest_generation(), ix._segments())
        except OSError:
            pass
        shutil.rmtree(Path(ix.storage.folder) / f"{ix.indexname}.tmp", ignore_errors=True)

    @staticmethod
    def _add(writer, item: Ingested) -> None:
        writer.add_document(**report_doc(item.report, item.fingerprint))
        for p, vector in zip(item.passages, semantic.encode(item.passages)):
            writer.add_document(**passage_doc(p, item.report, vector=vector))

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
                writer = ix.writer(procs=procs, multisegment=True, limitmb=WRITER_MB // procs, batchsize=500,
                                   compound=COMPOUND)
            else:
                writer = ix.writer(limitmb=WRITER_MB, compound=COMPOUND)
            with ThreadPoolExecutor(1) as pool:
                try:
                    for item in items:
                        self._add(writer, item)
                    # the derived data are learned while the writer processes
                    # finish their segments (this process only waits for them)
                    derived = pool.submit(self._derived, path, items)
                    writer.commit()
                except BaseException:
                    _abandon(writer)
                    raise
                self._write_derived(path, derived.result())
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        previous = self.store.current_name()
        _write_atomically(self.index_dir / "CURRENT", name)
        self._cleanup(keep={name, previous})

    @staticmethod
    def _write_derived(path: Path, derived: dict) -> None:
        """The derived files (``_derived``), kept inside the generation they
        describe (each written atomically)."""
        for name, data in derived.items():
            _write_atomically(path / name, json.dumps(data))

    @staticmethod
    def _derived(path: Path, items: list[Ingested], incremental: bool = False) -> dict:
        """{file name: data} of the derived data: glossary, vocabulary,
        headings (for type-ahead) and sentence model, learned from the
        passages. An incremental change adds the new reports' acronyms, words
        and headings to ``path``'s and keeps the sentence model: all come from
        the whole corpus at the next rebuild."""
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
        return derived

    def _cleanup(self, keep: set) -> None:
        """Remove generations other than the live one and the one it just
        replaced (also half-written ones left by a killed rebuild). The
        replaced one stays until the next rebuild, so a process that read
        CURRENT a moment before the swap can still open it; readers holding
        older ones keep their file handles (POSIX) and finish."""
        for d in self.index_dir.glob("gen-*"):
            if d.name not in keep and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)
