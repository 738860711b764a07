"""The document tree: the plan, its parts, chapters, sections, boxes, paragraphs and tables as units
with their exact line spans in the input, the unit a layout reader builds and interpreters read."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from kg.loaders.document.model import Table
from kg.loaders.document.text import MappedText

LEVEL = {"Plan": 0, "Part": 1, "Appendix": 1, "Chapter": 2, "Section": 3, "Box": 4}


@dataclass
class Unit:
    """A structural unit: the plan, a heading's scope, a box, a paragraph, a box item or a table."""

    kind: str  # Plan, Part, Chapter, Section, Box, Paragraph, Table
    line_start: int  # 1-based, inclusive
    line_end: int
    label: str = ""  # 第一篇, 专栏7, item number
    number: int | None = None
    title: str = ""  # clean heading title (no label) or clean paragraph text
    text: MappedText | None = None  # clean text of a paragraph/item/heading, mapped to the input
    parent: Unit | None = None
    children: list[Unit] = field(default_factory=list)
    box_kind: str | None = None
    item: str | None = None  # box item number ("1", "一")
    table: Table | None = None  # a parsed table (rows and cells with their lines)
    heading_end: int = 0  # last line of a heading or box title (its span covers its content)

    def add(self, child: Unit) -> Unit:
        child.parent = self
        self.children.append(child)
        return child

    @property
    def path(self) -> str:
        parts = []
        unit: Unit | None = self
        while unit is not None and unit.kind != "Plan":
            if unit.kind in LEVEL:
                parts.append(unit.label)
            elif unit.item:
                parts.append(unit.item)
            unit = unit.parent
        return "/".join(reversed(parts))

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ParsedPlan:
    plan_id: str
    title: str
    raw: str
    lines: list[str]
    root: Unit
    line_offsets: list[int]
    toc: tuple[int, int] | None  # 1-based inclusive line span
    box_kinds: dict[int, str]
    artefacts: list[int] = field(default_factory=list)  # 1-based lines of the page, not the plan
    problems: list[dict] = field(default_factory=list)  # data problems the layout found (Problem dicts)

    def offset(self, line: int) -> int:
        return self.line_offsets[line - 1]

    def release(self) -> None:
        """Break the parent/child cycles of the unit tree, so that reference counting frees it at
        once even while the cyclic garbage collector is paused (a corpus build does that)."""
        for unit in list(self.root.walk()):
            unit.parent = None
            unit.children = []

    def line_of(self, offset: int) -> int:
        """1-based line number of an input offset."""
        return bisect_right(self.line_offsets, offset)

    def lines_text(self, start: int, end: int) -> str:
        """The exact input from the start of line ``start`` to the end of line ``end``."""
        return "\n".join(self.lines[start - 1 : end])


class NotAPlanError(ValueError):
    pass
