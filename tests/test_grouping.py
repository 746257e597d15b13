"""Hits grouped by report, and searching within one report.

What the reports say is written down by hand in many_reports.py; page
numbers are read from the report files themselves, not from the code under
test.
"""
from __future__ import annotations

import json

import pytest
from htmlparse import squash
from many_reports import REPORTS, RI

from tests.http_helpers import get_json, html, pages_with, query_of, search

QUERIES = ("missing children", "crime", "force should")


# --- grouping by report -------------------------------------------------------

@pytest.mark.parametrize("word", ["Kettlebridge", "Harbourside", "Greystone", "vetting"])
def test_group_by_report_lists_the_pages_where_the_word_is(multi_client, word):
    body = search(multi_client, q=word, group="report", per_page=100)
    assert body["group"] == "report"
    expected = {rid: pages for rid in REPORTS if (pages := pages_with(rid, word))}
    groups = {g["report"]["id"]: g for g in body["groups"]}
    assert set(groups) == set(expected)
    assert body["groups_total"] == len(expected)
    for rid, g in groups.items():
        assert {p["page"] for p in g["pages"]} == expected[rid], rid
        assert [p["page"] for p in g["pages"]] == sorted(p["page"] for p in g["pages"])
        assert g["count"] == search(multi_client, q=word, report=rid)["total"] >= len(g["pages"])
        passages = {p["id"]: p for p in get_json(multi_client, f"/api/reports/{rid}")["passages"]}
        for p in g["pages"]:
            assert p["url"] == f"/reports/{rid}#{p['id']}"
            assert passages[p["id"]]["page"] == p["page"]
            assert word.lower() in passages[p["id"]]["text"].lower()


def test_groups_are_ordered_by_their_best_hit(multi_client):
    flat = search(multi_client, q="missing children", per_page=100)
    grouped = search(multi_client, q="missing children", group="report", per_page=100)
    first_seen = list(dict.fromkeys(h["report"]["id"] for h in flat["results"]))
    assert [g["report"]["id"] for g in grouped["groups"]] == first_seen
    scores = [g["score"] for g in grouped["groups"]]
    assert scores == sorted(scores, reverse=True)
    assert grouped["total"] == flat["total"]
    for g in grouped["groups"]:
        in_report = [h for h in flat["results"] if h["report"]["id"] == g["report"]["id"]]
        assert g["count"] == len(in_report)
        assert [h["id"] for h in g["hits"]] == [h["id"] for h in in_report[:len(g["hits"])]]
        assert [h["rank"] for h in g["hits"]] == [h["rank"] for h in in_report[:len(g["hits"])]]
    assert [h["id"] for h in grouped["results"]] == [h["id"] for g in grouped["groups"] for h in g["hits"]]


def test_grouped_results_page_through_reports(multi_client):
    everything = search(multi_client, q="crime", group="report", per_page=100)
    assert everything["groups_total"] == len(everything["groups"]) >= 3
    pages = [search(multi_client, q="crime", group="report", per_page=2, page=n) for n in (1, 2, 3)]
    seen = [g["report"]["id"] for p in pages for g in p["groups"]]
    assert seen == [g["report"]["id"] for g in everything["groups"]][:6]
    assert all(p["groups_total"] == everything["groups_total"] and p["total"] == everything["total"] for p in pages)
    beyond = search(multi_client, q="crime", group="report", per_page=2, page=50)
    assert beyond["groups"] == [] and beyond["results"] == []


def test_ungrouped_response_is_unchanged(multi_client):
    body = search(multi_client, q="crime")
    assert not {"group", "groups", "groups_total"} & set(body)


