"""Links to the service's own pages, built in one place.

Pure functions (no request context), so the JSON shapes, the templates and
the CLI print the same links; tests check they agree with the routes.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode


def report_url(report_id: str) -> str:
    return f"/reports/{quote(report_id)}"


def report_api_url(report_id: str, page: int = 1, per_page: int | None = None) -> str:
    """The report's JSON, one page of its passages."""
    query = "&".join(f"{k}={v}" for k, v in (("page", page if page > 1 else None), ("per_page", per_page)) if v)
    return f"/api/reports/{quote(report_id)}" + (f"?{query}" if query else "")


def passage_url(report_id: str, passage_id: str | None) -> str:
    """Permalink: the report page, scrolled to the passage's anchor."""
    return report_url(report_id) + (f"#{quote(passage_id)}" if passage_id else "")


def organisation_url(organisation_id: str) -> str:
    return f"/forces/{quote(organisation_id)}"


def area_url(key: str, cycle: str | None = None, grade: str | None = None) -> str:
    """The national picture of an area, narrowed to a cycle and grade when given."""
    params = [(k, v) for k, v in (("cycle", cycle), ("grade", grade)) if v]
    return f"/areas/{quote(key)}" + (f"?{urlencode(params)}" if params else "")


def search_url(**params) -> str:
    """The results page with these parameters (lists repeat: report=a&report=b)."""
    return "/search?" + urlencode(params, doseq=True)


def feed_url(feed: str, /, **params) -> str:
    """An Atom feed: ``feed`` "search" (of a search's passages) or "reports"
    (of new reports), with the parameters (filters may be named kind …)."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)
    return f"/{feed}.atom" + (f"?{query}" if query else "")
