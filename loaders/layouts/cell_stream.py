"""Indicator tables that reach us as a stream of cells rather than as rows.

Two linearisations give such a stream: one cell per line (web pages, some PDF converters, with or
without blank lines between cells) and PDF text whose cells are separated by single spaces, a row
per line that wraps when its name is long. Both are read by one reconstruction that knows the
genre's header words and the grammar of an indicator row, never by counting lines:

- the header is a run of header words (类别, 序号, 指标名称, 2025年, 预计, 年均/, 累计, 属性 …); a
  qualifier after a year (``2025年`` / ``预计``) and a word cut after ``/`` are one column;
- cells cut in two are joined: an open bracket closed in the next cell (``细颗粒物（PM`` / ``2.5`` /
  ``）年均浓度``), a bracket-only cell (``21.5`` / ``（2024年）``, ``经济发展`` / ``（7项）``), a cell
  ending in ``/``, a period prefix (``“十五五”年均增长`` / ``5.0左右``);
- a row starts at its running number (``8``, or ``8. 指标`` where the name carries it), the next
  after the last; a short text cell just before it is the row's category (a merged cell written
  once for its group); what follows the name are the values, in header order;
- a split indicator (``每千人口拥有医护人员数`` / ``执业医师数（人）`` … / ``注册护士数（人）`` …)
  gives one row per series, the rows of the pipe layout's shape (one extra cell after the name).

>>> cells = [Cell(t, n + 1) for n, t in enumerate(["类别", "序号", "指标", "2025年", "预计",
...     "属性", "经济发展", "（2项）", "1", "地区生产总值（亿元）", "20000", "预期性",
...     "2", "人均GDP（万元）", "21.5", "（2024年）", "约束性"])]
>>> header, rows = stream_table(cells)
>>> [c.text for c in header]
['类别', '序号', '指标', '2025年预计', '属性']
>>> for r in rows:
...     print([c.text for c in r.cells])
['经济发展（2项）', '1', '地区生产总值（亿元）', '20000', '预期性']
['经济发展（2项）', '2', '人均GDP（万元）', '21.5（2024年）', '约束性']
"""

from __future__ import annotations

import re

from kg.loaders.document.model import Cell, Row
from kg.loaders.layouts.cells import clean_cell
from kg.loaders.lexicon.headers import ATTRIBUTES, COUNT_NOTE, DASHES, column_roles

_YEAR = r"(?:19|20)\d\d\s*年?"
_QUALIFIER = r"(?:预计|预期|完成值?|完成情况|实际值?|目标值?|规划目标|基期值?|现状值?|末)"
HEADER_CELL = re.compile(
    rf"""^(?:
        类别 | 分类 | 领域 | 序号 | 编号 | (?:主要)?指标(?:名称)? | (?:计量)?单位 | (?:指标)?属性 | 备注
      | {_YEAR}\s*{_QUALIFIER}?              # 2025年, 2025年预计
      | {_QUALIFIER}                          # 预计 (cut from its year)
      | [（(〔\[]\s*{_YEAR}\s*[)）〕\]]          # （2025年）
      | 年均(?:增长|增速)?\s*[/／]?\s*(?:累计)?  # 年均/累计, 年均/
      | [〔\[]?累计[〕\]]?
    )$""",
    re.X,
)
# A header cell that only qualifies the column before it (``2025年`` / ``预计``).
_QUALIFIES = re.compile(rf"^(?:{_QUALIFIER}|[（(〔\[]\s*{_YEAR}\s*[)）〕\]]|[〔\[]?累计[〕\]]?)$")
_OPEN, _CLOSE = "（([〔【", "）)]〕】"
_BRACKETED = re.compile(r"^[（(〔][^（()）〔〕]*[)）〕]$")
_PERIOD_PREFIX = re.compile(
    r"^“?十[一二三四五六七八九]五”?(?:时期)?(?:年均增长|年均|累计新增|累计降低|累计)?$"
)
_NUMBER = re.compile(r"^(\d{1,3})$")
_CATEGORY_MARK = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
MIN_HEADER = 4


def is_header_cell(text: str) -> bool:
    """A word of an indicator table's header.

    >>> [is_header_cell(t) for t in ("指标名称", "2030年", "目标", "年均/", "地区生产总值")]
    [True, True, True, True, False]
    """
    return bool(HEADER_CELL.match(clean_cell(text)))


def _join(a: Cell, b: Cell) -> Cell:
    text = a.text + b.text
    return Cell(
        clean_cell(text), a.line, tuple(dict.fromkeys((a.lines or (a.line,)) + (b.lines or (b.line,))))
    )


