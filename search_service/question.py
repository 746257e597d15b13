"""A question → what it asks about: the organisations, years and cycles it
names, the judgment areas and grades it speaks of, and the kind of answer it
wants. Retrieval and answering are then scoped by it (as filters, not extra
words), and a question about something no indexed report covers is
declined with the reason ("No indexed report covers Kent Police").

Organisations are recognised from the indexed reports (with the short forms
people use: "Northshire", "Fenmoor fire", "West Mids") and from a list of the
real police forces and fire and rescue services (data/organisations.json),
so a force that is not indexed is known to be absent rather than taken for
an ordinary word. Pure functions over the question text and the reports.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from search_service.analysis import ANALYZER
from search_service.model import REVISIT_LETTER, Report
from search_service.periods import MONTHS

_DATA = Path(__file__).resolve().parent / "data" / "organisations.json"
_FIRE_WORDS = re.compile(r"\b(fires?|frs|rescue|firefighters?|fire service)\b", re.I)

# Judgment areas by what they are about. A question and a report's judgment
# area are matched through these concepts, whatever their wording.
CONCEPTS: dict[str, str] = {
    "overall": r"\boverall\b|keeping people safe and reducing crime|keep people safe and reduce crime",
    "prevent": r"\bprevent\w*\b(?!\s+fires?)|anti-?\s?social|\basb\b|deterr",
    "investigate": r"\binvestigat\w*",
    "vulnerable": r"\bvulnerab\w*|\bsafeguard\w*|protect\w* (those|people|children|the vulnerable)|supporting victims",
    "soc": r"serious (and )?organised crime|\bsoc\b|organised crime|\bocgs?\b",
    "responding": r"respond\w* to (the )?public|answer\w* (999|calls|emergency)|\b999\b|responding to calls",
    "offenders": r"offenders and suspects|managing offenders|offender management|manag\w* offenders|re-?offending",
    "public": r"treat\w*( of)? the public|public treatment|police powers|\bthe public fairly|people it serves",
    "ethical": r"\bethical\w*|\blawful\w*|corruption",
    "workforce": r"\bworkforce\b|\bwellbeing\b",
    "leadership": r"\bleadership\b|force management|strategic planning|organisational management|value for money",
    "data": r"crime data|recording (data|crime)|crime recording|data integrity",
    "demand": r"\bdemands?\b",
    "resources": r"\bresources\b",
    "future": r"\bfuture\b",
    "victims": r"service to (the )?victims",
    # fire and rescue questions
    "fire_risk": r"understanding (the )?(fire and )?risk",  # (2023–25: "Understanding fire and risk")
    # home fire safety checks and safe and well visits are prevention; fire safety audits and enforcement, regulation
    "fire_prevent": r"prevent\w* fires?\b|home fire safety|safe and well",  # (2023–25: "Preventing fire and risk")
    "fire_protect": r"fire regulation|(?<!home )fire safety|protecting the public through",
    "fire_respond": r"responding to fires|respond\w* to (fires|emergencies)",
    "fire_major": r"major (and )?(multi-agency )?incidents|multi-agency incidents",
    "fire_resources": r"best use of resources",
    "fire_affordable": r"\baffordab\w*",
    "fire_values": r"values and culture|\bculture\b",
    "fire_skills": r"right people|right skills",
    "fire_diversity": r"\bdiversity\b|ensuring fairness",
    "fire_performance": r"managing performance|developing leaders",
}
_CONCEPT_RES = {k: re.compile(v, re.I) for k, v in CONCEPTS.items()}
AREA_RES = list(_CONCEPT_RES.values())  # every wording of a judgment area (pillars below)
PILLARS = {"effectiveness": r"\beffective(ness|ly)?\b", "efficiency": r"\befficien(cy|t|tly)\b",
           "legitimacy": r"\blegitima(cy|te|tely)\b", "people": r"\bpeople grade\b|\bpeople pillar\b|"
                                                               r"look(?:s|ing|ed)? after (?:its|their) (?:people|staff|workforce)|(grade[ds]?|rated|judged|"
                                                               r"rating|get|got) (for|on) (its )?people\b"}
_PILLAR_RES = {k: re.compile(v, re.I) for k, v in PILLARS.items()}
AREA_RES += list(_PILLAR_RES.values())

_GRADE_WORDS = {"outstanding": "Outstanding", "good": "Good", "adequate": "Adequate",
                "requires improvement": "Requires improvement", "require improvement": "Requires improvement",
                "requiring improvement": "Requires improvement", "inadequate": "Inadequate"}
_GRADE_RE = re.compile(r"\b(" + "|".join(sorted(_GRADE_WORDS, key=len, reverse=True)) + r")\b", re.I)
# "412 outstanding suspects", "outstanding recommendations": not yet dealt with, no grade
_UNRESOLVED_RE = re.compile(r"\boutstanding(?= (?:suspects?|warrants?|cases?|actions?|recommendations?|work|items?|"
                            r"referrals?|investigations?|offenders?|incidents?|calls?|tasks?|jobs?)\b)", re.I)
_CYCLE_RE = re.compile(r"\b(20\d\d)\s*(?:/|–|-|to)\s*(20)?(\d\d)\b")
_YEAR_RE = re.compile(r"\b(20[0-4]\d)\b")
PERIOD_YEAR_RE = re.compile(r"\b(?:years?|months?|quarters?)\s+(?:to|ending|ended)\s+"
                             r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?"
                             r"(20\d\d)\b", re.I)
# a deadline or target date is not the year of a report: "by March 2026", "until 2025", "before the end of 2024", "a
# deadline of 31 March 2017", "due on 30 September 2024" (group 1: the date itself)
DEADLINE_RE = re.compile(rf"\b(?:by|until|till|before|deadlines?\s+(?:of|is|was|set\s+for|for)|due(?:\s+(?:on|in))?)\s+"
                         rf"(?:the\s+end\s+of\s+)?((?:\d{{1,2}}\s+)?(?:{MONTHS}\s+)?"
                         r"20\d\d(?:\s*[/–-]\s*\d\d)?)\b", re.I)
# what an earlier report found, asked of the reports after it: "the backlog found in its 2017 legitimacy inspection"
_RECOMMENDED = r"(?:its|their|the|our|[\w-]+[’']s)\s+(20\d\d)(?:\s*[/–-]\s*\d\d)?\s+(?:[\w-]+\s+){0,2}?" \
               r"(?:recommendations?|areas? for improvement|causes? of concern)\b"
_FOLLOWED_UP = r"achieve[ds]?|act(?:ed)? on|implement(?:ed)?|address(?:ed)?|complete[ds]?|meet|met|deliver(?:ed)?|" \
               r"respond(?:ed)? to|follow(?:ed)? up"
# an inspection named by its year ("in its 2014 crime inspection", "HMIC's 2016 report")
_PAST_INSPECTION_RE = re.compile(r"\b(?:in|by|during|from|of)\s+(?:its|the|their|our|hmic(?:frs)?[’']?s?)\s+"
                                 r"(20\d\d)(?:\s*[/–-]\s*\d\d)?\s+(?:[\w-]+\s+){0,2}?(?:inspection|report)s?\b", re.I)
_EARLIER_RE = re.compile(r"\b(?:found|identified|reported|raised|highlighted|described|praised|criticised|made|set out)"
                         r"\s+(?:in|by|during)\s+(?:(?:its|the|our|their|hmic(?:frs)?[’']?s?)\s+)?(20\d\d)"
                         r"(?:\s*[/–-]\s*\d\d)?(?:\s+(?:[\w-]+\s+){0,2}?(?:inspections?|reports?))?\b|"
                         # "Did Wealdmarsh achieve its 2017 custody recommendations?": what a later report followed up
                         rf"\b(?:{_FOLLOWED_UP})\s+(?:all\s+|any\s+|each\s+)?(?:of\s+)?{_RECOMMENDED}|"
                         # "How many of the 2017 custody recommendations had Wealdmarsh achieved?"
                         rf"\b{_RECOMMENDED}(?=[^?]*\b(?:{_FOLLOWED_UP})\b)", re.I)
# a figure forecast for a date ("reserves forecast to be £7.5m at 31 March 2020") is read in the report that made
# the forecast, before that date: the date is no report's year
_FORECAST_RE = re.compile(rf"\b(?:forecast|expected|projected|predicted|planned)\s+to\s+(?:be|reach|fall|rise|total)"
                          rf"(?:\s+[\w£$€.,%-]+)?\s+(?:at|by|in|for)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+)?"
                          rf"(?:{MONTHS}\s+)?20\d\d(?:\s*[/–-]\s*\d\d)?\b", re.I)
# nor is the horizon of a projection or plan ("its workforce projections to 2020"), in a question or a sentence
HORIZON_RE = re.compile(rf"\b(?:projections?|forecasts?|plans?)\s+(?:up\s+)?to\s+(?:\d{{1,2}}\s+)?(?:{MONTHS}\s+)?"
                        r"20\d\d(?:\s*[/–-]\s*\d\d)?\b", re.I)
# "What is WMP 2020?", "What is Vision 2025?": the year is part of the name asked about, not a report's year
# (not a year a preposition dates the question by: "What was Harrowmere's efficiency grade in 2017?")
_NAMED_YEAR_RE = re.compile(r"^\s*(?i:what(?: is|'s|’s| are| was| were) (?:an? |the )?)[A-Z][\w’'-]*(?: [\w’'-]+){0,3}? "
                            r"(?<!\bin )(?<!\bat )(?<!\bby )(?<!\bof )(?<!\bfor )(?<!\bduring )(?<!\bsince )(?<!\bfrom )"
                            r"(?<!\buntil )((?:19|20)\d\d)\s*\??\s*$")
# "the Brackenshire 2025 plan", "Vision 2030 strategy": a year inside a plan's name dates no report
_YEAR_IN_NAME_RE = re.compile(r"\b([A-Z][a-z]{2,}[\w-]*) (?:19|20)\d\d(?= (?i:plan|strategy|vision|programme|project|"
                              r"initiative|model|review)s?\b)|"
                              # "When was Harrowmere 2020 approved?": a name and a year doing something is a thing
                              # named (not "the figures for March 2022 were …")
                              rf"\b(?!{MONTHS}\b)([A-Z][a-z]{{2,}}[\w-]*) (?:19|20)\d\d(?= (?:was|is|were|are|has|had|will|"
                              r"sets?|links?|uses?|aims?|approved|published|launched)\b)")
_SHORT_CYCLE_RE = re.compile(r"\bPEEL\s+(\d\d)\s*/\s*(\d\d)\b", re.I)
_SINCE_RE = re.compile(r"\b(?:since|after)\s+(?:(?:its|the|our|hmic(?:frs)?[’']?s?)\s+)?(?:\w+\s+)?(20\d\d)"
                       r"(?:\s*[/–-]\s*(?:20)?\d\d)?\b", re.I)


# a grade's word said of a thing, not of how an organisation was graded: "make good use of ANPR", "good practice",
# "inadequate training" (the word before a noun of its own; not "good at", "good overall", "a good grade")
_ATTRIBUTIVE_RE = re.compile(r"\b(?:good|adequate|inadequate)(?= (?!(?:at|in|for|or|and|to|as|with|overall|across|"
                             r"on|by|since|grades?|ratings?|judg(?:e)?ments?|but|than|from|after|before|every|each|"
                             r"this|that|these|those|the|its|their|an?|when|while|if|now|then|again|yet|still|last|"
                             r"between|during|under|over|enough)\b)[a-z]{3,})", re.I)


_HOW_GOOD_RE = re.compile(r"\bhow good\b", re.I)


def grades_named(text: str) -> list[str]:
    """The grades a text names, once each, as the inspectorate spells them ("requires improvement", "Good"); not
    "412 outstanding suspects", which are not yet dealt with, nor "good use of ANPR"."""
    text = _ATTRIBUTIVE_RE.sub("attributive", _UNRESOLVED_RE.sub("unresolved", text))
    text = _HOW_GOOD_RE.sub(" ", text)  # "How good is it at child protection?" asks its grade, names none
    return list(dict.fromkeys(_GRADE_WORDS[m.group(1).lower()] for m in _GRADE_RE.finditer(text)))


@dataclass
class Question:
    text: str
    kind: str  # grade, list, comparison, yesno, definition, enumeration, number, date, who, frequency, sentence
    organisations: list[str] = field(default_factory=list)  # indexed organisations it names
    unknown: list[str] = field(default_factory=list)  # organisations it names that no report covers
    years: list[int] = field(default_factory=list)
    since: int | None = None  # "since 2016": the year a change is measured from, answered by later reports
    earlier: int | None = None  # "the backlog found in its 2017 inspection": that report's year, answered by later ones
    concepts: set[str] = field(default_factory=set)  # judgment areas it speaks of
    pillars: set[str] = field(default_factory=set)
    grades: list[str] = field(default_factory=list)  # grades it names
    fire: bool = False  # it speaks of fire and rescue
    inspection: str = ""  # an inspection it names: legitimacy, efficiency …
    titles: list[str] = field(default_factory=list)  # reports it names by their title ("Fields apart")
    kind_named: str = ""  # a kind of inspection it names, with no organisation ("the fire inspection")
    subject: str = ""  # what the report it names is about, in its title's words ("domestic abuse bail")
    reports: list[Report] = field(default_factory=list)  # the reports in scope, newest first (all: as given)
    latest_only: bool = False  # an organisation named without a year: its most recent report
    declined: str | None = None  # why no report can answer it
    # its year's figures are sought in a later report (the next year's, else one of its own): an answer states the year
    next_year: bool = False
    # a grade of a year no indexed report is from, sought in a later report's table of both inspections' grades
    graded_before: bool = False
    # an inspection named by its year, whose report is not indexed, sought in what later reports say of it
    recalled: bool = False

    @property
    def names_reports(self) -> bool:
        """Does it name the reports it asks of (by organisation, title, kind of inspection or subject)?"""
        return bool(self.organisations or self.titles or self.kind_named or self.subject)

    @property
    def filters(self) -> dict:
        """Search filters that keep retrieval to the reports in scope."""
        return {"report": [r.id for r in self.reports]} if self.names_reports and self.reports else {}


# ------------------------------------------------------------------ organisations

@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, str]]:
    """Lower-case name or short form → (organisation, "police" | "fire"), real ones."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, str]] = {}
    for kind in ("fire", "police"):  # police last: a bare place name means the force
        for name, aliases in data[kind].items():
            for alias in [name, *aliases]:
                out[alias.lower()] = (name, kind)
    return out


