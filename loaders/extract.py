"""Commitments from the structure: goals, measures (and, via the recognisers, the entities and
targets they name), as records with provenance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.loaders.plan import short_name, unit_id
from kg.loaders.sentences import is_commitment, is_retrospective, split_sentences
from kg.loaders.structure import ParsedPlan, Unit
from kg.loaders.targets import extract_targets
from kg.loaders.text import MappedText
from kg.records import Edge, Node, Source

GOAL_CHAPTER = re.compile(r"(主要|发展|总体)目标")
GOAL_LINE = re.compile(r"^[—─\-]{1,2}")


class Extractor:
    """Walks a parsed plan once and yields the commitment records."""

    def __init__(self, plan: ParsedPlan, problems: list[dict]):
        self.plan = plan
        self.problems = problems

    # -- provenance ------------------------------------------------------------------------------

    def source(self, unit: Unit, text: MappedText, start: int, end: int) -> Source:
        """Provenance of clean-text span [start, end) of ``unit``: an exact quote of the input."""
        while start < end and text.text[start].isspace():
            start += 1
        a, b = text.span(start, end)
        return Source(
            self.plan.plan_id,
            unit.path,
            self.plan.line_of(a),
            self.plan.line_of(b - 1),
            self.plan.raw[a:b],
        )

    def problem(self, code: str, message: str, line: int | None = None) -> None:
        self.problems.append({"plan": self.plan.plan_id, "code": code, "message": message, "line": line})

    # -- walking ---------------------------------------------------------------------------------

    def records(self) -> Iterator[Node | Edge]:
        part_goal: str | None = None
        for unit in self.plan.root.walk():
            if unit.kind == "Part":
                part_goal = yield from self.part_goal(unit)
            elif unit.kind == "Paragraph" and unit.text is not None:
                container = unit.parent
                if self._in_goal_unit(unit):
                    yield from self.goal(unit)
                elif container.kind == "Box" and unit.item:
                    yield from self.measure(unit, container, 0, len(unit.text.text), part_goal, item=True)
                elif container.kind in ("Section", "Chapter", "Box"):
                    for start, end in split_sentences(unit.text):
                        sentence = unit.text.text[start:end]
                        if is_commitment(sentence) or (
                            not is_retrospective(sentence) and extract_targets(sentence)
                        ):
                            yield from self.measure(unit, container, start, end, part_goal)

    def _in_goal_unit(self, unit: Unit) -> bool:
        container = unit.parent
        return (
            container.kind in ("Chapter", "Section")
            and bool(GOAL_CHAPTER.search(container.title))
            and bool(GOAL_LINE.match(unit.text.text))
        )

    def part_goal(self, part: Unit):
        """The aim stated in a part's title (after its last comma: 坚持X，<aim>)."""
        aim = re.split(r"[，,]", part.title)[-1].strip() or part.title
        gid = f"{self.plan.plan_id}/goal/{unit_id(self.plan, part).rsplit('/', 1)[-1]}"
        text = part.text
        start = text.text.rfind(aim)
        yield Node(gid, "Goal", aim, self.source(part, text, start, start + len(aim)), {"level": "part"})
        yield Edge(gid, unit_id(self.plan, part), "PART_OF")
        return gid

    def goal(self, unit: Unit):
        """A main goal: a ``——`` line in the goals chapter; its name is the first clause."""
        text = unit.text
        body = GOAL_LINE.sub("", text.text)
        name = re.split(r"[，。；]", body)[0].strip()
        gid = f"{self.plan.plan_id}/goal/{unit.line_start}"
        yield Node(
            gid, "Goal", name, self.source(unit, text, 0, len(text.text)), {"level": "main", "text": body}
        )
        yield Edge(gid, unit_id(self.plan, unit.parent), "PART_OF")

    def measure(self, unit: Unit, container: Unit, start: int, end: int, goal: str | None, item=False):
        text = unit.text
        sentence = text.text[start:end].strip()
        mid = f"{self.plan.plan_id}/measure/{unit.line_start}" + ("" if item else f".{start}")
        src = self.source(unit, text, start, end)
        props = {"text": sentence}
        if item:
            props["item"] = unit.item
        yield Node(mid, "Measure", short_name(_measure_name(sentence)), src, props)
        yield Edge(mid, unit_id(self.plan, container), "PART_OF")
        if goal:
            yield Edge(mid, goal, "SUPPORTS")
        yield from self.targets(mid, unit, start, end)

    def targets(self, owner: str, unit: Unit, start: int, end: int):
        """Targets stated in clean-text span [start, end) of ``unit``, MEASURED_BY from ``owner``."""
        text = unit.text
        for match in extract_targets(text.text[start:end]):
            a, b = start + match.start, start + match.end
            tid = f"{self.plan.plan_id}/target/{unit.line_start}.{a}"
            src = self.source(unit, text, a, b)
            phrase = text.text[a:b].strip()
            props = {
                "value": match.value,
                "number": match.number,
                "high": match.high,
                "unit": match.unit,
                "year": match.year,
                "comparator": match.comparator,
                "aspiration": match.aspiration,
                "cumulative": match.cumulative,
                "subject": match.subject,
                "text": phrase,
            }
            if not match.unit:
                self.problem("target-without-unit", f"target without unit: {phrase}", src.line_start)
            yield Node(
                tid, "Target", short_name(phrase), src, {k: v for k, v in props.items() if v is not None}
            )
            yield Edge(owner, tid, "MEASURED_BY", src)


def _measure_name(sentence: str) -> str:
    """A box item's title (``1. 人工智能+科学研究。…`` -> 人工智能+科学研究) or the sentence itself."""
    head = re.sub(r"^\s*(?:\d{1,2}\s*[.、]|[（(][^）)]{1,3}[）)]|[一二三四五六七八九十]+、)\s*", "", sentence)
    first = re.split(r"[。：:]", head, maxsplit=1)[0]
    return first if 2 <= len(first) <= 30 else head


def extraction_records(plan: ParsedPlan, problems: list[dict]) -> Iterator[Node | Edge]:
    yield from Extractor(plan, problems).records()
