"""Find tables written as a stream of cells in the line stream, and cut them into cells.

Two layouts, one reconstruction (``cell_stream``):

- ``cells``: one cell per line, blank or white-space-only lines between cells or not;
- ``words``: a row per line with cells separated by single spaces (PDF text), rows wrapping onto
  the next line, page footers (``— 13 —``) and the repeated header inside.

A table opens with a run of the genre's header words and ends at the first line that cannot be a
cell: a heading, a box title, a note (``注：``, but not ``注册护士数``), or running text.
"""

from __future__ import annotations

import re

from kg.loaders.document.model import Cell
from kg.loaders.layouts.cell_stream import _row_number, header_end, is_category, is_header_cell
from kg.loaders.layouts.cells import clean_cell
from kg.loaders.lexicon.patterns import PAGE_FOOTER

MAX_CELL = 40  # a longer line is running text, not a cell
_STOP = re.compile(
    r"""^\s*(?:
        第\s*[一二三四五六七八九十百零〇两\d]+\s*[篇章节]   # a heading (lexicon.patterns.HEADING)
      | 专栏\s*\d                                   # a box title
      | (?:注|备注|说明)\s*[:：\d]                   # a note (注册… is a cell)
      | [（(][一二三四五六七八九十]+[）)]           # a numbered section heading
    )""",
    re.X,
)
_WORD_SPLIT = re.compile(r"[ \t\u3000]+")


