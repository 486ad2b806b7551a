"""What kind of figure a metric is: its frame (the year, several years, the start or end of a change, another
year's column) and its measure (a flow such as 新增, a stock such as 累计).

Computed once, in the metrics stage, and kept on each ``Metric`` (``frame``, ``measure``); pairing across two
years (comparison/pair_confidence.py) weighs the same facts. Word lists: reportkit/lang/zh/pairs.toml.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Sequence
from functools import lru_cache

import attrs

from ... import lang
from ...model import Metric, MetricKind, Report

__all__ = ["Facts", "Frame", "Measure", "clause_spans", "facts_of", "pattern"]


def pattern(key: str) -> re.Pattern[str]:
    """A word list of lang/zh/pairs.toml as one pattern (compiled once, on first use)."""
    return lang.union("pairs", key, ("zh",))


@functools.cache
def _stages() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(a) for a in lang.alternatives("zh", "pairs", "stages"))


@functools.cache
def _clause_break() -> re.Pattern[str]:
    """Where the clause around a figure ends (lang/zh/punctuation.toml figure_clause_breaks)."""
    return re.compile("[" + re.escape(lang.data("zh", "punctuation")["figure_clause_breaks"]) + "]")


@lru_cache(maxsize=8)
def _breaks(text: str) -> list[int]:
    """Offsets of every clause break in ``text`` (cached: the metrics stage and a comparison ask many times)."""
    return [m.start() for m in _clause_break().finditer(text)]


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding ``text[start:end]``: from after the last clause break before it to the first one at or
    after its end (the text's ends where there is none)."""
    breaks = _breaks(text)
    k = bisect.bisect_left(breaks, start)
    lo = breaks[k - 1] + 1 if k > 0 else 0
    k = bisect.bisect_left(breaks, end)
    return lo, breaks[k] if k < len(breaks) else len(text)


def clause_spans(text: str, metrics: Sequence[Metric]) -> list[tuple[int, int]]:
    """The clause holding each metric (``clause_of``), kept on it as ``Metric.clause_start``/``clause_end``."""
    return [clause_of(text, m.start, m.end) for m in metrics]


def _direction(key: str) -> re.Pattern[str]:
    """from_words (从, 由), to_after (提高到), to_end (到, 至) of lang/zh/directions.toml."""
    return lang.pattern("zh", "directions", key)


def _from_to() -> str:
    marker: str = lang.data("zh", "directions")["from_to_marker"]
    return marker


_COLUMN_YEAR = re.compile(r"\((\d{4})\)$")  # the label parse/metrics/tables.py gives another year's column
_OPENING_WIDTH = 40  # a paragraph's frame is said in its first words (——这五年，…)


class Frame(enum.StrEnum):
    YEAR = "year"  # about the report's year (or, in a plan, next year)
    PERIOD = "period"  # about several years: a five-year review or plan, 年均, 比2020年
    START = "start"  # the start level of 从A增加到B
    END = "end"  # a level stated as current where several years are reviewed (增至3022家, 到B of 从A到B)
    OTHER_YEAR = "other_year"  # a table's column of another year than the report's (Donations (2021))


class Measure(enum.StrEnum):
    FLOW = "flow"  # what happened in the period: 新增5地
    STOCK = "stock"  # a level or running total: 累计16地
    OTHER = "other"  # not said (a rate, a change or a bare count)


@attrs.frozen
class Facts:
    frame: Frame
    measure: Measure
    marker: str  # the word that decided the frame or measure, for the reasons
    indicator: bool  # False for numbers that name something (十一届七次全会)
    stage: int = -1  # which of pairs.toml's stages its clause names nearest the figure (开工 0, 完工 1), -1 none


