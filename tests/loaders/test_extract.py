"""Extraction on the real plans: the facts an analyst relies on, checked against the text."""

import re
from collections import Counter

import pytest

from kg.queries.memory import run_query
from tests.plans import HANGZHOU, NANJING, built


@pytest.fixture(scope="module")
def hz():
    return built(HANGZHOU)


@pytest.fixture(scope="module")
def nj():
    return built(NANJING)


def nodes(g, kind):
    return {n: a for n, a in g.nodes(data=True) if a["type"] == kind}


def by_name(g, kind, name):
    (node,) = [n for n, a in nodes(g, kind).items() if a["name"] == name]
    return node


def out(g, node, kind):
    return sorted(g.nodes[v]["name"] for _, v, k in g.out_edges(node, keys=True) if k == kind)


def test_296x_scheme_clusters_and_tiers(hz):
    clusters = nodes(hz, "IndustryCluster")
    tiers = Counter(a["tier"] for a in clusters.values())
    assert tiers == {"万亿级": 2, "千亿级": 9, "未来产业": 6}
    assert {"人工智能", "视觉智能", "集成电路", "新材料", "合成生物", "类脑智能"} <= {
        a["name"] for a in clusters.values()
    }


def test_platforms_serving_integrated_circuits(hz):
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, hz)
    assert [(r["platform"], r["district"]) for r in rows] == [
        ("临安青山湖科技城", "临安区"),
        ("余杭未来科技城", "余杭区"),
        ("杭州临空经济示范区", "萧山区"),
        ("杭州富春湾新城", "富阳区"),
        ("桐庐经济开发区", "桐庐县"),
        ("萧山经济技术开发区", "萧山区"),
        ("西湖紫金港科技城", "西湖区"),
        ("钱塘芯谷", "钱塘区"),
    ]
    # the quote is the statement, the 重点平台 cell listing every one, not the platform's name alone
    cell = (
        "杭州临空经济示范区、钱塘芯谷、萧山经济技术开发区、余杭未来科技城、"
        "临安青山湖科技城、桐庐经济开发区、西湖紫金港科技城、杭州富春湾新城等。"
    )
    assert {r["quote"] for r in rows} == {cell}


def test_one_platform_is_one_node_with_an_edge_per_cluster(hz):
    node = by_name(hz, "Platform", "滨江物联网小镇")
    assert out(hz, node, "SUPPORTS") == ["人工智能", "具身智能机器人及其他智能终端", "视觉智能"]
    assert out(hz, node, "LOCATED_IN") == ["滨江区"]


def test_counted_list_expands_to_three_chemical_parks(hz):
    cluster = by_name(hz, "IndustryCluster", "新材料")
    parks = sorted(
        hz.nodes[u]["name"]
        for u, _, k in hz.in_edges(cluster, keys=True)
        if k == "SUPPORTS" and hz.nodes[u]["type"] == "Platform"
    )
    assert parks == sorted(
        ["萧山膜材料小镇", "临安浙西膜谷", "钱塘省级化工园区", "建德省级化工园区", "临安省级化工园区"]
    )
    assert out(hz, by_name(hz, "Platform", "建德省级化工园区"), "LOCATED_IN") == ["建德市"]


def test_institutions_and_districts_support_future_industries(hz):
    optics = by_name(hz, "IndustryCluster", "光电科技")
    supporters = {
        (hz.nodes[u]["type"], hz.nodes[u]["name"])
        for u, _, k in hz.in_edges(optics, keys=True)
        if k == "SUPPORTS"
    }
    assert {("District", "萧山区"), ("District", "西湖区"), ("District", "富阳区")} <= supporters
    assert ("Institution", "西湖大学光电研究院") in supporters


def test_cluster_goal_and_target(hz):
    cluster = by_name(hz, "IndustryCluster", "集成电路")
    (target,) = [v for _, v, k in hz.out_edges(cluster, keys=True) if k == "MEASURED_BY"]
    t = hz.nodes[target]
    assert (t["value"], t["unit"], t["year"], t["comparator"]) == ("1030", "亿元", 2030, ">")
    assert "集成电路核心产业营业收入" in t["subject"]


