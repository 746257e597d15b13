"""Benchmark of search-service: synthetic corpora, build, queries, HTTP, baselines.

Run ``make bench`` or ``.venv/bin/python -m bench --help``.
"""
