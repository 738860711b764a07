"""``kg build``: plan files -> graph.json and every file export, plus a summary."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from kg.commands.common import BadInput, build_or_fail, out_option, plan_arguments
from kg.exports.registry import EXPORTERS, FILE_NAMES, get_exporter


def check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BadInput(f"--out {out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BadInput(f"--out {out}: cannot create the folder ({err.strerror})") from None
    probe = out / ".kg-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise BadInput(f"--out {out}: cannot write there ({err.strerror})") from None


def summary_rows(graph) -> tuple[Counter, Counter]:
    nodes = Counter(attrs["type"] for _, attrs in graph.nodes(data=True))
    edges = Counter(attrs["type"] for *_, attrs in graph.edges(data=True))
    return nodes, edges


def print_summary(graph, written: list[Path]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    nodes, edges = summary_rows(graph)
    table = Table(title=f"Graph of {', '.join(graph.graph['plans'])}")
    table.add_column("kind")
    table.add_column("type")
    table.add_column("count", justify="right")
    for name, count in sorted(nodes.items()):
        table.add_row("node", name, str(count))
    for name, count in sorted(edges.items()):
        table.add_row("edge", name, str(count))
    table.add_row("", "total nodes / edges", f"{graph.number_of_nodes()} / {graph.number_of_edges()}")
    console.print(table)
    problems = graph.graph.get("problems", [])
    if problems:
        by_code = Counter(p["code"] for p in problems)
        console.print(
            f"{len(problems)} extraction problems (see graph.json 'graph.problems'): "
            + ", ".join(f"{code} {n}" for code, n in sorted(by_code.items()))
        )
    for path in written:
        console.print(f"wrote {path}")


def print_problems(graph) -> None:
    """Every extraction problem: plan, line, code and what was not understood."""
    from rich.console import Console
    from rich.table import Table

    problems = graph.graph.get("problems", [])
    table = Table(title=f"{len(problems)} extraction problems")
    for column in ("plan", "line", "code", "message"):
        table.add_column(column, overflow="fold")
    for p in sorted(problems, key=lambda p: (p["plan"], p["line"] or 0, p["code"])):
        table.add_row(p["plan"], str(p["line"] or ""), p["code"], p["message"])
    Console().print(table)


def print_tables(graph) -> None:
    """Every table of every plan: where it stands, the layout its cells came in, what read it."""
    from rich.console import Console
    from rich.table import Table

    rows = sorted(
        (a["source"]["planId"], a["source"]["lineStart"], a.get("layout") or "", a.get("readAs"), a["name"])
        for _, a in graph.nodes(data=True)
        if a["type"] == "Table" and a.get("layout")
    )
    table = Table(title=f"{len(rows)} tables")
    for column in ("plan", "line", "layout", "read as", "table"):
        table.add_column(column, overflow="fold")
    for plan, line, layout, read_as, name in rows:
        table.add_row(plan, str(line), layout, ", ".join(read_as or []) or "(kept as rows)", name)
    Console().print(table)


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
        from kg.progress import progress

        graph = build_or_fail(docs, encoding)
        check_out_dir(out)
        written: list[Path] = []
        names = formats or sorted(FILE_NAMES)
        with progress("Writing exports", total=len(names)) as bar:
            for name in names:
                target = out / FILE_NAMES[name]
                try:
                    paths = get_exporter(name)(graph, target)
                except OSError as err:  # e.g. disk full: the atomic write kept the previous file, if any
                    raise click.ClickException(
                        f"{target}: cannot write ({err.strerror}); not changed"
                    ) from None
                # a multi-file format is reported as its folder
                written += paths if len(paths) == 1 else [out / FILE_NAMES[name]]
                bar.advance()
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
