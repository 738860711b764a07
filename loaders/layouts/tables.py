"""Tables in the line stream of a plan: find them, parse them into rows of cells, repair PDF damage.

Two layouts occur: markdown pipe tables (``| a | b |`` with ``|---|`` separator rows) and tables laid
out with runs of spaces or tabs. Line numbers in ``Cell``/``Row`` are 1-based (as in ``Source``);
``TableBlock`` spans are 0-based, end exclusive. Repairs (all general rules, see ``parse_table``):
page-break blocks merged into one table, rows re-aligned to the header's column count, cells cut
across lines joined, blank group cells filled downward from the row that opened the group.
"""

from __future__ import annotations

import re

from kg.loaders.document.model import Cell, Row, Table, TableBlock
from kg.loaders.layouts.cell_stream import stream_table
from kg.loaders.layouts.cells import (
    clean_cell,
    is_separator_row,
    join_cut,
    separator_unit,
    split_pipe,
    split_spaced,
)
from kg.loaders.layouts.fields import HEADER as FIELD_HEADER
from kg.loaders.layouts.fields import field_block_end, field_rows
from kg.loaders.layouts.repairs import dense_columns, fill_down, shift_right
from kg.loaders.layouts.streams import grid_block, grid_rows, stream_block, stream_cells
from kg.loaders.lexicon.patterns import BOX_START as BOX_TITLE
from kg.loaders.lexicon.patterns import HEADING_START as HEADING

_PAGE_NUMBER = re.compile(r"^\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*$")
_OPENING = tuple("（(〔[【")


# ---------------------------------------------------------------- finding blocks


def _is_text_line(line: str) -> bool:
    return bool(line.strip()) and not HEADING.match(line) and not BOX_TITLE.match(line)


def _is_pipe(line: str) -> bool:
    return line.lstrip().startswith("|")


def _is_spaced_row(line: str) -> bool:
    """A line with at least two non-empty cells separated by 2+ spaces or a tab."""
    if not _is_text_line(line) or _is_pipe(line):
        return False
    return sum(1 for c in split_spaced(line) if c.strip()) >= 2


def _is_aligned_cell(line: str) -> bool:
    """A short one-cell line indented to a column (not an indented paragraph)."""
    text = line.strip()
    indented = line[:1] == "\t" or line[:2] == "  "
    return indented and _is_text_line(line) and len(text) <= 30 and not text.endswith("。")


def _pipe_header(lines: list[str], start: int) -> list[str]:
    return [clean_cell(c) for c in split_pipe(lines[start])]


def _continues_pipe(lines: list[str], start: int, first: int, nxt: int) -> bool:
    """A pipe run after a gap continues the table unless it opens with its own, different header."""
    gap = lines[first:nxt]
    if any(line.strip() and not _PAGE_NUMBER.match(line) for line in gap):
        return False
    has_sep = nxt + 1 < len(lines) and is_separator_row(split_pipe(lines[nxt + 1]))
    head = [c for c in (clean_cell(c) for c in split_pipe(lines[nxt])) if c]
    return not has_sep or not head or head == [c for c in _pipe_header(lines, start) if c]


def _pipe_block_end(lines: list[str], i: int) -> int:
    j = i
    while True:
        while j < len(lines) and _is_pipe(lines[j]):
            j += 1
        k = j
        while k < len(lines) and (not lines[k].strip() or _PAGE_NUMBER.match(lines[k])) and k - j < 4:
            k += 1
        if k < len(lines) and _is_pipe(lines[k]) and _continues_pipe(lines, i, j, k):
            j = k
            continue
        return j


def _spaced_block_end(lines: list[str], i: int) -> int:
    """End of a spaced table opened by row line ``i``: rows plus one-cell continuation lines."""
    end, j = i + 1, i + 1
    while j < len(lines):
        if _is_spaced_row(lines[j]):
            end = j = j + 1
        elif _is_aligned_cell(lines[j]):
            end = j = j + 1  # one cell indented to its column
        elif _is_text_line(lines[j]) and not _is_pipe(lines[j]):
            j += 1  # a wrapped cell; kept only if another row follows
        else:
            break
    short_tail = end < len(lines) and _is_text_line(lines[end]) and len(lines[end].strip()) <= 16
    if short_tail and (end + 1 >= len(lines) or not lines[end + 1].strip()):
        end += 1  # the last row's cut cell
    return end


