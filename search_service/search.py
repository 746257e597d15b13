"""Query → ranked, cited hits.

INTERFACE (being implemented):

class QueryError(ValueError):
    code: str      # e.g. "empty_query", "query_too_long", "bad_page", "unknown_field"
    message: str   # human readable

def search(store: IndexStore, q: str, page: int = 1, per_page: int = 10,
           filters: dict[str, str] | None = None) -> SearchResult
    # filters keys: "force", "year", "kind", "report"
    # raises QueryError for bad input (empty q, > 1000 chars, page < 1, per_page not in 1..100,
    #   page beyond the last page is NOT an error: empty results)
"""
