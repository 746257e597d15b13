"""BM25F over the Whoosh index's own postings, vectorised with numpy.

Whoosh's collector scores one posting at a time in Python; on 100,000
passages a common word has tens of thousands of postings, so a question of
six common words spends most of a second in that loop. Here each term's
posting blocks are read once into numpy arrays and kept (segments are
write-once in Whoosh, so a segment's arrays never go stale; deletions are a
per-snapshot mask), and a bag-of-words query is scored exactly as Whoosh's
BM25F would (same idf, average lengths, lossy per-document lengths, field
boosts baked into the posting weights), with exact totals and facet counts
from per-document code arrays.

Whoosh stays the engine: it writes and stores the index, parses queries, and
scores every query with structure (AND/NOT, fields) through its own
matchers. Everything that relies on Whoosh 2.7.4's internals lives here: the
W3 codec's posting blocks and lengths column, and a patch to its segment
writer (``_cache_missing_length_columns``). Importing this module checks the
installed version; tests compare its scores with Whoosh's own.
"""
from __future__ import annotations

import math
import pickle
import threading
from array import array
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np
import whoosh
from whoosh.codec.whoosh3 import (LENGTHS_COLUMN, W3FieldWriter, W3LeafMatcher, W3PerDocReader, W3PerDocWriter,
                                  _lenfield)
from whoosh.codec.base import FieldWriter
from whoosh.formats import Frequency, Positions
from whoosh.matching.wrappers import FilterMatcher
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length

from search_service import posting_pool, segment_arrays
from search_service.analysis import split_words

WHOOSH_VERSION = (2, 7, 4)
if tuple(whoosh.__version__[:3]) != WHOOSH_VERSION:
    raise ImportError(
        f"search_service needs Whoosh {'.'.join(map(str, WHOOSH_VERSION))} (it reads that version's "
        f"posting blocks directly); Whoosh {whoosh.versionstring()} is installed. "
        "Install the pinned version: pip install 'whoosh==2.7.4'.")


def _cache_missing_length_columns() -> None:
    """Whoosh 2.7.4 looks on disk (a stat call) for the length column of an
    unscored field once per posting while it writes a segment, because it
    caches only columns that exist: a third of a large build's time. Segment
    files never change, so remembering "no such column" is safe."""
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


def _lengths_read_once() -> None:
    """Whoosh 2.7.4 writes each posting with its document's field length,
    which it reads back from the new segment's length column: one seek and
    read per posting (two million at 10,000 passages, a tenth of a build).
    Each column is read once instead, into a list, and answers as
    ``W3PerDocReader.doc_field_length`` does (None for a length byte of 0,
    0 for a field with no column)."""
    original = FieldWriter.add_postings
    if getattr(original, "reads_lengths_once", False):
        return

    def add_postings(self, schema, lengths, items):
        return original(self, schema, None if lengths is None else _LoadedLengths(lengths), items)

    add_postings.reads_lengths_once, add_postings.whoosh = True, original  # whoosh: for tests
    FieldWriter.add_postings = add_postings


class _LoadedLengths:
    """A segment's per-document field lengths, each column read whole."""

    def __init__(self, perdoc):
        self._perdoc, self._fields = perdoc, {}

    def doc_field_length(self, docnum: int, fieldname: str, default=0):
        lengths = self._fields.get(fieldname)
        if lengths is None:
            column = self._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            lengths = self._fields[fieldname] = (
                None if column is None else [_LENGTH_OF_BYTE[b] for b in column.load()])
        return default if lengths is None else lengths[docnum]


_LENGTH_OF_BYTE = [None] + [byte_to_length(b) for b in range(1, 256)]
_lengths_read_once()


def _index_terms_as_lists() -> None:
    """Whoosh's formats take a text's terms from the analyzer one Token at a
    time, through generators; the schema's analyzers (PoliceAnalyzer,
    PairAnalyzer) hand the index writer the same terms as one list
    (``index_terms``), and the pairs and text fields of a passage share one
    pass over its text. The values written are Whoosh's own, term for term
    (tests/test_index_writer.py compares them)."""
    if getattr(Positions.word_values, "takes_lists", False):
        return
    positions_values, frequency_values = Positions.word_values, Frequency.word_values

    def positions_word_values(self, value, analyzer, **kwargs):
        listed = getattr(analyzer, "index_terms", None)
        if listed is None or kwargs != {"mode": "index"} or not isinstance(value, str):
            return positions_values(self, value, analyzer, **kwargs)
        poses: dict[str, list[int]] = {}
        for term, pos in listed(value):
            got = poses.get(term)
            if got is None:
                poses[term] = [pos]
            else:
                got.append(pos)
        fb, encode = self.field_boost, self.encode
        return [(w, len(p), float(len(p)) * fb, encode(p)) for w, p in poses.items()]

    def frequency_word_values(self, value, analyzer, **kwargs):
        listed = getattr(analyzer, "index_terms", None)
        if listed is None or kwargs != {"mode": "index"} or not isinstance(value, str):
            return frequency_values(self, value, analyzer, **kwargs)
        freqs: dict[str, int] = {}
        for term, _ in listed(value):
            freqs[term] = freqs.get(term, 0) + 1
        fb = self.field_boost
        return [(w, n, float(n) * fb, pack_uint(n)) for w, n in freqs.items()]

    positions_word_values.takes_lists = frequency_word_values.takes_lists = True
    positions_word_values.whoosh, frequency_word_values.whoosh = positions_values, frequency_values  # for tests
    Positions.word_values, Frequency.word_values = positions_word_values, frequency_word_values


