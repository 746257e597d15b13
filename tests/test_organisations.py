"""A page per organisation (/forces/<id>, /api/forces/<id>) and the list of
them (/forces), over the seed and every invented report. Expected values
come from the hand-written truth files (tests/fixtures/*.expected.json)."""
from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from htmlparse import squash
from tests.conftest import FIXTURES
from tests.http_helpers import assert_json_error, get_json, html, search

TRUTHS = {p.name.removesuffix(".expected.json"): json.loads(p.read_text(encoding="utf-8"))
          for p in FIXTURES.glob("*.expected.json")}
NAMES = sorted({name for t in TRUTHS.values() for name in t["organisations"]})


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def reports_on(name: str) -> dict[str, dict]:
    return {rid: t for rid, t in TRUTHS.items() if name in t["organisations"]}


@pytest.fixture()
def client(every):
    return every.client()


def test_the_list_holds_every_organisation_inspected_with_its_type_and_reports(client):
    body = get_json(client, "/api/forces")
    by_id = {o["id"]: o for o in body["organisations"]}
    assert sorted(o["name"] for o in body["organisations"]) == NAMES
    assert body["total"] == len(NAMES)
    for name in NAMES:
        o = by_id[slug(name)]
        assert o["url"] == f"/forces/{slug(name)}"
        assert o["reports"] == len(reports_on(name))
        single = {t["organisation_type"] for t in reports_on(name).values() if len(t["organisations"]) == 1}
        # named only by reports on several (a super-complaint's forces): its type is its name's
        assert (single or {"fire and rescue service" if "Fire" in name else "police force"}) == \
            {o["organisation_type"]}, name
    assert by_id["fenmoor-fire-and-rescue-service"]["organisation_type"] == "fire and rescue service"
    assert by_id["fenmoor-constabulary"]["organisation_type"] == "police force"


def test_the_list_gives_the_latest_graded_reports_summing_up_grades(client):
    by_id = {o["id"]: o for o in get_json(client, "/api/forces")["organisations"]}
    for name in NAMES:
        graded = {rid: t for rid, t in reports_on(name).items() if t["judgments"]}
        latest = by_id[slug(name)]["latest"]
        if not graded:
            assert latest is None, name  # Wealdmarsh: custody and thematic reports only
            continue
        rid = max(graded, key=lambda r: graded[r]["year"])
        truth = graded[rid]
        assert latest["report"] == rid and latest["grading_scale"] == truth["grading_scale"]
        grades = {}
        for j in truth["judgments"]:
            grades[j["grade"]] = grades.get(j["grade"], 0) + 1
        assert latest["grades"] == grades
        # the grades that sum a report up: its Overall (a pillar report's is its pillar's) or pillar
        # grades; five-tier reports grade areas only
        # (a crime data integrity report's Overall is its grade for crime recording, named so)
        pillars = [j for j in truth["judgments"] if j["area"] in ("Overall", "Effectiveness", "Efficiency",
                                                                  "Legitimacy", "People")]
        assert [h["grade"] for h in latest["overall"]] == [j["grade"] for j in pillars]
        if truth["grading_scale"] == "five-tier":
            assert latest["overall"] == []
    wm = by_id["west-midlands-police"]["latest"]["overall"]
    assert [(h["area"], h["grade"]) for h in wm] == [("Effectiveness", "Good")]  # the seed is an effectiveness report


def test_forces_page_links_each_organisation_and_shows_its_grades(client):
    doc = html(client, "/forces")
    rows = {r.attrs["id"].removeprefix("org-"): r for r in doc.find_all("tr") if r.attrs.get("id", "").startswith("org-")}
    assert sorted(rows) == sorted(slug(n) for n in NAMES)
    brackenshire = squash(rows["brackenshire-police"].text)
    assert "Effectiveness: Requires improvement" in brackenshire and "Efficiency: Good" in brackenshire
    assert "No overall grade" in squash(rows["eastmoor-police"].text)  # PEEL 2021/22 grades areas only
    assert "No graded report" in squash(rows["wealdmarsh-constabulary"].text)
    headings = [squash(h.text) for h in doc.find_all("h2")]
    fire = {n for n in NAMES if n.endswith("Fire and Rescue Service")}
    assert headings == [f"Police forces ({len(set(NAMES) - fire)})", f"Fire and rescue services ({len(fire)})"]
    # Fenmoor's and Dunmere's fire and rescue services, the four only the annual assessment names, and the five the
    # on-call thematic inspected
    assert len(fire) == 11


