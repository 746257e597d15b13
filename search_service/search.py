"""Query → ranked, cited hits.

Whoosh's query language (phrases, AND/OR/NOT, ``field:value``) over heading
and text, BM25F ranking, OR semantics with a bonus for documents matching more
terms (so questions work as well as keywords), snippets centred on the
densest cluster of matches, facets, pagination and a did-you-mean suggestion
from the index's own vocabulary.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np
from whoosh import qparser, scoring, sorting
from whoosh.query import And, AndNot, Not, NullQuery, Or, Phrase, Term

from search_service import ranking
from search_service import glossary as glossary_mod
from search_service.analysis import ANALYZER, STOP_WORDS, term_spans, word_pairs
from search_service.analysis import positions as text_positions
from search_service.index import IndexStore, fields_to_passage, live_doc_frequency
from search_service.model import GRADES, Group, Hit, SearchResult

MAX_QUERY_LENGTH = 1000
MAX_PER_PAGE = 100
SEARCH_FIELDS = ("heading", "text")
USER_FIELDS = {"heading", "text", "force", "year", "kind", "report", "title", "grade"}  # field: syntax
FACETS = {"force": "force_exact", "year": "year", "inspection": "inspection", "grade": "grade", "kind": "kind"}
FILTERS = {"force": "force_exact", "year": "year", "inspection": "inspection", "grade": "grade",
           "kind": "kind", "report": "report"}
GROUPS = ("report",)  # what hits can be grouped by
GROUP_HITS = 3  # hits shown in full (with snippets) per group
SNIPPET_CHARS = 260


class QueryError(ValueError):
    """Bad input from the user: reported as a 400 with this code and message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class ParsedQuery:
    query: object
    stems: frozenset[str]  # analysed terms to highlight
    expansions: list[dict]  # acronyms and long forms added to the query
    # A plain list of words (no operators, phrases or fields) is also given as
    # a bag of (field, term, boost) scored with numpy (ranking.py), plus the
    # neighbouring word pairs that earn a proximity bonus, the expansions'
    # words, and the field restrictions; None when the query has structure.
    bag: list | None = None
    phrases: list = None  # ([word, ...], boost): each must occur as a phrase
    pairs: list = None
    expansion_words: list = None
    clauses: list = None


# ------------------------------------------------------------------ parsing

def _parser(schema) -> qparser.QueryParser:
    p = qparser.MultifieldParser(list(SEARCH_FIELDS), schema, group=qparser.OrGroup)
    p.remove_plugin_class(qparser.WildcardPlugin)  # "*" and "?" are ordinary characters here
    p.remove_plugin_class(qparser.BoostPlugin)
    p.remove_plugin_class(qparser.RangePlugin)
    return p


def _neutralise_unknown_fields(q: str) -> str:
    """"foo:bar" with an unknown field searches for the words foo and bar."""
    return re.sub(r"\b([A-Za-z_]\w*):", lambda m: m.group(0) if m.group(1).lower() in USER_FIELDS
                  else m.group(1) + " ", q)


def _balance(q: str) -> str:
    """Close an unbalanced quote or bracket, drop a stray closing one."""
    if q.count('"') % 2:
        q += '"'
    depth, out = 0, []
    for ch in q:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + ")" * depth


_RESTRICT_RE = re.compile(r'(?<![\w:])(force|year|kind|report|title|grade):("[^"]*"|\S+)', re.I)


def _restrictions(schema, q: str) -> tuple[str, list]:
    """Pull ``force:``, ``year:``, ``kind:``, ``report:``, ``title:`` and ``grade:`` clauses
    out of the query: they narrow the results rather than add terms to rank."""
    clauses = []
    for m in _RESTRICT_RE.finditer(q):
        field, value = m.group(1).lower(), m.group(2).strip('"')
        if not value:
            continue
        if field == "year":
            if not value.isdigit():
                raise QueryError("bad_filter", f"year:{value} is not a year such as year:2015.")
            clauses.append(Term("year", int(value)))
        elif field == "grade":
            clauses.append(Term("grade", normalise_grade(value)))
        elif field in ("force", "title"):
            sub = qparser.QueryParser(field, schema, group=qparser.AndGroup).parse(value)
            if sub is not NullQuery:
                clauses.append(sub)
        else:
            clauses.append(Term(field, value.lower()))
    return _RESTRICT_RE.sub(" ", q), clauses


