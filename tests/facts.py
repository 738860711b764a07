"""The facts of a built graph that must not depend on layout, as comparable values: indicator rows,
clusters with tiers, platform-cluster and platform-district pairs, targets."""

from __future__ import annotations

import re
from collections import Counter

INDICATOR_FIELDS = (
    "number",
    "name",
    "category",
    "unit",
    "baseline",
    "baselineYear",
    "target",
    "targetYear",
    "annual",
    "cumulative",
    "attribute",
    "binding",
)


def normal_name(name: str | None) -> str | None:
    """Brackets made half-width and spaces dropped.

    >>> normal_name("养老机构护理型床位占比 （%）")
    '养老机构护理型床位占比(%)'
    """
    if name is None:
        return None
    return re.sub(r"\s+", "", name.replace("（", "(").replace("）", ")"))


def nodes(graph, kind: str) -> list[dict]:
    return [attrs for _, attrs in graph.nodes(data=True) if attrs["type"] == kind]


def structure_counts(graph) -> dict[str, int]:
    return {kind: len(nodes(graph, kind)) for kind in ("Part", "Chapter", "Section", "Box")}


def indicators(graph) -> list[tuple]:
    rows = []
    for attrs in nodes(graph, "Indicator"):
        row = {field: attrs.get(field) for field in INDICATOR_FIELDS}
        row["name"] = normal_name(row["name"])
        rows.append(tuple(row[field] for field in INDICATOR_FIELDS))
    return sorted(rows, key=lambda row: (str(row[0]), str(row[1])))


def clusters(graph) -> set[tuple]:
    return {(attrs["name"], attrs.get("tier")) for attrs in nodes(graph, "IndustryCluster")}


def pairs(graph, edge_type: str, source_type: str, target_type: str) -> set[tuple[str, str]]:
    found = set()
    for source, target, attrs in graph.edges(data=True):
        if (
            attrs["type"] == edge_type
            and graph.nodes[source]["type"] == source_type
            and graph.nodes[target]["type"] == target_type
        ):
            found.add((graph.nodes[source]["name"], graph.nodes[target]["name"]))
    return found


def supports(graph) -> set[tuple[str, str]]:
    return pairs(graph, "SUPPORTS", "Platform", "IndustryCluster")


def located_in(graph) -> set[tuple[str, str]]:
    return pairs(graph, "LOCATED_IN", "Platform", "District")


def targets(graph) -> Counter:
    return Counter((a.get("value"), a.get("unit"), a.get("year")) for a in nodes(graph, "Target"))
