"""Links to the service's own pages, built in one place.

Pure functions (no request context), so the JSON shapes, the templates and
the CLI print the same links; tests check they agree with the routes.
"""
from __future__ import annotations

from urllib.parse import quote


def report_url(report_id: str) -> str:
    return f"/reports/{quote(report_id)}"


def report_api_url(report_id: str, page: int = 1, per_page: int | None = None) -> str:
    """The report's JSON, one page of its passages."""
    query = "&".join(f"{k}={v}" for k, v in (("page", page if page > 1 else None), ("per_page", per_page)) if v)
    return f"/api/reports/{quote(report_id)}" + (f"?{query}" if query else "")


def passage_url(report_id: str, passage_id: str | None) -> str:
    """Permalink: the report page, scrolled to the passage's anchor."""
    return report_url(report_id) + (f"#{quote(passage_id)}" if passage_id else "")
