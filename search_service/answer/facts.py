"""Answers read from a report's own record rather than its prose: who
signed it, when its inspectors visited, when it was published, and what an
acronym stands for (a defining sentence, else the glossary)."""
from __future__ import annotations

import re

from search_service import sentences
from search_service.analysis import stems_of
from search_service.answer.reports import _INSPECTED_FRAME_RE
from search_service.answer.sentence import _DOCUMENT_GENERIC, _SIGNATURE_RE
from search_service.answer.typed import _INSPECTION_YEAR_RE
from search_service.definitions import ASKED_TERM_RE
from search_service.model import Answer, Declined, citation
from search_service.question import MONTHS, Question, core_of
from search_service.search import search

_ASKS_SIGNATORY_RE = re.compile(r"\b(who|which)\b[^?]*\b(inspector|hmi)\b|\bwho (signed|wrote)\b", re.I)


# a role asked of by its whole name: "HM Chief Inspector of the Crown Prosecution Service", "HM Inspector of Fire &
# Rescue Services"
_ROLE_ASKED_RE = re.compile(r"\b(?:HM|His Majesty[’']s|Her Majesty[’']s)\s+(?:Chief\s+)?Inspector\s+of\s+[^?]+", re.I)


def _holders(store, role: str) -> list:
    """(name, role, passage) of each signature, in the passages best matching
    ``role``, whose role is the one asked: the same words, chief or not."""
    asked = stems_of(role) - _HM_WORDS
    out = {}
    for hit in search(store, role, per_page=20, autocorrect=False, facets=False, snippets=False).hits:
        for m in _SIGNATURE_RE.finditer(hit.passage.text):
            said = stems_of(m.group(2)) - _HM_WORDS
            if said == asked and m.group(1) not in out:
                out[m.group(1)] = (m.group(1), m.group(2), hit.passage)
    return list(out.values())


_HM_WORDS = stems_of("HM His Her Majesty's the of")


def _signatory(store, question: Question) -> Answer | Declined | None:
    """"Which HM Inspector signed the report?": the signature under the
    inspector's summary, from the report the question names (a signature
    is a name under a summary: no sentence around it says who signed)."""
    if not _ASKS_SIGNATORY_RE.search(question.text):
        return None
    if not (question.names_reports or question.years):
        role = _ROLE_ASKED_RE.search(question.text)
        held = _holders(store, role.group(0)) if role else []
        if len(held) == 1:  # "Who is HM Chief Inspector of the Crown Prosecution Service?": one person signs so
            name, role_said, p = held.pop()
            report = store.report(p.report_id)
            return Answer(text=f"{name}, {role_said}", passage_id=p.id, report_id=report.id,
                          citation=citation(report, p), confidence=0.8, kind="sentence", basis="signature")
        return Declined("Each report is signed by its own inspector: name the force, service or year; the closest "
                        "passages are below.")
    own = [r for r in question.reports if r.force in question.organisations]  # not a thematic covering it
    for report in own or question.reports:  # newest first
        for p in store.passages(report.id):
            signed = list(_SIGNATURE_RE.finditer(p.text))
            if signed:  # a joint report is signed by each inspectorate's inspector
                return Answer(text=" and ".join(f"{m.group(1)}, {m.group(2)}" for m in signed), passage_id=p.id,
                              report_id=report.id, citation=citation(report, p), confidence=0.9,
                              start=signed[0].start(1), end=signed[-1].end(2), kind="sentence", basis="signature")
    return None


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
                                  r"\bcarried out (?:(?:the|this|our) )?(?:inspection|fieldwork)\b", re.I)
_WHEN_STATED_RE = re.compile(rf"\b(?:19|20)\d\d\b|\b{MONTHS}\b")
_WHICH_VISIT_RE = re.compile(r"\b(first|last|previous|next|earlier)\b", re.I)


def _named_by(report) -> frozenset[str]:
    """The words a report is named by: its title's and its kind of inspection's."""
    return frozenset(stems_of(f"{report.title} {report.inspection}"))


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
    # (or by its kind: "the cuckooing investigation" is the super-complaint investigation on cuckooing)
    document = document if document and any(document <= _named_by(r) for r in question.reports) else frozenset()
    if not (question.organisations or question.years or question.titles or document):
        return None  # every report was inspected at its own time: the passages are the answer
    which = _visits(question.text)
    own = [r for r in question.reports if r.force in question.organisations]  # not a thematic covering it
    named = [r for r in question.reports if document <= _named_by(r)] if document else []
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
                                       # ("… the PEEL 2023–25 report on Calderbrook Police published?")
                                       r"(?P<doc>[^?]*?\b(?:report|inspection|assessment)s?"
                                       r"(?:\s+(?:on|of|into|about|for)\s+[^?]*?)?)\s+"
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
                # its subject then what it does: spelt out ("Integrated offender management (IOM) brings …"), or by
                # its letters when what it does is asked ("IOM brings …"; "LPT officers are …" would pass too)
                does = bool(long) and re.match(rf"\W*(?:the\s+)?{re.escape(long)}\s*\(\s*{re.escape(acr)}s?\s*\)"
                                               rf"\s+(?!(?:is|was|has|does)\b)[a-z]+s\b", s, re.I) \
                    or asks_do and re.match(rf"\W*(?:the\s+)?{re.escape(acr)}s?\b(?:\s*\([^)]*\))?,?\s+"
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
