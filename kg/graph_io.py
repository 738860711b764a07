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


def _shape_error(what: str) -> ValueError:
    return ValueError(f"not a graph.json: {what} (write one with kg build --out DIR)")


# The attributes other commands read, with the JSON types kg build writes (exports/json.py). Types are
# compared exactly (``type(v) in``): json.loads makes only these, and a bool is then no int.
_NONE = type(None)
_TEXT = frozenset({str, _NONE})
_ATTRIBUTES = {
    "name": _TEXT,
    "aliases": frozenset({list}),
    "source": frozenset({dict, _NONE}),
    "provenance": frozenset({dict, _NONE}),
}
_SOURCE = {
    "planId": _TEXT,
    "path": _TEXT,
    "quote": _TEXT,
    "lineStart": frozenset({int, _NONE}),
    "lineEnd": frozenset({int, _NONE}),
}
_NODE_SOURCES = ("source", "provenance")
_LINK_SOURCES = ("provenance",)  # a link's "source" is its start node's id
_KEY_TYPES = frozenset({int, str, _NONE})


def _check_attributes(kind: str, index: int, item: dict) -> None:
    """The attributes of ``nodes[index]`` or ``links[index]`` (``kind``); the message is built only
    for a wrong item (this runs for every item of every graph.json read)."""
    on_link = kind == "links"
    for key, kinds in _ATTRIBUTES.items():
        if key in item and type(item[key]) not in kinds and not (on_link and key == "source"):
            raise _shape_error(
                f'{kind}[{index}] "{key}" is a JSON {type(item[key]).__name__} of the wrong kind'
            )
    aliases = item.get("aliases")
    if aliases and not all(type(a) is str for a in aliases):
        raise _shape_error(f'{kind}[{index}] "aliases" holds something other than strings')
    for key in _LINK_SOURCES if on_link else _NODE_SOURCES:
        source = item.get(key) or {}
        for field, kinds in _SOURCE.items():
            if type(source.get(field)) not in kinds:
                raise _shape_error(f'{kind}[{index}] "{key}.{field}" is of the wrong kind')


def _check_nodes(nodes: list) -> set[str]:
    ids: set[str] = set()
    for index, item in enumerate(nodes):
        if type(item) is not dict:
            raise _shape_error(f"nodes[{index}] is not an object")
        if type(item.get("id")) is not str or type(item.get("type")) is not str:
            key = "id" if type(item.get("id")) is not str else "type"
            raise _shape_error(f'nodes[{index}] has no string "{key}" ({item.get(key)!r:.80})')
        _check_attributes("nodes", index, item)
        if item["id"] in ids:
            raise _shape_error(f"nodes[{index}]: id {item['id']!r:.80} appears twice")
        ids.add(item["id"])
    return ids


def _check_links(links: list, ids: set[str]) -> None:
    for index, item in enumerate(links):
        if type(item) is not dict:
            raise _shape_error(f"links[{index}] is not an object")
        for key in ("source", "target", "type"):
            if type(item.get(key)) is not str:
                raise _shape_error(f'links[{index}] has no string "{key}" ({item.get(key)!r:.80})')
        if type(item.get("key")) not in _KEY_TYPES:
            raise _shape_error(f'links[{index}] "key" is not a number or a string')
        _check_attributes("links", index, item)
        if item["source"] not in ids or item["target"] not in ids:
            key = "source" if item["source"] not in ids else "target"
            raise _shape_error(f'links[{index}] "{key}" names no node: {item[key]!r:.80}')


def checked_node_link_data(text: str) -> dict:
    """The node-link data of a graph.json text; a file of another shape raises ``ValueError`` saying
    what is wrong (``links: null``, a link to a missing node, a node without ``type``, an integer id,
    nesting too deep for the parser, not an object)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON: {err}") from None
    except RecursionError:
        raise ValueError("not a graph.json: nested too deeply to read") from None
    if not isinstance(data, dict):
        raise _shape_error(f"the top level is a JSON {type(data).__name__}, not an object")
    for key in ("nodes", "links"):
        if not isinstance(data.get(key), list):
            raise _shape_error(f'"{key}" is {json.dumps(data.get(key))[:40]}, not a list')
    if not isinstance(data.get("graph", {}), dict):
        raise _shape_error('"graph" is not an object')
    plans = data.get("graph", {}).get("plans", [])
    if not isinstance(plans, list) or not all(isinstance(p, str) for p in plans):
        raise _shape_error('"graph.plans" is not a list of strings')
    _check_links(data["links"], _check_nodes(data["nodes"]))
    return data


def parse_graph_json(text: str) -> nx.MultiDiGraph:
    """Parse node-link JSON text; a file of another shape raises ``ValueError`` saying why."""
    import networkx as nx

    data = {**checked_node_link_data(text), "directed": True, "multigraph": True}
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    graph.graph.setdefault("plans", [])
    return graph


# A bound on what is read (the graph.json of the largest accepted plan is far smaller): a device or a
# file longer than it claims is never read until memory runs out.
MAX_GRAPH_JSON_BYTES = 1024 * 1024 * 1024


def read_graph_json_bytes(path: str | Path) -> bytes:
    """The bytes of a graph.json: a regular file only, bounded (``kg.io.read_regular_bytes``)."""
    from kg.io import read_regular_bytes

    return read_regular_bytes(path, MAX_GRAPH_JSON_BYTES, "a graph.json file")


def read_graph_json_text(path: str | Path) -> str:
    """The text of a graph.json (``read_graph_json_bytes``), UTF-8."""
    return read_graph_json_bytes(path).decode("utf-8")


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    return parse_graph_json(read_graph_json_text(path))
