"""Query → ranked, cited hits, with facets, groups and a did-you-mean.

One path for every query. Only the scoring differs: a plain list of words
(questions included) is scored with numpy over the Whoosh postings
(ranking.py), a query with structure (AND/NOT, ``heading:``) by Whoosh's own
matchers; both give a BM25F score per document. From those scores on it is
the same: every unit of the query (query.Unit: a word, a phrase, a group)
as a boolean mask that a result must match (all words), filters and
restrictions as masks, exact totals and facet counts, the best candidates
re-ranked by the proximity of the query's words (or sorted by date), then
hits (with snippet windows) or groups of hits per report.

When all words together match fewer than RELAX_BELOW passages, the query is
first corrected if it matched nothing and the corpus vocabulary offers a
confident correction; otherwise it is relaxed: words that match nothing
are dropped, then the most common word whose absence lets more passages
match, and each hit says which dropped words it lacks.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace

import numpy as np
from whoosh.query import And, AndMaybe, AndNot, NullQuery, Or, Phrase, Term

from search_service import budget, compounds, ranking, spelling
from search_service.analysis import positions as text_positions
from search_service.analysis import word_pairs
from search_service.index import FILTER_FIELDS, IndexStore, fields_to_passage
from search_service.model import Group, Hit, Report, SearchResult
from search_service.question import known_names, named_organisations
from search_service.query import (EXPANSION_BOOST, PROXIMITY_BOOST, PROXIMITY_SLOP, ParsedQuery, analysed_words,
                                  parse_cached)
from search_service.rules import (FACETS, FILTERS, MAX_EXPORT, QUERY_FIELDS, RELAX_BELOW, check_group, check_paging,
                                  check_query, check_sort, check_year_range, normalise_filters)
from search_service.snippets import Snippet, make_snippet, match_spans

GROUP_HITS = 3  # hits shown in full (with snippets) per group
RERANK = 20  # best candidates re-ordered with the proximity bonus (30 gave the same eval answers, a tenth slower)
VERIFY_PHRASES = 100  # longer phrases: up to this many candidates are checked word by word; beyond, the pairs decide
SUGGEST_BELOW = 5  # did-you-mean when fewer hits than this, or for short queries with an unknown word


# ------------------------------------------------------------------ scoring

def _has_phrase(fields: dict, words: list[str]) -> bool:
    """The words in this order in the passage's text or one of its headings
    (a phrase of three words or more: its word pairs alone could be apart)."""
    wanted = set(words)
    for part in [fields.get("text", ""), *(fields.get("heading_path") or [])]:
        pos = text_positions(part, wanted)
        for start in pos.get(words[0], ()):
            if all(start + i in set(pos.get(w, ())) for i, w in enumerate(words[1:], 1)):
                return True
    return False


def _phrase_docs(snap, s, words: list[str]) -> np.ndarray:
    """Live documents holding the phrase: all its word pairs (the ``pairs``
    field covers headings and text), checked word by word when it has three
    words or more and few candidates."""
    reader = s.reader()
    docs = None
    for pair in word_pairs(words):
        d = snap.docs_with(reader, "pairs", pair)
        docs = d if docs is None else np.intersect1d(docs, d, assume_unique=True)
    if docs is not None and len(words) > 2 and len(docs) <= VERIFY_PHRASES:
        docs = np.array([d for d in docs if _has_phrase(snap.stored(s, d), words)], dtype=np.int64)
    return docs if docs is not None else np.empty(0, np.int64)


def _score_bag(snap, s, parsed: ParsedQuery, kept: dict) -> np.ndarray:
    """BM25F of the bag of words, plus each phrase (and acronym long form)
    where all its word pairs are, as Whoosh's Or of Terms and Phrases scores."""
    scores = ranking.score(snap, s, parsed.bag, keep=kept)
    for words, boost in parsed.phrases + [(w, EXPANSION_BOOST) for w in parsed.expansion_words]:
        if len(words) == 1:
            scores += ranking.score(snap, s, [("text", words[0], boost)])
            continue
        docs = _phrase_docs(snap, s, words)
        if len(docs):
            extra = ranking.score(snap, s, [("pairs", pair, boost) for pair in word_pairs(words)])
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
    scores[snap.dead] = 0
    return scores


