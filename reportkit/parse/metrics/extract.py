"""Parse stage: every quantitative fact of the report, as ``Metric`` records in text order.

Candidates come from metric_scan (Chinese) or metric_english (English); this module adds
what the context says (hedge words, goals, stated changes, labels), the section and
sentence each fact sits in, and the links between facts (``refers_to``, ``same_fact_as``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

import attrs

from ... import lang
from ..._markup import plain
from ...blocks import SourceText
from ...model import Direction, Metric, MetricKind, PartKind, Qualifier, Report, fold
from ..commitments.english import budget_regions
from ..text.body import body as body_of
from ..text.facts import is_english
from ..text.index import SectionIndex
from ..text.numbers import MONEY_UNITS, tidy
from .context import (
    clause_break,
    full_stop,
    governed_by_goal,
    prefix_qualifier,
    sentence_break,
    stated_change,
)
from .english import scan_english
from .frames import clause_spans, facts_of
from .labels import change_label, make_label
from .respectively import distribute, inherit
from .scan import Candidate, scan
from .tables import cell_at, cell_label, table_cells

__all__ = ["add_metrics", "extract_metrics"]

def _labels(key: str) -> re.Pattern[str]:
    """A pattern of lang/zh/labels.toml: from_to (由30万元提高到50万元), anaphora (该, 上述), subjectless."""
    return lang.pattern("zh", "labels", key)


@functools.cache
def _rate_units() -> frozenset[str]:
    return frozenset(["fraction", *lang.words("zh", "units", "rate")])


@functools.cache
def _coordination() -> frozenset[str]:
    """What may stand between two figures that share a verb and a noun: nothing, 和, 、 …"""
    return frozenset(["", *lang.words("zh", "labels", "coordination")])


def add_metrics(report: Report, source: SourceText) -> Report:
    found = attrs.evolve(report, metrics=extract_metrics(report))
    clauses = clause_spans(found.text, found.metrics)
    return attrs.evolve(found, metrics=tuple(_framed(found, m, c) for m, c in zip(found.metrics, clauses, strict=True)))


def _framed(report: Report, m: Metric, clause: tuple[int, int]) -> Metric:
    """The metric with its frame, measure and clause recorded (parse/metrics/frames.py), computed once here."""
    facts = facts_of(report, m)
    return attrs.evolve(
        m, frame=facts.frame.value, measure=facts.measure.value, clause_start=clause[0], clause_end=clause[1]
    )


def extract_metrics(report: Report) -> tuple[Metric, ...]:
    """The metrics of ``report.text``, using its sections, parts and sentences where present."""
    text = report.text
    english = is_english(text)
    candidates: Iterable[Candidate] = scan_english(text) if english else scan(text)
    breaks = _Breaks(text)
    sections = SectionIndex(report)  # a walk per metric is quadratic on reports with thousands of headings
    plan = report.part(PartKind.PLAN)
    # an English report's budget for next year (### 2024 Budget Estimate) is a plan wherever it stands
    budgets = budget_regions(text, report.meta.year) if english else []
    sentence_starts = [s.start for s in report.sentences]
    out: list[Metric] = []
    page = body_of(text)
    candidates = (c for c in candidates if not page.is_furniture(c.start))  # 来源, 相关报道, page jumps
    for n, c in enumerate(candidates, start=1):
        in_plan = (plan is not None and plan.start <= c.start < plan.end) or any(
            a <= c.start < b for a, b in budgets
        )
        sentence = None
        if sentence_starts:
            i = bisect.bisect_right(sentence_starts, c.start) - 1
            sentence = i if i >= 0 and c.start < report.sentences[i].end else None
        context = _Context(breaks, english, out[-1].end if out else 0, in_plan, sentence, sections)
        out.append(_link(text, _metric(report, c, f"m{n:03d}", context), out, breaks))
    if english:
        return _in_tables(report, out)
    return inherit(text, distribute(text, out))


def _in_tables(report: Report, metrics: list[Metric]) -> tuple[Metric, ...]:
    """A figure in a Markdown table is named by its row and, for another year's column, that year."""
    cells = table_cells(report.text)
    if not cells:
        return tuple(metrics)
    starts = [c.start for c in cells]
    out = []
    for m in metrics:
        cell = cell_at(cells, starts, m.start)
        out.append(attrs.evolve(m, label=cell_label(cell, report.meta.year)) if cell is not None and cell.row else m)
    return tuple(out)


def _bracketed_list(text: str, at: int) -> bool:
    """A 、 inside brackets lists inside a name (法治讲座(培训、报告会)): no clause starts after it."""
    punctuation = lang.data("zh", "punctuation")
    if text[at] != punctuation["inner_list"]:
        return False
    lo = max(0, at - 20)
    opened = max(text.rfind(c, lo, at) for c in punctuation["round_open"])
    return opened >= 0 and max(text.rfind(c, opened, at) for c in punctuation["round_close"]) < 0


