"""The triples of a plan graph (IRI scheme and mapping in ``exports/rdf.py``), as plain terms.

``graph_triples`` is the one place that decides what the RDF export says; every serialiser and the
rdflib graph are made from its set of ``(subject, predicate, object)``: IRIs are ``str``, literals
``Lit`` (``exports/rdf_terms.py``).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from kg.exports.rdf_terms import (
    DCTERMS_NS,
    PLAN_NS,
    PROV_NS,
    RDF_NS,
    RDF_TYPE,
    RDFS_NS,
    SKOS_NS,
    Lit,
    check_base_iri,
    encode_node_id,
    encode_segment,
    plan_prop,
    plan_terms,
)
from kg.loaders.reference.industries import concepts as industry_concepts
from kg.schema import upper_snake_to_camel

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph import GraphData

NODE_ATTRS = {"type", "name", "source"}
EDGE_ATTRS = {"type", "provenance"}
RDFS_LABEL = RDFS_NS + "label"
SKOS_CONCEPT, SKOS_SCHEME, SKOS_PREF, SKOS_IN = (
    SKOS_NS + t for t in ("Concept", "ConceptScheme", "prefLabel", "inScheme")
)
SKOS_BROADER, SKOS_TOP_OF, SKOS_HAS_TOP = (SKOS_NS + t for t in ("broader", "topConceptOf", "hasTopConcept"))
DERIVED, PRIMARY = PROV_NS + "wasDerivedFrom", PROV_NS + "hadPrimarySource"
LOCATION_KEYS = ("planId", "path", "lineStart", "lineEnd", "quote")


def node_iri(node_id: str, base_iri: str) -> str:
    return f"{base_iri}node/{encode_node_id(node_id)}"


def industry_concept_iri(label: str, base_iri: str) -> str:
    return f"{base_iri}industry/{encode_segment(label)}"


def plan_term(local: str) -> str:
    """A term the ontology declares (a node type or edge property); anything else raises."""
    if local not in plan_terms():
        raise ValueError(f"{local!r} is not a term of the ontology (ontology/plan.ttl)")
    return PLAN_NS + local


_DIGEST_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # what json.dumps makes, once


def _digest(*parts: Any) -> str:
    return hashlib.sha256(_DIGEST_JSON.encode(parts).encode()).hexdigest()[:32]


class _Triples:
    """Collects the triples of one graph (a set, so repeated facts are one triple). The graph is a
    MultiDiGraph, a ``GraphData`` or a ``GraphView``: only what all three have is read."""

    def __init__(self, graph: nx.MultiDiGraph | GraphData, base_iri: str, add=None):
        self.graph, self.base, self.out = graph, base_iri, set()
        self.add = self.out.add if add is None else add
        self.iris: dict[str, str] = {}
        self.locations: dict[tuple, str] = {}  # a text location is written once
        self._cluster_plans: dict[str, set] | None = None

    def iri(self, node_id: str) -> str:
        iri = self.iris.get(node_id)
        if iri is None:
            iri = self.iris[node_id] = node_iri(node_id, self.base)
        return iri

    def props(self, subject: str, attrs: dict, skip: set[str]) -> None:
        for key in sorted(attrs):
            if key not in skip:
                prop = plan_prop(key)
                for lit in Lit.of(attrs[key]):
                    self.add((subject, prop, lit))

    def location(self, source: dict) -> str:
        values = tuple(map(source.get, LOCATION_KEYS))
        try:
            return self.locations[values]
        except KeyError:
            cached = True
        except TypeError:  # an unhashable value (a list): written again, to the same triples
            cached = False
        loc = f"{self.base}source/" + _digest(*values)
        if cached:
            self.locations[values] = loc
        self.add((loc, RDF_TYPE, PLAN_NS + "TextLocation"))
        for key, value in zip(LOCATION_KEYS, values, strict=True):
            for lit in Lit.of(value):
                self.add((loc, PLAN_NS + key, lit))
        plan_id = source.get("planId")
        if (self.graph.nodes.get(plan_id) or {}).get("type") == "Plan":
            self.add((loc, PRIMARY, self.iri(plan_id)))
        return loc

    def node(self, node_id: str, attrs: dict) -> None:
        subject = self.iri(node_id)
        self.add((subject, RDF_TYPE, plan_term(attrs["type"])))
        self.add((subject, PLAN_NS + "id", Lit(node_id)))
        for name in Lit.of(attrs.get("name")):
            label = Lit(name.lexical, None, "zh")
            self.add((subject, PLAN_NS + "name", label))
            self.add((subject, RDFS_LABEL, label))
        if attrs.get("source"):
            self.add((subject, DERIVED, self.location(attrs["source"])))
        self.props(subject, attrs, NODE_ATTRS)
        if attrs["type"] == "IndustryCluster":
            self.skos(node_id, subject)

    def edge(self, start: str, end: str, attrs: dict) -> None:
        predicate = plan_term(upper_snake_to_camel(attrs["type"]))
        triple = (self.iri(start), predicate, self.iri(end))
        self.add(triple)
        if set(attrs) - {"type"}:
            statement = f"{self.base}statement/{_digest(*triple)}"
            self.add((statement, RDF_TYPE, RDF_NS + "Statement"))
            for prop, value in zip(("subject", "predicate", "object"), triple, strict=True):
                self.add((statement, RDF_NS + prop, value))
            if attrs.get("provenance"):
                self.add((statement, DERIVED, self.location(attrs["provenance"])))
            self.props(statement, attrs, EDGE_ATTRS)

    def cluster_plans(self, node_id: str) -> list[str]:
        """Plans a shared cluster appears in: its own source and the provenance of its edges."""
        graph = self.graph
        if self._cluster_plans is None:  # the plans of every cluster's edges, in one walk
            found = self._cluster_plans = {}
            clusters = {n for n, attrs in graph.nodes(data=True) if attrs["type"] == "IndustryCluster"}
            for start, end, attrs in graph.edges(data=True):
                for end_node in {start, end} & clusters:
                    found.setdefault(end_node, set()).add((attrs.get("provenance") or {}).get("planId"))
        plans = {(graph.nodes[node_id].get("source") or {}).get("planId")}
        plans |= self._cluster_plans.get(node_id, set())
        plans.discard(None)
        return sorted(plans) or sorted(graph.graph.get("plans", []))

    def skos(self, node_id: str, subject: str) -> None:
        add, attrs = self.add, self.graph.nodes[node_id]
        add((subject, RDF_TYPE, SKOS_CONCEPT))
        add((subject, SKOS_PREF, Lit(attrs["name"], None, "zh")))
        tier = attrs.get("tier")
        tier_iri = f"{self.base}tier/{encode_segment(tier)}" if isinstance(tier, str) and tier else None
        if tier_iri is not None:
            add((subject, SKOS_BROADER, tier_iri))
            add((tier_iri, RDF_TYPE, SKOS_CONCEPT))
            add((tier_iri, SKOS_PREF, Lit(tier, None, "zh")))
        for plan in self.cluster_plans(node_id):
            scheme = f"{self.base}scheme/{encode_node_id(plan)}"
            add((scheme, RDF_TYPE, SKOS_SCHEME))
            add((scheme, RDFS_LABEL, Lit("产业集群体系", None, "zh")))
            add((scheme, RDFS_LABEL, Lit("Industry cluster scheme", None, "en")))
            add((subject, SKOS_IN, scheme))
            if tier_iri is not None:
                add((tier_iri, SKOS_IN, scheme))
                add((tier_iri, SKOS_TOP_OF, scheme))
                add((scheme, SKOS_HAS_TOP, tier_iri))
        labels = attrs.get("concepts") or []
        match = SKOS_NS + ("exactMatch" if attrs.get("conceptMatch") == "exact" else "closeMatch")
        for label in [labels] if isinstance(labels, str) else labels:
            if isinstance(label, str) and label:
                add((subject, match, self.industry_concept(label)))

    def industry_concept(self, label: str) -> str:
        """The shared concept ``label`` (and its broader concepts) in the industry scheme; its IRI."""
        add, scheme = self.add, f"{self.base}industry/"
        add((scheme, RDF_TYPE, SKOS_SCHEME))
        add((scheme, RDFS_LABEL, Lit("产业概念", None, "zh")))
        add((scheme, RDFS_LABEL, Lit("Industry concepts", None, "en")))
        vocabulary = industry_concepts()
        iri, seen = industry_concept_iri(label, self.base), set()
        while label is not None and label not in seen:
            seen.add(label)
            concept = industry_concept_iri(label, self.base)
            add((concept, RDF_TYPE, SKOS_CONCEPT))
            add((concept, SKOS_PREF, Lit(label, None, "zh")))
            add((concept, SKOS_IN, scheme))
            entry = vocabulary.get(label)
            if entry is None:
                break
            for alt in entry.alt_labels:
                add((concept, SKOS_NS + "altLabel", Lit(alt, None, "zh")))
            if entry.source:
                add((concept, DCTERMS_NS + "source", Lit(entry.source)))
            if entry.broader:
                add((concept, SKOS_BROADER, industry_concept_iri(entry.broader, self.base)))
            else:
                add((concept, SKOS_TOP_OF, scheme))
                add((scheme, SKOS_HAS_TOP, concept))
            label = entry.broader
        return iri


def graph_triples(
    graph: nx.MultiDiGraph | GraphData, base_iri: str, add=None
) -> set[tuple[str, str, str | Lit]]:
    """Every triple of the RDF form of ``graph`` (pure: the input is not changed). With ``add``, each
    triple is handed to it instead (a fact may come more than once) and the set returned is empty."""
    check_base_iri(base_iri)
    triples = _Triples(graph, base_iri, add)
    for node_id, attrs in graph.nodes(data=True):
        triples.node(node_id, attrs)
    for start, end, attrs in graph.edges(data=True):
        triples.edge(start, end, attrs)
    return triples.out