_FIRE_SERVICE_NAME_RE = re.compile(r"^(.*?)\s+Fire (?:and|&) Rescue(?: Service| Authority)?$")


def fire_place(name: str) -> str:
    """The place a fire and rescue service is named after ("Selbury" of "Selbury Fire and Rescue Service"), or ""."""
    m = _FIRE_SERVICE_NAME_RE.match(name)
    return m.group(1) if m else ""


def aliases(name: str) -> list[str]:
    """Short forms of an organisation's name: "Northshire Constabulary" →
    "Northshire"; "Fenmoor Fire and Rescue Service" → "Fenmoor fire",
    "Fenmoor FRS", "Fenmoor Fire and Rescue"."""
    out = [name]
    # a name is matched by its words: anything else in it (markup, notes) is left out
    name = " ".join(re.findall(r"[\w’'&.-]+", re.sub(r"<[^>]*>?", " ", name)))
    if name != out[0]:
        out.append(name)
    m = re.match(r"^(.*?)\s+(Police Service|Police|Constabulary)$", name)
    if m:
        place = m.group(1)
        out += [place, f"{place} police", f"{place} constabulary"]
    place = fire_place(name)
    if place:
        out += [f"{place} fire", f"{place} FRS", f"{place} Fire and Rescue", f"{place} fire service"]
    return out


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, list[str]]:
    """Organisation → the short forms people use for it ("West Mids", "the Met"), from the real names' table."""
    out: dict[str, list[str]] = {}
    for alias, (name, _) in _known().items():
        out.setdefault(name, []).append(alias)
    return out


def every_form(name: str) -> list[str]:
    """Every way a question may name an organisation in words: its own short forms and those people use
    ("West Mids"); not an acronym, which also names its programmes ("WMP 2020")."""
    return aliases(name) + [a for a in _short_forms().get(name, []) if a != name.lower() and " " in a]


@dataclass(frozen=True)
class Names:
    """Every name and short form a question may use for an organisation:
    the real ones and the indexed ones (which win), by their first word so
    a question is matched word by word rather than name by name. Built once
    per state of the index (``known_names``): at 100,000 passages there are
    thousands of short forms, and trying each as a pattern cost more than
    the rest of answering."""
    table: dict[str, tuple[str, str]]  # lower-case name or short form → (organisation, kind)
    indexed: dict[str, tuple[str, str]]  # the same, for indexed organisations only
    by_first: dict[str, tuple[str, ...]]  # first word → its names, longest first
    indexed_names: frozenset[str]
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a title's own name (lower case) → report ids
    # organisation → positions of its reports in the list the names were built from (of ``reports`` reports)
    positions: dict[str, tuple[int, ...]] = field(default_factory=dict)
    reports: int = 0
    # the indexed reports' own names for the areas they grade, as one pattern ("risk assessment and referral")
    areas: re.Pattern | None = None

    def covering(self, reports: list[Report], organisations: set[str]) -> list[Report]:
        """The reports on any of these organisations, in the list's order;
        looked up, not scanned, when ``reports`` is the list these names
        came from (2,000 reports took half a millisecond a question)."""
        if len(reports) != self.reports:
            return [r for r in reports if not organisations.isdisjoint(r.organisations or [r.force])]
        found = sorted({i for o in organisations for i in self.positions.get(o, ())})
        return [reports[i] for i in found]


