"""Table interpreters: one small class per kind of table, claimed by header and content, in one
ordered registry (the model is ``exports/registry.py``). Layout is not their business: every table
reaches them as the document model's header and rows (``table_model``), whatever the input did.

Two stages: scheme tables (indicators, cluster schemes) are read first, so that cluster names are
known to the other tables and to the running text; layout tables are read in document order (they
need the part's goal). The first scheme interpreter that claims a table reads it; of the layout
interpreters, the first district table interpreter that reads a table does, and every remaining
table's rows are measures. What read a table is recorded on its node (``readAs``), with the layout
its cells came in (``layout``); an indicator-looking table that gave no indicator is a problem.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from kg.loaders.document.model import Table
from kg.loaders.interpreters.clusters import parse_cluster_list, parse_cluster_table
from kg.loaders.interpreters.indicators import table_kind
from kg.loaders.interpreters.table_records import (
    SCHEME_WORDS,
    cluster_records,
    district_industry_records,
    district_platform_records,
    indicator_records,
    layout_records,
)

if TYPE_CHECKING:
    from kg.loaders.document.tree import Unit
    from kg.loaders.interpreters.context import Context


class TableInterpreter:
    """Claims a table by its header and content and reads it into records."""

    name: ClassVar[str]

    def claims(self, table: Table) -> bool:
        raise NotImplementedError

    def read(self, ctx: Context, unit: Unit) -> None:
        raise NotImplementedError


class IndicatorTable(TableInterpreter):
    """The plan's main-indicator table (指标 … 属性, a target or base-year column)."""

    name = "indicators"

    def claims(self, table: Table) -> bool:
        return table_kind(table) == "main"

    def read(self, ctx: Context, unit: Unit) -> None:
        indicator_records(ctx, unit, "main")


class PreviousPlanTable(IndicatorTable):
    """The previous plan's completion table (a 完成情况 column)."""

    name = "previous-plan indicators"

    def claims(self, table: Table) -> bool:
        return table_kind(table) == "previous_plan"

    def read(self, ctx: Context, unit: Unit) -> None:
        indicator_records(ctx, unit, "previous_plan")


class ClusterSchemeTable(TableInterpreter):
    """A tiered cluster table: (tier,) cluster, field label, text; two clusters at least."""

    name = "cluster scheme"

    def claims(self, table: Table) -> bool:
        return len({r.cluster for r in parse_cluster_table(table)}) >= 2

    def read(self, ctx: Context, unit: Unit) -> None:
        cluster_records(ctx, unit, parse_cluster_table(unit.table))


class ClusterListTable(TableInterpreter):
    """A numbered cluster / chain list laid out with runs of spaces, captioned as a scheme."""

    name = "cluster list"

    def claims(self, table: Table) -> bool:
        captioned = SCHEME_WORDS.search(table.caption or "") or SCHEME_WORDS.search(" ".join(table.header))
        return (
            table.kind == "spaced"
            and bool(captioned)
            and len({r.cluster for r in parse_cluster_list(table)}) >= 2
        )

    def read(self, ctx: Context, unit: Unit) -> None:
        cluster_records(ctx, unit, parse_cluster_list(unit.table))


SCHEME_STAGE: tuple[TableInterpreter, ...] = (
    IndicatorTable(),
    PreviousPlanTable(),
    ClusterSchemeTable(),
    ClusterListTable(),
)


def read_scheme_table(ctx: Context, unit: Unit) -> str | None:
    """Read ``unit``'s table with the first scheme interpreter that claims it; its name, or None."""
    table = unit.table
    for interpreter in SCHEME_STAGE:
        if not interpreter.claims(table):
            continue
        interpreter.read(ctx, unit)
        return interpreter.name
    return None


def read_layout_table(ctx: Context, unit: Unit, goal: str | None) -> list[str]:
    """A table no scheme interpreter claimed: district tables give LOCATED_IN (platforms) or
    SUPPORTS (industries), and every row is a measure. The names of what read it."""
    names = []
    if district_platform_records(ctx, unit):
        names.append("district platforms")
    elif district_industry_records(ctx, unit):
        names.append("district industries")
    layout_records(ctx, unit, goal)
    if unit.table.rows:
        names.append("measures")
    return names


INDICATOR_HEADER = re.compile(r"指标")
ATTRIBUTE_HEADER = re.compile(r"属性")


def looks_like_indicators(table: Table) -> bool:
    """Header words of an indicator table (指标 and 属性), whoever read it."""
    head = " ".join(table.header)
    return bool(INDICATOR_HEADER.search(head) and ATTRIBUTE_HEADER.search(head))
