"""Meaning, not only words: static word embeddings (WordLlama's 256-dimension
model, whose weights ship inside its wheel, so nothing is downloaded) give
the similarity of a question and a sentence even when they share no word
("kids who run away" and "children who go missing"). Loaded once per
process, on first use (``warm`` loads it before a server forks).

A passage's vector is computed once, when it is indexed, and stored with it
(``encode``/``decode``: 256 half-precision numbers, 512 bytes): a question
then embeds only itself, not the thirty passages it re-ranks, and every
worker reads the same vectors instead of computing its own. A long passage
also stores the vectors of its parts (``_parts``), and is as close to a
question as its closest part: the mean of a page about organised crime is
far from "How does the force judge what its investigations achieved?",
while the sentence on its closing reports is near."""
from __future__ import annotations

import logging
import re
import threading
from itertools import accumulate
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from search_service.analysis import SENTENCE_END_RE

_model = None
_lock = threading.Lock()


def _load():
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                # wordllama calls logging.basicConfig() when imported, which
                # would reformat every log line of the process: undo it
                root = logging.getLogger()
                handlers, level = list(root.handlers), root.level
                import wordllama
                from wordllama import WordLlama

                root.handlers[:] = handlers
                root.setLevel(level)

                # the package's own folder holds the weights and tokenizer:
                # pointing the cache there means it never looks online
                _model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return _model


def warm() -> None:
    """Load the model and its piece table (before a server forks its workers)."""
    _table()


DIMENSIONS = 256  # the model's
VECTOR_DTYPE = np.float16  # cosine ranks are unchanged at this precision; half the bytes of float32
_cache: dict[tuple[str, int], np.ndarray] = {}
CACHE_MAX = 20_000  # recent passages without a stored vector, per worker: their vectors (1 KB, and their parts')


def _passage_text(p) -> str:
    """What a passage's vector is made from: its heading path and text."""
    return " ".join([*p.heading_path, p.text])[:2000]


# The model's tokenizer (Llama's BPE) has no pre-tokenizer: it runs over a
# whole text as one word, so its own cache never helps and a 2,000-character
# passage costs about half a millisecond. No token of its vocabulary has a
# letter before "▁" (the space), so no merge crosses the start of a word:
# splitting the text before each word (its leading spaces included) and
# tokenizing each piece once gives the same tokens, and a piece's summed token
# vectors can be remembered. The vector is then the same mean of token
# vectors that WordLlama's ``embed`` computes.
_PIECE_RE = re.compile("▁+[^▁]*")
PIECES_KEPT = 32_768  # remembered pieces per process, 1 KB each
EMBED_BATCH = 256  # texts whose piece counts are multiplied at once


def pieces_of(text: str) -> list[str]:
    """The text normalised as the model's tokenizer does (a space before it,
    every space as "▁"), split before each word: what is tokenized apart."""
    return _PIECE_RE.findall("▁" + text.replace(" ", "▁")) if text else []


class _Pieces:
    """The summed token vectors and token count of each piece seen, up to
    PIECES_KEPT of them (then forgotten and learned again)."""

    def __init__(self, model):
        threadpool_limits(1, user_api="blas")  # for the whole process: see pyproject.toml
        # the model's BPE (shared, not copied: a copy of the tokenizer takes
        # 150 ms), without its normaliser (pieces arrive normalised), padding
        # or special tokens (a report's literal "<s>" is three characters)
        self.tokenizer = Tokenizer(model.tokenizer.model)
        self.embedding = model.embedding
        self.rows: dict[str, int] = {}
        self.sums = np.empty((1024, self.embedding.shape[1]), dtype=np.float32)
        self.lengths = np.empty(1024, dtype=np.float32)

    def lookup(self, pieces: list[str]) -> np.ndarray:
        """Row of each piece in ``sums``/``lengths``, tokenizing the new ones."""
        rows = self.rows
        new = [p for p in dict.fromkeys(pieces) if p not in rows]
        if new and len(rows) + len(new) > PIECES_KEPT:
            rows.clear()
            new = list(dict.fromkeys(pieces))
        if len(rows) + len(new) > len(self.sums):
            size = max(len(rows) + len(new), 2 * len(self.sums))
            self.sums = np.resize(self.sums, (size, self.sums.shape[1]))
            self.lengths = np.resize(self.lengths, size)
        for piece, enc in zip(new, self.tokenizer.encode_batch(new, add_special_tokens=False) if new else ()):
            ids = np.clip(np.asarray(enc.ids, dtype=np.int64), 0, len(self.embedding) - 1)
            row = len(rows)
            self.sums[row] = self.embedding[ids].sum(axis=0, dtype=np.float32)
            self.lengths[row] = len(ids)
            rows[piece] = row
        return np.fromiter((rows[p] for p in pieces), dtype=np.int64, count=len(pieces))


