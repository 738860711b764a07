"""The whole-graph page as an overview a person can read: nodes grouped by plan and type, then part.

A plan's 1,900 nodes drawn one by one are a hairball. Here the first view has one labelled node per
plan and type (南京市 举措 1200, 南京市 平台 150, the districts of all plans …) sized by its count, and
edges between groups carry counts. Double-clicking a group splits it by the plan's parts (篇); double-
clicking a part's group replaces it by its members and their edges, so any corner can be opened.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from .html_style import edge_colour, node_style, type_label_zh

KEPT_TYPES = frozenset({"Plan"})  # drawn as themselves
MEMBERS_LIMIT = 20000  # above this many nodes the groups cannot be expanded (their members are not embedded)


def group_of(attrs: dict[str, Any]) -> tuple[str, str, str]:
    """(plan, part, type) of a node; ``part`` is the first step of its text path, "" outside parts."""
    source = attrs.get("source") or {}
    part = str(source.get("path") or "").split("/")[0]
    plan = str(source.get("planId") or "") if part else ""  # shared nodes (districts) across plans
    return plan, part, str(attrs.get("type", ""))


def group_id(plan: str, part: str | None, node_type: str) -> str:
    return "group:" + "|".join((plan, "*" if part is None else part, node_type))


def _group_node(gid: str, node_type: str, plan_label: str, part: str | None, names: list[str], count: int):
    style = node_style(node_type)
    zh = type_label_zh(node_type) or node_type
    where = " · ".join(x for x in (plan_label, part) if x) or "all plans"
    label = f"{zh} {count}" if part is None else f"{part} {zh} {count}"
    return {
        "id": gid,
        "label": f"{plan_label} {label}".strip() if part is None else label,
        "shape": style.shape,
        "color": style.colour,
        "size": round(min(12 + 5 * math.log2(1 + count), 60), 1),
        "title": f"{node_type} {type_label_zh(node_type)} × {count} · {where}\n"
        + "\n".join(names[:8])
        + ("\n…" if len(names) > 8 else "")
        + "\n(double-click to expand)",
        "kgType": node_type,
        "kgTypeZh": type_label_zh(node_type),
        "kgName": f"{node_type} × {count} · {where}",
        "kgProps": [["where", where], ["members", str(count)]],
        "kgSource": None,
        "kgGroup": True,
        "borderWidth": 2,
    }


def overview_data(graph: nx.MultiDiGraph, vis_nodes: dict[str, dict]) -> dict[str, Any]:
    """vis nodes and edges of the grouped drawing, plus what the page needs to expand a group.

    Two levels: one group per plan and type (the first view), which expands into one group per part
    of the plan, which expands into its members. ``vis_nodes`` are the member nodes as the network
    page draws them (id -> vis node).
    """
    from .plan_facts import plan_titles, short_label

    labels = {plan: short_label(title) for plan, title in plan_titles(graph).items()}
    by_type: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    top: list[str] = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") in KEPT_TYPES:
            top.append(node)
        else:
            plan, part, node_type = group_of(attrs)
            by_type[(plan, node_type)][part].append(node)
    parent: dict[str, str] = {}
    groups: dict[str, list[dict]] = {}
    nodes = [vis_nodes[n] for n in sorted(top)]
    for (plan, node_type), parts in sorted(by_type.items()):
        gid = group_id(plan, None, node_type)
        every = sorted(n for ids in parts.values() for n in ids)
        names = sorted(str(graph.nodes[i].get("name", i)) for i in every)
        nodes.append(_group_node(gid, node_type, labels.get(plan, plan), None, names, len(every)))
        if len(parts) == 1:  # nothing to split by part: expand straight into the members
            children = [vis_nodes[i] for i in every]
            parent.update({i: gid for i in every})
        else:
            children = []
            for part, ids in sorted(parts.items()):
                sub = group_id(plan, part, node_type)
                sub_names = sorted(str(graph.nodes[i].get("name", i)) for i in ids)
                children.append(
                    _group_node(sub, node_type, labels.get(plan, plan), part or "—", sub_names, len(ids))
                )
                parent[sub] = gid
                groups[sub] = [vis_nodes[i] for i in sorted(ids)]
                parent.update({i: sub for i in ids})
        groups[gid] = children
    rep = {n: n for n in top}
    for node in graph.nodes:
        if node not in rep:
            up = parent[node]
            while up in parent:
                up = parent[up]
            rep[node] = up
    raw = [
        [u, v, str(attrs.get("type", key))]
        for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
    ]
    expandable = graph.number_of_nodes() <= MEMBERS_LIMIT
    return {
        "nodes": nodes,
        "edges": grouped_edges(raw, rep),
        "groups": groups if expandable else {},
        "parent": parent if expandable else {},
        "rawEdges": raw if expandable else [],
        "edgeColours": {t: edge_colour(t) for t in sorted({e[2] for e in raw})},
    }


def grouped_edges(raw: list[list[str]], rep: dict[str, str]) -> list[dict[str, Any]]:
    """One vis edge per (group, group, type) with the count of the edges it stands for (the same
    computation the page's script repeats after an expansion)."""
    counts: Counter = Counter()
    for u, v, edge_type in raw:
        a, b = rep[u], rep[v]
        if a != b:
            counts[(a, b, edge_type)] += 1
    return [
        {
            "id": f"{a}|{b}|{t}",
            "from": a,
            "to": b,
            "color": edge_colour(t),
            "width": round(min(1 + math.log2(n), 8), 1),
            "title": f"{t} {type_label_zh(t)} × {n}",
            "label": str(n) if n > 1 else "",
            "font": {"size": 9, "color": "#777777", "strokeWidth": 0, "align": "middle"},
        }
        for (a, b, t), n in sorted(counts.items())
    ]


EXPAND_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  if (!data.groups || !window.kgNetwork) { return; }
  var parent = data.parent, nodes = window.kgNodes, edges = window.kgEdges;
  function shown(id) {  // the node itself when drawn, else its nearest drawn group
    while (id !== undefined && !nodes.get(id)) { id = parent[id]; }
    return id;
  }
  function tip(text) { var d = document.createElement("div"); d.textContent = text; return d; }
  function regroup() {
    var counts = {};
    data.rawEdges.forEach(function (e) {
      var a = shown(e[0]), b = shown(e[1]);
      if (a === undefined || b === undefined || a === b) { return; }
      var key = a + "|" + b + "|" + e[2];
      counts[key] = counts[key] || {from: a, to: b, type: e[2], n: 0};
      counts[key].n += 1;
    });
    edges.clear();
    edges.add(Object.keys(counts).map(function (key) {
      var c = counts[key];
      return {id: key, from: c.from, to: c.to, color: data.edgeColours[c.type] || "#999999",
              width: Math.min(1 + Math.log2(c.n), 8), label: c.n > 1 ? String(c.n) : "",
              title: tip(c.type + " × " + c.n),
              font: {size: 9, color: "#777777", strokeWidth: 0, align: "middle"}};
    }));
  }
  window.kgExpand = function (id) {
    var members = data.groups[id];
    if (!members) { return false; }
    members.forEach(function (m) { m.title = typeof m.title === "string" ? tip(m.title) : m.title; });
    nodes.remove(id);
    nodes.add(members);
    delete data.groups[id];
    regroup();
    document.body.dataset.nodes = nodes.length;
    document.body.dataset.edges = edges.length;
    document.body.dataset.expanded = String(Number(document.body.dataset.expanded || 0) + 1);
    window.kgNetwork.setOptions({physics: {enabled: true}});
    window.kgNetwork.stabilize(120);
    return true;
  };
  // #expand=GROUP&expand=GROUP opens groups on load: a link can point at an expanded view.
  new URLSearchParams(location.hash.slice(1)).getAll("expand").forEach(function (id) {
    window.kgExpand(id);
  });
  document.body.dataset.groups = Object.keys(data.groups).length;
  window.kgNetwork.on("doubleClick", function (p) {
    if (p.nodes.length === 1) { window.kgExpand(p.nodes[0]); }
  });
})();
"""
