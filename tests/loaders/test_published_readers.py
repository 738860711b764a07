"""The Guangzhou plan as a PDF (printed by Chromium) and as a Word document (converted by LibreOffice)
gives the facts of its web page and its text version: structure, indicators, clusters, platform ->
cluster edges, targets. The files are made from the real page by tests/fixtures/published.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.loaders.readers.decode import read_plan
from kg.pipeline import build_graph_from_paths
from tests.facts import clusters, indicators, located_in, structure_counts, supports, targets
from tests.fixtures.published import GUANGZHOU_DOCX, guangzhou_pdf
from tests.plans import GUANGZHOU, GUANGZHOU_HTML, built


@pytest.fixture(scope="session")
def pdf_path(tmp_path_factory):
    return guangzhou_pdf(tmp_path_factory.mktemp("published"))


@pytest.fixture(scope="session")
def pdf_read(pdf_path):
    """The PDF read once (pdfplumber takes 15 s for its 112 pages) for the tests that look at it."""
    return read_plan(pdf_path)


@pytest.fixture(scope="session")
def pdf_graph(pdf_path, pdf_read):
    """The PDF built as any file is (``build_graph_from_paths``), its read being the one above: the
    pipeline's ``read_plan_text`` is ``read_plan(path).text``, answered without reading again."""
    import kg.pipeline

    def read_plan_text(path, encoding=None):
        assert Path(path) == pdf_path
        return pdf_read.text

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.pipeline, "read_plan_text", read_plan_text)
        return build_graph_from_paths([pdf_path])


STRUCTURE = {"Part": 11, "Chapter": 33, "Section": 94, "Box": 12}


def same_facts(graph, reference) -> None:
    assert structure_counts(graph) == structure_counts(reference) == STRUCTURE
    assert indicators(graph) == indicators(reference) and len(indicators(graph)) == 30
    assert clusters(graph) == clusters(reference) and len(clusters(graph)) >= 29
    assert supports(graph) == supports(reference) and len(supports(graph)) >= 60
    assert located_in(graph) == located_in(reference) and len(located_in(graph)) >= 100
    assert targets(graph) == targets(reference) and sum(targets(graph).values()) >= 30


def test_docx_gives_the_facts_of_the_text_and_the_page():
    graph = build_graph_from_paths([GUANGZHOU_DOCX])
    same_facts(graph, built(GUANGZHOU))
    same_facts(graph, built(GUANGZHOU_HTML))


def test_docx_sources_name_paragraphs_and_tables_with_their_styles():
    read = read_plan(GUANGZHOU_DOCX)
    lines = read.text.split("\n")
    where = dict(read.sources)
    first_indicator = next(
        n for n, line in enumerate(lines, 1) if "地区生产总值年均增长" in line and "|" in line
    )
    assert where[first_indicator].startswith("table ")
    heading = next(n for n, line in enumerate(lines, 1) if line.startswith("第一章"))
    assert where[heading].startswith("paragraph ")
    assert "| 经济发展 | 1. 地区生产总值年均增长 |" in read.text


@pytest.mark.requires_chromium
def test_pdf_gives_the_facts_of_the_text_and_the_page(pdf_graph):
    same_facts(pdf_graph, built(GUANGZHOU))
    same_facts(pdf_graph, built(GUANGZHOU_HTML))


@pytest.mark.requires_chromium
def test_pdf_page_headers_footers_and_numbers_are_artefacts_not_text(pdf_read):
    read = pdf_read
    assert read.artefacts, "Chromium prints a date/title header and a file/page-number footer"
    footers = [text for text, _ in read.artefacts if text.endswith("/112") or "/" in text.split()[-1]]
    assert len(footers) >= 100
    assert "门户网站" not in read.text.split("穗府", 1)[-1]  # the running title is gone from the text
    assert "guangzhou-15th" not in read.text


@pytest.mark.requires_chromium
def test_pdf_paragraphs_are_rejoined_and_sources_name_the_page(pdf_read):
    read = pdf_read
    # one paragraph of the page, broken over lines (and a footnote mark dropped) in the PDF
    assert "系统谋划建设“12218”现代化产业体系，制造业立市根基更加厚实" in read.text
    lines = read.text.split("\n")
    where = dict(read.sources)
    n = next(i for i, line in enumerate(lines, 1) if line.startswith("第一章"))
    assert where[n].startswith("page ")
    row = next(
        i for i, line in enumerate(lines, 1) if line.startswith("| 经济发展 | 1. 地区生产总值年均增长 |")
    )
    assert " table (" in where[row]