def _proximity_bonus(kept: dict, parsed: ParsedQuery, docs: np.ndarray, read, base: dict[int, float],
                     where=None) -> dict[int, float]:
    """What Whoosh's Phrase(slop=PROXIMITY_SLOP) queries add, recomputed for a
    few candidates: a pair of neighbouring query words found within the
    slop adds both words' BM25F text scores again (a span query scores as
    the intersection of its terms). Positions come from ``where(term,
    docnums)`` (the positions written with the index; None for a document
    it cannot say), else from the candidate's words, for a segment written
    before positions were (``read(docnum)``: its text, or None when its
    words are known, and its words, or None). A candidate whose text lacks
    a word of every pair is not looked at."""
    words = sorted({w for pair in parsed.pairs for w in pair})
    term_scores = {w: PROXIMITY_BOOST * ranking.kept_scores(kept.get(("text", w), []), docs) for w in words}
    out = dict(base)
    # no pair of neighbouring query words both in its text: nothing to find near each other
    todo = [i for i in range(len(docs)) if any(term_scores[a][i] and term_scores[b][i] for a, b in parsed.pairs)]
    docnums = [int(docs[i]) for i in todo]
    at = {w: where(w, docnums) for w in words} if where is not None and todo else {}
    for n, (i, docnum) in enumerate(zip(todo, docnums)):
        if at and all(at[w][n] is not None for w in words):
            found = {w: at[w][n] for w in words}
        else:
            text, split = read(docnum)
            found = text_positions(text, set(words), split)
        out[docnum] = base[docnum] + sum(float(term_scores[a][i] + term_scores[b][i]) for a, b in parsed.pairs
                                         if _within(found.get(a, ()), found.get(b, ()), PROXIMITY_SLOP))
    return out


def _within(first: list[int], then: list[int], slop: int) -> bool:
    """Does a position of ``then`` stand 1 to ``slop`` places after one of ``first``?"""
    after = set(then)
    return any(p + k in after for p in first for k in range(1, slop + 1))


# ------------------------------------------------------------------ what a unit matches

def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _matching(snap, s, query) -> np.ndarray:
    """Live documents matching a unit's query, as a mask: terms and phrases
    over heading and text from the cached postings (numpy), anything else
    through Whoosh."""
    mask = np.zeros(snap.n, dtype=bool)
    if query is NullQuery:
        return mask
    terms = [query] if isinstance(query, Term) else query.subqueries if isinstance(query, Or) else ()
    if terms and all(isinstance(t, Term) and t.fieldname in QUERY_FIELDS for t in terms):
        # a word (a term in heading or text: most units) marked in one mask, its postings as the ranking
        # read (and keeps) them
        for t in terms:
            mask[snap.term_scores(s, t.fieldname, t.text)[0]] = True
        return mask & snap.live
    if isinstance(query, Phrase) and query.fieldname in QUERY_FIELDS:
        words = [_text(w) for w in query.words]
        if len(words) == 1:
            mask[snap.docs_with(s.reader(), query.fieldname, words[0])] = True
        elif words:
            mask[_phrase_docs(snap, s, words)] = True
        return mask
    if isinstance(query, (Or, And)):
        parts = [_matching(snap, s, q) for q in query.subqueries]
        if not parts:
            return mask
        return np.logical_or.reduce(parts) if isinstance(query, Or) else np.logical_and.reduce(parts)
    if isinstance(query, AndNot):
        return _matching(snap, s, query.a) & ~_matching(snap, s, query.b)
    if isinstance(query, AndMaybe):
        return _matching(snap, s, query.a)
    docs = np.fromiter(s.docs_for_query(query), dtype=np.int64)
    if len(docs):
        mask[docs] = True
    return mask & snap.live


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


