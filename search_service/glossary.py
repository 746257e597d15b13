"""Acronyms: found in the corpus ("integrated offender management (IOM)") and
a curated list of common policing acronyms, used to expand queries both ways.
"""
from __future__ import annotations

import re

# Common policing acronyms, written for this project.
CURATED = {
    "ACC": "assistant chief constable",
    "ASB": "anti-social behaviour",
    "CPS": "Crown Prosecution Service",
    "CSA": "child sexual abuse",
    "CSE": "child sexual exploitation",
    "DA": "domestic abuse",
    "DASH": "domestic abuse, stalking and harassment",
    "DVPN": "domestic violence protection notice",
    "DVPO": "domestic violence protection order",
    "HMIC": "Her Majesty's Inspectorate of Constabulary",
    "HMICFRS": "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
    "IDVA": "independent domestic violence adviser",
    "IOM": "integrated offender management",
    "MAPPA": "multi-agency public protection arrangements",
    "MARAC": "multi-agency risk assessment conference",
    "MASH": "multi-agency safeguarding hub",
    "NCA": "National Crime Agency",
    "OCG": "organised crime group",
    "PCC": "police and crime commissioner",
    "PCSO": "police community support officer",
    "PEEL": "police effectiveness, efficiency and legitimacy",
    "PIP": "professionalising investigation programme",
    "ROCU": "regional organised crime unit",
    "SPR": "Strategic Policing Requirement",
    "SOC": "serious and organised crime",
    "THRIVE": "threat, harm, risk, investigation, vulnerability and engagement",
    "VAWG": "violence against women and girls",
}

_DEFINED_AFTER_RE = re.compile(r"\b([A-Z]{2,10})\s\(([^()]{5,150})\)")
_PAREN_RE = re.compile(r"\(([A-Z][A-Za-z&]{1,9}?)(s)?\)")


def _initials_match(words: list[str], acronym: str) -> int:
    """How many trailing words spell the acronym by their initials (0 if none).
    Small words (and, of, the …) may be skipped."""
    letters = acronym.upper().replace("&", "")
    i = len(letters) - 1
    n = 0
    for w in reversed(words):
        n += 1
        parts = [p for p in re.split(r"[-/]", w) if p]
        initials = "".join(p[0].upper() for p in parts)
        for ch in reversed(initials):
            if i >= 0 and ch == letters[i]:
                i -= 1
        if i < 0:
            return n
        if n > len(letters) + 3:
            break
    return 0


def extract(texts: list[str]) -> dict[str, str]:
    """Acronym -> long form, from "long form (ACR)" patterns in the texts."""
    found: dict[str, str] = {}
    for text in texts:
        for m in _PAREN_RE.finditer(text):
            acr = m.group(1)
            if sum(c.isupper() for c in acr) < 2:
                continue
            before = re.findall(r"[\w’'-]+", text[max(0, m.start() - 120):m.start()])
            n = _initials_match(before, acr)
            if n:
                long = " ".join(before[-n:])
                long = re.sub(r"^(the|a|an|its|their)\s+", "", long, flags=re.I)
                found.setdefault(acr, long.lower() if not long.isupper() else long)
        for m in _DEFINED_AFTER_RE.finditer(text):  # "THRIVE (Threat, Risk, Harm, …)"
            acr, inner = m.group(1), m.group(2)
            words = [w for w in re.findall(r"[\w-]+", inner) if w.lower() not in ("and", "of", "the")]
            if sorted(w[0].upper() for w in words) == sorted(acr):  # any order: THRIVE = Threat, Risk, Harm…
                found.setdefault(acr, inner.lower())
    return found


def build(texts: list[str]) -> dict[str, str]:
    """Curated entries, overridden by the corpus's own spelling of them."""
    glossary = dict(CURATED)
    glossary.update(extract(texts))
    return dict(sorted(glossary.items()))


def expansions(query: str, glossary: dict[str, str]) -> list[dict]:
    """Acronyms in the query → their long forms, and long forms → acronyms.
    Acronyms are matched as typed in capitals (or plural, "OCGs")."""
    out = []
    seen = set()
    for m in re.finditer(r"\b([A-Z][A-Z&]{1,9})(s)?\b", query):
        acr = m.group(1)
        if acr in glossary and acr not in seen:
            seen.add(acr)
            out.append({"term": m.group(0), "acronym": acr, "expansion": glossary[acr], "direction": "acronym"})
    low = re.sub(r"\s+", " ", query.lower())
    for acr, long in glossary.items():
        lf = long.lower()
        stem = lf[:-1] if lf.endswith("s") else lf
        if acr not in seen and (lf in low or (len(stem) > 6 and stem in low)):
            seen.add(acr)
            out.append({"term": long, "acronym": acr, "expansion": acr, "direction": "long_form"})
    return out
