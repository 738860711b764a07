"""`kg` commands of this area (placeholder until the area lands)."""

import click


def register(main: click.Group) -> None:
    """Add this module's commands to the `kg` group."""
