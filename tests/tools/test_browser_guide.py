"""The Browser guide of the named questions (tools/neo4j-dev/browser_guide.py): the committed page is
what the script writes from the catalog, the dev server serves it, and in the real Browser (headless
Chromium) a click on a question's blocks runs it and shows the in-memory answer."""

from __future__ import annotations

import importlib.util
import urllib.request
from pathlib import Path

import pytest

from kg.exports.neo4j import load_graph
from kg.queries.catalog import QUERIES
from kg.queries.memory import run_query
from tests.exports.browser import require_chromium
from tests.neo4j_browser_page import BrowserPage
from tests.neo4j_fixture import neo4j_settings
from tests.plans import HANGZHOU, built

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "neo4j-dev" / "browser_guide.py"


def _guide_module():
    spec = importlib.util.spec_from_file_location("browser_guide", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_guide_is_what_the_script_writes():
    guide = _guide_module()
    assert guide.GUIDE.read_text(encoding="utf-8") == guide.guide_html(), (
        "run `python tools/neo4j-dev/browser_guide.py` after changing a query"
    )


def test_guide_has_a_slide_per_named_question_with_its_param_blocks():
    text = _guide_module().guide_html()
    for name in QUERIES:
        assert f"<h3>{name}</h3>" in text
    assert text.count('class="pre-scrollable code runnable">:param ') == sum(
        any(p.required for p in q.params) for q in QUERIES.values()
    )  # optional parameters (the plan filter) default to null in the .cypher: no block
    assert 'runnable">:style node.Plan' in text


@pytest.fixture
def guide_url(neo4j_server, neo4j_browser_url):
    if neo4j_server is None:
        pytest.skip("NEO4J_URI names your own server: the guide is served by the dev server's jar")
    url = neo4j_browser_url + _guide_module().PATH.removeprefix("/browser/")
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
    return url


@pytest.mark.requires_neo4j
@pytest.mark.requires_chromium
def test_a_click_on_the_guide_runs_platforms_for_cluster(
    guide_url, neo4j_browser_url, neo4j_driver, neo4j_plans
):
    from playwright.sync_api import sync_playwright

    graph = built(HANGZHOU)
    expected = sorted(
        {r["platform"] for r in run_query("platforms-for-cluster", {"cluster": "集成电路"}, graph)}
    )
    assert len(expected) == 8
    neo4j_plans.claim(*graph.graph["plans"])
    load_graph(graph, neo4j_driver, progress=False)
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(require_chromium()), args=["--no-sandbox"])
        try:
            browser = BrowserPage(instance.new_page(viewport={"width": 1400, "height": 900}))
            browser.open(neo4j_browser_url, neo4j_settings()[0])
            browser.run(f":play {guide_url}")
            guide = browser.newest_frame()
            heading = guide.locator("h3", has_text="platforms-for-cluster")
            for _ in QUERIES:
                if heading.is_visible():
                    break
                guide.get_by_test_id("nextSlide").click()
            blocks = guide.locator("pre.runnable")
            assert blocks.count() == 2
            for index in range(2):
                frames = browser.page.get_by_test_id("frame").count()
                blocks.nth(index).click()  # into the editor
                browser.page.get_by_test_id("editor-Run").click()
                browser.page.wait_for_function(
                    "n => document.querySelectorAll('[data-testid=\"frame\"]').length > n", arg=frames
                )
                guide = browser.page.get_by_test_id("frame").nth(1)  # the guide moved down by one
                blocks = guide.locator("pre.runnable")
            text = browser.table_text()
        finally:
            instance.close()
    assert [name for name in expected if f'"{name}"' in text] == expected, text
