"""graph.html: an interactive, self-contained (offline) page of the graph, drawn with pyvis/vis-network.

Nodes are coloured and shaped by type (legend with show/hide toggles), sized by degree, with a plain-text
tooltip (type, key properties, source quote) and a details panel; a search box highlights or filters
nodes by name or type. Physics (Barnes-Hut) runs a fixed number of stabilisation iterations and is then
switched off. Big graphs start with text-container nodes (Paragraph, Table) hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.io import atomic_write_text

from .focus import focus_subgraph
from .html_page import render_page
from .html_style import (
    KEY_PROPERTIES,
    edge_colour,
    node_size,
    node_style,
    short_label,
    tooltip_text,
    type_label_zh,
)

BIG_GRAPH = 300  # nodes; above this, text containers start hidden and the layout is cheaper
TEXT_CONTAINER_TYPES = frozenset({"Paragraph", "Table"})
EDGE_LABEL_MAX_EDGES = 60
DEFAULT_TITLE = "规划知识图谱 Plan knowledge graph"


def _props(attrs: dict[str, Any]) -> list[list[str]]:
    shown = []
    for key in KEY_PROPERTIES:
        value = attrs.get(key)
        if value not in (None, "", []):
            shown.append([key, "、".join(map(str, value)) if isinstance(value, list | tuple) else str(value)])
    return shown


def _source(attrs: dict[str, Any]) -> dict[str, str] | None:
    src = attrs.get("source")
    if not isinstance(src, dict):
        return None
    return {
        "path": str(src.get("path") or "/"),
        "lines": f"lines {src.get('lineStart')}-{src.get('lineEnd')}",
        "quote": str(src.get("quote", "")),
    }


class _NodeIds(list):
    """pyvis keeps node ids in a list and scans it on every ``add_node`` and ``add_edge`` (O(n²): hours
    for the largest accepted input); the same list, asked for membership through a set."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set = set()

    def append(self, node_id) -> None:
        super().append(node_id)
        self._members.add(node_id)

    def __contains__(self, node_id) -> bool:
        return node_id in self._members


def build_network(graph: nx.MultiDiGraph, focus_ids: frozenset[str] = frozenset()) -> Network:
    """The pyvis Network for ``graph``: one vis node per graph node, one vis edge per graph edge."""
    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _NodeIds()
    degree = dict.fromkeys(graph, 0)  # networkx's degree view: what this counts, 20x slower here
    for start, end in graph.edges():
        degree[start] += 1
        degree[end] += 1
    for node_id in sorted(graph.nodes):
        attrs = graph.nodes[node_id]
        node_type = attrs.get("type", "")
        style = node_style(node_type)
        name = str(attrs.get("name", node_id))
        extra = (
            {"borderWidth": 4, "color": {"background": style.colour, "border": "#000000"}}
            if (node_id in focus_ids)
            else {}
        )
        net.add_node(
            node_id,
            label=short_label(name),
            shape=style.shape,
            color=extra.pop("color", style.colour),
            size=node_size(degree[node_id]),
            title=tooltip_text(attrs),
            kgType=node_type,
            kgTypeZh=type_label_zh(node_type),
            kgName=name,
            kgProps=_props(attrs),
            kgSource=_source(attrs),
            **extra,
        )
    show_labels = graph.number_of_edges() <= EDGE_LABEL_MAX_EDGES
    for start, end, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        edge_type = attrs.get("type", key)
        title = f"{edge_type} {type_label_zh(edge_type)}"
        prov = _source({"source": attrs.get("provenance")})
        if prov:
            title += f"\n{prov['path']} ({prov['lines']})\n“{prov['quote']}”"
        label = {"label": edge_type} if show_labels else {}
        net.add_edge(
            start,
            end,
            id=f"{start}|{end}|{key}",
            color=edge_colour(edge_type),
            title=title,
            font={"size": 9, "color": "#777777", "strokeWidth": 0, "align": "middle"},
            **label,
        )
    return net


def vis_options(node_count: int) -> dict[str, Any]:
    big = node_count > BIG_GRAPH
    return {
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "nodes": {"font": {"size": 12, "face": "system-ui, sans-serif"}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "width": 1,
            "smooth": False if big else {"type": "continuous"},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "navigationButtons": False,
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.25,
                "springLength": 110,
                "springConstant": 0.04,
                "damping": 0.4,
                "avoidOverlap": 0.1,
            },
            "stabilization": {
                "enabled": True,
                "iterations": 300 if big else 1000,
                "updateInterval": 50,
                "fit": True,
            },
        },
    }


