"""A plan's text -> structure records: the plan, its parts, chapters, sections, boxes, paragraphs
and tables, each with provenance, linked by PART_OF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.loaders.document.tree import ParsedPlan, Unit
from kg.records import Edge, Node, Source

NAME_MAX = 40  # characters of text shown as the name of a paragraph-like node


def plan_id_from_path(path: str | Path) -> str:
    """A stable plan id from a file name: ``hangzhou-15th-five-year-plan-outline``."""
    stem = Path(path).name
    stem = re.sub(r"\.(txt|md|text|html?|xhtml|shtml|pdf|docx)$", "", stem, flags=re.I)
    stem = re.sub(r"[\s/\\#?%<>\"'`{}|^]+", "-", stem).strip("-")
    return stem or "plan"


def short_name(text: str, limit: int = NAME_MAX) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unit_id(plan: ParsedPlan, unit: Unit) -> str:
    p = plan.plan_id
    if unit.kind == "Plan":
        return p
    if unit.kind in ("Part", "Chapter", "Box") and unit.number is not None:
        # numbering restarts in some plans (e.g. two 第一章 in different parts): keep the line too
        return f"{p}/{unit.kind.lower()}/{unit.number}@{unit.line_start}"
    return f"{p}/{unit.kind.lower()}/{unit.line_start}"


def unit_source(plan: ParsedPlan, unit: Unit, quote_lines: tuple[int, int] | None = None) -> Source:
    """Provenance of a unit: its whole line span; the quote is its heading (or its text)."""
    a, b = quote_lines or (unit.line_start, unit.line_end)
    quote = plan.lines_text(a, b).strip()
    return Source(plan.plan_id, unit.path, unit.line_start, unit.line_end, quote)


def structure_records(plan: ParsedPlan) -> Iterator[Node | Edge]:
    """Nodes for every structural unit and PART_OF edges to their parents."""
    root = plan.root
    # without a title, the first non-blank line (the quote must be an exact, non-empty piece of the input)
    title_lines = _title_lines(plan) or next(
        ((i, i) for i, s in enumerate(plan.lines, 1) if s.strip()), (1, 1)
    )
    yield Node(
        plan.plan_id,
        "Plan",
        plan.title or plan.plan_id,
        Source(plan.plan_id, "", *title_lines, plan.lines_text(*title_lines).strip() or plan.plan_id),
        {"title": plan.title, "lineCount": len(plan.lines)},
    )
    for unit in root.walk():
        if unit is root or (unit.kind == "Paragraph" and unit.item and unit.parent.kind == "Box"):
            continue  # box items become Measures (loaders/extract.py)
        uid = unit_id(plan, unit)
        if unit.kind in ("Part", "Chapter", "Section", "Box", "Appendix"):
            props = {"number": unit.number, "title": unit.title}
            if unit.kind == "Box":
                props["kind"] = unit.box_kind
            node = Node(
                uid,
                unit.kind,
                f"{unit.label} {unit.title}".strip(),
                unit_source(plan, unit, (unit.line_start, unit.heading_end)),
                {k: v for k, v in props.items() if v is not None},
            )
        elif unit.kind == "Table":
            table = unit.table
            rows = [" | ".join(table.header)] + [" | ".join(r.texts) for r in table.rows] if table else []
            caption = table.caption if table else ""
            name = unit.title or caption or short_name(rows[0] if rows else "表格")
            node = Node(uid, "Table", name, unit_source(plan, unit), {"rows": rows})
        else:
            node = Node(
                uid, "Paragraph", short_name(unit.title), unit_source(plan, unit), {"text": unit.title}
            )
        yield node
        yield Edge(uid, unit_id(plan, unit.parent), "PART_OF")


def _title_lines(plan: ParsedPlan) -> tuple[int, int] | None:
    if not plan.title:
        return None
    for i, line in enumerate(plan.lines):
        if line.strip():
            j = i
            while j + 1 < len(plan.lines) and plan.lines[j + 1].strip():
                j += 1
            return i + 1, j + 1
    return None
