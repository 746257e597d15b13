"""Shared fixtures: an index built once per test session from the repo's corpus."""
from __future__ import annotations

import collections
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings as hypothesis_settings

from search_service.config import Settings

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ID = "peel-effectiveness-2015-west-midlands"
MARKUP_FIXTURE = "peel-2016-marshfield-markup.txt"  # markup and script in text, headings, footnotes, sidecar
MARKUP_ID = "peel-2016-marshfield-markup"

# Property-based tests (tests/test_fuzz.py, tests/test_schemathesis.py).
# "ci" (the default) runs a fixed number of examples from a fixed seed, so the
# normal suite is deterministic and bounded; "fuzz" (HYPOTHESIS_PROFILE=fuzz,
# `make fuzz`) runs 10,000 random cases per property.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
          HealthCheck.function_scoped_fixture]
hypothesis_settings.register_profile("ci", max_examples=200, derandomize=True, deadline=None, database=None,
                                     suppress_health_check=_QUIET, print_blob=True)
hypothesis_settings.register_profile("fuzz", max_examples=10_000, derandomize=False, deadline=None,
                                     database=None, suppress_health_check=_QUIET, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
FUZZ_CASES: collections.Counter = collections.Counter()  # test node id -> cases run, printed at the end


@pytest.fixture()
def count_case(request):
    """Call once per generated case: the totals are printed after the run."""
    def count() -> None:
        FUZZ_CASES[request.node.nodeid] += 1
    return count


# The files that take a minute or more, slowest first (a one-process run's durations): run before the rest, so
# with two workers (`make test`) the short files fill in at the end rather than one worker finishing a long
# file alone while the other waits.
SLOW_FILES = ("test_hostile.py", "test_faults.py", "test_browser.py", "test_accessibility.py", "test_live.py",
              "test_charts_browser.py", "test_pdf_readers.py", "test_load_script.py", "test_two_servers.py",
              "test_deploy.py", "test_fuzz.py", "test_eval_sets.py")


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(SLOW_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: each file's own order kept


def pytest_sessionfinish(session):
    """Under pytest-xdist (`make test` runs two workers) each worker counts its
    own cases: it hands them to the controller, which prints the totals."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_cases"] = dict(FUZZ_CASES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """(xdist, controller side) a worker's case counts, added to the totals."""
    FUZZ_CASES.update(getattr(node, "workeroutput", {}).get("fuzz_cases", {}))


def pytest_terminal_summary(terminalreporter):
    """A loud line when the browser tests could not run; then the cases tried
    per property test, and which properties failed."""
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if "chromium" in str(getattr(r, "longrepr", "")).lower()]
    if skipped:
        terminalreporter.section("WARNING", sep="!", red=True, bold=True)
        terminalreporter.write_line(f"WARNING: {len(skipped)} browser and accessibility tests were SKIPPED: "
                                    "/usr/bin/chromium is missing (apt-get install chromium). The pages were "
                                    "not tested in a real browser.", red=True, bold=True)
    if not FUZZ_CASES:
        return
    failed = {r.nodeid for r in terminalreporter.stats.get("failed", [])}
    profile = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    terminalreporter.section(f"property tests: cases tried (hypothesis profile {profile!r})")
    for nodeid, n in sorted(FUZZ_CASES.items()):
        name = nodeid.split("::", 1)[-1]
        terminalreporter.write_line(f"{n:7d} cases  {'FAILED' if nodeid in failed else 'ok    '}  {name}")
    terminalreporter.write_line(f"total: {sum(FUZZ_CASES.values())} cases in {len(FUZZ_CASES)} properties, "
                                f"{len(failed & set(FUZZ_CASES))} failed")


def indexed_corpus(root: Path, fixtures=(), **settings) -> Settings:
    """The seed plus some fixture reports (with their sidecars) copied into
    ``root/corpus`` and indexed from scratch."""
    from search_service.index import IndexStore
    from search_service.indexer import Indexer

    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    for name in fixtures:
        src = FIXTURES / name
        shutil.copy(src, corpus)
        sidecar = src.with_name(src.stem + ".meta.json")
        if sidecar.exists():
            shutil.copy(sidecar, corpus)
    result = Settings(corpus_dir=corpus, index_dir=root / "index", admin_token="test-token", **settings)
    sync = Indexer(IndexStore(result.index_dir, result.corpus_dir)).sync(rebuild=True)
    assert not sync.failed, sync.failed
    return result


@dataclass
class Deployment:
    """The one chain every test uses: settings → store → app (production
    error handling: no debug pages)."""
    settings: Settings
    store: object  # IndexStore
    app: object  # Flask

    @property
    def indexer(self):
        from search_service.indexer import Indexer

        return Indexer(self.store)

    def client(self):
        return self.app.test_client()


def deploy(settings: Settings) -> Deployment:
    from search_service.index import IndexStore
    from search_service.web import create_app

    store = IndexStore(settings.index_dir, settings.corpus_dir)
    app = create_app(settings, store=store)
    app.config.update(TESTING=False)
    return Deployment(settings, store, app)


@pytest.fixture(scope="session")
def seed(tmp_path_factory) -> Deployment:
    """A private copy of the seed corpus, an index built from it, the app."""
    return deploy(indexed_corpus(tmp_path_factory.mktemp("seed")))


@pytest.fixture(scope="session")
def seed_settings(seed) -> Settings:
    return seed.settings


@pytest.fixture(scope="session")
def store(seed):
    return seed.store


@pytest.fixture(scope="session")
def app(seed):
    return seed.app


@pytest.fixture()
def client(seed):
    return seed.client()


# The invented reports indexed with the seed in the multi-report store. To add
# one (e.g. the PDF fixture), add its file name here and its metadata and
# judgments, as written in the file, to tests/many_reports.py.
MULTI_FIXTURES = (
    "peel-2016-northshire.txt",
    "peel-2017-northshire.txt",
    "peel-2016-eastmoor.txt",
    "peel-legitimacy-2017-eastmoor.txt",
    "peel-2017-fenmoor.pdf",
)



def commit_by_commit(root: Path):
    """Seed, then each of MULTI_FIXTURES in its own commit (small segments
    that Whoosh merges), then one report deleted: the awkward case for
    anything kept per segment (posting arrays, caches, the live mask)."""
    from search_service.index import IndexStore
    from search_service.indexer import Indexer

    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    st = IndexStore(root / "index", corpus)
    Indexer(st).sync()
    for name in MULTI_FIXTURES:
        shutil.copy(FIXTURES / name, corpus)
        Indexer(st).sync()
    (corpus / "peel-2016-eastmoor.txt").unlink()
    Indexer(st).sync()
    return st

@pytest.fixture(scope="session")
def multi(tmp_path_factory) -> Deployment:
    """The seed and the invented fixture reports in one corpus, indexed once."""
    return deploy(indexed_corpus(tmp_path_factory.mktemp("multi"), MULTI_FIXTURES))


@pytest.fixture(scope="session")
def multi_settings(multi) -> Settings:
    return multi.settings


@pytest.fixture(scope="session")
def multi_store(multi):
    return multi.store


@pytest.fixture(scope="session")
def multi_app(multi):
    return multi.app


@pytest.fixture()
def multi_client(multi):
    return multi.client()


# Every invented report with the seed: each family and format (the reports
# with hand-written truth files, tests/fixtures/*.expected.json).
ALL_FIXTURES = tuple(sorted(p.name for p in FIXTURES.iterdir()
                            if p.suffix in (".txt", ".pdf", ".html") and "markup" not in p.name))


@pytest.fixture(scope="session")
def every(tmp_path_factory) -> Deployment:
    """The seed and every invented report (all families and formats)."""
    return deploy(indexed_corpus(tmp_path_factory.mktemp("every"), ALL_FIXTURES))


@pytest.fixture(scope="session")
def markup(tmp_path_factory) -> Deployment:
    """The seed and an invented report full of markup and script (in its text,
    headings, footnotes, areas for improvement and sidecar metadata)."""
    return deploy(indexed_corpus(tmp_path_factory.mktemp("markup"), [MARKUP_FIXTURE], secret_key="markup-secret"))


@pytest.fixture(scope="session")
def markup_settings(markup) -> Settings:
    return markup.settings


@pytest.fixture(scope="session")
def markup_store(markup):
    return markup.store


@pytest.fixture(scope="session")
def markup_app(markup):
    return markup.app
