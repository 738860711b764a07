"""The web-page reader: a plan's HTML page gives the same facts as its text version."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.loaders.readers.decode import read_plan_text
from kg.loaders.readers.html import html_plan_text, pipe_lines, table_rows
from kg.loaders.readers.sniff import looks_like_html
from kg.pipeline import build_graph_from_paths

DATA = Path(__file__).resolve().parents[1] / "data"
PAGE = DATA / "guangzhou-15th-five-year-plan-outline.html"
TEXT = DATA / "guangzhou-15th-five-year-plan-outline.txt"


@pytest.fixture(scope="module")
def graphs():
    return build_graph_from_paths([TEXT]), build_graph_from_paths([PAGE])


def _nodes(graph, kind):
    return [d for _, d in graph.nodes(data=True) if d.get("type") == kind]


def _norm(name) -> str:
    return re.sub(r"\s+", "", str(name or "")).replace("（", "(").replace("）", ")")


def test_structure_counts_are_those_of_the_text(graphs):
    text, page = graphs
    counts = [Counter(d.get("type") for _, d in g.nodes(data=True)) for g in graphs]
    for kind, expected in (("Part", 11), ("Chapter", 33), ("Section", 94), ("Box", 12)):
        assert counts[0][kind] == expected
        assert counts[1][kind] == expected, kind


def _indicators(graph):
    return {
        (
            d.get("number"),
            _norm(d.get("name")),
            d.get("unit"),
            d.get("baseline"),
            d.get("target"),
            d.get("attribute"),
        )
        for d in _nodes(graph, "Indicator")
    }


def test_indicators_but_the_split_row_are_those_of_the_text(graphs):
    text, page = graphs
    expected, got = _indicators(text), _indicators(page)
    assert len(expected) == 30
    assert {i for i in expected if i[0] != "24"} == {i for i in got if i[0] != "24"}


def test_indicators_are_those_of_the_text(graphs):
    text, page = graphs
    assert _indicators(page) == _indicators(text)


def test_clusters_and_the_platforms_supporting_them_are_those_of_the_text(graphs):
    def clusters(graph):
        return {d["name"] for d in _nodes(graph, "IndustryCluster")}

    def supports(graph):
        return {
            (graph.nodes[u]["name"], graph.nodes[v]["name"])
            for u, v, d in graph.edges(data=True)
            if d.get("type") == "SUPPORTS"
            and graph.nodes[u].get("type") == "Platform"
            and graph.nodes[v].get("type") == "IndustryCluster"
        }

    text, page = graphs
    assert clusters(page) == clusters(text)
    assert len(clusters(text)) >= 29
    assert supports(page) == supports(text)
    assert supports(text)


def test_no_portal_menu_text_in_paragraphs(graphs):
    _, page = graphs
    texts = {d.get("text", "").strip() for d in _nodes(page, "Paragraph")}
    assert not texts & {"简体", "繁体", "无障碍", "English", "分享到", "-->", "首页", "政务公开"}


def test_page_text_starts_with_the_article_and_drops_footnote_marks():
    text = read_plan_text(PAGE)
    assert text.startswith("穗府〔2026〕4号\n")
    assert "门户网站" not in text.split("第一篇", 1)[0]
    # the footnote marker after 体系 is gone, the sentence reads on
    assert "系统谋划建设“12218”现代化产业体系，制造业立市根基更加厚实" in text


SMALL = """<!DOCTYPE html><html><head><title>x - 某市人民政府门户网站</title>
<script>var menu = "第一章 脚本";</script><style>p {}</style></head>
<body><div class="nav"><a>首页</a><a>简体</a><a>繁体</a></div>
<div class="article"><p>第一章&nbsp; 总则</p>
<p>到2030年，建成数据集<sup>1</sup>300个，面积10<sup>12</sup>平方米。</p>
<table><tr><td colspan="3">专栏1 指标</td></tr>
<tr><th rowspan="2">类别</th><th colspan="2">指标</th></tr>
<tr><td>名称</td><td>值|注</td></tr>
<tr><td>经济</td><td><p>地区</p><p>生产总值</p></td><td><p>2025年</p><p>5.0</p></td></tr></table>
<p>第二章 附则</p></div><div class="footer">版权所有</div></body></html>"""


def test_table_linearisation_expands_spans():
    import lxml.html

    table = lxml.html.document_fromstring(SMALL).find(".//table")
    titles, rows = table_rows(table)
    assert titles == ["专栏1 指标"]
    assert pipe_lines(rows) == [
        "| 类别 | 指标 | |",
        "|---|---|---|",
        "| | 名称 | 值｜注 |",
        "| 经济 | 地区 生产总值 | 2025年 5.0 |",
    ]


def test_small_page_text():
    assert looks_like_html(SMALL.encode())
    page = html_plan_text(SMALL.encode("gb18030").replace(b"<head>", b'<head><meta charset="gbk">'))
    lines = [line for line in page.text.split("\n") if line]
    assert lines[0] == "第一章  总则"
    assert lines[1] == "到2030年，建成数据集300个，面积1012平方米。"
    assert lines[2] == "专栏1 指标"
    assert lines[-1] == "第二章 附则"
    assert "\n\n| 类别 | 指标 | |\n|---|---|---|\n" in page.text
    assert not {"首页", "简体", "版权所有", "var menu"} & set(lines)
    assert all(path.startswith("/html/body/div") for _, path in page.sources)


PORTAL = """<!DOCTYPE html><html><head><title>某市人民政府门户网站</title></head><body>
<div class="nav"><a>首页</a><a>政务公开</a><a>简体</a><a>繁体</a><a>无障碍</a></div>
<div class="news"><ul><li><a>市政府召开常务会议</a></li><li><a>关于印发某某办法的通知</a></li></ul></div>
<div class="footer">主办：某市人民政府办公厅</div></body></html>"""


def test_portal_page_gives_the_one_line_error(tmp_path):
    path = tmp_path / "portal.html"
    path.write_text(PORTAL, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "no plan structure found" in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()


def test_text_files_are_read_as_before(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("第一章 总则\n<p>不是网页</p>\n", encoding="utf-8")
    assert read_plan_text(path) == "第一章 总则\n<p>不是网页</p>\n"
