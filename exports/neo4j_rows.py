"""Graph -> Neo4j property rows, shared by the Bolt loader and the neo4j-admin CSV writer.

Conventions (docs/named-queries.md): ``source``/``provenance`` dicts become ``sourcePlan``,
``sourcePath``, ``sourceLineStart``, ``sourceLineEnd``, ``sourceQuote``; ``None`` is dropped; lists
of scalars of one kind (and empty lists) stay lists; any other nested value becomes a JSON string.

Every node and relationship also gets ``planIds``, the plans that state it, so that one plan's data
can be removed without touching another's: a plan-scoped node belongs to its plan; a shared entity
(district, platform, ...) to every plan whose text or edges touch it.

Plan-specific facts on shared elements (a shared node, or a relationship between two shared nodes) are
their provenance (``PLAN_SPECIFIC``): the Bolt loader keeps each plan's copy apart as ``key@planId``
properties (``bolt_row``), so that wiping one plan removes exactly its share (see ``neo4j_cypher``).

>>> flatten_props({"name": "钱塘区", "aliases": ["钱塘"], "x": None, "source": {"planId": "p"}})
{'name': '钱塘区', 'aliases': ['钱塘'], 'sourcePlan': 'p'}
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

PROVENANCE_KEYS = {
    "planId": "sourcePlan",
    "path": "sourcePath",
    "lineStart": "sourceLineStart",
    "lineEnd": "sourceLineEnd",
    "quote": "sourceQuote",
}
# Properties that say where one plan states an element; every other property of a shared element is
# the same whichever plan states it (names, aliases, codes from the gazetteer).
PLAN_SPECIFIC = (*PROVENANCE_KEYS.values(), "moreLines", "moreQuotes")
SHARE_SEPARATOR = "@"
_SCALARS = (str, bool, int, float)


def _scalar_kind(value: Any) -> type | None:
    if isinstance(value, bool):
        return bool
    if isinstance(value, int | float):
        return float if isinstance(value, float) else int
    return str if isinstance(value, str) else None


def neo4j_value(value: Any) -> Any:
    """A value Neo4j can store: scalars as they are, homogeneous scalar lists, else JSON text."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple) and not value:
        return []  # an empty list stays a list (Neo4j stores it), not the text "[]"
    if isinstance(value, list | tuple):
        kinds = {_scalar_kind(item) for item in value}
        if len(kinds) == 1 and None not in kinds:
            return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def flatten_props(attrs: Mapping[str, Any], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Flatten one node's or edge's attributes into Neo4j properties (see module docstring)."""
    props: dict[str, Any] = {}
    for key, value in attrs.items():
        if key in skip or value is None:
            continue
        if key in ("source", "provenance") and isinstance(value, Mapping):
            for inner, flat in PROVENANCE_KEYS.items():
                if value.get(inner) is not None:
                    props[flat] = value[inner]
            continue
        props[key] = neo4j_value(value)
    return props


def _own_plan(attrs: Mapping[str, Any], key: str) -> str | None:
    where = attrs.get(key)
    return where.get("planId") if isinstance(where, Mapping) else None


def plan_ids(graph: nx.MultiDiGraph) -> tuple[dict[str, list[str]], dict[tuple, list[str]]]:
    """``planIds`` for every node and every edge ``(start, end, type)``, each a sorted list.

    A node's plans: its own source's plan, the plans of its incident edges' provenance and of its
    neighbours' sources. An edge's plans: its provenance's plan, else the plans its endpoints share.
    Whatever is left without evidence belongs to every plan of the graph (``graph.graph["plans"]``).
    """
    fallback = set(graph.graph.get("plans") or [])
    nodes: dict[str, set[str]] = defaultdict(set)
    for node, attrs in graph.nodes(data=True):
        own = _own_plan(attrs, "source")
        if own:
            nodes[node].add(own)
    for start, end, attrs in graph.edges(data=True):
        for plan in (_own_plan(attrs, "provenance"), _own_plan(graph.nodes[start], "source")):
            if plan:
                nodes[end].add(plan)
        for plan in (_own_plan(attrs, "provenance"), _own_plan(graph.nodes[end], "source")):
            if plan:
                nodes[start].add(plan)
    for node in graph.nodes:
        if not nodes[node]:
            nodes[node] = set(fallback)
    edges: dict[tuple, set[str]] = {}
    for start, end, key, attrs in graph.edges(keys=True, data=True):
        own = _own_plan(attrs, "provenance")
        plans = {own} if own else (nodes[start] & nodes[end]) or (nodes[start] | nodes[end]) or fallback
        edges[(start, end, key)] = set(plans)
        nodes[start] |= plans
        nodes[end] |= plans
    return (
        {node: sorted(plans) for node, plans in nodes.items()},
        {edge: sorted(plans) for edge, plans in edges.items()},
    )


def node_rows(graph: nx.MultiDiGraph, plans: tuple | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows ``{"id", "props"}`` grouped by node type (the Neo4j label), in id order.

    ``plans`` is ``plan_ids(graph)`` when the caller has it already (it is the costly part)."""
    node_plans, _ = plans or plan_ids(graph)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in sorted(graph.nodes):
        attrs = graph.nodes[node]
        props = flatten_props(attrs)
        props["id"] = node
        grouped[attrs["type"]].append({"id": node, "props": props, "planIds": node_plans[node]})
    return dict(sorted(grouped.items()))


def relationship_rows(graph: nx.MultiDiGraph, plans: tuple | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows ``{"start", "end", "props"}`` grouped by edge type (the relationship type); ``plans`` as
    in ``node_rows``."""
    _, edge_plans = plans or plan_ids(graph)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for start, end, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        row = {
            "start": start,
            "end": end,
            "props": flatten_props(attrs, skip=("type",)),
            "planIds": edge_plans[(start, end, key)],
        }
        grouped[attrs.get("type", key)].append(row)
    return dict(sorted(grouped.items()))


def share_key(key: str, plan: str) -> str:
    """The property holding one plan's copy of a plan-specific ``key`` on a shared element.

    >>> share_key("sourceQuote", "nanjing-15th")
    'sourceQuote@nanjing-15th'
    """
    return f"{key}{SHARE_SEPARATOR}{plan}"


def cleared_shares(plan: str) -> dict[str, None]:
    """Every share property of ``plan`` set to null (``SET n += $cleared`` removes them)."""
    return {share_key(key, plan): None for key in PLAN_SPECIFIC}


def scoped_ids(graph: nx.MultiDiGraph) -> set[str]:
    """Ids of plan-scoped nodes: the plan's own node and every id under ``<planId>/`` of its source."""
    scoped = set()
    for node, attrs in graph.nodes(data=True):
        plan = _own_plan(attrs, "source")
        if plan and (node == plan or node.startswith(plan + "/")):
            scoped.add(node)
    return scoped


def bolt_row(row: dict[str, Any], shared: bool) -> dict[str, Any]:
    """A node or relationship row as the Bolt loader writes it: ``props`` (all properties when plan-scoped;
    without ``PLAN_SPECIFIC`` when shared), ``source`` (a shared element's provenance, written on top only
    while no other plan's is there) and ``shares`` (that provenance under ``key@planId``)."""
    if not shared:
        return {**row, "source": {}, "shares": {}}
    props = {k: v for k, v in row["props"].items() if k not in PLAN_SPECIFIC}
    source = {k: v for k, v in row["props"].items() if k in PLAN_SPECIFIC}
    plan = source.get("sourcePlan")
    shares = {share_key(k, plan): v for k, v in source.items()} if plan else {}
    return {**row, "props": props, "source": source, "shares": shares}


def content_hashes(
    nodes: dict[str, list[dict[str, Any]]], relationships: dict[str, list[dict[str, Any]]], plans: list[str]
) -> dict[str, str]:
    """A SHA-256 per plan over every row that plan is in: equal hashes, equal content."""
    digests = {plan: hashlib.sha256() for plan in plans}
    for kind, grouped in (("node", nodes), ("relationship", relationships)):
        for group, rows in sorted(grouped.items()):
            for row in rows:
                text = json.dumps([kind, group, row], ensure_ascii=False, sort_keys=True, default=str)
                for plan in row["planIds"]:
                    if plan in digests:
                        digests[plan].update(text.encode("utf-8", "surrogatepass") + b"\n")
    return {plan: digest.hexdigest() for plan, digest in digests.items()}
