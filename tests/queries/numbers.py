"""Binding indicators whose numbers and values are numbers written as text, added to the tiny graph:
as text they sort 10 < 2 < 9 and 100 < 65.7; as numbers 2 < 9 < 10 and 65.7 < 100."""

from __future__ import annotations

from tests.fixtures.tiny import PLAN_ID


def with_numbered_indicators(graph):
    for number, baseline, target in (("10", "100", "12.5"), ("9", "65.7", "约100"), ("2.0", "5", "-3")):
        node = f"{PLAN_ID}/indicator/n{number}"
        quote = f"| {number} | 指标{number} | {baseline} | {target} | 约束性 |"
        graph.add_node(
            node,
            type="Indicator",
            name=f"指标{number}",
            number=number,
            unit="%",
            baseline=baseline,
            target=target,
            binding=True,
            kind="main",
            source={"planId": PLAN_ID, "path": "第一篇/第一章/主要指标", "lineStart": 30,
                    "lineEnd": 30, "quote": quote},
        )  # fmt: skip
    return graph


NUMBERS_IN_ORDER = ["2", "2.0", "9", "10"]  # the tiny graph's own binding indicator is number 2
