"""Answers that list: a report's findings (causes of concern,
recommendations, areas for improvement), the organisations an inspection
covered, the reports that mention something, and organisations ranked by a
figure their reports give. Each item carries its own citation."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from search_service import budget
from search_service.analysis import ANALYZER, STOP_WORDS, stems_of, term_spans
from search_service.answer.reports import _INSPECTED_FRAME_RE, _MENTION_RE, _inspection_words, _label
from search_service.answer.checks import _PROGRESS_ASKED_RE
from search_service.answer.sentence import (_ADVICE_HEADING_RE, _ASKS_WHY_RE, _CYCLE_TEXT_RE, _INSPECTORATE_ACTS_RE,
                                            _NATIONAL_RE, _weights, _without_cues)
from search_service.answer.typed import _ACTED_QUALIFIER, _AREA_PEOPLE_RE, _CHANGE_VERB, _PARAGRAPH_NUMBER_RE
from search_service.counts import ADDED_COUNT_RE, ORGANISATION_GENERIC, QUALIFIERS, joined_to_other
from search_service.model import ANNUAL_ASSESSMENT, Answer, AnswerItem, Declined, Passage, Report, citation
from search_service.question import (DEADLINE_RE, Question, every_form, inspection_years, known_names, name_patterns,
                                     of_years, pillars_of, scope_stems)
from search_service.search import export

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
# what a finding is asked to be about ("… about custody?", "… about emergency calls?"), apart from whom it is to
_FINDING_TOPIC_RE = re.compile(r"\babout\s+([^?]+)", re.I)
_NUMBERED_FINDING_RE = re.compile(r"\b(recommendation|cause of concern|area for improvement)\s+(\d+)\b", re.I)
# whom the recommendations asked about are for: "recommend to the Home Office", "recommendations for the CPS",
# "addressed to chief constables" (group "who")
_TO_WHOM_NAMED_RE = re.compile(
    r"\b(?:recommend(?:ed|s)?|recommendations?(?:\s+(?:made|addressed|given))?|addressed|make|made)\s+(?:to|for)\s+"
    r"(?!(?:which|what|whom|it|them|improve\w*|do)\b)(?P<who>[^?,]+?)"
    r"(?=\s+(?:about|on|in|by|during|since|after|before|from|according|to)\b|\s*[?,]|\s*$)", re.I)
# whom they are for, asked: "To which bodies did it make recommendations?", "Who are its recommendations addressed
# to?", "Which national bodies does it make recommendations to?"
_TO_WHOM_ASKED_RE = re.compile(
    r"^\s*(?:to\s+)?(?:which|what)\s+(?:[\w’'-]+\s+){0,2}?(?:bodies|organi[sz]ations|agencies)\b[^?]*\brecommend|"
    r"^\s*(?:to\s+whom|who)\b[^?]*\brecommendations?\b[^?]*\b(?:addressed|aimed|directed|made)\s+to\b|"
    r"\brecommendations?\s+to\s*\?\s*$|"
    # "Who gets the recommendations of …?", "Who are its recommendations for?"
    r"^\s*who\s+(?:gets|get|got|receives?|received)\s+(?:the\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?recommendations?\b|"
    r"^\s*who\s+(?:are|were)\s+(?:the\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?recommendations?\b[^?]*\bfor\s*\?\s*$", re.I)
_NATIONAL_ASKED_RE = re.compile(r"\b(?:national|other)\s+(?:bodies|organi[sz]ations|agencies)\b", re.I)


def _named_organisation(text: str, question: Question) -> bool:
    """Is ``text`` one of the organisations the question names ("recommend to Tollbridge Police")?"""
    words = stems_of(text) - _ADDRESSEE_GENERIC
    return any(words <= stems_of(name) for name in question.organisations)


def _addressee(item) -> str:
    """Whom a recommendation item is for, as its report says."""
    r, kind, text, pid, _ = item
    return next((x.addressed_to for x in r.recommendations if x.passage_id == pid and x.text in text), "") \
        if kind == "recommendation" else ""


def _is_for(who: str, addressee: str) -> bool:
    """Does a recommendation to ``addressee`` answer one asked for ``who`` ("the Home Office", "forces")?"""
    if re.search(r"\bcommissioners?\b", who, re.I):  # the commissioners are no force's chief constable
        return bool(re.search(r"\bcommissioners?\b", addressee, re.I))
    if _TO_FORCES_RE.search(who):
        return bool(_TO_FORCES_RE.search(addressee))
    asked, said = stems_of(who) - _ADDRESSEE_GENERIC, stems_of(addressee) - _ADDRESSEE_GENERIC
    return bool(asked) and bool(said) and (asked <= said or said <= asked)


_ADDRESSEE_GENERIC = stems_of("the its their all")


def _addressees(store, question: Question, items) -> Answer | None:
    """"To which bodies did the joint inspection make recommendations?": whom its recommendations are for, each
    once with the first recommendation to it (only bodies other than the forces, when national ones are asked)."""
    national = bool(_NATIONAL_ASKED_RE.search(question.text))
    seen: dict[str, tuple] = {}
    for it in items:
        who = _addressee(it)
        if who and who.lower() not in seen and not (national and _TO_FORCES_RE.search(who)):
            seen[who.lower()] = (who, it)
    if not seen:
        return None
    answer_items = []
    for who, (r, _, text, pid, _) in seen.values():
        p = store.passage(pid)
        answer_items.append(AnswerItem(text=f"{who} ({r.title}, {_label(r)})", report_id=r.id, passage_id=pid,
                                       citation=citation(r, p) if p else r.title, report_title=r.title,
                                       organisation=r.force, year=_label(r), value=who))
    first = answer_items[0]
    return Answer(text="Recommendations addressed to: " + "; ".join(i.value for i in answer_items),
                  passage_id=first.passage_id, report_id=first.report_id, citation=first.citation, confidence=0.9,
                  kind="list", items=answer_items, basis="findings")


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
    reports = question.reports if question.names_reports or question.years else store.reports()
    if question.years and not (question.organisations or question.titles or question.subject):
        reports = of_years(store.reports(), question.years)  # (a report named by its title is the one asked)
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
                    words[(text, pid)] = _negated_joined(text, stems_of(text)) | headings[sec]
                _WORDS_BY_REPORT[key] = words
            out.update(words)
        for key in set(_WORDS_BY_REPORT) - live:
            _WORDS_BY_REPORT.pop(key, None)
        return out
    return store.cached("finding-words", build)


_NON_RE = re.compile(r"\bnon-([a-z]+)\b", re.I)


def _negated_joined(text: str, stems: frozenset[str]) -> frozenset[str]:
    """The terms of a text in which "non-emergency" is not "emergency": the negated word's own stem only where
    the text also says it bare ("… answering emergency calls" does not match "non-emergency calls")."""
    out = set(stems)
    for m in _NON_RE.finditer(text):
        bare = re.search(rf"(?<!non-)\b{re.escape(m.group(1))}\b", text, re.I)
        out = (out | stems_of(m.group(0))) - ({"non"} if bare else {"non"} | stems_of(m.group(1)))
    return frozenset(out)


def _negates(asked: str, words: frozenset[str]) -> bool:
    """Do a finding's terms hold the term asked only negated ("nonemerg" for "emerg"), or, asked negated, only
    bare?"""
    if asked.startswith("non") and len(asked) > 5:
        return asked[3:] in words and asked not in words
    return f"non{asked}" in words and asked not in words


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
    wanted = _negated_joined(rest, frozenset(t.text for t in ANALYZER(rest, mode="query"))) - scope_stems(question)
    if question.organisations:  # "… in Holmbridge's child protection inspection" names the report, not a topic
        wanted -= _inspection_words(question, question.reports)
    if question.kind_named:
        wanted -= stems_of(question.kind_named)  # "the rural crime inspection" likewise
    enough = max(1, 0.6 * len(wanted))
    if wanted and not (question.names_reports or question.years):  # every report: look the words up
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
    if _TO_WHOM_ASKED_RE.search(question.text) and (question.names_reports or question.years):
        return _addressees(store, question, [it for it in items if it[1] == "recommendation"])
    to_whom = _TO_WHOM_NAMED_RE.search(question.text)
    if to_whom and not _named_organisation(to_whom.group("who"), question):
        # "What did the rural crime inspection recommend to the Home Office?": its recommendations to that body
        # alone, whatever words of the body's name others hold; none to it is no answer
        recs = [it for it in items if it[1] == "recommendation"]
        for_them = [it for it in recs if _is_for(to_whom.group("who"), _addressee(it))]
        if recs and not for_them and (question.names_reports or question.years):
            return Declined(f"No recommendation of the reports asked about is addressed to {to_whom.group('who')}; "
                            "the closest passages are below.")
        if for_them:
            items, wanted = for_them, wanted - stems_of(to_whom.group("who"))
            enough = max(1, 0.6 * len(wanted))
    if wanted and (question.names_reports or question.years):  # "… about emergency calls": in its words or section
        known = finding_words(store)
        items = [it for it in items if len(wanted & known.get((it[2], it[3]), frozenset())) >= enough]
    if wanted and items:  # "… answer emergency calls" is not "… non-emergency calls" (nor the other way): the word
        # asked, negated
        known = finding_words(store)
        items = [it for it in items if not any(_negates(w, known.get((it[2], it[3]), frozenset())) for w in wanted)]
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
        items = [it for it in items if it[0].of_fire == fire]
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


MENTION_COVERAGE = 0.75
_INSPECTED_BY_RE = re.compile(r"\b(?:were|was|been|are|is) (?:inspected|covered|looked at|visited)\b|"
                              r"\b(?:did|does|do) (?:[\w’'-]+ ){1,6}(?:inspect|cover|look at|visit)\b", re.I)


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
               and r.family != ANNUAL_ASSESSMENT  # (it names services as examples: it inspected none of them)
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
    return not (police and r.of_fire) and not (fire and not r.of_fire)


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
    rest = re.sub(rf"\b({_MENTION_VERBS}|reports?|forces?|inspections?|services?|organisations?)\b", " ",
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
    several: list[Report] = []  # reports on several forces that mention it without saying which of them
    mention_asked = bool(_MENTION_VERB_RE.search(question.text))
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
                if not mention_asked:
                    return None
                several.append(r)  # "Which forces mention …?": the forces' own reports that do, and this one noted
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
    note = ("Also mentioned by a report on several forces, which does not say which of them: " +
            "; ".join(f"{r.title} ({_label(r)})" for r in several) + ".") if several else ""
    return Answer(text="; ".join(i.text for i in items), passage_id=first.passage_id, report_id=first.report_id,
                  citation=first.citation, confidence=0.75, kind="list", items=items, basis="mentions", note=note)


# a question asking which reports (of forces) say something, in so many words
_MENTION_VERBS = r"mention\w*|say|says|said|talk\w* about|refer\w* to|discuss\w*|describ\w*|come up|comes up"
_MENTION_VERB_RE = re.compile(rf"\b(?:{_MENTION_VERBS})\b", re.I)
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


_MAKES_FINDINGS_RE = re.compile(r"mak\w*|made|set\w*|giv\w*|gave|rais\w*|identif\w*|recommend\w*|issu\w*", re.I)


# "… a cause of concern?": a finding as what the question says something is
_FINDING_AS_PREDICATE_RE = re.compile(r"\b(?:(?:a|an|the|one of (?:the|its))\s+)?(?:causes? of concern|areas? for "
                                      r"improvement|recommendations?)\s*\??\s*$", re.I)


# what a ranking of what each organisation has does not count (`_ranked`): some of them ("9,214 crimes in which the
# victim was a child"), and a count done to or planned ("trained only 41 officers", "would have 1,460 officers")
_SOME_OF_THEM_RE = re.compile(r"\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:in which|of which|where|who|that|involving|"
                              r"concerning|relating to)\b|[^.;]*?\b(?:not|never)\b", re.I)
_ACTED_BEFORE_RE = re.compile(rf"\b(?:{_CHANGE_VERB}|train(?:ed|ing|s)?)\s+(?:(?:{_ACTED_QUALIFIER}|only|just)\s+)?$|"
                              r"\b(?:would|will|could|might|should)\s+(?:have|need|employ)\s+$", re.I)  # (planned)


_ASKS_REPORT_PLACE_IN_RE = re.compile(r"\s*(?:where|in which\s+(?:section|chapter|part)s?)\b[^?]*\b(?:reports?|"
                                      r"inspections?|documents?)\b", re.I)  # where in the report something is