def title_name(title: str) -> str:
    """The name a report's title gives it before its colon ("Fields apart" in
    "Fields apart: An inspection of the police response to rural crime"), if
    it has one of two or more words and no year: what a reader calls a
    thematic report by. "PEEL: …" and "PEEL 2021/22: …" name a programme."""
    lead, colon, _ = title.partition(":")
    lead = " ".join(lead.split())
    return lead if colon and len(re.findall(r"[A-Za-z]+", lead)) >= 2 and not re.search(r"\d", lead) else ""


_FIRST_WORD = re.compile(r"\w+")
_START = re.compile(r"(?<![\w-])\w")


def known_names(reports: list[Report]) -> Names:
    indexed: dict[str, tuple[str, str]] = {}
    for r in reports:
        for name in r.organisations or ([r.force] if r.force else []):
            kind = "fire" if "fire" in name.lower() else "police"
            # a service's bare place ("the Dunmere inspection") names it too, when no force of that place is
            # indexed: a bare place shared by a force and a service means the force
            place = [name.split()[0]] if kind == "fire" else []
            for alias in aliases(name) + place:
                key = alias.lower()
                if key not in indexed or kind == "police":
                    indexed[key] = (name, kind)
    table = {**_known(), **indexed}
    by_first: dict[str, list[str]] = {}
    for alias in table:
        m = _FIRST_WORD.match(alias)
        if m:  # a name starts with a word; "(?<![\w-])" below is its left edge
            by_first.setdefault(m.group(), []).append(alias)
    titles: dict[str, list[str]] = {}
    positions: dict[str, list[int]] = {}
    for i, r in enumerate(reports):
        name = title_name(r.title)
        if name and name.lower() not in table:  # "Eastmoor Police: revisit of …" is named by its force, not a title
            titles.setdefault(name.lower(), []).append(r.id)
        for o in set(r.organisations or [r.force]):
            positions.setdefault(o, []).append(i)
    areas = sorted({c.removeprefix("area:") for r in reports for j in r.judgments if (c := area_concept(j.area))},
                   key=len, reverse=True)
    return Names(table, indexed, {w: tuple(sorted(a, key=len, reverse=True)) for w, a in by_first.items()},
                 frozenset(n for n, _ in indexed.values()), {t: tuple(ids) for t, ids in titles.items()},
                 {o: tuple(i) for o, i in positions.items()}, len(reports),
                 re.compile(r"(?<!\w)(" + "|".join(map(re.escape, areas)) + r")(?!\w)", re.I) if areas else None)


def area_key(area: str) -> str:
    """A judgment area as a question may name it, lower case, or "" for
    one no question names word for word (the overall grade, a PEEL
    question such as "How effective is the force at …?") or that the
    pillars already stand for ("Efficiency")."""
    area = area.strip().lower()
    return "" if area == "overall" or area in PILLARS or area.endswith("?") or len(area) > 80 else area


def area_concept(area: str) -> str:
    """"area:<name>" for a judgment area only its own name describes
    ("Partnership working"; not "Investigating crime", which a concept
    stands for), else ""."""
    key = area_key(area)
    return "area:" + key if key and not concepts_of(key) else ""


def named_areas(text: str, known: Names) -> set[str]:
    """The judgment areas of indexed reports a question names in their own
    words, as concepts ("area:risk assessment and referral"), for areas no
    concept describes: a family of reports whose areas are new to the rules
    is still asked about by name."""
    return {"area:" + m.group(1).lower() for m in known.areas.finditer(text)} if known.areas else set()


def titles_named(text: str, known: Names) -> list[str]:
    """The report titles' own names a question uses, whole words, any case."""
    low = text.lower()
    return [t for t in known.titles if t in low and re.search(rf"(?<!\w){re.escape(t)}(?!\w)", low)]


def _find(text: str, known: Names) -> list[tuple[int, int, str, str]]:
    """(start, end, organisation, kind) of each mention, longest first, no
    overlaps; a mention starts and ends at a word's edge (a hyphen counts
    as part of a word: "Kent-based" is not Kent)."""
    low = text.lower()
    hits = []
    for m in _START.finditer(low):
        start = m.start()
        word = _FIRST_WORD.match(low, start).group()
        for alias in known.by_first.get(word, ()):
            end = start + len(alias)
            if low.startswith(alias, start) and (end == len(low) or not (low[end].isalnum() or low[end] in "_-")):
                hits.append((start, end, *known.table[alias]))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, str, str]] = []
    for h in hits:
        if all(h[1] <= t[0] or h[0] >= t[1] for t in taken):
            taken.append(h)
    return sorted(taken)


def named_organisations(text: str, known: Names) -> list[tuple[int, int, str]]:
    """(start, end, organisation) of each indexed organisation the text names."""
    return [(a, b, name) for a, b, name, _ in _find(text, known) if name in known.indexed_names]


# A name shaped like an organisation's ("Northshire Constabulary", "Wessex Fire and Rescue Service") that is
# neither indexed nor a real one is still a name: a question about it is about something no report covers.
_NAME_WORD = r"(?!(?:The|A|An|In|Is|Was|Did|Does|Has|How|What|Which|Who|When|Why|Where|Are|Were|Do|Have|Had|Can|"\
             r"Could|Would|Should|Will|According|Per|For|From|By|And|Or|Of|At|On|To|HMIC|HMICFRS|PEEL|National)\b)[A-Z][\w'’-]+"
# (not a body of the police service named like one: "the National Police Chiefs' Council", "the Police Federation")
_ORGANISATION_LIKE = re.compile(rf"\b((?:{_NAME_WORD} ){{1,3}}(?:Constabulary|Police Service|Police|"
                                r"Fire and Rescue Service|Fire & Rescue Service|Fire and Rescue))\b"
                                r"(?!\s+(?:Chiefs|Federation|Act)\b)")


def organisations(text: str, reports: list[Report], known: Names | None = None) -> tuple[list[str], list[str]]:
    """(indexed organisations named, organisations named that no report
    covers). ``known``: ``known_names(reports)``, when the caller keeps it."""
    known = known or known_names(reports)
    fire = bool(_FIRE_WORDS.search(text))
    found, unknown = [], []
    mentions = _find(text, known)
    for m in _ORGANISATION_LIKE.finditer(text):
        if all(m.end() <= a or m.start() >= b for a, b, _, _ in mentions):
            unknown.append(m.group(1))  # "Northshire Constabulary", indexed nowhere and no real force either
    for start, end, name, kind in mentions:
        if kind == "police" and fire:  # "Fenmoor's fire service": the service, when there is one
            service = next((n for n, k in known.indexed.values() if k == "fire" and n.lower().startswith(
                name.lower().split()[0])), None)
            name = service or name
        if name in known.indexed_names:
            found.append(name)
        elif text[start:end][:1].isupper() or len(text[start:end].split()) > 1:
            unknown.append(name)  # real, named, not indexed ("kent" in lower case may be a word)
    return list(dict.fromkeys(found)), list(dict.fromkeys(unknown))


# ------------------------------------------------------------------ years and reports

# "in 2021", "during 2023": the year of what is counted, not of the report ("in its 2016 inspection");
# what follows a year that names an inspection ("its 2018/19 PEEL report"), not a year of the data
NOT_DATA = r"\s+(?:[\w’'-]+\s+){0,2}(?:inspection|report|assessment|PEEL|thematic)s?\b"
_DATA_YEAR_RE = re.compile(rf"\b(?:in|during)\s+(?:(?:\d{{1,2}}\s+)?{MONTHS}\s+)?((?:19|20)\d\d)\b(?!\s*[/–-])(?!"
                           + NOT_DATA + ")", re.I)  # "in 2015", "in February 2023"


_DATA_SPAN_RE = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d)[/–-]\d\d\b(?!" + NOT_DATA + ")", re.I)


TYPED_KINDS = ("number", "date", "frequency")  # answered only by a sentence holding what is asked for


