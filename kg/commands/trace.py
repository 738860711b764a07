"""`kg trace TEXT`: everything the graph knows about one cluster, platform, district or institution."""

from __future__ import annotations

import click

from kg.commands.graph_source import graph_options, load_graph
from kg.commands.tables import cell, render_table, terminal_json, terminal_text
from kg.trace import AmbiguousName, Candidate, EntityTrace, Location, UnknownName, trace

ARROWS = {"out": "→ out", "in": "← in"}


def where(location: Location | None) -> str:
    """``tiny-plan 第一篇/第一章 L10`` (or ``L10-12``); empty when the fact has no source."""
    if location is None:
        return ""
    start, end = location.line_start, location.line_end
    lines = "" if start is None else f"L{start}" if end in (None, start) else f"L{start}-{end}"
    return " ".join(part for part in (location.plan, location.path, lines) if part)


def quote(location: Location | None) -> str | None:
    return None if location is None else location.quote


def render_trace(result: EntityTrace) -> str:
    """The trace as text: a header, the targets, then one table per relation and direction.

    Every header line is data from the plan: shown through ``terminal_text`` on one line (control
    characters and escape sequences escaped, markup printed as it is); tables escape their cells.
    """
    lines = [f"{result.name}  [{result.type}]  {result.id}"]
    if result.aliases:
        lines.append(f"aliases: {', '.join(map(str, result.aliases))}")
    lines += [f"{key}: {cell(value)}" for key, value in result.properties.items()]
    if result.where is not None:
        lines.append(f"source: {where(result.where)}  「{result.where.quote}」")
    parts = ["\n".join(terminal_text(line, one_line=True) for line in lines) + "\n"]
    if result.targets:
        rows = [
            [t.year, t.comparator, t.value, t.unit, t.subject or t.text, where(t.where), quote(t.where)]
            for t in result.targets
        ]
        columns = ["year", "comparator", "value", "unit", "subject", "location", "quote"]
        parts.append(render_table(columns, rows, title=f"MEASURED_BY → out: targets ({len(rows)})"))
    for (relation, direction), facts in result.groups().items():
        rows = [[f.other_type, f.other_name, where(f.where), quote(f.where)] for f in facts]
        title = f"{relation} {ARROWS[direction]} ({len(rows)})"
        parts.append(render_table(["type", "name", "location", "quote"], rows, title=title))
    return "\n".join(parts)


def listing(candidates: list[Candidate]) -> str:
    return "\n".join(terminal_text(f"  {c.name}  [{c.type}]  {c.id}", one_line=True) for c in candidates)


def name_failure(text: str, err: AmbiguousName | UnknownName) -> click.ClickException:
    """Exit 1 with the candidates (ambiguous) or the suggestions (unknown), one per line."""
    if isinstance(err, AmbiguousName):
        return click.ClickException(
            f"{text!r} matches several entities; give a more precise name:\n{listing(err.candidates)}"
        )
    hint = f"did you mean:\n{listing(err.suggestions)}" if err.suggestions else "no similar names"
    return click.ClickException(f"{err}; {hint}")


@click.command("trace")
@click.argument("text")
@click.argument("docs", nargs=-1, metavar="[DOC]...")
@graph_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def trace_command(text, docs, graph_file, encoding, fmt):
    """Show what the plan says about the entity named TEXT (a name, an alias or a unique part of one).

    \b
    kg trace 集成电路
    kg trace 滨江 --graph out/graph.json
    """
    graph = load_graph(graph_file, docs, encoding)
    try:
        result = trace(graph, text)
    except (AmbiguousName, UnknownName) as err:
        raise name_failure(text, err) from None
    if fmt == "json":
        click.echo(terminal_json(result.as_dict()))
    else:
        click.echo(render_trace(result), nl=False)


def register(main: click.Group) -> None:
    main.add_command(trace_command)
