# ruff: noqa: E501
"""The in-memory named queries on the tiny graph: exact rows, written out by hand."""

from __future__ import annotations

import pytest

from kg.queries.catalog import QUERIES, finish_rows, get_query, validate_params
from kg.queries.memory import QUERY_FUNCTIONS, run_query
from tests.queries.two_plans import with_concept

QUOTE = "滨江物联网小镇"
MEASURE = "集成电路。支持滨江物联网小镇建设<芯片>平台。"


def test_every_catalog_query_runs_in_memory():
    assert set(QUERY_FUNCTIONS) == set(QUERIES)


def test_platforms_for_cluster(tiny_graph):
    assert run_query("platforms-for-cluster", {"cluster": "集成电路"}, tiny_graph) == [
        {"platform": "滨江物联网小镇", "district": "滨江区", "quote": QUOTE},
        {"platform": "钱塘芯谷", "district": "钱塘区", "quote": QUOTE},
    ]


def test_platform_without_district_gives_null_district(tiny_graph):
    tiny_graph.remove_edge("platform:钱塘芯谷", "district:杭州市钱塘区", key="LOCATED_IN")
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, tiny_graph)
    assert rows[1] == {"platform": "钱塘芯谷", "district": None, "quote": QUOTE}


def test_platforms_for_unknown_cluster_is_empty(tiny_graph):
    assert run_query("platforms-for-cluster", {"cluster": "集成"}, tiny_graph) == []


def test_clusters_in_district(tiny_graph):
    assert run_query("clusters-in-district", {"district": "滨江区"}, tiny_graph) == [
        {"cluster": "集成电路", "tier": "千亿级", "via": "滨江物联网小镇"}
    ]
    assert run_query("clusters-in-district", {"district": "杭州市"}, tiny_graph) == []


def test_clusters_supported_by_the_district_itself(tiny_graph):
    tiny_graph.add_edge("district:杭州市钱塘区", "cluster:集成电路", key="SUPPORTS", type="SUPPORTS")
    assert run_query("clusters-in-district", {"district": "钱塘区"}, tiny_graph) == [
        {"cluster": "集成电路", "tier": "千亿级", "via": "钱塘区"},
        {"cluster": "集成电路", "tier": "千亿级", "via": "钱塘芯谷"},
    ]


def test_targets_for_year(tiny_graph):
    assert run_query("targets-for-year", {"year": 2030}, tiny_graph) == [
        {
            "subject": "集成电路产业营业收入",
            "value": "1000",
            "unit": "亿元",
            "comparator": ">",
            "path": "第一篇/第一章/第一节/专栏1/1",
            "quote": "到2030年，集成电路产业营业收入超1000亿元",
        }
    ]
    assert run_query("targets-for-year", {"year": 2035}, tiny_graph) == []


def test_targets_for_year_accepts_the_year_as_text(tiny_graph):
    assert len(run_query("targets-for-year", {"year": "2030"}, tiny_graph)) == 1


def test_binding_indicators(tiny_graph):
    assert run_query("binding-indicators", {}, tiny_graph) == [
        {"number": "2", "name": "森林覆盖率", "unit": "%", "baseline": "65.7", "target": ">65"}
    ]
    assert run_query("binding-indicators", None, tiny_graph) == run_query(
        "binding-indicators", {}, tiny_graph
    )


def test_platform_profile(tiny_graph):
    assert run_query("platform-profile", {"platform": "滨江物联网小镇"}, tiny_graph) == [
        {
            "relation": "LOCATED_IN",
            "direction": "out",
            "otherType": "District",
            "other": "滨江区",
            "quote": QUOTE,
        },
        {"relation": "MENTIONS", "direction": "in", "otherType": "Measure", "other": MEASURE, "quote": QUOTE},
        {
            "relation": "SUPPORTS",
            "direction": "out",
            "otherType": "IndustryCluster",
            "other": "集成电路",
            "quote": QUOTE,
        },
    ]


