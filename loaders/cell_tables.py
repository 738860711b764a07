"""Tables that a PDF converter wrote one cell per line, as some plans' indicator tables come out:

    类别
    序号
    指标
    2025年
    2030年
    属性
    经济发展
    1
    地区生产总值增长（%）
    …
    预期性

The header runs from a header word (类别, 序号, 指标 …) to ``属性``; each row then ends with its
attribute cell (预期性 / 约束性), the one column every plan's indicator table has last. A row one cell
short left its category to the row above (a merged cell); ``fill_down`` repeats it.
"""

from __future__ import annotations

import re

from kg.loaders.cells import clean_cell

HEADER_START = frozenset({"类别", "分类", "序号", "指标", "指标名称"})
HEADER_END = "属性"
_HEADER_FIRST_CHARS = frozenset(w[0] for w in HEADER_START)
ROW_END = frozenset({"预期性", "约束性"})
MAX_HEADER = 10  # header cells before 属性
MAX_CELL = 40  # a longer line is running text, not a cell
_STOP = re.compile(r"^\s*(第[一二三四五六七八九十百零〇0-9]+[篇章节]|专栏\s*\d|注|备注)")


def _cell(line: str) -> str:
    return clean_cell(line.strip())


def _is_cell(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= MAX_CELL and not _STOP.match(text) and "|" not in text and not text.endswith("。")


def _header_end(lines: list[str], i: int) -> int | None:
    """Index of the 属性 line closing a header that starts at ``i``, else None."""
    seen = 0
    for k in range(i, min(len(lines), i + 3 * MAX_HEADER)):
        if not lines[k].strip():
            continue
        if not _is_cell(lines[k]) or seen > MAX_HEADER:
            return None
        if _cell(lines[k]) == HEADER_END:
            return k
        seen += 1
    return None


def cell_table_end(lines: list[str], i: int) -> int | None:
    """End (exclusive) of a one-cell-per-line table whose header starts at line ``i``, else None."""
    head = lines[i].strip()
    if not head or head[0] not in _HEADER_FIRST_CHARS or _cell(head) not in HEADER_START:
        return None
    k = _header_end(lines, i)
    if k is None:
        return None
    end, rows, j = k + 1, 0, k + 1
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        if not _is_cell(lines[j]):
            break
        if _cell(lines[j]) in ROW_END:
            rows += 1
            end = j + 1
        j += 1
    return end if rows >= 2 else None


def parse_cell_rows(
    lines: list[str], start: int, end: int
) -> tuple[list[tuple[str, int]], list[list[tuple[str, int]]]]:
    """(header cells, rows of cells) with their 1-based line numbers."""
    cells = [(_cell(lines[k]), k + 1) for k in range(start, end) if lines[k].strip()]
    split = next(n for n, (text, _) in enumerate(cells) if text == HEADER_END) + 1
    header, rows, row = cells[:split], [], []
    for cell in cells[split:]:
        row.append(cell)
        if cell[0] in ROW_END:
            rows.append(row)
            row = []
    width = len(header)
    fitted = []
    for r in rows:
        if len(r) == width - 1:
            r = [("", r[0][1]), *r]  # the category was merged with the row above
        fitted.append(r)
    return header, fitted
