"""Numbers as Chinese plans write them: ``6000``, ``1,030``, ``1.2万``, ``两万亿``, ``百分之十五``.

A number keeps the scale of its unit: ``1.2万亿元`` is 1.2 with unit ``万亿元``, so ``parse_number("1.2万")``
is 1.2 and a bare magnitude (``万亿``) is an implicit 1. ``scale_of(unit)`` gives the factor for whoever
wants absolute values. ``parse_value`` reads a table cell or short phrase (``5.2左右``, ``>25``, ``3—5``,
``[125]``) into a ``ParsedValue``.

>>> parse_number("1.2万"), parse_number("两万亿"), parse_number("二〇三五"), parse_number("百分之十五")
(1.2, 2.0, 2035.0, 15.0)
>>> parse_year("二○三○年"), parse_year("2030 年"), parse_year("二〇三〇"), parse_year("十五")
(2030, 2030, 2030, None)
>>> scale_of("万亿元"), scale_of("%")
(1000000000000.0, 0.01)
>>> parse_value("5以上")
ParsedValue(number=5.0, high=None, comparator='>=', approx=False, cumulative=False, year=None)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kg.loaders.lexicon.numerals import read_numeral

CN_DIGITS = "〇零一二两三四五六七八九十百千万亿"
# The zero of a Chinese-numeral year (二〇三〇); PDFs often set it as the circle ○ (U+25CB) instead.
CN_ZEROS = "〇○零"
# A year in Chinese numerals (二〇三〇, 二○三五, 一九九八), digit by digit.
CN_YEAR = rf"[一二][{CN_ZEROS}一二三四五六七八九]{{3}}"
# Trailing magnitude words that belong to the unit's scale, longest first.
MAGNITUDES = ("万亿", "亿", "万")
_MAGNITUDE_FACTOR = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}
# Units whose own scale is not 1; "百分点" starts with 百 but is not a magnitude.
_UNIT_FACTOR = {"%": 0.01, "百分之": 0.01, "‰": 0.001, "百分点": 1.0, "个百分点": 1.0}

# Comparator words, one table shared with target extraction. Words before the number:
PREFIX_COMPARATORS = {
    "不低于": ">=",
    "不少于": ">=",
    "至少": ">=",
    "不高于": "<=",
    "不超过": "<=",
    "控制在": "<=",
    "超过": ">",
    "大于": ">",
    "高于": ">",
    "突破": ">",
    "超": ">",
    "约": "≈",
}
# Words after the number (and unit); they override the prefix (达到5000亿元以上 is >=).
SUFFIX_COMPARATORS = {
    "以上": ">=",
    "以下": "<=",
    "以内": "<=",
    "左右": "≈",
    "上下": "≈",
    "余": ">",
    "多": ">",
}
SYMBOL_COMPARATORS = {">": ">", "<": "<", "≥": ">=", "≧": ">=", "≤": "<=", "≦": "<=", "≈": "≈", "~": "≈"}
RANGE_DASHES = "—–－\\-~～至"

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


_HALFWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")}


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (``０-９``, ``％``, ``＞``, ``．``) to half-width; the length never changes."""
    return text.translate(_HALFWIDTH)


def split_magnitude(text: str) -> tuple[str, str]:
    """Split a trailing magnitude word off a number: ``"1.2万亿"`` -> ``("1.2", "万亿")``."""
    for mag in MAGNITUDES:
        if text.endswith(mag):
            return text[: -len(mag)], mag
    return text, ""


def _parse_plain(text: str) -> float | None:
    if not text:
        return None
    if re.fullmatch(_ARABIC, text):
        value = float(text.replace(",", ""))
        return value if math.isfinite(value) else None  # 309 digits and more: no number of a plan
    if text.startswith("百分之"):
        return _parse_plain(text[3:])
    if all(ch in CN_DIGITS for ch in text):
        value = read_numeral(text)
        return float(value) if value is not None else None
    return None


