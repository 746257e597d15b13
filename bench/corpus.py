"""Synthetic corpora: the seed report's sentences recombined into many reports.

The seed report is read with the project's own ingest (so the sentences are
the ones the service sees), split into sentences, and reassembled into report
files in the same plain-text inspectorate layout the ingest expects: a page
starts at a line beginning with a single space; chapter questions stand alone
in their group; sub-questions sit on top of their text; fixed headings
("Overall judgment", "Summary of findings", "Areas for improvement"); grade
lines; bullets; footnotes under a long blank separator at the foot of a page.

Every paragraph is 130-240 words, so the project's chunker makes exactly one
passage of it (passages are split above 250 words and merged below 40), and
each footnote and area-for-improvement bullet is a passage of its own. A
report therefore has a planned number of passages, and a corpus of N passages
is ``N / 50`` reports whose plans add up to N; the build reports the count the
pipeline actually made.

The vocabulary stays the seed's (about 1,600 distinct words) plus invented
force names: a hard case, since every word is common.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from search_service.ingest import ingest

GENERATOR_VERSION = 1  # bump when the output changes: cached corpora are regenerated
REPO = Path(__file__).resolve().parent.parent
SEED_FILE = REPO / "corpus" / "peel-effectiveness-2015-west-midlands.txt"
SEED_FORCE = "West Midlands Police"
SEED_AREA = "West Midlands"

PASSAGES_PER_REPORT = 50
BODY_WIDTH = 85  # hard wrap of body text, like the seed's
L2_WIDTH = 52  # sub-question headings: a narrower wrap (larger font in the PDF)
PARA_MIN, PARA_MAX = 130, 240  # words: one paragraph = one passage

GRADES = ["Outstanding", "Good", "Good", "Good", "Requires improvement", "Requires improvement", "Inadequate"]
INSPECTIONS = ["effectiveness", "efficiency", "legitimacy", "vulnerability"]
YEARS = list(range(2014, 2024))

_PLACES = """Ashdale Brackenford Calder Dunmere Elmstead Fernhollow Glenmarsh Harwick Ivybridge Kestrel
Lowmoor Marlcombe Northwold Oakhurst Penrith Quarrydale Ravensmoor Saltmere Thornbury Umberleigh
Valewood Westerby Yarrowfield Zennor Amberley Blackwater Coldharbour Deepdale Eastwick Foxley
Greywell Hollowmere Kingsbarrow Longridge Millbrook Netherby Orchardleigh Pinehurst Redmarsh Stonebridge""".split()
_PREFIXES = ["", "", "", "North ", "South ", "East ", "West "]

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“(])")
# A paragraph must not open with words the ingest reads as a heading.
_HEADINGISH = re.compile(r"^(overview|introduction|contents|foreword|conclusions?|next steps|force in numbers|"
                         r"annex|appendix|about (the|this)|summary|areas? for|figure|table|chart|source)\b", re.I)


@dataclass
class Seed:
    """What the generator draws from, all read from the seed report."""
    overview_heading: str
    chapters: list[dict]  # {"heading", "sections": [(l2 heading, [l3 headings])], "sentences": [...]}
    sentences: list[str]
    footnotes: list[str]
    afis: list[str]
    headings: list[str] = field(default_factory=list)  # every distinct question heading


def _sentences(text: str) -> list[str]:
    out = []
    for s in _SPLIT.split(" ".join(text.split())):
        s = s.strip()
        words = s.split()
        if (len(words) >= 6 and s[-1] == "." and s[0].isupper() and "?" not in s
                and "www." not in s and "http" not in s and not _HEADINGISH.match(s)
                and not s.startswith(("•", "-", "–"))):
            out.append(s)
    return out


def load_seed(path: Path = SEED_FILE) -> Seed:
    item = ingest(path)
    chapters: dict[str, dict] = {}
    overview = ""
    sentences, footnotes, afis, headings = [], [], [], []
    for p in item.passages:
        path_ = p.heading_path
        headings += [h for h in path_ if h.endswith("?") and h not in headings]
        top = path_[0] if path_ else ""
        if top.lower().startswith("overview"):
            overview = overview or top
        if p.kind == "footnote":
            if "www." not in p.text and "http" not in p.text and len(p.text.split()) >= 8:
                footnotes.append(" ".join(p.text.split()))
            continue
        if p.kind == "area_for_improvement":
            afis.append(" ".join(p.text.split()))
            continue
        if p.kind == "table":
            continue
        found = _sentences(p.text)
        sentences += found
        if top.startswith("How effective is the force at"):
            ch = chapters.setdefault(top, {"heading": top, "sections": {}, "sentences": []})
            ch["sentences"] += found
            if len(path_) >= 2 and path_[1].endswith("?"):
                l3 = ch["sections"].setdefault(path_[1], [])
                if len(path_) >= 3 and path_[2].endswith("?") and path_[2] not in l3:
                    l3.append(path_[2])
    chs = []
    for ch in chapters.values():
        sections = [(l2, l3) for l2, l3 in ch["sections"].items()]
        # a chapter whose sub-questions the seed does not have (a summary only) borrows the chapter question
        chs.append({"heading": ch["heading"], "sections": sections or [(ch["heading"], [])],
                    "sentences": ch["sentences"] or sentences})
    return Seed(overview_heading=overview or "Overview – How well does the force keep people safe and reduce crime?",
                chapters=chs, sentences=list(dict.fromkeys(sentences)), footnotes=list(dict.fromkeys(footnotes)),
                afis=list(dict.fromkeys(afis)), headings=headings)


# --------------------------------------------------------------------------- forces

def force_names(rng: random.Random, n: int = 60) -> list[str]:
    names: list[str] = []
    places = list(_PLACES)
    rng.shuffle(places)
    for place in places:
        for prefix in _PREFIXES:
            name = f"{prefix}{place} {rng.choice(['Police', 'Police', 'Constabulary'])}"
            if name not in names:
                names.append(name)
            if len(names) >= n:
                return names
    return names


def area_of(force: str) -> str:
    return re.sub(r" (Police|Constabulary)$", "", force)


def localise(text: str, force: str) -> str:
    return text.replace(SEED_FORCE, force).replace(SEED_AREA, area_of(force))


# --------------------------------------------------------------------------- one report

def _wrap(text: str, width: int = BODY_WIDTH) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def _paragraph(rng: random.Random, pools: list[list[str]], force: str) -> str:
    """130-240 words of sentences, mostly from the first pool (the chapter's)."""
    target = rng.randint(PARA_MIN, PARA_MAX - 30)
    out: list[str] = []
    words = 0
    tries = 0
    while words < target and tries < 200:
        tries += 1
        pool = pools[0] if rng.random() < 0.7 else pools[-1]
        s = localise(rng.choice(pool), force)
        n = len(s.split())
        if words + n > PARA_MAX or s in out:
            continue
        out.append(s)
        words += n
    while words < PARA_MIN:  # pathological pools: pad with short sentences
        s = localise(min(pools[-1], key=len), force)
        out.append(s)
        words += len(s.split())
    return " ".join(out)


@dataclass
class Block:
    """A blank-separated group of lines; ``passages`` it is planned to make."""
    lines: list[str]
    passages: int = 0
    new_page: bool = False


def _split_counts(rng: random.Random, total: int, parts: int, minimum: int = 1) -> list[int]:
    counts = [minimum] * parts
    for _ in range(total - minimum * parts):
        counts[rng.randrange(parts)] += 1
    return counts


def report_blocks(rng: random.Random, seed: Seed, force: str, target: int) -> tuple[list[Block], list[str]]:
    """The blocks of one report planned to make ``target`` passages, and its footnotes."""
    n_foot = rng.randint(2, 6)
    bullets = [rng.randint(1, 3) for _ in seed.chapters]
    fixed = 3 + 1 + len(seed.chapters) * 2  # overview (judgment + 2 summary), introduction, chapter intro + summary
    while fixed + n_foot + sum(bullets) + 2 * len(seed.chapters) > target and (n_foot or max(bullets) > 1):
        if n_foot:
            n_foot -= 1
        else:
            bullets[bullets.index(max(bullets))] -= 1
    remaining = max(len(seed.chapters), target - fixed - n_foot - sum(bullets))
    per_chapter = _split_counts(rng, remaining, len(seed.chapters))
    all_sents = seed.sentences
    blocks: list[Block] = []

    def para(pools, head: list[str] | None = None, new_page: bool = False) -> None:
        blocks.append(Block((head or []) + _wrap(_paragraph(rng, pools, force)), 1, new_page))

    # overview page
    blocks.append(Block(_wrap(seed.overview_heading, 60), 0, True))
    blocks.append(Block(["Overall judgment"]))
    blocks.append(Block([rng.choice(GRADES)]))
    para([all_sents])
    para([all_sents], ["Summary"])
    para([all_sents])
    blocks.append(Block(["Introduction"], 0, True))
    para([all_sents])
    for ch, n_paras, n_bullets in zip(seed.chapters, per_chapter, bullets):
        pools = [ch["sentences"], all_sents]
        blocks.append(Block(_wrap(ch["heading"], 60), 0, True))
        blocks.append(Block([rng.choice(GRADES)]))
        para(pools)
        # sub-questions (level 2, narrow wrap) each with one or more level-3 questions on top of text
        sections = list(ch["sections"])
        rng.shuffle(sections)
        slots: list[tuple[list[str], bool]] = []  # (heading lines, opens a level-2 section)
        for l2, l3s in sections:
            l3s = list(l3s)
            rng.shuffle(l3s)
            l2_lines = _wrap(localise(l2, force), L2_WIDTH)
            if l3s:
                first = True
                for l3 in l3s[:rng.randint(1, len(l3s))]:
                    slots.append(((l2_lines if first else []) + _wrap(localise(l3, force)), True))
                    first = False
            else:
                slots.append(([] if l2 == ch["heading"] else l2_lines, True))
        slots = slots[:max(1, n_paras)]
        counts = _split_counts(rng, n_paras, len(slots))
        for (head, _), count in zip(slots, counts):
            for k in range(count):
                para(pools, head if k == 0 else None, new_page=(k == 0 and rng.random() < 0.3))
        para(pools, ["Summary of findings"])
        afi_lines = ["Areas for improvement"]
        for b in range(n_bullets):
            text = rng.choice(seed.afis) if seed.afis and rng.random() < 0.5 else \
                "The force should ensure that " + _lower_first(localise(rng.choice(ch["sentences"]), force))
            lines = _wrap("• " + localise(text, force))
            if b == 0:
                blocks.append(Block(afi_lines + lines, 1))
            else:
                blocks.append(Block(lines, 1))
    footnotes = [localise(rng.choice(seed.footnotes), force) for _ in range(n_foot)] if seed.footnotes else []
    return blocks, footnotes


def _lower_first(s: str) -> str:
    # keep acronyms and names ("HMIC", "West ...") as they are
    first = s.split()[0]
    return s if first.isupper() or first in ("I",) or first[:1].isupper() and first[1:2].isupper() else \
        s[:1].lower() + s[1:]


LINES_PER_PAGE = 46


def render(blocks: list[Block], footnotes: list[str]) -> str:
    """Lay blocks out in pages; footnotes go at the foot of randomly spread pages."""
    pages: list[list[Block]] = [[]]
    lines = 0
    for b in blocks:
        if pages[-1] and (b.new_page or lines + len(b.lines) > LINES_PER_PAGE):
            pages.append([])
            lines = 0
        pages[-1].append(b)
        lines += len(b.lines) + 1
    # footnotes numbered in order, spread over the pages after the first
    notes_by_page: dict[int, list[tuple[int, str]]] = {}
    for n, text in enumerate(footnotes, 1):
        page = 1 + (n - 1) * max(1, (len(pages) - 1)) // max(1, len(footnotes))
        notes_by_page.setdefault(min(page, len(pages) - 1), []).append((n, text))
    out: list[str] = []
    for i, page in enumerate(pages):
        for j, b in enumerate(page):
            body = list(b.lines)
            if j == 0:
                body[0] = " " + body[0]  # a page starts at a line beginning with a single space
            out += body
            out.append("")
        notes = notes_by_page.get(i)
        if notes:
            out.append(" " * 44)
            for n, text in notes:
                wrapped = textwrap.wrap(f"{n} {text}", width=100, break_long_words=False, break_on_hyphens=False)
                lines_ = [wrapped[0]]
                for w in wrapped[1:]:
                    if re.match(r"^\d{1,3} ", w):  # would read as the next footnote: keep it on the line before
                        lines_[-1] += " " + w
                    else:
                        lines_.append(w)
                out += lines_
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- corpus

def plan_targets(rng: random.Random, n_passages: int) -> list[int]:
    """Passages per report: about 50 each (40-60), adding up to exactly n."""
    n_reports = max(1, round(n_passages / PASSAGES_PER_REPORT))
    targets = [rng.randint(40, 60) for _ in range(n_reports)]
    diff = n_passages - sum(targets)
    i = 0
    while diff:
        step = 1 if diff > 0 else -1
        k = i % n_reports
        if 30 <= targets[k] + step <= 75:
            targets[k] += step
            diff -= step
        i += 1
        if i > 100 * n_reports + abs(diff) * 10:  # tiny corpora: let the last report absorb the rest
            targets[-1] += diff
            break
    return targets


@dataclass
class Corpus:
    dir: Path
    extra: Path  # one more report (not in the corpus) for the add-a-report measurement
    extra_probe: str  # a word only the extra report contains
    reports: int
    planned_passages: int
    requested: int
    seed: int
    generated_s: float
    cached: bool


def _write_report(folder: Path, stem: str, text: str, meta: dict) -> None:
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


EXTRA_FORCE = "Quillmere Constabulary"  # "quillmere" is in no generated report


def generate(n_passages: int, seed: int, data_dir: Path, log=print) -> Corpus:
    """The corpus of ``n_passages`` for ``seed``, generated once and cached in
    ``data_dir/corpus-<n>-seed<seed>/`` (with a manifest)."""
    folder = data_dir / f"corpus-{n_passages}-seed{seed}"
    manifest_path = folder / "manifest.json"
    extra_dir = folder / "extra"
    if manifest_path.exists():
        m = json.loads(manifest_path.read_text())
        if m.get("version") == GENERATOR_VERSION:
            return Corpus(dir=folder / "reports", extra=extra_dir / m["extra"], extra_probe=m["probe"],
                          reports=m["reports"], planned_passages=m["planned_passages"], requested=n_passages,
                          seed=seed, generated_s=m["generated_s"], cached=True)
    t0 = time.perf_counter()
    log(f"generating a corpus of {n_passages:,} passages (seed {seed}) in {folder} ...")
    rng = random.Random(f"corpus-{seed}-{n_passages}")
    seed_data = load_seed()
    forces = force_names(random.Random(f"forces-{seed}"))
    tmp = data_dir / f".tmp-corpus-{n_passages}-seed{seed}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "reports").mkdir(parents=True)
    (tmp / "extra").mkdir()
    targets = plan_targets(rng, n_passages)
    planned = 0
    for i, target in enumerate(targets, 1):
        force = rng.choice(forces)
        year = rng.choice(YEARS)
        kind = rng.choice(INSPECTIONS)
        blocks, notes = report_blocks(rng, seed_data, force, target)
        planned += sum(b.passages for b in blocks) + len(notes)
        stem = f"peel-{kind}-{year}-{_slug(area_of(force))}-{i:05d}"
        _write_report(tmp / "reports", stem, render(blocks, notes), _meta(force, year, kind))
    blocks, notes = report_blocks(rng, seed_data, EXTRA_FORCE, PASSAGES_PER_REPORT)
    extra_stem = f"peel-effectiveness-2024-{_slug(area_of(EXTRA_FORCE))}-added"
    _write_report(tmp / "extra", extra_stem, render(blocks, notes), _meta(EXTRA_FORCE, 2024, "effectiveness"))
    elapsed = time.perf_counter() - t0
    manifest = {"version": GENERATOR_VERSION, "requested": n_passages, "seed": seed, "reports": len(targets),
                "planned_passages": planned, "extra": f"{extra_stem}.txt", "probe": "Quillmere",
                "generated_s": round(elapsed, 2)}
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1))
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, folder)
    return Corpus(dir=folder / "reports", extra=folder / "extra" / f"{extra_stem}.txt", extra_probe="Quillmere",
                  reports=len(targets), planned_passages=planned, requested=n_passages, seed=seed,
                  generated_s=elapsed, cached=False)


def _meta(force: str, year: int, kind: str) -> dict:
    return {"title": f"PEEL: Police {kind} {year} – {force}", "force": force, "year": year,
            "inspection": f"PEEL {kind}", "publisher": "HMICFRS" if year >= 2017 else "HMIC",
            "published": f"{year + 1}"}
