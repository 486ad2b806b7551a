"""Pair last year's metrics with this year's by indicator: label, unit, kind and context, never position.

Two signals, both batch-scored with ``rapidfuzz.process.cdist``:

* the labels the parser gave (``Metric.label``: 市政府常务会议研究法治相关议题数), and
* the clause around the number with the number itself masked (``研究法治相关议题#``), which still
  carries the indicator when labels are short or missing.

A pair needs a strong score and must not have been taken by a better one (greedy, best first).  Same unit
and kind make it comparable (UP / DOWN / UNCHANGED); a strong pair that differs in unit or kind is
NOT_COMPARABLE.  What stays single is DROPPED (old) or NEW.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .. import lang
from ..model import Metric, MetricKind, PartKind, Qualifier, Report
from ..model import fold as _fold
from ..parse.metrics.frames import clause_of
from . import candidates as _align
from ._arrays import sorted_unique
from .options import DEFAULT_OPTIONS, CompareOptions
from .outcome_scope import recap_spans
from .pair_confidence import Assessment, Codes, Facts, all_facts, assess, pair_penalty, signed_value
from .records import MetricPair, MetricStatus, Note

__all__ = [
    "clause_of",
    "clause_span",
    "fold",
    "indicator_context",
    "pair_metrics",
]

_PLACEHOLDER = "#"


@functools.cache
def _num() -> re.Pattern[str]:
    """A number, Arabic (half or full width) or in Chinese numerals (lang/zh/units.toml numerals)."""
    numerals = re.escape(lang.data("zh", "units")["numerals"])
    return re.compile(rf"[0-9\uff10-\uff19][0-9\uff10-\uff19.,\uff0e]*|[{numerals}]+")


@functools.cache
def _synonyms() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """One indicator, several names (lang/zh/indicators.toml synonyms): a quick hint, then each rewrite."""
    table = lang.data("zh", "indicators")
    rewrites = tuple((re.compile(e["pattern"]), str(e["replace"])) for e in table["synonyms"])
    return re.compile(table["synonym_hint"]), rewrites


@lru_cache(maxsize=16384)
def fold(s: str) -> str:
    """model.fold, remembered (labels and units repeat, and folding is a dict-driven translate), with an
    indicator's other names written one way: 单位国内生产总值能耗 → 能耗强度, 减轻企业税负 → 企业减负."""
    folded = _fold(s)
    hint, rewrites = _synonyms()
    if hint.search(folded):
        for pattern, replacement in rewrites:
            folded = pattern.sub(replacement, folded)
    return folded


def clause_span(report: Report, m: Metric) -> tuple[int, int]:
    """The clause holding ``m``: the parser's (``Metric.clause_start``/``clause_end``), else found here (a
    target's metric, a report built by hand)."""
    if m.clause_start is not None and m.clause_end is not None:
        return m.clause_start, m.clause_end
    return clause_of(report.text, m.start, m.end)


def indicator_context(report: Report, m: Metric) -> str:
    """The clause around ``m`` with ``m`` replaced by ``#`` and other numbers dropped."""
    lo, hi = clause_span(report, m)
    before = _num().sub("", report.text[lo : m.start])
    after = _num().sub("", report.text[m.end : hi])
    return fold(before + _PLACEHOLDER + after)


def _label(report: Report, m: Metric) -> str:
    return fold(m.label) if m.label else indicator_context(report, m)


def _comparable(a: Metric, b: Metric) -> bool:
    return fold(a.unit) == fold(b.unit) and a.kind is b.kind


def _pairable(ms: Sequence[Metric]) -> list[Metric]:
    # a restatement (same_fact_as) would pair twice with the same fact
    return [m for m in ms if not m.same_fact_as]


def _in_plan(report: Report, ms: Sequence[Metric]) -> np.ndarray:
    """Which figures are targets: those in the plan part or appended after it (附件1 2025年省十件民生实事),
    and those a goal word governs outside the review (a review's 涨幅控制在3.3% says what was achieved)."""
    plan = report.part(PartKind.PLAN)
    lo, hi = (plan.start, plan.end) if plan is not None else (0, 0)
    after = hi if plan is not None else len(report.text) + 1
    review = report.part(PartKind.REVIEW)
    rlo, rhi = (review.start, review.end) if review is not None else (0, 0)
    recaps = recap_spans(report) if review is not None else []  # 过去一年，… in the plan: last year's figures
    return np.array([not any(a <= m.start < b for a, b in recaps)
                     and (lo <= m.start < hi or m.start >= after or (m.is_target and not rlo <= m.start < rhi))
                     for m in ms], dtype=bool)


