"""Neo4j bulk import: the ``neo4j-import/`` CSVs through the real ``neo4j-admin database import full``.

For each corpus size (``bench/corpus.py``): write the folder (``write_neo4j_csv``, timed), run the
command of its README.txt with the dev jar's import tool (``org.neo4j.cli.AdminTool``, what the
``neo4j-admin`` script runs) into a fresh ``NEO4J_HOME``, and give the wall time of that whole JVM,
the tool's own ``IMPORT DONE in`` figure and rows/s. With ``--neo4j-uri`` the Bolt ways of
``bench/neo4j_load.py`` (loader, naive loop, ``UNWIND … CREATE`` ceiling) run on the same graphs, so
one command gives every Neo4j load figure of docs/benchmarks.md.

    python bench/neo4j_import.py [--plans 1,10] [--repeat 1] [--neo4j-uri URI] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

JAR = ROOT / "tools" / "neo4j-dev" / "target" / "neo4j-dev.jar"
ADMIN_MAIN = "org.neo4j.cli.AdminTool"
DONE = re.compile(r"IMPORT DONE in (?:(\d+)m )?(?:(\d+)s )?(\d+)ms")


def readme_command(folder: Path) -> list[str]:
    """The README.txt's ``neo4j-admin`` command as argv (``\\`` continuations joined)."""
    lines = (folder / "README.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("neo4j-admin "))
    parts = []
    for line in lines[start:]:
        parts.append(line.strip().removesuffix("\\"))
        if not line.rstrip().endswith("\\"):
            break
    return shlex.split(" ".join(parts))


def tool_seconds(output: str) -> float | None:
    """The import tool's own total (``IMPORT DONE in 1m 2s 345ms``) in seconds.

    >>> tool_seconds("IMPORT DONE in 8s 176ms. "), tool_seconds("IMPORT DONE in 1m 0s 5ms.")
    (8.176, 60.005)
    """
    match = DONE.search(output)
    if not match:
        return None
    minutes, seconds, millis = (int(g or 0) for g in match.groups())
    return minutes * 60 + seconds + millis / 1000


def run_import(folder: Path, home: Path, heap: str) -> tuple[float, float | None]:
    """Wall seconds of the README's command (JVM start included) and the tool's own figure."""
    argv = readme_command(folder)
    home.mkdir(parents=True)
    cmd = ["java", f"-Xmx{heap}", "-cp", str(JAR), ADMIN_MAIN, *argv[1:]]
    start = time.perf_counter()
    done = subprocess.run(
        cmd, cwd=folder, env={**os.environ, "NEO4J_HOME": str(home)}, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        tail = " | ".join((done.stdout + done.stderr).strip().splitlines()[-5:])
        raise RuntimeError(f"neo4j-admin import failed (exit {done.returncode}): {tail}")
    return wall, tool_seconds(done.stdout)


def measure_import(graph, repeat: int, heap: str = "1g") -> dict:
    """CSV writing and import times of ``graph`` (medians of ``repeat``), each import into a new home."""
    import statistics

    from kg.exports.neo4j_csv import write_neo4j_csv

    rows = graph.number_of_nodes() + graph.number_of_edges()
    writes, walls, tools = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-neo4j-import-") as tmp:
        for run in range(repeat):
            folder = Path(tmp) / f"csv-{run}"
            start = time.perf_counter()
            write_neo4j_csv(graph, folder)
            writes.append(time.perf_counter() - start)
            wall, tool = run_import(folder, Path(tmp) / f"home-{run}", heap)
            walls.append(wall)
            tools.append(tool)
    wall = statistics.median(walls)
    tool = statistics.median(t for t in tools if t is not None) if any(tools) else None
    return {
        "plans": len(graph.graph["plans"]),
        "rows": rows,
        "repeat": repeat,
        "csv_write_s": statistics.median(writes),
        "import_wall_s": wall,
        "import_tool_s": tool,
        "import_rows_per_s": rows / wall,
        "import_tool_rows_per_s": rows / tool if tool else None,
    }


def _sizes(text: str) -> list[int]:
    return sorted({int(part) for part in text.split(",") if part.strip()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=_sizes, default=[1, 10], help="corpus sizes (default 1,10)")
    parser.add_argument("--repeat", type=int, default=1, help="imports per size (median)")
    parser.add_argument("--neo4j-uri", default=os.environ.get("NEO4J_URI"), help="also the Bolt ways")
    parser.add_argument("--naive-cap", type=int, default=6000, help="rows the naive loop runs")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    if not JAR.exists():
        print(f"{JAR} not built; run `bash scripts/neo4j-dev.sh build`", file=sys.stderr)
        return 2

    from bench.corpus import corpus
    from kg.pipeline import build_graph_from_texts

    texts = corpus(max(args.plans))
    graphs = [build_graph_from_texts(texts[:n])[0] for n in args.plans]
    results: dict = {"import": [measure_import(g, args.repeat) for g in graphs]}
    for r in results["import"]:
        tool = f"{r['import_tool_s']:.1f} s" if r["import_tool_s"] else "?"
        wall, rate = r["import_wall_s"], r["import_rows_per_s"]
        print(
            f"neo4j-admin import  {r['plans']:>3} plan(s)  {r['rows']:>7,} rows  "
            f"csv {r['csv_write_s']:.2f} s  import {wall:.1f} s wall (tool {tool})  {rate:,.0f} rows/s"
        )
    if args.neo4j_uri:
        results["bolt"] = _bolt(args.neo4j_uri, graphs, args.naive_cap)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def _bolt(uri: str, graphs, naive_cap: int) -> list[dict]:
    from neo4j import GraphDatabase

    from bench.neo4j_load import measure_load, prepare

    user, password = os.environ.get("NEO4J_USERNAME"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password is not None else None
    figures = []
    with GraphDatabase.driver(uri, auth=auth, connection_timeout=5) as driver:
        prepare(driver, graphs[0])
        for graph in graphs:
            repeat = 3 if len(graph.graph["plans"]) == 1 else 2
            r = measure_load(driver, graph, naive_cap, repeat)
            figures.append(r)
            naive = " (extrapolated)" if r["naive_extrapolated"] else ""
            print(
                f"bolt load          {r['plans']:>3} plan(s)  {r['rows']:>7,} rows  "
                f"loader {r['loader_s']:.1f} s ({r['loader_rows_per_s']:,.0f} rows/s)  "
                f"ceiling {r['ceiling_s']:.1f} s  naive {r['naive_s']:.1f} s{naive}  "
                f"loader/ceiling x{r['loader_over_ceiling']:.2f}  loader/naive x{r['loader_over_naive']:.1f}"
            )
    return figures


if __name__ == "__main__":
    sys.exit(main())
