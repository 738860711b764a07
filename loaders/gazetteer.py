"""Reference tables of places (``loaders/data/*.tsv``) and resolution of names against them.

Tables, loaded once:

- ``cities.tsv``: prefecture-level and higher cities; ``aliases`` are names without 市; a
  one-character ``abbreviation`` (杭, 甬, 沪, 宁 ...) is never matched on its own, only inside a
  compound made entirely of abbreviations such as 杭甬 or 沪宁 (see :func:`cities_in_compound`).
- ``districts.tsv``: county-level divisions (and national new areas) with aliases: the short name
  without 区/县/市 when it has two or more characters, plus well-known alternates.  A short alias is
  only meaningful inside its city: 鼓楼 is in 南京 and 徐州, 江北 is in 宁波.  Without a city context
  only aliases that are unique across the table are used.
- ``platform_locations.tsv``: platforms whose name does not say their district.

Ids: ``district:杭州市`` for a city, ``district:杭州市滨江区`` for a county-level division.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.loaders.names import normalise_entity_name

# A short alias followed by one of these names a landmark, not the district: 钱塘江, 秦淮河, 玄武湖.
LANDMARK_CHARS = frozenset("江河湖山溪湾路街桥")


@dataclass(frozen=True)
class District:
    """A city (``level`` ends in ``city`` or is ``municipality``) or a county-level division."""

    id: str
    name: str
    province: str
    city: str
    level: str
    aliases: tuple[str, ...] = ()
    abbreviation: str = ""

    @property
    def is_city(self) -> bool:
        return self.name == self.city

    @property
    def names(self) -> tuple[str, ...]:
        """Official name first, then aliases."""
        return (self.name, *self.aliases)


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("kg.loaders").joinpath("data", filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(normalise_entity_name(a) for a in (cell or "").split(";") if a.strip())


@cache
def cities() -> tuple[District, ...]:
    return tuple(
        District(
            id=f"district:{r['city']}",
            name=r["city"],
            province=r["province"],
            city=r["city"],
            level=r["level"],
            aliases=_split(r["aliases"]),
            abbreviation=r["abbreviation"].strip(),
        )
        for r in _rows("cities.tsv")
    )


@cache
def districts() -> tuple[District, ...]:
    return tuple(
        District(
            id=f"district:{r['city']}{r['district']}",
            name=r["district"],
            province=r["province"],
            city=r["city"],
            level=r["level"],
            aliases=_split(r["aliases"]),
        )
        for r in _rows("districts.tsv")
    )


@cache
def _alias_owners() -> dict[str, tuple[District, ...]]:
    owners: dict[str, list[District]] = defaultdict(list)
    for d in districts():
        for alias in d.names:
            owners[alias].append(d)
    return {alias: tuple(ds) for alias, ds in owners.items()}


@cache
def _platform_locations() -> dict[tuple[str, str], District]:
    by_name = {(d.city, d.name): d for d in districts()}
    table = {}
    for r in _rows("platform_locations.tsv"):
        key = (r["city"], r["district"])
        if key not in by_name:
            raise ValueError(f"platform_locations.tsv: unknown district {key}")
        table[(r["city"], normalise_entity_name(r["name"]))] = by_name[key]
    return table


@cache
def _by_id() -> dict[str, District]:
    return {d.id: d for d in (*districts(), *cities())}


def district_by_id(did: str | None) -> District | None:
    """The city or county-level division with this id (``district:杭州市滨江区``), else None."""
    return _by_id().get(did) if did else None


def find_city(name: str) -> District | None:
    """The city called ``name`` (official name or alias), else None."""
    name = normalise_entity_name(name)
    return next((c for c in cities() if name in c.names), None)


@cache
def _city_names() -> tuple[dict[str, District], tuple[int, ...]]:
    """Name or alias -> city (the first city listed wins), and the name lengths, longest first."""
    by_name: dict[str, District] = {}
    for c in cities():
        for n in c.names:
            by_name.setdefault(n, c)
    return by_name, tuple(sorted({len(n) for n in by_name}, reverse=True))


def city_prefix(text: str) -> tuple[District | None, str]:
    """Split a leading city name off ``text``: ``杭州富春湾新城`` -> (杭州市, ``富春湾新城``)."""
    by_name, lengths = _city_names()
    for k in lengths:
        city = by_name.get(text[:k]) if len(text) >= k else None
        if city is not None:
            return city, text[k:]
    return None, text


def _as_city(city: District | str | None) -> District | None:
    if city is None or isinstance(city, District):
        return city
    found = find_city(city)
    if found is None:
        raise ValueError(f"unknown city {city!r}; see loaders/data/cities.tsv")
    return found


@cache
def candidate_aliases(city: District | None) -> dict[str, District]:
    """Alias -> district usable in ``city``'s context (or table-wide unique aliases when None).

    Cached per city: callers must not change the returned dict."""
    if city is not None:
        return {a: d for d in districts() if d.city == city.name for a in d.names}
    return {a: ds[0] for a, ds in _alias_owners().items() if len(ds) == 1}


@cache
def _aliases_longest_first(city: District | None) -> tuple[tuple[str, District], ...]:
    return tuple(sorted(candidate_aliases(city).items(), key=lambda kv: -len(kv[0])))


def alias_at_start(text: str, city: District | None) -> tuple[District, str] | None:
    """Longest district alias at the start of ``text`` (short aliases not followed by a landmark)."""
    for alias, d in _aliases_longest_first(city):
        if not text.startswith(alias):
            continue
        is_short = alias != d.name and not alias.endswith(("区", "县", "市", "）"))
        if is_short and text[len(alias) : len(alias) + 1] in LANDMARK_CHARS:
            continue
        return d, alias
    return None


def resolve_district(text: str, city: District | str | None = None) -> District | None:
    """The county-level division a platform name (or list item) points to, else None.

    A leading city name sets the context (``杭州富春湾新城``); then the longest district alias at
    the start wins (``滨江物联网小镇`` -> 滨江区); else the platform-location table is consulted.

    >>> resolve_district("萧山经济技术开发区", "杭州市").id
    'district:杭州市萧山区'
    >>> resolve_district("杭州富春湾新城").id
    'district:杭州市富阳区'
    >>> resolve_district("钱塘江", "杭州市") is None
    True
    """
    name = normalise_entity_name(text)
    ctx = _as_city(city)
    prefix_city, rest = city_prefix(name)
    if prefix_city is not None and not rest.startswith(("市", "区", "县")):
        ctx = prefix_city
    else:
        rest = name
    found = alias_at_start(rest, ctx)
    if found is not None:
        return found[0]
    return _locate_platform(name, rest, ctx)


def _locate_platform(name: str, rest: str, city: District | None) -> District | None:
    table = _platform_locations()
    if city is not None:
        keys = [(city.name, name), (city.name, rest)]
        return next((table[k] for k in keys if k in table), None)
    hits = {d for (c, n), d in table.items() if n in (name, rest)}
    return hits.pop() if len(hits) == 1 else None


def city_of_plan(title: str) -> District | None:
    """The city a plan is about, from its title (``杭州市国民经济和社会发展第十五个五年规划纲要``).

    The city named first in the title wins; None for a province or the national plan.

    >>> city_of_plan("南京市国民经济和社会发展第十五个五年规划纲要").id
    'district:南京市'
    """
    text = normalise_entity_name(title)
    best: tuple[int, int, District] | None = None
    for c in cities():
        for n in c.names:
            pos = text.find(n)
            if pos >= 0 and (best is None or (pos, -len(n)) < best[:2]):
                best = (pos, -len(n), c)
    return best[2] if best else None


def cities_in_compound(token: str) -> list[District] | None:
    """Cities named by a compound of one-character abbreviations (``杭甬`` -> 杭州, 宁波), else None."""
    by_abbr = {c.abbreviation: c for c in cities() if c.abbreviation}
    if len(token) < 2 or any(ch not in by_abbr for ch in token):
        return None
    return [by_abbr[ch] for ch in token]
