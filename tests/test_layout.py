"""The layout keeps data flowing one way (docs/ARCHITECTURE.md): these
tests read the package's imports and fail when a module reaches upwards,
when a rule is restated outside rules.py, or when links disagree with the
routes."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from search_service import rules
from tests.conftest import REPO

PACKAGE = REPO / "search_service"

# Each layer may import only from itself and the layers before it.
LAYERS = [
    {"rules", "sandbox", "budget", "config", "snippets", "analysis", "model", "export", "segment_arrays", "semantic",
     "posting_pool", "periods"},
    {"ingest"},
    {"ranking", "glossary", "compounds", "grades_table", "sentences", "spelling", "completion", "index"},
    {"indexer", "corpus"},
    {"query", "question", "search", "counts", "calibration", "definitions", "answer", "compare", "findings",
     "evaluate", "organisations", "national", "alerts"},
    {"web", "cli", "serve", "__main__"},
]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imports(path: Path) -> set[str]:
    """Top-level search_service modules a file imports (at any depth)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("search_service"):
            parts = node.module.split(".")
            if len(parts) > 1:
                out.add(parts[1])
            else:
                out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("search_service.")}
    return out


def _layer(module: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if module in layer)


FILES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_later_layer(path):
    mine = _layer(_module(path))
    for imported in _imports(path):
        if imported == "cli" or imported == _module(path):
            continue
        assert _layer(imported) <= mine, f"{path.relative_to(REPO)} imports {imported} (a later layer)"


# Inside the answer package, the same one way: the front door asks the kinds of answer, they ask the sentence
# chooser, and it asks the rules a sentence must pass.
ANSWER_LAYERS = [{"tables"}, {"checks"}, {"typed"}, {"sentence"}, {"reports"}, {"judgments", "findings", "facts", "table_rows"},
                 {"__init__"}]
ANSWER_FILES = sorted((PACKAGE / "answer").glob("*.py"))


def _answer_imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("search_service.answer."):
            out.add(node.module.split(".")[2])
        elif isinstance(node, ast.ImportFrom) and node.module == "search_service.answer":
            out |= {alias.name for alias in node.names}
    return out


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: p.stem)
def test_the_answer_package_imports_one_way(path):
    def layer(name: str) -> int:
        return next(i for i, names in enumerate(ANSWER_LAYERS) if name in names)

    mine = layer(path.stem)
    for imported in _answer_imports(path):
        assert layer(imported) < mine, f"answer/{path.name} imports answer/{imported} (a later or equal layer)"


def test_every_answer_module_has_a_layer():
    assert {p.stem for p in ANSWER_FILES} == set().union(*ANSWER_LAYERS)


def test_only_the_indexer_reads_report_files():
    readers = {str(p.relative_to(PACKAGE)) for p in FILES
               if "ingest" in _imports(p) and _module(p) != "ingest"}
    assert readers <= {"indexer.py", "corpus.py"}, readers  # corpus.py: names and the fingerprint key only
    corpus_imports = [n for n in ast.walk(ast.parse((PACKAGE / "corpus.py").read_text()))
                      if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("search_service.ingest")]
    assert all(a.name != "ingest" for n in corpus_imports for a in n.names)


def test_the_core_makes_no_markup_or_links():
    """Snippets are offsets until the web layer marks them; links are built by web/urls.py."""
    for path in FILES:
        if _module(path) in ("web", "cli"):
            continue
        text = path.read_text(encoding="utf-8")
        assert '"<mark>' not in text and "f\"<mark>" not in text, path
        assert '"/reports/' not in text and "f\"/reports/" not in text, path


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_binds_a_name_twice(path):
    """A second module-level ``_REASON_RE = …`` silently replaces the first for every function that reads it (one
    did, and cost seven of the tuning half's answers, four of them now wrong): each top-level name is bound once."""
    seen: dict[str, int] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets if isinstance(
            node, ast.Assign) else []
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names = [node.name]
        value = getattr(node, "value", None)
        for name in names:
            # (a value made from the name's own: "_PATHS = _limited(_PATHS)")
            refines = value is not None and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(value))
            assert name not in seen or refines, \
                f"{path.relative_to(REPO)}: {name} bound at lines {seen[name]} and {node.lineno}"
            seen[name] = node.lineno