def find_table_blocks(lines: list[str]) -> list[TableBlock]:
    """Pipe and spaced tables in ``lines``; headings, box titles and paragraphs never are tables."""
    blocks, i = [], 0
    while i < len(lines):
        fields_end = field_block_end(lines, i) if not _is_pipe(lines[i]) else None
        stream = stream_block(lines, i) if fields_end is None else None
        grid = (
            grid_block(lines, i) if fields_end is None and stream is None and not _is_pipe(lines[i]) else None
        )
        if fields_end is not None:
            blocks.append(TableBlock(i, fields_end, "fields"))
            i = fields_end
        elif grid is not None:
            blocks.append(TableBlock(i, grid[0], f"grid{grid[1]}"))
            i = grid[0]
        elif stream is not None:
            blocks.append(TableBlock(i, stream[0], stream[1]))
            i = stream[0]
        elif _is_pipe(lines[i]):
            end = _pipe_block_end(lines, i)
            blocks.append(TableBlock(i, end, "pipe"))
            i = end
        elif _is_spaced_row(lines[i]):
            end = _spaced_block_end(lines, i)
            rows = sum(1 for line in lines[i:end] if _is_spaced_row(line))
            if rows >= 2:
                blocks.append(TableBlock(i, end, "spaced"))
            i = max(end, i + 1)
        else:
            i += 1
    return blocks


# ---------------------------------------------------------------- parsing


def _cells(texts: list[str], line: int) -> list[Cell]:
    return [Cell(clean_cell(t), line, (line,)) for t in texts]


def _join(head: Cell, tail: Cell) -> Cell:
    if not tail.text:
        return head
    if not head.text:
        return tail
    return Cell(join_cut(head.text, tail.text), head.line, tuple(dict.fromkeys(head.lines + tail.lines)))


def _looks_cut(text: str) -> bool:
    return len(text) >= 12 and not text.endswith(("。", "！", "？", "；", ".", ")", "）"))


def _merge_page_break_row(prev: Row, row: Row) -> Row | None:
    """The first row after a page break continues the previous row when its key cell is empty and
    each non-empty cell extends a cell that was visibly cut (long, without closing punctuation)."""
    if row.cells[0].text or len(row.cells) != len(prev.cells):
        return None
    pairs = list(zip(prev.cells, row.cells, strict=True))
    if not any(b.text for _, b in pairs) or any(b.text and not _looks_cut(a.text) for a, b in pairs):
        return None
    return Row([_join(a, b) for a, b in pairs], prev.line_start, row.line_end)


def _fit(cells: list[Cell], width: int, block_wider: bool, line: int) -> list[Cell]:
    """Re-align a row to ``width``: drop empty edge cells of a wider page-break block, pad short rows."""
    while len(cells) > width and not cells[-1].text:
        cells = cells[:-1]
    while block_wider and len(cells) > width and not cells[0].text:
        cells = cells[1:]
    return cells + [Cell("", line, (line,)) for _ in range(width - len(cells))]


def _parse_pipe(lines: list[str], block: TableBlock) -> tuple[list[str], list[Row], tuple[int, ...]]:
    header: list[str] | None = None
    header_lines: tuple[int, ...] = ()
    rows: list[Row] = []
    i = block.start
    while i < block.end:
        if not _is_pipe(lines[i]):
            i += 1
            continue
        j = i
        while j < block.end and _is_pipe(lines[j]):
            j += 1
        run = [(k, split_pipe(lines[k])) for k in range(i, j)]
        has_header = len(run) > 1 and is_separator_row(run[1][1])
        body = [(k, c) for k, c in run[2:] if not is_separator_row(c)] if has_header else run
        if header is None:  # the first line is the header, with or without a |---| line under it
            header = [clean_cell(c) for c in run[0][1]]
            header_lines = (run[0][0] + 1,)
            body = body[1:] if not has_header else body
        elif has_header:
            head = [clean_cell(c) for c in run[0][1]]
            if any(head) and head != header:
                body = [run[0], *body]
        width = len(header)
        block_wider = bool(body) and max(len(c) for _, c in body) > width
        dense = dense_columns(rows, width) if rows else set()
        first = True
        for k, texts in body:
            cells = _fit(_cells(texts, k + 1), width, block_wider, k + 1)
            cells = shift_right(cells, dense) or cells if len(cells) == width else cells
            row = Row(cells, k + 1, k + 1)
            merged = _merge_page_break_row(rows[-1], row) if first and rows and i > block.start else None
            if merged:
                rows[-1] = merged
            else:
                rows.append(row)
            first = False
        i = j
    return header or [], rows, header_lines


