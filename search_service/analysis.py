"""Text analysis shared by indexing, querying, snippets and answers.

One Whoosh analyzer is used everywhere, so a word is matched the same way in
the index, in the query and when highlighting (see PoliceAnalyzer for the
steps). It runs as a single cached pass per word rather than a chain of
Whoosh filters: analysis is most of the work of indexing and of answering.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import accumulate, compress
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer
from whoosh.analysis import Filter, Token, Tokenizer

# Words: letters/digits joined by hyphens, apostrophes, or (between digits) , and .
WORD_PATTERN = r"\w+(?:(?:[-'’]|(?<=\d)[.,](?=\d))\w+)*"

STOP_WORDS = frozenset("""
a an and are as at be by can for from have if in is it may of on or that the this to
us we will with yet you your i me my our ours they them their theirs its it's he she his her
do does did done doing was were been being has had having there here than then so such
what which who whom whose where when why how much many about into onto over under
would could should shall might must also just very more most these those any each often per
""".split())

_IRREGULAR = {
    "programme": "program", "programmes": "programs",
    "centre": "center", "centres": "centers", "centred": "centered",
    "offence": "offense", "offences": "offenses",
    "defence": "defense", "defences": "defenses",
    "licence": "license", "licences": "licenses",
    "pretence": "pretense",
    "judgement": "judgment", "judgements": "judgments",
    "ageing": "aging", "grey": "gray", "tyre": "tire", "tyres": "tires",
    "fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment",
    "enrolment": "enrollment", "focussed": "focused", "focussing": "focusing",
    "manoeuvre": "maneuver", "cheque": "check", "kerb": "curb",
    "travelled": "traveled", "travelling": "traveling", "cancelled": "canceled",
    "labelled": "labeled", "modelling": "modeling", "counselling": "counseling",
    "paediatric": "pediatric", "anaesthetic": "anesthetic", "storey": "story",
}

# where a sentence may end (Punkt breaks only there): terminal punctuation, closing quotes or brackets, then a space
SENTENCE_END_RE = re.compile(r"[.?!][\"'”’)\]]*\s")

_OUR = re.compile(r"(?<=[bcdfghilmnprstv])our(?=(?:s|ed|ing|hood|hoods|ite|ites|able|ably|er|ers|ful|less|ism|ist)?$)")
# three letters before it at least: "raised" is no "raized" while "raise" (too short to fold) stays "raise"
_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|ational|er|ers)$")
_YSE = re.compile(r"ys(e|es|ed|ing|er|ers)$")
_TRE = re.compile(r"(?<=[bcdfghlmnpstv])tre(s)?$")


@lru_cache(maxsize=200_000)
def fold_spelling(word: str) -> str:
    """Map a lowercase British spelling to its American form (idempotent)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 5:
        word = _OUR.sub("or", word)
        word = _ISE.sub(r"iz\1", word)
        word = _YSE.sub(r"yz\1", word)
    return word


_stemmer = SnowballStemmer("english")


# Snowball undoubles a final consonant only after taking off -ed or -ing
# ("staffed", "staffing" -> "staf") while the bare word keeps it ("staff"), so
# "custody staffing" missed "custody staff"; every stem ending in one of the
# doubles it undoubles loses one letter, whichever form it came from.
_DOUBLED = re.compile(r"(bb|dd|ff|gg|mm|nn|pp|rr|tt)$")


# Irregular verb forms and their base forms ("spoke" is not one: it is also
# a noun; "found" -> "find", "held" -> "hold") and irregular plurals and their
# singulars ("children" -> "child", "knives" -> "knife", "women" -> "woman"):
# the forms whose base form Snowball stems differently, taken from
# lemminflect's English lemma tables (``forms_from_lemminflect`` makes each
# table; tests/test_search.py checks the shipped files are what lemminflect
# gives). About 600 entries each, not its 70,000.
DATA_DIR = Path(__file__).resolve().parent / "data"
VERB_FORMS_FILE = DATA_DIR / "verb_forms.json"
NOUN_FORMS_FILE = DATA_DIR / "noun_forms.json"
VERB_FORMS: dict[str, str] = json.loads(VERB_FORMS_FILE.read_text(encoding="utf-8"))
NOUN_FORMS: dict[str, str] = json.loads(NOUN_FORMS_FILE.read_text(encoding="utf-8"))
# Forms that reports use otherwise: "the Met" is the Metropolitan Police, not
# a meeting; "media" (social media) is not the plural of "medium" (medium risk).
NOT_FORMS = {"VERB": frozenset({"met"}), "NOUN": frozenset({"media"})}
# Past forms lemminflect leaves out because each is a noun or an adjective too
# ("a rose", "a fell", "a saw", "fallen leaves"): in the reports they are the
# verb ("recorded crime fell by 6 percent", "driven mostly by violence"), so a
# question's "fall", "drive" or "see" finds them.
PAST_FORMS = {"fell": "fall", "fallen": "fall", "rose": "rise", "drove": "drive", "driven": "drive",
              "spoke": "speak", "saw": "see", "ate": "eat", "shot": "shoot",
              "felt": "feel"}  # ("staff told us they felt supported": no report speaks of the fabric)