def test_grouped_page_lists_pages_linking_into_the_report(multi_client):
    api = search(multi_client, q="Kettlebridge", group="report")
    doc = html(multi_client, "/search?q=Kettlebridge&group=report")
    items = doc.find_all("li", cls="group")
    assert len(items) == len(api["groups"])
    for li, g in zip(items, api["groups"]):
        assert g["report"]["title"] in li.find(cls="group-report").text
        line = squash(li.find(cls="group-pages").text)
        assert line.startswith(f"{g['count']} passage")
        links = li.find_all("a", cls="page-link")
        assert [squash(a.text) for a in links] == [str(p["page"]) for p in g["pages"]]
        assert [a.attrs["href"] for a in links] == [p["url"] for p in g["pages"]]
        report = html(multi_client, f"/reports/{g['report']['id']}")
        for a in links:
            assert report.find(id=a.attrs["href"].split("#")[1]) is not None
        assert len(li.find_all("li", cls="hit")) == len(g["hits"])
    toggle = doc.find(cls="group-toggle").find("a")
    assert query_of(toggle.attrs["href"]) == {"q": ["Kettlebridge"]}


# --- search within one report -------------------------------------------------

def test_report_page_has_a_search_box_for_that_report(multi_client):
    doc = html(multi_client, "/reports/peel-2017-northshire")
    form = doc.find("form", cls="search-within")
    assert form.attrs["action"] == "/search" and form.attrs["method"] == "get"
    hidden = form.find("input", type="hidden")
    assert (hidden.attrs["name"], hidden.attrs["value"]) == ("report", "peel-2017-northshire")
    box = form.find("input", type="search")
    assert box.attrs["name"] == "q" and doc.find("label", **{"for": box.attrs["id"]})


@pytest.mark.parametrize("report_id", sorted(REPORTS))
def test_search_within_a_report_never_returns_another(multi_client, report_id):
    body = search(multi_client, q="crime force police", report=report_id, per_page=100)
    assert body["total"] > 0
    assert {h["report"]["id"] for h in body["results"]} == {report_id}
    assert body["facets"]["force"] == {REPORTS[report_id]["force"]: body["total"]}
    doc = html(multi_client, f"/search?q=crime+force+police&report={report_id}&per_page=100")
    links = [a.attrs["href"] for a in doc.find_all("a", cls="context-link")]
    assert links and all(h.startswith(f"/reports/{report_id}#") for h in links)


def test_results_say_which_report_is_searched_and_how_to_search_all(multi_client):
    doc = html(multi_client, "/search?q=missing+children&report=peel-2016-eastmoor")
    notice = doc.find(cls="search-within-notice")
    assert "PEEL: Police effectiveness 2016 – Eastmoor Police" in squash(notice.text)
    clear = notice.find("a", cls="search-all")
    assert query_of(clear.attrs["href"]) == {"q": ["missing children"]}
    everywhere = html(multi_client, clear.attrs["href"])
    assert everywhere.find(cls="search-within-notice") is None
    reports = {a.attrs["href"].split("#")[0] for a in everywhere.find_all("a", cls="context-link")}
    assert len(reports) > 1
    chip = next(a for a in doc.find_all("a", cls="chip") if "Report:" in a.text)
    assert "Eastmoor" in chip.text  # the title, not only the id
    # the header box searches the same report again
    header = doc.find("form", role="search")
    assert header.find("input", type="hidden", name="report").attrs["value"] == "peel-2016-eastmoor"


# --- CLI ----------------------------------------------------------------------

def test_cli_filters_and_grouping_match_the_api(multi_settings, multi_client, capsys):
    from search_service.cli import main

    status = main(["--corpus", str(multi_settings.corpus_dir), "--index", str(multi_settings.index_dir),
                   "search", "missing children", "--grade", "inadequate,requires improvement",
                   "--inspection", "PEEL effectiveness", "--force", "Eastmoor Police", "--force", "Northshire Constabulary",
                   "--group", "report", "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    api = search(multi_client, q="missing children", grade=["Inadequate", RI], inspection="PEEL effectiveness",
                 force=["Eastmoor Police", "Northshire Constabulary"], group="report")
    cli_json = json.loads(out)
    assert cli_json.pop("took_ms") >= 0 and api.pop("took_ms") >= 0
    assert cli_json == api
    status = main(["--corpus", str(multi_settings.corpus_dir), "--index", str(multi_settings.index_dir),
                   "search", "missing children", "--group", "report"])
    out, _ = capsys.readouterr()
    for g in api["groups"]:
        assert g["report"]["title"] in out
        assert ", ".join(str(p["page"]) for p in g["pages"]) in out
