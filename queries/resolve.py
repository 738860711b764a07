"""Names as people type them: a query's name parameters -> the names stored in the graph.

What a parameter names is declared in the catalog (``Param.names``). The lookup is ``kg.trace``'s
(full name, alias, then a unique part of a name, NFKC and case folded); one stored name may belong
to several nodes (集成电路 in two plans), which is one answer. Several different names raise
``AmbiguousName`` with the candidates, none raises ``UnknownName`` with suggestions.

- a node type (``IndustryCluster``, ``District``, ``Platform``): the names and aliases of its nodes;
- ``concept``: the labels of the shared industry vocabulary that the graph's clusters carry
  (``concepts``), with the vocabulary's alternative labels as aliases
  (``loaders/reference/data/industry_concepts.tsv``); ``concept-or-cluster`` also takes the name of
  a cluster matched to no concept (a row of its own on the industry × plan matrix);
- ``Plan``: a plan id (``320100-15``) or anything that names one plan: its place (南京市, or an alias
  of the place such as 南京), its title, the place's code. Two plans of one place (two editions) are
  ambiguous: the candidates list their ids.

``graph`` is anything with networkx's ``nodes`` view: the graph, a ``kg.graph_view.GraphView``, or
the nodes a Neo4j database holds (``kg.queries.neo4j_backend.lookup_graph``).
"""

from __future__ import annotations

from typing import Any

from kg.names import AmbiguousName, UnknownName, match_candidates
from kg.queries.catalog import get_query

CONCEPT = "IndustryConcept"  # the type of the lookup's concept nodes
# The node types a resolution reads, by what a parameter names (for a backend that fetches them).
LOOKUP_TYPES = {
    "Plan": ("Plan", "District"),
    "concept": ("IndustryCluster",),
    "concept-or-cluster": ("IndustryCluster",),
}


class UnknownPlan(UnknownName):
    def __init__(self, text: str, suggestions) -> None:
        super().__init__(text, suggestions)
        self.args = (f"no plan of the graph is {text!r}",)


class UnknownConcept(UnknownName):
    def __init__(self, text: str, suggestions) -> None:
        super().__init__(text, suggestions)
        self.args = (f"no industry concept of the graph's clusters is called {text!r}",)


def lookup_types(name: str, params: dict[str, Any]) -> set[str]:
    """The node types resolving the given ``params`` of query ``name`` reads."""
    kinds = {p.name: p.names for p in get_query(name).params}
    return {
        t for key, value in params.items() if value is not None and kinds.get(key)
        for t in LOOKUP_TYPES.get(kinds[key], (kinds[key],))
    }  # fmt: skip


def _lookup(nodes: list[dict]):
    from kg.graph_view import GraphView

    return GraphView({"nodes": nodes, "links": []})


def resolve_name(graph, text: str, node_type: str) -> str:
    """The stored name of the ``node_type`` node(s) ``text`` names."""
    candidates = match_candidates(graph, text, (node_type,))
    names = sorted({c.name for c in candidates})
    if len(names) > 1:
        raise AmbiguousName(text, candidates)
    return names[0]


def _concept_lookup(graph, with_cluster_names: bool):
    """The industry concepts the graph's clusters carry, as nodes with the vocabulary's aliases."""
    from kg.loaders.reference.industries import concepts as vocabulary

    labels: set[str] = set()
    for _, attrs in graph.nodes(data=True):
        if attrs.get("type") != "IndustryCluster":
            continue
        carried = attrs.get("concepts") or []
        carried = [carried] if isinstance(carried, str) else list(carried)
        labels.update(str(c) for c in carried if c)
        if with_cluster_names and not carried and attrs.get("name"):
            labels.add(str(attrs["name"]))
    known = vocabulary()
    return _lookup([
        {"id": f"concept:{label}", "type": CONCEPT, "name": label,
         "aliases": list(known[label].alt_labels) if label in known else []}
        for label in sorted(labels)
    ])  # fmt: skip


def resolve_concept(graph, text: str, with_cluster_names: bool = False) -> str:
    """The concept label ``text`` names (its label, an alternative label or a unique part of one)."""
    lookup = _concept_lookup(graph, with_cluster_names)
    try:
        return resolve_name(lookup, text, CONCEPT)
    except UnknownName as err:
        raise UnknownConcept(text, err.suggestions) from None


def _plan_lookup(graph):
    """The graph's plans as nodes whose aliases are everything that names them."""
    nodes = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") != "Plan":
            continue
        aliases = [node, attrs.get("place"), attrs.get("title"), attrs.get("name"), attrs.get("placeCode")]
        place = attrs.get("placeId")
        if place in graph.nodes:
            aliases += list(graph.nodes[place].get("aliases") or [])
        names = [str(a) for a in aliases if a]
        nodes.append({"id": node, "type": "Plan", "name": str(attrs.get("title") or node), "aliases": names})
    return _lookup(nodes)


def resolve_plan(graph, text: str) -> str:
    """The id of the one plan ``text`` names (its id, place, an alias of its place, title or code)."""
    lookup = _plan_lookup(graph)
    if text in lookup.nodes:
        return text
    try:
        candidates = match_candidates(lookup, text, ("Plan",))
    except UnknownName as err:  # nothing similar: the graph's plans are the suggestions
        every = [c for n in lookup.nodes for c in match_candidates(lookup, n, ("Plan",))]
        raise UnknownPlan(text, err.suggestions or every) from None
    if len(candidates) > 1:
        raise AmbiguousName(text, candidates)
    return candidates[0].id


def resolve_params(graph, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` of query ``name`` with every name replaced by the stored name (a plan by its id)."""
    kinds = {p.name: p.names for p in get_query(name).params}
    resolved = {}
    for key, value in params.items():
        kind = kinds.get(key)
        if value is None or kind is None:
            resolved[key] = value
        elif kind == "Plan":
            resolved[key] = resolve_plan(graph, value)
        elif kind in ("concept", "concept-or-cluster"):
            resolved[key] = resolve_concept(graph, value, kind == "concept-or-cluster")
        else:
            resolved[key] = resolve_name(graph, value, kind)
    return resolved
