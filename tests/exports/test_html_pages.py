"""The analyst pages (matrix.html, indicators.html, the grouped whole-graph page, cluster dossiers):
content checks on the text, and the pages in a real headless Chromium without network."""

from __future__ import annotations

import json
import re

import pytest

from kg.exports.html import generate_html, write_html
from kg.exports.html_clusters import write_cluster_pages
from kg.exports.html_indicators import write_indicators_html
from kg.exports.html_matrix import generate_matrix_html, write_matrix_html
from kg.exports.html_overview import group_id
from kg.exports.registry import FILE_NAMES
from tests.exports.browser import body_data, dump_dom, page_url
from tests.exports.test_plan_facts import two_plans

EVIL = "</script><script>document.body.dataset.pwned=1</script><!--"


@pytest.fixture
def hostile_graph(tiny_graph):
    src = {"planId": "tiny-plan", "path": "第一篇", "lineStart": 30, "lineEnd": 30, "quote": "<b>&\"'"}
    tiny_graph.add_node("platform:evil", type="Platform", name=EVIL, source=src)
    tiny_graph.add_edge("platform:evil", "cluster:集成电路", key="SUPPORTS", type="SUPPORTS", provenance=src)
    tiny_graph.add_edge(
        "platform:evil", "district:杭州市钱塘区", key="LOCATED_IN", type="LOCATED_IN", provenance=src
    )
    return tiny_graph


def test_registered_in_the_default_build():
    assert FILE_NAMES["html-matrix"] == "matrix.html" and FILE_NAMES["html-indicators"] == "indicators.html"


def test_matrix_cells_link_to_their_facts_and_text_is_escaped(hostile_graph):
    page = generate_matrix_html(hostile_graph)
    links = set(re.findall(r'href="#(k[0-9a-f]{12})"', page))
    ids = set(re.findall(r'id="(k[0-9a-f]{12})"', page))
    assert len(links) == 2 and links <= ids  # 集成电路 × 滨江区 and × 钱塘区 (two platforms there)
    assert re.search(r'data-count="2"><a href="#k[0-9a-f]{12}">2</a>', page)
    assert EVIL not in page and "&lt;/script&gt;&lt;script&gt;" in page


def test_cluster_page_opens_with_the_clusters_facts_at_depth_1(tiny_graph, tmp_path):
    page = write_cluster_pages(tiny_graph, tmp_path)[0].read_text(encoding="utf-8")
    intro = page[page.index('<section id="kg-intro">') : page.index("<main>")]
    assert '<th rowspan="1">滨江区</th><td>滨江物联网小镇</td>' in intro
    assert "集成电路产业营业收入" in intro and "1000 亿元" in intro and "<td>2030</td>" in intro
    assert "depth 1" in page


@pytest.mark.requires_chromium
def test_chromium_matrix_and_indicators_of_two_plans_offline(tmp_path):
    graph = two_plans()
    matrix = write_matrix_html(graph, tmp_path / "matrix.html")[0]
    state = body_data(dump_dom(page_url(matrix)))
    assert state["plans"] == "2" and int(state["cells"]) > 50
    indicators = write_indicators_html(graph, tmp_path / "indicators.html")[0]
    state = body_data(dump_dom(page_url(indicators), budget_ms=30000))
    count = sum(1 for _, t in graph.nodes(data="type") if t == "Indicator")
    assert state["indicators"] == str(count)
    assert state["ready"] == "1" and state["charts-drawn"] == state["charts"] and int(state["charts"]) > 40


@pytest.mark.requires_chromium
def test_chromium_whole_graph_is_a_grouped_overview_that_expands(tmp_path):
    graph = two_plans()
    page = generate_html(graph)
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S)[1])
    plans = {n for n, t in graph.nodes(data="type") if t == "Plan"}
    assert len(data["nodes"]) < 60 < graph.number_of_nodes()
    assert plans <= {n["id"] for n in data["nodes"]}
    nanjing = next(p for p in plans if "nanjing" in p or "320100" in p)
    platforms = group_id(nanjing, None, "Platform")
    parts = [c["id"] for c in data["groups"][platforms]]
    assert len(parts) > 3 and all(data["parent"][p] == platforms for p in parts)
    path = write_html(graph, tmp_path / "graph.html")[0]
    shown = body_data(dump_dom(page_url(path), budget_ms=30000))
    assert shown["nodes"] == str(len(data["nodes"])) and "pwned" not in shown
    opened = body_data(dump_dom(page_url(path, f"expand={platforms}&expand={parts[0]}"), budget_ms=30000))
    members = len(data["groups"][parts[0]])
    assert opened["expanded"] == "2"
    assert int(opened["nodes"]) == len(data["nodes"]) - 1 + len(parts) - 1 + members
