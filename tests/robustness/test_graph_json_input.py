"""A malformed graph.json through ``--graph``: exit 0, or one ``Error:`` line and exit != 0, no traceback.

Issue 17, "Crashes instead of one line" (docs/robustness.md); the checks are in ``kg/graph_io.py``.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kg.cli import main
from kg.exports.json import generate_json
from tests.fixtures.tiny import tiny_graph
from tests.robustness.conftest import ROBUST

REAL = json.loads(generate_json(tiny_graph()))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)
COMMANDS = (
    ["trace", "集成电路"],
    ["query", "platforms-for-cluster", "集成电路"],
    ["html", "--focus", "集成电路"],
)


@st.composite
def mutated(draw):
    data = json.loads(json.dumps(REAL))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["top", "nodes", "links"]))
        if where == "top":
            target = data
        else:
            items = data.get(where)
            if not isinstance(items, list) or not items:
                continue
            target = items[draw(st.integers(0, len(items) - 1))]
            if not isinstance(target, dict):
                continue
        known = ["id", "type", "source", "target", "graph"]  # an emptied dict has no key of its own
        key = draw(st.sampled_from(sorted(target) or known) | st.sampled_from(known))
        if draw(st.booleans()):
            target.pop(key, None)
        else:
            target[key] = draw(JSON_VALUES)
    return data


def run(tmp_path, data, command):
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = [*command, "--graph", str(path)] + (
        ["--out", str(tmp_path / "out")] if command[0] == "html" else []
    )
    return CliRunner().invoke(main, args)


def assert_exit_0_or_one_line(result):
    if result.exit_code == 0:
        return
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert lines and lines[-1].startswith("Error: ") and "internal error" not in lines[-1], result.output


@ROBUST
@given(data=mutated(), command=st.sampled_from(COMMANDS))
def test_a_mutated_real_graph_json_is_read_or_refused_in_one_line(tmp_path_factory, data, command):
    assert_exit_0_or_one_line(run(tmp_path_factory.mktemp("g"), data, command))


def test_named_cases_say_what_is_wrong(tmp_path):
    node = REAL["nodes"][0]
    cases = {
        '"links" is null, not a list': {**REAL, "links": None},
        "names no node: 'nowhere'": {**REAL, "links": [{**REAL["links"][0], "target": "nowhere"}]},
        'nodes[0] has no string "type"': {**REAL, "nodes": [{k: v for k, v in node.items() if k != "type"}]},
        'nodes[0] has no string "id" (7)': {**REAL, "nodes": [{**node, "id": 7}]},
        "the top level is a JSON list, not an object": [REAL],
    }
    for message, data in cases.items():
        for command in COMMANDS:
            result = run(tmp_path, data, command)
            assert result.exit_code != 0 and message in result.output, (command, result.output)
            assert_exit_0_or_one_line(result)
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    result = CliRunner().invoke(main, ["trace", "x", "--graph", str(path)])
    assert result.exit_code == 2 and "nested too deeply" in result.output, result.output
