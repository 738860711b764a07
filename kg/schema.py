"""Node and edge types, read from the ontology (``ontology/plan.ttl``), the single source of truth.

Edge types are RDF properties in lowerCamel (``locatedIn``) and Neo4j relationship types in
UPPER_SNAKE (``LOCATED_IN``); the mapping between the two is mechanical.

The types and labels are read with pyoxigraph's parser (a few milliseconds); rdflib, which takes a
tenth of a second to import and as long to parse the ontology, is imported only by
``ontology_graph()`` and ``PLAN`` (its ``Namespace``), for the callers that want rdflib terms.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

PLAN_IRI = "https://w3id.org/plan-kg/ontology#"
ONTOLOGY_FILE = "plan.ttl"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
OWL_OBJECT_PROPERTY = "http://www.w3.org/2002/07/owl#ObjectProperty"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def __getattr__(name: str):
    if name == "PLAN":  # rdflib's Namespace, imported when asked for
        from rdflib import Namespace

        return Namespace(PLAN_IRI)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def ontology_text() -> str:
    return resources.files("kg.ontology").joinpath(ONTOLOGY_FILE).read_text(encoding="utf-8")


@cache
def ontology_graph() -> Graph:
    from rdflib import Graph

    g = Graph()
    g.parse(data=ontology_text(), format="turtle")
    return g


@cache
def _ontology() -> tuple[frozenset[tuple[str, str, str]], dict[str, dict[str, str]]]:
    """(subject, predicate, object) of the ontology's IRI-valued and boolean triples as strings
    (``"true"`` for a true boolean), and each subject's labels by language."""
    from pyoxigraph import Literal, NamedNode, RdfFormat, parse

    triples, labels = set(), {}
    for t in parse(ontology_text(), format=RdfFormat.TURTLE):
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, NamedNode):
            continue
        if isinstance(o, NamedNode):
            triples.add((s.value, p, o.value))
        elif isinstance(o, Literal):
            if p == RDFS_LABEL and o.language:
                labels.setdefault(s.value, {})[o.language] = o.value
            elif o.datatype.value == XSD_BOOLEAN and o.value in ("true", "1"):
                triples.add((s.value, p, "true"))
    return frozenset(triples), labels


def _local(iri: str) -> str:
    return iri[len(PLAN_IRI) :]


def _marked(annotation: str, kind: str) -> list[str]:
    """Ontology terms marked ``plan:<annotation> true`` that are ``rdf:type kind``: node types are
    owl:Class and edge types owl:ObjectProperty so marked; helper classes (plan:TextLocation) are not."""
    triples = _ontology()[0]
    marker = PLAN_IRI + annotation
    return [s for s, p, o in triples if p == marker and o == "true" and (s, RDF_TYPE, kind) in triples]


def label(local: str, language: str) -> str | None:
    """The ontology's label of ``plan:<local>`` in ``language`` (``IndustryCluster``, ``zh`` -> 产业集群)."""
    return _ontology()[1].get(PLAN_IRI + local, {}).get(language)


def camel_to_upper_snake(name: str) -> str:
    """``locatedIn`` -> ``LOCATED_IN``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def upper_snake_to_camel(name: str) -> str:
    """``LOCATED_IN`` -> ``locatedIn``."""
    head, *rest = name.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


@cache
def node_types() -> frozenset[str]:
    return frozenset(_local(c) for c in _marked("isNodeType", OWL_CLASS))


@cache
def edge_types() -> frozenset[str]:
    return frozenset(camel_to_upper_snake(_local(p)) for p in _marked("isEdgeType", OWL_OBJECT_PROPERTY))


def check_node_type(name: str) -> str:
    if name not in node_types():
        raise ValueError(f"unknown node type {name!r}; known: {', '.join(sorted(node_types()))}")
    return name


def check_edge_type(name: str) -> str:
    if name not in edge_types():
        raise ValueError(f"unknown edge type {name!r}; known: {', '.join(sorted(edge_types()))}")
    return name
