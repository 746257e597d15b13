"""Question → the answer the reports give, with its citation, or no answer
and the reason.

The question is understood first (question.py): the organisations, years,
judgment areas and grades it names scope everything that follows. Then the
answer comes from the most reliable source for its kind:

- grades, "which forces …" and comparisons across years: the judgments of
  every report in scope (structured data, not a passage's wording), each
  item with its own citation;
- an acronym: the sentence of the reports that defines it (else the glossary);
- anything else: the sentence of the best passages in scope that covers the
  question's rarer words, read with its table's headers when it is a table
  row, or with the bullets it introduces when it enumerates.

The rule is "the answer is right, or there is no answer": a question about
an organisation or year no report covers is declined with that reason, and
a sentence that does not cover the question well enough is not offered.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from search_service import budget, periods, sentences
from search_service.compare import group_of
from search_service.analysis import ANALYZER, STOP_WORDS, VERB_FORMS, stems_among, stems_of, term_spans
from search_service.index import IndexStore
from search_service.model import (Answer, AnswerItem, Hit, Judgment, Passage, Report, SearchResult, citation,
                                  passage_id)
from search_service.question import (ADVICE_ASKED, AREA_RES as _AREA_RES, AREAS_ALTERNATIVE_RE, AT_DATE_RE, DEADLINE_RE,
                                     HORIZON_RE, INSPECTION_KIND_RE, JUDGMENT_ASKED, LENGTH_ASKED_RE,
                                     MEASURE_ASKED_RE as _MEASURE_ASKED_RE,
                                     MONEY_NOUNS, MONTHS, NOT_DATA, ORGANISATION_NOUNS, PERIOD_YEAR_RE, PILLAR_ASKED, PILLARS,
                                     PROBLEM_ASKED, TYPED_KINDS, Question, aliases, area_concept, concepts_of, core_of,
                                     data_years, every_form, kind_of, known_names, named_organisations, of_years,
                                     report_years, scope_stems, thing_years, understand, years, by_place,
                                     inspection_years, name_patterns, pillars_of, grades_named, without_organisations,
                                     without_their_areas)
from search_service.definitions import ASKED_TERM_RE, Defining, defining
from search_service.grades_table import earlier_table
from search_service.calibration import MIN_CONFIDENCE, calibrated, sentence_evidence, too_rarely_right
from search_service.counts import (ADDED_COUNT_RE, ASKS_HELD_RE, CHANGED_BY_RE, COUNT_WORD, DIFFERENCE_RE, DIGITS_RE,
                                   ELIDED_COUNT_RE, NUMERAL_RE, ORGANISATION_GENERIC, QUALIFIERS, TIME_AFTER_RE,
                                   TIME_UNIT, adds_what_is_counted, clauses, counted_phrase, counts_what_is_asked,
                                   is_plural, joined_to_other, other_side_of_non)
from search_service.semantic import fuse, similarities
from search_service.ranking import live_doc_frequency
from search_service.query import is_question  # noqa: F401  (the pages ask it here)
from search_service.search import export, lead_with, reorder, search
from search_service.rules import CAPTION_RE, DATED_DEADLINE_RE, GRADES, STATED_DEADLINE_RE

# the passages whose sentences are read for an answer: 10, not 8 (the thirty-third pass): on the tuning halves four
# more answers, all right, none lost, the long passage of a section ranking ninth or tenth for its own fact; 12 or 16
# gained no more
CANDIDATE_PASSAGES = 10
TYPED_BONUS = 0.1  # chosen on the tuning half: +4 right answers, +1 wrong
MIN_COVERAGE = 0.6  # share of the question's rarity-weighted terms the answer must hold
STRUCTURED_CONFIDENCE = 0.95  # read from the reports' judgments, not from prose


_NUMBER_WORDS = r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|million|" \
                r"half|third|quarter)"
_NUMBER_RE = re.compile(rf"\b\d[\d,]*(\.\d+)?\s*(%|percent|per cent)?|\b{_NUMBER_WORDS}\b", re.I)
_DATE_RE = re.compile(rf"\b(19|20)\d\d\b|\b{MONTHS}\b|\b(since|between|until|months? to)\b", re.I)
_WHO_RE = re.compile(r"\b([A-Z][a-z]+ ){1,4}(Police|Service|Agency|Unit|Office|Council|Commissioner|Board|Team|"
                     r"Constable|Inspectorate|Partnership|Alliance|Forum|University)\b|\b(HMIC|NCA|ROCU|PCC|CPS)\b")
_DEF_RE = re.compile(r"\([A-Z][A-Za-z]{1,9}\)|\b(means|is defined as|known as|refers to|is an?|are)\b|"
                     r"\b[A-Z]{2,}\s\([A-Z]")
_LAST_WORD_ASKED_RE = re.compile(r"([A-Za-z][\w-]*)\W*$")
# "a monthly demand reduction board", "a quarterly bulletin": the thing asked about held or done so often, whatever
# the question's verb ("How often does the board meet?")
_HELD_SO_OFTEN_RE = re.compile(r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annual|yearly)\s+"
                               r"(?:[\w-]+\s+){0,3}?([\w-]+)(?=\s*[,.;:(]|\s+(?:for|of|in|on|at|with|which|that|who|to|"
                               r"and|is|are|was|were|meets?|met|chaired|run|held)\b)", re.I)  # the noun ending it
_FREQ_RE = re.compile(r"\b(every (\w+ )?(weeks?|months?|days?|weekdays?|mornings?|evenings?|nights?|years?|fortnight|"
                      r"quarter|shift)|daily|weekly|monthly|quarterly|annually|fortnightly|"
                      r"each (day|weekday|week|month|quarter|year|shift)|once a \w+|"
                      r"twice a \w+|\w+ times a \w+|"
                      r"\w+ (?:days|nights|evenings|mornings|weekends) a (?:week|month|year)|"  # "six days a week"
                      r"(?:\w+ times|twice|once) (?:in|per|each|every) (?:\w+ )?\w+|"
                      # a frequency set by reference: "at the frequency the risk assessment requires"
                      r"at the (?:frequency|intervals?) (?:that |which )?(?:the |its |their |each )?\w+|as often as|"
                      r"regular(ly)?)\b", re.I)  # (and "three times in two years")
_DATE_FULL_RE = re.compile(rf"\b\d{{1,2}} {MONTHS} (19|20)\d\d\b|\b(19|20)\d\d\b")
_CAPTION_LABEL_RE = sentences.CAPTION_LABEL_RE
# a list's separators; not a comma before a clause ("… not recorded, from the roughly 82,000 …", "…, which …")
_LIST_RE = re.compile(r"(?!(?<=\d),\d)[,;](?!\s*(?:from|which|who|whom|whose|where|when|but|so|although|though|while|whereas|because|"
                      r"since|unless|if|and|or)\b)|\band\b")
TYPE_PATTERNS = {"number": _NUMBER_RE, "date": _DATE_RE, "who": _WHO_RE, "definition": _DEF_RE,
                 "frequency": _FREQ_RE,
                 # a grade as prose or a table states one: "is good at", "judged to be good", "graded as adequate", a
                 # cell "Good"; not praise ("good analysis", "a good level of understanding" of a topic no grade
                 # covers) nor "412 outstanding suspects" (not yet dealt with)
                 "grade": re.compile(r"(?:\b(?:is|was|are|were|be|been|being|remains?|remained|now|still|not|rated|"
                                     r"judged|graded)\s+(?:(?:to be|as)\s+)?|\bto be\s+|\bas\s+|(?-i:(?<![\w,] )"
                                     r"(?=[A-Z])))(?<!there is )(?<!there are )(?<!there was )(?<!there were )"
                                     r"(?:outstanding|good|adequate)"
                                     r"(?=\s+(?:at|in|overall|and)\b|[^\S\n]*(?:[.,;:)\n]|$)|\s{2,})|"
                                     r"\b(?:requires?|required) improvement\b|\binadequate\b", re.I)}
# a part of a force area named as where a figure holds ("in the Ashmere Vale estate")
_LOCAL_PART_RE = re.compile(r"\b(?:in|on|at|across)\s+(?:the\s+)?((?-i:[A-Z][\w’'-]+)(?:\s+(?-i:[A-Z][\w’'-]+))*)"
                            r"\s+(?:estates?|wards?|district|neighbourhood|town centre|city centre)\b", re.I)
_ASKS_SCALE_RE = re.compile(r"\b(?:scale|grades|tiers?)\b", re.I)
# "What was wrong with …?", "What went wrong …?": a question asking for failings (a cue, and a rule on the answer)
_WRONG = r"(?:is|was|are|were|went|goes|go) wrong"
# words that only say what kind of answer is wanted
# the document a question names as its source: "according to its PEEL 2023–25 crime data audit", "for the rural
# crime inspection" (group 1: its own words; not "in the stop and search part of the inspection")
_DOCUMENT_NAMED = (r"(?:according to|(?:in|at|during|from|for) (?:its|the|their|hmic(?:frs)?[’']s|"
                   # "in Eastmoor's 2021/22 crime data audit", not "in Harrowmere's queue … during the 2016 inspection"
                   r"(?-i:[A-Z][a-z]+)[’']s(?=(?:\s+[\w/–-]+){0,4}\s+(?:reports?|inspections?|audits?|assessments?)\b)))"
                   r"((?:(?!\bof\b)[^?,;()]){0,60}?)\b(?:reports?|inspections?|audits?|assessments?|thematic)")
_CUE_WORDS = re.compile(r"\b(stand(s)? for|mean(s|t|ing)?|define[ds]?|definition|(?<=what )counts as|grade[ds]?|"
                        r"graded|rated|judg(e)?ments?|judged|"
                        # the document the answer comes from scopes the question; its words are not asked
                        rf"{_DOCUMENT_NAMED}|"
                        r"according to|"
                        r"reports?(?!\s+(?:to|back)\b)|inspections?|hmic(frs)?|inspectorate|force area|"
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
_LATEST_RE = re.compile(r"\b(most recent|latest|current(ly)?|now|today)\b", re.I)
_CELL_SPLIT = re.compile(r"\s{2,}")


@dataclass
class Declined:
    """A path that knows the question is its own but that the reports cannot
    answer it says why, and no later path guesses instead."""
    reason: str


@dataclass
class Asked:
    answer: Answer | None
    result: SearchResult
    question: Question
    declined_reason: str | None = None
    # the rules' pick when calibration withheld it (its kind of evidence right too rarely): not shown; the
    # evaluation judges it, so a withheld kind keeps a record and can earn its way back
    withheld: Answer | None = None


def answer_type(q: str) -> str | None:
    """The kind of answer a question wants (question.kind_of), None for a plain sentence."""
    kind = kind_of(q)
    return None if kind == "sentence" else kind


def ask(store: IndexStore, q: str, page: int = 1, per_page: int = 10,
        filters: dict | None = None) -> tuple[Answer | None, SearchResult]:
    """The answer and its passages, as ``/api/ask`` gives them (no facet counts)."""
    asked = answer_question(store, q, page=page, per_page=per_page, filters=filters, facets=False)
    return asked.answer, asked.result


def answer_question(store: IndexStore, q: str, page: int = 1, per_page: int = 10,
                    filters: dict | None = None, facets: bool = True) -> Asked:
    """The answer (or None and why) and the passages shown with it, from
    the reports the question (or the filters) scope; with the facet counts
    of those passages unless ``facets`` is False (the web page shows them,
    the JSON answer does not: a tenth of a question's time at 100,000
    passages)."""
    with store.searcher():
        reports = store.reports()
        names = store.cached("question-names", lambda: known_names(reports))
        question = understand(q, reports, names)
        scope = filters or question.filters or None
        if question.declined:
            return Asked(None, search(store, q, page=page, per_page=per_page, filters=scope, facets=facets),
                         question, question.declined)
        top, answer = _answer(store, question, scope, per_page, facets)
        if not filters and not _offered(answer):
            # "Fenmoor's response times": a place named bare means its force, unless only its fire and rescue
            # service's report answers (or the other way round)
            other = understand(q, reports, names, namesake=True)
            if other is not None and not other.declined:
                other_top, other_answer = _answer(store, other, other.filters or None, per_page, facets)
                if _offered(other_answer):
                    question, scope, top, answer = other, other.filters or None, other_top, other_answer
        # the first page shows the passages the answer was sought in; later pages go on by keyword rank
        result = top if page == 1 else search(store, q, page=page, per_page=per_page, filters=scope,
                                              facets=facets)
        if isinstance(answer, Declined):
            return Asked(None, result, question, answer.reason)
        if answer is not None:
            pick, answer = answer, calibrated(answer)
            if answer is None:
                return Asked(None, result, question, "The closest sentence of the reports is too rarely right for "
                             "this kind of question to be offered as its answer; the closest passages are below.",
                             withheld=replace(pick, evidence=pick.evidence or pick.basis))
        if answer is None and question.kind == "grade" and question.organisations and _structured(question) and \
                not _ASKS_WHY_RE.match(question.text):
            names = " and ".join(question.organisations)
            labels = ", ".join(sorted({_label(r) for r in question.reports}))
            return Asked(None, result, question,
                         f"None of the indexed reports on {names} ({labels}) gives a grade for this; "
                         "the closest passages are below.")
        if answer is None:
            reason = ("No passage of the reports answers this clearly enough; the closest passages are below."
                      if result.hits else "Nothing in the reports matches this question.")
            return Asked(None, result, question, reason)
        result = lead_with(store, result, [answer.passage_id] + [i.passage_id for i in answer.items])
        return Asked(_say_if_older(question, answer), result, question)


def _answer(store, question: Question, scope, per_page: int, facets: bool):
    """The passages a question's answer is sought in, and the answer the first rule that can gives (an
    Answer, a Declined, or None)."""
    top = _by_meaning(store, question, scope, per_page, facets)
    if question.graded_before:
        return top, _graded_before(store, question)
    return top, (_ungraded_document(store, question)
                 or _from_findings(store, question)
                 or _every_grade(store, question)
                 or _from_judgments(store, question, top)
                 or _definition(store, question, scope)
                 or _ranked(store, question)
                 or _inspected_list(store, question)
                 or _mention_list(store, question)
                 or _per_report(store, question)
                 or _signatory(store, question)
                 or _inspected_when(store, question)
                 or _published_when(store, question)
                 or _sentence(store, question, top))


_GRADING_STEMS = stems_of("grade graded grading judged judgment")  # (not "rated": a rate is a measure)
_QUANTIFIER_STEMS = stems_of("all every each any some none")  # how many are asked of: a row's figures say


def _ungraded_document(store, question: Question) -> Declined | None:
    """A grade asked of a document that grades nothing ("How many forces were graded inadequate in the rural crime
    inspection?"): another report's judgments do not answer it."""
    if not (question.grades or question.kind == "grade"):
        return None
    words = _document_words(store, question)
    named = [r for r in store.reports() if words <= stems_of(r.title)] if words else []
    if not named or any(r.judgments for r in named):
        return None
    titles = "; ".join(dict.fromkeys(r.title for r in named))
    return Declined(f"{titles} gives no graded judgments; the closest passages are below.")


def _offered(answer) -> bool:
    """Is this an answer the card would show (not declined, confident enough for its kind)?"""
    return isinstance(answer, Answer) and calibrated(answer) is not None


def _say_if_older(question: Question, answer: Answer) -> Answer:
    """An answer about a named organisation, with no year asked, from a report
    older than its most recent one says so: the newer report may tell
    otherwise ("From the 2016 report; the most recent indexed report on
    Eastmoor Police is 2021/22.")."""
    if not question.latest_only or answer.note or answer.items and len(answer.items) > 1:
        return answer
    own = [r for r in question.reports if r.year and r.force]  # its own reports, not a thematic on several
    source = next((r for r in own if r.id == answer.report_id), None)
    if source is None or own[0].year <= source.year:
        return answer
    return replace(answer, note=f"From the {_label(source)} report; the most recent indexed report on "
                                f"{source.force} is from {_label(own[0])}.")


# "Which forces …?", "What are the five forces …?": answered by a sentence that names them
_ASKS_ORGANISATIONS_RE = re.compile(rf"\s*(?:which|what)(?: (?:are|were) the(?: \w+)?)?(?: of the)?"
                                    rf"(?: {COUNT_WORD})? "  # "Which five forces"
                                    rf"(?:{ORGANISATION_NOUNS})\b", re.I)
NAMES_ASKED_BONUS = 0.05
PERCENT_BONUS = 0.1  # a share asked as a percentage, given as one
COMPARED_BONUS = 0.1  # a count asked at two times, given with the one it is compared with
# "what share / proportion / percentage of …": a share asked, given best as a percentage; also asked as a fraction
# or a rate (`_SHARE_ASKED_RE`)
_SHARE_ASKED = r"\b(?:what|which) (?:percentage|share|proportion)\b|\bwhat per ?cent\b|\bhow many per ?cent\b"
_PERCENT_ASKED_RE = re.compile(_SHARE_ASKED, re.I)
_PERCENT_RE = re.compile(r"\d\s*%|\bper ?cent\b", re.I)
_PERCENT_OF = r"\d\s*(?:%|per ?cent)\s+of"  # a percentage and the "of" before its whole: "74 percent of officers"
# a share in any of its forms: "74 percent", "96 of the 100 reports", "one in five callers", "one incident in seven",
# "two thirds", "most", a rate
_SAYS_SHARE_RE = re.compile(rf"\d\s*%|\bper ?cent\b|\b{COUNT_WORD}\s+(?:[\w-]+\s+){{0,2}}?(?:of|in|out of)\s+"
                            rf"(?:the\s+|these\s+|those\s+|its\s+|every\s+)?{COUNT_WORD}\b|"
                            r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|majority|minority|"
                            r"most|all|none|nobody|every|rates?|ratio|proportion|share)\b", re.I)
_SHARE_OF_ASKED_RE = re.compile(r"\b(?:percentage|share|proportion) of (?:the |all |its |their )?([\w-]+)", re.I)
_SHARE_OF_RE = re.compile(rf"{_PERCENT_OF}\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:[\w-]+\s+){{0,2}}[\w-]+)",
                          re.I)


# the whole a share is asked of: "What share of Fenmoor Constabulary's recorded crime is …?" (crime)
_SHARE_WHOLE_RE = re.compile(r"\b(?:percentage|share|proportion|fraction)\s+of\s+(?:(?:the|all|its|their)\s+)?"
                             r"((?:(?!(?:is|are|was|were|does|do|did|has|have|had|in|at|for|by|that|which|who|across|"
                             r"within|with|made|make|makes)\b)[\w’'&-]+\s*){1,8})", re.I)


_CAPITALS_RE = re.compile(r"[A-Z]{2,}s?")
_SHARE_WHOLE_ENDS = frozenset(("about", "than", "on", "of", "from", "to", "into", "over", "under", "per", "after",
                               "before", "since", "during", "between"))


# what a share is asked to be of its whole: "What proportion of Dunmere's firefighters are on-call?" (on-call)
# (the verb right after the whole, and what follows it up to a clause of its own: "… did Tollbridge record when it was
# inspected in 2014?" asks no part to be inspected)
_PART_VERB = r"is|are|was|were|had|have|has|got|get|gets|received|receive|receives"  # what the part is or has
_SHARE_PART_RE = re.compile(r"\b(?:percentage|share|proportion|fraction)\s+of\s+"
                            rf"(?:(?!(?:{_PART_VERB}|did|do|does|that|which|who|when)\b)[\w’'&-]+\s+){{1,8}}"
                            rf"(?:{_PART_VERB})\s+"
                            r"((?:(?!(?:when|while|after|before|since|during|according)\b)[^?])+)", re.I)


def _share_part_stems(question: Question) -> frozenset[str]:
    """The stems of what a share question asks its part to be or have, without the years and names that scope it:
    a sentence giving a share must say one of them ("93 percent were up to date with their breathing apparatus
    training" is no share of on-call firefighters)."""
    m = _SHARE_PART_RE.search(question.text)
    if not m:
        return frozenset()
    return frozenset(stems_of(re.sub(r"\b(?:19|20)\d\d(?:/\d\d)?\b", " ", m.group(1)))) - scope_stems(question)


def _share_whole(question_text: str) -> str:
    """The stem of the noun a share is asked of ("crime"), or "": the
    organisation's name before it is no part of it ("Fenmoor Fire and
    Rescue Service staff", "Fenmoor Constabulary's recorded crime")."""
    m = _SHARE_WHOLE_RE.search(question_text)
    words = []
    for word in m.group(1).split() if m else []:
        if word[:1].isupper() and not _CAPITALS_RE.fullmatch(word) or word.lower() in ("and", "&", "of") \
                or word.endswith(("'s", "’s")):
            words = []  # a name, or a name's possessive: the whole comes after it ("OCGs" is the whole)
            continue
        if words and word.lower().endswith(("ed", "ly")) or word.lower() in _SHARE_WHOLE_ENDS:
            break  # "crimes closed", "OCGs nationally", "notices about children": the noun came before
        words.append(word)
        if is_plural(word):
            break  # "public protection notices": the first plural ends the noun
    stems = stems_of(words[-1]) if words else set()
    return next(iter(stems)) if len(stems) == 1 else ""


def _share_of_a_part(sentence: str, counted: frozenset[str], asked: frozenset[str]) -> bool:
    """Is every share the sentence gives of the thing asked a share of a part of it ("79.4 percent of violent
    crimes", asked "what percentage of crimes"): its noun qualified by a word the question does not use?"""
    parts = []
    for m in _SHARE_OF_RE.finditer(sentence):
        words = []  # the words of the noun phrase, up to the thing asked
        for word in m.group(1).split():
            words.append(word)
            if stems_of(word) & counted:
                parts.append(bool(stems_of(" ".join(words)) - counted - asked - QUALIFIERS))
                break
    return bool(parts) and all(parts)


# a share and the words after its "of", to the sixth: what it is a share of ("74 percent of officers", "46 percent of
# them did")
# (a share as a count of a whole too: "96 of the 100 reports we examined")
_SHARE_OF_WORDS_RE = re.compile(rf"(?:{_PERCENT_OF}|\b\d[\d,]*\s+of\s+(?:the\s+)?\d[\d,]*)\s+"
                                r"((?:[\w’'-]+[ \t]*){1,6})", re.I)
_POINTING_WORDS = frozenset(("them", "these", "those", "it", "this", "that", "which", "whom"))


def _share_wholes(sentence: str) -> list[list[str]]:
    """The words after each share's "of" in a sentence, lower case."""
    return [m.group(1).lower().split() for m in _SHARE_OF_WORDS_RE.finditer(sentence)]


_SHARE_OF_WHO_RE = re.compile(rf"{_PERCENT_OF}\s+(?:[\w’'-]+\s+){{0,3}}?(?:who|that|which)\s+"
                              r"(?:had\s+|have\s+|has\s+|were\s+|was\s+)?([a-z]{3,})", re.I)


def _done_asked(question_text: str, weights: dict[str, float]) -> frozenset[str]:
    """The stems of what a share question asks done ("answered" of "What share of staff answered the survey?"),
    none when it asks a share of those who did something ("of staff who answered …", "of children returning
    from …")."""
    if re.search(r"\b(?:who|that|which)\b", question_text, re.I):
        return frozenset()
    modifying = {st for w in re.findall(r"\b[a-z]+ing\b", question_text, re.I) for st in stems_of(w)}
    return frozenset(set(weights) - modifying)


# "What share of reported crimes does Harrowmere record?": the verb a share question ends on, what its whole has done
_SHARE_VERB_ASKED_RE = re.compile(r"\b(?:share|percentage|proportion) of\b[^?]*\b(?:does|do|did)\s+(?:[\w'’-]+\s+){1,5}?"
                                  r"([a-z]+)\s*\??\s*$", re.I)


@lru_cache(maxsize=1024)
def _share_verb_asked(question_text: str) -> frozenset[str]:
    """The stems of the verb a share question ends on, read once a question."""
    asked = _SHARE_VERB_ASKED_RE.search(question_text)
    return frozenset(stems_of(asked.group(1))) if asked else frozenset()


def _verb_only_qualifies(sentence: str, question_text: str) -> bool:
    """Does the sentence use the verb a share question ends on only to qualify a noun ("one in nine recorded
    crimes", asked "What share of reported crimes does Harrowmere record?"), saying nothing of its being done?"""
    verb = _share_verb_asked(question_text)
    uses = [m for m in re.finditer(r"[A-Za-z][\w’'-]*", sentence) if verb and stems_of(m.group(0)) == verb]
    return bool(uses) and all(re.match(r"\s+(?!(?:by|to|in|on|at|for|from|with|as|and|or|but|that|which|who|than)\b)"
                                       r"[a-z]", sentence[m.end():]) and m.group(0).lower().endswith("ed")
                              for m in uses)


def _done_by_the_whole(sentence: str, done: frozenset[str]) -> bool:
    """Is what the question asks done (``_done_asked``) said only of a share's whole ("88 percent of staff who
    answered the survey said …")?"""
    for m in _SHARE_OF_WHO_RE.finditer(sentence) if done else ():
        verb = stems_of(m.group(1)) & done
        if verb and not verb & stems_of(sentence[:m.start()] + " " + sentence[m.end():]):
            return True
    return False


_CHANGE_CELL_RE = re.compile(r"(?:^|[:;])\s*(?:change|difference|increase|decrease|rise|fall)\b[^;]*?\d\s*%", re.I)
_PERCENT_CELL_RE = re.compile(r"\d\s*%")


def _only_changes(row: str) -> bool:
    """Are a table row's percentages all in its change columns ("…; Change −7.6%")?"""
    return bool(_CHANGE_CELL_RE.search(row)) and len(_CHANGE_CELL_RE.findall(row)) == len(_PERCENT_CELL_RE.findall(row))


def _shares_of_another(sentence: str, whole: str, question_text: str) -> bool:
    """Does the sentence give its shares only of other things than the whole asked about ("74 percent of
    officers", asked what share of sergeants …; "61 percent of emergency calls", asked what share of non-emergency
    calls): a share of them is no share of the whole?"""
    wholes = _share_wholes(sentence)
    return bool(wholes) and not _SHARE_OF_ANY_RE.search(sentence) and not any(
        words[0] in _POINTING_WORDS or whole in stems_of(" ".join(words))
        and not other_side_of_non(question_text, " ".join(words)) for words in wholes)


# a percentage of these is one of whatever the sentence counts: "attended emergency incidents … in 88 percent of
# cases" (not a count of a sample: "in 47 of 50 cases" are cases of what its clause says)
_SHARE_OF_ANY_RE = re.compile(rf"{_PERCENT_OF}\s+(?:the\s+)?(?:cases|instances|occasions)\b", re.I)


def _share_leans_back(said: str, whole: str, previous: str) -> bool:
    """Is the sentence's share one of what the sentence before counts ("… interviews are meant to take place
    within 72 hours. In the first half of 2024, only 46 percent of them did"), the whole asked not its own (nor
    "61 percent of those who attend", some of those its own sentence names)?"""
    pointing = any(words[0] in ("them", "these", "those")
                   and " ".join(words[1:2]) not in ("who", "which", "that", "whose") for words in _share_wholes(said))
    return bool(whole) and pointing and whole not in stems_of(said) and whole in stems_of(previous)


HYBRID_POOL = 30  # lexical candidates re-ranked by meaning
SCOPED_REPORTS = 3  # a question about this few reports has every passage of them re-ranked


def _by_meaning(store, question: Question, scope, per_page: int, facets: bool = True) -> SearchResult:
    """The best passages for a question: its lexical matches and, when it is
    about a few reports, every passage of them, ranked by reciprocal rank
    fusion of their BM25 rank and their closeness in meaning to the question
    ("personal mobiles" finds "their own phones")."""
    pool = search(store, in_report_words(question, by_place(without_their_areas(question.text, question), question)),
                  per_page=max(HYBRID_POOL, per_page),
                  filters=scope, snippets=False,
                  facets=facets)
    lexical = {h.passage.id: h.rank for h in pool.hits}
    passages = [h.passage for h in pool.hits]
    if question.organisations and 0 < len(question.reports) <= SCOPED_REPORTS:
        seen = set(lexical)
        for r in question.reports:
            passages += [p for p in store.passages(r.id) if p.id not in seen]
    ordered = fuse(_content(question) or question.text, passages, lexical)[:per_page]
    result = reorder(store, replace(pool, per_page=per_page), [p.id for p, _ in ordered])
    fused = {p.id: round(score, 6) for p, score in ordered}
    for hit in result.hits:
        hit.score = fused[hit.passage.id]  # the score of the order shown
    return result


# ------------------------------------------------------------------ judgments

def _label(r: Report) -> str:
    return r.inspection_year or (str(r.year) if r.year else r.title)


def judgment_concepts(area: str) -> set[str]:
    if area == "Overall":
        return {"overall"}
    found = concepts_of(area) or ({own} if (own := area_concept(area)) else set())  # question.named_areas
    if area.lower() in PILLARS:
        found.add("pillar:" + area.lower())
    return found


WORD_TIE = 0.01  # per word an area shares with the question: breaks ties only (a concept counts 1, an extra 0.1)


def _match(question: Question, report: Report) -> Judgment | None:
    """The judgment of ``report`` the question asks about, if it names one."""
    best, best_score = None, 0.0
    wanted = set(question.concepts)
    pillars = {"pillar:" + p for p in question.pillars}
    words = stems_of(question.text)
    for j in report.judgments:
        have = judgment_concepts(j.area)
        if wanted - {"overall"}:
            shared = (wanted - {"overall"}) & have
            # of two areas sharing the concept, the one sharing more of the question's words ("planning for the
            # future": "How well is the force planning for demand in the future?", not "… likely future demand?")
            score = len(shared) - 0.1 * len(have - wanted) + (WORD_TIE * len(words & stems_of(j.area)) if shared else 0)
        elif pillars:
            # a pillar report's overall grade is its pillar's grade
            pillar_report = j.area == "Overall" and any(p.split(":")[1] in report.inspection.lower() for p in pillars)
            score = 1.0 if (have & pillars or pillar_report) else 0.0
        elif "overall" in wanted:
            score = 1.0 if j.area == "Overall" else 0.0
        else:
            score = 0.0
        if score > best_score:
            best, best_score = j, score
    asked = {c for c in wanted if not c.startswith("area:")} - {"overall"}  # what it asks about, not by which name
    if best_score <= 0.5 and asked and asked <= concepts_of(report.inspection):
        # "its grade for crime data integrity", of a crime data integrity inspection: what the whole report
        # grades, when no area of it does
        best, best_score = next((j for j in report.judgments if j.area == "Overall"), None), 1.0
    return best if best_score > 0.5 else None


def _newest_matches(question: Question, reports: list[Report]):
    """The (report, judgment) pairs the question asks about, newest first ("most recent report" when no year is
    named); but where a report grades only part of what is asked, first an older report of the same organisation
    grading all of it: "ensuring its workforce behaves ethically" is the 2017 area of that name, not the 2021/22
    one about the workforce only. Lazily: most questions take the first."""
    asked = set(question.concepts) - {"overall"}
    for i, report in enumerate(reports):
        if (j := _match(question, report)) is None:
            continue
        if not asked <= judgment_concepts(j.area):
            yield from ((older, k) for older in reports[i + 1:] if older.force == report.force
                        and (k := _match(question, older)) is not None and asked <= judgment_concepts(k.area))
        yield report, j


def _grade_sentence(store, p: Passage, grade: str) -> str:
    """The sentence of a judgment's passage that states the grade, if one does."""
    word = grade.lower().replace("requires", "requir")
    for a, b in sentences.split(store.sentence_tokenizer(), p.text):
        s = p.text[a:b]
        if word in s.lower() and len(s) < 400:
            return " ".join(s.split())
    return ""


def _area_name(j: Judgment) -> str:
    return "Overall judgment" if j.area == "Overall" else j.area


def _item(store, report: Report, j: Judgment) -> AnswerItem | None:
    p = store.passage(j.passage_id) if j.passage_id else None
    if p is None:
        return None
    area = _area_name(j)
    return AnswerItem(text=f"{j.grade}: {report.force or report.title}, {_label(report)} — {area}",
                      report_id=report.id, passage_id=p.id, citation=citation(report, p), report_title=report.title,
                      organisation=report.force, year=_label(report), value=j.grade,
                      quote=_grade_sentence(store, p, j.grade), area=area)


def _structured(question: Question) -> bool:
    return bool(question.concepts or question.pillars or (question.grades and question.kind == "list"))


# Words that ask for a grade whatever else the question says. "Better", "worse" and "improved" do not: "Has
# Eastmoor got better at examining phones for investigations?" asks about phones, not the investigating grade;
# they ask for the grade only when the question names nothing but the area (_only_area).
_GRADE_INTENT = re.compile(r"\b(grades?|graded|rated|rating|judg\w*|how good|"
                           r"how well (.* )?(do|does|did|is|was|perform)|how (effective|efficient|legitimate)|"
                           r"how (did|does|do|is|was) .+ do(ing)? (on|at|in|for)|"
                           rf"performance|{JUDGMENT_ASKED}|{PILLAR_ASKED})\b", re.I)
# "How effective is stop and search?": a pillar's adjective said of a thing, not of a force or a report
_PILLAR_OF_RE = re.compile(rf"\bhow (?:effective|efficient|legitimate)\b|{PILLAR_ASKED}", re.I)


_GRADE_ONLY_WORDS = re.compile(r"\b(any|anything|ever|area|areas|parts?|aspects?|topics?|forces?|services?|police|fire|"
                               r"rescue|get|got|getting|"
                               r"given|been|become|became|receive[ds]?|award\w*|grade|grades|graded|rated|judged|"
                               r"for|at|in|on|worse|better|go up or down|still|"
                               r"best|worst|most|least|poorest|weakest|strongest)\b", re.I)


def _only_area(store, question: Question) -> bool:
    """Does the question name nothing but an organisation, years and a
    judgment area ("Northshire investigating crime 2016 vs 2017?")? Then
    it asks for the grade."""
    rest = _GRADE_ONLY_WORDS.sub(" ", _COMPARE_WORDS.sub(" ", _content(question)))
    for rx in _AREA_RES:
        rest = rx.sub(" ", rest)
    reports = question_reports_all(store, question) if question.organisations else store.reports()
    areas = " ".join(j.area for r in reports for j in r.judgments)  # "Investigating crime": crime is the area's
    return not ({t.text for t in ANALYZER(rest, mode="query")} - scope_stems(question)
                - {t.text for t in ANALYZER(areas, mode="query")})


def _grade_only(question: Question) -> bool:
    """"Has any fire service been rated outstanding?", "Has Northshire ever
    been graded inadequate?": a grade named and nothing else asked about
    (not "… outstanding for its use of drones")."""
    rest = _GRADE_ONLY_WORDS.sub(" ", _content(question))
    rest = re.sub(r"\b(outstanding|good|adequate|requires?|requiring|improvement|inadequate)\b", " ", rest, flags=re.I)
    # "Which of Holmbridge's child protection areas …?": the words of the named organisation's reports' titles
    # say which inspection, not what it was graded for
    titles = set().union(*map(_inspection_words_of, question.reports)) if question.organisations else set()
    return bool(question.grades) and not ({t.text for t in ANALYZER(rest, mode="query")} - scope_stems(question)
                                          - titles)


_ASKS_WHEN_GRADED_RE = re.compile(r"\s*when\s+(?:is|are|would|will|does|do)\s+(?:an?\s+|any\s+)?(?:(?:fire(?: and rescue)?|"
                                  r"police)\s+)?(?:force|forces|service|services|constabular\w*|organisations?)\b", re.I)
_STANDARD_SAID_RE = re.compile(r"\b(?:standards?|expect\w*|short of|beyond|in which case|because)\b", re.I)
_REPORT_PILLAR_RE = re.compile(r"\b(effectiveness|efficiency|legitimacy)\s+(inspection|report|assessment)s?\b", re.I)


def _from_judgments(store, question: Question, result: SearchResult) -> Answer | Declined | None:
    if question.kind not in ("grade", "list", "comparison", "yesno") or question.recalled:
        return None  # (a later report's own grades say nothing of the earlier inspection asked about)
    if _ASKS_WHY_RE.match(question.text) or _ASKS_WHEN_GRADED_RE.match(question.text):
        return None  # "Why was it graded inadequate …?" asks the reasons, which the grade does not give; "When is a
        # force judged inadequate?" the standard, not which forces were
    if question.pillars and question.grades and len(_REPORT_PILLAR_RE.findall(question.text)) >= len(question.pillars):
        # "Was Harrowmere inadequate at anything in its 2016 efficiency inspection?": the pillar names the
        # report, and the question asks about every judgment in it
        question = replace(question, pillars=set())
    if question.kind == "grade" and not (question.organisations or question.years or question.titles
                                         or question.grades or question.concepts) and _PILLAR_OF_RE.search(
            question.text) and not re.search(rf"\b(?:{ORGANISATION_NOUNS})\b", question.text, re.I):
        return None  # "How effective is stop and search?" is not the effectiveness grade of whichever report is found
    any_area = not (question.concepts or question.pillars) and _grade_only(question)
    if not (_structured(question) or any_area):
        return None
    side = _areas_side_by_side(store, question)
    if side is not None:
        return side
    if not (question.grades or _GRADE_INTENT.search(question.text) or _only_area(store, question)):
        return None  # "Has Eastmoor extended offender management?" is about the scheme, not a grade
    if question.kind == "list" or (question.grades and not question.organisations) or any_area:
        # "Has any force been graded outstanding for …?" asks which ones are
        found = _judgment_list(store, question)
        if found is None and question.grades:
            # every judgment of every report in scope was read: a passage cannot say otherwise
            scope = " or ".join(question.organisations) or "any organisation"
            area = "in any area" if any_area else "for this"
            ungraded = None if question.concepts or question.pillars else _UNGRADED_AREA_RE.search(question.text)
            if ungraded:  # "good at tackling fraud": say which words no graded area matches
                return Declined(f"No indexed report grades “{ungraded.group(1).strip()}”: it is not one of the "
                                "areas the inspections grade; the closest passages are below.")
            return Declined(f"No indexed report grades {scope} {' or '.join(question.grades).lower()} {area}"
                            f"{' in ' + ', '.join(map(str, question.years)) if question.years else ''}; "
                            "the closest passages are below.")
        if found and question.kind == "yesno":
            found = replace(found, text="Yes — " + found.text)
        return found
    reports = question.reports if question.organisations else [
        store.report(rid) for rid in dict.fromkeys(h.report.id for h in result.hits)]
    reports = [r for r in reports if r and r.judgments]
    if question.kind == "comparison":
        if not question.organisations:
            return None  # "Which forces got better at …?" asks for changes; one report's grade shows none
        if _ASKS_CHANGE_RE.search(question.text) and not _GRADE_INTENT.search(question.text):
            return None  # "Did antisocial behaviour go up between 2019 and 2023?": a measure, not a grade
        found = _comparison(store, question, reports)
        if isinstance(found, Declined) and not _GRADE_INTENT.search(question.text):
            # "Has Northshire's crime recording improved?" asks no grade: one report's sentence may state the change
            # ("This is an improvement on the 89.1 percent we found in 2019")
            return _sentence(store, question, result) or found
        return found
    if question.kind == "yesno" and not question.grades:
        return None
    for report, j in _newest_matches(question, reports):
        item = _item(store, report, j)
        if item is None:
            continue
        p = store.passage(item.passage_id)
        text = _graded_text(question, j.grade, _area_name(j), report.force or report.title, _label(report))
        graded = [r for r in question.reports if r.judgments]  # newest first
        note = "" if not question.latest_only or len(graded) < 2 else \
            "From the most recent report on this organisation." if report.id == graded[0].id else \
            "From the most recent report on this organisation that grades this."  # (a newer one grades other areas)
        return Answer(text=text, passage_id=p.id, report_id=report.id, citation=citation(report, p),
                      confidence=STRUCTURED_CONFIDENCE, kind="grade", items=[item], note=note, basis="judgments")
    return None


# "Which areas …?", "Which of Holmbridge's child protection areas …?"
_ASKS_AREAS_RE = re.compile(r"\b(which|what|how many)(?: of)? "
                            r"(?:(?!(?:was|were|is|are|did|does|do|has|have)\b)[\w'’-]+ ){0,4}?"
                            r"(areas?|parts?|aspects?|questions?|topics?)\b", re.I)
# what a question for a report's every grade says besides its scope: "What grades did Holmbridge Police get?",
# "Which five topics does the child protection inspection of Holmbridge grade?", "How was Eastmoor graded?"
_EVERY_GRADE_WORDS = re.compile(r"\b(areas?|parts?|aspects?|questions?|topics?|pillars?|themes?|headings?|"
                                r"grades?|graded|grading|ratings?|rated|judg\w*|assess\w*|scores?|scored|"
                                r"inspect\w*|hmic(frs)?|reports?|gave|give[ns]?|get|got|received?|awarded|"
                                r"each|every|all|its|their|how|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                                re.I)
_WORST_WORDS = ("worst", "lowest", "poorest", "weakest")
_EXTREME_GRADE_RE = re.compile(r"\b(worst|lowest|poorest|weakest|best|highest|strongest)\b", re.I)
_GRADE_EXTREME_ASKED_RE = re.compile(r"\b(worst|poorest|weakest|best|strongest|most|least)\b", re.I)
_EVERY_GRADE_ASKED = re.compile(r"\b(grades?|graded|grading|ratings?|rated|judg\w*)\b", re.I)


def _every_grade(store, question: Question) -> Answer | None:
    """"What grades did Holmbridge Police get?", "Which areas did its fire
    inspection grade?": every judgment of the organisation's report (its
    most recent graded one unless a year is named), each with the passage
    that states it. Only when the question names no area, no pillar and no
    grade, and asks nothing but the grades (the words of the report's own
    inspection name aside)."""
    if question.recalled:
        return None  # a later report's grades are its own, not the earlier inspection's
    named_pillars = set()
    if question.pillars and len(_REPORT_PILLAR_RE.findall(question.text)) >= len(question.pillars):
        # "its 2016 efficiency inspection" names the report: its pillar is no area asked
        named_pillars, question = question.pillars, replace(question, pillars=set())
    extreme = _EXTREME_GRADE_RE.search(question.text)
    kinds = ("grade", "list", "enumeration") + (("definition", "sentence") if extreme else ())
    if question.kind not in kinds or not question.organisations or \
            question.concepts or question.pillars or question.grades or _ASKS_WHY_RE.match(question.text):
        return None
    if not _EVERY_GRADE_ASKED.search(question.text):
        return None
    graded = [r for r in question.reports if r.judgments
              and all(p in f"{r.inspection} {r.title}".lower() for p in named_pillars)]
    if question.years:  # the report of the year named, not the nearest one (what a passage may answer from)
        graded = of_years(graded, question.years)
    if not graded:
        return None
    report = graded[0]  # newest first
    content = _EXTREME_GRADE_RE.sub(" ", _content(question)) if extreme else _content(question)
    rest = {t.text for t in ANALYZER(_EVERY_GRADE_WORDS.sub(" ", content), mode="query")}
    if rest - _inspection_words(question, [report]) - scope_stems(question):
        return None  # "What grade did it get for its use of drones?" asks about something
    judgments = sorted(report.judgments, key=lambda j: j.area != "Overall")  # the overall judgment first
    if extreme:
        # "What is the worst graded area for Northshire?": the areas with its lowest grade (the overall
        # judgment is no area), every one of them if several share it
        areas = [j for j in judgments if j.area != "Overall" and j.grade in GRADES] or judgments
        ranks = [GRADES.index(j.grade) if j.grade in GRADES else 0 for j in areas]
        wanted = max(ranks) if extreme.group(1).lower() in _WORST_WORDS else min(ranks)
        judgments = [j for j, rank in zip(areas, ranks) if rank == wanted]
    items = [item for j in judgments if (item := _item(store, report, j))]
    if not items:
        return None
    who = report.force or report.title
    listed = "; ".join(f"{_area_name(j)} — {j.grade}" for j in judgments)
    first = items[0]
    note = ("From the most recent report on this organisation that gives grades." if question.latest_only
            and len(graded) > 1 else "")
    return Answer(text=f"{who}, {_label(report)} ({report.inspection}): {listed}", passage_id=first.passage_id,
                  report_id=report.id, citation=first.citation, confidence=STRUCTURED_CONFIDENCE, kind="list",
                  items=items, note=note, basis="judgments")


# a grade at something no graded area is recognised as ("inadequate at water rescue"), not at anything at all
# ("outstanding for anything", "good overall", "inadequate in 2016", "in their latest report"; "which areas was it
# graded good at in 2021/22?", whose area is what is asked)
_UNGRADED_AREA_RE = re.compile(r"\b(?:outstanding|good|adequate|requir\w* improvement|inadequate)\s+(?:at|for|on|in)\s+"
                               r"(?!(?:any|anything|everything|all|overall|their|its|the|a|an|some|at least|in|at|on|for|by|during)\b)"
                               r"(?!(?:19|20)\d\d)([a-z][^?]*)", re.I)


_SERVICES_ASKED_RE = re.compile(r"\s*(?:which|what)\s+services?\b(?![^?]*\b(?:forces?|police|constabular))", re.I)


def _judgment_list(store, question: Question) -> Answer | None:
    """"Which forces were rated inadequate at …": every graded report that
    says so, each with its report and the passage that gives the grade."""
    text = question.text.lower()
    reports = [r for r in store.reports() if r.judgments]
    if question.organisations:
        reports = [r for r in reports if set(question.organisations) & set(r.organisations or [r.force])]
    if question.years:
        reports = of_years(reports, question.years)
    if question.fire or _SERVICES_ASKED_RE.match(text):  # "Which services …?": fire and rescue services, as a
        # police force is a force
        reports = [r for r in reports if r.organisation_type == "fire and rescue service"]
    elif re.search(r"\b(forces?|police|constabular)", text):
        reports = [r for r in reports if r.organisation_type != "fire and rescue service"]
    if _LATEST_RE.search(text):
        latest: dict[str, Report] = {}
        for r in sorted(reports, key=lambda r: r.year or 0):
            latest[r.force] = r
        reports = list(latest.values())
    if question.concepts - {"overall"} or question.pillars:
        # "Which forces require improvement at investigating crime?" asks PEEL's question (or the fire and rescue
        # inspections'): another programme's area of a like name ("Investigation", of a child protection
        # inspection) answers only a question that names that inspection or the area as it is worded there
        named = _inspection_words(question, reports)
        if named:  # "… in their child protection inspection": that inspection's reports only
            reports = [r for r in reports if named <= _inspection_words_of(r)]
        elif not any(c.startswith("area:") for c in question.concepts):
            # … unless it asks what that programme is named for ("a grade for recording crime accurately": the
            # crime data integrity inspections')
            asked = question.concepts - {"overall"}
            reports = [r for r in reports if (g := group_of(r)) is None or g.main
                       or (asked and asked <= concepts_of(r.inspection))]
    if not (question.concepts or question.pillars) and _UNGRADED_AREA_RE.search(question.text):
        return None  # "Which forces are good at tackling fraud?": no inspection grades that; passages may say
    # "which areas …", and "Is Northshire outstanding at anything?" (a yes the areas make worth having): every
    # area, named even when one
    # (and "What was Holmbridge graded good at?": with the organisation named, what is asked is which areas)
    asks_areas = bool(_ASKS_AREAS_RE.search(text)) or bool(question.organisations) and not _MENTION_RE.match(text)
    items, areas, picked = [], {}, []
    for r in sorted(reports, key=lambda r: (r.year or 0, r.force)):
        if question.concepts or question.pillars:
            j = _match(question, r)
            chosen = [j] if j and (not question.grades or j.grade in question.grades) else []
        else:  # "graded anything Adequate": one item a report; "which areas …": every one
            chosen = [j for j in r.judgments if j.grade in question.grades]
            chosen = chosen if asks_areas else chosen[:1]
        picked += [(r, j) for j in chosen]
    # "Which force is best at investigating crime?", "… most effective?": the forces given the best grade of
    # those found (the worst for "worst", "least"), not every force graded
    extreme = None if question.grades else _GRADE_EXTREME_ASKED_RE.search(text)
    if extreme and picked:
        ranks = [GRADES.index(j.grade) if j.grade in GRADES else None for _, j in picked]
        known = [rank for rank in ranks if rank is not None]
        if not known:
            return None
        worst = extreme.group(1).lower() in _WORST_WORDS + ("least",)
        wanted = max(known) if worst else min(known)
        picked = [(r, j) for (r, j), rank in zip(picked, ranks) if rank == wanted]
    for r, j in picked:
        item = _item(store, r, j)
        if item:
            items.append(item)
            areas.setdefault((item.organisation or item.report_title, item.year), []).append(_area_name(j))
    if not items:
        return None
    what = " or ".join(g.lower() for g in question.grades) if question.grades else "graded"
    if extreme:
        what = f"{picked[0][1].grade} (the {'lowest' if worst else 'highest'} grade given)"
    # "Good: Fenmoor Fire and Rescue Service (2021/22): Preventing fires …; Making best use of resources"
    # (the one area too when areas are asked: "Which of Northshire's areas were graded outstanding?")
    names = ", ".join(f"{name} ({year})" + (": " + "; ".join(these) if len(these) > 1 or asks_areas else "")
                      for (name, year), these in areas.items())
    first = items[0]
    scales = {r.grading_scale for r, _ in picked}
    return Answer(text=f"{what[0].upper()}{what[1:]}: {names}", passage_id=first.passage_id,
                  report_id=first.report_id, citation=first.citation, confidence=STRUCTURED_CONFIDENCE, kind="list",
                  items=items, note=_SCALE_NOTE if extreme and len(scales) > 1 else "", basis="judgments")


_SCALE_NOTE = ("The inspectorate grades on five tiers from PEEL 2021/22 and says these grades cannot be compared "
               "directly with earlier ones.")


def _across_organisations(store, question: Question) -> Answer | Declined:
    """"How does Eastmoor compare with Northshire on investigating crime in
    2016?": each organisation's grade for the area, from its own report of
    the year named (else its latest that grades the area), side by side;
    declined, naming it, when one of them has none."""
    items, missing = [], []
    for org in question.organisations:
        reports = [r for r in store.reports() if r.judgments and r.force == org]
        if question.years:
            reports = of_years(reports, question.years)
        found = None
        for r in sorted(reports, key=lambda r: -(r.year or 0)):
            j = _match(question, r)
            found = _item(store, r, j) if j else None
            if found:
                break
        if found:
            items.append(found)
        else:
            missing.append(org)
    if missing:
        when = f" from {' or '.join(map(str, question.years))}" if question.years else ""
        return Declined(f"No indexed report{when} on {' or '.join(missing)} grades this, so the organisations "
                        "cannot be compared on it; the closest passages are below.")
    scales = {store.report(i.report_id).grading_scale for i in items}
    first = items[0]
    return Answer(text="; ".join(f"{i.organisation}: {i.value} ({i.year})" for i in items),
                  passage_id=first.passage_id, report_id=first.report_id, citation=first.citation,
                  confidence=STRUCTURED_CONFIDENCE, kind="comparison", items=items,
                  note=_SCALE_NOTE if len(scales) > 1 else "", basis="judgments")


_YEAR_MENTION_RE = re.compile(r"\b(?:19|20)\d\d(?:\s*[/–-]\s*(?:19|20)?\d\d)?\b")


def _comparison(store, question: Question, reports: list[Report]) -> Answer | Declined:
    """One organisation's grade for an area in each of its reports, oldest
    first; two or more organisations side by side."""
    if len(question.organisations) > 1:
        return _across_organisations(store, question)
    reports = [r for r in question_reports_all(store, question) if r.judgments]
    items = []
    for r in sorted(reports, key=lambda r: r.year or 0):
        j = _match(question, r)
        if j:
            item = _item(store, r, j)
            if item:
                items.append(item)
    if len(items) == 1:
        # the later report's own table of both inspections' grades, when the earlier report is not indexed
        earlier = _earlier_item(store, question, store.report(items[0].report_id))
        if earlier is not None:
            items.insert(0, earlier)
    names = " and ".join(question.organisations)
    named = [m.group(0) for m in _YEAR_MENTION_RE.finditer(question.text)]
    missing = [y for y in named if not any(set(years(y)) & set(years(i.year)) for i in items)]
    if len(named) > 1 and missing and len(items) > 1:
        # "between 2021/22 and 2023–25" is not answered by 2018/19 → 2021/22: each end asked must be graded
        have = ", ".join(i.year for i in items) or "none"
        return Declined(f"No indexed report on {names} grades this for {' or '.join(missing)} (graded: {have}), so "
                        "the change asked about cannot be shown; the closest passages are below.")
    if len(items) < 2:
        # a change of grade is read from two judgments or not at all: a passage of one report cannot show it
        if not items:
            return Declined(f"None of the indexed reports on {names} gives a grade for this, so there is no change "
                            "to show; the closest passages are below.")
        only = items[0]
        return Declined(f"Only {only.organisation}'s {only.year} report grades this ({only.value}); no other indexed "
                        f"report on {names} does, so there is nothing to compare it with. The closest passages are "
                        "below.")
    scales = {store.report(i.report_id).grading_scale for i in items}
    note = _SCALE_NOTE if len(scales) > 1 else ""
    text = " → ".join(f"{i.value} ({i.year})" for i in items)
    first = items[-1]
    return Answer(text=f"{items[0].organisation}: {text}", passage_id=first.passage_id, report_id=first.report_id,
                  citation=first.citation, confidence=STRUCTURED_CONFIDENCE, kind="comparison", items=items,
                  note=note, basis="judgments")


def _earlier_item(store, question: Question, report: Report) -> AnswerItem | None:
    """The grade the last inspection gave the area asked, from a table in ``report`` that sets each of its
    grades beside the last inspection's (grades_table), cited to that table."""
    found = earlier_table(report.inspection_year, store.passages(report.id, kind="table"))
    if found is None:
        return None
    table, p = found
    then = [Judgment(area=area, grade=grade, passage_id=p.id) for area, grade in table.grades]
    j = _match(question, replace(report, judgments=then))
    if j is None:
        return None
    return AnswerItem(text=f"{j.grade}: {report.force or report.title}, {table.label} — {_area_name(j)}",
                      report_id=report.id, passage_id=p.id, citation=citation(report, p),
                      report_title=report.title, organisation=report.force, year=table.label, value=j.grade,
                      quote=f"{_area_name(j)}: {j.grade} in {table.label} (the {_label(report)} report's table "
                            "of both inspections' grades)", area=_area_name(j))


def _graded_text(question: Question, grade: str, area: str, organisation: str, label: str) -> str:
    """A grade answer's line, with yes or no first for a yes/no question ("Is it good at planning?" of an
    outstanding force: yes, and better)."""
    text = f"{grade} — {area} ({organisation}, {label})"
    if question.kind != "yesno":
        return text
    yes = grade in question.grades or (grade == "Outstanding" and "Good" in question.grades)
    return f"{'Yes' if yes else 'No'}: {text}"


def _graded_before(store, question: Question) -> Answer | Declined:
    """The grade of a year no indexed report is from ("… for effectiveness in 2018/19?", only 2021/22 indexed),
    read from a later report's table that sets its grades beside the last inspection's; declined when none holds
    that inspection's grade for the area asked (the later report's own grade answers another year)."""
    for report in question.reports:  # newest first
        item = _earlier_item(store, question, report)
        if item is None or not set(years(item.year)) & set(question.years):
            continue
        text = _graded_text(question, item.value, item.area, item.organisation, item.year)
        return Answer(text=text, passage_id=item.passage_id, report_id=item.report_id, citation=item.citation,
                      confidence=STRUCTURED_CONFIDENCE, kind="grade", items=[item], basis="judgments",
                      note=f"No {item.year} report is indexed: read from the {_label(report)} report's table of "
                           "both inspections' grades.")
    return Declined(f"No indexed report on {' or '.join(question.organisations)} is from "
                    f"{' or '.join(map(str, question.years))}, and no later one gives that inspection's grade for "
                    "this; the closest passages are below.")


def _areas_side_by_side(store, question: Question) -> Answer | Declined | None:
    """"Was Eastmoor better at treating the public fairly or at making sure
    its staff behave ethically in 2017?" contrasts two areas of one report:
    each area's grade from that report (of the year named, else the latest
    that grades them all). Only when the areas asked are two judgments or
    more, and the years named (if any) are one report's."""
    # the areas named, else the pillars ("its efficiency grade versus its people grade"); a pillar beside
    # areas names the report ("in its 2016 effectiveness inspection")
    asked = set(question.concepts) - {"overall"} or {"pillar:" + p for p in question.pillars}
    if question.kind != "comparison" or len(question.organisations) != 1 or len(asked) < 2 or question.since:
        return None
    reports = [r for r in question_reports_all(store, question) if r.judgments]
    if question.years:
        reports = of_years(reports, question.years)
        if len(reports) > 1:
            return None  # "… in 2016 and 2017": a change between reports (_comparison)
    for report in sorted(reports, key=lambda r: -(r.year or 0)):
        # each area's own judgment, as a grade question naming that area alone would find it
        chosen = [_match(replace(question, concepts={a}, pillars=set()) if not a.startswith("pillar:") else
                         replace(question, concepts=set(), pillars={a.split(":", 1)[1]}), report) for a in asked]
        if None in chosen:
            continue
        pairs = [(j, item) for j in report.judgments
                 if any(j is c for c in chosen) and (item := _item(store, report, j))]
        if len(pairs) < 2:
            continue
        first = pairs[0][1]
        text = "; ".join(f"{j.grade} — {_area_name(j)}" for j, _ in pairs)
        return Answer(text=f"{report.force or report.title} ({_label(report)}): {text}", passage_id=first.passage_id,
                      report_id=first.report_id, citation=first.citation, confidence=STRUCTURED_CONFIDENCE,
                      kind="comparison", items=[item for _, item in pairs], basis="judgments")
    if AREAS_ALTERNATIVE_RE.search(question.text):
        # one area's grade in one report and the other's in another are not a comparison of the two
        when = f" from {' or '.join(map(str, question.years))}" if question.years else ""
        return Declined(f"No indexed report{when} on {question.organisations[0]} grades each of these areas, so "
                        "they cannot be compared; the closest passages are below.")
    return None


def question_reports_all(store, question: Question) -> list[Report]:
    """Every report on the organisations named, in the years named (when two or more are)."""
    reports = [r for r in store.reports() if set(question.organisations) & set(r.organisations or [r.force])]
    if question.since:
        reports = [r for r in reports if r.year and r.year >= question.since]
    if len(question.years) >= 2:
        dated = of_years(reports, question.years)
        reports = dated if len(dated) >= 2 else reports
    return reports


# ------------------------------------------------------------------ findings

_FINDING_WORDS = {
    "area_for_improvement": re.compile(r"\bareas? for improvement|\bneed(s|ed)? to improve\b", re.I),
    "cause_of_concern": re.compile(r"\bcauses? of concern\b", re.I),
    "recommendation": re.compile(r"\brecommend\w*|\bdeadline\b|\bact immediately\b|\btold .* to act\b|"
                                 r"\bwhat (must|should) .+ do\b", re.I),
}
_FINDING_CUES = re.compile(r"\b(areas? for improvement|causes? of concern|recommend\w*|need(s|ed)? to improve|"
                           r"improve|what|which|did|does|set|"
                           r"hmic(frs)?|inspectorate|inspection|report(s)?|force(s)?|police|services?|on|about|per|"
                           r"name[sd]?|have|had|has|make|made|give|gave|given|get|gets|got|receiv\w*|issued|"
                           r"identif(?:y|ies|ied|ying)|"
                           r"there|any|must|should|do)\b", re.I)


# "Which fire and rescue services …", "Which police forces …": the kind of organisation asked about scopes
# the findings; its words are not the finding's
_ASKS_ORGANISATION_KIND_RE = re.compile(r"\b(?:which|what)\s+(?:(?P<fire>fire (?:and|&) rescue services?|"
                                        r"fire services?)|(?P<police>(?:police )?forces?))\b", re.I)


# a topic named by a phrase with "of" ("use of force", "theft of lead"), which a finding must say as a phrase
_OF_PHRASE_RE = re.compile(r"\b(use|theft|abuse|misuse|quality|risk|voice|standard|number|rate)\s+of\s+(?:the\s+|a\s+|an\s+)?"
                           r"([a-z]+)\b", re.I)
# progress on a finding, asked ("Has it dealt with its cause of concern?", "Were the recommendations achieved?"): what a
# report says of it afterwards, not the finding (not whom it is addressed to, nor a finding about something not being
# dealt with: "a cause of concern about referrals not being dealt with quickly enough")
_PROGRESS = (r"(?:dealt with|deal with|address(?:ed)?\b(?!\s+to\b)|acted on|act on|implement(?:ed)?|achiev(?:ed)?|"
             r"resolv(?:ed)?|respond(?:ed)? to|tackl(?:ed)?|complet(?:ed)?|fix(?:ed)?|put right|followed up|"
             r"made progress (?:on|against)|progress (?:on|against))")
_FINDING_NOUNS = r"(?:causes? of concern|areas? for improvement|recommendations?|AFIs?)"
_PROGRESS_ASKED_RE = re.compile(rf"\b{_PROGRESS}\s+(?:[\w’'-]+\s+){{0,3}}?{_FINDING_NOUNS}\b|"
                                rf"\b{_FINDING_NOUNS}\s+(?:(?!about|on|over|regarding|into|of)[\w’'-]+\s+){{0,4}}?"
                                rf"(?:been|being|was|were|is|are)\s+"
                                rf"(?:now\s+|all\s+|fully\s+)?{_PROGRESS}|"
                                # "Were the recommendations of the custody inspection achieved?"
                                rf"^\s*(?:was|were|is|are|has|have|had)\b[^?]*?\b{_FINDING_NOUNS}\b"
                                rf"(?:(?!\b(?:about|regarding|over|into|on)\b)[^?]){{0,60}}?\b{_PROGRESS}", re.I)
# what a finding is asked to be about ("… about custody?", "… about emergency calls?"), apart from whom it is to
_FINDING_TOPIC_RE = re.compile(r"\babout\s+([^?]+)", re.I)
_NUMBERED_FINDING_RE = re.compile(r"\b(recommendation|cause of concern|area for improvement)\s+(\d+)\b", re.I)
_INSPECTION_NAMED_RE = re.compile(r"((?:[\w’'-]+\s+){1,5})(?:inspection|report|assessment)s?\b", re.I)


_DETERMINER_RE = re.compile(r"(?:the|their|its|his|her|our|a|an|this|that|these|those|in|of|for|at|on|from)", re.I)


def _inspection_words_of(r: Report) -> frozenset[str]:
    return _name_terms(f"{r.inspection} {r.title} {r.family}")


@lru_cache(maxsize=20_000)
def _name_terms(name: str) -> frozenset[str]:
    """The terms of a report's names (remembered: a grade question across reports reads every report's)."""
    return frozenset(t.text for t in ANALYZER(name, mode="query"))


def _inspection_words(question: Question, reports: list[Report]) -> set[str]:
    """The terms of the words by which a question names one of these reports' inspections ("Holmbridge's
    child protection inspection", "its fire report"): they say which report it means, not what it asks about."""
    named = list(_INSPECTION_NAMED_RE.finditer(question.text))
    if not named or not reports:
        return set()
    known = set().union(*map(_inspection_words_of, reports))
    out: set[str] = set()
    for m in named:
        for word in reversed(m.group(1).split()):  # the words next to "inspection", while they are the inspection's
            if _DETERMINER_RE.fullmatch(word):
                break  # "in their PEEL inspections": the name starts after "their"
            terms = {t.text for t in ANALYZER(word, mode="query")}
            if not terms or not terms <= known:
                break
            out |= terms
    return out


def _report_findings(r: Report, which, forces_only: bool = False) -> list[tuple[Report, str, str, str, list]]:
    """(report, kind, text, passage id, section) of one report's findings of
    these kinds that cite a passage (``forces_only``: of a report's recommendations, only those to forces, asked of
    a force a thematic inspection covered: not the College of Policing's or the Home Office's)."""
    out = []
    if "area_for_improvement" in which:
        out += [(r, "area_for_improvement", a.text, a.passage_id, a.section) for a in r.areas_for_improvement]
    if "cause_of_concern" in which:
        out += [(r, "cause_of_concern", c.text, c.passage_id, c.section) for c in r.causes_of_concern]
    if "recommendation" in which:
        out += [(r, "recommendation", f"{x.deadline + ': ' if x.deadline else ''}{x.text}"
                 + (f" (for {x.addressed_to})" if x.addressed_to else ""), x.passage_id, x.section)
                for x in r.recommendations if not (forces_only and x.addressed_to
                                                   and not _TO_FORCES_RE.search(x.addressed_to))]
        out += [(r, "recommendation", f"{c.deadline + ': ' if c.deadline else ''}{rec}", c.passage_id, c.section)
                for c in r.causes_of_concern for rec in c.recommendations]
    return [item for item in out if item[3]]


def _finding_items(store, question: Question, which: set[str]) -> list[tuple[Report, str, str, str, list]]:
    """(report, kind, text, passage id, section) of the reports' findings of
    these kinds, in scope."""
    reports = question.reports if question.organisations or question.years else store.reports()
    if question.years and not question.organisations:
        reports = of_years(store.reports(), question.years)
    return [item for r in reports
            for item in _report_findings(r, which, forces_only=bool(question.organisations) and not r.force)]


_TO_FORCES_RE = re.compile(r"\b(?:chief constables?|forces?|police and crime commissioners?)\b", re.I)


_EVERY_FINDING = frozenset(("area_for_improvement", "cause_of_concern", "recommendation"))
_WORDS_BY_REPORT: dict = {}  # (report id, sha256) → {(text, passage id): terms}: kept across index states


def finding_words(store) -> dict[tuple[str, str], frozenset[str]]:
    """(text, passage id) → the terms of each finding of every indexed report
    and of its section's headings: what a findings question ("… about
    emergency calls", "… on protecting vulnerable people") matches. Worked
    out per version of a report and kept by the process, so a new state of
    the index costs only its new reports; ``warm`` works it out before a
    server forks, so no worker's first findings question waits for it (at
    1,000,000 passages, 140,000 findings)."""
    def build():
        out, live = {}, set()
        headings: dict[tuple, frozenset[str]] = {}  # a section's terms: many findings share one
        for r in store.reports():
            key = (r.id, r.sha256)
            live.add(key)
            words = _WORDS_BY_REPORT.get(key)
            if words is None:
                words = {}
                for _, _, text, pid, section in _report_findings(r, _EVERY_FINDING):
                    if not section:  # indexed before findings kept their section: read it from the passage
                        p = store.passage(pid)
                        section = p.heading_path if p else []
                    sec = tuple(section)
                    if sec not in headings:
                        headings[sec] = stems_of(" ".join(section))
                    words[(text, pid)] = stems_of(text) | headings[sec]
                _WORDS_BY_REPORT[key] = words
            out.update(words)
        for key in set(_WORDS_BY_REPORT) - live:
            _WORDS_BY_REPORT.pop(key, None)
        return out
    return store.cached("finding-words", build)


def findings_by_word(store) -> tuple[list[tuple[Report, str, str, str, list]], dict[str, list[int]]]:
    """Every finding of every indexed report, in report order (as
    ``_finding_items`` lists them), and for each term the findings whose
    words (``finding_words``) hold it: a findings question over all reports
    looks up its words instead of comparing them with every finding (tens
    of thousands at 2,000 reports)."""
    def build():
        items = [it for r in store.reports() for it in _report_findings(r, _EVERY_FINDING)]
        known = finding_words(store)
        index: dict[str, list[int]] = {}
        for i, it in enumerate(items):
            for t in known.get((it[2], it[3]), ()):
                index.setdefault(t, []).append(i)
        return items, index
    return store.cached("findings-by-word", build)


def warm(store) -> None:
    """What questions read from every report, worked out once before a
    server forks its workers (they share it): organisation names and the
    words of every finding."""
    if store.exists():
        with store.searcher():
            reports = store.reports()
            names = store.cached("question-names", lambda: known_names(reports))
            for alias in {form for name in names.indexed_names for form in every_form(name)}:
                name_patterns(alias)
            finding_words(store)
            findings_by_word(store)


_FINDING_NAMES = {"area_for_improvement": "Areas for improvement", "cause_of_concern": "Causes of concern",
                  "recommendation": "Recommendations"}


def _from_findings(store, question: Question) -> Answer | Declined | None:
    """"What areas for improvement did HMIC set Eastmoor in 2016?", "Which forces
    had a cause of concern about emergency calls?": the reports' own findings."""
    which = {k for k, rx in _FINDING_WORDS.items() if rx.search(question.text)}
    if not which or question.kind not in ("list", "sentence", "enumeration", "date", "who", "yesno") \
            or question.recalled:
        return None  # (a later report's own findings are not the earlier inspection's asked about)
    if _PROGRESS_ASKED_RE.search(question.text):
        return None  # "Has Fenmoor fire dealt with its cause of concern?" asks what became of it
    if _ASKS_REPORT_PLACE_IN_RE.match(question.text):
        return None  # "Where in the report are its recommendations set out?" asks where, not what they are
    if _ASKS_WHY_RE.match(question.text) and not _FINDING_AS_PREDICATE_RE.search(question.text):
        return None  # "Why are most of its recommendations for chief constables?" asks a reason about the findings,
        # which they do not give (but "Why is its slow answering of calls a cause of concern?" is answered by it)
    acts = _INSPECTORATE_ACTS_RE.search(question.text)
    if acts and not _MAKES_FINDINGS_RE.fullmatch(acts.group(0).split()[-1]):
        return None  # "Will HMICFRS monitor progress on the recommendations?" asks what the inspectors will do,
        # which the findings (what the force or service should do) do not say
    kind_asked = _ASKS_ORGANISATION_KIND_RE.search(question.text)
    text = question.text[:kind_asked.start()] + question.text[kind_asked.end():] if kind_asked else question.text
    rest = _without_cues(_FINDING_CUES.sub(" ", _CYCLE_TEXT_RE.sub(" ", text)), question)
    wanted = {t.text for t in ANALYZER(rest, mode="query")} - scope_stems(question)
    if question.organisations:  # "… in Holmbridge's child protection inspection" names the report, not a topic
        wanted -= _inspection_words(question, question.reports)
    enough = max(1, 0.6 * len(wanted))
    if wanted and not (question.organisations or question.years):  # every report: look the words up
        every, by_word = findings_by_word(store)
        shared = Counter(i for t in wanted for i in by_word.get(t, ()))
        items = [every[i] for i in sorted(i for i, n in shared.items() if n >= enough) if every[i][1] in which]
    else:
        items = _finding_items(store, question, which)
    numbered = _NUMBERED_FINDING_RE.search(question.text)
    if numbered and (question.organisations or question.years):
        # "Who is Recommendation 1 of the Wealdmarsh custody inspection addressed to?": the one printed under
        # that heading, whatever else the question says of it
        heading = re.compile(rf"\s*{numbered.group(1)}\s+{numbered.group(2)}\b", re.I)
        items, wanted = [it for it in items if any(heading.match(h) for h in it[4])], set()
    if wanted and (question.organisations or question.years):  # "… about emergency calls": in its words or section
        known = finding_words(store)
        items = [it for it in items if len(wanted & known.get((it[2], it[3]), frozenset())) >= enough]
    if question.pillars:  # "… on legitimacy": the findings under that pillar's heading
        items = [it for it in items if _filed_under_asked(question, it[4])]
    topic = _FINDING_TOPIC_RE.search(question.text)
    topic_stems = stems_of(topic.group(1)) - scope_stems(question) if topic else set()
    if topic_stems and items:  # "… recommend to the Home Office about custody?": about custody, whoever it is to
        known = finding_words(store)
        items = [it for it in items if len(topic_stems & known.get((it[2], it[3]), frozenset()))
                 >= max(1, len(topic_stems) / 2)]
    for phrase in _OF_PHRASE_RE.finditer(question.text):  # "use of force": the phrase, not its words apart
        said = re.compile(rf"\b{phrase.group(1)}\s+of\s+(?:the\s+|a\s+|an\s+)?{phrase.group(2)}", re.I)
        items = [it for it in items if said.search(" ".join((it[2], *it[4])))]
    if kind_asked:  # fire and rescue services, or police forces (and the thematic inspections of several)
        fire = bool(kind_asked.group("fire"))
        items = [it for it in items if (it[0].organisation_type == "fire and rescue service") == fire]
    deadline = DEADLINE_RE.search(question.text)
    if deadline and items:  # "What should chief constables do by 30 September 2026?": what is due then
        due = " ".join(deadline.group(1).split()).lower()
        items = [it for it in items if due in " ".join(it[2].split()).lower()]
    if not items and question.kind == "list" and wanted:
        # "Which forces had a cause of concern about vetting?" is answered by the findings, or not at all:
        # a passage that mentions both is not a finding
        what = " or ".join(k.replace("_", " ") for k in sorted(which))
        return Declined(f"No {what} in the indexed reports is about this; the closest passages are below.")
    if not items or len(items) > 25:
        return None
    answer_items = []
    for r, kind, text, pid, _ in items:
        p = store.passage(pid)
        answer_items.append(AnswerItem(text=f"{r.force or r.title} ({_label(r)}): {text}", report_id=r.id,
                                       passage_id=pid, citation=citation(r, p), report_title=r.title,
                                       organisation=r.force, year=_label(r), value=text))
    first = answer_items[0]
    kinds = {k for _, k, *_ in items}
    head = " and ".join(_FINDING_NAMES[k] for k in sorted(kinds))
    return Answer(text=f"{head}: " + "; ".join(i.text for i in answer_items), passage_id=first.passage_id,
                  report_id=first.report_id, citation=first.citation, confidence=0.9, kind="list",
                  items=answer_items, basis="findings")


def _filed_under_asked(question: Question, headings) -> bool:
    """Is a finding filed under the pillar a question asks about ("What are its areas for improvement on
    legitimacy?"), or under headings naming none (a later PEEL report's, a thematic's)? (Not by graded area: the
    older reports file a finding under a question of their own, "How well does the force use its resources to
    manage current demand?", for a cause of concern about answering emergency calls.)"""
    pillars = pillars_of(" ".join(headings))
    return not pillars or bool(pillars & question.pillars)


_MENTION_RE = re.compile(rf"^\s*(which|what|in which)(?: of the)?(?: {COUNT_WORD})? (reports?|forces?|police forces?|"
                         r"services?|"
                         r"fire (and rescue )?"
                         r"services?|inspections?|organisations?)\b", re.I)
MENTION_COVERAGE = 0.75
_INSPECTED_BY_RE = re.compile(r"\b(?:were|was|been|are|is) (?:inspected|covered|looked at|visited)\b|"
                              r"\b(?:did|does|do) (?:[\w’'-]+ ){1,6}(?:inspect|cover|look at|visit)\b", re.I)
# what a question about an inspection ("Which forces were inspected …?", "When did the rural crime inspection take
# place?") says besides the inspection it asks about: what is left names it by its title's words
_INSPECTED_FRAME_RE = re.compile(r"\b(?:which|what|when|in|of|on|into|the|police|forces?|fire|and|rescue|services?|"
                                 r"organisations?|constabular(?:y|ies)|were|was|are|is|been|did|does|do|has|have|had|"
                                 r"inspect\w*|cover\w*|look(?:ed)? at|visit\w*|fieldwork|take|took|place|happen\w*|"
                                 r"first|last|by|for|during|its|their|our|we|an?|hmic\w*|inspectorate|inspectors?|"
                                 r"reports?|thematic|years?)\b|(?:19|20)\d\d(?:\s*[/–-]\s*\d+)?|"
                                 rf"\b{COUNT_WORD}\b",  # "Which five forces …"
                                 re.I)


def _cycle_key(label: str) -> str:
    """A round's label as written any way: "2023–25", "2023-25", "2023/25", "PEEL 2023-2025" are one."""
    digits = re.findall(r"\d+", label or "")
    return "/".join(d[-2:] for d in digits)


def _inspected_list(store, question: Question) -> Answer | None:
    """"Which forces were inspected in 2017?", "Which forces did the rural crime inspection cover?": the
    organisations of the reports of that year or that inspection (its title's words), from the reports
    themselves, not from the passages that mention a force."""
    m = _MENTION_RE.search(question.text)
    if question.kind not in ("list", "enumeration") or not m or not _INSPECTED_BY_RE.search(question.text):
        return None
    if question.organisations or re.match(r"reports?|inspections?", m.group(2), re.I):
        return None  # "Which reports were inspected …" is no question; "Which forces … Eastmoor …" asks another
    asked = stems_of(_INSPECTED_FRAME_RE.sub(" ", question.text))
    asks_forces = bool(re.match(r"(police )?forces?", m.group(2), re.I))
    reports = [r for r in store.reports() if set(question.years) & inspection_years(r)] if question.years else \
        store.reports()  # (the years of its inspection, not of its publication)
    reports = [r for r in reports if _of_kind(r, police=asks_forces, fire=question.fire)
               and asked <= stems_of(f"{r.title} {r.inspection} {r.family}")]
    cycle = _CYCLE_TEXT_RE.search(question.text)
    of_cycle = [r for r in reports if cycle and _cycle_key(r.inspection_year) == _cycle_key(cycle.group(0))]
    reports = of_cycle or reports  # "the 2023–25 inspection" is that round's, not every report of 2023 to 2025
    items, said, cited = [], [], {}
    for r in sorted(reports, key=lambda r: (r.year or 0, r.title)):
        passages = store.passages(r.id)
        if passages:  # the answer cites a report's passage naming the most of its organisations, the shortest of
            # those saying it inspected them ("we inspected five forces: Harrowmere Constabulary, …")
            cited[r.id] = r, max(passages, key=lambda p: (sum(o in p.text for o in r.organisations),
                                                          "inspect" in p.text.lower(), -len(p.text)))
        named = []
        for organisation in r.organisations:
            if asks_forces and re.search(r"\bFire\b", organisation):
                continue
            p = next((p for p in (cited[r.id][1], *passages) if organisation in p.text),
                     passages[0]) if passages else None
            if p is None:
                continue
            named.append(organisation)
            items.append(AnswerItem(text=f"{organisation} ({_label(r)})", report_id=r.id, passage_id=p.id,
                                    citation=citation(r, p), report_title=r.title, organisation=organisation,
                                    year=_label(r), value=r.title if len(r.organisations) > 1 else r.inspection))
        if named:  # a report on several organisations (a thematic inspection) is named once, with them
            said.append(", ".join(named) + f" ({_label(r)}{', ' + r.title if len(r.organisations) > 1 else ''})")
    if not items:
        return None
    first = items[0]
    report, passage = cited[first.report_id]
    return Answer(text="Inspected: " + "; ".join(said), passage_id=passage.id,
                  report_id=first.report_id, citation=citation(report, passage), confidence=0.75, kind="list",
                  items=items, basis="inspected")
# "had the most …", "recorded the highest number of …": one report ranked against the others by a count, not a list of
# those that mention it (not "the most serious crimes", an adjective's superlative; of anything: "has the biggest
# population"; and between two: "Which service has more on-call stations?", but not a bound: "more than 2,000")
_SUPERLATIVE_COUNT_RE = re.compile(r"\b(?:has|have|had|recorded|records|mapped|maps|received|receives|made|makes|"
                                   r"employs?|employed|runs?|ran|gets?|got|carried out|carries out|issued|issues|"
                                   r"attended|attends|answered|answers|saw|sees|is|was|are|were)\s+(?:the\s+)?"
                                   r"(?:most|fewest|least|largest|smallest|highest|lowest|greatest|biggest|longest|"
                                   r"shortest|more|fewer|less|larger|smaller|higher|lower|bigger|greater)\b"
                                   r"(?!\s+than\b)", re.I)
_TELLS_TO_RE = re.compile(r"\b(?:tell|tells|told|ask|asks|asked|urge[sd]?|advise[sd]?|recommend(?:s|ed)?(?: that)?)\b",
                          re.I)
_ADVICE_HEADING_RE = re.compile(r"\b(?:areas? for improvement|recommendations?|causes? of concern)\b", re.I)
_SHOULD_RE = re.compile(r"\b(?:should|must)\b", re.I)


def _advises(passage: Passage) -> bool:
    """Is the passage advice to the force or service: under a recommendation's or an area for improvement's
    heading, or saying what it should do?"""
    return bool(_ADVICE_HEADING_RE.search(" ".join(passage.heading_path)) or _SHOULD_RE.search(passage.text))


_IMPROVE_RE = re.compile(r"\b(?:to )?improve(?:s|d|ments?)?\b", re.I)


MENTION_REACH = 80  # characters a mention's words may spread over ("the THRIVE (Threat, Risk, …) model")
MENTION_POOL = 1000  # passages read for a "which reports mention …" question, best first
MENTION_HITS = 10  # of them, per report
MENTION_REPORTS = 50  # reports listed at most


_INFLECTIONS = ("ies", "ied", "es", "ed", "ing", "s", "d", "")
_DERIVED_RE = re.compile(r"(?:ation|ations|ational|ion|ions|al|als|ment|ments|ity|ities|ness|ive|ively|ism|ist|ists)")


@lru_cache(maxsize=4096)
def _bases(word: str) -> frozenset[str]:
    """A word without each inflectional ending it may carry ("organised":
    organised, organise, organis)."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    return frozenset(word[:len(word) - len(e)] for e in _INFLECTIONS if word.endswith(e) and len(word) - len(e) >= 3)


def _derived(word: str, asked: set[str]) -> bool:
    """Is ``word`` another word derived from one the question asks, the
    stemmer having made them one term: "organisations" for "organised"
    ("partner organisations … focus groups" mentions no organised crime
    groups), "inspection" for "inspected"? An inflection of it is the
    same word ("groups", "recorded")."""
    mine = _bases(word)
    if mine & asked:
        return False
    return any(b.startswith(a) and _DERIVED_RE.fullmatch(b[len(a):]) for b in mine for a in asked)


def _mentions(text: str, weights: dict[str, float], total: float, asked: set[str] = frozenset()) -> bool:
    """Does the text mention what is asked: enough of its words (by
    rarity), close together? "National Crime Agency" is not mentioned by a
    passage with "national" in one sentence and "agency" in another; nor
    "organised crime groups" by "partner organisations" (``asked``: the
    question's words without their inflections)."""
    spans = sorted((a, b, st) for st, a, b in term_spans(text, weights) if not _derived(text[a:b], asked))
    for i, (a, _, _) in enumerate(spans):
        seen = set()
        for _, end, st in spans[i:]:
            if end - a > MENTION_REACH:
                break
            seen.add(st)
            if sum(weights[s] for s in seen) / total >= MENTION_COVERAGE:
                return True
    return False


def _of_kind(r: Report, police: bool, fire: bool) -> bool:
    """Is the report of the kind of organisation asked: "which forces …" a police force's, "which fire
    (and rescue) services …" a fire and rescue service's (neither asked: any)?"""
    is_fire = r.organisation_type == "fire and rescue service"
    return not (police and is_fire) and not (fire and not is_fire)


def _mention_list(store, question: Question) -> Answer | None:
    """"Which reports mention the THRIVE model?": every report with a passage
    that holds the question's words, with that passage."""
    m = _MENTION_RE.search(question.text)
    if question.kind != "list" or not m:
        return None
    if _SERVICES_OFFERED_RE.match(question.text):
        return None  # "What services does the wellbeing centre offer?" asks what it offers, not which organisations
    if _SUPERLATIVE_COUNT_RE.search(question.text):
        return None  # "Which force had the most organised crime groups?" is not answered by those that mention them
    if _INSPECTED_BY_RE.search(question.text):
        return None  # "Which forces were inspected in the rural crime thematic?": the ones it covered, not mentions
    if m.group(2).lower() == "organisation":
        return None  # "Which organisation evaluated the Safe Streets programme?" asks for one, whoever it is (a
        # university), not the forces whose reports name the programme
    asks_reports = bool(re.match(r"reports?|inspections?", m.group(2), re.I))
    asks_forces = bool(re.match(r"(police )?forces?", m.group(2), re.I))  # a fire and rescue service is no force
    # and "Which service has …?" asks among the fire and rescue services (the reports call forces "forces")
    asks_services = bool(re.match(r"(fire (and rescue )?)?services?$", m.group(2), re.I))
    if question.organisations and not asks_reports:
        return None  # "Which organisations does Eastmoor work with?" asks about Eastmoor's partners, not the reports
    rest = re.sub(r"\b(mention\w*|say|says|said|talk\w* about|refer\w* to|discuss\w*|describ\w*|come up|comes up|"
                  r"reports?|forces?|inspections?|services?|organisations?)\b", " ",
                  _MENTION_RE.sub(" ", question.text), flags=re.I)
    quantity = _QUANTITY_ASKED_RE.search(rest)
    if quantity:
        # "… a population of more than a million people", "more than 1,000 devices waiting": the reports whose
        # passage states such a figure of it; the bound is no word to find ("a million" is written 1,046,000)
        counted = _counted_beside(rest, quantity)
        rest = rest[:quantity.start()] + " " + rest[quantity.end():]
    advice = bool(_TELLS_TO_RE.search(rest))
    if advice:
        # "Which reports tell the force to improve appraisals?": the reports whose advice (a recommendation, an
        # area for improvement: what a force or service should do) is about appraisals; the telling, and the
        # improving every piece of advice asks for, are the question's frame
        rest = _IMPROVE_RE.sub(" ", _TELLS_TO_RE.sub(" ", rest))
    sub = Question(text=rest, kind="sentence", organisations=question.organisations, years=question.years)
    weights = _weights(store, sub)
    if len(weights) < 1:
        return None
    total = sum(weights.values())
    asked = {b for w in re.findall(r"[\w’'-]+", rest) for b in _bases(w)}
    # every report's best passages, not only the three a page of groups shows: a report's mention may rank
    # below its other passages on the words ("the THRIVE model" below a footnote spelling THRIVE out)
    found = export(store, rest, filters=question.filters or None, autocorrect=False, limit=MENTION_POOL)
    by_report: dict[str, list] = {}  # best report first, as a page of groups orders them
    for hit in found.hits:
        kept = by_report.get(hit.report.id)
        if kept is None and len(by_report) < MENTION_REPORTS:
            kept = by_report[hit.report.id] = []
        if kept is not None and len(kept) < MENTION_HITS:
            kept.append(hit)
    def mentioned(p: Passage) -> bool:  # does the passage, headings and all, hold the words asked?
        return _mentions(_as_typed(" ".join([*p.heading_path, p.text]), found.expansions), weights, total, asked)

    items = []
    of_years = {r.id for r in question.reports} if question.years else None
    for hits in by_report.values():
        r = hits[0].report
        passages = [h.passage for h in hits]
        if quantity:
            stated = _report_quantity(store, r, counted) if counted else None
            if stated is None or not _beyond(stated[0], quantity):
                continue
            passages = [stated[1]]  # the passage printing the report's figure, a hit or not
        if not _of_kind(r, police=asks_forces, fire=question.fire or asks_services):
            continue  # "Which forces mention organised crime groups?": police forces, not the fire services that do
        if of_years is not None and r.id not in of_years:
            continue  # "Which services were inspected in 2023?": the reports of 2023, not every one that says so
        if not asks_reports and not r.force:
            # "Which forces have …?": a report on five forces names its forces in its text, not as itself; when it
            # speaks of the thing asked, which of its forces have it is in a sentence, not in this list
            if any(mentioned(p) for p in passages):
                return None
            continue
        for p in passages:
            if advice and not _advises(p):
                continue
            if quantity or mentioned(p):
                items.append(AnswerItem(text=f"{r.force or r.title} ({_label(r)})", report_id=r.id,
                                        passage_id=p.id, citation=citation(r, p),
                                        report_title=r.title, organisation=r.force, year=_label(r)))
                break
    if not items:
        return None
    first = items[0]
    return Answer(text="; ".join(i.text for i in items), passage_id=first.passage_id, report_id=first.report_id,
                  citation=first.citation, confidence=0.75, kind="list", items=items, basis="mentions")


_SERVICES_OFFERED_RE = re.compile(r"\s*(?:which|what)\s+services\s+(?:does|do|did|will|can)\b", re.I)
_QUANTITY_ASKED_RE = re.compile(r"\b(more than|over|above|at least|fewer than|less than|under|below)\s+"
                                r"(an?|one|\d[\d,]*(?:\.\d+)?)(?:\s+(million|thousand|hundred))?\b", re.I)
# a figure as the reports print it: "1,046,000", "1.4 million", "£2.3m"; a share or a year is none
_FIGURE_VALUE_RE = re.compile(r"(?<![\w.,/-])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(million|m|thousand|k|bn|billion)\b)?"
                              r"(?!\s*(?:%|per ?cent))", re.I)
_MAGNITUDES = {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3, "hundred": 1e2, "bn": 1e9, "billion": 1e9}
# what may stand between a noun and its figure: "a population of about 1.4 million", "devices stood at 1,030"
_NOUN_THEN_FIGURE_RE = re.compile(r"([\w-]+)\s+(?:(?:of|was|were|is|are|stood at|had|has|reached|totalled)\s+)?"
                                  r"(?:(?:about|around|approximately|roughly|some|nearly|almost|over|just over|"
                                  r"just under|more than|fewer than|less than|an estimated|estimated)\s+)?$", re.I)
_NOT_A_MODIFIER = frozenset(("in", "of", "out", "per", "to", "and", "or", "a", "an", "the"))


def _amount(number: str, scale: str | None) -> float:
    n = 1.0 if number.lower() in ("a", "an", "one") else float(number.replace(",", ""))
    return n * _MAGNITUDES.get((scale or "").lower(), 1.0)


def _counted_beside(text: str, quantity: re.Match) -> set[str]:
    """The terms of the noun a bound is of: the measure before "of" ("a population of more than a million
    people": the population, people being its unit), else the word after it ("more than 1,000 devices")."""
    before = re.search(r"([\w-]+)\s+of\s*$", text[:quantity.start()])
    if before:
        return {t.text for t in ANALYZER(before.group(1), mode="query")}
    after = re.findall(r"[A-Za-z][\w-]*", text[quantity.end():])[:3]
    # "more than 2,000 police officers": the plural noun of the phrase, not its first word
    noun = next((w for w in after if w.lower().endswith("s") and not w.lower().endswith("ss")), after[0] if after else "")
    return {t.text for t in ANALYZER(noun, mode="query")}


def _counts_noun(before: str, after: str, counted: set[str]) -> bool:
    """Is a figure, between ``before`` and ``after``, a count of one of these nouns: printed just before them
    ("1,184 devices") or just after ("a population of 1,046,000")? Not when the noun only qualifies the next
    one ("9,400 officer hours") or is counted with others ("3,458 officers and staff")."""
    words = list(re.finditer(r"[A-Za-z][\w-]*", after[:60]))
    for k, w in enumerate(words[:3]):  # "1,184 devices", "1,184 digital devices"; not "1 in 4 people"
        if after[words[k - 1].end() if k else 0:w.start()].strip():
            break  # punctuation between: the count is over
        if w.group(0).lower() in _NOT_A_MODIFIER:
            break
        if {t.text for t in ANALYZER(w.group(0), mode="query")} & counted:
            rest = after[w.end():]
            nxt = words[k + 1] if k + 1 < len(words) and not after[w.end():words[k + 1].start()].strip() else None
            # joined to another noun, or qualifying the next one ("9,400 officer hours"): it counts something else
            return not (joined_to_other(rest, counted) or (nxt and nxt.group(0).lower() not in STOP_WORDS
                                                           and not re.search(r"(?:ed|ing)$", nxt.group(0), re.I)))
    preceding = _NOUN_THEN_FIGURE_RE.search(before[-80:])
    return bool(preceding and {t.text for t in ANALYZER(preceding.group(1), mode="query")} & counted)


# a figure for the whole country ("recruit 20,000 additional officers in England and Wales") is no force's own
_NATIONAL_RE = re.compile(r"England and Wales|\bnationally\b|\bacross (?:all|the) forces\b", re.I)


_NATIONAL_ASKED_RE = re.compile(rf"{_NATIONAL_RE.pattern}|\bnational\b|\bcountry\b|\bevery force\b", re.I)
_NATIONALLY_ASKED_RE = re.compile(r"\bnational(?:ly)?\b|\bEngland and Wales\b|\bthe country\b", re.I)
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
_UNIT_OR_SHARE_RE = re.compile(r"\b(?:per|every|in)\s*$", re.I)  # before a figure: a unit or a share, no count


def _quantities(text: str, counted: set[str]):
    """Every figure of the text that counts what is asked (``_counts_noun``; a population also as an area's
    people, "a county of about 910,000 people"); a year, a unit ("per 1,000 population") or a share ("1 in 4
    people") is none."""
    if "popul" in counted:
        for m in _AREA_PEOPLE_RE.finditer(text):
            yield _amount(m.group(1), m.group(2))
    for m in _counting_figures(text, counted):
        yield _amount(m.group(1), m.group(2))


def _counting_figures(text: str, counted: set[str]):
    """The figures (matches of ``_FIGURE_VALUE_RE``) printed as counts of one of the nouns ``counted``: not a
    year, a unit or a share, nor a figure for England and Wales ("recruit 20,000 additional officers in
    England and Wales"), nor "9,400 officer hours"."""
    paragraph_numbers = {n.end() for n in _PARAGRAPH_NUMBER_RE.finditer(text)}
    for m in _FIGURE_VALUE_RE.finditer(text):
        if re.fullmatch(r"(19|20)\d\d(\.\d{1,2})?", m.group(1)) and not m.group(2):
            continue  # a year ("June 2016.2": a footnote's number after it)
        if len(text) - len(text[m.end():].lstrip()) in paragraph_numbers:
            continue  # a paragraph's number: "2.1 Officers we spoke to …"
        if _UNIT_OR_SHARE_RE.search(text[max(0, m.start() - 8):m.start()]):
            continue  # "per 1,000 population" is a unit; "1 in 4 people" a share
        sentence = text[text.rfind(".", 0, m.start()) + 1:(text.find(".", m.end()) + 1) or len(text)]
        if _NATIONAL_RE.search(sentence):
            continue
        if _counts_noun(text[:m.start()], text[m.end():], counted):
            yield m


def _beyond(value: float, quantity: re.Match) -> bool:
    """Is the value beyond the bound asked ("more than a million": 1,046,000 and 1.4 million, not 894,000)?"""
    bound, op = _amount(quantity.group(2), quantity.group(3)), quantity.group(1).lower()
    if op == "at least":
        return value >= bound
    return value > bound if op in ("more than", "over", "above") else value < bound


def _report_quantity(store, r: Report, counted: set[str]) -> tuple[float, Passage] | None:
    """The report's figure for what is asked: the largest it prints (a force area's population is more than a
    town's; the force's officers more than a unit's or a year's recruits), with its passage."""
    best = None
    for p in store.passages(r.id):
        for value in _quantities(p.text, counted):
            if best is None or value > best[0]:
                best = (value, p)
    return best


_RANKED_RE = re.compile(r"^\s*(?:which|what)(?: of the)?\s+(?P<who>reports?|forces?|police forces?|services?|"
                        r"fire (?:and rescue )?services?|organisations?)\b.*?" + _SUPERLATIVE_COUNT_RE.pattern +
                        r"\s+(?P<noun>[\w' -]+?)\s*(?:\?|$|\s+(?:in|at|by|during|for|over)\b)", re.I)
RANKED_CONFIDENCE = 0.6  # no record yet: below the band users are told to trust


_NOT_COUNTED_AFTER = frozenset(("by", "at", "in", "with", "for", "from", "to", "per", "on"))


def _counts_phrase(text: str, end: int, stems: set[str], size: int) -> bool:
    """Do the words printed right after a figure (no punctuation, figure or line break between; one qualifier
    at most beside the ``size`` words of the phrase) hold every word of the phrase counted? "68 organised crime
    groups", not "31 focus groups", "312 officers and 268 police community support officers" nor a table's next
    row."""
    run = re.match(r"[A-Za-z][A-Za-z' -]*", text[end:end + 80].lstrip(" "))
    if not run:
        return False
    words = run.group(0).split()[:size + 1]
    if any(w.lower() in ("and", "or") for w in words[:-1]) or words and words[0].lower() in _NOT_COUNTED_AFTER:
        return False  # (nor "15 by on-call firefighters": 15 stations crewed by them)
    if re.search(r"\b(?:and|or)\s*$", run.group(0)) and text[end:end + 80].lstrip(" ")[run.end():][:1].isdigit():
        return False  # "312 officers and 268 police community support officers": a count beside another
    said = [{t.text for t in ANALYZER(w, mode="query")} for w in words]
    if not stems <= set().union(*said):
        return False
    # a word before the last of the phrase names a kind of it ("96 detention officers" are not the force's officers),
    # unless it only qualifies ("412 new officers", "1,284 police officers")
    last = max(i for i, st in enumerate(said) if st & stems)
    return not (set().union(*said[:last]) - stems - QUALIFIERS - ORGANISATION_GENERIC)


def _ranked(store, question: Question) -> Answer | None:
    """"Which force had the most organised crime groups?": every organisation
    of the kind asked whose reports count them, ranked by the figure of its
    newest report that does (the largest figure of that phrase the report
    prints, with its passage), most first (fewest first for "the fewest").
    Only passages printing the phrase are read (found by the index, best
    first, up to ``MENTION_POOL``). Reports are of different years, and the
    answer says so."""
    m = _RANKED_RE.match(question.text)
    if question.kind != "list" or not m or question.organisations:
        return None
    phrase = m.group("noun")
    stems = {t.text for t in ANALYZER(phrase, mode="query")}
    head = {t.text for t in ANALYZER(phrase.split()[-1], mode="query")} if phrase.split() else set()
    if not stems or not head:
        return None
    who = m.group("who").lower()
    fire = "service" in who
    police = who.startswith(("force", "police"))
    of_years_asked = {r.id for r in question.reports} if question.years else None
    # only passages printing the phrase can count it: the index finds them (best first), not a read of every passage
    found = export(store, f'"{phrase}"', autocorrect=False, limit=MENTION_POOL)
    best: dict[str, tuple[float, Report, Passage]] = {}  # each organisation's newest report that prints a count
    for hit in found.hits:
        budget.check()
        r, p = hit.report, hit.passage
        if not r.force or not _of_kind(r, police=police, fire=fire):
            continue
        if of_years_asked is not None and r.id not in of_years_asked:
            continue
        kept = best.get(r.force)
        if kept and (kept[1].year or 0) > (r.year or 0):
            continue  # the organisation's newer report counts it: that is its figure now
        for f in _counting_figures(p.text, head):
            if f.group(2) or not _counts_phrase(p.text, f.end(), stems, len(phrase.split())):
                continue
            if _ACTED_BEFORE_RE.search(p.text, max(0, f.start() - 40), f.start()) or \
                    ADDED_COUNT_RE.match(p.text, f.start()) or _SOME_OF_THEM_RE.match(p.text, f.end()):
                continue  # what it has, not what it did to some or plans: "a plan to recruit 60 on-call firefighters",
                # "it has trained only 41 officers", "would have 1,460 officers", "to plan for 180 extra officers";
                # nor some of them: "9,214 crimes in which the victim was a child", "11,400 crimes a year are not
                # recorded"
            value = _amount(f.group(1), None)
            kept = best.get(r.force)
            if kept is None or (r.year or 0) > (kept[1].year or 0) or (kept[1].id == r.id and value > kept[0]):
                best[r.force] = (value, r, p)
    ranked = list(best.values())
    if len(ranked) < 2:
        return None  # one report's figure ranks nothing
    fewest = bool(re.search(r"\b(?:fewest|least|smallest|lowest)\b", m.group(0), re.I))
    ranked.sort(key=lambda t: t[0], reverse=not fewest)
    items = []
    for value, r, p in ranked:
        figure = f"{value:,.0f}" if value == int(value) else f"{value:,}"
        items.append(AnswerItem(text=f"{r.force} ({_label(r)}): {figure} {phrase}", report_id=r.id, passage_id=p.id,
                                citation=citation(r, p), report_title=r.title, organisation=r.force,
                                year=_label(r), value=figure))
    first = items[0]
    years = {_label(r) for _, r, _ in ranked}
    note = "Only the reports that print this count are ranked" + (
        ", each by its own figure, and they are of different years." if len(years) > 1 else ".")
    return Answer(text="; ".join(i.text for i in items), passage_id=first.passage_id, report_id=first.report_id,
                  citation=first.citation, confidence=RANKED_CONFIDENCE, kind="list", items=items, note=note,
                  basis="ranked")


def _as_typed(text: str, expansions: list[dict]) -> str:
    """The text with the question's own form of a word the reports also write open or closed
    (``compounds``): a passage saying "cyber crime" mentions the "cybercrime" asked about."""
    for e in expansions:
        if e.get("kind") == "compound":
            typed, other = e["term"], e["expansion"] if e["direction"] == "acronym" else e["acronym"]
            if re.search(rf"\b{re.escape(other)}\b", text, re.I):
                text += " " + typed
    return text


# ------------------------------------------------------------------ who signed

_ASKS_SIGNATORY_RE = re.compile(r"\b(who|which)\b[^?]*\b(inspector|hmi)\b|\bwho (signed|wrote)\b", re.I)
# "Helena Sandiford, His Majesty's Inspector of Constabulary", "— Eleanor Marchbank, HM Inspector of Constabulary"
_SIGNATURE_RE = re.compile(r"(?:^|—\s*|\n)((?:[A-Z][a-z’'-]+\s){1,2}[A-Z][\w’'-]+),?\s+"
                           r"((?:HM|His Majesty[’']s|Her Majesty[’']s) (?:Chief )?Inspector of [A-Z][\w ,&]*[\w])")


def _signatory(store, question: Question) -> Answer | Declined | None:
    """"Which HM Inspector signed the report?": the signature under the
    inspector's summary, from the report the question names (a signature
    is a name under a summary: no sentence around it says who signed)."""
    if not _ASKS_SIGNATORY_RE.search(question.text):
        return None
    if not (question.organisations or question.years):
        return Declined("Each report is signed by its own inspector: name the force, service or year; the closest "
                        "passages are below.")
    own = [r for r in question.reports if r.force in question.organisations]  # not a thematic covering it
    for report in own or question.reports:  # newest first
        for p in store.passages(report.id):
            m = _SIGNATURE_RE.search(p.text)
            if m:
                return Answer(text=f"{m.group(1)}, {m.group(2)}", passage_id=p.id, report_id=report.id,
                              citation=citation(report, p), confidence=0.9, start=m.start(1), end=m.end(2),
                              kind="sentence", basis="signature")
    return None


# ------------------------------------------------------------------ when the inspection took place

# "When did HMICFRS inspect Tollbridge?", "When was the force inspected?", "When did the fieldwork take place?",
# "In what year was its previous crime inspection?": when the inspectorate was there, not a date the inspection found
_ASKS_INSPECTED_WHEN_RE = re.compile(
    r"\bwhen\s+(?:did|was|were)\s+(?:HMICF?R?S?|HM Inspectorate\b[^?]*?|the inspectorate|(?:the )?inspectors|we)\s+"
    r"(?:first\s+|last\s+)?(?:inspect|visit)\b|"
    r"\bwhen\s+(?:was|were)\s+(?:the\s+)?(?:force|service|constabulary|(?-i:[A-Z][\w’'-]+\s+){1,5})"
    r"(?:first\s+|last\s+)?inspected\b|"
    r"\bwhen\s+did\b[^?]*\b(?:inspection|fieldwork)\s+(?:take place|happen)\b|"
    # "When did inspectors carry out their fieldwork …?", "When was the fieldwork for …?"
    r"\bwhen\s+did\s+(?:HMICF?R?S?|the inspectorate|(?:the )?inspectors|we)\s+(?:carry out|do|conduct|undertake|"
    r"complete)\s+(?:the|their|its|our)\s+(?:fieldwork|inspection|visits?)\b|"
    r"\bwhen\s+(?:was|were)\s+(?:the|its|their)\s+(?:fieldwork|inspection visits?)\b|"
    r"\b(?:what|which)\s+(?:year|month|dates?)\s+(?:was|were|did)\b[^?]*\b(?:inspection|fieldwork)\b"
    r"(?!\s+programme)", re.I)
# "We inspected Tollbridge Police between 5 and 16 March 2018", "Our fieldwork took place over two weeks in
# February 2019", "HMICFRS and HMIP carried out the inspection together in January 2024", "Question 3 was
# inspected between June and August 2015" (not "premises were inspected": a fire service inspects buildings)
_STATES_INSPECTED_RE = re.compile(r"(?<!when )\b(?:we|HMICF?R?S?|inspectors)\s+(?:\w+\s+){0,2}(?:inspected|visited)\b|"
                                  r"\b(?:force|service|questions?\s+\d+|pillar)\s+(?:was|were)\s+inspected\b|"
                                  r"\b(?:fieldwork|inspection)\b[^.;]{0,40}?\b(?:took place|was carried out)\b|"
                                  r"\bcarried out (?:the|this|our) (?:inspection|fieldwork)\b", re.I)
_WHEN_STATED_RE = re.compile(rf"\b(?:19|20)\d\d\b|\b{MONTHS}\b")
_WHICH_VISIT_RE = re.compile(r"\b(first|last|previous|next|earlier)\b", re.I)


def _inspected_when(store, question: Question) -> Answer | None:
    """"When did HMICFRS inspect Tollbridge Police?": the sentence of the
    named force's report that dates the inspectors' visit (read in report
    order: it is said once, near the start). A question about the first or
    the last inspection is answered by a sentence about that one; any
    other by a sentence about none other ("We first inspected it in 2018"
    dates the inspection before)."""
    if question.kind != "date" or not _ASKS_INSPECTED_WHEN_RE.search(question.text):
        return None
    # "When did the rural crime inspection take place?": the report whose title holds the words naming it
    document = stems_of(_INSPECTED_FRAME_RE.sub(" ", question.text)) - _DOCUMENT_GENERIC
    document = document if document and any(document <= stems_of(r.title) for r in question.reports) else frozenset()
    if not (question.organisations or question.years or question.titles or document):
        return None  # every report was inspected at its own time: the passages are the answer
    which = _visits(question.text)
    own = [r for r in question.reports if r.force in question.organisations]  # not a thematic covering it
    named = [r for r in question.reports if document <= stems_of(r.title)] if document else []
    for report in own or named or question.reports:  # newest first
        found = []
        for p in store.passages(report.id):
            for a, b in sentences.split(store.sentence_tokenizer(), p.text):
                said = p.text[a:b]
                if _STATES_INSPECTED_RE.search(said) and _visits(said) == which and \
                        _WHEN_STATED_RE.search(_INSPECTION_YEAR_RE.sub(" ", said)):
                    found.append((p, a, b, said))
        if found:  # the most exact date the report gives (days, then a month, then a year), the first of those
            p, a, b, said = max(found, key=_exactness)
            return Answer(text=" ".join(said.split()), passage_id=p.id, report_id=report.id,
                          citation=citation(report, p), confidence=0.75, start=a, end=b, kind="date",
                          basis="inspected-when")
    return None


# "When was the West Midlands effectiveness report published?": the report's own date (not one a sentence gives for
# another document: "… a separate report was published in December 2015")
_ASKS_REPORT_PUBLISHED_RE = re.compile(r"^\s*(?:when|in what (?:month|year))\s+(?:was|were)\s+"
                                       r"(?P<doc>[^?]*?\b(?:report|inspection|assessment)s?)\s+"
                                       r"(?:first\s+)?published\b", re.I)
_REPORT_NOUNS = stems_of("report reports inspection inspections assessment assessments")


def _published_when(store, question: Question) -> Answer | Declined | None:
    """"When was the West Midlands effectiveness report published?": the date an indexed report was published, from
    its record (its cover or sidecar; its text seldom says), when the question names that report by the words of
    its title, organisation, kind and year, not another document it cites ("HMIC's 2015 vulnerability report on
    West Midlands Police")."""
    asked = _ASKS_REPORT_PUBLISHED_RE.match(question.text) if question.kind == "date" else None
    words = stems_of(asked.group("doc")) - _DOCUMENT_GENERIC - _REPORT_NOUNS if asked else frozenset()
    if asked and not words and len(question.reports) > 1:
        return Declined("Which report? The question names none, and the reports searched were published at "
                        "different times; name the force, service or inspection.")
    # ("When was the report published?" of the only report in scope is of that one)
    named = question.reports if asked and not words else [
        r for r in question.reports if words and words <= stems_of(f"{r.title} {r.force} {r.inspection} {r.year}")]
    for report in named:  # newest first
        if report.published:
            first = next(iter(store.passages(report.id)), None)
            if first is not None:
                on = "on" if report.published[:1].isdigit() else "in"  # "on 6 June 2024", "in February 2016"
                return Answer(text=f"{report.title} was published {on} {report.published}.", passage_id=first.id,
                              report_id=report.id, citation=citation(report, first), confidence=0.85, start=0, end=0,
                              kind="date", basis="published")
    return None


def _exactness(found) -> int:
    """How exactly a sentence dates a visit: "from 13 January to 11 April 2025" (days) over "between January
    and April 2025" (months) over "in 2025"; ``max`` keeps the first of the most exact."""
    said = found[3]
    return 2 if re.search(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}", said) else 1 if re.search(MONTHS, said) else 0


def _visits(text: str) -> set[str]:
    """Which visit a text speaks of: the first, the last (previous), the next; none named: this one."""
    return {w.lower().replace("previous", "last") for w in _WHICH_VISIT_RE.findall(text)}


# ------------------------------------------------------------------ acronyms

def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


_ACRONYM_RE = re.compile(r"\b([A-Z][A-Z0-9&]{1,9})(s)?\b")
_ASKS_DO_RE = re.compile(r"^\s*what (?:does|do)\b.*\bdo\s*\??\s*$", re.I)


def _definition(store, question: Question, scope) -> Answer | None:
    """"What does IOM stand for?": the sentence that defines it in the reports."""
    if question.kind != "definition":
        return None
    glossary = store.glossary()
    asked = re.search(r"\b(?:what (?:does|do|is|are)(?: an?| the)?|define|meaning of)\s+([A-Z][A-Z0-9&]{1,9})(s)?\b|"
                      r"\b([A-Z][A-Z0-9&]{1,9})(s)?\s+(?:stand|mean)", question.text)
    acronyms = [asked.group(1) or asked.group(3)] if asked else [
        m.group(1) for m in _ACRONYM_RE.finditer(question.text)
        if m.group(1) in glossary and m.group(1) not in ("PEEL", "HMIC", "HMICFRS")]
    term = ASKED_TERM_RE.match(core_of(question.text))
    if not asked and not term and re.match(r"\s*(?i:what(?: is|'s|’s| are))\s+(?!(?i:an? |the )?[A-Z]{2})",
                                           core_of(question.text)):
        acronyms = []  # "What is the most common characteristic of an OCG?" asks about a characteristic (not "What
        # is OPCAT, mentioned in …?")
    if term:  # "What is a PACE review?" asks about the review, not what PACE stands for ("What is LPT in
        # Harrowmere?" about LPT: the place scopes it)
        asked_term = re.sub(r"\s+(?:in|at|of|for|by)\s+(?-i:[A-Z]).*$", "", term.group(2).strip())
        acronyms = [a for a in acronyms if re.fullmatch(rf"{re.escape(a)}s?", asked_term)]
    # "What is SARA?" wants what it is ("SARA is a problem-solving model"); "What does SARA stand for?" its words
    what_is = not re.search(r"\b(stand|stands) for\b", question.text, re.I)
    # "What does IOM do?" wants what it does: "IOM brings police, probation and partner agencies together …", not
    # where its letters are spelt out, nor "The RCCH is funded by …"
    asks_do = bool(_ASKS_DO_RE.search(question.text))
    for acr in acronyms:
        long = glossary.get(acr, "")
        found = search(store, acr, per_page=20, filters=scope, autocorrect=False)
        best = None
        for hit in found.hits:
            p = hit.passage
            for a, b in sentences.split(store.sentence_tokenizer(), p.text):
                s = p.text[a:b]
                does = asks_do and re.match(rf"\W*(?:the\s+)?{re.escape(acr)}s?\b(?:\s*\([^)]*\))?,?\s+"
                                            rf"(?:which\s+|that\s+)?(?!(?:is|was|has|does)\b)[a-z]+s\b", s, re.I)
                if does or re.search(rf"\({re.escape(acr)}s?\)|\b{re.escape(acr)}s?\s*\(|\b{re.escape(acr)}\b "
                                     rf"(stands for|means|is)", s):
                    score = (2 if long and long.lower()[:12] in s.lower() else 1) + (0.5 if hit.rank <= 3 else 0)
                    if what_is and re.search(rf"\b{re.escape(acr)}s?\b(\s*\([^)]*\))? (is|are|means)\b"
                                             rf"(?!\s+(?:\w+ly\s+)?[a-z]+ed\b)", s) or does:
                        score += 2  # (not a passive: "The RCCH is funded by …" says nothing of what it is)
                    if asks_do and score < 3:
                        continue  # a do-question is answered by what it does (or is), not by its letters alone
                    if best is None or score > best[0]:
                        best = (score, hit, a, b)
        if best:
            _, hit, a, b = best
            p = hit.passage
            text = " ".join(p.text[a:b].split())
            if long and _words(long) not in _words(text):
                text = f"{acr} ({long}): {text}"  # what it is, and what its letters stand for
            return Answer(text=text, passage_id=p.id, report_id=p.report_id, citation=citation(hit.report, p),
                          confidence=0.9, start=a, end=b, kind="definition", basis="acronym")
        if long and found.hits and not asks_do:  # (its letters spelt out say nothing of what it does)
            hit = found.hits[0]
            return Answer(text=f"{acr}: {long}", passage_id=hit.passage.id, report_id=hit.report.id,
                          citation=citation(hit.report, hit.passage), confidence=0.7, kind="definition",
                          basis="glossary")
    return None


# ------------------------------------------------------------------ sentences

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
        for st in stems:
            df = live_doc_frequency(reader, "text", st) or live_doc_frequency(reader, "heading", st)
            weights[st] = math.log(1 + n / (df + 0.5)) if df else top * (1.5 if st in names else 0.6)
            if st in period and df:
                weights[st] *= 0.3
            if st in _LIGHT_WORDS:
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
# "Was it given a graded judgment?" is answered by "… and gave a graded judgment in nine of them": the analyser
# keeps "given" apart from "give" ("Given the work involved, …" is no verb), a question's "given" is said so too
_GIVE_SAID_RE = re.compile(r"\b(?:gave|give|gives|giving)\b", re.I)


def _named(text: str, numbers: bool = True) -> set[str]:
    """Stems of the names (capitalised words not opening it) and numbers a question uses."""
    pattern = r"(?<!^)(?<![.?!] )\b(?:[A-Z][\w'-]*|\d[\d,.]*)" if numbers else r"(?<!^)(?<![.?!] )\b[A-Z][\w'-]*"
    return {t.text for t in ANALYZER(" ".join(re.findall(pattern, text)), mode="query")}


# the period a figure is counted over ("in the 12 months to 30 June 2015", "the year ending March 2019")
_COUNTED_OVER = (r"\b(?:(?:in|during|for|over) )?(?:the )?(?:12|twelve) months (?:to|ending)(?: \d{1,2})? \w+(?: \d{4})?|"
                 r"\byears? (?:to|ending)(?: \d{1,2})? \w+(?: \d{4})?")
_COUNTED_OVER_RE = re.compile(_COUNTED_OVER, re.I)
_PERIOD_RE = re.compile(rf"{_COUNTED_OVER}|\b\d{{1,2}} {MONTHS}(?: \d{{4}})?", re.I)  # or a day's date
CONTEXT_WEIGHT = 0.5  # terms found only around the sentence count half


# "It", "Its", "The scheme": the thing the sentence before named. ("This is lower than …" points back to a
# fact, and must not outrank the sentence stating it.)
# "… a partial adoption of this model in other areas": a demonstrative and a noun point back anywhere in it.
_REFERRED = r"(?:scheme|team|unit|programme|panel|project|hub|operation|initiative|campaign|pilot|" \
            r"partnership|model|approach|course|strategy|group|network|board|tool|change|measure|step|reform|" \
            r"arrangement|target)s?"
# "This is lower than …", "That compares with …": a sentence whose subject is the fact before it
_POINTS_BACK_RE = re.compile(r"\W*(?:this|that|these|those)\s+(?:is|are|was|were|represents?|means?|compares?|"
                             r"compared)\b|"
                             # "This delays charging decisions …", "This has led to …": "this" as a verb's subject
                             # (not "This process", "This analysis", whose nouns end in -ss, -us, -is)
                             r"\W*this\s+(?:\w+ly\s+)?(?:has|had|led|meant|left|made|[a-z]+ed|[a-z]+[^sui\W]s)\b",
                             re.I)
# "We told the force about these during the inspection": a demonstrative standing alone points back too; and
# "In 61 of these incidents …", "The best of these …" count from or pick among what came before
_DEMONSTRATIVE_WORDS = (r"(?:about|with|to|for|on) (?:these|those)\b(?=\s*[,.;]|\s+(?:during|in|at|and|by|when|"
                        r"before|after|because)\b)|of (?:these|those)\b(?!\s+(?:who|which|that)\b)")
_DEMONSTRATIVE_RE = re.compile(rf".*?\b(?:{_DEMONSTRATIVE_WORDS})", re.I)
# (the words that may stand anywhere in the sentence are read in one scan of it: this is read for every sentence)
_ANAPHOR_RE = re.compile(rf"\W*(?:it|its|they|their|the {_REFERRED})\b|"
                         # "Each completes a four-week course …": each of those the sentence before named
                         rf"\W*each(?:\s+of\s+(?:them|these|those))?\s+(?-i:[a-z]+s)\b(?<!ss)|"
                         # "Both forces work with the RCCH …": the forces the sentence before named
                         r"\W*(?:both|the two|these|those)\s+(?:forces|services|constabularies|organisations)\b|"
                         rf".*?\b(?:(?:this|these|such) {_REFERRED}\b|"
                         # "Police and partners have come together in that area to …": the place the sentence before
                         # named (not "this area", a report's own area of judgment)
                         r"(?:in|across|within|throughout)\s+that\s+(?:area|district|town|city|place|county|region)\b|"
                         rf"{_DEMONSTRATIVE_WORDS})", re.I)
# in a report on several organisations, "The force …" is the one the sentence before names
_THE_ORGANISATION_RE = re.compile(r"\W*the\s+(?:force|service|constabulary)\b(?!\s+(?:of|in)\b)", re.I)
_PRONOUN_RE = re.compile(r"\W*(?:it|its|they|their)\b", re.I)  # points to the sentence before, not the heading
# "They make good use of the force's tools …" is shown with the sentence saying who they are, when that sentence
# holds words the question asks that this one lacks ("Its unit …" is the force's, whichever sentence came before)
_SUBJECT_PRONOUN_RE = re.compile(r"\W*(?:it|they)\b", re.I)
ANTECEDENTS = 3  # how far back a chain of pointing-back sentences is followed


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
                    passage_kind: str, time_asked: bool = False) -> tuple[float, float]:
    """Score and coverage of one sentence. Coverage is the rarity-weighted
    share of the question's terms in the sentence, with terms found only in
    the sentence before or its context (headings, a table's title) at half
    weight: "This is 8 percent fewer incidents" answers a question about
    anti-social behaviour named one sentence earlier."""
    spans = [(st, a) for st, a, _ in term_spans(text, weights)]
    own = {st for st, _ in spans} | _time_taken_held(text, time_asked)
    earlier = stems_among(before, weights) - own
    around = stems_among(context, weights) - own - earlier
    total = sum(weights.values()) or 1.0
    # "Its energy costs fell by £86,000": a sentence that opens by pointing back is about what came before (the
    # sentence it points to, not the headings above: "It needs accurate records …" under "Understanding heritage
    # crime" does not say how well heritage crime is understood)
    lean = 1.0 if own and _ANAPHOR_RE.match(text) else CONTEXT_WEIGHT
    coverage = (sum(weights[st] for st in own) + lean * sum(weights[st] for st in earlier)
                + CONTEXT_WEIGHT * sum(weights[st] for st in around)) / total
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


_UNFINISHED_RE = re.compile(r"(\b(and|of|the|in|for|to|or|with|per|by|from|on|at)|[-–,])\s*$", re.I)


def _alike(cells: list[str]) -> bool:
    """Do the cells share a word ("2018 audit", "2021/22 audit"): the parts of one heading above them?"""
    shared = set.intersection(*(set(re.findall(r"[a-z]{3,}", c.lower())) for c in cells)) if cells else set()
    return bool(shared)


def _column_names(header: list[str], columns: int) -> list[str]:
    """The names of a table's last ``columns`` columns, read down the header
    lines: a name broken over two lines ("Rural" over "crimes", "Did not
    report the" over "most recent crime", "England and" over "Wales") is
    joined. A line with fewer cells than columns names the last ones (the
    first line names the row labels' column too, or leaves it blank); a
    caption, or a line of one cell above the first names, is a title."""
    names = [""] * columns
    above: list[str] = []
    for line in header:
        if _CAPTION_LABEL_RE.match(line):
            continue
        cells = _CELL_SPLIT.split(line.strip())
        if len(cells) < 2 and not (names[-1] and _UNFINISHED_RE.search(names[-1])):
            continue  # a title over the table or a label of its rows ("Public perceptions"), not "England and" / "Wales"
        if len(cells) == len(above) == columns and _alike(cells) and not _alike(above):
            # "Crime type  Estimated recording rate" over "2018 audit  2021/22 audit": the line above names the
            # labels' column and one heading over every column below it
            names = [f"{above[-1]} {cell}" for cell in cells]
            above = cells
            continue
        above = cells
        cells = cells[-columns:]
        for i, cell in enumerate(cells, columns - len(cells)):
            names[i] = f"{names[i]} {cell}".strip()
    return names


_LABEL_AND_VALUE_RE = re.compile(r"(.*[A-Za-z)].*?)\s(-?\d[\d,]*(?:\.\d+)?%?)")
_VALUES_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?(?:\s+-?\d[\d,]*(?:\.\d+)?%?)+")


def _cells(row: str) -> list[str]:
    """A row's cells, split where a PDF's text left one space between columns: "Caution - youths 964  0.5 19,703
    0.5" is the label and four values, not "Caution - youths 964" and "0.5 19,703" (only where values are run
    together and every value is a figure, so "Not used" and "12 months to March 2015" stay whole)."""
    cells = _CELL_SPLIT.split(row.strip())
    if len(cells) < 2 or not all(_VALUES_RE.fullmatch(c) or _VALUE_RE.fullmatch(c.rstrip("%")) for c in cells[1:]):
        return cells
    if not any(" " in c for c in cells[1:]):
        return cells  # no value run together: "12 months to March 2015  1,234" has its label whole
    label = _LABEL_AND_VALUE_RE.fullmatch(cells[0])
    head = [label.group(1), label.group(2)] if label else [cells[0]]
    return head + [v for c in cells[1:] for v in c.split()]


def _table_row(header: list[str], row: str) -> str:
    """A table row read with its column headers: "Caution – youths: West
    Midlands Police 964; England and Wales 1,140"."""
    cells = _cells(row)
    if len(cells) < 2:
        return row.strip()
    cells[0] = " ".join(cells[0].split())  # a label broken over two lines ("999 calls per 1,000 population,", "12 …")
    values = cells[1:]
    widest = max((len(_CELL_SPLIT.split(line.strip())) for line in header if not _CAPTION_LABEL_RE.match(line)),
                 default=0)
    # a row with fewer cells than the table has columns ("Brackenfield (contingency)  8  Not used" under "Custody
    # suite  Cells  Detainees  Of whom children") has left some out: which, its text does not say
    heads = _column_names(header, len(values)) if header and widest <= len(values) + 1 else []
    if heads and all(heads):
        return f"{cells[0]}: " + "; ".join(f"{h} {v}" for h, v in zip(heads, values))
    return f"{cells[0]}: " + "; ".join(values)


_ROW_END_RE = re.compile(r"[\d.,%*£]+\s*$|\bn/?a\s*$|–\s*$")

# "In which month did it receive the most emergency calls?": a row picked out by the largest or smallest value of a
# column (not "most of its officers", "at least")
_MOST = r"most|highest|largest|biggest|greatest|longest"  # the superlatives of the most, and of the least
_LEAST = r"fewest|least|lowest|smallest|shortest"
_SUPERLATIVE_RE = re.compile(rf"(?<!\bat )\b(?:({_MOST})|({_LEAST}))\b(?!\s+(?:of|in)\b)", re.I)
# (which one of several: "which month", "in what year", "where"; not "What share of its most vulnerable …")
_ASKS_WHICH_RE = re.compile(r"\s*(?:(?:in|at|on|for|from|during|over)\s+)?(?:which|where|what\s+(?:month|year|quarter|"
                            r"day|force|forces|area|areas|service|services|suite|command|team|district|region|place)\b)",
                            re.I)
# "Which of its two command areas had more crimes?": between rows, the comparative asks the row with the most (not
# "more … than Eastmoor", a comparison with one named)
# (a quantity: "more crimes", "a higher rate"; not "less complex", "less likely")
_COMPARATIVE_OF_ROWS_RE = re.compile(r"\b(?:(more)|fewer)(?=\s+[a-z]+s\b)(?![^?]*\bthan\b)|"
                                     r"\b(?:(higher|larger|bigger|greater)|lower|smaller)(?=\s+(?:[a-z]+\s+){0,2}"
                                     r"(?:rate|share|number|proportion|percentage|figure|total)\b)(?![^?]*\bthan\b)",
                                     re.I)
_SUPERLATIVE_OF = {"more": "most", "higher": "highest", "larger": "largest", "bigger": "biggest", "greater": "greatest",
                   "longer": "longest", "fewer": "fewest", "less": "least", "lower": "lowest", "smaller": "smallest",
                   "shorter": "shortest"}


_SHARE_HEADS = frozenset(stems_of("share proportion percentage"))


def _extreme_asked(question_text: str) -> tuple[str, bool] | None:
    """The superlative a "which …" question picks its one of several by, and whether it is the largest: ("most",
    True) of "In which month did it receive the most emergency calls?", ("most", True) of "Which of its command
    areas had more crimes?"; None when it asks none."""
    if not _ASKS_WHICH_RE.match(question_text):
        return None
    if m := _SUPERLATIVE_RE.search(question_text):
        return m.group(0).lower(), bool(m.group(1))
    if m := _COMPARATIVE_OF_ROWS_RE.search(question_text):
        return _SUPERLATIVE_OF[m.group(0).lower()], bool(m.group(1) or m.group(2))
    return None


_VALUE_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _extreme_rows(header: list[str], rows: list[str], question_text: str, most: bool) -> set[str] | None:
    """The rows of a table holding the largest (``most``) or smallest value in the column the question names (not
    one on the other side of "non-" from it), its whole rows ("Year", "Total") aside; None when the table does not
    say which (no column named, or two named alike, or fewer than two values)."""
    asked = stems_of(question_text)
    cells = [(row.strip(), _cells(row)[1:]) for row in rows
             if not _WHOLE_ROW_RE.match(_row_label(row))]
    cells = [(row, values) for row, values in cells if values]
    width = max((len(values) for _, values in cells), default=0)
    if len(cells) < 2 or any(len(values) != width for _, values in cells):
        return None
    shared = [frozenset() if other_side_of_non(question_text, name) else stems_of(name) & asked
              for name in _column_names(header, width)]
    named = [len(words) for words in shared]
    if width > 1 and (max(named) == 0 or named.count(max(named)) > 1):
        return None
    column = named.index(max(named))
    if any(words and not words <= shared[column] for words in shared):
        # two columns named by different words ("emergency call answering at its lowest": "Emergency calls
        # received", "Answered within 10 seconds"): the measure is the one named last, the words before it say of
        # what ("emergency call" answering); when that word names several columns, the table does not say which
        last = next((st for st in reversed([t.text for t in ANALYZER(question_text, mode="query")])
                     if any(st in words for words in shared)), None)
        holding = [i for i, words in enumerate(shared) if last in words]
        if len(holding) != 1:
            return None
        column = holding[0]
    values = {row: float(m.group(0).replace(",", "")) for row, cell in cells if (m := _VALUE_RE.search(cell[column]))}
    if len(values) < 2:
        return None
    extreme = max(values.values()) if most else min(values.values())
    return {row for row, v in values.items() if v == extreme}



def _table_header(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The lines of a table before its first row of values."""
    header = []
    for a, b in spans:
        line = text[a:b]
        if _ROW_END_RE.search(line.strip()) and not (not header and _CAPTION_LABEL_RE.match(line)):
            break  # a caption ("Table 1: …, year to 30 September 2023") heads the table whatever it ends with
        header.append(line)
    return header[:4]


_THESE_ARE_RE = re.compile(r"\s*(these|they)\s+(are|were|include[ds]?|cover(ed)?)\b", re.I)


def _enumeration_end(text: str, spans: list[tuple[int, int]], i: int) -> int:
    """A sentence ending with ":" introduces the bullets after it, and one
    followed by "These are …" the sentence that names them: they are the
    answer too ("… one of six national threats. These are terrorism, …")."""
    a, b = spans[i]
    if not text[a:b].rstrip().endswith(":"):
        if i + 1 < len(spans) and _THESE_ARE_RE.match(text[spans[i + 1][0]:spans[i + 1][1]]):
            return spans[i + 1][1]
        return b
    end = b
    for x, y in spans[i + 1:]:
        if not re.match(r"\s*[•▪●◦\-–]", text[x:y]):
            break
        end = y
    return end


SEMANTIC_WEIGHT = 0.4  # how much meaning adds to the words a sentence shares with the question
SEMANTIC_FLOOR, SEMANTIC_SPAN = 0.25, 0.45  # similarity → coverage: 0.25 says nothing, 0.7 covers all


_TYPES = ("effectiveness", "efficiency", "legitimacy")


_GRADED_ASKED_RE = re.compile(r"grade[ds]?|rated|judged", re.I)


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
SUBJECT_BONUS = 0.15  # the term as subject of a timeless verb: what it does, if not what it is


def _refers_to_term(defines: Defining, footnote: Passage, hits) -> bool:
    """Does a footnote open on the term's last word ("The unit looks for officers and staff who …"), under a heading
    whose passages found name the term ("its counter-corruption unit")? (Its marker is not kept in the text.)"""
    return bool(defines.head) and not defines.names(footnote.text) and bool(
        re.match(rf"\s*(?:the|this|these)\s+{re.escape(defines.head)}s?\b", footnote.text, re.I)) and any(
        defines.names(h.passage.text) for h in hits[:CANDIDATE_PASSAGES]
        if h.passage.report_id == footnote.report_id and h.passage.heading_path[:1] == footnote.heading_path[:1])


# a noun the term stands before, as its modifier ("… inspection programme"): not a verb, a function word, a plural
# or a past or present participle
_MODIFIES_NEXT_RE = re.compile(r"\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|"
                               r"shall|and|or|nor|of|in|on|at|to|for|by|with|from|that|which|who|whose|as|than|but|"
                               r"does|do|did|not|also|now|only|so|then|this|these|its|their|it|they)\b)"
                               r"([a-z][a-z-]*)(?<!ed)(?<!ing)(?<![^s]s)\b")


def _modifies_next(text: str, end: int) -> bool:
    """Does the word after ``end`` read as a noun the words before it modify (not an irregular verb: "khat became
    a criminal offence")?"""
    m = _MODIFIES_NEXT_RE.match(text, end)
    return bool(m) and m.group(1) not in VERB_FORMS


# a footnote naming a term as where something else is set out ("Their definitions are in the … Framework")
_WHERE_SET_OUT_RE = re.compile(r"\b(?:in|see|from|under|within)\s+(?:the\s+|its\s+|our\s+)?$", re.I)


def _glosses(defines: Defining, footnote: Passage, hits) -> bool:
    """Is this footnote about the term asked: naming it, or numbered where
    a passage beside it prints the term ("cannabis/khat7" for footnote 7)? Not one that names it only as where
    something else is set out ("Their definitions are in the PEEL Assessment Framework")."""
    if defines.names(footnote.text):
        return not all(_WHERE_SET_OUT_RE.search(footnote.text[:m.start()])
                       for m in defines.at.finditer(footnote.text))
    if _refers_to_term(defines, footnote, hits):
        return True
    number = re.search(r"\d+", footnote.heading_path[-1] if footnote.heading_path else "")
    if not number:
        return False
    anchor = re.compile(rf"\b{defines.at.pattern[4:-2]}s?{number.group(0)}\b", re.I)
    return any(anchor.search(h.passage.text) for h in hits[:CANDIDATE_PASSAGES] if h.passage.report_id ==
               footnote.report_id)


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
_INSPECTORATE = r"(?:the\s+)?(?:inspectorate|HMICFRS|HMIC|inspectors?|HM Inspector|His Majesty[’']s Inspector)"
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
_MAKES_FINDINGS_RE = re.compile(r"mak\w*|made|set\w*|giv\w*|gave|rais\w*|identif\w*|recommend\w*|issu\w*", re.I)
_INSPECTORATE_SAID_RE = re.compile(rf"\b(?:we|us|our|(?-i:I)|{_INSPECTORATE}|inspections?|revisits?|re-inspections?|"
                                   r"fieldwork)\b", re.I)
# "In which towns / Which areas …?" asks for places by name
_ASKS_PLACES_RE = re.compile(r"^\s*(?:in |at |from |to )?(?:which|what) (?:other )?(towns?|areas?|places?|cities|city|"
                             r"villages?|districts?|locations?|counties|county)\b", re.I)


_NAME_AND_NOUN_RE = re.compile(r"(?<!^)(?<![.?!] )\b((?-i:[A-Z][a-z][\w’'-]*))\s+((?-i:[A-Z]?[a-z][\w’'-]*))\b")
_PLACE_ASKED_RE = re.compile(rf"\b(?:in|at|from|near)\s+(?:the\s+)?(?!{MONTHS}\b)([A-Z][\w’'-]+)|"
                             # a place naming what is counted there: "How long did Kingsfold detainees wait?"
                             rf"(?<=[a-z] )(?!{MONTHS}\b)((?-i:[A-Z][a-z][\w’'-]*))(?=\s+(?-i:[a-z]+s)\b)")


@lru_cache(maxsize=1024)
def _places_named(question_text: str) -> re.Pattern:
    """A place named after a preposition of place ("in Ashcombe"), not one the question names itself ("in
    Tollbridge" scopes it)."""
    own = sorted({w for w in re.findall(r"\b[A-Z][\w’'-]+", question_text)}, key=len, reverse=True)
    not_own = rf"(?!(?:{'|'.join(map(re.escape, own))})\b)" if own else ""
    return re.compile(rf"\b(?:in|at|from|near|across|around)\s+(?:the\s+)?(?-i:{not_own}(?!{MONTHS}\b)[A-Z][\w’'-]+)")


# a place something went to or came from: "moved two fire engines from Eastwold to Fenmoor Bay"
_DIRECTED_RE = re.compile(rf"\b(from|to|into)\s+(?:the\s+)?(?!{MONTHS}\b)((?-i:[A-Z][\w’'-]+))", re.I)


def _directions(text: str, organisations=()) -> dict[str, str]:
    """Each place a text names after "to" ("into") or "from", with that word:
    where something went or came from, not an organisation it is about."""
    own = {w.lower() for name in organisations for w in name.split()}
    return {name.lower(): "from" if word.lower() == "from" else "to"
            for word, name in _DIRECTED_RE.findall(text) if name.lower() not in own}


def _reverses(sentence: str, asked: dict[str, str]) -> bool:
    """The sentence names a place the question asks about only with the other
    direction: "How many fire engines did it move to Eastwold?" is not "It moved
    two fire engines from Eastwold to Fenmoor Bay"."""
    said = {}
    for word, name in _DIRECTED_RE.findall(sentence):
        said.setdefault(name.lower(), set()).add("from" if word.lower() == "from" else "to")
    return any(said.get(name) == {"to" if way == "from" else "from"} for name, way in asked.items())


_NON_RE = re.compile(r"\bnon-?([a-z]{3,})\b", re.I)


def _non_terms(question_text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words a question negates with "non-" ("non-emergency"), and the
    content words it uses bare: a sentence must not swap one for the other."""
    negated = frozenset(w.lower() for w in _NON_RE.findall(question_text))
    bare = frozenset(w.lower() for w in re.findall(r"(?<![-\w])[a-z]{4,}\b", _NON_RE.sub(" ", question_text))
                     if w.lower() not in STOP_WORDS) - negated
    return negated, bare


def _non_cell_answers(row: str, question_text: str, negated: frozenset[str]) -> bool:
    """Does a cell of a table row (read with its headers) give a figure for the question's "non-" word and say
    more of what it asks than that word and the noun after it ("Non-emergency calls answered 72%", not
    "Non-emergency calls abandoned 34%", asked what share of non-emergency calls were answered)?"""
    asked = stems_of(question_text)
    for cell in row.split(";"):
        m = _NON_RE.search(cell)
        if not m or m.group(1).lower() not in negated or not re.search(r"\d", cell[m.end():]):
            continue
        after = re.match(r"\s+([a-z][\w-]*)", cell[m.end():], re.I)
        said = stems_of(re.sub(r"\d[\d,.%]*", " ", cell[:m.start()] + " " + cell[m.end():]))
        if (said - stems_of(after.group(1) if after else "")) & asked:
            return True
    return False


def _swaps_non(sentence: str, terms: tuple[frozenset[str], frozenset[str]]) -> bool:
    """The sentence says the bare word where the question says "non-" ("1,104 emergency calls" for non-emergency
    calls), or only "non-" where the question says the bare word."""
    negated, bare = terms
    said_non = {w.lower() for w in _NON_RE.findall(sentence)}
    if not negated and not said_non:
        return False  # (most sentences: no "non-" on either side)
    said_bare = {w.lower() for w in re.findall(r"(?<![-\w])[a-z]{3,}\b", _NON_RE.sub(" ", sentence), re.I)}
    return any(w in said_bare and w not in said_non for w in negated) or any(
        w in said_non and w not in said_bare for w in bare)


# what a count is of is a state: "How many custody sergeant posts are vacant …?"
_COUNTED_STATE_RE = re.compile(r"^\s*how many\b[^?]*?\b(?:are|were|is|was|remain|remained)\s+(?:still\s+)?"
                               r"((?-i:[a-z][a-z-]+))\b(?![’'])", re.I)
# forms of a verb that analysis.VERB_FORMS leaves out because they are other words too ("set", "left", "read"), and
# "able" ("are able to retire")
_OTHER_PARTICIPLES = frozenset("done left run put set cut read met given able".split())


def _is_state(word: str) -> bool:
    """A word for a state ("vacant", "late", "overdue"), not a verb's form ("organised", "held", "planning"),
    which a sentence may put in other words."""
    return word not in STOP_WORDS and word not in VERB_FORMS and word not in _OTHER_PARTICIPLES and not re.search(
        r"(?:ed|ing|en)$", word)


# what someone waited for: "waited nine hours for an officer", "waited more than three weeks for an assessment"
_WAITED_FOR_RE = re.compile(r"\bwait(?:s|ed|ing)?\s+(?:[\w,]+\s+){0,4}?for\s+((?:[\w’'-]+\s*){1,4})", re.I)


def _waited_for(text: str) -> frozenset[str]:
    """The stems of what a text says was waited for."""
    return frozenset(st for m in _WAITED_FOR_RE.finditer(text) for st in stems_of(m.group(1)))


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
    for acr, long, stems, short in table:
        if stems and stems <= asked and not short & asked:
            out.append((re.compile(rf"\b{re.escape(acr)}s?\b"), long))
        elif short and short & asked and not stems <= asked:
            # the long form singular or plural, as the acronym is asked ("PCSOs" for "police community support
            # officers")
            as_asked = acr if stems_of(acr) & asked else f"{acr}s"
            out.append((re.compile(rf"\b{re.escape(long.removesuffix('s'))}s?\b", re.I), as_asked))
    return out


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


def _best_sentence(store, question: Question, hits, weights: dict[str, float], extra=()) -> Candidate | None:
    """The sentence of the first candidate passages that best answers the
    question, with its score and how far it leads the runner-up. The rules
    go first (a sentence they rule out is never embedded: embedding was the
    largest cost of a question), then meaning adds to the survivors' scores."""
    tok = store.sentence_tokenizer()
    defines = defining(question)
    prescriptive = bool(_ASKS_PRESCRIPTION.search(question.text))
    asks_advice = bool(_ASKS_ADVICE_RE.match(core_of(question.text)))  # only advice answers it
    recap_skipped = question.kind != "comparison" and not question.since and not _ASKS_PAST_RE.search(question.text)
    asked_years = [*question.years, *([question.earlier] if question.earlier else [])]
    # a question with no count or date to find is anchored only by what it names: the sentence itself must
    # name it (a count or a date, next to what is counted, may lean on the sentence before)
    undated = _DATE_FULL_RE.sub(" ", _DATE_RE.sub(" ", _content(question)))
    untyped_names = set() if question.kind in TYPED_KINDS else _named(undated, numbers=False) & set(weights)
    # a count or a date about something named ("How often does the Port Aldwick panel meet?") comes from a
    # passage that names it, in its text or its headings (an acronym may be spelt out there: not required)
    typed_names = (_named(re.sub(r"\b[A-Z]{2,}s?\b", " ", undated), numbers=False) & set(weights)
                   if question.kind in TYPED_KINDS else set())
    wanted = items_wanted(question) if question.kind == "enumeration" else 0
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
    named_aliases = {a.lower() for name in question.organisations for a in aliases(name)}
    each_named = [{a.lower() for a in aliases(name)} for name in question.organisations]
    national_figure_not_asked = question.kind == "number" and bool(named_aliases) and not _NATIONAL_ASKED_RE.search(
        question.text)
    # "By how much did ASB fall nationally?", "Who leads nationally on rural crime?": the whole country, asked of no
    # force (a figure said of it: "across England and Wales", "the national rate"; anything else in its word)
    # ("Does every force have …?" asks of several forces, each: what is said of some of them settles it)
    national_asked = not named_aliases and bool((_NATIONAL_ASKED_RE if question.kind == "number"
                                                 else _NATIONALLY_ASKED_RE).search(question.text))
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
    # "What did it say about the pace of its investigations?": "Investigations are too slow"
    other_forms = other_forms + [(_PACE_SAID_RE, stem) for stem in _PACE_ASKED if stem in weights]
    if "given" in weights:
        other_forms = other_forms + [(_GIVE_SAID_RE, "given")]
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
        asks_publication or not _LAUNCHED_RE.search(question.text))
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
    survivors = []  # (hit, start, end, answer's end, score before meaning, coverage, own words, table header,
    #               the sentence before)
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
                and unnamed - stems_among(" ".join(words for form, words in glossary_forms if form.search(text)), unnamed):
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
            if inspectorate_method_asked and not _INSPECTORATE_SAID_RE.search(text[a:b]):
                continue  # "How did HMIC gather evidence …?" asks what the inspectors did ("We also surveyed and
                # interviewed … to gather evidence"), not "The force works hard to ensure that the risks of gathering
                # evidence in this way are communicated to staff"
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
            for form, words in other_forms:
                if form.search(text[a:b]):
                    own += " " + words  # "the RCCH" says "the Rural Crime Coordination Hub"
            # a sentence that points back leans on what it points to, a chain of such sentences on the first
            # (or names its figure as the one the sentence before describes: "For Harrowmere this estimate was …")
            points_back = bool(i) and bool(_ANAPHOR_RE.match(text[a:b]) or _MEASURE_BEFORE_RE.search(text[a:b]))
            leaned = _antecedent(text, spans, i) if points_back else previous
            for form, words in glossary_forms:
                if form.search(leaned):
                    leaned += " " + words  # "Its funding …" after "… provided by the RCCH": the hub's funding
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
            if question.kind in ("number", "date", "grade", "frequency", "who") and not _typed(question, typed, previous,
                                                                                       row=bool(header)):
                continue  # "how many …?" is answered by a sentence with the count, however close another is
            if question.kind == "yesno" and header and set(weights) - untyped_names - _GRADING_STEMS - \
                    _QUANTIFIER_STEMS - stems_of(
                    f"{typed} {' '.join(header)} {title} {heading}"):
                continue  # "Is Tenterham custody suite open all the time?" is not "Tenterham: Cells 18; Detainees
                # 3,150; …": a row settles a yes or no only when it and its headers hold what is asked of its names
                # (graded or not: "Armed policing  Ungraded  2018/19")
            # (whether the sentence says what the term is, read once: three rules below ask it)
            defined = bool(defines) and bool(defines.subject(text[a:b]) or defines.apposes(text[a:b])
                                             or defines.called(text[a:b]))
            if defines and defines.required and not defined \
                    and not (p.kind == "footnote" and _glosses(defines, p, hits) and not defines.listed(text[a:b])):
                # "What are on-call firefighters?" is not answered by "19 are crewed by on-call firefighters";
                # a footnote glosses the word it is attached to ("7 A plant native to Africa …" for khat), unless
                # it only lists it ("Outstanding, good, requires improvement or inadequate.")
                continue
            if term_modifiers and not term_modifiers.search(f"{previous} {text[a:b]}") and \
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
            if defines and defines.says_what(text[a:b]):
                bonus += DEFINING_BONUS  # "A tethered drone is flown on a cable …" defines what was asked
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
                                    and _same_direction(asks_change, stated)):
                continue  # "By how much did reports fall?" is answered by a sentence that states a fall
            if question.kind == "comparison" and not asks_change and not header and not _CHANGE_RE.search(
                    _NAMED_NOT_CHANGED_RE.sub(" ", said)):
                continue  # "Has its crime recording improved?" is answered by a sentence stating a change ("This is an
                # improvement on the 89.1 percent we found in 2019"), not by "It is good at recording data about crime"
            if asks_amount and not _CHANGE_AMOUNT_RE.search(text[a:b]):
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
            if asks_manner and _GRADE_STATEMENT_RE.search(text[a:b]):
                continue  # "How does it prevent fires?" is not answered by "It is good at preventing fires"
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
            if not asks_inspectorate and _INSPECTORATE_PLANS_RE.search(own):
                continue  # "What progress has Tollbridge made …?" is not "We will assess progress … in 2019"
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
            if choice and not ((len(re.findall(r"\d[\d,.]*", text[a:b])) >= 2 or _COMPARES_RE.search(own)) and all(
                    name in text[a:b] for name in choice.groups()) and compared <= stems_of(own)):
                continue  # "Which has more cells, Kingsfold or Tenterham?" is not "Cells were mostly clean, but we
                # found ligature points at Tenterham and Kingsfold", nor "ligature points in 6 cells … at Tenterham
                # … at Kingsfold": a figure for each, or a comparison, naming both and what is compared
            if than_named and not ((len(re.findall(r"\d[\d,.]*", text[a:b])) >= 2 or _COMPARES_RE.search(own)) and
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
            if wanted and _items_in(text[a:end]) < wanted:
                continue  # "the six national threats" are answered by a list of six, not "one of six threats"
            if wanted and end == b and not _introduces(text[a:b], wanted) and wanted_mention and \
                    wanted_mention.search(own):
                continue  # "What are the three ports in Fenmoor?" is not "The county has a long coastline, three ports
                # and …": a sentence saying there are three lists other things, not them (unless what follows does)
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
            if names_asked:
                bonus += NAMES_ASKED_BONUS  # "We inspected Northshire Constabulary in …" of a question about it
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
                                              time_asked)
            survivors.append((hit, start, b, end, score + bonus, coverage, own, header, previous))
    if question.latest_only:
        survivors = _newest_first(survivors, now=bool(_NOW_ASKED_RE.search(question.text)))
    survivors = _exact_rows(survivors, question_stems)
    survivors = _within_reach(survivors)
    sims = similarities(_content(question), [h.passage.text[a:b] for h, a, b, *_ in survivors]).tolist()
    best: Candidate | None = None
    runner_up = 0.0  # the best score of any other sentence
    for (hit, a, b, end, score, coverage, own, header, previous), sim in zip(survivors, sims):
        p = hit.passage
        meaning = max(0.0, min(1.0, (sim - SEMANTIC_FLOOR) / SEMANTIC_SPAN))
        lexical = coverage
        coverage = max(coverage, meaning)
        score += 0.1 / hit.rank + SEMANTIC_WEIGHT * meaning
        if best is None or score > best.score:
            shown = _table_row(header, p.text[a:b]) if header else ""
            runner_up = max(runner_up, best.score if best else 0.0)
            absent = tuple(sorted(set(weights) - stems_among(own, weights) - _time_taken_held(own, time_asked)))
            best = Candidate(p, hit.report, a, end, score, coverage, shown, lexical, meaning, absent=absent,
                             previous=previous)
        else:
            runner_up = max(runner_up, score)
    if best is not None:
        best.margin = best.score - runner_up
    return best


OLDER_REPORT_PENALTY = 0.1


_NOW_ASKED_RE = re.compile(r"\b(?:now|currently|at present|these days|at the moment)\b", re.I)


def _report_year(report) -> int:
    """The latest year a report speaks from: its own, or its publication's ("June 2024" for Northshire's 2023–25)."""
    published = _YEAR_WORD_RE.findall(report.published or "")
    return max([report.year or 0, *map(int, published)])


def _newest_first(survivors: list, now: bool = False) -> list:
    """A question naming an organisation but no year is about now: a
    sentence of an older report of its own scores a little less than one of
    its newest report that has any ("runs 9 neighbourhood teams" in 2016,
    "increased its neighbourhood teams from 9 to 11" in 2021/22). A question
    saying "now" is about the newest report only ("How many phones are
    waiting now?" is not the 2016 report's backlog)."""
    years = {hit.report.id: hit.report.year or 0 for hit, *_ in survivors if hit.report.force}
    if len(set(years.values())) < 2:
        return survivors
    newest = max(years.values())
    if now:
        return [t for t in survivors if years.get(t[0].report.id, newest) >= newest]
    return [(hit, a, b, end, score - OLDER_REPORT_PENALTY if years.get(hit.report.id, newest) < newest else score,
             *rest) for hit, a, b, end, score, *rest in survivors]


# (a table of months closes with the whole year's row: "Year  241,600  61%  34%")
_WHOLE_ROW_RE = re.compile(r"\s*(?:all|total|overall)\b|\s*(?:(?:the\s+)?(?:full|whole)\s+)?year(?:\s*$|\s+to\b)",
                           re.I)  # (and "Year to March 2022" under its quarters)


def _row_label(row: str) -> str:
    return _cells(row)[0]


def _exact_rows(survivors: list, asked) -> list:
    """A table's rows whose label adds the fewest words the question does
    not ask, without its others: "police officers" is the row "Police
    officers", not "Police community support officers" (which holds the same
    two words); "officers" too is "Police officers" (one word more, not
    three)."""
    rows = [(t, _label_extra(t[0].passage.text, t[1], asked) if t[7] else set()) for t in survivors]
    fewest: dict[str, int] = {}  # of each table, the fewest words a row's label adds
    for t, extra in rows:
        if t[7]:
            fewest[t[0].passage.id] = min(len(extra), fewest.get(t[0].passage.id, len(extra)))
    return [t for t, extra in rows if not (t[7] and len(extra) > fewest[t[0].passage.id])]


def _label_extra(text: str, start: int, asked) -> set[str]:
    """The words of a row's label (at ``start`` in its table) the question
    does not use, but for its unit in brackets ("(minutes:seconds)", "(FTE)")
    and the day it is counted at ("at 31 March 2019")."""
    line_end = text.find("\n", start)
    label = _row_label(text[start:line_end if line_end >= 0 else len(text)])
    return stems_of(_DATE_RE.sub(" ", re.sub(r"\([^)]*\)|\b\d+\b", " ", label))) - asked


def _part_not_asked(label: str, wholes: list[frozenset[str]], asked: frozenset[str]) -> bool:
    """Is the row labelled ``label`` one part of a whole the table also
    gives (``wholes``: the terms of its rows labelled "All …", "Total …"), a
    part the question does not name (what it names of the row, the whole's
    label names too)? Then it asks for the whole: "the crime recording rate"
    is the "All crime" row's, not "Behavioural crimes"; detainees held by the
    force are the "Total" row's, not one suite's; a row naming the force
    asked about is asked by name. In a table giving no whole, a row whose
    label the question does not name at all is a part it does not ask:
    adults brought into custody are not the row "Less than 12 hours"."""
    # (a month names a part, though the analyser drops "May" as a verb)
    stems = stems_of(label) | ({label.strip().lower()} if re.fullmatch(MONTHS, label.strip(), re.I) else set())
    if _WHOLE_ROW_RE.match(label) or not stems - asked:
        return False
    named = stems & asked
    return any(named <= whole for whole in wholes) if wholes else not named


def _within_reach(survivors: list) -> list:
    """The survivors whose score could still come first or second once
    meaning is added (at most SEMANTIC_WEIGHT): only they are embedded, and
    the best sentence and the runner-up (hence the margin) are the same as
    if every survivor had been (embedding is most of a sentence's cost)."""
    if len(survivors) <= 2:
        return survivors
    floors = [score + 0.1 / hit.rank for hit, _a, _b, _e, score, *_ in survivors]
    second = sorted(floors, reverse=True)[1]
    return [s for s, floor in zip(survivors, floors) if floor + SEMANTIC_WEIGHT >= second]


_NEGATION_STEMS = frozenset(stems_of("not no never none nor neither"))
_FRAMING_STEMS = frozenset(stems_of("find findings say report show note describe"))  # what was found, no subject
_NEGATIVE_ASKED = ("fail", "lack")  # a question's words held by any negation of the sentence's
_NEGATION_RE = re.compile(r"\b(not|no|never|none|nor|neither|only|without|yet to|lacks?|lacking|fail(s|ed)? to|too few|"
                          r"insufficient|unable|unaware|unclear|inconsistent(ly)?)\b|n[’']t\b", re.I)
# a quality asked and its opposite said, which answers a yes/no question "no", or the same said in another word
# ("difficult", "hard"): as stems asked (a prefixed opposite, "unsafe", "inaccurate", is read by _states_the_opposite;
# a delay is not said of what is slow: "its new control room system has been delayed" says nothing of calls)
_OPPOSITES = tuple((stem, re.compile(rf"\b(?:{said})\b", re.I)) for words, said in (
    ("easy easily", "hard|harder|difficult|difficulty|difficulties"), ("hard difficult", "hard|harder|difficult"),
    ("quick quickly fast", "slow|slowly|slower"), ("slow slowly", "quick|quickly|quicker|fast|faster|prompt|promptly"),
    ("strong", "weak|weakness|weaknesses"), ("weak", "strong|strength|strengths"), ("clean", "dirty|unclean"),
    ("dirty", "clean|cleaned|cleaner"), ("poor poorly", "good|well"), ("right", "wrong|wrongly|incorrect|incorrectly"),
    ("wrong wrongly", "right|correct|correctly"),
    ("correct correctly accurate accurately", "wrong|wrongly|incorrect|incorrectly|inaccurate|inaccurately|errors?|"
                                              "mistakes?|inconsistent|inconsistently"))
    for stem in stems_of(words))
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
_PACE_ASKED = tuple(stems_of("pace speed timeliness"))  # how fast something is done, asked by its measure
_PACE_SAID_RE = re.compile(r"\b(?:slow|slowly|slower|quick|quickly|quicker|fast|faster|prompt|promptly|delay|delays|"
                           r"delayed|timely|on time|too long)\b", re.I)


# a sentence may answer yes or no with a measure or a change instead: "This is lower than the national rate",
# "It answered 61 percent of them within 10 seconds", "its response has deteriorated", "14 months behind schedule"
_COMPARATIVES = r"higher|lower|more|fewer|less|greater|better|worse|faster|slower|bigger|smaller|larger"
_COMPARATIVE_RE = re.compile(rf"\b({_COMPARATIVES})\b", re.I)
_CONTRAST_RE = re.compile(rf"\b({_COMPARATIVES}|fell|fallen|rose|risen|increased|decreased|reduced|deteriorated|"
                          r"improved|declined|little|behind|late|delayed|partly|partially|least|fewest|lowest|highest|"
                          r"worst|best)\b", re.I)
# a number that names, not measures: "a scheme called ‘Catch 22’", "under Section 136", "in March 2019"
# (a capitalised word within the sentence, so not "All 38 we examined …")
_NAMING_NUMBER_RE = re.compile(r"(?<=[\w,;:)]\s)[‘'“\"]?[A-Z][a-z]+\s+\d+[a-z]?\b(?![.,]\d)")


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


# the share of a yes/no question's weight a sentence must hold to state it in other words ("Do its figures on long
# detentions count time spent waiting for court?": "The force's figures include time spent waiting for a court
# appearance after charge"); chosen on the tuning halves: 0.7 gained one answer there, 0.6 two, 0.5 no more
STATES_SHARE = 0.6
_MEASURE_DEFINED_RE = re.compile(r"\W*(?:[\w’'-]+\s+){1,5}?(?:is|are)\s+(?:the|a)\s+(?:percentage|proportion|number|share|"
                                 r"rate|count|average|total|sum)\s+of\b", re.I)  # "On-call availability is the percentage of"
_GENERIC_RE = re.compile(r"\W*an?\s+(?:[\w’'-]+\s+){0,4}?(?:is|are|can|may|will)\b", re.I)  # "A tethered drone is …"


def _states(sentence: str, weights: dict[str, float]) -> bool:
    """Does the sentence state the proposition a yes/no question asks about,
    or deny it? It states it when it holds most of the question's weight
    (STATES_SHARE); a sentence that lacks more answers only if it says which
    part does not hold ("covers only Greystone", "has not created … for all")."""
    if _MEASURE_DEFINED_RE.match(sentence):
        return False  # "On-call availability is the percentage of hours … had enough firefighters …" defines a
        # measure: it says nothing of whether the service has enough on-call firefighters
    have = stems_of(sentence)
    if set(weights) <= have:
        return True
    held = sum(w for st, w in weights.items() if st in have)
    # (in other words, but not of things in general: "A tethered drone is flown on a cable …" says nothing of
    # whether the force used one)
    return held >= STATES_SHARE * sum(weights.values()) and not _GENERIC_RE.match(sentence) or bool(
        _NEGATION_RE.search(sentence)) or bool(_CONTRAST_RE.search(sentence)) or bool(
        _NUMBER_RE.search(_NAMING_NUMBER_RE.sub(" ", sentence)))


# A later report's recap of an earlier inspection answers a question about then, not about the report's own time
_RECAP_RE = re.compile(r"\W*(?:in|at|during|from)\s+(?:our|the|its|hmic(?:frs)?[’']?s?)\s+(?:(?:19|20)\d\d(?:/\d\d)?\s+|"
                       r"previous\s+|last\s+|earlier\s+|first\s+)(?:\w+\s+){0,2}(?:inspection|report|visit)s?\b", re.I)
# "We last inspected custody in Wealdmarsh in 2017.": when the inspection before this one was
_EARLIER_VISIT_RE = re.compile(r"\W*(?:we|hmic(?:frs)?|the inspectorates?)\s+(?:last|previously|first)\s+"
                               r"(?:inspected|visited|reported on|assessed)\b", re.I)
# "In 2014 we estimated that the force recorded 78 percent …", in a 2018 report: what an earlier inspection found
_EARLIER_FINDING_RE = re.compile(r"\W*in\s+((?:19|20)\d\d),?\s+(?:we|hmic(?:frs)?|the inspectorate)\s+(?:\w+ly\s+)?"
                                 r"(?:estimated|found|reported|said|judged|graded|inspected|examined|concluded|assessed|"
                                 r"recommended)\b", re.I)
# the findings an inspection made, asked as a count: "How many recommendations did the custody inspection make?"
_ASKS_MADE_RE = re.compile(r"\bhow many (?:recommendations|areas for improvement|causes of concern)\b[^?]*\b(?:make|made|"
                           r"give|gave|contain|include|set out|identify|identified)\b", re.I)
# what has become of an earlier inspection's recommendations: "the force has achieved 9 of the 21 recommendations we
# made", "it has implemented all six recommendations"
_EARLIER_RECOMMENDATIONS_RE = re.compile(r"\b(?:achieved|implemented|met|completed|acted on|addressed|progress(?:ed)? on|"
                                         r"responded to)\s+(?:\w+\s+){0,3}?(?:of\s+)?(?:the|our|its|all)?\s*(?:\w+\s+)?"
                                         r"(?:recommendations|areas for improvement)\b", re.I)
_ASKS_PAST_RE = re.compile(r"\b(previous|last|earlier|first|before|then|at the time of)\b", re.I)


# "Our previous inspection of the service took place in October 2021 …", "Our 2017 inspection made 21 recommendations"
_EARLIER_SUBJECT_RE = re.compile(r"\W*(?:our|the|hmic(?:frs)?[’']?s?)\s+(?:((?:19|20)\d\d)(?:/\d\d)?|previous|last|earlier|first)\s+"
                                 r"(?:\w+\s+){0,2}(?:inspection|report|visit)s?\b", re.I)


def _recaps(sentence: str, report: Report) -> bool:
    """Does the sentence tell what an earlier inspection found, not what this one did? A year the sentence
    opens with counts as earlier when it is two or more before the report's (a 2021/22 report may say "In 2021
    we inspected …" of its own visit)."""
    if _RECAP_RE.match(sentence) or _EARLIER_VISIT_RE.match(sentence):
        return True
    m = _EARLIER_SUBJECT_RE.match(sentence)
    if m and (not m.group(1) or (report.year and int(m.group(1)) <= report.year - 2)):
        return True
    m = _EARLIER_FINDING_RE.match(sentence)
    return bool(m and report.year and int(m.group(1)) <= report.year - 2)


# Sentences that say what should be done (recommendations, areas for
# improvement, "should", "must", "needs to") answer a question about what
# should be done, not one about what is the case: "Is the scheme available
# outside Harbourside yet?" is not answered by "The force should ensure the
# scheme is available in the north of the county".
PRESCRIPTIVE_PASSAGES = ("recommendation", "area_for_improvement")
# what should be (advice, or the standard an inspection measures against: "It is important that when the
# police are called …"), not what is
_PRESCRIPTIVE_RE = re.compile(r"\b(should|must|needs? to|ought to|recommend(?:s|ed|ing)?|it is (?:important|essential|vital) "
                              r"(?:that|to|for))\b", re.I)  # (the verb: "we make recommendations", "achieved 9 of the 21
# recommendations" state facts)
# a modal inside an embedded question, a comparison or a relative clause states a fact, not advice: "a clear process
# to determine whether they should", "guidance on how officers should respond", "is not working as well as it should",
# "from the roughly 82,000 that the force should record" (with its subject: "records … that should have carried one of
# the flags" says what they lacked)
_EMBEDDED_MODAL_RE = re.compile(r"\b(?:(?:whether|how|what|when|which|where|why|if|as|than)\s+(?:[\w'-]+\s+){0,4}?|"
                                r"that\s+(?:[\w'-]+\s+){1,4}?)"
                                r"(?:should|must|ought to|needs? to)\b|"
                                # what should have been done and was not is a fact found: "children were classed
                                # as absent … they should have been recorded as missing"
                                r"\b(?:should|ought to)\s+have\s+been\b", re.I)  # "decides which … need to know"


def _prescribes(sentence: str) -> bool:
    """Whether a sentence says what should be done (not what is done, nor
    what a process decides should be)."""
    return bool(_PRESCRIPTIVE_RE.search(_EMBEDDED_MODAL_RE.sub(" ", _SUM_NEEDED_RE.sub(" ", sentence))))


# a sum a budget needs is a fact of its finances, not advice: "It needs to save £11.2m by 2026/27", "only £9.6m of
# the £14.2m it needs to save by 2020/21"
_SUM_NEEDED_RE = re.compile(r"\b(?:needs?|must|has to|have to)\s+(?:to\s+)?(?:save|find|cut|make savings of)\s+"
                            r"(?:a further\s+|another\s+)?[£$€]\s?\d|"
                            r"[£$€]\s?\d[\d,.]*\s*(?:m|bn|k|million|billion)?\s+(?:that\s+)?"
                            r"(?:it|the force|the service|they)\s+(?:still\s+)?(?:needs?|has|have)\s+to\s+"
                            r"(?:save|find|cut)\b", re.I)

# the most or least of something: asked by a superlative, stated by one of the same direction ("the fewest" by
# "the fewest", not "the most"); a judging one ("worst", "best") by either ("its lowest point")
# ("a record number", not "no record that an officer had spoken to the child")
_HIGH = (rf"{_MOST}|maximum|peak(?:ed|s)?|top|"
         r"record(?=\s+(?:highs?|levels?|numbers?))")
_LOW = rf"{_LEAST}|minimum"
_JUDGING = r"worst|best|slowest|fastest|quickest"
_HIGH_RE, _LOW_RE = re.compile(rf"\b(?:{_HIGH})\b", re.I), re.compile(rf"\b(?:{_LOW})\b", re.I)
_JUDGING_RE = re.compile(rf"\b(?:{_JUDGING})\b", re.I)
_ASKS_EXTREME_RE = re.compile(rf"\b(?:{_HIGH}|{_LOW}|{_JUDGING})\b(?<!\bbest)(?<!\bmost)(?<!\bleast)(?<!\btop)"
                              rf"(?<!\brecord)|\bbest\b(?! (?:use|practice|value)\b)", re.I)


# "most" of a majority, no superlative: "Most people live in the market towns", "most of its stations" (not "the most
# wildlife crime", "when thieves are most active")
_MAJORITY_RE = re.compile(r"(?<!\bthe )\bmost\s+(?=of\b|people\b|[a-z]+s\b)|"
                          # nor one of time or chance: "its most recent statement", "most likely to"
                          r"\bmost\s+(?:recent(?:ly)?|likely)\b", re.I)


# a superlative and the noun phrase it heads: "the most trained wildlife crime officers", "the fewest calls"; the
# phrase ends at a word that starts a clause or a qualifier ("the most wildlife crime, which …", "the most relative
# to its size")
_SUPERLATIVE_PHRASE_RE = re.compile(rf"\bthe (most|fewest|least|{_HIGH}|{_LOW})\s+((?:(?!(?:which|that|who|of|in|at|on|"
                                    r"to|for|from|with|within|by|and|or|than|since|per|relative|compared|across|"
                                    r"among|over|under|during|each|every|a|an|the|so|yet|ever)\b)[a-z0-9][\w’'-]*\s*)"
                                    r"{1,5})",
                                    re.I)  # ("are the largest so far": a superlative of no noun)


_MOST_HOW_RE = re.compile(r"\b(most|least)\s+[a-z]+ly\b", re.I)  # "most accurately", "least often"
# the two things a question offers as its choice, at its end: "…, Kingsfold or Tenterham?"
_CHOICE_RE = re.compile(r"(?-i:([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)) or "
                        r"(?-i:([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))\s*\??\s*$")
_THAN_NAMED_RE = re.compile(rf"\b(?:{_COMPARATIVES}|quicker)\b(?:\s+([a-z][\w’'-]*))?[^?]*?\bthan\s+"
                            r"(?:(?:in|at|the)\s+)?(?-i:([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))", re.I)
_COMPARATIVE_ASKED_RE = re.compile(r"\b(?:more|fewer|less|higher|lower|larger|smaller|bigger|better|worse)\b", re.I)
_COMPARES_RE = re.compile(rf"{_COMPARATIVE_ASKED_RE.pattern}|\b(?:than|{_HIGH}|{_LOW})\b", re.I)  # a comparison said


def _superlative_heads(text: str) -> list[tuple[str, str, frozenset]]:
    """Each superlative of the text, the stem of the noun it heads (the phrase's last word, before any participle
    that starts a clause: "the most officers working in …") and the stems of its phrase: [("most", "offic", …)] of
    "Which force has the most trained wildlife crime officers?"."""
    out = []
    for m in _SUPERLATIVE_PHRASE_RE.finditer(text):
        words = m.group(2).split()
        cut = next((i for i, w in enumerate(words) if i and re.fullmatch(r"[a-z]+(?:ing|ed)", w)), len(words))
        words = words[:cut]
        stems = stems_of(words[-1]) if words else frozenset()
        if stems:
            out.append((m.group(1).lower(), next(iter(stems)), stems_of(" ".join(words))))
    return out


def _states_extreme(text: str, asked: str) -> bool:
    """Does the sentence state the extreme asked for (``asked``: the question's superlatives)?"""
    text = _MAJORITY_RE.sub(" ", text)
    high, low = _HIGH_RE.search(asked), _LOW_RE.search(asked)
    if high or low:
        return bool(high and _HIGH_RE.search(text) or low and _LOW_RE.search(text))
    return bool(_HIGH_RE.search(text) or _LOW_RE.search(text) or _JUDGING_RE.search(text))


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
_COUNT_WORDS = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), 2)}
# the words a length of time is counted in ("more than two hours", "in its first eighteen months")
_LENGTH_COUNTS = {**_COUNT_WORDS, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
                  "thirty": 30, "forty": 40, "sixty": 60, "ninety": 90}
