"""The comparison table of judgments (HTML, JSON, CSV) over many reports.

What the reports say is written down by hand in many_reports.py; page
numbers are read from the report files themselves, not from the code under
test.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from urllib.parse import urlencode

import pytest
from htmlparse import squash
from many_reports import (
    ETHICAL,
    INVESTIGATE,
    PREVENT,
    REPORTS,
    RI,
    VULNERABLE,
    WORKFORCE,
    grades,
)

from search_service.compare import judgment_label
from search_service.ingest import ingest
from search_service.rules import GRADES
from tests.conftest import FIXTURES, deploy
from tests.http_helpers import assert_json_error, get_json, html, query_of, search

QUERIES = ("missing children", "crime", "force should")


# --- comparison table ---------------------------------------------------------

def expected_table(keep=lambda rid, e: True, grade=None):
    rows = {rid: {c: g for c, g in grades(rid).items() if grade is None or g == grade}
            for rid, e in REPORTS.items() if keep(rid, e)}
    return {rid: cells for rid, cells in rows.items() if cells or grade is None}


def check_compare(table, expected):
    assert table["areas"][0] == "Overall" or "Overall" not in table["areas"]
    assert {row["report"]["id"] for row in table["rows"]} == set(expected)
    assert set(table["areas"]) == {c for cells in expected.values() for c in cells}
    for row in table["rows"]:
        rid = row["report"]["id"]
        assert list(row["grades"]) == table["areas"]
        assert {a: g for a, g in row["grades"].items() if g} == expected[rid], rid
        for area, source in row["sources"].items():
            question = next(q for q, c, _ in REPORTS[rid]["judgments"] if c == area)
            assert source["area"] == question
            assert source["url"] == f"/reports/{rid}#{source['passage_id']}"


def test_compare_json_matches_the_judgments_in_the_files(multi_client):
    table = get_json(multi_client, "/api/compare")
    check_compare(table, expected_table())
    assert table["areas"][:4] == ["Overall", PREVENT, INVESTIGATE, VULNERABLE]
    # the 2015/2016 and 2017 wordings of the prevention question are one column
    wordings = {row["sources"][PREVENT]["area"] for row in table["rows"] if PREVENT in row["sources"]}
    assert len(wordings) == 2
    order = [(r["report"]["force"], r["report"]["year"]) for r in table["rows"]]
    assert order == sorted(order)


def test_compare_grade_filter_shows_who_requires_improvement_at_what(multi_client):
    table = get_json(multi_client, "/api/compare?grade=requires+improvement")
    check_compare(table, expected_table(grade=RI))
    assert ETHICAL in table["areas"] and WORKFORCE not in table["areas"]
    assert all(g in (RI, None) for row in table["rows"] for g in row["grades"].values())


@pytest.mark.parametrize("params,keep,grade", [
    ({"force": "Northshire Constabulary"}, lambda r, e: e["force"] == "Northshire Constabulary", None),
    ({"year": ["2016", "2017"], "inspection": "PEEL effectiveness"},
     lambda r, e: e["year"] in (2016, 2017) and e["inspection"] == "PEEL effectiveness", None),
    ({"force": "eastmoor police,west midlands police", "grade": "Good,Outstanding"},
     lambda r, e: e["force"] in ("Eastmoor Police", "West Midlands Police"), ("Good", "Outstanding")),
])
def test_compare_filters_choose_rows_and_cells(multi_client, params, keep, grade):
    table = get_json(multi_client, "/api/compare?" + urlencode(params, doseq=True))
    if grade is None:
        check_compare(table, expected_table(keep))
    else:
        expected = {rid: {c: g for c, g in grades(rid).items() if g in grade}
                    for rid, e in REPORTS.items() if keep(rid, e)}
        check_compare(table, {rid: cells for rid, cells in expected.items() if cells})


def test_compare_area_filter_chooses_columns(multi_client):
    table = get_json(multi_client, "/api/compare?" + urlencode(
        {"area": ["overall", "protecting-vulnerable-people-and-supporting-victims"]}, doseq=True))
    assert table["areas"] == ["Overall", VULNERABLE]
    assert len(table["rows"]) == len(REPORTS)
    by_label = get_json(multi_client, "/api/compare?" + urlencode({"area": VULNERABLE.upper()}))
    assert by_label["areas"] == [VULNERABLE]


@pytest.mark.parametrize("query", ["grade=Excellent", "area=nowhere", "year=20x5", "year=2016,16"])
@pytest.mark.parametrize("path", ["/api/compare", "/api/compare.csv"])
def test_compare_refuses_bad_filters_with_the_error_shape(multi_client, path, query):
    assert_json_error(multi_client.get(f"{path}?{query}"))
    page = multi_client.get(f"/compare?{query}")
    assert page.status_code == 400 and page.mimetype == "text/html"


def test_compare_refuses_an_unknown_format(multi_client):
    assert "format" in assert_json_error(multi_client.get("/api/compare?format=xlsx"))["message"]


def read_csv(response):
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert ".csv" in response.headers["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


@pytest.mark.parametrize("params", [{}, {"grade": RI}, {"force": "Eastmoor Police", "area": "overall"}])
def test_compare_csv_agrees_with_the_json(multi_client, params):
    qs = urlencode(params)
    table = get_json(multi_client, f"/api/compare?{qs}")
    rows = read_csv(multi_client.get(f"/api/compare.csv?{qs}"))
    assert rows == read_csv(multi_client.get(f"/api/compare?{qs}&format=csv"))
    assert rows[0] == ["Force", "Year", "Inspection", "Report", "Title"] + table["areas"] + [
        "Organisation type", "Grading scale", "Programme"]
    assert len(rows) == len(table["rows"]) + 1
    for line, row in zip(rows[1:], table["rows"]):
        r = row["report"]
        assert line[:5] == [r["force"], str(r["year"]), r["inspection"], r["id"], r["title"]]
        assert line[5:-3] == [row["grades"][a] or "" for a in table["areas"]]
        assert line[-3:] == [r["organisation_type"], r["grading_scale"], r["programme"]]


def test_compare_csv_quotes_commas_quotes_and_defuses_formulas(tmp_path):
    """Titles come from files and sidecars: a comma, a quote or a leading "="
    must not break the CSV or run as a spreadsheet formula."""
    from search_service.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "peel-2016-eastmoor.txt", corpus)
    title = 'Eastmoor, "the harbour force", 2016'
    (corpus / "peel-2016-eastmoor.meta.json").write_text(
        json.dumps({"title": title, "inspection": "=HYPERLINK(\"x\")"}), encoding="utf-8")
    client = deploy(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", admin_token=None)).client()
    response = client.get("/api/compare.csv")
    text = response.get_data(as_text=True)
    assert '"Eastmoor, ""the harbour force"", 2016"' in text
    rows = read_csv(response)
    assert rows[1][4] == title
    assert rows[1][2] == "'=HYPERLINK(\"x\")"
    assert rows[1][5:-3] == [g for _, _, g in REPORTS["peel-2016-eastmoor"]["judgments"]]


def compare_cells(doc):
    table = doc.find("table", cls="compare-table")
    areas = [squash(th.text) for th in table.find("thead").find_all("th")][1:]
    rows = {}
    for tr in table.find("tbody").find_all("tr"):
        rid = tr.attrs["id"].removeprefix("row-")
        cells = tr.find_all("td")
        assert len(cells) == len(areas)
        rows[rid] = {area: td for area, td in zip(areas, cells)}
    return areas, rows


@pytest.mark.parametrize("params", [{}, {"grade": RI}, {"year": "2017"}])
def test_compare_page_agrees_with_the_json(multi_client, params):
    qs = urlencode(params)
    table = get_json(multi_client, f"/api/compare?{qs}")
    areas, rows = compare_cells(html(multi_client, f"/compare?{qs}"))
    assert areas == table["areas"]
    assert list(rows) == [row["report"]["id"] for row in table["rows"]]
    for row in table["rows"]:
        for area, grade in row["grades"].items():
            td = rows[row["report"]["id"]][area]
            badge = td.find("span", cls="grade")
            if grade is None:
                assert badge is None and "Not graded" in td.text
            else:
                assert squash(badge.text) == grade
                assert td.find("a").attrs["href"] == row["sources"][area]["url"]


def test_compare_cells_open_the_passage_that_gives_the_grade(multi_client):
    _, rows = compare_cells(html(multi_client, "/compare?force=Eastmoor+Police"))
    for rid, cells in rows.items():
        report = get_json(multi_client, f"/api/reports/{rid}")
        passages = {p["id"]: p for p in report["passages"]}
        page = html(multi_client, f"/reports/{rid}")
        for area, td in cells.items():
            link = td.find("a")
            if link is None:
                continue
            path, anchor = link.attrs["href"].split("#")
            assert path == f"/reports/{rid}" and page.find(id=anchor) is not None
            question = next(q for q, c, _ in REPORTS[rid]["judgments"] if c == area)
            expected_heading = "Overall judgment" if question == "Overall" else question
            assert expected_heading in passages[anchor]["heading_path"]


def test_compare_page_filter_form_keeps_state_in_the_url(multi_client):
    doc = html(multi_client, "/compare?grade=requires-improvement&force=Northshire+Constabulary")
    form = doc.find("form", cls="compare-filters")
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/compare"
    checked = {(i.attrs["name"], i.attrs["value"]) for i in form.find_all("input") if "checked" in i.attrs}
    assert checked == {("grade", RI), ("force", "Northshire Constabulary")}
    assert {i.attrs["name"] for i in form.find_all("input", type="checkbox")} == \
           {"force", "year", "family", "inspection", "area", "grade"}
    csv_link = doc.find("a", cls="csv-link").attrs["href"]
    assert csv_link.startswith("/api/compare.csv?")
    assert query_of(csv_link) == {"grade": [RI], "force": ["Northshire Constabulary"]}
    assert multi_client.get(csv_link).status_code == 200


def test_compare_is_in_the_site_nav(multi_client):
    nav = html(multi_client, "/").find("nav", **{"aria-label": "Main"})
    assert "/compare" in [a.attrs["href"] for a in nav.find_all("a")]


# --- pages and spec -----------------------------------------------------------

@pytest.mark.parametrize("url", ["/compare", "/compare?grade=Good&area=overall", "/reports?force=Eastmoor+Police",
                                 "/search?q=crime&group=report&grade=Good", "/search?q=crime&report=peel-2016-eastmoor"])
def test_new_pages_use_no_inline_code_or_styles(multi_client, url):
    doc = html(multi_client, url)
    for el in doc.iter():
        assert "style" not in el.attrs and not any(name.startswith("on") for name in el.attrs)
        if el.tag == "script":
            assert el.attrs.get("src", "").startswith("/static/") and not el.text.strip()
    ids = [e.attrs["id"] for e in doc.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))


def test_openapi_documents_the_new_parameters_and_shapes(multi_client):
    spec = get_json(multi_client, "/api/openapi.json")
    params = {p["name"]: p for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"inspection", "grade", "group"} <= set(params)
    assert params["grade"]["schema"]["items"]["enum"] == list(GRADES)
    for name in ("force", "year", "inspection", "grade", "kind", "report"):
        assert params[name]["explode"] is True and params[name]["schema"]["type"] == "array"
    schemas = spec["components"]["schemas"]
    assert {"groups", "groups_total", "group"} <= set(schemas["SearchResponse"]["properties"])
    assert set(schemas["Group"]["required"]) == {"report", "count", "score", "pages", "hits"}
    compare = spec["paths"]["/api/compare"]["get"]
    assert {p["name"] for p in compare["parameters"]} == {"force", "year", "family", "inspection", "area", "grade",
                                                          "format"}
    assert "text/csv" in spec["paths"]["/api/compare.csv"]["get"]["responses"]["200"]["content"]
    assert {p["name"] for p in spec["paths"]["/api/reports"]["get"]["parameters"]} == {"force", "year", "family",
                                                                                       "inspection"}
    # the documented shapes are the ones served
    body = search(multi_client, q="crime", group="report")
    assert set(schemas["SearchResponse"]["required"]) <= set(body)
    assert set(body["groups"][0]) == set(schemas["Group"]["properties"])
    table = get_json(multi_client, "/api/compare")
    assert set(table) == set(schemas["CompareResponse"]["properties"])
    assert set(table["rows"][0]) == set(schemas["CompareResponse"]["properties"]["rows"]["items"]["properties"])


def test_a_grade_for_one_subject_is_never_set_beside_another_subjects_overall_grade():
    """A report on one subject names its Overall grade after it: a PEEL
    pillar report's after its pillar, a crime data integrity inspection's
    after crime data integrity. The compare table, the national picture and
    the forces list then never count Tollbridge's grade for crime recording
    as an overall PEEL grade."""
    cdi = ingest(FIXTURES / "cdi-2018-tollbridge.txt").report
    pillar = ingest(FIXTURES / "peel-efficiency-2016-harrowmere.txt").report
    assert judgment_label(cdi, "Overall") == "Crime data integrity"
    assert judgment_label(pillar, "Overall") == "Efficiency"