def parse_number(text: str) -> float | None:
    """The number in ``text`` in its unit's own scale; None when ``text`` is not a number."""
    text = re.sub(r"\s+", "", to_halfwidth(text)).replace("○", "〇")
    body, mag = split_magnitude(text)
    if mag and body == "":
        return 1.0
    value = _parse_plain(body)
    if value is None and mag:  # 一万二千 style: the magnitude is inside the numeral
        value = _parse_plain(text)
    return value


def parse_year(text: str) -> int | None:
    """A calendar year written ``2030``, ``2030 年``, ``二〇三〇年`` or ``二○三○年``; None otherwise."""
    text = re.sub(r"\s+", "", to_halfwidth(text)).removesuffix("年")
    if not re.fullmatch(rf"(?:19|20)\d\d|{CN_YEAR}", text):
        return None
    value = parse_number(text)
    return int(value) if value is not None else None


def scale_of(unit: str) -> float:
    """Factor from a unit's scale to absolute: ``亿元`` -> 1e8, ``%`` -> 0.01, ``个`` -> 1."""
    unit = to_halfwidth(unit).strip()
    if unit in _UNIT_FACTOR:
        return _UNIT_FACTOR[unit]
    factor = 1.0
    for ch in unit:
        if ch not in _MAGNITUDE_FACTOR or unit.startswith("百分"):
            break
        factor *= _MAGNITUDE_FACTOR[ch]
    return factor


@dataclass(frozen=True)
class ParsedValue:
    """A cell or phrase value. ``comparator`` is None when there is no number (``—``, ``完成省下达目标``)."""

    number: float | None
    high: float | None = None
    comparator: str | None = None
    approx: bool = False
    cumulative: bool = False
    year: int | None = None  # a parenthesised reference year, as in ``21.5 (2024年)``


_NUM = rf"(?:{_ARABIC})(?:万亿|亿|万)?"
_VALUE = re.compile(
    rf"^(?P<sym>[><≥≧≤≦≈~])?(?P<pre>{'|'.join(sorted(PREFIX_COMPARATORS, key=len, reverse=True))})?"
    rf"(?P<low>{_NUM})%?(?:[{RANGE_DASHES}](?P<high>{_NUM})%?)?"
    rf"(?P<suf>{'|'.join(SUFFIX_COMPARATORS)})?$"
)
_CUMULATIVE = re.compile(r"^[\[〔【](?P<inner>.*)[\]〕】]$")
_YEAR_NOTE = re.compile(r"[(（]\s*((?:19|20)\d\d)\s*年?\s*[)）]")


def parse_value(text: str) -> ParsedValue:
    """Read a cell value: ``5.2左右``, ``>25``, ``≥85``, ``5以上``, ``3—5``, ``[125]``, ``〔>15〕``, ``—``."""
    text = re.sub(r"\s+", "", to_halfwidth(text))
    year = None
    note = _YEAR_NOTE.search(text)
    if note:
        year = int(note.group(1))
        text = text[: note.start()] + text[note.end() :]
    cumulative = False
    bracket = _CUMULATIVE.match(text)
    if bracket:
        cumulative, text = True, bracket.group("inner")
    match = _VALUE.match(text)
    if not match:
        return ParsedValue(None, cumulative=cumulative, year=year)
    comparator = "="
    if match.group("sym"):
        comparator = SYMBOL_COMPARATORS[match.group("sym")]
    if match.group("pre"):
        comparator = PREFIX_COMPARATORS[match.group("pre")]
    if match.group("suf"):
        comparator = SUFFIX_COMPARATORS[match.group("suf")]
    high = parse_number(match.group("high")) if match.group("high") else None
    if high is not None:
        comparator = "range"
    return ParsedValue(
        number=parse_number(match.group("low")),
        high=high,
        comparator=comparator,
        approx=comparator == "≈",
        cumulative=cumulative,
        year=year,
    )
