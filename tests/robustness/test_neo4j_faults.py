"""Neo4j faults: no server, passwords never echoed, and a server killed in the middle of a load."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase

from kg.cli import main
from kg.exports.neo4j import Neo4jLoadError, load_graph
from kg.exports.neo4j_rows import node_rows, relationship_rows
from kg.pipeline import build_graph_from_paths
from tests.neo4j_fixture import neo4j_settings
from tests.robustness.hostile import sentinel_graph
from tests.robustness.neo4j_server import PrivateNeo4j, free_port

SECRET = "Pw-4f2c-not-shown"


def load(*args, env=None):
    return CliRunner().invoke(main, ["load", "neo4j", *map(str, args), "--no-progress"], env=env)


def test_server_down_is_one_line_and_exit_1(small_plan):
    result = load(small_plan, "--uri", f"bolt://127.0.0.1:{free_port()}")
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: cannot reach Neo4j:") and result.output.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--user", "neo4j", "--password", SECRET], None),
        (["--user", "neo4j"], {"NEO4J_PASSWORD": SECRET}),
    ],
    ids=["flag", "env"],
)
def test_password_is_never_echoed_when_the_server_is_down(small_plan, args, env):
    result = load(small_plan, "--uri", f"bolt://127.0.0.1:{free_port()}", *args, env=env)
    assert result.exit_code == 1 and SECRET not in result.output


def test_password_inside_the_uri_is_never_echoed(small_plan):
    """Was echoed twice ("bad --uri 'bolt://neo4j:<password>@…'"): now masked."""
    result = load(small_plan, "--uri", f"bolt://neo4j:{SECRET}@127.0.0.1:{free_port()}")
    assert result.exit_code == 1
    assert SECRET not in result.output and "bolt://neo4j:***@127.0.0.1:" in result.output


@pytest.mark.requires_neo4j
def test_password_is_never_echoed_on_success(neo4j_driver, neo4j_plans, small_plan):
    """The dev server has auth off, so any credentials are accepted: the output still never shows them."""
    neo4j_plans.claim(small_plan.stem)
    uri, _, database = neo4j_settings()
    extra = ["--database", database] if database else []
    for args, env in ((["--password", SECRET], None), ([], {"NEO4J_PASSWORD": SECRET})):
        result = load(small_plan, "--uri", uri, "--user", "neo4j", *args, *extra, env=env)
        assert result.exit_code == 0, result.output
        nodes = sentinel_graph().number_of_nodes()  # plan, chapter, its aim, paragraph, measure, target
        assert nodes == 6
        assert result.output.startswith(f"loaded {nodes} nodes") and SECRET not in result.output


# --- a private server: killed mid-load, then emptied for two first loads at once -------------------


@pytest.fixture(scope="module")
def fault_server(tmp_path_factory):
    """One private Neo4j for the fault tests (a start is seconds of JVM): a test may kill it and
    start it again; it is killed at the end."""
    server = PrivateNeo4j(tmp_path_factory.mktemp("faults") / "data")
    server.start()
    try:
        yield server
    finally:
        server.kill()


def _empty(driver) -> None:
    """No node, no relationship, no constraint and no index but the two built-in lookup indexes."""
    with driver.session() as session:  # CALL … IN TRANSACTIONS runs only in an auto-commit one
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
    for record in driver.execute_query("SHOW CONSTRAINTS YIELD name").records:
        driver.execute_query(f"DROP CONSTRAINT `{record['name']}`")
    for record in driver.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'").records:
        driver.execute_query(f"DROP INDEX `{record['name']}`")


def _count(driver, cypher, **params) -> int:
    return driver.execute_query(cypher, params).records[0]["n"]


def _stored_ids(driver) -> set[str]:
    return {r["id"] for r in driver.execute_query("MATCH (n:Entity) RETURN n.id AS id").records}


def _wait_for(driver, nodes: int, thread: threading.Thread) -> None:
    while thread.is_alive() and _count(driver, "MATCH (n:Entity) RETURN count(n) AS n") < nodes:
        threading.Event().wait(0.05)


@pytest.mark.requires_neo4j
def test_server_killed_mid_load_leaves_whole_batches_and_a_rerun_completes(fault_server):
    graph = build_graph_from_paths([])  # the bundled plan: about 1,900 nodes and 3,100 relationships
    nodes = node_rows(graph)
    batch = 25
    server = fault_server
    if server.process is None:  # killed by a test before
        server.start()
    with GraphDatabase.driver(server.uri) as driver:
        _empty(driver)
    outcome: dict = {}
    config = {"connection_timeout": 3, "max_transaction_retry_time": 2}
    with GraphDatabase.driver(server.uri, **config) as loader, GraphDatabase.driver(server.uri) as probe:

        def run():
            try:
                outcome["summary"] = load_graph(graph, loader, batch_size=batch, progress=False)
            except Neo4jLoadError as exc:
                outcome["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        _wait_for(probe, 400, thread)
        server.kill()  # SIGKILL: no clean shutdown
        thread.join(timeout=120)
    assert not thread.is_alive() and "summary" not in outcome, "the load finished before the kill"
    message = str(outcome["error"])
    assert "\n" not in message.split(" failed: ")[0]
    # e.g. "Measure nodes: batch 3 of 21 (rows 51-75) failed: …"
    where = message.split(" failed")[0]
    failed_type = where.split(" nodes: batch ")[0]
    failed_batch = int(where.split(" nodes: batch ")[1].split(" of ")[0])

    server.start()  # same data folder: what survived the crash
    with GraphDatabase.driver(server.uri) as driver:
        stored = _stored_ids(driver)
        order = list(nodes)
        for node_type, rows in nodes.items():
            ids = [row["id"] for row in rows]
            kept = [i for i in ids if i in stored]
            if order.index(node_type) < order.index(failed_type):
                assert len(kept) == len(ids), node_type
            elif node_type == failed_type:
                # whole batches only: the first (failed_batch - 1) batches, or also the failed one if
                # it committed before the server died
                assert kept == ids[: len(kept)], "not a prefix of the load order"
                assert len(kept) in ((failed_batch - 1) * batch, min(failed_batch * batch, len(ids)))
            else:
                assert kept == [], node_type
        assert _count(driver, "MATCH ()-[r]->() RETURN count(r) AS n") == 0

        summary = load_graph(graph, driver, batch_size=500, progress=False)  # the re-run
        assert sum(summary.nodes.values()) == graph.number_of_nodes()
        assert _count(driver, "MATCH (n:Entity) RETURN count(n) AS n") == graph.number_of_nodes()
        dup = "MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n"
        assert _count(driver, dup) == 0
        rels = sum(map(len, relationship_rows(graph).values()))
        assert _count(driver, "MATCH ()-[r]->() RETURN count(r) AS n") == rels


# --- two first loads at once ----------------------------------------------------------------------


@pytest.mark.requires_neo4j
def test_two_first_loads_at_once_into_an_empty_database_both_succeed(fault_server):
    """Was a deadlock while creating the schema (auto-commit, not retried): now retried transactions."""
    from tests.exports.neo4j_samples import other_plan_graph
    from tests.fixtures.tiny import tiny_graph

    graphs = [tiny_graph(), other_plan_graph()]  # two plans sharing entities: both MERGE the same nodes
    if fault_server.process is None:  # killed by a test before
        fault_server.start()
    outcome: dict = {}
    with GraphDatabase.driver(fault_server.uri) as driver:
        _empty(driver)
        assert _count(driver, "MATCH (n) RETURN count(n) AS n") == 0
        assert _count(driver, "SHOW CONSTRAINTS YIELD name RETURN count(name) AS n") == 0
        start = threading.Barrier(len(graphs))

        def run(graph):
            start.wait()
            try:
                outcome[graph.graph["plans"][0]] = load_graph(graph, driver, batch_size=200, progress=False)
            except Exception as exc:  # noqa: BLE001 - the test reports whatever a loader raised
                outcome[graph.graph["plans"][0]] = exc

        threads = [threading.Thread(target=run, args=(g,)) for g in graphs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not any(t.is_alive() for t in threads)
        for graph in graphs:
            [plan] = graph.graph["plans"]
            assert not isinstance(outcome[plan], Exception), outcome[plan]
            stored = _count(driver, "MATCH (n:Entity) WHERE $p IN n.planIds RETURN count(n) AS n", p=plan)
            assert stored == graph.number_of_nodes()
        dup = "MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n"
        assert _count(driver, dup) == 0
