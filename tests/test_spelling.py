"""Did-you-mean: corrections from the corpus's own words, priced by how
people mistype, and never for words that are right. Measured on the
hand-written set eval/spelling.jsonl (its validation half was never used
for tuning) over the reports it was written from."""
from __future__ import annotations

import json

import pytest

from conftest import MARKUP_FIXTURE, MULTI_FIXTURES, REPO, deploy, indexed_corpus
from search_service import evaluate, spelling
from search_service.search import search

CASES = REPO / "eval" / "spelling.jsonl"


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    """Every report the spelling cases were written from."""
    return deploy(indexed_corpus(tmp_path_factory.mktemp("spelling"), MULTI_FIXTURES + (MARKUP_FIXTURE,)))


def test_the_case_file_is_split_once_into_tune_and_validation_halves():
    rows = evaluate.load_spelling(CASES)
    assert {r["split"] for r in rows} == {"tune", "validation"}
    for kind in {r["type"] for r in rows}:  # both halves hold every kind
        assert {r["split"] for r in rows if r["type"] == kind} == {"tune", "validation"}, kind
    assert sum(r["expect"] is not None for r in rows) >= 80 and sum(r["expect"] is None for r in rows) >= 80


def test_precision_and_recall_meet_the_targets_on_the_validation_half(sources, capsys):
    from search_service.cli import main

    s = sources.settings
    assert main(["--corpus", str(s.corpus_dir), "--index", str(s.index_dir), "eval-spelling", str(CASES),
                 "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    validation = result["validation"]
    assert validation["precision"] >= 0.95 and validation["recall"] >= 0.85, validation
    assert result["tune"]["precision"] >= 0.95 and result["tune"]["recall"] >= 0.85
    assert validation["misspelt"] + validation["correct_words"] == validation["cases"] > 100
    # every correct word, acronym and name is left alone
    assert all(r["got"] is None for r in result["rows"] if r["expect"] is None)
    main(["--corpus", str(s.corpus_dir), "--index", str(s.index_dir), "eval-spelling", str(CASES)])
    text = capsys.readouterr().out
    assert "validation precision" in text and "recall" in text


@pytest.mark.parametrize("q", ["CSE", "What is CSE?", "cse", "OCGs", "stalking", "taser", "Kent", "Kent Police",
                               "protest", "petrol", "heroin", "spice", "hate crime"])
def test_known_words_acronyms_names_and_real_words_get_no_suggestion(store, q):
    """Before: "CSE" suggested "use", "stalking" "taking", "taser" "based"."""
    result = search(store, q)
    assert result.suggestion is None and not result.corrected, (q, result.suggestion)


@pytest.mark.parametrize("typed,meant", [
    ("safegaurding", "safeguarding"),  # letters swapped
    ("misssing children", "missing children"),  # a letter doubled
    ("vulnerble", "vulnerable"),  # one dropped
    ("domestuc abuse", "domestic abuse"),  # a neighbouring key
    ("Safegaurding", "Safeguarding"),  # a phone's capital: kept
    ("konstabulary", "constabulary"),  # sounds the same
    ("neighborhod policing", "neighbourhood policing"),  # American and a slip
])
def test_a_slip_shows_the_corrected_results_at_once(sources, typed, meant):
    result = search(sources.store, typed)
    assert result.corrected and result.suggestion == meant
    assert result.total == search(sources.store, meant).total > 0
    as_typed = search(sources.store, typed, autocorrect=False)  # "Search instead for …"
    assert not as_typed.corrected and as_typed.suggestion == meant
    assert as_typed.total == 0 or as_typed.dropped == [typed.split()[0]]  # the slip matches nothing


def test_a_quoted_word_is_meant_exactly(store):
    result = search(store, '"safegaurding"')
    assert result.suggestion is None and result.total == 0


def test_typing_slips_cost_less_than_other_changes():
    cost = spelling.slip_cost
    assert cost("vrime", "crime") < cost("prime", "crime")  # v is next to c; p is not
    assert cost("safegaurding", "safeguarding") < cost("safegxxrding", "safeguarding")  # a swap is one slip
    assert cost("misssing", "missing") == cost("mising", "missing") < cost("misxing", "missing")
    assert spelling.sound_key("kwality") == spelling.sound_key("quality")
    assert spelling.sound_key("naybourhood") == spelling.sound_key("neighbourhood")
    assert spelling.sound_key("seperate") != spelling.sound_key("support")


def test_the_more_used_of_two_equally_close_words_wins():
    speller = spelling.Speller({"policy": 40, "police": 400})
    assert speller.candidates("policw")[0].word == "police"  # w is next to e; and "police" is far more used
    assert spelling.Speller({"crime": 5, "grime": 5}).correct("xrime") is None  # a tie: no guess
