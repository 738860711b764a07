"""The ``kg`` command line. Commands are thin: they parse, delegate, and turn errors into one line."""

from __future__ import annotations

import click

from kg import __version__
from kg.commands import build, html, neo4j, query, rdf


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Turn a Chinese development plan into a knowledge graph of its commitments."""


for module in (build, rdf, neo4j, query, html):
    module.register(main)
