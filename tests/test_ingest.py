"""Ingest and chunking over the real seed report and an invented fixture."""
from __future__ import annotations

import re

import pytest

from search_service.ingest import IngestError, ingest
from search_service.ingest.text import join_lines, parse_text, strip_markers
from search_service.indexer import Indexer
from tests.conftest import FIXTURES, SEED_CORPUS, SEED_ID

SEED = SEED_CORPUS / f"{SEED_ID}.txt"

# Written by hand from reading the report: (level, heading).
EXPECTED_OUTLINE = [
    (1, "Overview – How well does the force keep people safe and reduce crime?"),
    (2, "Overall judgment"),
    (2, "Summary"),
    (2, "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?"),
    (2, "How effective is the force at investigating crime and managing offenders?"),
    (2, "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?"),
    (2, "How effective is the force at tackling serious and organised crime, including its arrangements for "
        "fulfilling its national policing responsibilities?"),
    (1, "Force in numbers"),
    (1, "Introduction"),
    (1, "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?"),
    (2, "How much crime and anti-social behaviour is there in the West Midlands?"),
    (2, "How well does the force work to prevent crime and anti-social behaviour, and keep people safe?"),
    (3, "How well is the force prioritising the prevention of crime and anti-social behaviour?"),
    (3, "How well are resources allocated to prevent crime and anti-social behaviour?"),
    (3, "How well is the force using a broad range of effective tactics to prevent crime and anti-social behaviour?"),
    (2, "How well does the force work with partners to prevent crime and anti-social behaviour, and keep people safe?"),
    (3, "How committed is the force to working with partner organisations?"),
    (3, "How well does the force share and use information with partners to prevent crime and anti-social behaviour?"),
    (3, "How well is the force working with partner organisations to keep people safe and tackle anti-social "
        "behaviour in local neighbourhoods?"),
    (2, "Summary of findings"),
    (2, "Areas for improvement"),
    (1, "How effective is the force at investigating crime and managing offenders?"),
    (2, "How well does the force bring offenders to justice?"),
    (2, "How well does the force investigate crime and keep victims safe and informed?"),
    (3, "How well does the force initially investigate and allocate cases?"),
    (3, "How well does the force investigate different types of crime?"),
    (3, "How well does the force gather digital evidence?"),
    (3, "How satisfied are victims of crime with the service provided by the force?"),
    (2, "How well does the force identify and manage offenders to prevent re-offending?"),
    (3, "How well does the force divert offenders away from crime?"),
    (3, "How well does the force deal with repeat offenders?"),
    (3, "How well does the force deal with sexual and other dangerous offenders?"),
    (2, "Summary of findings"),
    (2, "Areas for improvement"),
    (1, "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?"),
    (2, "Summary of findings"),
    (1, "How effective is the force at tackling serious and organised crime, including its arrangements for "
        "fulfilling its national policing responsibilities?"),
    (2, "How well does the force understand the threat and risk posed by serious and organised crime?"),
    (2, "How effectively does the force respond to serious and organised crime?"),
    (2, "How effectively is the force working with partners to prevent serious and organised crime?"),
    (2, "How effective are the arrangements in place to ensure that the force can fulfil its national policing "
        "responsibilities?"),
    (2, "Summary of findings"),
    (2, "Areas for improvement"),
    (1, "Annex A – HMIC judgments"),
    (2, "Our judgments"),
]


@pytest.fixture(scope="module")
def seed():
    return ingest(SEED)


@pytest.fixture(scope="module")
def parsed():
    return parse_text(SEED.read_text(encoding="utf-8"))


def passage_with(seed, phrase):
    found = [p for p in seed.passages if phrase in p.text]
    assert found, f"no passage contains {phrase!r}"
    return found[0]


def test_heading_outline_matches_the_report(parsed):
    outline = [(b.level, b.text) for b in parsed.blocks if b.kind == "heading"]
    assert outline == EXPECTED_OUTLINE


def test_page_numbers_are_printed_page_labels(parsed, seed):
    # A stray "13" inside the first chapter page shows printed labels run two ahead.
    assert parsed.page_offset == 2
    assert passage_with(seed, "Overall West Midlands Police is judged to be good").page == 3
    assert passage_with(seed, "68 organised crime groups (OCGs)").page == 33
    assert passage_with(seed, "A plant native to Africa").page == 22
    assert passage_with(seed, "Judgment is made against how effective the force is").page == 43


