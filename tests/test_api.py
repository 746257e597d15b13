"""The JSON API contract (docs/ARCHITECTURE.md), checked against the seed report."""
from __future__ import annotations

import json
import re

import pytest

from tests.http_helpers import get_json, search

SEED_ID = "peel-effectiveness-2015-west-midlands"
FORCE = "West Midlands Police"
HIT_FIELDS = {"id", "rank", "score", "text", "snippet", "matches", "heading", "heading_path",
              "page", "pdf_page", "kind", "citation", "url", "report"}
SEARCH_FIELDS = {"query", "total", "page", "per_page", "results", "facets", "suggestion"}


# --- /api/search ---------------------------------------------------------

def test_search_response_has_every_contract_field(client):
    body = search(client, q="organised crime groups")
    assert SEARCH_FIELDS <= body.keys()
    assert body["query"] == "organised crime groups"
    assert body["page"] == 1 and body["per_page"] == 10
    assert body["total"] >= len(body["results"]) > 0
    assert body["suggestion"] is None or isinstance(body["suggestion"], str)
    assert isinstance(body["facets"], dict)


def test_every_hit_has_every_contract_field(client):
    body = search(client, q="organised crime groups")
    for hit in body["results"]:
        assert HIT_FIELDS <= hit.keys(), HIT_FIELDS - hit.keys()
        assert isinstance(hit["id"], str) and hit["id"].startswith(SEED_ID)
        assert isinstance(hit["score"], (int, float)) and hit["score"] > 0
        assert isinstance(hit["text"], str) and hit["text"].strip()
        assert isinstance(hit["heading"], str)
        assert isinstance(hit["heading_path"], list) and all(isinstance(h, str) for h in hit["heading_path"])
        assert isinstance(hit["page"], int) and hit["page"] >= 1
        assert isinstance(hit["kind"], str) and hit["kind"]
        assert hit["report"] == {"id": SEED_ID, "title": hit["report"]["title"], "force": FORCE, "year": 2015}
        assert hit["url"] == f"/reports/{SEED_ID}#{hit['id']}"
        assert f"p. {hit['page']}" in hit["citation"]
        assert hit["report"]["title"] in hit["citation"]


def test_ranks_are_consecutive_and_scores_descend(client):
    hits = search(client, q="organised crime groups")["results"]
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_snippet_marks_the_query_words_and_is_escaped(client):
    hits = search(client, q="organised crime groups")["results"]
    assert all("<mark>" in h["snippet"] for h in hits)
    marked = {m.lower() for h in hits for m in re.findall(r"<mark>(.*?)</mark>", h["snippet"])}
    assert marked & {"organised", "crime", "groups", "group"}
    for h in hits:  # only <mark> tags survive; everything else is escaped
        assert not re.search(r"<(?!/?mark>)", h["snippet"])


def test_matches_are_offsets_into_the_text(client):
    hits = search(client, q="organised crime groups")["results"]
    words = []
    for h in hits:
        for start, end in h["matches"]:
            assert 0 <= start < end <= len(h["text"])
            words.append(h["text"][start:end].lower())
    assert any(w.startswith(("organis", "crime", "group")) for w in words)


def test_finds_the_sentence_about_68_ocgs(client):
    hits = search(client, q="organised crime groups")["results"]
    assert any("68 organised crime groups (OCGs)" in " ".join(h["text"].split()) for h in hits)


def test_acronym_finds_the_long_form(client):
    hits = search(client, q="IOM")["results"]
    texts = " ".join(" ".join(h["text"].split()) for h in hits).lower()
    assert "integrated offender management" in texts


def test_pagination_moves_through_the_same_ranking(client):
    first = search(client, q="crime", per_page=3, page=1)
    second = search(client, q="crime", per_page=3, page=2)
    assert first["total"] == second["total"] > 6
    assert second["page"] == 2 and second["per_page"] == 3
    assert [h["rank"] for h in second["results"]] == [4, 5, 6]
    assert not {h["id"] for h in first["results"]} & {h["id"] for h in second["results"]}
    both = search(client, q="crime", per_page=6)
    assert [h["id"] for h in both["results"]] == [h["id"] for h in first["results"] + second["results"]]


def test_page_beyond_the_last_is_empty_not_an_error(client):
    body = search(client, q="crime", page=9999)
    assert body["results"] == [] and body["page"] == 9999 and body["total"] > 0


def test_per_page_up_to_100(client):
    body = search(client, q="crime", per_page=100)
    assert body["per_page"] == 100
    assert len(body["results"]) == min(100, body["total"])


def test_facets_count_force_year_and_kind(client):
    facets = search(client, q="crime")["facets"]
    assert {"force", "year", "kind"} <= facets.keys()
    assert facets["force"].get(FORCE, 0) > 0
    assert facets["year"].get("2015", 0) > 0
    assert facets["kind"] and all(isinstance(n, int) and n > 0 for n in facets["kind"].values())


@pytest.mark.parametrize("name,value", [("force", FORCE), ("year", "2015"), ("report", SEED_ID)])
def test_filter_matching_the_seed_keeps_its_hits(client, name, value):
    plain = search(client, q="crime")
    filtered = search(client, q="crime", **{name: value})
    assert filtered["total"] == plain["total"] > 0
    assert all(h["report"]["id"] == SEED_ID for h in filtered["results"])


