from collections import Counter

import pytest

from kg.loaders.document.tree import NotAPlanError
from kg.loaders.layouts.contents import find_contents
from kg.loaders.layouts.structure import parse_structure
from tests.plans import HANGZHOU, NANJING, parsed

SAMPLE = """示范市国民经济和社会发展
第十五个五年规划纲要

目 录

| 第一篇 建设产业强市..... | 1 |
| 第一章 打造制造业基地..... | 1 |
| 第一节 建设集群..... | 2 |

重大工程专栏目录

| 专栏 1 集群建设工程..... | 3 |

第一篇 建设产业强市

坚持创新驱动，加快建设

产业强市。

第一章 打造制造业基地

第一节 建设集群

推动集群发展，到 2030 年，集群规模超 1000 亿元。

专栏1 集群建设工程

1. **集成电路**。支持钱塘芯谷建设。

2. 生物医药。推进医药港小镇

建设。

注：数据为预计数。

第二节 优化布局

| 指标 | 2030年 |
|---|---|
| 产值 | 100 |

第二章 推进开放
"""


@pytest.fixture(scope="module")
def sample():
    return parse_structure(SAMPLE, "sample")


def units(plan, kind):
    return [u for u in plan.root.walk() if u.kind == kind]


def test_title_and_toc_are_found(sample):
    assert sample.title == "示范市国民经济和社会发展第十五个五年规划纲要"
    assert sample.toc == (4, 12)
    assert sample.box_kinds == {1: "工程"}


def test_hierarchy_of_the_sample(sample):
    assert [(u.label, u.title) for u in units(sample, "Part")] == [("第一篇", "建设产业强市")]
    assert [u.label for u in units(sample, "Chapter")] == ["第一章", "第二章"]
    assert [(u.label, u.parent.label) for u in units(sample, "Section")] == [
        ("第一节", "第一章"),
        ("第二节", "第一章"),
    ]
    (box,) = units(sample, "Box")
    assert (box.label, box.title, box.box_kind, box.parent.label) == (
        "专栏1",
        "集群建设工程",
        "工程",
        "第一节",
    )


def test_page_break_paragraph_is_rejoined_and_spans_both_pieces(sample):
    first = units(sample, "Paragraph")[0]
    assert first.title == "坚持创新驱动，加快建设产业强市。"
    assert (first.line_start, first.line_end) == (16, 18)


def test_box_items_bold_and_note(sample):
    box = units(sample, "Box")[0]
    items = [(u.item, u.title) for u in box.children]
    assert items == [
        ("1", "1.集成电路。支持钱塘芯谷建设。"),
        ("2", "2.生物医药。推进医药港小镇建设。"),
        (None, "注：数据为预计数。"),
    ]


def test_table_is_a_table_under_its_section(sample):
    (toc, table) = units(sample, "Table")
    assert toc.label == "目录"
    assert table.parent.label == "第二节"
    assert table.table.header == ["指标", "2030年"]
    assert table.table.rows[-1].texts == ["产值", "100"]


def test_heading_spans_cover_their_content(sample):
    chapter = units(sample, "Chapter")[0]
    assert chapter.line_start == 20
    assert chapter.line_end == max(u.line_end for u in chapter.walk())


def test_box_number_with_and_without_space():
    text = "第一章 总则\n\n专栏 6 改革\n\n1. 甲。\n\n专栏7 工程\n\n1. 乙。\n"
    plan = parse_structure(text, "t")
    assert [(u.label, u.title) for u in units(plan, "Box")] == [("专栏6", "改革"), ("专栏7", "工程")]


def test_heading_split_across_two_lines():
    text = "第二篇  立足产业强市之要，\n构筑新质生产力主导的产业高地\n\n第四章  建设基地\n\n正文。\n"
    plan = parse_structure(text, "t")
    assert units(plan, "Part")[0].title == "立足产业强市之要，构筑新质生产力主导的产业高地"


def test_text_without_headings_is_not_a_plan():
    with pytest.raises(NotAPlanError):
        parse_structure("这是一段普通的文字。\n没有任何章节。\n", "t")


def test_toc_needs_page_numbers():
    assert find_contents(["第一章 总则", "第二章 目标", "第三章 任务"]) is None


def test_bundled_plan_structure_counts():
    plan = parsed(HANGZHOU)
    counts = Counter(u.kind for u in plan.root.walk())
    assert (counts["Part"], counts["Chapter"], counts["Section"], counts["Box"]) == (17, 61, 166, 34)
    for section in units(plan, "Section"):
        assert section.parent.kind == "Chapter"
    for box in units(plan, "Box"):
        assert box.parent.kind in ("Chapter", "Section")
        assert box.box_kind in ("工程", "行动", "改革", "平台")
    assert [b.number for b in units(plan, "Box")] == list(range(1, 35))


