"""The ``kg`` command line. Commands are thin: they parse, delegate, and turn errors into one line."""

from __future__ import annotations

import contextlib
import sys
from importlib import import_module

import click

from kg import __version__

# command -> the module of kg.commands that registers it (``kg --help`` lists them sorted).
# Only the invoked command's module is imported (a query does not pay for the build's imports).
COMMANDS = {
    "build": "build", "stats": "build", "validate": "rdf", "export": "rdf", "load": "neo4j",
    "query": "query", "trace": "trace", "html": "html", "compare": "compare",
}  # fmt: skip


class _Commands(dict):
    """The group's commands, each module of ``kg.commands`` registering its own when one is first
    asked for (``main.commands["load"]`` works as with an eager group)."""

    def __init__(self, group: click.Group) -> None:
        super().__init__()
        self._group = group

    def __missing__(self, name: str) -> click.Command:
        if name not in COMMANDS:
            raise KeyError(name)
        import_module(f"kg.commands.{COMMANDS[name]}").register(self._group)
        return dict.__getitem__(self, name)


class InternalError(click.ClickException):
    """A bug: any exception no command turned into a message. One line, exit 1, never a traceback."""

    exit_code = 1


class GuardedGroup(click.Group):
    """The last line of defence, not a substitute for each command's own one-line errors.

    Every error message is printed through ``terminal_text`` (a file name or a plan's text in it never
    reaches the terminal as control characters), and an unexpected exception becomes
    ``Error: internal error: TYPE: message (please report)`` with exit code 1.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self.commands[name] if name in COMMANDS else self.commands.get(name)

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


def run() -> None:
    """The ``kg`` executable: ``main``, then an exit that does not walk the heap.

    The interpreter's last garbage collections traverse every object still alive, a built graph's
    hundreds of thousands among them: 0.1 s of each ``kg build``. The objects are moved out of the
    collector's reach first (``gc.freeze``); everything else of a normal exit (atexit handlers,
    streams flushed, files closed) happens as before. Every writer closes its own files.
    """
    import gc

    try:
        main()
    finally:
        gc.freeze()
