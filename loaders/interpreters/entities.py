"""Recognisers for platforms, institutions and districts in running text. Pure functions on strings.

A platform or institution name ends in a suffix from ``data/platform_suffixes.tsv`` /
``data/institution_suffixes.tsv`` (the longest suffix at a position decides which table it belongs
to: 研究中心 is an institution, 创新中心 a platform). From the suffix the name extends leftwards to
a boundary: punctuation, or a verb/function word (支持, 建设, 的, 和 ...). It is kept only if it has
a specific part: a place (city, province, district alias), a quoted name, a platform of the
location table, or a "brand" of two or more characters left after removing generic vocabulary
(``data/generic_terms.tsv``). Names starting with a number or quantifier (一批, 3个) are dropped.
Suffixes marked ``bounded`` (中心, 基地, 港, 谷, 城) must also be followed by a boundary, so that
中心城区 or 城市 never end a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.loaders.interpreters.entity_lists import ListItem, split_entity_list
from kg.loaders.interpreters.spans import DisjointSpans
from kg.loaders.lexicon.names import normalise_entity_name
from kg.loaders.lexicon.patterns import is_cjk as _is_cjk
from kg.loaders.reference.gazetteer import District, _as_city, candidate_aliases, cities, districts
from kg.loaders.reference.tsv import read_table
from kg.loaders.reference.words import words

__all__ = [
    "EntityMatch",
    "ListItem",
    "find_districts",
    "find_institutions",
    "find_platforms",
    "normalise_entity_name",
    "split_entity_list",
]

MAX_NAME = 24
# Word lists of the genre, each entry with its reason (``reference/data/name_*.tsv``):
LEFT_STOPS = words("name_left_stops")  # a name ends on its left at these (verbs, adverbs, function words)
RIGHT_STOPS = words("name_right_stops")  # ... and a bounded suffix is followed by one of these
_QUANTIFIER = re.compile(
    r"^(?:[0-9]|[一二两三四五六七八九十百千几多数][个批家类座项条所处]|若干|首批|各|部分)"
)
NON_NAME_ENDINGS = words("name_non_endings")  # a name never ends in these (名城, 体育中心)
CUT_WORDS = words("name_cut_words")  # ... and a suffix never ends inside these words (大学生, 城市)


@cache
def regions() -> frozenset[str]:
    """National-level named regions and their aliases (``data/regions.tsv``) and 中国: places,
    though not in the city and district tables."""
    names = {"中国"}
    for r in _table("regions.tsv"):
        names.add(r["region"])
        names.update(a for a in r["aliases"].split(";") if a)
    return frozenset(names)


_NUMERAL = re.compile(r"[一二两三四五六七八九十百千]")
_COUNTED = re.compile(r"[0-9一二两三四五六七八九十]+[个大]")
_COUNT_HEAD = re.compile(r"(?:等)?[0-9一二两三四五六七八九十]+个")


@dataclass(frozen=True)
class EntityMatch:
    """``text[start:end]`` is the mention; ``name`` its canonical spelling; ``id`` set for districts."""

    start: int
    end: int
    name: str
    kind: str
    id: str | None = None


@dataclass(frozen=True)
class _Suffix:
    category: str
    kind: str
    bounded: bool
    needs_place: bool


def _table(filename: str) -> list[dict[str, str]]:
    return read_table(filename)


@cache
def suffixes() -> dict[str, _Suffix]:
    table = {}
    for category, filename in (
        ("platform", "platform_suffixes.tsv"),
        ("institution", "institution_suffixes.tsv"),
    ):
        for r in _table(filename):
            table[r["suffix"]] = _Suffix(
                category, r["kind"], r["bounded"] == "yes", r["needs_place"] == "yes"
            )
    return table


@cache
def generic_terms() -> tuple[str, ...]:
    return tuple(sorted((r["term"] for r in _table("generic_terms.tsv")), key=len, reverse=True))


@cache
def place_names(province: str | None = None) -> frozenset[str]:
    """Names that make a platform name specific (``萧山…开发区``): every city and province with
    their aliases, every county-level division's official name, regions, located platforms, and
    the short names (萧山, 黄埔) of the county-level divisions of the plan's own province only:
    across all of China short names are ordinary words too (富裕县 makes 共同富裕示范区 no place)."""
    names = {n for c in cities() for n in c.names} | regions()
    for c in cities():
        names.add(c.province)
        names.add(re.sub(r"(壮族|回族|维吾尔)?自治区$|省$|市$", "", c.province))
    names.update(d.name for d in districts())
    if province:
        names.update(n for d in districts() if d.province == province for n in d.names)
    names.update(r["name"] for r in _table("platform_locations.tsv"))
    return frozenset(n for n in names if len(n) >= 2)


def _is_name_char(ch: str) -> bool:
    return _is_cjk(ch) or (ch.isascii() and ch.isalnum())


def _right_boundary(text: str, end: int) -> bool:
    if end >= len(text) or not _is_name_char(text[end]):
        return True
    return text.startswith(RIGHT_STOPS, end) or bool(_COUNT_HEAD.match(text, end))


def _stop_ends_at(text: str, j: int) -> bool:
    return text.endswith(LEFT_STOPS, 0, j)  # LEFT_STOPS is a tuple: one C-level call


def _extend_left(text: str, i: int, places: frozenset[str]) -> int | None:
    """Start of the name whose suffix starts at ``i``; None if no boundary within MAX_NAME."""
    j = i
    while j > 0:
        if i - j >= MAX_NAME:
            return None
        if _stop_ends_at(text, j):
            break
        ch = text[j - 1]
        if ch == "”" or (ch == "“" and "”" in text[j:i]):
            j -= 1
        elif ch in "）)":
            open_at = max(text.rfind("（", 0, j), text.rfind("(", 0, j))
            if open_at < 0 or text[open_at + 1 : j - 1] not in places:
                break
            j = open_at
        elif ch.isascii() and ch.isalnum():
            run = j - 1
            while run > 0 and text[run - 1].isascii() and text[run - 1].isalnum():
                run -= 1
            if not any(c.isalpha() for c in text[run:j]):
                break
            j = run
        elif _is_cjk(ch):
            j -= 1
        else:
            break
    return j


def _has_brand(stem: str) -> bool:
    """True if two or more consecutive characters remain after removing generic vocabulary."""
    kept, run, i = 0, 0, 0
    while i < len(stem):
        term = next((t for t in generic_terms() if stem.startswith(t, i)), None)
        if term:
            run, i = 0, i + len(term)
            continue
        run = run + 1 if _is_name_char(stem[i]) else 0
        kept = max(kept, run)
        i += 1
    return kept >= 2


def _is_specific(name: str, suffix: _Suffix, length: int, places: frozenset[str]) -> bool:
    """Does ``name`` (whose suffix has ``length`` characters) name one thing? See the module docstring."""
    stem = name[: len(name) - length]
    unquoted = re.sub(r"“[^”]*”", "", name)
    if len(name) < length + 2 or _QUANTIFIER.match(name) or name.endswith(NON_NAME_ENDINGS):
        return False
    if len(_NUMERAL.findall(unquoted)) >= 2 or _COUNTED.search(unquoted):
        return False
    if "“" in stem:
        return True
    if (suffix.kind == "center" or name.endswith("重点实验室")) and _only_a_place(stem, places):
        return False  # 北京市重点实验室, 省技术创新中心: a grade of designation a place awards, many labs
    if name in places or any(
        stem[a:b] in places for a in range(len(stem)) for b in range(a + 2, min(len(stem), a + 10) + 1)
    ):
        return True
    rest = stem[len(NATIONAL) :]
    if stem.startswith(NATIONAL) and len(name) >= NATIONAL_MIN and not rest.startswith(NATIONAL_GRADES):
        # a named national body: 国家第三代半导体技术创新中心, not 国家制造业创新中心 (a category)
        # nor 国家级…/国家首批… (a grade of designation)
        return _has_brand(rest)
    inner = _GRADE_HEAD.search(stem, 2) if suffix.kind == "center" else None
    if inner is not None and _has_brand(stem[: inner.start()]):
        return True  # a named body of a grade: 第三代半导体国家技术创新中心, 高性能膜材料国家级创新中心
    if name.endswith("创新中心") and stem[:1] in LEVEL_PREFIXES and not stem[1:].startswith(NATIONAL_GRADES):
        # the plan's own province or city names its body by level: 省光电技术创新中心 (not 省级…)
        return _has_brand(stem[1:])
    return not suffix.needs_place and _has_brand(stem)


# key labs and centres are designated by a government: ``<place>重点实验室`` names the grade, not a lab
# (a lab named after its city, 广州实验室, is one lab)
_LEVEL_WORDS = re.compile(r"(?:省|市|区|县|州|级|部|的)+$")


def _only_a_place(stem: str, places: frozenset[str]) -> bool:
    """The stem is a place name and nothing else (北京市, 浙江省, 省级): no brand of its own.

    >>> _only_a_place("北京市", frozenset({"北京", "北京市"})), _only_a_place("之江", frozenset({"杭州"}))
    (True, False)
    """
    core = _LEVEL_WORDS.sub("", stem)
    return not core or stem in places or core in places


NATIONAL = "国家"
NATIONAL_MIN = 9  # characters: shorter 国家… names are categories (国家实验室, 国家级平台)
NATIONAL_GRADES = ("级", "首批", "重点", "重大", "一流")
_GRADE_HEAD = re.compile(r"国家级|国家|省级|市级")  # a designation's grade inside a name
LEVEL_PREFIXES = ("省", "市")  # 省…创新中心: a centre the plan's province or city designates


def _cuts_word(text: str, end: int) -> bool:
    return any(text.startswith(w, end - k) for w in CUT_WORDS for k in range(1, len(w)) if end - k >= 0)


@cache
def _suffixes_by_last_char() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """A pattern of the suffixes' last characters, and per last character its suffixes, longest first."""
    by_last: dict[str, list[str]] = {}
    for suffix in suffixes():
        by_last.setdefault(suffix[-1], []).append(suffix)
    ordered = {ch: tuple(sorted(group, key=len, reverse=True)) for ch, group in by_last.items()}
    return re.compile("[" + re.escape("".join(ordered)) + "]"), ordered


