"""N-Triples, Turtle and JSON-LD written straight from the triples (``exports/rdf_triples.py``).

Written here rather than by rdflib's serialisers, which took 1-2 s each on the bundled plan. All three
are deterministic (sorted) and escape strings the same way: ``"`` and ``\\``, and every control
character and Unicode line break (C0, DEL, C1 with U+0085, U+2028, U+2029), so that no reader that
splits lines (``str.splitlines`` splits on ``\\f``, ``\\v``, U+001C-U+001E, U+0085, U+2028, U+2029)
can cut a literal in two. N-Triples is one line per triple, sorted: for text without such characters
it is byte for byte what rdflib writes for the same graph.
"""

from __future__ import annotations

import gc
import json
import re
from collections import defaultdict
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import networkx as nx

from kg.exports.rdf_terms import DEFAULT_BASE_IRI, PREFIXES, RDF_TYPE, Lit
from kg.exports.rdf_triples import graph_triples
from kg.io import atomic_open

_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029]')
# A prefixed name is used only for a local part that needs no escaping in Turtle.
_SAFE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_OBJECT_SEP = " ,\n        "


def _escape_char(match: re.Match) -> str:
    char = match.group()
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def escape_string(text: str) -> str:
    """The body of a quoted N-Triples/Turtle string (ECHAR where one exists, else ``\\uXXXX``)."""
    return _NEEDS_ESCAPE.sub(_escape_char, text)


def nt_term(term: str | Lit) -> str:
    if type(term) is str:
        return f"<{term}>"
    text = f'"{escape_string(term.lexical)}"'
    if term.lang:
        return f"{text}@{term.lang}"
    return f"{text}^^<{term.datatype}>" if term.datatype else text


def generate_ntriples(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """One line per triple, sorted and unique."""
    cache: dict = {}

    def term(t):
        text = cache.get(t)
        if text is None:
            text = cache[t] = nt_term(t)
        return text

    lines = sorted(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in graph_triples(graph, base_iri))
    return "".join(lines)


@lru_cache(maxsize=4096)
def _compact(iri: str) -> str | None:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and _SAFE_LOCAL.match(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace) :]}"
    return None


def _by_subject(triples) -> dict[str, dict[str, list]]:
    subjects: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        subjects[s][p].append(o)
    return subjects


def _turtle_term(term: str | Lit, cache: dict) -> str:
    text = cache.get(term)
    if text is None:
        if type(term) is str:
            text = _compact(term) or f"<{term}>"
        else:
            text = f'"{escape_string(term.lexical)}"'
            if term.lang:
                text += f"@{term.lang}"
            elif term.datatype:
                text += f"^^{_turtle_term(term.datatype, cache)}"
        cache[term] = text
    return text


def generate_turtle(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """Subjects sorted, ``a`` first then predicates sorted, objects sorted; full IRIs where a
    prefixed name would need escapes."""
    cache: dict = {}
    parts = [f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(PREFIXES.items())]
    for subject, predicates in sorted(_by_subject(graph_triples(graph, base_iri)).items()):
        lines = []
        for predicate in sorted(predicates, key=lambda p: (p != RDF_TYPE, p)):
            objects = sorted(_turtle_term(o, cache) for o in predicates[predicate])
            verb = "a" if predicate == RDF_TYPE else _turtle_term(predicate, cache)
            lines.append(f"    {verb} {_OBJECT_SEP.join(objects)}")
        parts.append(f"\n{_turtle_term(subject, cache)}\n" + " ;\n".join(lines) + " .\n")
    return "".join(parts)


def _jsonld_value(term: str | Lit) -> dict:
    if type(term) is str:
        return {"@id": term}
    if term.lang:
        return {"@language": term.lang, "@value": term.lexical}
    if term.datatype:
        return {"@type": _compact(term.datatype) or term.datatype, "@value": term.lexical}
    return {"@value": term.lexical}


def _order(term: str | Lit) -> tuple:
    return (0, term, "", "") if type(term) is str else (1, term.lexical, term.lang or "", term.datatype or "")


def generate_jsonld(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """``{"@context": prefixes, "@graph": [node objects]}``, one node object per line, sorted by
    ``@id``; keys and values sorted. The context is inline: reading it needs no network."""
    nodes = []
    for subject, predicates in sorted(_by_subject(graph_triples(graph, base_iri)).items()):
        node: dict = {"@id": subject}
        for predicate, objects in predicates.items():
            if predicate == RDF_TYPE and all(type(o) is str for o in objects):
                node["@type"] = sorted(_compact(o) or o for o in objects)
                continue
            node[_compact(predicate) or predicate] = [_jsonld_value(o) for o in sorted(objects, key=_order)]
        nodes.append(json.dumps(node, ensure_ascii=False, sort_keys=True))
    context = json.dumps(dict(sorted(PREFIXES.items())), ensure_ascii=False, sort_keys=True)
    return '{"@context": ' + context + ',\n"@graph": [\n' + ",\n".join(nodes) + "\n]}\n"


@contextmanager
def _gc_paused():
    """Pause the cyclic collector while millions of acyclic strings and tuples are made: it would
    rescan every live object (the whole plan graph) again and again. Restored as it was."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _write(path: str | Path, generate, graph: nx.MultiDiGraph, base_iri: str) -> list[Path]:
    with _gc_paused():
        text = generate(graph, base_iri)
    with atomic_open(path) as handle:
        handle.write(text)
    return [Path(path)]


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return _write(path, generate_turtle, graph, base_iri)


def write_ntriples(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return _write(path, generate_ntriples, graph, base_iri)


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return _write(path, generate_jsonld, graph, base_iri)
