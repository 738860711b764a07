# ruff: noqa: E501
"""The rows every backend must give on the tiny graph (tests/fixtures/tiny.py), written out by hand.

The SUPPORTS/LOCATED_IN edges of the tiny graph quote only 滨江物联网小镇 (line 10); the measure that
mentions 滨江物联网小镇 covers line 10 and quotes it, so rows about that platform give the measure.
"""

QUOTE = "滨江物联网小镇"
MEASURE = "集成电路。支持滨江物联网小镇建设<芯片>平台。"
BOX_ITEM = "第一篇/第一章/第一节/专栏1/1"
P = "tiny-plan"
STATEMENT = {"path": BOX_ITEM, "line": 10, "quote": MEASURE}
EDGE = {"path": BOX_ITEM, "line": 10, "quote": QUOTE}
NOWHERE = {"path": None, "line": None, "quote": None}

EXPECTED = {
    ("platforms-for-cluster", "集成电路"): [
        {"plan": P, "platform": "滨江物联网小镇", "district": "滨江区", **STATEMENT},
        {"plan": P, "platform": "钱塘芯谷", "district": "钱塘区", **EDGE},
    ],
    ("clusters-in-district", "滨江区"): [
        {"plan": P, "cluster": "集成电路", "tier": "千亿级", "via": "滨江物联网小镇", **STATEMENT}
    ],
    ("targets-for-year", 2030): [
        {"plan": P, "subject": "集成电路产业营业收入", "value": "1000", "unit": "亿元", "comparator": ">",
         "path": BOX_ITEM, "line": 11, "quote": "到2030年，集成电路产业营业收入超1000亿元"}
    ],
    ("binding-indicators",): [
        {"plan": P, "table": "main", "number": "2", "name": "森林覆盖率", "unit": "%", "baseline": "65.7", "target": ">65",
         "path": "第一篇/第一章/主要指标/2", "line": 22, "quote": "| 2 | 森林覆盖率(%) | 65.7 | >65 | — | 约束性 |"}
    ],
    ("platform-profile", "滨江物联网小镇"): [
        {"plan": P, "relation": "LOCATED_IN", "direction": "out", "otherType": "District", "other": "滨江区", **STATEMENT},
        {"plan": P, "relation": "MENTIONS", "direction": "in", "otherType": "Measure", "other": MEASURE, **STATEMENT},
        {"plan": P, "relation": "SUPPORTS", "direction": "out", "otherType": "IndustryCluster", "other": "集成电路", **STATEMENT},
    ],
    ("platform-profile", "钱塘芯谷"): [
        {"plan": P, "relation": "LOCATED_IN", "direction": "out", "otherType": "District", "other": "钱塘区", **EDGE},
        {"plan": P, "relation": "SUPPORTS", "direction": "out", "otherType": "IndustryCluster", "other": "集成电路", **EDGE},
    ],
    ("plans-for-concept", "集成电路"): [  # after tests.queries.two_plans.with_concept
        {"plan": P, "cluster": "集成电路", "platform": "滨江物联网小镇", "district": "滨江区", **STATEMENT},
        {"plan": P, "cluster": "集成电路", "platform": "钱塘芯谷", "district": "钱塘区", **EDGE},
    ],
}  # fmt: skip
