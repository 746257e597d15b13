"""The rules every query and filter follows, defined once.

The CLI, the JSON API, the HTML pages and the OpenAPI document all read
their limits, filter names, grades, id pattern and year rule from here, so
they cannot disagree about what is valid. Pure values and functions; a
value that breaks a rule raises ``QueryError`` (a 400 on the web, exit
status 2 on the command line).
"""
from __future__ import annotations

import re

# A chart's or table's title, or its source line: what the report reader
# never continues with the text after it and what answers never quote as a fact.
CAPTION_RE = re.compile(r"^(Figure|Table|Chart) \d+|^Source:")

# When a recommendation is due, as reports state it: a date, a time from now ("within six months") or
# "immediately" (read by the ingest for each recommendation, and by the answers to "by when …?").
_DATED_DEADLINE = (r"(?:by|before|no later than)\s+(?:the\s+)?(?:end of\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|"
                   r"(?:by|before)\s+[A-Z][a-z]+\s+\d{4}")
DATED_DEADLINE_RE = re.compile(rf"\b(?:{_DATED_DEADLINE})", re.I)  # a date, not a time from now
STATED_DEADLINE_RE = re.compile(rf"\b({_DATED_DEADLINE}|within\s+[\w-]+\s+(?:days|weeks|months)|immediately)", re.I)

# The inspectorate's grades, best first. "Adequate" exists only on the
# five-tier scale used from PEEL 2021/22 and fire and rescue round 3.
GRADES = ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")


def scale_grades(scale: str) -> tuple[str, ...]:
    """The grades of a grading scale, best first: five tiers, or the four without "Adequate"."""
    return GRADES if scale == "five-tier" else tuple(g for g in GRADES if g != "Adequate")


MAX_QUERY_LENGTH = 1000  # characters
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
MAX_PAGE = 100_000  # deep paging is never useful and only costs CPU
MAX_ID_LENGTH = 200
PER_PAGE_CHOICES = (10, 20, 50, 100)  # offered on the results page (the API takes any 1..MAX_PER_PAGE)
MAX_EXPORT = 10_000  # rows of a CSV or JSON Lines export of all results
EXPORT_FORMATS = ("csv", "jsonl")
SORTS = ("relevance", "newest", "oldest")  # newest/oldest: by report year and publication date, then relevance
# All words are required; when all together match fewer passages than this,
# the rarest word that stops a match is dropped (and shown as missing).
RELAX_BELOW = 5
# /api/reports/<id> sends a report's passages a page at a time: a page is at
# most ~4 MB (passages are at most 4,000 characters), whatever the report.
REPORT_PER_PAGE = 500
MAX_REPORT_PER_PAGE = 1000
FEED_ENTRIES = 50  # entries in an Atom feed: the newest matching passages or reports

# Filters of passages (search), in the order pages show them. Values of one
# filter combine with OR, different filters with AND.
FILTERS = ("force", "year", "family", "inspection", "grade", "kind", "report")
FACETS = ("force", "year", "family", "inspection", "grade", "kind")  # counted for every search
REPORT_FILTERS = ("force", "year", "family", "inspection")  # /reports
COMPARE_FILTERS = ("force", "year", "family", "inspection", "area", "grade")  # /compare
GROUPS = ("report",)  # what hits can be grouped by
# Fields a query may name inline ("force:Northshire"): the first two are
# searched, the rest narrow the results like filters.
QUERY_FIELDS = ("heading", "text")
RESTRICTION_FIELDS = ("force", "year", "kind", "report", "title", "grade", "family")

REPORT_ID_PATTERN = "[a-z0-9][a-z0-9-]*"
YEAR_PATTERN = "[0-9]{4}"
_REPORT_ID = re.compile(REPORT_ID_PATTERN)
_YEAR = re.compile(YEAR_PATTERN)  # [0-9], not \d: "²" and "①" are digits to str.isdigit()


