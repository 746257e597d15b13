"""Where things live: corpus and index folders, and the admin token.

Read once from the environment (SEARCH_SERVICE_CORPUS, SEARCH_SERVICE_INDEX,
SEARCH_SERVICE_ADMIN_TOKEN, SEARCH_SERVICE_SECRET_KEY) with CLI options taking
precedence.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path
    index_dir: Path
    admin_token: str | None = None
    secret_key: str | None = None  # signs admin sessions; random per start when unset

    @classmethod
    def from_env(cls, corpus: str | os.PathLike | None = None,
                 index: str | os.PathLike | None = None) -> "Settings":
        return cls(
            corpus_dir=Path(corpus or os.environ.get("SEARCH_SERVICE_CORPUS") or "corpus").resolve(),
            index_dir=Path(index or os.environ.get("SEARCH_SERVICE_INDEX") or "index").resolve(),
            admin_token=os.environ.get("SEARCH_SERVICE_ADMIN_TOKEN") or None,
            secret_key=os.environ.get("SEARCH_SERVICE_SECRET_KEY") or None,
        )
