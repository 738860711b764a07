"""The named queries (``kg.queries.catalog``) as SPARQL files (``queries/NAME.rq``) on the RDF export.

Two engines give the same rows (``tests/queries/test_agreement.py``):

- ``oxigraph`` (default): pyoxigraph, in memory, a few ms per query. Parameters are bound with a
  ``VALUES`` block put first in the query's ``WHERE`` group (never pasted as text into patterns:
  the value is one escaped RDF term). ``oxigraph_store`` loads a plan graph straight from the
  export's triples; an rdflib graph is copied into a store.
- ``rdflib``: rdflib's engine with ``initBindings`` (tens to hundreds of ms per query).

Names become ``@zh`` literals, as the RDF export writes them (``exports/rdf.py``), integers
``xsd:integer``. Rows carry the documented columns, sorted like the in-memory backend
(``catalog.finish_rows``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from kg.queries.catalog import finish_rows, get_query, validate_params

ENGINES = ("oxigraph", "rdflib")
XSD = "http://www.w3.org/2001/XMLSchema#"
_WHERE = re.compile(r"^WHERE\s*\{", re.MULTILINE)
_NUMBERS = {XSD + "integer": int, XSD + "decimal": Decimal, XSD + "double": float, XSD + "float": float}


def query_text(name: str) -> str:
    get_query(name)
    return resources.files("kg.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")


# --- oxigraph -------------------------------------------------------------------------------------


def _values_term(value: Any) -> str:
    from kg.exports.rdf_text import escape_string

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    return f'"{escape_string(str(value))}"@zh'


def bound_query(name: str, params: dict[str, Any]) -> str:
    """The query text with ``params`` as a one-row ``VALUES`` block opening its ``WHERE`` group."""
    text = query_text(name)
    if not params:
        return text
    names = " ".join(f"?{key}" for key in params)
    terms = " ".join(_values_term(value) for value in params.values())
    block = f"\n  VALUES ({names}) {{ ({terms}) }}\n"
    match = _WHERE.search(text)
    if match is None:  # a query without a top-level WHERE line: the trailing VALUES clause
        return f"{text}\n{block}"
    return text[: match.end()] + block + text[match.end() :]


def _quads(triples):
    from pyoxigraph import Literal, NamedNode, Quad

    nodes: dict[str, NamedNode] = {}

    def term(t):
        if type(t) is str:
            node = nodes.get(t)
            if node is None:
                node = nodes[t] = NamedNode(t)
            return node
        if t.lang:
            return Literal(t.lexical, language=t.lang)
        return Literal(t.lexical, datatype=term(t.datatype)) if t.datatype else Literal(t.lexical)

    return [Quad(term(s), term(p), term(o)) for s, p, o in triples]


def oxigraph_store(graph, base_iri: str | None = None):
    """An in-memory pyoxigraph store holding the RDF export of a plan graph."""
    from pyoxigraph import Store

    from kg.exports.rdf_terms import DEFAULT_BASE_IRI
    from kg.exports.rdf_triples import graph_triples

    store = Store()
    store.bulk_extend(_quads(graph_triples(graph, base_iri or DEFAULT_BASE_IRI)))
    return store


def _store_of_rdflib(rdf_graph):
    from rdflib import Literal, URIRef

    from kg.exports.rdf_terms import Lit

    def plain(t):
        if isinstance(t, Literal):
            return Lit(str(t), str(t.datatype) if t.datatype else None, t.language)
        if isinstance(t, URIRef):
            return str(t)
        raise ValueError(f"blank nodes are not part of the export: {t!r}")

    from pyoxigraph import Store

    store = Store()
    store.bulk_extend(_quads((plain(s), plain(p), plain(o)) for s, p, o in rdf_graph))
    return store


def _oxigraph_python(term: Any) -> Any:
    from pyoxigraph import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if term.language is not None or datatype == XSD + "string":
            return term.value
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        number = _NUMBERS.get(datatype)
        return number(term.value) if number else term.value
    return term.value


def _run_oxigraph(name: str, typed: dict[str, Any], data) -> list[dict[str, Any]]:
    from pyoxigraph import Store

    store = data if isinstance(data, Store) else _store_of_rdflib(data)
    columns = get_query(name).columns
    solutions = store.query(bound_query(name, typed))
    return [{column: _oxigraph_python(solution[column]) for column in columns} for solution in solutions]


# --- rdflib ---------------------------------------------------------------------------------------


@cache
def prepared_query(name: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query_text(name))


def _param_term(value: Any):
    from rdflib import XSD as RDFLIB_XSD
    from rdflib import Literal

    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=RDFLIB_XSD.integer)
    return Literal(str(value), lang="zh")


def _rdflib_python(term: Any) -> Any:
    """A result cell as a plain Python value: strings for strings of any language, numbers, bools."""
    from rdflib import XSD as RDFLIB_XSD
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        if term.language is not None or term.datatype in (None, RDFLIB_XSD.string):
            return str(term)
        return term.toPython()
    return str(term)


def _run_rdflib(name: str, typed: dict[str, Any], rdf_graph) -> list[dict[str, Any]]:
    from rdflib import Graph, Variable

    if not isinstance(rdf_graph, Graph):
        raise TypeError("the rdflib engine runs on an rdflib Graph (kg.exports.rdf.graph_to_rdf)")
    bindings = {Variable(key): _param_term(value) for key, value in typed.items()}
    result = rdf_graph.query(prepared_query(name), initBindings=bindings)
    columns = get_query(name).columns
    return [{column: _rdflib_python(row[column]) for column in columns} for row in result]


def run_query(name: str, params: dict[str, Any] | None, data, engine: str = "oxigraph") -> list[dict]:
    """Run the named SPARQL query on ``data`` (a pyoxigraph ``Store`` or an rdflib ``Graph``) with
    ``engine``; raises ``ValueError`` like the memory backend."""
    typed = validate_params(name, params)
    if engine == "oxigraph":
        rows = _run_oxigraph(name, typed, data)
    elif engine == "rdflib":
        rows = _run_rdflib(name, typed, data)
    else:
        raise ValueError(f"unknown SPARQL engine {engine!r}; known: {', '.join(ENGINES)}")
    return finish_rows(name, rows)
