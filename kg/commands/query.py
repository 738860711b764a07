"""`kg query`: the named analyst queries on memory, RDF or Neo4j."""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path

import click

from kg.commands.graph_source import graph_options, load_graph
from kg.commands.neo4j_options import neo4j_failure, neo4j_options, open_driver
from kg.commands.tables import FORMATS, render_rows, render_table
from kg.queries.catalog import QUERIES, get_query, validate_params
from kg.queries.memory import run_query as run_in_memory

BACKENDS = ("memory", "rdf", "neo4j")


def _backend(name: str):
    """The ``run_query`` of ``kg.queries.<name>_backend``, or a clear error if that backend is missing."""
    module = f"kg.queries.{name}_backend"
    try:
        return import_module(module).run_query
    except ModuleNotFoundError as err:
        if err.name != module:
            message = f"the {name} backend needs the module {err.name!r}: pip install {err.name}"
            raise click.ClickException(message) from None
        raise click.ClickException(f"the {name} backend is not available ({module} is missing)") from None


def _parse_params(name: str, pairs: tuple[str, ...], positional: list[str]) -> tuple[dict, list[str]]:
    """``--param k=v`` pairs, then positional values for the parameters still missing; rest are DOCs."""
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
        params[key.strip()] = value
    for param in get_query(name).params:
        if param.required and param.name not in params and positional:
            params[param.name] = positional.pop(0)
    return params, positional


def _resolved(graph, name: str, params: dict) -> dict:
    """Name parameters as stored in ``graph`` (``kg.queries.resolve``), the plan as its id; an unknown
    or ambiguous name: exit 1 with suggestions or candidates."""
    from kg.names import AmbiguousName, UnknownName
    from kg.queries.resolve import resolve_params

    try:
        return resolve_params(graph, name, params)
    except (AmbiguousName, UnknownName) as err:
        from kg.commands.trace import name_failure

        raise name_failure(err.text, err) from None


def _rdf_graph(rdf_file: str):
    """The RDF export ``--rdf FILE``: a local Turtle, N-Triples or JSON-LD file, never the network."""
    from kg.commands.common import BadInput
    from kg.rdf_io import RdfInputError, read_rdf

    try:
        data = read_rdf(rdf_file)
    except RdfInputError as err:
        raise BadInput(str(err)) from None
    click.echo(f"Graph: {Path(rdf_file).resolve()} (RDF file as given)", err=True)
    return data


def _neo4j_rows(name, params, neo4j):
    """Rows of the named query from Neo4j, names resolved against the database's nodes; every failure
    one line without a credential."""
    from neo4j.exceptions import DriverError, Neo4jError

    from kg.queries.resolve import lookup_types

    run = _backend("neo4j")
    backend = import_module("kg.queries.neo4j_backend")
    try:
        backend.check_storable(params)
    except ValueError as err:  # a parameter Neo4j cannot take (an integer over 64 bits): exit 2
        raise click.UsageError(str(err)) from None
    with open_driver(neo4j) as driver:
        try:
            types = lookup_types(name, params)
            if types:
                params = _resolved(backend.lookup_graph(driver, types, neo4j.database), name, params)
            return run(name, params, driver, neo4j.database)
        except (Neo4jError, DriverError, OSError) as err:
            raise neo4j_failure(neo4j, err) from None


def _list_queries(fmt: str) -> str:
    entries = [
        {
            "name": q.name,
            "parameters": {p.name: p.type.__name__ + ("" if p.required else "?") for p in q.params},
            "columns": list(q.columns),
            "description": q.description,
        }
        for q in QUERIES.values()
    ]
    if fmt == "json":
        return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
    rows = [
        [e["name"], ", ".join(f"{k}: {v}" for k, v in e["parameters"].items()), ", ".join(e["columns"]),
         e["description"]]
        for e in entries
    ]  # fmt: skip
    return render_table(["query", "parameters", "columns", "description"], rows)


@click.command("query")
@click.argument("name", required=False)
@click.argument("args", nargs=-1)
@click.option("--list", "list_only", is_flag=True, help="List the named queries and exit.")
@click.option("--param", "-p", "pairs", multiple=True, metavar="KEY=VALUE", help="A query parameter.")
@click.option(
    "--plan", "plan", metavar="PLAN", help="Only rows of this plan: its id (320100-15) or its place (南京)."
)
@click.option(
    "--backend",
    type=click.Choice(BACKENDS),
    default=None,
    help="Where the query runs (default: memory; rdf when --rdf is given).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@graph_options
@click.option("--rdf", "rdf_file", type=click.Path(exists=True, dir_okay=False), help="RDF export to query.")
@neo4j_options
def query(name, args, list_only, pairs, plan, backend, fmt, graph_file, encoding, rdf_file, **connection):
    """Run the named query NAME; positional ARGS fill its parameters in order, the rest are DOCs.

    \b
    kg query --list
    kg query platforms-for-cluster 集成电路
    kg query platforms-for-cluster 集成电路 --plan 南京
    kg query targets-for-year --param year=2030 --format csv plan.txt
    """
    if list_only:
        click.echo(_list_queries(fmt), nl=False)
        return
    if not name:
        raise click.UsageError(f"name a query (kg query --list): {', '.join(sorted(QUERIES))}")
    try:
        raw, docs = _parse_params(name, pairs, list(args))
        if plan is not None:
            raw["plan"] = plan
        params = validate_params(name, raw)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    backend = _chosen_backend(backend, rdf_file, graph_file, docs)
    if backend == "memory":
        graph = load_graph(graph_file, tuple(docs), encoding)
        rows = run_in_memory(name, _resolved(graph, name, params), graph)
    elif backend == "rdf":
        run = _backend("rdf")
        if rdf_file:
            data = _rdf_graph(rdf_file)
        else:  # the export's triples straight into pyoxigraph (no rdflib graph on the way)
            graph = load_graph(graph_file, tuple(docs), encoding)
            params = _resolved(graph, name, params)
            data = import_module("kg.queries.rdf_backend").oxigraph_store(graph)
        rows = run(name, params, data)
    else:
        if docs or graph_file:
            message = "--backend neo4j queries the loaded database; load documents with the neo4j command"
            raise click.UsageError(message)
        rows = _neo4j_rows(name, params, **connection)
    click.echo(render_rows(get_query(name).columns, rows, fmt), nl=False)


def _chosen_backend(backend: str | None, rdf_file: str | None, graph_file: str | None, docs: list) -> str:
    """``--rdf FILE`` is what the rdf backend queries, and nothing else is: it implies ``--backend rdf``
    and goes with no other backend, no ``--graph`` and no documents (none of them would be read)."""
    if not rdf_file:
        return backend or "memory"
    if backend not in (None, "rdf"):
        raise click.UsageError(f"--rdf is queried by --backend rdf, not --backend {backend}")
    if graph_file or docs:
        given = f"--graph {graph_file}" if graph_file else "documents " + " ".join(docs)
        raise click.UsageError(f"give --rdf or {given}, not both: the query reads one graph")
    return "rdf"


def register(main: click.Group) -> None:
    """Add `kg query` to the `kg` group."""
    main.add_command(query)
