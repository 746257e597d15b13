"""Meaning, not only words: static word embeddings (WordLlama's 256-dimension
model, whose weights ship inside its wheel, so nothing is downloaded) give
the similarity of a question and a sentence even when they share no word
("kids who run away" and "children who go missing"). Loaded once per
process, on first use (``warm`` loads it before a server forks).

A passage's vector is computed once, when it is indexed, and stored with it
(``encode``/``decode``: 256 half-precision numbers, 512 bytes): a question
then embeds only itself, not the thirty passages it re-ranks, and every
worker reads the same vectors instead of computing its own."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np

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
    _load()


VECTOR_DTYPE = np.float16  # cosine ranks are unchanged at this precision; half the bytes of float32
_cache: dict[tuple[str, int], np.ndarray] = {}
CACHE_MAX = 20_000  # vectors of 1 KB: recent passages without a stored vector, per worker


def _passage_text(p) -> str:
    """What a passage's vector is made from: its heading path and text."""
    return " ".join([*p.heading_path, p.text])[:2000]


def _embed(texts: list[str]) -> np.ndarray:
    """Unit vectors (float32) of texts; a text with no known word gets zeros, not NaN."""
    return np.nan_to_num(_load().embed(texts, norm=True).astype(np.float32), copy=False)


def encode(passages) -> list[bytes]:
    """The stored form of each passage's vector (at indexing, one batch per report)."""
    if not passages:
        return []
    return [v.tobytes() for v in _embed([_passage_text(p) for p in passages]).astype(VECTOR_DTYPE)]


def decode(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=VECTOR_DTYPE).astype(np.float32)


def passage_vectors(passages) -> np.ndarray:
    """Unit vectors of passages: the stored ones, or (a passage indexed
    before vectors were stored) computed and cached by id and text."""
    missing = [p for p in passages if not p.vector and (p.id, hash(p.text)) not in _cache]
    if missing:
        vectors = _embed([_passage_text(p) for p in missing])
        if len(_cache) + len(missing) > CACHE_MAX:
            _cache.clear()
        for p, v in zip(missing, vectors):
            _cache[(p.id, hash(p.text))] = v
    if not passages:
        return np.zeros((0, 256), dtype=np.float32)
    return np.stack([decode(p.vector) if p.vector else _cache[(p.id, hash(p.text))] for p in passages])


def fuse(query: str, passages, lexical_ranks: dict[str, int], k: int = 10) -> list[tuple[object, float]]:
    """(passage, fused score), best first: reciprocal rank fusion of each
    passage's lexical rank (BM25; absent: no lexical match) and its rank by
    meaning."""
    if not passages:
        return []
    q = _load().embed([query], norm=True)[0]
    sims = passage_vectors(passages) @ q
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
    model = _load()
    vectors = model.embed([query, *texts], norm=True)
    return (vectors[1:] @ vectors[0]).astype(np.float32)
