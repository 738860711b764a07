"""Everything the graph knows about one named entity (``kg trace``), as a plain structure.

The entity is found by the name a user types (``kg.names``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from kg.names import (  # noqa: F401 (the names API, also reached through kg.trace)
    ENTITY_TYPES,
    AmbiguousName,
    Candidate,
    UnknownName,
    find_entity,
    match_candidates,
    normalise,
)

if TYPE_CHECKING:
    import networkx as nx

_OWN_KEYS = {"type", "name", "aliases", "source"}


@dataclass(frozen=True)
class Location:
    plan: str | None
    path: str | None
    line_start: int | None
    line_end: int | None
    quote: str | None

    @classmethod
    def of(cls, source: dict | None) -> Location | None:
        if not source:
            return None
        return cls(
            source.get("planId"), source.get("path"), source.get("lineStart"), source.get("lineEnd"),
            source.get("quote"),
        )  # fmt: skip


@dataclass(frozen=True)
class Fact:
    """One edge at the entity: the other end and where the plan states it (``None`` if unknown)."""

    relation: str
    direction: str  # "out" or "in"
    other_id: str
    other_type: str
    other_name: str
    where: Location | None


@dataclass(frozen=True)
class TargetFact:
    """A quantitative Target the entity is MEASURED_BY, with the target's own source."""

    id: str
    subject: str | None
    year: int | None
    comparator: str | None
    value: str | None
    unit: str | None
    text: str | None
    where: Location | None


@dataclass(frozen=True)
class EntityTrace:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    properties: dict[str, Any]
    where: Location | None
    facts: tuple[Fact, ...]  # sorted by relation, direction, other type, other name
    targets: tuple[TargetFact, ...] = field(default=())  # sorted by year, subject

    def groups(self) -> dict[tuple[str, str], list[Fact]]:
        """Facts grouped by (relation, direction), in order."""
        grouped: dict[tuple[str, str], list[Fact]] = {}
        for fact in self.facts:
            grouped.setdefault((fact.relation, fact.direction), []).append(fact)
        return grouped

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _target(graph: nx.MultiDiGraph, node: str) -> TargetFact:
    a = graph.nodes[node]
    return TargetFact(
        node, a.get("subject"), a.get("year"), a.get("comparator"), a.get("value"), a.get("unit"),
        a.get("text"), Location.of(a.get("source")),
    )  # fmt: skip


def _fact_order(f: Fact) -> tuple:
    return (f.relation, f.direction, f.other_type, f.other_name, f.other_id)


def _target_order(t: TargetFact) -> tuple:
    return (t.year is not None, t.year or 0, t.subject or "", t.id)


def trace(graph: nx.MultiDiGraph, text: str) -> EntityTrace:
    """Find the entity ``text`` names and collect its edges, grouped, and its targets."""
    node = find_entity(graph, text)
    attrs = graph.nodes[node]
    facts, targets = [], []
    edges = [("out", other, e) for _, other, e in graph.out_edges(node, data=True)]
    edges += [("in", other, e) for other, _, e in graph.in_edges(node, data=True)]
    for direction, other, edge in edges:
        other_attrs = graph.nodes[other]
        if (edge.get("type"), direction, other_attrs.get("type")) == ("MEASURED_BY", "out", "Target"):
            targets.append(_target(graph, other))
            continue
        facts.append(
            Fact(
                edge.get("type", ""),
                direction,
                other,
                other_attrs.get("type", ""),
                other_attrs.get("name", other),
                Location.of(edge.get("provenance")),
            )  # fmt: skip
        )
    aliases = attrs.get("aliases") or []
    return EntityTrace(
        id=node,
        type=attrs["type"],
        name=attrs.get("name", node),
        aliases=tuple(aliases if isinstance(aliases, list) else [aliases]),
        properties={k: v for k, v in sorted(attrs.items()) if k not in _OWN_KEYS},
        where=Location.of(attrs.get("source")),
        facts=tuple(sorted(facts, key=_fact_order)),
        targets=tuple(sorted(targets, key=_target_order)),
    )
