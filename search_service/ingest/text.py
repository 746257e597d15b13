"""Plain text extracted from an inspection report's PDF → structured blocks.

The text is hard-wrapped, a page begins where a line starts with a single
space, footnotes sit under a long blank separator line at the bottom of a page
with their markers glued to words in the body ("(IOM)3"), link lines repeat,
and summary pages run in two columns. This module turns it into a flat list of
``Block``s in reading order (headings with levels, paragraphs, bullets, tables,
footnotes, grades), each with its page. Pure functions; no I/O.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from search_service.rules import CAPTION_RE, GRADES

_GRADE_RE = re.compile(r"^(%s)$" % "|".join(GRADES), re.I)
_LINK_RE = re.compile(r"^\s*(https?://|www\.)\S+\s*$")
_FOOTNOTE_SEP_RE = re.compile(r"^ {20,}$")
_FOOTNOTE_RE = re.compile(r"^(\d{1,3}) (\S.*)$")
_BARE_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*$")
_TERMINAL = ".!?:;…"
BULLET_RE = re.compile(r"^[•▪●◦\-–] ?")

LEVEL1_FIXED = re.compile(r"^(overview|introduction|contents|foreword|conclusions?|next steps|executive summary|"
                          r"force in numbers|service in numbers|annex [a-z0-9]+|appendix [a-z0-9]+|about (the|this) |"
                          r"glossary|abbreviations|methodology|acknowledgements)", re.I)
LEVEL2_FIXED = re.compile(r"^(summary of findings|summary|areas? for improvement( \d+)?|causes? of concern( \d+)?|"
                          r"recommendations?( \d+)?|overall judg(e)?ment|our judg(e)?ments|"
                          r"national policing responsibilities|key findings|(innovative|promising|notable) practice)$",
                          re.I)
# "1. Understanding rural crime": a numbered chapter of a thematic report
_NUMBERED_RE = re.compile(r"^\d{1,2}\.\s+[A-Z]")


@dataclass
class Block:
    kind: str  # heading, para, bullet, table, footnote, grade
    text: str
    page: int | None  # printed page label; None in a web page
    level: int = 0  # headings only: 1 outermost
    number: int | None = None  # footnotes only
    lines: list[str] = field(default_factory=list, repr=False)
    pdf_page: int | None = None  # physical page in the source PDF (None for text reports)
    anchor: str | None = None  # id of the heading it sits under, in an HTML report


@dataclass
class ParsedText:
    blocks: list[Block]
    pages: int
    page_offset: int  # printed page label = ordinal + offset
    front: str = ""  # the cover and contents, which feed metadata but no passages


# --------------------------------------------------------------------------- pages

def split_pages(raw: str) -> list[list[str]]:
    """Lines grouped by page: a page starts at a line beginning with one space."""
    pages: list[list[str]] = [[]]
    for line in raw.replace("\r\n", "\n").replace("\f", "\n").split("\n"):
        if re.match(r"^ \S", line) and any(l.strip() for l in pages[-1]):
            pages.append([])
        pages[-1].append(line.rstrip("\n"))
    return pages


def footnote_entries(lines: list[str]) -> tuple[list[tuple[int, str]], int]:
    """Numbered footnotes read from the lines under a page's separator, up to
    the first blank line: a line "N text" starts note N when N is the next
    number (and does not read as the continuation of an open sentence); other
    lines continue the note before. Returns the notes and how many lines they
    used."""
    notes: list[list] = []
    j = 0
    while j < len(lines) and lines[j].strip():
        text = lines[j].strip()
        m = _FOOTNOTE_RE.match(text)
        expected = notes[-1][0] + 1 if notes else None
        prev_open = notes and notes[-1][1].rstrip()[-1:] not in ".)"
        starts_new = m and (expected is None or int(m.group(1)) == expected) and not (
            prev_open and m.group(2)[:1].islower())
        if starts_new:
            notes.append([int(m.group(1)), m.group(2)])
        elif notes:
            notes[-1][1] = join_lines([notes[-1][1], text])
        j += 1
    return [(n, join_lines([t])) for n, t in notes], j


def split_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Separate a page's footnotes (under the long blank separator) from the rest.

    Footnotes run from the separator to the first blank line; what follows
    (chart legends, table data) stays with the page's other material."""
    for i, line in enumerate(lines):
        if _FOOTNOTE_SEP_RE.match(line):
            notes, used = footnote_entries(lines[i + 1:])
            if notes or (used and continued_note(lines[i:]) and used <= 6):  # or only the end of a note run on
                return lines[:i] + lines[i + 1 + used:], notes
    return lines, []


