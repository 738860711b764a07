"""matrix.html: heat maps an analyst reads at a glance, each cell linking to the facts behind it.

- per plan, industry cluster × district: the platforms of the cluster in each district (and the
  district itself where the text names it as carrying the cluster);
- across plans (two or more in the graph), industry concept × plan: platforms + targets per cell,
  with the plan's clusters, measures and quotes behind it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import networkx as nx

from kg.io import atomic_write_text

from .html_static import anchor, heat_colour, ink, page, quote_html, text, where
from .plan_facts import ConceptCell, Matrix, concept_plan_matrix, district_matrix, plan_titles, short_label

TITLE = "产业 × 区域 / 规划 Industry matrices"
NAV = (
    '<a href="graph.html">graph 图谱</a><a href="clusters/index.html">clusters 产业集群</a>'
    '<a href="indicators.html">indicators 指标</a>'
)


def _cell(matrix: Matrix, row: str, column: str, prefix: str, cell_label=None) -> str:
    if (row, column) not in matrix.cells:
        return '<td class="zero">·</td>'
    count = matrix.count(row, column)
    label = cell_label(matrix, row, column) if cell_label else str(count)
    most = matrix.max_count
    style = f"background:{heat_colour(count, most)};color:{ink(count, most)}"
    title = text(f"{row} × {column}: {count}")
    return (
        f'<td style="{style}" title="{title}" data-count="{count}">'
        f'<a href="#{anchor(prefix, row, column)}">{text(label)}</a></td>'
    )


def _table(
    matrix: Matrix, prefix: str, corner: str, row_link, column_label, cell_label=None, css: str = "vertical"
) -> str:
    head = "".join(f'<th title="{text(c)}">{text(column_label(c))}</th>' for c in matrix.columns)
    body = []
    for row in matrix.rows:
        note = matrix.row_notes.get(row)
        note_html = f' <span class="note">{text(note)}</span>' if note else ""
        cells = "".join(_cell(matrix, row, c, prefix, cell_label) for c in matrix.columns)
        body.append(f'<tr><th class="row">{row_link(row)}{note_html}</th>{cells}</tr>')
    return (
        f'<table class="heat {css}"><thead><tr><th class="corner">{text(corner)}</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _district_details(matrix: Matrix, prefix: str, titles: dict[str, str]) -> str:
    out = []
    for row in matrix.rows:
        for column in matrix.columns:
            items = matrix.cells.get((row, column))
            if not items:
                continue
            lis = "".join(
                f"<tr><td>{text(p.name)}</td><td>{text(p.basis)}</td>"
                f"<td>{quote_html(p.fact)}{where(p.fact, titles)}</td></tr>"
                for p in items
            )
            out.append(
                f'<section class="cell" id="{anchor(prefix, row, column)}"><h3>{text(row)} × '
                f'{text(column)} <span class="note">{len(items)}</span></h3><table class="facts"><thead>'
                "<tr><th>平台 Platform</th><th>basis</th><th>原文 Quote · 位置 where</th></tr></thead>"
                f"<tbody>{lis}</tbody></table>"
                "</section>"
            )
    return "".join(out)


def _concept_label(matrix: Matrix, row: str, column: str) -> str:
    cell = matrix.cells[(row, column)]
    assert isinstance(cell, ConceptCell)
    return f"{len(cell.platforms)} · {len(cell.targets)}"


def _concept_details(matrix: Matrix, prefix: str, titles: dict[str, str]) -> str:
    out = []
    for row in matrix.rows:
        for column in matrix.columns:
            cell = matrix.cells.get((row, column))
            if cell is None:
                continue
            assert isinstance(cell, ConceptCell)
            platforms = "".join(
                f"<tr><td>{text(p.name)}</td><td>{text(p.district)}</td>"
                f"<td>{quote_html(p.fact)}{where(p.fact, titles)}</td></tr>"
                for p in cell.platforms
            )
            targets = "".join(
                f"<tr><td>{text(t.subject)}</td><td>{text(t.comparator)} {text(t.value)} {text(t.unit)}</td>"
                f"<td>{text(t.year or '')}</td><td>{quote_html(t.fact)}{where(t.fact, titles)}</td></tr>"
                for t in cell.targets
            )
            parts = [
                f'<section class="cell" id="{anchor(prefix, row, column)}"><h3>{text(row)} × '
                f"{text(titles.get(column, column))}</h3>"
                f"<p>集群 clusters: {text('、'.join(cell.clusters))} · {len(cell.platforms)} platforms · "
                f"{len(cell.targets)} targets · {cell.measures} measures</p>"
            ]
            if platforms:
                parts.append(
                    '<table class="facts"><thead><tr><th>平台 Platform</th><th>区域 District</th>'
                    f"<th>原文 Quote · 位置 where</th></tr></thead><tbody>{platforms}</tbody></table>"
                )
            if targets:
                parts.append(
                    '<table class="facts"><thead><tr><th>目标 Target</th><th>value</th><th>year</th>'
                    f"<th>原文 Quote · 位置 where</th></tr></thead><tbody>{targets}</tbody></table>"
                )
            out.append("".join(parts) + "</section>")
    return "".join(out)


def _cluster_link(graph: nx.MultiDiGraph, plan: str):
    from .html_clusters import cluster_file_name
    from .plan_facts import cluster_ids

    files = {}
    for cid in cluster_ids(graph, plan):
        name = str(graph.nodes[cid].get("name"))
        files.setdefault(name, cluster_file_name(cid, name))

    def link(row: str) -> str:
        file = files.get(row)
        return f'<a href="clusters/{text(quote(file))}">{text(row)}</a>' if file else text(row)

    return link


def generate_matrix_html(graph: nx.MultiDiGraph, *, concept: str | None = None, title: str = TITLE) -> str:
    titles = plan_titles(graph)
    sections, cells = [], 0
    if len(titles) > 1 or concept is not None:
        matrix = concept_plan_matrix(graph, concept)
        cells += len(matrix.cells)
        sections.append(
            '<h2 id="across-plans">产业 × 规划 Industry × plan</h2><p class="note">Each cell: platforms · '
            "targets the plan commits to the industry concept (the shared vocabulary's label); click a cell "
            "for its clusters, platforms, targets and quotes.</p>"
            + _table(
                matrix,
                "plan",
                "industry \\ plan",
                text,
                lambda p: short_label(titles.get(p, p)),
                _concept_label,
                css="wide",
            )
            + _concept_details(matrix, "plan", titles)
        )
    for plan, plan_title in titles.items():
        if concept is not None:
            break
        matrix = district_matrix(graph, plan)
        cells += len(matrix.cells)
        prefix = f"d-{plan}"
        if not matrix.rows:
            sections.append(f"<h2>{text(plan_title)}</h2><p>No industry cluster found in this plan.</p>")
            continue
        sections.append(
            f'<h2 id="{anchor("plan", plan)}">{text(plan_title)} · 产业集群 × 区域 cluster × district</h2>'
            '<p class="note">Each cell: the platforms of the cluster in the district. Click a cell for the '
            "platforms, quotes and where they stand.</p>"
            + _table(matrix, prefix, "cluster \\ district", _cluster_link(graph, plan), str)
            + _district_details(matrix, prefix, titles)
        )
    return page(title, "".join(sections), nav_html=NAV, data={"cells": cells, "plans": len(titles)})


def write_matrix_html(graph: nx.MultiDiGraph, path: str | Path, **options) -> list[Path]:
    """Write :func:`generate_matrix_html` to ``path`` atomically."""
    return [atomic_write_text(path, generate_matrix_html(graph, **options))]
