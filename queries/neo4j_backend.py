"""The named queries (``kg.queries.catalog``) as Cypher files (``queries/NAME.cypher``) run over Bolt.

The files are written for people: ``//`` comments and a ``:param`` line to paste into the Neo4j
Browser. ``cypher_text`` strips those lines; values are always passed as parameters. Rows go
through ``catalog.finish_rows`` so they equal the in-memory and SPARQL backends' rows.

The plan filter every query takes (``plan``) is not in the files, so that they run in the Browser
with only their own ``:param`` line (Cypher has no optional parameters): ``statement`` wraps the
file's statement in ``CALL () { … }`` and keeps the rows whose ``plan`` is ``$plan``.
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


def statement(name: str, filtered: tuple[str, ...] = ()) -> str:
    """The statement to run: the file's, or the file's keeping only rows whose ``filtered`` columns
    equal the parameters of the same names (``plan = $plan``; ``concept = $concept`` for
    concept-matrix): the files stay pastable in the Browser without those parameters."""
    text = cypher_text(name)
    if not filtered:
        return text
    columns = ", ".join(get_query(name).columns)
    inner = "\n".join(f"  {line}" for line in text.splitlines())
    where = " AND ".join(f"{column} = ${column}" for column in filtered)
    return f"CALL () {{\n{inner}\n}}\nWITH * WHERE {where}\nRETURN {columns}"


def row_filters(name: str, typed: dict[str, Any]) -> tuple[str, ...]:
    """The optional parameters given that name a column of the query's rows (a grouped query's rows
    are candidates, filtered by ``catalog.finish_rows`` after grouping)."""
    query = get_query(name)
    if query.grouped is not None:
        return ()
    return tuple(
        p.name
        for p in query.params
        if not p.required and p.name in query.columns and typed.get(p.name) is not None
    )


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


# What name resolution (``kg.queries.resolve``) reads of a node.
LOOKUP_PROPERTIES = ("name", "aliases", "title", "place", "placeCode", "placeId", "concepts")


def lookup_graph(driver: Driver, node_types, database: str | None = None):
    """The nodes of ``node_types`` the database holds, with the properties names are resolved by, as a
    read-only graph for ``kg.queries.resolve`` (types from the catalog, passed as a parameter)."""
    from kg.graph_view import GraphView

    fields = ", ".join(f"n.{key} AS {key}" for key in LOOKUP_PROPERTIES)
    records, _, _ = driver.execute_query(
        "MATCH (n:Entity) WHERE any(label IN labels(n) WHERE label IN $types) "
        f"RETURN n.id AS id, [label IN labels(n) WHERE label IN $types][0] AS type, {fields}",
        parameters_={"types": sorted(set(node_types))},
        database_=database,
        routing_=RoutingControl.READ,
    )
    nodes = [{k: v for k, v in record.data().items() if v is not None} for record in records]
    return GraphView({"nodes": [n for n in nodes if "id" in n], "links": []})


def run_query(
    name: str, params: dict[str, Any] | None, driver: Driver, database: str | None = None
) -> list[dict[str, Any]]:
    """Run the named Cypher query read-only; raises ``ValueError`` for unknown names or bad params."""
    typed = validate_params(name, params)
    check_storable(typed)
    filtered = row_filters(name, typed)
    for p in get_query(name).params:  # optional parameters the statement does not use
        if not p.required and p.name not in filtered:
            typed.pop(p.name, None)
    records, _, _ = driver.execute_query(
        statement(name, filtered), parameters_=typed, database_=database, routing_=RoutingControl.READ
    )
    return finish_rows(name, (record.data() for record in records), validate_params(name, params))