def _legend(graph: nx.MultiDiGraph, hidden: frozenset[str]) -> tuple[str, str]:
    node_counts = Counter(t for _, t in graph.nodes(data="type"))
    edge_counts = Counter(t for *_, t in graph.edges(data="type"))
    nodes_html = "".join(
        f'<label><input type="checkbox" data-type="{escape(t)}"{"" if t in hidden else " checked"}>'
        f'<span class="kg-sw kg-{escape(node_style(t).shape)}" style="background:{node_style(t).colour}">'
        f'</span>{escape(t)} {escape(type_label_zh(t))}<span class="count">{n}</span></label>'
        for t, n in sorted(node_counts.items())
    )
    edges_html = "".join(
        f'<label><span class="kg-line" style="background:{edge_colour(t)}"></span>{escape(t)} '
        f'{escape(type_label_zh(t))}<span class="count">{n}</span></label>'
        for t, n in sorted(edge_counts.items())
    )
    return nodes_html, edges_html


def render_graph_page(
    graph: nx.MultiDiGraph,
    *,
    title: str,
    focus_ids: Iterable[str] = (),
    note: str = "",
    nav_html: str = "",
    intro_html: str = "",
) -> str:
    """The page for exactly ``graph``; ``focus_ids`` are drawn with a thick border and detailed first."""
    focus_ids = sorted(focus_ids)
    n = graph.number_of_nodes()
    net = build_network(graph, frozenset(focus_ids))
    return _page(
        graph,
        {"nodes": net.nodes, "edges": net.edges},
        hidden=TEXT_CONTAINER_TYPES if n > BIG_GRAPH else frozenset(),
        focus_ids=focus_ids,
        title=title,
        stats=f"{n} nodes · {graph.number_of_edges()} edges{note}",
        nav_html=nav_html,
        intro_html=intro_html,
    )


def _page(
    graph: nx.MultiDiGraph,
    drawn: dict[str, Any],
    *,
    hidden: frozenset[str],
    focus_ids: list[str],
    title: str,
    stats: str,
    **parts: str,
) -> str:
    """The page drawing ``drawn`` (vis nodes and edges, plus any data its scripts need), with the
    legend of ``graph``; ``parts`` are render_page's optional parts (nav, intro, extra script)."""
    nodes_html, edges_html = _legend(graph, hidden)
    data = {
        **drawn,
        "options": vis_options(len(drawn["nodes"])),
        "hiddenTypes": sorted(hidden),
        "focus": focus_ids,
        "relayoutIterations": 150,
    }
    return render_page(
        title=title, stats=stats, node_legend_html=nodes_html, edge_legend_html=edges_html, data=data, **parts
    )


def render_overview_page(graph: nx.MultiDiGraph, *, title: str, nav_html: str = "") -> str:
    """The whole graph grouped by plan part and type (``kg.exports.html_overview``), groups
    expanding on double-click."""
    from .html_overview import EXPAND_JS, overview_data

    net = build_network(graph)
    grouped = overview_data(graph, {n["id"]: n for n in net.nodes})
    stats = (
        f"{graph.number_of_nodes()} nodes · {graph.number_of_edges()} edges · overview: "
        f"{len(grouped['nodes'])} groups and outline nodes, double-click a group to expand it"
    )
    return _page(
        graph,
        grouped,
        hidden=TEXT_CONTAINER_TYPES,
        focus_ids=[],
        title=title,
        stats=stats,
        nav_html=nav_html,
        extra_js=EXPAND_JS,
    )


def generate_html(
    graph: nx.MultiDiGraph,
    title: str = DEFAULT_TITLE,
    focus: str | None = None,
    depth: int = 2,
    nav_html: str = "",
) -> str:
    """The whole page as text. With ``focus``, only the node(s) of that name/alias/id and their
    neighbourhood up to ``depth`` hops (hubs such as districts and chapters are shown, not walked through).
    """
    if focus is None:
        if graph.number_of_nodes() > BIG_GRAPH:
            return render_overview_page(graph, title=title, nav_html=nav_html)
        return render_graph_page(graph, title=title, nav_html=nav_html)
    sub, focus_ids = focus_subgraph(graph, focus, depth)
    return render_graph_page(
        sub, title=title, focus_ids=focus_ids, note=f" · focus {focus}, depth {depth}", nav_html=nav_html
    )


def write_html(graph: nx.MultiDiGraph, path: str | Path, **options: Any) -> list[Path]:
    """Write :func:`generate_html` to ``path`` atomically; ``options`` are its keyword arguments."""
    return [atomic_write_text(path, generate_html(graph, **options))]


def write_cluster_pages(graph: nx.MultiDiGraph, out_dir: str | Path, **options: Any) -> list[Path]:
    """One focused page per IndustryCluster plus ``index.html``; see ``kg.exports.html_clusters``."""
    from .html_clusters import write_cluster_pages as write

    return write(graph, out_dir, **options)