_LENGTH_COUNT = r"\d+|" + "|".join(_LENGTH_COUNTS)  # how a length of time is counted: "two", "24"
# which span from a start a figure is counted over: "in its first year", "in the first six months", "its second year"
_NTH_SPAN_RE = re.compile(rf"\b(first|second|third|fourth|fifth)\s+(?:({_LENGTH_COUNT})\s+)?"
                          r"(years?|months?|weeks?|days?)\b", re.I)


# a length of time a count is bounded by: "more than an hour", "longer than 28 days", "within 24 hours"
_TIME_BOUND_RE = re.compile(rf"\b(more|longer|less|shorter|fewer|under|over|within|after|next)(?:\s+than)?\s+"
                            rf"(?:(an?|{_LENGTH_COUNT})\s+|(?<=next ))"  # "the next month": one
                            r"(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b", re.I)
_BOUND_SIDES = {"more": ">", "longer": ">", "over": ">", "less": "<", "shorter": "<", "fewer": "<", "under": "<",
                "within": "<", "next": "<", "after": ">"}  # "still open after six months": open longer than that
# how often something happened, as a bound on what is counted: "children who went missing more than three times"
_FREQUENCY_BOUND_RE = re.compile(rf"\b(?:more|fewer|less)\s+than\s+(once|twice|(?:{_LENGTH_COUNT})\s+times)\b|"
                                 rf"\b(?:at least|over|under)\s+(once|twice|(?:{_LENGTH_COUNT})\s+times)\b|"
                                 # "counted twice", not "twice as many", "3.1 times more likely"
                                 rf"(?<!\.)\b(twice|(?:{_LENGTH_COUNT})\s+times)\b(?!\s+(?:as|more|less|higher|lower|the|that)\b)",
                                 re.I)


