"""The facts the analyst pages show: checked on the tiny graph by hand and on two real plans built
together against the Nanjing answer key (tests/data/answer_keys/nanjing.json)."""

from __future__ import annotations

import json
from functools import cache

from kg.exports import plan_facts as pf
from tests.plans import DATA, GUANGZHOU, NANJING


@cache
def two_plans():
    from kg.pipeline import build_graph_from_paths

    return build_graph_from_paths([NANJING, GUANGZHOU])


def test_tiny_cluster_platforms_by_district_with_the_statement_behind_each(tiny_graph):
    facts = pf.cluster_facts(tiny_graph, "cluster:集成电路")
    assert [(p.name, p.district) for p in facts.platforms] == [
        ("滨江物联网小镇", "滨江区"),
        ("钱塘芯谷", "钱塘区"),
    ]
    # the edge's quote is the name only; the page shows the measure that states it
    assert facts.platforms[0].fact.quote == "集成电路。支持滨江物联网小镇建设<芯片>平台。"
    assert [(t.subject, t.value, t.unit, t.year) for t in facts.targets] == [
        ("集成电路产业营业收入", "1000", "亿元", 2030)
    ]
    assert [m.line for m in facts.measures] == [10]
    assert list(facts.platforms_by_district()) == ["滨江区", "钱塘区"]


def test_tiny_district_matrix(tiny_graph):
    matrix = pf.district_matrix(tiny_graph, "tiny-plan")
    assert (matrix.rows, matrix.columns) == (["集成电路"], ["滨江区", "钱塘区"])
    assert matrix.count("集成电路", "滨江区") == 1 and matrix.count("集成电路", "江干区") == 0


def test_short_label_of_plan_titles():
    assert pf.short_label("南京市国民经济和社会发展第十五个五年规划纲要") == "南京市"
    assert pf.short_label("浙江省国民经济和社会发展第十五个五年规划纲要") == "浙江省"
    assert pf.short_label("中华人民共和国国民经济和社会发展第十五个五年规划纲要") == "中华人民共和国"
    assert pf.short_label("某某规划") == "某某规划"


def test_indicator_key_ignores_marks_width_and_spaces():
    assert pf.indicator_key("海洋生产总值*", "亿元") == ("海洋生产总值", "亿元")
    assert pf.indicator_key("细颗粒物（PM2.5） 年均浓度", "微克/立方米") == pf.indicator_key(
        "细颗粒物(PM2.5)年均浓度", "微克/立方米"
    )


def test_nanjing_matrix_holds_the_answer_keys_platform_pairs_in_their_districts():
    graph = two_plans()
    key = json.loads((DATA / "answer_keys" / "nanjing.json").read_text(encoding="utf-8"))
    plan = next(p for p in pf.plan_titles(graph) if p.startswith("nanjing") or "320100" in p)
    matrix = pf.district_matrix(graph, plan)
    found = {(row, item.name) for (row, _), items in matrix.cells.items() for item in items}
    expected = {(pair["cluster"], pair["platform"]) for pair in key["cluster_platforms"]}
    # the cluster rows are the plan's names: a key pair counts when its cluster name is the row's
    hits = {pair for pair in expected if pair in found}
    assert len(hits) / len(expected) >= 0.85
    districts = {p["platform"]: p["district"] for p in key["located_platforms"]}
    for (_, column), items in matrix.cells.items():
        for item in items:
            if item.name in districts and item.basis != "district":
                assert column == districts[item.name] or column == pf.NO_DISTRICT or item.name == column


def test_concept_matrix_across_two_plans():
    graph = two_plans()
    matrix = pf.concept_plan_matrix(graph)
    plans = list(pf.plan_titles(graph))
    assert matrix.columns == plans
    nanjing, guangzhou = (matrix.cells[("集成电路", p)] for p in plans)
    assert nanjing.clusters == ("集成电路",) and guangzhou.clusters == ("半导体与集成电路",)
    assert any(t.value == "2000" and t.unit == "亿元" and t.year == 2030 for t in nanjing.targets)
    assert {p.name for p in nanjing.platforms} >= {"国家集成电路设计自动化技术创新中心", "桥林新城"}
    only = pf.concept_plan_matrix(graph, "集成电路")
    assert only.rows == ["集成电路"]


def test_shared_indicators_of_two_plans():
    graph = two_plans()
    shared = pf.shared_indicators(graph)
    forest = shared[("森林覆盖率", "%")]
    assert len({i.plan for i in forest}) == 2 and all(i.binding for i in forest)
    assert "41.65" in {i.baseline for i in forest}
