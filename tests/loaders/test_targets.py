"""Target extraction on real phrases copied from the Hangzhou and Nanjing outlines."""

from pathlib import Path

import pytest

from kg.loaders.interpreters.targets import extract_targets

ROOT = Path(__file__).resolve().parents[2]
PLANS = [
    ROOT / "kg/data/plans/hangzhou-15th-five-year-plan-outline.txt",
    ROOT / "tests/data/nanjing-15th-five-year-plan-outline.txt",
]


def facts(text):
    return [(t.value, t.unit, t.year, t.comparator, t.subject) for t in extract_targets(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "到2030年，规模以上人工智能核心产业营业收入超6000亿元。",
            [("6000", "亿元", 2030, ">", "规模以上人工智能核心产业营业收入")],
        ),
        (
            "到2030年，集成电路核心产业营业收入超1030亿元。",
            [("1030", "亿元", 2030, ">", "集成电路核心产业营业收入")],
        ),
        (
            "到2030年，力争视觉智能产业营业收入达到11000亿元、产值达到6000亿元。",
            [("11000", "亿元", 2030, "=", "视觉智能产业营业收入"), ("6000", "亿元", 2030, "=", "产值")],
        ),
        ("到2030年建成高质量数据集300个。", [("300", "个", 2030, "=", "高质量数据集")]),
        ("到2027年，全市可调度智算规模超过100EFLOPS。", [("100", "EFLOPS", 2027, ">", "可调度智算规模")]),
        (
            "到 2030 年，培育人工智能赋能制造业省级试点 2 个，打造应用标杆企业 20 家。",
            [
                ("2", "个", 2030, "=", "人工智能赋能制造业省级试点"),
                ("20", "家", 2030, "=", "应用标杆企业"),
            ],
        ),
        (
            "力争到 2030 年全市高技能人才总量达到 114 万人，高技能人才占技能人才的比例达到 38%。",
            [
                ("114", "万人", 2030, "=", "高技能人才总量"),
                ("38", "%", 2030, "=", "高技能人才占技能人才的比例"),
            ],
        ),
        (
            "每年举办3—5项高品质国际赛事、50项以上全国性赛事，打造5项品牌赛事。",
            [
                ("3—5", "项", None, "range", "高品质国际赛事"),
                ("50", "项", None, ">=", "全国性赛事"),
                ("5", "项", None, "=", "品牌赛事"),
            ],
        ),
        (
            "聚焦十大领域谋划推进市重大项目1000个以上，“十五五”期间计划投资1.5万亿元左右。",
            [
                ("1000", "个", None, ">=", "聚焦十大领域谋划推进市重大项目"),
                ("1.5", "万亿元", None, "≈", "计划投资"),
            ],
        ),
        (
            "力争到2030年中心城区公共交通出行量占机动化方式出行量比重不低于55%。",
            [("55", "%", 2030, ">=", "中心城区公共交通出行量占机动化方式出行量比重")],
        ),
        (
            "到2030年，实现数字贸易额5000亿元，出口额1000万美元以上数字贸易企业突破300家。",
            [
                ("5000", "亿元", 2030, "=", "数字贸易额"),
                ("300", "家", 2030, ">", "出口额1000万美元以上数字贸易企业"),
            ],
        ),
        ("城乡居民收入倍差缩小至1.62", [("1.62", "", None, "=", "城乡居民收入倍差")]),
        ("实施城市更新重点片区不少于30个。", [("30", "个", None, ">=", "城市更新重点片区")]),
        ("全市新增和改造公园超过200个", [("200", "个", None, ">", "新增和改造公园")]),
        # Nanjing: 到“十五五”末 is a period marker, not a year.
        (
            "到“十五五”末，全市智能电网产业规模突破1万亿元。",
            [("1", "万亿元", None, ">", "智能电网产业规模")],
        ),
        (
            "到“十五五”末，禄口国际机场力争达到年旅客吞吐量5000万人次、货邮吞吐量65万吨。",
            [
                ("5000", "万人次", None, "=", "年旅客吞吐量"),
                ("65", "万吨", None, "=", "货邮吞吐量"),
            ],
        ),
        ("培育形成工业应用大模型1—2个", [("1—2", "个", None, "range", "工业应用大模型")]),
        ("经济总量力争迈上万亿元台阶", [("", "万亿元", None, "=", "经济总量")]),
        ("城市细颗粒物浓度下降百分之十五", [("十五", "百分之", None, "=", "城市细颗粒物浓度下降")]),
    ],
)
def test_real_phrases(text, expected):
    assert facts(text) == expected


def test_numbers_and_flags():
    t1, t2 = extract_targets(
        "到“十五五”末，全市新材料产业规模力争达到5000亿元，技术交易额累计达到16000亿元。"
    )
    assert (t1.number, t1.aspiration, t1.cumulative) == (5000.0, True, False)
    assert (t2.number, t2.aspiration, t2.cumulative) == (16000.0, False, True)
    [r] = extract_targets("每年举办3—5项高品质国际赛事")
    assert (r.number, r.high) == (3.0, 5.0)
    [p] = extract_targets("“十五五”期间计划投资1.5万亿元左右")
    assert p.cumulative and p.year is None


def test_offsets_cover_the_phrase_in_the_given_string():
    text = "科技创新。到 2030 年，全市服务业增加值突破 2 万亿元，生产性服务业增加值占服务业比重达到 60%。"
    first, second = extract_targets(text)
    assert text[first.start : first.end] == "到 2030 年，全市服务业增加值突破 2 万亿元"
    assert text[second.start : second.end] == "生产性服务业增加值占服务业比重达到 60%"
    assert (first.value, first.unit, first.year, second.year) == ("2", "万亿元", 2030, 2030)


