"""bench/load.py keeps working: a short run (4 clients, about 5 s, a change
every second, going on until each kind of change was made once) against the
real server must report zero errors, zero inconsistent responses and no
report lost."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "load.py"


def test_short_load_run_with_changes_loses_nothing():
    r = subprocess.run([sys.executable, str(SCRIPT), "--clients", "4", "--duration", "5", "--every", "1",
                        "--workers", "2", "--min-changes", "4"], capture_output=True, text=True, timeout=600)
    out = r.stdout
    assert r.returncode == 0, out + r.stderr[-3000:]
    figures = dict(re.findall(r"^([a-z /]+): (\d+)", out, re.M))
    assert int(figures["requests"]) > 20
    assert figures["errors"] == "0" and figures["inconsistent responses"] == "0"
    assert int(figures["index changes made"]) >= 4
    assert re.search(r"\([1-9]\d* API upload, [1-9]\d* API delete, [1-9]\d* CLI add, [1-9]\d* CLI remove\)",
                     out), out  # every kind of change was made
    assert figures["reports lost"] == "0"
    assert re.search(r"^latency ms: p50 [\d.]+ +p95 [\d.]+ +p99 [\d.]+", out, re.M)