def test_platform_profile_edge_without_provenance_has_null_quote(tiny_graph):
    tiny_graph.add_edge("platform:钱塘芯谷", "district:杭州市", key="LOCATED_IN", type="LOCATED_IN")
    rows = run_query("platform-profile", {"platform": "钱塘芯谷"}, tiny_graph)
    assert rows == [
        {
            "relation": "LOCATED_IN",
            "direction": "out",
            "otherType": "District",
            "other": "杭州市",
            "quote": None,
        },
        {
            "relation": "LOCATED_IN",
            "direction": "out",
            "otherType": "District",
            "other": "钱塘区",
            "quote": QUOTE,
        },
        {
            "relation": "SUPPORTS",
            "direction": "out",
            "otherType": "IndustryCluster",
            "other": "集成电路",
            "quote": QUOTE,
        },
    ]


def test_plans_for_concept(tiny_graph):
    with_concept(tiny_graph)
    assert run_query("plans-for-concept", {"concept": "集成电路"}, tiny_graph) == [
        {"plan": "tiny-plan", "cluster": "集成电路", "platform": "滨江物联网小镇", "district": "滨江区"},
        {"plan": "tiny-plan", "cluster": "集成电路", "platform": "钱塘芯谷", "district": "钱塘区"},
    ]
    assert run_query("plans-for-concept", {"concept": "新一代信息技术"}, tiny_graph) == []
    assert run_query("plans-for-concept", {"concept": "集成"}, tiny_graph) == []


def test_plans_for_concept_cluster_without_platform_or_district_gives_nulls(tiny_graph):
    with_concept(tiny_graph)
    tiny_graph.remove_edge("platform:钱塘芯谷", "district:杭州市钱塘区", key="LOCATED_IN")
    rows = run_query("plans-for-concept", {"concept": "集成电路"}, tiny_graph)
    assert rows[1] == {"plan": "tiny-plan", "cluster": "集成电路", "platform": "钱塘芯谷", "district": None}
    for platform in ("platform:钱塘芯谷", "platform:滨江物联网小镇"):
        tiny_graph.remove_edge(platform, "cluster:集成电路", key="SUPPORTS")
    assert run_query("plans-for-concept", {"concept": "集成电路"}, tiny_graph) == [
        {"plan": "tiny-plan", "cluster": "集成电路", "platform": None, "district": None}
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
        {"platform": "b", "district": None, "quote": "q"},
        {"platform": "a", "district": "x", "quote": None, "extra": 1},
        {"platform": "b", "district": None, "quote": "q"},
        {"platform": None, "district": "y", "quote": "q"},
    ]
    assert finish_rows("platforms-for-cluster", rows) == [
        {"platform": None, "district": "y", "quote": "q"},
        {"platform": "a", "district": "x", "quote": None},
        {"platform": "b", "district": None, "quote": "q"},
    ]


def test_unknown_query_lists_the_known_ones(tiny_graph):
    with pytest.raises(
        ValueError, match=r"unknown query 'nope'; known: binding-indicators, clusters-in-district"
    ):
        run_query("nope", {}, tiny_graph)


def test_missing_parameter_says_what_is_needed(tiny_graph):
    with pytest.raises(ValueError, match=r"missing 'cluster'; needs platforms-for-cluster\(cluster: str\)"):
        run_query("platforms-for-cluster", {}, tiny_graph)


def test_unknown_parameter_is_refused(tiny_graph):
    with pytest.raises(ValueError, match=r"takes no parameter 'year'; needs binding-indicators\(\)"):
        run_query("binding-indicators", {"year": 2030}, tiny_graph)


@pytest.mark.parametrize("bad", ["二〇三〇", "2030.5", 2030.0, True, None])
def test_ill_typed_year_is_refused(tiny_graph, bad):
    with pytest.raises(ValueError, match=r"parameter 'year' must be int"):
        run_query("targets-for-year", {"year": bad}, tiny_graph)


def test_ill_typed_name_is_refused(tiny_graph):
    with pytest.raises(ValueError, match=r"parameter 'platform' must be str, got 42"):
        validate_params("platform-profile", {"platform": 42})
