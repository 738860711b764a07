# ruff: noqa: E501
"""The in-memory named queries on the tiny graph: exact rows, written out by hand."""

from __future__ import annotations

import pytest

from kg.queries.catalog import QUERIES, finish_rows, get_query, validate_params
from kg.queries.memory import QUERY_FUNCTIONS, run_query
from tests.queries.two_plans import with_concept

QUOTE = "滨江物联网小镇"
MEASURE = "集成电路。支持滨江物联网小镇建设<芯片>平台。"
BOX_ITEM = "第一篇/第一章/第一节/专栏1/1"
P = "tiny-plan"
# The SUPPORTS/LOCATED_IN edges of the tiny graph quote only 滨江物联网小镇 (line 10); the measure that
# mentions 滨江物联网小镇 covers line 10 and quotes it, so rows about that platform give the measure.
STATEMENT = {"path": BOX_ITEM, "line": 10, "quote": MEASURE}
EDGE = {"path": BOX_ITEM, "line": 10, "quote": QUOTE}


def test_every_catalog_query_runs_in_memory():
    assert set(QUERY_FUNCTIONS) == set(QUERIES)


def test_platforms_for_cluster(tiny_graph):
    assert run_query("platforms-for-cluster", {"cluster": "集成电路"}, tiny_graph) == [
        {"plan": P, "platform": "滨江物联网小镇", "district": "滨江区", **STATEMENT},
        {"plan": P, "platform": "钱塘芯谷", "district": "钱塘区", **EDGE},
    ]


def test_platform_without_district_gives_null_district(tiny_graph):
    tiny_graph.remove_edge("platform:钱塘芯谷", "district:杭州市钱塘区", key="LOCATED_IN")
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, tiny_graph)
    assert rows[1] == {"plan": P, "platform": "钱塘芯谷", "district": None, **EDGE}


def test_platforms_for_unknown_cluster_is_empty(tiny_graph):
    assert run_query("platforms-for-cluster", {"cluster": "集成"}, tiny_graph) == []


def test_clusters_in_district(tiny_graph):
    assert run_query("clusters-in-district", {"district": "滨江区"}, tiny_graph) == [
        {"plan": P, "cluster": "集成电路", "tier": "千亿级", "via": "滨江物联网小镇", **STATEMENT}
    ]
    assert run_query("clusters-in-district", {"district": "杭州市"}, tiny_graph) == []


def test_clusters_supported_by_the_district_itself(tiny_graph):
    tiny_graph.add_edge("district:杭州市钱塘区", "cluster:集成电路", key="SUPPORTS", type="SUPPORTS")
    assert run_query("clusters-in-district", {"district": "钱塘区"}, tiny_graph) == [
        {
            "plan": None,
            "cluster": "集成电路",
            "tier": "千亿级",
            "via": "钱塘区",
            "path": None,
            "line": None,
            "quote": None,
        },
        {"plan": P, "cluster": "集成电路", "tier": "千亿级", "via": "钱塘芯谷", **EDGE},
    ]


def test_targets_for_year(tiny_graph):
    assert run_query("targets-for-year", {"year": 2030}, tiny_graph) == [
        {
            "plan": P,
            "subject": "集成电路产业营业收入",
            "value": "1000",
            "unit": "亿元",
            "comparator": ">",
            "path": BOX_ITEM,
            "line": 11,
            "quote": "到2030年，集成电路产业营业收入超1000亿元",
        }
    ]
    assert run_query("targets-for-year", {"year": 2035}, tiny_graph) == []


def test_targets_for_year_accepts_the_year_as_text(tiny_graph):
    assert len(run_query("targets-for-year", {"year": "2030"}, tiny_graph)) == 1


def test_binding_indicators(tiny_graph):
    assert run_query("binding-indicators", {}, tiny_graph) == [
        {"plan": P, "table": "main", "number": "2", "name": "森林覆盖率", "unit": "%", "baseline": "65.7", "target": ">65",
         "path": "第一篇/第一章/主要指标/2", "line": 22, "quote": "| 2 | 森林覆盖率(%) | 65.7 | >65 | — | 约束性 |"}
    ]  # fmt: skip
    assert run_query("binding-indicators", None, tiny_graph) == run_query(
        "binding-indicators", {}, tiny_graph
    )


