"""Chinese and Arabic numerals of the genre, read by a small reader of their own (no dependency).

Two forms: digit by digit without units (``二〇三五`` -> 2035, ``一二三`` -> 123), and positional with
the units 十 百 千 and the groups 万 亿 (``三千零五十`` -> 3050, ``十五`` -> 15, ``两万亿`` -> 2e12),
where ``零`` stands for skipped units and a last bare digit is one unit below the one before it
(``一百五`` -> 150, ``一万二`` -> 12000, but ``一亿二`` is no number). ``两`` is 2, ``〇``/``零`` are 0
(callers read ``○`` as ``〇``). Anything else (a unit without a digit before it other than a 十 that
opens the numeral or follows 百/千, units out of order, a zero after 十) is no number: None.

These are the readings of cn2an's ``smart`` mode, which the tool used before, for every well-formed
numeral (``tests/loaders/test_numerals.py`` compares them where cn2an is installed); on strings no
plan writes the two differ (cn2an reads ``十百一`` as 20).
"""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9, **{str(d): d for d in range(10)}}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000}
GROUPS = (("亿", 10**8), ("万", 10**4))


def _section(text: str, leading: bool) -> int | None:
    """A number below 10000 (``三千零五十``); ``leading``: it starts the numeral (a bare 十 may open it)."""
    value, digit, last, zero = 0, None, 10**4, False
    for i, ch in enumerate(text):
        if ch in DIGITS:
            if digit is not None:
                return None
            d = DIGITS[ch]
            if d == 0 and last == 10:  # 二十零, 十零一: no zero after 十
                return None
            if d == 0:
                zero = True
                continue
            digit = d
        elif ch in UNITS:
            unit = UNITS[ch]
            if digit is None:  # 十五, 一百十 (= 一百一十)
                if not (ch == "十" and (i == 0 and leading or 10 < last < 10**4)):
                    return None
                digit = 1
            if unit >= last:
                return None
            value, last, digit, zero = value + digit * unit, unit, None, False
        else:
            return None
    if digit is not None:
        if last == 10**4 or zero or last == 10:  # a last digit: ones, or one unit down (一百五 = 150)
            value += digit
        else:
            value += digit * last // 10
    return value


def _positional(text: str, leading: bool = True) -> int | None:
    for group, size in GROUPS:
        if group in text:
            high, _, low = text.partition(group)
            top = _positional(high, leading) if high else None
            if top is None or top == 0:
                return None
            if not low:
                return top * size
            rest = _positional(low.lstrip("〇零"), False) if low.lstrip("〇零") else 0
            if rest is None or rest >= size:
                return None
            if low[0] not in "〇零" and len(low) == 1 and low in DIGITS:
                if group != "万":  # 一万二 = 12000, but 一亿二 is no number
                    return None
                rest = DIGITS[low] * size // 10
            return top * size + rest
    return _section(text, leading)


def read_numeral(text: str) -> int | None:
    """The integer a Chinese numeral (or Arabic digits) writes; None when it is not one."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    if all(ch in DIGITS for ch in text):  # digit by digit: 二〇三五
        return int("".join(str(DIGITS[ch]) for ch in text))
    return _positional(text)


def cn_int(text: str) -> int | None:
    """``十五`` -> 15, ``3`` -> 3; None when it is not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    return read_numeral(text)
