"""The named queries (``kg.queries.catalog``) run in memory on the networkx graph of ``kg.graph``.

This is the reference backend: the SPARQL and Cypher twins must return the same rows. It runs on a
networkx ``MultiDiGraph`` or on a read-only ``kg.graph_view.GraphView`` (no networkx import).
Names match exactly on the node's ``name`` (``kg.queries.resolve`` turns what people type into
stored names first); every node with that name and type takes part.

Where a row states a fact, it says where (``plan``, ``path``, ``line``, ``quote``): the provenance of
the edge or node, or, when a text unit (a measure) that MENTIONS the entity covers the edge's line in
the same plan and its quote contains the edge's quote, that whole statement (``statements``; one row
per such statement). A platform's districts are those its LOCATED_IN edges give in the plan of the
statement, else those any plan gives (``districts``), as on the analyst pages (``exports/plan_facts``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

from kg.queries.catalog import finish_rows, get_query, validate_params

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


def _name(graph: nx.MultiDiGraph, node: str | None) -> str | None:
    return None if node is None else graph.nodes[node].get("name")


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def location(source: dict | None) -> Row:
    """The ``plan``, ``path``, ``line`` and ``quote`` columns of a ``source``/``provenance`` dict."""
    source = source or {}
    return {
        "plan": source.get("planId"),
        "path": source.get("path"),
        "line": source.get("lineStart"),
        "quote": source.get("quote"),
    }


def statements(graph: nx.MultiDiGraph, node: str, provenance: dict | None) -> list[Row]:
    """Where the fact with ``provenance`` about ``node`` is stated: every text unit of the same plan
    that MENTIONS ``node``, covers the provenance's line and whose quote contains its quote; else the
    provenance itself."""
    own = location(provenance)
    plan, line, quote = own["plan"], _int(own["line"]), own["quote"]
    if plan is None or line is None or not isinstance(quote, str):
        return [own]
    found = []
    for other, _, edge in graph.in_edges(node, data=True):
        if edge.get("type") != "MENTIONS":
            continue
        source = graph.nodes[other].get("source") or {}
        start, end, text = _int(source.get("lineStart")), _int(source.get("lineEnd")), source.get("quote")
        if (
            source.get("planId") == plan
            and start is not None
            and end is not None
            and start <= line <= end
            and isinstance(text, str)
            and quote in text
        ):
            found.append(location(source))
    return found or [own]


def districts(graph: nx.MultiDiGraph, platform: str, plan: str | None) -> list[str]:
    """The District nodes ``platform`` is LOCATED_IN as ``plan`` states it, else as any plan does."""
    located = [
        (district, (edge.get("provenance") or {}).get("planId"))
        for district, edge in _out(graph, platform, "LOCATED_IN", "District")
    ]
    own = [d for d, p in located if plan is not None and p == plan]
    return own or [d for d, _ in located]


def _supporting_platforms(graph: nx.MultiDiGraph, cluster: str) -> Iterator[Row]:
    """Per Platform that SUPPORTS ``cluster``: one row per statement and district (``None`` if none)."""
    for platform, edge in _in(graph, cluster, "SUPPORTS", "Platform"):
        for where in statements(graph, platform, edge.get("provenance")):
            for district in districts(graph, platform, where["plan"]) or [None]:
                yield {"platform": _name(graph, platform), "district": _name(graph, district), **where}


def platforms_for_cluster(graph: nx.MultiDiGraph, cluster: str) -> Iterator[Row]:
    for node in _named(graph, "IndustryCluster", cluster):
        yield from _supporting_platforms(graph, node)


def clusters_in_district(graph: nx.MultiDiGraph, district: str) -> Iterator[Row]:
    for node in _named(graph, "District", district):
        for platform, _ in _in(graph, node, "LOCATED_IN", "Platform"):
            for cluster, edge in _out(graph, platform, "SUPPORTS", "IndustryCluster"):
                for where in statements(graph, platform, edge.get("provenance")):
                    if node in districts(graph, platform, where["plan"]):
                        yield _cluster_row(graph, cluster, _name(graph, platform), where)
        for cluster, edge in _out(graph, node, "SUPPORTS", "IndustryCluster"):
            for where in statements(graph, node, edge.get("provenance")):
                yield _cluster_row(graph, cluster, _name(graph, node), where)


def _cluster_row(graph: nx.MultiDiGraph, cluster: str, via: str | None, where: Row) -> Row:
    attrs = graph.nodes[cluster]
    return {"cluster": attrs.get("name"), "tier": attrs.get("tier"), "via": via, **where}


def targets_for_year(graph: nx.MultiDiGraph, year: int) -> Iterator[Row]:
    for _, attrs in graph.nodes(data=True):
        if attrs.get("type") != "Target" or _int(attrs.get("year")) != year:
            continue
        yield {
            "subject": attrs.get("subject"),
            "value": attrs.get("value"),
            "unit": attrs.get("unit"),
            "comparator": attrs.get("comparator"),
            **location(attrs.get("source")),
        }


def binding_indicators(graph: nx.MultiDiGraph) -> Iterator[Row]:
    for _, attrs in graph.nodes(data=True):
        if attrs.get("type") == "Indicator" and attrs.get("binding") is True:
            row = {c: attrs.get(c) for c in ("number", "name", "unit", "baseline", "target")}
            yield {"table": attrs.get("kind") or "main", **row, **location(attrs.get("source"))}


def platform_profile(graph: nx.MultiDiGraph, platform: str) -> Iterator[Row]:
    for node in _named(graph, "Platform", platform):
        edges = [("out", other, attrs) for _, other, attrs in graph.out_edges(node, data=True)]
        edges += [("in", other, attrs) for other, _, attrs in graph.in_edges(node, data=True)]
        for direction, other, attrs in edges:
            for where in statements(graph, node, attrs.get("provenance")):
                yield {
                    "relation": attrs.get("type"),
                    "direction": direction,
                    "otherType": graph.nodes[other].get("type"),
                    "other": _name(graph, other),
                    **where,
                }


def _concepts(attrs: dict) -> list[str]:
    labels = attrs.get("concepts") or []
    return [labels] if isinstance(labels, str) else list(labels)


def plans_for_concept(graph: nx.MultiDiGraph, concept: str) -> Iterator[Row]:
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") != "IndustryCluster" or concept not in _concepts(attrs):
            continue
        cluster = {"cluster": attrs.get("name")}
        rows = list(_supporting_platforms(graph, node))
        if not rows:
            rows = [{"platform": None, "district": None, **location(attrs.get("source"))}]
        for row in rows:
            yield {**row, **cluster, "plan": attrs.get("plan")}


def _cluster_plan(attrs: dict) -> str | None:
    """The plan a cluster belongs to: its source's, else its ``plan`` property."""
    return (attrs.get("source") or {}).get("planId") or attrs.get("plan")


