"""Neo4j fixtures: a real Neo4j, never a mock, owned by the test run.

``neo4j_server`` (session scope) starts the dev server's jar (``tools/neo4j-dev``, built by
``scripts/neo4j-dev.sh build``) on free Bolt and HTTP ports with a fresh data folder, points
``NEO4J_URI`` at it for the session (so CLI tests and subprocesses use it too) and stops it at the end:
a developer's server on 7687 or another run can neither break the suite nor receive its leftovers.
A ``NEO4J_URI`` set by the user wins: then that server is used (with ``NEO4J_USERNAME``/``NEO4J_PASSWORD``
and ``NEO4J_DATABASE`` when set) and the Browser tests need ``NEO4J_BROWSER_URL``. When no server
can be had, tests fail under CI (``CI`` set) and skip loudly elsewhere. Tests clean up what they load
by plan id (``neo4j_plans``).
"""

from __future__ import annotations

import os

import pytest

from tests.robustness.neo4j_server import PrivateNeo4j, require_jar

DEFAULT_URI = "bolt://127.0.0.1:7687"
SESSION_HEAP = "512m"


def neo4j_settings() -> tuple[str, tuple[str, str] | None, str | None]:
    uri = os.environ.get("NEO4J_URI") or DEFAULT_URI
    user, password = os.environ.get("NEO4J_USERNAME"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password is not None else None
    return uri, auth, os.environ.get("NEO4J_DATABASE") or None


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"CI needs a real Neo4j: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """The suite's own Neo4j (a ``PrivateNeo4j``), or None when the user's ``NEO4J_URI`` is used."""
    if os.environ.get("NEO4J_URI"):
        yield None
        return
    require_jar()
    server = PrivateNeo4j(tmp_path_factory.mktemp("neo4j-session") / "home", heap=SESSION_HEAP)
    try:
        server.start()
    except RuntimeError as exc:
        _unavailable(str(exc))
    os.environ["NEO4J_URI"] = server.uri
    try:
        yield server
    finally:
        os.environ.pop("NEO4J_URI", None)
        server.kill()  # a throw-away database: a clean shutdown (its checkpoint) takes 10 s


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server):
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    uri, auth, _ = neo4j_settings()
    driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=5)
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, AuthError, OSError) as exc:
        driver.close()
        _unavailable(f"NO NEO4J at {uri} ({type(exc).__name__}); unset NEO4J_URI to let the tests start one")
    yield driver
    driver.close()


@pytest.fixture(scope="session")
def neo4j_browser_url(neo4j_server) -> str:
    """The Neo4j Browser of the server the tests use (``NEO4J_BROWSER_URL`` with a user's server)."""
    if neo4j_server is not None:
        return neo4j_server.browser_url
    url = os.environ.get("NEO4J_BROWSER_URL")
    if not url:
        _unavailable("NEO4J_URI names your own server: set NEO4J_BROWSER_URL to its Browser for this test")
    return url


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
