"""Write the Neo4j Browser guide of the named questions (``:play`` page) that the dev server serves.

The page is made from the query catalog (``kg.queries.catalog``: name, description, columns) and the
shipped ``queries/*.cypher`` files (their ``:param`` example and statement), plus one block that
applies ``queries/style.grass``. Each block is a Browser "runnable": a click puts it in the editor,
Ctrl+Enter runs it; a question's ``:param`` example is its own block, run before the query (run
together as one script, the Browser would show the query's status, not its rows). The file is committed
under ``src/main/resources/browser/guides/`` so the jar build needs no Python; the test
``tests/tools/test_browser_guide.py`` checks it is what this script writes.

    python tools/neo4j-dev/browser_guide.py      # rewrite the guide after a query changes

Open it in the Browser of ``scripts/neo4j-dev.sh start`` with
``:play http://127.0.0.1:7474/browser/guides/plan-kg.html`` (the port is the HTTP port).
"""

from __future__ import annotations

import html
import sys
from importlib import resources
from pathlib import Path

GUIDE = Path(__file__).resolve().parent / "src" / "main" / "resources" / "browser" / "guides" / "plan-kg.html"
PATH = "/browser/guides/plan-kg.html"


def param_lines(name: str) -> list[str]:
    """The ``:param`` example lines of ``queries/NAME.cypher`` (none for a query without parameters)."""
    from kg.queries.neo4j_backend import cypher_file_text

    lines = [line.strip().removeprefix("//").strip() for line in cypher_file_text(name).splitlines()]
    return [line for line in lines if line.startswith(":param ") and "=>" in line]


def runnable(text: str) -> str:
    return f'<pre class="pre-scrollable code runnable">{html.escape(text, quote=False)}</pre>'


def slide(title: str, *parts: str) -> str:
    body = "\n".join(f"        {part}" for part in parts)
    return (
        '    <slide class="row-fluid">\n      <div class="col-sm-12">\n'
        f"        <h3>{html.escape(title)}</h3>\n{body}\n      </div>\n    </slide>"
    )


def guide_html() -> str:
    from kg.queries.catalog import QUERIES
    from kg.queries.neo4j_backend import cypher_text

    style = resources.files("kg.queries").joinpath("style.grass").read_text(encoding="utf-8").strip()
    slides = [
        slide(
            "Plan commitments: the named questions",
            "<p>Load a plan first (<code>kg load neo4j</code>). Click a block to put it in the editor, "
            "then run it (Ctrl+Enter). A question's parameters come first, as <code>:param</code> "
            "blocks: change a value to ask about another cluster, district, year or platform.</p>",
            "<p>The project's style for the graph view (<code>queries/style.grass</code>):</p>",
            runnable(f":style {style}"),
        )
    ]
    for name in sorted(QUERIES):
        query = QUERIES[name]
        params = param_lines(name)
        steps = [f"<p>First the parameter{'s' if len(params) > 1 else ''}:</p>", *map(runnable, params)]
        slides.append(
            slide(
                name,
                f"<p>{html.escape(query.description, quote=False)}</p>",
                f"<p>Columns: <code>{html.escape(', '.join(query.columns))}</code></p>",
                *(steps if params else []),
                "<p>Then the question:</p>" if params else "<p>The question:</p>",
                runnable(cypher_text(name)),
            )
        )
    return (
        '<article class="guide">\n  <carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n  </carousel>\n</article>\n"
    )


def main() -> int:
    GUIDE.parent.mkdir(parents=True, exist_ok=True)
    GUIDE.write_text(guide_html(), encoding="utf-8")
    print(f"wrote {GUIDE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
