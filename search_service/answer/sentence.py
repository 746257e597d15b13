"""The best sentence of the question's passages as its answer: the
passages gathered (keywords fused with meaning, and the tables, definitions
and populations a question needs), each sentence scored by how much of the
question's rarer words it holds, ruled in or out (checks.py, typed.py,
tables.py), and its confidence read from the record of its kind of
evidence (calibration.py)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from search_service import budget, periods, sentences
from search_service.analysis import ANALYZER, stems_among, stems_of, term_spans
from search_service.answer.checks import (_ASKS_CHANGE_RE, _COMPARATIVES, _HIGH, _JUDGED_AT_RE, _JUDGING, _LIST_LEAD_RE,
                                          _LIST_RE, _LOW, _MONTH_YEAR_RE, _MOVED, _NEGATED_VERB_RE, _NEGATES_RE,
                                          _NEGATION_RE, _NUMBER_RE, _OPPOSITES, _PROGRESS_ASKED_RE, _PURPOSE_RE,
                                          _REFERENCE_RE, PROGRESS_SAID_RE,
                                          _YEAR_WORD_RE, CANDIDATE_PASSAGES, _advice_end, _another_day, _another_length,
                                          _another_object, _another_ordinal, _another_year_of_month, _asks_amount,
                                          _bound_to_counterpart, _bounds_a_period_only, _causes_what_follows,
                                          _crime_types, _direction, _directions, _does_what_is_asked_undone,
                                          _done_asked, _done_by_the_whole, _financial_year, _frequency_bound, _glosses,
                                          _in_span, _introduces, _is_state, _items_in, _lengths_named, _levels,
                                          _lists_after_lead, _modifiers, _modifies_next, _non_cell_answers,
                                          _non_terms, _nth_span, _only_changes, _ordinal_nouns, _other_compound,
                                          _names_month_only, _outside_bound,
                                          _period_years, _phrase_contrasts, _places_named, _prescribes, _rate_units,
                                          _recaps, _refers_to_term, _reverses, _same_direction, _says_done_well,
                                          _SEE_RE, _share_leans_back, _share_of_a_part, _share_part_stems, _share_whole,
                                          _shares_of_another, _spans_in, _stated_years, _states, _states_before_citing,
                                          _states_extreme, _states_the_opposite, _superlative_heads, _swaps_non,
                                          _table_years, _time_bound, _verb_only_qualifies, _waited_for, _wanted_mention,
                                          _whole_of, _without_no_change, _years_in, items_wanted)
from search_service.answer.tables import (_CAPTION_LABEL_RE, _DATE_RE, _ROW_END_RE, _TITLE_LINE_RE, _WHOLE_ROW_RE,
                                          _enumeration_end, _exact_rows, _extreme_asked, _extreme_rows, _header_before,
                                          _part_not_asked, _row_label, _rows_beside, _table_header, _table_row,
                                          _title_before)
from search_service.answer.typed import (_ANAPHOR_RE, _AREA_PEOPLE_RE, _ASKS_DEADLINE_RE, _ASKS_FIELDWORK_RE,
                                         _ASKS_FURTHER_RE, _COMPARED_YEAR_RE, _DATE_FULL_RE, _DEMONSTRATIVE_WORDS,
                                         _DURATION_RE, _EVENTS, _FIELDWORK_SAID, _LIVE, _LIVES_IN_RE,
                                         _MEASURE_BEFORE_RE, _OUR_EARLIER_CLAUSE_RE, _PARAGRAPH_NUMBER_RE, _PERIOD_RE,
                                         _POINTS_BACK_RE, _RESIDENTS_RE, _SHARE_ASKED, _WHO_HOLDS_RE, TYPE_PATTERNS,
                                         _asks_population, _deadline_before, _states_measure, _typed, refers_back)
from search_service.calibration import MIN_CONFIDENCE, sentence_evidence, too_rarely_right
from search_service.counts import (COUNT_WORD, DIGITS_RE, ELIDED_COUNT_RE, ORGANISATION_GENERIC, clauses,
                                   counted_phrase, is_plural)
from search_service.definitions import defining
from search_service.index import IndexStore
from search_service.model import Answer, Hit, Passage, Report, SearchResult, citation, passage_id
from search_service.question import (ADVICE_ASKED, MONTHS, ORGANISATION_NOUNS, PROBLEM_ASKED, TYPED_KINDS, Question,
                                     aliases, core_of, data_years, figure_years, fire_place, known_names,
                                     named_organisations, pillars_of, report_years, scope_stems, thing_years,
                                     without_organisations, years)
from search_service.ranking import live_doc_frequency
from search_service.rules import CAPTION_RE
from search_service.search import search
from search_service.semantic import similarities

TYPED_BONUS = 0.1  # chosen on the tuning half: +4 right answers, +1 wrong
MIN_COVERAGE = 0.6  # share of the question's rarity-weighted terms the answer must hold


# a part of a force area named as where a figure holds ("in the Ashmere Vale estate")
_LOCAL_PART_RE = re.compile(r"\b(?:in|on|at|across)\s+(?:the\s+)?((?-i:[A-Z][\w’'-]+)(?:\s+(?-i:[A-Z][\w’'-]+))*)"
                            r"\s+(?:estates?|wards?|district|neighbourhood|town centre|city centre)\b", re.I)


# "What was wrong with …?", "What went wrong …?": a question asking for failings (a cue, and a rule on the answer)
_WRONG = r"(?:is|was|are|were|went|goes|go) wrong"
# words that only say what kind of answer is wanted
# the document a question names as its source: "according to its PEEL 2023–25 crime data audit", "for the rural
# crime inspection" (group 1: its own words; not "in the stop and search part of the inspection")
_DOCUMENT_NAMED = (r"(?:according to|(?:in|at|during|from|for) (?:its|the|their|hmic(?:frs)?[’']s|"
                   # "in Eastmoor's 2021/22 crime data audit", not "in Harrowmere's queue … during the 2016 inspection"
                   r"(?-i:[A-Z][a-z]+)[’']s(?=(?:\s+[\w/–-]+){0,4}\s+(?:reports?|inspections?|audits?|assessments?)\b)))"
                   # (a super-complaint is named as its report is: "for the cuckooing super-complaint")
                   r"((?:(?!\bof\b)[^?,;()]){0,60}?)\b(?:reports?|inspections?|audits?|assessments?|thematic|"
                   r"super-complaints?)")
# what the inspectors think of what they saw, not how they looked ("How many records did inspectors review?" is
# answered by "We reviewed 640 …", whose "we" meets them)
_INSPECTORS_JUDGE = (r"(?:find|finds|found|say|says|said|think|thinks|thought|expect|expects|expected|judge|judges|"
                     r"judged|rate|rates|rated|want|wants|wanted|recommend|recommends|recommended|conclude|concluded|"
                     r"concerned|worried|pleased|satisfied|disappointed|reassured)\b")
_CUE_WORDS = re.compile(r"\b(stand(s)? for|mean(s|t|ing)?|define[ds]?|definition|(?<=what )counts as|grade[ds]?|"
                        r"graded|rated|judg(e)?ments?|judged|"
                        # the document the answer comes from scopes the question; its words are not asked
                        rf"{_DOCUMENT_NAMED}|"
                        r"according to|"
                        r"reports?(?!\s+(?:to|back)\b)|inspections?|hmic(frs)?|inspectorate|force area|"
                        # the inspectors as the ones finding, judging or minding: the report is their voice ("What
                        # did the inspectors find weak …?": "… oversight of the use of force in custody was weak"),
                        # not inspectors counted or ranked ("enough fire safety inspectors", "a police inspector")
                        r"(?<!police )(?<!chief )(?<!safety )inspector(?:s|ates)?"
                        rf"(?=\s+(?:most\s+|also\s+)?{_INSPECTORS_JUDGE})|"
                        r"peel|effectiveness|efficiency|legitimacy|"
                        # "What share of …?", "How long …?", "By what date …?" ask for a number or a time; "during the 2016
                        # inspection" scopes the question like its year
                        r"(?<=what )(?:share|proportion|percentage|fraction|amount|sum|date|year|month|period)(?: of)?|"
                        # "What period does Figure 1 cover?": what it covers is the span asked
                        r"cover(?=\s*\?)|"
                        # "What kinds of things …?" asks for the things, listed: the words only shape the question
                        # (and their number, which the list must hold: "Which two sets of rules …?")
                        r"(?:(?<=what )|(?<=which ))(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+) )?"
                        r"(?:kinds|types|sorts|forms|categories|sets) of(?: things\b)?|"
                        # "What was wrong with …?" asks for the failings, "What is the point of …?" for the aim: in
                        # the report's own words ("did not", "to help"), not these
                        rf"(?<=what ){_WRONG}(?: with)?|"
                        r"(?<=what )(?:is|was|are|were) the (?:point|purpose|aim|idea) (?:of|behind)|"
                        rf"(?<=what ){PROBLEM_ASKED}|"
                        # "What happened to the children …?" asks what the reports say of them, in any verb
                        r"(?<=what )happen(?:s|ed)?|"
                        # "What should it improve about …?" asks for the advice, in the report's words
                        r"improve(?= about\b)|"
                        # "What are the main findings …?": which findings, not a word of them ("the main roads")
                        r"(?:main|key|headline|principal)(?= (?:findings|points|messages|conclusions|issues)\b)|"
                        r"how long|how wide|during)\b", re.I)
_CYCLE_TEXT_RE = re.compile(r"\b(?:PEEL\s+)?(?:20)?\d\d\s*(?:/|–|-)\s*(?:20)?\d\d\b", re.I)
_COMPARE_WORDS = re.compile(r"\b(compar\w*|vs\.?|versus|between|chang\w*|since|after|still|improv\w*|"
                            r"(?:(?:get|gets|got|gotten|getting|become|became|grown|grew) )?(?:better|worse)|"
                            r"numbers?|go(ne)? (up|down)|how many|now|first)\b", re.I)


_GRADING_STEMS = stems_of("grade graded grading judged judgment")  # (not "rated": a rate is a measure)
_QUANTIFIER_STEMS = stems_of("all every each any some none")  # how many are asked of: a row's figures say


# "Which forces …?", "What are the five forces …?": answered by a sentence that names them
_ASKS_ORGANISATIONS_RE = re.compile(rf"\s*(?:which|what)(?: (?:are|were) the(?: \w+)?)?(?: of the)?"
                                    rf"(?: {COUNT_WORD})? "  # "Which five forces"
                                    rf"(?:{ORGANISATION_NOUNS})\b", re.I)
NAMES_ASKED_BONUS = 0.05
ONE_OF_SEVERAL_MALUS = 0.2  # a figure of one organisation, asked of a report on several naming none of them
PERCENT_BONUS = 0.1  # a share asked as a percentage, given as one
DIRECTION_BONUS = 0.3  # a change asked whether it happened, stated in the direction asked (0.1 was too little
# on the tuning half: "Has its backlog of phones come down?" was answered by the computers' growing backlog)
COMPARED_BONUS = 0.1  # a count asked at two times, given with the one it is compared with


_PERCENT_ASKED_RE = re.compile(_SHARE_ASKED, re.I)
_PERCENT_RE = re.compile(r"\d\s*%|\bper ?cent\b", re.I)


# a share in any of its forms: "74 percent", "96 of the 100 reports", "one in five callers", "one incident in seven",
# "two thirds", "most", a rate
_SAYS_SHARE_RE = re.compile(rf"\d\s*%|\bper ?cent\b|\b{COUNT_WORD}\s+(?:[\w-]+\s+){{0,2}}?(?:of|in|out of)\s+"
                            rf"(?:the\s+|these\s+|those\s+|its\s+|every\s+)?{COUNT_WORD}\b|"
                            r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|majority|minority|"
                            r"most|all|none|nobody|every|rates?|ratio|proportion|share)\b", re.I)
_SHARE_OF_ASKED_RE = re.compile(r"\b(?:percentage|share|proportion) of (?:the |all |its |their )?([\w-]+)", re.I)


HYBRID_POOL = 30  # lexical candidates re-ranked by meaning


_ASKS_WHEN_GRADED_RE = re.compile(r"\s*when\s+(?:is|are|would|will|does|do)\s+(?:an?\s+|any\s+)?(?:(?:fire(?: and rescue)?|"
                                  r"police)\s+)?(?:force|forces|service|services|constabular\w*|organisations?)\b", re.I)
_STANDARD_SAID_RE = re.compile(r"\b(?:standards?|expect\w*|short of|beyond|in which case|because)\b", re.I)


_ADVICE_HEADING_RE = re.compile(r"\b(?:areas? for improvement|recommendations?|causes? of concern)\b", re.I)


# a figure for the whole country ("recruit 20,000 additional officers in England and Wales") is no force's own
_NATIONAL_RE = re.compile(r"England and Wales|\bnationally\b|\bacross (?:all|the) forces\b", re.I)


_NATIONAL_ASKED_RE = re.compile(rf"{_NATIONAL_RE.pattern}|\bnational\b|\bcountry\b|\bevery force\b", re.I)
_NATIONALLY_ASKED_RE = re.compile(r"\bnational(?:ly)?\b|\bEngland and Wales\b|\bthe country\b", re.I)
# a body's name is no national figure asked ("How many cases were referred to the National Referral Mechanism?")
_NATIONAL_NAME_RE = re.compile(r"\bNational(?:\s+[A-Z][\w'’-]*)+")
# a figure said of the whole country ("the national victim satisfaction rate of 83.8 percent"), not a force's part in a
# national scheme ("as part of the national programme")
_NATIONAL_SAID_RE = re.compile(rf"{_NATIONAL_RE.pattern}|\bnational\s+(?:[\w-]+\s+){{0,3}}?(?:rate|average|figure|"
                               r"level|total|picture|median)s?\b|\ball forces\b|\bevery force\b", re.I)
# a count of the whole country's: "20,000 additional officers in England and Wales" (not a rate compared with
# one: "24 per million, lower than the rate across England and Wales")
_NATIONAL_COUNT_RE = re.compile(r"\b\d[\d,.]*\s+(?:[\w-]+\s+){0,4}?(?:in|across)\s+(?:England and Wales|all forces|"
                                r"the country)\b", re.I)
# a sentence that speaks of the organisation asked about without naming it: "The force's rate …", "its target"
_ITS_OWN_RE = re.compile(r"\b(?:force|service|constabulary|it|its|they|their|we|our)\b", re.I)


class Survivor(NamedTuple):
    """A sentence the rules let through, scored by them before meaning is added."""
    hit: Hit
    start: int  # where the answer starts (the sentence before, when it is read with it)
    end: int  # the sentence's end
    shown_end: int  # the answer's end (a lead-in's with its bullets)
    score: float  # by the rules
    coverage: float
    own: str  # its words as read (a table row's with its headers)
    header: list  # a table row's column headers
    previous: str  # the sentence before


class Scored(NamedTuple):
    """A survivor with its closeness of meaning to the question added."""
    final: float  # the rules' score with the passage's rank and meaning
    score: float  # by the rules
    lexical: float  # coverage by the question's own words
    meaning: float
    survivor: Survivor


@dataclass
class Candidate:
    passage: Passage
    report: Report
    start: int
    end: int
    score: float
    coverage: float
    text: str = ""  # what to show when not the span itself (a table row with its headers)
    lexical: float = 0.0  # coverage by the question's own words
    meaning: float = 0.0  # coverage by similarity of meaning
    margin: float = 0.0  # score over the best other sentence
    absent: tuple[str, ...] = ()  # the question's weighted terms the sentence itself lacks
    previous: str = ""  # the sentence before (what "31 of them" counts)


# a loose time asks about now or lately, which the reports say with a date ("a balanced budget until 2027/28",
# "has not exercised with them since 2021"): its words are not what is asked
_VAGUE_TIME_RE = re.compile(r"\b(?:(?:for|in|over|during|within) )?(?:the |a )?(?:next|coming|last|past) "
                            r"(?:few |couple of |several |two |three )?(?:years?|months?|weeks?)\b|\bin recent (?:years|months|times)\b|"
                            r"\b(?:recently|lately|nowadays|these days|at the moment|at present|currently|right now|"
                            r"any ?more|latest|most recent)\b", re.I)  # not "still": "How much does it still have to find?" asks what remains


# "What questions did its 2017 inspection answer?": an inspection's questions are said to be answered, asked, looked
# at or examined ("Our inspection looked at three questions", "We answer three main questions"): the verb says little
_ASKS_QUESTIONS_RE = re.compile(r"\s*(?:what|which)\s+(?:\w+\s+)?questions\b", re.I)
# "Did the inspection ask how well forces understand …?": whether a report set itself a question
_ASKS_WHAT_WAS_ASKED_RE = re.compile(r"\s*(?:did|does|do|was|were|is)\b[^?]*\b(?:ask|asked|set out to answer)\s+"
                                     r"(?:how|whether|what|why|if|which|who)\b", re.I)
_QUESTION_VERBS = frozenset(stems_of("answer answered ask asked examine examined look looked cover covered consider "
                                     "considered address addressed"))
# "How many causes of concern did the inspector raise?": the reports make recommendations and identify causes of
# concern and areas for improvement ("I have identified two causes of concern"); a reader's other verb for it says
# little (the reports' own verbs are kept: weighed a third too, they lost two right answers of the validation halves)
_FINDING_VERBS = frozenset(stems_of("raise raised give gave issue issued find found"))


def _weights(store: IndexStore, question: Question) -> dict[str, float]:
    """Query stems weighted by rarity (idf). A name or number the corpus never
    uses gets the highest weight, so a question about something absent is
    declined; words that only say what kind of answer is wanted, and the
    organisations and years that scope the search, are left out."""
    q = without_organisations(_without_cues(_CYCLE_TEXT_RE.sub(" ", question.text), question), question)
    if question.since:
        # "since 2016" scopes the question (a count must be counted from then; anything else is read in the
        # reports after it): "Has the backlog come down since 2016?" is answered by "… has fallen to 212"
        q = re.sub(r"\bsince\b", " ", q, flags=re.I)
    q = _COPULA_RE.sub(" ", q)  # "Have its engines become less available?" asks whether they are: "were available …"
    q = _VAGUE_TIME_RE.sub(" ", q)  # "for the next few years" says when, loosely; the reports give dates
    if _ASKS_SOURCE_RE.match(question.text):  # "Where do its figures come from?" asks a source, which a sentence gives
        q = _COME_FROM_RE.sub(" ", q)  # after "from" with any verb ("are taken from", "are drawn from")
    if _ASKS_CHANGE_RE.search(q):  # "fall" is not "fell" to the stemmer: the sentence must state a change instead
        q = _ASKS_CHANGE_RE.sub(" ", q)
    if question.kind == "comparison":
        q = _COMPARE_WORDS.sub(" ", q)
    if question.kind == "yesno":  # "Was it higher than …?" is answered "This is lower than …": by its own measure
        q = _COMPARATIVE_RE.sub(" ", q)
    q = in_report_words(question, q, noun=False)
    names = _named(q)
    scoped = scope_stems(question)
    stems = {t.text for t in ANALYZER(q, mode="query")} - scoped
    # "in the 12 months to 30 June 2015": the period is the reports' usual
    # one; it qualifies the question more than it says what is asked
    period = {t.text for m in _PERIOD_RE.finditer(q) for t in ANALYZER(m.group(0), mode="query")}
    with store.searcher() as s:
        n = max(1, s.doc_count())
        top = math.log(1 + n / 0.5)
        weights = {}
        reader = s.reader()
        questions_asked = bool(_ASKS_QUESTIONS_RE.match(question.text))  # read once, not once a stem
        findings_asked = bool(_ADVICE_HEADING_RE.search(question.text))  # the findings' own names
        light = {st for m in _LIGHT_IN_QUESTION_RE.finditer(question.text)
                 for st in stems_of(m.group(1) or m.group(2))}
        for st in stems:
            df = live_doc_frequency(reader, "text", st) or live_doc_frequency(reader, "heading", st)
            weights[st] = math.log(1 + n / (df + 0.5)) if df else top * (1.5 if st in names else 0.6)
            if st in period and df:
                weights[st] *= 0.3
            if st in _LIGHT_WORDS or st in light:
                weights[st] *= 0.3
            if questions_asked and st in _QUESTION_VERBS:
                weights[st] *= 0.3  # "What questions did the inspection answer?": "Our inspection looked at three questions"
            if findings_asked and st in _FINDING_VERBS:
                weights[st] *= 0.3
    return weights


# prepositions the analyser keeps (its stop words are the commonest only): rare in the reports, and so weighted as if
# they said what is asked, though they only relate it ("Who does it work with against organised crime?" is about
# working with someone, not about something "against organised crime groups"). (Not the verbs that report what was
# said, "say", "tell": weighed a third, they lost one right answer of the tuning halves and gained none.)
_LIGHT_WORDS = frozenset({"against", "among", "amongst", "between", "through", "throughout", "toward",
                          "upon", "across", "despit", "via",
                          # and "get", "got": plain speech the reports rarely use ("Do detainees get a meal?"), which
                          # says little of what is asked ("… how the detainee would get home" is no meal)
                          "get", "got",
                          # and "usually", "typically": how often a thing holds, which a report says in its own way
                          # ("In most cases these plans set out …", "Officers consistently use …")
                          "usual", "typic"})  # as stemmed
# and "use" as a verb, "other" after "what" or "which": what a report uses, and the other kinds of a thing asked, are
# said without them ("Which population estimates does it use?": "Population figures are the … mid-2020 estimates";
# "What other assessments …?": "The force also uses …"); not "the use of force", nor "told other forces"
_LIGHT_IN_QUESTION_RE = re.compile(r"\b(?:what|which)\s+(other)\b|\b(us(?:e|es|ed|ing))\b(?!\s+of\b)", re.I)
# "Was it given a graded judgment?" is answered by "… and gave a graded judgment in nine of them": the analyser
# keeps "given" apart from "give" ("Given the work involved, …" is no verb), a question's "given" is said so too
_GIVE_SAID = r"\b(?:gave|give|gives|giving)\b"


def _named(text: str, numbers: bool = True) -> set[str]:
    """Stems of the names (capitalised words not opening it) and numbers in a text (a question, or the text before a
    sentence)."""
    pattern = r"(?<!^)(?<![.?!] )\b(?:[A-Z][\w'-]*|\d[\d,.]*)" if numbers else r"(?<!^)(?<![.?!] )\b[A-Z][\w'-]*"
    return {t.text for t in ANALYZER(" ".join(re.findall(pattern, text)), mode="query")}


# a thing named again by its noun: "the new model", "this scheme", "the unit"
_DEFINITE_NOUN_RE = re.compile(r"\b(?i:the|this|that|these|those|its|their)\s+(?:new\s+|same\s+|revised\s+|current\s+)?"
                               r"([a-z][a-z-]{2,})\b")  # (a noun, not a name: "the Keystone team" names it anew)
# nouns that name the organisation, the report or a time, which a sentence before names beside anything
_UNSPECIFIC_NOUNS = frozenset("force service constabulary police report inspection year years time area areas number "
                              "rest way public people county city region country end start".split())
NAMED_NEAR = 40  # characters either side of the noun, in the text before, that its name may take


def _named_again(sentence: str, previous: str, earlier: set[str]) -> set[str]:
    """The question's stems (of ``earlier``) that the text before a sentence (``previous``) holds in a name beside a
    noun the sentence names again with "the" or "this" ("The force expected the new model to save £3.9m a year" after
    "… introduced a new operating model, Project Keystone, …": "the new model" is Project Keystone): they are the
    sentence's own."""
    out: set[str] = set()
    for noun in {m.group(1) for m in _DEFINITE_NOUN_RE.finditer(sentence)} - _UNSPECIFIC_NOUNS:
        for m in re.finditer(rf"\b{re.escape(noun)}\b", previous, re.I):
            near = previous[max(0, m.start() - NAMED_NEAR):m.end() + NAMED_NEAR]
            out |= _named(near, numbers=False) & earlier  # its name, not any word near it
    return out


