"""Table rows read as sentences: a row with its columns' names (over a
page break too, and with a header broken over two lines), the row with the
most or least in a named column, and a table's title and years."""
from __future__ import annotations

import re

from search_service import sentences
from search_service.analysis import ANALYZER, stems_of
from search_service.counts import other_side_of_non
from search_service.model import passage_id
from search_service.question import MONTHS

_DATE_RE = re.compile(rf"\b(19|20)\d\d\b|\b{MONTHS}\b|\b(since|between|until|months? to)\b", re.I)


_CAPTION_LABEL_RE = sentences.CAPTION_LABEL_RE


_CELL_SPLIT = re.compile(r"\s{2,}")


_UNFINISHED_RE = re.compile(r"(\b(and|of|the|in|for|to|or|with|per|by|from|on|at)|[-–,])\s*$", re.I)


def _alike(cells: list[str]) -> bool:
    """Do the cells share a word ("2018 audit", "2021/22 audit"): the parts of one heading above them?"""
    shared = set.intersection(*(set(re.findall(r"[a-z]{3,}", c.lower())) for c in cells)) if cells else set()
    return bool(shared)


def _column_names(header: list[str], columns: int) -> list[str]:
    """The names of a table's last ``columns`` columns, read down the header
    lines: a name broken over two lines ("Rural" over "crimes", "Did not
    report the" over "most recent crime", "England and" over "Wales") is
    joined. A line with fewer cells than columns names the last ones (the
    first line names the row labels' column too, or leaves it blank); a
    caption, or a line of one cell above the first names, is a title."""
    names = [""] * columns
    above: list[str] = []
    for line in header:
        if _CAPTION_LABEL_RE.match(line):
            continue
        cells = _CELL_SPLIT.split(line.strip())
        if len(cells) < 2 and not (names[-1] and _UNFINISHED_RE.search(names[-1])):
            continue  # a title over the table or a label of its rows ("Public perceptions"), not "England and" / "Wales"
        if len(cells) == len(above) == columns and _alike(cells) and not _alike(above):
            # "Crime type  Estimated recording rate" over "2018 audit  2021/22 audit": the line above names the
            # labels' column and one heading over every column below it
            names = [f"{above[-1]} {cell}" for cell in cells]
            above = cells
            continue
        above = cells
        cells = cells[-columns:]
        for i, cell in enumerate(cells, columns - len(cells)):
            names[i] = f"{names[i]} {cell}".strip()
    return names


_LABEL_AND_VALUE_RE = re.compile(r"(.*[A-Za-z)].*?)\s(-?\d[\d,]*(?:\.\d+)?%?)")
_VALUES_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?(?:\s+-?\d[\d,]*(?:\.\d+)?%?)+")


def _cells(row: str) -> list[str]:
    """A row's cells, split where a PDF's text left one space between columns: "Caution - youths 964  0.5 19,703
    0.5" is the label and four values, not "Caution - youths 964" and "0.5 19,703" (only where values are run
    together and every value is a figure, so "Not used" and "12 months to March 2015" stay whole)."""
    cells = _CELL_SPLIT.split(row.strip())
    if len(cells) < 2 or not all(_VALUES_RE.fullmatch(c) or _VALUE_RE.fullmatch(c.rstrip("%")) for c in cells[1:]):
        return cells
    if not any(" " in c for c in cells[1:]):
        return cells  # no value run together: "12 months to March 2015  1,234" has its label whole
    label = _LABEL_AND_VALUE_RE.fullmatch(cells[0])
    head = [label.group(1), label.group(2)] if label else [cells[0]]
    return head + [v for c in cells[1:] for v in c.split()]


