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
from dataclasses import dataclass, field

from kg.loaders.interpreters.cluster_topics import fold
from kg.pipeline import build_graph_from_paths


@dataclass
class Score:
    """Counts of one part of a key: what the build found, what the key holds, what both hold."""

    found: int
    expected: int
    right: int
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.right / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.right / self.expected if self.expected else None


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def score(key: dict, g) -> dict[str, Score]:
    """Scores of graph ``g`` against ``key``: clusters, pairs, targets and located (the last two
    are samples: recall only)."""
    nodes = dict(g.nodes(data=True))
    clusters = {d["name"] for d in nodes.values() if d["type"] == "IndustryCluster"}
    expected = {c["name"] for c in key["clusters"]}
    out = {"clusters": _compare(clusters, expected)}

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
    out["pairs"] = _compare(
        found, {(cluster_of(p["cluster"]), p["platform"]) for p in key["cluster_platforms"]}
    )

    targets = [d for d in nodes.values() if d["type"] == "Target"]
    indicators = [d for d in nodes.values() if d["type"] == "Indicator"]

    def near(d, line, reach):
        return abs(d["source"]["lineStart"] - line) <= reach

    def target_found(t) -> bool:
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
        return as_target or as_indicator

    missed = [t["text"] for t in key["targets"] if not target_found(t)]
    n = len(key["targets"])
    out["targets"] = Score(n, n, n - len(missed), missed)
    located = {
        (nodes[u]["name"], nodes[v]["name"])
        for u, v, d in g.edges(data=True)
        if d["type"] == "LOCATED_IN" and nodes[u]["type"] == "Platform"
    }
    sample = [(p["platform"], p["district"]) for p in key["located_platforms"]]
    missing = [p for p in sample if p not in located]
    out["located"] = Score(len(sample), len(sample), len(sample) - len(missing), missing)
    return out


def _compare(found: set, expected: set) -> Score:
    return Score(
        len(found), len(expected), len(found & expected), sorted(expected - found), sorted(found - expected)
    )


def main(key_path: str, *plans: str) -> None:
    with open(key_path, encoding="utf-8") as f:
        key = json.load(f)
    scores = score(key, build_graph_from_paths(list(plans)))
    for part in ("clusters", "pairs"):
        s = scores[part]
        print(
            f"{part}: {s.found} found, {s.expected} in the key, {s.right} right: "
            f"P {ratio(s.precision)} R {ratio(s.recall)}; missing {s.missing}; extra {s.extra}"
        )
    for part in ("targets", "located"):
        s = scores[part]
        print(f"{part} (sample): {s.right} of {s.expected} found (R {ratio(s.recall)}); missing {s.missing}")


if __name__ == "__main__":
    main(*sys.argv[1:])