CONTEXT_WEIGHT = 0.5  # terms found only around the sentence count half
NAMED_BACK = 400  # characters before a sentence in which a thing it names again by its noun may be named


_DEMONSTRATIVE_RE = re.compile(rf".*?\b(?:{_DEMONSTRATIVE_WORDS})", re.I)


# in a report on several organisations, "The force …" is the one the sentence before names
_THE_ORGANISATION_RE = re.compile(r"\W*the\s+(?:force|service|constabulary)\b(?!\s+(?:of|in)\b)", re.I)
_PRONOUN_RE = re.compile(r"\W*(?:it|its|they|their)\b", re.I)  # points to the sentence before, not the heading


ANTECEDENTS = 3  # how far back a chain of pointing-back sentences is followed


# "… our published criteria, Expectations for police custody. These set out the standards …": a sentence whose
# subject stands for the term the sentence before ends with says what it is
_STANDS_FOR_BEFORE_RE = re.compile(r"\W*(?:it|they|this|these)\s+(?!(?:is|are|was|were)\b)", re.I)


def _stands_for(defines, sentence: str, previous: str) -> bool:
    """Is the sentence's subject a pronoun for the term asked, with which the sentence before ends?"""
    return bool(defines) and bool(previous) and bool(_STANDS_FOR_BEFORE_RE.match(sentence)) and any(
        not previous[m.end(1):].strip(" .;:)’'\"\n") for m in defines.at.finditer(previous))


def _antecedent(text: str, spans: list[tuple[int, int]], i: int) -> str:
    """What a pointing-back sentence may lean on: the sentence before, and
    those before it while each points back too ("… Victim/Consequence
    Awareness training. These courses are offered … They are aimed at …")."""
    parts = []
    for a, b in reversed(spans[max(0, i - ANTECEDENTS):i]):
        parts.append(text[a:b])
        if not _ANAPHOR_RE.match(text[a:b]):
            break
    return " ".join(parts)


def _score_sentence(text: str, before: str, context: str, weights: dict[str, float], kind: str,
                    passage_kind: str, time_asked: bool = False, previous: str = "") -> tuple[float, float]:
    """Score and coverage of one sentence. Coverage is the rarity-weighted
    share of the question's terms in the sentence, with terms found only in
    the sentence before or its context (headings, a table's title) at half
    weight: "This is 8 percent fewer incidents" answers a question about
    anti-social behaviour named one sentence earlier; in full when the
    sentence names again, by its noun, what the text before it (``previous``)
    named with them ("the new model" after "a new operating model, Project
    Keystone")."""
    spans = [(st, a) for st, a, _ in term_spans(text, weights)]
    own = {st for st, _ in spans} | _time_taken_held(text, time_asked)
    earlier = stems_among(before, weights) - own
    around = stems_among(context, weights) - own - earlier
    total = sum(weights.values()) or 1.0
    # "Its energy costs fell by £86,000": a sentence that opens by pointing back is about what came before (the
    # sentence it points to, not the headings above: "It needs accurate records …" under "Understanding heritage
    # crime" does not say how well heritage crime is understood)
    lean = 1.0 if own and _ANAPHOR_RE.match(text) else CONTEXT_WEIGHT
    named = _named_again(text, previous, set(weights) - own) if lean < 1.0 and previous else set()
    coverage = (sum(weights[st] for st in own | named) + lean * sum(weights[st] for st in earlier - named)
                + CONTEXT_WEIGHT * sum(weights[st] for st in around - named)) / total
    positions = sorted(a for _, a in spans)
    spread = (positions[-1] - positions[0]) if len(positions) > 1 else 0
    proximity = 1.0 / (1.0 + spread / 200.0)
    bonus = 0.0
    typed = _DATE_FULL_RE.sub(" ", text) if kind == "number" else text
    pattern = TYPE_PATTERNS.get(kind)
    if pattern and pattern.search(typed):
        bonus += 0.25
    if kind == "enumeration" and (len(_LIST_RE.findall(text)) >= 3 or text.rstrip().endswith(":")):
        bonus += 0.25
    if CAPTION_RE.match(text):
        bonus -= 0.3  # "Figure 7: …", "Source: …" label a chart, they do not state facts
    if kind == "definition" and positions and positions[0] < 3:
        bonus += 0.1  # "Integrated offender management (IOM) brings …": the term opens the sentence
    if kind == "definition" and passage_kind == "footnote":
        bonus += 0.05
    if len(text) > 400:
        bonus -= 0.1
    return coverage + 0.15 * proximity + bonus, coverage


def _pillars_spoken_of(sentence: str, passage: Passage, report: Report) -> set[str]:
    """The PEEL pillars a sentence speaks of: in its words, its headings, or its report's, when that is an
    inspection of one pillar ("PEEL efficiency"; "PEEL effectiveness, efficiency and legitimacy" is of none in
    particular)."""
    inspected = pillars_of(report.inspection)
    return pillars_of(f"{sentence} {' '.join(passage.heading_path)}") | (inspected if len(inspected) == 1 else set())


def _time_taken_held(text: str, time_asked: bool) -> set[str]:
    """The question's "time" when it asks a time something takes and the sentence gives one: "999 call answering
    times" are "answered 74 percent of 999 calls within 10 seconds", which never says "time"."""
    return {"time"} if time_asked and _TIME_TAKEN_RE.search(text) else set()


# a time something takes, named by what takes it ("answering times", "response time"; not "on time", "at the time")
_TIMES_ASKED_RE = re.compile(r"\b(?:\w+ing|response|wait|journey|travel|attendance|arrival)\s+times?\b", re.I)


_SHARE_HEADS = frozenset(stems_of("share proportion percentage"))


SEMANTIC_WEIGHT = 0.4  # how much meaning adds to the words a sentence shares with the question


SEMANTIC_FLOOR, SEMANTIC_SPAN = 0.25, 0.45  # similarity → coverage: 0.25 says nothing, 0.7 covers all


_TYPES = ("effectiveness", "efficiency", "legitimacy")


_GRADED_ASKED_RE = re.compile(r"grade[ds]?|rated|judged", re.I)
# a share of those asked about, asked ("What do most services plan …?") and said at a sentence's start ("A few hold
# …", "Most of them have …"); "the most" is a superlative, no share
_ASKED_QUANTIFIER_RE = re.compile(r"\b(?:do|does|did|are|were|have|had|can|could|would|will|should)\s+"
                                  r"(most|many|some|all|few)\s+(?!of\b)[a-z]", re.I)
_SAID_QUANTIFIER_RE = re.compile(r"\W*(most|many|some|all|a\s+few|few|none|no|several)\b(?!\s+(?:longer|more|less)\b)",
                                 re.I)


def _quantifier(word: str) -> str:
    """A share's word, as one: "a few" is "few"; "none" is "no"."""
    word = " ".join(word.lower().split())
    return {"a few": "few", "none": "no", "several": "some"}.get(word, word)


# a count of those given one grade ("graded outstanding in three areas", "rated good for …")
_GRADED_SUBSET_RE = re.compile(r"\b(?:graded|rated|judged)\s+(?:as\s+)?(?:outstanding|good|adequate|inadequate|"
                               r"requir(?:es|ing)\s+improvement)\b", re.I)


_INSPECTION_DONE_RE = re.compile(r"\b(?:carried out|conducted|led|undertook|did|performed)\b[^?]*\binspections?\b", re.I)


def _asked_about(cue: str, question: Question) -> bool:
    """Is a kind of inspection the question names what it asks about, not
    the report it asks? "When were HMIC's efficiency reports published,
    according to the West Midlands effectiveness report?": no report in scope
    is an efficiency report, so "efficiency" is asked about and must be in
    the answer (whether a force or only a year scoped it: "HMIC's 2015
    efficiency reports")."""
    word = cue.lower()
    if question.kind == "yesno" and not question.grades and _GRADED_ASKED_RE.fullmatch(word):
        return True  # "Did the rural crime inspection grade the forces?": whether it graded is what is asked
    if question.kind == "who" and word.startswith("inspection") and _INSPECTION_DONE_RE.search(question.text):
        return True  # "Who carried out the Holmbridge inspection?": the inspection is what was done, the answer's object
    return (word in _TYPES and bool(question.organisations or question.reports) and
            not any(word in r.inspection.lower() for r in question.reports))


def _without_cues(text: str, question: Question) -> str:
    """The text without the words that only cue the kind of answer or scope it."""
    text = _ADVICE_FRAME_RE.sub(" ", text)
    return _CUE_WORDS.sub(lambda m: m.group(0) if _asked_about(m.group(0), question) else " ", text)


def _content(question: Question) -> str:
    """The question without the words that scope it (organisations, a
    report's name, years, "according to HMIC's report"): what it asks about."""
    text = _without_cues(question.text, question)
    for title in question.titles:
        text = re.sub(re.escape(title), " ", text, flags=re.I)
    text = without_organisations(text, question)
    text = re.sub(r"\b(19|20)\d\d(\s*[/–-]\s*\d\d)?\b", " ", text)
    return " ".join(text.split())


# "… did the inspectors want Wealdmarsh to improve?": who advised is the frame of a question about the advice,
# which names no inspector ("The force should improve the quality of its custody data …")
_ADVICE_FRAME_RE = re.compile(r"\b(?:the\s+)?(?:inspectors?|inspectorate|hmic(?:frs)?|hmi)\s+(?:want(?:s|ed)?)"
                              r"(?=\s+(?:[\w’'-]+\s+){0,5}?to\b)", re.I)


DEFINING_BONUS = 0.3
OPENS_ON_TERM_BONUS = 0.15
GLOSSARY_ENTRY_BONUS = 0.3
SUBJECT_BONUS = 0.15  # the term as subject of a timeless verb: what it does, if not what it is


# a measure a percentage gives: "How has its crime recording accuracy changed?" is answered by "records 93.4 percent"
_SHARE_NAMED_RE = re.compile(r"\b(accuracy|rate|proportion|share|percentage)\b(?!\s+(?:of|per)\s+(?:\d|every))", re.I)
# the inspectors asked about as the ones inspecting ("did the inspectors speak to", "told inspectors"), not
# counted ("How many inspectors …?", "fire safety inspectors are"): the reports' "we", "us" and "our"
_INSPECTORS_ASKED_RE = re.compile(r"\b(?:tell|told|show|showed|give|gave|did|do|does|the)\s+inspectors\s+"
                                  r"(?!(?:is|are|was|were|has|have|had|in|at|of|for|from|with)\b)[a-z]+", re.I)
_WE_RE = re.compile(r"\b(?:we|us|our)\b", re.I)
# how the inspectorate itself worked ("How did HMIC gather evidence …?"): its deeds of inspecting, not what it found
_ASKS_INSPECTORATE_METHOD_RE = re.compile(
    r"\b(?:did|do|does|will|has|have)\s+(?:the\s+)?(?:HMIC(?:FRS)?|inspectorate|inspectors)\s+(?:\w+ly\s+)?"
    r"(?:gather|collect|conduct|carry out|choose|select|sample|survey|interview|visit|assess|measure|estimate|"
    r"calculate|test|check|listen|speak|talk|hold|work out|decide)\b", re.I)
_UNGRADED_RE = re.compile(r"\bungraded\b", re.I)
_WE_FOUND_RE = re.compile(r"\b(?:we|inspectors|HMIC(?:FRS)?|the inspectorate)\s+(?:also\s+|often\s+|only\s+)?found\b", re.I)
_MONTH_MARCH_RE = re.compile(r"\b(?-i:March)\b(?=\s+(?:19|20)\d\d\b)|(?<=\d\s)(?-i:March)\b")  # "31 March 2015"
# a police officer's rank, not the inspectorate's inspectors: "one detective inspector and six sergeants"
_POLICE_INSPECTOR_RE = re.compile(r"\b(?:detective|chief|duty|custody|police)\s+(?:chief\s+)?inspectors?\b|"
                                  r"\binspectors?(?=,?\s+(?:and|or)\s+(?:sergeants?|constables?)\b)", re.I)
# what the inspectors themselves will do ("When will the inspectorate return?") is said with the inspectors as the
# ones doing it, or their inspection: "I will return …", "HMIC will revisit …", "a further inspection within a year"
_HM_INSPECTOR = r"(?:HM|His Majesty[’']s|Her Majesty[’']s)\s+(?:Chief\s+)?Inspector"
_INSPECTORATE = rf"(?:the\s+)?(?:inspectorate|HMICFRS|HMIC|inspectors?|{_HM_INSPECTOR})"
_INSPECTORATE_ACTS_RE = re.compile(rf"\b(?:will|would|is|are)\s+{_INSPECTORATE}\s+"
                                   r"(?:next\s+)?(?!(?:is|are|was|were|has|have|had|in|at|of|for|from|with)\b)[a-z]+",
                                   re.I)
# "When is Northshire's next inspection?", "When will HMICFRS next inspect …?": answered by what the inspectorate says
# it will do ("We will revisit … in 2017"), not by any sentence of "the next four years"
_ASKS_NEXT_INSPECTION_RE = re.compile(r"\bnext\b[^?]*\b(?:inspect\w*|visit\w*|revisit\w*)|"
                                      r"\b(?:inspect\w*|visit\w*|revisit\w*)\b[^?]*\bnext\b", re.I)
_INSPECTORATE_WILL_RE = re.compile(r"\b(?:we|hmic(?:frs)?|the inspectorate|inspectors)\s+(?:will|shall|plan|intend|expect|"
                                   r"are\s+due|aim)\b|\bour\s+next\s+(?:[\w-]+\s+)?(?:inspection|visit)\b", re.I)
# "What did its review of body-worn video find?" asks what was found, said in a verb of finding ("The review found
# that …"), not by "… reviews the footage and publishes its findings"
_ASKS_FOUND_RE = re.compile(r"^\s*what\s+(?:did|does|do|has|have|had)\b[^?]*\b(?:find|reveal|conclude)\s*\??\s*$", re.I)
_FOUND_SAID_RE = re.compile(r"\b(?:found|finds|revealed|reveals|concluded|concludes|showed|shows|shown|identified)\b",
                            re.I)
# what the inspectorate itself will do ("We will assess progress against the recommendations …"): no answer about a force,
# only to a question naming the inspectorate, its inspections or what is to come
_INSPECTORATE_PLANS_RE = re.compile(r"\b(?:we|hmic(?:frs)?|the inspectorate|inspectors)\s+(?:will|shall|plan|intend|"
                                    r"are\s+due)\b", re.I)
_ASKS_INSPECTORATE_OR_FUTURE_RE = re.compile(rf"{_INSPECTORATE}|\b(?:we|us|our|inspect\w*|revisit\w*|will|shall|next|"
                                             r"plan\w*|future|going to|due)\b", re.I)


# "Helena Sandiford, His Majesty's Inspector of Constabulary", "— Eleanor Marchbank, HM Inspector of Constabulary"
_SIGNATURE_RE = re.compile(rf"(?:^|—\s*|\n)((?:[A-Z][a-z’'-]+\s){{1,2}}[A-Z][\w’'-]+),?\s+"
                           rf"({_HM_INSPECTOR} of (?:the )?[A-Z][\w ,&]*[\w])")
# a signature alone ("Ruth Penhallow, HM Inspector of Fire & Rescue Services") says who, and nothing else
_SIGNATURE_ONLY_RE = re.compile(rf"(?:[A-Z][a-z’'-]+\s){{0,2}}(?P<surname>[A-Z][\w’'-]+),?\s+{_HM_INSPECTOR} of (?:the )?"
                                r"(?:(?:[A-Z][\w’'-]*|and|of|the|&)[\s,]*)+$")
# under "HM Inspector's summary" (or observations), "I am very concerned about …" is the inspector speaking
_INSPECTOR_HEADING_RE = re.compile(rf"\b{_HM_INSPECTOR}", re.I)
_FIRST_PERSON_RE = re.compile(r"\b(?-i:I)\b|\bmy\b", re.I)
_INSPECTORATE_SAID_RE = re.compile(rf"\b(?:we|us|our|(?-i:I)|{_INSPECTORATE}|inspections?|revisits?|re-inspections?|"
                                   r"fieldwork)\b", re.I)
# "In which towns / Which areas …?" asks for places by name
_ASKS_PLACES_RE = re.compile(r"^\s*(?:in |at |from |to )?(?:which|what) (?:other )?(towns?|areas?|places?|cities|city|"
                             r"villages?|districts?|locations?|counties|county)\b", re.I)


_NAME_AND_NOUN_RE = re.compile(r"(?<!^)(?<![.?!] )\b((?-i:[A-Z][a-z][\w’'-]*))\s+((?-i:[A-Z]?[a-z][\w’'-]*))\b")
_PLACE_ASKED_RE = re.compile(rf"\b(?:in|at|from|near)\s+(?:the\s+)?(?!{MONTHS}\b)([A-Z][\w’'-]+)|"
                             # a place naming what is counted there: "How long did Kingsfold detainees wait?"
                             rf"(?<=[a-z] )(?!{MONTHS}\b)((?-i:[A-Z][a-z][\w’'-]*))(?=\s+(?-i:[a-z]+s)\b)")


# what a count is of is a state: "How many custody sergeant posts are vacant …?"
_COUNTED_STATE_RE = re.compile(r"^\s*how many\b[^?]*?\b(?:are|were|is|was|remain|remained)\s+(?:still\s+)?"
                               r"((?-i:[a-z][a-z-]+))\b(?![’'])", re.I)


def _other_forms(store, weights: dict[str, float]) -> list[tuple[re.Pattern, str]]:
    """(pattern, words it stands for) for the acronyms whose long form the
    question spells out, and the long forms of acronyms it uses: "In 2024/25
    the RCCH had eight staff" answers "How many staff did the Rural Crime
    Coordination Hub have?", and the other way round."""
    # (an acronym's stems with its plural's: "PCSOs" is not stemmed as "PCSO")
    table = store.cached("glossary-stems", lambda: [(acr, long, frozenset(stems_of(long)),
                                                     frozenset(stems_of(acr)) | frozenset(stems_of(acr + "s")))
                                                    for acr, long in store.glossary().items()])
    asked = set(weights)
    out = []
    # the numbers people call: "999 calls" are emergency calls, "101 calls" non-emergency ones (not the other way
    # round: "non-emergency" holds "emergency")
    if "999" in asked and not asked & {"emerg", "nonemerg"}:
        out.append((re.compile(r"(?<!non-)\bemergency\b", re.I), "999"))
    elif "emerg" in asked and not asked & {"999", "nonemerg"}:
        out.append((re.compile(r"\b999\b"), "emergency"))
    if "101" in asked and "nonemerg" not in asked:
        out.append((re.compile(r"\bnon-emergency\b", re.I), "101"))
    elif "nonemerg" in asked and "101" not in asked:
        out.append((re.compile(r"\b101\b"), "non-emergency"))
    for acr, long, stems, short in table:
        if stems and stems <= asked and not short & asked:
            out.append((re.compile(rf"\b{re.escape(acr)}s?\b"), long))
        elif short and short & asked:
            # the long form singular or plural, as the acronym is asked ("PCSOs" for "police community support
            # officers"), the long form asked too or not ("its SOC prevent team … serious and organised crime unit")
            as_asked = acr if stems_of(acr) & asked else f"{acr}s"
            out.append((re.compile(rf"\b{re.escape(long.removesuffix('s'))}s?\b", re.I), as_asked))
    return out


def _also_said(text: str, forms: list[tuple[re.Pattern, str]]) -> str:
    """The words that what a text says in other forms stands for, to add to its own ("the RCCH" says "the Rural
    Crime Coordination Hub")."""
    return "".join(" " + words for form, words in forms if form.search(text))


def _as_asked(text: str, forms: list[tuple[re.Pattern, str]]) -> str:
    """The text with each acronym or long form written as the question
    writes it ("146 police community support officers" as "146 PCSOs"),
    so that a count stands next to the noun asked."""
    for form, words in forms:
        text = form.sub(lambda m: words + ("s" if m.group(0).endswith("s") and not words.endswith("s") else ""), text)
    return text


_WORD_RE = re.compile(r"[A-Za-z]{2,}")


def _term_words_set_aside(question: Question, weights: dict[str, float]) -> bool:
    """Has a term asked to be defined lost its noun to the cues ("What is the best grade?" comes down to "best";
    not "What does a grade of adequate mean?", whose last word is what is asked)?"""
    defines = defining(question)
    last = defines.term.split()[-1] if defines and defines.term.split() else ""
    return bool(stems_of(last)) and not stems_of(last) & (set(weights) | scope_stems(question))


@lru_cache(maxsize=4096)
def _named_forms(name: str) -> frozenset[str]:
    """How a sentence names an organisation, lower-cased: its aliases, and a fire and rescue service by its place
    alone, as a report on several services does ("In Selbury it took 41 weeks")."""
    return frozenset(a.lower() for a in (*aliases(name), fire_place(name)) if a)