def _grid(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    return process.cdist(a, b, scorer=Indel.normalized_similarity, dtype=np.float32, workers=1)


def _quantize(d: Decimal) -> Decimal:
    try:
        return (
            d.quantize(Decimal("0.01"))
            if d == d.to_integral_value() or abs(d) >= 1
            else d.quantize(Decimal("0.0001"))
        )
    except InvalidOperation:
        return d


def _qualifier_note(a: Metric, b: Metric) -> Note | None:
    if a.qualifier is b.qualifier:
        return None if a.qualifier is Qualifier.EXACT else Note("both_qualified", (a.qualifier.value,))
    return Note("qualifiers_differ", (a.qualifier.value, b.qualifier.value))


def compared(a: Metric, b: Metric, similarity: float, judged: Assessment | None = None) -> MetricPair:
    """One pair's status, change, note, confidence and reasons. A pair ``judged`` to stand against itself (one
    year against five, a flow against a stock, tenfold apart) is NOT_COMPARABLE, and so is a pair across units
    or kinds. A change keeps its sign (下降12.8% is −12.8), so a smaller fall is a rise."""
    confidence, reasons = (judged.confidence, judged.reasons) if judged is not None else (similarity, ())
    if judged is not None and judged.against:
        return MetricPair(MetricStatus.NOT_COMPARABLE, a, b, similarity, notes=(judged.against,),
                          confidence=confidence, reasons=reasons)
    if not _comparable(a, b):
        why = (
            Note("unit_differs", (a.unit or "∅", b.unit or "∅"))
            if fold(a.unit) != fold(b.unit)
            else Note("kind_differs", (a.kind.value, b.kind.value))
        )
        return MetricPair(MetricStatus.NOT_COMPARABLE, a, b, similarity, notes=(why,),
                          confidence=confidence, reasons=reasons)
    delta = _signed(b) - _signed(a)
    status = MetricStatus.UP if delta > 0 else MetricStatus.DOWN if delta < 0 else MetricStatus.UNCHANGED
    pct: Decimal | None = None
    notes = [n for n in [_qualifier_note(a, b)] if n is not None]
    if a.unit in _rate_units() or a.kind in (MetricKind.RATE, MetricKind.CHANGE):
        notes.append(Note("in_points"))  # a relative change of a rate misleads
    elif a.value != 0:
        pct = _quantize(delta / a.value * 100)
    return MetricPair(status, a, b, similarity, _quantize(delta), pct, tuple(notes),
                      confidence=confidence, reasons=reasons)


@functools.cache
def _rate_units() -> tuple[str, ...]:
    """Units of a rate, whose change is in points (lang/zh/units.toml percent, and the first of points)."""
    units = lang.data("zh", "units")
    return (*units["percent"], units["points"][0])


def _signed(m: Metric) -> Decimal:
    return -m.value if signed_value(m) < 0 < m.value else m.value


def _same_place(section_map: Mapping[str, str] | None, a: Metric, b: Metric) -> bool:
    return section_map is not None and section_map.get(a.section) == b.section


def _weighed(
    co: Codes, cn: Codes, score: np.ndarray, r: np.ndarray, c: np.ndarray, options: CompareOptions
) -> np.ndarray:
    """The candidate scores less what stands against each (pair_confidence.pair_penalty); numbers that name
    something rather than measure it (十一届七次全会) pair with nothing.

    ``score`` is a block of consecutive rows × every column (``r`` a column, ``c`` a row of indices), or one
    score per pair (``r``, ``c`` flat); the penalty is worked out for just those pairs.
    """
    penalty, allowed = pair_penalty(co, cn, r, c, options=options)
    weighed: np.ndarray = np.where(allowed, score - penalty, 0.0)
    return weighed


def _scored_pairs(
    old: Report,
    new: Report,
    mo: Sequence[Metric],
    mn: Sequence[Metric],
    section_map: Mapping[str, str] | None,
    options: CompareOptions,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[Facts], list[Facts]]:
    """The pairs strong enough to be taken, row-major: rows, columns, scores, whether unit and kind agree, and
    the facts of each metric (pair_confidence.all_facts).

    Every pair is scored, a block of rows at a time, while there are at most ``align.DENSE_PAIRS`` of them;
    beyond that only the pairs whose labels or contexts share an uncommon bigram (``align.shared_gram_pairs``),
    so that a report of thousands of figures costs no n×m array.
    """
    labels_o, labels_n = [_label(old, m) for m in mo], [_label(new, m) for m in mn]
    ctx_o = [indicator_context(old, m) for m in mo]
    ctx_n = [indicator_context(new, m) for m in mn]
    # a label of one or two characters (单位, 人次) is the parser's fallback, not an indicator name
    short_o = np.array([len(fold(m.label)) < 3 for m in mo])
    short_n = np.array([len(fold(m.label)) < 3 for m in mn])
    # a unit that occurs once in each year (人次 … 人次) is likely the same indicator
    uo, un = Counter(fold(m.unit) for m in mo), Counter(fold(m.unit) for m in mn)
    once_o = np.array([uo[fold(m.unit)] == 1 for m in mo])
    once_n = np.array([un[fold(m.unit)] == 1 for m in mn])
    mapped = np.array([section_map.get(m.section, "\0") for m in mo]) if section_map else None
    placed = np.array([m.section or "\1" for m in mn]) if section_map else None
    ko = np.array([fold(m.unit) + "|" + m.kind.value for m in mo])
    kn = np.array([fold(m.unit) + "|" + m.kind.value for m in mn])
    # a plan's target and a review's fact are followed through (followthrough/), not paired here
    to, tn = _in_plan(old, mo), _in_plan(new, mn)
    fo, fn = all_facts(old, mo), all_facts(new, mn)
    co, cn = Codes.of(mo, fo), Codes.of(mn, fn)

    def strong(
        label: np.ndarray, context: np.ndarray, r: np.ndarray, c: np.ndarray
    ) -> tuple[tuple[np.ndarray, ...], np.ndarray, np.ndarray]:
        score = np.where(short_o[r] | short_n[c], context, 0.5 * label + 0.5 * np.maximum(label, context))
        score = score + 0.1 * (once_o[r] & once_n[c])
        if mapped is not None and placed is not None:
            score = score + 0.05 * (mapped[r] == placed[c])
        score = _weighed(co, cn, score, r, c, options)
        kinds_ok = ko[r] == kn[c]
        score = np.where(to[r] == tn[c], score, 0.0)
        hit = np.nonzero(score >= np.where(kinds_ok, options.pair_cutoff, options.not_comparable_cutoff))
        return hit, score[hit], kinds_ok[hit]

    found: list[tuple[np.ndarray, ...]] = []
    n, m = len(mo), len(mn)
    if n * m <= _align.DENSE_PAIRS:
        step = max(1, _align.BLOCK // m)
        for lo in range(0, n, step):
            r, c = np.arange(lo, min(n, lo + step))[:, None], np.arange(m)[None, :]
            hit, score, kinds_ok = strong(_grid(labels_o[lo : lo + step], labels_n),
                                          _grid(ctx_o[lo : lo + step], ctx_n), r, c)
            found.append((hit[0] + lo, hit[1], score, kinds_ok))
    else:
        proposed = [np.concatenate(list(_align.shared_gram_pairs(x, y)) or [np.zeros(0, dtype=np.int64)])
                    for x, y in ((labels_o, labels_n), (ctx_o, ctx_n))]
        flat = sorted_unique(np.concatenate(proposed))  # np.union1d: a hash-based unique, 10× slower
        for lo in range(0, len(flat), _align.BLOCK):
            r, c = flat[lo : lo + _align.BLOCK] // m, flat[lo : lo + _align.BLOCK] % m
            label = _pairwise([labels_o[i] for i in r.tolist()], [labels_n[j] for j in c.tolist()])
            context = _pairwise([ctx_o[i] for i in r.tolist()], [ctx_n[j] for j in c.tolist()])
            (k,), score, kinds_ok = strong(label, context, r, c)
            found.append((r[k], c[k], score, kinds_ok))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32), np.zeros(0, dtype=bool), fo, fn
    rows, cols, score, kinds_ok = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return rows, cols, score, kinds_ok, fo, fn


def _pairwise(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    return process.cpdist(a, b, scorer=Indel.normalized_similarity, dtype=np.float32, workers=1)


def pair_metrics(
    old: Report,
    new: Report,
    *,
    section_map: Mapping[str, str] | None = None,
    options: CompareOptions = DEFAULT_OPTIONS,
) -> tuple[MetricPair, ...]:
    """Every metric of both years once: paired (UP/DOWN/UNCHANGED/NOT_COMPARABLE), DROPPED or NEW.

    Candidates score at least ``options.pair_cutoff`` (``not_comparable_cutoff`` across units or kinds); a chosen
    pair less confident than ``options.min_confidence`` is not kept, and its two figures stay unpaired.
    """
    mo, mn = _pairable(old.metrics), _pairable(new.metrics)
    chosen: list[tuple[int, int, float]] = []
    facts_o: list[Facts] = []
    facts_n: list[Facts] = []
    if mo and mn:
        rows, cols, score, kinds_ok, facts_o, facts_n = _scored_pairs(old, new, mo, mn, section_map, options)
        order = np.lexsort((-kinds_ok.astype(int), -score))
        used_o: set[int] = set()
        used_n: set[int] = set()
        for k in order:
            r, c = int(rows[k]), int(cols[k])
            if r in used_o or c in used_n:
                continue
            used_o.add(r)
            used_n.add(c)
            chosen.append((r, c, round(min(1.0, float(score[k])), 4)))
    out: list[tuple[int, int, MetricPair]] = []
    kept: list[tuple[int, int]] = []
    for r, c, sim in chosen:
        a, b = mo[r], mn[c]
        judged = assess(a, facts_o[r], b, facts_n[c], sim, _same_place(section_map, a, b), options=options)
        if judged.confidence >= options.min_confidence:
            kept.append((r, c))
            out.append((b.start, 0, compared(a, b, sim, judged)))
    paired_o = {r for r, _ in kept}
    paired_n = {c for _, c in kept}
    out.extend(
        (m.start, 0, MetricPair(MetricStatus.NEW, None, m)) for c, m in enumerate(mn) if c not in paired_n
    )
    # dropped metrics go last, in last year's order: they have no place in this year's text
    out.extend(
        (len(new.text) + 1, m.start, MetricPair(MetricStatus.DROPPED, m, None))
        for r, m in enumerate(mo)
        if r not in paired_o
    )
    out.sort(key=lambda t: (t[0], t[1]))
    return tuple(p for _, _, p in out)
