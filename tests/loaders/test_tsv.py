"""Reference tables read by hand give the rows csv.DictReader gives."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from kg.loaders.reference import tsv

DATA = resources.files("kg.loaders.reference").joinpath("data")


def _by_csv(text: str) -> list[dict]:
    return list(
        csv.DictReader([line for line in text.splitlines() if not line.startswith("#")], delimiter="\t")
    )


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.name.endswith(".tsv")))
def test_every_bundled_table_reads_as_csv_reads_it(name):
    rows = tsv.read_table(name)
    assert rows == _by_csv(DATA.joinpath(name).read_text(encoding="utf-8"))
    assert rows and all(None not in row for row in rows)  # every row as wide as its header


@pytest.mark.parametrize(
    "text",
    [
        "# source: a test\nname\tcode\n杭州市\t330100\n\n短行\n长行\t1\t2\t3\n",
        'name\tnote\n"引号"\t有 "引号" 的行\n',  # a quote: csv's own reading
        "# only comments\n",
    ],
)
def test_short_long_blank_and_quoted_rows(text, tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "t.tsv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(tsv.resources, "files", lambda _package: tmp_path)
    assert tsv.read_table("t.tsv") == _by_csv(text)
