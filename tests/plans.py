"""Paths of the real plans the tests use, and a cached parse of each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.loaders.document.tree import ParsedPlan
from kg.loaders.layouts.structure import parse_structure
from kg.loaders.readers.decode import read_plan_text
from kg.pipeline import bundled_plan_path

HANGZHOU = bundled_plan_path()
DATA = Path(__file__).parent / "data"
NANJING = DATA / "nanjing-15th-five-year-plan-outline.txt"
# The same Hangzhou plan as its government web page lays it out (the copy stops inside 专栏33).
HANGZHOU_WEB = DATA / "hangzhou-15th-web.txt"
GUANGZHOU = DATA / "guangzhou-15th-five-year-plan-outline.txt"
GUANGZHOU_HTML = DATA / "guangzhou-15th-five-year-plan-outline.html"


@cache
def parsed(path: Path, plan_id: str = "p") -> ParsedPlan:
    return parse_structure(read_plan_text(path), plan_id)


@cache
def built(path: Path):
    from kg.pipeline import build_graph_from_paths

    return build_graph_from_paths([path])
