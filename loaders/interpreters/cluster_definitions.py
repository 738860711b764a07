"""Industry clusters a plan defines in running text: counted enumerations, in either order,

    人工智能、半导体与集成电路、生物制造等3个战略先导产业        (names, then their count and group)
    6个未来产业包括智能无人系统、具身智能、深海深空             (count and group, then the names)

nested (``15个战略性产业包括A、B等6个新兴支柱产业，C、D等5个战略先导产业…``: the inner groups are
tiers of the outer group), and named by the scheme code they define (``“12218”现代化产业体系``).

The rule that makes this safe for any plan: the number of names must equal the count the plan
states, and the group must be an industry word (…产业, …行业, …产业集群, …服务业). A count with no
names (``9个千亿级特色产业集群`` in a heading) is a group, never a cluster. A list the plan says is
partial (``集成电路、智能光伏等15个千亿级特色产业集群``: 等 and fewer names than the count) names
some of the group: those are clusters too, when none is a place or a platform (…园, …基地).

>>> for d in find_definitions("培育人工智能、生物制造2个战略先导产业，以及会展、旅游休闲2个保持位势类行业。"):
...     print(d.name, d.tier, d.group)
人工智能 战略先导产业 None
生物制造 战略先导产业 None
会展 保持位势类行业 None
旅游休闲 保持位势类行业 None
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.loaders.interpreters.entity_lists import clause_words
from kg.loaders.lexicon.numerals import cn_int
from kg.loaders.reference.words import words

_COUNT = r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:个|大|类)"
_GROUP = r"(?P<group>[\u4e00-\u9fff“”]{0,12}?(?:产业集群|产业群|产业|行业|服务业|集群))"
MIN_GROUP = 4  # ``未来产业``, ``产业集群``: a bare ``产业`` names no group
_NAME = r"[\u4e00-\u9fffA-Za-z0-9“”（）()+]{2,20}"
_LIST = rf"{_NAME}(?:(?:、|以及){_NAME})+"
# a name of a list before its count: never a 等 that the count follows (``…汽车等15个``: not a name
# ``汽车等1`` and a count of 5)
_NAME_BEFORE_COUNT = r"(?:(?!等\s*[\d一二两三四五六七八九十])[\u4e00-\u9fffA-Za-z0-9“”（）()+]){2,20}"
_LIST_BEFORE_COUNT = rf"{_NAME_BEFORE_COUNT}(?:(?:、|以及){_NAME_BEFORE_COUNT})+"
# names, then count and group: ``A、B、C等3个战略先导产业``
AFTER = re.compile(rf"(?P<list>{_LIST_BEFORE_COUNT})\s*(?P<etc>等)?\s*{_COUNT}{_GROUP}")
# count and group, then the names: ``6个未来产业包括A、B、C`` (to the end of the clause)
BEFORE = re.compile(rf"{_COUNT}{_GROUP}\s*(?:包括|为|是|即|：|:)\s*(?P<list>[^。；;]+)")
# what AFTER and BEFORE both hold: a text without it is ruled out in one linear scan (AFTER's list
# would otherwise be tried at every character)
COUNTED_GROUP = re.compile(rf"{_COUNT}{_GROUP}")
# no count, a named group: ``聚焦A、B、C等战略性新兴产业``, ``培育A、B等优势产业集群``. A bare ``产业``
# is no group (``发展文化、旅游等产业``): the group must say what kind of industry or that it is a
# cluster.
UNCOUNTED = re.compile(
    rf"""(?P<list>{_LIST})\s*等\s*
    (?P<group>(?:万亿级|千亿级|百亿级|[一二两三四五六七八九十]+大|一批|若干|重点|特色|高端|新兴|先进|现代|海洋)*
      (?:战略性新兴产业|未来产业|先导产业|支柱产业|优势产业|主导产业|特色产业|新兴产业|
         现代服务业|生产性服务业|生活性服务业|先进制造业集群|产业集群|集群))
    (?![\u4e00-\u9fff]*?(?:企业|项目|园区|基地))""",
    re.X,
)
SCHEME = re.compile(r"“(?P<code>[0-9A-Za-z+＋]{2,12})”(?P<name>[\u4e00-\u9fff]{0,10}?)(?:是指|即|：|:|包括)")
_LEAD = re.compile(r"^(?:其中|以及|及|和|与|还有|包括)")
# a group that only qualifies what follows it (``阿里、网易等5个产业集群龙头企业``): its items are not
# clusters of a partial list
_GROUP_AS_MODIFIER = re.compile(r"(?:的)?(?:龙头|领军|链主|企业|项目|园区|基地|平台|载体)")
_TAIL = re.compile(r"(?:等)$")


@dataclass(frozen=True)
class ClusterDefinition:
    name: str
    tier: str | None  # the group the count names (战略先导产业, 未来产业 …)
    group: str | None  # the outer group of a nested definition (战略性产业), if any
    scheme: str | None  # the scheme the sentence defines (“12218”现代化产业体系), if any
    start: int  # span of the name in the text
    end: int


@cache
def list_leads() -> tuple[str, ...]:
    """Words that open an enumeration without being part of its first name (``data/list_leads.tsv``),
    longest first."""
    return tuple(sorted(words("list_leads"), key=len, reverse=True))


def _cut_lead(name: str) -> int:
    """Where the first name of a list starts: after the last lead word or count in front of it.

    >>> n = "个战略性产业集群包括智能网联与新能源汽车"; n[_cut_lead(n):]
    '智能网联与新能源汽车'
    >>> n = "加快打造人工智能"; n[_cut_lead(n):]
    '人工智能'
    """
    cut = 0
    for word in list_leads():
        i = name.rfind(word)
        if i >= 0 and i + len(word) < len(name) - 1:
            cut = max(cut, i + len(word))
    return cut


_PREPOSITIONS = tuple("在对以将把向")  # 在低空经济、人工智能等新兴产业…: not part of the name


@cache
def _verbs() -> tuple[str, ...]:
    """Words that open a clause before its list (``entity_lists.clause_words``), but 以及 and 及其,
    which join a list's names."""
    return tuple(w for w in clause_words() if w not in ("以及", "及其"))