def _best_sentence(store, question: Question, hits, weights: dict[str, float], extra=()) -> Candidate | None:
    """The sentence of the first candidate passages that best answers the
    question, with its score and how far it leads the runner-up. The rules
    go first (a sentence they rule out is never embedded: embedding was the
    largest cost of a question), then meaning adds to the survivors' scores."""
    tok = store.sentence_tokenizer()
    defines = defining(question)
    # (whether a standard was met is asked of what was done: "Did it meet the national standard for answering 999
    # calls?" is not "The national standard is that 90 percent … should be answered …")
    prescriptive = bool(_ASKS_PRESCRIPTION.search(question.text)) and not (
        question.kind == "yesno" and _ASKS_MET_RE.search(question.text))
    asks_advice = bool(_ASKS_ADVICE_RE.match(core_of(question.text)))  # only advice answers it
    recap_skipped = question.kind != "comparison" and not question.since and not _ASKS_PAST_RE.search(question.text)
    asked_years = [*question.years, *([question.earlier] if question.earlier else [])]
    # a question with no count or date to find is anchored only by what it names: the sentence itself must
    # name it (a count or a date, next to what is counted, may lean on the sentence before)
    undated = _DATE_FULL_RE.sub(" ", _DATE_RE.sub(" ", _content(question)))
    untyped_names = set() if question.kind in TYPED_KINDS else _named(undated, numbers=False) & set(weights)
    # a count or a date about something named ("How often does the Port Aldwick panel meet?") comes from a
    # passage that names it, in its text or its headings (an acronym may be spelt out there: not required)
    typed_names = (_named(_FIGURE_NAMED_RE.sub(" ", re.sub(r"\b[A-Z]{2,}s?\b", " ", undated)), numbers=False) & set(weights)
                   if question.kind in TYPED_KINDS else set())
    wanted = items_wanted(question) if question.kind == "enumeration" else 0
    names_wanted = _things_named_asked(question.text)
    wanted_mention = _wanted_mention(question) if wanted else None
    # a place the question names, not the organisation it scopes ("at Kingsfold"), and any other place a sentence
    # may name in its stead
    places_asked = {st for m in _PLACE_ASKED_RE.finditer(question.text) for st in stems_of(m.group(1) or m.group(2))} \
        & set(weights)
    other_places = _places_named(question.text) if places_asked else None
    directions = _directions(question.text, question.organisations)  # where to, where from
    # a thing the question names by a name and a common noun ("Brackford University", "Farm Watch"), and the same
    # noun under another name in a sentence ("Tarnley University"): another thing
    named_things = [(stems, re.compile(rf"\b(?!{re.escape(m.group(1))}\b)(?-i:[A-Z][a-z][\w’'-]*)\s+{re.escape(m.group(2))}\b",
                                       re.I))
                    for m in _NAME_AND_NOUN_RE.finditer(question.text)
                    for stems in [frozenset(stems_of(m.group(1)))] if stems and stems <= set(weights)]
    each_named = [_named_forms(name) for name in question.organisations]
    named_aliases = set().union(*each_named)
    national_figure_not_asked = question.kind == "number" and bool(named_aliases) and not _NATIONAL_ASKED_RE.search(
        question.text)
    # "By how much did ASB fall nationally?", "Who leads nationally on rural crime?": the whole country, asked of no
    # force (a figure said of it: "across England and Wales", "the national rate"; anything else in its word)
    # ("Does every force have …?" asks of several forces, each: what is said of some of them settles it)
    national_asked = not named_aliases and bool((_NATIONAL_ASKED_RE if question.kind == "number" else
                                                 _NATIONALLY_ASKED_RE).search(_NATIONAL_NAME_RE.sub(" ", question.text)))
    national_said_re = _NATIONAL_SAID_RE if question.kind == "number" else _NATIONAL_ASKED_RE
    counted_years = data_years(question.text) if question.kind in TYPED_KINDS else set()
    counted_years |= thing_years(question.text)  # "the registrar's 2017 audits": what was done in 2017
    period_years = _period_years(question.text) if question.kind in TYPED_KINDS else set()
    asked_periods = periods.spans(question.text) if question.kind in TYPED_KINDS else []
    data_spans = _spans_in(question.text, asked=True) if question.kind in TYPED_KINDS else set()
    # a span that is the only time asked (not "in 2016 compared with 2021/22"), the year of undated sentences of a
    # report of one financial year
    span_only = bool(data_spans) and set(question.years) <= {y for first, _ in data_spans for y in (first, first + 1)}
    if question.since and question.kind in TYPED_KINDS:
        counted_years.add(question.since)  # "saved since 2010/11": by a sentence counting from then
    # (a change the question names as an aim asks for none: "What orders is it using to reduce offending?")
    unpurposed = _PURPOSE_RE.sub(" ", question.text)
    likely_asked = bool(re.search(r"\blikely\b", question.text, re.I))
    more_asked = () if _ASKS_FURTHER_RE.search(question.text) else (_ASKS_MORE_RE,)  # (not more still to do)
    asks_change = _direction(" ".join(m.group(0) for rx in (_ASKS_CHANGE_RE, *more_asked) for m in rx.finditer(
        unpurposed)))  # (and a difference asked one way: "How much more time …?" is not "… 47 minutes a shift less")
    other_forms = glossary_forms = _other_forms(store, weights)
    spelt_out = {st for acronym in re.findall(r"\b[A-Z]{2,}(?=s?\b)", question.text)  # its acronyms, spelt out
                 for st in stems_of(store.glossary().get(acronym, ""))}
    # "did it fail to record …" of "had not been recorded"; "calls that lacked a location" of "did not establish"
    other_forms = other_forms + [(_NEGATION_RE, stem) for stem in _NEGATIVE_ASKED if stem in weights]
    if question.kind == "yesno":  # "Are wildlife crimes easy to investigate?": "… can be hard to investigate" (no)
        other_forms = other_forms + [(form, stem) for stem, form in _OPPOSITES if stem in weights]
    if "responsib" in weights and question.kind == "who":  # "Who is responsible for custody?": "… led by a chief …"
        other_forms = other_forms + [(_IN_CHARGE_RE, "responsib")]
    if question.kind == "date":  # "When did PEEL inspections start?": "We introduced our … (PEEL) inspections in 2014"
        other_forms = other_forms + [(_STARTED_RE, stem) for stem in _START_ASKED if stem in weights]
    other_forms = other_forms + [(form, words) for words, stems, form in _SAID_OTHERWISE if stems <= set(weights)]
    measure = _SHARE_NAMED_RE.search(question.text)
    if measure and question.kind == "comparison":
        # "its recording accuracy": "records 93.4 percent"
        other_forms = other_forms + [(_PERCENT_RE, measure.group(1))]
    inspectors_asked = bool(_INSPECTORS_ASKED_RE.search(question.text))
    inspectorate_method_asked = question.kind in ("sentence", "list", "enumeration") and bool(
        _ASKS_INSPECTORATE_METHOD_RE.search(question.text))
    marches_asked = bool(re.search(r"\b(?-i:march(?:es|ed|ing)?)\b", question.text))  # the word, not the month
    # what an organisation finds, not what the inspectors report they found
    finding_asked = bool(re.search(r"\b(?:find|finds|found|finding)\b", question.text, re.I)) and not inspectors_asked \
        and not _ASKS_FIELDWORK_RE.search(question.text)
    standard_asked = bool(_ASKS_WHEN_GRADED_RE.match(question.text))
    # "Has its cause of concern about emergency calls been closed?" is not answered by "I have also made a cause of
    # concern about how the force answers emergency calls": a sentence must say what became of it
    progress_asked = question.kind == "yesno" and bool(_PROGRESS_ASKED_RE.search(question.text))
    count_ungraded = question.kind == "number" and not question.grades  # a count asked of no one grade
    quantifier_asked = _quantifier(m.group(1)) if (m := _ASKED_QUANTIFIER_RE.search(question.text)) else None
    part_asked = question.kind not in TYPED_KINDS and bool(re.match(r"\s*which\b", question.text, re.I))
    method_unasked = question.kind in ("sentence", "yesno", "definition") and not _ASKS_FIELDWORK_RE.search(
        question.text)
    well_asked = question.kind in ("sentence", "list") and bool(_ASKS_DONE_WELL_RE.search(question.text))
    # "Which community resolutions does it use?" asks for some of them, not what they are
    kinds_asked = _ASKS_WHICH_KINDS_RE.match(question.text) if question.kind in ("sentence", "list") else None
    defines_kind = re.compile(rf"\s*{re.escape(kinds_asked.group(1))}\s+(?:is|are)\s+(?:an?|the)\b",
                              re.I) if kinds_asked else None
    qualities_asked = frozenset(weights) & _QUALITY_STEMS if question.kind == "yesno" else frozenset()
    # a sentence saying only where the report says something answers only where ("in the rest of this report")
    place_unasked = question.kind in ("sentence", "yesno", "list", "definition") and not _ASKS_REPORT_PLACE_RE.search(
        question.text)
    if inspectors_asked:
        other_forms = other_forms + [(_WE_RE, "inspectors")]  # "did inspectors speak to": "we … spoke to"
    if "grade" in weights:
        other_forms = other_forms + [(_UNGRADED_RE, "graded")]  # "Was its armed policing graded?": "Ungraded"
    if _INSPECTORATE_ACTS_RE.search(question.text):  # "When will the inspector return?": "I will return …"
        other_forms = other_forms + [(_INSPECTORATE_SAID_RE, "inspector inspectors inspectorate HMIC HMICFRS")]
    places = _ASKS_PLACES_RE.match(question.text)
    if places:  # "In which towns …?" is answered by naming them: "… focus groups in Ashcombe and Millbrook"
        other_forms = other_forms + [(_places_named(question.text), places.group(1))]
    if _asks_population(question):
        other_forms = other_forms + [(_AREA_PEOPLE_RE, "population")]  # "a county of about 910,000 people"
    per_head = _PER_HEAD_ASKED_RE.search(question.text)
    if per_head:
        other_forms = other_forms + [(_PER_HEAD_RE, per_head.group(1))]  # "per person" of "per head of population"
    asks_change_since = question.kind == "yesno" and bool(question.since) and bool(
        _ASKS_CHANGE_RE.search(question.text) or _COMPARATIVE_RE.search(question.text))
    asks_why = bool(_ASKS_WHY_RE.match(question.text))
    asks_deed = bool(_ASKS_DEED_RE.match(question.text)) and not _HYPOTHETICAL_RE.search(question.text)
    asks_use = bool(_ASKS_USE_RE.match(question.text))
    term_modifiers = defines.modifiers if defines else None
    asks_made = bool(_ASKS_MADE_RE.search(question.text)) and not _ASKS_PAST_RE.search(question.text)
    asks_amount = _asks_amount(question)
    compares_groups = question.kind == "comparison" and bool(_COMPARES_GROUPS_RE.search(question.text)) and \
        not question.years and not question.since
    # a count asked at two times ("… in 2017 and in 2021/22?"): a sentence comparing with one of them gives both
    asks_two_times = question.kind in TYPED_KINDS and len(_TWO_TIMES_RE.findall(question.text)) >= 2
    asks_percent = question.kind == "number" and bool(_PERCENT_ASKED_RE.search(question.text))
    share_of = _SHARE_OF_ASKED_RE.search(question.text) if asks_percent else None
    counted_share = stems_of(share_of.group(1)) if share_of else frozenset()
    share_whole = _share_whole(question.text) if question.kind == "number" else ""
    share_part = _share_part_stems(question) if question.kind == "number" and asks_percent else frozenset()
    # (a whole read to a plural noun: "of its sergeants", not "of Eastmoor police staff said they felt")
    whole_plural = bool(share_whole) and any(is_plural(w) and share_whole in stems_of(w)
                                             for w in question.text.split())
    asks_deadline = bool(_ASKS_DEADLINE_RE.search(question.text))
    asks_manner = question.kind == "sentence" and bool(_ASKS_MANNER_RE.match(question.text))
    asks_action = bool(_ASKS_ACTION_RE.match(question.text))
    inspectors_act = question.kind == "date" and bool(_INSPECTORATE_ACTS_RE.search(question.text))
    asks_publication = question.kind == "date" and bool(_ASKS_PUBLICATION_RE.search(question.text)) or (
        question.kind == "who" and bool(_ASKS_AUTHOR_RE.search(question.text)))
    # (by its verb; "launched", "produced" publish a document, while an operation or a scheme launched begins:
    # "When was Operation Lockfast launched?" is answered by "it began in April 2017")
    asks_published = question.kind == "date" and bool(_PUBLISHED_RE.search(question.text)) and (
        asks_publication or not _LAUNCHED_RE.search(question.text)) and not _HOW_LONG_RE.search(question.text)
    asks_period = question.kind == "date" and bool(_ASKS_PERIOD_RE.search(question.text))
    asks_next_inspection = question.kind == "date" and bool(_ASKS_NEXT_INSPECTION_RE.search(question.text))
    asks_inspectorate = bool(_ASKS_INSPECTORATE_OR_FUTURE_RE.search(question.text))
    asks_found = bool(_ASKS_FOUND_RE.match(question.text))
    improving_asked = "improv" in weights and not question.grades
    question_stems = stems_of(question.text)  # every word it uses, the names it is scoped by too
    superlative, superlative_high = _extreme_asked(question.text) or (None, False)
    month_row_asked = bool(superlative) and bool(re.search(r"\b(?:which|what)\s+month\b", question.text, re.I))
    # what the superlative is of ("the fewest … emergency calls"): a sentence answering names it itself
    superlative_of = {head for _, head, _ in _superlative_heads(question.text)} if superlative else set()
    months_asked = {m.group(0).lower() for m in re.finditer(rf"\b{MONTHS}\b", question.text, re.I)}  # "May" too
    # "What did the 2014 crime inspection assess?", no report of 2014 indexed: a sentence that says 2014
    # (a comparison or a yes/no sets a year against now: "better than in 2018?")
    unreported_years = set(question.years) if question.kind in ("sentence", "definition", "who", "list",
                                                                 "enumeration") and question.years and not any(
        report_years(r) & set(question.years) for r in question.reports) else set()
    # "How many of the 38 children …?" names the whole it counts from: the passage gives that whole too
    whole_given = _OF_THE_N_RE.search(question.text) if question.kind == "number" else None
    counted = _COUNTED_NOUN_RE.match(question.text, whole_given.end()) if whole_given else None
    whole_noun = stems_of(counted.group(1)) if counted else frozenset()
    # and which kind of it ("of its 50 domestic abuse cases"), not an organisation's name ("the 40 Fenmoor fire
    # records")
    whole_kinds = _modifiers(counted.group(1)) - ORGANISATION_GENERIC if counted else frozenset()
    # a word the question uses whose counterpart a sentence says instead ("notices about adults": "… about
    # children"; "in rural areas": "in urban areas")
    contrasts = [(a, b) for a, b in CONTRASTS if a in question_stems and b not in question_stems]
    phrase_contrasts = _phrase_contrasts(question.text)
    non_terms = _non_terms(question.text)  # "non-emergency calls" are not "emergency calls"
    waited_for = _waited_for(question.text) if question.kind in TYPED_KINDS else frozenset()  # how long, how many
    state = _COUNTED_STATE_RE.match(question.text) if question.kind == "number" else None
    state_stems = stems_of(state.group(1)) if state and _is_state(state.group(1)) else frozenset()
    # "When did Eastmoor open its wellbeing centre?" is answered by the opening, in any of its words, not by
    # "In 2021, 418 checks were carried out … referred to the wellbeing centre"
    time_asked = "time" in weights and bool(_TIMES_ASKED_RE.search(question.text))
    event = next((said for asked_rx, said in _EVENTS if asked_rx.search(question.text)), None) \
        if question.kind == "date" and _ASKS_EVENT_RE.match(question.text) else None
    # "When was its policing model designed?" asks when that was done, in its own verb: "The model was designed in
    # 2014", not "In October 2015 it introduced a new operating model" (a verb _EVENTS knows keeps its family)
    done = _ASKS_DONE_WHEN_RE.match(question.text) if question.kind == "date" and not event else None
    done_stems = stems_of(done.group(1)) if done and not _REPORT_DATED_RE.match(done.group(1)) else frozenset()
    # "Who reviews …?" (not "Who does not …?"): the stems of its verbs, whose negation in a sentence rules it out
    who_done = set(weights) if question.kind == "who" and not _NEGATES_RE.search(question.text) else set()
    # "What share … had no annual appraisal?", "… were not offered an interview?": a count of what was not done;
    # "Which force does not give its WCOs protected time?", "Who did not …?": those that did not
    asks_undone = question.kind in ("number", "list", "enumeration", "who") and bool(
        _ASKS_UNDONE_RE.search(question.text))
    done_asked = _done_asked(question.text, weights) if asks_percent else frozenset()
    past_event = question.kind == "date" and bool(_ASKS_PAST_EVENT_RE.search(question.text)) and not (
        _PLANNED_RE.search(question.text))
    visit_dates_nothing = question.kind == "date" and not _INSPECTION_ASKED_RE.search(question.text)
    count_of_fact = question.kind == "number" and not _ASKS_ASSUMED_RE.search(question.text)
    pillars_asked = set(question.pillars) if question.kind == "grade" else set()
    future_asked = question.kind == "date" and bool(re.match(r"\s*when\s+will\b", question.text, re.I))
    # what an inspection looked at, or how; "Who assesses crimes reported to the force?" asks who does, "Who
    # inspected its custody suites?" who the inspectors were
    asks_scope = bool(_ASKS_SCOPE_RE.search(question.text)) and (
        question.kind != "who" or bool(_INSPECTION_ASKED_RE.search(question.text)))
    asks_failings = bool(_ASKS_FAILINGS_RE.search(question.text))
    asks_where = question.kind == "sentence" and bool(_ASKS_WHERE_RE.match(question.text))
    # "Where do its figures come from?" asks a source, said after "from": "from its own availability system"
    where_said = _SOURCE_RE if _ASKS_SOURCE_RE.match(question.text) else _DOCUMENT_PLACE_RE if \
        _ASKS_DOCUMENT_PLACE_RE.match(question.text) else _PLACE_RE
    month_asked = _MONTH_ASKED_RE.search(question.text) if question.kind in TYPED_KINDS else None
    nth_asked = _nth_span(question.text) if question.kind in TYPED_KINDS else None
    # (any kind: "Who must authorise detention for more than 36 hours?" is not "… more than 24 hours must be …")
    bound_asked = _time_bound(question.text)
    often_asked = _frequency_bound(question.text) if question.kind in TYPED_KINDS else None
    rate_asked = _rate_units(question.text) if question.kind == "number" else frozenset()
    count_unrated = question.kind == "number" and bool(counted_phrase(question.text)) and not _ASKS_RATE_RE.search(
        question.text)  # a count, not a rate: "How many sexual offences …?"
    # (not the kinds a document the question cites is named by: "in the rural, heritage and wildlife crime inspection")
    types_asked = _crime_types(_DOCUMENT_NAMED_RE.sub(" ", question.text)) if question.kind in ("number", "date") \
        else frozenset()
    day_asked = _DAY_ASKED_RE.search(question.text) if question.kind in TYPED_KINDS else None
    month_year_asked = _MONTH_YEAR_RE.search(question.text)
    by_year_asked = _BY_YEAR_RE.search(question.text)
    lengths_asked = _lengths_named(question.text)
    levels_asked = _levels(question.text)
    ordinals_asked = _ordinal_nouns(question.text)
    month = month_asked and re.compile(rf"\b{month_asked.group(1)}\s+{month_asked.group(2)}\b", re.I)
    period_end = _PERIOD_TO_MONTH_RE.search(question.text) if question.kind in TYPED_KINDS else None
    asks_every_organisation = question.kind == "yesno" and bool(_ASKS_EVERY_ORGANISATION_RE.search(question.text))
    asks_included = question.kind == "enumeration" and bool(_ASKS_INCLUDED_RE.search(question.text))
    asks_extreme = " ".join(m.group(0) for m in _ASKS_EXTREME_RE.finditer(question.text))
    if superlative:  # "Which month did it answer the most 999 calls …?" is not "… answered only 71.3 percent …":
        # a sentence says which had the most (a table's row, by its value)
        asks_extreme = f"{asks_extreme} {superlative}".strip()
    organisations_asked = _ASKS_ORGANISATIONS_RE.match(core_of(question.text))
    asks_organisations = bool(organisations_asked)
    # "Which force answered the most emergency calls …?": a superlative ("the most" is one here, not a majority) of
    # what it names ("calls"), not any count ("received 168,220 emergency calls") nor another's ("recorded the most
    # wildlife crime" for the most wildlife crime officers)
    most_of = _superlative_heads(question.text) if asks_organisations or part_asked else []
    if most_of:
        asks_extreme = f"{asks_extreme} {' '.join(word for word, _, _ in most_of)}".strip()
    if asks_organisations and (how := _MOST_HOW_RE.search(question.text)):
        # "Which force records crime most accurately?" asks a superlative too: not "Eastmoor Police is adequate at
        # recording crime accurately"
        asks_extreme = f"{asks_extreme} {how.group(1)}".strip()
    # "Which force has more officers, Eastmoor or Brackenshire?": a sentence that names both, with figures or a
    # comparison
    # (or "Which has more fire stations, Fenmoor or Dunmere?", naming no noun before them)
    compares_named = (asks_organisations or bool(re.search(r"\bor\b", question.text, re.I))) and len(
        question.organisations) >= 2 and bool(_COMPARATIVE_ASKED_RE.search(question.text))
    # and of any two things named as the choice: "Which has more cells, Kingsfold or Tenterham?"
    choice = _CHOICE_RE.search(question.text) if _COMPARATIVE_ASKED_RE.search(question.text) else None
    compared = stems_of(m.group(1)) if choice and (m := re.search(
        rf"{_COMPARATIVE_ASKED_RE.pattern}\s+([a-z][\w’'-]*)", question.text, re.I)) else set()  # "more cells": cells
    # and a yes or no asked "… more cells than Kingsfold?": what is compared, and the name after "than"
    than_named = _THAN_NAMED_RE.search(question.text) if question.kind == "yesno" and not choice else None
    if than_named and _NATIONAL_ASKED_RE.match(question.text, than_named.start(2)):
        than_named = None  # the national figure stands in a table's column, unnamed in its row's text
    # "Which forces …?" is answered by a sentence naming two at least; "Which force …?", one
    organisations_wanted = 2 if organisations_asked and organisations_asked.group(0).rstrip().endswith("s") and \
        question.kind in ("list", "enumeration") else 1
    known = store.cached("question-names", lambda: known_names(store.reports())) \
        if asks_organisations or asks_every_organisation or compares_named else None
    survivors: list[Survivor] = []
    if question.kind == "who" and question.organisations and _WHO_HOLDS_RE.match(question.text):
        # "Who is the chief constable of X?": X's own reports name its officers; a thematic covering X and four
        # other forces speaks of chief constables in general
        own = [h for h in hits if h.report.force in question.organisations]
        hits = own + [h for h in hits if h.report.force not in question.organisations]
    for hit in [*hits[:CANDIDATE_PASSAGES], *extra]:
        budget.check()
        p = hit.passage
        text = p.text
        if typed_names and (unnamed := typed_names - stems_among(" ".join((text, *p.heading_path)), typed_names)) \
                and unnamed - stems_among(_also_said(text, glossary_forms), unnamed):
            continue  # (a name spelt out in the question may stand as its acronym: "the BIU produced …")
        spans = sentences.split(tok, text)
        header = _table_header(text, spans) if p.kind == "table" else []
        head_lines = len(header)  # the header's lines at the top of this passage (none when it is borrowed)
        if p.kind == "table" and not header:
            header = _header_before(store, tok, p)  # a table going on from the page before, under its columns
        # a table whose title was left in the passage before: its rows are read under it, as context (its words
        # count half, as a heading's do): "How many rural crimes did X record in the year ending 31 March 2025?" of
        # a row "X  1,981  41 …"; not "the robbery rate" of the row "Recorded crime 63.3" under "… crime rates …"
        before = None  # the title left in the passage before a table: read once a passage, when needed
        if header and not any(_CAPTION_LABEL_RE.match(h) for h in header):
            before = _title_before(store, p)
        title = before or ""
        if header and question.kind == "who" and not any(_ROW_END_RE.search(text[a:b].strip()) for a, b in spans):
            header = []  # a table of people and roles (an inspection team): each line a row, its name the value
        if (question.kind in ("yesno", "list", "comparison", *TYPED_KINDS) or question.kind == "sentence"
                and question.organisations) and _GLOSSARY_HEADING_RE.search(
                p.heading_path[-1] if p.heading_path else ""):
            continue  # "force crime registrar (FCR): the person …" defines; it says nothing of what a force has (nor
            # what the report says of Tollbridge's cancelled crimes)
        advice_end = _advice_end(text) if p.kind in PRESCRIPTIVE_PASSAGES else 0
        table_years = None  # read once a passage, when a row needs them
        wholes = None  # the labels of its rows for a whole ("All crime", "Total"), read once a table
        extreme = None  # the rows with the largest or smallest value asked, read once a table
        heading = " ".join(p.heading_path)
        speaker = "HM Inspector" if _INSPECTOR_HEADING_RE.search(heading) else ""
        entry = bool(defines) and _glossary_entry(defines, p.heading_path)  # (its first sentence defines the term)
        for i, (a, b) in enumerate(spans):
            if header and i < head_lines:
                continue  # a table's header is context for its rows, not an answer
            previous = text[spans[i - 1][0]:spans[i - 1][1]] if i else ""
            if _PARAGRAPH_NUMBER_RE.match(text, a):
                previous = ""  # a numbered paragraph ("2.2 Children were too often …") leans on nothing before it
            if asks_deadline and i:
                previous = _lead_in(text, spans, i) or previous  # a bullet's deadline is its list's lead-in's
            # a table row means what its headers say: they count as its own words
            own = " ".join((text[a:b], *header)) if header else text[a:b]
            said = own  # what it says as printed: a count must stand next to its noun there
            if speaker and _FIRST_PERSON_RE.search(text[a:b]):
                own = f"{own} {speaker}"  # "What worries the HM Inspector most?": "But I am very concerned about …"
            if inspectors_asked:
                own = _POLICE_INSPECTOR_RE.sub(" ", own)  # "a detective inspector" is a rank, not the inspectors
            if marches_asked:
                own = _MONTH_MARCH_RE.sub(" ", own)  # "Which marches …?" is not "… in the 12 months to 31 March 2015"
            if finding_asked:
                own = _WE_FOUND_RE.sub(" ", own)  # "How does Dunmere find …?" is not "We found that 96 percent …"
            if standard_asked and (_JUDGED_AT_RE.search(text[a:b]) or not _STANDARD_SAID_RE.search(text[a:b]) or not all(
                    g.lower() in text[a:b].lower() for g in question.grades)):
                continue  # "When is a force graded outstanding?" asks the standard ("goes so far beyond it that it is
                # outstanding"), not "Eastmoor Police is outstanding at treating its workforce …"
            if quantifier_asked and (said_quantifier := _SAID_QUANTIFIER_RE.match(text[a:b])) and \
                    _quantifier(said_quantifier.group(1)) != quantifier_asked:
                continue  # "What do most services plan to spend their reserves on?" is not "A few hold large reserves
                # without any clear plan": what another share of them do
            if count_ungraded and _GRADED_SUBSET_RE.search(text[a:b]):
                continue  # "How many areas … are graded?" is not "… the only service graded outstanding in three
                # areas": a count of those given one grade, which the question does not name
            if progress_asked and not PROGRESS_SAID_RE.search(text[a:b]):
                continue  # (says nothing of what became of it: closed, still open, met, progress made)
            if question.kind != "who" and (signed := _SIGNATURE_ONLY_RE.match(text[a:b].strip())) and not re.search(
                    rf"\b{re.escape(signed.group('surname'))}\b", question.text):
                continue  # "What worries the HM Inspector most about Dunmere …?" is not the inspector's signature (it
                # answers who, or what the person it names is)
            if inspectorate_method_asked and not _INSPECTORATE_SAID_RE.search(_WE_FOUND_RE.sub(" ", text[a:b])):
                continue  # "How did HMIC gather evidence …?" asks what the inspectors did ("We also surveyed and
                # interviewed … to gather evidence"), not "The force works hard to ensure that the risks of gathering
                # evidence in this way are communicated to staff", nor what they found ("HMIC found delays in the
                # process to … gather evidence from mobile phones")
            if method_unasked and _METHOD_ONLY_RE.match(text[a:b]) and not _METHOD_FINDS_RE.search(text[a:b]):
                continue  # "What did Tollbridge do about modern slavery crimes?" is not "We examined 14 records
                # relating to modern slavery.": how the inspectors worked, saying nothing of what they found
            if place_unasked and ("report" in text[a:b] or "set out" in text[a:b]) and _POINTS_ELSEWHERE_RE.search(
                    text[a:b]):
                continue  # "What does Eastmoor do well?" is not "We set out our detailed findings about things the
                # force is doing well … in the rest of this report": it says where, not what
            if defines_kind and defines_kind.match(text[a:b]):
                continue  # not "Community resolutions are an out-of-court disposal the police can use …"
            if well_asked and not _says_done_well(text[a:b]):
                continue  # "What does it do well in investigating crime?" is not "It requires improvement at
                # investigating crime": what is done well is said to be done well, or good, or a strength
            # "the RCCH" says "the Rural Crime Coordination Hub" (a row, by its headers)
            own += _also_said(own, other_forms)
            # a sentence that points back leans on what it points to, a chain of such sentences on the first
            # (or names its figure as the one the sentence before describes: "For Harrowmere this estimate was …")
            points_back = bool(i) and bool(_ANAPHOR_RE.match(text[a:b]) or _MEASURE_BEFORE_RE.search(text[a:b])
                                           or refers_back(text[a:b], previous))
            stands_for = _stands_for(defines, text[a:b], previous) or (entry and i == 0)  # (a glossary entry's first
            # sentence says what the term heading it is: "Alerter" over "A pager or phone app that …")
            if stands_for:  # "These set out the standards …" after "… criteria, Expectations for police custody.":
                own += " " + defines.term  # its subject is the term asked, whose words are its own
            leaned = _antecedent(text, spans, i) if points_back else previous
            leaned += _also_said(leaned, glossary_forms)  # "Its funding …" after "… provided by the RCCH"
            bonus = 0.0  # what the rules below add to its score
            if header and not _NUMBER_RE.search(text[a:b]):
                continue  # a row without a value answers nothing
            if header and wholes is None:
                wholes = [stems_of(_row_label(text[x:y])) for x, y in spans[head_lines:]
                          if _WHOLE_ROW_RE.match(text[x:y])]
            if header and not part_asked and not superlative and _part_not_asked(_row_label(text[a:b]), wholes,
                                                             question_stems | spelt_out | months_asked):
                continue  # "What is its crime recording rate?" is the "All crime" row's, not "Behavioural crimes"
                # (but "Which custody suite is not used?" asks for a part: a row's label is the answer)
            if header and part_asked and not stems_of(_row_label(text[a:b])) - question_stems:
                continue  # a label of the question's own words names no part: "In the custody suite: Achieved 3; …"
            if header and typed_names and _WHOLE_ROW_RE.match(text[a:b]) and any(
                    typed_names & stems_of(_row_label(text[x:y])) for x, y in spans[head_lines:]):
                continue  # "How many cells does Brackenfield have?" is its row's, not the "Total" row's
            if header and superlative and extreme is None:
                rows = [text[x:y] for x, y in spans[head_lines:]] + _rows_beside(store, tok, p, header)
                # (a table that does not say which row has the most answers nothing of it)
                extreme = _extreme_rows(header, rows, question.text, superlative_high) or set()
            if header and superlative and (text[a:b].strip() not in extreme or month_row_asked and not re.fullmatch(
                    rf"{MONTHS}(?:\s+(?:19|20)\d\d)?", _row_label(text[a:b]).strip(), re.I)):
                continue  # "In which month did it receive the most emergency calls?" is the row with the most, a
                # month's ("April to June 2021" is a quarter)
            if superlative_of and not header and not superlative_of & stems_of(own):
                continue  # "What month in 2023 had the fewest Northshire emergency calls?" is not "At its lowest, in
                # August 2023, the figure fell to 48 percent": the lowest of another figure
            if header and superlative and len(extreme) == 1:
                own += " " + superlative  # the one row with the most says "most" by its value
            # a row's count sits under its column's name
            typed = _table_row(header, text[a:b]) if header else said
            if glossary_forms and question.kind == "number":
                typed = _as_asked(typed, glossary_forms)  # a count stands next to its noun as asked
            if question.kind in ("number", "date", "grade", "frequency", "who") and not _typed(
                    question, typed, title if header else previous, row=bool(header)):
                continue  # "how many …?" is answered by a sentence with the count, however close another is (a
                # row's count may leave its noun to the table's title: "Outcome of the first release of the suspect")
            if question.kind == "yesno" and header and set(weights) - untyped_names - _GRADING_STEMS - \
                    _QUANTIFIER_STEMS - stems_of(
                    f"{typed} {' '.join(header)} {title} {heading}"):
                continue  # "Is Tenterham custody suite open all the time?" is not "Tenterham: Cells 18; Detainees
                # 3,150; …": a row settles a yes or no only when it and its headers hold what is asked of its names
                # (graded or not: "Armed policing  Ungraded  2018/19")
            # (whether the sentence says what the term is, read once: three rules below ask it)
            defined = bool(defines) and bool(defines.subject(text[a:b]) or defines.apposes(text[a:b])
                                             or defines.called(text[a:b]) or stands_for)
            if defines and defines.required and not defined \
                    and not (p.kind == "footnote" and _glosses(defines, p, hits) and not defines.listed(text[a:b])):
                # "What are on-call firefighters?" is not answered by "19 are crewed by on-call firefighters";
                # a footnote glosses the word it is attached to ("7 A plant native to Africa …" for khat), unless
                # it only lists it ("Outstanding, good, requires improvement or inadequate.")
                continue
            if term_modifiers and not term_modifiers.search(f"{previous} {text[a:b]}") and not (entry and i == 0) and \
                    not (p.kind == "footnote" and _glosses(defines, p, hits)):
                continue  # "What is the duty management system?" is not "All police forces have a statutory duty …
                # in the criminal justice system": a name of several words is named with the words before its noun
                # (here or just before; "the counter-terrorist threat level" may be "the highest counter-terrorist
                # threat"; "the largest town served by …" is a description, not a name)
            if defines and not defines.required and defines.listed(text[a:b]) and not defined:
                continue  # "What is the duty management system?" is not "… combines … custody records and the duty
                # management system, and it shows …": an item of a list is named, not said what it is
            if defines and not defined and (ends := [m.end(1) for m in defines.at.finditer(text[a:b])]) and all(
                    _modifies_next(text[a:b], end) for end in ends):
                continue  # "What is the national child protection inspection?" is not "It is one of the first reports
                # of our national child protection inspection programme …": the term only names a kind of another
            if defines and p.kind == "footnote" and _refers_to_term(defines, p, hits):
                own = f"{own} {defines.term}"  # "The unit looks for …" glosses the term its footnote is attached to
            if defines and (defines.says_what(text[a:b]) or entry and i == 0):
                bonus += DEFINING_BONUS  # "A tethered drone is flown on a cable …" defines what was asked
                # the more directly when it opens on the term; the report's own glossary entry for it the most
                bonus += GLOSSARY_ENTRY_BONUS if entry and i == 0 else \
                    OPENS_ON_TERM_BONUS if defines.opens_on(text[a:b]) else 0
            elif defines and defines.subject(text[a:b]):
                bonus += SUBJECT_BONUS  # "Its wellbeing centre offers counselling …" says what it does
            advises = (p.kind in PRESCRIPTIVE_PASSAGES and a < advice_end) or _prescribes(text[a:b])
            if not prescriptive and advises and not (defines and (
                    defines.says_what(text[a:b]) or p.kind == "footnote" and _glosses(defines, p, hits))):
                # "The force should make the scheme available …" says it is not (yet), not that it is; a footnote
                # glossing the term asked, or a sentence saying what it is, defines it, "should" and all ("… sets out
                # how services should work …", "NCRS: the standard that says when a crime must be recorded")
                continue
            if asks_advice and not advises:
                continue  # "What should the force change about …?" is answered by advice, not by what is the case
            if recap_skipped and _recaps(text[a:b], hit.report) and not (
                    asked_years and hit.report.year and min(asked_years) < hit.report.year):
                # (a question naming an earlier year asks about then: "How many of the 2014 recommendations …?")
                continue  # "In our 2017 inspection we found …", in a later report: the state then, not now
            if question.since and question.kind == "yesno" and _recaps(text[a:b], hit.report):
                continue  # "Has it extended the scheme beyond Greystone since 2016?" is not "In 2016 we found that the
                # scheme covered only Greystone": the state then, no change since
            if asks_made and _EARLIER_RECOMMENDATIONS_RE.search(text[a:b]) and not (
                    question.years and min(question.years) < (hit.report.year or 0)):
                continue  # "How many recommendations did the inspection make?" is not "… has achieved 9 of the 21
                # recommendations we made" (at the inspection before), nor is "… the 2024 … inspection make?"; "How
                # many recommendations did the 2017 inspection make?", asked of the 2024 report, is
            if untyped_names and untyped_names - stems_among(
                    f"{own} {leaned}" if points_back else own, untyped_names) - stems_among(
                    p.heading_path[-1] if p.heading_path else "", untyped_names):
                # "How did Operation Heron tackle …?" is answered by a sentence about Operation Heron (or by
                # "It …" after one: "Safe Harbours is a partnership … It gives each child a key worker.")
                continue
            if places_asked and not stems_among(own, places_asked) and other_places.search(text[a:b]):
                continue  # "How long did detainees at Kingsfold wait?" is not "Detainees at Tenterham waited …"
            if places_asked and question.kind == "number" and other_places.search(
                    _GIVEN_REASON_RE.split(text[a:b], 1)[0]) and len(
                    DIGITS_RE.findall(_DATE_FULL_RE.sub(" ", text[a:b]))) < 2:
                continue  # "How many cells at Kingsfold had ligature points?" is not "… ligature points in 6 cells,
                # mostly … at Tenterham and a gap around a toilet at Kingsfold": one count for both places (a place
                # in the reason given is not counted: "in Saltfleet rises by 34 percent, as visitors arrive …")
            if places_asked and question.kind in TYPED_KINDS and not stems_among(
                    f"{own} {leaned} {heading}", places_asked):
                continue  # "How much did accidental fires fall in Marshgate?": not a county's "Accidental dwelling
                # fires fell from 298 …" (a count or date of a place is said of it, or under its heading)
            if directions and _reverses(text[a:b], directions):
                continue  # "How many engines did it move to Eastwold?" is not "… moved two … from Eastwold to …"
            if any(not stems_among(own, stems) and other.search(text[a:b]) for stems, other in named_things):
                continue  # "How many students attend Brackford University?" is not "… attend Tarnley University"
            named_in = f"{own} {leaned}".lower() if points_back else own.lower()  # ("Both forces …": those before)
            if not hit.report.force and _THE_ORGANISATION_RE.match(text[a:b]):
                named_in += " " + previous.lower()  # "The force has trained six …" after "Wealdmarsh … and …"
            # (or its passage's heading names it: "Wealdmarsh Heritage Watch")
            headed_in = f"{named_in} {heading.lower()}" if named_aliases else ""
            names_asked = any(n in headed_in for n in named_aliases)
            if named_aliases and not hit.report.force and not names_asked:
                continue  # a report on five forces answers "How many … has Wealdmarsh?" where it names Wealdmarsh
            if len(each_named) > 1 and not hit.report.force and not all(
                    any(n in named_in for n in forms) for forms in each_named):
                continue  # "What do Eastmoor and Northshire have in common?" is not "Errors were most common in
                # Eastmoor Police … and least common in Brackenshire Police": a sentence of a report on several
                # forces answers for those it names
            if unreported_years and not unreported_years & _years_in(f"{own} {leaned}"):
                continue  # not "Rural crime is a priority in the strategic assessments of four of the five forces"
            if national_asked and not national_said_re.search(f"{own} {leaned}"):
                continue  # "By how much did ASB fall nationally?" is not "calls about anti-social behaviour in the six
                # priority locations fell by 18 percent": a figure said of the country, or of all forces; "Who leads
                # nationally on rural crime?" not "Each of the five forces has a chief officer who leads on rural crime"
            if national_figure_not_asked and not places_asked and any(
                    not stems_of(m.group(1)) & question_stems for m in _LOCAL_PART_RE.finditer(said)):
                continue  # "By how much did ASB fall in Brackenshire?" is not "… in the Ashmere Vale estate, …
                # reduced reports of anti-social behaviour by 44 percent": one estate's figure, not the force's
            if national_figure_not_asked and not names_asked and _NATIONAL_COUNT_RE.search(text[a:b]) and not \
                    _ITS_OWN_RE.search(text[a:b]):
                continue  # "How many officers did Eastmoor recruit?" is not "The programme aims to recruit 20,000
                # additional officers in England and Wales …" (not "The force's rate was 8.4, against 9.1 in England
                # and Wales")
            # a row: its table's years, or its title's
            if header and period_years and table_years is None:
                if before is None:
                    before = _title_before(store, p)
                table_years = _table_years(p.text, before)
            # a row's own label dates it ("Year to March 2022"), before its table's title ("April 2021 to March 2022")
            stated = _stated_years(text[a:b]) or _stated_years(own) or (table_years if header and period_years else set())
            if period_years and stated and not period_years & stated:
                continue  # "in the 12 months to 30 June 2016" is not answered by "In the 12 months to 30 June 2015 …"
            said_periods = (periods.spans(text[a:b]) or periods.spans(own)) if asked_periods else []
            if asked_periods and (periods.outside(asked_periods, said_periods, lengths=True) if said_periods
                                  else periods.outside(asked_periods, periods.points(text[a:b]))):
                continue  # "in the year to March 2021" is not answered by "April to June 2021: 43,910", nor "April
                # to June 2021" by "Between April 2021 and March 2022 … 71.3 percent"; "between April and June
                # 2022" not by "It starts at 86 percent in April 2021 … 74 percent in March 2022"
            spans_said = _spans_in(own) if period_years else set()
            if spans_said and not _period_years(own) & period_years and not any(
                    _in_span(question.text, y, first) for first, _ in spans_said for y in period_years):
                continue  # "in the year to 31 March 2018" is not answered by "… 999 calls in 2018/19 …"
            # (not the year of "which we praised in 2017": when the inspectors saw it, not when it was counted)
            # "For Harrowmere this estimate was 742,300": the year of the estimate the sentence before describes
            dated = f"{own} {leaned}" if points_back and _MEASURE_BEFORE_RE.search(text[a:b]) else own
            if question.kind == "number" and previous and ELIDED_COUNT_RE.search(own):
                dated = f"{dated} {previous}"  # "183 of them" counts from the sentence before, dated as that is: "The
                # force carried out 6,870 stop and searches in the year to 31 March 2022" (asked of 2021)
            dated = _OUR_EARLIER_CLAUSE_RE.sub(" ", dated) if counted_years else dated
            if counted_years and not counted_years & _years_in(
                    _BASE_YEAR_RE.sub(" ", dated if question.since else _SINCE_YEAR_RE.sub(" ", dated))) and (
                    _years_in(dated) or question.next_year or question.since in counted_years
                    or not counted_years & report_years(hit.report)):
                # "How many premises did it audit in 2021?" is not answered by "In March 2022, 1,140 …"; "How much
                # has it saved since 2021?" by a sum counted from then, not "saves it £310,000 a year"; nor a count
                # for 2021 by "184 … in 2023, fewer than in 2021" (a year compared with, no figure of its own); nor
                # its reserves in 2021 by "It has saved £1.9m since 2021 and holds usable reserves of £6.2m"
                continue
            # a row: its table's spans; "Its on-call fire engines were available …" after "… in 2023/24": that one's
            spans_here = _spans_in(own) or (_spans_in(text) if header else set()) or (
                _spans_in(leaned) if points_back else set())
            if data_spans and spans_here and not data_spans & spans_here:
                continue  # "What is the hub's budget for 2025/26?" is not answered by "In 2024/25 the hub had …"
            if span_only and not spans_here and not _years_in(own) and (fy := _financial_year(hit.report)) and \
                    fy not in data_spans:
                continue  # "How much did it spend per person in 2017/18?": not an undated row of a 2018/19 report
            counted_to = _period_years(own) if data_spans and not spans_here else set()
            if counted_to and not any(_in_span(own, y, first) for first, _ in data_spans for y in counted_to):
                continue  # "in 2017/18" is not answered by "… in the year to 31 March 2019"
            if asks_change and not (_CHANGE_RE.search(stated := _without_no_change(own, likely_asked))
                                    and (question.kind == "yesno" or _same_direction(asks_change, stated))):
                continue  # "By how much did reports fall?" is answered by a sentence that states a fall; "Did
                # burglary rise?" by one stating a change either way ("Burglary fell by 6 percent" says no)
            figure_each = compares_groups and _two_figures(said)
            if question.kind == "comparison" and not asks_change and not header and not _CHANGE_RE.search(
                    _NAMED_NOT_CHANGED_RE.sub(" ", said)) and not figure_each:
                # (two groups compared, not two times: "How did the time to charge compare between suspects on bail and
                # those released under investigation?" is answered by a figure for each, "94 days …, and 171 days …")
                continue  # "Has its crime recording improved?" is answered by a sentence stating a change ("This is an
                # improvement on the 89.1 percent we found in 2019"), not by "It is good at recording data about crime"
            if asks_amount and not _CHANGE_AMOUNT_RE.search(text[a:b]) and not figure_each:
                continue  # "How did attendance change?" is answered by "58 percent, compared with 79 percent"
            if asks_amount and points_back or asks_percent and _share_leans_back(said, share_whole, previous):
                own = f"{leaned} {own}"  # "We estimate 93.4 percent … This is an improvement on the 89.1 percent …"
            if asks_change_since and not _CHANGE_RE.search(own):
                continue  # "Has the backlog come down since 2016?" is settled by a change, not "In 2016 we found 640"
            if asks_percent and not _SAYS_SHARE_RE.search(own):
                continue  # "What share of crimes does it record?" is not "Rural crimes 1,507; Heritage crimes 63"
            if not header and len(_WORD_RE.findall(said)) < 3:
                continue  # "• good;", a bullet of the grading scale, answers nothing ("What was good about …?")
            if not asks_scope and _SCOPE_RE.search(text[a:b]):
                continue  # "We assess how well the force protects …" says what was looked at, not what was found
            if asks_manner and (_GRADE_STATEMENT_RE.search(text[a:b]) or _only_how_well(text[a:b], weights)
                                or _TOOK_SO_LONG_RE.match(text[a:b])):
                continue  # "How does it prevent fires?" is not answered by "It is good at preventing fires", nor "How
                # are its decision makers supervised?" by "… are well trained and well supervised", nor "How does
                # Wrenfield recruit?" by "It took Wrenfield 14 weeks on average to …" (how long, not how)
            if question.kind in ("number", "date", "comparison") and _states_the_opposite(text[a:b], weights,
                                                                                          question.text):
                continue  # "How many … had complete risk assessments?" is not "In 37 … the risk assessment was incomplete"
            if who_done and any(stems_of(m.group(1)) & who_done for m in _NEGATED_VERB_RE.finditer(text[a:b])):
                continue  # "Who reviews its notices?": not "Holmbridge Police doesn't review public protection notices …"
            if whole_given and not _whole_of(text, whole_given.group(1), whole_noun, whole_kinds):
                continue  # "How many of the 38 children …?" (Wealdmarsh's): not a passage of 211 ("… only 17")
            if contrasts and (said_stems := stems_of(f"{own} {leaned}" if points_back else own)) and any(
                    b in (stems_of(own) if _PRONOUN_RE.match(own) else said_stems) and a not in said_stems
                    for a, b in contrasts):
                continue  # "How many notices about adults?" is not "18,760 public protection notices about children";
                # nor "low-risk site records" "… highest-risk sites … 94 percent of these records" (but "It holds
                # reserves …, including £1.4m for new breathing apparatus" leans on the sentence before for what "it"
                # is, not for the savings that sentence counts)
            if contrasts and any(a in said_stems and b in said_stems for a, b in contrasts) and \
                    _bound_to_counterpart(own, contrasts, question_stems):
                continue  # "What share of 101 calls were answered within 10 seconds?" is not "… answered 74 percent of
                # 999 calls within 10 seconds, …, and one in five callers to the 101 number hung up …"
            if phrase_contrasts and (told := f"{own} {leaned}" if points_back else own) and any(
                    b.search(told) and not a.search(told) for a, b in phrase_contrasts):
                continue  # "What share were out of date with their training?" is not "96 percent … were up to date"
            if asks_undone and not _SAYS_UNDONE_RE.search(f"{own} {leaned}" if points_back else own):
                continue  # "What share … had no annual appraisal?" is not "only 41 percent … had an appraisal"
            if asks_undone and _does_what_is_asked_undone(f"{said} {leaned}" if points_back else said, question.text):
                continue  # "How many records disclosed no crime?" is not "398 disclosed … crimes. In 61 … not recorded"
            if state_stems and not state_stems & stems_of(f"{own} {leaned}"):
                continue  # "How many custody sergeant posts are vacant?" is not "… has 54 custody sergeant posts"
            if _other_compound(question.text, said):
                continue  # "… with their water rescue training?" is not "… their breathing apparatus training"
            if _another_object(question.text, said):
                continue  # "By how much has it cut thefts from cars?" is not "… cut thefts from fishing boats"
            if waited_for and (said_waited := _waited_for(said)) and not waited_for & said_waited:
                continue  # "How long did a victim wait for an officer?" is not "… waited … for an assessment"
            if any(non_terms) and _swaps_non(f"{leaned} {said}" if points_back else said, non_terms):
                continue  # "How many non-emergency calls …?" is not "… 1,104 emergency calls … counted twice"; nor
                # "It answered 61 percent of them …" after "… 241,600 emergency calls"
            if header and non_terms[0] and not _non_cell_answers(typed, question.text, non_terms[0]):
                continue  # "What share of non-emergency calls were answered …?" is not "Year: Emergency calls received
                # 241,600; Answered within 10 seconds 61%; Non-emergency calls abandoned 34%"
            if event and typed_names and typed_names - stems_among(f"{own} {leaned}" if points_back else own, typed_names):
                continue  # "When was the Hunting Act introduced?" is not "Further offences of trespassing … in 2022"
            if event and not event.search(_PERIOD_EDGE_RE.sub(" ", f"{own} {leaned}" if points_back else own)):
                continue  # (the event asked, in the sentence or the one it points back to)
            if done_stems and not any(stems_among(c, done_stems) and _DATE_RE.search(c) for c in clauses(
                    f"{own} {leaned}" if points_back else own)):
                continue  # (dated in the clause that does it: not "The model was designed around 1,460 officers,
                # but by 31 March 2016 the force had 1,412")
            if asks_next_inspection and not _INSPECTORATE_WILL_RE.search(f"{own} {leaned}"):
                continue  # "When is its next inspection?": not "… the demand it expects in the next four years"
            if asks_found and not _FOUND_SAID_RE.search(f"{own} {leaned}"):
                continue  # "What did its review of body-worn video find?" is not "… publishes its findings"
            if not asks_inspectorate and question.kind != "who" and _INSPECTORATE_PLANS_RE.search(own):
                continue  # "What progress has Tollbridge made …?" is not "We will assess progress … in 2019" (but a
                # person it names may be who is asked: "I am copying this letter to Helen Brindley, the police and
                # crime commissioner for Eastmoor, and we will publish it …")
            if inspectors_act and not _INSPECTORATE_SAID_RE.search(text[a:b]):
                continue  # "When will the inspectorate return?": "I will return …", not "return home interviews …"
            if asks_action and _DEFINITION_RE.match(text[a:b]):
                continue  # "What is Eastmoor doing about repeat missing children?": not "A child who … is a repeat …"
            if _CHART_TEXT_RE.match(text[a:b]) or (question.kind not in TYPED_KINDS and not header
                                                   and CAPTION_RE.match(text[a:b].lstrip())
                                                   and not _CAPTION_SAYS_RE.match(text[a:b].lstrip())):
                # "Line chart showing the percentage of 999 calls …", a web page's words for a chart, and "Figure 1:
                # Percentage of 999 calls answered …", its title, state no finding (a figure they give may be one)
                continue
            if future_asked and (said_years := _YEAR_WORD_RE.findall(text[a:b])) and max(map(int, said_years)) < \
                    _report_year(hit.report):
                continue  # "When will its new control room open?" is not "… the rise in calls in the summer of 2023,
                # and its new control room system has been delayed twice": a date before the report is no date to come
            if past_event and _PLANNED_RE.search(text[a:b]):
                continue  # "When did it open its new control room?": not "The force plans to move … in 2024"
            if pillars_asked and not pillars_asked & _pillars_spoken_of(own, p, hit.report):
                continue  # "How good is Northshire at efficiency?", which no report of it grades, is not answered
                # by "Northshire Constabulary is good at building, supporting and protecting the workforce"
            if count_of_fact and _ASSUMED_RE.search(own):
                continue  # "How many officers work on its LPTs?": not "It assumed that the force would have 1,460
                # officers, of whom 742 would work on LPTs", what a plan assumed
            if visit_dates_nothing and _DATES_OUR_VISIT_RE.match(text[a:b]):
                continue  # "When did Wealdmarsh last have a death in custody?": not "We last inspected custody in …"
            if day_asked and _another_day(text[a:b], day_asked.groups()):
                continue  # "How many incidents were waiting on 15 July 2016?" is not "On 15 June 2016, … 212 …"
            if month_year_asked and not day_asked and question.kind in TYPED_KINDS and _another_day(
                    text[a:b], ("", *month_year_asked.groups()[1:])):
                continue  # "What was its rate in March 2022?" is not the row "April to June 2021: … 84.6%"
            if month_year_asked and _another_year_of_month(text[a:b] if _MONTH_YEAR_RE.search(text[a:b]) else previous,
                                                           month_year_asked.groups()):
                continue  # "Where did it start a pilot in March 2021?" is not "… in March 2022 it started a pilot …"
            if by_year_asked and (by_said := set(_BY_YEAR_RE.findall(text[a:b]))) and by_year_asked.group(1) not in by_said:
                continue  # "How many extra officers is it planning for by 2025?" is not "… 180 extra officers by 2022"
            if levels_asked and (levels_said := _levels(own)) and not levels_said & levels_asked and \
                    {kind for kind, _ in levels_said} & {kind for kind, _ in levels_asked}:
                continue  # "Had they achieved PIP level 3?" is not "… had not achieved accreditation at level 2 …"
            if ordinals_asked and _another_ordinal(own, ordinals_asked):
                continue  # "at the second visit" is not "… had not been given a risk assessment at the first visit"
            if lengths_asked and _another_length(text[a:b], lengths_asked):
                continue  # "When did it produce a five-year forecast?" is not "… produced a three-year forecast"
            if month and _bounds_a_period_only(text[a:b], month):
                continue  # "in March 2022" is not answered by "Between April 2021 and March 2022, … 71.3 percent"
            if period_end and _names_month_only(text[a:b], *period_end.groups()):
                continue  # and "in the year to March 2022" not by "… recovers to 74 percent in March 2022"
            if bound_asked and (said_bound := _time_bound(own)) and said_bound != bound_asked:
                continue  # "delayed by more than two hours" is not "In 6 cases, the delay was more than an hour"; nor
                # "within 28 days" "in 11 of the 40 records … it had taken more than 28 days"
            if bound_asked and _time_bound(text[a:b]) is None and _outside_bound(text[a:b], bound_asked):
                continue  # "waited more than 30 days" is not "two … cases that had not been referred … for 16 and 19 days"
            if types_asked and not types_asked & (_crime_types(f"{own} {leaned}") or _crime_types(heading)):
                continue  # "How many stalking crimes did it fail to record?" is not "… at least one crime had not been …"
            if count_unrated and header and _RATE_TABLE_RE.search(" ".join((*header, title))) and not \
                    _RATE_TABLE_RE.search(typed):
                continue  # "How many sexual offences did it record?" is not "Sexual offences 1.4 1.6" under "Rates per
                # 1,000 population": a rate, no count (a table whose rates are one column of its own labels its
                # cells: "Southern command: Crimes 23,332; Per 1,000 people 72.9")
            if rate_asked and (rate_said := _rate_units(text[a:b])) and not rate_asked & rate_said:
                continue  # "How many does it review each month?" is not "… review a sample of 40 investigations each week"
            if often_asked and often_asked not in " ".join(f"{own} {leaned}".lower().split()):
                continue  # "children who went missing more than three times" are not "the 84 children in the scheme"
            if nth_asked is not None and _nth_span(text[a:b]) not in (None, nth_asked):
                continue  # "in its first year" is not "In its first six months …", nor "its second year" "In its first year …"
            if month_asked and not re.search(rf"\b{month_asked.group(1)}\b", f"{own} {previous}", re.I):
                continue  # "in August 2023" is not answered by the year's "It answered 61 percent of them …"
            if asks_where and not any(
                    stems_of(m.group(0)) - question_stems - spelt_out - ORGANISATION_GENERIC - _NATIONAL
                    for m in where_said.finditer(text[a:b])):
                # "Where is its contact centre?" is answered by a place ("at the force headquarters in Castlebridge"),
                # not by the place asked about ("opened a desk in the force contact centre"; "in the multi-agency
                # safeguarding hub" of "Where is its MASH?"; "to the force's Crime Recording Centre" of "Where is
                # Tollbridge's crime recording centre?"); nor by where every force is ("in England and Wales")
                continue
            if asks_failings and not _FAILING_RE.search(_SIGNPOST_RE.sub(" ", _ONLY_NAMED_RE.sub(" ", own))):
                # "What went wrong with …?" is answered by a failing, not by what was examined; nor by the report's
                # naming one ("I have also identified a cause of concern about how the force manages …")
                continue
            if compares_named and not ((re.search(r"\d", text[a:b]) or _COMPARES_RE.search(own)) and set(
                    question.organisations) <= {n for *_, n in named_organisations(text[a:b], known)}):
                continue  # "… more officers, Eastmoor or Brackenshire?" is not "… each force, Brackenshire Police
                # included, was asked to check its answers twice", nor "Brackenshire Police and Wealdmarsh
                # Constabulary have smaller teams …", nor one force's row: figures or a comparison naming both
            if choice and not ((_two_figures(text[a:b]) or _COMPARES_RE.search(own)) and all(
                    name in text[a:b] for name in choice.groups()) and (
                    compared <= stems_of(own) or compared & _SPEED_STEMS and len(_DURATION_RE.findall(own)) >= 2)):
                # ("more quickly": two lengths of time compare how quickly, "took 26 days, and … 19 days")
                continue  # "Which has more cells, Kingsfold or Tenterham?" is not "Cells were mostly clean, but we
                # found ligature points at Tenterham and Kingsfold", nor "ligature points in 6 cells … at Tenterham
                # … at Kingsfold": a figure for each, or a comparison, naming both and what is compared
            if than_named and not ((_two_figures(text[a:b]) or _COMPARES_RE.search(own)) and
                                   than_named.group(2) in f"{text[a:b]} {typed}" and stems_of(than_named.group(1) or "")
                                   <= stems_of(own)):  # (a row names the other in its header: "England and Wales 32.9")
                continue  # "Does Tenterham have more cells than Kingsfold?": the same, asked yes or no (and "Does
                # Eastmoor answer 999 calls faster than Northshire?" is not "Demand on the 999 line has grown …")
            if asks_extreme:
                if not _states_extreme(own, asks_extreme):
                    continue  # "When was its call answering at its worst?" is answered by "its lowest point …"
                said_most = _superlative_heads(text[a:b]) if most_of else []
                if said_most and not any(head in phrase and asked <= stems_of(own) for _, head, asked in most_of
                                         for _, _, phrase in said_most):
                    continue  # "the most trained wildlife crime officers" is not "recorded the most wildlife crime",
                    # nor is "the most rural crime"
                if most_of and not any(head in stems_of(own) or (header and head in _SHARE_HEADS and "%" in typed)
                                       for _, head, _ in most_of):
                    continue  # "the fewest wildlife crimes" is not "Errors were … least common in Brackenshire Police"
                    # (a row's percentage is the share its column names: "… answered within 10 seconds 62.1%")
                own += " " + asks_extreme  # whose superlative is the one asked for
            if question.organisations and not asks_every_organisation and (
                    _SOME_FORCES_RE.match(text[a:b]) or _ALL_FORCES_PENDING_RE.search(text[a:b])) and \
                    not _FORCES_ASKED_RE.search(question.text):
                continue  # "How much did crime in West Midlands change …?" is not "More than two-thirds of forces
                # showed an annual increase …": what some forces did says nothing of the one asked about (unless
                # forces are what is asked: "How many forces had not yet provided …, in West Midlands' report?")
            if asks_every_organisation and not (_SEVERAL_ORGANISATIONS_RE.search(text[a:b]) or len(
                    named_organisations(text[a:b], known)) > 1):
                continue  # "Does every force have …?" is not settled by "The force has trained six …", one force's
            if question.kind == "yesno" and not _states(own, weights):
                continue  # "Did the force use a tethered drone?" is not settled by "A tethered drone is flown …"
            if qualities_asked and (stems_among(own, qualities_asked) != qualities_asked and not (
                    qualities_asked <= _SPEED_STEMS and _TIME_TAKEN_RE.search(text[a:b])) or not _states(
                    own, {st: w for st, w in weights.items() if st not in qualities_asked})):
                continue  # "Is its control room quick at answering calls?" is not settled by "it had 131 call
                # handlers …", which says nothing of how quick: the quality asked, its opposite or its negation is
                # (or for speed, a time taken: "sees officers and staff within five working days"); and it is said
                # of what is asked ("Is it easy to find victims of heritage crime?" is not "Rural, heritage and
                # wildlife crimes can be hard to investigate")
            # a sentence that ends with a colon is read with the bullets it introduces, whatever is asked ("What
            # questions did the inspection set out to answer?": not "… set out to answer five questions:" alone)
            end = _enumeration_end(text, spans, i) if question.kind == "enumeration" or text[a:b].rstrip().endswith(
                ":") else b
            start = a
            if asks_why and not _REASON_RE.search(text[a:b]):
                after = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else ""
                if _REASON_NEXT_RE.match(after):
                    end = spans[i + 1][1]  # "… twice as many heritage crimes. This is largely because …"
                elif i and not header and _CONSEQUENCE_RE.match(text[a:b]):
                    start = spans[i - 1][0]  # "The force recruited 296 officers …. As a result, 31 percent …"
                else:
                    continue  # "Why …?" is answered by a reason, not by the fact it asks about
            if asks_why and _causes_what_follows(text[a:b], frozenset(weights)):
                continue  # "Why was Sentinel delayed?" is not "The delay means that the force must continue to pay
                # …", nor "Why did on-call availability fall?" "…, and the falling availability of its on-call fire
                # engines means that it is taking longer …": what is asked about, as the subject of "means that", is
                # the cause of what follows, not its effect
            if text[a:b].rstrip().endswith("?") and not (question.kind == "yesno" and _ASKS_WHAT_WAS_ASKED_RE.match(
                    question.text)):
                continue  # "How well do forces understand heritage crime?" is a report's question, not its answer
                # (unless whether the report asked it is what is asked: "Did the inspection ask how well …?")
            if asks_use and not _USE_SAID_RE.search(text[a:b]):
                continue  # "What is the custody record used for?" is answered by a use or a purpose ("which call
                # handlers can search", "The flags allow forces to count these crimes"), not by "When we compared a
                # sample of 60 custody records with … footage, we found …"
            if asks_deed and (_SEES_VALUE_RE.search(text[a:b]) or _HYPOTHETICAL_RE.search(text[a:b])):
                continue  # "What does the force do to share good practice?" is not "The force clearly recognises the
                # benefits of sharing good practice": seeing a thing's worth is no deed, nor is what would help
                # ("… would be enhanced with … better sharing of good practice")
            if question.kind in ("sentence", "list", "enumeration") and (
                    unnamed := _UNNAMED_RANGE_RE.search(text[a:b])) and stems_of(unnamed.group(1)) & question_stems:
                continue  # "What offending does its IOM scheme now focus on?" is not "The force's IOM scheme focuses
                # on a range of offending types.": a range of what is asked that it does not name
            if asks_period and not _SPAN_SAID_RE.search(own):
                continue  # "What period did its audit cover?" is not "… its response to our 2014 recommendations"
            if asks_published and not _CITATION_RE.match(text[a:b]) and not _PUBLISHED_RE.search(text[a:b]):
                continue  # "When was the strategy published?" is not "The … strategy expired in 2024"
            if (_REFERENCE_RE.search(text[a:b]) or (not asks_publication and _CITATION_RE.match(text[a:b]))) and \
                    not _states_before_citing(text[a:b]):
                continue  # "… Home Office, March 2015, available at: www…" cites a source, it states nothing (but
                # its date: "When was the evaluation published?", not "When did Operation Lighthouse start?"); a
                # statement before "see …" still states ("The 4P Structure is the framework cited to tackle …,
                # namely Pursue, Prevent, Protect and Prepare, see Serious and Organised Crime Strategy, …")
            if question.kind == "date" and not asks_publication and _states_before_citing(text[a:b]) and not \
                    _years_in(_SEE_RE.split(text[a:b], 1)[0]):
                continue  # and its date is the source's: "When does it use its SOC prevent team?" is not "… the
                # framework cited to tackle serious and organised crime, …, see …, HM Government, October 2013"
            if wanted and _items_in(text[a:end]) < wanted:
                continue  # "the six national threats" are answered by a list of six, not "one of six threats"
            if wanted and end == b and not _introduces(text[a:b], wanted) and wanted_mention and \
                    wanted_mention.search(own):
                continue  # "What are the three ports in Fenmoor?" is not "The county has a long coastline, three ports
                # and …": a sentence saying there are three lists other things, not them (unless what follows does)
            if names_wanted and question.kind in ("sentence", "list") and end == b and _only_counts(
                    text[a:b], names_wanted):
                continue  # "Which systems will Sentinel replace?" is not "… will replace three older systems.": it
                # counts them, it does not name them
            if wanted and _introduces(text[a:b], wanted):
                bonus += INTRODUCES_BONUS  # "we inspected five forces: …" lists them; "five forces understand, …" not
            elif question.kind == "enumeration" and not wanted and _lists_after_lead(text[a:end]):
                bonus += INTRODUCES_BONUS  # "What kinds of offending …?": "… crimes such as theft, criminal damage …"
            if asks_included and not _lists_after_lead(text[a:end], _INCLUDES_LEAD_RE):
                continue  # "What offences does wildlife crime include?" is answered by "Wildlife crime includes the
                # persecution of birds of prey, badger baiting, …", not "… are not included in the figures"
            if asks_organisations and len(named_organisations(text[a:end], known)) < organisations_wanted:
                # (and "Which forces got worse at …?" by a sentence naming one at least, not "The force has …")
                continue  # "Which forces did it inspect?" is not answered by "The five forces we inspected all have …"
            if question.kind in ("list", "enumeration") and _items_in(text[a:end]) < 2 and not (
                    asks_organisations and organisations_wanted == 1):  # "Which force …?" asks for one
                continue  # "Which partners …?", "What tools …?": a sentence naming one thing lists nothing
            if asks_change and question.kind == "yesno" and _same_direction(asks_change, stated):
                bonus += DIRECTION_BONUS
            if names_asked:
                bonus += NAMES_ASKED_BONUS  # "We inspected Northshire Constabulary in …" of a question about it
            elif not named_aliases and question.kind in ("number", "date", "frequency") and len(
                    hit.report.organisations) > 1 and any(f in own.lower() for name in hit.report.organisations
                                                          for f in _named_forms(name)):
                bonus -= ONE_OF_SEVERAL_MALUS  # "How long did recruitment take on average?", of a report on five
                # services: the five's figure ("On average, it took 27 weeks …") over one's ("It took Wrenfield 14 …")
            if asks_percent and _PERCENT_RE.search(said):
                bonus += PERCENT_BONUS  # "What percentage …?": "93.4 percent" over "96 of the 100 reports"
            if asks_two_times and _COMPARED_YEAR_RE.search(said):
                bonus += COMPARED_BONUS  # "How many … in 2017 and in 2021/22?": "now has six …, compared with two
                # in 2017" gives both, over "… has only two investigators"
            if share_part and not share_part & stems_of(f"{own} {leaned}"):
                continue  # "What proportion of its firefighters are on-call?" is not "93 percent were up to date with
                # their breathing apparatus training": a share of another part
            if share_whole and share_whole not in stems_of(f"{own} {leaned}" if points_back else own):
                continue  # "What share of its recorded crime is domestic abuse?" is not "23 of the 50 … cases"
            if asks_percent and header and not _ASKS_CHANGE_RE.search(question.text) and _only_changes(typed):
                continue  # "What share of its workforce were PCSOs in 2022?" is not "Police community support officers:
                # 31 March 2017 158; 31 March 2022 146; Change −7.6%": its only percentage is a change
            if asks_percent and _verb_only_qualifies(said, question.text):
                continue  # "What share of reported crimes does it record?" is not "one in nine recorded crimes"
            if asks_percent and _done_by_the_whole(said, done_asked):
                continue  # "What share of staff answered the survey?" is not "88 percent of staff who answered the
                # survey said they felt valued": a share of those who did it, not the share who did
            if asks_percent and share_whole and whole_plural and _shares_of_another(said, share_whole, question.text):
                continue  # "What share of its sergeants …?" is not "74 percent of officers had completed …"
            if asks_percent and counted_share and _share_of_a_part(said, counted_share, question_stems):
                continue  # "What percentage of crimes …?" is not "79.4 percent of violent crimes"
            # scored last: most sentences are ruled out above, and scoring them was half this loop's time
            # "The hub had 14 researchers" may point to the hub the heading names; "It needs accurate records" to
            # the sentence before
            before_words = leaned if _PRONOUN_RE.match(text[a:b]) else f"{leaned} {heading}"
            # (a grade's name holds no improving: "requires improvement at promoting diversity", asked "Is its
            # diversity improving?")
            scored = _GRADE_NAME_RE.sub(" ", own) if improving_asked else own
            score, coverage = _score_sentence(scored, before_words, title, weights, question.kind, p.kind,
                                              time_asked, text[max(0, a - NAMED_BACK):a])
            survivors.append(Survivor(hit, start, b, end, score + bonus, coverage, own, header,
                                      title if header else previous))  # (a row leans on its table's title)
    if question.latest_only:
        survivors = _newest_first(survivors, now=bool(_NOW_ASKED_RE.search(question.text)))
    survivors = _exact_rows(survivors, question_stems)
    survivors = _within_reach(survivors)
    texts = [t.hit.passage.text[t.start:t.end] for t in survivors]
    sims = similarities(_content(question), texts).tolist()
    leaning = [i for i, t in enumerate(survivors) if _leans_in_meaning(t, texts[i])]
    if leaning:  # the better of its closeness alone and with the sentence it points back to
        again = similarities(_content(question), [f"{survivors[i].previous} {texts[i]}" for i in leaning]).tolist()
        for i, sim in zip(leaning, again):
            sims[i] = max(sims[i], sim)
    scored = []
    for t, sim in zip(survivors, sims):
        meaning = max(0.0, min(1.0, (sim - SEMANTIC_FLOOR) / SEMANTIC_SPAN))
        scored.append(Scored(t.score + 0.1 / t.hit.rank + SEMANTIC_WEIGHT * meaning, t.score, t.coverage, meaning, t))
    if not scored:
        return None
    top = max(scored, key=lambda t: t.final)  # the first of the best, in the survivors' order
    if question.latest_only and _confidence_of(top.lexical, question) < MIN_CONFIDENCE:
        # the newest report's best sentence holds too few of the question's words to be offered: an older report's
        # that holds enough, put behind it only by the older report's lessening, answers instead ("How soon must it
        # assess a new referral?": 2021/22's "… every new referral is assessed within 48 hours", not the 2023
        # letter's "The backlog in the central referral unit … had fallen to 96 by 3 March 2023")
        older = [t for t in scored if top.final > t.final >= top.final - OLDER_REPORT_PENALTY
                 and _confidence_of(t.lexical, question) >= MIN_CONFIDENCE]
        top = max(older, key=lambda t: t.final, default=top)
    margin = top.final - max((t.final for t in scored if t is not top), default=0.0)
    if question.latest_only:
        newest = _newest_as_good(scored, top)
        if newest is not top:
            top, margin = newest, 0.0  # chosen over a better-scored sentence: no clear lead
    best = top.survivor
    p = best.hit.passage
    shown = _table_row(best.header, p.text[best.start:best.end]) if best.header else ""
    absent = tuple(sorted(set(weights) - stems_among(best.own, weights) - _time_taken_held(best.own, time_asked)))
    return Candidate(p, best.hit.report, best.start, best.shown_end, top.final, max(top.lexical, top.meaning), shown,
                     top.lexical, top.meaning, absent=absent, previous=best.previous, margin=margin)


