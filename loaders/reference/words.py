"""Hand-made word lists of the genre, one data file each (``data/<name>.tsv``: a word and the reason
or an example per line), loaded once.

>>> "包括" in words("list_leads")
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> tuple[str, ...]:
    """The first column of ``data/<name>.tsv`` (header and ``#`` lines skipped), in file order."""
    path = resources.files("kg.loaders.reference").joinpath("data", f"{name}.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()[1:] if not line.startswith("#")]
    return tuple(dict.fromkeys(w for line in lines if (w := line.split("\t")[0].strip())))