def _is_cell_line(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= MAX_CELL and not _STOP.match(text) and "|" not in text and not text.endswith("。")


def _line_cells(lines: list[str], start: int, end: int) -> list[Cell]:
    return [
        Cell(clean_cell(lines[k].strip()), k + 1, (k + 1,))
        for k in range(start, end)
        if lines[k].strip() and not PAGE_FOOTER.match(lines[k])
    ]


def _words(line: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(line.strip()) if w]


def _word_cells(lines: list[str], start: int, end: int) -> list[Cell]:
    """Cells of single-space rows. A line holding one fragment that opens no row continues the
    longest text cell of the line before (a name the PDF wrapped)."""
    cells: list[Cell] = []
    prev_line: list[int] = []  # indices in ``cells`` of the previous row line's cells
    for k in range(start, end):
        if not lines[k].strip() or PAGE_FOOTER.match(lines[k]):
            continue
        words = [clean_cell(w) for w in _words(lines[k])]
        if len(words) == 1 and prev_line and not _opens_row(words[0]):
            j = _wrapped_cell(cells, prev_line)
            head = cells[j]
            cells[j] = Cell(clean_cell(head.text + words[0]), head.line, (*head.lines, k + 1))
            continue
        prev_line = list(range(len(cells), len(cells) + len(words)))
        cells.extend(Cell(w, k + 1, (k + 1,)) for w in words)
    return cells


def _wrapped_cell(cells: list[Cell], line: list[int]) -> int:
    """The cell a wrapped fragment belongs to: the name after the row's number, else the longest."""
    for a, b in zip(line, line[1:], strict=False):
        if _row_number(cells[a].text) is not None and not cells[b].text[:1].isdigit():
            return b
    return max(line, key=lambda n: len(cells[n].text))


def _opens_row(text: str) -> bool:
    return _row_number(text) is not None or is_category(text) or is_header_cell(text)


def _cells_end(lines: list[str], i: int) -> int | None:
    """End of a one-cell-per-line table whose header starts at line ``i``."""
    header: list[Cell] = []
    k = i
    while k < len(lines) and len(header) < 16:
        if lines[k].strip():
            if not is_header_cell(lines[k].strip()):
                break
            header.append(Cell(clean_cell(lines[k].strip()), k + 1))
        k += 1
    if header_end(header, 0) is None or header_end(header, 0) != len(header):
        return None
    end = k
    while k < len(lines):
        if lines[k].strip():
            if not _is_cell_line(lines[k]) and not PAGE_FOOTER.match(lines[k]):
                break
            end = k + 1
        k += 1
    return end if end - i > 2 * len(header) else None


def _words_end(lines: list[str], i: int) -> int | None:
    """End of a single-space table whose header line is line ``i``."""
    words = _words(lines[i])
    if re.search(r"\S(?:[ \u3000]{2,}|\t)\S", lines[i].strip()):
        return None  # runs of spaces: a spaced table (``tables``), not single-space rows
    if len(words) < 4 or not all(is_header_cell(w) for w in words):
        return None
    cells = [Cell(clean_cell(w), i + 1) for w in words]
    if header_end(cells, 0) != len(cells):
        return None
    end, k = i + 1, i + 1
    while k < len(lines):
        line = lines[k]
        if line.strip():
            text = line.strip()
            if _STOP.match(text) or (len(_words(line)) == 1 and len(text) > MAX_CELL) or "|" in text:
                break
            end = k + 1
        k += 1
    return end if end - i > 2 else None


def stream_block(lines: list[str], i: int) -> tuple[int, str] | None:
    """(end, layout) of a cell-stream table whose header starts at line ``i``, else None."""
    head = lines[i].strip()
    if not head or not is_header_cell(head.split()[0]):
        return None
    end = _cells_end(lines, i)
    if end is not None:
        return end, "cells"
    end = _words_end(lines, i)
    return (end, "words") if end is not None else None


def stream_cells(lines: list[str], start: int, end: int, layout: str) -> list[Cell]:
    return (_line_cells if layout == "cells" else _word_cells)(lines, start, end)


# -- tables of any other header, one cell per line ---------------------------------------------

COLUMN_WORD = re.compile(
    r"区|县|市|平台|项目|名称|内容|领域|方向|导向|任务|产业|单位|主体|类别|序号|地区|板块"
)
MAX_COLUMN = 8  # a header cell is a few words
MAX_KEY = 12  # the first cell of a row names its subject (a district, a project)


def grid_block(lines: list[str], i: int) -> tuple[int, int] | None:
    """(end, width) of a one-cell-per-line table with a header of 2–6 short column words (区、县（市）
    / 发展导向 / 特色平台), each row as many lines as the header, its first cell short, at least
    one other cell of each row longer than a header word; the width that reads most rows wins."""
    if not _grid_header_cell(lines[i]):
        return None
    k = [n for n in range(i, min(len(lines), i + 400)) if lines[n].strip()]
    best: tuple[int, int, int] | None = None  # rows, end, width
    for width in range(2, 7):
        if width > len(k) or not all(_grid_header_cell(lines[n]) for n in k[:width]):
            break
        rows, end = _grid_rows(lines, k, width)
        if rows >= 2 and (best is None or rows > best[0]):
            best = (rows, end, width)
    return (best[1], best[2]) if best else None


def _grid_rows(lines: list[str], k: list[int], width: int) -> tuple[int, int]:
    rows, pos, end = 0, width, 0
    while pos + width <= len(k):
        group = [lines[n].strip() for n in k[pos : pos + width]]
        if any(_STOP.match(g) or "|" in g for g in group):
            break
        if len(group[0]) > MAX_KEY or not any(len(g) > MAX_COLUMN for g in group[1:]):
            break
        rows += 1
        end = k[pos + width - 1] + 1
        pos += width
    return rows, end


def _grid_header_cell(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= MAX_COLUMN and bool(COLUMN_WORD.search(text)) and not re.search(r"[，。；：]", text)
    )


def grid_rows(lines: list[str], start: int, end: int, width: int) -> tuple[list[str], list[list[Cell]]]:
    cells = [
        Cell(clean_cell(lines[n].strip()), n + 1, (n + 1,)) for n in range(start, end) if lines[n].strip()
    ]
    header = [c.text for c in cells[:width]]
    body = cells[width:]
    return header, [body[j : j + width] for j in range(0, len(body) - width + 1, width)]