def _leans_in_meaning(t: Survivor, said: str) -> bool:
    """Does a sentence mean what it says of what the sentence before names ("It has not yet been implemented.")?"""
    return bool(t.previous) and not t.header and bool(_PRONOUN_RE.match(said))


def _newest_as_good(scored: list[Scored], top: Scored) -> Scored:
    """A question about now ("How many neighbourhood teams does Eastmoor Police have?"): the best sentence of an
    organisation's newest report, when it covers the question's words as fully and scores as well by the rules as
    the best sentence of an older one (whose score is already lessened, _newest_first). Closeness of meaning and the
    passage's rank only break ties between sentences of one report: "runs 9 neighbourhood teams" (2016) reads
    closer to the question than "increased its neighbourhood teams from 9 to 11" (2021/22), which answers it now."""
    def report(t: Scored) -> Report:
        return t.survivor.hit.report
    years = {report(t).id: report(t).year or 0 for t in scored if report(t).force}
    newest = max(years.values(), default=0)
    if years.get(report(top).id, newest) >= newest:
        return top
    # (but not one with no closeness of meaning at all to a question the older sentence is close to: "Who assesses
    # referrals in Eastmoor?" is not "The force had referred 19 of them to the multi-agency risk assessment
    # conference", whose words are the question's and whose sense is not)
    rivals = [t for t in scored if years.get(report(t).id) == newest and t.lexical >= top.lexical
              and t.score >= top.score and (t.meaning > 0 or top.meaning == 0)]
    return max(rivals, key=lambda t: t.final) if rivals else top


