"""Attacks a public search service meets: markup and script in reports and in
queries, missing security headers, floods and token guessing, debug pages,
path traversal, and timing on the admin token.

The markup report (tests/fixtures/peel-2016-marshfield-markup.txt and its
sidecar) carries <script>, <img onerror>, "><svg onload>, javascript: links
and entities in its title, force, inspection, publisher, headings, body,
footnotes and areas for improvement. Every page that shows it must show it
as text: the parsed page has no element or attribute the templates did not
put there, and the payloads appear in the page's text.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest

from browser_helpers import CHROMIUM, LAUNCH_ARGS, SKIP_REASON
from conftest import deploy, FIXTURES, MARKUP_ID, SEED_CORPUS, SEED_ID
from htmlparse import parse
from search_service import cli, serve
from search_service.config import Settings
from search_service.index import IndexStore
from search_service.indexer import Indexer
from search_service.web import create_app
from search_service.web.app import CSP, SECURITY_HEADERS

TEMPLATES = Path(__file__).resolve().parent.parent / "search_service" / "web" / "templates"
# Every element the templates can produce; anything else in a page came from data.
TEMPLATE_TAGS = set(re.findall(r"<([a-z][a-z0-9]*)", "".join(p.read_text() for p in TEMPLATES.glob("*.html"))))
TEMPLATE_TAGS |= {"h3", "h4", "h5", "h6"}  # report.html builds heading tags as 'h' ~ level
PAYLOADS = {  # text from the fixture, as the reader must see it
    "body": "Harbourside <script>alert('body')</script> community",
    "heading": "How well does the force use problem solving <script>alert('heading')</script>?",
    "question": "keeping people safe <img src=x onerror=alert('question')>?",
    "footnote": "SARA is a problem-solving model \"><svg onload=alert('footnote')> widely used",
    "afi": "Safe Streets <iframe src=\"javascript:alert('afi')\"></iframe> programme",
    "entities": "&lt;b&gt;entities&amp;amp; &#x3C;script&#x3E;",
    "link": "<a href=\"javascript:alert('a')\">leaflet</a>",
    "title": "PEEL: Police effectiveness 2016 <script>alert('title')</script> – Marshfield \"><img src=x "
             "onerror=alert('title2')>",
    "force": "Marshfield <img src=x onerror=alert('force')> Constabulary",
    "inspection": "PEEL effectiveness <svg onload=alert('inspection')>",
    "publisher": "HMIC <b onmouseover=alert('publisher')>",
    "published": "March 2017 javascript:alert('published')",
}
FORCE = PAYLOADS["force"]


def assert_no_injection(text: str) -> None:
    """The page holds only the templates' own elements, no event handlers,
    no inline script and no javascript: URLs."""
    doc = parse(text)
    for el in doc.iter():
        assert el.tag in TEMPLATE_TAGS, f"injected <{el.tag} {el.attrs}>"
        assert not [a for a in el.attrs if a.startswith("on")], f"event handler on <{el.tag} {el.attrs}>"
        assert "style" not in el.attrs
        for attr in ("href", "src", "action", "formaction"):
            value = (el.attrs.get(attr) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (el.tag, el.attrs)
        if el.tag == "script":
            assert el.attrs.get("src", "").startswith("/static/") and not el.text.strip()
    assert text.count("<script") == 1  # the one static app.js


def page_text(text: str) -> str:
    """What a reader sees: the page's text, attribute values aside."""
    return " ".join(parse(text).text.split())


@pytest.fixture()
def markup_client(markup_app):
    return markup_app.test_client()


def get_page(client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    assert r.mimetype == "text/html"
    text = r.get_data(as_text=True)
    assert_no_injection(text)
    return text


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client, path="/admin") -> str:
    return CSRF.search(client.get(path).get_data(as_text=True)).group(1)


# ------------------------------------------------------------------ markup in reports


