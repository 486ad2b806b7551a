"""This year's review figures as outcomes: what each measures (its clause, the clause before, its label), the
indicator a target names, and whether an outcome is the same quantity as a target (unit, and a value within a
factor of three; growth rates within ten)."""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

import attrs
import numpy as np

from ... import lang
from ...model import Commitment, Direction, Metric, MetricKind, Report
from ..metrics import clause_of, clause_span, fold, indicator_context
from ..options import DEFAULT_OPTIONS, CompareOptions
from ..outcome_scope import converted, has_subject, same_measure
from .text import _grams, _lcs, _squeeze

_NOT_THE_YEAR = frozenset({"period", "start", "other_year"})  # Metric.frame values that are no year's outcome
_NUM_RE = re.compile(r"[0-9\uff10-\uff19.%\uff05]+")  # digits and percent signs, half and full width


def _filler() -> re.Pattern[str]:
    """Plan verbs and hedges, no part of an indicator (lang/zh/indicators.toml indicator_filler)."""
    return lang.pattern("zh", "indicators", "indicator_filler")


@functools.cache
def _suffixes() -> tuple[re.Pattern[str], dict[str, str]]:
    """A rate-of-change noun ending an indicator, and the verb each reads as (lang/zh/indicators.toml)."""
    table = lang.data("zh", "indicators")["rate_suffixes"]
    suffix = re.compile("(" + "|".join(re.escape(e["word"]) for e in table) + ")$")
    return suffix, {e["word"]: e["reads"] for e in table}


@functools.cache
def _people_unit() -> str:
    return str(lang.data("zh", "indicators")["people_unit"])


@functools.cache
def _people_labels() -> tuple[str, ...]:
    return lang.words("zh", "indicators", "people_labels")


@functools.cache
def _respective_word() -> str:
    return lang.words("zh", "directions", "respective")[0]


def _core(text: str) -> str:
    """An indicator's words without plan verbs and hedges; the parser's 增幅/降幅 read as 增长/下降."""
    folded = fold(text)
    suffix, reads = _suffixes()
    m = suffix.search(folded)
    if m:
        folded = folded[: m.start()] + reads.get(m.group(0), "")
    return _filler().sub("", folded)


def target_indicator(report: Report, c: Commitment, indicator_min: int) -> str:
    """What the target measures: the parser's indicator or label, else the clause around the number.

    A commitment that is one subject of a coordination (二氧化硫 in 二氧化硫、氮氧化物排放量分别下降3%) does
    not hold its number; its own words name the indicator better than the shared label.
    """
    t = c.target
    if t is not None and not c.start <= t.start < c.end and len(_core(c.text)) >= indicator_min:
        return _core(c.text)
    for cand in (c.indicator, t.label if t else None):
        if cand and lang.data("zh", "targets")["respective_list_split"] in cand and t is not None:
            # a label coordinating several subjects names none of them alone: take the clause's words
            own = _core(c.text.replace(t.text, ""))
            if len(own) >= indicator_min:
                return own
        if cand and len(_core(cand)) >= indicator_min:
            return _core(cand)
    if t is None:
        return _core(c.text)
    return _core(indicator_context(report, t).replace("#", "")) or _core(c.text)


def _object(indicator: str) -> str:
    """The thing counted, without the leading verb: 淘汰钢铁 → 钢铁 (a review may say 钢铁…淘汰…完成)."""
    return lang.pattern("zh", "indicators", "lead_verbs").sub("", indicator)


