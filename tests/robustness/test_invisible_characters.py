"""A BOM or a zero-width character before a heading does not demote it to a paragraph: the bundled plan
re-laid with such characters before every heading gives the same facts, the quotes keep the characters
(they are exact substrings of the input), and an ``invisible-characters`` problem says so.

Issue 17, "Crashes instead of one line" (docs/robustness.md). Every layout rule reads the text with
these characters as spaces (``lexicon.patterns.visible``, used once by ``layouts/structure.py``).
"""

from __future__ import annotations

import pytest

from kg.loaders.lexicon.patterns import ALT_CHAPTER, ALT_SECTION, APPENDIX, BOX, HEADING
from kg.pipeline import build_graph_from_texts, bundled_plan_path
from tests.facts import clusters, indicators, located_in, structure_counts, supports, targets

PLAN_ID = "hz"
MARKS = {
    "bom": "\ufeff",
    "zero-width-space": "\u200b",
    "zero-width-non-joiner": "\u200c",
    "zero-width-joiner": "\u200d",
    "word-joiner": "\u2060",
    "several": "\ufeff\u200b \u2060",
}
HEADED = (HEADING, BOX, APPENDIX, ALT_CHAPTER, ALT_SECTION)


def plan_text() -> str:
    with open(bundled_plan_path(), encoding="utf-8") as handle:
        return handle.read()


def before_every_heading(text: str, mark: str) -> tuple[str, int]:
    """``mark`` put before every line that a heading, box or appendix pattern matches; and how many."""
    lines = text.split("\n")
    marked = 0
    for i, line in enumerate(lines):
        if any(p.match(line.strip()) for p in HEADED):
            lines[i] = mark + line
            marked += 1
    return "\n".join(lines), marked


def build(text: str):
    return build_graph_from_texts([(PLAN_ID, text)])[0]


def headings(graph) -> set[tuple]:
    kinds = ("Part", "Chapter", "Section", "Box", "Appendix")
    return {(n, a["type"], a["name"]) for n, a in graph.nodes(data=True) if a["type"] in kinds}


@pytest.fixture(scope="module")
def original():
    return build(plan_text())


@pytest.mark.parametrize("mark", sorted(MARKS))
def test_invisible_characters_before_every_heading_change_no_fact(mark, original):
    text, marked = before_every_heading(plan_text(), MARKS[mark])
    assert marked > 100
    graph = build(text)
    assert structure_counts(graph) == structure_counts(original)
    assert headings(graph) == headings(original)
    assert clusters(graph) == clusters(original)
    assert indicators(graph) == indicators(original)
    assert supports(graph) == supports(original)
    assert located_in(graph) == located_in(original)
    assert targets(graph) == targets(original)
    for _, attrs in graph.nodes(data=True):
        quote = (attrs.get("source") or {}).get("quote")
        assert quote is None or quote in text
    (problem,) = [p for p in graph.graph["problems"] if p["code"] == "invisible-characters"]
    assert f"on {marked} lines" in problem["message"] and problem["level"] == "warning"
    assert "U+" in problem["message"] and problem["line"] >= 1
    assert not [p for p in original.graph["problems"] if p["code"] == "invisible-characters"]


def test_a_heading_after_a_bom_is_a_heading_and_its_quote_exact():
    text = "测试规划纲要\n\n\ufeff第一章 总则\n\n\u200b第一节 目标\n\n到2030年，建成数据集300个。\n"
    graph = build(text)
    kinds = {a["type"]: a for _, a in graph.nodes(data=True)}
    assert kinds["Chapter"]["name"] == "第一章 总则" and kinds["Section"]["name"] == "第一节 目标"
    assert kinds["Chapter"]["source"]["quote"] in text
    assert "Paragraph" in kinds and "第一章" not in kinds["Paragraph"]["name"]
    (problem,) = graph.graph["problems"]
    assert problem["code"] == "invisible-characters" and problem["line"] == 3
    assert "U+FEFF ZERO WIDTH NO-BREAK SPACE x1" in problem["message"]
    assert "U+200B ZERO WIDTH SPACE x1" in problem["message"] and "on 2 lines (3, 5)" in problem["message"]
