"""The box table lays a table out exactly as rich's ``Table(box=SQUARE)`` with folding columns does."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.commands.box_table import column_widths, render_box_table, wrap

# Chinese and ASCII words, spaces (also the ideographic one), line breaks, wide punctuation,
# a combining mark and a zero-width space: what cells of a plan hold.
PIECES = [*"杭州集成电路、。（）％ab1.2% \u3000\n\u0301\u200b", "钱塘芯谷", "Lorem", "  "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def rich_table(columns, rows, title, width):
    table = Table(title=None if title is None else Text(title), box=box.SQUARE, title_justify="left")
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    for row in rows:
        table.add_row(*(Text(v) for v in row))
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False).print(table)
    return buffer.getvalue()


@st.composite
def tables(draw):
    n = draw(st.integers(1, 5))
    columns = draw(st.lists(TEXT, min_size=n, max_size=n))
    rows = draw(st.lists(st.lists(TEXT, min_size=n, max_size=n), max_size=6))
    title = draw(st.none() | TEXT)
    return columns, rows, title, draw(st.integers(8 * n, 200))


@settings(max_examples=300, deadline=None)
@given(tables())
def test_same_text_as_rich(table):
    columns, rows, title, width = table
    ours = render_box_table(columns, rows, title=title, width=width)
    assert ours == rich_table(columns, rows, title, width)


def test_a_long_quote_is_folded_in_the_widest_column_and_nothing_is_cut():
    quote = "杭州临空经济示范区、钱塘芯谷、萧山经济技术开发区、余杭未来科技城"
    text = render_box_table(["platform", "quote"], [["钱塘芯谷", quote]], width=40)
    lines = text.splitlines()
    assert {len(line) + sum(ord(c) > 0x2E80 for c in line) for line in lines} == {40}  # one display width
    assert "".join(line.split("│")[2].strip() for line in lines[3:-1]) == quote
    assert lines[3].split("│")[1] == " 钱塘芯谷 "


def test_widths_shrink_the_widest_column_first():
    assert column_widths([["a" * 10], ["b" * 50]], 40) == [12, 28]


def test_wrap_breaks_between_words_and_pads():
    assert wrap("ab cd", 3) == ["ab ", "cd "]
