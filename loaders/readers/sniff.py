"""Content sniffing: what kind of file a plan is, from its first bytes (and its name as a hint).

Kept apart from the readers, so that telling a text file from a PDF, a Word document or a web page
imports none of them (the HTML reader alone brings lxml).
"""

from __future__ import annotations

import codecs
import re

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"


def looks_like_pdf(data: bytes, name: str = "") -> bool:
    """``%PDF-`` in the first KiB (the format allows bytes before it).

    >>> looks_like_pdf(b"%PDF-1.7\\n..."), looks_like_pdf("第一章".encode())
    (True, False)
    """
    return PDF_MAGIC in data[:1024]


def looks_like_zip(data: bytes, name: str = "") -> bool:
    """A ZIP archive (a .docx is one; the reader says if it is not a Word file).

    >>> looks_like_zip(b"PK\\x03\\x04..."), looks_like_zip(b"%PDF-1.7")
    (True, False)
    """
    return data.startswith(ZIP_MAGIC)


def looks_like_html(data: bytes, name: str = "") -> bool:
    """The first non-blank bytes open an HTML document (``<!DOCTYPE html``, ``<html``, ...); a
    ``.html``/``.htm`` name is a hint when a tag comes later.

    >>> looks_like_html(b"  <!DOCTYPE html><html><body>x</body></html>")
    True
    >>> looks_like_html("第一章 总则\\n<p>".encode())
    False
    """
    head = _sniff_head(data).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")):
        return True
    if head.startswith((b"<!--", b"<?xml")) and re.search(rb"<html[\s>]", head[:8192]):
        return True
    html_name = re.search(r"\.(?:x?html?|shtml)$", name, re.I) is not None
    return (
        html_name
        and head.startswith(b"<")
        and re.search(rb"<(?:html|body|p|div|table)[\s>]", head) is not None
    )


def _sniff_head(data: bytes) -> bytes:
    head = data[:65536]
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if head.startswith(bom):
            return head.decode(codec, errors="ignore").encode("utf-8")
    return head.removeprefix(codecs.BOM_UTF8)
