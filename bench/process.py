"""Whole processes as a user runs them, against whole-process baselines taken in the same run.

- ``python -c pass``: a bare interpreter (the baseline of ``kg query`` and ``kg trace``), and the same
  without ``site`` (``-S``): how much of the bare start this environment's packages cost;
- the floor: a Python process that reads the bundled plan and runs one number regex over it (the
  baseline of ``kg build``);
- ``kg build`` with its default outputs; ``kg query`` and ``kg trace`` answering from that build (the
  goal), and ``kg query --graph`` on a copy of its graph.json (read as any file: its shape checked).

Each is the median wall time of ``repeat`` runs after one untimed run; the spread (min, max) is kept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_CODE = (
    "import re, sys; text = open(sys.argv[1], 'rb').read().decode('utf-8');"
    " print(len(re.findall(r'[0-9]+(?:\\.[0-9]+)?', text)))"
)


def _kg() -> list[str]:
    return [sys.executable, "-c", "from kg.cli import run; run()"]


def timed(argv: list[str], repeat: int, env: dict | None = None) -> dict:
    """Median, min and max wall seconds of ``argv`` (stdout discarded; a failure raises)."""
    subprocess.run(argv, check=True, capture_output=True, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": repeat}


def output_hashes(out: Path) -> dict[str, str]:
    """sha256 (first 16 hex digits) of every file ``kg build`` wrote, by path inside ``out``."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()[:16]
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def measure_processes(plan: Path, repeat: int, build_repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="kg-bench-proc-") as tmp:
        out = Path(tmp) / "out"
        env = {**os.environ, "KG_STATE_FILE": str(Path(tmp) / "last-build.json")}  # not the user's record
        results = {
            "python_pass": timed([sys.executable, "-c", "pass"], repeat),
            # the interpreter without ``site``: what this environment's start adds (an editable
            # install's finder: about 17 ms) is the difference, paid by every process here
            "python_no_site": timed([sys.executable, "-S", "-c", "pass"], repeat),
            "floor": timed([sys.executable, "-c", FLOOR_CODE, str(plan)], repeat),
            "kg_build": timed([*_kg(), "build", "--out", str(out)], build_repeat, env),
        }
        results["kg_query_last"] = timed([*_kg(), "query", "platforms-for-cluster", "集成电路"], repeat, env)
        results["kg_trace_last"] = timed([*_kg(), "trace", "集成电路"], repeat, env)
        copy = shutil.copyfile(out / "graph.json", Path(tmp) / "copy.json")
        results["kg_query_graph"] = timed(
            [*_kg(), "query", "--graph", str(copy), "platforms-for-cluster", "集成电路"], repeat, env
        )
        results["hashes"] = output_hashes(out)
    results["build_over_floor"] = results["kg_build"]["median_s"] / results["floor"]["median_s"]
    bare = results["python_pass"]["median_s"]
    results["query_over_python"] = results["kg_query_last"]["median_s"] / bare
    results["trace_over_python"] = results["kg_trace_last"]["median_s"] / bare
    results["query_graph_over_python"] = results["kg_query_graph"]["median_s"] / bare
    return results
