"""Chinese and Arabic numerals of the genre."""

from __future__ import annotations

import cn2an


def cn_int(text: str) -> int | None:
    """``十五`` -> 15, ``3`` -> 3; None when it is not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None
