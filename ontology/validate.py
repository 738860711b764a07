"""Validate an RDF export against the SHACL shapes in ``shapes.ttl`` (pyshacl, imported lazily)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, SH, SKOS, XSD

from kg.ontology.vocab import PLAN

SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result of the report (nested ``sh:detail`` results are part of their parent's message):
    the node at fault (its ``plan:id`` when it has one, else the focus node as a Turtle term), the
    property path (``""`` for a node-level result), the message and the offending value as a Turtle term
    (``""`` when the result names none, or only the focus node itself)."""

    node: str
    focus: str
    path: str
    message: str
    severity: str
    value: str = ""


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


def term_text(term) -> str:
    """A node as Turtle writes it: a prefixed name or ``<IRI>``, ``_:id``, a literal quoted with its
    language or datatype (``xsd:string`` left out).

    >>> term_text(Literal("x")), term_text(Literal("2030", datatype=XSD.gYear))
    ('"x"', '"2030"^^xsd:gYear')
    >>> term_text(Literal("杭州", lang="zh")), term_text(BNode("b1")), term_text(URIRef("urn:x"))
    ('"杭州"@zh', '_:b1', '<urn:x>')
    """
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = (
            term.n3(_prefixes().namespace_manager) if term.datatype != XSD.string else Literal(str(term)).n3()
        )
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    short = _short(term)
    return short if short != str(term) else f"<{term}>"


def _message(report: Graph, result) -> str:
    """The result's messages, then those of its nested ``sh:detail`` results (``sh:node`` and the like)."""
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    details = sorted({_message(report, detail) for detail in report.objects(result, SH.detail)} - {""})
    return "; ".join(messages + [f"({detail})" for detail in details])


def validate_rdf(data: Graph) -> list[Violation]:
    """The SHACL results for ``data`` (each top-level ``sh:result`` once), sorted; an empty list means
    the graph conforms."""
    from pyshacl import validate

    _conforms, report, _text = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=False)
    violations = []
    for result in report.objects(None, SH.result):
        focus, value = report.value(result, SH.focusNode), report.value(result, SH.value)
        node_id = data.value(focus, PLAN.id) if isinstance(focus, URIRef | BNode) else None
        violations.append(
            Violation(
                node=str(node_id) if node_id is not None else term_text(focus),
                focus=str(focus),
                path=_short(report.value(result, SH.resultPath)),
                message=_message(report, result),
                severity=_short(report.value(result, SH.resultSeverity)).split(":")[-1],
                value="" if value == focus else term_text(value),
            )
        )
    return sorted(violations)