@pytest.mark.parametrize("url, shown", [
    ("/search?q=Harbourside+community", ["body", "title", "heading"]),
    ("/search?q=problem+solving&per_page=50", ["heading", "title"]),
    ("/search?q=SARA+policing", ["footnote"]),
    ("/search?q=Safe+Streets+programme&kind=area_for_improvement", ["afi"]),
    ("/search?q=leaflet", ["link", "entities"]),
    ("/search?q=crime&group=report", ["title"]),
    (f"/search?q=crime&report={MARKUP_ID}", ["title"]),
    ("/search?" + urlencode({"q": "missing children", "force": FORCE}), ["force"]),
    ("/search?" + urlencode({"q": "missing children", "inspection": PAYLOADS["inspection"]}), ["inspection"]),
    ("/reports", ["title", "force", "inspection", "question"]),
    ("/reports?" + urlencode({"force": FORCE}), ["force"]),
    (f"/reports/{MARKUP_ID}", ["body", "heading", "question", "footnote", "afi", "entities", "link", "title",
                               "force", "inspection", "publisher", "published"]),
    ("/compare", ["force", "inspection", "question"]),
    ("/compare?" + urlencode({"force": FORCE, "area": "preventing-crime-and-anti-social-behaviour"}), ["force"]),
])
def test_pages_show_report_markup_as_text(markup_client, url, shown):
    text = get_page(markup_client, url)
    visible = page_text(text) + " " + " ".join(
        v for el in parse(text).iter() for k, v in el.attrs.items() if k in ("title", "aria-label") and v)
    for key in shown:
        assert " ".join(PAYLOADS[key].split()) in visible, key


def test_answer_card_and_snippets_show_markup_as_text(markup_client):
    text = get_page(markup_client, "/search?" + urlencode({"q": "Which partnership does Marshfield Constabulary "
                                                                 "work with?"}))
    card = parse(text).find("section", cls="answer-card")
    assert card is not None and PAYLOADS["body"] in " ".join(card.text.split())
    assert {e.tag for e in card.find("blockquote").iter()} <= {"p", "mark", "strong"}
    text = get_page(markup_client, "/search?" + urlencode({"q": "What is SARA?"}))
    assert PAYLOADS["footnote"] in page_text(text)
    text = get_page(markup_client, "/search?" + urlencode({"q": "What grade did Marshfield get for preventing crime?"}))
    assert PAYLOADS["question"] in page_text(text)


def test_admin_list_shows_markup_as_text(markup_client):
    r = markup_client.post("/admin/login", data={"token": "test-token", "csrf_token": csrf(markup_client)})
    assert r.status_code == 303
    text = get_page(markup_client, "/admin")
    assert PAYLOADS["title"] in page_text(text)
    delete = parse(text).find("button", **{"aria-label": f"Delete {PAYLOADS['title']}"})
    assert delete is not None  # the label is the title, as an attribute value


def test_api_keeps_report_text_exact(markup_client):
    """The JSON gives the words of the report as written: escaping is the
    page's job, and a client quoting the report must get the exact text."""
    body = markup_client.get(f"/api/reports/{MARKUP_ID}").get_json()
    assert body["title"] == PAYLOADS["title"] and body["force"] == FORCE
    texts = " ".join(p["text"] for p in body["passages"])
    for key in ("body", "footnote", "entities", "link"):
        assert " ".join(PAYLOADS[key].split()) in " ".join(texts.split()), key
    hit = markup_client.get("/api/search?q=Harbourside").get_json()["results"][0]
    assert "&lt;script&gt;" in hit["snippet"] and "<script>" in hit["text"]


# ------------------------------------------------------------------ markup in queries


@pytest.mark.parametrize("params", [
    {"q": '"><script>alert(1)</script>'},
    {"q": "<img src=x onerror=alert(1)> crime"},
    {"q": "<script>alret</script> Harbourside crme"},  # did-you-mean echoes the markup
    {"q": "crime", "force": '"><svg onload=alert(1)>'},  # a filter chip
    {"q": "crime", "kind": "<img src=x onerror=alert(1)>", "inspection": "<script>alert(2)</script>"},
    {"q": "crime", "year": "<b>2015</b>"},  # refused: the error page echoes the query
    {"q": "javascript:alert(1)"},
    {"q": "What is <script>alert(1)</script>?"},  # a question: answer card or none
])
def test_query_markup_is_escaped_on_the_search_page(markup_client, params):
    r = markup_client.get("/search", query_string=params)
    assert r.status_code in (200, 400)
    text = r.get_data(as_text=True)
    assert_no_injection(text)
    doc = parse(text)
    assert doc.find("input", id="q").attrs["value"] == params["q"]
    if "alret" in params["q"]:
        suggestion = doc.find("p", cls="spelling")  # did you mean, or the results shown for the correction
        assert suggestion is not None and "<script>" in suggestion.find("a").text
    chips = " ".join(c.text for c in doc.find_all("a", cls="chip"))
    for name in ("force", "kind", "inspection"):
        if name in params:  # the chip shows the value as typed, as text
            assert params[name] in chips, (params[name], chips)