_index_terms_as_lists()
posting_pool.install()  # a segment's postings held as arrays while it is written

B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults
CODED_FIELDS = ("report", "kind", "force_exact", "year", "family", "inspection", "grade")
SCORED_FIELDS = ("heading", "text", "pairs")  # their postings and lengths are written out with each segment
POSITIONED_FIELDS = ("text",)  # and the positions of their postings (the proximity bonus reads them)
_LENGTH_COLUMNS = {_lenfield(f): f for f in SCORED_FIELDS}


def _folder(storage) -> str | None:
    """The folder of a file storage (through a compound segment's overlay)."""
    while storage is not None and not hasattr(storage, "folder"):
        storage = getattr(storage, "b", None)
    return getattr(storage, "folder", None)


def _write_arrays_with_segments() -> None:
    """While Whoosh writes a segment (a build, an add or a merge), keep what
    the scorer needs — the postings of SCORED_FIELDS (with their positions
    for POSITIONED_FIELDS), their lengths and the
    codes of CODED_FIELDS — and write them next to the segment when its
    writers close (segment_arrays.py). The postings are taken as Whoosh's
    postings writer receives them: one list append per posting, no second
    pass over the segment."""
    if getattr(W3FieldWriter, "writes_arrays", False):
        return
    start_field, start_term, fclose = W3FieldWriter.start_field, W3FieldWriter.start_term, W3FieldWriter.close

    def _start_field(self, fieldname, fieldobj):
        start_field(self, fieldname, fieldobj)
        self._np_field = None
        if fieldname in SCORED_FIELDS and _folder(self._storage):
            got = self.__dict__.setdefault("_np_fields", {})
            keys, starts, ids, weights = got.setdefault(fieldname, (array("Q"), array("q"), array("i"), array("f")))
            self._np_field = (keys, starts, ids)
            add_posting = self._postwriter.add_posting
            ids_append, weights_append = ids.append, weights.append
            if fieldname in POSITIONED_FIELDS and type(fieldobj.format) is Positions:  # not Characters, nor none
                # each posting's positions, end to end, decoded from Whoosh's value (the gaps between them,
                # pickled: Positions.decode_positions); kept as numbers they take a fifth of the room
                at, ends = self.__dict__.setdefault("_np_positions", {}).setdefault(fieldname, (array("I"), array("Q")))
                extend, ends_append, loads = at.extend, ends.append, pickle.loads

                def add(id_, weight, vbytes, length=None):
                    add_posting(id_, weight, vbytes, length)
                    ids_append(id_)
                    weights_append(weight)
                    extend(accumulate(loads(vbytes[4:] if vbytes[-1:] == b"." else vbytes[4:] + b".")))
                    ends_append(len(at))
            else:
                def add(id_, weight, vbytes, length=None):
                    add_posting(id_, weight, vbytes, length)
                    ids_append(id_)
                    weights_append(weight)

            self._postwriter.add_posting = add

    def _start_term(self, btext):
        start_term(self, btext)
        current = getattr(self, "_np_field", None)
        if current is not None:
            current[0].append(segment_arrays.term_key(btext))
            current[1].append(len(current[2]))

    def _fclose(self):
        fclose(self)
        got = self.__dict__.pop("_np_fields", None)
        if got:
            arrays, extra = segment_arrays.postings_arrays(got, self.__dict__.pop("_np_positions", {}))
            segment_arrays.write(_folder(self._storage), self._segment.segment_id(), "postings", arrays, extra)

    add_column_value, pclose = W3PerDocWriter.add_column_value, W3PerDocWriter.close

    def _add_column_value(self, fieldname, column, value):
        add_column_value(self, fieldname, column, value)
        if fieldname in _LENGTH_COLUMNS or fieldname in CODED_FIELDS:
            self.__dict__.setdefault("_np_columns", {}).setdefault(fieldname, []).append((self._docnum, value))
        elif fieldname == "_stored":  # the stored fields of a document, new or merged (Whoosh clears the dict next)
            self.__dict__.setdefault("_np_stored", []).append(_stored_bytes(self._docnum, value))

    def _pclose(self):
        pclose(self)
        got = self.__dict__.pop("_np_columns", None) or {}
        stored = self.__dict__.pop("_np_stored", None) or []
        folder = _folder(self._storage)
        if folder:
            arrays, extra = _per_doc_arrays(got, self._doccount)
            arrays.update(_stored_arrays(stored, self._doccount))
            segment_arrays.write(folder, self._segment.segment_id(), "docs", arrays, extra)

    W3FieldWriter.start_field, W3FieldWriter.start_term, W3FieldWriter.close = _start_field, _start_term, _fclose
    W3PerDocWriter.add_column_value, W3PerDocWriter.close = _add_column_value, _pclose
    W3FieldWriter.writes_arrays = True


