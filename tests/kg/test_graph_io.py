"""read_graph_json is the inverse of the graph.json writer."""

from __future__ import annotations

import pytest

from kg.exports.json import generate_json, write_json
from kg.graph_io import parse_graph_json, read_graph_json


def test_round_trip_keeps_every_attribute(tiny_graph, tmp_path):
    (path,) = write_json(tiny_graph, tmp_path / "graph.json")
    back = read_graph_json(path)
    assert back.is_directed() and back.is_multigraph()
    assert dict(back.nodes(data=True)) == dict(tiny_graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(tiny_graph.edges(keys=True, data=True))
    assert back.graph["plans"] == ["tiny-plan"]
    assert generate_json(back) == generate_json(tiny_graph)
    assert back.nodes["district:杭州市滨江区"]["aliases"] == ["滨江", "杭州高新区（滨江）"]
    edge = back.edges["platform:钱塘芯谷", "cluster:集成电路", "SUPPORTS"]
    assert edge["provenance"]["lineStart"] == 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", 'expected an object with "nodes" and "links"'),
        ('{"nodes": [], "edges": []}', 'expected an object with "nodes" and "links"'),
        ('{"nodes": [{"type": "Plan"}], "links": []}', "each of nodes needs id"),
    ],
)
def test_other_files_are_refused_with_a_reason(text, message):
    with pytest.raises(ValueError, match=message):
        parse_graph_json(text)


def test_a_link_without_target_is_refused():
    with pytest.raises(ValueError, match="each of links needs source and target"):
        parse_graph_json('{"nodes": [{"id": "a"}], "links": [{"source": "a"}]}')
