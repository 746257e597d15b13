"""Did-you-mean vocabulary: the corpus's own words with how many passages
use them, kept as derived data next to the index.

Whoosh's ``spelling=True`` would index every passage a second time, unstemmed,
to feed its corrector: a quarter of a large build. The vocabulary is a
word → passage-count table instead, learned in one regex pass, and Whoosh's
Levenshtein automata search it (ListCorrector over the sorted words).
"""
from __future__ import annotations

import re
import time
from collections import Counter

from whoosh.spelling import ListCorrector

from search_service import budget
from search_service.analysis import ANALYZER, STOP_WORDS
from search_service.ranking import live_doc_frequency

_WORD_RE = re.compile(r"[A-Za-z]{3,}")
# Bounds on did-you-mean's cost: a Levenshtein automaton is built per word,
# and its cost grows with the word's length (a 1,000-letter word took 5-7 s)
# and the vocabulary's size. Words beyond these bounds are left as typed.
MAX_WORD = 20  # letters ("internationalisation"; the reports' longest words are about 20)
MAX_LOOKUPS = 5  # unknown words looked up per query
SPELL_SECONDS = 0.15  # of lookups per query: the suggestion is a courtesy, never the cost of a search


def vocabulary(texts) -> dict[str, int]:
    """Lower-case words of three letters or more (stop words aside) → the
    number of texts using them."""
    counts: Counter = Counter()
    for text in texts:
        counts.update({w.lower() for w in _WORD_RE.findall(text)} - STOP_WORDS)
    return dict(sorted(counts.items()))


def merge(old: dict[str, int], new: dict[str, int]) -> dict[str, int]:
    out = dict(old)
    for word, n in new.items():
        out[word] = out.get(word, 0) + n
    return dict(sorted(out.items()))


class Speller:
    """Closest known words, the most used first among equally close ones."""

    def __init__(self, counts: dict[str, int]):
        self.counts = counts
        self._corrector = ListCorrector(sorted(counts))

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        if not self.counts or len(word) > MAX_WORD:
            return []
        maxdist = 1 if len(word) <= 4 else 2
        for dist in range(1, maxdist + 1):
            found = [w for _, w in self._corrector._suggestions(word, dist, 0) if w != word]
            if found:
                return sorted(found, key=lambda w: (-self.counts.get(w, 0), w))[:limit]
        return []


def _known(reader, word: str) -> bool:
    """Every stem of ``word`` is in a live (not deleted) passage."""
    return all(live_doc_frequency(reader, "text", s) or live_doc_frequency(reader, "heading", s)
               for s in (t.text for t in ANALYZER(word, mode="query")))


def suggest(searcher, q: str, speller: Speller) -> str | None:
    """Did-you-mean: replace words the index does not know by the closest
    words it does know (``speller``: the corpus vocabulary). At most
    MAX_LOOKUPS words of up to MAX_WORD letters are looked up, for at most
    SPELL_SECONDS; the others are left as typed."""
    reader = searcher.reader()
    changed, out = False, []
    lookups = 0
    deadline = time.monotonic() + SPELL_SECONDS
    for chunk in re.split(r"(\s+)", q):
        if ":" in chunk or chunk in ("AND", "OR", "NOT"):  # field clauses and operators stay as typed
            out.append(chunk)
            continue
        for token in re.split(r"(\W+)", chunk):
            word = token.lower()
            is_name = token[:1].isupper() and out and not token.isupper()  # "Kent" is not a typo of "kept"
            if not re.fullmatch(r"[a-z]{3,%d}" % MAX_WORD, word) or word in STOP_WORDS or is_name \
                    or lookups >= MAX_LOOKUPS or time.monotonic() > deadline:
                out.append(token)
                continue
            budget.check()
            if _known(reader, word):
                out.append(token)
                continue
            lookups += 1
            # the vocabulary still holds words of deleted reports
            options = [o for o in speller.suggest(word, limit=5) if _known(reader, o)]
            if options and options[0] != word:
                out.append(options[0])
                changed = True
            else:
                out.append(token)
    return "".join(out) if changed else None
