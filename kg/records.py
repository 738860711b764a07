"""Frozen records handed from the loaders to the graph builder.

A ``Source`` points at the exact text a fact came from: the plan, a location path
(篇/章/节/专栏/item), the 1-based inclusive line span in the decoded input, and ``quote``, an exact
substring of the decoded input (line endings normalised to ``\\n``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from types import MappingProxyType
from typing import Any

from kg.schema import check_edge_type, check_node_type


def _frozen(props: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(props or {}))


@dataclass(frozen=True)
class Source:
    plan_id: str
    path: str
    line_start: int
    line_end: int
    quote: str

    def __post_init__(self) -> None:
        if self.line_start < 1 or self.line_end < self.line_start:
            raise ValueError(f"bad line span {self.line_start}-{self.line_end} for {self.path!r}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "planId": self.plan_id,
            "path": self.path,
            "lineStart": self.line_start,
            "lineEnd": self.line_end,
            "quote": self.quote,
        }


@dataclass(frozen=True)
class Node:
    """A typed node. ``props`` are extra properties in camelCase (``tier``, ``value``, ...)."""

    id: str
    type: str
    name: str
    source: Source | None = None
    props: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_node_type(self.type)
        if not self.id:
            raise ValueError("node id must not be empty")
        object.__setattr__(self, "props", _frozen(self.props))

    def __reduce__(self):  # the read-only props mapping does not pickle; a plain dict does
        return (Node, (self.id, self.type, self.name, self.source, dict(self.props)))


@dataclass(frozen=True)
class Edge:
    """A typed, directed edge. ``source`` is provenance (the endpoints are ``start``/``end``)."""

    start: str
    end: str
    type: str
    source: Source | None = None
    props: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_edge_type(self.type)
        object.__setattr__(self, "props", _frozen(self.props))

    def __reduce__(self):  # records cross process boundaries in a parallel build (kg.pipeline)
        return (Edge, (self.start, self.end, self.type, self.source, dict(self.props)))


PROBLEM_LEVELS = ("warning", "error")


@dataclass(frozen=True)
class Problem:
    """Something found in the text but not understood (``level`` warning), or that should have
    been read and was not (``error``: a table no interpreter could read).

    >>> Problem("p", "target-without-unit", "target without unit: 翻一番", 12).as_dict()["level"]
    'warning'
    """

    plan: str
    code: str
    message: str
    line: int | None = None
    level: str = "warning"

    def __post_init__(self) -> None:
        if self.level not in PROBLEM_LEVELS:
            raise ValueError(f"problem level {self.level!r} is not one of {PROBLEM_LEVELS}")

    def as_dict(self) -> dict:
        return asdict(self)
