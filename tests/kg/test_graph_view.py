"""kg/graph_view.py: a graph.json read without networkx answers every query, the trace and the RDF
export exactly as the networkx graph read from the same file does, in the same order."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.exports.json import generate_json
from kg.exports.rdf_text import generate_ntriples
from kg.graph_io import parse_graph_json
from kg.graph_view import GraphView, read_graph_view
from kg.queries import memory
from kg.trace import trace
from tests.plans import HANGZHOU, built
from tests.queries.test_sparql import _params_for


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    path = tmp_path_factory.mktemp("view") / "graph.json"
    path.write_text(generate_json(built(HANGZHOU)), encoding="utf-8")
    return parse_graph_json(path.read_text(encoding="utf-8")), read_graph_view(path)


def test_same_nodes_edges_and_neighbours_in_the_same_order(both):
    graph, view = both
    assert list(view.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(view.edges(data=True)) == list(graph.edges(data=True))
    assert (view.number_of_nodes(), view.number_of_edges()) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    assert view.graph == graph.graph
    for node in list(graph.nodes)[::37]:
        assert list(view.out_edges(node, data=True)) == list(graph.out_edges(node, data=True))
        assert list(view.in_edges(node, data=True)) == list(graph.in_edges(node, data=True))


def test_every_query_and_trace_give_the_same_answers(both):
    graph, view = both
    for name, params in _params_for(graph):
        assert memory.run_query(name, params, view) == memory.run_query(name, params, graph), name
    for text in ("集成电路", "滨江", "钱塘芯谷", "浙江大学"):
        assert repr(trace(view, text)) == repr(trace(graph, text)), text


def test_rdf_export_of_the_view_is_the_same(both):
    graph, view = both
    assert generate_ntriples(view) == generate_ntriples(graph)


def test_links_without_keys_follow_networkx():
    data = {
        "nodes": [{"id": "a", "type": "Platform"}, {"id": "b", "type": "District"}],
        "links": [
            {"source": "a", "target": "b", "type": "X"},
            {"source": "a", "target": "b", "type": "Y"},
            {"source": "a", "target": "b", "key": 0, "type": "Z"},
        ],
    }
    view, graph = GraphView(data), parse_graph_json(json.dumps(data))
    assert list(view.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(view.edges(data=True)) == list(graph.edges(data=True))


def test_answering_from_graph_json_imports_no_heavy_library(both, tmp_path):
    path = tmp_path / "graph.json"
    path.write_text(generate_json(both[0]), encoding="utf-8")
    code = (
        "import sys; from kg.cli import main\n"
        "for args in (['query', '--graph', sys.argv[1], 'platforms-for-cluster', '集成电路'],"
        " ['trace', '集成电路', '--graph', sys.argv[1]]):\n"
        "    try: main(args)\n"
        "    except SystemExit as e: assert e.code in (0, None), e.code\n"
        "heavy = {'networkx', 'rdflib', 'lxml', 'pyvis', 'neo4j', 'cn2an', 'pyshacl', 'pyoxigraph'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout[-500:]


def test_the_build_s_own_file_read_unchecked_is_the_same_view(tmp_path):
    from kg.last_build import file_digest

    path = tmp_path / "graph.json"
    path.write_text(generate_json(built(HANGZHOU)), encoding="utf-8")
    checked = read_graph_view(path)
    trusted = read_graph_view(path, trusted_digest=file_digest(path.read_bytes()))
    assert list(trusted.nodes(data=True)) == list(checked.nodes(data=True))
    assert list(trusted.edges(data=True)) == list(checked.edges(data=True))
    assert trusted.graph == checked.graph


def test_a_file_changed_since_the_build_is_checked_again(tmp_path):
    from kg.last_build import file_digest

    path = tmp_path / "graph.json"
    path.write_text('{"nodes": [{"id": "a", "type": "Goal"}], "links": []}', encoding="utf-8")
    digest = file_digest(path.read_bytes())
    path.write_text('{"nodes": [{"id": "a"}], "links": []}', encoding="utf-8")
    with pytest.raises(ValueError, match='has no string "type"'):
        read_graph_view(path, trusted_digest=digest)


def test_what_orjson_refuses_in_the_build_s_own_file_is_read_by_json(tmp_path):
    from kg.last_build import file_digest

    path = tmp_path / "graph.json"
    path.write_bytes(b'{"nodes": [{"id": "a", "type": "Goal", "name": "\\ud800", "n": 18446744073709551616}],'
                     b' "links": []}')  # fmt: skip
    view = read_graph_view(path, trusted_digest=file_digest(path.read_bytes()))
    assert view.nodes["a"] == {"type": "Goal", "name": "\ud800", "n": 2**64}
