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
