"""Adding and removing reports: the JSON API (bearer token), the admin pages
(session + CSRF), and the rule that a refused change leaves corpus/ and
index/ exactly as they were.

Each test gets its own corpus (seed + nothing else) and index, so uploads
never leak into the session-wide seed index other tests rely on.
"""
from __future__ import annotations

import hashlib
import io
import re
import shutil
import threading

import pytest

from conftest import deploy, FIXTURES, SEED_CORPUS, SEED_ID
from http_helpers import html
from search_service.config import Settings
from search_service.index import IndexStore
from search_service.indexer import Indexer

TOKEN = "s3cret-admin-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NORTHSHIRE = FIXTURES / "peel-2016-northshire.txt"
NORTHSHIRE_ID = "peel-2016-northshire"
NORTHSHIRE_PHRASE = "Harbourside community safety partnership"


@pytest.fixture()
def env(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    d = deploy(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", admin_token=TOKEN,
                        secret_key="test-secret"))
    return d.settings, d.store, d.client()


def snapshot(settings: Settings) -> dict:
    """Every file under corpus/ and index/ with its hash: 'exactly as they
    were' (locks and the admin log-in records aside: they are not reports)."""
    out = {}
    for root in (settings.corpus_dir, settings.index_dir):
        for f in sorted(root.rglob("*")):
            if f.is_file() and f.name != "WRITE.lock" and not f.name.startswith("admin-sessions.json"):
                out[str(f.relative_to(root.parent))] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def upload(client, name: str, data: bytes, headers=AUTH, **form):
    return client.post("/api/reports", data={"file": (io.BytesIO(data), name), **form},
                       headers=headers, content_type="multipart/form-data")


def found(client, query: str) -> set[str]:
    return {h["report"]["id"] for h in client.get("/api/search", query_string={"q": query}).get_json()["results"]}


def test_upload_makes_a_report_searchable_at_once(env):
    settings, store, client = env
    assert NORTHSHIRE_ID not in found(client, f'"{NORTHSHIRE_PHRASE}"')
    r = upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes())
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["status"] == "added" and body["passages"] > 5
    assert body["report"]["id"] == NORTHSHIRE_ID and body["report"]["force"] == "Northshire Constabulary"
    assert r.headers["Location"].endswith(f"/api/reports/{NORTHSHIRE_ID}")
    assert found(client, f'"{NORTHSHIRE_PHRASE}"') == {NORTHSHIRE_ID}
    assert (settings.corpus_dir / NORTHSHIRE.name).read_bytes() == NORTHSHIRE.read_bytes()
    assert client.get("/api/health").get_json()["reports"] == 2
    # judgments of the new report are there for the reports list
    listed = {r["id"]: r for r in client.get("/api/reports").get_json()["reports"]}
    assert listed[NORTHSHIRE_ID]["judgments"][0]["grade"] == "Requires improvement"
    # and a later full sync agrees that nothing is left to do
    assert not Indexer(store).sync().changed


def test_same_file_again_is_unchanged_and_a_copy_under_another_name_is_a_duplicate(env):
    settings, _, client = env
    assert upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes()).status_code == 201
    again = upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes())
    assert again.status_code == 200 and again.get_json()["status"] == "unchanged"
    before = snapshot(settings)
    dup = upload(client, "copy-of-northshire.txt", NORTHSHIRE.read_bytes())
    assert dup.status_code == 409
    assert dup.get_json()["error"]["code"] == "duplicate"
    assert NORTHSHIRE_ID in dup.get_json()["error"]["message"]
    assert snapshot(settings) == before


def test_a_taken_name_needs_replace_and_replacing_swaps_the_text(env):
    settings, _, client = env
    upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes())
    changed = NORTHSHIRE.read_text().replace("Harbourside", "Quayside").encode()
    before = snapshot(settings)
    r = upload(client, NORTHSHIRE.name, changed)
    assert r.status_code == 409 and r.get_json()["error"]["code"] == "exists"
    assert snapshot(settings) == before
    r = upload(client, NORTHSHIRE.name, changed, replace="true")
    assert r.status_code == 200 and r.get_json()["status"] == "updated"
    assert found(client, '"Quayside community safety partnership"') == {NORTHSHIRE_ID}
    assert NORTHSHIRE_ID not in found(client, f'"{NORTHSHIRE_PHRASE}"')
    assert client.get("/api/health").get_json()["reports"] == 2


