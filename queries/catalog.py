"""The catalog of named analyst queries (docs/named-queries.md), read by every backend and the CLI.

Each query has a name, a one-line description, typed parameters and its result columns. Backends
return rows as dicts with exactly ``columns`` as keys, in that order, ``None`` where a value is
missing, without duplicate rows, sorted by all columns in order with nulls first: ``finish_rows``
does the last three steps so that every backend produces the same list.

>>> get_query("targets-for-year").columns[:3]
('subject', 'value', 'unit')
>>> validate_params("targets-for-year", {"year": "2030"})
{'year': 2030}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Param:
    name: str
    type: type
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]

    @property
    def signature(self) -> str:
        """``name(param: type, ...)`` for listings."""
        args = ", ".join(f"{p.name}: {p.type.__name__}" for p in self.params)
        return f"{self.name}({args})"


QUERIES: dict[str, NamedQuery] = {
    q.name: q
    for q in (
        NamedQuery(
            "platforms-for-cluster",
            "Platforms that SUPPORT the cluster, the district each is LOCATED_IN, and the quote.",
            (Param("cluster", str, "exact name of the industry cluster, e.g. 集成电路"),),
            ("platform", "district", "quote"),
        ),
        NamedQuery(
            "clusters-in-district",
            "Clusters supported by platforms LOCATED_IN the district, or by the district itself.",
            (Param("district", str, "exact name of the district, e.g. 滨江区"),),
            ("cluster", "tier", "via"),
        ),
        NamedQuery(
            "targets-for-year",
            "Every quantitative Target for the year, with its location path and quote.",
            (Param("year", int, "target year, e.g. 2030"),),
            ("subject", "value", "unit", "comparator", "path", "quote"),
        ),
        NamedQuery(
            "binding-indicators",
            "Indicators that are binding (约束性).",
            (),
            ("number", "name", "unit", "baseline", "target"),
        ),
        NamedQuery(
            "platform-profile",
            "Every edge at the platform: relation, direction, the other node and the quote.",
            (Param("platform", str, "exact name of the platform, e.g. 滨江物联网小镇"),),
            ("relation", "direction", "otherType", "other", "quote"),
        ),
        NamedQuery(
            "plans-for-concept",
            "Which plans back the industry concept, with which of their clusters and platforms.",
            (Param("concept", str, "preferred label of the shared industry concept, e.g. 集成电路"),),
            ("plan", "cluster", "platform", "district"),
        ),
    )
}


def get_query(name: str) -> NamedQuery:
    try:
        return QUERIES[name]
    except KeyError:
        raise ValueError(f"unknown query {name!r}; known: {', '.join(sorted(QUERIES))}") from None


def _coerce(query: NamedQuery, param: Param, value: Any) -> Any:
    if param.type is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            return int(value.strip())
    elif isinstance(value, param.type):
        return value
    raise ValueError(
        f"query {query.name!r}: parameter {param.name!r} must be {param.type.__name__}, got {value!r}"
    )


def validate_params(name: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Check ``params`` against the query; return them typed (``"2030"`` -> ``2030`` for an int)."""
    query = get_query(name)
    params = dict(params or {})
    expected = {p.name for p in query.params}
    needed = query.signature
    unknown = sorted(set(params) - expected)
    if unknown:
        raise ValueError(f"query {name!r} takes no parameter {', '.join(map(repr, unknown))}; needs {needed}")
    missing = [p.name for p in query.params if p.name not in params]
    if missing:
        raise ValueError(f"query {name!r} is missing {', '.join(map(repr, missing))}; needs {needed}")
    return {p.name: _coerce(query, p, params[p.name]) for p in query.params}


def _sort_key(value: Any) -> tuple:
    """Nulls first, then numbers, then everything else by its string."""
    if value is None:
        return (0,)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (1, value, "")
    return (2, 0, str(value))


def finish_rows(name: str, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Project rows onto the query's columns, drop duplicates and sort them as the contract says."""
    columns = get_query(name).columns
    unique: dict[str, tuple] = {}
    for row in rows:
        values = tuple(row.get(c) for c in columns)
        unique.setdefault(repr(values), values)  # repr: lists in a cell are not hashable
    ordered = sorted(unique.values(), key=lambda values: tuple(_sort_key(v) for v in values))
    return [dict(zip(columns, values, strict=True)) for values in ordered]