class QueryError(ValueError):
    """Bad input from the user, with a stable code and a message they can act on."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def year_value(value) -> int | None:
    """A year, or None when ``value`` is not exactly four ASCII digits."""
    text = str(value).strip()
    return int(text) if _YEAR.fullmatch(text) else None


def grade_value(value) -> str | None:
    """"requires-improvement", "REQUIRES IMPROVEMENT" → "Requires improvement";
    None when it is no grade."""
    key = " ".join(re.sub(r"[-_]", " ", str(value)).split()).lower()
    return next((grade for grade in GRADES if grade.lower() == key), None)


def valid_report_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and bool(_REPORT_ID.fullmatch(value))


def parse_year(value, code: str = "bad_filter") -> int:
    year = year_value(value)
    if year is None:
        raise QueryError(code, f"'{str(value)[:20]}' is not a year such as 2015.")
    return year


def normalise_grade(value, code: str = "bad_filter") -> str:
    grade = grade_value(value)
    if grade is None:
        raise QueryError(code, f"grade must be one of {', '.join(GRADES)}.")
    return grade


def split_values(value) -> list[str]:
    """A filter's values: "a,b", ["a", "b"] and ["a,b"] all give ["a", "b"]
    (blanks dropped, first occurrence kept)."""
    items = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    out: list[str] = []
    for item in items:
        if item is None:
            continue
        for part in str(item).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def normalise_filters(filters: dict | None, names=FILTERS,
                      known: dict[str, set[str]] | None = None) -> dict[str, list]:
    """Filters as {name: [values]}: values split on commas, years as numbers,
    grades spelt as in GRADES, report ids checked, and names matched to the
    indexed spelling ignoring case (``known``: name → indexed values).
    Names outside ``names`` are ignored; a malformed value raises QueryError
    ("bad_parameter", naming the filter)."""
    out: dict[str, list] = {}
    for key, value in (filters or {}).items():
        if key not in names:
            continue
        values = split_values(value)
        if not values:
            continue
        if key == "year":
            years = [year_value(v) for v in values]
            if None in years:
                raise QueryError("bad_parameter", "'year' must be a four-digit year such as 2015.")
            values = sorted(set(years))
        elif key == "grade":
            grades = [grade_value(v) for v in values]
            if None in grades:
                raise QueryError("bad_parameter", f"'grade' must be one of {', '.join(GRADES)}.")
            values = grades
        elif key == "report":
            if not all(valid_report_id(v) for v in values):
                raise QueryError("bad_parameter", "'report' is not a valid report id.")
        elif known and key in known:
            by_lower = {k.lower(): k for k in known[key]}
            values = [by_lower.get(v.lower(), v) for v in values]
        out[key] = list(dict.fromkeys(values))
    return out


def check_query(q: str | None) -> str:
    """The query, stripped; refused when empty, too long or not text."""
    q = (q or "").strip()
    if not q:
        raise QueryError("empty_query", "Type some words to search for.")
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError("query_too_long", f"The query is {len(q):,} characters long; the limit is "
                         f"{MAX_QUERY_LENGTH:,}. Shorten it to its key words.")
    if "\x00" in q or "\ufffd" in q:
        raise QueryError("bad_encoding", "The query contains characters that are not valid text.")
    if re.fullmatch(r"(?:\s*(?:AND|OR|NOT|ANDNOT|ANDMAYBE|[*?()\"'+\-]))+\s*", q):
        raise QueryError("no_search_terms", "The query has only operators or symbols; add some words.")
    return q


def check_paging(page: int, per_page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise QueryError("bad_page", f"'page' must be between 1 and {MAX_PAGE}.")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError("bad_per_page", f"'per_page' must be between 1 and {MAX_PER_PAGE}.")


def check_sort(sort: str | None, code: str = "bad_parameter") -> str:
    sort = (sort or "").strip().lower() or SORTS[0]
    if sort not in SORTS:
        raise QueryError(code, f"'sort' must be one of {', '.join(SORTS)}.")
    return sort


def check_year_range(year_from, year_to, code: str = "bad_parameter") -> tuple[int | None, int | None]:
    """(from, to) as years, either None when not given; refused when not
    four-digit years or when from is after to."""
    out = []
    for name, value in (("year_from", year_from), ("year_to", year_to)):
        if value is None or str(value).strip() == "":
            out.append(None)
            continue
        year = year_value(value)
        if year is None:
            raise QueryError(code, f"'{name}' must be a four-digit year such as 2015.")
        out.append(year)
    if out[0] is not None and out[1] is not None and out[0] > out[1]:
        raise QueryError(code, f"'year_from' ({out[0]}) is after 'year_to' ({out[1]}); swap them.")
    return out[0], out[1]


def check_group(group: str | None, code: str = "bad_group") -> str | None:
    if group in ("", None, "none"):
        return None
    if group not in GROUPS:
        raise QueryError(code, f"'group' must be {' or '.join(GROUPS)} (or left out).")
    return group
