"""``kg build``: plan files -> graph.json and every file export, plus a summary."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kg.commands.common import BadInput, build_or_fail, out_option, plan_arguments
from kg.exports.registry import EXPORTERS, FILE_NAMES, get_exporter, one_graph


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


@contextmanager
def cannot_write(target: Path) -> Iterator[None]:
    """A failed write (disk full, read-only, a link in the way) is one line, exit 1.

    Every writer is atomic (``kg.io``): a single file or a whole folder is replaced or kept as it
    was, so "not changed" is true of ``target``.
    """
    try:
        yield
    except OSError as err:
        reason = err.strerror or str(err)
        raise click.ClickException(f"{target}: cannot write ({reason}); not changed") from None


def write_export(name: str, graph, target: Path, **options) -> list[Path]:
    """Run one exporter of the registry, a failed write being one line (``cannot_write``)."""
    with cannot_write(target):
        return get_exporter(name)(graph, target, **options)


# What a second process writes while this one writes the rest (the RDF formats and graph.json, which
# share their triples): the pages and the Neo4j CSV folder, about half the writing time of a plan.
SECOND_PROCESS = frozenset({"neo4j-csv", "html", "html-clusters", "html-matrix", "html-indicators"})


def _write_share(graph, out: Path, names: list[str], advance=lambda: None) -> dict[str, list[Path]]:
    """name -> what to report as written: the file, or the folder of a multi-file format."""
    written: dict[str, list[Path]] = {}
    with one_graph(names):
        for name in names:
            paths = write_export(name, graph, out / FILE_NAMES[name])
            written[name] = paths if len(paths) == 1 else [out / FILE_NAMES[name]]
            advance()
    return written


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform == "linux" and (os.cpu_count() or 1) > 1


def _fork_share(graph, out: Path, names: list[str]) -> tuple[int, int]:
    """Write ``names`` in a forked child (it sees the graph as it is, copy-on-write); returns the
    child's pid and the pipe its one JSON answer comes on: the paths written, or the failure."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    os.close(read_end)  # the child: never returns, never runs the parent's exit handlers
    try:
        written = _write_share(graph, out, names)
        answer = {"written": {name: [str(p) for p in paths] for name, paths in written.items()}}
    except click.ClickException as err:
        answer = {"error": err.message}
    except BaseException as err:  # noqa: BLE001 (reported by the parent as its own)
        answer = {"crash": f"{type(err).__name__}: {err}"}
    try:
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            pipe.write(json.dumps(answer))
    finally:
        os._exit(0)


def _child_answer(pid: int, read_end: int) -> dict[str, list[Path]]:
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    answer = json.loads(text) if text else {"crash": "the writer process ended without an answer"}
    if "error" in answer:
        raise click.ClickException(answer["error"])
    if "crash" in answer:
        raise RuntimeError(answer["crash"])
    return {name: [Path(p) for p in paths] for name, paths in answer["written"].items()}


def write_exports(graph, out: Path, names: list[str]) -> list[Path]:
    """Every format of ``names`` into ``out``, reported in the order of ``names``; on Linux with two
    cores or more the ``SECOND_PROCESS`` formats are written meanwhile by a forked process. Same
    files either way (every writer is deterministic and writes only its own target, atomically)."""
    from kg.progress import progress

    second = [n for n in names if n in SECOND_PROCESS]
    first = [n for n in names if n not in SECOND_PROCESS]
    if not (first and second and _can_fork()):
        first, second = names, []
    child = _fork_share(graph, out, second) if second else None
    try:
        with progress("Writing exports", total=len(names)) as bar:
            written = _write_share(graph, out, first, bar.advance)
            if child is not None:
                pending, child = child, None
                written |= _child_answer(*pending)
                bar.advance(len(second))
    finally:
        if child is not None:  # this process failed: the child is still awaited (no zombie)
            _child_answer(*child)
    return [path for name in names for path in written[name]]


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
        graph = build_or_fail(docs, encoding)
        check_out_dir(out)
        names = list(dict.fromkeys(formats)) or sorted(FILE_NAMES)
        written = write_exports(graph, out, names)
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
