"""The Bolt loader against a real Neo4j, and the pure Cypher builders it runs."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from neo4j import GraphDatabase

from kg.exports.neo4j import Neo4jConnectionError, Neo4jLoadError, load_graph
from kg.exports.neo4j_cypher import label, merge_nodes, merge_relationships, rel_type, schema_statements
from kg.exports.neo4j_rows import flatten_props, node_rows, plan_ids
from tests.exports.neo4j_samples import OTHER_PLAN, other_plan_graph
from tests.fixtures.tiny import PLAN_ID


def _one(driver, database, cypher, **params):
    records, _, _ = driver.execute_query(cypher, params, database_=database)
    return [record.data() for record in records]


def _counts(driver, database, plan):
    nodes = _one(
        driver,
        database,
        "MATCH (n:Entity) WHERE $plan IN n.planIds "
        "RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS n",
        plan=plan,
    )
    rels = _one(
        driver,
        database,
        "MATCH (:Entity)-[r]->(:Entity) WHERE $plan IN r.planIds RETURN type(r) AS type, count(*) AS n",
        plan=plan,
    )
    return {row["label"]: row["n"] for row in nodes}, {row["type"]: row["n"] for row in rels}


# --- pure builders -------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["Person", "platform", "Platform`) DETACH DELETE (n", ""])
def test_builder_refuses_labels_outside_the_ontology(bad):
    with pytest.raises(ValueError):
        label(bad)
    with pytest.raises(ValueError):
        merge_nodes(bad)


def test_builder_refuses_relationship_types_outside_the_ontology():
    with pytest.raises(ValueError, match="unknown edge type 'KNOWS'"):
        merge_relationships("KNOWS")
    assert rel_type("LOCATED_IN") == "`LOCATED_IN`"


def test_merge_statements_take_every_value_as_a_parameter():
    cypher = merge_nodes("Platform")
    assert cypher.startswith("UNWIND $rows AS row\nMERGE (n:Entity {id: row.id})\nSET n:`Platform`")
    assert "SET n += row.props" in cypher
    assert "MERGE (a)-[r:`SUPPORTS`]->(b)" in merge_relationships("SUPPORTS")


def test_schema_statements_are_idempotent_and_cover_every_label():
    statements = schema_statements()
    assert all(" IF NOT EXISTS " in s for s in statements)
    assert statements[0] == "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"
    assert "CREATE INDEX target_year IF NOT EXISTS FOR (n:`Target`) ON (n.year)" in statements
    assert sum("REQUIRE n.id IS UNIQUE" in s for s in statements) == 1 + 17  # Entity + each node type


def test_flatten_props_follows_the_storage_conventions():
    props = flatten_props(
        {
            "name": "x",
            "gone": None,
            "aliases": ["a", "b"],
            "mixed": [1, "a"],
            "nested": {"k": 1},
            "source": {"planId": "p", "path": "第一篇", "lineStart": 3, "lineEnd": 4, "quote": "q"},
        }
    )
    assert props == {
        "name": "x",
        "aliases": ["a", "b"],
        "mixed": '[1, "a"]',
        "nested": '{"k": 1}',
        "sourcePlan": "p",
        "sourcePath": "第一篇",
        "sourceLineStart": 3,
        "sourceLineEnd": 4,
        "sourceQuote": "q",
    }


def test_plan_ids_fall_back_to_the_graphs_plans_and_join_plans_of_two_graphs(tiny_graph):
    nodes, edges = plan_ids(tiny_graph)
    assert nodes["district:杭州市"] == [PLAN_ID]  # no source of its own, no provenance around it
    assert edges[("district:杭州市滨江区", "district:杭州市", "LOCATED_IN")] == [PLAN_ID]
    rows = node_rows(tiny_graph)
    assert sorted(rows) == sorted(Counter(a["type"] for _, a in tiny_graph.nodes(data=True)))


# --- against the real server ---------------------------------------------------------------------


@pytest.mark.requires_neo4j
def test_load_writes_every_node_and_relationship(tiny_graph, neo4j_driver, neo4j_database, neo4j_plans):
    neo4j_plans.claim(PLAN_ID)
    summary = load_graph(tiny_graph, neo4j_driver, database=neo4j_database, batch_size=3, progress=False)
    nodes, rels = _counts(neo4j_driver, neo4j_database, PLAN_ID)
    expected_nodes = Counter(a["type"] for _, a in tiny_graph.nodes(data=True))
    expected_rels = Counter(k for *_, k in tiny_graph.edges(keys=True))
    assert nodes == dict(expected_nodes) == summary.nodes
    assert rels == dict(expected_rels) == summary.relationships
    assert rels == {"LOCATED_IN": 5, "MEASURED_BY": 3, "MENTIONS": 5, "PART_OF": 7, "SUPPORTS": 4}


@pytest.mark.requires_neo4j
def test_loaded_properties_keep_their_values_and_types(tiny_graph, neo4j_driver, neo4j_database, neo4j_plans):
    neo4j_plans.claim(PLAN_ID)
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, progress=False)
    [target] = _one(
        neo4j_driver, neo4j_database, "MATCH (t:Target) WHERE $p IN t.planIds RETURN t", p=PLAN_ID
    )
    t = target["t"]
    assert (t["year"], t["value"], t["unit"], t["comparator"], t["number"]) == (
        2030,
        "1000",
        "亿元",
        ">",
        1000.0,
    )
    assert t["sourcePath"] == "第一篇/第一章/第一节/专栏1/1"
    assert (t["sourceLineStart"], t["sourceLineEnd"]) == (11, 11)
    assert t["sourceQuote"] == "到2030年，集成电路产业营业收入超1000亿元"
    assert "source" not in t
    [row] = _one(
        neo4j_driver,
        neo4j_database,
        "MATCH (d:District:Entity {id: 'district:杭州市滨江区'}) RETURN d.aliases AS a, d.planIds AS p",
    )
    assert row == {"a": ["滨江", "杭州高新区（滨江）"], "p": [PLAN_ID]}
    [ind] = _one(
        neo4j_driver,
        neo4j_database,
        "MATCH (i:Indicator {id: $id}) RETURN i.binding AS b, keys(i) AS k",
        id=f"{PLAN_ID}/indicator/1",
    )
    assert ind["b"] is False and "target" not in ind["k"]  # None is dropped
    [rel] = _one(
        neo4j_driver,
        neo4j_database,
        "MATCH (:Platform {id: 'platform:钱塘芯谷'})-[r:SUPPORTS]->(:IndustryCluster) "
        "RETURN properties(r) AS r",
    )
    assert rel["r"]["sourceQuote"] == "滨江物联网小镇" and rel["r"]["sourcePlan"] == PLAN_ID
    [table] = _one(
        neo4j_driver, neo4j_database, "MATCH (t:Table {id: $id}) RETURN t.rows AS r", id=f"{PLAN_ID}/table/20"
    )
    assert table["r"] == ["序号 | 指标名称", "1 | 地区生产总值增长(%)"]


@pytest.mark.requires_neo4j
def test_loading_twice_gives_the_same_database(tiny_graph, neo4j_driver, neo4j_database, neo4j_plans):
    neo4j_plans.claim(PLAN_ID)
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, progress=False)
    first = _counts(neo4j_driver, neo4j_database, PLAN_ID)
    props = _one(
        neo4j_driver, neo4j_database, "MATCH (n:Entity) RETURN n.id AS id, properties(n) AS p ORDER BY id"
    )
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, batch_size=1, progress=False)
    assert _counts(neo4j_driver, neo4j_database, PLAN_ID) == first
    again = _one(
        neo4j_driver, neo4j_database, "MATCH (n:Entity) RETURN n.id AS id, properties(n) AS p ORDER BY id"
    )
    assert again == props


@pytest.mark.requires_neo4j
def test_wipe_removes_only_that_plans_data(tiny_graph, neo4j_driver, neo4j_database, neo4j_plans):
    neo4j_plans.claim(PLAN_ID, OTHER_PLAN)
    other = other_plan_graph()
    load_graph(other, neo4j_driver, database=neo4j_database, progress=False)
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, progress=False)
    other_counts = _counts(neo4j_driver, neo4j_database, OTHER_PLAN)
    [shared] = _one(
        neo4j_driver,
        neo4j_database,
        "MATCH (c:IndustryCluster {id: 'cluster:集成电路'}) RETURN c.planIds AS p",
    )
    assert sorted(shared["p"]) == [PLAN_ID, OTHER_PLAN]

    # Reloading the tiny plan with wipe=True first removes it, then loads it again; the other plan stays.
    summary = load_graph(tiny_graph, neo4j_driver, database=neo4j_database, wipe=True, progress=False)
    assert summary.wiped_plans == [PLAN_ID]
    assert _counts(neo4j_driver, neo4j_database, OTHER_PLAN) == other_counts

    from kg.exports.neo4j import wipe_plans

    wipe_plans(neo4j_driver, [PLAN_ID], database=neo4j_database)
    assert _counts(neo4j_driver, neo4j_database, PLAN_ID) == ({}, {})
    assert _counts(neo4j_driver, neo4j_database, OTHER_PLAN) == other_counts
    gone = _one(
        neo4j_driver,
        neo4j_database,
        "MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS c",
        p=PLAN_ID + "/",
    )
    assert gone == [{"c": 0}]
    [survivor] = _one(
        neo4j_driver,
        neo4j_database,
        "MATCH (:Platform {id: 'platform:钱塘芯谷'})-[r:SUPPORTS]->"
        "(c:IndustryCluster {id: 'cluster:集成电路'}) "
        "RETURN c.planIds AS p, r.planIds AS r",
    )
    assert survivor == {"p": [OTHER_PLAN], "r": [OTHER_PLAN]}
    assert other.number_of_nodes() == sum(other_counts[0].values())


@pytest.mark.requires_neo4j
def test_a_failing_batch_is_named(tiny_graph, neo4j_driver, neo4j_database, neo4j_plans):
    neo4j_plans.claim(PLAN_ID)
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, progress=False)  # creates the constraints
    # A foreign node (not :Entity) holding a Platform id makes the second Platform batch break the constraint.
    _one(neo4j_driver, neo4j_database, "CREATE (:Platform {id: 'platform:钱塘芯谷-clash'})")
    try:
        g = tiny_graph
        g.add_node("platform:钱塘芯谷-clash", type="Platform", name="冲突")
        with pytest.raises(Neo4jLoadError, match=r"^Platform nodes: batch 3 of 3 \(rows 3-3\) failed: "):
            load_graph(g, neo4j_driver, database=neo4j_database, batch_size=1, wipe=True, progress=False)
    finally:
        _one(
            neo4j_driver, neo4j_database, "MATCH (n:Platform {id: 'platform:钱塘芯谷-clash'}) DETACH DELETE n"
        )


def test_unreachable_server_raises_a_clear_error(tiny_graph):
    expected = r"^cannot reach Neo4j: .*127\.0\.0\.1:1"
    with (
        GraphDatabase.driver("bolt://127.0.0.1:1", connection_timeout=2) as driver,
        pytest.raises(Neo4jConnectionError, match=expected) as info,
    ):
        load_graph(tiny_graph, driver, progress=False)
    assert "\n" not in str(info.value)


@pytest.mark.requires_neo4j
def test_unknown_database_raises_a_clear_error(tiny_graph, neo4j_driver):
    with pytest.raises(Neo4jConnectionError, match=r"^Neo4j has no database 'nosuchdb'"):
        load_graph(tiny_graph, neo4j_driver, database="nosuchdb", progress=False)


def test_json_strings_round_trip():
    assert json.loads(flatten_props({"n": {"a": [1, 2]}})["n"]) == {"a": [1, 2]}


def test_schema_names_are_read_from_the_statements():
    from kg.exports.neo4j_cypher import schema_name, schema_statements

    names = [schema_name(s) for s in schema_statements()]
    assert names[:2] == ["entity_id", "entity_name"]
    assert len(names) == len(set(names))


@pytest.mark.requires_neo4j
def test_a_second_schema_pass_creates_nothing_and_every_item_exists(neo4j_driver, neo4j_database):
    from kg.exports.neo4j import Neo4jWriter
    from kg.exports.neo4j_cypher import schema_name, schema_statements

    writer = Neo4jWriter(neo4j_driver, neo4j_database, progress=False)
    writer.create_schema()
    writer.create_schema()
    records, _, _ = neo4j_driver.execute_query("SHOW INDEXES YIELD name", database_=neo4j_database)
    constraints, _, _ = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name", database_=neo4j_database)
    existing = {r["name"] for r in records} | {r["name"] for r in constraints}
    assert {schema_name(s) for s in schema_statements()} <= existing
