"""What the API, the pages and the admin pages do, written once: each view
reads its parameters, calls one of these and renders the result as JSON or
HTML. Errors are raised (QueryError, ApiError) and mapped by web/errors.py.
"""
from __future__ import annotations

import errno
from contextlib import contextmanager

from flask import current_app, g

from search_service import answer as answer_mod
from search_service import compare as compare_mod
from search_service import corpus
from search_service import findings as findings_mod
from search_service import national as national_mod
from search_service import organisations as organisations_mod
from search_service import search as search_mod
from search_service.alerts import newest_matches
from search_service.config import Settings
from search_service.grades_table import earlier_table
from search_service.index import IndexStore
from search_service.indexer import IndexBusy, Indexer
from search_service.rules import COMPARE_FILTERS, FEED_ENTRIES, REPORT_FILTERS, valid_report_id
from search_service.web import urls
from search_service.web.errors import ApiError
from search_service.web.params import SearchParams, filter_params

WRITE_TIMEOUT = 30  # seconds an upload or delete waits for a running reindex


def get_store() -> IndexStore:
    return current_app.extensions["search_service"]["store"]


def get_indexer() -> Indexer:
    return current_app.extensions["search_service"]["indexer"]


def get_settings() -> Settings:
    return current_app.extensions["search_service"]["settings"]


def note_results(count: int) -> None:
    """Tell the access log how many results this request found."""
    g.result_count = count


def run_search(params: SearchParams):
    result = search_mod.search(get_store(), params.q, page=params.page, per_page=params.per_page,
                               filters=params.filters or None, group=params.group, sort=params.sort,
                               year_from=params.year_from, year_to=params.year_to, autocorrect=params.autocorrect)
    note_results(result.total)
    return result


def run_export(params: SearchParams):
    """Every result (up to rules.MAX_EXPORT), ranked as on the pages."""
    result = search_mod.export(get_store(), params.q, filters=params.filters or None, sort=params.sort,
                               year_from=params.year_from, year_to=params.year_to, autocorrect=params.autocorrect)
    note_results(result.total)
    return result


def run_suggest(q: str, limit: int):
    return get_store().completer().complete(q, limit)


def run_ask(q: str, per_page: int, facets: bool = True) -> "answer_mod.Asked":
    """The answer (or why there is none) and the passages for a question
    (with their facet counts unless ``facets`` is False)."""
    asked = answer_mod.answer_question(get_store(), q, per_page=per_page, facets=facets)
    note_results(asked.result.total)
    return asked


def glossary_entries() -> list[dict]:
    """The glossary as a list sorted by acronym (case-insensitively)."""
    return [{"acronym": acronym, "expansion": expansion}
            for acronym, expansion in sorted(get_store().glossary().items(), key=lambda kv: (kv[0].lower(), kv[0]))]


def _not_found(report_id: str) -> ApiError:
    return ApiError(404, "not_found", f"No report with id '{report_id[:200]}'.")


def find_report(report_id: str):
    """The report, or a 404 for unknown and malformed ids alike."""
    report = get_store().report(report_id) if valid_report_id(report_id) else None
    if report is None:
        raise _not_found(report_id)
    return report


def list_reports(args):
    """The reports that the force, year and inspection parameters allow."""
    return compare_mod.select_reports(get_store().reports(), filter_params(args, REPORT_FILTERS))


def all_findings() -> list:
    """Every cause of concern, recommendation and area for improvement, with
    progress links (computed once per state of the index)."""
    store = get_store()
    return store.cached("findings", lambda: findings_mod.all_items(store.reports(), store.passages))


def list_findings(args) -> list:
    """Causes of concern, recommendations and areas for improvement across
    reports, filtered by the request (findings.FILTERS)."""
    filters = {name: args.getlist(name) for name in findings_mod.FILTERS if args.getlist(name)}
    chosen = findings_mod.select(all_findings(), filters)
    note_results(len(chosen))
    return chosen


def run_compare(args) -> dict:
    return compare_mod.compare(get_store().reports(), filter_params(args, COMPARE_FILTERS))


def all_organisations() -> list:
    store = get_store()
    return store.cached("organisations", lambda: organisations_mod.organisations(store.reports()))


