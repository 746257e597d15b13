"""Split eval/spelling.jsonl once, at random, into a tuning half and a
validation half (written into each line as "split").

Stratified by "type", so both halves hold every kind of misspelling and of
correct word; within a type the order is shuffled by random.Random(SEED)
and the first half (rounded up) is "tune". Run once; the halves are then
fixed in the file. Tune the speller on "tune" only and report both
(`search-service eval-spelling eval/spelling.jsonl`).
"""
from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20240613
PATH = Path(__file__).with_name("spelling.jsonl")


def main() -> None:
    rows = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(SEED)
    by_type: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_type.setdefault(row["type"], []).append(i)
    for indexes in by_type.values():
        rng.shuffle(indexes)
        half = (len(indexes) + 1) // 2
        for n, i in enumerate(indexes):
            rows[i]["split"] = "tune" if n < half else "validation"
    PATH.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
