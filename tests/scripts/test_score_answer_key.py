"""The builds of the development plans against the answer keys written by reading them
(tests/data/answer_keys/): the floors reviewers hold unseen plans to (precision 0.9, recall 0.8 for
clusters and cluster-platform pairs), and what the last measured figures were."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.plans import built

ROOT = Path(__file__).resolve().parents[2]
KEYS = ROOT / "tests" / "data" / "answer_keys"


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_answer_key", ROOT / "scripts" / "score_answer_key.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("key_name", "plan"),
    [
        ("guangzhou.json", "guangzhou-15th-five-year-plan-outline.txt"),
        ("nanjing.json", "nanjing-15th-five-year-plan-outline.txt"),
    ],
)
def test_builds_meet_the_floors_of_their_answer_keys(key_name, plan):
    key = json.loads((KEYS / key_name).read_text(encoding="utf-8"))
    scores = _scorer().score(key, built(ROOT / "tests" / "data" / plan))
    for part in ("clusters", "pairs"):
        s = scores[part]
        assert s.precision >= 0.9 and s.recall >= 0.8, (part, s)
    assert scores["targets"].recall >= 0.85, scores["targets"]
    assert scores["located"].recall >= 0.9, scores["located"]
