"""Make the committed test files of published forms from the real Guangzhou web page, with real tools:

- tests/data/guangzhou-15th-five-year-plan-outline.docx: the page's print view (tests/fixtures/
  published.py) converted by LibreOffice (``soffice --convert-to docx``);
- tests/data/published/scanned-page.pdf: a page of the Chromium-printed PDF rendered to an image
  (poppler's ``pdftoppm``) and printed again by Chromium: a PDF without a text layer, as a scan is;
- tests/data/published/encrypted.pdf: that file encrypted by ``qpdf`` (AES-256, user password).

Needs: chromium, libreoffice-writer-nogui, poppler-utils, qpdf (Debian packages). Run from the repo:
``.venv/bin/python scripts/make_format_fixtures.py``. The PDF of the whole plan is not committed (a few
MB); the tests print it (tests/fixtures/published.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fixtures.published import (  # noqa: E402
    BAD,
    ENCRYPTED_PDF,
    GUANGZHOU_DOCX,
    SCANNED_PDF,
    print_copy,
    print_pdf,
)


def run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


def main() -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-fixtures-") as tmp:
        folder = Path(tmp)
        html = folder / "guangzhou-15th-five-year-plan-outline.html"
        html.write_text(print_copy(), encoding="utf-8")
        profile = f"-env:UserInstallation=file://{folder}/lo"
        filters = ("--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML")
        run("soffice", "--headless", profile, *filters, "--outdir", str(folder), str(html))
        shutil.copy(folder / "guangzhou-15th-five-year-plan-outline.docx", GUANGZHOU_DOCX)
        pdf = print_pdf(html, folder / "plan.pdf", header_footer=False)
        page_three = ("-f", "3", "-l", "3", "-singlefile")
        run("pdftoppm", "-r", "60", "-gray", "-png", *page_three, str(pdf), str(folder / "scan"))
        (folder / "scan.html").write_text(
            '<!DOCTYPE html><html><body style="margin:0">'
            '<img src="scan.png" style="width:100%"></body></html>',
            encoding="utf-8",
        )
        print_pdf(folder / "scan.html", SCANNED_PDF, header_footer=False)
        run(
            "qpdf",
            "--encrypt",
            "user-secret",
            "owner-secret",
            "256",
            "--",
            str(SCANNED_PDF),
            str(ENCRYPTED_PDF),
        )
    for path in (GUANGZHOU_DOCX, SCANNED_PDF, ENCRYPTED_PDF):
        print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
