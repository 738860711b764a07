"""Find an entity (cluster, platform, district, institution) by the name a user types.

By its name or an alias (node attr ``aliases``), compared after NFKC normalisation, case folding and
removal of spaces; failing that, by a name or alias that contains the text, if only one entity has
such a name. Several matches raise ``AmbiguousName`` with the candidates, none raises ``UnknownName``
with suggestions by similarity. ``kg trace`` and the parameters of every named query use it.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import networkx as nx

ENTITY_TYPES = ("IndustryCluster", "Platform", "District", "Institution")


class Candidate(NamedTuple):
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
    import difflib  # only when nothing matched

    close = difflib.get_close_matches(wanted, list(by_label), n=5, cutoff=0.5)
    raise UnknownName(text, _candidates(graph, [pair for key in close for pair in by_label[key]]))


def find_entity(graph: nx.MultiDiGraph, text: str) -> str:
    """The id of the one entity ``text`` names; raises ``AmbiguousName`` or ``UnknownName``."""
    candidates = match_candidates(graph, text)
    if len(candidates) > 1:
        raise AmbiguousName(text, candidates)
    return candidates[0].id
