"""The built graph of the real plans: provenance is exact and nothing of the text is lost."""

from collections import Counter

import pytest

from kg.exports.json import generate_json
from kg.loaders.readers.decode import read_plan_text
from kg.pipeline import build_graph_from_paths
from tests.plans import HANGZHOU, NANJING, built, parsed

HEADINGS = {"Part", "Chapter", "Section", "Box"}


def own_lines(attrs) -> range:
    """Lines whose text a node carries: a heading's own lines, or a text node's whole span."""
    src = attrs["source"]
    if attrs["type"] in HEADINGS:
        return range(src["lineStart"], src["lineStart"] + src["quote"].count("\n") + 1)
    return range(src["lineStart"], src["lineEnd"] + 1)


@pytest.mark.parametrize("path", [HANGZHOU, NANJING], ids=["hangzhou", "nanjing"])
def test_every_quote_is_an_exact_substring_at_its_lines(path):
    graph = built(path)
    lines = read_plan_text(path).split("\n")
    items = [a["source"] for _, a in graph.nodes(data=True) if "source" in a]
    items += [a["provenance"] for *_, a in graph.edges(data=True) if "provenance" in a]
    assert len(items) > 500
    for src in items:
        span = "\n".join(lines[src["lineStart"] - 1 : src["lineEnd"]])
        assert src["quote"] and src["quote"] in span, src


@pytest.mark.parametrize("path", [HANGZHOU, NANJING], ids=["hangzhou", "nanjing"])
def test_every_non_blank_body_line_is_carried_by_some_node(path):
    graph = built(path)
    plan = parsed(path)
    covered = set()
    for _, attrs in graph.nodes(data=True):
        if "source" in attrs:
            covered.update(own_lines(attrs))
    missing = [(n, line) for n, line in enumerate(plan.lines, start=1) if line.strip() and n not in covered]
    assert missing == []


def test_bundled_plan_counts_in_the_graph():
    graph = built(HANGZHOU)
    counts = Counter(a["type"] for _, a in graph.nodes(data=True))
    assert (counts["Part"], counts["Chapter"], counts["Section"], counts["Box"]) == (17, 61, 166, 34)
    # every structure node hangs by PART_OF from the plan
    for node, attrs in graph.nodes(data=True):
        if attrs["type"] in ("Part", "Chapter", "Section", "Box"):
            parents = [v for _, v, k in graph.out_edges(node, keys=True) if k == "PART_OF"]
            assert len(parents) == 1, node


def test_two_builds_are_identical_byte_for_byte():
    one = generate_json(build_graph_from_paths([HANGZHOU]))
    two = generate_json(build_graph_from_paths([HANGZHOU]))
    assert one == two


def test_two_plans_build_into_one_graph():
    graph = build_graph_from_paths([HANGZHOU, NANJING])
    assert graph.graph["plans"] == [
        "330100-15",
        "320100-15",
    ]
    plans = sorted(a["name"] for _, a in graph.nodes(data=True) if a["type"] == "Plan")
    assert plans == [
        "南京市国民经济和社会发展第十五个五年规划纲要",
        "杭州市国民经济和社会发展的第十五个五年规划纲要",
    ]


PROVINCE_PLAN = """浙江省国民经济和社会发展第十五个五年规划纲要

第一章 发展目标

到2030年，全省生产总值突破11万亿元，研发经费支出占比达到3.6%。

第二章 打造先进制造业基地

支持杭州、宁波、温州建设集成电路产业集群，推进宁波前湾新区、杭州城西科创大走廊建设。
"""


def test_a_provincial_plan_names_cities_and_locates_platforms_in_them():
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("zhejiang", PROVINCE_PLAN)])
    located = {
        graph.nodes[u]["name"]: graph.nodes[v]["name"]
        for u, v, k in graph.edges(keys=True)
        if k == "LOCATED_IN" and graph.nodes[u]["type"] == "Platform"
    }
    assert located == {"宁波前湾新区": "宁波市", "杭州城西科创大走廊": "杭州市"}
    places = {a["name"]: a["level"] for _, a in graph.nodes(data=True) if a["type"] == "District"}
    assert places == {
        "杭州市": "sub-provincial city",
        "宁波市": "sub-provincial city",
        "温州市": "prefecture-level city",
        "浙江省": "province",
    }
    chain = {
        (graph.nodes[u]["name"], graph.nodes[v]["name"])
        for u, v, k in graph.edges(keys=True)
        if k == "LOCATED_IN" and graph.nodes[u]["type"] == "District"
    }
    assert chain == {("杭州市", "浙江省"), ("宁波市", "浙江省"), ("温州市", "浙江省")}
    targets = {(a["value"], a["unit"], a["year"]) for _, a in graph.nodes(data=True) if a["type"] == "Target"}
    assert targets == {("11", "万亿元", 2030), ("3.6", "%", 2030)}
