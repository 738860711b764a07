"""What the analyst pages show, read once from the graph: each cluster's platforms (with district,
quote and location), its targets, the industry × district and industry × plan cells, the indicators.

Pure data (no HTML): the matrix, cluster and indicator pages render it, and tests check it against the
graph. A fact belongs to the plan named by its own provenance (``planId`` of the edge or node), so a
platform shared by two plans is counted in each plan only for what that plan says of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

NO_DISTRICT = "（未注明区域）"  # column of platforms whose district the text does not give


@dataclass(frozen=True)
class Fact:
    """One statement of the text: where it stands and what it says."""

    plan: str
    path: str
    line: int | None
    quote: str

    @classmethod
    def of(cls, source: dict | None, plan: str = "") -> Fact:
        source = source or {}
        return cls(
            plan=str(source.get("planId") or plan),
            path=str(source.get("path") or "/"),
            line=source.get("lineStart"),
            quote=str(source.get("quote") or ""),
        )


@dataclass(frozen=True)
class PlatformFact:
    platform_id: str
    name: str
    district: str  # NO_DISTRICT when none is given
    basis: str  # how the SUPPORTS edge was read: table, text, name …
    fact: Fact


@dataclass(frozen=True)
class TargetFact:
    target_id: str
    subject: str
    value: str
    unit: str
    year: int | None
    comparator: str
    fact: Fact


@dataclass
class ClusterFacts:
    cluster_id: str
    name: str
    plan: str
    tier: str
    concepts: list[str]
    scheme: str
    fact: Fact
    platforms: list[PlatformFact] = field(default_factory=list)
    districts: list[tuple[str, Fact]] = field(default_factory=list)  # districts that SUPPORT it directly
    targets: list[TargetFact] = field(default_factory=list)
    measures: list[Fact] = field(default_factory=list)  # measures that mention it

    def platforms_by_district(self) -> dict[str, list[PlatformFact]]:
        grouped: dict[str, list[PlatformFact]] = defaultdict(list)
        for p in self.platforms:
            grouped[p.district].append(p)
        return dict(sorted(grouped.items(), key=lambda kv: (kv[0] == NO_DISTRICT, -len(kv[1]), kv[0])))


def _typed(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("type", "")


def _edge_plan(attrs: dict) -> str:
    return str((attrs.get("provenance") or {}).get("planId") or "")


def node_plan(attrs: dict) -> str:
    return str((attrs.get("source") or {}).get("planId") or attrs.get("plan") or "")


def plan_titles(graph: nx.MultiDiGraph) -> dict[str, str]:
    """plan id -> the plan's title (its id when the text gives none), in the graph's plan order."""
    titles = {
        node_plan(a): str(a.get("title") or a.get("name") or node_plan(a))
        for _, a in graph.nodes(data=True)
        if a.get("type") == "Plan"
    }
    return {plan: titles.get(plan, plan) for plan in graph.graph.get("plans", sorted(titles))}


_TITLE_CUT = re.compile(
    r"(国民经济和社会发展|经济和社会发展|国民经济|第[一二三四五六七八九十]+个五年|“?十[一二三四五六七八九]五”?)"
)


def short_label(title: str) -> str:
    """A column label for a plan: its title up to the genre's words (``南京市``), else the title."""
    head = _TITLE_CUT.split(title, maxsplit=1)[0].strip(" 《“")
    return head or title


def _concepts(attrs: dict) -> list[str]:
    value = attrs.get("concepts") or []
    return [value] if isinstance(value, str) else [str(c) for c in value]


def _districts_of(graph: nx.MultiDiGraph, platform: str, plan: str) -> list[str]:
    """The platform's districts as ``plan`` states them (else as any plan does)."""
    located = [
        (graph.nodes[d].get("name", d), _edge_plan(a))
        for _, d, a in graph.out_edges(platform, data=True)
        if a.get("type") == "LOCATED_IN" and _typed(graph, d) == "District"
    ]
    own = sorted({name for name, p in located if p == plan})
    return own or sorted({name for name, _ in located})


def statement(graph: nx.MultiDiGraph, node: str, fact: Fact) -> Fact:
    """The whole statement behind ``fact`` about ``node``: the measure (or other text unit) that
    mentions the node and covers the fact's line, when the fact's own quote is only a name."""
    if fact.line is None:
        return fact
    for other, _, edge in graph.in_edges(node, data=True):
        if edge.get("type") != "MENTIONS":
            continue
        src = graph.nodes[other].get("source") or {}
        start, end = src.get("lineStart"), src.get("lineEnd")
        if (
            str(src.get("planId")) == fact.plan
            and isinstance(start, int)
            and isinstance(end, int)
            and start <= fact.line <= end
            and fact.quote in str(src.get("quote", ""))
        ):
            return Fact.of(src, fact.plan)
    return fact


