"""Rows built with precomputed ``plan_ids`` (as the Bolt loader does) equal rows computed alone."""

from kg.exports.neo4j_rows import node_rows, plan_ids, relationship_rows


def test_rows_with_precomputed_plan_ids_are_the_same(tiny_graph):
    plans = plan_ids(tiny_graph)
    assert node_rows(tiny_graph, plans) == node_rows(tiny_graph)
    assert relationship_rows(tiny_graph, plans) == relationship_rows(tiny_graph)
    assert any(row["planIds"] for rows in node_rows(tiny_graph, plans).values() for row in rows)