def _code_value(fieldname: str, value):
    """A column value as a facet label, or None for no value."""
    if value in (None, b"", "") or (fieldname == "year" and not value):
        return None
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _per_doc_arrays(columns: dict[str, list], count: int) -> tuple[dict, dict]:
    """Lengths (float32) of SCORED_FIELDS and local codes (int32, -1 for
    none) of CODED_FIELDS with their labels, from (docnum, value) pairs."""
    arrays, labels = {}, {}
    for fieldname in SCORED_FIELDS:
        raw = np.zeros(count, dtype=np.uint8)
        for docnum, value in columns.get(_lenfield(fieldname), ()):
            raw[docnum] = value
        arrays[f"len.{fieldname}"] = _BYTE_TO_LENGTH[raw]
    for fieldname in CODED_FIELDS:
        codes = np.full(count, -1, dtype=np.int32)
        index: dict = {}
        for docnum, value in columns.get(fieldname, ()):
            if value in (None, b"", ""):
                continue
            # as the column holds it: bytes (kept as text) or a sortable number
            label = value.decode("utf-8") if isinstance(value, bytes) else value
            codes[docnum] = index.setdefault(label, len(index))
        arrays[f"code.{fieldname}"] = codes
        labels[fieldname] = list(index)
    return arrays, {"labels": labels, "count": count}


def _blob(starts_name: str, bytes_name: str, items: list[tuple[int, bytes]], count: int) -> dict[str, np.ndarray]:
    """Byte strings end to end (in document order: a writer adds documents
    in order), with the offset where each document's starts (count + 1
    entries; empty for a document without one)."""
    sizes = np.zeros(count, dtype=np.int64)
    for docnum, b in items:
        sizes[docnum] = len(b)
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    return {starts_name: starts, bytes_name: np.frombuffer(b"".join(b for _, b in items), dtype=np.uint8)}


def _stored_bytes(docnum: int, fields: dict) -> tuple[int, bytes | None, bytes, tuple | None]:
    """A document's stored text as UTF-8 (None without one), its other
    stored fields pickled, and its words (joined by newlines, which no word
    holds) with their start offsets, as ``_stored_arrays`` keeps them."""
    text = fields.get("text")
    rest = pickle.dumps({k: v for k, v in fields.items() if k != "text"}, protocol=pickle.HIGHEST_PROTOCOL)
    if not text:
        return docnum, None, rest, None
    text = text if isinstance(text, str) else bytes(text).decode("utf-8")
    starts, words = split_words(text)
    return docnum, text.encode("utf-8"), rest, ("\n".join(words).encode("utf-8"), array("I", starts))


def _stored_arrays(stored: list[tuple[int, bytes | None, bytes, tuple | None]], count: int) -> dict[str, np.ndarray]:
    """Each document's stored text with its words, and its other stored
    fields pickled (uncompressed): what proximity checks and snippet marks
    read for dozens of candidates a query, and what a hit is made of,
    without Whoosh's compressed, pickled stored fields (decompressing and
    unpickling them, text and vector included, was a tenth of a keyword
    query) or running the word pattern again. The words' offsets take two
    bytes each where every text of the segment is shorter than 65,536
    characters (all but the rarest passages), else four."""
    split = [(d, w) for d, _, _, w in stored if w is not None]
    dtype = np.uint32 if any(offsets and offsets[-1] > 0xFFFF for _, (_, offsets) in split) else np.uint16
    return {**_blob("text.starts", "text.utf8", [(d, t) for d, t, _, _ in stored if t is not None], count),
            **_blob("stored.starts", "stored.pickle", [(d, rest) for d, _, rest, _ in stored], count),
            **_blob("words.starts", "words.utf8", [(d, words) for d, (words, _) in split], count),
            **_blob("offsets.starts", f"offsets.{np.dtype(dtype).name}",
                    [(d, np.array(offsets, dtype=dtype).tobytes()) for d, (_, offsets) in split], count)}


def _text_at(arrays: dict[str, np.ndarray], local: int) -> str:
    """One document's stored text ("" without one), from the arrays
    ``_stored_arrays`` wrote for its segment."""
    starts, utf8 = arrays["text.starts"], arrays["text.utf8"]
    return utf8[starts[local]:starts[local + 1]].tobytes().decode("utf-8")


def _words_at(arrays: dict[str, np.ndarray], local: int) -> tuple[list[int], list[str]]:
    """(start offsets, words) of one document, from the arrays
    ``_stored_arrays`` wrote for its segment."""
    at, offsets_at = arrays["words.starts"], arrays["offsets.starts"]
    joined = arrays["words.utf8"][at[local]:at[local + 1]].tobytes().decode("utf-8")
    name = "offsets.uint16" if "offsets.uint16" in arrays else "offsets.uint32"
    offsets = arrays[name][offsets_at[local]:offsets_at[local + 1]].view(name.split(".")[1]).tolist()
    return offsets, joined.split("\n") if joined else []


CACHE_BYTES = 512 * 2**20  # posting arrays kept per process
TERM_SCORES_BYTES = 64 * 2**20  # terms' scored postings kept per state and process (Snapshot.term_scores)
FEW_CODES = 8  # a mask of up to this many values compares codes one by one
DECODED_KEPT = 1024  # documents' texts and words kept decoded per state (about 15 MB a worker)
_UNREAD = object()

_BYTE_TO_LENGTH = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)
_write_arrays_with_segments()
FILES = segment_arrays.Cache()  # the written arrays, memory-mapped once per process


def leaves(reader) -> list:
    """(segment reader, first document number) of each segment: none for an
    index with no segments (an empty corpus, or every report deleted and
    merged away), whose reader Whoosh gives as a segment-less EmptyReader."""
    return [(r, off) for r, off in reader.leaf_readers() if r.segment() is not None]


