"""Analysis and search over the seed index: what a user types, what they get."""
from __future__ import annotations

import html
import re

import pytest

from search_service.analysis import fold_spelling, terms
from search_service.rules import QueryError
from search_service.search import search
from search_service.web.shapes import hit_json, snippet_html


def top_texts(store, q, n=5, **kw):
    return [h.passage.text for h in search(store, q, per_page=n, **kw).hits]


@pytest.mark.parametrize("british,american", [
    ("organised", "organized"), ("behaviour", "behavior"), ("offence", "offense"),
    ("neighbourhood", "neighborhood"), ("programme", "program"), ("analyse", "analyze"),
    ("prioritisation", "prioritization"), ("centre", "center"), ("judgement", "judgment"),
])
def test_british_and_american_spellings_fold_together(british, american):
    assert terms(british) == terms(american)
    assert fold_spelling("four") == "four" and fold_spelling("resource") == "resource"


@pytest.mark.parametrize("form,base", [("raised", "raise"), ("raising", "raises"), ("noises", "noise"),
                                       ("praised", "praise"), ("realised", "realise")])
def test_a_short_ise_word_meets_its_own_forms(form, base):
    """"The super-complaint raised four concerns" answers "What concerns did it raise?": the British "-ise"
    folding once made "raised" "raized" while "raise", too short to fold, stayed as it was."""
    assert terms(form) == terms(base)


@pytest.mark.parametrize("word,other", [("staffing", "staff"), ("staffed", "staffs"), ("added", "add"),
                                        ("stuffed", "stuff")])
def test_a_word_meets_its_forms_whose_final_consonant_the_stemmer_undoubles(word, other):
    """Snowball takes "staffing" to "staf" but leaves "staff": both are one term."""
    assert terms(word) == terms(other)


@pytest.mark.parametrize("form,base", [("found", "find"), ("held", "holding"), ("took", "takes"), ("kept", "keep"),
                                       ("told", "telling"), ("led", "leads"), ("began", "begin")])
def test_an_irregular_verb_form_meets_its_base_form(form, base):
    assert terms(form) == terms(base)


@pytest.mark.parametrize("pos,form,base,excluded", [("VERB", "found", "find", "met"),
                                                     ("NOUN", "children", "child", "media")])
def test_the_shipped_word_forms_are_lemminflects(pos, form, base, excluded):
    """The tables the analyzer reads (search_service/data/verb_forms.json and
    noun_forms.json, about 600 entries each) are what lemminflect's tables
    give: regenerate them with ``analysis.forms_from_lemminflect`` when
    lemminflect changes."""
    from search_service.analysis import NOUN_FORMS, VERB_FORMS, forms_from_lemminflect

    table = {"VERB": VERB_FORMS, "NOUN": NOUN_FORMS}[pos]
    assert table == forms_from_lemminflect(pos)
    assert len(table) > 500 and table[form] == base and excluded not in table


@pytest.mark.parametrize("plural,singular", [("children", "child"), ("women", "woman"), ("knives", "knife"),
                                             ("men", "man"), ("policemen", "policeman")])
def test_an_irregular_plural_meets_its_singular(plural, singular):
    assert terms(plural) == terms(singular)


@pytest.mark.parametrize("form,base", [("fell", "falls"), ("fallen", "fall"), ("rose", "rising"), ("driven", "drive"),
                                       ("drove", "drives"), ("felt", "feel")])
def test_a_past_form_that_is_a_noun_too_meets_its_verb(form, base):
    """"Recorded crime fell by 6 percent", "driven mostly by violence", "staff
    told us they felt supported": the reports use these as the verb, though
    lemminflect also knows a fell, a rose, a drove and felt, the cloth
    (analysis.PAST_FORMS)."""
    assert terms(form) == terms(base)


@pytest.mark.parametrize("word,verb", [("met", "meet"), ("left", "leave"), ("ground", "grind"),
                                       ("media", "medium"), ("lives", "life")])
def test_a_word_with_another_reading_keeps_its_own_term(word, verb):
    """"The Met" is the Metropolitan Police; "left" and "ground" are also
    words in their own right: neither is folded into a verb. Social
    "media" is not the plural of "medium" (medium risk); "lives" is also a
    verb."""
    assert terms(word) != terms(verb)