@lru_cache(maxsize=8)  # platforms, then institutions, are looked for in the same text
def _suffix_ends(text: str) -> tuple[tuple[int, str], ...]:
    """(end offset, longest suffix ending there), in text order."""
    pattern, by_last = _suffixes_by_last_char()
    ends: list[tuple[int, str]] = []
    for m in pattern.finditer(text):
        end = m.end()
        for suffix in by_last[m.group()]:
            if text.endswith(suffix, 0, end):
                ends.append((end, suffix))
                break
    return tuple(ends)


def _place_qualifier_end(text: str, end: int, places: frozenset[str]) -> int:
    """Include a following place in brackets: ``杭州高新区（滨江）``."""
    if text[end : end + 1] in ("（", "("):
        close = min((i for i in (text.find("）", end), text.find(")", end)) if i > 0), default=-1)
        if close > 0 and text[end + 1 : close] in places:
            return close + 1
    return end


def _find(text: str, category: str, places: frozenset[str] | None = None) -> list[EntityMatch]:
    places = place_names() if places is None else places
    found = []
    for end, suffix in _suffix_ends(text):
        info = suffixes()[suffix]
        if info.category != category or (info.bounded and not _right_boundary(text, end)):
            continue
        if _cuts_word(text, end):
            continue
        start = _extend_left(text, end - len(suffix), places)
        if start is None:
            continue
        if text[start] == "“" and "”" not in text[start + 1 : end]:
            start += 1
        name = text[start:end]
        if _is_specific(name, info, len(suffix), places):
            end = _place_qualifier_end(text, end, places)
            name = text[start:end]
            found.append(EntityMatch(start, end, normalise_entity_name(name), info.kind))
            found.extend(_coordinated(text, start, name, info.kind))
    return _longest_first(found)


