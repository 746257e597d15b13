"""End to end in a real browser against the real production server.

Starts `search-service serve` (gunicorn) on a free port over the session
index, then drives Debian's chromium through Playwright the way a reader
would: type, press Enter, read, copy a citation, open the passage in context.
"""
from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest

from bench.server import ServerProcess

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
SEED_ID = "peel-effectiveness-2015-west-midlands"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt install chromium)")


def _serve(settings, tmp_path_factory):
    """Run `search-service serve` over ``settings`` on a free port; yield its base URL."""
    log = tmp_path_factory.mktemp("browser-server") / "server.log"
    with ServerProcess(settings.corpus_dir, settings.index_dir, log) as server:
        yield server.base


@pytest.fixture(scope="module")
def server(seed_settings, tmp_path_factory):
    yield from _serve(seed_settings, tmp_path_factory)


@pytest.fixture(scope="module")
def multi_server(multi_settings, tmp_path_factory):
    """The seed and the invented reports (tests/conftest.MULTI_FIXTURES)."""
    yield from _serve(multi_settings, tmp_path_factory)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


def _page(browser, base):
    context = browser.new_context(base_url=base)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return context, page


@pytest.fixture()
def page(browser, server):
    context, page = _page(browser, server)
    yield page
    context.close()


@pytest.fixture()
def multi_page(browser, multi_server):
    context, page = _page(browser, multi_server)
    yield page
    context.close()


def _passage_with(server: str, phrase: str) -> str:
    with urllib.request.urlopen(f"{server}/api/reports/{SEED_ID}") as r:
        passages = json.load(r)["passages"]
    return next(p["id"] for p in passages if phrase in " ".join(p["text"].split()))


