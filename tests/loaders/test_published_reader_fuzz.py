"""Fuzzing the PDF and Word readers as the text reader is fuzzed: damaged bytes give a text or one
PlanInputError of one line, never another exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.loaders.readers.decode import PlanInputError
from kg.loaders.readers.docx import docx_plan_text
from kg.loaders.readers.pdf import pdf_plan_text
from tests.fixtures.published import GUANGZHOU_DOCX, SCANNED_PDF
from tests.robustness.conftest import ROBUST

PDF = SCANNED_PDF.read_bytes()
DOCX = GUANGZHOU_DOCX.read_bytes()


def _damaged(data: bytes):
    """The file with a few byte ranges overwritten, cut or repeated."""
    edit = st.tuples(st.integers(0, len(data) - 1), st.binary(min_size=1, max_size=64))
    return st.lists(edit, min_size=1, max_size=4).map(lambda edits: _apply(data, edits))


def _apply(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for at, patch in edits:
        out[at : at + len(patch)] = patch
    return bytes(out)


def read_or_input_error(reader, data: bytes) -> None:
    try:
        result = reader(data, "fuzz")
    except PlanInputError as err:
        assert "\n" not in str(err) and str(err).startswith("fuzz: ")
        return
    assert isinstance(result.text, str)


@settings(ROBUST, max_examples=25)
@given(_damaged(PDF))
def test_damaged_pdf(data):
    read_or_input_error(pdf_plan_text, data)


@settings(ROBUST, max_examples=25)
@given(st.binary(max_size=400))
def test_random_bytes_after_pdf_magic(data):
    read_or_input_error(pdf_plan_text, b"%PDF-1.7\n" + data + b"\n%%EOF\n")


@settings(ROBUST, max_examples=15)
@given(_damaged(DOCX))
def test_damaged_docx(data):
    read_or_input_error(docx_plan_text, data)
