"""Splitting enumeration cells (``滨江物联网小镇、钱塘大创小镇……等。``) into entity names.

Rules, all general: items are separated by 、，,；; a leading 以及/及/和/与 and a trailing 等/。 are
not part of a name; a counted list ``X、Y、Z三个<head>`` distributes the head over its items; a
final parenthesised part is part of the name when it is a place (``杭州高新区（滨江）``) and a
qualifier otherwise (``浙江大学杭州国际科创中心（量子计算）`` -> qualifier ``量子计算``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.loaders.lexicon.names import normalise_entity_name
from kg.loaders.reference.gazetteer import candidate_aliases, find_city
from kg.loaders.reference.words import words


@dataclass(frozen=True)
class ListItem:
    """One name of a list. ``cell[start:end]`` is the text it came from; for a distributed counted
    list (``钱塘、建德、临安三个省级化工园区``) the span covers the whole enumeration."""

    name: str
    start: int
    end: int
    qualifier: str | None = None


_SEPARATORS = re.compile(r"[、，,；;]")
_LEAD = re.compile(r"(?:以及|及|和|与|并)")
_TRAIL = re.compile(r"(?:等等|等)?[。．.；;]*$")
_COUNTED = re.compile(r"^(?P<last>.+?)(?:等)?(?P<n>[0-9一二两三四五六七八九十]+)个(?P<head>.{2,})$")
_QUALIFIER = re.compile(r"^(?P<name>.+)[（(](?P<q>[^（()）]+)[）)]$")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _count(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _CN_DIGITS.get(numeral[1:], 0)
    if numeral.endswith("十"):
        return 10 * _CN_DIGITS.get(numeral[:-1], 0)
    return _CN_DIGITS.get(numeral, 0)


def _pieces(cell: str) -> list[tuple[int, int, int]]:
    """(start, end, group) of each trimmed piece; a ，/； (not 、) starts a new group."""
    pieces, group, pos = [], 0, 0
    for m in [*_SEPARATORS.finditer(cell), None]:
        end = m.start() if m else len(cell)
        raw = cell[pos:end]
        start = pos + len(raw) - len(raw.lstrip())
        stop = pos + len(raw.rstrip())
        lead = _LEAD.match(cell, start, stop)
        if lead and lead.end() < stop:
            start, group = lead.end(), group + (lead.group() == "以及")
        trail = _TRAIL.search(cell[start:stop])
        stop = start + trail.start() if trail else stop
        if stop > start:
            pieces.append((start, stop, group))
        if m and m.group() != "、":
            group += 1
        pos = m.end() if m else len(cell)
    return pieces


@cache
def _place_names() -> frozenset[str]:
    """Every name (official or alias) of a district whose alias is unique nationwide."""
    return frozenset(name for d in candidate_aliases(None).values() for name in d.names)


def _is_place(text: str) -> bool:
    text = normalise_entity_name(text)
    return find_city(text) is not None or text in _place_names()


@cache
def clause_words() -> tuple[str, ...]:
    """Verbs and adverbs that open a clause (加强, 围绕, 大力 …): the words of
    ``data/name_left_stops.tsv`` of two characters or more (not 和/与/的, which names contain)."""
    return tuple(w for w in words("name_left_stops") if len(w) >= 2)


def _has_verb(name: str) -> bool:
    return any(w in name for w in clause_words())


def _item(name: str, start: int, end: int) -> ListItem:
    m = _QUALIFIER.match(name)
    if m and not _is_place(m.group("q")):
        return ListItem(normalise_entity_name(m.group("name")), start, end, m.group("q").strip())
    return ListItem(normalise_entity_name(name), start, end)


def split_entity_list(cell: str) -> list[ListItem]:
    """Split an enumeration cell into names with their spans in ``cell``.

    >>> [i.name for i in split_entity_list("萧山膜材料小镇，以及钱塘、建德两个省级化工园区。")]
    ['萧山膜材料小镇', '钱塘省级化工园区', '建德省级化工园区']
    """
    pieces = _pieces(cell)
    items: list[ListItem] = []
    i = 0
    while i < len(pieces):
        start, end, group = pieces[i]
        nxt_group = pieces[i + 1][2] if i + 1 < len(pieces) else None
        counted = _COUNTED.match(cell[start:end]) if nxt_group != group else None
        n = _count(counted.group("n")) if counted else 0
        if counted and n >= 2:
            members = [p for p in pieces[: i + 1] if p[2] == group][-n:]
            if len(members) == n:
                del items[len(items) - (n - 1) :]
                head, span = counted.group("head"), (members[0][0], end)
                names = [cell[s:e] for s, e, _ in members[:-1]] + [counted.group("last")]
                items.extend(_item(x + head, *span) for x in names)
                i += 1
                continue
        items.append(_item(cell[start:end], start, end))
        i += 1
    return items


# A list of things to build: ``建设A、B、C等`` (the verb opens it, 等 closes it).
_BUILD_LIST = re.compile(
    r"(?:建设|打造|培育|完善)(?P<list>[^。；;：:]{4,400}?)等(?P<head>[\u4e00-\u9fff]{0,10})"
)
# In running text, a list that says it lists platforms: ``依托A、B等平台`` (one clause: no comma).
_PLATFORM_LIST = re.compile(
    r"(?:依托|发挥|建设|打造|培育|支持|用好|推进|提升|建强|做强)(?P<list>[^。；;：:，,“”]{4,200}?)等"
    r"(?P<head>(?:重点|特色|产业|创新|科创|公共|服务|功能)*(?:平台|载体))"
)
# what a list of platforms may end with (…等平台, …等重点载体); any other head names fields
_PLATFORM_HEAD = re.compile(r"^(?:重点|特色|产业|创新)?(?:平台|载体|园区|基地)")
_NOT_A_NAME = re.compile(r"重点|发展|推动|加快|提升|实施|开展|加强|[，,。；]")
MAX_LISTED = 30
# a line that is a lead and the names it lists: ``1. 集成电路：A、B、C。`` (one clause after the colon)
_COLON_LIST = re.compile(r"^[^：:。；]{2,24}[：:]\s*(?P<list>[^。；;：:，,]{4,400})[。；;]?\s*$")


def listed_names(text: str, named_head: bool = False) -> list[ListItem]:
    """Names in lists of what is to be built (``建设番禺广汽智联新能源汽车产业园、广州国际生物岛等``):
    in a box that lists platforms per industry domain each item is a platform, suffix or not.
    With ``named_head`` (running text) only lists whose head says they are platforms count
    (``依托A、B等平台``). Spans are offsets in ``text``.

    >>> [i.name for i in listed_names("重点发展生物药。建设广州国际生物岛、南沙生命科学园、红专厂等。")]
    ['广州国际生物岛', '南沙生命科学园', '红专厂']
    >>> [i.name for i in listed_names("培育番禺高端装备、南沙高端装备等特色标杆工业园。")]
    ['番禺高端装备特色标杆工业园', '南沙高端装备特色标杆工业园']
    >>> listed_names("培育细胞与基因治疗、核医疗等领域。")
    []
    >>> [i.name for i in listed_names("依托江苏国际数据港、江苏（南京）算数空间等平台", named_head=True)]
    ['江苏国际数据港', '江苏（南京）算数空间']
    >>> listed_names("建设广州国际生物岛、南沙生命科学园等。", named_head=True)
    []
    >>> line = "1. 集成电路：杭州城西科创大走廊、宁波甬江科创区、绍兴集成电路产业园。"
    >>> [i.name for i in listed_names(line)]
    ['杭州城西科创大走廊', '宁波甬江科创区', '绍兴集成电路产业园']
    >>> listed_names("集成电路：推进杭州城西科创大走廊建设。") + listed_names("集成电路：芯片设计、制造。")
    []
    """
    from kg.loaders.interpreters.entities import platform_suffix

    out: list[ListItem] = []
    if not named_head and not _BUILD_LIST.search(text):
        # ``集成电路：A、B、C。``: a line listing platforms, most of them named as platforms (by a
        # suffix); not a clause (集成电路：推进A建设), nor fields (集成电路：芯片设计、制造、封测)
        colon = _COLON_LIST.match(text)
        items = split_entity_list(colon.group("list")) if colon else []
        platforms = sum(1 for item in items if platform_suffix(item.name))
        if any(_has_verb(item.name) for item in items) or platforms * 2 <= len(items):
            return out
        for item in items:
            if (
                3 <= len(item.name) <= MAX_LISTED
                and not _NOT_A_NAME.search(item.name)
                and not _is_place(item.name)
            ):
                base = colon.start("list")
                out.append(ListItem(item.name, base + item.start, base + item.end, item.qualifier))
        return out
    for m in (_PLATFORM_LIST if named_head else _BUILD_LIST).finditer(text):
        base = m.start("list")
        head = m.group("head")
        if head and not (platform_suffix(head) or _PLATFORM_HEAD.match(head)):
            continue  # …等领域, …等材料的示范应用场景: the items are fields, not platforms
        # ``培育A、B等特色标杆工业园``: the head after 等 names what each item is
        shared = head if head and platform_suffix(head) else ""
        for item in split_entity_list(m.group("list")):
            name = item.name + shared
            if 3 <= len(name) <= MAX_LISTED and not _NOT_A_NAME.search(name) and not _is_place(name):
                out.append(ListItem(name, base + item.start, base + item.end, item.qualifier))
    return out
