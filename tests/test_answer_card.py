"""The answer card and /api/ask for a report's every grade: one row per
judgment area, each with its grade and citation, on the invented reports
(their truth files, tests/fixtures/*.expected.json)."""
from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from htmlparse import squash
from tests.conftest import FIXTURES
from tests.http_helpers import get_json, html


@pytest.fixture()
def client(every):
    return every.client()


def test_every_grade_of_a_report_is_a_row_per_area_with_its_grade(client):
    truth = json.loads((FIXTURES / "ncpi-2024-holmbridge.expected.json").read_text(encoding="utf-8"))
    wanted = [(j["area"], j["grade"]) for j in truth["judgments"]]
    q = "What grades did Holmbridge Police get?"
    body = get_json(client, "/api/ask?" + urlencode({"q": q}))
    items = body["answer"]["items"]
    assert [(i["area"], i["value"]) for i in items] == wanted
    assert all(i["url"].startswith("/reports/ncpi-2024-holmbridge#") for i in items)
    doc = html(client, "/search?" + urlencode({"q": q}))
    table = doc.find("table", cls="answer-items")
    assert [squash(th.text) for th in table.find("thead").find_all("th")] == \
        ["Organisation", "Year", "Area", "Answer", "Citation"]
    rows = table.find("tbody").find_all("tr")
    assert [(squash(r.find("td", cls="answer-area").text), squash(r.find_all("td")[2].text)) for r in rows] == wanted
    # across reports, each row's area is as its own report words it (a 2016 question, a 2021/22 heading)
    doc = html(client, "/search?" + urlencode({"q": "Which forces were rated inadequate for protecting vulnerable "
                                                    "people?"}))
    areas = [squash(td.text) for td in doc.find("table", cls="answer-items").find_all("td", cls="answer-area")]
    assert len(areas) >= 3 and all("vulnerable" in a.lower() for a in areas) and len(set(areas)) > 1


def test_rows_of_a_table_show_each_rows_label_with_its_value(client):
    """A list read from a table's rows ("Which recommendations had Eastmoor met in full?") shows which row each item
    is, not only the value they share."""
    q = "Which recommendations had Eastmoor Police met in full by March 2023?"
    items = get_json(client, "/api/ask?" + urlencode({"q": q}))["answer"]["items"]
    assert len(items) == 3 and all(i["text"].endswith(": Met") for i in items)
    table = html(client, "/search?" + urlencode({"q": q})).find("table", cls="answer-items")
    answers = [squash(r.find_all("td")[1].text) for r in table.find("tbody").find_all("tr")]
    assert any(a.startswith("High-risk cases referred to MARAC without delay") for a in answers), answers
