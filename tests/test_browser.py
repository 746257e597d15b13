"""End to end in a real browser against the real production server.

Starts `search-service serve` (gunicorn) on a free port over the session
index, then drives Debian's chromium through Playwright the way a reader
would: type, press Enter, read, copy a citation, open the passage in context.
"""
from __future__ import annotations

import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from browser_helpers import browser, needs_chromium, new_page, serve  # noqa: F401  (fixtures)

SEED_ID = "peel-effectiveness-2015-west-midlands"

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(seed_settings, tmp_path_factory):
    yield from serve(seed_settings, tmp_path_factory)


@pytest.fixture(scope="module")
def multi_server(multi_settings, tmp_path_factory):
    """The seed and the invented reports (tests/conftest.MULTI_FIXTURES)."""
    yield from serve(multi_settings, tmp_path_factory)


@pytest.fixture(params=["desktop", "phone"])
def page(browser, server, request):
    context, page = new_page(browser, server, request.param)
    page.width = request.param
    yield page
    context.close()


@pytest.fixture(params=["desktop", "phone"])
def multi_page(browser, multi_server, request):
    context, page = new_page(browser, multi_server, request.param)
    page.width = request.param
    yield page
    context.close()


def _passage_with(server: str, phrase: str) -> str:
    with urllib.request.urlopen(f"{server}/api/reports/{SEED_ID}") as r:
        passages = json.load(r)["passages"]
    return next(p["id"] for p in passages if phrase in " ".join(p["text"].split()))


def _api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path) as r:
        return json.load(r)


def squash(text: str) -> str:
    return " ".join(text.split())


