"""RDF export (Turtle, JSON-LD, N-Triples) against the ontology in ``ontology/plan.ttl``.

IRI scheme, all under a configurable base IRI (default ``DEFAULT_BASE_IRI``):

- node ``{base}node/{encoded id}``: the node id is split on ``/`` and every segment is
  percent-encoded as UTF-8 with only the unreserved characters ``A-Z a-z 0-9 - . _ ~`` left as they
  are (a segment made only of dots is encoded too, so IRI resolution never collapses it). The result
  is a valid URI; ``decode_node_id`` reverses it. ``cluster:集成电路`` -> ``node/cluster%3A%E9%9B%86...``.
- text location (provenance) ``{base}source/{sha256 of planId, path, lines, quote}``;
- reified edge ``{base}statement/{sha256 of start, type, end}``;
- per-plan SKOS scheme of clusters ``{base}scheme/{encoded plan id}``; tier ``{base}tier/{encoded}``;
- shared industry concept ``{base}industry/{encoded label}`` (``loaders/reference/industries.py``), a
  skos:Concept in the scheme ``{base}industry/``; a cluster is its ``skos:exactMatch`` or
  ``skos:closeMatch`` (the cluster's ``conceptMatch``), so clusters of different plans meet there.

Edges become triples ``start plan:<edgeType> end``; an edge with provenance or properties also gets
an ``rdf:Statement`` (standard reification) that ``prov:wasDerivedFrom`` its location. Literals: names
are ``@zh``; ints ``xsd:integer``, floats ``xsd:decimal``, bools ``xsd:boolean``, other strings
``xsd:string``; lists become one value per item; ``None`` is left out. Output is deterministic.

The triples come from one place (``exports/rdf_triples.py``, plain terms); the files are written
from them directly (``exports/rdf_text.py``, fast), and ``graph_to_rdf`` gives the same triples as an
rdflib graph for SHACL, SPARQL on rdflib and Python users.
"""

from __future__ import annotations

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.exports import rdf_triples
from kg.exports.rdf_terms import DEFAULT_BASE_IRI, check_base_iri, decode_node_id, encode_node_id
from kg.exports.rdf_text import (
    generate_jsonld,
    generate_ntriples,
    generate_turtle,
    write_jsonld,
    write_ntriples,
    write_turtle,
)
from kg.ontology.vocab import PLAN

__all__ = [
    "DEFAULT_BASE_IRI",
    "PLAN",
    "check_base_iri",
    "decode_node_id",
    "encode_node_id",
    "generate_jsonld",
    "generate_ntriples",
    "generate_turtle",
    "graph_to_rdf",
    "industry_concept_iri",
    "node_iri",
    "write_jsonld",
    "write_ntriples",
    "write_turtle",
]
PREFIXES = {
    "plan": PLAN._NS,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
}


def node_iri(node_id: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(rdf_triples.node_iri(node_id, base_iri))


def industry_concept_iri(label: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(rdf_triples.industry_concept_iri(label, base_iri))


def graph_to_rdf(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The RDF form of a plan graph as an rdflib graph (pure: the input is not changed)."""
    rdf = Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    rdf.bind("node", Namespace(f"{base_iri}node/"))
    iris: dict[str, URIRef] = {}
    datatypes: dict[str, URIRef] = {}

    def term(t):
        if type(t) is str:
            iri = iris.get(t)
            if iri is None:
                iri = iris[t] = URIRef(t)
            return iri
        datatype = None
        if t.datatype is not None:
            datatype = datatypes.get(t.datatype) or datatypes.setdefault(t.datatype, URIRef(t.datatype))
        return Literal(t.lexical, lang=t.lang, datatype=datatype)

    add = rdf.add
    for s, p, o in rdf_triples.graph_triples(graph, base_iri):
        add((term(s), term(p), term(o)))
    return rdf
