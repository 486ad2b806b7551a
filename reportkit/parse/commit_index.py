"""Per-report lookups the commitments stage makes once per clause, built once per report.

Both answer exactly what the direct scan answers (``Report.section_at``, the nearest
sentence stop on either side), by bisection over positions found in one pass, so that
the stage stays linear in the number of clauses.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from ..model import Report, Section

__all__ = ["SectionIndex", "SentenceStops"]


class SectionIndex:
    """``Report.section_at`` by bisection.

    Which sections hold an offset only changes at a section's start or end, so the
    deepest one is the same for every offset between two consecutive boundaries:
    it is asked once per boundary, then looked up.
    """

    def __init__(self, report: Report) -> None:
        self._bounds = sorted({b for s in report.walk() for b in (s.start, s.end)})
        self._found = [report.section_at(b) for b in self._bounds]

    def at(self, offset: int) -> Optional[Section]:
        i = bisect.bisect_right(self._bounds, offset) - 1
        return self._found[i] if i >= 0 else None  # before the first start, no section holds it


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
