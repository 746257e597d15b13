"""Inspection reports published as web pages → the same ``Block``s as text
and PDF reports.

The inspectorate publishes recent reports as HTML pages wrapped in its site:
header, navigation, cookie banner, breadcrumbs, "print this page" and
sharing links, an "on this page" list, related content and a footer. The
report is the page's article; its ``<h2>``–``<h6>`` headings (with their
``id``s, which become the passages' anchors: pages mean nothing here) give
the heading path. Footnote links (``<sup><a href="#fn3">``) are taken out of
the text and their notes become footnote blocks of the passage; tables keep
their header rows; an image's alt text is kept when it says something.

lxml parses (it copes with any real-world markup); the rest is a walk over
the article's elements in document order. Pure: bytes in, blocks out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from search_service.ingest.text import Block

# Site chrome and page furniture, by tag or by words in class, id, role or aria-label.
_DROP_TAGS = {"script", "style", "noscript", "template", "form", "button", "input", "select", "textarea",
              "svg", "iframe", "nav", "object", "embed", "canvas", "audio", "video"}
_CHROME_RE = re.compile(r"cookie|breadcrumb|share|social|print|page-tools|on-this-page|related|skip-link|"
                        r"visually-hidden|sr-only|screen-reader|site-header|site-footer|newsletter|feedback|"
                        r"back-to-top|footnote-back", re.I)
_BLOCK_TAGS = {"p", "li", "table", "figure", "img", "div", "section", "aside", "blockquote", "dl", "details",
               "summary", "ul", "ol", "article", "main", "header", "footer", "pre", "address", "figcaption",
               "h1", "h2", "h3", "h4", "h5", "h6"}
_HEADING_RE = re.compile(r"^h([1-6])$")
_GRADE_RE = re.compile(r"^(outstanding|good|adequate|requires improvement|inadequate)$", re.I)
_SPACE_RE = re.compile(r"\s+")
_CELL_GAP = "   "


HEADLESS_BOX = 9  # deeper than any heading: the end of such a box leaves the sections around it open


class HtmlError(ValueError):
    """A file that is not a readable report page; the message says why."""


@dataclass
class ParsedHtml:
    blocks: list[Block]
    title: str = ""  # the article's <h1>, else the page <title>
    text: str = ""  # the article's text, for metadata
    meta: dict = field(default_factory=dict)  # published, url, organisations from the page's metadata


def _text(el) -> str:
    return _SPACE_RE.sub(" ", el.text_content()).strip()


def _classes(el) -> str:
    return " ".join(str(el.get(a) or "") for a in ("class", "id", "role", "aria-label"))


def _is_chrome(el) -> bool:
    if not isinstance(el.tag, str):
        return True  # comments and processing instructions
    if el.tag in _DROP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return el.tag in ("header", "footer", "aside", "div", "section", "ul", "ol", "p", "span", "a", "li") and \
        bool(_CHROME_RE.search(_classes(el))) and not _is_report_box(el)


def _is_report_box(el) -> bool:
    """Boxes of the report itself (areas for improvement, practice, causes of concern) may be <aside>s."""
    return bool(re.search(r"\bbox\b|box--|practice|concern|afi|improvement|recommendation", _classes(el), re.I)) \
        and not re.search(r"related|share|on-this-page", _classes(el), re.I)


def _article(root):
    """The report: the <article> (or main) holding the most text."""
    for path in ("//article", "//main", "//*[@role='main']", "//body"):
        found = root.xpath(path)
        if found:
            return max(found, key=lambda el: len(el.text_content()))
    return root


def _footnotes(article) -> dict[str, tuple[int, str]]:
    """Footnote id → (number, text), and the footnote lists removed from the article."""
    notes: dict[str, tuple[int, str]] = {}
    for container in article.xpath(".//*[contains(@class, 'footnote') or contains(@id, 'footnote')]"
                                   "[self::section or self::ol or self::div or self::aside]"):
        items = container.xpath(".//li[@id]")
        if not items:
            continue
        for n, li in enumerate(items, start=1):
            for back in li.xpath(".//a[contains(@class, 'back') or starts-with(@href, '#fnref')]"):
                back.drop_tree()
            number = int(m.group(1)) if (m := re.search(r"(\d+)$", li.get("id"))) else n
            notes[li.get("id")] = (number, _text(li))
        container.drop_tree()
    return notes


def _meta(root) -> dict:
    out = {}
    canonical = root.xpath("//link[@rel='canonical']/@href") or root.xpath("//meta[@property='og:url']/@content")
    if canonical:
        out["url"] = canonical[0].strip()
    for dt in root.xpath("//dl//dt"):
        dd = dt.getnext()
        if dd is None or dd.tag != "dd":
            continue
        key = _text(dt).rstrip(":").lower()
        if "publish" in key:
            out["published"] = _text(dd)
        elif re.search(r"force|service|organisation", key):
            out["organisations"] = [_text(a) for a in dd.xpath(".//a")] or [_text(dd)]
    if "published" not in out:
        times = root.xpath("//article//time")
        if times:
            out["published"] = _text(times[0])
    return out


def _table(el) -> str:
    rows = []
    caption = el.xpath("./caption")
    if caption and _text(caption[0]):
        rows.append(_text(caption[0]))
    for tr in el.xpath(".//tr"):
        cells = [_text(c) for c in tr.xpath("./th|./td")]
        if any(cells):
            rows.append(_CELL_GAP.join(c or "–" for c in cells))
    return "\n".join(rows)


class _Walker:
    """Turns the article's elements into blocks, in document order."""

    def __init__(self, notes: dict[str, tuple[int, str]]):
        self.notes = notes
        self.blocks: list[Block] = []
        self.anchor: str | None = None

    def add(self, kind: str, text: str, level: int = 0, number: int | None = None):
        text = _SPACE_RE.sub(" ", text).strip() if kind != "table" else text
        if text:
            self.blocks.append(Block(kind, text, None, level=level, number=number, anchor=self.anchor))

    def inline(self, el) -> tuple[str, list[tuple[int, str]]]:
        """An element's text with footnote references taken out."""
        refs = []
        for link in el.xpath(".//a[starts-with(@href, '#')][ancestor::sup or contains(@class, 'footnote-ref')]"):
            target = (link.get("href") or "").lstrip("#")
            if target in self.notes:
                refs.append(self.notes[target])
                sup = link.getparent() if link.getparent() is not None and link.getparent().tag == "sup" else link
                sup.drop_tree()  # keeps the text after it
        return _text(el), refs

    def paragraph(self, el, kind: str = "para"):
        text, refs = self.inline(el)
        self.add(kind, text)
        for number, note in refs:
            self.add("footnote", note, number=number)

    def walk(self, el):
        for child in el:
            if _is_chrome(child):
                continue
            tag = child.tag
            heading = _HEADING_RE.match(tag)
            if heading:
                if child.get("id"):
                    self.anchor = child.get("id")
                level = int(heading.group(1)) - 1
                if level >= 1:
                    text, refs = self.inline(child)
                    self.add("heading", text, level=level)
                    for number, note in refs:
                        self.add("footnote", note, number=number)
                continue
            classes = _classes(child)
            if tag == "header" and child.xpath("ancestor::article"):
                self.walk_headings(child)  # the report's title block: its metadata is read by _meta
                continue
            box_level = self._box_level(child)
            anchor_before = self.anchor
            if "grade" in classes.lower() and _GRADE_RE.match(_text(child)):
                self.add("grade", _text(child))
            elif tag == "p" or tag == "blockquote" or tag == "address" or tag == "pre":
                self.paragraph(child)
            elif tag in ("ul", "ol"):
                for li in child.xpath("./li"):
                    if any(isinstance(g.tag, str) and g.tag in ("p", "ul", "ol", "table") for g in li):
                        self.walk(li)  # a list item that holds blocks of its own
                    else:
                        self.paragraph(li, "bullet")
            elif tag == "table":
                if "judgment" in classes.lower():
                    self.judgments_grid(child)
                else:
                    text, refs = self.inline(child)
                    self.add("table", _table(child))
                    for number, note in refs:
                        self.add("footnote", note, number=number)
            elif tag == "img":
                self.image(child)
            elif tag == "figure":
                for img in child.xpath(".//img"):
                    self.image(img)
                for table in child.xpath(".//table"):
                    self.add("table", _table(table))
                caption = child.xpath(".//figcaption")
                if caption:
                    self.paragraph(caption[0])
            elif tag == "dl":
                if child.xpath("ancestor::header"):
                    continue  # the report's own metadata (date, force): read by _meta
                for dt in child.xpath("./dt"):
                    dd = dt.getnext()
                    self.add("para", f"{_text(dt)} {_text(dd) if dd is not None else ''}")
            elif tag == "summary":
                self.add("heading", _text(child), level=max(1, self._level() + 1))
            elif tag in _BLOCK_TAGS or len(child):
                if not self._has_blocks(child):
                    self.paragraph(child)
                else:
                    if (child.text or "").strip():
                        self.add("para", child.text)
                    self.walk(child)
            elif _text(child):
                self.paragraph(child)
            if box_level:  # text after a box belongs to the section around it again
                self.anchor = anchor_before
                self.blocks.append(Block("end", "", None, level=box_level, anchor=self.anchor))
            if child.tail and child.tail.strip() and el.tag not in ("ul", "ol", "table"):
                self.add("para", child.tail)

    def walk_headings(self, el):
        for h in el.iter():
            if isinstance(h.tag, str) and _HEADING_RE.match(h.tag) and int(h.tag[1]) > 1:
                self.add("heading", _text(h), level=int(h.tag[1]) - 1)

    @staticmethod
    def _box_level(el) -> int:
        """The level of a report box's own heading (0 when it is not a box with one)."""
        if not (isinstance(el.tag, str) and el.tag in ("div", "aside", "section") and _is_report_box(el)):
            return 0
        for h in el.iter():
            if isinstance(h.tag, str) and _HEADING_RE.match(h.tag):
                return int(h.tag[1]) - 1
        return HEADLESS_BOX  # a box labelled in bold ("Recommendation 2"): its end closes no section

    def judgments_grid(self, table):
        """The "Our judgments" grid: grade words head the columns, areas sit in
        the column of their grade. Kept as a table passage, one row per area."""
        headers = [_text(th) for th in table.xpath(".//thead//th") or table.xpath(".//tr[1]/th")]
        rows = ["Area" + _CELL_GAP + "Grade"]
        for tr in table.xpath(".//tbody/tr") or table.xpath(".//tr[position() > 1]"):
            for grade, cell in zip(headers, tr.xpath("./td|./th")):
                items = [_text(li) for li in cell.xpath(".//li")] or ([_text(cell)] if _text(cell) else [])
                rows += [item + _CELL_GAP + grade for item in items]
        caption = table.xpath("./caption")
        self.add("table", "\n".join(([_text(caption[0])] if caption else []) + rows))

    def image(self, img):
        alt = (img.get("alt") or "").strip()
        if len(alt.split()) >= 4:  # "Logo", "" and "chart" say nothing worth quoting
            self.add("para", alt)

    def _level(self) -> int:
        return next((b.level for b in reversed(self.blocks) if b.kind == "heading"), 0)

    @staticmethod
    def _has_blocks(el) -> bool:
        return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el.iter() if c is not el)


def parse_html(data: bytes | str) -> ParsedHtml:
    try:
        root = lxml.html.fromstring(data)
    except (etree.ParserError, ValueError) as e:
        raise HtmlError(f"not a readable web page ({e})") from None
    for br in root.iter("br"):  # a line break parts words: "Rowan Fairlie<br>His Majesty's Inspector …"
        br.tail = "\n" + (br.tail or "")
    meta = _meta(root)
    page_title = _text(root.xpath("//title")[0]) if root.xpath("//title") else ""
    article = _article(root)
    h1 = article.xpath(".//h1")
    title = _text(h1[0]) if h1 else re.split(r"\s+[|–-]\s+", page_title)[0]
    notes = _footnotes(article)
    walker = _Walker(notes)
    walker.walk(article)
    blocks = [b for b in walker.blocks if not (b.kind == "para" and b.text == title)]
    if not any(b.kind in ("para", "bullet", "table") for b in blocks):
        raise HtmlError("no report text found in the page")
    return ParsedHtml(blocks=blocks, title=title, text="\n\n".join([title] + [b.text for b in blocks]), meta=meta)
