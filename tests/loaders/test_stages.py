"""The loader's folders are its stages, and data flows one way: no stage imports a later one."""

from __future__ import annotations

import ast
from pathlib import Path

LOADERS = Path(__file__).parents[2] / "loaders"
# readers and the document model are both first stages: neither knows the other
RANK = {"lexicon": 0, "reference": 1, "readers": 2, "document": 2, "layouts": 3, "interpreters": 4}


def imported_stages(path: Path) -> set[str]:
    stages = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg.loaders."):
            stages.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            stages.update(a.name.split(".")[2] for a in node.names if a.name.startswith("kg.loaders."))
    return stages


def test_every_loader_module_lives_in_a_stage():
    loose = [p.name for p in LOADERS.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert {p.name for p in LOADERS.iterdir() if p.is_dir() and not p.name.startswith("_")} == set(RANK)


def test_no_stage_imports_a_later_or_sibling_stage():
    wrong = []
    for stage, rank in RANK.items():
        for path in (LOADERS / stage).glob("*.py"):
            for other in imported_stages(path) - {stage}:
                if RANK[other] >= rank:
                    wrong.append(f"{stage}/{path.name} imports {other}")
    assert wrong == []