@pytest.mark.parametrize("name", NAMES)
def test_an_organisation_lists_every_report_on_it_newest_first(client, name):
    body = get_json(client, f"/api/forces/{slug(name)}")
    assert body["name"] == name and body["id"] == slug(name)
    expected = reports_on(name)
    assert {r["id"] for r in body["reports"]} == set(expected)  # thematic reports that inspected it too
    years = [expected[r["id"]]["year"] for r in body["reports"]]
    assert years == sorted(years, reverse=True)
    assert all(r["url"] == f"/reports/{r['id']}" for r in body["reports"])


@pytest.mark.parametrize("name", NAMES)
def test_the_timeline_gives_every_judgment_at_its_cycle_on_its_own_scale(client, name, every):
    """A report's own grades at its cycle; and, where a report sets its grades beside the last inspection's in
    a table and no indexed report is of that inspection (Fenmoor fire's 2018/19), those earlier grades at
    their own cycle, cited to the later report's table."""
    body = get_json(client, f"/api/forces/{slug(name)}")
    found = {}
    for group in body["timeline"]:
        assert group["cycles"] == sorted(group["cycles"], key=lambda c: int(c[:4]))  # oldest first
        for row in group["rows"]:
            for cycle, src in row["sources"].items():
                truth = TRUTHS[src["report"]]
                # four-tier and five-tier grades never share a chart
                assert truth["grading_scale"] == group["grading_scale"], (name, src)
                graded = truth["earlier_judgments"] if src["from_table"] else truth
                assert graded["inspection_year"] == cycle
                found[(src["report"], src["area"], src["from_table"])] = row["grades"][cycle]
                passage = every.store.passage(src["passage_id"])
                assert passage is not None and passage.report_id == src["report"]
                assert src["url"] == f"/reports/{src['report']}#{src['passage_id']}"
                if src["from_table"]:
                    assert passage.kind == "table" and cycle in passage.text
    expected = {(rid, j["area"], False): j["grade"] for rid, t in reports_on(name).items() for j in t["judgments"]}
    expected |= {(rid, j["area"], True): j["grade"] for rid, t in reports_on(name).items()
                 for j in t.get("earlier_judgments", {}).get("judgments", [])}
    assert found == expected


def test_a_fire_services_first_inspection_is_read_from_its_later_reports_table(client):
    """Fenmoor fire's 2018/19 report is not indexed; its 2021/22 report's table gives both inspections'
    grades: the page shows the earlier column, marked and explained, and the CSV says where each came from."""
    body = get_json(client, "/api/forces/fenmoor-fire-and-rescue-service")
    (group,) = body["timeline"]
    assert group["cycles"] == ["2018/19", "2021/22"]
    rows = {row["area"]: row for row in group["rows"]}
    assert rows["Preventing fires and other risks"]["grades"] == {"2018/19": "Requires improvement",
                                                                  "2021/22": "Good"}
    assert rows["Preventing fires and other risks"]["sources"]["2021/22"]["from_table"] is False
    doc = html(client, "/forces/fenmoor-fire-and-rescue-service")
    table = doc.find("table", cls="chart-data")
    # the whole column comes from the table: its heading is marked, and said to a screen reader
    marked = [squash(th.text) for th in table.find_all("th") if th.find("span", cls="from-table")]
    assert marked == ["2018/19† (from a later report's table)"]
    note = squash(doc.find("p", cls="table-note").text)
    assert note.startswith("† 2018/19: read from a later report's table") and "not indexed" in note
    cells = [td for td in table.find_all("td") if td.attrs["data-cycle"] == "2018/19"]
    assert len(cells) == 14
    assert all(td.find("a").attrs["href"].endswith("#frs-2021-22-fenmoor-0007") for td in cells)
    rows_csv = list(csv.DictReader(io.StringIO(client.get(
        "/api/forces/fenmoor-fire-and-rescue-service?format=csv").get_data(as_text=True))))
    assert {(r["Cycle"], r["From a later report's table"]) for r in rows_csv} == {("2018/19", "yes"),
                                                                                  ("2021/22", "no")}
    # a force whose every grade is its own report's has no such note
    assert html(client, "/forces/eastmoor-police").find("p", cls="table-note") is None


def test_eastmoor_has_its_four_tier_and_five_tier_grades_apart_with_the_caution(client):
    body = get_json(client, "/api/forces/eastmoor-police")
    groups = [(g["grading_scale"], g["cycles"]) for g in body["timeline"]]
    assert groups == [("four-tier", ["2016", "2017"]), ("five-tier", ["2021/22"])]
    assert "cannot be compared directly" in body["timeline"][1]["caution"]
    four = {row["area"]: row["grades"] for row in body["timeline"][0]["rows"]}
    # the overall grade of a pillar report is its pillar's: effectiveness 2016, legitimacy 2017
    assert four["Effectiveness"] == {"2016": "Requires improvement", "2017": None}
    assert four["Legitimacy"] == {"2016": None, "2017": "Good"}
    assert "Overall" not in four


