"""Recommendations as data across reports, comparison that keeps grading
scales apart, and the new report fields in the API, over the seed and every
invented report (tests/conftest.ALL_FIXTURES)."""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

import pytest

from htmlparse import squash
from tests.conftest import FIXTURES
from tests.http_helpers import assert_json_error, get_json, html, search

TRUTHS = {p.name.removesuffix(".expected.json"): json.loads(p.read_text(encoding="utf-8"))
          for p in FIXTURES.glob("*.expected.json")}


@pytest.fixture()
def client(every):
    return every.client()


def findings(client, **params):
    return get_json(client, "/api/recommendations?" + urlencode(params, doseq=True))


@pytest.mark.parametrize("rid", sorted(TRUTHS))
def test_the_api_gives_each_report_what_it_states(client, rid):
    truth = TRUTHS[rid]
    body = get_json(client, f"/api/reports/{rid}")
    for name in ("family", "grading_scale", "organisation_type", "inspection_year"):
        assert body[name] == truth[name], name
    assert [a["text"] for a in body["areas_for_improvement"]] == truth["areas_for_improvement"]
    assert [(c["text"], c["recommendations"]) for c in body["causes_of_concern"]] == \
        [(c["text"], c["recommendations"]) for c in truth["causes_of_concern"]]
    assert [p["title"] for p in body["innovative_practice"]] == truth["innovative_practice"]
    ids = {p["id"] for p in body["passages"]}
    for item in body["areas_for_improvement"] + body["causes_of_concern"] + body["recommendations"]:
        assert item["passage_id"] in ids


def test_every_item_is_listed_once_with_a_link_to_its_passage(client):
    body = findings(client)
    want = sum(len(t["causes_of_concern"]) + len(t["recommendations"]) + len(t["areas_for_improvement"])
               for t in TRUTHS.values())
    assert body["total"] == len(body["items"]) == want
    years = [i["year"] for i in body["items"]]
    assert years == sorted(years, reverse=True)  # newest report first
    for item in body["items"][:40]:
        passage = get_json(client, f"/api/reports/{item['report']}")["passages"]
        texts = {p["id"]: p["text"] for p in passage}
        assert " ".join(item["text"].split())[:50] in " ".join(texts[item["passage_id"]].split())
        assert item["url"] == f"/reports/{item['report']}#{item['passage_id']}"


def test_filters_by_organisation_year_family_kind_and_words(client):
    recs = findings(client, kind="recommendation")["items"]
    assert len(recs) == sum(len(t["recommendations"]) for t in TRUTHS.values())
    college = findings(client, kind="recommendation", q="College of Policing")["items"]
    to_college = [r for t in TRUTHS.values() for r in t["recommendations"] if r["addressed_to"] == "College of Policing"]
    assert len(to_college) >= 2  # the rural crime thematic's and the super-complaint's
    # every recommendation to the College, and any other that names it as a partner ("the National Police Chiefs'
    # Council, working with the College of Policing, should …"), under the body it is addressed to
    assert sorted(i["text"] for i in college if i["addressed_to"] == "College of Policing") == \
        sorted(r["text"] for r in to_college)
    assert all("College of Policing" in i["text"] for i in college)
    fire = findings(client, family="Fire and rescue")["items"]
    fire_truths = [t for t in TRUTHS.values() if t["family"] == "Fire and rescue"]
    assert len(fire_truths) == 2  # 2021/22 Fenmoor, 2023–25 Dunmere
    assert len(fire) == sum(len(t["causes_of_concern"]) + len(t["areas_for_improvement"]) for t in fire_truths)
    both = findings(client, force="eastmoor police", year=["2016", "2022", "2021"])["items"]
    assert {i["report"] for i in both} == {"peel-2016-eastmoor", "peel-2021-22-eastmoor"}
    deadlines = findings(client, q="31 March 2026")["items"]
    assert deadlines and all("31 March 2026" in i["deadline"] or "31 March 2026" in i["text"] for i in deadlines)
    assert_json_error(client.get("/api/recommendations?year=20x6"))
    assert_json_error(client.get("/api/recommendations?format=xlsx"))


def _progress(client, rid, words):
    item = next(i for i in findings(client, force=TRUTHS[rid]["organisations"][0])["items"]
                if i["report"] == rid and words in i["text"])
    return {p["report"]: p for p in item["progress"]}


def test_a_later_report_that_reports_progress_is_linked(client):
    safe_streets = _progress(client, "peel-2016-northshire", "Safe Streets")
    assert "peel-2017-northshire" in safe_streets
    later = get_json(client, "/api/reports/peel-2017-northshire")["passages"]
    text = next(p["text"] for p in later if p["id"] == safe_streets["peel-2017-northshire"]["passage_id"])
    assert "earlier area for improvement" in text and "Safe Streets" in text
    iom = _progress(client, "peel-2016-eastmoor", "integrated offender management")
    assert list(iom) == ["peel-2021-22-eastmoor"]
    vetting = _progress(client, "peel-legitimacy-2017-eastmoor", "vetting backlog")
    assert list(vetting) == ["peel-2021-22-eastmoor"]


