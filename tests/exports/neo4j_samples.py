"""A second tiny plan that shares entities with ``tests.fixtures.tiny`` (for wipe tests)."""

from __future__ import annotations

import dataclasses

import networkx as nx

from kg.graph import build_graph
from kg.records import Node
from tests.fixtures.tiny import PLAN_ID, tiny_records

OTHER_PLAN = "tiny-plan-2"


def _rename(value: str) -> str:
    return OTHER_PLAN + value[len(PLAN_ID) :] if value.startswith(PLAN_ID) else value


def other_plan_graph() -> nx.MultiDiGraph:
    """The tiny plan again under another plan id: plan-scoped ids renamed, shared entities kept."""

    def moved(record):
        source = record.source and dataclasses.replace(record.source, plan_id=OTHER_PLAN)
        if isinstance(record, Node):
            return dataclasses.replace(record, id=_rename(record.id), source=source)
        return dataclasses.replace(
            record, start=_rename(record.start), end=_rename(record.end), source=source
        )

    g = build_graph(moved(r) for r in tiny_records())
    g.graph["plans"] = [OTHER_PLAN]
    return g
