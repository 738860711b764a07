"""Scaling: build corpora of 1, 10, 100 distinct plans into one graph, each size in its own process.

Run as a worker (``python -m bench.scaling N REPEAT``) it prints one JSON object: median build
seconds, peak resident memory (``ru_maxrss``) before and after building, nodes, edges, platforms.
Corpus generation (``bench.corpus``) happens before the timed part.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def worker(n: int, repeat: int) -> dict:
    from bench.corpus import corpus, seed_text
    from kg.pipeline import build_graph_from_texts

    texts = corpus(n)
    build_graph_from_texts([("warm-up", seed_text())])  # untimed: loads the reference tables once
    rss_before = _maxrss_mib()
    times, graph = [], None
    for _ in range(repeat):
        graph = None  # free the previous graph before the next build
        start = time.perf_counter()
        graph, _ = build_graph_from_texts(texts)
        times.append(time.perf_counter() - start)
    types = Counter(attrs["type"] for _, attrs in graph.nodes(data=True))
    return {
        "plans": n,
        "build_s": statistics.median(times),
        "repeat": repeat,
        "rss_before_mib": rss_before,
        "peak_rss_mib": _maxrss_mib(),
        "input_mib": sum(len(t.encode("utf-8")) for _, t in texts) / 2**20,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "platforms": types["Platform"],
    }


def measure_size(n: int, repeat: int) -> dict:
    """Run the worker for ``n`` plans in a fresh interpreter and return its figures."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.scaling", str(n), str(repeat)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def measure_scaling(sizes: list[int], repeat: int) -> dict:
    rows = [measure_size(n, repeat if n <= 10 else 1) for n in sizes]
    result: dict = {"sizes": rows}
    base = rows[0]
    for row in rows:
        row["time_ratio"] = row["build_s"] / base["build_s"]
        row["node_ratio"] = row["nodes"] / base["nodes"]
        row["plans_ratio"] = row["plans"] / base["plans"]
    return result


if __name__ == "__main__":
    print(json.dumps(worker(int(sys.argv[1]), int(sys.argv[2]))))