def test_paragraphs_are_rebuilt_and_hyphenated_words_kept(seed):
    text = " ".join(p.text for p in seed.passages)
    for word in ("anti-social behaviour", "non-complex", "year-on-year", "re-offending"):
        assert word in text
    assert "anti- social" not in text and "antisocial" not in text
    p = passage_with(seed, "do not currently integrate with partners")  # crosses a page break
    assert "force IT systems do not currently integrate with partners’ systems" in p.text


def test_footnotes_are_separate_passages_and_markers_stripped(seed):
    body = [p for p in seed.passages if p.kind != "footnote"]
    notes = [p for p in seed.passages if p.kind == "footnote"]
    assert len(notes) == 19
    assert all(p.heading.startswith("Footnote ") for p in notes)
    for p in body:
        assert "A plant native to Africa" not in p.text
        assert "Multi-agency public protection arrangements are in place to ensure" not in p.text
    text = " ".join(p.text for p in body)
    assert "integrated offender management (IOM) to prolific" in text
    assert "(MAPPAs)." in text and "MAPPAs).9" not in text
    assert "Overall judgment1" not in " ".join(h for p in body for h in p.heading_path)
    assert "'cannabis/khat warning'" in text
    assert re.search(r"as at 30 June 2015\s*$", text.split("Figure 6:")[1].split("\n")[0])


def test_link_lines_are_dropped(seed):
    assert not any(line.startswith("http") for p in seed.passages for line in p.text.splitlines())


def test_table_rows_stay_readable(seed):
    table = passage_with(seed, "Community resolution 8,074")
    assert table.kind == "table"
    rows = table.text.splitlines()
    assert "Charged/Summonsed 30,263  17.0 577,678  16.0" in rows
    assert "Taken into consideration 346  0.2 21,318  0.6" in rows  # decimals survive marker stripping
    rates = passage_with(seed, "Sexual offences 1.4 1.6")
    assert rates.kind == "table"


def test_passages_are_quotable_sizes_and_never_mix_sections(seed, parsed):
    words = [len(p.text.split()) for p in seed.passages if p.kind in ("body", "summary")]
    assert max(words) <= 300
    within = sum(40 <= w <= 250 for w in words) / len(words)
    assert within >= 0.8
    # the text between two headings is one section; every passage lies inside one
    sections, cur = [], []
    for b in parsed.blocks:
        if b.kind == "heading":
            sections.append(" ".join(cur))
            cur = []
        elif b.kind in ("para", "bullet"):
            cur.append(b.text)
    sections.append(" ".join(cur))
    for p in seed.passages:
        if p.kind in ("body", "summary"):
            paras = p.text.split("\n\n")
            homes = [i for i, s in enumerate(sections) if all(x in s for x in paras)]
            assert len(homes) >= 1, p.id
            assert any(paras[0] in sections[i] and paras[-1] in sections[i] for i in homes)


@pytest.mark.parametrize("sizes", [(230, 30), (200, 230, 30)])
def test_a_short_last_paragraph_joins_the_passage_before_without_losing_text(sizes):
    from search_service.ingest.chunking import chunk
    from search_service.ingest.text import Block

    words = ["alpha", "beta", "gamma"]
    paras = [" ".join([w] * n) + "." for n, w in zip(sizes, words)]
    blocks = [Block("heading", "Section", 1, level=1)] + [Block("para", t, 1) for t in paras]
    passages = chunk("r", blocks).passages
    assert "\n\n".join(p.text for p in passages) == "\n\n".join(paras)  # every paragraph once, in order
    assert len(passages[-1].text.split()) == sizes[-2] + sizes[-1]  # the short tail joined the one before


def test_passage_kinds(seed):
    kinds = {p.kind for p in seed.passages}
    assert {"body", "summary", "footnote", "table", "area_for_improvement"} <= kinds
    afi = passage_with(seed, "all available evidence is recorded at scenes of crime")
    assert afi.kind == "area_for_improvement"
    assert afi.heading_path[0] == "How effective is the force at investigating crime and managing offenders?"


def test_two_column_summary_goes_under_its_own_question(seed):
    p = passage_with(seed, "The force generally conducts effective investigations and works well")
    assert p.heading_path[-1] == "How effective is the force at investigating crime and managing offenders?"
    q = passage_with(seed, "The force works effectively with partner organisations at force and neighbourhood level")
    assert q.heading_path[-1].startswith("How effective is the force at preventing crime")
    # a column broken by the page joins up again
    assert "ensures appropriate resources are assigned to local policing teams" in passage_with(
        seed, "ensures appropriate resources").text