def test_a_question_about_understanding_demand_is_not_taken_for_planning(client):
    """Harrowmere 2016: "How well does the force understand the current and
    likely future demand?" is one area, "... planning for demand in the
    future?" another, each with its own grade."""
    truth = {j["area"]: j["grade"] for j in TRUTHS["peel-efficiency-2016-harrowmere"]["judgments"]}
    rows = {row["area"]: row for row in get_json(client, "/api/forces/harrowmere-constabulary")["timeline"][0]["rows"]}
    understand = rows["Understanding demand"]["sources"]["2016"]["area"]
    planning = rows["Planning for future demand"]["sources"]["2016"]["area"]
    assert "understand" in understand and "planning" in planning
    assert rows["Understanding demand"]["grades"]["2016"] == truth[understand]
    assert rows["Planning for future demand"]["grades"]["2016"] == truth[planning]


def test_findings_are_every_item_of_its_reports_split_into_open_progress_and_others(client, every):
    for name in NAMES:
        body = get_json(client, f"/api/forces/{slug(name)}")
        f = body["findings"]
        got = sorted(i["text"] for k in ("open", "progress", "others") for i in f[k])
        expected = sorted([c["text"] for t in reports_on(name).values() for c in t["causes_of_concern"]]
                          + [r["text"] for t in reports_on(name).values() for r in t["recommendations"]]
                          + [a for t in reports_on(name).values() for a in t["areas_for_improvement"]])
        assert got == expected, name
        assert all(not i["progress"] for i in f["open"]) and all(i["progress"] for i in f["progress"])
        for item in f["open"] + f["progress"]:
            passage = every.store.passage(item["passage_id"])
            assert passage is not None and passage.report_id == item["report"]
            assert item["citation"].startswith(TRUTHS[item["report"]]["title"])
        # a report on several forces (a thematic, a super-complaint) addresses some recommendations to the Home
        # Office, the NPCC or the College of Policing: those are not the force's
        others = {i["addressed_to"] for i in f["others"]}
        truth = {r["addressed_to"] for t in reports_on(name).values() if len(t["organisations"]) > 1
                 for r in t["recommendations"]}
        assert others == truth - {"Chief constables", "Chief fire officers", "Fire and rescue authorities"}, name
        # (what a force or service itself, or its fire and rescue authority, should do)


def test_open_items_agree_with_the_recommendations_list(client):
    body = get_json(client, "/api/forces/northshire-constabulary")
    listed = get_json(client, "/api/recommendations?force=Northshire+Constabulary")["items"]
    with_progress = {(i["report"], i["text"]) for i in listed if i["progress"]}
    assert with_progress  # the 2017 report says what became of some 2016 areas for improvement
    assert {(i["report"], i["text"]) for i in body["findings"]["progress"]} == with_progress
    assert not {(i["report"], i["text"]) for i in body["findings"]["open"]} & with_progress


def test_the_page_shows_the_record_and_the_chart_matches_its_table_and_the_json(client):
    body = get_json(client, "/api/forces/northshire-constabulary")
    doc = html(client, "/forces/northshire-constabulary")
    assert squash(doc.find("h1").text) == "Northshire Constabulary"
    figures = doc.find_all("figure", cls="timeline-chart")
    tables = doc.find_all("table", cls="chart-data")
    assert len(figures) == len(tables) == len(body["timeline"]) == 2
    for group, fig, table in zip(body["timeline"], figures, tables):
        assert table.attrs["data-chart"] == fig.attrs["id"]
        assert fig.find(cls="chart-title") and fig.find("figcaption")
        cycles = [squash(t.text) for t in fig.find(cls="tl-head").find_all("text")]
        assert cycles == group["cycles"] == [squash(th.text) for th in table.find("thead").find_all("th")][1:]
        chart_rows = fig.find_all("div", cls="tl-row")
        table_rows = table.find("tbody").find_all("tr")
        assert [squash(r.find(cls="tl-area").text) for r in chart_rows] == [row["area"] for row in group["rows"]]
        for row, chart_row, table_row in zip(group["rows"], chart_rows, table_rows):
            marks = {p.attrs["data-cycle"]: p.attrs["data-grade"] for p in chart_row.find_all("svg", cls="tl-point")}
            cells = {td.attrs["data-cycle"]: squash(td.find(cls="grade").text) for td in table_row.find_all("td")
                     if td.find(cls="grade")}
            assert marks == cells == {c: g for c, g in row["grades"].items() if g}
            links = {td.attrs["data-cycle"]: td.find("a").attrs["href"] for td in table_row.find_all("td")
                     if td.find("a")}
            assert links == {c: s["url"] for c, s in row["sources"].items()}
            track = chart_row.find("svg", cls="tl-track")
            assert track.attrs["role"] == "img" and track.find("title").text  # each row has a text alternative
    assert "cannot be compared directly" in squash(doc.text)


