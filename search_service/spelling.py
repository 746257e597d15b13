"""Did-you-mean from the corpus's own words, kept as derived data next to
the index.

Whoosh's ``spelling=True`` would index every passage a second time, unstemmed,
to feed its corrector: a quarter of a large build. The vocabulary is a
word → passage-count table instead, learned in one regex pass. Whoosh's
Levenshtein automata (over the sorted words) and a sound-alike key give the
candidates; each is then priced by a weighted edit distance that knows how
people mistype (neighbouring keys, swapped and doubled letters, vowels,
sound-alike letters, British and American spellings) and by how often the
corpus uses it. A correction is offered only when the best candidate is
cheap for the word's length and clearly ahead of the next one, and never
for a word the reports use, a word of general English, an acronym, a
glossary entry or a name.
"""
from __future__ import annotations

import math
import re
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton

from search_service import budget
from search_service.analysis import ANALYZER, STOP_WORDS, fold_spelling, stem
from search_service.ranking import live_doc_frequency

_WORD_RE = re.compile(r"[A-Za-z]{3,}")
# Bounds on did-you-mean's cost: a Levenshtein automaton is built per word,
# and its cost grows with the word's length (a 1,000-letter word took 5-7 s)
# and the vocabulary's size. Words beyond these bounds are left as typed.
MAX_WORD = 20  # letters ("internationalisation"; the reports' longest words are about 20)
MAX_LOOKUPS = 5  # unknown words looked up per query
# of lookups per query: the suggestion is a courtesy, never the cost of a search. Counted in the request
# thread's processor time, not on the wall clock: the same query gets the same suggestion however busy the
# server is (a wall-clock cap corrected one word of two under load); the request's own budget (budget.py)
# still bounds its wall time
SPELL_SECONDS = 0.15


def vocabulary(texts) -> dict[str, int]:
    """Lower-case words of three letters or more (stop words aside) → the
    number of texts using them."""
    counts: Counter = Counter()
    for text in texts:
        counts.update({w.lower() for w in _WORD_RE.findall(text)} - STOP_WORDS)
    return dict(sorted(counts.items()))


def merge(old: dict[str, int], new: dict[str, int]) -> dict[str, int]:
    """Two count tables (word or heading → passages) added up, sorted."""
    out = dict(old)
    for word, n in new.items():
        out[word] = out.get(word, 0) + n
    return dict(sorted(out.items()))


# ------------------------------------------------------------------ the cost of a slip

VOWELS = frozenset("aeiouy")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (r, c + 0.5 * r) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
# Letters that stand for the same sound in English spelling.
_SOUND_ALIKE = {frozenset(p) for p in ("ck", "cs", "sz", "kq", "iy", "gj", "fv", "mn", "td", "bp")}

SAME_KEY_ROW = 0.5  # a neighbouring key
SOUND_ALIKE = 0.5
VOWEL_FOR_VOWEL = 0.6
SWAP = 0.5  # two neighbouring letters swapped
DOUBLING = 0.3  # a letter doubled or undoubled
SILENT = 0.6  # an h, or a vowel, left out or added
OTHER = 1.0  # any other substitution, insertion or deletion
FIRST_LETTER = 0.3  # people rarely get the first letter wrong


def _adjacent(a: str, b: str) -> bool:
    pa, pb = _KEY_AT.get(a), _KEY_AT.get(b)
    return bool(pa and pb) and abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1


def substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if _adjacent(a, b):
        return SAME_KEY_ROW
    if frozenset((a, b)) in _SOUND_ALIKE:
        return SOUND_ALIKE
    if a in VOWELS and b in VOWELS:
        return VOWEL_FOR_VOWEL
    return OTHER


def _indel_cost(word: str, i: int) -> float:
    """Cost of ``word[i]`` being there in one spelling and not the other."""
    ch = word[i]
    if (i > 0 and word[i - 1] == ch) or (i + 1 < len(word) and word[i + 1] == ch):
        return DOUBLING
    if ch in VOWELS or ch == "h":
        return SILENT
    return OTHER


def slip_cost(typed: str, word: str) -> float:
    """Weighted Damerau-Levenshtein distance (optimal string alignment)
    between what was typed and a known word, plus FIRST_LETTER when they
    start differently."""
    n, m = len(typed), len(word)
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _indel_cost(word, j - 1)
    for i in range(1, n + 1):
        cur = [prev[0] + _indel_cost(typed, i - 1)] + [0.0] * m
        a = typed[i - 1]
        for j in range(1, m + 1):
            b = word[j - 1]
            best = min(prev[j - 1] + substitution_cost(a, b),
                       prev[j] + _indel_cost(typed, i - 1),
                       cur[j - 1] + _indel_cost(word, j - 1))
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b and a != b:
                best = min(best, prev2[j - 2] + SWAP)
            cur[j] = best
        prev2, prev = prev, cur
    return prev[m] + (FIRST_LETTER if typed[:1] != word[:1] else 0.0)


