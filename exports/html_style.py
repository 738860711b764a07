"""How each node and edge type looks on the HTML page: colour, shape, size, tooltip text.

Styles are keyed by ontology type names; a type without a style (a newer ontology) still draws, in grey.
Shapes are vis-network shapes that put the label below the node, so ``size`` (by degree) applies.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.schema import edge_types, label, node_types, upper_snake_to_camel


@dataclass(frozen=True)
class NodeStyle:
    colour: str
    shape: str


NODE_STYLES: dict[str, NodeStyle] = {
    "Plan": NodeStyle("#5d4037", "star"),
    "Part": NodeStyle("#8d6e63", "square"),
    "Chapter": NodeStyle("#a1887f", "square"),
    "Section": NodeStyle("#bcaaa4", "square"),
    "Box": NodeStyle("#d7a86e", "square"),
    "Paragraph": NodeStyle("#b0bec5", "dot"),
    "Table": NodeStyle("#90a4ae", "square"),
    "Measure": NodeStyle("#42a5f5", "dot"),
    "Goal": NodeStyle("#ab47bc", "star"),
    "Target": NodeStyle("#e53935", "diamond"),
    "Indicator": NodeStyle("#ff7043", "triangleDown"),
    "IndustryCluster": NodeStyle("#fbc02d", "hexagon"),
    "Platform": NodeStyle("#00897b", "triangle"),
    "District": NodeStyle("#43a047", "square"),
    "Institution": NodeStyle("#5e35b1", "diamond"),
    "Project": NodeStyle("#ec407a", "dot"),
}
DEFAULT_NODE_STYLE = NodeStyle("#9e9e9e", "dot")

EDGE_COLOURS: dict[str, str] = {
    "PART_OF": "#bdbdbd",
    "SUPPORTS": "#00897b",
    "LOCATED_IN": "#43a047",
    "MEASURED_BY": "#e53935",
    "MENTIONS": "#64b5f6",
}
DEFAULT_EDGE_COLOUR = "#9e9e9e"

# Properties shown in a tooltip after type and name, in this order when present.
KEY_PROPERTIES = (
    "tier",
    "level",
    "aliases",
    "value",
    "unit",
    "year",
    "comparator",
    "category",
    "baseline",
    "baselineYear",
    "target",
    "targetYear",
    "annual",
    "cumulative",
    "attribute",
    "kind",
    "number",
)
LABEL_MAX = 14
QUOTE_MAX = 300


def node_style(node_type: str) -> NodeStyle:
    return NODE_STYLES.get(node_type, DEFAULT_NODE_STYLE)


def edge_colour(edge_type: str) -> str:
    return EDGE_COLOURS.get(edge_type, DEFAULT_EDGE_COLOUR)


def node_size(degree: int) -> float:
    """Grows with the square root of the degree so hubs stand out without swallowing the page."""
    return round(min(10 + 4 * math.sqrt(degree), 48), 1)


def short_label(name: str, limit: int = LABEL_MAX) -> str:
    name = " ".join(str(name).split())
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _clip(text: str, limit: int = QUOTE_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


def tooltip_text(attrs: Mapping[str, Any]) -> str:
    """Plain text (never HTML): the page puts it into the DOM with ``textContent``."""
    lines = [
        f"{attrs.get('type', '?')} {type_label_zh(attrs.get('type', ''))}".strip(),
        str(attrs.get("name")),
    ]
    lines += [f"{key}: {_show(attrs[key])}" for key in KEY_PROPERTIES if attrs.get(key) not in (None, "", [])]
    source = attrs.get("source")
    if isinstance(source, Mapping):
        lines.append(f"{source.get('path') or '/'} (lines {source.get('lineStart')}-{source.get('lineEnd')})")
        lines.append(f"“{_clip(str(source.get('quote', '')))}”")
    return "\n".join(lines)


def _labels(kind: str) -> dict[str, str]:
    out = {}
    for name in node_types() if kind == "node" else edge_types():
        zh = label(name if kind == "node" else upper_snake_to_camel(name), "zh")
        if zh is not None:
            out[name] = zh
    return out


@cache
def _zh_labels() -> dict[str, dict[str, str]]:
    return {"node": _labels("node"), "edge": _labels("edge")}


def type_label_zh(type_name: str) -> str:
    """The ontology's Chinese label of a node or edge type (``IndustryCluster`` -> ``产业集群``)."""
    labels = _zh_labels()
    return labels["node"].get(type_name) or labels["edge"].get(type_name, "")
