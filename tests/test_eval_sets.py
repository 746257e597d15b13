"""The question sets themselves: a question's evidence and expected answer
are the reports' own words, or the evaluation measures the key, not the
product. Set 23's first keys were paraphrases ("yes, without consent", a
list written as one string), and a paraphrased key makes a right answer
count as wrong; a key is checked here against the reports it names, in
their passages or their metadata (a title, a publication date, a force)."""
from __future__ import annotations

from pathlib import Path

import pytest

from search_service.evaluate import is_hit, load_questions, normalise

EVAL = Path(__file__).resolve().parent.parent / "eval"
SETS = sorted(EVAL.glob("questions*.jsonl"), key=lambda p: int(p.stem[len("questions"):] or 1))


def _questions():
    for path in SETS:
        for q in load_questions(path):
            if q.get("reports"):
                yield pytest.param(q, id=f"{path.stem}:{q['id']}")


@pytest.fixture(scope="module")
def texts(every):
    """Report id → (the text of its passages, of its metadata)."""
    store = every.store
    out = {}
    with store.searcher():
        for r in store.reports():
            meta = [r.title, r.published, r.force, *r.organisations, *(j.grade for j in r.judgments)]
            out[r.id] = (" \n ".join(p.text for p in store.passages(r.id)), " \n ".join(m for m in meta if m))
    return out


def test_every_set_is_read():
    assert len(SETS) >= 23 and SETS[0].name == "questions.jsonl"


@pytest.mark.parametrize("q", list(_questions()))
def test_evidence_and_answer_key_are_the_reports_words(texts, q):
    missing = [r for r in q["reports"] if r not in texts]
    assert not missing, f"no such report in the evaluation corpus: {missing}"
    passages = " \n ".join(texts[r][0] for r in q["reports"])
    held = normalise(" \n ".join([passages] + [texts[r][1] for r in q["reports"]]))
    if q["evidence"]:  # what a passage found must hold: retrieval is judged by it (evaluate.is_hit)
        assert is_hit(passages, q["evidence"]), f"no passage of {q['reports']} holds its evidence"
    wanted = q.get("answer")
    for item in (wanted if isinstance(wanted, list) else [wanted] if wanted else []) + q.get("also", []):
        assert normalise(str(item)) in held, f"the answer key {item!r} is not the reports' words"
