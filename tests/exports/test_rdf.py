# ruff: noqa: E501
"""exports/rdf.py: IRIs, literals, provenance, SKOS, round trips through every format, determinism."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal

import pytest
import rdflib.namespace as ns
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.exports.rdf import (
    DEFAULT_BASE_IRI,
    decode_node_id,
    encode_node_id,
    generate_jsonld,
    generate_ntriples,
    generate_turtle,
    graph_to_rdf,
    node_iri,
    write_jsonld,
    write_ntriples,
    write_turtle,
)
from kg.exports.registry import FILE_NAMES, get_exporter
from kg.graph import build_graph
from kg.ontology.validate import validate_rdf
from kg.ontology.vocab import PLAN
from kg.records import Edge, Node, Source
from tests.queries.two_plans import GUANGZHOU_IC, HANGZHOU_IC, two_plan_graph, with_concept

BASE = DEFAULT_BASE_IRI
TARGET = node_iri("tiny-plan/target/1")
CLUSTER = node_iri("cluster:集成电路")
PLATFORM = node_iri("platform:滨江物联网小镇")
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~/:]|%[0-9A-F]{2})*$")
AWKWARD_IDS = [
    "platform:有 空格 的园区",
    'institution:"引号"研究院',
    "platform:<尖括号>小镇",
    "cluster:a#b",
    "plan/..",
    "plan/100%/x",
    "platform:杭州 \\ 反斜杠{}|^`",
]


def test_node_iri_encodes_utf8_segments_and_keeps_slashes():
    assert node_iri("tiny-plan/part/1") == URIRef(f"{BASE}node/tiny-plan/part/1")
    assert node_iri("cluster:集成电路") == URIRef(
        f"{BASE}node/cluster%3A%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF"
    )
    assert encode_node_id("plan/../x") == "plan/%2E%2E/x"


@pytest.mark.parametrize("node_id", AWKWARD_IDS)
def test_awkward_ids_give_valid_reversible_iris(node_id):
    encoded = encode_node_id(node_id)
    assert URI_CHARS.match(encoded), encoded
    assert decode_node_id(encoded) == node_id


def test_awkward_ids_survive_every_format(tmp_path):
    src = Source("p", "第一篇", 1, 1, '引号"与<尖括号>')
    records = [Node(i, "Platform", i.split(":")[-1], src) for i in AWKWARD_IDS]
    records.append(Edge(AWKWARD_IDS[0], AWKWARD_IDS[2], "SUPPORTS", src))
    rdf = graph_to_rdf(build_graph(records))
    for text, fmt in [
        (generate_turtle(build_graph(records)), "turtle"),
        (generate_ntriples(build_graph(records)), "nt"),
        (generate_jsonld(build_graph(records)), "json-ld"),
    ]:
        back = Graph().parse(data=text, format=fmt)
        assert isomorphic(back, rdf), fmt
        ids = {str(o) for o in back.objects(None, PLAN.id)}
        assert set(AWKWARD_IDS) <= ids


def test_node_types_names_and_typed_literals(tiny_graph):
    rdf = graph_to_rdf(tiny_graph)
    assert (TARGET, ns.RDF.type, PLAN.Target) in rdf
    assert rdf.value(TARGET, PLAN.name) == Literal("集成电路产业营业收入超1000亿元", lang="zh")
    year = rdf.value(TARGET, PLAN.year)
    assert (year.datatype, year.toPython()) == (ns.XSD.integer, 2030)
    number = rdf.value(TARGET, PLAN.number)
    assert (number.datatype, number.toPython()) == (ns.XSD.decimal, Decimal("1000.0"))
    assert rdf.value(TARGET, PLAN.value) == Literal("1000")
    indicator = node_iri("tiny-plan/indicator/2")
    assert rdf.value(indicator, PLAN.binding) == Literal(True)
    assert rdf.value(indicator, PLAN.binding).datatype == ns.XSD.boolean
    # target None on indicator 1 is left out, not written as "None"
    assert rdf.value(node_iri("tiny-plan/indicator/1"), PLAN.target) is None
    aliases = set(rdf.objects(node_iri("district:杭州市滨江区"), PLAN.aliases))
    assert aliases == {Literal("滨江"), Literal("杭州高新区（滨江）")}


def test_node_provenance_is_a_text_location(tiny_graph):
    rdf = graph_to_rdf(tiny_graph)
    loc = rdf.value(TARGET, ns.PROV.wasDerivedFrom)
    assert (loc, ns.RDF.type, PLAN.TextLocation) in rdf
    assert str(rdf.value(loc, PLAN.quote)) == "到2030年，集成电路产业营业收入超1000亿元"
    assert str(rdf.value(loc, PLAN.path)) == "第一篇/第一章/第一节/专栏1/1"
    assert (rdf.value(loc, PLAN.lineStart).toPython(), rdf.value(loc, PLAN.lineEnd).toPython()) == (11, 11)
    assert rdf.value(loc, ns.PROV.hadPrimarySource) == node_iri("tiny-plan")
    assert rdf.value(node_iri("district:杭州市"), ns.PROV.wasDerivedFrom) is None


def test_edges_and_reified_edge_provenance(tiny_graph):
    rdf = graph_to_rdf(tiny_graph)
    assert (PLATFORM, PLAN.supports, CLUSTER) in rdf
    assert (node_iri("tiny-plan/part/1"), PLAN.partOf, node_iri("tiny-plan")) in rdf
    statements = list(rdf.subjects(ns.RDF.type, ns.RDF.Statement))
    # 14 edges carry provenance in tiny.py (4 SUPPORTS, 3 LOCATED_IN, 2 MEASURED_BY, 5 MENTIONS)
    assert len(statements) == 14
    (st,) = [
        s
        for s in statements
        if rdf.value(s, ns.RDF.subject) == PLATFORM and rdf.value(s, ns.RDF.object) == CLUSTER
    ]
    assert rdf.value(st, ns.RDF.predicate) == PLAN.supports
    assert str(rdf.value(rdf.value(st, ns.PROV.wasDerivedFrom), PLAN.quote)) == "滨江物联网小镇"
    edge_properties = {PLAN.partOf, PLAN.supports, PLAN.locatedIn, PLAN.measuredBy, PLAN.mentions}
    assert len([t for t in rdf if t[1] in edge_properties]) == tiny_graph.number_of_edges() == 24


def test_clusters_are_skos_concepts_in_a_plan_scheme_under_their_tier(tiny_graph):
    rdf = graph_to_rdf(tiny_graph)
    scheme = URIRef(f"{BASE}scheme/tiny-plan")
    tier = URIRef(f"{BASE}tier/%E5%8D%83%E4%BA%BF%E7%BA%A7")
    assert (CLUSTER, ns.RDF.type, ns.SKOS.Concept) in rdf
    assert (CLUSTER, ns.SKOS.inScheme, scheme) in rdf
    assert (scheme, ns.RDF.type, ns.SKOS.ConceptScheme) in rdf
    assert (CLUSTER, ns.SKOS.broader, tier) in rdf
    assert rdf.value(tier, ns.SKOS.prefLabel) == Literal("千亿级", lang="zh")
    assert (tier, ns.SKOS.topConceptOf, scheme) in rdf
    assert str(rdf.value(CLUSTER, PLAN.tier)) == "千亿级"


def test_base_iri_is_configurable_and_checked(tiny_graph):
    rdf = graph_to_rdf(tiny_graph, "https://example.org/kg/")
    nodes = set(rdf.subjects(ns.RDF.type, PLAN.Platform))
    assert nodes == {
        URIRef(
            "https://example.org/kg/node/platform%3A%E6%BB%A8%E6%B1%9F%E7%89%A9%E8%81%94%E7%BD%91%E5%B0%8F%E9%95%87"
        ),
        URIRef("https://example.org/kg/node/platform%3A%E9%92%B1%E5%A1%98%E8%8A%AF%E8%B0%B7"),
    }
    for bad in ["example.org/kg/", "https://example.org/kg", "ftp://example.org/", "https://ex ample.org/"]:
        with pytest.raises(ValueError, match="base IRI"):
            graph_to_rdf(tiny_graph, bad)


def test_graph_to_rdf_does_not_change_the_graph(tiny_graph):
    before = (sorted(tiny_graph.nodes(data=True), key=str), sorted(tiny_graph.edges(data=True), key=str))
    graph_to_rdf(tiny_graph)
    assert (
        sorted(tiny_graph.nodes(data=True), key=str),
        sorted(tiny_graph.edges(data=True), key=str),
    ) == before


@pytest.mark.parametrize(
    ("name", "writer", "fmt"),
    [("ttl", write_turtle, "turtle"), ("jsonld", write_jsonld, "json-ld"), ("nt", write_ntriples, "nt")],
)
def test_each_format_parses_back_isomorphic(tiny_graph, tmp_path, name, writer, fmt):
    assert get_exporter(name) is writer
    (path,) = writer(tiny_graph, tmp_path / FILE_NAMES[name])
    assert path.name == FILE_NAMES[name]
    back = Graph().parse(path, format=fmt)
    assert len(back) > 200
    assert isomorphic(back, graph_to_rdf(tiny_graph))


@pytest.mark.parametrize("name", ["ttl", "jsonld", "nt"])
def test_two_exports_are_byte_identical(tiny_graph, tmp_path, name):
    first = get_exporter(name)(tiny_graph, tmp_path / "a" / FILE_NAMES[name])[0].read_bytes()
    second = get_exporter(name)(tiny_graph, tmp_path / "b" / FILE_NAMES[name])[0].read_bytes()
    assert first == second


def test_output_does_not_depend_on_hash_seed(tmp_path):
    code = (
        "import sys; from tests.fixtures.tiny import tiny_graph; from kg.exports import rdf;"
        "sys.stdout.buffer.write((rdf.generate_turtle(tiny_graph()) + rdf.generate_jsonld(tiny_graph())"
        " + rdf.generate_ntriples(tiny_graph())).encode())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert len(outputs.pop()) > 10_000


def test_ntriples_lines_are_sorted_and_unique(tiny_graph):
    lines = generate_ntriples(tiny_graph).splitlines()
    assert lines == sorted(set(lines))


def test_edge_properties_and_undeclared_node_properties_are_kept(tiny_graph):
    tiny_graph.nodes["platform:钱塘芯谷"]["opened year"] = 2021
    tiny_graph.add_edge("district:杭州市钱塘区", "district:杭州市", key="LOCATED_IN", type="LOCATED_IN")
    tiny_graph.edges["platform:钱塘芯谷", "cluster:集成电路", "SUPPORTS"]["role"] = "核心区"
    rdf = graph_to_rdf(tiny_graph)
    prop = URIRef(f"{PLAN._NS}opened%20year")
    assert rdf.value(node_iri("platform:钱塘芯谷"), prop) == Literal(2021)
    (st,) = rdf.subjects(URIRef(f"{PLAN._NS}role"), Literal("核心区"))
    assert rdf.value(st, ns.RDF.subject) == node_iri("platform:钱塘芯谷")
    assert rdf.value(st, ns.RDF.object) == CLUSTER


def test_clusters_link_to_shared_industry_concepts(tiny_graph):
    rdf = graph_to_rdf(with_concept(tiny_graph))
    concept = URIRef(f"{BASE}industry/%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF")
    broader = URIRef(f"{BASE}industry/%E6%96%B0%E4%B8%80%E4%BB%A3%E4%BF%A1%E6%81%AF%E6%8A%80%E6%9C%AF")
    scheme = URIRef(f"{BASE}industry/")
    assert (CLUSTER, ns.SKOS.exactMatch, concept) in rdf
    assert (CLUSTER, ns.SKOS.closeMatch, concept) not in rdf
    assert (concept, ns.RDF.type, ns.SKOS.Concept) in rdf
    assert rdf.value(concept, ns.SKOS.prefLabel) == Literal("集成电路", lang="zh")
    assert Literal("芯片", lang="zh") in set(rdf.objects(concept, ns.SKOS.altLabel))
    assert rdf.value(concept, ns.DCTERMS.source) == Literal("SEI2018 1.2")
    assert (concept, ns.SKOS.broader, broader) in rdf
    assert rdf.value(broader, ns.SKOS.prefLabel) == Literal("新一代信息技术", lang="zh")
    assert (broader, ns.SKOS.topConceptOf, scheme) in rdf
    assert {(concept, ns.SKOS.inScheme, scheme), (broader, ns.SKOS.inScheme, scheme)} <= set(rdf)
    assert (scheme, ns.RDF.type, ns.SKOS.ConceptScheme) in rdf
    assert set(rdf.objects(scheme, ns.RDFS.label)) == {
        Literal("产业概念", lang="zh"),
        Literal("Industry concepts", lang="en"),
    }
    # the cluster keeps its plan scheme and tier
    assert (CLUSTER, ns.SKOS.inScheme, URIRef(f"{BASE}scheme/tiny-plan")) in rdf
    assert (CLUSTER, ns.SKOS.broader, URIRef(f"{BASE}tier/%E5%8D%83%E4%BA%BF%E7%BA%A7")) in rdf
    for text, fmt in [
        (generate_turtle(tiny_graph), "turtle"),
        (generate_ntriples(tiny_graph), "nt"),
        (generate_jsonld(tiny_graph), "json-ld"),
    ]:
        assert isomorphic(Graph().parse(data=text, format=fmt), rdf), fmt
    assert validate_rdf(rdf) == []
    tiny_graph.nodes["cluster:集成电路"]["conceptMatch"] = "close"
    rdf = graph_to_rdf(tiny_graph)
    assert (CLUSTER, ns.SKOS.closeMatch, concept) in rdf
    assert (CLUSTER, ns.SKOS.exactMatch, concept) not in rdf


def test_clusters_of_two_plans_meet_at_the_same_concept():
    graph = two_plan_graph()
    rdf = graph_to_rdf(graph)
    concept = URIRef(f"{BASE}industry/%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF")
    assert (node_iri(HANGZHOU_IC), ns.SKOS.exactMatch, concept) in rdf
    assert (node_iri(GUANGZHOU_IC), ns.SKOS.closeMatch, concept) in rdf
    linked = set(rdf.subjects(ns.SKOS.exactMatch, concept)) | set(rdf.subjects(ns.SKOS.closeMatch, concept))
    assert {node_iri(HANGZHOU_IC), node_iri(GUANGZHOU_IC)} <= linked
