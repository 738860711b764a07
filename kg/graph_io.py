"""Read ``graph.json`` (the node-link file written by ``kg.exports.json``) back into the graph.

The inverse of ``generate_json``: node attributes, edge attributes (``type`` as key, ``provenance``)
and ``graph.graph["plans"]`` come back as they were written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx


def checked_node_link_data(text: str) -> dict:
    """The node-link data of a graph.json text; a file of another shape raises ``ValueError``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or "links" not in data:
        raise ValueError('not a graph.json: expected an object with "nodes" and "links" (kg build --out DIR)')
    for kind, keys in (("nodes", ("id",)), ("links", ("source", "target"))):
        for item in data[kind]:
            if not isinstance(item, dict) or any(key not in item for key in keys):
                needs = " and ".join(keys)
                raise ValueError(f"not a graph.json: each of {kind} needs {needs}: {item!r:.200}")
    return data


def parse_graph_json(text: str) -> nx.MultiDiGraph:
    """Parse node-link JSON text; a file of another shape raises ``ValueError`` saying why."""
    import networkx as nx

    data = {**checked_node_link_data(text), "directed": True, "multigraph": True}
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    graph.graph.setdefault("plans", [])
    return graph


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    return parse_graph_json(Path(path).read_text(encoding="utf-8"))