@pytest.mark.parametrize("name, data, status, code", [
    ("report.docx", b"PK\x03\x04 not a report", 415, "unsupported_type"),
    ("report.exe", b"MZ\x90\x00", 415, "unsupported_type"),
    ("binary.txt", bytes(range(256)) * 64, 422, "unparseable"),
    ("empty.txt", b"", 400, "empty_file"),
    ("blank.txt", b"   \n\n  \n", 422, "unparseable"),
    ("..txt", b"Some text about policing.\n", 415, "unsupported_type"),
    ("---.txt", b"Some text about policing.\n", 400, "bad_filename"),
    ("report.meta.json", b"{}", 415, "unsupported_type"),
])
def test_refused_uploads_leave_corpus_and_index_exactly_as_they_were(env, name, data, status, code):
    settings, _, client = env
    before = snapshot(settings)
    r = upload(client, name, data)
    assert r.status_code == status, r.get_json()
    error = r.get_json()["error"]
    assert error["code"] == code and error["message"]
    assert snapshot(settings) == before
    assert client.get("/api/health").get_json()["reports"] == 1


def test_path_tricks_in_file_names_stay_inside_the_corpus(env, tmp_path):
    settings, _, client = env
    for n, name in enumerate(("../../evil.txt", "..\\..\\evil2.txt", "/etc/evil3.txt")):
        data = NORTHSHIRE.read_text().replace("Northshire", f"Northshire{n}").encode()
        r = upload(client, name, data)
        assert r.status_code == 201, r.get_json()
        source = r.get_json()["report"]["source"]
        assert "/" not in source and "\\" not in source and not source.startswith(".")
        assert (settings.corpus_dir / source).is_file()
    outside = [p for p in tmp_path.rglob("evil*") if settings.corpus_dir not in p.parents]
    assert outside == []


def test_missing_file_field_is_a_400(env):
    _, _, client = env
    r = client.post("/api/reports", data={"other": "x"}, headers=AUTH)
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "missing_file"


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Bearer wrong-token"}, 401),
    ({"Authorization": f"Basic {TOKEN}"}, 401),
    ({"Authorization": f"Bearer {TOKEN}x"}, 401),
])
def test_writes_need_the_token(env, headers, status):
    settings, _, client = env
    before = snapshot(settings)
    r = upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes(), headers=headers)
    assert r.status_code == status and r.get_json()["error"]["code"] == "unauthorized"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    r = client.delete(f"/api/reports/{SEED_ID}", headers=headers)
    assert r.status_code == status
    assert snapshot(settings) == before


def test_admin_endpoints_are_off_without_a_token(env):
    settings, store, _ = env
    client = deploy(Settings(settings.corpus_dir, settings.index_dir, admin_token=None)).client()
    r = upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes(), headers={"Authorization": "Bearer "})
    assert r.status_code == 403 and r.get_json()["error"]["code"] == "admin_disabled"
    assert client.delete(f"/api/reports/{SEED_ID}", headers=AUTH).status_code == 403
    page = client.get("/admin")
    assert page.status_code == 403 and "turned off" in page.get_data(as_text=True)