# kinds of crime: a figure asked of one ("burglary", "stalking") is stated where that kind is named, not by a figure of
# all crime or of another kind
_CRIME_TYPES = {name: re.compile(pattern, re.I) for name, pattern in (
    ("burglary", r"\bburglar"), ("robbery", r"\brobber"), ("rape", r"\brapes?\b"), ("stalking", r"\bstalking\b"),
    ("harassment", r"\bharass"), ("violence", r"\bviolen"), ("fraud", r"\bfraud"), ("theft", r"\bthefts?\b|\bstolen\b"),
    ("shoplifting", r"\bshoplifting\b"), ("sexual", r"\bsexual\b"), ("domestic abuse", r"\bdomestic\b"),
    ("modern slavery", r"\bslavery\b"), ("hate crime", r"\bhate\b"), ("knife", r"\bknife|\bknives\b"),
    ("drugs", r"\bdrugs?\b|\bcannabis\b"), ("criminal damage", r"\bcriminal damage\b"), ("arson", r"\barson"),
    ("wildlife", r"\bwildlife\b"), ("heritage", r"\bheritage\b"), ("cyber", r"\bcyber|\bonline crime"))}


def _crime_types(text: str) -> frozenset[str]:
    """The kinds of crime a text names."""
    return frozenset(name for name, pattern in _CRIME_TYPES.items() if pattern.search(text))