# "the population at mid-2015": the national statistics' mid-year estimate, which reports published a year or more
# later use
_MID_YEAR_RE = re.compile(r"\bmid-?\s?((?:19|20)\d\d)\b", re.I)
# a year a thing of the organisation's own is named by, after a possessive: "the registrar's 2017 audits", "its 2019
# budget" (not "its 2017 inspection", "its 2016 crime data integrity inspection", which name a report, nor "HMIC's 2016
# recommendation", a report's finding)
_THING_YEAR_RE = re.compile(r"(?<!\bhmic)(?<!\bhmicfrs)(?<!\binspectorate)(?:[’']s|\bits|\btheir)\s+"
                            r"((?:19|20)\d\d)\s+"
                            r"(?!(?:[\w’'-]+\s+){0,4}?(?:inspection|report|assessment|PEEL|thematic|effectiveness|"
                            r"efficiency|legitimacy|round|cycle|recommendation|judgment|grade|cause|area|finding)s?\b)"
                            r"[a-z]|"
                            # "the 2018 audit", "the 2019 staff survey": a count or a survey of a year, which a later
                            # report may give again beside its own ("2018 audit  2021/22 audit")
                            r"\bthe\s+((?:19|20)\d\d)\s+(?=(?:[a-z-]+\s+){0,2}?(?:audit|survey|census)s?\b)", re.I)


# a month that starts something: "from September 2022", "since October 2022"
_FROM_MONTH_RE = re.compile(rf"\b(?i:from|since|starting(?:\s+in)?)\s+(?:\d{{1,2}}\s+)?{MONTHS}\s+((?:19|20)\d\d)\b")
# the date a stock is counted at: "at 31 March 2017", "as at March 2019"
AT_DATE_RE = re.compile(rf"\b(?:at|as at)\s+(?:\d{{1,2}}\s+)?{MONTHS}\s+((?:19|20)\d\d)\b", re.I)


def data_years(text: str) -> set[int]:
    """The years of what a question counts ("incidents in 2015", "the
    population at mid-2015"), not of a report."""
    return {int(y) for rx in (_DATA_YEAR_RE, _MID_YEAR_RE) for y in rx.findall(text)}


def figure_years(text: str) -> set[int]:
    """The years of what a question counts, financial years ("in 2024/25") too: asked where no report is of that
    year, a later report's figures for it."""
    return data_years(text) | {y for m in _DATA_SPAN_RE.finditer(text) for y in (int(m.group(1)), int(m.group(1)) + 1)}


def thing_years(text: str) -> set[int]:
    """The years a question names a thing of the organisation's by ("the registrar's 2017 audits"), not a report."""
    return {int(a or b) for a, b in _THING_YEAR_RE.findall(text)}


def years(text: str) -> list[int]:
    out = []
    for m in _CYCLE_RE.finditer(text):
        first = int(m.group(1))
        last = int((m.group(2) or "20") + m.group(3))
        out += list(range(first, max(first, last) + 1))
    for m in _SHORT_CYCLE_RE.finditer(text):
        first, last = 2000 + int(m.group(1)), 2000 + int(m.group(2))
        out += list(range(first, last + 1))
    out += [int(y) for y in _YEAR_RE.findall(_CYCLE_RE.sub(" ", text))]
    # "in the year to 30 September 2023": figures to a date are published in that year or the next
    out += [int(y) + 1 for y in PERIOD_YEAR_RE.findall(text)]
    return sorted(set(out))


def report_years(r: Report) -> frozenset[int]:
    """Years a report answers to: its year, its cycle's years, its publication year."""
    return _years_of(r.year, r.inspection_year, r.published)


def inspection_years(r: Report) -> frozenset[int]:
    """Years a report's inspection took place in: its year and its cycle's, not its publication's (the 2015
    West Midlands report, published in February 2016, inspected nothing in 2016)."""
    return _years_of(r.year, r.inspection_year, "")


def of_years(reports: list[Report], wanted) -> list[Report]:
    """The reports that answer to any of these years, in order."""
    wanted = set(wanted)
    return [r for r in reports if not wanted.isdisjoint(report_years(r))]


@lru_cache(maxsize=65_536)  # questions naming a year test every report: the same few values, over and over
def _years_of(year: int | None, inspection_year: str, published: str) -> frozenset[int]:
    out = {year} if year else set()
    if inspection_year:
        out |= set(years(inspection_year))
    m = re.search(r"(?:19|20)\d\d", published or "")
    if m:
        out.add(int(m.group(0)))
    return frozenset(out)


# a fire and rescue service's graded areas by the names its own staff and reports use for the work ("protection",
# "prevention"), read only in a question about fire: a police force's "protection" is of the vulnerable
_FIRE_WORK_RES = {"fire_protect": re.compile(r"\bprotection\b", re.I), "fire_prevent": re.compile(r"\bprevention\b", re.I)}


def concepts_of(text: str) -> set[str]:
    found = {k for k, rx in _CONCEPT_RES.items() if rx.search(text)}
    if _FIRE_WORDS.search(text):
        found |= {k for k, rx in _FIRE_WORK_RES.items() if rx.search(text)}
    if found & {k for k in CONCEPTS if k.startswith("fire_")}:
        found -= {"prevent", "responding", "workforce", "resources"}
    return found


def pillars_of(text: str) -> set[str]:
    return {k for k, rx in _PILLAR_RES.items() if rx.search(text)}


# ------------------------------------------------------------------ kind

_COUNTED = r"(two|three|four|five|six|seven|eight|nine|ten|\d+)"
# a sum of money asked for (a number question, answered only by a sum: answer/typed.py)
MONEY_NOUNS = r"budget|costs?|spending|price|income|savings?|funding|salary|salaries|reserves"
# "What is the population (size, area …) of X?": a measure, answered by the measure with its figure (answer/typed.py)
# a figure's qualifier ("the estimated population", "the projected saving") leaves it a figure
ESTIMATED = r"(?:estimated|approximate|projected|planned|expected|forecast|current|average|annual|total|yearly|overall) "
# "What was the average wait for an examination?", "What was the longest delay?" ask for a length of time, not
# what a wait is (a response time may be printed as "10:52", minutes and seconds: a number)
LENGTH_ASKED = (r"^\s*what (?:is|was|are|were) (?:the |its |their |[\w'’ -]+?['’]s? )?(?:average|mean|median|typical|"
                r"longest|shortest|maximum|minimum) (?:[\w-]+ ){0,2}?(?:wait|waits|waiting time|delay|delays|stay|stays)\b")
LENGTH_ASKED_RE = re.compile(LENGTH_ASKED, re.I)
MEASURE_ASKED_RE = re.compile(rf"^\s*what (?:is|was|are|were) (?:(?:the|its|their) (?:{ESTIMATED})?(population|size|number|"
                              r"total|area|value|length|height|weight|volume|count)s? of\b|"
                              # "What was Brackenshire's population at mid-2017?", "What is the force's population?",
                              # "What is Brackenshire's area?"
                              rf"(?:the )?[\w'’ -]+?['’]s? (?:{ESTIMATED})?(population|area|size)\b"
                              r"(?!\s+(?:of|per|for|like)\b))", re.I)
# "better at A or at B?": two areas set against each other (a comparison, not a yes/no; answer/judgments.py answers it
# from one report's judgments, or declines)
_AREAS_ALTERNATIVE = r"(?:better|worse|stronger|weaker) (?:at|for)\b.*\bor\b"  # "better for A or for B" too
AREAS_ALTERNATIVE_RE = re.compile(rf"\b{_AREAS_ALTERNATIVE}", re.I)
# what "which …?" calls the organisations it asks for
ORGANISATION_NOUNS = r"forces?|police forces?|services?|fire (?:and rescue )?services?|organisations?"
# "What is the problem with its custody data?" asks for a failing, in the report's words ("some of it is unreliable"),
# not what a problem is (answer/: a cue, and a rule on the answer)
PROBLEM_ASKED = (r"(?:is|was|are|were) the (?:main |biggest |key )?(?:problems?|issues?|weakness(?:es)?|failings?|"
                 r"shortcomings?|faults?|trouble) (?:with|in)")
# "What should the force do about …?", "What must it change …?" ask for advice (answer/checks.py: only advice answers)
ADVICE_ASKED = r"what (?:should|must|ought|needs? to|has to|have to)\b"
# "What did the inspectorate make of …?", "How did Fenmoor fire score on …?", "How did inspectors rate …?" ask
# for a judgment (answer/ too); a rate the inspectors did not give ("How does its detection rate …?") does not
JUDGMENT_ASKED = (r"what did (?:the )?(?:inspectorate|inspectors|hmic(?:frs)?) (?:make|think) of|"
                  r"how (?:did|does|do) .+ (?:score|fare)|"
                  r"how (?:did|do|does) (?:the )?(?:inspectorate|inspectors|hmic(?:frs)?) (?:rate|grade|judge)\b")
# "Is Brackenshire Police efficient?", "Was Eastmoor legitimate in 2017?": a pillar's grade, asked as yes or no
PILLAR_ASKED = (r"^\s*(?:is|was|are|were)\s+(?:[\w'’&-]+\s+){1,5}?(?:an?\s+)?(?:effective|efficient|legitimate)"
                 r"(?:\s+(?:force|service|constabulary))?(?:\s+(?:in|during)\s+(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?)?"
                 r"(?=\s*\??\s*$)")