def find_organisation(organisation_id: str):
    """The organisation, or a 404 (its id has the form of a report id)."""
    org = next((o for o in all_organisations() if o.id == organisation_id), None) \
        if valid_report_id(organisation_id) else None
    if org is None:
        raise ApiError(404, "not_found", f"No police force or fire and rescue service with id "
                                         f"'{organisation_id[:200]}'. The list is at /forces.")
    return org


def organisation_record(org) -> dict:
    """What an organisation's page shows beyond its reports: its timeline,
    its latest summing-up grades, its causes of concern, recommendations and
    areas for improvement (open, with progress reported, to other bodies),
    and the passages they cite."""
    items = organisations_mod.open_items(org, all_findings())
    store = get_store()
    cited = {i.passage_id for kind in items.values() for i in kind if i.passage_id}
    passages = {pid: p for pid in cited if (p := store.passage(pid)) is not None}
    return {"timeline": organisations_mod.timeline(org, earlier_grades(org)),
            "headline": organisations_mod.headline(org), "items": items, "passages": passages}


def earlier_grades(org) -> dict:
    """Report id → (the earlier column, its passage id) of each of the
    organisation's graded reports that sets its grades beside the last
    inspection's in a table (read once per report and state of the index)."""
    store = get_store()

    def read(r):
        found = earlier_table(r.inspection_year, store.passages(r.id, kind="table"))
        return (found[0], found[1].id) if found else None

    found = {r.id: store.cached(f"earlier-grades:{r.id}", lambda r=r: read(r)) for r in org.reports if r.judgments}
    return {rid: value for rid, value in found.items() if value}


def organisation_links(org) -> tuple[str, str]:
    """(search URL, feed URL) of an organisation: a search within its reports
    (add ``q``), and the feed of new reports on it."""
    return (urls.search_url(report=[r.id for r in org.reports]), urls.feed_url("reports", force=org.name))


def national_cells() -> list[dict]:
    store = get_store()
    return store.cached("national", lambda: national_mod.cells(store.reports()))


def national_picture(key: str, args) -> dict:
    """One area's national picture, narrowed by ``cycle`` and ``grade``; 404 for an unknown area."""
    picture = national_mod.national(national_cells(), key[:300], args.get("cycle", "").strip() or None,
                                    args.get("grade", "").strip() or None)
    if picture is None:
        raise ApiError(404, "not_found", f"No judgment area '{key[:200]}'. The list is at /areas.")
    return picture


def search_feed(params):
    """(hits, first grouped result) of a search's feed: newest report first."""
    hits, result = newest_matches(get_store(), params.q, params.filters or None)
    note_results(result.total)
    return hits, result


def newest_reports(args) -> list:
    """The reports the filters allow, most recently indexed first, at most FEED_ENTRIES."""
    chosen = list_reports(args)
    return sorted(chosen, key=lambda r: (r.indexed_at, r.id), reverse=True)[:FEED_ENTRIES]


@contextmanager
def write_errors():
    """Refusals and failures of a corpus change, as the API's errors."""
    try:
        yield
    except corpus.CorpusError as e:
        raise ApiError(e.status, e.code, e.message)
    except IndexBusy as e:
        raise ApiError(409, "busy", str(e))
    except OSError as e:  # disk full, read-only, permissions: the change was rolled back
        status = 507 if e.errno == errno.ENOSPC else 503
        raise ApiError(status, "write_failed", f"The change could not be saved ({e.strerror or e}); "
                       "nothing was changed. Try again later.")


def upload(file, replace: bool) -> corpus.Change:
    """Add an uploaded file (a werkzeug FileStorage); refusals become 4xx."""
    if file is None or not file.filename:
        raise ApiError(400, "missing_file", "Send the report as a multipart form field named 'file'.")
    data = file.read(corpus.MAX_BYTES + 1)
    with write_errors():
        return corpus.add_report(get_indexer(), file.filename, data, replace=replace, timeout=WRITE_TIMEOUT)


def delete(report_id: str):
    """Whether the report exists is decided under the write lock, from the
    index as it is then (not as this request found it)."""
    if not valid_report_id(report_id):
        raise _not_found(report_id)
    with write_errors():
        return corpus.remove_report(get_indexer(), report_id, timeout=WRITE_TIMEOUT)
