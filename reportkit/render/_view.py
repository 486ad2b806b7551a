"""What every output of a comparison shows, worked out once: counts, the notable changes, sentences by section.

The terminal, HTML, Excel and Word renderers all call these, so the four outputs never disagree about what
"the largest change" or "the sentences of section 一/（二）" are.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

import attrs

from ..comparison.pair_confidence import HEADLINE_CONFIDENCE, NAME_MIN, facts_of
from ..comparison.records import (
    FollowStatus,
    FollowThrough,
    MetricPair,
    MetricStatus,
    ReportDiff,
    SectionPair,
    SentencePair,
    StatedChange,
    Tag,
)
from ..model import CommitmentType, Metric, PartKind, Report, Section, Sentence, fold

E = TypeVar("E", bound=enum.Enum)


def counts(items: Iterable[E], kind: type[E]) -> tuple[tuple[E, int], ...]:
    """How many of each member of ``kind``, in the enum's order, members never seen included as 0."""
    seen = Counter(items)
    return tuple((member, seen.get(member, 0)) for member in kind)


@attrs.frozen
class Summary:
    sections: tuple[tuple[Tag, int], ...]
    sentences: tuple[tuple[Tag, int], ...]
    metrics: tuple[tuple[MetricStatus, int], ...]
    commitments: tuple[tuple[FollowStatus, int], ...]
    stated_changes: int
    inconsistent: int


def summarise(diff: ReportDiff) -> Summary:
    return Summary(
        sections=counts((p.tag for p in diff.sections), Tag),
        sentences=counts((p.tag for p in diff.sentences), Tag),
        metrics=counts((p.status for p in diff.metrics), MetricStatus),
        commitments=counts((f.status for f in diff.commitments), FollowStatus),
        stated_changes=len(diff.stated_changes),
        inconsistent=len(inconsistent(diff)),
    )


def _magnitude(p: MetricPair) -> tuple[int, Decimal, Decimal]:
    # A change with a per-cent figure ranks by it; one without (old value 0) ranks after all of those.
    pct = abs(p.pct_change) if p.pct_change is not None else Decimal(-1)
    return (1 if p.pct_change is not None else 0, pct, abs(p.delta) if p.delta is not None else Decimal(0))


def _in_review(report: Report, m: Metric) -> bool:
    """A result stands in the review part; the plan, the list of next year's projects appended to it (附件1
    2025年省十件民生实事) and the notes on terms hold plans and definitions. A report without a review part
    is read as all review."""
    review = report.part(PartKind.REVIEW)
    return review is None or review.start <= m.start < review.end


def largest_changes(diff: ReportDiff, n: int | None = None) -> list[MetricPair]:
    """Metrics that rose or fell, paired with confidence (comparison/pair_confidence.py), largest relative
    change first: a headline is no place for a doubtful pair, nor for a plan's figure (next year's target
    against last year's is a change of plan, not of results: the metrics table shows it)."""
    moved = [p for p in diff.metrics if p.status in (MetricStatus.UP, MetricStatus.DOWN) and p.old and p.new
             and p.confidence >= HEADLINE_CONFIDENCE and not (p.old.is_target or p.new.is_target)
             and _in_review(diff.old, p.old) and _in_review(diff.new, p.new)]
    moved.sort(key=_magnitude, reverse=True)
    return moved[:n] if n is not None else moved


def dropped(diff: ReportDiff) -> list[MetricPair]:
    """Last year's results this year's report does not give again: figures of the review that measure
    something (not “四统一”: lang/zh/pairs.toml ``not_an_indicator``) and have a name of their own (连续 of
    连续36年 or 户 is the parser's fallback, as pair_confidence treats it: too little to say what is gone)."""
    return [p for p in diff.metrics if p.status is MetricStatus.DROPPED and p.old is not None
            and _in_review(diff.old, p.old) and len(fold(p.old.label)) >= NAME_MIN
            and facts_of(diff.old, p.old).indicator]


def inconsistent(diff: ReportDiff) -> list[StatedChange]:
    return [c for c in diff.stated_changes if c.consistent is False]