@pytest.mark.parametrize("word,other", [("responsible", "response"), ("responsibilities", "responses"),
                                        ("accountable", "accounts"), ("investigators", "investigations")])
def test_a_word_whose_stem_is_an_unrelated_words_keeps_its_own_term(word, other):
    """"Who is responsible for custody?" is not about "response officers"
    (analysis.SENSES); an investigator is no investigation; the words of one
    sense still meet."""
    assert terms(word) != terms(other)
    assert terms("responsible") == terms("responsibility")
    assert terms("investigator") == terms("investigators")


def test_a_search_for_a_missing_child_finds_what_the_report_says_of_missing_children(store):
    child = search(store, "missing child", per_page=50)
    children = search(store, "missing children", per_page=50)
    assert child.total == children.total > 0
    assert any(re.search(r"\bchildren\b", h.passage.text) for h in child.hits[:5])


def test_what_inspectors_found_is_found_by_asking_what_they_find(store):
    found = search(store, "HMIC found", per_page=50)
    find = search(store, "HMIC find", per_page=50)
    assert found.total == find.total > 0
    assert any(re.search(r"\bfound\b", h.passage.text) for h in find.hits)


def test_searching_staffing_finds_passages_about_staff(store):
    """The seed never says "staffing" and says "staff" dozens of times."""
    staffing, staff = search(store, "staffing", per_page=50), search(store, "staff", per_page=50)
    assert staffing.total == staff.total > 10 and not staffing.corrected
    assert re.search(r"\bstaff\b", staffing.hits[0].passage.text, re.I)


def test_an_index_written_by_an_earlier_analyzer_is_rebuilt(tmp_path, monkeypatch):
    """Terms written before a change to the analyzer would not meet the
    query's terms ("staff" against "staf"): such an index is rebuilt."""
    import shutil

    from search_service import analysis
    from search_service.index import IndexStore
    from search_service.indexer import Indexer
    from tests.conftest import FIXTURES

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "custody-2024-wealdmarsh.html", corpus)
    monkeypatch.delattr(analysis.ANALYZER, "version")  # pickled into the schema as an earlier version was
    Indexer(IndexStore(tmp_path / "index", corpus)).sync(rebuild=True)
    monkeypatch.undo()
    store = IndexStore(tmp_path / "index", corpus)
    assert store.outdated()
    Indexer(store).ensure()
    assert not store.outdated()
    assert search(store, "custody staff").total == search(store, "custody staffing").total > 0


def test_question_words_and_common_words_are_not_terms():
    assert terms("How many of the groups were there?") == terms("groups")


@pytest.mark.parametrize("q", ["anti-social", "antisocial", "anti social", '"anti-social behaviour"',
                               "anti-social behavior"])
def test_hyphenated_words_found_with_or_without_hyphen(store, q):
    result = search(store, q)
    assert result.total >= 10
    assert "anti-social" in result.hits[0].passage.text


@pytest.mark.parametrize("q", ["organized crime groups", "neighborhood policing", "offenses"])
def test_american_spelling_finds_british_text(store, q):
    assert search(store, q).total > 0


def test_phrase_query_is_stricter_than_words(store):
    words = search(store, "missing children")
    phrase = search(store, '"missing children"')
    assert 0 < phrase.total < words.total
    assert all("missing children" in h.passage.text.lower() for h in phrase.hits)


def test_boolean_operators(store):
    both = search(store, "khat AND cannabis")
    assert both.total >= 1
    assert all("khat" in h.passage.text.lower() and "cannabis" in h.passage.text.lower() for h in both.hits)
    without = search(store, "khat NOT cannabis")
    assert all("cannabis" not in h.passage.text.lower() for h in without.hits)
    assert search(store, "khat OR thrive").total > both.total


def test_field_queries(store):
    heading = search(store, "heading:digital")
    assert heading.total >= 1
    assert all("digital" in " ".join(h.passage.heading_path).lower() for h in heading.hits)
    assert search(store, "year:2015 IOM").total > 0
    assert search(store, "year:2014 IOM").total == 0
    assert search(store, 'force:"West Midlands" khat').total > 0
    assert search(store, "force:Kent khat").total == 0
    kind = search(store, "kind:footnote IOM")
    assert kind.total >= 1 and all(h.passage.kind == "footnote" for h in kind.hits)


