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


def test_rich_is_not_loaded_off_a_terminal():
    """Off a terminal (a pipe, a CI log) a command does not pay rich's imports for a bar it would not
    draw; with FORCE_COLOR rich decides, and draws."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; from kg.progress import progress\n"
        "with progress('x', total=1) as step: step.advance()\n"
        "print(step.visible, 'rich.console' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    env["FORCE_COLOR"] = "1"
    forced = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert plain.stdout.split() == ["False", "False"]
    assert forced.stdout.split() == ["True", "True"]
