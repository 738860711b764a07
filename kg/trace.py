"""Everything the graph knows about one named entity (``kg trace``), as a plain structure.

An entity (cluster, platform, district, institution) is found by its name or an alias (node attr
``aliases``), compared after NFKC normalisation, case folding and removal of spaces; failing that, by
a name or alias that contains the text, if only one entity has such a name. Several matches raise
``AmbiguousName`` with the candidates, none raises ``UnknownName`` with suggestions by similarity.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

ENTITY_TYPES = ("IndustryCluster", "Platform", "District", "Institution")
_OWN_KEYS = {"type", "name", "aliases", "source"}


@dataclass(frozen=True)
class Candidate:
    id: str
    type: str
    name: str
    matched: str  # the name or alias that matched


class AmbiguousName(ValueError):
    def __init__(self, text: str, candidates: list[Candidate]) -> None:
        super().__init__(f"{text!r} matches {len(candidates)} entities")
        self.text = text
        self.candidates = candidates


class UnknownName(ValueError):
    def __init__(self, text: str, suggestions: list[Candidate]) -> None:
        super().__init__(f"no cluster, platform, district or institution is called {text!r}")
        self.text = text
        self.suggestions = suggestions


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


def normalise(text: str) -> str:
    """``" 滨江 区 "`` -> ``"滨江区"``; full-width letters and digits become half-width."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _labels(graph: nx.MultiDiGraph, types: tuple[str, ...] = ENTITY_TYPES) -> list[tuple[str, str]]:
    """(node id, label) for every name and alias of every node of ``types``."""
    labels = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") in types:
            aliases = attrs.get("aliases") or []
            for label in [attrs.get("name"), *(aliases if isinstance(aliases, list) else [aliases])]:
                if label:
                    labels.append((node, str(label)))
    return labels


def _candidates(graph: nx.MultiDiGraph, pairs: list[tuple[str, str]]) -> list[Candidate]:
    first: dict[str, str] = {}
    for node, label in pairs:
        first.setdefault(node, label)
    found = [Candidate(n, graph.nodes[n]["type"], graph.nodes[n].get("name", n), m) for n, m in first.items()]
    return sorted(found, key=lambda c: (c.type, c.name, c.id))


def match_candidates(
    graph: nx.MultiDiGraph, text: str, types: tuple[str, ...] = ENTITY_TYPES
) -> list[Candidate]:
    """The nodes of ``types`` whose name or alias is ``text`` (normalised), else those with a name or
    alias containing it; raises ``UnknownName`` with suggestions by similarity when there are none."""
    wanted = normalise(text)
    labels = _labels(graph, types)
    if wanted:
        for matches in (
            [(n, label) for n, label in labels if normalise(label) == wanted],
            [(n, label) for n, label in labels if wanted in normalise(label)],
        ):
            candidates = _candidates(graph, matches)
            if candidates:
                return candidates
    by_label: dict[str, list[tuple[str, str]]] = {}
    for node, label in labels:
        by_label.setdefault(normalise(label), []).append((node, label))
    close = difflib.get_close_matches(wanted, list(by_label), n=5, cutoff=0.5)
    raise UnknownName(text, _candidates(graph, [pair for key in close for pair in by_label[key]]))


def find_entity(graph: nx.MultiDiGraph, text: str) -> str:
    """The id of the one entity ``text`` names; raises ``AmbiguousName`` or ``UnknownName``."""
    candidates = match_candidates(graph, text)
    if len(candidates) > 1:
        raise AmbiguousName(text, candidates)
    return candidates[0].id


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