def open_filters(page) -> None:
    """On a phone the filters open from the "Filters" button at the top of
    the results; on a desktop they are always there."""
    toggle = page.locator("button.filters-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"


def test_search_read_copy_and_open_in_context(page, server):
    page.goto("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'q'")  # autofocus
    page.keyboard.type("organised crime groups")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=organised+crime+groups")

    hits = page.locator("li.hit")
    assert hits.count() > 0
    assert page.locator("li.hit .snippet mark").count() >= hits.count()
    # every result is a heading (level 2) whose link opens the passage in context
    titles = page.get_by_role("heading", level=2).locator("a.context-link")
    assert titles.count() == hits.count()
    first = hits.first
    citation = squash(first.locator(".citation-text").text_content())
    assert "p. " in citation and f"Available at: {server}/reports/" in citation

    first.get_by_role("button", name="Copy citation").click()
    page.wait_for_function("() => document.querySelector('li.hit button.copy').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == citation

    # The passage saying how many OCGs the force manages is among the results;
    # its title opens the report scrolled to it and highlighted.
    anchor = _passage_with(server, "68 organised crime groups (OCGs)")
    link = page.locator(f"li.hit h2 a.context-link[href$='#{anchor}']")
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
    open_filters(page)
    page.locator(".facets").get_by_role("checkbox", name="West Midlands Police").click()
    page.wait_for_url("**force=West+Midlands+Police**")
    page.get_by_role("navigation", name="Result pages").get_by_role("link", name="Next page").click()
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


def test_first_last_and_per_page_links(page, server):
    total = _api(server, "/api/search?q=force")["total"]
    pages = -(-total // 10)
    page.goto("/search?q=force&page=2")
    nav = page.get_by_role("navigation", name="Result pages")
    nav.get_by_role("link", name=f"Last page, {pages}").click()
    page.wait_for_url(f"**page={pages}**")
    assert page.locator("li.hit").count() == total - (pages - 1) * 10
    page.get_by_role("navigation", name="Result pages").get_by_role("link", name="First page").click()
    page.wait_for_url(lambda u: "page=" not in u)
    page.get_by_role("navigation", name="Results per page").get_by_role("link", name="20").click()
    page.wait_for_url("**per_page=20**")
    assert page.locator("li.hit").count() == min(20, total)
    summary = squash(page.locator("#results-summary").inner_text())
    assert f"of {total}" in summary and " in 0." in summary and summary.endswith(" s")  # the time it took
    assert not page.errors, page.errors


def test_sort_newest_and_a_year_range(multi_page, multi_server):
    page = multi_page
    page.goto("/search?q=missing+children")
    page.get_by_role("navigation", name="Result order and grouping").get_by_role("link", name="Newest").click()
    page.wait_for_url("**sort=newest**")
    expected = _api(multi_server, "/api/search?q=missing+children&sort=newest")["results"]
    hrefs = page.locator("li.hit a.context-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [h["url"] for h in expected]
    open_filters(page)
    page.get_by_label("From").fill("2016")
    page.get_by_label("to", exact=True).fill("2016")
    page.get_by_role("group", name="Years").get_by_role("button", name="Apply").click()
    page.wait_for_url("**year_from=2016**")
    assert "sort=newest" in page.url and "year_to=2016" in page.url
    api = _api(multi_server, "/api/search?q=missing+children&sort=newest&year_from=2016&year_to=2016")
    assert f"of {api['total']}" in page.locator("#results-summary").inner_text()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Apply"  # focus kept where it was
    assert not page.errors, page.errors


def test_export_downloads_every_result_as_csv(page, server):
    page.goto("/search?q=crime&per_page=5")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "search-crime.csv"
    rows = open(download.path(), encoding="utf-8").read().splitlines()
    total = _api(server, "/api/search?q=crime")["total"]
    assert rows[0].startswith("rank,citation,") and len(rows) > total  # header + every result (cells may wrap)
    assert f"{server}/reports/{SEED_ID}#" in "\n".join(rows)


def test_bad_query_shows_a_message_in_the_page(page):
    response = page.goto('/search?q=AND')
    assert response.status == 400
    assert page.get_by_role("alert").is_visible()
    assert page.locator("#q").input_value() == 'AND'


def test_empty_and_overlong_queries(page):
    response = page.goto("/search?q=+")
    assert response.status == 200 and "Type a word or two" in page.locator(".empty-query").inner_text()
    response = page.goto("/search?q=" + "crime+" * 200)
    assert response.status == 400 and "the limit is 1,000" in page.get_by_role("alert").inner_text()


def test_a_typo_shows_the_corrected_results_and_a_way_back(page):
    page.goto("/search?q=safegaurding")
    notice = page.locator(".corrected")
    assert squash(notice.inner_text()).startswith("Showing results for safeguarding.")
    assert page.locator("li.hit").count() > 0
    notice.get_by_role("link", name="safegaurding").click()
    page.wait_for_url("**autocorrect=false**")
    assert page.locator("li.hit").count() == 0 and "Did you mean" in page.locator(".suggestion").inner_text()


def test_a_word_nothing_matches_is_shown_missing(page):
    page.goto("/search?q=missing+xylophone")
    assert "xylophone" in page.locator(".relaxed s").inner_text()
    missing = page.locator("li.hit .missing")
    assert missing.count() == page.locator("li.hit").count() > 0
    assert missing.first.inner_text() == "Missing: xylophone"
    assert missing.first.locator("s").evaluate("el => getComputedStyle(el).textDecorationLine") == "line-through"


def test_type_ahead_offers_completions_and_works_with_the_keyboard(page):
    page.goto("/")
    box = page.locator("#q")
    box.click()
    page.keyboard.type("safeg")
    options = page.get_by_role("listbox").get_by_role("option")
    # the list may first show the completions of "safe" (a request sent while the keys came slowly); once typing
    # settles it offers those of "safeg" (a stale reply never replaces a newer one)
    expect(options.first).to_have_text(re.compile(r"^safeg", re.I))
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    chosen = options.first.get_attribute("data-text")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=" + chosen + "**")
    assert page.locator("li.hit").count() > 0
    box = page.locator("#q")
    box.click()
    page.keyboard.type(" x")
    page.keyboard.press("Escape")
    assert page.get_by_role("listbox").is_hidden()
    assert not page.errors, page.errors


def test_the_search_page_works_without_script(browser, server):
    context, page = new_page(browser, server, "phone", java_script_enabled=False)
    try:
        page.goto("/search?q=crime")
        assert page.locator("li.hit").count() > 0
        page.get_by_role("link", name="Filters").click()  # a link down to the filters
        assert page.url.endswith("#filters")
        page.locator(".facets").get_by_role("checkbox", name="Footnote").click()
        page.wait_for_url("**kind=footnote**")
        assert page.locator("li.hit").count() > 0
    finally:
        context.close()


def test_question_gets_an_answer_card_that_opens_in_context(page, server):
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
    citation = squash(card.locator(".citation-text").inner_text())
    assert f"Available at: {server}/reports/" in citation
    card.get_by_role("button", name="Copy citation").click()
    page.wait_for_function("() => document.querySelector('.answer-card button.copy').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == citation
    href = card.get_by_role("link", name="Read in context").get_attribute("href")
    anchor = href.split("#")[1]
    card.get_by_role("link", name="Read in context").click()
    page.wait_for_url(f"**/reports/{SEED_ID}#{anchor}")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    assert "68" in page.locator(f"[id='{anchor}']").inner_text()
    assert not page.errors, page.errors


def test_compare_page_applies_filters_on_the_button_and_keeps_focus(multi_page, multi_server):
    page = multi_page
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Compare").click()
    page.wait_for_url("**/compare")
    rows = page.locator("table.compare-table tbody tr")
    everything = rows.count()
    assert everything >= 5
    box = page.locator("fieldset.filter-grade").get_by_label("Inadequate")
    box.check()
    page.wait_for_timeout(300)
    assert page.url.endswith("/compare") and rows.count() == everything  # ticking alone changes nothing yet
    apply = page.get_by_role("button", name="Apply filters")
    apply.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**grade=Inadequate**")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Apply filters"  # focus kept
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


def test_facet_checkboxes_combine_forces_and_narrow_by_grade(multi_page, multi_server):
    page = multi_page
    page.goto("/search?q=missing+children")
    summary = page.locator("#results-summary")
    open_filters(page)
    forces = page.locator("section.facet-force")
    eastmoor = forces.get_by_role("checkbox", name="Eastmoor Police")
    assert eastmoor.get_attribute("aria-checked") == "false"
    eastmoor.focus()
    page.keyboard.press("Space")  # a checkbox ticks with Space
    page.wait_for_url("**force=Eastmoor+Police**")
    ticked = page.locator("section.facet-force").get_by_role("checkbox", name="Eastmoor Police")
    assert ticked.get_attribute("aria-checked") == "true"
    assert page.evaluate("document.activeElement.getAttribute('data-focus-key')") == "facet:force:Eastmoor Police"
    open_filters(page)
    page.locator("section.facet-force").get_by_role("checkbox", name="Northshire Constabulary").click()
    page.wait_for_url("**force=Northshire+Constabulary**")
    assert "force=Eastmoor+Police" in page.url
    reports = {h.split("/reports/")[1].split("#")[0]
               for h in page.locator("a.context-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")}
    assert reports and all("eastmoor" in r or "northshire" in r for r in reports)
    open_filters(page)
    page.locator("section.facet-grade").get_by_role("checkbox", name="Inadequate").click()
    page.wait_for_url("**grade=Inadequate**")
    with urllib.request.urlopen(f"{multi_server}/api/search?q=missing+children&force=Eastmoor+Police"
                                f"&force=Northshire+Constabulary&grade=Inadequate") as r:
        api = json.load(r)
    assert f"of {api['total']}" in summary.inner_text()
    assert page.locator("li.hit").count() == len(api["results"]) > 0
    assert set(page.locator("li.hit .hit-grade .grade").all_inner_texts()) == {"Inadequate"}
    # unticking Eastmoor keeps Northshire and the grade
    open_filters(page)
    page.locator("section.facet-force").get_by_role("checkbox", name="Eastmoor Police").click()
    page.wait_for_url(lambda url: "Eastmoor" not in url)
    assert "force=Northshire+Constabulary" in page.url and "grade=Inadequate" in page.url
    # no ☐/☑ characters for a screen reader to read out: the boxes are drawn
    labels = page.locator(".facet-option").evaluate_all(
        "els => els.map(e => getComputedStyle(e, '::before').content + e.textContent)")
    assert not any(c in label for label in labels for c in "☐☑")
    assert not page.errors, page.errors


def test_filters_sit_behind_a_button_at_the_top_on_a_phone(multi_page):
    page = multi_page
    page.goto("/search?q=crime")
    toggle = page.locator("button.filters-toggle")
    facets = page.locator("#filters")
    if page.width == "desktop":
        assert not toggle.is_visible() and facets.is_visible()
        return
    assert toggle.is_visible() and not facets.is_visible()
    first_hit = page.locator("li.hit").first.bounding_box()
    assert toggle.bounding_box()["y"] < first_hit["y"] < 900  # at the top, before the results
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and facets.is_visible()
    assert facets.bounding_box()["y"] < page.locator("li.hit").first.bounding_box()["y"]  # opens above the results
    toggle.click()
    assert not facets.is_visible()


PAGES = ["/", "/search?q=crime", "/search?q=missing+xylophone", "/search?q=crime&group=report", "/reports",
         "/reports/peel-2016-northshire", "/compare", "/glossary", "/admin", "/search?q=safegaurding",
         "/recommendations"]


@pytest.mark.parametrize("url", PAGES)
def test_no_page_scrolls_sideways_and_targets_are_big_enough(multi_page, url):
    page = multi_page
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), url
    small = page.evaluate("""() => [...document.querySelectorAll('main a, main button, main input, main summary, header a')]
        .filter(el => el.offsetParent !== null && !el.closest('p, li:not(.facet li), td, th, dd')?.matches('p'))
        .map(el => [el, el.getBoundingClientRect()])
        .filter(([el, r]) => r.width > 0 && (r.height < 24 && r.width < 24))
        .map(([el, r]) => el.outerHTML.slice(0, 80))""")
    assert small == [], small


def test_the_focus_ring_stands_out_from_the_page(page):
    page.goto("/search?q=crime")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    ring = page.evaluate("""() => { const el = document.activeElement, s = getComputedStyle(el);
        return {width: parseFloat(s.outlineWidth), style: s.outlineStyle, colour: s.outlineColor,
                background: getComputedStyle(el.closest('header') || document.body).backgroundColor}; }""")
    assert ring["style"] != "none" and ring["width"] >= 2

    def luminance(css: str) -> float:
        r, g, b = [int(x) / 255 for x in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted((luminance(ring["colour"]), luminance(ring["background"])), reverse=True)
    assert (a + 0.05) / (b + 0.05) >= 3, ring


def test_admin_errors_are_summarised_and_back_never_resubmits(browser, seed_settings, tmp_path_factory):
    for base in serve(seed_settings, tmp_path_factory, env={"SEARCH_SERVICE_ADMIN_TOKEN": "browser-token"}):
        context, page = new_page(browser, base)
        try:
            page.goto("/admin")
            page.get_by_label("Admin token").fill("wrong")
            page.get_by_role("button", name="Log in").click()
            page.wait_for_load_state()
            assert page.url.endswith("/admin")  # redirected: the page shown was fetched with GET
            summary = page.locator(".error-summary")
            assert summary.is_visible() and "There is a problem" in summary.inner_text()
            assert page.evaluate("document.activeElement.classList.contains('error-summary')")
            summary.get_by_role("link").click()
            assert page.evaluate("document.activeElement.id") == "token"
            page.reload()  # no "resubmit the form?": the page came from a GET
            assert page.locator(".error-summary").count() == 0
            page.get_by_label("Admin token").fill("browser-token")
            page.get_by_role("button", name="Log in").click()
            page.get_by_role("heading", name="Add a report").wait_for()
            assert not page.errors, page.errors
        finally:
            context.close()


@pytest.fixture(scope="module")
def every_server(every, tmp_path_factory):
    """The seed and every invented report (all families and formats)."""
    yield from serve(every.settings, tmp_path_factory)


def test_recommendations_page_filters_and_links_to_passages_and_progress(browser, every_server):
    context, page = new_page(browser, every_server)
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
    context, page = new_page(browser, every_server)
    page.goto("/compare")
    headings = page.locator("section.compare-group h2").all_inner_texts()
    assert headings == ["Police forces: four-tier grades", "Police forces: five-tier grades",
                        "Fire and rescue services: four-tier grades", "Fire and rescue services: five-tier grades",
                        "Police forces — Crime data integrity: four-tier grades",
                        "Police forces — National child protection inspection: five-tier grades"]
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
    context, page = new_page(browser, every_server)
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
    # on a phone the rows become cards and nothing scrolls sideways
    page.go_back()
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_selector("table.answer-items")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})

    # a report's every grade: a row per area, the area in its own column
    page.goto("/search?q=What+grades+did+Holmbridge+Police+get%3F")
    areas = page.locator("section.answer-card td.answer-area").all_inner_texts()
    assert areas[:2] == ["Leadership", "Partnership working"] and len(areas) == 5

    page.goto("/")
    page.locator("#q").fill("How many police horses does Kent Police keep?")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=How+many+police+horses**")
    assert page.locator("section.answer-card").count() == 0
    assert page.locator(".no-answer").inner_text().strip() == "No indexed report covers Kent Police."
    assert not page.errors, page.errors
    context.close()


def test_a_facet_count_stays_on_one_line_beside_a_wrapped_name(browser, every_server):
    # "Northshire Constabulary" wraps in the 15rem filter column: its count read "9" over "8" for 98
    context, page = new_page(browser, every_server)
    page.goto("/search?q=crime")
    counts = page.locator(".facets .count")
    # a flex item is one box however its text wraps: the text's own line fragments are counted
    lines = counts.evaluate_all("els => els.map(e => { const r = document.createRange(); r.selectNodeContents(e); "
                                "return [e.textContent, r.getClientRects().length]; })")
    assert len(lines) > 5 and any(len(text) > 1 for text, _ in lines)
    assert all(n == 1 for _, n in lines), lines
    context.close()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_reports_table_keeps_years_whole_and_is_labelled_cards_on_a_phone(browser, every_server, width):
    # main's overflow-wrap: anywhere squeezed the year to a digit a line ("2 / 0 / 1 / 8") and "Brackensh / ire"
    context, page = new_page(browser, every_server, width)
    page.goto("/reports")
    years = page.locator(".reports-table td[data-label='Year']")
    assert years.count() > 10
    fragments = years.evaluate_all("els => els.map(e => { const r = document.createRange(); r.selectNodeContents(e); "
                                   "return [e.textContent.trim(), r.getClientRects().length]; })")
    assert all(n == 1 for text, n in fragments if text), fragments
    forces = page.locator(".reports-table td[data-label='Force']").evaluate_all(
        "els => els.filter(e => e.textContent.trim()).map(e => { const r = document.createRange(); "
        "r.selectNodeContents(e); return [e.textContent.trim(), r.getClientRects().length]; })")
    # a force's name breaks between its words only: never more lines than words
    assert all(n <= len(text.split()) for text, n in forces), forces
    if width == "phone":  # each row a card, each cell saying what it is
        assert page.locator(".reports-table tbody tr").first.evaluate("e => getComputedStyle(e).display") == "block"
        label = page.locator(".reports-table td[data-label='Force']").first.evaluate(
            "e => getComputedStyle(e, '::before').content")
        assert "Force" in label
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


@pytest.mark.parametrize("url", ["/forces", "/reports", "/areas", "/compare"])
def test_no_table_cell_breaks_a_word_at_desktop_width(browser, every_server, url):
    # cells break between words; "Rep / orts" and "Brackensh / ire" were columns squeezed below their longest word
    context, page = new_page(browser, every_server)
    page.goto(url)
    # each text node of a cell, on no more lines than it has words (a node's line fragments share a top)
    cells = page.locator("main table th, main table td").evaluate_all(
        "els => els.filter(e => e.offsetParent).flatMap(e => { const out = []; "
        "const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT); let n; "
        "while ((n = walk.nextNode())) { const t = n.textContent.trim(); if (!t) continue; "
        "const r = document.createRange(); r.selectNodeContents(n); "
        "const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top / 4))); "
        "out.push([t.replace(/\\s+/g, ' '), tops.size]); } return out; })")
    assert cells
    broken = [(text, lines) for text, lines in cells if lines > len(text.split())]
    assert not broken, broken[:5]
    context.close()
