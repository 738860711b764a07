"""A read-only graph from ``graph.json`` without importing networkx (about 10 times a bare Python
start), for commands that only answer from a finished build (``kg query --graph``, ``kg trace``).

``GraphView`` offers the part of networkx's ``MultiDiGraph`` read API that the queries, the trace
and the RDF triples use, with the same iteration order as ``kg.graph_io.read_graph_json`` (nodes and
edges in file order; ``in_edges``/``out_edges`` by neighbour, then key), so answers are the same.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class NodeView(Mapping):
    """Nodes by id, as networkx's ``graph.nodes``: a mapping to their attributes that is also called
    (``nodes(data=True)``). Over a dict of this module's ``GraphView`` or ``kg.graph.GraphData``."""

    __slots__ = ("_nodes",)

    def __init__(self, nodes: dict[str, dict]):
        self._nodes = nodes

    def __call__(self, data: bool = False):
        return iter(self._nodes.items()) if data else iter(self._nodes)

    def __getitem__(self, node: str) -> dict:
        return self._nodes[node]

    def get(self, node, default=None):
        return self._nodes.get(node, default)

    def items(self):
        return self._nodes.items()

    def values(self):
        return self._nodes.values()

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __contains__(self, node: object) -> bool:
        return node in self._nodes

    def __len__(self) -> int:
        return len(self._nodes)


class GraphView:
    """Nodes, edges and graph attributes of a node-link graph.json, read-only."""

    def __init__(self, data: dict[str, Any], *, own: bool = False):
        """``own``: ``data`` was parsed for this view alone, its dicts become the view's (no copies)."""
        self.graph: dict[str, Any] = dict(data.get("graph") or {})
        self.graph.setdefault("plans", [])
        if own:
            nodes = {item.pop("id"): item for item in data["nodes"]}
        else:
            nodes = {item["id"]: {k: v for k, v in item.items() if k != "id"} for item in data["nodes"]}
        self._succ: dict[str, dict[str, dict[Any, dict]]] = {node: {} for node in nodes}
        self._pred: dict[str, dict[str, dict[Any, dict]]] = {node: {} for node in nodes}
        for link in data["links"]:
            start, end = link["source"], link["target"]
            for node in (start, end):
                if node not in nodes:  # networkx adds a bare node for an unknown end
                    nodes[node] = {}
                    self._succ[node], self._pred[node] = {}, {}
            if own:
                attrs, key = link, link.pop("key", None)
                del attrs["source"], attrs["target"]
            else:
                attrs = {k: v for k, v in link.items() if k not in ("source", "target", "key")}
                key = link.get("key")
            keyed = self._succ[start].setdefault(end, {})
            if key is None:  # networkx's new_edge_key: the first free integer
                key = len(keyed)
                while key in keyed:
                    key += 1
            keyed[key] = attrs
            self._pred[end].setdefault(start, {})[key] = attrs
        self.nodes = NodeView(nodes)

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return sum(len(keyed) for succ in self._succ.values() for keyed in succ.values())

    def edges(self, data: bool = False):
        """Every edge by start node, then end node, then key (networkx's order)."""
        for start, succ in self._succ.items():
            for end, keyed in succ.items():
                for attrs in keyed.values():
                    yield (start, end, attrs) if data else (start, end)

    def out_edges(self, node: str, data: bool = False):
        for end, keyed in self._succ[node].items():
            for attrs in keyed.values():
                yield (node, end, attrs) if data else (node, end)

    def in_edges(self, node: str, data: bool = False):
        for start, keyed in self._pred[node].items():
            for attrs in keyed.values():
                yield (start, node, attrs) if data else (start, node)


def read_graph_view(path: str | Path, trusted_digest: str | None = None) -> GraphView:
    """Read and check ``graph.json`` like ``kg.graph_io.read_graph_json``, as a ``GraphView``.

    A file whose BLAKE2b digest is ``trusted_digest`` (the one ``kg build`` recorded as it wrote it,
    ``kg.last_build``) holds exactly the bytes the build wrote, so its shape is not checked again.
    """
    from kg.graph_io import checked_node_link_data, read_graph_json_bytes

    data = read_graph_json_bytes(path)
    with _no_cycle_collection():
        if trusted_digest is not None:
            from kg.last_build import file_digest

            if file_digest(data) == trusted_digest:
                return GraphView(_parse_own(data), own=True)
        return GraphView(checked_node_link_data(data.decode("utf-8")), own=True)


def _parse_own(data: bytes) -> dict:
    """JSON the build wrote, parsed by orjson (about 2.5 times faster than json), or by json for what
    orjson refuses and json reads (a lone surrogate escape, an integer over 64 bits)."""
    import orjson

    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


@contextmanager
def _no_cycle_collection():
    """Parsed JSON holds no reference cycles, yet its 100,000 new objects would start the cyclic
    collector dozens of times (a third of the read); refcounting frees them all the same."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
