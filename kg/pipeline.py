"""The build pipeline: plan files -> records -> one graph (text -> loaders -> graph)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from kg.graph import GraphData, add_parts, new_graph, record_parts
from kg.loaders.document.tree import NotAPlanError, ParsedPlan
from kg.loaders.interpreters.extract import extraction_records
from kg.loaders.interpreters.plan import plan_id_from_path, structure_records
from kg.loaders.interpreters.plan_metadata import read_metadata
from kg.loaders.layouts.structure import parse_structure
from kg.loaders.readers.decode import PlanInputError, read_plan_text
from kg.loaders.readers.script import script_problems

if TYPE_CHECKING:
    import networkx as nx

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


def _plan_job(item: tuple[str, str]) -> tuple[str, list, list[dict], dict]:
    """Parse and interpret one plan: its records as parts (``kg.graph.record_parts``: what a worker
    hands back pickles and is added fast), problems and the Plan node's metadata properties (run in
    a worker process)."""
    plan_id, text = item
    collecting = gc.isenabled()
    gc.disable()
    try:
        plan = parse_plan(text, plan_id)
        problems = plan.problems + script_problems(text, plan_id)
        records = list(plan_records(plan, problems))
        plan.release()
        parts = list(record_parts(records, problems))  # after every extraction problem, as before
        return plan_id, parts, problems, read_metadata(text).properties()
    finally:
        if collecting:
            gc.enable()


def default_workers(plans: int) -> int:
    """Processes for ``plans`` plans: every core this process may use, never more than plans."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(plans, cores))


def _parallel_jobs(
    texts: list[tuple[str, str]], workers: int
) -> Iterator[tuple[str, list, list[dict], dict]]:
    """``_plan_job`` of every text in a process pool, yielded in input order (as they finish, the
    graph is built from the earlier ones). Forked where the OS can, so workers start warm."""
    import multiprocessing  # a one-plan build does without (20 ms of imports)
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_plan_job, texts, chunksize=1)


def build_graph_from_texts(
    texts: Iterable[tuple[str, str]], workers: int | None = None, graph: GraphData | None = None
) -> tuple[nx.MultiDiGraph | GraphData, list[PlanBuild]]:
    """Build one graph from (plan_id, text) pairs: a MultiDiGraph, or into ``graph`` (an empty
    ``GraphData``: the same graph as plain dicts, without importing networkx).

    Several plans are parsed in ``workers`` processes (default: one per usable core; 1 = in this
    process); the graph is always built here in input order from their records, so the result is
    the same as a serial build, node for node and edge for edge.

    The cyclic garbage collector is paused meanwhile: the build allocates millions of objects that
    all stay alive, and collections would rescan the growing graph again and again (measured: 10% of
    a 100-plan build). It is restored as it was, also on error.
    """
    texts = list(texts)
    seen: set[str] = set()
    for plan_id, _ in texts:
        if plan_id in seen:
            raise PlanInputError(f"{plan_id}: the same plan id twice; rename one file or pass distinct ids")
        seen.add(plan_id)
    workers = default_workers(len(texts)) if workers is None else max(1, workers)
    graph = new_graph() if graph is None else graph
    builds = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        jobs = _parallel_jobs(texts, workers) if workers > 1 and len(texts) > 1 else map(_plan_job, texts)
        for plan_id, parts, problems, metadata in jobs:
            add_parts(graph, parts)
            graph.nodes[plan_id].update(metadata)
            graph.graph["plans"].append(plan_id)
            builds.append(PlanBuild(plan_id, problems))
    finally:
        if collecting:
            gc.enable()
    graph.graph["problems"] = [p for b in builds for p in b.problems]
    return graph, builds


@dataclass(frozen=True)
class PlanFile:
    """A plan file read: the id its text gives (``plan_metadata``; else from the file name)."""

    plan_id: str
    text: str
    path: Path


def read_texts(paths: Sequence[str | Path], encoding: str | None = None) -> Iterator[PlanFile]:
    for path in paths or [bundled_plan_path()]:
        text = read_plan_text(path, encoding)
        yield PlanFile(read_metadata(text).plan_id or plan_id_from_path(path), text, Path(path))


def distinct_editions(
    files: Iterable[PlanFile],
) -> tuple[list[PlanFile], dict[str, list[PlanFile]], list[dict]]:
    """The first file of each plan id; the later copies of each id; one problem per copy skipped.

    Two files with one id are copies of one plan edition (the PDF text and the web text of a plan):
    the first given is built, the others are skipped, and the problem says which and why.
    """
    first: dict[str, PlanFile] = {}
    copies: dict[str, list[PlanFile]] = {}
    problems = []
    for item in files:
        if item.plan_id not in first:
            first[item.plan_id] = item
            continue
        copies.setdefault(item.plan_id, []).append(item)
        message = (
            f"{item.path.name} is another copy of plan {item.plan_id} (built from "
            f"{first[item.plan_id].path.name}); skipped"
        )
        problems.append({"plan": item.plan_id, "code": "same-plan-edition", "message": message,
                         "line": None, "level": "warning"})  # fmt: skip
    return list(first.values()), copies, problems


def build_graph_from_paths(
    paths: Sequence[str | Path] = (), encoding: str | None = None, graph: GraphData | None = None
) -> nx.MultiDiGraph | GraphData:
    """Build the graph of the given plan files (the bundled plan when none are given; into
    ``graph`` as in ``build_graph_from_texts``); copies of a plan edition already given are skipped
    (``distinct_editions``)."""
    files, copies, skipped = distinct_editions(read_texts(paths, encoding))
    graph, _ = build_graph_from_texts([(f.plan_id, f.text) for f in files], graph=graph)
    for item in files:
        plan = graph.nodes[item.plan_id]
        plan["sourceFile"] = item.path.name
        if item.plan_id in copies:
            plan["copies"] = [c.path.name for c in copies[item.plan_id]]
    graph.graph["problems"] = skipped + graph.graph["problems"]
    return graph
