"""Evaluation: text matching and metric arithmetic (pure, no index needed)."""
from __future__ import annotations

import json

import pytest

from search_service.evaluate import format_report, is_hit, load_questions, metrics, normalise


def test_normalise_case_quotes_dashes_whitespace():
    assert normalise("  The Force’s “Priorities”\n\tare  CLEAR ") == "the force's 'priorities' are clear"
    assert normalise("2014–15 — 2015‑16 − 3") == "2014-15 - 2015-16 - 3"
    # all quote characters compare equal, whichever the source used
    assert normalise('"OCG"') == normalise("‘OCG’") == normalise("“OCG”") == normalise("`OCG´")


def test_is_hit_with_curly_quotes_and_wrapped_lines():
    passage = ("Integrated offender management (IOM) brings a multi-agency response to the\n"
               "crime and reoffending threats faced by local communities. The force’s approach "
               "covers the period 2014–15.")
    assert is_hit(passage, ["integrated offender management (iom) brings a multi-agency response to the crime"])
    assert is_hit(passage, ["the force's approach covers the period 2014-15"])
    assert is_hit(passage, ["not there", "MULTI-AGENCY   RESPONSE"])
    assert not is_hit(passage, ["integrated offender management brings"])
    assert not is_hit(passage, [])
    assert not is_hit(passage, [""])  # an empty phrase must not match everything


def test_metrics_from_ranks():
    # first-hit ranks of five questions: 1, 2, 4, 7 and none in the top 10
    m = metrics([1, 2, 4, 7, None])
    assert m["success@1"] == pytest.approx(1 / 5)
    assert m["success@3"] == pytest.approx(2 / 5)
    assert m["success@5"] == pytest.approx(3 / 5)
    assert m["success@10"] == pytest.approx(4 / 5)
    assert m["MRR@10"] == pytest.approx((1 + 1 / 2 + 1 / 4 + 1 / 7) / 5)


def test_metrics_ignore_ranks_beyond_ten_and_empty_input():
    assert metrics([11])["success@10"] == 0 and metrics([11])["MRR@10"] == 0
    assert metrics([]) == {"success@1": 0, "success@3": 0, "success@5": 0, "success@10": 0, "MRR@10": 0}


def test_load_questions(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "a", "q": "khat", "evidence": ["a plant"], "answer": "plant"})
                    + "\n\n" + json.dumps({"q": "no id"}) + "\n", encoding="utf-8")
    qs = load_questions(path)
    assert [q["id"] for q in qs] == ["a", "3"]
    assert qs[1]["evidence"] == []


def test_load_questions_reports_bad_line(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"q": "fine"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        load_questions(path)


def test_format_report_has_table_and_summary():
    rows = [{"id": "d01", "q": "q", "rank": 2, "answer": None, "expected": "Good", "correct": None},
            {"id": "d02", "q": "q", "rank": None, "answer": None, "expected": "x", "correct": None}]
    text = format_report({"questions": 2, "with_evidence": 2, **metrics([2, None]),
                          "answer_accuracy": "n/a", "unanswerable": 0, "abstention": "n/a", "rows": rows})
    lines = text.splitlines()
    assert lines[1].split()[:2] == ["d01", "2"]
    assert lines[2].split()[:2] == ["d02", "-"]
    assert "success@5: 0.500" in lines
    assert "MRR@10: 0.250" in lines
    assert "answer accuracy: n/a" in lines
    assert not any(line.startswith("abstention") for line in lines)


class _FakeHit:
    def __init__(self, text):
        self.passage = type("P", (), {"text": text})()


class _FakeAnswer:
    def __init__(self, text):
        self.text = text


def _fake_engine(monkeypatch, passages: dict[str, list[str]], answers: dict[str, str | None]):
    """search and ask replaced by canned passages and answers per question."""
    from search_service import evaluate as ev

    monkeypatch.setattr(ev.search_mod, "search", lambda store, q, per_page: type(
        "R", (), {"hits": [_FakeHit(t) for t in passages[q]]})())
    monkeypatch.setattr(ev.answer_mod, "ask", lambda store, q: (
        _FakeAnswer(answers[q]) if answers[q] else None, None))
    return ev


def test_evaluate_scores_answerable_and_unanswerable_questions(monkeypatch):
    """Retrieval metrics count only questions with evidence; unanswerable ones
    (no evidence, no answer) are judged on abstaining."""
    ev = _fake_engine(
        monkeypatch,
        passages={"q1": ["nothing", "West Midlands Police was managing 68 OCGs"], "q2": ["no"], "q3": ["x"]},
        answers={"q1": "managing 68 OCGs", "q2": "something", "q3": None})
    questions = [
        {"id": "1", "q": "q1", "evidence": ["managing 68 OCGs"], "answer": "68"},
        {"id": "2", "q": "q2", "evidence": ["not found anywhere"], "answer": "42"},
        {"id": "3", "q": "q3", "evidence": []},  # unanswerable
    ]
    out = ev.evaluate(store=None, questions=questions)
    assert [r["rank"] for r in out["rows"]] == [2, None, None]
    assert [r["correct"] for r in out["rows"]] == [True, False, True]
    assert out["with_evidence"] == 2
    assert out["success@1"] == 0 and out["success@3"] == 0.5 and out["MRR@10"] == 0.25
    assert out["answer_accuracy"] == 0.5
    assert out["unanswerable"] == 1 and out["abstention"] == 1.0


def test_evaluate_figures_without_questions_to_judge_read_na(monkeypatch):
    ev = _fake_engine(monkeypatch, passages={"q": ["the answer is here"]}, answers={"q": "here"})
    out = ev.evaluate(None, [{"id": "1", "q": "q", "evidence": ["ANSWER is  here"]}])
    assert out["success@1"] == 1
    assert out["answer_accuracy"] == "n/a" and out["abstention"] == "n/a"
    assert out["rows"][0]["answer"] == "here" and out["rows"][0]["correct"] is None
