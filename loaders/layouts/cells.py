"""Cell text of PDF-extracted tables: clean one cell, split a line into cells.

>>> clean_cell("完成省 下达目 标")
'完成省下达目标'
>>> clean_cell("城市细颗粒物 (PM _{2.5}) 平均浓度 (微克/立方米)")
'城市细颗粒物(PM2.5)平均浓度(微克/立方米)'
>>> split_spaced("    2    制造业增加值占比（%）        基本稳定", unit=4)
['', '2', '制造业增加值占比（%）', '', '基本稳定']
"""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans({chr(0xFF10 + d): str(d) for d in range(10)} | {"％": "%", "＞": ">", "＜": "<"})
_SUBSCRIPT = re.compile(r"\s*_\{([^{}]*)\}")
_SEPARATOR = re.compile(r"[ \u3000]{2,}|\t[ \t\u3000]*")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")


def _tight(ch: str) -> bool:
    """Characters next to which white space is a line-wrap or converter artifact."""
    return (
        "\u3400" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch.isdigit()
        or ch in "()[]/%.<>—“”‘’、·"
    )


def clean_cell(text: str) -> str:
    """Normalise a cell: half-width digits, no ``**``, LaTeX subscripts, no white space between CJK."""
    text = _SUBSCRIPT.sub(r"\1", text.replace("**", "").translate(_FULLWIDTH))
    text = re.sub(r"(?<=\d)．(?=\d)", ".", text)
    parts = _SPACE_RUN.split(text.strip())
    out = parts[0]
    for part in parts[1:]:
        if out and part and _tight(out[-1]) and _tight(part[0]):
            out += part
        else:
            out += " " + part
    return out


def join_cut(head: str, tail: str) -> str:
    """Join a cell cut across lines: the PDF wrapped it, so no space is added between CJK text."""
    return clean_cell(head + " " + tail) if head and tail else head or tail


def separator_unit(lines: list[str]) -> int:
    """Typical width of a space run separating cells (tabs count as one unit each)."""
    widths: dict[int, int] = {}
    for line in lines:
        for run in _SEPARATOR.findall(line.strip()):
            if "\t" not in run:
                widths[len(run)] = widths.get(len(run), 0) + 1
    return max(widths, key=lambda w: (widths[w], -w)) if widths else 4


def _units(run: str, unit: int) -> int:
    tabs = run.count("\t")
    spaces = len(run) - tabs
    return max(1, tabs + int(spaces / unit + 0.5)) if spaces or tabs else 0


def split_spaced(line: str, unit: int = 4) -> list[str]:
    """Cells of a line laid out with runs of spaces/tabs; wider runs and indentation mean empty cells."""
    body = line.rstrip()
    stripped = body.lstrip(" \t\u3000")
    indent = body[: len(body) - len(stripped)]
    cells = [""] * (_units(indent, unit) if len(indent) >= 2 or "\t" in indent else 0)
    pos = 0
    for match in _SEPARATOR.finditer(stripped):
        cells.append(stripped[pos : match.start()])
        cells.extend([""] * (_units(match.group(), unit) - 1))
        pos = match.end()
    cells.append(stripped[pos:])
    return cells


def split_pipe(line: str) -> list[str]:
    """Cells of a markdown pipe row (outer pipes removed, cells not yet cleaned)."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [c.strip() for c in body.split("|")]


def is_separator_row(cells: list[str]) -> bool:
    return bool(cells) and all(re.fullmatch(r":?-{2,}:?|:?-+:?", c) for c in cells if c) and any(cells)
