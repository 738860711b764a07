"""kg/pipeline.py with a process pool: several plans give the same graph as a serial build (same
nodes, edges, attributes and order), problems in input order, and a bad plan's error as one line."""

from __future__ import annotations

import pickle

import pytest

from kg.exports.json import generate_json
from kg.loaders.readers.decode import PlanInputError, read_plan_text
from kg.pipeline import build_graph_from_texts, default_workers
from kg.records import Edge, Node, Source
from tests.plans import GUANGZHOU, HANGZHOU, NANJING


@pytest.fixture(scope="module")
def texts():
    return [(path.stem[:12], read_plan_text(path)) for path in (NANJING, HANGZHOU, GUANGZHOU)]


def test_pool_builds_the_same_graph_as_serial(texts):
    serial, serial_builds = build_graph_from_texts(texts, workers=1)
    parallel, parallel_builds = build_graph_from_texts(texts, workers=2)
    assert generate_json(parallel) == generate_json(serial)
    assert list(parallel.nodes) == list(serial.nodes) and list(parallel.edges) == list(serial.edges)
    assert parallel.graph["plans"] == [plan_id for plan_id, _ in texts]
    assert [b.problems for b in parallel_builds] == [b.problems for b in serial_builds]
    assert parallel.graph["problems"] == serial.graph["problems"]


def test_a_bad_plan_in_the_pool_is_one_line_and_duplicate_ids_are_refused(texts):
    with pytest.raises(PlanInputError, match="^empty: "):
        build_graph_from_texts([texts[0], ("empty", "")], workers=2)
    with pytest.raises(PlanInputError, match="the same plan id twice"):
        build_graph_from_texts([texts[0], texts[0]], workers=2)


def test_records_survive_pickling_with_their_props():
    source = Source("p", "第一篇", 1, 2, "引文")
    node = Node("platform:园区", "Platform", "园区", source, {"aliases": ["甲"]})
    edge = Edge("platform:园区", "cluster:集成电路", "SUPPORTS", source, {"role": "核心区"})
    for record in (node, edge):
        back = pickle.loads(pickle.dumps(record))
        assert back == record and dict(back.props) == dict(record.props)


def test_default_workers_never_exceeds_the_plans():
    assert default_workers(1) == 1
    assert 1 <= default_workers(100) <= 100


def _exactly(graph):
    """Nodes and edges in graph order, each with its attributes in their order (in-edges too)."""
    nodes = [(n, list(a.items())) for n, a in graph.nodes(data=True)]
    edges = [(u, v, k, list(a.items())) for u, v, k, a in graph.edges(keys=True, data=True)]
    into = [(n, list(graph.in_edges(n, keys=True))) for n in graph.nodes]
    return nodes, edges, into


def test_plans_sharing_entities_merge_as_in_a_serial_build():
    """Copies of one plan under other ids share their districts, cities and clusters' concepts: the
    pool's parts add up to the serial graph, attribute order and merged quotes included."""
    from bench.corpus import corpus

    texts = corpus(3)
    serial, _ = build_graph_from_texts(texts, workers=1)
    parallel, _ = build_graph_from_texts(texts, workers=2)
    assert _exactly(parallel) == _exactly(serial)
    shared = [n for n, a in serial.nodes(data=True) if a["type"] == "District"]
    assert shared and all(serial.in_degree(n) + serial.out_degree(n) > 0 for n in shared)
    assert any("moreQuotes" in a for *_, a in serial.edges(data=True))