def not_found(diff: ReportDiff) -> list[FollowThrough]:
    """Commitments this year's report is silent on, the ones that can be checked first: numeric targets, then
    directions on a named indicator, then the rest with principles last; in report order within each."""
    def weight(f: FollowThrough) -> tuple[bool, bool, bool]:
        c = f.commitment
        return c.target is None, not c.measurable, c.type is CommitmentType.PRINCIPLE

    return sorted((f for f in diff.commitments if f.status is FollowStatus.NOT_FOUND), key=weight)


@attrs.frozen
class SectionGroup:
    """One aligned section (``pair`` None for text outside every section) and the sentence pairs it holds.

    ``continued`` marks the part of a section that follows its subsections (a closing paragraph such as the
    problems paragraph after the last numbered item): it is shown after them, where the reader meets it.
    """

    anchor: str
    pair: SectionPair | None
    sentences: tuple[SentencePair, ...]
    continued: bool = False

    @property
    def level(self) -> int:
        if self.pair is None:
            return 1
        s = self.pair.new or self.pair.old
        return s.level if s is not None else 1

    @property
    def tag(self) -> Tag:
        return self.pair.tag if self.pair is not None else Tag.SAME


def _inside_heading(sentence: Sentence | None, section: Section | None) -> bool:
    if sentence is None:
        return True
    if section is None:
        return False
    # The heading runs from the marker to the end of the title, plus the 。 or ： that may close it.
    return section.start <= sentence.start and sentence.end <= section.title_end + 1


def _is_heading(sp: SentencePair, pair: SectionPair) -> bool:
    """A sentence pair that is only the section's own heading line (``（一）完善制度体系。``)."""
    if sp.old is None and sp.new is None:
        return False
    return _inside_heading(sp.old, pair.old) and _inside_heading(sp.new, pair.new)


def _after_children(sp: SentencePair, pair: SectionPair) -> bool:
    """Whether the sentence comes after the last subsection of its section (on the side that decides)."""
    sentence, section = (sp.new, pair.new) if sp.new is not None else (sp.old, pair.old)
    if sentence is None or section is None or not section.children:
        return False
    return sentence.start >= section.children[-1].end


def group_by_section(diff: ReportDiff) -> tuple[SectionGroup, ...]:
    """Sentence pairs under the section pair that holds them, in the order of ``diff.sections``.

    A sentence belongs to the deepest section holding it (``Sentence.section``). The new side decides, since
    the new report's order is the one read; a removed sentence goes where its old section went. Sentences
    of a section that come after its subsections form a ``continued`` group placed after those subsections.
    """
    by_new: dict[str, int] = {}
    by_old: dict[str, int] = {}
    for i, p in enumerate(diff.sections):
        if p.new is not None:
            by_new.setdefault(p.new.path, i)
        if p.old is not None:
            by_old.setdefault(p.old.path, i)
    held: dict[int, list[SentencePair]] = {}
    tails: dict[int, list[SentencePair]] = {}
    for sp in diff.sentences:
        where = -1
        if sp.new is not None and sp.new.section in by_new:
            where = by_new[sp.new.section]
        elif sp.old is not None and sp.old.section in by_old:
            where = by_old[sp.old.section]
        if where >= 0 and _is_heading(sp, diff.sections[where]):
            continue  # the group shows the heading already; a second copy in the text reads as a repeat
        if where >= 0 and _after_children(sp, diff.sections[where]):
            tails.setdefault(where, []).append(sp)
        else:
            held.setdefault(where, []).append(sp)
    groups = [SectionGroup(f"sec-{i + 1}", p, tuple(held.get(i, ()))) for i, p in enumerate(diff.sections)]
    for i in sorted(tails, reverse=True):
        level = groups[i].level
        end = i + 1
        while end < len(groups) and groups[end].level > level:
            end += 1
        groups.insert(end, SectionGroup(f"sec-{i + 1}-more", diff.sections[i], tuple(tails[i]), continued=True))
    if -1 in held:
        groups.insert(0, SectionGroup("sec-0", None, tuple(held[-1])))
    return tuple(groups)
