"""What every reader of a published form (web page, PDF, Word) hands on: the plan's text, one block per
line in the layouts the text readers know (blank lines between blocks, tables as markdown pipe rows),
and where each line came from in the original (an element path, a page and box, a paragraph)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")


@dataclass
class ReaderText:
    """``text`` (what the plan parser reads) and ``sources``: for each non-blank line its 1-based
    number and where it came from (the reader's locator: an xpath, ``page 3 (x0,top,x1,bottom)``, ...);
    ``artefacts``: text the reader set aside as page furniture (headers, footers, page numbers)."""

    text: str
    sources: list[tuple[int, str]] = field(default_factory=list)
    artefacts: list[tuple[str, str]] = field(default_factory=list)


def pipe_lines(rows: list[list[str]]) -> list[str]:
    """Markdown pipe rows: the first row as header, a separator, then the body rows.

    >>> pipe_lines([["a", "b"], ["1", ""]])
    ['| a | b |', '|---|---|', '| 1 | |']
    """
    if not rows:
        return []

    def line(cells: list[str]) -> str:
        return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"

    return [line(rows[0]), "|" + "---|" * len(rows[0]), *(line(r) for r in rows[1:])]


def cell_line(text: str) -> str:
    """A cell's text fit for a pipe row: one line, ``|`` written as ``｜``.

    >>> cell_line(" 值|注 ")
    '值｜注'
    """
    return " ".join(text.split()).replace("|", "｜")


def join_wrapped(left: str, right: str) -> str:
    """Two pieces of one paragraph broken at a line end: joined without a space between Chinese
    characters (as a browser does), with one space otherwise.

    >>> join_wrapped("加快建设", "金融强市"), join_wrapped("GDP", "growth")
    ('加快建设金融强市', 'GDP growth')
    """
    if not left or not right:
        return left + right
    if _CJK_CHAR.match(left[-1]) or _CJK_CHAR.match(right[0]):
        return left + right
    return f"{left} {right}"


def assemble(lines: list[tuple[str, str]]) -> ReaderText:
    """(text, locator) blocks -> the text: a blank line between blocks, an empty text marks a
    break; the pipe rows of one table stay together (no blank lines inside a table)."""
    out: list[str] = []
    sources: list[tuple[int, str]] = []
    for text, where in lines:
        if not text:
            if out and out[-1]:
                out.append("")
            continue
        if out and out[-1]:
            out.append("")
        out.append(text)
        sources.append((len(out), where))
    joined: list[str] = []
    remap: dict[int, int] = {}
    for i, line in enumerate(out):
        is_blank_in_table = (
            not line and 0 < i < len(out) - 1 and out[i - 1].startswith("|") and out[i + 1].startswith("|")
        )
        if is_blank_in_table:
            continue
        joined.append(line)
        remap[i + 1] = len(joined)
    sources = [(remap[n], where) for n, where in sources]
    return ReaderText("\n".join(joined).strip("\n") + "\n", sources)
