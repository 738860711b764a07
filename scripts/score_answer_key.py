"""Score a build against a hand-written answer key (clusters, cluster-platform pairs, a sample of
targets, located platforms) and print precision and recall.

    python scripts/score_answer_key.py tests/data/answer_keys/guangzhou.json \
        tests/data/guangzhou-15th-five-year-plan-outline.txt

The key's format is that of ``tests/data/answer_keys/guangzhou.json``. A key pair whose cluster is
not a cluster of the graph is matched to the one graph cluster containing its name (a box domain
such as 汽车 written for 智能网联与新能源汽车). Targets are matched by line (within two lines of the
key's), so they are scored on the text the key was written from.
"""

from __future__ import annotations

import json
import sys

from kg.loaders.interpreters.cluster_topics import fold
from kg.pipeline import build_graph_from_paths


def ratio(hits: int, total: int) -> str:
    return f"{hits / total:.2f}" if total else "n/a"


def main(key_path: str, *plans: str) -> None:
    with open(key_path, encoding="utf-8") as f:
        key = json.load(f)
    g = build_graph_from_paths(list(plans))
    nodes = dict(g.nodes(data=True))
    clusters = {d["name"] for d in nodes.values() if d["type"] == "IndustryCluster"}
    expected = {c["name"] for c in key["clusters"]}
    hits = len(clusters & expected)
    print(
        f"clusters: {len(clusters)} found, {len(expected)} in the key, {hits} right: "
        f"P {ratio(hits, len(clusters))} R {ratio(hits, len(expected))}; extra {sorted(clusters - expected)}"
    )

    def cluster_of(name: str) -> str:
        if name in clusters:
            return name
        hits = [c for c in clusters if fold(name) in fold(c)]
        return hits[0] if len(hits) == 1 else name

    found = {
        (nodes[v]["name"], nodes[u]["name"])
        for u, v, d in g.edges(data=True)
        if d["type"] == "SUPPORTS"
        and nodes[u]["type"] == "Platform"
        and nodes[v]["type"] == "IndustryCluster"
    }
    pairs = {(cluster_of(p["cluster"]), p["platform"]) for p in key["cluster_platforms"]}
    hits = len(found & pairs)
    print(
        f"cluster-platform pairs: {len(found)} found, {len(pairs)} in the key, {hits} right: "
        f"P {ratio(hits, len(found))} R {ratio(hits, len(pairs))}"
    )
    print(f"  missing {sorted(pairs - found)}")
    print(f"  extra {sorted(found - pairs)}")

    targets = [d for d in nodes.values() if d["type"] == "Target"]
    indicators = [d for d in nodes.values() if d["type"] == "Indicator"]

    def near(d, line, reach):
        return abs(d["source"]["lineStart"] - line) <= reach

    hit = 0
    for t in key["targets"]:
        as_target = any(
            str(d.get("value")) == str(t["value"])
            and (d.get("unit") or "") == (t["unit"] or "")
            and near(d, t["line"], 2)
            for d in targets
        )
        as_indicator = any(
            str(d.get("target", "")).lstrip("≥>≤<").replace("左右", "") == str(t["value"])
            and near(d, t["line"], 8)
            for d in indicators
        )
        hit += as_target or as_indicator
    print(f"targets sample: {hit} of {len(key['targets'])} found (R {ratio(hit, len(key['targets']))})")

    located = {
        (nodes[u]["name"], nodes[v]["name"])
        for u, v, d in g.edges(data=True)
        if d["type"] == "LOCATED_IN" and nodes[u]["type"] == "Platform"
    }
    sample = [(p["platform"], p["district"]) for p in key["located_platforms"]]
    right = [p for p in sample if p in located]
    print(
        f"located platforms: {len(right)} of {len(sample)} (R {ratio(len(right), len(sample))}); "
        f"missing {[p for p in sample if p not in located]}"
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