def _frequency_bound(text: str) -> str | None:
    """The frequency a text bounds something by ("three times"), or None."""
    m = _FREQUENCY_BOUND_RE.search(text)
    return " ".join((m.group(1) or m.group(2) or m.group(3)).lower().split()) if m else None


# a count per span of time: "40 investigations each week", "reviewed monthly" (not "a year ago", "within a year")
_RATE_RE = re.compile(r"\b(?:(?<!\bin )(?<!within )(?<!\bfor )(?<!over )(?<!than )(?<!after )a|per|each|every|"
                      r"in (?:one|a single))\s+"  # "called three times in one evening"
                      r"(day|week|fortnight|month|quarter|year|shift|evening|night)\b(?!\s+(?:ago|earlier|later|before|after))|"
                      r"\b(dai|week|fortnight|month|quarter|annual|year)ly\b", re.I)
_RATE_UNITS = {"dai": "day", "annual": "year"}


# a table of rates: "Rates per 1,000 population"
_RATE_TABLE_RE = re.compile(r"\brates?\s+per\b|\bper\s+(?:1,?000|100,?000|head|capita)\b", re.I)
_ASKS_RATE_RE = re.compile(r"\bper\b|\brates?\b", re.I)


def _rate_units(text: str) -> frozenset[str]:
    """The spans of time a text counts per: "each week", "weekly" → {"week"}."""
    return frozenset(_RATE_UNITS.get(u, u) for m in _RATE_RE.finditer(text.lower()) for u in [m.group(1) or m.group(2)])


