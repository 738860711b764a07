"""Disjoint spans of a text, for "keep a match unless it overlaps one kept before" (entity matches
longest first, mentions of a span): each question in O(log n), so n matches cost O(n log n) and a
long line with thousands of names stays linear-ish, where a scan of everything kept was O(n²)."""

from __future__ import annotations

from bisect import bisect_left, insort


class DisjointSpans:
    """Half-open spans ``[a, b)`` that do not overlap (two spans overlap when ``b > x and a < y``)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: dict[int, int] = {}
        self._empty: list[tuple[int, int]] = []  # zero-width spans (none in practice), checked one by one

    def free(self, a: int, b: int) -> bool:
        """No kept span overlaps ``[a, b)``."""
        if any(b > x and a < y for x, y in self._empty):
            return False
        k = bisect_left(self._starts, b)  # the kept spans that start before b: only the last can reach a
        return not (k and self._ends[self._starts[k - 1]] > a)

    def add(self, a: int, b: int) -> bool:
        """Keep ``[a, b)`` if it is free; True when kept."""
        if not self.free(a, b):
            return False
        if a >= b:
            self._empty.append((a, b))
        else:
            insort(self._starts, a)
            self._ends[a] = b
        return True
