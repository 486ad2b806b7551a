"""Per-report lookups the commitments stage makes once per clause, built once per report.

Each answers exactly what the direct scan answers (``Report.section_at``, the nearest
sentence stop on either side, whether any of some spans holds an offset), by bisection
over positions found in one pass, so that the stage stays linear in the number of
clauses, sections and spans.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from ...model import Report, Section

__all__ = ["SectionIndex", "SentenceStops", "SpanSet"]


class SectionIndex:
    """``Report.section_at`` by bisection.

    Which sections hold an offset only changes at a section's start or end, so the
    deepest one is the same for every offset between two consecutive boundaries:
    it is found once per boundary, then looked up.
    """

    def __init__(self, report: Report) -> None:
        self._bounds = sorted({b for s in report.walk() for b in (s.start, s.end)})
        self._found: list[Section | None] = [None] * len(self._bounds)
        self._descend(report.sections, list(range(len(self._bounds))), None)

    def _descend(self, nodes: Sequence[Section], which: list[int], holder: Section | None) -> None:
        """Resolve the boundaries ``which`` (indexes into ``_bounds``), all held by ``holder``, among ``nodes``."""
        bounds, found = self._bounds, self._found
        if not nodes:
            for i in which:
                found[i] = holder
            return
        ordered = all(a.start <= a.end <= b.start for a, b in itertools.pairwise(nodes))
        if not ordered or nodes[-1].start > nodes[-1].end:
            # overlapping or unordered siblings (never built by the sections stage): ask directly
            for i in which:
                found[i] = _section_at(nodes, bounds[i], holder)
            return
        # ordered, disjoint siblings: the one that may hold an offset is the last to start at or before it
        starts = [n.start for n in nodes]
        groups: dict[int, list[int]] = {}
        for i in which:
            k = bisect.bisect_right(starts, bounds[i]) - 1
            if k >= 0 and bounds[i] < nodes[k].end:
                groups.setdefault(k, []).append(i)
            else:
                found[i] = holder
        for k, held in groups.items():
            self._descend(nodes[k].children, held, nodes[k])

    def at(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self._bounds, offset) - 1
        return self._found[i] if i >= 0 else None  # before the first start, no section holds it


def _section_at(nodes: Sequence[Section], offset: int, holder: Section | None) -> Section | None:
    """``Report.section_at`` from ``nodes`` down (the first sibling that holds the offset, at each level)."""
    found = holder
    while True:
        inner = next((s for s in nodes if s.start <= offset < s.end), None)
        if inner is None:
            return found
        found, nodes = inner, inner.children


class SentenceStops:
    """The sentence around a span: from after the last stop before it to the first stop after it.

    ``reach`` bounds the look on each side (a run-on sentence is cut there), as a
    ``rfind``/``find`` within the window would.
    """

    def __init__(self, text: str, stops: str, reach: int) -> None:
        self._len = len(text)
        self._reach = reach
        self._at = [m.start() for m in re.finditer("[" + re.escape(stops) + "]", text)]

    def around(self, start: int, end: int) -> tuple[int, int]:
        floor = max(0, start - self._reach)
        ceiling = min(self._len, end + self._reach)
        at = self._at
        i = bisect.bisect_left(at, start) - 1  # the last stop before start
        lo = at[i] + 1 if i >= 0 and at[i] >= floor else floor
        j = bisect.bisect_left(at, end)  # the first stop at or after end
        hi = at[j] if j < len(at) and at[j] < ceiling else ceiling
        return lo, hi


class SpanSet:
    """Whether an offset falls in any of some ``[start, end)`` spans (nested or overlapping), by bisection."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):  # an empty span holds nothing
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]
