"""Splitting clean paragraph text into sentences, and telling commitments from narrative."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.loaders.document.text import MappedText

_END = re.compile(r"[。！？；]+[”’」』]?")

# Verbs that make a sentence a commitment of the plan (what the government will do).
COMMIT_VERBS = (
    "推进",
    "推动",
    "加快",
    "建设",
    "打造",
    "实施",
    "支持",
    "培育",
    "完善",
    "深化",
    "强化",
    "健全",
    "构建",
    "提升",
    "开展",
    "发展",
    "争创",
    "力争",
    "布局",
    "落实",
    "探索",
    "鼓励",
    "优化",
    "促进",
    "加强",
    "扩大",
    "建立",
    "创建",
    "引育",
    "实现",
    "确保",
    "统筹",
    "谋划",
    "提高",
    "保障",
    "聚焦",
    "围绕",
    "培养",
    "引进",
    "深入",
    "全面",
    "持续",
    "大力",
    "积极",
    "稳步",
    "有序",
    "争取",
    "健全",
    "推广",
    "落地",
    "组建",
    "筹建",
)
# Markers of a retrospective sentence (what was achieved), which is not a commitment.
RETROSPECTIVE = ("了", "五年来", "已经", "成功", "获评", "入选", "荣获")
# A five-year period named in a sentence (“十四五”时期); another period than the plan's own is the past.
PERIOD = re.compile(r"[“\"]?(十[一二三四五六七八九]?五)[”\"]?(?:时期|期间)")
PLAN_ORDINAL = re.compile(r"第(十[一二三四五六七八九]?)个五年")


def plan_period(title: str) -> str | None:
    """``…第十五个五年规划纲要`` -> ``十五五`` (the plan's own period), else None.

    >>> plan_period("杭州市国民经济和社会发展第十五个五年规划纲要")
    '十五五'
    """
    m = PLAN_ORDINAL.search(title)
    return f"{m.group(1)}五" if m else None


def split_sentences(text: MappedText) -> Iterator[tuple[int, int]]:
    """Clean-text spans [start, end) of the sentences, end punctuation included."""
    start = 0
    s = text.text
    for m in _END.finditer(s):
        if s[start : m.end()].strip():
            yield start, m.end()
        start = m.end()
    if s[start:].strip():
        yield start, len(s)


def is_retrospective(sentence: str, period: str | None = None) -> bool:
    """A sentence about the past: an aspect marker (了), an achievement word, or another five-year
    period than the plan's own ``period`` (“十四五”时期 in a 十五五 plan)."""
    if any(r in sentence for r in RETROSPECTIVE):
        return True
    return period is not None and any(m.group(1) != period for m in PERIOD.finditer(sentence))


def is_commitment(sentence: str, period: str | None = None) -> bool:
    return any(v in sentence for v in COMMIT_VERBS) and not is_retrospective(sentence, period)