def _fix_not(query):
    """Under OR grouping Whoosh puts "a NOT b" as Or([a, Not(b)]), which
    matches nearly everything; make it AndNot(a, b)."""
    if hasattr(query, "subqueries"):
        subs = [_fix_not(q) for q in query.subqueries]
        if isinstance(query, Or):
            neg = [q.query for q in subs if isinstance(q, Not)]
            pos = [q for q in subs if not isinstance(q, Not)]
            if neg and pos:
                positive = pos[0] if len(pos) == 1 else Or(pos)
                return AndNot(positive, neg[0] if len(neg) == 1 else Or(neg))
        query.subqueries = subs
    return query


PROXIMITY_SLOP = 3
PROXIMITY_BOOST = 1.0


def _proximity(q: str) -> list:
    """Neighbouring query words found close together in a passage score
    extra: questions and multi-word keywords favour passages where the words
    form the same phrase."""
    words = [t.text for t in ANALYZER(q, mode="query")]
    pairs = {(a, b) for a, b in zip(words, words[1:]) if a != b}
    return [Phrase("text", [a, b], slop=PROXIMITY_SLOP, boost=PROXIMITY_BOOST) for a, b in sorted(pairs)]


EXPANSION_BOOST = 0.5  # expansions count, but below the user's own words


def _expansion_queries(expansions: list[dict]) -> list:
    out = []
    for e in expansions:
        words = [t.text for t in ANALYZER(e["expansion"], mode="query")]
        if not words:
            continue
        if len(words) == 1:
            out.append(Term("text", words[0], boost=EXPANSION_BOOST))
        else:
            out.append(Phrase("text", words, slop=1, boost=EXPANSION_BOOST))
    return out


def parse(schema, q: str, glossary: dict | None = None) -> ParsedQuery:
    q = _balance(_neutralise_unknown_fields(q))
    q, clauses = _restrictions(schema, q)
    q = re.sub(r"\b(?:heading|text):(\s|$)", r"\1", q)  # empty field values
    parser = _parser(schema)
    try:
        query = parser.parse(q) if q.strip() else NullQuery
    except Exception:  # Whoosh's parser is lenient; anything left is a plain-words query
        query = parser.parse(re.sub(r"[^\w\s'-]", " ", q).lower())  # lower case: no operators left
    query = _fix_not(query).normalize()
    has_terms = query is not NullQuery and bool(list(query.iter_all_terms()))
    if not has_terms and not clauses:
        raise QueryError("no_search_terms",
                         "The query has no words to search for (only operators, symbols or very common words).")
    expansions = glossary_mod.expansions(q, glossary or {}) if has_terms else []
    bag, phrases = None, []
    simple = has_terms and isinstance(query, Or) and not re.search(r'["()]|\b(AND|NOT)\b|\w:', q)
    if simple:
        bag, phrases = _bag(query) or (None, [])
        query = Or(list(query.subqueries) + _proximity(q) + _expansion_queries(expansions))
    elif has_terms and not re.search(r'[()]|\b(AND|NOT)\b|\w:', q) and isinstance(query, (Or, Phrase)):
        bag, phrases = _bag(query) or (None, [])  # words and "quoted phrases" only
        if expansions:
            query = Or([query] + _expansion_queries(expansions))
    elif has_terms and expansions:
        query = Or([query] + _expansion_queries(expansions))
    stems = frozenset(t.decode() if isinstance(t, bytes) else str(t)
                      for f, t in (query.iter_all_terms() if has_terms else []) if f in SEARCH_FIELDS)
    if clauses:
        query = And(([query] if has_terms else []) + clauses) if has_terms or len(clauses) > 1 else clauses[0]
    words = [t.text for t in ANALYZER(q, mode="query")] if bag is not None else []
    return ParsedQuery(query=query, stems=stems, expansions=expansions, bag=bag, phrases=phrases,
                       pairs=sorted({(a, b) for a, b in zip(words, words[1:]) if a != b}) if simple else [],
                       expansion_words=[w for e in expansions
                                        if (w := [t.text for t in ANALYZER(e["expansion"], mode="query")])],
                       clauses=clauses)


