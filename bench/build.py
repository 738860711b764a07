"""Build stages on the bundled plan against the floor: read the file and find every number in it."""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.timing import median_time
from kg.exports.registry import EXPORTERS, FILE_NAMES, get_exporter
from kg.graph import build_graph
from kg.loaders.layouts.structure import parse_structure
from kg.loaders.readers.decode import read_plan_text
from kg.pipeline import bundled_plan_path, plan_records

NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
STAGES = ("read", "structure", "extraction", "graph")


def floor(path: Path) -> int:
    """The least any tool must do: read the bytes, decode them, one regex pass over every number."""
    return len(NUMBER.findall(path.read_bytes().decode("utf-8")))


def _one_build(path: Path) -> tuple[dict[str, float], object]:
    times: dict[str, float] = {}
    start = time.perf_counter()
    text = read_plan_text(path)
    times["read"] = time.perf_counter() - start
    start = time.perf_counter()
    plan = parse_structure(text, "bench")
    times["structure"] = time.perf_counter() - start
    start = time.perf_counter()
    records = list(plan_records(plan, []))
    times["extraction"] = time.perf_counter() - start
    start = time.perf_counter()
    graph = build_graph(records)
    graph.graph["plans"].append("bench")
    times["graph"] = time.perf_counter() - start
    return times, graph


def measure_build(repeat: int, export_repeat: int) -> dict:
    """Median seconds per stage and per export, the floor, and the ratio build/floor."""
    path = bundled_plan_path()
    floor_s = median_time(lambda: floor(path), repeat * 3)
    _one_build(path)  # warm-up: imports, cached reference tables
    runs = [_one_build(path) for _ in range(repeat)]
    stages = {s: statistics.median(t[s] for t, _ in runs) for s in STAGES}
    build_s = statistics.median(sum(t.values()) for t, _ in runs)
    graph = runs[-1][1]
    exports = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for name in EXPORTERS:
            writer = get_exporter(name)
            target = Path(tmp) / FILE_NAMES[name]
            exports[name] = median_time(lambda w=writer, t=target: w(graph, t), export_repeat)
    return {
        "floor_s": floor_s,
        "numbers_found": floor(path),
        "stages_s": stages,
        "build_s": build_s,
        "build_over_floor": build_s / floor_s,
        "exports_s": exports,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }
