"""The named Cypher queries on the tiny graph in a real Neo4j: the same rows as the in-memory backend."""

from __future__ import annotations

import re

import pytest

from kg.exports.neo4j import load_graph
from kg.queries import memory
from kg.queries.catalog import QUERIES, get_query
from kg.queries.neo4j_backend import cypher_file_text, cypher_text, run_query, statement
from tests.fixtures.tiny import PLAN_ID
from tests.queries.tiny_rows import EXPECTED
from tests.queries.two_plans import with_concept

CASES = [
    ("platforms-for-cluster", {"cluster": "集成电路"}),
    ("clusters-in-district", {"district": "滨江区"}),
    ("targets-for-year", {"year": 2030}),
    ("binding-indicators", {}),
    ("platform-profile", {"platform": "滨江物联网小镇"}),
    ("plans-for-concept", {"concept": "集成电路"}),
]


@pytest.fixture
def loaded(tiny_graph, neo4j_driver, neo4j_database, neo4j_plans):
    with_concept(tiny_graph)
    neo4j_plans.claim(PLAN_ID)
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, progress=False)
    return neo4j_driver


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_file_has_a_comment_a_param_line_and_the_columns(name):
    text = cypher_file_text(name)
    assert text.startswith("// ")
    assert re.search(r"^// :param ", text, re.M)
    returned = re.findall(r"\bAS (\w+)", cypher_text(name).split("RETURN")[-1])
    assert tuple(returned) == get_query(name).columns
    assert "//" not in cypher_text(name) and ":param" not in cypher_text(name)


@pytest.mark.requires_neo4j
def test_platforms_for_cluster(loaded, neo4j_database):
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, loaded, neo4j_database)
    assert rows == EXPECTED[("platforms-for-cluster", "集成电路")]


@pytest.mark.requires_neo4j
def test_clusters_targets_and_indicators(loaded, neo4j_database):
    rows = run_query("clusters-in-district", {"district": "滨江区"}, loaded, neo4j_database)
    assert rows == EXPECTED[("clusters-in-district", "滨江区")]
    assert run_query("clusters-in-district", {"district": "杭州市"}, loaded, neo4j_database) == []
    rows = run_query("targets-for-year", {"year": "2030"}, loaded, neo4j_database)
    assert rows == EXPECTED[("targets-for-year", 2030)]
    assert run_query("binding-indicators", {}, loaded, neo4j_database) == EXPECTED[("binding-indicators",)]


@pytest.mark.requires_neo4j
def test_platform_profile(loaded, neo4j_database):
    for platform in ("滨江物联网小镇", "钱塘芯谷"):
        rows = run_query("platform-profile", {"platform": platform}, loaded, neo4j_database)
        assert rows == EXPECTED[("platform-profile", platform)]


@pytest.mark.requires_neo4j
def test_plans_for_concept(loaded, neo4j_database):
    rows = run_query("plans-for-concept", {"concept": "集成电路"}, loaded, neo4j_database)
    assert rows == EXPECTED[("plans-for-concept", "集成电路")]
    assert run_query("plans-for-concept", {"concept": "新一代信息技术"}, loaded, neo4j_database) == []


@pytest.mark.requires_neo4j
@pytest.mark.parametrize(("name", "params"), CASES)
def test_same_rows_as_the_in_memory_backend(loaded, neo4j_database, tiny_graph, name, params):
    rows = run_query(name, params, loaded, neo4j_database)
    assert rows and rows == memory.run_query(name, params, tiny_graph)
    # As pasted into the Browser: the documented columns in order, already sorted.
    records, _, _ = loaded.execute_query(cypher_text(name), params, database_=neo4j_database)
    assert tuple(records[0].keys()) == get_query(name).columns
    assert [record.data() for record in records] == rows


@pytest.mark.requires_neo4j
def test_bad_parameters_are_refused_before_the_server(neo4j_driver):
    with pytest.raises(ValueError, match="missing 'cluster'"):
        run_query("platforms-for-cluster", {}, neo4j_driver)
    with pytest.raises(ValueError, match="unknown query"):
        run_query("../etc/passwd", {}, neo4j_driver)


@pytest.mark.requires_neo4j
@pytest.mark.parametrize(("name", "params"), CASES)
def test_the_plan_filter_keeps_the_plans_rows(loaded, neo4j_database, name, params):
    rows = run_query(name, params, loaded, neo4j_database)
    assert rows and run_query(name, {**params, "plan": PLAN_ID}, loaded, neo4j_database) == rows
    assert run_query(name, {**params, "plan": "other-plan"}, loaded, neo4j_database) == []


def test_the_plan_filter_wraps_the_file_and_passes_the_plan_as_a_parameter():
    wrapped = statement("binding-indicators", filtered=("plan",))
    assert wrapped.startswith("CALL () {\n  MATCH (i:Indicator)")
    assert wrapped.endswith(
        "WITH * WHERE plan = $plan\nRETURN " + ", ".join(get_query("binding-indicators").columns)
    )
    assert statement("binding-indicators") == cypher_text("binding-indicators")
    both = statement("concept-matrix", filtered=("concept", "plan"))
    assert "WITH * WHERE concept = $concept AND plan = $plan\n" in both


@pytest.mark.requires_neo4j
def test_numbers_written_as_text_sort_by_value_as_pasted(
    tiny_graph, neo4j_driver, neo4j_database, neo4j_plans
):
    from tests.queries.numbers import NUMBERS_IN_ORDER, with_numbered_indicators

    graph = with_numbered_indicators(tiny_graph)
    neo4j_plans.claim(PLAN_ID)
    load_graph(graph, neo4j_driver, database=neo4j_database, progress=False)
    records, _, _ = neo4j_driver.execute_query(cypher_text("binding-indicators"), database_=neo4j_database)
    assert [(record["table"], record["number"]) for record in records] == NUMBERS_IN_ORDER
    assert [record.data() for record in records] == memory.run_query("binding-indicators", {}, graph)
