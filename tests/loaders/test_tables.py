from kg.loaders.layouts.tables import Table, TableBlock, find_table_blocks, parse_table, parse_tables
from tests.loaders.table_samples import (
    CONTINUED_ROW,
    HANGZHOU,
    NANJING,
    SHIFTED_PAGE_BREAK,
    SPACED,
    SPLIT_ROW,
    plan_lines,
)


def _rows(table: Table) -> list[list[str]]:
    return [r.texts for r in table.rows]


def test_pipe_blocks_across_a_page_break_are_one_table():
    lines = SHIFTED_PAGE_BREAK.split("\n")
    assert find_table_blocks(lines) == [TableBlock(2, 17, "pipe")]


def test_shifted_page_break_cells_are_realigned_and_groups_filled():
    lines = SHIFTED_PAGE_BREAK.split("\n")
    table = parse_table(lines, find_table_blocks(lines)[0])
    assert table.caption == "专栏9 示范集群工程"
    assert _rows(table) == [
        ["1个万亿级产业集群", "甲产业", "发展目标", "到2030年，产值超100亿元。"],
        ["1个万亿级产业集群", "甲产业", "重点平台", "甲小镇、乙园区等。"],
        ["1个万亿级产业集群", "乙产业", "发展目标", "到2030年，产值突破50亿元。"],
        ["2个未来产业", "丙产业", "重点平台", "丙实验室等。"],
        ["2个未来产业", "丙产业", "科研支撑", "丁大学等。"],
        ["2个未来产业", "戊产业", "重点平台", "戊园区等。"],
        ["2个未来产业", "戊产业", "科研支撑", "戊研究院等。"],
    ]
    second = table.rows[1].cells
    assert second[0].filled and second[0].line == 5 and not second[2].filled
    assert [r.line_start for r in table.rows] == [5, 6, 10, 11, 15, 16, 17]


def test_row_continued_after_page_break_is_merged():
    lines = CONTINUED_ROW.split("\n")
    table = parse_table(lines, find_table_blocks(lines)[0])
    assert table.header == ["地区", "发展导向", "特色平台"]
    assert _rows(table) == [
        [
            "甲区",
            "聚焦“打造富裕阳光的现代版示范区”，实施创新立区战略，高质量建设现代化新型城区",
            "甲经济技术开发区、甲新城、城西科创走廊甲区合作园",
        ],
        ["乙县", "坚持生态立县。", "乙开发区"],
    ]
    first = table.rows[0]
    assert (first.line_start, first.line_end) == (3, 7)
    assert first.cells[2].lines == (3, 7)


def test_cut_cells_joined_and_split_row_kept_for_the_interpreter():
    lines = SPLIT_ROW.split("\n")
    table = parse_table(lines, find_table_blocks(lines)[0])
    assert table.header == ["类别", "序号", "指标名称", "2025年预计", "2030年目标", "年均/累计", "属性"]
    rows = _rows(table)
    assert rows[5] == [
        "绿色(2项)",
        "5",
        "单位GDP用水量下降率(%)",
        "21.5(2024年)",
        "完成省下达目标",
        "—",
        "约束性",
    ]
    assert rows[6][5] == "完成省下达目标" and rows[6][0] == "绿色(2项)"
    assert rows[1][:4] == ["民生(4项)", "2", "每千人口拥有医护人员数", "执业医师数(人)"]
    # the shifted second line of the split row does not open a new category group
    assert rows[2][0] == "注册护士数(人)" and not table.rows[2].cells[0].filled
    assert rows[3][0] == "民生(4项)" and table.rows[3].cells[0].filled


def test_spaced_table_with_multi_line_cells():
    lines = SPACED.split("\n")
    assert find_table_blocks(lines) == [TableBlock(1, 9, "spaced")]
    table = parse_table(lines, find_table_blocks(lines)[0])
    assert table.caption == "专栏2 示范主要指标"
    assert table.header == ["分类", "序号", "指标", "属性", "2030年目标值"]
    assert _rows(table) == [
        ["经济强", "1", "地区生产总值年均增长率（%）", "预期性", "6.5%左右"],
        ["经济强", "2", "居民人均可支配收入增长", "预期性", "与经济增长保持同步"],
        ["百姓富", "3", "每千人口拥有医护人员数", "执业（助理）医师数（人）", "预期性", "5"],
        ["百姓富", "", "", "注册护士数（人）", "预期性", "5.5"],
    ]
    assert [(r.line_start, r.line_end) for r in table.rows] == [(3, 4), (5, 6), (7, 8), (9, 9)]


