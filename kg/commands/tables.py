"""Render rows for the terminal (rich tables, which measure wide Chinese characters) or as json/csv."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "json", "csv")
PIPE_WIDTH = 160  # table width when stdout is not a terminal


def cell(value: Any) -> str:
    """Table text of a value: empty for null, JSON for lists and dicts."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def output_width() -> int:
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else PIPE_WIDTH


def render_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None, width: int | None = None
) -> str:
    """A boxed table as plain text (no colour codes); every line has the same display width."""
    table = Table(title=title, box=box.SQUARE, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")  # fold, not ellipsis: quotes are never cut short
    for row in rows:
        table.add_row(*(cell(v) for v in row))
    buffer = io.StringIO()
    console = Console(file=buffer, width=width or output_width(), color_system=None, highlight=False)
    console.print(table)
    return buffer.getvalue()


def render_rows(columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str) -> str:
    """Rows (dicts keyed by ``columns``) as ``table``, ``json`` (exact values) or ``csv`` (null = empty)."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(row.get(c)) for c in columns] for row in rows)
        return buffer.getvalue()
    if fmt == "table":
        return render_table(columns, [[row.get(c) for c in columns] for row in rows])
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