def _years(snap, reader) -> np.ndarray:
    """Each document's report year (0 when none)."""
    codes, labels = snap.coded(reader, "year")
    values = np.array([int(v) for v in labels] + [0], dtype=np.int32)
    return values[codes]  # code -1 (none) picks the trailing 0


def _filter_masks(snap, s, filters: dict, clauses: list, years: tuple) -> dict:
    """One mask per active filter (values OR-ed), one for the query's own
    restrictions (under the key None) and one for the year range: the last
    two narrow every facet, a filter every facet but its own."""
    reader = s.reader()
    masks = {name: snap.mask(reader, FILTER_FIELDS[name], values) for name, values in filters.items()}
    if clauses:
        m = np.ones(snap.n, dtype=bool)
        for c in clauses:
            m &= _clause_mask(snap, s, c)
        masks[None] = m
    if years != (None, None):
        year = _years(snap, reader)
        low, high = years
        masks["year_range"] = (year >= (low or 0)) & (year <= (high or 9999)) & (year > 0)
    return masks


def _facets(snap, reader, positive: np.ndarray, masks: dict, matched: np.ndarray) -> dict:
    """Counts per facet value. A facet's own filter is left out of its counts
    (the others apply), so its other values show what adding them (OR) would
    give; for a facet without a filter these are counts within the results."""
    out = {}
    shared = [name for name in FACETS if name not in masks]  # counted over the matched documents alike
    if shared:
        counts = ranking.facet_counts_of(snap, reader, np.flatnonzero(matched), [FILTER_FIELDS[n] for n in shared])
        out.update((name, counts[FILTER_FIELDS[name]]) for name in shared)
    for name in FACETS:
        if name in masks:
            m = positive & snap.live
            for other, mask in masks.items():
                if other != name:
                    m &= mask
            out[name] = ranking.facet_counts(snap, reader, np.flatnonzero(m), FILTER_FIELDS[name])
    return {name: out[name] for name in FACETS}


# ------------------------------------------------------------------ all words, relaxed

@dataclass
class _Matches:
    """What a query matches: its parse, scores and the masks of its units,
    before and after relaxing."""
    parsed: ParsedQuery
    scores: np.ndarray
    kept: dict  # term → postings' scores, for the proximity bonus
    positive: np.ndarray  # scored (any word), live
    units: list  # (Unit, mask) for each unit of the query
    required: np.ndarray  # documents matching every unit not dropped
    complete: np.ndarray  # documents matching every unit
    dropped: list = field(default_factory=list)  # (Unit, mask) given up by relaxing

    @property
    def relaxed(self) -> bool:
        return bool(self.dropped)


def _parsed(store: IndexStore, s, q: str) -> ParsedQuery:
    """The query parsed with the glossary's acronyms and the closed or open
    forms of its words that the reports use (``compounds``)."""
    reader = s.reader()

    def side_by_side(a: str, b: str) -> bool:
        ta, tb = analysed_words(a), analysed_words(b)
        return len(ta) == len(tb) == 1 and ranking.live_doc_frequency(reader, "pairs", f"{ta[0]} {tb[0]}") > 0

    return parse_cached(s.schema, q, store.glossary(), compounds.forms(q, store.speller().counts, side_by_side))


def _match(store: IndexStore, s, snap, q: str) -> _Matches:
    parsed = _parsed(store, s, q)
    kept = {("text", w): [] for pair in parsed.pairs for w in pair}  # for the proximity bonus
    scores = _score_bag(snap, s, parsed, kept) if parsed.bag is not None else _score_whoosh(snap, s, parsed)
    positive = (scores > 0) & snap.live
    units = [(u, _matching(snap, s, u.query)) for u in parsed.units]
    required = np.logical_and.reduce([m for _, m in units] + [positive])
    return _Matches(parsed, scores, kept, positive, units, required, required.copy())


