"""graph.json: networkx node-link data, the contract other tools read (see README, "graph.json").

``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [{"id", "type", "name", ...}],
"links": [{"source", "target", "key", "type", "provenance"?, ...}]}``. Nodes and links are sorted so
that two builds of the same input are identical byte for byte.

The text is what ``json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True)`` writes. It is made
by orjson, 15 times faster than that encoder's pure-Python indenting path, whose two-space indents are
then halved (``_halve_indents``). Where orjson would write something else (a float under 1e-4, which
``json`` writes with an exponent, ``1e-05``; an integer beyond 64 bits; a key that is no string) the
batch is written by ``json``. A non-finite float becomes ``null`` (``json`` would write ``NaN``, which is no
JSON); no plan gives one (``loaders/interpreters/numbers.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg.io import atomic_open

BATCH = 2000  # nodes or links encoded at a time: a graph of 140 MB is never one string
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True)
# Numbers orjson writes otherwise than ``json``: 0.00001 (json: 1e-05) and 3e-7 (json: 3e-07). Found
# inside a string too, it only costs the batch the slower encoder.
_FORMATTED_OTHERWISE = re.compile(rb"0\.0000|e-[0-9](?![0-9])")


def _data(graph: nx.MultiDiGraph) -> dict:
    data = nx.node_link_data(graph, edges="links")
    data["nodes"].sort(key=lambda n: n["id"])
    data["links"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    return data


def _halve_indents(text: bytes) -> bytes:
    """orjson's two spaces a level as one. JSON text holds a line break only before an indent (in
    strings it is escaped), and no raw control character: so the deepest indent is replaced first,
    by marks (``\\x01``) that no shallower indent then matches, and the marks become spaces."""
    depth = 0
    while b"\n" + b"  " * (depth + 1) in text:
        depth += 1
    for level in range(depth, 0, -1):
        text = text.replace(b"\n" + b"  " * level, b"\n" + b"\x01" * level)
    return text.replace(b"\x01", b" ")


def _encode(value, depth: int) -> bytes:
    """``value`` as the ``json`` encoder writes it ``depth`` levels deep (its first line unindented)."""
    import orjson

    try:
        text = _halve_indents(orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    except TypeError:  # orjson.JSONEncodeError: the json encoder writes (or refuses) it
        text = None
    if text is None or _FORMATTED_OTHERWISE.search(text):
        text = _ENCODER.encode(value).encode("utf-8")
    return text.replace(b"\n", b"\n" + b" " * depth) if depth else text


def _items(items: list, depth: int) -> Iterator[bytes]:
    """The elements of a list ``depth`` levels deep, ``BATCH`` at a time, joined as ``json`` joins."""
    for start in range(0, len(items), BATCH):
        batch = _encode(items[start : start + BATCH], depth - 1)  # "[\n" + elements + "\n" + "]"
        yield (b",\n" if start else b"") + batch[2 : batch.rindex(b"\n")]


def _chunks(data: dict) -> Iterator[bytes]:
    yield b"{"
    for index, key in enumerate(sorted(data)):
        value = data[key]
        yield (b",\n " if index else b"\n ") + _encode(key, 0) + b": "
        if isinstance(value, list) and value:
            yield b"[\n"
            yield from _items(value, 2)
            yield b"\n ]"
        else:
            yield _encode(value, 1)
    yield b"\n}\n" if data else b"}\n"


def generate_json(graph: nx.MultiDiGraph) -> str:
    return b"".join(_chunks(_data(graph))).decode("utf-8")


def write_json(graph: nx.MultiDiGraph, path: str | Path, **_options) -> list[Path]:
    """Written as it is encoded, ``BATCH`` nodes or links at a time (graph.json of the largest
    accepted input is about 140 MB: one string of it was a tenth of the build's peak memory)."""
    with atomic_open(path, "wb", encoding=None) as handle:
        for chunk in _chunks(_data(graph)):
            handle.write(chunk)
    return [Path(path)]
