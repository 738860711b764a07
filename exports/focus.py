"""Pick nodes by name or alias and cut out their neighbourhood, for focused HTML pages."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import networkx as nx

# Structural and administrative hubs: shown on a focus page but not walked through, otherwise a
# depth-2 page reaches half the plan through "第一篇" or "杭州市".
HUB_TYPES = frozenset({"Plan", "Part", "Chapter", "Section", "District"})


def _norm(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().casefold()


def find_nodes(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Ids of the nodes whose id, name or one of whose ``aliases`` equals ``name`` (NFKC, case-folded).

    Raises ``ValueError`` naming a few close candidates when nothing matches.
    """
    wanted = _norm(name)
    found = []
    for node_id, attrs in graph.nodes(data=True):
        aliases = attrs.get("aliases") or []
        keys = {_norm(node_id), _norm(attrs.get("name", ""))} | {_norm(a) for a in aliases}
        if wanted in keys:
            found.append(node_id)
    if not found:
        near = sorted(
            {str(a.get("name")) for _, a in graph.nodes(data=True) if wanted in _norm(a.get("name"))}
        )
        hint = f"; did you mean: {', '.join(near[:5])}" if near else ""
        raise ValueError(f"no node named {name!r}{hint}")
    return sorted(found)


def neighbourhood(
    graph: nx.MultiDiGraph,
    seeds: Iterable[str],
    depth: int,
    *,
    stop_types: frozenset[str] = frozenset(),
    skip_types: frozenset[str] = frozenset(),
) -> set[str]:
    """Nodes within ``depth`` hops of ``seeds``, ignoring edge direction.

    Nodes of ``stop_types`` are included but not expanded (unless they are seeds); nodes of
    ``skip_types`` are left out altogether.
    """
    if depth < 0:
        raise ValueError(f"depth must be >= 0, got {depth}")
    seeds = set(seeds)
    frontier = set(seeds)
    seen = set(seeds)
    for _ in range(depth):
        step = set()
        for node in frontier:
            if node not in seeds and graph.nodes[node].get("type") in stop_types:
                continue
            for other in (*graph.successors(node), *graph.predecessors(node)):
                if other not in seen and graph.nodes[other].get("type") not in skip_types:
                    step.add(other)
        seen |= step
        frontier = step
    return seen


def focus_subgraph(graph: nx.MultiDiGraph, name: str, depth: int = 2) -> tuple[nx.MultiDiGraph, list[str]]:
    """The subgraph around the node(s) called ``name``, and the ids of those nodes."""
    seeds = find_nodes(graph, name)
    keep = neighbourhood(graph, seeds, depth, stop_types=HUB_TYPES)
    return graph.subgraph(keep).copy(), seeds
