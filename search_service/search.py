"""Query → ranked, cited hits, with facets, groups and a did-you-mean.

One path for every query. Only the scoring differs: a plain list of words
(questions included) is scored with numpy over the Whoosh postings
(ranking.py), a query with structure (AND/NOT, ``heading:``) by Whoosh's own
matchers; both give a BM25F score per document. From those scores on it is
the same: filters and restrictions as boolean masks, exact totals and facet
counts, the best candidates re-ranked by the proximity of the query's words,
then hits (with snippet windows) or groups of hits per report.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from whoosh.query import Term

from search_service import budget, ranking, spelling
from search_service.analysis import positions as text_positions
from search_service.analysis import word_pairs
from search_service.index import FILTER_FIELDS, IndexStore, fields_to_passage
from search_service.model import Group, Hit, SearchResult
from search_service.query import EXPANSION_BOOST, PROXIMITY_BOOST, PROXIMITY_SLOP, ParsedQuery, parse
from search_service.rules import FACETS, FILTERS, check_group, check_paging, check_query, normalise_filters
from search_service.snippets import make_snippet, match_spans

GROUP_HITS = 3  # hits shown in full (with snippets) per group
RERANK = 30  # best candidates re-ordered with the proximity bonus
VERIFY_PHRASES = 100  # longer phrases: up to this many candidates are checked word by word; beyond, the pairs decide
SUGGEST_BELOW = 5  # did-you-mean when fewer hits than this, or for short queries with an unknown word


# ------------------------------------------------------------------ scoring

def _has_phrase(fields: dict, words: list[str]) -> bool:
    """The words in this order in the passage's text or one of its headings
    (a phrase of three words or more: its word pairs alone could be apart)."""
    for part in [fields.get("text", ""), *(fields.get("heading_path") or [])]:
        pos = text_positions(part)
        for start in pos.get(words[0], ()):
            if all(start + i in set(pos.get(w, ())) for i, w in enumerate(words[1:], 1)):
                return True
    return False


def _score_bag(snap, s, parsed: ParsedQuery, kept: dict) -> np.ndarray:
    """BM25F of the bag of words, plus each phrase (and acronym long form)
    where all its word pairs are, as Whoosh's Or of Terms and Phrases scores."""
    reader = s.reader()
    scores = ranking.score(snap, s, parsed.bag, keep=kept)
    for words, boost in parsed.phrases + [(w, EXPANSION_BOOST) for w in parsed.expansion_words]:
        if len(words) == 1:
            scores += ranking.score(snap, s, [("text", words[0], boost)])
            continue
        pairs = word_pairs(words)
        docs = None
        for pair in pairs:
            d = snap.docs_with(reader, "pairs", pair)
            docs = d if docs is None else np.intersect1d(docs, d, assume_unique=True)
        if docs is not None and len(words) > 2 and len(docs) <= VERIFY_PHRASES:
            docs = np.array([d for d in docs if _has_phrase(s.stored_fields(int(d)), words)], dtype=np.int64)
        if docs is not None and len(docs):
            extra = ranking.score(snap, s, [("pairs", pair, boost) for pair in pairs])
            scores[docs] += extra[docs]
    return scores


def _score_whoosh(snap, s, parsed: ParsedQuery) -> np.ndarray:
    """Whoosh's own BM25F for queries with structure; a query of
    restrictions only gives every passage the same score."""
    scores = np.zeros(snap.n, dtype=np.float32)
    if not parsed.has_terms:
        scores[:] = 1.0
    else:
        results = s.search(parsed.query, limit=None)
        if results.top_n:
            sc, docs = zip(*results.top_n)
            scores[np.fromiter(docs, dtype=np.int64)] = sc
    scores[~snap.live] = 0
    return scores