WORD_FORMS = {**NOUN_FORMS, **VERB_FORMS, **PAST_FORMS}  # disjoint: each form is only ever one part of speech


def forms_from_lemminflect(pos: str) -> dict[str, str]:
    """The table of VERB_FORMS (``pos`` "VERB") or NOUN_FORMS ("NOUN"), from
    lemminflect (a test dependency): each lowercase word that is only ever a
    form of that part of speech, whose base form's Snowball stem differs
    from its own."""
    from lemminflect import getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    out = {}
    for word in Lemmatizer()._getLemmaDict():
        if not (word.isalpha() and word.islower()) or word in NOT_FORMS[pos]:
            continue
        lemmas = getAllLemmas(word)
        if set(lemmas) != {pos}:
            continue  # "left", "ground", "felt", "lives": words in their own right, or forms of a verb too
        base = lemmas[pos][0]
        if base.isalpha() and base != word and _stemmer.stem(base) != _stemmer.stem(word):
            out[word] = base
    return dict(sorted(out.items()))


# Words a reader uses for what the reports say otherwise, mapped to the
# reports' word: "phones awaiting examination" are the report's "phones waiting
# for examination", "the biggest cause" its "largest cause", "kids" its
# "children". Only words with no other sense in the reports.
SYNONYMS = {"await": "wait", "awaits": "waits", "awaiting": "waiting", "awaited": "waited",
            "big": "large", "bigger": "larger", "biggest": "largest",
            "kid": "child", "kids": "children", "fewer": "less",
            # the inspectorate is "concerned"; a reader asks what "worries" it
            "worry": "concern", "worries": "concerns", "worried": "concerned", "worrying": "concerning",
            # "violent crimes" are the tables' "violence against the person"
            "violent": "violence", "violently": "violence"}


