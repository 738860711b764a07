"""Reading a plan published as a Word document (.docx): its paragraphs and tables -> the plan's text.

python-docx reads the package; the body is walked in order:

- each paragraph is a line (a manual line break ``<w:br/>`` starts a new one); its style name
  (``Heading 1``, ``Title`` ...) goes into the line's source, the text layouts find headings by their
  numbering as in any text;
- each table is written as the web reader writes a ``<table>``: merged cells expanded (``gridSpan``
  to the right, ``vMerge`` downwards: the text where the cell starts, empty where it spans), a title
  row across the table above it, a 专栏 box drawn as a table as its lines;
- content controls (``<w:sdt>``, e.g. a table of contents) are read through.

Each line's source is ``paragraph N (style)`` or ``table N row R``.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from kg.loaders.readers.decode import PlanInputError
from kg.loaders.readers.grid import Grid, Slot, grid_lines
from kg.loaders.readers.lines import ReaderText, assemble

DOCUMENT = "word/document.xml"
MAX_XML = 256 * 1024 * 1024  # an unpacked document.xml past this is a zip bomb, not a plan


def _check_package(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if DOCUMENT not in names:
                kind = (
                    "an OpenDocument file (save it as .docx)"
                    if "content.xml" in names
                    else "not a Word .docx"
                )
                raise PlanInputError(
                    f"{name}: a ZIP archive that is {kind}; give a .docx, PDF, web page or text"
                )
            if archive.getinfo(DOCUMENT).file_size > MAX_XML:
                raise PlanInputError(f"{name}: the Word document unpacks to over {MAX_XML // 2**20} MiB")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as err:
        raise PlanInputError(f"{name}: a damaged or truncated ZIP/Word file ({err})") from None


def docx_plan_text(data: bytes, name: str = "input", encoding: str | None = None) -> ReaderText:
    """The plan's text from the bytes of a .docx (``encoding`` is for text files: not used)."""
    import docx
    import lxml.etree
    from docx.opc.exceptions import OpcError

    _check_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_body_blocks(document))
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError,
            RuntimeError, OSError, lxml.etree.XMLSyntaxError) as err:  # fmt: skip
        raise PlanInputError(
            f"{name}: not a readable Word document ({' '.join(str(err).split())[:80]})"
        ) from None
    result = assemble(blocks)
    if not result.text.strip():
        raise PlanInputError(f"{name}: the Word document has no text")
    return result


def _body_blocks(document):
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    counts = {"p": 0, "tbl": 0}

    def walk(parent):
        for el in parent.iterchildren():
            if el.tag == qn("w:p"):
                counts["p"] += 1
                paragraph = Paragraph(el, document)
                style = _style_name(paragraph)
                where = f"paragraph {counts['p']}" + (f" ({style})" if style else "")
                for line in paragraph.text.split("\n"):
                    yield (line.strip(" \t\r") if line.strip() else "", where)
                yield ("", where)
            elif el.tag == qn("w:tbl"):
                counts["tbl"] += 1
                where = f"table {counts['tbl']}"
                yield ("", where)
                for line in grid_lines(_grid(Table(el, document))):
                    yield (line, where)
                yield ("", where)
            elif el.tag == qn("w:sdt"):
                content = el.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def _style_name(paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return ""
    return style.name if style is not None and style.name else ""


def _grid(table) -> Grid:
    """Rows of the table's grid: a cell where it starts, ``None`` where a merged cell spans."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    rows: list[list[tuple[tuple[str, ...], int] | None]] = []
    for tr in table._tbl.tr_lst:
        row: list[tuple[tuple[str, ...], int] | None] = [None] * int(tr.grid_before or 0)
        for tc in tr.tc_lst:
            span = max(1, min(int(tc.grid_span or 1), 100))
            if tc.vMerge == "continue":
                row.extend([None] * span)
                continue
            texts = [Paragraph(p, table).text for p in tc.iter(qn("w:p"))]
            paragraphs = tuple(
                line.strip(" \t\r") for text in texts for line in text.split("\n") if line.strip()
            )
            row.extend([(paragraphs, span)] + [None] * (span - 1))
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    return [
        [Slot(cell[0], cell[1] >= width) if cell else None for cell in row] + [None] * (width - len(row))
        for row in rows
    ]
