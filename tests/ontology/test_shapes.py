"""ontology/shapes.ttl: the tiny graph and the real plans conform; broken graphs fail with a clear message."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDFS
from rdflib.namespace import SH

from kg.exports.rdf import graph_to_rdf
from kg.ontology.validate import Violation, shapes_graph, validate_rdf
from kg.ontology.vocab import PLAN
from kg.schema import ontology_graph

TARGET = "tiny-plan/target/1"


def _violations(graph) -> list[Violation]:
    return validate_rdf(graph_to_rdf(graph))


def _summary(graph) -> set[tuple[str, str, str]]:
    return {(v.node, v.path, v.message) for v in _violations(graph)}


def test_tiny_graph_conforms(tiny_graph):
    assert _violations(tiny_graph) == []


def test_target_year_as_string_is_rejected(tiny_graph):
    tiny_graph.nodes[TARGET]["year"] = "2030"
    assert _summary(tiny_graph) == {(TARGET, "plan:year", "Target year must be at most one xsd:integer")}


def test_indicator_without_name_is_rejected(tiny_graph):
    del tiny_graph.nodes["tiny-plan/indicator/1"]["name"]
    assert _summary(tiny_graph) == {
        ("tiny-plan/indicator/1", "plan:name", "a node needs exactly one name, a language-tagged string")
    }


def test_supports_edge_from_a_target_is_rejected(tiny_graph):
    tiny_graph.add_edge(TARGET, "cluster:集成电路", key="SUPPORTS", type="SUPPORTS")
    assert _summary(tiny_graph) == {
        (TARGET, "", "supports must start at a Platform, Institution, District, Goal or Measure")
    }


def test_edge_to_the_wrong_kind_of_node_is_rejected(tiny_graph):
    tiny_graph.add_edge("tiny-plan/measure/box1.1", "cluster:集成电路", key="SUPPORTS", type="SUPPORTS")
    assert _summary(tiny_graph) == {
        ("tiny-plan/measure/box1.1", "plan:supports", "Measure --supports--> must end at Goal")
    }


def test_indicator_attribute_outside_the_two_values_is_rejected(tiny_graph):
    tiny_graph.nodes["tiny-plan/indicator/2"]["attribute"] = "强制性"
    tiny_graph.nodes["tiny-plan/indicator/2"]["binding"] = "true"
    assert _summary(tiny_graph) == {
        ("tiny-plan/indicator/2", "plan:attribute", "Indicator attribute must be 预期性 or 约束性"),
        ("tiny-plan/indicator/2", "plan:binding", "Indicator binding must be at most one xsd:boolean"),
    }


def test_text_derived_node_needs_a_quote(tiny_graph):
    del tiny_graph.nodes[TARGET]["source"]
    tiny_graph.nodes["tiny-plan/part/1"]["source"]["quote"] = ""
    found = _summary(tiny_graph)
    assert (
        TARGET,
        "prov:wasDerivedFrom",
        "a text-derived node needs provenance (prov:wasDerivedFrom a plan:TextLocation with a quote)",
    ) in found
    assert {message for _, path, message in found if path == "plan:quote"} == {
        "a text location needs exactly one non-empty quote"
    }
    assert len(found) == 2


def test_shared_entity_without_provenance_is_fine(tiny_graph):
    assert "source" not in tiny_graph.nodes["district:杭州市滨江区"]
    assert _violations(tiny_graph) == []


def _or_classes(shapes, shape) -> set[str]:
    return {
        str(shapes.value(member, SH["class"])).split("#")[1]
        for member in shapes.items(shapes.value(shape, SH["or"]))
    }


@pytest.mark.parametrize("edge", ["partOf", "supports", "locatedIn", "measuredBy", "mentions"])
def test_edge_subject_shapes_match_the_ontology_domain(edge):
    shapes, ontology = shapes_graph(), ontology_graph()
    (shape,) = shapes.subjects(SH.targetSubjectsOf, PLAN[edge])
    domain = ontology.value(PLAN[edge], RDFS.domain)
    members = ontology.value(domain, OWL.unionOf)
    expected = {str(c).split("#")[1] for c in (ontology.items(members) if members else [domain])}
    assert _or_classes(shapes, shape) == expected


def test_bundled_plan_conforms(bundled_graph):
    assert _violations(bundled_graph) == []


def test_nanjing_plan_conforms(nanjing_graph):
    assert _violations(nanjing_graph) == []
