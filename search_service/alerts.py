"""What is new for a search: the passages that match it, newest report first.

"New" is about the service, not the inspection: a report is as new as the
moment its file was first indexed (``Report.indexed_at``, kept across
rebuilds), so a report published years ago but added today is news to
someone following a search. Passages of one report come best match first.
A feed reader remembers the entries it has seen, so what it shows as new
after an upload are the new report's matching passages.

Matching is exactly the search's: ``search.search`` is called as for the
results page (same words, same filters), narrowed by a ``report`` filter to
the newest reports, a batch at a time. A batch with no match costs one
count (one page of one hit: no snippets to make); a batch with more matches
than are still wanted is halved (newer half first) until a part's matches
all fit, and those are fetched at once and put in report order. A feed
costs a few searches per report it shows, and one per batch of reports
without a match, not one per report.
"""
from __future__ import annotations

from search_service.index import IndexStore
from search_service.model import Hit, SearchResult
from search_service.rules import FEED_ENTRIES, MAX_PER_PAGE
from search_service.search import search


BATCH = 64  # reports asked about at once, newest first


def newest_matches(store: IndexStore, q: str, filters: dict | None = None,
                   limit: int = FEED_ENTRIES) -> tuple[list[Hit], SearchResult]:
    """The best ``limit`` passages matching ``q`` and ``filters``, newest
    report first, then best match first; and the plain result of the search
    (its ``total`` counts every matching passage). Raises QueryError as
    ``search`` does."""
    filters = dict(filters or {})
    hits: list[Hit] = []

    def visit(ids: list[str]) -> None:
        need = limit - len(hits)
        if need <= 0:
            return
        narrowed = {**filters, "report": ids}
        matches = search(store, q, filters=narrowed, per_page=1).total  # counting costs no snippets
        if not matches:
            return
        if matches <= need or len(ids) == 1:  # fetch them all (or the best) and put them in report order
            part = search(store, q, filters=narrowed, per_page=min(matches, need, MAX_PER_PAGE))
            place = {rid: i for i, rid in enumerate(ids)}
            hits.extend(sorted(part.hits, key=lambda h: (place[h.report.id], h.rank)))
        else:
            half = (len(ids) + 1) // 2
            visit(ids[:half])
            visit(ids[half:])

    with store.searcher():  # one state of the index for every search below
        first = search(store, q, filters=filters, per_page=1)
        chosen = set(filters.get("report") or ())
        newest = [r.id for r in sorted(store.reports(), key=lambda r: (r.indexed_at, r.id), reverse=True)
                  if not chosen or r.id in chosen]
        for start in range(0, len(newest) if first.total else 0, BATCH):
            if len(hits) >= limit:
                break
            visit(newest[start:start + BATCH])
    return hits[:limit], first
