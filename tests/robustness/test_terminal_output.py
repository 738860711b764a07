"""Text printed is data: rich markup shown literally, control characters and escape sequences escaped.

Issue 17, "Terminal output is data" (docs/robustness.md). ``kg.commands.tables.terminal_text`` is the one
escaping function; tables are built from ``rich.text.Text``.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kg.cli import main
from kg.commands.tables import render_rows, render_table, terminal_json, terminal_text
from tests.robustness.conftest import ROBUST

OSC_TITLE = "\x1b]0;PWNED\x07"
CSI_RED = "\x1b[31m"
MARKUP = "完善[/]标识体系，建设[bold]未来科技城"
PLAN = (
    "杭州市规划纲要\n\n第一章 总则\n\n"
    f"第一节 发展{OSC_TITLE}产业\n\n"
    f"到2030年，{MARKUP}{CSI_RED}实验室\x9b2J，集成电路产业规模达到500亿元。\n"
)
# What may reach a terminal: printable text, newlines (no C0 but \n, no DEL, no C1, no bidi controls).
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "markup.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_markup_is_printed_literally_in_tables():
    text = render_table(["列[bold]"], [[MARKUP], ["[red]x[/red] :smile:"]], title="t[/]", width=80)
    assert "完善[/]标识体系，建设[bold]未来科技城" in text
    assert "[red]x[/red] :smile:" in text and "列[bold]" in text and "t[/]" in text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (OSC_TITLE, "\\x1b]0;PWNED\\x07"),
        (CSI_RED, "\\x1b[31m"),
        ("\x9b2J", "\\x9b2J"),
        ("\x00\x7f\x85", "\\x00\\x7f\\x85"),
        ("\u2028\u202e\u2066", "\\u2028\\u202e\\u2066"),
        ("\t", "\\x09"),
    ],
    ids=["osc", "csi", "c1-csi", "nul-del-nel", "line-sep-bidi", "tab"],
)
def test_control_characters_are_shown_escaped(raw, shown):
    assert terminal_text(f"a{raw}b") == f"a{shown}b"
    assert f"a{shown}b" in render_table(["c"], [[f"a{raw}b"]], width=80)


@ROBUST
@given(st.text(max_size=60))
def test_no_control_character_ever_reaches_a_table(text):
    for fmt in ("table", "csv"):
        out = render_rows(["c"], [{"c": text}], fmt, terminal=True)
        assert not RAW_CONTROL.search(out.replace("\r\n", "\n")), (fmt, out)
    assert not RAW_CONTROL.search(terminal_json([text]).replace("\n", ""))


def test_json_stays_exact_and_csv_exact_when_piped():
    import json

    text = f"{OSC_TITLE}\x85\u2028{MARKUP}"
    assert json.loads(terminal_json({"q": text})) == {"q": text}
    assert render_rows(["c"], [{"c": text}], "csv", terminal=False) == f"c\n{text}\n"


@pytest.mark.parametrize("command", [["build", "--format", "json"], ["stats"]])
def test_build_and_stats_print_the_plan_text_as_data(command, tmp_path):
    plan = tmp_path / f"plan{OSC_TITLE}[bold].txt"  # the plan id, in the table title, comes from it
    plan.write_text(PLAN, encoding="utf-8")
    args = [command[0], str(plan), *command[1:]] + (
        ["--out", str(tmp_path / "o")] if command[0] == "build" else []
    )
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.output)
    assert "Graph of plan\\x1b]0;PWNED\\x07[bold]" in result.output


def test_trace_with_markup_does_not_crash_and_shows_it_literally(plan):
    result = CliRunner().invoke(main, ["trace", "未来科技城", str(plan)])
    assert result.exit_code == 0, result.output
    assert "完善[/]标识" in result.output and "[bold]" in result.output
    assert "\\x1b[31m" in result.output  # the quote column of the tables
    assert not RAW_CONTROL.search(result.output)


def test_error_messages_are_escaped_and_one_line(tmp_path):
    missing = tmp_path / f"no{OSC_TITLE}such.txt"
    result = CliRunner().invoke(main, ["build", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path}/no\\x1b]0;PWNED\\x07such.txt: no such file\n"


def test_an_unexpected_exception_is_one_line_internal_error(plan, tmp_path, monkeypatch):
    import kg.commands.build as build

    def broken(*_args, **_kwargs):
        raise KeyError("boom\x1b[2J")

    monkeypatch.setattr(build, "summary_rows", broken)
    result = CliRunner().invoke(main, ["build", str(plan), "--out", str(tmp_path / "o"), "--format", "json"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Error: internal error: KeyError: 'boom\\x1b[2J' (please report)"
