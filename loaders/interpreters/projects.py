"""Named projects: the items of a list that a sentence closes with ``等(重大)项目/工程``.

``推进杭州地铁四期、杭淳开高速等重大项目`` names two projects. The list starts after the last
action verb before it, and its items are separated by ``、``. Items with parenthesised qualifiers
keep them (``杭州萧山国际机场四期（机场三跑道）项目``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOSER = re.compile(r"等(?P<head>[\u4e00-\u9fff]{0,8}?)(?P<kind>项目|工程)")
_GENERIC_HEAD = re.compile(r"^(?:一批|若干|重大|重点|一系列|标志性)+")
_SHORT_ITEM = 6  # a list item this short names a place or thing that the head completes
_VERBS = re.compile(
    r"(?:开工建设|加快推进|力争建成|推进|建成|建设|实施|谋划|开工|加快|含|包括|打造|新建|续建)"
)
_STOP = "，。；：:;！？"
_MIN, _MAX = 3, 40


@dataclass(frozen=True)
class ProjectMatch:
    """``text[start:end]`` is the list item; ``name`` may add the list's head (see find_projects)."""

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
        # ``钱塘江、京杭运河等干线航道提升工程``: the specific head completes each short item's name
        head = _GENERIC_HEAD.sub("", closer.group("head"))
        for piece in re.finditer(r"[^、]+", text[pos:end]):
            name = piece.group().strip()
            if head and len(name) <= _SHORT_ITEM:
                name = f"{name}{head}{closer.group('kind')}"
            if _MIN <= len(name) <= _MAX and not re.match(
                r"^[\d一二三四五六七八九十两百千万]+[个项座条家]", name
            ):
                found.append(ProjectMatch(pos + piece.start(), pos + piece.end(), name))
    return found
