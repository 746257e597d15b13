"""The postings of a segment being written, held as arrays rather than tuples.

Whoosh 2.7.4's writer keeps every posting of a new segment as a Python tuple
(field, term, doc, weight, value bytes) in a list, about 220 bytes each,
sorts the whole list when it commits, and beyond its memory limit pickles
sorted runs to disk one tuple at a time and merges them back: at 100,000
passages a writer process holds some 20 million postings, spills several
runs and spends much of the build sorting, pickling and unpickling them.

``ArrayPool`` stands in for Whoosh's ``PostingPool``: each posting is a term
number, a document number, a weight and its value bytes appended to arrays
(about 30 bytes), and the commit sorts the distinct terms once and orders
the postings with one numpy sort. It yields exactly the stream Whoosh's pool
yields (sorted by field, term, document), so the segment written is the
same, byte for byte (tests/test_index_writer.py). Beyond its memory limit
it writes a run in Whoosh's own format and lets Whoosh merge the runs, so a
build of any size completes.
"""
from __future__ import annotations

from array import array

import numpy as np
from whoosh import writing

WHOOSH_POOL = getattr(writing.PostingPool, "whoosh", writing.PostingPool)
CHUNK = 1 << 20  # postings turned back into tuples at a time
TERM_BYTES = 120  # a distinct term's keep beyond its text: dict entry, key tuple, bytes object


class ArrayPool:
    """Whoosh's ``PostingPool`` interface (add, iter_postings, fieldnames,
    save, runs, reduce_to, cleanup) over arrays."""

    def __init__(self, tempstore, segment, limitmb=128, **kwargs):
        self.limit = limitmb * 2**20
        self.fieldnames: set[str] = set()
        self._spill = WHOOSH_POOL(tempstore, segment, limitmb=limitmb, **kwargs)
        self._ids: dict[str, dict[bytes, int]] = {}  # field → term → its number
        self._keys: list[tuple[str, bytes]] = []  # term number → (field, term)
        self._term, self._doc = array("I"), array("i")
        self._weight, self._end = array("d"), array("Q")
        self._values = bytearray()
        self._term_bytes = 0
        self.add = self._adder()

    def _adder(self):
        """``add``: one posting (field, term bytes, doc, weight, value
        bytes). A closure over the arrays, not a method: it runs once per
        posting. The arrays are emptied in place by ``save``, never replaced
        (Whoosh's writer keeps hold of ``add``)."""
        ids, keys, names, values, terms, limit = (self._ids, self._keys, self.fieldnames, self._values,
                                                  self._term, self.limit)
        term, doc, weight, end = (a.append for a in (self._term, self._doc, self._weight, self._end))
        extend = values.extend

        def add(item) -> None:
            fieldname, tbytes, docnum, w, vbytes = item
            try:
                tid = ids[fieldname][tbytes]
            except KeyError:
                tid = ids.setdefault(fieldname, {})[tbytes] = len(keys)
                keys.append((fieldname, tbytes))
                names.add(fieldname)
                self._term_bytes += TERM_BYTES + len(tbytes)
            term(tid)
            doc(docnum)
            weight(w)
            if vbytes:
                extend(vbytes)
            end(len(values))
            if not len(terms) & 0xFFF and self.size() > limit:  # looked at every 4,096 postings
                self.save()

        return add

    def size(self) -> int:
        """Bytes held, roughly (arrays, values and each term's keep)."""
        return 24 * len(self._term) + len(self._values) + self._term_bytes

    def _clear(self) -> None:
        self._ids.clear()
        self._keys.clear()
        for a in (self._term, self._doc, self._weight, self._end, self._values):
            del a[:]
        self._term_bytes = 0

    def _sorted(self):
        """The postings held, as Whoosh's tuples, sorted as Whoosh sorts them
        (documents of a term in order; stable for equal ones)."""
        if not self._keys:
            return
        keys = self._keys
        rank = np.empty(len(keys), dtype=np.int64)
        rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
        terms = np.frombuffer(self._term, dtype=np.uint32)
        docs = np.frombuffer(self._doc, dtype=np.int32)
        weights = np.frombuffer(self._weight, dtype=np.float64)
        ends = np.frombuffer(self._end, dtype=np.uint64)
        starts = np.concatenate([np.zeros(1, np.uint64), ends[:-1]])
        order = np.lexsort((docs, rank[terms]))
        values = memoryview(self._values)
        for at in range(0, len(order), CHUNK):
            idx = order[at:at + CHUNK]
            for tid, doc, weight, a, b in zip(terms[idx].tolist(), docs[idx].tolist(), weights[idx].tolist(),
                                              starts[idx].tolist(), ends[idx].tolist()):
                fieldname, tbytes = keys[tid]
                yield fieldname, tbytes, doc, weight, bytes(values[a:b])
        del terms, docs, weights, ends  # views of the arrays: let them be emptied (save)
        values.release()

    def save(self) -> None:
        """Write what is held as a sorted run in Whoosh's format and start
        again (Whoosh merges the runs at the end)."""
        if not self._keys:
            return
        path, f = self._spill._new_run()
        self._spill._write_run(f, self._sorted())
        self._spill._add_run(path)
        self._clear()

    def iter_postings(self):
        if not self._spill.runs:
            return self._sorted()
        self.save()
        return self._spill.items()

    @property
    def runs(self) -> list:
        return self._spill.runs

    def reduce_to(self, target: int, k: int) -> None:
        self._spill.reduce_to(target, k)

    def _read_run(self, path):
        return self._spill._read_run(path)

    def cleanup(self) -> None:
        self._spill.cleanup()


def install() -> None:
    """Every Whoosh segment writer made from now on holds its postings in
    an ``ArrayPool`` (``SegmentWriter`` looks ``PostingPool`` up in its
    module when it starts)."""
    writing.PostingPool = ArrayPool


ArrayPool.whoosh = WHOOSH_POOL