def _bag(query) -> tuple[list, list] | None:
    """An Or tree of Terms and Phrases over heading/text as (terms, phrases):
    terms are (field, term, boost), phrases ([word, ...], boost) matched
    through the ``pairs`` field. None if the tree holds anything else."""
    terms, phrases = [], {}

    def walk(q, boost):
        if isinstance(q, Term):
            text = q.text.decode() if isinstance(q.text, bytes) else q.text
            terms.append((q.fieldname, text, boost * q.boost))
            return True
        if isinstance(q, Phrase) and q.fieldname in SEARCH_FIELDS:
            words = tuple(w.decode() if isinstance(w, bytes) else w for w in q.words)
            if len(words) == 1:
                terms.append((q.fieldname, words[0], boost * q.boost))
            elif words:
                phrases[words] = max(phrases.get(words, 0.0), boost * q.boost)
            return True
        if isinstance(q, Or):
            return all(walk(sub, boost * q.boost) for sub in q.subqueries)
        return False

    if not walk(query, 1.0) or not (terms or phrases):
        return None
    return terms, [(list(w), b) for w, b in phrases.items()]


def validate(q: str | None, page: int, per_page: int) -> str:
    q = (q or "").strip()
    if not q:
        raise QueryError("empty_query", "Type some words to search for.")
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError("query_too_long", f"The query is longer than {MAX_QUERY_LENGTH} characters.")
    if re.fullmatch(r"(?:\s*(?:AND|OR|NOT|ANDNOT|ANDMAYBE|[*?()\"'+\-]))+\s*", q):
        raise QueryError("no_search_terms", "The query has only operators or symbols; add some words.")
    if "\x00" in q or "\ufffd" in q:
        raise QueryError("bad_encoding", "The query contains characters that are not valid text.")
    if page < 1:
        raise QueryError("bad_page", "Page numbers start at 1.")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError("bad_per_page", f"per_page must be between 1 and {MAX_PER_PAGE}.")
    return q


def split_values(value) -> list[str]:
    """A filter's values: "a,b", ["a", "b"] and ["a,b"] all give ["a", "b"]
    (blanks dropped, first occurrence kept)."""
    items = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    out: list[str] = []
    for item in items:
        if item is None:
            continue
        for part in str(item).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def normalise_grade(value: str) -> str:
    """"requires-improvement", "REQUIRES IMPROVEMENT" → "Requires improvement"."""
    key = " ".join(re.sub(r"[-_]", " ", str(value)).split()).lower()
    for grade in GRADES:
        if grade.lower() == key:
            return grade
    raise QueryError("bad_filter", f"grade must be one of {', '.join(GRADES)}.")


def normalise_filters(filters: dict | None, known: dict[str, set[str]] | None = None) -> dict[str, list]:
    """Filters as {name: [values]}: values split on commas, years as numbers,
    grades spelt as in GRADES, and force and inspection names matched to the
    indexed ones ignoring case (``known``: name → indexed values). Unknown
    filter names are ignored; malformed values raise QueryError."""
    out: dict[str, list] = {}
    for key, value in (filters or {}).items():
        if key not in FILTERS:
            continue
        values = split_values(value)
        if not values:
            continue
        if key == "year":
            if not all(re.fullmatch(r"[0-9]{1,4}", v) for v in values):
                raise QueryError("bad_filter", "year must be a number such as 2015.")
            out[key] = sorted({int(v) for v in values})
            continue
        if key == "grade":
            values = [normalise_grade(v) for v in values]
        elif known and key in known:
            by_lower = {k.lower(): k for k in known[key]}
            values = [by_lower.get(v.lower(), v) for v in values]
        out[key] = list(dict.fromkeys(values))
    return out


def filter_query(filters: dict | None, exclude: str | None = None):
    """Passages allowed by the filters: values of one filter combine with OR,
    filters with AND. ``exclude`` leaves one filter out (for its facet counts)."""
    terms = [Term("doctype", "passage")]
    for key, values in normalise_filters(filters).items():
        if key == exclude:
            continue
        alternatives = [Term(FILTERS[key], v) for v in values]
        terms.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    return And(terms)


def known_values(store: IndexStore) -> dict[str, set[str]]:
    """Indexed force and inspection names, to match filters ignoring case."""
    reports = store.reports()
    return {"force": {r.force for r in reports if r.force},
            "inspection": {r.inspection for r in reports if r.inspection}}


# ------------------------------------------------------------------ snippets