@pytest.mark.parametrize("name,value", [("force", "Kent Police"), ("year", "1999"),
                                        ("report", "no-such-report"), ("kind", "no_such_kind")])
def test_filter_matching_nothing_gives_no_hits(client, name, value):
    body = search(client, q="crime", **{name: value})
    assert body["total"] == 0 and body["results"] == []


def test_kind_filter_keeps_only_that_kind(client):
    kinds = search(client, q="crime")["facets"]["kind"]
    kind, count = min(kinds.items(), key=lambda kv: kv[1])
    body = search(client, q="crime", kind=kind, per_page=100)
    assert body["total"] == count
    assert {h["kind"] for h in body["results"]} == {kind}


def test_misspelt_query_shows_the_corrected_results(client):
    body = search(client, q="orgnised")
    right = search(client, q="organised")
    assert body["corrected"] is True and body["suggestion"] == "organised" and body["query"] == "orgnised"
    assert body["total"] == right["total"] > 0 and body["results"] == right["results"]
    assert right["corrected"] is False and right["suggestion"] is None
    as_typed = search(client, q="orgnised", autocorrect="false")
    assert as_typed["total"] == 0 and as_typed["corrected"] is False and as_typed["suggestion"] == "organised"


# --- /api/reports ----------------------------------------------------------

def test_reports_lists_the_seed_report_with_metadata(client):
    reports = get_json(client, "/api/reports")["reports"]
    assert [r["id"] for r in reports] == [SEED_ID]
    r = reports[0]
    assert r["force"] == FORCE and r["year"] == 2015
    assert "West Midlands" in r["title"] and r["inspection"] == "PEEL effectiveness"
    assert r["source"] == f"{SEED_ID}.txt" and len(r["sha256"]) == 64
    assert isinstance(r["judgments"], list) and isinstance(r["areas_for_improvement"], list)


def test_report_detail_has_metadata_and_passages_in_order(client):
    r = get_json(client, f"/api/reports/{SEED_ID}")
    assert r["id"] == SEED_ID and r["force"] == FORCE
    passages = r["passages"]
    assert len(passages) > 10
    assert [p["order"] for p in passages] == sorted(p["order"] for p in passages)
    assert len({p["id"] for p in passages}) == len(passages)
    assert all(p["report_id"] == SEED_ID for p in passages)
    assert all(1 <= p["page"] <= r["pages"] for p in passages)
    text = " ".join(" ".join(p["text"].split()) for p in passages)
    assert "68 organised crime groups (OCGs)" in text


def test_search_hits_are_passages_of_the_report(client):
    passages = {p["id"]: p for p in get_json(client, f"/api/reports/{SEED_ID}")["passages"]}
    for hit in search(client, q="missing children")["results"]:
        p = passages[hit["id"]]
        assert (p["text"], p["page"], p["kind"], p["heading_path"]) == \
               (hit["text"], hit["page"], hit["kind"], hit["heading_path"])


def test_unknown_report_is_a_json_404(client):
    body = get_json(client, "/api/reports/no-such-report", status=404)
    assert body["error"]["code"] == "not_found"
    assert "no-such-report" in body["error"]["message"]


# --- /api/health and /api/openapi.json ------------------------------------

def test_health_counts_reports_and_passages(client, store):
    body = get_json(client, "/api/health")
    passages = get_json(client, f"/api/reports/{SEED_ID}")["passages"]
    assert body == {"status": "ok", "reports": 1, "passages": len(passages)}
    assert (body["reports"], body["passages"]) == tuple(store.counts())


def _api_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            yield re.sub(r"<(?:\w+:)?(\w+)>", "{id}", rule.rule), rule.methods - {"HEAD", "OPTIONS"}


def test_openapi_documents_every_api_route(client, app):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    spec = json.loads(r.data)
    assert spec["openapi"].startswith("3.0")
    assert spec["info"]["title"] and spec["info"]["version"]
    routes = dict(_api_rules(app))
    assert {"/api/search", "/api/reports", "/api/reports/{id}", "/api/health", "/api/openapi.json"} <= routes.keys()
    for path, methods in routes.items():
        assert path in spec["paths"], f"{path} is not documented"
        assert {m.lower() for m in methods} <= spec["paths"][path].keys()
    for path in spec["paths"]:
        assert path in routes, f"{path} is documented but does not exist"


def test_openapi_refs_resolve_and_errors_use_the_error_schema(client):
    spec = get_json(client, "/api/openapi.json")
    schemas = spec["components"]["schemas"]
    error = schemas["Error"]["properties"]["error"]
    assert set(error["required"]) == {"code", "message"}
    assert set(schemas["Hit"]["required"]) == HIT_FIELDS
    assert SEARCH_FIELDS <= set(schemas["SearchResponse"]["required"])
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(spec))
    assert refs and all(ref in schemas for ref in refs)
    search_op = spec["paths"]["/api/search"]["get"]
    assert {p["name"] for p in search_op["parameters"]} >= {"q", "page", "per_page", "force", "year", "kind", "report"}
    assert search_op["responses"]["400"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert "404" in spec["paths"]["/api/reports/{id}"]["get"]["responses"]


def test_api_responses_carry_security_headers(client):
    r = client.get("/api/health")
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    assert r.headers["Referrer-Policy"]
