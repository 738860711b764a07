"""Neo4j load: the tool's loader against a naive MERGE-per-row loop and a bare ``UNWIND … CREATE``.

All three write the same rows (``kg.exports.neo4j_rows``: same ids, properties and ``planIds``) to
the same server. The loader and the naive loop write ``:Entity`` nodes with the tool's schema and are
cleaned with the tool's ``wipe_plans``; the ceiling writes ``:BenchCeiling`` nodes (an index on
``id`` for the relationship MATCH), deleted with the index afterwards. Nothing else is touched.
The naive loop may run on a sample of the relationships (every k-th) plus their end nodes; its
time for the whole graph is then extrapolated from the measured per-row rates.
"""

from __future__ import annotations

import math
import statistics
import time

import networkx as nx
from neo4j import Driver

from kg.exports.neo4j import load_graph, wipe_plans
from kg.exports.neo4j_cypher import ENTITY, label, rel_type, schema_statements
from kg.exports.neo4j_rows import node_rows, relationship_rows

CEILING = "BenchCeiling"
CEILING_INDEX = "bench_ceiling_id"
BATCH = 1000


def _flat(grouped: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    return [(kind, row) for kind, rows in grouped.items() for row in rows]


def _clean(driver: Driver, graph: nx.MultiDiGraph) -> None:
    wipe_plans(driver, graph.graph["plans"])
    with driver.session() as session:
        session.run(
            f"MATCH (n:{CEILING}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 5000 ROWS"
        ).consume()


def _count_left(driver: Driver, graph: nx.MultiDiGraph) -> int:
    records, _, _ = driver.execute_query(
        f"MATCH (n) WHERE n:{CEILING} OR (n:{ENTITY} AND any(p IN n.planIds WHERE p IN $plans)) "
        "RETURN count(n) AS left",
        plans=graph.graph["plans"],
    )
    return records[0]["left"]


def run_loader(driver: Driver, graph: nx.MultiDiGraph) -> float:
    start = time.perf_counter()
    load_graph(graph, driver, progress=False)
    return time.perf_counter() - start


def run_naive(driver: Driver, graph: nx.MultiDiGraph, cap: int) -> dict:
    """One auto-commit ``MERGE`` per node and per relationship, as most scripts do."""
    nodes, rels = _flat(node_rows(graph)), _flat(relationship_rows(graph))
    stride = max(1, math.ceil(len(rels) / cap)) if cap else 1
    rel_sample = rels[::stride]
    ends = {r["start"] for _, r in rel_sample} | {r["end"] for _, r in rel_sample}
    node_sample = nodes if stride == 1 else [(k, r) for k, r in nodes if r["id"] in ends]
    with driver.session() as session:
        start = time.perf_counter()
        for kind, row in node_sample:
            session.run(
                f"MERGE (n:{ENTITY} {{id: $id}}) SET n:{label(kind)} "
                "SET n += $props SET n.planIds = $planIds",
                id=row["id"],
                props=row["props"],
                planIds=row["planIds"],
            ).consume()
        node_s = time.perf_counter() - start
        start = time.perf_counter()
        for kind, row in rel_sample:
            session.run(
                f"MATCH (a:{ENTITY} {{id: $start}}) MATCH (b:{ENTITY} {{id: $end}}) "
                f"MERGE (a)-[r:{rel_type(kind)}]->(b) SET r += $props SET r.planIds = $planIds",
                start=row["start"],
                end=row["end"],
                props=row["props"],
                planIds=row["planIds"],
            ).consume()
        rel_s = time.perf_counter() - start
    sampled = stride > 1
    total_s = (
        len(nodes) * node_s / len(node_sample) + len(rels) * rel_s / len(rel_sample)
        if sampled
        else node_s + rel_s
    )
    return {
        "seconds": total_s,
        "extrapolated": sampled,
        "rows_run": len(node_sample) + len(rel_sample),
        "rows_total": len(nodes) + len(rels),
    }


def run_ceiling(driver: Driver, graph: nx.MultiDiGraph) -> float:
    """Bare batched ``UNWIND $rows CREATE`` of the same rows: the ceiling for a Bolt client."""
    nodes, rels = node_rows(graph), relationship_rows(graph)
    with driver.session() as session:
        session.run(f"CREATE INDEX {CEILING_INDEX} IF NOT EXISTS FOR (n:{CEILING}) ON (n.id)").consume()
        session.run("CALL db.awaitIndexes(300)").consume()
        start = time.perf_counter()
        for kind, rows in nodes.items():
            statement = (
                f"UNWIND $rows AS row CREATE (n:{CEILING}:{label(kind)}) "
                "SET n = row.props, n.planIds = row.planIds"
            )
            for i in range(0, len(rows), BATCH):
                session.execute_write(
                    lambda tx, s=statement, b=rows[i : i + BATCH]: tx.run(s, rows=b).consume()
                )
        for kind, rows in rels.items():
            statement = (
                f"UNWIND $rows AS row MATCH (a:{CEILING} {{id: row.start}}) "
                f"MATCH (b:{CEILING} {{id: row.end}}) "
                f"CREATE (a)-[r:{rel_type(kind)}]->(b) SET r = row.props, r.planIds = row.planIds"
            )
            for i in range(0, len(rows), BATCH):
                session.execute_write(
                    lambda tx, s=statement, b=rows[i : i + BATCH]: tx.run(s, rows=b).consume()
                )
        return time.perf_counter() - start


def _drop_ceiling_index(driver: Driver) -> None:
    with driver.session() as session:
        session.run(f"DROP INDEX {CEILING_INDEX} IF EXISTS").consume()


def prepare(driver: Driver, graph: nx.MultiDiGraph) -> None:
    """Schema, then one untimed run of each way on ``graph`` so that no way pays the server's warm-up
    (query planning, JIT) alone; cleaned afterwards."""
    with driver.session() as session:
        for statement in schema_statements():
            session.run(statement).consume()
    _clean(driver, graph)
    run_loader(driver, graph)
    _clean(driver, graph)
    run_naive(driver, graph, 200)
    _clean(driver, graph)
    try:
        run_ceiling(driver, graph)
    finally:
        _clean(driver, graph)


def _median_run(run, driver: Driver, graph: nx.MultiDiGraph, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        try:
            times.append(run(driver, graph))
        finally:
            _clean(driver, graph)
    return statistics.median(times)


def measure_load(driver: Driver, graph: nx.MultiDiGraph, naive_cap: int, repeat: int = 1) -> dict:
    """Seconds and rows/s of the three ways on ``graph`` (loader and ceiling: median of ``repeat``);
    the database is cleaned before and after each run. Call ``prepare`` once first."""
    rows = graph.number_of_nodes() + graph.number_of_edges()
    _clean(driver, graph)
    loader_s = _median_run(run_loader, driver, graph, repeat)
    try:
        naive = run_naive(driver, graph, naive_cap)
    finally:
        _clean(driver, graph)
    try:
        ceiling_s = _median_run(run_ceiling, driver, graph, repeat)
    finally:
        _drop_ceiling_index(driver)
    left = _count_left(driver, graph)
    if left:
        raise RuntimeError(f"cleaning left {left} benchmark nodes behind")
    return {
        "plans": len(graph.graph["plans"]),
        "rows": rows,
        "repeat": repeat,
        "loader_s": loader_s,
        "naive_s": naive["seconds"],
        "naive_extrapolated": naive["extrapolated"],
        "naive_rows_run": naive["rows_run"],
        "ceiling_s": ceiling_s,
        "loader_rows_per_s": rows / loader_s,
        "naive_rows_per_s": rows / naive["seconds"],
        "ceiling_rows_per_s": rows / ceiling_s,
        "loader_over_naive": naive["seconds"] / loader_s,
        "loader_over_ceiling": ceiling_s / loader_s,
    }
