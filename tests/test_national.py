"""The national picture per judgment area (/areas/<key>, /api/areas/<key>):
organisations per grade and cycle as a stacked bar chart, its data table,
the list behind it, CSV and JSON. Expected counts are worked out from the
hand-written truth files (tests/fixtures/*.expected.json) with rules of
this file, not the program's mapping of questions to areas."""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from urllib.parse import quote

import pytest

from htmlparse import squash
from tests.conftest import FIXTURES
from tests.http_helpers import assert_json_error, get_json, html

TRUTHS = {p.name.removesuffix(".expected.json"): json.loads(p.read_text(encoding="utf-8"))
          for p in FIXTURES.glob("*.expected.json")}
FOUR_TIER = ["Outstanding", "Good", "Requires improvement", "Inadequate"]
FIVE_TIER = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]


def expected_counts(scale: str, kind: str, picks) -> dict[str, Counter]:
    """cycle → grade → organisations, from the truth files: the judgment that
    ``picks(report truth, judgment)`` selects, one per organisation and cycle."""
    out: dict[str, dict[str, str]] = {}
    for t in TRUTHS.values():
        if t["grading_scale"] != scale or t["organisation_type"] != kind:
            continue
        for j in t["judgments"]:
            if picks(t, j):
                out.setdefault(t["inspection_year"], {})[t["organisations"][0]] = j["grade"]
                break
    return {cycle: Counter(by_org.values()) for cycle, by_org in out.items()}


def vulnerable(t, j):
    return "vulnerable" in j["area"].lower()


def effectiveness(t, j):
    """The overall grade of an effectiveness report, or the 2018/19 pillar grade."""
    return (j["area"] == "Overall" and t["inspection"] == "PEEL effectiveness") or j["area"] == "Effectiveness"


@pytest.fixture()
def client(every):
    return every.client()


def counts_of(group) -> dict[str, Counter]:
    return {c["cycle"]: Counter({g: n for g, n in c["counts"].items() if n}) for c in group["cycles"]}


@pytest.mark.parametrize("key, scale, picks", [
    ("protecting-vulnerable-people-and-supporting-victims", "four-tier", vulnerable),
    ("protecting-vulnerable-people", "five-tier", vulnerable),
    ("effectiveness", "four-tier", effectiveness),
])
def test_counts_per_cycle_and_grade_are_those_of_the_reports(client, key, scale, picks):
    body = get_json(client, f"/api/areas/{key}")
    police = [g for g in body["groups"] if g["organisation_type"] == "police force"]
    assert len(police) == 1 and police[0]["grading_scale"] == scale
    group = police[0]
    assert group["grades"] == (FIVE_TIER if scale == "five-tier" else FOUR_TIER)
    assert counts_of(group) == expected_counts(scale, "police force", picks)
    for c in group["cycles"]:
        assert list(c["counts"]) == group["grades"] and c["total"] == sum(c["counts"].values())
    years = [int(c["cycle"][:4]) for c in group["cycles"]]
    assert years == sorted(years)


def test_fire_and_police_grades_of_one_name_stay_apart(client):
    body = get_json(client, "/api/areas/effectiveness")
    groups = [(g["organisation_type"], g["grading_scale"]) for g in body["groups"]]
    assert groups == [("police force", "four-tier"), ("fire and rescue service", "four-tier")]
    fire = body["groups"][1]
    assert counts_of(fire) == expected_counts("four-tier", "fire and rescue service",
                                              lambda t, j: j["area"] == "Effectiveness")
    assert {r["organisation"] for r in fire["rows"]} == {"Fenmoor Fire and Rescue Service"}
    assert "compared only with each other" in fire["caution"]


def test_the_list_behind_the_counts_links_each_grade_to_its_passage(client, every):
    body = get_json(client, "/api/areas/protecting-vulnerable-people-and-supporting-victims")
    group = body["groups"][0]
    rows = group["rows"]
    assert Counter((r["cycle"], r["grade"]) for r in rows) == \
        Counter({(c["cycle"], g): n for c in group["cycles"] for g, n in c["counts"].items() if n})
    order = [c["cycle"] for c in group["cycles"]]
    assert [r["cycle"] for r in rows] == sorted((r["cycle"] for r in rows), key=order.index, reverse=True)
    for r in rows:
        truth = TRUTHS[r["report"]["id"]]
        assert r["organisation"] in truth["organisations"]
        assert {"area": r["area"], "grade": r["grade"]} in truth["judgments"]
        passage = every.store.passage(r["passage_id"])
        assert passage.report_id == r["report"]["id"] and r["url"] == f"/reports/{r['report']['id']}#{r['passage_id']}"
        assert r["organisation_url"] == "/forces/" + re.sub(r"[^a-z0-9]+", "-", r["organisation"].lower()).strip("-")


def test_cycle_and_grade_narrow_the_list_not_the_chart(client):
    key = "protecting-vulnerable-people-and-supporting-victims"
    everything = get_json(client, f"/api/areas/{key}")["groups"][0]
    body = get_json(client, f"/api/areas/{key}?cycle=2017")
    assert body["cycle"] == "2017"
    assert body["groups"][0]["cycles"] == everything["cycles"]
    assert {r["cycle"] for r in body["groups"][0]["rows"]} == {"2017"}
    assert len(body["groups"][0]["rows"]) == sum(c["total"] for c in everything["cycles"] if c["cycle"] == "2017")
    narrowed = get_json(client, f"/api/areas/{key}?cycle=2017&grade=inadequate")["groups"][0]["rows"]
    assert [(r["organisation"], r["grade"]) for r in narrowed] == [("Fenmoor Constabulary", "Inadequate")]
    # a cycle written with a hyphen is the en dash the reports use
    assert get_json(client, "/api/areas/investigating-crime?cycle=2023-25")["cycle"] == "2023–25"


