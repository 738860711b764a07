"""Document structure: table of contents, parts (篇), chapters (章), sections (节), boxes (专栏),
paragraphs and tables, each with its exact line span in the input.

General rules only: headings are recognised by their ``第X篇/章/节`` and ``专栏 N`` shapes, the table
of contents by entries that end in a page number, paragraphs cut by a page break or a PDF line break
are rejoined when the first piece does not end a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from kg.loaders.document.text import MappedText, clean
from kg.loaders.document.tree import LEVEL, NotAPlanError, ParsedPlan, Unit
from kg.loaders.layouts.cell_stream import is_header_cell
from kg.loaders.layouts.contents import contents_of
from kg.loaders.layouts.tables import TableBlock, find_table_blocks, parse_table
from kg.loaders.lexicon.numerals import cn_int
from kg.loaders.lexicon.patterns import (
    ALT_CHAPTER,
    ALT_SECTION,
    APPENDIX,
    BOX,
    BOX_DIRECTORY,
    HEADING,
    INVISIBLE_CHAR,
    ITEM,
    NUMERAL,
    PAGE_FOOTER,
    visible,
)
from kg.records import Problem

NOTE = re.compile(r"^\s*(?:注|备注|说明|资料来源|数据来源)\s*[:：0-9１-９]")
# A line ending so ends its sentence; a closing bracket or quote only after such a mark (。” or 。）).
SENTENCE_END = tuple("。！？；：") + tuple(a + b for a in "。！？；" for b in "”’」』）)")
# a page footer or a bare footnote number (a web page's superscript on a line of its own)
FOOTNOTE_MARK = re.compile(r"^\s*(?:[—–-]\s*\d{1,3}\s*[—–-]|\d{1,3})\s*$")
BOX_WORD = re.compile(r"^\s*专\s*栏\s*$")
_BOX_TITLE_STOP = re.compile(r"^\s*(?:\d{1,2}|0\d)\s*$|[。；]\s*$|^\s*\d{1,2}\s*[.．、]")
BOX_TITLE_MAX = 24

KINDS = {"篇": "Part", "章": "Chapter", "节": "Section"}
# Plans without 第X章 headings number chapters ``一、`` and sections ``（一）`` on lines of their own.


class _AltHeading:
    """A ``一、`` / ``（一）`` heading shaped like a HEADING match: group(1) number, group(2) 章/节."""

    def __init__(self, number: str, kind: str, style: str):
        self._groups = (None, number, kind)
        self.label = f"{number}、" if style == "一、" else f"（{number}）"

    def group(self, i: int) -> str:
        return self._groups[i]


def alt_styles(used: set[str]) -> dict[str, str]:
    """The levels that ``一、`` and ``（一）`` headings take, under the 第X篇/章/节 levels a plan uses:
    the next free levels (a ``一、`` under 第X章 is a section); none when all three are used.

    >>> alt_styles(set()), alt_styles({"篇"}), alt_styles({"篇", "章"}), alt_styles({"篇", "章", "节"})
    ({'一、': '章', '（一）': '节'}, {'一、': '章', '（一）': '节'}, {'一、': '节'}, {})
    """
    if "章" not in used:
        return {"一、": "章", "（一）": "节"}
    if "节" not in used:
        return {"一、": "节"}
    return {}


def alt_heading(line: str, styles: dict[str, str] | None = None) -> _AltHeading | None:
    styles = {"一、": "章", "（一）": "节"} if styles is None else styles
    if not styles or _ends_sentence(line) or line.endswith(("，", "、")):
        return None
    for pattern, style in ((ALT_CHAPTER, "一、"), (ALT_SECTION, "（一）")):
        m = pattern.match(line)
        if m and style in styles:
            return _AltHeading(m.group(1), styles[style], style)
    return None


def _line_offsets(lines: list[str]) -> list[int]:
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    return offsets


def _box_kinds(lines: list[str], toc: tuple[int, int] | None) -> dict[int, str]:
    """Box number -> kind (工程/行动/改革/平台...) from the box directories inside the TOC."""
    kinds: dict[int, str] = {}
    if toc is None:
        return kinds
    kind = None
    for line in lines[toc[0] - 1 : toc[1]]:
        m = BOX_DIRECTORY.match(line)
        if m:
            kind = m.group(1)
            continue
        body = line.strip().strip("|").strip()
        b = BOX.match(body)
        if b and kind:
            n = cn_int(b.group(1))
            if n is not None:
                kinds[n] = kind
    return kinds


GENRE_TITLE = re.compile(
    r"国民经济和社会发展.{0,3}第.{1,3}个五年(?:规划|计划)|第.{1,3}个五年(?:规划|计划)纲要|五年规划纲要$"
)
SITE_TITLE = re.compile(r"\S\s+[-–—|_]\s+\S*(?:网|政府|门户|平台)\S*\s*$")
MENU_CELL = 8  # a portal menu item is a few characters on a line of its own
MENU_RUN = 5


def genre_title(lines: list[str], stop: int) -> tuple[int, int] | None:
    """0-based [start, end) of the plan's own title before line ``stop``: the last stand-alone
    line (or two lines, blank lines between) naming the genre (…国民经济和社会发展第十五个五年规划纲要).

    >>> genre_title(["通知", "南京市国民经济和社会发展", "", "第十五个五年规划纲要", "", "序言"], 6)
    (1, 4)
    """
    short = [i for i in range(stop) if 0 < len(lines[i].strip()) <= 40]
    for k in range(len(short) - 1, -1, -1):
        i = short[k]
        if GENRE_TITLE.search(lines[i].strip()):
            if (
                k
                and short[k - 1] >= i - 2
                and GENRE_TITLE.search(lines[short[k - 1]].strip() + lines[i].strip())
            ) and not GENRE_TITLE.search(lines[short[k - 1]].strip()):
                return short[k - 1], i + 1
            return i, i + 1
        if k + 1 < len(short) and short[k + 1] <= i + 2:
            nxt = short[k + 1]
            if GENRE_TITLE.search(lines[i].strip() + lines[nxt].strip()):
                return i, nxt + 1
    return None


def front_artefacts(lines: list[str], title: int) -> set[int]:
    """1-based lines before the plan's title (0-based line ``title``) that belong to the web page,
    not to the plan: the page's own title (``… - 某某政府门户网站``) and runs of menu items (short
    lines without a sentence, at least ``MENU_RUN`` of them)."""
    out: set[int] = set()
    run: list[int] = []
    for i in range(title):
        text = lines[i].strip()
        if SITE_TITLE.search(text):
            out.add(i + 1)
        elif (
            text
            and len(text) <= MENU_CELL
            and not re.search(r"[，。；：〔〕]", text)
            and not text[0].isdigit()
        ):
            run.append(i + 1)
            continue
        elif not text:
            continue
        if len(run) >= MENU_RUN:
            out.update(run)
        run = []
    if len(run) >= MENU_RUN:
        out.update(run)
    return out


def _first_heading(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if HEADING.match(line.strip())), len(lines))


def _title_block(lines: list[str], stop: int) -> tuple[int, int] | None:
    """The plan title: the first block of non-blank lines, if short (0-based [start, end))."""
    i = 0
    while i < stop and not lines[i].strip():
        i += 1
    j = i
    while j < stop and lines[j].strip():
        j += 1
    if i == j or HEADING.match(lines[i].strip()) or BOX.match(lines[i].strip()):
        return None
    if i < j and sum(len(x.strip()) for x in lines[i:j]) <= 80 and j - i <= 3:
        return i, j
    return None


BOX_TITLE_KINDS = ("工程", "行动", "改革", "平台", "计划", "项目", "指标")


def _kind_from_title(title: str) -> str | None:
    """Without a box directory, a box's kind is the kind word its title ends with, if any."""
    stripped = re.sub(r"[（(][^）)]*[）)]$", "", title.strip())
    return next((k for k in BOX_TITLE_KINDS if stripped.endswith(k)), None)


