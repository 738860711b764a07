"""One registry of exporters: format name -> "module:function".

Every writer has the signature ``write(graph, path, **options) -> list[Path]`` where ``graph`` is the
networkx MultiDiGraph of ``kg.graph`` and ``path`` is the output file (or folder for multi-file
formats). Writers write atomically (``kg.io``). Modules are imported lazily so that the CLI starts
fast and an unused heavy dependency is never imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from importlib import import_module

EXPORTERS: dict[str, str] = {
    "json": "kg.exports.json:write_json",
    "neo4j-csv": "kg.exports.neo4j_csv:write_neo4j_csv",
    "ttl": "kg.exports.rdf_text:write_turtle",
    "jsonld": "kg.exports.rdf_text:write_jsonld",
    "nt": "kg.exports.rdf_text:write_ntriples",
    "html": "kg.exports.html:write_html",
    "html-clusters": "kg.exports.html_clusters:write_cluster_pages",
    "html-matrix": "kg.exports.html_matrix:write_matrix_html",
    "html-indicators": "kg.exports.html_indicators:write_indicators_html",
}

# The default file name each format gets inside ``--out``.
FILE_NAMES: dict[str, str] = {
    "json": "graph.json",
    "neo4j-csv": "neo4j-import",
    "ttl": "graph.ttl",
    "jsonld": "graph.jsonld",
    "nt": "graph.nt",
    "html": "graph.html",
    "html-clusters": "clusters",
    "html-matrix": "matrix.html",
    "html-indicators": "indicators.html",
}


def get_exporter(name: str):
    try:
        target = EXPORTERS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r}; known: {', '.join(sorted(EXPORTERS))}") from None
    module, func = target.split(":")
    return getattr(import_module(module), func)


RDF_FORMATS = ("ttl", "jsonld", "nt")


@contextmanager
def one_graph(names: Iterable[str]):
    """Exporters of ``names`` called in this block write one graph that nothing changes meanwhile:
    the work they share (the RDF triples of Turtle, JSON-LD and N-Triples) is done once."""
    if not set(names) & set(RDF_FORMATS):
        yield
        return
    from kg.exports.rdf_text import shared_triples

    with shared_triples():
        yield
