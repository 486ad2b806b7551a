"""Check the changes a report states (较去年同期下降27.4%) against last year's report.

For a stated change ``c`` of a metric ``v`` (the parser links them: ``change.refers_to == v.id``):

* a percentage change implies last year's value ``v / (1 ± c/100)`` (53件, 下降27.4% → 73件);
* a change in 个百分点 or in the metric's own unit implies ``v ∓ c``.

When last year's value is known (the metric pairs with one in OLD), the statement is *consistent* when
that value lies in the interval the stated change allows once its rounding is taken into account: the
change is rounded at its last written digit (27.4 stands for 27.35…27.45), the values at theirs, and a
hedged value (约, 余, 多) may be off by 5 %.

Growth in real terms (实际增长, 按可比价格计算; Chinese statistics give output such as 国内生产总值 and 增加值 that
way) leaves prices out, so last year's nominal value can neither check it nor be implied by it: such a change is
reported as not checkable, with a note.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, DivisionByZero, InvalidOperation

import attrs

from .. import lang
from ..model import Direction, Metric, MetricKind, Qualifier, Report
from .metrics import fold
from .options import DEFAULT_OPTIONS
from .records import MetricPair, Note, StatedChange

__all__ = ["check_stated_changes", "implied_prior"]

_EN_BASELINES = ("last year", "previous year", "prior year")


@functools.cache
def _year_baselines() -> tuple[str, ...]:
    """Baselines of a year-over-year change (lang/zh/changes.toml year_baselines, and English)."""
    return lang.words("zh", "changes", "year_baselines") + _EN_BASELINES


@functools.cache
def _percent() -> tuple[str, ...]:
    """The percent signs of a relative change (lang/zh/units.toml percent, but ‰)."""
    return tuple(p for p in lang.words("zh", "units", "percent") if p != "\u2030")


def _changes(key: str) -> re.Pattern[str]:
    """A pattern of lang/zh/changes.toml: real_before (…实际增长6.3%), comparable_prices (按可比价格计算),
    output (生产总值, GDP, 增加值)."""
    return lang.pattern("zh", "changes", key)


REAL_TERMS_NOTE = Note("real_terms")


def _half_ulp(d: Decimal) -> Decimal:
    exp = d.as_tuple().exponent
    return Decimal(5).scaleb(int(exp) - 1) if isinstance(exp, int) else Decimal(0)


def _sign(change: Metric) -> int:
    if change.direction is Direction.DOWN:
        return -1
    return 1


def implied_prior(value: Decimal, change: Metric) -> Decimal | None:
    """Last year's value implied by this year's ``value`` and the stated ``change`` (None when undefined)."""
    sign = _sign(change)
    try:
        if change.unit in _percent():
            factor = 1 + sign * change.value / 100
            return value / factor if factor > 0 else None
        return value - sign * change.value
    except (InvalidOperation, DivisionByZero):
        return None


def _bounds(value: Decimal, change: Metric, hedged: bool, hedge: float) -> tuple[Decimal, Decimal]:
    """The interval of last year's values the statement allows (``hedge`` wider each way when ``hedged``)."""
    lows, highs = [], []
    du, dc = _half_ulp(value), _half_ulp(change.value)
    for v in (value - du, value + du):
        for c in (change.value - dc, change.value + dc):
            p = implied_prior(v, attrs.evolve(change, value=c))
            if p is not None:
                lows.append(p)
                highs.append(p)
    if not lows:
        return Decimal(0), Decimal(0)
    lo, hi = min(lows), max(highs)
    if hedged:
        lo, hi = lo * Decimal(1 - hedge), hi * Decimal(1 + hedge)
    return lo, hi


def _is_year_over_year(change: Metric) -> bool:
    return change.baseline is None or any(b in change.baseline for b in _year_baselines())


def _round(d: Decimal | None) -> Decimal | None:
    if d is None:
        return None
    q = Decimal("0.01") if abs(d) < 100 else Decimal(1)
    return d.quantize(q)


def check_stated_changes(
    new: Report, pairs: Sequence[MetricPair], *, hedge: float = DEFAULT_OPTIONS.stated_hedge
) -> tuple[StatedChange, ...]:
    """Every year-over-year change NEW states of one of its metrics, checked where last year's value is known
    (a value or prior that is not exact widens the interval by ``hedge`` each way)."""
    by_id: Mapping[str, Metric] = {m.id: m for m in new.metrics}
    prior_of = {id(p.new): p.old for p in pairs if p.new is not None and p.old is not None}
    out: list[StatedChange] = []
    for change in new.metrics:
        if change.kind is not MetricKind.CHANGE or not _is_year_over_year(change) or change.same_fact_as:
            continue
        # a change with nothing to apply it to (居民消费价格上涨2%) states no checkable level; a plan's
        # 增长7%左右 is a target, not a statement about last year
        metric = by_id.get(change.refers_to) if change.refers_to else None
        if metric is None or change.is_target:
            continue
        real = _in_real_terms(new, change, metric)
        implied = None if real else implied_prior(metric.value, change)
        prior = prior_of.get(id(metric))
        consistent: bool | None = None
        actual: Decimal | None = None
        if real and prior is not None and prior.unit == metric.unit and prior.value:
            actual = _round((metric.value - prior.value) / prior.value * 100)  # the nominal change, for reference
        elif prior is not None and prior.unit == metric.unit and implied is not None:
            hedged = any(m.qualifier is not Qualifier.EXACT for m in (metric, prior))
            lo, hi = _bounds(metric.value, change, hedged, hedge)
            du = _half_ulp(prior.value)
            consistent = lo - du <= prior.value <= hi + du
            if change.unit in _percent() and prior.value:
                actual = _round((metric.value - prior.value) / prior.value * 100)
            else:
                actual = _round(metric.value - prior.value)
        out.append(
            StatedChange(change.start, change.end, change, metric, prior, consistent, _round(implied), actual,
                         (REAL_TERMS_NOTE,) if real else ())
        )
    return tuple(out)


def _in_real_terms(report: Report, change: Metric, metric: Metric) -> bool:
    """Whether a change is growth in real terms: said so (实际增长, 按可比价格计算), or a percentage change of
    output (国内生产总值, 增加值), which is always stated at comparable prices."""
    if change.unit not in _percent():
        return False
    text = report.text
    lo, hi = min(metric.start, change.start), max(metric.end, change.end)
    if (_changes("real_before").search(text, max(0, change.start - 6), change.start)
            or _changes("comparable_prices").search(text, lo, hi)):
        return True
    # output itself, not a measure per unit of it: 万元地区生产总值能耗 folds to 能耗强度
    name = fold(metric.label or text[max(0, metric.start - 12) : metric.start])
    return _changes("output").search(name) is not None
