"""The ``neo4j_driver`` fixture: a real Neo4j, never a mock.

Uses ``NEO4J_URI`` (plus ``NEO4J_USERNAME``/``NEO4J_PASSWORD`` when set), else bolt://127.0.0.1:7687
(``scripts/neo4j-dev.sh start``). When nothing answers, tests fail under CI (``CI`` set) and skip
loudly elsewhere. Tests clean up what they load by plan id (``neo4j_plans``).
"""

from __future__ import annotations

import os

import pytest

DEFAULT_URI = "bolt://127.0.0.1:7687"


def neo4j_settings() -> tuple[str, tuple[str, str] | None, str | None]:
    uri = os.environ.get("NEO4J_URI") or DEFAULT_URI
    user, password = os.environ.get("NEO4J_USERNAME"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password is not None else None
    return uri, auth, os.environ.get("NEO4J_DATABASE") or None


@pytest.fixture(scope="session")
def neo4j_driver():
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    uri, auth, _ = neo4j_settings()
    driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=5)
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, AuthError, OSError) as exc:
        driver.close()
        reason = f"NO NEO4J at {uri} ({type(exc).__name__}); start one with: bash scripts/neo4j-dev.sh start"
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a real Neo4j: {reason}", pytrace=False)
        pytest.skip(reason)
    yield driver
    driver.close()


@pytest.fixture
def neo4j_database():
    return neo4j_settings()[2]


class PlanCleaner:
    """Plan ids a test loads: each is wiped when claimed (leftovers of a crashed run) and at teardown."""

    def __init__(self, driver, database):
        self.driver, self.database, self.plan_ids = driver, database, []

    def claim(self, *plan_ids: str) -> None:
        from kg.exports.neo4j import wipe_plans

        wipe_plans(self.driver, plan_ids, database=self.database)
        self.plan_ids.extend(plan_ids)

    def cleanup(self) -> None:
        from kg.exports.neo4j import wipe_plans

        wipe_plans(self.driver, self.plan_ids, database=self.database)


@pytest.fixture
def neo4j_plans(neo4j_driver, neo4j_database):
    cleaner = PlanCleaner(neo4j_driver, neo4j_database)
    yield cleaner
    cleaner.cleanup()
