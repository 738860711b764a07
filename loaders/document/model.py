"""The document model's tables: a table is a header and rows of cells, each cell with the lines its
text came from. Every layout reader (pipe rows, runs of spaces, one cell per line, single-space PDF
rows, label/value lines) produces this model; interpreters read only it.

Line numbers in ``Cell``/``Row`` are 1-based (as in ``Source``); ``TableBlock`` spans are 0-based,
end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TableBlock:
    start: int  # 0-based, inclusive
    end: int  # 0-based, exclusive
    kind: str  # "pipe" or "spaced"


@dataclass(frozen=True)
class Cell:
    text: str
    line: int  # 1-based line of the cell's first fragment
    lines: tuple[int, ...] = ()  # every line the cell's text came from
    filled: bool = False  # copied down from the group row above (``line`` points there)


@dataclass(frozen=True)
class Row:
    cells: list[Cell]
    line_start: int
    line_end: int

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[Row]
    kind: str = "pipe"
    start: int = 0  # the block's 0-based span
    end: int = 0
    caption: str = ""  # 专栏 title: a one-cell pipe header or the line just above a spaced table
    header_lines: tuple[int, ...] = field(default=())
