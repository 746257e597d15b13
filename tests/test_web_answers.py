"""Answers, acronym expansions and the glossary on the web: /api/ask,
/api/glossary, the answer card on /search and the /glossary page."""
from __future__ import annotations

from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest
from htmlparse import parse, squash

from tests.http_helpers import get_json

SEED_ID = "peel-effectiveness-2015-west-midlands"
OCG_QUESTION = "How many organised crime groups was the force managing?"
GRADE_QUESTION = "What grade did the force get for protecting vulnerable people?"
UNANSWERABLE = "How many police horses does Kent Police keep?"
ANSWER_FIELDS = {"text", "passage_id", "citation", "url", "confidence", "start", "end", "kind", "items", "note"}
HIT_FIELDS = {"id", "rank", "score", "text", "snippet", "matches", "heading", "heading_path",
              "page", "pdf_page", "kind", "citation", "url", "report"}


def ask(client, q, **params):
    return get_json(client, "/api/ask?" + urlencode({"q": q, **params}))


def page(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    assert r.mimetype == "text/html"
    return r.get_data(as_text=True)


def search_page(client, q, **params):
    return page(client, "/search?" + urlencode({"q": q, **params}))


@pytest.fixture(scope="module")
def passages(app):
    with app.test_client() as client:
        return {p["id"]: p for p in client.get(f"/api/reports/{SEED_ID}").get_json()["passages"]}


# --- /api/ask --------------------------------------------------------------

def test_ask_answers_how_many_ocgs_with_a_citation_and_permalink(client, passages):
    body = ask(client, OCG_QUESTION)
    assert set(body) >= {"question", "answer", "results", "expansions"}
    assert body["question"] == OCG_QUESTION
    answer = body["answer"]
    assert answer is not None and set(answer) == ANSWER_FIELDS
    assert "68" in answer["text"]
    assert "p. " in answer["citation"]
    assert 0 < answer["confidence"] <= 1
    path, anchor = answer["url"].split("#")
    assert path == f"/reports/{SEED_ID}" and anchor == answer["passage_id"]
    # The offsets locate the answer inside its passage.
    text = passages[anchor]["text"]
    assert 0 <= answer["start"] < answer["end"] <= len(text)
    assert squash(text[answer["start"]:answer["end"]]) == squash(answer["text"])
    # The permalink opens a real anchor on the report page, holding that passage.
    target = parse(page(client, path)).find(id=anchor)
    assert target is not None and "passage" in target.classes
    assert squash(answer["text"]) in squash(target.text)


def test_ask_results_lead_with_the_answer_passage(client):
    """The passages shown with an answer start with the one that gives it;
    the rest are the question's best passages (by words and by meaning)."""
    body = ask(client, OCG_QUESTION)
    assert body["results"] and all(HIT_FIELDS <= h.keys() for h in body["results"])
    assert [h["rank"] for h in body["results"]] == list(range(1, len(body["results"]) + 1))
    assert body["results"][0]["id"] == body["answer"]["passage_id"]
    assert len({h["id"] for h in body["results"]}) == len(body["results"])
    searched = get_json(client, "/api/search?" + urlencode({"q": OCG_QUESTION}))
    assert body["expansions"] == searched["expansions"]
    # the passage keyword search ranks first is still among them
    assert searched["results"][0]["id"] in {h["id"] for h in body["results"]}


def test_ask_per_page_limits_the_passages(client):
    body = ask(client, OCG_QUESTION, per_page=3)
    assert len(body["results"]) == 3 and "68" in body["answer"]["text"]


def test_ask_answers_a_grade_question_from_the_judgments(client):
    answer = ask(client, GRADE_QUESTION)["answer"]
    assert answer is not None and "Requires improvement" in answer["text"]
    assert "p. " in answer["citation"]
    assert answer["url"] == f"/reports/{SEED_ID}#{answer['passage_id']}"


def test_ask_declines_an_unanswerable_question_but_returns_passages(client):
    body = ask(client, UNANSWERABLE)
    assert body["answer"] is None
    assert isinstance(body["results"], list)
    assert all(HIT_FIELDS <= h.keys() for h in body["results"])


BAD_ASKS = {
    "empty": ("q=", "empty_query"),
    "blank": ("q=%20%20", "empty_query"),
    "missing": ("", "empty_query"),
    "too long": ("q=" + quote("how many crimes " * 80), "query_too_long"),
    "invalid utf-8": ("q=%ff%fe", "bad_encoding"),
    "only operators": ("q=AND", "no_search_terms"),
    "per_page 0": ("q=crime&per_page=0", "bad_parameter"),
    "per_page abc": ("q=crime&per_page=abc", "bad_parameter"),
}


@pytest.mark.parametrize("query,code", BAD_ASKS.values(), ids=BAD_ASKS.keys())
def test_ask_refuses_bad_input_with_the_error_shape(client, query, code):
    r = client.get("/api/ask?" + query)
    assert r.status_code == 400, (query, r.status_code, r.data[:300])
    assert r.mimetype == "application/json"
    body = r.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


def test_ask_and_search_refuse_the_same_query_the_same_way(client):
    for query in ("q=", "q=%ff%fe", "q=" + quote("x " * 600)):
        asked = get_json(client, "/api/ask?" + query, status=400)
        searched = get_json(client, "/api/search?" + query, status=400)
        assert asked == searched


# --- expansions ------------------------------------------------------------

def test_search_reports_acronym_expansions_both_ways(client):
    iom = get_json(client, "/api/search?q=IOM")["expansions"]
    assert {"term": "IOM", "acronym": "IOM", "expansion": "integrated offender management",
            "direction": "acronym"} in iom
    long_form = get_json(client, "/api/search?" + urlencode({"q": "integrated offender management"}))["expansions"]
    assert any(e["acronym"] == "IOM" and e["direction"] == "long_form" for e in long_form)


@pytest.mark.parametrize("q", ["IOM", "integrated offender management"])
def test_results_page_shows_the_expansion(client, q):
    doc = parse(search_page(client, q))
    expansions = doc.find(cls="expansions")
    assert expansions is not None
    assert "IOM = integrated offender management" in squash(expansions.text)
    link = expansions.find("a", href="/search?q=IOM")
    assert link is not None and link.text == "IOM"
    assert expansions.find("a", href="/glossary") is not None


def test_no_expansions_line_without_acronyms(client):
    assert parse(search_page(client, "missing children")).find(cls="expansions") is None


# --- the answer card on /search ---------------------------------------------

def test_question_shows_an_answer_card_with_the_sentence_marked(client):
    doc = parse(search_page(client, OCG_QUESTION))
    card = doc.find("section", cls="answer-card")
    assert card is not None
    answer = ask(client, OCG_QUESTION)["answer"]
    marked = card.find("blockquote").find("mark")
    assert marked is not None and squash(marked.text) == squash(answer["text"])
    assert "68" in marked.text
    assert squash(card.find(cls="citation-text").text) == squash(answer["citation"])
    assert card.find("button", cls="copy").attrs["data-copy"] == card.find(cls="citation-text").attrs["id"]
    context = next(a for a in card.find_all("a") if a.text.strip() == "Read in context")
    assert context.attrs["href"] == answer["url"]
    # The passages are still listed below the card, as for a search.
    assert len(doc.find_all("li", cls="hit")) == len(ask(client, OCG_QUESTION)["results"])
    assert doc.find(cls="no-answer") is None


def test_grade_answer_card_shows_the_grade_without_offsets(client):
    doc = parse(search_page(client, GRADE_QUESTION))
    card = doc.find("section", cls="answer-card")
    assert card is not None and "Requires improvement" in card.find("blockquote").text
    assert card.find("blockquote").find("mark") is None  # start == end: nothing to highlight


def test_unanswerable_question_says_why_above_the_passages(client):
    text = search_page(client, UNANSWERABLE)
    doc = parse(text)
    assert doc.find("section", cls="answer-card") is None
    message = doc.find(cls="no-answer")
    assert message is not None
    # Kent Police has no report in the index: the page says so, as the API does
    assert message.text.strip() == "No indexed report covers Kent Police."
    assert ask(client, UNANSWERABLE)["declined_reason"] == message.text.strip()
    if doc.find_all("li", cls="hit"):
        assert text.index("No indexed report covers") < text.index('class="hit"')


def test_question_nothing_answers_says_the_passages_are_the_closest(client):
    text = search_page(client, "How many police horses does the force keep?")
    doc = parse(text)
    assert doc.find("section", cls="answer-card") is None
    message = doc.find(cls="no-answer").text.strip()
    assert message.startswith("No passage of the reports answers this") and "closest passages" in message
    assert text.index("No passage of the reports") < text.index('class="hit"')


@pytest.mark.parametrize("q", ["organised crime groups", "IOM", "missing children"])
def test_keyword_query_has_no_answer_card(client, q):
    doc = parse(search_page(client, q))
    assert doc.find("section", cls="answer-card") is None
    assert doc.find(cls="no-answer") is None
    assert doc.find_all("li", cls="hit")


def test_filtered_or_later_pages_of_a_question_list_passages_without_a_card(client):
    for params in ({"force": "West Midlands Police"}, {"page": "2"}):
        doc = parse(search_page(client, OCG_QUESTION, **params))
        assert doc.find("section", cls="answer-card") is None and doc.find(cls="no-answer") is None
        assert doc.find_all("li", cls="hit")


def test_bad_question_on_the_page_is_a_400_with_the_api_message(client):
    query = "q=" + quote("why " * 300)
    message = get_json(client, "/api/ask?" + query, status=400)["error"]["message"]
    doc = parse(page(client, "/search?" + query, status=400))
    assert doc.find(cls="error-message").text.strip() == message


def test_answer_card_escapes_the_question(client):
    q = "What is <script>alert(1)</script> IOM?"
    text = client.get("/search?" + urlencode({"q": q})).get_data(as_text=True)
    assert "<script>alert" not in text and "&lt;script&gt;" in text


# --- glossary ----------------------------------------------------------------

def test_api_glossary_contract(client, store):
    body = get_json(client, "/api/glossary")
    assert set(body) == {"glossary"}
    entries = body["glossary"]
    assert entries and all(set(e) == {"acronym", "expansion"} for e in entries)
    assert all(isinstance(e["acronym"], str) and isinstance(e["expansion"], str) for e in entries)
    as_dict = {e["acronym"]: e["expansion"] for e in entries}
    assert len(as_dict) == len(entries) and as_dict == store.glossary()
    assert [e["acronym"].lower() for e in entries] == sorted(e["acronym"].lower() for e in entries)
    assert as_dict["IOM"].lower() == "integrated offender management"
    assert as_dict["OCG"].lower().startswith("organised crime group")


def test_glossary_page_lists_acronyms_linking_to_searches(client):
    doc = parse(page(client, "/glossary"))
    entries = get_json(client, "/api/glossary")["glossary"]
    rows = doc.find("table", cls="glossary-table").find("tbody").find_all("tr")
    assert len(rows) == len(entries)
    by_acronym = {}
    for row in rows:
        link = row.find("th").find("a")
        by_acronym[link.text.strip()] = (link.attrs["href"], squash(row.find("td").text))
    for acronym in ("IOM", "OCG"):
        href, long_form = by_acronym[acronym]
        assert parse_qs(urlsplit(href).query) == {"q": [acronym]} and urlsplit(href).path == "/search"
        assert long_form == next(e["expansion"] for e in entries if e["acronym"] == acronym)
    # Following the link searches for the acronym and finds its long form.
    results = parse(page(client, by_acronym["IOM"][0])).find_all("li", cls="hit")
    assert results and "integrated offender management" in squash(" ".join(r.text for r in results)).lower()


def test_site_nav_links_the_glossary(client):
    for url in ("/", "/search?q=crime", "/reports", "/glossary"):
        nav = parse(page(client, url)).find("nav", **{"aria-label": "Main"})
        assert nav.find("a", href="/glossary") is not None, url


@pytest.mark.parametrize("url", ["/glossary", "/search?" + urlencode({"q": OCG_QUESTION}),
                                 "/search?" + urlencode({"q": UNANSWERABLE})])
def test_new_pages_use_no_inline_code(client, url):
    r = client.get(url)
    for el in parse(r.get_data(as_text=True)).iter():
        assert "style" not in el.attrs
        assert not any(name.startswith("on") for name in el.attrs)
        if el.tag == "script":
            assert el.attrs.get("src", "").startswith("/static/")


# --- OpenAPI -------------------------------------------------------------------

def test_openapi_documents_ask_glossary_and_expansions(client):
    spec = get_json(client, "/api/openapi.json")
    schemas = spec["components"]["schemas"]
    ask_op = spec["paths"]["/api/ask"]["get"]
    assert {p["name"] for p in ask_op["parameters"]} >= {"q"}
    assert ask_op["responses"]["400"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert set(schemas["AskResponse"]["required"]) == {"question", "answer", "results", "expansions"}
    assert set(schemas["Answer"]["required"]) == ANSWER_FIELDS
    assert set(schemas["Expansion"]["properties"]["direction"]["enum"]) == {"acronym", "long_form"}
    assert "expansions" in schemas["SearchResponse"]["required"]
    assert "/api/glossary" in spec["paths"]
    # The live responses carry every required field of their schema.
    assert set(schemas["AskResponse"]["required"]) <= ask(client, OCG_QUESTION).keys()
    assert set(schemas["Answer"]["required"]) <= ask(client, OCG_QUESTION)["answer"].keys()
    assert set(schemas["Glossary"]["required"]) <= get_json(client, "/api/glossary").keys()
