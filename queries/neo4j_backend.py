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


INT64 = range(-(2**63), 2**63)


def check_storable(params: dict[str, Any]) -> None:
    """Bolt carries 64-bit integers only: a larger one is refused here, with its name, not by the driver's
    ``OverflowError`` half-way through sending.

    >>> check_storable({"year": 2030})
    >>> check_storable({"year": 10**20})
    Traceback (most recent call last):
    ValueError: year=100000000000000000000 is out of Neo4j's 64-bit integer range
    """
    for key, value in params.items():
        if isinstance(value, int) and not isinstance(value, bool) and value not in INT64:
            raise ValueError(f"{key}={value} is out of Neo4j's 64-bit integer range")


def run_query(
    name: str, params: dict[str, Any] | None, driver: Driver, database: str | None = None
) -> list[dict[str, Any]]:
    """Run the named Cypher query read-only; raises ``ValueError`` for unknown names or bad params."""
    typed = validate_params(name, params)
    check_storable(typed)
    records, _, _ = driver.execute_query(
        cypher_text(name), parameters_=typed, database_=database, routing_=RoutingControl.READ
    )
    return finish_rows(name, (record.data() for record in records))
