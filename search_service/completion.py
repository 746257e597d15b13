"""Type-ahead: completions of what is being typed, from the corpus itself.

Four sources, each with how much of the corpus it covers: the vocabulary
(word → passages, spelling.py's derived table), the headings (heading →
passages under it, derived at index time), the glossary's acronyms and long
forms, and the force names. All are kept in one list sorted by lower-cased
text, so the completions of a prefix are one binary search away; the most
used come first. A query of several words is completed as a whole (a
heading, a force, a long form) and by completing its last word.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

MAX_PREFIX = 100  # characters looked at
DEFAULT_LIMIT = 8
MAX_LIMIT = 20


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
        ordered = sorted(entries.items())
        self._keys = [k for (k, _), _ in ordered]
        self._items = [c for _, c in ordered]

    def _prefixed(self, prefix: str, kinds=None):
        lo = bisect_left(self._keys, prefix)
        hi = bisect_left(self._keys, prefix + "\uffff", lo)
        for i in range(lo, hi):
            if kinds is None or self._items[i].kind in kinds:
                yield self._items[i]

    def complete(self, q: str, limit: int = DEFAULT_LIMIT, known=None, follows=None) -> list[Completion]:
        """Up to ``limit`` completions of ``q``, most used first. ``known``:
        a test that a word still has live passages (the vocabulary keeps the
        words of removed reports until the next rebuild); ``follows(a, b)``:
        a test that word b follows word a somewhere in the reports, so the
        last word of "domestic ab" completes to "abuse", not "able"."""
        as_typed = re.sub(r"\s+", " ", (q or "")[:MAX_PREFIX].lstrip())
        typed = as_typed.lower()
        if not typed.strip():
            return []
        found = list(self._prefixed(typed.rstrip()))
        head, _, last = as_typed.rpartition(" ")
        if head and last:  # "domestic ab" → "domestic abuse"
            previous = head.rsplit(" ", 1)[-1]
            found += [Completion(f"{head} {c.text}", "term", c.count) for c in self._prefixed(last.lower(), ("term",))
                      if follows is None or follows(previous, c.text)]
        best = heapq.nlargest(limit * 3, found, key=lambda c: (c.count, -len(c.text)))
        out, seen = [], set()
        for c in best:
            if _key(c.text) == _key(typed) and c.kind == "term" or _key(c.text) in seen:
                continue
            if c.kind == "term" and known is not None and not known(c.text.rsplit(" ", 1)[-1]):
                continue
            seen.add(_key(c.text))
            out.append(c)
            if len(out) == limit:
                break
        return out
