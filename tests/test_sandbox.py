"""The sandbox that reads report files (search_service/sandbox.py): limits
hold, a breach is a value for the caller (never its crash), and a child
reads file after file with fresh limits for each."""
from __future__ import annotations

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


def test_one_child_reads_many_files_each_within_its_own_limit():
    """Each file gets its own processor-time allowance: eight files of 0.7 s
    each in one child (5.6 s in all, past a 3 s limit per file) all pass.
    The per-file limit was once set so that it could not be raised for the
    next file, and the child died."""
    out = dict(sandbox.run_each(burn, [0.7] * 8, sandbox.Limits(seconds=3, memory_mb=256), procs=1))
    assert out == {i: 0.7 for i in range(8)}


def test_a_breach_is_a_value_and_the_next_item_still_runs():
    limits = sandbox.Limits(seconds=2, memory_mb=128)
    out = dict(sandbox.run_each(allocate, [8, 2048, 8], limits, procs=1))
    assert out[0] == out[2] == 8 << 20
    assert isinstance(out[1], sandbox.LimitExceeded) and "needs more than 128 MB of memory" in str(out[1])
    started = time.monotonic()
    slow = sandbox.run(sleep, 30, limits)
    assert isinstance(slow, sandbox.LimitExceeded) and "took longer than 2 s" in str(slow)
    assert time.monotonic() - started < 10
