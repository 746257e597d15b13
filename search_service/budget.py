"""A time budget for one request.

The web layer gives each request a budget (``start``, ``stop``); the loops of the
core whose cost grows with the input (snippets of each hit, did-you-mean for
each word, answer candidates) call ``check``, which raises ``Overtime`` once
the budget is spent, so a request that would run long is cut off with a
clear message instead of holding its thread. Cooperative: nothing is
interrupted between checks. Without a budget (the CLI, tests) ``check`` does
nothing.
"""
from __future__ import annotations

import threading
import time

_local = threading.local()


class Overtime(Exception):
    """The request used up its time budget."""

    def __init__(self, seconds: float):
        super().__init__(f"This request took longer than {seconds:g} seconds and was stopped. "
                         "Try fewer or more specific words.")
        self.seconds = seconds


def start(seconds: float) -> None:
    """Give this thread's current request a budget (ended by ``stop``)."""
    _local.deadline = (time.monotonic() + seconds, seconds)


def stop() -> None:
    _local.deadline = None


def check() -> None:
    """Raise Overtime when this thread's budget is spent."""
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline[0]:
        raise Overtime(deadline[1])