def _table_row(header: list[str], row: str) -> str:
    """A table row read with its column headers: "Caution – youths: West
    Midlands Police 964; England and Wales 1,140"."""
    cells = _cells(row)
    if len(cells) < 2:
        return row.strip()
    cells[0] = " ".join(cells[0].split())  # a label broken over two lines ("999 calls per 1,000 population,", "12 …")
    values = cells[1:]
    widest = max((len(_CELL_SPLIT.split(line.strip())) for line in header if not _CAPTION_LABEL_RE.match(line)),
                 default=0)
    # a row with fewer cells than the table has columns ("Brackenfield (contingency)  8  Not used" under "Custody
    # suite  Cells  Detainees  Of whom children") has left some out: which, its text does not say
    heads = _column_names(header, len(values)) if header and widest <= len(values) + 1 else []
    if heads and all(heads):
        return f"{cells[0]}: " + "; ".join(f"{h} {v}" for h, v in zip(heads, values))
    return f"{cells[0]}: " + "; ".join(values)


_YEAR_COLUMNS_RE = re.compile(r"\D+?(?:\s{2,}(?:19|20)\d\d(?:[/–-]\d\d(?:\d\d)?)?){2,}$")
_ROW_END_RE = re.compile(r"[\d.,%*£]+\s*$|\bn/?a\s*$|–\s*$")

# "In which month did it receive the most emergency calls?": a row picked out by the largest or smallest value of a
# column (not "most of its officers", "at least")
_MOST = r"most|highest|largest|biggest|greatest|longest"  # the superlatives of the most, and of the least
_LEAST = r"fewest|least|lowest|smallest|shortest"
_SUPERLATIVE_RE = re.compile(rf"(?<!\bat )\b(?:({_MOST})|({_LEAST}))\b(?!\s+(?:of|in)\b)", re.I)
# (which one of several: "which month", "in what year", "where"; not "What share of its most vulnerable …")
_ASKS_WHICH_RE = re.compile(r"\s*(?:(?:in|at|on|for|from|during|over)\s+)?(?:which|where|what\s+(?:month|year|quarter|"
                            r"day|force|forces|area|areas|service|services|suite|command|team|district|region|place)\b)",
                            re.I)
# "Which of its two command areas had more crimes?": between rows, the comparative asks the row with the most (not
# "more … than Eastmoor", a comparison with one named)
# (a quantity: "more crimes", "a higher rate"; not "less complex", "less likely")
_COMPARATIVE_OF_ROWS_RE = re.compile(r"\b(?:(more)|fewer)(?=\s+[a-z]+s\b)(?![^?]*\bthan\b)|"
                                     r"\b(?:(higher|larger|bigger|greater)|lower|smaller)(?=\s+(?:[a-z]+\s+){0,2}"
                                     r"(?:rate|share|number|proportion|percentage|figure|total)\b)(?![^?]*\bthan\b)",
                                     re.I)
_SUPERLATIVE_OF = {"more": "most", "higher": "highest", "larger": "largest", "bigger": "biggest", "greater": "greatest",
                   "longer": "longest", "fewer": "fewest", "less": "least", "lower": "lowest", "smaller": "smallest",
                   "shorter": "shortest"}


def _extreme_asked(question_text: str) -> tuple[str, bool] | None:
    """The superlative a "which …" question picks its one of several by, and whether it is the largest: ("most",
    True) of "In which month did it receive the most emergency calls?", ("most", True) of "Which of its command
    areas had more crimes?"; None when it asks none."""
    if not _ASKS_WHICH_RE.match(question_text):
        return None
    if m := _SUPERLATIVE_RE.search(question_text):
        return m.group(0).lower(), bool(m.group(1))
    if m := _COMPARATIVE_OF_ROWS_RE.search(question_text):
        return _SUPERLATIVE_OF[m.group(0).lower()], bool(m.group(1) or m.group(2))
    return None


