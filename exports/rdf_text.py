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
from contextlib import contextmanager
from functools import lru_cache
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING

from kg.exports.rdf_terms import DEFAULT_BASE_IRI, PREFIXES, RDF_TYPE, Lit
from kg.exports.rdf_triples import graph_triples
from kg.io import atomic_open

if TYPE_CHECKING:
    import networkx as nx

_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029]')
# A prefixed name is used only for a local part that needs no escaping in Turtle.
_SAFE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_OBJECT_SEP = " ,\n        "
_json_string = encode_basestring  # a str as json.dumps(..., ensure_ascii=False) writes it (C)


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


Index = dict[str, list]  # subject -> [predicate, object, predicate, object, ...] (a fact may repeat)


def subject_index(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Index:
    """The triples of ``graph`` by subject: what every writer walks. A flat list of predicates and
    objects per subject costs two references a triple, a fifth of a set of triple tuples (the
    largest accepted input has about 3 million triples)."""
    shared = _SHARED.get("index")
    if shared is not None and shared[0] is graph and shared[1] == base_iri:
        return shared[2]
    subjects: Index = {}

    def add(triple: tuple) -> None:
        s, p, o = triple
        found = subjects.get(s)
        if found is None:
            subjects[s] = [p, o]
        else:
            found += (p, o)

    with _gc_paused():
        graph_triples(graph, base_iri, add)
    if "index" in _SHARED:
        _SHARED["index"] = (graph, base_iri, subjects)
    return subjects


def _by_predicate(pairs: list) -> dict[str, set]:
    """One subject's objects by predicate, each once."""
    predicates: dict[str, set] = {}
    for p, o in zip(pairs[::2], pairs[1::2], strict=True):
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = {o}
        else:
            objects.add(o)
    return predicates


_SHARED: dict = {}


@contextmanager
def shared_triples():
    """Within this block the RDF writers compute the triples of a graph once for all three files
    (``kg build`` writes Turtle, JSON-LD and N-Triples of one graph that nothing changes meanwhile);
    outside it every call computes them afresh. Released when the block ends."""
    _SHARED["index"] = None
    try:
        yield
    finally:
        _SHARED.pop("index", None)


def _iris_once(render):
    """``render`` for terms, each IRI's text made once per file (IRIs are few and each is used many
    times; literals, mostly used once, are made each time and not kept)."""
    iris: dict[str, str] = {}

    def term(o: str | Lit) -> str:
        if type(o) is not str:
            return render(o)
        text = iris.get(o)
        if text is None:
            text = iris[o] = render(o)
        return text

    return term


def _ntriples_chunks(subjects: Index):
    """One chunk of sorted lines per subject. A line starts with ``<subject>`` and ``>`` never occurs
    inside an IRI, so sorting the subjects by that term and each subject's lines sorts the file."""
    term = _iris_once(nt_term)
    for subject in sorted(subjects, key=lambda s: f"<{s}>"):
        head = f"<{subject}> "
        pairs = subjects[subject]
        lines = {f"{head}{term(p)} {term(o)} .\n" for p, o in zip(pairs[::2], pairs[1::2], strict=True)}
        yield "".join(sorted(lines))


def generate_ntriples(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """One line per triple, sorted and unique."""
    with _gc_paused():
        return "".join(_ntriples_chunks(subject_index(graph, base_iri)))


@lru_cache(maxsize=4096)
def _compact(iri: str) -> str | None:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and _SAFE_LOCAL.match(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace) :]}"
    return None


def _turtle_term(term: str | Lit) -> str:
    if type(term) is str:
        return _compact(term) or f"<{term}>"
    text = f'"{escape_string(term.lexical)}"'
    if term.lang:
        return f"{text}@{term.lang}"
    return f"{text}^^{_turtle_term(term.datatype)}" if term.datatype else text