_SOUND_RULES = [(re.compile(p), r) for p, r in (
    (r"ph", "f"), (r"(?<=.)gh", ""), (r"ck", "k"), (r"qu?", "kw"), (r"x", "ks"), (r"^wr", "r"), (r"^kn", "n"),
    (r"c(?=[eiy])", "s"), (r"c", "k"), (r"z", "s"), (r"dg", "j"), (r"g(?=[eiy])", "j"), (r"y", "i"),
)]


def sound_key(word: str) -> str:
    """A rough sound-alike key: English spelling rules applied, then each
    run of vowels written "*" and silent h and doubled letters dropped.
    "naybourhood" and "neighbourhood" share "n*b*r*d", "kwality" and
    "quality" share "kw*l*t*"; "seperate" (s*p*r*t*) and "support" (s*p*rt)
    do not."""
    w = word.lower()
    for pattern, repl in _SOUND_RULES:
        w = pattern.sub(repl, w)
    w = w[:1] + w[1:].replace("h", "")
    w = re.sub(r"(.)\1+", r"\1", w)
    return re.sub(r"[aeiou]+", "*", w)


# ------------------------------------------------------------------ choosing a correction

# Most a correction may cost, by length of the typed word: a slip in a
# short word is more likely to be another word altogether.
MAX_COST = ((4, 0.6), (6, 0.6), (8, 0.8), (10, 1.0), (99, 1.4))
SOUND_MATCH_COST = 1.0  # a candidate that sounds the same, however spelt (words of SOUND_FROM letters or more)
SOUND_FROM = 6
FREQUENCY_WEIGHT = 0.15  # per factor of ten in passages using the word
MARGIN = 0.3  # the best must beat the runner-up (another word, not a form of it) by this
MIN_LENGTH = 4  # shorter words are left alone
MAX_DISTANCE = 2  # Levenshtein distance of the candidates


@dataclass(frozen=True)
class Candidate:
    word: str
    cost: float  # of the slip
    score: float  # cost less the frequency bonus: lower is better
    sounds_alike: bool = False


def max_cost(length: int) -> float:
    return next(cost for upto, cost in MAX_COST if length <= upto)


