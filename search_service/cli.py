"""Command line: ``search-service`` (also ``python -m search_service``).

A thin layer over index/search/answer/evaluate; ``--json`` output is the same
JSON the web API returns. Bad input exits with status 2 and a one-line message
on stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

import search_service
from search_service.config import Settings, serve_defaults


class CLIError(Exception):
    """An expected failure: printed as ``error: ...`` and exit status 2."""


def _store(settings: Settings, must_exist: bool = True):
    from search_service.index import IndexStore

    store = IndexStore(settings.index_dir, settings.corpus_dir)
    if must_exist and not store.exists():
        raise CLIError(f"no index in {settings.index_dir}; build it with `search-service index`")
    return store


def _indexer(settings: Settings):
    from search_service.indexer import Indexer

    return Indexer(_store(settings, must_exist=False), settings.read_limits)


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _print_sync(result) -> int:
    """Print a SyncResult; status 1 when some report files could not be indexed."""
    for label in ("added", "updated", "removed"):
        for report_id in getattr(result, label):
            print(f"{label}: {report_id}")
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for name, reason in result.failed.items():
        print(f"failed: {name}: {reason}", file=sys.stderr)
    print(", ".join(f"{len(getattr(result, label))} {label}"
                    for label in ("added", "updated", "removed", "unchanged")))
    return 1 if result.failed else 0


def _progress():
    """A progress callback for long syncs: a bar on a terminal, plain lines
    (about every 5%) in logs."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = None

        def show(n: int, total: int, name: str) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(total=total, unit="report", file=sys.stderr, leave=False)
            bar.set_postfix_str(name[:40], refresh=False)
            bar.update(1)
            if n == total:
                bar.close()
        return show

    def log(n: int, total: int, name: str) -> None:
        if n == 1 or n == total or n % max(1, total // 20) == 0:
            print(f"indexing {n}/{total}: {name}", file=sys.stderr, flush=True)
    return log


def _sync(indexer, rebuild: bool = False):
    """Sync, waiting (and saying so) while another process holds the lock."""
    return indexer.sync(rebuild=rebuild, progress=_progress(), waiting=_waiting)


def _waiting() -> None:
    print("waiting for another reindex to finish ...", file=sys.stderr, flush=True)


def _reconcile(indexer, rebuild: bool = False):
    """Finish or undo what killed processes left, then sync (corpus.reconcile)."""
    from search_service import corpus

    result = corpus.reconcile(indexer, rebuild=rebuild, progress=_progress(), waiting=_waiting)
    for line in result.recovered:
        print(f"recovered: {line}", file=sys.stderr)
    return result


def cmd_index(args, settings: Settings) -> int:
    if not settings.corpus_dir.is_dir():
        raise CLIError(f"corpus folder not found: {settings.corpus_dir}")
    return _print_sync(_reconcile(_indexer(settings), rebuild=args.rebuild))


def cmd_add(args, settings: Settings) -> int:
    """Sidecars are copied first so the reports they describe are indexed
    with them; each report goes through the same checks as an upload."""
    from search_service import corpus

    files = [Path(f) for f in args.files]
    for f in files:
        if not f.is_file():
            raise CLIError(f"not a file: {f}")
    sidecars = [f for f in files if f.name.endswith(".meta.json")]
    reports = [f for f in files if f not in sidecars]
    for f in reports:
        try:
            corpus.safe_name(f.name)
        except corpus.CorpusError as e:
            raise CLIError(e.message) from None
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    for f in sidecars:
        target = settings.corpus_dir / f.name
        if not (target.exists() and target.samefile(f)):
            shutil.copy2(f, target)
    indexer = _indexer(settings)
    failed = 0
    for f in reports:
        try:
            change = corpus.add_file(indexer, f)
            print(f"{change.status}: {change.report.id} ({change.passages or 'no new'} passages)"
                  if change.status != "unchanged" else f"unchanged: {change.report.id}")
        except corpus.CorpusError as e:
            print(f"failed: {f.name}: {e.message}", file=sys.stderr)
            failed += 1
    if sidecars:  # metadata changes of reports already in the corpus
        result = _sync(indexer)
        for label in ("added", "updated", "removed"):
            for report_id in getattr(result, label):
                print(f"{label}: {report_id}")
    return 1 if failed else 0


def cmd_remove(args, settings: Settings) -> int:
    from search_service import corpus

    _store(settings)  # an index must exist
    indexer = _indexer(settings)
    status = 0
    for rid in args.ids:
        try:
            report = corpus.remove_report(indexer, rid)
            print(f"removed: {report.id} ({report.source})")
        except corpus.CorpusError as e:
            print(f"error: {e.message}", file=sys.stderr)
            status = 2
    return status


def _print_hits(hits) -> None:
    from search_service.web.urls import passage_url

    for hit in hits:
        print(f"{hit.rank}. {hit.citation}")
        print(f"   {hit.snippet.text}")
        if hit.missing:
            print(f"   Missing: {', '.join(hit.missing)}")
        print(f"   {passage_url(hit.passage.report_id, hit.passage.id)}")
        print()


def cmd_search(args, settings: Settings) -> int:
    from search_service import search
    from search_service.rules import FILTERS
    from search_service.web.shapes import export_csv, export_jsonl, search_json
    from search_service.web.urls import report_url

    filters = {k: v for k in FILTERS if (v := getattr(args, k, None))}
    options = dict(filters=filters or None, sort=args.sort, year_from=args.year_from, year_to=args.year_to,
                   autocorrect=not args.no_autocorrect)
    if args.format:  # every result, as /api/search?format= gives them (links relative to the site)
        result = search.export(_store(settings), args.query, **options)
        sys.stdout.write((export_csv if args.format == "csv" else export_jsonl)(result, ""))
        return 0
    result = search.search(_store(settings), args.query, page=args.page, per_page=args.limit, group=args.group,
                           **options)
    if args.json:
        _print_json(search_json(result))
        return 0
    if result.corrected:
        print(f"Showing results for: {result.suggestion} (search instead for {args.query!r} with --no-autocorrect)\n")
    if result.relaxed:
        print(f"No passage has every word; leaving out: {', '.join(result.dropped)}\n")
    if not result.hits:
        print(f"No passages match {args.query!r}.")
    elif result.group:
        first = (result.page - 1) * result.per_page + 1
        print(f"Reports {first}-{first + len(result.groups) - 1} of {result.groups_total} "
              f"({result.total} passages)\n")
        for n, g in enumerate(result.groups, start=first):
            pages = ", ".join(str(page) for page, _ in g.pages)
            print(f"{n}. {g.report.title or g.report.id}")
            print(f"   {g.count} passage{'s' if g.count != 1 else ''}: p{'p' if len(g.pages) > 1 else ''}. {pages}")
            print(f"   {report_url(g.report.id)}\n")
    else:
        first = (result.page - 1) * result.per_page + 1
        print(f"Results {first}-{first + len(result.hits) - 1} of {result.total} ({result.took_ms / 1000:.3f} s)\n")
        _print_hits(result.hits)
    if result.suggestion and not result.corrected:
        print(f"Did you mean: {result.suggestion}")
    return 0


def cmd_ask(args, settings: Settings) -> int:
    from search_service import answer as answer_mod
    from search_service.web.shapes import ask_json
    from search_service.web.urls import passage_url

    asked = answer_mod.answer_question(_store(settings), args.question, facets=False)  # neither form shows them
    answer, result = asked.answer, asked.result
    if args.json:
        _print_json(ask_json(answer, result, asked.declined_reason))
        return 0
    if answer:
        print(answer.text)
        for item in answer.items:
            print(f"  - {item.text}")
            print(f"    {item.citation}  {passage_url(item.report_id, item.passage_id)}")
        if not answer.items:
            print(f"  — {answer.citation}")
            print(f"  {passage_url(answer.report_id, answer.passage_id)}")
        if answer.note:
            print(f"  ({answer.note})")
    else:
        print(f"Not found in the reports. {asked.declined_reason or ''}".strip())
    if result.hits:
        print(f"\nTop passages ({len(result.hits)} with --json):\n")
        _print_hits(result.hits[:3])
    return 0


def _read(load, path: str) -> list[dict]:
    """A JSON lines file through ``load``; unreadable or malformed is a CLIError."""
    try:
        return load(path)
    except OSError as e:
        raise CLIError(f"cannot read {path}: {e.strerror}") from None
    except ValueError as e:
        raise CLIError(str(e)) from None


def cmd_eval(args, settings: Settings) -> int:
    from search_service import evaluate

    questions = []
    for path in args.questions:
        questions += _read(evaluate.load_questions, path)
    questions, repeats = evaluate.distinct(questions)
    if repeats:
        print(f"note: {len(repeats)} question(s) repeat an earlier one word for word ("
              f"{', '.join(q['id'] for q in repeats[:8])}{' …' if len(repeats) > 8 else ''}); each is counted once, "
              "as first written and split", file=sys.stderr)
    if args.split:
        questions = [q for q in questions if q.get("split") == args.split]
        if not questions:
            raise CLIError(f"no question in {', '.join(args.questions)} is in the {args.split!r} split")
    result = evaluate.evaluate(_store(settings), questions)
    if args.json:
        _print_json(result)
    else:
        if args.split:
            print(f"split: {args.split}")
        print(evaluate.format_report(result, rows=not args.summary))
    return 0


def _report(result: dict, as_json: bool, as_text) -> int:
    """An evaluation's figures: as JSON, or as text through ``as_text``."""
    if as_json:
        _print_json(result)
    else:
        print(as_text(result))
    return 0


def cmd_eval_spelling(args, settings: Settings) -> int:
    from search_service import evaluate

    cases = _read(evaluate.load_spelling, args.cases)
    if args.split != "all":
        cases = [c for c in cases if c["split"] == args.split]
    return _report(evaluate.evaluate_spelling(_store(settings), cases), args.json, evaluate.format_spelling_report)


def cmd_serve(args, settings: Settings) -> int:
    from search_service import serve

    indexer = _indexer(settings)
    store = indexer.store
    if not store.exists():
        print(f"Building the index of {settings.corpus_dir} ...", file=sys.stderr)
    if settings.corpus_dir.is_dir() or not store.exists():
        # a server killed mid-upload left nothing half-done behind, and files
        # changed while it was down are indexed before it answers
        result = _reconcile(indexer)
        for label in ("added", "updated", "removed"):
            for report_id in getattr(result, label):
                print(f"{label}: {report_id}", file=sys.stderr)
        for name, reason in result.failed.items():
            print(f"failed: {name}: {reason}", file=sys.stderr)
    # read the postings once here, before gunicorn forks: the workers share them
    import time

    t0 = time.perf_counter()
    postings = store.warm()
    from search_service import answer, semantic

    semantic.warm()  # the embedding model too: loaded once, shared by the workers
    answer.warm(store)  # and what questions read from every report
    print(f"Loaded {postings:,} postings and the embedding model in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    print(f"Serving {settings.corpus_dir} on http://{args.host}:{args.port}", file=sys.stderr)
    serve.run(settings, store, host=args.host, port=args.port, workers=args.workers)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    from search_service.rules import EXPORT_FORMATS, FILTERS, GROUPS, MAX_EXPORT, SORTS

    parser = argparse.ArgumentParser(
        prog="search-service",
        description="Search and question answering over police inspection reports.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {search_service.__version__}")
    parser.add_argument("--corpus", metavar="DIR",
                        help="report files (default: $SEARCH_SERVICE_CORPUS or ./corpus)")
    parser.add_argument("--index", metavar="DIR",
                        help="index folder (default: $SEARCH_SERVICE_INDEX or ./index)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("index", help="bring the index in line with the corpus folder")
    p.add_argument("--rebuild", action="store_true", help="start from an empty index")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("add", help="copy report files into the corpus and index them")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("remove", help="delete reports (by id) from the corpus and the index")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("search", help="search passages (same results as /api/search)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=10, metavar="N", help="results per page (default 10)")
    p.add_argument("--page", type=_positive, default=1, metavar="N", help="page of results (default 1)")
    for name in FILTERS:
        p.add_argument(f"--{name}", metavar=name.upper(), action="append",
                       help=f"only passages with this {name} (repeat, or separate with commas, for any of several)")
    p.add_argument("--group", choices=GROUPS, help="one entry per report, with the pages that match")
    p.add_argument("--sort", choices=SORTS, default=SORTS[0], help="order of the results (default relevance)")
    p.add_argument("--year-from", metavar="YEAR", help="only reports of this year or later")
    p.add_argument("--year-to", metavar="YEAR", help="only reports of this year or earlier")
    p.add_argument("--no-autocorrect", action="store_true",
                   help="when nothing matches, do not show the results of a spelling correction")
    p.add_argument("--json", action="store_true", help="print the API's JSON")
    p.add_argument("--format", choices=EXPORT_FORMATS,
                   help=f"print every result (up to {MAX_EXPORT:,}) as CSV or JSON Lines, as the API's export")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with a cited sentence (same as /api/ask)")
    p.add_argument("question", metavar="QUESTION")
    p.add_argument("--json", action="store_true", help="print the API's JSON")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="retrieval (success@k, MRR@10), answers right, wrong and missing, "
                                    "per kind, abstention and calibration on question files")
    p.add_argument("questions", metavar="QUESTIONS.jsonl", nargs="+")
    p.add_argument("--split", choices=("tune", "validation"), help="only the questions of this half")
    p.add_argument("--summary", action="store_true", help="the figures without the per-question table")
    p.add_argument("--json", action="store_true", help="print the metrics and rows as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("eval-spelling", help="did-you-mean precision and recall on a file of spelling cases")
    p.add_argument("cases", metavar="SPELLING.jsonl")
    p.add_argument("--split", choices=("all", "tune", "validation"), default="all",
                   help="only the cases of one half (default: all, with figures per half)")
    p.add_argument("--json", action="store_true", help="print the figures and rows as JSON")
    p.set_defaults(func=cmd_eval_spelling)

    p = sub.add_parser("serve", help="run the web app under gunicorn (builds the index if missing)")
    defaults = serve_defaults()
    p.add_argument("--host", default=defaults["host"], help="address to listen on (default: $HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, default=defaults["port"], help="port (default: $PORT or 5000)")
    p.add_argument("--workers", type=_positive, metavar="N", default=defaults["workers"],
                   help="worker processes (default: $WEB_CONCURRENCY or the number of CPU cores)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        settings = Settings.from_env(args.corpus, args.index)
    except ValueError as e:  # a malformed setting in the environment
        print(f"error: {e}", file=sys.stderr)
        return 2
    from search_service.rules import QueryError

    try:
        return args.func(args, settings)
    except QueryError as e:
        print(f"error: {e.message}", file=sys.stderr)
    except CLIError as e:
        print(f"error: {e}", file=sys.stderr)
    except OSError as e:  # a failed write (disk full, permissions): the index is unchanged
        where = f" ({e.filename})" if e.filename else ""
        print(f"error: could not write{where}: {e.strerror or e}; the index is unchanged", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`
        sys.stdout = open(os.devnull, "w")
        return 0
    return 2
