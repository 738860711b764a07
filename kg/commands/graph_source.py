"""Where `kg query`, `kg trace`, `kg html` and `kg validate` get their graph, and the line saying so.

In this order: plan files given as arguments are built now; else ``--graph FILE`` is read; else the
graph.json of the last `kg build` (``kg.last_build``); else the bundled plan is built, and the line
says that no build was recorded. Every command that answers from a graph first writes one line to
stderr (stdout stays the answer, so ``--format json`` stays parseable):

    Graph: /abs/out/graph.json (plans: 南京市…[320100-15], 广州市…[440100-15])
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # answering from a graph.json needs neither networkx nor the loaders
    import networkx as nx

    from kg.graph_view import GraphView

LABEL_MAX = 8  # characters of a plan's title shown before its id


def graph_file_option(func):
    """``--graph graph.json`` alone (for commands whose ``--encoding`` comes with their DOCs)."""
    return click.option(
        "--graph",
        "graph_file",
        type=click.Path(exists=True, dir_okay=False),
        help="Read this graph.json (default: the one the last `kg build` wrote).",
    )(func)


def graph_options(func):
    """``--graph graph.json`` and ``--encoding`` (for DOCs), shared by the commands that answer."""
    func = click.option(
        "--encoding", default=None, help="Text encoding of the plan files (default: detect UTF-8/GB18030)."
    )(func)
    return graph_file_option(func)


@dataclass(frozen=True)
class GraphSource:
    """The chosen graph: a graph.json to read, or plan files to build (none: the bundled plan)."""

    graph_file: Path | None
    docs: tuple[str, ...]
    note: str = ""  # why this source when the user did not name one
    digest: str | None = None  # of graph_file as the last build wrote it (kg.last_build)

    def describe(self) -> str:
        if self.graph_file is not None:
            return str(self.graph_file)
        if self.docs:
            return "built now from " + ", ".join(self.docs)
        return "the bundled plan, built now" + (f" ({self.note})" if self.note else "")


def choose_source(graph_file: str | Path | None, docs: tuple[str, ...] | list[str]) -> GraphSource:
    """Plan files, else ``--graph``, else the last build, else the bundled plan (see the module doc)."""
    docs = tuple(docs)
    if graph_file and docs:
        raise click.UsageError(f"give documents or --graph, not both (documents: {' '.join(docs)})")
    if docs:
        missing = [doc for doc in docs if not Path(doc).exists()]
        if missing:
            raise click.UsageError(f"no such document: {', '.join(missing)}")
        return GraphSource(None, docs)
    from kg.last_build import last_build_record

    recorded = last_build_record()
    if graph_file:  # the last build's digest only for that very file
        path = Path(graph_file).resolve()
        same = recorded is not None and recorded.graph.resolve() == path
        return GraphSource(path, (), digest=recorded.digest if same else None)
    if recorded is not None:
        return GraphSource(recorded.graph, (), digest=recorded.digest)
    return GraphSource(None, (), "no `kg build` recorded")


def plan_labels(graph) -> list[str]:
    """``南京市国民经济和…[320100-15]`` for every plan of the graph, in build order."""
    labels = []
    for plan_id in graph.graph.get("plans", []):
        attrs = graph.nodes[plan_id] if plan_id in graph.nodes else {}  # noqa: SIM401 (GraphView nodes have no .get)
        title = str(attrs.get("title") or attrs.get("name") or "")
        short = title if len(title) <= LABEL_MAX else title[:LABEL_MAX] + "…"
        labels.append(f"{short}[{plan_id}]" if short and short != plan_id else plan_id)
    return labels


def header_line(source: GraphSource, graph) -> str:
    """One line on stderr; file names and plan titles are data (``terminal_text``)."""
    from kg.commands.tables import terminal_text

    line = f"Graph: {source.describe()} (plans: {', '.join(plan_labels(graph)) or 'none'})"
    return terminal_text(line, one_line=True)


def read_source(source: GraphSource, encoding: str | None = None, view: bool = True):
    """The graph of ``source``: a read-only ``GraphView`` of a graph.json (``view=False``: a networkx
    graph, for the writers that need one), or the graph built from its plan files."""
    if source.graph_file is not None:
        from kg.commands.common import BadInput

        try:
            if view:
                from kg.graph_view import read_graph_view

                return read_graph_view(source.graph_file, trusted_digest=source.digest)
            from kg.graph_io import read_graph_json

            return read_graph_json(source.graph_file)
        except (OSError, ValueError, KeyError, UnicodeDecodeError) as err:
            reason = getattr(err, "reason", err)  # kg.io.NotReadable names the file already
            raise BadInput(f"--graph {source.graph_file}: {reason}") from None
    from kg.commands.common import build_or_fail  # the pipeline imports every loader: only when needed
    from kg.progress import progress

    with progress("Building the graph"):
        return build_or_fail(list(source.docs), encoding)


def load_graph(
    graph_file: str | Path | None, docs: tuple[str, ...], encoding: str | None = None, view: bool = True
) -> nx.MultiDiGraph | GraphView:
    """Choose the source, read or build its graph and write the ``Graph: …`` line to stderr."""
    source = choose_source(graph_file, docs)
    graph = read_source(source, encoding, view)
    click.echo(header_line(source, graph), err=True)
    return graph
