"""ontology/plan.ttl: every term documented and typed, the vocabulary and kg.schema in step with it."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.ontology.vocab import PLAN
from kg.schema import edge_types, node_types, ontology_graph

NS = str(PLAN._NS)


def _terms(g: Graph, kind) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, kind) if str(s).startswith(NS))


def _union(g: Graph, node) -> set[str]:
    """Local names of a class or of an owl:unionOf list."""
    members = g.value(node, OWL.unionOf)
    if members is None:
        return {str(node)[len(NS) :]}
    return {str(m)[len(NS) :] for m in g.items(members)}


def test_schema_reads_node_and_edge_types_not_helper_classes():
    assert node_types() == {
        "Appendix",
        "Plan", "Part", "Chapter", "Section", "Box", "Paragraph", "Table", "Measure", "Goal", "Target",
        "Indicator", "IndustryCluster", "Platform", "District", "Institution", "Project",
    }  # fmt: skip
    assert "TextLocation" not in node_types()
    assert edge_types() == {"PART_OF", "SUPPORTS", "LOCATED_IN", "MEASURED_BY", "MENTIONS"}


def test_vocabulary_matches_the_ontology_file():
    g = ontology_graph()
    declared = {str(s)[len(NS) :] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    assert declared == set(PLAN.__annotations__)
    with pytest.raises(AttributeError):
        PLAN.tyer  # noqa: B018 - a misspelt term must fail


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_term_has_zh_and_en_label_and_comment(kind):
    g = ontology_graph()
    terms = _terms(g, kind)
    assert terms
    for term in terms:
        langs = {label.language for label in g.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert g.value(term, RDFS.comment) is not None, term


@pytest.mark.parametrize("kind", [OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_property_has_domain_and_range(kind):
    g = ontology_graph()
    for prop in _terms(g, kind):
        assert g.value(prop, RDFS.domain) is not None, prop
        assert g.value(prop, RDFS.range) is not None, prop


def test_edge_domains_and_ranges_follow_the_design():
    g = ontology_graph()
    assert _union(g, g.value(PLAN.supports, RDFS.domain)) == {
        "Platform",
        "Institution",
        "District",
        "Goal",
        "Measure",
    }
    assert _union(g, g.value(PLAN.supports, RDFS.range)) == {"IndustryCluster", "Goal"}
    assert _union(g, g.value(PLAN.locatedIn, RDFS.range)) == {"District"}
    assert _union(g, g.value(PLAN.measuredBy, RDFS.range)) == {"Target", "Indicator"}
    assert _union(g, g.value(PLAN.mentions, RDFS.domain)) == {"Measure", "Goal"}
    assert "Part" in _union(g, g.value(PLAN.partOf, RDFS.domain))
    assert "Plan" in _union(g, g.value(PLAN.partOf, RDFS.range))


def _undeclared_keys(graph) -> set[str]:
    structural = {"type", "name", "source", "provenance"}
    keys = {k for _, attrs in graph.nodes(data=True) for k in attrs}
    keys |= {k for *_, attrs in graph.edges(data=True) for k in attrs}
    return {k for k in keys - structural if k not in PLAN.__annotations__}


def test_every_property_of_the_tiny_graph_is_declared(tiny_graph):
    assert _undeclared_keys(tiny_graph) == set()


def test_every_property_of_the_real_plans_is_declared(bundled_graph, nanjing_graph):
    """A new node or edge property needs a plan:<key> DatatypeProperty in plan.ttl (and vocab.py)."""
    assert _undeclared_keys(bundled_graph) | _undeclared_keys(nanjing_graph) == set()