_VALUE_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _extreme_rows(header: list[str], rows: list[str], question_text: str, most: bool) -> set[str] | None:
    """The rows of a table holding the largest (``most``) or smallest value in the column the question names (not
    one on the other side of "non-" from it), its whole rows ("Year", "Total") aside; None when the table does not
    say which (no column named, or two named alike, or fewer than two values)."""
    asked = stems_of(question_text)
    cells = [(row.strip(), _cells(row)[1:]) for row in rows
             if not _WHOLE_ROW_RE.match(_row_label(row))]
    cells = [(row, values) for row, values in cells if values]
    width = max((len(values) for _, values in cells), default=0)
    if len(cells) < 2 or any(len(values) != width for _, values in cells):
        return None
    shared = [frozenset() if other_side_of_non(question_text, name) else stems_of(name) & asked
              for name in _column_names(header, width)]
    named = [len(words) for words in shared]
    if width > 1 and (max(named) == 0 or named.count(max(named)) > 1):
        return None
    column = named.index(max(named))
    if any(words and not words <= shared[column] for words in shared):
        # two columns named by different words ("emergency call answering at its lowest": "Emergency calls
        # received", "Answered within 10 seconds"): the measure is the one named last, the words before it say of
        # what ("emergency call" answering); when that word names several columns, the table does not say which
        last = next((st for st in reversed([t.text for t in ANALYZER(question_text, mode="query")])
                     if any(st in words for words in shared)), None)
        holding = [i for i, words in enumerate(shared) if last in words]
        if len(holding) != 1:
            return None
        column = holding[0]
    values = {row: float(m.group(0).replace(",", "")) for row, cell in cells if (m := _VALUE_RE.search(cell[column]))}
    if len(values) < 2:
        return None
    extreme = max(values.values()) if most else min(values.values())
    return {row for row, v in values.items() if v == extreme}



