from collections import Counter

from kg.loaders.interpreters.clusters import clusters, parse_cluster_list, parse_cluster_table, tier_of
from kg.loaders.layouts.tables import find_table_blocks, parse_table, parse_tables
from tests.loaders.table_samples import CLUSTER_LIST, HANGZHOU, NANJING, SHIFTED_PAGE_BREAK, plan_lines


def test_tier_of():
    assert tier_of("2个万亿级产业集群") == "万亿级"
    assert tier_of("9个千亿级特色产业集群") == "千亿级"
    assert tier_of("6 个未来产业") == "未来产业"
    assert tier_of("人工智能") is None


def test_cluster_table_sample_with_page_break_shift():
    lines = SHIFTED_PAGE_BREAK.split("\n")
    rows = parse_cluster_table(parse_table(lines, find_table_blocks(lines)[0]))
    assert [(r.tier, r.cluster, r.field, r.line) for r in rows] == [
        ("万亿级", "甲产业", "发展目标", 5),
        ("万亿级", "甲产业", "重点平台", 6),
        ("万亿级", "乙产业", "发展目标", 10),
        ("未来产业", "丙产业", "重点平台", 11),
        ("未来产业", "丙产业", "科研支撑", 15),
        ("未来产业", "戊产业", "重点平台", 16),
        ("未来产业", "戊产业", "科研支撑", 17),
    ]
    assert rows[2].text == "到2030年，产值突破50亿元。"


def test_hangzhou_296x_clusters():
    table = next(t for t in parse_tables(list(plan_lines(HANGZHOU))) if "296X" in t.caption)
    rows = parse_cluster_table(table)
    found = clusters(rows)
    assert found == [
        ("万亿级", "人工智能"),
        ("万亿级", "视觉智能"),
        ("千亿级", "具身智能机器人及其他智能终端"),
        ("千亿级", "集成电路"),
        ("千亿级", "生物医药与医疗器械"),
        ("千亿级", "网络通信"),
        ("千亿级", "智能网联汽车"),
        ("千亿级", "新能源装备"),
        ("千亿级", "新材料"),
        ("千亿级", "高端通用设备"),
        ("千亿级", "现代纺织与服装"),
        ("未来产业", "合成生物"),
        ("未来产业", "航空航天"),
        ("未来产业", "低空经济"),
        ("未来产业", "量子技术"),
        ("未来产业", "光电科技"),
        ("未来产业", "类脑智能"),
    ]
    assert Counter(r.field for r in rows) == {
        "重点平台": 15,
        "发展目标": 11,
        "科研支撑": 6,
        "重点平台（区域）": 1,
        "重点区域": 1,
    }
    by_key = {(r.cluster, r.field): r for r in rows}
    assert by_key[("集成电路", "发展目标")].text == "到2030年，集成电路核心产业营业收入超1030亿元。"
    assert by_key[("光电科技", "重点区域")].text == "萧山区、西湖区、富阳区。"
    assert by_key[("合成生物", "科研支撑")].line == 502
    assert by_key[("航空航天", "重点平台")].text.startswith("杭州临空经济示范区、西湖云栖小镇、建德航空小镇")


def test_cluster_list_sample():
    lines = CLUSTER_LIST.split("\n")
    rows = parse_cluster_list(parse_table(lines, find_table_blocks(lines)[0]))
    assert [(r.cluster, r.field, r.text, r.number, r.line) for r in rows] == [
        ("甲产业（乙服务）", "产业集群", "甲产业（乙服务）", "1", 3),
        ("甲产业（乙服务）", "产业链", "甲链", "1", 3),
        ("甲产业（乙服务）", "产业链", "乙链", "2", 4),
        ("丙产业", "产业集群", "丙产业", "2", 5),
        ("丙产业", "产业链", "丙链", "3", 5),
    ]


def test_nanjing_1026_scheme():
    lines = list(plan_lines(NANJING))
    block = next(b for b in find_table_blocks(lines) if "产业链" in lines[b.start])
    rows = parse_cluster_list(parse_table(lines, block))
    names = [r.cluster for r in rows if r.field == "产业集群"]
    assert names == [
        "人工智能（软件和信息服务）",
        "智能电网",
        "智能制造装备",
        "新材料",
        "智能网联新能源汽车",
        "生物医药",
        "新一代信息通信",
        "集成电路",
        "低空经济（航空航天）",
        "机器人",
    ]
    chains = [r for r in rows if r.field == "产业链"]
    assert len(chains) == 26 and chains[-1].text == "服务消费机器人" and chains[-1].line == 455
    assert Counter(r.cluster for r in chains)["智能网联新能源汽车"] == 4
    assert [r.text for r in chains if r.cluster == "集成电路"] == ["集成电路（含第三代半导体）"]


def test_uncounted_enumerations_of_a_named_group_split_at_yiji():
    from kg.loaders.interpreters.cluster_definitions import find_enumerations

    # the national outline's wording: 以及 joins the last items like 、
    text = (
        "聚焦新一代信息技术、生物技术、新能源、新材料、高端装备、新能源汽车、绿色环保以及航空航天、"
        "海洋装备等战略性新兴产业，加快关键核心技术创新应用"
    )
    found = find_enumerations(text)
    assert [d.name for d in found] == [
        "新一代信息技术", "生物技术", "新能源", "新材料", "高端装备",
        "新能源汽车", "绿色环保", "航空航天", "海洋装备",
    ]  # fmt: skip
    assert {d.tier for d in found} == {"战略性新兴产业"}
    assert all(text[d.start : d.end] == d.name for d in found)
    # a bare 产业 is no group; a list of firms of a cluster is no list of clusters
    assert find_enumerations("发展林下经济、乡村旅游等产业") == []
    assert find_enumerations("引进华为、阿里等集群企业") == []