def _matrix_clusters(graph: nx.MultiDiGraph, concept: str | None) -> Iterator[tuple[str, str, dict]]:
    """(row label, cluster, attrs): a cluster under each concept it carries, or under its own name when
    it carries none (as on matrix.html, ``exports.plan_facts.concept_plan_matrix``)."""
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") != "IndustryCluster":
            continue
        for label in _concepts(attrs) or [attrs.get("name")]:
            if concept is None or label == concept:
                yield label, node, attrs


def _cluster_targets(graph: nx.MultiDiGraph, cluster: str) -> list[str]:
    """Targets of the measures that mention the cluster, and those the cluster itself is MEASURED_BY."""
    found = {t for t, _ in _out(graph, cluster, "MEASURED_BY", "Target")}
    for measure, _ in _in(graph, cluster, "MENTIONS", "Measure"):
        found.update(t for t, _ in _out(graph, measure, "MEASURED_BY", "Target"))
    return sorted(found)


def _platform_districts(graph: nx.MultiDiGraph, cluster: str) -> set[tuple[str, str | None]]:
    """(platform, district name or None) per Platform that SUPPORTS the cluster: the matrix's count."""
    pairs = set()
    for platform, edge in _in(graph, cluster, "SUPPORTS", "Platform"):
        plan = (edge.get("provenance") or {}).get("planId")
        names = {_name(graph, d) for d in districts(graph, platform, plan)}
        pairs.update((platform, name) for name in names or {None})
    return pairs


