"""Header words of the genre's tables: the columns of an indicator table (类别, 序号, 指标, 单位, a base
year, 目标, 年均/累计, 属性, 完成情况) and the tiers of a cluster scheme (``9个千亿级特色产业集群``)."""

from __future__ import annotations

import re

ATTRIBUTES = ("预期性", "约束性")
DASHES = {"", "—", "——", "-", "－", "/", "一"}
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")  # a year in a header or cell: 2025年
# a count of rows after a category name: 经济发展（7项）
COUNT_NOTE = re.compile(r"[(（]\s*\d+\s*项\s*[)）]$")
_TIER = re.compile(r"^(?P<count>\d+|[一二两三四五六七八九十]+)\s*个(?P<rest>.+)$")
_LEVEL = re.compile(r"^(.+?级)")


def column_roles(header: list[str]) -> dict[str, int]:
    """Column index of each role, by header words.

    >>> column_roles(["类别", "指标", "单位", "2025年完成值", "2030年目标值", "属性"])
    {'category': 0, 'name': 1, 'unit': 2, 'baseline': 3, 'target': 4, 'attribute': 5}
    """
    roles: dict[str, int] = {}
    for j, text in enumerate(header):
        role = None
        if "完成情况" in text or "实际完成" in text:
            role = "actual"
        elif "属性" in text:
            role = "attribute"
        elif "序号" in text or "编号" in text:
            role = "number"
        elif "类别" in text or "分类" in text:
            role = "category"
        elif text in ("单位", "计量单位"):
            role = "unit"
        elif "年均" in text or "累计" in text:
            role = "annual"
        elif "目标" in text:
            role = "target"
        elif "指标" in text:
            role = "name"
        elif YEAR.search(text) or "基期" in text or "现状" in text:
            # two bare year columns (2020年, 2025年): the first is the baseline, the second the target
            role = "target" if "baseline" in roles and "target" not in roles else "baseline"
        if role and role not in roles:
            roles[role] = j
    return roles


def tier_of(cell: str) -> str | None:
    """``9个千亿级特色产业集群`` -> ``千亿级``; ``6 个未来产业`` -> ``未来产业``; anything else -> None."""
    match = _TIER.match(re.sub(r"\s+", "", cell))
    if not match:
        return None
    rest = match.group("rest")
    level = _LEVEL.match(rest)
    if level:
        return level.group(1)
    return re.sub(r"(产业)?集群$", "", rest) or rest
