"""The table of contents: a run of heading-like lines whose titles recur, in order, as headings of
the body, with or without page numbers or dot leaders, with box directories (重大工程专栏目录 …)
and short directory titles inside it.

No layout is assumed: an entry is known by what it says (a heading that the body repeats), not by
its page number. The first title that comes again (the body's first heading) or running text ends it; an
entry need not recur (the copy may stop early, or the body word it otherwise).

>>> lines = ["目 录", "第一章 总体要求 1", "第二章 产业 5", "重大工程专栏目录", "专栏1 工程 6",
...          "", "第一章 总体要求", "正文。", "第二章 产业", "专栏1 工程", "正文。"]
>>> find_contents(lines)
(1, 5)
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.loaders.layouts.cells import clean_cell
from kg.loaders.lexicon.patterns import DIVISION_START

# page number at the end of an entry, with the dot leader or space before it
_PAGE = re.compile(r"(?:[.．…·•\s]*|\|\s*)\d{1,3}\s*\|?\s*$")
# a page number after dot leaders, two spaces or a cell border: an entry even if the body words it
# otherwise
_DOTTED_PAGE = re.compile(r"(?:\.{2,}|…+|\s{2,}|\t|\|)\s*\d{1,3}\s*\|?\s*$")
_TITLE = re.compile(r"^\s*目\s*录\s*$")
_DIRECTORY = re.compile(r"专栏\s*目\s*录\s*$")
KEY_CHARS = 14  # a title is known by its first characters: entries may be cut or end in dots
MIN_ENTRIES = 3
MIN_KEY = 5  # 第一章 plus two title characters
MAX_FILLER = 24  # a line inside the contents that is not an entry: a directory title, a blank row


def heading_key(line: str) -> str | None:
    """The comparable start of a heading-like line, page number and leaders removed.

    >>> heading_key("| 第一章 基本实现社会主义现代化新征程精彩开局..... | 1 |")
    '第一章基本实现社会主义现代化'
    >>> heading_key("第二章 “十五五”时期的新阶段新特点 4") == heading_key("第二章 “十五五”时期的新阶段新特点")
    True
    >>> heading_key("加快建设科技城。") is None
    True
    """
    body = line.strip().strip("|").strip()
    if not DIVISION_START.match(body):
        return None
    body = _PAGE.sub("", re.sub(r"\s*\|\s*", " ", body)).rstrip(".．…·")
    key = re.sub(r"[\s.．…·|*]+", "", clean_cell(body))
    return key[:KEY_CHARS] or None


def _is_filler(line: str) -> bool:
    text = line.strip().strip("|").strip()
    return (
        not text
        or bool(_DIRECTORY.search(text))
        or bool(re.fullmatch(r"[|\s:\-]*", line))
        or (len(text) <= MAX_FILLER and not re.search(r"[，。；：]", text))
    )


def _same_title(a: str, b: str) -> bool:
    """Two keys name the same heading: one starts the other (a title cut over two lines)."""
    n = min(len(a), len(b))
    return n >= MIN_KEY and a[:n] == b[:n]


def find_contents(lines: list[str]) -> tuple[int, int] | None:
    """1-based inclusive span of the table of contents, or None."""
    keys = [heading_key(line) for line in lines]
    last_seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key:
            last_seen[key] = i

    def is_entry(i: int) -> bool:
        key = keys[i]
        return bool(key) and (last_seen[key] > i or bool(_DOTTED_PAGE.search(lines[i].rstrip())))

    entries = [i for i in range(len(lines)) if is_entry(i)]
    if len(entries) < MIN_ENTRIES:
        return None
    start = end = entries[0]
    listed = [keys[start]]
    for i in range(start + 1, len(lines)):
        key = keys[i]
        if (key and any(_same_title(key, k) for k in listed)) or (not key and not _is_filler(lines[i])):
            break  # an entry's title again: the body's first heading; or running text
        if key:  # an entry, also when the body words it otherwise or the copy stops early
            end = i
            listed.append(key)
    if sum(1 for i in range(start, end + 1) if keys[i]) < MIN_ENTRIES:
        return None
    j = start - 1
    while j >= 0 and _is_filler(lines[j]) and not _TITLE.match(lines[j]) and start - j < 4:
        j -= 1
    if j >= 0 and _TITLE.match(lines[j]):
        start = j
    return start + 1, end + 1


@lru_cache(maxsize=4)
def contents_of(text: str) -> tuple[int, int] | None:
    """``find_contents`` of the lines of ``text``, found once for the plan's metadata (its title
    stands before the contents) and its structure."""
    return find_contents(text.split("\n"))
