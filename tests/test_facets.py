"""Facets and filters over many reports: counts, OR within a filter, AND
across filters, grades, bad values, and the facet links on the page.

What the reports say is written down by hand in many_reports.py; page
numbers are read from the report files themselves, not from the code under
test.
"""
from __future__ import annotations

import shutil
from urllib.parse import urlencode

import pytest
from htmlparse import squash
from many_reports import REPORTS, RI, VULNERABLE, section_grade

from search_service.rules import FACETS, GRADES
from tests.conftest import FIXTURES
from tests.http_helpers import (
    all_hits,
    assert_json_error,
    facet_links,
    html,
    query_of,
    search,
)

QUERIES = ("missing children", "crime", "force should")


# --- facets -------------------------------------------------------------------

@pytest.mark.parametrize("q", QUERIES)
def test_each_facet_count_is_the_total_of_choosing_that_value(multi_client, q):
    body = search(multi_client, q=q)
    assert tuple(body["facets"]) == FACETS
    for name in FACETS:
        counts = body["facets"][name]
        assert counts, name
        assert sum(counts.values()) == body["total"], name  # every passage has one value of each
        for value, count in counts.items():
            filtered = search(multi_client, q=q, per_page=100, **{name: value})
            assert filtered["total"] == count, (name, value)


def test_chosen_values_add_up_and_other_values_stay_offered(multi_client):
    a, b = "Eastmoor Police", "Northshire Constabulary"
    both = search(multi_client, q="crime", force=[a, b])
    force = both["facets"]["force"]
    assert force[a] + force[b] == both["total"]
    assert "West Midlands Police" in force, "an unchosen force stays offered with its count"
    assert force["West Midlands Police"] == search(multi_client, q="crime", force="West Midlands Police")["total"]
    for name in ("year", "inspection", "grade", "kind"):  # facets without a choice count within the results
        assert sum(both["facets"][name].values()) == both["total"], name


def test_facet_counts_follow_the_other_filters(multi_client):
    body = search(multi_client, q="crime", year="2017")
    assert "West Midlands Police" not in body["facets"]["force"]  # its only report is from 2015
    assert set(body["facets"]["inspection"]) == {"PEEL effectiveness", "PEEL legitimacy"}
    assert sum(body["facets"]["force"].values()) == body["total"]


# --- filters ------------------------------------------------------------------

def test_values_of_one_filter_combine_with_or(multi_client):
    q = "crime"
    a = search(multi_client, q=q, force="Eastmoor Police")["total"]
    b = search(multi_client, q=q, force="Northshire Constabulary")["total"]
    repeated = search(multi_client, q=q, force=["Eastmoor Police", "Northshire Constabulary"], per_page=100)
    commas = search(multi_client, q=q, force="Eastmoor Police,Northshire Constabulary", per_page=100)
    assert repeated["total"] == a + b > max(a, b) > 0
    assert [h["id"] for h in commas["results"]] == [h["id"] for h in repeated["results"]]
    assert {h["report"]["force"] for h in repeated["results"]} == {"Eastmoor Police", "Northshire Constabulary"}


def test_different_filters_combine_with_and(multi_client):
    body = search(multi_client, q="crime", force="Northshire Constabulary", year=["2017", "2015"], per_page=100)
    assert body["total"] > 0
    assert {h["report"]["id"] for h in body["results"]} == {"peel-2017-northshire"}
    body = search(multi_client, q="crime", inspection="PEEL legitimacy", year="2016")
    assert body["total"] == 0 and body["results"] == []


def test_force_and_inspection_ignore_case(multi_client):
    exact = search(multi_client, q="crime", force="Eastmoor Police", inspection="PEEL legitimacy")
    loose = search(multi_client, q="crime", force="EASTMOOR police", inspection="peel LEGITIMACY")
    assert loose["total"] == exact["total"] > 0
    assert [h["id"] for h in loose["results"]] == [h["id"] for h in exact["results"]]


@pytest.mark.parametrize("grade", [g for g in GRADES if any(g == grade for r in REPORTS.values()
                                                                for *_, grade in r["judgments"])])