_SECONDS = {"year": 31_536_000, "month": 2_592_000, "week": 604_800, "day": 86_400, "hour": 3_600, "minute": 60,
            "second": 1}


def _seconds(count: str | None, unit: str) -> int:
    """A length of time in seconds: ("two", "hours") 7200; no count, or "a", is one."""
    count = (count or "1").lower()
    n = 1 if count in ("a", "an") else int(count) if count.isdigit() else _LENGTH_COUNTS[count]
    return n * _SECONDS[unit.lower().rstrip("s")]


def _time_bound(text: str) -> tuple[str, int] | None:
    """The side and the length in seconds of the first time bound a text gives ("more than two hours": (">", 7200))."""
    m = _TIME_BOUND_RE.search(text)
    return (_BOUND_SIDES[m.group(1).lower()], _seconds(m.group(2), m.group(3))) if m else None


_LENGTHS_RE = re.compile(r"\b(\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)


def _outside_bound(text: str, bound: tuple[str, int]) -> bool:
    """Does the text give lengths of time, every one of them on the wrong side of a bound asked ("for 16 and 19
    days", asked of more than 30 days)? (The bound itself is on neither: "within the force's target of 15 minutes",
    asked of within 15 minutes.)"""
    side, seconds = bound
    lengths = [_seconds(n, m.group(2)) for m in _LENGTHS_RE.finditer(text) for n in re.findall(r"\d+", m.group(1))]
    return bool(lengths) and all(n < seconds if side == ">" else n > seconds for n in lengths)


def _nth_span(text: str) -> tuple[str, int] | None:
    """Which span from a start, and its seconds, a text names ("first six months": ("first", 15552000); "second
    year"), or None."""
    m = _NTH_SPAN_RE.search(text)
    return (m.group(1).lower(), _seconds(m.group(2), m.group(3))) if m else None


# a month asked as a point in time ("in March 2022"), not as the end of a period ("in the year to March 2022")
_MONTH_ASKED_RE = re.compile(rf"(?<!\bto )(?<!\bending )(?<!\bended )\b(?:in|during|for|at the end of) ({MONTHS}) "
                             r"((?:19|20)\d\d)\b", re.I)
# what is still to be done: "overdue an audit", "awaiting examination", "yet to be reviewed"
_PENDING_RE = re.compile(r"\b(?:overdue(?:\s+for)?|awaiting|waiting\s+(?:for|to(?:\s+be)?)|yet\s+to(?:\s+be)?|still\s+to(?:\s+be)?)\s+"
                         r"(?:(?:an?|the|their|its|a\s+full)\s+)?([a-z]{3,})\b", re.I)
_ASKS_PENDING_RE = re.compile(r"\b(?:overdue|await\w*|wait\w*|backlogs?|pending|yet to|still to|queue\w*)\b", re.I)
_NEGATED_BEFORE_RE = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}\Z|n[’']t\s+(?:\w+\s+){0,2}\Z", re.I)
_OPPOSITE_RE = re.compile(r"\b(?:in|un|non-?)([a-z]{4,})\b", re.I)  # "incomplete", "unrecorded", "non-urgent"
# a count of what was not done: "did not review 19 of the 70 case files", "had not been updated in 11"
# (past its adverbs: "were not clearly recorded", "had not yet been assessed"; "not yet been able to provide")
_NEGATED_VERB = (r"(?:\b(?:not|never)|n[’']t)\s+(?:(?:been|yet|all|always|even|(?!only\b)[a-z]{2,}ly)\s+){0,2}"
                 r"(?:able\s+to\s+)?([a-z]{3,})\b")
_NEGATED_VERB_RE = re.compile(_NEGATED_VERB, re.I)  # "doesn't review", "has not yet agreed"
# a negation before the sample it is counted in, in one clause: "did not use the force's risk checklist in 17 of the 40
# calls we listened to"
_NEGATED_BEFORE_SAMPLE_RE = re.compile(_NEGATED_VERB + r"(?=[^,;:.]*?\b(?:in|for)\s+\d[\d,]*\s+of\s+(?:the|these|those)\s+"
                                       r"\d)", re.I)
_NEGATED_COUNT_RE = re.compile(_NEGATED_VERB + r"(?=(?:\s+(?!(?:until|since|by|before|after|in|on|from|to|for|"
                               r"within)\b)[a-z]+){0,2}\s+\d(?!\d\d\d\b))", re.I)  # a count, not when: "not qualify until 2026"


def _counts_another_failing(sentence: str, question_text: str) -> bool:
    """Does the sentence negate the verb a question negates only outside its counts of a sample, counting another
    failing there ("… did not always identify repeat victims, and in 13 of the 60 calls they did not give callers
    advice …", asked in how many calls they did not identify repeat victims)?"""
    asked = {st for m in _NEGATED_VERB_RE.finditer(question_text) for st in stems_of(m.group(1))}
    samples = list(_SAMPLE_RE.finditer(sentence)) if asked else []
    counted = {st for sample in samples for m in _NEGATED_WORD_RE.finditer(sample.group(1))
               for st in stems_of(next(g for g in m.groups() if g))}
    return bool(counted) and not asked & counted and bool(
        asked & {st for m in _NEGATED_VERB_RE.finditer(sentence) for st in stems_of(m.group(1))})


# a verb with "no" after it: "disclosed no crime", "received no visit"
_VERB_OF_NO_RE = re.compile(r"\b([a-z]{3,}ed)\s+no\b", re.I)


@lru_cache(maxsize=1024)
def _undone_verbs_asked(question_text: str) -> frozenset[str]:
    """The stems of the verbs a question negates ("disclosed no crime", "did not refer"), read once a question."""
    return frozenset(st for rx in (_NEGATED_VERB_RE, _VERB_OF_NO_RE) for m in rx.finditer(question_text)
                     for st in stems_of(m.group(1)))


def _does_what_is_asked_undone(sentence: str, question_text: str) -> bool:
    """Does the sentence say done what the question asks of as not done, negating only another verb ("398
    disclosed one or more crimes. In 61 of these incidents at least one crime had not been recorded", asked how
    many records disclosed no crime)?"""
    asked = _undone_verbs_asked(question_text)
    if not asked or not asked & stems_of(sentence):
        return False
    negated = {st for rx in (_NEGATED_VERB_RE, _VERB_OF_NO_RE) for m in rx.finditer(sentence)
               for st in stems_of(m.group(1))}
    return bool(negated) and not asked & negated


# "19 percent of the officers working in investigation teams had not achieved accreditation": a share not done
_SHARE_NOT_DONE_RE = re.compile(r"\b\d[\d.,]*\s*(?:%|percent|per cent)\s+of\s+(?:[\w’'-]+\s+){1,14}?"
                                r"(?:had|have|has|was|were|did|do|does)\s+(?:not|never)\s+(?:(?:been|yet)\s+)*([a-z]{3,})",
                                re.I)
# "87 pieces of corruption intelligence that had not been assessed", "86 of these referrals had not been allocated": a
# count of what was not done, before its verb
_COUNT_NOT_DONE_RE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?:[\w’'-]+\s+){0,5}?(?:(?:that|which|who)\s+)?"
                                r"(?:had|have|has|was|were|is|are)\s+"
                                r"(?:not|never)\s+(?:(?:been|yet|all)\s+)*([a-z]{3,})", re.I)
# "in 9 of the 35 records we reviewed, staff had not referred", "19 of the 70 files … had no supervisory review",
# "in 5 of the 12 cases …, the risk assessment had been completed without an interpreter": every negation of the clause
# "In 27 percent of crimes the victim did not support further action": a share of what was not done
_SHARE_SAMPLE_RE = re.compile(r"\b(?:in|for)\s+\d[\d.,]*\s*(?:%|percent|per cent)\s+of\s+([^.;:]*)", re.I)
_SAMPLE_RE = re.compile(r"(?:\b(?:(?:in|for)\s+)?\d[\d,]*\s+of\s+(?:the|these|those)\s+\d[\d,]*\b|"
                        # "in three of the forces it is not mentioned", "In 14 of them, …"
                        r"\b(?:in|for)\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+"
                        r"(?:(?:the|these|those)\s+(?:\d[\d,]*\s+)?|them\b)|"
                        # "in 63 calls (25 percent) the call handler did not …"
                        r"\b(?:in|for)\s+\d[\d,]*\s+(?:[\w’'-]+\s+)?(?:calls|cases|records|incidents|investigations|files|"
                        r"reports|crimes|instances)\b|"
                        # "In 41 of them the plan was good, but in 19 the case had been given to an officer without …"
                        r"\b(?:in|for)\s+(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?=the\s)|"
                        # "Of the 70 investigations we reviewed, 21 were not …"
                        r"\bof\s+(?:the|these|those)\s+\d[\d,]*\s[^,.;:]*,\s*\d[\d,]*\b)([^.;:]*)", re.I)
_LACKS_RE = re.compile(r"\black(?:s|ed|ing)?\b|\bunable\b", re.I)
_WORDS_AFTER_RE = re.compile(r"(?:\s+[\w’'-]+){0,3}")  # the words after a negated one, to the next punctuation
_NEGATED_WORD_RE = re.compile(r"(?:" + _NEGATED_VERB + r"|\bno\s+(?:[a-z]+\s+)?([a-z]{3,})\b|"
                              # "without the right training": the word after an adjective too
                              r"\bwithout\s+(?:an?\s+|the\s+|any\s+)?([a-z]{3,})\b(?:\s+([a-z]{3,})\b)?)", re.I)
_OF_THE_N_RE = re.compile(r"\bof\s+(?:the|its|these|those|[A-Z][\w-]*(?:['’]s|s['’]))\s+(?!(?:19|20)\d\d\b)"
                          r"(\d[\d,]*)\b(?!\s*(?:%|per ?cent|[/–-]\d))",
                          re.I)  # (not a year: "of the 2014 recommendations")
# the words after a count, for what it counts: "of the 50 rapes examined", "of the 20 problem-solving plans", "of the
# 190 Northshire investigations" (a name scopes it)
_COUNTED_NOUN_RE = re.compile(r"(?:\s+[A-Z][\w’'-]*)*((?:\s+[a-z][\w’'-]*){1,3})")
_CLAUSE_SPLIT_RE = re.compile(r"[,;:()]|\band\b|\bbut\b", re.I)


def _whole_of(text: str, whole: str, noun: frozenset[str], kinds: frozenset[str] = frozenset()) -> bool:
    """Does the passage give the whole a question counts from ("How many of the 50 rapes …?"), in a clause that
    names what it is a whole of: "Of the 50 reports of rape we examined, 46 …", not "… 96 of the 100 reports we
    examined, and it made the right decisions … in 47 of 50 cases"; and, when the question says which kind
    ("of its 50 domestic abuse cases"), one of the words saying so: not "in 23 of the 50 missing children cases"."""
    for m in re.finditer(rf"(?<![\d,.]){re.escape(whole)}(?![\d,])", text):
        if not noun:
            return True
        start = max((b.end() for b in _CLAUSE_SPLIT_RE.finditer(text, 0, m.start())), default=0)
        after = _CLAUSE_SPLIT_RE.search(text, m.end())
        clause = stems_of(text[start:after.start() if after else len(text)])
        if noun & clause and (not kinds or kinds & clause):
            return True
    return False


_PHRASE_END_RE = re.compile(r"\s(?:was|were|is|are|did|do|does|had|has|have|could|should|would|can|will|in|at|on|"
                            r"for|that|which|who|we|the|an?|of|with|by|to|from)\b", re.I)


def _modifiers(phrase: str) -> frozenset[str]:
    """The stems of the words before the noun of a counted phrase: "domestic abuse" of " domestic abuse cases was";
    none of " rapes were recorded"."""
    words = _PHRASE_END_RE.split(phrase, 1)[0].split()
    return frozenset(stems_of(" ".join(words[:-1]))) if len(words) > 1 else frozenset()


_WITHOUT_RE = re.compile(r"\bwithout\b", re.I)
# what a figure leaves out: "All crime (excluding fraud)", "every offence other than fraud"
_EXCLUDES = r"\b(?:exclud(?:e|es|ed|ing)|except(?:\s+for)?|other\s+than|apart\s+from|not\s+including)\b"
_EXCLUDES_RE = re.compile(_EXCLUDES + r"\s+(?:the\s+|an?\s+)?([a-z]{3,})", re.I)
_ASKS_UNDONE_RE = re.compile(r"\b(?:not|never|no|without)\b(?!\s+(?:more|less|fewer|longer|later|only)\b)|n[’']t\b",
                             re.I)
# a sentence counting what was not done says so, in one of many ways: "not", "no record", "without", "took longer than
# the target", "late", "missed", "unallocated", "incomplete", "more than 28 days"
_SAYS_UNDONE_RE = re.compile(r"\b(?:not|never|none|no|without|nobody|neither|nor|fail\w*|late|lateness|missed|lack\w*|"
                             r"overdue|outstanding|wrong|incomplete|incorrect|inadequate|insufficient|absent|"
                             r"un[a-z]{4,}|longer than|more than|over|beyond|outside|exceed\w*|before)\b|n[’']t\b",
                             re.I)
_NEGATES_RE = re.compile(r"\b(?:not|never|none|no)\b|n[’']t\b|\bfail", re.I)


def _states_the_opposite(sentence: str, weights: dict[str, float], question_text: str) -> bool:
    """Does the sentence use, negated by its prefix, a word the question asks ("incomplete" for "complete"), a
    form the question does not use itself; leave out what is asked ("excluding fraud"); or count, after "not", what a question that negates nothing asks
    done ("did not review 19 of the 70" for how many were reviewed)?"""
    openings = {st[:4] for st in weights}  # read a word closely only when it may be one asked
    for m in _OPPOSITE_RE.finditer(sentence):
        word = re.escape(m.group(1))
        if m.group(1)[:4].lower() in openings and stems_of(m.group(1)) & set(weights) and not re.search(rf"\b{re.escape(m.group(0))}\b", question_text, re.I) \
                and not re.search(rf"(?<![\w-]){word}\b", sentence, re.I):
            return True  # (not when it also says the word plainly: "168,220 emergency and 301,440 non-emergency calls")
    for m in _OPPOSITE_RE.finditer(question_text):  # and the other way: "unreasonable" asked, "reasonable" said
        root, word = m.group(1), m.group(0)  # (not negated there: "unrecorded" is "had not been recorded")
        said = [r for r in re.finditer(rf"(?<![\w-]){re.escape(root)}\b", sentence, re.I)
                if not _NEGATED_BEFORE_RE.search(sentence, max(0, r.start() - 30), r.start())]
        if len(root) >= 6 and said and not re.search(rf"\b{re.escape(word)}\b", sentence, re.I) and not re.search(
                rf"(?<![\w-]){re.escape(root)}\b", question_text, re.I):
            return True
    said = stems_of(sentence)
    if any(stem in weights and stem not in said and form.search(sentence) and not form.search(question_text)
           for stem, form in _OPPOSITES):
        return True  # or an opposite in another word: "in 23 of the 50 cases … was wrong or incomplete", asked in how
        # many it was right
    if not re.search(_EXCLUDES, question_text, re.I):
        for m in _EXCLUDES_RE.finditer(sentence):
            word = m.group(1)
            if stems_of(word) & set(weights) and len(re.findall(rf"\b{re.escape(word)}\b", sentence, re.I)) == 1:
                return True  # "What was the recording rate for fraud?": not the row "All crime (excluding fraud)"
    if not _ASKS_PENDING_RE.search(question_text):
        for m in _PENDING_RE.finditer(sentence):
            if stems_of(m.group(1)) & set(weights):
                return True  # "How many premises did it audit?": not "1,140 high-risk premises were overdue an audit"
    if not _NEGATES_RE.search(question_text) and not _WITHOUT_RE.search(question_text) and \
            not _LACKS_RE.search(question_text):  # ("What share of calls lacked a precise location?" asks what was not)
        # in a sample, what is negated with the words after it: "In 31 of the 52 … cases, no officer had spoken to
        # the child"; "In 29 of the 45 …, the victim had not been given a risk assessment", asked how many
        # completed it
        sampled = (n for sample in (*_SAMPLE_RE.finditer(sentence), *_SHARE_SAMPLE_RE.finditer(sentence))
                   for n in _NEGATED_WORD_RE.finditer(sample.group(1)))
        for m in (*_NEGATED_COUNT_RE.finditer(sentence), *_NEGATED_BEFORE_SAMPLE_RE.finditer(sentence),
                  *_COUNT_NOT_DONE_RE.finditer(sentence),
                  *_SHARE_NOT_DONE_RE.finditer(sentence), *sampled):
            word = " ".join(g for g in m.groups() if g)
            if m.re is _NEGATED_WORD_RE:
                word += " " + " ".join(_WORDS_AFTER_RE.match(m.string, m.end()).group(0).split())
            if stems_of(word) & set(weights):  # (by its stem: "sought" is "seek")
                # "How many case files did inspectors review?": not "Supervisors did not review 19 …"; "In how many
                # … did staff refer a concern?": not "in 9 of the 35 … the member of staff had not referred …"
                return True
    return False


_SPAN_AFTER_RE = re.compile(rf"\s*(?:to|and|until|–|-)\s+(?:\d{{1,2}}\s+)?{MONTHS}\b", re.I)
_SPAN_BEFORE_RE = re.compile(rf"(?:\b(?:to|and|ending|ended|until|through)|–|-|{MONTHS}\s*(?:–|-))\s*\Z", re.I)


_DAY_ASKED_RE = re.compile(rf"\b(?:on|as at|as of|by) (?:(\d{{1,2}}) )?({MONTHS}) ((?:19|20)\d\d)\b", re.I)
_MONTH_YEAR_RE = re.compile(rf"\b(?:(\d{{1,2}}) )?({MONTHS}) ((?:19|20)\d\d)\b", re.I)


def _another_day(sentence: str, day: tuple[str, str, str]) -> bool:
    """The sentence dates what it says, and never on the day asked: "On 15 June 2016 … 212 incidents" does not
    answer "on 15 July 2016" (nor "in June 2016" a day in July)."""
    said = [(d, m.lower(), y) for d, m, y in _MONTH_YEAR_RE.findall(sentence)]
    asked_day, asked_month, asked_year = day[0] or "", day[1].lower(), day[2]
    return bool(said) and not any(m == asked_month and y == asked_year and (not asked_day or d in ("", asked_day))
                                  for d, m, y in said)


# a year something is to be done by: "plan for 180 extra officers by 2022"
_BY_YEAR_RE = re.compile(r"\bby\s+(?:the\s+(?:end|start|middle)\s+of\s+)?((?:19|20)\d\d)\b(?![/–-]\d)", re.I)


# a numbered step of a scale: "level 2", "tier 1", "stage 3", "priority 1"
_LEVEL_RE = re.compile(r"\b(level|tier|stage|phase|step|priority|grade|category)\s+(\d+)\b", re.I)


def _levels(text: str) -> frozenset[tuple[str, str]]:
    """The numbered steps of a scale a text names ("level 2 of the PIP": {("level", "2")})."""
    return frozenset((kind.lower(), n) for kind, n in _LEVEL_RE.findall(text))


# which one of a series a noun is: "at the first visit", "its second inspection", "the last review"
_ORDINAL_NOUN_RE = re.compile(r"\b(first|second|third|fourth|fifth|last|final)\s+([a-z]{3,})\b", re.I)


def _ordinal_nouns(text: str) -> frozenset[tuple[str, str]]:
    """Which of a series each noun a text numbers is ("at the first visit": {("first", "visit")})."""
    return frozenset((o.lower().replace("final", "last"), stem) for o, noun in _ORDINAL_NOUN_RE.findall(text)
                     for stem in stems_of(noun))


def _another_ordinal(sentence: str, asked: frozenset[tuple[str, str]]) -> bool:
    """The sentence numbers a noun asked, never as the question does: "the first visit" is not "the second"."""
    said = _ordinal_nouns(sentence)
    return any(noun == n and o != o_asked and (o_asked, n) not in said for o, n in said for o_asked, noun in asked)


# a span named as a length of time: "a three-year forecast", "a 12-month plan"
_LENGTH_NAMED_RE = re.compile(rf"\b({_LENGTH_COUNT}|one)-(year|month|week|day|hour)\b", re.I)


def _lengths_named(text: str) -> frozenset[tuple[int, str]]:
    """The spans a text names as lengths, in seconds, with their unit ("a three-year forecast": three years)."""
    return frozenset((_seconds(None if n.lower() == "one" else n, unit), unit.lower())
                     for n, unit in _LENGTH_NAMED_RE.findall(text))


def _another_length(sentence: str, asked: frozenset[tuple[int, str]]) -> bool:
    """The sentence names a span of the unit asked, and only of other lengths: a "three-year forecast" is not the
    "five-year" one."""
    said = _lengths_named(sentence)
    return any(unit == u for _, u in said for _, unit in asked) and not said & asked


def _another_year_of_month(sentence: str, day: tuple[str, str, str]) -> bool:
    """The sentence names the month asked, but only in other years: whatever it says of "March 2022" is not
    what happened in "March 2021"."""
    said = {(m.lower(), y) for _, m, y in _MONTH_YEAR_RE.findall(sentence)}
    month, year = day[1].lower(), day[2]
    return any(m == month for m, _ in said) and (month, year) not in said


# "What period do the figures cover?" asks for a span, said as one: "the year to 31 December 2018", "1 September
# 2017 to 28 February 2018", "between 1 July and 31 December 2023", "2018/19"
_ASKS_PERIOD_RE = re.compile(r"\b(?:what|which) (?:period|months|dates|time span)\b|\bover what period\b", re.I)
_SPAN_SAID_RE = re.compile(rf"\b(?:\d{{1,2}}\s+)?{MONTHS}(?:\s+(?:19|20)\d\d)?\s+(?:to|and|until|–|-)\s+(?:\d{{1,2}}\s+)?"
                           rf"{MONTHS}\s+(?:19|20)\d\d\b|\b(?:year|months?|weeks?|quarters?)\s+(?:to|ending|ended)\b|"
                           r"\b(?:19|20)\d\d\s*(?:/|–|-)\s*(?:19|20)?\d\d\b", re.I)


def _bounds_a_period_only(sentence: str, month: re.Pattern) -> bool:
    """Does the sentence name the month asked only as a bound of a period ("Between April 2021 and March 2022",
    "January to March 2022", "the year to March 2022"), never as a month of its own ("… 74 percent in March
    2022")?"""
    found = list(month.finditer(sentence))
    return bool(found) and all(_SPAN_BEFORE_RE.search(sentence, 0, m.start())
                               or _SPAN_AFTER_RE.match(sentence, m.end()) for m in found)


_ASKS_WHERE_RE = re.compile(r"\s*(?:and\s+)?where\b", re.I)
_ASKS_SOURCE_RE = re.compile(r"\s*(?:and\s+)?where\b[^?]*\bfrom\s*\??\s*$", re.I)
# a sentence about a table or figure, no caption: "Table 1 shows how we assessed the 120 cases …"
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
# "… a cause of concern?": a finding as what the question says something is
_FINDING_AS_PREDICATE_RE = re.compile(r"\b(?:(?:a|an|the|one of (?:the|its))\s+)?(?:causes? of concern|areas? for "
                                      r"improvement|recommendations?)\s*\??\s*$", re.I)
_ASKS_WHY_RE = re.compile(r"^\s*(?:(?:and|so|but)\s+)?why\b", re.I)
# "How does it prevent fires?", "What does it do to protect …?" ask what is done, not the grade for it
_ASKS_MANNER_RE = re.compile(r"^\s*(?:how (?:does|do|did|is|are|was|were)\b(?! \w+ (?:rated|graded|judged|assessed|doing)\b)|"
                             r"what (?:does|do|did) .+? do (?:to|about|for|with)\b)", re.I)
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
# what gives a reason, in the sentence or opening the next one
# (a change "after it began to pay on-call firefighters for each hour" says what brought it about)
_SAMPLE_NAMED_RE = re.compile(r"\b(?:the|this|that|our)\s+sample\b", re.I)
_REASON_RE = re.compile(r"\b(because|due to|owing to|as a result of|caused (?:\w+ly )?by|the result of|the reasons?\b|"
                        r"so that|"
                        r"to (?:enable|allow|permit|make it possible)\b|"  # a purpose: "… to enable comparison"
                        rf"in order to|since (?!(?:19|20)\d\d|{MONTHS}|then|its|their|the (?:last|previous|start))|"
                        r"attribut\w+ (?:this |it )?to|thanks to|driven (?:\w+ly )?by|"  # "driven mostly by"
                        # "This is the first year … graded …, so a comparison is not possible"
                        r"(?<=\w),? so (?=(?:a|an|the|it|they|there|we|its|their|some|many|most|no|few)\b)|"
                        r"(?:since|after) (?:it|they|the (?:force|service|unit|team)) (?:began|started|introduced|"
                        r"stopped|changed|moved|brought in|set up)\b|"
                        # "the falling availability of its fire engines means that it is taking longer" (not "This
                        # means that …", whose reason is the sentence before)
                        r"(?<!\bthis )(?<!\bthat )\bmeans that\b)", re.I)
# "The delay means that …", "…, and the falling availability of its fire engines means that …": the clause before
# says the cause of what follows
_MEANS_THAT_RE = re.compile(r"\s(?:means|meant|will mean|has meant)\s+that\b", re.I)
# the clause before it is a noun phrase, its subject ("the falling availability of its on-call fire engines"); not a
# clause with its own verb ("These are complex threats which means that …": why what follows must be)
_SUBJECT_PHRASE_RE = re.compile(r"\W*(?:the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,7}?[\w’'-]+\s*", re.I)


def _causes_what_follows(sentence: str, asked: frozenset[str]) -> bool:
    """Is what the question asks about the subject of the sentence's "means that": the cause of what follows?"""
    m = _MEANS_THAT_RE.search(sentence)
    if not m:
        return False
    subject = _CLAUSE_SPLIT_RE.split(sentence[:m.start()])[-1]
    return bool(_SUBJECT_PHRASE_RE.fullmatch(subject)) and bool(stems_of(subject) & asked)
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
_ASKS_PRESCRIPTION = re.compile(r"\b(should|must|needs? to|ought to|recommend\w*|by when|deadline|expected to|asked to|"
                                # "What is the national standard for answering emergency calls?": what should be
                                r"(?:national|the|its|their)\s+standards?(?!\s+of\b)|"
                                r"told to|areas? for improvement|causes? of concern|need(s|ed)? to improve|"
                                # "Which custody data did the inspectors want Wealdmarsh to improve?"
                                r"want(?:s|ed)?\s+(?:[\w’'-]+\s+){1,5}?to|"
                                # "What does Dunmere fire need more of?" asks what it should have
                                r"(?:does|do|did)\s+(?:[\w’'-]+\s+){1,6}?need)\b", re.I)
_ASKS_ADVICE_RE = re.compile(rf"\s*{ADVICE_ASKED}", re.I)


def _advice_end(text: str) -> int:
    """Where the advice of a recommendation or area-for-improvement passage
    ends: its paragraphs that say what should be done, the bullets they
    introduce, and nothing after the first paragraph that states a fact (a
    report's body text can run on under the box's heading: "Only 52 percent
    of staff had an appraisal in 2021")."""
    end, lead_in = 0, True
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        para = m.group(0).strip()
        listed = para[:1].islower() or re.search(r"(;|; and|; or|,)$", para)  # an item of the list led in
        if not (_prescribes(para) or _BULLET_RE.match(para) or lead_in or listed):
            return end
        end, lead_in = m.end(), para.endswith(":")
    return len(text)


# a source cited by its parts, ending in its date: "Northmoor University, Evaluation of the Safe Streets programme,
# June 2017."
_CITATION_RE = re.compile(rf"\W*\d*\s*[^.,;]+,[^;]*,\s*(?:\d{{1,2}}\s+)?(?:{MONTHS}\s+)?(?:19|20)\d\d\.?\s*$")
_REFERENCE_RE = re.compile(r"https?://|\bwww\.|\bavailable (at|from):", re.I)
_SEE_RE = re.compile(r",?\s+see\s+(?-i:[A-Z])", re.I)  # where a statement's source is cited after it


def _states_before_citing(sentence: str) -> bool:
    """Does the sentence state something (a clause with its verb, six words at least) before citing its source?"""
    stated = _SEE_RE.split(sentence, 1)[0]
    return stated != sentence and len(stated.split()) >= 6 and bool(
        re.search(r"\b(?:is|are|was|were|means)\b", stated)) and not _REFERENCE_RE.search(stated)


_PUBLISHED_RE = re.compile(r"\b(?:publish\w*|issued|released|launched|produced)\b", re.I)
_LAUNCHED_RE = re.compile(r"\b(?:launch\w*|produced)\b", re.I)
_ASKS_PUBLICATION_RE = re.compile(r"\b(?:publish\w*|written|wrote|issued|released|evaluat\w*|stud(?:y|ies|ied)|"
                                  r"reports?|reviews?|assessments?|surveys?|papers?|guidance|strateg(?:y|ies))\b", re.I)
# "Who evaluated Operation Lighthouse?": a citation names its author ("Northmoor University, An evaluation of …")
_ASKS_AUTHOR_RE = re.compile(r"\b(?:who|which\s+[a-z]+)\s+(?:(?:has|had|have)\s+)?"
                             r"(?:evaluated|wrote|written|published|studied|researched|authored|produced)\b", re.I)
_WANTED_ITEMS_RE = re.compile(r"^\s*(?:what|which) (?:(?:are|were) the (?:\w+ ){0,2})?(two|three|four|five|six|seven|"
                              r"eight|nine|ten|\d+) ", re.I)
_BULLET_RE = re.compile(r"(?m)^\s*[•▪●◦\-–]")


INTRODUCES_BONUS = 0.3


def _introduces(sentence: str, wanted: int) -> bool:
    """Does the sentence announce a list of ``wanted`` things, the count and
    its noun then a colon ("… the six national threats: …")?"""
    words = [str(wanted)] + [w for w, n in _COUNT_WORDS.items() if n == wanted]
    return bool(re.search(rf"\b(?:{'|'.join(words)})\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+\s*:", sentence, re.I))


# what opens a list inside a sentence
_LIST_LEAD_RE = re.compile(r"\b(?:such as|including|namely|for example|for instance)\b|:", re.I)


# what a question asking what something includes wants, and the leads a sentence lists it after ("Wildlife crime
# includes …")
_ASKS_INCLUDED_RE = re.compile(r"\b(?:include|includes|included)\s*\??\s*$", re.I)
_INCLUDES_LEAD_RE = re.compile(rf"\bincludes?\b|{_LIST_LEAD_RE.pattern}", re.I)


def _lists_after_lead(sentence: str, lead: re.Pattern = _LIST_LEAD_RE) -> bool:
    """Does the sentence list three things or more after "such as",
    "including" or a colon ("… crimes such as theft, criminal damage, minor
    assaults and public order")? What "What kinds of …?" asks for."""
    if CAPTION_RE.match(sentence):
        return False  # "Figure 1: Rural, heritage and wildlife crimes recorded, …" titles a chart
    m = lead.search(sentence)
    return bool(m) and len(_LIST_RE.findall(sentence[m.end():])) >= 2


def items_wanted(question: Question) -> int:
    """How many things an enumeration asks for ("the six national threats": 6); 0 when it names no count."""
    m = _WANTED_ITEMS_RE.match(core_of(question.text))
    if not m:
        return 0
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def _wanted_mention(question: Question) -> re.Pattern | None:
    """The count an enumeration asks for, as a sentence that only mentions it would say it ("three ports")."""
    m = _WANTED_ITEMS_RE.match(core_of(question.text))
    noun = re.match(r"[\w-]+", core_of(question.text)[m.end():]) if m else None
    return re.compile(rf"\b{m.group(1)}\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun.group(0))}", re.I) if noun else None


def _items_in(text: str) -> int:
    """How many things a sentence (with the bullets it introduces) lists."""
    bullets = len(_BULLET_RE.findall(text))
    return bullets if bullets >= 2 else len(_LIST_RE.findall(text)) + 1


# How often a sentence answer is right rises with how much of the question's
# own wording it holds (measured on the tuning half of eval/): meaning alone
# picks the sentence but does not make it right. Kinds whose sentence can hold
# every word and still not be the answer are capped below 0.8.
CAPS = {"definition": 0.75, "yesno": 0.75, "enumeration": 0.75, "sentence": 0.85, "who": 0.85}


# A sentence that holds enough of the question's words but too few for MIN_CONFIDENCE is still offered
# when nothing else comes close: it leads every other sentence the rules let through by CLEAR_LEAD
# (in score: words, meaning, rank) and is itself close in meaning to the question. Such answers are their
# own kind of evidence ("clear-lead"), calibrated by their own record; so is such a sentence holding more of
# the words, when its own band has been right too rarely (more words never earn less trust than fewer).
CLEAR_LEAD = 0.25
LEAD_MEANING = 0.3
LEAD_FLOOR = 0.4


def _leads(best: Candidate) -> bool:
    return best.margin >= CLEAR_LEAD and best.meaning >= LEAD_MEANING


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


# ------------------------------------------------------------------ confidence
# (what each kind of evidence has earned is calibration.py's; this is a sentence's own estimate, before it)


def _confidence(best: Candidate, question: Question | None = None) -> float:
    lexical = max(-1.0, min(1.0, (best.lexical - MIN_COVERAGE) / (1.0 - MIN_COVERAGE)))
    value = 0.45 + 0.5 * lexical
    if question is not None and question.kind in TYPED_KINDS:
        value += TYPED_BONUS  # the sentence also holds the kind of thing asked for (a count, a date)
    if question is not None:
        value = min(value, CAPS.get(question.kind, 1.0))
    return round(value, 3)


_NUMBER_WORD_RE = re.compile(rf"\b{_NUMBER_WORDS}\b", re.I)


# a difference given with its figure: "38 percent fewer offences", "2.1 times more likely", "47 minutes a shift less",
# "from 10 minutes 05 seconds to 10 minutes 52 seconds" (not "260 offenders, fewer than the 310 of 2017")
_FIGURED_DIFFERENCE_RE = re.compile(r"\d[\d,.]*\s*(?:%|per ?cent|times|[a-z]+)?(?:\s+(?:a|an|per|each)\s+[a-z]+)?\s+"
                                    r"(?:fewer|more|less|lower|higher)\b|\bfrom\s+\S*\d[^.;]{0,40}?\bto\s+\S*\d", re.I)
_ASKS_HOW_MUCH_DIFFERENCE_RE = re.compile(r"\bhow much (?:less|more|fewer|lower|higher)\b", re.I)
# how much more is still to be done, not a difference: "How much more does it need to save by 2020/21?" is answered by
# "it needs to save a further £14.2m"
_ASKS_FURTHER_RE = re.compile(r"\bhow much (?:more|further)\b[^?]*\b(?:need|needs|needed|have to|has to|had to|must|"
                              r"still)\b", re.I)
_FURTHER_SAID_RE = re.compile(r"\b(?:a further|another|an additional|the remaining|remaining|still to)\b", re.I)
# a count of what was not done: "How many of the recommendations had it not achieved?"
# (the verb's own negation: "had it not achieved", not "save by not attending")
_COUNT_OF_NOT_RE = re.compile(r"\bhow many\b[^?]*\b(?:(?:had|have|has|did|do|does|was|were|is|are|could|would|will|"
                              r"can)\s+(?:(?!(?:by|for|of|from|in|to|with|at|when|while)\b)[\w’'-]+\s+){0,6}?(?:not|never)|failed to)\b|"
                              r"\bhow many\b[^?]*n[’']t\b",
                              re.I)
_ASKS_TIME_TAKEN_RE = re.compile(r"^\s*how long (?:do|does|did|will|would|should|can)\b[^?]*\b(?:take|took)\b", re.I)
_TAKES_PLACE_RE = re.compile(r"\b(?:take|takes|took|taken|taking) place\b", re.I)
_TAKES_RE = re.compile(r"\b(?:take|takes|took|taken|taking)\b", re.I)
_HOW_LONG_RE = re.compile(r"\bhow (?:long|soon|quickly|fast)\b", re.I)
# a time set as an aim or a rule, not one taken: "a target of attending … within 60 minutes", "should be answered
# within"
_TARGET_WORD_RE = re.compile(r"\b(?:targets?|aims?|aimed|standards?|should|must|expected|meant|supposed|pledges?|"
                             r"commitments?|promises?|required|requires?|deadlines?|goal)\b", re.I)
_CHANGE_VERB = (r"(?:replac\w*|mov(?:e|ed|ing)|bought|buy(?:ing)?|sold|sell(?:ing)?|clos(?:e|ed|ing)|open(?:ed|ing)?|"
                r"add(?:ed|ing)?|cut(?:ting)?|lost|los(?:e|ing)|recruit(?:ed|ing)?|withdr\w*|remov\w*|hir(?:e|ed|ing)|"
                r"upgrad\w*)")


_ACTED_QUALIFIER = r"(?:a further|another|up to|an extra|extra|more|new)"  # between a change verb and its count
_ACTED_ON_RE = re.compile(rf"\b{_CHANGE_VERB}\s+(?:{_ACTED_QUALIFIER}\s+)?"
                          rf"{COUNT_WORD}\b|"
                          # a count of the places something was done at: "fitted solar panels at 12 fire stations"
                          rf"\b(?:at|in|across|into|within)\s+(?:(?:all|only|just)\s+)?(?!(?:19|20)\d\d\b)"
                          rf"{COUNT_WORD}\b(?!\s*(?:%|percent|per cent|of\b|{MONTHS}))|"  # not "at 31 March 2019"
                          # something done to a count ("It has trained 640 frontline officers"), a count allotted
                          # ("Eastmoor Police's share is 296 officers")
                          rf"\b(?:has|have|had)\s+[a-z]+ed\s+{COUNT_WORD}\b|"
                          rf"\b(?:share|allocation|quota|target)\s+(?:is|was|of)\s+{COUNT_WORD}\b|"
                          # a count of those who did something: "612 officers and staff used its counselling services"
                          rf"\b{COUNT_WORD}\s+(?:[\w-]+\s+){{1,4}}?(?<!\band )(?<!\bor )"  # not "… staff and used it"
                          rf"(?:used|attended|received|took|joined|left|called|"
                          rf"visited|applied|responded|completed)\b|"
                          # a count in a state: "612 officers and staff were working with expired vetting clearance"
                          rf"\b{COUNT_WORD}\s+(?:[\w-]+\s+){{1,4}}?(?<!\band )(?<!\bor )(?:were|was|are|is)\s+"
                          rf"(?!employed\b)[a-z]+ing\b",
                          re.I)
# what a ranking of what each organisation has does not count (`_ranked`): some of them ("9,214 crimes in which the
# victim was a child"), and a count done to or planned ("trained only 41 officers", "would have 1,460 officers")
_SOME_OF_THEM_RE = re.compile(r"\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:in which|of which|where|who|that|involving|"
                              r"concerning|relating to)\b|[^.;]*?\b(?:not|never)\b", re.I)
_ACTED_BEFORE_RE = re.compile(rf"\b(?:{_CHANGE_VERB}|train(?:ed|ing|s)?)\s+(?:(?:{_ACTED_QUALIFIER}|only|just)\s+)?$|"
                              r"\b(?:would|will|could|might|should)\s+(?:have|need|employ)\s+$", re.I)  # (planned)
_HELD_COUNT_RE = re.compile(rf"\b(?:has|have|had|owns?|operates?|runs?|employs?|keeps?)\s+"  # not "has moved two"
                            rf"(?:(?![\w-]+ed\b)(?!{_CHANGE_VERB}\b)[\w-]+\s+){{0,2}}?{COUNT_WORD}\b", re.I)
# and the other way round: "How many hubs did it open in 2016?" asks what was done, not "the force runs 14 hubs"
_ASKS_ACTED_RE = re.compile(rf"\bhow many\b[^?]*\b(?:does|do|did|has|have|had|will)\b[^?]*?\b({_CHANGE_VERB})\b", re.I)
# what was done to or by what is counted, asked of it: "How many on-call firefighters left …?", "… were recruited"
_ASKS_MOVED_RE = re.compile(rf"\bhow many\b(?:\s+[\w-]+){{1,5}}?\s+(left|leav\w*|join\w*|retir\w*|resign\w*|quit|"
                            rf"{_CHANGE_VERB})\b", re.I)
_ASKS_FUTURE_RE = re.compile(r"\bwhen (?:will|is|are)\b(?=[^?]*\b(?:will|due|going to|expected|planned|next|return|"
                             r"check|revisit)\b)|\bwhen will\b", re.I)
# a paragraph's number where a sentence (or a row read with its headers, on its last line) begins
_PARAGRAPH_NUMBER_RE = re.compile(r"(?:^|(?<=\n))\s*\d{1,2}\.\d{1,2}\s+(?=[A-Z])")
# what is left of a whole ("still to be identified", "yet to be found", "the remaining 12"): asked only as such
# (and a backlog: "a backlog of 1,412 referrals" is what waits, not how many came in)
_REMAINDER_RE = re.compile(r"\b(?:still|yet) to be\b|\bremaining\b|\bleft to\b|\bbacklog of\b", re.I)
_ASKS_REMAINDER_RE = re.compile(r"\b(?:still|yet|remain\w*|left|outstanding|more|backlogs?|wait\w*|await\w*|overdue|"
                                r"queue\w*|unassessed|unallocated|behind)\b", re.I)
_ASKS_EVENT_DATE_RE = re.compile(r"\b(?:when|(?:in )?(?:what|which) (?:year|date|month))\s+"
                                 r"(?:was|were|did|will|is|are|has|have|had)\b", re.I)
_DURATION_RE = re.compile(r"\b(\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"fifteen|twenty|thirty|forty|fifty|sixty|several|few)(?:\s+|-)"
                          r"(?:(?:working|calendar|clear|full|whole|consecutive)\s+)?(seconds?|minutes?|hours?|"
                          r"days?|weeks?|months?|years?)\b|\bwithin (a|an|the) (day|week|month|year)\b", re.I)
