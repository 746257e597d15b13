"""What is new for a search: the passages that match it, newest report first.

"New" is about the service, not the inspection: a report is as new as the
moment its file was first indexed (``Report.indexed_at``, kept across
rebuilds), so a report published years ago but added today is news to
someone following a search. Passages of one report come best match first.
A feed reader remembers the entries it has seen, so what it shows as new
after an upload are the new report's matching passages.

Matching is exactly the search's: ``search.search`` is called as it is for
the results page (same words, same filters), grouped by report to learn
which reports match and how often, then once per report needed for more of
its passages than the group carries.
"""
from __future__ import annotations

from search_service.index import IndexStore
from search_service.model import Hit, SearchResult
from search_service.rules import FEED_ENTRIES, MAX_PER_PAGE
from search_service.search import search


def newest_matches(store: IndexStore, q: str, filters: dict | None = None,
                   limit: int = FEED_ENTRIES) -> tuple[list[Hit], SearchResult]:
    """The best ``limit`` passages matching ``q`` and ``filters``, newest
    report first, and the first grouped result (its ``total`` counts every
    matching passage). Raises QueryError as ``search`` does."""
    filters = dict(filters or {})
    with store.searcher():  # one state of the index for all the searches below
        first = search(store, q, filters=filters, group="report", per_page=MAX_PER_PAGE)
        groups = list(first.groups)
        page = 1
        while len(groups) < first.groups_total and len(groups) == page * MAX_PER_PAGE:
            page += 1
            groups += search(store, q, page=page, filters=filters, group="report", per_page=MAX_PER_PAGE).groups
        groups.sort(key=lambda g: (g.report.indexed_at, g.report.id), reverse=True)
        hits: list[Hit] = []
        for g in groups:
            need = min(limit - len(hits), g.count)
            if need <= 0:
                break
            if need > len(g.hits):  # the group holds its best few; ask for as many as are wanted
                g.hits = search(store, q, filters={**filters, "report": [g.report.id]}, per_page=need).hits
            hits += g.hits[:need]
    return hits, first
