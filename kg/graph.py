"""The in-memory graph: a networkx MultiDiGraph every exporter takes (or, while ``kg build`` writes
RDF, the same graph as plain dicts: ``GraphData``).

Node attributes: ``type``, ``name``, ``source`` (dict: planId, path, lineStart, lineEnd, quote) when
text-derived, plus the node's own properties. Edge attributes: ``type`` (also the edge key, so one
edge per type between two nodes), ``provenance`` (same dict as a node's ``source``; node-link data
uses ``source`` for the edge's start node), plus properties. ``graph.graph["plans"]`` lists the plan
ids built into it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.graph_view import NodeView
from kg.records import Edge, Node

if TYPE_CHECKING:
    import networkx as nx

# Neo4j indexes ``id`` and ``name`` of every node (and ``tier``); its index keys hold about 8 KB (8,167
# bytes measured on 5.26): a longer value fails the load half-way. The build keeps keys well under it.
MAX_KEY_BYTES = 4096
_INDEXED_PROPS = ("tier",)


def new_graph() -> nx.MultiDiGraph:
    import networkx as nx  # 0.15 s of imports: not where a GraphData does (``kg build``)

    g = nx.MultiDiGraph()
    g.graph["plans"] = []
    return g


class GraphData:
    """A graph as plain dicts: nodes (id -> attributes) and edges ((start, end, type) -> attributes),
    each in the order first added, and the graph's own attributes (``graph``).

    It has the part of networkx's MultiDiGraph API that building a graph and writing its RDF use
    (``add_node``, ``add_edge``, ``get_edge_data``, ``nodes``, ``edges(data=True)``, ``graph``), so
    that ``kg build`` writes RDF without importing networkx (0.15 s of a 1 s command) while its second
    process makes the MultiDiGraph for the other formats (``to_networkx``: the same graph, node for
    node and edge for edge, as one built directly).

    >>> g = GraphData()
    >>> add_node(g, "a", "Goal", "A", {}, None); add_node(g, "b", "Measure", "B", {}, None)
    >>> add_edge(g, "b", "a", "SUPPORTS", {}, None)
    >>> list(g.edges(data=True)), g.number_of_nodes()
    ([('b', 'a', {'type': 'SUPPORTS'})], 2)
    """

    __slots__ = ("nodes", "graph", "_nodes", "_edges")

    def __init__(self) -> None:
        self._nodes: dict[str, dict] = {}
        self._edges: dict[tuple[str, str, str], dict] = {}
        self.nodes = NodeView(self._nodes)
        self.graph: dict = {"plans": []}

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def add_node(self, node_id: str, **attrs) -> None:
        known = self._nodes.get(node_id)
        if known is None:
            self._nodes[node_id] = attrs
        else:
            known.update(attrs)

    def add_edge(self, start: str, end: str, key: str, **attrs) -> None:
        known = self._edges.get((start, end, key))
        if known is None:
            self._edges[start, end, key] = attrs
        else:
            known.update(attrs)

    def get_edge_data(self, start: str, end: str, key: str, default=None) -> dict | None:
        return self._edges.get((start, end, key), default)

    def edges(self, data: bool = False) -> Iterator[tuple]:
        if data:
            return ((start, end, attrs) for (start, end, _), attrs in self._edges.items())
        return ((start, end) for start, end, _ in self._edges)

    def number_of_nodes(self) -> int:
        return len(self._nodes)

    def number_of_edges(self) -> int:
        return len(self._edges)


def to_networkx(graph: GraphData | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The MultiDiGraph of ``graph`` (itself when it is one): nodes and edges added in the order
    ``graph`` first had them, as ``add_parts`` would have added them to a MultiDiGraph."""
    if not isinstance(graph, GraphData):
        return graph
    import networkx as nx

    g = nx.MultiDiGraph()
    g.graph.update(graph.graph)
    g.add_nodes_from(graph._nodes.items())
    g.add_edges_from((start, end, key, attrs) for (start, end, key), attrs in graph._edges.items())
    return g


# A record as plain parts, fitted (``record_parts``): what a worker process hands back, pickled in a
# third of the time of the records themselves, and what the graph is built from in either case.
NodeParts = tuple[str, str, str, dict, dict | None]  # id, type, name, props, source
EdgeParts = tuple[str, str, str, dict, dict | None]  # start, end, type, props, provenance
Parts = tuple[bool, NodeParts | EdgeParts]  # (is a node, its parts)


def add_node(g: nx.MultiDiGraph | GraphData, node_id: str, node_type: str, name: str, props, source) -> None:
    """Add a node; a shared entity seen again keeps its first name and source, gains new props."""
    attrs = g.nodes.get(node_id)
    if attrs is not None:
        if attrs["type"] != node_type:
            raise ValueError(f"node {node_id!r} is both {attrs['type']} and {node_type}")
        for key, value in props.items():
            attrs.setdefault(key, value)
        if "source" not in attrs and source is not None:
            attrs["source"] = source
        return
    attrs = {"type": node_type, "name": name, **props}
    if source is not None:
        attrs["source"] = source
    g.add_node(node_id, **attrs)


