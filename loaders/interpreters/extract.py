"""Commitments from the structure: goals, measures, targets, tables, and the entities they name,
as records with provenance.

Measures are every numbered box item and every committing sentence of the running text; each
SUPPORTS the aim of its part (a Goal from the part's title), MENTIONS the platforms, institutions,
districts, clusters and projects it names, and is MEASURED_BY the targets it states.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.loaders.document.tree import ParsedPlan, Unit
from kg.loaders.interpreters.cluster_definitions import find_definitions, find_enumerations
from kg.loaders.interpreters.cluster_topics import (
    built_cluster,
    cluster_at_start,
    cluster_containing,
    domain_group,
    domain_heading,
    named_clusters,
)
from kg.loaders.interpreters.commitments import mentions_in, targets_in
from kg.loaders.interpreters.context import Context
from kg.loaders.interpreters.entities import find_platforms
from kg.loaders.interpreters.plan import short_name, unit_id
from kg.loaders.interpreters.sentences import is_commitment, is_retrospective, split_sentences
from kg.loaders.interpreters.table_interpreters import (
    looks_like_indicators,
    read_layout_table,
    read_scheme_table,
)
from kg.loaders.interpreters.targets import extract_targets
from kg.loaders.lexicon.patterns import ITEM
from kg.loaders.reference.gazetteer import alias_at_start, city_prefix
from kg.records import Edge, Node, Source

GOAL_CHAPTER = re.compile(r"(主要|发展|总体)目标")
GOAL_LINE = re.compile(r"^[—─\-]{1,2}")
# a section reviewing a period opens with it: “十四五”时期是…, “十四五”以来…
REVIEW_OPENING = re.compile(r"^[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:时期|期间|以来)")
RURAL = re.compile(r"乡村|农业|农村")  # a chapter of farming: its 特色产业 are products, not clusters
LEAD_YEAR = re.compile(r"到\s*((?:19|20)\d\d)\s*年")
PLATFORM_BOX = re.compile(r"平台|载体")  # a box whose title says it lists platforms
# what a sentence's lead (a platform, a district) does before the industries it names: 重点发展, 聚焦, ：
DEVELOPS = re.compile(
    r"[：:]|(?:要|将)?(?:重点|着力|大力|加快|积极|优先|主要)?(?:发展|布局|打造|培育|做强|做大|壮大|聚焦|集聚)(?!区)"
)  # (集聚区, 发展区: the end of a platform's name)


@dataclass(frozen=True)
class Span:
    """What a paragraph is about: the cluster (``topic``) and whether it is a line of a box's domain
    list, whose build lists name platforms (``platform_list``)."""

    topic: str | None = None
    platform_list: bool = False


class Extractor:
    """Paragraph extraction: walks a parsed plan once, hands each table to the table interpreters
    and reads goals, measures, targets and mentions from the running text and box items."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.plan = ctx.plan
        self.entities = ctx.entities
        self.period, self.end_year = ctx.period, ctx.end_year
        self.lead_years: dict[int, int] = {}
        self.reviews: dict[int, bool] = {}  # sections/chapters reviewing the previous period
        self.boxes_make_clusters = False

    # -- walking ---------------------------------------------------------------------------------

    def records(self) -> Iterator[Node | Edge]:
        ctx = self.ctx
        self.entities.plan_districts()
        tables = [u for u in self.plan.root.walk() if u.kind == "Table" and u.table is not None]
        # schemes first, so that cluster names are known to the other tables and the running text
        read_as: dict[int, list[str]] = {}
        for unit in tables:
            name = read_scheme_table(ctx, unit)
            if name is not None:
                read_as[id(unit)] = [name]
        layouts = {id(unit) for unit in tables if id(unit) not in read_as}
        part_goal: str | None = None
        aim_kind = "Part" if any(u.kind == "Part" for u in self.plan.root.children) else "Chapter"
        # no scheme nor counted definition (an industry named in a list is a weaker sign): cluster boxes
        self.boxes_make_clusters = not self.defined_clusters()
        domain: tuple[int, str] | None = None  # (box, cluster) of the domain a box line named
        for unit in self.plan.root.walk():
            if unit.kind == aim_kind:
                part_goal = self.part_goal(unit)
            elif unit.kind == "Table" and id(unit) in layouts:
                read_as[id(unit)] = read_layout_table(ctx, unit, part_goal)
            elif unit.kind == "Paragraph" and unit.text is not None:
                container = unit.parent
                topic = self.topic_cluster(unit)  # the cluster the paragraph is about, if any
                if container.kind == "Box" and not unit.item:
                    named = self.domain_cluster(unit)
                    if named is not None:
                        domain = (id(container), named)
                        continue
                    if topic is None and domain is not None and domain[0] == id(container):
                        topic = cluster_at_start(unit.text.text, self.entities.clusters) or domain[1]
                # a box line of a domain list: its build lists name platforms
                in_domain = domain is not None and domain[0] == id(container)
                # a line of a box of platforms led by its cluster (专栏 重点平台: ``集成电路：A、B、C``)
                platform_line = (
                    topic is not None
                    and container.kind == "Box"
                    and bool(PLATFORM_BOX.search(container.title))
                )
                about = Span(topic, in_domain or platform_line)
                if self._in_goal_unit(unit):
                    self.goal(unit, about, self.lead_years.get(id(container)))
                elif container.kind == "Box" and unit.item:
                    self.measure(unit, container, 0, len(unit.text.text), part_goal, about, item=True)
                elif container.kind in ("Section", "Chapter", "Box") and not self.in_review(unit):
                    lead = LEAD_YEAR.search(unit.text.text)
                    if lead:  # the deadline the goal lines after this paragraph continue
                        self.lead_years[id(container)] = int(lead.group(1))
                    for start, end in split_sentences(unit.text):
                        sentence = unit.text.text[start:end]
                        if is_commitment(sentence, self.period) or (
                            not is_retrospective(sentence, self.period)
                            and extract_targets(sentence, self.end_year)
                        ):
                            self.measure(unit, container, start, end, part_goal, about)
        named_supports(ctx)
        report_tables(ctx, tables, read_as)
        report_gaps(ctx)
        yield from ctx.records

    def topic_cluster(self, unit: Unit) -> str | None:
        """The cluster a paragraph or box item is about: its lead phrase (``集成电路。…``,
        ``1. 生物医药：…``) names a cluster of the plan's scheme. Inside a box about clusters
        (专栏 … 产业集群) of a plan without a scheme table, the lead phrase makes the cluster."""
        lead = _lead_phrase(unit.text.text)
        if not lead:
            return None
        cid = self.entities.cluster_named(lead)
        box = unit.parent
        if (
            cid is None
            and self.boxes_make_clusters
            and unit.item
            and box.kind == "Box"
            and CLUSTER_BOX.search(box.title)
        ):
            text = unit.text
            start = text.text.find(lead)
            src = self.ctx.source(unit, text, start, start + len(lead))
            cid = self.entities.cluster(CLUSTER_SUFFIX.sub("", lead) or lead, src, {"scheme": box.title})
        return cid

    def goals_year(self, unit: Unit) -> int | None:
        """The plan's end year for a target without a year of its own in the plan's goals chapter
        or section (主要目标, 发展目标: what the plan period is to achieve); else None."""
        scope = _heading_scope(unit)
        if scope is None or not GOAL_CHAPTER.search(scope.title or ""):
            return None
        return self.end_year

    def in_review(self, unit: Unit) -> bool:
        """Is ``unit`` in a review of the previous period (第一章 发展基础: its section, or its
        chapter when it has no sections, opens with another period: “十四五”时期… in a 十五五
        plan)? What such a unit reports was achieved, not committed: no measure, no target."""
        scope = _heading_scope(unit)
        if scope is None or self.period is None:
            return False
        key = id(scope)
        if key not in self.reviews:
            first = next((c for c in scope.children if c.kind == "Paragraph" and c.text is not None), None)
            opening = REVIEW_OPENING.match(first.text.text) if first is not None else None
            self.reviews[key] = bool(opening) and opening.group(1) != self.period
        return self.reviews[key]

    def defined_clusters(self) -> bool:
        """Clusters the plan defines in its running text and notes (counted enumerations); a name
        defined twice (a note and the glossary) keeps the first statement, with the tier and group
        that any of them gives. For a plan without any: the industries its lists name in groups
        (``enumerated_clusters``). Whether the plan has clusters by scheme or definition."""
        found: dict[str, tuple] = {}
        for unit in self.plan.root.walk():
            if unit.kind != "Paragraph" or unit.text is None:
                continue
            for d in find_definitions(unit.text.text):
                if self.entities.cluster_named(d.name) is not None:
                    continue
                first = found.get(d.name)
                if first is None:
                    found[d.name] = (unit, d, d.tier, d.group, d.scheme)
                else:
                    u, d0, tier, group, scheme = first
                    found[d.name] = (u, d0, tier or d.tier, group or d.group, scheme or d.scheme)
        defined = bool(found or self.entities.clusters)
        if not defined:
            found = self.enumerated_clusters()
        for name, (unit, d, tier, group, scheme) in found.items():
            src = self.ctx.source(unit, unit.text, d.start, d.end)
            self.entities.cluster(name, src, {"tier": tier, "group": group, "scheme": scheme})
        return defined

    def enumerated_clusters(self) -> dict[str, tuple]:
        """For a plan that defines no cluster by scheme or count: the industries it lists in named
        groups (``重点发展A、B等战略性新兴产业``), outside reviews of the past and rural chapters
        (whose 特色产业 are farm products)."""
        found: dict[str, tuple] = {}
        for unit in self.plan.root.walk():
            if unit.kind != "Paragraph" or unit.text is None or self.in_review(unit):
                continue
            if any(RURAL.search(u.title or "") for u in _headings_above(unit)):
                continue
            for d in find_enumerations(unit.text.text):
                if d.name not in found and self.entities.cluster_named(d.name) is None:
                    found[d.name] = (unit, d, d.tier, None, None)
        return found

    def domain_cluster(self, unit: Unit) -> str | None:
        """The cluster a domain line of a box names (``汽车`` in 专栏 …重点领域、重点平台): one of the
        plan's clusters by name or containment, else a new cluster of the box's group."""
        box = unit.parent
        name = domain_heading(unit.text.text, box.title)
        if name is None:
            return None
        clusters = self.entities.clusters
        cid = self.entities.cluster_named(name) or cluster_containing(name, clusters)
        if cid is None:
            src = self.ctx.source(unit, unit.text, 0, len(unit.text.text))
            props = {"tier": domain_group(box.title), "scheme": box.title}
            cid = self.entities.cluster(name, src, props)
        return cid

    def _in_goal_unit(self, unit: Unit) -> bool:
        container = unit.parent
        return (
            container.kind in ("Chapter", "Section")
            and bool(GOAL_CHAPTER.search(container.title))
            and bool(GOAL_LINE.match(unit.text.text))
        )

    # -- goals and measures ----------------------------------------------------------------------

    def part_goal(self, part: Unit) -> str | None:
        """The aim stated in a part's title (after its last comma: 坚持X，<aim>); None without a title.
        A plan without parts states its aims in its chapter titles."""
        aim = re.split(r"[，,]", part.title)[-1].strip() or part.title.strip()
        prefix = "" if part.kind == "Part" else "chapter-"
        gid = f"{self.plan.plan_id}/goal/{prefix}{unit_id(self.plan, part).rsplit('/', 1)[-1]}"
        text = part.text
        start = text.text.rfind(aim) if aim and text is not None else -1
        if start < 0:
            return None
        self.ctx.emit(
            Node(
                gid,
                "Goal",
                aim,
                self.ctx.source(part, text, start, start + len(aim)),
                {"level": part.kind.lower()},
            )
        )
        self.ctx.emit(Edge(gid, unit_id(self.plan, part), "PART_OF"))
        return gid

    def goal(self, unit: Unit, about: Span, lead_year: int | None = None) -> None:
        """A main goal: a ``——`` line in the goals chapter; its name is the first clause. Its targets
        without a year of their own take the deadline of the paragraph the goal lines continue."""
        text = unit.text
        body = GOAL_LINE.sub("", text.text)
        name = re.split(r"[，。；]", body)[0].strip()
        gid = f"{self.plan.plan_id}/goal/{unit.line_start}"
        src = self.ctx.source(unit, text, 0, len(text.text))
        self.ctx.emit(Node(gid, "Goal", name, src, {"level": "main", "text": body}))
        self.ctx.emit(Edge(gid, unit_id(self.plan, unit.parent), "PART_OF"))
        self.commitments(gid, unit, 0, len(text.text), about, lead_year)

    def measure(
        self, unit: Unit, container: Unit, start: int, end: int, goal: str | None, about: Span, item=False
    ) -> None:
        text = unit.text
        sentence = text.text[start:end].strip()
        mid = f"{self.plan.plan_id}/measure/{unit.line_start}" + ("" if item else f".{start}")
        props = {"text": sentence}
        if item:
            props["item"] = unit.item
        src = self.ctx.source(unit, text, start, end)
        self.ctx.emit(Node(mid, "Measure", short_name(_measure_name(sentence)), src, props))
        self.ctx.emit(Edge(mid, unit_id(self.plan, container), "PART_OF"))
        if goal:
            self.ctx.emit(Edge(mid, goal, "SUPPORTS", None, {"basis": "structure"}))
        named = named_clusters(sentence, self.entities.clusters)
        if named:
            self.lead_supports(unit, start, end, sentence, named)
        if about.topic is None and named:  # a sentence that builds one cluster is about it
            topic = built_cluster(sentence, named, self.entities.clusters)
            about = Span(topic, about.platform_list) if topic is not None else about
        self.commitments(mid, unit, start, end, about, self.goals_year(unit))

    def lead_supports(self, unit: Unit, start: int, end: int, sentence: str, named: list[str]) -> None:
        """A sentence (or box line) led by a platform, by a district of the plan's city, or by a city
        in a province's or the nation's plan, whose next words develop industries
        (``鄞州区重点发展集成电路、智能装备产业``, ``宁波高新区：重点发展…``): the lead SUPPORTS each
        cluster it names (``named``: ``named_clusters``), as a row of a district or platform table
        does."""
        body = ITEM.sub("", sentence, count=1).lstrip()
        develops = DEVELOPS.search(body)
        if develops is None or develops.start() < 2:
            return
        src = self.ctx.source(unit, unit.text, start, end)  # the sentence says so
        lead = self._lead_entity(body[: develops.start()].rstrip(), src)
        for name in named if lead is not None else ():
            self.ctx.emit(Edge(lead, self.entities.clusters[name], "SUPPORTS", src, {"basis": "text"}))

    def _lead_entity(self, lead: str, src: Source) -> str | None:
        """The id of the platform or place that ``lead`` (a sentence's words before what it develops)
        names as a whole, else None."""
        city = self.entities.city
        if city is not None:
            found = alias_at_start(lead, city)
            if found is not None and found[1] == lead:
                return self.entities.district(found[0])
        else:
            place, rest = city_prefix(lead)
            if place is not None and not rest:
                return self.entities.district(place)
        platforms = find_platforms(lead, self.ctx.places)
        whole = next((m for m in platforms if m.start == 0 and m.end == len(lead)), None)
        return self.entities.platform(whole.name, src) if whole is not None else None

    def commitments(
        self, owner: str, unit: Unit, start: int, end: int, about: Span, default_year: int | None
    ) -> None:
        """The targets and mentions of clean-text span [start, end) of ``unit``, from ``owner``."""
        text = unit.text

        def locate(a: int, b: int) -> Source:
            return self.ctx.source(unit, text, start + a, start + b)

        span = text.text[start:end]
        targets_in(
            self.ctx,
            (owner,),
            span,
            locate,
            lambda src, m: f"{src.line_start}.{start + m.start}",
            default_year,
        )
        mentions_in(self.ctx, owner, span, locate, about.topic, about.platform_list)