def _is_title_line(line: str) -> bool:
    text = ITEM.sub("", line.strip(), count=1)
    return len(text) <= 30 and not any(p in text for p in "，。；：、,;")


def _indented(line: str) -> bool:
    """A line opening with ideographic (or four plain) spaces: a body paragraph in web text."""
    return line.startswith(("\u3000\u3000", "    ")) and bool(line.strip())


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END)


def invisible_problems(raw: str, lines: list[str], plan_id: str) -> list[dict]:
    """One ``invisible-characters`` problem when the text holds any (``lexicon.patterns.INVISIBLE``)."""
    found = [(n, line) for n, line in enumerate(lines, 1) if INVISIBLE_CHAR.search(line)]
    if not found:
        return []
    counts = Counter(INVISIBLE_CHAR.findall(raw))
    kinds = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c)} x{k}" for c, k in sorted(counts.items()))
    shown = ", ".join(str(n) for n, _ in found[:5]) + (", …" if len(found) > 5 else "")
    message = (
        f"invisible characters ({kinds}) on {len(found)} lines ({shown}): read as spaces, so a heading "
        "after one is still a heading; quotes keep them"
    )
    return [Problem(plan_id, "invisible-characters", message, found[0][0]).as_dict()]


class _Builder:
    def __init__(self, plan_id: str, raw: str):
        self.raw = raw
        # Every layout rule reads ``view`` (invisible characters as spaces, offsets unchanged); the
        # parsed plan keeps the input's own lines, from which quotes are taken.
        self.view = visible(raw)
        self.raw_lines = raw.split("\n")
        self.lines = self.view.split("\n") if self.view is not raw else self.raw_lines
        self.offsets = _line_offsets(self.lines)
        self.plan_id = plan_id
        self.alt_styles: dict[str, str] = {}  # the levels of 一、/（一） headings in this plan
        self.artefacts: set[int] = set()  # 1-based lines of the web page around the plan
        self.table_blocks: list[TableBlock] | None = None

    def mapped(self, start: int, end: int, marks: bool = False) -> MappedText:
        """Clean text of 1-based lines start..end (inclusive), page footers (— 13 —) left out, and
        with ``marks`` the footnote marks a web page's superscripts leave on lines of their own."""
        skip = FOOTNOTE_MARK if marks else PAGE_FOOTER
        if not any(skip.match(self.lines[n - 1]) for n in range(start, end + 1)):
            a = self.offsets[start - 1]
            b = self.offsets[end - 1] + len(self.lines[end - 1])
            return clean(self.view[a:b], a)
        parts = [
            clean(self.lines[n - 1], self.offsets[n - 1])
            for n in range(start, end + 1)
            if self.lines[n - 1].strip() and not skip.match(self.lines[n - 1])
        ]
        return MappedText("".join(p.text for p in parts), tuple(o for p in parts for o in p.origins))

    def parse(self) -> ParsedPlan:
        lines = self.lines
        toc = contents_of(self.view)  # the lines of self.view are self.lines
        box_kinds = _box_kinds(lines, toc)
        body = lines[toc[1] :] if toc else lines
        used = {m.group(2) for line in body if (m := HEADING.match(line.strip()))}
        self.alt_styles = alt_styles(used)
        stop = toc[0] - 1 if toc else _first_heading(lines)
        title_span = genre_title(lines, stop) or _title_block(lines, stop)
        title = self.mapped(title_span[0] + 1, title_span[1]).text if title_span else ""
        root = Unit("Plan", 1, len(lines), title=title)
        body_start = 1
        if title_span:
            root.text = self.mapped(title_span[0] + 1, title_span[1])
            self.artefacts = front_artefacts(lines, title_span[0])
            # what stands before the title (a notice of issue) is body too, the page's menus not
            self._parse_body(root, 1, title_span[0], box_kinds)
            body_start = title_span[1] + 1
        if toc:
            # lines between the title and the TOC (a preface) are body too
            self._parse_body(root, body_start, toc[0] - 1, box_kinds)
            root.add(Unit("Table", toc[0], toc[1], label="目录", title="目录"))
            body_start = toc[1] + 1
            self._parse_body(root, body_start, len(lines), box_kinds)
        else:
            self._parse_body(root, body_start, len(lines), box_kinds)
        self._close_spans(root)
        counts = {k: sum(1 for u in root.walk() if u.kind == k) for k in ("Part", "Chapter")}
        if counts["Chapter"] == 0 and counts["Part"] == 0:
            raise NotAPlanError("no plan structure found (no 第…篇 or 第…章 headings)")
        plan = ParsedPlan(self.plan_id, title, self.raw, self.raw_lines, root, self.offsets, toc, box_kinds)
        plan.artefacts = sorted(self.artefacts)
        plan.problems = invisible_problems(self.raw, self.raw_lines, self.plan_id)
        return plan

    # -- body ------------------------------------------------------------------------------------

    def _blocks(self, start: int, end: int):
        """Yield (kind, line_start, line_end, match) blocks for 1-based lines start..end."""
        lines = self.lines
        if self.table_blocks is None:  # the same for every stretch of the body: found once
            self.table_blocks = find_table_blocks(lines)
        tables = {b.start + 1: b for b in self.table_blocks if start <= b.start + 1 <= end}
        i = start
        while i <= end:
            line = lines[i - 1]
            if not line.strip() or PAGE_FOOTER.match(line) or i in self.artefacts:
                i += 1
                continue
            if i in tables:
                block = tables[i]
                first = line.strip().strip("|").strip()
                box = BOX.match(first)
                if box:
                    yield "box", i, i, box
                yield (
                    "table",
                    i,
                    min(block.end, end),
                    TableBlock(block.start, min(block.end, end), block.kind),
                )
                i = min(block.end, end) + 1
                continue
            stripped = line.strip()
            m = HEADING.match(stripped) or alt_heading(stripped, self.alt_styles)
            if m and len(stripped) <= 80:
                j = i
                # a heading continued on the next line (title cut after a comma or mid-phrase)
                if (
                    i + 1 <= end
                    and lines[i].strip()
                    and not HEADING.match(lines[i].strip())
                    and (stripped.endswith(("，", ",", "、")) or len(lines[i].strip()) <= 20)
                    and len(lines[i].strip()) <= 40
                    and not _ends_sentence(lines[i])
                ):
                    j = i + 1
                yield "heading", i, j, m
                i = j + 1
                continue
            a = APPENDIX.match(stripped)
            if a and not _ends_sentence(stripped):
                yield "appendix", i, i, a
                i += 1
                continue
            b = BOX.match(stripped)
            if b and len(stripped) <= 60:
                yield "box", i, i, b
                i += 1
                continue
            if BOX_WORD.match(line):
                split = self._split_box(i, end)
                if split is not None:
                    yield "box", i, split[0], split[1]
                    i = split[0] + 1
                    continue
            # a paragraph: extend over lines (and page breaks) until a sentence ends
            j = i
            while not _ends_sentence(lines[j - 1]):
                if j == i and _is_title_line(lines[j - 1]) and j < end and not lines[j].strip():
                    break  # a short title line standing alone (序言, a table's caption)
                k = j + 1
                while k <= end and (not lines[k - 1].strip() or PAGE_FOOTER.match(lines[k - 1])):
                    k += 1
                if k > end or k in tables:
                    break
                nxt = lines[k - 1].strip()
                if HEADING.match(nxt) or BOX.match(nxt) or ITEM.match(nxt) or NOTE.match(nxt):
                    break
                j = k
            yield "paragraph", i, j, None
            i = j + 1

    def _split_box(self, i: int, end: int):
        """A box heading written over lines (``专栏`` / ``1`` / ``0`` / title / title …): the last
        line and a BOX match of the joined text, or None. The title runs to a line that opens the
        box's content (an item number, a table header word, running text)."""
        rest = [n for n in range(i + 1, min(end, i + 16) + 1) if self.lines[n - 1].strip()]
        digits = []
        for n in rest[:2]:
            text = self.lines[n - 1].strip()
            if not text.isdigit() or (digits and len(text) > 1):
                break
            digits.append(n)
        if not digits:
            return None
        last = digits[-1]
        for n in rest[len(digits) : len(digits) + 6]:
            text = self.lines[n - 1].strip()
            if _BOX_TITLE_STOP.search(text) or is_header_cell(text) or len(text) > BOX_TITLE_MAX:
                break
            if HEADING.match(text) or BOX.match(text):
                break
            last = n
        joined = self.mapped(i, last).text
        m = BOX.match(joined)
        return (last, m) if m else None

    def _parse_body(self, root: Unit, start: int, end: int, box_kinds: dict[int, str]) -> None:
        stack: list[Unit] = [root]  # open containers, deepest last

        def container() -> Unit:
            return stack[-1]

        def open_unit(unit: Unit) -> None:
            level = LEVEL[unit.kind]
            while LEVEL[stack[-1].kind] >= level:
                stack.pop()
            stack[-1].add(unit)
            stack.append(unit)

        for kind, a, b, m in self._blocks(start, end):
            top = container()
            if kind == "heading":
                number = cn_int(m.group(1))
                ukind = KINDS[m.group(2)]
                text = self.mapped(a, b)
                title = re.sub(
                    rf"^(第\s*{NUMERAL}\s*[篇章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*",
                    "",
                    text.text,
                ).strip()
                label = getattr(m, "label", None) or f"第{m.group(1)}{m.group(2)}"
                open_unit(
                    Unit(ukind, a, b, label=label, number=number, title=title, text=text, heading_end=b)
                )
            elif kind == "box":
                number = cn_int(m.group(1))
                text = self.mapped(a, b)
                title = re.sub(r"^\|?\s*专栏\s*\S+?(?=[“\"《\u4e00-\u9fff])", "", text.text.strip()).strip(
                    " |"
                )
                title = re.sub(r"^专栏\d+", "", title).strip(" |")
                unit = Unit(
                    "Box",
                    a,
                    b,
                    label=f"专栏{number if number is not None else m.group(1)}",
                    number=number,
                    title=title,
                    text=text,
                    box_kind=box_kinds.get(number) or _kind_from_title(title),
                    heading_end=b,
                )
                open_unit(unit)
            elif kind == "appendix":
                label = re.sub(r"\s+", "", m.group(1)) + m.group(2)
                text = self.mapped(a, b)
                title = m.group(3).strip()
                open_unit(Unit("Appendix", a, b, label=label, title=title, text=text, heading_end=b))
            elif kind == "table":
                top.add(Unit("Table", a, b, title="", table=parse_table(self.lines, m)))
            else:
                text = self.mapped(a, b, marks=True)
                if not text.text.strip():
                    continue  # only footnote marks: nothing the plan says
                im = ITEM.match(self.lines[a - 1])
                first = self.lines[a - 1]
                if top.kind == "Box":
                    has_content = any(c.item or c.kind == "Table" for c in top.children)
                    # a paragraph right under the last one (no blank line) continues the box: a PDF
                    # line that happened to end a sentence inside an item
                    follows = bool(top.children) and a == top.children[-1].line_end + 1
                    if not im and not NOTE.match(first) and has_content and not follows:
                        stack.pop()  # the box ended: this paragraph belongs to the enclosing unit
                        top = container()
                    elif (
                        _indented(first)
                        and top.children
                        and not _indented(self.lines[top.children[0].line_start - 1])
                    ):
                        stack.pop()  # indented like the body's paragraphs, unlike the box's lines
                        top = container()
                item = None
                if top.kind == "Box" and im:
                    item = next(g for g in im.groups() if g)
                top.add(Unit("Paragraph", a, b, title=text.text, text=text, item=item))

    def _close_spans(self, unit: Unit) -> None:
        """Extend each heading's span to cover everything under it."""
        for child in unit.children:
            self._close_spans(child)
        if unit.children and unit.kind != "Plan":
            unit.line_end = max(unit.line_end, max(c.line_end for c in unit.children))


def parse_structure(raw: str, plan_id: str) -> ParsedPlan:
    """Parse the decoded text of a plan into its structure; raises NotAPlanError."""
    return _Builder(plan_id, raw).parse()
