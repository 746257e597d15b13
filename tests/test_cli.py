"""The command line, run in-process against the session's seed index."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search_service.cli import main
from search_service.evaluate import load_questions
from search_service.indexer import Indexer

REPO = Path(__file__).resolve().parent.parent
DEV_QUESTIONS = REPO / "eval" / "dev_questions.jsonl"
HIT_KEYS = {"id", "rank", "score", "text", "snippet", "matches", "heading", "heading_path",
            "page", "kind", "citation", "url", "report"}


@pytest.fixture()
def cli(seed_settings, capsys):
    """Run ``search-service --corpus ... --index ... ARGS``; return (status, stdout, stderr)."""
    def run(*args: str):
        status = main(["--corpus", str(seed_settings.corpus_dir),
                       "--index", str(seed_settings.index_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err
    return run


def test_search_json_has_api_shape(cli):
    status, out, err = cli("search", "organised crime groups", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert {"query", "total", "page", "per_page", "results", "facets", "suggestion"} <= set(data)
    assert data["query"] == "organised crime groups"
    assert data["results"], "the seed report discusses organised crime groups"
    for hit in data["results"]:
        assert HIT_KEYS <= set(hit)
        assert {"id", "title", "force", "year"} <= set(hit["report"])
    assert [h["rank"] for h in data["results"]] == list(range(1, len(data["results"]) + 1))


@pytest.mark.parametrize("command, path", [
    (["search", "organised crime groups", "--limit", "5"], "/api/search?q=organised+crime+groups&per_page=5"),
    (["ask", "How many OCGs was the force managing?"], "/api/ask?q=How+many+OCGs+was+the+force+managing%3F"),
])
def test_json_output_is_the_api_response(cli, client, command, path):
    status, out, err = cli(*command, "--json")
    assert status == 0, err
    cli_json, api_json = json.loads(out), client.get(path).get_json()
    if "took_ms" in api_json:  # how long each took differs, of course
        assert cli_json.pop("took_ms") >= 0 and api_json.pop("took_ms") >= 0
    assert cli_json == api_json


def test_search_limit(cli):
    status, out, _ = cli("search", "crime", "--limit", "3", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["per_page"] == 3 and len(data["results"]) <= 3


def test_search_text_output_is_readable(cli):
    status, out, _ = cli("search", "organised crime groups", "--limit", "3")
    assert status == 0
    assert re.search(r"^1\. .*p\. \d+", out, re.M), out  # rank and citation
    assert "<mark>" not in out and "&amp;" not in out


def test_index_up_to_date_adds_nothing(cli):
    status, out, err = cli("index")
    assert status == 0, err
    assert re.search(r"^0 added, 0 updated, 0 removed, [1-9]\d* unchanged$", out, re.M), out
    assert "added:" not in out


def test_eval_prints_metrics(cli):
    status, out, err = cli("eval", str(DEV_QUESTIONS))
    assert status == 0, err
    for key in ("success@1", "success@5", "MRR@10"):
        assert re.search(rf"^{key}: [01]\.\d{{3}}$", out, re.M), out
    assert re.search(r"^d01\s", out, re.M)  # per-question table
    assert re.search(r"^answer accuracy: (n/a|[01]\.\d{3})$", out, re.M)


def test_eval_json(cli):
    status, out, _ = cli("eval", str(DEV_QUESTIONS), "--json")
    assert status == 0
    data = json.loads(out)
    assert data["questions"] == len(data["rows"]) == len(load_questions(DEV_QUESTIONS))
    assert 0 <= data["MRR@10"] <= data["success@10"] <= 1


def test_eval_unanswerable_questions_report_abstention(cli, tmp_path):
    path = tmp_path / "u.jsonl"
    path.write_text('{"id": "u1", "q": "What grade did Kent Police get for efficiency?"}\n')
    status, out, _ = cli("eval", str(path))
    assert status == 0
    assert "success@1" not in out  # no evidence, so no retrieval figures
    assert re.search(r"^abstention \(unanswerable questions\): (n/a|[01]\.\d{3})$", out, re.M), out


def test_eval_counts_a_question_repeated_word_for_word_once_in_its_first_half(cli, tmp_path):
    """Two sets asking the same thing in the same words (case and punctuation aside) would weigh it double, and
    a copy split into the other half would "validate" a rule tuned on its twin: the first copy alone counts."""
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text(json.dumps({"id": "a1", "q": "What grade did Kent Police get for efficiency?",
                                 "split": "validation"}) + "\n")
    later.write_text(json.dumps({"id": "b1", "q": "what grade did Kent Police get for efficiency",
                                 "split": "tune"}) + "\n" +
                     json.dumps({"id": "b2", "q": "What grade did Surrey Police get for efficiency?",
                                 "split": "tune"}) + "\n")
    status, out, err = cli("eval", str(first), str(later), "--json")
    assert status == 0, err
    assert [r["id"] for r in json.loads(out)["rows"]] == ["a1", "b2"]
    assert "1 question(s) repeat an earlier one word for word (b1)" in err
    status, out, _ = cli("eval", str(first), str(later), "--json", "--split", "tune")
    assert [r["id"] for r in json.loads(out)["rows"]] == ["b2"]


def test_ask(cli):
    status, out, err = cli("ask", "How many organised crime groups was the force managing?", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert {"question", "answer", "results"} <= set(data)
    assert data["results"] and HIT_KEYS <= set(data["results"][0])
    if data["answer"] is not None:
        assert {"text", "passage_id", "citation", "url", "confidence"} <= set(data["answer"])


@pytest.mark.parametrize("query", ["", "   ", "x" * 1001])
def test_bad_query_exits_2_without_traceback(cli, query):
    status, out, err = cli("search", query)
    assert status == 2
    assert err.startswith("error: ") and "Traceback" not in err
    assert out == ""


def test_missing_index_is_an_error(tmp_path, capsys):
    status = main(["--corpus", str(tmp_path), "--index", str(tmp_path / "none"), "search", "crime"])
    assert status == 2
    assert "search-service index" in capsys.readouterr().err


def test_eval_missing_file_is_an_error(cli, tmp_path):
    status, _, err = cli("eval", str(tmp_path / "missing.jsonl"))
    assert status == 2 and err.startswith("error: cannot read")


def test_python_m_help():
    proc = subprocess.run([sys.executable, "-m", "search_service", "--help"],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    for command in ("index", "add", "search", "ask", "eval", "serve"):
        assert command in proc.stdout


@pytest.fixture()
def own(tmp_path, capsys):
    """A private corpus (seed only) and index, for commands that change them."""
    import shutil

    from conftest import SEED_CORPUS

    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)

    def run(*args: str):
        status = main(["--corpus", str(corpus), "--index", str(tmp_path / "index"), *args])
        out, err = capsys.readouterr()
        return status, out, err
    assert run("index")[0] == 0
    return run, corpus


NORTHSHIRE = Path(__file__).resolve().parent / "fixtures" / "peel-2016-northshire.txt"


def test_add_then_remove_a_report(own):
    run, corpus = own
    status, out, err = run("add", str(NORTHSHIRE))
    assert status == 0, err
    assert re.search(r"^added: peel-2016-northshire \(\d+ passages\)$", out, re.M), out
    assert (corpus / NORTHSHIRE.name).exists()
    status, out, _ = run("search", "Harbourside", "--json")
    assert {h["report"]["id"] for h in json.loads(out)["results"]} == {"peel-2016-northshire"}
    assert run("add", str(NORTHSHIRE))[1].strip() == "unchanged: peel-2016-northshire"
    status, out, err = run("remove", "peel-2016-northshire")
    assert status == 0 and out.strip() == "removed: peel-2016-northshire (peel-2016-northshire.txt)"
    assert not (corpus / NORTHSHIRE.name).exists()
    assert json.loads(run("search", "Harbourside", "--json")[1])["total"] == 0
    status, _, err = run("remove", "peel-2016-northshire")
    assert status == 2 and "No report with id" in err


def test_add_refuses_an_unreadable_report_and_leaves_the_corpus_alone(own, tmp_path):
    run, corpus = own
    before = sorted(p.name for p in corpus.iterdir())
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 16)
    status, _, err = run("add", str(junk))
    assert status == 1 and "junk.txt" in err and "could not be read" in err
    assert sorted(p.name for p in corpus.iterdir()) == before
    status, _, err = run("add", str(tmp_path / "missing.txt"))
    assert status == 2 and "not a file" in err


def test_index_reports_progress_as_plain_lines_in_logs(own):
    run, corpus = own
    import shutil

    for n in range(3):
        shutil.copy(NORTHSHIRE, corpus / f"northshire-{n}.txt")
        text = NORTHSHIRE.read_text().replace("Northshire", f"Northshire{n}")
        (corpus / f"northshire-{n}.txt").write_text(text)
    status, out, err = run("index")
    assert status == 0
    assert re.findall(r"^indexing (\d)/3: northshire-\d\.txt$", err, re.M) == ["1", "2", "3"]
    assert "3 added, 0 updated, 0 removed, 1 unchanged" in out


def test_index_waits_for_another_reindex(own):
    run, corpus = own
    import threading

    from search_service.index import IndexStore

    store = IndexStore(corpus.parent / "index", corpus)
    released = threading.Event()

    def hold():
        with Indexer(store).lock():
            time.sleep(0.5)
        released.set()

    t = threading.Thread(target=hold)
    t.start()
    time.sleep(0.1)
    status, out, err = run("index")
    t.join()
    assert status == 0 and released.is_set()
    assert "waiting for another reindex" in err


def test_index_reads_every_report_again_after_a_readers_change(own, monkeypatch):
    # a reader that makes other passages of the same bytes (a web page's <br> now parts words) must not leave the
    # passages the old reader made: `index` reads each report again, once
    run, corpus = own
    import search_service.ingest as ingest_mod

    assert "0 updated, 0 removed, 1 unchanged" in run("index")[1]
    monkeypatch.setattr(ingest_mod, "READERS_VERSION", ingest_mod.READERS_VERSION + 1)
    assert "0 added, 1 updated, 0 removed, 0 unchanged" in run("index")[1]
    assert "0 added, 0 updated, 0 removed, 1 unchanged" in run("index")[1]
