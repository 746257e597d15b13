"""Bad input gets a 4xx with a helpful message, on the API and the HTML page alike.

Never a 500, never a traceback: a user mistyping a query (or a scanner probing
paths) must see what went wrong, and the API must keep its error shape.
"""
from __future__ import annotations

import io
from urllib.parse import quote, urlencode

import pytest
from htmlparse import parse

from tests.http_helpers import assert_json_error

SEED_ID = "peel-effectiveness-2015-west-midlands"

BAD_QUERIES = {
    "empty": "q=",
    "blank": "q=%20%20",
    "too long": "q=" + "crime+" * 200,
    "lone AND": "q=AND",
    "lone OR": "q=OR",
    "lone NOT": "q=NOT",
    "lone star": "q=*",
    "only stop words": "q=" + quote("the of and"),
    "field with a bad year": "q=year:abc",
    "page 0": "q=crime&page=0",
    "page -1": "q=crime&page=-1",
    "page abc": "q=crime&page=abc",
    "page 1.5": "q=crime&page=1.5",
    "page huge": "q=crime&page=" + "9" * 40,
    "per_page 0": "q=crime&per_page=0",
    "per_page 1000": "q=crime&per_page=1000",
    "per_page abc": "q=crime&per_page=abc",
    "year not a year": "q=crime&year=20x5",
    "report id malformed": "q=crime&report=" + quote("../etc"),
    "invalid utf-8": "q=%ff%fe",
    "invalid utf-8 in a filter": "q=crime&force=%c3%28",
    "unknown sort": "q=crime&sort=random",
    "year_from not a year": "q=crime&year_from=15",
    "year_to not a year": "q=crime&year_to=2O16",
    "year range backwards": "q=crime&year_from=2017&year_to=2015",
    "autocorrect not a yes or no": "q=crime&autocorrect=maybe",
    "unknown format": "q=crime&format=xml",
}
EMPTY = {"empty": "q=", "blank": "q=%20%20"}  # the API refuses them; the page asks for words instead

# Slips the search core repairs rather than refuses (see search._balance and
# search._neutralise_unknown_fields): the reader still gets results for the words.
REPAIRED = {
    "unbalanced quotes": ('"organised crime', "organised crime"),
    "unbalanced brackets": ("(organised OR crime", "crime"),
    "closing bracket": ("organised) crime", "crime"),
    "unknown field": ("foo:crime", "crime"),
}

ODD_BUT_HARMLESS = [  # may be accepted or refused, but never crash
    "q=%00", "q=" + quote("(((("), "q=" + quote('"'), "q=:", "q=" + quote("title:"),
    "q=" + quote("*:*"), "q=crime~", "q=" + quote("crime^2"), "q=" + quote("[a TO b]"),
    "q=" + quote("NOT NOT crime"), "q=" + quote("🚓 crime"), "q=" + quote("crime\u202e"),
    "q=" + quote("c?ime"), "q=" + quote("\\"), "q=" + quote("heading:(missing"),
    "q=crime&page=1&page=abc", "q=crime&force=", "q=" + quote("x" * 1000),
]


def assert_html_error(r, status=400):
    assert r.status_code == status, (r.status_code, r.data[:300])
    assert r.mimetype == "text/html"
    text = r.get_data(as_text=True)
    assert "Traceback" not in text and 'File "' not in text
    return text


