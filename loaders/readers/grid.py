"""Tables of cells from a PDF or a Word file -> the lines a text version has (the rules of the web-page
reader, ``html.table_rows`` / ``html.frame_rows``, for grids that are not HTML elements).

A grid is a list of rows of ``Slot``: the paragraphs of the cell that starts there, or ``None`` where a
cell spans over from the left or from above (rowspan/colspan already expanded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.loaders.lexicon.patterns import BOX_START
from kg.loaders.readers.lines import cell_line, pipe_lines

ORDINAL = re.compile(r"^\s*[(（]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）.．、]?\s*$")


@dataclass(frozen=True)
class Slot:
    """A cell where it starts: its paragraphs and whether it spans the whole row."""

    paragraphs: tuple[str, ...]
    whole_row: bool = False

    @property
    def text(self) -> str:
        return cell_line(" ".join(self.paragraphs))


Grid = list[list["Slot | None"]]


def _drop_empty(grid: Grid) -> Grid:
    return [row for row in grid if any(s is not None and s.text for s in row)]


def _titles(grid: Grid) -> list[str]:
    """Rows of one cell across the whole table at its top (``专栏1 ……``): its title, taken off."""
    titles = []
    while len(grid) > 1 and len(grid[0]) > 1 and grid[0][0] is not None and grid[0][0].whole_row:
        titles.append(grid.pop(0)[0].text)
    return titles


def grid_lines(grid: Grid) -> list[str]:
    """The lines of a table: its title lines, then either the lines of a 专栏 box drawn as a table
    (title, then rows of an ordinal ``01`` and a cell of text: each paragraph a line), or a markdown
    pipe table between empty lines (an empty string marks a block break).

    >>> grid_lines([[Slot(("专栏1 重点工程",), True), None],
    ...             [Slot(("01",)), Slot(("建设一号工程。", "建设二号工程。"))]])
    ['专栏1 重点工程', '01', '建设一号工程。', '建设二号工程。']
    >>> grid_lines([[Slot(("指标",)), Slot(("2025年", "完成值"))], [Slot(("GDP",)), None]])
    ['', '| 指标 | 2025年 完成值 |', '|---|---|', '| GDP | |', '']
    """
    grid = _drop_empty([list(row) for row in grid])
    titles = _titles(grid)
    frame = _frame(titles, grid)
    if frame is not None:
        return titles + frame
    if all(len([s for s in row if s is not None]) <= 1 for row in grid):  # a frame around text
        return titles + [p for row in grid for s in row if s is not None for p in s.paragraphs if p.strip()]
    rows = [[s.text if s is not None else "" for s in row] for row in grid]
    return [*titles, "", *pipe_lines(rows), ""] if rows else titles


def _frame(titles: list[str], grid: Grid) -> list[str] | None:
    if not titles or not BOX_START.match(titles[0]) or not grid or len(grid[0]) > 2:
        return None
    lines = []
    for row in grid:
        cells = [s for s in row if s is not None]
        if len(cells) == 2 and cells[0].text and not ORDINAL.match(cells[0].text):
            return None
        lines.extend(p for cell in cells for p in cell.paragraphs if p.strip())
    return lines