def _segment_files(r, part: str):
    """The arrays written with this reader's segment (``part``: "postings"
    or "docs"), or None when there are none (an index written before they
    existed, or a storage without a folder)."""
    folder = _folder(r._storage)
    if folder is None:
        return None
    got = FILES.get(folder, r.segment().segment_id(), part)
    if got is None:
        return None
    if part == "postings":
        return got
    arrays, extra = got
    return got if extra.get("count") == r.doc_count_all() else None


# ------------------------------------------------------------------ postings

class _PostingCache:
    """(segment, field, term) → (local doc ids int32, weights float32), least
    recently used dropped beyond a byte budget. Shared by a process's threads."""

    def __init__(self, budget: int = CACHE_BYTES):
        self.budget, self.used = budget, 0
        self._d: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._d.get(key)
            if value is not None:
                self._d.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        size = value[0].nbytes + value[1].nbytes
        with self._lock:
            if key in self._d:
                return
            self._d[key] = value
            self.used += size
            while self.used > self.budget and len(self._d) > 1:
                _, (ids, w) = self._d.popitem(last=False)
                self.used -= ids.nbytes + w.nbytes


POSTINGS = _PostingCache()


def _read_leaf(m) -> tuple[np.ndarray, np.ndarray]:
    """All postings of one term in one segment, block by block."""
    if isinstance(m, FilterMatcher):  # deletions: handled by the snapshot's live mask
        m = m.child
    if not isinstance(m, W3LeafMatcher):  # short lists Whoosh keeps inline
        ids, ws = [], []
        while m.is_active():
            ids.append(m.id())
            ws.append(m.weight())
            m.next()
        return np.array(ids, dtype=np.int32), np.array(ws, dtype=np.float32)
    id_parts, w_parts = [], []
    while not m._atend:
        if m._data is None:
            m._read_data()
        raw_ids, raw_w = m._data[0], m._data[1]
        n = m._blocklength
        id_parts.append(np.cumsum(np.asarray(raw_ids, dtype=np.int64)) if not m._byteids
                        else np.asarray(raw_ids, dtype=np.int64))
        if raw_w is None:
            w_parts.append(np.ones(n, dtype=np.float32))
        elif isinstance(raw_w, float):
            w_parts.append(np.full(n, raw_w, dtype=np.float32))
        else:
            w_parts.append(np.asarray(raw_w, dtype=np.float32))
        if m._lastblock:
            break
        m._goto(m._nextoffset)
    if not id_parts:
        return np.empty(0, np.int32), np.empty(0, np.float32)
    return np.concatenate(id_parts).astype(np.int32), np.concatenate(w_parts)


def segment_postings(r, fieldname: str, text) -> tuple[np.ndarray, np.ndarray]:
    """One segment's (local doc ids, weights) for a term, through the cache."""
    btext = text.encode("utf-8") if isinstance(text, str) else text
    if fieldname in SCORED_FIELDS:
        files = _segment_files(r, "postings")
        if files is not None:
            got = files.get(fieldname, btext)
            if got is not None:
                return got
    key = (r.segment().segment_id(), fieldname, btext)
    arrays = POSTINGS.get(key)
    if arrays is None:
        if (fieldname, btext) not in r:
            arrays = (np.empty(0, np.int32), np.empty(0, np.float32))
        else:
            arrays = _read_leaf(r.postings(fieldname, btext))
        POSTINGS.put(key, arrays)
    return arrays


def postings_written(reader) -> bool:
    """Has every segment its postings written beside it (so they hold
    deleted documents too, as Whoosh's term statistics do)?"""
    return all(_segment_files(r, "postings") is not None for r, _ in leaves(reader))


def live_doc_frequency(reader, fieldname: str, text) -> int:
    """Documents holding a term, deleted ones not counted. Whoosh's
    ``doc_frequency`` still counts a deleted document until its segment is
    merged away, so after a report is removed its words would look known
    (its name no longer declined as unknown, did-you-mean offering them).
    Counted from the postings written with each segment where every segment
    has them: a lookup in memory-mapped arrays, not in Whoosh's term files
    (a question asks this for each of its words)."""
    if not (fieldname in SCORED_FIELDS and postings_written(reader)) and not reader.has_deletions():
        return reader.doc_frequency(fieldname, text)
    total = 0
    for r, _ in leaves(reader):
        ids, _ = segment_postings(r, fieldname, text)
        if len(ids) and r.has_deletions():
            dead = np.fromiter(r._perdoc.deleted_docs(), dtype=np.int32)
            total += int(len(ids) - np.isin(ids, dead, assume_unique=True).sum())
        else:
            total += len(ids)
    return total


# ------------------------------------------------------------------ per-segment arrays

class _Labels:
    """Field value ↔ code, process-wide and append-only, so the code arrays
    of different segments (each computed once) can be joined as they are."""

    def __init__(self):
        self._codes: dict[str, dict] = {}
        self._labels: dict[str, list] = {}
        self._lock = threading.Lock()

    def code(self, fieldname: str, value) -> int:
        codes = self._codes.setdefault(fieldname, {})
        c = codes.get(value)
        if c is None:
            with self._lock:
                c = codes.get(value)
                if c is None:
                    labels = self._labels.setdefault(fieldname, [])
                    c = codes[value] = len(labels)
                    labels.append(value)
        return c

    def labels(self, fieldname: str) -> list:
        return list(self._labels.get(fieldname, []))

    def known(self, fieldname: str) -> dict:
        """Value → code of every value seen so far (read only: codes are only ever added)."""
        return self._codes.get(fieldname, {})