OLDER_REPORT_PENALTY = 0.1


_NOW_ASKED_RE = re.compile(r"\b(?:now|currently|at present|these days|at the moment)\b", re.I)


def _report_year(report) -> int:
    """The latest year a report speaks from: its own, or its publication's ("June 2024" for Northshire's 2023–25)."""
    published = _YEAR_WORD_RE.findall(report.published or "")
    return max([report.year or 0, *map(int, published)])


def _newest_first(survivors: list[Survivor], now: bool = False) -> list[Survivor]:
    """A question naming an organisation but no year is about now: a
    sentence of an older report of its own scores a little less than one of
    its newest report that has any ("runs 9 neighbourhood teams" in 2016,
    "increased its neighbourhood teams from 9 to 11" in 2021/22). A question
    saying "now" is about the newest report only ("How many phones are
    waiting now?" is not the 2016 report's backlog)."""
    years = {t.hit.report.id: t.hit.report.year or 0 for t in survivors if t.hit.report.force}
    if len(set(years.values())) < 2:
        return survivors
    newest = max(years.values())
    if now:
        return [t for t in survivors if years.get(t.hit.report.id, newest) >= newest]
    return [t._replace(score=t.score - OLDER_REPORT_PENALTY) if years.get(t.hit.report.id, newest) < newest else t
            for t in survivors]


