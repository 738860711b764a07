"""The ``kg`` executable (``kg.cli:run``): click's exit codes, and no walk of the heap at exit."""

from __future__ import annotations

import subprocess
import sys

# An atexit handler runs after the command: it sees whether the objects were frozen, and that a
# normal exit (handlers, flushed streams) still happens.
PROBE = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
    "sys.argv = ['kg', *sys.argv[1:]]\n"
    "from kg.cli import run\n"
    "run()\n"
)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60)


def test_a_command_exits_with_its_code_and_the_heap_frozen():
    done = _run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [done.stdout.splitlines()[0], "frozen True"]
    assert done.stdout.startswith("kg, version ")


def test_bad_input_keeps_its_exit_code_and_one_line(tmp_path):
    missing = tmp_path / "no-such-plan.txt"
    done = _run("stats", str(missing))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "no-such-plan.txt" in done.stderr
    assert done.stdout.strip() == "frozen True"
