"""`kg build` records its graph.json; `kg query`, `kg trace`, `kg html`, `kg validate` answer about it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.exports.json import write_json
from kg.last_build import last_build, record_build, state_file
from tests.fixtures.tiny import tiny_graph

NANJING = Path(__file__).parents[1] / "data" / "nanjing-15th-five-year-plan-outline.txt"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_state_file_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_STATE_FILE")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert state_file() == tmp_path / "plan-kg" / "last-build.json"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert state_file() == tmp_path / "home" / ".local" / "state" / "plan-kg" / "last-build.json"


def test_a_vanished_graph_is_no_last_build(tmp_path):
    graph = write_json(tiny_graph(), tmp_path / "graph.json")[0]
    record_build(graph, ["tiny-plan"])
    assert last_build() == graph.resolve()
    graph.unlink()
    assert last_build() is None


def test_build_then_query_answers_about_the_build(tmp_path):
    out = tmp_path / "out"
    built = run("build", str(NANJING), "--out", str(out), "--format", "json")
    assert built.exit_code == 0, built.output
    assert last_build() == (out / "graph.json").resolve()
    plan_id = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["plans"][0]

    result = run("query", "binding-indicators", "--format", "json")
    assert result.exit_code == 0, result.output
    header = result.stderr.splitlines()[0]
    assert header.startswith(f"Graph: {(out / 'graph.json').resolve()} (plans: 南京市")
    assert header.endswith(f"[{plan_id}])")
    rows = json.loads(result.stdout)
    assert len(rows) > 5

    trace = run("trace", "集成电路")
    assert trace.exit_code == 0, trace.output
    assert trace.stderr.splitlines()[0] == header


def test_graph_option_chooses_another_graph(tmp_path):
    record_build(write_json(tiny_graph(), tmp_path / "a" / "graph.json")[0], ["tiny-plan"])
    other = tiny_graph()
    other.graph["plans"] = ["tiny-plan"]
    chosen = write_json(other, tmp_path / "b" / "graph.json")[0]
    result = run("trace", "滨江", "--graph", str(chosen))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith(f"Graph: {chosen.resolve()} (plans: ")


def test_no_build_recorded_builds_the_bundled_plan_and_says_so(tmp_path):
    result = run("html", "--out", str(tmp_path), "--focus", "集成电路", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith(
        "Graph: the bundled plan, built now (no `kg build` recorded) (plans: 杭州市"
    )


def test_validate_reads_the_last_build(tmp_path):
    record_build(write_json(tiny_graph(), tmp_path / "graph.json")[0], ["tiny-plan"])
    result = run("validate")
    assert result.stderr.splitlines()[0].startswith(f"Graph: {(tmp_path / 'graph.json').resolve()}")
    assert result.stdout.startswith("conforms:"), result.output


def test_the_record_holds_the_digest_of_graph_json_as_written(tmp_path):
    from kg.last_build import file_digest, last_build_record

    graph = write_json(tiny_graph(), tmp_path / "graph.json")[0]
    record_build(graph, ["tiny-plan"])
    record = last_build_record()
    assert record.graph == graph.resolve()
    assert record.digest == file_digest(graph.read_bytes()) and len(record.digest) == 64
    graph.write_text("{}", encoding="utf-8")
    assert last_build_record().digest != file_digest(graph.read_bytes())
