"""Answers from the graded judgments of every report in scope (structured
data, not a passage's wording): a grade, every grade of a report, which
organisations got a grade, a change of grade across years, and
organisations or areas compared side by side."""
from __future__ import annotations

import re
from dataclasses import replace

from search_service import sentences
from search_service.analysis import ANALYZER, stems_of
from search_service.answer.checks import _ASKS_CHANGE_RE
from search_service.answer.reports import (_MENTION_RE, _inspection_words, _inspection_words_of, _label,
                                           question_reports_all)
from search_service.answer.sentence import _ASKS_WHEN_GRADED_RE, _ASKS_WHY_RE, _COMPARE_WORDS, _content, _sentence
from search_service.compare import group_of
from search_service.grades_table import earlier_table
from search_service.model import Answer, AnswerItem, Declined, Judgment, Passage, Report, SearchResult, citation
from search_service.question import AREA_RES as _AREA_RES
from search_service.question import (AREAS_ALTERNATIVE_RE, JUDGMENT_ASKED, ORGANISATION_NOUNS, PILLAR_ASKED, PILLARS,
                                     Question, area_concept, concepts_of, of_years, scope_stems, years)
from search_service.rules import GRADES

STRUCTURED_CONFIDENCE = 0.95  # read from the reports' judgments, not from prose


_LATEST_RE = re.compile(r"\b(most recent|latest|current(ly)?|now|today)\b", re.I)


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
    rest = _GRADE_NAMES_RE.sub(" ", rest)  # "Is it good at …?": the grade asked is no topic
    for rx in _AREA_RES:
        rest = rx.sub(" ", rest)
    reports = question_reports_all(store, question) if question.organisations else store.reports()
    areas = " ".join(j.area for r in reports for j in r.judgments)  # "Investigating crime": crime is the area's
    return not ({t.text for t in ANALYZER(rest, mode="query")} - scope_stems(question)
                - {t.text for t in ANALYZER(areas, mode="query")})


_GRADE_NAMES_RE = re.compile(r"\b(outstanding|good|adequate|requires?|requiring|improvement|inadequate)\b", re.I)


def _grade_only(question: Question) -> bool:
    """"Has any fire service been rated outstanding?", "Has Northshire ever
    been graded inadequate?": a grade named and nothing else asked about
    (not "… outstanding for its use of drones")."""
    rest = _GRADE_ONLY_WORDS.sub(" ", _content(question))
    rest = _GRADE_NAMES_RE.sub(" ", rest)
    # "Which of Holmbridge's child protection areas …?": the words of the named organisation's reports' titles
    # say which inspection, not what it was graded for
    titles = set().union(*map(_inspection_words_of, question.reports)) if question.organisations else set()
    return bool(question.grades) and not ({t.text for t in ANALYZER(rest, mode="query")} - scope_stems(question)
                                          - titles)


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
        if _AREAS_COUNTED_RE.search(question.text):
            return None  # "Which service was graded outstanding in three areas?" is no list of each such grade
            # (Fenmoor's one outstanding area); a report on them all may say ("… the only service graded
            # outstanding in three areas")
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
    if question.kind == "yesno" and (not question.grades or not _only_area(store, question)):
        return None  # "Is it good at spotting vulnerability early in an investigation?" asks about one practice, which
        # the grade for protecting vulnerable people does not settle
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


# a grade given in so many areas: a count, not an area's name
_AREAS_COUNTED_RE = re.compile(r"\b(?:in|for)\s+(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+)?(?:\d+|two|three|"
                               r"four|five|six|seven|eight|nine|ten|eleven|several|many)\s+(?:of\s+(?:the|its)\s+)?"
                               r"(?:areas|questions|pillars)\b", re.I)


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
