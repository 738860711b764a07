"""Progress feedback for long steps (parsing, loading Neo4j, drawing HTML).

``with progress("Loading Neo4j", total=n) as bar: ... bar.advance(k)`` shows a rich progress bar on
stderr when it is a terminal, and does nothing at all otherwise (pipes, CI logs, tests) or when
``enabled=False``, so callers never need to branch.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress


class Step:
    """Handle of one running step; ``advance`` and ``total`` are no-ops when progress is silent."""

    def __init__(self, bar: Progress | None = None, task=None) -> None:
        self._bar = bar
        self._task = task
        self.completed = 0

    def advance(self, amount: float = 1) -> None:
        self.completed += amount
        if self._bar is not None:
            self._bar.advance(self._task, amount)

    def set_total(self, total: float | None) -> None:
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    @property
    def visible(self) -> bool:
        return self._bar is not None


@contextmanager
def progress(
    description: str, total: float | None = None, *, enabled: bool = True, console: Console | None = None
) -> Iterator[Step]:
    """Show a bar (or a spinner when ``total`` is unknown) for the duration of the block."""
    if not enabled or (console is None and _surely_no_terminal()):
        yield Step()  # rich (60 ms of imports) is not even loaded
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield Step()
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        yield Step(bar, bar.add_task(description, total=total))


def _surely_no_terminal() -> bool:
    """stderr is no terminal and nothing in the environment makes rich treat it as one (rich's own
    ``Console.is_terminal`` decides every other case)."""
    if os.environ.get("TTY_COMPATIBLE") == "1" or os.environ.get("FORCE_COLOR") is not None:
        return False
    try:
        return not sys.stderr.isatty()
    except (AttributeError, ValueError):  # no stderr, or a closed one
        return True