def cluster_facts(graph: nx.MultiDiGraph, cluster_id: str) -> ClusterFacts:
    attrs = graph.nodes[cluster_id]
    plan = node_plan(attrs)
    facts = ClusterFacts(
        cluster_id=cluster_id,
        name=str(attrs.get("name", cluster_id)),
        plan=plan,
        tier=str(attrs.get("tier") or ""),
        concepts=_concepts(attrs),
        scheme=str(attrs.get("scheme") or ""),
        fact=Fact.of(attrs.get("source"), plan),
    )
    targets_seen: set[str] = set()
    for other, _, edge in sorted(graph.in_edges(cluster_id, data=True), key=lambda e: e[0]):
        kind, edge_type = _typed(graph, other), edge.get("type")
        if edge_type == "SUPPORTS" and kind == "Platform":
            fact = statement(graph, other, Fact.of(edge.get("provenance"), plan))
            for district in _districts_of(graph, other, fact.plan) or [NO_DISTRICT]:
                facts.platforms.append(
                    PlatformFact(
                        other,
                        str(graph.nodes[other].get("name")),
                        district,
                        str(edge.get("basis") or ""),
                        fact,
                    )
                )
        elif edge_type == "SUPPORTS" and kind == "District":
            facts.districts.append(
                (str(graph.nodes[other].get("name")), Fact.of(edge.get("provenance"), plan))
            )
        elif edge_type == "MENTIONS" and kind == "Measure":
            facts.measures.append(Fact.of(graph.nodes[other].get("source"), plan))
            for _, target, m in graph.out_edges(other, data=True):
                is_target = m.get("type") == "MEASURED_BY" and _typed(graph, target) == "Target"
                if is_target and target not in targets_seen:
                    targets_seen.add(target)
                    facts.targets.append(target_fact(graph, target))
    for _, target, edge in graph.out_edges(cluster_id, data=True):  # targets stated of the cluster itself
        if (
            edge.get("type") == "MEASURED_BY"
            and _typed(graph, target) == "Target"
            and target not in targets_seen
        ):
            targets_seen.add(target)
            facts.targets.append(target_fact(graph, target))
    facts.platforms.sort(key=lambda p: (p.district, p.name))
    facts.targets.sort(key=lambda t: (t.fact.line or 0, t.target_id))
    facts.measures.sort(key=lambda f: (f.line or 0, f.quote))
    return facts


def target_fact(graph: nx.MultiDiGraph, target: str) -> TargetFact:
    a = graph.nodes[target]
    return TargetFact(
        target_id=target,
        subject=str(a.get("subject") or a.get("name") or ""),
        value=str(a.get("value") or ""),
        unit=str(a.get("unit") or ""),
        year=_year(a.get("year")),
        comparator=str(a.get("comparator") or ""),
        fact=Fact.of(a.get("source")),
    )


def cluster_ids(graph: nx.MultiDiGraph, plan: str | None = None) -> list[str]:
    found = [
        n
        for n, a in graph.nodes(data=True)
        if a.get("type") == "IndustryCluster" and (plan is None or node_plan(a) == plan)
    ]
    return sorted(found, key=lambda n: (node_plan(graph.nodes[n]), str(graph.nodes[n].get("name")), n))


@dataclass
class Matrix:
    """Rows × columns of cells; each cell holds the facts behind its count."""

    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], list[Any]]
    row_notes: dict[str, str] = field(default_factory=dict)

    def count(self, row: str, column: str) -> int:
        return len(self.cells.get((row, column), ()))

    @property
    def max_count(self) -> int:
        return max((len(v) for v in self.cells.values()), default=0)


def district_matrix(graph: nx.MultiDiGraph, plan: str) -> Matrix:
    """Industry cluster × district of one plan: each cell lists the platforms of the cluster located
    in the district (and the district itself when the text names it as supporting the cluster)."""
    cells: dict[tuple[str, str], list[Any]] = defaultdict(list)
    rows, notes = [], {}
    for cid in cluster_ids(graph, plan):
        facts = cluster_facts(graph, cid)
        row = facts.name
        if row in notes:  # two clusters of one plan with one name: keep both, apart
            row = f"{row} ({cid})"
        rows.append(row)
        notes[row] = facts.tier
        for p in facts.platforms:
            cells[(row, p.district)].append(p)
        for district, fact in facts.districts:
            cells[(row, district)].append(PlatformFact("", district, district, "district", fact))
    totals: dict[str, int] = defaultdict(int)
    for (_, column), items in cells.items():
        totals[column] += len(items)
    columns = sorted(totals, key=lambda c: (c == NO_DISTRICT, -totals[c], c))
    return Matrix(rows, columns, dict(cells), notes)


