"""HTML pages through Flask's test client: what a reader sees and can follow."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from htmlparse import parse, squash

SEED_ID = "peel-effectiveness-2015-west-midlands"
FORCE = "West Midlands Police"


def page(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    assert r.mimetype == "text/html"
    return r.get_data(as_text=True)


def api(client, **params):
    return client.get("/api/search?" + urlencode(params)).get_json()


def query_of(href: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def test_home_page_has_an_autofocused_search_box(client):
    doc = parse(page(client, "/"))
    form = doc.find("form", role="search")
    assert form.attrs["action"] == "/search" and form.attrs["method"] == "get"
    box = form.find("input", name="q")
    assert "autofocus" in box.attrs and box.attrs["type"] == "search"
    assert doc.find("label", **{"for": box.attrs["id"]})  # labelled for screen readers


def test_results_show_highlights_heading_page_and_citation(client):
    text = page(client, "/search?q=organised+crime+groups")
    doc = parse(text)
    hits = doc.find_all("li", cls="hit")
    expected = api(client, q="organised crime groups")["results"]
    assert len(hits) == len(expected) > 0
    for li, hit in zip(hits, expected):
        assert li.find("mark") is not None
        citation = squash(li.find(cls="citation-text").text)
        assert citation == squash(f"{hit['citation']}. Available at: http://localhost{hit['url']}")
        assert f"p. {hit['page']}" in squash(li.find(cls="hit-context").text)
        assert hit["report"]["title"] in li.find(cls="hit-context").text
        # The result is a heading (its section) that opens the passage in context; the
        # enclosing sections above it: the heading path is shown once.
        title = li.find("h2", cls="hit-title")
        assert title.find("a").attrs["href"] == hit["url"]
        assert squash(title.text) == squash(hit["heading_path"][-1] if hit["heading_path"] else hit["report"]["title"])
        path = li.find(cls="heading-path")
        assert [squash(s.text) for s in (path.find_all("span") if path else []) if s.text.strip() != "›"] == \
            [squash(h) for h in hit["heading_path"][:-1]]
        visible = squash(li.text.replace(li.find(cls="citation-text").text, ""))
        for heading in hit["heading_path"]:
            assert visible.count(squash(heading)) >= 1
        assert visible.count(squash(" › ".join(hit["heading_path"]))) <= 1
        assert li.find("button", cls="copy").text.strip() == "Copy citation"
        assert li.find("button", cls="copy").attrs["data-copy"] == li.find(cls="citation-text").attrs["id"]
    ocgs = next(h for h in expected if "68 organised crime groups (OCGs)" in squash(h["text"]))
    assert doc.find("a", cls="context-link", href=ocgs["url"]) is not None


def test_context_link_opens_the_passage_on_the_report_page(client):
    doc = parse(page(client, "/search?q=organised+crime+groups"))
    hrefs = [a.attrs["href"] for a in doc.find_all("a", cls="context-link")]
    assert hrefs
    passages = client.get(f"/api/reports/{SEED_ID}").get_json()["passages"]
    for href in hrefs:
        path, anchor = href.split("#")
        assert path == f"/reports/{SEED_ID}"
        report = parse(page(client, path))
        target = report.find(id=anchor)
        assert target is not None, f"no element with id {anchor}"
        text = next(p["text"] for p in passages if p["id"] == anchor)
        assert squash(text) in squash(target.text)


def test_query_markup_is_escaped(client):
    for q in ("<script>alert(1)</script>", '"<script>alert(1)</script>', "<b>crime</b> <img src=x onerror=alert(1)>"):
        text = client.get("/search?" + urlencode({"q": q})).get_data(as_text=True)
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>crime" not in text
        assert "&lt;script&gt;" in text or "&lt;b&gt;" in text


def test_only_mark_tags_come_from_snippets(client):
    doc = parse(page(client, "/search?q=organised+crime+groups"))
    for snippet in doc.find_all("p", cls="snippet"):
        assert {e.tag for e in snippet.iter()} == {"mark"}


def test_pagination_links_keep_every_parameter(client):
    doc = parse(page(client, f"/search?q=crime&per_page=5&year=2015&force={FORCE.replace(' ', '+')}&page=2"))
    nav = doc.find("nav", cls="pagination")
    assert nav is not None
    links = {a.attrs.get("rel"): query_of(a.attrs["href"]) for a in nav.find_all("a") if a.attrs.get("rel")}
    assert links["next"] == {"q": "crime", "per_page": "5", "year": "2015", "force": FORCE, "page": "3"}
    assert links["prev"] == {"q": "crime", "per_page": "5", "year": "2015", "force": FORCE}
    current = nav.find("a", **{"aria-current": "page"})
    assert current.text == "2"
    page_two = [h["id"] for h in api(client, q="crime", per_page=5, page=2)["results"]]
    shown = [a.attrs["href"].split("#")[1] for a in doc.find_all("a", cls="context-link")]
    assert shown == page_two


def test_facet_links_filter_and_show_counts(client):
    doc = parse(page(client, "/search?q=crime&page=2"))
    facets = api(client, q="crime")["facets"]
    force_link = next(a for a in doc.find(cls="facets").find_all("a") if a.text.strip() == FORCE)
    assert query_of(force_link.attrs["href"]) == {"q": "crime", "force": FORCE}  # back to page 1
    assert str(facets["force"][FORCE]) in force_link.parent.text
    filtered = parse(page(client, force_link.attrs["href"]))
    chip = filtered.find("a", cls="chip")
    assert FORCE in chip.text and query_of(chip.attrs["href"]) == {"q": "crime"}
    kind, count = next(iter(facets["kind"].items()))
    kind_page = page(client, "/search?" + urlencode({"q": "crime", "kind": kind}))
    assert f"of {count}" in squash(parse(kind_page).find(id="results-summary").text)


def test_a_misspelt_query_shows_the_corrected_results_and_offers_the_original(client):
    body = api(client, q="orgnised")
    assert body["suggestion"] == "organised" and body["corrected"]
    doc = parse(page(client, "/search?q=orgnised"))
    notice = doc.find(cls="corrected")
    assert squash(notice.text).startswith("Showing results for organised. Search instead for orgnised")
    shown = notice.find("a", cls="corrected-query")
    assert query_of(shown.attrs["href"]) == {"q": "organised"}
    original = notice.find("a", cls="original-query")
    assert query_of(original.attrs["href"]) == {"q": "orgnised", "autocorrect": "false"}
    assert len(doc.find_all("li", cls="hit")) == len(body["results"]) > 0
    as_typed = parse(page(client, original.attrs["href"]))
    assert as_typed.find(cls="corrected") is None and as_typed.find("li", cls="hit") is None
    link = as_typed.find(cls="suggestion").find("a")  # did you mean, now
    assert query_of(link.attrs["href"]) == {"q": "organised"} and link.text == "organised"


def test_no_results_says_so(client):
    text = page(client, "/search?q=zqxjvbwk")
    assert "No passages match" in text and "zqxjvbwk" in text
    assert 'class="hit"' not in text


def test_reports_page_lists_the_seed(client):
    doc = parse(page(client, "/reports"))
    row = doc.find("tbody").find("tr")
    link = row.find("a")
    assert link.attrs["href"] == f"/reports/{SEED_ID}"
    assert "West Midlands" in link.text
    assert FORCE in row.text and "2015" in row.text and "PEEL effectiveness" in row.text


def test_report_page_has_every_passage_an_outline_and_page_numbers(client):
    doc = parse(page(client, f"/reports/{SEED_ID}"))
    report = client.get(f"/api/reports/{SEED_ID}").get_json()
    assert report["title"] in doc.find("h1").text
    ids = [e.attrs["id"] for e in doc.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids break anchors"
    for p in report["passages"]:
        el = doc.find(id=p["id"])
        assert el is not None and "passage" in el.classes
        assert f"p. {p['page']}" in el.find(cls="passage-page").text
    toc = doc.find("nav", cls="toc")
    toc_links = toc.find_all("a")
    assert len(toc_links) >= 5
    assert toc.find("ol").find("ol") is not None, "the outline should be nested"
    for a in toc_links:
        assert doc.find(id=a.attrs["href"].lstrip("#")) is not None
    headings = {squash(h) for p in report["passages"] if p["kind"] != "footnote" for h in p["heading_path"]}
    toc_titles = {squash(a.text) for a in toc_links}
    assert headings <= toc_titles


def test_report_page_shows_text_not_markup(client):
    text = page(client, f"/reports/{SEED_ID}")
    assert "integrated offender management (iom)" in squash(text).lower()
    assert "<script>" not in text.replace('<script src="/static/app.js" defer></script>', "")


@pytest.mark.parametrize("url", ["/", "/search?q=crime", "/reports", f"/reports/{SEED_ID}",
                                 "/search?q=", "/reports/nope"])
def test_pages_use_only_local_assets_and_no_inline_code(client, url):
    r = client.get(url)
    text = r.get_data(as_text=True)
    doc = parse(text)
    for el in doc.iter():
        for attr in ("src", "href", "action"):
            value = el.attrs.get(attr)
            if value is not None and el.tag != "a":
                assert value.startswith("/"), (el.tag, value)
        assert "style" not in el.attrs
        assert not any(name.startswith("on") for name in el.attrs)
        if el.tag == "script":
            assert el.attrs.get("src", "").startswith("/static/") and not el.text.strip()
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Frame-Options"] == "DENY"


def test_static_assets_are_served_and_self_contained(client):
    for name in ("style.css", "app.js"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200
        body = r.get_data(as_text=True)
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", body), f"{name} loads something remote"
        r.close()
