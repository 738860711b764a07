"""The table interpreters, each alone, and the registry's order and reports."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main
from kg.loaders.document.model import Cell, Row, Table
from kg.loaders.interpreters.table_interpreters import (
    SCHEME_STAGE,
    ClusterSchemeTable,
    IndicatorTable,
    PreviousPlanTable,
    looks_like_indicators,
)
from kg.pipeline import build_graph_from_texts
from tests.plans import NANJING, built


def table(header: list[str], *rows: list[str]) -> Table:
    return Table(header, [Row([Cell(t, 10 + i) for t in r], 10 + i, 10 + i) for i, r in enumerate(rows)])


INDICATORS = table(
    ["类别", "序号", "指标", "2025年", "2030年", "属性"],
    ["经济发展", "1", "地区生产总值增长（%）", "5.5", "5左右", "预期性"],
)
PREVIOUS = table(
    ["序号", "指标", "属性", "规划目标", "2025年完成情况"],
    ["1", "地区生产总值（亿元）", "预期性", "20000以上", "19428"],
)
SCHEME = table(
    ["层级", "产业集群", "领域", "内容"],
    ["2个万亿级产业集群", "人工智能", "发展目标", "到2030年，营业收入超6000亿元。"],
    ["", "视觉智能", "重点平台", "滨江物联网小镇、钱塘大创小镇等。"],
)


def test_each_interpreter_claims_its_own_table_only():
    assert IndicatorTable().claims(INDICATORS) and not IndicatorTable().claims(PREVIOUS)
    assert PreviousPlanTable().claims(PREVIOUS) and not PreviousPlanTable().claims(INDICATORS)
    assert ClusterSchemeTable().claims(SCHEME)
    assert not ClusterSchemeTable().claims(INDICATORS) and not IndicatorTable().claims(SCHEME)


def test_the_registry_is_ordered_indicators_first():
    assert [i.name for i in SCHEME_STAGE] == [
        "indicators",
        "previous-plan indicators",
        "cluster scheme",
        "cluster list",
    ]
    claimed = [i.name for i in SCHEME_STAGE if i.claims(INDICATORS)]
    assert claimed[0] == "indicators"


def test_indicator_headers_are_recognised_whoever_reads_the_table():
    assert looks_like_indicators(INDICATORS) and looks_like_indicators(PREVIOUS)
    assert not looks_like_indicators(SCHEME)


def test_every_table_says_what_read_it_and_its_layout():
    read = {
        a["source"]["lineStart"]: (a["layout"], a["readAs"])
        for _, a in built(NANJING).nodes(data=True)
        if a["type"] == "Table" and "layout" in a
    }
    assert read[290] == ("spaced", ["previous-plan indicators"])
    assert read[366] == ("spaced", ["indicators"])
    assert read[429] == ("spaced", ["cluster list"])
    assert read[525] == ("spaced", ["district industries", "measures"])


UNREAD = """示范市国民经济和社会发展第十五个五年规划纲要

第一章 发展目标

“十五五”时期经济社会发展主要指标

| 指标 | 属性 |
|---|---|
| 详见附表 | |

第二章 产业

加快建设示范科技城。
"""


def test_an_indicator_table_that_gives_no_indicator_is_a_problem():
    graph, _ = build_graph_from_texts([("unread", UNREAD)])
    codes = {p["code"]: p["line"] for p in graph.graph["problems"]}
    assert codes["indicator-table-not-read"] == 7
    assert codes["indicator-table-missing"] == 5


def test_kg_stats_lists_the_tables_with_what_read_them():
    result = CliRunner().invoke(main, ["stats", str(NANJING)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "previous-plan indicators" in result.output and "cluster list" in result.output
    assert "district industries, measures" in result.output
