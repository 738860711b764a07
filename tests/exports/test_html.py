"""graph.html: content checks on the text, and the real thing in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.exports.html import generate_html, render_graph_page, write_cluster_pages, write_html
from kg.exports.html_page import script_json, vis_assets
from kg.exports.registry import FILE_NAMES, get_exporter
from tests.exports.browser import body_data, dump_dom, page_url, png_size, screenshot

SCRIPT_NAME = "</script><script>alert(1)</script>"
PWN_NAME = "</script><script>document.body.dataset.pwned=1</script><!--"
QUOTE = "<b>&\"'"
REFERENCE = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I
)
URL = re.compile(r"https?://[^\s\"'()<>\\]+")


@pytest.fixture
def hostile_graph(tiny_graph):
    src = {"planId": "tiny-plan", "path": "第一篇", "lineStart": 30, "lineEnd": 30, "quote": QUOTE}
    tiny_graph.add_node("platform:evil", type="Platform", name=SCRIPT_NAME, source=src)
    tiny_graph.add_node("platform:pwn", type="Platform", name=PWN_NAME)
    tiny_graph.add_edge("platform:evil", "cluster:集成电路", key="SUPPORTS", type="SUPPORTS", provenance=src)
    return tiny_graph


def _stats(page: str) -> str:
    return re.search(r'<span class="stats">([^<]*)</span>', page).group(1)


def test_registered_as_html_exporter(tiny_graph, tmp_path):
    assert FILE_NAMES["html"] == "graph.html"
    written = get_exporter("html")(tiny_graph, tmp_path / "graph.html")
    assert written == [tmp_path / "graph.html"]
    assert "20 nodes · 24 edges" in written[0].read_text(encoding="utf-8")


def test_page_embeds_every_node_and_edge_with_style(tiny_graph):
    page = generate_html(tiny_graph, title="小城市")
    data = json.loads(
        re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)[1]
    )
    assert len(data["nodes"]) == 20 and len(data["edges"]) == 24
    by_id = {n["id"]: n for n in data["nodes"]}
    cluster = by_id["cluster:集成电路"]
    assert (cluster["shape"], cluster["color"], cluster["kgType"]) == (
        "hexagon",
        "#fbc02d",
        "IndustryCluster",
    )
    # size grows with degree: the cluster (degree 5) is bigger than an isolated indicator (degree 0)
    assert cluster["size"] > by_id["tiny-plan/indicator/2"]["size"] == 10
    assert "tier: 千亿级" in cluster["title"] and "“集成电路”" in cluster["title"]
    assert {e["id"] for e in data["edges"]} >= {"cluster:集成电路|tiny-plan/target/1|MEASURED_BY"}
    assert data["hiddenTypes"] == []  # small graph: nothing hidden
    assert data["options"]["physics"]["solver"] == "barnesHut"
    assert "<title>小城市</title>" in page
    assert 'data-type="IndustryCluster" checked' in page and "产业集群" in page


def test_no_remote_references(tiny_graph):
    page = generate_html(tiny_graph)
    assert not REFERENCE.findall(page)
    js, css = vis_assets()
    # The only URLs left are licence comments and the SVG namespace inside vis-network itself.
    assert set(URL.findall(page)) == set(URL.findall(js + css))
    assert "cdnjs" not in page and "jsdelivr" not in page
    assert "bootstrap" not in page and "tom-select" not in page.lower()


def test_script_json_cannot_close_a_script_block():
    text = script_json({"name": SCRIPT_NAME, "quote": QUOTE, "c": "<!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": SCRIPT_NAME, "quote": QUOTE, "c": "<!--"}


def test_hostile_text_is_escaped_in_the_file(hostile_graph):
    page = generate_html(hostile_graph, title="<script>t</script>")
    assert SCRIPT_NAME not in page and "<!--" not in page.split("<script type=")[1]
    assert page.replace(vis_assets()[0], "").count("<script") == 3  # vis-network, data, app
    assert "<title>&lt;script&gt;t&lt;/script&gt;</title>" in page


def test_focus_by_name_keeps_exact_neighbourhood(tiny_graph):
    assert (
        _stats(generate_html(tiny_graph, focus="集成电路", depth=1))
        == "6 nodes · 8 edges · focus 集成电路, depth 1"
    )
    assert _stats(generate_html(tiny_graph, focus="集成电路", depth=2)).startswith("11 nodes · 15 edges")


def test_focus_by_alias_and_hubs_are_not_walked_through(tiny_graph):
    assert _stats(generate_html(tiny_graph, focus="滨江", depth=1)).startswith("5 nodes · 6 edges")
    # 杭州市 is reached but, being a hub, does not pull in its other districts.
    assert _stats(generate_html(tiny_graph, focus="钱塘区", depth=2)).startswith("4 nodes · 3 edges")


def test_focus_unknown_name_suggests_candidates(tiny_graph):
    with pytest.raises(ValueError, match="did you mean: 滨江物联网小镇, 集成电路。支持滨江物联网小镇"):
        generate_html(tiny_graph, focus="物联网")
    with pytest.raises(ValueError, match="no node named"):
        generate_html(tiny_graph, focus="不存在")


def test_cluster_pages_and_index(tiny_graph, tmp_path):
    calls = []
    written = write_cluster_pages(
        tiny_graph, tmp_path, on_page=lambda done, total: calls.append((done, total))
    )
    assert [p.name for p in written][-1] == "index.html" and len(written) == 2
    page = written[0].read_text(encoding="utf-8")
    assert written[0].name.startswith("cluster-集成电路-")
    assert _stats(page) == "6 nodes · 8 edges · depth 1"  # the cluster, its platforms, measure, institution
    assert '<a href="index.html">' in page
    index = written[1].read_text(encoding="utf-8")
    assert f'href="{written[0].name}"' not in index  # percent-encoded, not raw
    assert "cluster-%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF-" in index
    assert "<td>千亿级</td><td>2</td><td>1</td><td>1</td>" in index
    assert calls == [(1, 1)]


def test_big_graph_hides_text_containers(tiny_graph):
    for i in range(400):
        tiny_graph.add_node(f"p/{i}", type="Paragraph", name=f"段落{i}")
    page = render_graph_page(tiny_graph, title="big")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S)[1])
    assert data["hiddenTypes"] == ["Paragraph", "Table"]
    assert data["options"]["layout"]["improvedLayout"] is False
    assert 'data-type="Paragraph">' in page  # legend box unchecked


# --- in a real browser -------------------------------------------------------------------------------------


@pytest.mark.requires_chromium
def test_chromium_draws_all_nodes_and_edges_offline(tiny_graph, tmp_path):
    path = write_html(tiny_graph, tmp_path / "graph.html")[0]
    state = body_data(dump_dom(page_url(path)))
    assert state["ready"] == "1" and state["stabilized"] == "1"
    assert (state["nodes"], state["edges"], state["shown-nodes"]) == ("20", "24", "20")


@pytest.mark.requires_chromium
def test_chromium_shows_hostile_text_literally_and_runs_no_injected_script(hostile_graph, tmp_path):
    path = write_html(hostile_graph, tmp_path / "graph.html")[0]
    dom = dump_dom(page_url(path, "q=script&node=platform:evil"))
    state = body_data(dom)
    assert state["scripts"] == "3" and "pwned" not in state
    assert state["nodes"] == "22" and state["matches"] == "2"
    # Serialised text nodes escape <, > and &: the names and quote are there as text, not markup.
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; · Platform</button>" in dom
    assert '<div class="quote">&lt;b&gt;&amp;"\'</div>' in dom


@pytest.mark.requires_chromium
def test_chromium_focus_page_has_only_the_neighbourhood(tiny_graph, tmp_path):
    path = write_html(tiny_graph, tmp_path / "focus.html", focus="集成电路", depth=1)[0]
    state = body_data(dump_dom(page_url(path)))
    assert (state["nodes"], state["edges"]) == ("6", "8")


@pytest.mark.requires_chromium
def test_chromium_screenshot_is_not_blank(tiny_graph, tmp_path):
    path = write_html(tiny_graph, tmp_path / "graph.html")[0]
    shot = screenshot(page_url(path), tmp_path / "graph.png", size=(1400, 900))
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    empty = screenshot(page_url(blank), tmp_path / "blank.png", size=(1400, 900))
    assert png_size(shot) == (1400, 900)
    assert shot.stat().st_size > 30_000 and shot.stat().st_size > 5 * empty.stat().st_size


@pytest.mark.requires_chromium
def test_chromium_type_filter_on_big_graph(tiny_graph, tmp_path):
    for i in range(400):
        tiny_graph.add_node(f"p/{i}", type="Paragraph", name=f"段落{i}")
    path = tmp_path / "graph.html"  # drawn node by node (the whole-graph page would group it)
    path.write_text(render_graph_page(tiny_graph, title="big"), encoding="utf-8")
    state = body_data(dump_dom(page_url(path)))
    assert (state["nodes"], state["shown-nodes"], state["stabilized"]) == ("420", "18", "1")


@pytest.mark.requires_chromium
def test_chromium_draws_the_real_nanjing_plan(tmp_path):
    from kg.pipeline import build_graph_from_paths

    graph = build_graph_from_paths(
        [Path(__file__).parents[1] / "data" / "nanjing-15th-five-year-plan-outline.txt"]
    )
    hidden = sum(1 for _, t in graph.nodes(data="type") if t in ("Paragraph", "Table"))
    path = tmp_path / "graph.html"  # every node drawn, as a focus page of a big neighbourhood is
    path.write_text(render_graph_page(graph, title="南京"), encoding="utf-8")
    state = body_data(dump_dom(page_url(path), budget_ms=60000, timeout=300))
    assert state["stabilized"] == "1" and state["scripts"] == "3"
    assert int(state["nodes"]) == graph.number_of_nodes() > 1000
    assert int(state["edges"]) == graph.number_of_edges()
    assert int(state["shown-nodes"]) == graph.number_of_nodes() - hidden


def test_cluster_pages_of_an_earlier_build_are_removed(tiny_graph, tmp_path):
    """Only pages the folder's manifest names (written by kg) go; a user's cluster-*.html stays."""
    from kg.exports.html import write_cluster_pages
    from kg.io import MANIFEST

    folder = tmp_path / "clusters"
    write_cluster_pages(tiny_graph, folder)
    old = folder / "cluster-旧集群-00000000.html"
    old.write_text("old", encoding="utf-8")
    with (folder / MANIFEST).open("a", encoding="utf-8") as handle:
        handle.write(f"{old.name}\n")
    mine = folder / "cluster-mine-11111111.html"
    mine.write_text("mine", encoding="utf-8")
    written = write_cluster_pages(tiny_graph, folder)
    assert not old.exists() and mine.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.glob("cluster-*.html")) == sorted(
        [mine.name, *(p.name for p in written if p.name.startswith("cluster-"))]
    )


def test_an_asset_that_would_close_its_element_is_known_in_any_case():
    from kg.exports.html_page import closes_its_element

    assert closes_its_element("a</SCRIPT>b") and closes_its_element("x</Style ")
    assert not closes_its_element("'<' + '/script>' and </div>")


def test_plotly_js_is_read_without_importing_plotly():
    """plotly's __init__ looks up its own version (50 ms of every build); only its file is needed."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom kg.exports.html_indicators import plotly_js\n"
        "js = plotly_js()\nprint(len(js) > 1_000_000, 'Plotly' in js[:5000], 'plotly' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "False"]
