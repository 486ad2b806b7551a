"""Strategy: a numeric target against this year's figure of the same quantity (gold/GONGZUO.md "Outcome", "met").

The outcome is a review metric with the target's unit whose indicator (label, or the clause before the number)
matches the target's, and whose value is within a factor of three of the target (a different order of magnitude
is a different quantity, however alike the words). Its status is MET / MISSED by the target's qualifier
(左右 within 5 %, 以上 ≥, 以内 ≤, a range inside, exact by direction).
"""

from __future__ import annotations

from decimal import Decimal

from ...model import Commitment, Direction, Metric, Qualifier
from ..options import DEFAULT_OPTIONS
from ..outcome_scope import different_scope, is_start_level
from ..records import FollowStatus, FollowThrough, Note
from .context import Context
from .outcomes import _judged_value, _same_quantity

__all__ = ["by_outcome", "favourable", "judge"]



def by_outcome(c: Commitment, ctx: Context) -> FollowThrough | None:
    """A numeric target's outcome and verdict; None when no figure of this year is its outcome.

    The candidates are the review metrics of the target's quantity, best named first (:meth:`_Outcomes.ranked`).
    """
    target = c.target
    if target is None:
        return None
    k = ctx.index(c)
    indicator, review, sents, ev_idx = ctx.indicator(k), ctx.review, ctx.sents, ctx.evidence_of(k)
    naming = review.ranked(indicator, review.candidates(target))
    direction = favourable(c)
    options = ctx.options
    if len(indicator) >= options.indicator_min:
        for x, score in naming:
            if score < options.outcome_cutoff:
                break
            outcome = review.metrics[x]
            if (
                _same_quantity(target, outcome, options)
                and (target.frame == "per_period") == (outcome.frame == "per_period")  # a quarter's is no year's
                and not review.is_period_total(x)
                and review.bigram_support(indicator, x) >= options.support_cutoff
                and not different_scope(indicator, review.lead[x])
                and not is_start_level(review.own[x])
            ):
                met = judge(target, _judged_value(target, outcome), direction, tolerance=options.tolerance)
                holder = sents.holding(outcome.start)
                ev = tuple(holder + [sents[i] for i in ev_idx if sents[i] not in holder])
                status = FollowStatus.MET if met else FollowStatus.MISSED
                return FollowThrough(
                    c, status, ev, outcome, met, round(score, 4), (_note(target, outcome),)
                )
    return None


def favourable(c: Commitment) -> Direction:
    """Which side of the target meets it: DOWN for a ceiling (``Commitment.ceiling``, set by the parser), else UP."""
    return Direction.DOWN if c.ceiling else Direction.UP


def judge(
    target: Metric, outcome: Decimal, direction: Direction | None, *, tolerance: Decimal = DEFAULT_OPTIONS.tolerance
) -> bool:
    """Met or missed, by the target's qualifier (gold/GONGZUO.md "met"); values are scaled alike. ``tolerance``:
    左右 allows this much relative slack on the unfavourable side (5 %, gold/GONGZUO.md)."""
    q, v = target.qualifier, target.value
    up = direction is not Direction.DOWN
    if q in (Qualifier.AT_LEAST, Qualifier.APPROX_OVER):
        return outcome >= v
    if q is Qualifier.AT_MOST:
        return outcome <= v
    if q is Qualifier.RANGE and target.value_high is not None:
        return v <= outcome <= target.value_high
    if direction is Direction.NEUTRAL:
        return abs(outcome - v) <= v * tolerance
    if q is Qualifier.APPROX:
        return outcome >= v * (1 - tolerance) if up else outcome <= v * (1 + tolerance)
    return outcome >= v if up else outcome <= v


def _note(target: Metric, outcome: Metric) -> Note:
    return Note("target_outcome", (target.text, target.qualifier.value, outcome.text))