# a time something took, not any length ("sickness absence averaged 14.3 days a year"): "within five working days",
# "in 14 minutes", "waited 47 minutes", "14 months behind schedule"
_TIME_TAKEN_RE = re.compile(rf"\b(?:within|in|under|took|takes|taken|waited|waiting|waits|after)\s+"
                            rf"(?:[\w-]+\s+){{0,3}}?(?:{_DURATION_RE.pattern})|"
                            rf"(?:{_DURATION_RE.pattern})\s+(?:behind|late|early|ahead)\b", re.I)
# "When are victims surveyed after reporting a crime?": "six to twelve weeks after they reported"
_ASKS_TIME_AFTER_RE = re.compile(r"^\s*when\b[^?]*\b(?:after|before)\b", re.I)
_TIME_AFTER_EVENT_RE = re.compile(rf"(?:{_DURATION_RE.pattern})\s+(?:after|before|of)\b", re.I)


_MONEY_ASKED_RE = re.compile(rf"\b({MONEY_NOUNS}|"
                             r"how much ((?!time\b|hours?\b|minutes?\b|days?\b)\w+ ){0,8}?(save|saved|spend|spent|cost|costs|paid|pay|invest|invested))\b",
                             re.I)
_MONEY_RE = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(m|bn|k|million|billion|thousand|pounds?)\b", re.I)


# what the inspectors themselves examined, read, heard or met: a sentence counting only that ("To answer them, we
# interviewed 58 staff …, reviewed 31 fire safety audits …", "all 38 we examined had been recorded correctly")
# answers questions about the inspection's fieldwork, not about what a force or service did or had
_FIELDWORK_VERB = (r"(?:examined|reviewed|looked at|listened to|checked|sampled|read|interviewed|visited|held|"
                   r"spoke to|met|(?:made|paid)\s+(?:[\w-]+\s+)?visits\s+to)")  # "we also made unannounced visits to nine …"
_FIELDWORK_SAID = rf"\b(?:we|inspectors|our team)\s+(?:also\s+)?{_FIELDWORK_VERB}\b"  # "we reviewed", "inspectors met"
# (the list of what they did, up to a finding: "We examined 40 cancelled rapes and found that 36 …"; a count standing
# right before "we examined", not a part of a sample: "in 5 of the 12 cases we reviewed")
# (what the inspectors examined, as far as the finding: not past "In the cases we reviewed," which ends it)
_FIELDWORK_RE = re.compile(rf"{_FIELDWORK_SAID}(?!\s*,)"
                           rf"(?:(?!\b(?:found|find|but|which|whom|who|where|when|while|whereas|that|"
                           rf"gave|graded|judged|rated)\b)[^.;:])*|"  # (a judgment given ends what was looked at)
                           rf"\b\d[\d,]*\s+(?:(?!of\b)[\w-]+\s+){{0,4}}?(?:that\s+)?(?:we|inspectors)\s+{_FIELDWORK_VERB}\b", re.I)
_ASKS_FIELDWORK_RE = re.compile(r"\b(?:we|us|our|inspectors?|inspectorate|hmic\w*|inspections?|inspected|fieldwork|"
                                r"review\w*|examin\w*|sampl\w*|look(?:ed)? at|listen\w*|interview\w*|"
                                r"focus groups?|spoke|speak|survey\w*)\b", re.I)


# "How many cases did the inspection review?", "How many calls did inspectors listen to?": a count of the fieldwork
_ASKS_FIELDWORK_COUNT_RE = re.compile(r"\bhow many\b[^?]*\b(?:did|do|have|has|had)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                                      r"(?:inspectors?|inspection|inspectorate|hmic\w*|we|our team)\s+"
                                      r"(review|examine|look at|listen to|check|sample|read|interview|visit|speak to|meet)\b",
                                      re.I)