def test_grade_filter_returns_only_passages_from_sections_with_that_grade(multi_client, grade):
    hits = all_hits(multi_client, q="force", grade=grade)
    assert hits
    for hit in hits:
        assert hit["grade"] == grade
        assert section_grade(hit["report"]["id"], hit["heading_path"]) == grade, (hit["id"], hit["heading_path"])
    # and every passage of such a section that matches is found
    everything = all_hits(multi_client, q="force")
    expected = {h["id"] for h in everything if section_grade(h["report"]["id"], h["heading_path"]) == grade}
    assert {h["id"] for h in hits} == expected


def test_inadequate_is_the_vulnerability_chapter_of_the_reports_graded_so(multi_client):
    inadequate = {rid: q for rid, r in REPORTS.items() for q, column, grade in r["judgments"]
                  if column == VULNERABLE and grade == "Inadequate"}
    assert set(inadequate) == {"peel-2016-eastmoor", "peel-2017-fenmoor"}
    body = search(multi_client, q="missing children", grade="Inadequate", per_page=100)
    assert {h["report"]["id"] for h in body["results"]} == set(inadequate)
    for hit in body["results"]:
        assert inadequate[hit["report"]["id"]] in hit["heading_path"]


def test_grade_spellings_and_field_syntax_agree(multi_client):
    ids = [h["id"] for h in search(multi_client, q="crime", grade=RI, per_page=100)["results"]]
    assert ids
    for spelling in ("requires improvement", "REQUIRES-IMPROVEMENT", "requires_improvement"):
        assert [h["id"] for h in search(multi_client, q="crime", grade=spelling, per_page=100)["results"]] == ids
    field = search(multi_client, q='crime grade:"requires improvement"', per_page=100)
    assert sorted(h["id"] for h in field["results"]) == sorted(ids)


@pytest.mark.parametrize("query,name", [
    ("grade=Excellent", "grade"),
    ("grade=Good,Great", "grade"),
    ("year=2016,20x5", "year"),
    ("year=16", "year"),
    ("report=peel-2016-eastmoor&report=..%2Fetc", "report"),
    ("group=force", "group"),
    ("group=report,force", "group"),
])
def test_bad_filter_values_are_400s_in_the_error_shape(multi_client, query, name):
    for path in ("/api/search?q=crime&", "/search?q=crime&"):
        r = multi_client.get(path + query)
        assert r.status_code == 400, (path + query, r.status_code)
        assert "Traceback" not in r.get_data(as_text=True)
    error = assert_json_error(multi_client.get("/api/search?q=crime&" + query))
    assert error["code"] == "bad_parameter" and f"'{name}'" in error["message"]


def test_unknown_force_or_inspection_finds_nothing_without_error(multi_client):
    assert search(multi_client, q="crime", force="Kent Police")["total"] == 0
    assert search(multi_client, q="crime", inspection="PEEL efficiency")["total"] == 0


# --- HTML facets --------------------------------------------------------------

def test_facet_links_tick_and_untick_values_keeping_the_rest(multi_client):
    doc = html(multi_client, "/search?q=crime&per_page=5&page=2&grade=Good")
    api = search(multi_client, q="crime", grade="Good")
    forces = facet_links(doc, "force")
    assert set(forces) == set(api["facets"]["force"])
    for value, a in forces.items():
        assert str(api["facets"]["force"][value]) in a.parent.text
        assert query_of(a.attrs["href"]) == {"q": ["crime"], "per_page": ["5"], "grade": ["Good"], "force": [value]}
    # tick a second force: both in the URL
    first = html(multi_client, forces["Eastmoor Police"].attrs["href"])
    second = facet_links(first, "force")["Northshire Constabulary"].attrs["href"]
    assert sorted(query_of(second)["force"]) == ["Eastmoor Police", "Northshire Constabulary"]
    both = html(multi_client, second)
    ticked = facet_links(both, "force")["Eastmoor Police"]
    assert ticked.attrs["role"] == "checkbox" and ticked.attrs["aria-checked"] == "true"
    assert facet_links(both, "year")["2016"].attrs["aria-checked"] == "false"
    assert "☐" not in both.text and "☑" not in both.text
    assert query_of(ticked.attrs["href"])["force"] == ["Northshire Constabulary"]  # unticking keeps the other
    shown = {a.attrs["href"].split("/reports/")[1].split("#")[0] for a in both.find_all("a", cls="context-link")}
    assert shown <= {"peel-2016-eastmoor", "peel-legitimacy-2017-eastmoor", "peel-2016-northshire",
                     "peel-2017-northshire"}
    summary = squash(both.find(id="results-summary").text)
    total = search(multi_client, q="crime", grade="Good", force=["Eastmoor Police", "Northshire Constabulary"])["total"]
    assert f"of {total}" in summary