_PIECE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}")


# an attribute of the designation in front of its grade word: 综合性, 区域性, 全国性 (…性 + 国家…)
_KIND_BEFORE_GRADE = re.compile(r"[\u4e00-\u9fff]{2}性$")


def _coordinated(text: str, start: int, name: str, kind: str) -> list[EntityMatch]:
    """The other names of a coordination sharing one designation (``集成电路设计自动化、第三代半导体
    国家技术创新中心`` -> two centres): the pieces joined by 、 before a name whose tail, from a grade
    word (国家, 省级 …) on, is the designation. Each piece's span is its own text.

    >>> text = "建设集成电路设计自动化、第三代半导体国家技术创新中心"
    >>> [m.name for m in _coordinated(text, 12, "第三代半导体国家技术创新中心", "center")]
    ['集成电路设计自动化国家技术创新中心']
    >>> text = "支持北京怀柔、安徽合肥综合性国家科学中心建设"
    >>> [m.name for m in _coordinated(text, 7, "安徽合肥综合性国家科学中心", "center")]
    ['北京怀柔综合性国家科学中心']
    """
    grade = next((m for m in _GRADE_HEAD.finditer(name) if m.start() >= 2), None)
    if grade is None or start == 0 or text[start - 1] != "、":
        return []
    at = grade.start()
    kind_word = _KIND_BEFORE_GRADE.search(name, 0, at)  # 综合性国家科学中心: 综合性 is the designation's
    head = name[kind_word.start() if kind_word and kind_word.start() >= 2 else at :]
    out, end = [], start - 1
    while end > 0:
        piece_start = end
        while (
            piece_start > 0 and _is_name_char(text[piece_start - 1]) and not _stop_ends_at(text, piece_start)
        ):
            piece_start -= 1
        piece = text[piece_start:end]
        own_name = _GRADE_HEAD.search(piece) or any(piece.endswith(s) for s in suffixes())
        if not _PIECE.fullmatch(piece) or own_name:
            break
        out.append(EntityMatch(piece_start, end, normalise_entity_name(piece + head), kind))
        if piece_start == 0 or text[piece_start - 1] != "、":
            break
        end = piece_start - 1
    return out[::-1]