def test_western_districts_table_locates_its_platforms(hz):
    for platform, district in [
        ("临安青山湖科技城", "临安区"),  # the table's 青山湖科技城 is the same platform
        ("中国高端水业基地", "淳安县"),
        ("城西科创大走廊桐庐新质生产力特别合作园", "桐庐县"),
        ("三江口农旅融合平台", "建德市"),
    ]:
        assert out(hz, by_name(hz, "Platform", platform), "LOCATED_IN") == [district], platform


def test_district_prefix_does_not_split_a_platform(hz):
    names = {a["name"] for a in nodes(hz, "Platform").values()}
    assert "临安青山湖科技城" in names and "青山湖科技城" not in names
    assert {"萧山经济技术开发区", "富阳经济技术开发区", "临平经济技术开发区"} <= names


def test_main_indicator_table(hz):
    indicators = [a for a in nodes(hz, "Indicator").values() if a["kind"] == "main"]
    assert len(indicators) == 30
    by = {a["name"]: a for a in indicators}
    assert by["地区生产总值(GDP)增长"]["annual"] == "5以上"
    assert (by["执业医师数"]["number"], by["注册护士数"]["number"]) == ("15", "15")
    assert (by["注册护士数"]["baseline"], by["注册护士数"]["target"]) == ("5.92", "6.02")
    assert by["城镇新增就业人数"]["cumulative"] == "125"
    assert by["森林覆盖率"]["target"] == ">65" and by["森林覆盖率"]["binding"] is True
    assert sum(a["binding"] for a in indicators) == 9
    rows = run_query("binding-indicators", {}, hz)
    assert len(rows) == 9


def test_main_goals_and_part_goals(hz):
    goals = nodes(hz, "Goal").values()
    levels = Counter(a["level"] for a in goals)
    assert levels["main"] == 7 and levels["part"] == 17 and levels["cluster"] == 11
    assert "人工智能创新发展第一城建设实现重大突破" in {a["name"] for a in goals}


def test_measures_support_their_part_goal_and_mention_entities(hz):
    measures = nodes(hz, "Measure")
    assert len(measures) > 800
    item = next(n for n, a in measures.items() if a["text"].startswith("5.人工智能+城市治理"))
    assert out(hz, item, "SUPPORTS") == ["加快建设人工智能创新发展第一城"]
    mentions = Counter(hz.nodes[v]["type"] for _, v, k in hz.edges(keys=True) if k == "MENTIONS")
    assert mentions["Platform"] > 50 and mentions["IndustryCluster"] > 20 and mentions["District"] > 10


def test_targets_in_running_text(hz):
    targets = {a["text"]: a for a in nodes(hz, "Target").values()}
    t = next(a for k, a in targets.items() if "高质量数据集300个" in k)
    assert (t["value"], t["unit"], t["year"]) == ("300", "个", 2030)
    t = next(a for k, a in targets.items() if "100EFLOPS" in k)
    assert (t["number"], t["unit"], t["year"], t["comparator"]) == (100.0, "EFLOPS", 2027, ">")
    assert len(targets) > 120


def test_no_boilerplate_entities(hz, nj):
    for g in (hz, nj):
        for kind in ("Platform", "Institution", "Project"):
            for a in nodes(g, kind).values():
                name = a["name"]
                assert not re.match(r"^[\d一二三四五六七八九十两]+个", name), name
                assert "|" not in name and "---" not in name, name
                assert len(name) >= 3, name


def test_nanjing_builds_with_the_same_rules(nj):
    clusters = {a["name"] for a in nodes(nj, "IndustryCluster").values()}
    assert len(clusters) == 10 and "集成电路" in clusters
    main = [a for a in nodes(nj, "Indicator").values() if a["kind"] == "main"]
    assert len(main) == 26
    assert out(nj, by_name(nj, "Platform", "紫金山实验室"), "LOCATED_IN") == ["江宁区"]
    assert {a["name"] for a in nodes(nj, "District").values()} >= {"南京市", "江宁区", "鼓楼区"}


