"""Paths of the real plans the tests use, and a cached parse of each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.loaders.reader import read_plan_text
from kg.loaders.structure import ParsedPlan, parse_structure
from kg.pipeline import bundled_plan_path

HANGZHOU = bundled_plan_path()
NANJING = Path(__file__).parent / "data" / "nanjing-15th-five-year-plan-outline.txt"


@cache
def parsed(path: Path, plan_id: str = "p") -> ParsedPlan:
    return parse_structure(read_plan_text(path), plan_id)


@cache
def built(path: Path):
    from kg.pipeline import build_graph_from_paths

    return build_graph_from_paths([path])