def test_search_read_copy_and_open_in_context(page, server):
    page.goto("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'q'")  # autofocus
    page.keyboard.type("organised crime groups")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=organised+crime+groups")

    hits = page.locator("li.hit")
    assert hits.count() > 0
    assert page.locator("li.hit .snippet mark").count() >= hits.count()
    first = hits.first
    citation = first.locator(".citation-text").inner_text()
    assert "p. " in citation

    first.get_by_role("button", name="Copy citation").click()
    page.wait_for_function("() => document.querySelector('li.hit button.copy').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == citation.strip()

    # The passage saying how many OCGs the force manages is among the results;
    # its context link opens the report scrolled to it and highlighted.
    anchor = _passage_with(server, "68 organised crime groups (OCGs)")
    link = page.locator(f"li.hit a.context-link[href$='#{anchor}']")
    assert link.count() == 1
    link.click()
    page.wait_for_url(f"**/reports/{SEED_ID}#{anchor}")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    target = page.locator(f"[id='{anchor}']")
    assert "68 organised crime groups (OCGs)" in " ".join(target.inner_text().split())
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "targeted passage should be highlighted"
    assert target.evaluate("el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }")
    assert not page.errors, page.errors  # includes CSP violations


def test_facet_and_pagination_state_live_in_the_url(page):
    page.goto("/search?q=crime&per_page=5")
    page.locator(".facets a", has_text="West Midlands Police").first.click()
    page.wait_for_url("**force=West+Midlands+Police**")
    page.get_by_role("navigation", name="Result pages").get_by_role("link", name="Next ›").click()
    page.wait_for_url("**page=2**")
    url = page.url
    assert "q=crime" in url and "per_page=5" in url and "force=West+Midlands+Police" in url
    assert page.locator("ol.hits").get_attribute("start") == "6"
    links = page.locator("a.context-link")
    shown = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(shown) == 5
    page.reload()  # the same state comes back from the URL alone
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == shown
    assert not page.errors, page.errors


def test_bad_query_shows_a_message_in_the_page(page):
    response = page.goto('/search?q=AND')
    assert response.status == 400
    assert page.get_by_role("alert").is_visible()
    assert page.locator("#q").input_value() == 'AND'


def test_question_gets_an_answer_card_that_opens_in_context(page):
    page.goto("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'q'")
    page.keyboard.type("How many organised crime groups was the force managing?")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=How+many+organised+crime+groups**")
    card = page.locator("section.answer-card")
    assert card.is_visible()
    marked = card.locator("blockquote mark")
    assert marked.count() == 1 and "68" in marked.inner_text()
    assert marked.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    citation = card.locator(".citation-text").inner_text()
    card.get_by_role("button", name="Copy citation").click()
    page.wait_for_function("() => document.querySelector('.answer-card button.copy').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == citation.strip()
    href = card.get_by_role("link", name="Read in context").get_attribute("href")
    anchor = href.split("#")[1]
    card.get_by_role("link", name="Read in context").click()
    page.wait_for_url(f"**/reports/{SEED_ID}#{anchor}")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    assert "68" in page.locator(f"[id='{anchor}']").inner_text()
    assert not page.errors, page.errors


def test_compare_page_ticks_a_grade_and_opens_the_passage_that_gives_it(multi_page, multi_server):
    page = multi_page
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
    page.wait_for_url("**/compare")
    rows = page.locator("table.compare-table tbody tr")
    everything = rows.count()
    assert everything >= 5
    # Ticking a box applies it at once (app.js); the state is in the URL.
    page.locator("fieldset.filter-grade").get_by_label("Inadequate").check()
    page.wait_for_url("**grade=Inadequate**")
    assert page.locator("fieldset.filter-grade").get_by_label("Inadequate").is_checked()
    with urllib.request.urlopen(f"{multi_server}/api/compare?grade=Inadequate") as r:
        table = json.load(r)
    assert rows.count() == len(table["rows"]) < everything
    badges = page.locator("table.compare-table td .grade")
    assert badges.count() == sum(g is not None for row in table["rows"] for g in row["grades"].values())
    assert set(badges.all_inner_texts()) == {"Inadequate"}
    colour = badges.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "grades are colour-coded as well as written"
    link = page.locator("table.compare-table td a.cell-link").first
    href = link.get_attribute("href")
    anchor = href.split("#")[1]
    link.click()
    page.wait_for_url(f"**{href}")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    assert not page.errors, page.errors  # includes CSP violations


def test_facet_clicks_combine_forces_and_narrow_by_grade(multi_page, multi_server):
    page = multi_page
    page.goto("/search?q=missing+children")
    summary = page.locator("#results-summary")
    forces = page.locator("section.facet-force")
    forces.get_by_role("link", name="Eastmoor Police").click()
    page.wait_for_url("**force=Eastmoor+Police**")
    forces.get_by_role("link", name="Northshire Constabulary").click()
    page.wait_for_url("**force=Northshire+Constabulary**")
    assert "force=Eastmoor+Police" in page.url
    reports = {h.split("/reports/")[1].split("#")[0]
               for h in page.locator("a.context-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")}
    assert reports and all("eastmoor" in r or "northshire" in r for r in reports)
    page.locator("section.facet-grade").get_by_role("link", name="Inadequate").click()
    page.wait_for_url("**grade=Inadequate**")
    with urllib.request.urlopen(f"{multi_server}/api/search?q=missing+children&force=Eastmoor+Police"
                                f"&force=Northshire+Constabulary&grade=Inadequate") as r:
        api = json.load(r)
    assert f"of {api['total']}" in summary.inner_text()
    assert page.locator("li.hit").count() == len(api["results"]) > 0
    assert set(page.locator("li.hit .hit-grade .grade").all_inner_texts()) == {"Inadequate"}
    # unticking Eastmoor keeps Northshire and the grade
    page.locator("section.facet-force").get_by_role("link", name="Eastmoor Police").click()
    page.wait_for_url(lambda url: "Eastmoor" not in url)
    assert "force=Northshire+Constabulary" in page.url and "grade=Inadequate" in page.url
    assert not page.errors, page.errors


@pytest.fixture(scope="module")
def every_server(every, tmp_path_factory):
    """The seed and every invented report (all families and formats)."""
    yield from _serve(every.settings, tmp_path_factory)


def test_recommendations_page_filters_and_links_to_passages_and_progress(browser, every_server):
    context, page = _page(browser, every_server)
    page.goto("/recommendations")
    items = page.locator("li.finding")
    everything = items.count()
    with urllib.request.urlopen(f"{every_server}/api/recommendations") as r:
        assert everything == json.load(r)["total"] > 50
    page.locator("fieldset.filter-kind").get_by_label("Recommendation").check()
    page.get_by_label("Words").fill("chief constables")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**kind=recommendation**")
    assert 0 < items.count() < everything
    assert all("chief constables" in t.lower() for t in page.locator("li.finding .finding-text").all_inner_texts())
    link = items.first.locator("h2 a")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == \
        href.split("#")[1]
    page.goto("/recommendations?force=Northshire+Constabulary")
    progress = page.locator("p.progress a").first
    target = progress.get_attribute("href")
    progress.click()
    page.wait_for_url(f"**{target}")
    assert "Northshire" in page.locator("h1").inner_text()
    assert not page.errors, page.errors
    context.close()


def test_compare_page_shows_scales_apart_with_the_caution(browser, every_server):
    context, page = _page(browser, every_server)
    page.goto("/compare")
    headings = page.locator("section.compare-group h2").all_inner_texts()
    assert headings == ["Police forces: four-tier grades", "Police forces: five-tier grades",
                        "Fire and rescue services: four-tier grades"]
    five = page.locator("table[data-scale='five-tier']")
    adequate = re.compile(r"^Adequate$")  # not "Inadequate"
    assert five.locator("td .grade", has_text=adequate).count() >= 1
    assert page.locator("table[data-scale='four-tier'] td .grade", has_text=adequate).count() == 0
    assert "cannot be compared directly" in page.locator("section.compare-group").nth(1).inner_text()
    assert not page.errors, page.errors
    context.close()


def test_answer_card_lists_every_report_and_says_why_it_declines(browser, every_server):
    """A reader asks which forces were rated inadequate: the card shows one
    row per report with its grade and a citation that opens the passage.
    Asking about a force with no indexed report says so instead."""
    context, page = _page(browser, every_server)
    page.goto("/")
    page.locator("#q").fill("Which forces were rated inadequate for protecting vulnerable people?")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Which+forces**")
    card = page.locator("section.answer-card")
    rows = card.locator("table.answer-items tbody tr")
    assert rows.count() >= 3
    names = rows.locator("th").all_inner_texts()
    assert {"Eastmoor Police", "Fenmoor Constabulary"} <= set(names)
    assert set(card.locator("tbody td .grade").all_inner_texts()) == {"Inadequate"}
    first_citation = rows.first.locator("td a")
    cited = first_citation.inner_text()
    first_citation.click()
    page.wait_for_load_state()
    assert "/reports/" in page.url and "#" in page.url
    target = page.locator(":target")
    assert "inadequate" in target.inner_text().lower()
    assert cited.split(",")[0] in page.title() or cited.split(",")[0] in page.locator("h1").inner_text()

    page.goto("/")
    page.locator("#q").fill("How many police horses does Kent Police keep?")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=How+many+police+horses**")
    assert page.locator("section.answer-card").count() == 0
    assert page.locator(".no-answer").inner_text().strip() == "No indexed report covers Kent Police."
    assert not page.errors, page.errors
    context.close()
