"""Run the web app under gunicorn, the production WSGI server.

One master process forks ``workers`` worker processes, each with ``threads``
threads (gunicorn's threaded worker). The app is created once in the master
(``preload_app``) so that configuration errors show before any fork and the
workers share its memory.
"""
from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication

from search_service.config import Settings


class _Server(BaseApplication):
    def __init__(self, app, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            if key in self.cfg.settings:  # some settings exist only in newer gunicorns
                self.cfg.set(key, value)

    def load(self):
        return self.application


def options(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None,
            threads: int = 4) -> dict:
    """The gunicorn settings used by :func:`run`."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers or os.cpu_count() or 1,
        "threads": threads,
        "preload_app": True,
        "accesslog": None,  # the app logs each request as a JSON line (web/access_log.py)
        "errorlog": "-",
        "timeout": 60,
        # gunicorn >= 25.1 opens a control socket at one fixed path per user,
        # which a second server on the same machine would take over.
        "control_socket_disable": True,
    }


def run(settings: Settings, store=None, host: str = "127.0.0.1", port: int = 5000,
        workers: int | None = None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM).

    ``store`` is shared with the workers through the fork; it must not hold an
    open searcher yet (IndexStore opens the index lazily, in each worker).
    """
    from search_service.web import create_app

    _Server(create_app(settings, store=store), options(host, port, workers)).run()