def _longest_first(matches: list[EntityMatch]) -> list[EntityMatch]:
    kept: list[EntityMatch] = []
    spans = DisjointSpans()
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if spans.add(m.start, m.end):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def find_platforms(text: str, places: frozenset[str] | None = None) -> list[EntityMatch]:
    """Platform names in running text, e.g. ``支持紫金山实验室争创国家实验室`` -> 紫金山实验室.

    >>> [m.name for m in find_platforms("加快建设余杭未来科技城，布局一批中试基地")]
    ['余杭未来科技城']
    """
    return _find(text, "platform", places)


def find_institutions(text: str, places: frozenset[str] | None = None) -> list[EntityMatch]:
    """Institution names (universities, institutes, hospitals) in running text.

    >>> [m.name for m in find_institutions("支持西湖大学光电研究院和中国科学院杭州医学研究所建设")]
    ['西湖大学光电研究院', '中国科学院杭州医学研究所']
    """
    return _find(text, "institution", places)


_ITEM_LEFT = tuple("、，,；;：:（(和与及 ")
_ITEM_RIGHT = tuple("、，,；;。）)和与及等 ")
_JOINERS = ("、", "和", "与", "及", "以及", "，")


AliasIndex = dict[str, tuple[tuple[str, District], ...]]


def _alias_index(aliases: dict[str, District]) -> AliasIndex:
    """First character -> (alias, district) pairs: a text is searched only for the aliases that can
    start in it, not for every alias of the gazetteer."""
    index: dict[str, list[tuple[str, District]]] = {}
    for alias, district in aliases.items():
        index.setdefault(alias[0], []).append((alias, district))
    return {first: tuple(pairs) for first, pairs in index.items()}


@cache
def _district_index(city: District | None) -> AliasIndex:
    return _alias_index(candidate_aliases(city))


@cache
def _city_index() -> AliasIndex:
    return _alias_index(_city_aliases())


def _district_hits(text: str, index: AliasIndex) -> list[EntityMatch]:
    """Every occurrence of every alias in ``text`` (overlaps too), the longest kept where they do."""
    hits = []
    for first in set(text).intersection(index):
        for alias, d in index[first]:
            pos = text.find(alias)
            while pos >= 0:
                end = pos + len(alias)
                full = alias == d.name or alias.endswith(("区", "县", "市", "）"))
                hits.append(EntityMatch(pos, end, d.name, "district" if full else "short", d.id))
                pos = text.find(alias, pos + 1)
    return _longest_first(hits)


def _is_item(text: str, m: EntityMatch) -> bool:
    left_ok = m.start == 0 or text[m.start - 1] in _ITEM_LEFT
    right_ok = m.end == len(text) or text[m.end] in _ITEM_RIGHT or bool(_COUNT_HEAD.match(text, m.end))
    return left_ok and right_ok


def _joined(text: str, items: list[EntityMatch]) -> set[int]:
    """Indexes of the ``items`` (disjoint, in order) joined to another item by one of ``_JOINERS``
    (``、``, ``和`` …): only neighbours at most the longest joiner apart can be, so O(n)."""
    reach = max(map(len, _JOINERS))
    found: set[int] = set()
    for i, m in enumerate(items):
        for j in range(i + 1, len(items)):
            n = items[j]
            if n.start - m.end > reach:
                break
            if text[min(m.end, n.end) : max(m.start, n.start)] in _JOINERS:
                found.update((i, j))
    return found