def test_seed_metadata_from_sidecar(seed):
    r = seed.report
    assert r.title == "PEEL: Police effectiveness 2015 – West Midlands Police"
    assert (r.force, r.year, r.inspection, r.publisher, r.published) == (
        "West Midlands Police", 2015, "PEEL effectiveness", "HMIC", "February 2016")
    assert r.id == SEED_ID and len(r.sha256) == 64


def test_bare_report_gets_metadata_from_its_text(tmp_path):
    bare = tmp_path / "wmp.txt"
    bare.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    r = ingest(bare).report
    assert r.force == "West Midlands Police" and r.year == 2015
    assert r.title == "PEEL: Police effectiveness 2015 – West Midlands Police"


def test_fixture_report_in_inspectorate_layout():
    got = ingest(FIXTURES / "peel-2016-northshire.txt")
    r = got.report
    assert (r.force, r.year) == ("Northshire Constabulary", 2016)
    assert [j.grade for j in r.judgments] == ["Requires improvement", "Requires improvement"]
    assert r.areas_for_improvement[0].text.startswith("The force should ensure that all missing children")
    sara = next(p for p in got.passages if "(SARA) model" in p.text)
    assert sara.page == 2
    assert sara.heading_path[-2:] == ["How well does the force work to prevent crime and anti-social behaviour?",
                                       "How well does the force use problem solving?"]
    assert "year-on-year fall" in sara.text


def test_helpers():
    assert join_lines(["tackling anti-", "social behaviour"]) == "tackling anti-social behaviour"
    assert join_lines(["Community payback –", "unpaid work"]) == "Community payback – unpaid work"
    assert strip_markers("(IOM)3 to prolific", {3}) == "(IOM) to prolific"
    assert strip_markers("rate 0.6 and 3", {6}) == "rate 0.6 and 3"
    assert strip_markers("as at 30 June 201512 13", {12, 13}) == "as at 30 June 2015"


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (b"\x00\x01\x02binary", "binary")])
def test_unreadable_reports_are_refused_with_a_reason(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        ingest(f)


def test_sync_adds_updates_and_removes_by_content(tmp_path):
    """index/ follows corpus/: new, changed (report or sidecar) and removed files."""
    from search_service.index import IndexStore
    import json
    import shutil
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    store = IndexStore(tmp_path / "index", corpus)
    assert Indexer(store).sync().added == [SEED_ID]
    assert Indexer(store).sync().unchanged == [SEED_ID]
    shutil.copy(FIXTURES / "peel-2016-northshire.txt", corpus)
    assert Indexer(store).sync().added == ["peel-2016-northshire"]
    side = corpus / f"{SEED_ID}.meta.json"
    meta = json.loads(side.read_text(encoding="utf-8"))
    meta["published"] = "March 2016"
    side.write_text(json.dumps(meta), encoding="utf-8")
    assert Indexer(store).sync().updated == [SEED_ID]
    assert store.report(SEED_ID).published == "March 2016"
    (corpus / "peel-2016-northshire.txt").unlink()
    assert Indexer(store).sync().removed == ["peel-2016-northshire"]
    assert [r.id for r in store.reports()] == [SEED_ID]


def test_a_table_broken_by_a_page_is_one_table_with_its_header():
    """The rural crime thematic's Figure 1 runs from page 11 on to page 12:
    the rows after the break keep the column names of the rows before."""
    ing = ingest(FIXTURES / "thematic-2025-rural-crime.txt")
    [table] = [p for p in ing.passages if p.kind == "table" and "Wildlife" in p.text]
    assert table.page == 11
    lines = table.text.split("\n")
    assert lines[0].startswith("Rural") and "Northshire Constabulary  1,981  41  96  12  14" in lines
    assert "Wealdmarsh Constabulary  1,118  154  77  5  18" in lines and lines[-1].startswith("Total  6,712")


def test_a_table_on_the_next_page_with_a_header_of_its_own_stays_apart():
    page = "\n".join(f"Paragraph line {i} of running text that fills the page with prose." for i in range(6))
    raw = (" Report\n\n" + page + "\n\nArea        Officers    Staff     Volunteers\n"
           "North       120         40        12\nSouth       98          35        9\n\n1\n"
           " Report\n\nForce       Budget      Savings   Reserves\n"
           "North       £12m        £1m       £2m\nSouth       £9m         £1m       £1m\n\n" + page + "\n\n2\n")
    tables = [b for b in parse_text(raw).blocks if b.kind == "table"]
    assert len(tables) == 2 and "Budget" not in tables[0].text and "Force  Budget" in tables[1].text