def test_the_page_searches_within_the_organisations_reports(client):
    doc = html(client, "/forces/northshire-constabulary")
    form = next(f for f in doc.find_all("form") if f.find("input", id="q-org"))
    assert form.attrs["action"] == "/search"
    reports = [i.attrs["value"] for i in form.find_all("input") if i.attrs.get("name") == "report"]
    assert set(reports) == set(reports_on("Northshire Constabulary"))
    hits = search(client, q="rural crime", report=reports, per_page=100)["results"]
    assert hits and {h["report"]["id"] for h in hits} <= set(reports)
    assert "thematic-2025-rural-crime" in {h["report"]["id"] for h in hits}  # a thematic that inspected it


def test_the_page_lists_open_findings_with_citations_and_links(client):
    body = get_json(client, "/api/forces/wealdmarsh-constabulary")
    doc = html(client, "/forces/wealdmarsh-constabulary")
    texts = [squash(li.find(cls="finding-text").text) for li in doc.find_all("li", cls="finding")]
    numbered = [(f"{i['number']}. " if i["number"] else "") + i["text"]
                for k in ("open", "progress") for i in body["findings"][k]]
    assert sorted(texts) == sorted(squash(t) for t in numbered)
    first = doc.find("li", cls="finding")
    assert first.find("a", cls="context-link").attrs["href"].startswith("/reports/")
    assert squash(first.find(cls="citation-text").text)
    assert "No report on Wealdmarsh Constabulary gives grades" in squash(doc.text)


def test_the_grades_download_as_csv_as_in_the_json(client):
    body = get_json(client, "/api/forces/eastmoor-police")
    r = client.get("/api/forces/eastmoor-police?format=csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert 'filename="eastmoor-police-grades.csv"' in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    expected = {(g["grading_scale"], row["area"], c, grade) for g in body["timeline"] for row in g["rows"]
                for c, grade in row["grades"].items() if grade}
    assert {(r["Grading scale"], r["Area"], r["Cycle"], r["Grade"]) for r in rows} == expected
    assert len(rows) == len(expected)


def test_reports_and_feed_link_to_the_organisation(client):
    doc = html(client, "/reports/thematic-2025-rural-crime")
    links = {a.attrs["href"] for a in doc.find("dl", cls="meta").find_all("a")}
    assert {f"/forces/{slug(n)}" for n in TRUTHS["thematic-2025-rural-crime"]["organisations"]} <= links
    page = html(client, "/forces/fenmoor-fire-and-rescue-service")
    feed = page.find("a", cls="feed-link").attrs["href"]
    assert urlsplit(feed).path == "/reports.atom"
    assert parse_qs(urlsplit(feed).query) == {"force": ["Fenmoor Fire and Rescue Service"]}
    assert page.find("link", rel="alternate").attrs["href"] == feed


@pytest.mark.parametrize("oid", ["nope", "Northshire-Constabulary", "northshire", "..", "%2e%2e%2fetc",
                                 "a" * 5000, "northshire-constabulary%00", "north shire"])
def test_unknown_organisations_are_a_404_in_both_shapes(client, oid):
    assert_json_error(client.get(f"/api/forces/{oid}"), 404)
    r = client.get(f"/forces/{oid}")
    assert r.status_code == 404 and r.mimetype == "text/html"
    assert "Traceback" not in r.get_data(as_text=True)


def test_a_bad_format_is_a_400(client):
    assert_json_error(client.get("/api/forces/eastmoor-police?format=xml"), 400)


def test_an_annual_assessment_is_listed_as_naming_a_service_not_inspecting_it(client):
    # Kelvedge is named only by the chief inspector's annual assessment of every fire service: it was listed as a
    # report that "inspected 5 organisations", as a thematic inspection would be
    text = squash(html(client, "/forces/kelvedge-fire-and-rescue-service").text)
    assert "an assessment of them all, naming 5 as examples" in text
    assert "inspected 5 organisations" not in text
