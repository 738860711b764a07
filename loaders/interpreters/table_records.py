"""Records from the plan's tables: main indicators, the industry-cluster scheme, and tables that
list platforms per district (e.g. a 特色平台 column against 区、县（市）)."""

from __future__ import annotations

import re

from kg.loaders.document.model import Row
from kg.loaders.document.tree import Unit
from kg.loaders.interpreters.commitments import mentions_in, targets_in
from kg.loaders.interpreters.context import Context
from kg.loaders.interpreters.entities import find_platforms
from kg.loaders.interpreters.entity_lists import split_entity_list
from kg.loaders.interpreters.entity_records import cluster_keys
from kg.loaders.interpreters.indicators import parse_indicators
from kg.loaders.interpreters.plan import short_name, unit_id
from kg.loaders.reference.gazetteer import resolve_district
from kg.records import Edge, Node, Source

GOAL_FIELD = re.compile(r"(发展)?目标")
PLATFORM_FIELD = re.compile(r"平台")
INSTITUTION_FIELD = re.compile(r"科研|研发|支撑|机构")
DISTRICT_FIELD = re.compile(r"区域|布局")
SCHEME_WORDS = re.compile(r"集群|产业体系|产业链")
PROJECT_FIELD = re.compile(r"项目")


def layout_records(ctx: Context, unit: Unit, goal: str | None) -> None:
    """Every row of a table no scheme claimed is a Measure of the plan, with the targets and
    entities it names; the items of a 项目 column are Projects, of a 平台 column Platforms."""
    table = unit.table
    columns = {j: "project" for j, h in enumerate(table.header) if PROJECT_FIELD.search(h)}
    columns |= {j: "platform" for j, h in enumerate(table.header) if j and PLATFORM_FIELD.search(h)}
    for row in table.rows:
        if any(c.text for c in row.cells):
            row_measure(ctx, unit, row, goal, columns)
    if not table.rows:
        ctx.problem(
            "table-not-interpreted",
            f"table '{table.caption or ' | '.join(table.header)[:40]}' has no rows",
            unit.line_start,
            level="error",
        )


def row_measure(ctx: Context, table: Unit, row: Row, goal: str | None, columns: dict[int, str]) -> None:
    """A table row as a Measure (``禄口新城：建设…``, the row's lines as its quote); the targets and
    entities are read cell by cell, so that no name runs across two cells. ``columns`` maps the
    index of a column that lists names to what they are (``project`` or ``platform``). A row led by
    a cluster's name is about that cluster."""
    own = [(c, n) for c in row.cells if c.text and not c.filled for n in (c.lines or (c.line,))]
    if not own:
        return
    first, last = min(n for _, n in own), max(n for _, n in own)
    cells = [c for c in row.cells if c.text]
    sentence = cells[0].text + ("：" + "；".join(c.text for c in cells[1:]) if len(cells) > 1 else "")
    mid = ctx.record_id("measure", f"{first}.row")
    ctx.emit(
        Node(mid, "Measure", short_name(sentence), ctx.lines_source(table, first, last), {"text": sentence})
    )
    ctx.emit(Edge(mid, unit_id(ctx.plan, table.parent), "PART_OF"))
    if goal:
        ctx.emit(Edge(mid, goal, "SUPPORTS", None, {"basis": "structure"}))
    topic = ctx.entities.cluster_named(cells[0].text)
    for j, cell in enumerate(row.cells):
        if not cell.text or cell.filled:
            continue

        def locate(a: int, b: int, cell=cell) -> Source:
            return ctx.find_source(table, cell.line, cell.text[a:b])

        targets_in(ctx, (mid,), cell.text, locate, lambda src, m, j=j: f"{src.line_start}.r{j}.{m.start}")
        listed = {"project": ctx.entities.project, "platform": ctx.entities.platform}.get(columns.get(j))
        if listed is None:
            mentions_in(ctx, mid, cell.text, locate, topic)
            continue
        for item in split_entity_list(cell.text):  # a column that lists names: each item is one
            src = ctx.find_source(table, cell.line, item.name)
            ctx.emit(Edge(mid, listed(item.name, src), "MENTIONS", src))
    row_platform_supports(ctx, table, row)


