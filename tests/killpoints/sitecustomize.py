"""Crash points for tests/test_hostile.py, loaded only by that test (it puts
this folder on PYTHONPATH). When SEARCH_SERVICE_TEST_KILL names a point, the
server kills its whole process group with SIGKILL there, as ``kill -9`` or a
power cut would, in the middle of an upload or a delete:

- ``read``: the upload is written to its staging folder, not yet read;
- ``moved``: under the write lock, the new file moved into corpus/, not yet indexed;
- ``toc``: the index's new segment files written, its table of contents not;
- ``derived``: writing the derived data (vocabulary, glossary) of the change;
- ``replace``: replacing a report: the old file moved aside, the new one not yet in;
- ``remove``: deleting a report: its files moved aside, the index not yet changed.
"""
import os
import signal

POINT = os.environ.get("SEARCH_SERVICE_TEST_KILL")


def _die():
    os.killpg(os.getpgrp(), signal.SIGKILL)


if POINT:
    import types
    from pathlib import Path

    from search_service import corpus, indexer

    if POINT == "read":
        read = indexer.Indexer.read

        def _read(self, path):
            _die()
            return read(self, path)

        indexer.Indexer.read = _read
    elif POINT in ("moved", "remove"):
        apply = indexer.Indexer.apply

        def _apply(self, items, remove=()):
            if (POINT == "moved" and items) or (POINT == "remove" and remove):
                _die()
            return apply(self, items, remove)

        indexer.Indexer.apply = _apply
    elif POINT == "toc":
        from whoosh.writing import SegmentWriter

        commit_toc = SegmentWriter._commit_toc

        def _commit_toc(self, segments):
            _die()
            return commit_toc(self, segments)

        SegmentWriter._commit_toc = _commit_toc
    elif POINT == "derived":
        def _write(path, text):
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(text[: len(text) // 2], encoding="utf-8")  # half written, then the power goes
            _die()

        indexer._write_atomically = _write
    elif POINT == "replace":
        real = corpus.os

        class _Os(types.ModuleType):
            def __getattr__(self, name):
                return getattr(real, name)

        proxy = _Os("os")

        def _replace(src, dst):
            real.replace(src, dst)
            if Path(dst).name.startswith("previous-"):
                _die()

        proxy.replace = _replace
        corpus.os = proxy
