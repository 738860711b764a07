import pytest

from tests.fixtures.tiny import tiny_graph as _tiny_graph

pytest_plugins = ["tests.neo4j_fixture"]


@pytest.fixture(autouse=True)
def _own_last_build_record(tmp_path_factory, monkeypatch):
    """`kg build` records its graph.json (kg/last_build.py): in tests, never in the user's state folder."""
    monkeypatch.setenv("KG_STATE_FILE", str(tmp_path_factory.mktemp("state") / "last-build.json"))


@pytest.fixture
def tiny_graph():
    """A small hand-made graph with every node and edge type (see tests/fixtures/tiny.py)."""
    return _tiny_graph()