def row_platform_supports(ctx: Context, table: Unit, row: Row) -> None:
    """A row about a platform (``桥林新城 | …重点发展集成电路主导产业…``): the platform SUPPORTS every
    cluster of the plan the row's other cells name (by name or the name in its brackets)."""
    key = row.cells[0] if row.cells else None
    if key is None or not key.text or key.filled or not ctx.entities.clusters:
        return
    found = find_platforms(key.text, ctx.places)
    if len(found) != 1 or found[0].end - found[0].start != len(key.text):
        return
    head = re.split(r"[（(]", key.text, maxsplit=1)[0]
    place = resolve_district(head, ctx.entities.city)
    if place is not None and head in place.names:
        return  # a district's row (江北新区（浦口区）): the district table interpreter's
    keys = {k: cid for full, cid in ctx.entities.clusters.items() for k in cluster_keys(full) if len(k) >= 2}
    pid = None
    for cell in row.cells[1:]:
        if not cell.text or cell.filled:
            continue
        for name in sorted(keys, key=len, reverse=True):
            if name in cell.text:
                src = ctx.find_source(table, cell.line, name)
                if pid is None:
                    pid = ctx.entities.platform(found[0].name, ctx.find_source(table, key.line, key.text))
                ctx.emit(Edge(pid, keys[name], "SUPPORTS", src, {"basis": "table"}))


def cell_targets(ctx: Context, unit: Unit, text: str, line: int, owners: list[str]) -> None:
    """Targets in a table cell's text; provenance found on the cell's line."""

    def locate(a: int, b: int) -> Source:
        return ctx.find_source(unit, line, text[a:b])

    targets_in(ctx, owners, text, locate, lambda src, m: f"{src.line_start}.c{m.start}")


def category_goal(ctx: Context, table_unit: Unit, category: str, source: Source) -> str:
    """A goal per category of the main-indicator table (经济发展, 创新驱动 ...)."""
    gid = ctx.record_id("goal", f"category/{category}")
    if gid not in ctx.entities.seen:
        ctx.entities.seen.add(gid)
        ctx.emit(Node(gid, "Goal", category, source, {"level": "category"}))
        ctx.emit(Edge(gid, unit_id(ctx.plan, table_unit.parent), "PART_OF"))
    return gid


def indicator_records(ctx: Context, unit: Unit, kind: str) -> None:
    table_id = unit_id(ctx.plan, unit)
    seen: dict[str, int] = {}
    for row in parse_indicators(unit.table):
        n = seen[row.number] = seen.get(row.number, 0) + 1
        iid = f"{ctx.plan.plan_id}/indicator/{'prev-' if kind == 'previous_plan' else ''}{row.number}"
        if n > 1 or row.series:
            iid += f".{n}"
        lines = row.lines or (unit.line_start,)
        src = ctx.lines_source(unit, min(lines), max(lines))
        props = {
            "number": row.number,
            "category": row.category,
            "unit": row.unit,
            "baseline": row.baseline,
            "baselineYear": row.baseline_year,
            "baselineNumber": row.baseline_number,
            "target": row.target,
            "targetYear": row.target_year,
            "targetNumber": row.target_number,
            "annual": row.annual,
            "annualNumber": row.annual_number,
            "cumulative": row.cumulative,
            "cumulativeNumber": row.cumulative_number,
            "attribute": row.attribute,
            "binding": row.binding,
            "parent": row.parent,
            "actual": row.actual,
            "kind": kind,
        }
        ctx.emit(Node(iid, "Indicator", row.name, src, {k: v for k, v in props.items() if v is not None}))
        ctx.emit(Edge(iid, table_id, "PART_OF"))
        if kind == "main" and row.category:
            goal = category_goal(ctx, unit, row.category, src)
            ctx.emit(Edge(goal, iid, "MEASURED_BY", src))
    if not seen:
        ctx.problem(
            "indicator-table-empty", "an indicator table gave no rows", unit.line_start, level="error"
        )


