"""What every follow-through strategy reads, and the one signature they share.

A :data:`Strategy` looks at one commitment of last year with the :class:`Context` of the comparison and gives a
verdict, or None to leave the commitment to the next strategy. The context holds both reports, this year's review
sentences and figures, the evidence found for every commitment, and the verdicts given so far; work a strategy does
over all commitments at once (one containment table for all of them) is made on first use, with :meth:`Context.once`.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import numpy as np

from ...model import Commitment, Metric, PartKind, Report, Sentence
from ..align import sentences_of
from ..options import DEFAULT_OPTIONS, CompareOptions
from ..outcome_scope import recap_spans
from ..records import FollowThrough, MetricPair
from ..tokens import WordCode, both_english
from .outcomes import _Outcomes, target_indicator
from .text import _containment, _grams, _Sparse, _squeeze, _words_of

__all__ = ["Context", "Strategy", "review_spans"]

_T = TypeVar("_T")


class Context:
    """One comparison as the strategies see it (``old`` last year, ``new`` this year)."""

    def __init__(
        self,
        old: Report,
        new: Report,
        metric_pairs: Sequence[MetricPair] = (),
        options: CompareOptions = DEFAULT_OPTIONS,
    ) -> None:
        self.old, self.new, self.metric_pairs, self.options = old, new, metric_pairs, options
        self.commits = old.commitments
        spans = review_spans(new)
        all_sents = sentences_of(new)
        self.sents = _Sentences([all_sents[i] for i in _inside_all(spans, [s.start for s in all_sents])])
        self.outcomes: list[Metric] = [
            new.metrics[i]
            for i in _inside_all(spans, [m.start for m in new.metrics])
            if not new.metrics[i].is_target
        ]
        self.hay = [_squeeze(s.text) for s in self.sents]
        self.english = both_english(old, new)
        self.top, self.sims = _evidence(self.commits, self.sents, self.hay, self.english, options)
        self.decided: dict[int, FollowThrough] = {}
        self._index = {id(c): k for k, c in enumerate(self.commits)}
        self._once: dict[Callable[[Context], Any], Any] = {}

    def index(self, c: Commitment) -> int:
        """``c``'s place in ``old.commitments``."""
        return self._index[id(c)]

    def evidence_of(self, k: int) -> list[int]:
        """The review sentences (indices into ``sents``) that hold most of commitment ``k``, best first (up to 3)."""
        return self.top.get(k, [])

    def open(self) -> list[Commitment]:
        """The commitments no strategy has decided yet, in order."""
        return [c for k, c in enumerate(self.commits) if k not in self.decided]

    def decide(self, c: Commitment, verdict: FollowThrough) -> None:
        self.decided[self.index(c)] = verdict

    def once(self, build: Callable[[Context], _T]) -> _T:
        """What ``build`` makes of this context, made on its first use: a strategy's work over all commitments."""
        if build not in self._once:
            self._once[build] = build(self)
        return cast(_T, self._once[build])

    @functools.cached_property
    def review(self) -> _Outcomes:
        """This year's review figures, each with the words that say what it measures."""
        return _Outcomes.of(self.new, self.outcomes, self.options)

    @functools.cached_property
    def numeric(self) -> dict[int, int]:
        """The commitments with a numeric target: their index → row in :attr:`indicators`."""
        return {k: row for row, k in enumerate(k for k, c in enumerate(self.commits) if c.target is not None)}

    @functools.cached_property
    def indicators(self) -> list[str]:
        """What each numeric target measures (:func:`target_indicator`), in the rows of :attr:`numeric`."""
        return [target_indicator(self.old, self.commits[k], self.options.indicator_min) for k in self.numeric]

    @functools.cached_property
    def _named(self) -> _Sparse:
        return _containment(self.indicators, self.hay, self.options.named_cutoff)

    def indicator(self, k: int) -> str:
        return self.indicators[self.numeric[k]]

    def named(self, k: int) -> dict[int, np.float32]:
        """How much of commitment ``k``'s indicator each review sentence holds, where it is not 0."""
        return self._named.row(self.numeric[k])


Strategy = Callable[[Commitment, Context], FollowThrough | None]
"""A way of deciding a commitment's follow-through: its verdict, or None for the next strategy to try."""


def _evidence(
    commits: Sequence[Commitment], sents: Sequence[Sentence], hay: list[str], english: bool, options: CompareOptions
) -> tuple[dict[int, list[int]], list[float]]:
    """For each commitment the (up to) three review sentences that hold most of it, and its best score."""
    cutoff = options.evidence_cutoff
    if english:
        code = WordCode()  # words, not letters: any two long English sentences share most letters
        evidence = _containment([code.encode(_words_of(c)) for c in commits], [code.encode(s.text) for s in sents],
                                cutoff)
    else:
        evidence = _containment([_squeeze(_words_of(c)) for c in commits], hay, cutoff,
                                min_shared=options.evidence_bigrams)
    # evidence is sparse: only the entries over the cutoff matter, three best per commitment
    over = evidence.values >= cutoff
    rows, cols, values = evidence.rows[over], evidence.cols[over], evidence.values[over]
    order = np.lexsort((-values, rows))
    top: dict[int, list[int]] = {}
    for r, c in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        best3 = top.setdefault(r, [])
        if len(best3) < 3:
            best3.append(c)
    sims = cast(list[float], np.round(evidence.row_max(), 4).tolist()) if sents else [0.0] * len(commits)
    return top, sims


def review_spans(report: Report) -> list[tuple[int, int]]:
    """Where this year's report looks back on last year."""
    spans = [(p.start, p.end) for p in report.parts if p.kind in (PartKind.REVIEW, PartKind.PROBLEMS)]
    if spans:
        return spans + recap_spans(report)  # 过去一年，… said again at the top of the plan
    plan = report.part(PartKind.PLAN)
    return [(0, plan.start if plan else len(report.text))]


def _inside_all(spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> list[int]:
    """Indices of the offsets that fall in any span (one vectorised test for a whole report)."""
    at = np.asarray(starts, dtype=np.int64)
    hit = np.zeros(len(at), dtype=bool)
    for a, b in spans:
        hit |= (at >= a) & (at < b)
    return np.nonzero(hit)[0].tolist()


class _Sentences(Sequence[Sentence]):
    """The review's sentences in text order, with what finds them without a scan of all: the sentence holding an
    offset (by bisection) and the sentences that may hold a word (an index of character bigrams)."""

    def __init__(self, sents: list[Sentence]) -> None:
        self._sents = sents
        self._starts = [s.start for s in sents]
        self._grams: dict[str, list[int]] | None = None

    def __getitem__(self, k: int) -> Sentence:  # type: ignore[override]
        return self._sents[k]

    def __len__(self) -> int:
        return len(self._sents)

    def holding(self, offset: int) -> list[Sentence]:
        """The sentence ``offset`` falls in (sentences do not overlap), as a list of one, or none."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return [self._sents[k]] if k >= 0 and offset < self._sents[k].end else []

    def maybe_holding(self, *words: str) -> list[int]:
        """Indices, in order, of the sentences that may hold any of ``words``: those holding each word's rarest
        bigram (a word of one character: every sentence)."""
        if self._grams is None:
            grams: dict[str, list[int]] = {}
            for x, s in enumerate(self._sents):
                for g in _grams(s.text):
                    grams.setdefault(g, []).append(x)
            self._grams = grams
        found: set[int] = set()
        for word in words:
            if len(word) < 2:
                return list(range(len(self._sents)))
            rarest: list[int] = min((self._grams.get(g, []) for g in _grams(word)), key=len)
            found.update(rarest)
        return sorted(found)
