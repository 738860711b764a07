"""Scaling: build corpora of 1, 10, 100 distinct plans into one graph, each size in its own process.

Run as a worker (``python -m bench.scaling N REPEAT [WORKERS]``) it prints one JSON object: median
build seconds, peak resident memory (``ru_maxrss``) before and after building, nodes, edges,
platforms. Corpus generation (``bench.corpus``) happens before the timed part. WORKERS is the size of
the process pool of ``kg.pipeline`` (default: one per usable core; 1 = serial); the peak memory of
a pool build is the main process plus, at most, WORKERS times the largest worker's peak (an upper
bound: a forked worker's RSS counts the pages it shares with the main process), and, sampled every
200 ms, the peak of the summed PSS of the main process and its workers (each shared page once).
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


def _children_maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _pss_mib(pid: int | str = "self") -> float:
    """Proportional set size of a process (shared pages split among their sharers), 0 if gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children() -> list[str]:
    found = []
    for task in Path("/proc/self/task").iterdir():
        try:
            found += (task / "children").read_text(encoding="ascii").split()
        except OSError:
            continue
    return found


class PssPeak:
    """Samples the summed PSS of this process and its children every 200 ms in a thread: the memory
    the build really holds at once, counting a page the pool's forked workers share with the main
    process once (``ru_maxrss`` counts it in each). Linux only; 0 elsewhere."""

    def __init__(self) -> None:
        import threading

        self.peak, self._stop = 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, _pss_mib() + sum(_pss_mib(pid) for pid in _children()))

    def __enter__(self) -> PssPeak:
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def worker(n: int, repeat: int, workers: int | None = None) -> dict:
    from bench.corpus import corpus, seed_text
    from kg.pipeline import build_graph_from_texts, default_workers

    texts = corpus(n)
    workers = default_workers(n) if workers is None else workers
    build_graph_from_texts([("warm-up", seed_text())])  # untimed: loads the reference tables once
    rss_before = _maxrss_mib()
    times, graph = [], None
    with PssPeak() as pss:
        for _ in range(repeat):
            graph = None  # free the previous graph before the next build
            start = time.perf_counter()
            graph, _ = build_graph_from_texts(texts, workers=workers)
            times.append(time.perf_counter() - start)
    types = Counter(attrs["type"] for _, attrs in graph.nodes(data=True))
    return {
        "plans": n,
        "build_s": statistics.median(times),
        "repeat": repeat,
        "rss_before_mib": rss_before,
        "peak_rss_mib": _maxrss_mib(),
        "workers": workers,
        "worker_peak_rss_mib": _children_maxrss_mib() if workers > 1 else 0.0,
        "peak_pss_mib": pss.peak,
        "input_mib": sum(len(t.encode("utf-8")) for _, t in texts) / 2**20,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "platforms": types["Platform"],
    }


def measure_size(n: int, repeat: int, workers: int | None = None) -> dict:
    """Run the worker for ``n`` plans in a fresh interpreter and return its figures."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.scaling", str(n), str(repeat), *([str(workers)] if workers else [])],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


SPIN = (
    "import time\nt = time.perf_counter()\nx = 0\n"
    "for i in range(8_000_000):\n    x += i\nprint(time.perf_counter() - t)"
)


def _spins(at_once: int) -> float:
    """Median seconds of ``at_once`` pure-Python loops run at the same time, one process each."""
    runs = [
        subprocess.Popen([sys.executable, "-c", SPIN], stdout=subprocess.PIPE, text=True)
        for _ in range(at_once)
    ]
    return statistics.median(float(run.communicate()[0]) for run in runs)


def parallel_speedup(repeat: int = 5) -> dict:
    """What two cores give here: two CPU-bound loops at once against one alone (2.0 on two free
    cores). On a virtual machine whose two cores are not both the guest's, it is lower, and the
    pool's ratio to a serial build can be no better than 1 / this."""
    alone, together = [], []
    for _ in range(repeat):  # interleaved: the machine's speed drifts over seconds here
        alone.append(_spins(1))
        together.append(_spins(2))
    one, two = statistics.median(alone), statistics.median(together)
    return {"alone_s": one, "two_at_once_s": two, "speedup": 2 * one / two}


def measure_scaling(sizes: list[int], repeat: int) -> dict:
    rows = [measure_size(n, repeat if n <= 10 else 1) for n in sizes]
    result: dict = {"sizes": rows}
    for row in rows:
        row["total_peak_rss_mib"] = row["peak_rss_mib"] + row["workers"] * row["worker_peak_rss_mib"]
    if 10 in sizes:
        serial = measure_size(10, repeat, workers=1)
        pooled = next(row for row in rows if row["plans"] == 10)
        result["pool_10"] = {
            "machine": parallel_speedup(),
            "serial_s": serial["build_s"],
            "pool_s": pooled["build_s"],
            "workers": pooled["workers"],
            "pool_over_serial": pooled["build_s"] / serial["build_s"],
            "same_graph": (serial["nodes"], serial["edges"]) == (pooled["nodes"], pooled["edges"]),
        }
    base = rows[0]
    for row in rows:
        row["time_ratio"] = row["build_s"] / base["build_s"]
        row["node_ratio"] = row["nodes"] / base["nodes"]
        row["plans_ratio"] = row["plans"] / base["plans"]
    return result


if __name__ == "__main__":
    print(json.dumps(worker(int(sys.argv[1]), int(sys.argv[2]), *map(int, sys.argv[3:4]))))
