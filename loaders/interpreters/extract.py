"""Commitments from the structure: goals, measures, targets, tables, and the entities they name,
as records with provenance.

Measures are every numbered box item and every committing sentence of the running text; each
SUPPORTS the aim of its part (a Goal from the part's title), MENTIONS the platforms, institutions,
districts, clusters and projects it names, and is MEASURED_BY the targets it states.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.loaders.document.text import MappedText, clean
from kg.loaders.document.tree import ParsedPlan, Unit
from kg.loaders.interpreters.cluster_definitions import find_definitions
from kg.loaders.interpreters.cluster_topics import (
    cluster_at_start,
    cluster_containing,
    domain_group,
    domain_heading,
)
from kg.loaders.interpreters.entities import (
    find_cities,
    find_districts,
    find_institutions,
    find_platforms,
    listed_platform,
    place_names,
)
from kg.loaders.interpreters.entity_lists import listed_names, split_entity_list
from kg.loaders.interpreters.entity_records import EntityRegistry, cluster_keys
from kg.loaders.interpreters.plan import short_name, unit_id
from kg.loaders.interpreters.projects import find_projects
from kg.loaders.interpreters.sentences import (
    is_commitment,
    is_retrospective,
    period_end_year,
    plan_period,
    split_sentences,
)
from kg.loaders.interpreters.table_interpreters import (
    looks_like_indicators,
    read_layout_table,
    read_scheme_table,
)
from kg.loaders.interpreters.targets import extract_targets
from kg.loaders.reference.gazetteer import district_by_id, resolve_district
from kg.records import Edge, Node, Source

GOAL_CHAPTER = re.compile(r"(主要|发展|总体)目标")
GOAL_LINE = re.compile(r"^[—─\-]{1,2}")
# a section reviewing a period opens with it: “十四五”时期是…, “十四五”以来…
REVIEW_OPENING = re.compile(r"^[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:时期|期间|以来)")
LEAD_YEAR = re.compile(r"到\s*((?:19|20)\d\d)\s*年")


class Extractor:
    """Walks a parsed plan once and collects the commitment records."""

    def __init__(self, plan: ParsedPlan, problems: list[dict]):
        self.plan = plan
        self.problems = problems
        self.out: list[Node | Edge] = []
        self.entities = EntityRegistry(plan.plan_id, plan.title, self.out)
        city = self.entities.city
        self.places = place_names(city.province if city is not None else None)
        self.lead_years: dict[int, int] = {}
        self.period = plan_period(plan.title)  # 十五五: other periods named in a sentence are the past
        self.end_year = period_end_year(self.period)  # 到“十五五”末, 到规划期末
        self.reviews: dict[int, bool] = {}  # sections/chapters reviewing the previous period
        self.topic: str | None = None  # the cluster the current paragraph is about, if any
        self.boxes_make_clusters = False
        self.in_domain_list = False  # a box line of a domain list: its build lists name platforms

    # -- provenance ------------------------------------------------------------------------------

    def source(self, unit: Unit, text: MappedText, start: int, end: int) -> Source:
        """Provenance of clean-text span [start, end) of ``unit``: an exact quote of the input."""
        while start < end and text.text[start].isspace():
            start += 1
        a, b = text.span(start, end)
        return Source(
            self.plan.plan_id, unit.path, self.plan.line_of(a), self.plan.line_of(b - 1), self.plan.raw[a:b]
        )

    def lines_source(self, unit: Unit, first: int, last: int) -> Source:
        quote = self.plan.lines_text(first, last).strip()
        return Source(self.plan.plan_id, unit.path, first, last, quote)

    def find_source(self, unit: Unit, line: int, needle: str) -> Source:
        """The exact input span of ``needle`` on ``line`` (or the lines after it), else the line."""
        needle_clean = clean(needle).text
        for n in range(line, min(line + 3, len(self.plan.lines)) + 1):
            text = clean(self.plan.lines[n - 1], self.plan.offset(n))
            i = text.text.find(needle_clean) if needle_clean else -1
            if i >= 0:
                return self.source(unit, text, i, i + len(needle_clean))
        return self.lines_source(unit, line, line)

    def problem(self, code: str, message: str, line: int | None = None) -> None:
        self.problems.append({"plan": self.plan.plan_id, "code": code, "message": message, "line": line})

    # -- walking ---------------------------------------------------------------------------------

    def records(self) -> Iterator[Node | Edge]:
        self.entities.plan_districts()
        tables = [u for u in self.plan.root.walk() if u.kind == "Table" and u.table is not None]
        # schemes first, so that cluster names are known to the other tables and the running text
        read_as: dict[int, list[str]] = {}
        for unit in tables:
            name = read_scheme_table(self, unit)
            if name is not None:
                read_as[id(unit)] = [name]
        layouts = {id(unit) for unit in tables if id(unit) not in read_as}
        part_goal: str | None = None
        aim_kind = "Part" if any(u.kind == "Part" for u in self.plan.root.children) else "Chapter"
        self.defined_clusters()
        self.boxes_make_clusters = not self.entities.clusters  # no scheme nor definition: cluster boxes
        domain: tuple[int, str] | None = None  # (box, cluster) of the domain a box line named
        for unit in self.plan.root.walk():
            if unit.kind == aim_kind:
                part_goal = self.part_goal(unit)
            elif unit.kind == "Table" and id(unit) in layouts:
                read_as[id(unit)] = read_layout_table(self, unit, part_goal)
            elif unit.kind == "Paragraph" and unit.text is not None:
                container = unit.parent
                self.topic = self.topic_cluster(unit)
                if container.kind == "Box" and not unit.item:
                    named = self.domain_cluster(unit)
                    if named is not None:
                        domain = (id(container), named)
                        continue
                    if self.topic is None and domain is not None and domain[0] == id(container):
                        self.topic = cluster_at_start(unit.text.text, self.entities.clusters) or domain[1]
                self.in_domain_list = domain is not None and domain[0] == id(container)
                if self._in_goal_unit(unit):
                    self.goal(unit, self.lead_years.get(id(container)))
                elif container.kind == "Box" and unit.item:
                    self.measure(unit, container, 0, len(unit.text.text), part_goal, item=True)
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
                            self.measure(unit, container, start, end, part_goal)
        self.named_supports()
        self.report_tables(tables, read_as)
        self.report_gaps()
        yield from self.out

    def report_tables(self, tables: list[Unit], read_as: dict[int, list[str]]) -> None:
        """Each table's node says what read it and in which layout its cells came; an indicator
        table that gave no indicator, or a plan that announces its main indicators (主要指标) but
        has no indicator table, is a problem."""
        prefix = f"{self.plan.plan_id}/indicator/"
        with_indicators = {
            r.end
            for r in self.out
            if isinstance(r, Edge) and r.type == "PART_OF" and r.start.startswith(prefix)
        }
        for unit in tables:
            names = read_as.get(id(unit), [])
            tid = unit_id(self.plan, unit)
            props = {"readAs": names, "layout": unit.table.kind}
            self.out.append(Node(tid, "Table", unit.title or unit.table.caption or "表格", None, props))
            got = tid in with_indicators
            if looks_like_indicators(unit.table) and not got:
                self.problem(
                    "indicator-table-not-read",
                    f"a table with indicator headers ({' | '.join(unit.table.header)[:60]}) "
                    "gave no indicator",
                    unit.line_start,
                )
        announced = None if with_indicators else _announces_indicators(self.plan)
        if announced is not None:
            self.problem(
                "indicator-table-missing",
                "the plan names its main indicators (主要指标) but no indicator table was read",
                announced,
            )

    def report_gaps(self) -> None:
        """Problems a user should see: what was found but not fully understood."""
        located = {r.start for r in self.out if isinstance(r, Edge) and r.type == "LOCATED_IN"}
        for r in self.out:
            if isinstance(r, Node) and r.type == "Platform" and r.id not in located:
                self.problem(
                    "platform-without-district",
                    f"no district known for platform {r.name}",
                    r.source.line_start,
                )
            if isinstance(r, Node) and r.type == "Indicator" and not r.props.get("unit"):
                self.problem(
                    "indicator-without-unit",
                    f"indicator {r.props.get('number')} {r.name} has no unit",
                    r.source.line_start,
                )

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
            src = self.source(unit, text, start, start + len(lead))
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

    def defined_clusters(self) -> None:
        """Clusters the plan defines in its running text and notes (counted enumerations); a name
        defined twice (a note and the glossary) keeps the first statement, with the tier and group
        that any of them gives."""
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
        for name, (unit, d, tier, group, scheme) in found.items():
            src = self.source(unit, unit.text, d.start, d.end)
            self.entities.cluster(name, src, {"tier": tier, "group": group, "scheme": scheme})

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
            src = self.source(unit, unit.text, 0, len(unit.text.text))
            props = {"tier": domain_group(box.title), "scheme": box.title}
            cid = self.entities.cluster(name, src, props)
        return cid

    def named_supports(self) -> None:
        """A platform whose name names one of the plan's clusters serves it (江北新材料科技园 ->
        新材料): the longest cluster name inside the platform's name, unless an edge says so already."""
        have = {(e.start, e.end) for e in self.out if isinstance(e, Edge) and e.type == "SUPPORTS"}
        names = sorted(self.entities.clusters, key=len, reverse=True)
        seen: set[str] = set()
        for r in list(self.out):
            if not isinstance(r, Node) or r.type != "Platform" or r.id in seen:
                continue
            seen.add(r.id)
            name = next((n for n in names if n in r.name), None)
            cid = self.entities.clusters.get(name) if name is not None else None
            if cid is not None and (r.id, cid) not in have:
                self.out.append(Edge(r.id, cid, "SUPPORTS", r.source, {"basis": "name"}))

    def _in_goal_unit(self, unit: Unit) -> bool:
        container = unit.parent
        return (
            container.kind in ("Chapter", "Section")
            and bool(GOAL_CHAPTER.search(container.title))
            and bool(GOAL_LINE.match(unit.text.text))
        )

    # -- goals -----------------------------------------------------------------------------------

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
        self.out.append(
            Node(
                gid,
                "Goal",
                aim,
                self.source(part, text, start, start + len(aim)),
                {"level": part.kind.lower()},
            )
        )
        self.out.append(Edge(gid, unit_id(self.plan, part), "PART_OF"))
        return gid

    def goal(self, unit: Unit, lead_year: int | None = None) -> None:
        """A main goal: a ``——`` line in the goals chapter; its name is the first clause. Its targets
        without a year of their own take the deadline of the paragraph the goal lines continue."""
        text = unit.text
        body = GOAL_LINE.sub("", text.text)
        name = re.split(r"[，。；]", body)[0].strip()
        gid = f"{self.plan.plan_id}/goal/{unit.line_start}"
        src = self.source(unit, text, 0, len(text.text))
        self.out.append(Node(gid, "Goal", name, src, {"level": "main", "text": body}))
        self.out.append(Edge(gid, unit_id(self.plan, unit.parent), "PART_OF"))
        self.targets(gid, unit, 0, len(text.text), default_year=lead_year)
        self.mentions(gid, unit, 0, len(text.text))

    def category_goal(self, table_unit: Unit, category: str, source: Source) -> str:
        """A goal per category of the main-indicator table (经济发展, 创新驱动 ...)."""
        gid = f"{self.plan.plan_id}/goal/category/{category}"
        if gid not in self.entities.seen:
            self.entities.seen.add(gid)
            self.out.append(Node(gid, "Goal", category, source, {"level": "category"}))
            self.out.append(Edge(gid, unit_id(self.plan, table_unit.parent), "PART_OF"))
        return gid

    # -- measures, targets, mentions -------------------------------------------------------------

    def measure(
        self, unit: Unit, container: Unit, start: int, end: int, goal: str | None, item=False
    ) -> None:
        text = unit.text
        sentence = text.text[start:end].strip()
        mid = f"{self.plan.plan_id}/measure/{unit.line_start}" + ("" if item else f".{start}")
        props = {"text": sentence}
        if item:
            props["item"] = unit.item
        self.out.append(
            Node(
                mid,
                "Measure",
                short_name(_measure_name(sentence)),
                self.source(unit, text, start, end),
                props,
            )
        )
        self.out.append(Edge(mid, unit_id(self.plan, container), "PART_OF"))
        if goal:
            self.out.append(Edge(mid, goal, "SUPPORTS", None, {"basis": "structure"}))
        self.targets(mid, unit, start, end, default_year=self.goals_year(unit))
        self.mentions(mid, unit, start, end)

    def row_measure(self, table: Unit, row, goal: str | None, columns: dict[int, str]) -> None:
        """A table row as a Measure (``禄口新城：建设…``, the row's lines as its quote); the targets and
        entities are read cell by cell, so that no name runs across two cells. ``columns`` maps the
        index of a column that lists names to what they are (``project`` or ``platform``)."""
        own = [(c, n) for c in row.cells if c.text and not c.filled for n in (c.lines or (c.line,))]
        if not own:
            return
        first, last = min(n for _, n in own), max(n for _, n in own)
        cells = [c for c in row.cells if c.text]
        sentence = cells[0].text + ("：" + "；".join(c.text for c in cells[1:]) if len(cells) > 1 else "")
        mid = f"{self.plan.plan_id}/measure/{first}.row"
        self.out.append(
            Node(
                mid,
                "Measure",
                short_name(sentence),
                self.lines_source(table, first, last),
                {"text": sentence},
            )
        )
        self.out.append(Edge(mid, unit_id(self.plan, table.parent), "PART_OF"))
        if goal:
            self.out.append(Edge(mid, goal, "SUPPORTS", None, {"basis": "structure"}))
        self.topic = self.entities.cluster_named(cells[0].text)
        for j, cell in enumerate(row.cells):
            if not cell.text or cell.filled:
                continue

            def locate(a, b, cell=cell):
                return self.find_source(table, cell.line, cell.text[a:b])

            for match in extract_targets(cell.text, self.end_year):
                src = locate(match.start, match.end)
                tid = f"{self.plan.plan_id}/target/{src.line_start}.r{j}.{match.start}"
                self._target(tid, match, cell.text[match.start : match.end], src, (mid,))
            listed = {"project": self.entities.project, "platform": self.entities.platform}.get(
                columns.get(j)
            )
            if listed is None:
                self.mentions_in(mid, cell.text, locate)
                continue
            for item in split_entity_list(cell.text):  # a column that lists names: each item is one
                src = self.find_source(table, cell.line, item.name)
                self.out.append(Edge(mid, listed(item.name, src), "MENTIONS", src))
        self.topic = None
        self.row_platform_supports(table, row)

    def row_platform_supports(self, table: Unit, row) -> None:
        """A row about a platform (``桥林新城 | …重点发展集成电路主导产业…``): the platform SUPPORTS every
        cluster of the plan the row's other cells name (by name or the name in its brackets)."""
        key = row.cells[0] if row.cells else None
        if key is None or not key.text or key.filled or not self.entities.clusters:
            return
        found = find_platforms(key.text, self.places)
        if len(found) != 1 or found[0].end - found[0].start != len(key.text):
            return
        head = re.split(r"[（(]", key.text, maxsplit=1)[0]
        place = resolve_district(head, self.entities.city)
        if place is not None and head in place.names:
            return  # a district's row (江北新区（浦口区）): the district table interpreter's
        keys = {
            k: cid for full, cid in self.entities.clusters.items() for k in cluster_keys(full) if len(k) >= 2
        }
        pid = None
        for cell in row.cells[1:]:
            if not cell.text or cell.filled:
                continue
            for name in sorted(keys, key=len, reverse=True):
                if name in cell.text:
                    src = self.find_source(table, cell.line, name)
                    if pid is None:
                        pid = self.entities.platform(
                            found[0].name, self.find_source(table, key.line, key.text)
                        )
                    self.out.append(Edge(pid, keys[name], "SUPPORTS", src, {"basis": "table"}))

    def targets(self, owner: str, unit: Unit, start: int, end: int, default_year: int | None = None) -> None:
        """Targets stated in clean-text span [start, end) of ``unit``, MEASURED_BY from ``owner``."""
        text = unit.text
        for match in extract_targets(text.text[start:end], self.end_year):
            a, b = start + match.start, start + match.end
            src = self.source(unit, text, a, b)
            tid = f"{self.plan.plan_id}/target/{src.line_start}.{a}"
            self._target(tid, match, text.text[a:b], src, (owner,), default_year)

    def targets_in_text(self, unit: Unit, cell_text: str, line: int, owners: list[str]) -> None:
        """Targets in a table cell's text; provenance found on the cell's line."""
        for match in extract_targets(cell_text, self.end_year):
            phrase = cell_text[match.start : match.end]
            src = self.find_source(unit, line, phrase)
            self._target(
                f"{self.plan.plan_id}/target/{src.line_start}.c{match.start}",
                match,
                phrase,
                src,
                tuple(owners),
            )

    def _target(
        self, tid, match, phrase: str, src: Source, owners: tuple[str, ...], default_year=None
    ) -> None:
        phrase = phrase.strip()
        inferred = match.year is None and default_year is not None
        props = {
            "value": match.value,
            "number": match.number,
            "high": match.high,
            "unit": match.unit,
            "year": default_year if inferred else match.year,
            "yearInferred": True if inferred else None,
            "comparator": match.comparator,
            "aspiration": match.aspiration,
            "cumulative": match.cumulative,
            "subject": match.subject,
            "text": phrase,
        }
        if not match.unit:
            self.problem("target-without-unit", f"target without unit: {phrase}", src.line_start)
        self.out.append(
            Node(tid, "Target", short_name(phrase), src, {k: v for k, v in props.items() if v is not None})
        )
        for owner in owners:
            self.out.append(Edge(owner, tid, "MEASURED_BY", src))

    def mentions(self, owner: str, unit: Unit, start: int, end: int) -> None:
        """MENTIONS edges from ``owner`` to the entities named in clean-text span [start, end)."""
        text = unit.text
        self.mentions_in(
            owner, text.text[start:end], lambda a, b: self.source(unit, text, start + a, start + b)
        )

    def mentions_in(self, owner: str, span_text: str, locate) -> None:
        """MENTIONS edges from ``owner`` to the entities named in ``span_text``; ``locate(a, b)``
        gives the provenance of ``span_text[a:b]``."""
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        def add(a: int, b: int, make) -> None:
            if free(a, b):
                taken.append((a, b))
                src = locate(a, b)
                self.out.append(Edge(owner, make(src), "MENTIONS", src))

        topic = self.topic

        def serving(make, basis="text"):
            """An entity named in a paragraph about a cluster also SUPPORTS that cluster."""

            def made(src):
                eid = make(src)
                if topic is not None and eid != topic:
                    self.out.append(Edge(eid, topic, "SUPPORTS", src, {"basis": basis}))
                return eid

            return made

        in_list = self.in_domain_list and self.topic is not None
        for item in listed_names(span_text, named_head=not in_list):  # a list of platforms
            if in_list or listed_platform(item.name, self.places):
                platform = serving(lambda src, n=item.name: self.entities.platform(n, src), "list")
                add(item.start, item.end, platform)
        for m in find_platforms(span_text, self.places):
            add(m.start, m.end, serving(lambda src, m=m: self.entities.platform(m.name, src)))
        for m in find_institutions(span_text, self.places):
            add(m.start, m.end, serving(lambda src, m=m: self.entities.institution(m.name, src)))
        for m in find_projects(span_text):
            add(m.start, m.end, lambda src, m=m: self.entities.project(m.name, src))
        for m in [*find_districts(span_text, self.entities.city), *find_cities(span_text)]:
            d = district_by_id(m.id)
            if d is not None:
                add(m.start, m.end, lambda src, d=d: self.entities.district(d))
        for name in sorted(self.entities.clusters, key=len, reverse=True):
            i = span_text.find(name)
            if i >= 0:
                cid = self.entities.clusters[name]
                add(i, i + len(name), lambda src, cid=cid: cid)


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
    yield from Extractor(plan, problems).records()
