"""Units of measure that Chinese plans attach to targets, as one regular expression.

A unit is an optional magnitude prefix (``万``, ``亿``, ``千万`` ...) plus a base unit, optionally a ratio
(``平方米/万元``, ``万元/人``). The base list is a reference table of measure words and SI/industry units
common to statistical and planning documents, not a list taken from one plan.

>>> UNIT.fullmatch("万亿元") is not None, UNIT.fullmatch("平方米/万元") is not None
(True, True)
>>> UNIT.fullmatch("大") is None, UNIT.fullmatch("万立方米/日") is not None, UNIT.fullmatch("日") is None
(True, True, True)
"""

from __future__ import annotations

import re

# Measure words (counts of things).
CLASSIFIERS = (
    "个", "家", "项", "件", "场", "次", "所", "座", "条", "套", "台", "辆", "张", "名", "户", "艘", "架",
    "处", "栋", "间", "支", "只", "颗", "种", "款", "部", "篇", "批", "片", "类", "床", "位",
    "幢", "段", "村", "校",
)  # fmt: skip
# Physical, money and rate units; longest first is ensured below.
MEASURES = (
    "元", "美元", "欧元", "人民币", "人", "人次", "架次", "班次", "车次", "标箱", "TEU",
    "公里", "千米", "米", "平方米", "平方公里", "立方米", "亩", "公顷", "吨", "吨标煤", "吨标准煤",
    "千瓦", "瓦", "千瓦时", "度", "斤", "公斤", "千克", "克", "微克/立方米", "岁", "年", "天", "小时",
    "分钟", "%", "‰", "百分点", "个百分点", "倍", "EFLOPS", "PFLOPS", "TFLOPS", "GW", "MW", "kW", "kV",
    "GB", "TB", "PB", "Gbps", "Mbps",
)  # fmt: skip

MAGNITUDE_PREFIX = r"(?:[十百千]?万亿|[十百千]?亿|[十百千]?万|千)?"
_BASE = "|".join(re.escape(u) for u in sorted(set(CLASSIFIERS + MEASURES), key=len, reverse=True))
# ``个百分点`` and ``%`` take no magnitude prefix; others may.
# per unit of time or of people, only after a slash: 万立方米/日, 元/月
PER = ("日", "月", "年", "天", "人", "户", "万人")
_PER = "|".join(re.escape(u) for u in sorted(set(PER + CLASSIFIERS + MEASURES), key=len, reverse=True))
UNIT_PATTERN = rf"(?:{MAGNITUDE_PREFIX}(?:{_BASE})(?:/(?:{MAGNITUDE_PREFIX}(?:{_PER})))?)"
UNIT = re.compile(UNIT_PATTERN)
