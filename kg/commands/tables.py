"""Render rows for the terminal (boxed tables that measure wide Chinese characters) or as json/csv.

Text printed is data: ``terminal_text`` is the one function every printer of ``kg`` passes text from
a plan or a graph through. Control characters and escape sequences are shown escaped (``\\x1b``),
never sent to the terminal, and nothing in a cell is interpreted as markup (``[bold]`` stays text).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Sequence
from typing import Any

from kg.commands.box_table import render_box_table

FORMATS = ("table", "json", "csv")
PIPE_WIDTH = 160  # table width when stdout is not a terminal


# C0 (but newline) and C1 controls, DEL, and the invisible format characters that reorder or break
# lines on a terminal: bidi marks, embeddings, overrides and isolates, the Unicode line separators.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile(f"{_UNSAFE.pattern[:-1]}\n]")
# What JSON with ensure_ascii=False leaves raw but a terminal may act on (C0 is escaped by json).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(value: Any, *, one_line: bool = False) -> str:
    r"""Text safe to print: control characters and escape sequences shown escaped, markup untouched.

    >>> terminal_text("title\x1b]0;pwned\x07 [bold]完善[/]标识")
    'title\\x1b]0;pwned\\x07 [bold]完善[/]标识'
    >>> terminal_text("a\u2028b\x9bc\nd"), terminal_text("a\nb", one_line=True)
    ('a\\u2028b\\x9bc\nd', 'a\\x0ab')
    """
    return (_UNSAFE_ONE_LINE if one_line else _UNSAFE).sub(_escape, str(value))


def terminal_json(data: Any) -> str:
    """JSON text safe to print and still valid JSON: C1 controls, bidi marks and U+2028/9 as ``\\uXXXX``."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def cell(value: Any) -> str:
    """Table text of a value: empty for null, JSON for lists and dicts."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def safe_cell(value: Any) -> str:
    """A table cell that shows ``value`` literally: no control characters."""
    return terminal_text(cell(value))


def output_width() -> int:
    if not sys.stdout.isatty():
        return PIPE_WIDTH
    import shutil

    return shutil.get_terminal_size().columns


def render_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None, width: int | None = None
) -> str:
    """A boxed table as plain text (no colour codes); every line has the same display width."""
    return render_box_table(
        [safe_cell(c) for c in columns],
        [[safe_cell(v) for v in row] for row in rows],
        title=None if title is None else safe_cell(title),
        width=width or output_width(),
    )


def render_rows(
    columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str, *, terminal: bool | None = None
) -> str:
    """Rows (dicts keyed by ``columns``) as ``table``, ``json`` (exact values) or ``csv`` (null = empty).

    JSON escapes what a terminal could act on and stays exact; CSV is exact when piped, and shown
    through ``terminal_text`` when ``terminal`` (default: stdout is a terminal).
    """
    if fmt == "json":
        return terminal_json(list(rows)) + "\n"
    if fmt == "csv":
        show = terminal_text if (sys.stdout.isatty() if terminal is None else terminal) else cell
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([show(c) for c in columns])
        writer.writerows([show(cell(row.get(c))) for c in columns] for row in rows)
        return buffer.getvalue()
    if fmt == "table":
        return render_table(columns, [[row.get(c) for c in columns] for row in rows])
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
