"""Reading plan files: bytes -> text, with clear one-line errors for input that is not a plan.

The decoded text (line endings normalised to ``\\n``) is "the input" that every quote is an exact
substring of. A web page, PDF or Word document (chosen by content sniffing, see ``registry``) is first
written as such a text by its reader (``html``, ``pdf``, ``docx``).
"""

from __future__ import annotations

import codecs
from pathlib import Path

# Beyond this a file is not a plan outline (the longest real ones are a few MB); refuse early. The build
# takes about 1.4 s and 45 MB of memory per MiB of text (docs/robustness.md), so 16 MiB stays bounded.
MAX_BYTES = 16 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class PlanInputError(Exception):
    """Input that cannot be read as a plan; the message is one line that says how to fix it."""


def _looks_chinese(text: str) -> bool:
    sample = text[:20000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return cjk >= max(10, len(sample.strip()) // 10)


def _punctuation(text: str) -> int:
    sample = text[:20000]
    return sum(sample.count(mark) for mark in "，。、；")


def _rather_big5(data: bytes, gb18030_text: str) -> bool:
    """Big5 bytes often decode as GB18030 too, to nonsense: the real reading has Chinese punctuation."""
    try:
        big5_text = data.decode("big5")
    except UnicodeDecodeError:
        return False
    return _punctuation(big5_text) > _punctuation(gb18030_text)


def decode_plan_bytes(data: bytes, name: str = "input", encoding: str | None = None) -> str:
    if not data.strip():
        raise PlanInputError(f"{name}: the file is empty")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise PlanInputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as err:
            raise PlanInputError(
                f"{name}: not valid {encoding} (byte {err.start}); check --encoding"
            ) from None
    else:
        text = _decode_guess(data, name)
    if "\x00" in text:
        raise PlanInputError(f"{name}: looks like a binary file (NUL bytes), not a plan text")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PlanInputError(f"{name}: the file is empty")
    return text


def _decode_guess(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise PlanInputError(f"{name}: has a {codec} byte-order mark but does not decode") from None
    if b"\x00" in data:
        raise PlanInputError(
            f"{name}: looks like a binary file (NUL bytes), not a plan text; "
            "if it is UTF-16 without a byte-order mark, try --encoding utf-16-le (or utf-16-be)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text) and not _rather_big5(data, text):
        return text
    raise PlanInputError(
        f"{name}: not UTF-8 (byte {utf8_error.start}) and not GB18030 Chinese text; "
        "try --encoding (e.g. gbk, big5, utf-16)"
    )


def read_plan_text(path: str | Path, encoding: str | None = None) -> str:
    """The text of a plan file; a PDF, Word document or web page gives the text its reader writes
    (``kg.loaders.readers.registry``: content sniffing, the extension as a hint)."""
    return read_plan(path, encoding).text


def read_plan(path: str | Path, encoding: str | None = None):
    """The plan's text and where each line came from (a ``ReaderText``)."""
    from kg.loaders.readers.lines import ReaderText
    from kg.loaders.readers.registry import read_plan_bytes

    data, reader = read_plan_bytes(path)
    if reader is not None:
        return reader.read(data, str(path), encoding)
    return ReaderText(decode_plan_bytes(data, str(path), encoding))
