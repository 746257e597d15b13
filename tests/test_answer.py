"""Answers: each kind of question, declining, judgments and acronyms."""
from __future__ import annotations

import json
import shutil

import pytest

from search_service.answer import answer_type, ask, is_question
from search_service.evaluate import evaluate, load_questions
from search_service.glossary import build, expansions, extract
from search_service.index import IndexStore
from search_service.indexer import Indexer
from search_service.web.shapes import answer_json
from tests.conftest import FIXTURES, REPO, SEED_CORPUS, SEED_ID


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """The seed and the invented Northshire report side by side."""
    root = tmp_path_factory.mktemp("two")
    shutil.copytree(SEED_CORPUS, root / "corpus")
    shutil.copy(FIXTURES / "peel-2016-northshire.txt", root / "corpus")
    store = IndexStore(root / "index", root / "corpus")
    Indexer(store).sync(rebuild=True)
    return store


def answer_text(store, q):
    a, _ = ask(store, q)
    assert a is not None, f"no answer for {q!r}"
    return a


@pytest.mark.parametrize("q,expected", [
    ("How many organised crime groups was the force managing?", "68 organised crime groups"),  # number
    # issue 11's own example: not the definition of mapping, nor "24 OCGs per one million of the population" (a
    # rate, which once the acronym was read as its long form had come close enough to decline the count)
    ("How many organised crime groups were mapped?", "68 organised crime groups"),  # number
    ("What percentage of victims were satisfied with their whole experience?", "83.0 percent"),  # number
    ("What does THRIVE stand for?", "Threat, Risk, Harm, Investigation, Vulnerability, Engagement"),  # definition
    ("What is integrated offender management?", "brings a multi-agency response"),  # definition
    ("What is khat?", "A plant native to Africa"),  # definition in a footnote
    ("Since when has the force run Project Concord in Birmingham East?", "since 2013"),  # date
])
def test_each_kind_of_question_gets_its_sentence(store, q, expected):
    a = answer_text(store, q)
    assert expected in a.text
    passage = store.passage(a.passage_id)
    assert passage.text[a.start:a.end].strip() == a.text  # the span points at the sentence
    assert a.citation.startswith("PEEL: Police effectiveness 2015 – West Midlands Police")
    assert answer_json(a)["url"] == f"/reports/{SEED_ID}#{a.passage_id}"


@pytest.mark.parametrize("q,expected", [
    ("How often do OCG lead officers meet?", "every six weeks"),  # frequency
    ("Who chairs the meeting of OCG lead officers?", "detective superintendent"),  # who
])
def test_harder_sentences_are_answered_right_or_not_at_all(store, q, expected):
    """When the wording of the answer is far from the question's, the engine
    may decline, but an answer it gives must be the right one."""
    a, result = ask(store, q)
    assert a is None or expected in a.text
    assert any(expected in h.passage.text for h in result.hits[:3])  # the passage is shown either way


@pytest.mark.parametrize("q,grade,area_word", [
    ("What was the overall judgment for the force?", "Good", "Overall"),
    ("What grade did the force get for protecting vulnerable people?", "Requires improvement", "vulnerable"),
    ("How was the force graded at preventing crime?", "Good", "preventing"),
    ("What was the judgment on tackling serious and organised crime?", "Good", "serious and organised"),
])
def test_grade_questions_answered_from_judgments(store, q, grade, area_word):
    a = answer_text(store, q)
    assert a.text.startswith(grade) and area_word in a.text
    assert store.passage(a.passage_id).kind == "summary"


def test_judgments_extracted_from_the_seed(store):
    report = store.report(SEED_ID)
    grades = {j.area: j.grade for j in report.judgments}
    def grade_of(word):
        return next(g for area, g in grades.items() if word in area)
    assert grades["Overall"] == "Good"
    assert grade_of("preventing crime") == "Good"
    assert grade_of("investigating crime") == "Good"
    assert grade_of("vulnerable") == "Requires improvement"
    assert grade_of("serious and organised crime") == "Good"
    assert len(report.areas_for_improvement) == 6
    assert all(a.text.startswith("The force should") and a.passage_id for a in report.areas_for_improvement)


