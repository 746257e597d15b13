"""Meaning, stored once: every passage's vector is computed when it is
indexed and read back with it, so a question embeds only itself. What is
stored must rank passages as computing them afresh would, and a question
must find passages by meaning when they share no word with it."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from search_service import semantic
from search_service.answer import answer_question


def test_every_indexed_passage_carries_its_vector(store):
    for r in store.reports():
        for p in store.passages(r.id):
            assert p.vector, p.id
            v = semantic.decode(p.vector)
            assert v.shape == (256,) and np.isfinite(v).all()


def test_stored_vectors_rank_as_fresh_ones(store):
    """Half precision on disk changes no ranking: the order by meaning of the
    seed's passages for a question is the one fresh float32 vectors give."""
    passages = [p for r in store.reports() for p in store.passages(r.id)]
    fresh = [replace(p, vector=None) for p in passages]
    stored, computed = semantic.passage_vectors(passages), semantic.passage_vectors(fresh)
    assert np.abs(stored - computed).max() < 2e-3
    for q in ("children who go missing from home", "how does the force use its money", "staff wellbeing"):
        ranked = [p.id for p, _ in semantic.fuse(q, passages, {})][:10]
        assert ranked == [p.id for p, _ in semantic.fuse(q, fresh, {})][:10]


def test_a_passage_vector_is_not_part_of_any_output(client):
    rid = client.get("/api/reports").get_json()["reports"][0]["id"]
    body = client.get(f"/api/reports/{rid}").get_json()
    assert body["passages"] and all("vector" not in p for p in body["passages"])


def test_a_question_embeds_itself_not_its_passages(store, monkeypatch):
    """The passages a question re-ranks come with their vectors: the model
    is asked for the question's vector (and its candidate sentences'), never
    for a passage's."""
    model = semantic._load()
    asked = []
    real = model.embed

    def spy(texts, **kw):
        asked.extend(texts)
        return real(texts, **kw)
    monkeypatch.setattr(model, "embed", spy)
    passages = {semantic._passage_text(p) for r in store.reports() for p in store.passages(r.id)}
    a = answer_question(store, "Are children who run away from home kept safe?")
    assert a.result.hits and asked
    assert not passages & set(asked)