def match_spans(text: str, stems: frozenset[str]) -> list[list[int]]:
    """Character ranges of the words of ``text`` that match, longest first
    where they overlap (a compound and its parts)."""
    spans = sorted(((a, b) for stem, a, b in term_spans(text) if stem in stems), key=lambda x: (x[0], -x[1]))
    out: list[list[int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            continue
        out.append([a, b])
    return out


def snippet(text: str, spans: list[list[int]], size: int = SNIPPET_CHARS) -> str:
    """HTML: the window of ``size`` characters holding the most distinct
    matches, cut at word boundaries, matches wrapped in <mark>."""
    if len(text) <= size or not spans:
        start, end = 0, min(len(text), size)
    else:
        best, start = -1, 0
        for i, (a, _) in enumerate(spans):
            window = {text[x:y].lower() for x, y in spans[i:] if y <= a + size}
            if len(window) > best:
                best, start = len(window), a
        start = max(0, start - size // 4)
        end = min(len(text), start + size)
        start = max(0, end - size)
    if start > 0:
        sp = text.find(" ", start)
        start = sp + 1 if 0 <= sp < start + 30 else start
    if end < len(text):
        sp = text.rfind(" ", start, end)
        end = sp if sp > start + size // 2 else end
    out, pos = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:end]))
    body = "".join(out).replace("\n", " ")
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


# ------------------------------------------------------------------ suggestion

def _known(reader, word: str) -> bool:
    """Every stem of ``word`` is in a live (not deleted) passage."""
    return all(live_doc_frequency(reader, "text", s) or live_doc_frequency(reader, "heading", s)
               for s in (t.text for t in ANALYZER(word, mode="query")))


def suggest(searcher, q: str, speller) -> str | None:
    """Did-you-mean: replace words the index does not know by the closest
    words it does know (``speller``: the corpus vocabulary, spelling.py)."""
    reader = searcher.reader()
    changed, out = False, []
    for chunk in re.split(r"(\s+)", q):
        if ":" in chunk or chunk in ("AND", "OR", "NOT"):  # field clauses and operators stay as typed
            out.append(chunk)
            continue
        for token in re.split(r"(\W+)", chunk):
            word = token.lower()
            is_name = token[:1].isupper() and out and not token.isupper()  # "Kent" is not a typo of "kept"
            if not re.fullmatch(r"[a-z]{3,}", word) or word in STOP_WORDS or is_name:
                out.append(token)
                continue
            if _known(reader, word):
                out.append(token)
                continue
            # the vocabulary still holds words of deleted reports
            options = [o for o in speller.suggest(word, limit=5) if _known(reader, o)]
            if options and options[0] != word:
                out.append(options[0])
                changed = True
            else:
                out.append(token)
    return "".join(out) if changed else None


# ------------------------------------------------------------------ search

def _counts(results, field: str) -> dict[str, int]:
    groups = results.groups(field)
    return {str(k): v for k, v in sorted(groups.items(), key=lambda kv: (-kv[1], str(kv[0])))
            if k not in (None, "", b"")}


def _facet_counts(s, query, filters: dict, results) -> dict[str, dict[str, int]]:
    """Counts per facet value. A facet's own filter is left out of its counts
    (the others apply), so its other values show what adding them (OR) would
    give; for a facet without a filter these are counts within the results."""
    out = {}
    for name, field in FACETS.items():
        if name not in filters:
            out[name] = _counts(results, field)
            continue
        facet = sorting.Facets()
        facet.add_field(field, maptype=sorting.Count)
        others = s.search(query, limit=1, filter=filter_query(filters, exclude=name), groupedby=facet)
        out[name] = _counts(others, field)
    return out


def _hit(store, parsed, fields: dict, rank: int, score: float) -> Hit:
    p = fields_to_passage(fields)
    spans = match_spans(p.text, parsed.stems)
    return Hit(passage=p, report=store.report(p.report_id), rank=rank, score=score,
               snippet=snippet(p.text, spans), matches=spans)


def _groups(store, parsed, results, page: int, per_page: int) -> tuple[list[Group], int]:
    """All hits gathered by report, reports ordered by their best hit; the
    groups of one page, with the best GROUP_HITS hits of each in full."""
    found: dict[str, dict] = {}
    for rank, hit in enumerate(results, start=1):
        f = hit.fields()
        g = found.setdefault(f["report"], {"score": hit.score, "count": 0, "pages": {}, "top": []})
        g["count"] += 1
        g["pages"].setdefault(f.get("page", 0), f["id"])  # the page's best passage
        if len(g["top"]) < GROUP_HITS:
            g["top"].append((rank, hit.score, f))
    ordered = list(found.items())  # insertion order is score order
    groups = []
    for rid, g in ordered[(page - 1) * per_page: page * per_page]:
        pages = [{"page": n, "id": pid, "url": f"/reports/{rid}#{pid}"} for n, pid in sorted(g["pages"].items())]
        groups.append(Group(report=store.report(rid), count=g["count"], pages=pages, score=g["score"],
                            hits=[_hit(store, parsed, f, rank, score) for rank, score, f in g["top"]]))
    return groups, len(ordered)


