"""Follow last year's commitments into this year's report (gold/GONGZUO.md "Outcome" and "met").

Outcomes are searched only where a report looks back: this year's REVIEW and PROBLEMS parts (the whole
text before the PLAN part when the parser found no parts).  Each commitment is decided by the first of
:data:`STRATEGIES` that gives a verdict; every strategy is a :data:`~.context.Strategy`,
``(Commitment, Context) -> FollowThrough | None``, in a module of its own:

* ``numeric.by_outcome``: a numeric target met or missed by this year's figure of the same quantity
  (its unit, its indicator, a value within a factor of three), by the target's qualifier (左右 within 5 %,
  以上 ≥, 以内 ≤, a range inside, exact by direction);
* ``in_words.stated_in_words``: a numeric target without its figure, MET / MISSED when a sentence naming
  the indicator says it was done (完成, 实现) or not (未能实现);
* ``listed.covered_by_list``: a target listed beside one said in words to be done, where the review's
  sentence closes its list with 等;
* ``directed.by_direction``: a direction promised without a number (降低…发案量), judged by the figures
  that went up or down;
* ``evidence.addressed``: ADDRESSED when review sentences contain most of the commitment's characters, in
  order (an LCS containment, scored only for the pairs that ``align.plausible_pairs`` lets through: no n×m
  array);
* ``compound.by_parts``: a compound promise ADDRESSED when some of its parts are found;
* ``evidence.not_found``: NOT_FOUND otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Report
from ..options import DEFAULT_OPTIONS, CompareOptions
from ..records import FollowThrough, MetricPair
from . import compound, directed, evidence, in_words, listed, numeric
from .context import Context, Strategy, review_spans
from .numeric import judge

__all__ = ["STRATEGIES", "Context", "Strategy", "follow_commitments", "judge", "review_spans"]

STRATEGIES: tuple[tuple[str, Strategy], ...] = (
    ("outcome", numeric.by_outcome),
    ("stated in words", in_words.stated_in_words),
    ("covered by a list", listed.covered_by_list),
    ("direction", directed.by_direction),
    ("evidence", evidence.addressed),
    ("parts", compound.by_parts),
    ("not found", evidence.not_found),
)


def follow_commitments(
    old: Report,
    new: Report,
    metric_pairs: Sequence[MetricPair] = (),
    *,
    options: CompareOptions = DEFAULT_OPTIONS,
) -> tuple[FollowThrough, ...]:
    """One FollowThrough per commitment of OLD, in OLD's order.

    ``metric_pairs`` (from ``pair_metrics``) lets a promised direction (提高…率) be judged by how a rate
    moved from last year's figure to this year's.  Each strategy runs over the commitments still open, in
    the order of :data:`STRATEGIES`; the last always decides.  Their thresholds are those of ``options``.
    """
    if not old.commitments:
        return ()
    ctx = Context(old, new, metric_pairs, options)
    for _name, strategy in STRATEGIES:
        for c in ctx.open():
            verdict = strategy(c, ctx)
            if verdict is not None:
                ctx.decide(c, verdict)
    return tuple(ctx.decided[k] for k in range(len(ctx.commits)))
