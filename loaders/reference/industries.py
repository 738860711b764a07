"""A shared vocabulary of industries (``data/industry_concepts.tsv``): the categories of the national
《战略性新兴产业分类（2018）》, the industries the national outlines list, and the categories of the
national classifications of producer and consumer services (2019), each entry with its source.
A plan's own clusters are matched to it by rules, never by a list of one plan's names:

- the cluster's name, without 产业/集群 endings and bracketed notes, is a concept's preferred label
  -> exact; one of its alternative labels -> close (智能网联汽车 -> 新能源汽车);
- else each part of a compound name (A与B, A及B, A和B, A、B) that is a label -> close, for each
  concept so found (半导体与集成电路 -> 集成电路);
- else the longest label (three characters or more) inside the name -> close
  (智能网联新能源汽车 -> 新能源汽车).

>>> match_concepts("集成电路")
(('集成电路',), 'exact')
>>> match_concepts("半导体与集成电路")
(('集成电路',), 'close')
>>> match_concepts("智能网联与新能源汽车")
(('新能源汽车',), 'close')
>>> match_concepts("现代商贸")
(('商贸流通',), 'close')
>>> match_concepts("都市农业")
((), None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.loaders.reference.tsv import read_table

_ENDING = re.compile(r"(?:产业集群|集群|产业|行业)$")
_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")
_PARTS = re.compile(r"[与及和、]")
MIN_INSIDE = 3  # a label found inside a longer name must be this long (人工智能, not 汽车)


@dataclass(frozen=True)
class Concept:
    label: str
    broader: str | None
    alt_labels: tuple[str, ...]
    source: str

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.alt_labels)


@cache
def concepts() -> dict[str, Concept]:
    out = {}
    for r in read_table("industry_concepts.tsv"):
        alts = tuple(a for a in (r["altLabels"] or "").split(";") if a.strip())
        out[r["concept"]] = Concept(r["concept"], r["broader"].strip() or None, alts, r["source"])
    return out


@cache
def _by_label() -> dict[str, str]:
    table: dict[str, str] = {}
    for c in concepts().values():  # preferred labels first: they win over another's alternative
        table[_core(c.label)] = c.label
    for c in concepts().values():
        for label in c.alt_labels:
            table.setdefault(_core(label), c.label)
    return table


def _core(name: str) -> str:
    return _ENDING.sub("", _BRACKETS.sub("", name).strip()) or name


@cache
def match_concepts(name: str) -> tuple[tuple[str, ...], str | None]:
    """(concepts, ``exact`` | ``close`` | None) of a plan's cluster name."""
    labels = _by_label()
    core = _core(name)
    if core in labels:
        return (labels[core],), "exact" if labels[core] == core else "close"
    parts = [_core(p) for p in _PARTS.split(core) if p.strip()]
    found = tuple(dict.fromkeys(labels[p] for p in parts if p in labels))
    if found:
        return found, "close"
    inside = [labels[k] for k in sorted(labels, key=len, reverse=True) if len(k) >= MIN_INSIDE and k in core]
    if inside:
        return (inside[0],), "close"
    return (), None
