"""The build pipeline: plan files -> records -> one graph (text -> loaders -> graph)."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.graph import build_graph, new_graph
from kg.loaders.document.tree import NotAPlanError, ParsedPlan
from kg.loaders.interpreters.extract import extraction_records
from kg.loaders.interpreters.plan import plan_id_from_path, structure_records
from kg.loaders.layouts.structure import parse_structure
from kg.loaders.readers.decode import PlanInputError, read_plan_text
from kg.loaders.readers.script import script_problems

BUNDLED_PLAN = "hangzhou-15th-five-year-plan-outline.txt"


def bundled_plan_path() -> Path:
    """The plan shipped with the package (Hangzhou's 15th five-year plan outline)."""
    return Path(str(resources.files("kg").joinpath("data", "plans", BUNDLED_PLAN)))


@dataclass
class PlanBuild:
    """What one plan contributed: its id and the data problems found in it (the parse is not kept,
    so that a large corpus holds only the graph)."""

    plan_id: str
    problems: list[dict] = field(default_factory=list)


def parse_plan(text: str, plan_id: str) -> ParsedPlan:
    try:
        return parse_structure(text, plan_id)
    except NotAPlanError as err:
        raise PlanInputError(f"{plan_id}: {err}") from None


def plan_records(plan: ParsedPlan, problems: list[dict]):
    yield from structure_records(plan)
    yield from extraction_records(plan, problems)


def build_graph_from_texts(texts: Iterable[tuple[str, str]]) -> tuple[nx.MultiDiGraph, list[PlanBuild]]:
    """Build one graph from (plan_id, text) pairs.

    The cyclic garbage collector is paused meanwhile: the build allocates millions of objects that
    all stay alive, and collections would rescan the growing graph again and again (measured: 10% of
    a 100-plan build). It is restored as it was, also on error.
    """
    graph = new_graph()
    builds = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for plan_id, text in texts:
            if plan_id in graph.graph["plans"]:
                raise PlanInputError(
                    f"{plan_id}: the same plan id twice; rename one file or pass distinct ids"
                )
            plan = parse_plan(text, plan_id)
            build = PlanBuild(plan_id, script_problems(text, plan_id))
            build_graph(plan_records(plan, build.problems), graph, build.problems)
            plan.release()
            graph.graph["plans"].append(plan_id)
            builds.append(build)
    finally:
        if collecting:
            gc.enable()
    graph.graph["problems"] = [p for b in builds for p in b.problems]
    return graph, builds


def read_texts(paths: Sequence[str | Path], encoding: str | None = None):
    for path in paths or [bundled_plan_path()]:
        yield plan_id_from_path(path), read_plan_text(path, encoding)


def build_graph_from_paths(paths: Sequence[str | Path] = (), encoding: str | None = None) -> nx.MultiDiGraph:
    """Build the graph of the given plan files (the bundled plan when none are given)."""
    graph, _ = build_graph_from_texts(list(read_texts(paths, encoding)))
    return graph