# ------------------------------------------------------------------ in a real browser

@pytest.fixture(scope="module")
def markup_server(markup_settings, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    from bench.server import ServerProcess

    log = tmp_path_factory.mktemp("markup-server") / "server.log"
    with ServerProcess(markup_settings.corpus_dir, markup_settings.index_dir, log,
                       env={"SEARCH_SERVICE_ADMIN_TOKEN": "test-token"}) as server:
        yield server.base


def test_no_script_runs_in_a_real_browser(markup_server):
    from playwright.sync_api import sync_playwright

    urls = ["/search?q=Harbourside+community", "/search?q=SARA+policing", "/search?q=leaflet",
            "/search?" + urlencode({"q": "Which partnership does Marshfield Constabulary work with?"}),
            "/search?" + urlencode({"q": "What grade did Marshfield get for preventing crime?"}),
            "/search?" + urlencode({"q": "<script>alret(1)</script> Harbourside crme", "force": FORCE}),
            "/search?" + urlencode({"q": '"><img src=x onerror=alert(1)>', "kind": "<svg onload=alert(2)>"}),
            "/reports", f"/reports/{MARKUP_ID}", "/compare", "/compare?" + urlencode({"force": FORCE})]
    dialogs, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(base_url=markup_server)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))

            def check(url):
                page.wait_for_load_state("load")
                injected = page.evaluate("""() => {
                    const bad = [...document.querySelectorAll('img, svg, iframe, object, embed, b, script:not([src])')]
                      .map(e => e.outerHTML);
                    for (const el of document.querySelectorAll('*'))
                        for (const a of el.attributes)
                            if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
                    return bad;
                }""")
                assert injected == [], (url, injected)

            for url in urls:
                page.goto(url)
                check(url)
            # what a user types goes through the same page
            page.goto("/")
            page.fill("#q", "<img src=x onerror=alert('typed')> Harbourside")
            page.keyboard.press("Enter")
            page.wait_for_url("**/search?q=**")
            check("typed query")
            # the admin list, after logging in
            page.goto("/admin")
            page.fill("#token", "test-token")
            page.click("form.admin-form button[type=submit]")
            page.wait_for_selector("table.reports-table")
            check("/admin")
            page.wait_for_timeout(300)  # give any deferred handler a chance to fire
        finally:
            browser.close()
    assert dialogs == [] and errors == [], (dialogs, errors)


# ------------------------------------------------------------------ headers


def _error_app(settings, store):
    app = create_app(settings, store=store)

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail /srv/search_service/index.py line 42")

    app.view_functions["api.health"] = boom
    app.view_functions["pages.glossary"] = boom
    return app


@pytest.fixture(scope="module")
def error_client(seed_settings, store):
    return _error_app(seed_settings, store).test_client()


@pytest.mark.parametrize("url, method, status, mimetype", [
    ("/", "get", 200, "text/html"),
    ("/search?q=crime", "get", 200, "text/html"),
    ("/api/search?q=crime", "get", 200, "application/json"),
    ("/api/compare.csv", "get", 200, "text/csv"),
    ("/static/style.css", "get", 200, "text/css"),
    ("/static/app.js", "get", 200, "javascript"),
    ("/static/favicon.svg", "get", 200, "image/svg+xml"),
    ("/nothing-here", "get", 404, "text/html"),
    ("/api/nothing-here", "get", 404, "application/json"),
    ("/api/search?q=", "get", 400, "application/json"),
    ("/search?q=AND", "get", 400, "text/html"),
    ("/api/search", "post", 405, "application/json"),
    ("/api/reports", "post", 401, "application/json"),
    ("/api/health", "get", 500, "application/json"),
    ("/glossary", "get", 500, "text/html"),
])
def test_every_response_type_carries_the_security_headers(error_client, url, method, status, mimetype):
    r = getattr(error_client, method)(url)
    assert r.status_code == status and r.mimetype.endswith(mimetype), (r.status_code, r.mimetype)
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, name
    r.close()


