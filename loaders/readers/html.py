"""Reading a plan published as a web page: HTML -> the plan's text, one block per line.

The text readers already handle the plan layouts (headings, 专栏 boxes, markdown pipe tables), so a
page is linearised into such a text and everything after it works as for a text file:

- the article is found (the deepest element holding nearly all 第…篇/第…章 headings); scripts,
  styles, menus, headers, footers and forms are dropped, and so is the page outside the article;
- block elements (p, div, h1-h6, li, br, ...) become lines, with a blank line between blocks;
  inline elements (span, a, strong, ...) stay inline; footnote markers (``<sup>12</sup>`` after a
  word) are dropped, exponents (``10<sup>12</sup>``, ``m<sup>2</sup>``) are kept;
- each ``<table>`` becomes a markdown pipe table: the first row as header, a ``|---|`` separator,
  one ``| a | b |`` line per row, rowspan/colspan expanded (the text in the first position, empty
  cells where it spans), cell text on one line, ``|`` in a cell written as ``｜``;
- the page's words are kept as they are: only HTML whitespace is collapsed (as a browser does; a
  line break between two Chinese characters joins them) and no-break spaces become spaces.

``html_plan_text`` returns the text and the source of each line, ``(line, xpath)`` pairs.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from kg.loaders.lexicon.patterns import BOX_START as BOX_TITLE
from kg.loaders.lexicon.patterns import HEADING
from kg.loaders.readers.decode import PlanInputError, decode_plan_bytes
from kg.loaders.readers.lines import ReaderText, assemble, pipe_lines

# Dropped with their content (their tail text, which belongs to the parent, is kept).
DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "canvas",
        "math",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "label",
        "head",
        "title",
        "meta",
        "link",
        "map",
        "area",
        "audio",
        "video",
        "source",
        "track",
        "dialog",
        "menu",
    ]
)
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "caption",
    ]
)
# class/id words of page furniture; only looked at outside the article and never on its ancestors
FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|header|footer|foot|breadcrumb|crumb|curmb|share|bdshare|toolbar|"
    r"sidebar|topbar|banner|copyright|search|login|qrcode)(?:$|[\s_-])",
    re.I,
)
# inside the article only widgets are dropped ("header" may well be the plan's title there)
IN_ARTICLE_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:share|bdshare|qrcode|toolbar|breadcrumb|crumb|print)(?:$|[\s_-])", re.I
)
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\f]*[\r\n][ \t\r\n\f]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_FOOTNOTE_SUP = re.compile(r"^\s*[\[［(（]?\s*\d{1,3}\s*[\]］)）]?\s*$")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
ORDINAL = re.compile(r"^\s*[(（]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）.．、]?\s*$")
MAX_SPAN = 100  # a colspan/rowspan past this is a typo in the page; cap it


# The linearised page: its text and, for each non-blank line, the xpath of the element it came from.
HtmlText = ReaderText


def decode_html_bytes(data: bytes, name: str = "input", encoding: str | None = None) -> str:
    """Bytes of a page -> str: ``encoding`` if given, else a byte-order mark, else the page's
    ``<meta charset>``, else UTF-8 or GB18030 (the same one-line errors as for text)."""
    if (
        encoding
        or not data.strip()
        or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    ):
        return decode_plan_bytes(data, name, encoding)
    m = _CHARSET.search(data[:8192])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936"):
        declared = "gb18030"  # what browsers do: GB18030 is a superset
    for codec in dict.fromkeys(c for c in (declared, "utf-8", "gb18030") if c):
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        if "\x00" in text:
            raise PlanInputError(f"{name}: looks like a binary file (NUL bytes), not a web page")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise PlanInputError(
        f"{name}: a web page that is not valid {declared or 'UTF-8'} nor GB18030; "
        "try --encoding (e.g. gbk, big5)"
    )


def html_plan_text(data: bytes | str, name: str = "input", encoding: str | None = None) -> HtmlText:
    """The plan's text from a web page (bytes or decoded str)."""
    markup = decode_html_bytes(data, name, encoding) if isinstance(data, bytes) else data
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)  # lxml refuses str with an XML declaration
    if not markup.strip():
        raise PlanInputError(f"{name}: the file is empty")
    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as err:
        raise PlanInputError(f"{name}: not a readable web page ({err})") from None
    return linearise(root)


