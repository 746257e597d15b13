"""Every page, at desktop and phone width, checked by axe-core (the npm
package, vendored in tests/vendor/axe-core) in Chromium against the real
server: no WCAG 2.0/2.1/2.2 level A or AA violation. The context bypasses
the Content-Security-Policy only so the test can inject axe; the pages
themselves run no inline script."""
from __future__ import annotations

from pathlib import Path

import pytest

from browser_helpers import browser, needs_chromium, new_page, serve  # noqa: F401  (fixtures)

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
TOKEN = "axe-token"

pytestmark = needs_chromium

PAGES = {
    "home": "/",
    "empty query": "/search?q=+",
    "results": "/search?q=missing+children",
    "results filtered": "/search?q=crime&force=Northshire+Constabulary&grade=Inadequate",
    "results grouped": "/search?q=crime&group=report",
    "results sorted, years": "/search?q=crime&sort=newest&year_from=2016&year_to=2017&page=2",
    "relaxed": "/search?q=missing+xylophone",
    "corrected": "/search?q=safegaurding",
    "did you mean": "/search?q=safegaurding&autocorrect=false",
    "no results": "/search?q=zqxjvbwk",
    "answer card": "/search?q=How+many+organised+crime+groups+was+the+force+managing%3F",
    "bad query": "/search?q=AND",
    "reports": "/reports",
    "reports filtered": "/reports?year=2016",
    "report": "/reports/peel-effectiveness-2015-west-midlands",
    "report at a passage": "/reports/peel-2016-northshire#peel-2016-northshire-0003",
    "compare": "/compare",
    "compare filtered": "/compare?grade=Inadequate",
    "glossary": "/glossary",
    "recommendations": "/recommendations",
    "recommendations filtered": "/recommendations?kind=recommendation&q=chief+constables",
    "admin": "/admin",
    "not found": "/reports/no-such-report",
    "forces": "/forces",
    "force": "/forces/northshire-constabulary",
    "areas": "/areas",
    "area": "/areas/preventing-crime-and-anti-social-behaviour",
}


@pytest.fixture(scope="module")
def server(multi_settings, tmp_path_factory):
    yield from serve(multi_settings, tmp_path_factory, env={"SEARCH_SERVICE_ADMIN_TOKEN": TOKEN})


@pytest.fixture(params=["desktop", "phone"])
def page(browser, server, request):
    context, page = new_page(browser, server, request.param, bypass_csp=True)
    yield page
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(
        f"{n['target']}: {n['failureSummary'][:160]}" for n in v["nodes"][:4]) for v in result["violations"]]


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_wcag_a_or_aa_violations(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert violations(page) == []


@pytest.mark.parametrize("url", ["/forces/northshire-constabulary", "/reports/peel-2016-northshire"])
def test_each_search_box_of_a_page_is_a_landmark_of_its_own_name(page, url):
    """A force's or a report's page has the site's search and its own ("Search the reports on …"): a screen
    reader's list of landmarks tells them apart (axe's landmark-unique, a best practice beyond WCAG A/AA)."""
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {runOnly: {type: 'rule', values: "
                          "['landmark-unique']}})).violations.map(v => v.id)")
    assert found == [] and page.get_by_role("search").count() == 2


def test_open_filters_and_completions_have_no_violations(page):
    page.goto("/search?q=crime")
    toggle = page.locator("button.filters-toggle")
    if toggle.is_visible():
        toggle.click()
    page.locator("#q").fill("")
    page.locator("#q").type("prev")
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert violations(page) == []


def test_admin_pages_have_no_violations(page):
    page.goto("/admin")
    page.get_by_label("Admin token").fill("wrong")
    page.get_by_role("button", name="Log in").click()
    page.locator(".error-summary").wait_for()
    assert violations(page) == []  # the error summary and the field in error
    page.get_by_label("Admin token").fill(TOKEN)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Add a report").wait_for()
    assert violations(page) == []  # the upload form and the reports table


def test_the_check_finds_violations_when_there_are_some(page):
    """axe runs for real: a page spoiled on purpose (an unlabelled field, a
    tiny button crowded by another, grey text on grey) fails."""
    page.goto("/")
    page.evaluate("""() => {
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend', '<input type="text"><p style="color:#bbb;background:#ccc">faint</p>' +
            '<button style="all:unset;width:10px;height:10px;display:inline-block">a</button>' +
            '<button style="all:unset;width:10px;height:10px;display:inline-block">b</button>');
    }""")
    found = " ".join(violations(page))
    for rule in ("label", "color-contrast", "target-size"):
        assert rule in found, (rule, found)
