import pytest

from kg.loaders.interpreters.numbers import ParsedValue, parse_number, parse_value, scale_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6000", 6000.0),
        ("1.2万", 1.2),
        ("3万亿", 3.0),
        ("万亿", 1.0),
        ("两万亿", 2.0),
        ("二〇三五", 2035.0),
        ("百分之十五", 15.0),
        ("1,030", 1030.0),
        ("１２３", 123.0),
        ("一万二千", 12000.0),
        ("十", 10.0),
        ("完成省下达目标", None),
        ("", None),
        ("9" * 400, None),  # float() of it is inf: no number a plan states, and no valid JSON
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("unit", "factor"),
    [
        ("万亿元", 1e12),
        ("亿元", 1e8),
        ("万人", 1e4),
        ("%", 0.01),
        ("百分点", 1.0),
        ("个", 1.0),
        ("千瓦", 1e3),
    ],
)
def test_scale_of(unit, factor):
    assert scale_of(unit) == factor


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("5.2左右", ParsedValue(5.2, None, "≈", approx=True)),
        (">25", ParsedValue(25.0, None, ">")),
        ("＞83.5", ParsedValue(83.5, None, ">")),
        ("≥85", ParsedValue(85.0, None, ">=")),
        ("5以上", ParsedValue(5.0, None, ">=")),
        ("20000以上", ParsedValue(20000.0, None, ">=")),
        ("3—5", ParsedValue(3.0, 5.0, "range")),
        ("3-5", ParsedValue(3.0, 5.0, "range")),
        ("3至5", ParsedValue(3.0, 5.0, "range")),
        ("[125]", ParsedValue(125.0, None, "=", cumulative=True)),
        ("〔20〕", ParsedValue(20.0, None, "=", cumulative=True)),
        ("〔＞15〕", ParsedValue(15.0, None, ">", cumulative=True)),
        ("21.5 (2024年)", ParsedValue(21.5, None, "=", year=2024)),
        ("完成省 下达目 标", ParsedValue(None)),
        ("与经济增长同步", ParsedValue(None)),
        ("—", ParsedValue(None)),
    ],
)
def test_parse_value(cell, expected):
    assert parse_value(cell) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [("二〇三〇年", 2030), ("二○三○年", 2030), ("2030 年", 2030), ("二〇二五", 2025), ("十五", None)],
)
def test_parse_year(text, year):
    from kg.loaders.interpreters.numbers import parse_year

    assert parse_year(text) == year
    assert parse_number("二○三五") == 2035.0
