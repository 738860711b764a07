"""``kg export`` (any format of exports/registry.py) and ``kg validate`` (SHACL on the RDF export)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.commands.common import BadInput, build_or_fail, out_option, plan_arguments
from kg.commands.graph_source import graph_file_option, load_graph
from kg.exports.registry import EXPORTERS, FILE_NAMES
from kg.rdf_io import is_rdf_name


def _check_base_iri(_ctx, _param, value: str | None) -> str | None:
    """A bad ``--base-iri`` is one line on stderr with exit code 2 (the value shown escaped)."""
    if value is None:
        return None
    from kg.exports.rdf_terms import check_base_iri

    try:
        return check_base_iri(value)
    except ValueError as err:
        raise BadInput(f"--base-iri: {err}; e.g. https://example.org/plan-kg/id/") from None


def _read_rdf(path: Path):
    """A local Turtle, N-Triples or JSON-LD file, never the network (``kg.rdf_io``); else exit 2."""
    from kg.rdf_io import RdfInputError, read_rdf

    try:
        return read_rdf(path)
    except RdfInputError as err:
        raise BadInput(str(err)) from None


def _rdf_of(inputs: tuple[str, ...], encoding: str | None, graph_file: str | None = None):
    """An RDF file given as the only input, or the RDF export of the plan documents, of ``--graph``
    or of the last build (``kg.commands.graph_source``)."""
    if len(inputs) > 1 and any(is_rdf_name(i) for i in inputs):
        raise BadInput("give one RDF file (graph.ttl, graph.nt, graph.jsonld) or plan documents, not both")
    if len(inputs) == 1 and is_rdf_name(inputs[0]):
        path = Path(inputs[0])
        if graph_file:
            raise click.UsageError("give an RDF file or --graph, not both")
        return _read_rdf(path)
    from kg.exports.rdf import graph_to_rdf

    return graph_to_rdf(load_graph(graph_file, inputs, encoding))


def format_violations(violations) -> list[str]:
    """One line per SHACL result: ``node  path  message  value: VALUE`` (the node its ``plan:id`` or a
    Turtle term, the value a Turtle term; escaped: IRIs, messages and values are data)."""
    from kg.commands.tables import terminal_text

    def line(v) -> str:
        value = f"  value: {v.value}" if v.value else ""
        return terminal_text(f"{v.node}  {v.path or '(node)'}  {v.message}{value}", one_line=True)

    return [line(v) for v in violations]


def register(main: click.Group) -> None:
    @main.command()
    @plan_arguments
    @graph_file_option
    @click.pass_context
    def validate(ctx, docs, encoding, graph_file):
        """Check a graph against the SHACL shapes of the ontology (ontology/shapes.ttl).

        DOCS is one RDF file (graph.ttl, graph.nt, graph.jsonld from kg build/export) or plan
        documents to build first; none: --graph FILE, else the graph.json of the last `kg build`.
        Exit code 1 when it does not conform.
        """
        from kg.ontology.validate import validate_rdf

        data = _rdf_of(docs, encoding, graph_file)
        violations = validate_rdf(data)
        for line in format_violations(violations):
            click.echo(line)
        if violations:
            click.echo(f"does not conform: {len(violations)} violations in {len(data)} triples", err=True)
            ctx.exit(1)
        click.echo(f"conforms: {len(data)} triples, 0 violations")

    @main.command()
    @plan_arguments
    @click.option(
        "--format",
        "formats",
        multiple=True,
        required=True,
        type=click.Choice(sorted(EXPORTERS)),
        help="Format to write (repeatable).",
    )
    @out_option("Folder for the files.")
    @click.option(
        "--base-iri",
        default=None,
        callback=_check_base_iri,
        help="Base IRI of the RDF resources (default https://w3id.org/plan-kg/id/).",
    )
    def export(docs, encoding, formats, out, base_iri):
        """Export the graph of plan files DOC... (default: the bundled plan) in the given formats."""
        from kg.commands.build import check_out_dir
        from kg.commands.tables import terminal_text
        from kg.commands.writers import write_export

        graph = build_or_fail(docs, encoding)
        check_out_dir(out)
        options = {} if base_iri is None else {"base_iri": base_iri}
        for name in dict.fromkeys(formats):
            for path in write_export(name, graph, out / FILE_NAMES.get(name, name), **options):
                click.echo(f"wrote {terminal_text(path, one_line=True)}")