@pytest.mark.parametrize("query", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_api_refuses_bad_search_with_error_shape(client, query):
    assert_json_error(client.get("/api/search?" + query))


@pytest.mark.parametrize("query", [q for k, q in BAD_QUERIES.items() if k not in EMPTY and k != "unknown format"],
                         ids=[k for k in BAD_QUERIES if k not in EMPTY and k != "unknown format"])
def test_html_search_shows_the_same_message_with_400(client, query):
    api_message = assert_json_error(client.get("/api/search?" + query))["message"]
    doc = parse(assert_html_error(client.get("/search?" + query)))
    assert doc.find(cls="error-message").text.strip() == api_message
    assert doc.find("form", role="search") is not None  # the user can correct the query in place


@pytest.mark.parametrize("query", EMPTY.values(), ids=EMPTY.keys())
def test_an_empty_search_box_shows_the_search_page_with_a_hint(client, query):
    r = client.get("/search?" + query)
    assert r.status_code == 200 and r.mimetype == "text/html"
    doc = parse(r.get_data(as_text=True))
    assert "Type a word or two" in doc.find(cls="empty-query").text
    assert doc.find("form", role="search").find("input", name="q") is not None
    assert doc.find(cls="error-message") is None and "unbalanced" not in r.get_data(as_text=True)


def test_an_overlong_query_says_what_the_limit_is(client):
    doc = parse(assert_html_error(client.get("/search?" + BAD_QUERIES["too long"])))
    message = doc.find(cls="error-message").text
    assert "the limit is 1,000" in message and "1,199 characters" in message and "unbalanced" not in message


@pytest.mark.parametrize("query,words", REPAIRED.values(), ids=REPAIRED.keys())
def test_repairable_slips_still_find_the_words(client, query, words):
    r = client.get("/api/search?" + urlencode({"q": query}))
    assert r.status_code == 200
    hits = r.get_json()["results"]
    assert hits and all(words in " ".join(h["text"].lower().split()) for h in hits[:3])
    doc = parse(client.get("/search?" + urlencode({"q": query})).get_data(as_text=True))
    assert doc.find("form", role="search").find("input", name="q").attrs["value"] == query
    assert len(doc.find_all("li", cls="hit")) == len(hits)


@pytest.mark.parametrize("query", ODD_BUT_HARMLESS)
def test_odd_queries_never_crash(client, query):
    for path in ("/api/search?", "/search?"):
        r = client.get(path + query)
        assert r.status_code in (200, 400), (path + query, r.status_code)
        assert "Traceback" not in r.get_data(as_text=True)
        if path.startswith("/api") and r.status_code == 400:
            assert_json_error(r)


def test_bad_page_message_names_the_parameter(client):
    error = assert_json_error(client.get("/api/search?q=crime&page=abc"))
    assert error["code"] == "bad_parameter" and "page" in error["message"]
    error = assert_json_error(client.get("/api/search?q=crime&per_page=1000"))
    assert error["code"] == "bad_parameter" and "per_page" in error["message"]


def test_invalid_utf8_is_refused_not_replaced(client):
    error = assert_json_error(client.get("/api/search?q=%ff%fe"))
    assert error["code"] == "bad_encoding"


def test_page_out_of_range_is_an_empty_page(client):
    r = client.get("/api/search?q=crime&page=9999")
    assert r.status_code == 200 and r.get_json()["results"] == []
    r = client.get("/search?q=crime&page=9999")
    assert r.status_code == 200 and "No results on page 9999" in r.get_data(as_text=True)


@pytest.mark.parametrize("path", [
    "/api/reports/no-such-report",
    "/api/reports/" + SEED_ID.upper(),
    "/api/reports/-" + SEED_ID,
    "/api/reports/" + SEED_ID + "%20",
    "/api/reports/..%2f..%2fetc%2fpasswd",
    "/api/reports/..",
    "/api/reports/%2e%2e",
    "/api/reports/%ff",
    "/api/reports/" + "a" * 5000,
    "/api/reports/" + SEED_ID + "/extra",
    "/api/nothing-here",
    "/api/",
])
def test_api_unknown_paths_are_json_404s(client, path):
    error = assert_json_error(client.get(path), status=404)
    assert error["code"] == "not_found"


@pytest.mark.parametrize("path", [
    "/reports/no-such-report",
    "/reports/" + SEED_ID.upper(),
    "/reports/..%2f..%2fetc%2fpasswd",
    "/reports/%ff",
    "/static/..%2f__init__.py",
    "/nothing-here",
])
def test_html_unknown_paths_are_friendly_404s(client, path):
    text = assert_html_error(client.get(path), status=404)
    assert "not found" in text.lower()


def test_wrong_method_is_a_405_in_the_error_shape(client):
    r = client.post("/api/search?q=crime")
    error = assert_json_error(r, status=405)
    assert error["code"] == "method_not_allowed"
    assert "GET" in r.headers["Allow"]
    assert client.delete(f"/reports/{SEED_ID}").status_code == 405


def test_oversized_upload_is_refused_with_413_before_anything_is_written(client, seed_settings):
    before = sorted(p.name for p in seed_settings.corpus_dir.iterdir())
    body = b"x" * (50 * 1024 * 1024 + 1)
    r = client.post("/api/reports", data={"file": (io.BytesIO(body), "big.txt")},
                    headers={"Authorization": "Bearer test-token"})
    error = assert_json_error(r, status=413)
    assert error["code"] == "too_large"
    assert sorted(p.name for p in seed_settings.corpus_dir.iterdir()) == before


def test_search_without_q_goes_to_the_search_page(client):
    r = client.get("/search")
    assert r.status_code == 302 and r.headers["Location"].endswith("/")


def test_errors_do_not_leak_internals(client):
    for url in ("/api/search?q=%22", "/api/search?q=foo:bar", "/api/reports/x"):
        text = client.get(url).get_data(as_text=True)
        assert "search_service" not in text and ".py" not in text and "whoosh" not in text.lower()
