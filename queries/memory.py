"""The named queries (``kg.queries.catalog``) run in memory on the networkx graph of ``kg.graph``.

This is the reference backend: the SPARQL and Cypher twins must return the same rows.
Names match exactly on the node's ``name``; every node with that name and type takes part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

from kg.queries.catalog import finish_rows, validate_params

Row = dict[str, Any]


def _named(graph: nx.MultiDiGraph, node_type: str, name: str) -> list[str]:
    return [n for n, a in graph.nodes(data=True) if a.get("type") == node_type and a.get("name") == name]


def _out(graph: nx.MultiDiGraph, node: str, edge_type: str, other_type: str) -> Iterator[tuple[str, dict]]:
    for _, other, attrs in graph.out_edges(node, data=True):
        if attrs.get("type") == edge_type and graph.nodes[other].get("type") == other_type:
            yield other, attrs


def _in(graph: nx.MultiDiGraph, node: str, edge_type: str, other_type: str) -> Iterator[tuple[str, dict]]:
    for other, _, attrs in graph.in_edges(node, data=True):
        if attrs.get("type") == edge_type and graph.nodes[other].get("type") == other_type:
            yield other, attrs


def _quote(attrs: dict) -> str | None:
    return (attrs.get("provenance") or {}).get("quote")


def _name(graph: nx.MultiDiGraph, node: str) -> str | None:
    return graph.nodes[node].get("name")


def platforms_for_cluster(graph: nx.MultiDiGraph, cluster: str) -> Iterator[Row]:
    for node in _named(graph, "IndustryCluster", cluster):
        for platform, edge in _in(graph, node, "SUPPORTS", "Platform"):
            districts = [d for d, _ in _out(graph, platform, "LOCATED_IN", "District")] or [None]
            for district in districts:
                yield {
                    "platform": _name(graph, platform),
                    "district": None if district is None else _name(graph, district),
                    "quote": _quote(edge),
                }


def clusters_in_district(graph: nx.MultiDiGraph, district: str) -> Iterator[Row]:
    for node in _named(graph, "District", district):
        supporters = [p for p, _ in _in(graph, node, "LOCATED_IN", "Platform")] + [node]
        for supporter in supporters:
            for cluster, _ in _out(graph, supporter, "SUPPORTS", "IndustryCluster"):
                attrs = graph.nodes[cluster]
                via = _name(graph, supporter)
                yield {"cluster": attrs.get("name"), "tier": attrs.get("tier"), "via": via}


def targets_for_year(graph: nx.MultiDiGraph, year: int) -> Iterator[Row]:
    for _, attrs in graph.nodes(data=True):
        year_value = attrs.get("year")
        if attrs.get("type") != "Target" or isinstance(year_value, bool) or year_value != year:
            continue
        source = attrs.get("source") or {}
        yield {
            "subject": attrs.get("subject"),
            "value": attrs.get("value"),
            "unit": attrs.get("unit"),
            "comparator": attrs.get("comparator"),
            "path": source.get("path"),
            "quote": source.get("quote"),
        }


def binding_indicators(graph: nx.MultiDiGraph) -> Iterator[Row]:
    for _, attrs in graph.nodes(data=True):
        if attrs.get("type") == "Indicator" and attrs.get("binding") is True:
            yield {c: attrs.get(c) for c in ("number", "name", "unit", "baseline", "target")}


def platform_profile(graph: nx.MultiDiGraph, platform: str) -> Iterator[Row]:
    for node in _named(graph, "Platform", platform):
        edges = [("out", other, attrs) for _, other, attrs in graph.out_edges(node, data=True)]
        edges += [("in", other, attrs) for other, _, attrs in graph.in_edges(node, data=True)]
        for direction, other, attrs in edges:
            yield {
                "relation": attrs.get("type"),
                "direction": direction,
                "otherType": graph.nodes[other].get("type"),
                "other": _name(graph, other),
                "quote": _quote(attrs),
            }


def plans_for_concept(graph: nx.MultiDiGraph, concept: str) -> Iterator[Row]:
    for node, attrs in graph.nodes(data=True):
        labels = attrs.get("concepts") or []
        if attrs.get("type") != "IndustryCluster" or concept not in (
            [labels] if isinstance(labels, str) else labels
        ):
            continue
        platforms = [p for p, _ in _in(graph, node, "SUPPORTS", "Platform")] or [None]
        for platform in platforms:
            districts = (
                [None]
                if platform is None
                else [d for d, _ in _out(graph, platform, "LOCATED_IN", "District")]
            )
            for district in districts or [None]:
                yield {
                    "plan": attrs.get("plan"),
                    "cluster": attrs.get("name"),
                    "platform": None if platform is None else _name(graph, platform),
                    "district": None if district is None else _name(graph, district),
                }


QUERY_FUNCTIONS: dict[str, Callable[..., Iterator[Row]]] = {
    "platforms-for-cluster": platforms_for_cluster,
    "clusters-in-district": clusters_in_district,
    "targets-for-year": targets_for_year,
    "binding-indicators": binding_indicators,
    "platform-profile": platform_profile,
    "plans-for-concept": plans_for_concept,
}


def run_query(name: str, params: dict[str, Any] | None, graph: nx.MultiDiGraph) -> list[Row]:
    """Run the named query on ``graph``; rows carry exactly the documented columns, sorted.

    Raises ``ValueError`` for an unknown query or a missing, unknown or ill-typed parameter.
    """
    typed = validate_params(name, params)
    return finish_rows(name, QUERY_FUNCTIONS[name](graph, **typed))
