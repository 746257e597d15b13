"""Arrays written with each segment (segment_arrays.py, ranking's writer
hooks): what a server memory-maps instead of computing must be exactly what
Whoosh's segment holds, after builds, adds, merges and deletions; files of
merged-away segments go; a missing or half-written file falls back to
Whoosh, with the same results."""
from __future__ import annotations

import random
import shutil

import numpy as np
import pytest
from whoosh.index import TOC

from conftest import FIXTURES, commit_by_commit
from search_service import ranking, segment_arrays
from search_service.index import IndexStore
from search_service.search import search

QUERIES = ["organised crime groups", "missing children", '"domestic abuse"', "vetting", "fire safety audits",
           "neighbourhood policing teams", "Kettlebridge"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return commit_by_commit(tmp_path_factory.mktemp("arrays"))


def _whoosh_postings(r, fieldname, btext):
    """(ids, weights) of the live documents, straight from Whoosh's matcher."""
    m = r.postings(fieldname, btext)
    ids, ws = [], []
    while m.is_active():
        ids.append(m.id())
        ws.append(m.weight())
        m.next()
    return np.array(ids, dtype=np.int32), np.array(ws, dtype=np.float32)


def test_every_segment_has_its_arrays_and_no_other_files_remain(store):
    with store.searcher() as s:
        readers = [r for r, _ in s.reader().leaf_readers()]
    live = {r.segment().segment_id() for r in readers}
    assert len(readers) >= 2 and any(r.has_deletions() for r in readers)
    on_disk = {p.name[len(segment_arrays.PREFIX):].split("-", 1)[0]
               for p in store.current_path().glob(segment_arrays.PREFIX + "*")}
    # merged-away segments' files go with the last commit naming them, which
    # is kept a while for readers elsewhere (indexer.clean_files)
    storage = store.open().storage
    kept = {seg.segment_id() for toc in store.current_path().glob("_MAIN_*.toc")
            for seg in TOC.read(storage, "MAIN", int(toc.stem.rsplit("_", 1)[1])).segments}
    assert live <= kept and on_disk == kept
    for r in readers:
        assert ranking._segment_files(r, "postings") is not None
        assert ranking._segment_files(r, "docs") is not None


def test_written_postings_are_whooshs_postings(store):
    checked = 0
    with store.searcher() as s:
        for r, _ in s.reader().leaf_readers():
            files = ranking._segment_files(r, "postings")
            dead = set(r._perdoc.deleted_docs()) if r.has_deletions() else set()
            for fieldname in ranking.SCORED_FIELDS:
                for btext, _ in r.iter_field(fieldname):
                    ids, ws = files.get(fieldname, btext)
                    live = np.array([i not in dead for i in ids], dtype=bool)
                    want_ids, want_ws = _whoosh_postings(r, fieldname, btext)
                    assert np.array_equal(ids[live], want_ids), (fieldname, btext)
                    assert np.allclose(ws[live], want_ws), (fieldname, btext)
                    checked += 1
            assert files.get("text", b"no-such-term-anywhere")[0].size == 0
    assert checked > 5000


def test_written_lengths_and_codes_are_whooshs(store):
    with store.searcher() as s:
        for r, _ in s.reader().leaf_readers():
            for fieldname in ranking.SCORED_FIELDS:
                assert np.array_equal(ranking._segment_array(r, fieldname, "length"),
                                      ranking._computed_array(r, fieldname, "length"))
            for fieldname in ranking.CODED_FIELDS:
                assert np.array_equal(ranking._segment_array(r, fieldname, "codes"),
                                      ranking._computed_array(r, fieldname, "codes")), fieldname


def test_texts_read_from_the_arrays_are_the_stored_texts(store):
    """Proximity checks read candidates' texts from the arrays instead of
    unpickling their stored fields: every document, in every segment
    (merged ones included), must read back exactly."""
    with store.searcher() as s:
        snap = store.snapshot(s)
        reader = s.reader()
        docs = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
        got = snap.texts(s, docs)
        want = [s.stored_fields(d).get("text", "") for d in docs]
    assert len(docs) > 100 and sum(1 for t in want if t) > 100
    assert got == want
    assert any(not t.isascii() for t in want), "the fixtures hold curly quotes and dashes: UTF-8, not bytes"


def test_stored_fields_read_from_the_arrays_are_whooshs(store):
    """Hits are made from the stored fields written with each segment, not
    from Whoosh's compressed ones: every document (report documents,
    passages with vectors, merged segments, deleted documents) reads back
    field for field."""
    with store.searcher() as s:
        snap = store.snapshot(s)
        docs = range(s.reader().doc_count_all())
        got = [snap.stored(s, d) for d in docs]
        want = [s.stored_fields(d) for d in docs]
    assert got == want
    assert any("meta" in f for f in want) and sum(1 for f in want if f.get("vectors")) > 100


def test_words_read_from_the_arrays_split_the_text_as_the_analyzer_does(store):
    """Snippet marks and proximity checks take a passage's words from those
    written with it: for every document, the words (and where each starts)
    that the analyzer's pattern finds in the stored text, curly quotes and
    numbers included."""
    from search_service.analysis import _WORD_RE
    checked = 0
    with store.searcher() as s:
        snap = store.snapshot(s)
        for d in range(s.reader().doc_count_all()):
            text = s.stored_fields(d).get("text") or ""
            starts, words = snap.words(s, d)
            assert words == _WORD_RE.findall(text), d
            assert [text[a:a + len(w)] for a, w in zip(starts, words)] == words, d
            checked += bool(text)
    assert checked > 100


def test_words_of_a_text_longer_than_two_byte_offsets_read_back(tmp_path):
    """Offsets take two bytes where every text of a segment is short
    enough, four where one is not (a 70,000-character passage)."""
    from search_service.analysis import split_words
    short, long_ = "Officers’ 66,629 calls were answered.", "word " * 14_000 + "the last one"
    for texts, wide in (([short, ""], False), ([short, long_, ""], True)):
        stored = [ranking._stored_bytes(d, {"id": f"p{d}", "text": t} if t else {"id": f"r{d}"})
                  for d, t in enumerate(texts)]
        segment_arrays.write(tmp_path, f"s{len(texts)}", "docs", ranking._stored_arrays(stored, len(texts)))
        arrays, _ = segment_arrays.read(tmp_path, f"s{len(texts)}", "docs")
        assert ("offsets.uint32" in arrays) == wide and ("offsets.uint16" in arrays) != wide
        for d, t in enumerate(texts):
            assert ranking._words_at(arrays, d) == split_words(t)


def test_positions_written_with_the_segments_are_whooshs(store):
    """The proximity bonus reads a term's positions in a candidate from the
    arrays written with its segment (new segments and merged ones alike):
    they are the positions Whoosh's postings hold, and none for a term the
    passage lacks."""
    from search_service.analysis import analysed
    rng = random.Random(11)
    with store.searcher() as s:
        reader, snap = s.reader(), store.snapshot(s)
        live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
        docs = sorted(rng.sample(live, 80))
        checked = 0
        for term in sorted({t for d in docs[:20] for t, *_ in analysed(s.stored_fields(d).get("text") or "")}):
            got = snap.positions(s, "text", term, docs)
            post = reader.postings("text", term)
            for d, at in zip(docs, got):
                if post.is_active():
                    post.skip_to(d)
                expected = list(post.value_as("positions")) if post.is_active() and post.id() == d else []
                assert at == expected, (d, term)
                checked += bool(at)
        assert checked > 200
        assert snap.positions(s, "text", "xylophonist", docs) == [[] for _ in docs]


def test_positions_beyond_two_bytes_read_back(tmp_path):
    """Positions take two bytes where all of a segment's are below 65,536,
    four where one is not; either way each posting's read back, and a
    document without the term has none."""
    for far in (900, 70_000):
        at, ends = [], []
        for poslist in ([3], [5, 100, far], [0, 1]):
            at += poslist
            ends.append(len(at))
        keys, starts = [segment_arrays.term_key(b"patrol")], [0]
        arrays, extra = segment_arrays.postings_arrays({"text": (keys, starts, [0, 2, 5], [1.0, 3.0, 2.0])},
                                                       {"text": (at, ends)})
        segment_arrays.write(tmp_path, f"s{far}", "postings", arrays, extra)
        got = segment_arrays.Postings(*segment_arrays.read(tmp_path, f"s{far}", "postings"))
        assert got.positions("text", b"patrol", [0, 1, 2, 5]) == [[3], [], [5, 100, far], [0, 1]]
        assert got.positions("text", b"absent", [0, 2]) == [[], []]
        assert (arrays["text.positions"].dtype == np.uint16) == (far < 2**16)


def test_reports_kept_per_segment_are_those_of_a_fresh_read(store, tmp_path, monkeypatch):
    """Report metadata is read once per segment and kept while the segment
    lives, so an added report costs a new state only its own segment: the
    reports seen must be exactly those a new process reads, after adds,
    merges, deletions and a replaced file; and a state that only adds a
    segment parses no report of the old ones."""
    from search_service import index as index_mod
    from search_service.indexer import Indexer
    from search_service.model import Report

    root = tmp_path / "copy"
    shutil.copytree(store.index_dir, root / "index")
    shutil.copytree(store.corpus_dir, root / "corpus")
    st = IndexStore(root / "index", root / "corpus")

    def same_as_fresh():
        fresh = IndexStore(st.index_dir, st.corpus_dir)
        assert [r.to_dict() for r in st.reports()] == [r.to_dict() for r in fresh.reports()]

    same_as_fresh()
    server = IndexStore(st.index_dir, st.corpus_dir)  # a running server, apart from the writer
    server.reports()
    shutil.copy(FIXTURES / "peel-2016-eastmoor.txt", st.corpus_dir)  # deleted when the fixture was built
    Indexer(st).sync()
    parsed = []
    real = Report.from_dict.__func__
    monkeypatch.setattr(index_mod.Report, "from_dict", classmethod(lambda cls, d: parsed.append(d["id"]) or real(cls, d)))
    assert "peel-2016-eastmoor" in {r.id for r in server.reports()}
    assert "peel-2016-eastmoor" in parsed and len(parsed) < len(server.reports()), parsed  # not every report again
    monkeypatch.undo()
    same_as_fresh()
    (st.corpus_dir / "peel-2017-northshire.txt").unlink()
    Indexer(st).sync()
    same_as_fresh()
    assert "peel-2017-northshire" not in {r.id for r in st.reports()}


@pytest.mark.parametrize("q", QUERIES + ["crime OR vetting", "heading:crime", "children -missing", "fire*"])
def test_what_each_unit_of_a_query_matches_is_what_whoosh_matches(store, q):
    """A unit's mask (search._matching: a word's postings marked in one
    mask, deleted documents left out) holds the live documents Whoosh's own
    matcher finds for the unit's query, over segments with deletions."""
    from search_service.query import parse_cached
    from search_service.search import _matching

    with store.searcher() as s:
        snap = store.snapshot(s)
        assert any(r.has_deletions() for r, _ in s.reader().leaf_readers())
        parsed = parse_cached(s.schema, q, store.glossary())
        assert parsed.units, q
        matched = 0
        for unit in parsed.units:
            want = sorted(d for d in s.docs_for_query(unit.query) if snap.live[d])
            got = np.flatnonzero(_matching(snap, s, unit.query)).tolist()
            assert got == want, (q, unit.label)
            matched += len(want)
        assert matched, q


def test_an_index_without_the_arrays_gives_the_same_results(store, tmp_path):
    """An index written before the arrays existed (or whose files were lost)
    is read through Whoosh as before."""
    copy = tmp_path / "index"
    shutil.copytree(store.index_dir, copy)
    for p in copy.glob("gen-*/" + segment_arrays.PREFIX + "*"):
        p.unlink()
    bare = IndexStore(copy, store.corpus_dir)
    for q in QUERIES:
        a, b = search(store, q), search(bare, q)
        assert a.total == b.total, q
        assert [(h.passage.id, round(h.score, 4)) for h in a.hits] == \
               [(h.passage.id, round(h.score, 4)) for h in b.hits], q


def test_a_half_written_file_is_ignored(tmp_path):
    ids = np.arange(10, dtype=np.int32)
    segment_arrays.write(tmp_path, "MAIN_x", "docs", {"a": ids, "b": ids.astype(np.float32)}, {"k": 1})
    arrays, extra = segment_arrays.read(tmp_path, "MAIN_x", "docs")
    assert np.array_equal(arrays["a"], ids) and extra == {"k": 1}
    data = tmp_path / "np-MAIN_x-docs.bin"
    data.write_bytes(data.read_bytes()[:40])  # cut short (a crash, a full disk)
    assert segment_arrays.read(tmp_path, "MAIN_x", "docs") is None
    (tmp_path / "np-MAIN_x-docs.json").unlink()
    assert segment_arrays.read(tmp_path, "MAIN_x", "docs") is None


def test_idf_counted_from_the_postings_is_whooshs(store):
    """``ranking.score`` counts a term's documents from its postings (deleted
    ones included, as Whoosh does) instead of looking the term up in every
    segment: the idf must be Whoosh's own, over segments with deletions."""
    import math
    with store.searcher() as s:
        snap, reader = store.snapshot(s), s.reader()
        assert any(r.has_deletions() for r, _ in reader.leaf_readers())
        checked = 0
        for fieldname in ranking.SCORED_FIELDS:
            for btext, _ in list(reader.iter_field(fieldname))[::7]:
                text = btext.decode("utf-8")
                parts = snap.postings(reader, fieldname, text)
                counted = math.log(snap.n / (sum(len(ids) for ids, _ in parts) + 1)) + 1
                assert counted == pytest.approx(s.idf(fieldname, text), rel=1e-12), (fieldname, text)
                checked += 1
    assert checked > 500


def test_a_request_reads_the_derived_data_of_the_generation_it_searches(tmp_path):
    """The glossary, vocabulary and sentence model a request uses are those
    of the generation its searcher reads, not of whatever ``CURRENT`` names
    a moment later: a rebuild that swaps in a new generation mid-request
    does not mix the two (the next request sees the new one)."""
    from conftest import SEED_CORPUS
    from search_service.indexer import Indexer

    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    reader = IndexStore(tmp_path / "index", corpus)
    Indexer(reader).sync()
    assert "RCCH" not in reader.glossary()
    with reader.searcher():
        before = reader.glossary()
        shutil.copy(FIXTURES / "thematic-2025-rural-crime.txt", corpus)
        Indexer(IndexStore(tmp_path / "index", corpus)).sync(rebuild=True)  # another process, say
        assert reader.glossary() is before  # the generation this request reads
        assert "RCCH" not in reader.glossary() and "rcch" not in reader.speller().counts
    assert "RCCH" in reader.glossary()  # the next request: the new generation
    assert "rcch" in reader.speller().counts
