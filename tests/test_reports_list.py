"""Many reports side by side: the fixtures as written by hand, the reports
list (JSON and page) and its filters.

What the reports say is written down by hand in many_reports.py; page
numbers are read from the report files themselves, not from the code under
test.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from htmlparse import squash
from many_reports import REPORTS

from search_service.rules import GRADES
from tests.conftest import MULTI_FIXTURES, REPO
from tests.http_helpers import assert_json_error, facet_links, get_json, html

QUERIES = ("missing children", "crime", "force should")


# --- the store ----------------------------------------------------------------

def test_every_fixture_has_an_entry_written_by_hand():
    ids = {name.rsplit(".", 1)[0] for name in MULTI_FIXTURES} | {"peel-effectiveness-2015-west-midlands"}
    assert ids == set(REPORTS)


@pytest.mark.parametrize("report_id", sorted(r for r in REPORTS if REPORTS[r]["file"].startswith("tests/")
                                             and REPORTS[r]["file"].endswith(".txt")))
def test_judgments_written_by_hand_are_as_in_the_file(report_id):
    """Guards the hand-written table: each question appears in the file and the
    first grade line after it is the grade we wrote down. (Only the invented
    reports: the seed's overview sets two questions side by side in columns;
    its grades are checked in test_answer.)"""
    raw = (REPO / REPORTS[report_id]["file"]).read_text(encoding="utf-8")
    marked = "\n".join(f"<<{l.strip()}>>" if l.strip() in GRADES else l for l in raw.split("\n"))
    flat = " ".join(re.sub(r"(?<=[a-z])-\s*\n\s*", "-", marked).split())
    for question, _, grade in REPORTS[report_id]["judgments"]:
        anchor = "Overall judgment" if question == "Overall" else question
        at = flat.find(anchor)
        assert at >= 0, f"{anchor!r} not in {report_id}"
        assert re.search(r"<<(.*?)>>", flat[at:]).group(1) == grade, (report_id, question)


def test_reports_are_listed_with_metadata_and_judgments(multi_client):
    listed = {r["id"]: r for r in get_json(multi_client, "/api/reports")["reports"]}
    assert set(listed) == set(REPORTS)
    for rid, expected in REPORTS.items():
        r = listed[rid]
        assert (r["force"], r["year"], r["inspection"]) == (expected["force"], expected["year"], expected["inspection"])
        assert [(j["area"], j["grade"]) for j in r["judgments"]] == [(q, g) for q, _, g in expected["judgments"]]
        assert all(j["passage_id"] and j["passage_id"].startswith(rid) for j in r["judgments"])

# --- reports page -------------------------------------------------------------

def test_api_reports_filters(multi_client):
    def ids(**params):
        return {r["id"] for r in get_json(multi_client, "/api/reports?" + urlencode(params, doseq=True))["reports"]}
    assert ids(force="Eastmoor Police") == {"peel-2016-eastmoor", "peel-legitimacy-2017-eastmoor"}
    assert ids(year=["2015", "2017"]) == {r for r, e in REPORTS.items() if e["year"] in (2015, 2017)}
    assert ids(force="eastmoor police", inspection="PEEL effectiveness") == {"peel-2016-eastmoor"}
    assert ids(year="2014") == set()
    assert_json_error(multi_client.get("/api/reports?year=twenty"))


def test_reports_page_shows_each_judgment_as_a_badge_with_text(multi_client):
    doc = html(multi_client, "/reports")
    rows = doc.find("tbody").find_all("tr")
    assert len(rows) == len(REPORTS)
    for row in rows:
        rid = row.find("a").attrs["href"].rsplit("/", 1)[1]
        badges = row.find_all("span", cls="grade")
        assert [squash(b.text) for b in badges] == [g for _, _, g in REPORTS[rid]["judgments"]]
        for b in badges:
            assert f"grade-{squash(b.text).lower().replace(' ', '-')}" in b.classes  # colour and text
        links = [a.attrs["href"] for a in row.find_all("a", cls="grade-link")]
        assert len(links) == len(badges) and all(h.startswith(f"/reports/{rid}#{rid}-") for h in links)


def test_reports_page_filters_by_force_year_and_inspection(multi_client):
    doc = html(multi_client, "/reports?force=Northshire+Constabulary")
    listed = [a.attrs["href"] for a in doc.find("tbody").find_all("a") if "grade-link" not in a.classes]
    assert sorted(listed) == ["/reports/peel-2016-northshire", "/reports/peel-2017-northshire"]
    years = facet_links(doc, "year")
    assert set(years) == {"2016", "2017"}
    narrowed = html(multi_client, years["2017"].attrs["href"])
    assert [a.attrs["href"] for a in narrowed.find("tbody").find_all("a") if "grade-link" not in a.classes] == \
           ["/reports/peel-2017-northshire"]
    inspections = facet_links(html(multi_client, "/reports"), "inspection")
    assert set(inspections) == {"PEEL effectiveness", "PEEL legitimacy"}
    assert "1" in inspections["PEEL legitimacy"].parent.find(cls="count").text


def test_each_report_names_its_areas_in_its_own_programme_and_scale(every):
    # the four-tier PEEL questions are named by their joined labels; a five-tier report or a fire report keeps its
    # own areas: Eastmoor 2021/22's "Managing offenders and suspects" is not a second "Investigating crime and
    # reducing re-offending", nor Dunmere's "Future affordability" PEEL's "Planning for future demand"
    doc = html(every.client(), "/reports")
    for rid, wanted, unwanted in (
            ("peel-2021-22-eastmoor", {"Investigating crime", "Managing offenders and suspects"},
             "Investigating crime and reducing re-offending"),
            ("frs-2023-25-dunmere", {"Future affordability", "Best use of resources"}, "Planning for future demand")):
        row = doc.find("tr", id=f"report-{rid}")
        areas = [squash(s.text) for s in row.find_all("span", cls="judgment-area")]
        assert wanted <= set(areas) and unwanted not in areas, areas
        assert len(areas) == len(set(areas))  # no two areas under one name