def named_supports(ctx: Context) -> None:
    """A platform whose name names one of the plan's clusters serves it (江北新材料科技园 ->
    新材料): the longest cluster name inside the platform's name, unless an edge says so already."""
    have = {(e.start, e.end) for e in ctx.records if isinstance(e, Edge) and e.type == "SUPPORTS"}
    names = sorted(ctx.entities.clusters, key=len, reverse=True)
    seen: set[str] = set()
    for r in list(ctx.records):
        if not isinstance(r, Node) or r.type != "Platform" or r.id in seen:
            continue
        seen.add(r.id)
        name = next((n for n in names if n in r.name), None)
        cid = ctx.entities.clusters.get(name) if name is not None else None
        if cid is not None and (r.id, cid) not in have:
            ctx.emit(Edge(r.id, cid, "SUPPORTS", r.source, {"basis": "name"}))


def report_tables(ctx: Context, tables: list[Unit], read_as: dict[int, list[str]]) -> None:
    """Each table's node says what read it and in which layout its cells came; an indicator
    table that gave no indicator, or a plan that announces its main indicators (主要指标) but
    has no indicator table, is a problem."""
    prefix = f"{ctx.plan.plan_id}/indicator/"
    with_indicators = {
        r.end
        for r in ctx.records
        if isinstance(r, Edge) and r.type == "PART_OF" and r.start.startswith(prefix)
    }
    for unit in tables:
        names = read_as.get(id(unit), [])
        tid = unit_id(ctx.plan, unit)
        props = {"readAs": names, "layout": unit.table.kind}
        ctx.emit(Node(tid, "Table", unit.title or unit.table.caption or "表格", None, props))
        got = tid in with_indicators
        if looks_like_indicators(unit.table) and not got:
            ctx.problem(
                "indicator-table-not-read",
                f"a table with indicator headers ({' | '.join(unit.table.header)[:60]}) gave no indicator",
                unit.line_start,
                level="error",
            )
    announced = None if with_indicators else _announces_indicators(ctx.plan)
    if announced is not None:
        ctx.problem(
            "indicator-table-missing",
            "the plan names its main indicators (主要指标) but no indicator table was read",
            announced,
            level="error",
        )


