"""``kg load neo4j`` as users call it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main

NANJING_ID = "320100-15"  # place code + edition (loaders/interpreters/plan_metadata.py)


def test_unreachable_server_is_one_line_without_the_password():
    result = CliRunner().invoke(
        main,
        ["load", "neo4j", "--uri", "bolt://127.0.0.1:1", "--user", "neo4j", "--password", "s3cret-pw"],
    )
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: cannot reach Neo4j:")
    assert result.output.count("\n") == 1 and "s3cret-pw" not in result.output


def test_bad_uri_scheme_is_one_line():
    result = CliRunner().invoke(main, ["load", "neo4j", "--uri", "foo://x"])
    assert result.exit_code == 2, result.output
    assert "Error: --uri foo://x: not a Bolt URI; use one of bolt://" in result.output
    assert "Traceback" not in result.output


@pytest.mark.requires_neo4j
def test_loads_the_nanjing_plan_and_reports_counts(neo4j_driver, neo4j_database, neo4j_plans):
    import os
    from pathlib import Path

    plan = Path(__file__).parents[2] / "data" / "nanjing-15th-five-year-plan-outline.txt"
    neo4j_plans.claim(NANJING_ID)
    uri = os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687"
    args = ["load", "neo4j", str(plan), "--uri", uri, "--no-progress", "--wipe"]
    result = CliRunner().invoke(main, args + (["--database", neo4j_database] if neo4j_database else []))
    assert result.exit_code == 0, result.output
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:Entity) WHERE $p IN n.planIds RETURN count(n) AS c", p=NANJING_ID, database_=neo4j_database
    )
    nodes = records[0]["c"]
    assert nodes > 500
    assert result.output.startswith(f"loaded {nodes} nodes and ")
    [plan_node] = neo4j_driver.execute_query(
        "MATCH (p:Plan {id: $p}) RETURN p.name AS name", p=NANJING_ID, database_=neo4j_database
    ).records
    assert "南京" in plan_node["name"]