def test_delete_removes_report_file_and_sidecar_and_is_not_repeatable(env):
    settings, _, client = env
    upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes())
    (settings.corpus_dir / "peel-2016-northshire.meta.json").write_text('{"year": 2016}')
    r = client.delete(f"/api/reports/{NORTHSHIRE_ID}", headers=AUTH)
    assert r.status_code == 200
    assert r.get_json() == {"status": "deleted", "report": {
        "id": NORTHSHIRE_ID, "title": r.get_json()["report"]["title"],
        "force": "Northshire Constabulary", "year": 2016}}
    assert not (settings.corpus_dir / NORTHSHIRE.name).exists()
    assert not (settings.corpus_dir / "peel-2016-northshire.meta.json").exists()
    assert found(client, f'"{NORTHSHIRE_PHRASE}"') == set()
    assert client.get(f"/api/reports/{NORTHSHIRE_ID}").status_code == 404
    again = client.delete(f"/api/reports/{NORTHSHIRE_ID}", headers=AUTH)
    assert again.status_code == 404 and again.get_json()["error"]["code"] == "not_found"
    assert client.delete("/api/reports/..%2F..%2Fetc", headers=AUTH).status_code == 404
    assert client.get("/api/health").get_json()["reports"] == 1


def test_a_write_waits_for_a_running_reindex_then_refuses_clearly(env, monkeypatch):
    settings, store, client = env
    from search_service.web import service

    monkeypatch.setattr(service, "WRITE_TIMEOUT", 0.3)
    holding, release = threading.Event(), threading.Event()

    def hold():
        with Indexer(IndexStore(settings.index_dir, settings.corpus_dir)).lock():
            holding.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    try:
        holding.wait(5)
        before = snapshot(settings)
        r = upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes())
        assert r.status_code == 409 and r.get_json()["error"]["code"] == "busy"
        assert snapshot(settings) == before
    finally:
        release.set()
        t.join()
    assert upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes()).status_code == 201


def test_a_failed_index_write_puts_the_corpus_back(env, monkeypatch):
    settings, store, client = env
    before = snapshot(settings)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Indexer, "_add", staticmethod(disk_full))
    r = upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes())
    assert r.status_code == 507
    error = r.get_json()["error"]
    assert error["code"] == "write_failed" and "No space left" in error["message"]
    monkeypatch.undo()
    assert snapshot(settings) == before
    assert found(client, f'"{NORTHSHIRE_PHRASE}"') == set()
    assert client.get("/api/health").get_json()["reports"] == 1


# ------------------------------------------------------------------ admin pages

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client, path="/admin") -> str:
    return CSRF.search(client.get(path).get_data(as_text=True)).group(1)


def log_in(client, token=TOKEN):
    return client.post("/admin/login", data={"token": token, "csrf_token": csrf(client)})


def test_admin_page_logs_in_uploads_and_deletes(env):
    settings, _, client = env
    page = client.get("/admin")
    assert page.status_code == 200 and 'type="password"' in page.get_data(as_text=True)
    bad = log_in(client, "not-the-token")
    assert bad.status_code == 303 and bad.headers["Location"].endswith("/admin")  # post/redirect/get
    shown = html(client, "/admin")
    summary = shown.find(cls="error-summary")
    assert "There is a problem" in summary.text and "not the admin token" in summary.text
    assert summary.find("a").attrs["href"] == "#token"  # the summary links to the field
    assert shown.find("input", id="token").attrs["aria-invalid"] == "true"
    assert html(client, "/admin").find(cls="error-summary") is None  # shown once, not on every visit
    ok = log_in(client)
    assert ok.status_code == 303
    home = client.get("/admin").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in home and SEED_ID in home
    r = client.post("/admin/reports", data={"file": (io.BytesIO(NORTHSHIRE.read_bytes()), NORTHSHIRE.name),
                                            "csrf_token": csrf(client)},
                    content_type="multipart/form-data", follow_redirects=True)
    assert r.status_code == 200
    assert "searchable now" in r.get_data(as_text=True)
    assert found(client, f'"{NORTHSHIRE_PHRASE}"') == {NORTHSHIRE_ID}
    r = client.post(f"/admin/reports/{NORTHSHIRE_ID}/delete", data={"csrf_token": csrf(client)},
                    follow_redirects=True)
    assert r.status_code == 200 and "Deleted" in r.get_data(as_text=True)
    assert found(client, f'"{NORTHSHIRE_PHRASE}"') == set()


