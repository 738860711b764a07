"""graph.json as orjson writes it: byte for byte what the json module's indenting encoder writes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.exports import json as graph_json
from tests.fixtures.real_plans import bundled_graph

REFERENCE = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True)

texts = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "Cc", "Cf", "M")), max_size=12
)
numbers = (
    st.integers(min_value=-(2**70), max_value=2**70)  # beyond 64 bits too: orjson refuses those
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e-05, 3e-07, 0.0001, 1e16, 1.5e-10, 5e-324, -0.0, 100.0])
)
scalars = st.none() | st.booleans() | numbers | texts
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)
documents = st.fixed_dictionaries(
    {"directed": st.booleans(), "graph": values, "links": st.lists(values, max_size=7)},
    optional={"nodes": st.lists(st.dictionaries(texts, values, max_size=4), max_size=7), "x": values},
)


@settings(max_examples=200, deadline=None)  # 5,000 passed once
@given(documents)
def test_the_same_bytes_as_the_json_module(data):
    written = b"".join(graph_json._chunks(data)).decode("utf-8")
    assert written == REFERENCE.encode(data) + "\n"


@pytest.mark.parametrize("batch", [1, 2, 3])
def test_batches_join_as_one_list(batch, monkeypatch):
    monkeypatch.setattr(graph_json, "BATCH", batch)
    data = {"graph": {"plans": ["a"]}, "links": [{"k": [1, {"z": 2}], "a": '引号"\n'}] * 4, "nodes": [[]]}
    assert b"".join(graph_json._chunks(data)).decode("utf-8") == REFERENCE.encode(data) + "\n"


def test_the_bundled_plan_as_the_json_module_writes_it(tmp_path):
    graph = bundled_graph()
    path = graph_json.write_json(graph, tmp_path / "graph.json")[0]
    assert path.read_text(encoding="utf-8") == REFERENCE.encode(graph_json._data(graph)) + "\n"
    assert len(json.loads(path.read_text(encoding="utf-8"))["nodes"]) == graph.number_of_nodes()


def test_a_non_finite_float_is_null_not_nan():
    """json would write NaN, which no JSON reader takes."""
    assert graph_json._encode({"v": float("nan"), "w": float("inf")}, 0) == b'{\n "v": null,\n "w": null\n}'