def _proximity_bonus(kept: dict, parsed: ParsedQuery, texts: dict[int, str],
                     base: dict[int, float]) -> dict[int, float]:
    """What Whoosh's Phrase(slop=PROXIMITY_SLOP) queries add, recomputed for a
    few candidates from their text: a pair of neighbouring query words found
    within the slop adds both words' BM25F text scores again (a span query
    scores as the intersection of its terms)."""
    words = sorted({w for pair in parsed.pairs for w in pair})
    docs = np.fromiter(texts, dtype=np.int64)
    term_scores = {w: PROXIMITY_BOOST * ranking.kept_scores(kept.get(("text", w), []), docs) for w in words}
    out = dict(base)
    for i, (docnum, text) in enumerate(texts.items()):
        positions = text_positions(text)
        bonus = 0.0
        for a, b in parsed.pairs:
            pa, pb = positions.get(a), positions.get(b)
            if not pa or not pb:
                continue
            sb = set(pb)
            if any(x + d in sb for x in pa for d in range(1, PROXIMITY_SLOP + 1)):
                bonus += float(term_scores[a][i] + term_scores[b][i])
        out[docnum] = base[docnum] + bonus
    return out


# ------------------------------------------------------------------ filters and facets

def _clause_mask(snap, s, clause) -> np.ndarray:
    """Documents a restriction in the query text (force:, year:, …) allows."""
    reader = s.reader()
    if isinstance(clause, Term) and clause.fieldname in ranking.CODED_FIELDS:
        value = clause.text.decode() if isinstance(clause.text, bytes) else clause.text
        return snap.mask(reader, clause.fieldname, [value])
    mask = np.zeros(snap.n, dtype=bool)
    docs = np.fromiter(s.docs_for_query(clause), dtype=np.int64)
    if len(docs):
        mask[docs] = True
    return mask


def _filter_masks(snap, s, filters: dict, clauses: list) -> dict:
    """One mask per active filter (values OR-ed) plus one for the query's own
    restrictions (under the key None)."""
    reader = s.reader()
    masks = {name: snap.mask(reader, FILTER_FIELDS[name], values) for name, values in filters.items()}
    if clauses:
        m = np.ones(snap.n, dtype=bool)
        for c in clauses:
            m &= _clause_mask(snap, s, c)
        masks[None] = m
    return masks


def _facets(snap, reader, positive: np.ndarray, masks: dict, matched: np.ndarray) -> dict:
    """Counts per facet value. A facet's own filter is left out of its counts
    (the others apply), so its other values show what adding them (OR) would
    give; for a facet without a filter these are counts within the results."""
    out = {}
    for name in FACETS:
        if name in masks:
            m = positive & snap.live
            for other, mask in masks.items():
                if other != name:
                    m &= mask
        else:
            m = matched
        out[name] = ranking.facet_counts(snap, reader, np.flatnonzero(m), FILTER_FIELDS[name])
    return out


# ------------------------------------------------------------------ ranking

def _rank(snap, s, parsed: ParsedQuery, scores: np.ndarray, kept: dict, allowed: np.ndarray,
          limit: int | None) -> list[tuple[int, float]]:
    """(docnum, score) of the best ``limit`` allowed documents (all when
    None), the first RERANK re-ordered with the proximity bonus."""
    if limit is None:
        docs = np.flatnonzero((scores > 0) & allowed)
        best = docs[np.lexsort((docs, -scores[docs]))]
    else:
        best, _ = ranking.top(scores, allowed, max(limit, RERANK))
    head = best[:RERANK]
    if parsed.pairs and len(head) > 1:
        texts = {int(d): s.stored_fields(int(d)).get("text", "") for d in head}
        rescored = _proximity_bonus(kept, parsed, texts, {int(d): float(scores[d]) for d in head})
        head_ranked = sorted(rescored.items(), key=lambda kv: (-kv[1], kv[0]))
    else:
        head_ranked = [(int(d), float(scores[d])) for d in head]
    return head_ranked + [(int(d), float(scores[d])) for d in best[RERANK:]]


# ------------------------------------------------------------------ assembly

def _hit(store: IndexStore, s, parsed: ParsedQuery, docnum: int, rank: int, score: float) -> Hit:
    budget.check()
    p = fields_to_passage(s.stored_fields(docnum))
    spans = match_spans(p.text, parsed.stems)
    return Hit(passage=p, report=store.report(p.report_id), rank=rank, score=score,
               snippet=make_snippet(p.text, spans), matches=spans)


