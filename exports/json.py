"""graph.json: networkx node-link data, the contract other tools read (see README, "graph.json").

``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [{"id", "type", "name", ...}],
"links": [{"source", "target", "key", "type", "provenance"?, ...}]}``. Nodes and links are sorted so
that two builds of the same input are identical byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.io import atomic_write_text


def generate_json(graph: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(graph, edges="links")
    data["nodes"].sort(key=lambda n: n["id"])
    data["links"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_json(graph: nx.MultiDiGraph, path: str | Path, **_options) -> list[Path]:
    return [atomic_write_text(path, generate_json(graph))]
