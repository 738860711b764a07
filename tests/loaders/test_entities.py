from importlib import resources
from pathlib import Path

import pytest

from kg.loaders.interpreters.entities import (
    find_districts,
    find_institutions,
    find_platforms,
    normalise_entity_name,
    place_names,
    split_entity_list,
)

NANJING = Path(__file__).parents[1] / "data" / "nanjing-15th-five-year-plan-outline.txt"


def hangzhou_text() -> str:
    path = resources.files("kg").joinpath("data/plans/hangzhou-15th-five-year-plan-outline.txt")
    return path.read_text(encoding="utf-8")


def platform_cells() -> list[str]:
    """The cell after each 重点平台 cell of the 296X table."""
    cells = []
    for line in hangzhou_text().splitlines():
        parts = [p.strip() for p in line.split("|")]
        if any(p.startswith("重点平台") for p in parts):
            key = next(i for i, p in enumerate(parts) if p.startswith("重点平台"))
            cells.append(next(p for p in parts[key + 1 :] if p))
    return cells


def test_the_296x_cells_split_exactly():
    cells = platform_cells()
    assert len(cells) == 16
    names = [[i.name for i in split_entity_list(c)] for c in cells]
    assert names[0] == [
        "滨江物联网小镇", "钱塘大创小镇", "萧山“三芯”社区", "西湖紫金港科技城", "大运河数智未来城",
        "桐庐智慧安防小镇", "余杭未来科技城", "临平算力小镇", "杭州富春湾新城", "富阳银湖科技城",
    ]  # fmt: skip
    assert names[3] == [
        "杭州临空经济示范区", "钱塘芯谷", "萧山经济技术开发区", "余杭未来科技城", "临安青山湖科技城",
        "桐庐经济开发区", "西湖紫金港科技城", "杭州富春湾新城",
    ]  # fmt: skip
    assert names[4][0] == "杭州高新区（滨江）" and len(names[4]) == 15
    assert names[8] == [
        "萧山膜材料小镇", "临安浙西膜谷", "钱塘省级化工园区", "建德省级化工园区", "临安省级化工园区",
    ]  # fmt: skip
    assert names[12] == [
        "杭州临空经济示范区",
        "西湖云栖小镇",
        "建德航空小镇",
        "钱塘区航空航天“万亩千亿”新产业平台",
    ]
    assert [len(n) for n in names] == [10, 12, 13, 8, 15, 7, 5, 5, 5, 5, 11, 8, 4, 4, 1, 3]
    for cell in cells:
        for item in split_entity_list(cell):
            assert not item.name.endswith(("等", "。")) and not item.name.startswith("以及")
            assert (
                item.name == normalise_entity_name(cell[item.start : item.end])
                or "个" in cell[item.start : item.end]
            )


def test_counted_list_distributes_its_head_and_spans_the_enumeration():
    cell = "萧山膜材料小镇、临安浙西膜谷，以及钱塘、建德、临安三个省级化工园区。"
    items = split_entity_list(cell)
    assert [i.name for i in items[2:]] == ["钱塘省级化工园区", "建德省级化工园区", "临安省级化工园区"]
    assert {cell[i.start : i.end] for i in items[2:]} == {"钱塘、建德、临安三个省级化工园区"}
    assert cell[items[1].start : items[1].end] == "临安浙西膜谷"
    # a count that does not match the enumeration is left alone
    assert [i.name for i in split_entity_list("钱塘、建德五个省级化工园区")] == [
        "钱塘",
        "建德五个省级化工园区",
    ]


def test_parenthesised_qualifiers():
    items = split_entity_list(
        "浙江大学杭州国际科创中心（量子计算）、国科大杭高院（量子通信）、杭州高新区（滨江）等。"
    )
    assert [(i.name, i.qualifier) for i in items] == [
        ("浙江大学杭州国际科创中心", "量子计算"),
        ("国科大杭高院", "量子通信"),
        ("杭州高新区（滨江）", None),
    ]


