"""Goals, the one results table (rich) and the machine description of a benchmark run."""

from __future__ import annotations

import os
import platform
import sys

from rich.table import Table

# The goals of issue 15 (whole processes against whole-process baselines, in-process against in-process).
GOAL_PROCESS_BUILD_OVER_FLOOR = 15  # kg build, default outputs / python reading the plan + one regex
GOAL_PROCESS_QUERY_OVER_PYTHON = 4  # kg query/trace --graph / python -c pass
GOAL_SPARQL_S = 0.010  # each named query, median, pyoxigraph in memory
GOAL_POOL_OVER_SERIAL = 0.6  # 10 plans on every core / 10 plans serially
GOAL_TIME_RATIO_PER_PLAN = 1.0  # time(N)/time(1) at most N (100 for 100 plans)
GOAL_PEAK_MIB = 600  # 100 plans, main process plus workers
GOAL_LOADER_OVER_NAIVE = 15
GOAL_LOADER_OVER_CEILING = 0.8
GOAL_QUERY_S = 0.050
GOAL_GROWTH = 1.5  # hostile sizes: seconds per input byte, largest size over smallest (linear)
GOAL_LARGEST_PEAK_MIB = 1536  # kg build of the largest accepted input (issue 17)


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
    proc = results.get("processes")
    if proc:
        ratio = proc["build_over_floor"]
        out.append(_goal("kg build (process)/floor", ratio <= GOAL_PROCESS_BUILD_OVER_FLOOR,
                         f"{ratio:.0f}x (goal <= {GOAL_PROCESS_BUILD_OVER_FLOOR}x)"))  # fmt: skip
        for key, label in (
            ("query_over_python", "kg query (last build)"),
            ("trace_over_python", "kg trace (last build)"),
        ):
            ratio = proc[key]
            out.append(_goal(f"{label}/python -c pass", ratio <= GOAL_PROCESS_QUERY_OVER_PYTHON,
                             f"{ratio:.1f}x (goal <= {GOAL_PROCESS_QUERY_OVER_PYTHON}x)"))  # fmt: skip
    rdf = results.get("rdf_outputs")
    if rdf:
        nt = rdf["formats"]["nt"]["byte_identical_to_rdflib"]
        iso = all(f["isomorphic_to_rdflib_graph"] for f in rdf["formats"].values())
        out.append(
            _goal("RDF: nt byte-identical, all isomorphic", nt and iso, f"nt identical {nt}, iso {iso}")
        )
    slowest = max(results["queries"].items(), key=lambda kv: kv[1]["rdf_s"])
    ms = slowest[1]["rdf_s"] * 1000
    out.append(_goal("SPARQL (oxigraph) each <= 10 ms", ms <= GOAL_SPARQL_S * 1000,
                     f"slowest {slowest[0]} {ms:.2f} ms"))  # fmt: skip
    agree = all(q.get("engines_agree", True) for q in results["queries"].values())
    out.append(_goal("oxigraph rows == rdflib rows == memory rows", agree, str(agree)))
    pool = results["scaling"].get("pool_10")
    if pool:
        ratio = pool["pool_over_serial"]
        out.append(_goal(f"10 plans, {pool['workers']} workers / serial", ratio <= GOAL_POOL_OVER_SERIAL,
                         f"{ratio:.2f}x (goal <= {GOAL_POOL_OVER_SERIAL})"))  # fmt: skip
    big = results["scaling"]["sizes"][-1]
    if big["plans"] > 1:
        limit = GOAL_TIME_RATIO_PER_PLAN * big["plans"]
        ratio = big["time_ratio"]
        out.append(
            _goal(f"time({big['plans']})/time(1)", ratio <= limit, f"{ratio:.1f} (goal <= {limit:.0f})")
        )
        peak, pss = big["total_peak_rss_mib"], big.get("peak_pss_mib") or 0.0
        measured = pss or peak
        out.append(_goal(f"peak memory, {big['plans']} plans", measured <= GOAL_PEAK_MIB,
                         f"PSS {pss:.0f} MiB summed over main + workers (RSS bound {peak:.0f} MiB); "
                         f"goal <= {GOAL_PEAK_MIB}"))  # fmt: skip
    for load in results.get("neo4j_load", []):
        n, speedup, share = load["plans"], load["loader_over_naive"], load["loader_over_ceiling"]
        out.append(_goal(f"loader/naive, {n} plan(s)", speedup >= GOAL_LOADER_OVER_NAIVE, f"{speedup:.1f}x"))
        out.append(_goal(f"loader/ceiling, {n} plan(s)", share >= GOAL_LOADER_OVER_CEILING, f"{share:.2f}x"))
    hostile = results.get("hostile", {})
    for kind, label in (("line", "long line"), ("table", "wide table"), ("largest", "largest input")):
        if kind in hostile:
            growth = hostile[kind]["growth"]
            out.append(_goal(f"{label}: time per byte, largest/smallest size", growth <= GOAL_GROWTH,
                             f"{growth:.2f} (goal <= {GOAL_GROWTH}: linear)"))  # fmt: skip
    if "largest" in hostile:
        top = hostile["largest"]["rows"][-1]
        fits = top["peak_rss_mib"] <= GOAL_LARGEST_PEAK_MIB
        out.append(_goal("largest accepted input, kg build peak RSS", fits,
                         f"{top['peak_rss_mib']:.0f} MiB for {top['input_bytes'] / 2**20:.1f} MiB in "
                         f"{top['seconds']:.0f} s (goal <= {GOAL_LARGEST_PEAK_MIB} MiB)"))  # fmt: skip
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
    proc = results.get("processes")
    if proc:
        for key, label in (("python_pass", "python -c pass"),
                           ("python_no_site", "python -S -c pass (no site)"),
                           ("floor", "floor process (read + regex)"),
                           ("kg_build", "kg build (default outputs)"),
                           ("kg_query_last", "kg query (last build)"),
                           ("kg_trace_last", "kg trace (last build)"),
                           ("kg_query_graph", "kg query --graph COPY (checked)")):  # fmt: skip
            p = proc.get(key)
            if p is None:  # a JSON of an earlier run
                continue
            t.add_row("process", label, _ms(p["median_s"]),
                      f"min {_ms(p['min_s'])}, max {_ms(p['max_s'])}, {p['runs']} runs")  # fmt: skip
    rdf = results.get("rdf_outputs")
    if rdf:
        for fmt, f in rdf["formats"].items():
            t.add_row("rdf", fmt, f"{_ms(f['ours_s'])} (rdflib {_ms(f['rdflib_s'])})",
                      f"sha {f['sha256']}, identical to rdflib {f['byte_identical_to_rdflib']}, "
                      f"isomorphic {f['isomorphic_to_rdflib_graph']}")  # fmt: skip
    for s in results["scaling"]["sizes"]:
        t.add_row(
            "scaling",
            f"{s['plans']} plan(s)",
            f"{s['build_s']:.2f} s",
            f"x{s['time_ratio']:.1f} time, x{s['node_ratio']:.1f} nodes ({s['nodes']} n, {s['edges']} e, "
            f"{s['platforms']} platforms), {s['workers']} workers, peak RSS {s['peak_rss_mib']:.0f} MiB"
            f" (+ {s['worker_peak_rss_mib']:.0f} MiB per worker), PSS {s.get('peak_pss_mib', 0):.0f} MiB",
        )
    pool = results["scaling"].get("pool_10")
    if pool:
        t.add_row("scaling", "10 plans serial / pool", f"{pool['serial_s']:.2f} s / {pool['pool_s']:.2f} s",
                  f"x{pool['pool_over_serial']:.2f}, same graph {pool['same_graph']}")  # fmt: skip
        spin = pool.get("machine")
        if spin:
            t.add_row("scaling", "two CPU loops at once / one alone",
                      f"{spin['two_at_once_s']:.2f} s / {spin['alone_s']:.2f} s",
                      f"x{spin['speedup']:.2f} speed-up from the second core (2.00: two free cores); "
                      f"the pool can reach x{1 / spin['speedup']:.2f}")  # fmt: skip
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
    for kind, rows in ((k, v["rows"]) for k, v in results.get("hostile", {}).items()):
        for r in rows:
            size = f"{r['size']} columns" if kind == "table" else f"{r['input_bytes'] / 2**10:,.0f} KiB"
            per_mib = r["seconds"] / r["input_bytes"] * 2**20
            note = f"{per_mib:.1f} s/MiB, peak RSS {r['peak_rss_mib']:.0f} MiB, {r['nodes']} nodes"
            t.add_row("hostile", f"{kind} {size}", f"{r['seconds']:.2f} s", note)
    for name, q in results["queries"].items():
        value = f"mem {_ms(q['memory_s'])}, oxigraph {_ms(q['rdf_s'])}, rdflib {_ms(q['rdflib_s'])}"
        if "neo4j_s" in q:
            value += f", neo4j {_ms(q['neo4j_s'])}"
        t.add_row("query", name, value, f"{q['rows']} rows")
    for g in results["goals"]:
        t.add_row("goal", g["goal"], "met" if g["met"] else "MISSED", g["figure"])
    return t
