"""The numpy ranking path (ranking.py, search's fast path) against Whoosh's
own answers on the same index: same BM25F scores, same matches, same facet
counts, same phrase matches, also after reports are deleted (the live mask)
and across several segments."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from whoosh import sorting
from whoosh.query import And, Or, Term

from conftest import commit_by_commit
from search_service import query, ranking, search
from search_service.analysis import terms

WORDS = ["crime", "missing children", "victims of domestic abuse", "neighbourhood policing teams",
         "organised crime groups", "force", "Kettlebridge", "vetting", "anti-social behaviour"]
PHRASES = ['"organised crime"', '"missing children"', '"domestic abuse"', '"neighbourhood policing"',
           '"anti-social behaviour"', '"protecting vulnerable people"']


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Seed + fixtures, indexed in three commits (three segments), then one
    report deleted: the awkward case for a posting cache."""
    st = commit_by_commit(tmp_path_factory.mktemp("ranking"))
    with st.searcher() as s:
        assert len(list(s.reader().leaf_readers())) > 1, "several segments"
        assert s.reader().has_deletions()
    return st


def whoosh_or(words: str):
    return Or([Term(f, w) for w in terms(words) for f in ("heading", "text")])


@pytest.mark.parametrize("q", WORDS)
def test_scores_are_whooshs_bm25f(store, q):
    with store.searcher() as s:
        snap = store.snapshot(s)
        bag = [(f, w, 1.0) for w in terms(q) for f in ("heading", "text")]
        ours = ranking.score(snap, s, bag)
        theirs = {h.docnum: h.score for h in s.search(whoosh_or(q), limit=None)}
        assert set(np.flatnonzero(ours)) == set(theirs)
        for docnum, score in theirs.items():
            assert ours[docnum] == pytest.approx(score, rel=1e-5)


def test_kept_term_scores_give_whooshs_scores_again_within_their_budget(store):
    """A term's scored postings are kept for the next query of the same
    state; read back (or dropped and worked out again under a budget of a
    few terms) they still give Whoosh's BM25F, and the kept bytes stay
    within the budget."""
    with store.searcher() as s:
        bag = [(f, w, 1.0) for w in terms("victims of domestic abuse crime force") for f in ("heading", "text")]
        theirs = {h.docnum: h.score for h in s.search(whoosh_or("victims of domestic abuse crime force"),
                                                        limit=None)}
        for budget in (ranking.TERM_SCORES_BYTES, 2_000):
            snap = ranking.Snapshot.build(s.reader())
            snap._term_scores = ranking._PostingCache(budget)
            first, again = ranking.score(snap, s, bag), ranking.score(snap, s, bag)
            assert np.array_equal(first, again)
            assert set(np.flatnonzero(again)) == set(theirs)
            for docnum, score in theirs.items():
                assert again[docnum] == pytest.approx(score, rel=1e-5)
            kept = snap._term_scores
            assert (len(kept._d) < len(bag)) == (budget < ranking.TERM_SCORES_BYTES)  # the small one dropped some
            assert kept.used <= budget or len(kept._d) == 1
            assert kept.used == sum(a.nbytes + b.nbytes for a, b in kept._d.values())


@pytest.mark.parametrize("q", WORDS + PHRASES)
def test_totals_and_facets_match_whoosh(store, q):
    """Every word is required: the masks numpy builds for the query's units
    (query.Unit, acronym forms included) match what Whoosh's own matchers
    find for the same units joined with AND."""
    result = search.search(store, q, per_page=5)
    assert not result.relaxed
    with store.searcher() as s:
        parsed = query.parse(s.schema, q, store.glossary())
        assert parsed.bag is not None, "plain words and phrases take the fast path"
        units = [u.query for u in parsed.units]
        assert len(units) >= 1
        facets = sorting.Facets()
        facets.add_field("force_exact", maptype=sorting.Count)
        facets.add_field("kind", maptype=sorting.Count)
        res = s.search(And(units) if len(units) > 1 else units[0], limit=None, filter=Term("doctype", "passage"),
                       groupedby=facets)
        assert result.total == len(res)
        assert result.facets["force"] == {k: v for k, v in res.groups("force_exact").items() if k}
        assert result.facets["kind"] == {k: v for k, v in res.groups("kind").items() if k}
        if len(terms(q)) > 1 and not q.startswith('"'):  # fewer than with any word
            assert result.total < len(s.search(whoosh_or(q), limit=None, filter=Term("doctype", "passage")))


