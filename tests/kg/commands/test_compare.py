"""`kg compare` as users call it: the matrix printed, matrix.csv = the concept-matrix rows, matrix.html
the page of exports.html_matrix; numbers as on matrix.html (exports.plan_facts)."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.exports.json import write_json
from kg.exports.plan_facts import concept_plan_matrix
from tests.queries.two_plans import GUANGZHOU_ID, HANGZHOU_ID, two_plan_graph


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    return str(write_json(two_plan_graph(), tmp_path_factory.mktemp("cmp") / "graph.json")[0])


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_compare_prints_and_writes_the_matrix(graph_file, tmp_path):
    result = run("compare", "--graph", graph_file, "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    matrix = concept_plan_matrix(two_plan_graph())
    with open(tmp_path / "matrix.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["concept"], r["plan"]) for r in rows} == set(matrix.cells)
    for r in rows:
        cell = matrix.cells[(r["concept"], r["plan"])]
        assert (int(r["platforms"]), int(r["targets"]), int(r["measures"])) == (
            len(cell.platforms), len(cell.targets), cell.measures)  # fmt: skip
    ic = matrix.cells[("集成电路", HANGZHOU_ID)]
    line = next(line for line in result.stdout.splitlines() if line.startswith("│ 集成电路 "))
    assert f"{len(ic.platforms)}·{len(ic.targets)}·{ic.measures}" in line
    assert HANGZHOU_ID in result.stdout and GUANGZHOU_ID in result.stdout
    page = (tmp_path / "matrix.html").read_text(encoding="utf-8")
    assert "产业 × 规划 Industry × plan" in page


def test_compare_one_concept_as_people_type_it(graph_file, tmp_path):
    result = run("compare", "--graph", graph_file, "--out", str(tmp_path), "--concept", "芯片")
    assert result.exit_code == 0, result.output
    with open(tmp_path / "matrix.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["concept"], r["plan"]) for r in rows} == {
        ("集成电路", HANGZHOU_ID),
        ("集成电路", GUANGZHOU_ID),
    }


def test_compare_an_unknown_concept_is_exit_1_and_writes_nothing(graph_file, tmp_path):
    result = run("compare", "--graph", graph_file, "--out", str(tmp_path), "--concept", "新能源车")
    assert result.exit_code == 1, result.output
    assert "did you mean:" in result.stderr
    assert not (tmp_path / "matrix.csv").exists()


def test_compare_into_a_file_is_one_line(graph_file, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("compare", "--graph", graph_file, "--out", str(blocker))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == f"Error: --out {blocker}: exists and is not a folder"