def test_platform_profile(tiny_graph):
    row = {"plan": P, "direction": "out", **STATEMENT}
    assert run_query("platform-profile", {"platform": "滨江物联网小镇"}, tiny_graph) == [
        {**row, "relation": "LOCATED_IN", "otherType": "District", "other": "滨江区"},
        {**row, "relation": "MENTIONS", "direction": "in", "otherType": "Measure", "other": MEASURE},
        {**row, "relation": "SUPPORTS", "otherType": "IndustryCluster", "other": "集成电路"},
    ]


def test_platform_profile_edge_without_provenance_has_null_location(tiny_graph):
    tiny_graph.add_edge("platform:钱塘芯谷", "district:杭州市", key="LOCATED_IN", type="LOCATED_IN")
    rows = run_query("platform-profile", {"platform": "钱塘芯谷"}, tiny_graph)
    out = {"relation": "LOCATED_IN", "direction": "out", "otherType": "District"}
    assert rows == [
        {"plan": None, **out, "other": "杭州市", "path": None, "line": None, "quote": None},
        {"plan": P, **out, "other": "钱塘区", **EDGE},
        {
            "plan": P,
            **out,
            "relation": "SUPPORTS",
            "otherType": "IndustryCluster",
            "other": "集成电路",
            **EDGE,
        },
    ]


def test_a_measure_that_does_not_quote_the_edge_is_not_its_statement(tiny_graph):
    """The covering measure must contain the edge's quote and cover its line, in the same plan."""
    tiny_graph.nodes["tiny-plan/measure/box1.1"]["source"]["lineEnd"] = 9
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, tiny_graph)
    assert rows[0] == {"plan": P, "platform": "滨江物联网小镇", "district": "滨江区", **EDGE}


def test_plans_for_concept(tiny_graph):
    with_concept(tiny_graph)
    assert run_query("plans-for-concept", {"concept": "集成电路"}, tiny_graph) == [
        {"plan": P, "cluster": "集成电路", "platform": "滨江物联网小镇", "district": "滨江区", **STATEMENT},
        {"plan": P, "cluster": "集成电路", "platform": "钱塘芯谷", "district": "钱塘区", **EDGE},
    ]
    assert run_query("plans-for-concept", {"concept": "新一代信息技术"}, tiny_graph) == []
    assert run_query("plans-for-concept", {"concept": "集成"}, tiny_graph) == []


def test_plans_for_concept_cluster_without_platform_or_district_gives_nulls(tiny_graph):
    with_concept(tiny_graph)
    tiny_graph.remove_edge("platform:钱塘芯谷", "district:杭州市钱塘区", key="LOCATED_IN")
    rows = run_query("plans-for-concept", {"concept": "集成电路"}, tiny_graph)
    assert rows[1] == {"plan": P, "cluster": "集成电路", "platform": "钱塘芯谷", "district": None, **EDGE}
    for platform in ("platform:钱塘芯谷", "platform:滨江物联网小镇"):
        tiny_graph.remove_edge(platform, "cluster:集成电路", key="SUPPORTS")
    assert run_query("plans-for-concept", {"concept": "集成电路"}, tiny_graph) == [
        {
            "plan": P,
            "cluster": "集成电路",
            "platform": None,
            "district": None,
            "path": "第一篇/第一章/第一节/专栏1",
            "line": 10,
            "quote": "集成电路",
        }
    ]


def test_rows_have_exactly_the_documented_columns_in_order(tiny_graph):
    with_concept(tiny_graph)
    for name, params in [
        ("platforms-for-cluster", {"cluster": "集成电路"}),
        ("clusters-in-district", {"district": "滨江区"}),
        ("targets-for-year", {"year": 2030}),
        ("binding-indicators", {}),
        ("platform-profile", {"platform": "钱塘芯谷"}),
        ("plans-for-concept", {"concept": "集成电路"}),
    ]:
        rows = run_query(name, params, tiny_graph)
        assert rows, name
        assert all(list(row) == list(get_query(name).columns) for row in rows), name