def merge_header(cells: list[Cell]) -> list[Cell]:
    """One cell per column: qualifiers and ``/``-cut words join the cell before them."""
    out: list[Cell] = []
    for cell in cells:
        cut = bool(out) and out[-1].text.endswith(("/", "／"))
        if cut or (
            out and _QUALIFIES.match(cell.text) and (re.search(_YEAR, out[-1].text) or "目标" in out[-1].text)
        ):
            out[-1] = _join(out[-1], cell)
            continue
        out.append(cell)
    return out


def _unbalanced(text: str) -> bool:
    return sum(text.count(c) for c in _OPEN) > sum(text.count(c) for c in _CLOSE)


def _continues(prev: str, cur: str) -> bool:
    """``cur`` is the rest of a cell that a line break cut after ``prev``."""
    return (
        _unbalanced(prev)
        or prev.endswith(("/", "／", "、", "，"))
        or cur[:1] in _CLOSE
        or bool(_BRACKETED.match(cur))
        or bool(_PERIOD_PREFIX.match(prev))
    )


def merge_fragments(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for cell in cells:
        if out and _continues(out[-1].text, cell.text) and not _row_number(cell.text):
            out[-1] = _join(out[-1], cell)
        else:
            out.append(cell)
    return out


def _row_number(text: str) -> int | None:
    m = _NUMBER.match(text) or re.match(r"^(\d{1,3})[.．、](?!\d)", text)
    return int(m.group(1)) if m else None


def _is_text(text: str) -> bool:
    """A name or label: CJK text with no figure of its own (a unit in brackets may follow)."""
    body = re.sub(r"[（(][^（()）]*[)）]$", "", text)
    return bool(body) and not re.search(r"\d", body) and any("\u4e00" <= ch <= "\u9fff" for ch in body)


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def is_name(text: str) -> bool:
    """An indicator's name: at least four CJK characters, figures allowed (``3岁以下婴幼儿入托率``).

    >>> [is_name(t) for t in ("3岁以下婴幼儿入托率（%）", "城市细颗粒物（PM2.5）浓度", "5以上", "稳步")]
    [True, True, False, False]
    """
    return _cjk_count(text) >= 4


def is_category(text: str) -> bool:
    """``经济发展``, ``经济发展（7项）``, ``一、经济发展（8项）``; not a value, attribute or number."""
    body = COUNT_NOTE.sub("", _CATEGORY_MARK.sub("", text)).strip()
    if re.search(r"[）)]$", body):
        return False  # a unit in brackets ends a name's tail (``重(%)``), never a category
    return 2 <= len(body) <= 12 and _is_text(body) and body not in ATTRIBUTES


def _starts(cells: list[Cell], numbered_names: bool) -> list[int]:
    """Indices of cells that open a row: the running number after the previous one, followed by a
    name (or a name carrying the number, where the table has no number column)."""
    starts: list[int] = []
    expected: int | None = None
    for i, cell in enumerate(cells):
        if numbered_names:  # ``26. 3岁以下…`` reads 26.3岁 once cleaned: try the expected numbers
            n = next((k for k in _candidates(expected) if _numbered(cell.text, k)), None)
            named = n is not None
        else:
            m = _NUMBER.match(cell.text)
            n = int(m.group(1)) if m else None
            named = n is not None and i + 1 < len(cells) and is_name(cells[i + 1].text)
        if named and n in _candidates(expected):
            starts.append(i)
            expected = n + 1
    return starts


def _candidates(expected: int | None) -> tuple[int, ...]:
    return (1, 2, 3) if expected is None else (expected, expected + 1)


def _numbered(text: str, n: int) -> bool:
    """``text`` is a name that carries the running number ``n`` (``8. 指标``, ``8、指标``)."""
    prefix = str(n)
    return (
        text.startswith(prefix)
        and text[len(prefix) : len(prefix) + 1] in (".", "．", "、")
        and (is_name(text[len(prefix) + 1 :]))
    )


def _attribute_ends(cells: list[Cell]) -> list[int]:
    """Row starts when rows have no running number: the cell after each attribute cell."""
    ends = [i + 1 for i, c in enumerate(cells) if c.text in ATTRIBUTES]
    return [0, *ends[:-1]] if ends else []


def stream_rows(header: list[str], cells: list[Cell]) -> list[Row]:
    """Rows of the pipe layout's shape from a stream of body cells."""
    roles = column_roles(header)
    width = len(header)
    name_col = roles.get("name")
    if name_col is None:
        return []
    num_col, cat_col = roles.get("number"), roles.get("category")
    values_cols = [j for j in range(width) if j not in (num_col, cat_col, name_col)]
    t = len(values_cols)
    cells = merge_fragments(cells)
    starts = _starts(cells, num_col is None)
    if len(starts) < 2:
        starts = _attribute_ends(cells) if roles.get("attribute") == width - 1 else []
    rows: list[Row] = []
    category: Cell | None = None
    if starts and starts[0] > 0 and cat_col is not None and is_category(cells[starts[0] - 1].text):
        category = cells[starts[0] - 1]
    for k, s in enumerate(starts):
        seg = cells[s : starts[k + 1] if k + 1 < len(starts) else len(cells)]
        next_category = None
        if k + 1 < len(starts) and cat_col is not None and len(seg) > 2 and is_category(seg[-1].text):
            lead = 1 if num_col is None else 2
            if len(seg) - 1 - lead >= t:
                next_category, seg = seg[-1], seg[:-1]
        if num_col is None:  # the name carries the number, if any (``indicators`` reads it)
            number, name, values = None, seg[0], seg[1:]
        else:
            if len(seg) < 2:
                continue
            number, name, values = seg[0], seg[1], seg[2:]
        if k + 1 == len(starts) and roles.get("attribute") == width - 1:
            ends = [i for i, c in enumerate(values) if c.text in ATTRIBUTES]
            if ends and not (len(values) > t and _is_text(values[0].text)):
                values = values[: ends[0] + 1]  # the table ends with the last row's attribute
        rows.extend(_place(width, roles, values_cols, category, number, name, values, t))
        if next_category is not None:
            category = next_category
    return rows


def _groups(values: list[Cell], t: int) -> list[tuple[Cell | None, list[Cell]]]:
    """A row's values, or its series (a name then ``t`` values each, the last series' attribute
    may be shared) when it holds at least two series."""
    if len(values) < 2 * t or not _is_text(values[0].text):
        return [(None, _refit(values, t))]
    groups = []
    i = 0
    while i < len(values):
        j = i + 1
        while j < len(values) and j - i <= t:
            if j - i >= t - 1 and _is_series_name(values[j].text):
                break  # the next series: this one's attribute was drawn across both
            j += 1
        groups.append((values[i], values[i + 1 : j]))
        i = j
    return groups


def _is_series_name(text: str) -> bool:
    return _is_text(text) and text not in ATTRIBUTES and not _is_fragment(text)


def _refit(values: list[Cell], t: int) -> list[Cell]:
    """Values of one row: cells a narrow column wrapped (``1.58`` / ``左右``, ``稳步`` / ``提高``) are
    joined, the shortest text fragment to the cell before it, until the row fits its columns."""
    values = list(values)
    while len(values) > t:
        pieces = [
            i
            for i in range(1, len(values))
            if _is_fragment(values[i].text) and values[i - 1].text not in DASHES
        ]
        i = min(pieces, key=lambda n: len(values[n].text)) if pieces else len(values) - 1
        values[i - 1 : i + 1] = [_join(values[i - 1], values[i])]
    return values


def _is_fragment(text: str) -> bool:
    return 0 < len(text) <= 4 and _cjk_count(text) == len(text) and text not in ATTRIBUTES


def _place(width, roles, values_cols, category, number, name, values, t) -> list[Row]:
    rows = []
    name_col, num_col, cat_col = roles["name"], roles.get("number"), roles.get("category")
    for g, (series, group) in enumerate(_groups(values, t)):
        line = (series or name).line
        cells = [Cell("", line, (line,)) for _ in range(width)]
        if cat_col is not None and category is not None:
            cells[cat_col] = Cell(category.text, category.line, category.lines, filled=True)
        if g == 0:
            cells[name_col] = name
            if num_col is not None and number is not None:
                cells[num_col] = number
        for j, cell in zip(values_cols, group, strict=False):
            cells[j] = cell
        if series is not None:
            cells = [*cells[: name_col + 1], series, *cells[name_col + 1 :]]
        own = [n for c in cells if c.text and not c.filled for n in (c.lines or (c.line,))]
        rows.append(Row(cells, min(own, default=line), max(own, default=line)))
    return rows


def header_end(cells: list[Cell], i: int) -> int | None:
    """End (exclusive) of a header run of cells starting at ``i``: enough header words to name an
    indicator table (a name column and an attribute or a target column), else None."""
    j = i
    while j < len(cells) and is_header_cell(cells[j].text):
        j += 1
    if j - i < MIN_HEADER or _QUALIFIES.match(cells[i].text):
        return None
    roles = column_roles([c.text for c in merge_header(cells[i:j])])
    if "name" not in roles or not ({"attribute", "target"} & roles.keys()):
        return None
    return j


def stream_table(cells: list[Cell]) -> tuple[list[Cell], list[Row]]:
    """(header, rows) of a stream that opens with its header; repeated headers (a page break) are
    skipped."""
    end = header_end(cells, 0)
    if end is None:
        return [], []
    header = merge_header(cells[:end])
    body: list[Cell] = []
    i = end
    while i < len(cells):
        again = header_end(cells, i)
        if again is not None and [c.text for c in merge_header(cells[i:again])] == [c.text for c in header]:
            i = again
            continue
        body.append(cells[i])
        i += 1
    return header, stream_rows([c.text for c in header], body)
