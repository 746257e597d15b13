"""Latency summaries and memory readings."""
from __future__ import annotations

import os
import resource


def percentile(sorted_values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def summary(seconds: list[float]) -> dict:
    """n, p50/p95/p99/mean/max in milliseconds."""
    v = sorted(seconds)
    if not v:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "p99_ms": None, "mean_ms": None, "max_ms": None}
    ms = lambda x: round(x * 1000, 3)  # noqa: E731
    return {"n": len(v), "p50_ms": ms(percentile(v, 0.50)), "p95_ms": ms(percentile(v, 0.95)),
            "p99_ms": ms(percentile(v, 0.99)), "mean_ms": ms(sum(v) / len(v)), "max_ms": ms(v[-1])}


def self_peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _proc_children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def tree_memory_mb(pid: int) -> tuple[float, float | None, int]:
    """(sum of RSS, sum of PSS or None, number of processes) of ``pid`` and
    its descendants. RSS counts pages shared between a preloading master and
    its forked workers once per process; PSS splits them fairly."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        try:
            root = psutil.Process(pid)
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            return 0.0, None, 0
        rss = pss = 0
        have_pss = True
        for p in procs:
            try:
                full = p.memory_full_info()
                rss += full.rss
                pss += getattr(full, "pss", 0)
                have_pss = have_pss and hasattr(full, "pss")
            except psutil.AccessDenied:
                have_pss = False
                rss += p.memory_info().rss
            except psutil.Error:
                continue
        return rss / 2**20, (pss / 2**20 if have_pss else None), len(procs)
    # no psutil: /proc (Linux)
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo += _proc_children(p)
    rss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return rss / 2**20, None, len(pids)
