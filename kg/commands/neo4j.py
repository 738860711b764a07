"""``kg load neo4j``: build the graph of plan files and load it into Neo4j over Bolt."""

from __future__ import annotations

import re

import click

from kg.commands.common import build_or_fail, plan_arguments


def _load_group(main: click.Group) -> click.Group:
    """The ``kg load`` group (created here unless another module already added it)."""
    group = main.commands.get("load")
    if isinstance(group, click.Group):
        return group

    @main.group()
    def load() -> None:
        """Load the graph into a database."""

    return load


def register(main: click.Group) -> None:
    @_load_group(main).command("neo4j")
    @plan_arguments
    @click.option("--uri", envvar="NEO4J_URI", default="bolt://127.0.0.1:7687", show_default=True)
    @click.option("--user", envvar="NEO4J_USERNAME", default=None, help="[env NEO4J_USERNAME]")
    @click.option("--password", envvar="NEO4J_PASSWORD", default=None, help="[env NEO4J_PASSWORD]")
    @click.option(
        "--database", envvar="NEO4J_DATABASE", default=None, help="[env NEO4J_DATABASE; default: server's]"
    )
    @click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1))
    @click.option("--wipe", is_flag=True, help="First remove these plans' data loaded earlier (only theirs).")
    @click.option("--no-progress", is_flag=True, help="No progress bar.")
    def neo4j(docs, encoding, uri, user, password, database, batch_size, wipe, no_progress):
        """Load the graph of plan files DOC... (default: the bundled plan) into Neo4j."""
        from neo4j import GraphDatabase
        from neo4j.exceptions import ConfigurationError

        from kg.exports.neo4j import Neo4jLoadError, load_graph

        graph = build_or_fail(docs, encoding)
        secrets = (password, _uri_password(uri))
        auth = (user, password or "") if user else None
        try:
            with GraphDatabase.driver(uri, auth=auth, connection_timeout=10) as driver:
                summary = load_graph(
                    graph,
                    driver,
                    database=database,
                    batch_size=batch_size,
                    wipe=wipe,
                    progress=not no_progress,
                )
        except Neo4jLoadError as exc:
            raise click.ClickException(_without(str(exc), *secrets)) from None
        except (ValueError, ConfigurationError) as exc:  # a malformed URI
            raise click.ClickException(_without(f"bad --uri {uri!r}: {exc}", *secrets)) from None
        nodes, rels = sum(summary.nodes.values()), sum(summary.relationships.values())
        wiped = f" after wiping {', '.join(summary.wiped_plans)}" if summary.wiped_plans else ""
        click.echo(_without(f"loaded {nodes} nodes and {rels} relationships into {uri}{wiped}", *secrets))


_URI_PASSWORD = re.compile(r"^[A-Za-z][\w+.-]*://[^:@/]*:([^@/]+)@")


def _uri_password(uri: str) -> str | None:
    """A password written into the URI (``bolt://user:secret@host``): kept out of every message too."""
    match = _URI_PASSWORD.match(uri)
    return match.group(1) if match else None


def _without(message: str, *secrets: str | None) -> str:
    """Never echo a password, even if a library put it into a message."""
    for secret in secrets:
        if secret:
            message = message.replace(secret, "***")
    return message
