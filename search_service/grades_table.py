"""A later report's table of its own grades beside the last inspection's.

Fire and rescue reports of the second and third rounds (and some PEEL
reports) set out each judgment for both inspections in one table:

    Question  2018/19  2021/22
    Effectiveness  Good  Requires
    improvement
    Making the fire and rescue service affordable now and in Good  Outstanding
    the future

A PDF's text wraps a long area or a two-word grade onto the next line. The
earlier column is the only record of the earlier grades when that report is
not indexed: read it, and a question about a change of grade is answered
from the later report, cited to this table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = r"(?:19|20)\d\d(?:\s*[/–-]\s*\d\d(?:\d\d)?)?"
_HEADER_RE = re.compile(rf"^\s*(?:question|area|judgment|pillar)?s?\s*({_YEAR})\s+({_YEAR})\s*$", re.I)
_GRADE = r"Outstanding|Good|Adequate|Requires improvement|Requires|Inadequate"
_ROW_RE = re.compile(rf"^(?P<area>.*?)\s*\b(?P<then>{_GRADE})\s+(?P<now>{_GRADE})\s*$", re.I)
_AREA_WRAP_RE = re.compile(r"^[a-z][^.!?]*$")  # "the future": lower case, no sentence's end
_WRAP_RE = re.compile(r"^\s*improvement(?:\s+improvement)?\s*$", re.I)


@dataclass(frozen=True)
class Earlier:
    """The earlier inspection's label ("2018/19") and its grade for each area, in the table's order."""
    label: str
    grades: list[tuple[str, str]]


def _grade(word: str) -> str:
    word = " ".join(word.split()).capitalize()
    return "Requires improvement" if word.startswith("Requires") else word


def _cycle(label: str) -> str:
    """"2018 / 19", "2018-19" → "2018/19": a cycle as reports' metadata name it."""
    return re.sub(r"\s*[/–-]\s*", "/", " ".join(label.split()))


def earlier_grades(text: str) -> Earlier | None:
    """The earlier column of a two-inspection table of grades, or None when the text is no such table."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    header = _HEADER_RE.match(lines[0])
    if not header:
        return None
    rows: list[list[str]] = []  # [area, grade then, grade now]
    for line in lines[1:]:
        row = _ROW_RE.match(line.strip())
        if row and row.group("area").strip():
            rows.append([row.group("area").strip(), row.group("then"), row.group("now")])
        elif _WRAP_RE.match(line) and rows:
            # "improvement" completes the row's "Requires" grades, left column first
            for _ in line.split():
                i = next((k for k in (1, 2) if rows[-1][k].lower() == "requires"), None)
                if i is not None:
                    rows[-1][i] += " improvement"
        elif rows and _AREA_WRAP_RE.match(line.strip()) and not re.search(rf"\b(?:{_GRADE})\b", line, re.I):
            rows[-1][0] += " " + line.strip()  # an area's name wrapped onto the next line, mid-phrase
        else:
            return None  # a line this shape of table does not have: not one
    if len(rows) < 2:
        return None
    return Earlier(_cycle(header.group(1)), [(" ".join(a.split()), _grade(g)) for a, g, _ in rows])


def earlier_table(cycle: str, passages) -> tuple[Earlier, object] | None:
    """(the earlier column, its passage) of the first table among a report's
    ``passages`` that sets its grades beside another inspection's (not its
    own cycle's, ``cycle``): what answers and an organisation's timeline
    read when that inspection's report is not indexed."""
    for p in passages:
        table = earlier_grades(p.text) if p.kind == "table" else None
        if table is not None and table.label != cycle:
            return table, p
    return None