_pieces: _Pieces | None = None


def _table() -> _Pieces:
    global _pieces
    if _pieces is None:
        model = _load()
        with _lock:
            if _pieces is None:
                _pieces = _Pieces(model)
    return _pieces


def _embed(texts: list[str]) -> np.ndarray:
    """Unit vectors (float32) of texts, the mean of their token vectors; a
    text with no token gets zeros."""
    table = _table()
    out = np.zeros((len(texts), table.embedding.shape[1]), dtype=np.float32)
    for start in range(0, len(texts), EMBED_BATCH):
        chunk = texts[start:start + EMBED_BATCH]
        with _lock:  # the piece table grows in place
            split = [pieces_of(t) for t in chunk]
            rows = table.lookup([p for pieces in split for p in pieces])
            if not len(rows):
                continue
            # how often each text has each distinct piece, times the pieces' sums
            distinct, column = np.unique(rows, return_inverse=True)
            text = np.repeat(np.arange(len(chunk)), [len(pieces) for pieces in split])
            counts = np.bincount(text * len(distinct) + column, minlength=len(chunk) * len(distinct))
            counts = counts.reshape(len(chunk), len(distinct)).astype(np.float32)
            lengths = counts @ table.lengths[distinct]
            out[start:start + len(chunk)] = (counts @ table.sums[distinct]) / np.maximum(lengths, 1)[:, None]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=out, where=norms > 0)


# A passage longer than this is also embedded in parts of about this length, cut where a sentence or line
# ends (a sentence or two each). On the eval questions (eval/log-issue11-forty-sixth-pass.md): tuning
# success@1 .876 -> .879, MRR .912 -> .916; validation .853 -> .859, .898 -> .904. Of parts of 150 to 700
# characters, 250 gained most on the tuning half; mixing the whole's and the best part's similarity, or the
# best part's alone, gained less. At 100,000 passages (make bench): question p50 22 -> 25 ms, p99 58 -> 63 ms
# (issue 5's 30 and 200 ms still met), index 852 -> 1,128 MB, build 189 -> 204 s, server memory 882 -> 961 MB.
PART_CHARS = 250


def _parts(p) -> list[str]:
    """The parts of a long passage, each with its heading path (what it is about); none for a short one, whose
    single part would be the passage itself."""
    text = p.text
    if len(text) <= PART_CHARS:
        return []
    ends = sorted({m.end() for m in SENTENCE_END_RE.finditer(text)} | {m.end() for m in re.finditer("\n", text)})
    parts, start, last = [], 0, 0
    for end in [*ends, len(text)]:
        if end - start > PART_CHARS and last > start:
            parts.append(text[start:last])
            start = last
        last = end
    parts.append(text[start:])
    parts = [t.strip() for t in parts if t.strip()]
    heading = " ".join(p.heading_path)
    return [f"{heading} {t}" if heading else t for t in parts] if len(parts) > 1 else []


def _vectors(passages) -> list[np.ndarray]:
    """Each passage's unit vectors (float32): its whole first, then its parts'."""
    texts, counts = [], []
    for p in passages:
        own = [_passage_text(p), *_parts(p)]
        texts += own
        counts.append(len(own))
    rows = _embed(texts)
    return np.split(rows, list(accumulate(counts))[:-1]) if passages else []


# A part's vector is stored in bytes, scaled to its largest component (258 bytes with its scale, against 512 in
# half precision): at 100,000 passages half precision cost 534 MB of index and took the server's memory past 1 GB.
PART_DTYPE, SCALE_DTYPE = np.int8, np.float16
PART_BYTES = DIMENSIONS + 2


def encode(passages) -> list[bytes]:
    """The stored form of each passage's vectors (at indexing, one batch per report): the whole passage's in half
    precision, then its parts' scales and their vectors in bytes."""
    out = []
    for v in _vectors(passages):
        data, parts = v[0].astype(VECTOR_DTYPE).tobytes(), v[1:]
        if len(parts):
            scales = np.abs(parts).max(axis=1) / 127
            scaled = np.divide(parts, scales[:, None], out=np.zeros_like(parts), where=scales[:, None] > 0)
            data += scales.astype(SCALE_DTYPE).tobytes() + np.round(scaled).astype(PART_DTYPE).tobytes()
        out.append(data)
    return out


