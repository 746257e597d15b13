"""What a "how many" question counts, and whether a sentence counts it.

"How many organised crime groups …?" is answered by "68 organised crime
groups", not by any sentence holding a number: the figure must stand a few
words before what is counted (or after it, as a table row read with its
headers gives it), with nothing between them that makes it a count of
something else ("140 offenders with a caseworker", "3,458 officers and
staff", "24 OCGs per one million of the population", "the 38 firefighters
who can retire"). The answerer (answer/sentence.py) asks these rules of each sentence
a count question reads; they know only the question and the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from search_service.analysis import ANALYZER, NOUN_FORMS, VERB_FORMS, stems_of, term_spans
from search_service.question import MONTHS, Question, scope_stems
from search_service.sentences import CAPTION_LABEL_RE

# a count, in figures or words: "31 of them", "five forces", "one in five"
COUNT_WORD = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)"
ORGANISATION_GENERIC = stems_of("police force service fire rescue constabulary")  # what any organisation is called


# a noun joined to the one counted, the count covering both: "3,458 officers and staff", "officers or PCSOs"
_JOINED_NOUN_RE = re.compile(r"\s+(?:and|or|&)\s+(?!the\b|a\b|an\b|its\b|their\b|then\b|\d)([a-z]+)"
                             r"(?=[\s.,;:)]|$)", re.I)


def joined_to_other(rest: str, asked) -> bool:
    """After a counted noun: is it joined to one not asked about, the figure counting both ("3,458 officers and
    staff")?"""
    joined = _JOINED_NOUN_RE.match(rest)
    if joined and (joined.group(1).lower() in VERB_FORMS or re.fullmatch(r"[a-z]{3,}ed", joined.group(1), re.I)):
        return False  # a verb that goes on: "reviewed 312 recordings and referred 19 of them back"
    return bool(joined and stems_of(joined.group(1)) - asked)


# (the whole a count is of, given in the question, is not what is counted: "In how many of 210 search records …?")
_HOW_MANY_RE = re.compile(r"\b(?:how many|(?<!what )(?<!which )number of) (?:of (?:(?:the|these|those|its|their) )?"
                          r"(?:\d[\d,]* )?)?([\w'’ -]+?)"
                          r"(?=\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|should|could|can|must|may|"
                          r"might|in|at|on|for|by|per|of|across|within|during|between|were|fewer|more|less|than)\b|"
                          r"[?,]|$)", re.I)
NUMERAL_RE = re.compile(r"\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundred)\b", re.I)


DIGITS_RE = re.compile(r"\b\d[\d,.]*\b")


_ASKS_BY_HOW_MUCH_RE = re.compile(r"\bby how much\b", re.I)
CHANGED_BY_RE = re.compile(r"\b(?:rise|rises|rose|risen|fall|falls|fell|fallen|increase[sd]?|decrease[sd]?|grow|grew|"
                           r"grown|drop(?:ped|s)?|reduced|cut)\s+by\s+(?:about\s+|around\s+|nearly\s+|almost\s+|a further\s+|"
                           r"another\s+)?\d",
                           re.I)
_ASKS_DIFFERENCE_RE = re.compile(r"\bhow many\b[^?]*\b(?:fewer|more|less)\b", re.I)
DIFFERENCE_RE = re.compile(r"\b\d[\d,.]*\s*(?:%|per ?cent)?\s+(?:fewer|more|less)\b", re.I)
_PLACE_LABEL_RE = re.compile(r"\s*(?:in|at|on|for|from|by|within|across|inside|outside)\b", re.I)
TIME_AFTER_RE = re.compile(r"\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
# between a label and its value, no new clause: "Police officers (full-time equivalent) at 31 March 2019  2,148", not
# "office functions and selling 14 of its 52 buildings", "firefighters for 19 of its 26 stations", "firefighters, two
# are day-crewed and 19"
_CLAUSE_BREAK_RE = re.compile(r"\b(?:and|or|but)\s+[a-z]+(?:ing|ed)\b|"
                              r"\b(?:which|who|while|whereas|but|for|with|by|are|is|was|were)\b")
_SHARE_VALUE_RE = re.compile(r"\d\s*(?:%|per ?cent\b)", re.I)  # "Five-year change in firefighters: Fenmoor -4%"
_UNIT_AFTER_RE = re.compile(r"\s+(?:hours?|days?|weeks?|months?|years?|minutes?|shifts?|posts?|places?|vacanc(?:y|ies))\b",
                            re.I)
_DAY_OF_MONTH_RE = re.compile(rf"\s+{MONTHS}\b")  # "31 March 2016": a day of a date, no count
_DAY_DATE_RE = re.compile(rf"\b\d{{1,2}}\s+{MONTHS}(?:\s+(?:19|20)\d\d)?\b")
_YEAR_NAMED_RE = re.compile(rf"(?:\b{MONTHS}|\b(?:in|since|by|until|from|during|of|to|before|after|early|late|mid))"
                            r"[\s-]+(?:19|20)\d\d$", re.I)  # a year named as a time, not a count
# a share, no count: "19 percent", "two thirds of all the force's crimes"
_PERCENT_AFTER_RE = re.compile(r"\s*(%|per ?cent\b|percentage points?\b|[- ](?:thirds?|quarters?|fifths?|tenths?)\b)",
                               re.I)
NUMBER_REACH = 6  # terms between a number and what it counts
# "more than one crime": some, not a count of one
_NOT_ONE_RE = re.compile(r"\bmore than\s+\Z", re.I)
# words that may stand between a count and what it counts without changing what is counted
_QUALIFIER_WORDS = frozenset("more most new other further additional active extra current existing total full-time "
                             "part-time trained serving eligible known recorded reported separate different such these "
                             "those about around over nearly almost some only just another equivalent".split())
QUALIFIERS = stems_of(" ".join(_QUALIFIER_WORDS))


def _unqualified_stems(text: str) -> set[str]:
    """The stems of a text's words that are not qualifiers, word by word: "130 reports of crime" keeps "reports", whose
    stem is the qualifier "reported"'s."""
    return {st for w in re.findall(r"[\w’'-]+", text) if w.lower() not in _QUALIFIER_WORDS for st in stems_of(w)}
# (a clause between them too: "left on 60-minute checks after staff learned …" counts no staff; nor does a day's
# date before "the number of people …")
# (a word, not part of one: "60 on-call firefighters")
_COUNT_BREAK_RE = re.compile(r"[,;:()]|(?<!-)\b(with|by|to|from|for|per|against|and|or|than|on|at|in|into|among|"
                             r"between|after|before|when|while|until|because|since|that|which|who|where|if|as|"
                             rf"number of|{MONTHS})\b(?!-)|"
                             # a noun phrase of its own after other words, not a part ("24 of the crimes") nor a
                             # count whose noun is left out ("In 151 the investigation was …"): "24 trained decision
                             # makers record the crimes" counts the decision makers
                             r"\b[a-z][\w’'-]*(?<!\bof)\s+(?:the|its|their|these|those|this|our)\b", re.I)


# a list going on between a noun and a figure after it: "75 rural crime records, 40 wildlife … records and 35 …"
# (a row read with its headers separates its cells with semicolons: those stand)
_LIST_GOES_ON_RE = re.compile(r"\band\b", re.I)
_NAME_WORD_RE = re.compile(r"\b(?-i:[A-Z][a-z][\w’'-]*)")  # a name between a count and its noun: "50 Harrowmere calls"
_NUMBER_OF_RE = re.compile(r"\bnumber of\s+(\w+\s+){0,2}$", re.I)
_COUNT_AFTER_RE = re.compile(r"^[^.;]*?\b(is|was|were|are|stood at|has (risen|fallen|grown) to|(rose|fell|grew) to|"
                             r"reached|totalled)\s+(about |around |nearly |almost |over |more than )?\d", re.I)


# a count whose noun is left to the sentence before: "31 of them", "the other 7 have not been achieved", "in 58 we
# found …"
ELIDED_COUNT_RE = re.compile(rf"\b{COUNT_WORD}\s+of\s+(them|these|those)\b|\b(the other|the remaining|another)\s+"
                              rf"{COUNT_WORD}\s+(have|has|had|were|was|are|is|did|remain(ed)?|could|would)\b|"
                              # "We reviewed 190 investigations. … But in 58 we found no record of supervision"
                              rf"\bin\s+\d[\d,]*\s+(we|the|there|it|they|officers|staff|this|these|a|an|no)\b", re.I)


# the times a count may be counted over ("hours a year", "each month"): one list for the rules that read them
TIME_UNIT = r"(?:year|month|week|day|quarter|shift|night|hour|time)s?"
_PER_TIME_RE = re.compile(rf"\s+(?:a|an|each|per|every)\s+{TIME_UNIT}\b.*$", re.I)


@lru_cache(maxsize=4096)
def counted_phrase(question_text: str) -> tuple[str, ...]:
    """The stems of what "how many …" counts ("organised crime groups"), its head last; () when none is asked.
    (Asked of every sentence a count question reads: remembered per question.)"""
    words = _counted_words(question_text)
    return tuple(t.text for t in ANALYZER(" ".join(words), mode="query"))


def _counted_words(question_text: str) -> list[str]:
    """The words of what "how many …" counts, as the question writes them."""
    m = _HOW_MANY_RE.search(question_text)
    if not m:
        return []
    # "How many hours a year …?" counts hours: the time they are counted over is no part of what is counted;
    # "cases needing an interpreter", "auditors work for …": the first plural ends the noun ("case", "auditor")
    words = _PER_TIME_RE.sub("", m.group(1)).split()
    of = _OF_WORDS_RE.match(question_text, m.end(1))
    named = of.group(1).split() if of and words and not is_plural(words[-1]) else []
    plural = next((i for i, w in enumerate(named) if is_plural(w)), None)
    if plural is not None:
        words += ["of", *named[:plural + 1]]  # "How many use of force incidents …?" counts incidents, not uses
    verb = next((i for i, w in enumerate(words) if i and w.lower() in _SIMPLE_PASTS), None)
    words = words[:verb] if verb else words  # "How many children went missing …?" counts children
    plural = next((i for i, w in enumerate(words) if is_plural(w)
                   and (i + 1 == len(words) or words[i + 1].lower() not in ("and", "or"))), None)  # "X and Ys"
    return words[:plural + 1] if plural is not None else words


# a singular word's "of" and the plural it names a kind of: "use | of force incidents", "bird | of prey poisonings"
_OF_WORDS_RE = re.compile(r"\s+of\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)")


# the simple pasts of irregular verbs that are never their participles (nor nouns): a verb that ends what is counted
_SIMPLE_PASTS = frozenset("went took came gave ran fell rose grew began wrote spoke knew drove chose broke flew forgot "
                          "froze hid rode stole threw woke wore became shook drew".split())


@dataclass(frozen=True)
class _CountAsked:
    """What a count question asks, read once a question: the noun's stems (head last), whether the question
    writes the head as a plural, the phone numbers that name what is counted ("999 calls"), and whether it asks
    for some of them ("How many officers who …?")."""
    phrase: tuple[str, ...]
    head_plural: bool
    named: frozenset[str]
    restricted: bool
    joined: frozenset[str] = frozenset()  # "incident and crime records": each joined word must be counted too


# two words "and" joins into the name of one thing
_FIXED_PAIRS = frozenset(("stop and search", "command and control", "search and rescue", "hit and run"))


def _joined(words: list[str]) -> frozenset[str]:
    """The stems of the words "and" or "or" joins in what a count question counts ("incident and crime
    records": incident, crime), none when it joins none."""
    out: set[str] = set()
    for i, w in enumerate(words[1:-1], 1):
        if " ".join(words[i - 1:i + 2]).lower() in _FIXED_PAIRS:
            continue  # "stop and search records" are search records, one thing named by two words
        if w.lower() in ("and", "or"):
            out |= stems_of(f"{words[i - 1]} {words[i + 1]}")
    return frozenset(out)


@lru_cache(maxsize=4096)
def _count_asked(question_text: str) -> _CountAsked:
    phrase = counted_phrase(question_text)
    words = _counted_words(question_text)
    head = phrase[-1] if phrase else ""
    return _CountAsked(phrase=phrase,
                       head_plural=any(is_plural(w) and stems_of(w) == {head} for w in words),
                       named=frozenset(_PHONE_NUMBER_RE.findall(question_text)),
                       restricted=bool(_RESTRICTION_ASKED_RE.search(question_text)),
                       joined=_joined(words))


def is_plural(word: str) -> bool:
    return bool(_PLURAL_RE.fullmatch(word)) and word.lower() not in _NOT_PLURAL


# "who can …", "involving children"
# a rate's unit after the counted words: "24 OCGs per one million of the population"
_RATE_AFTER_RE = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+per\s+(?:one\s+|a\s+)?(?:\d[\d,]*|head|person|capita|thousand|hundred|"
                            r"million)\b", re.I)
_EACH_AFTER_RE = re.compile(r"\s+(?:each|apiece)\b", re.I)  # "90 offenders each": so many for every one of them
_RESTRICTION_END_RE = re.compile(r"(?<=\w)\s+(?:that|which|who|we)\b", re.I)  # "involving children | that we reviewed"
_RESTRICTED_AFTER_RE = re.compile(r"\s+(?:(?:who|that)\s+(?!is\b|are\b|was\b|were\b)(?P<who>[^,.;]{1,60})|"
                                  r"(?:(?:that\s+)?we\s+[a-z]+\s+)?(?:involving|concerning|relating to)\s+"
                                  r"(?P<about>[^,.;]{1,60}))", re.I)
_RESTRICTION_ASKED_RE = re.compile(r"\bhow many\b[^?]*\b(?:who|that|needing|involving|concerning|relating to)\b", re.I)
# a noun the word before qualifies ("search records")
_WORD_AFTER_RE = re.compile(r"\s+(?!(?:and|or|of|in|at|on|to|for|from|by|with|who|that|which|were|was|are|is|have|has|"
                            r"had|per|a|an|the)\b)[a-z][a-z-]+\b")
# a role or rank after a word names the role: "one detective inspector", "a custody sergeant", "a fire officer"
_ROLE_AFTER_RE = re.compile(r"\s+(?:chief\s+)?(?:inspector|sergeant|constable|superintendent|officer|manager|"
                            r"co-?ordinator|lead|adviser|advisor)\b", re.I)
_ONE_BEFORE_RE = re.compile(r"\b(?:one|1|a|an|each|every|per)\s+(?:[\w-]+\s+)?\Z", re.I)
_EMERGENCY = frozenset(stems_of("emergency"))
_PHONE_NUMBER_RE = re.compile(r"\b(999|101|111)(?=\s+(?:and\s+\d+\s+)?calls?\b)")  # the numbers people call
_PLURAL_RE = re.compile(r"[A-Za-z][\w’'-]*[a-rt-z]s(?<!ss)(?<!is)(?<!us)")  # "cases", not "process", "analysis"
_NOT_PLURAL = frozenset(("was", "has", "does", "this", "its", "his", "hers", "ours", "yours", "theirs", "thus", "yes",
                         "perhaps", "always", "sometimes", "across", "towards", "afterwards", "whereas", "as"))
_HEADED_VALUE_RE = re.compile(r":?\s*(?:\([^()]{1,12}\)\s*)?\d[\d,.]*(?=;|$)")  # "officers (FTE) 9;"
_FIGURE_TAIL_RE = re.compile(r"(?:(?:(?<=\d)|(?<=\d[,.]))[\d,.]*)?")  # the rest of a figure cut short ("1," of "1,480")


# (each figure may carry its year: "referrals, from 3 in 2014/15 to 14 in 2015/16")
_FROM_TO_AFTER_RE = re.compile(r",?\s+from\s+\d[\d,.]*(?:\s+in\s+(?:19|20)\d\d(?:/\d\d)?)?\s+to\s+\d[\d,.]*\b"
                               r"(?!\s*(?:%|per ?cent))", re.I)
# "Reports of illegal metal detecting on scheduled sites fell from 19 in 2022/23 to 7 …": the counted noun as the
# subject of a change, a few words of its own before the verb
_CHANGED_FROM_TO_AFTER_RE = re.compile(r"(?:\s+(?!(?:and|but|or|which|who|that|while)\b)[\w/-]+){0,8}?\s+"
                                       r"(?:(?:has|have|had)\s+)?(?:rose|risen|fell|fallen|increased|decreased|"
                                       r"dropped|grew|grown|went up|went down)" + _FROM_TO_AFTER_RE.pattern, re.I)


_NEXT_WORD_RE = re.compile(r"[ -]([A-Za-z][\w’'-]*)")
_SENTENCE_END_RE = re.compile(r"[.!?][’'\"”)]*\s*$")


_CELL_WORDS_RE = re.compile(r"(?:\s+(?-i:[a-z]+)){1,3}\s+(?=\d)")
_CELL_END_RE = re.compile(r"\d[\d,.]*(?=;|$)")


def _cell_value(near: str, pos: int) -> re.Match | None:
    """The figure of a row's cell whose column name goes on past the noun: "999 calls received 47,305; …"."""
    words = _CELL_WORDS_RE.match(near, pos)
    return _CELL_END_RE.match(near, words.end()) if words else None


_CELL_START_RE = re.compile(r"[^;:]*$")


def _names_another(between: str, head: str) -> bool:
    """Does a plural noun other than the one counted stand between a word of its name and a figure ("Heritage
    crimes 87": crimes, asked how many heritage crime officers)?"""
    return any(is_plural(w) and head not in stems_of(w) for w in re.findall(r"[A-Za-z][\w’'-]*", between))


def _another_kind(before: str, kinds: set[str]) -> bool:
    """Do the words qualifying a table cell's noun (``before``: the text up to it) name a kind of it other than the
    ``kinds`` asked ("Dedicated rural officers", asked heritage crime officers)?"""
    cell = _CELL_START_RE.search(before)
    if not kinds or not cell.start():
        return False  # no kind asked, or no table cell: a sentence's words before its noun are not its label
    words = stems_of(cell.group(0)) - ORGANISATION_GENERIC
    return bool(words) and not words & kinds


def _counts_its_own(text: str, end: int, nouns: set[str]) -> bool:
    """Does the figure ending at ``end`` count a plural noun of its own, not one of ``nouns``? "the rural crime team
    has compiled a register of 1,480 farms" counts farms, not crimes."""
    word = _NEXT_WORD_RE.match(text, end)
    return bool(word) and word.group(1).islower() and is_plural(word.group(1)) and not stems_of(word.group(1)) & nouns


def _counts_another(text: str, end: int, asked: set[str]) -> bool:
    """Does the word of a counted phrase ending at ``end`` qualify another plural noun ("cancelled rapes",
    "neighbourhood teams"), one the question does not use ("suspected poisonings" counts the "bird of prey
    poisonings" asked)?"""
    m = _NEXT_WORD_RE.match(text, end)
    return bool(m) and is_plural(m.group(1)) and not stems_of(m.group(1)) & (asked | QUALIFIERS)


# a count given as a share of a larger group: "1,140 officers, or 61 percent of those who attend incidents"
_SHARE_OF_WHOLE_RE = re.compile(r"\s*[,(]\s*(?:or|that is|which is|being)?\s*(?:about|around|nearly|almost|over|under|"
                                r"just over|just under|some)?\s*\d[\d.]*\s*(?:%|per ?cent)\s+of\s+(?P<whole>[^,.;()]{1,80})",
                                re.I)
_CLAUSE_SPLIT_RE = re.compile(r";|,\s+(?:and|but|while|whereas)\b|\s+but\s+|\s+while\s+|\s+whereas\s+", re.I)


def clauses(text: str) -> list[str]:
    """A sentence's clauses, split where one ends ("; ", ", but", " while "), not at every comma: "In 2014, the force
    designed its model" is one."""
    return _CLAUSE_SPLIT_RE.split(text)


def _part_of_whole_asked(text: str, end: int, qualifiers: set[str]) -> bool:
    """Is the count ending at ``end`` a share of the group the question asks for? "1,140 officers, or 61 percent of
    those who attend incidents" counts some officers, asked how many officers attend incidents."""
    whole = _SHARE_OF_WHOLE_RE.match(text, end)
    return bool(whole) and bool(stems_of(whole.group("whole")) & qualifiers)


def _named_again_as_asked(text: str, a: int, end: int, head: str, qualifiers: set[str]) -> bool:
    """Does a later clause name the counted noun again with more of the question's words than the count's own clause?
    "it worked with 212 children, and the number of children found in the company of adults suspected of exploiting
    them fell by a third" counts no children found with suspected exploiters."""
    if not qualifiers:
        return False
    breaks = list(_CLAUSE_SPLIT_RE.finditer(text))
    start = max((m.end() for m in breaks if m.end() <= a), default=0)
    later = [m for m in breaks if m.start() >= end]
    if not later:
        return False
    stop = later[0].start()
    own = stems_of(text[start:stop]) & qualifiers
    rest = text[later[0].end():]
    for cut in [0] + [m.end() - later[0].end() for m in later[1:]]:
        clause = _CLAUSE_SPLIT_RE.split(rest[cut:], 1)[0]
        if head in stems_of(clause) and len(stems_of(clause) & qualifiers) > len(own):
            return True
    return False


_NON_WORD_RE = re.compile(r"\bnon[- ]?([a-z]{4,})", re.I)


def other_side_of_non(question_text: str, text: str) -> bool:
    """Does a sentence name a thing only on the other side of "non-" from the question? "Emergency calls received
    20,480" says nothing of the "non-emergency calls" asked, nor "non-crime incidents" of the crimes. (Asked of a
    share's whole by the answerer, of a count's own words here.)"""
    def sides(said: str, word: str) -> tuple[bool, bool]:
        non = re.search(rf"\bnon[- ]?{word}", said, re.I)
        plain = re.search(rf"(?<!\bnon-)(?<!\bnon )(?<!\bnon)\b{word}", said, re.I)
        return bool(non), bool(plain)
    for word in {w.lower() for w in _NON_WORD_RE.findall(question_text)}:
        non, plain = sides(text, word)
        if plain and not non:
            return True
    for word in {w.lower() for w in _NON_WORD_RE.findall(text)}:
        asked_non, asked_plain = sides(question_text, word)
        said_non, said_plain = sides(text, word)
        if asked_plain and not asked_non and said_non and not said_plain:
            return True
    return False


def _last(matches):
    """The last of some matches, or None."""
    found = None
    for found in matches:
        pass
    return found


# a figure after a noun that counts some of other things: "… at the first visit in 54 of them" counts no visits
_PARTITIVE_AFTER_RE = re.compile(r"\s+(?:of|out of)\s+(?:them|those|these|the|its|their)\b", re.I)


def counts_what_is_asked(question: Question, text: str, previous: str = "") -> bool:
    """"How many organised crime groups …?" is answered by a sentence with a
    number a few words before one of those words ("68 organised crime
    groups"), not by any sentence holding some number; or by one whose count
    leaves its noun to the sentence before ("… 38 children were charged.
    The force asked for accommodation for 31 of them"), when that sentence
    counts what is asked."""
    count = _count_asked(question.text)
    phrase = count.phrase
    if not phrase:
        return True
    if _ASKS_BY_HOW_MUCH_RE.search(question.text) and CHANGED_BY_RE.search(text):
        return True  # "By how much is the number of people over 65 expected to rise?": "… expected to rise by 18
        # percent" gives the change asked, whatever the count it changes
    nouns, head = set(phrase), phrase[-1]
    scoped = scope_stems(question)  # "How many Brackenshire investigations …": the force only scopes the count
    said_as = _EMERGENCY if "999" in count.named else frozenset()  # "999 calls" are "168,220 emergency calls"
    if _ASKS_DIFFERENCE_RE.search(question.text):
        # "How many incidents fewer than the year before?" asks a difference: "8 percent fewer incidents" gives it
        for d in DIFFERENCE_RE.finditer(text):
            if head in stems_of(text[d.end():d.end() + 40]):
                return True
    label, colon, values = text.partition(": ")
    if colon and "\n" not in label and _PLACE_LABEL_RE.match(label):
        # "In the custody suite: Achieved 3; …" says where the recommendations were made, it counts no suites
        text = values
    elif colon and "\n" not in label and head in stems_of(label) and NUMERAL_RE.search(values.split("\n")[0]) \
            and not _SHARE_VALUE_RE.search(values.split(";")[0]) \
            and not _SAMPLE_COLUMN_RE.match(values) and (
                count.restricted or not any(_RESTRICTED_AFTER_RE.match(label, end)
                                            for stem, _, end in term_spans(label) if stem == head)):
        # a table row read with its headers, its label naming what is counted (the phrase's last word; its first
        # column not the inspectors' sample: "Children detained in custody: Cases reviewed 20; …" counts cases):
        # "custody recommendations" are not counted by a row "In the custody suite: …"; and all of it: "Staff who
        # completed our survey" are some of the staff):
        # "Officers per 1,000 population: Brackenshire 2.05; …"
        return True
    elif colon and "\n" not in label and ";" in values and CAPTION_LABEL_RE.match(previous) \
            and head in stems_of(previous) and head not in stems_of(values) and NUMERAL_RE.search(values):
        # a row of a table whose title names what its rows count, and no column does: "Holmbridge Police: …
        # Pre-charge bail 34; …" under "Figure 1: Outcome of the first release of the suspect, by force" (but
        # "Dedicated rural officers (FTE) 9" is the only count of officers in its row, whatever its title names)
        return True
    terms = list(term_spans(text))
    asked = stems_of(question.text)
    held_whole = bool(ASKS_HELD_RE.search(question.text))  # all of them, held: "How many officers does it have?"
    # a year's total, asked of no sample: "How many rape reports did Northshire record in 2023?" is not "… in 96 of
    # the 100 reports we examined"
    year_total = bool(question.years) and not _SAMPLE_ASKED_RE.search(question.text)
    rate_asked = bool(re.search(r"\bper\b|\brate\b|\beach\b|\bevery\b|\bapiece\b", question.text, re.I))
    # a row's label names what all its values count: "Deployment and response: Cases reviewed 60; …" counts
    # "deployment and response cases"
    labelled = count.joined & stems_of(label) if colon and "\n" not in label else set()
    # (a sentence's own words; a table row may leave the noun to its caption: "Out-of-court (informal) 8,880")
    said = {t for t, _, _ in terms} if _SENTENCE_END_RE.search(text) else {head}
    # the question's words that say which of them it counts: "attend incidents", "found with suspected exploiters"
    qualifiers = asked - nouns - scoped - ORGANISATION_GENERIC - stems_of("how many much number")
    for i, (stem, a, end) in enumerate(terms):
        if stem in nouns:
            if stem != head and count.head_plural and head not in said:
                continue  # "36 had been cancelled correctly" counts no burglaries when the sentence names none
            if stem != head and stem not in count.joined and (
                    is_plural(text[a:end]) or count.head_plural and text[a:end].lower() in NOUN_FORMS):
                continue  # "120 calls we listened to" counts calls, asked how many call handlers: a word of the
                # asked noun's name written as a plural is a noun of its own (irregular too: "84 children" are no
                # missing children episodes)
            if stem != head and any(t == head and _counts_another(text, e, asked)
                                    for t, _, e in terms[i + 1:i + len(phrase)]):
                continue  # "six heritage crime officers" counts officers, asked how many heritage crimes
            if stem != head and _counts_another(text, end, asked):
                continue  # "40 cancelled rapes" counts rapes, asked how many cancelled burglaries
            if stem == head and (joined_to_other(text[end:], asked) or _UNIT_AFTER_RE.match(text, end)):
                continue  # "3,458 officers and staff", "9,400 officer hours": more than, or other than, officers
            if stem == head and count.head_plural and not is_plural(text[a:end]) and _WORD_AFTER_RE.match(
                    text, end) and (not _ONE_BEFORE_RE.search(text, max(0, a - 12), a) or _ROLE_AFTER_RE.match(text, end)):
                continue  # "200 search records" counts records: "search" is a word of their name, not the searches;
                # "one detective inspector" is an inspector, not one of the detectives
            if other_side_of_non(question.text, _CELL_START_RE.search(text[:end]).group(0)):
                continue  # "Emergency calls received 241,600", asked how many non-emergency calls
            if stem == head and (_part_of_whole_asked(text, end, qualifiers)
                                 or _named_again_as_asked(text, a, end, head, qualifiers)):
                continue  # "1,140 officers, or 61 percent of those who attend incidents": some of those asked; "worked
                # with 212 children, and the number of children found with … fell": the asked ones are the others
            clause = _RESTRICTED_AFTER_RE.match(text, end) if stem == head and not count.restricted else None
            if clause and re.search(r"\bthe\s+\S+\s*$", text[max(0, a - 30):a]) and not (
                    stems_of(_RESTRICTION_END_RE.split(clause.group("who") or clause.group("about"), 1)[0]) & asked):
                continue  # "the 38 firefighters who can retire" are some of its firefighters, not all of them; "the
                # 30 cases involving children that we reviewed", some of the cases (what the inspectors did is no
                # restriction)
            start = terms[max(0, i - NUMBER_REACH)][1] if i else a
            window = text[start:a]
            # a share is no count: "fell by 19 percent in the streets patrolled" counts no streets
            # nor is a year: "Since October 2018 response officers have …" counts no officers
            numerals = [n for n in NUMERAL_RE.finditer(window) if not _PERCENT_AFTER_RE.match(window, n.end())
                        and n.group(0) not in count.named  # "999 calls" names the calls: the count is another figure
                        # (and a number people call is no count even when the question names none: "its forecast for
                        # 999 calls in 2018/19")
                        and not _PHONE_NUMBER_RE.match(text, start + n.start())
                        and window[n.start() - 1:n.start()] not in ("/", "–")  # "2018/19": a year's end, no count
                        # (the words before the window too: "In 2021 its on-call fire engines", "In" no term)
                        and not _YEAR_NAMED_RE.search(text, max(0, start + n.start() - 20), start + n.end())
                        and not _DAY_OF_MONTH_RE.match(text, start + n.end())
                        and not (n.group(0).lower() == "one" and _NOT_ONE_RE.search(window, 0, n.start()))]
            # the count is of this noun unless something stands between them: "140 offenders with a caseworker";
            # or other words that say what is counted: "14 local policing teams" are not neighbourhood teams
            between = window[numerals[-1].end():] if numerals else ""
            if not re.search(r"[;:]", between) and {
                    st for m in _NAME_WORD_RE.finditer(between) for st in stems_of(m.group(0))} - asked:
                continue  # "31 of the 50 Harrowmere calls we listened to" counts one force's calls, not all of them
                # (a capital after a table row's cell ends, "142; Dedicated rural officers (FTE) 9", starts a cell)
            if numerals and not rate_asked and _EACH_AFTER_RE.match(text, end):
                continue  # "officers managing approximately 90 offenders each" is a caseload, not the offenders managed
            if numerals and not rate_asked and _RATE_AFTER_RE.match(text, end):
                continue  # "24 OCGs per one million of the population" is a rate, no count of groups
            if numerals and held_whole and stem == head and _unqualified_stems(between) - asked - ORGANISATION_GENERIC:
                continue  # "How many officers does Wealdmarsh have?" is not "96 detention officers": a kind of them
            if numerals and year_total and _in_sample(text, start + numerals[-1].start()):
                continue  # a year's total is not "… in 96 of the 100 reports we examined"
            if numerals and held_whole and (_state_not_asked(text, _phrase_end(terms, i, nouns), asked)
                                            or _INCLUDED_BEFORE_RE.search(text, 0, start + numerals[-1].start())):
                continue  # nor "1,140 high-risk premises were overdue an audit": those of them in that state; nor
                # "including 236 premises with sleeping risk"
            if numerals and not _COUNT_BREAK_RE.search(between) and not (
                    nouns - {stem} - scoped and _unqualified_stems(between) - nouns - said_as) and not (
                    count.joined - scoped - labelled
                    - stems_of(re.split(r"[,;:]", text[a - len(between):end + 40])[0])):
                # (a count of "incident records" is a part of one of "incident and crime records", not it: the
                # joined words stand with the count, "1,312 incident records and crime records")
                return True
            # to the sentence's end, not a decimal point's; a figure the 40 characters cut is read whole
            # (a day's date is blanked and the reach goes past it: "Police officers at 31 March 2019  2,148")
            reach = a + 40 + sum(len(d.group(0)) for d in _DAY_DATE_RE.finditer(text, a, a + 60) if d.start() < a + 40)
            near = re.split(r"\.(?!\d)", _DAY_DATE_RE.sub(lambda d: " " * len(d.group(0)), text[a:reach]
                                                           + _FIGURE_TAIL_RE.match(text, reach).group(0)))[0]
            # a figure right after the noun, as a row read with its headers gives it ("Cells 24; Detainees 4,820"),
            # or ending the clause ("crimes: 1,264")
            after = _HEADED_VALUE_RE.match(near, end - a) or _cell_value(near, end - a) or _last(
                DIGITS_RE.finditer(near, max(0, len(near) - 12)))
            # "crimes: 1,264", not "one reason"; a length of time counts nothing ("available 24 hours a day")
            # nor does a year named as a time ("staff had an appraisal in 2021")
            if after and not _PERCENT_AFTER_RE.match(text, a + after.end()) and not TIME_AFTER_RE.match(
                    text, a + after.end()) and not _CLAUSE_BREAK_RE.search(near[:after.start()]) and not \
                    _LIST_GOES_ON_RE.search(near, end - a, after.start()) and not (
                    count.joined - scoped - labelled - stems_of(near[:after.end()])) and not _YEAR_NAMED_RE.search(
                    text, max(0, a + after.start() - 20), a + after.end()) and not _DAY_OF_MONTH_RE.match(
                    text, a + after.end()) and not _counts_its_own(text, a + after.end(), nouns) and (
                    stem == head or not _names_another(near[end - a:after.start()], head)) and not (
                    stem == head and _another_kind(text[:a], nouns - {head} - scoped)) and not (
                    (held_whole or year_total) and _in_sample(text, a + after.start())) and not _YEAR_OF_THING_RE.match(
                    text, a + after.start()) and not _LABEL_BEFORE_RE.search(
                    text, max(0, a + after.start() - 16), a + after.start()) and not _PARTITIVE_AFTER_RE.match(
                    text, a + after.end()):
                # "Heritage crimes 87" counts crimes, asked how many heritage crime officers; "Dedicated rural
                # officers (FTE) 9" another kind of officer; "Crime type 2018 audit 84.2%" counts none (a year's audit),
                # nor does "the number of 999 calls in Table 3" (a table's number)
                return True
            if stem == head and (_FROM_TO_AFTER_RE.match(text, end) or _CHANGED_FROM_TO_AFTER_RE.match(text, end)):
                return True  # "increased its neighbourhood teams from 9 to 11": the count of teams went to 11
            # "The number of suspects circulated as wanted … has risen to 1,027": the count follows the noun
            if _NUMBER_OF_RE.search(text[max(0, a - 30):a]) and _COUNT_AFTER_RE.search(text[a:]):
                return True
    sample = _SAMPLE_COUNT_RE.search(text)
    named = [a for stem, a, end in terms if stem == head and a < sample.start() and not (
        count.head_plural and not is_plural(text[a:end]) and _WORD_AFTER_RE.match(text, end))] if sample else []
    # (not a word of another's name: "call handlers used the register in 31 of the 50 … calls" counts no calls)
    if named and not held_whole and not year_total and not _SAMPLE_BREAK_RE.search(text, named[-1], sample.start()):
        return True  # "Reviews of detention were carried out on time in 52 of the 60 records we examined": reviews
        # (but what a force has is counted whole: "call handlers used the register in 31 of the 50 calls" is no
        # count of its call handlers)
    whole = _PARTITIVE_FRONTED_RE.match(text)
    whole_words = stems_of(whole.group("whole")) if whole and not held_whole else frozenset()
    if head in whole_words and not whole_words & qualifiers and stems_of(text[whole.end():]) & qualifiers:
        return True  # "Of the 37 forces that answered our data request, only 19 could tell us how many cases …": 19
        # of the forces, doing what is asked; not when the whole is what is asked, nor a part doing something else:
        # "Of the 782 incident records we examined, 398 disclosed …" counts no records the inspectors looked at
    if not (previous and ELIDED_COUNT_RE.search(text)):
        return False
    if counts_what_is_asked(question, previous):
        return True
    # "I asked every chief fire officer … Thirty-one of them replied": a part of all of those the sentence before
    # names, doing what is asked
    every = {st for m in _EVERY_NAMED_RE.finditer(previous) for st in stems_of(m.group(1))}
    return head in every and bool(stems_of(text) & qualifiers)


# all of something, named: "every chief fire officer", "all the forces", "each of the services"
_EVERY_NAMED_RE = re.compile(r"\b(?:every|each(?:\s+of\s+the)?|all(?:\s+of)?(?:\s+the)?)\s+"
                             r"((?:[\w'’-]+\s+){0,3}?[\w'’-]+)", re.I)


# what some of the counted are, said after them in a plural verb (theirs, not a "network of 75 champions is valued"):
# "1,140 high-risk premises were overdue an audit" (not what all of them are: "were in post", "were employed")
_STATE_AFTER_RE = re.compile(r"\s+(?:were|are|had been|have been)\s+(?:not\s+|still\s+)?"
                             r"(?!(?:in|on|at|employed|based|listed|registered|recorded|held|kept|available)\b)"
                             r"([a-z][a-z-]+)", re.I)


_INCLUDED_BEFORE_RE = re.compile(r"\b(?:including|of which|of whom|among them)\s+\Z", re.I)


def _phrase_end(terms: list, i: int, nouns: set[str]) -> int:
    """Where the counted phrase starting at terms[i] ends: "high-risk premises", not "high"."""
    end = terms[i][2]
    for stem, a, e in terms[i + 1:]:
        if a < end:
            continue  # a compound over words already read ("highrisk")
        if stem not in nouns:
            break
        end = e
    return end


def _state_not_asked(text: str, end: int, asked) -> bool:
    m = _STATE_AFTER_RE.match(text, end)
    return bool(m) and not stems_of(m.group(1)) & asked


# a year naming a thing done or published that year: "2018 audit", "2021/22 inspection" (no count)
_YEAR_OF_THING_RE = re.compile(r"(?:19|20)\d\d(?:/\d\d)?\s+(?:audit|inspection|survey|report|review|data|figures|"
                               r"plan|strategy|assessment|baseline|census|estimate)s?\b", re.I)


# the number of a part of a report: "Table 3", "Figure 7", "Annex B" (no count)
_LABEL_BEFORE_RE = re.compile(r"\b(?:table|figure|chart|annex|appendix|chapter|section|page|paragraph)\s+\Z", re.I)


# a whole named first, then the count of its part: "Of the 37 forces that answered our data request, only 19 could …"
_PARTITIVE_FRONTED_RE = re.compile(r"\W*of\s+(?:the|these|those|its|their)\s+\d[\d,]*\s+(?P<whole>[^,;:]{1,80}?),\s+"
                                   r"(?:only\s+|just\s+|about\s+|around\s+|nearly\s+|some\s+)?"
                                   r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
                                   r"(?!\s*(?:%|percent|per cent))", re.I)


# what an inspection samples
_SAMPLE_NOUNS = r"(?:cases|records|files|reports|calls|visits|incidents|notices|referrals|investigations|examples)"
# a table's column counting what the inspectors sampled: "Children detained in custody: Cases reviewed 20; Good 9; …"
_SAMPLE_COLUMN_RE = re.compile(rf"\s*{_SAMPLE_NOUNS}\s+(?:we\s+)?"
                               r"(?:reviewed|examined|sampled|audited|checked|looked at|read|inspected)\b", re.I)


# what held in so many of the cases an inspection sampled, the thing counted before it: "Reviews … were carried
# out on time in 52 of the 60 records we examined"
_SAMPLE_COUNT_RE = re.compile(r"\b(?:in|for)\s+(?:\d[\d,]*|all|none|most)\s+of\s+(?:(?:the|these|those)\s+)?\d[\d,]*\s+"
                              rf"(?:[\w-]+\s+){{0,2}}?{_SAMPLE_NOUNS}\b", re.I)


def _in_sample(text: str, at: int) -> bool:
    """Is the figure at ``at`` the count of a sample ("in 31 of the 50 calls we listened to")?"""
    return any(m.start() <= at < m.end() for m in _SAMPLE_COUNT_RE.finditer(text))


# a question about what the inspectors sampled: "In how many of the 60 cases …?", "… in the records we reviewed?"
_SAMPLE_ASKED_RE = re.compile(r"\b(?:of the \d|in how many|how many of|examined|reviewed|sampled|audited|checked|"
                              r"looked at|listened|inspectors?|we|our|correctly|properly|accurately)\b", re.I)
_SAMPLE_BREAK_RE = re.compile(r"[;:]|\b(?:and|but|which|who|whom|while|whereas|although)\b", re.I)


# what an organisation has ("How many fire engines does it have?") is not what it does something to: a count after
# a verb of change ("replace four fire engines", "moved two", "recruited 60") unless the sentence also says "has N"
ASKS_HELD_RE = re.compile(r"\bhow many\b[^?]*\b(?:does|do|did)\b[^?]*\b(?:have|own|operate|run|employ|keep)"
                          r"(?:\s+(?:in|at|by|on|during)\s+[^?]{1,40})?"  # (… "have in 2016?")
                          # (… "have, according to the fire inspection?")
                          r"(?:,?\s+(?:according to|in|per)\s+(?:its|the|their|[\w'’-]+'s?)\s+[^?]{1,60})?"
                          r"\s*\??\s*$|"
                          # "How many on-call firefighters were there?": how many it had, not how many it plans to
                          # recruit
                          # (not "In how many of the 190 investigations was there no record …?", a count of a sample)
                          r"\bhow many\s+(?:(?!of\b)[\w'’-]+\s+){1,4}(?:are|were)\s+(?:there|in)\b", re.I)


# a count added: "train 60 extra detectives", "two more neighbourhood hubs"
ADDED_COUNT_RE = re.compile(rf"\b{COUNT_WORD}\s+(?:extra|additional|more|further)\s+([\w-]+(?:\s+[\w-]+)?)", re.I)


def adds_what_is_counted(question: Question, text: str) -> bool:
    """Does the text count more of what the question counts ("60 extra detectives" for "How many detectives …",
    "48 extra call handlers")?"""
    phrase = _count_asked(question.text).phrase
    return bool(phrase) and any(phrase[-1] in stems_of(m.group(1)) for m in ADDED_COUNT_RE.finditer(text))
