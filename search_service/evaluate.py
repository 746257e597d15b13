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


def _json_lines(path: str | Path):
    """(line number, value) of each non-blank line of a JSON lines file."""
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{lineno}: not valid JSON: {e.msg}") from None


def load_questions(path: str | Path) -> list[dict]:
    """Read a JSONL file of questions; blank lines are skipped."""
    questions = []
    for lineno, q in _json_lines(path):
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


# ------------------------------------------------------------------ did-you-mean

SPLITS = ("tune", "validation")


def load_spelling(path: str | Path) -> list[dict]:
    """Read a JSONL file of spelling cases: ``{"query", "expect", "type",
    "split"}``, ``expect`` the corrected query or null when the query must
    be left alone; blank lines are skipped."""
    rows = []
    for lineno, row in _json_lines(path):
        if not isinstance(row, dict) or not isinstance(row.get("query"), str) \
                or not isinstance(row.get("expect"), (str, type(None))):
            raise ValueError(f'{path}:{lineno}: expected an object with a "query" string and an '
                             f'"expect" string or null')
        row.setdefault("type", "")
        row.setdefault("split", "")
        rows.append(row)
    return rows


def _spelling_figures(rows: list[dict]) -> dict:
    """Precision: share of the suggestions made that are the expected
    correction; recall: share of the misspellings given it."""
    made = [r for r in rows if r["got"] is not None]
    misspelt = [r for r in rows if r["expect"] is not None]
    right = [r for r in misspelt if r["ok"]]
    return {"cases": len(rows), "misspelt": len(misspelt), "correct_words": len(rows) - len(misspelt),
            "suggestions": len(made), "right": len(right),
            "precision": len(right) / len(made) if made else "n/a",
            "recall": len(right) / len(misspelt) if misspelt else "n/a"}


def evaluate_spelling(store, cases: list[dict]) -> dict:
    """Search every case's query as a user would and compare the
    did-you-mean (``suggestion``, which is also what corrected results are
    shown for) with ``expect``, ignoring case. Figures for each split
    (tune, validation) and for all cases; one row per case."""
    rows = []
    for case in cases:
        try:
            got = search_mod.search(store, case["query"]).suggestion
        except QueryError:
            got = None
        expect = case["expect"]
        ok = got is None if expect is None else (got or "").lower() == expect.lower()
        rows.append({"query": case["query"], "expect": expect, "got": got, "ok": ok,
                     "type": case["type"], "split": case["split"]})
    out = {"all": _spelling_figures(rows)}
    for split in SPLITS:
        chosen = [r for r in rows if r["split"] == split]
        if chosen:
            out[split] = _spelling_figures(chosen)
    out["by_type"] = {t: {"cases": len(rs), "ok": sum(r["ok"] for r in rs)}
                      for t in sorted({r["type"] for r in rows}) for rs in [[r for r in rows if r["type"] == t]]}
    out["rows"] = rows
    return out


def format_spelling_report(result: dict) -> str:
    """The cases got wrong, the share right per type, then precision and
    recall per split."""
    lines = [f"{'split':<10} {'type':<14} {'query':<34} {'expected':<28} got"]
    for r in result["rows"]:
        if not r["ok"]:
            lines.append(f"{r['split']:<10} {r['type']:<14} {_clip(r['query'], 34):<34} "
                         f"{_clip(str(r['expect']), 28):<28} {r['got']}")
    if len(lines) == 1:
        lines.append("(every case right)")
    lines.append("")
    lines.append("right per type: " + ", ".join(f"{t} {v['ok']}/{v['cases']}" for t, v in result["by_type"].items()))
    for split in (*SPLITS, "all"):
        if split not in result:
            continue
        f = result[split]
        lines.append(f"{split:<10} precision {_figure(f['precision'])} ({f['right']}/{f['suggestions']} suggestions "
                     f"right)  recall {_figure(f['recall'])} ({f['right']}/{f['misspelt']} misspellings)  "
                     f"{f['correct_words']} correct words")
    return "\n".join(lines)
