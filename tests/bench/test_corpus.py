"""The benchmark corpus generator (bench/corpus.py) is deterministic and gives distinct entities."""

from __future__ import annotations

from collections import Counter

from bench.corpus import corpus, rewrite, seed_text, tag, tagged_name
from kg.pipeline import build_graph_from_texts


def _types(texts):
    graph, _ = build_graph_from_texts(texts)
    return Counter(attrs["type"] for _, attrs in graph.nodes(data=True)), graph


def test_tags_and_names():
    assert [tag(1), tag(10), tag(999)] == ["甲甲乙", "甲乙甲", "癸癸癸"]
    assert tagged_name("滨江物联网小镇", "甲甲乙") == "滨江物联网甲甲乙小镇"


def test_rewrite_is_deterministic_and_copy_zero_is_the_seed():
    assert rewrite(seed_text(), 0) == seed_text()
    assert rewrite(seed_text(), 7) == rewrite(seed_text(), 7)
    assert rewrite(seed_text(), 7) != rewrite(seed_text(), 8)
    copy = rewrite(seed_text(), 3)
    assert "滨江物联网甲甲丁小镇" in copy and "滨江物联网小镇" not in copy
    assert "到2030年" in copy  # years stay


def test_ten_plans_have_about_ten_times_the_platforms():
    one, _ = _types(corpus(1))
    ten, graph = _types(corpus(10))
    assert graph.graph["plans"] == [f"bench-plan-{k:03d}" for k in range(10)]
    assert 9.0 * one["Platform"] <= ten["Platform"] <= 10 * one["Platform"]
    assert ten["Measure"] == 10 * one["Measure"]
    assert 9.5 * sum(one.values()) <= sum(ten.values()) <= 10 * sum(one.values())