def test_filters_and_facets(store):
    result = search(store, "offenders")
    assert result.facets["force"] == {"West Midlands Police": result.total}
    assert result.facets["year"] == {"2015": result.total}
    assert sum(result.facets["kind"].values()) == result.total
    only_notes = search(store, "offenders", filters={"kind": "footnote"})
    assert 0 < only_notes.total < result.total
    assert search(store, "offenders", filters={"year": "2014"}).total == 0
    with pytest.raises(QueryError):
        search(store, "offenders", filters={"year": "last year"})


def test_natural_language_questions_find_the_answer_passage(store):
    texts = top_texts(store, "How many organised crime groups was the force managing?", n=5)
    assert any("68 organised crime groups (OCGs)" in t for t in texts)
    texts = top_texts(store, "How often do OCG lead officers meet?", n=3)
    assert any("every six weeks" in t for t in texts)


def test_snippets_mark_matches_and_offsets_point_at_them(store):
    result = search(store, "organised crime groups")
    for hit in result.hits:
        html_snippet = str(snippet_html(hit.snippet))
        assert "<mark>" in html_snippet
        for a, b in hit.matches:
            word = hit.passage.text[a:b].lower()
            assert word.startswith(("organi", "crime", "group", "ocg")), word  # OCG: acronym expansion
        plain = html.unescape(re.sub(r"</?mark>", "", html_snippet)).strip("…")
        assert plain == hit.snippet.text.strip("…")  # the CLI prints the same text, no markup to strip
        assert plain.replace("\n", " ")[:40] in hit.passage.text.replace("\n", " ")


def test_snippet_escapes_markup(store):
    result = search(store, "<script>alert(1)</script> khat")
    assert all("<script>" not in snippet_html(h.snippet) for h in result.hits)


def test_a_misspelt_query_shows_the_corrected_results(store):
    result = search(store, "orgnised crme")
    assert result.corrected and result.suggestion == "organised crime"
    right = search(store, "organised crime")
    assert right.suggestion is None and not right.corrected
    assert result.total == right.total > 0
    assert [h.passage.id for h in result.hits] == [h.passage.id for h in right.hits]
    as_typed = search(store, "orgnised crme", autocorrect=False)
    assert as_typed.total == 0 and as_typed.suggestion == "organised crime" and not as_typed.corrected


def test_pagination_is_consistent(store):
    first = search(store, "force", page=1, per_page=5)
    second = search(store, "force", page=2, per_page=5)
    assert first.total == second.total > 10
    assert [h.rank for h in second.hits] == [6, 7, 8, 9, 10]
    assert not {h.passage.id for h in first.hits} & {h.passage.id for h in second.hits}
    beyond = search(store, "force", page=999, per_page=5)
    assert beyond.hits == [] and beyond.total == first.total


def test_hits_carry_citations(store):
    hit = search(store, "khat plant native").hits[0]
    assert hit.passage.page == 22
    assert hit.citation.startswith("PEEL: Police effectiveness 2015 – West Midlands Police, HMIC, February 2016, p. 22")
    assert hit_json(hit)["url"] == f"/reports/{hit.passage.report_id}#{hit.passage.id}"


@pytest.mark.parametrize("q,code", [
    ("", "empty_query"), ("   ", "empty_query"), ("x" * 1001, "query_too_long"),
    ("AND", "no_search_terms"), ("OR", "no_search_terms"), ("NOT", "no_search_terms"), ("*", "no_search_terms"),
    ("the of and", "no_search_terms"), ("year:abc", "bad_filter"),
])
def test_bad_queries_raise_clear_errors(store, q, code):
    with pytest.raises(QueryError) as e:
        search(store, q)
    assert e.value.code == code and e.value.message


@pytest.mark.parametrize("q", ['"unbalanced quote', "(unbalanced bracket", "closing ) bracket", "foo:bar khat",
                               "khat AND", "OR khat", "khat NOT", '"', "((", "khat*", "heading:"])
def test_odd_syntax_gives_a_sensible_result(store, q):
    try:
        result = search(store, q)
    except QueryError as e:
        assert e.code == "no_search_terms"
        return
    assert result.total >= 0


