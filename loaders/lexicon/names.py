"""Canonical spelling of entity names, so that one real platform or institution is one node.

Rules: drop whitespace and markdown ``*`` marks; ASCII letters/digits in half width; brackets in full
width ``（）``; every quote style (``"…"``, ``「…」``, ``『…』``, ``'…'``) as Chinese double quotes ``“…”``.

>>> normalise_entity_name(' 萧山"三芯" 社区 ')
'萧山“三芯”社区'
>>> normalise_entity_name('杭州高新区(滨江)')
'杭州高新区（滨江）'
>>> normalise_entity_name('长三角Ｇ６０科创走廊')
'长三角G60科创走廊'
"""

from __future__ import annotations

import re

_FULLWIDTH_ALNUM = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}
_BRACKETS = {"(": "（", ")": "）", "〔": "（", "〕": "）", "[": "（", "]": "）"}
_OPEN_QUOTES = "“「『‘"
_CLOSE_QUOTES = "”」』’"
_TABLE = str.maketrans(
    {**_FULLWIDTH_ALNUM, **_BRACKETS, **dict.fromkeys(_OPEN_QUOTES, "“"), **dict.fromkeys(_CLOSE_QUOTES, "”")}
)
_DROP = re.compile(r"[\s*\u3000\u200b\ufeff]+")
_STRAIGHT_QUOTES = re.compile(r"[\"']([^\"']*)[\"']")


def normalise_entity_name(name: str) -> str:
    """Return the canonical spelling of an entity name (see the module docstring)."""
    text = _DROP.sub("", name).translate(_TABLE)
    return _STRAIGHT_QUOTES.sub(r"“\1”", text)