class _Breaks:
    """Sentence and clause boundaries, found once, looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.full = [m.end() for m in full_stop().finditer(text)]
        self.sentences = [m.end() for m in sentence_break().finditer(text)]
        self.clauses = [m.end() for m in clause_break().finditer(text) if not _bracketed_list(text, m.start())]

    def sentence_start(self, offset: int) -> int:
        i = bisect.bisect_right(self.sentences, offset) - 1
        return self.sentences[i] if i >= 0 else 0

    def full_start(self, offset: int) -> int:
        i = bisect.bisect_right(self.full, offset) - 1
        return self.full[i] if i >= 0 else 0

    def clause_start(self, offset: int) -> int:
        i = bisect.bisect_right(self.clauses, offset) - 1
        return self.clauses[i] if i >= 0 else 0


@attrs.frozen
class _Context:
    breaks: _Breaks
    english: bool
    prev_end: int  # end of the previous metric: a label never reaches past it
    in_plan: bool
    sentence: int | None
    sections: SectionIndex


def _metric(report: Report, c: Candidate, mid: str, ctx: _Context) -> Metric:
    text, breaks, english = report.text, ctx.breaks, ctx.english
    sent = breaks.sentence_start(c.start)
    qualifier = c.suffix_qualifier or Qualifier.EXACT
    qualifier_word: str | None = None
    head = c.start
    hedge = None if english else prefix_qualifier(text, c.start, c.unit)
    if hedge is not None:
        qualifier_word, head = hedge[0], hedge[1]
        if c.suffix_qualifier is None:  # an adjacent suffix wins (控制在3.5%左右 is approx)
            qualifier = hedge[2]
    change = None if english else stated_change(text, sent, head, c.unit)
    goal = None if english else governed_by_goal(text, sent, breaks.full_start(head), head)
    if qualifier is Qualifier.EXACT and goal is not None and goal[1]:
        qualifier = Qualifier.TARGET
    kind = _kind(c, change is not None)
    clause = max(breaks.clause_start(head), min(ctx.prev_end, head))
    label = plain(c.label) if english else (c.label or make_label(text, clause, head, c.end, c.unit))
    section = ctx.sections.at(c.start)
    return Metric(
        id=mid,
        text=text[c.start : c.end],
        start=c.start,
        end=c.end,
        value=tidy(c.value),
        unit=c.unit,
        qualifier=qualifier,
        kind=kind,
        label=label,
        section=section.path if section is not None else "",
        value_high=None if c.value_high is None else tidy(c.value_high),
        surface_unit=c.surface_unit if kind is MetricKind.MONEY else None,
        qualifier_word=qualifier_word,
        numeral=c.numeral,
        is_target=goal is not None or ctx.in_plan,
        direction=change.direction if change else None,
        baseline=change.baseline if change else None,
        sentence=ctx.sentence,
    )


def _kind(c: Candidate, is_change: bool) -> MetricKind:
    if is_change:
        return MetricKind.CHANGE
    money_suffix = lang.data("zh", "units")["money_suffix"]
    if c.unit in MONEY_UNITS or c.unit.endswith(money_suffix) or c.unit in ("EUR", "USD", "€", "$"):
        return MetricKind.MONEY
    if c.unit in _rate_units():
        return MetricKind.RATE
    return MetricKind.COUNT


def _link(text: str, m: Metric, earlier: list[Metric], breaks: _Breaks) -> Metric:
    """Point a stated change at the fact it describes, and a restatement at its first mention."""
    prev = earlier[-1] if earlier else None
    between = text[prev.end : m.start] if prev is not None else ""
    if prev is not None and m.kind is not MetricKind.CHANGE and between in _coordination():
        m = _share(prev, m)  # 分别下降5.6%和4%: the second number shares the first one's verb and noun
    elif prev is not None and _labels("from_to").fullmatch(between) and prev.unit == m.unit:
        m = attrs.evolve(m, label=prev.label)
    if m.kind is MetricKind.CHANGE:
        return _link_change(text, m, earlier, breaks)
    if _labels("anaphora").search(text[max(0, m.start - 2) : m.start]):
        twin = next((e for e in _recent(earlier) if (e.value, e.unit) == (m.value, m.unit)), None)
        if twin is not None:
            return attrs.evolve(m, same_fact_as=twin.same_fact_as or twin.id)
    return m


def _share(prev: Metric, m: Metric) -> Metric:
    if prev.kind is MetricKind.CHANGE and m.unit == prev.unit:
        return attrs.evolve(
            m, kind=MetricKind.CHANGE, direction=prev.direction, baseline=prev.baseline, label=prev.label
        )
    return attrs.evolve(m, label=prev.label) if len(m.label) <= 1 else m


def _link_change(text: str, m: Metric, earlier: list[Metric], breaks: _Breaks) -> Metric:
    labels = lang.data("zh", "labels")
    if m.label.endswith((labels["change_up"], labels["change_down"])):  # shared from a coordinated change
        return m
    sent = breaks.sentence_start(m.start)
    base = next((e for e in _recent(earlier) if e.start >= sent and e.kind is not MetricKind.CHANGE), None)
    label = m.label
    own_subject = _labels("subjectless").sub("", text[breaks.clause_start(m.start) : m.start])
    if base is not None and len(own_subject) <= 1:  # 53件,较去年同期下降27.4%: no subject of its own
        m = attrs.evolve(m, refers_to=base.id)
        label = base.label
    m = attrs.evolve(m, label=change_label(label, m.direction is Direction.UP))
    twin = next(
        (
            e
            for e in _recent(earlier)
            if e.kind is MetricKind.CHANGE
            and e.section == m.section
            and (e.value, e.unit, e.direction) == (m.value, m.unit, m.direction)
            and fold(e.label) == fold(m.label)  # 增长5.6% of the GDP is no restatement of 增长5.6% of retail sales
        ),
        None,
    )
    return attrs.evolve(m, same_fact_as=twin.same_fact_as or twin.id) if twin is not None else m


def _recent(earlier: list[Metric], window: int = 40) -> Iterator[Metric]:
    """The last ``window`` metrics, nearest first: links stay local and the stage stays linear."""
    for i in range(len(earlier) - 1, max(-1, len(earlier) - 1 - window), -1):
        yield earlier[i]
