"""Load the graph into Neo4j over Bolt: constraints and indexes, then batched ``UNWIND … MERGE``.

One managed write transaction per batch (``execute_write``, retried by the driver on transient
errors), schema items included; every value is a parameter; labels and types come from the ontology
(``neo4j_cypher``). Loading the same graph twice gives the same database.

Each Plan node stores ``contentHash`` (``neo4j_rows.content_hashes``): a load whose plan is already in
the database with other content is refused (``PlanConflictError``) unless ``wipe=True``, which first
removes the graph's plans (``graph.graph["plans"]``) from this tool's data, in batches, keeping each
other plan's share of shared elements.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from neo4j import Driver
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable
from rich.progress import Progress

from kg.exports.neo4j_cypher import (
    merge_nodes,
    merge_relationships,
    schema_name,
    schema_statements,
    stored_plans,
    wipe_batch_statements,
)
from kg.exports.neo4j_rows import (
    bolt_row,
    cleared_shares,
    content_hashes,
    node_rows,
    plan_ids,
    relationship_rows,
    scoped_ids,
)

DEFAULT_BATCH_SIZE = 1000
WIPE_BATCH_SIZE = 2000


class Neo4jLoadError(RuntimeError):
    """Loading failed; the message says where (which batch) and why, never a password."""


class Neo4jConnectionError(Neo4jLoadError):
    """The server cannot be reached, refuses the credentials, or has no such database."""


class PlanConflictError(Neo4jLoadError):
    """A plan id of the graph is in the database already, with other content."""


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


@dataclass
class LoadSummary:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    wiped_plans: list[str] = field(default_factory=list)


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[tuple[int, Sequence[dict[str, Any]]]]:
    for number, begin in enumerate(range(0, len(rows), size), start=1):
        yield number, rows[begin : begin + size]


def _run_batch(tx, cypher: str, rows) -> int | None:
    """Run one batch; return the ``merged`` count when the statement reports one."""
    record = tx.run(cypher, rows=list(rows)).single()
    return None if record is None else record["merged"]


def _schema_names(tx) -> set[str]:
    names = {r["name"] for r in tx.run("SHOW CONSTRAINTS YIELD name")}
    return names | {r["name"] for r in tx.run("SHOW INDEXES YIELD name")}


def _count_done(tx, cypher: str, params: dict[str, Any]) -> int:
    return tx.run(cypher, **params).single()["done"]


def check_connection(driver: Driver, database: str | None = None) -> None:
    """Raise ``Neo4jConnectionError`` with one clear line unless the database answers a query."""
    try:
        driver.verify_connectivity()
        driver.execute_query("RETURN 1", database_=database)
    except AuthError as exc:
        raise Neo4jConnectionError(f"Neo4j refused the credentials: {exc.message}") from exc
    except ServiceUnavailable as exc:
        raise Neo4jConnectionError(f"cannot reach Neo4j: {_one_line(exc)}") from exc
    except ClientError as exc:
        if exc.code and "DatabaseNotFound" in exc.code:
            raise Neo4jConnectionError(f"Neo4j has no database {database!r}: {exc.message}") from exc
        raise Neo4jConnectionError(f"Neo4j refused the connection: {exc.message}") from exc
    except (DriverError, OSError, ValueError) as exc:
        raise Neo4jConnectionError(f"cannot connect to Neo4j: {_one_line(exc)}") from exc


class Neo4jWriter:
    """Runs the loader's Cypher against one database of an open driver (the caller closes it)."""

    def __init__(
        self,
        driver: Driver,
        database: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = True,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.progress = progress

    def _session(self):
        return self.driver.session(database=self.database)

    def create_schema(self) -> None:
        """Create the constraints and indexes that are missing: one round trip to list what exists,
        then one managed transaction per missing item (a re-load sends none). The driver retries
        transient errors (two first loads at once deadlock on the schema); an item another loader
        created meanwhile counts as done."""
        with self._session() as session:
            existing = session.execute_read(_schema_names)
            for statement in schema_statements():
                if schema_name(statement) in existing:
                    continue
                try:
                    session.execute_write(lambda tx, s=statement: tx.run(s).consume())
                except ClientError as exc:
                    if "AlreadyExists" not in (exc.code or ""):
                        raise

    def stored_hashes(self, plan_node_ids: Sequence[str]) -> dict[str, str | None]:
        """The ``contentHash`` of each of these Plan nodes already in the database."""
        with self._session() as session:
            records = session.execute_read(lambda tx: list(tx.run(stored_plans(), ids=list(plan_node_ids))))
        return {record["id"]: record["contentHash"] for record in records}

    def wipe(self, plan_ids: Sequence[str], batch_size: int = WIPE_BATCH_SIZE) -> None:
        """Remove these plans' data (``neo4j_cypher.wipe_batch_statements``), ``batch_size`` elements per
        transaction; never the whole database, never another plan's share."""
        with self._session() as session:
            for plan in plan_ids:
                params = {"plan": plan, "limit": batch_size, "cleared": cleared_shares(plan)}
                for statement in wipe_batch_statements():
                    while session.execute_write(_count_done, statement, params) >= batch_size:
                        pass

    def _write(self, what: str, cypher: str, rows, progress: Progress, task) -> None:
        with self._session() as session:
            total = (len(rows) + self.batch_size - 1) // self.batch_size
            for number, batch in _batches(rows, self.batch_size):
                first = (number - 1) * self.batch_size + 1
                where = f"{what}: batch {number} of {total} (rows {first}-{first + len(batch) - 1})"
                try:
                    merged = session.execute_write(_run_batch, cypher, batch)
                except (Neo4jError, DriverError) as exc:
                    raise Neo4jLoadError(f"{where} failed: {_one_line(exc)}") from exc
                if merged is not None and merged != len(batch):
                    raise Neo4jLoadError(f"{where}: only {merged} of {len(batch)} found both end nodes")
                progress.advance(task, len(batch))

    def _refuse_other_content(self, plan_nodes: dict[str, str], hashes: dict[str, str]) -> None:
        stored = self.stored_hashes(list(plan_nodes.values()))
        for plan, node in plan_nodes.items():
            if node in stored and stored[node] != hashes.get(plan):
                raise PlanConflictError(
                    f"plan {plan} is already in Neo4j with other content (another edition or file, or an "
                    "older build); replace it with --wipe (or --replace), or give the plan another id"
                )

    def load(self, graph: nx.MultiDiGraph, wipe: bool = False) -> LoadSummary:
        check_connection(self.driver, self.database)
        summary = LoadSummary()
        plans = plan_ids(graph)  # computed once for both kinds of rows
        nodes, relationships = node_rows(graph, plans), relationship_rows(graph, plans)
        graph_plans = list(graph.graph.get("plans") or [])
        hashes = content_hashes(nodes, relationships, graph_plans)
        plan_nodes = _plan_nodes(graph, graph_plans)
        for row in nodes.get("Plan", []):
            plan = next((p for p, node in plan_nodes.items() if node == row["id"]), None)
            if plan:
                row["props"]["contentHash"] = hashes[plan]
        nodes, relationships = _bolt_rows(graph, nodes, relationships)
        try:
            self.create_schema()
            if wipe:
                summary.wiped_plans = graph_plans
                self.wipe(graph_plans)
            else:
                self._refuse_other_content(plan_nodes, hashes)
        except (Neo4jError, DriverError) as exc:
            raise Neo4jLoadError(f"preparing the database failed: {_one_line(exc)}") from exc
        total = sum(map(len, nodes.values())) + sum(map(len, relationships.values()))
        with Progress(disable=not self.progress, transient=True) as progress:
            task = progress.add_task("Loading into Neo4j", total=total)
            for node_type, rows in nodes.items():
                self._write(f"{node_type} nodes", merge_nodes(node_type), rows, progress, task)
                summary.nodes[node_type] = len(rows)
            for edge_type, rows in relationships.items():
                self._write(
                    f"{edge_type} relationships", merge_relationships(edge_type), rows, progress, task
                )
                summary.relationships[edge_type] = len(rows)
        return summary


def _plan_nodes(graph: nx.MultiDiGraph, plans: Sequence[str]) -> dict[str, str]:
    """The id of each plan's Plan node (its own source names the plan)."""
    found = {}
    for node, attrs in graph.nodes(data=True):
        source = attrs.get("source") or {}
        if attrs.get("type") == "Plan" and source.get("planId") in plans:
            found.setdefault(source["planId"], node)
    return found


def _bolt_rows(graph: nx.MultiDiGraph, nodes: dict, relationships: dict) -> tuple[dict, dict]:
    """Rows as written over Bolt: shared elements keep each plan's provenance apart."""
    scoped = scoped_ids(graph)
    nodes = {t: [bolt_row(r, r["id"] not in scoped) for r in rows] for t, rows in nodes.items()}
    relationships = {
        t: [bolt_row(r, r["start"] not in scoped and r["end"] not in scoped) for r in rows]
        for t, rows in relationships.items()
    }
    return nodes, relationships


def load_graph(
    graph: nx.MultiDiGraph,
    driver: Driver,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    progress: bool = True,
) -> LoadSummary:
    """Load ``graph`` into Neo4j; see the module docstring."""
    return Neo4jWriter(driver, database, batch_size, progress).load(graph, wipe=wipe)


def wipe_plans(driver: Driver, plan_ids: Sequence[str], database: str | None = None) -> None:
    """Remove the given plans' data loaded by this tool, keeping entities other plans use."""
    Neo4jWriter(driver, database, progress=False).wipe(plan_ids)
