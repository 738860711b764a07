"""``kg build``: plan files -> graph.json and every file export, plus a summary."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import click

from kg.commands.common import BadInput, build_or_fail, out_option, plan_arguments
from kg.commands.writers import second_writer, write_exports
from kg.exports.registry import EXPORTERS, FILE_NAMES


def check_out_dir(out: Path) -> None:
    """``--out`` is a folder we can write into; what a killed earlier run left there is removed."""
    import tempfile

    from kg.io import TEMP_PREFIX, clean_leftovers

    try:
        if out.exists() and not out.is_dir():
            raise BadInput(f"--out {out}: exists and is not a folder")
        os.makedirs(out, exist_ok=True)
    except OSError as err:  # a name too long, a file in the way, no permission
        raise BadInput(f"--out {out}: cannot create the folder ({err.strerror})") from None
    except RecursionError:  # Path.mkdir and os.makedirs recurse once per missing folder
        raise BadInput(f"--out {out}: cannot create the folder (too many folders to create)") from None
    try:  # O_EXCL: a probe never writes through a link planted under its name
        fd, probe = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-probe.", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise BadInput(f"--out {out}: cannot write there ({err.strerror})") from None
    clean_leftovers(out)


def summary_rows(graph) -> tuple[Counter, Counter]:
    nodes = Counter(attrs["type"] for _, attrs in graph.nodes(data=True))
    edges = Counter(attrs["type"] for *_, attrs in graph.edges(data=True))
    return nodes, edges


def print_summary(graph, written: list[Path]) -> None:
    """Counts by node and edge type, the problems by code, the files written (all text escaped)."""
    from kg.commands.tables import render_table, terminal_text

    nodes, edges = summary_rows(graph)
    rows = [["node", name, count] for name, count in sorted(nodes.items())]
    rows += [["edge", name, count] for name, count in sorted(edges.items())]
    rows.append(["", "total nodes / edges", f"{graph.number_of_nodes()} / {graph.number_of_edges()}"])
    title = f"Graph of {', '.join(graph.graph['plans'])}"
    click.echo(render_table(["kind", "type", "count"], rows, title=title), nl=False)
    problems = graph.graph.get("problems", [])
    if problems:
        by_code = Counter(p["code"] for p in problems)
        line = f"{len(problems)} extraction problems (see graph.json 'graph.problems'): " + ", ".join(
            f"{code} {n}" for code, n in sorted(by_code.items())
        )
        click.echo(terminal_text(line, one_line=True))
    for path in written:
        click.echo(f"wrote {terminal_text(path, one_line=True)}")


def print_problems(graph) -> None:
    """Every extraction problem: plan, line, code and what was not understood."""
    from kg.commands.tables import render_table

    problems = graph.graph.get("problems", [])
    rows = [
        [p["plan"], p["line"] or "", p["code"], p["message"]]
        for p in sorted(problems, key=lambda p: (p["plan"], p["line"] or 0, p["code"]))
    ]
    click.echo(
        render_table(["plan", "line", "code", "message"], rows, title=f"{len(problems)} extraction problems"),
        nl=False,
    )


def print_tables(graph) -> None:
    """Every table of every plan: where it stands, the layout its cells came in, what read it."""
    from kg.commands.tables import render_table

    rows = sorted(
        (a["source"]["planId"], a["source"]["lineStart"], a.get("layout") or "", a.get("readAs"), a["name"])
        for _, a in graph.nodes(data=True)
        if a["type"] == "Table" and a.get("layout")
    )
    rows = [
        [plan, line, layout, ", ".join(read_as or []) or "(kept as rows)", name]
        for plan, line, layout, read_as, name in rows
    ]
    columns = ["plan", "line", "layout", "read as", "table"]
    click.echo(render_table(columns, rows, title=f"{len(rows)} tables"), nl=False)


def register(main: click.Group) -> None:
    @main.command()
    @plan_arguments
    @out_option("Folder for graph.json and the other exports.")
    @click.option(
        "--format",
        "formats",
        multiple=True,
        type=click.Choice(sorted(EXPORTERS)),
        help="Export only these formats (repeatable; default: all file formats).",
    )
    def build(docs, encoding, out, formats):
        """Build the knowledge graph of plan files DOC... (default: the bundled Hangzhou plan)."""
        from kg.graph import GraphData

        names = list(dict.fromkeys(formats)) or sorted(FILE_NAMES)
        with second_writer(names) as child:  # forked now: it imports its writers while we parse
            # plain dicts: the RDF writers read them, the formats that take a MultiDiGraph convert
            graph = build_or_fail(docs, encoding, GraphData())
            check_out_dir(out)
            written = write_exports(graph, out, names, child)
        if "json" in names:  # later commands answer about this graph by default
            from kg.last_build import record_build

            record_build(out / FILE_NAMES["json"], list(graph.graph["plans"]))
        print_summary(graph, written)

    @main.command()
    @plan_arguments
    def stats(docs, encoding):
        """Counts by node and edge type, every table with what read it, and every extraction problem
        with its line."""
        graph = build_or_fail(docs, encoding)
        print_summary(graph, [])
        print_tables(graph)
        print_problems(graph)
