"""Several plans in one Neo4j: each keeps its own share of shared nodes; wiping one removes exactly it;
a plan id that is there with other content is refused unless replaced. Real Neo4j, real plans."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.exports.neo4j import Neo4jWriter, PlanConflictError, load_graph
from kg.exports.neo4j_rows import SHARE_SEPARATOR, flatten_props
from kg.graph import build_graph
from kg.records import Node
from tests.fixtures.real_plans import bundled_graph, nanjing_graph
from tests.fixtures.tiny import PLAN_ID, tiny_records
from tests.neo4j_fixture import neo4j_settings

pytestmark = pytest.mark.requires_neo4j
BOOKKEEPING = ("planIds", "contentHash")


def _rows(driver, database, cypher, **params):
    return [r.data() for r in driver.execute_query(cypher, params, database_=database).records]


def _stored(driver, database, plan):
    """Nodes and relationships of ``plan`` as stored, and the shares they hold, split apart."""
    nodes = _rows(
        driver,
        database,
        "MATCH (n:Entity) WHERE $p IN n.planIds RETURN n.id AS id, properties(n) AS p",
        p=plan,
    )
    rels = _rows(
        driver,
        database,
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE $p IN r.planIds "
        "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p",
        p=plan,
    )

    def split(props):
        own = {k: v for k, v in props.items() if SHARE_SEPARATOR not in k and k not in BOOKKEEPING}
        shares = {k: v for k, v in props.items() if SHARE_SEPARATOR in k}
        return own, shares

    return (
        {row["id"]: split(row["p"]) for row in nodes},
        {(row["a"], row["t"], row["b"]): split(row["p"]) for row in rels},
    )


def _expected(graph):
    nodes = {n: {**flatten_props(a), "id": n} for n, a in graph.nodes(data=True)}
    rels = {(s, k, e): flatten_props(a, skip=("type",)) for s, e, k, a in graph.edges(keys=True, data=True)}
    return nodes, rels


def test_wiping_one_plan_leaves_the_other_exactly_as_its_graph_says(
    neo4j_driver, neo4j_database, neo4j_plans
):
    nanjing, hangzhou = nanjing_graph(), bundled_graph()
    [nj], [hz] = nanjing.graph["plans"], hangzhou.graph["plans"]
    neo4j_plans.claim(nj, hz)
    shared = set(nanjing) & set(hangzhou)
    assert {nanjing.nodes[n]["type"] for n in shared} == {"District", "Platform"}
    load_graph(nanjing, neo4j_driver, database=neo4j_database, progress=False)
    alone = _stored(neo4j_driver, neo4j_database, nj)
    load_graph(hangzhou, neo4j_driver, database=neo4j_database, progress=False)

    # both loaded: a shared node keeps each plan's provenance apart, the first plan's on top
    both, _ = _stored(neo4j_driver, neo4j_database, nj)
    platform = next(n for n in shared if nanjing.nodes[n]["type"] == "Platform")
    own, shares = both[platform]
    assert own["sourcePlan"] == nj and own["sourceQuote"] == nanjing.nodes[platform]["source"]["quote"]
    assert shares[f"sourcePlan@{nj}"] == nj and shares[f"sourcePlan@{hz}"] == hz
    assert shares[f"sourceQuote@{hz}"] == hangzhou.nodes[platform]["source"]["quote"]

    neo4j_plans.claim(hz)  # wipes Hangzhou
    nodes, rels = _stored(neo4j_driver, neo4j_database, nj)
    want_nodes, want_rels = _expected(nanjing)
    assert {n: own for n, (own, _) in nodes.items()} == want_nodes
    assert {r: own for r, (own, _) in rels.items()} == want_rels
    assert (nodes, rels) == alone
    assert all(not k.endswith(SHARE_SEPARATOR + hz) for _, shares in nodes.values() for k in shares)
    left = _rows(
        neo4j_driver, neo4j_database, "MATCH (n:Entity) WHERE $p IN n.planIds RETURN count(n) AS c", p=hz
    )
    assert left == [{"c": 0}]


def test_plan_loaded_second_takes_the_top_when_the_first_is_wiped(neo4j_driver, neo4j_database, neo4j_plans):
    nanjing, hangzhou = nanjing_graph(), bundled_graph()
    [nj], [hz] = nanjing.graph["plans"], hangzhou.graph["plans"]
    neo4j_plans.claim(nj, hz)
    load_graph(nanjing, neo4j_driver, database=neo4j_database, progress=False)
    load_graph(hangzhou, neo4j_driver, database=neo4j_database, progress=False)
    Neo4jWriter(neo4j_driver, neo4j_database, progress=False).wipe([nj], batch_size=50)  # many small batches
    nodes, rels = _stored(neo4j_driver, neo4j_database, hz)
    want_nodes, want_rels = _expected(hangzhou)
    assert {n: own for n, (own, _) in nodes.items()} == want_nodes
    assert {r: own for r, (own, _) in rels.items()} == want_rels


def _changed_tiny():
    """The tiny plan with the same id and one name changed: another edition of the same plan."""
    records = [
        dataclasses.replace(r, name=r.name + "（修订）") if isinstance(r, Node) and r.type == "Measure" else r
        for r in tiny_records()
    ]
    graph = build_graph(records)
    graph.graph["plans"] = [PLAN_ID]
    return graph


def test_other_content_under_a_loaded_plan_id_is_refused_unless_wiped(
    tiny_graph, neo4j_driver, neo4j_database, neo4j_plans
):
    neo4j_plans.claim(PLAN_ID)
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, progress=False)
    load_graph(tiny_graph, neo4j_driver, database=neo4j_database, progress=False)  # same content: fine
    before = _stored(neo4j_driver, neo4j_database, PLAN_ID)
    changed = _changed_tiny()
    with pytest.raises(PlanConflictError, match=rf"^plan {PLAN_ID} is already in Neo4j with other content"):
        load_graph(changed, neo4j_driver, database=neo4j_database, progress=False)
    assert _stored(neo4j_driver, neo4j_database, PLAN_ID) == before  # nothing written
    load_graph(changed, neo4j_driver, database=neo4j_database, wipe=True, progress=False)
    measures = _rows(
        neo4j_driver, neo4j_database, "MATCH (m:Measure) WHERE $p IN m.planIds RETURN m.name AS n", p=PLAN_ID
    )
    assert measures and all(row["n"].endswith("（修订）") for row in measures)


def test_cli_refuses_a_changed_plan_file_in_one_line_and_replace_loads_it(
    tmp_path, neo4j_driver, neo4j_plans
):
    uri, _, database = neo4j_settings()
    plan = tmp_path / "robustness-edition.txt"
    plan.write_text("测试规划纲要\n\n第一章 总则\n\n到2030年，建成数据集300个。\n", encoding="utf-8")
    [plan_id] = build_graph_from(plan).graph["plans"]
    neo4j_plans.claim(plan_id)
    args = [
        "load",
        "neo4j",
        str(plan),
        "--uri",
        uri,
        "--no-progress",
        *(["--database", database] * bool(database)),
    ]
    assert CliRunner().invoke(main, args).exit_code == 0
    plan.write_text("测试规划纲要\n\n第一章 总则\n\n到2030年，建成数据集500个。\n", encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"Error: plan {plan_id} is already in Neo4j with other content")
    result = CliRunner().invoke(main, [*args, "--replace"])
    assert result.exit_code == 0, result.output
    values = _rows(
        neo4j_driver, database, "MATCH (t:Target) WHERE $p IN t.planIds RETURN t.value AS v", p=plan_id
    )
    assert values == [{"v": "500"}]


def build_graph_from(path):
    from kg.pipeline import build_graph_from_paths

    return build_graph_from_paths([path])
