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
        ("[]", "the top level is a JSON list, not an object"),
        ('{"nodes": [], "edges": []}', '"links" is null, not a list'),
        ('{"nodes": [], "links": null}', '"links" is null, not a list'),
        ('{"nodes": [{"type": "Plan"}], "links": []}', r'nodes\[0\] has no string "id" \(None\)'),
        ('{"nodes": [{"id": 1, "type": "Plan"}], "links": []}', r'nodes\[0\] has no string "id" \(1\)'),
        ('{"nodes": [{"id": "a"}], "links": []}', r'nodes\[0\] has no string "type"'),
        (
            '{"nodes": [{"id": "a", "type": "P"}], "links": [{"source": "a", "target": "b", "type": "X"}]}',
            r'links\[0\] "target" names no node: \'b\'',
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_other_files_are_refused_with_a_reason(text, message):
    with pytest.raises(ValueError, match=message):
        parse_graph_json(text)


def test_a_link_without_target_is_refused():
    with pytest.raises(ValueError, match=r'links\[0\] has no string "target"'):
        parse_graph_json('{"nodes": [{"id": "a", "type": "P"}], "links": [{"source": "a", "type": "X"}]}')
