"""The rules that rule a sentence out as the answer to a question, or
keep it: what a sentence states, denies, recaps, prescribes or compares, and
the years, days, lengths and shares it names.

Pure functions of the sentence and the question (sentence.py asks them of
every candidate); each rule is written down in docs/ARCHITECTURE.md.
"""
from __future__ import annotations

import re
from functools import lru_cache

from search_service.analysis import STOP_WORDS, VERB_FORMS, stems_of
from search_service.answer.tables import _LEAST, _MOST
from search_service.counts import QUALIFIERS, is_plural, other_side_of_non
from search_service.definitions import Defining
from search_service.model import Passage, Report
from search_service.question import AT_DATE_RE, MONTHS, NOT_DATA, PERIOD_YEAR_RE, Question, core_of, scope_stems, years
from search_service.rules import CAPTION_RE

# the passages whose sentences are read for an answer: 10, not 8 (the thirty-third pass): on the tuning halves four
# more answers, all right, none lost, the long passage of a section ranking ninth or tenth for its own fact; 12 or 16
# gained no more
CANDIDATE_PASSAGES = 10


_NUMBER_WORDS = r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|million|" \
                r"half|third|quarter)"
_NUMBER_RE = re.compile(rf"\b\d[\d,]*(\.\d+)?\s*(%|percent|per cent)?|\b{_NUMBER_WORDS}\b", re.I)


# a list's separators; not a comma before a clause ("… not recorded, from the roughly 82,000 …", "…, which …")
_LIST_RE = re.compile(r"(?!(?<=\d),\d)[,;](?!\s*(?:from|which|who|whom|whose|where|when|but|so|although|though|while|whereas|because|"
                      r"since|unless|if|and|or)\b)|\band\b")


_PERCENT_OF = r"\d\s*(?:%|per ?cent)\s+of"  # a percentage and the "of" before its whole: "74 percent of officers"


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


# a sentence may answer yes or no with a measure or a change instead: "This is lower than the national rate",
# "It answered 61 percent of them within 10 seconds", "its response has deteriorated", "14 months behind schedule"
_COMPARATIVES = r"higher|lower|more|fewer|less|greater|better|worse|faster|slower|bigger|smaller|larger"


_CONTRAST_RE = re.compile(rf"\b({_COMPARATIVES}|fell|fallen|rose|risen|increased|decreased|reduced|deteriorated|"
                          r"improved|declined|little|behind|late|delayed|partly|partially|least|fewest|lowest|highest|"
                          r"worst|best)\b", re.I)
# a number that names, not measures: "a scheme called ‘Catch 22’", "under Section 136", "in March 2019"
# (a capitalised word within the sentence, so not "All 38 we examined …")
_NAMING_NUMBER_RE = re.compile(r"(?<=[\w,;:)]\s)[‘'“\"]?[A-Z][a-z]+\s+\d+[a-z]?\b(?![.,]\d)")


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
                                r"\b(?:should|ought to)\s+have\s+been\b|"
                                # how figures are to be read says how far they hold, not what anyone should do: "its
                                # results should be treated as indicative only", "should be read with caution"
                                r"\b(?:should|must)\s+be\s+(?:treated|read|interpreted|taken|regarded|seen|viewed)"
                                r"\s+(?:as|with)\b", re.I)  # "decides which … need to know"


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


# an extreme said against all the rest: "recorded almost twice as many heritage crimes as any other force"
_THAN_ANY_OTHER = r"\s+(?:[\w’'-]+\s+){0,6}?(?:than|as)\s+(?:any|every)\s+other\b"
_HIGH_RE = re.compile(rf"\b(?:{_HIGH})\b|\b(?:more|higher|larger|greater|bigger|as many|as much){_THAN_ANY_OTHER}", re.I)
_LOW_RE = re.compile(rf"\b(?:{_LOW})\b|\b(?:fewer|less|lower|smaller){_THAN_ANY_OTHER}", re.I)


_JUDGING_RE = re.compile(rf"\b(?:{_JUDGING})\b", re.I)


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


# where a phrase ends: any comma, colon, bracket, "and" or "but" (finer than counts.clauses, which keeps
# "X, Y and Z" whole)
_PHRASE_BREAK_RE = re.compile(r"[,;:()]|\band\b|\bbut\b", re.I)