def report_gaps(ctx: Context) -> None:
    """Problems a user should see: what was found but not fully understood."""
    located = {r.start for r in ctx.records if isinstance(r, Edge) and r.type == "LOCATED_IN"}
    for r in ctx.records:
        if isinstance(r, Node) and r.type == "Platform" and r.id not in located:
            ctx.problem(
                "platform-without-district",
                f"no district known for platform {r.name}",
                r.source.line_start,
            )
        if isinstance(r, Node) and r.type == "Indicator" and not r.props.get("unit"):
            ctx.problem(
                "indicator-without-unit",
                f"indicator {r.props.get('number')} {r.name} has no unit",
                r.source.line_start,
            )


CLUSTER_BOX = re.compile(r"集群|产业体系|产业链")
CLUSTER_SUFFIX = re.compile(r"(产业集群|集群)$")
_ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.、]|[（(][^）)]{1,3}[）)]|[一二三四五六七八九十]+、)\s*")
LEAD_MAX = 20  # characters: a longer first phrase is a sentence, not a topic


def _lead_phrase(text: str) -> str | None:
    """``1.集成电路。支持…`` -> 集成电路; None when the text does not open with a short phrase."""
    parts = re.split(r"([。：:])", _ITEM_MARK.sub("", text), maxsplit=1)
    if len(parts) < 3:
        return None
    lead = parts[0].strip()
    return lead if 2 <= len(lead) <= LEAD_MAX and not re.search(r"[，,；;、]", lead) else None


