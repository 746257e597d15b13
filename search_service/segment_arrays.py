"""Per-segment arrays on disk, memory-mapped by every process that reads.

The fast scorer (ranking.py) needs, for each Whoosh segment, every term's
postings as (local doc ids, weights), the documents' field lengths and the
codes of the filter fields. Computed inside each server process they cost
seconds at start and one private copy per worker. Written once, next to the
segment, by the process that writes the segment, and opened with
``numpy.memmap``, they cost nothing at start and all processes share one copy
through the page cache (two servers on one host included).

Segments are write-once, so these files never go stale. Their names do not
match Whoosh's segment pattern, so Whoosh neither packs them into compound
files nor deletes them; ``remove_unused`` does, once their segment is gone
from every commit kept for readers (``indexer.clean_files``).

A file is two parts: ``np-<segment>-<part>.bin`` (the arrays, 64-byte
aligned) and ``np-<segment>-<part>.json`` (their names, types, offsets and
any small data), written last, so a crash mid-write leaves a file that is
ignored (the arrays are then computed from the segment, as before).
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import numpy as np

PREFIX = "np-"
ALIGN = 64
FORMAT = 1


def term_key(btext: bytes) -> int:
    """A stable 64-bit key of a term (Python's own hash of bytes changes
    from process to process)."""
    return int.from_bytes(hashlib.blake2b(btext, digest_size=8).digest(), "little")


def _paths(folder: Path, segid: str, part: str) -> tuple[Path, Path]:
    base = Path(folder) / f"{PREFIX}{segid}-{part}"
    return base.with_suffix(".bin"), base.with_suffix(".json")


def write(folder, segid: str, part: str, arrays: dict[str, np.ndarray], extra: dict | None = None) -> None:
    """Write ``arrays`` (name → 1-d array) and ``extra`` (JSON) for one part
    of a segment; the manifest goes last and atomically."""
    data_path, manifest_path = _paths(folder, segid, part)
    entries, offset = {}, 0
    tmp = data_path.with_name(data_path.name + ".tmp")
    with open(tmp, "wb") as f:
        for name, arr in arrays.items():
            arr = np.ascontiguousarray(arr)
            pad = (-offset) % ALIGN
            f.write(b"\0" * pad)
            offset += pad
            f.write(arr.tobytes())
            entries[name] = {"dtype": arr.dtype.str, "offset": offset, "length": int(arr.shape[0])}
            offset += arr.nbytes
    os.replace(tmp, data_path)
    manifest = {"format": FORMAT, "arrays": entries, "extra": extra or {}}
    tmp = manifest_path.with_name(manifest_path.name + ".tmp")
    tmp.write_text(json.dumps(manifest), encoding="utf-8")
    os.replace(tmp, manifest_path)


def read(folder, segid: str, part: str) -> tuple[dict[str, np.ndarray], dict] | None:
    """The arrays (read-only memory maps) and extra data of one part, or
    None when the part is missing, incomplete or of another format."""
    data_path, manifest_path = _paths(folder, segid, part)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            return None
        size = data_path.stat().st_size
        # a plain array over the map (which it keeps open): slicing a
        # numpy.memmap runs Python code each time, thousands a query
        buf = np.asarray(np.memmap(data_path, dtype=np.uint8, mode="r")) if size else np.zeros(0, np.uint8)
    except (OSError, ValueError):
        return None
    out = {}
    for name, e in manifest["arrays"].items():
        dtype = np.dtype(e["dtype"])
        end = e["offset"] + e["length"] * dtype.itemsize
        if end > size:
            return None
        out[name] = buf[e["offset"]:end].view(dtype)
    return out, manifest["extra"]


def remove_unused(folder, live_segids) -> None:
    """Delete the files of segments that are no longer in the index (merged
    away). A process still mapping one keeps its pages (POSIX)."""
    live = set(live_segids)
    for p in Path(folder).glob(f"{PREFIX}*"):
        segid = p.name[len(PREFIX):].split("-", 1)[0]
        if segid not in live:
            try:
                p.unlink()
            except OSError:
                pass


class Postings:
    """One segment's postings of the fields written out, looked up by key."""

    def __init__(self, arrays: dict[str, np.ndarray], extra: dict):
        self._a = arrays
        self.fields = set(extra.get("fields", []))
        self._collided = {f: set(keys) for f, keys in extra.get("collided", {}).items()}

    def _range(self, fieldname: str, btext: bytes) -> tuple[int, int] | None:
        """Where the term's postings lie in the field's arrays (an empty
        range when the segment lacks it), or None when this file cannot say
        (field not written, or two terms with one key)."""
        if fieldname not in self.fields:
            return None
        key = term_key(btext)
        if key in self._collided.get(fieldname, ()):
            return None
        keys = self._a[f"{fieldname}.keys"]
        i = int(np.searchsorted(keys, np.uint64(key)))
        if i >= len(keys) or int(keys[i]) != key:
            return 0, 0
        return int(self._a[f"{fieldname}.starts"][i]), int(self._a[f"{fieldname}.stops"][i])

    def get(self, fieldname: str, btext: bytes):
        """(ids, weights) of the term, empty arrays when the segment lacks
        it, or None when this file cannot say."""
        got = self._range(fieldname, btext)
        if got is None:
            return None
        a, b = got
        return self._a[f"{fieldname}.ids"][a:b], self._a[f"{fieldname}.weights"][a:b]

    def positions(self, fieldname: str, btext: bytes, docs: list[int]) -> list[list[int]] | None:
        """The term's positions in each of ``docs`` (local numbers; [] where
        a document lacks it), or None when this file cannot say (positions
        not written, written before they were, or two terms with one key)."""
        ends = self._a.get(f"{fieldname}.positions.ends")
        got = None if ends is None else self._range(fieldname, btext)
        if got is None:
            return None
        a, b = got
        ids, at = self._a[f"{fieldname}.ids"][a:b], self._a[f"{fieldname}.positions"]
        out = []
        for d, i in zip(docs, np.searchsorted(ids, docs).tolist()):
            if i < len(ids) and ids[i] == d:
                p = a + i
                out.append(at[int(ends[p - 1]) if p else 0:int(ends[p])].tolist())
            else:
                out.append([])
        return out


