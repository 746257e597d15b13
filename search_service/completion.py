"""Type-ahead: completions of what is being typed, from the corpus itself.

Four sources, each with how much of the corpus it covers: the vocabulary
(word → passages, spelling.py's derived table), the headings (heading →
passages under it, derived at index time), the glossary's acronyms and long
forms, and the force names. All are kept in one list sorted by lower-cased
text, so the completions of a prefix are one binary search away, and come
out most used first from a table of range maxima (a few microseconds each,
even for a prefix thousands of entries share). A query of several words is
completed as a whole (a heading, a force, a long form) and by completing
its last word.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import islice

import numpy as np

from search_service.analysis import stem, terms

MAX_PREFIX = 100  # characters looked at
DEFAULT_LIMIT = 8
MAX_LIMIT = 20
MAX_CHECKED = 60  # candidates tested (live, following the word before) per stream: the most used come first
FORMS = 2  # words offered for one stem after the word before ("neighbourhood police", "… policing")


def headings(heading_paths) -> dict[str, int]:
    """Heading → number of passages under it (any level), from the passages'
    heading paths."""
    counts: Counter = Counter()
    for path in heading_paths:
        counts.update({" ".join(h.split()) for h in path if h and h.strip()})
    return dict(sorted(counts.items()))


@dataclass(frozen=True)
class Completion:
    text: str  # what goes into the search box
    kind: str  # term, heading, acronym, long_form, force
    count: int  # passages using it (acronyms: their own and their long form's)
    label: str = ""  # how to show it, when not just the text ("OCG – organised crime group")

    def to_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind, "count": self.count, "label": self.label or self.text}


def _key(text: str) -> str:
    return " ".join(text.lower().split())


class _ByPrefix:
    """Entries sorted by key; those under a prefix come out most used first,
    lazily: a sparse table of range maxima over the counts gives each next
    one in O(log n), however many entries share the prefix ("how effective
    is the force …" starts thousands of headings)."""

    def __init__(self, entries: list[tuple[str, Completion]]):
        # a term last among equals: "OCG" the acronym before "ocg" the word
        entries = sorted(entries, key=lambda e: (e[0], e[1].kind == "term"))
        self.keys = [k for k, _ in entries]
        self.items = [c for _, c in entries]
        self.counts = np.array([c.count for c in self.items], dtype=np.int64)
        n = len(self.items)
        self.table = [np.arange(n, dtype=np.int32)]  # table[j][i]: argmax of counts[i : i + 2**j]
        j = 1
        while (1 << j) <= n:
            prev, half, width = self.table[-1], 1 << (j - 1), n - (1 << j) + 1
            a, b = prev[:width], prev[half:half + width]
            self.table.append(np.where(self.counts[a] >= self.counts[b], a, b).astype(np.int32))
            j += 1

    def _best(self, lo: int, hi: int) -> int:
        j = (hi - lo).bit_length() - 1
        a, b = int(self.table[j][lo]), int(self.table[j][hi - (1 << j)])
        return a if self.counts[a] >= self.counts[b] else b

    def most_used(self, prefix: str):
        lo = bisect_left(self.keys, prefix)
        hi = bisect_left(self.keys, prefix + "\uffff", lo)
        heap = []
        if lo < hi:
            i = self._best(lo, hi)
            heap.append((-int(self.counts[i]), i, lo, hi))
        while heap:
            _, i, lo, hi = heapq.heappop(heap)
            yield self.items[i]
            for a, b in ((lo, i), (i + 1, hi)):
                if a < b:
                    k = self._best(a, b)
                    heapq.heappush(heap, (-int(self.counts[k]), k, a, b))


class Completer:
    """Completions by prefix over the corpus's words, headings, acronyms and
    forces (each with its passage count)."""

    def __init__(self, words: dict[str, int], heading_counts: dict[str, int], glossary: dict[str, str],
                 forces: dict[str, int]):
        entries: dict[tuple[str, str], Completion] = {}

        def add(c: Completion) -> None:
            key = (_key(c.text), c.kind)
            if key not in entries or entries[key].count < c.count:
                entries[key] = c

        for w, n in words.items():
            add(Completion(w, "term", n))
        for h, n in heading_counts.items():
            add(Completion(h, "heading", n))
        for f, n in forces.items():
            add(Completion(f, "force", n))
        for acronym, long in glossary.items():
            uses = max(words.get(acronym.lower(), 0), 1)  # passages using the acronym
            add(Completion(acronym, "acronym", uses, f"{acronym} – {long}"))
            add(Completion(long, "long_form", uses, f"{long} ({acronym})"))
        self._all = _ByPrefix([(k, c) for (k, _), c in entries.items()])
        self._words = _ByPrefix([(k, c) for (k, kind), c in entries.items() if kind == "term"])
        self._by_stem: dict[str, list[tuple[int, str]]] = {}  # stem → (passages, word), most used first
        for w, n in words.items():
            self._by_stem.setdefault(stem(w), []).append((n, w))
        for forms in self._by_stem.values():
            forms.sort(key=lambda f: (-f[0], f[1]))

    def _next_words(self, head: str, last: str, followers) -> list[Completion]:
        """"domestic ab" → "domestic abuse": words starting with ``last``
        whose stem follows the word before it in the reports, most often first
        (``followers(word, start)``: (stem, passages) of the terms that follow
        ``word`` and start like ``start``)."""
        out = []
        for following, n in followers(head.rsplit(" ", 1)[-1], last)[:MAX_CHECKED]:
            forms = [w for _, w in self._by_stem.get(following, ()) if w.startswith(last)]
            out += [Completion(f"{head} {w}", "term", n) for w in forms[:FORMS]]  # "police", "policing"
        return sorted(out, key=lambda c: -c.count)

    def complete(self, q: str, limit: int = DEFAULT_LIMIT, known=None, followers=None) -> list[Completion]:
        """Up to ``limit`` completions of ``q``, most used first. ``known``:
        a test that a word still has live passages (the vocabulary keeps the
        words of removed reports until the next rebuild); ``followers``: see
        ``_next_words`` (without it, the last word is completed alone)."""
        as_typed = re.sub(r"\s+", " ", (q or "")[:MAX_PREFIX].lstrip())
        typed = as_typed.lower()
        if not typed.strip():
            return []
        streams = [self._all.most_used(typed.rstrip())]
        head, _, last = as_typed.rpartition(" ")
        if head and last:  # "domestic ab" → "domestic abuse"
            if followers is not None and terms(head.rsplit(" ", 1)[-1]):
                streams.append(self._next_words(head, last.lower(), followers))
            else:  # no context to go by (a stop word before it): the word alone
                streams.append(Completion(f"{head} {c.text}", "term", c.count)
                               for c in islice(self._words.most_used(last.lower()), MAX_CHECKED))
        out, seen = [], set()
        for c in islice(heapq.merge(*streams, key=lambda c: -c.count), MAX_CHECKED * len(streams)):
            key = _key(c.text)
            if key in seen or (key == _key(typed) and c.kind == "term"):
                continue
            if c.kind == "term" and known is not None and not known(c.text.rsplit(" ", 1)[-1]):
                continue
            seen.add(key)
            out.append(c)
            if len(out) == limit:
                break
        return out
