"""The months a figure's period covers, read from the way the reports write
periods: "in the year to March 2021", "the 12 months ending 30 June 2015",
"April to June 2021", "between April 2021 and March 2022". A count asked for
one period is not answered by a count for a period that does not touch it
("in the year to March 2021" is not "April to June 2021" nor "Year to March
2022"), though both name 2021. Months are numbered year * 12 + month - 1, so
a span is a pair of numbers and overlap a comparison.
"""
from __future__ import annotations

import re

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
# the months by name, as a pattern (the question's and the answers' too)
MONTHS = "(?:" + "|".join(name.capitalize() for name in _MONTH_NAMES) + ")"
_MONTH = f"({MONTHS})"
# "year to March 2021", "12 months ending 30 June 2015", "quarter to 31 December 2019"
_ENDING_RE = re.compile(rf"\b(?:(?:the\s+)?(\d{{1,2}}|twelve|three|six)\s+months|years?|quarters?)\s+"
                        rf"(?:to|ending|ended)\s+(?:\d{{1,2}}\s+)?{_MONTH}\s+((?:19|20)\d\d)\b", re.I)
# "April to June 2021", "April 2021 to March 2022", "between April 2021 and March 2022"
_RANGE_RE = re.compile(rf"\b{_MONTH}(?:\s+((?:19|20)\d\d))?\s+(?:to|and|–|-)\s+{_MONTH}\s+((?:19|20)\d\d)\b", re.I)
_LENGTHS = {"twelve": 12, "three": 3, "six": 6}
Span = tuple[int, int]


def _month(name: str, year: str | int) -> int:
    return int(year) * 12 + _MONTH_NAMES.index(name.lower())


def spans(text: str) -> list[Span]:
    """The periods a text names, as (first month, last month)."""
    out = []
    for m in _ENDING_RE.finditer(text):
        length = m.group(1)
        if length:
            months = int(length) if length.isdigit() else _LENGTHS[length.lower()]
        else:
            months = 3 if m.group(0).lower().startswith("quarter") else 12
        end = _month(m.group(2), m.group(3))
        out.append((end - months + 1, end))
    for m in _RANGE_RE.finditer(text):
        end = _month(m.group(3), m.group(4))
        start = _month(m.group(1), m.group(2) or m.group(4))
        if start > end and not m.group(2):
            start -= 12  # "October to March 2022" began the year before
        if start <= end:
            out.append((start, end))
    return out


# a month of its own: "in November 2021", "at 31 March 2016"; not a bound ("since April 2018", "by March 2023")
_POINT_RE = re.compile(rf"(?<!\bsince )(?<!\bfrom )(?<!\bafter )(?<!\bbefore )(?<!\buntil )(?<!\bby )"
                       rf"(?:\b\d{{1,2}}\s+)?\b{_MONTH}\s+((?:19|20)\d\d)\b", re.I)


def points(text: str) -> list[Span]:
    """The single months a text gives figures for ("… 86 percent in April 2021 … 74 percent in March 2022"), as
    spans of one month; for a text that names no period, a figure asked for a period is read at these."""
    out = []
    for m in _POINT_RE.finditer(text):
        month = _month(m.group(1), m.group(2))
        out.append((month, month))
    return out


def outside(asked: list[Span], stated: list[Span], lengths: bool = False) -> bool:
    """Does a text that states periods state none touching any asked? With ``lengths``, none of about an asked
    period's length either: a year's figure ("April 2021 to March 2022: 71.3 percent") is not a quarter's."""
    def fits(a0: int, a1: int, s0: int, s1: int) -> bool:
        longer, shorter = max(a1 - a0, s1 - s0) + 1, min(a1 - a0, s1 - s0) + 1
        return a0 <= s1 and s0 <= a1 and (not lengths or longer <= 1.5 * shorter)
    return bool(asked) and bool(stated) and not any(fits(*a, *s) for a in asked for s in stated)
