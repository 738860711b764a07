"""kg.progress: silent off a terminal or when disabled, a real bar on a terminal."""

from __future__ import annotations

import io

from rich.console import Console

from kg.progress import progress


def test_silent_when_not_a_terminal():
    out = io.StringIO()
    with progress("Loading", total=3, console=Console(file=out, force_terminal=False)) as step:
        step.advance(2)
        step.set_total(5)
    assert (step.visible, step.completed, out.getvalue()) == (False, 2, "")


def test_silent_when_disabled_even_on_a_terminal():
    out = io.StringIO()
    with progress("Loading", total=3, enabled=False, console=Console(file=out, force_terminal=True)) as step:
        step.advance()
    assert (step.visible, out.getvalue()) == (False, "")


def test_draws_on_a_terminal():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    with progress("Loading Neo4j", total=4, console=console) as step:
        step.advance(4)
    assert step.visible
    assert "Loading Neo4j" in out.getvalue()
    assert "4/4" in out.getvalue()
