import pytest

from tests.fixtures.real_plans import bundled_graph as _bundled_graph
from tests.fixtures.real_plans import nanjing_graph as _nanjing_graph


@pytest.fixture
def bundled_graph():
    return _bundled_graph()


@pytest.fixture
def nanjing_graph():
    return _nanjing_graph()
