"""``kg html`` as users call it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.exports.json import write_json


@pytest.fixture
def graph_json(tiny_graph, tmp_path):
    return write_json(tiny_graph, tmp_path / "graph.json")[0]


def _stats(path) -> str:
    return re.search(r'<span class="stats">([^<]*)</span>', path.read_text(encoding="utf-8")).group(1)


def test_html_from_graph_json(graph_json, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["html", "--graph", str(graph_json), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out / 'graph.html'}\n"
    assert _stats(out / "graph.html") == "20 nodes · 24 edges"


def test_html_focus_and_per_cluster(graph_json, tmp_path):
    out = tmp_path / "out"
    args = ["html", "--graph", str(graph_json), "--out", str(out), "--focus", "滨江", "--depth", "1"]
    result = CliRunner().invoke(main, [*args, "--per-cluster"])
    assert result.exit_code == 0, result.output
    assert _stats(out / "focus-滨江.html") == "5 nodes · 6 edges · focus 滨江, depth 1"
    pages = sorted(p.name for p in (out / "clusters").iterdir() if p.name != ".kg-manifest")
    assert len(pages) == 2 and pages[1] == "index.html" and pages[0].startswith("cluster-集成电路-")
    # --depth applies to the cluster pages too: depth 1 around 集成电路
    assert _stats(out / "clusters" / pages[0]) == "6 nodes · 8 edges · depth 1"
    assert len(result.stdout.splitlines()) == 3


def test_html_unknown_focus_is_a_one_line_error(graph_json, tmp_path):
    result = CliRunner().invoke(
        main, ["html", "--graph", str(graph_json), "--out", str(tmp_path), "--focus", "物联网"]
    )
    assert result.exit_code == 2
    assert "no node named '物联网'; did you mean: 滨江物联网小镇" in result.output
    assert not (tmp_path / "focus-物联网.html").exists()


def test_html_rejects_a_file_that_is_not_graph_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"a": 1}', encoding="utf-8")
    result = CliRunner().invoke(main, ["html", "--graph", str(bad), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "not a graph.json" in result.output