def test_nanjing_district_industry_table_links_districts_to_clusters(nj):
    rows = run_query("clusters-in-district", {"district": "江宁区"}, nj)
    clusters = {r["cluster"] for r in rows}
    # 江宁区's row names 智能电网, 生物医药, 低空经济 and 人工智能 (the latter two by bracketed names too)
    assert {"智能电网", "生物医药", "低空经济（航空航天）", "人工智能（软件和信息服务）"} <= clusters
    assert all(r["via"] == "江宁区" for r in rows)
    # 未来能源 is no cluster of the plan's scheme and links nothing
    assert "未来能源" not in clusters


def test_platforms_in_a_paragraph_about_a_cluster_support_it(nj):
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, nj)
    # 集成电路。发挥国家集成电路设计自动化技术创新中心、国家第三代半导体技术创新中心等…作用
    by_platform = {r["platform"]: r["quote"] for r in rows}
    assert set(by_platform) == {
        "国家集成电路设计自动化技术创新中心",
        "国家第三代半导体技术创新中心",
        # …等国家级创新平台和省光电技术创新中心等省级创新平台作用
        "省光电技术创新中心",
        # 专栏17: 桥林新城 | 以发展先进制造业和港口物流为主，重点发展集成电路主导产业…
        "桥林新城",
    }
    # each row quotes the statement that names both the platform and the industry
    for platform, quote in by_platform.items():
        assert platform in quote and "集成电路" in quote, (platform, quote)
    assert by_platform["省光电技术创新中心"].startswith("发挥国家集成电路设计自动化技术创新中心")
    assert "重点发展集成电路主导产业" in by_platform["桥林新城"]


CLUSTER_BOX_PLAN = """示范市国民经济和社会发展第十五个五年规划纲要

第一章 建设先进制造业基地

专栏1 重点产业集群培育工程

1. 集成电路产业集群。支持钱塘芯谷、萧山经济技术开发区建设，到2030年营业收入突破1000亿元。

2. 生物医药。推进富阳药谷小镇建设。

第二章 推进开放

深化集成电路领域国际合作，建设滨江物联网小镇。
"""


def test_a_cluster_box_defines_clusters_when_the_plan_has_no_scheme_table():
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("demo", CLUSTER_BOX_PLAN)])
    clusters = {a["name"]: a for _, a in graph.nodes(data=True) if a["type"] == "IndustryCluster"}
    assert sorted(clusters) == ["生物医药", "集成电路"]
    assert clusters["集成电路"]["scheme"] == "重点产业集群培育工程"
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, graph)
    assert [(r["platform"], r["district"]) for r in rows] == [
        ("萧山经济技术开发区", "萧山区"),
        ("钱塘芯谷", "钱塘区"),
    ]
    rows = run_query("platforms-for-cluster", {"cluster": "生物医药"}, graph)
    assert [r["platform"] for r in rows] == ["富阳药谷小镇"]
    # a later mention of the cluster is a MENTIONS, not a new cluster, and a platform named there
    # without a cluster lead phrase supports nothing
    assert run_query("platform-profile", {"platform": "滨江物联网小镇"}, graph)[-1]["relation"] != "SUPPORTS"


def test_a_place_in_brackets_locates_a_platform(hz):
    assert out(hz, by_name(hz, "Platform", "中国（桐庐）富春江影视文旅基地"), "LOCATED_IN") == ["桐庐县"]
    assert out(hz, by_name(hz, "Platform", "国家（杭州）短视频基地"), "LOCATED_IN") == ["杭州市"]


def test_rows_of_other_tables_are_measures_with_their_entities(nj):
    measures = {a["text"]: n for n, a in nodes(nj, "Measure").items() if n.endswith(".row")}
    row = next(n for text, n in measures.items() if text.startswith("禄口新城："))
    assert nj.nodes[row]["source"]["quote"].startswith("禄口新城")
    assert out(nj, row, "MENTIONS")[0] == "禄口新城"
    assert out(nj, by_name(nj, "Platform", "禄口新城"), "LOCATED_IN") == ["江宁区"]
    # the 项目名称 column of the transport box lists projects
    projects = {a["name"] for a in nodes(nj, "Project").values()}
    assert {"南京禄口国际机场三期工程", "北沿江高铁", "宁淮城际铁路"} <= projects


