"""exports/rdf_text.py: every writer keeps names, quotes and ids holding any control character or
Unicode line break, parses back isomorphic (rdflib, and pyoxigraph as a strict second reader), and
N-Triples stays one line per triple."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.exports.rdf import graph_to_rdf
from kg.exports.rdf_text import escape_string, generate_jsonld, generate_ntriples, generate_turtle
from kg.graph import build_graph
from kg.ontology.vocab import PLAN
from kg.records import Edge, Node, Source

# Every character str.splitlines() breaks on, the other C0/C1 controls, DEL, and quote/escape marks.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "".join(map(chr, range(0x20))) + "\x7f" + "".join(map(chr, range(0x80, 0xA0)))
AWKWARD = LINE_BREAKS + CONTROLS + '"\\<>{}|^`% #\t\ufeff\u200b'
FORMATS = {"nt": generate_ntriples, "turtle": generate_turtle, "json-ld": generate_jsonld}
OXI = {"nt": pyoxigraph.RdfFormat.N_TRIPLES, "turtle": pyoxigraph.RdfFormat.TURTLE,
       "json-ld": pyoxigraph.RdfFormat.JSON_LD}  # fmt: skip

awkward_text = st.text(
    alphabet=st.one_of(st.sampled_from(AWKWARD), st.characters(exclude_categories=("Cs",))), min_size=1
)


def graph_of(names: list[str], quote: str, key: str):
    """Platforms named ``names`` (ids made from them), one quote as their source, an edge and a
    property whose key and value are awkward too."""
    source = Source(f"plan{quote[:3]}", f"第一篇/{quote}", 1, 2, quote)
    records = [Node(f"platform:{name}", "Platform", name, source, {key: quote}) for name in names]
    records.append(Edge(records[0].id, records[-1].id, "SUPPORTS", source))
    return build_graph(records)


def _reads(text: str, fmt: str) -> Graph:
    return Graph().parse(data=text, format=fmt)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(awkward_text, min_size=1, max_size=3, unique=True), awkward_text, awkward_text)
def test_every_writer_round_trips_awkward_text(names, quote, key):
    graph = graph_of(names, quote, key)
    expected = graph_to_rdf(graph)
    for fmt, generate in FORMATS.items():
        text = generate(graph)
        back = _reads(text, fmt)
        assert isomorphic(back, expected), fmt
        assert {str(o) for o in back.objects(None, PLAN.name)} == set(names), fmt
        assert {str(o) for o in back.objects(None, PLAN.quote)} == {quote}, fmt
        assert {str(o) for o in back.objects(None, PLAN.id)} == set(graph.nodes), fmt
        assert len(list(pyoxigraph.parse(text.encode(), format=OXI[fmt]))) == len(expected), fmt
    nt = generate_ntriples(graph)
    assert nt.splitlines() == nt.split("\n")[:-1] and len(nt.splitlines()) == len(expected)
    assert [line.endswith(" .") for line in nt.splitlines()] == [True] * len(expected)


@pytest.mark.parametrize("char", list(AWKWARD))
def test_each_awkward_character_alone_survives_every_writer(char):
    name = f"园区{char}小镇"
    graph = graph_of([name], f"到{char}2030年", f"k{char}")
    for fmt, generate in FORMATS.items():
        back = _reads(generate(graph), fmt)
        assert Literal(name, lang="zh") in set(back.objects(None, PLAN.name)), (fmt, hex(ord(char)))


def test_escape_uses_echar_or_uchar_and_leaves_other_text():
    assert escape_string('a"b\\c\n\r\t\b\f') == 'a\\"b\\\\c\\n\\r\\t\\b\\f'
    escaped = "\\u000B\\u001E\\u0085\\u2028\\u2029\\u0000\\u007F"
    assert escape_string("\x0b\x1e\x85\u2028\u2029\x00\x7f") == escaped
    assert escape_string("集成电路 ① ，") == "集成电路 ① ，"


def test_ntriples_of_a_page_break_quote_is_one_line_per_triple():
    """pdftotext puts a form feed at every page break; the old writer split such lines apart."""
    graph = graph_of(["滨江物联网小镇"], "第一页\x0c第二页", "note")
    text = generate_ntriples(graph)
    assert "\x0c" not in text and "\\f" in text
    assert len(text.splitlines()) == len(graph_to_rdf(graph))


def test_turtle_and_jsonld_are_sorted_and_deterministic():
    graph = graph_of(["乙", "甲"], "引文", "note")
    assert generate_turtle(graph) == generate_turtle(graph_of(["乙", "甲"], "引文", "note"))
    turtle = generate_turtle(graph)
    subjects = [line for line in turtle.splitlines() if line.startswith("<")]
    assert subjects == sorted(subjects)
    jsonld = generate_jsonld(graph).splitlines()
    ids = [line for line in jsonld if line.startswith('{"@id"')]
    assert ids == sorted(ids) and len(ids) == len({s for s, *_ in graph_to_rdf(graph)})


def test_the_rdf_of_graph_data_is_that_of_its_multidigraph():
    """``kg build`` writes RDF from plain dicts: the same bytes in every format, on a whole plan and
    on a cluster two plans support (its concept schemes come from the edges of both)."""
    from kg.graph import GraphData, add_parts, record_parts, to_networkx
    from kg.pipeline import build_graph_from_paths
    from tests.plans import NANJING

    data = build_graph_from_paths([NANJING], graph=GraphData())
    a, b = Source("plan-a", "第一章", 1, 1, "甲"), Source("plan-b", "第一章", 1, 1, "乙")
    records = [Node("plan-a", "Plan", "甲", a), Node("plan-b", "Plan", "乙", b),
               Node("cluster:集成电路", "IndustryCluster", "集成电路", a),
               Node("platform:甲园", "Platform", "甲园", a), Node("platform:乙园", "Platform", "乙园", b),
               Edge("platform:甲园", "cluster:集成电路", "SUPPORTS", a),
               Edge("platform:乙园", "cluster:集成电路", "SUPPORTS", b)]  # fmt: skip
    shared = add_parts(GraphData(), record_parts(records))
    shared.graph["plans"] = ["plan-a", "plan-b"]
    for one in (data, shared):
        graph = to_networkx(one)
        for fmt, generate in FORMATS.items():
            assert generate(one) == generate(graph), fmt
    schemes = {line.split()[2] for line in generate_ntriples(shared).splitlines() if "inScheme" in line}
    assert {s.rsplit("/", 1)[1] for s in schemes} == {"plan-a>", "plan-b>"}
