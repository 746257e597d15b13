"""bench/load.py keeps working: a short run (4 clients, about 5 s, a change
every second) against the real server must report zero errors, zero
inconsistent responses, some index changes and no report lost."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "load.py"


def test_short_load_run_with_changes_loses_nothing():
    r = subprocess.run([sys.executable, str(SCRIPT), "--clients", "4", "--duration", "5", "--every", "1",
                        "--workers", "2"], capture_output=True, text=True, timeout=300)
    out = r.stdout
    assert r.returncode == 0, out + r.stderr[-3000:]
    figures = dict(re.findall(r"^([a-z /]+): (\d+)", out, re.M))
    assert int(figures["requests"]) > 20
    assert figures["errors"] == "0" and figures["inconsistent responses"] == "0"
    assert int(figures["index changes made"]) >= 2
    assert figures["reports lost"] == "0"
    assert re.search(r"^latency ms: p50 [\d.]+ +p95 [\d.]+ +p99 [\d.]+", out, re.M)
