"""Cases a wider hostile sweep of every command found (docs/robustness.md, "Hostile sweep"): each now
one line, exit 2, in a real process under a hang guard."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kg.exports.json import write_json

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
OSC = "\x1b]0;PWNED\x07"
RAW_CONTROL = "\x1b\x07\x9b\u202e\u2028"


def kg(*args, timeout=60, cwd=None):
    """The timeout is a hang guard: a read of /dev/zero until memory runs out would pass it."""
    env = dict(os.environ, KG_STATE_FILE=str(cwd or os.getcwd()) + "/state.json")
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "fifo"])
@pytest.mark.parametrize(
    "command", [["query", "binding-indicators"], ["trace", "集成电路"], ["html", "--out", "OUT"]]
)
def test_graph_json_that_is_a_device_or_fifo_is_refused_without_reading(command, device, tmp_path):
    if device == "fifo":
        device = tmp_path / "graph.json"
        os.mkfifo(device)  # nobody writes: a blocking open would hang
    args = [tmp_path / "out" if a == "OUT" else a for a in command]
    result = kg(*args, "--graph", device, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    kind = "a named pipe (FIFO)" if str(device).endswith(".json") else "a character device"
    assert result.stderr == f"Error: --graph {device}: {kind}, not a regular file; give a graph.json file\n"


def test_graph_json_read_is_bounded(tmp_path, monkeypatch):
    from kg import graph_io

    path = tmp_path / "graph.json"
    path.write_text('{"nodes": [], "links": []}' + " " * 100, encoding="utf-8")
    monkeypatch.setattr(graph_io, "MAX_GRAPH_JSON_BYTES", 50)
    with pytest.raises(ValueError, match=r"graph.json: over the 0.1 MiB limit for a graph.json file"):
        graph_io.read_graph_json(path)


def test_the_graph_line_escapes_file_names(tmp_path, tiny_graph):
    folder = tmp_path / f"d{OSC}"
    (path,) = write_json(tiny_graph, folder / "graph.json")
    result = kg("trace", "集成电路", "--graph", path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    graph_line = result.stderr.splitlines()[0]
    assert graph_line.startswith("Graph: ") and "d\\x1b]0;PWNED\\x07" in graph_line
    assert not any(c in result.stderr + result.stdout for c in RAW_CONTROL)


def test_a_plan_whose_name_and_text_carry_escape_sequences_prints_none(tmp_path):
    plan = tmp_path / f"p{OSC}.txt"
    plan.write_text(
        f"测试{OSC}规划纲要\n\n第一章 总则{OSC}\n\n到2030年，集成电路产业规模达到500亿元。\n",
        encoding="utf-8",
    )
    result = kg("trace", "集成电路", plan, cwd=tmp_path)
    assert "Graph: built now from" in result.stderr
    assert not any(c in result.stderr + result.stdout for c in RAW_CONTROL)


@pytest.mark.parametrize("name", ["a" * 300, "d/" * 1500 + "x"], ids=["name-too-long", "too-deep"])
@pytest.mark.parametrize("command", [["build"], ["export", "--format", "json"], ["html"]])
def test_an_out_folder_that_cannot_be_made_is_one_line(command, name, tmp_path, small_plan):
    out = tmp_path / name
    result = kg(command[0], small_plan, *command[1:], "--out", out, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"Error: --out {tmp_path}/") and result.stderr.count("\n") == 1
    assert "cannot create the folder (" in result.stderr and "internal error" not in result.stderr


def test_validate_with_an_rdf_file_among_several_inputs_says_so(tmp_path, small_plan, tiny_graph):
    from kg.exports.rdf import write_turtle

    (ttl,) = write_turtle(tiny_graph, tmp_path / "graph.ttl")
    result = kg("validate", ttl, small_plan, cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr
        == "Error: give one RDF file (graph.ttl, graph.nt, graph.jsonld) or plan documents, not both\n"
    )


@pytest.mark.parametrize("command", [["query", "binding-indicators"], ["trace", "集成电路"]])
def test_a_terminal_that_cannot_show_chinese_gets_escapes_not_a_crash(command, tmp_path, tiny_graph):
    (path,) = write_json(tiny_graph, tmp_path / "graph.json")
    env = dict(os.environ, KG_STATE_FILE=str(tmp_path / "state.json"), PYTHONIOENCODING="latin-1")
    result = subprocess.run([*KG, *command, "--graph", str(path)], capture_output=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("latin-1")
    assert "internal error" not in result.stderr.decode("latin-1")
    assert "\\u" in out + result.stderr.decode("latin-1")  # the Chinese text, escaped
