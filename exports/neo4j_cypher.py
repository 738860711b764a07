"""Pure builders of the Cypher the Neo4j loader runs. No I/O here.

Labels and relationship types are pasted into Cypher text (Cypher cannot take them as parameters),
so they come only from the ontology (``kg.schema``): anything else is refused. Every value is a
parameter (``$rows``, ``$planIds``).

>>> label("Platform")
'`Platform`'
>>> label("Person")  # doctest: +ELLIPSIS
Traceback (most recent call last):
ValueError: unknown node type 'Person'; known: Appendix, Box, ...
"""

from __future__ import annotations

from kg.exports.neo4j_rows import PLAN_SPECIFIC, SHARE_SEPARATOR
from kg.schema import check_edge_type, check_node_type, node_types

ENTITY = "Entity"  # extra label on every node this tool loads; unique on ``id``
PLAN_IDS = "planIds"

# Property indexes that the named queries and analysts use, beyond ``name`` on every label.
TYPE_INDEXES: dict[str, tuple[str, ...]] = {
    "Target": ("year",),
    "Indicator": ("binding",),
    "IndustryCluster": ("tier",),
}

# ``planIds`` of the stored element united with the row's, without duplicates.
_MERGE_PLANS = (
    "reduce(acc = coalesce({var}.planIds, []), p IN row.planIds | "
    "CASE WHEN p IN acc THEN acc ELSE acc + p END)"
)


def _check(name: str, known) -> str:
    # Backticks are the only way out of a quoted identifier; the ontology never contains them.
    if "`" in name:
        raise ValueError(f"refusing identifier with a backtick: {name!r}")
    return known(name)


def label(node_type: str) -> str:
    """The quoted Neo4j label of an ontology node type."""
    return f"`{_check(node_type, check_node_type)}`"


def rel_type(edge_type: str) -> str:
    """The quoted Neo4j relationship type of an ontology edge type."""
    return f"`{_check(edge_type, check_edge_type)}`"


def schema_statements() -> list[str]:
    """Uniqueness constraints and indexes, all ``IF NOT EXISTS``, so running them twice is harmless."""
    statements = [
        f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
        f"CREATE INDEX entity_name IF NOT EXISTS FOR (n:{ENTITY}) ON (n.name)",
        f"CREATE INDEX entity_source_plan IF NOT EXISTS FOR (n:{ENTITY}) ON (n.sourcePlan)",
    ]
    for node_type in sorted(node_types()):
        lower = node_type.lower()
        statements.append(
            f"CREATE CONSTRAINT {lower}_id IF NOT EXISTS FOR (n:{label(node_type)}) REQUIRE n.id IS UNIQUE"
        )
        statements.append(f"CREATE INDEX {lower}_name IF NOT EXISTS FOR (n:{label(node_type)}) ON (n.name)")
    for node_type, keys in sorted(TYPE_INDEXES.items()):
        for key in keys:
            statements.append(
                f"CREATE INDEX {node_type.lower()}_{key.lower()} IF NOT EXISTS "
                f"FOR (n:{label(node_type)}) ON (n.{key})"
            )
    return statements


def schema_name(statement: str) -> str:
    """The name a schema statement gives its constraint or index: ``CREATE INDEX entity_name …``."""
    return statement.split()[2]


# A shared element's provenance goes on top only while no other plan's is there (the first plan to
# state it keeps it, as in a graph built from several plans); each plan's copy is in ``row.shares``.
_SET_SOURCE = (
    "SET {var} += CASE WHEN {var}.sourcePlan IS NULL OR {var}.sourcePlan IN row.planIds "
    "THEN row.source ELSE {{}} END"
)


def merge_nodes(node_type: str) -> str:
    """Upsert a batch ``$rows`` of ``{id, props, source, shares, planIds}`` (``neo4j_rows.bolt_row``) as
    nodes of one type."""
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{ENTITY} {{id: row.id}})\n"
        f"SET n:{label(node_type)}\n"
        "SET n += row.props\n"
        "SET n += row.shares\n"
        f"{_SET_SOURCE.format(var='n')}\n"
        f"SET n.{PLAN_IDS} = {_MERGE_PLANS.format(var='n')}"
    )


def merge_relationships(edge_type: str) -> str:
    """Upsert a batch ``$rows`` of ``{start, end, props, source, shares, planIds}`` as relationships of
    one type."""
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{ENTITY} {{id: row.start}})\n"
        f"MATCH (b:{ENTITY} {{id: row.end}})\n"
        f"MERGE (a)-[r:{rel_type(edge_type)}]->(b)\n"
        "SET r += row.props\n"
        "SET r += row.shares\n"
        f"{_SET_SOURCE.format(var='r')}\n"
        f"SET r.{PLAN_IDS} = {_MERGE_PLANS.format(var='r')}\n"
        "RETURN count(r) AS merged"
    )


def _inherit(var: str) -> str:
    """The top-level provenance of ``var`` taken from the share of plan ``heir`` (null: removed)."""
    fields = ", ".join(
        f"{key}: CASE WHEN heir IS NULL THEN null ELSE {var}['{key}{SHARE_SEPARATOR}' + heir] END"
        for key in PLAN_SPECIFIC
    )
    return "{" + fields + "}"


def wipe_batch_statements() -> list[str]:
    """Remove plan ``$plan`` from at most ``$limit`` relationships, then nodes, of this tool's data.

    Each statement returns ``done``, the elements it handled: run it again until ``done < $limit``, one
    transaction each, so a plan of any size is wiped within the server's transaction memory. The plan's
    shares (``$cleared``: every ``key@plan`` set to null) go; where the plan's provenance was on top,
    the next remaining plan's share takes its place; an element left with no plan is deleted. Only
    elements labelled ``Entity`` (this tool's) are touched.
    """
    statements = []
    for match, var, delete in (
        (f"MATCH (:{ENTITY})-[r]->(:{ENTITY})", "r", "DELETE r"),
        (f"MATCH (n:{ENTITY})", "n", "DETACH DELETE n"),
    ):
        statements.append(
            f"{match} WHERE $plan IN {var}.planIds\n"
            f"WITH {var} LIMIT $limit\n"
            f"SET {var} += $cleared, {var}.planIds = [p IN {var}.planIds WHERE p <> $plan]\n"
            f"WITH {var}, CASE WHEN {var}.sourcePlan = $plan THEN [p IN {var}.planIds "
            f"WHERE {var}['sourcePlan{SHARE_SEPARATOR}' + p] IS NOT NULL] END AS heirs\n"
            f"WITH {var}, heirs, heirs[0] AS heir\n"
            f"FOREACH (_ IN CASE WHEN heirs IS NOT NULL THEN [1] ELSE [] END |"
            f" SET {var} += {_inherit(var)})\n"
            f"FOREACH (_ IN CASE WHEN size({var}.planIds) = 0 THEN [1] ELSE [] END | {delete})\n"
            "RETURN count(*) AS done"
        )
    return statements


def stored_plans() -> str:
    """The Plan nodes ``$ids`` already in the database, with the content hash of their load."""
    return (
        f"MATCH (p:{label('Plan')}:{ENTITY}) WHERE p.id IN $ids "
        "RETURN p.id AS id, p.contentHash AS contentHash"
    )
