"""Words the reports write both closed and open: "cybercrime" and "cyber
crime", "frontline" and "front line", "healthcare" and "health care".

A hyphenated word is already indexed both ways (``analysis``: "anti-social"
gives anti, social and antisocial); a closed word and its open form are not,
so a query in one form missed passages in the other ("Which reports talk
about cybercrime?" missed a report that says "cyber crime"). The other form
is looked up in the corpus's own vocabulary (``spelling.vocabulary``: words
and the passages using them) and, for an open form, in the ``pairs`` field
(the two words side by side somewhere), so only forms the reports use are
tried. Pure functions; the caller gives the lookups.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

MIN_PART = 3  # letters of each part: "co ordinate", "re offend" are prefixes, not words
_WORD_RE = re.compile(r"(?<![\w'’-])[A-Za-z]{3,}(?![\w'’-])")  # a plain word (not part of a hyphenated one)


def forms(query: str, known: Mapping[str, int], side_by_side: Callable[[str, str], bool]) -> tuple[tuple[str, str], ...]:
    """(as the query writes it, the other form) for each closed word of
    ``query`` that the reports also write as two words (both known, used
    side by side), and each two neighbouring words they also write as one.
    ``known``: word (lower case) → passages using it; ``side_by_side(a, b)``:
    do the reports print "a b"?"""
    out: list[tuple[str, str]] = []
    words = list(_WORD_RE.finditer(query))
    for m in words:
        word = m.group(0).lower()
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            a, b = word[:i], word[i:]
            if known.get(a) and known.get(b) and side_by_side(a, b):
                out.append((m.group(0), f"{a} {b}"))
                break
    for m, n in zip(words, words[1:]):
        if query[m.end():n.start()] == " " and known.get((m.group(0) + n.group(0)).lower()):
            out.append((f"{m.group(0)} {n.group(0)}", (m.group(0) + n.group(0)).lower()))
    return tuple(dict.fromkeys(out))


def expansions(found: tuple[tuple[str, str], ...]) -> list[dict]:
    """The forms as query expansions (``query.parse``), shaped as the glossary's: a closed word typed is also
    searched as its two words (direction "acronym": the typed word's unit gets the phrase as an alternative),
    two words typed also as the closed word (direction "long_form": their units merge, the word an alternative)."""
    out = []
    for typed, other in found:
        if " " in typed:
            out.append({"term": typed, "acronym": other, "expansion": other, "direction": "long_form",
                        "kind": "compound"})
        else:
            out.append({"term": typed, "acronym": typed, "expansion": other, "direction": "acronym",
                        "kind": "compound"})
    return out