def test_headings_box_titles_and_paragraphs_are_not_tables():
    lines = [
        "第一章  发展基础    1",
        "第一节  指导思想    9",
        "专栏1  示范工程",
        "　　坚持创新驱动，加快建设现代化产业体系。",
        "　　推动高质量发展，实现共同富裕。",
    ]
    assert find_table_blocks(lines) == []


def test_hangzhou_tables_after_the_toc():
    lines = list(plan_lines(HANGZHOU))
    body = [b for b in find_table_blocks(lines) if b.start > 200]
    assert [(b.start, b.end, b.kind) for b in body] == [
        (227, 262, "pipe"),
        (469, 512, "pipe"),
        (1088, 1099, "pipe"),
    ]


def test_hangzhou_western_districts_table():
    lines = list(plan_lines(HANGZHOU))
    table = next(t for t in parse_tables(lines) if t.header[:1] == ["区、县（市）"])
    assert table.caption == "专栏 23 西部区、县（市）发展导向和特色平台"
    assert [(r.cells[0].text, r.cells[2].text) for r in table.rows] == [
        (
            "富阳区",
            "富阳经济技术开发区、富春湾新城、滨富特别合作区、城西科创大走廊富阳专精特新产业合作园（创富合作园）",
        ),
        ("临安区", "青山湖科技城、中国存谷、西湖临安科研成果转化合作园"),
        ("桐庐县", "城西科创大走廊桐庐新质生产力特别合作园、桐庐经济开发区、桐庐高新技术产业开发区"),
        ("淳安县", table.rows[3].cells[2].text),
        ("建德市", "建德经济开发区（航空小镇）、三江口农旅融合平台、新时代“千万工程”践行平台"),
    ]
    assert table.rows[3].cells[2].text.startswith("中国高端水业基地、中国威士忌千岛湖产")
    assert table.rows[0].cells[1].text.endswith("产业强区”战略，高质量建设社会主义现代化新型城区")
    assert (table.rows[0].line_start, table.rows[0].line_end) == (1091, 1095)


def test_nanjing_spaced_tables():
    lines = list(plan_lines(NANJING))
    tables = parse_tables(lines)
    assert [t.start for t in tables] == [289, 365, 428, 524, 959, 1065, 1262]
    previous = tables[0]
    assert previous.header == [
        "序号",
        "指标",
        "属性",
        "规划目标（2025年）",
        "年均增速〔累计〕",
        "2025年完成情况",
    ]
    assert previous.header_lines == (290, 291, 292, 293, 294)
    assert len(previous.rows) == 28
    assert previous.rows[0].texts == [
        "1",
        "地区生产总值（亿元）",
        "预期性",
        "20000以上",
        "6.5%左右",
        "19428.78，年均增速4.8%",
    ]
    layout = tables[3]
    assert [r.cells[0].text for r in layout.rows][:2] == ["江北新区（浦口区）", "玄武区"]
    assert len(layout.rows) == 11


def test_a_pipe_table_without_a_separator_line_has_its_first_line_as_header_only():
    """``| a | b |`` lines with no ``|---|`` under the first (text pasted from a page): the first line
    is the header and not also a row; a table with the separator reads the same."""
    plain = [
        "| 类别 | 指标 | 属性 |",
        "| 经济发展 | 地区生产总值增长（%） | 预期性 |",
        "| 民生 | 人均预期寿命（岁） | 预期性 |",
    ]
    marked = [plain[0], "|---|---|---|", *plain[1:]]
    for lines in (plain, marked):
        table = parse_table(lines, find_table_blocks(lines)[0])
        assert table.header == ["类别", "指标", "属性"]
        assert [[c.text for c in row.cells] for row in table.rows] == [
            ["经济发展", "地区生产总值增长（%）", "预期性"],
            ["民生", "人均预期寿命（岁）", "预期性"],
        ]
    assert [row.line_start for row in parse_table(plain, find_table_blocks(plain)[0]).rows] == [2, 3]
