"""Evaluation: text matching and metric arithmetic (pure, no index needed)."""
from __future__ import annotations

import json

import pytest

from search_service.evaluate import format_report, is_hit, load_questions, metrics, normalise, summarise


def test_normalise_case_quotes_dashes_whitespace():
    assert normalise("  The Force’s “Priorities”\n\tare  CLEAR ") == "the force's 'priorities' are clear"
    assert normalise("2014–15 — 2015‑16 − 3") == "2014-15 - 2015-16 - 3"
    # all quote characters compare equal, whichever the source used
    assert normalise('"OCG"') == normalise("‘OCG’") == normalise("“OCG”") == normalise("`OCG´")


def test_normalise_writes_a_percentage_one_way():
    # a key "64%" is the answer "available for only 64 percent of the time"; "per cent" is the same figure
    assert normalise("64%") in normalise("available for only 64 percent of the time")
    assert normalise("64 per cent") == normalise("64 %") == normalise("64 Percent") == "64 percent"
    assert normalise("Percentage 78%") == "percentage 78 percent"


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


def _row(id, kind, outcome, confidence=None, rank=1, expected="x", answer=None):
    return {"id": id, "q": f"question {id}?", "kind": kind, "split": "tune", "rank": rank, "answer": answer,
            "confidence": confidence, "expected": expected, "outcome": outcome}


def test_summary_counts_wrong_apart_from_missing_and_tables_calibration():
    rows = [_row("a", "number", "right", 0.95, answer="68"), _row("b", "number", "wrong", 0.85, answer="12"),
            _row("c", "date", "missing"), _row("d", "unanswerable", "right", expected=None),
            _row("e", "unanswerable", "wrong", 0.7, expected=None, answer="a guess"),
            _row("f", "keyword", None, rank=3)]
    out = summarise(rows, [1, 1, 1, 3])
    assert out["answer_accuracy"] == pytest.approx(1 / 3)  # a of a, b, c
    assert out["missing_answers"] == pytest.approx(1 / 3)
    assert out["wrong_answers"] == pytest.approx(2 / 5)  # b and e among the five judged
    assert out["abstention"] == 0.5 and out["unanswerable"] == 2
    assert out["right_at_0.8"] == 0.5  # a right, b wrong
    assert out["per_kind"]["number"] == {"n": 2, "right": 0.5, "wrong": 0.5}
    assert "keyword" not in out["per_kind"]  # retrieval only: nothing to judge
    buckets = {b["confidence"]: b for b in out["calibration"]}
    assert buckets["0.9–1.0"]["n"] == 1 and buckets["0.9–1.0"]["right"] == 1.0
    assert buckets["0.8–0.9"]["right"] == 0.0 and buckets["0.6–0.8"]["right"] == 0.0
    text = format_report(out)
    lines = text.splitlines()
    assert lines[1].split()[:2] == ["a", "1"]
    assert "wrong answers: 0.400" in lines and "missing answers: 0.333" in lines
    assert any(line.split()[:4] == ["number", "2", "0.500", "0.500"] for line in lines)
    assert "  0.9–1.0   n=1    right 1.000" in lines


class _FakeHit:
    def __init__(self, text):
        self.passage = type("P", (), {"text": text})()


class _FakeAnswer:
    def __init__(self, text, confidence=0.9):
        self.text, self.confidence, self.items = text, confidence, []


def _fake_engine(monkeypatch, passages: dict[str, list[str]], answers: dict[str, str | None]):
    """search and answering replaced by canned passages and answers per question."""
    from search_service import evaluate as ev

    def result(q):
        return type("R", (), {"hits": [_FakeHit(t) for t in passages[q]]})()

    monkeypatch.setattr(ev.search_mod, "search", lambda store, q, per_page: result(q))
    monkeypatch.setattr(ev.answer_mod, "answer_question", lambda store, q, per_page, facets=True: type("A", (), {
        "result": result(q), "answer": _FakeAnswer(answers[q]) if answers[q] else None, "withheld": None})())
    return ev


def test_evaluate_scores_answerable_and_unanswerable_questions(monkeypatch):
    """Retrieval metrics count only questions with evidence; unanswerable ones
    (no evidence, no answer) are judged on abstaining; keyword queries only
    on retrieval."""
    ev = _fake_engine(
        monkeypatch,
        passages={"q1?": ["nothing", "West Midlands Police was managing 68 OCGs"], "q2?": ["no"], "q3?": ["x"],
                  "ocg": ["68 OCGs"]},
        answers={"q1?": "managing 68 OCGs", "q2?": "something", "q3?": None, "ocg": None})
    questions = [
        {"id": "1", "q": "q1?", "evidence": ["managing 68 OCGs"], "answer": "68"},
        {"id": "2", "q": "q2?", "evidence": ["not found anywhere"], "answer": "42"},
        {"id": "3", "q": "q3?", "evidence": []},  # unanswerable
        {"id": "4", "q": "ocg", "kind": "keyword", "evidence": ["68 OCGs"], "answer": "68"},
    ]
    out = ev.evaluate(store=None, questions=questions)
    assert [r["rank"] for r in out["rows"]] == [2, None, None, 1]
    assert [r["outcome"] for r in out["rows"]] == ["right", "wrong", "right", None]
    assert out["with_evidence"] == 3
    assert out["success@1"] == pytest.approx(1 / 3) and out["MRR@10"] == pytest.approx(0.5)
    assert out["answer_accuracy"] == 0.5 and out["wrong_answers"] == pytest.approx(1 / 3)
    assert out["unanswerable"] == 1 and out["abstention"] == 1.0


