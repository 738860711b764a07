"""Reading a plan published as a PDF file: the text layer -> the plan's text, one block per line.

pdfplumber (on pdfminer.six) gives each character with its box; from them:

- lines are the characters on one baseline, in x order; a gap of a fifth of the font size is a
  space, a gap of two characters or more is written as a run of spaces (columns aligned by position,
  which the text layouts read as a spaced table);
- page artefacts are set aside: lines at the top or bottom of a page whose text (digits masked)
  repeats on many pages (running titles, file names, dates) and lone page numbers (``— 13 —``,
  ``13/112``, ``第13页``);
- paragraphs are rejoined across lines and pages: a line continues the one before when that one was
  full (the next line's first character would not have fitted), it is not indented and has the same
  font size; between Chinese characters without a space, as a browser would;
- tables are found from the PDF's ruling lines (pdfplumber's lattice finder) and written as the web
  reader writes a ``<table>``: a pipe table with spanned positions empty, a title row above it, a
  专栏 box drawn as a table as its lines; a table that goes on over a page break is one table (a
  header row repeated at the top of the next page is dropped).

Each line's source is ``page N (x0,top,x1,bottom)`` (PDF points from the page's top left).
No OCR: a PDF without a text layer is refused with one line that says so.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import struct
import zlib
from collections import Counter
from dataclasses import dataclass, field

from kg.loaders.lexicon.patterns import BOX_START, HEADING_START
from kg.loaders.readers.decode import PlanInputError
from kg.loaders.readers.grid import Grid, Slot, grid_lines
from kg.loaders.readers.lattice import THIN, Lattice, cluster, find_lattices
from kg.loaders.readers.lines import ReaderText, assemble, join_wrapped

PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·•|]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|of|共)\s*\d{1,4}\s*页?)?[\s\-—–_·•|]*$", re.I
)
BAND = 0.1  # the top and bottom tenth of a page hold its running headers and footers
_DIGITS = re.compile(r"\d+")
# pdfminer raises these on damaged files (besides its own PSException family)
_BROKEN = (ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError, struct.error,
           zlib.error, RecursionError, OverflowError, MemoryError, NotImplementedError)  # fmt: skip


@dataclass
class Line:
    """Characters on one baseline of a page."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    text: str
    first_width: float

    def where(self) -> str:
        return f"page {self.page} ({self.x0:.0f},{self.top:.0f},{self.x1:.0f},{self.bottom:.0f})"


@dataclass
class Table:
    page: int
    bbox: tuple[float, float, float, float]
    grid: Grid
    xs: list[float] = field(default_factory=list)
    last_page: int = 0  # the page it ends on, when it goes on over page breaks
    open_bottom: bool = False  # no rule along its bottom: its last row goes on on the next page

    def where(self) -> str:
        x0, top, x1, bottom = self.bbox
        return f"page {self.page} table ({x0:.0f},{top:.0f},{x1:.0f},{bottom:.0f})"


Page = tuple[list[Line], list[Table], float]  # lines, tables, height


def pdf_plan_text(data: bytes, name: str = "input", encoding: str | None = None) -> ReaderText:
    """The plan's text from the bytes of a PDF (``encoding`` is for text files: not used)."""
    import pdfminer.psexceptions
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if b"%%EOF" not in data[-1024:]:  # pdfminer would read what is left: half a plan
        raise PlanInputError(f"{name}: the PDF is truncated (no %%EOF at its end); download it again")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_read_page(page, n) for n, page in enumerate(pdf.pages, 1)]
    except (PDFEncryptionError, PdfminerException) as err:
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(cause, PDFEncryptionError) or "password" in str(err).lower():
            raise PlanInputError(
                f"{name}: the PDF is encrypted (password protected); save an unprotected copy first"
            ) from None
        raise PlanInputError(f"{name}: not a readable PDF (damaged or truncated: {_short(cause)})") from None
    except (pdfminer.psexceptions.PSException, MalformedPDFException, *_BROKEN) as err:
        raise PlanInputError(f"{name}: not a readable PDF (damaged or truncated: {_short(err)})") from None
    if not pages:
        raise PlanInputError(f"{name}: the PDF has no pages")
    chars = sum(len(line.text.strip()) for lines, _, _ in pages for line in lines)
    chars += sum(1 for _, tables, _ in pages for t in tables for row in t.grid for s in row if s and s.text)
    if not chars:
        raise PlanInputError(
            f"{name}: the PDF has no text layer (scanned pages?); this tool does no OCR: "
            "run OCR first (e.g. ocrmypdf) or give a text version"
        )
    text = "".join(line.text for lines, _, _ in pages for line in lines)
    if text.count("(cid:") * 6 > len(text) / 2:
        raise PlanInputError(f"{name}: the PDF's fonts map no characters to Unicode; its text cannot be read")
    return _write(pages)


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text[:80]


