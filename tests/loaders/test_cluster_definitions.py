"""loaders/interpreters/cluster_definitions.py: counted enumerations, whole and partial."""

from kg.loaders.interpreters.cluster_definitions import find_definitions

TWO_GROUPS = (
    "做强新一代信息技术、高端装备、现代消费与健康、绿色石化与新材料4个世界级先进产业群，"
    "培育集成电路、智能光伏、生物医药、节能与新能源汽车等15个千亿级特色产业集群。"
)


def _named(text):
    return [(d.name, d.tier) for d in find_definitions(text)]


def test_a_partial_list_names_clusters_of_its_group():
    """等 and fewer names than the count: the names are some of the group (a province's 15 clusters,
    four of them named), beside a whole list in the same sentence."""
    assert _named(TWO_GROUPS) == [
        ("新一代信息技术", "世界级先进产业群"),
        ("高端装备", "世界级先进产业群"),
        ("现代消费与健康", "世界级先进产业群"),
        ("绿色石化与新材料", "世界级先进产业群"),
        ("集成电路", "千亿级特色产业集群"),
        ("智能光伏", "千亿级特色产业集群"),
        ("生物医药", "千亿级特色产业集群"),
        ("节能与新能源汽车", "千亿级特色产业集群"),
    ]
    assert _named("15个千亿级特色产业集群包括集成电路、智能光伏等。") == [
        ("集成电路", "千亿级特色产业集群"),
        ("智能光伏", "千亿级特色产业集群"),
    ]


def test_a_partial_list_of_places_platforms_or_no_industry_group_is_no_cluster():
    assert _named("支持宁波、温州、绍兴等5个高端装备产业集群") == []  # places
    assert _named("建设集成电路产业园、生物医药产业基地等5个特色产业集群") == []  # platforms
    assert _named("推动华为、中兴等10个重点企业") == []  # no industry group
    assert _named("引育阿里、网易等5个产业集群龙头企业") == []  # the group qualifies the firms
    assert _named("培育集成电路、智能光伏5个千亿级特色产业集群") == []  # whole, yet short: a mistake


def test_a_count_of_two_digits_after_a_whole_list():
    """The last name does not take 等 and the count's first digit (``…材料等1`` and a count of 0)."""
    names = "、".join(["集成电路", "智能光伏", "生物医药", "高端装备", "智能家居",
                      "现代纺织", "新能源汽车", "绿色化工", "数字安防", "节能环保"])  # fmt: skip
    found = _named(f"打造{names}等10个千亿级特色产业集群。")
    assert [name for name, _ in found] == names.split("、")
    assert {tier for _, tier in found} == {"千亿级特色产业集群"}
