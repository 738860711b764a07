"""Hypothesis strategies for hostile plan texts: structure-like lines, broken tables, cut plans."""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st

from kg.loaders.readers.decode import read_plan_text
from kg.pipeline import bundled_plan_path

CN_NUMBERS = st.sampled_from(
    ["一", "二", "三", "十", "十五", "二十一", "两", "零", "百", "1", "12", "", "九十九万"]
)
SHORT_TEXT = st.text(
    alphabet=st.sampled_from(list("发展产业集群平台到年达亿元万人%，。；：（）“”|*-— 0123456789.\t杭州区县")),
    max_size=30,
)
ANY_TEXT = st.text(max_size=40)


@cache
def bundled_lines() -> tuple[str, ...]:
    """The bundled plan as lines (read once)."""
    return tuple(read_plan_text(bundled_plan_path()).split("\n"))


def _join(parts: list[str]) -> str:
    return "".join(parts)


heading_line = st.builds(
    lambda pre, num, kind, title: f"{pre}第{num}{kind}{title}",
    st.sampled_from(["", " ", "　", "|", "**"]),
    CN_NUMBERS,
    st.sampled_from(["篇", "章", "节", " 章", "篇 "]),
    SHORT_TEXT,
)
box_line = st.builds(
    lambda pre, num, title: f"{pre}专栏{num}{title}",
    st.sampled_from(["", " ", "| ", "重大", "重点"]),
    st.sampled_from(["", " ", "1", "7", "十", "99", " 3 ", "０"]),
    SHORT_TEXT,
)
item_line = st.builds(
    lambda mark, text: f"{mark}{text}",
    st.sampled_from(["1.", "2、", "（一）", "(3)", "一、", "**1.", "12．", "（十）"]),
    SHORT_TEXT,
)
pipe_row = st.lists(SHORT_TEXT, min_size=0, max_size=8).map(lambda cells: "|" + "|".join(cells) + "|")
pipe_rule = st.integers(min_value=0, max_value=8).map(lambda n: "|" + "|".join(["---"] * n) + "|")
spaced_row = st.lists(SHORT_TEXT.filter(lambda s: s.strip()), min_size=1, max_size=6).map("    ".join)
toc_line = st.builds(lambda t, p: f"{t}{'.' * 6}{p}", SHORT_TEXT, st.integers(0, 999))
structure_line = st.one_of(
    heading_line,
    box_line,
    item_line,
    pipe_row,
    pipe_rule,
    spaced_row,
    toc_line,
    SHORT_TEXT,
    ANY_TEXT,
    st.sampled_from(["目录", "目 录", "", "— 12 —", "注：1. 带*为约束性指标", "重点专栏目录"]),
)
structured_text = st.lists(structure_line, min_size=1, max_size=60).map("\n".join)


@st.composite
def mutated_plan(draw) -> str:
    """The bundled plan cut at a random point, with some lines shuffled, duplicated or dropped."""
    lines = list(bundled_lines())
    start = draw(st.integers(0, len(lines) - 1))
    end = draw(st.integers(start + 1, len(lines)))
    window = lines[start:end]
    for _ in range(draw(st.integers(0, 6))):
        if not window:
            break
        i = draw(st.integers(0, len(window) - 1))
        op = draw(st.sampled_from(["dup", "drop", "swap", "insert", "cut"]))
        if op == "dup":
            window.insert(i, window[i])
        elif op == "drop":
            del window[i]
        elif op == "swap":
            j = draw(st.integers(0, len(window) - 1))
            window[i], window[j] = window[j], window[i]
        elif op == "insert":
            window.insert(i, draw(structure_line))
        else:
            cut = draw(st.integers(0, len(window[i])))
            window[i] = window[i][:cut]
    return "\n".join(window)
