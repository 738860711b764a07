"""The in-memory graph: a networkx MultiDiGraph every exporter takes.

Node attributes: ``type``, ``name``, ``source`` (dict: planId, path, lineStart, lineEnd, quote) when
text-derived, plus the node's own properties. Edge attributes: ``type`` (also the edge key, so one
edge per type between two nodes), ``provenance`` (same dict as a node's ``source``; node-link data
uses ``source`` for the edge's start node), plus properties. ``graph.graph["plans"]`` lists the plan
ids built into it.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.records import Edge, Node


def new_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph["plans"] = []
    return g


def add_node(g: nx.MultiDiGraph, node: Node) -> None:
    """Add a node; a shared entity seen again keeps its first name and source, gains new props."""
    if node.id in g:
        attrs = g.nodes[node.id]
        if attrs["type"] != node.type:
            raise ValueError(f"node {node.id!r} is both {attrs['type']} and {node.type}")
        for key, value in node.props.items():
            attrs.setdefault(key, value)
        if "source" not in attrs and node.source is not None:
            attrs["source"] = node.source.as_dict()
        return
    attrs = {"type": node.type, "name": node.name, **node.props}
    if node.source is not None:
        attrs["source"] = node.source.as_dict()
    g.add_node(node.id, **attrs)


def add_edge(g: nx.MultiDiGraph, edge: Edge) -> None:
    """Add an edge once per (start, end, type): the first statement's provenance is the edge's, and
    every further statement of the same fact keeps its quote and line (``moreQuotes``, ``moreLines``)."""
    for end in (edge.start, edge.end):
        if end not in g:
            raise ValueError(f"edge {edge.type} refers to unknown node {end!r}")
    if g.has_edge(edge.start, edge.end, key=edge.type):
        attrs = g.edges[edge.start, edge.end, edge.type]
        first = attrs.get("provenance")
        if edge.source is not None and first is not None:
            stated = (edge.source.line_start, edge.source.quote)
            known = {(first["lineStart"], first["quote"])} | set(
                zip(attrs.get("moreLines", []), attrs.get("moreQuotes", []), strict=True)
            )
            if stated not in known:
                attrs.setdefault("moreLines", []).append(edge.source.line_start)
                attrs.setdefault("moreQuotes", []).append(edge.source.quote)
        return
    attrs = {"type": edge.type, **edge.props}
    if edge.source is not None:
        attrs["provenance"] = edge.source.as_dict()
    g.add_edge(edge.start, edge.end, key=edge.type, **attrs)


def build_graph(records: Iterable[Node | Edge], g: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """Build (or extend) a graph from records; nodes must come before the edges that use them."""
    g = new_graph() if g is None else g
    for record in records:
        if isinstance(record, Node):
            add_node(g, record)
        else:
            add_edge(g, record)
    return g