_FIELDWORK_SAID_RE = re.compile(_FIELDWORK_SAID, re.I)
# a sentence pointing to another part of the report, and a question asking for a part of it
_POINTS_ELSEWHERE_RE = re.compile(r"\b(?:in|throughout)\s+the\s+rest\s+of\s+(?:this|the)\s+report\b|\blater\s+in\s+"
                                  r"(?:this|the)\s+report\b|\b(?:is|are)\s+(?:all\s+)?set\s+out\s+(?:below|"
                                  r"in\s+(?:section|chapter|part|annex|appendix)\b)|\bthis\s+report\s+(?:sets\s+out|"
                                  r"describes|explains|summarises)\b", re.I)
_ASKS_REPORT_PLACE_IN_RE = re.compile(r"\s*(?:where|in which\s+(?:section|chapter|part)s?)\b[^?]*\b(?:reports?|"
                                      r"inspections?|documents?)\b", re.I)  # where in the report something is
_ASKS_REPORT_PLACE_RE = re.compile(r"\bwhere\b|\bwhich\s+(?:section|chapter|part|annex|appendix)\b|\b(?:section|"
                                   r"chapter|annex|appendix)\b", re.I)
# what an organisation does well, asked and said ("as well as", "how well" say nothing of it)
_ASKS_DONE_WELL_RE = re.compile(r"(?<!\bnot )(?<!\bnot being )\b(?:do|does|did|doing|done)\s+(?:particularly\s+|"
                                r"especially\s+)?well\b", re.I)  # (not "Why are some … not done well?": failings)
_DONE_WELL_RE = re.compile(r"(?<!\bas )(?<!\bhow )\bwell\b(?!\s+as\b)|\bgood\b|\bstrong|\bstrength|\beffective|"
                           r"\bcommend|\bpraise|\bimpressive|\boutstanding|\bexcellent|\bbest\b", re.I)
_CLAUSE_NEGATION_RE = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.I)


_ASKS_WHICH_KINDS_RE = re.compile(r"\s*which\s+((?:[\w-]+\s+){0,3}?[\w-]+s)\s+(?:does|do|did|has|have|had)\b", re.I)


def _says_done_well(sentence: str) -> bool:
    """Does the sentence say something is done well, in a clause that does not deny it ("… does not understand the
    wellbeing of its workforce well enough" says the opposite)?"""
    for m in _DONE_WELL_RE.finditer(sentence):
        clause = re.split(r"[,;:]|\bbut\b|\bwhile\b|\balthough\b", sentence[:m.start()], flags=re.I)[-1]
        if not _CLAUSE_NEGATION_RE.search(clause):
            return True
    return False


# a sentence saying only how the inspectors worked ("We examined 14 records relating to modern slavery."), and what
# makes such a sentence a finding too ("… and found that 36 had been cancelled correctly", "in 23 the assessment was
# wrong")
_METHOD_ONLY_RE = re.compile(rf"\W*(?:\d+(?:\.\d+)*\s+)?{_FIELDWORK_SAID}", re.I)
_METHOD_FINDS_RE = re.compile(r"\b(?:found|find|finds|showed|shows|saw|identified|noted|concluded|judged|was|were|"
                              r"had|has|have|is|are|not|no|none)\b", re.I)


def _fieldwork_only(text: str, question_text: str = "") -> bool:
    """Is every figure of the sentence (not its years or lengths of time) one of what the inspectors examined?
    ("all 38 we examined had been recorded correctly" counts a finding too, when the question asks what it says
    of them)"""
    covered = [m.span() for m in _FIELDWORK_RE.finditer(text)
               if not (text[max(0, m.start() - 4):m.start()].lower() == "all "
                       and stems_of(re.split(r"[.;:]", text[m.end():])[0]) & stems_of(question_text))]
    figures = [m for figure in (_FIGURE_RE, _NUMBER_WORD_RE) for m in figure.finditer(text)
               if not TIME_AFTER_RE.match(text, m.end())]  # in words too: "visits to nine police stations"
    return bool(covered) and bool(figures) and all(any(a <= m.start() < b for a, b in covered) for m in figures)


# savings made, asked and said ("has saved", "made £3.6m of savings", "Savings made 2010/11 to 2015/16"), not those to
# come ("needs to save", "Savings still to find")
_ASKS_SAVED_RE = re.compile(r"\b(?:has|have|had)\b[^?]*\bsaved\b|\bdid\b(?![^?]*\b(?:expect|plan|need|aim|intend|"
                            r"forecast|hope|want)\w*\b)[^?]*\bsave\b", re.I)  # (not "did it expect … to save")
_SAVED_RE = re.compile(r"\bsaved\b|\bsavings made\b|"
                       r"\b(?:made|achieved|delivered|realised)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,30}\bsavings\b", re.I)


@lru_cache(maxsize=1024)
def _asks_saved(question_text: str) -> bool:
    """Does the question ask savings made? (Read once a question: asked of every sentence a number question reads.)"""
    return bool(_ASKS_SAVED_RE.search(question_text))


_BY_HOW_MUCH_RE = re.compile(r"\bby how much\b", re.I)
_MONEY_WORD_RE = re.compile(r"[£$€]|\b(?:money|pounds?|save[sd]?|saving|spen[dt]|fund\w*|grants?|pay|paid|precept|"
                            r"council tax|expenditure|invest\w*|financ\w*|afford\w*|value)\b", re.I)


def _only_money(text: str) -> bool:
    """Are all the figures a sentence gives (not its years) sums of money ("£14.2m by 2020/21")?"""
    figures = list(_FIGURE_RE.finditer(text))
    return bool(figures) and all(text[:m.start()].endswith(("£", "$", "€")) or _MONEY_RE.match(text, m.start())
                                 for m in figures)


_FIGURE_RE = re.compile(r"(?<![\w/-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?:\s*(?:%|per ?cent|million|m\b|bn\b))?")


# "How many people live in …?", "How many children are living in the force area?": its population, or a part of it
_LIVE = r"(?:live|lives|lived|living|reside|resided|are resident|were resident)"
# (or are in an area: "How many children are in the Holmbridge force area?" asks its population's children, not "it
# worked with 212 children")
_LIVES_IN_RE = re.compile(rf"\bhow many ((?:[\w-]+ ){{0,2}}?[\w-]+) (?:(?:\w+ )?{_LIVE}\b|(?:are|were) (?:there )?in "
                          r"(?:the )?(?:[\w’'-]+ ){0,3}?(?:force area|county|area|city|region|district)\b)", re.I)
_RESIDENTS_RE = re.compile(r"(?:the )?(?:people|persons|residents|inhabitants)", re.I)
_LIVE_WORDS_RE = re.compile(rf"\b{_LIVE}\b", re.I)
# "a largely rural county of about 910,000 people", "polices … 612,000 people": an area's people, its population
_AREA_PEOPLE_RE = re.compile(r"\b(?:county|area|city|region|district|serves|polices|covers)\b[^.;]{0,40}?"
                             r"(\d[\d,]*(?:\.\d+)?)(?:\s*(million))?\s+(?:people|residents|inhabitants)\b", re.I)


def in_report_words(question: Question, text: str, noun: bool = True) -> str:
    """The question's text, what it asks said as the reports say it: "How many people live in Eastmoor?"
    asks for what reports call its population ("serves a population of about 1.08 million people"), or its
    people ("a county of about 910,000 people": kept for the search unless ``noun`` is False, as the words
    an answer must hold, where a population need not be called people)."""
    if question.kind == "number" and _LIVES_IN_RE.search(text):
        text = _LIVE_WORDS_RE.sub("population", text)
        lives = _LIVES_IN_RE.search(question.text)
        if lives and _RESIDENTS_RE.fullmatch(lives.group(1)) and not noun:
            text = re.sub(rf"\b{re.escape(lives.group(1))}\b", " ", text, count=1)
    return text


# a figure of the measure the sentence before names: "For Harrowmere this estimate was 742,300."
_MEASURE_BEFORE_RE = re.compile(r"\b(?:this|that)\s+(?:estimate|figure|number|total)\s+(?:is|was|stood at)\s+\S*\d",
                                re.I)


def _states_measure(text: str, measure: str, count: bool = False) -> bool:
    """Does the text give the measure asked for with a figure close after it
    ("a population of 1,046,000", "Population (mid-2017 estimate): 1,046,000"),
    a year not counting as one? A ``count`` is no share: "The population is
    younger …, and 8.9 percent of residents …" gives no population."""
    wanted = stems_of(measure)
    for stem, a, b in term_spans(text, wanted):
        if _RATE_UNIT_BEFORE_RE.search(text, max(0, a - 24), a):
            continue  # "Fires attended per 1,000 population: 2.6": the measure is a rate's unit
        if _RELATIVE_TO_RE.search(text, max(0, a - 30), a):
            continue  # "… has the most relative to its size, with 18": a comparison, the size not given
        if any(m.start() < 60 and not (count and (_SHARE_FIGURE_RE.search(m.group(0)) or re.search(
                r"\bper\s*$", text[b:b + m.start()], re.I)))
               for m in _FIGURE_RE.finditer(text[b:b + 80])):  # a figure starting close after, read whole
            return True
    return False


_SHARE_FIGURE_RE = re.compile(r"%|per ?cent", re.I)
_RELATIVE_TO_RE = re.compile(r"\b(?:relative to|for|in proportion to|compared with)\s+(?:its|their|the|a)\s+(?:[\w-]+\s+)?\Z",
                             re.I)


_PER_UNIT = r"\bper\s+(?:\d[\d,]*|head|person|officer|capita|thousand|hundred|million)\b"  # "per 1,000 people"
_RATE_UNIT_BEFORE_RE = re.compile(_PER_UNIT + r"\s*(?:thousand|million)?\s*(?:of\s+(?:the\s+)?)?\Z", re.I)
_PER_ASKED_RE = re.compile(_PER_UNIT, re.I)
# a share per person, said any of the ways the reports say it
_HEAD = r"(person|head|resident|capita|inhabitant)"
_PER_HEAD_ASKED_RE = re.compile(rf"\b(?:per|for each|for every|on each)\s+{_HEAD}\b", re.I)
_PER_HEAD_RE = re.compile(rf"\b(?:per|for each|for every)\s+{_HEAD}\b", re.I)
# a count for each one of something: an average or a share out, not a total
_EACH_ASKED_RE = re.compile(rf"\bhow many\b[^?]*\beach\s+(?!{TIME_UNIT}\b)([\w-]+)",
                            re.I)  # (not "each year": a count over a time)
_AVERAGE_ASKED_RE = re.compile(r"\b(?:on )?average\b", re.I)
_EACH_NAMED_RE = re.compile(r"\b(?:each|per|every)\s+([\w-]+)", re.I)
_EACH_GIVEN_RE = re.compile(r"\b(?:average|apiece|a head)\b|\beach\b(?=\s*[,.;)]|\s+(?:and|but|while|with)\b|\s*$)",
                            re.I)


def _gives_each(text: str, unit: str) -> bool:
    """Does the text give a count for each one ("an average of 17 investigations each", "19 cases per
    investigator"), not a count within each of something else ("ten cases a month in each unit")?"""
    unit_stems = stems_of(unit)
    return bool(_EACH_GIVEN_RE.search(text)) or any(
        stems_of(m.group(1)) == unit_stems for m in _EACH_NAMED_RE.finditer(text))
_PER_RE = re.compile(_PER_UNIT + r"|\brate\b.*\d", re.I)
# ("rate per 1,000" names its unit; an accuracy is a share)
_SHARE_ASKED_RE = re.compile(_SHARE_ASKED + r"|\b(?:what|which) fraction\b|\brate\b(?!.*\bper\b)|"
                             r"\b(?:recording )?accuracy\b", re.I)
_SHARE_RE = re.compile(r"%|\bper ?cent\b|" + _PER_UNIT + r"|\b\d[\d,.]*\s+(of|in|out of)\s+(the\s+|every\s+)?\d|"
                       r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\s+([a-z]+\s+)?(in|of)\s+(every\s+)?"
                       r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\b|"
                       r"\b(half|a third|a quarter|two[- ]thirds|three[- ]quarters)\b", re.I)


# "Who is the chief constable of X?", "Who was chief constable at the time?": a person holding a post
_POSTS = (r"(?:deputy |assistant )?chief (?:constable|fire officer|executive|officer)|(?:police(?:, fire)? and crime |"
          r"fire and rescue )?commissioner|mayor|head|lead|director|chair")
# ("Who is responsible for West Midlands' national policing responsibilities?" asks who, a post as well as a name)
_WHO_HOLDS_RE = re.compile(rf"^\s*who (?:is|was|are|were) (?!(?:responsible|accountable|in charge)\b)"
                           rf"(?:the|its|their|[\w'’ -]+?['’]s?|(?={_POSTS}\b))\s*", re.I)
_PERSON_RE = re.compile(r"\b([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][a-z]+)\b")


_ASKS_TIME_OF_DAY_RE = re.compile(r"\b(?:what|which) time\b(?! (?:period|frame|scale)s?\b)", re.I)
_TIME_OF_DAY_RE = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)\b|\b\d{1,2}:\d\d\b|\b(?:midnight|midday|noon)\b", re.I)
def _states_deadline(text: str) -> bool:
    """"by 31 December 2022", "immediately", "within 48 hours"; not a date by which something had been done ("By
    March 2018, 74 percent of officers had completed …" says how far it had got)."""
    return any(not _REACHED_BY_RE.match(text, m.end()) for m in STATED_DEADLINE_RE.finditer(text)) or bool(
        _WITHIN_RE.search(text))


_REACHED_BY_RE = re.compile(r",?\s+(?:[^,.;:]{0,60}?\s)?had\s+(?!to\b)", re.I)


def _deadline_before(question: Question, sentence: str, previous: str) -> bool:
    """Is a deadline asked, and stated in the sentence before: only there, or
    in the lead-in of the list the sentence is an item of ("By 31 January
    2023, the force should: … clear the backlog …, and make sure that every
    new referral is assessed within 48 hours": the date is the deadline, the
    48 hours a standard)?"""
    return bool(_ASKS_DEADLINE_RE.search(question.text)) and _deadline_of(sentence, previous) and (
        # (an item dated in itself, "… report to the police and crime commissioner … by 31 March 2020", has its own
        # deadline, whatever its list's lead-in says: "should immediately:")
        not _states_deadline(sentence) or previous.rstrip().endswith(":") and not DATED_DEADLINE_RE.search(sentence))


def _deadline_of(sentence: str, previous: str) -> bool:
    """Does the sentence before set the sentence's deadline: a list's lead-in, or a sentence it points back to
    ("… within 24 hours. It should also …"), not any sentence before it ("Of the 50 reports of rape …, 44 of these
    within 24 hours." sets none for "We examined 14 records relating to modern slavery.")?"""
    return bool(previous) and _states_deadline(previous) and (
        previous.rstrip().endswith(":") or bool(_ANAPHOR_RE.match(sentence) or _POINTS_BACK_RE.match(sentence)))


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


# a time from now: "within six months", "within a year", "in 18 months"
_WITHIN_RE = re.compile(r"\b(?:within\s+(?:the\s+next\s+)?[\w-]+|in\s+(?:a|an|the\s+next\s+[\w-]+|\d+|two|three|four|"
                        r"five|six|nine|twelve|eighteen))\s+(?:working\s+)?(?:hours?|days?|weeks?|months?|years?)\b",
                        re.I)
_PRESCRIBED_RE = re.compile(r"\b(?:must|should|needs? to|has to|have to|due|expected|required|asked)\b", re.I)
# "When should …?", "When must …?": a deadline, or the condition on which it should be done
_ASKS_WHEN_PRESCRIBED_RE = re.compile(r"\s*when\s+(?:should|must)\b", re.I)
# (not a time compared with: "better than when we last inspected"; nor the inspectors' own visit)
_CONDITION_SAID_RE = re.compile(r"(?<!\bthan )\b(?:only\s+)?(?:when|whenever|once|unless)\s+"
                                r"(?!\d|we\b|our\b|the inspectorate\b|hmic\w*\b|inspectors\b)", re.I)
_ASKS_DEADLINE_RE = re.compile(r"\b(?:by when|how soon|deadline|by what date|when (?:must|should|is \w+(?: \w+)? due))\b",
                               re.I)


_GRADE_NAME_RE = re.compile(r"\brequires? improvement\b|\brequiring improvement\b", re.I)
# the size of a place or an organisation, asked and said (not of a backlog: "How big was the backlog …?" is a count)
# (a place or organisation, named: "the county of Fenmoor", "the Fenmoor county")
_ASKS_SIZE_RE = re.compile(r"^\s*(?i:how (?:big|large|small) (?:is|was) )(?:(?i:the (?:county|area|city|region|force|"
                           r"service) of) |(?i:the) )?(?:[A-Z][\w'’-]*\s*)+"
                           r"(?i:fire|county|area|force area|city|region)?\s*\??\s*$")
_SIZE_SAID_RE = re.compile(r"\d[\d,.]*\s*(?:million\s+)?(?:square|sq\b|km|kilomet|miles?\b|hectares?|acres?|people|"
                           r"residents|inhabitants|officers|staff|firefighters|employees|(?:full-time|FTE))|"
                           r"\b(?:area|population|workforce|establishment|budget)\b[^.;]{0,30}?\d", re.I)


class _NumberAsks(NamedTuple):
    """What a number question asks, read once a question (_typed reads every sentence against it)."""
    money: re.Match | None
    size: re.Match | None
    lives: re.Match | None
    measure: re.Match | None
    per: re.Match | None
    each: re.Match | None
    rate_of_row: bool
    share: re.Match | None
    difference: re.Match | None
    further: re.Match | None
    held: re.Match | None
    acted: re.Match | None
    moved: re.Match | None
    count_of_not: re.Match | None
    remainder: re.Match | None
    fieldwork_count: re.Match | None
    fieldwork: re.Match | None
    by_how_much_not_money: bool
    given: frozenset[str]


@lru_cache(maxsize=1024)
def _number_asks(q: str) -> _NumberAsks:
    """The question's reads that _typed's number checks need, cached by its text."""
    money, per, share = _MONEY_ASKED_RE.search(q), _PER_ASKED_RE.search(q), _SHARE_ASKED_RE.search(q)
    return _NumberAsks(
        money=money, size=_ASKS_SIZE_RE.search(q), lives=_LIVES_IN_RE.search(q), measure=_MEASURE_ASKED_RE.match(q),
        per=per, each=_EACH_ASKED_RE.search(q),
        rate_of_row=bool(per or share or _EACH_NAMED_RE.search(q) or _AVERAGE_ASKED_RE.search(q)),
        share=share, difference=_ASKS_HOW_MUCH_DIFFERENCE_RE.search(q), further=_ASKS_FURTHER_RE.search(q),
        held=ASKS_HELD_RE.search(q), acted=_ASKS_ACTED_RE.search(q), moved=_ASKS_MOVED_RE.search(q),
        count_of_not=_COUNT_OF_NOT_RE.search(q), remainder=_ASKS_REMAINDER_RE.search(q),
        fieldwork_count=_ASKS_FIELDWORK_COUNT_RE.search(q), fieldwork=_ASKS_FIELDWORK_RE.search(q),
        by_how_much_not_money=bool(_BY_HOW_MUCH_RE.search(q) and not money and not _MONEY_WORD_RE.search(q)),
        given=frozenset(DIGITS_RE.findall(q)))


def _typed(question: Question, text: str, previous: str = "", row: bool = False) -> bool:
    """A number or date question is answered only by a sentence that has one
    (``previous``: the sentence before, for a count that leaves its noun to it;
    ``row``: a table row, whose column headers say what its cells measure)."""
    if question.kind == "number":
        text = _PARAGRAPH_NUMBER_RE.sub("", text)  # "4.3 Detainees held for long periods …" numbers a paragraph
        asks = _number_asks(question.text)
        if asks.money and not _MONEY_RE.search(text):
            return False  # "What is the hub's budget?" is answered by a sum, not "it is funded one year at a time"
        if asks.size and not _SIZE_SAID_RE.search(text):
            return False  # "How big is the county of Fenmoor?" is answered by "an area of 3,410 square kilometres" (or
            # its people), not "… a long coastline, three ports and …"
        lives = asks.lives
        if lives:
            # "How many people live in Brackenshire?" asks its population: "a population of 1,046,000" gives it;
            # "How many children live in …?" a part of it, counted as children ("301,000 are children")
            return (_states_measure(text, "population", count=True) or bool(_AREA_PEOPLE_RE.search(text))) and (
                bool(_RESIDENTS_RE.fullmatch(lives.group(1))) or counts_what_is_asked(question, text, previous))
        measure = asks.measure
        if measure and not _states_measure(text, measure.group(1) or measure.group(2)) and not (
                _asks_population(question) and _AREA_PEOPLE_RE.search(text)) and not (  # "a county of 910,000 people"
                _MEASURE_BEFORE_RE.search(text) and _FIGURE_RE.search(text)
                and stems_of(measure.group(1) or measure.group(2)) <= stems_of(previous)):
            # ("For Harrowmere this estimate was 742,300." after "… use the estimated population of each force area")
            # "What is the population of …?" is answered by a population and its figure, not the area beside
            # it or "population estimates for mid-2017"
            return False
        if asks.per and not row and not _PER_RE.search(text):
            return False  # "How many checks per 1,000 people?" is a rate: not "8,690 home fire safety checks"
        each = asks.each
        if each and not _gives_each(text, each.group(1)):
            return False  # "How many investigations does each investigator carry?": "an average of 17 … each"
        if row and not asks.rate_of_row and \
                _PER_ASKED_RE.search(text.partition(":")[0]):
            # "How many checks did it do?" is a count: not the row "Checks per 1,000 population: 14.2"; "What is its
            # net revenue budget?" a sum, not "Net revenue expenditure per head: £218" (but "How many days did each
            # officer lose …?", "… per Harrowmere officer?", "… on average?" asks the row "… per officer: …")
            return False
        if asks.share and not row and not _SHARE_RE.search(text):
            return False  # "What proportion of crime does it record?", "What is its find rate?" are answered by a
            # share or a rate, not "400 records"
        if asks.difference and not (
                DIFFERENCE_RE.search(text) or _FIGURED_DIFFERENCE_RE.search(text) or CHANGED_BY_RE.search(text)) \
                and not (asks.further and _FURTHER_SAID_RE.search(text)):
            return False  # "How much less did they offend?" is answered by "31 percent fewer offences", not a count
        if asks.held and not _HELD_COUNT_RE.search(text) and (
                _ACTED_ON_RE.search(text) or adds_what_is_counted(question, text)):
            return False  # "How many fire engines does it have?" is not "… to replace four fire engines", nor how
            # many detectives "… train 60 extra detectives"
        if (acted := asks.acted) and _HELD_COUNT_RE.search(text) and not (
                stems_of(acted.group(1)) & stems_of(text)):
            return False  # "How many hubs did it open?" is not "… the force runs 14 neighbourhood hubs"
        if (moved := asks.moved) and not stems_of(moved.group(1)) & stems_of(text) and any(
                re.match(_CHANGE_VERB, m.group(0), re.I) for m in _ACTED_ON_RE.finditer(text)):
            return False  # "How many on-call firefighters left?" is not "… a plan to recruit 60 on-call firefighters"
        if asks.count_of_not and not _NEGATION_RE.search(text):
            return False  # "How many … had it not achieved?" is not answered by "achieved 9 of the 21 …"
        if _counts_another_failing(text, question.text):
            return False  # "In how many of the 60 calls did it not identify repeat victims?" is not "… did not always
            # identify repeat victims, and in 13 of the 60 calls they did not give callers advice …"
        if _REMAINDER_RE.search(text) and not asks.remainder:
            return False  # "How much must it save?" is not answered by "Savings still to be identified: £4.6m"
        if fieldwork := asks.fieldwork_count:
            if _FIELDWORK_SAID_RE.search(text):
                if not any(_FIELDWORK_RE.finditer(text)):
                    return False  # "How many cases did the inspection review?" is not "In the cases we reviewed, …
                    # in 41 of 48 cases": a count of what the inspectors examined is one in their clause
            elif not stems_of(fieldwork.group(1)) & stems_of(text) and not (
                    _SAMPLE_NAMED_RE.search(text) and stems_of(fieldwork.group(1)) & stems_of(previous)):
                return False  # "How many staff did inspectors interview?" is not "Our staff survey was completed by
                # 212 of the service's staff": what the inspectors did, said as they did it, or in its own verb (or
                # the sample it made, after the sentence saying so: "We reviewed 150 crime records … The sample
                # comprised 75 rural crime records, 40 wildlife crime records …")
        if not asks.fieldwork and _fieldwork_only(text, question.text):
            return False  # "How many crimes were reported online?" is not "all 38 we examined had been recorded"
        if _asks_saved(question.text) and not _SAVED_RE.search(text):
            return False  # "How much has it saved?" is not "It needs to save £11.2m by 2026/27 and has identified how
            # it will save £8.4m of this": savings to come
        if asks.by_how_much_not_money and _only_money(text):
            return False  # "By how much will it cut its police staff?" is not "it needs to save a further £14.2m"
        caption = bool(CAPTION_RE.match(text.lstrip()))
        text = _CAPTION_LABEL_RE.sub(" ", text)  # "Figure 7: …" numbers a chart; it states no value
        given = asks.given
        if given and not row and not _NUMBER_WORD_RE.search(text) and \
                set(DIGITS_RE.findall(_DATE_FULL_RE.sub(" ", _PERIOD_RE.sub(" ", text)))) <= given:
            return False  # "How many 999 calls …?": the "999" of "Counts of 999 calls … come from …" is no answer
        # "rates in West Midlands (per 1,000 population)" names a unit: its number is no value
        text = _PER_ASKED_RE.sub(" per unit ", text)
        if caption and not re.search(r"\d", _DATE_FULL_RE.sub(" ", _PERIOD_RE.sub(" ", text))):
            return False  # "Figure 1: Crime rates … for the five year period to 30 June 2015" titles a chart
        return bool(_NUMBER_RE.search(_DATE_FULL_RE.sub(" ", text)) or "%" in text) and \
            counts_what_is_asked(question, text, previous)
    if question.kind == "date":
        if _ASKS_TIME_OF_DAY_RE.search(question.text):
            return bool(_TIME_OF_DAY_RE.search(text))  # "After what time …?": "after 11pm", not a year
        if _ASKS_DEADLINE_RE.search(question.text):
            # "By when must it train its officers?": "within six months, gives every officer training", or a
            # bullet under "By 31 December 2022, the service should:"; a date of something done ("audited only
            # 412 of them in 2021") sets no deadline
            stated = [t for t in (text,) if _states_deadline(t)] + [previous] * _deadline_of(text, previous)
            if not stated and _ASKS_WHEN_PRESCRIBED_RE.match(question.text) and any(
                    len(stems_of(text[:m.start()]) & stems_of(core_of(question.text))) > 1
                    for m in _CONDITION_SAID_RE.finditer(text)):
                return True  # "When should officers take someone into custody?" may ask on what condition: "take
                # people into custody only when it is necessary …", said of what is asked (its doing and its
                # object, not "staff" alone: "Staff knew when the shift would end")
            if stated or _PRESCRIBED_RE.search(question.text):
                return bool(stated)
        if _HOW_LONG_RE.search(question.text) or LENGTH_ASKED_RE.match(core_of(question.text)):
            # "How long did callers wait?", "What was the average wait?": a length of time, not a date; asked how
            # long a thing takes, not when it takes place ("meant to take place within 72 hours of a child's return")
            return bool(_DURATION_RE.search(text)) and not (
                _ASKS_TIME_TAKEN_RE.search(question.text) and _TAKES_PLACE_RE.search(text)
                and not _TAKES_RE.search(_TAKES_PLACE_RE.sub(" ", text))) and not (
                # "How long does it take to attend priority incidents?" is not "The force sets a target of attending
                # them within 60 minutes": a time aimed at, unless that is what is asked
                not _TARGET_WORD_RE.search(question.text)
                and all(_TARGET_WORD_RE.search(_CLAUSE_SPLIT_RE.split(text[max(0, m.start() - 60):m.start()])[-1])
                        for m in _DURATION_RE.finditer(text)))  # (in its own clause: "…, but took 22 minutes")
        if _ASKS_FUTURE_RE.search(question.text) and _WITHIN_RE.search(text):
            return True  # "When will the inspectorate return?": "within a year", "in six months", a time from now
        if _ASKS_TIME_AFTER_RE.search(question.text) and _TIME_AFTER_EVENT_RE.search(text):
            return True  # "When are victims surveyed after reporting a crime?": "six to twelve weeks after they
            # reported the crime", a time from the event the question names
        if _ASKS_EVENT_DATE_RE.search(question.text):
            # "In what year was its last inspection?" asks when something happened: the period a figure is
            # counted over ("increased by 2 percent for the 12 months to 30 June 2015") dates no event; a day's
            # date does ("open from 10 January to 4 February 2022")
            text = _COUNTED_OVER_RE.sub(" ", text)
        # "our 2017 effectiveness inspection" names an inspection; it dates nothing asked; nor does "since our
        # last inspection", which names no date at all
        # nor does the year of an Act's title ("the Police and Criminal Evidence Act 1984")
        text = HORIZON_RE.sub(" ", _ACT_YEAR_RE.sub(" ", _PLAN_NAME_YEAR_RE.sub(" ", text)))  # nor a plan's horizon:
        # "projections to 2020", nor its name: "a clear plan, Northshire 2027"
        text = _OUR_EARLIER_CLAUSE_RE.sub(" ", text)  # nor "which we praised in 2017": when the inspectors saw it
        text = _LABEL_YEAR_RE.sub(" ", text)  # nor "our 2014 recommendations": which ones, not when
        text = _without_years_asked(text, question.text)  # nor the year the question names itself
        text = _without_compared_years(text, question.text)  # nor the year of a figure compared with
        text = _without_dated_modifiers(text, question.text)  # nor "…, last revised in April 2024": another's date
        if _ASKS_INSPECTION_DATE_RE.search(question.text) and (asked := INSPECTION_KIND_RE.findall(
                question.text)) and (said := INSPECTION_KIND_RE.findall(text)) and not {
                k.lower() for k in asked} & {k.lower() for k in said}:
            return False  # "When was Eastmoor's last legitimacy inspection?" is not "… our last crime data integrity
            # inspection of the force in 2018": an inspection of another kind
        if _ASKS_INSPECTION_DATE_RE.search(question.text):
            # "In what year was its previous crime inspection?" is answered by a year an inspection is named or done
            # in ("HMIC's 2014 crime inspection", "inspection of crime data in 2014"), not by a deadline set in one
            return bool(_INSPECTION_YEAR_RE.search(text) or _INSPECTION_DATED_RE.search(text))
        if _ASKS_HABIT_RE.match(question.text) and _TIME_OF_RE.search(text):
            return True  # "When do officers complete their e-learning?": "… in officers' own time"
        return bool(_DATE_RE.search(_INSPECTION_YEAR_RE.sub(" ", _SINCE_EVENT_RE.sub(" ", text))))
    if question.kind == "grade" and len(grades_named(text)) >= 3 and not re.search(
            r"\d\s*(?:[;,]|$)", text) and (question.organisations or not _ASKS_SCALE_RE.search(question.text)):
        return False  # "We grade each topic on a five-tier scale: outstanding, good, …" names the scale, no grade
        # (a table's columns named by grade hold counts: "Good 12; Requires improvement 9; Inadequate 4"); unless
        # the scale is what is asked: "What are the grades on the five-tier scale?"
    if question.kind == "frequency" and (last := _LAST_WORD_ASKED_RE.search(core_of(question.text))) and \
            last.group(1).lower() not in STOP_WORDS and not stems_of(last.group(1)) & stems_of(f"{previous} {text}") \
            and not any(stems_of(m.group(1)) & (stems_of(core_of(question.text)) - stems_of(last.group(1)))
                        for m in _HELD_SO_OFTEN_RE.finditer(text)):
        return False  # "How often does its scrutiny panel meet?" is not "… publishes its data each quarter and
        # explains it to the … Scrutiny Panel": what is done so often is the question's last word, or its object
        # (its scope aside: "… (2015 inspection)")
    if question.kind in ("grade", "frequency"):
        return bool(TYPE_PATTERNS[question.kind].search(text))
    if question.kind == "who" and _WHO_HOLDS_RE.match(question.text):
        # "Who is the chief constable of Harrowmere?" asks for a person: a name the question does not give
        asked = set(re.findall(r"[A-Z][a-z]+", question.text))
        return any(not {first, last} & asked for first, last in _PERSON_RE.findall(text))
    if question.kind == "who" and (verb := _WHO_VERB_RE.match(question.text)) and not (
            stems_of(verb.group(1)) & stems_of(text)) and any(
            not stems_of(m.group(1)) & stems_of(question.text) for m in _DONE_BY_RE.finditer(text)):
        return False  # "Who works in the Safe Streets programme?" is not "The programme was evaluated by Northmoor
        # University": someone did something else to it
    if question.kind == "who" and (verb := _WHO_VERB_RE.match(question.text)) and (
            said := [w for w in re.findall(r"[A-Za-z]+", text) if stems_of(w) & stems_of(verb.group(1))]) and all(
            _AGENT_NOUN_RE.fullmatch(w) for w in said):
        return False  # "Who manages custody in Wealdmarsh?" is not "We held 22 interviews … with custody staff,
        # officers, managers and partners": the verb's stem only in the noun of those who do it, no one said to do it
    if question.kind == "who" and (verb := _WHO_VERB_RE.match(question.text)) and (
            role := _ROLE_VERBS.get(verb.group(1).lower())) and not re.search(role, text, re.I):
        return False  # "Who chairs the scrutiny panel?" is not "… the panel, whose 16 members include four young
        # people": who chairs, funds or runs something is said in that verb or its noun ("chaired by", "its chair")
    if question.kind == "who":
        # "Who inspected Wealdmarsh's custody suites?" is answered by someone: a person, a body or a post ("led by a
        # detective chief superintendent"), not "We last inspected custody in Wealdmarsh in 2017"
        asked = set(re.findall(r"[A-Z][a-z]+", question.text)) | _NOT_NAMES
        # an agent the question names is what it asks about: "There are three local safeguarding children
        # partnerships" says who no one is, asked who attends them
        return bool(any(not {first, last} & asked for first, last in _PERSON_RE.findall(text)) or
                    any(not set(m.group(0).split()) & asked for m in _WHO_RE.finditer(text)) or
                    any(stems_of(_with_modifier(text, m)) - stems_of(question.text) for m in _AGENT_RE.finditer(text)) or
                    bool(_BY_ACRONYM_RE.search(text)))
    return True


# "When do …?", "When is …?" ask when something is done as a rule, which a time of day or week or "their own time"
# says (not "When did …?", an event's date)
_ASKS_HABIT_RE = re.compile(r"\s*when\s+(?:do|does|is|are)\b", re.I)
_TIME_OF_RE = re.compile(r"\b(?:in\s+(?:their|his|her|its|[\w’']+[’']s?)\s+own\s+time|at\s+(?:night|weekends?)|"
                         r"overnight|in\s+the\s+(?:evenings?|mornings?|afternoons?)|out\s+of\s+hours|"
                         r"outside\s+(?:office|working|normal)\s+hours|during\s+the\s+(?:day|night)|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays)\b", re.I)


# a year or a financial year standing alone, not a day's or a month's ("March 2017" dates more than "2017" asked)
_YEAR_ALONE_RE = re.compile(rf"(\b{MONTHS}\s+)?(?<![\w/–-])((?:19|20)\d\d(?:[/–-]\d{{2,4}})?)(?![\w/–-])")


@lru_cache(maxsize=1024)
def _years_alone(asked: str) -> frozenset[str]:
    """The years and financial years a question names standing alone ("for 2024/25"), read once a question."""
    return frozenset(m.group(2) for m in _YEAR_ALONE_RE.finditer(asked) if not m.group(1))


def _without_years_asked(text: str, asked: str) -> str:
    """The sentence without the years a question names: "When was the hub's funding for 2024/25 confirmed?" is not
    answered by "In 2024/25 the RCCH had eight staff", whose only date is the one asked about."""
    named = _years_alone(asked)
    return _YEAR_ALONE_RE.sub(lambda m: " " if m.group(2) in named and not m.group(1) else m.group(0),
                              text) if named else text


# the verb of "Who works in …?", "Who funds …?" (not "Who is …", "Who does the force work with?")
_WHO_VERB_RE = re.compile(r"\s*who\s+(?!(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should|must|"
                          r"may|might)\b)([a-z]+)\b", re.I)
