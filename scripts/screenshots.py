"""Regenerate the README's pictures of the analyst pages: the industry matrices and a cluster page of
Nanjing and Guangzhou built together. Needs Chromium (/usr/bin/chromium or $CHROMIUM).

    python scripts/screenshots.py            # writes docs/img/matrix.png and docs/img/cluster.png
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS = [
    ROOT / "tests/data/nanjing-15th-five-year-plan-outline.txt",
    ROOT / "tests/data/guangzhou-15th-five-year-plan-outline.txt",
]


def shoot(url: str, out: Path, size: tuple[int, int]) -> None:
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=20000",
                f"--window-size={size[0]},{size[1]}",
                f"--screenshot={out}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    print(f"wrote {out}")


def main() -> int:
    from kg.exports.html_clusters import write_cluster_pages
    from kg.exports.html_matrix import write_matrix_html
    from kg.pipeline import build_graph_from_paths

    graph = build_graph_from_paths(PLANS)
    img = ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as out:
        matrix = write_matrix_html(graph, Path(out) / "matrix.html")[0]
        shoot(matrix.as_uri(), img / "matrix.png", (1300, 1000))
        pages = write_cluster_pages(graph, Path(out) / "clusters")
        page = next(p for p in pages if p.name.startswith("cluster-集成电路-"))
        shoot(page.as_uri(), img / "cluster.png", (1400, 1000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