LABELS = _Labels()
_SEGMENT_ARRAYS: dict = {}  # (segment id, field, what) → array; segments never change
_SEGMENT_LOCK = threading.Lock()


def _segment_array(r, fieldname: str, what: str) -> np.ndarray:
    """A segment's per-document lengths (float32) or value codes (int32, -1
    for none), computed once per segment and kept while it is live."""
    key = (r.segment().segment_id(), fieldname, what)
    arr = _SEGMENT_ARRAYS.get(key)
    if arr is not None:
        return arr
    files = _segment_files(r, "docs")
    if files is not None and what == "length" and f"len.{fieldname}" in files[0]:
        arr = files[0][f"len.{fieldname}"]
    elif files is not None and what == "codes" and f"code.{fieldname}" in files[0]:
        local, raw = files[0][f"code.{fieldname}"], files[1]["labels"][fieldname]
        field = r.schema[fieldname]
        labels = [_code_value(fieldname, field.from_column_value(v) if isinstance(v, int) else v) for v in raw]
        remap = np.array([-1 if label is None else LABELS.code(fieldname, label) for label in labels] + [-1],
                         dtype=np.int32)
        arr = remap[local]  # -1 (no value) picks the last entry, -1
    else:
        arr = _computed_array(r, fieldname, what)
    with _SEGMENT_LOCK:
        _SEGMENT_ARRAYS[key] = arr
    return arr


def _computed_array(r, fieldname: str, what: str) -> np.ndarray:
    """A segment's array read from Whoosh's columns (no written arrays)."""
    count = r.doc_count_all()
    if what == "length":
        col = r._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        raw = np.frombuffer(col.load().tobytes(), dtype=np.uint8) if col is not None else np.zeros(count, np.uint8)
        arr = _BYTE_TO_LENGTH[raw]
    else:
        arr = np.full(count, -1, dtype=np.int32)
        if r.has_column(fieldname):
            for i, value in enumerate(r.column_reader(fieldname)):
                label = _code_value(fieldname, value)
                if label is not None:
                    arr[i] = LABELS.code(fieldname, label)
    return arr


def forget_segments(live_ids: set) -> None:
    """Drop cached arrays of segments no longer in the index (merged away or
    a replaced generation)."""
    with _SEGMENT_LOCK:
        for key in [k for k in _SEGMENT_ARRAYS if k[0] not in live_ids]:
            del _SEGMENT_ARRAYS[key]
    FILES.forget(live_ids)


# ------------------------------------------------------------------ snapshot

