"""How an answer names the reports a question is about: their labels, the
words of their inspections' names, and the reports in a question's scope."""
from __future__ import annotations

import re
from functools import lru_cache

from search_service.analysis import ANALYZER
from search_service.counts import COUNT_WORD
from search_service.model import Report
from search_service.question import Question, of_years


def _label(r: Report) -> str:
    return r.inspection_year or (str(r.year) if r.year else r.title)


def question_reports_all(store, question: Question) -> list[Report]:
    """Every report on the organisations named, in the years named (when two or more are)."""
    reports = [r for r in store.reports() if set(question.organisations) & set(r.organisations or [r.force])]
    if question.since:
        reports = [r for r in reports if r.year and r.year >= question.since]
    if len(question.years) >= 2:
        dated = of_years(reports, question.years)
        reports = dated if len(dated) >= 2 else reports
    return reports


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


_MENTION_RE = re.compile(rf"^\s*(which|what|in which)(?: of the)?(?: {COUNT_WORD})? (reports?|forces?|police forces?|"
                         r"services?|"
                         r"fire (and rescue )?"
                         r"services?|inspections?|organisations?)\b", re.I)


# what a question about an inspection ("Which forces were inspected …?", "When did the rural crime inspection take
# place?") says besides the inspection it asks about: what is left names it by its title's words
_INSPECTED_FRAME_RE = re.compile(r"\b(?:which|what|when|in|of|on|into|the|police|forces?|fire|and|rescue|services?|"
                                 r"organisations?|constabular(?:y|ies)|were|was|are|is|been|did|does|do|has|have|had|"
                                 r"inspect\w*|cover\w*|look(?:ed)? at|visit\w*|fieldwork|take|took|place|happen\w*|"
                                 r"done|carried out|conducted|"
                                 r"first|last|by|for|during|its|their|our|we|an?|hmic\w*|inspectorate|inspectors?|"
                                 r"reports?|thematic|years?)\b|(?:19|20)\d\d(?:\s*[/–-]\s*\d+)?|"
                                 rf"\b{COUNT_WORD}\b",  # "Which five forces …"
                                 re.I)
