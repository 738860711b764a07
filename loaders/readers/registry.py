"""Which reader reads a file: content sniffing first (``%PDF-``, a ZIP archive, an HTML document),
the file name's extension as a hint (a ``.pdf`` that is no PDF is refused as such), else text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.loaders.readers.decode import PlanInputError
from kg.loaders.readers.docx import docx_plan_text, looks_like_zip
from kg.loaders.readers.html import html_plan_text, looks_like_html
from kg.loaders.readers.lines import ReaderText
from kg.loaders.readers.pdf import looks_like_pdf, pdf_plan_text

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old binary Word .doc (or .xls, .ppt)


@dataclass(frozen=True)
class Reader:
    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes, str], bool]
    read: Callable[[bytes, str, str | None], ReaderText]
    max_bytes: int  # a published file is mostly fonts and images: more bytes than a text


MiB = 1024 * 1024
READERS = (
    Reader("pdf", (".pdf",), looks_like_pdf, pdf_plan_text, 256 * MiB),
    Reader("docx", (".docx",), looks_like_zip, docx_plan_text, 256 * MiB),
    Reader("html", (".html", ".htm", ".xhtml", ".shtml"), looks_like_html, html_plan_text, 16 * MiB),
)


def reader_for(head: bytes, name: str) -> Reader | None:
    """The reader of a file that starts with ``head``; None for a text file."""
    for reader in READERS:
        if reader.sniff(head, name):
            return reader
    if head.startswith(OLE2):
        raise PlanInputError(f"{name}: an old binary Office file (.doc); save it as .docx or PDF")
    ext = re.search(r"\.[A-Za-z]+$", name)
    for reader in READERS:
        if ext and ext.group(0).lower() in reader.extensions and reader.name != "html":
            raise PlanInputError(
                f"{name}: named {ext.group(0)} but not a {reader.name.upper()} file (damaged?)"
            )
    return None
