"""What a report concludes, read from its blocks: graded judgments, causes of
concern with their recommendations, numbered recommendations, areas for
improvement and innovative or promising practice.

Every family of report marks these with the same few labels, as headings or
box titles: "Area(s) for improvement [N]", "Cause of concern",
"Recommendation(s) [N]", "Innovative/Promising practice[: title]"; a grade is
a grade word on its own under the heading of the area it grades. Each item
keeps the index of the block it was read from, so that chunking can tell it
the passage. Items repeated in a report (recommendations listed up front and
again in their chapter, a closing summary of them all) are kept once, where
they first appear. Pure functions over blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from search_service.ingest.text import Block
from search_service.model import CauseOfConcern, Finding, Judgment, Practice, Recommendation
from search_service.rules import GRADES, STATED_DEADLINE_RE

_AFI_RE = re.compile(r"^areas? for improvement(?:\s+\d+)?$", re.I)
_CAUSE_RE = re.compile(r"^causes? of concern(?:\s+\d+)?$", re.I)
_RECS_RE = re.compile(r"^recommendations?(?:\s+(\d+))?$", re.I)
_PRACTICE_RE = re.compile(r"^(innovative|promising|notable) practice(?:\s*[:–—-]\s*(.+))?$", re.I)
# Headings that only say where a grade is given; the area is the heading above them.
_GENERIC_RE = re.compile(r"^(summary( of findings)?|overall judg(e)?ment|our judg(e)?ments?|judg(e)?ment|"
                         r"key findings|about this area)$", re.I)
_OVERALL_JUDGMENT_RE = re.compile(r"^overall judg(e)?ment\W*\d*$", re.I)
_OVERALL_RE = re.compile(r"^(overview|overall summary|overall judg|summary)\b", re.I)
# The pillars of PEEL and of fire inspections: a chapter with one of these
# names grades the pillar through its first (question) heading.
PILLARS = ("effectiveness", "efficiency", "legitimacy", "leadership", "people")
_BULLET_RE = re.compile(r"^[•▪●◦\-–]\s*")
_LIST_END_RE = re.compile(r"\s*(?:;\s*(?:and|or)|,\s*(?:and|or)|;)\s*$")
_SHOULD_ANY_RE = re.compile(r"\b(should|must|needs? to)\b", re.I)
_SHOULD_RE = re.compile(r"^(?:(?:by|before|within)\b[^,]*,\s*)?(?:we recommend that\s+)?(.+?)\s+should\b", re.I)


@dataclass
class Structure:
    judgments: list[Judgment] = field(default_factory=list)
    causes_of_concern: list[CauseOfConcern] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    areas_for_improvement: list[Finding] = field(default_factory=list)
    innovative_practice: list[Practice] = field(default_factory=list)
    # item → index of the block it was read from (chunking turns it into a passage id)
    sources: dict[int, int] = field(default_factory=dict)

    def note(self, item, block: int) -> None:
        self.sources[id(item)] = block


def clean_item(text: str) -> str:
    """An item as stated, without its bullet or list punctuation ("…; and")."""
    text = " ".join(_BULLET_RE.sub("", text).split())
    return _LIST_END_RE.sub("", text)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def deadline_of(text: str) -> str:
    m = STATED_DEADLINE_RE.search(text)
    if not m:
        return ""
    d = m.group(1)
    return d[:1].upper() + d[1:]


def addressee_of(text: str) -> str:
    """Who a recommendation is for: the subject of its "should", without a
    leading "the" before a name ("the Home Office" → "Home Office") or a
    qualifier ("chief constables of neighbouring forces" → "Chief constables") or a partner
    ("…, working with the College of Policing,")."""
    m = _SHOULD_RE.match(" ".join(text.split()))
    if not m:
        return ""
    who = m.group(1).strip()
    who = re.sub(r"^(?i:the)\s+(?=[A-Z])", "", who)
    who = re.sub(r"\s+of\s+[a-z].*$", "", who)
    # "the National Police Chiefs' Council, working with the College of Policing, should": the body asked, not its
    # partner
    who = re.sub(r",?\s+(?:working\s+)?(?:together\s+)?(?:with|in (?:partnership|collaboration|consultation) with|"
                 r"supported by)\s.*$", "", who)
    return who[:1].upper() + who[1:] if len(who) < 120 else ""


def _grade_of(text: str) -> str | None:
    key = " ".join(text.split()).lower()
    return next((g for g in GRADES if g.lower() == key), None)


class _Reader:
    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.out = Structure()
        self.seen: set[tuple[str, str]] = set()
        self.path: list[tuple[int, str]] = []  # (level, heading)
        self.mode: str | None = None
        self.mode_level = 0
        self.cause: CauseOfConcern | None = None
        self.rec: Recommendation | None = None  # a numbered recommendation being read
        self.lead = ""  # "By 31 January 2023, the force should:"
        self.practice_kind: str | None = None  # a practice box waiting for its title
        self.graded_chapters: set[str] = set()

    # -------------------------------------------------------------- helpers
    def fresh(self, kind: str, text: str) -> bool:
        """True the first time an item is met (repeats are summaries of it)."""
        key = (kind, _key(text))
        if not key[1] or key in self.seen:
            return False
        self.seen.add(key)
        return True

    def close(self) -> None:
        """The end of a labelled box: finish what was being read."""
        self.finish_rec()  # a numbered recommendation inside a cause of concern's box
        if self.cause is not None:
            self.cause.text = " ".join(self.cause.text.split())
            if self.cause.text and self.fresh("cause", self.cause.text):
                self.out.causes_of_concern.append(self.cause)
            self.cause = None
        self.mode, self.practice_kind, self.lead = None, None, ""

    def finish_rec(self) -> None:
        rec = self.rec
        self.rec = None
        if rec is None:
            return
        rec.text = " ".join(rec.text.split())
        if not rec.text or not self.fresh("rec", rec.number + rec.text):
            return
        rec.deadline = rec.deadline or deadline_of(rec.text)
        rec.addressed_to = addressee_of(rec.text)
        self.out.recommendations.append(rec)
        owner = self.last_cause()
        if owner is not None and rec.text not in owner.recommendations:
            owner.recommendations.append(rec.text)

    def last_cause(self) -> CauseOfConcern | None:
        return self.cause if self.cause is not None else None

    # -------------------------------------------------------------- judgments
    def judgment(self, grade: str, i: int) -> None:
        area = self.area()
        if area is None or any(j.area == area for j in self.out.judgments):
            return
        j = Judgment(area=area, grade=grade)
        self.out.judgments.append(j)
        self.out.note(j, i)

    def area(self) -> str | None:
        """The area a grade under the current heading path belongs to."""
        headings = [h for _, h in self.path]
        named = [h for h in headings if not _GENERIC_RE.match(h) and not _label(h)]
        if not named or _OVERALL_JUDGMENT_RE.match(headings[-1]):
            return "Overall"  # a grade right under "Overall judgment" is the report's, whatever section holds it
        inner = named[-1]
        if _OVERALL_RE.match(inner) or (len(named) == 1 and _OVERALL_RE.match(named[0])):
            return "Overall"
        if len(named) >= 2 and named[0].lower() in PILLARS and inner.endswith("?") \
                and named[0] not in self.graded_chapters:
            self.graded_chapters.add(named[0])
            return named[0]  # the pillar's own question grades the pillar
        return _SECTION_NUMBER_RE.sub("", inner)  # "6. Risk assessment and referral": its grid names it unnumbered

    # -------------------------------------------------------------- the walk
    def heading(self, b: Block) -> None:
        while self.path and self.path[-1][0] >= b.level:
            self.path.pop()
        self.path.append((b.level, b.text))

    def read(self) -> Structure:
        for i, b in enumerate(self.blocks):
            if b.kind == "end":
                self.close()
                while self.path and self.path[-1][0] >= b.level:
                    self.path.pop()
                continue
            if b.kind == "heading":
                self.on_heading(b, i)
                continue
            if b.kind == "grade":
                grade = _grade_of(b.text)
                if grade:
                    self.judgment(grade, i)
                continue
            if b.kind in ("para", "bullet"):
                self.on_text(b, i)
        self.close()
        return self.out

    def on_heading(self, b: Block, i: int) -> None:
        label = _label(b.text)
        if label is None:
            if self.practice_kind and self.mode == "practice" and b.level >= self.mode_level:
                self.add_practice(b.text, self.practice_kind, i)  # the box's title
                self.practice_kind = None
                self.heading(b)
                return
            if self.mode == "afi" and b.level > self.mode_level:
                self.heading(b)  # sub-headings of a list of areas for improvement (by chapter)
                return
            self.close()
            self.heading(b)
            return
        kind, m = label
        keep_cause = kind == "recs" and self.cause is not None
        if kind == "recs":
            self.start_recs(m.group(1), i)
        else:
            self.close()
            self.mode = kind
            if kind == "cause":
                self.cause = CauseOfConcern(text="")
                self.out.note(self.cause, i)
            elif kind == "practice":
                practice_kind = m.group(1).lower()
                if m.group(2):
                    self.add_practice(m.group(2), practice_kind, i)
                else:
                    self.practice_kind = practice_kind
        if not keep_cause and kind != "cause" and kind != "recs":
            self.cause = None
        self.mode_level = b.level
        self.heading(b)

    def start_recs(self, number: str | None, i: int) -> None:
        """Recommendations begin ("Recommendations"), or a numbered one ("Recommendation 2")."""
        self.finish_rec()
        self.mode, self.lead = "recs", ""
        if number:
            self.rec = Recommendation(number=number, text="")
            self.out.note(self.rec, i)

    def on_text(self, b: Block, i: int) -> None:
        text = b.text
        if self.mode == "afi" and b.kind == "para" and not _SHOULD_ANY_RE.search(text):
            self.close()  # the box has ended (a PDF does not say so): this is the section's text again
        # a bold "Recommendation 2" line (a web page's box) labels what follows as its heading would
        numbered = _RECS_RE.match(" ".join(text.split())) if self.mode in (None, "recs") else None
        if numbered and numbered.group(1):
            self.start_recs(numbered.group(1), i)
        elif self.mode == "afi":
            item = clean_item(text)
            if item and self.fresh("afi", item):
                f = Finding(item)
                self.out.areas_for_improvement.append(f)
                self.out.note(f, i)
        elif self.mode == "cause" and self.cause is not None:
            self.cause.text += " " + _BULLET_RE.sub("", text)
        elif self.mode == "recs":
            if self.rec is not None:  # "Recommendation N" and its text
                self.rec.text += " " + text
            elif b.kind == "para" and text.rstrip().endswith(":"):
                self.lead = text
                if self.cause is not None:
                    self.cause.deadline = deadline_of(text)
            else:
                item = clean_item(text)
                if not item:
                    return
                if self.cause is not None:
                    if item not in self.cause.recommendations:
                        self.cause.recommendations.append(item)
                elif self.fresh("rec", item):  # an unnumbered list of recommendations, no cause
                    rec = Recommendation(number="", text=item, deadline=deadline_of(self.lead) or deadline_of(item),
                                         addressed_to=addressee_of(self.lead or item))
                    self.out.recommendations.append(rec)
                    self.out.note(rec, i)
        elif self.mode == "practice" and self.practice_kind:
            title = text.strip()
            if len(title) > 120 or title[-1:] in ".!?":
                title = re.split(r"(?<=[.!?])\s", title, maxsplit=1)[0]
            self.add_practice(title.rstrip("."), self.practice_kind, i)
            self.practice_kind = None

    def add_practice(self, title: str, kind: str, i: int) -> None:
        title = " ".join(title.split())
        if title and self.fresh("practice", title):
            p = Practice(title=title, kind=kind)
            self.out.innovative_practice.append(p)
            self.out.note(p, i)


_SECTION_NUMBER_RE = re.compile(r"^\d{1,2}\.\s+(?=[A-Z])")


def _label(text: str):
    t = " ".join(text.split())
    for kind, pattern in (("afi", _AFI_RE), ("cause", _CAUSE_RE), ("recs", _RECS_RE), ("practice", _PRACTICE_RE)):
        m = pattern.match(t)
        if m:
            return kind, m
    return None


def is_label(text: str) -> str | None:
    """"afi", "cause", "recs" or "practice" when a heading labels a box of that kind."""
    label = _label(text)
    return label[0] if label else None


def read_structure(blocks: list[Block]) -> Structure:
    return _Reader(blocks).read()