def test_bundled_plan_box_placement_examples():
    plan = parsed(HANGZHOU)
    boxes = {b.number: b for b in units(plan, "Box")}
    assert boxes[7].title == "“296X”先进制造业集群建设工程"
    assert boxes[7].path == "第四篇/第十三章/第一节/专栏7"
    assert boxes[23].path.startswith("第十篇/第三十四章/")
    assert boxes[1].path == "第二篇/第八章/第三节/专栏1"


def test_nanjing_structure_matches_its_table_of_contents():
    plan = parsed(NANJING)
    counts = Counter(u.kind for u in plan.root.walk())
    assert (counts["Part"], counts["Chapter"], counts["Section"], counts["Box"]) == (17, 65, 179, 23)
    assert plan.title == "南京市国民经济和社会发展第十五个五年规划纲要"
    boxes = {b.number: b for b in units(plan, "Box")}
    assert boxes[2].title == "“十五五”经济社会发展主要指标"
    assert boxes[2].parent.label == "第三节"
    # the preface before the table of contents is kept
    assert any(
        u.title.startswith("“十五五”时期是基本实现") for u in plan.root.children if u.kind == "Paragraph"
    )


ALT_PLAN = """某市国民经济和社会发展第十四个五年规划纲要

一、发展基础

“十三五”时期，全市经济总量稳步增长。

二、主要任务

（一）加快建设现代产业体系

推动集成电路产业发展，到2025年，集成电路产业

— 13 —

规模突破500亿元。

（二）建设科技创新高地

一、支持科技城建设。
"""


def test_plans_numbered_yi_and_paren_yi_have_chapters_and_sections():
    plan = parse_structure(ALT_PLAN, "alt")
    assert [(u.label, u.title) for u in units(plan, "Chapter")] == [
        ("一、", "发展基础"),
        ("二、", "主要任务"),
    ]
    assert [(u.label, u.title, u.parent.label) for u in units(plan, "Section")] == [
        ("（一）", "加快建设现代产业体系", "二、"),
        ("（二）", "建设科技创新高地", "二、"),
    ]
    # the page footer is dropped and the paragraph it cut is rejoined
    assert "集成电路产业规模突破500亿元。" in units(plan, "Paragraph")[1].title
    # a sentence that starts like a heading stays a paragraph
    assert units(plan, "Paragraph")[-1].title == "一、支持科技城建设。"


def test_yi_lines_are_sections_not_chapters_when_the_plan_has_chapters():
    # the layout issue: ``一、`` under 第X章 is a section (it was a paragraph before)
    text = "第一章 总则\n\n一、发展基础\n\n正文。\n"
    plan = parse_structure(text, "t")
    assert [u.label for u in units(plan, "Chapter")] == ["第一章"]
    assert [(u.label, u.title) for u in units(plan, "Section")] == [("一、", "发展基础")]
    assert units(plan, "Paragraph")[0].title == "正文。"


def test_without_parts_the_chapter_titles_are_the_aims_measures_support():
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("alt", ALT_PLAN)])
    goals = {n: a for n, a in graph.nodes(data=True) if a["type"] == "Goal"}
    assert sorted((a["name"], a["level"]) for a in goals.values()) == [
        ("主要任务", "chapter"),
        ("发展基础", "chapter"),
    ]
    supported = {
        graph.nodes[v]["name"]
        for u, v, k in graph.edges(keys=True)
        if k == "SUPPORTS" and graph.nodes[u]["type"] == "Measure"
    }
    assert supported == {"主要任务"}


CHAPTERS_WITH_NUMBERED_SECTIONS = """示范市国民经济和社会发展第十五个五年规划纲要

第一章 建设现代化产业体系

一、做强先进制造业

加快建设示范科技城，到2030年，制造业增加值达到5000亿元。

二、发展现代服务业

提升金融服务能力。

第二章 推进城乡融合

一、推进新型城镇化

推进城市更新。
"""


def test_numbered_lines_under_chapters_are_sections():
    plan = parse_structure(CHAPTERS_WITH_NUMBERED_SECTIONS, "p")
    sections = [(u.label, u.title, u.parent.label) for u in plan.root.walk() if u.kind == "Section"]
    assert sections == [
        ("一、", "做强先进制造业", "第一章"),
        ("二、", "发展现代服务业", "第一章"),
        ("一、", "推进新型城镇化", "第二章"),
    ]
