"""The data model shared by every layer: reports, passages, hits, answers.

Plain dataclasses. ``Report`` and ``Passage`` serialise themselves (they are
also how the index stores them); the JSON shapes of the public contract,
with URLs and snippet markup, are made by the web layer (web/shapes.py),
which the CLI's ``--json`` uses too.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from search_service.snippets import Snippet



def passage_id(report_id: str, order: int) -> str:
    """The id of a report's passage by its place in reading order (from 1)."""
    return f"{report_id}-{order:04d}"

@dataclass
class Judgment:
    area: str
    grade: str
    passage_id: str | None = None  # the passage where the grade is given


@dataclass
class Finding:
    """An area for improvement (or any one-line finding) and where it is stated."""
    text: str
    passage_id: str | None = None
    section: list[str] = field(default_factory=list)  # the heading path of that passage


@dataclass
class CauseOfConcern:
    text: str
    recommendations: list[str] = field(default_factory=list)  # as listed under it
    deadline: str = ""  # from the lead-in ("By 31 December 2022, the service should:")
    passage_id: str | None = None
    section: list[str] = field(default_factory=list)  # the heading path of that passage


@dataclass
class Recommendation:
    """A numbered recommendation (thematic and joint inspections)."""
    number: str
    text: str
    addressed_to: str = ""  # "Chief constables", "The College of Policing" …
    deadline: str = ""  # "By 31 March 2026"; "" when none is stated
    passage_id: str | None = None
    section: list[str] = field(default_factory=list)  # the heading path of that passage


@dataclass
class Practice:
    """An innovative, promising or notable practice box."""
    title: str
    kind: str = "innovative"  # innovative | promising | notable
    passage_id: str | None = None


ORGANISATION_TYPES = ("police force", "fire and rescue service", "several")
GRADING_SCALES = ("four-tier", "five-tier", "ungraded")
FAMILIES = ("PEEL 2014–2017", "PEEL 2018/19", "PEEL 2021/22", "PEEL 2023–25", "Fire and rescue", "Thematic",
            "Crime data integrity", "Super-complaint", "Revisit letter", "Annual assessment", "Unknown")
# the chief inspector's yearly report to Parliament on every force or service ("State of Policing", "State of Fire
# and Rescue"): it names some as examples and grades none of them
ANNUAL_ASSESSMENT = "Annual assessment"
# families whose report is on several forces and grades none of them (a thematic inspection, a super-complaint report)
SEVERAL_FORCES_FAMILIES = ("Thematic", "Super-complaint", ANNUAL_ASSESSMENT)
REVISIT_LETTER = "Revisit letter"  # the inspector's letter on a revisit of an earlier report's causes of concern


def _items(cls, values) -> list:
    out = []
    for v in values or []:
        if isinstance(v, str):  # stored by an older version: text only
            v = {"text": v} if cls is not Practice else {"title": v}
        known = cls.__dataclass_fields__
        out.append(cls(**{k: x for k, x in v.items() if k in known}))
    return out


@dataclass
class Report:
    id: str
    title: str
    force: str  # the organisation inspected (a force or a fire and rescue service); "" when several
    year: int | None
    inspection: str = ""
    publisher: str = ""
    published: str = ""
    source: str = ""
    sha256: str = ""
    pages: int = 0
    judgments: list[Judgment] = field(default_factory=list)
    areas_for_improvement: list[Finding] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # every organisation inspected
    organisation_type: str = ""  # ORGANISATION_TYPES
    family: str = ""  # FAMILIES
    inspection_year: str = ""  # as the report names its cycle: "2016", "2018/19", "2021/22", "2023–25"
    grading_scale: str = ""  # GRADING_SCALES
    causes_of_concern: list[CauseOfConcern] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    innovative_practice: list[Practice] = field(default_factory=list)
    url: str = ""  # where the report is published, when the file says (an HTML page's canonical link)
    # When this version of the file (its sha256) was first indexed, UTC, RFC 3339 ("2025-06-01T09:30:00.000000Z"):
    # what the feeds call new. Set by the indexer, kept across rebuilds while the file is the same.
    indexed_at: str = ""

    @property
    def of_fire(self) -> bool:
        """A report on fire and rescue services: one service's, or one on several that names only services
        (the annual assessment of them all)."""
        if self.organisation_type == "fire and rescue service":
            return True
        names = self.organisations or []
        return self.organisation_type == "several" and bool(names) and all(
            n.lower().endswith("fire and rescue service") for n in names)

    def summary(self) -> dict:
        """The short form embedded in every hit."""
        return {"id": self.id, "title": self.title, "force": self.force, "year": self.year}

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Report":
        d = dict(d)
        d["judgments"] = _items(Judgment, d.get("judgments"))
        d["areas_for_improvement"] = _items(Finding, d.get("areas_for_improvement"))
        d["causes_of_concern"] = _items(CauseOfConcern, d.get("causes_of_concern"))
        d["recommendations"] = _items(Recommendation, d.get("recommendations"))
        d["innovative_practice"] = _items(Practice, d.get("innovative_practice"))
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Passage:
    id: str
    report_id: str
    heading: str
    heading_path: list[str]
    page: int | None  # printed page label; None in a web page
    kind: str  # rules.KINDS: body, summary, area_for_improvement, cause_of_concern, recommendation, …
    text: str
    order: int
    pdf_page: int | None = None  # physical page in the source PDF; ``page`` is the printed label
    anchor: str | None = None  # id of the section heading in an HTML report (pages mean nothing there)
    page_end: int | None = None  # printed page where the passage ends, when that is a later one
    # its meaning as stored at indexing (semantic.encode: the whole's vector, then its parts'); internal, not part
    # of any output
    vector: bytes | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        out = asdict(self)
        del out["vector"]
        return out


