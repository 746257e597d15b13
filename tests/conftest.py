"""Shared fixtures: an index built once per test session from the repo's corpus."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from search_service.config import Settings

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ID = "peel-effectiveness-2015-west-midlands"


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory) -> Settings:
    """A private copy of the seed corpus and an index built from it."""
    root = tmp_path_factory.mktemp("seed")
    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=root / "index", admin_token="test-token")
    from search_service.index import IndexStore

    IndexStore(settings.index_dir, settings.corpus_dir).sync(rebuild=True)
    return settings


@pytest.fixture(scope="session")
def store(seed_settings):
    from search_service.index import IndexStore

    return IndexStore(seed_settings.index_dir, seed_settings.corpus_dir)


@pytest.fixture(scope="session")
def app(seed_settings, store):
    from search_service.web import create_app

    app = create_app(seed_settings, store=store)
    app.config.update(TESTING=False)  # production error handling: no debug pages
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


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


@pytest.fixture(scope="session")
def multi_settings(tmp_path_factory) -> Settings:
    """The seed and the invented fixture reports in one corpus, indexed once."""
    root = tmp_path_factory.mktemp("multi")
    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    for name in MULTI_FIXTURES:
        src = FIXTURES / name
        shutil.copy(src, corpus)
        sidecar = src.with_name(src.stem + ".meta.json")
        if sidecar.exists():
            shutil.copy(sidecar, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=root / "index", admin_token="test-token")
    from search_service.index import IndexStore

    result = IndexStore(settings.index_dir, settings.corpus_dir).sync(rebuild=True)
    assert not result.failed, result.failed
    return settings


@pytest.fixture(scope="session")
def multi_store(multi_settings):
    from search_service.index import IndexStore

    return IndexStore(multi_settings.index_dir, multi_settings.corpus_dir)


@pytest.fixture(scope="session")
def multi_app(multi_settings, multi_store):
    from search_service.web import create_app

    app = create_app(multi_settings, store=multi_store)
    app.config.update(TESTING=False)
    return app


@pytest.fixture()
def multi_client(multi_app):
    return multi_app.test_client()
