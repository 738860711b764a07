"""Median time of every named query (``kg.queries.catalog``) in memory, in SPARQL on pyoxigraph and
on rdflib (both on the RDF export), and on Neo4j."""

from __future__ import annotations

import networkx as nx
from neo4j import Driver

from bench.timing import median_time
from kg.queries import memory, neo4j_backend, rdf_backend
from kg.queries.catalog import QUERIES

# Parameters that give non-empty answers on the bundled plan.
PARAMS: dict[str, dict] = {
    "platforms-for-cluster": {"cluster": "集成电路"},
    "clusters-in-district": {"district": "滨江区"},
    "targets-for-year": {"year": 2030},
    "binding-indicators": {},
    "platform-profile": {"platform": "滨江物联网小镇"},
    "plans-for-concept": {"concept": "集成电路"},
    "concept-matrix": {},
    "targets-for-concept": {"concept": "集成电路"},
    "indicator-across-plans": {},  # one plan shares no indicator: empty on the bundled plan alone
}


def measure_queries(graph: nx.MultiDiGraph, repeat: int, driver: Driver | None) -> dict[str, dict]:
    """Per query: rows and median seconds per backend (Neo4j after a load of ``graph``, if a driver)."""
    from kg.exports.neo4j import load_graph, wipe_plans
    from kg.exports.rdf import graph_to_rdf

    rdf = graph_to_rdf(graph)
    store = rdf_backend.oxigraph_store(graph)
    result: dict[str, dict] = {}
    for name in QUERIES:
        params = PARAMS[name]
        rows = memory.run_query(name, params, graph)
        result[name] = {
            "rows": len(rows),
            "memory_s": median_time(lambda n=name, p=params: memory.run_query(n, p, graph), repeat),
            "rdf_s": median_time(lambda n=name, p=params: rdf_backend.run_query(n, p, store), repeat),
            "rdflib_s": median_time(
                lambda n=name, p=params: rdf_backend.run_query(n, p, rdf, engine="rdflib"),
                max(3, repeat // 3),
            ),
            "engines_agree": rdf_backend.run_query(name, params, store)
            == rdf_backend.run_query(name, params, rdf, engine="rdflib")
            == rows,
        }
    if driver is not None:
        wipe_plans(driver, graph.graph["plans"])
        load_graph(graph, driver, progress=False)
        try:
            for name in QUERIES:
                params = PARAMS[name]
                result[name]["neo4j_rows"] = len(neo4j_backend.run_query(name, params, driver))
                result[name]["neo4j_s"] = median_time(
                    lambda n=name, p=params: neo4j_backend.run_query(n, p, driver), repeat
                )
        finally:
            wipe_plans(driver, graph.graph["plans"])
    return result