def _whole_of(text: str, whole: str, noun: frozenset[str], kinds: frozenset[str] = frozenset()) -> bool:
    """Does the passage give the whole a question counts from ("How many of the 50 rapes …?"), in a clause that
    names what it is a whole of: "Of the 50 reports of rape we examined, 46 …", not "… 96 of the 100 reports we
    examined, and it made the right decisions … in 47 of 50 cases"; and, when the question says which kind
    ("of its 50 domestic abuse cases"), one of the words saying so: not "in 23 of the 50 missing children cases"."""
    for m in re.finditer(rf"(?<![\d,.]){re.escape(whole)}(?![\d,])", text):
        if not noun:
            return True
        start = max((b.end() for b in _PHRASE_BREAK_RE.finditer(text, 0, m.start())), default=0)
        after = _PHRASE_BREAK_RE.search(text, m.end())
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


_MONTH_YEAR_RE = re.compile(rf"\b(?:(\d{{1,2}}) )?({MONTHS}) ((?:19|20)\d\d)\b", re.I)


def _another_day(sentence: str, day: tuple[str, str, str]) -> bool:
    """The sentence dates what it says, and never on the day asked: "On 15 June 2016 … 212 incidents" does not
    answer "on 15 July 2016" (nor "in June 2016" a day in July)."""
    said = [(d, m.lower(), y) for d, m, y in _MONTH_YEAR_RE.findall(sentence)]
    asked_day, asked_month, asked_year = day[0] or "", day[1].lower(), day[2]
    return bool(said) and not any(m == asked_month and y == asked_year and (not asked_day or d in ("", asked_day))
                                  for d, m, y in said)


# a numbered step of a scale: "level 2", "tier 1", "stage 3", "priority 1"
_LEVEL_RE = re.compile(r"\b(level|tier|stage|phase|step|priority|grade|category)\s+(\d+)\b", re.I)


def _levels(text: str) -> frozenset[tuple[str, str]]:
    """The numbered steps of a scale a text names ("level 2 of the PIP": {("level", "2")})."""
    return frozenset((kind.lower(), n) for kind, n in _LEVEL_RE.findall(text))


# which one of a series a noun is: "at the first visit", "its second inspection", "the last review"
_ORDINAL_NOUN_RE = re.compile(r"\b(first|second|third|fourth|fifth|last|final)\s+([a-z]{3,})\b", re.I)


# the noun left out after a second ordinal: "in the third round than in the second", "the first visit or the last"
_ORDINAL_ELIDED_RE = re.compile(r"\b(?:first|second|third|fourth|fifth|last|final)\s+([a-z]{3,})\b[^?.;]{0,40}?\b"
                                r"(?:than|or|and|with)\s+(?:in\s+|at\s+|on\s+)?(?:the|its)\s+"
                                r"(first|second|third|fourth|fifth|last|final)\b(?!\s+[a-z]{3,})", re.I)


def _ordinal_nouns(text: str) -> frozenset[tuple[str, str]]:
    """Which of a series each noun a text numbers is ("at the first visit": {("first", "visit")}; "in the third
    round than in the second": the third and the second round)."""
    pairs = [(o, noun) for o, noun in _ORDINAL_NOUN_RE.findall(text)]
    pairs += [(o, noun) for noun, o in _ORDINAL_ELIDED_RE.findall(text)]
    return frozenset((o.lower().replace("final", "last"), stem) for o, noun in pairs for stem in stems_of(noun))


# what a figure is compared with: the rest of the sentence names its counterpart ("…, compared with 23 percent in
# the second round"), not what the figure is of
_COMPARED_WITH_RE = re.compile(r"[,;]?\s+(?:compared\s+(?:with|to)|against|up\s+from|down\s+from)\s", re.I)


def _another_ordinal(sentence: str, asked: frozenset[tuple[str, str]]) -> bool:
    """The sentence numbers a noun asked, never as the question does: "the first visit" is not "the second" (one
    named only as what a figure is compared with is no other: "19 percent …, compared with 23 percent in the second
    round")."""
    said = _ordinal_nouns(_COMPARED_WITH_RE.split(sentence, maxsplit=1)[0])
    return any({o for o, noun in asked if noun == n} and not {o for o, noun in asked if noun == n} & {
        o for o, m in said if m == n} for _, n in said)


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


