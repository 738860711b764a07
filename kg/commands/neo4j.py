"""``kg load neo4j``: build the graph of plan files and load it into Neo4j over Bolt."""

from __future__ import annotations

import click

from kg.commands.common import BadInput, build_or_fail, plan_arguments
from kg.commands.neo4j_options import neo4j_failure, neo4j_options, open_driver


def _load_group(main: click.Group) -> click.Group:
    """The ``kg load`` group (created here unless another module already added it)."""
    group = main.commands.get("load")
    if isinstance(group, click.Group):
        return group

    @main.group()
    def load() -> None:
        """Load the graph into a database."""

    return load


def _plan_graphs(docs, encoding) -> list:
    """One graph per plan file, all built before anything is loaded (bad input: exit 2, nothing loaded).

    Plans are loaded one by one so that each plan's share of a shared node is known exactly."""
    graphs = [build_or_fail([doc], encoding) for doc in docs] if docs else [build_or_fail(docs, encoding)]
    seen: set[str] = set()
    for graph in graphs:
        for plan in graph.graph["plans"]:
            if plan in seen:
                raise BadInput(f"{plan}: the same plan id twice; rename one file or pass distinct ids")
            seen.add(plan)
    return graphs


def register(main: click.Group) -> None:
    @_load_group(main).command("neo4j")
    @plan_arguments
    @neo4j_options
    @click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1))
    @click.option(
        "--wipe",
        "--replace",
        "wipe",
        is_flag=True,
        help="First remove these plans' data loaded earlier (only theirs); needed to replace a plan whose "
        "content changed.",
    )
    @click.option("--no-progress", is_flag=True, help="No progress bar.")
    def neo4j(docs, encoding, neo4j, batch_size, wipe, no_progress):
        """Load the graph of plan files DOC... (default: the bundled plan) into Neo4j."""
        from neo4j.exceptions import DriverError, Neo4jError

        from kg.exports.neo4j import Neo4jLoadError, load_graph

        nodes = rels = 0
        wiped: list[str] = []
        with open_driver(neo4j) as driver:  # first: a server that is not there fails before the build
            graphs = _plan_graphs(docs, encoding)
            for graph in graphs:
                try:
                    summary = load_graph(
                        graph,
                        driver,
                        database=neo4j.database,
                        batch_size=batch_size,
                        wipe=wipe,
                        progress=not no_progress,
                    )
                except Neo4jLoadError as exc:
                    raise click.ClickException(neo4j.scrub(str(exc))) from None
                except (Neo4jError, DriverError, OSError) as exc:
                    raise neo4j_failure(neo4j, exc) from None
                nodes += sum(summary.nodes.values())
                rels += sum(summary.relationships.values())
                wiped += summary.wiped_plans
        after = f" after wiping {', '.join(wiped)}" if wiped else ""
        loaded = f"loaded {nodes} nodes and {rels} relationships into {neo4j.shown_uri}{after}"
        click.echo(neo4j.scrub(loaded))
