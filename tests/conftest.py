import pytest

from tests.fixtures.tiny import tiny_graph as _tiny_graph

pytest_plugins = ["tests.neo4j_fixture"]


@pytest.fixture
def tiny_graph():
    """A small hand-made graph with every node and edge type (see tests/fixtures/tiny.py)."""
    return _tiny_graph()