def test_csp_forbids_inline_script_and_framing():
    policy = {d.split()[0]: d.split()[1:] for d in CSP.split("; ")}
    for directive in ("default-src", "script-src"):
        assert policy[directive] == ["'self'"], directive  # no 'unsafe-inline', no 'unsafe-eval', no hosts
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'self'"]


# ------------------------------------------------------------------ rate limits


def _limited_app(seed_settings, store, limit="5 per second"):
    """A new app, so a new limiter with empty counters."""
    return deploy(Settings(seed_settings.corpus_dir, seed_settings.index_dir, admin_token="test-token",
                           secret_key="limits", rate_limit=limit)).app


def test_rate_limit_is_a_429_in_the_error_shape_per_client(seed_settings, store):
    client = _limited_app(seed_settings, store).test_client()
    a, b = {"REMOTE_ADDR": "192.0.2.1"}, {"REMOTE_ADDR": "192.0.2.2"}
    statuses = []
    for _ in range(20):
        r = client.get("/api/search?q=crime", environ_base=a)
        statuses.append(r.status_code)
        if r.status_code == 429:
            break
    assert statuses[-1] == 429, statuses
    assert 5 <= statuses.count(200) <= 10  # 5 per second: at most one window boundary crossed
    assert r.get_json() == {"error": {"code": "rate_limited", "message": r.get_json()["error"]["message"]}}
    assert r.get_json()["error"]["message"]
    assert int(r.headers["Retry-After"]) >= 0
    assert client.get("/api/reports", environ_base=a).status_code == 429  # the whole API, not one route
    for name, value in SECURITY_HEADERS.items():
        assert r.headers[name] == value
    # another client is not affected, and the health check is never limited
    assert client.get("/api/search?q=crime", environ_base=b).status_code == 200
    assert [client.get("/api/health", environ_base=a).status_code for _ in range(15)] == [200] * 15


def test_admin_log_in_is_limited_to_stop_token_guessing(seed_settings, store):
    for limit in ("5 per second", None):  # also with the API limit turned off (load tests)
        client = _limited_app(seed_settings, store, limit).test_client()
        me = {"REMOTE_ADDR": "198.51.100.7"}
        token = csrf(client)
        guesses = [client.post("/admin/login", data={"token": f"guess-{n}", "csrf_token": token},
                               environ_base=me) for n in range(5)]
        assert all(r.status_code == 303 for r in guesses)  # refused (post/redirect/get), not limited yet
        r = client.post("/admin/login", data={"token": "test-token", "csrf_token": token}, environ_base=me)
        assert r.status_code == 429, (limit, r.status_code)  # even the right token, once over the limit
        assert r.mimetype == "text/html" and "Retry-After" in r.headers
        assert "test-token" not in r.get_data(as_text=True)
        other = client.application.test_client()
        r = other.post("/admin/login", data={"token": "test-token", "csrf_token": csrf(other)},
                       environ_base={"REMOTE_ADDR": "198.51.100.8"})
        assert r.status_code == 303  # someone else can still log in


# ------------------------------------------------------------------ no debug, no traceback


def test_internal_errors_are_generic_with_no_traceback(error_client):
    for url, mimetype in (("/api/health", "application/json"), ("/glossary", "text/html")):
        r = error_client.get(url)
        assert r.status_code == 500 and r.mimetype == mimetype
        text = r.get_data(as_text=True)
        for leak in ("Traceback", "RuntimeError", "secret internal detail", "index.py", 'File "', "werkzeug"):
            assert leak not in text, leak
        if mimetype == "application/json":
            assert r.get_json() == {"error": {"code": "internal_error", "message": r.get_json()["error"]["message"]}}
        else:
            assert "Something went wrong" in text