@dataclass
class Snapshot:
    """Per-document arrays for one state of the index (one reader generation).

    Holds no readers: whoever asks passes their own searcher's reader, since
    Whoosh's file objects must not be shared between threads."""
    segments: list  # (segment id, doc offset, doc count)
    n: int
    live: np.ndarray  # bool: a passage, not deleted
    dead: np.ndarray = field(default_factory=lambda: np.empty(0, np.intp))  # the others' numbers: a few thousand
    lengths: dict[str, np.ndarray] = field(default_factory=dict)
    codes: dict[str, tuple[np.ndarray, list]] = field(default_factory=dict)
    norms: dict[tuple[str, float], np.ndarray] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _docs: tuple | None = field(default=None, repr=False)  # (segment offsets, their "docs" arrays)
    _written: bool | None = field(default=None, repr=False)  # every segment has its postings arrays
    _decoded: dict = field(default_factory=dict, repr=False)  # (what, doc) → a text or its words, read lately
    _label_orders: dict = field(default_factory=dict, repr=False)  # field → (labels as text, rank of each)
    _joint: dict = field(default_factory=dict, repr=False)  # fields → (their joint codes, codes of each)
    _of_report: dict = field(default_factory=dict, repr=False)  # field → its value's code per report, or None
    _term_scores: "_PostingCache" = field(default_factory=lambda: _PostingCache(TERM_SCORES_BYTES), repr=False)

    def all_written(self, reader) -> bool:
        """``postings_written``, once per index state."""
        if self._written is None:
            self._written = postings_written(reader)
        return self._written

    @classmethod
    def build(cls, reader) -> "Snapshot":
        segments = [(r.segment().segment_id(), off, r.doc_count_all()) for r, off in leaves(reader)]
        forget_segments({seg for seg, _, _ in segments})
        n = reader.doc_count_all()
        snap = cls(segments=segments, n=n, live=np.zeros(n, dtype=bool))
        kind_codes, _ = snap.coded(reader, "kind")
        live = kind_codes >= 0  # report documents have no kind
        for r, off in leaves(reader):
            if r.has_deletions():
                dead = np.fromiter(r._perdoc.deleted_docs(), dtype=np.int64)
                live[dead + off] = False
        snap.live, snap.dead = live, np.flatnonzero(~live)
        return snap

    def length(self, reader, fieldname: str) -> np.ndarray:
        with self._lock:
            if fieldname not in self.lengths:
                parts = [_segment_array(r, fieldname, "length") for r, _ in leaves(reader)]
                self.lengths[fieldname] = np.concatenate(parts) if parts else np.zeros(0, np.float32)
            return self.lengths[fieldname]

    def length_norm(self, reader, fieldname: str, avgfl: float) -> np.ndarray:
        """BM25's length normalisation of every document for a field,
        K1 * ((1 - B) + B * length / avgfl): the same for every query of
        this state, so each term's score is two array operations fewer."""
        key = (fieldname, avgfl)
        norm = self.norms.get(key)
        if norm is None:
            norm = K1 * ((1 - B) + B * self.length(reader, fieldname) / avgfl)
            with self._lock:
                self.norms[key] = norm
        return norm

    def coded(self, reader, fieldname: str) -> tuple[np.ndarray, list]:
        """Per document, the index of its value in the returned labels (-1
        when it has none): facets and filters become array operations."""
        with self._lock:
            if fieldname not in self.codes:
                parts = [_segment_array(r, fieldname, "codes") for r, _ in leaves(reader)]
                out = np.concatenate(parts) if parts else np.zeros(0, np.int32)
                self.codes[fieldname] = (out, LABELS.labels(fieldname))
            return self.codes[fieldname]

    def joint(self, reader, fieldnames: tuple) -> tuple[np.ndarray, tuple]:
        """One code per document for its values of several fields together
        (each field's code plus one, 0 for none, in mixed radix), and the
        number of codes of each: counting several facets reads one array.
        Worked out once per state."""
        got = self._joint.get(fieldnames)
        if got is None:
            shape = tuple(len(self.coded(reader, f)[1]) + 1 for f in fieldnames)
            codes = np.zeros(self.n, dtype=np.int64)
            for f, n in zip(fieldnames, shape):
                codes *= n
                codes += self.coded(reader, f)[0] + 1
            got = (codes, shape)
            with self._lock:
                self._joint[fieldnames] = got
        return got

    def value_of_report(self, reader, fieldname: str) -> np.ndarray | None:
        """Per report (its code in the ``report`` field), the code of the
        value of ``fieldname`` all its passages have (-1: none); None when
        some report's passages differ (a facet of that field is then counted
        passage by passage). Worked out once per state."""
        if fieldname not in self._of_report:
            reports, report_labels = self.coded(reader, "report")
            codes, _ = self.coded(reader, fieldname)
            has = (reports >= 0) & self.live  # the passages: facets count nothing else
            value = np.full(len(report_labels), -1, dtype=np.int64)
            value[reports[has]] = codes[has]
            same = bool(np.array_equal(value[reports[has]], codes[has])) and not (codes[~has & self.live] >= 0).any()
            with self._lock:
                self._of_report[fieldname] = value if same else None
        return self._of_report[fieldname]

    def label_order(self, fieldname: str, labels: list) -> tuple[list[str], np.ndarray]:
        """A field's labels as text and each one's place when sorted so (for
        facet counts), worked out once per state."""
        kept = self._label_orders.get(fieldname)
        if kept is None or len(kept[0]) != len(labels):
            names = [str(label) for label in labels]
            rank = np.empty(len(names), dtype=np.int64)
            rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
            kept = self._label_orders[fieldname] = (names, rank)
        return kept

    def mask(self, reader, fieldname: str, values) -> np.ndarray:
        """Documents whose ``fieldname`` is one of ``values``: each value's
        code looked up (not every label of the field compared: a corpus has
        thousands of reports); a few codes compared one by one (a tenth of
        ``np.isin``'s time), more looked up in a table."""
        codes, labels = self.coded(reader, fieldname)
        wanted = sorted({c for c in map(LABELS.known(fieldname).get, set(values)) if c is not None and c < len(labels)})
        if not wanted:
            return np.zeros(self.n, dtype=bool)
        if len(wanted) > FEW_CODES:  # a table of the wanted codes, read at each document's (-1: the last, False)
            table = np.zeros(len(labels) + 1, dtype=bool)
            table[wanted] = True
            return table.take(codes)
        out = codes == wanted[0]
        for c in wanted[1:]:
            out |= codes == c
        return out

    def term_scores(self, searcher, fieldname: str, text) -> tuple[np.ndarray, np.ndarray]:
        """(global doc ids, BM25F score at boost 1) of a term's postings in
        every segment, kept for this state (the least recently used dropped
        beyond TERM_SCORES_BYTES): policing questions share their words
        ("effective", "force", "crime"), and reading and scoring a common
        word's tens of thousands of postings was most of ranking's time."""
        key = (fieldname, text)
        hit = self._term_scores.get(key)
        if hit is not None:
            return hit
        reader = searcher.reader()
        parts = self.postings(reader, fieldname, text)
        if not parts:
            got = (np.empty(0, np.intp), np.empty(0, np.float32))
        else:
            if self.all_written(reader):
                # Whoosh's idf, log(documents / (doc frequency + 1)) + 1, counted from the written postings in
                # hand (deleted documents included, as Whoosh counts them) instead of a lookup in every segment
                idf = math.log(self.n / (sum(len(ids) for ids, _ in parts) + 1)) + 1
            else:
                idf = searcher.idf(fieldname, text)
            norm = self.length_norm(reader, fieldname, searcher.avg_field_length(fieldname) or 1)
            ids = np.concatenate([i for i, _ in parts]) if len(parts) > 1 else parts[0][0]
            weights = np.concatenate([w for _, w in parts]) if len(parts) > 1 else parts[0][1]
            # idf * weights * (K1 + 1) / (weights + norm), in place, with np.take: indexing with int32 ids
            # (``norm[ids]``) converts them first
            s = np.take(norm, ids)
            s += weights
            np.divide(weights, s, out=s)
            s *= np.float32(idf * (K1 + 1))
            got = (ids, s)
        self._term_scores.put(key, got)
        return got

    def postings(self, reader, fieldname: str, text) -> list[tuple[np.ndarray, np.ndarray]]:
        """(global doc ids, weights) per segment holding the term; the ids as
        numpy's index type, converted once here: numpy converts int32 ids
        each time they index an array (scores, masks, lengths), which made
        marking a common word's documents twice as slow."""
        out = []
        for r, off in leaves(reader):
            arrays = segment_postings(r, fieldname, text)
            if len(arrays[0]):
                ids = arrays[0].astype(np.intp)
                if off:
                    ids += off
                out.append((ids, arrays[1]))
        return out

    def positions(self, searcher, fieldname: str, text: str, docs: list[int]) -> list[list[int] | None]:
        """A term's positions in each of ``docs`` (global numbers), read from
        the positions written with each segment: what Whoosh's postings hold,
        without decoding a block of them or analysing the text again. None
        for a document whose segment cannot say (written before positions
        were, or a term sharing its key)."""
        segments = leaves(searcher.reader())
        offsets = [off for _, off in segments]
        where: dict[int, list[int]] = {}
        for i, d in enumerate(docs):
            where.setdefault(bisect_right(offsets, d) - 1, []).append(i)
        out: list = [None] * len(docs)
        btext = text.encode("utf-8")
        for j, idxs in where.items():
            r, off = segments[j]
            files = _segment_files(r, "postings")
            got = None if files is None else files.positions(fieldname, btext, [docs[i] - off for i in idxs])
            for i, at in zip(idxs, got or ()):
                out[i] = at
        return out

    def _docs_files(self, searcher, docnum: int, name: str):
        """(arrays written with the document's segment, its local number),
        or None when that segment has no ``name`` array (written before)."""
        docs = self._docs
        if docs is None:  # each segment's offset and arrays: the same for every query of this state
            segments = leaves(searcher.reader())
            docs = self._docs = ([off for _, off in segments], [_segment_files(r, "docs") for r, _ in segments])
        offsets, files = docs
        i = bisect_right(offsets, docnum) - 1
        if files[i] is None or name not in files[i][0]:
            return None
        return files[i][0], docnum - offsets[i]

    def texts(self, searcher, docnums) -> list[str]:
        """The stored text of each document, read from the arrays written
        with its segment (from its stored fields where there are none);
        the last DECODED_KEPT read are kept (a question reads the same
        passages for its proximity re-rank and again for its snippets)."""
        out = []
        for d in docnums:
            d = int(d)
            text = self._decoded.get(("text", d))
            if text is None:
                got = self._docs_files(searcher, d, "text.starts")
                text = searcher.stored_fields(d).get("text", "") if got is None else _text_at(*got)
                self._keep(("text", d), text)
            out.append(text)
        return out

    def words(self, searcher, docnum: int) -> tuple[list[int], list[str]] | None:
        """(start offsets, words) of a document's text, as
        ``analysis.split_words`` found them when it was indexed; None when
        its segment was written without them. Kept like ``texts``."""
        docnum = int(docnum)
        key = ("words", docnum)
        kept = self._decoded.get(key, _UNREAD)  # one lookup: another thread may clear the table between two
        if kept is not _UNREAD:
            return kept
        got = self._docs_files(searcher, docnum, "words.starts")
        words = None if got is None else _words_at(*got)
        self._keep(key, words)
        return words

    def _keep(self, key, value) -> None:
        if len(self._decoded) >= DECODED_KEPT:
            self._decoded.clear()  # a state's popular passages come back within a few queries
        self._decoded[key] = value

    def stored(self, searcher, docnum: int) -> dict:
        """A document's stored fields, as ``searcher.stored_fields`` gives
        them, read from the arrays written with its segment (a pickle of the
        fields and the text apart) where there are some."""
        got = self._docs_files(searcher, int(docnum), "stored.starts")
        if got is None:
            return searcher.stored_fields(int(docnum))
        arrays, local = got
        starts = arrays["stored.starts"]
        fields = pickle.loads(arrays["stored.pickle"][starts[local]:starts[local + 1]].tobytes())
        text = self._decoded.get(("text", int(docnum)))
        if text is None:
            text = _text_at(arrays, local)
            self._keep(("text", int(docnum)), text)
        if text:
            fields["text"] = text
        return fields

    def docs_with(self, reader, fieldname: str, text) -> np.ndarray:
        """Live documents containing the term (sorted global ids)."""
        parts = [ids for ids, _ in self.postings(reader, fieldname, text)]
        ids = np.concatenate(parts) if len(parts) > 1 else parts[0] if parts else np.empty(0, np.intp)
        return ids[self.live.take(ids)] if len(ids) else ids


