"""What a plan says about itself: place, level, edition, period, title, issuer and date, and the plan id
derived from them.

The title is found as the structure parser finds it (``genre_title`` before the contents or the first
heading). From the title: the place before 国民经济和社会发展 (a province, city or county of the
gazetteer, or the nation for 中华人民共和国/全国), the edition (第十五个五年 -> 15). The period
follows from the edition by the national calendar of five-year plans (the 1st ran 1953–1957, the
2nd 1958–1962, the 3rd 1966–1970, the 4th 1971–1975, the 5th 1976–1980 and every later one the
five years after its predecessor: the 14th 2021–2025, the 15th 2026–2030). The issuing body and
date come from a notice of issue before the title (a line naming a 人民政府 or 人民代表大会 alone,
followed by a date line), where there is one.

The plan id is ``<GB/T 2260 code>-<edition>`` (``320100-15`` for Nanjing's 15th plan) or
``cn-<edition>`` for the national outline; ``None`` when place or edition is not known, and the
caller keeps the file-derived id.

>>> meta = read_metadata("南京市国民经济和社会发展\\n第十五个五年规划纲要\\n\\n第一章 总则\\n")
>>> meta.plan_id, meta.place, meta.level, meta.edition, meta.period
('320100-15', '南京市', 'city', 15, (2026, 2030))
>>> read_metadata("中华人民共和国国民经济和社会发展第十四个五年规划纲要\\n\\n第一章 总则\\n").plan_id
'cn-14'
>>> read_metadata("哨兵规划纲要\\n\\n第一章 总则\\n").plan_id is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.loaders.layouts.contents import contents_of
from kg.loaders.layouts.structure import genre_title
from kg.loaders.lexicon.numerals import cn_int
from kg.loaders.lexicon.patterns import HEADING
from kg.loaders.reference.gazetteer import District, place_of_plan, resolve_place

EDITION = re.compile(r"第([一二三四五六七八九十〇零\d]{1,3})个五年(?:规划|计划)")
SHORT_EDITION = re.compile(r"[“\"]?([一二三四五六七八九十]{1,3})五[”\"]?(?:规划|计划)")
PLACE_END = re.compile(r"国民经济和社会发展|第[一二三四五六七八九十\d]{1,3}个五年")
NATION = ("中华人民共和国", "全国", "国家")
# The national calendar (module docstring): start years of the 1st to 5th plans; from the 6th on,
# every plan starts five years after the one before (6th: 1981).
EARLY_STARTS = {1: 1953, 2: 1958, 3: 1966, 4: 1971, 5: 1976}
ISSUER = re.compile(r"^\S{2,24}(?:人民政府|人民代表大会|人民政府办公厅)$")
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
NOTICE_WINDOW = 3  # non-blank lines between the issuer and the date of a notice of issue
LEVELS = {"province": "province", "county": "county", "city": "city"}


@dataclass(frozen=True)
class PlanMetadata:
    title: str = ""
    place: str | None = None
    place_code: str | None = None
    place_id: str | None = None
    level: str | None = None  # nation, province, city, county
    edition: int | None = None
    period: tuple[int, int] | None = None
    issuer: str | None = None
    issued: str | None = None  # ISO date of the notice of issue

    @property
    def plan_id(self) -> str | None:
        if self.edition is None:
            return None
        if self.level == "nation":
            return f"cn-{self.edition}"
        return f"{self.place_code}-{self.edition}" if self.place_code else None

    def properties(self) -> dict[str, Any]:
        """The Plan node's properties (camelCase, as exported); unknown ones are left out."""
        values = {
            "place": self.place, "placeCode": self.place_code, "placeId": self.place_id,
            "level": self.level, "edition": self.edition,
            "periodStart": self.period[0] if self.period else None,
            "periodEnd": self.period[1] if self.period else None,
            "issuer": self.issuer, "issued": self.issued,
        }  # fmt: skip
        return {key: value for key, value in values.items() if value is not None}


def period_of(edition: int) -> tuple[int, int]:
    """The years of the ``edition``-th five-year plan by the national calendar.

    >>> period_of(15), period_of(3), period_of(6)
    ((2026, 2030), (1966, 1970), (1981, 1985))
    """
    start = EARLY_STARTS.get(edition, 1981 + 5 * (edition - 6))
    return start, start + 4


def _title_span(text: str, lines: list[str]) -> tuple[int, int] | None:
    """0-based [start, end) of the title, looked for where the parser looks (before the contents)."""
    toc = contents_of(text)
    stop = (
        toc[0] - 1 if toc else next((i for i, s in enumerate(lines) if HEADING.match(s.strip())), len(lines))
    )
    return genre_title(lines, stop)


def _level(place: District) -> str:
    if place.is_province:
        return "province"
    return "city" if place.is_city else "county"


def place_in_title(title: str) -> tuple[str, District | None] | None:
    """(level, place) the title is about: the nation, or a province, city or county before the genre
    words; ``None`` when the title names none."""
    end = PLACE_END.search(title)
    prefix = title[: end.start()] if end else title
    if not prefix or prefix.startswith(NATION):
        return ("nation", None) if end else None
    city = place_of_plan(prefix)
    if city is None:
        return None
    rest = prefix[prefix.find(city.name) + len(city.name) :] if city.name in prefix else ""
    county = resolve_place(rest, city) if rest else None
    place = county if county is not None and county.code else city
    return _level(place), place


def _edition(title: str) -> int | None:
    match = EDITION.search(title) or SHORT_EDITION.search(title)
    return cn_int(match.group(1)) if match else None


def _notice(lines: list[str], before: int) -> tuple[str | None, str | None]:
    """Issuer and ISO date of the last notice of issue before line ``before`` (0-based)."""
    filled = [line.strip() for line in lines[:before] if line.strip()]
    for i in range(len(filled) - 1, -1, -1):
        if ISSUER.match(filled[i]):
            for later in filled[i + 1 : i + 1 + NOTICE_WINDOW]:
                date = DATE.match(later)
                if date:
                    year, month, day = (int(g) for g in date.groups())
                    return filled[i], f"{year:04d}-{month:02d}-{day:02d}"
    return None, None


@lru_cache(maxsize=8)  # a build reads it for the plan id, then for the Plan node
def read_metadata(text: str) -> PlanMetadata:
    """The plan's metadata from its text (see the module docstring); empty fields when not given."""
    lines = text.split("\n")
    span = _title_span(text, lines)
    if span is None:
        return PlanMetadata()
    title = "".join(line.strip() for line in lines[span[0] : span[1]])
    found = place_in_title(title)
    level, place = found if found else (None, None)
    edition = _edition(title)
    issuer, issued = _notice(lines, span[0])
    return PlanMetadata(
        title=title,
        place="中华人民共和国" if level == "nation" else place.name if place else None,
        place_code=place.code or None if place else None,
        place_id=place.id if place else None,
        level=level,
        edition=edition,
        period=period_of(edition) if edition else None,
        issuer=issuer,
        issued=issued,
    )
