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

from kg.loaders.cells import clean_cell
from kg.loaders.clusters import tier_of
from kg.loaders.table_model import Cell, Row

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
    """>>> [is_label(t) for t in ("发展目标", "重点平台（区域）", "科研支撑", "人工智能")]
    [True, True, True, False]"""
    return bool(FIELD_LABEL.match(text))


def _is_name(text: str) -> bool:
    return 0 < len(text) <= MAX_NAME and not re.search(r"[。；，：]", text) and not is_label(text)


def _next_lines(lines: list[str], i: int, count: int) -> list[int]:
    out = []
    k = i
    while k < len(lines) and len(out) < count:
        if lines[k].strip():
            out.append(k)
        k += 1
    return out


def field_block_end(lines: list[str], i: int) -> int | None:
    """End (exclusive) of a label/value block opening at line ``i`` (a tier or a cluster name,
    a field label within the next three lines), else None."""
    head = _next_lines(lines, i, 4)
    if len(head) < 3 or head[0] != i or not _is_name(_text(lines[i])):
        return None
    if not any(is_label(_text(lines[k])) for k in head[1:]):
        return None
    fields = clusters = 0
    end = prev = None
    k = i
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        text = _text(lines[k])
        nxt_k = _next_lines(lines, k + 1, 1)
        nxt = _text(lines[nxt_k[0]]) if nxt_k else ""
        if is_label(text) and nxt and not is_label(nxt):
            fields += 1
            end = nxt_k[0] + 1
            prev, k = nxt, nxt_k[0] + 1
            continue
        if tier_of(text) or prev and tier_of(prev) and len(text) <= 3:
            prev, k = text, k + 1
        elif _is_name(text) and is_label(nxt):
            clusters += 1
            prev, k = text, k + 1
        else:
            break
    return end if fields >= MIN_FIELDS and clusters >= MIN_CLUSTERS else None


def field_rows(lines: list[str], start: int, end: int) -> list[Row]:
    """Rows (tier, cluster, field, value) of the block; tier and cluster repeated (``filled``)."""
    seq = [(k + 1, _text(lines[k])) for k in range(start, end) if lines[k].strip()]
    rows: list[Row] = []
    tier: Cell | None = None
    cluster: Cell | None = None
    n = 0
    while n < len(seq):
        line, text = seq[n]
        if is_label(text) and n + 1 < len(seq):
            vline, value = seq[n + 1]
            cells = [
                _filled(tier, line),
                _filled(cluster, line),
                Cell(text, line, (line,)),
                Cell(value, vline, (vline,)),
            ]
            rows.append(Row(cells, line, vline))
            n += 2
            continue
        if tier_of(text):
            if n + 1 < len(seq) and len(seq[n + 1][1]) <= 3 and not is_label(seq[n + 1][1]):
                text += seq[n + 1][1]
                n += 1
            tier, cluster = Cell(text, line, (line,)), None
        else:
            cluster = Cell(text, line, (line,))
        n += 1
    return rows


def _filled(cell: Cell | None, line: int) -> Cell:
    return Cell(cell.text, cell.line, cell.lines, filled=True) if cell else Cell("", line, (line,))