def test_no_link_without_clear_evidence(client):
    # Fenmoor Fire and Rescue Service is not Fenmoor Constabulary: its report is no progress on the force's items
    for item in findings(client, force="Fenmoor Constabulary")["items"]:
        assert item["progress"] == []
    # the newest reports have nothing later to report on them
    for item in findings(client, year="2025")["items"]:
        assert item["progress"] == []


def test_csv_export_has_every_item_with_its_link(client):
    r = client.get("/api/recommendations?format=csv&kind=area_for_improvement")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert len(rows) == sum(len(t["areas_for_improvement"]) for t in TRUTHS.values())
    assert all(row["url"].startswith("/reports/") and row["kind"] == "area_for_improvement" for row in rows)


def test_recommendations_page_lists_and_filters(client):
    doc = html(client, "/recommendations?kind=recommendation&family=Thematic")
    items = doc.find_all("li", cls="finding")
    thematic = [i for i, t in TRUTHS.items() if t["family"] == "Thematic"]
    assert len(thematic) >= 2  # the rural crime thematic, the joint inspection of bail
    assert len(items) == sum(len(TRUTHS[i]["recommendations"]) for i in thematic)
    assert {li.find("a").attrs["href"].split("#")[0].removeprefix("/reports/") for li in items} == set(thematic)
    checked = {(i.attrs["name"], i.attrs["value"]) for i in doc.find_all("input") if "checked" in i.attrs}
    assert checked == {("kind", "recommendation"), ("family", "Thematic")}
    page = html(client, "/recommendations?force=Eastmoor+Police")
    assert page.find("p", cls="progress") is not None


def test_compare_keeps_grading_scales_services_and_programmes_apart(client):
    table = get_json(client, "/api/compare")
    groups = {(g["organisation_type"], g["grading_scale"], g["programme"]): g for g in table["groups"]}
    assert set(groups) == {("police force", "four-tier", "PEEL"), ("police force", "five-tier", "PEEL"),
                           ("fire and rescue service", "four-tier", "Fire and rescue"),
                           ("fire and rescue service", "five-tier", "Fire and rescue"),
                           ("police force", "four-tier", "Crime data integrity"),
                           ("police force", "five-tier", "National child protection inspection")}
    five = groups[("police force", "five-tier", "PEEL")]
    # every PEEL report graded on five tiers, as its truth file says (2021/22 and 2023–25), and no other: the
    # child protection inspection of 2024, also on five tiers, grades other things
    five_tier = {rid for rid, t in TRUTHS.items() if t["organisation_type"] == "police force"
                 and t["grading_scale"] == "five-tier" and t["family"].startswith("PEEL")}
    assert {"peel-2021-22-eastmoor", "peel-2023-25-northshire"} <= five_tier
    assert {r["report"]["id"] for r in five["rows"]} == five_tier
    assert "cannot be compared directly" in five["caution"]
    child = groups[("police force", "five-tier", "National child protection inspection")]
    assert [r["report"]["id"] for r in child["rows"]] == ["ncpi-2024-holmbridge"]
    assert child["areas"] == [j["area"] for j in TRUTHS["ncpi-2024-holmbridge"]["judgments"]]
    assert not set(child["areas"]) & set(five["areas"]) and "compared only with" in child["caution"]
    four = groups[("police force", "four-tier", "PEEL")]
    assert not {r["report"]["id"] for r in four["rows"]} & five_tier
    # a crime data integrity grade is never set beside a PEEL overall grade
    assert "cdi-2018-tollbridge" not in {r["report"]["id"] for r in four["rows"]}
    assert [r["report"]["id"] for r in groups[("police force", "four-tier", "Crime data integrity")]["rows"]] == \
        ["cdi-2018-tollbridge"]
    assert all("Adequate" not in r["grades"].values() for r in four["rows"])
    assert any("Adequate" in r["grades"].values() for r in five["rows"])
    assert "Adequate" not in " ".join(four["areas"])
    fire = groups[("fire and rescue service", "four-tier", "Fire and rescue")]
    assert [r["report"]["id"] for r in fire["rows"]] == ["frs-2021-22-fenmoor"]
    # a fire service graded on five tiers (2023–25) is apart from both
    assert [r["report"]["id"] for r in groups[("fire and rescue service", "five-tier", "Fire and rescue")]["rows"]] \
        == ["frs-2023-25-dunmere"]
    # ungraded reports are in no table
    graded = {r["report"]["id"] for g in table["groups"] for r in g["rows"]}
    assert not graded & {"thematic-2025-rural-crime", "custody-2024-wealdmarsh"}
    doc = html(client, "/compare")
    captions = [squash(h.text) for h in doc.find_all("h2") if "grades" in h.text]
    assert captions == ["Police forces: four-tier grades", "Police forces: five-tier grades",
                        "Fire and rescue services: four-tier grades", "Fire and rescue services: five-tier grades",
                        "Police forces — Crime data integrity: four-tier grades",
                        "Police forces — National child protection inspection: five-tier grades"]
    assert doc.find("p", cls="caution") is not None


