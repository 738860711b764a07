import pytest

from kg.loaders.interpreters.indicators import (
    find_indicator_table,
    find_previous_plan_table,
    parse_indicators,
    split_unit,
)
from kg.loaders.layouts.tables import find_table_blocks, parse_table, parse_tables
from tests.loaders.table_samples import HANGZHOU, NANJING, SPACED, SPLIT_ROW, plan_lines


def _table(text: str):
    lines = text.split("\n")
    return parse_table(lines, find_table_blocks(lines)[0])


def test_split_unit():
    assert split_unit("地区生产总值(GDP)增长(%)") == ("地区生产总值(GDP)增长", "%")
    assert split_unit("单位GDP建设用地使用面积(平方米/万元)") == ("单位GDP建设用地使用面积", "平方米/万元")
    assert split_unit("城乡居民收入倍差") == ("城乡居民收入倍差", None)
    assert split_unit("地区生产总值（GDP）") == ("地区生产总值（GDP）", None)


def test_split_row_shifted_left_gives_two_series():
    rows = parse_indicators(_table(SPLIT_ROW))
    assert [(r.number, r.name, r.parent, r.unit) for r in rows[:3]] == [
        ("1", "城镇新增就业人数", None, "万人"),
        ("2", "执业医师数", "每千人口拥有医护人员数", "人"),
        ("2", "注册护士数", "每千人口拥有医护人员数", "人"),
    ]
    nurse = rows[2]
    assert (nurse.baseline, nurse.target, nurse.attribute, nurse.category) == (
        "5.92",
        "6.02",
        "预期性",
        "民生",
    )
    doctors = rows[1]
    assert (doctors.baseline, doctors.target, doctors.annual, doctors.attribute) == (
        "4.9",
        "5.0",
        None,
        "预期性",
    )
    assert rows[3].category == "民生" and rows[3].name == "人均预期寿命"
    first = rows[0]
    assert (first.target, first.target_number, first.cumulative, first.cumulative_number) == (
        ">25",
        25.0,
        "125",
        125.0,
    )
    water = rows[5]
    assert (water.baseline, water.baseline_year, water.baseline_number) == ("21.5", 2024, 21.5)
    assert (water.target, water.target_year, water.binding, water.category) == (
        "完成省下达目标",
        2030,
        True,
        "绿色",
    )


def test_spaced_two_line_split_row():
    rows = parse_indicators(_table(SPACED))
    assert [(r.number, r.name, r.category, r.target) for r in rows] == [
        ("1", "地区生产总值年均增长率", "经济强", "6.5%左右"),
        ("2", "居民人均可支配收入增长", "经济强", "与经济增长保持同步"),
        ("3", "执业（助理）医师数", "百姓富", "5"),
        ("3", "注册护士数", "百姓富", "5.5"),
    ]
    assert rows[0].target_number == 6.5 and rows[0].baseline is None and rows[0].baseline_year is None
    assert rows[3].lines == (9,) and rows[2].lines == (7, 8)


