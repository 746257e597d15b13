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

This module is the front door: it asks each path in turn (judgments.py,
findings.py, facts.py, sentence.py; checks.py, typed.py and tables.py hold
the rules a sentence must pass) and says when an answer comes from an older
report than the question asks of.

The rule is "the answer is right, or there is no answer": a question about
an organisation or year no report covers is declined with that reason, and
a sentence that does not cover the question well enough is not offered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from search_service.analysis import stems_of
from search_service.answer.checks import CANDIDATE_PASSAGES
from search_service.answer.facts import _definition, _inspected_when, _published_when, _signatory
from search_service.answer.findings import _from_findings, _inspected_list, _mention_list, _ranked
from search_service.answer.findings import warm  # noqa: F401  (serve and the benchmark warm it before forking)
from search_service.answer.judgments import _every_grade, _from_judgments, _graded_before, _structured
from search_service.answer.reports import _label, question_reports_all
from search_service.answer.table_rows import rows_with_value
from search_service.answer.sentence import (_ASKS_WHY_RE, HYBRID_POOL, _best_sentence, _confidence, _content,
                                            _document_words, _enough, _sentence, _weights, in_report_words)
from search_service.answer.typed import _typed
from search_service.calibration import MIN_CONFIDENCE, calibrated
from search_service.counts import NUMERAL_RE
from search_service.index import IndexStore
from search_service.model import ANNUAL_ASSESSMENT, Answer, AnswerItem, Declined, SearchResult, citation
from search_service.query import is_question  # noqa: F401  (the pages ask it here)
from search_service.question import Question, by_place, kind_of, known_names, understand, without_subject, without_their_areas
from search_service.search import lead_with, reorder, search
from search_service.semantic import fuse


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
                 or rows_with_value(store, question, top)
                 or _from_findings(store, question)
                 or _national_count(store, question, top)
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


def _national_count(store, question: Question, top) -> Answer | None:
    """"How many services were graded good at …?" counts them all: the figure an annual assessment gives answers
    it, where the indexed reports' judgments would count only the few indexed."""
    if not question.grades or not re.match(r"\s*how\s+many\b", question.text, re.I):
        return None
    scope = {r.id for r in question.reports}
    fire = question.fire or bool(re.search(r"\bservices?\b", question.text, re.I))  # (forces otherwise)
    national = [r for r in store.reports() if r.family == ANNUAL_ASSESSMENT and r.of_fire == fire
                and (not scope or r.id in scope)]
    if not national:
        return None
    # sought in the assessment's own passages (the graded reports' passages on the area may fill the question's
    # first page)
    of_them = replace(question, reports=national, titles=[r.title for r in national])
    where = _by_meaning(store, of_them, of_them.filters, CANDIDATE_PASSAGES, facets=False)
    for asked in (of_them, replace(of_them, kind="number")):  # (a count, however the grade was asked)
        answer = _sentence(store, asked, where)
        if isinstance(answer, Answer) and answer.report_id in asked.filters["report"] and NUMERAL_RE.search(
                answer.text):
            return answer
    return None


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


SCOPED_REPORTS = 3  # a question about this few reports has every passage of them re-ranked


def _by_meaning(store, question: Question, scope, per_page: int, facets: bool = True) -> SearchResult:
    """The best passages for a question: its lexical matches and, when it is
    about a few reports, every passage of them, ranked by reciprocal rank
    fusion of their BM25 rank and their closeness in meaning to the question
    ("personal mobiles" finds "their own phones")."""
    pool = search(store, in_report_words(question, by_place(without_their_areas(without_subject(question.text, question),
                                                                                 question), question)),
                  per_page=max(HYBRID_POOL, per_page),
                  filters=scope, snippets=False,
                  facets=facets)
    lexical = {h.passage.id: h.rank for h in pool.hits}
    passages = [h.passage for h in pool.hits]
    if question.organisations and 0 < len(question.reports) <= SCOPED_REPORTS:
        seen = set(lexical)
        for r in question.reports:
            passages += [p for p in store.passages(r.id) if p.id not in seen]
    ordered = fuse(_content(question) or question.text, passages, lexical)
    lacking = {h.passage.id: len(h.missing or ()) for h in pool.hits}
    if any(lacking.values()):
        # keywords no passage holds all of were relaxed (search.py): passages lacking fewer of them still come
        # first, in the order of meaning and rank within each
        ordered.sort(key=lambda ps: lacking.get(ps[0].id, 0))
    ordered = ordered[:per_page]
    result = reorder(store, replace(pool, per_page=per_page), [p.id for p, _ in ordered])
    fused = {p.id: round(score, 6) for p, score in ordered}
    for hit in result.hits:
        hit.score = fused[hit.passage.id]  # the score of the order shown
    return result


# "They make good use of the force's tools …" is shown with the sentence saying who they are, when that sentence
# holds words the question asks that this one lacks ("Its unit …" is the force's, whichever sentence came before)
_SUBJECT_PRONOUN_RE = re.compile(r"\W*(?:it|they)\b", re.I)


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
