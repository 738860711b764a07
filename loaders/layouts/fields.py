"""Cluster schemes written as label / value lines, as a web page or a converter lays out the
cells of a scheme table one per line:

    2个万亿级产业集群          <- a tier (``N个…``), possibly cut (``9个千亿级特色产业`` / ``集群``)
    人工智能                   <- a cluster: the line before its first field label
    发展目标                   <- a field label of the genre
    到2030年，…超6000亿元。     <- its value
    重点平台
    滨江物联网小镇、…等。

The block becomes a table of rows (tier, cluster, field, value), the shape of the pipe layout's
scheme table, so that one interpreter reads both. The field labels are the genre's (发展目标, 重点平台,
科研支撑, 重点区域 …), never one plan's cluster names.
"""

from __future__ import annotations

import re

from kg.loaders.document.model import Cell, Row
from kg.loaders.layouts.cells import clean_cell
from kg.loaders.lexicon.headers import tier_of
from kg.loaders.lexicon.patterns import BOX_START, HEADING_START, PAGE_FOOTER

FIELD_LABEL = re.compile(
    r"""^(?:
        (?:发展|主要|总体)?目标
      | 重点(?:平台|区域|载体|园区|项目|企业|方向|领域|布局)(?:[（(][^）)]{1,6}[）)])?
      | (?:科研|创新|科技)支撑 | 支撑(?:平台|机构) | 主要载体 | 空间布局 | 产业布局
    )$""",
    re.X,
)
MAX_NAME = 20  # a cluster name is short
MIN_FIELDS = 3
MIN_CLUSTERS = 2
HEADER = ["层级", "产业集群", "领域", "内容"]


def _text(line: str) -> str:
    return clean_cell(line.strip())


def is_label(text: str) -> bool:
    """A field label of the genre's scheme tables.

    >>> [is_label(t) for t in ("发展目标", "重点平台（区域）", "科研支撑", "人工智能")]
    [True, True, True, False]
    """
    return bool(FIELD_LABEL.match(text))


def _is_name(text: str) -> bool:
    return 0 < len(text) <= MAX_NAME and not re.search(r"[。；，：]", text) and not is_label(text)


_SPLIT = re.compile(r"[ \t\u3000]+")
SENTENCE_END = ("。", "；", ";")
MAX_TOKENS = 6000


def _is_stop(line: str) -> bool:
    """A heading, a box title or a pipe row ends a label/value block."""
    return bool(HEADING_START.match(line) or BOX_START.match(line)) or line.lstrip().startswith("|")


def _tokens(lines: list[str], i: int):
    """(line, token) pairs from line ``i`` on: a line's white-space-separated pieces, cleaned; a
    heading or a box title ends the stream."""
    for k in range(i, min(len(lines), i + MAX_TOKENS)):
        if _is_stop(lines[k]):
            return
        if PAGE_FOOTER.match(lines[k]):
            continue  # a page footer inside the block carries no cell
        for piece in _SPLIT.split(lines[k].strip()):
            if piece:
                yield k + 1, clean_cell(piece)


def _scan(lines: list[str], i: int) -> tuple[list[Row], int, int, int]:
    """Rows of a label/value block opening at line ``i``, its end (exclusive, 0-based) and its
    counts of fields and clusters."""
    toks = []
    for tok in _tokens(lines, i):
        toks.append(tok)
        if len(toks) == 4 and not any(is_label(t) for _, t in toks[1:]):
            return [], i, 0, 0
    rows: list[Row] = []
    tier: Cell | None = None
    cluster: Cell | None = None
    fields = clusters = 0
    end = i
    n = 0
    while n < len(toks):
        line, text = toks[n]
        nxt = toks[n + 1][1] if n + 1 < len(toks) else ""
        if is_label(text) and nxt and not is_label(nxt):
            vline, value = toks[n + 1]
            last = vline
            n += 2
            while n < len(toks) and _continues_value(value, last, toks, n):
                value, last = value + toks[n][1], toks[n][0]
                n += 1
            cells = [_filled(tier, line), _filled(cluster, line), Cell(text, line, (line,))]
            cells.append(Cell(value, vline, tuple(range(vline, last + 1))))
            rows.append(Row(cells, line, last))
            fields += 1
            end = last
            continue
        if tier_of(text):
            if n + 1 < len(toks) and len(nxt) <= 3 and not is_label(nxt):  # ``…特色产业`` / ``集群``
                text += nxt
                n += 1
            tier, cluster = Cell(text, line, (line,)), None
        elif _is_name(text) and is_label(nxt):
            cluster = Cell(text, line, (line,))
            clusters += 1
        else:
            break
        n += 1
    return rows, end, fields, clusters


def _continues_value(value: str, last: int, toks, n: int) -> bool:
    """The next piece continues a value the line cut (or a space split): the value has not ended
    its sentence, the piece is on the same or the next line, and it opens no field or cluster."""
    line, text = toks[n]
    nxt = toks[n + 1][1] if n + 1 < len(toks) else ""
    if value.endswith(SENTENCE_END) or line > last + 1 or is_label(text) or tier_of(text):
        return False
    return not (_is_name(text) and is_label(nxt))


def field_block_end(lines: list[str], i: int) -> int | None:
    """End (exclusive) of a label/value block opening at line ``i`` (a tier or a cluster name,
    a field label within the next three pieces), else None."""
    if not lines[i].strip() or _is_stop(lines[i]):
        return None
    first = _SPLIT.split(lines[i].strip())[0]
    if not _is_name(clean_cell(first)):
        return None
    _, end, fields, clusters = _scan(lines, i)
    return end if fields >= MIN_FIELDS and clusters >= MIN_CLUSTERS else None


def field_rows(lines: list[str], start: int, end: int) -> list[Row]:
    """Rows (tier, cluster, field, value) of the block; tier and cluster repeated (``filled``)."""
    return [r for r in _scan(lines[:end], start)[0] if r.line_end <= end]


def _filled(cell: Cell | None, line: int) -> Cell:
    return Cell(cell.text, cell.line, cell.lines, filled=True) if cell else Cell("", line, (line,))