def test_new_passage_kinds_and_families_are_facets_and_filters(client):
    facets = search(client, q="improvement")["facets"]
    assert {"cause_of_concern", "recommendation", "area_for_improvement"} <= set(facets["kind"])
    assert {"PEEL 2021/22", "PEEL 2023–25", "Fire and rescue", "Thematic"} <= set(facets["family"])
    thematic = search(client, q="hare coursing", family="thematic")
    assert thematic["total"] > 0 and {h["report"]["id"] for h in thematic["results"]} == {"thematic-2025-rural-crime"}
    adequate = search(client, q="force", grade="Adequate", per_page=100)["results"]
    assert adequate and {h["report"]["id"] for h in adequate} <= {"peel-2021-22-eastmoor", "peel-2023-25-northshire",
                                                                  "peel-2023-25-calderbrook"}


def test_a_web_page_report_is_cited_by_section_and_anchor(client):
    hit = search(client, q="Harbour Watch", report="peel-2021-22-eastmoor")["results"][0]
    assert hit["page"] is None and hit["anchor"]
    assert "#" + hit["anchor"] in hit["citation"] and "p. None" not in hit["citation"]
    assert hit["citation"].startswith("PEEL 2021/22: An inspection of Eastmoor Police, HMICFRS, 27 July 2022")
    page = html(client, "/search?" + urlencode({"q": "Harbour Watch", "report": "peel-2021-22-eastmoor"}))
    assert "p. None" not in page.text and "section “" in page.text


def test_a_pdf_passage_running_onto_the_next_page_cites_both(client):
    hit = search(client, q="plan to recruit 60 on-call firefighters", report="frs-2021-22-fenmoor")["results"][0]
    assert (hit["page"], hit["page_end"]) == (2, 3)
    assert "pp. 2–3 (PDF p. 5)" in hit["citation"]


def test_index_log_says_what_was_not_recognised(tmp_path, capsys):
    import shutil

    from search_service.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "custody-2024-wealdmarsh.html", corpus)
    shutil.copy(FIXTURES / "peel-2021-22-eastmoor.html", corpus)
    status = main(["--corpus", str(corpus), "--index", str(tmp_path / "index"), "index"])
    err = capsys.readouterr().err
    assert status == 0
    notes = [line for line in err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "custody-2024-wealdmarsh.html" in notes[0] and "not recognised" in notes[0]


def test_a_web_page_report_can_be_uploaded_and_is_searchable(tmp_path):
    import shutil

    from search_service.config import Settings
    from tests.conftest import SEED_CORPUS, deploy

    shutil.copytree(SEED_CORPUS, tmp_path / "corpus")
    client = deploy(Settings(tmp_path / "corpus", tmp_path / "index", admin_token="t")).client()
    page = FIXTURES / "peel-2021-22-eastmoor.html"
    r = client.post("/api/reports", headers={"Authorization": "Bearer t"},
                    data={"file": (io.BytesIO(page.read_bytes()), page.name)}, content_type="multipart/form-data")
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["report"]["family"] == "PEEL 2021/22"
    hits = search(client, q="Harbour Watch fishing fleet")["results"]
    assert hits[0]["report"]["id"] == "peel-2021-22-eastmoor" and hits[0]["anchor"]
    fake = client.post("/api/reports", headers={"Authorization": "Bearer t"},
                       data={"file": (io.BytesIO(b"just words, no markup at all " * 20), "fake.html")},
                       content_type="multipart/form-data")
    assert fake.status_code == 422 and "not a web page" in fake.get_json()["error"]["message"]


def test_an_item_of_a_report_on_several_organisations_is_matched_without_a_name():
    """A thematic report's items belong to no one force ("" as force): a later
    report on several organisations cannot say it speaks of them by name, so
    no progress is linked, and nothing fails."""
    from search_service.findings import Item, progress_for
    from search_service.model import Passage, Report

    thematic = Report(id="t-2023", title="Rural crime", force="", year=2023,
                      organisations=["Northshire Constabulary", "Fenmoor Constabulary"])
    later = Report(id="t-2025", title="Rural crime revisited", force="", year=2025,
                   organisations=["Northshire Constabulary", "Fenmoor Constabulary"])
    item = Item(kind="recommendation", text="Forces should train call handlers to record rural and wildlife "
                "crime with the right codes and refer it to trained wildlife crime officers.",
                report=thematic, passage_id="t-2023-0001")
    passage = Passage(id="t-2025-0003", report_id="t-2025", heading="Progress", heading_path=["Progress"],
                      page=4, kind="body", order=3,
                      text="In 2023 we recommended that call handlers record rural and wildlife crime with the "
                           "right codes and refer it to trained wildlife crime officers. Since then forces have "
                           "trained their call handlers.")
    assert progress_for(item, [(later, [passage])]) == []