def decode(data: bytes) -> np.ndarray:
    """The whole passage's vector of a stored form."""
    return np.frombuffer(data, dtype=VECTOR_DTYPE, count=DIMENSIONS).astype(np.float32)


def _decoded(stored: list[bytes]) -> list[np.ndarray]:
    """Every vector of each stored form, as unit vectors: the whole's, then its parts'. All forms are decoded
    together (one at a time, the three reports' passages a question re-ranks took 4 ms)."""
    if not stored:
        return []
    whole = 2 * DIMENSIONS
    counts = [(len(data) - whole) // PART_BYTES for data in stored]  # parts of each
    wholes = np.frombuffer(b"".join(data[:whole] for data in stored), dtype=VECTOR_DTYPE).reshape(-1, DIMENSIONS)
    scales = np.frombuffer(b"".join(data[whole:whole + 2 * n] for data, n in zip(stored, counts)), dtype=SCALE_DTYPE)
    parts = np.frombuffer(b"".join(data[whole + 2 * n:] for data, n in zip(stored, counts)), dtype=PART_DTYPE)
    parts = parts.reshape(-1, DIMENSIONS).astype(np.float32) * scales.astype(np.float32)[:, None]
    norms = np.linalg.norm(parts, axis=1, keepdims=True)
    np.divide(parts, norms, out=parts, where=norms > 0)
    firsts = np.cumsum([0, *(n + 1 for n in counts[:-1])])  # where each form's whole goes
    rows = np.empty((len(stored) + len(parts), DIMENSIONS), dtype=np.float32)
    rows[firsts] = wholes
    rest = np.ones(len(rows), dtype=bool)
    rest[firsts] = False
    rows[rest] = parts
    return np.split(rows, firsts[1:])


def _stored_or_computed(passages) -> list[np.ndarray]:
    """Each passage's vectors: the stored ones, or (a passage indexed before
    vectors were stored) computed and cached by id and text."""
    missing = [p for p in passages if not p.vector and (p.id, hash(p.text)) not in _cache]
    if missing:
        if len(_cache) + len(missing) > CACHE_MAX:
            _cache.clear()
        for p, v in zip(missing, _vectors(missing)):
            _cache[(p.id, hash(p.text))] = v
    stored = iter(_decoded([p.vector for p in passages if p.vector]))
    return [next(stored) if p.vector else _cache[(p.id, hash(p.text))] for p in passages]


def passage_vectors(passages) -> np.ndarray:
    """Unit vectors of whole passages, one row each (a part's is never decoded here)."""
    if not passages:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    _stored_or_computed([p for p in passages if not p.vector])  # computed and cached when not stored
    return np.stack([decode(p.vector) if p.vector else _cache[(p.id, hash(p.text))][0] for p in passages])


def closeness(query: str, passages) -> np.ndarray:
    """Each passage's cosine similarity to the query: its closest vector's, whole or part."""
    if not passages:
        return np.zeros(0, dtype=np.float32)
    rows = _stored_or_computed(passages)
    sims = np.concatenate(rows) @ _embed([query])[0]
    return np.maximum.reduceat(sims, [0, *accumulate(len(r) for r in rows[:-1])])


def fuse(query: str, passages, lexical_ranks: dict[str, int], k: int = 10) -> list[tuple[object, float]]:
    """(passage, fused score), best first: reciprocal rank fusion of each
    passage's lexical rank (BM25; absent: no lexical match) and its rank by
    meaning."""
    if not passages:
        return []
    sims = closeness(query, passages)
    order = np.argsort(-sims, kind="stable")
    by_meaning = {passages[i].id: r for r, i in enumerate(order, 1)}

    def score(p) -> float:
        lex = lexical_ranks.get(p.id)
        return (1 / (k + lex) if lex else 0.0) + 1 / (k + by_meaning[p.id])
    return sorted(((p, score(p)) for p in passages), key=lambda ps: ps[1], reverse=True)


def similarities(query: str, texts: list[str]) -> np.ndarray:
    """Cosine similarity of ``query`` with each text, in [-1, 1]."""
    if not texts:
        return np.zeros(0, dtype=np.float32)
    vectors = _embed([query, *texts])
    return vectors[1:] @ vectors[0]
