"""Many reports side by side: facets and filters, the reports list, the
comparison table (HTML, JSON, CSV), grouping hits by report and searching
within one report, over the seed plus the invented fixture reports.

What the reports say is written down by hand in many_reports.py; page
numbers are read from the report files themselves (a page starts at a line
beginning with a single space), not from the code under test.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from htmlparse import parse, squash
from many_reports import (ETHICAL, INVESTIGATE, PREVENT, REPORTS, RI, VULNERABLE, WORKFORCE, grades,
                          section_grade)
from tests.conftest import FIXTURES, MULTI_FIXTURES, REPO

GRADES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
FACETS = ("force", "year", "inspection", "grade", "kind")
QUERIES = ("missing children", "crime", "force should")


def get_json(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.data[:300])
    assert r.mimetype == "application/json"
    return r.get_json()


def search(client, **params):
    return get_json(client, "/api/search?" + urlencode(params, doseq=True))


def all_hits(client, **params) -> list[dict]:
    """Every hit of a search, page by page."""
    hits, page = [], 1
    while True:
        body = search(client, per_page=100, page=page, **params)
        hits += body["results"]
        if len(hits) >= body["total"] or not body["results"]:
            return hits
        page += 1


def html(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.data[:300])
    assert r.mimetype == "text/html"
    return parse(r.get_data(as_text=True))


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def assert_json_error(r, status=400):
    assert r.status_code == status, (r.status_code, r.data[:300])
    assert r.mimetype == "application/json"
    body = r.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] and body["error"]["message"]
    return body["error"]


def pages_with(report_id: str, word: str) -> set[int]:
    """Printed pages of the report file that contain ``word`` (any case). A
    PDF's pages are read with pdfplumber, each labelled by the page number in
    its footer (pages without one, cover and contents, are not cited)."""
    path = REPO / REPORTS[report_id]["file"]
    if path.suffix == ".pdf":
        import pdfplumber

        found = set()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines = (page.extract_text() or "").split("\n")
                if lines[-1].strip().isdigit() and word.lower() in " ".join(lines[:-1]).lower():
                    found.add(int(lines[-1]))
        return found
    raw = path.read_text(encoding="utf-8")
    pages, current = [], []
    for line in raw.split("\n"):
        if re.match(r"^ \S", line) and any(l.strip() for l in current):
            pages.append(current)
            current = []
        current.append(line)
    pages.append(current)
    return {n for n, lines in enumerate(pages, start=1) if word.lower() in "\n".join(lines).lower()}


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


@pytest.mark.parametrize("grade", GRADES)
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

def facet_links(doc, name):
    section = doc.find("section", cls=f"facet-{name}")
    return {squash(a.text): a for a in section.find_all("a")} if section else {}


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
    assert ticked.attrs.get("aria-current") == "true"
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


def test_grade_facet_values_are_badges_with_text(multi_client):
    doc = html(multi_client, "/search?q=crime")
    for label, a in facet_links(doc, "grade").items():
        badge = a.find("span", cls="grade")
        assert badge is not None and squash(badge.text) == label
        assert f"grade-{label.lower().replace(' ', '-')}" in badge.classes


def test_chips_remove_one_value_and_clear_all_keeps_the_query(multi_client):
    doc = html(multi_client, "/search?q=crime&force=eastmoor+police&year=2016&year=2017&group=report")
    chips = {squash(a.text).rstrip(" ×"): a.attrs["href"] for a in doc.find_all("a", cls="chip")}
    assert set(chips) == {"Force: Eastmoor Police", "Year: 2016", "Year: 2017"}
    assert query_of(chips["Year: 2016"]) == {"q": ["crime"], "group": ["report"], "force": ["Eastmoor Police"],
                                             "year": ["2017"]}
    clear = doc.find("a", cls="clear-filters")
    assert query_of(clear.attrs["href"]) == {"q": ["crime"], "group": ["report"]}


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
    assert rows[0] == ["Force", "Year", "Inspection", "Report", "Title"] + table["areas"]
    assert len(rows) == len(table["rows"]) + 1
    for line, row in zip(rows[1:], table["rows"]):
        r = row["report"]
        assert line[:5] == [r["force"], str(r["year"]), r["inspection"], r["id"], r["title"]]
        assert line[5:] == [row["grades"][a] or "" for a in table["areas"]]


def test_compare_csv_quotes_commas_quotes_and_defuses_formulas(tmp_path):
    """Titles come from files and sidecars: a comma, a quote or a leading "="
    must not break the CSV or run as a spreadsheet formula."""
    from search_service.index import IndexStore
    from search_service.web import create_app
    from search_service.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "peel-2016-eastmoor.txt", corpus)
    title = 'Eastmoor, "the harbour force", 2016'
    (corpus / "peel-2016-eastmoor.meta.json").write_text(
        json.dumps({"title": title, "inspection": "=HYPERLINK(\"x\")"}), encoding="utf-8")
    store = IndexStore(tmp_path / "index", corpus)
    store.sync(rebuild=True)
    client = create_app(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", admin_token=None),
                        store=store).test_client()
    response = client.get("/api/compare.csv")
    text = response.get_data(as_text=True)
    assert '"Eastmoor, ""the harbour force"", 2016"' in text
    rows = read_csv(response)
    assert rows[1][4] == title
    assert rows[1][2] == "'=HYPERLINK(\"x\")"
    assert rows[1][5:] == [g for _, _, g in REPORTS["peel-2016-eastmoor"]["judgments"]]


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
           {"force", "year", "inspection", "area", "grade"}
    csv_link = doc.find("a", cls="csv-link").attrs["href"]
    assert csv_link.startswith("/api/compare.csv?")
    assert query_of(csv_link) == {"grade": [RI], "force": ["Northshire Constabulary"]}
    assert multi_client.get(csv_link).status_code == 200


def test_compare_is_in_the_site_nav(multi_client):
    nav = html(multi_client, "/").find("nav", **{"aria-label": "Main"})
    assert "/compare" in [a.attrs["href"] for a in nav.find_all("a")]


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
    assert json.loads(out) == api
    status = main(["--corpus", str(multi_settings.corpus_dir), "--index", str(multi_settings.index_dir),
                   "search", "missing children", "--group", "report"])
    out, _ = capsys.readouterr()
    for g in api["groups"]:
        assert g["report"]["title"] in out
        assert ", ".join(str(p["page"]) for p in g["pages"]) in out


# --- index schema -------------------------------------------------------------

def test_an_index_from_before_grades_is_rebuilt(tmp_path, monkeypatch):
    """An index built without the grade and inspection fields (an older
    version) would answer every grade filter with nothing: it is rebuilt."""
    from search_service import index as index_mod
    from search_service.search import search as run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "peel-2016-eastmoor.txt", corpus)
    new_schema = index_mod.make_schema

    def old_schema():
        schema = new_schema()
        schema.remove("grade")
        schema.remove("inspection")
        return schema

    monkeypatch.setattr(index_mod, "make_schema", old_schema)
    monkeypatch.setattr(index_mod, "passage_doc", lambda p, r, _doc=index_mod.passage_doc: {
        k: v for k, v in _doc(p, r).items() if k not in ("grade", "inspection")})
    old = index_mod.IndexStore(tmp_path / "index", corpus)
    old.sync(rebuild=True)
    monkeypatch.undo()
    store = index_mod.IndexStore(tmp_path / "index", corpus)
    assert store.outdated()
    store.ensure()
    assert not store.outdated()
    assert run(store, "missing children", filters={"grade": "Inadequate"}).total > 0


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
    assert {p["name"] for p in compare["parameters"]} == {"force", "year", "inspection", "area", "grade", "format"}
    assert "text/csv" in spec["paths"]["/api/compare.csv"]["get"]["responses"]["200"]["content"]
    assert {p["name"] for p in spec["paths"]["/api/reports"]["get"]["parameters"]} == {"force", "year", "inspection"}
    # the documented shapes are the ones served
    body = search(multi_client, q="crime", group="report")
    assert set(schemas["SearchResponse"]["required"]) <= set(body)
    assert set(body["groups"][0]) == set(schemas["Group"]["properties"])
    table = get_json(multi_client, "/api/compare")
    assert set(table) == set(schemas["CompareResponse"]["properties"])
    assert set(table["rows"][0]) == set(schemas["CompareResponse"]["properties"]["rows"]["items"]["properties"])