@attrs.frozen
class _Outcomes:
    """This year's review metrics, each with the words that say what it measures."""

    metrics: tuple[Metric, ...]
    own: tuple[str, ...]  # its clause, number masked
    wide: tuple[str, ...]  # the clause before and its own (国内生产总值达到…，比上年增长7.4%)
    phrase: tuple[str, ...]  # its label (or the words before it), as an indicator
    by_unit: dict[str, list[int]]  # metrics by folded unit, each list by value (see candidates())
    lead: tuple[str, ...] = ()  # the clause before and its own, always: what may narrow its scope (扣除…后，)
    options: CompareOptions = DEFAULT_OPTIONS  # the spreads and the support cutoff

    @staticmethod
    def of(report: Report, metrics: Sequence[Metric], options: CompareOptions = DEFAULT_OPTIONS) -> _Outcomes:
        own, wide, phrase, lead = [], [], [], []
        for m in metrics:
            lo, hi = clause_span(report, m)
            prev_lo = clause_of(report.text, lo - 2, lo - 1)[0] if lo > 1 else lo
            respective = _respective(report.text, lo, hi, m, metrics)
            ctx = respective or indicator_context(report, m)
            own.append(ctx)
            lead.append(_squeeze(fold(report.text[prev_lo:lo])) + ctx)
            # the clause before names the figure only where its own clause does not (…，比上年增长7.4%)
            wide.append(ctx if has_subject(ctx) else lead[-1])
            # a label shared by 甲、乙…分别 numbers names only one of them: use the subject instead
            label = "" if respective else _core(m.label)
            phrase.append(label if len(label) >= options.indicator_min else _core(ctx.split("#")[0]))
        by_unit: dict[str, list[int]] = defaultdict(list)
        for x, m in enumerate(metrics):
            by_unit[fold(m.unit)].append(x)
        for xs in by_unit.values():
            xs.sort(key=lambda x: metrics[x].value)
        return _Outcomes(tuple(metrics), tuple(own), tuple(wide), tuple(phrase), dict(by_unit), tuple(lead), options)

    def candidates(self, target: Metric) -> list[int]:
        """The metrics that measure the same quantity as ``target`` (:func:`_same_quantity`), in text order:
        looked up by unit and by value (within the widest spread it allows), so a long review costs no scan per
        target."""
        if target.value <= 0:
            return []
        unit = fold(target.unit)
        people = _people_unit()
        units = [unit] + ([people] if unit == "" else [""] if unit == people else [])
        # the widest spread _same_quantity allows, a little wider still: it decides exactly below
        spread = Decimal(str(max(self.options.growth_spread, self.options.level_spread))) * Decimal("1.001")
        low, high = target.value / spread, target.value * spread
        found: list[int] = []
        for u in units + list(same_measure(unit)):  # 1300万吨 for a target in 斤
            xs = self.by_unit.get(u, [])
            lo_u, hi_u = (converted(low, unit, u) or low), (converted(high, unit, u) or high)
            lo = bisect.bisect_left(xs, lo_u, key=lambda x: self.metrics[x].value)
            hi = bisect.bisect_right(xs, hi_u, key=lambda x: self.metrics[x].value)
            found.extend(x for x in xs[lo:hi] if _same_quantity(target, self.metrics[x], self.options))
        return sorted(found)

    def ranked(self, needle: str, xs: Sequence[int]) -> list[tuple[int, float]]:
        """The metrics ``xs`` with how well each names ``needle`` (:meth:`scores_at`), best first (ties in
        text order)."""
        if not xs:
            return []
        score = self.scores_at([needle], np.zeros(len(xs), dtype=np.int64), np.asarray(xs, dtype=np.int64))
        order = np.argsort(-score, kind="stable")
        return [(xs[k], float(score[k])) for k in order.tolist()]

    def scores_at(self, needles: Sequence[str], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """How well metric ``cols[k]`` names needle ``rows[k]``: the best of three LCS containments.

        The needle in the metric's own clause; in the clause before as well (a little less); and the
        metric's own indicator phrase inside the needle, which catches abbreviations (能耗强度 in
        能源消耗强度) when the phrase is long enough to mean something.
        """
        if not len(rows):
            return np.zeros(0, dtype=np.float32)
        r, c = rows.tolist(), cols.tolist()
        ns = [needles[i] for i in r]
        n_len = np.array([max(1, len(needles[i])) for i in r], dtype=np.float32)
        p_len = np.array([len(self.phrase[x]) for x in c], dtype=np.float32)
        own = _lcs(ns, [self.own[x] for x in c]) / n_len
        wide = 0.95 * _lcs(ns, [self.wide[x] for x in c]) / n_len
        # the phrase must be long enough to mean something and cover most of the needle (国内生产总值 is
        # in 单位国内生产总值能耗 but is another indicator)
        sym_ok = (p_len >= 4) & (p_len >= 0.55 * n_len)
        sym = np.where(sym_ok, _lcs(ns, [self.phrase[x] for x in c]) / np.maximum(p_len, 1), 0.0)
        return np.maximum(np.maximum(own, wide), sym) + 0.001 * own  # ties go to the metric's own clause

    def bigram_support(self, needle: str, k: int) -> float:
        """Share of the needle's bigrams found near the metric, or of the metric's phrase in the needle."""

        mine, near, phrase = _grams(needle), self.wide[k], _grams(self.phrase[k])
        forward = sum(g in near for g in mine) / len(mine) if mine else 0.0
        if forward < self.options.support_cutoff and needle[:2] in near:
            # a head that matches (外商投资… in 外商投资限制性条目) earns a little slack on the rest;
            # a head that does not (氨氮 against 氮氧化物) earns none
            forward = min(self.options.support_cutoff, forward + 0.1)
        backward = sum(g in needle for g in phrase) / len(phrase) if len(self.phrase[k]) >= 4 else 0.0
        return max(forward, backward)

    def is_period_total(self, k: int) -> bool:
        """年均 / 累计 figures sum or average several years, and the start of a change (从A增加到B) is where the
        year began: neither is the year's outcome (the frame the parser recorded, and 年均/累计 in its clause)."""
        period = lang.pattern("zh", "indicators", "period_words")
        return self.metrics[k].frame in _NOT_THE_YEAR or bool(period.search(self.own[k].split("#")[0]))


def _respective(text: str, lo: int, hi: int, m: Metric, metrics: Sequence[Metric]) -> str | None:
    """``m``'s own subject in 甲、乙排放量分别下降5.6%和4%: the clause without the other subjects.

    The last subject usually carries the shared noun (乙排放量), so for an earlier subject only as many
    characters of it are dropped as that subject has, and 排放量 stays.
    """
    clause = text[lo:hi]
    word = _respective_word()
    k = clause.find(word)
    if k < 0:
        return None
    nums = sorted((x for x in metrics if lo + k <= x.start < hi), key=lambda x: x.start)
    subjects = lang.pattern("zh", "targets", "respective_pair_split").split(clause[:k])
    if len(nums) < 2 or len(subjects) != len(nums) or m not in nums:
        return None
    i = nums.index(m)
    kept = []
    for j, subj in enumerate(subjects):
        if j == i:
            kept.append(subj)
        elif j == len(subjects) - 1:
            kept.append(subj[len(subjects[i]) :])
    rest = _NUM_RE.sub("", clause[k + len(word) : nums[0].start - lo])
    return _squeeze(fold("".join(kept) + rest)) + "#"


def _counts_people(m: Metric) -> bool:
    return m.kind is MetricKind.COUNT and bool(m.label) and any(w in m.label for w in _people_labels())


def _outcome_value(target: Metric, m: Metric) -> Decimal | None:
    """``m``'s value in the target's unit: as it is, or converted (1300万吨 for a target in 斤)."""
    return converted(m.value, fold(m.unit), fold(target.unit))


def _judged_value(target: Metric, outcome: Metric) -> Decimal:
    """The outcome as the target reads it: in the target's unit, and a fall (下降3.3%, 微降0.1%) negative against a
    target of growth — a cut (能耗降低2.5%) is met by a fall, so its outcome keeps the size of the fall."""
    value = _outcome_value(target, outcome) or outcome.value
    falls = outcome.kind is MetricKind.CHANGE and outcome.direction is Direction.DOWN
    return -value if falls and target.direction is not Direction.DOWN else value


def _same_quantity(target: Metric, m: Metric, options: CompareOptions) -> bool:
    units = {fold(target.unit), fold(m.unit)}
    # a bare number of people (易地扶贫搬迁人口超过240万) counts 人
    people = units == {"", _people_unit()} and _counts_people(m if not fold(m.unit) else target)
    value = m.value if people else _outcome_value(target, m)
    if value is None or target.value <= 0 or value <= 0:
        return False
    ratio = value / target.value
    # a growth rate may land far from its target (进出口总额增长5.5%左右 → 17.3%); a level may not
    spread = (options.growth_spread if target.kind is MetricKind.CHANGE and m.kind is MetricKind.CHANGE
              else options.level_spread)
    return 1 / spread <= ratio <= spread
