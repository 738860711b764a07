from kg.loaders.document.text import clean
from kg.loaders.interpreters.sentences import is_commitment, plan_period, split_sentences


def test_sentences_end_at_full_stops_and_semicolons():
    text = clean("推进甲建设；支持乙发展。完善丙机制！")
    assert [text.text[a:b] for a, b in split_sentences(text)] == [
        "推进甲建设；",
        "支持乙发展。",
        "完善丙机制！",
    ]


def test_the_plans_own_period_is_a_commitment_another_period_is_the_past():
    sentence = "“十四五”时期，推进城市更新行动。"
    assert is_commitment(sentence, plan_period("某市国民经济和社会发展第十四个五年规划纲要"))
    assert not is_commitment(sentence, plan_period("某市国民经济和社会发展第十五个五年规划纲要"))
    assert plan_period("某省国民经济和社会发展第十一个五年规划纲要") == "十一五"
    assert plan_period("某市发展报告") is None


def test_achievements_are_not_commitments():
    assert not is_commitment("五年来，全市成功推进了一批重大项目。", "十五五")
    assert is_commitment("加快建设科技城。", "十五五")


def test_le_in_a_word_is_no_retrospective_marker():
    from kg.loaders.interpreters.sentences import is_retrospective

    assert not is_retrospective("为了推进城市更新，加快建设科技城。", "十五五")
    assert is_commitment("除了财政资金，鼓励社会资本参与。", "十五五")
    assert is_retrospective("全市实现了“十四五”良好开局。", "十五五")


def test_period_end_year():
    from kg.loaders.interpreters.sentences import period_end_year

    assert [period_end_year(p) for p in ("十五五", "十四五", "十三五", "十一五")] == [2030, 2025, 2020, 2010]
    assert period_end_year(plan_period("某市国民经济和社会发展第十五个五年规划纲要")) == 2030
    assert period_end_year(None) is None
