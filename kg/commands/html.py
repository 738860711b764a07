"""``kg html``: interactive, offline HTML pages of the graph (whole graph, a focus, or one per cluster)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from kg.commands.common import BadInput, build_or_fail, out_option, plan_arguments


def focus_file_name(name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name).strip("-")[:40] or "node"
    return f"focus-{slug}.html"


def _load(docs, encoding, graph_json: Path | None):
    if graph_json is None:
        return build_or_fail(docs, encoding)
    if docs:
        raise click.UsageError("give plan files DOC... or --graph, not both")
    from kg.graph_io import read_graph_json

    try:
        return read_graph_json(graph_json)
    except (OSError, ValueError, KeyError) as err:
        raise BadInput(f"--graph {graph_json}: not a readable graph.json ({err})") from None


def register(main: click.Group) -> None:
    @main.command()
    @plan_arguments
    @out_option("Folder for the pages.")
    @click.option(
        "--graph",
        "graph_json",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Draw an existing graph.json (from `kg build`) instead of parsing plans.",
    )
    @click.option("--focus", help="Only the node(s) with this name, alias or id, and their neighbourhood.")
    @click.option(
        "--depth",
        default=None,
        type=click.IntRange(0, 6),
        help="Hops around --focus (default 2), or around each cluster with --per-cluster (default 1).",
    )
    @click.option(
        "--per-cluster",
        is_flag=True,
        help="Also write one page per industry cluster and clusters/index.html.",
    )
    @click.option("--title", default=None, help="Page title.")
    def html(docs, encoding, out, graph_json, focus, depth, per_cluster, title):
        """Draw the graph of plan files DOC... as interactive HTML that works offline.

        Writes OUT/graph.html, or OUT/focus-NAME.html with --focus; with --per-cluster also
        OUT/clusters/index.html and one page per industry cluster.
        """
        from kg.exports.html import DEFAULT_TITLE, write_cluster_pages, write_html
        from kg.progress import progress

        graph = _load(docs, encoding, graph_json)
        options = {"title": title or DEFAULT_TITLE}
        if focus is not None:
            target = out / focus_file_name(focus)
            options |= {"focus": focus, "depth": 2 if depth is None else depth}
        else:
            target = out / "graph.html"
        try:
            written = write_html(graph, target, **options)
        except ValueError as err:
            raise BadInput(f"--focus: {err}") from None
        if per_cluster:
            with progress("Drawing cluster pages") as bar:

                def advance(done: int, total: int) -> None:
                    bar.set_total(total)
                    bar.advance()

                written += write_cluster_pages(
                    graph, out / "clusters", depth=1 if depth is None else depth, on_page=advance
                )
        for path in written:
            click.echo(f"wrote {path}")
