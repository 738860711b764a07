"""Industry-cluster schemes: a tiered cluster table (杭州 "296X") or a cluster/chain list (南京 "1026").

Tier cells read ``<count>个<tier>``: ``2个万亿级产业集群`` -> 万亿级, ``6个未来产业`` -> 未来产业. In a
table row the text is the last non-empty cell, the field label (发展目标, 重点平台, 科研支撑 ...) the
cell before it and the cluster the cell before that; group cells were filled down by ``parse_table``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.loaders.document.model import Cell, Row, Table
from kg.loaders.lexicon.headers import tier_of

_ITEM = re.compile(r"^\s*(\d+)\s*[．.、]\s*(\S.*)$")
MAX_LABEL = 12  # field labels and cluster names are short; longer cells are text


@dataclass(frozen=True)
class ClusterRow:
    tier: str | None
    cluster: str
    field: str
    text: str
    line: int
    number: str | None = None  # the item number in a numbered list scheme


def parse_cluster_table(table: Table) -> list[ClusterRow]:
    """One row per (cluster, field) of a tiered cluster table; rows without a cluster are skipped."""
    out: list[ClusterRow] = []
    for row in table.rows:
        cells = [c for c in row.cells if c.text]
        if len(cells) < 3:
            continue
        text, label, cluster = cells[-1], cells[-2], cells[-3]
        tiers = [t for t in (tier_of(c.text) for c in cells[:-3]) if t]
        if len(label.text) > MAX_LABEL or len(cluster.text) > 2 * MAX_LABEL or tier_of(cluster.text):
            continue
        out.append(ClusterRow(tiers[0] if tiers else None, cluster.text, label.text, text.text, text.line))
    return out


def clusters(rows: list[ClusterRow]) -> list[tuple[str | None, str]]:
    """Distinct (tier, cluster) pairs in order of first appearance."""
    return list(dict.fromkeys((r.tier, r.cluster) for r in rows))


def parse_cluster_list(table: Table) -> list[ClusterRow]:
    """A numbered two-column scheme (``1．人工智能（软件和信息服务）    1．人工智能``): each cluster gives a
    row with field ``产业集群``, each chain a row with the header's second name (default ``产业链``).
    Read from the table's rows, whatever layout they came in."""
    out: list[ClusterRow] = []
    named = [h for h in table.header if h]
    chain_field = named[1] if len(named) == 2 and not any(_ITEM.match(h) for h in named) else "产业链"
    cluster = None
    rows = list(table.rows)
    if any(_ITEM.match(h) for h in table.header):  # no header row: the first row is data
        rows = [Row([Cell(h, table.rows[0].line_start - 1) for h in table.header], 0, 0), *rows]
    for row in rows:
        cells = [c.text if not c.filled else "" for c in row.cells]
        items = [_ITEM.match(c) for c in cells]
        line = row.line_start
        if cells and cells[0] and items[0]:
            cluster = items[0].group(2)
            out.append(ClusterRow(None, cluster, "产业集群", cluster, line, items[0].group(1)))
        for match in items[1:]:
            if match and cluster:
                out.append(ClusterRow(None, cluster, chain_field, match.group(2), line, match.group(1)))
    return out
