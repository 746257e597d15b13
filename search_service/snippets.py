"""Where a passage matches, and the window of it to show.

Plain text and character offsets only: the web layer turns a ``Snippet``
into HTML (``<mark>``), the CLI prints its text. Everything here is linear
in the passage's length, whatever the number of matches.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from search_service.analysis import term_spans

SNIPPET_CHARS = 260
ELLIPSIS = "…"


@dataclass
class Snippet:
    """A window of a passage's text: ``text`` (with "…" where it was cut)
    and ``marks``, the [start, end) offsets of the matches inside ``text``."""
    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)


def match_spans(text: str, stems: frozenset[str], split=None) -> list[list[int]]:
    """Character ranges of the words of ``text`` that match, longest first
    where they overlap (a compound and its parts); ``split``: its words
    and their offsets when known (analysis.split_words)."""
    spans = sorted(((a, b) for _, a, b in term_spans(text, stems, split)), key=lambda x: (x[0], -x[1]))
    out: list[list[int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            continue
        out.append([a, b])
    return out


def _best_start(text: str, spans: list[list[int]], size: int) -> int:
    """Start of the ``size``-character window holding the most distinct
    matched words (the first such window): one pass with two pointers,
    stopping at the first window that holds every distinct word."""
    words = [text[a:b].lower() for a, b in spans]
    ends = [b for _, b in spans]
    everything = len(set(words))
    seen: dict[str, int] = {}
    best, start, j, n = -1, 0, 0, len(spans)
    for i in range(n):
        a = spans[i][0]
        while j < n and ends[j] <= a + size:
            seen[words[j]] = seen.get(words[j], 0) + 1
            j += 1
        if len(seen) > best:
            best, start = len(seen), a
            if best == everything:
                break
        if j > i:
            left = seen[words[i]] - 1
            if left:
                seen[words[i]] = left
            else:
                del seen[words[i]]
        else:
            j = i + 1
    return start


def make_snippet(text: str, spans: list[list[int]], size: int = SNIPPET_CHARS) -> Snippet:
    """The window of about ``size`` characters with the most distinct
    matches, cut at word boundaries, with the matches inside it marked."""
    if len(text) <= size or not spans:
        start, end = 0, min(len(text), size)
    else:
        start = max(0, _best_start(text, spans, size) - size // 4)
        end = min(len(text), start + size)
        start = max(0, end - size)
    if start > 0:
        sp = text.find(" ", start, start + 30)
        start = sp + 1 if sp >= 0 else start
    if end < len(text):
        sp = text.rfind(" ", start + size // 2 + 1, end)
        end = sp if sp > 0 else end
    lead = ELLIPSIS if start > 0 else ""
    body = text[start:end].replace("\n", " ")
    marks = [(a - start + len(lead), b - start + len(lead)) for a, b in spans if a >= start and b <= end]
    return Snippet(lead + body + (ELLIPSIS if end < len(text) else ""), marks)
