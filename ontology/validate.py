"""Validate an RDF export against the SHACL shapes in ``shapes.ttl`` (pyshacl, imported lazily)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, SH, SKOS

from kg.ontology.vocab import PLAN

SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the node at fault (its ``plan:id`` when it has one, else its IRI), the
    property path (``""`` for a node-level result) and the message."""

    node: str
    focus: str
    path: str
    message: str
    severity: str


@cache
def _shapes_text() -> str:
    return resources.files("kg.ontology").joinpath(SHAPES_FILE).read_text(encoding="utf-8")


def shapes_graph() -> Graph:
    return Graph().parse(data=_shapes_text(), format="turtle")


@cache
def _prefixes() -> Graph:
    """An empty graph whose namespace manager shortens IRIs with our prefixes, whatever the input."""
    g = Graph(bind_namespaces="core")
    g.bind("plan", PLAN._NS)
    g.bind("prov", PROV)
    g.bind("skos", SKOS)
    g.bind("sh", SH)
    return g


def _short(term) -> str:
    if not isinstance(term, URIRef):
        return "" if term is None else str(term)
    return _prefixes().namespace_manager.normalizeUri(term)


def validate_rdf(data: Graph) -> list[Violation]:
    """All SHACL results for ``data``, sorted; an empty list means the graph conforms."""
    from pyshacl import validate

    _conforms, report, _text = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=False)
    violations = []
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        violations.append(
            Violation(
                node=str(data.value(focus, PLAN.id) or focus),
                focus=str(focus),
                path=_short(report.value(result, SH.resultPath)),
                message="; ".join(messages),
                severity=_short(report.value(result, SH.resultSeverity)).split(":")[-1],
            )
        )
    return sorted(violations)