def linearise(root: lxml.html.HtmlElement) -> HtmlText:
    """The text of the article under ``root`` (a parsed page)."""
    _drop_furniture(root)
    article = find_article(root)
    writer = _Writer(root.getroottree())
    writer.block(article)
    return writer.result()


def _drop(el) -> None:
    if el.getparent() is not None:
        el.drop_tree()  # keeps el.tail


def _drop_furniture(root) -> None:
    for el in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _drop(el)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.tag.lower() in DROP_TAGS:
            _drop(el)


def _is_heading_block(el) -> bool:
    if not isinstance(el.tag, str) or el.tag.lower() not in BLOCK_TAGS | {"td", "th"}:
        return False
    text = el.text_content()
    m = HEADING.match(text)
    return len(text) <= 120 and m is not None and m.group(2) in "篇章"


def find_article(root):
    """The element that holds the plan: the deepest one with at least 90% of the blocks that are
    第…篇/第…章 headings (a table of contents and the body are both inside it); the body when the page
    has no such heading (a portal page: the plan parser then says there is no plan)."""
    body = root.find("body")
    body = body if body is not None else root
    headings = [el for el in body.iter() if _is_heading_block(el) and not any(map(_is_heading_block, el))]
    if not headings:
        _drop_menus(body, keep=set())
        return body
    counts: dict = {}
    depth: dict = {}
    for el in headings:
        for d, anc in enumerate(reversed(list(el.iterancestors()))):
            counts[anc] = counts.get(anc, 0) + 1
            depth[anc] = d
    need = max(1, -(-len(headings) * 9 // 10))
    # more than half of the headings each: the candidates are ancestors of one another
    holders = [el for el, n in counts.items() if n >= need]
    article = max(holders, key=depth.__getitem__, default=body)
    _drop_menus(article, keep=set(article.iterancestors()) | {article}, pattern=IN_ARTICLE_FURNITURE)
    return article


def _drop_menus(body, keep: set, pattern: re.Pattern = FURNITURE) -> None:
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el in keep or el.getparent() is None:
            continue
        words = f"{el.get('class', '')} {el.get('id', '')}"
        if words.strip() and pattern.search(words):
            _drop(el)


def cell_text(el) -> str:
    """The text of a table cell on one line: its blocks (paragraphs, ``<br>``) joined with a space
    (as the text readers write a cell broken over lines, ``2025年 完成值``), ``|`` written as ``｜``
    so that the pipe row keeps its columns."""
    w = _Writer(None)
    w.block(el)
    return " ".join(line.strip() for line, _ in w.lines if line.strip()).replace("|", "｜")


@dataclass(frozen=True)
class _Slot:
    """One position of the expanded grid: the cell covering it, whether the cell starts here, and
    whether it comes here by a colspan (a position to the right of where the cell starts)."""

    cell: object
    origin: bool
    across: bool


def _grid(table) -> list[list[_Slot | None]]:
    trs = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    grid: list[list[_Slot | None]] = [[] for _ in trs]
    for r, tr in enumerate(trs):
        row = grid[r]
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            while c < len(row) and row[c] is not None:
                c += 1
            colspan = _span(td.get("colspan"))
            rowspan = _span(td.get("rowspan"))
            rowspan = len(trs) - r if rowspan == 0 else min(rowspan, len(trs) - r)
            for dr in range(rowspan):
                target = grid[r + dr]
                target.extend([None] * (c + colspan - len(target)))
                for dc in range(colspan):
                    target[c + dc] = _Slot(td, dr == 0 and dc == 0, dc > 0)
            c += colspan
    width = max((len(row) for row in grid), default=0)
    return [row + [None] * (width - len(row)) for row in grid]


def table_rows(table) -> tuple[list[str], list[list[str]]]:
    """A ``<table>`` as (title lines, rows): rowspan/colspan expanded, a spanned cell's text in its
    first position and empty cells where it spans, so that the columns stay aligned.

    Rows of one cell across the whole table at its top (``专栏1 ……``) are its title, returned
    apart (written as a line above the table, where a text version has it).
    """
    grid = [row for row in _grid(table) if any(s and s.origin and cell_text(s.cell) for s in row)]
    titles = []
    while len(grid) > 1 and len(grid[0]) > 1 and grid[0][0] and all(s and s.across for s in grid[0][1:]):
        titles.append(cell_text(grid.pop(0)[0].cell))
    texts: dict = {}
    rows = []
    for row in grid:
        cells = []
        for slot in row:
            if slot is not None and slot.origin and slot.cell not in texts:
                texts[slot.cell] = cell_text(slot.cell)
            cells.append(texts[slot.cell] if slot is not None and slot.origin else "")
        rows.append(cells)
    return titles, rows


def frame_rows(table) -> tuple[list[str], list[list]] | None:
    """A 专栏 box drawn as a table (a title row, then rows of an ordinal ``01`` and one cell of
    text): (title lines, the cells of each row), to be written as the lines of a box, as a text
    version has them; None for a table of data."""
    grid = [row for row in _grid(table) if any(s and s.origin and cell_text(s.cell) for s in row)]
    titles = []
    while len(grid) > 1 and len(grid[0]) > 1 and grid[0][0] and all(s and s.across for s in grid[0][1:]):
        titles.append(cell_text(grid.pop(0)[0].cell))
    if not titles or not BOX_TITLE.match(titles[0]) or not grid or len(grid[0]) > 2:
        return None
    rows = []
    for row in grid:
        cells = [s.cell for s in row if s is not None and s.origin]
        if len(cells) == 2 and not ORDINAL.match(cell_text(cells[0])):
            return None
        rows.append(cells)
    return titles, rows


def _owner_table(el):
    for anc in el.iterancestors("table"):
        return anc
    return None


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    if not m:
        return 1
    return min(int(m.group(1)), MAX_SPAN)


class _Writer:
    """Walks the tree and collects lines: blocks end lines, inline text joins the current one."""

    def __init__(self, tree) -> None:
        self.tree = tree
        self.lines: list[tuple[str, str]] = []
        self.buf: list[str] = []
        self.buf_path = ""

    def _path(self, el) -> str:
        return self.tree.getpath(el) if self.tree is not None else ""

    def flush(self) -> None:
        text = _clean("".join(self.buf))
        if text.strip():
            self.lines.append((text, self.buf_path))
        self.buf = []

    def text(self, s: str | None, el) -> None:
        if s:
            if not self.buf:
                self.buf_path = self._path(el)
            self.buf.append(s)

    def block(self, el) -> None:
        self.flush()
        self.text(el.text, el)
        for child in el:
            self.node(child, el)
        self.flush()

    def node(self, el, parent) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "table":
            self.table(el)
        elif tag == "br":
            self.flush()
        elif tag == "sup" and _is_footnote_mark(el):
            pass
        elif tag in BLOCK_TAGS or tag in ("td", "th", "tr", "tbody", "thead", "tfoot"):
            self.block(el)
        elif tag:
            self.text(el.text, el)
            for child in el:
                self.node(child, el)
        self.text(el.tail, parent)

    def table(self, el) -> None:
        self.flush()
        path = self._path(el)
        caption = el.find("caption")
        if caption is not None and caption.text_content().strip():
            self.lines.append((_clean(caption.text_content()), self._path(caption)))
        frame = frame_rows(el)
        if frame is not None:  # a box drawn as a table: its lines, blocks of a cell one per line
            titles, rows = frame
            self.lines.extend((title, path) for title in titles)
            for cells in rows:
                for cell in cells:
                    self.block(cell)
            return
        titles, rows = table_rows(el)
        self.lines.extend((title, path) for title in titles)
        self.lines.append(("", path))
        self.lines.extend((line, path) for line in pipe_lines(rows))
        self.lines.append(("", path))

    def result(self) -> HtmlText:
        self.flush()
        return assemble(self.lines)


def _is_footnote_mark(el) -> bool:
    """``<sup>12</sup>`` after a word is a footnote marker; after a digit or a unit it is an exponent."""
    if not _FOOTNOTE_SUP.match(el.text_content()):
        return False
    prev = el.getprevious()
    before = (prev.tail if prev is not None else el.getparent().text) or ""
    if prev is not None and not before.strip():
        before = prev.text_content()
    before = before.rstrip()
    if not before:
        return True
    mark = el.text_content().strip()
    if before[-1].isdigit():
        return False
    return not (mark in ("2", "3") and re.search(r"(?:^|[^A-Za-z])(?:[kcdm]?m)$", before))


def _clean(text: str) -> str:
    text = _BREAK_BETWEEN_CJK.sub("", text)
    text = _SPACES.sub(" ", text).replace("\xa0", " ")
    return text.strip(" ")