def test_finish_rows_sorts_nulls_first_and_drops_duplicates():
    rows = [
        {"plan": "p", "platform": "b", "district": None, "quote": "q"},
        {"plan": "p", "platform": "a", "district": "x", "quote": None, "extra": 1},
        {"plan": "p", "platform": "b", "district": None, "quote": "q"},
        {"plan": "p", "platform": None, "district": "y", "quote": "q"},
    ]
    nothing = {"path": None, "line": None}
    assert finish_rows("platforms-for-cluster", rows) == [
        {"plan": "p", "platform": None, "district": "y", **nothing, "quote": "q"},
        {"plan": "p", "platform": "a", "district": "x", **nothing, "quote": None},
        {"plan": "p", "platform": "b", "district": None, **nothing, "quote": "q"},
    ]


def test_unknown_query_lists_the_known_ones(tiny_graph):
    with pytest.raises(
        ValueError,
        match=r"unknown query 'nope'; known: binding-indicators, clusters-in-district, concept-matrix",
    ):
        run_query("nope", {}, tiny_graph)


def test_missing_parameter_says_what_is_needed(tiny_graph):
    with pytest.raises(
        ValueError, match=r"missing 'cluster'; needs platforms-for-cluster\(cluster: str, plan: str\?\)"
    ):
        run_query("platforms-for-cluster", {}, tiny_graph)


def test_unknown_parameter_is_refused(tiny_graph):
    with pytest.raises(
        ValueError, match=r"takes no parameter 'year'; needs binding-indicators\(plan: str\?\)"
    ):
        run_query("binding-indicators", {"year": 2030}, tiny_graph)


@pytest.mark.parametrize("bad", ["二〇三〇", "2030.5", 2030.0, True, None])
def test_ill_typed_year_is_refused(tiny_graph, bad):
    with pytest.raises(ValueError, match=r"parameter 'year' must be int"):
        run_query("targets-for-year", {"year": bad}, tiny_graph)


def test_ill_typed_name_is_refused(tiny_graph):
    with pytest.raises(ValueError, match=r"parameter 'platform' must be str, got 42"):
        validate_params("platform-profile", {"platform": 42})


CALLS = [
    ("platforms-for-cluster", {"cluster": "集成电路"}),
    ("clusters-in-district", {"district": "滨江区"}),
    ("targets-for-year", {"year": 2030}),
    ("binding-indicators", {}),
    ("platform-profile", {"platform": "滨江物联网小镇"}),
    ("plans-for-concept", {"concept": "集成电路"}),
]


@pytest.mark.parametrize(("name", "params"), CALLS, ids=[c[0] for c in CALLS])
def test_every_query_takes_a_plan_filter(tiny_graph, name, params):
    with_concept(tiny_graph)
    rows = run_query(name, params, tiny_graph)
    assert rows and {row["plan"] for row in rows} == {P}
    assert run_query(name, {**params, "plan": P}, tiny_graph) == rows
    assert run_query(name, {**params, "plan": "other-plan"}, tiny_graph) == []
    assert run_query(name, {**params, "plan": None}, tiny_graph) == rows


def test_numbers_written_as_text_sort_as_numbers(tiny_graph):
    from tests.queries.numbers import NUMBERS_IN_ORDER, with_numbered_indicators

    rows = run_query("binding-indicators", {}, with_numbered_indicators(tiny_graph))
    assert [(row["table"], row["number"]) for row in rows] == NUMBERS_IN_ORDER
    baselines = [row["baseline"] for row in finish_rows("binding-indicators", [{"baseline": b} for b in
                 ("100", None, "65.7", "约100", "-3", "5")])]  # fmt: skip
    assert baselines == [None, "-3", "5", "65.7", "100", "约100"]


def test_binding_indicators_say_which_table_they_come_from_on_nanjing():
    """Nanjing's outline has its main indicator table and the review of the 14th plan's indicators;
    the rows say which is which, main first, each by number (5 before 17: numbers, not text)."""
    from tests.fixtures.real_plans import nanjing_graph

    rows = run_query("binding-indicators", {}, nanjing_graph())
    tables = [row["table"] for row in rows]
    assert tables == sorted(tables) and tables.count("main") == 9 and tables.count("previous_plan") == 10
    previous = [row["number"] for row in rows if row["table"] == "previous_plan"]
    assert previous == ["5", "17", "18", "19", "20", "21", "22", "23", "24", "25"]
    assert all(row["plan"] == "320100-15" and row["quote"] and row["line"] for row in rows)
    review = next(row for row in rows if row["number"] == "5")
    assert (review["name"], review["target"], review["path"]) == (
        "劳动年龄人口平均受教育年限",
        "13.2",
        "第一篇/第一章/专栏1",
    )
