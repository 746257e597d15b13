"""The user's query → what to search for.

Whoosh's query language (phrases, AND/OR/NOT, ``heading:``/``text:``) over
heading and text; ``force:``, ``year:``, ``kind:``, ``report:``, ``title:``
and ``grade:`` are pulled out as restrictions that narrow the results
instead of adding words to rank. A plain list of words (questions included)
is also given as a bag of terms for the vectorised scorer (ranking.py),
with the neighbouring word pairs that earn a proximity bonus; acronyms are
expanded both ways from the glossary. The same text is also read as the
*units* every result must match (all words by default): each word, quoted
phrase or group in brackets, with its acronym forms as alternatives; a
user's OR stays inside its unit, so it still means OR. Pure functions of
the query text, the schema and the glossary.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from whoosh import qparser
from whoosh.query import And, AndNot, Not, NullQuery, Or, Phrase, Term

from search_service import compounds as compounds_mod
from search_service import glossary as glossary_mod
from search_service.analysis import ANALYZER
from search_service.rules import QUERY_FIELDS, RESTRICTION_FIELDS, QueryError, normalise_grade, parse_year

PROXIMITY_SLOP = 3
PROXIMITY_BOOST = 1.0
EXPANSION_BOOST = 0.5  # expansions count, but below the user's own words


_QUESTION_RE = re.compile(
    r"^\s*(how|what|when|where|who|whom|whose|which|why|is|are|was|were|do|does|did|has|have|had|can|could|"
    r"should|will|would|to what extent|in what)\b", re.I)


def is_question(q: str) -> bool:
    """A question in words ("How many …?", "khat?"): answered, and matched
    on any of its words, since a report rarely uses every word a question
    does."""
    return q.strip().endswith("?") or bool(_QUESTION_RE.match(q))


@dataclass
class Unit:
    """One thing a result must match when all words are required: a word,
    a "quoted phrase", a group in brackets or an explicit AND or OR, with the
    acronym forms of the words as alternatives. ``label`` is the text as
    typed (shown as "Missing: …" when relaxing drops it)."""
    label: str
    query: object  # Whoosh query over heading/text (and the acronym forms)
    droppable: bool = True  # only words: quoted phrases, (groups) and explicit ANDs or ORs are never dropped


@dataclass
class ParsedQuery:
    query: object  # the Whoosh query of the words (restrictions apart); NullQuery when only restrictions
    stems: frozenset[str]  # analysed terms to highlight
    expansions: list[dict]  # acronyms and long forms added to the query
    clauses: list = field(default_factory=list)  # restrictions: Whoosh queries on force, year, …
    # A plain list of words (no operators or fields; "quoted phrases" allowed)
    # as a bag of (field, term, boost) scored with numpy (ranking.py), plus
    # the phrases, the neighbouring word pairs that earn a proximity bonus
    # and the expansions' words; bag is None when the query has structure.
    bag: list | None = None
    phrases: list = field(default_factory=list)  # ([word, ...], boost): each must occur as a phrase
    pairs: list = field(default_factory=list)
    expansion_words: list = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)  # all-words matching requires each (none for questions)

    @property
    def has_terms(self) -> bool:
        return self.query is not NullQuery


_PARSERS: dict = {}  # (id(schema), group) → (schema, parser): parsers hold no state between parses


def _parser(schema, group=qparser.OrGroup) -> qparser.QueryParser:
    key = (id(schema), group)
    cached = _PARSERS.get(key)
    if cached is not None and cached[0] is schema:
        return cached[1]
    p = qparser.MultifieldParser(list(QUERY_FIELDS), schema, group=group)
    p.remove_plugin_class(qparser.WildcardPlugin)  # "*" and "?" are ordinary characters here
    p.remove_plugin_class(qparser.BoostPlugin)
    p.remove_plugin_class(qparser.RangePlugin)
    if len(_PARSERS) > 16:  # schemas of replaced index generations
        _PARSERS.clear()
    _PARSERS[key] = (schema, p)
    return p


_KNOWN_FIELDS = set(QUERY_FIELDS) | set(RESTRICTION_FIELDS)


def _neutralise_unknown_fields(q: str) -> str:
    """"foo:bar" with an unknown field searches for the words foo and bar."""
    return re.sub(r"\b([A-Za-z_]\w*):", lambda m: m.group(0) if m.group(1).lower() in _KNOWN_FIELDS
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


_RESTRICT_RE = re.compile(r'(?<![\w:])(%s):("[^"]*"|\S+)' % "|".join(RESTRICTION_FIELDS), re.I)


def _restrictions(schema, q: str) -> tuple[str, list]:
    """Pull the restriction clauses (``force:``, ``year:``, …) out of the
    query: they narrow the results rather than add terms to rank."""
    clauses = []
    for m in _RESTRICT_RE.finditer(q):
        name, value = m.group(1).lower(), m.group(2).strip('"')
        if not value:
            continue
        if name == "year":
            clauses.append(Term("year", parse_year(value)))
        elif name == "grade":
            clauses.append(Term("grade", normalise_grade(value)))
        elif name in ("force", "title"):
            sub = qparser.QueryParser(name, schema, group=qparser.AndGroup).parse(value)
            if sub is not NullQuery:
                clauses.append(sub)
        else:
            clauses.append(Term(name, value.lower()))
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


def _word_pairs(words: list[str]) -> list[tuple[str, str]]:
    return sorted({(a, b) for a, b in zip(words, words[1:]) if a != b})


def _proximity(pairs) -> list:
    """Neighbouring query words found close together in a passage score
    extra: questions and multi-word keywords favour passages where the words
    form the same phrase."""
    return [Phrase("text", [a, b], slop=PROXIMITY_SLOP, boost=PROXIMITY_BOOST) for a, b in pairs]


def _expansion_queries(words_of_expansions: list[list[str]]) -> list:
    out = []
    for words in words_of_expansions:
        if len(words) == 1:
            out.append(Term("text", words[0], boost=EXPANSION_BOOST))
        else:
            out.append(Phrase("text", words, slop=1, boost=EXPANSION_BOOST))
    return out


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
        if isinstance(q, Phrase) and q.fieldname in QUERY_FIELDS:
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


def analysed_words(text: str) -> list[str]:
    return [t.text for t in ANALYZER(text, mode="query")]


def _stems(query) -> frozenset[str]:
    return frozenset(t.decode() if isinstance(t, bytes) else str(t)
                     for f, t in query.iter_all_terms() if f in QUERY_FIELDS)


def _alternative(words: list[str]):
    return Term("text", words[0]) if len(words) == 1 else Phrase("text", words)


def _units(schema, q: str) -> list[Unit]:
    """The top-level parts of ``q`` read with AND between them: every word,
    "phrase" and (group). Words that analyse to nothing (stop words) and NOT
    clauses are no units."""
    parser = _parser(schema, qparser.AndGroup)
    tree = parser.process(q)
    nodes = list(tree) if isinstance(tree, qparser.syntax.AndGroup) else [tree]
    units = []
    for node in nodes:
        if isinstance(node, qparser.syntax.NotGroup) or node.startchar is None:
            continue
        query = node.query(parser).normalize()
        if query is NullQuery or not _stems(query):
            continue
        label = q[node.startchar:node.endchar].strip().rstrip("?!.,;:")
        units.append(Unit(label, query, droppable=bool(re.fullmatch(r"[^\s\"()]+", label))))
    return units


def _with_alternatives(units: list[Unit], expansions: list[dict]) -> list[Unit]:
    """The units with the alternatives the glossary gives: an acronym gets
    its long form ("OCGs" or "organised crime group"); words spelling out a
    long form become one unit with the acronym as the alternative
    ("organised crime groups" or "OCG")."""
    for e in expansions:
        words = analysed_words(e["expansion"])
        if not words:
            continue
        if e["direction"] == "acronym":
            for u in units:
                if re.search(r"(?<!\w)%s(?!\w)" % re.escape(e["term"]), u.label):
                    u.query = Or([u.query, _alternative(words)])
            continue
        long_form = set(analysed_words(e["term"]))
        covered = [u for u in units if _stems(u.query) <= long_form]
        if len(covered) > 1 and long_form <= set().union(*(_stems(u.query) for u in covered)):
            merged = Unit(" ".join(u.label for u in covered),
                          Or([And([u.query for u in covered]), _alternative(words)]),
                          droppable=all(u.droppable for u in covered))
            at = units.index(covered[0])
            units = [u for u in units if u not in covered]
            units.insert(at, merged)
    return units


_PARSED: OrderedDict = OrderedDict()  # (schema, glossary, query) → ParsedQuery, most recent last
PARSED_KEEP = 512
_PARSED_LOCK = threading.Lock()


def parse_cached(schema, q: str, glossary: dict | None = None, compounds: tuple = ()) -> ParsedQuery:
    """``parse``, remembered for the last PARSED_KEEP queries: a question is
    parsed for its pool, then again to lead with its answer's passages, and
    users repeat queries; parsing costs milliseconds. A ParsedQuery is never
    changed once made, and a new generation brings a new glossary (a new
    key)."""
    key = (id(schema), id(glossary), q, compounds)
    with _PARSED_LOCK:
        hit = _PARSED.get(key)
        if hit is not None and hit[0] is schema and hit[1] is glossary:
            _PARSED.move_to_end(key)
            return hit[2]
    parsed = parse(schema, q, glossary, compounds)
    with _PARSED_LOCK:
        _PARSED[key] = (schema, glossary, parsed)
        while len(_PARSED) > PARSED_KEEP:
            _PARSED.popitem(last=False)
    return parsed


# Plain words: no quotes (an apostrophe inside or after a word is no quote),
# brackets, fields, wildcards or boosts, and no operator words.
_PLAIN_RE = re.compile(r"(?:[\w\s,.?!;’-]|(?<=\w)')*")
_OPERATORS = frozenset(("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"))


def _plain(q: str) -> bool:
    return bool(q.strip()) and _PLAIN_RE.fullmatch(q) is not None and _OPERATORS.isdisjoint(q.split())


_WORD_QUERIES: OrderedDict = OrderedDict()  # (id(schema), word) → (schema, parts)
WORD_QUERIES_KEEP = 20_000


def _word_queries(schema, word: str) -> tuple | None:
    """One word as Whoosh's parser reads it among other plain words: its
    any-words query, and its unit (label, all-words query) or None; the
    two queries differ for compounds. None when the parser reads the word
    as more than one node (then the whole query goes through the parser)."""
    key = (id(schema), word)
    hit = _WORD_QUERIES.get(key)
    if hit is not None and hit[0] is schema:
        return hit[1]
    simple = _simple_word(schema, word)
    if simple is not None:
        return simple
    all_parser = _parser(schema, qparser.AndGroup)
    tree = all_parser.process(word)
    nodes = list(tree) if isinstance(tree, qparser.syntax.AndGroup) else [tree]
    parts = None
    if len(nodes) == 1:
        node, unit = nodes[0], None
        if not isinstance(node, qparser.syntax.NotGroup) and node.startchar is not None:
            all_q = node.query(all_parser).normalize()
            if all_q is not NullQuery and _stems(all_q):
                unit = (word[node.startchar:node.endchar].strip().rstrip("?!.,;:"), all_q)
        parts = (_parser(schema).parse(word), unit)
    with _PARSED_LOCK:
        _WORD_QUERIES[key] = (schema, parts)
        while len(_WORD_QUERIES) > WORD_QUERIES_KEEP:
            _WORD_QUERIES.popitem(last=False)
    return parts


_SIMPLE_WORD_RE = re.compile(r"([A-Za-z0-9]+)[?!.,;:]*")


def _simple_word(schema, word: str) -> tuple | None:
    """``_word_queries`` of a word of ASCII letters and digits (trailing
    punctuation aside) that analyses to at most one term, without Whoosh's
    parser (a millisecond a word the first time it is seen): one Term per
    query field, in an Or, for both readings (what the parser makes of
    it; tests compare the two over the corpus vocabulary). None for any
    other word."""
    m = _SIMPLE_WORD_RE.fullmatch(word)
    if m is None or m.group(1).upper() in _OPERATORS:
        return None
    fields = [schema[name] for name in QUERY_FIELDS]
    if any(type(f.analyzer) is not type(ANALYZER) for f in fields):  # an index of this version
        return None
    found = [t.text for t in ANALYZER(m.group(1), mode="query")]
    if not found:
        return NullQuery, None
    if len(found) > 1:
        return None
    query = Or([Term(name, found[0]) for name in QUERY_FIELDS])
    return query, (m.group(1), query)


def _flat_terms(queries: list) -> list | None:
    """The terms of these queries, in order, when each is a term or an Or of
    terms, none boosted (what ``Or(queries).normalize()`` flattens them to);
    None for anything else."""
    out = []
    for q in queries:
        subs = q.subqueries if type(q) is Or else (q,)
        if q.boost != 1.0 or not all(type(t) is Term and t.boost == 1.0 for t in subs):
            return None
        out.extend(subs)
    return out


def _parse_plain(schema, q: str) -> tuple[object, list[Unit]] | None:
    """What Whoosh's parser and ``_units`` make of a query of plain words,
    assembled from each word's own reading (remembered): the parser costs
    about a millisecond and a half a query (a dozen regular expressions,
    then its syntax tree), most of a short keyword query's parsing. None
    when a word does not read as one node."""
    parts = [_word_queries(schema, w) for w in q.split()]
    if any(p is None for p in parts):
        return None
    queries = [any_q for any_q, _ in parts if any_q is not NullQuery]
    terms = _flat_terms(queries)
    # an Or of terms already flat normalises without Whoosh copying every term of every word's Or (a third of
    # parsing a question)
    query = Or(terms if terms is not None else queries).normalize()
    units = [Unit(label, all_q, droppable=bool(re.fullmatch(r"[^\s\"()]+", label)))
             for _, unit in parts if unit for label, all_q in [unit]]
    return query, units


def parse(schema, q: str, glossary: dict | None = None, compounds: tuple = ()) -> ParsedQuery:
    """``q`` read as Whoosh's parser reads it, with what the ranking and the
    relaxing need; ``glossary`` (acronym → long form) and ``compounds``
    (``compounds.forms``: a word the reports also write open or closed)
    give the other forms each term is searched as."""
    q = _balance(_neutralise_unknown_fields(q))
    q, clauses = _restrictions(schema, q)
    q = re.sub(r"\b(?:heading|text):(\s|$)", r"\1", q)  # empty field values
    parser = _parser(schema)
    try:
        plain = _parse_plain(schema, q) if _plain(q) else None
        if plain:
            query, units = plain
        else:
            query = parser.parse(q) if q.strip() else NullQuery
            units = _units(schema, q) if q.strip() else []
    except Exception:  # Whoosh's parser is lenient; anything left is a plain-words query
        q = re.sub(r"[^\w\s'-]", " ", q).lower()  # lower case: no operators left
        query = parser.parse(q)
        units = _units(schema, q)
    query = _fix_not(query).normalize()
    has_terms = query is not NullQuery and bool(list(query.iter_all_terms()))
    if not has_terms and not clauses:
        raise QueryError("no_search_terms",
                         "The query has no words to search for (only operators, symbols or very common words).")
    if not has_terms:
        return ParsedQuery(query=NullQuery, stems=frozenset(), expansions=[], clauses=clauses)
    expansions = glossary_mod.expansions(q, glossary or {}) + compounds_mod.expansions(compounds)
    expansion_words = [w for e in expansions if (w := analysed_words(e["expansion"]))]
    structured = bool(re.search(r'[()]|\b(AND|NOT)\b|\w:', q))
    bag, phrases, pairs = None, [], []
    if not structured and isinstance(query, (Or, Phrase)):
        bag, phrases = _bag(query) or (None, [])
        if bag is not None and '"' not in q:  # plain words: nearby pairs earn a bonus
            pairs = _word_pairs(analysed_words(q))
    extra = _proximity(pairs) + _expansion_queries(expansion_words)
    if extra:
        query = Or(list(query.subqueries) + extra) if isinstance(query, Or) and pairs else Or([query] + extra)
    return ParsedQuery(query=query, stems=_stems(query), expansions=expansions, clauses=clauses, bag=bag,
                       phrases=phrases, pairs=pairs, expansion_words=expansion_words,
                       units=[] if is_question(q) else _with_alternatives(units, expansions))