def test_normalise_entity_name():
    assert normalise_entity_name('萧山"三芯"社区') == "萧山“三芯”社区"
    assert normalise_entity_name("萧山「三芯」社区") == "萧山“三芯”社区"
    assert normalise_entity_name("杭州高新区 (滨江)") == "杭州高新区（滨江）"
    assert normalise_entity_name("**钱塘芯谷**") == "钱塘芯谷"


# Running-text sentences of both plans (copied as they stand) with every platform they name.
POSITIVE = [
    ("推进白马湖实验室、浙江大学杭州国际科创中心等重大项目。", ["白马湖实验室", "浙江大学杭州国际科创中心"]),
    ("支持杭州高新区（滨江）建设世界领先科技园区、未来科技城争创国家高新区。",
     ["杭州高新区（滨江）", "未来科技城"]),
    ("联动杭州钱塘新区、宁波前湾新区、绍兴滨海新区、舟山群岛新区，加强产业链、创新链合作。",
     ["杭州钱塘新区", "宁波前湾新区", "绍兴滨海新区", "舟山群岛新区"]),
    ("强化与宁波舟山港、上海港的高效衔接。", ["宁波舟山港", "上海港"]),
    ("推进杭州技术转移转化中心建设，迭代升级成果转化垂直应用大模型。", ["杭州技术转移转化中心"]),
    ("1. 中国（浙江）自由贸易试验区杭州片区。", ["中国（浙江）自由贸易试验区杭州片区"]),
    ("持续加强与吉林省长春市、长白山保护开发区对口合作。", ["长白山保护开发区"]),
    ("支持紫金山实验室争创国家实验室（基地），承担更多国家重大科技攻关任务。", ["紫金山实验室"]),
    ("以仙林大学城、江宁大学城及江北新区、鼓楼、秦淮、玄武等高校院所周边区域为先导。",
     ["仙林大学城", "江宁大学城", "江北新区"]),
    ("深化江苏自贸试验区生物医药全产业链开放创新试点。", ["江苏自贸试验区"]),
    ("优化示范区与禄口新城、柘塘新城功能布局。", ["禄口新城", "柘塘新城"]),
    ("深入推动宁淮智能制造产业园高质量发展，聚焦智能装备、新能源、机器人和新材料产业。",
     ["宁淮智能制造产业园"]),
    ("稳步推动金陵石化、南钢、雨花经开区、梅钢等产业地段更新。", ["雨花经开区"]),
    ("高标准建设杏湖产业园，加快向高端金属材料下游延链发展。", ["杏湖产业园"]),
]  # fmt: skip

# Generic phrases that must never become platforms.
NEGATIVE = [
    "聚焦具身智能机器人等9个领域，打造9个千亿级特色产业集群。",
    "以国家实验室、大科学装置、高能级科创平台为核心，建设重大科创平台。",
    "布局一批中试基地，建强概念验证中心。",
    "累计获批重组全国重点实验室，用好高校实验室。",
    "推动产业园区提质增效，建设若干特色园区。",
    "支持3个省级化工园区规范化发展。",
    "|---|----------------|------|--|",
    "加快推动中心城区有机更新，建设国际化大都市。",
    "彰显历史文化名城魅力，打造博物馆之城、活力之城。",
    "积极争创国家级和省级零碳园区，打造青年发展型园区。",
    "获评首批国家知识产权保护示范区，入选全国双拥模范城。",
    "加强与全国高校、科研院所合作，支持大学生创新创业。",
    "建设一批高能级校友经济园区和海外生产基地。",
    "推动重点园区、物流园区和数据要素园区建设。",
]


# the sentences come from the Hangzhou and Nanjing plans: their provinces' short place names count
PLACES = place_names("浙江省") | place_names("江苏省")


@pytest.mark.parametrize(("sentence", "expected"), POSITIVE)
def test_find_platforms_in_running_text(sentence, expected):
    matches = find_platforms(sentence, PLACES)
    assert [m.name for m in matches] == expected
    for m in matches:
        assert normalise_entity_name(sentence[m.start : m.end]) == m.name


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_platform_in_generic_phrases(sentence):
    assert find_platforms(sentence, PLACES) == []