def concept_matrix(graph: nx.MultiDiGraph, concept: str | None = None) -> Iterator[Row]:
    cells: dict[tuple, dict[str, set]] = {}
    for label, node, attrs in _matrix_clusters(graph, concept):
        cell = cells.setdefault((label, _cluster_plan(attrs)), {k: set() for k in ("c", "p", "t", "m")})
        cell["c"].add(node)
        cell["p"].update((node, *pair) for pair in _platform_districts(graph, node))
        cell["t"].update((node, t) for t in _cluster_targets(graph, node))
        cell["m"].update((node, m) for m, _ in _in(graph, node, "MENTIONS", "Measure"))
    for (label, plan), cell in cells.items():
        yield {"concept": label, "plan": plan, "clusters": len(cell["c"]), "platforms": len(cell["p"]),
               "targets": len(cell["t"]), "measures": len(cell["m"])}  # fmt: skip


def targets_for_concept(graph: nx.MultiDiGraph, concept: str) -> Iterator[Row]:
    for _, node, attrs in _matrix_clusters(graph, concept):
        cluster = {"plan": _cluster_plan(attrs), "cluster": attrs.get("name")}
        for row in _supporting_platforms(graph, node):
            yield {**row, "kind": "platform", "name": row["platform"], **cluster}
        for target in _cluster_targets(graph, node):
            t = graph.nodes[target]
            yield {
                **location(t.get("source")),
                **cluster,
                "kind": "target",
                "name": t.get("subject") or t.get("name"),
                "comparator": t.get("comparator"),
                "value": t.get("value"),
                "unit": t.get("unit"),
                "year": _int(t.get("year")),
            }


def indicator_across_plans(graph: nx.MultiDiGraph) -> Iterator[Row]:
    """Every main-table indicator; ``catalog.indicators_across_plans`` keeps those plans share."""
    for _, attrs in graph.nodes(data=True):
        if attrs.get("type") != "Indicator" or (attrs.get("kind") or "main") != "main":
            continue
        row = {c: attrs.get(c) for c in ("number", "name", "unit", "baseline", "target", "targetYear")}
        yield {**row, **location(attrs.get("source")), "plan": _cluster_plan(attrs)}


QUERY_FUNCTIONS: dict[str, Callable[..., Iterator[Row]]] = {
    "platforms-for-cluster": platforms_for_cluster,
    "clusters-in-district": clusters_in_district,
    "targets-for-year": targets_for_year,
    "binding-indicators": binding_indicators,
    "platform-profile": platform_profile,
    "plans-for-concept": plans_for_concept,
    "concept-matrix": concept_matrix,
    "targets-for-concept": targets_for_concept,
    "indicator-across-plans": indicator_across_plans,
}


def run_query(name: str, params: dict[str, Any] | None, graph: nx.MultiDiGraph) -> list[Row]:
    """Run the named query on ``graph``; rows carry exactly the documented columns, sorted.

    Raises ``ValueError`` for an unknown query or a missing, unknown or ill-typed parameter.
    """
    typed = validate_params(name, params)
    if get_query(name).grouped is not None:  # grouped over every plan, then filtered
        return finish_rows(name, QUERY_FUNCTIONS[name](graph), typed)
    plan = typed.pop("plan", None)
    rows = QUERY_FUNCTIONS[name](graph, **typed)
    return finish_rows(name, (row for row in rows if plan is None or row.get("plan") == plan))