def continued_note(lines: list[str]) -> str:
    """Unnumbered lines right under a page's footnote separator: the end of
    the previous page's last footnote, which ran on."""
    for i, line in enumerate(lines):
        if _FOOTNOTE_SEP_RE.match(line):
            cont = []
            for nxt in lines[i + 1:]:
                if not nxt.strip() or _FOOTNOTE_RE.match(nxt.strip()):
                    break
                cont.append(nxt)
            return join_lines(cont)
    return ""


def strip_markers(text: str, numbers: set[int]) -> str:
    """Remove footnote markers glued to words: "(IOM)3" → "(IOM)", "MAPPAs).9" →
    "MAPPAs).", "June 201512 13" → "June 2015". Only numbers that are
    footnotes of this page are removed."""
    if not numbers:
        return text

    def known(seq: str) -> bool:
        return all(int(n) in numbers for n in seq.split())

    def after_word(m: re.Match) -> str:
        return "" if known(m.group(1)) else m.group(0)

    def after_year(m: re.Match) -> str:
        return m.group(1) if known(m.group(2)) else m.group(0)

    text = re.sub(r"(?<![\d][.,])(?<=[A-Za-z)\]’'”\".,;:%])(\d{1,3}(?:\s\d{1,3})*)(?=\s|$|[.,;:)])", after_word, text)
    text = re.sub(r"\b((?:19|20)\d\d)(\d{1,2}(?:\s\d{1,2})*)(?=\s|$|[.,;:)])", after_year, text)
    return text


def join_lines(lines: list[str]) -> str:
    """Rebuild a paragraph from hard-wrapped lines, keeping "anti-\\nsocial"
    as "anti-social"."""
    out = ""
    for line in lines:
        line = " ".join(line.split())  # runs of whitespace as one space (as re's \s: str.isspace)
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += line
        else:
            out += " " + line
    return out


# --------------------------------------------------------------------------- groups

