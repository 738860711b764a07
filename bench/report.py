"""Goals, the one results table (rich) and the machine description of a benchmark run."""

from __future__ import annotations

import os
import platform
import sys

from rich.table import Table

GOAL_BUILD_OVER_FLOOR = 25
GOAL_TIME_RATIO_PER_PLAN = 1.10  # time(N)/time(1) at most 1.1 * N (110 for 100 plans)
GOAL_LOADER_OVER_NAIVE = 10
GOAL_LOADER_OVER_CEILING = 0.6
GOAL_QUERY_S = 0.050


def machine(neo4j_version: str | None) -> dict:
    mem_kib = 0
    if os.path.exists("/proc/meminfo"):
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            mem_kib = int(meminfo.readline().split()[1])
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(mem_kib / 2**20, 1),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "neo4j": neo4j_version,
    }


def goals(results: dict) -> list[dict]:
    out = []
    build = results["build"]["build_over_floor"]
    out.append(_goal("build/floor", build <= GOAL_BUILD_OVER_FLOOR, f"{build:.0f}x (goal <= 25x)"))
    big = results["scaling"]["sizes"][-1]
    if big["plans"] > 1:
        limit = GOAL_TIME_RATIO_PER_PLAN * big["plans"]
        ratio = big["time_ratio"]
        out.append(
            _goal(f"time({big['plans']})/time(1)", ratio <= limit, f"{ratio:.1f} (goal <= {limit:.0f})")
        )
    for load in results.get("neo4j_load", []):
        n, speedup, share = load["plans"], load["loader_over_naive"], load["loader_over_ceiling"]
        out.append(_goal(f"loader/naive, {n} plan(s)", speedup >= GOAL_LOADER_OVER_NAIVE, f"{speedup:.1f}x"))
        out.append(_goal(f"loader/ceiling, {n} plan(s)", share >= GOAL_LOADER_OVER_CEILING, f"{share:.2f}x"))
    slowest = max(results["queries"].items(), key=lambda kv: kv[1]["memory_s"])
    ms = slowest[1]["memory_s"] * 1000
    out.append(
        _goal("in-memory queries < 50 ms", ms < GOAL_QUERY_S * 1000, f"slowest {slowest[0]} {ms:.2f} ms")
    )
    return out


def _goal(name: str, met: bool, figure: str) -> dict:
    return {"goal": name, "met": met, "figure": figure}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def table(results: dict) -> Table:
    t = Table(title="plan-kg benchmarks", show_lines=False)
    for column in ("section", "measure", "value", "note"):
        t.add_column(column)
    b = results["build"]
    t.add_row("build", "floor (read + number regex)", _ms(b["floor_s"]), f"{b['numbers_found']} numbers")
    for stage, seconds in b["stages_s"].items():
        t.add_row("build", stage, _ms(seconds), f"{seconds / b['floor_s']:.0f}x floor")
    t.add_row("build", "build total", _ms(b["build_s"]), f"{b['build_over_floor']:.0f}x floor")
    for name, seconds in b["exports_s"].items():
        t.add_row("export", name, _ms(seconds), f"{seconds / b['floor_s']:.0f}x floor")
    for s in results["scaling"]["sizes"]:
        t.add_row(
            "scaling",
            f"{s['plans']} plan(s)",
            f"{s['build_s']:.2f} s",
            f"x{s['time_ratio']:.1f} time, x{s['node_ratio']:.1f} nodes ({s['nodes']} n, {s['edges']} e, "
            f"{s['platforms']} platforms), peak RSS {s['peak_rss_mib']:.0f} MiB",
        )
    for load in results.get("neo4j_load", []):
        naive_note = (
            f"extrapolated from {load['naive_rows_run']} rows" if load["naive_extrapolated"] else "all rows"
        )
        label = f"{load['plans']} plan(s), {load['rows']} rows"
        t.add_row(
            "neo4j",
            f"loader, {label}",
            f"{load['loader_rows_per_s']:,.0f} rows/s",
            f"{load['loader_s']:.2f} s",
        )
        t.add_row("neo4j", f"naive MERGE, {label}", f"{load['naive_rows_per_s']:,.0f} rows/s", naive_note)
        t.add_row("neo4j", f"UNWIND CREATE, {label}", f"{load['ceiling_rows_per_s']:,.0f} rows/s", "ceiling")
        t.add_row(
            "neo4j",
            f"ratios, {load['plans']} plan(s)",
            f"{load['loader_over_naive']:.1f}x naive",
            f"{load['loader_over_ceiling']:.2f}x ceiling",
        )
    for name, q in results["queries"].items():
        value = f"mem {_ms(q['memory_s'])}, rdf {_ms(q['rdf_s'])}"
        if "neo4j_s" in q:
            value += f", neo4j {_ms(q['neo4j_s'])}"
        t.add_row("query", name, value, f"{q['rows']} rows")
    for g in results["goals"]:
        t.add_row("goal", g["goal"], "met" if g["met"] else "MISSED", g["figure"])
    return t
