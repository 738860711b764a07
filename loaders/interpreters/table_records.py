"""Records from the plan's tables: main indicators, the industry-cluster scheme, and tables that
list platforms per district (e.g. a 特色平台 column against 区、县（市）)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.loaders.document.tree import Unit
from kg.loaders.interpreters.entity_lists import split_entity_list
from kg.loaders.interpreters.entity_records import cluster_keys
from kg.loaders.interpreters.indicators import parse_indicators
from kg.loaders.interpreters.plan import unit_id
from kg.loaders.reference.gazetteer import resolve_district
from kg.records import Edge, Node

if TYPE_CHECKING:
    from kg.loaders.interpreters.extract import Extractor

GOAL_FIELD = re.compile(r"(发展)?目标")
PLATFORM_FIELD = re.compile(r"平台")
INSTITUTION_FIELD = re.compile(r"科研|研发|支撑|机构")
DISTRICT_FIELD = re.compile(r"区域|布局")
SCHEME_WORDS = re.compile(r"集群|产业体系|产业链")
PROJECT_FIELD = re.compile(r"项目")


def layout_records(ex: Extractor, unit: Unit, goal: str | None) -> None:
    """Every row of a table no scheme claimed is a Measure of the plan, with the targets and
    entities it names; the items of a 项目 column are Projects, of a 平台 column Platforms."""
    table = unit.table
    columns = {j: "project" for j, h in enumerate(table.header) if PROJECT_FIELD.search(h)}
    columns |= {j: "platform" for j, h in enumerate(table.header) if j and PLATFORM_FIELD.search(h)}
    for row in table.rows:
        if any(c.text for c in row.cells):
            ex.row_measure(unit, row, goal, columns)
    if not table.rows:
        ex.problem(
            "table-not-interpreted",
            f"table '{table.caption or ' | '.join(table.header)[:40]}' has no rows",
            unit.line_start,
        )


def indicator_records(ex: Extractor, unit: Unit, kind: str) -> None:
    table_id = unit_id(ex.plan, unit)
    seen: dict[str, int] = {}
    for row in parse_indicators(unit.table):
        n = seen[row.number] = seen.get(row.number, 0) + 1
        iid = f"{ex.plan.plan_id}/indicator/{'prev-' if kind == 'previous_plan' else ''}{row.number}"
        if n > 1 or row.series:
            iid += f".{n}"
        lines = row.lines or (unit.line_start,)
        src = ex.lines_source(unit, min(lines), max(lines))
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
        ex.out.append(
            Node(iid, "Indicator", row.name, src, {k: v for k, v in props.items() if v is not None})
        )
        ex.out.append(Edge(iid, table_id, "PART_OF"))
        if kind == "main" and row.category:
            goal = ex.category_goal(unit, row.category, src)
            ex.out.append(Edge(goal, iid, "MEASURED_BY", src))
    if not seen:
        ex.problem("indicator-table-empty", "an indicator table gave no rows", unit.line_start)


def cluster_records(ex: Extractor, unit: Unit, rows) -> None:
    box = unit.parent
    scheme = (box.title if box.kind == "Box" else "") or unit.table.caption or ""
    chains: dict[str, list[str]] = {}
    for row in rows:
        if row.field not in ("产业集群",) and row.field.endswith("链"):
            chains.setdefault(row.cluster, []).append(row.text)
    ids: dict[str, str] = {}
    for row in rows:
        if row.cluster not in ids:
            src = ex.find_source(unit, row.line, row.cluster)
            props = {"tier": row.tier, "scheme": scheme, "chains": chains.get(row.cluster)}
            ids[row.cluster] = ex.entities.cluster(row.cluster, src, props)
        cid = ids[row.cluster]
        field = row.field or ""
        if GOAL_FIELD.search(field):
            src = ex.find_source(unit, row.line, row.text)
            gid = f"{ex.plan.plan_id}/goal/cluster/{row.cluster}"
            ex.out.append(
                Node(gid, "Goal", f"{row.cluster}{field}", src, {"level": "cluster", "text": row.text})
            )
            ex.out.append(Edge(gid, unit_id(ex.plan, unit.parent), "PART_OF"))
            ex.out.append(Edge(gid, cid, "SUPPORTS", src, {"basis": "table"}))
            ex.targets_in_text(unit, row.text, row.line, [gid, cid])
        elif PLATFORM_FIELD.search(field) or DISTRICT_FIELD.search(field):
            # a district names itself by its official name (萧山区) or, in a 区域 field, by an alias;
            # anything else listed is a platform (杭州高新区（滨江） is a zone in 滨江区)
            areas_only = not PLATFORM_FIELD.search(field)
            for item in split_entity_list(row.text):
                src = ex.find_source(unit, row.line, item.name)
                d = resolve_district(item.name, ex.entities.city)
                if d is not None and (item.name == d.name or (areas_only and item.name in d.names)):
                    ex.out.append(Edge(ex.entities.district(d), cid, "SUPPORTS", src, {"basis": "table"}))
                else:
                    pid = ex.entities.platform(item.name, src)
                    ex.out.append(Edge(pid, cid, "SUPPORTS", src, {"basis": "table"}))
        elif INSTITUTION_FIELD.search(field):
            for item in split_entity_list(row.text):
                src = ex.find_source(unit, row.line, item.name)
                iid = ex.entities.institution(item.name, src)
                ex.out.append(Edge(iid, cid, "SUPPORTS", src, {"basis": "table"}))


def district_platform_records(ex: Extractor, unit: Unit) -> bool:
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
        d = _row_district(ex, cells[0].text)
        if d is None:
            continue
        for item in split_entity_list(cells[pcol].text):
            src = ex.find_source(unit, cells[pcol].line, item.name)
            pid = ex.entities.platform(item.name, src)
            ex.entities.locate(pid, d, src, "table")
            found = True
    return found


def _row_district(ex: Extractor, cell: str):
    """The district a row is about: the cell names it, possibly with a qualifier (江北新区（浦口区）)."""
    d = resolve_district(cell, ex.entities.city)
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


def district_industry_records(ex: Extractor, unit: Unit) -> bool:
    """A table of districts against industries: District SUPPORTS each cluster of the plan's
    scheme that the row names (by the cluster's name or the name in its brackets)."""
    keys: dict[str, str] = {}
    for name, cid in ex.entities.clusters.items():
        for key in cluster_keys(name):
            keys.setdefault(key, cid)
    if not keys:
        return False
    found = False
    for row in unit.table.rows:
        if not row.cells:
            continue
        d = _row_district(ex, row.cells[0].text)
        if d is None:
            continue
        for cell in row.cells[1:]:
            for item in _top_level_items(cell.text):
                cid = keys.get(re.split(r"[（(]", item, maxsplit=1)[0])
                if cid is not None:
                    src = ex.find_source(unit, cell.line, item)
                    ex.out.append(Edge(ex.entities.district(d), cid, "SUPPORTS", src, {"basis": "table"}))
                    found = True
    return found
