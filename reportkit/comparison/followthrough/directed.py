"""Strategy: a direction promised without a number (降低行政诉讼案件发案量和败诉率), judged by which way this year's
figures went: the review's stated changes and its rates that moved since last year's report."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ... import lang
from ...model import Commitment, Direction, Metric, MetricKind
from ..records import FollowStatus, FollowThrough, MetricPair, MetricStatus, Note
from .context import Context, _Sentences
from .outcomes import _filler, _Outcomes
from .text import _grams

__all__ = ["by_direction"]

@functools.cache
def _promise() -> re.Pattern[str]:
    """A plan clause that promises a direction for an indicator (降低行政诉讼案件发案量和败诉率, 提高办件率):
    adverbs, a verb read for promises (lang/zh/directions.toml up, down), then the indicators."""
    verbs = lang.words_for("zh", "directions", "down", "promise") + lang.words_for("zh", "directions", "up", "promise")
    return re.compile(
        "^" + str(lang.data("zh", "promises")["promise_adverbs"])
        + "(" + "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)) + ")(.+)$"
    )


def by_direction(c: Commitment, ctx: Context) -> FollowThrough | None:
    """A commitment without a target whose clause promises a direction, judged by the figures that moved."""
    if c.target is not None:
        return None
    moving = ctx.once(_moving_of)
    if not moving:
        return None
    return _directed(c, moving, ctx.sents, ctx.evidence_of(ctx.index(c)), ctx.options.directed_support)


def _moving_of(ctx: Context) -> _Moving:
    return _moving(ctx.review, ctx.metric_pairs)


class _Moving(list[tuple[Metric, Direction, frozenset[str]]]):
    """The review's figures that went up or down (:func:`_moving`), with an index of the bigrams they measure."""

    def __init__(self, items: list[tuple[Metric, Direction, frozenset[str]]]) -> None:
        super().__init__(items)
        self.by_gram: dict[str, list[int]] = {}
        for k, (_m, _d, measures) in enumerate(items):
            for g in measures:
                self.by_gram.setdefault(g, []).append(k)

    def sharing(self, grams: frozenset[str], at_least: int) -> list[int]:
        """Indices, in order, of the figures whose measures hold at least ``at_least`` of ``grams``."""
        hits: dict[int, int] = {}
        for g in grams:
            for k in self.by_gram.get(g, ()):
                hits[k] = hits.get(k, 0) + 1
        return sorted(k for k, n in hits.items() if n >= at_least)


def _moving(review: _Outcomes, metric_pairs: Sequence[MetricPair]) -> _Moving:
    """This year's figures that went up or down, with what they measure (label and own clause): the stated
    changes, and the rates paired with last year's."""
    moved: dict[int, Direction] = {
        p.new.start: Direction.UP if p.status is MetricStatus.UP else Direction.DOWN
        for p in metric_pairs
        if p.new is not None and p.new.kind is MetricKind.RATE and p.status in (MetricStatus.UP, MetricStatus.DOWN)
    }
    out: list[tuple[Metric, Direction, frozenset[str]]] = []
    for x, metric in enumerate(review.metrics):
        if metric.kind is MetricKind.CHANGE and metric.direction in (Direction.UP, Direction.DOWN):
            out.append((metric, metric.direction, _grams(review.phrase[x] + review.own[x])))
        elif metric.start in moved:
            out.append((metric, moved[metric.start], _grams(review.phrase[x] + review.own[x])))
    return _Moving(out)


def _directed(
    c: Commitment,
    moving: _Moving,
    sents: _Sentences,
    ev_idx: list[int],
    support: float,
) -> FollowThrough | None:
    """A promised direction without a number (降低行政诉讼案件发案量和败诉率), judged by this year's figures.

    Each indicator the clause names (split at 和、及、与) is looked for among ``moving``: the review's stated
    changes (新发行政诉讼案件47件，较去年同期下降20%) and its rates that moved since last year's report. A
    figure that went the promised way supports the commitment; one that went the other way misses it. All
    named indicators found going the promised way is MET, some of them ADDRESSED, any going the other way
    MISSED.
    """
    m = _promise().match(c.text.strip())
    if m is None:
        return None
    promised = Direction.DOWN if m.group(1) in lang.words("zh", "directions", "down") else Direction.UP
    split = lang.pattern("zh", "targets", "respective_pair_split")
    names = [core for n in split.split(m.group(2)) if len(core := _filler().sub("", n)) >= 3]
    if not names:
        return None
    seen: list[tuple[Metric, bool, float]] = []
    for name in names:
        grams = _grams(name)
        best: tuple[float, Metric, Direction] | None = None
        for metric, went, measures in (moving[k] for k in moving.sharing(grams, 2)):
            hits = len(grams & measures)  # what the figure itself measures (label and clause), not its neighbours
            share = hits / len(grams)
            if hits >= 2 and share >= support and (best is None or share > best[0]):
                best = (share, metric, went)
        if best is not None:
            seen.append((best[1], best[2] is promised, best[0]))
    if not seen:
        return None
    against = [s for s in seen if not s[1]]
    outcome, agrees, share = (against or seen)[0]
    status = (
        FollowStatus.MISSED if against else FollowStatus.MET if len(seen) == len(names) else FollowStatus.ADDRESSED
    )
    holder = sents.holding(outcome.start)
    ev = tuple(holder + [sents[i] for i in ev_idx if sents[i] not in holder])
    verb = m.group(1)
    note = Note("promised_same_way" if agrees else "promised_other_way", (verb, outcome.text))
    met = None if status is FollowStatus.ADDRESSED else status is FollowStatus.MET
    return FollowThrough(c, status, ev, outcome, met, round(share, 4), (note,))