def _table_header(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The lines of a table before its first row of values."""
    header = []
    for a, b in spans:
        line = text[a:b]
        if _ROW_END_RE.search(line.strip()) and not (not header and (_CAPTION_LABEL_RE.match(line)
                                                                     or _YEAR_COLUMNS_RE.match(line.strip()))):
            break  # a caption ("Table 1: …, year to 30 September 2023") heads the table whatever it ends with, and
            # so do columns named by years ("Service  On-call engines  2020/21  2024/25")
        header.append(line)
    return header[:4]


_THESE_ARE_RE = re.compile(r"\s*(these|they)\s+(are|were|include[ds]?|cover(ed)?)\b", re.I)


def _enumeration_end(text: str, spans: list[tuple[int, int]], i: int) -> int:
    """A sentence ending with ":" introduces the bullets after it, and one
    followed by "These are …" the sentence that names them: they are the
    answer too ("… one of six national threats. These are terrorism, …")."""
    a, b = spans[i]
    if not text[a:b].rstrip().endswith(":"):
        if i + 1 < len(spans) and _THESE_ARE_RE.match(text[spans[i + 1][0]:spans[i + 1][1]]):
            return spans[i + 1][1]
        return b
    end = b
    for x, y in spans[i + 1:]:
        if not re.match(r"\s*[•▪●◦\-–]", text[x:y]):
            break
        end = y
    return end


# (a table of months closes with the whole year's row: "Year  241,600  61%  34%")
_WHOLE_ROW_RE = re.compile(r"\s*(?:all|total|overall)\b|\s*(?:(?:the\s+)?(?:full|whole)\s+)?year(?:\s*$|\s+to\b)",
                           re.I)  # (and "Year to March 2022" under its quarters)


def _row_label(row: str) -> str:
    return _cells(row)[0]


def _exact_rows(survivors: list, asked) -> list:  # (of sentence.Survivor)
    """A table's rows whose label adds the fewest words the question does
    not ask, without its others: "police officers" is the row "Police
    officers", not "Police community support officers" (which holds the same
    two words); "officers" too is "Police officers" (one word more, not
    three)."""
    rows = [(t, _label_extra(t.hit.passage.text, t.start, asked) if t.header else set()) for t in survivors]
    fewest: dict[str, int] = {}  # of each table, the fewest words a row's label adds
    for t, extra in rows:
        if t.header:
            fewest[t.hit.passage.id] = min(len(extra), fewest.get(t.hit.passage.id, len(extra)))
    return [t for t, extra in rows if not (t.header and len(extra) > fewest[t.hit.passage.id])]


def _label_extra(text: str, start: int, asked) -> set[str]:
    """The words of a row's label (at ``start`` in its table) the question
    does not use, but for its unit in brackets ("(minutes:seconds)", "(FTE)")
    and the day it is counted at ("at 31 March 2019")."""
    line_end = text.find("\n", start)
    label = _row_label(text[start:line_end if line_end >= 0 else len(text)])
    return stems_of(_DATE_RE.sub(" ", re.sub(r"\([^)]*\)|\b\d+\b", " ", label))) - asked


def _part_not_asked(label: str, wholes: list[frozenset[str]], asked: frozenset[str]) -> bool:
    """Is the row labelled ``label`` one part of a whole the table also
    gives (``wholes``: the terms of its rows labelled "All …", "Total …"), a
    part the question does not name (what it names of the row, the whole's
    label names too)? Then it asks for the whole: "the crime recording rate"
    is the "All crime" row's, not "Behavioural crimes"; detainees held by the
    force are the "Total" row's, not one suite's; a row naming the force
    asked about is asked by name. In a table giving no whole, a row whose
    label the question does not name at all is a part it does not ask:
    adults brought into custody are not the row "Less than 12 hours"."""
    # (a month names a part, though the analyser drops "May" as a verb)
    stems = stems_of(label) | ({label.strip().lower()} if re.fullmatch(MONTHS, label.strip(), re.I) else set())
    if _WHOLE_ROW_RE.match(label) or not stems - asked:
        return False
    named = stems & asked
    return any(named <= whole for whole in wholes) if wholes else not named


_TITLE_LINE_RE = re.compile(r"^(?:Figure|Table|Chart) \d+\b.*$", re.M)


TABLE_REACH = 3  # passages back a table's header is looked for, under the same heading


def _same_heading(store, p, step: int):
    """The passages next to ``p`` one way (``step`` -1 or 1) under the same heading, at most TABLE_REACH of them, a
    footnote between the pages passed over: where the rest of a table broken over a page is."""
    for order in range(p.order + step, p.order + step * (TABLE_REACH + 1), step):
        other = store.passage(passage_id(p.report_id, order)) if order > 0 else None
        if other is not None and other.kind == "footnote":
            continue
        if other is None or other.heading_path != p.heading_path:
            return
        yield other


def _header_before(store, tok, p) -> list[str]:
    """The header of the table a headerless table passage goes on from: a
    table broken over a page ("Force in numbers": "999 calls per 1,000
    population  127  138" on the page after its columns, the force and
    England and Wales, are named). The nearest table before it under the
    same heading; [] when there is none."""
    before = next((other for other in _same_heading(store, p, -1) if other.kind == "table"), None)
    return _table_header(before.text, sentences.split(tok, before.text)) if before else []


def _rows_beside(store, tok, p, header: list[str]) -> list[str]:
    """The rows of the table ``p`` is a part of on the pages before and after it: the table passages next to it
    under the same heading, with its header again or none ("January … March" on one page, "April … Year" on the
    next)."""
    rows, own = [], [" ".join(line.split()) for line in header]
    for step in (-1, 1):
        for other in _same_heading(store, p, step):
            if other.kind != "table":
                break
            spans = sentences.split(tok, other.text)
            head = _table_header(other.text, spans)
            if head and [" ".join(line.split()) for line in head] != own:
                break
            rows += [other.text[x:y] for x, y in spans[len(head):]]
    return rows


def _title_before(store, p) -> str:
    """The last chart or table title in the passage before ``p`` (unless
    that is a table, whose title it is), where extraction often leaves a
    table's title ("Figure 1: Rural, heritage and
    wildlife crimes recorded …, by force, year ending 31 March 2025", then
    the table); "" when there is none."""
    before = store.passage(passage_id(p.report_id, p.order - 1)) if p.order > 1 else None
    if before is None or before.kind == "table":
        return ""  # a table's title is its own ("Table 3: Progress against …" over its rows), not the next one's
    titles = _TITLE_LINE_RE.findall(before.text)
    return titles[-1] if titles else ""
