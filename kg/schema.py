"""Node and edge types, read from the ontology (``ontology/plan.ttl``), the single source of truth.

Edge types are RDF properties in lowerCamel (``locatedIn``) and Neo4j relationship types in
UPPER_SNAKE (``LOCATED_IN``); the mapping between the two is mechanical.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from rdflib import OWL, RDF, Graph, Literal, Namespace

PLAN = Namespace("https://w3id.org/plan-kg/ontology#")
ONTOLOGY_FILE = "plan.ttl"
# Node types are owl:Class and edge types owl:ObjectProperty marked with this annotation; helper
# classes of the ontology (e.g. plan:TextLocation) are not.
TRUE = Literal(True)


def ontology_text() -> str:
    return resources.files("kg.ontology").joinpath(ONTOLOGY_FILE).read_text(encoding="utf-8")


@cache
def ontology_graph() -> Graph:
    g = Graph()
    g.parse(data=ontology_text(), format="turtle")
    return g


def _local(iri) -> str:
    return str(iri)[len(str(PLAN)) :]


def camel_to_upper_snake(name: str) -> str:
    """``locatedIn`` -> ``LOCATED_IN``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def upper_snake_to_camel(name: str) -> str:
    """``LOCATED_IN`` -> ``locatedIn``."""
    head, *rest = name.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


@cache
def node_types() -> frozenset[str]:
    g = ontology_graph()
    return frozenset(_local(c) for c in g.subjects(PLAN.isNodeType, TRUE) if (c, RDF.type, OWL.Class) in g)


@cache
def edge_types() -> frozenset[str]:
    g = ontology_graph()
    return frozenset(
        camel_to_upper_snake(_local(p))
        for p in g.subjects(PLAN.isEdgeType, TRUE)
        if (p, RDF.type, OWL.ObjectProperty) in g
    )


def check_node_type(name: str) -> str:
    if name not in node_types():
        raise ValueError(f"unknown node type {name!r}; known: {', '.join(sorted(node_types()))}")
    return name


def check_edge_type(name: str) -> str:
    if name not in edge_types():
        raise ValueError(f"unknown edge type {name!r}; known: {', '.join(sorted(edge_types()))}")
    return name