class Speller:
    """Corrections drawn from the corpus's vocabulary (word → passages)."""

    def __init__(self, counts: dict[str, int]):
        self.counts = counts
        self._words = sorted(counts)
        self._folded = {fold_spelling(w) for w in counts}
        self._by_sound: dict[str, list[str]] = {}
        for w in self._words:
            if len(w) >= MIN_LENGTH:
                self._by_sound.setdefault(sound_key(w), []).append(w)

    def _near(self, word: str) -> set[str]:
        """Known words within MAX_DISTANCE plain edits (one for short words)."""
        k = 1 if len(word) <= 4 else MAX_DISTANCE
        dfa = levenshtein_automaton(word, k, 0).to_dfa()
        words = self._words

        def first_from(key: str):  # the first known word at or after key
            i = bisect_left(words, key)
            return words[i] if i < len(words) else None

        return set(find_all_matches(dfa, first_from))

    def candidates(self, word: str, known=None) -> list[Candidate]:
        """Known words ``word`` may be a slip for, best first. ``known``: a
        test that a word still has live passages (the vocabulary keeps words
        of removed reports until the next rebuild)."""
        if not self.counts or len(word) > MAX_WORD:
            return []
        word = word.lower()
        folded = fold_spelling(word)
        near = self._near(word)
        key = sound_key(word)
        alike = {w for w in self._by_sound.get(key, ()) if abs(len(w) - len(word)) <= 4} if len(key) >= 3 else set()
        out = []
        for w in (near | alike) - {word}:
            cost = min(slip_cost(word, w), slip_cost(folded, fold_spelling(w)))
            sounds_alike = w in alike and len(word) >= SOUND_FROM
            if sounds_alike:
                cost = min(cost, SOUND_MATCH_COST)
            if cost > max(max_cost(len(word)), SOUND_MATCH_COST if sounds_alike else 0) + MARGIN:
                continue
            if known is not None and not known(w):
                continue
            score = cost - FREQUENCY_WEIGHT * math.log10(self.counts.get(w, 0) + 1)
            out.append(Candidate(w, cost, score, sounds_alike))
        return sorted(out, key=lambda c: (c.score, c.word))

    def correct(self, word: str, known=None) -> str | None:
        """The confident correction of ``word``, or None: the best candidate
        must be a cheap slip for the word's length, and ahead of the next
        candidate that is not merely another form of it by MARGIN."""
        if len(word) < MIN_LENGTH:
            return None
        found = self.candidates(word, known)
        if not found:
            return None
        best = found[0]
        if best.cost > max(max_cost(len(word)), SOUND_MATCH_COST if best.sounds_alike else 0):
            return None
        rival = next((c for c in found[1:] if stem(c.word) != stem(best.word)), None)
        if rival is not None and rival.score - best.score < MARGIN:
            return None
        return best.word

    def uses(self, word: str) -> bool:
        """The reports write this word (or its British/American twin) as it is."""
        return word in self.counts or fold_spelling(word) in self._folded

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` candidates, best first (however unsure)."""
        return [c.word for c in self.candidates(word)[:limit]]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Words of general English (pyspellchecker's list of about 160,000,
    cleaned of misspellings; American spellings). A word from it that the
    reports happen not to use ("protest", "petrol", "heroin") is no slip
    for a report word one letter away ("protect", "patrol", "heron"), so it
    is never corrected. Read from the installed package, never downloaded."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def is_english(word: str) -> bool:
    words = english_words()
    return word in words or fold_spelling(word) in words


def is_right(reader, speller: Speller, word: str) -> bool:
    """Not to be corrected: a word with hits that the reports write as it is,
    or a word of general English whose stem they use ("channeled" finds
    "channelled"). A slip that only finds passages through its stem
    ("managment", "occured") is no such word."""
    return is_live(reader, word) and (speller.uses(word) or is_english(word))


def is_live(reader, word: str) -> bool:
    """Every stem of ``word`` is in a live (not deleted) passage."""
    return all(live_doc_frequency(reader, "text", s) or live_doc_frequency(reader, "heading", s)
               for s in (t.text for t in ANALYZER(word, mode="query")))


def _same_case(template: str, word: str) -> str:
    if template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _leave_alone(token: str, first: bool, glossary: dict) -> bool:
    """Words never corrected: short ones, stop words, acronyms (written in
    capitals, or in the glossary) and names (capitalised after the first
    word; "Kent" is no typo of "kept")."""
    word = token.lower()
    return (not re.fullmatch(r"[a-z]{%d,}" % MIN_LENGTH, word) or word in STOP_WORDS
            or token.isupper() or token.upper() in glossary or token.rstrip("s").upper() in glossary
            or (token[:1].isupper() and not first))


def suggest(searcher, q: str, speller: Speller, glossary: dict | None = None) -> str | None:
    """Did-you-mean: the query with each word the index does not know
    replaced by its confident correction from the corpus vocabulary
    (``speller``); None when no word needs or has one. Field clauses,
    operators and quoted phrases stay as typed. At most MAX_LOOKUPS words
    of up to MAX_WORD letters are looked up, for at most SPELL_SECONDS."""
    reader = searcher.reader()
    glossary = glossary or {}
    changed, out, first = False, [], True
    lookups = 0
    deadline = time.thread_time() + SPELL_SECONDS

    def live(w: str) -> bool:
        return is_live(reader, w)

    for part in re.split(r'("[^"]*")', q):
        if part.startswith('"'):  # a phrase in quotes is meant exactly
            out.append(part)
            first = False
            continue
        for chunk in re.split(r"(\s+)", part):
            if ":" in chunk or chunk in ("AND", "OR", "NOT"):
                out.append(chunk)
                first = first and not chunk.strip()
                continue
            for token in re.split(r"(\W+)", chunk):
                if not token or not re.match(r"\w", token):
                    out.append(token)
                    continue
                alone = _leave_alone(token, first, glossary)
                first = False
                if alone or len(token) > MAX_WORD or lookups >= MAX_LOOKUPS or time.thread_time() >= deadline:
                    out.append(token)
                    continue
                budget.check()
                if is_english(token.lower()) or is_right(reader, speller, token.lower()):
                    out.append(token)
                    continue
                lookups += 1
                fixed = speller.correct(token.lower(), known=live)
                if fixed and fixed != token.lower():
                    out.append(_same_case(token, fixed))
                    changed = True
                else:
                    out.append(token)
    return "".join(out) if changed else None
