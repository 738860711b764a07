"""The extraction does work linear in line length and table width (issue 17), counted, not timed:
the number of Python and C function calls a build makes (``sys.setprofile``) is deterministic, and
doubling the input must about double it. The quadratic versions (year phrases rescanned for every
target, a row's whole line cleaned again for every cell) made it grow four-fold."""

from __future__ import annotations

import sys

import pytest

from bench.hostile import long_line, wide_table
from kg.pipeline import build_graph_from_texts


def calls(text: str) -> int:
    count = 0

    def profile(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    build_graph_from_texts([("warm-up", text)], workers=1)  # reference tables, caches
    sys.setprofile(profile)
    try:
        build_graph_from_texts([("linear", text)], workers=1)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(
    ("make", "size"),
    [(long_line, 20_000), (wide_table, 200)],
    ids=["long line (bytes)", "wide table (columns)"],
)
def test_doubling_the_input_about_doubles_the_work(make, size):
    small, large = calls(make(size)), calls(make(2 * size))
    assert large / small < 2.3, (small, large)