def test_platform_kinds():
    sentence = "推进余杭梦想小镇、紫金山实验室、南京经济技术开发区建设"
    kinds = {m.name: m.kind for m in find_platforms(sentence, PLACES)}
    assert kinds == {"余杭梦想小镇": "town", "紫金山实验室": "lab", "南京经济技术开发区": "zone"}


def test_find_institutions():
    text = (
        "支持浙江大学、西湖大学光电研究院和中国科学院杭州医学研究所建设，"
        "扩大大学生就业，建设高水平研究型大学。"
    )
    assert [m.name for m in find_institutions(text)] == [
        "浙江大学",
        "西湖大学光电研究院",
        "中国科学院杭州医学研究所",
    ]
    assert [
        m.name for m in find_institutions("推进仙林大学城、东南大学、南京鼓楼医院建设，完善公立医院")
    ] == [
        "东南大学",
        "南京鼓楼医院",
    ]


def test_find_districts_with_ambiguity_rules():
    found = find_districts("钱塘、建德、临安三个省级化工园区；萧山区、西湖区、富阳区。", "杭州市")
    assert [(m.name, m.id) for m in found][:3] == [
        ("钱塘区", "district:杭州市钱塘区"),
        ("建德市", "district:杭州市建德市"),
        ("临安区", "district:杭州市临安区"),
    ]
    assert [m.name for m in found[3:]] == ["萧山区", "西湖区", "富阳区"]
    assert find_districts("保护西湖，治理钱塘江，推进临平数智城建设", "杭州市") == []
    assert [m.id for m in find_districts("江北新区、鼓楼、秦淮、玄武等高校院所", "南京市")] == [
        "district:南京市江北新区",
        "district:南京市鼓楼区",
        "district:南京市秦淮区",
        "district:南京市玄武区",
    ]
    assert find_districts("鼓楼区") == []  # 南京 or 徐州: needs the city


def test_real_plans_yield_known_platforms():
    hz = {m.name for m in find_platforms(hangzhou_text(), place_names("浙江省"))}
    assert {"余杭未来科技城", "之江实验室", "临安青山湖科技城", "杭州临空经济示范区"} <= hz
    nj = {m.name for m in find_platforms(NANJING.read_text(encoding="utf-8"), place_names("江苏省"))}
    assert {"江北新区", "紫金山实验室", "南京经济技术开发区", "麒麟科技城", "江宁经济技术开发区"} <= nj
    assert not {n for n in hz | nj if n.startswith(("一批", "若干")) or n in ("国家实验室", "产业园区")}


def test_short_place_names_count_only_in_their_province():
    # 富裕 is 富裕县 in Heilongjiang: no place for a Zhejiang plan's 共同富裕示范区
    assert find_platforms("高质量发展建设共同富裕示范区", place_names("浙江省")) == []
    assert [m.name for m in find_platforms("建设黄埔氢能产业园", place_names("广东省"))] == ["黄埔氢能产业园"]


def test_named_national_bodies_are_platforms_but_grades_and_categories_are_not():
    text = (
        "发挥国家集成电路设计自动化技术创新中心、国家第三代半导体技术创新中心等国家级创新平台作用，"
        "创建国家制造业创新中心，建设国家级知识产权服务出口基地、国家首批服务贸易创新发展示范区。"
    )
    assert [m.name for m in find_platforms(text)] == [
        "国家集成电路设计自动化技术创新中心",
        "国家第三代半导体技术创新中心",
    ]


def test_cities_by_full_name_or_as_items_of_an_enumeration():
    from kg.loaders.interpreters.entities import find_cities

    text = "推进杭州都市圈与南京都市圈合作，加强与宁波、温州、金华的联动，建设南京路，对接上海市"
    assert [(m.name, m.id) for m in find_cities(text)] == [
        ("宁波市", "district:宁波市"),
        ("温州市", "district:温州市"),
        ("金华市", "district:金华市"),
        ("上海市", "district:上海市"),
    ]