def test_rules_are_not_restated():
    """Grades, limits and the id pattern are defined once, in rules.py."""
    for path in FILES:
        if path.name == "rules.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert '"Outstanding", "Good"' not in text, f"{path}: a copy of the grades"
        assert "[a-z0-9][a-z0-9-]*" not in text, f"{path}: a copy of the report id pattern"
        assert not any(f"MAX_PER_PAGE = {n}" in text for n in ("100", "50")), path


def test_openapi_takes_its_enums_and_limits_from_the_rules(client):
    spec = client.get("/api/openapi.json").get_json()
    params = {p["name"]: p for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert params["per_page"]["schema"]["maximum"] == rules.MAX_PER_PAGE
    assert params["q"]["schema"]["maxLength"] == rules.MAX_QUERY_LENGTH
    assert params["grade"]["schema"]["items"]["enum"] == list(rules.GRADES)
    assert "Adequate" in params["grade"]["schema"]["items"]["enum"]
    assert params["group"]["schema"]["enum"] == list(rules.GROUPS)
    assert set(params) >= set(rules.FILTERS)


def test_links_agree_with_the_routes(app):
    from flask import url_for

    from search_service.web.urls import passage_url, report_url

    with app.test_request_context():
        assert report_url("peel-2016-x") == url_for("pages.report", report_id="peel-2016-x")
        assert passage_url("peel-2016-x", "peel-2016-x-0004") == \
            url_for("pages.report", report_id="peel-2016-x", _anchor="peel-2016-x-0004")


def test_the_cli_and_the_api_agree_on_what_is_valid(client, seed_settings, capsys):
    from search_service.cli import main

    for q in ("year:²", "year:①", "YEAR:⁵", "year:16", "grade:excellent"):
        r = client.get("/api/search", query_string={"q": q})
        assert r.status_code == 400, q
        code = r.get_json()["error"]["code"]
        status = main(["--corpus", str(seed_settings.corpus_dir), "--index", str(seed_settings.index_dir),
                       "search", q])
        err = capsys.readouterr().err
        assert status == 2 and err.startswith("error: ") and "Traceback" not in err, (q, err)
        assert code == "bad_filter"
    for value in ("²", "16", "20x5"):
        assert client.get("/api/search", query_string={"q": "crime", "year": value}).status_code == 400
        status = main(["--corpus", str(seed_settings.corpus_dir), "--index", str(seed_settings.index_dir),
                       "search", "crime", "--year", value])
        assert status == 2, value
        capsys.readouterr()


def test_another_whoosh_version_is_refused_with_a_clear_error():
    code = ("import whoosh; whoosh.__version__ = (2, 7, 5)\n"
            "import search_service.ranking\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode != 0
    assert "needs Whoosh 2.7.4" in proc.stderr and "2.7.5 is installed" in proc.stderr


def test_a_flat_contents_page_tells_a_chapter_from_a_part_by_its_page():
    # no indentation: an entry on the page of the one before ("Summary … 3" after "Overview … 3") or one listed
    # again and again ("Summary of findings") is a part; "Recommendations … 5" after "Summary … 3" is a chapter
    from search_service.ingest.text import contents_titles
    flat = ["Foreword ........ 1", "Summary ........ 3", "Recommendations ........ 5", "1. Staffing ........ 6",
            "Summary of findings ........ 9", "2. Training ........ 10", "Summary of findings ........ 12",
            "Overview ........ 14", "Overall judgment ........ 14"]
    levels = contents_titles(flat)
    assert levels["Summary"] == levels["Recommendations"] == levels["Overview"] == 1
    assert levels["Summary of findings"] == levels["Overall judgment"] == 2
    indented = ["Summary ........ 3", "   Recommendations ........ 5"]
    assert contents_titles(indented) == {"Summary": 1, "Recommendations": 2}
