"""Whether a figure of this year's review is about the same scope as last year's target.

A target for 城镇居民人均可支配收入 is not met by 全体居民人均可支配收入增长6.1%, and 固定资产投资增长5%左右 is not
answered by 扣除房地产开发投资后，固定资产投资增长2.7% (lang/zh/indicators.toml: ``scope_groups``,
``scope_changes``). A different scope is no outcome: the target stays open rather than judged by another figure.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from .. import lang
from ..model import PartKind, Report

__all__ = ["converted", "different_scope", "has_subject", "is_start_level", "recap_spans", "same_measure"]


@functools.cache
def _groups() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(g) for g in lang.data("zh", "indicators").get("scope_groups", ()))


def _members(text: str, group: tuple[str, ...]) -> set[str]:
    return {w for w in group if w in text}


def different_scope(indicator: str, context: str) -> bool:
    """``context``: the words before this year's figure (its clause and the one before, up to the figure,
    written #). True when they narrow its scope (扣除…后，…增长#) or name another member of a scope group
    than the indicator does (全体居民…增长# for 城镇居民…). Words after the figure (增长#（同口径增长…）)
    are about another figure."""
    context = context.split("#")[0]
    if lang.union("indicators", "scope_changes", ("zh",)).search(context):
        return True
    for group in _groups():
        mine, theirs = _members(indicator, group), _members(context, group)
        if mine and theirs and not mine & theirs:
            return True
    return False


def is_start_level(masked_clause: str) -> bool:
    """从A降到B: A (written # in ``masked_clause``) is where the indicator started, not its outcome."""
    return lang.pattern("zh", "indicators", "start_level").search(masked_clause) is not None


_HAN_FIRST, _HAN_LAST = chr(0x4E00), chr(0x9FFF)  # CJK unified ideographs


def has_subject(masked_clause: str) -> bool:
    """Does the figure's own clause name what it measures (全体居民人均可支配收入增长#), or only how it moved
    (比上年增长#, whose subject is in the clause before)?"""
    rest = lang.pattern("zh", "indicators", "subjectless").sub("", masked_clause.split("#")[0])
    return sum(_HAN_FIRST <= ch <= _HAN_LAST for ch in rest) >= 2


@functools.cache
def _factors() -> dict[str, tuple[str, Decimal]]:
    out = {}
    for measure, units in lang.data("zh", "units").get("conversions", {}).items():
        for unit, factor in units.items():
            out[unit] = (measure, Decimal(factor))
    return out


def converted(value: Decimal, unit: str, to: str) -> Decimal | None:
    """``value`` in ``unit`` written in ``to`` (1300万吨 → 260亿斤), or None when they measure different things
    (lang/zh/units.toml ``conversions``)."""
    if unit == to:
        return value
    a, b = _factors().get(unit), _factors().get(to)
    if a is None or b is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]


def same_measure(unit: str) -> tuple[str, ...]:
    """The other units ``unit`` converts to (斤 → 公斤, 千克, 吨)."""
    mine = _factors().get(unit)
    if mine is None:
        return ()
    return tuple(u for u, (measure, _) in _factors().items() if measure == mine[0] and u != unit)


def recap_spans(report: Report) -> list[tuple[int, int]]:
    """Where the plan part looks back on last year (过去一年，…国内生产总值增长10.3%，居民消费价格涨幅控制在3.3%):
    from the opening (lang/zh/indicators.toml ``recap_openings``) to the end of its paragraph or the next
    word of this year (``recap_ends``). Its figures are last year's outcomes as much as the review's."""
    plan = report.part(PartKind.PLAN)
    if plan is None:
        return []
    text, out = report.text, []
    ends = lang.union("indicators", "recap_ends", ("zh",))
    for hit in lang.union("indicators", "recap_openings", ("zh",)).finditer(text, plan.start, plan.end):
        line_end = text.find("\n", hit.end(), plan.end)
        stop = ends.search(text, hit.end(), line_end if line_end >= 0 else plan.end)
        out.append((hit.start(), stop.start() if stop else line_end if line_end >= 0 else plan.end))
    return out
