"""Reading search parameters from a query string, shared by API and pages.

The core validates the query itself; here we only turn strings into typed
arguments and refuse values that are not even well-formed, so that both the
JSON and the HTML side answer bad input with the same 400 and message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from search_service.model import GRADES
from search_service.search import QueryError, normalise_grade, split_values
from search_service.web import ApiError

FILTERS = ("force", "year", "inspection", "grade", "kind", "report")  # /search and /api/search
REPORT_FILTERS = ("force", "year", "inspection")  # /reports and /api/reports
COMPARE_FILTERS = ("force", "year", "inspection", "area", "grade")  # /compare and /api/compare
GROUPS = ("report",)
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
REPORT_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_PAGE = 100_000  # deep paging is never useful and only costs CPU
_INT = re.compile(r"[+-]?[0-9]+")


@dataclass
class SearchParams:
    q: str
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    filters: dict[str, list[str]] = field(default_factory=dict)  # name → values (OR), names AND
    group: str | None = None  # "report" to group hits by report


def _int(args, name: str, default: int, low: int, high: int | None = None) -> int:
    raw = args.get(name, "").strip()
    if raw == "":
        return default
    if not _INT.fullmatch(raw):
        raise ApiError(400, "bad_parameter", f"'{name}' must be a whole number.")
    value = int(raw) if len(raw) <= 12 else (high or 10**12) + 1
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ApiError(400, "bad_parameter", f"'{name}' must be {bound}.")
    return value


def filter_params(args, names=FILTERS) -> dict[str, list[str]]:
    """The filters among ``names`` that have values: each may be repeated
    (force=A&force=B) or comma-separated (force=A,B); either way its values
    combine with OR. Malformed years, report ids and grades are refused."""
    filters = {}
    for name in names:
        values = split_values(args.getlist(name) if hasattr(args, "getlist") else args.get(name))
        if values:
            filters[name] = values
    if any(not re.fullmatch(r"[0-9]{4}", y) for y in filters.get("year", [])):
        raise ApiError(400, "bad_parameter", "'year' must be a four-digit year.")
    if any(not REPORT_ID.fullmatch(r) or len(r) > 200 for r in filters.get("report", [])):
        raise ApiError(400, "bad_parameter", "'report' is not a valid report id.")
    try:
        if "grade" in filters:
            filters["grade"] = list(dict.fromkeys(normalise_grade(g) for g in filters["grade"]))
    except QueryError:
        raise ApiError(400, "bad_parameter", f"'grade' must be one of {', '.join(GRADES)}.")
    return filters


def group_param(args) -> str | None:
    value = args.get("group", "").strip().lower()
    if value in ("", "none"):
        return None
    if value not in GROUPS:
        raise ApiError(400, "bad_parameter", f"'group' must be {' or '.join(GROUPS)} (or left out).")
    return value


def search_params(args) -> SearchParams:
    """Parse q, page, per_page, group and the filters from request.args."""
    filters = filter_params(args, FILTERS)
    return SearchParams(
        q=args.get("q", ""),
        page=_int(args, "page", 1, 1, MAX_PAGE),
        per_page=_int(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        filters=filters,
        group=group_param(args),
    )


def ask_params(args) -> SearchParams:
    """Parse q and per_page for /api/ask. Questions are answered over the
    whole corpus (the core's ``ask`` takes no filters or page), so those
    parameters are not read here."""
    return SearchParams(q=args.get("q", ""),
                        per_page=_int(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))


def valid_report_id(report_id: str) -> bool:
    return len(report_id) <= 200 and bool(REPORT_ID.fullmatch(report_id))