def _prepare(store: IndexStore, s, snap, q: str, filters: dict, years: tuple):
    """(matches, filter masks, allowed documents) of a query before relaxing."""
    m = _match(store, s, snap, q)
    masks = _filter_masks(snap, s, filters, m.parsed.clauses, years)
    allowed = snap.live.copy()
    for mask in masks.values():
        allowed &= mask
    return m, masks, allowed


def _scope(snap, masks: dict) -> np.ndarray:
    """Where the query alone looks: live passages its own restrictions
    (force:, year:, …) allow; the filters do not narrow it."""
    return snap.live & masks[None] if None in masks else snap.live


def _name_masks(store: IndexStore, snap, reader, q: str) -> list[tuple[set[str], np.ndarray]]:
    """(the words of a name, lower case; the passages of the reports it
    names) for each indexed organisation the query names, and for each year:
    "Eastmoor 2017 vetting backlog" asks about Eastmoor's 2017 report, whose
    passages need not say "Eastmoor" or "2017"."""
    reports = store.reports()
    known = store.cached("question-names", lambda: known_names(reports))
    out = []
    for start, end, name in named_organisations(q, known):
        ids = [reports[i].id for i in known.positions.get(name, ())]
        out.append(({w.lower() for w in re.findall(r"\w+", q[start:end])}, snap.mask(reader, "report", ids)))
    for year in set(re.findall(r"(?<![\w/-])((?:19|20)\d\d)(?![\w/-])", q)):
        out.append(({year}, snap.mask(reader, "year", [int(year)])))
    return out


def _relax(m: _Matches, allowed: np.ndarray, names=None) -> None:
    """Drop units while fewer than RELAX_BELOW allowed passages match. First
    a word of an organisation's name is matched by every passage of a report
    on it ("troubled families programme West Midlands": that report's
    passage on the programme need not repeat the force's name; ``names``
    gives them, computed only when needed): if then any passage matches
    every word, nothing is dropped. Otherwise, as if no name were credited,
    every unit no passage matches at all ("xylophone") is dropped, then, one
    at a time, the most common unit whose absence lets more passages match,
    so the rarer, more telling words stay. Phrases and groups the user wrote
    stay."""
    total = int((m.required & allowed).sum())
    if total < RELAX_BELOW and names is not None:
        named = names()
        if named:
            units = [(u, mask | np.logical_or.reduce([about for words, about in named if u.label.lower() in words]))
                     if any(u.label.lower() in words for words, _ in named) else (u, mask) for u, mask in m.units]
            required = np.logical_and.reduce([mk for _, mk in units] + [m.positive])
            if (required & allowed).any():  # every word matched, in the reports named: precise, nothing is dropped
                m.units, m.required, m.complete = units, required, required.copy()
                return
    kept = list(m.units)

    def without(i: int | None) -> np.ndarray:
        return np.logical_and.reduce([mk for j, (_, mk) in enumerate(kept) if j != i] + [m.positive])

    while total < RELAX_BELOW and len(kept) > 1:
        best = None
        for i, (unit, mask) in enumerate(kept):
            if not unit.droppable:
                continue
            passages = int(mask.sum())
            if passages == 0:
                best = (None, i)
                break
            count = int((without(i) & allowed).sum())
            if count > total and (best is None or (passages, i) > best[0]):
                best = ((passages, i), i)
        if best is None:
            break
        m.dropped.append(kept.pop(best[1]))
        m.required = without(None)
        total = int((m.required & allowed).sum())
    if total == 0:  # nothing to show either way: say the query matched nothing
        m.dropped, m.required = [], m.complete.copy()


# ------------------------------------------------------------------ ranking

