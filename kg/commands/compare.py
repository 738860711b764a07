"""``kg compare``: the industry concept × plan matrix of plans built together, printed, and written
as CSV (the rows of the named query ``concept-matrix``) and as a page (``exports.html_matrix``)."""

from __future__ import annotations

import click

from kg.commands.common import out_option, plan_arguments
from kg.commands.graph_source import graph_file_option, load_graph

CELL = "{platforms}·{targets}·{measures}"  # a cell of the printed matrix


def matrix_table(rows: list[dict], plans: list[str]) -> tuple[list[str], list[list[str]]]:
    """The ``concept-matrix`` rows pivoted: one line per concept, one column per plan, each cell
    ``platforms·targets·measures`` (empty where the plan has no cluster of the concept).

    >>> row = {"concept": "集成电路", "plan": "p1", "platforms": 4, "targets": 1, "measures": 8}
    >>> matrix_table([row], ["p1", "p2"])
    (['concept', 'p1', 'p2'], [['集成电路', '4·1·8', '']])
    """
    cells = {(r["concept"], r["plan"]): CELL.format(**r) for r in rows}
    concepts = sorted({r["concept"] for r in rows}, key=lambda c: (-sum(
        r["platforms"] + r["targets"] for r in rows if r["concept"] == c), c))  # fmt: skip
    return ["concept", *plans], [[c, *(cells.get((c, p), "") for p in plans)] for c in concepts]


def register(main: click.Group) -> None:
    @main.command()
    @plan_arguments
    @out_option("Folder for matrix.csv and matrix.html.")
    @graph_file_option
    @click.option("--concept", help="Only this industry concept (a label, an alternative label or a part).")
    def compare(docs, encoding, out, graph_file, concept):
        """Compare plans: the industry concept × plan matrix of the plan files DOC... built together
        (default: the last `kg build`; --graph FILE).

        Prints one line per concept and a column per plan (platforms·targets·measures), writes
        OUT/matrix.csv (the rows of `kg query concept-matrix`) and OUT/matrix.html (the heat map, each
        cell linking to the platforms, targets and quotes behind it).

        \b
        kg compare nanjing.txt guangzhou.txt --out cmp
        kg compare --concept 集成电路
        """
        from kg.commands.build import check_out_dir
        from kg.commands.query import _resolved
        from kg.commands.tables import render_rows, render_table, terminal_text
        from kg.commands.writers import cannot_write
        from kg.exports.html_matrix import generate_matrix_html
        from kg.io import atomic_write_text
        from kg.queries.catalog import get_query
        from kg.queries.memory import run_query

        check_out_dir(out)
        graph = load_graph(graph_file, docs, encoding, view=False)
        params = _resolved(graph, "concept-matrix", {"concept": concept})
        rows = run_query("concept-matrix", params, graph)
        plans = list(graph.graph.get("plans") or sorted({r["plan"] for r in rows if r["plan"]}))
        header, lines = matrix_table(rows, plans)
        click.echo("platforms·targets·measures per industry concept and plan")
        click.echo(render_table(header, lines), nl=False)
        csv_text = render_rows(get_query("concept-matrix").columns, rows, "csv", terminal=False)
        written = []
        for name, text in (("matrix.csv", csv_text), ("matrix.html", None)):
            target = out / name
            with cannot_write(target):
                if text is None:
                    text = generate_matrix_html(graph, concept=params["concept"])
                written.append(atomic_write_text(target, text))
        for path in written:
            click.echo(f"wrote {terminal_text(path, one_line=True)}")
