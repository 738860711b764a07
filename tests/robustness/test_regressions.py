"""Inputs that once crashed the build (found by the fuzz tests), kept as files in tests/data/regressions/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.loaders.readers.decode import PlanInputError
from kg.pipeline import build_graph_from_texts

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "regressions"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def quotes(graph) -> list[str]:
    return [attrs["source"]["quote"] for _, attrs in graph.nodes(data=True) if attrs.get("source")]


def test_part_heading_without_title_builds():
    """Was ValueError('empty span'): a part heading with no title has no aim, so no part goal."""
    graph, _ = build_graph_from_texts([("p", sample("part-heading-without-title.txt"))])
    types = {attrs["type"] for _, attrs in graph.nodes(data=True)}
    assert {"Plan", "Part", "Chapter", "Target"} <= types
    assert not any(attrs.get("level") == "part" for _, attrs in graph.nodes(data=True))


def test_leading_blank_line_without_title_quotes_the_first_text_line():
    """Was a Plan node whose quote was the plan id (not in the input): now the first non-blank line."""
    text = sample("leading-blank-line-without-title.txt")
    graph, _ = build_graph_from_texts([("p", text)])
    assert graph.nodes["p"]["source"]["quote"] == "第一章 总则"
    assert graph.nodes["p"]["source"]["lineStart"] == 2
    assert all(q and q in text for q in quotes(graph))


def test_whitespace_only_text_is_one_input_error():
    """Was IndexError in the title finder when every line is blank (reachable through the library API)."""
    with pytest.raises(PlanInputError, match=r"^p: no plan structure found"):
        build_graph_from_texts([("p", sample("whitespace-only.txt"))])


def test_traditional_chinese_is_reported_as_unsupported():
    graph, _ = build_graph_from_texts([("p", sample("traditional-chinese.txt"))])
    codes = [p["code"] for p in graph.graph["problems"]]
    assert codes.count("traditional-chinese") == 1
    message = next(p["message"] for p in graph.graph["problems"] if p["code"] == "traditional-chinese")
    assert "Traditional Chinese" in message and "opencc" in message


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_kg_build_cli_on_every_sample(tmp_path, name):
    """Exit 0 (graph written) or 2 (one line); never a traceback."""
    result = CliRunner().invoke(
        main, ["build", str(SAMPLES / name), "--out", str(tmp_path), "--format", "json"]
    )
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 2:
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_real_simplified_plans_are_not_taken_for_traditional():
    from tests.fixtures.real_plans import bundled_graph, nanjing_graph

    for graph in (bundled_graph(), nanjing_graph()):
        assert "traditional-chinese" not in {p["code"] for p in graph.graph["problems"]}
