"""A number with its unit as the scanners find it (Chinese and English), before its context is read."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ...model import Qualifier

__all__ = ["Candidate"]


@attrs.frozen
class Candidate:
    """A number with its unit, before context (qualifier words, changes, labels) is read."""

    start: int
    end: int
    value: Decimal
    unit: str
    numeral: str  # "arabic" | "chinese"
    suffix_qualifier: Qualifier | None = None  # 余 多 以上 左右 以内 …, inside the span
    value_high: Decimal | None = None
    surface_unit: str | None = None
    truncated: bool = False
    label: str | None = None  # set where the scanner knows better than the clause (English)
