"""The real Neo4j Browser, served by the suite's own Neo4j, run in headless Chromium: the README's
path (``:param`` line, then a ``queries/*.cypher`` file) gives the in-memory answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.exports.neo4j import load_graph
from kg.pipeline import build_graph_from_paths
from queries.memory import run_query
from tests.exports.browser import require_chromium
from tests.neo4j_browser_page import BrowserPage
from tests.neo4j_fixture import neo4j_settings

pytestmark = [pytest.mark.requires_neo4j, pytest.mark.requires_chromium]

QUERIES = Path(__file__).resolve().parents[2] / "queries"
CLUSTER = "集成电路"
INJECTION = "'}) MATCH (n) DETACH DELETE n //"


@pytest.fixture(scope="module")
def bundled_graph():
    return build_graph_from_paths([])


@pytest.fixture
def browser(neo4j_browser_url, neo4j_driver, neo4j_plans, bundled_graph):
    from playwright.sync_api import sync_playwright

    chromium = require_chromium()
    neo4j_plans.claim(*bundled_graph.graph["plans"])
    load_graph(bundled_graph, neo4j_driver, progress=False)
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            page = BrowserPage(instance.new_page(viewport={"width": 1400, "height": 900}))
            page.open(neo4j_browser_url, neo4j_settings()[0])
            yield page
        finally:
            instance.close()


def _count(driver) -> int:
    return driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]


def test_platforms_for_cluster_lists_the_clusters_platforms(browser, bundled_graph):
    expected = sorted(
        {row["platform"] for row in run_query("platforms-for-cluster", {"cluster": CLUSTER}, bundled_graph)}
    )
    assert len(expected) == 8
    browser.run(f":param cluster => '{CLUSTER}'")
    browser.run((QUERIES / "platforms-for-cluster.cypher").read_text(encoding="utf-8"))
    text = browser.table_text()
    shown = [name for name in expected if f'"{name}"' in text]
    assert shown == expected, text


def test_injection_in_a_parameter_comes_back_as_data(browser, neo4j_driver):
    before = _count(neo4j_driver)
    browser.run(f':param value => "{INJECTION}"')
    browser.run("RETURN $value AS value")
    assert INJECTION in browser.table_text()
    assert _count(neo4j_driver) == before > 0


def test_style_uses_only_ontology_labels():
    import re

    ontology = (QUERIES.parent / "ontology" / "plan.ttl").read_text(encoding="utf-8")
    classes = set(re.findall(r"^plan:(\w+) a owl:Class", ontology, re.M))
    selectors = re.findall(r"^(\S+)\s*\{", (QUERIES / "style.grass").read_text(encoding="utf-8"), re.M)
    assert selectors and all(s.startswith("node.") and s[5:] in classes for s in selectors), selectors