def _cut_verb(name: str) -> int:
    """Where an uncounted list's first name starts: after the last verb glued to it.

    >>> n = "持续提升船舶与海洋工程装备"; n[_cut_verb(n):]
    '船舶与海洋工程装备'
    """
    cut = 0
    for word in _verbs():
        i = name.rfind(word)
        if i >= 0 and i + len(word) <= len(name) - 2:
            cut = max(cut, i + len(word))
    return cut


def _items(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Names of a 、-list with their spans; a lead word before the first (其中, 包括, 打造 …) and a
    trailing 等 are not part of them."""
    out = []
    pos = 0
    pieces = _pieces(text)
    if len(pieces) > 1 and not pieces[0][0]:  # the list opens with 以及: a lead, not a separator
        pos = len(pieces.pop(0)[1])
    for k, (piece, sep) in enumerate(pieces):
        a = offset + pos
        name = piece.strip()
        cut = _cut_lead(name) if k == 0 else 0
        lead = _LEAD.match(name[cut:])
        cut += lead.end() if lead else 0
        if cut:
            name, a = name[cut:], a + cut
        name = _TAIL.sub("", name)
        out.append((name, a, a + len(name)))
        pos += len(piece) + len(sep)
    return out


def _pieces(text: str) -> list[tuple[str, str]]:
    """``A、B以及C`` -> (A, 、), (B, 以及), (C, ''): 以及 joins the last item like 、 (和 and 及 do
    not: names contain them, 软件和信息服务, 汽车及零部件)."""
    parts = re.split(r"(、|以及)", text)
    return [(parts[i], parts[i + 1] if i + 1 < len(parts) else "") for i in range(0, len(parts), 2)]


def _is_name(name: str) -> bool:
    return 2 <= len(name) <= 20 and not re.search(r"\d+\s*个|[，,。；“”]", name)


def _is_place(name: str) -> bool:
    """A province, city or county-level division (宁波, 番禺): a province's plan counts its cities."""
    from kg.loaders.reference.gazetteer import resolve_place

    return resolve_place(name, None) is not None


def _is_platform(name: str) -> bool:
    from kg.loaders.interpreters.entities import platform_suffix

    return platform_suffix(name) is not None


def _counted(items, n: int | None, group: str, partial: bool = False) -> bool:
    """The list names exactly ``n`` things, or (``partial``: it ends in 等) fewer, none a place
    (番禺、南沙…4个汽车产业集群 are places); the names of a partial list are not platforms either."""
    if n is None or len(group) < MIN_GROUP or not all(_is_name(name) for name, _, _ in items):
        return False
    if any(_is_place(name) for name, _, _ in items):
        return False
    if len(items) == n:
        return True
    return partial and len(items) < n and not any(_is_platform(name) for name, _, _ in items)


def find_enumerations(text: str) -> list[ClusterDefinition]:
    """Clusters a plan names in uncounted lists of a named group (``重点发展A、B等未来产业``): for a
    plan that defines no cluster by count or scheme, the clusters it names at all.

    >>> [(d.name, d.tier) for d in find_enumerations("前瞻布局量子科技、生命科学、6G等未来产业")]
    [('量子科技', '未来产业'), ('生命科学', '未来产业'), ('6G', '未来产业')]
    >>> find_enumerations("发展林下经济、乡村旅游等产业") + find_enumerations("引进华为、阿里等集群企业")
    []
    """
    out, seen = [], set()
    for m in UNCOUNTED.finditer(text):
        items = _items(m.group("list"), m.start("list"))
        first, a, b = items[0]
        cut = _cut_verb(first)
        cut += 1 if first[cut : cut + 1] in _PREPOSITIONS and len(first) - cut > 3 else 0
        items[0] = (first[cut:], a + cut, b)
        if not all(_is_name(name) for name, _, _ in items) or any(_is_place(name) for name, _, _ in items):
            continue
        for name, a, b in items:
            if name not in seen:
                seen.add(name)
                out.append(ClusterDefinition(name, m.group("group"), None, None, a, b))
    return out


def find_definitions(text: str) -> list[ClusterDefinition]:
    """Clusters defined in ``text`` (one paragraph or note), in text order, each name once."""
    if not COUNTED_GROUP.search(text):
        return []
    scheme_m = SCHEME.search(text)
    scheme = f"“{scheme_m.group('code')}”{scheme_m.group('name')}" if scheme_m else None
    found: dict[int, ClusterDefinition] = {}
    inner: list[tuple[int, int, int]] = []  # (start, end, count) of each AFTER match
    for m in AFTER.finditer(text):
        items = _items(m.group("list"), m.start("list"))
        n = cn_int(m.group("n"))
        partial = m.group("etc") is not None and not _GROUP_AS_MODIFIER.match(text, m.end())
        if not _counted(items, n, m.group("group"), partial):
            continue
        inner.append((items[0][1], m.end(), n))
        for name, a, b in items:
            found[a] = ClusterDefinition(name, m.group("group"), None, scheme, a, b)
    for m in BEFORE.finditer(text):
        n = cn_int(m.group("n"))
        group = m.group("group")
        span = (m.start("list"), m.end("list"))
        nested = [c for c in inner if span[0] <= c[0] < span[1]]
        if nested and sum(c[2] for c in nested) == n:
            for a, d in list(found.items()):
                if span[0] <= a < span[1]:
                    found[a] = ClusterDefinition(d.name, d.tier, group, scheme, d.start, d.end)
            continue
        body = re.split(r"[，,]", m.group("list"))[0]
        items = _items(body, m.start("list"))
        if _counted(items, n, group, partial=body.rstrip().endswith("等")):
            for name, a, b in items:
                found.setdefault(a, ClusterDefinition(name, group, None, scheme, a, b))
    seen: set[str] = set()
    out = []
    for a in sorted(found):
        d = found[a]
        if d.name not in seen:
            seen.add(d.name)
            out.append(d)
    return out