@pytest.mark.parametrize("url, status", [
    ("/api/areas/no-such-area", 404), ("/api/areas/effectiveness?cycle=2099", 400),
    ("/api/areas/effectiveness?grade=excellent", 400), ("/api/areas/effectiveness?format=pdf", 400),
    ("/api/areas/effectiveness?table=everything&format=csv", 400), (f"/api/areas/{'x' * 5000}", 404),
    ("/api/areas/..%2f..%2fetc", 404),
])
def test_bad_input_is_a_clear_4xx(client, url, status):
    assert_json_error(client.get(url), status)
    page = client.get(url.removeprefix("/api"))
    if "format" not in url and "table" not in url:
        assert page.status_code == status and page.mimetype == "text/html"


def test_csv_gives_the_charts_counts_and_the_list(client):
    key = "protecting-vulnerable-people-and-supporting-victims"
    body = get_json(client, f"/api/areas/{key}")
    r = client.get(f"/api/areas/{key}?format=csv&table=counts")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert {(x["Cycle"], x["Grade"], int(x["Organisations"])) for x in rows} == \
        {(c["cycle"], g, n) for c in body["groups"][0]["cycles"] for g, n in c["counts"].items()}
    listed = list(csv.DictReader(io.StringIO(client.get(f"/api/areas/{key}?format=csv").get_data(as_text=True))))
    assert [(x["Cycle"], x["Organisation"], x["Grade"], x["URL"]) for x in listed] == \
        [(x["cycle"], x["organisation"], x["grade"], x["url"]) for x in body["groups"][0]["rows"]]


def test_the_page_draws_bars_that_match_the_data_table_and_the_json(client):
    key = "protecting-vulnerable-people-and-supporting-victims"
    body = get_json(client, f"/api/areas/{key}")
    doc = html(client, f"/areas/{key}")
    assert squash(doc.find("h1").text) == body["area"]
    fig = doc.find("figure", cls="bar-chart")
    table = doc.find("table", cls="chart-data")
    assert table.attrs["data-chart"] == fig.attrs["id"] and fig.find(cls="chart-title") and fig.find("figcaption")
    group = body["groups"][0]
    bars = fig.find_all("svg", cls="bar")
    assert [b.attrs["data-cycle"] for b in bars] == [c["cycle"] for c in group["cycles"]]
    top = max(c["total"] for c in group["cycles"])
    for bar, cycle, tr in zip(bars, group["cycles"], table.find("tbody").find_all("tr")):
        drawn = {s.attrs["data-grade"]: int(s.attrs["data-count"]) for s in bar.find_all("g", cls="segment")}
        assert drawn == {g: n for g, n in cycle["counts"].items() if n}
        tabled = {td.attrs["data-grade"]: int(squash(td.text).split()[0]) for td in tr.find_all("td")
                  if td.attrs.get("data-grade")}
        assert tabled == cycle["counts"]
        for seg in bar.find_all("g", cls="segment"):
            rect = seg.find("rect")
            width = float(rect.attrs["width"].rstrip("%"))
            assert width * top / 100 <= int(seg.attrs["data-count"]) + 1e-6  # as long as its count on the axis
            assert seg.find("rect", cls="seg-pattern") is not None  # a pattern as well as a colour
        assert bar.attrs["role"] == "img" and cycle["cycle"] in bar.find("title").text
    # every count in the table opens the list of those organisations
    link = next(td.find("a") for td in table.find_all("td", **{"data-grade": "Inadequate"}) if td.find("a"))
    assert link.attrs["href"].startswith(f"/areas/{key}?cycle=") and "grade=Inadequate" in link.attrs["href"]
    grade_links = [a.attrs["href"] for a in doc.find("table", cls="area-list").find_all("a", cls="cell-link")]
    assert grade_links == [r["url"] for r in group["rows"]]


def test_the_area_index_links_every_area_and_cycle(client):
    body = get_json(client, "/api/areas")
    doc = html(client, "/areas")
    hrefs = {a.attrs["href"] for a in doc.find_all("a")}
    for group in body["groups"]:
        for area in group["areas"]:
            assert f"/areas/{area['key']}" in hrefs
            assert all(f"/areas/{area['key']}?cycle={quote(c, safe='')}" in hrefs for c in area["cycles"])
            assert get_json(client, f"/api/areas/{area['key']}")["area"] == area["area"]
    five = next(g for g in body["groups"] if g["grading_scale"] == "five-tier")
    assert "Protecting vulnerable people" in [a["area"] for a in five["areas"]]


def test_another_programmes_areas_are_pictured_apart_from_peel(client):
    """The 2024 child protection inspection grades "Leadership" on five tiers, as no PEEL report does: its
    areas are listed in their own group, and a picture of one of them counts only that inspection's grades."""
    groups = get_json(client, "/api/areas")["groups"]
    child = [g for g in groups if g["programme"] == "National child protection inspection"]
    assert len(child) == 1 and child[0]["grading_scale"] == "five-tier"
    truth = TRUTHS["ncpi-2024-holmbridge"]
    assert [a["area"] for a in child[0]["areas"]] == [j["area"] for j in truth["judgments"]]
    peel = {a["area"] for g in groups if g["programme"] == "PEEL" for a in g["areas"]}
    assert not peel & {j["area"] for j in truth["judgments"]}
    picture = get_json(client, f"/api/areas/{child[0]['areas'][0]['key']}")
    assert [(g["programme"], [r["organisation"] for r in g["rows"]]) for g in picture["groups"]] == \
        [("National child protection inspection", ["Holmbridge Police"])]
    assert "compared only with" in picture["groups"][0]["caution"]
