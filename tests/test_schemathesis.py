"""The API against its own OpenAPI description (schemathesis, in-process).

Every operation in /api/openapi.json is called with requests generated from
the spec, both valid ones (positive) and ones that break it (negative), and
each response must: not be a 5xx, have a status code the spec lists for the
operation, have a content type the spec lists for that status, and have a
body matching the spec's schema (so every error is the documented Error
shape). The admin writes (POST/DELETE /api/reports) run with the bearer token
and without it; they change a throwaway copy of the corpus made for this
module, never the session's seed index.

The normal suite runs a few dozen derandomized cases per operation and mode;
``make fuzz`` (HYPOTHESIS_PROFILE=fuzz) runs 1,000 random ones each.
"""
from __future__ import annotations

import os
import shutil

import pytest
import schemathesis
from hypothesis import given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from conftest import deploy, FIXTURES, MARKUP_FIXTURE, SEED_CORPUS
from search_service.config import Settings
from search_service.web.openapi import spec

TOKEN = "schemathesis-token"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EXAMPLES = 1000 if FUZZ else 25

OPERATIONS = [(path, method.upper()) for path, item in spec()["paths"].items() for method in item]
WRITES = {("/api/reports", "POST"), ("/api/reports/{id}", "DELETE")}
PARAMETERLESS = {(p, m) for p, m in OPERATIONS
                 if not spec()["paths"][p][m.lower()].get("parameters") and (p, m) not in WRITES}


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    """A throwaway corpus (seed + the markup fixture) and its own app: uploads
    and deletes made by the fuzzer land here."""
    root = tmp_path_factory.mktemp("schemathesis")
    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    src = FIXTURES / MARKUP_FIXTURE
    shutil.copy(src, corpus)
    shutil.copy(src.with_name(src.stem + ".meta.json"), corpus)
    app = deploy(Settings(corpus_dir=corpus, index_dir=root / "index", admin_token=TOKEN, secret_key="st")).app
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", app), root, app
    # whatever the fuzzer did, it stayed inside the throwaway root
    assert not [p for p in root.rglob("*") if p.is_symlink()]


def _cases():
    for path, method in OPERATIONS:
        for mode in ("positive", "negative"):
            if mode == "negative" and (path, method) in PARAMETERLESS:
                continue  # nothing to get wrong
            if (path, method) in WRITES:
                yield pytest.param(path, method, mode, True, id=f"{method} {path} {mode} with token")
                yield pytest.param(path, method, mode, False, id=f"{method} {path} {mode} without token")
            else:
                yield pytest.param(path, method, mode, None, id=f"{method} {path} {mode}")


@pytest.mark.parametrize("path, method, mode, token", list(_cases()))
def test_api_conforms_to_its_openapi_spec(count_case, api, path, method, mode, token):
    schema, _, app = api
    app.extensions["search_service"]["limiter"].reset()  # each operation starts with a fresh budget of failed tokens
    operation = schema[path][method]
    headers = {"Authorization": f"Bearer {TOKEN}"} if token else {}
    statuses = set()

    @settings(max_examples=EXAMPLES if (path, method) not in PARAMETERLESS else 1)
    @given(case=operation.as_strategy(schemathesis.GenerationMode(mode)))
    def run(case):
        count_case()
        if token is False:
            case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
        response = case.call_and_validate(checks=CHECKS, headers=headers)
        statuses.add(response.status_code)
        if token is False:  # writes without the token are refused, whatever else is wrong:
            # 401, and 429 once this client has failed five times in a minute
            assert response.status_code in (401, 429), response.status_code
            if response.status_code == 401:
                challenge = {k.lower(): v for k, v in response.headers.items()}["www-authenticate"]
                assert (challenge[0] if isinstance(challenge, list) else challenge).startswith("Bearer")

    run()
    assert statuses
    if token is False:
        assert 401 in statuses
