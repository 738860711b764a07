"""Targets and mentions of a span of text, for whichever interpreter holds the span (a paragraph's
sentence, a table cell): the shared half of paragraph extraction and table interpretation.

``locate(a, b)`` always gives the provenance of ``text[a:b]``; the cluster a span is about (its
``topic``) is an argument, never state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.loaders.interpreters.context import Context
from kg.loaders.interpreters.entities import (
    find_cities,
    find_districts,
    find_institutions,
    find_platforms,
    listed_platform,
)
from kg.loaders.interpreters.entity_lists import listed_names
from kg.loaders.interpreters.plan import short_name
from kg.loaders.interpreters.projects import find_projects
from kg.loaders.interpreters.spans import DisjointSpans
from kg.loaders.interpreters.targets import TargetMatch, extract_targets
from kg.loaders.reference.gazetteer import district_by_id
from kg.records import Edge, Node, Source

Locate = Callable[[int, int], Source]
RATIO = re.compile(r"[:：]")


def targets_in(
    ctx: Context,
    owners: Sequence[str],
    text: str,
    locate: Locate,
    key: Callable[[Source, TargetMatch], str],
    default_year: int | None = None,
) -> None:
    """A Target per quantitative target in ``text``, MEASURED_BY from each owner; ``key`` makes the
    id's last part from the target's provenance and match."""
    for match in extract_targets(text, ctx.end_year):
        src = locate(match.start, match.end)
        phrase = text[match.start : match.end]
        target(ctx, ctx.record_id("target", key(src, match)), match, phrase, src, owners, default_year)


def target(
    ctx: Context,
    tid: str,
    match: TargetMatch,
    phrase: str,
    src: Source,
    owners: Sequence[str],
    default_year: int | None = None,
) -> None:
    phrase = phrase.strip()
    inferred = match.year is None and default_year is not None
    props = {
        "value": match.value,
        "number": match.number,
        "high": match.high,
        "unit": match.unit,
        "year": default_year if inferred else match.year,
        "yearInferred": True if inferred else None,
        "comparator": match.comparator,
        "aspiration": match.aspiration,
        "cumulative": match.cumulative,
        "subject": match.subject,
        "text": phrase,
    }
    if not match.unit and not RATIO.search(match.value):  # a ratio (0.7:1) has no unit
        ctx.problem("target-without-unit", f"target without unit: {phrase}", src.line_start)
    ctx.emit(Node(tid, "Target", short_name(phrase), src, {k: v for k, v in props.items() if v is not None}))
    for owner in owners:
        ctx.emit(Edge(owner, tid, "MEASURED_BY", src))


def mentions_in(
    ctx: Context,
    owner: str,
    text: str,
    locate: Locate,
    topic: str | None = None,
    platform_list: bool = False,
) -> None:
    """MENTIONS edges from ``owner`` to the entities named in ``text``. What a span about a cluster
    (``topic``) names also SUPPORTS that cluster. In a box's domain list (``platform_list``) the
    items of a build list are platforms, suffix or not; elsewhere only a list that says it lists
    platforms (``依托A、B等平台``) gives platforms without a suffix."""
    entities = ctx.entities
    taken = DisjointSpans()

    def add(a: int, b: int, make) -> None:
        if taken.add(a, b):
            src = locate(a, b)
            ctx.emit(Edge(owner, make(src), "MENTIONS", src))

    def serving(make, basis="text"):
        def made(src):
            eid = make(src)
            if topic is not None and eid != topic:
                ctx.emit(Edge(eid, topic, "SUPPORTS", src, {"basis": basis}))
            return eid

        return made

    in_list = platform_list and topic is not None
    for item in listed_names(text, named_head=not in_list):
        if in_list or listed_platform(item.name, ctx.places):
            add(item.start, item.end, serving(lambda src, n=item.name: entities.platform(n, src), "list"))
    for m in find_platforms(text, ctx.places):
        add(m.start, m.end, serving(lambda src, m=m: entities.platform(m.name, src)))
    for m in find_institutions(text, ctx.places):
        add(m.start, m.end, serving(lambda src, m=m: entities.institution(m.name, src)))
    for m in find_projects(text):
        add(m.start, m.end, lambda src, m=m: entities.project(m.name, src))
    for m in [*find_districts(text, entities.city), *find_cities(text)]:
        d = district_by_id(m.id)
        if d is not None:
            add(m.start, m.end, lambda src, d=d: entities.district(d))
    for name in sorted(entities.clusters, key=len, reverse=True):
        i = text.find(name)
        if i >= 0:
            cid = entities.clusters[name]
            add(i, i + len(name), lambda src, cid=cid: cid)