# what a "which/what <noun> does …" question may ask for that is a figure, a date or a person, not a thing
_NOT_A_THING = (r"(?:numbers?|percentages?|proportions?|shares?|rates?|levels?|amounts?|years?|dates?|months?|days?|"
                r"times?|periods?|body|bodies|organisations?|agenc(?:y|ies)|teams?|units?|officers?|partners?|"
                r"people|persons?|grades?|ratings?)")
_KIND_RULES = [
    # "Since when has it graded …?", "By when must it improve …?" ask a date, whatever they ask about
    ("date", r"^\s*(?:since|from|until|till|by) when\b"),
    # "Why did the number of crimes rise?", "Why was it graded inadequate?" ask a reason, whatever they ask about
    # (a comparison's reason is read by the comparison's words: "Why are more … available than in 2021?")
    ("sentence", r"^\s*why\b(?![^?]*\bthan\b)"),
    ("sentence", rf"^\s*what {PROBLEM_ASKED}\b"),
    # "What does HMIC do when a force is inadequate?", "What happens to a force rated inadequate?": what is done,
    # not a grade nor which forces have it
    # ("What does the counter-corruption unit do?" asks what it is for: a definition)
    ("sentence", r"^\s*what\s+(?:happens|happened|(?:does|do|did|will|would|should|must)\s+(?:[\w’'-]+\s+){1,4}?do\s+"
                 r"(?:when|if|after|once|whenever|where))\b(?![^?]*\b(?:how many|how much)\b)"),
    # "What must the force change about …?" asks what should be done, not how something changed
    ("sentence", rf"^\s*{ADVICE_ASKED}[^?]*?\bchange\b"),
    # "What are the six national threats?" wants the six, not what a threat is
    ("enumeration", rf"^\s*(what|which) (are|were) the (\w+ ){{0,2}}{_COUNTED} "),
    # "Which five forces did it inspect?" likewise wants the five
    ("enumeration", rf"^\s*(what|which) {_COUNTED} [a-z]"),
    # "What grade did … get for making best use of resources?" asks for a grade, whatever words follow
    ("grade", r"^\s*(what|which) (grades?|ratings?|judg(e)?ments?)\b"),
    # "What are the grades on the five-tier scale?", "What are the possible grades?" ask for the grades, not what a
    # grade is
    ("grade", r"^\s*what (?:are|were) (?:the |its |their )?(?:possible |different |available |\w+-tier )?"
              r"(?:grades|ratings|judg(?:e)?ments)\b"),
    # "What is Fenmoor Constabulary's overall grade?" likewise, not what a grade is
    ("grade", r"^\s*what(?: is|'s|’s| was| were| are)\b[^?]*['’]s?\s+(\w+\s+){0,2}(grades?|ratings?|judg(e)?ments?)\s*\??\s*$"),
    # "What was the average wait for an examination?": a length of time, as "how long …?" asks
    ("date", LENGTH_ASKED),
    # "What is the cost of the scheme?", "What was the hub's budget?" ask for an amount, not what a cost is
    ("number", rf"^\s*what (is|was|are|were) (the |its |their |[\w'’ -]+?['’]s? )?({ESTIMATED})?"
               rf"(spend|{MONEY_NOUNS})\b|"
               # "What is the force's find rate?": a figure, not what a find rate is
               r"^\s*what (is|was) (the |its |their |[\w'’ -]+?['’]s? )(?:[\w-]+ ){0,4}rates?\b|"
               # "What is the population of Brackenshire?": a measure of something, not a definition
               + MEASURE_ASKED_RE.pattern),
    # "What are the recommendations in Holmbridge's report?" asks for its findings, not what a recommendation is
    ("list", r"^\s*what (are|were) (the |its |their |[\w'’ -]+?['’]s? )(main |key |\w+ )?(recommendations|"
             r"causes of concern|areas for improvement)\b|"
             # (one asked for: "What is the cause of concern in the Tollbridge report?", not what a cause of concern is)
             r"^\s*what (is|was) (the |its |their |[\w'’ -]+?['’]s? )(main |key )?(recommendation|cause of concern|"
             r"area for improvement)\b"),
    # "What is Dunmere's net budget?" asks a sum, not what a budget is
    ("number", rf"^\s*what(?: is| was| are| were) [\w\s&-]{{0,40}}['’]s\s+(?:[\w-]+\s+){{0,2}}(?:{MONEY_NOUNS})"
               r"(?:\s+(?:for|in)\s+(?:the\s+year\s+)?[\d/–-]{4,9})?\s*\??\s*$"),  # "… budget for 2022/23?"
    # "What were its usable reserves forecast to be at 31 March 2020?", "What was its recording accuracy for
    # violent crime?" ask a figure
    ("number", r"^\s*what (?:is|was|are|were) [^?]*\b(?:forecast|expected|estimated|projected|predicted|planned) to "
               r"(?:be|reach|fall|rise|total)\b|^\s*what (?:is|was) [\w\s'’&-]*['’]s? (?:[\w-]+ ){0,3}?accuracy\b"),
    # "What is Fenmoor fire good at?" asks what it does well, not what it is
    ("list",     r"^\s*what(?: is|'s|’s| are| was| were) [\w\s'’&-]{1,40}\b(?:good|bad|poor|better|worse|best|worst|"
                 r"strong|weak|outstanding|inadequate)\s+at(?:\s+(?:in|during|by)\s+[^?]{1,40})?\s*\??\s*$"),
    # "What is the HM Inspector most concerned about?", "What is the force responsible for?" ask for what the
    # predicate is about, not what its subject is
    ("sentence", r"^\s*what(?: is|'s|’s| are| was| were) [\w\s'’&-]{1,40}\b(?:[a-z]+ed|afraid|aware|keen|unsure|"
                 r"proud|responsible|known|critical|anxious)\s+"
                 r"(?:about|of|with|for|by|on|at)\s*\??\s*$"),
    # ("What does the Crime Recording Centre do in Tollbridge?": the place only scopes it)
    ("definition", r"\bwhat (does|do) .+ (stand for|mean)\b|^\s*what (does|do) (an? |the )?[\w\s'’&-]{1,50} do"
                   r"(?:\s+(?:in|at|for)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*)?\s*\??\s*$|"
                   r"^\s*what(?: is|'s|’s| are) (a |an |the )?[\w\s'’&-]{1,40}\??\s*$|"
                   r"\b(define|definition of|meaning of)\b|^\s*what (?:counts|is counted|are counted) as\b|"
                   r"^\s*what(?: is|'s|’s| are) (a |an |the )?[\w'’&-]+s?\s*[,(]"),
    # "How much does it still have to save?" asks what remains, not whether something is still so
    ("number", r"^\s*how (many|much)\b[^?]*\b(still|yet)\b"),
    # "What does disproportionality compare?" asks what a measure is made of, not how two things compare; "What does
    # the table compare the service with?" what it is set beside (a "with" ending the question)
    ("sentence", r"^\s*what (?:does|do|did) (?:[\w'’&/.–-]+\s+){1,10}(?:compare|measure)\b"
                 r"(?![^?]*\b(?:with|to|against)\b(?!\s*\??\s*$))"),
    # "What should Wealdmarsh improve about releasing detainees?" asks for advice, not for a change
    ("sentence", r"^\s*(?:what|how) (?:should|must)\b[^?]*\bimprove\b|^\s*what (?:does|do)\b[^?]*\bneeds? to improve\b"),
    # "By how much did its officer numbers rise between 2017 and 2022?" asks the amount of the change, a figure
    ("number", r"^\s*by how much\b"),
    # "How much did it save between 2010/11 and 2015/16?": a sum over the period, not a comparison of its ends
    ("number", r"^\s*how (?:much|many)\b[^?]*\b(?:save|saved|spend|spent|recruit|recruited|cut|lose|lost)\b[^?]*"
               r"\bbetween\b"),
    # "How many custody records did inspectors compare with footage?", "How many places were closed or changed their
    # practices?" count what was compared or changed
    # (not a count compared across years: "How many plans did it have in 2016 compared with 2021/22?")
    ("number", r"^\s*how many\b[^?]*\b(?:compared?|changed?)\b(?![^?]*\b(?:than|since|between|from)\b)"
               r"(?!\s+(?:with|to)\s+(?:(?:19|20)\d\d|its|their|the previous|the last|last)\b)"),
    # "… available more often than in 2021" compares with then: it does not ask for a 2021 report
    ("comparison", r"\b((?<!\bto )improve[ds]?|got (any )?better|get (any )?better|better than|worse|than (it|they) (was|were)|"
                   r"than (?:(?:it|they|there) (?:was|were|had|did) )?in (19|20)\d\d|"
                   rf"go up or down|(?<!\bits )(?<!\bthe )(?<!\btheir )(?<!\bthese )(?<!['’]s )changed?|compare[ds]?|vs\.?|versus|{_AREAS_ALTERNATIVE}|"
                   r"still|since (its|the|our|hmic)|between (20\d\d|its|the)\b.*\band|"
                   r"between (its|their|the) (two|last two) (inspections|reports)|"
                   r"(grades?|ratings?)\b.*\b(fall|fell|drop\w*|slip\w*|declin\w*|rise|rose|go (up|down)|went (up|down)))\b"),
    ("list", rf"^\s*(which|what)(?: of the)? ({ORGANISATION_NOUNS}|reports?|"
             r"inspections?|recommendations?|areas|causes)\b|\blist (the|all)\b|\bname the\b|"
             r"^\s*in which (forces?|reports?)"),
    # (a plural asked, or none: "What tools are officers using?", "What did it use?"; not "What model are call
    # handlers meant to use?", which asks for one)
    ("enumeration", r"^\s*(what|which) (?:(?:\w+ ){0,2}\w+s )?(are|were|did)\b.*\b(using|use|include|includes)\b|"
                    # "What offences does wildlife crime include?" (not "Which estimates does the report use?", one)
                    r"^\s*(what|which) (?:(?:\w+ ){0,2}\w+s )?(does|do)\b.*\binclude\s*\??\s*$"),
    # "What kinds of offending are the courses aimed at?" wants the kinds, listed
    ("enumeration", r"^\s*(what|which) (kinds|types|sorts|forms|categories) of\b"),
    # "How many grades does HMICFRS use?", "How many judgments for each pillar?": a count of the grading itself
    # (not "How many areas was Dunmere graded adequate in?", which asks which areas have a grade)
    # ("In how many areas was it given a graded judgment?" asks the same count)
    ("number", r"^\s*(?:(?:in|for|across|on)\s+)?how many "
               r"(?:grades|judg(?:e)?ments|categories|ratings|pillars|areas|questions|topics|themes)\b"
               r"(?![^?]*\b(?:graded|rated|judged|given)\s+(?:as\s+)?(?:outstanding|good|adequate|requires|inadequate)\b)"),
    # "When was its treating the public fairly grade given?" asks when a grade was given (a later report may carry
    # one over from an earlier inspection): a date, not the grade
    ("date", r"^\s*(?:when|in what year|in which year)\b[^?]*\b(?:grade|judgment|rating)s?\b[^?]{0,60}?\b(?:given|made|"
             r"awarded|set)\b"),
    # "What should Brackenshire do about how call handlers grade calls …?" asks for advice; grading calls or
    # incidents (their priority) is no judgment of a force
    ("sentence", r"^\s*(?:what|how) (?:should|must)\b|\bgrad(?:e|es|ed|ing)\s+(?:the\s+|its\s+|their\s+)?"
                 r"(?:calls?|incidents?)\b"),
    # "Where are the definitions of the PEEL grades?" asks where something is said: a sentence (not "Where was it
    # graded inadequate?", which asks a grade's area)
    ("sentence", r"^\s*where\b(?![^?]*\b(?:graded|rated|judged|(?:worst|best|lowest|highest|top|poorest)\s+"
                 r"(?:grade|rating|judg(?:e)?ment)s?)\b)"),
    ("grade", r"\b(grade[ds]?|graded|judg(e)?ments?|judged|rated|rating|how good|how well (.* )?(do|does|did|is|was)\b|"
              r"how (effective|efficient|legitimate)|how (did|does|do|is|was) .+ do(ing)? (on|at|in|for)|"
              rf"{JUDGMENT_ASKED}|{PILLAR_ASKED}|"
              r"outstanding|inadequate|requires? improvement|adequate)\b"),
    ("yesno", r"^\s*(is|are|was|were|did|does|do|has|have|had|can|could|will)\b"),
    ("frequency", r"\bhow often\b"),
    # "Which population estimates do its rates per 1,000 people use?" asks which estimates: a measure named
    # after the verb is not what is asked
    ("sentence", rf"^\s*(which|what) (?:(?!{_NOT_A_THING}\b)[a-z][\w'’-]* ){{1,3}}(do|does|did)\b"
                 r"(?![^?]*\b(how many|how much)\b)"),
    # "What has reduced the number of people detained …?", "What drove the rise in its rate?" ask for a cause, not a
    # figure
    ("sentence", r"^\s*what\s+(?:(?:has|have|had)\s+)?(?:reduced|increased|cut|lowered|raised|drove|driven|caused|"
                 r"led to|contributed to|explains?|explained)\b"),
    # "How are crime rates reported?", "How is the rate measured?" ask how it is done, not the figure
    # "How does the force decide what level of investigator a crime gets?" asks how it decides, not a level
    ("sentence", r"^\s*how\s+(?:does|do|did|is|are|was|were)\s+[^?]*?\b(?:decides?|decided|chooses?|chose|determines?|"
                 r"determined|works? out|judges?|judged)\s+(?:what|which|how|whether|who|when)\b"),
    ("sentence", r"^\s*how\s+(?:is|are|was|were)\s+[^?]*?\b(?:measured|reported|calculated|counted|estimated|"
                 r"defined|worked out|compiled|collected|expressed|shown|presented)\b"),
    ("number", r"\b(how many|how much|how (big|large|small|high|low|far|wide)\b|"
               r"what (number|percentage|proportion|share|rate|level|amount)|what per ?cent|"
               r"by how much|rates?\b|percentage|proportion|number of|"
               r"(?-i:per (?!cent\b)[a-z]+)(?=\s*\??\s*$))\b"),  # "… offenders per manager?" ends on a ratio
    # "when" asks a date when it opens a question or a clause; "What happens when officers …?" asks what happens
    ("date", r"(?:^\s*|[,;:]\s*|\b(?:and|or|but|so|since|until|till|by|from)\s+)when\b|"
             r"\b((what|which) (year|date|month|period|time)|how long|how soon|how quickly|how fast)\b"),
    # "who" asks a question when it opens one (or a clause, or follows a preposition): "each child who keeps
    # going missing" is a relative clause
    ("who", r"(?:^\s*|[,;:]\s*|\b(?:and|or|by|to|with|for|from|of)\s+)(?:who|whom)\b|"
            r"\bwhich (body|organisation|organization|agency|team|unit|officer|partner)s?\b"),
]
_KIND_RES = [(k, re.compile(p, re.I)) for k, p in _KIND_RULES]
_POLAR_RE = re.compile(dict(_KIND_RULES)["yesno"], re.I)


