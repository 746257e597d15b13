"""Report metadata: what the report says about itself, with a sidecar file
(``name.meta.json``) taking precedence, so a report dropped in bare still
gets a title, an organisation, a family, a year and a grading scale.

The inspectorate's families are told apart by their titles and covers:
PEEL pillar reports of 2014–2017 ("PEEL: Police efficiency 2016"), the
integrated PEEL assessments of 2018/19, PEEL 2021/22 and PEEL 2023–25,
fire and rescue service inspections ("Effectiveness, efficiency and people
2021/22 – An inspection of X Fire and Rescue Service") and thematic
inspections of several forces, and the crime data integrity inspections of
a force's crime recording ("Crime Data Integrity inspection 2018"), and the
reports of the inspectorate, the College of Policing and the IOPC on a
designated body's super-complaint ("Report on the X's super-complaint about
…"), which name the forces they visited as a thematic does. Anything
else is "Unknown": indexed by its
headings, with no grades invented for it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from search_service.model import ANNUAL_ASSESSMENT, REVISIT_LETTER, SEVERAL_FORCES_FAMILIES
from search_service.rules import year_value

_ORG_RE = re.compile(
    r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s){1,4}(?:Police(?: Service)?|Constabulary|Fire and Rescue Service|"
    r"Fire and Rescue Authority|Fire & Rescue Service))\b")
_LEADING_WORDS = {"In", "Only", "Excludes", "The", "And", "But", "For", "At", "By", "With", "Of", "All", "Both", "Each",
                  "From", "To", "As", "When", "While", "Unlike", "Like", "Since", "Across", "Where", "Inspecting",
                  "Overall", "Including", "Between", "Also", "Neither", "Whereas", "Unless", "If", "On", "Under",
                  "Neighbouring", "Other", "Every"}
_NOT_ORG = {"The Police", "National Police", "British Transport Police", "Metropolitan Police Service",
            "City of London Police", "Ministry of Defence Police", "Civil Nuclear Constabulary"}
_PILLARS = ("effectiveness", "efficiency", "legitimacy", "leadership", "vulnerability")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE_RE = re.compile(rf"^\s*((?:\d{{1,2}}\s+)?(?:{_MONTHS})\s+(?:19|20)\d\d)\s*$", re.M)
_CYCLE_RE = re.compile(r"\b(20\d\d)\s*([/–—-])\s*(20)?(\d\d)\b")
MAX_FIELD = 300  # characters: titles and names longer than this are not metadata
# Shorter limits for some fields: a title or name is repeated in every
# passage's index document and every search result (a 10 MB PDF Title made
# a 23 MB search response).
FIELD_CHARS = {"force": 100, "inspection": 100, "publisher": 100, "published": 40}


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def report_id(path: Path) -> str:
    """Stable id: slug of the file name."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "report"


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


def organisations_in(text: str) -> Counter:
    """Police forces and fire and rescue services named in a text, counted."""
    found: Counter = Counter()
    for m in _ORG_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _LEADING_WORDS:
            words.pop(0)
        name = " ".join(words)
        if len(words) >= 2 and name not in _NOT_ORG:
            found[name] += 1
    return found


def _organisation_of_title(title: str) -> str:
    m = re.search(r"(?:inspection of|inspection in|suites in|in|–|-)\s+((?:[A-Z][\w'-]*\s){0,4}?"
                  r"(?:Police(?: Service)?|Constabulary|Fire and Rescue Service|Fire & Rescue Service))\s*$", title)
    return m.group(1) if m else ""


def cover_title(front: str) -> str:
    """The title on a report's cover: its first lines up to the date, a
    wrapped line joined with a space, a sub-title with a dash."""
    lines = []
    for line in front.split("\n"):
        s = " ".join(line.split())
        if not s:
            if lines:
                break
            continue
        if _DATE_LINE_RE.match(s) or s.startswith("©") or s.lower() == "contents":
            break
        lines.append(s)
    title = ""
    for s in lines[:4]:
        title = s if not title else title + (" " if s[:1].islower() or title.endswith(":") else " – ") + s
    return title


