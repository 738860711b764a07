"""The named queries (``kg.queries.catalog``) as SPARQL files (``queries/NAME.rq``) on the RDF export.

Two engines give the same rows (``tests/queries/test_agreement.py``):

- ``oxigraph`` (default): pyoxigraph, in memory, a few ms per query. Required parameters are passed
  as ``substitutions`` (SEP-0007: the variable is replaced by one RDF term in the query's patterns,
  never pasted as text), which pyoxigraph accepts for projected variables only: ``projected_query``
  adds them to the ``SELECT`` clause (the rows read only the catalog's columns). An optional
  parameter (the plan filter) is tested with ``BOUND`` in a ``FILTER``, where a substitution does not
  reach: it is a one-row ``VALUES`` block opening the ``WHERE`` group (one escaped RDF term).
  pyoxigraph evaluates an ``OPTIONAL``'s inner pattern on its own and joins afterwards, so every
  ``OPTIONAL`` of the ``.rq`` files repeats the pattern that binds, from the parameters, each variable
  it shares with the outside. ``oxigraph_store`` loads a plan graph from the export's N-Triples
  text; an rdflib graph is copied into a store.
- ``rdflib``: rdflib's engine with ``initBindings`` (tens to hundreds of ms per query).

Names become ``@zh`` literals, as the RDF export writes them (``exports/rdf.py``), plan ids plain
literals, integers ``xsd:integer`` (``catalog.Param.literal``). Rows carry the documented columns,
sorted like the in-memory backend (``catalog.finish_rows``).
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
_SELECT = re.compile(r"^SELECT(?:\s+DISTINCT)?\s+", re.MULTILINE)
_WHERE = re.compile(r"^WHERE\s*\{", re.MULTILINE)
_NUMBERS = {XSD + "integer": int, XSD + "decimal": Decimal, XSD + "double": float, XSD + "float": float}


def query_text(name: str) -> str:
    get_query(name)
    return resources.files("kg.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")


def bindings(name: str, typed: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    """SPARQL variable -> (literal kind, value) for every parameter given (``None``: not bound)."""
    params = {p.name: p for p in get_query(name).params}
    return {
        params[key].variable: ("integer" if params[key].type is int else params[key].literal, value)
        for key, value in typed.items()
        if value is not None
    }


# --- oxigraph -------------------------------------------------------------------------------------


def projected_query(name: str, variables, values: dict[str, tuple[str, Any]] | None = None) -> str:
    """The query text with ``variables`` added to its top-level projection where it lacks them, and
    ``values`` (variable -> (kind, value)) as a one-row ``VALUES`` block opening its ``WHERE`` group."""
    text = query_text(name)
    select, where = _SELECT.search(text), _WHERE.search(text)
    if select is None or where is None:
        raise ValueError(f"{name}.rq: no top-level SELECT … WHERE {{ to bind parameters in")
    if values:
        names = " ".join(f"?{var}" for var in values)
        terms = " ".join(_values_term(kind, value) for kind, value in values.values())
        text = text[: where.end()] + f"\n  VALUES ({names}) {{ ({terms}) }}\n" + text[where.end() :]
    projection = text[select.end() : where.start()]
    extra = [f"?{v}" for v in variables if not re.search(rf"\?{v}\b", projection)]
    if not extra:
        return text
    return text[: select.end()] + " ".join(extra) + " " + text[select.end() :]


def _values_term(kind: str, value: Any) -> str:
    from kg.exports.rdf_text import escape_string

    if kind == "integer":
        return f'"{int(value)}"^^<{XSD}integer>'
    return f'"{escape_string(str(value))}"' + ("@zh" if kind == "zh" else "")


def _oxigraph_term(kind: str, value: Any):
    from pyoxigraph import Literal, NamedNode

    if kind == "integer":
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    if kind == "zh":
        return Literal(str(value), language="zh")
    return Literal(str(value))


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
    """An in-memory pyoxigraph store holding the RDF export of a plan graph: the export's N-Triples
    text, parsed by pyoxigraph (a third of the time of making its terms one by one in Python)."""
    from pyoxigraph import RdfFormat, Store

    from kg.exports.rdf_terms import DEFAULT_BASE_IRI
    from kg.exports.rdf_text import generate_ntriples

    store = Store()
    text = generate_ntriples(graph, base_iri or DEFAULT_BASE_IRI)
    store.bulk_load(text.encode("utf-8"), format=RdfFormat.N_TRIPLES)
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
    from pyoxigraph import Store, Variable

    store = data if isinstance(data, Store) else _store_of_rdflib(data)
    bound = bindings(name, typed)
    optional = {p.variable for p in get_query(name).params if p.in_values}
    values = {var: term for var, term in bound.items() if var in optional}
    substitutions = {
        Variable(var): _oxigraph_term(kind, value)
        for var, (kind, value) in bound.items()
        if var not in values
    }
    columns = get_query(name).columns
    runs = [substitutions]
    text = query_text(name)
    if "inConcept" in values and _CLUSTER_PATTERN in text and not _AGGREGATE.search(text):
        # The concept is tested in a FILTER, which a substitution does not reach, so pyoxigraph would
        # evaluate every OPTIONAL over all clusters (seconds on two plans): run once per cluster of
        # the concept instead, with ?c substituted. Same rows (the test's engines and memory agree).
        # Not for a GROUP BY query: ?c is not in its projection and its groups span the clusters.
        concept = _values_term(*values["inConcept"])
        runs = [
            {**substitutions, Variable("c"): solution["c"]}
            for solution in store.query(_CONCEPT_CLUSTERS.replace("$CONCEPT", concept))
        ]
    rows = []
    for run in runs:
        solutions = store.query(projected_query(name, [v.value for v in run], values), substitutions=run)
        rows += [{column: _oxigraph_python(solution[column]) for column in columns} for solution in solutions]
    return rows


_CLUSTER_PATTERN = "?c a plan:IndustryCluster"
_AGGREGATE = re.compile(r"^GROUP BY\b", re.MULTILINE)
# The clusters of a concept as the .rq files match them: a concept label they carry, else their name.
_CONCEPT_CLUSTERS = """PREFIX plan: <https://w3id.org/plan-kg/ontology#>
SELECT DISTINCT ?c WHERE {
  ?c a plan:IndustryCluster ; plan:name ?cluster .
  OPTIONAL { ?c plan:concepts ?carried }
  FILTER(COALESCE(STR(?carried), STR(?cluster)) = STR($CONCEPT))
}"""


# --- rdflib ---------------------------------------------------------------------------------------


@cache
def prepared_query(name: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query_text(name))


def _rdflib_term(kind: str, value: Any):
    from rdflib import XSD as RDFLIB_XSD
    from rdflib import Literal

    if kind == "integer":
        return Literal(value, datatype=RDFLIB_XSD.integer)
    if kind == "zh":
        return Literal(str(value), lang="zh")
    return Literal(str(value))


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
    bound = {Variable(var): _rdflib_term(kind, value) for var, (kind, value) in bindings(name, typed).items()}
    result = rdf_graph.query(prepared_query(name), initBindings=bound)
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
    return finish_rows(name, rows, typed)
