# ruff: noqa: E501
"""kg.trace on the tiny graph: lookup by name, alias and substring; ambiguity; suggestions."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.exports.json import write_json
from kg.graph_io import read_graph_json
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


# --- terminal output is data (issue 17) -----------------------------------------------------------

HOSTILE = "[bold]完善[/]标识\x1b]0;PWNED\x07\x1b[31m红\x9b2J\u202e倒\u2028行\n二"
# What may reach a terminal from `kg trace`: no C0 but newline, no DEL, no C1, no bidi or line separators.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_graph_file(tiny_graph, tmp_path):
    node = tiny_graph.nodes["district:杭州市滨江区"]
    node["name"] = f"滨江区{HOSTILE}"
    node["aliases"] = ["滨江", f"别名{HOSTILE}"]
    node["level"] = f"district{HOSTILE}"
    node["note"] = {"k": HOSTILE}
    node["source"] = {
        "planId": "tiny-plan",
        "path": f"第一章{HOSTILE}",
        "lineStart": 3,
        "lineEnd": 3,
        "quote": HOSTILE,
    }
    (path,) = write_json(tiny_graph, tmp_path / "graph.json")
    return path


def test_trace_header_shows_markup_literally_and_escapes_controls(hostile_graph_file):
    result = CliRunner().invoke(main, ["trace", "滨江", "--graph", str(hostile_graph_file)])
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.output)
    header = result.stdout.split("\n\n")[0].split("\n")
    shown = "[bold]完善[/]标识\\x1b]0;PWNED\\x07\\x1b[31m红\\x9b2J\\u202e倒\\u2028行\\x0a二"
    assert header == [
        f"滨江区{shown}  [District]  district:杭州市滨江区",
        f"aliases: 滨江, 别名{shown}",
        f"level: district{shown}",
        'note: {"k": "[bold]完善[/]标识\\u001b]0;PWNED\\u0007\\u001b[31m红\\x9b2J\\u202e倒\\u2028行\\n二"}',
        f"source: tiny-plan 第一章{shown} L3  「{shown}」",
    ]


def test_trace_json_is_exact_and_escapes_what_a_terminal_acts_on(hostile_graph_file, tiny_graph):
    result = CliRunner().invoke(
        main, ["trace", "滨江", "--graph", str(hostile_graph_file), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.output)
    data = json.loads(result.stdout)
    assert data["name"] == f"滨江区{HOSTILE}" and data["where"]["quote"] == HOSTILE
    assert data == json.loads(json.dumps(trace(read_graph_json(hostile_graph_file), "滨江").as_dict()))


def test_candidates_of_an_ambiguous_name_are_one_line_each(tiny_graph, tmp_path):
    for node in ("district:杭州市滨江区", "district:杭州市"):
        tiny_graph.nodes[node]["aliases"] = [f"同名\n{HOSTILE}"]
    (path,) = write_json(tiny_graph, tmp_path / "graph.json")
    result = CliRunner().invoke(main, ["trace", f"同名\n{HOSTILE}", "--graph", str(path)])
    assert result.exit_code == 1
    assert not RAW_CONTROL.search(result.output)
    lines = [line for line in result.stderr.strip().split("\n") if not line.startswith("Graph: ")]
    assert lines[0].startswith("Error: ") and "matches several entities" in lines[0]
    assert [line.split("  ")[-1] for line in lines[1:]] == ["district:杭州市", "district:杭州市滨江区"]