def find_districts(text: str, city: District | str | None = None) -> list[EntityMatch]:
    """District mentions: full names (萧山区) anywhere; a short alias (萧山) only as an item of an
    enumeration next to another district (``钱塘、建德、临安三个省级化工园区``), so 西湖 the lake or
    钱塘江 the river are not districts. Aliases are those of ``city`` (or table-wide unique ones).

    >>> [m.name for m in find_districts("萧山区、西湖区和富阳区；游览西湖", "杭州市")]
    ['萧山区', '西湖区', '富阳区']
    """
    ctx = _as_city(city)
    if not _alias_pattern(ctx).search(text):  # one C-level scan rules out most sentences
        return []
    hits = _district_hits(text, _district_index(ctx))
    items = [m for m in hits if _is_item(text, m)]
    joined = {id(items[i]) for i in _joined(text, items)}
    kept = []
    for m in hits:
        if m.kind == "short" and id(m) not in joined:
            continue
        kept.append(EntityMatch(m.start, m.end, m.name, "district", m.id))
    return kept


@cache
def _city_aliases() -> dict[str, District]:
    """Full name or alias -> city (an alias shared by two cities is left out)."""
    owners: dict[str, list[District]] = {}
    for c in cities():
        for name in c.names:
            owners.setdefault(name, []).append(c)
    return {name: cs[0] for name, cs in owners.items() if len(cs) == 1 and len(name) >= 2}


@cache
def _alias_pattern(city: District | None) -> re.Pattern:
    names = sorted(candidate_aliases(city), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) or "(?!)")


@cache
def _city_pattern() -> re.Pattern:
    names = sorted(_city_aliases(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def find_cities(text: str) -> list[EntityMatch]:
    """City mentions: full names (宁波市) anywhere; a short name (宁波) only as an item of an
    enumeration next to another city (``湖州、嘉兴、绍兴``), so 南京路 or 黄山 the mountain are not cities.

    >>> [m.name for m in find_cities("深化与湖州、嘉兴、绍兴同城化，对接上海市；游览西湖")]
    ['湖州市', '嘉兴市', '绍兴市', '上海市']
    """
    if not _city_pattern().search(text):  # one C-level scan rules out most sentences
        return []
    hits = _district_hits(text, _city_index())
    joined = _joined(text, hits)  # 、/和/与 between it and another city
    return [
        EntityMatch(m.start, m.end, m.name, "city", m.id)
        for i, m in enumerate(hits)
        if m.kind == "district" or i in joined
    ]


def platform_suffix(name: str) -> str | None:
    """The longest platform suffix ``name`` ends with (``特色标杆工业园`` -> 工业园), else None."""
    ends = [s for s, info in suffixes().items() if info.category == "platform" and name.endswith(s)]
    return max(ends, key=len) if ends else None


def listed_platform(name: str, places: frozenset[str]) -> bool:
    """Is ``name``, an item of a running-text list of platforms (``依托A、B等平台``), one platform?
    The list says what it is, so a suffix need not carry a place (金鱼嘴每日路演中心) and a name
    without a suffix passes when a place or a quoted name makes it one thing (江苏（南京）算数空间);
    generic kinds (技术中心, 大模型工厂) and institutions (…学院: found as institutions) do not.

    >>> P = frozenset({"南京", "江苏"})
    >>> names = ("金鱼嘴每日路演中心", "江苏（南京）算数空间", "技术中心", "大模型工厂")
    >>> [listed_platform(n, P) for n in names]
    [True, True, False, False]
    """
    ends = [s for s in suffixes() if name.endswith(s)]
    suffix = max(ends, key=len) if ends else None
    if suffix is not None and suffixes()[suffix].category != "platform":
        return False
    if _QUANTIFIER.match(name):
        return False
    if any(s + joiner in name for s in suffixes() for joiner in "与和及"):
        return False  # two names joined (概念验证中心与杭州技术转移转化中心)
    stem = name[: len(name) - len(suffix)] if suffix else name
    if suffix is None:  # a place opens the name (雨花台烈士陵园), or a quoted name makes it one
        return "“" in name or any(stem.startswith(p) for p in places if len(p) >= 2)
    return _has_brand(stem)
