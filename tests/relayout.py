"""Re-lay a plan's text the way other converters do, without changing what it says.

Metamorphic-test helpers: each function takes a plan text and returns the same plan laid out
differently (tables one cell per line, tables as space-separated words with pdftotext-style wraps and
page footers, a table of contents without page numbers, long part headings broken over two lines).
Building the graph from the original and from the re-laid text must give the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WIDTH = 40

_SEPARATOR = re.compile(r"^\|[\s:|-]*-[\s:|-]*$")
_PART_HEADING = re.compile(r"^(\s*第[一二三四五六七八九十百零〇两\d]+篇)\s*(.+?)\s*$")
_DOT_LEADER = re.compile(r"\s*(?:[.．·•…⋯]\s*){2,}")
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")


def _is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|")


def _is_separator(line: str) -> bool:
    return bool(_SEPARATOR.match(line.strip()))


def _cells(line: str) -> list[str]:
    """The stripped cells of one pipe row, empty ones included.

    >>> _cells("| a | | b c |")
    ['a', '', 'b c']
    """
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in body.split("|")]


def _blocks(text: str) -> Iterator[tuple[bool, list[str]]]:
    """(is_table, lines) runs of the text: consecutive pipe lines form one table block."""
    run: list[str] = []
    in_table = False
    for line in text.split("\n"):
        table = _is_table_line(line)
        if run and table != in_table:
            yield in_table, run
            run = []
        in_table = table
        run.append(line)
    if run:
        yield in_table, run


def _rows(block: list[str]) -> list[list[str]]:
    """The non-empty cells of each row of a table block, separator rows and empty rows dropped."""
    rows = []
    for line in block:
        if _is_separator(line):
            continue
        cells = [cell for cell in _cells(line) if cell]
        if cells:
            rows.append(cells)
    return rows


def _tables(text: str) -> Iterator[tuple[bool, object]]:
    """(False, lines) for text and (True, rows) for each pipe table, as its logical rows: the
    project's own table reader joins the pieces a page break cut and keeps a merged cell (filled
    down) only in the row that opened it, so a re-laid table says what the original says, the way a
    web page or another converter would write the same table."""
    from kg.loaders.layouts.tables import find_table_blocks, parse_table

    lines = text.split("\n")
    pos = 0
    for block in find_table_blocks(lines):
        if block.kind != "pipe":
            continue
        if block.start > pos:
            yield False, lines[pos : block.start]
        table = parse_table(lines, block)
        header = [c for c in table.header if c]
        rows = [header] if header else []
        rows += [[c.text for c in row.cells if c.text and not c.filled] for row in table.rows]
        yield True, ([r for r in rows if r], header)
        pos = block.end
    if pos < len(lines):
        yield False, lines[pos:]


def pipe_tables_to_cells(text: str, blank_lines: bool | str = False) -> str:
    """Every pipe table rewritten one non-empty cell per line; other lines kept as they are.

    ``blank_lines=True`` puts a blank line after each cell, ``blank_lines="row"`` after each row.

    >>> table = "前言\\n| 类别 | 序号 |\\n|--|--|\\n| 经济 | 1 |\\n| | 2 |\\n后记"
    >>> print(pipe_tables_to_cells(table))
    前言
    类别
    序号
    经济
    1
    2
    后记
    >>> pipe_tables_to_cells(table, blank_lines=True).split("\\n")[1:5]
    ['类别', '', '序号', '']
    >>> pipe_tables_to_cells(table, blank_lines="row").split("\\n")[1:8]
    ['类别', '序号', '', '经济', '1', '', '2']
    """
    if blank_lines not in (False, True, "row"):
        raise ValueError(f"blank_lines must be False, True or 'row', not {blank_lines!r}")
    out: list[str] = []
    for is_table, block in _tables(text):
        if not is_table:
            out += block
            continue
        for row in block[0]:
            for cell in row:
                out.append(cell)
                if blank_lines is True:
                    out.append("")
            if blank_lines == "row":
                out.append("")
    return "\n".join(out)


def _wrap(cells: list[str], width: int = WIDTH) -> list[str]:
    """One row as pdftotext lays it: cells joined by one space; while the line is wider than
    ``width``, the longest cell is cut and its tail written alone on the following line(s).

    >>> _wrap(["12", "城镇新增就业人数(万人)", "31.4"])
    ['12 城镇新增就业人数(万人) 31.4']
    >>> _wrap(["8", "研究与试验发展(R&D)经费支出与地区生产总值之比(%)", "4左右", "4.5"], width=30)
    ['8 研究与试验发展(R&D)经费支出与地区生 4左右 4.5', '产总值之比(%)']
    """
    cells = list(cells)
    tails: list[str] = []
    while len(" ".join(cells)) > width:
        longest = max(range(len(cells)), key=lambda i: len(cells[i]))
        keep = max(1, len(cells[longest]) - (len(" ".join(cells)) - width))
        if keep >= len(cells[longest]):
            break
        cells[longest], tail = cells[longest][:keep], cells[longest][keep:]
        tails += [tail[i : i + width] for i in range(0, len(tail), width)]
    return [" ".join(cells), *tails]


def pipe_tables_to_words(text: str, footer_every: int | None = None) -> str:
    """Every pipe table rewritten as pdftotext's raw mode writes it: each row's non-empty cells, their
    own spaces removed, joined by one space; rows longer than 40 characters wrapped (see ``_wrap``).
    With ``footer_every=N`` a page footer ``— n —`` (n = 1, 2, … through the text) and a repeat of
    the table's first row (if it has any text) follow every N rows (not after a table's last row).

    >>> table = "| 年份 | 目标 |\\n|--|--|\\n| 1 | 到 2030 年 |\\n| 2 | 5 |\\n| 3 | 6 |\\n正文"
    >>> print(pipe_tables_to_words(table))
    年份 目标
    1 到2030年
    2 5
    3 6
    正文
    >>> print(pipe_tables_to_words(table, footer_every=2))
    年份 目标
    1 到2030年
    — 1 —
    年份 目标
    2 5
    3 6
    正文
    """
    out: list[str] = []
    page = 0
    for is_table, block in _tables(text):
        if not is_table:
            out += block
            continue
        rows = [[re.sub(r"\s+", "", cell) for cell in row] for row in block[0]]
        # the column header repeats after a page break; a box title written in the header does not
        header = [re.sub(r"\s+", "", cell) for cell in block[1]] if len(block[1]) > 1 else []
        for index, row in enumerate(rows, start=1):
            out += _wrap(row)
            if footer_every and index % footer_every == 0 and index < len(rows):
                page += 1
                out.append(f"— {page} —")
                if header:
                    out += _wrap(header)
    return "\n".join(out)


def _contents_entry(line: str) -> str | None:
    """A contents line without pipes, dot leaders and page number (None for a line with no entry).

    >>> _contents_entry("| 第一章 基本实现社会主义现代化新征程精彩开局..... | 1 |")
    '第一章 基本实现社会主义现代化新征程精彩开局'
    >>> _contents_entry("专栏 25 土地综合整治（多田套合）工程 …… 69")
    '专栏 25 土地综合整治（多田套合）工程'
    >>> _contents_entry("| | |") is None
    True
    """
    if _is_table_line(line):
        cells = [cell for cell in _cells(line) if cell]
        if cells and _PAGE_NUMBER.match(cells[-1]):
            cells.pop()
        entry = " ".join(cells)
    else:
        entry = re.sub(r"\s+\d{1,4}\s*$", "", line.rstrip()) if _DOT_LEADER.search(line) else line
    entry = _DOT_LEADER.sub("", entry).strip()
    return entry or None


def contents_without_page_numbers(text: str) -> str:
    """The table of contents at the start (from the ``目 录`` line up to the first line that is not
    a contents row, a blank line or a ``…目录`` box-directory title) rewritten as plain entry lines,
    without pipes, dot leaders and page numbers. The rest of the text is kept as it is.

    >>> toc = "目 录\\n\\n| | |\\n|--|--|\\n| 第一章 开局..... | 1 |\\n\\n重大工程专栏目录\\n\\n"
    >>> print(contents_without_page_numbers(toc + "| 专栏 4 平台..... | 21 |\\n\\n正文\\n| a | 1 |"))
    目 录
    <BLANKLINE>
    第一章 开局
    <BLANKLINE>
    重大工程专栏目录
    <BLANKLINE>
    专栏 4 平台
    <BLANKLINE>
    正文
    | a | 1 |
    """
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.fullmatch(r"\s*目\s*录\s*", line)), None)
    if start is None:
        return text
    out = lines[: start + 1]
    end = start + 1
    while end < len(lines):
        line = lines[end]
        stripped = line.strip()
        if not stripped or stripped.endswith("目录"):
            out.append(line)
        elif _is_table_line(line):
            if not _is_separator(line) and (entry := _contents_entry(line)):
                out.append(entry)
        elif _DOT_LEADER.search(line) or re.search(r"\s\d{1,4}\s*$", line):
            out.append(_contents_entry(line) or "")
        else:
            break
        end += 1
    return "\n".join(out + lines[end:])


def headings_broken(text: str) -> str:
    """Each ``第X篇 title`` heading whose title is longer than 20 characters broken after the title's
    first full-width comma, as converters break a heading too wide for the page.

    >>> text = "第二篇 坚持“人工智能+”引领，加快建设人工智能创新发展第一城\\n第三篇 短标题，不断"
    >>> print(headings_broken(text))
    第二篇 坚持“人工智能+”引领，
    加快建设人工智能创新发展第一城
    第三篇 短标题，不断
    """
    out: list[str] = []
    for line in text.split("\n"):
        match = _PART_HEADING.match(line)
        if match and len(match.group(2)) > 20 and "，" in match.group(2):
            head, _, rest = line.partition("，")
            if rest.strip():
                out += [head + "，", rest.strip()]
                continue
        out.append(line)
    return "\n".join(out)