def test_serve_runs_without_debug_even_if_flask_debug_is_set(seed_settings, store, monkeypatch):
    """`search-service serve` hands gunicorn an app that is not in debug mode,
    whatever FLASK_DEBUG says, and an error in it is still the generic 500."""
    captured = {}
    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setattr(serve._Server, "run", lambda self: captured.setdefault("app", self.application.app))
    status = cli.main(["--corpus", str(seed_settings.corpus_dir), "--index", str(seed_settings.index_dir),
                       "serve", "--port", "1"])
    assert status == 0
    app = captured["app"]
    assert app.debug is False and app.testing is False
    app.view_functions["api.health"] = lambda: 1 / 0
    r = app.test_client().get("/api/health")
    assert r.status_code == 500 and "ZeroDivisionError" not in r.get_data(as_text=True)


# ------------------------------------------------------------------ traversal


@pytest.fixture(scope="module")
def fenced_template(tmp_path_factory):
    """A corpus with a secret file beside it (outside corpus/), indexed once."""
    root = tmp_path_factory.mktemp("fenced")
    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    (root / "secret.txt").write_text(" Overview\n\nZanzibarsecret words that must never be served.\n")
    (root / "secret.meta.json").write_text('{"title": "Secret"}')
    Indexer(IndexStore(root / "index", corpus)).sync()
    return root


@pytest.fixture()
def fenced(fenced_template, tmp_path):
    """A fresh copy of the fenced corpus and its index for each test."""
    root = tmp_path / "fenced"
    shutil.copytree(fenced_template, root)
    d = deploy(Settings(root / "corpus", root / "index", admin_token="test-token", secret_key="fenced"))
    return d.settings, d.store, d.client(), root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "index" not in p.relative_to(root).parts}


TRAVERSAL_IDS = ["..%2Fsecret", "..%2F..%2Fsecret", "%2e%2e%2fsecret", "..%252Fsecret", "..", "%2e%2e",
                 "secret%00", "%00", SEED_ID + "%00", SEED_ID + "%00.txt", "%2Fetc%2Fpasswd",
                 "..%5Csecret", "a" * 300, "a" * 10_000, "%C0%AE%C0%AE%2Fsecret"]


@pytest.mark.parametrize("rid", TRAVERSAL_IDS, ids=lambda s: s[:30])
def test_report_ids_with_traversal_are_4xx_and_touch_nothing_outside(fenced, rid):
    settings, _, client, root = fenced
    before = _files(root)
    auth = {"Authorization": "Bearer test-token"}
    for method, url, headers in (("get", f"/api/reports/{rid}", {}), ("get", f"/reports/{rid}", {}),
                                 ("delete", f"/api/reports/{rid}", auth),
                                 ("get", f"/api/search?q=words&report={rid}", {}),
                                 ("get", f"/search?q=words&report={rid}", {})):
        r = getattr(client, method)(url, headers=headers)
        assert 400 <= r.status_code < 500, (method, url, r.status_code)
        assert "Zanzibarsecret" not in r.get_data(as_text=True)
    assert _files(root) == before
    assert client.get("/api/search?q=Zanzibarsecret").get_json()["total"] == 0


@pytest.mark.parametrize("name", ["../secret.txt", "../../x/../secret.txt", "/etc/passwd.txt", "..\\secret.txt",
                                  "C:\\Windows\\secret.txt", "%2e%2e%2fsecret.txt", "report\x00.txt",
                                  "report.txt\x00.pdf", "a" * 5000 + ".txt", ".secret.txt", "....txt",
                                  "report.meta.json", "\u202etxt.exe", "index/CURRENT.txt", "CURRENT",
                                  ".staging/x.txt"], ids=lambda s: s[:30])
def test_upload_file_names_never_write_outside_corpus(fenced, name):
    settings, store, client, root = fenced
    secret_before = (root / "secret.txt").read_bytes()
    data = (FIXTURES / "peel-2016-northshire.txt").read_bytes()
    r = client.post("/api/reports", data={"file": (io.BytesIO(data), name), "replace": "true"},
                    headers={"Authorization": "Bearer test-token"}, content_type="multipart/form-data")
    # 422: the name ends up .pdf ("report.txt\x00.pdf") and the bytes are text, not a PDF
    assert r.status_code in (201, 400, 415, 422), (name, r.status_code, r.get_json())
    if r.status_code == 422:
        assert "not a PDF" in r.get_json()["error"]["message"]
    outside = [p for p in root.rglob("*") if p.is_file()
               and settings.corpus_dir not in p.parents and settings.index_dir not in p.parents]
    assert sorted(p.name for p in outside) == ["secret.meta.json", "secret.txt"]
    assert (root / "secret.txt").read_bytes() == secret_before
    top = [p for p in settings.corpus_dir.iterdir()]
    assert all(p.is_file() for p in top), top  # no folders (staging is cleared)
    if r.status_code == 201:
        source = r.get_json()["report"]["source"]
        assert (settings.corpus_dir / source).read_bytes() == data
        assert "/" not in source and "\\" not in source and "\x00" not in source and not source.startswith(".")
        assert len(source) <= 150
    assert not Indexer(store).sync().changed  # corpus and index agree


