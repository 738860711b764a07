"""Names as people type them: a query's name parameter -> the name stored in the graph.

The lookup is ``kg.trace``'s (full name, alias, then a unique part of a name, NFKC and case folded);
one stored name may belong to several nodes (集成电路 in two plans), which is one answer. Several
different names raise ``AmbiguousName``, none raises ``UnknownName`` with suggestions.

The ``plan`` parameter takes a plan id (``320100-15``) or anything that names one plan: its place
(南京市, or an alias of the place such as 南京), its title, the place's code. Two plans of one place
(two editions) are ambiguous: the candidates list their ids.

``graph`` is anything with networkx's ``nodes`` view: the graph, a ``kg.graph_view.GraphView``, or
the nodes a Neo4j database holds (``kg.queries.neo4j_backend.lookup_graph``).
"""

from __future__ import annotations

from typing import Any

from kg.trace import AmbiguousName, UnknownName, match_candidates

# Which node type each name parameter of the catalog names.
NAME_PARAMS = {"cluster": "IndustryCluster", "district": "District", "platform": "Platform"}
# The node types a resolution of ``params`` reads (for a backend that must fetch them first).
LOOKUP_TYPES = {**{key: (t,) for key, t in NAME_PARAMS.items()}, "plan": ("Plan", "District")}


class UnknownPlan(UnknownName):
    def __init__(self, text: str, suggestions) -> None:
        super().__init__(text, suggestions)
        self.args = (f"no plan of the graph is {text!r}",)


def resolve_name(graph, text: str, node_type: str) -> str:
    """The stored name of the ``node_type`` node(s) ``text`` names."""
    candidates = match_candidates(graph, text, (node_type,))
    names = sorted({c.name for c in candidates})
    if len(names) > 1:
        raise AmbiguousName(text, candidates)
    return names[0]


def _plan_lookup(graph):
    """The graph's plans as nodes whose aliases are everything that names them."""
    from kg.graph_view import GraphView

    nodes = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") != "Plan":
            continue
        aliases = [node, attrs.get("place"), attrs.get("title"), attrs.get("placeCode")]
        place = attrs.get("placeId")
        if place in graph.nodes:
            aliases += list(graph.nodes[place].get("aliases") or [])
        names = [str(a) for a in aliases if a]
        nodes.append({"id": node, "type": "Plan", "name": str(attrs.get("title") or node), "aliases": names})
    return GraphView({"nodes": nodes, "links": []})


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


def resolve_params(graph, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with every name parameter replaced by the stored name (the plan by its id)."""
    resolved = {}
    for key, value in params.items():
        if value is None:
            resolved[key] = value
        elif key == "plan":
            resolved[key] = resolve_plan(graph, value)
        elif key in NAME_PARAMS:
            resolved[key] = resolve_name(graph, value, NAME_PARAMS[key])
        else:
            resolved[key] = value
    return resolved