def _read_page(page, number: int) -> Page:
    page = page.dedupe_chars()
    chars = page.chars
    tables = []
    for lattice in find_lattices(_rules(page)):
        inside = [c for c in chars if _inside(c, lattice.bbox)]
        if inside:
            chars = [c for c in chars if not _inside(c, lattice.bbox)]
            grid = _grid(lattice, inside, number)
            tables.append(Table(number, lattice.bbox, grid, lattice.xs, number, lattice.open_bottom))
    return _lines(chars, number), tables, float(page.height)


def _inside(obj, box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _rules(page) -> list[tuple[str, float, float, float]]:
    """The page's ruling lines as ("h", y, x0, x1) / ("v", x, top, bottom): lines, thin or stroked
    rectangles (a filled background is no rule)."""
    rules = []
    for obj in page.lines:
        if abs(obj["top"] - obj["bottom"]) < 1:
            rules.append(("h", obj["top"], obj["x0"], obj["x1"]))
        elif abs(obj["x0"] - obj["x1"]) < 1:
            rules.append(("v", obj["x0"], obj["top"], obj["bottom"]))
    for r in page.rects:
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if h <= THIN and w > THIN:
            rules.append(("h", (r["top"] + r["bottom"]) / 2, r["x0"], r["x1"]))
        elif w <= THIN and h > THIN:
            rules.append(("v", (r["x0"] + r["x1"]) / 2, r["top"], r["bottom"]))
        elif r.get("stroke") and w > THIN and h > THIN:
            for y in (r["top"], r["bottom"]):
                rules.append(("h", y, r["x0"], r["x1"]))
            for x in (r["x0"], r["x1"]):
                rules.append(("v", x, r["top"], r["bottom"]))
    return rules


def _grid(lattice: Lattice, chars: list[dict], number: int) -> list[list[Slot | None]]:
    """Each cell's paragraphs from the characters inside it; ``None`` where a cell spans over."""
    by_cell: dict[int, list[dict]] = {}
    for ch in chars:
        slot = lattice.slot_of((ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2)
        if slot is not None:
            by_cell.setdefault(lattice.cell_of[slot], []).append(ch)
    grid: list[list[Slot | None]] = []
    for i in range(lattice.rows):
        row: list[Slot | None] = []
        for j in range(lattice.cols):
            cell = lattice.cell_of[(i, j)]
            if cell != (i, j):
                row.append(None)
                continue
            bbox = lattice.cell_bbox(cell)
            paragraphs = _paragraphs(_lines(by_cell.get(cell, []), number), bbox)
            row.append(Slot(tuple(paragraphs), lattice.width_of(cell) == lattice.cols))
        grid.append(row)
    return grid


def _lines(chars: list[dict], page: int) -> list[Line]:
    """Characters grouped by baseline (a character joins a line whose middle it overlaps); small
    characters raised inside a line are superscripts: a footnote mark after a word is dropped (as
    the web reader drops ``<sup>``), an exponent after a digit kept."""
    chars = [c for c in chars if c["text"] and (not c["text"].isspace() or c["text"] == "\u3000")]
    if not chars:
        return []
    body = statistics.median(c["size"] for c in chars)
    small = [c for c in chars if c["size"] < 0.9 * body]
    rows: list[list[dict]] = []
    for ch in sorted((c for c in chars if c["size"] >= 0.9 * body), key=_reading_order):
        if rows and abs(rows[-1][0]["bottom"] - ch["bottom"]) <= 0.4 * max(ch["size"], 1):
            rows[-1].append(ch)
        else:
            rows.append([ch])
    loose = []
    for ch in small:
        mid = (ch["top"] + ch["bottom"]) / 2
        row = next((r for r in rows if r[0]["top"] <= mid <= r[0]["bottom"] > ch["bottom"]), None)
        if row is None:
            loose.append(ch)
        else:
            row.append(dict(ch, sup=True))
    for ch in sorted(loose, key=_reading_order):
        same = next((r for r in rows if abs(r[0]["bottom"] - ch["bottom"]) <= 0.4 * max(ch["size"], 1)), None)
        if same is None:
            rows.append([ch])
        else:
            same.append(ch)
    lines = []
    for row in rows:
        row = _without_footnote_marks(sorted(row, key=lambda c: c["x0"]))
        size = statistics.median(c["size"] for c in row) if row else 1
        text = _spaced(row, size).strip(" ")
        if text.strip():
            lines.append(
                Line(
                    page,
                    row[0]["x0"],
                    min(c["top"] for c in row),
                    row[-1]["x1"],
                    max(c["bottom"] for c in row),
                    size,
                    text,
                    row[0]["x1"] - row[0]["x0"],
                )  # fmt: skip
            )
    lines.sort(key=lambda line: line.top)
    return lines


def _reading_order(ch: dict) -> tuple[float, float]:
    return (round(ch["bottom"], 1), ch["x0"])


def _without_footnote_marks(row: list[dict]) -> list[dict]:
    out: list[dict] = []
    i = 0
    while i < len(row):
        if not row[i].get("sup"):
            out.append(row[i])
            i += 1
            continue
        j = i
        while j < len(row) and row[j].get("sup"):
            j += 1
        mark = "".join(c["text"] for c in row[i:j])
        before = out[-1]["text"] if out else ""
        after_number = before.isdigit() or before in ("m", "M")  # 10¹², m²: an exponent
        footnote = re.fullmatch(r"[\[［(（]?\d{1,3}[\]］)）]?", mark) and not after_number
        if not footnote:
            out.extend(row[i:j])
        elif j < len(row):  # the gap after the mark is the mark's place, not a space
            row[j] = dict(row[j], after=row[j - 1]["x1"])
        i = j
    return out


def _spaced(row: list[dict], size: float) -> str:
    """The text of one line: a space for a gap of a fifth of the font size, a run for wide gaps."""
    parts = []
    prev = None
    for ch in row:
        if prev is not None:
            gap = ch["x0"] - ch.get("after", prev["x1"])
            if gap >= 1.8 * size:
                parts.append(" " * max(2, min(8, round(gap / size))))
            elif gap >= 0.2 * size:
                parts.append(" ")
        parts.append(ch["text"])
        prev = ch
    return "".join(parts)


def _paragraphs(lines: list[Line], bbox) -> list[str]:
    """Lines of one cell joined where the text was wrapped (the next word would not have fitted)."""
    if not lines:
        return []
    pad = max(0.0, min(line.x0 - bbox[0] for line in lines))
    right = bbox[2] - pad
    paragraphs = [lines[0].text]
    for prev, line in zip(lines, lines[1:], strict=False):
        if prev.x1 + line.first_width > right + 0.5 and not line.text.startswith("\u3000"):
            paragraphs[-1] = join_wrapped(paragraphs[-1], line.text)
        else:
            paragraphs.append(line.text)
    return paragraphs


def _artefacts(pages: list[Page]) -> set[int]:
    """ids of the lines that are page furniture: repeated in the top/bottom band, or page numbers."""
    marked: set[int] = set()
    bands: list[Line] = []
    for lines, _, height in pages:
        for line in lines[:2] + lines[-2:]:
            if line.bottom <= BAND * height or line.top >= (1 - BAND) * height:
                bands.append(line)
    repeated = Counter(_DIGITS.sub("#", line.text) for line in bands)
    need = max(2, len(pages) // 2)
    for line in bands:
        if PAGE_NUMBER.match(line.text) or (len(pages) > 1 and repeated[_DIGITS.sub("#", line.text)] >= need):
            marked.add(id(line))
    return marked


def _write(pages: list[Page]) -> ReaderText:
    furniture = _artefacts(pages)
    artefacts = [
        (line.text, line.where()) for lines, _, _ in pages for line in lines if id(line) in furniture
    ]
    body = [line for lines, _, _ in pages for line in lines if id(line) not in furniture]
    right = _column_right(body)
    left = _column_left(body)
    items: list[Line | Table] = []
    for lines, tables, _ in pages:
        page_items: list[Line | Table] = [line for line in lines if id(line) not in furniture]
        page_items += tables
        page_items.sort(key=lambda item: item.top if isinstance(item, Line) else item.bbox[1])
        items += page_items
    blocks: list[tuple[str, str]] = []
    prev: Line | Table | None = None
    for item in _merged_tables(items):
        if isinstance(item, Table):
            blocks.append(("", item.where()))
            blocks.extend((line, item.where()) for line in grid_lines(item.grid))
        elif isinstance(prev, Line) and _continues(prev, item, left, right):
            text, where = blocks[-1]
            blocks[-1] = (join_wrapped(text, item.text), where)
        else:
            centred = abs((item.x0 + item.x1) - (left + right)) < item.size
            blocks.append((("" if centred else _indent(item, left)) + item.text, item.where()))
        prev = item
    result = assemble(blocks)
    result.artefacts = artefacts
    return result


def _indent(line: Line, left: float) -> str:
    """A paragraph's first-line indent as the full-width spaces a text version has (one or four em)."""
    ems = round((line.x0 - left) / max(line.size, 1))
    return "\u3000" * ems if 1 <= ems <= 2 else ""


def _column_right(lines: list[Line]) -> float:
    ends = sorted(line.x1 for line in lines if len(line.text) >= 10)
    return ends[int(0.98 * (len(ends) - 1))] if ends else 0.0


def _column_left(lines: list[Line]) -> float:
    starts = sorted(line.x0 for line in lines)
    return starts[int(0.02 * (len(starts) - 1))] if starts else 0.0


def _continues(prev: Line, line: Line, left: float, right: float) -> bool:
    """Whether ``line`` goes on with the paragraph of ``prev``: ``prev`` was full, ``line`` is not
    indented and has the same font size."""
    full = prev.x1 + line.first_width > right + 0.5
    indented = line.x0 > left + 0.8 * line.size
    centred = abs((line.x0 + line.x1) - (left + right)) < line.size  # a centred title's second line
    heading = HEADING_START.match(line.text) or BOX_START.match(line.text) or line.text.startswith("\u3000")
    return full and not heading and (not indented or centred) and abs(prev.size - line.size) < 0.5


def _merged_tables(items: list[Line | Table]) -> list[Line | Table]:
    """A table at the end of a page followed by one at the top of the next with the same outer
    edges is one table (columns put on the union of both column grids); a first row that repeats
    the table's header row is dropped."""
    out: list[Line | Table] = []
    for item in items:
        last = out[-1] if out else None
        if (
            isinstance(item, Table)
            and isinstance(last, Table)
            and item.page == max(last.page, last.last_page) + 1
            and abs(item.bbox[0] - last.bbox[0]) < 2
            and abs(item.bbox[2] - last.bbox[2]) < 2
        ):
            xs = cluster(last.xs + item.xs)
            above, below = _on_columns(last.grid, last.xs, xs), _on_columns(item.grid, item.xs, xs)
            header = next((row for row in above if not (row[0] and row[0].whole_row)), None)
            if header is not None and _row_text(below[0]) == _row_text(header):
                below = below[1:]
            elif last.open_bottom and below:  # a row cut by the page break: its two parts are one
                above = above[:-1] + [_joined_row(above[-1], below[0])]
                below = below[1:]
            out[-1] = Table(last.page, last.bbox, above + below, xs, item.page, item.open_bottom)
        else:
            out.append(item)
    return out


def _on_columns(grid: Grid, xs: list[float], union: list[float]) -> Grid:
    """A grid put on finer columns: a cell starts in the first of the columns it now covers."""
    starts = [next(k for k, x in enumerate(union) if x >= edge - 2) for edge in xs[:-1]]
    out = []
    for row in grid:
        new: list[Slot | None] = [None] * (len(union) - 1)
        for j, slot in enumerate(row):
            new[starts[j]] = slot
        out.append(new)
    return out


def _joined_row(top: list[Slot | None], rest: list[Slot | None]) -> list[Slot | None]:
    out: list[Slot | None] = []
    for a, b in zip(top, rest, strict=True):
        if a is None or b is None or not b.paragraphs:
            out.append(a if a is not None else b)
        elif not a.paragraphs:
            out.append(Slot(b.paragraphs, a.whole_row))
        else:
            first = join_wrapped(a.paragraphs[-1], b.paragraphs[0])
            out.append(Slot((*a.paragraphs[:-1], first, *b.paragraphs[1:]), a.whole_row))
    return out


def _row_text(row: list[Slot | None]) -> list[str]:
    return [s.text if s is not None else "" for s in row]