def score(snapshot: Snapshot, searcher, terms, keep: dict | None = None) -> np.ndarray:
    """Summed BM25F of ``terms`` — (field, text, boost) — per document, as
    Whoosh's Or of Term queries computes it; 0 where nothing matches.
    ``keep``: {(field, text): []} to receive those terms' own (doc ids,
    scores) as well."""
    scores = np.zeros(snapshot.n, dtype=np.float32)
    for fieldname, text, boost in terms:
        ids, s = snapshot.term_scores(searcher, fieldname, text)
        if not len(ids):
            continue
        np.add.at(scores, ids, s if boost == 1 else s * np.float32(boost))
        if keep is not None and (fieldname, text) in keep:
            keep[(fieldname, text)].append((ids, s))
    scores[snapshot.dead] = 0  # not ~live: a mask of every document, made and read for each term list
    return scores


def warm(snapshot: Snapshot, reader, fields=("heading", "text"), min_df: int = 2) -> int:
    """Read the postings of every term with at least ``min_df`` documents
    into the cache, for segments written without their arrays (a server
    does this once at start, before forking its workers, so they share
    them); segments with written arrays need nothing. Returns the postings
    read."""
    count = 0
    for r, _ in leaves(reader):
        if _segment_files(r, "postings") is not None:
            continue
        for fieldname in fields:
            for btext, ti in r.iter_field(fieldname):
                if ti.doc_frequency() >= min_df:
                    count += len(segment_postings(r, fieldname, btext)[0])
    return count