@pytest.mark.parametrize("q", PHRASES)
def test_phrase_hits_contain_the_phrase(store, q):
    words = terms(q.strip('"'))
    result = search.search(store, q, per_page=100)
    assert result.hits
    for hit in result.hits:
        parts = [terms(hit.passage.text)] + [terms(h) for h in hit.passage.heading_path]
        found = any(seq[i:i + len(words)] == words for seq in parts for i in range(len(seq)))
        assert found, (q, hit.passage.id)


def test_filters_match_whoosh(store):
    result = search.search(store, "crime", filters={"force": "Northshire Constabulary", "year": "2016"})
    with store.searcher() as s:
        res = s.search(whoosh_or("crime"), limit=None,
                       filter=And([Term("doctype", "passage"), Term("force_exact", "Northshire Constabulary"),
                                   Term("year", 2016)]))
        assert result.total == len(res) > 0
        assert [h.passage.id for h in result.hits][:1] == [res[0]["id"]] or result.hits[0].score >= res[0].score - 1e-3


def test_random_word_sets_rank_like_whoosh_before_the_proximity_bonus(store):
    rng = random.Random(7)
    vocab = ["force", "crime", "victims", "partners", "officers", "missing", "children", "abuse", "risk",
             "training", "neighbourhood", "offenders", "investigation", "public", "vulnerable", "gangs"]
    with store.searcher() as s:
        snap = store.snapshot(s)
        for _ in range(20):
            q = " ".join(rng.sample(vocab, rng.randint(1, 4)))
            bag = [(f, w, 1.0) for w in terms(q) for f in ("heading", "text")]
            ours, total = ranking.top(ranking.score(snap, s, bag), snap.live, 10)
            res = s.search(whoosh_or(q), limit=10)
            assert total == res.scored_length() or total == len(s.search(whoosh_or(q), limit=None))
            assert [round(h.score, 3) for h in res] == [round(float(x), 3) for x in
                                                       ranking.score(snap, s, bag)[ours]]


def test_the_best_k_break_ties_by_document_order_as_whoosh_does():
    """Equal scores are common where passages repeat (a standard paragraph
    in every report of a family): the page must not change from one
    request to the next, so the k-th place goes to the earlier document."""
    rng = np.random.default_rng(3)
    for _ in range(500):
        n, k = int(rng.integers(1, 200)), int(rng.integers(0, 30))
        scores = (np.round(rng.random(n) * 3) * (rng.random(n) < 0.7)).astype(np.float32)  # many ties
        allowed = rng.random(n) < 0.8
        best, total = ranking.top(scores, allowed, k)
        scored = [d for d in range(n) if scores[d] > 0 and allowed[d]]
        assert total == len(scored)
        assert list(best) == sorted(scored, key=lambda d: (-scores[d], d))[:k]