RERANK = 30  # best candidates re-ordered with the proximity bonus (fast path)


def _clause_mask(snap, s, clause) -> np.ndarray:
    """Documents a query-text restriction (force:, year:, kind:, …) allows."""
    reader = s.reader()
    if isinstance(clause, Term) and clause.fieldname in ranking.CODED_FIELDS:
        value = clause.text.decode() if isinstance(clause.text, bytes) else clause.text
        if clause.fieldname == "year":
            value = int(value) if not isinstance(value, int) else value
        return snap.mask(reader, clause.fieldname, [value])
    mask = np.zeros(snap.n, dtype=bool)
    docs = np.fromiter(s.docs_for_query(clause), dtype=np.int64)
    if len(docs):
        mask[docs] = True
    return mask


def _filter_masks(snap, s, filters: dict, clauses: list) -> dict[str, np.ndarray]:
    """One mask per active filter (values OR-ed) plus one for the query's own
    restrictions (under the key None)."""
    reader = s.reader()
    masks = {name: snap.mask(reader, FILTERS[name], values) for name, values in filters.items()}
    if clauses:
        m = np.ones(snap.n, dtype=bool)
        for c in clauses:
            m &= _clause_mask(snap, s, c)
        masks[None] = m
    return masks


def _proximity_bonus(kept: dict, parsed, texts: dict[int, str], base: dict[int, float]) -> dict[int, float]:
    """What Whoosh's Phrase(slop=PROXIMITY_SLOP) queries add, recomputed for a
    few candidates from their text: a pair of neighbouring query words found
    within the slop adds both words' BM25F text scores again (a span query
    scores as the intersection of its terms)."""
    if not parsed.pairs:
        return base
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


VERIFY_PHRASES = 100  # longer phrases: up to this many candidates (all word pairs present) are checked word by word; beyond, the pairs decide


def _has_phrase(fields: dict, words: list[str]) -> bool:
    """The words in this order in the passage's text or one of its headings
    (a phrase of three words or more: its word pairs alone could be apart)."""
    for part in [fields.get("text", ""), *(fields.get("heading_path") or [])]:
        pos = text_positions(part)
        for start in pos.get(words[0], ()):
            if all(start + i in set(pos.get(w, ())) for i, w in enumerate(words[1:], 1)):
                return True
    return False


def _fast_search(store, s, parsed: ParsedQuery, filters: dict, page: int, per_page: int, group: str | None):
    """The numpy path for plain word queries: (total, ranked [(docnum, score)]
    of the page or all matches when grouping, facet counts)."""
    snap = store.snapshot(s)
    reader = s.reader()
    kept = {("text", w): [] for pair in parsed.pairs for w in pair}  # for the proximity bonus
    scores = ranking.score(snap, s, parsed.bag, keep=kept)
    groups = parsed.phrases + [(w, EXPANSION_BOOST) for w in parsed.expansion_words]
    for words, boost in groups:  # a phrase counts where all its word pairs are
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
    masks = _filter_masks(snap, s, filters, parsed.clauses)
    allowed = snap.live.copy()
    for m in masks.values():
        allowed &= m
    positive = scores > 0
    matched = positive & allowed
    total = int(matched.sum())
    facets = {}
    for name, fieldname in FACETS.items():
        if name in masks:
            m = positive & snap.live
            for other, mask in masks.items():
                if other != name:
                    m &= mask
        else:
            m = matched
        facets[name] = ranking.facet_counts(snap, reader, np.flatnonzero(m), fieldname)
    k = page * per_page
    if group:  # every match, ranked: groups need them all
        docs = np.flatnonzero(matched)
        best = docs[np.lexsort((docs, -scores[docs]))]
    else:
        best, _ = ranking.top(scores, allowed, max(k, RERANK))
    head = best[:RERANK]
    if parsed.pairs and len(head) > 1:
        texts = {int(d): s.stored_fields(int(d)).get("text", "") for d in head}
        rescored = _proximity_bonus(kept, parsed, texts, {int(d): float(scores[d]) for d in head})
        head_ranked = sorted(rescored.items(), key=lambda kv: (-kv[1], kv[0]))
    else:
        head_ranked = [(int(d), float(scores[d])) for d in head]
    ranked = head_ranked + [(int(d), float(scores[d])) for d in best[RERANK:]]
    return total, ranked if group else ranked[(page - 1) * per_page: k], facets