def _groups(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    groups, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def _is_table_line(line: str) -> bool:
    s = line.strip()
    return bool(re.search(r"\S {3,}\S", s) or re.search(r"(^|\s)[\d.,]+%?\*?$", s)) and not s.endswith(".")


def is_grade(text: str) -> bool:
    return bool(_GRADE_RE.match(text.strip()))


def is_question_start(line: str) -> bool:
    s = line.strip()
    return bool(re.match(r"^(How|What|Which|To what extent|Is|Are|Does|Do|Has|Have|Overview\b)", s))


def _question_heading_len(lines: list[str], start: int) -> int:
    """Number of lines (1-8) forming a question heading at ``start``, or 0."""
    if not is_question_start(lines[start]):
        return 0
    for n in range(1, 9):
        if start + n > len(lines):
            return 0
        text = join_lines(lines[start:start + n])
        if len(text) > 220:
            return 0
        if text.endswith("?"):
            return n
        if re.search(r"[.;:!]$", text):
            return 0
    return 0


def _fixed_heading(text: str) -> int:
    if len(text) > 80 or text[-1:] in _TERMINAL or not text[:1].isupper():
        return 0
    if LEVEL1_FIXED.match(text):
        return 1
    if LEVEL2_FIXED.match(text):
        return 2
    return 0


@dataclass
class Raw:
    """A classified run of lines, before heading levels are known."""
    kind: str
    lines: list[str]
    page: int
    whole_group: bool = False  # heading that filled its blank-separated group
    number: int | None = None  # footnotes only
    pdf_page: int | None = None
    glued: bool = False  # a short title glued to its paragraph (not a question)
    listed: int = 0  # a title the contents page lists: its level there (1 least indented, else 2)


def _numbered_heading_len(lines: list[str], start: int) -> int:
    """Lines (1-3) of a numbered chapter heading ("1. Understanding …") that
    fills its group, or 0."""
    if not _NUMBERED_RE.match(lines[start].strip()) or start != 0 or len(lines) > 3:
        return 0
    text = join_lines(lines)
    return len(lines) if len(text) <= 110 and text[-1:] not in _TERMINAL else 0


def _glued_heading(lines: list[str], start: int, width: int) -> bool:
    """A title line glued to the paragraph it heads ("Crime recording and
    flags" over "Since 2019 forces have …"; the reports' sentence-like titles,
    "Victims in remote areas receive a slower service", are long too):
    shorter than the body's lines, no final punctuation, and a capital both
    sides."""
    if start != 0 or len(lines) < 2:
        return False
    first, second = lines[0].strip(), lines[1].strip()
    words = first.split()
    # a glossary's one-word terms ("Alerter") too: a lone word is never a wrapped line of a filled paragraph
    return ((2 <= len(words) <= 12 or (len(words) == 1 and first.isalpha() and len(first) >= 3))
            and len(first) < 0.85 * width and first[:1].isupper() and second[:1].isupper()
            and first[-1:] not in _TERMINAL + ",-–" and not BULLET_RE.match(first)
            and not re.search(r"\b(and|or|of|the|to|a|in|for|with|by|on)$", first, re.I)
            and not _is_table_line(first) and not re.match(r"^(Figure|Table|Chart|Source)\b", first)
            and any(len(line.strip()) >= 0.6 * width for line in lines[1:]))  # a paragraph follows


_CONTENTS_ENTRY_RE = re.compile(r"^(\s*)(\S.*?)\s*\.{3,}\s*(\d+|[ivxlc]+)\s*$", re.I)


def contents_titles(lines: list[str]) -> dict[str, int]:
    """The titles a report's contents page lists, each with its level there
    (1 for the least indented entries, 2 for the others): a line alone in
    its group that the contents names is a heading ("Leadership and
    culture"), though it is no fixed name, question or numbered chapter.
    A flat list shows parts by their pages instead: an entry on the page the
    one before it starts ("Overall judgment … 3" after "Overview … 3"), or
    one listed again and again ("Summary of findings"), is a part of a
    chapter (2); the others are chapters."""
    entries = [(len(m.group(1)), " ".join(m.group(2).split()), m.group(3))
               for m in map(_CONTENTS_ENTRY_RE.match, lines) if m]
    least = min((indent for indent, _, _ in entries), default=0)
    if any(indent != least for indent, _, _ in entries):
        return {title: 1 if indent == least else 2 for indent, title, _ in entries}
    seen = Counter(title for _, title, _ in entries)
    return {title: 1 if seen[title] == 1 and (k == 0 or page != entries[k - 1][2]) else 2
            for k, (_, title, page) in enumerate(entries)}


def classify_group(g: list[str], page: int, pdf_page: int | None = None, headings: bool = True,
                   width: int = 0, titles: dict[str, int] | None = None) -> list[Raw]:
    """Classify one blank-separated run of lines: heading lines at its start
    (questions, numbered chapters, fixed names, short titles glued to their
    paragraph when ``width`` is known; skipped when ``headings`` is False
    because the caller knows them from fonts), then one grade, figure
    caption, table, bullet or paragraph for the rest. Link lines and bare
    numbers are dropped."""
    out: list[Raw] = []
    i = 0
    while i < len(g):
        rest = g[i:]
        text0 = g[i].strip()
        if _LINK_RE.match(text0) or _BARE_NUMBER_RE.match(text0):
            i += 1
            continue
        n = (_question_heading_len(g, i) or _numbered_heading_len(g, i)) if headings else 0
        if n:
            out.append(Raw("heading", g[i:i + n], page, whole_group=(i == 0 and n == len(g)), pdf_page=pdf_page))
            i += n
            continue
        fixed = _fixed_heading(re.sub(r"\d+$", "", text0).strip()) if headings else 0
        listed = titles.get(" ".join(re.sub(r"\d+$", "", text0).split())) if titles and headings else None
        if fixed and (len(g) == 1 or i + 1 < len(g)):
            out.append(Raw("heading", [g[i]], page, whole_group=len(g) == 1, pdf_page=pdf_page, listed=listed or 0))
            i += 1
            continue
        if listed and len(g) == 1:
            out.append(Raw("heading", [g[i]], page, whole_group=True, pdf_page=pdf_page, listed=listed))
            break
        if len(rest) == 1 and _GRADE_RE.match(text0):
            out.append(Raw("grade", [g[i]], page, pdf_page=pdf_page))
            break
        if headings and width and _glued_heading(g, i, width) and not _GRADE_RE.match(text0):
            out.append(Raw("heading", [g[i]], page, pdf_page=pdf_page, glued=True))
            i += 1
            continue
        if CAPTION_RE.match(text0):
            out.append(Raw("para", rest, page, pdf_page=pdf_page))
            break
        if all(_is_table_line(l) for l in rest) or (
                len(rest) <= 2 and _is_table_line(join_lines(rest))):
            out.append(Raw("table", [l for l in rest if not _LINK_RE.match(l)], page, pdf_page=pdf_page))
            break
        kind = "bullet" if BULLET_RE.match(text0) else "para"
        body = [l for l in rest if not _LINK_RE.match(l) and not _BARE_NUMBER_RE.match(l)]
        out.append(Raw(kind, body, page, pdf_page=pdf_page))
        break
    return out


def classify_page(lines: list[str], page: int, pdf_page: int | None = None, width: int = 0,
                  titles: dict[str, int] | None = None) -> list[Raw]:
    return [r for g in _groups(lines) for r in classify_group(g, page, pdf_page, width=width, titles=titles)]


def merge_tables(raws: list[Raw]) -> list[Raw]:
    """Join consecutive table groups into one table, taking in the short
    unterminated header lines and chart legends just before, between or just
    after them on the same page."""
    def headerish(r: Raw) -> bool:
        t = join_lines(r.lines)
        return (r.kind == "para" and len(r.lines) <= 2 and t[-1:] not in _TERMINAL and len(t) < 120
                and not re.match(r"^(Figure|Table|Chart) \d+|^Source:", t))

    out: list[Raw] = []
    i = 0
    while i < len(raws):
        r = raws[i]
        if r.kind != "table":
            out.append(r)
            i += 1
            continue
        rows = list(r.lines)
        while out and headerish(out[-1]) and out[-1].page == r.page:
            rows = out.pop().lines + rows
        j = i + 1
        notes: list[Raw] = []  # the page's footnotes, kept after a table that runs on to the next page
        page = r.page
        while j < len(raws):
            nxt = raws[j]
            after = raws[j + 1] if j + 1 < len(raws) else None
            if nxt.page == page and (nxt.kind == "table" or (headerish(nxt) and (
                    after is None or after.kind in ("table", "footnote") or after.page != page))):
                rows += nxt.lines
                j += 1
                continue
            k = j
            while k < len(raws) and raws[k].kind == "footnote" and raws[k].page == page:
                k += 1
            if k < len(raws) and _runs_on(rows, raws[k], page):
                notes += raws[j:k]
                page = raws[k].page
                rows += raws[k].lines
                j = k + 1
                continue
            break
        out.append(Raw("table", rows, r.page, pdf_page=r.pdf_page))
        out += notes
        i = j
    return out


def _cells(line: str) -> int:
    return len(re.split(r"\s{2,}", line.strip()))


def _runs_on(rows: list[str], nxt: Raw, page: int) -> bool:
    """Does ``nxt``, opening the next page, carry on a table whose rows end
    this one: a table whose first line is a row of as many cells as the last
    row here (no header of its own)? A table broken by a page is one table,
    so its later rows keep their column names."""
    if nxt.kind != "table" or nxt.page != page + 1 or not rows or not nxt.lines:
        return False
    last = next((l for l in reversed(rows) if l.strip()), "")
    first = next((l for l in nxt.lines if l.strip()), "")
    return _cells(last) >= 3 and _cells(first) == _cells(last) and bool(re.search(r"[\d%]\s*$", first.strip()))


# --------------------------------------------------------------------------- levels

def body_width(pages: list[list[str]]) -> int:
    lengths = sorted(len(l.strip()) for p in pages for l in p if len(l.strip()) > 20)
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def assign_levels(raws: list[Raw], width: int) -> list[Block]:
    """Heading levels: fixed names; question headings alone in their group are
    chapter questions (1); glued to their text they are sub-questions, set in a
    larger font (2, shorter wrap) or the body font (3)."""
    blocks: list[Block] = []
    l2_open = False
    l1_seen = False  # a fixed second-level name ("Summary") before any chapter has no parent: it is a chapter
    threshold = 0.75 * width
    for k, r in enumerate(raws):
        text = join_lines(r.lines)
        if r.kind != "heading":
            blocks.append(Block(r.kind, text, r.page, number=r.number, lines=r.lines, pdf_page=r.pdf_page))
            continue
        fixed = _fixed_heading(text)
        if fixed:  # "Summary" is a section of a chapter unless the contents lists it as one of the report's own
            level = r.listed or (fixed if l1_seen else 1)
        elif r.listed:
            level = r.listed
        elif r.whole_group or _NUMBERED_RE.match(text):
            level = 1
        elif r.glued:
            level = 2
        else:
            nxt = raws[k + 1] if k + 1 < len(raws) else None
            first = len(r.lines[0].strip())
            if nxt is not None and nxt.kind == "heading" and not nxt.whole_group and not _fixed_heading(
                    join_lines(nxt.lines)):
                level = 2
            elif len(r.lines) > 1:
                level = 2 if first <= threshold else 3
            elif first > threshold:
                level = 3
            else:
                level = 3 if l2_open else 2
        if level == 1:
            l2_open, l1_seen = False, True
        elif level == 2:
            l2_open = not fixed
        blocks.append(Block("heading", text, r.page, level=level, lines=r.lines, pdf_page=r.pdf_page))
    return _column_headings(blocks)


def _column_headings(blocks: list[Block]) -> list[Block]:
    """Two chapter questions in a row with no text between are the column
    headings of a two-column summary page: they belong under the heading
    before them."""
    for i in range(len(blocks) - 1):
        a, b = blocks[i], blocks[i + 1]
        if a.kind == b.kind == "heading" and a.level == b.level == 1 and a.text.endswith("?") \
                and b.text.endswith("?") and not LEVEL1_FIXED.match(a.text):
            a.level = b.level = 2
    return blocks


# --------------------------------------------------------------------------- continuity

def _ends_open(text: str) -> bool:
    return text[-1:] not in _TERMINAL + "”’\")"


def join_continuations(blocks: list[Block], full_text: str) -> list[Block]:
    """A paragraph that starts in lower case continues an earlier unfinished one
    (broken by a page or a column). Among unfinished candidates, prefer the one
    whose join reads as text found elsewhere in the report (summaries are
    repeated), else the most recent."""
    norm_full = re.sub(r"\s+", " ", full_text)
    out: list[Block] = []
    for b in blocks:
        if b.kind in ("para", "bullet") and b.text[:1].islower():
            # a caption ("Figure 1: … 2018") ends without a full stop but is finished: a glossary's
            # lower-case entries after a chart do not continue it
            candidates = [x for x in reversed(out[-12:]) if x.kind in ("para", "bullet") and _ends_open(x.text)
                          and not CAPTION_RE.match(x.text)]
            target = None
            for c in candidates:
                tail = " ".join(c.text.split()[-2:])
                head = " ".join(b.text.split()[:2])
                if f"{tail} {head}" in norm_full or f"{tail}{head}" in norm_full:
                    target = c
                    break
            target = target or (candidates[0] if candidates else None)
            if target is not None:
                target.text = join_lines([target.text, b.text])
                continue
        out.append(b)
    return out


def _assign_columns(blocks: list[Block]) -> list[Block]:
    """Reorder two-column summary text under its column heading. Each column
    repeats, nearly word for word, the summary found later under the same
    question, so a paragraph goes to the heading whose later section shares
    most of its word trigrams."""
    def trigrams(t: str) -> set:
        w = re.findall(r"\w+", t.lower())
        return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}

    i = 0
    while i < len(blocks) - 1:
        a, b = blocks[i], blocks[i + 1]
        if not (a.kind == b.kind == "heading" and a.level == b.level == 2 and a.text.endswith("?")
                and b.text.endswith("?")):
            i += 1
            continue
        heads = [a, b]
        j = i + 2
        grades = []
        while j < len(blocks) and blocks[j].kind == "grade":
            grades.append(blocks[j])
            j += 1
        k = j
        while k < len(blocks) and blocks[k].kind != "heading":
            k += 1
        body = blocks[j:k]
        later = {}
        for h in heads:
            key = h.text.lower()
            text = []
            collecting = False
            for x in blocks[k:]:
                if x.kind == "heading" and x.level == 1:
                    if collecting:
                        break
                    collecting = x.text.lower() == key
                elif collecting and x.kind in ("para", "bullet"):
                    text.append(x.text)
            later[id(h)] = trigrams(" ".join(text))
        cols: dict[int, list[Block]] = {id(a): [], id(b): []}
        for x in body:
            tg = trigrams(x.text)
            scores = [(len(tg & later[id(h)]), -n) for n, h in enumerate(heads)]
            best = heads[-max(scores)[1]] if max(scores)[0] > 0 else (cols[id(b)] and b or a)
            cols[id(best)].append(x)
        new = [a]
        if grades:
            new.append(grades[0])
        new += cols[id(a)] + [b]
        if len(grades) > 1:
            new.append(grades[1])
        new += cols[id(b)] + grades[2:]
        blocks[i:k] = new
        i += len(new)
    return blocks


