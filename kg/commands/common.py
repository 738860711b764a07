"""Options and error handling shared by the ``kg`` commands."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from kg.loaders.readers.decode import PlanInputError


class BadInput(click.ClickException):
    """Input that is not a readable plan: one line on stderr, exit code 2."""

    exit_code = 2


class PlanPath(click.Path):
    """A plan file name: one that is not UTF-8 text (a non-UTF-8 byte, a lone surrogate) is one line
    naming DOC, before click's own ``os.stat`` would crash on it (the plan id comes from the name, and
    every output is UTF-8)."""

    def convert(self, value, param, ctx):
        try:
            str(value).encode("utf-8")
        except UnicodeEncodeError:
            shown = str(value).encode("utf-8", "backslashreplace").decode("utf-8")
            raise BadInput(f"DOC {shown}: the file name is not UTF-8 text; rename the file") from None
        return super().convert(value, param, ctx)


def plan_arguments(func):
    """``DOC...`` plan files (the bundled plan when none) and ``--encoding``."""

    @click.argument("docs", nargs=-1, type=PlanPath(dir_okay=True, path_type=str))
    @click.option(
        "--encoding", default=None, help="Text encoding of the plan files (default: detect UTF-8/GB18030)."
    )
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def out_option(help_text: str):
    """``--out DIR`` (default ``kg-out``), shared by the commands that write files."""
    return click.option(
        "--out", "out", default="kg-out", show_default=True, type=click.Path(path_type=Path), help=help_text
    )


def build_or_fail(docs, encoding=None, graph=None):
    """Build the graph of ``docs`` (into ``graph``: ``kg.pipeline.build_graph_from_paths``); bad
    input becomes a one-line error with exit code 2."""
    from kg.pipeline import build_graph_from_paths

    try:
        return build_graph_from_paths(docs, encoding, graph)
    except PlanInputError as err:
        raise BadInput(str(err)) from None
