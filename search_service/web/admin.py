"""Admin pages: log in with the admin token, upload a report, delete one.

The same checks as the API (``api.upload`` / ``api.delete``); forms carry a
CSRF token (Flask-WTF) and follow post/redirect/get whatever the outcome, so
a reload or Back never posts a form again. A refusal is kept in the session
until the next page, which shows it in an error summary above the forms
(the GOV.UK pattern) linking to the field it concerns.
"""
from __future__ import annotations

from flask import Blueprint, flash, g, get_flashed_messages, redirect, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from search_service.web.api import truthy
from search_service.web.errors import ApiError
from search_service.web.service import delete, get_store, upload
from search_service.web.auth import admin_enabled, is_admin, log_in, log_out

bp = Blueprint("admin", __name__, url_prefix="/admin")


ERROR = "error"  # flash category of a refusal; "error:<field id>" when it concerns one field


def _page():
    enabled = admin_enabled()
    reports = get_store().reports() if enabled and is_admin() else []
    messages = get_flashed_messages(with_categories=True)
    errors = [{"field": cat.partition(":")[2], "message": m} for cat, m in messages if cat.startswith(ERROR)]
    notices = [m for cat, m in messages if not cat.startswith(ERROR)]
    body = render_template("admin.html", enabled=enabled, admin=is_admin(), reports=reports, errors=errors,
                           notices=notices, field_errors={e["field"]: e["message"] for e in errors if e["field"]})
    return body, (403 if not enabled else 200)


def _refuse(message: str, field: str = ""):
    """Post/redirect/get for a refusal too: the next page shows why."""
    flash(message, f"{ERROR}:{field}" if field else ERROR)
    return redirect(url_for("admin.home"), 303)


@bp.get("")
def home():
    return _page()


@bp.post("/login")
def login():
    if not admin_enabled():
        return _page()
    if not log_in(request.form.get("token", "")):
        g.token_refused = True  # counted by the failed-token limit (web/app.py), though not a 401
        return _refuse("That is not the admin token. Check it and try again.", "token")
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
    except RequestEntityTooLarge:
        return _refuse("The file is larger than 50 MB; reports are smaller than that.", "file")
    except ApiError as e:
        return _refuse(e.description, "file")
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
        return _refuse(e.description)
    flash(f"Deleted “{r.title or r.id}” ({r.source}).")
    return redirect(url_for("admin.home"), 303)