# number, name, unit, baseline, target, annual, cumulative, attribute
HANGZHOU_SERIES = [
    ("1", "地区生产总值(GDP)增长", "%", "5.2左右", None, "5以上", None, "预期性"),
    ("2", "全员劳动生产率", "万元/人", "29.6", "35", None, None, "预期性"),
    ("3", "常住人口城镇化率", "%", "85", "86", None, None, "预期性"),
    ("4", "货物和服务贸易进出口总额占全省份额", "%", "21.5", "22", None, None, "预期性"),
    ("5", "单位GDP建设用地使用面积", "平方米/万元", "10.04", "8.8", None, None, "预期性"),
    ("6", "规模以上人工智能核心产业营业收入", "亿元", "4500", "6000", None, None, "预期性"),
    ("7", "数字贸易额", "亿元", "3350", "5000", None, None, "预期性"),
    ("8", "研究与试验发展(R&D)经费支出与地区生产总值之比", "%", "4左右", "4.5", None, None, "预期性"),
    ("9", "每万人高价值发明专利拥有量", "件", "63.7", "78", None, None, "预期性"),
    ("10", "数字经济核心产业增加值占GDP比重", "%", "29.5", "32", None, None, "预期性"),
    ("11", "战略性新兴产业增加值占规模以上工业增加值比重", "%", "45.7", "47.5", None, None, "预期性"),
    ("12", "城镇新增就业人数", "万人", "31.4", ">25", None, "125", "预期性"),
    ("13", "居民人均可支配收入增长", "%", "与经济增长基本同步", None, "与经济增长同步", None, "预期性"),
    ("14", "劳动年龄人口平均受教育年限", "年", None, "12.6", None, None, "约束性"),
    ("15", "执业医师数", "人", "4.9", "5.0", None, None, "预期性"),
    ("15", "注册护士数", "人", "5.92", "6.02", None, None, "预期性"),
    ("16", "养老机构护理型床位占比", "%", "71", "75", None, None, "预期性"),
    ("17", "3岁以下婴幼儿入托率提高", "百分点", None, None, None, "5", "预期性"),
    ("18", "人均预期寿命", "岁", "84.18", "84.3", None, None, "预期性"),
    ("19", "文化及相关产业增加值", "亿元", "3600", "5000", None, None, "预期性"),
    ("20", "家庭可支配收入(按三口之家计算)10万—50万元群体比例", "%", None, "稳步提高", None, None, "预期性"),
    ("21", "城乡居民收入倍差", None, "1.62", "1.58左右", None, None, "预期性"),
    ("22", "单位GDP二氧化碳排放降低", "%", None, None, "完成省下达目标", None, "约束性"),
    ("23", "单位GDP用水量下降率", "%", None, None, "完成省下达目标", None, "约束性"),
    ("24", "非化石能源占能源消费总量比重", "%", "20", "完成省下达目标", None, None, "约束性"),
    ("25", "城市细颗粒物(PM2.5)平均浓度", "微克/立方米", "29", "完成省下达目标", None, None, "约束性"),
    ("26", "优良水体比例", "%", None, "完成省下达目标", None, None, "约束性"),
    ("27", "森林覆盖率", "%", "65.7", ">65", None, None, "约束性"),
    ("28", "粮食综合生产能力", "亿斤", "32", "32", None, None, "约束性"),
    ("29", "能源综合生产能力", "万吨标煤", "340", "400", None, None, "约束性"),
]


@pytest.fixture(scope="module")
def hangzhou_rows():
    table = find_indicator_table(parse_tables(list(plan_lines(HANGZHOU))))
    assert table is not None
    return parse_indicators(table)


def test_hangzhou_all_30_series(hangzhou_rows):
    got = [
        (r.number, r.name, r.unit, r.baseline, r.target, r.annual, r.cumulative, r.attribute)
        for r in hangzhou_rows
    ]
    assert got == HANGZHOU_SERIES
    assert len({r.number for r in hangzhou_rows}) == 29


def test_hangzhou_categories_years_and_provenance(hangzhou_rows):
    by_name = {r.name: r for r in hangzhou_rows}
    assert [
        by_name[n].category
        for n in (
            "数字贸易额",
            "数字经济核心产业增加值占GDP比重",
            "注册护士数",
            "养老机构护理型床位占比",
            "优良水体比例",
            "能源综合生产能力",
        )
    ] == [
        "经济发展",
        "创新驱动",
        "民生福祉",
        "民生福祉",
        "绿色低碳",
        "安全保障",
    ]
    trade = by_name["货物和服务贸易进出口总额占全省份额"]
    assert (trade.baseline_year, trade.target_year, trade.lines) == (2024, 2030, (233,))
    assert by_name["数字贸易额"].baseline_year == 2025
    nurse = by_name["注册护士数"]
    assert (nurse.parent, nurse.series, nurse.lines, nurse.kind) == (
        "每千人口拥有医护人员数",
        "注册护士数",
        (245,),
        "main",
    )
    assert sum(r.binding for r in hangzhou_rows) == 9
    assert by_name["地区生产总值(GDP)增长"].annual_number == 5.0


def test_nanjing_main_indicators():
    tables = parse_tables(list(plan_lines(NANJING)))
    table = find_indicator_table(tables)
    assert table is not None and table.caption.startswith("专栏2")
    rows = parse_indicators(table)
    assert len(rows) == 26 and len({r.number for r in rows}) == 24
    by_number: dict[str, list] = {}
    for r in rows:
        by_number.setdefault(r.number, []).append(r)
    assert [(r.name, r.parent, r.unit, r.target) for r in by_number["10"]] == [
        ("执业（助理）医师数", "每千人口拥有医护人员数", "人", "5"),
        ("注册护士数", "每千人口拥有医护人员数", "人", "5.5"),
    ]
    assert [(r.name, r.parent, r.target, r.cumulative, r.attribute) for r in by_number["24"]] == [
        ("起数下降", "生产安全事故", "〔20〕", "20", "约束性"),
        ("死亡人数下降", "生产安全事故", "〔16〕", "16", "约束性"),
    ]
    first, eighth = by_number["1"][0], by_number["8"][0]
    assert (first.name, first.category, first.unit, first.target, first.target_year) == (
        "地区生产总值（GDP）年均增长率",
        "经济强",
        "%",
        "5以上",
        2030,
    )
    assert (eighth.category, eighth.target, eighth.lines) == ("百姓富", "与经济增长保持同步", (374, 375))
    assert by_number["23"][0].target_number == 100.0 and by_number["22"][0].category == "城市安全韧性"
    assert {r.category for r in rows} == {"经济强", "百姓富", "环境美", "社会文明程度高", "城市安全韧性"}