# --------------------------------------------------------------------------- main

def page_offset(pages: list[list[str]]) -> int:
    """Printed page label minus ordinal, learned from stray page-number lines
    (a lone number inside a page). 0 when there is no consistent evidence."""
    offsets = set()
    for ordinal, lines in enumerate(pages, start=1):
        body, _ = split_footnotes(lines)
        for line in body:
            m = _BARE_NUMBER_RE.match(line)
            if m and line.strip():
                offsets.add(int(m.group(1)) - ordinal)
    if len(offsets) == 1:
        off = offsets.pop()
        if -8 <= off <= 12:  # negative: unnumbered cover and contents before page 1
            return off
    return 0


_COVER_RE = re.compile(r"©|\bISBN\b|^\s*(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|"
                       r"September|October|November|December)\s+(?:19|20)\d\d\s*$", re.M)
_LEADER_RE = re.compile(r"\.{4,}\s*\d+\s*$|\s\d{1,3}\s*$")


def front_pages(pages: list[list[str]]) -> int:
    """How many pages at the start are a cover or contents: short pages
    with the date, © or ISBN, and pages listing headings with page numbers."""
    n = 0
    for lines in pages[:4]:
        text = [l.strip() for l in lines if l.strip()]
        if not text:
            n += 1
            continue
        cover = n == 0 and len(text) <= 15 and _COVER_RE.search("\n".join(text))
        contents = text[0].lower() == "contents" or (
            len(text) >= 4 and sum(bool(re.search(r"\.{4,}", l)) for l in text) >= 0.6 * len(text))
        if not (cover or contents):
            break
        n += 1
    return n


