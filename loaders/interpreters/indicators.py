"""The main-indicator table of a plan (and the previous plan's completion table) as indicator rows.

Columns are found by header words (类别/分类, 序号, 指标, 属性, 目标, 年均/累计, 完成情况, a base
year), never by position. A split indicator (每千人口拥有医护人员数 -> 执业医师数 / 注册护士数) gives
one row per series with the parent name and the shared number; the split shows as a row with one
extra cell, a row whose attribute cell holds a value (sub-name pushed the values right), or a
following row with neither number nor name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.loaders.document.model import Row, Table
from kg.loaders.interpreters.numbers import parse_value
from kg.loaders.lexicon.headers import ATTRIBUTES, COUNT_NOTE, DASHES, YEAR, column_roles

_UNIT = re.compile(r"[(（]([^()（）]{1,10})[)）]$")
_BRACKETED = re.compile(r"^[\[〔【](.*)[\]〕】]$")


@dataclass(frozen=True)
class IndicatorRow:
    number: str
    name: str
    category: str | None
    unit: str | None
    baseline: str | None
    baseline_year: int | None
    target: str | None
    target_year: int | None
    annual: str | None
    cumulative: str | None
    attribute: str | None
    binding: bool
    baseline_number: float | None
    target_number: float | None
    annual_number: float | None
    cumulative_number: float | None
    parent: str | None = None
    series: str | None = None
    actual: str | None = None  # previous plan: how the indicator was met
    kind: str = "main"  # "main" or "previous_plan"
    lines: tuple[int, ...] = ()


def table_kind(table: Table) -> str | None:
    """``main`` or ``previous_plan`` for an indicator table (by header words), else None."""
    roles = column_roles(table.header)
    if not {"name", "attribute"} <= roles.keys() or not ({"target", "baseline"} & roles.keys()):
        return None
    return "previous_plan" if "actual" in roles else "main"


def find_indicator_table(tables: list[Table]) -> Table | None:
    """The plan's main-indicator table; the previous plan's completion table is never chosen."""
    return next((t for t in tables if table_kind(t) == "main"), None)


def find_previous_plan_table(tables: list[Table]) -> Table | None:
    return next((t for t in tables if table_kind(t) == "previous_plan"), None)


def split_unit(name: str) -> tuple[str, str | None]:
    """``地区生产总值(GDP)增长(%)`` -> (``地区生产总值(GDP)增长``, ``%``); ``(GDP)`` alone is no unit."""
    match = _UNIT.search(name)
    if not match or re.fullmatch(r"[A-Za-z&.\s\d]+", match.group(1)):
        return name, None
    return name[: match.start()].strip(), match.group(1).strip()


def _category(text: str) -> str | None:
    text = COUNT_NOTE.sub("", text).strip()
    return text or None


def _value(text: str | None) -> str | None:
    return None if text is None or text.strip() in DASHES else text.strip()


def _number(text: str | None) -> float | None:
    return parse_value(text).number if text else None


def _header_year(header: list[str], col: int | None) -> int | None:
    match = YEAR.search(header[col]) if col is not None else None
    return int(match.group(1)) if match else None


def _texts(row: Row) -> list[str]:
    return [c.text if not c.filled else "" for c in row.cells]


def _layout(rows: list[Row], roles: dict[str, int], width: int) -> list[tuple[Row, list[str], str | None]]:
    """Each row's cells in header positions plus its series name (None for a whole indicator)."""
    name = roles["name"]
    out: list[tuple[Row, list[str], str | None]] = []
    for i, row in enumerate(rows):
        cells = [c.text for c in row.cells]
        own = _texts(row)
        nxt = _texts(rows[i + 1]) if i + 1 < len(rows) else []
        next_is_series = bool(nxt) and not nxt[roles.get("number", name)] and not nxt[name]
        attr = roles["attribute"]
        if len(cells) == width + 1:
            out.append((row, cells[: name + 1] + cells[name + 2 :], cells[name + 1]))
        elif own[name] and next_is_series and cells[attr] not in ATTRIBUTES and cells[name + 1]:
            out.append((row, [*cells[: name + 1], *cells[name + 2 :], ""], cells[name + 1]))
        elif not own[roles.get("number", name)] and not own[name]:
            before = [t for t in own[: name + 1] if t]
            if before and out:
                out.append((row, cells, before[0]))
        else:
            out.append((row, cells, None))
    return out


def _fold_series_column(table: Table) -> Table:
    """A header cell spanning two columns (指标 over name and series, a web page's colspan) leaves a
    blank header after the name: rows with a value there carry a series (one cell more than the
    header, the pipe layout's shape), the others lose the empty cell."""
    from dataclasses import replace

    name = column_roles(table.header).get("name")
    if name is None or name + 1 >= len(table.header) or table.header[name + 1].strip():
        return table
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        if name + 1 < len(cells) and not cells[name + 1].text:
            cells = cells[: name + 1] + cells[name + 2 :]
        rows.append(replace(row, cells=cells))
    return replace(table, header=table.header[: name + 1] + table.header[name + 2 :], rows=rows)


