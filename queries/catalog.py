"""The catalog of named analyst queries (docs/named-queries.md), read by every backend and the CLI.

Each query has a name, a one-line description, typed parameters and its result columns. Backends
return rows as dicts with exactly ``columns`` as keys, in that order, ``None`` where a value is
missing, without duplicate rows, sorted by all columns in order with nulls first and numbers (also
numbers written as text, ``"65.7"``) before other values and by their value: ``finish_rows`` does the
last three steps so that every backend produces the same list.

Every row that states a fact says where: ``plan`` (the plan id of the statement's provenance) first,
``path`` (篇/章/节/专栏), ``line`` and ``quote`` last (``LOCATION``).

>>> get_query("targets-for-year").columns[:3]
('plan', 'subject', 'value')
>>> validate_params("targets-for-year", {"year": "2030"})
{'year': 2030, 'plan': None}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

LOCATION = ("path", "line", "quote")


@dataclass(frozen=True)
class Param:
    """A query parameter. ``names`` says what it names, for ``kg.queries.resolve`` (a node type, or
    ``Plan``, ``concept``, ``concept-or-cluster``; ``None``: not a name). In SPARQL it binds
    ``?variable`` (default: the name) to a literal of kind ``literal``: ``zh`` (a name, as the RDF
    export writes names) or ``plain`` (an id); ints are ``xsd:integer``."""

    name: str
    type: type
    description: str
    required: bool = True
    sparql_variable: str | None = None
    literal: str = "zh"
    names: str | None = None
    by_values: bool = False  # SPARQL: bound by a VALUES block even when required (compared in FILTERs)

    @property
    def variable(self) -> str:
        return self.sparql_variable or self.name

    @property
    def in_values(self) -> bool:
        """Bound by a ``VALUES`` block (tested in a ``FILTER``), not substituted into patterns."""
        return self.by_values or not self.required

    @property
    def label(self) -> str:
        """``name: type``, with ``?`` for an optional parameter."""
        return f"{self.name}: {self.type.__name__}" + ("" if self.required else "?")


@dataclass(frozen=True)
class NamedQuery:
    """``grouped``: the backends return candidate rows (every plan's: no plan filter of their own)
    that ``finish_rows`` groups and filters with the parameters, in Python, for what SPARQL and
    Cypher cannot say alike (Unicode normalisation)."""

    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    grouped: Callable[[list[dict], dict], list[dict]] | None = None

    @property
    def signature(self) -> str:
        """``name(param: type, ...)`` for listings."""
        return f"{self.name}({', '.join(p.label for p in self.params)})"


# Every query takes it: only rows whose ``plan`` column is this plan id (``kg query --plan``, which
# also resolves a place name such as 南京 to the id, ``kg.queries.resolve``).
PLAN = Param(
    "plan", str, "only this plan: its id, e.g. 320100-15", required=False, sparql_variable="inPlan",
    literal="plain", names="Plan",
)  # fmt: skip
CLUSTER = Param("cluster", str, "name of the industry cluster, e.g. 集成电路", names="IndustryCluster")
DISTRICT = Param("district", str, "name of the district, e.g. 滨江区", names="District")
PLATFORM = Param("platform", str, "name of the platform, e.g. 滨江物联网小镇", names="Platform")
CONCEPT = Param("concept", str, "label of the shared industry concept, e.g. 集成电路", names="concept")
MATRIX_ROW = Param(
    "concept", str, "label of the industry concept (or name of a cluster matched to none), e.g. 集成电路",
    sparql_variable="inConcept", literal="plain", names="concept-or-cluster", by_values=True,
)  # fmt: skip


def indicators_across_plans(rows: list[dict], params: dict) -> list[dict]:
    """Main-table indicator rows -> those whose normalised name and unit
    (``exports.plan_facts.indicator_key``) two or more plans share, of ``params["plan"]`` if given."""
    from kg.exports.plan_facts import indicator_key

    keyed = [({**row}, indicator_key(str(row.get("name") or ""), str(row.get("unit") or ""))) for row in rows]
    plans: dict[tuple, set] = {}
    for row, key in keyed:
        plans.setdefault(key, set()).add(row.get("plan"))
    shared = [{**row, "indicator": key[0], "unit": key[1]} for row, key in keyed if len(plans[key]) > 1]
    plan = params.get("plan")
    return [row for row in shared if plan is None or row["plan"] == plan]


QUERIES: dict[str, NamedQuery] = {
    q.name: q
    for q in (
        NamedQuery(
            "platforms-for-cluster",
            "Platforms that SUPPORT the cluster, the district each is LOCATED_IN, and the statement.",
            (CLUSTER, PLAN),
            ("plan", "platform", "district", *LOCATION),
        ),
        NamedQuery(
            "clusters-in-district",
            "Clusters supported by platforms LOCATED_IN the district, or by the district itself.",
            (DISTRICT, PLAN),
            ("plan", "cluster", "tier", "via", *LOCATION),
        ),
        NamedQuery(
            "targets-for-year",
            "Every quantitative Target for the year, with its location and quote.",
            (Param("year", int, "target year, e.g. 2030"), PLAN),
            ("plan", "subject", "value", "unit", "comparator", *LOCATION),
        ),
        NamedQuery(
            "binding-indicators",
            "Indicators that are binding (约束性), with the table they come from.",
            (PLAN,),
            ("plan", "table", "number", "name", "unit", "baseline", "target", *LOCATION),
        ),
        NamedQuery(
            "platform-profile",
            "Every edge at the platform: relation, direction, the other node and the statement.",
            (PLATFORM, PLAN),
            ("plan", "relation", "direction", "otherType", "other", *LOCATION),
        ),
        NamedQuery(
            "plans-for-concept",
            "Which plans back the industry concept, with which of their clusters and platforms.",
            (CONCEPT, PLAN),
            ("plan", "cluster", "platform", "district", *LOCATION),
        ),
        NamedQuery(
            "concept-matrix",
            "Industry concept × plan: per cell the plan's clusters and their platforms, targets, measures.",
            (Param(**{**vars(MATRIX_ROW), "required": False}), PLAN),
            ("concept", "plan", "clusters", "platforms", "targets", "measures"),
        ),
        NamedQuery(
            "targets-for-concept",
            "Which plans back the industry concept with which platforms and targets, and where.",
            (MATRIX_ROW, PLAN),
            ("plan", "cluster", "kind", "name", "district", "comparator", "value", "unit", "year", *LOCATION),
        ),  # fmt: skip
        NamedQuery(
            "indicator-across-plans",
            "The same main-table indicator (by normalised name and unit) in several plans, with each target.",
            (PLAN,),
            ("indicator", "unit", "plan", "number", "name", "baseline", "target", "targetYear", *LOCATION),
            grouped=indicators_across_plans,
        ),  # fmt: skip
    )
}


def get_query(name: str) -> NamedQuery:
    try:
        return QUERIES[name]
    except KeyError:
        raise ValueError(f"unknown query {name!r}; known: {', '.join(sorted(QUERIES))}") from None


def _coerce(query: NamedQuery, param: Param, value: Any) -> Any:
    if value is None and not param.required:
        return None
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
    """Check ``params`` against the query; return them typed (``"2030"`` -> ``2030`` for an int), an
    optional parameter that is not given as ``None``."""
    query = get_query(name)
    params = dict(params or {})
    expected = {p.name for p in query.params}
    needed = query.signature
    unknown = sorted(set(params) - expected)
    if unknown:
        raise ValueError(f"query {name!r} takes no parameter {', '.join(map(repr, unknown))}; needs {needed}")
    missing = [p.name for p in query.params if p.required and p.name not in params]
    if missing:
        raise ValueError(f"query {name!r} is missing {', '.join(map(repr, missing))}; needs {needed}")
    return {p.name: _coerce(query, p, params.get(p.name)) for p in query.params}


# A number as plans and tables write it: digits, an optional sign and decimal part (ASCII only, the
# same pattern in the Cypher files' ORDER BY).
NUMBER_TEXT = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def _sort_key(value: Any) -> tuple:
    """Nulls first, then numbers (and numeric text) by value, then everything else by its string.

    >>> sorted(["10", "9", ">65", None, "65.7"], key=_sort_key)
    [None, '9', '10', '65.7', '>65']
    """
    if value is None:
        return (0,)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (1, value, "")
    if isinstance(value, str) and NUMBER_TEXT.fullmatch(value):
        return (1, float(value), value)
    return (2, 0, str(value))


def finish_rows(
    name: str, rows: Iterable[Mapping[str, Any]], params: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Group the rows of a ``grouped`` query, project rows onto the query's columns, drop duplicates
    and sort them as the contract says."""
    query = get_query(name)
    if query.grouped is not None:
        rows = query.grouped([dict(row) for row in rows], dict(params or {}))
    columns = query.columns
    unique: dict[str, tuple] = {}
    for row in rows:
        values = tuple(row.get(c) for c in columns)
        unique.setdefault(repr(values), values)  # repr: lists in a cell are not hashable
    ordered = sorted(unique.values(), key=lambda values: tuple(_sort_key(v) for v in values))
    return [dict(zip(columns, values, strict=True)) for values in ordered]