def test_a_table_row_does_not_run_names_across_cells(nj):
    names = {a["name"] for a in nodes(nj, "Platform").values()}
    assert not any(n.startswith(("上项目", "以上项目")) for n in names)


def test_lead_paragraphs_and_platform_names_tie_platforms_to_clusters(nj):
    supports = {
        (nj.nodes[u]["name"], nj.nodes[v]["name"]): d["basis"]
        for u, v, d in nj.edges(data=True)
        if d["type"] == "SUPPORTS" and nj.nodes[u]["type"] == "Platform"
    }
    # 智能电网。…加快建设江苏绿色能源产业集聚区。 / 机器人。…加快建设省具身智能技术创新中心。
    assert supports[("江苏绿色能源产业集聚区", "智能电网")] == "text"
    assert supports[("省具身智能技术创新中心", "机器人")] == "text"
    # 石化产业。…推动江北新材料科技园扩区升级: the platform's name names the cluster 新材料
    assert supports[("江北新材料科技园", "新材料")] == "name"
    assert ("省具身智能技术创新中心", "集成电路") not in supports


PROVINCE_WITHOUT_SCHEME = """浙江省国民经济和社会发展第十五个五年规划纲要

第一章 发展基础

“十四五”时期，全省经济实力跃上新台阶，聚焦数字经济、生命健康等战略性新兴产业取得突破。

第二章 建设现代化产业体系

第一节 发展壮大战略性新兴产业

聚焦新一代信息技术、生物医药、高端装备、新材料等战略性新兴产业，加快建设宁波前湾新区。

新一代信息技术。依托之江实验室、宁波甬江实验室等平台，打造全球数字产业高地。

第二节 前瞻布局未来产业

前瞻布局量子科技、人形机器人、元宇宙等未来产业，到2030年未来产业规模达到5000亿元。

第三章 推进乡村全面振兴

发展精品果蔬、生态畜牧等特色产业。
"""


def test_a_plan_without_scheme_or_count_gets_the_clusters_it_lists_in_named_groups():
    from kg.pipeline import build_graph_from_texts

    g, _ = build_graph_from_texts([("zj", PROVINCE_WITHOUT_SCHEME)])
    clusters = {a["name"]: a.get("tier") for a in nodes(g, "IndustryCluster").values()}
    assert clusters == {
        "新一代信息技术": "战略性新兴产业",
        "生物医药": "战略性新兴产业",
        "高端装备": "战略性新兴产业",
        "新材料": "战略性新兴产业",
        "量子科技": "未来产业",
        "人形机器人": "未来产业",
        "元宇宙": "未来产业",
    }  # not the review's 数字经济 nor the rural chapter's 精品果蔬
    supports = {
        (g.nodes[u]["name"], g.nodes[v]["name"])
        for u, v, d in g.edges(data=True)
        if d["type"] == "SUPPORTS" and g.nodes[v]["type"] == "IndustryCluster"
    }
    assert supports == {("之江实验室", "新一代信息技术"), ("宁波甬江实验室", "新一代信息技术")}


def _platforms(graph, cluster):
    """(platform, district) of every platform serving ``cluster``, sorted."""
    return sorted(
        (r["platform"], r["district"])
        for r in run_query("platforms-for-cluster", {"cluster": cluster}, graph)
    )


PROVINCE_PLAN = """示范省国民经济和社会发展第十五个五年规划纲要

第一章  主要目标

到2030年，全省研究与试验发展经费投入强度达到3.5%。

表1  “十五五”时期经济社会发展主要指标

| 类别 | 指标 | 2025年 | 2030年 | 年均增长（累计） | 属性 |
| 经济发展 | 地区生产总值增长（%） | 5.5 | — | 5左右 | 预期性 |
| 创新驱动 | 研究与试验发展经费投入强度（%） | 3.2 | 3.5 | 〔0.3〕 | 预期性 |

第二章  打造先进产业集群

做强新一代信息技术、高端装备2个世界级先进产业群，培育集成电路、智能光伏、生物医药等15个千亿级特色产业集群。宁波重点发展集成电路、智能光伏产业。

专栏1  先进制造业集群重点平台

1. 集成电路：杭州城西科创大走廊、宁波甬江科创区、绍兴集成电路产业园。
2. 智能光伏：嘉兴秀洲光伏科创园。
3. 生物医药：研发、制造、流通。
"""


