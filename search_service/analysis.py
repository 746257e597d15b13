"""Text analysis shared by indexing, querying, snippets and answers.

One Whoosh tokenizer/filter chain is used everywhere, so a word is matched the
same way in the index, in the query and when highlighting:

    words (hyphenated compounds, numbers such as 66,629 or 83.0 kept whole)
    | lowercase, curly quotes folded, possessive 's dropped
    | compounds: "anti-social" -> anti, social (+ "antisocial" in the index)
    | stop words and question words removed
    | British/American spellings folded (organised -> organized)
    | NLTK Snowball stemmer (cached)
"""
from __future__ import annotations

import re
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from whoosh.analysis import Filter, RegexTokenizer, Token

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
_OUR = re.compile(r"(?<=[bcdfghilmnprstv])our(?=(?:s|ed|ing|hood|hoods|ite|ites|able|ably|er|ers|ful|less|ism|ist)?$)")
_ISE = re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|ational|er|ers)$")
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


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Spelling-folded Snowball stem of a lowercase word (cached: stemming is hot)."""
    return _stemmer.stem(fold_spelling(word))


class NormalizeFilter(Filter):
    """Lowercase, fold curly apostrophes and drop possessive 's."""

    def __call__(self, tokens):
        for t in tokens:
            text = t.text.lower().replace("’", "'")
            if text.endswith("'s"):
                text = text[:-2]
            text = text.strip("'")
            if "," in text and text.replace(",", "").isdigit():
                text = text.replace(",", "")  # 66,629 == 66629
            if text:
                t.text = text
                yield t


class CompoundFilter(Filter):
    """Split hyphenated compounds so "anti-social", "anti social" and
    "antisocial" all meet. In index mode the joined form is added at the first
    part's position; in query mode only the parts are produced (a phrase).
    Positions of later words shift so phrases stay exact."""

    def __call__(self, tokens):
        shift = 0
        for t in tokens:
            if t.positions:
                t.pos += shift
            if "-" not in t.text and "'" not in t.text:
                yield t
                continue
            original = t.text
            pieces, cursor = [], 0
            for part in re.split(r"[-']", original):
                if part:
                    pieces.append((part, original.find(part, cursor)))
                cursor += len(part) + 1
            if not pieces:
                continue
            start = t.startchar if t.chars else 0
            base = t.pos if t.positions else 0
            index_mode = t.mode == "index"
            for i, (part, j) in enumerate(pieces):
                t.text = part
                if t.chars:
                    t.startchar, t.endchar = start + j, start + j + len(part)
                if t.positions:
                    t.pos = base + i
                yield t
                if i == 0 and index_mode and len(pieces) > 1:
                    t.text = "".join(p for p, _ in pieces)
                    if t.positions:
                        t.pos = base
                    if t.chars:
                        t.startchar, t.endchar = start, start + len(original)
                    yield t
            shift += len(pieces) - 1


class StopFilter(Filter):
    """Drop stop words, question words and stray single letters; renumber
    positions so index and query agree on phrases ("year-on-year")."""

    def __init__(self, stoplist=STOP_WORDS):
        self.stops = stoplist

    def __call__(self, tokens):
        removed = 0
        last_pos = None
        for t in tokens:
            text = t.text
            if text in self.stops or (len(text) == 1 and not text.isdigit()):
                if t.positions and t.pos != last_pos:
                    removed += 1
                    last_pos = t.pos
                continue
            if t.positions:
                last_pos = t.pos
                t.pos -= removed
            yield t


class StemFilter(Filter):
    """Spelling fold + Snowball stem; marked as morphological so Whoosh's
    spelling dictionary keeps surface words."""

    is_morph = True

    def __call__(self, tokens):
        for t in tokens:
            t.text = stem(t.text)
            yield t


def make_analyzer():
    return (RegexTokenizer(WORD_PATTERN) | NormalizeFilter() | CompoundFilter()
            | StopFilter() | StemFilter())


ANALYZER = make_analyzer()


def terms(text: str) -> list[str]:
    """The stemmed query terms of a text, in order (parts only, no joined forms)."""
    return [t.text for t in ANALYZER(text, mode="query")]


def term_spans(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) for every analysed word of a text: used to mark matches."""
    return [(t.text, t.startchar, t.endchar)
            for t in ANALYZER(text, chars=True, mode="index")]
