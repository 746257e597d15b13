"""The Whoosh index: schema, build, sync with corpus/, and shared searchers.

INTERFACE (being implemented):

class QueryError(ValueError)  -- lives in search.py

class IndexStore:
    def __init__(self, index_dir: Path, corpus_dir: Path): ...
    def exists(self) -> bool                      # an index has been built
    def sync(self, rebuild: bool = False) -> SyncResult   # bring index in line with corpus/
    def ensure(self) -> None                      # build if missing
    def reports(self) -> list[Report]             # sorted by force, year
    def report(self, report_id: str) -> Report | None
    def passages(self, report_id: str) -> list[Passage]   # in reading order
    def passage(self, passage_id: str) -> Passage | None
    def counts(self) -> tuple[int, int]           # (reports, passages)
    def searcher(self)  -> context manager yielding a whoosh Searcher (reused, refreshed)

@dataclass SyncResult: added: list[str], updated: list[str], removed: list[str], unchanged: list[str]
"""