def _turtle_chunks(subjects: Index):
    yield "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(PREFIXES.items()))
    term = _iris_once(_turtle_term)
    for subject in sorted(subjects):
        predicates = _by_predicate(subjects[subject])
        lines = []
        for predicate in sorted(predicates, key=lambda p: (p != RDF_TYPE, p)):
            objects = sorted(map(term, predicates[predicate]))
            verb = "a" if predicate == RDF_TYPE else term(predicate)
            lines.append(f"    {verb} {_OBJECT_SEP.join(objects)}")
        yield f"\n{term(subject)}\n" + " ;\n".join(lines) + " .\n"


def generate_turtle(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """Subjects sorted, ``a`` first then predicates sorted, objects sorted; full IRIs where a
    prefixed name would need escapes."""
    with _gc_paused():
        return "".join(_turtle_chunks(subject_index(graph, base_iri)))


def _jsonld_value(term: str | Lit) -> str:
    """The JSON text ``json.dumps`` writes (keys sorted) for the value object of ``term``."""
    if type(term) is str:
        return f'{{"@id": {_json_string(term)}}}'
    lexical = _json_string(term.lexical)
    if term.lang:
        return f'{{"@language": {_json_string(term.lang)}, "@value": {lexical}}}'
    if term.datatype:
        return f'{{"@type": {_json_string(_compact(term.datatype) or term.datatype)}, "@value": {lexical}}}'
    return f'{{"@value": {lexical}}}'


def _order(term: str | Lit) -> tuple:
    return (0, term, "", "") if type(term) is str else (1, term.lexical, term.lang or "", term.datatype or "")


def _jsonld_chunks(subjects: Index):
    """One node object a line, each the text ``json.dumps(node, ensure_ascii=False, sort_keys=True)``
    gives: written here from the strings' JSON forms (the C encoder's), without the dicts."""
    context = json.dumps(dict(sorted(PREFIXES.items())), ensure_ascii=False, sort_keys=True)
    yield '{"@context": ' + context + ',\n"@graph": [\n'
    value = _iris_once(_jsonld_value)
    separator = ""
    for subject in sorted(subjects):
        members = {"@id": _json_string(subject)}
        for predicate, objects in _by_predicate(subjects[subject]).items():
            if predicate == RDF_TYPE and all(type(o) is str for o in objects):
                types = sorted(_compact(o) or o for o in objects)
                members["@type"] = "[" + ", ".join(map(_json_string, types)) + "]"
                continue
            key = _compact(predicate) or predicate
            members[key] = "[" + ", ".join(value(o) for o in sorted(objects, key=_order)) + "]"
        body = ", ".join(f"{_json_string(key)}: {members[key]}" for key in sorted(members))
        yield f"{separator}{{{body}}}"
        separator = ",\n"
    yield "\n]}\n"


def generate_jsonld(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """``{"@context": prefixes, "@graph": [node objects]}``, one node object per line, sorted by
    ``@id``; keys and values sorted. The context is inline: reading it needs no network."""
    with _gc_paused():
        return "".join(_jsonld_chunks(subject_index(graph, base_iri)))


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


def _write(path: str | Path, chunks, graph: nx.MultiDiGraph, base_iri: str) -> list[Path]:
    """Stream the file a subject at a time: a file of hundreds of MB is never one string."""
    with _gc_paused():
        subjects = subject_index(graph, base_iri)
        with atomic_open(path) as handle:
            write, pending, size = handle.write, [], 0
            for chunk in chunks(subjects):
                pending.append(chunk)
                size += len(chunk)
                if size >= 1 << 20:
                    write("".join(pending))
                    pending, size = [], 0
            write("".join(pending))
    return [Path(path)]


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return _write(path, _turtle_chunks, graph, base_iri)


def write_ntriples(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return _write(path, _ntriples_chunks, graph, base_iri)


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, base_iri: str = DEFAULT_BASE_IRI, **_options):
    return _write(path, _jsonld_chunks, graph, base_iri)
