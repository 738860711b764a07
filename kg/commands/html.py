"""``kg html``: interactive, offline HTML pages of the graph (whole graph, a focus, or one per cluster)."""

from __future__ import annotations

import re

import click

from kg.commands.common import BadInput, out_option, plan_arguments
from kg.commands.graph_source import graph_file_option, load_graph


def focus_file_name(name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name).strip("-")[:40] or "node"
    return f"focus-{slug}.html"


def register(main: click.Group) -> None:
    @main.command()
    @plan_arguments
    @out_option("Folder for the pages.")
    @graph_file_option
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
    def html(docs, encoding, out, graph_file, focus, depth, per_cluster, title):
        """Draw the graph of plan files DOC... (default: the last `kg build`) as offline HTML.

        Writes OUT/graph.html, or OUT/focus-NAME.html with --focus; with --per-cluster also
        OUT/clusters/index.html and one page per industry cluster.
        """
        from kg.commands.build import check_out_dir
        from kg.commands.tables import terminal_text
        from kg.commands.writers import cannot_write
        from kg.exports.html import DEFAULT_TITLE, write_cluster_pages, write_html
        from kg.progress import progress

        check_out_dir(out)  # before the build: a folder we cannot write fails at once
        graph = load_graph(graph_file, docs, encoding, view=False)
        options = {"title": title or DEFAULT_TITLE}
        if focus is not None:
            target = out / focus_file_name(focus)
            options |= {"focus": focus, "depth": 2 if depth is None else depth}
        else:
            target = out / "graph.html"
        with cannot_write(target):
            try:
                written = write_html(graph, target, **options)
            except ValueError as err:
                raise BadInput(f"--focus: {err}") from None
        if per_cluster:
            with progress("Drawing cluster pages") as bar, cannot_write(out / "clusters"):

                def advance(done: int, total: int) -> None:
                    bar.set_total(total)
                    bar.advance()

                written += write_cluster_pages(
                    graph, out / "clusters", depth=1 if depth is None else depth, on_page=advance
                )
        for path in written:
            click.echo(f"wrote {terminal_text(path, one_line=True)}")