# Words whose Snowball stem is another, unrelated word's, in reports where
# both are common: "responsible" would meet "response" (response officers,
# response times) and "accountable" a council's accounts. Each sense keeps a
# stem of its own.
SENSES = {"responsible": "responsib", "responsibility": "responsib", "responsibilities": "responsib",
          "responsibly": "responsib", "irresponsible": "irresponsib",
          "accountable": "accountab", "accountability": "accountab", "unaccountable": "unaccountab",
          # an investigator is a person, an investigation what they do ("How many investigators …?" is not "It
          # resolved 11,300 investigations")
          "investigator": "investigator", "investigators": "investigator"}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Spelling-folded Snowball stem of a lowercase word's base form, a
    final double consonant undoubled (cached: stemming is hot)."""
    if word in SENSES:
        return SENSES[word]
    word = SYNONYMS.get(word, word)
    out = _stemmer.stem(fold_spelling(WORD_FORMS.get(word, word)))
    return out[:-1] if _DOUBLED.search(out) else out


_WORD_RE = re.compile(WORD_PATTERN)
_SPLIT_RE = re.compile(r"[-']")


def normalize(word: str) -> str:
    """Lowercase, fold curly apostrophes, drop a possessive 's, and write
    66,629 as 66629."""
    text = word.lower().replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    text = text.strip("'")
    if "," in text and text.replace(",", "").isdigit():
        text = text.replace(",", "")
    return text


def _is_stop(text: str) -> bool:
    return text in STOP_WORDS or (len(text) == 1 and not text.isdigit())


@lru_cache(maxsize=500_000)
def word_plan(word: str, index_mode: bool, morph: bool = True) -> tuple:
    """What one word of text becomes: (term, piece number, start, end) for
    each term it yields, and the number of positions it takes.

    Compounds split so "anti-social", "anti social" and "antisocial" all
    meet: the parts take consecutive positions and, in index mode, the joined
    form shares the first part's position. Stop words and stray single
    letters yield nothing. Cached: a corpus repeats its words endlessly, and
    this is the inner loop of indexing, highlighting and answering.
    """
    norm = normalize(word)
    if not norm:
        return (), 1
    if "-" not in norm and "'" not in norm:
        if _is_stop(norm):
            return (), 1
        return ((stem(norm) if morph else norm, 0, 0, len(word)),), 1
    pieces, cursor = [], 0
    for part in _SPLIT_RE.split(norm):
        if part:
            pieces.append((part, norm.find(part, cursor)))
        cursor += len(part) + 1
    out = []
    for i, (part, j) in enumerate(pieces):
        if not _is_stop(part):
            out.append((stem(part) if morph else part, i, j, j + len(part)))
        if i == 0 and index_mode and len(pieces) > 1:
            joined = "".join(p for p, _ in pieces)
            if not _is_stop(joined):
                out.append((stem(joined) if morph else joined, 0, 0, len(norm)))
    return tuple(out), max(1, len(pieces))


class PoliceAnalyzer(Tokenizer):
    """The whole chain in one pass over the text, cached per word:

        words (hyphenated compounds, numbers such as 66,629 or 83.0 kept whole)
        | lowercase, curly quotes folded, possessive 's dropped
        | compounds: "anti-social" -> anti, social (+ "antisocial" in the index)
        | stop words and question words removed, positions closed up
        | British/American spellings folded, NLTK Snowball stem

    Positions count the words kept, so a phrase matches across a removed stop
    word in the index and in the query alike ("year-on-year").
    """

    # What the analyzer makes of a word changed (2: doubled final consonants
    # undoubled; 3: irregular verb forms at their base form, VERB_FORMS; 4: irregular
    # plurals at their singular, NOUN_FORMS; 5: a reader's words at the reports' word,
    # SYNONYMS; 6: past forms that are nouns too, PAST_FORMS; 7: "fewer" as "less"; 8: "responsible"
    # and "accountable" apart from "response" and "account", SENSES; 9: "worry" as "concern"; 10: "violent" as
    # "violence"; 11: "felt" as "feel"; 12: "investigator" apart from "investigation", SENSES; 13: "raised" at
    # "raise", not folded as a British "-ised"): an index written
    # by an earlier one is rebuilt (IndexStore.outdated).
    VERSION = 13

    def __init__(self):
        super().__init__()
        self.version = self.VERSION  # pickled with the schema: the version that wrote the index

    def has_morph(self) -> bool:
        return True  # stems: Whoosh keeps surface words for spelling (no_morph)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", no_morph=False, **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, pos, start, end, word in _terms(value, mode == "index", not no_morph, tokenize):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t

    def index_terms(self, value: str) -> tuple[tuple[str, int], ...]:
        """(term, position) of every term of ``value`` as the index holds it:
        what ``__call__`` yields in index mode, as a list rather than one
        Token at a time (the index writer's fast path, ranking.py)."""
        return _index_pass(value)[0]


def _terms(value: str, index_mode: bool, morph: bool = True, tokenize: bool = True):
    """(term, position, start, end, word) for each term of a text."""
    matches = _WORD_RE.finditer(value) if tokenize else [re.match(r"(?s).*", value)]
    raw_pos, last_raw, pos = 0, None, -1
    for m in matches:
        word = m.group()
        plan, width = word_plan(word, index_mode, morph)
        start = m.start()
        for text, piece, a, b in plan:
            if raw_pos + piece != last_raw:
                last_raw = raw_pos + piece
                pos += 1
            yield text, pos, start + a, start + b, word
        raw_pos += width


@lru_cache(maxsize=16)  # a passage's heading parts and text: the pairs field, then the text field
def _index_pass(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    """One pass over a text for the index writer: (term, position) of its
    terms as indexed (joined compounds included: ``_terms`` in index mode)
    and its terms as a query finds them (no joined forms: ``_terms`` in
    query mode), whose neighbours are its pairs. A passage's text feeds both
    the ``text`` and the ``pairs`` field; it is read once for both."""
    indexed, found = [], []
    add, extend, plan_of = indexed.append, found.extend, word_plan
    raw_pos, last_raw, pos = 0, None, -1
    for m in _WORD_RE.finditer(text):
        word = m.group()
        plan, width = plan_of(word, True)
        if plan:
            for term, piece, _, _ in plan:
                r = raw_pos + piece
                if r != last_raw:
                    last_raw = r
                    pos += 1
                add((term, pos))
            # one piece: no joined form, the same terms in both modes
            extend(term for term, *_ in (plan if width == 1 else plan_of(word, False)[0]))
        raw_pos += width
    return tuple(indexed), tuple(found)


@lru_cache(maxsize=1024)  # ~14 KB a passage: a request's passages, not every worker's history
def analysed(text: str) -> tuple:
    """(term, position, start, end) of every term of a passage as indexed
    (joined compounds included). Cached: the same passages come back in
    results, snippets, proximity checks and answers. (The loop of _terms,
    written out: this is the hottest function when answering.)"""
    out = []
    append = out.append
    plan_of = word_plan
    raw_pos, last_raw, pos = 0, None, -1
    for m in _WORD_RE.finditer(text):
        plan, width = plan_of(m.group(), True, True)
        if plan:
            start = m.start()
            for term, piece, a, b in plan:
                r = raw_pos + piece
                if r != last_raw:
                    last_raw = r
                    pos += 1
                append((term, pos, start + a, start + b))
        raw_pos += width
    return tuple(out)


ANALYZER = PoliceAnalyzer()

FIELD_BREAK = "\x1f"  # separates parts of a value that must not pair across (heading | text)


def word_pairs(words: list[str]) -> list[str]:
    """Neighbouring terms as one "a b" term: the common-grams technique, so a
    phrase is a lookup rather than a walk over positions."""
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


class PairAnalyzer(Tokenizer):
    """Every pair of neighbouring terms (as PoliceAnalyzer finds them, stop
    words closed up) as one term; feeds the ``pairs`` field that makes
    quoted phrases and acronym long forms fast to match."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        n = 0
        for part in value.split(FIELD_BREAK):
            for pair in word_pairs([term for term, *_ in _terms(part, False)]):
                t.text, t.boost, t.stopped = pair, 1.0, False
                if positions:
                    t.pos = start_pos + n
                n += 1
                yield t

    def index_terms(self, value: str) -> list[tuple[str, int]]:
        """(pair, position) of every pair of ``value``: what ``__call__``
        yields, as a list; the terms of each part come from the pass that
        also indexes them (``_index_pass``)."""
        out = []
        for part in value.split(FIELD_BREAK):
            out.extend(word_pairs(_index_pass(part)[1]))
        return [(pair, n) for n, pair in enumerate(out)]


PAIR_ANALYZER = PairAnalyzer()


class _Retired(Filter):
    """Names of the filter chain that indexes written before PoliceAnalyzer
    pickled in their schema: kept so such an index still opens and is seen
    as outdated (IndexStore.outdated), then rebuilt."""

    def __call__(self, tokens):
        return tokens


NormalizeFilter = CompoundFilter = StopFilter = StemFilter = _Retired


def terms(text: str) -> list[str]:
    """The stemmed query terms of a text, in order (parts only, no joined forms)."""
    return [t.text for t in ANALYZER(text, mode="query")]


def term_spans(text: str, wanted=None, split=None) -> list[tuple[str, int, int]]:
    """(stem, start, end) for every analysed word of a text, or only for the
    ``wanted`` stems: used to mark matches. With ``wanted`` only the words
    that yield one are analysed closely (a snippet's passage has a few
    hundred words and a query a handful of terms); ``split``, the text's
    ``split_words`` when known, saves splitting it again."""
    if wanted is None:
        return [(t, a, b) for t, _, a, b in analysed(text)]
    starts, words = split_words(text) if split is None else split
    uniq = set(words)
    relevant = _yielding(uniq, wanted, _known(uniq))
    out = []
    for i in compress(range(len(words)), map(relevant.__contains__, words)):
        s = starts[i]
        out.extend((t, s + a, s + b) for t, _, a, b in word_plan(words[i], True, True)[0] if t in wanted)
    return out


def split_words(text: str) -> tuple[list[int], list[str]]:
    """(start offsets, words) of a text, as the analyzer splits it: written
    with each passage at indexing (ranking.py), so that marking matches and
    finding positions, dozens of texts a query, need not run the word
    pattern again (half their time)."""
    found = list(_WORD_RE.finditer(text))
    return list(map(re.Match.start, found)), list(map(re.Match.group, found))  # in C: no Python step per word


def stems_of(text: str) -> frozenset[str]:
    """Every term of a text as indexed (the stems ``term_spans`` gives), as
    a set: each distinct word is looked up once, no offsets are kept."""
    out: set[str] = set()
    for w in set(_WORD_RE.findall(text)):
        out |= _word_terms(w)[0]
    return frozenset(out)


def stems_among(text: str, wanted) -> set[str]:
    """``stems_of(text) & wanted``, looking closely only at the words that
    yield a wanted term (a question reads the words of a few hundred
    sentences and their contexts for its handful of terms)."""
    uniq = set(_WORD_RE.findall(text))
    out: set[str] = set()
    for w in _yielding(uniq, wanted, _known(uniq)):
        out |= _word_terms(w)[0]
    return out & set(wanted)


@lru_cache(maxsize=500_000)
def _word_terms(word: str) -> tuple[frozenset, int, tuple]:
    """(its terms, positions it takes, (term, position within the word) of
    each) for one word of indexed text: what ``positions`` needs, per word."""
    plan, _ = word_plan(word, True, True)
    pieces = sorted({piece for _, piece, _, _ in plan})
    return frozenset(t for t, *_ in plan), len(pieces), tuple((t, pieces.index(piece)) for t, piece, _, _ in plan)


# Every distinct word seen in a text read for positions: the positions it
# takes, and for each term the words that yield it. Plain dictionaries read
# from C (set operations, map), so a text's words cost no Python call each.
# Only ever added to (threads read them without a lock), up to KNOWN_WORDS.
_TAKES: dict[str, int] = {}
_YIELDED_BY: dict[str, set[str]] = {}
KNOWN_WORDS = 500_000


def _learn(words) -> bool:
    """Remember these words; False when the tables are full."""
    if len(_TAKES) + len(words) > KNOWN_WORDS:
        return False
    for w in words:
        found, taken, _ = _word_terms(w)
        for t in found:
            _YIELDED_BY.setdefault(t, set()).add(w)
        _TAKES[w] = taken  # last: a word in _TAKES has its terms in _YIELDED_BY
    return True


def _known(uniq: set[str]) -> bool:
    """True when every one of these words is in the tables (learnt now if need be)."""
    missing = uniq.difference(_TAKES)
    return not missing or _learn(missing)


_YIELDERS: dict = {}  # wanted terms → (words known when worked out, the words that yield one of them)
YIELDERS_KEPT = 256


def _yielding(uniq: set[str], wanted, known: bool) -> set[str]:
    """The words among ``uniq`` that yield a wanted term. The words that
    yield any of a query's terms are worked out once for all the texts it
    reads (a question's terms are yielded by hundreds of words), again only
    when words have been learnt since."""
    if not known:
        return {w for w in uniq if not _word_terms(w)[0].isdisjoint(wanted)}
    key = wanted if isinstance(wanted, frozenset) else frozenset(wanted)
    learnt = len(_TAKES)  # before the union: a word learnt meanwhile makes it be worked out again
    hit = _YIELDERS.get(key)
    if hit is None or hit[0] != learnt:
        hit = (learnt, set().union(*[_YIELDED_BY.get(t, ()) for t in key]))
        if len(_YIELDERS) >= YIELDERS_KEPT:
            _YIELDERS.clear()
        _YIELDERS[key] = hit
    return uniq & hit[1]


def positions(text: str, wanted, split=None) -> dict[str, list[int]]:
    """Term → its positions in a text (as indexed), for the ``wanted`` terms
    only. A fraction of the cost of analysing the whole text (what proximity
    and phrase checks did for thirty candidates a query): the words that
    yield a wanted term are found with set operations and looked at
    closely; the others are only counted (in C: map, accumulate, compress).
    ``split``: the text's ``split_words`` when known."""
    words = _WORD_RE.findall(text) if split is None else split[1]
    uniq = set(words)
    known = _known(uniq)
    relevant = _yielding(uniq, wanted, known)
    if not relevant:
        return {}
    taken = _TAKES if known else {w: _word_terms(w)[1] for w in uniq}
    before = list(accumulate(map(taken.__getitem__, words), initial=0))  # positions taken before each word
    out: dict[str, list[int]] = {}
    for i in compress(range(len(words)), map(relevant.__contains__, words)):
        for term, k in _word_terms(words[i])[2]:
            if term in wanted:
                out.setdefault(term, []).append(before[i] + k)
    return out