def _within_reach(survivors: list[Survivor]) -> list[Survivor]:
    """The survivors whose score could still come first or second once
    meaning is added (at most SEMANTIC_WEIGHT): only they are embedded, and
    the best sentence and the runner-up (hence the margin) are the same as
    if every survivor had been (embedding is most of a sentence's cost)."""
    if len(survivors) <= 2:
        return survivors
    floors = [t.score + 0.1 / t.hit.rank for t in survivors]
    second = sorted(floors, reverse=True)[1]
    return [s for s, floor in zip(survivors, floors) if floor + SEMANTIC_WEIGHT >= second]


_NEGATION_STEMS = frozenset(stems_of("not no never none nor neither"))
_FRAMING_STEMS = frozenset(stems_of("find findings say report show note describe"))  # what was found, no subject
_NEGATIVE_ASKED = ("fail", "lack")  # a question's words held by any negation of the sentence's


# the qualities a yes/no question may ask of something ("Is it quick …?", "Are the cells dirty?"), which a sentence
# settles only by saying them, their opposite (_OPPOSITES) or, with a negation, their lack
_SPEED_STEMS = frozenset(stems_of("quick quickly fast slow slowly"))
_QUALITY_STEMS = _SPEED_STEMS | stems_of("easy easily hard difficult dirty clean strong weak poor poorly thorough "
                                          "correct correctly accurate accurately")
# who is in charge of something, said without "responsible": "led by a chief superintendent", "head of custody"
_IN_CHARGE_RE = re.compile(r"\b(?:led|managed|overseen|headed)\s+by\b|\b(?:in charge|head|lead) of\b|"
                           r"\baccountab\w*|\bunder (?:a|an|the)\s+(?:\w+\s+){0,2}?(?:superintendent|inspector|"
                           r"sergeant|constable|director|manager|officer|command)\b", re.I)
_START_ASKED = tuple(stems_of("start begin"))  # when something started, said in the verb of its start
_STARTED_RE = re.compile(r"\b(?:introduced|began|begun|launched|set up|established|started|opened)\b", re.I)
# how fast something is done, asked by its measure ("What did it say about the pace of its investigations?"), said
# in its speed ("Investigations are too slow")
_PACE_SAID = (r"\b(?:slow|slowly|slower|quick|quickly|quicker|fast|faster|prompt|promptly|delay|delays|delayed|timely|"
              r"on time|too long)\b")
# plain words a question may use that the reports say in their own ("six years before": "six years ago"; "the
# queue": "incidents waiting"; "finish an investigation": "complete"; "the lack of a strategy": "the absence of";
# "Was it given a graded judgment?": "… gave a graded judgment"); a phrase counts when the question asks all its
# words ("straight away", not "run away")
_SAID_OTHERWISE = tuple((words, frozenset(stems_of(words)), re.compile(said, re.I)) for words, said in (
    ("pace", _PACE_SAID), ("speed", _PACE_SAID), ("timeliness", _PACE_SAID), ("given", _GIVE_SAID),
    ("before", r"\bago\b"), ("finish", r"\bcomplet(?:e|es|ed|ing|ion)\b|\bconclud(?:e|es|ed|ing)\b"),
    ("queue", r"\bwaiting\b|\bbacklogs?\b"), ("lack", r"\babsence\b|\bshortage\b"),
    ("straight away", r"\bimmediately\b"), ("firearms", r"\barmed\b"),
    # "What does it pay for?": "the force funds …"; "What did the panel decide?": "The panel chose …"
    ("pay", r"\bfund(?:s|ed|ing)?\b"),
    ("decide", r"\bch(?:ose|ooses|osen)\b"),
    # "How many forces could say how many cases they had?": "only 19 could tell us how many cases …"
    ("say", r"\bt(?:ell|ells|elling|old)\b"),
    # "Under which law are closure orders made?": "… under the Anti-social Behaviour, Crime and Policing Act 2014"
    ("law", r"(?-i:\bAct\s+(?:19|20)\d\d\b)|\blegislation\b"),
    # "Were victims told when officers would be late?": "… when officers would be delayed"
    ("late", r"\bdelay(?:s|ed|ing)?\b"),
    # "since the previous inspection": "since our last inspection"
    ("previous", r"\blast\b"),
    # "Is it good at spotting vulnerability?": "… is effective at identifying vulnerability"
    ("spot", r"\bidentif(?:y|ies|ied|ying|ication)\b"),
    # a phrasal verb said in one word: "How does it keep track of demand?": "… helps the force to monitor daily
    # demand" (the others tried, "make sure" of "ensure", "deal with" of "address", "find out" of "identify", "set up"
    # of "establish", "carry out" of "conduct", moved no answer of the tuning halves)
    ("keep track", r"\bmonitor(?:s|ed|ing)?\b"),
    # "How many staff went back to Eastmoor?": "a team of five inspection staff returned to the force"
    ("go back", r"\breturn(?:s|ed|ing)?\b"),
    # "When will the inspectorate next revisit it?": "We will revisit the force again in early 2024"
    ("next", r"\bagain\b"),
    # "Did it meet the national standard?": "… 91.4 percent, above the national standard of 90 percent"
    ("meet", r"\b(?:above|below|exceed(?:s|ed|ing)?|short of)\b")))


_COMPARATIVE_RE = re.compile(rf"\b({_COMPARATIVES})\b", re.I)


# what an inspection set out to find, not what it found: "It examined how well five forces understand …", "We
# assess how well the force …" (not "staff had considered how the detainee would get home")
_GLOSSARY_HEADING_RE = re.compile(r"\b(?:glossary|abbreviations|definitions|terms used)\b", re.I)
_SCOPE_VERBS = (r"examin\w*|look(?:s|ed|ing)? at|consider\w*|assess(?:es|ed|ing)?|inspect(?:s|ed|ing)?|"
                r"review(?:s|ed|ing)?|explor\w*")
_SCOPE_RE = re.compile(r"(?:^\W*(?:it|this (?:inspection|report|part|section|chapter)(?: of (?:the|this|our) "
                       r"(?:report|inspection))?)|\b(?:we|our (?:inspection|review)|the inspection|"
                       r"hmic(?:frs)?|(?:hmic(?:frs)?[’']s\s+)?(?:\w+\s+)?inspections))\s+(?:\w+\s+){0,2}?"
                       rf"(?:{_SCOPE_VERBS}|ask(?:s|ed)?|make an assessment of)\s+(?:how|whether|if)\b", re.I)
_INSPECTION_ASKED_RE = re.compile(r"\binspect\w*|\binspectorate\b|\bhmic(?:frs)?\b", re.I)
# "What is X doing about Y?", "What has X done about Y?" ask what was done, which a sentence defining a term
# ("A child who goes missing three or more times in a year is a repeat missing child.") does not say
_ASKS_ACTION_RE = re.compile(r"^\s*what (?:is|are|was|were|has|have|had|did|does|do) [^?]*\b(?:doing|done|do) "
                             r"(?:about|to|for|with)\b", re.I)
_DEFINITION_RE = re.compile(r"\W*(?:an?|the)\s+[^.;:]{0,80}?\b(?:is|are)\s+(?:an?|the)\s+", re.I)
# the text a web page gives for a chart in place of the picture: it says what is drawn, no finding
_CHART_TEXT_RE = re.compile(r"\W*(?:(?:line|bar|column|pie|stacked bar|scatter|area)\s+(?:chart|graph)|"
                            r"(?:chart|graph|map|diagram|infographic)\s+(?:showing|of|comparing))\b", re.I)
# what a plan or forecast assumed would be ("It assumed that the force would have 1,460 officers"), and a question
# that asks it ("How many officers did the model assume?", "… is it expected to have?", "… would it need?")
_ASSUMED_RE = re.compile(r"\b(?:assumed|assumes|expected|projected|forecast|predicted)\s+(?:that\s+)?"
                         r"(?:[\w,'’-]+\s+){0,8}?would\b", re.I)
_ASKS_ASSUMED_RE = re.compile(r"\b(?:assum\w*|expect\w*|project\w*|forecast\w*|predict\w*|plan\w*|would|will|"
                              r"could|should|might)\b", re.I)
# "When did …?" asks when something happened; a plan ("plans to move … in 2024") has not
_ASKS_PAST_EVENT_RE = re.compile(r"^\s*(?:in )?(?:when|what year|which year|what month) (?:did|was|were|had)\b", re.I)
# (the verbs: "its plan to reduce burglary" names a plan)
_PLANNED_RE = re.compile(r"\b(?:plans|planned|planning|intends?|intended|expects?|expected|(?:is|are|was|were) due|"
                         r"aims|hopes|proposes|proposed)\s+to\b|\bwill\b|\bdue to (?:go|be|open|start|finish|"
                         r"complete|close|launch|move|replace|report)\b", re.I)
# a sentence dating the inspectorate's own visit: "We last inspected custody in Wealdmarsh in 2017", "Our previous
# inspection of the service took place in October 2021"
_DATES_OUR_VISIT_RE = re.compile(r"\W*(?:we\s+(?:last\s+|first\s+|previously\s+)?(?:inspected|visited)|"
                                 r"our\s+(?:(?:last|previous|first|earlier)\s+)?(?:inspection|visit|fieldwork))\b",
                                 re.I)
# a question about what it looked at (an inspection named is none: "… in the rural crime inspection")
_ASKS_SCOPE_RE = re.compile(rf"\b(?:{_SCOPE_VERBS}|cover\w*|gather\w*|method\w*|scope|focus\w*|set out to|aim\w*)\b",
                            re.I)


# the findings an inspection made, asked as a count: "How many recommendations did the custody inspection make?"
_ASKS_MADE_RE = re.compile(r"\bhow many (?:recommendations|areas for improvement|causes of concern)\b[^?]*\b(?:make|made|"
                           r"give|gave|contain|include|set out|identify|identified)\b", re.I)
# what has become of an earlier inspection's recommendations: "the force has achieved 9 of the 21 recommendations we
# made", "it has implemented all six recommendations"
_EARLIER_RECOMMENDATIONS_RE = re.compile(r"\b(?:achieved|implemented|met|completed|acted on|addressed|progress(?:ed)? on|"
                                         r"responded to)\s+(?:\w+\s+){0,3}?(?:of\s+)?(?:the|our|its|all)?\s*(?:\w+\s+)?"
                                         r"(?:recommendations|areas for improvement)\b", re.I)
_ASKS_PAST_RE = re.compile(r"\b(previous|last|earlier|first|before|then|at the time of)\b", re.I)


# Sentences that say what should be done (recommendations, areas for
# improvement, "should", "must", "needs to") answer a question about what
# should be done, not one about what is the case: "Is the scheme available
# outside Harbourside yet?" is not answered by "The force should ensure the
# scheme is available in the north of the county".
PRESCRIPTIVE_PASSAGES = ("recommendation", "area_for_improvement")


_ASKS_EXTREME_RE = re.compile(rf"\b(?:{_HIGH}|{_LOW}|{_JUDGING})\b(?<!\bbest)(?<!\bmost)(?<!\bleast)(?<!\btop)"
                              rf"(?<!\brecord)|\bbest\b(?! (?:use|practice|value)\b)", re.I)


_MOST_HOW_RE = re.compile(r"\b(most|least)\s+[a-z]+ly\b", re.I)  # "most accurately", "least often"
# the two things a question offers as its choice, at its end: "…, Kingsfold or Tenterham?"
_CHOICE_RE = re.compile(r"(?-i:([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)) or "
                        r"(?-i:([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))\s*\??\s*$")
_THAN_NAMED_RE = re.compile(rf"\b(?:{_COMPARATIVES}|quicker)\b(?:\s+([a-z][\w’'-]*))?[^?]*?\bthan\s+"
                            r"(?:(?:in|at|the)\s+)?(?-i:([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))", re.I)
_COMPARATIVE_ASKED_RE = re.compile(r"\b(?:more|fewer|less|higher|lower|larger|smaller|bigger|better|worse)\b", re.I)
_COMPARES_RE = re.compile(rf"{_COMPARATIVE_ASKED_RE.pattern}|\b(?:than|{_HIGH}|{_LOW})\b", re.I)  # a comparison said
def _two_figures(text: str) -> bool:
    """Does the sentence give two figures at least (one for each thing compared)?"""
    return len(re.findall(r"\d[\d,.]*", text)) >= 2


# two groups compared by what is said of each ("compare between A and B", "differ for A and B")
_COMPARES_GROUPS_RE = re.compile(r"\b(?:compar\w*|differ\w*)\b[^?]*?\b(?:between|for|in)\b[^?]*\band\b", re.I)


# "What was wrong with …?", "What problems …?": a failing, stated as one
_ASKS_FAILINGS_RE = re.compile(rf"\bwhat {_WRONG}\b|\bwhat (?:problems|failings|weaknesses|gaps|shortcomings|faults)\b|"
                               rf"\bwhat {PROBLEM_ASKED}\b",
                               re.I)
# (not the risk a victim is graded at: "high-risk victims"; "too often slow", "too few" say a failing)
_FAILING_RE = re.compile(_NEGATION_RE.pattern + r"|\b(poor\w*|weak\w*|delay\w*|concern\w*|(?<!-)risks?|lack\w*|"
                         r"gaps?|problems?|mistakes?|errors?|wrong\w*|inappropriate\w*|unsafe|late|backlogs?|fail\w*|"
                         r"incorrect\w*|missed|worr\w*|ineffective\w*|unreliab\w*|inaccura\w*|inconsisten\w*|"
                         r"insufficien\w*|inadequa\w*|overdue|out of date|slow\w*|too\s+(?:often|long|few|little|"
                         r"many|much|late))\b", re.I)
# "Only Brackenshire Police could tell us …" singles one out for what it does; it states no failing of it
_ONLY_NAMED_RE = re.compile(r"\b(?i:only)\s+(?=[A-Z])")
_SIGNPOST_RE = re.compile(r"\b(?:causes? of concern|areas? for improvement)\b", re.I)
# "Does every force …?", "Do all five services …?": settled by what is said of several ("All five forces …", "only
# Wealdmarsh Constabulary has …"), not of one
_ASKS_EVERY_ORGANISATION_RE = re.compile(r"\b(?:every|all|each)\s+(?:(?:of\s+)?the\s+)?(?:\w+\s+)?(?:forces?|services?|"
                                         r"constabular(?:y|ies))\b", re.I)
# a sentence about some of the forces, unnamed: "More than two-thirds of forces …", "Most forces …", "Half of all forces"
# (after an opening clause too: "Given the work involved …, two forces have not yet …")
_SOME_FORCES_RE = re.compile(r"\s*(?:[^.,;:]{0,150},\s*)?"
                             r"(?:(?:more than|fewer than|less than|almost|nearly|over|about|around|just)\s+)?"
                             r"(?:(?:two|three)[ -]thirds|half|most|many|some|few|a few|several|a (?:third|quarter)|"
                             r"two|three|four|five|six|seven|eight|nine|ten|\d+|"
                             r"\d[\d.]*\s*(?:%|percent|per cent))\s+(?:of\s+)?(?:all\s+)?(?:the\s+)?(?:other\s+)?"
                             r"(?:police\s+)?(?:forces|services|fire and rescue services)\b(?!\s*(?:,|\(|:|–))", re.I)
