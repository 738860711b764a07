"""The RDF files against rdflib's serialisers on the same graph (the writers before issue 15).

For the bundled plan: N-Triples must be byte for byte rdflib's (sorted, unique lines, as the old
writer made them); Turtle and JSON-LD changed layout, so they must parse back isomorphic to rdflib's
graph. Times of both ways are in-process medians.
"""

from __future__ import annotations

import hashlib
import json

from bench.timing import median_time


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def rdflib_ntriples(rdf) -> str:
    lines = rdf.serialize(format="nt").splitlines()
    return "".join(f"{line}\n" for line in sorted(set(lines)) if line.strip())


def rdflib_jsonld(rdf) -> str:
    from kg.exports.rdf import PREFIXES

    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return json.dumps(json.loads(rdf.serialize(format="json-ld", context=context, auto_compact=True)))


def measure_rdf_outputs(graph, repeat: int) -> dict:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.exports import rdf_text
    from kg.exports.rdf import graph_to_rdf

    rdf = graph_to_rdf(graph)
    ours = {
        "nt": rdf_text.generate_ntriples(graph),
        "turtle": rdf_text.generate_turtle(graph),
        "json-ld": rdf_text.generate_jsonld(graph),
    }
    theirs = {
        "nt": rdflib_ntriples(rdf),
        "turtle": rdf.serialize(format="turtle"),
        "json-ld": rdflib_jsonld(rdf),
    }
    generators = {"nt": rdf_text.generate_ntriples, "turtle": rdf_text.generate_turtle,
                  "json-ld": rdf_text.generate_jsonld}  # fmt: skip
    rdflib_ways = {"nt": lambda: rdflib_ntriples(graph_to_rdf(graph)),
                   "turtle": lambda: graph_to_rdf(graph).serialize(format="turtle"),
                   "json-ld": lambda: rdflib_jsonld(graph_to_rdf(graph))}  # fmt: skip
    result = {"triples": len(rdf), "formats": {}}
    for fmt, text in ours.items():
        back = Graph().parse(data=text, format=fmt)
        result["formats"][fmt] = {
            "sha256": _sha(text),
            "rdflib_sha256": _sha(theirs[fmt]),
            "byte_identical_to_rdflib": text == theirs[fmt],
            "isomorphic_to_rdflib_graph": isomorphic(back, rdf),
            "ours_s": median_time(lambda g=generators[fmt]: g(graph), repeat),
            "rdflib_s": median_time(rdflib_ways[fmt], 1),
        }
    return result
