"""A small plan whose headings, sentences and plan id carry Cypher, HTML and quoting payloads."""

from __future__ import annotations

from functools import cache

import networkx as nx

from kg.pipeline import build_graph_from_texts

CYPHER = "`MATCH (n) DETACH DELETE n`"
PWN = "</script><script>document.body.dataset.pwned=1</script><!--"
QUOTES = "\"}'); DROP {x} //"
ANGLES = "a > b & c < d"
PLAN_ID = "robustness-inj ` '\"<>{x} MATCH (n) DETACH DELETE n"
SENTINEL_ID = "robustness-sentinel"

TEXT = "\n".join(
    [
        "注入测试规划纲要",
        "",
        f"第一章 总则{CYPHER}",
        "",
        f"第一节 {PWN}要求",
        "",
        f"到2030年，建成{PWN}数据集300个，{CYPHER}。",
        "",
        f"专栏1 {QUOTES}重大工程",
        "",
        f"1. {ANGLES}：推进未来科技城建设，到2030年营收达到500亿元。",
        "",
    ]
)
SENTINEL_TEXT = "哨兵规划纲要\n\n第一章 总则\n\n到2030年，建成数据集300个。\n"


@cache
def _built(plan_id: str, text: str) -> nx.MultiDiGraph:
    return build_graph_from_texts([(plan_id, text)])[0]


def hostile_graph() -> nx.MultiDiGraph:
    """Treat as read-only (cached)."""
    return _built(PLAN_ID, TEXT)


def sentinel_graph() -> nx.MultiDiGraph:
    return _built(SENTINEL_ID, SENTINEL_TEXT)


def names_and_quotes(graph: nx.MultiDiGraph) -> dict[str, tuple[str, str | None]]:
    return {n: (a["name"], (a.get("source") or {}).get("quote")) for n, a in graph.nodes(data=True)}