def _bounds_a_period_only(sentence: str, month: re.Pattern) -> bool:
    """Does the sentence name the month asked only as a bound of a period ("Between April 2021 and March 2022",
    "January to March 2022", "the year to March 2022"), never as a month of its own ("… 74 percent in March
    2022")?"""
    found = list(month.finditer(sentence))
    return bool(found) and all(_SPAN_BEFORE_RE.search(sentence, 0, m.start())
                               or _SPAN_AFTER_RE.match(sentence, m.end()) for m in found)


def _names_month_only(sentence: str, month: str, year: str) -> bool:
    """Does the sentence name the month that ends the period asked as a month of its own ("… recovers to 74
    percent in March 2022"), and never as the end of a period ("the 12 months to 30 June 2015")?"""
    said = rf"{re.escape(month)}\s+{year}\b"
    return bool(re.search(rf"\b(?:in|during)\s+{said}", sentence, re.I)) and not re.search(
        rf"\b(?:to|ending|ended|until|and|[–-])\s*(?:\d{{1,2}}\s+)?{said}", sentence, re.I)


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
    subject = _PHRASE_BREAK_RE.split(sentence[:m.start()])[-1]
    return bool(_SUBJECT_PHRASE_RE.fullmatch(subject)) and bool(stems_of(subject) & asked)


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


_REFERENCE_RE = re.compile(r"https?://|\bwww\.|\bavailable (at|from):", re.I)
_SEE_RE = re.compile(r",?\s+see\s+(?-i:[A-Z])", re.I)  # where a statement's source is cited after it


def _states_before_citing(sentence: str) -> bool:
    """Does the sentence state something (a clause with its verb, six words at least) before citing its source?"""
    stated = _SEE_RE.split(sentence, 1)[0]
    return stated != sentence and len(stated.split()) >= 6 and bool(
        re.search(r"\b(?:is|are|was|were|means)\b", stated)) and not _REFERENCE_RE.search(stated)


_WANTED_ITEMS_RE = re.compile(r"^\s*(?:what|which) (?:(?:are|were) the (?:\w+ ){0,2})?(two|three|four|five|six|seven|"
                              r"eight|nine|ten|\d+) ", re.I)
_BULLET_RE = re.compile(r"(?m)^\s*[•▪●◦\-–]")


def _introduces(sentence: str, wanted: int) -> bool:
    """Does the sentence announce a list of ``wanted`` things, the count and
    its noun then a colon ("… the six national threats: …")?"""
    words = [str(wanted)] + [w for w, n in _COUNT_WORDS.items() if n == wanted]
    return bool(re.search(rf"\b(?:{'|'.join(words)})\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+\s*:", sentence, re.I))


# what opens a list inside a sentence
_LIST_LEAD_RE = re.compile(r"\b(?:such as|including|namely|for example|for instance)\b|:", re.I)


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


_DONE_WELL_RE = re.compile(r"(?<!\bas )(?<!\bhow )\bwell\b(?!\s+as\b)|\bgood\b|\bstrong|\bstrength|\beffective|"
                           r"\bcommend|\bpraise|\bimpressive|\boutstanding|\bexcellent|\bbest\b", re.I)
_CLAUSE_NEGATION_RE = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.I)


def _says_done_well(sentence: str) -> bool:
    """Does the sentence say something is done well, in a clause that does not deny it ("… does not understand the
    wellbeing of its workforce well enough" says the opposite)?"""
    for m in _DONE_WELL_RE.finditer(sentence):
        clause = re.split(r"[,;:]|\bbut\b|\bwhile\b|\balthough\b", sentence[:m.start()], flags=re.I)[-1]
        if not _CLAUSE_NEGATION_RE.search(clause):
            return True
    return False


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


# clauses for weighing a word against its counterpart: as _PHRASE_BREAK_RE's, but not split at "and" ("officers and
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


