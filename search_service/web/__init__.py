"""The web layer: the JSON API and the HTML pages over the core.

``create_app`` (app.py) builds the Flask application. The package itself
imports nothing heavy, so the CLI can use its pure modules (shapes.py,
urls.py) to print exactly the API's JSON without loading Flask's app.
"""
from __future__ import annotations


def create_app(settings=None, store=None):
    from search_service.web.app import create_app as _create_app

    return _create_app(settings, store)
