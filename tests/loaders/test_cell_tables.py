"""Indicator tables written one cell per line (a PDF converter's layout)."""

from kg.loaders.interpreters.indicators import parse_indicators, table_kind
from kg.loaders.layouts.tables import find_table_blocks, parse_table
from kg.pipeline import build_graph_from_texts

PLAN = """示范市国民经济和社会发展第十四个五年规划纲要

第一章 发展目标

“十四五”时期经济社会发展主要指标

类别
序号
指标
2020年
2025年
年均/累计
属性
经济发展
1
地区生产总值增长（%）
3.9
—
6左右
预期性
2
全员劳动生产率（万元/人）
18.5
23
—
预期性
绿色低碳
3
森林覆盖率（%）
65.1
>65
—
约束性

注：[]内为累计数。

第二章 推进创新

加快建设科技城。
"""


def test_a_cell_per_line_table_is_found_and_ends_at_its_last_attribute():
    lines = PLAN.split("\n")
    (block,) = find_table_blocks(lines)
    assert block.kind == "cells"
    assert lines[block.start] == "类别" and lines[block.end - 1] == "约束性"


def test_its_rows_become_indicators_with_the_merged_category_repeated():
    lines = PLAN.split("\n")
    table = parse_table(lines, find_table_blocks(lines)[0])
    assert table.header == ["类别", "序号", "指标", "2020年", "2025年", "年均/累计", "属性"]
    assert table_kind(table) == "main"
    rows = parse_indicators(table)
    assert [
        (r.number, r.name, r.unit, r.category, r.baseline, r.target, r.annual, r.attribute) for r in rows
    ] == [
        ("1", "地区生产总值增长", "%", "经济发展", "3.9", None, "6左右", "预期性"),
        ("2", "全员劳动生产率", "万元/人", "经济发展", "18.5", "23", None, "预期性"),
        ("3", "森林覆盖率", "%", "绿色低碳", "65.1", ">65", None, "约束性"),
    ]
    assert [(r.baseline_year, r.target_year, r.binding) for r in rows] == [(2020, 2025, False)] * 2 + [
        (2020, 2025, True)
    ]


def test_the_plan_builds_with_three_indicators_and_nothing_lost():
    graph, _ = build_graph_from_texts([("p", PLAN)])
    indicators = [a for _, a in graph.nodes(data=True) if a["type"] == "Indicator"]
    assert len(indicators) == 3
    covered = set()
    for _, a in graph.nodes(data=True):
        src = a.get("source")
        if src and a["type"] not in ("Part", "Chapter", "Section", "Box"):
            covered.update(range(src["lineStart"], src["lineEnd"] + 1))
        elif src:
            covered.add(src["lineStart"])
    lines = PLAN.split("\n")
    assert [n for n, line in enumerate(lines, 1) if line.strip() and n not in covered] == []


def test_a_list_of_short_lines_without_attributes_is_no_table():
    lines = ["序号", "指标", "属性", "一", "二", "三", "", "正文。"]
    assert find_table_blocks(lines) == []
