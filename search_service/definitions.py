"""What a definition question asks about, and whether a sentence defines it.

"What is a tethered drone?", "What does the digital media investigator
do?", "What is Eastmoor Speaks?" ask what a thing is or does: only a
sentence with the term as its subject and a verb that says what it is
("A tethered drone is …"), the term in apposition ("Sentinel, the new …
system"), glossed between dashes or after a glossary's colon, or named
("known as hare coursing") answers; a sentence that only mentions it, lists
it or tells of an event in its life ("Sentinel was due to go live …") does
not. The patterns around the term are compiled once; only the term differs
between questions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from search_service.analysis import STOP_WORDS
from search_service.question import Question, core_of, without_organisations

_TERM = r"(an? |the )?([\w’'-]+(?: [\w’'-]+){0,4}?)"
ASKED_TERM_RE = re.compile(rf"^\s*what(?: is|'s|’s| are| counts as| (?:is|are) counted as)\s+{_TERM}\s*\??\s*$",
                           re.I)
_ASKED_ROLE_RE = re.compile(rf"^\s*what (?:does|do)\s+{_TERM}\s+do\s*\??\s*$", re.I)
_ASKED_MEANING_RE = re.compile(rf"^\s*what (?:does|do)\s+{_TERM}\s+mean\s*\??\s*$", re.I)  # "A grade of X means …"
_DEFINING_VERBS = r"(?:is|are|was|were|means|refers|describes|stands)\b"
# what a thing does: any verb but these, which say what it is, has or may do
_NOT_A_ROLE = r"(?!(?:is|are|was|were|has|have|had|does|do|did|will|would|can|could|may|might|should|must|"\
              r"also|only|not|now|still|already|currently|recently)\b)(?-i:[A-Za-z])+\b"  # [a-z] case aside: _LETTER
# a definition states what is always so: "now", "still", "recently" after the term report events instead
_TIMELESS = r"(?!(?:now|still|also|recently|currently|already|then|sometimes|often|rarely|never|not|only|which|" \
            r"from|in|at|on|for|with|by|to|and|or|across|during|under|after|before)\b)" \
            r"[a-z]+\b"
# "Sentinel was due to go live …", "The hub was opened in 2015": the term's verb tells of an event, not what it is
_EVENT = (r"(?!(?:is|are|was|were)\s+(?:due|expected|scheduled|planned|set|likely|being|going|now|still|not|also|"
          r"late|behind|delayed|introduced|launched|opened|established|created|set up|started|extended|reviewed|"
          # "Appropriate adults … were available between 8am and 10pm": a state they were in, not what they are
          r"available|unavailable|vacant|open|closed|busy|present|absent|short)\b|"
          # "The Safe Streets programme was evaluated by …": a passive past tells what was done to it, not what it is
          r"(?:was|were)\s+(?!(?:called|named|known|designed|intended|used|based|aimed|meant|made)\b)[a-z]+ed\b|"
          # "Heritage crime is the least understood …" judges it, "Availability was lowest on weekdays" measures it;
          # "The unit is to become part of …" plans for it
          r"(?:is|are|was|were)\s+(?:the\s+)?(?:least|most|to|lowest|highest|best|worst|lower|higher|better|worse|"
          r"fewer|more|less)\b)")


# what follows the term, compiled once: only the term itself differs between questions. "The centre, which we
# described as outstanding in 2017, now has …": a relative clause that does not say what the term is ("which is …"
# does) is passed over, and the main verb judged
_ASIDE = r"(?:which\s+(?!(?:is|are|was|were|means)\b)[^,.;]+,\s+)?"
_SUBJECT_TAIL = {role: re.compile(_ASIDE + _EVENT + (_NOT_A_ROLE if role else _TIMELESS), re.I) for role in (False, True)}
# not what the term always is: what it was then ("Availability was lowest …"), or what is done with it ("The
# confidence interval is calculated at …")
_NOT_TIMELESS_RE = re.compile(r"\s*(?:was|were)\b|\s*(?:is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.I)
_STRONG_TAIL = {role: re.compile(r"(?:which\s+)?" + _EVENT + (_NOT_A_ROLE if role else _DEFINING_VERBS), re.I)
                for role in (False, True)}


# A word's character (apostrophes and hyphens included) and a letter: the same as [\w’'-] and, case aside, [a-z],
# which Python compiles into tables of every character. "’{1}" keeps the curly apostrophe apart from \w (the
# compiler would merge them into one such table); the letter is matched without folding case, as [a-z] under re.I
# folds a few letters of other scripts into it (ſ, K), never met in the reports.
_WORD_CHAR = r"(?:\w|’{1}|['-])"
_LETTER = r"(?-i:[A-Za-z])"

# What stands around the term in a sentence that defines it, compiled once: only the term differs between
# questions, and compiling these patterns with the term inside cost a definition question most of a millisecond.
# "<term>s? …" patterns are matched where the term ends.
_SAID_BEFORE = re.compile(r"\W*")  # a sentence's opening: only non-word characters before the term
_ARTICLES = ("the term ", "an ", "a ", "the ", "its ", "their ", "")  # a subject's opening word, in the order tried
_SAID_AFTER = re.compile(r"s?(?:\s*\([^)]*\))?,?\s+", re.I)
_BOUNDARY = re.compile(r"\b")
# "Sentinel, the new crime, intelligence and case file system …"; "Community payback – unpaid work aimed at … –
# was used": apposition or a gloss between dashes says what a thing is as plainly as "is" does
# (not an item of a list: "its child abuse investigation units, its online child abuse team and its …")
_APPOSED_AFTER = re.compile(rf"s?(?:,\s+(?:the|an?|its|their)\s+"
                            rf"(?![^.;]{{0,80}}?\s(?:and|or)\s+(?:the|an?|its|their|other|some|several|various|many)\s)|"
                            rf"\s+[–—-]\s+(?:an?\s+|the\s+)?{_LETTER}{_WORD_CHAR}*\s+[^–—]{{3,}}?\s+[–—-]\s)", re.I)
# "a new operating model, Project Keystone, which …"
_APPOSED_BEFORE = re.compile(rf"\b(?:an?|the|its|their)\s+(?:{_WORD_CHAR}+\s+){{0,5}}{_WORD_CHAR}+,\s+\Z", re.I)
_APPOSED_BEFORE_END = re.compile(r"s?(?:\s*[,.;(]|\s+which\b|\s*$)", re.I)
# (not an item of a list, the next item after it: "the persecution of birds of prey, badger baiting, the poaching of
# fish")
_NEXT_ITEM_AFTER = re.compile(r"s?,\s+(?:the|an?|its|their)\s", re.I)
# "the hunting of hares with dogs, known as hare coursing", "a two-day course called Fair Stops": what goes before
# the name is what it names
_WORD_END = re.compile(r"s?\b")
_NAMED_AS_BEFORE = re.compile(r"\b(?:(?:also|sometimes|often|commonly|locally)\s+)?"
                              r"(?:(?:known|referred to)\s+as|called)\s+(?:the\s+|an?\s+)?\Z", re.I)
# a thing brought in, said what it does in a clause on it: "In October 2022 the force introduced the SafeVisit app,
# which lets officers complete …"
_BROUGHT_IN_BEFORE = re.compile(r"\b(?:introduced|launched|set up|established|created|developed|brought in)\s+"
                                r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:new\s+)?\Z", re.I)
# a glossary's entry: "force crime registrar (FCR): the person in a force who …"
_GLOSSED = re.compile(rf"s?(?:\s*\([^)]*\))?\s*[:–—]\s+(?:an?\s+|the\s+)?{_LETTER}", re.I)
# "What does X do?": "… an investigation standards team of one inspector and six sergeants, who review 40
# investigations each week" says what it does in a clause on the term
_ROLE_CLAUSE = re.compile(rf"s?(?:\s+(?:of|from|in|at|with)\s+[^,.;:()]{{1,80}}?)?,\s+(?:who|which)\s+{_NOT_A_ROLE}",
                          re.I)


# an item of a list: after a separator or opening the sentence, before another separator not opening an
# apposition ("khat, a plant native to Africa"); or the last item, after "; and" or ", or", ending the sentence
_ITEM_BEFORE = re.compile(r"[,;:]\s*\Z")
_ITEM_AFTER = re.compile(r"s?\s*[,;]\s+(?!(?:an?|the|its|their|which|who|where)\b)", re.I)
_CALLED_BEFORE = re.compile(r"(?<![\w-])(?:call(?:s|ed)?(?:\s+(?:it|this|them|these|that))?|described\s+as|known\s+as|"
                            r"referred\s+to\s+as|termed)\s+(?:an?\s+|the\s+)?[‘'\"“]?\Z", re.I)
_LAST_ITEM_BEFORE = re.compile(r"[,;]?\s+(?:and|or)\s+(?:(?:the|an?|its|their)\s+)?\Z", re.I)
# (the list's end, or a clause after it: "… custody records and the duty management system, and it shows …")
_ITEM_END_AFTER = re.compile(r"s?\s*(?:[.–—-]|$|[,;]\s+(?:and|but|which|while|so)\b)", re.I)


@dataclass(frozen=True)
class Defining:
    """How a sentence that defines what a question asks about opens. The
    term is one pattern, ``at``: a lookahead that finds it wherever it
    starts (group 1 is the term); the words around it are matched by
    patterns compiled once."""
    at: re.Pattern  # (?=(term)), case folded
    role: bool  # "what does X do?": any verb of action answers, not only "is"
    required: bool  # only such a sentence may answer
    term: str = ""  # as asked: "counter-corruption unit"

    @cached_property
    def modifiers(self) -> re.Pattern | None:
        """The words before a named term's noun ("duty management" of "the duty management system"), which a
        sentence answering for it names; None for one word or a description, which ends on no noun or ranks
        ("the largest town served by …")."""
        words = self.term.lower().split()
        if not 1 < len(words) <= 4 or any(w in STOP_WORDS or w.endswith("est") for w in words) or \
                re.search(r"(?:ed|ing)$", words[-1]):
            return None
        return re.compile(r"\b" + r"\s+".join(map(re.escape, words[:-1])) + r"\b", re.I)

    @property
    def head(self) -> str:
        """The term's last word: "unit" of "counter-corruption unit"."""
        return self.term.split()[-1].lower() if self.term else ""

    def _said(self, sentence: str) -> int | None:
        """Where the words after a sentence's subject start, when its
        subject is the term ("The term X, …", "An X (…) …"), else None."""
        lead = _SAID_BEFORE.match(sentence).end()
        for article in _ARTICLES:
            if sentence[lead:lead + len(article)].lower() != article:
                continue
            m = self.at.match(sentence, lead + len(article))
            after = m and _SAID_AFTER.match(sentence, m.end(1))
            if after:
                return after.end()
        return None

    def _then(self, tails: dict, sentence: str) -> bool:
        end = self._said(sentence)
        return end is not None and bool(tails[self.role].match(sentence, end))

    def names(self, text: str) -> bool:
        """Does the text name the term, as a word?"""
        return any(_BOUNDARY.match(text, m.start()) for m in self.at.finditer(text))

    def apposes(self, sentence: str) -> bool:
        """Is the term beside a noun phrase that says what it is?"""
        for m in self.at.finditer(sentence):
            a, b = m.start(), m.end(1)
            if _BOUNDARY.match(sentence, a) and (_APPOSED_AFTER.match(sentence, b)
                                                 or self.role and _ROLE_CLAUSE.match(sentence, b)):
                return True
            if _APPOSED_BEFORE.search(sentence, 0, a) and _APPOSED_BEFORE_END.match(sentence, b) and not \
                    _NEXT_ITEM_AFTER.match(sentence, b):
                return True
            if _NAMED_AS_BEFORE.search(sentence, 0, a) and _WORD_END.match(sentence, b):
                return True
            if _BROUGHT_IN_BEFORE.search(sentence, 0, a) and _ROLE_CLAUSE.match(sentence, b):
                return True  # "the force introduced the SafeVisit app, which lets officers …": what it was
                # brought in for says what it is
            if a == _SAID_BEFORE.match(sentence).end() and _GLOSSED.match(sentence, b):
                return True
        return False

    def listed(self, sentence: str) -> bool:
        """Is the term only an item of a list ("are: outstanding; good; …", "…, good, requires improvement or
        inadequate.")?"""
        for m in self.at.finditer(sentence):
            a, b = m.start(), m.end(1)
            opens = a == _SAID_BEFORE.match(sentence).end() or _ITEM_BEFORE.search(sentence, 0, a)
            if opens and _ITEM_AFTER.match(sentence, b) or _LAST_ITEM_BEFORE.search(sentence, 0, a) and \
                    _ITEM_END_AFTER.match(sentence, b):
                return True
        return False

    def subject(self, sentence: str) -> bool:
        """Is the term the sentence's subject, then a verb that does not tell of an event (not the first item of
        a list: "Outstanding, good, requires improvement or inadequate.")?"""
        return self._then(_SUBJECT_TAIL, sentence) and not self.listed(sentence)

    def called(self, sentence: str) -> bool:
        """Is the term what the sentence calls something ("… we call it a cause of concern", "Work that … is
        described as promising practice", "… in a new way, known as 'outcomes'")?"""
        return any(_CALLED_BEFORE.search(sentence, 0, m.start()) for m in self.at.finditer(sentence))

    def opens_on(self, sentence: str) -> bool:
        """Is the term the sentence's subject, then "is" or "means" ("Cuckooing is the practice of …"): the
        definition itself, which a sentence naming the term in passing ("…, a practice known as cuckooing")
        only implies? Not a passive ("The confidence interval is calculated at …"): that says what is done
        with it."""
        end = self._said(sentence)
        return end is not None and bool(_STRONG_TAIL[self.role].match(sentence, end)) and not \
            _NOT_TIMELESS_RE.match(sentence, end)

    def says_what(self, sentence: str) -> bool:
        """Does the sentence say what the term is (as subject with "is", in apposition, or naming it)?"""
        return self._then(_STRONG_TAIL, sentence) or self.apposes(sentence) or self.called(sentence)


