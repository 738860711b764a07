"""Named projects: the items of a list that a sentence closes with ``等(重大)项目/工程``.

``推进杭州地铁四期、杭淳开高速等重大项目`` names two projects. The list starts after the last
action verb before it, and its items are separated by ``、``. Items with parenthesised qualifiers
keep them (``杭州萧山国际机场四期（机场三跑道）项目``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOSER = re.compile(r"等(?:[\u4e00-\u9fff]{0,6}?)(?:项目|工程)")
_VERBS = re.compile(
    r"(?:开工建设|加快推进|力争建成|推进|建成|建设|实施|谋划|开工|加快|含|包括|打造|新建|续建)"
)
_STOP = "，。；：:;！？"
_MIN, _MAX = 3, 40


@dataclass(frozen=True)
class ProjectMatch:
    start: int
    end: int
    name: str


def find_projects(text: str) -> list[ProjectMatch]:
    found: list[ProjectMatch] = []
    for closer in _CLOSER.finditer(text):
        end = closer.start()
        clause_start = max(text.rfind(ch, 0, end) for ch in _STOP) + 1
        verbs = list(_VERBS.finditer(text, clause_start, end))
        if not verbs:
            continue
        pos = verbs[-1].end()
        for piece in re.finditer(r"[^、]+", text[pos:end]):
            name = piece.group().strip()
            if _MIN <= len(name) <= _MAX and not re.match(
                r"^[\d一二三四五六七八九十两百千万]+[个项座条家]", name
            ):
                found.append(ProjectMatch(pos + piece.start(), pos + piece.end(), name))
    return found
