"""The ``kg`` command line. Commands are thin: they parse, delegate, and turn errors into one line."""

from __future__ import annotations

import contextlib
import sys

import click

from kg import __version__
from kg.commands import build, compare, html, neo4j, query, rdf


class InternalError(click.ClickException):
    """A bug: any exception no command turned into a message. One line, exit 1, never a traceback."""

    exit_code = 1


class GuardedGroup(click.Group):
    """The last line of defence, not a substitute for each command's own one-line errors.

    Every error message is printed through ``terminal_text`` (a file name or a plan's text in it never
    reaches the terminal as control characters), and an unexpected exception becomes
    ``Error: internal error: TYPE: message (please report)`` with exit code 1.
    """

    def invoke(self, ctx: click.Context):
        from kg.commands.tables import terminal_text

        _escape_what_the_terminal_cannot_encode()
        try:
            return super().invoke(ctx)
        except click.ClickException as err:
            err.message = terminal_text(err.message)  # a listing of candidates keeps its lines
            raise
        except (click.exceptions.Exit, click.exceptions.Abort, KeyboardInterrupt, EOFError, SystemExit):
            raise
        except BrokenPipeError:  # `kg … | head`: the reader left, nothing to report
            raise click.exceptions.Exit(1) from None
        except Exception as err:  # noqa: BLE001 (the one place that catches everything, on purpose)
            what = terminal_text(f"{type(err).__name__}: {err}", one_line=True)[:500]
            raise InternalError(f"internal error: {what} (please report)") from None


def _escape_what_the_terminal_cannot_encode() -> None:
    """A terminal that cannot show Chinese (``PYTHONIOENCODING=latin-1``) gets ``\\u676d``, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
                reconfigure(errors="backslashreplace")


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Turn a Chinese development plan into a knowledge graph of its commitments."""


for module in (build, rdf, neo4j, query, html, compare):
    module.register(main)
