"""graph.json: networkx node-link data, the contract other tools read (see README, "graph.json").

``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [{"id", "type", "name", ...}],
"links": [{"source", "target", "key", "type", "provenance"?, ...}]}``. Nodes and links are sorted so
that two builds of the same input are identical byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.io import atomic_open


def _data(graph: nx.MultiDiGraph) -> dict:
    data = nx.node_link_data(graph, edges="links")
    data["nodes"].sort(key=lambda n: n["id"])
    data["links"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    return data


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True)


def generate_json(graph: nx.MultiDiGraph) -> str:
    return _ENCODER.encode(_data(graph)) + "\n"


def write_json(graph: nx.MultiDiGraph, path: str | Path, **_options) -> list[Path]:
    """Written as it is encoded, a megabyte at a time (graph.json of the largest accepted input is
    about 140 MB: one string of it was a tenth of the build's peak memory)."""
    with atomic_open(path) as handle:
        pending, size = [], 0
        for chunk in _ENCODER.iterencode(_data(graph)):
            pending.append(chunk)
            size += len(chunk)
            if size >= 1 << 20:
                handle.write("".join(pending))
                pending, size = [], 0
        pending.append("\n")
        handle.write("".join(pending))
    return [Path(path)]
