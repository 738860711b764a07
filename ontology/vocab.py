"""The ``plan:`` vocabulary as a typo-proof rdflib namespace (a misspelt term raises).

Kept in step with ``plan.ttl`` by ``tests/ontology/test_vocab.py``.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class PLAN(DefinedNamespace):
    _NS = Namespace("https://w3id.org/plan-kg/ontology#")
    _fail = True

    # node types
    Plan: URIRef
    Part: URIRef
    Chapter: URIRef
    Section: URIRef
    Box: URIRef
    Appendix: URIRef
    Paragraph: URIRef
    Table: URIRef
    Measure: URIRef
    Goal: URIRef
    Target: URIRef
    Indicator: URIRef
    IndustryCluster: URIRef
    Platform: URIRef
    District: URIRef
    Institution: URIRef
    Project: URIRef
    # helper class and annotations
    TextLocation: URIRef
    isNodeType: URIRef
    isEdgeType: URIRef
    # edge types
    partOf: URIRef
    supports: URIRef
    locatedIn: URIRef
    measuredBy: URIRef
    mentions: URIRef
    # node properties
    id: URIRef
    name: URIRef
    text: URIRef
    number: URIRef
    kind: URIRef
    lineCount: URIRef
    place: URIRef
    placeCode: URIRef
    placeId: URIRef
    edition: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    issuer: URIRef
    issued: URIRef
    sourceFile: URIRef
    copies: URIRef
    high: URIRef
    aspiration: URIRef
    yearInferred: URIRef
    baselineNumber: URIRef
    targetNumber: URIRef
    annualNumber: URIRef
    cumulativeNumber: URIRef
    actual: URIRef
    parent: URIRef
    scheme: URIRef
    chains: URIRef
    province: URIRef
    city: URIRef
    title: URIRef
    item: URIRef
    rows: URIRef
    value: URIRef
    unit: URIRef
    year: URIRef
    comparator: URIRef
    subject: URIRef
    category: URIRef
    baseline: URIRef
    baselineYear: URIRef
    target: URIRef
    targetYear: URIRef
    annual: URIRef
    cumulative: URIRef
    attribute: URIRef
    binding: URIRef
    tier: URIRef
    group: URIRef
    concepts: URIRef
    conceptMatch: URIRef
    plan: URIRef
    code: URIRef
    layout: URIRef
    readAs: URIRef
    level: URIRef
    aliases: URIRef
    # edge (rdf:Statement) properties
    basis: URIRef
    moreQuotes: URIRef
    moreLines: URIRef
    # text location properties
    planId: URIRef
    path: URIRef
    lineStart: URIRef
    lineEnd: URIRef
    quote: URIRef
