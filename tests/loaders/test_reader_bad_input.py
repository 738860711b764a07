"""Bad published files: one clear line on stderr, exit code 2, nothing written (as for text)."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.fixtures.published import ENCRYPTED_PDF, GUANGZHOU_DOCX, SCANNED_PDF, portal_without_plan


def _zip_of(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, content in names.items():
            archive.writestr(name, content)
    return buf.getvalue()


CASES = {
    "scanned-pdf": ("scan.pdf", lambda: SCANNED_PDF.read_bytes(), "has no text layer"),
    "encrypted-pdf": ("locked.pdf", lambda: ENCRYPTED_PDF.read_bytes(), "encrypted"),
    "truncated-pdf": ("cut.pdf", lambda: SCANNED_PDF.read_bytes()[:20000], "truncated"),
    "damaged-pdf": (
        "bad.pdf",
        lambda: b"%PDF-1.7\n1 0 obj <</Type /Catalog>>\n%%EOF\n",
        "not a readable PDF",
    ),
    "truncated-docx": ("cut.docx", lambda: GUANGZHOU_DOCX.read_bytes()[:60000], "damaged or truncated"),
    "zip-not-docx": ("data.docx", lambda: _zip_of({"a.csv": b"x,y\n1,2\n"}), "not a Word .docx"),
    "odt": ("plan.docx", lambda: _zip_of({"mimetype": b"x", "content.xml": b"<x/>"}), "OpenDocument"),
    "pdf-name-not-pdf": ("plan.pdf", lambda: "第一章 总则\n".encode() * 3, "not a PDF file"),
    "old-doc": ("plan.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "save it as .docx"),
    "portal-page": ("index.html", lambda: portal_without_plan().encode("utf-8"), "no plan structure found"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_published_file_exits_2_with_one_line_and_writes_nothing(tmp_path, case):
    name, content, message = CASES[case]
    doc = tmp_path / name
    doc.write_bytes(content())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(doc), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.output.strip().count("\n") == 0, result.output
    assert "Traceback" not in result.output
    assert not out.exists()
