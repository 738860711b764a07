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


def merge_nodes(node_type: str) -> str:
    """Upsert a batch ``$rows`` of ``{id, props, planIds}`` as nodes of one type."""
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{ENTITY} {{id: row.id}})\n"
        f"SET n:{label(node_type)}\n"
        "SET n += row.props\n"
        f"SET n.{PLAN_IDS} = {_MERGE_PLANS.format(var='n')}"
    )


def merge_relationships(edge_type: str) -> str:
    """Upsert a batch ``$rows`` of ``{start, end, props, planIds}`` as relationships of one type."""
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{ENTITY} {{id: row.start}})\n"
        f"MATCH (b:{ENTITY} {{id: row.end}})\n"
        f"MERGE (a)-[r:{rel_type(edge_type)}]->(b)\n"
        "SET r += row.props\n"
        f"SET r.{PLAN_IDS} = {_MERGE_PLANS.format(var='r')}\n"
        "RETURN count(r) AS merged"
    )


def wipe_statements() -> list[str]:
    """Remove ``$planIds`` from this tool's data; delete what no other plan still uses.

    Relationships first, then nodes; a node is deleted only when no plan is left on it, and only
    nodes labelled ``Entity`` (this tool's) are ever touched.
    """
    remove = "[p IN {var}.planIds WHERE NOT p IN $planIds]"
    return [
        f"MATCH (:{ENTITY})-[r]->(:{ENTITY}) WHERE any(p IN r.planIds WHERE p IN $planIds) "
        f"SET r.planIds = {remove.format(var='r')} "
        "WITH r WHERE size(r.planIds) = 0 DELETE r",
        f"MATCH (n:{ENTITY}) WHERE any(p IN n.planIds WHERE p IN $planIds) "
        f"SET n.planIds = {remove.format(var='n')} "
        "WITH n WHERE size(n.planIds) = 0 DETACH DELETE n",
    ]