# (its words are no preposition or conjunction: "its staff in crime recording" is no compound of "crime")
_NOT_A_MODIFIER = r"(?!(?:in|on|at|of|for|to|by|with|from|into|and|or|than|as)\b)"
_COMPOUND_RE = re.compile(rf"\b(?:their|its|the)\s+({_NOT_A_MODIFIER}(?-i:[a-z]+)\s+{_NOT_A_MODIFIER}(?-i:[a-z]+))\s+"
                          r"((?-i:[a-z]{4,}))\b", re.I)


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


# the date a figure is counted to or at: "in the 12 months to 30 June 2016", "at 31 March 2017"
_YEAR_WORD_RE = re.compile(r"(?<![\d/–-])((?:19|20)\d\d)(?!\d)")


def _period_years(question_text: str) -> set[int]:
    """The years of the dates a question's figure is counted to or at."""
    return {int(y) for rx in (PERIOD_YEAR_RE, AT_DATE_RE) for y in rx.findall(question_text)}


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
# compared with other organisations, not with an earlier time: "How do its reoffending rates compare with similar
# forces?" is answered by how it stands ("lower reoffending rates in comparison with other similar forces")
_AGAINST_OTHERS_RE = re.compile(r"\bcompare[ds]?\s+(?:[\w-]+\s+){0,3}?(?:with|to|against)\s+(?:the\s+)?(?:other|similar|"
                                r"most|all|neighbouring|national|england|average|rest)\b", re.I)


def _asks_amount(question: Question) -> bool:
    """"How did satisfaction change?" asks by how much: "it has fallen" does
    not say, "fell from 72 percent to 61 percent" does; so does "How much did
    serious violence fall?" ("… are reducing serious violence" says no amount)."""
    return question.kind == "comparison" and bool(_HOW_CHANGED_RE.search(question.text)) and not \
        _AGAINST_OTHERS_RE.search(question.text) or (
        question.kind == "number" and bool(_HOW_MUCH_RE.match(question.text))
        and bool(_ASKS_CHANGE_RE.search(question.text)))


# "How much did it fall?" (its verb of change read by _ASKS_CHANGE_RE), not what a change cost or saved
_HOW_MUCH_RE = re.compile(r"\s*(?:by )?how much\b(?![^?]*\b(?:cost|spend|spent|save|saved|budget|money)\b)", re.I)


# which way a change goes, in the words that say it
# "up" and "down" of a change ("went up", "is down", "up by 4 percent"), not of "made up of", "set up", "up to"
_MOVED = r"(?:(?:went|gone|go|goes|come|came|comes|is|are|was|were|been)\s+{0}|{0}\s+(?:by|from|on)|{0}\s+\d+)"
_DOWN_RE = re.compile(r"\b(fall|fell|fallen|falls|falling|drop\w*|" + _MOVED.format("down") + r"|decreas\w*|reduc\w*|"
                      r"declin\w*|cut|fewer|less|lower|halved)\b", re.I)
_UP_RE = re.compile(r"\b(rise|rose|risen|rises|rising|" + _MOVED.format("up") + r"|increas\w*|grow|grows|growing|grew|"
                    r"grown|more|higher|doubled)\b", re.I)


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


# what became of a finding: "Has Fenmoor fire dealt with its cause of concern?", "Were the recommendations achieved?"
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
                                rf"(?:(?!\b(?:about|regarding|over|into|on)\b)[^?]){{0,60}}?\b{_PROGRESS}|"
                                # "Has the cause of concern about how it answers calls been closed?", "… still open?":
                                # what became of it, said last, whatever it was about
                                rf"^\s*(?:was|were|is|are|has|have|had)\b[^?]*?\b{_FINDING_NOUNS}\b[^?]*\b"
                                rf"(?:closed|discharged|lifted|(?:still|now)\s+open|{_PROGRESS})\s*\?\s*$", re.I)
# a sentence that says what became of one: closed, still open, met, addressed, progress made or not
PROGRESS_SAID_RE = re.compile(rf"{_PROGRESS}|\b(?:clos(?:e|es|ed)|discharg\w*|lift(?:ed)?|open|remain\w*|"
                              r"progress\w*|met|act(?:ed)?|still|not yet|no longer|cleared|fallen|improv\w*|"
                              r"done enough|outstanding)\b", re.I)
