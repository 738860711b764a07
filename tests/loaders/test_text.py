from kg.loaders.document.text import clean


def roundtrip(raw: str, start: int, end: int) -> str:
    m = clean(raw)
    a, b = m.span(start, end)
    return raw[a:b]


def test_spaces_inside_numbers_and_years_are_removed():
    assert clean("到 2030 年，超 6000 亿元").text == "到2030年，超6000亿元"


def test_fullwidth_digits_and_percent_become_halfwidth_but_chinese_punctuation_stays():
    assert clean("达到３２％，（预期）").text == "达到32%，（预期）"


def test_bold_marks_are_dropped_and_quotes_map_back_exactly():
    raw = "4. **产业人才汇聚行动**。聚焦"
    m = clean(raw)
    assert m.text == "4.产业人才汇聚行动。聚焦"
    i = m.text.index("产业")
    assert roundtrip(raw, i, i + 8) == "产业人才汇聚行动"


def test_stray_english_conjunction_between_chinese_is_read_as_he():
    assert clean("美丽经济 and 美好生活").text == "美丽经济和美好生活"


def test_page_break_inside_a_word_is_joined_and_the_quote_keeps_the_break():
    raw = "省会城市\n\n当头雁"
    m = clean(raw)
    assert m.text == "省会城市当头雁"
    assert roundtrip(raw, 2, 6) == "城市\n\n当头"


def test_space_between_latin_words_is_kept():
    assert clean("FIND HZ 行动").text == "FIND HZ行动"