# the verbs of a role no title implies (a chief constable leads a force, nobody chairs by title): the word the
# sentence must say it in
_ROLE_VERBS = {verb: rf"\b{said}" for verbs, said in (
    ("chair chairs chaired", r"chair"), ("fund funds funded", r"fund"), ("run runs ran", r"(?:runs?|running|ran)\b"))
    for verb in verbs.split()}
_AGENT_NOUN_RE = re.compile(r"[a-z]+(?:er|or)s?", re.I)  # "managers", "investigators": who do what a verb says
_DONE_BY_RE = re.compile(r"\b([a-z]+(?:ed|en|t))\s+by\b", re.I)  # "evaluated by", "written by", "built by"
_BY_ACRONYM_RE = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?-i:[A-Z]{2,8})s?\b")  # "provided by the RCCH": a body


_MODIFIER_RE = re.compile(r"([a-z][\w-]*)\s+$", re.I)


def _with_modifier(text: str, agent: re.Match) -> str:
    """An agent with the word before it ("response officers"): asked "Who are the first officers at crime scenes?",
    the kind of officer is who, though "officers" is the question's own word."""
    before = _MODIFIER_RE.search(text, 0, agent.start())
    if before and before.group(1).lower() not in STOP_WORDS:
        return f"{before.group(1)} {agent.group(0)}"
    return agent.group(0)


# capitalised words of titles, laws and places that two of make no one's name ("the Police and Criminal Evidence Act")
_NOT_NAMES = frozenset("Act Acts Criminal Evidence Justice Police Crime Constabulary Service Services Fire "
                       "Rescue National Royal County Council Court Courts Health Mental Children Social The This That "
                       "In On At Of For And Our We It Its".split())
_AGENT_RE = re.compile(r"\b(?:officers?|inspectors?|superintendents?|constables?|sergeants?|commissioners?|managers?|"
                       r"co-?ordinators?|analysts?|investigators?|detectives?|staff|teams?|units?|panels?|boards?|"
                       r"universit(?:y|ies)|charit(?:y|ies)|trusts?|councils?|partnerships?|services?|agenc(?:y|ies)|"
                       # (not a place or a thing of the force's: "the force contact centre", "force records")
                       r"forces?(?!\s+(?:areas?|boundar|contact|control|headquarters|records?|data|systems?|polic|"
                       r"website))|advisers?|advisors?|workers?|nurses?|doctors?|volunteers?|"
                       r"(?:an?|the|its|their)\s+(?:\w+\s+)?leads?|heads?|directors?|"  # not "the theft of lead"
                       r"chairs?|chief|registrars?|handlers?|supervisors?|partners?|organisations?|groups?|"
                       r"consultants?|specialists?|experts?|practitioners?|professionals?|employees?|contractors?|"
                       r"dealers?|farmers?|landowners?|dioceses?|providers?|schools?|hospitals?)\b",
                       re.I)


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
             and _DEFINES_HEADING_RE.search(" ".join(h.passage.heading_path)) and defines.at.search(h.passage.text)]
    return [replace(h, rank=CANDIDATE_PASSAGES + i + 1) for i, h in enumerate(found[:DEFINING_PASSAGES])]


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


def _asks_population(question: Question) -> bool:
    """"How many people live in X?", "What is the population of X?"."""
    if question.kind != "number":
        return False
    lives = _LIVES_IN_RE.search(question.text)
    measure = _MEASURE_ASKED_RE.match(question.text)
    return bool(lives and _RESIDENTS_RE.fullmatch(lives.group(1))) or bool(
        measure and (measure.group(1) or measure.group(2) or "").lower() == "population")


_DOCUMENT_NAMED_RE = re.compile(rf"\b{_DOCUMENT_NAMED}\b", re.I)
_DOCUMENT_GENERIC = stems_of("its the their hmic hmicfrs inspectorate latest last recent previous first second third "
                             "most") | ORGANISATION_GENERIC


def _document_words(store, question: Question) -> frozenset[str]:
    """The words of the document a question names as its source, when some report's title holds them all
    (and is of the year the document is named with): "the rural crime inspection": rural, crime; none
    otherwise (a "victim service assessment" is part of a PEEL report whose title does not name it)."""
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
    if not weights or (question.kind in ("yesno", "who") and len(weights) < 2) or (
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
            r.id for r in question.reports}:
        return None  # "Which services were inspected in 2023?" is not answered from a report of 2021/22
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
    if LEAD_FLOOR <= confidence and _leads(best) and (confidence < MIN_CONFIDENCE or too_rarely_right(evidence)):
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
            or (_ANAPHOR_RE.match(said) and (question.kind == "who"
                                                     or stems_among(best.previous, set(best.absent))))
            or _deadline_before(question, said, best.previous) or (_asks_amount(question) and _ANAPHOR_RE.match(said))
            or (question.kind == "number" and _share_leans_back(said, _share_whole(question.text), best.previous))):
        # "This is lower than the national rate …", "They are measured from …", "We told the force about these …"
        # are read with the fact or the thing they point back to; a bullet with the deadline its lead-in sets ("By
        # 31 December 2022, the service should: • make sure …"); a change ("In 2015/16 it met this target in 58
        # percent …") with what changed
        before = p.text.rfind(best.previous, 0, best.start)
        start = before if before >= 0 else start
    span = p.text[start:best.end].strip()
    kind = {"number": "number", "date": "date", "definition": "definition", "enumeration": "list"}.get(
        question.kind, "sentence")
    return Answer(text=best.text or span, passage_id=p.id, report_id=p.report_id, citation=citation(best.report, p),
                  confidence=confidence, start=start, end=best.end, kind=kind, basis="sentence",
                  evidence=evidence)


# words whose counterpart a sentence may say in their place, as stems (as `stems_of` gives them: a word may stem
# two ways, "accident" to "accid" and "accidental" to "accident", "commissioner" to "commission", so some words
# stand twice; a hyphenated word's own stem is its joined form, "oncal", "daycrew"): the sentence is then about the
# other one
# (not the points of the compass, which name places: "West Midlands", "Birmingham East")
_COUNTERPARTS = (("adult", "child"), ("rural", "urban"), ("woman", "man"), ("femal", "male"), ("wholetim", "oncal"),
                 ("weekday", "weekend"), ("highest", "lowest"), ("high", "low"), ("high", "lowest"), ("low", "highest"),
                 ("correct", "wrong"), ("daytim", "nighttim"), ("onlin", "telephon"), ("onlin", "phone"), ("day", "night"),
                 ("staf", "pcso"), ("staf", "pcsos"), ("first", "last"), ("summer", "winter"),
                 ("emerg", "prioriti"), ("999", "101"), ("staf", "victim"), ("staf", "offic"),
                 ("staf", "detect"), ("search", "arrest"), ("woman", "child"),
                 ("accident", "deliber"), ("accid", "deliber"), ("daycrew", "wholetim"), ("daycrew", "oncal"),
                 ("parttim", "fulltim"), ("current", "expir"), ("new", "old"), ("due", "overdu"), ("appli", "obtain"),
                 ("appli", "grant"), ("applic", "grant"), ("nation", "region"), ("open", "close"),
                 ("arrest", "charg"), ("neighborhood", "respons"), ("overdu", "complet"),
                 ("first", "recent"), ("first", "latest"), ("ahead", "behind"), ("start", "finish"),
                 ("constabl", "commiss"), ("constabl", "commission"), ("save", "spend"),
                 ("medium", "high"), ("medium", "low"), ("primari", "secondari"))
CONTRASTS = tuple(pair for a, b in _COUNTERPARTS for pair in ((a, b), (b, a)))
# counterparts said in more than one word: "out of date" is not "up to date", "in person" not "by telephone"
_NOT_BEFORE = r"(?<!\bnot )" + "".join(rf"(?<!\bnot \w{{{n}}} )" for n in range(3, 12))  # not after "not (verb)"
_PHRASE_COUNTERPARTS = tuple(pair for a, b in (
    (r"\bup[- ]to[- ]date\b", r"\bout[- ]of[- ]date\b"),
    (r"\bin person\b|\bface[- ]to[- ]face\b", r"\bby (?:tele)?phone\b|\bonline\b"),
    (r"\bmornings?\b", r"\bevenings?\b"),
    (r"\bwithin\b", r"\b(?:past|beyond|outside)\b"),  # "within their review date", "past it"
    # a police community support officer is no police officer, though the words of one hold the other's
    # ("Has it cut its officer numbers?" is not "The planned reduction … in the number of police community support
    # officers (PCSOs)")
    (r"\bpolice officers?\b|(?<!\bsupport )\bofficers?\b", r"\bpolice community support officers?\b|\bPCSOs?\b"),
    (_NOT_BEFORE + r"\b(?:on time|within\s+(?:the\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?target)",
     r"\blate\b|\blonger than\b|\bnot\s+(?:[\w’'-]+\s+)?(?:on time|within)\b"),  # "not attended within it": late
    (r"\bmiss(?:ed|es)?\s+(?:(?:the|its|this|their|a)\s+)?(?:\w+\s+)?targets?\b",
     r"\b(?:meet|meets|met|achiev\w*)\s+(?:(?:the|its|this|their|a)\s+)?(?:\w+\s+)?targets?\b"))
    for pair in ((re.compile(a, re.I), re.compile(b, re.I)), (re.compile(b, re.I), re.compile(a, re.I))))


# clauses for weighing a word against its counterpart: as _CLAUSE_SPLIT_RE's, but not split at "and" ("officers and
# staff" is one phrase), and a table's columns (two spaces apart) each one
_CLAUSES_RE = re.compile(r"[,;:()\t]|\s{2,}|\bbut\b", re.I)


def _bound_to_counterpart(sentence: str, contrasts: list[tuple[str, str]], question_stems: frozenset[str]) -> bool:
    """Does a sentence that says both a word asked and its counterpart say the rest of what is asked in the
    counterpart's clause ("… answered 74 percent of 999 calls within 10 seconds, …, and one in five callers to the
    101 number hung up …", asked how many 101 calls were answered within 10 seconds)?"""
    # (not split at "and": "officers and staff" is one); of the clauses giving a figure: "… had recently set up a
    # rural crime forum, which met for the first time in February 2025" dates the first meeting in its second
    clauses = [stems_of(c) for c in _CLAUSES_RE.split(sentence) if re.search(r"\d", c)]
    for a, b in contrasts:
        with_a = [c for c in clauses if a in c]
        with_b = [c for c in clauses if b in c and a not in c]
        if with_a and with_b:
            rest = question_stems - {a}
            if max(len(c & rest) for c in with_b) > max(len(c & rest) for c in with_a):
                return True
    return False


_COMPOUND_RE = re.compile(r"\b(?:their|its|the)\s+((?-i:[a-z]+)\s+(?-i:[a-z]+))\s+((?-i:[a-z]{4,}))\b", re.I)


@lru_cache(maxsize=1024)
def _compounds_asked(question_text: str) -> tuple[tuple[frozenset[str], str], ...]:
    """The question's compounds ("their water rescue training"): the stems of their two words and their noun, read
    once a question (the sentence rules run for every sentence read)."""
    return tuple((stems_of(m.group(1)), m.group(2)) for m in _COMPOUND_RE.finditer(question_text)
                 if stems_of(m.group(1)) and m.group(2) not in STOP_WORDS)


def _other_compound(question_text: str, said: str) -> bool:
    """Does the sentence name the question's compound with other words before its noun: "their breathing apparatus
    training", asked about "their water rescue training"? (None of the question's two words in the sentence.)"""
    asked = _compounds_asked(question_text)
    if not asked:
        return False
    said_stems, question_stems = stems_of(said), stems_of(question_text)
    return any(not words & said_stems and any(o.group(2) == noun and not stems_of(o.group(1)) & question_stems
                                              for o in _COMPOUND_RE.finditer(said))
               for words, noun in asked)


# a plural noun and what it is of or from: "thefts from cars", "complaints against officers"
# (not a preposition left at its clause's end: "What did it have concerns about at Eastmoor in 2016?")
_OBJECT_OF_RE = re.compile(r"\b([a-z]{2,}[a-rt-z]s)\s+(from|against|about|involving)\s+(?:the\s+|their\s+|its\s+)?"
                           r"(?!(?:at|in|on|of|for|to|by|with|from|and|or|a|an|is|are|was|were|do|does|did|has|have|"
                           r"had)\b)([a-z][\w-]*(?:\s+[a-z][\w-]*)?)", re.I)


_GIVEN_REASON_RE = re.compile(r",?\s+(?:as|because)\s+(?=[a-z]+\s)")  # ", as visitors arrive …": why, not what


@lru_cache(maxsize=1024)
def _objects_asked(question_text: str) -> tuple[tuple[frozenset[str], re.Pattern], ...]:
    """The question's nouns of an object ("thefts from cars"): the object's stems and the pattern of the noun and
    its preposition, read once a question."""
    return tuple((stems_of(obj), re.compile(rf"\b{re.escape(noun)}\s+{prep}\s+(?!the\s+(?:same|other)\b)", re.I))
                 for noun, prep, obj in (m.groups() for m in _OBJECT_OF_RE.finditer(question_text)) if stems_of(obj))


def _another_object(question_text: str, said: str) -> bool:
    """Does the sentence say the question's noun of another object: "thefts from fishing boats", asked about
    "thefts from cars"? (The same noun and word after it, none of the question's object.)"""
    asked = _objects_asked(question_text)
    if not asked:
        return False
    said_stems = stems_of(said)
    return any(not obj & said_stems and said_with.search(said) for obj, said_with in asked)


def _phrase_contrasts(question_text: str) -> list[tuple[re.Pattern, re.Pattern]]:
    """The phrases a question uses whose counterparts it does not: a sentence saying only the counterpart answers
    another question."""
    return [(a, b) for a, b in _PHRASE_COUNTERPARTS if a.search(question_text) and not b.search(question_text)]
# when something began or ended, asked with its verb and said with any of its group's words
_ASKS_EVENT_RE = re.compile(r"\s*(?:when|in (?:what|which) (?:year|month))\s+(?:did|was|were|had|has)\b", re.I)
_BEGAN = (r"open\w*|start\w*|began|begin\w*|begun|launch\w*|introduc\w*|set up|creat\w*|establish\w*|since|"
          r"first|new|went live|go live|gone live|came into|set out")
_EVENTS = [(re.compile(rf"\b(?:{asked})\b", re.I), re.compile(rf"\b(?:{said})\b", re.I)) for asked, said in (
    (r"open|opened|start|started|begin|began|launch|launched|introduce|introduced|set up|create|created|"
     r"establish|established", _BEGAN),
    (r"appoint|appointed|recruit|recruited|hire|hired", r"appoint\w*|recruit\w*|hir\w*|join\w*|new|first|since"),
    (r"close|closed|shut|end|ended|stop|stopped|finish|finished|complete|completed",
     r"clos\w*|shut\w*|end\w*|stop\w*|ceas\w*|finish\w*|complet\w*"))]
# "When was/were … <done>?": the participle that ends it (not a light verb whose noun is the event: "When was the
# meeting held?"); a report's own dates (published, inspected, updated) and a grade's (graded, judged, given) have
# their rules
_ASKS_DONE_WHEN_RE = re.compile(r"\s*(?:when|in (?:what|which) (?:year|month))\s+(?:was|were)\b[^?]*?\s(\w+ed|built|"
                                r"written|chosen)\s*\??\s*$", re.I)
_REPORT_DATED_RE = re.compile(r"(?:publish|inspect|updat|releas|issu|report|assess|grad|judg|award)\w*$|rated$", re.I)
_OUR_EARLIER_CLAUSE_RE = re.compile(r"\b(?:which|that|as|when)\s+we\s+(?:\w+\s+){0,2}?(?:described|praised|found|"
                                    r"reported|said|noted|called|highlighted|recognised|identified|saw|inspected|"
                                    r"recommended|criticised)\b[^,.;]*?\b(?:in|during)\s+(?:our\s+)?(?:19|20)\d\d"
                                    r"(?:\s*[/–-]\s*\d\d)?\b", re.I)
# a time a question asks of: "in 2017", "for 2021/22" (two of them ask a count at each)
_TWO_TIMES_RE = re.compile(r"\b(?:in|at|for)\s+(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?\b", re.I)
# the year of a figure compared with ("… now has six investigators, compared with two in 2017"): it dates the figure
# before, not anything done
_COMPARED_YEAR_RE = re.compile(r"\b(?:compared (?:with|to)|than|up from|down from)\s+(?:[\w,.%£-]+\s+){0,4}?"
                               r"(?:in|at|during)\s+(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?\b", re.I)


@lru_cache(maxsize=1024)
def _numbers_named(asked: str) -> frozenset[str]:
    """The numbers a question names, in figures or words, read once a question."""
    return frozenset({w.lower() for w in NUMERAL_RE.findall(asked) if w} | set(DIGITS_RE.findall(asked)))


def _without_compared_years(text: str, asked: str) -> str:
    """The sentence without the years of the figures it compares with, unless the figure is the one asked ("When did
    it have two investigators?": "… compared with two in 2017")."""
    numbers = _numbers_named(asked)
    return _COMPARED_YEAR_RE.sub(lambda m: m.group(0) if numbers & {w.lower() for w in re.findall(
        r"[\w,.]+", m.group(0))} else " ", text)


# a date set after a noun by a participle ("We carried out this inspection under our methodology, last revised in
# April 2024"): the date of that noun's doing
_DATED_MODIFIER_RE = re.compile(rf",\s+(?:(?:last|first|most recently|recently|originally)\s+)?(\w+ed)\s+(?:in|on)\s+"
                                rf"(?:\d{{1,2}}\s+)?(?:{MONTHS}\s+)?(?:19|20)\d\d\b", re.I)


def _without_dated_modifiers(text: str, asked: str) -> str:
    """The sentence without the dates of a noun's own doing, unless that doing is what is asked ("When did the hub
    open?": "The Wexley hub, opened in April 2015, …"; in any word of its event's family: "When did it start?")."""
    def kept(m: re.Match) -> bool:
        done = m.group(1)
        return bool(stems_of(done) & stems_of(asked)) or any(
            asked_rx.search(asked) and said.fullmatch(done) for asked_rx, said in _EVENTS)
    return _DATED_MODIFIER_RE.sub(lambda m: m.group(0) if kept(m) else " ", text)


_ACT_YEAR_RE = re.compile(r"(?<=\bAct)\s+(?:of\s+)?(?:19|20)\d\d\b")  # "Mental Health Act 1983": a title
# a plan named with its horizon: "a clear plan, Northshire 2027, which …", "the Brackenshire 2025 plan" (a name, as
# an Act's year is, not a date)
_PLAN_NAME_YEAR_RE = re.compile(rf"\b(?:plan|strategy|programme|vision),?\s+(?:called\s+|named\s+)?(?!{MONTHS}\b)"
                                rf"[A-Z][a-z]{{2,}}[\w-]*\s+(?:19|20)\d\d\b|"
                                rf"\b(?!{MONTHS}\b)[A-Z][\w-]{{1,}}\s+(?:19|20)\d\d(?=\s+(?:change\s+)?(?:plan|strategy|"
                                rf"vision|programme|project)s?\b)")
_SINCE_YEAR_RE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the end of|the start of)\s+)?(?:\w+\s+)?(?:19|20)\d\d"
                            r"(?:\s*[/–-]\s*\d\d)?\b", re.I)  # "since 2021", "since April 2019": a change's start
_BASE_YEAR_RE = re.compile(r"\b(?:than|compared (?:with|to))\s+(?:in\s+|at\s+)?(?:the\s+)?(?:19|20)\d\d"
                           r"(?:\s*[/–-]\s*\d\d)?\b", re.I)
# the edge of a period is no event: "after the start of the financial year" starts nothing
_PERIOD_EDGE_RE = re.compile(r"\b(?:the\s+)?(?:start|end|beginning|middle|close)\s+of\s+(?:the|its|each|every|that|this)\s+"
                             r"(?:financial\s+|calendar\s+|school\s+)?(?:year|month|quarter|week|day)\b", re.I)
# a year naming what an inspection gave, dating nothing else: "its response to our 2014 recommendations"
_LABEL_YEAR_RE = re.compile(r"\b(?:our|the|its|their|HMIC\w*[’']s)\s+(?:19|20)\d\d(?:/\d\d)?\s+(?:recommendations?|"
                            r"findings?|areas? for improvement|causes? of concern)\b", re.I)
_SINCE_EVENT_RE = re.compile(r"\b(?:since|until|between)\s+(?:our|the|its|their|this|that|HMICF?R?S?[’']s)\s+"
                             r"(?:[\w’'-]+\s+){0,2}(?:inspection|report|assessment|visit)s?\b(?!\s+(?:in|of)\s+\d)|"
                             # "have halved since it began": an event, no date
                             r"\b(?:since|until)\s+(?:it|they|then|he|she)\s+(?:\w+\s+){0,2}?(?:began|begun|started|"
                             r"opened|launched|was set up|were set up|was introduced|were introduced)\b",
                             re.I)
# "In what year was its previous crime inspection?", "When did HMIC last inspect it?"
# (the inspection the subject: not "When was the staff survey for the Dunmere inspection open?")
_ASKS_INSPECTION_DATE_RE = re.compile(r"\b(?:when|what year|which year)\s+(?:was|were|did|had)\s+"
                                      r"(?:(?!(?:for|of|in|during|about|at|on|by|from|with)\b)[\w’'-]+\s+){0,6}?"
                                      r"(?:inspections?|inspect(?:ed)?)\b(?![’']s\b)",  # not "the inspection's X"
                                      re.I)
# an inspection, its fieldwork or a visit, and the year it was in ("Our fieldwork … took place over two weeks in
# February and March 2019"), not a deadline ("by 2019")
_INSPECTION_DATED_RE = re.compile(r"\b(?:inspect\w*|fieldwork|visit\w*)\b[^.;]{0,80}?"
                                  r"(?<!\bbefore )(?<!\bby )(?<!\buntil )\b(?:19|20)\d\d\b", re.I)
_INSPECTION_YEAR_RE = re.compile(r"\b(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?(?=" + NOT_DATA + ")", re.I)


# the date a figure is counted to or at: "in the 12 months to 30 June 2016", "at 31 March 2017"
_YEAR_WORD_RE = re.compile(r"(?<![\d/–-])((?:19|20)\d\d)(?!\d)")


def _period_years(question_text: str) -> set[int]:
    """The years of the dates a question's figure is counted to or at."""
    return {int(y) for rx in (PERIOD_YEAR_RE, AT_DATE_RE) for y in rx.findall(question_text)}


_TITLE_LINE_RE = re.compile(r"^(?:Figure|Table|Chart) \d+\b.*$", re.M)


TABLE_REACH = 3  # passages back a table's header is looked for, under the same heading


def _same_heading(store, p, step: int):
    """The passages next to ``p`` one way (``step`` -1 or 1) under the same heading, at most TABLE_REACH of them, a
    footnote between the pages passed over: where the rest of a table broken over a page is."""
    for order in range(p.order + step, p.order + step * (TABLE_REACH + 1), step):
        other = store.passage(passage_id(p.report_id, order)) if order > 0 else None
        if other is not None and other.kind == "footnote":
            continue
        if other is None or other.heading_path != p.heading_path:
            return
        yield other


def _header_before(store, tok, p) -> list[str]:
    """The header of the table a headerless table passage goes on from: a
    table broken over a page ("Force in numbers": "999 calls per 1,000
    population  127  138" on the page after its columns, the force and
    England and Wales, are named). The nearest table before it under the
    same heading; [] when there is none."""
    before = next((other for other in _same_heading(store, p, -1) if other.kind == "table"), None)
    return _table_header(before.text, sentences.split(tok, before.text)) if before else []


def _rows_beside(store, tok, p, header: list[str]) -> list[str]:
    """The rows of the table ``p`` is a part of on the pages before and after it: the table passages next to it
    under the same heading, with its header again or none ("January … March" on one page, "April … Year" on the
    next)."""
    rows, own = [], [" ".join(line.split()) for line in header]
    for step in (-1, 1):
        for other in _same_heading(store, p, step):
            if other.kind != "table":
                break
            spans = sentences.split(tok, other.text)
            head = _table_header(other.text, spans)
            if head and [" ".join(line.split()) for line in head] != own:
                break
            rows += [other.text[x:y] for x, y in spans[len(head):]]
    return rows


def _title_before(store, p) -> str:
    """The last chart or table title in the passage before ``p`` (unless
    that is a table, whose title it is), where extraction often leaves a
    table's title ("Figure 1: Rural, heritage and
    wildlife crimes recorded …, by force, year ending 31 March 2025", then
    the table); "" when there is none."""
    before = store.passage(passage_id(p.report_id, p.order - 1)) if p.order > 1 else None
    if before is None or before.kind == "table":
        return ""  # a table's title is its own ("Table 3: Progress against …" over its rows), not the next one's
    titles = _TITLE_LINE_RE.findall(before.text)
    return titles[-1] if titles else ""


def _table_years(text: str, title_before: str) -> set[int]:
    """The years a table states; or else those of its title left in the
    passage before it (``_title_before``)."""
    return _stated_years(text) or _stated_years(title_before)


def _in_span(text: str, year: int, first: int) -> bool:
    """Can a period a sentence counts to in ``year`` fall in the year span
    starting ``first`` ("2016/17": April 2016 to March 2017)? Not one ending
    by 31 March of its first year, which is the span before."""
    return year == first + 1 or (year == first and not re.search(
        rf"\b(?:\d{{1,2}} )?(?:January|February|March) {first}\b", text))


def _stated_years(text: str) -> set[int]:
    """The years a sentence writes, as written (a period "to 30 June 2015" is 2015, not also the year after)."""
    return {int(y) for y in _YEAR_WORD_RE.findall(text)}


# a financial or inspection year as data ("for 2025/26"), not as the inspection it names ("its 2018/19 PEEL report")
_SPAN_RE = re.compile(r"\b((?:19|20)\d\d)\s*[/–-]\s*(\d\d)\b")
_NOT_DATA_RE = re.compile(NOT_DATA, re.I)


def _financial_year(report: Report) -> tuple[int, int] | None:
    """The one year span a report is of ("2018/19"), or None (a year, or a cycle of several: "2023–25")."""
    spans = _spans_in(report.inspection_year)
    first, last = next(iter(spans)) if len(spans) == 1 else (0, -1)
    return (first, last) if last == (first + 1) % 100 else None


def _spans_in(text: str, asked: bool = False) -> set[tuple[int, int]]:
    """The year spans a text names ("2024/25" → (2024, 25)); ``asked``: leaving
    out those that name an inspection (a question's "in its 2018/19 PEEL
    inspection" scopes the report, it does not date the figure)."""
    return {(int(m.group(1)), int(m.group(2))) for m in _SPAN_RE.finditer(text)
            if not (asked and _NOT_DATA_RE.match(text, m.end()))}


def _years_in(text: str) -> set[int]:
    """The years a sentence names, a span ("2020/21") counting for both (as a question's are read)."""
    return set(years(text))


_HOW_CHANGED_RE = re.compile(r"^\s*how (did|has|have|had|does|do)\b", re.I)


def _asks_amount(question: Question) -> bool:
    """"How did satisfaction change?" asks by how much: "it has fallen" does
    not say, "fell from 72 percent to 61 percent" does; so does "How much did
    serious violence fall?" ("… are reducing serious violence" says no amount)."""
    return question.kind == "comparison" and bool(_HOW_CHANGED_RE.search(question.text)) or (
        question.kind == "number" and bool(_HOW_MUCH_RE.match(question.text))
        and bool(_ASKS_CHANGE_RE.search(question.text)))


# "How much did it fall?" (its verb of change read by _ASKS_CHANGE_RE), not what a change cost or saved
_HOW_MUCH_RE = re.compile(r"\s*(?:by )?how much\b(?![^?]*\b(?:cost|spend|spent|save|saved|budget|money)\b)", re.I)


# "fell from 72 percent to 61 percent", "rose by 11 percent", "420, compared with 1,030": how much it changed
_CHANGE_AMOUNT_RE = re.compile(r"\b(from|by|to|compared with|against|up from|down from|"
                               r"(?:improvement|increase|rise|fall|drop|reduction|decrease|deterioration) (?:on(?: the)?|of))"
                               r"\s+(about |around |nearly |"
                               r"almost |over |more than |less than )?([£$€]?\d|one|two|three|four|five|six|seven|eight|"
                               r"nine|ten|twice|half|a (?:half|third|quarter|fifth|tenth))|"  # "by £86,000", "by a third"
                               r"\b\d[\d,.]*\s*(?:%|per ?cent)\s+(?:reduction|increase|rise|fall|drop|decrease|cut|"
                               r"improvement)\b", re.I)  # "a 28 percent reduction in the reoffending of …"


# which way a change goes, in the words that say it
# "up" and "down" of a change ("went up", "is down", "up by 4 percent"), not of "made up of", "set up", "up to"
_MOVED = r"(?:(?:went|gone|go|goes|come|came|comes|is|are|was|were|been)\s+{0}|{0}\s+(?:by|from|on)|{0}\s+\d+)"
_DOWN_RE = re.compile(r"\b(fall|fell|fallen|falls|falling|drop\w*|" + _MOVED.format("down") + r"|decreas\w*|reduc\w*|"
                      r"declin\w*|cut|fewer|less|lower|halved)\b", re.I)
_UP_RE = re.compile(r"\b(rise|rose|risen|rises|rising|" + _MOVED.format("up") + r"|increas\w*|grow|grows|growing|grew|"
                    r"grown|more|higher|doubled)\b", re.I)


# a row's cell named by its year, with its figure: "Estimated recording rate 2018 audit 79.8%"
_CELL_YEAR_RE = re.compile(r"(?:^|;)[^;]*?\b((?:19|20)\d\d(?:/\d\d)?)\b[^;\d]*\d[\d,.]*%?\s*(?=;|$)")
_EITHER_WAY_RE = re.compile(f"{_DOWN_RE.pattern}|{_UP_RE.pattern}", re.I)
_FROM_TO_RE = re.compile(r"\bfrom \S+(\s\S+){0,5} to\b")


def _direction(text: str) -> str:
    """"down", "up", "change" (either way, or none said) for the words of a change; "" for no words."""
    down, up = bool(_DOWN_RE.search(text)), bool(_UP_RE.search(text))
    return "down" if down and not up else "up" if up and not down else "change" if text else ""


def _same_direction(asked: str, sentence: str) -> bool:
    """A sentence answers "how much did it fall?" when it states a fall, or a change from one value to
    another in no direction said ("fell from 2,318 to 1,874" answers no "how much did it rise?"). (A question
    whose premise runs the other way is declined, or answered with a change in the direction asked from
    another period: the sentence's own period is not checked.)"""
    said = _direction(" ".join(m.group(0) for m in _EITHER_WAY_RE.finditer(sentence)))
    return asked == "change" or said in (asked, "change") or (not said and bool(_FROM_TO_RE.search(sentence)))


# "By how much did … fall?", "How far has … risen?": the verb asks for a change, stated in any words
_COPULA_RE = re.compile(r"\b(?:become|becomes|became|becoming)\b", re.I)
# a figure set against another place's, no change over time: "more than twice the rate for England", "lower than
# in most forces", "higher than the England and Wales average"
_ELSEWHERE_RE = re.compile(r"\b(?:more|fewer|less|lower|higher|greater|smaller|twice|double|half)\b[^.;]{0,40}?"
                           r"\b(?:for|in|across|than)\s+(?:the\s+)?(?:England|Wales|national|"
                           r"(?:most|other|all|similar)\s+(?:forces|services))\b[^.;,]*", re.I)
# a bound of time, no change: "cases open for more than six months", "held for more than 24 hours"
_THRESHOLD_RE = re.compile(r"\b(?:more|less|fewer|longer)\s+than\s+(?:about\s+)?(?:\d[\d,.]*|a|an|one|two|three|four|five|"
                           r"six|seven|eight|nine|ten|twelve)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|"
                           r"years?)\b", re.I)
# a grade and the area it is for: "is outstanding at preventing … and reducing vulnerability" names an area, it
# states no change
_JUDGED_AT_RE = re.compile(r"\b(?:outstanding|good|adequate|inadequate|requires? improvement)\s+(?:at|in)\b[^.;]*", re.I)
# what a report names, no change: a grade at its area, and its "areas for improvement"
_NAMED_NOT_CHANGED_RE = re.compile(rf"{_JUDGED_AT_RE.pattern}|\bareas? for improvement\b", re.I)


def _without_no_change(text: str, likely_asked: bool = False) -> str:
    """The text without the words of a change that is none over time: an aim ("to reduce"), a figure set against
    another place's ("more than twice the rate for England"), a grade's area ("good at … reducing crime"), a bound
    of time ("open for more than six months"), one group against another ("3.1 times more likely")."""
    for rx in (_PURPOSE_RE, _ELSEWHERE_RE, _JUDGED_AT_RE, _THRESHOLD_RE, *(() if likely_asked else (_DISPARITY_RE,))):
        text = rx.sub(" ", text)  # ("How much more likely …?" asks that disparity)
    return text


# one group set against another, no change over time: "3.1 times more likely to be searched than white people"
_DISPARITY_RE = re.compile(r"\b(?:[\d.]+\s+times\s+)?(?:more|less)\s+likely\b", re.I)


# a change aimed at is no change made: "its county-wide plan to reduce domestic burglary"
_PURPOSE_RE = re.compile(r"\b(?:to|aims? to|aimed at|designed to|intended to|in order to)\s+(?:\w+ly\s+)?"
                         r"(?:reduc|cut|increas|improv|lower|rais|decreas|grow|boost|halv)\w*", re.I)
_ASKS_CHANGE_RE = re.compile(r"\b(fall|fell|fallen|rise|rose|risen|drop(ped)?|go (up|down)|gone (up|down)|"
                             r"went (up|down)|come (up|down)|came (up|down)|cut|"
                             r"grow|grew|grown|increase[ds]?|decrease[ds]?|reduce[ds]?|decline[ds]?)\b", re.I)
_ASKS_MORE_RE = re.compile(r"(?<=\bhow much )(?:more|less)\b|(?<=\bhow many )(?:more|fewer|less)\b", re.I)
_CHANGE_RE = re.compile(r"\b(from \S+(\s\S+){0,5} to|fell|fallen|falls?|rose|risen|rises?|increas\w*|decreas\w*|"
                        r"reduc\w*|cut|improv\w*|deteriorat\w*|worse|better|more|fewer|less|lower|higher|"
                        r"compared (with|to)|since|"
                        # ("remains inadequate", not "the six that remain", those left over)
                        r"previous\w*|last inspection|still|now|no longer|(?<!that )(?<!which )remain\w*|declin\w*|"
                        r"grew|grown|grows?|growing|halved|"
                        r"doubled|" + _MOVED.format("up") + "|" + _MOVED.format("down") + r")\b", re.I)
_ASKS_NUMBER_RE = re.compile(r"\b(how many|how much|number of|percentage|proportion|per ?cent|rate)\b", re.I)


def _per_report(store, question: Question) -> Answer | None:
    """A question about one organisation in several years ("How many hubs did
    Northshire run in 2016, 2017 and 2023?"): the answer of each report on
    it (its own reports: a thematic that covers it among others is not its
    record), each with the count when a count is asked."""
    if question.kind != "comparison" or not question.organisations:
        return None
    reports = [r for r in question_reports_all(store, question) if r.force in question.organisations
               # (a report written before the first year asked cannot tell of it: "between 2019 and 2023" is not
               # read in a 2017 report)
               and not (question.years and r.year and r.year < min(question.years))]
    counted = replace(question, kind="number") if _ASKS_NUMBER_RE.search(question.text) else None
    if len(reports) < 2:
        return None
    weights = _weights(store, question)
    if not weights:
        return None
    items, confidences = [], []
    for r in sorted(reports, key=lambda r: r.year or 0):
        found = search(store, question.text, per_page=CANDIDATE_PASSAGES, filters={"report": [r.id]}, autocorrect=False)
        best = _best_sentence(store, counted or question, found.hits, weights)
        if best is None or not _enough(question, best):
            continue
        p = best.passage
        text = best.text or p.text[best.start:best.end].strip()
        if counted and not _typed(counted, text, best.previous):
            continue
        items.append(AnswerItem(text=f"{_label(r)}: {text}", report_id=r.id, passage_id=p.id,
                                citation=citation(r, p), report_title=r.title, organisation=r.force,
                                year=_label(r)))
        confidences.append(_confidence(best, question))
    if len(items) < 2 or min(confidences) < MIN_CONFIDENCE:
        return None
    first = items[-1]
    return Answer(text=f"{items[0].organisation}, report by report", passage_id=first.passage_id,
                  report_id=first.report_id, citation=first.citation, confidence=min(confidences),
                  kind="comparison", items=items, basis="per_report")
