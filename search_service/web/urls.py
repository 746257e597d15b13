"""Links to the service's own pages, built in one place.

Pure functions (no request context), so the JSON shapes, the templates and
the CLI print the same links; tests check they agree with the routes.
"""
from __future__ import annotations

from urllib.parse import quote


def report_url(report_id: str) -> str:
    return f"/reports/{quote(report_id)}"


def passage_url(report_id: str, passage_id: str | None) -> str:
    """Permalink: the report page, scrolled to the passage's anchor."""
    return report_url(report_id) + (f"#{quote(passage_id)}" if passage_id else "")