def test_admin_upload_refusal_shows_the_reason(env):
    settings, _, client = env
    log_in(client)
    before = snapshot(settings)
    r = client.post("/admin/reports", data={"file": (io.BytesIO(bytes(range(256)) * 8), "junk.txt"),
                                            "csrf_token": csrf(client)}, content_type="multipart/form-data")
    assert r.status_code == 303  # post/redirect/get: Back or reload never posts the file again
    summary = html(client, r.headers["Location"]).find(cls="error-summary")
    assert "could not be read as a report" in summary.text and summary.find("a").attrs["href"] == "#file"
    assert snapshot(settings) == before


def test_admin_forms_need_a_csrf_token_and_a_session(env):
    settings, _, client = env
    before = snapshot(settings)
    r = client.post("/admin/login", data={"token": TOKEN})
    assert r.status_code == 400 and "reload the page" in r.get_data(as_text=True)
    log_in(client)
    r = client.post(f"/admin/reports/{SEED_ID}/delete", data={})
    assert r.status_code == 400
    # a browser without the session cannot delete even with a valid form token
    stranger = client.application.test_client()
    r = stranger.post(f"/admin/reports/{SEED_ID}/delete", data={"csrf_token": csrf(stranger)})
    assert r.status_code == 401
    assert snapshot(settings) == before
    assert client.get("/api/health").get_json()["reports"] == 1


def test_logging_out_ends_the_session(env):
    _, _, client = env
    log_in(client)
    assert 'enctype="multipart/form-data"' in client.get("/admin").get_data(as_text=True)
    client.post("/admin/logout", data={"csrf_token": csrf(client)})
    assert 'type="password"' in client.get("/admin").get_data(as_text=True)


FENMOOR = FIXTURES / "peel-2017-fenmoor.pdf"


def test_a_pdf_upload_is_searchable_with_printed_and_pdf_pages(env):
    _, _, client = env
    r = upload(client, FENMOOR.name, FENMOOR.read_bytes())
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["report"]["force"] == "Fenmoor Constabulary"
    hits = client.get("/api/search", query_string={"q": '"Thefts of boat engines fell from 64 to 25"'}).get_json()["results"]
    assert [(h["report"]["id"], h["page"], h["pdf_page"]) for h in hits[:1]] == [("peel-2017-fenmoor", 5, 7)]
    assert "p. 5 (PDF p. 7)" in hits[0]["citation"]


@pytest.mark.parametrize("name, data, reason", [
    ("fake.pdf", b"This is plain text pretending to be a PDF.\n" * 20, "not a PDF"),
    ("half.pdf", FENMOOR.read_bytes()[: len(FENMOOR.read_bytes()) // 2], "truncated"),
    ("sneaky.txt", FENMOOR.read_bytes(), ""),
])
def test_bad_pdfs_are_refused_with_the_reason_and_change_nothing(env, name, data, reason):
    settings, _, client = env
    before = snapshot(settings)
    r = upload(client, name, data)
    assert r.status_code == 422, r.get_json()
    assert reason in r.get_json()["error"]["message"]
    assert snapshot(settings) == before


def test_a_deleted_report_is_forgotten_by_answers_and_did_you_mean(env):
    """Whoosh keeps a deleted document's words in its term statistics until
    segments merge; a question naming a removed report must still be
    declined, and did-you-mean must not offer a word only it used."""
    _, _, client = env
    question = {"q": "How effective is Northshire Constabulary at keeping people safe?"}
    typo = {"q": "Harboursyde"}

    def ask():
        return client.get("/api/ask", query_string=question).get_json()["answer"]

    def suggestion():
        return client.get("/api/search", query_string=typo).get_json()["suggestion"]

    assert ask() is None and suggestion() is None  # the seed knows neither
    assert upload(client, NORTHSHIRE.name, NORTHSHIRE.read_bytes()).status_code == 201
    assert ask()["passage_id"].startswith(NORTHSHIRE_ID)
    assert suggestion() == "Harbourside"  # the case as typed
    assert client.delete(f"/api/reports/{NORTHSHIRE_ID}", headers=AUTH).status_code == 200
    assert ask() is None
    assert suggestion() is None
