"""Row repairs that need the whole table: column shifts after a page break, merged group cells.

Both rules read column profiles (how often a column is filled), never cell wording, so they hold for
any table of this genre.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.loaders.document.model import Cell, Row

DENSE = 0.9  # a column filled in at least this share of full rows is expected in every row
SPARSE = 0.6  # a leading column filled in less than this share holds merged group cells
MAX_GROUP_TEXT = 30  # longer first cells are notes spanning the row, not group labels


def _content_rows(rows: list[Row]) -> list[Row]:
    return [r for r in rows if sum(1 for c in r.cells if c.text) >= 2]


def fill_ratio(rows: list[Row], width: int) -> list[float]:
    body = _content_rows(rows)
    if not body:
        return [0.0] * width
    return [sum(1 for r in body if j < len(r.cells) and r.cells[j].text) / len(body) for j in range(width)]


def dense_columns(rows: list[Row], width: int, ratio: float = DENSE) -> set[int]:
    return {j for j, share in enumerate(fill_ratio(rows, width)) if share >= ratio}


def shift_right(cells: list[Cell], dense: set[int]) -> list[Cell] | None:
    """Undo a left shift: a dense column ``k`` is empty while its left neighbour is not, and moving
    the cells before ``k`` one column right fills every dense column. None if no such repair."""
    for k in range(1, len(cells)):
        if k in dense and not cells[k].text and cells[k - 1].text:
            blank = replace(cells[k], text="")
            moved = [blank, *cells[:k], *cells[k + 1 :]]
            if all(moved[j].text for j in dense if j < len(moved)):
                return moved
            return None
    return None


def fill_down(rows: list[Row], width: int) -> list[Row]:
    """Fill blank cells of leading sparse columns from the group row above (a merged cell in the PDF).
    Only a full row (all dense columns filled) opens a group; its label is then copied down, marked
    ``filled``. A new group in column ``j`` restarts the groups of the columns right of it."""
    from kg.loaders.document.model import Row

    ratios = fill_ratio(rows, width)
    leading = []
    for j, share in enumerate(ratios):
        if share >= SPARSE or j == width - 1:
            break
        leading.append(j)
    if not leading:
        return rows
    dense = {j for j, share in enumerate(ratios) if share >= SPARSE}
    sources: dict[int, Cell | None] = dict.fromkeys(leading)
    out = []
    for row in rows:
        cells = list(row.cells)
        full = all(j < len(cells) and cells[j].text for j in dense)
        for j in leading:
            if cells[j].text:
                if full and len(cells[j].text) <= MAX_GROUP_TEXT:
                    sources[j] = cells[j]
                    for later in leading:
                        if later > j:
                            sources[later] = None
            elif sources[j] is not None and any(c.text for c in cells[j + 1 :]):
                cells[j] = replace(sources[j], filled=True)
        out.append(Row(cells, row.line_start, row.line_end))
    return out
