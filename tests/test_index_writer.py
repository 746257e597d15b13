"""The index writer's fast paths (ranking.py: ``_index_terms_as_lists``,
``_lengths_read_once``; posting_pool.py) write what Whoosh's own code
would: value for value on every passage of the seed report and the fixture
reports, for every analysed field of the schema, and file for file for the
index of them all."""
from __future__ import annotations

import pytest
from whoosh import writing
from whoosh.codec.base import FieldWriter
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.formats import Frequency, Positions

from search_service import posting_pool, ranking, segment_arrays
from search_service.analysis import FIELD_BREAK, _terms, word_pairs
from search_service.index import make_schema
from search_service.indexer import Indexer, passage_doc, read
from tests.conftest import FIXTURES, REPO


def _whoosh_word_values(fmt, value, analyzer):
    """The format's values as Whoosh 2.7.4 computes them, token by token."""
    return list(type(fmt).word_values.whoosh(fmt, value, analyzer, mode="index"))


def _reports():
    paths = sorted((REPO / "corpus").glob("*.txt")) + sorted(
        p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    return [read(p) for p in paths]


@pytest.fixture(scope="module")
def docs():
    return [passage_doc(p, item.report) for item in _reports() for p in item.passages]


def test_the_formats_are_patched():
    assert Positions.word_values.takes_lists and Frequency.word_values.takes_lists


@pytest.mark.parametrize("fieldname", ["text", "heading", "title", "force", "pairs"])
def test_each_field_gets_the_values_whoosh_would_write(docs, fieldname):
    schema = make_schema()
    field = schema[fieldname]
    checked = 0
    for doc in docs:
        value = doc.get(fieldname)
        if not value:
            continue
        fast = [repr(v) for v in field.index(value)]  # repr: a weight of 2 is not 2.0
        slow = [repr((w.encode("utf-8"), f, wt, v)) for w, f, wt, v in
                _whoosh_word_values(field.format, value, field.analyzer)]
        assert sorted(fast) == sorted(slow), (fieldname, doc["id"])
        checked += 1
    assert checked > 300  # the seed and the fixtures, passage by passage


def test_pairs_are_the_neighbouring_query_terms_of_each_part(docs):
    """The pairs come from the text's one pass, as they did from a second
    analysis of it in query mode (no joined compounds, no pair across the
    heading | text break)."""
    analyzer = make_schema()["pairs"].analyzer
    for doc in docs[:200]:
        expected = [pair for part in doc["pairs"].split(FIELD_BREAK)
                    for pair in word_pairs([t for t, *_ in _terms(part, False)])]
        assert [pair for pair, _ in analyzer.index_terms(doc["pairs"])] == expected


def test_compounds_index_the_joined_form_but_pair_the_parts():
    text = "Anti-social behaviour and year-on-year falls in in-house checks"
    analyzer = make_schema()["text"].analyzer
    indexed = [t for t, _ in analyzer.index_terms(text)]
    assert "antisoci" in indexed and "anti" in indexed and "social" in indexed
    pairs = [p for p, _ in make_schema()["pairs"].analyzer.index_terms(text)]
    assert "anti social" in pairs and not any("antisoci" in p for p in pairs)
    assert [(t, p) for t, p, *_ in _terms(text, True)] == list(analyzer.index_terms(text))


def test_lengths_read_once_answer_as_the_column_does(tmp_path):
    """Each posting is written with its document's field length; the column
    read whole gives the same length as Whoosh's reader, document by
    document, for every scored field and for a field with no lengths."""
    from search_service.index import IndexStore

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for src in [REPO / "corpus" / "peel-effectiveness-2015-west-midlands.txt",
                FIXTURES / "peel-2016-northshire.txt"]:
        (corpus / src.name).write_bytes(src.read_bytes())
        sidecar = src.with_name(src.stem + ".meta.json")
        if sidecar.exists():
            (corpus / sidecar.name).write_bytes(sidecar.read_bytes())
    store = IndexStore(tmp_path / "index", corpus)
    Indexer(store).sync(rebuild=True)
    ix = store.open()
    (segment,) = ix._segments()
    perdoc = W3PerDocReader(ix.storage, segment)
    loaded = ranking._LoadedLengths(W3PerDocReader(ix.storage, segment))
    assert segment.doc_count_all() > 100
    for fieldname in ("text", "heading", "pairs", "title", "force", "report"):
        for docnum in range(segment.doc_count_all()):
            assert loaded.doc_field_length(docnum, fieldname) == perdoc.doc_field_length(docnum, fieldname)


QUERIES = ["organised crime groups", "missing children", '"domestic abuse"', "vetting", "fire safety audits",
           "neighbourhood policing teams", "anti-social behaviour", "stop and search", "victims of crime",
           "call handling 999", '"code of ethics"', "counter-corruption unit", "force:Northshire year:2016 crime"]


def _segment_bytes(store) -> dict[str, bytes]:
    """The files of the index's one segment by kind (".pst", "._text_len.col",
    "postings.bin", ...; segment ids are random), stored fields aside (they
    hold the indexing time)."""
    out = {}
    for path in sorted(store.current_path().iterdir()):
        if path.name.startswith("MAIN_") and "." in path.name:
            kind = path.name[path.name.index("."):]
        elif path.name.startswith("np-") and path.suffix == ".bin":
            kind = path.name.rsplit("-", 1)[-1]
            if kind == "docs.bin":  # its pickled stored fields aside, as Whoosh's (test_segment_arrays reads them)
                segid = path.name[len("np-"):].split("-", 1)[0]
                arrays, _ = segment_arrays.read(path.parent, segid, "docs")
                out[kind] = b"".join(name.encode() + a.tobytes() for name, a in sorted(arrays.items())
                                     if not name.startswith("stored."))
                continue
        else:
            continue
        if kind != "._stored.col":
            assert kind not in out  # one segment
            out[kind] = path.read_bytes()
    return out


def _top10(store) -> list:
    from search_service.search import search

    return [[(h.passage.id, h.score) for h in search(store, q).hits] for q in QUERIES]


def _build(root, whoosh_paths: bool = False, writer_mb: int | None = None):
    """The seed and the fixture reports indexed into ``root``: with the fast
    paths, or with Whoosh's own code (``whoosh_paths``)."""
    from conftest import MULTI_FIXTURES, indexed_corpus
    from search_service import indexer
    from search_service.index import IndexStore

    with pytest.MonkeyPatch.context() as m:
        if whoosh_paths:
            m.setattr(Positions, "word_values", Positions.word_values.whoosh)
            m.setattr(Frequency, "word_values", Frequency.word_values.whoosh)
            m.setattr(FieldWriter, "add_postings", FieldWriter.add_postings.whoosh)
            m.setattr(writing, "PostingPool", posting_pool.ArrayPool.whoosh)
        if writer_mb:
            m.setattr(indexer, "WRITER_MB", writer_mb)
        settings = indexed_corpus(root, MULTI_FIXTURES)
    return IndexStore(settings.index_dir, settings.corpus_dir)


@pytest.fixture(scope="module")
def whoosh_built(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("whoosh"), whoosh_paths=True)


@pytest.mark.parametrize("writer_mb", [None, 1], ids=["in memory", "spilled to runs"])
def test_an_index_written_either_way_is_the_same(tmp_path, whoosh_built, writer_mb, monkeypatch):
    """The fixture corpus indexed with Whoosh's own code and with the fast
    paths (postings held in memory, or beyond a 1 MB limit written to runs
    and merged): the same bytes in the postings, terms and lengths, the same
    scorer arrays, the same top ten with the same scores."""
    spilled = []
    save = posting_pool.ArrayPool.save
    monkeypatch.setattr(posting_pool.ArrayPool, "save", lambda self: spilled.append(1) or save(self))
    fast = _build(tmp_path, writer_mb=writer_mb)
    assert bool(spilled) == bool(writer_mb)
    written = _segment_bytes(fast)
    assert {".pst", ".trm", "._text_len.col", "._pairs_len.col", "postings.bin", "docs.bin"} <= set(written)
    assert written == _segment_bytes(whoosh_built)
    results = _top10(fast)
    assert sum(len(r) for r in results) > 50
    assert results == _top10(whoosh_built)
