"""Settings: where things live and how the service runs behind its front.

Read once from the environment, with CLI options taking precedence:

==================================== =================================================
SEARCH_SERVICE_CORPUS                report files (default ./corpus)
SEARCH_SERVICE_INDEX                 the index folder (default ./index)
SEARCH_SERVICE_ADMIN_TOKEN           bearer token for uploads and deletes (unset: off)
SEARCH_SERVICE_SECRET_KEY            signs admin sessions (random per start when unset)
SEARCH_SERVICE_RATE_LIMIT            per client, e.g. "30 per second;600 per minute"; "off"
SEARCH_SERVICE_RATE_LIMIT_STORAGE    where limits are counted: memory:// (per worker,
                                     the default) or a shared store, redis://host:6379
SEARCH_SERVICE_TRUSTED_PROXIES       reverse proxies in front that set X-Forwarded-*
                                     (0, the default: none; clients are the peers)
SEARCH_SERVICE_READ_SECONDS          time to read one report file (default 120)
SEARCH_SERVICE_READ_MEMORY_MB        memory to read one report file (default 1024)
HOST, PORT, WEB_CONCURRENCY          ``serve``: address, port and worker processes
==================================== =================================================
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from search_service.sandbox import Limits

# Per client IP: generous for people and polite scripts, a brake on floods.
# "off" turns it off (load tests from one address).
DEFAULT_RATE_LIMIT = "30 per second;600 per minute"
DEFAULT_RATE_LIMIT_STORAGE = "memory://"
# Reading one report file (in a child process, sandbox.py): pdfminer, the
# fallback PDF reader, takes 0.05-0.2 s per page on a busy 2-core machine
# (pdfium, the default, about a third of that), so a 300-page report can take
# a minute; a hostile file is stopped after two minutes or 1 GB.
DEFAULT_READ_SECONDS = 120
DEFAULT_READ_MEMORY_MB = 1024


def _rate_limit(value: str) -> str | None:
    value = value.strip()
    return None if value.lower() in ("", "off", "none", "0") else value


def _count(name: str, value: str | None, default: int) -> int:
    if value in (None, ""):
        return default
    if not value.strip().isascii() or not value.strip().isdigit():
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    return int(value)


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path
    index_dir: Path
    admin_token: str | None = None
    secret_key: str | None = None  # signs admin sessions; random per start when unset
    rate_limit: str | None = None  # per client on /api, e.g. "30 per second;600 per minute"; None = off
    rate_limit_storage: str = DEFAULT_RATE_LIMIT_STORAGE
    trusted_proxies: int = 0  # X-Forwarded-For/-Proto/-Host hops to trust
    read_seconds: int = DEFAULT_READ_SECONDS  # per report file read (wall and processor time)
    read_memory_mb: int = DEFAULT_READ_MEMORY_MB  # per report file read

    @property
    def read_limits(self) -> Limits:
        return Limits(seconds=float(self.read_seconds), memory_mb=self.read_memory_mb)

    @classmethod
    def from_env(cls, corpus: str | os.PathLike | None = None,
                 index: str | os.PathLike | None = None) -> "Settings":
        env = os.environ
        return cls(
            corpus_dir=Path(corpus or env.get("SEARCH_SERVICE_CORPUS") or "corpus").resolve(),
            index_dir=Path(index or env.get("SEARCH_SERVICE_INDEX") or "index").resolve(),
            admin_token=env.get("SEARCH_SERVICE_ADMIN_TOKEN") or None,
            secret_key=env.get("SEARCH_SERVICE_SECRET_KEY") or None,
            rate_limit=_rate_limit(env.get("SEARCH_SERVICE_RATE_LIMIT", DEFAULT_RATE_LIMIT)),
            rate_limit_storage=env.get("SEARCH_SERVICE_RATE_LIMIT_STORAGE") or DEFAULT_RATE_LIMIT_STORAGE,
            trusted_proxies=_count("SEARCH_SERVICE_TRUSTED_PROXIES", env.get("SEARCH_SERVICE_TRUSTED_PROXIES"), 0),
            read_seconds=_count("SEARCH_SERVICE_READ_SECONDS", env.get("SEARCH_SERVICE_READ_SECONDS"),
                                DEFAULT_READ_SECONDS) or DEFAULT_READ_SECONDS,
            read_memory_mb=_count("SEARCH_SERVICE_READ_MEMORY_MB", env.get("SEARCH_SERVICE_READ_MEMORY_MB"),
                                  DEFAULT_READ_MEMORY_MB) or DEFAULT_READ_MEMORY_MB,
        )


def serve_defaults() -> dict:
    """``serve``'s address, port and workers from the conventional variables
    (HOST, PORT, WEB_CONCURRENCY), as platforms and container runners set them."""
    env = os.environ
    return {"host": env.get("HOST") or "127.0.0.1",
            "port": _count("PORT", env.get("PORT"), 5000),
            "workers": _count("WEB_CONCURRENCY", env.get("WEB_CONCURRENCY"), 0) or None}
