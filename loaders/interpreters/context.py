"""What every interpreter of one plan is handed: the plan, where records go, provenance, problems.

Paragraph extraction (``extract.py``) and table interpretation (``table_records.py``) are peers:
each receives a :class:`Context` and emits records through it; neither reaches into the other.
"""

from __future__ import annotations

from kg.loaders.document.text import MappedText, clean
from kg.loaders.document.tree import ParsedPlan, Unit
from kg.loaders.interpreters.entities import place_names
from kg.loaders.interpreters.entity_records import EntityRegistry
from kg.loaders.interpreters.plan import unit_id
from kg.loaders.interpreters.sentences import period_end_year, plan_period
from kg.records import Edge, Node, Problem, Source


class Context:
    """One plan's extraction context. ``records`` is everything emitted, in order."""

    def __init__(self, plan: ParsedPlan, problems: list[dict]):
        self.plan = plan
        self.records: list[Node | Edge] = []
        self._problems = problems
        self.entities = EntityRegistry(plan.plan_id, plan.title, self.records)
        city = self.entities.city
        self.places = place_names(city.province if city is not None else None)
        self.period = plan_period(plan.title)  # 十五五: other periods named in a sentence are the past
        self.end_year = period_end_year(self.period)  # 到“十五五”末, 到规划期末
        self._clean_lines: dict[int, MappedText] = {}  # the few lines find_source read last

    def emit(self, *records: Node | Edge) -> None:
        self.records.extend(records)

    def problem(self, code: str, message: str, line: int | None = None, level: str = "warning") -> None:
        self._problems.append(Problem(self.plan.plan_id, code, message, line, level).as_dict())

    def unit_id(self, unit: Unit) -> str:
        return unit_id(self.plan, unit)

    def record_id(self, kind: str, key: str) -> str:
        """``<plan>/<kind>/<key>``: the id of a record of this plan."""
        return f"{self.plan.plan_id}/{kind}/{key}"

    # -- provenance ------------------------------------------------------------------------------

    def source(self, unit: Unit, text: MappedText, start: int, end: int) -> Source:
        """Provenance of clean-text span [start, end) of ``unit``: an exact quote of the input."""
        while start < end and text.text[start].isspace():
            start += 1
        a, b = text.span(start, end)
        plan = self.plan
        return Source(plan.plan_id, unit.path, plan.line_of(a), plan.line_of(b - 1), plan.raw[a:b])

    def _clean_line(self, n: int) -> MappedText:
        """Line ``n`` cleaned, kept while the interpreters read its neighbourhood (every cell of a
        table row asks for the same line: cleaning it once per cell made wide tables quadratic)."""
        found = self._clean_lines.get(n)
        if found is None:
            if len(self._clean_lines) >= 8:
                self._clean_lines.pop(next(iter(self._clean_lines)))
            found = self._clean_lines[n] = clean(self.plan.lines[n - 1], self.plan.offset(n))
        return found

    def lines_source(self, unit: Unit, first: int, last: int) -> Source:
        quote = self.plan.lines_text(first, last).strip()
        return Source(self.plan.plan_id, unit.path, first, last, quote)

    def find_source(self, unit: Unit, line: int, needle: str) -> Source:
        """The exact input span of ``needle`` on ``line`` (or the lines after it), else the line."""
        needle_clean = clean(needle).text
        for n in range(line, min(line + 3, len(self.plan.lines)) + 1):
            text = self._clean_line(n)
            i = text.text.find(needle_clean) if needle_clean else -1
            if i >= 0:
                return self.source(unit, text, i, i + len(needle_clean))
        return self.lines_source(unit, line, line)