@dataclass(frozen=True)
class ConceptCell:
    clusters: tuple[str, ...]
    platforms: tuple[PlatformFact, ...]
    targets: tuple[TargetFact, ...]
    measures: int

    def __len__(self) -> int:  # the heat of a cell: what the plan commits to the industry
        return len(self.platforms) + len(self.targets)


def concept_plan_matrix(graph: nx.MultiDiGraph, concept: str | None = None) -> Matrix:
    """Industry concept (the shared vocabulary's label) × plan: per cell the plan's clusters of that
    concept with their platforms, targets and count of measures. Clusters without a concept are rows
    of their own name, marked so."""
    plans = list(plan_titles(graph))
    grouped: dict[tuple[str, str], list[ClusterFacts]] = defaultdict(list)
    notes: dict[str, str] = {}
    for cid in cluster_ids(graph):
        facts = cluster_facts(graph, cid)
        labels = facts.concepts or [facts.name]
        for label in labels:
            if concept is not None and label != concept:
                continue
            if not facts.concepts:
                notes.setdefault(label, "cluster name, no concept")
            grouped[(label, facts.plan)].append(facts)
    cells: dict[tuple[str, str], list[Any]] = {}
    for key, clusters in grouped.items():
        cells[key] = ConceptCell(  # type: ignore[assignment]
            clusters=tuple(c.name for c in clusters),
            platforms=tuple(p for c in clusters for p in c.platforms),
            targets=tuple(t for c in clusters for t in c.targets),
            measures=sum(len(c.measures) for c in clusters),
        )
    weight: dict[str, int] = defaultdict(int)
    for (row, _), cell in cells.items():
        weight[row] += len(cell) + 1
    rows = sorted(weight, key=lambda r: (r in notes, -weight[r], r))
    return Matrix(rows, [p for p in plans if any(k[1] == p for k in cells)] or plans, cells, notes)


@dataclass(frozen=True)
class IndicatorFact:
    indicator_id: str
    plan: str
    number: str
    name: str
    unit: str
    kind: str  # main / previous_plan
    binding: bool
    baseline: str
    target: str
    baseline_number: float | None
    target_number: float | None
    baseline_year: int | None
    target_year: int | None
    fact: Fact

    @property
    def key(self) -> tuple[str, str]:
        return indicator_key(self.name, self.unit)


_MARKS = re.compile(r"[\s*＊※△▲☆★（(]*(?:[（(][^）)]*[）)])?$")


def indicator_key(name: str, unit: str) -> tuple[str, str]:
    """The same indicator across plans: the name without footnote marks, spaces and width
    differences, and the unit as written (NFKC)."""
    norm = unicodedata.normalize("NFKC", name)
    norm = re.sub(r"\s+", "", norm).rstrip("*＊※△▲☆★")
    return norm, unicodedata.normalize("NFKC", unit or "").strip()


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def indicators(graph: nx.MultiDiGraph) -> Iterator[IndicatorFact]:
    for node, a in graph.nodes(data=True):
        if a.get("type") != "Indicator":
            continue
        yield IndicatorFact(
            indicator_id=node,
            plan=node_plan(a),
            number=str(a.get("number") or ""),
            name=str(a.get("name") or ""),
            unit=str(a.get("unit") or ""),
            kind=str(a.get("kind") or "main"),
            binding=a.get("binding") is True,
            baseline=str(a.get("baseline") or ""),
            target=str(a.get("target") or ""),
            baseline_number=_number(a.get("baselineNumber")),
            target_number=_number(a.get("targetNumber")),
            baseline_year=_year(a.get("baselineYear")),
            target_year=_year(a.get("targetYear")),
            fact=Fact.of(a.get("source")),
        )


def _item_order(number: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", number) if p)


def indicators_by_plan(graph: nx.MultiDiGraph) -> dict[str, list[IndicatorFact]]:
    found: dict[str, list[IndicatorFact]] = defaultdict(list)
    for ind in indicators(graph):
        found[ind.plan].append(ind)
    order = list(plan_titles(graph))
    return {
        plan: sorted(found[plan], key=lambda i: (i.kind != "main", _item_order(i.number), i.name))
        for plan in sorted(found, key=lambda p: (order.index(p) if p in order else len(order), p))
    }


def shared_indicators(graph: nx.MultiDiGraph) -> dict[tuple[str, str], list[IndicatorFact]]:
    """Indicators of the main tables that two or more plans share (by :func:`indicator_key`)."""
    grouped: dict[tuple[str, str], list[IndicatorFact]] = defaultdict(list)
    for ind in indicators(graph):
        if ind.kind == "main":
            grouped[ind.key].append(ind)
    return {
        key: sorted(items, key=lambda i: i.plan)
        for key, items in sorted(grouped.items())
        if len({i.plan for i in items}) > 1
    }