# what waits on every force ("… will be used once all forces have provided a full year of data") says nothing of
# what the one asked has done
_ALL_FORCES_PENDING_RE = re.compile(r"\b(?:once|until|when|after)\s+(?:all|every)\s+(?:the\s+)?(?:police\s+)?"
                                    r"(?:forces?|services?)\b", re.I)
_FORCES_ASKED_RE = re.compile(r"\b(?:forces|services|constabularies)\b", re.I)
_SEVERAL_ORGANISATIONS_RE = re.compile(r"\b(?:forces|services|constabularies|only|(?:every|each) (?:force|service))\b",
                                       re.I)


# a table of rates: "Rates per 1,000 population"
_RATE_TABLE_RE = re.compile(r"\brates?\s+per\b|\bper\s+(?:1,?000|100,?000|head|capita)\b", re.I)
_ASKS_RATE_RE = re.compile(r"\bper\b|\brates?\b", re.I)


# a month asked as a point in time ("in March 2022"), not as the end of a period ("in the year to March 2022")
# a period asked by the month it ends: "in the year to March 2022", "the 12 months ending June 2015"
_PERIOD_TO_MONTH_RE = re.compile(rf"\b(?:year|12\s+months|twelve\s+months|quarter)\s+(?:to|ending|ended)\s+"
                                 rf"(?:\d{{1,2}}\s+)?({MONTHS})\s+((?:19|20)\d\d)\b", re.I)
_MONTH_ASKED_RE = re.compile(rf"(?<!\bto )(?<!\bending )(?<!\bended )\b(?:in|during|for|at the end of) ({MONTHS}) "
                             r"((?:19|20)\d\d)\b", re.I)


_OF_THE_N_RE = re.compile(r"\bof\s+(?:the|its|these|those|[A-Z][\w-]*(?:['’]s|s['’]))\s+(?!(?:19|20)\d\d\b)"
                          r"(\d[\d,]*)\b(?!\s*(?:%|per ?cent|[/–-]\d))",
                          re.I)  # (not a year: "of the 2014 recommendations")
# the words after a count, for what it counts: "of the 50 rapes examined", "of the 20 problem-solving plans", "of the
# 190 Northshire investigations" (a name scopes it)
_COUNTED_NOUN_RE = re.compile(r"(?:\s+[A-Z][\w’'-]*)*((?:\s+[a-z][\w’'-]*){1,3})")


_ASKS_UNDONE_RE = re.compile(r"\b(?:not|never|no|without)\b(?!\s+(?:more|less|fewer|longer|later|only)\b)|n[’']t\b",
                             re.I)
# a sentence counting what was not done says so, in one of many ways: "not", "no record", "without", "took longer than
# the target", "late", "missed", "unallocated", "incomplete", "more than 28 days"
_SAYS_UNDONE_RE = re.compile(r"\b(?:not|never|none|no|without|nobody|neither|nor|fail\w*|late|lateness|missed|lack\w*|"
                             r"overdue|outstanding|wrong|incomplete|incorrect|inadequate|insufficient|absent|"
                             r"un[a-z]{4,}|longer than|more than|over|beyond|outside|exceed\w*|before)\b|n[’']t\b",
                             re.I)


_DAY_ASKED_RE = re.compile(rf"\b(?:on|as at|as of|by) (?:(\d{{1,2}}) )?({MONTHS}) ((?:19|20)\d\d)\b", re.I)


# a year something is to be done by: "plan for 180 extra officers by 2022"
_BY_YEAR_RE = re.compile(r"\bby\s+(?:the\s+(?:end|start|middle)\s+of\s+)?((?:19|20)\d\d)\b(?![/–-]\d)", re.I)


# "What period do the figures cover?" asks for a span, said as one: "the year to 31 December 2018", "1 September
# 2017 to 28 February 2018", "between 1 July and 31 December 2023", "2018/19"
_ASKS_PERIOD_RE = re.compile(r"\b(?:what|which) (?:period|months|dates|time span)\b|\bover what period\b", re.I)
_SPAN_SAID_RE = re.compile(rf"\b(?:\d{{1,2}}\s+)?{MONTHS}(?:\s+(?:19|20)\d\d)?\s+(?:to|and|until|–|-)\s+(?:\d{{1,2}}\s+)?"
                           rf"{MONTHS}\s+(?:19|20)\d\d\b|\b(?:year|months?|weeks?|quarters?)\s+(?:to|ending|ended)\b|"
                           r"\b(?:19|20)\d\d\s*(?:/|–|-)\s*(?:19|20)?\d\d\b", re.I)


_ASKS_WHERE_RE = re.compile(r"\s*(?:and\s+)?where\b", re.I)
_ASKS_SOURCE_RE = re.compile(r"\s*(?:and\s+)?where\b[^?]*\bfrom\s*\??\s*$", re.I)
_COME_FROM_RE = re.compile(r"\b(?:come|comes|came|coming|originate|originates|originated)\b(?=\s+from\s*\??\s*$)", re.I)
# a sentence about a table or figure, no caption: "Table 1 shows how we assessed the 120 cases …"
# a figure or table named by its label ("according to Figure 1"): its caption may stand apart from its rows, so no
# name a row must hold
_FIGURE_NAMED_RE = re.compile(r"\b(?:Figure|Table|Chart)\s+\d+[a-z]?\b")
_CAPTION_SAYS_RE = re.compile(r"(?:Figure|Table|Chart) \d+\s+(?:shows|sets out|gives|lists|summarises|compares)\b")
# "Where is its demand model described?" asks a document: "in the force's management statement for 2019"
_ASKS_DOCUMENT_PLACE_RE = re.compile(r"\s*where\b[^?]*\b(?:described|set out|published|explained|given|listed|"
                                     r"documented)\s*\??\s*$", re.I)
_DOCUMENT_PLACE_RE = re.compile(r"\b(?:in|on)\s+(?:the|its|their|a|an|this|our)\s+(?:[\w’'-]+\s+){0,3}?(?:statements?|"
                                r"reports?|plans?|strateg(?:y|ies)|assessments?|annex(?:es)?|appendix|appendices|"
                                r"tables?|figures?|framework|documents?|guidance|profiles?|websites?|pages?)\b", re.I)
_SOURCE_RE = re.compile(r"\bfrom\s+(?:(?:the|its|their|a|an|his|her)\s+)?(?:[\w’'-]+\s+){0,3}[\w’'-]+", re.I)
_PLACE_NOUNS = (r"areas?|stations?|suites?|headquarters|buildings?|centres?|county|counties|city|cities|towns?|"
                r"districts?|commands?|hubs?|sites?|offices?|premises|wards?|regions?|villages?|schools?|hospitals?|"
                r"librar(?:y|ies)|halls?|churche?s?|colleges?|universit(?:y|ies)|courts?|ports?|harbours?|estates?|"
                r"parks?|markets?|prisons?")
# a place: a name after a preposition of place (not a month: "in February 2016"), or a kind of place
_NATIONAL = stems_of("England Wales Britain UK kingdom country")  # where every force is: "in England and Wales"
_PLACE_RE = re.compile(rf"\b(?:in|at|to|from|near|across|outside|inside|within|throughout|around|into)\s+(?:the\s+)?"
                       rf"(?-i:(?!{MONTHS}\b)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)|"
                       rf"\b(?:in|at|to|from|across|into)\s+(?:the|its|their|each|every|all|one|two|three|four|five|"
                       rf"some|several|many|most|other)\s+(?:[\w’'-]+\s+){{0,3}}(?:{_PLACE_NOUNS})\b", re.I)


_ASKS_WHY_RE = re.compile(r"^\s*(?:(?:and|so|but)\s+)?why\b", re.I)
# "How does it prevent fires?", "What does it do to protect …?" ask what is done, not the grade for it
_ASKS_MANNER_RE = re.compile(r"^\s*(?:how (?:does|do|did|is|are|was|were)\b(?! \w+ (?:rated|graded|judged|assessed|doing)\b)|"
                             r"what (?:does|do|did) .+? do (?:to|about|for|with)\b)", re.I)
