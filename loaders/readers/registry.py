"""Which reader reads a file: content sniffing first (``%PDF-``, a ZIP archive, an HTML document),
the file name's extension as a hint (a ``.pdf`` that is no PDF is refused as such), else text."""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from kg.loaders.readers.decode import MAX_BYTES, PlanInputError
from kg.loaders.readers.lines import ReaderText
from kg.loaders.readers.sniff import looks_like_html, looks_like_pdf, looks_like_zip

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old binary Word .doc (or .xls, .ppt)


@dataclass(frozen=True)
class Reader:
    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes, str], bool]
    target: str  # "module:function" of ``read(data, name, encoding) -> ReaderText``, imported on use
    max_bytes: int  # a published file is mostly fonts and images: more bytes than a text

    def read(self, data: bytes, name: str, encoding: str | None) -> ReaderText:
        module, function = self.target.split(":")
        return getattr(import_module(module), function)(data, name, encoding)


MiB = 1024 * 1024
READERS = (
    Reader("pdf", (".pdf",), looks_like_pdf, "kg.loaders.readers.pdf:pdf_plan_text", 256 * MiB),
    Reader("docx", (".docx",), looks_like_zip, "kg.loaders.readers.docx:docx_plan_text", 256 * MiB),
    Reader(
        "html",
        (".html", ".htm", ".xhtml", ".shtml"),
        looks_like_html,
        "kg.loaders.readers.html:html_plan_text",
        16 * MiB,
    ),
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


HEAD_BYTES = 65536  # enough for every sniffer
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def size_in_mib(size: int) -> str:
    """A size in MiB rounded up to a tenth, so an over-limit size never reads as the limit.

    >>> size_in_mib(16 * MiB + 1), size_in_mib(int(16.3 * MiB)), size_in_mib(47 * MiB)
    ('16.1 MiB', '16.3 MiB', '47 MiB')
    """
    tenths = math.ceil(size * 10 / MiB)
    return f"{tenths // 10} MiB" if tenths % 10 == 0 else f"{tenths / 10:.1f} MiB"


def _refuse_special(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise PlanInputError(f"{path}: is a folder; give a plan text file")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise PlanInputError(f"{path}: {kind}, not a regular file; give a plan file")


def _over(path: Path, size: int | None, limit: int) -> PlanInputError:
    said = f"{size_in_mib(size)} is" if size is not None else "more bytes than its size says,"
    return PlanInputError(f"{path}: {said} over the {size_in_mib(limit)} limit for one plan")


def read_plan_bytes(path: str | Path) -> tuple[bytes, Reader | None]:
    """The bytes of a plan file and its reader (None: a text file), read safely.

    Only a regular file is read: a FIFO, a device (``/dev/zero``) or a socket is refused from its
    ``stat`` and is opened, if at all, without blocking (``O_NONBLOCK``; the open descriptor is
    checked again). Never more than the reader's limit plus one byte is read, whatever the size the
    file claims (``/proc`` files claim 0).
    """
    path = Path(path)
    try:
        _refuse_special(path, os.stat(path).st_mode)
    except FileNotFoundError:
        raise PlanInputError(f"{path}: no such file") from None
    except (UnicodeEncodeError, ValueError) as err:  # lone surrogates, NUL: no file can have that name
        shown = str(path).encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
        reason = "a NUL byte" if isinstance(err, ValueError) else "characters no file name can hold"
        raise PlanInputError(f"{shown}: not a file name ({reason})") from None
    except OSError as err:
        raise PlanInputError(f"{path}: cannot read ({err.strerror})") from None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise PlanInputError(f"{path}: cannot read ({err.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _refuse_special(path, info.st_mode)  # replaced between stat and open
        try:
            head = handle.read(HEAD_BYTES)
            reader = reader_for(head, path.name)
            limit = reader.max_bytes if reader else MAX_BYTES
            if info.st_size > limit:
                raise _over(path, info.st_size, limit)
            rest = handle.read(limit + 1 - len(head)) if len(head) == HEAD_BYTES else b""
        except OSError as err:
            raise PlanInputError(f"{path}: cannot read ({err.strerror})") from None
    data = head + rest
    if len(data) > limit:  # a file larger than its stat said (growing, or a /proc file)
        raise _over(path, None, limit)
    return data, reader