def test_full_width_digits_keep_offsets():
    text = "到２０３０年，新增学位１０万个。"
    [t] = extract_targets(text)
    assert (t.value, t.number, t.unit, t.year) == ("１０", 10.0, "万个", 2030)
    assert text[t.start : t.end] == "到２０３０年，新增学位１０万个"


@pytest.mark.parametrize(
    "text",
    [
        "聚焦“296X”先进制造业集群建设",
        "做大做强“1+2+33+7+N”高能级科创平台矩阵",
        "加快完善都市圈“1小时通勤圈”",
        "3A游戏《黑神话：悟空》风靡全球",
        "城市细颗粒物（PM2.5）平均浓度",
        "培育6G、未来网络等产业赛道",
        "长三角G60科创走廊建设",
        "研究与试验发展(R&D)经费支出",
        "第七章 统筹建设三大基础工程",
        "重大投资十大工程",
        "专栏 12 重大投资十大工程",
        "1. 人工智能+科学研究。",
        "谋划建设第3个大科学装置",
        "成为全国第10个超大城市、第8个经济规模超2万亿元的城市",
        "对 2001—2005 年建成的城镇老旧小区实施改造提升",
        "到2030年",
        "聚焦集成电路、新材料等9个领域",
        "加快打造人工智能、视觉智能2个万亿级产业集群",
        "推进抽水蓄能电站、400万千瓦光伏装机等重大项目",
        "重点推进2岁以下婴幼儿的融合托育服务",
        "| 经济发展 (7项) | 1 |",
    ],
)
def test_not_targets(text):
    assert extract_targets(text) == []


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name.split("-")[0])
def test_whole_plans(path):
    text = path.read_text(encoding="utf-8")
    found = [t for line in text.split("\n") for t in extract_targets(line)]
    assert len(found) > 90
    for t in found:
        assert t.year is None or 2020 <= t.year <= 2035
        assert t.number is not None and t.start < t.end


def years(text, end_year=None):
    return [(t.value, t.year) for t in extract_targets(text, end_year)]


@pytest.mark.parametrize("year", ["二〇三〇年", "二○三○年", "2030 年", "２０３０年"])
def test_years_in_any_writing(year):
    assert years(f"到{year}，建成高质量数据集300个。") == [("300", 2030)]


@pytest.mark.parametrize(
    "text",
    [
        "城镇化率从2020年的5%提高到2025年的8%。",
        "其中三级医疗机构较2020年新增14家。",
        "“十四五”时期，生产性服务业增加值占服务业增加值比重提升至59.0%。",
        "已建成5G基站11万座。",
        "累计建成5G基站超11万座。",
        "累计完成投资1.2万亿元。",
        "2025年来源于广州地区的一般公共预算收入超6千亿元。",
        "到“十四五”末，全市智能电网产业规模突破1万亿元。",
    ],
)
def test_past_achievements_are_not_targets(text):
    assert extract_targets(text, end_year=2030) == []


def test_a_base_year_is_never_the_target_year():
    assert facts("城镇化率从2020年的5%提高到2025年的8%") == [("8", "%", 2025, "=", "城镇化率")]
    assert years("到2030年，单位GDP能耗较2025年下降14%") == [("14", 2030)]
    assert years("较2020年新增14家") == []
    assert years("由309家增至368家") == [("368", None)]


@pytest.mark.parametrize(
    ("text", "end_year", "year"),
    [
        ("到“十五五”末，全市智能电网产业规模突破1万亿元。", 2030, 2030),
        ("到规划期末，全市智能电网产业规模突破1万亿元。", 2030, 2030),
        ("到规划期末，全市智能电网产业规模突破1万亿元。", 2025, 2025),
        ("“十五五”期间，全市累计完成投资1.5万亿元。", 2030, 2030),
        ("“十五五”期间计划投资1.5万亿元左右。", 2030, 2030),
        ("到“十四五”末，全市智能电网产业规模突破1万亿元。", 2025, 2025),
        ("到“十五五”末，全市智能电网产业规模突破1万亿元。", None, None),
        ("每年举办5项品牌赛事。", 2030, None),
    ],
)
def test_the_plans_end_year(text, end_year, year):
    [t] = extract_targets(text, end_year)
    assert t.year == year


@pytest.mark.parametrize(
    "text",
    [
        "“15+8”产业是指15个战略性产业和8个现代服务业",
        "聚焦15个战略性产业和8个现代服务业",
        "6个未来产业包括智能无人系统、具身智能",
        "“21”即15个战略性产业集群和6个未来产业",
        "加快培育9个千亿级特色产业集群",
        "实施12项重点任务",
        "从6个方面推进改革",
        "做大做强番禺、南沙、黄埔、花都4个以整车制造为主的汽车产业集群",
    ],
)
def test_counts_in_definitions_are_not_targets(text):
    assert extract_targets(text, end_year=2030) == []


def test_ratios_per_day_units_and_ages_as_targets():
    def read(sentence):
        return [(m.value, m.unit, m.comparator) for m in extract_targets(sentence, 2030)]

    assert read("零部件制造业和整车制造业产值比提升至0.7:1") == [("0.7:1", "", "=")]
    assert read("全市水厂综合生产能力达1000万立方米/日") == [("1000", "万立方米/日", "=")]
    assert read("人均预期寿命提高到85岁以上") == [("85", "岁", ">=")]
    # an age bracket before its noun and a time of day are no targets
    assert read("为3岁以下婴幼儿提供托育服务") == []
    assert read("每天8:30开放") == []
