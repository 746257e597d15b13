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
from search_service import sentences
from search_service.analysis import ANALYZER
from search_service.ingest import IngestError, corpus_files, fingerprint, ingest
from search_service.ingest.metadata import report_id
from search_service.model import Passage, Report

GLOSSARY_FILE = "glossary.json"
PUNKT_FILE = "punkt.json"
PUNKT_SAMPLE = 3000  # passages: Punkt learns abbreviations from a sample, not all

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
        text=TEXT(analyzer=ANALYZER, stored=True, phrase=True, spelling=True),
        meta=STORED(),  # report documents: the Report as JSON
        fingerprint=STORED(),  # report documents: hash of file + sidecar, to detect changes
    )


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
        heading_path=p.heading_path, text=p.text,
    )


def report_doc(r: Report, key: str = "") -> dict:
    return dict(id=f"report:{r.id}", doctype="report", report=r.id, force_exact=r.force or "",
                year=r.year or 0, title=r.title or "", meta=json.dumps(r.to_dict()), fingerprint=key)


def fields_to_passage(f: dict) -> Passage:
    path = f.get("heading_path") or []
    return Passage(id=f["id"], report_id=f["report"], heading=path[-1] if path else "",
                   heading_path=list(path), page=f.get("page", 0), kind=f.get("kind", "body"),
                   text=f.get("text", ""), order=f.get("order", 0), pdf_page=f.get("pdf_page"))


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

    @contextmanager
    def searcher(self):
        """A Whoosh searcher reused by this thread and refreshed when stale."""
        ix = self._open()
        s = getattr(self._local, "searcher", None)
        if s is None or getattr(self._local, "ix", None) is not ix:
            s = ix.searcher()
            self._local.ix = ix
        elif not s.up_to_date():
            s = s.refresh()
        self._local.searcher = s
        yield s

    # ------------------------------------------------------------ reading
    def _reports(self) -> dict[str, Report]:
        with self.searcher() as s:
            key = (self._ix_gen, self._ix.latest_generation())
            cached = self._reports_cache
            if cached and cached[0] == key:
                return cached[1]
            reports = {}
            for f in s.documents(doctype="report"):
                r = Report.from_dict(json.loads(f["meta"]))
                reports[r.id] = r
            self._reports_cache = (key, reports)
            return reports

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
        """Build the index if there is none."""
        if not self.exists():
            self.sync(rebuild=True)

    def _indexed_hashes(self) -> dict[str, str]:
        if not self.exists():
            return {}
        with self.searcher() as s:
            return {f["report"]: f.get("fingerprint", "") for f in s.documents(doctype="report")}

    def sync(self, rebuild: bool = False, progress=None) -> SyncResult:
        """Bring the index in line with corpus/: add new reports, replace
        changed ones (by content hash), drop removed ones. A report that fails
        to parse is reported and left out; nothing else is affected."""
        result = SyncResult()
        # an index written before a schema change cannot take the new fields: rebuild it
        rebuild = rebuild or (self.exists() and set(self._open().schema.names()) != set(make_schema().names()))
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
        for n, (rid, path, how) in enumerate(todo, 1):
            if progress:
                progress(n, len(todo), path.name)
            try:
                parsed.append((ingest(path), how))
            except (IngestError, OSError, ValueError) as e:
                result.failed[path.name] = str(e)
        if rebuild or not self.exists():
            self._build_generation([p for p, _ in parsed])
            result.added = [p.report.id for p, _ in parsed]
            return result
        if not parsed and not gone:
            return result
        ix = self._open()
        writer = ix.writer(limitmb=256)
        try:
            for rid in gone:
                writer.delete_by_term("report", rid)
                result.removed.append(rid)
            for item, how in parsed:
                writer.delete_by_term("report", item.report.id)
                self._add(writer, item)
                getattr(result, how).append(item.report.id)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._write_derived(self.index_dir / self._current_name())
        return result

    @staticmethod
    def _add(writer, item) -> None:
        writer.add_document(**report_doc(item.report, item.fingerprint))
        for p in item.passages:
            writer.add_document(**passage_doc(p, item.report))

    def _build_generation(self, items) -> None:
        """Write a complete index into a new generation folder, then swap."""
        self.index_dir.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.time_ns()}"
        path = self.index_dir / name
        path.mkdir()
        try:
            ix = FileStorage(str(path)).create_index(make_schema())
            writer = ix.writer(limitmb=256)
            for item in items:
                self._add(writer, item)
            writer.commit()
            self._write_derived(path)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        tmp = self.index_dir / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(name)
        os.replace(tmp, self.index_dir / "CURRENT")
        self._cleanup(keep=name)

    @staticmethod
    def _write_derived(path: Path) -> None:
        """Glossary and sentence model, learned from the indexed passages and
        kept inside the generation they describe (written atomically)."""
        ix = windex.open_dir(str(path))
        with ix.searcher() as s:
            texts = [f["text"] for f in s.documents(doctype="passage")]
        for name, data in ((GLOSSARY_FILE, glossary_mod.build(texts)),
                           (PUNKT_FILE, sentences.train(texts[:PUNKT_SAMPLE]))):
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
            else:
                value = json.loads(f.read_text(encoding="utf-8")) if key[1] else dict(glossary_mod.CURATED)
            cache[name] = (key, value)
        return cache[name][1]

    def glossary(self) -> dict[str, str]:
        return self._derived(GLOSSARY_FILE)

    def sentence_tokenizer(self):
        return self._derived(PUNKT_FILE)

    def _cleanup(self, keep: str) -> None:
        """Remove old generations. Readers that still hold them open keep their
        file handles (POSIX), so in-flight searches finish."""
        for d in self.index_dir.glob("gen-*"):
            if d.name != keep and d.is_dir():
                shutil.rmtree(d, ignore_errors=True)
