"""Alerts: Atom feeds of a search (/search.atom) and of new reports
(/reports.atom), read by a real feed parser (feedparser) and checked against
the rules of the Atom format (RFC 4287) that a parser forgives."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from conftest import FIXTURES, deploy, indexed_corpus
from search_service.config import Settings
from search_service.index import IndexStore
from search_service.indexer import Indexer
from search_service.web import atom
from htmlparse import parse
from tests.http_helpers import all_hits, get_json, html

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
TOKEN = "feed-token"
NEW_REPORT = FIXTURES / "peel-2017-northshire.txt"


def check_atom(data: bytes) -> ET.Element:
    """The RFC 4287 rules a feed must keep (section 4.1): one id, title and
    updated in the feed and in each entry, dates in RFC 3339, ids absolute
    IRIs and unique, an author for the feed, an alternate link or content in
    each entry, at most one alternate link per type."""
    root = ET.fromstring(data)
    assert root.tag == f"{A}feed"

    def one(el, name):
        found = el.findall(f"{A}{name}")
        assert len(found) == 1, (name, len(found))
        return found[0].text or ""

    for name in ("id", "title", "updated"):
        one(root, name)
    assert RFC3339.fullmatch(one(root, "updated"))
    assert root.findall(f"{A}author/{A}name")
    alternates = [l.get("type") for l in root.findall(f"{A}link") if l.get("rel", "alternate") == "alternate"]
    assert len(alternates) == len(set(alternates))
    assert [l.get("href") for l in root.findall(f"{A}link") if l.get("rel") == "self"]
    ids = [one(root, "id")]
    for entry in root.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            one(entry, name)
        assert RFC3339.fullmatch(one(entry, "updated"))
        ids.append(one(entry, "id"))
        links = [l for l in entry.findall(f"{A}link") if l.get("rel", "alternate") == "alternate"]
        assert len(links) == 1 and links[0].get("href").startswith("http")
        content = entry.findall(f"{A}content")
        assert len(content) <= 1 and (not content or content[0].get("type") in ("text", "html", "xhtml"))
    assert all(re.match(r"[a-z][a-z0-9+.-]*:", i) for i in ids), ids  # absolute
    assert len(ids) == len(set(ids))
    return root


def read_feed(client, url):
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.data[:300])
    assert r.mimetype == "application/atom+xml" and r.mimetype_params.get("charset") == "utf-8"
    data = r.get_data()
    root = check_atom(data)
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == len(root.findall(f"{A}entry"))
    return parsed


def passage_of(entry) -> tuple[str, str]:
    """(report id, passage id) an entry links to."""
    parts = urlsplit(entry.link)
    return parts.path.removeprefix("/reports/"), parts.fragment


@pytest.fixture()
def env(tmp_path):
    """Its own corpus and index (seed and two 2016 reports), so uploads stay here."""
    settings = indexed_corpus(tmp_path, ["peel-2016-northshire.txt", "peel-2016-eastmoor.txt"])
    settings = Settings(corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, admin_token=TOKEN)
    return deploy(settings)


def upload(client, path):
    r = client.post("/api/reports", data={"file": (io.BytesIO(path.read_bytes()), path.name)},
                    headers={"Authorization": f"Bearer {TOKEN}"}, content_type="multipart/form-data")
    assert r.status_code == 201, r.get_json()
    return r.get_json()["report"]


def test_a_search_feed_holds_the_matching_passages_with_citations(every):
    client = every.client()
    parsed = read_feed(client, "/search.atom?q=missing+children")
    hits = {h["id"]: h for h in all_hits(client, q="missing children")}
    assert len(parsed.entries) == min(50, len(hits)) > 10
    for entry in parsed.entries:
        rid, pid = passage_of(entry)
        hit = hits[pid]  # every entry is a passage the search finds
        assert hit["report"]["id"] == rid and entry.link.endswith(hit["url"])
        assert entry.id == entry.link
        assert hit["citation"] in entry.content[0].value
        assert entry.title.startswith(hit["report"]["title"])
        assert entry.summary and "<strong>" in entry.content[0].value  # the matches, as readers keep them
    assert parsed.feed.title == "Inspection reports: “missing children”"
    assert parsed.feed.links[0].href.startswith("http://localhost/search.atom?q=missing")


def test_a_search_feed_takes_the_search_filters(every):
    client = every.client()
    parsed = read_feed(client, "/search.atom?q=missing+children&force=Eastmoor+Police&grade=Inadequate")
    api = all_hits(client, q="missing children", force="Eastmoor Police", grade="Inadequate")
    assert {passage_of(e)[1] for e in parsed.entries} == {h["id"] for h in api}
    assert all("Eastmoor Police" in [t.term for t in e.tags] for e in parsed.entries)
    assert "Organisation: Eastmoor Police" in parsed.feed.title


def test_an_uploaded_report_arrives_first_in_the_search_and_reports_feeds(env):
    client = env.client()
    before = read_feed(client, "/search.atom?q=missing+children")
    seen = {e.id for e in before.entries}
    assert seen and all("peel-2017-northshire" not in e.link for e in before.entries)
    report = upload(client, NEW_REPORT)
    after = read_feed(client, "/search.atom?q=missing+children")
    new = [e for e in after.entries if e.id not in seen]
    matching = all_hits(client, q="missing children", report="peel-2017-northshire")
    assert matching and len(new) == len(matching)  # what a feed reader shows as new: the new report's passages
    assert after.entries[:len(new)] == new  # newest report first
    assert {passage_of(e)[1] for e in new} == {h["id"] for h in matching}
    # its passages best match first, as the search ranks them
    assert [passage_of(e)[1] for e in new] == [h["id"] for h in matching]
    indexed = get_json(client, "/api/reports/peel-2017-northshire")["indexed_at"]
    assert indexed == report["indexed_at"]
    assert after.feed.updated == indexed and all(e.updated == indexed for e in new)
    times = [e.updated for e in after.entries]
    assert times == sorted(times, reverse=True)
    reports = read_feed(client, "/reports.atom")
    assert passage_of(reports.entries[0])[0] == "peel-2017-northshire"
    assert reports.entries[0].title == report["title"]
    assert [passage_of(e)[0] for e in reports.entries[1:]] == sorted(
        ["peel-2016-northshire", "peel-2016-eastmoor", "peel-effectiveness-2015-west-midlands"], reverse=True)
    just_northshire = read_feed(client, "/reports.atom?force=northshire+constabulary")
    assert [passage_of(e)[0] for e in just_northshire.entries] == ["peel-2017-northshire", "peel-2016-northshire"]
    assert "Effectiveness: Good" in just_northshire.entries[0].content[0].value


def test_reindexing_keeps_when_a_report_was_added_and_a_changed_file_is_new(tmp_path):
    settings = indexed_corpus(tmp_path, ["peel-2016-northshire.txt"])
    store = IndexStore(settings.index_dir, settings.corpus_dir)
    first = {r.id: r.indexed_at for r in store.reports()}
    assert all(RFC3339.fullmatch(t) for t in first.values())
    Indexer(store).sync(rebuild=True)
    assert {r.id: r.indexed_at for r in store.reports()} == first  # a rebuild is not news
    sidecar = settings.corpus_dir / "peel-2016-northshire.meta.json"
    sidecar.write_text('{"published": "May 2017"}', encoding="utf-8")
    Indexer(store).sync()
    assert store.report("peel-2016-northshire").published == "May 2017"
    assert store.report("peel-2016-northshire").indexed_at == first["peel-2016-northshire"]  # same file
    path = settings.corpus_dir / "peel-2016-northshire.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nA late annex about missing children.\n", encoding="utf-8")
    Indexer(store).sync()
    assert store.report("peel-2016-northshire").indexed_at > first["peel-2016-northshire"]  # a new version is


def test_an_index_without_indexing_times_is_rebuilt(tmp_path):
    """Reports indexed before feeds existed have no time to order by: such
    an index counts as outdated, and the next start rebuilds it."""
    import json

    settings = indexed_corpus(tmp_path)
    store = IndexStore(settings.index_dir, settings.corpus_dir)
    assert not store.outdated()
    ix = store.open()
    with ix.searcher() as s:
        doc = next(s.documents(doctype="report"))
    meta = json.loads(doc["meta"])
    del meta["indexed_at"]
    writer = ix.writer()
    writer.update_document(**dict(doc, meta=json.dumps(meta)))
    writer.commit()
    assert store.outdated()
    deploy(settings)  # the app's start-up
    assert not store.outdated() and store.reports()[0].indexed_at


def test_markup_in_a_report_stays_text_in_the_feed(markup):
    client = markup.client()
    for url in ("/search.atom?q=Marshfield", "/reports.atom"):
        r = client.get(url)
        root = check_atom(r.get_data())
        assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in ("script", "img")]
        titles = [t.text for t in root.iter(f"{A}title")]
        assert any("<script>alert('title')</script>" in (t or "") for t in titles)  # as text, escaped in the XML
        assert b"<script>" not in r.get_data()
        parsed = feedparser.parse(r.get_data())
        assert not parsed.bozo
        for e in parsed.entries:
            tags = {el.tag for el in parse(e.content[0].value).iter()}
            assert not tags & {"script", "img"}, tags


def test_text_xml_cannot_hold_is_dropped():
    data = atom.feed(feed_id="http://x/", title="a\x0cb\x00c\ud800", subtitle="", self_url="http://x/",
                     html_url="http://x/", entries=[])
    assert ET.fromstring(data).find(f"{A}title").text == "abc"


def test_feed_readers_get_a_304_while_nothing_changed(every):
    client = every.client()
    r = client.get("/search.atom?q=vetting")
    etag = r.headers["ETag"]
    again = client.get("/search.atom?q=vetting", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data


@pytest.mark.parametrize("url", ["/search.atom", "/search.atom?q=", "/search.atom?q=AND", "/search.atom?q=x&year=20x5",
                                 "/search.atom?q=x&grade=excellent", "/search.atom?q=" + "x" * 1001,
                                 "/search.atom?q=x&report=..%2Fetc", "/reports.atom?year=abc"])
def test_bad_feed_requests_are_a_400(every, url):
    r = every.client().get(url)
    assert r.status_code == 400 and "Traceback" not in r.get_data(as_text=True)


def test_results_page_offers_to_follow_the_search(every):
    client = every.client()
    doc = html(client, "/search?q=missing+children&force=Northshire+Constabulary")
    link = doc.find("a", cls="follow-link")
    assert squash_text(link) == "Follow this search"
    href = link.attrs["href"]
    assert urlsplit(href).path == "/search.atom"
    assert parse_qs(urlsplit(href).query) == {"q": ["missing children"], "force": ["Northshire Constabulary"]}
    assert doc.find("link", rel="alternate").attrs["href"] == href
    parsed = read_feed(client, href)
    assert parsed.entries and all("northshire" in passage_of(e)[0] or "thematic" in passage_of(e)[0]
                                  for e in parsed.entries)
    reports_page = html(client, "/reports?family=Thematic")
    follow = reports_page.find("a", cls="follow-link").attrs["href"]
    assert follow == "/reports.atom?family=Thematic"
    thematic = {p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json")
                if json.loads(p.read_text(encoding="utf-8"))["family"] == "Thematic"}
    assert len(thematic) >= 2
    assert {passage_of(e)[0] for e in read_feed(client, follow).entries} == thematic


def squash_text(el) -> str:
    return " ".join(el.text.split())