_SCOPE_LEAD = re.compile(r"^\s*(in|according to|per|from|for)\s+[^,?]{3,90},\s*(?=\w)", re.I)
_SCOPE_TAIL = re.compile(r"(?<=\w),?\s*\b(according to|as (mentioned|explained|described|used|set out) in|per|in|from)\s+"
                         r"(hmic|hmicfrs|the|its|his|her)\b[^?]*(?=\?|$)|\s*\([^)]*\)|"
                         # (a tail: "In what year was its previous inspection?" is the whole question)
                         r"(?<=\w),?\s*\b(in|from|according to)\s+[^?,]{0,80}\b(report|inspection)s?(?=\s*\?|\s*$)|"
                         # "What is Project Keystone in Harrowmere Constabulary?": the organisation scopes it
                         rf",?\s*\b(in|at|for|of|by)\s+(the\s+)?(?-i:{_ORGANISATION_LIKE.pattern})(?=\s*\?|\s*$)", re.I)


def core_of(text: str) -> str:
    """The question itself, without a "Harrowmere 2016:" lead or an
    "according to HMIC's 2015 report" tail that only scope it."""
    core = re.sub(r"^[^:?]{0,60}:\s+(?=\w)", "", text.strip())
    core = _SCOPE_TAIL.sub("", _SCOPE_LEAD.sub("", core))
    return core.strip() or text


def kind_of(text: str) -> str:
    core = _UNRESOLVED_RE.sub("unresolved", core_of(text))
    for kind, rx in _KIND_RES:
        if rx.search(core):
            return kind
    return "sentence"


# ------------------------------------------------------------------ understanding

# a kind of inspection named as such ("the fire inspection", "the custody report", "PEEL inspections", "our last
# crime data integrity inspection"): group 1 its kind
INSPECTION_KIND_RE = re.compile(r"\b(effectiveness|efficiency|legitimacy|leadership|custody|crime data integrity|"
                                r"child protection|fire|thematic|joint|rural crime|peel)\s+(?:and rescue\s+)?(?:service\s+)?"
                                r"(?:inspections?|reports?)\b", re.I)
