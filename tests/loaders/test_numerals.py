"""The numeral reader (``loaders/lexicon/numerals.py``) against hand-checked values, and against
cn2an's ``smart`` mode (what the tool used before) on every well-formed numeral up to 10**7 (and a
sample to 10**13), their ``两``/``〇`` spellings, abbreviations and digit-by-digit strings, where
cn2an is installed."""

from __future__ import annotations

import itertools

import pytest

from kg.loaders.lexicon.numerals import cn_int, read_numeral


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十五", 15), ("一十五", 15), ("二〇三五", 2035), ("一九九八", 1998), ("一二三", 123), ("零五", 5),
        ("两百", 200), ("二百零五", 205), ("三千零五十", 3050), ("一百五", 150), ("一万二", 12000),
        ("一万二千", 12000), ("一百十", 110), ("十万", 100000), ("一亿零五", 100000005),
        ("两万亿", 2 * 10**12), ("一千二百三十四万五千六百七十八", 12345678), ("3", 3), ("〇", 0),
    ],
)  # fmt: skip
def test_reads_numerals(text, value):
    assert read_numeral(text) == value


@pytest.mark.parametrize(
    "text", ["", "万", "亿", "百", "十百", "二十二十", "一二十", "十零", "一亿二", "万亿", "五点"]
)
def test_refuses_what_is_no_numeral(text):
    assert read_numeral(text) is None


def test_cn_int_reads_digits_and_numerals():
    assert (cn_int(" 12 "), cn_int("３"), cn_int("十三"), cn_int("第三")) == (12, 3, 13, None)


def test_same_readings_as_cn2an():
    cn2an = pytest.importorskip("cn2an")
    cases = set()
    for n in [*range(0, 20001), *range(20000, 10**7, 997), *range(10**7, 10**13, 10**7 * 7919)]:
        text = cn2an.an2cn(n)
        cases |= {text, text.replace("二", "两"), text.replace("零", "〇"), text.removeprefix("一十")}
    cases |= {a + u + b for a in "一二三四五六七八九" for u in "十百千万亿" for b in "一二三四五六七八九"}
    for k in range(1, 5):
        cases |= {"".join(t) for t in itertools.product("〇零一二两三四五六七八九", repeat=k)}
        cases |= {"".join(t) for t in itertools.product("一二三四五六七八九十", repeat=k)}

    def theirs(text):
        try:
            return int(cn2an.cn2an(text, "smart"))
        except (ValueError, KeyError, TypeError):  # what the tool caught around cn2an
            return None

    differ = [(t, theirs(t), read_numeral(t)) for t in sorted(cases) if theirs(t) != read_numeral(t)]
    assert len(cases) > 60000
    assert differ == []
