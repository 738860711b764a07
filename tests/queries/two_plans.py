"""Hangzhou and Guangzhou built together (one graph, two plans), once per test session."""

from __future__ import annotations

from functools import cache

import networkx as nx

from tests.plans import GUANGZHOU, HANGZHOU

HANGZHOU_ID = "330100-15"  # place code (GB/T 2260) + edition, from the title
GUANGZHOU_ID = "440100-15"
HANGZHOU_IC = f"{HANGZHOU_ID}/cluster/集成电路"
GUANGZHOU_IC = f"{GUANGZHOU_ID}/cluster/半导体与集成电路"


@cache
def two_plan_graph() -> nx.MultiDiGraph:
    """Treat as read-only: it is shared between tests."""
    from kg.pipeline import build_graph_from_paths

    return build_graph_from_paths([HANGZHOU, GUANGZHOU])


def with_concept(graph: nx.MultiDiGraph, cluster: str = "cluster:集成电路") -> nx.MultiDiGraph:
    """The tiny graph's cluster matched to the shared concept 集成电路, as the loaders do for plans."""
    graph.nodes[cluster].update(concepts=["集成电路"], conceptMatch="exact", plan="tiny-plan")
    return graph