def running_headers(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top of many pages (the report's title, say):
    page furniture, not text."""
    tops = Counter()
    for lines in pages:
        first = next((l.strip() for l in lines if l.strip()), "")
        if first and not _BARE_NUMBER_RE.match(first) and len(first) > 15:
            tops[first] += 1
    return {line for line, n in tops.items() if n >= 3 and n >= 0.3 * len(pages)}


def parse_text(raw: str) -> ParsedText:
    pages = split_pages(raw)
    skip = front_pages(pages)
    front = "\n".join(l for p in pages[:skip] for l in p)
    headers = running_headers(pages[skip:])
    offset = page_offset(pages)
    width = body_width(pages)
    titles = contents_titles([l for p in pages[:skip] for l in p])
    raws: list[Raw] = []
    for ordinal, lines in enumerate(pages, start=1):
        if ordinal <= skip:
            continue
        page = ordinal + offset
        lines = [l for l in lines if l.strip() not in headers]
        cont = continued_note(lines)
        if cont:
            last = next((r for r in reversed(raws) if r.kind == "footnote"), None)
            if last is not None:
                last.lines = [join_lines(last.lines + [cont])]
        body, footnotes = split_footnotes(lines)
        numbers = {n for n, _ in footnotes}
        body = [strip_markers(l, numbers) for l in body]
        raws += classify_page(body, page, width=width, titles=titles)
        # footnotes follow the page's text in reading order
        raws += [Raw("footnote", [t], page, number=n) for n, t in footnotes]
    raws = merge_tables(raws)
    blocks = _practice_titles(assign_levels(raws, width))
    blocks = join_continuations(blocks, join_lines(raw.split("\n")))
    blocks = finish_tables(_assign_columns(blocks))
    return ParsedText(blocks=blocks, pages=len(pages) + offset, page_offset=offset, front=front)


_PRACTICE_RE = re.compile(r"^(innovative|promising|notable) practice$", re.I)


def _practice_titles(blocks: list[Block]) -> list[Block]:
    """The short line under a "Promising practice" label is the box's title:
    a heading, so the box's text sits under it."""
    for a, b in zip(blocks, blocks[1:]):
        if a.kind == "heading" and _PRACTICE_RE.match(a.text) and b.kind == "para" and len(b.text) <= 120 \
                and b.text[-1:] not in _TERMINAL:
            b.kind, b.level = "heading", a.level + 1
    return blocks


def finish_tables(blocks: list[Block]) -> list[Block]:
    """Table text: one row a line, cells two spaces apart."""
    for b in blocks:
        if b.kind == "table" and b.lines:
            b.text = "\n".join(re.sub(r"\s{2,}", "  ", l.strip()) for l in b.lines if l.strip())
    return blocks
