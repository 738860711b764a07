"""Where `kg query` and `kg trace` get their graph: a graph.json (``--graph``) or DOCs built now."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # answering from a graph.json needs neither networkx nor the loaders
    import networkx as nx

    from kg.graph_view import GraphView


def graph_options(func):
    """``--graph graph.json`` and ``--encoding`` (for DOCs), shared by `kg query` and `kg trace`."""
    func = click.option(
        "--encoding", default=None, help="Text encoding of the plan files (default: detect UTF-8/GB18030)."
    )(func)
    return click.option(
        "--graph",
        "graph_file",
        type=click.Path(exists=True, dir_okay=False),
        help="Read this graph.json (from kg build) instead of building DOCs.",
    )(func)


def load_graph(
    graph_file: str | None, docs: tuple[str, ...], encoding: str | None = None
) -> nx.MultiDiGraph | GraphView:
    """Read ``graph_file`` (as a read-only ``GraphView``), or build the graph of ``docs`` (none: the
    bundled plan)."""
    if graph_file:
        if docs:
            raise click.UsageError(f"give documents or --graph, not both (documents: {' '.join(docs)})")
        try:
            from kg.graph_view import read_graph_view

            return read_graph_view(graph_file)
        except (ValueError, UnicodeDecodeError) as err:
            raise click.ClickException(f"{graph_file}: {err}") from None
    missing = [doc for doc in docs if not Path(doc).exists()]
    if missing:
        raise click.UsageError(f"no such document: {', '.join(missing)}")
    from kg.commands.common import build_or_fail  # the pipeline imports every loader: only when needed
    from kg.progress import progress

    with progress("Building the graph"):
        return build_or_fail(list(docs), encoding)