def _family(title: str, cover: str, text: str, organisation_type: str, filename: str = "") -> tuple[str, str]:
    """(family, inspection) from the title, the cover and the file's name."""
    head = f"{title}\n{cover}"
    low = f"{head}\n{filename}".lower()
    if re.search(r"\brevisit", head, re.I) and re.search(r"\bcauses? of concern\b", head, re.I):
        # the inspector's letter on a force's or service's progress against an earlier report's causes of concern:
        # it names that report's cycle ("PEEL 2021/22") but is none of its reports, and grades nothing
        return REVISIT_LETTER, "Cause of concern revisit"
    if re.search(r"\bannual assessment\b|^state of (?:policing|fire and rescue)\b", title.strip(), re.I):
        return ANNUAL_ASSESSMENT, ANNUAL_ASSESSMENT  # (its title names fire and rescue services: not one of them)
    if re.search(r"\bfire and rescue services\b", title, re.I) and not re.search(
            r"\b[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)* Fire and Rescue Service\b(?!s)", title):
        # "… in fire and rescue services": a report on several services, naming none of them as its subject
        return "Thematic", "Thematic inspection"
    if organisation_type == "fire and rescue service" or "fire and rescue service" in title.lower():
        m = re.search(r"(effectiveness, efficiency and people)", head, re.I)
        return "Fire and rescue", (m.group(1).capitalize() if m else "Fire and rescue service inspection")
    if re.search(r"\bsuper-complaint\b", head, re.I):  # the three bodies' joint report on a designated body's complaint
        return "Super-complaint", "Super-complaint investigation"
    if "peel" in low or (text.count("PEEL") >= 2 and not re.search(r"\bthematic\b", text[:20000], re.I)):
        cycle = _CYCLE_RE.search(head)
        pillars = [p for p in _PILLARS if p in low]
        integrated = "PEEL effectiveness, efficiency and legitimacy"
        if cycle and cycle.group(1) == "2023":
            return "PEEL 2023–25", integrated
        if cycle and cycle.group(1) in ("2021", "2022"):
            return "PEEL 2021/22", integrated
        if cycle and cycle.group(1) == "2018":
            return "PEEL 2018/19", integrated
        if len(pillars) == 1:
            return "PEEL 2014–2017", f"PEEL {pillars[0]}"
        body = text.lower()
        kind = max(_PILLARS, key=body.count)
        return "PEEL 2014–2017", f"PEEL {kind}"
    if re.search(r"\bjoint inspection\b", head, re.I):
        # the criminal justice inspectorates' joint report on a theme: a thematic inspection that says whose
        return "Thematic", "Joint inspection"
    if re.search(r"\bthematic\b", text[:20000], re.I) or re.search(r"\bjoint inspection\b", low):
        return "Thematic", "Thematic inspection"
    if "crime data integrity" in low:  # crime-recording inspections: 2014, and the rolling programme of 2016–2020
        return "Crime data integrity", "Crime data integrity"
    inspection = re.sub(r"^(?:a\s+)?report on\s+(?:an?|the)\s+", "", title.strip(), flags=re.I)
    # "Holmbridge – National child protection inspection": the web pages put the place first
    inspection = re.sub(r"^[A-Z][\w'’ -]*?\s+[–-]\s+(?=[A-Z])", "", inspection)
    inspection = re.sub(r"\s+(?:of|in|at|for)\s+(?:the\s+)?[A-Z][\w' -]*$", "", inspection)
    return "Unknown", inspection[:1].upper() + inspection[1:]