def test_a_province_plan_names_some_of_its_counted_clusters_and_their_platforms():
    """A province names 3 of its 15 千亿级 clusters (等15个) and lists their platforms by city in a
    box of platforms (a line's list is platforms when most of them say so by a suffix: 甬江科创区 is
    one too; a line of fields gives none); its indicator table numbers nothing."""
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("province", PROVINCE_PLAN)])
    clusters = {a["name"]: a.get("tier") for a in nodes(graph, "IndustryCluster").values()}
    assert clusters == {"新一代信息技术": "世界级先进产业群", "高端装备": "世界级先进产业群",
                        "集成电路": "千亿级特色产业集群", "智能光伏": "千亿级特色产业集群",
                        "生物医药": "千亿级特色产业集群"}  # fmt: skip
    assert _platforms(graph, "集成电路") == [
        ("宁波甬江科创区", "宁波市"),
        ("杭州城西科创大走廊", "杭州市"),
        ("绍兴集成电路产业园", "绍兴市"),
    ]
    assert _platforms(graph, "智能光伏") == [("嘉兴秀洲光伏科创园", "秀洲区")]
    assert _platforms(graph, "生物医药") == []
    indicators = sorted((a["number"], a["name"], a.get("target")) for a in nodes(graph, "Indicator").values())
    assert indicators == [("1", "地区生产总值增长", None), ("2", "研究与试验发展经费投入强度", "3.5")]
    assert not [p for p in graph.graph["problems"] if p["code"].startswith("indicator-table")]
    # a sentence led by one of the province's cities that develops clusters
    rows = run_query("clusters-in-district", {"district": "宁波市"}, graph)
    assert sorted((r["cluster"], r["via"]) for r in rows) == [
        ("智能光伏", "宁波市"),
        ("集成电路", "宁波市"),
        ("集成电路", "宁波甬江科创区"),  # a platform in the city
    ]


NATIONAL_PLAN = """中华人民共和国国民经济和社会发展第十五个五年规划纲要

第一章  发展壮大战略性新兴产业

聚焦新一代信息技术、生物技术、新能源、新材料、高端装备等战略性新兴产业，加快关键核心技术创新应用。支持北京怀柔、安徽合肥综合性国家科学中心建设。

专栏1  战略性新兴产业集群重点工程

1. 集成电路：推进合肥高新技术产业开发区集成电路产业集群建设。
2. 生物医药：支持苏州生物医药产业园、武汉国家生物产业基地建设。
"""


def test_a_national_plan_lists_industries_and_its_cluster_box_adds_clusters_with_platforms():
    """No scheme and no count: the industries a list names in a group are clusters, and the lead
    phrases of a cluster box are clusters too, served by the platforms on their lines; a province
    before its city (安徽合肥) locates a platform in the city."""
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("nation", NATIONAL_PLAN)])
    clusters = {a["name"] for a in nodes(graph, "IndustryCluster").values()}
    assert clusters == {"新一代信息技术", "生物技术", "新能源", "新材料", "高端装备", "集成电路", "生物医药"}
    assert _platforms(graph, "生物医药") == [
        ("武汉国家生物产业基地", "武汉市"),
        ("苏州生物医药产业园", "苏州市"),
    ]
    assert _platforms(graph, "集成电路") == [("合肥高新技术产业开发区", "合肥市")]
    located = {graph.nodes[p]["name"]: graph.nodes[d]["name"] for p, d, k in graph.edges(keys=True)
               if k == "LOCATED_IN" and graph.nodes[p]["type"] == "Platform"}  # fmt: skip
    assert located["安徽合肥综合性国家科学中心"] == "合肥市"
    assert located["北京怀柔综合性国家科学中心"] == "怀柔区"  # the designation 综合性… shared


