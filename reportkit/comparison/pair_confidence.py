"""How far a pair of figures from two years can be trusted: the frame, the kind of figure and the size of change.

pair_metrics (metrics.py) finds candidates by indicator name; this module says, for every candidate at once,
what stands against it, and for each chosen pair how confident the pairing is and why:

* the **frame**: a figure about one year, about several years (这五年 …, 年均), the start level of 从A增加到B, or
  a level stated as current inside a five-year review (总数186家, 增至3022家);
* the **measure**: a flow (新增5地) or a stock (累计16地), which are different figures of one indicator;
* the **size**: a level that moves more than threefold between two years is doubtful, tenfold implausible;
* numbers that name rather than measure (十一届七次全会, 二轮土地承包) pair with nothing.

Word lists are data (reportkit/lang/zh/pairs.toml). Everything here is computed once per metric and then
broadcast over the candidate grid, so the cost grows with the grid that metrics.py already builds.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

import attrs
import numpy as np

from .. import lang
from ..model import Direction, Metric, MetricKind, Qualifier, Report, fold
from ..parse.metrics.frames import Facts, Frame, Measure, facts_of
from .options import DEFAULT_OPTIONS, CompareOptions
from .records import Note, Reason

__all__ = [
    "HEADLINE_CONFIDENCE",
    "NAME_MIN",
    "Codes",
    "Facts",
    "Frame",
    "Measure",
    "assess",
    "facts_of",
    "grid_penalty",
    "pair_penalty",
    "signed_value",
]

HEADLINE_CONFIDENCE = 0.75  # a pair at or above this leads the headline lists (terminal, HTML top, Excel)
NAME_MIN = 3  # characters: a shorter label (连续, 省级) is the parser's fallback, not an indicator's name


def all_facts(report: Report, ms: Sequence[Metric]) -> list[Facts]:
    return [facts_of(report, m) for m in ms]


_FRAME_CODE = {Frame.YEAR: 0, Frame.END: 1, Frame.PERIOD: 2, Frame.START: 3, Frame.OTHER_YEAR: 4}
_MEASURE_CODE = {Measure.OTHER: 0, Measure.FLOW: 1, Measure.STOCK: 2}
_LEVEL_KINDS = (MetricKind.COUNT, MetricKind.MONEY)
_QUALIFIER_CODE = {q: i for i, q in enumerate(Qualifier)}


@functools.cache
def _resident_parts() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in lang.alternatives("zh", "indicators", "resident_parts"))


@functools.lru_cache(maxsize=8192)
def resident_scope(label: str) -> str:
    """Whom among the residents a figure's name is about (lang/zh/indicators.toml ``residents``,
    ``resident_parts``): the number of the part it names (城镇居民, 农村居民), "all" for residents without a
    part (全国居民, 居民), "" for a name that is not about residents."""
    if not lang.union("indicators", "residents", ("zh",)).search(label):
        return ""
    return next((str(k) for k, p in enumerate(_resident_parts()) if p.search(label)), "all")


def _scopes_differ(a: Metric, b: Metric) -> bool:
    x, y = resident_scope(a.label), resident_scope(b.label)
    return bool(x and y and x != y)


def _other_streak(a: Metric, b: Metric) -> bool:
    """Two streaks of years (连续39年, 连续37年) that cannot be one streak a year on (lang/zh/pairs.toml
    ``streaks``): the same streak next year is one year longer."""
    streak = lang.union("pairs", "streaks", ("zh",))
    if not (streak.search(fold(a.label)) and streak.search(fold(b.label))):
        return False
    return b.value - a.value != 1


def _other_indicator(a: Metric, b: Metric) -> Note | None:
    """Another scope of residents (城镇居民… → 全国居民…) or two streaks of years (连续39年 → 连续37年)."""
    if _scopes_differ(a, b):
        return Note("residents_differ", (a.label, b.label))
    if _other_streak(a, b):
        return Note("two_streaks", (a.text, b.text))
    return None


def _frames_fit(a: Facts, b: Facts, ratio: float) -> bool:
    """One year against one year, or a year's level against the level a five-year review gives as current
    (which cannot be more than threefold apart: then it is a five-year total)."""
    if a.frame is b.frame:
        return True
    ends = {a.frame, b.frame} == {Frame.YEAR, Frame.END}
    return ends and Measure.FLOW not in (a.measure, b.measure) and ratio <= 3


def _ratio(a: Metric, b: Metric) -> float:
    x, y = abs(float(a.value)), abs(float(b.value))
    if a.kind not in _LEVEL_KINDS or b.kind not in _LEVEL_KINDS or min(x, y) == 0 or max(x, y) < 10:
        return 1.0  # rates move in points, and 1 → 3 of a small count is no sign of a wrong pair
    return max(x, y) / min(x, y)


@attrs.frozen
class Codes:
    """What grid_penalty needs of each metric of one report, as arrays (one entry a metric), built once."""

    frame: np.ndarray
    measure: np.ndarray
    level: np.ndarray
    value: np.ndarray
    stage: np.ndarray
    qualifier: np.ndarray
    indicator: np.ndarray
    scope: np.ndarray  # resident_scope of each label: 城镇居民… never pairs with 全国居民…

    @classmethod
    def of(cls, ms: Sequence[Metric], fs: Sequence[Facts]) -> Codes:
        return cls(
            frame=np.array([_FRAME_CODE[f.frame] for f in fs], dtype=np.int64),
            measure=np.array([_MEASURE_CODE[f.measure] for f in fs], dtype=np.int64),
            level=np.array([m.kind in _LEVEL_KINDS for m in ms], dtype=bool),
            value=np.array([abs(float(m.value)) for m in ms], dtype=np.float64),
            stage=np.array([f.stage for f in fs], dtype=np.int64),
            qualifier=np.array([_QUALIFIER_CODE[m.qualifier] for m in ms], dtype=np.int64),
            # another year's column is last year's figure restated, or older: this year's figures pair without it
            indicator=np.array([bool(f.indicator) and f.frame is not Frame.OTHER_YEAR for f in fs], dtype=bool),
            scope=np.array([resident_scope(m.label) for m in ms], dtype=object),
        )


def grid_penalty(
    mo: Sequence[Metric],
    fo: Sequence[Facts],
    mn: Sequence[Metric],
    fn: Sequence[Facts],
    *,
    options: CompareOptions = DEFAULT_OPTIONS,
) -> tuple[np.ndarray, np.ndarray]:
    """What stands against each candidate (taken off its score) and whether it can be paired at all."""
    rows, cols = np.arange(len(mo))[:, None], np.arange(len(mn))[None, :]
    return pair_penalty(Codes.of(mo, fo), Codes.of(mn, fn), rows, cols, options=options)


def pair_penalty(
    o: Codes, n: Codes, r: np.ndarray, c: np.ndarray, *, options: CompareOptions = DEFAULT_OPTIONS
) -> tuple[np.ndarray, np.ndarray]:
    """grid_penalty of the pairs (``r[k]``, ``c[k]``): a grid when ``r`` is a column and ``c`` a row of indices,
    one value a pair when both are flat, so candidates from an index cost no loop over rows.

    ``options.incompatible_penalty`` (frames, measures or stages that differ, tenfold apart: only a near-certain
    name match survives it) and ``options.doubt_penalty`` (three to ten times apart)."""
    frame_o, frame_n = o.frame[r], n.frame[c]
    meas_o, meas_n = o.measure[r], n.measure[c]
    flow_o, flow_n = meas_o == 1, meas_n == 1
    vo, vn = o.value[r], n.value[c]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(
            o.level[r] & n.level[c] & (np.minimum(vo, vn) > 0) & (np.maximum(vo, vn) >= 10),
            np.maximum(vo, vn) / np.minimum(vo, vn),
            1.0,
        )
    ends = ((frame_o == 0) & (frame_n == 1)) | ((frame_o == 1) & (frame_n == 0))
    frames_ok = (frame_o == frame_n) | (ends & ~flow_o & ~flow_n & (ratio <= 3))
    stock_flow = ((meas_o == 1) & (meas_n == 2)) | ((meas_o == 2) & (meas_n == 1))
    one_said = (meas_o == 0) & flow_n | flow_o & (meas_n == 0)
    stage_o, stage_n = o.stage[r], n.stage[c]
    stages_differ = (stage_o >= 0) & (stage_n >= 0) & (stage_o != stage_n)
    scope_o, scope_n = o.scope[r], n.scope[c]  # 城镇居民… against 全国居民…: another indicator
    scopes_differ = (scope_o != "") & (scope_n != "") & (scope_o != scope_n)
    # between two equal names, a target pairs with a target (900万人以上 with 900万人以上, not with 1168万人)
    penalty = (
        0.02 * (o.qualifier[r] != n.qualifier[c])
        + options.incompatible_penalty * (~frames_ok | stock_flow | (ratio >= 10) | stages_differ | scopes_differ)
        + options.doubt_penalty * ((ratio > 3) & (ratio < 10))
        + 0.05 * one_said
    )
    return penalty, o.indicator[r] & n.indicator[c]


def signed_value(m: Metric) -> float:
    return -float(m.value) if m.kind is MetricKind.CHANGE and m.direction is Direction.DOWN else float(m.value)


@attrs.frozen
class Assessment:
    confidence: float
    reasons: tuple[Reason, ...]
    against: Note | None  # why the pair is not comparable, None when it is


def _inserted(x: str, y: str) -> str:
    """The words one name adds inside the other (万人发明专利拥有量 → 万人高价值发明专利拥有量: 高价值), "" when
    neither is the other with two or more characters put inside it; words added at either end (城镇, 全年) are
    a scope said or not, no sub-indicator."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    extra = len(long_) - len(short)
    if extra < 2 or len(short) < 3:
        return ""
    for i in range(1, len(short)):
        if long_[:i] == short[:i] and long_[i + extra :] == short[i:]:
            return long_[i : i + extra]
    return ""