@dataclass
class Hit:
    passage: Passage
    report: Report
    rank: int
    score: float
    snippet: Snippet  # the window of the text to show, with its matches
    matches: list[list[int]]  # [start, end) character offsets into passage.text
    missing: list[str] = field(default_factory=list)  # words of the query dropped by relaxing that it lacks
    docnum: int | None = field(default=None, repr=False, compare=False)  # in the index state that found it

    @property
    def citation(self) -> str:
        return citation(self.report, self.passage)

    @property
    def grade(self) -> str | None:
        """The grade of the section the passage is in (None when ungraded)."""
        return passage_grade(self.report, self.passage.heading_path) or None


@dataclass
class Group:
    """The hits of one report, for results grouped by report."""
    report: Report
    count: int  # passages of this report that match
    pages: list[tuple[int, str]]  # (page, passage id) of the best passage on each page with a match, by page
    hits: list[Hit]  # the best few hits, best first
    score: float = 0.0  # the best hit's score: groups are ordered by it


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None
    expansions: list[dict] = field(default_factory=list)
    group: str | None = None  # "report" when hits are grouped by report
    groups: list[Group] = field(default_factory=list)  # this page's groups (grouped results only)
    groups_total: int = 0  # groups in all pages (grouped results only)
    corrected: bool = False  # no passage matched the query: these are the results for ``suggestion``
    relaxed: bool = False  # too few passages had every word: ``dropped`` words were given up
    dropped: list[str] = field(default_factory=list)
    sort: str = "relevance"
    year_from: int | None = None
    year_to: int | None = None
    took_ms: float = 0.0

    @property
    def pages(self) -> int:
        """Result pages: of groups when grouped, else of hits."""
        count = self.groups_total if self.group else self.total
        return max(1, -(-count // self.per_page))


@dataclass
class AnswerItem:
    """One line of a list or comparison answer, with its own citation."""
    text: str
    report_id: str
    passage_id: str
    citation: str
    report_title: str = ""
    organisation: str = ""
    year: str = ""  # as the report names its cycle
    value: str = ""  # the grade or value this item gives
    quote: str = ""  # the sentence of the passage that gives it
    area: str = ""  # the judgment area a grade item is for ("Leadership", "Overall judgment")


ANSWER_KINDS = ("grade", "list", "number", "date", "definition", "sentence", "comparison")


@dataclass
class Answer:
    text: str
    passage_id: str
    report_id: str
    citation: str
    confidence: float
    start: int = 0  # offsets of the answer inside the passage text
    end: int = 0
    kind: str = "sentence"  # ANSWER_KINDS
    items: list[AnswerItem] = field(default_factory=list)  # list and comparison answers
    note: str = ""  # e.g. the inspectorate's caution when grades of two scales are set side by side
    basis: str = ""  # what gave it: judgments, findings, acronym, glossary, mentions, per_report, sentence
    evidence: str = ""  # the kind of evidence its confidence is read from (calibration.EVIDENCE_RECORD)


def passage_grade(report: Report, heading_path: list[str]) -> str:
    """The grade a passage sits under: that of the most specific judgment whose
    area (a question heading) is on the passage's heading path, else the
    report's overall grade; "" when the report records no grades."""
    graded = {j.area: j.grade for j in report.judgments}
    for heading in reversed(heading_path or []):
        if heading != "Overall" and heading in graded:
            return graded[heading]
    return graded.get("Overall", "")


def citation(report: Report, p: Passage) -> str:
    """A human-readable reference a user can paste into their own writing."""
    parts = [report.title or report.id]
    if report.publisher:
        parts.append(report.publisher)
    if report.published:
        parts.append(report.published)
    elif report.year:
        parts.append(str(report.year))
    if p.page:  # web pages have no pages: their sections and anchors locate a passage
        pdf = f" (PDF p. {p.pdf_page})" if p.pdf_page is not None and p.pdf_page != p.page else ""
        pages = f"pp. {p.page}–{p.page_end}" if p.page_end and p.page_end > p.page else f"p. {p.page}"
        parts.append(f"{pages}{pdf}")
    if p.heading_path:
        parts.append(f"section “{' › '.join(p.heading_path)}”")
    if p.anchor and report.url:
        parts.append(f"{report.url}#{p.anchor}")
    elif p.anchor:
        parts.append(f"#{p.anchor}")
    return ", ".join(parts)


@dataclass
class Declined:
    """A path that knows the question is its own but that the reports cannot
    answer it says why, and no later path guesses instead."""
    reason: str
