"""Deterministic synthetic corpora for the benchmarks: N distinct plans made from the bundled one.

Copy 0 is the bundled plan as it is. Copy ``k`` (k >= 1) rewrites it so that its shared entities are
its own: every platform and institution name the tool finds in the bundled plan gets a tag before its
suffix (``滨江物联网小镇`` -> ``滨江物联网甲甲乙小镇``), the city gets the same tag (``杭州`` ->
``杭州甲甲乙``), and quantities (a number followed by a unit, not a year) grow by ``k``. The tag is
``k`` written with the ten heavenly stems as digits, so names stay Chinese words to the recognisers.

>>> tag(1), tag(12), tag(999)
('甲甲乙', '甲乙丙', '癸癸癸')
"""

from __future__ import annotations

import re
from functools import cache

from kg.loaders.interpreters.entities import suffixes
from kg.loaders.readers.decode import read_plan_text
from kg.pipeline import build_graph_from_texts, bundled_plan_path

DIGITS = "甲乙丙丁戊己庚辛壬癸"  # heavenly stems: CJK, never numerals or stop words
CITY = "杭州"
# A quantity: a number right before a unit. Years (到2030年) and list numbers are left alone.
QUANTITY = re.compile(
    r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(?=\s*(?:%|％|万|亿|个|家|项|所|元|吨|倍|座|张|条|台|户|套))"
)


def tag(k: int) -> str:
    """Three heavenly-stem digits for ``k`` (1..999)."""
    if not 1 <= k <= 999:
        raise ValueError(f"copy number must be 1..999, got {k}")
    return "".join(DIGITS[int(d)] for d in f"{k:03d}")


@cache
def seed_text() -> str:
    return read_plan_text(bundled_plan_path())


@cache
def entity_names(text: str) -> tuple[str, ...]:
    """Platform and institution names the tool finds in ``text`` that occur verbatim, longest first."""
    graph, _ = build_graph_from_texts([("seed", text)])
    names = {
        attrs["name"]
        for _, attrs in graph.nodes(data=True)
        if attrs["type"] in ("Platform", "Institution") and attrs["name"] in text
    }
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def tagged_name(name: str, mark: str) -> str:
    """``name`` with ``mark`` inserted before its longest known suffix (else before its last 2 chars)."""
    ending = max((s for s in suffixes() if name.endswith(s) and len(s) < len(name)), key=len, default=None)
    cut = len(name) - (len(ending) if ending else min(2, len(name) - 1))
    return name[:cut] + mark + name[cut:]


def _shift(match: re.Match, k: int) -> str:
    number = match.group(1)
    if "." in number:
        whole, frac = number.split(".")
        return f"{int(whole) + k}.{frac}"
    return str(int(number) + k)


def rewrite(text: str, k: int) -> str:
    """Copy ``k`` of ``text`` (see the module docstring); ``k == 0`` gives ``text`` unchanged."""
    if k == 0:
        return text
    mark = tag(k)
    names = entity_names(text)
    if names:
        pattern = re.compile("|".join(map(re.escape, names)))
        text = pattern.sub(lambda m: tagged_name(m.group(0), mark), text)
    text = text.replace(CITY, CITY + mark)
    return QUANTITY.sub(lambda m: _shift(m, k), text)


def plan_id(k: int) -> str:
    return f"bench-plan-{k:03d}"


def corpus(n: int, text: str | None = None) -> list[tuple[str, str]]:
    """``n`` (plan_id, text) pairs, ready for ``kg.pipeline.build_graph_from_texts``."""
    text = seed_text() if text is None else text
    return [(plan_id(k), rewrite(text, k)) for k in range(n)]
