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
