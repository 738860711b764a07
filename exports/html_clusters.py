"""One page per industry cluster (its facts, then the network around it at depth 1), plus an index.

Depth 1 by default: the cluster's own platforms, districts, measures and institutions. At depth 2 a
cluster page reached a dozen other clusters through shared platforms and measures.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from kg.io import replace_folder

from .focus import HUB_TYPES, neighbourhood
from .html import TEXT_CONTAINER_TYPES, render_graph_page
from .html_cluster_dossier import dossier_html
from .plan_facts import cluster_facts, node_plan, plan_titles, short_label

CLUSTER_DEPTH = 1
INDEX_NAME = "index.html"


def cluster_file_name(node_id: str, name: str) -> str:
    """``cluster-集成电路-1a2b3c4d.html``: readable, filesystem-safe, unique by the id's hash."""
    slug = re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-")[:40] or "cluster"
    digest = hashlib.sha1(node_id.encode("utf-8")).hexdigest()[:8]
    return f"cluster-{slug}-{digest}.html"


def cluster_subgraph(graph: nx.MultiDiGraph, node_id: str, depth: int = CLUSTER_DEPTH) -> nx.MultiDiGraph:
    """The cluster and what is within ``depth`` hops, not walking through hubs, without text containers."""
    keep = neighbourhood(graph, [node_id], depth, stop_types=HUB_TYPES, skip_types=TEXT_CONTAINER_TYPES)
    return graph.subgraph(keep).copy()


def _clusters(graph: nx.MultiDiGraph) -> list[tuple[str, dict]]:
    found = [(n, a) for n, a in graph.nodes(data=True) if a.get("type") == "IndustryCluster"]
    return sorted(
        found,
        key=lambda item: (
            node_plan(item[1]),
            str(item[1].get("tier") or "~"),
            str(item[1].get("name")),
            item[0],
        ),
    )


def _count(graph: nx.MultiDiGraph, node_id: str, node_type: str) -> int:
    others = {*graph.successors(node_id), *graph.predecessors(node_id)}
    return sum(1 for o in others if graph.nodes[o].get("type") == node_type)


def generate_index_html(graph: nx.MultiDiGraph, pages: list[tuple[str, dict, str]], title: str) -> str:
    titles = plan_titles(graph)
    rows = "".join(
        f"<tr><td>{escape(short_label(titles.get(node_plan(attrs), node_plan(attrs))))}</td>"
        f'<td><a href="{escape(quote(file))}">{escape(str(attrs.get("name")))}</a></td>'
        f"<td>{escape(str(attrs.get('tier') or ''))}</td><td>{_count(graph, node_id, 'Platform')}</td>"
        f"<td>{_count(graph, node_id, 'Institution')}</td><td>{_count(graph, node_id, 'Target')}</td></tr>"
        for node_id, attrs, file in pages
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head><meta charset="utf-8"><title>'
        f"{escape(title)}</title><style>body{{font:14px/1.5 system-ui,sans-serif;margin:16px}}"
        "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left}"
        f"</style></head>\n<body><h1>{escape(title)}</h1>\n"
        "<p><a href='../matrix.html'>industry × district matrix 产业 × 区域</a></p>\n"
        "<table><thead><tr><th>规划 Plan</th><th>产业集群 Cluster</th>"
        "<th>Tier</th><th>Platforms</th><th>Institutions</th><th>Targets</th></tr></thead><tbody>"
        f"{rows}</tbody></table>\n</body>\n</html>\n"
    )


def write_cluster_pages(
    graph: nx.MultiDiGraph,
    out_dir: str | Path,
    *,
    depth: int = CLUSTER_DEPTH,
    title: str = "产业集群 Industry clusters",
    on_page: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Write one page per IndustryCluster and ``index.html`` into ``out_dir``; return all paths written.

    ``on_page(done, total)`` is called after each page (the CLI draws a progress bar with it).
    """
    out_dir = Path(out_dir)
    clusters = _clusters(graph)
    pages, written = [], []
    nav = f'<a href="{INDEX_NAME}">← index</a> <a href="../matrix.html">matrix</a>'
    titles = plan_titles(graph)
    # the folder is replaced as a whole; only the files its manifest names are ever deleted
    with replace_folder(out_dir) as folder:
        for done, (node_id, attrs) in enumerate(clusters, start=1):
            file = cluster_file_name(node_id, str(attrs.get("name")))
            sub = cluster_subgraph(graph, node_id, depth)
            page = render_graph_page(
                sub,
                title=f"{attrs.get('name')} · {title}",
                focus_ids=[node_id],
                note=f" · depth {depth}",
                nav_html=nav,
                intro_html=dossier_html(cluster_facts(graph, node_id), titles),
            )
            written.append(folder.write_text(file, page))
            pages.append((node_id, attrs, file))
            if on_page is not None:
                on_page(done, len(clusters))
        written.append(folder.write_text(INDEX_NAME, generate_index_html(graph, pages, title)))
    return written