def test_nanjing_previous_plan_table_is_told_apart():
    tables = parse_tables(list(plan_lines(NANJING)))
    previous = find_previous_plan_table(tables)
    assert previous is not None and previous is not find_indicator_table(tables)
    rows = parse_indicators(previous)
    assert len(rows) == 28 and {r.kind for r in rows} == {"previous_plan"}
    gdp = rows[0]
    assert (gdp.name, gdp.unit, gdp.target, gdp.target_year, gdp.annual, gdp.actual) == (
        "地区生产总值",
        "亿元",
        "20000以上",
        2025,
        "6.5%左右",
        "19428.78，年均增速4.8%",
    )
    assert rows[16].target == "完成省下达指标" and rows[16].lines == (313, 314, 315)
    assert rows[24].cumulative == ">15"


UNNUMBERED = """表1  “十五五”时期经济社会发展主要指标

| 类别 | 指标 | 2025年 | 2030年 | 年均增长（累计） | 属性 |
| 经济发展 | 地区生产总值增长（%） | 5.5 | — | 5左右 | 预期性 |
| 经济发展 | 数字经济核心产业增加值占地区生产总值比重（%） | 12 | 15 | 〔3〕 | 预期性 |
| 创新驱动 | 研究与试验发展经费投入强度（%） | 3.2 | 3.5 | 〔0.3〕 | 预期性 |
| 绿色生态 | 单位地区生产总值能源消耗降低（%） | — | — | 〔13.5〕 | 约束性 |"""


def _numbered_column(text: str) -> str:
    lines = text.split("\n")
    head = [i for i, line in enumerate(lines) if line.startswith("| 类别")][0]
    out = lines[: head + 1]
    out[head] = "| 序号 " + lines[head]
    out += [f"| {k} " + line for k, line in enumerate(lines[head + 1 :], 1)]
    return "\n".join(out)


def _numbered_names(text: str) -> str:
    lines = text.split("\n")
    out, k = [], 0
    for line in lines:
        cells = line.split(" | ")
        if line.startswith("| ") and not line.startswith("| 类别"):
            k += 1
            cells[1] = f"{k}. {cells[1]}"
        out.append(" | ".join(cells))
    return "\n".join(out)


def test_an_unnumbered_indicator_table_numbers_its_rows_as_a_numbered_one_does():
    """No 序号 column and no numbered names (some provinces' tables): the indicators are numbered in
    row order, with the same facts as the same table with a number column or numbered names."""

    def facts(text):
        return [(r.number, r.name, r.unit, r.category, r.baseline, r.target, r.annual, r.cumulative,
                 r.attribute) for r in parse_indicators(_table(text))]  # fmt: skip

    expected = [
        ("1", "地区生产总值增长", "%", "经济发展", "5.5", None, "5左右", None, "预期性"),
        ("2", "数字经济核心产业增加值占地区生产总值比重", "%", "经济发展", "12", "15", None, "3", "预期性"),
        ("3", "研究与试验发展经费投入强度", "%", "创新驱动", "3.2", "3.5", None, "0.3", "预期性"),
        ("4", "单位地区生产总值能源消耗降低", "%", "绿色生态", None, None, None, "13.5", "约束性"),
    ]
    assert facts(UNNUMBERED) == expected
    assert facts(_numbered_column(UNNUMBERED)) == expected
    assert facts(_numbered_names(UNNUMBERED)) == expected
    spaced = "\n".join(
        "    ".join(c.strip() for c in line.strip("| ").split(" | ")) if line.startswith("| ") else line
        for line in UNNUMBERED.split("\n")
    )  # the columns as a PDF's text gives them: runs of spaces
    assert _table(spaced).kind == "spaced" and facts(spaced) == expected
