"""Real-browser fixtures shared by the browser and accessibility tests:
`search-service serve` (gunicorn) over a session index and Debian's
chromium driven by Playwright, at desktop and phone widths."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.server import ServerProcess

CHROMIUM = Path(os.environ.get("SEARCH_SERVICE_TEST_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
SKIP_REASON = "browser tests need /usr/bin/chromium (apt-get install chromium)"
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=SKIP_REASON)
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def serve(settings, tmp_path_factory, env=None):
    """Run `search-service serve` over ``settings`` on a free port; yield its base URL."""
    log = tmp_path_factory.mktemp("browser-server") / "server.log"
    with ServerProcess(settings.corpus_dir, settings.index_dir, log, env=env) as server:
        yield server.base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


def new_page(browser, base, width="desktop", **options):
    """A page at one of WIDTHS that records console errors and page errors
    (CSP violations included) in ``page.errors``."""
    w, h = WIDTHS[width]
    context = browser.new_context(base_url=base, viewport={"width": w, "height": h}, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return context, page
