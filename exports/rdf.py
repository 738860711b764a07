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
"""

from __future__ import annotations

import hashlib
import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.io import atomic_write_text
from kg.loaders.reference.industries import concepts as industry_concepts
from kg.ontology.vocab import PLAN
from kg.schema import upper_snake_to_camel

DEFAULT_BASE_IRI = "https://w3id.org/plan-kg/id/"
NODE_ATTRS = {"type", "name", "source"}
EDGE_ATTRS = {"type", "provenance"}
PREFIXES = {
    "plan": PLAN._NS,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
}


def check_base_iri(base_iri: str) -> str:
    """An absolute http(s) IRI ending in ``/`` or ``#``; raises ``ValueError`` otherwise."""
    parts = urlsplit(base_iri)
    if parts.scheme not in ("http", "https") or not parts.netloc or base_iri[-1] not in "/#":
        raise ValueError(f"base IRI must be an absolute http(s) IRI ending in '/' or '#', got {base_iri!r}")
    if any(ch in base_iri for ch in ' <>"{}|\\^`'):
        raise ValueError(f"base IRI contains characters not allowed in an IRI: {base_iri!r}")
    return base_iri


def _encode_segment(segment: str) -> str:
    encoded = quote(segment, safe="", encoding="utf-8")
    return encoded.replace(".", "%2E") if encoded and set(encoded) == {"."} else encoded


def encode_node_id(node_id: str) -> str:
    """``tiny-plan/part/1`` -> ``tiny-plan/part/1``; ``cluster:集成 电路`` -> ``cluster%3A%E9...%20...``."""
    return "/".join(_encode_segment(segment) for segment in node_id.split("/"))


def decode_node_id(encoded: str) -> str:
    return unquote(encoded, encoding="utf-8")


def node_iri(node_id: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}node/{encode_node_id(node_id)}")


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]


def _literals(value: Any) -> list[Literal]:
    if value is None:
        return []
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return [lit for item in items for lit in _literals(item)]
    if isinstance(value, bool):
        return [Literal(value)]
    if isinstance(value, int):
        return [Literal(value, datatype=XSD.integer)]
    if isinstance(value, float):
        if not math.isfinite(value):
            return [Literal(value, datatype=XSD.double)]
        return [Literal(Decimal(repr(value)), datatype=XSD.decimal)]
    if isinstance(value, str):
        return [Literal(value)]
    return [Literal(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))]


def _prop(key: str) -> URIRef:
    """The ``plan:`` property for an attribute; undeclared keys are kept (percent-encoded)."""
    try:
        return PLAN[key]
    except AttributeError:
        return URIRef(f"{PLAN._NS}{quote(key, safe='')}")


def _add_props(rdf: Graph, subject: URIRef, attrs: dict, skip: set[str]) -> None:
    for key in sorted(attrs):
        if key not in skip:
            for lit in _literals(attrs[key]):
                rdf.add((subject, _prop(key), lit))


def _add_location(rdf: Graph, graph: nx.MultiDiGraph, source: dict, base_iri: str) -> URIRef:
    plan_id = source.get("planId")
    loc = URIRef(
        f"{base_iri}source/"
        + _digest(
            plan_id, source.get("path"), source.get("lineStart"), source.get("lineEnd"), source.get("quote")
        )
    )
    rdf.add((loc, RDF.type, PLAN.TextLocation))
    for key, term in [
        ("planId", PLAN.planId),
        ("path", PLAN.path),
        ("lineStart", PLAN.lineStart),
        ("lineEnd", PLAN.lineEnd),
        ("quote", PLAN.quote),
    ]:
        for lit in _literals(source.get(key)):
            rdf.add((loc, term, lit))
    if plan_id in graph and graph.nodes[plan_id].get("type") == "Plan":
        rdf.add((loc, PROV.hadPrimarySource, node_iri(plan_id, base_iri)))
    return loc


def _cluster_plans(graph: nx.MultiDiGraph, node_id: str) -> list[str]:
    """Plans a shared cluster appears in: its own source and the provenance of its edges."""
    plans = set()
    source = graph.nodes[node_id].get("source") or {}
    plans.add(source.get("planId"))
    for _, _, attrs in [*graph.in_edges(node_id, data=True), *graph.out_edges(node_id, data=True)]:
        plans.add((attrs.get("provenance") or {}).get("planId"))
    plans.discard(None)
    return sorted(plans) or sorted(graph.graph.get("plans", []))


def _add_skos(rdf: Graph, graph: nx.MultiDiGraph, node_id: str, subject: URIRef, base_iri: str) -> None:
    attrs = graph.nodes[node_id]
    rdf.add((subject, RDF.type, SKOS.Concept))
    rdf.add((subject, SKOS.prefLabel, Literal(attrs["name"], lang="zh")))
    schemes = [URIRef(f"{base_iri}scheme/{encode_node_id(p)}") for p in _cluster_plans(graph, node_id)]
    tier = attrs.get("tier")
    tier_iri = URIRef(f"{base_iri}tier/{_encode_segment(tier)}") if isinstance(tier, str) and tier else None
    if tier_iri is not None:
        rdf.add((subject, SKOS.broader, tier_iri))
        rdf.add((tier_iri, RDF.type, SKOS.Concept))
        rdf.add((tier_iri, SKOS.prefLabel, Literal(tier, lang="zh")))
    for scheme in schemes:
        rdf.add((scheme, RDF.type, SKOS.ConceptScheme))
        rdf.add((scheme, RDFS.label, Literal("产业集群体系", lang="zh")))
        rdf.add((scheme, RDFS.label, Literal("Industry cluster scheme", lang="en")))
        rdf.add((subject, SKOS.inScheme, scheme))
        if tier_iri is not None:
            rdf.add((tier_iri, SKOS.inScheme, scheme))
            rdf.add((tier_iri, SKOS.topConceptOf, scheme))
            rdf.add((scheme, SKOS.hasTopConcept, tier_iri))
    labels = attrs.get("concepts") or []
    match = SKOS.exactMatch if attrs.get("conceptMatch") == "exact" else SKOS.closeMatch
    for label in [labels] if isinstance(labels, str) else labels:
        if isinstance(label, str) and label:
            rdf.add((subject, match, _add_industry_concept(rdf, label, base_iri)))


