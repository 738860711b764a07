"""Fuzzing the build: any text gives a graph (plus ``graph.graph["problems"]``) or one clean PlanInputError.

Regression samples that these tests once found live in tests/data/regressions/ (see test_regressions.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.loaders.readers.decode import PlanInputError, decode_plan_bytes
from kg.pipeline import build_graph_from_texts
from tests.robustness.conftest import ROBUST
from tests.robustness.strategies import mutated_plan, structured_text


def build_or_input_error(text: str):
    """The graph, or None when the text was refused with one PlanInputError (a one-line message)."""
    try:
        graph, _ = build_graph_from_texts([("fuzz", text)])
    except PlanInputError as err:
        assert "\n" not in str(err)
        assert str(err).startswith("fuzz: ")
        return None
    assert graph.graph["plans"] == ["fuzz"]
    assert isinstance(graph.graph["problems"], list)
    for _, attrs in graph.nodes(data=True):
        source = attrs.get("source")
        if source:  # provenance is still an exact quote of the input
            assert source["quote"] in text
    return graph


@ROBUST
@given(st.text(max_size=400))
def test_random_unicode(text):
    build_or_input_error(text)


@ROBUST
@given(structured_text)
def test_structure_like_lines(text):
    build_or_input_error(text)


@settings(ROBUST, max_examples=40)
@given(mutated_plan())
def test_bundled_plan_cut_shuffled_duplicated(text):
    build_or_input_error(text)


@ROBUST
@given(st.binary(max_size=300), st.sampled_from([b"", "第一章 总则\n".encode(), b"\xef\xbb\xbf"]))
def test_decoder_on_random_bytes(data, prefix):
    """Bytes (NUL bytes included) decode to text without NUL, or give one PlanInputError."""
    try:
        text = decode_plan_bytes(prefix + data, "x.txt")
    except PlanInputError as err:
        assert "\n" not in str(err)
        return
    assert "\x00" not in text and "\r" not in text
    build_or_input_error(text)


@settings(ROBUST, max_examples=20)
@given(st.one_of(structured_text.map(str.encode), st.binary(max_size=200)))
def test_kg_build_cli_exits_0_or_2(data):
    """`kg build` on hostile bytes: exit 0 with graph.json, or exit 2 with one `Error:` line; no traceback."""
    with tempfile.TemporaryDirectory() as tmp:
        doc, out = Path(tmp) / "doc.txt", Path(tmp) / "out"
        doc.write_bytes(data)
        result = CliRunner().invoke(main, ["build", str(doc), "--out", str(out), "--format", "json"])
        assert result.exit_code in (0, 2), result.output
        if result.exit_code == 0:
            assert (out / "graph.json").stat().st_size > 0
        else:
            assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
            assert not (out / "graph.json").exists()