def _measure_name(sentence: str) -> str:
    """A box item's title (``1. 人工智能+科学研究。…`` -> 人工智能+科学研究) or the sentence itself."""
    head = re.sub(r"^\s*(?:\d{1,2}\s*[.、]|[（(][^）)]{1,3}[）)]|[一二三四五六七八九十]+、)\s*", "", sentence)
    first = re.split(r"[。：:]", head, maxsplit=1)[0]
    return first if 2 <= len(first) <= 30 else head


def _headings_above(unit: Unit) -> Iterator[Unit]:
    """The sections, chapters and parts that contain ``unit``, nearest first."""
    scope = unit.parent
    while scope is not None:
        if scope.kind in ("Section", "Chapter", "Part"):
            yield scope
        scope = scope.parent


def _heading_scope(unit: Unit) -> Unit | None:
    """The nearest section or chapter above ``unit``."""
    scope = unit.parent
    while scope is not None and scope.kind not in ("Section", "Chapter"):
        scope = scope.parent
    return scope


MAIN_INDICATORS = re.compile(r"主要指标")


def _announces_indicators(plan: ParsedPlan) -> int | None:
    """The line of a heading, box or table caption naming the plan's main indicators, if any."""
    for unit in plan.root.walk():
        if unit.kind in ("Box", "Chapter", "Section", "Table") and MAIN_INDICATORS.search(unit.title or ""):
            return unit.line_start
        if unit.kind == "Paragraph" and len(unit.title) <= 30 and MAIN_INDICATORS.search(unit.title):
            return unit.line_start
    return None


def extraction_records(plan: ParsedPlan, problems: list[dict]) -> Iterator[Node | Edge]:
    yield from Extractor(Context(plan, problems)).records()
