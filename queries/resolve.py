"""Names as people type them: a query's name parameter -> the name stored in the graph.

The lookup is ``kg.trace``'s (full name, alias, then a unique part of a name, NFKC and case folded);
one stored name may belong to several nodes (集成电路 in two plans), which is one answer. Several
different names raise ``AmbiguousName``, none raises ``UnknownName`` with suggestions.
"""

from __future__ import annotations

from typing import Any

from kg.trace import AmbiguousName, match_candidates

# Which node type each name parameter of the catalog names.
NAME_PARAMS = {"cluster": "IndustryCluster", "district": "District", "platform": "Platform"}


def resolve_name(graph, text: str, node_type: str) -> str:
    """The stored name of the ``node_type`` node(s) ``text`` names."""
    candidates = match_candidates(graph, text, (node_type,))
    names = sorted({c.name for c in candidates})
    if len(names) > 1:
        raise AmbiguousName(text, candidates)
    return names[0]


def resolve_params(graph, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with every name parameter replaced by the stored name it resolves to."""
    return {
        key: resolve_name(graph, value, NAME_PARAMS[key]) if key in NAME_PARAMS else value
        for key, value in params.items()
    }