def industry_concept_iri(label: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}industry/{_encode_segment(label)}")


def _add_industry_concept(rdf: Graph, label: str, base_iri: str) -> URIRef:
    """The shared concept ``label`` (and its broader concepts) in the industry scheme; its IRI."""
    scheme = URIRef(f"{base_iri}industry/")
    rdf.add((scheme, RDF.type, SKOS.ConceptScheme))
    rdf.add((scheme, RDFS.label, Literal("产业概念", lang="zh")))
    rdf.add((scheme, RDFS.label, Literal("Industry concepts", lang="en")))
    vocabulary = industry_concepts()
    iri, seen = industry_concept_iri(label, base_iri), set()
    while label is not None and label not in seen:
        seen.add(label)
        concept = industry_concept_iri(label, base_iri)
        rdf.add((concept, RDF.type, SKOS.Concept))
        rdf.add((concept, SKOS.prefLabel, Literal(label, lang="zh")))
        rdf.add((concept, SKOS.inScheme, scheme))
        entry = vocabulary.get(label)
        if entry is None:
            break
        for alt in entry.alt_labels:
            rdf.add((concept, SKOS.altLabel, Literal(alt, lang="zh")))
        if entry.source:
            rdf.add((concept, DCTERMS.source, Literal(entry.source)))
        if entry.broader:
            rdf.add((concept, SKOS.broader, industry_concept_iri(entry.broader, base_iri)))
        else:
            rdf.add((concept, SKOS.topConceptOf, scheme))
            rdf.add((scheme, SKOS.hasTopConcept, concept))
        label = entry.broader
    return iri


def graph_to_rdf(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The RDF form of a plan graph (pure: the input is not changed)."""
    check_base_iri(base_iri)
    rdf = Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    rdf.bind("node", Namespace(f"{base_iri}node/"))
    for node_id, attrs in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        subject = node_iri(node_id, base_iri)
        rdf.add((subject, RDF.type, PLAN[attrs["type"]]))
        rdf.add((subject, PLAN.id, Literal(node_id)))
        for name in _literals(attrs.get("name")):
            rdf.add((subject, PLAN.name, Literal(str(name), lang="zh")))
            rdf.add((subject, RDFS.label, Literal(str(name), lang="zh")))
        if attrs.get("source"):
            rdf.add((subject, PROV.wasDerivedFrom, _add_location(rdf, graph, attrs["source"], base_iri)))
        _add_props(rdf, subject, attrs, NODE_ATTRS)
        if attrs["type"] == "IndustryCluster":
            _add_skos(rdf, graph, node_id, subject, base_iri)
    for start, end, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"])):
        triple = (
            node_iri(start, base_iri),
            PLAN[upper_snake_to_camel(attrs["type"])],
            node_iri(end, base_iri),
        )
        rdf.add(triple)
        if set(attrs) - {"type"}:
            _add_statement(rdf, graph, triple, attrs, base_iri)
    return rdf


def _add_statement(rdf: Graph, graph: nx.MultiDiGraph, triple: tuple, attrs: dict, base_iri: str) -> None:
    statement = URIRef(f"{base_iri}statement/{_digest(*triple)}")
    rdf.add((statement, RDF.type, RDF.Statement))
    rdf.add((statement, RDF.subject, triple[0]))
    rdf.add((statement, RDF.predicate, triple[1]))
    rdf.add((statement, RDF.object, triple[2]))
    if attrs.get("provenance"):
        rdf.add((statement, PROV.wasDerivedFrom, _add_location(rdf, graph, attrs["provenance"], base_iri)))
    _add_props(rdf, statement, attrs, EDGE_ATTRS)


def generate_turtle(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    return graph_to_rdf(graph, base_iri).serialize(format="turtle")


def generate_ntriples(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    lines = graph_to_rdf(graph, base_iri).serialize(format="nt").splitlines()
    return "".join(f"{line}\n" for line in sorted(set(lines)) if line.strip())


def _sorted_jsonld(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted_jsonld(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_jsonld(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


def generate_jsonld(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    rdf = graph_to_rdf(graph, base_iri)
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = json.loads(rdf.serialize(format="json-ld", context=context, auto_compact=True))
    data = _sorted_jsonld(data)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return [atomic_write_text(path, generate_turtle(graph, base_iri))]


def write_ntriples(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return [atomic_write_text(path, generate_ntriples(graph, base_iri))]


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return [atomic_write_text(path, generate_jsonld(graph, base_iri))]
