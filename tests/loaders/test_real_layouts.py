"""Real second layouts: the Hangzhou plan as its web page lays it out gives the PDF text's facts for
the part it covers; Guangzhou's web text gives its own structure and indicator table."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.facts import indicators, located_in, normal_name, supports
from tests.plans import GUANGZHOU, HANGZHOU, HANGZHOU_WEB, built


def counts(graph) -> Counter:
    return Counter(d["type"] for _, d in graph.nodes(data=True))


def clusters(graph) -> set[tuple[str, str | None]]:
    return {(d["name"], d.get("tier")) for _, d in graph.nodes(data=True) if d["type"] == "IndustryCluster"}


def institution_pairs(graph) -> set[tuple[str, str]]:
    return {
        (graph.nodes[u]["name"], graph.nodes[v]["name"])
        for u, v, d in graph.edges(data=True)
        if d["type"] == "SUPPORTS" and graph.nodes[u]["type"] == "Institution"
    }


def first_chapters(graph, last: int) -> Counter:
    """Structure counts of the PDF text up to chapter ``last`` (the web copy stops inside it)."""
    out = Counter()
    for _, d in graph.nodes(data=True):
        structural = d["type"] in ("Part", "Chapter", "Section", "Box")
        if structural and d["source"]["lineStart"] <= web_end_line(graph):
            out[d["type"]] += 1
    return out


def web_end_line(pdf_graph) -> int:
    """The PDF line holding the web copy's last box item (专栏33's third item)."""
    pdf = HANGZHOU.read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(pdf) if "3.建筑领域绿色低碳转型工程" in line.replace(" ", ""))


@pytest.fixture(scope="module")
def pdf():
    return built(HANGZHOU)


@pytest.fixture(scope="module")
def web():
    return built(HANGZHOU_WEB)


def test_web_contents_are_skipped_and_structure_is_the_pdf_texts(pdf, web):
    web_counts = counts(web)
    assert {k: web_counts[k] for k in ("Part", "Chapter", "Box")} == {"Part": 14, "Chapter": 49, "Box": 33}
    assert web_counts["Section"] == first_chapters(pdf, 49)["Section"] == 140


def test_web_indicators_are_the_pdf_texts_field_by_field(pdf, web):
    assert indicators(web) == indicators(pdf)
    assert len(indicators(web)) == 30


def test_web_clusters_tiers_and_platform_pairs_are_the_pdf_texts(pdf, web):
    assert clusters(web) == clusters(pdf) and len(clusters(web)) == 17
    assert Counter(t for _, t in clusters(web)) == {"千亿级": 9, "未来产业": 6, "万亿级": 2}
    # 115 from the tables, and 余杭人工智能小镇 -> 人工智能 read from its name
    assert supports(web) == supports(pdf) and len(supports(web)) == 116
    assert institution_pairs(web) == institution_pairs(pdf)


def test_web_located_platforms_are_the_pdf_texts(pdf, web):
    # the two copies spell one platform differently (杭城 / 杭珹): the only difference
    assert located_in(pdf) - located_in(web) == {("余杭区杭城未来中心", "余杭区")}
    assert located_in(web) - located_in(pdf) == {("余杭区杭珹未来中心", "余杭区")}


def test_web_targets_are_the_pdf_texts_up_to_where_the_copy_stops(pdf, web):
    def targets(graph, last=None):
        return Counter(
            (d.get("value"), d.get("unit"), d.get("year"))
            for _, d in graph.nodes(data=True)
            if d["type"] == "Target" and (last is None or d["source"]["lineStart"] <= last)
        )

    cut = web_end_line(pdf)
    missing = targets(pdf, cut) - targets(web)
    # the copy stops inside the item that states them
    assert missing == Counter({("100", "%", None): 1, ("70", "%", None): 1})
    assert targets(web) - targets(pdf, cut) == Counter()


@pytest.fixture(scope="module")
def guangzhou():
    return built(GUANGZHOU)


def test_guangzhou_structure_without_contents_or_portal_menus(guangzhou):
    c = counts(guangzhou)
    assert {k: c[k] for k in ("Part", "Chapter", "Section", "Box")} == {
        "Part": 11,
        "Chapter": 33,
        "Section": 94,
        "Box": 12,
    }
    texts = {d["name"] for _, d in guangzhou.nodes(data=True) if d["type"] == "Paragraph"}
    assert not texts & {"市民网页", "退出", "登出", "简体", "繁体", "无障碍", "长者助手"}
    boxes = {d["name"] for _, d in guangzhou.nodes(data=True) if d["type"] == "Box"}
    assert "专栏10 重点领域碳达峰行动" in boxes and "专栏8 综合交通枢纽提升行动" in boxes


def test_guangzhou_indicator_table_row_by_row(guangzhou):
    rows = {(r["number"], r["name"]): r for r in _rows(guangzhou)}
    assert len(rows) == 30
    first = rows[("1", "地区生产总值年均增长")]
    assert (first["unit"], first["baseline"], first["target"], first["attribute"]) == (
        "%",
        "“十四五”年均增长4.0",
        "“十五五”年均增长5.0左右",
        "预期性",
    )
    pm = rows[("16", normal_name("细颗粒物（PM2.5）年均浓度"))]
    assert (pm["unit"], pm["baseline"], pm["target"], pm["binding"]) == ("微克/立方米", "21.5", "≤20", True)
    nurses = rows[("24", "每千人口拥有注册护士数")]
    assert (nurses["unit"], nurses["baseline"], nurses["target"], nurses["attribute"]) == (
        "人",
        "5.21",
        "5.30",
        "预期性",
    )
    assert rows[("26", "3岁以下婴幼儿入托率")]["target"] == "20"
    assert Counter(r["category"] for r in rows.values()) == {
        "经济发展": 7,
        "科技创新": 3,
        "对外开放": 4,
        "绿色低碳": 4,
        "民生福祉": 10,
        "安全保障": 2,
    }


INDICATOR_KEYS = ("number", "name", "category", "unit", "baseline", "target", "attribute", "binding")


def _rows(graph):
    for _, d in graph.nodes(data=True):
        if d["type"] == "Indicator":
            yield {k: normal_name(d.get(k)) if k == "name" else d.get(k) for k in INDICATOR_KEYS}


def test_guangzhou_glossary_is_an_appendix_not_part_of_a_chapter(guangzhou):
    appendix = [n for n, d in guangzhou.nodes(data=True) if d["type"] == "Appendix"]
    assert [guangzhou.nodes[n]["name"] for n in appendix] == ["名词解释"]
    (aid,) = appendix
    parents = {v for u, v, k in guangzhou.edges(keys=True) if u == aid and k == "PART_OF"}
    assert [guangzhou.nodes[p]["type"] for p in parents] == ["Plan"]
    entries = [u for u, v, k in guangzhou.edges(keys=True) if v == aid and k == "PART_OF"]
    assert len(entries) >= 6  # 1. 老城市新活力 … 6. 人体蛋白质组导航国际大科学计划
