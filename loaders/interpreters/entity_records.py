"""Shared entities of one plan (districts, platforms, institutions, clusters, projects) as records.

One node per real-world thing: platform ids are scoped by the plan's city and drop a leading city
name (``杭州富春湾新城`` and ``富春湾新城`` are one platform), institutions and clusters are global by
name, districts come from the gazetteer. Each entity is emitted once, before the first edge that
uses it; its ``source`` is its first mention.
"""

from __future__ import annotations

import re

from kg.loaders.lexicon.names import normalise_entity_name
from kg.loaders.reference.gazetteer import (
    District,
    alias_at_start,
    city_of_plan,
    city_prefix,
    districts,
    parent,
    resolve_district,
)
from kg.loaders.reference.industries import match_concepts
from kg.records import Edge, Node, Source


class EntityRegistry:
    def __init__(self, plan_id: str, title: str, out: list):
        self.plan_id = plan_id
        self.out = out  # records are appended here, nodes before the edges that use them
        self.seen: set[str] = set()
        self.city: District | None = city_of_plan(title)
        self.clusters: dict[str, str] = {}  # cluster name -> id, for mentions in running text
        # a name seen as a platform and as an institution (浙江大学杭州国际科创中心) is one node
        self.by_name: dict[str, str] = {}

    def _node(self, node: Node) -> str:
        if node.id not in self.seen:
            self.seen.add(node.id)
            self.out.append(node)
        return node.id

    # -- districts -------------------------------------------------------------------------------

    def district(self, d: District) -> str:
        if d.id in self.seen:
            return d.id
        props = {
            "level": d.level,
            "province": d.province,
            "city": d.city,
            "aliases": list(d.aliases),
            "code": d.code or None,
        }
        self._node(Node(d.id, "District", d.name, None, {k: v for k, v in props.items() if v is not None}))
        up = parent(d)  # county -> prefecture -> province (reference table facts)
        if up is not None:
            self.out.append(Edge(d.id, self.district(up), "LOCATED_IN"))
        return d.id

    def plan_districts(self) -> None:
        """The plan's city and all its county-level divisions (reference table facts)."""
        if self.city is None:
            return
        self.district(self.city)
        for d in districts():
            if d.city == self.city.name:
                self.district(d)

    # -- platforms, institutions, projects -------------------------------------------------------

    def canonical_platform(self, name: str) -> tuple[str, str]:
        """(id, display name) of a platform.

        The id is scoped by city and district and drops their names from the front, so that
        ``杭州富春湾新城`` and ``富春湾新城``, or ``临安青山湖科技城`` and ``青山湖科技城``, are one platform
        while ``富阳经济技术开发区`` and ``萧山经济技术开发区`` stay two.
        """
        name = normalise_entity_name(name)
        prefix_city, rest = city_prefix(name)
        if prefix_city is None or len(rest) < 3 or rest.startswith(("市", "区", "县")):
            prefix_city, rest = None, name
        city = prefix_city or self.city
        district = None
        found = alias_at_start(rest, city)
        if found is not None and len(rest) - len(found[1]) >= 3:
            district, rest = found[0], rest[len(found[1]) :]
        else:
            district = resolve_district(name, city)
        scope = "/".join(x.name for x in (city, district) if x is not None)
        return f"platform:{scope + '/' if scope else ''}{rest}", name

    def platform(self, name: str, source: Source) -> str:
        """A platform's id; a name that is a district's own name or alias (钱塘新区) is that district."""
        pid, display = self.canonical_platform(name)
        if pid in self.seen:
            return pid
        district = resolve_district(display, self.city)
        if district is not None and {display, city_prefix(display)[1]} & set(district.names):
            return self.district(district)
        if display in self.by_name:
            return self.by_name[display]
        self.by_name[display] = pid
        self._node(Node(pid, "Platform", display, source))
        located = (
            resolve_district(display, self.city)
            or self.bracketed_place(display)
            or self.joined_place(display)
        )
        if located is None:
            prefix_city, _ = city_prefix(display)
            located = prefix_city
        if located is not None:
            self.out.append(Edge(pid, self.district(located), "LOCATED_IN", source, {"basis": "name"}))
        return pid

    def joined_place(self, name: str) -> District | None:
        """A place opening a later part of a name joined by ``·`` (广东医谷·南沙生命科学园 is in 南沙区)."""
        parts = name.split("·")[1:]
        return next((d for part in parts if (d := resolve_district(part, self.city)) is not None), None)

    def bracketed_place(self, name: str) -> District | None:
        """A place in brackets inside the name: 中国（桐庐）富春江影视文旅基地 is in 桐庐县,
        国家（杭州）短视频基地 in 杭州市."""
        for place in re.findall(r"（([^（）]{2,8})）", name):
            district = resolve_district(place, self.city)
            if district is not None and place in district.names:
                return district
            prefix_city, rest = city_prefix(place)
            if prefix_city is not None and rest in ("", "市"):
                return prefix_city
        return None

    def locate(self, platform_id: str, d: District, source: Source, basis: str) -> None:
        self.out.append(Edge(platform_id, self.district(d), "LOCATED_IN", source, {"basis": basis}))

    def institution(self, name: str, source: Source) -> str:
        name = normalise_entity_name(name)
        iid = self.by_name.setdefault(name, f"institution:{name}")
        if iid.startswith("institution:"):
            self._node(Node(iid, "Institution", name, source))
        return iid

    def project(self, name: str, source: Source) -> str:
        name = normalise_entity_name(name)
        pid = f"{self.plan_id}/project/{name}"
        if pid in self.seen:
            return pid
        self._node(Node(pid, "Project", name, source))
        located = resolve_district(name, self.city)
        if located is not None:
            self.out.append(Edge(pid, self.district(located), "LOCATED_IN", source, {"basis": "name"}))
        return pid

    def cluster_named(self, name: str) -> str | None:
        """The plan's cluster called ``name``: its full name, the part before its brackets, or the
        name in its brackets (``低空经济（航空航天）`` is also 低空经济 and 航空航天)."""
        name = normalise_entity_name(name)
        if name in self.clusters:
            return self.clusters[name]
        for full, cid in self.clusters.items():
            if name in cluster_keys(full):
                return cid
        return None

    def cluster(self, name: str, source: Source, props: dict) -> str:
        """A cluster of this plan (its tier, group and scheme are the plan's), linked to the shared
        industry concepts of the reference vocabulary it matches (``concepts``, ``conceptMatch``)."""
        name = normalise_entity_name(name)
        cid = f"{self.plan_id}/cluster/{name}"
        self.clusters.setdefault(name, cid)
        found, how = match_concepts(name)
        props = {**props, "plan": self.plan_id, "concepts": list(found), "conceptMatch": how}
        return self._node(Node(cid, "IndustryCluster", name, source, {k: v for k, v in props.items() if v}))


def cluster_keys(name: str) -> set[str]:
    """``低空经济（航空航天）`` is known as 低空经济 and as 航空航天."""
    head = re.split(r"[（(]", name, maxsplit=1)[0]
    inner = re.findall(r"[（(]([^）)]+)[）)]", name)
    return {head, *inner} - {""}
