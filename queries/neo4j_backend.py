"""The named queries (``kg.queries.catalog``) as Cypher files (``queries/NAME.cypher``) run over Bolt.

The files are written for people: ``//`` comments and a ``:param`` line to paste into the Neo4j
Browser. ``cypher_text`` strips those lines; values are always passed as parameters. Rows go
through ``catalog.finish_rows`` so they equal the in-memory and SPARQL backends' rows.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from neo4j import Driver, RoutingControl

from kg.queries.catalog import finish_rows, get_query, validate_params


def cypher_file_text(name: str) -> str:
    """The ``.cypher`` file as shipped (comments and ``:param`` line included)."""
    get_query(name)
    return resources.files("kg.queries").joinpath(f"{name}.cypher").read_text(encoding="utf-8")


def cypher_text(name: str) -> str:
    """The runnable statement: the file without ``//`` comment lines and ``:param`` lines."""
    lines = cypher_file_text(name).splitlines()
    kept = [line for line in lines if not line.lstrip().startswith(("//", ":param"))]
    return "\n".join(kept).strip()


def run_query(
    name: str, params: dict[str, Any] | None, driver: Driver, database: str | None = None
) -> list[dict[str, Any]]:
    """Run the named Cypher query read-only; raises ``ValueError`` for unknown names or bad params."""
    typed = validate_params(name, params)
    records, _, _ = driver.execute_query(
        cypher_text(name), parameters_=typed, database_=database, routing_=RoutingControl.READ
    )
    return finish_rows(name, (record.data() for record in records))