# (of those, the kinds that scope a question naming no organisation: a pillar's name says what is asked about)
_SCOPING_KINDS = frozenset({"custody", "crime data integrity", "child protection", "fire", "thematic", "joint",
                            "rural crime", "peel"})
# a report named by what it is about: "the joint inspection of domestic abuse bail", "HMICFRS's report on rural
# crime" (the words after it), "the domestic abuse bail inspection" (the words before it)
_SUBJECT_AFTER_RE = re.compile(r"\b(?:the|its|their|this|that|(?-i:[A-Z][\w&]*)[’']s)\s+(?:[\w/–-]+\s+){0,2}?"
                               r"(?:inspection|report|review|thematic)\s+(?:of|on|into|about)\s+([^?,;:()]{3,80})", re.I)
_SUBJECT_BEFORE_RE = re.compile(r"\b(?:the|its|their|this|that)\s+((?:[\w’'/-]+\s+){2,6}?)"
                                r"(?:inspection|report|thematic)\b", re.I)
# words that name no subject: any organisation's, any report's
_SUBJECT_GENERIC = frozenset(t.text for t in ANALYZER(
    "police force forces service services fire rescue constabulary joint thematic national inspection inspections "
    "report reports review hmic hmicfrs inspectorate latest last recent previous first new", mode="query"))


@lru_cache(maxsize=8192)
def _title_terms(title: str) -> frozenset[str]:
    return frozenset(t.text for t in ANALYZER(title, mode="query"))


def without_subject(text: str, question: "Question") -> str:
    """The question's text for a keyword search of the reports it names by
    their subject: without those words, which the scope already holds (a
    passage on whom the inspectors interviewed need not say "domestic abuse
    bail")."""
    if not question.subject:
        return text
    found = list(re.finditer(rf"(?<!\w){re.escape(question.subject)}(?!\w)", text))
    # the last: "How many rural crimes …, according to the rural crime thematic?" keeps what it asks
    return text[:found[-1].start()] + " " + text[found[-1].end():] if found else text


def subject_named(text: str, scope: list[Report]) -> tuple[list[Report], str]:
    """The reports of ``scope`` a question names by what they are about, and
    those words: the longest run of the words next to "inspection of" (or
    before "inspection") that some titles hold, two words at least ("the
    joint inspection of domestic abuse bail review" → domestic abuse bail).
    ([], "") when it names none, or every report in scope."""
    best, named, subject = 1, [], ""
    for rx, leading in ((_SUBJECT_AFTER_RE, True), (_SUBJECT_BEFORE_RE, False)):
        for m in rx.finditer(text):
            words = [(t.text, (t.startchar, t.endchar)) for t in ANALYZER(m.group(1), mode="query", chars=True)]
            words = [w for w in words if w[0] not in _SUBJECT_GENERIC and not w[0].isdigit()]
            if not leading:
                words.reverse()
            runs: dict[int, list[Report]] = {}
            for r in scope:
                held = _title_terms(r.title)
                n = next((i for i, (t, _) in enumerate(words) if t not in held), len(words))
                if n > best:
                    runs.setdefault(n, []).append(r)
            if runs:
                best = max(runs)
                ends = [span for _, span in words[:best]]
                named = runs[best]
                subject = m.group(1)[min(a for a, _ in ends):max(b for _, b in ends)]
    return (named, subject) if named and len(named) < len(scope) else ([], "")



def _inspection(text: str) -> str:
    m = re.search(r"\b(effectiveness|efficiency|legitimacy|leadership|custody|thematic|fire)\b", text, re.I)
    if m:
        return m.group(1).lower()
    return "revisit" if re.search(r"\brevisit(?:s|ed|ing)?\b", text, re.I) else ""


# a revisit named as a report ("the Eastmoor revisit", "its 2023 revisit", "the revisit letter"), not the inspectorate
# revisiting ("When will the inspectorate next revisit Eastmoor Police?", "did it revisit the force"): a question
# naming the report is declined when none is indexed, one asking of the revisiting is read in any of the
# organisation's reports when none is ("I will return to Holmbridge within a year")
_REVISIT_NAMED_RE = re.compile(r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bdid )(?<!\bdoes )(?<!\bnext )(?<!\bnot )"
                               r"\brevisits?\b(?!\s+(?:the\b|it\b|them\b|(?-i:[A-Z])))", re.I)


def _namesakes(text: str, organisations: list[str], known: Names) -> list[str]:
    """The other indexed organisations of the places the question names
    bare ("Fenmoor" for Fenmoor Constabulary: Fenmoor Fire and Rescue
    Service), when it names them only by place."""
    out = []
    for name in organisations:
        place = name.split()[0]
        if any(re.search(rf"\b{re.escape(form)}\b", text, re.I) for form in aliases(name) if form.lower() != place.lower()):
            return []  # named in full or by a short form of its own ("Fenmoor fire"): that organisation and no other
        out += [n for n in known.indexed_names if n != name and n.split()[0] == place]
    return sorted(set(out))


_THE_FORCE_RE = re.compile(r"\bthe\s+(?:force|constabulary|service)\b(?!\s*['’]?s?\s*(?:of|in)\b)", re.I)


