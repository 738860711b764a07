"""Binding indicators whose numbers and values are numbers written as text, added to the tiny graph:
as text they sort 10 < 2 < 9 and 100 < 65.7; as numbers 2 < 9 < 10 and 65.7 < 100. Number 2.0 is a
row of the previous plan's review table (kind previous_plan), which sorts after the main table."""

from __future__ import annotations

from tests.fixtures.tiny import PLAN_ID


def with_numbered_indicators(graph):
    for number, baseline, target, kind in (
        ("10", "100", "12.5", "main"),
        ("9", "65.7", "约100", "main"),
        ("2.0", "5", "-3", "previous_plan"),
    ):
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
            kind=kind,
            source={"planId": PLAN_ID, "path": "第一篇/第一章/主要指标", "lineStart": 30,
                    "lineEnd": 30, "quote": quote},
        )  # fmt: skip
    return graph


# (table, number): the tiny graph's own binding indicator is number 2 (no kind given: main)
NUMBERS_IN_ORDER = [("main", "2"), ("main", "9"), ("main", "10"), ("previous_plan", "2.0")]