def describe(path: Path, text: str, title: str = "", cover: str = "", page_meta: dict | None = None,
             grades: tuple = ()) -> dict:
    """Everything the report says about itself. ``title`` is the document's
    own title (a PDF's Title, a web page's heading), ``cover`` the text of its
    front matter, ``page_meta`` what a web page states (published, url,
    organisations), ``grades`` the grades read from it."""
    page_meta = page_meta or {}
    title = title.strip() if usable_title(title) else (cover_title(cover) if cover else "")
    counts = organisations_in(text)
    named = _organisation_of_title(title) or (page_meta.get("organisations") or [""])[0]
    organisations = [named] if named else []
    lead = "\n".join(text.split("\n")[:400])
    if not organisations and counts:
        organisations = [counts.most_common(1)[0][0]]
    fire = bool(organisations) and "fire" in organisations[0].lower()
    family, inspection = _family(title, cover, text, "fire and rescue service" if fire else "", path.name)
    annual = family == ANNUAL_ASSESSMENT
    if family in SEVERAL_FORCES_FAMILIES:
        # a thematic's forces are those it keeps naming (a fire service there is a partner); an annual assessment's
        # are every force or service of its kind it names at all, each an example of what it says of them all
        of_fire = bool(re.search(r"\bfire and rescue\b", title, re.I)) and (
            annual or not re.search(r"\bpolice\b", title, re.I))
        several = [name for name, n in counts.items() if n >= (1 if annual else 3)
                   and name.lower().endswith("fire and rescue service") == of_fire]
        if len(several) > 1 or annual:
            order = {name: lead.find(name) if name in lead else text.find(name) for name in several}
            organisations = sorted(several, key=lambda n: order[n])
    organisation_type = ("several" if len(organisations) > 1 or annual else
                         "fire and rescue service" if fire else "police force" if organisations else "")
    dates = _DATE_LINE_RE.findall(cover) or _DATE_LINE_RE.findall("\n".join(text.split("\n")[:60]))
    published = page_meta.get("published") or (dates[0] if dates else "")
    cycle = _CYCLE_RE.search(f"{title}\n{cover[:600]}")
    rolling = False  # a cycle of more than a year ("2023–25"): forces and services inspected one by one over it
    if cycle and family in ("PEEL 2018/19", "PEEL 2021/22", "PEEL 2023–25", "Fire and rescue"):
        rolling = (int(cycle.group(4)) - int(cycle.group(1)[2:])) % 100 > 1
        inspection_year = f"{cycle.group(1)}{'–' if rolling else '/'}{cycle.group(4)}"  # as the inspectorate writes it
        year = int(cycle.group(1))
    else:
        years = re.findall(r"\b(20[0-4]\d)\b", title) or re.findall(r"\b(20[0-4]\d)\b", path.name) or \
            re.findall(r"\bPEEL[^.\n]{0,40}?\b(20[0-4]\d)\b", text) or re.findall(r"\b(20[0-4]\d)\b", published)
        if not years:
            years = [y for y, _ in Counter(re.findall(r"\b(20[0-4]\d)\b", text)).most_common(1)]
        year = int(years[0]) if years else None
        inspection_year = str(year) if year else ""
    if (rolling or family in ("PEEL 2023–25", REVISIT_LETTER)) and re.search(r"(19|20)\d\d", published):
        # a rolling cycle: the report's own year; a revisit letter: its own, not the year of the report it follows up
        year = int(re.search(r"(?:19|20)\d\d", published).group(0))
        if family == REVISIT_LETTER:
            inspection_year = str(year)
    publisher = "HMICFRS" if re.search(r"HMICFRS|Fire (?:&|and) Rescue Services", text) or (year or 0) >= 2018 \
        else "HMIC"
    grading_scale = ("ungraded" if not grades else
                     "five-tier" if "Adequate" in grades or family in ("PEEL 2021/22", "PEEL 2023–25") else
                     "four-tier")
    if not title:
        title = _fallback_title(family, inspection, year, organisations)
    return {"title": title, "force": organisations[0] if len(organisations) == 1 and not annual else "",
            "organisations": organisations, "organisation_type": organisation_type, "family": family,
            "inspection": inspection, "inspection_year": inspection_year, "year": year,
            "published": published, "publisher": publisher, "grading_scale": grading_scale,
            "url": page_meta.get("url", "")}


def _fallback_title(family: str, inspection: str, year: int | None, organisations: list[str]) -> str:
    org = organisations[0] if len(organisations) == 1 else ""
    if family == "PEEL 2014–2017":
        kind = inspection.split()[-1] if inspection else ""
        return f"PEEL: Police {kind} {year or ''} – {org}".replace("  ", " ").strip(" –")
    return f"{inspection} {year or ''} – {org}".replace("  ", " ").strip(" –")


def cap(value, limit: int = MAX_FIELD):
    """Metadata from a file is shown on every hit: a text is kept to one
    line of at most ``limit`` characters (white space collapsed, control
    characters dropped, cut at a word boundary with "…"), a list to its
    first 50 items, each capped; numbers pass; anything else (a sidecar's
    nested object) is dropped."""
    if isinstance(value, str):
        text = " ".join("".join(c if c.isprintable() else " " for c in value[:limit * 4]).split())
        if len(text) <= limit:
            return text
        cut = text.rfind(" ", 0, limit)
        return text[:cut if cut > limit // 2 else limit - 1].rstrip() + "…"
    if isinstance(value, list):
        return [cap(v, limit) for v in value[:50]]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return ""


def metadata(path: Path, text: str, title: str = "", cover: str = "", page_meta: dict | None = None,
             grades: tuple = ()) -> dict:
    """What the report says about itself, overridden by its sidecar."""
    meta = describe(path, text, title=title, cover=cover, page_meta=page_meta, grades=grades)
    side = read_sidecar(path)
    meta.update({k: v for k, v in side.items() if v not in (None, "")})
    if side.get("force") and "organisations" not in side:
        meta["organisations"] = [side["force"]]
    if meta.get("year") is not None:
        meta["year"] = year_value(meta["year"])  # four ASCII digits, as everywhere (rules.py)
    return {k: cap(v, FIELD_CHARS.get(k, MAX_FIELD)) for k, v in meta.items()}