# "It took Wrenfield 14 weeks on average to …": how long something took, said as the whole sentence
_TOOK_SO_LONG_RE = re.compile(rf"\W*(?:it|this|that)\s+took\s+(?:(?-i:[A-Z])[\w’'-]*\s+){{0,3}}"
                              rf"(?:about\s+|around\s+)?(?:\d[\d,.]*|an?|{COUNT_WORD})\s+"
                              r"(?:minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
# a verb asked, said only to be done well or badly: "The decision makers … are well trained and well supervised."
_HOW_WELL = r"(?:well|poorly|badly|effectively|ineffectively|properly|adequately|inadequately)"
_DONE_WELL_RE = re.compile(rf"\b(?:is|are|was|were|has been|have been)\s+(?:(?:very|not|always|generally)\s+)?"
                           rf"{_HOW_WELL}\s+[a-z]+ed\b", re.I)
_WELL_DONE_RE = re.compile(rf"\b{_HOW_WELL}\s+([a-z]+ed)\b", re.I)


def _only_how_well(sentence: str, weights: dict[str, float]) -> bool:
    """Does the sentence, of no more than a clause or two, only say how well something asked is done?"""
    if not _DONE_WELL_RE.search(sentence) or len(_WORD_RE.findall(sentence)) > 16:
        return False
    done = [m for m in _WELL_DONE_RE.finditer(sentence) if stems_of(m.group(1)) & set(weights)]
    return bool(done) and not re.search(r"[:;]|\b(?:by|through|using|with)\b", sentence[done[-1].end():], re.I)


# "Which systems …?", "What offences …?": things asked for by name (not "What share …?", "Which force …?": one)
_ASKS_THINGS_RE = re.compile(r"\s*(?:which|what)\s+(?:other\s+)?(?!(?:does|has|was|is|happens|makes|means|needs)\b)"
                             r"([a-z][a-z-]+[^sui\W]s)\s+(?!of\b)", re.I)


def _things_named_asked(question: str) -> str:
    """The plural noun a question asks to be named ("systems" of "Which systems will …?"), or ""."""
    m = _ASKS_THINGS_RE.match(question)
    return m.group(1).lower() if m else ""


def _only_counts(sentence: str, noun: str) -> bool:
    """Does the sentence count the things asked ("three older systems") and end there, naming none?"""
    m = re.search(rf"\b{COUNT_WORD}\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}\b", sentence, re.I)
    return bool(m) and not re.search(r"\w", re.sub(r"[.)\s]", " ", sentence[m.end():])) and not _LIST_LEAD_RE.search(
        sentence)


_GRADE_STATEMENT_RE = re.compile(r"\b(?:is|are|was|were|has been|have been)\s+(?:(?:judged|graded|assessed|rated)\s+"
                                 r"(?:as\s+|to\s+(?:be\s+)?)?)?(?:outstanding|good|adequate|inadequate|requires? "
                                 r"improvement|requiring improvement|to require improvement)\b", re.I)
# "What does the force do to …?", "What is it doing about …?": what it does
_ASKS_DEED_RE = re.compile(r"\s*what\s+(?:does|do|did|is|are|was|were|has|have)\s+[^?]*?\bdo(?:ing|ne)?\s+"
                           r"(?:to|for|about|with|against)\b", re.I)
_HYPOTHETICAL_RE = re.compile(r"\b(?:would|could|should|might)\b", re.I)
# "What is X used for?" asks a use or a purpose, said in a verb of using, allowing or helping, or "to <verb>"
_ASKS_USE_RE = re.compile(r"\s*(?:what|how)\s+(?:is|are|was|were|does|do|did)\b[^?]*\bused?\s+(?:for|to)?\s*"
                          r"(?:\b(?:in|at|by)\b[^?]*)?\??\s*$", re.I)
_USE_SAID_RE = re.compile(r"\b(?:us(?:e|es|ed|ing)\s+(?:(?:it|them|this|these|its|their|the\s+\w+)\s+)?(?:to|for)\b|"
                          r"allow\w*|enabl\w*|help\w*|lets?\b|so that|in order to|"
                          r"purpose|aims? to|designed to|intended to|(?:can|could|may)\s+(?:\w+\s+)?(?:search|see|check|"
                          r"find|look|share|use)|to\s+(?:help|assess|decide|identify|record|count|find|track|trace|"
                          r"monitor|share|analyse|plan|set|predict|check|search|support|manage|target|protect))\b", re.I)
# a sentence saying that something is seen to be worth doing, not that it is done
_SEES_VALUE_RE = re.compile(r"\b(?:recognis|recogniz|understand|understood|acknowledg|accept|appreciat|know|knew|"
                            r"values?\b|sees?\b|saw\b)\w*\s+(?:the\s+)?(?:benefits?|importance|value|need|"
                            r"advantages?|worth)\s+of\b", re.I)
# a sentence ending on a range of things it does not name: "… focuses on a range of offending types."
_UNNAMED_RANGE_RE = re.compile(r"\b(?:an?\s+(?:wide\s+|broad\s+|whole\s+)?(?:range|variety|number|mix|host|series)\s+of|"
                               r"various|several|many different)\s+((?:[\w’'-]+\s+){0,2}[\w’'-]+)\W*$", re.I)


_REASON_RE = re.compile(r"\b(because|due to|owing to|as a result of|caused (?:\w+ly )?by|the result of|the reasons?\b|"
                        r"so that|"
                        r"to (?:enable|allow|permit|make it possible)\b|"  # a purpose: "… to enable comparison"
                        rf"in order to|since (?!(?:19|20)\d\d|{MONTHS}|then|its|their|the (?:last|previous|start))|"
                        r"attribut\w+ (?:this |it )?to|thanks to|driven (?:\w+ly )?by|"  # "driven mostly by"
                        # "This is the first year … graded …, so a comparison is not possible"
                        r"(?<=\w),? so (?=(?:a|an|the|it|they|there|we|its|their|some|many|most|no|few)\b)|"
                        # "The adequate grade was new in this round, so grades cannot always be compared …"
                        r"(?<=\w), so (?=[a-z]+ (?:can|cannot|could|is|are|was|were|will|would|must|may|do|does|did|"
                        r"have|has|had|need|needs)\b)|"
                        # "… lowest between 9am and 5pm on weekdays, when many on-call firefighters are at work away
                        # from …": what is the case at the time named, said after it
                        r"(?<=\w), when (?=(?:many|most|some|few|more|fewer|the|its|their|they|people)\b)[^,.;]*?\b"
                        r"(?:is|are|was|were|have|has|had)\b|"
                        r"(?:since|after) (?:it|they|the (?:force|service|unit|team)) (?:began|started|introduced|"
                        r"stopped|changed|moved|brought in|set up)\b|"
                        # "the falling availability of its fire engines means that it is taking longer" (not "This
                        # means that …", whose reason is the sentence before)
                        r"(?<!\bthis )(?<!\bthat )\bmeans that\b)", re.I)


# a sentence that opens with what follows from the sentence before: that sentence is its reason
_CONSEQUENCE_RE = re.compile(r"\W*(?:as a (?:result|consequence)|consequently|because of this|for this reason|therefore|"
                             r"thus|so|(?:this|that) (?:means|is why)(?: that)?)\b,?\s|"
                             # "… 312 devices waiting for examination. This delays charging decisions …"
                             r"(?:this|that) (?:\w+ly )?(?:delays|leaves|causes|results in|leads to|prevents|slows|"
                             r"creates|adds to|undermines|limits|reduces|increases)\b|"
                             # "Its understanding of online crime is therefore still developing."
                             r".*?\b(?:is|are|was|were|has|have|had) therefore\b", re.I)
_REASON_NEXT_RE = re.compile(r"\s*(?:this|that|it)(?: is| was|’s|'s)(?: \w+ly)? (?:because|due to|owing to|the result of|"
                             r"explained by)\b", re.I)
_ASKS_MET_RE = re.compile(r"\b(?:meet|met|reach|reached|achieve|achieved|hit)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}"
                          r"(?:standard|target)s?\b", re.I)
_ASKS_PRESCRIPTION = re.compile(r"\b(should|must|needs? to|ought to|recommend\w*|by when|deadline|expected to|asked to|"
                                # "What is the national standard for answering emergency calls?": what should be
                                r"(?:national|the|its|their)\s+standards?(?!\s+of\b)|"
                                r"told to|areas? for improvement|causes? of concern|need(s|ed)? to improve|"
                                # "Which custody data did the inspectors want Wealdmarsh to improve?"
                                r"want(?:s|ed)?\s+(?:[\w’'-]+\s+){1,5}?to|"
                                # "What does Dunmere fire need more of?" asks what it should have
                                r"(?:does|do|did)\s+(?:[\w’'-]+\s+){1,6}?need)\b", re.I)
_ASKS_ADVICE_RE = re.compile(rf"\s*{ADVICE_ASKED}", re.I)


# a source cited by its parts, ending in its date: "Northmoor University, Evaluation of the Safe Streets programme,
# June 2017."
_CITATION_RE = re.compile(rf"\W*\d*\s*[^.,;]+,[^;]*,\s*(?:\d{{1,2}}\s+)?(?:{MONTHS}\s+)?(?:19|20)\d\d\.?\s*$")


_PUBLISHED_RE = re.compile(r"\b(?:publish\w*|issued|released|launched|produced)\b", re.I)
# a length of time asked, never a publication date ("How quickly are victims told after a suspect is released?")
_HOW_LONG_RE = re.compile(r"\bhow (?:long|soon|quickly|fast)\b", re.I)
_LAUNCHED_RE = re.compile(r"\b(?:launch\w*|produced)\b", re.I)
_ASKS_PUBLICATION_RE = re.compile(r"\b(?:publish\w*|written|wrote|issued|released|evaluat\w*|stud(?:y|ies|ied)|"
                                  r"reports?|reviews?|assessments?|surveys?|papers?|guidance|strateg(?:y|ies))\b", re.I)
# "Who evaluated Operation Lighthouse?": a citation names its author ("Northmoor University, An evaluation of …")
_ASKS_AUTHOR_RE = re.compile(r"\b(?:who|which\s+[a-z]+)\s+(?:(?:has|had|have)\s+)?"
                             r"(?:evaluated|wrote|written|published|studied|researched|authored|produced)\b", re.I)


INTRODUCES_BONUS = 0.3


# what a question asking what something includes wants, and the leads a sentence lists it after ("Wildlife crime
# includes …")
_ASKS_INCLUDED_RE = re.compile(r"\b(?:include|includes|included)\s*\??\s*$", re.I)
_INCLUDES_LEAD_RE = re.compile(rf"\bincludes?\b|{_LIST_LEAD_RE.pattern}", re.I)


# How often a sentence answer is right rises with how much of the question's
# own wording it holds (measured on the tuning half of eval/): meaning alone
# picks the sentence but does not make it right. Kinds whose sentence can hold
# every word and still not be the answer are capped below 0.8.
CAPS = {"definition": 0.75, "yesno": 0.75, "enumeration": 0.75, "sentence": 0.85, "who": 0.85}


# A sentence that holds enough of the question's words but too few for MIN_CONFIDENCE is still offered
# when nothing else comes close: it leads every other sentence the rules let through by CLEAR_LEAD
# (in score: words, meaning, rank) and is itself close in meaning to the question. Such answers are their
# own kind of evidence ("clear-lead"), calibrated by their own record; so is such a sentence holding more of
# the words, when its own band has been right too rarely (more words never earn less trust than fewer). A sentence
# leading by twice that (SOLE_LEAD) need not be close in meaning too: static embeddings weigh a question's names,
# so "These local IOM teams … are co-located with …" reads far from "Who are the West Midlands local IOM teams
# based alongside?", though the rules let no other sentence come near it.
CLEAR_LEAD = 0.25
SOLE_LEAD = 2 * CLEAR_LEAD
LEAD_MEANING = 0.3
LEAD_FLOOR = 0.4


def _leads(best: Candidate, kind: str) -> bool:
    # (a grade said in a sentence is "is good at" anything: only its meaning ties it to the area asked)
    return best.margin >= CLEAR_LEAD and (best.meaning >= LEAD_MEANING
                                          or best.margin >= SOLE_LEAD and kind != "grade")


# the share of its words a sentence covering a question in meaning must hold too: fewer for a number or a date,
# which must then be in it, next to what is counted (0.5 for the other kinds was chosen on the tuning halves: it
# gained two answers there and lost none; 0.45 or 0.4 gained no more, a lexical floor alone of 0.5 lost one)
MEANING_WORDS = {"number": 0.45, "date": 0.45}
MEANING_WORDS_OTHERWISE = 0.5


def _enough(question: Question, best: Candidate) -> bool:
    """Does the sentence cover the question? In its own words; or in meaning, with half its words at least."""
    if best.lexical >= MIN_COVERAGE:
        return True
    return best.coverage >= MIN_COVERAGE and best.lexical >= MEANING_WORDS.get(question.kind, MEANING_WORDS_OTHERWISE)


def _confidence(best: Candidate, question: Question | None = None) -> float:
    return _confidence_of(best.lexical, question)


def _confidence_of(covered: float, question: Question | None = None) -> float:
    """The rules' own confidence in a sentence holding this share of the question's words."""
    lexical = max(-1.0, min(1.0, (covered - MIN_COVERAGE) / (1.0 - MIN_COVERAGE)))
    value = 0.45 + 0.5 * lexical
    if question is not None and question.kind in TYPED_KINDS:
        value += TYPED_BONUS  # the sentence also holds the kind of thing asked for (a count, a date)
    if question is not None:
        value = min(value, CAPS.get(question.kind, 1.0))
    return round(value, 3)


# a time something took, not any length ("sickness absence averaged 14.3 days a year"): "within five working days",
# "in 14 minutes", "waited 47 minutes", "14 months behind schedule"
_TIME_TAKEN_RE = re.compile(rf"\b(?:within|in|under|took|takes|taken|waited|waiting|waits|after)\s+"
                            rf"(?:[\w-]+\s+){{0,3}}?(?:{_DURATION_RE.pattern})|"
                            rf"(?:{_DURATION_RE.pattern})\s+(?:behind|late|early|ahead)\b", re.I)


# a sentence pointing to another part of the report, and a question asking for a part of it
_POINTS_ELSEWHERE_RE = re.compile(r"\b(?:in|throughout)\s+the\s+rest\s+of\s+(?:this|the)\s+report\b|\blater\s+in\s+"
                                  r"(?:this|the)\s+report\b|\b(?:is|are)\s+(?:all\s+)?set\s+out\s+(?:below|"
                                  r"in\s+(?:section|chapter|part|annex|appendix)\b)|\bthis\s+report\s+(?:sets\s+out|"
                                  r"describes|explains|summarises)\b", re.I)


_ASKS_REPORT_PLACE_RE = re.compile(r"\bwhere\b|\bwhich\s+(?:section|chapter|part|annex|appendix)\b|\b(?:section|"
                                   r"chapter|annex|appendix)\b", re.I)
# what an organisation does well, asked and said ("as well as", "how well" say nothing of it)
_ASKS_DONE_WELL_RE = re.compile(r"(?<!\bnot )(?<!\bnot being )\b(?:do|does|did|doing|done)\s+(?:particularly\s+|"
                                r"especially\s+)?well\b", re.I)  # (not "Why are some … not done well?": failings)


_ASKS_WHICH_KINDS_RE = re.compile(r"\s*which\s+((?:[\w-]+\s+){0,3}?[\w-]+s)\s+(?:does|do|did|has|have|had)\b", re.I)


# a sentence saying only how the inspectors worked ("We examined 14 records relating to modern slavery."), and what
# makes such a sentence a finding too ("… and found that 36 had been cancelled correctly", "in 23 the assessment was
# wrong")
_METHOD_ONLY_RE = re.compile(rf"\W*(?:\d+(?:\.\d+)*\s+)?{_FIELDWORK_SAID}", re.I)
_METHOD_FINDS_RE = re.compile(r"\b(?:found|find|finds|showed|shows|saw|identified|noted|concluded|judged|was|were|"
                              r"had|has|have|is|are|not|no|none)\b", re.I)


_LIVE_WORDS_RE = re.compile(rf"\b{_LIVE}\b", re.I)


# a reader's phrase for what the reports call otherwise (a word alone is mapped by the analyzer, analysis.SYNONYMS):
# children who "run away from home" are "missing"; "stop and frisk" is the American "stop and search"
_READERS_PHRASES = ((re.compile(r"\b(?:run|runs|running|ran)\s+away(?:\s+from\s+(?:home|care))?\b", re.I), "go missing"),
                    (re.compile(r"\bstop(?:s|ped|ping)?[- ]and[- ]frisk\w*", re.I), "stop and search"))


def in_report_words(question: Question, text: str, noun: bool = True) -> str:
    """The question's text, what it asks said as the reports say it: "How many people live in Eastmoor?"
    asks for what reports call its population ("serves a population of about 1.08 million people"), or its
    people ("a county of about 910,000 people": kept for the search unless ``noun`` is False, as the words
    an answer must hold, where a population need not be called people)."""
    for said, reports_say in _READERS_PHRASES:
        text = said.sub(reports_say, text)
    if question.kind == "number" and _LIVES_IN_RE.search(text):
        text = _LIVE_WORDS_RE.sub("population", text)
        lives = _LIVES_IN_RE.search(question.text)
        if lives and _RESIDENTS_RE.fullmatch(lives.group(1)) and not noun:
            text = re.sub(rf"\b{re.escape(lives.group(1))}\b", " ", text, count=1)
    return text


# a share per person, said any of the ways the reports say it
_HEAD = r"(person|head|resident|capita|inhabitant)"
_PER_HEAD_ASKED_RE = re.compile(rf"\b(?:per|for each|for every|on each)\s+{_HEAD}\b", re.I)
_PER_HEAD_RE = re.compile(rf"\b(?:per|for each|for every)\s+{_HEAD}\b", re.I)


LIST_ITEMS = 8  # items of a list read back to its lead-in
_ITEM_END_RE = re.compile(r"(?:;|;\s+(?:and|or))$")


def _lead_in(text: str, spans: list[tuple[int, int]], i: int) -> str:
    """The lead-in ("… the force should:") of the list whose item is the
    i-th sentence, "" when it is no list item: the sentences between end as
    items do (";", "; and", "; or")."""
    for j in range(i - 1, max(-1, i - 1 - LIST_ITEMS), -1):
        said = text[spans[j][0]:spans[j][1]].rstrip()
        if said.endswith(":"):
            return said
        if not _ITEM_END_RE.search(said):
            return ""
    return ""


_GRADE_NAME_RE = re.compile(r"\brequires? improvement\b|\brequiring improvement\b", re.I)


def _counted_tables(store, question: Question, hits) -> list[Hit]:
    """The tables of the reports of the organisation a count is asked of
    whose rows name what is counted, beside the passages found: "How many
    officers does Brackenshire have?" is answered by its force-in-numbers row
    "Police officers (full-time equivalent) at 31 March 2019  2,148", which
    the words of the question alone do not rank among the first."""
    phrase = counted_phrase(question.text) if question.kind == "number" and question.organisations else ()
    if not phrase:
        return []
    seen = {h.passage.id for h in hits[:CANDIDATE_PASSAGES]}
    reports = [r for r in question.reports if r.force in question.organisations]
    tables = [(r, p) for r in reports for p in store.passages(r.id, "table")  # found by masks: tens of microseconds
              if p.id not in seen and phrase[-1] in stems_of(p.text)]
    return [Hit(passage=p, report=r, rank=CANDIDATE_PASSAGES + i + 1, score=0.0, snippet=None, matches=[])
            for i, (r, p) in enumerate(tables[:COUNTED_TABLES])]


COUNTED_TABLES = 4  # tables a count is looked for in beside the passages found


def _titled_tables(store, question: Question, hits) -> list[Hit]:
    """The tables whose titles were left at the end of a passage found ("… Figure 2: Survey responses by force
    area", then the table), beside the passages found: a table's rows hold few of a question's words, its title
    more."""
    if question.kind not in ("number", "comparison"):
        return []
    found = hits[:CANDIDATE_PASSAGES]
    seen = {h.passage.id for h in found}
    out = []
    for h in found:
        p = h.passage
        if p.kind == "table" or not _TITLE_LINE_RE.search(p.text.rstrip().rsplit("\n", 1)[-1]):
            continue
        after = store.passage(passage_id(p.report_id, p.order + 1))
        if after is not None and after.kind == "table" and after.id not in seen:
            seen.add(after.id)
            out.append(Hit(passage=after, report=h.report, rank=CANDIDATE_PASSAGES + len(out) + 1, score=0.0,
                           snippet=None, matches=[]))
    return out[:COUNTED_TABLES]
# a section a report sets aside for saying what its terms mean ("What we mean by rural, heritage and wildlife
# crime", "Definitions", a glossary)
_DEFINES_HEADING_RE = re.compile(r"\b(?:glossary|definitions?|terms used|key terms|abbreviations|what we mean by|"
                                 r"meaning of)\b", re.I)
DEFINING_PASSAGES = 4  # such sections a definition is looked for in beside the passages found


def _defining_passages(store, question: Question, hits) -> list[Hit]:
    """The sections of the reports found for "What is heritage crime?" that
    say what the reports' terms mean and name the term, beside the passages
    found: a report defines its terms once, in a passage that names them
    less often than those that use them, and so ranks below them."""
    defines = defining(question)
    if defines is None or not defines.required:
        return []
    seen = {h.passage.id for h in hits[:CANDIDATE_PASSAGES]}
    pool = search(store, question.text, per_page=HYBRID_POOL, filters=question.filters or None, snippets=False,
                  facets=False)
    found = [h for h in pool.hits if h.passage.id not in seen
             and _DEFINES_HEADING_RE.search(" ".join(h.passage.heading_path)) and (
                 defines.at.search(h.passage.text) or _glossary_entry(defines, h.passage.heading_path))]
    return [replace(h, rank=CANDIDATE_PASSAGES + i + 1) for i, h in enumerate(found[:DEFINING_PASSAGES])]


def _glossary_entry(defines, heading_path) -> bool:
    """Is the passage a glossary's entry for the term asked, headed by the term alone ("Annex B: Glossary" ›
    "Alerter")?"""
    if len(heading_path) < 2 or not _DEFINES_HEADING_RE.search(" ".join(heading_path[:-1])):
        return False
    m = defines.at.match(heading_path[-1].strip())
    return bool(m) and bool(re.fullmatch(r"s?\W*", heading_path[-1].strip()[m.end(1):]))


def _stated_populations(store, question: Question, hits) -> list[Hit]:
    """The passages of the reports of the organisation whose population is
    asked ("How many people live in the Wealdmarsh force area?") that state
    it, beside the passages found: a report's introduction says it in
    passing ("… serves a largely rural county of about 910,000 people"),
    among other things the question's words do not rank first."""
    if not (question.organisations and _asks_population(question)):
        return []
    seen = {h.passage.id for h in hits[:CANDIDATE_PASSAGES]}
    found = [(r, p) for r in question.reports if r.force in question.organisations for p in store.passages(r.id)
             if p.id not in seen and (_AREA_PEOPLE_RE.search(p.text) or _states_measure(p.text, "population", True))]
    return [Hit(passage=p, report=r, rank=CANDIDATE_PASSAGES + COUNTED_TABLES + i + 1, score=0.0, snippet=None,
                matches=[]) for i, (r, p) in enumerate(found[:STATED_POPULATIONS])]


STATED_POPULATIONS = 2  # passages stating an organisation's population looked at beside the passages found


_DOCUMENT_NAMED_RE = re.compile(rf"\b{_DOCUMENT_NAMED}\b", re.I)
_DOCUMENT_GENERIC = stems_of("its the their hmic hmicfrs inspectorate latest last recent previous first second third "
                             "most") | ORGANISATION_GENERIC


def _document_words(store, question: Question) -> frozenset[str]:
    """The words of the document a question names as its source, when some report's title holds them all
    (and is of the year the document is named with): "the rural crime inspection": rural, crime; none
    otherwise (a "victim service assessment" is part of a PEEL report whose title does not name it)."""
    if question.subject and not question.earlier:
        return frozenset(stems_of(question.subject))  # named by what it is about, its scope (question.subject_named)
    m = _DOCUMENT_NAMED_RE.search(question.text)
    if not m or question.earlier:
        return frozenset()  # "the backlog found in its 2017 inspection" is asked of the reports after it
    words = frozenset(stems_of(re.sub(r"\d[\d/–-]*", " ", m.group(1)))) - _DOCUMENT_GENERIC - scope_stems(question)
    dated = set(years(m.group(0)))  # "HMIC's 2014 crime inspection", not indexed, is no "crime" report of 2018
    titled = [r for r in store.reports() if words <= stems_of(r.title) and (not dated or dated & report_years(r))]
    return words if words and titled else frozenset()


def _sentence(store, question: Question, result: SearchResult) -> Answer | None:
    document = _document_words(store, question)
    if document:  # "How many focus groups did inspectors hold for the rural crime inspection?": that report's
        result = replace(result, hits=[h for h in result.hits if document <= stems_of(h.report.title)])
    if question.since and question.kind == "comparison":  # "Did its 999 answering improve after 2016?": a report
        # after that year says; the year's own (kept for its grades, to compare) says what came before it
        result = replace(result, hits=[h for h in result.hits if not h.report.year or h.report.year > question.since])
    if not result.hits:
        return None
    weights = _weights(store, question)
    if not weights or (question.kind in ("yesno", "who") and len(weights) < 2 and not (
            question.kind == "yesno" and _ASKS_CHANGE_RE.search(question.text))) or (  # (a change is asked too)
            question.kind == "definition" and len(weights) < 2 and _term_words_set_aside(question, weights)) \
            or set(weights) <= _NEGATION_STEMS \
            or set(weights) <= _FRAMING_STEMS:
        # "Is the 2024 inspection of Dunmere its first?" comes down to "first" once its scope is set aside: a
        # sentence holding one word settles nothing ("… the arrival of the first fire engine"); nor does it say who
        # ("Who leads Eastmoor Police?" is not "… 9 neighbourhood teams, each led by a sergeant"); and a question
        # left with its "not" alone ("What does the inspectorate not grade …?", its scope and grading words set
        # aside) is answered by no sentence holding a "not"; nor one left with what the inspectors did ("What were the
        # key findings of the Wealdmarsh custody inspection?": "This report sets out what we found …")
        return None
    best = _best_sentence(store, question, result.hits, weights, _counted_tables(store, question, result.hits)
                          + _stated_populations(store, question, result.hits)
                          + _defining_passages(store, question, result.hits)
                          + _titled_tables(store, question, result.hits))
    if best is None or not _enough(question, best):
        return None
    if question.years and not question.organisations and question.kind == "list" and best.report.id not in {
            r.id for r in question.reports} and not figure_years(question.text) >= set(question.years):
        return None  # "Which services were inspected in 2023?" is not answered from a report of 2021/22 (a year of
        # figures is: "Which service had the lowest availability in 2024/25?", of a report of 2026)
    shown = best.text or best.passage.text[best.start:best.end]
    if not _typed(question, _as_asked(shown, _other_forms(store, weights)) if question.kind == "number" else shown,
                  best.previous, row=bool(best.text)):
        return None
    if question.kind == "comparison" and not _CHANGE_RE.search(_NAMED_NOT_CHANGED_RE.sub(" ", shown)) and not (
            best.text and len(set(_CELL_YEAR_RE.findall(shown))) > 1):
        return None  # one report's sentence answers a question about change only when it states the change (not a
        # grade's name: "Eastmoor Police requires improvement at investigating crime" is no force getting better), or
        # a table row with a figure for each of two years ("… 2018 audit 79.8%; … 2021/22 audit 89.1%")
    confidence = _confidence(best, question)
    evidence = sentence_evidence(question.kind, best.lexical)
    if LEAD_FLOOR <= confidence and _leads(best, question.kind) and (
            confidence < MIN_CONFIDENCE or too_rarely_right(evidence)):
        # calibrated by that evidence's own record; a sentence holding more of the question's words than that
        # evidence's floor, in a band right too rarely, is no less of a clear lead
        confidence, evidence = MIN_CONFIDENCE, "clear-lead"
    if confidence < MIN_CONFIDENCE:
        return None
    p = best.passage
    start = best.start
    said = p.text[best.start:best.end]
    if not best.text and best.previous and (
            _POINTS_BACK_RE.match(said) or _DEMONSTRATIVE_RE.match(said)
            or ((_ANAPHOR_RE.match(said) or refers_back(said, best.previous)) and (
                question.kind == "who" or stems_among(best.previous, set(best.absent))))
            or _deadline_before(question, said, best.previous) or (_asks_amount(question) and _ANAPHOR_RE.match(said))
            or _stands_for(defining(question), said, best.previous)
            or (question.kind == "number" and _share_leans_back(said, _share_whole(question.text), best.previous))):
        # "This is lower than the national rate …", "They are measured from …", "We told the force about these …"
        # are read with the fact or the thing they point back to; a bullet with the deadline its lead-in sets ("By
        # 31 December 2022, the service should: • make sure …"); a change ("In 2015/16 it met this target in 58
        # percent …") with what changed
        before = p.text.rfind(best.previous, 0, best.start)
        start = before if before >= 0 else start
    end = best.end
    if not best.text and question.kind in ("sentence", "list"):
        # "What does the text message tell a victim?": "X sends each victim a text message …" goes on in the next
        # sentence, "It lists the conditions, …": what the subject does is read with the sentence naming it
        after = next(((a, b) for a, b in sentences.split(store.sentence_tokenizer(), p.text) if a >= best.end), None)
        goes_on = _GOES_ON_RE.match(p.text[after[0]:after[1]]) if after else None
        if goes_on and (not goes_on.group("noun") or re.search(rf"\b{goes_on.group('noun')}\b",
                                                              p.text[best.start:best.end], re.I)):
            end = after[1]  # ("The supporter completes …" after "… a trained peer supporter contacts …")
    span = p.text[start:end].strip()
    kind = {"number": "number", "date": "date", "definition": "definition", "enumeration": "list"}.get(
        question.kind, "sentence")
    return Answer(text=best.text or span, passage_id=p.id, report_id=p.report_id, citation=citation(best.report, p),
                  confidence=confidence, start=start, end=end, kind=kind, basis="sentence",
                  evidence=evidence)


# a sentence going on about the subject of the one before ("It lists …", "They also …"), not giving its reason
_GOES_ON_RE = re.compile(r"\s*(?:It|They|He|She|The\s+(?P<noun>[a-z]+))\s+(?:also\s+|then\s+|now\s+)?"
                         r"(?!(?:is|was|are|were)\s+because\b)"
                         r"(?:[a-z]+s|[a-z]+ed|has|have|had|gives|lists|includes)\b")


# words whose counterpart a sentence may say in their place, as stems (as `stems_of` gives them: a word may stem
# two ways, "accident" to "accid" and "accidental" to "accident", "commissioner" to "commission", so some words
# stand twice; a hyphenated word's own stem is its joined form, "oncal", "daycrew"): the sentence is then about the
# other one
# (not the points of the compass, which name places: "West Midlands", "Birmingham East")
_COUNTERPARTS = (("adult", "child"), ("rural", "urban"), ("woman", "man"), ("femal", "male"), ("wholetim", "oncal"),
                 ("weekday", "weekend"), ("highest", "lowest"), ("high", "low"), ("high", "lowest"), ("low", "highest"),
                 ("correct", "wrong"), ("daytim", "nighttim"), ("onlin", "telephon"), ("onlin", "phone"), ("day", "night"),
                 ("staf", "pcso"), ("staf", "pcsos"), ("first", "last"), ("summer", "winter"),
                 ("emerg", "prioriti"), ("999", "101"), ("999", "nonemerg"), ("staf", "victim"), ("staf", "offic"),
                 ("staf", "detect"), ("search", "arrest"), ("woman", "child"),
                 ("accident", "deliber"), ("accid", "deliber"), ("daycrew", "wholetim"), ("daycrew", "oncal"),
                 ("parttim", "fulltim"), ("current", "expir"), ("new", "old"), ("due", "overdu"), ("appli", "obtain"),
                 ("appli", "grant"), ("applic", "grant"), ("nation", "region"), ("open", "close"),
                 ("arrest", "charg"), ("neighborhood", "respons"), ("overdu", "complet"),
                 ("first", "recent"), ("first", "latest"), ("ahead", "behind"), ("start", "finish"),
                 ("constabl", "commiss"), ("constabl", "commission"), ("save", "spend"),
                 ("medium", "high"), ("medium", "low"), ("primari", "secondari"))
CONTRASTS = tuple(pair for a, b in _COUNTERPARTS for pair in ((a, b), (b, a)))


_GIVEN_REASON_RE = re.compile(r",?\s+(?:as|because)\s+(?=[a-z]+\s)")  # ", as visitors arrive …": why, not what


# when something began or ended, asked with its verb and said with any of its group's words
_ASKS_EVENT_RE = re.compile(r"\s*(?:when|in (?:what|which) (?:year|month))\s+(?:did|was|were|had|has)\b", re.I)


# "When was/were … <done>?": the participle that ends it (not a light verb whose noun is the event: "When was the
# meeting held?"); a report's own dates (published, inspected, updated) and a grade's (graded, judged, given) have
# their rules
_ASKS_DONE_WHEN_RE = re.compile(r"\s*(?:when|in (?:what|which) (?:year|month))\s+(?:was|were)\b[^?]*?\s(\w+ed|built|"
                                r"written|chosen)\s*\??\s*$", re.I)
_REPORT_DATED_RE = re.compile(r"(?:publish|inspect|updat|releas|issu|report|assess|grad|judg|award)\w*$|rated$", re.I)


# a time a question asks of: "in 2017", "for 2021/22" (two of them ask a count at each)
_TWO_TIMES_RE = re.compile(r"\b(?:in|at|for)\s+(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?\b", re.I)


_SINCE_YEAR_RE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the end of|the start of)\s+)?(?:\w+\s+)?(?:19|20)\d\d"
                            r"(?:\s*[/–-]\s*\d\d)?\b", re.I)  # "since 2021", "since April 2019": a change's start
_BASE_YEAR_RE = re.compile(r"\b(?:than|compared (?:with|to))\s+(?:in\s+|at\s+)?(?:the\s+)?(?:19|20)\d\d"
                           r"(?:\s*[/–-]\s*\d\d)?\b", re.I)
# the edge of a period is no event: "after the start of the financial year" starts nothing
_PERIOD_EDGE_RE = re.compile(r"\b(?:the\s+)?(?:start|end|beginning|middle|close)\s+of\s+(?:the|its|each|every|that|this)\s+"
                             r"(?:financial\s+|calendar\s+|school\s+)?(?:year|month|quarter|week|day)\b", re.I)


# "fell from 72 percent to 61 percent", "rose by 11 percent", "420, compared with 1,030": how much it changed
_CHANGE_AMOUNT_RE = re.compile(r"\b(from|by|to|compared with|against|up from|down from|"
                               r"(?:improvement|increase|rise|fall|drop|reduction|decrease|deterioration) (?:on(?: the)?|of))"
                               r"\s+(about |around |nearly |"
                               r"almost |over |more than |less than )?([£$€]?\d|one|two|three|four|five|six|seven|eight|"
                               r"nine|ten|twice|half|a (?:half|third|quarter|fifth|tenth))|"  # "by £86,000", "by a third"
                               r"\b\d[\d,.]*\s*(?:%|per ?cent)\s+(?:reduction|increase|rise|fall|drop|decrease|cut|"
                               r"improvement)\b", re.I)  # "a 28 percent reduction in the reoffending of …"


# a row's cell named by its year, with its figure: "Estimated recording rate 2018 audit 79.8%"
_CELL_YEAR_RE = re.compile(r"(?:^|;)[^;]*?\b((?:19|20)\d\d(?:/\d\d)?)\b[^;\d]*\d[\d,.]*%?\s*(?=;|$)")


# "By how much did … fall?", "How far has … risen?": the verb asks for a change, stated in any words
_COPULA_RE = re.compile(r"\b(?:become|becomes|became|becoming)\b", re.I)


# what a report names, no change: a grade at its area, and its "areas for improvement"
_NAMED_NOT_CHANGED_RE = re.compile(rf"{_JUDGED_AT_RE.pattern}|\bareas? for improvement\b", re.I)


_ASKS_MORE_RE = re.compile(r"(?<=\bhow much )(?:more|less)\b|(?<=\bhow many )(?:more|fewer|less)\b", re.I)
_CHANGE_RE = re.compile(r"\b(from \S+(\s\S+){0,5} to|fell|fallen|falls?|rose|risen|rises?|increas\w*|decreas\w*|"
                        r"reduc\w*|cut|improv\w*|deteriorat\w*|worse|better|more|fewer|less|lower|higher|"
                        r"compared (with|to)|since|"
                        # ("remains inadequate", not "the six that remain", those left over)
                        r"previous\w*|last inspection|still|now|no longer|(?<!that )(?<!which )remain\w*|declin\w*|"
                        r"grew|grown|grows?|growing|halved|"
                        r"doubled|" + _MOVED.format("up") + "|" + _MOVED.format("down") + r")\b", re.I)
