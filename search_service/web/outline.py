"""Turn passages in reading order into a nested table of contents.

Passages only carry their heading path, so section headings are emitted when
the path changes; each heading gets an anchor the outline can link to.
Footnotes stay where they are in reading order but open no sections: a
"Footnote 3" entry in the contents would only be noise.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from search_service.model import Passage


@dataclass
class Section:
    title: str
    anchor: str
    level: int  # 0 = outermost
    children: list["Section"] = field(default_factory=list)


@dataclass
class Item:
    """A passage plus the section headings that open just before it."""
    passage: Passage
    opens: list[Section]


def full_path(p: Passage) -> list[str]:
    path = [h for h in p.heading_path if h]
    if p.heading and (not path or path[-1] != p.heading):
        path.append(p.heading)
    return path


def outline(passages: list[Passage]) -> tuple[list[Section], list[Item]]:
    toc: list[Section] = []
    stack: list[Section] = []  # open sections, outermost first
    prev: list[str] = []
    items = []
    for p in passages:
        if p.kind == "footnote":
            items.append(Item(p, []))
            continue
        path = full_path(p)
        common = 0
        while common < min(len(prev), len(path)) and prev[common] == path[common]:
            common += 1
        del stack[common:]
        opens = []
        for level in range(common, len(path)):
            section = Section(path[level], f"{p.id}-h{level}", level)
            (stack[-1].children if stack else toc).append(section)
            stack.append(section)
            opens.append(section)
        items.append(Item(p, opens))
        prev = path
    return toc, items
