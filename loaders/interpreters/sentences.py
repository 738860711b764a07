"""Splitting clean paragraph text into sentences, and telling commitments from narrative."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.loaders.document.text import MappedText
from kg.loaders.lexicon.numerals import read_numeral
from kg.loaders.reference.words import words

_END = re.compile(r"[。！？；]+[”’」』]?")


# Verbs that make a sentence a commitment of the plan (what the government will do).
COMMIT_VERBS = words("sentence_commit_verbs")
# Markers of a retrospective sentence (what was achieved), which is not a commitment: whole words, so
# 为了/除了 are no markers (the perfective 了 counts only in the verbs listed with it, 实现了/取得了).
RETROSPECTIVE = words("sentence_retrospective")
# A five-year period named in a sentence (“十四五”时期); another period than the plan's own is the past.
PERIOD = re.compile(r"[“\"]?(十[一二三四五六七八九]?五)[”\"]?(?:时期|期间)")
PLAN_ORDINAL = re.compile(r"第(十[一二三四五六七八九]?)个五年")


def plan_period(title: str) -> str | None:
    """``…第十五个五年规划纲要`` -> ``十五五`` (the plan's own period), else None.

    >>> plan_period("杭州市国民经济和社会发展第十五个五年规划纲要")
    '十五五'
    """
    m = PLAN_ORDINAL.search(title)
    return f"{m.group(1)}五" if m else None


def period_end_year(period: str | None) -> int | None:
    """The last year of a five-year period: ``十五五`` -> 2030, ``十四五`` -> 2025, ``一五`` -> 1957.

    >>> period_end_year("十五五"), period_end_year("十三五"), period_end_year(None)
    (2030, 2020, None)
    """
    m = re.fullmatch(r"([一二三四五六七八九十]{1,3})五", period or "")
    if not m:
        return None
    n = read_numeral(m.group(1))
    if n is None or n < 1:
        return None
    return 1952 + 5 * n if n <= 2 else 1970 + 5 * (n - 3)  # 1963–1965 lay between 二五 and 三五


def split_sentences(text: MappedText) -> Iterator[tuple[int, int]]:
    """Clean-text spans [start, end) of the sentences, end punctuation included."""
    start = 0
    s = text.text
    for m in _END.finditer(s):
        if s[start : m.end()].strip():
            yield start, m.end()
        start = m.end()
    if s[start:].strip():
        yield start, len(s)


def is_retrospective(sentence: str, period: str | None = None) -> bool:
    """A sentence about the past: an achievement word (``sentence_retrospective.tsv``: 五年来, 成功,
    实现了…), or another five-year period than the plan's own ``period`` (“十四五”时期 in a 十五五 plan)."""
    if any(r in sentence for r in RETROSPECTIVE):
        return True
    return period is not None and any(m.group(1) != period for m in PERIOD.finditer(sentence))


def is_commitment(sentence: str, period: str | None = None) -> bool:
    return any(v in sentence for v in COMMIT_VERBS) and not is_retrospective(sentence, period)