def _dates(store: IndexStore, snap, reader) -> tuple[np.ndarray, np.ndarray]:
    """Each document's report year and publication date (yyyymmdd, 0 when
    unknown), for sorting by date."""
    codes, labels = snap.coded(reader, "report")
    years, published = [], []
    for rid in labels:
        r = store.report(rid)
        years.append((r.year or 0) if r else 0)
        published.append(published_key(r) if r else 0)
    years_a = np.array(years + [0], dtype=np.int64)[codes]
    published_a = np.array(published + [0], dtype=np.int64)[codes]
    return years_a, published_a


_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"), 1)}


def published_key(report: Report) -> int:
    """"2 February 2016", "February 2016", "2016-02-02" → 20160202 (missing
    parts 0); 0 when there is no date."""
    text = (report.published or "").strip().lower()
    iso = re.search(r"\b((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?\b", text)
    if iso:
        return int(iso.group(1)) * 10000 + int(iso.group(2)) * 100 + int(iso.group(3) or 0)
    year = re.search(r"\b((?:19|20)\d\d)\b", text)
    if not year:
        return 0
    month = next((n for name, n in _MONTHS.items() if name in text), 0)
    day = re.match(r"(\d{1,2})\s", text)
    return int(year.group(1)) * 10000 + month * 100 + (int(day.group(1)) if day and month else 0)


def _by_relevance(snap, s, m: _Matches, allowed: np.ndarray, limit: int | None) -> list[tuple[int, float]]:
    """(docnum, score) of the best ``limit`` allowed documents (all when
    None), the first RERANK re-ordered with the proximity bonus."""
    scores, parsed = m.scores, m.parsed
    if limit is None:
        docs = np.flatnonzero((scores > 0) & allowed)
        best = docs[np.lexsort((docs, -scores[docs]))]
    else:
        best, _ = ranking.top(scores, allowed, max(limit, RERANK))
    head = best[:RERANK]
    if parsed.pairs and len(head) > 1:
        def read(d: int) -> tuple:  # its words as indexed; its text only when they were not written
            split = snap.words(s, d)
            return (snap.texts(s, [d])[0] if split is None else "", split)
        rescored = _proximity_bonus(m.kept, parsed, head, read, {int(d): float(scores[d]) for d in head},
                                    lambda term, docnums: snap.positions(s, "text", term, docnums))
        head_ranked = sorted(rescored.items(), key=lambda kv: (-kv[1], kv[0]))
    else:
        head_ranked = [(int(d), float(scores[d])) for d in head]
    return head_ranked + [(int(d), float(scores[d])) for d in best[RERANK:]]


def _by_date(store, snap, s, m: _Matches, allowed: np.ndarray, newest: bool,
             limit: int | None) -> list[tuple[int, float]]:
    """Allowed documents by report year and publication date (newest or
    oldest first), then by score."""
    docs = np.flatnonzero((m.scores > 0) & allowed)
    years, published = _dates(store, snap, s.reader())
    sign = -1 if newest else 1
    order = np.lexsort((docs, -m.scores[docs], sign * published[docs], sign * years[docs]))
    best = docs[order][:limit] if limit is not None else docs[order]
    return [(int(d), float(m.scores[d])) for d in best]


def _rank(store, snap, s, m: _Matches, allowed: np.ndarray, sort: str,
          limit: int | None) -> list[tuple[int, float]]:
    """The ranked documents; when relaxed, those lacking fewer of the dropped
    words come first."""
    chosen = allowed & m.required
    if m.relaxed:
        lacking = np.sum([~mask for _, mask in m.dropped], axis=0)
        tiers = [chosen & (lacking == k) for k in range(len(m.dropped) + 1)]
    else:
        tiers = [chosen]
    out: list = []
    for tier in tiers:
        room = None if limit is None else limit - len(out)
        if room is not None and room <= 0:
            break
        if sort == "relevance":
            out += _by_relevance(snap, s, m, tier, room)
        else:
            out += _by_date(store, snap, s, m, tier, sort == "newest", room)
    return out