def add_edge(g: nx.MultiDiGraph | GraphData, start: str, end: str, edge_type: str, props, source) -> None:
    """Add an edge once per (start, end, type): the first statement's provenance is the edge's, and
    every further statement of the same fact keeps its quote and line (``moreQuotes``, ``moreLines``)."""
    for node in (start, end):
        if node not in g:
            raise ValueError(f"edge {edge_type} refers to unknown node {node!r}")
    attrs = g.get_edge_data(start, end, edge_type)
    if attrs is not None:
        first = attrs.get("provenance")
        if source is not None and first is not None:
            stated = (source["lineStart"], source["quote"])
            known = {(first["lineStart"], first["quote"])} | set(
                zip(attrs.get("moreLines", []), attrs.get("moreQuotes", []), strict=True)
            )
            if stated not in known:
                attrs.setdefault("moreLines", []).append(source["lineStart"])
                attrs.setdefault("moreQuotes", []).append(source["quote"])
        return
    attrs = {"type": edge_type, **props}
    if source is not None:
        attrs["provenance"] = source
    g.add_edge(start, end, key=edge_type, **attrs)


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, on a character boundary."""
    return text.encode("utf-8", "surrogatepass")[:limit].decode("utf-8", "ignore")


def _too_long(text: str) -> bool:
    return len(text.encode("utf-8", "surrogatepass")) > MAX_KEY_BYTES


def fit_id(node_id: str) -> str:
    """An id short enough to index: a too long one becomes its start, ``…`` and a hash of the whole
    (deterministic, so every edge and every plan finds the same node).

    >>> fit_id("platform:钱塘芯谷")
    'platform:钱塘芯谷'
    >>> len(fit_id("platform:" + "长" * 5000).encode()) <= MAX_KEY_BYTES
    True
    """
    if not _too_long(node_id):
        return node_id
    digest = hashlib.sha256(node_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{_cut(node_id, MAX_KEY_BYTES - 64)}…{digest}"


def fit_node(node: Node, problems: list[dict] | None = None) -> Node:
    """``node`` with its id, name and indexed properties short enough to index; each cut is reported as
    a ``name-too-long`` problem (the full text stays in the node's quote)."""
    changes = {}
    if _too_long(node.id):
        changes["id"] = fit_id(node.id)
    if _too_long(node.name):
        changes["name"] = _cut(node.name, MAX_KEY_BYTES - 3) + "…"
    cut = {
        key: _cut(value, MAX_KEY_BYTES - 3) + "…"
        for key in _INDEXED_PROPS
        if isinstance(value := node.props.get(key), str) and _too_long(value)
    }
    if cut:
        changes["props"] = {**node.props, **cut}
    if not changes:
        return node
    if problems is not None:
        problems.append(
            {
                "plan": node.source.plan_id if node.source else None,
                "code": "name-too-long",
                "message": f"{node.type} name of {len(node.name)} characters shortened to "
                f"{MAX_KEY_BYTES} bytes (databases cannot index longer): {node.name[:40]}…",
                "line": node.source.line_start if node.source else None,
            }
        )
    return dataclasses.replace(node, **changes)


def record_parts(records: Iterable[Node | Edge], problems: list[dict] | None = None) -> Iterator[Parts]:
    """Each record as plain parts, with ids, names and indexed properties too long to index
    shortened (``fit_node``, reported into ``problems``)."""
    for record in records:
        if isinstance(record, Node):
            node = fit_node(record, problems)
            source = node.source.as_dict() if node.source is not None else None
            yield True, (node.id, node.type, node.name, dict(node.props), source)
        else:
            start, end = record.start, record.end
            if _too_long(start) or _too_long(end):
                start, end = fit_id(start), fit_id(end)
            source = record.source.as_dict() if record.source is not None else None
            yield False, (start, end, record.type, dict(record.props), source)


def add_parts(g: nx.MultiDiGraph | GraphData, parts: Iterable[Parts]) -> nx.MultiDiGraph | GraphData:
    """Add records given as parts (``record_parts``), in their order."""
    for is_node, values in parts:
        if is_node:
            add_node(g, *values)
        else:
            add_edge(g, *values)
    return g


def build_graph(
    records: Iterable[Node | Edge], g: nx.MultiDiGraph | None = None, problems: list[dict] | None = None
) -> nx.MultiDiGraph:
    """Build (or extend) a graph from records; nodes must come before the edges that use them.

    Ids, names and indexed properties too long to index are shortened (``fit_node``, reported into
    ``problems``), never refused later by a database half-way through a load."""
    return add_parts(new_graph() if g is None else g, record_parts(records, problems))