@pytest.mark.parametrize("page,per_page", [(0, 10), (-1, 10), (1, 0), (1, 101)])
def test_bad_paging_is_refused(store, page, per_page):
    with pytest.raises(QueryError):
        search(store, "khat", page=page, per_page=per_page)


def test_a_snippet_window_holds_the_most_distinct_matched_words():
    """The snippet starts at the first window holding the most distinct
    matched words, checked against counting every window, on texts where
    one word repeats hundreds of times and another is rare."""
    import random
    import re
    from search_service.snippets import _best_start
    rng = random.Random(7)
    for _ in range(400):
        vocab = ["custody", "force", "victims", "rural", "heritage"][:rng.randint(1, 5)]
        filler = ["the", "and", "of", "a", "officers"] * 4
        text = " ".join(rng.choice(vocab + filler) for _ in range(rng.randint(1, 250)))
        spans = [[m.start(), m.end()] for m in re.finditer("|".join(vocab), text)]
        if not spans:
            continue
        size = rng.choice([40, 120, 240])
        counts = [len({text[a:b] for a, b in spans if s <= a and b <= s + size}) for s, _ in spans]
        assert _best_start(text, spans, size) == spans[counts.index(max(counts))][0]


def test_stems_among_are_the_texts_stems_that_are_wanted(store):
    """``stems_among`` looks closely only at the words that can yield a
    wanted term: on every seed passage it gives what analysing every word
    and keeping the wanted ones gives."""
    import random
    from search_service.analysis import stems_among, stems_of
    texts = [p.text for r in store.reports() for p in store.passages(r.id)]
    vocab = sorted(set().union(*map(stems_of, texts)))
    rng = random.Random(5)
    for text in texts:
        wanted = set(rng.sample(vocab, 6)) | set(rng.sample(sorted(stems_of(text)) or vocab, 2))
        assert stems_among(text, wanted) == stems_of(text) & wanted


def _watched_reader(tmp_path, monkeypatch, racy_s: float):
    """(settings, a store over the seed's index, the list its reads of
    CURRENT are counted in), with RACY_S set."""
    from conftest import indexed_corpus
    from search_service import index as index_mod

    monkeypatch.setattr(index_mod, "RACY_S", racy_s)
    settings = indexed_corpus(tmp_path)
    reader = index_mod.IndexStore(settings.index_dir, settings.corpus_dir)
    looks = []
    real = reader.current_name
    monkeypatch.setattr(reader, "current_name", lambda: looks.append(1) or real())
    return settings, reader, looks


def test_a_change_by_another_process_is_searched_at_once_though_nothing_changed_for_long(tmp_path, monkeypatch):
    """A reader that has seen the index unchanged stops reading CURRENT and
    listing the folder for each query, and only looks again when either
    changes on disk: a report another process adds, or a rebuild it swaps
    in, is found by the very next search (no wait for file times to age:
    RACY_S is 0 here)."""
    import shutil

    from conftest import FIXTURES
    from search_service.index import IndexStore
    from search_service.indexer import Indexer

    settings, reader, looks = _watched_reader(tmp_path, monkeypatch, 0.0)
    assert search(reader, "Northshire").total == 0
    assert search(reader, "Northshire").total == 0
    looks.clear()
    for _ in range(3):
        assert search(reader, "Northshire").total == 0
    assert not looks, "an unchanged index is not looked at again"

    shutil.copy(FIXTURES / "peel-2016-northshire.txt", settings.corpus_dir)
    Indexer(IndexStore(settings.index_dir, settings.corpus_dir)).sync()  # another process's store
    assert search(reader, "Northshire").total > 0, "an added report, the next query"

    (settings.corpus_dir / "peel-2016-northshire.txt").unlink()
    Indexer(IndexStore(settings.index_dir, settings.corpus_dir)).sync(rebuild=True)  # a new folder
    assert search(reader, "Northshire").total == 0, "a rebuild swapped in, the next query"


def test_an_index_changed_lately_is_looked_at_for_every_query(tmp_path, monkeypatch):
    """Right after a change (within RACY_S) another change could leave the
    same file times, so every query still reads CURRENT."""
    _, reader, looks = _watched_reader(tmp_path, monkeypatch, 3600.0)
    for _ in range(3):
        search(reader, "crime")
    assert len(looks) >= 3