@lru_cache(maxsize=8)
def _paragraph_frames(text: str, heads: tuple[int, ...]) -> tuple[list[int], list[tuple[Frame, str]]]:
    """Each paragraph's start and the frame it is in: set by the opening words of a paragraph or heading and
    kept until another opening says otherwise or a top-level heading (``heads``) without one starts."""
    starts: list[int] = []
    frames: list[tuple[Frame, str]] = []
    current: tuple[Frame, str] = (Frame.YEAR, "")
    head_set = set(heads)
    pos = 0
    for line in text.split("\n"):
        opening = line[:_OPENING_WIDTH]
        period = [m for m in pattern("period_openings").finditer(opening)]
        year = [m for m in pattern("year_openings").finditer(opening)]
        last_p = period[-1].start() if period else -1
        last_y = year[-1].start() if year else -1
        if last_p > last_y:
            current = (Frame.PERIOD, period[-1].group(0))
        elif last_y >= 0:
            current = (Frame.YEAR, "")
        elif pos in head_set:
            current = (Frame.YEAR, "")  # a new top-level part that does not say its frame
        starts.append(pos)
        frames.append(current)
        pos += len(line) + 1
    return starts, frames


def _heads(report: Report) -> tuple[int, ...]:
    return tuple(s.start for s in report.sections if s.level == 1)


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    breaks = _clause_break()
    lo = max((m.end() for m in breaks.finditer(text, max(0, start - 60), start)), default=max(0, start - 60))
    hit = breaks.search(text, end, end + 40)
    hi = hit.start() if hit else min(len(text), end + 40)
    return text[lo:start], text[end:hi]


def _last(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    found = None
    for hit in pattern.finditer(s):
        found = hit
    return found


def facts_of(report: Report, m: Metric) -> Facts:
    """What kind of figure ``m`` is, read from its clause and the paragraph it stands in."""
    return attrs.evolve(_facts(report, m), stage=_stage(report.text, m))


def _stage(text: str, m: Metric) -> int:
    before = text[max(0, m.start - 8) : m.start]
    found = [(hit.end(), k) for k, p in enumerate(_stages()) for hit in p.finditer(before)]
    return max(found)[1] if found else -1


def _facts(report: Report, m: Metric) -> Facts:
    text = report.text
    before, after = _clause(text, m.start, m.end)
    window = before + "#" + m.unit + after
    indicator = pattern("not_an_indicator").search(window) is None
    flow, stock = _last(pattern("flow"), before + m.label), _last(pattern("stock"), before)
    measure, marker = Measure.OTHER, ""
    if m.kind not in (MetricKind.RATE, MetricKind.CHANGE):
        if flow is not None and (stock is None or flow.start() > stock.start()):
            measure, marker = Measure.FLOW, flow.group(0)
        elif stock is not None:
            measure, marker = Measure.STOCK, stock.group(0)
    column = _COLUMN_YEAR.search(m.label)
    if column is not None and report.meta.year is not None and int(column.group(1)) != report.meta.year:
        return Facts(Frame.OTHER_YEAR, measure, column.group(1), indicator)
    period = pattern("period_clause").search(before)
    if period is not None:
        return Facts(Frame.PERIOD, measure, period.group(0), indicator)
    if _direction("from_words").search(before) and _direction("to_after").match(after):
        return Facts(Frame.START, measure, _from_to(), indicator)
    starts, frames = _paragraph_frames(text, _heads(report))
    frame, word = frames[max(0, bisect.bisect_right(starts, m.start) - 1)]
    para = starts[max(0, bisect.bisect_right(starts, m.start) - 1)]
    if frame is Frame.YEAR:
        inner = _last(pattern("period_openings"), text[para : m.start])
        if inner is not None:
            frame, word = Frame.PERIOD, inner.group(0)
    if frame is Frame.PERIOD:
        if _direction("from_words").search(before) and _direction("to_end").search(before):
            return Facts(Frame.END, measure, _from_to(), indicator)
        done = pattern("activity").search(window)
        if done is None and m.kind is not MetricKind.CHANGE and not m.is_target:  # a 十五五 target is no level
            return Facts(Frame.END, measure, marker, indicator)
        return Facts(Frame.PERIOD, measure, done.group(0) if done else word, indicator)
    return Facts(Frame.YEAR, measure, marker, indicator)
