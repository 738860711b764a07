from kg.loaders.interpreters.projects import find_projects


def names(text):
    return [p.name for p in find_projects(text)]


def test_items_of_a_list_closed_by_deng_zhongda_xiangmu():
    text = "构建航空、铁路、公路、水运互联互通新格局，推进杭州地铁四期、杭淳开高速等重大项目。"
    found = find_projects(text)
    assert [p.name for p in found] == ["杭州地铁四期", "杭淳开高速"]
    assert [text[p.start : p.end] for p in found] == ["杭州地铁四期", "杭淳开高速"]


def test_list_starts_after_the_last_verb_of_its_clause():
    assert names("推进文一西路西延，谋划之江路东延等重大项目。") == ["之江路东延"]


def test_a_specific_head_completes_short_items():
    assert names("积极推进钱塘江、京杭运河等干线航道提升工程，推进铁路") == [
        "钱塘江干线航道提升工程",
        "京杭运河干线航道提升工程",
    ]
    # a generic head (重大, 一批) adds nothing
    assert names("加快实施金陵石化高端日化品、扬子石化绿色低碳芳烃提质升级等重大转型项目。") == [
        "金陵石化高端日化品",
        "扬子石化绿色低碳芳烃提质升级",
    ]


def test_no_list_no_verb_no_project():
    assert names("完成土地综合整治工程重大项目28个。") == []
    assert names("杭州地铁四期等重大项目") == []
