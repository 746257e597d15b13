"""Retrieval and answer quality against a file of questions with known evidence.

A question is one JSON object per line::

    {"id": "d01", "q": "...", "evidence": ["phrase", ...], "answer": "Good"}

A returned passage is a *hit* when its text contains one of the evidence
phrases, compared case-, quote-, dash- and whitespace-insensitively
(:func:`normalise`). From the rank of the first hit per question we report
success@1/3/5/10 (share of questions with a hit in the top k) and MRR@10 (mean
of 1/rank, 0 when there is no hit in the top 10). When an answering module
Answer accuracy is the share of questions whose answer text contains the
expected ``answer``, and abstention the share of unanswerable questions
(neither ``evidence`` nor ``answer``) left without an answer.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from search_service import answer as answer_mod
from search_service import search as search_mod
from search_service.rules import QueryError

CUTOFFS = (1, 3, 5, 10)

# Every quote-like character becomes a plain apostrophe, so that ’ “ " ' ` all
# compare equal; every dash-like character becomes a hyphen-minus.
_QUOTES = "'\"‘’‚‛“”„′″`´"
_DASHES = "–—‑‒−‐"
_TRANSLATE = str.maketrans({**{c: "'" for c in _QUOTES}, **{c: "-" for c in _DASHES}, "\u00ad": None})
_SPACE = re.compile(r"\s+")


def load_questions(path: str | Path) -> list[dict]:
    """Read a JSONL file of questions; blank lines are skipped."""
    questions = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{lineno}: not valid JSON: {e.msg}") from None
            if not isinstance(q, dict) or not isinstance(q.get("q"), str):
                raise ValueError(f'{path}:{lineno}: expected an object with a "q" string')
            q.setdefault("id", str(lineno))
            q.setdefault("evidence", [])
            questions.append(q)
    return questions


def normalise(text: str) -> str:
    """Lowercase, unify quotes and dashes, drop soft hyphens, collapse whitespace."""
    return _SPACE.sub(" ", text.lower().translate(_TRANSLATE)).strip()


def is_hit(passage_text: str, evidence_phrases: list[str]) -> bool:
    """True when the passage contains any of the evidence phrases (normalised)."""
    text = normalise(passage_text)
    return any(p and normalise(p) in text for p in evidence_phrases)


def metrics(ranks: list[int | None]) -> dict[str, float]:
    """success@k and MRR@10 from the 1-based rank of each question's first hit."""
    n = len(ranks) or 1
    out = {f"success@{k}": sum(1 for r in ranks if r is not None and r <= k) / n for k in CUTOFFS}
    out["MRR@10"] = sum(1 / r for r in ranks if r is not None and r <= 10) / n
    return out


def evaluate(store, questions: list[dict], k: int = 10) -> dict:
    """Run every question through search and answering.

    Retrieval metrics cover the questions with ``evidence``; answer accuracy
    those with an expected ``answer``. Questions with neither are unanswerable
    from the reports: for them ``abstention`` is the share given no answer.
    A figure with no question to judge reads "n/a".

    ``rows`` has one dict per question: ``id``, ``q``, ``rank`` of the first
    hit (None if none in the top ``k`` or no evidence), ``answer`` text,
    ``expected`` and ``correct`` (None when not judged).
    """
    rows, ranks = [], []
    for q in questions:
        row = {"id": q["id"], "q": q["q"], "rank": None, "answer": None,
               "expected": q.get("answer"), "correct": None}
        try:
            result = search_mod.search(store, q["q"], per_page=k)
        except QueryError as e:
            row["error"] = e.message
        else:
            row["rank"] = next((i for i, h in enumerate(result.hits, 1)
                                if is_hit(h.passage.text, q["evidence"])), None)
        if q["evidence"]:
            ranks.append(row["rank"])
        try:
            ans, _ = answer_mod.ask(store, q["q"])
        except QueryError:
            ans = None
        row["answer"] = ans.text if ans else None
        if q.get("answer"):
            row["correct"] = ans is not None and normalise(q["answer"]) in normalise(ans.text)
        elif not q["evidence"]:
            row["correct"] = ans is None
        rows.append(row)

    def share(judged: list[dict]):
        return sum(r["correct"] for r in judged) / len(judged) if judged else "n/a"

    answerable = [r for q, r in zip(questions, rows) if q.get("answer")]
    unanswerable = [r for q, r in zip(questions, rows) if not q.get("answer") and not q["evidence"]]
    return {"questions": len(questions), "with_evidence": len(ranks), **metrics(ranks),
            "answer_accuracy": share(answerable), "unanswerable": len(unanswerable),
            "abstention": share(unanswerable), "rows": rows}


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def format_report(result: dict) -> str:
    """The per-question table followed by one summary line per metric."""
    lines = [f"{'id':<8} {'rank':>4}  {'question':<40}  {'ok':<3} answer"]
    for row in result["rows"]:
        rank = row["rank"] if row["rank"] is not None else "-"
        ok = {True: "yes", False: "no", None: "-"}[row["correct"]]
        answer = row["answer"] if row["answer"] is not None else "-"
        lines.append(f"{row['id']:<8} {rank:>4}  {_clip(row['q'], 40):<40}  {ok:<3} {_clip(answer, 60)}")
    lines.append("")
    lines.append(f"questions: {result['questions']}")
    if result["with_evidence"]:
        for key in [f"success@{k}" for k in CUTOFFS] + ["MRR@10"]:
            lines.append(f"{key}: {result[key]:.3f}")
    lines.append(f"answer accuracy: {_figure(result['answer_accuracy'])}")
    if result["unanswerable"]:
        lines.append(f"abstention (unanswerable questions): {_figure(result['abstention'])}")
    return "\n".join(lines)


def _figure(value) -> str:
    return value if isinstance(value, str) else f"{value:.3f}"