def _spaced_rows(lines: list[str], block: TableBlock, width: int, unit: int) -> list[Row]:
    rows: list[Row] = []
    pending: list[Cell] = []  # a one-cell line that belongs to the next row's first cell
    for k in range(block.start, block.end):
        texts = split_spaced(lines[k], unit)
        if not any(t.strip() for t in texts):
            continue
        cells = _cells(texts, k + 1)
        if pending:
            cells = [_join(pending[0], cells[0]), *cells[1:]]
            pending = []
        indented = not cells[0].text
        if rows and not indented and len(cells) == 1:
            nxt = lines[k + 1].strip() if k + 1 < block.end else ""
            if nxt.startswith(_OPENING) and len(split_spaced(lines[k + 1], unit)) >= width:
                pending = cells
                continue
        prev = rows[-1] if rows else None
        open_row = prev is not None and len(prev.cells) < width
        if (
            prev
            and not indented
            and (len(cells) == 1 or (open_row and len(prev.cells) + len(cells) - 1 <= width + 1))
        ):
            joined = [*prev.cells[:-1], _join(prev.cells[-1], cells[0]), *cells[1:]]
            rows[-1] = Row(joined, prev.line_start, k + 1)
        else:
            rows.append(Row(cells, k + 1, k + 1))
    return rows


def _merge_header(first: list[str], sub: list[str], width: int) -> list[str]:
    """A two-level header: ``sub`` names the columns under one cell of ``first``."""
    spots = [i for i, t in enumerate(sub) if t]
    if not spots or len(first) + len(spots) - 1 != width:
        return first + [""] * (width - len(first))
    out: list[str] = []
    for j, top in enumerate(first):
        if j == spots[0]:
            complete = any(top in sub[p] for p in spots)  # sub-headers already name the columns
            out.extend(sub[p] if complete else top + sub[p] for p in spots)
        else:
            out.append(top)
    return out


def _parse_spaced(lines: list[str], block: TableBlock) -> tuple[list[str], list[Row], tuple[int, ...]]:
    body = lines[block.start : block.end]
    unit = separator_unit(body)
    counts = [len(split_spaced(line, unit)) for line in body if _is_spaced_row(line)]
    width = max(set(counts), key=lambda n: (counts.count(n), n)) if counts else 1
    rows = _spaced_rows(lines, block, width, unit)
    if not rows:
        return [], [], ()
    header = rows[0].texts
    header_lines = tuple(range(rows[0].line_start, rows[0].line_end + 1))
    rows = rows[1:]
    while rows and not rows[0].cells[0].text and len(rows[0].cells) <= width and len(rows) > 1:
        if not rows[1].cells[0].text:
            break  # indented data rows: the table has no sub-header
        header = _merge_header(header, rows[0].texts, width)
        header_lines += tuple(range(rows[0].line_start, rows[0].line_end + 1))
        rows = rows[1:]
    header = header + [""] * (width - len(header))
    rows = [Row(_fit(r.cells, width, False, r.line_end), r.line_start, r.line_end) for r in rows]
    return header, rows, header_lines


def _parse_stream(lines: list[str], block: TableBlock) -> tuple[list[str], list[Row], tuple[int, ...]]:
    header, rows = stream_table(stream_cells(lines, block.start, block.end, block.kind))
    return (
        [c.text for c in header],
        rows,
        tuple(dict.fromkeys(n for c in header for n in c.lines or (c.line,))),
    )


def _caption(lines: list[str], block: TableBlock, header: list[str]) -> str:
    if header and header[0] and not any(header[1:]):
        return " ".join(split_pipe(lines[block.start])[0].split())
    k = block.start - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return " ".join(lines[k].split()) if k >= 0 and BOX_TITLE.match(lines[k]) else ""


def parse_table(lines: list[str], block: TableBlock) -> Table:
    """Parse ``block`` into a header and repaired rows. Rows wider than the header (a split indicator
    row with an extra sub-name cell) keep their extra cells; narrower rows are padded."""
    if block.kind == "pipe":
        header, rows, header_lines = _parse_pipe(lines, block)
    elif block.kind.startswith("grid"):
        header, cell_rows = grid_rows(lines, block.start, block.end, int(block.kind[4:]))
        rows = [Row(r, r[0].line, r[-1].line) for r in cell_rows]
        header_lines = ()
    elif block.kind == "fields":
        header, rows, header_lines = list(FIELD_HEADER), field_rows(lines, block.start, block.end), ()
    elif block.kind in ("cells", "words"):
        header, rows, header_lines = _parse_stream(lines, block)
    else:
        header, rows, header_lines = _parse_spaced(lines, block)
    rows = fill_down(rows, len(header))
    caption = _caption(lines, block, header)
    return Table(header, rows, block.kind, block.start, block.end, caption, header_lines)


def parse_tables(lines: list[str]) -> list[Table]:
    return [parse_table(lines, b) for b in find_table_blocks(lines)]
