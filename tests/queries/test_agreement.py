"""Every named query gives the same rows in memory, on the RDF export and in Neo4j, on the bundled
plan (the issue's agreement criterion, with a real Neo4j)."""

import pytest

from kg.exports.neo4j import load_graph
from kg.exports.rdf import graph_to_rdf
from kg.queries import memory, neo4j_backend, rdf_backend
from kg.queries.catalog import QUERIES
from tests.plans import HANGZHOU, built

CASES = [
    ("platforms-for-cluster", {"cluster": "集成电路"}),
    ("platforms-for-cluster", {"cluster": "人工智能"}),
    ("clusters-in-district", {"district": "萧山区"}),
    ("clusters-in-district", {"district": "滨江区"}),
    ("targets-for-year", {"year": 2030}),
    ("targets-for-year", {"year": 2027}),
    ("binding-indicators", {}),
    ("platform-profile", {"platform": "滨江物联网小镇"}),
    ("platform-profile", {"platform": "钱塘芯谷"}),
]


def test_cases_cover_every_named_query():
    assert {name for name, _ in CASES} == set(QUERIES)


@pytest.fixture(scope="module")
def loaded(neo4j_driver):
    from tests.neo4j_fixture import PlanCleaner, neo4j_settings

    graph = built(HANGZHOU)
    cleaner = PlanCleaner(neo4j_driver, neo4j_settings()[2])
    cleaner.claim(*graph.graph["plans"])
    load_graph(graph, neo4j_driver, database=neo4j_settings()[2], progress=False)
    yield graph, graph_to_rdf(graph)
    cleaner.cleanup()


@pytest.mark.requires_neo4j
@pytest.mark.parametrize(
    ("name", "params"), CASES, ids=[f"{n}-{'-'.join(map(str, p.values()))}" for n, p in CASES]
)
def test_three_backends_agree_on_the_bundled_plan(loaded, neo4j_driver, name, params):
    from tests.neo4j_fixture import neo4j_settings

    graph, rdf = loaded
    in_memory = memory.run_query(name, params, graph)
    assert in_memory, f"{name} {params} should return rows on the bundled plan"
    assert rdf_backend.run_query(name, params, rdf) == in_memory
    assert neo4j_backend.run_query(name, params, neo4j_driver, neo4j_settings()[2]) == in_memory
