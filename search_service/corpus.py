"""Adding and removing reports: the corpus folder and the index change together.

Used by uploads (web), ``search-service add`` and ``remove``. Every change goes
through the ``Indexer``, runs under its write lock and follows one rule: a report that cannot be
parsed, a duplicate or a failed write leaves corpus/ and index/ exactly as
they were. An upload is parsed from a staging folder inside corpus/ (same
file system, so the final move is an atomic rename) before anything changes.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from werkzeug.utils import secure_filename

from search_service import indexer as indexer_mod
from search_service.indexer import IndexBusy, Indexer
from search_service.ingest import SUPPORTED, IngestError, fingerprint_of
from search_service.ingest.metadata import report_id, sidecar_path
from search_service.model import Report

MAX_BYTES = 50 * 1024 * 1024
MAX_NAME = 150
STAGING = ".staging"  # hidden: corpus_files() never lists it
STALE_STAGING_SECONDS = 3600


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
    name = secure_filename(os.path.basename((filename or "").replace("\\", "/")))
    stem, ext = os.path.splitext(name)
    if ext.lower() not in SUPPORTED:
        raise CorpusError("unsupported_type", f"Only {' and '.join(SUPPORTED)} reports can be added "
                          f"(got {filename[:100]!r}).", 415)
    if not stem.strip("._-") or len(name) > MAX_NAME or name.endswith(".meta.json"):
        raise CorpusError("bad_filename", f"{filename[:100]!r} is not a usable report file name.")
    return stem + ext.lower()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sweep_staging(staging: Path) -> None:
    """Remove staging folders left behind by a process killed mid-upload."""
    for d in staging.glob("*"):
        try:
            if time.time() - d.stat().st_mtime > STALE_STAGING_SECONDS:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            pass


def _discard(work: Path) -> None:
    """Remove a staging folder, and the staging area itself once empty."""
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.parent.rmdir()
    except OSError:
        pass


def add_report(indexer: Indexer, filename: str, data: bytes, replace: bool = False,
               timeout: float | None = None) -> Change:
    """Add (or with ``replace``, update) one report from its bytes.

    Refuses: unsupported or unsafe names, empty or oversized files, content
    that does not parse (with the parser's reason), a file identical to
    another report already indexed, and a name already taken unless
    ``replace``. A file that is already indexed as it is (same fingerprint:
    bytes and sidecar, as ``index`` decides) is left alone.
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
    with indexer.lock(timeout):
        existing = {r.id: r for r in store.reports()} if store.exists() else {}
        current = existing.get(rid)
        side = sidecar_path(target)
        if current and current.source == name and \
                store.fingerprints().get(rid) == fingerprint_of(digest, side.read_bytes() if side.exists() else None):
            return Change(report=current, status="unchanged")
        for r in existing.values():
            if r.sha256 == digest and r.id != rid:
                raise CorpusError("duplicate", f"{name} is identical to the report already indexed as "
                                  f"'{r.id}' ({r.source}).", 409)
        if (current or target.exists()) and not replace:
            raise CorpusError("exists", f"A report named '{rid}' already exists; delete it first "
                              "or ask to replace it.", 409)
        corpus.mkdir(parents=True, exist_ok=True)
        staging = corpus / STAGING
        staging.mkdir(exist_ok=True)
        _sweep_staging(staging)
        work = Path(tempfile.mkdtemp(dir=staging))
        try:
            staged = work / name
            with open(staged, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            if side.exists():  # the sidecar is part of the fingerprint, as in a sync
                shutil.copy2(side, sidecar_path(staged))
            try:
                item = indexer_mod.read(staged)
            except IngestError as e:
                raise CorpusError("unparseable", f"{name} could not be read as a report: {e}", 422) from None
            old_files = [corpus / current.source] if current and current.source != name else []
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
                raise
            for old in old_files:  # e.g. x.txt replaced by x.pdf: same id, one file
                old.unlink(missing_ok=True)
        finally:
            _discard(work)
    status = "updated" if current else "added"
    return Change(report=item.report, status=status, passages=len(item.passages))


def add_file(indexer: Indexer, path: Path, timeout: float | None = None) -> Change:
    """``search-service add``: like an upload, but a changed file of the same
    name replaces the indexed one."""
    return add_report(indexer, path.name, Path(path).read_bytes(), replace=True, timeout=timeout)


def remove_report(indexer: Indexer, rid: str, timeout: float | None = None) -> Report:
    """Remove a report and its sidecar from corpus/ and the index.

    The files are first moved aside: if the index commit fails they are put
    back; if the process dies in between, the next sync finds them gone and
    drops the report from the index, which is what was asked.
    """
    store = indexer.store
    with indexer.lock(timeout):
        report = store.report(rid) if store.exists() else None
        if report is None:
            raise CorpusError("not_found", f"No report with id '{rid[:200]}'.", 404)
        corpus = store.corpus_dir
        files = [f for f in (corpus / Path(report.source).name, sidecar_path(corpus / Path(report.source).name))
                 if f.exists()]
        staging = corpus / STAGING
        staging.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=staging))
        try:
            moved = []
            for f in files:
                os.replace(f, work / f.name)
                moved.append(f)
            try:
                indexer.apply([], remove=[report.id])
            except BaseException:
                for f in moved:
                    os.replace(work / f.name, f)
                raise
        finally:
            _discard(work)
    return report


__all__ = ["CorpusError", "Change", "IndexBusy", "add_report", "add_file", "remove_report",
           "safe_name", "MAX_BYTES"]
