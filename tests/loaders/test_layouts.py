"""The same plan laid out as other PDF converters do it: lines broken every few dozen characters and
page footers (— 13 —) between pages. The structure and the facts must not change."""

import re
from collections import Counter

import pytest

from kg.loaders.readers.decode import read_plan_text
from kg.pipeline import build_graph_from_texts
from tests.plans import HANGZHOU, built

WIDTH = 33
PAGE_LINES = 45


def pdf_layout(text: str) -> str:
    """Break running-text lines every WIDTH characters; a footer after every PAGE_LINES lines."""
    out, page = [], 1
    for line in text.split("\n"):
        keep = len(line) <= WIDTH or re.match(r"^\s*(第.{1,4}[篇章节]|专栏|\|)", line)
        for piece in [line] if keep else [line[i : i + WIDTH] for i in range(0, len(line), WIDTH)]:
            out.append(piece)
            if len(out) % PAGE_LINES == 0:
                out += ["", f"— {page} —", ""]
                page += 1
    return "\n".join(out)


@pytest.fixture(scope="module")
def both():
    graph, _ = build_graph_from_texts(
        [("hangzhou-15th-five-year-plan-outline", pdf_layout(read_plan_text(HANGZHOU)))]
    )
    return built(HANGZHOU), graph


def names(graph, kind):
    return Counter(a["name"] for _, a in graph.nodes(data=True) if a["type"] == kind)


def test_structure_survives_line_breaks_and_footers(both):
    original, relaid = both
    for kind in ("Part", "Chapter", "Section", "Box", "Goal", "IndustryCluster", "Platform", "Indicator"):
        assert names(relaid, kind) == names(original, kind), kind


def test_no_footer_and_no_line_break_reaches_the_text(both):
    _, relaid = both
    for _, attrs in relaid.nodes(data=True):
        if attrs["type"] in ("Measure", "Paragraph"):
            assert not re.search(r"—\s*\d+\s*—", attrs["text"]), attrs["text"]
            assert "\n" not in attrs["text"]


def test_targets_survive(both):
    original, relaid = both

    def targets(graph):
        return {
            (a["value"], a.get("unit"), a.get("year"))
            for _, a in graph.nodes(data=True)
            if a["type"] == "Target"
        }

    assert len(targets(original) - targets(relaid)) <= 2
