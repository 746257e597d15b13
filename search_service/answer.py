"""Question → the sentence that answers it, with its citation, or nothing.

The question is searched as usual; sentences of the best passages are scored
by the question's terms (weighted by rarity), how close together they sit,
the passage's rank, and whether the sentence holds the kind of answer asked
for (a number, a date, a body, a definition, a grade, a frequency). Grade
questions are answered from the report's extracted judgments. When the best
sentence does not cover the question's rarer words well enough, the answer is
``None``: an honest "not found" beats a confident wrong answer.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from search_service import budget, sentences
from search_service.analysis import ANALYZER, term_spans
from search_service.index import IndexStore
from search_service.ranking import live_doc_frequency
from search_service.model import Answer, Passage, Report, SearchResult, citation
from search_service.search import search

CANDIDATE_PASSAGES = 5
MIN_COVERAGE = 0.6  # share of the question's rarity-weighted terms the answer must hold
MIN_CONFIDENCE = 0.45

_QUESTION_RE = re.compile(
    r"^\s*(how|what|when|where|who|whom|whose|which|why|is|are|was|were|do|does|did|has|have|had|can|could|"
    r"should|will|would|to what extent|in what)\b", re.I)

_TYPES = [
    ("grade", re.compile(r"\b(grade[ds]?|judg(e)?ments?|judged|rated|rating|outstanding|inadequate)\b", re.I)),
    ("frequency", re.compile(r"\bhow often\b", re.I)),
    ("number", re.compile(r"\b(how many|how much|what (number|percentage|proportion|share|rate|level|amount)|"
                          r"what per ?cent|rates?|percentage|proportion|number of)\b", re.I)),
    ("date", re.compile(r"\b(when|what (year|date|month|period)|since when|how long)\b", re.I)),
    ("who", re.compile(r"\b(who|whom|which (body|organisation|organization|agency|team|unit|officer|partner)s?)\b",
                       re.I)),
    ("definition", re.compile(r"\bwhat (does|do) .+ (stand for|mean)\b|^\s*what (is|are) (a |an |the )?[\w\s'’-]+\??\s*$|"
                              r"\b(define|definition|meaning of)\b", re.I)),
]

_NUMBER_RE = re.compile(r"\b\d[\d,]*(\.\d+)?\s*(%|percent|per cent)?|\b(one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|eleven|twelve|twenty|hundred|thousand|million|half|third|quarter)\b", re.I)
_DATE_RE = re.compile(r"\b(19|20)\d\d\b|\b(January|February|March|April|May|June|July|August|September|October|"
                      r"November|December)\b|\b(since|between|until|months? to)\b", re.I)
_WHO_RE = re.compile(r"\b([A-Z][a-z]+ ){1,4}(Police|Service|Agency|Unit|Office|Council|Commissioner|Board|Team|"
                     r"Constable|Inspectorate|Partnership|Alliance|Forum|University)\b|\b(HMIC|NCA|ROCU|PCC|CPS)\b")
_DEF_RE = re.compile(r"\([A-Z][A-Za-z]{1,9}\)|\b(means|is defined as|known as|refers to|is an?|are)\b|"
                     r"\b[A-Z]{2,}\s\([A-Z]")
_FREQ_RE = re.compile(r"\b(every \w+ (weeks?|months?|days?|years?)|daily|weekly|monthly|quarterly|annually|"
                      r"fortnightly|each (week|month|year)|once a \w+|twice a \w+|regular(ly)?)\b", re.I)
_DATE_FULL_RE = re.compile(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
                           r"November|December) (19|20)\d\d\b|\b(19|20)\d\d\b")
_CAPTION_RE = re.compile(r"^(Figure|Table|Chart) \d+|^Source:")
_GRADE_RE = re.compile(r"\b(outstanding|good|requires? improvement|inadequate)\b", re.I)

TYPE_PATTERNS = {"number": _NUMBER_RE, "date": _DATE_RE, "who": _WHO_RE, "definition": _DEF_RE,
                 "frequency": _FREQ_RE, "grade": _GRADE_RE}

# Judgment areas and the words a question uses for them.
AREA_WORDS = {
    "prevent": ("prevent", "prevention", "preventing", "anti-social", "antisocial", "asb", "keeping people safe"),
    "investigat": ("investigat", "offender", "managing offenders", "reoffending"),
    "vulnerab": ("vulnerab", "protecting", "victims", "safeguard"),
    "serious and organised": ("serious", "organised", "organized", "ocg", "national policing"),
}


def is_question(q: str) -> bool:
    return q.strip().endswith("?") or bool(_QUESTION_RE.match(q))


def answer_type(q: str) -> str | None:
    for name, pattern in _TYPES:
        if pattern.search(q):
            return name
    return None


@dataclass
class Candidate:
    passage: Passage
    report: Report
    start: int
    end: int
    score: float
    coverage: float


_CUE_WORDS = re.compile(r"\b(stand(s)? for|mean(s|t|ing)?|define[ds]?|definition|grade[ds]?|graded|rated|"
                        r"judg(e)?ments?|judged)\b", re.I)


def _weights(store: IndexStore, q: str) -> dict[str, float]:
    """Query stems weighted by rarity (idf). A name or number the corpus never
    uses ("Kent", "2019") gets the highest weight, so a question about
    something absent is declined; an unknown ordinary word ("get") weighs
    like a fairly rare word. Words that only say what kind of answer is
    wanted ("stand for", "mean") are left out."""
    q = _CUE_WORDS.sub(" ", q)
    names = {t.text for t in ANALYZER(" ".join(re.findall(r"(?<!^)(?<![.?!] )\b(?:[A-Z][\w'-]*|\d[\d,.]*)", q)),
                                      mode="query")}
    stems = {t.text for t in ANALYZER(q, mode="query")}
    with store.searcher() as s:
        n = max(1, s.doc_count())
        top = math.log(1 + n / 0.5)
        weights = {}
        reader = s.reader()
        for st in stems:
            df = live_doc_frequency(reader, "text", st) or live_doc_frequency(reader, "heading", st)
            if df:
                weights[st] = math.log(1 + n / (df + 0.5))
            else:
                weights[st] = top * (1.5 if st in names else 0.6)
    return weights


def unknown_names(store: IndexStore, q: str) -> list[str]:
    """Names, years and numbers in the question that no report mentions."""
    found = re.findall(r"(?<!^)(?<![.?!] )\b(?:[A-Z][\w'-]*|\d[\d,.]*)", q)
    out = []
    with store.searcher() as s:
        reader = s.reader()
        for word in found:
            stems = [t.text for t in ANALYZER(word, mode="query")]
            if stems and not any(live_doc_frequency(reader, "text", st) for st in stems):
                out.append(word)
    return out


CONTEXT_WEIGHT = 0.5  # terms found only around the sentence count half


def _stems_in(text: str, weights: dict[str, float]) -> set[str]:
    return {st for st, _, _ in term_spans(text) if st in weights}


def _score_sentence(text: str, context: str, weights: dict[str, float], qtype: str | None,
                    kind: str) -> tuple[float, float]:
    """Score and coverage of one sentence. Coverage is the rarity-weighted
    share of the question's terms in the sentence, with terms found only in
    its context (previous sentence, headings, a table's header) at half
    weight: "This is 8 percent fewer incidents" answers a question about
    anti-social behaviour named one sentence earlier."""
    spans = [(st, a) for st, a, _ in term_spans(text) if st in weights]
    own = {st for st, _ in spans}
    around = _stems_in(context, weights) - own
    total = sum(weights.values()) or 1.0
    coverage = (sum(weights[st] for st in own) + CONTEXT_WEIGHT * sum(weights[st] for st in around)) / total
    positions = sorted(a for _, a in spans)
    spread = (positions[-1] - positions[0]) if len(positions) > 1 else 0
    proximity = 1.0 / (1.0 + spread / 200.0)
    bonus = 0.0
    typed = _DATE_FULL_RE.sub(" ", text) if qtype == "number" else text
    if qtype and TYPE_PATTERNS[qtype].search(typed):
        bonus += 0.25
    if _CAPTION_RE.match(text):
        bonus -= 0.3  # "Figure 7: …", "Source: …" label a chart, they do not state facts
    if qtype == "definition" and positions and positions[0] < 3:
        bonus += 0.1  # "Integrated offender management (IOM) brings …": the term opens the sentence
    if qtype == "definition" and kind == "footnote":
        bonus += 0.05
    if len(text) > 400:
        bonus -= 0.1
    return coverage + 0.15 * proximity + bonus, coverage


def _grade_answer(store: IndexStore, q: str, result: SearchResult) -> Answer | None:
    low = q.lower()
    report_ids = [h.report.id for h in result.hits] or [r.id for r in store.reports()]
    for rid in dict.fromkeys(report_ids):
        report = store.report(rid)
        if not report or not report.judgments:
            continue
        chosen = None
        for key, words in AREA_WORDS.items():
            if any(w in low for w in words):
                chosen = next((j for j in report.judgments if key in j.area.lower()), None)
                if chosen:
                    break
        if chosen is None and re.search(r"\b(overall|force)\b", low):
            chosen = next((j for j in report.judgments if j.area == "Overall"), None)
        if chosen is None or not chosen.passage_id:
            continue
        p = store.passage(chosen.passage_id)
        if p is None:
            continue
        area = "Overall judgment" if chosen.area == "Overall" else chosen.area
        return Answer(text=f"{chosen.grade} — {area}", passage_id=p.id, report_id=report.id,
                      citation=citation(report, p), confidence=0.9, start=0, end=0)
    return None


def ask(store: IndexStore, q: str, page: int = 1, per_page: int = 10,
        filters: dict | None = None) -> tuple[Answer | None, SearchResult]:
    """The answer (or None) and the supporting passages; the answer is taken
    from the best passages that the filters allow."""
    result = search(store, q, page=page, per_page=per_page, filters=filters)
    if page != 1:
        result_top = search(store, q, per_page=per_page, filters=filters)
    else:
        result_top = result
    answer = _answer(store, q, result_top)
    return answer, result


def _answer(store: IndexStore, q: str, result: SearchResult) -> Answer | None:
    if not result.hits:
        return None
    qtype = answer_type(q)
    weights = _weights(store, q)
    if qtype == "grade" and not unknown_names(store, q):  # "… in 2019", "… Kent Police": not a question these reports answer
        graded = _grade_answer(store, q, result)
        if graded:
            return graded
    if not weights:
        return None
    tok = store.sentence_tokenizer()
    best: Candidate | None = None
    for hit in result.hits[:CANDIDATE_PASSAGES]:
        budget.check()
        prior = 0.1 / hit.rank
        p = hit.passage
        text = p.text
        spans = sentences.split(tok, text)
        header = " ".join(text[a:b] for a, b in spans[:2]) if p.kind == "table" else ""
        heading = " ".join(p.heading_path)
        for i, (a, b) in enumerate(spans):
            if header and i < 2:
                continue  # a table's header is context for its rows, not an answer
            previous = text[spans[i - 1][0]:spans[i - 1][1]] if i else ""
            score, coverage = _score_sentence(text[a:b], " ".join((previous, heading, header)), weights, qtype,
                                              p.kind)
            score += prior
            if best is None or score > best.score:
                best = Candidate(p, hit.report, a, b, score, coverage)
    if best is None or best.coverage < MIN_COVERAGE:
        return None
    confidence = max(0.0, min(1.0, best.score / 1.4))
    if confidence < MIN_CONFIDENCE:
        return None
    p = best.passage
    return Answer(text=p.text[best.start:best.end].strip(), passage_id=p.id, report_id=p.report_id,
                  citation=citation(best.report, p), confidence=round(confidence, 3), start=best.start,
                  end=best.end)