def test_the_best_k_of_many_matches_are_those_of_a_full_sort():
    """Past TOP_SAMPLED matches only documents above a bound from a sample
    are partitioned: the best k (ties by document order) are still exactly
    those of sorting every match, with few distinct scores or many, or a
    few far above the rest (a common word's headings: the first bound keeps
    fewer than k; or the sample's own documents far above the rest), and
    the count of matches is all of them."""
    rng = np.random.default_rng(5)
    for _ in range(20):  # every match allowed, the sampled ones highest: the first bound keeps too few
        n = int(rng.integers(ranking.TOP_SAMPLED, 4 * ranking.TOP_SAMPLED))
        scores = (rng.random(n) + 0.01).astype(np.float32)
        scores[::n // ranking.TOP_SAMPLE] += 10
        for k in (30, 200):
            best, total = ranking.top(scores, np.ones(n, dtype=bool), k)
            assert total == n and np.array_equal(best, np.lexsort((np.arange(n), -scores))[:k])
    for levels in (3, 50, None, "skewed"):
        for _ in range(40):
            n = int(rng.integers(ranking.TOP_SAMPLED, 4 * ranking.TOP_SAMPLED))
            k = int(rng.choice([1, 10, 20, 30, 200, n // 3]))
            raw = rng.random(n) if levels is None else rng.random(n) ** 40 if levels == "skewed" else \
                np.round(rng.random(n) * levels)
            scores = (raw * (rng.random(n) < 0.9)).astype(np.float32)
            allowed = rng.random(n) < 0.95
            best, total = ranking.top(scores, allowed, k)
            scored = np.flatnonzero((scores > 0) & allowed)
            assert total == len(scored)
            expected = scored[np.lexsort((scored, -scores[scored]))][:k]
            assert np.array_equal(best, expected), (levels, n, k)


def test_positions_read_from_text_are_the_indexs_own(store):
    """The proximity bonus and the phrase check read word positions from a
    passage's text rather than from the postings: for any terms of a
    passage, they must be the positions the index holds for them."""
    from search_service.analysis import analysed, positions
    rng = random.Random(7)
    with store.searcher() as s:
        reader = s.reader()
        live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
        checked = 0
        for d in rng.sample(live, 60):
            text = s.stored_fields(d).get("text")
            if not text:
                continue
            words = sorted({t for t, *_ in analysed(text)})
            wanted = set(rng.sample(words, min(4, len(words))))
            got = positions(text, wanted)
            assert positions(text, wanted, store.snapshot(s).words(s, d)) == got  # the words as written
            for term in wanted:
                post = reader.postings("text", term)
                post.skip_to(d)
                assert post.id() == d
                assert got[term] == list(post.value_as("positions")), (d, term)
                checked += 1
        assert checked > 100


def test_marking_only_the_query_terms_finds_what_full_analysis_finds(store):
    """Snippets mark matches by analysing only the words that can yield a
    query term: the spans must be those of analysing the whole text, for
    any terms, compounds ("anti-social" and "antisocial") included."""
    from search_service.analysis import analysed, stems_of, term_spans
    rng = random.Random(11)
    checked = 0
    with store.searcher() as s:
        reader = s.reader()
        live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
        for d in rng.sample(live, 80):
            text = s.stored_fields(d).get("text")
            if not text:
                continue
            every = analysed(text)
            wanted = frozenset(rng.sample(sorted({t for t, *_ in every}), min(3, len(every))))
            assert term_spans(text, wanted) == [(t, a, b) for t, _, a, b in every if t in wanted], d
            # the same from the words' bounds written with the segment
            assert term_spans(text, wanted, store.snapshot(s).words(s, d)) == term_spans(text, wanted), d
            assert stems_of(text) == {t for t, *_ in every}, d  # the set form answers use
            checked += 1
    compound = "Anti-social behaviour and antisocial acts; e-mail."
    assert [text for _, a, b in term_spans(compound, frozenset({"antisoci"})) for text in [compound[a:b]]] == \
        ["Anti-social", "antisocial"]
    assert checked > 50


def test_plain_words_are_read_as_whooshs_parser_reads_them(store):
    """A query of plain words is assembled from each word's remembered
    reading instead of running Whoosh's parser on every query: the query
    and the units it must match are exactly what the parser makes, for
    words of the reports with their punctuation, compounds, possessives,
    numbers and stop words; anything with syntax keeps the parser."""
    rng = random.Random(5)
    with store.searcher() as s:
        texts = [s.stored_fields(d).get("text") or "" for d in range(0, s.reader().doc_count_all(), 7)]
        schema = s.schema
    words = [w for t in texts for w in t.split()]
    queries = [" ".join(rng.sample(words, rng.randint(1, 6))) for _ in range(600)]
    queries += ["anti-social behaviour", "officers' duties", "Eastmoor’s 66,629 calls?", "the of and", "e-mail",
                "crime police crime", "Crime crime", "victims victim"]
    plain = 0
    for q in queries:
        q = query._balance(query._neutralise_unknown_fields(q))
        q, _ = query._restrictions(schema, q)
        fast = query._parse_plain(schema, q) if query._plain(q) else None
        if fast is None:
            continue
        plain += 1
        assert fast[0] == query._parser(schema).parse(q), q
        assert [(u.label, u.query, u.droppable) for u in fast[1]] == \
            [(u.label, u.query, u.droppable) for u in query._units(schema, q)], q
    assert plain > 400
    for syntax in ['"domestic abuse"', "vetting AND fire", "force:x crime", "(a OR b)", "'quoted words'", "crime*"]:
        assert not query._plain(syntax), syntax


def test_simple_words_are_read_without_the_parser_as_the_parser_reads_them(store, monkeypatch):
    """A word of letters and digits is turned into its queries directly
    (the parser costs a millisecond a new word): for every such word of the
    indexed reports, with trailing punctuation and in capitals, the same
    queries and unit as the parser's; operator words and words of several
    terms are left to the parser."""
    from search_service.analysis import _WORD_RE
    with store.searcher() as s:
        words = {w for d in range(s.reader().doc_count_all()) for w in _WORD_RE.findall(s.stored_fields(d).get("text") or "")}
        schema = s.schema
    words |= {w.upper() + "?" for w in sorted(words)[::20]} | {"AND", "not", "Or", "well-led"}
    direct = {w: query._simple_word(schema, w) for w in sorted(words)}
    monkeypatch.setattr(query, "_simple_word", lambda schema, word: None)
    monkeypatch.setattr(query, "_WORD_QUERIES", type(query._WORD_QUERIES)())
    assert sum(1 for v in direct.values() if v is not None) > 2000
    assert direct["AND"] is None and direct["well-led"] is None
    for w, got in direct.items():
        if got is not None:
            assert got == query._word_queries(schema, w), w


def test_positions_are_the_same_when_the_word_tables_are_full(store, monkeypatch):
    """Positions read words from tables that stop growing at KNOWN_WORDS;
    a text with words the full tables lack is read word by word instead,
    with the same positions."""
    from search_service import analysis
    with store.searcher() as s:
        texts = [s.stored_fields(d).get("text") or "" for d in range(0, s.reader().doc_count_all(), 5)]
    rng = random.Random(13)
    cases = []
    for text in texts[:40]:
        words = sorted({t for t, *_ in analysis.analysed(text)})
        if words:
            cases.append((text, frozenset(rng.sample(words, min(3, len(words))))))
    expected = [analysis.positions(text, wanted) for text, wanted in cases]
    monkeypatch.setattr(analysis, "_TAKES", {})
    monkeypatch.setattr(analysis, "_YIELDED_BY", {})
    monkeypatch.setattr(analysis, "KNOWN_WORDS", 10)
    assert [analysis.positions(text, wanted) for text, wanted in cases] == expected
    assert len(analysis._TAKES) <= 10
    assert any(expected)


def test_the_proximity_bonus_from_written_positions_is_the_bonus_from_the_words(store, monkeypatch):
    """Reading positions from the index instead of the candidates' words
    changes no ranking: the same passages in the same order with the same
    scores, for queries of neighbouring and scattered words."""
    rng = random.Random(5)
    with store.searcher() as s:
        texts = [t for t in (s.stored_fields(d).get("text") for d in range(0, s.reader().doc_count_all(), 7)) if t]
    queries = ["organised crime groups", "missing children from home", "neighbourhood policing teams",
               "victims of domestic abuse"]
    for text in rng.sample(texts, 25):
        words = re.findall(r"[a-z]{4,}", text.lower())
        if len(words) > 4:
            i = rng.randrange(len(words) - 3)
            queries += [" ".join(words[i:i + 3]), " ".join(rng.sample(words, 2))]
    fast = [[(h.passage.id, round(h.score, 4)) for h in search.search(store, q, per_page=30, snippets=False, facets=False).hits] for q in queries]
    monkeypatch.setattr(ranking.Snapshot, "positions", lambda self, s, f, t, docs: [None] * len(docs))
    slow = [[(h.passage.id, round(h.score, 4)) for h in search.search(store, q, per_page=30, snippets=False, facets=False).hits] for q in queries]
    assert fast == slow
    assert sum(len(r) > 1 for r in fast) > 20


def test_masks_of_values_are_the_documents_holding_them(store):
    """A filter's mask (one value, a few, many, or values no document has)
    marks exactly the documents whose field holds one of them, as Whoosh's
    own term search finds them."""
    rng = random.Random(3)
    with store.searcher() as s:
        snap, reader = store.snapshot(s), s.reader()
        for fieldname in ("report", "force_exact", "year", "kind"):
            codes, labels = snap.coded(reader, fieldname)
            for k in (1, 2, ranking.FEW_CODES + 1):
                values = rng.sample(labels, min(k, len(labels))) + [1900 if fieldname == "year" else "no such value"]
                expected = np.zeros(snap.n, dtype=bool)
                for v in values:
                    expected[list(s.document_numbers(**{fieldname: v}))] = True
                got = snap.mask(reader, fieldname, values)
                assert np.array_equal(got & snap.live, expected & snap.live), (fieldname, values)


def test_a_reports_passages_are_those_whoosh_finds(store):
    """``passages`` of a report (and of one kind) read from the masks: the
    live passages Whoosh's own search for the report finds, in reading order."""
    with store.searcher() as s:
        for report in store.reports():
            for kind in (None, "table", "text"):
                terms_ = {"report": report.id, **({"kind": kind} if kind else {})}
                ids = {s.stored_fields(d)["id"] for d in s.document_numbers(**terms_)
                       if s.stored_fields(d).get("doctype") == "passage"}
                got = store.passages(report.id, kind)
                assert {p.id for p in got} == ids
                assert [p.order for p in got] == sorted(p.order for p in got)


@pytest.mark.parametrize("bins, by_report", [(None, True), (4, True), (None, False), (4, False)])
def test_facet_counts_read_together_are_whooshs(store, monkeypatch, bins, by_report):
    """Facets counted together (one joint code per document, reports'
    fields from the reports' counts) give Whoosh's grouped counts, also when
    every field is counted alone (a corpus whose joint codes would be too
    many) and when no field is taken to be its report's (passages of a
    report differing in it)."""
    if bins:
        monkeypatch.setattr(ranking, "JOINT_BINS", bins)
    if not by_report:
        monkeypatch.setattr(ranking.Snapshot, "value_of_report", lambda self, reader, fieldname: None)
    fields = ("force_exact", "year", "family", "inspection", "grade", "kind")
    with store.searcher() as s:
        snap = ranking.Snapshot.build(s.reader())  # this state's own caches, nothing kept from other tests
        for q in ("crime", "missing children", "vetting"):
            res = s.search(whoosh_or(q), limit=None, filter=Term("doctype", "passage"),
                           groupedby={f: sorting.FieldFacet(f, maptype=sorting.Count) for f in fields})
            docs = np.array(sorted(h.docnum for h in res), dtype=np.int64)
            ours = ranking.facet_counts_of(snap, s.reader(), docs, fields)
            for f in fields:
                theirs = {str(k): v for k, v in res.groups(f).items() if k not in (None, "")}
                assert {str(k): v for k, v in ours[f].items()} == theirs, (q, f)
                assert list(ours[f].values()) == sorted(ours[f].values(), reverse=True)