def _frame_args(f: Facts) -> tuple[str, str]:
    return f.frame.value, f.marker


def assess(
    a: Metric,
    fa: Facts,
    b: Metric,
    fb: Facts,
    similarity: float,
    same_place: bool,
    *,
    options: CompareOptions = DEFAULT_OPTIONS,
) -> Assessment:
    """The confidence of one chosen pair, the reasons for it (codes and arguments, worded by each renderer from
    lang/*/messages.toml), and what makes it not comparable if anything. A doubtful pair (a start level, levels
    more than threefold apart, no name, a sub-indicator) is trusted at most ``options.doubtful_confidence``."""
    doubtful = options.doubtful_confidence
    reasons = [Reason("indicator", (f"{similarity:.2f}",))]
    confidence = min(1.0, similarity)
    against: Note | None = None
    if a.unit == b.unit:
        reasons.append(Reason("same_unit", (a.unit,)) if a.unit else Reason("no_unit"))
    if a.kind is b.kind:
        reasons.append(Reason("same_kind", (a.kind.value,)))
    ratio = _ratio(a, b)
    if _frames_fit(fa, fb, ratio):
        same = fa.frame is fb.frame
        both = _frame_args(fa) + _frame_args(fb)
        reasons.append(Reason("frame", _frame_args(fa)) if same else Reason("frames", both))
    else:
        against = Note("frames_differ", _frame_args(fa) + _frame_args(fb))
    if fa.stage >= 0 and fb.stage >= 0 and fa.stage != fb.stage:
        against = against or Note("stages_differ")
    against = against or _other_indicator(a, b)
    if Frame.START in (fa.frame, fb.frame):
        confidence = min(confidence, doubtful)  # a start level is last year's figure said again: no headline
        reasons.append(Reason("doubt_start"))
    if {fa.measure, fb.measure} == {Measure.FLOW, Measure.STOCK}:
        against = against or Note("flow_against_stock", (fa.marker or "—", fb.marker or "—"))
    elif fa.measure is fb.measure and fa.measure is not Measure.OTHER:
        reasons.append(Reason("same_measure", (fa.measure.value, fa.marker, fb.marker)))
    elif Measure.FLOW in (fa.measure, fb.measure):
        confidence -= 0.05
        reasons.append(Reason("doubt_flow_one_side"))
    if ratio >= 10:
        against = against or Note("implausible_ratio", (f"{ratio:.0f}",))
    elif ratio > 3:
        confidence = min(confidence, doubtful)  # never a headline
        reasons.append(Reason("doubt_apart", (f"{ratio:.1f}",)))
    short = min((fold(x.label) for x in (a, b)), key=len)
    if len(short) < NAME_MIN:  # 连续, 省级: the parser's fallback, so the pair rests on the clause around the figure
        confidence = min(confidence, doubtful)
        reasons.append(Reason("doubt_no_name", (short or "—",)))
    inserted = _inserted(fold(a.label), fold(b.label))
    if inserted:
        confidence = min(confidence, doubtful)
        reasons.append(Reason("doubt_sub_indicator", (inserted,)))
    if same_place:
        reasons.append(Reason("same_section"))
    if a.qualifier is not b.qualifier:
        confidence -= 0.05
    return Assessment(round(max(0.0, min(1.0, confidence)), 4), tuple(reasons), against)


def log_ratio(a: Metric, b: Metric) -> float:
    """|log10| of how far apart two levels are (0 for rates and changes): for benchmarks/pair_health.py."""
    return abs(math.log10(_ratio(a, b)))
