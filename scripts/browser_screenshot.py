"""Save docs/img/neo4j-browser.png: the real Neo4j Browser showing a graph result in the project's style.

Starts a throw-away Neo4j from the dev jar (``bash scripts/neo4j-dev.sh build``) on free ports, loads the
bundled plan, opens the Browser in the system Chromium, applies ``queries/style.grass`` with ``:style``
and runs the graph form of ``queries/platforms-for-cluster.cypher``. Usage:
``.venv/bin/python scripts/browser_screenshot.py [OUT.png]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neo4j import GraphDatabase  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from kg.exports.neo4j import load_graph  # noqa: E402
from kg.pipeline import build_graph_from_paths  # noqa: E402
from tests.exports.browser import CHROMIUM  # noqa: E402
from tests.neo4j_browser_page import BrowserPage  # noqa: E402
from tests.robustness.neo4j_server import JAR, PrivateNeo4j  # noqa: E402

CLUSTER = "集成电路"
GRAPH_QUERY = (
    "MATCH (p:Platform)-[s:SUPPORTS]->(c:IndustryCluster {name: $cluster})\n"
    "OPTIONAL MATCH (p)-[l:LOCATED_IN]->(d:District)\n"
    "RETURN p, s, c, l, d"
)


def main(out: Path) -> int:
    if not JAR.exists() or not Path(CHROMIUM).exists():
        print(f"error: needs {JAR} (bash scripts/neo4j-dev.sh build) and {CHROMIUM}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        server = PrivateNeo4j(Path(tmp) / "home", heap="512m")
        server.start()
        try:
            with GraphDatabase.driver(server.uri) as driver:
                load_graph(build_graph_from_paths([]), driver, progress=False)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
                page = BrowserPage(browser.new_page(viewport={"width": 1400, "height": 900}))
                page.open(server.browser_url, server.uri)
                page.run(":style " + (ROOT / "queries" / "style.grass").read_text(encoding="utf-8"))
                page.run(f":param cluster => '{CLUSTER}'")
                page.run(GRAPH_QUERY)
                frame = page.newest_frame()
                frame.locator("svg").first.wait_for()
                page.page.wait_for_timeout(4000)  # let the force layout settle
                out.parent.mkdir(parents=True, exist_ok=True)
                frame.screenshot(path=str(out))
                browser.close()
        finally:
            server.stop()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img" / "neo4j-browser.png"))
