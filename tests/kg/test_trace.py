# ruff: noqa: E501
"""kg.trace on the tiny graph: lookup by name, alias and substring; ambiguity; suggestions."""

from __future__ import annotations

import pytest

from kg.trace import (
    ENTITY_TYPES,
    AmbiguousName,
    Candidate,
    Location,
    UnknownName,
    find_entity,
    normalise,
    trace,
)

BOX_ITEM = "第一篇/第一章/第一节/专栏1/1"


def test_normalise_folds_width_case_and_spaces():
    assert normalise(" 杭州高新区（滨江） ") == "杭州高新区(滨江)"
    assert normalise("ＡＢ 12") == "ab12"


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("集成电路", "cluster:集成电路"),  # exact name
        ("滨江", "district:杭州市滨江区"),  # exact alias beats the substring of 滨江物联网小镇
        ("杭州高新区(滨江)", "district:杭州市滨江区"),  # alias, half-width brackets
        ("芯谷", "platform:钱塘芯谷"),  # unique substring
        ("物联网", "platform:滨江物联网小镇"),
        ("浙江 大学", "institution:浙江大学"),
    ],
)
def test_find_entity(tiny_graph, text, node):
    assert find_entity(tiny_graph, text) == node


def test_trace_of_an_alias(tiny_graph):
    result = trace(tiny_graph, "滨江")
    assert (result.id, result.type, result.name) == ("district:杭州市滨江区", "District", "滨江区")
    assert result.aliases == ("滨江", "杭州高新区（滨江）")
    assert result.properties == {"level": "district"}
    assert result.where is None
    assert result.targets == ()
    summary = {key: [f.other_name for f in facts] for key, facts in result.groups().items()}
    assert summary == {
        ("LOCATED_IN", "in"): ["滨江物联网小镇", "滨江大道快速路工程"],
        ("LOCATED_IN", "out"): ["杭州市"],
        ("MENTIONS", "in"): ["集成电路。支持滨江物联网小镇建设<芯片>平台。"],
    }
    city = result.groups()[("LOCATED_IN", "out")][0]
    assert (city.other_id, city.other_type, city.where) == ("district:杭州市", "District", None)


def test_trace_of_a_cluster_has_its_targets_and_quotes(tiny_graph):
    result = trace(tiny_graph, "集成电路")
    assert result.properties == {"tier": "千亿级"}
    assert result.where == Location("tiny-plan", "第一篇/第一章/第一节/专栏1", 10, 10, "集成电路")
    (target,) = result.targets
    assert (target.year, target.comparator, target.value, target.unit, target.subject) == (
        2030, ">", "1000", "亿元", "集成电路产业营业收入",
    )  # fmt: skip
    assert target.where == Location("tiny-plan", BOX_ITEM, 11, 11, "到2030年，集成电路产业营业收入超1000亿元")
    supporters = result.groups()[("SUPPORTS", "in")]
    assert [(f.other_type, f.other_name) for f in supporters] == [
        ("Institution", "浙江大学"),
        ("Platform", "滨江物联网小镇"),
        ("Platform", "钱塘芯谷"),
    ]
    assert all(f.where == Location("tiny-plan", BOX_ITEM, 10, 10, "滨江物联网小镇") for f in supporters)
    assert ("MEASURED_BY", "out") not in result.groups()  # targets are listed apart


def test_trace_as_dict_is_plain_data(tiny_graph):
    data = trace(tiny_graph, "钱塘芯谷").as_dict()
    assert data["facts"][0] == {
        "relation": "LOCATED_IN",
        "direction": "out",
        "other_id": "district:杭州市钱塘区",
        "other_type": "District",
        "other_name": "钱塘区",
        "where": {
            "plan": "tiny-plan",
            "path": BOX_ITEM,
            "line_start": 10,
            "line_end": 10,
            "quote": "滨江物联网小镇",
        },
    }


def test_ambiguous_name_lists_the_candidates(tiny_graph):
    with pytest.raises(AmbiguousName) as caught:
        trace(tiny_graph, "江")
    assert caught.value.candidates == [
        Candidate("district:杭州市滨江区", "District", "滨江区", "滨江区"),
        Candidate("institution:浙江大学", "Institution", "浙江大学", "浙江大学"),
        Candidate("platform:滨江物联网小镇", "Platform", "滨江物联网小镇", "滨江物联网小镇"),
    ]


def test_two_exact_matches_are_ambiguous(tiny_graph):
    tiny_graph.add_node("district:南京市鼓楼区", type="District", name="鼓楼区")
    tiny_graph.add_node("district:福州市鼓楼区", type="District", name="鼓楼区")
    with pytest.raises(AmbiguousName) as caught:
        find_entity(tiny_graph, "鼓楼区")
    assert [c.id for c in caught.value.candidates] == ["district:南京市鼓楼区", "district:福州市鼓楼区"]


def test_unknown_name_suggests_similar_names(tiny_graph):
    with pytest.raises(UnknownName) as caught:
        trace(tiny_graph, "浙大")
    assert caught.value.suggestions == [
        Candidate("institution:浙江大学", "Institution", "浙江大学", "浙江大学")
    ]


@pytest.mark.parametrize("text", ["量子计算", "", "   "])
def test_unknown_name_without_similar_names(tiny_graph, text):
    with pytest.raises(UnknownName) as caught:
        trace(tiny_graph, text)
    assert caught.value.suggestions == []


def test_only_entities_are_traced(tiny_graph):
    with pytest.raises(UnknownName):
        find_entity(tiny_graph, "森林覆盖率")  # an Indicator, not an entity


def test_every_entity_of_the_real_plan_is_traceable_by_its_name():
    from kg.pipeline import build_graph_from_paths

    graph = build_graph_from_paths([])
    entities = [(n, a["name"]) for n, a in graph.nodes(data=True) if a["type"] in ENTITY_TYPES]
    for node, name in entities:
        try:
            assert trace(graph, name).id == node
        except AmbiguousName as err:  # the same name on another entity type
            assert node in [c.id for c in err.candidates]
