"""Adding and removing reports: the corpus folder and the index change together.

Used by uploads (web), ``search-service add`` and ``remove``. Every change goes
through the ``Indexer`` and follows one rule: a report that cannot be parsed,
a duplicate or a failed write leaves corpus/ and index/ exactly as they were.

An upload is written to a staging folder inside corpus/ (same file system,
so the final move is an atomic rename) and read there, in a child process
with limits (``Indexer.read``), *before* the write lock is taken: a slow or
hostile file never holds the lock. Under the lock everything that depends on
the corpus is decided again, as it is now (the same bytes already indexed,
a duplicate, a name taken), since another upload may have landed meanwhile;
then the file moves in and the index commits.

Crash safety. Each staging folder is held with ``flock`` by the process
using it, and before anything in corpus/ moves it records what it is about
to do (``intent.json``). ``reconcile`` (run by ``serve`` and ``index`` at
start) finishes or undoes what a killed process left: a folder nobody holds
is a dead process's; if its new file had been moved in, the change is
completed (the file it replaces is removed and the sync indexes it),
otherwise it is rolled back (a replaced file is put back). Then the index's
own leftovers go (``Indexer.recover``) and the sync brings the index in line
with corpus/.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from werkzeug.utils import secure_filename

from search_service.indexer import IndexBusy, Indexer, SyncResult
from search_service.ingest import SUPPORTED, IngestError, corpus_files, fingerprint_of
from search_service.ingest.metadata import report_id, sidecar_path
from search_service.model import Report

MAX_BYTES = 50 * 1024 * 1024
MAX_NAME = 150
STAGING = ".staging"  # hidden: corpus_files() never lists it
INTENT = "intent.json"
HELD = ".held"  # flock'ed by the process working in a staging folder


class CorpusError(ValueError):
    """A refused change, with a machine-readable code and the HTTP status
    that fits it; the message says why in words a user can act on."""

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


@dataclass
class Change:
    report: Report
    status: str  # added | updated | unchanged
    passages: int = 0


def safe_name(filename: str) -> str:
    """A plain file name for corpus/: no folders, no dot-files, ASCII only,
    and a supported extension; refused rather than guessed otherwise."""
    given = os.path.basename((filename or "").replace("\\", "/"))
    if os.path.splitext(given)[1].lower() not in SUPPORTED:
        raise CorpusError("unsupported_type", f"Only {' and '.join(SUPPORTED)} reports can be added "
                          f"(got {filename[:100]!r}).", 415)
    name = secure_filename(given)
    stem, ext = os.path.splitext(name)
    if ext.lower() not in SUPPORTED or not stem.strip("._-"):
        raise CorpusError("bad_filename", f"{filename[:100]!r} has no letters or digits that can make a "
                          "file name here; rename it with letters A-Z, digits, '-' or '_' (e.g. "
                          "peel-2016-northshire.pdf).")
    if len(name) > MAX_NAME or name.endswith(".meta.json"):
        raise CorpusError("bad_filename", f"{filename[:100]!r} is not a usable report file name.")
    return stem + ext.lower()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ staging folders

@contextmanager
def _staging(corpus: Path):
    """A new staging folder inside corpus/, held (flock) while in use and
    removed afterwards, with the staging area once it is empty. Another
    thread or process may remove the empty area between our mkdir and
    mkdtemp (make it again), or look for abandoned folders at any moment:
    the held file is locked before it takes its name, so it is never seen
    unheld."""
    area = corpus / STAGING
    for attempt in range(10):
        area.mkdir(parents=True, exist_ok=True)
        try:
            work = Path(tempfile.mkdtemp(dir=area))
            break
        except FileNotFoundError:
            if attempt == 9:
                raise
    fd = os.open(work / f"{HELD}.new", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.replace(work / f"{HELD}.new", work / HELD)
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.close(fd)
        try:
            area.rmdir()
        except OSError:
            pass


def _write_intent(work: Path, **intent) -> None:
    """Record, durably, what this folder is about to change in corpus/."""
    tmp = work / f"{INTENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(intent, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, work / INTENT)


def _abandoned(work: Path) -> bool:
    """No live process holds this staging folder (its holder died)."""
    try:
        fd = os.open(work / HELD, os.O_RDWR)
    except FileNotFoundError:  # killed before it could hold it, or just being made
        try:
            return time.time() - work.stat().st_mtime > 60
        except OSError:
            return False
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def recover_staging(corpus: Path) -> list[str]:
    """Finish or undo what killed processes left in staging folders (call
    under the write lock); returns what was done, in words."""
    done = []
    area = corpus / STAGING
    for work in sorted(area.glob("*")) if area.is_dir() else []:
        if not work.is_dir() or not _abandoned(work):
            continue
        try:
            intent = json.loads((work / INTENT).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            intent = {}
        name = intent.get("name")
        if intent.get("op") == "add" and name:
            target = corpus / name
            if (work / name).exists():  # never moved in: roll back
                backup = work / f"previous-{name}"
                if backup.exists() and not target.exists():
                    os.replace(backup, target)
                done.append(f"rolled back the interrupted upload of {name}")
            else:  # moved in: complete (the sync that follows indexes it)
                for old in intent.get("replaces", []):
                    (corpus / Path(old).name).unlink(missing_ok=True)
                done.append(f"completed the interrupted upload of {name}")
        elif intent.get("op") == "remove" and name:
            done.append(f"completed the interrupted removal of {name}")
        shutil.rmtree(work, ignore_errors=True)
    try:
        area.rmdir()
    except OSError:
        pass
    return done


def reconcile(indexer: Indexer, rebuild: bool = False, progress=None, waiting=None) -> SyncResult:
    """At start (``serve``, ``index``): finish or undo interrupted changes,
    remove the index's leftovers, then bring the index in line with corpus/."""
    with indexer.lock(waiting=waiting):
        recovered = recover_staging(indexer.corpus_dir)
        recovered += indexer.recover()
    result = indexer.sync(rebuild=rebuild, progress=progress, waiting=waiting)
    result.recovered = recovered
    return result


