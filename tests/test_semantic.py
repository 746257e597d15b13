"""Meaning, stored once: every passage's vector is computed when it is
indexed and read back with it, so a question embeds only itself. What is
stored must rank passages as computing them afresh would, and a question
must find passages by meaning when they share no word with it."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from search_service import semantic
from search_service.answer import answer_question


def test_every_indexed_passage_carries_its_vector(store):
    for r in store.reports():
        for p in store.passages(r.id):
            assert p.vector, p.id
            v = semantic.decode(p.vector)
            assert v.shape == (256,) and np.isfinite(v).all()


def test_stored_vectors_rank_as_fresh_ones(store):
    """Half precision on disk (and a part's vector in bytes) changes no
    ranking but between near ties: the seed's passages are as close to a
    question as fresh float32 vectors make them, to a thousandth or two, and
    ordered by meaning as those order them, but for passages closer than that."""
    passages = [p for r in store.reports() for p in store.passages(r.id)]
    fresh = [replace(p, vector=None) for p in passages]
    stored, computed = semantic.passage_vectors(passages), semantic.passage_vectors(fresh)
    assert np.abs(stored - computed).max() < 2e-3
    assert any(len(semantic._decoded([p.vector])[0]) > 1 for p in passages)
    for q in ("children who go missing from home", "how does the force use its money", "staff wellbeing"):
        near, far = semantic.closeness(q, passages), semantic.closeness(q, fresh)
        assert np.abs(near - far).max() < 2e-3
        top = list(np.argsort(-near, kind="stable")[:10])
        for i, x in enumerate(top):
            for y in top[i + 1:]:
                assert far[x] >= far[y] - 4e-3, (passages[x].id, passages[y].id)


def test_a_passage_vector_is_not_part_of_any_output(client):
    rid = client.get("/api/reports").get_json()["reports"][0]["id"]
    body = client.get(f"/api/reports/{rid}").get_json()
    assert body["passages"] and all("vector" not in p for p in body["passages"])


def test_a_question_embeds_itself_not_its_passages(store, monkeypatch):
    """The passages a question re-ranks come with their vectors: only the
    question (and its candidate sentences) is embedded, never a passage."""
    asked = []
    real = semantic._embed

    def spy(texts):
        asked.extend(texts)
        return real(texts)
    monkeypatch.setattr(semantic, "_embed", spy)
    passages = {semantic._passage_text(p) for r in store.reports() for p in store.passages(r.id)}
    a = answer_question(store, "Are children who run away from home kept safe?")
    assert a.result.hits and asked
    assert not passages & set(asked)


ODD_TEXTS = ["", " ", "a  b", "x\n y", "\t", "West  Mids   police ", "ünïcödé — “quotes” 2015/16", "▁odd",
             "Caution – youths: 964 (12 months to 31 March 2015)"]


def test_vectors_are_the_models_own_mean_of_token_vectors(store):
    """Tokenizing word by word (remembered) gives the vectors WordLlama's own
    ``embed`` gives for whole texts: the seed's passages, its sentences and
    texts with runs of spaces, line breaks, other scripts or no word."""
    texts = [semantic._passage_text(p) for r in store.reports() for p in store.passages(r.id)]
    texts += [s for t in texts[:20] for s in t.split(". ")] + ODD_TEXTS
    ours = semantic._embed(texts)
    theirs = np.nan_to_num(semantic._load().embed(texts, norm=True))
    assert np.abs(ours - theirs).max() < 1e-5
    assert not ours[-len(ODD_TEXTS)].any()  # the empty text: zeros, not NaN


def test_forgotten_pieces_are_learned_again(store, monkeypatch):
    """A process remembers a bounded number of pieces; past it, the table
    starts again and the vectors do not change."""
    texts = [semantic._passage_text(p) for r in store.reports() for p in store.passages(r.id)][:40]
    expected = semantic._embed(texts)
    monkeypatch.setattr(semantic, "_pieces", None)
    monkeypatch.setattr(semantic, "PIECES_KEPT", 64)
    got = np.concatenate([semantic._embed(texts[i:i + 3]) for i in range(0, len(texts), 3)])
    every_piece = {w for t in texts for w in semantic.pieces_of(t)}
    assert len(semantic._pieces.rows) < len(every_piece)  # some were forgotten
    assert np.abs(got - expected).max() < 1e-5


def test_a_long_passage_stores_the_vectors_of_its_parts(every):
    """A passage longer than PART_CHARS stores its whole's vector, then one
    for each part (cut where a sentence or line ends); a short one only its
    whole's. Every part is a unit vector, and the parts cover the text."""
    long = short = 0
    for r in every.store.reports():
        for p in every.store.passages(r.id):
            rows, parts = semantic._decoded([p.vector])[0], semantic._parts(p)
            assert len(rows) == 1 + len(parts), p.id
            assert np.allclose(np.linalg.norm(rows, axis=1), 1, atol=2e-3) or not p.text.strip()
            if parts:
                long += 1
                heading = " ".join(p.heading_path)
                said = " ".join(t[len(heading) + 1:] if heading else t for t in parts)
                assert said.split() == p.text.split(), p.id
            else:
                short += 1
    assert long > 100 and short > 100


# Questions in other words than the one sentence of a long passage they ask about (the passage's other sentences
# are about other things): that passage is among the closest five in meaning, of every indexed passage.
ASKED_OF_ONE_SENTENCE = [
    ("How quickly are children interviewed after they come back from going missing?",
     "return interviews are held within 72 hours"),
    ("Does a slow police response put victims off reporting crimes again?",
     "a slow response discouraged them from reporting future crimes"),
    ("What IT improvement did HMIC want to help share information?", "IT solution to assist with information sharing"),
]


@pytest.mark.parametrize("question,said", ASKED_OF_ONE_SENTENCE)
def test_a_passage_is_as_close_as_its_closest_part(every, question, said):
    passages = [p for r in every.store.reports() for p in every.store.passages(r.id)]
    sims = semantic.closeness(question, passages)
    asked = [i for i, p in enumerate(passages) if said in p.text]
    assert asked
    assert min(int((sims > sims[i]).sum()) + 1 for i in asked) <= 5


@pytest.mark.parametrize("question,said", [
    ("How quickly does Brackenshire Police interview children after they come back from going missing?",
     "return interviews are held within 72 hours"),
    ("Does a slow police response put rural victims off reporting crimes again?",
     "a slow response discouraged them from reporting future crimes")])
def test_a_question_about_one_sentence_of_a_long_passage_finds_it_first(every, question, said):
    hits = answer_question(every.store, question, facets=False).result.hits
    assert hits and said in hits[0].passage.text
