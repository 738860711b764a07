"""The reference tables (``loaders/reference/data/*.tsv``): a header row, then one row a line;
lines starting with ``#`` are comments (each table says there where its entries come from)."""

from __future__ import annotations

import csv
from importlib import resources


def read_table(filename: str) -> list[dict[str, str | None]]:
    """The rows of a reference table as ``csv.DictReader`` gives them (a missing cell ``None``,
    extra cells under the key ``None``, blank lines skipped). Tables without a quote character
    (all of them today) are split by hand: a third of the time, read at every command start."""
    text = resources.files("kg.loaders.reference").joinpath("data", filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    if '"' in text or not lines:
        return list(csv.DictReader(lines, delimiter="\t"))
    header = lines[0].split("\t")
    width = len(header)
    rows: list[dict[str, str | None]] = []
    for line in lines[1:]:
        if not line:
            continue
        cells = line.split("\t")
        row: dict = dict(zip(header, cells, strict=False))
        if len(cells) < width:
            row.update(dict.fromkeys(header[len(cells) :]))
        elif len(cells) > width:
            row[None] = cells[width:]
        rows.append(row)
    return rows
