"""The README's worked example is real output: its blocks are what the commands print today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.plans import HANGZHOU

README = Path(__file__).resolve().parents[1] / "README.md"


def console_block(command: str) -> list[str]:
    """The lines after ``$ COMMAND`` in the README's console block that starts with it."""
    text = README.read_text(encoding="utf-8")
    found = re.search(r"```console\n\$ " + re.escape(command) + r"\n(.*?)```", text, re.S)
    assert found, f"the README has no console block for `{command}`"
    return found.group(1).splitlines()


def run(*args: str) -> list[str]:
    result = CliRunner().invoke(main, [*args, str(HANGZHOU)])
    assert result.exit_code == 0, result.output
    return [line.rstrip() for line in result.stdout.splitlines()]


def test_worked_example_is_what_platforms_for_cluster_prints():
    graph_line, *table = console_block("kg query platforms-for-cluster 集成电路")
    assert graph_line.startswith("Graph: ") and "[330100-15]" in graph_line
    assert [line.rstrip() for line in table] == run("query", "platforms-for-cluster", "集成电路")


def test_trace_example_lines_are_what_trace_prints_in_that_order():
    printed = iter(run("trace", "集成电路"))
    for line in console_block("kg trace 集成电路"):
        if line.strip() in ("…", "│ …"):  # a cut
            continue
        assert any(line.rstrip() == out for out in printed), f"not printed (in this order): {line}"


@pytest.mark.parametrize("name", ["platforms-for-cluster"])
def test_cypher_shown_is_the_shipped_file(name):
    text = README.read_text(encoding="utf-8")
    shipped = (README.parent / "queries" / f"{name}.cypher").read_text(encoding="utf-8")
    assert f"```cypher\n{shipped}```" in text
