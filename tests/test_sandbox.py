"""The sandbox that reads report files (search_service/sandbox.py): limits
hold, a breach is a value for the caller (never its crash), and a child
reads file after file with fresh limits for each."""
from __future__ import annotations

import os
import time

from search_service import sandbox


def burn(seconds: float) -> float:
    """Use ``seconds`` of processor time (a slow reader)."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return seconds


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes << 20))


def sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def native_crash(value: int) -> tuple[int, bool]:
    """Die as native code dies (pdfium aborts when an allocation fails)
    unless reading carefully, or always for a negative value."""
    if value < 0 or not sandbox.careful():
        os.abort()
    return value, sandbox.careful()


def careful(_) -> bool:
    return sandbox.careful()


def test_one_child_reads_many_files_each_within_its_own_limit():
    """Each file gets its own processor-time allowance: twelve files of 0.3 s
    each in one child (3.6 s in all, past a 3 s limit per file) all pass.
    The per-file limit was once set so that it could not be raised for the
    next file, and the child died. (Each file's 0.3 s leaves room for a
    machine busy with other work: the limit is also on wall time.)"""
    out = dict(sandbox.run_each(burn, [0.3] * 12, sandbox.Limits(seconds=3, memory_mb=256), procs=1))
    assert out == {i: 0.3 for i in range(12)}


def test_a_breach_is_a_value_and_the_next_item_still_runs():
    limits = sandbox.Limits(seconds=2, memory_mb=128)
    out = dict(sandbox.run_each(allocate, [8, 2048, 8], limits, procs=1))
    assert out[0] == out[2] == 8 << 20
    assert isinstance(out[1], sandbox.LimitExceeded) and "needs more than 128 MB of memory" in str(out[1])
    started = time.monotonic()
    slow = sandbox.run(sleep, 30, limits)
    assert isinstance(slow, sandbox.LimitExceeded) and "took longer than 2 s" in str(slow)
    assert time.monotonic() - started < 10


def test_a_file_that_crashes_its_child_is_read_again_carefully_once():
    """A child killed by native code (not by a limit) has its file read once
    more in a careful child, where readers take their pure-Python path (the
    PDF reader uses pdfminer, not pdfium); other files are read normally."""
    limits = sandbox.Limits(seconds=10, memory_mb=256)
    out = dict(sandbox.run_each(native_crash, [1, 2], limits, procs=1))
    assert out == {0: (1, True), 1: (2, True)}
    assert dict(sandbox.run_each(careful, [0, 0, 0], limits, procs=1)) == {0: False, 1: False, 2: False}
    twice = sandbox.run(native_crash, -1, limits)
    assert isinstance(twice, sandbox.LimitExceeded) and "the reader stopped unexpectedly" in str(twice)
