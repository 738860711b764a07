"""What people type -> what the graph stores: names, concepts and plans (kg.queries.resolve)."""

from __future__ import annotations

import pytest

from kg.queries.resolve import lookup_types, resolve_concept, resolve_params, resolve_plan
from kg.trace import AmbiguousName, UnknownName
from tests.queries.two_plans import GUANGZHOU_ID, HANGZHOU_ID, two_plan_graph


@pytest.mark.parametrize(
    ("text", "plan"),
    [(HANGZHOU_ID, HANGZHOU_ID), ("杭州", HANGZHOU_ID), ("杭州市", HANGZHOU_ID), ("440100", GUANGZHOU_ID),
     ("广州市国民经济和社会发展第十五个五年规划纲要", GUANGZHOU_ID)],
)  # fmt: skip
def test_a_plan_by_its_id_place_alias_code_or_title(text, plan):
    assert resolve_plan(two_plan_graph(), text) == plan


def test_a_plan_not_in_the_graph_lists_the_graphs_plans():
    with pytest.raises(UnknownName, match="no plan of the graph is '南京'") as err:
        resolve_plan(two_plan_graph(), "南京")
    assert sorted(c.id for c in err.value.suggestions) == [HANGZHOU_ID, GUANGZHOU_ID]
    with pytest.raises(AmbiguousName):
        resolve_plan(two_plan_graph(), "州")  # 杭州 and 广州


@pytest.mark.parametrize(
    ("text", "label"), [("集成电路", "集成电路"), ("芯片", "集成电路"), ("AI", "人工智能")]
)
def test_a_concept_by_its_label_or_an_alternative_label(text, label):
    assert resolve_concept(two_plan_graph(), text) == label


def test_a_cluster_name_is_a_concept_only_where_the_matrix_makes_it_one(tiny_graph):
    """The tiny graph's cluster carries no concept: the matrix shows it under its own name."""
    with pytest.raises(UnknownName, match="no industry concept of the graph's clusters is called '集成电路'"):
        resolve_concept(tiny_graph, "集成电路")
    assert resolve_concept(tiny_graph, "集成电路", with_cluster_names=True) == "集成电路"


def test_params_are_resolved_by_what_the_catalog_says_they_name(tiny_graph):
    params = {"cluster": "集成", "plan": "小城市"}
    assert resolve_params(tiny_graph, "platforms-for-cluster", params) == {
        "cluster": "集成电路",
        "plan": "tiny-plan",
    }
    assert resolve_params(tiny_graph, "targets-for-year", {"year": 2030, "plan": None}) == {
        "year": 2030,
        "plan": None,
    }
    assert lookup_types("platforms-for-cluster", params) == {"IndustryCluster", "Plan", "District"}
    assert lookup_types("binding-indicators", {"plan": None}) == set()
