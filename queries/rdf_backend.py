"""The named queries (``kg.queries.catalog``) as SPARQL files (``queries/NAME.rq``) run with rdflib.

Parameters are bound with ``initBindings`` (never pasted into the query text): names become ``@zh``
literals, as the RDF export writes them (``exports/rdf.py``), integers ``xsd:integer``. Rows carry the
documented columns, sorted like the in-memory backend (``catalog.finish_rows``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from rdflib import XSD, Graph, Literal, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kg.queries.catalog import finish_rows, get_query, validate_params


def query_text(name: str) -> str:
    get_query(name)
    return resources.files("kg.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")


@cache
def prepared_query(name: str) -> Query:
    return prepareQuery(query_text(name))


def _param_term(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value), lang="zh")


def _python(term: Any) -> Any:
    """A result cell as a plain Python value: strings for strings of any language, numbers, bools."""
    if term is None:
        return None
    if isinstance(term, Literal):
        if term.language is not None or term.datatype in (None, XSD.string):
            return str(term)
        return term.toPython()
    return str(term)


def run_query(name: str, params: dict[str, Any] | None, rdf_graph: Graph) -> list[dict[str, Any]]:
    """Run the named SPARQL query on the RDF export; raises ``ValueError`` like the memory backend."""
    typed = validate_params(name, params)
    bindings = {Variable(key): _param_term(value) for key, value in typed.items()}
    result = rdf_graph.query(prepared_query(name), initBindings=bindings)
    columns = get_query(name).columns
    rows = ({column: _python(row[column]) for column in columns} for row in result)
    return finish_rows(name, rows)
