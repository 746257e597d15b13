"""Retrieval and answer quality against questions with known evidence.

A question is one JSON object per line::

    {"id": "q01", "q": "...", "kind": "number", "evidence": ["phrase", ...],
     "answer": "68" | ["item", ...] | null, "split": "tune" | "validation", "complete": true (optional)}

A returned passage is a *hit* when its text contains one of the evidence
phrases, compared case-, quote-, dash- and whitespace-insensitively
(:func:`normalise`). From the rank of the first hit we report
success@1/3/5/10 and MRR@10. An answer is *right* when its text (with its
items, for list answers) contains the expected answer (every item of a
list) and, when the key is ``"complete": true`` (it names every organisation
or report a "which reports/forces …?" question asks for), each of its items
names one of them; *wrong* when it is given but not right, or given to a question the
reports cannot answer (``kind`` "unanswerable", or neither evidence nor
answer); *missing* when no answer is given where one was expected. Wrong
answers are the failure that matters most, so they are counted apart, and
the calibration table shows how often answers at each confidence are right.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from search_service import answer as answer_mod
from search_service import search as search_mod
from search_service.rules import QueryError

CUTOFFS = (1, 3, 5, 10)
BUCKETS = ((0.9, 1.01), (0.8, 0.9), (0.6, 0.8), (0.0, 0.6))

# Every quote-like character becomes a plain apostrophe, so that ’ “ " ' ` all
# compare equal; every dash-like character becomes a hyphen-minus.
_QUOTES = "'\"‘’‚‛“”„′″`´"
_DASHES = "–—‑‒−‐"
_TRANSLATE = str.maketrans({**{c: "'" for c in _QUOTES}, **{c: "-" for c in _DASHES}, "\u00ad": None})
_SPACE = re.compile(r"\s+")
_PERCENT = re.compile(r"(?<=\d)\s*%|\bper cent\b")  # "64%", "64 per cent" and "64 percent" are one figure


def _percent(text: str) -> str:
    return _PERCENT.sub(" percent", text)


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


def distinct(questions: list[dict]) -> tuple[list[dict], list[dict]]:
    """The questions with each wording kept once, where it first appears,
    and the repeats left out. Sets written months apart from the same
    reports ask some things word for word ("When did Tollbridge's Crime
    Recording Centre open?"); counted twice, a question weighs double, and
    a repeat split into the other half lets a rule tuned on one copy be
    "validated" on the other."""
    seen: set[str] = set()
    kept, repeats = [], []
    for q in questions:
        key = " ".join(re.findall(r"\w+", normalise(q["q"])))
        (repeats if key in seen else kept).append(q)
        seen.add(key)
    return kept, repeats


def normalise(text: str) -> str:
    """Lowercase, unify quotes and dashes, drop soft hyphens, write a percentage one way, collapse whitespace."""
    return _SPACE.sub(" ", _percent(text.lower().translate(_TRANSLATE))).strip()


def _holds(shown: str, wanted: str) -> bool:
    """Is the key in the answer, a figure as a whole figure ("20" is not in "2023–25" nor in "1,200")?"""
    if not (wanted[:1].isdigit() or wanted[-1:].isdigit()):
        return wanted in shown
    before = r"(?<![\d.,])" if wanted[:1].isdigit() else ""
    after = r"(?!,?\d)" if wanted[-1:].isdigit() else ""  # (not ".": "£610,000.9" is a footnote's mark glued on)
    return re.search(before + re.escape(wanted) + after, shown) is not None


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


def unanswerable(q: dict) -> bool:
    return q.get("kind") == "unanswerable" or (not q.get("answer") and not q.get("evidence")
                                                and q.get("kind") != "keyword")


def asked_question(q: dict) -> bool:
    """Does the product try to answer this (a question, not keywords)?"""
    return q.get("kind") != "keyword" and answer_mod.is_question(q["q"])


def answer_text(ans) -> str:
    """Everything an answer shows: its text and its items'."""
    return " ".join([ans.text] + [f"{i.text} {i.quote}" for i in getattr(ans, "items", []) or []])


def judge(q: dict, ans) -> str | None:
    """"right", "wrong" or "missing"; None when the question has no answer to judge (keyword queries)."""
    if unanswerable(q):
        return "right" if ans is None else "wrong"
    expected = q.get("answer")
    if not expected:
        return None
    if ans is None:
        return "missing"
    shown = normalise(answer_text(ans))
    wanted = expected if isinstance(expected, list) else [expected]
    # "also": the report says the same elsewhere in other words ("did not inspect this area" / "every part …
    # except treating the public fairly"); an answer holding any one wording whole is right
    wordings = [wanted] + [[w] for w in q.get("also", [])]
    if not any(all(_holds(shown, normalise(str(w))) for w in words) for words in wordings):
        return "wrong"
    if q.get("complete") and isinstance(expected, list) and getattr(ans, "items", None):
        # "Which reports mention county lines?": the key names every one, so an item naming none of them is an
        # organisation or report the answer wrongly includes
        names = [normalise(str(w)) for w in wanted]
        if any(not any(n in normalise(i.text) for n in names) for i in ans.items):
            return "wrong"
    return "right"


def evaluate(store, questions: list[dict], k: int = 10) -> dict:
    """Every question through search and answering.

    ``rows`` has one dict per question: ``id``, ``q``, ``kind``, ``split``,
    ``rank`` of the first hit (None if none in the top ``k`` or no
    evidence), the ``answer`` text, its ``confidence`` and ``outcome``
    (right, wrong, missing, or None when not judged).
    """
    rows, ranks = [], []
    for q in questions:
        row = {"id": q["id"], "q": q["q"], "kind": q.get("kind", ""), "split": q.get("split", ""),
               "rank": None, "answer": None, "confidence": None, "evidence": None, "expected": q.get("answer"),
               "outcome": None}
        ans = None
        try:
            if not asked_question(q):
                result = search_mod.search(store, q["q"], per_page=k)
            else:  # the passages shown with the answer, scoped by the question
                asked = answer_mod.answer_question(store, q["q"], per_page=k, facets=False)
                result, ans = asked.result, asked.answer
                if asked.withheld is not None and asked_question(q):
                    row["withheld"] = {"evidence": asked.withheld.evidence, "outcome": judge(q, asked.withheld)}
        except QueryError as e:
            row["error"] = e.message
        else:
            row["rank"] = next((i for i, h in enumerate(result.hits, 1)
                                if is_hit(h.passage.text, q["evidence"])), None)
        if q["evidence"]:
            ranks.append(row["rank"])
        if ans is not None:
            row["answer"], row["confidence"] = answer_text(ans), ans.confidence
            row["evidence"] = getattr(ans, "evidence", "") or getattr(ans, "basis", "")
        # a keyword query gets passages, not an answer: only its retrieval is judged
        row["outcome"] = judge(q, ans) if asked_question(q) else None
        rows.append(row)
    return summarise(rows, ranks)


def summarise(rows: list[dict], ranks: list) -> dict:
    judged = [r for r in rows if r["outcome"] is not None]
    expected = [r for r in judged if r["kind"] != "unanswerable" and r["expected"]]
    unans = [r for r in judged if r["expected"] is None]

    def share(items, outcome="right"):
        return sum(r["outcome"] == outcome for r in items) / len(items) if items else "n/a"

    kinds = defaultdict(list)
    for r in judged:
        kinds[r["kind"] or "?"].append(r)
    per_kind = {kind: {"n": len(rs), "right": share(rs), "wrong": share(rs, "wrong")}
                for kind, rs in sorted(kinds.items())}
    calibration = []
    answered = [r for r in judged if r["confidence"] is not None]
    for lo, hi in BUCKETS:
        bucket = [r for r in answered if lo <= r["confidence"] < hi]
        calibration.append({"confidence": f"{lo:.1f}–{min(hi, 1.0):.1f}", "n": len(bucket),
                            "right": share(bucket)})
    # the record of each kind of evidence (calibration.EVIDENCE_RECORD is this table on the tuning half): every pick
    # of that kind, offered or withheld by calibration, judged alike
    picks = [(r.get("evidence") or "?", r["outcome"]) for r in answered] + [
        (r["withheld"]["evidence"] or "?", r["withheld"]["outcome"]) for r in judged if r.get("withheld")]
    by_evidence = {}
    for evidence, outcome in sorted(picks, key=lambda p: p[0]):
        record = by_evidence.setdefault(evidence, {"n": 0, "right": 0})
        record["n"] += 1
        record["right"] += outcome == "right"
    high = [r for r in answered if r["confidence"] >= 0.8]
    return {"questions": len(rows), "with_evidence": len(ranks), **metrics(ranks),
            "answer_accuracy": share(expected), "wrong_answers": share(judged, "wrong"),
            "missing_answers": share(expected, "missing"), "unanswerable": len(unans),
            "abstention": share(unans), "right_at_0.8": share(high), "per_kind": per_kind,
            "calibration": calibration, "by_evidence": by_evidence, "rows": rows}


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _figure(value) -> str:
    return value if isinstance(value, str) else f"{value:.3f}"


def format_report(result: dict, rows: bool = True) -> str:
    """The per-question table (optional), the per-kind table, the summary
    lines and the calibration table."""
    lines = []
    if rows:
        lines.append(f"{'id':<8} {'rank':>4}  {'question':<40}  {'outcome':<8} {'conf':>5} answer")
        for row in result["rows"]:
            rank = row["rank"] if row["rank"] is not None else "-"
            conf = f"{row['confidence']:.2f}" if row["confidence"] is not None else "-"
            answer = row["answer"] if row["answer"] is not None else "-"
            lines.append(f"{row['id']:<8} {rank:>4}  {_clip(row['q'], 40):<40}  {row['outcome'] or '-':<8} "
                         f"{conf:>5} {_clip(answer, 60)}")
        lines.append("")
    lines.append(f"questions: {result['questions']}")
    if result["with_evidence"]:
        for key in [f"success@{k}" for k in CUTOFFS] + ["MRR@10"]:
            lines.append(f"{key}: {result[key]:.3f}")
    lines.append(f"answer accuracy: {_figure(result['answer_accuracy'])}")
    lines.append(f"wrong answers: {_figure(result['wrong_answers'])}")
    lines.append(f"missing answers: {_figure(result['missing_answers'])}")
    if result["unanswerable"]:
        lines.append(f"abstention (unanswerable questions): {_figure(result['abstention'])}")
    lines.append(f"right among answers with confidence >= 0.8: {_figure(result['right_at_0.8'])}")
    if len(result["per_kind"]) > 1:
        lines.append("")
        lines.append(f"{'kind':<14} {'n':>4} {'right':>7} {'wrong':>7}")
        for kind, k in result["per_kind"].items():
            lines.append(f"{kind:<14} {k['n']:>4} {_figure(k['right']):>7} {_figure(k['wrong']):>7}")
    lines.append("")
    lines.append("calibration (confidence → share right)")
    for c in result["calibration"]:
        lines.append(f"  {c['confidence']:<9} n={c['n']:<4} right {_figure(c['right'])}")
    if result.get("by_evidence"):
        lines.append("")
        lines.append("by evidence (answers right, answers picked: offered or withheld by calibration)")
        for evidence, record in result["by_evidence"].items():
            lines.append(f'    "{evidence}": ({record["right"]}, {record["n"]}),')
    return "\n".join(lines)



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
