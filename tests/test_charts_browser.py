"""Force pages, the national picture and feeds in a real browser (Debian's
chromium through Playwright) against the real server, at desktop (1280 px)
and phone (390 px) width: the charts render inside the page, their data
tables hold what the charts draw, and a subscribed search shows a report
uploaded to the running server. Screenshots of each page are written to
the test's temporary folder (and to $SCREENSHOTS, when set, to look at)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import feedparser
import pytest

from bench.server import ServerProcess
from tests.conftest import FIXTURES, indexed_corpus
from browser_helpers import browser, needs_chromium, new_page  # noqa: F401 (fixtures)
from tests.test_browser import every_server  # noqa: F401 (fixtures)
from tests.test_accessibility import violations

pytestmark = needs_chromium

WIDTHS = [1280, 390]
TOKEN = "browser-feed-token"


def _at(browser, base, width):
    context, page = new_page(browser, base)
    page.set_viewport_size({"width": width, "height": 900})
    return context, page


def _shot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("SCREENSHOTS"):
        Path(os.environ["SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(os.environ["SCREENSHOTS"]) / path.name)


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), \
        page.evaluate("document.documentElement.scrollWidth")


# (page, charts): Northshire's four-tier and five-tier grades; Fenmoor fire's, the first of its two cycles read
# from its later report's table
TIMELINES = [("/forces/northshire-constabulary", 2), ("/forces/fenmoor-fire-and-rescue-service", 1)]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url,count", TIMELINES)
def test_the_timeline_renders_and_matches_its_table(browser, every_server, tmp_path, width, url, count):
    context, page = _at(browser, every_server, width)
    page.goto(url)
    charts = page.locator("figure.timeline-chart")
    assert charts.count() == count
    for i in range(charts.count()):
        fig = charts.nth(i)
        box = fig.bounding_box()
        assert box["width"] >= 0.9 * min(768, width - 32)  # the width there is, up to 48rem
        drawn = fig.evaluate("""f => [...f.querySelectorAll('.tl-row')].map(row => ({
            area: row.querySelector('.tl-area').textContent.trim(),
            points: [...row.querySelectorAll('svg.tl-point')].map(p => {
                const r = p.querySelector('.mark').getBoundingClientRect();
                return {cycle: p.dataset.cycle, grade: p.dataset.grade, x: r.x, y: r.y, w: r.width, h: r.height};
            })}))""")
        table = page.locator(f"table[data-chart='{fig.get_attribute('id')}']")
        cycles = [th.get_attribute("data-cycle") for th in table.locator("thead th[data-cycle]").all()]
        assert [t.split("†")[0].strip() for t in table.locator("thead th").all_inner_texts()[1:]] == cycles
        rows = table.locator("tbody tr")
        assert rows.count() == len(drawn)
        for n, row in enumerate(drawn):
            cells = rows.nth(n).locator("td")
            tabled = {cycles[k]: cells.nth(k).locator(".grade").inner_text().strip()
                      if cells.nth(k).locator(".grade").count() else "" for k in range(cells.count())}
            assert rows.nth(n).locator("th").inner_text().strip() == row["area"]
            assert {p["cycle"]: p["grade"] for p in row["points"]} == {c: g for c, g in tabled.items() if g}
            assert len(row["points"]) == len(cycles) or "Not graded" in rows.nth(n).inner_text()
            for p in row["points"]:  # every mark is drawn, inside the chart
                assert p["w"] > 5 and p["h"] > 5
                assert box["x"] <= p["x"] and p["x"] + p["w"] <= box["x"] + box["width"]
        # columns left to right in cycle order, the better grade higher up
        effectiveness = next((r for r in drawn if r["area"] == "Effectiveness"), None)
        if effectiveness:
            # Northshire 2016 Requires improvement, 2017 Good; Fenmoor fire 2018/19 Good, 2021/22 Requires
            # improvement
            then, now = effectiveness["points"]
            assert {then["grade"], now["grade"]} == {"Requires improvement", "Good"}
            assert then["x"] < now["x"] and cycles.index(then["cycle"]) < cycles.index(now["cycle"])
            better, worse = (then, now) if then["grade"] == "Good" else (now, then)
            assert better["y"] < worse["y"]
    # text keeps its size on a phone: the chart stretches, it is not scaled down
    size = page.locator("text.tl-label").first.evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
    assert size >= 12 and page.locator("text.tl-label").first.bounding_box()["height"] >= 10
    _no_sideways_scroll(page)
    _shot(page, tmp_path, f"force-{url.rsplit('/', 1)[1]}-{width}")
    assert not page.errors, page.errors  # CSP violations included
    context.close()


@pytest.mark.parametrize("url", [url for url, _ in TIMELINES] + [
    "/forces", "/areas/protecting-vulnerable-people-and-supporting-victims"])
def test_force_and_area_pages_have_no_wcag_violations(browser, every_server, url):
    """axe-core over the pages with charts (the force pages' grade tables, a
    first cycle read from a later report's table marked in them)."""
    context, page = new_page(browser, every_server, bypass_csp=True)
    page.goto(url)
    assert violations(page) == []
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_stacked_bars_are_as_long_as_their_counts(browser, every_server, tmp_path, width):
    context, page = _at(browser, every_server, width)
    page.goto("/areas/protecting-vulnerable-people-and-supporting-victims")
    bars = page.locator("figure.bar-chart svg.bar")
    table = page.locator("table.chart-data").first
    assert bars.count() == table.locator("tbody tr").count() == 4
    per_one = []
    for i in range(bars.count()):
        segments = bars.nth(i).evaluate("""b => [...b.querySelectorAll('g.segment')].map(g => ({
            grade: g.dataset.grade, count: +g.dataset.count,
            width: g.querySelector('rect').getBoundingClientRect().width}))""")
        row = table.locator("tbody tr").nth(i)
        for s in segments:
            assert row.locator(f"td[data-grade='{s['grade']}']").inner_text().split()[0] == str(s["count"])
            per_one.append(s["width"] / s["count"])
        assert sum(s["count"] for s in segments) == int(row.locator("td").last.inner_text())
    assert max(per_one) - min(per_one) < 1.5  # one organisation is as long in every bar
    # grades are written on the bars as well as coloured and patterned
    labels = page.locator("figure.bar-chart text.seg-label").evaluate_all("els => els.map(e => e.textContent)")
    assert "1 Inad." in labels and "1 Good" in labels
    # a count in the table opens the organisations it counts
    page.locator("table.chart-data td[data-grade='Good'] a").first.click()
    page.wait_for_url("**cycle=2017&grade=Good**")
    assert page.locator("table.area-list tbody tr th").all_inner_texts() == ["Northshire Constabulary"]
    assert "shown below" in page.locator(".bar-chosen .bar-label").evaluate(
        "el => getComputedStyle(el, '::after').content")
    _no_sideways_scroll(page)
    _shot(page, tmp_path, f"area-{width}")
    for name in ("forces", "areas"):
        page.goto(f"/{name}")
        _no_sideways_scroll(page)
        _shot(page, tmp_path, f"{name}-{width}")
    assert not page.errors, page.errors
    context.close()


@pytest.fixture()
def upload_server(tmp_path):
    """A server over its own corpus (seed and two 2016 reports) that takes uploads."""
    settings = indexed_corpus(tmp_path, ["peel-2016-northshire.txt", "peel-2016-eastmoor.txt"])
    with ServerProcess(settings.corpus_dir, settings.index_dir, tmp_path / "server.log",
                       env={"SEARCH_SERVICE_ADMIN_TOKEN": TOKEN}) as server:
        yield server.base


@pytest.mark.parametrize("width", WIDTHS)
def test_a_followed_search_shows_an_uploaded_report(browser, upload_server, tmp_path, width):
    context, page = _at(browser, upload_server, width)
    page.goto("/search?q=missing+children")
    follow = page.get_by_role("link", name="Follow this search")
    assert follow.is_visible()
    feed_url = follow.get_attribute("href")
    before = feedparser.parse(page.request.get(feed_url).body())
    assert not before.bozo and before.entries
    new = FIXTURES / "peel-2017-northshire.txt"
    r = page.request.post("/api/reports", headers={"Authorization": f"Bearer {TOKEN}"},
                          multipart={"file": {"name": new.name, "mimeType": "text/plain", "buffer": new.read_bytes()}})
    assert r.status == 201, r.text()
    response = page.request.get(feed_url)
    assert response.headers["content-type"].startswith("application/atom+xml")
    after = feedparser.parse(response.body())
    assert not after.bozo
    seen = {e.id for e in before.entries}
    first = after.entries[0]
    assert first.id not in seen and "/reports/peel-2017-northshire#" in first.link
    # the entry opens the passage in its report
    page.goto(first.link)
    anchor = first.link.split("#", 1)[1]
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    assert "missing" in page.locator(f"[id='{anchor}']").inner_text().lower()
    reports = feedparser.parse(page.request.get("/reports.atom").body())
    assert reports.entries[0].link.endswith("/reports/peel-2017-northshire")
    _shot(page, tmp_path, f"feed-entry-{width}")
    assert not page.errors, page.errors
    context.close()
