"""indicators.html: every indicator of every plan with its baseline and target, as a table and as a
small chart each (binding ones marked), and the indicators plans share, side by side.

Charts are drawn by plotly.js, inlined from the copy the ``plotly`` Python package ships (works offline;
no CDN). Only indicators with a number to draw get a chart; the table has them all.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import networkx as nx

from kg.io import atomic_write_text

from .html_page import closes_its_element, package_text, script_json
from .html_static import anchor, page, text, where
from .plan_facts import IndicatorFact, indicators_by_plan, plan_titles, shared_indicators, short_label

TITLE = "指标 Indicators"
NAV = (
    '<a href="graph.html">graph 图谱</a><a href="matrix.html">matrix 产业矩阵</a>'
    '<a href="clusters/index.html">clusters 产业集群</a>'
)
KIND_LABEL = {"main": "主要指标 main table", "previous_plan": "上期完成情况 previous plan's review"}
BINDING_COLOUR, OTHER_COLOUR, BASELINE_COLOUR = "#c0392b", "#2f6fb0", "#b8b8b8"


@cache
def plotly_js() -> str:
    js = package_text("plotly", "package_data/plotly.min.js")
    if closes_its_element(js):
        raise RuntimeError("plotly.js contains a closing script tag; cannot inline it")
    return js


def _chart(ind: IndicatorFact) -> dict | None:
    bars = [
        (f"{ind.baseline_year or '基期'}", ind.baseline_number, BASELINE_COLOUR),
        (f"{ind.target_year or '目标'}", ind.target_number, BINDING_COLOUR if ind.binding else OTHER_COLOUR),
    ]
    bars = [b for b in bars if b[1] is not None]
    if not bars:
        return None
    return {"x": [b[0] for b in bars], "y": [b[1] for b in bars], "colours": [b[2] for b in bars]}


def _plan_section(plan: str, title: str, items: list[IndicatorFact], charts: dict[str, dict]) -> str:
    rows = []
    for kind in ("main", "previous_plan"):
        of_kind = [i for i in items if i.kind == kind]
        if not of_kind:
            continue
        rows.append(f'<tr><th colspan="8" class="kind">{text(KIND_LABEL.get(kind, kind))}</th></tr>')
        for ind in of_kind:
            chart = _chart(ind)
            cell = ""
            if chart is not None:
                div = anchor("chart", ind.indicator_id)
                charts[div] = chart | {"unit": ind.unit}
                cell = f'<div class="chart" id="{div}"></div>'
            mark = '<span class="binding" title="约束性 binding">约束性</span>' if ind.binding else "预期性"
            rows.append(
                f'<tr id="{anchor("ind", ind.indicator_id)}"><td>{text(ind.number)}</td>'
                f"<td>{text(ind.name)}</td>"
                f"<td>{text(ind.unit)}</td><td>{text(ind.baseline)}</td><td>{text(ind.target)}</td>"
                f"<td>{mark}</td><td>{cell}</td><td>{where(ind.fact)}</td></tr>"
            )
    binding = sum(1 for i in items if i.binding and i.kind == "main")
    return (
        f'<h2 id="{anchor("plan", plan)}">{text(title)}</h2><p class="note">{len(items)} indicators, '
        f"{binding} binding in the main table</p>"
        '<table class="facts indicators"><thead><tr><th>#</th><th>指标 Indicator</th><th>unit</th>'
        "<th>基期 baseline</th><th>目标 target</th><th>属性</th><th>chart</th><th>位置 where</th>"
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _shared_section(graph: nx.MultiDiGraph, titles: dict[str, str], charts: dict[str, dict]) -> str:
    shared = shared_indicators(graph)
    if not shared:
        return ""
    parts = [
        '<h2 id="across-plans">同一指标 · 各规划 The same indicator across plans</h2>'
        '<p class="note">Main-table indicators two or more plans share (same name without marks, '
        "same unit).</p>"
    ]
    for (name, unit), items in shared.items():
        div = anchor("shared", name, unit)
        labels = [short_label(titles.get(i.plan, i.plan)) for i in items]
        charts[div] = {
            "grouped": True,
            "x": labels,
            "baseline": [i.baseline_number for i in items],
            "target": [i.target_number for i in items],
            "binding": [i.binding for i in items],
            "unit": unit,
        }
        rows = "".join(
            f"<tr><td>{text(label)}</td><td>{text(i.baseline)}</td><td>{text(i.target)}</td>"
            f"<td>{'约束性' if i.binding else '预期性'}</td><td>{where(i.fact, titles)}</td></tr>"
            for label, i in zip(labels, items, strict=True)
        )
        parts.append(
            f'<section class="cell"><h3>{text(name)} <span class="note">{text(unit)}</span></h3>'
            f'<div class="chart wide" id="{div}"></div><table class="facts"><thead><tr><th>规划 plan</th>'
            f"<th>基期 baseline</th><th>目标 target</th><th>属性</th><th>位置 where</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>"
        )
    return "".join(parts)


DRAW_JS = r"""
(function () {
  "use strict";
  var charts = JSON.parse(document.getElementById("kg-charts").textContent);
  var drawn = 0;
  var base = {margin: {l: 36, r: 6, t: 4, b: 22}, showlegend: false, font: {size: 10},
              paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)"};
  Object.keys(charts).forEach(function (id) {
    var c = charts[id], traces, layout = Object.assign({}, base, {yaxis: {title: {text: c.unit}}});
    if (c.grouped) {
      traces = [
        {type: "bar", name: "baseline", x: c.x, y: c.baseline, marker: {color: "#b8b8b8"}},
        {type: "bar", name: "target", x: c.x, y: c.target,
         marker: {color: c.binding.map(function (b) { return b ? "#c0392b" : "#2f6fb0"; })}}
      ];
      layout = Object.assign(layout, {barmode: "group", showlegend: true,
                                      margin: {l: 48, r: 6, t: 4, b: 28}});
    } else {
      traces = [{type: "bar", x: c.x, y: c.y, marker: {color: c.colours}, text: c.y, textposition: "auto"}];
    }
    Plotly.newPlot(id, traces, layout, {staticPlot: !c.grouped, displayModeBar: false, responsive: false});
    drawn += 1;
  });
  document.body.dataset.chartsDrawn = drawn;
  document.body.dataset.ready = "1";
})();
"""

EXTRA_STYLE = (
    "<style>.chart{width:170px;height:90px}.chart.wide{width:420px;height:200px}"
    "th.kind{background:#f3f3f3;text-align:left}</style>"
)


def generate_indicators_html(graph: nx.MultiDiGraph, *, title: str = TITLE) -> str:
    titles = plan_titles(graph)
    charts: dict[str, dict] = {}
    by_plan = indicators_by_plan(graph)
    sections = [_shared_section(graph, titles, charts)]
    for plan, items in by_plan.items():
        sections.append(_plan_section(plan, titles.get(plan, plan), items, charts))
    if not by_plan:
        sections.append("<p>No indicator table was found in these plans.</p>")
    count = sum(len(v) for v in by_plan.values())
    scripts = (
        f'<script type="application/json" id="kg-charts">{script_json(charts)}</script>'
        f"<script>{plotly_js()}</script><script>{DRAW_JS}</script>"
    )
    return page(
        title,
        "".join(sections) + scripts,
        nav_html=NAV,
        head_html=EXTRA_STYLE,
        data={"indicators": count, "charts": len(charts)},
    )


def write_indicators_html(graph: nx.MultiDiGraph, path: str | Path, **options) -> list[Path]:
    """Write :func:`generate_indicators_html` to ``path`` atomically."""
    return [atomic_write_text(path, generate_indicators_html(graph, **options))]