# ------------------------------------------------------------------ assembly

def _hit(store: IndexStore, s, parsed: ParsedQuery, docnum: int, rank: int, score: float, snippets: bool = True,
         dropped=()) -> Hit:
    """A hit with its snippet window (unless ``snippets`` is False) and the
    ``dropped`` units — (Unit, mask) — it lacks, as typed."""
    budget.check()
    snap = store.snapshot(s)
    p = fields_to_passage(snap.stored(s, docnum))
    spans = match_spans(p.text, parsed.stems, snap.words(s, docnum)) if snippets else []
    snippet = make_snippet(p.text, spans) if snippets else Snippet("")
    return Hit(passage=p, report=store.report(p.report_id), rank=rank, score=score, snippet=snippet,
               matches=spans, missing=[unit.label for unit, mask in dropped if not mask[docnum]], docnum=docnum)


def _groups(store: IndexStore, s, snap, m: _Matches, ranked, page: int,
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
            f = snap.stored(s, d)
            pages.setdefault(f.get("page", 0), f["id"])  # the page's best passage
        top = members[c][:GROUP_HITS]
        groups.append(Group(report=store.report(labels[c]), count=len(members[c]), score=top[0][2],
                            pages=sorted(pages.items()),
                            hits=[_hit(store, s, m.parsed, d, rank, sc, dropped=m.dropped) for rank, d, sc in top]))
    return groups, len(members)


def search(store: IndexStore, q: str, page: int = 1, per_page: int = 10,
           filters: dict | None = None, group: str | None = None, sort: str = "relevance",
           year_from=None, year_to=None, autocorrect: bool = True, snippets: bool = True,
           facets: bool = True) -> SearchResult:
    """Ranked, cited hits for ``q``. ``filters`` maps force, year, inspection,
    grade, kind and report to a value or a list of values (OR within a filter,
    AND across filters); ``year_from``/``year_to`` bound the report year.
    ``group="report"`` gathers the hits by report and pages through the
    reports instead of the hits. ``sort`` is relevance, newest or oldest.

    Every word, phrase and group of the query is required, relaxed as the
    module says; a query that matches nothing is answered for its confident
    correction unless ``autocorrect`` is False (``corrected`` then says so,
    and ``suggestion`` holds the query used). ``snippets=False`` leaves the
    snippets out: for a pool of candidates that is re-ranked before any is
    shown; ``facets=False`` leaves the facet counts out (empty), for a
    caller that shows none (a question over the API)."""
    check_query(q)
    check_paging(page, per_page)
    return _search(store, q, page, per_page, filters, group, sort, year_from, year_to, autocorrect, snippets,
                   facets)


def export(store: IndexStore, q: str, filters: dict | None = None, sort: str = "relevance",
           year_from=None, year_to=None, autocorrect: bool = True, limit: int = MAX_EXPORT) -> SearchResult:
    """Every result of ``q`` (up to ``limit``) in one page, as ``search``
    ranks them, without snippets: for CSV and JSON Lines downloads."""
    return _search(store, q, 1, max(1, min(limit, MAX_EXPORT)), filters, None, sort, year_from, year_to,
                   autocorrect, snippets=False)


def _search(store: IndexStore, q: str, page: int, per_page: int, filters, group, sort, year_from, year_to,
            autocorrect: bool, snippets: bool = True, facets: bool = True) -> SearchResult:
    started = time.perf_counter()
    q = check_query(q)
    group = check_group(group)
    sort = check_sort(sort)
    years = check_year_range(year_from, year_to)
    filters = normalise_filters(filters, FILTERS, store.known_values() if filters else None)
    with store.searcher() as s:
        snap = store.snapshot(s)
        reader = s.reader()
        m, masks, allowed = _prepare(store, s, snap, q, filters, years)
        total = int((m.required & allowed).sum())
        suggestion, corrected = None, False
        if total < SUGGEST_BELOW or len(q.split()) <= 3:
            suggestion = spelling.suggest(s, q, store.speller(), store.glossary())
        # Correcting and relaxing depend on the query alone, not on the
        # filters, so a facet's count is the total of choosing it.
        if not (m.required & _scope(snap, masks)).any() and suggestion and autocorrect:
            fixed = _prepare(store, s, snap, suggestion, filters, years)
            _relax(fixed[0], _scope(snap, fixed[1]), lambda: _name_masks(store, snap, reader, suggestion))
            if (fixed[0].required & _scope(snap, fixed[1])).any():
                (m, masks, allowed), corrected = fixed, True
        if not corrected:
            _relax(m, _scope(snap, masks), lambda: _name_masks(store, snap, reader, q))
        matched = m.required & allowed
        total = int(matched.sum())
        counts = _facets(snap, reader, m.required, masks, matched) if facets else {}
        ranked = _rank(store, snap, s, m, allowed, sort, None if group else page * per_page)
        groups, groups_total = [], 0
        if group:
            groups, groups_total = _groups(store, s, snap, m, ranked, page, per_page)
            hits = [h for g in groups for h in g.hits]
        else:
            first = (page - 1) * per_page
            hits = [_hit(store, s, m.parsed, d, rank, sc, snippets, m.dropped)
                    for rank, (d, sc) in enumerate(ranked[first: first + per_page], start=first + 1)]
    return SearchResult(query=q, total=total, page=page, per_page=per_page, hits=hits, facets=counts,
                        suggestion=suggestion, expansions=m.parsed.expansions, group=group, groups=groups,
                        groups_total=groups_total, corrected=corrected, relaxed=m.relaxed,
                        dropped=[u.label for u, _ in m.dropped], sort=sort, year_from=years[0], year_to=years[1],
                        took_ms=round((time.perf_counter() - started) * 1000, 1))


def reorder(store: IndexStore, result: SearchResult, passage_ids: list[str]) -> SearchResult:
    """The first page of results as these passages, in this order (a re-ranking
    by meaning, say): the result's own hits are reused (given a snippet if
    they were found without), other passages are fetched with snippets."""
    if result.group or result.page != 1:
        return result
    return lead_with(store, result, passage_ids, only=True)


def lead_with(store: IndexStore, result: SearchResult, passage_ids: list[str], only: bool = False) -> SearchResult:
    """The result with these passages first (in this order), then the rest
    as ranked (none if ``only``): an answer's own passages lead the passages
    shown with it. (Questions match any of their words, so nothing was
    dropped: a passage brought in lacks no dropped word.)"""
    if not passage_ids or result.group or result.page != 1:
        return result
    with store.searcher() as s:
        parsed = _parsed(store, s, result.suggestion if result.corrected else result.query)
        by_id = {h.passage.id: h for h in result.hits}
        first = []
        for pid in dict.fromkeys(passage_ids):
            hit = by_id.pop(pid, None)
            if hit is None:
                doc = s.document_number(id=pid)
                if doc is None:
                    continue
                hit = _hit(store, s, parsed, doc, 0, 0.0)
            elif not hit.snippet.text and hit.passage.text:
                snap, doc = store.snapshot(s), hit.docnum
                # its words as indexed, if the index still holds the same text at that number
                same = doc is not None and doc < snap.n and snap.texts(s, [doc])[0] == hit.passage.text
                spans = match_spans(hit.passage.text, parsed.stems, snap.words(s, doc) if same else None)
                hit = replace(hit, snippet=make_snippet(hit.passage.text, spans), matches=spans)
            first.append(hit)
    hits = (first + ([] if only else [h for h in result.hits if h.passage.id in by_id]))[:result.per_page]
    for rank, hit in enumerate(hits, start=1):
        hit.rank = rank
    return replace(result, hits=hits)
