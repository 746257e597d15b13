"""Admin pages: log in with the admin token, upload a report, delete one.

The same checks as the API (``api.upload`` / ``api.delete``); forms carry a
CSRF token (Flask-WTF) and follow post/redirect/get, so a reload never
uploads twice. Refusals re-render the page with the reason and a 4xx status.
"""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from search_service.web.api import truthy
from search_service.web.errors import ApiError
from search_service.web.service import delete, get_store, upload
from search_service.web.auth import admin_enabled, is_admin, log_in, log_out

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _page(status: int = 200, error: str | None = None):
    enabled = admin_enabled()
    reports = get_store().reports() if enabled and is_admin() else []
    body = render_template("admin.html", enabled=enabled, admin=is_admin(), reports=reports, error=error)
    return body, (403 if not enabled else status)


@bp.get("")
def home():
    return _page()


@bp.post("/login")
def login():
    if not admin_enabled():
        return _page()
    if not log_in(request.form.get("token", "")):
        return _page(401, "That is not the admin token.")
    return redirect(url_for("admin.home"), 303)


@bp.post("/logout")
def logout():
    log_out()
    return redirect(url_for("admin.home"), 303)


def _require_admin():
    if not admin_enabled() or not is_admin():
        raise ApiError(403 if not admin_enabled() else 401, "unauthorized",
                       "Log in on the admin page first.")


@bp.post("/reports")
def add():
    _require_admin()
    try:
        change = upload(request.files.get("file"), truthy(request.form.get("replace")))
    except ApiError as e:
        return _page(e.code, e.description)
    r = change.report
    if change.status == "unchanged":
        flash(f"{r.source} is already indexed, unchanged.")
    else:
        flash(f"{change.status.capitalize()} “{r.title or r.id}”: {change.passages} passages, "
              "searchable now.")
    return redirect(url_for("admin.home", added=r.id), 303)


@bp.post("/reports/<report_id>/delete")
def remove(report_id: str):
    _require_admin()
    try:
        r = delete(report_id)
    except ApiError as e:
        return _page(e.code, e.description)
    flash(f"Deleted “{r.title or r.id}” ({r.source}).")
    return redirect(url_for("admin.home"), 303)
