"""Run the plan-kg benchmarks and print one table; see docs/benchmarks.md.

    python bench/run.py [--quick] [--plans 1,10,100] [--load-plans 1,10] [--neo4j-uri URI] [--json FILE]

Neo4j parts run only with a server: ``--neo4j-uri`` or ``NEO4J_URI`` (``NEO4J_USERNAME`` and
``NEO4J_PASSWORD`` when it needs them). The benchmark loads plans called ``bench-plan-NNN`` and
removes exactly those afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402

from bench import report  # noqa: E402
from bench.build import measure_build  # noqa: E402
from bench.corpus import corpus  # noqa: E402
from bench.scaling import measure_scaling  # noqa: E402


def _sizes(text: str) -> list[int]:
    sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    if not sizes or sizes[0] < 1 or sizes[-1] > 999:
        raise argparse.ArgumentTypeError("plan counts must be 1..999, e.g. 1,10,100")
    return sizes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions, plans 1,10, small naive sample"
    )
    parser.add_argument(
        "--plans", type=_sizes, help="corpus sizes for scaling (default 1,10,100; quick 1,10)"
    )
    parser.add_argument("--load-plans", type=_sizes, default=[1, 10], help="corpus sizes for Neo4j load")
    parser.add_argument(
        "--neo4j-uri", default=os.environ.get("NEO4J_URI"), help="Bolt URI (default NEO4J_URI)"
    )
    parser.add_argument("--naive-cap", type=int, help="rows the naive loop runs before extrapolating")
    parser.add_argument(
        "--largest",
        action="store_true",
        help="also kg build the largest accepted input (about 14 MiB) and smaller cuts of it: minutes",
    )
    parser.add_argument("--no-hostile", action="store_true", help="skip the long-line and wide-table sizes")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "latest.json", help="JSON output file")
    args = parser.parse_args(argv)
    args.plans = args.plans or ([1, 10] if args.quick else [1, 10, 100])
    if args.plans[0] != 1:
        args.plans.insert(0, 1)
    args.repeat = 3 if args.quick else 7
    args.naive_cap = args.naive_cap or (1500 if args.quick else 6000)
    return args


def _driver(uri: str):
    from neo4j import GraphDatabase

    user, password = os.environ.get("NEO4J_USERNAME"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password is not None else None
    return GraphDatabase.driver(uri, auth=auth, connection_timeout=5)


def _neo4j_version(driver) -> str:
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *")
    return ", ".join(f"{r['name']} {r['versions'][0]} {r['edition']}" for r in records)


def run(args: argparse.Namespace, console: Console) -> dict:
    from bench.neo4j_load import measure_load, prepare
    from bench.process import measure_processes
    from bench.query_times import measure_queries
    from bench.rdf_outputs import measure_rdf_outputs
    from kg.pipeline import build_graph_from_paths, build_graph_from_texts, bundled_plan_path

    results: dict = {"quick": args.quick}
    console.log("build stages on the bundled plan")
    results["build"] = measure_build(args.repeat, 1 if args.quick else 3)
    console.log(f"scaling: {args.plans} plans, one process per size")
    results["scaling"] = measure_scaling(args.plans, args.repeat)
    console.log("whole processes: kg build, kg query/trace --graph and their baselines")
    results["processes"] = measure_processes(bundled_plan_path(), args.repeat, 3 if args.quick else 5)
    if not args.no_hostile or args.largest:
        from bench.hostile import measure_hostile

        console.log("hostile sizes: long line, wide table" + (", largest input" if args.largest else ""))
        results["hostile"] = measure_hostile(args.quick, args.largest, small=not args.no_hostile)
    console.log("RDF files against rdflib's serialisers")
    results["rdf_outputs"] = measure_rdf_outputs(build_graph_from_paths(), 1 if args.quick else 3)
    driver = _driver(args.neo4j_uri) if args.neo4j_uri else None
    try:
        results["machine"] = report.machine(_neo4j_version(driver) if driver else None)
        if driver is not None:
            texts = corpus(max(args.load_plans))
            graphs = [build_graph_from_texts(texts[:n])[0] for n in args.load_plans]
            console.log("neo4j: warm-up of the three ways")
            prepare(driver, graphs[0])
            results["neo4j_load"] = []
            for graph in graphs:
                console.log(f"neo4j load: {len(graph.graph['plans'])} plan(s)")
                repeat = 3 if len(graph.graph["plans"]) == 1 else (1 if args.quick else 2)
                results["neo4j_load"].append(measure_load(driver, graph, args.naive_cap, repeat))
        else:
            console.log("no --neo4j-uri or NEO4J_URI: Neo4j load and Neo4j queries skipped")
        console.log("named queries")
        results["queries"] = measure_queries(build_graph_from_paths(), args.repeat * 3, driver)
    finally:
        if driver is not None:
            driver.close()
    results["goals"] = report.goals(results)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    console = Console(width=150)
    results = run(args, console)
    console.print(report.table(results))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    console.log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
