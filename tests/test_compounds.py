"""Words the reports write both closed and open ("cybercrime", "cyber crime";
"healthcare", "health care"): a query in one form finds passages in the
other, on the invented reports whose text uses each form (West Midlands'
2015 report and Eastmoor's 2021/22 one; Wealdmarsh's custody report and
Dunmere fire's)."""
from __future__ import annotations

import pytest

from search_service.compounds import expansions, forms
from search_service.search import search
from tests.http_helpers import get_json, html

KNOWN = {"cyber": 3, "crime": 900, "cybercrime": 2, "health": 40, "care": 60, "healthcare": 5, "partner": 80,
         "ship": 1, "partnership": 30, "front": 9, "line": 20}
PRINTED = {("cyber", "crime"), ("health", "care"), ("front", "line")}


def side_by_side(a, b):
    return (a, b) in PRINTED


def test_a_closed_word_the_reports_also_print_open_is_searched_both_ways():
    assert forms("cybercrime units", KNOWN, side_by_side) == (("cybercrime", "cyber crime"),)
    assert forms("health care", KNOWN, side_by_side) == (("health care", "healthcare"),)
    # "partner ship" is never printed side by side: "partnership" is not split; nor a hyphenated word's part
    assert forms("partnership working", KNOWN, side_by_side) == ()
    assert forms("anti-social cyber-crime", KNOWN, side_by_side) == ()
    # a word the reports never use closed is left alone ("front line" is printed, "frontline" is not known)
    assert forms("front line", KNOWN, side_by_side) == ()
    shaped = expansions(forms("Cybercrime and health care", KNOWN, side_by_side))
    assert [(e["term"], e["expansion"], e["direction"]) for e in shaped] == [
        ("Cybercrime", "cyber crime", "acronym"), ("health care", "healthcare", "long_form")]


@pytest.fixture()
def store(every):
    return every.store


@pytest.mark.parametrize("typed,reports", [
    # West Midlands 2015 prints "cyber-crime", Eastmoor 2021/22 "cyber crime" (a footnote on its ROCU)
    ("cybercrime", {"peel-effectiveness-2015-west-midlands", "peel-2021-22-eastmoor"}),
    # Wealdmarsh's custody report and Dunmere fire's both speak of health care; one of them closes it up
    ("healthcare", {"custody-2024-wealdmarsh", "frs-2023-25-dunmere"}),
    ("health care", {"custody-2024-wealdmarsh", "frs-2023-25-dunmere"}),
])
def test_either_form_finds_the_reports_that_print_the_other(store, typed, reports):
    result = search(store, typed, per_page=50)
    assert reports <= {h.report.id for h in result.hits}
    assert any(e.get("kind") == "compound" for e in result.expansions)


def test_which_reports_mention_a_closed_word_lists_those_that_print_it_open(store):
    from search_service.answer import answer_question
    a = answer_question(store, "Which reports talk about cybercrime?").answer
    assert a is not None and a.basis == "mentions"
    assert {i.report_id for i in a.items} == {"peel-effectiveness-2015-west-midlands", "peel-2021-22-eastmoor"}
    eastmoor = next(i for i in a.items if i.report_id == "peel-2021-22-eastmoor")
    assert "cyber crime" in store.passage(eastmoor.passage_id).text.lower()


def test_the_page_and_the_json_say_what_else_was_searched(every):
    client = every.client()
    body = get_json(client, "/api/search?q=cybercrime")
    assert {"term": "cybercrime", "acronym": "cybercrime", "expansion": "cyber crime", "direction": "acronym",
            "kind": "compound"} in body["expansions"]
    doc = html(client, "/search?q=cybercrime")
    note = doc.find("p", cls="compounds")
    assert note is not None and "cyber crime" in note.text
    assert all("Acronyms" not in p.text for p in doc.find_all("p", cls="expansions"))