def defining(question: Question) -> Defining | None:
    """"What is a tethered drone?", "What are on-call firefighters?", "What
    is integrated offender management?" ask what a kind of thing is: only a
    sentence with the term as its subject answers ("A tethered drone is …",
    "Integrated offender management (IOM) brings …"), not one that mentions
    it ("19 are crewed by on-call firefighters", "HMIC found that integrated
    offender management is working"). "What do digital media investigators
    do?" likewise, with a verb of action ("… examine phones", not "Its unit
    has two investigators"). "What is the …" often asks for a fact about
    something ("the threat level"): there such a sentence is preferred, not
    required."""
    if question.kind != "definition":
        return None
    # "What is Blue Lantern in Northshire?", "What does the … team in Brackenshire do?": the force only scopes
    # the term
    core = re.sub(r"\s+(?:in|at|of|for|by|from)\s*(?=(?:\s+do)?\s*\?|$)|(?<=\s)['’]s\b\s*", "",
                  " ".join(without_organisations(core_of(question.text), question).split()).replace(" ?", "?"))
    role = False
    m = ASKED_TERM_RE.match(core) or _ASKED_MEANING_RE.match(core)
    if not m:
        m, role = _ASKED_ROLE_RE.match(core), True
    if not m:
        return None
    words = [re.escape(w) for w in m.group(2).split()]
    if len(words) > 1 and re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", m.group(2).split()[0]):
        # "What is an ABE interview?": "An achieving best evidence (ABE) interview is …" spells the acronym out
        words[0] = rf"(?:{words[0]}|(?:{_WORD_CHAR}+\s+){{1,6}}\({words[0]}\))"
    # "What is Eastmoor Speaks?" scopes the question to Eastmoor Police and asks about "Speaks": the report
    # may still print the place in the name ("an online survey tool, Eastmoor Speaks, …"), first or within it
    # ("Safer Fenmoor 2020")
    places = "|".join(re.escape(name.split()[0]) for name in question.organisations)
    place = rf"(?:(?:{places})\s+)?" if places else ""
    if places and all(w.isdigit() for w in m.group(2).split()):
        place = rf"(?:{places})\s+"  # "What is Northshire 2025?" names a plan: not any "2025"
    term = place + rf"\s+{place}".join(words)
    # "What is the threat level?" may ask a fact about it; "What is the Safe Streets programme?", a name, asks
    # what it is
    named = m.group(2)[:1].isupper()
    return Defining(re.compile(rf"(?=({term}))", re.I), role,
                    required=role or named or (m.group(1) or "").strip().lower() != "the",
                    term=m.group(2))
