"""Cleaning PDF-extracted text while keeping a map back to the input.

``MappedText`` is a cleaned string plus, for every character, its offset in the input, so any span
found in clean text gives back an exact quote of the input (``Document.quote``). The cleaning rules
are general: full-width ASCII digits/letters/operators to half-width, ``**bold**`` marks removed,
white space between CJK characters or digits removed (PDF line and page artifacts such as
``到 2030 年`` or ``杭州实 践``), a stray English conjunction between CJK characters (``发展 and 生态``,
a converter's rendering of 和) read as 和.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.loaders.lexicon.patterns import is_cjk as _is_cjk

_FULLWIDTH_KEEP = set("，（）；：！？、")  # Chinese punctuation stays full-width


def _is_tight(ch: str) -> bool:
    """Characters next to which white space is an extraction artifact."""
    return _is_cjk(ch) or ch.isdigit() or ch in "，。、；：！？“”‘’（）《》〔〕【】—%．.％"


def halfwidth(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E and ch not in _FULLWIDTH_KEEP:
        return chr(code - 0xFEE0)
    if ch == "\u3000":
        return " "
    return ch


@dataclass(frozen=True)
class MappedText:
    text: str
    origins: tuple[int, ...]  # origins[i] = input offset of text[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets [a, b) covering clean text [start, end)."""
        if end <= start:
            raise ValueError("empty span")
        return self.origins[start], self.origins[end - 1] + 1


_STRAY_WORD = re.compile(r"\s+(and|or|with)\s+")


# Characters clean() must look at: white space, ``*`` and full-width forms other than the kept
# Chinese punctuation. Everything between two of them is copied as it is, in one piece.
_SPECIAL = re.compile(
    "[\\s*\u3000" + "".join(chr(c) for c in range(0xFF01, 0xFF5F) if chr(c) not in _FULLWIDTH_KEEP) + "]"
)


def clean(raw: str, offset: int = 0) -> MappedText:
    """Clean ``raw`` (a slice of the input starting at ``offset``) and map it back."""
    chars: list[str] = []
    origins: list[int] = []
    n = len(raw)
    i = 0
    while i < n:
        m = _SPECIAL.search(raw, i)
        stop = m.start() if m else n
        if stop > i:  # an ordinary run
            chars.append(raw[i:stop])
            origins.extend(range(offset + i, offset + stop))
            i = stop
            if i >= n:
                break
        ch = raw[i]
        if ch == "*":
            if raw.startswith("**", i):  # markdown bold marks
                i += 2
            else:
                chars.append("*")
                origins.append(offset + i)
                i += 1
            continue
        if ch.isspace():
            j = i
            while j < n and raw[j].isspace():
                j += 1
            prev = chars[-1][-1] if chars else ""
            nxt = halfwidth(raw[j]) if j < n else ""
            w = _STRAY_WORD.match(raw, i)
            if w and prev and _is_cjk(prev) and w.end() < n and _is_cjk(raw[w.end()]):
                chars.append("和")
                origins.append(offset + w.start(1))
                i = w.end()
                continue
            if prev and nxt and not (_is_tight(prev) or _is_tight(nxt)):
                chars.append(" ")
                origins.append(offset + i)
            i = j
            continue
        chars.append(halfwidth(ch))
        origins.append(offset + i)
        i += 1
    return MappedText("".join(chars), tuple(origins))
