"""The graph builder keeps every id, name and indexed property short enough for a database index."""

from __future__ import annotations

import pytest

from kg.graph import MAX_KEY_BYTES, build_graph, fit_id
from kg.records import Edge, Node, Source

LONG = "长" * 3000  # 9,000 bytes in UTF-8: over Neo4j's ~8 KB index key limit


def _records():
    source = Source("long-plan", "第一章", 3, 3, LONG)
    return [
        Node("long-plan", "Plan", "长名规划", Source("long-plan", "", 1, 1, "长名规划")),
        Node(f"platform:{LONG}科技城", "Platform", f"{LONG}科技城", source),
        Edge(f"platform:{LONG}科技城", "long-plan", "MENTIONS", source),
    ]


def _long_graph():
    problems: list[dict] = []
    graph = build_graph(_records(), problems=problems)
    graph.graph["plans"] = ["long-plan"]
    return graph, problems


def test_an_over_long_name_is_shortened_at_build_time_with_a_problem():
    graph, problems = _long_graph()
    [platform] = [n for n, a in graph.nodes(data=True) if a["type"] == "Platform"]
    attrs = graph.nodes[platform]
    assert platform == fit_id(f"platform:{LONG}科技城") and len(platform.encode()) <= MAX_KEY_BYTES
    assert len(attrs["name"].encode()) <= MAX_KEY_BYTES and attrs["name"].endswith("…")
    assert attrs["source"]["quote"] == LONG  # the full text stays in the quote
    assert graph.has_edge(platform, "long-plan", key="MENTIONS")  # the edge follows the new id
    [problem] = problems
    assert (problem["plan"], problem["code"], problem["line"]) == ("long-plan", "name-too-long", 3)
    assert problem["message"].startswith("Platform name of 3003 characters shortened to 4096 bytes")


def test_shortened_ids_are_distinct_and_stable():
    a, b = fit_id("x" * 5000 + "a"), fit_id("x" * 5000 + "b")
    assert a != b and a == fit_id("x" * 5000 + "a")


@pytest.mark.requires_neo4j
def test_the_shortened_graph_loads_whole(neo4j_driver, neo4j_database, neo4j_plans):
    from kg.exports.neo4j import load_graph

    neo4j_plans.claim("long-plan")
    graph, _ = _long_graph()
    summary = load_graph(graph, neo4j_driver, database=neo4j_database, progress=False)
    assert summary.nodes == {"Plan": 1, "Platform": 1} and summary.relationships == {"MENTIONS": 1}


def test_graph_data_makes_the_multidigraph_a_direct_build_makes():
    """Two plans that share entities (merged props, repeated edges with more quotes): the graph built
    as plain dicts and made a MultiDiGraph equals the one built directly, in every order too."""
    from kg.graph import GraphData, to_networkx
    from kg.pipeline import build_graph_from_paths
    from tests.plans import HANGZHOU, NANJING

    direct = build_graph_from_paths([HANGZHOU, NANJING])
    data = build_graph_from_paths([HANGZHOU, NANJING], graph=GraphData())
    made = to_networkx(data)
    assert list(made.nodes(data=True)) == list(direct.nodes(data=True))
    assert list(made.edges(keys=True, data=True)) == list(direct.edges(keys=True, data=True))
    assert made.graph == direct.graph and list(made.graph) == list(direct.graph)
    assert data.number_of_nodes() == direct.number_of_nodes() > 3000
    assert data.number_of_edges() == direct.number_of_edges()
    assert any("moreQuotes" in attrs for *_, attrs in data.edges(data=True))  # a repeated edge merged
    assert to_networkx(direct) is direct