def parse_indicators(table: Table) -> list[IndicatorRow]:
    """One row per indicator series, values as written plus parsed numbers beside them."""
    table = _fold_series_column(table)
    roles = column_roles(table.header)
    kind = table_kind(table) or "main"
    width = len(table.header)
    base_year = _header_year(table.header, roles.get("baseline"))
    target_year = _header_year(table.header, roles.get("target"))
    result: list[IndicatorRow] = []
    number = parent = category = None
    # no number column and no numbered name: the indicators are numbered in the order of their rows
    counted = "number" not in roles and not _numbers_names(table.rows, roles["name"])
    count = 0

    def get(cells: list[str], role: str) -> str | None:
        return cells[roles[role]] if role in roles and roles[role] < len(cells) else None

    for row, cells, series in _layout(table.rows, roles, width):
        own_number = get(cells, "number")
        if counted and get(cells, "name") and get(cells, "name") != table.header[roles["name"]]:
            count += 1  # (a row repeating the header, as after a page break, is no indicator)
            own_number = str(count)
        elif "number" not in roles and get(cells, "name"):  # ``1. 地区生产总值…``: the name carries it
            own_number, cells[roles["name"]] = _numbered_name(get(cells, "name"), number)
        if own_number and not (series and not get(cells, "name")):
            number, parent = own_number, get(cells, "name")
        cat = get(cells, "category")
        if cat and cat != series:
            category = _category(cat)
        if not number or not parent:
            continue
        full_name = series or parent
        name, unit = split_unit(full_name)
        if series and unit is None:
            unit = split_unit(parent)[1]
        unit = unit or _value(get(cells, "unit"))
        baseline, b_year = _value(get(cells, "baseline")), base_year
        if baseline:
            b_year = parse_value(baseline).year or base_year
            baseline = re.sub(r"[(（]\s*(?:19|20)\d\d\s*年?\s*[)）]", "", baseline).strip()
        target = _value(get(cells, "target"))
        annual = _value(get(cells, "annual"))
        cumulative = None
        for text in (annual, target):
            bracket = _BRACKETED.match(text or "")
            if bracket and cumulative is None:
                cumulative = bracket.group(1)
        if annual and _BRACKETED.match(annual):
            annual = None
        attribute = get(cells, "attribute") if get(cells, "attribute") in ATTRIBUTES else None
        result.append(
            IndicatorRow(
                number=number,
                name=name,
                category=category,
                unit=unit,
                baseline=baseline,
                baseline_year=b_year if "baseline" in roles else None,
                target=target,
                target_year=target_year,
                annual=annual,
                cumulative=cumulative,
                attribute=attribute,
                binding=attribute == "约束性",
                baseline_number=_number(baseline),
                target_number=_number(target),
                annual_number=_number(annual),
                cumulative_number=_number(cumulative),
                parent=split_unit(parent)[0] if series else None,
                series=name if series else None,
                actual=_value(get(cells, "actual")),
                kind=kind,
                lines=tuple(range(row.line_start, row.line_end + 1)),
            )
        )
    return _share_attributes(result)


def _numbers_names(rows: list[Row], name: int) -> bool:
    """Does any row's name start with a running number (``1. 地区生产总值…``)?"""
    return any(name < len(row.cells) and _numbered_name(row.cells[name].text, None)[0] for row in rows)


def _numbered_name(name: str, last: str | None) -> tuple[str | None, str]:
    """(number, name) of a name that starts with its running number; the number after ``last`` is
    tried first (``26.3岁以下婴幼儿入托率`` is 26 and 3岁…, not 26.3).

    >>> _numbered_name("26.3岁以下婴幼儿入托率", "25")
    ('26', '3岁以下婴幼儿入托率')
    >>> _numbered_name("1. 地区生产总值年均增长", None)
    ('1', '地区生产总值年均增长')
    """
    tries = [str(int(last) + 1)] if last and last.isdigit() else []
    for prefix in [*tries, *re.findall(r"^\d{1,3}", name)]:
        if name.startswith(prefix) and name[len(prefix) : len(prefix) + 1] in (".", "．", "、"):
            return prefix, name[len(prefix) + 1 :].strip()
    return None, name


def _share_attributes(rows: list[IndicatorRow]) -> list[IndicatorRow]:
    """Series of one split indicator share the attribute cell the PDF drew across them."""
    from dataclasses import replace

    known = {r.number: r.attribute for r in rows if r.attribute}
    return [
        r
        if r.attribute or r.number not in known
        else replace(r, attribute=known[r.number], binding=known[r.number] == "约束性")
        for r in rows
    ]
