"""Every family of report, read as the report states it, field by field.

Each invented fixture (and the real seed) has a truth file,
``tests/fixtures/<id>.expected.json``, written by hand from the report:
its metadata, every judgment, cause of concern, recommendation, area for
improvement and practice box, and phrases with the section and page (or,
for a web page, the heading anchor) where they are. Conventions the truth
files share are in tests/fixtures/README.md.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from search_service.ingest import ingest
from search_service.model import FAMILIES
from tests.conftest import FIXTURES, REPO

TRUTHS = sorted(FIXTURES.glob("*.expected.json"))
FIELDS = ("title", "organisations", "organisation_type", "family", "inspection", "inspection_year", "year",
          "published", "publisher", "grading_scale")


def _source(truth: dict) -> Path:
    for folder in (FIXTURES, REPO / "corpus"):
        if (folder / truth["file"]).exists():
            return folder / truth["file"]
    raise FileNotFoundError(truth["file"])


@pytest.fixture(scope="module", params=TRUTHS, ids=lambda p: p.name.replace(".expected.json", ""))
def case(request):
    truth = json.loads(request.param.read_text(encoding="utf-8"))
    return truth, ingest(_source(truth))


def test_metadata_is_what_the_report_says(case):
    truth, got = case
    r = got.report
    for name in FIELDS:
        want = truth[name]
        have = getattr(r, name)
        if name == "organisations":
            want, have = sorted(want), sorted(have)
        assert have == want, f"{name}: {have!r} != {want!r}"
    assert r.force == (truth["organisations"][0] if len(truth["organisations"]) == 1 else "")


def test_every_judgment_and_no_invented_one(case):
    truth, got = case
    assert sorted((j.area, j.grade) for j in got.report.judgments) == \
        sorted((j["area"], j["grade"]) for j in truth["judgments"])
    passages = {p.id: p for p in got.passages}
    for j in got.report.judgments:  # each grade links to a passage under the area it grades (numbered or not)
        p = passages[j.passage_id]
        headings = [re.sub(r"^\d{1,2}\.\s+", "", h).lower() for h in p.heading_path]
        assert j.area == "Overall" or any(h.startswith(j.area.lower()) for h in headings), (j.area, p.heading_path)


def test_causes_of_concern_with_their_recommendations(case):
    truth, got = case
    assert [(c.text, c.recommendations) for c in got.report.causes_of_concern] == \
        [(c["text"], c["recommendations"]) for c in truth["causes_of_concern"]]


def test_numbered_recommendations_with_addressee_and_deadline(case):
    truth, got = case
    assert [(r.number, r.text, r.addressed_to, r.deadline) for r in got.report.recommendations] == \
        [(r["number"], r["text"], r["addressed_to"], r["deadline"]) for r in truth["recommendations"]]


def test_areas_for_improvement(case):
    truth, got = case
    assert [a.text for a in got.report.areas_for_improvement] == truth["areas_for_improvement"]


def test_innovative_and_promising_practice(case):
    truth, got = case
    assert [p.title for p in got.report.innovative_practice] == truth["innovative_practice"]


def test_every_item_links_to_the_passage_that_states_it(case):
    _, got = case
    r = got.report
    passages = {p.id: p for p in got.passages}
    squash = lambda t: " ".join(t.split())  # noqa: E731
    for item, text in ([(a, a.text) for a in r.areas_for_improvement] + [(c, c.text) for c in r.causes_of_concern]
                       + [(x, x.text) for x in r.recommendations]):
        assert item.passage_id in passages, text
        assert squash(text)[:60] in squash(passages[item.passage_id].text), (text, item.passage_id)
    for p in r.innovative_practice:
        assert p.passage_id in passages


def _passage_with(passages, phrase: str):
    norm = lambda t: re.sub(r"\s+", " ", t.replace("\u00ad", "")).lower()  # noqa: E731
    found = [p for p in passages if norm(phrase) in norm(p.text)]
    assert found, f"no passage holds {phrase!r}"
    return found[0]


def test_citations_point_to_the_section_and_page(case):
    """The passage holding each phrase cites the printed page (and the PDF
    page) or, in a web page, the heading anchor, under the right section."""
    truth, got = case
    for anchor in truth["anchors"]:
        p = _passage_with(got.passages, anchor["phrase"])
        if "page" in anchor:  # a passage that runs on to the next page cites both
            assert p.page <= anchor["page"] <= (p.page_end or p.page), (anchor["phrase"], p.page, p.page_end)
        if "pdf_page" in anchor:
            offset = anchor["pdf_page"] - anchor["page"]
            assert p.pdf_page == p.page + offset, (anchor["phrase"], p.pdf_page)
        if "anchor" in anchor:
            assert p.anchor == anchor["anchor"], (anchor["phrase"], p.anchor)
            assert p.page is None
        want = anchor["heading_path"]
        assert p.heading_path[:1] == want[:1], (anchor["phrase"], p.heading_path)
        assert want[-1] in p.heading_path, (anchor["phrase"], p.heading_path)


def test_an_unknown_family_is_indexed_by_its_headings_without_grades():
    got = ingest(FIXTURES / "custody-2024-wealdmarsh.html")
    assert got.report.family == "Unknown" and got.report.judgments == []
    assert got.notes and "not recognised" in got.notes[0]
    headings = {p.heading_path[0] for p in got.passages if p.heading_path}
    assert {"Introduction", "Appendix I: Methodology"} <= headings


def test_html_chrome_is_not_indexed():
    got = ingest(FIXTURES / "peel-2021-22-eastmoor.html")
    text = " ".join(p.text for p in got.passages)
    for chrome in ("Accept additional cookies", "Print this page", "Crown copyright", "Share on",
                   "Related content", "On this page", "opens in a new window"):
        assert chrome.lower() not in text.lower(), chrome
    assert "Overall judgment: Requires improvement" not in text  # related content lists older grades
    footnotes = [p for p in got.passages if p.kind == "footnote"]
    assert len(footnotes) >= 10 and all(p.heading_path[-1].startswith("Footnote") for p in footnotes)
    alt = next(p for p in got.passages if "Line chart showing the percentage of 999 calls" in p.text)
    assert alt.anchor == "answering-calls"


def test_every_family_read_is_one_the_api_declares():
    """The JSON API's schema lists the families (model.FAMILIES): a family
    the reader gives but the schema lacks is a response that breaks it."""
    for path in TRUTHS:
        truth = json.loads(path.read_text(encoding="utf-8"))
        assert truth["family"] in FAMILIES, path.name


def test_a_line_break_in_a_web_page_parts_its_words():
    # "Rowan Fairlie<br>His Majesty's Inspector …" was read as "Rowan FairlieHis Majesty's …"
    got = ingest(FIXTURES / "ncpi-2024-holmbridge.html")
    text = " ".join(p.text for p in got.passages)
    assert "Rowan Fairlie His Majesty" in text.replace("\n", " ") and "FairlieHis" not in text


def test_an_annual_assessment_of_the_police_names_forces_and_inspects_none(tmp_path):
    """The chief inspector's yearly report on policing (as "State of Fire and Rescue" is on fire services): its
    family read from its title, its organisations every force it names — each only an example, so none is the
    force the report is on — and a bold "Recommendation 1" line numbering its recommendation."""
    page = tmp_path / "state-of-policing-2024.txt"
    page.write_text(
        "State of Policing: The Annual Assessment of Policing in England and Wales 2024\n\nMarch 2025\n\n"
        " Foreword\n\nThis is my report to the Secretary of State under section 54 of the Police Act 1996. Forces"
        " answered more emergency calls on time than a year earlier. Tollbridge Police, for example, now answers"
        " nine in ten calls within ten seconds, and Fenmoor Constabulary has cleared its backlog of crime reports."
        "\n\n Recommendations\n\nRecommendation 1\n\nBy 31 March 2026, the Home Office should publish the data"
        " every force reports on its call answering.\n", encoding="utf-8")
    r = ingest(page).report
    assert (r.family, r.inspection, r.year) == ("Annual assessment", "Annual assessment", 2024)
    assert sorted(r.organisations) == ["Fenmoor Constabulary", "Tollbridge Police"]
    assert r.force == "" and r.organisation_type == "several" and not r.of_fire
    assert [(x.number, x.addressed_to) for x in r.recommendations] == [("1", "Home Office")]