def test_cli_remove_with_traversal_is_refused(fenced):
    settings, _, _, root = fenced
    before = _files(root)
    for rid in ("../secret", "/etc/passwd", "secret"):
        r = subprocess.run([sys.executable, "-m", "search_service", "--corpus", str(settings.corpus_dir),
                            "--index", str(settings.index_dir), "remove", rid], capture_output=True, text=True)
        assert r.returncode == 2 and "No report with id" in r.stderr
    assert _files(root) == before


# ------------------------------------------------------------------ the admin token


@pytest.fixture(scope="module")
def token_client(tmp_path_factory):
    """Its own corpus: a token check that let a wrong token through would
    delete a report, and must not take one from the session's seed."""
    root = tmp_path_factory.mktemp("token")
    shutil.copytree(SEED_CORPUS, root / "corpus")
    return deploy(Settings(root / "corpus", root / "index", admin_token="Tok-3n_x", secret_key="t")).client()


WRONG_TOKENS = ["", " ", "T", "Tok-3n_", "Tok-3n_y", "tok-3n_x", "Tok-3n_xx", "Tok-3n_x ", "xTok-3n_x",
                "Tok-3n_x\t", "*", "Tok-3n_" + "x" * 200, "é", "Tök-3n_x", "Tok-3n_x\u200b", "🔑" * 8,
                "Tok-3n_x".encode().decode("latin-1") + "\xff", "null", "undefined", "Tok-3n_x,Tok-3n_x"]
WRONG_TOKENS += ["Tok-3n_x"[:n] for n in range(8)] + ["A" * n for n in (1, 7, 8, 9, 16, 64, 1000)]


def refused(client, r, environ) -> bool:
    """A refused log-in: redirected back to the admin page (post/redirect/get),
    which says why and still asks for the token."""
    page = client.get("/admin", environ_base=environ).get_data(as_text=True)
    return r.status_code == 303 and "not the admin token" in page and 'type="password"' in page


@pytest.mark.parametrize("n, token", list(enumerate(WRONG_TOKENS)), ids=repr)
def test_every_wrong_token_is_refused(token_client, n, token):
    """Wrong tokens of every length, near misses, non-ASCII ones and the
    empty one are all refused, on the API and on the admin log-in."""
    raw = f"Bearer {token}".encode("utf-8").decode("latin-1")  # as a client would send the bytes
    me = {"REMOTE_ADDR": f"203.0.113.{n}"}  # one guess per address: under the limit on failed tokens
    if token.strip() != "Tok-3n_x":  # HTTP drops whitespace around a header value; a form field keeps it
        r = token_client.delete(f"/api/reports/{SEED_ID}", headers={"Authorization": raw}, environ_base=me)
        assert r.status_code == 401 and r.get_json()["error"]["code"] == "unauthorized"
        assert token_client.get(f"/api/reports/{SEED_ID}").status_code == 200
    client = token_client.application.test_client()
    me = {"REMOTE_ADDR": f"198.18.0.{n}"}
    r = client.post("/admin/login", data={"token": token, "csrf_token": csrf(client)}, environ_base=me)
    assert refused(client, r, me)


def test_the_right_token_passes(token_client):
    r = token_client.delete("/api/reports/no-such-report", headers={"Authorization": "Bearer Tok-3n_x"})
    assert r.status_code == 404  # past the token check; nothing to delete
    r = token_client.delete("/api/reports/no-such-report", headers={"Authorization": "bearer   Tok-3n_x  "})
    assert r.status_code == 404