# ------------------------------------------------------------------ add and remove

def _decide(store, name: str, rid: str, digest: str, replace: bool) -> Change | None:
    """What an upload of ``name`` (sha256 ``digest``) means for the corpus as
    it is now: a Change("unchanged") when the same bytes are indexed under
    this name, None to go ahead, or a refusal (duplicate, name taken)."""
    latest = store.latest()
    current = latest[rid][0] if rid in latest else None
    corpus = store.corpus_dir
    side = sidecar_path(corpus / name)
    if current and current.source == name and \
            latest[rid][1] == fingerprint_of(digest, side.read_bytes() if side.exists() else None):
        return Change(report=current, status="unchanged")
    for r, _ in latest.values():
        if r.sha256 == digest and r.id != rid:
            raise CorpusError("duplicate", f"{name} is identical to the report already indexed as "
                              f"'{r.id}' ({r.source}).", 409)
    taken = [p for p in corpus_files(corpus) if report_id(p) == rid]
    if (current or taken) and not replace:
        raise CorpusError("exists", f"A report named '{rid}' already exists; delete it first "
                          "or ask to replace it.", 409)
    return None


def add_report(indexer: Indexer, filename: str, data: bytes, replace: bool = False,
               timeout: float | None = None) -> Change:
    """Add (or with ``replace``, update) one report from its bytes.

    Refuses: unsupported or unsafe names, empty or oversized files, content
    that does not parse or breaks a reading limit (with the reason), a file
    identical to another report already indexed, and a name already taken
    unless ``replace``. A file that is already indexed as it is (same
    fingerprint: bytes and sidecar, as ``index`` decides) is left alone.
    """
    name = safe_name(filename)
    store = indexer.store
    if not store.exists():  # first report of a new corpus: index the rest as well
        indexer.sync(timeout=timeout)
    if not data:
        raise CorpusError("empty_file", f"{name} is empty.")
    if len(data) > MAX_BYTES:
        raise CorpusError("too_large", f"{name} is larger than {MAX_BYTES // 2**20} MB.", 413)
    digest = _sha256(data)
    rid = report_id(Path(name))
    corpus = store.corpus_dir
    target = corpus / name
    side = sidecar_path(target)
    early = _decide(store, name, rid, digest, replace)  # fail fast; decided again under the lock
    if early is not None:
        return early
    corpus.mkdir(parents=True, exist_ok=True)
    with _staging(corpus) as work:
        staged = work / name
        with open(staged, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if side.exists():  # the sidecar is part of the fingerprint, as in a sync
            shutil.copy2(side, sidecar_path(staged))
        try:
            item = indexer.read(staged)  # in a child process, within limits, without the lock
        except IngestError as e:
            code = "read_limit" if getattr(e, "limit", False) else "unparseable"
            raise CorpusError(code, f"{name} could not be read as a report: {e}", 422) from None
        with indexer.lock(timeout):
            settled = _decide(store, name, rid, digest, replace)
            if settled is not None:
                return settled
            current = store.latest().get(rid, (None,))[0]
            replaces = sorted({p.name for p in corpus_files(corpus) if report_id(p) == rid} - {name})
            _write_intent(work, op="add", name=name, replaces=replaces)
            backup = None
            if target.exists():
                backup = work / f"previous-{name}"
                os.replace(target, backup)
            os.replace(staged, target)
            try:
                indexer.apply([item])
            except BaseException:
                target.unlink(missing_ok=True)
                if backup is not None:
                    os.replace(backup, target)
                (work / INTENT).unlink(missing_ok=True)
                raise
            for old in replaces:  # e.g. x.txt replaced by x.pdf: same id, one file
                (corpus / old).unlink(missing_ok=True)
    status = "updated" if current else "added"
    return Change(report=item.report, status=status, passages=len(item.passages))


def add_file(indexer: Indexer, path: Path, timeout: float | None = None) -> Change:
    """``search-service add``: like an upload, but a changed file of the same
    name replaces the indexed one."""
    return add_report(indexer, path.name, Path(path).read_bytes(), replace=True, timeout=timeout)


def remove_report(indexer: Indexer, rid: str, timeout: float | None = None) -> Report:
    """Remove a report, every file of its id and their sidecars from corpus/
    and the index.

    The files are first moved aside: if the index commit fails they are put
    back; if the process dies in between, ``reconcile`` completes the removal
    (the next sync drops the report from the index), which is what was asked.
    """
    store = indexer.store
    with indexer.lock(timeout):
        report = store.latest().get(rid, (None,))[0]
        if report is None:
            raise CorpusError("not_found", f"No report with id '{rid[:200]}'.", 404)
        corpus = store.corpus_dir
        sources = {Path(report.source).name} | {p.name for p in corpus_files(corpus) if report_id(p) == rid}
        files = [f for name in sorted(sources) for f in (corpus / name, sidecar_path(corpus / name)) if f.exists()]
        with _staging(corpus) as work:
            _write_intent(work, op="remove", name=report.source, files=[f.name for f in files])
            moved = []
            for f in files:
                os.replace(f, work / f.name)
                moved.append(f)
            try:
                indexer.apply([], remove=[report.id])
            except BaseException:
                for f in moved:
                    os.replace(work / f.name, f)
                (work / INTENT).unlink(missing_ok=True)
                raise
    return report


__all__ = ["CorpusError", "Change", "IndexBusy", "add_report", "add_file", "remove_report", "reconcile",
           "safe_name", "MAX_BYTES"]