def test_evaluate_figures_without_questions_to_judge_read_na(monkeypatch):
    ev = _fake_engine(monkeypatch, passages={"q?": ["the answer is here"]}, answers={"q?": "here"})
    out = ev.evaluate(None, [{"id": "1", "q": "q?", "evidence": ["ANSWER is  here"]}])
    assert out["success@1"] == 1
    assert out["answer_accuracy"] == "n/a" and out["abstention"] == "n/a"
    assert out["rows"][0]["answer"] == "here" and out["rows"][0]["outcome"] is None


def test_a_complete_key_faults_an_answer_that_lists_more_than_it_names():
    """"Which reports mention county lines?" keyed ["Brackenshire", "Eastmoor"] as every such report: an
    answer listing a third report wrongly claims it mentions them, however right the other two are. Without
    "complete", the key is only what a right answer must hold."""
    from types import SimpleNamespace as NS

    from search_service.evaluate import judge

    def answer(*names):
        return NS(text="; ".join(names), items=[NS(text=f"{n} Police (2021)", quote="") for n in names])

    q = {"q": "Which reports mention county lines?", "evidence": ["county lines"],
         "answer": ["Brackenshire", "Eastmoor"], "complete": True}
    assert judge(q, answer("Brackenshire", "Eastmoor")) == "right"
    assert judge(q, answer("Eastmoor", "Brackenshire")) == "right"
    assert judge(q, answer("Brackenshire", "Eastmoor", "Tollbridge")) == "wrong"
    assert judge(q, answer("Brackenshire")) == "wrong"
    assert judge(dict(q, complete=False), answer("Brackenshire", "Eastmoor", "Tollbridge")) == "right"
    # a sentence answer (no items) is judged by its text alone
    assert judge(q, NS(text="Brackenshire and Eastmoor both mention county lines.", items=[])) == "right"


def test_another_wording_of_the_same_fact_is_right_and_nothing_else_is():
    """A report may state one fact twice in different words; a key's "also" lists the other wordings, and an
    answer holding any one of them is right, while an answer holding none is still wrong."""
    from types import SimpleNamespace as NS

    from search_service.evaluate import judge

    q = {"q": "Did the inspectorate inspect how fairly Brackenshire treats the public in 2018/19?",
         "evidence": ["We did not inspect this area"], "answer": "did not inspect this area",
         "also": ["except treating the public fairly"]}
    assert judge(q, NS(text="We did not inspect this area in 2018/19.", items=[])) == "right"
    assert judge(q, NS(text="We inspected every part of the programme except treating the public fairly.",
                       items=[])) == "right"
    assert judge(q, NS(text="We inspected every part of the programme.", items=[])) == "wrong"
    assert judge({k: v for k, v in q.items() if k != "also"},
                 NS(text="We inspected every part except treating the public fairly.", items=[])) == "wrong"


def test_a_figure_in_the_key_is_found_only_as_a_whole_figure():
    """"20 services" is not right because the answer names a 2023–25 report or 1,200 of something: a figure of the
    key must stand whole in the answer (a footnote's mark glued after a full stop still leaves it whole)."""
    from types import SimpleNamespace as NS

    from search_service.evaluate import judge

    q = {"q": "How many services got an adequate grade for best use of resources?", "evidence": [], "answer": "20"}
    assert judge(q, NS(text="Adequate: Dunmere Fire and Rescue Service (2023–25)", items=[])) == "wrong"
    assert judge(q, NS(text="Some 1,200 audits were done.", items=[])) == "wrong"
    assert judge(q, NS(text="Best use of resources: Good 16; Adequate 20; Inadequate 1", items=[])) == "right"
    money = {"q": "How big was the hub's budget?", "evidence": [], "answer": "£610,000"}
    assert judge(money, NS(text="It had eight staff and a budget of £610,000.9", items=[])) == "right"
    assert judge({"q": "q", "evidence": [], "answer": "eleven"}, NS(text="We grade eleven areas.", items=[])) == "right"


def test_the_record_of_a_kind_of_evidence_counts_its_withheld_picks_too():
    """calibration.EVIDENCE_RECORD is read from this table: a pick calibration withheld is judged like an offered
    one, under its own kind of evidence, so a kind held back keeps being measured."""
    rows = [
        {"id": "1", "kind": "sentence", "expected": "x", "outcome": "right", "confidence": 0.7,
         "evidence": "sentence:plain:high"},
        {"id": "2", "kind": "sentence", "expected": "x", "outcome": "missing", "confidence": None,
         "evidence": None, "withheld": {"evidence": "sentence:plain:low", "outcome": "right"}},
        {"id": "3", "kind": "sentence", "expected": "x", "outcome": "missing", "confidence": None,
         "evidence": None, "withheld": {"evidence": "sentence:plain:low", "outcome": "wrong"}},
    ]
    result = summarise(rows, [])
    assert result["by_evidence"] == {"sentence:plain:high": {"n": 1, "right": 1},
                                     "sentence:plain:low": {"n": 2, "right": 1}}
    assert result["answer_accuracy"] == 1 / 3 and result["missing_answers"] == 2 / 3  # the card showed none
