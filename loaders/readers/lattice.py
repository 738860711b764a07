"""Tables from ruling lines: a lattice of the rows and columns that the rules of one connected group
mark out, with the cells that their missing rules merge (rowspan, colspan).

The outer box of a table is where its vertical rules end, not where a horizontal rule is: a table cut
by a page break has no rule along the cut, and its cells there still close at the edge.

>>> rules = [("h", 0, 0, 20), ("h", 10, 0, 20), ("h", 20, 10, 20), ("h", 30, 0, 20),
...          ("v", 0, 0, 30), ("v", 10, 0, 30), ("v", 20, 0, 30)]
>>> (t,) = find_lattices(rules)
>>> t.rows, t.cols, t.cell_of[(2, 0)], t.cell_of[(2, 1)]
(3, 2, (1, 0), (2, 1))
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

TOL = 2.0  # rules this close are one; a rule this short of a crossing still meets it
THIN = 3.0  # a filled rectangle at most this thick is drawn as a rule


@dataclass
class Lattice:
    xs: list[float]
    ys: list[float]
    cell_of: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    open_bottom: bool = False  # no rule along the bottom (a table cut by a page break)

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    @property
    def cols(self) -> int:
        return len(self.xs) - 1

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def slot_of(self, x: float, y: float) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.ys, y) - 1
        j = bisect.bisect_right(self.xs, x) - 1
        if 0 <= i < self.rows and 0 <= j < self.cols:
            return (i, j)
        return None

    def _slots(self, cell: tuple[int, int]) -> list[tuple[int, int]]:
        return [slot for slot, origin in self.cell_of.items() if origin == cell]

    def cell_bbox(self, cell: tuple[int, int]) -> tuple[float, float, float, float]:
        slots = self._slots(cell)
        i1 = max(i for i, _ in slots) + 1
        j1 = max(j for _, j in slots) + 1
        return (self.xs[cell[1]], self.ys[cell[0]], self.xs[j1], self.ys[i1])

    def width_of(self, cell: tuple[int, int]) -> int:
        return len({j for _, j in self._slots(cell)})


def cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= TOL:
            continue
        out.append(v)
    return out


def _covers(segments: list[tuple[float, float, float]], at: float, lo: float, hi: float) -> bool:
    """Whether a rule at ``at`` (within TOL) runs over the middle of ``lo``..``hi``."""
    mid = (lo + hi) / 2
    return any(abs(pos - at) <= TOL and a - TOL <= mid <= b + TOL for pos, a, b in segments)


def _groups(rules: list[tuple[str, float, float, float]]) -> list[list[tuple[str, float, float, float]]]:
    """Rules that cross or touch one another, transitively: one group per table."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, r in enumerate(rules) if r[0] == "h"]
    vs = [i for i, r in enumerate(rules) if r[0] == "v"]
    for i in hs:
        _, y, x0, x1 = rules[i]
        for k in vs:
            _, x, top, bottom = rules[k]
            if x0 - TOL <= x <= x1 + TOL and top - TOL <= y <= bottom + TOL:
                parent[find(i)] = find(k)
    for kind in (hs, vs):  # pieces of one rule drawn end to end (a border drawn cell by cell)
        ordered = sorted(kind, key=lambda i: (round(rules[i][1] / TOL), rules[i][2]))
        for a, b in zip(ordered, ordered[1:], strict=False):
            ra, rb = rules[a], rules[b]
            if abs(ra[1] - rb[1]) <= TOL and rb[2] <= ra[3] + TOL:
                parent[find(a)] = find(b)
    groups: dict[int, list] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def find_lattices(rules: list[tuple[str, float, float, float]]) -> list[Lattice]:
    """The tables that the ruling lines of a page draw, top to bottom."""
    out = []
    for group in _groups(rules):
        hs = [(y, x0, x1) for kind, y, x0, x1 in group if kind == "h"]
        vs = [(x, top, bottom) for kind, x, top, bottom in group if kind == "v"]
        if len(vs) < 2 or not hs:
            continue
        top, bottom = min(t for _, t, _ in vs), max(b for _, _, b in vs)
        xs = cluster([x for x, _, _ in vs])
        ys = cluster([top, bottom] + [y for y, _, _ in hs if top - TOL <= y <= bottom + TOL])
        if len(xs) < 2 or len(ys) < 2 or xs[-1] - xs[0] < 4 * TOL or ys[-1] - ys[0] < 4 * TOL:
            continue
        out.append(_merge_cells(Lattice(xs, ys), hs, vs))
    return sorted(out, key=lambda t: t.ys[0])


def _merge_cells(lat: Lattice, hs, vs) -> Lattice:
    """Slots with no rule between them are one cell (union-find; the top-left slot names it)."""
    parent = {(i, j): (i, j) for i in range(lat.rows) for j in range(lat.cols)}

    def find(s):
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for i in range(lat.rows):
        for j in range(lat.cols):
            if j + 1 < lat.cols and not _covers(vs, lat.xs[j + 1], lat.ys[i], lat.ys[i + 1]):
                a, b = find((i, j)), find((i, j + 1))
                parent[max(a, b)] = min(a, b)
            if i + 1 < lat.rows and not _covers(hs, lat.ys[i + 1], lat.xs[j], lat.xs[j + 1]):
                a, b = find((i, j)), find((i + 1, j))
                parent[max(a, b)] = min(a, b)
    lat.cell_of = {s: find(s) for s in parent}
    lat.open_bottom = not any(_covers(hs, lat.ys[-1], lat.xs[j], lat.xs[j + 1]) for j in range(lat.cols))
    return lat