def cluster_records(ctx: Context, unit: Unit, rows) -> None:
    box = unit.parent
    scheme = (box.title if box.kind == "Box" else "") or unit.table.caption or ""
    chains: dict[str, list[str]] = {}
    for row in rows:
        if row.field not in ("产业集群",) and row.field.endswith("链"):
            chains.setdefault(row.cluster, []).append(row.text)
    ids: dict[str, str] = {}
    for row in rows:
        if row.cluster not in ids:
            src = ctx.find_source(unit, row.line, row.cluster)
            props = {"tier": row.tier, "scheme": scheme, "chains": chains.get(row.cluster)}
            ids[row.cluster] = ctx.entities.cluster(row.cluster, src, props)
        cid = ids[row.cluster]
        field = row.field or ""
        if GOAL_FIELD.search(field):
            src = ctx.find_source(unit, row.line, row.text)
            gid = f"{ctx.plan.plan_id}/goal/cluster/{row.cluster}"
            ctx.emit(Node(gid, "Goal", f"{row.cluster}{field}", src, {"level": "cluster", "text": row.text}))
            ctx.emit(Edge(gid, unit_id(ctx.plan, unit.parent), "PART_OF"))
            ctx.emit(Edge(gid, cid, "SUPPORTS", src, {"basis": "table"}))
            cell_targets(ctx, unit, row.text, row.line, [gid, cid])
        elif PLATFORM_FIELD.search(field) or DISTRICT_FIELD.search(field):
            # a district names itself by its official name (萧山区) or, in a 区域 field, by an alias;
            # anything else listed is a platform (杭州高新区（滨江） is a zone in 滨江区)
            # an entity's source is its name in the cell; its edge's is the cell, the statement
            areas_only = not PLATFORM_FIELD.search(field)
            stated = ctx.find_source(unit, row.line, row.text)
            for item in split_entity_list(row.text):
                src = ctx.find_source(unit, row.line, item.name)
                d = resolve_district(item.name, ctx.entities.city)
                if d is not None and (item.name == d.name or (areas_only and item.name in d.names)):
                    ctx.emit(Edge(ctx.entities.district(d), cid, "SUPPORTS", stated, {"basis": "table"}))
                else:
                    pid = ctx.entities.platform(item.name, src)
                    ctx.emit(Edge(pid, cid, "SUPPORTS", stated, {"basis": "table"}))
        elif INSTITUTION_FIELD.search(field):
            stated = ctx.find_source(unit, row.line, row.text)
            for item in split_entity_list(row.text):
                iid = ctx.entities.institution(item.name, ctx.find_source(unit, row.line, item.name))
                ctx.emit(Edge(iid, cid, "SUPPORTS", stated, {"basis": "table"}))


def district_platform_records(ctx: Context, unit: Unit) -> bool:
    """A table with a district column and a platform column: platforms LOCATED_IN the row's district."""
    table = unit.table
    pcol = next((i for i, h in enumerate(table.header) if PLATFORM_FIELD.search(h)), None)
    if pcol is None or pcol == 0:
        return False
    found = False
    for row in table.rows:
        cells = row.cells
        if len(cells) <= pcol:
            continue
        d = _row_district(ctx, cells[0].text)
        if d is None:
            continue
        for item in split_entity_list(cells[pcol].text):
            src = ctx.find_source(unit, cells[pcol].line, item.name)
            pid = ctx.entities.platform(item.name, src)
            ctx.entities.locate(pid, d, src, "table")
            found = True
    return found


def _row_district(ctx: Context, cell: str):
    """The district a row is about: the cell names it, possibly with a qualifier (江北新区（浦口区）)."""
    d = resolve_district(cell, ctx.entities.city)
    if d is None:
        return None
    head = re.split(r"[（(]", cell, maxsplit=1)[0]
    return d if cell in d.names or head in d.names else None


def _top_level_items(cell: str) -> list[str]:
    """``人工智能（类脑智能、具身智能方向）、未来能源`` -> two items: 、 inside brackets does not split."""
    items, depth, current = [], 0, []
    for ch in cell:
        depth += ch in "（("
        depth -= ch in "）)" and depth > 0
        if ch in "、，," and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip(" 。等") for i in items if i.strip(" 。等")]


def district_industry_records(ctx: Context, unit: Unit) -> bool:
    """A table of districts against industries: District SUPPORTS each cluster of the plan's
    scheme that the row names (by the cluster's name or the name in its brackets)."""
    keys: dict[str, str] = {}
    for name, cid in ctx.entities.clusters.items():
        for key in cluster_keys(name):
            keys.setdefault(key, cid)
    if not keys:
        return False
    found = False
    for row in unit.table.rows:
        if not row.cells:
            continue
        d = _row_district(ctx, row.cells[0].text)
        if d is None:
            continue
        for cell in row.cells[1:]:
            for item in _top_level_items(cell.text):
                cid = keys.get(re.split(r"[（(]", item, maxsplit=1)[0])
                if cid is not None:
                    src = ctx.find_source(unit, cell.line, item)
                    ctx.emit(Edge(ctx.entities.district(d), cid, "SUPPORTS", src, {"basis": "table"}))
                    found = True
    return found