def _groups_from_ranked(store, s, parsed, ranked, page: int, per_page: int) -> tuple[list[Group], int]:
    """Group-by-report from (docnum, score) in rank order (fast path)."""
    snap = store.snapshot(s)
    codes, labels = snap.coded(s.reader(), "report")
    order: list[int] = []
    members: dict[int, list] = {}
    for rank, (d, sc) in enumerate(ranked, start=1):
        c = int(codes[d])
        if c not in members:
            members[c] = []
            order.append(c)
        members[c].append((rank, d, sc))
    groups = []
    for c in order[(page - 1) * per_page: page * per_page]:
        rid = labels[c]
        pages: dict[int, str] = {}
        for _, d, _ in members[c]:
            f = s.stored_fields(d)
            pages.setdefault(f.get("page", 0), f["id"])
        top = members[c][:GROUP_HITS]
        groups.append(Group(report=store.report(rid), count=len(members[c]), score=top[0][2],
                            pages=[{"page": n, "id": pid, "url": f"/reports/{rid}#{pid}"}
                                   for n, pid in sorted(pages.items())],
                            hits=[_hit(store, parsed, s.stored_fields(d), rank, sc) for rank, d, sc in top]))
    return groups, len(order)


def search(store: IndexStore, q: str, page: int = 1, per_page: int = 10,
           filters: dict | None = None, group: str | None = None) -> SearchResult:
    """Ranked, cited hits for ``q``. ``filters`` maps force, year, inspection,
    grade, kind and report to a value or a list of values (OR within a filter,
    AND across filters). ``group="report"`` gathers the hits by report and
    pages through the reports instead of the hits."""
    q = validate(q, page, per_page)
    if group in ("", None):
        group = None
    elif group not in GROUPS:
        raise QueryError("bad_group", f"Results can only be grouped by {', '.join(GROUPS)}.")
    filters = normalise_filters(filters, known_values(store) if filters else None)
    with store.searcher() as s:
        parsed = parse(s.schema, q, store.glossary())
        if parsed.bag is not None:
            total, ranked, facet_counts = _fast_search(store, s, parsed, filters, page, per_page, group)
            groups, groups_total = [], 0
            if group:
                groups, groups_total = _groups_from_ranked(store, s, parsed, ranked, page, per_page)
                hits = [h for g in groups for h in g.hits]
            else:
                start = (page - 1) * per_page + 1
                hits = [_hit(store, parsed, s.stored_fields(d), rank, sc)
                        for rank, (d, sc) in enumerate(ranked, start=start)]
            suggestion = suggest(s, q, store.speller()) if total < 5 or len(q.split()) <= 3 else None
            return SearchResult(query=q, total=total, page=page, per_page=per_page, hits=hits,
                                facets=facet_counts, suggestion=suggestion, expansions=parsed.expansions,
                                group=group, groups=groups, groups_total=groups_total)
        facets = sorting.Facets()
        for name, field in FACETS.items():
            if name not in filters:
                facets.add_field(field, maptype=sorting.Count)
        results = s.search(parsed.query, limit=None if group else page * per_page,
                           filter=filter_query(filters), groupedby=facets if facets.names() else None)
        total = len(results)
        groups, groups_total = [], 0
        if group:
            groups, groups_total = _groups(store, parsed, results, page, per_page)
            hits = [h for g in groups for h in g.hits]
        else:
            hits = [_hit(store, parsed, hit.fields(), rank, hit.score)
                    for rank, hit in enumerate(results[(page - 1) * per_page: page * per_page],
                                               start=(page - 1) * per_page + 1)]
        facet_counts = _facet_counts(s, parsed.query, filters, results)
        # did-you-mean when little is found, or for short keyword queries with an unknown word
        suggestion = suggest(s, q, store.speller()) if total < 5 or len(q.split()) <= 3 else None
    return SearchResult(query=q, total=total, page=page, per_page=per_page, hits=hits,
                        facets=facet_counts, suggestion=suggestion, expansions=parsed.expansions,
                        group=group, groups=groups, groups_total=groups_total)