def test_designations_and_glued_verbs_are_not_platforms():
    places = place_names("广东省")
    # a grade a government awards, not one lab; a lab named after its city is one lab
    assert find_platforms("支持建设北京市重点实验室和省级重点实验室", places) == []
    assert [m.name for m in find_platforms("支持广州实验室建设", places)] == ["广州实验室"]
    assert find_platforms("推进境外经贸合作区建设", places) == []
    assert [m.name for m in find_platforms("服务保障好中新广州知识城建设", places)] == ["中新广州知识城"]
    assert [m.name for m in find_platforms("串联高埔创智谷", places)] == ["高埔创智谷"]
    assert find_platforms("改造天河体育中心", places) == []


def test_coordinated_names_share_their_designation():
    text = (
        "加快建设集成电路设计自动化、第三代半导体国家技术创新中心，"
        "推进番禺国家级沿海渔港经济区、南沙省级现代渔业产业园建设"
    )
    matches = find_platforms(text, place_names("广东省"))
    assert [m.name for m in matches] == [
        "集成电路设计自动化国家技术创新中心",
        "第三代半导体国家技术创新中心",
        "南沙省级现代渔业产业园",  # the first item names its own designation: no distribution
    ]
    # each item's quote is its own text
    assert text[matches[0].start : matches[0].end] == "集成电路设计自动化"


def test_centres_a_province_or_city_designates_by_name():
    places = place_names("江苏省")
    text = "发挥国家第三代半导体技术创新中心等国家级创新平台和省光电技术创新中心等省级创新平台作用"
    assert [m.name for m in find_platforms(text, places)] == [
        "国家第三代半导体技术创新中心",
        "省光电技术创新中心",
    ]
    # a grade without a name, and a public service centre, are not
    assert find_platforms("建设省技术创新中心、省级创新中心，推进市粮食应急保障中心建设", places) == []
    assert find_platforms("争创中医类国家医学中心", places) == []


def test_collection_zones_and_regions_make_platforms():
    places = place_names("江苏省")
    assert [m.name for m in find_platforms("加快建设江苏绿色能源产业集聚区。", places)] == [
        "江苏绿色能源产业集聚区"
    ]
    # a national region (data/regions.tsv) makes a name specific as a city does
    assert [m.name for m in find_platforms("建设粤港澳大湾区国家技术创新中心", places)] == [
        "粤港澳大湾区国家技术创新中心"
    ]


def test_running_text_lists_of_platforms_need_no_suffix():
    from kg.loaders.interpreters.entities import listed_platform
    from kg.loaders.interpreters.entity_lists import listed_names

    places = place_names("江苏省")
    text = "依托江苏国际数据港、数字江苏科创园、江苏（南京）算数空间、技术中心等平台，建设大模型工厂等平台"
    items = [i.name for i in listed_names(text, named_head=True)]
    assert items == ["江苏国际数据港", "数字江苏科创园", "江苏（南京）算数空间", "技术中心", "大模型工厂"]
    assert [n for n in items if listed_platform(n, places)] == items[:3]
    # a list of fields, not of platforms, names none
    assert listed_names("培育细胞与基因治疗、核医疗等领域", named_head=True) == []


def test_a_place_opening_a_part_joined_by_a_dot_locates_the_platform():
    from kg.loaders.interpreters.entity_records import EntityRegistry
    from kg.records import Source

    out: list = []
    registry = EntityRegistry("gz", "广州市国民经济和社会发展第十五个五年规划纲要", out)
    pid = registry.platform("广东医谷·南沙生命科学园", Source("gz", "", 1, 1, "广东医谷·南沙生命科学园"))
    located = [r for r in out if getattr(r, "type", None) == "LOCATED_IN" and r.start == pid]
    assert [r.end for r in located] == ["district:广州市南沙区"]