def test_every_facet_and_its_counts_are_on_the_page(multi_client):
    doc = html(multi_client, "/search?q=missing+children")
    api = search(multi_client, q="missing children")
    for name in FACETS:
        links = facet_links(doc, name)
        labels = {value: value.replace("_", " ").capitalize() if name == "kind" else value
                  for value in api["facets"][name]}
        assert set(links) == set(labels.values()), name
        for value, label in labels.items():
            assert squash(links[label].parent.text).endswith(str(api["facets"][name][value]))


def test_a_question_page_shows_the_facets_of_its_passages_and_the_json_answer_leaves_them_out(multi_client,
                                                                                               multi_store):
    from search_service import answer as answer_mod

    q = "How well does Eastmoor Police protect vulnerable people?"
    doc = html(multi_client, "/search?" + urlencode({"q": q}))
    with_facets = answer_mod.answer_question(multi_store, q)
    without = answer_mod.answer_question(multi_store, q, facets=False)
    forces = with_facets.result.facets["force"]
    assert forces and set(facet_links(doc, "force")) == set(forces), "the page offers the facets of the question"
    assert without.result.facets == {}
    assert [h.passage.id for h in without.result.hits] == [h.passage.id for h in with_facets.result.hits]
    assert (without.answer and without.answer.text) == (with_facets.answer and with_facets.answer.text)
    body = multi_client.get("/api/ask?" + urlencode({"q": q})).get_json()
    assert "facets" not in body
    assert [r["id"] for r in body["results"]] == [h.passage.id for h in without.result.hits]


def test_grade_facet_values_are_badges_with_text(multi_client):
    doc = html(multi_client, "/search?q=crime")
    for label, a in facet_links(doc, "grade").items():
        badge = a.find("span", cls="grade")
        assert badge is not None and squash(badge.text) == label
        assert f"grade-{label.lower().replace(' ', '-')}" in badge.classes


def test_chips_remove_one_value_and_clear_all_keeps_the_query(multi_client):
    doc = html(multi_client, "/search?q=crime&force=eastmoor+police&year=2016&year=2017&group=report")
    chips = {squash(a.text).rstrip(" ×"): a.attrs["href"] for a in doc.find_all("a", cls="chip")}
    assert set(chips) == {"Organisation: Eastmoor Police", "Year: 2016", "Year: 2017"}
    assert query_of(chips["Year: 2016"]) == {"q": ["crime"], "group": ["report"], "force": ["Eastmoor Police"],
                                             "year": ["2017"]}
    clear = doc.find("a", cls="clear-filters")
    assert query_of(clear.attrs["href"]) == {"q": ["crime"], "group": ["report"]}


# --- index schema -------------------------------------------------------------

def test_an_index_from_before_grades_is_rebuilt(tmp_path, monkeypatch):
    """An index built without the grade and inspection fields (an older
    version) would answer every grade filter with nothing: it is rebuilt."""
    from search_service import index as index_mod
    from search_service import indexer as indexer_mod
    from search_service.search import search as run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "peel-2016-eastmoor.txt", corpus)
    new_schema = index_mod.make_schema

    def old_schema():
        schema = new_schema()
        for name in ("grade", "inspection", "vectors"):  # none of these existed then
            schema.remove(name)
        return schema

    monkeypatch.setattr(indexer_mod, "make_schema", old_schema)
    monkeypatch.setattr(indexer_mod, "passage_doc", lambda p, r, _doc=indexer_mod.passage_doc, **_: {
        k: v for k, v in _doc(p, r).items() if k not in ("grade", "inspection")})
    old = index_mod.IndexStore(tmp_path / "index", corpus)
    indexer_mod.Indexer(old).sync(rebuild=True)
    monkeypatch.undo()
    store = index_mod.IndexStore(tmp_path / "index", corpus)
    assert store.outdated()
    indexer_mod.Indexer(store).ensure()
    assert not store.outdated()
    assert run(store, "missing children", filters={"grade": "Inadequate"}).total > 0