BUILDING_PLAN = """宁波市国民经济和社会发展第十五个五年规划纲要

第一章  构建现代化产业体系

做强集成电路、生物医药、智能装备3个千亿级产业集群。

依托宁波高新技术产业开发区、宁波经济技术开发区，打造世界级集成电路产业集群。

推动北仑智能装备产业园、余姚机器人小镇建设，壮大智能装备产业集群。

支持镇海新材料产业园、慈溪滨海经济开发区建设，发展集成电路、生物医药产业集群。

第二章  优化区域布局

鄞州区重点发展集成电路、智能装备产业，建设现代服务业集聚区。北仑区要加快发展生物医药产业。
"""


def test_the_platforms_of_a_sentence_that_builds_one_cluster_support_it():
    """``依托A、B，打造C产业集群``: the platforms serve the one cluster the sentence builds; a sentence
    building two (the last) ties none of its platforms to either."""
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("building", BUILDING_PLAN)])
    supports = sorted(
        (graph.nodes[p]["name"], graph.nodes[c]["name"], a.get("basis"))
        for p, c, k, a in graph.edges(keys=True, data=True)
        if k == "SUPPORTS" and graph.nodes[p]["type"] == "Platform"
    )
    assert supports == [
        ("余姚机器人小镇", "智能装备", "text"),
        ("北仑智能装备产业园", "智能装备", "text"),
        ("宁波经济技术开发区", "集成电路", "text"),
        ("宁波高新技术产业开发区", "集成电路", "text"),
    ]


def test_a_sentence_led_by_a_district_that_develops_clusters_makes_the_district_support_them():
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("building", BUILDING_PLAN)])
    supports = sorted(
        (graph.nodes[d]["name"], graph.nodes[c]["name"], a["provenance"]["quote"])
        for d, c, k, a in graph.edges(keys=True, data=True)
        if k == "SUPPORTS" and graph.nodes[d]["type"] == "District"
    )
    first = "鄞州区重点发展集成电路、智能装备产业，建设现代服务业集聚区。"
    assert supports == [
        ("北仑区", "生物医药", "北仑区要加快发展生物医药产业。"),
        ("鄞州区", "智能装备", first),
        ("鄞州区", "集成电路", first),
    ]
    rows = run_query("clusters-in-district", {"district": "鄞州区"}, graph)
    assert sorted(r["cluster"] for r in rows) == ["智能装备", "集成电路"]


PLATFORM_LEAD_PLAN = """宁波市国民经济和社会发展第十五个五年规划纲要

第一章  构建现代化产业体系

做强集成电路、生物医药、智能装备3个千亿级产业集群。

专栏1  重点产业平台

1. 宁波高新技术产业开发区：重点发展集成电路、智能装备等产业。
2. 宁波杭州湾新区：聚焦生物医药产业，打造产业创新高地。

第二章  平台建设

宁波经济技术开发区重点发展生物医药产业。支持宁波保税区招引集成电路企业。宁波南部商务区集聚区：重点发展智能装备服务。
"""


def test_a_line_led_by_a_platform_that_develops_clusters_makes_it_support_them():
    """``P：重点发展A、B等产业`` in a box of platforms, ``P重点发展A产业`` in running text: the platform
    serves each cluster named; a platform that only attracts firms of a cluster (招引…企业) does not."""
    from kg.pipeline import build_graph_from_texts

    graph, _ = build_graph_from_texts([("lead", PLATFORM_LEAD_PLAN)])
    assert _platforms(graph, "集成电路") == [("宁波高新技术产业开发区", "宁波市")]
    assert _platforms(graph, "智能装备") == [
        ("宁波南部商务区集聚区", "宁波市"),
        ("宁波高新技术产业开发区", "宁波市"),
    ]
    assert _platforms(graph, "生物医药") == [("宁波杭州湾新区", "宁波市"), ("宁波经济技术开发区", "宁波市")]
