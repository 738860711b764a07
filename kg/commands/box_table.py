"""A boxed text table whose every line has the same display width, wide (Chinese) characters counted
as two cells.

It lays a table out as ``rich.table.Table(box=SQUARE)`` with folding columns does (the same widths,
line breaks and padding, checked against rich by a property test), but imports only ``rich.cells``,
the width data: ``rich.console`` and ``rich.table`` cost about 37 ms at every ``kg query``, more
than the query itself.

>>> print(render_box_table(["区", "平台"], [["萧山区", "杭州临空经济示范区"]], width=40), end="")
┌────────┬────────────────────┐
│ 区     │ 平台               │
├────────┼────────────────────┤
│ 萧山区 │ 杭州临空经济示范区 │
└────────┴────────────────────┘
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len, chop_cells, set_cell_size

PADDING = 1  # one space left and right of every cell
_WORD = re.compile(r"\s*\S+\s*")  # a word and the whitespace around it, as lines are broken
_TRAILING_SPACE = re.compile(r"\s+$")


def _widest(text: str, width: int) -> int:
    """The width of a padded cell at most ``width`` cells wide: its longest line, padding included."""
    if width - 2 * PADDING < 1:
        return width
    lines = text.splitlines()
    widest = min(max(map(cell_len, lines)) if lines else 0, width)
    return min(widest + 2 * PADDING, width) if widest >= 1 else min(2 * PADDING, width)


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take ``total`` from ``values`` in proportion to ``ratios``, at most ``maximums`` from each."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining, result = total, []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _collapse(widths: list[int], limit: int) -> list[int]:
    """Narrow the widest columns to the next widest, step by step, until the sum fits ``limit``."""
    excess = sum(widths) - limit
    while sum(widths) and excess > 0:
        widest = max(widths)
        second = max((w for w in widths if w != widest), default=0)
        if not widest - second:
            break
        ratios = [1 if w == widest else 0 for w in widths]
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - limit
    return widths


def column_widths(columns: Sequence[Sequence[str]], limit: int) -> list[int]:
    """Widths (padding included) of columns, each a list of its cells' texts, within ``limit`` cells."""
    if limit < 1:
        return [0] * len(columns)
    widths = [max(_widest(text, limit) for text in column) or 1 for column in columns]
    if sum(widths) > limit:
        widths = _collapse(widths, limit)
        if sum(widths) > limit:  # the last resort: every column loses the same share
            widths = _reduce(sum(widths) - limit, [1] * len(widths), widths, widths)
        widths = [
            max(_widest(text, width) for text in column) if width >= 1 else 0
            for width, column in zip(widths, columns, strict=True)
        ]
    return widths


def _break(line: str, width: int) -> list[str]:
    """One line of text broken into pieces of at most ``width`` cells: between words where it can,
    inside a word (folded) that is wider than a line."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            folded = chop_cells(word, width)
            for index, piece in enumerate(folded):
                if start:
                    breaks.append(start)
                if index == len(folded) - 1:
                    offset = cell_len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    bounds = [0, *breaks, len(line)]
    return [line[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _fit(piece: str, width: int) -> str:
    """A piece with the spaces beyond ``width`` characters dropped, then cropped or padded to ``width``."""
    if len(piece) > width and (space := _TRAILING_SPACE.search(piece)):
        piece = piece[: len(piece) - min(len(space.group()), len(piece) - width)]
    length = cell_len(piece)
    if length > width:
        return set_cell_size(piece, width)
    return piece + " " * (width - length)


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of exactly ``width`` cells (its own line breaks kept)."""
    if width < 1:
        return [""]
    return [_fit(piece, width) for line in text.split("\n") for piece in _break(line, width)]


def _cell_lines(text: str, width: int) -> list[str]:
    pad = " " * PADDING
    return [f"{pad}{line}{pad}" for line in wrap(text, width - 2 * PADDING)]


def _row_lines(cells: Sequence[str], widths: list[int], *, bottom: bool) -> list[str]:
    rendered = [_cell_lines(text, width) for text, width in zip(cells, widths, strict=True)]
    height = max(map(len, rendered))
    lines = []
    for cell, width in zip(rendered, widths, strict=True):
        blank = [" " * width] * (height - len(cell))
        lines.append(blank + cell if bottom else cell + blank)
    return ["│" + "│".join(parts) + "│" for parts in zip(*lines, strict=True)]


def render_box_table(
    columns: Sequence[str], rows: Sequence[Sequence[str]], *, title: str | None = None, width: int
) -> str:
    """Header, rows and an optional title (left, above) in a square box no wider than ``width``.

    Cells are text as shown (the caller escapes what a terminal must not receive); a cell wider than
    its column is folded, never cut short. Header cells sit at the bottom of their row, others at the top.
    """
    limit = width - (len(columns) + 1)  # the vertical rules
    widths = column_widths([[header, *(row[i] for row in rows)] for i, header in enumerate(columns)], limit)
    rules = ["─" * w for w in widths]
    lines = [f"┌{'┬'.join(rules)}┐"]
    lines += _row_lines(columns, widths, bottom=True)
    lines.append(f"├{'┼'.join(rules)}┤")
    for row in rows:
        lines += _row_lines(row, widths, bottom=False)
    lines.append(f"└{'┴'.join(rules)}┘")
    table_width = sum(widths) + len(columns) + 1
    if title:  # an empty title is none
        lines[:0] = wrap(title, table_width)
    return "".join((set_cell_size(line, width) if cell_len(line) > width else line) + "\n" for line in lines)
