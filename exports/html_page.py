"""The self-contained page around a vis-network graph: inlined assets, escaped data, plain-JS controls.

pyvis' own template links Bootstrap, tom-select and vis-network from CDNs even with
``cdn_resources="in_line"`` (pyvis issues 228/229), so the page is rendered here instead, inlining the
vis-network build that pyvis ships in its package. The page works offline.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html import escape
from pathlib import Path
from string import Template
from typing import Any

VIS_DIR = "lib/vis-9.1.2"


def package_text(package: str, relative: str) -> str:
    """A data file shipped inside an installed package, read without running the package's
    ``__init__`` (``resources.files`` imports it: plotly's looks up its own version, 50 ms)."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package} package is not installed")
    return Path(spec.submodule_search_locations[0], relative).read_text(encoding="utf-8")


_CLOSING_TAG = re.compile("</(?:script|style)", re.IGNORECASE)


def closes_its_element(asset: str) -> bool:
    """``</script`` or ``</style`` in any case: an inlined asset holding one would end its element."""
    return _CLOSING_TAG.search(asset) is not None


@cache
def vis_assets() -> tuple[str, str]:
    """(JavaScript, CSS) of vis-network as shipped inside the pyvis package."""
    js = package_text("pyvis", f"{VIS_DIR}/vis-network.min.js")
    css = package_text("pyvis", f"{VIS_DIR}/vis-network.css")
    # Neither may close the element it is inlined into.
    if closes_its_element(js) or closes_its_element(css):
        raise RuntimeError("vis-network asset contains a closing tag; cannot inline it")
    return js, css


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>``, ``&`` become ``\\u003c`` etc.

    So no string in the data can end the script block (``</script>``) or open a comment (``<!--``).
    U+2028/2029 are escaped too, for older JavaScript parsers.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


PAGE = Template(
    """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>$vis_css</style>
<style>
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei",
  sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 16px; align-items: baseline;
  flex-wrap: wrap; }
header h1 { font-size: 17px; margin: 0; }
header .stats, header a { color: #666; font-size: 12px; }
main { flex: 1; display: flex; min-height: 0; }
#kg-network { flex: 1; min-width: 0; }
aside { width: 290px; overflow-y: auto; border-left: 1px solid #ddd; padding: 8px 10px; font-size: 13px; }
aside h2 { font-size: 13px; margin: 10px 0 4px; color: #555; }
#kg-search { width: 100%; box-sizing: border-box; padding: 4px 6px; font-size: 13px; }
.kg-legend label { display: flex; align-items: center; gap: 6px; margin: 2px 0; cursor: pointer; }
.kg-legend .count { color: #888; margin-left: auto; }
.kg-sw { display: inline-block; width: 13px; height: 13px; flex: none; }
.kg-dot { border-radius: 50%; }
.kg-diamond { clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
.kg-triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.kg-triangleDown { clip-path: polygon(0 0, 100% 0, 50% 100%); }
.kg-hexagon { clip-path: polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%); }
.kg-star { clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%,
  2% 35%, 39% 35%); }
.kg-line { display: inline-block; width: 22px; height: 3px; flex: none; }
#kg-results button { display: block; width: 100%; text-align: left; border: 0; background: none;
  padding: 2px 0; cursor: pointer; font: inherit; }
#kg-results button:hover { background: #eef; }
#kg-details .quote { background: #f6f6f0; border-left: 3px solid #c9c3a0; padding: 4px 6px;
  white-space: pre-wrap; }
#kg-details dl { margin: 0; } #kg-details dt { color: #777; } #kg-details dd { margin: 0 0 4px 8px; }
#kg-intro { max-height: 46vh; overflow-y: auto; padding: 4px 12px; border-bottom: 1px solid #ddd; }
#kg-intro h2 { font-size: 15px; margin: 8px 0 4px; } #kg-intro h3 { font-size: 13px; margin: 8px 0 2px; }
#kg-intro table { border-collapse: collapse; } #kg-intro td, #kg-intro th { border-bottom: 1px solid #eee;
  padding: 2px 8px; text-align: left; vertical-align: top; }
#kg-intro .quote { background: #f6f6f0; border-left: 3px solid #c9c3a0; padding: 1px 6px;
  white-space: pre-wrap; }
#kg-intro .where, #kg-intro .note { color: #777; font-size: 12px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font-family: inherit; font-size: 12px; }
</style>
</head>
<body>
<header><h1>$title</h1><span class="stats">$stats</span>$nav</header>
$intro
<main>
<div id="kg-network"></div>
<aside>
<input id="kg-search" type="search" placeholder="搜索名称或类型 / search name or type" aria-label="search">
<label><input id="kg-only" type="checkbox"> only matches / 仅显示匹配</label>
<div id="kg-results"></div>
<div id="kg-details"></div>
<h2>Nodes / 节点</h2>
<div class="kg-legend" id="kg-node-legend">$node_legend</div>
<h2>Edges / 关系</h2>
<div class="kg-legend">$edge_legend</div>
</aside>
</main>
<script>$vis_js</script>
<script type="application/json" id="kg-data">$data</script>
<script>$app_js</script>
$extra_js
</body>
</html>
"""
)


def render_page(
    *,
    title: str,
    stats: str,
    nav_html: str,
    node_legend_html: str,
    edge_legend_html: str,
    data: dict[str, Any],
    intro_html: str = "",
    extra_js: str = "",
) -> str:
    """Assemble the page. ``title`` and ``stats`` are escaped here; the ``*_html`` parts are trusted.
    ``intro_html`` (facts shown above the drawing, e.g. a cluster's dossier) goes in ``#kg-intro``."""
    js, css = vis_assets()
    return PAGE.substitute(
        title=escape(title),
        stats=escape(stats),
        nav=nav_html,
        intro=f'<section id="kg-intro">{intro_html}</section>' if intro_html else "",
        vis_css=css,
        node_legend=node_legend_html,
        edge_legend=edge_legend_html,
        vis_js=js,
        data=script_json(data),
        app_js=APP_JS,
        extra_js=f"<script>{extra_js}</script>" if extra_js else "",
    )


APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var body = document.body;
  function tip(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div;
  }
  data.nodes.forEach(function (n) { n.title = tip(n.title); });
  data.edges.forEach(function (e) { e.title = tip(e.title); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hiddenTypes = new Set(data.hiddenTypes);
  var onlyIds = null;
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenTypes.has(n.kgType) && (onlyIds === null || onlyIds.has(n.id)); }
  });
  var network = new vis.Network(document.getElementById("kg-network"), {nodes: nodeView, edges: edges},
                                data.options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;

  function report() {
    body.dataset.nodes = nodes.length;
    body.dataset.edges = edges.length;
    body.dataset.shownNodes = nodeView.length;
    body.dataset.scripts = document.scripts.length;
  }
  network.on("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    body.dataset.stabilized = "1";
  });
  function relayout() {
    nodeView.refresh();
    report();
    network.setOptions({physics: {enabled: true}});
    network.stabilize(data.relayoutIterations);
  }

  document.querySelectorAll("#kg-node-legend input[data-type]").forEach(function (box) {
    box.checked = !hiddenTypes.has(box.dataset.type);
    box.addEventListener("change", function () {
      if (box.checked) { hiddenTypes.delete(box.dataset.type); } else { hiddenTypes.add(box.dataset.type); }
      relayout();
    });
  });

  var details = document.getElementById("kg-details");
  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) { el.className = cls; }
    parent.appendChild(el);
    return el;
  }
  function showDetails(id) {
    var n = nodes.get(id);
    details.textContent = "";
    if (!n) { return; }
    add(details, "h2", n.kgType);
    add(details, "div", n.kgName);
    var dl = add(details, "dl", "");
    n.kgProps.forEach(function (kv) { add(dl, "dt", kv[0]); add(dl, "dd", kv[1]); });
    if (n.kgSource) {
      add(details, "div", n.kgSource.path + " (" + n.kgSource.lines + ")");
      add(details, "div", n.kgSource.quote, "quote");
    }
  }
  network.on("selectNode", function (p) { if (p.nodes.length === 1) { showDetails(p.nodes[0]); } });

  var search = document.getElementById("kg-search");
  var only = document.getElementById("kg-only");
  var results = document.getElementById("kg-results");
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) { return []; }
    return nodes.get({filter: function (n) {
      return n.kgName.toLowerCase().indexOf(q) >= 0 || n.kgType.toLowerCase() === q ||
        n.kgTypeZh === q;
    }});
  }
  function runSearch() {
    var found = matches(search.value);
    results.textContent = "";
    found.slice(0, 50).forEach(function (n) {
      var b = add(results, "button", n.kgName + " · " + n.kgType);
      b.type = "button";
      b.addEventListener("click", function () {
        if (hiddenTypes.has(n.kgType)) { hiddenTypes.delete(n.kgType); relayout(); }
        network.selectNodes([n.id]);
        network.focus(n.id, {scale: 1.2});
        showDetails(n.id);
      });
    });
    if (found.length > 50) { add(results, "div", "… " + (found.length - 50) + " more"); }
    body.dataset.matches = found.length;
    var ids = found.map(function (n) { return n.id; });
    var newOnly = only.checked && search.value.trim() ? new Set(ids) : null;
    if (newOnly !== null || onlyIds !== null) { onlyIds = newOnly; relayout(); }
    network.selectNodes(ids.filter(function (id) { return nodeView.get(id) !== null; }));
  }
  search.addEventListener("input", runSearch);
  only.addEventListener("change", runSearch);

  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("q")) { search.value = hash.get("q"); runSearch(); }
  if (hash.get("node") && nodes.get(hash.get("node"))) {
    network.selectNodes([hash.get("node")]);
    showDetails(hash.get("node"));
  }
  data.focus.forEach(function (id) { if (!hash.get("node")) { showDetails(id); } });
  report();
  body.dataset.ready = "1";
})();
"""