def postings_arrays(fields: dict[str, tuple], positions: dict[str, tuple] | None = None
                    ) -> tuple[dict[str, np.ndarray], dict]:
    """Arrays and extra data of the postings part from what a writer saw:
    per field (term keys, term starts, doc ids, weights) in term order, and
    for the fields in ``positions`` (each posting's positions end to end,
    where each posting's end) the positions, two bytes each where they are
    all below 65,536. Terms are sorted by key for lookup; keys shared by two
    terms are left out (and listed, so lookups of them go to Whoosh)."""
    arrays, collided = {}, {}
    for fieldname, (at, ends) in (positions or {}).items():
        at = np.asarray(at, dtype=np.uint32)
        arrays[f"{fieldname}.positions"] = at.astype(np.uint16) if not len(at) or int(at.max()) < 2**16 else at
        arrays[f"{fieldname}.positions.ends"] = np.asarray(ends, dtype=np.uint32 if len(at) < 2**32 else np.uint64)
    for fieldname, (keys, starts, ids, weights) in fields.items():
        keys = np.asarray(keys, dtype=np.uint64)
        starts = np.asarray(starts, dtype=np.int64)
        stops = np.append(starts[1:], len(ids)).astype(np.int64)
        order = np.argsort(keys, kind="stable")
        keys, starts, stops = keys[order], starts[order], stops[order]
        dup = np.zeros(len(keys), dtype=bool)
        if len(keys) > 1:
            same = keys[1:] == keys[:-1]
            dup[1:] |= same
            dup[:-1] |= same
        if dup.any():
            collided[fieldname] = sorted({int(k) for k in keys[dup]})
            keys, starts, stops = keys[~dup], starts[~dup], stops[~dup]
        arrays.update({f"{fieldname}.keys": keys, f"{fieldname}.starts": starts, f"{fieldname}.stops": stops,
                       f"{fieldname}.ids": np.asarray(ids, dtype=np.int32),
                       f"{fieldname}.weights": np.asarray(weights, dtype=np.float32)})
    return arrays, {"fields": sorted(fields), "collided": collided}


class Cache:
    """Parts read once per process, by (folder, segment, part)."""

    def __init__(self):
        self._d: dict = {}
        self._lock = threading.Lock()

    def get(self, folder, segid: str, part: str):
        key = (str(folder), segid, part)
        try:
            return self._d[key]
        except KeyError:
            pass
        value = read(folder, segid, part)
        if value is not None and part == "postings":
            value = Postings(*value)
        with self._lock:
            self._d[key] = value
        return value

    def forget(self, live_segids) -> None:
        with self._lock:
            for key in [k for k in self._d if k[1] not in live_segids]:
                del self._d[key]
