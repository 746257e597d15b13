"""Request parameters → typed arguments, by the rules of ``rules.py``.

Shared by the API and the pages, so both answer bad input with the same 400
and message (a QueryError, mapped by web/errors.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from search_service.rules import (DEFAULT_PER_PAGE, EXPORT_FORMATS, FILTERS, MAX_PAGE, MAX_PER_PAGE, QueryError,
                                  check_group, check_sort, check_year_range, normalise_filters)

_INT = re.compile(r"[+-]?[0-9]+")


@dataclass
class SearchParams:
    q: str
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    filters: dict[str, list] = field(default_factory=dict)  # name → values (OR), names AND
    group: str | None = None  # "report" to group hits by report
    sort: str = "relevance"
    year_from: int | None = None
    year_to: int | None = None
    autocorrect: bool = True  # show the results of a confident correction when nothing matches


def int_param(args, name: str, default: int, low: int, high: int | None = None) -> int:
    raw = args.get(name, "").strip()
    if raw == "":
        return default
    if not _INT.fullmatch(raw):
        raise QueryError("bad_parameter", f"'{name}' must be a whole number.")
    value = int(raw) if len(raw) <= 12 else (high or 10**12) + 1
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise QueryError("bad_parameter", f"'{name}' must be {bound}.")
    return value


def filter_params(args, names=FILTERS) -> dict[str, list]:
    """The filters among ``names`` that have values: each may be repeated
    (force=A&force=B) or comma-separated (force=A,B); either way its values
    combine with OR. Malformed years, report ids and grades are refused."""
    return normalise_filters({name: args.getlist(name) if hasattr(args, "getlist") else args.get(name)
                              for name in names}, names)


def group_param(args) -> str | None:
    return check_group(args.get("group", "").strip().lower(), code="bad_parameter")


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def bool_param(args, name: str, default: bool) -> bool:
    raw = args.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw not in _TRUE + _FALSE:
        raise QueryError("bad_parameter", f"'{name}' must be true or false.")
    return raw in _TRUE


def search_params(args) -> SearchParams:
    """Parse q, page, per_page, group, sort, the year range, autocorrect and
    the filters from request.args."""
    year_from, year_to = check_year_range(args.get("year_from"), args.get("year_to"))
    return SearchParams(
        q=args.get("q", ""),
        page=int_param(args, "page", 1, 1, MAX_PAGE),
        per_page=int_param(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        filters=filter_params(args, FILTERS),
        group=group_param(args),
        sort=check_sort(args.get("sort")),
        year_from=year_from,
        year_to=year_to,
        autocorrect=bool_param(args, "autocorrect", True),
    )


def format_param(args, choices=("json",) + EXPORT_FORMATS) -> str:
    fmt = args.get("format", "").strip().lower() or choices[0]
    if fmt not in choices:
        raise QueryError("bad_parameter", f"'format' must be one of {', '.join(choices)}.")
    return fmt


def ask_params(args) -> SearchParams:
    """Parse q and per_page for /api/ask. Questions are answered over the
    whole corpus (the core's ``ask`` takes no filters or page), so those
    parameters are not read here."""
    return SearchParams(q=args.get("q", ""),
                        per_page=int_param(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))