def understand(text: str, reports: list[Report], known: Names | None = None, namesake: bool = False) -> Question | None:
    """What a question asks and of which reports. ``namesake``: read a place
    it names bare as the other organisation of that place ("Fenmoor" as
    Fenmoor Fire and Rescue Service, not Fenmoor Constabulary), or None when
    it names no such place."""
    q = Question(text=text, kind=kind_of(text))
    known = known or known_names(reports)
    q.organisations, q.unknown = organisations(text, reports, known)
    if not q.organisations and not q.unknown and _THE_FORCE_RE.search(text):
        # "Is the force good at protecting vulnerable people?" of an index holding one force's reports is of it
        forces = {r.force for r in reports if r.force}
        if len(forces) == 1:
            q.organisations = sorted(forces)
    if namesake:
        others = _namesakes(text, q.organisations, known)
        if not others:
            return None
        q.organisations = others
    # "plans to save £7.9m by March 2026": a deadline, not a report's year; nor is a plan's name's
    year_text = _YEAR_IN_NAME_RE.sub(lambda m: m.group(1) or m.group(2),
                                     DEADLINE_RE.sub(" ", HORIZON_RE.sub(" ", _FORECAST_RE.sub(" ", text))))
    named = _NAMED_YEAR_RE.match(year_text)
    if named:
        year_text = year_text[:named.start(1)] + year_text[named.end(1):]
    earlier = _EARLIER_RE.search(year_text)
    if earlier:  # "the backlog found in its 2017 legitimacy inspection": asked of the reports after that one
        year_text = year_text[:earlier.start()] + " " + year_text[earlier.end():]
    since = _SINCE_RE.search(year_text)
    if since:  # "since 2016" is not about the 2016 report but what came after it
        q.since = int(since.group(1))
        q.years = years(year_text[:since.start()] + " " + year_text[since.end():])
    else:
        q.years = years(year_text)
    q.concepts = concepts_of(text) | named_areas(text, known)
    q.pillars = pillars_of(text)
    q.grades = grades_named(text)
    if q.kind == "grade" and _POLAR_RE.match(core_of(text)) and (q.grades or not re.match(
            PILLAR_ASKED, core_of(text), re.I)):
        q.kind = "yesno"  # "Is an effectiveness judgment an assessment of …?" asks yes or no; no grade answers it
        # ("Is Brackenshire Police efficient?" is answered by its efficiency grade, as "How efficient …?" is);
        # "Was Eastmoor inadequate at …?" by the grade, with yes or no
    q.fire = bool(_FIRE_WORDS.search(text))
    q.inspection = _inspection(year_text)
    if q.unknown and not q.organisations:
        q.declined = f"No indexed report covers {' or '.join(q.unknown)}."
        return q
    orgs = set(q.organisations)
    scope = known.covering(reports, orgs) if orgs else list(reports)
    q.titles = titles_named(text, known)
    if q.titles:  # "… for Fields apart?": the report of that name
        ids = {i for t in q.titles for i in known.titles[t]}
        scope = [r for r in scope if r.id in ids] or scope
    if not q.titles:
        named, q.subject = subject_named(text, scope)
        scope = named or scope
    if q.years:
        dated = of_years(scope, q.years)
        if not dated and q.organisations:
            # "Fenmoor" in 2021 is the fire service if only its report is from 2021: a bare place names
            # whichever organisation of that place has a report for the year asked
            others = _namesakes(text, q.organisations, known)
            namesake_dated = of_years(known.covering(reports, set(others)), q.years) if others else []
            if namesake_dated:
                q.organisations, scope, dated = others, namesake_dated, namesake_dated
        # (a financial year too, "in 2024/25", when no report is of it: a figure of that year, in a later report)
        counted = figure_years(year_text)
        if not dated and q.organisations and q.kind in TYPED_KINDS and counted and counted >= set(q.years):
            # "incidents in 2015", of a force with no 2015 report: a year's figures are published the next year,
            # and a later report may give them again ("84.2 percent … in our 2018 inspection", in 2021/22)
            later = [r for r in scope if r.year and r.year > max(counted)]
            # (its own, else one on several it names: "How many times did Ottersett move crews in 2024/25?", of a
            # 2026 thematic on five services)
            dated = of_years(scope, {y + 1 for y in counted}) or [r for r in later if r.force] or later
            q.next_year = bool(dated)
        owned = thing_years(year_text)
        if not dated and q.organisations and owned and owned >= set(q.years):
            # "the registrar's 2017 audits" are things of a year, which a report of a later year describes ("In
            # 2017 the team carried out 14 audits", in the 2018 report): the year names no report
            dated = [r for r in scope if r.year and r.year > max(owned) and r.force]
        inspected = {int(y) for y in _PAST_INSPECTION_RE.findall(year_text)}
        if not dated and q.organisations and inspected and inspected >= set(q.years) and q.kind != "grade":
            # "What did HMIC recommend in its 2014 crime inspection?", that inspection's report not indexed: a
            # later report may tell of it in its prose ("In HMIC's 2014 crime inspection, we made a recommendation
            # …"), never in its own grades
            dated = [r for r in scope if r.year and r.year > max(inspected) and r.force]
            q.recalled = bool(dated)
        stocked = {int(y) for y in AT_DATE_RE.findall(year_text)}
        if dated and q.organisations and q.kind in TYPED_KINDS and stocked >= set(q.years):
            # "officers at 31 March 2017": a later report's table may give the figure at that date beside its own
            dated += [r for r in scope if r.year and r.year > max(stocked) and r not in dated]
        happened = {int(y) for y in _FROM_MONTH_RE.findall(year_text)}
        if dated and q.organisations and happened >= set(q.years):
            # "the staff it moved into the unit from September 2022": what began then, which a later report (a
            # revisit's letter) may tell
            dated += [r for r in scope if r.year and r.year > max(happened) and r not in dated]
        if not dated and q.organisations and (q.concepts or q.pillars) and (
                q.kind == "grade" or q.kind == "yesno" and q.grades):
            # "What grade did Fenmoor fire get for effectiveness in 2018/19?", with only its 2021/22 report indexed:
            # a later report may set each grade beside the last inspection's
            dated = [r for r in scope if r.year and r.year > max(q.years)]
            q.graded_before = bool(dated)
        if not dated and q.organisations and q.kind != "comparison":
            have = ", ".join(sorted({r.inspection_year or str(r.year) for r in scope if r.year}))
            q.declined = (f"No indexed report on {' or '.join(q.organisations)} is from "
                          f"{' or '.join(map(str, q.years))} (indexed: {have or 'none'}).")
            return q
        if not dated and not q.organisations and q.kind == "list" and not q.titles:
            # "Which fire and rescue services were inspected in 2023?": no report of that year can say
            q.declined = f"No indexed report is from {' or '.join(map(str, q.years))}."
            return q
        if dated:
            scope = dated
    if q.since and q.organisations:
        # a change since a year is read in the reports after it (and, for a comparison, that year's too)
        later = [r for r in scope if r.year and (r.year >= q.since if q.kind == "comparison" else r.year > q.since)]
        if not any(r.year and r.year > q.since for r in later):  # (that year's report alone says nothing after it)
            have = ", ".join(sorted({r.inspection_year or str(r.year) for r in scope if r.year}))
            q.declined = (f"No indexed report on {' or '.join(q.organisations)} is later than {q.since} "
                          f"(indexed: {have or 'none'}), so none can say what has changed since.")
            return q
        scope = later
    if earlier:
        q.earlier = int(next(g for g in earlier.groups() if g))
    if q.earlier and q.organisations and not q.years:
        scope = [r for r in scope if r.year and r.year > q.earlier] or scope
    if q.inspection and q.organisations and len(scope) > 1:
        named = [r for r in scope if q.inspection in (r.inspection + " " + r.family).lower()]
        scope = named or scope
    if q.inspection == "revisit" and q.organisations and not any(r.family == REVISIT_LETTER for r in scope) \
            and _REVISIT_NAMED_RE.search(year_text):
        letters = [r for r in known.covering(reports, orgs) if r.family == REVISIT_LETTER]
        if not letters:
            # "What did the Holmbridge revisit find?": no letter on a revisit to it is indexed, and its inspection
            # report is not one
            q.declined = f"No indexed revisit letter is on {' or '.join(q.organisations)}."
            return q
        scope = scope + [r for r in letters if r not in scope]  # "between 2021/22 and the revisit": both
    kind_named = next((m for m in INSPECTION_KIND_RE.finditer(text) if m.group(1).lower() in _SCOPING_KINDS), None)
    if kind_named and (not q.organisations or len(scope) > 1):
        # "How many officers does the force have, according to the fire inspection?": the fire and rescue
        # reports alone, not a police report's count of its officers; "Holmbridge's child protection
        # inspection": that one of the force's reports, not the joint inspection that visited it too
        words = kind_named.group(1).lower().split()
        of_kind = [r for r in scope if all(w in f"{r.inspection} {r.family} {r.title}".lower() for w in words)]
        if of_kind and len(of_kind) < len(scope):
            scope = of_kind
            q.kind_named = "" if q.organisations else kind_named.group(1).lower()
    # newest first; when nothing narrows the scope, every report as given (sorting them all cost a
    # millisecond a question at 2,000 reports, and only a narrowed scope is read in order)
    q.reports = sorted(scope, key=lambda r: (-(r.year or 0), r.title)) if len(scope) < len(reports) else scope
    q.latest_only = bool(q.organisations) and not q.years and q.kind not in ("comparison", "list")
    return q


def scope_stems(question: Question) -> set[str]:
    """Stems of the organisations, report names and years the question names:
    the scope already holds them, so the answer sentence need not repeat them."""
    words = " ".join(question.organisations + question.titles + [question.subject]) + " " + " ".join(
        map(str, question.years + [question.since or "", question.earlier or ""]))
    if question.inspection == "revisit" and _REVISIT_NAMED_RE.search(question.text) and question.reports and all(
            r.family == REVISIT_LETTER for r in question.reports):
        words += " revisit"  # "at the Eastmoor revisit": its letter, which rarely calls itself so (but "When did
        # the inspectors revisit it?" asks of the revisiting: "… returned to the force")
    for name in question.organisations:
        words += " " + re.sub(r"\b(police|constabulary|fire|rescue|service|and)\b", " ", name, flags=re.I)
    return {t.text for t in ANALYZER(words, mode="query")}


def _named_forms(question: Question) -> list[str]:
    """Every form of the names of the organisations the question names,
    longest first (so "West Midlands Police" goes before "West Midlands")."""
    return sorted({alias for name in question.organisations for alias in every_form(name)}, key=len, reverse=True)


@lru_cache(maxsize=4096)
def name_patterns(alias: str) -> tuple[re.Pattern, re.Pattern]:
    """An organisation's name as a whole word, and its area ("the Wealdmarsh
    force area"), compiled once a name: questions name the same few dozen
    organisations again and again, and compiling cost more than matching."""
    name = re.escape(alias)
    return (re.compile(rf"(?<!\w){name}(?!\w)", re.I),
            re.compile(rf"(?<!\w)({name})(?:\s+(?:force|police|policing|service))?\s+areas?\b", re.I))


def without_their_areas(text: str, question: Question) -> str:
    """The text without the area of each organisation it names ("the
    Wealdmarsh force area", "the Fenmoor Constabulary area": where it
    works, named by its name, not a word an answer must hold)."""
    for alias in _named_forms(question):
        text = name_patterns(alias)[1].sub(r"\1", text)
    return text


_KIND_OF_ORGANISATION_RE = re.compile(r"\s+(?:Constabulary|Police Service|Police|Fire and Rescue Service|"
                                      r"Fire & Rescue Service|Fire and Rescue|Fire)$", re.I)


def by_place(text: str, question: Question) -> str:
    """The text with each organisation it names called by its place alone
    ("Northshire Constabulary" → "Northshire"): its reports are the search's
    scope already, and "Constabulary" as a word to find favours passages
    that print the full name over the one that answers."""
    for alias in _named_forms(question):
        place = _KIND_OF_ORGANISATION_RE.sub("", alias)
        if place != alias:
            text = name_patterns(alias)[0].sub(place, text)
    return text


def without_organisations(text: str, question: Question) -> str:
    """The text without the names (and short forms) of the organisations the
    question names, and their areas."""
    text = without_their_areas(text, question)
    for alias in _named_forms(question):
        text = name_patterns(alias)[0].sub(" ", text)  # not "the met" of "the meeting"
    return text
