"""Report metadata: a sidecar file (``name.meta.json``) overrides what is
inferred from the text, so a report dropped in bare still gets a sensible
title, force and year."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from search_service.rules import year_value

_FORCE_RE = re.compile(
    r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s){1,3}(?:Police(?: Service)?|Constabulary))\b")
_NOT_FORCE = {"The Police", "Metropolitan Police Service", "City of London Police", "British Transport Police"}
_INSPECTIONS = ("effectiveness", "efficiency", "legitimacy", "leadership", "vulnerability")

META_SUFFIXES = (".meta.json",)

# Longest value kept per field: a title is repeated in every passage's index
# document and every search result, so a 10 MB PDF Title must not get through.
FIELD_CHARS = {"title": 300, "force": 100, "inspection": 100, "publisher": 100, "published": 40}


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def report_id(path: Path) -> str:
    """Stable id: slug of the file name."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "report"


def infer(text: str, filename: str) -> dict:
    """Best guesses from the report text and file name."""
    forces = Counter(m.group(1).strip() for m in _FORCE_RE.finditer(text))
    for bad in _NOT_FORCE:
        forces.pop(bad, None)
    force = forces.most_common(1)[0][0] if forces else ""
    years = Counter(re.findall(r"\b(20[0-4]\d)\b", filename)) or Counter(
        re.findall(r"\bPEEL[^.\n]{0,40}?\b(20[0-4]\d)\b", text)) or Counter(re.findall(r"\b(20[0-4]\d)\b", text))
    year = int(years.most_common(1)[0][0]) if years else None
    lower = text.lower()
    kind = max(_INSPECTIONS, key=lambda k: lower.count(k))

    publisher = "HMICFRS" if "HMICFRS" in text else "HMIC"
    is_peel = "peel" in lower or "peel" in filename.lower()
    inspection = f"PEEL {kind}" if is_peel else kind.capitalize()
    title = f"PEEL: Police {kind} {year or ''} – {force}".replace("  ", " ") if is_peel else \
        f"{inspection} {year or ''} – {force}".replace("  ", " ")
    return {"title": title.strip(" –"), "force": force, "year": year,
            "inspection": inspection, "publisher": publisher, "published": ""}


def read_sidecar(path: Path) -> dict:
    side = sidecar_path(path)
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def usable_title(title: str) -> bool:
    """A PDF's document-info Title, unless it is a tool's placeholder."""
    t = title.strip()
    return bool(t) and t.lower() not in ("untitled", "title", "document") and not re.search(
        r"^microsoft \w+ - |\.(docx?|pdf|indd|odt)$", t, re.I)


def cap(value, limit: int) -> str:
    """A metadata value as one line of at most ``limit`` characters: white
    space collapsed, control characters dropped, cut at a word boundary with
    "…"; anything but text or a number becomes ""."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    text = " ".join("".join(c if c.isprintable() else " " for c in str(value)[:limit * 4]).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit - 1].rstrip() + "…"


def capped(meta: dict) -> dict:
    """``meta`` with every field in ``FIELD_CHARS`` capped and the year a
    four-digit number or None."""
    out = dict(meta)
    for name, limit in FIELD_CHARS.items():
        if name in out:
            out[name] = cap(out[name], limit)
    year = year_value(out.get("year")) if out.get("year") is not None else None
    out["year"] = year if year is not None and 1800 <= year <= 2200 else None
    return out


def metadata(path: Path, text: str, title: str = "") -> dict:
    """Sidecar values, else the document's own title (a PDF's Title), else
    inferences from the text; capped (``capped``)."""
    meta = infer(text, path.name)
    side = read_sidecar(path)
    if not side and usable_title(title):
        meta["title"] = title.strip()
    meta.update({k: v for k, v in side.items() if v not in (None, "")})
    return capped(meta)