def test_answers_come_from_the_right_report(two_reports):
    a = answer_text(two_reports, "How many neighbourhood hubs does Northshire Constabulary run?")
    assert "14 neighbourhood hubs" in a.text and a.passage_id.startswith("peel-2016-northshire")
    a = answer_text(two_reports, "In how many of the cases reviewed in Northshire was the risk assessment incomplete?")
    assert "37 of the 60 cases" in a.text
    north = two_reports.report("peel-2016-northshire")
    assert [j.grade for j in north.judgments] == ["Requires improvement", "Requires improvement"]


def test_unanswerable_questions_are_declined(store):
    questions = [json.loads(l) for l in (REPO / "eval" / "unanswerable.jsonl").read_text().splitlines() if l]
    assert len(questions) >= 20
    declined = [q["q"] for q in questions if ask(store, q["q"])[0] is None]
    assert len(declined) / len(questions) >= 0.9, set(q["q"] for q in questions) - set(declined)


def test_dev_questions_are_rarely_declined(store):
    # the questions among them: keyword queries ("Walsall tenants with mental health issues") get an answer
    # card only when its kind of evidence has earned one; their passages are shown either way
    questions = [json.loads(l) for l in (REPO / "eval" / "dev_questions.jsonl").read_text().splitlines() if l]
    questions = [q for q in questions if is_question(q["q"])]
    assert len(questions) >= 10
    nulls = sum(ask(store, q["q"])[0] is None for q in questions)
    assert nulls / len(questions) <= 0.1


def test_declined_question_still_returns_passages(store):
    answer, result = ask(store, "How many tasers were discharged by officers?")
    assert answer is None
    assert result.total > 0  # the closest passages are still shown


def test_question_detection_and_types():
    assert is_question("How many OCGs?") and is_question("khat?") and not is_question("organised crime groups")
    assert answer_type("How many forces work with Victim Support?") == "number"
    assert answer_type("When was the report published?") == "date"
    assert answer_type("Who chairs the meeting?") == "who"
    assert answer_type("What does MAPPA stand for?") == "definition"
    assert answer_type("What grade did the force get?") == "grade"
    assert answer_type("How often do they meet?") == "frequency"


def test_glossary_from_corpus_and_curated(store):
    g = store.glossary()
    assert g["IOM"] == "integrated offender management"
    assert g["OCG"].startswith("organised crime group")
    assert g["PIP"] == "professionalising investigation programme"
    assert g["MASH"] == "multi-agency safeguarding hub"  # curated, not in the seed
    assert extract(["The Northshire Safe Streets Partnership (NSSP) met."]) == {"NSSP": "northshire safe streets partnership"}
    assert build([])["CSE"] == "child sexual exploitation"


def test_acronyms_expand_both_ways(store):
    g = store.glossary()
    forward = expansions("IOM teams", g)
    assert forward[0]["expansion"] == "integrated offender management" and forward[0]["direction"] == "acronym"
    backward = expansions("integrated offender management teams", g)
    assert backward[0]["expansion"] == "IOM" and backward[0]["direction"] == "long_form"
    assert expansions("OCGs", g)[0]["acronym"] == "OCG"


def test_acronym_search_finds_long_form_and_back(store):
    from search_service.search import search
    by_acronym = search(store, "HTCU")
    assert any("high tech crime units" in h.passage.text for h in by_acronym.hits)
    by_long = search(store, "multi-agency public protection arrangements")
    assert any("MAPPA" in h.passage.text for h in by_long.hits[:5])
    # expansions are weighted below the user's own words
    own = search(store, "IOM").hits[0]
    assert "IOM" in own.passage.text


def test_the_seed_questions_are_answered_right_nine_times_in_ten(store):
    # the bar the seed's own questions are held to (a rule that costs one of them shows here: an acronym read as a
    # name once cost "What share of all OCGs …?" its answer, and nothing else in the suite noticed)
    result = evaluate(store, load_questions(REPO / "eval" / "dev_questions.jsonl"))
    assert result["answer_accuracy"] >= 0.9, [(r["id"], r["outcome"]) for r in result["rows"] if r["outcome"] != "right"]