TOP_SAMPLED, TOP_SAMPLE = 4096, 1024  # above this many matches, a sample of about this many bounds the best


def top(scores: np.ndarray, allowed: np.ndarray, k: int) -> tuple[np.ndarray, int]:
    """The best ``k`` allowed documents by score (ties by document order, as
    Whoosh breaks them) and how many allowed documents scored at all."""
    matched = np.flatnonzero((scores > 0) & allowed)
    total = len(matched)
    if total == 0 or k <= 0:
        return np.empty(0, np.int64), total
    if total > k:
        # the k-th best score, then every document above it and, of those
        # scoring it, the first in document order (argpartition would pick
        # among ties at random)
        s = scores[matched]
        if total > TOP_SAMPLED:
            # only documents scoring at least a bound taken from an evenly spaced sample, if k or more do: the
            # k-th best is among them, as is every document scoring it (partitioning all matches of a question's
            # words took half a millisecond)
            sample = np.sort(s[::total // TOP_SAMPLE])
            above = max(4, int(4 * k * len(sample) / total))  # sampled values above the bound, from few to more
            while above < len(sample):
                keep = s >= sample[-1 - above]
                if np.count_nonzero(keep) >= k:
                    matched, s = matched[keep], s[keep]
                    break
                above *= 8
        kth = np.partition(s, len(s) - k)[len(s) - k]
        above = matched[s > kth]
        matched = np.concatenate((above, matched[s == kth][:k - len(above)]))
    order = np.lexsort((matched, -scores[matched]))
    return matched[order], total


def facet_counts(snapshot: Snapshot, reader, docs: np.ndarray, fieldname: str) -> dict:
    """Value → number of ``docs`` with it, most frequent first, then by
    value (sorted by numpy: a corpus of thousands of reports has thousands
    of values, and sorting them as Python pairs was most of a facet's time)."""
    return facet_counts_of(snapshot, reader, docs, [fieldname])[fieldname]


def facet_counts_of(snapshot: Snapshot, reader, docs: np.ndarray, fieldnames) -> dict[str, dict]:
    """``facet_counts`` of several fields over the same documents, reading
    one code per document for all of them: a common word's facets read a
    code per document for each field, which was half its search's time. A
    field whose value every report gives all its passages (force, year,
    inspection) is counted from the counts of the documents' reports; the
    others (and the report) from one joint code (``Snapshot.joint``)."""
    of_report = {f: snapshot.value_of_report(reader, f) for f in fieldnames}
    own = [f for f in fieldnames if of_report[f] is None]
    if len(own) < len(fieldnames):
        own.append("report")
    counted = {}
    for group in _joint_groups(snapshot, reader, own):
        codes, shape = snapshot.joint(reader, group)
        together = np.bincount(codes[docs], minlength=math.prod(shape)).reshape(shape)
        for axis, f in enumerate(group):
            counted[f] = together.sum(axis=tuple(a for a in range(len(group)) if a != axis))[1:]  # 0: no value
    out = {}
    for fieldname in fieldnames:
        labels = snapshot.coded(reader, fieldname)[1]
        counts = counted.get(fieldname)
        if counts is None:
            value, per_report = of_report[fieldname], counted["report"]
            has = value >= 0
            counts = np.bincount(value[has], weights=per_report[has], minlength=len(labels)).astype(np.int64)
        names, rank = snapshot.label_order(fieldname, labels)
        present = np.flatnonzero(counts)
        order = present[np.lexsort((rank[present], -counts[present]))].tolist()
        out[fieldname] = dict(zip(map(names.__getitem__, order), counts[order].tolist()))
    return out


JOINT_BINS = 2**18  # at most this many combinations of values counted in one array


def _joint_groups(snapshot: Snapshot, reader, fieldnames: list) -> list[tuple]:
    """The fields in groups whose joint codes stay within JOINT_BINS (a
    corpus of tens of thousands of reports counts its reports alone)."""
    groups, current, size = [], [], 1
    for f in sorted(fieldnames, key=lambda f: len(snapshot.coded(reader, f)[1])):
        n = len(snapshot.coded(reader, f)[1]) + 1
        if current and size * n > JOINT_BINS:
            groups.append(tuple(current))
            current, size = [], 1
        current.append(f)
        size *= n
    return groups + ([tuple(current)] if current else [])


def kept_scores(parts: list, docs: np.ndarray) -> np.ndarray:
    """A term's score (boost 1) at each of ``docs`` from what ``score`` kept."""
    if not parts:
        return np.zeros(len(docs), dtype=np.float32)
    ids = np.concatenate([i for i, _ in parts])
    vals = np.concatenate([v for _, v in parts])
    at = np.minimum(np.searchsorted(ids, docs), len(ids) - 1)
    return np.where(ids[at] == docs, vals[at], 0).astype(np.float32)
