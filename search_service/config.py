"""Where things live: corpus and index folders, and the admin token.

Read once from the environment (SEARCH_SERVICE_CORPUS, SEARCH_SERVICE_INDEX,
SEARCH_SERVICE_ADMIN_TOKEN, SEARCH_SERVICE_SECRET_KEY, SEARCH_SERVICE_RATE_LIMIT)
with CLI options taking precedence.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


# Per client IP, per worker process: generous for people and polite scripts,
# a brake on floods. "off" turns it off (load tests from one address).
DEFAULT_RATE_LIMIT = "30 per second;600 per minute"


def _rate_limit(value: str) -> str | None:
    value = value.strip()
    return None if value.lower() in ("", "off", "none", "0") else value


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path
    index_dir: Path
    admin_token: str | None = None
    secret_key: str | None = None  # signs admin sessions; random per start when unset
    rate_limit: str | None = None  # per client on /api, e.g. "30 per second;600 per minute"; None = off

    @classmethod
    def from_env(cls, corpus: str | os.PathLike | None = None,
                 index: str | os.PathLike | None = None) -> "Settings":
        return cls(
            corpus_dir=Path(corpus or os.environ.get("SEARCH_SERVICE_CORPUS") or "corpus").resolve(),
            index_dir=Path(index or os.environ.get("SEARCH_SERVICE_INDEX") or "index").resolve(),
            admin_token=os.environ.get("SEARCH_SERVICE_ADMIN_TOKEN") or None,
            secret_key=os.environ.get("SEARCH_SERVICE_SECRET_KEY") or None,
            rate_limit=_rate_limit(os.environ.get("SEARCH_SERVICE_RATE_LIMIT", DEFAULT_RATE_LIMIT)),
        )