def _groups(store: IndexStore, s, snap, parsed: ParsedQuery, ranked, page: int,
            per_page: int) -> tuple[list[Group], int]:
    """Hits gathered by report, reports ordered by their best hit; the groups
    of one page, with the best GROUP_HITS hits of each in full."""
    codes, labels = snap.coded(s.reader(), "report")
    members: dict[int, list] = {}  # insertion order is rank order
    for rank, (d, sc) in enumerate(ranked, start=1):
        members.setdefault(int(codes[d]), []).append((rank, d, sc))
    groups = []
    for c in list(members)[(page - 1) * per_page: page * per_page]:
        pages: dict[int, str] = {}
        for _, d, _ in members[c]:
            f = s.stored_fields(d)
            pages.setdefault(f.get("page", 0), f["id"])  # the page's best passage
        top = members[c][:GROUP_HITS]
        groups.append(Group(report=store.report(labels[c]), count=len(members[c]), score=top[0][2],
                            pages=sorted(pages.items()),
                            hits=[_hit(store, s, parsed, d, rank, sc) for rank, d, sc in top]))
    return groups, len(members)


def search(store: IndexStore, q: str, page: int = 1, per_page: int = 10,
           filters: dict | None = None, group: str | None = None) -> SearchResult:
    """Ranked, cited hits for ``q``. ``filters`` maps force, year, inspection,
    grade, kind and report to a value or a list of values (OR within a filter,
    AND across filters). ``group="report"`` gathers the hits by report and
    pages through the reports instead of the hits."""
    q = check_query(q)
    check_paging(page, per_page)
    group = check_group(group)
    filters = normalise_filters(filters, FILTERS, store.known_values() if filters else None)
    with store.searcher() as s:
        parsed = parse(s.schema, q, store.glossary())
        snap = store.snapshot(s)
        reader = s.reader()
        kept = {("text", w): [] for pair in parsed.pairs for w in pair}  # for the proximity bonus
        scores = _score_bag(snap, s, parsed, kept) if parsed.bag is not None else _score_whoosh(snap, s, parsed)
        masks = _filter_masks(snap, s, filters, parsed.clauses)
        allowed = snap.live.copy()
        for m in masks.values():
            allowed &= m
        positive = scores > 0
        matched = positive & allowed
        total = int(matched.sum())
        facets = _facets(snap, reader, positive, masks, matched)
        ranked = _rank(snap, s, parsed, scores, kept, allowed, None if group else page * per_page)
        groups, groups_total = [], 0
        if group:
            groups, groups_total = _groups(store, s, snap, parsed, ranked, page, per_page)
            hits = [h for g in groups for h in g.hits]
        else:
            first = (page - 1) * per_page
            hits = [_hit(store, s, parsed, d, rank, sc)
                    for rank, (d, sc) in enumerate(ranked[first: first + per_page], start=first + 1)]
        suggestion = (spelling.suggest(s, q, store.speller())
                      if total < SUGGEST_BELOW or len(q.split()) <= 3 else None)
    return SearchResult(query=q, total=total, page=page, per_page=per_page, hits=hits, facets=facets,
                        suggestion=suggestion, expansions=parsed.expansions, group=group, groups=groups,
                        groups_total=groups_total)


def reorder(store: IndexStore, result: SearchResult, passage_ids: list[str]) -> SearchResult:
    """The first page of results as these passages, in this order (a re-ranking
    by meaning, say); passages not among the hits are fetched with snippets."""
    if result.group or result.page != 1:
        return result
    return lead_with(store, replace(result, hits=[]), passage_ids)


def lead_with(store: IndexStore, result: SearchResult, passage_ids: list[str]) -> SearchResult:
    """The result with these passages first (in this order), then the rest
    as ranked: an answer's own passages lead the passages shown with it."""
    if not passage_ids or result.group or result.page != 1:
        return result
    with store.searcher() as s:
        parsed = parse(s.schema, result.query, store.glossary())
        by_id = {h.passage.id: h for h in result.hits}
        first = []
        for pid in dict.fromkeys(passage_ids):
            hit = by_id.pop(pid, None)
            if hit is None:
                doc = s.document_number(id=pid)
                if doc is None:
                    continue
                hit = _hit(store, s, parsed, doc, 0, 0.0)
            first.append(hit)
    hits = (first + [h for h in result.hits if h.passage.id in by_id])[:result.per_page]
    for rank, hit in enumerate(hits, start=1):
        hit.rank = rank
    return replace(result, hits=hits)
