"""Follow last year's commitments into this year's report (gold/GONGZUO.md "Outcome" and "met").

Outcomes are searched only where a report looks back: this year's REVIEW and PROBLEMS parts (the whole
text before the PLAN part when the parser found no parts).  For each commitment:

* evidence: review sentences that contain most of the commitment's characters, in order (an LCS
  containment: ``LCS(commitment, sentence) / len(commitment)``, scored only for the pairs that
  ``align.plausible_pairs`` lets through: no n×m array);
* outcome, for a numeric target: a metric of the review with the target's unit whose indicator
  (label, or the clause before the number) matches the target's, and whose value is within a factor of
  three of the target (a different order of magnitude is a different quantity, however alike the words);
* status: MET / MISSED by the target's qualifier (左右 within 5 %, 以上 ≥, 以内 ≤, a range inside, exact
  by direction); without a number, MET / MISSED only when a sentence naming the indicator says it was
  done (完成, 实现) or not (未能实现); ADDRESSED when there is evidence; NOT_FOUND otherwise.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import cast

import attrs
import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from .. import lang
from ..model import Commitment, Direction, Metric, MetricKind, PartKind, Qualifier, Report, Sentence
from .align import plausible_pairs, sentences_of
from .compound import by_parts
from .metrics import clause_of, fold, indicator_context
from .outcome_scope import converted, different_scope, has_subject, is_start_level, same_measure
from .records import FollowStatus, FollowThrough, MetricPair, MetricStatus
from .tokens import WordCode, both_english

__all__ = ["TOLERANCE", "follow_commitments", "judge", "review_spans"]

TOLERANCE = Decimal("0.05")  # 左右: 5 % relative on the unfavourable side (gold/GONGZUO.md)
EVIDENCE_CUTOFF = 0.7
EVIDENCE_BIGRAMS = 2  # bigrams of a commitment a sentence must share to be evidence (Chinese)
NAMED_BIGRAMS = 0.5  # share of an indicator's bigrams a sentence must hold to name it in words
OUTCOME_CUTOFF = 0.75
_NOT_THE_YEAR = frozenset({"period", "start", "other_year"})  # Metric.frame values that are no year's outcome
LEVEL_SPREAD = Decimal(3)  # an outcome level within a third and three times its target is the same quantity
GROWTH_SPREAD = Decimal(10)  # growth rates spread wider
SUPPORT_CUTOFF = 0.7
INDICATOR_MIN = 2  # characters: an indicator shorter than this cannot be told apart from noise
_FILLER = re.compile(
    r"比改革前|比上年|比去年|同比|今年|明年|全年|年内|要|再|拟|将|也|力争|确保|努力|争取|预期|预计|目标|控制在|保持在|稳定在|提高到|增加到|扩大到|达到|"
    r"完成|实现|左右|以上|以内|以下|其中|分别|都|均|[的了在为把由从到和与及、]"
)
_NUM_RE = re.compile(r"[0-9０-９.%％]+")
_SUFFIX = re.compile(r"(增幅|降幅|增速|比重)$")
_SUFFIX_AS = {"增幅": "增长", "增速": "增长", "降幅": "下降"}
_VERB = re.compile(
    r"^(淘汰|减少|降低|提高|增加|新增|新建|改建|改造|完成|开工|建设|推进|解决|实施|取消|下放|开展|组织|举办|培训|"
    r"压减|退出|化解)+"
)
# A thing named by what it is and a general noun (钢铁产能): a review lists the first and says the second once
# (钢铁、煤炭年度去产能任务超额完成).
_GENERAL_TAIL = re.compile(r"(.{2,}?)(产能|任务)$")
_CLAUSE_END = re.compile(r"[，。；！？,;!?]")
_PERIOD = re.compile(r"年均|累计|平均每年|五年来|这些年")
_DONE = re.compile(r"超额完成|如期完成|全面完成|顺利完成|完成|实现|达到|达成|目标任务")
# A plan clause that promises a direction for an indicator: 降低行政诉讼案件发案量和败诉率, 提高办件率.
_DIRECTED = re.compile(
    r"^(?:持续|进一步|继续|切实|努力|着力|大力|有效|不断|逐步|全面|稳步|明显|显著|力争)*"
    r"(降低|减少|压减|压降|减轻|提高|提升|增加|扩大|增强)(.+)$"
)
_DOWN_VERBS = ("降低", "减少", "压减", "压降", "减轻")
DIRECTED_SUPPORT = 0.6  # share of the indicator's bigrams that must stand in the metric's clauses
_MISSED = re.compile(r"未能实现|未能完成|没有完成|未完成|没有实现|未实现|未达|没有达到|低于[^，。；]*预期")  # 涨幅未达年初预期


def review_spans(report: Report) -> list[tuple[int, int]]:
    """Where this year's report looks back on last year."""
    spans = [(p.start, p.end) for p in report.parts if p.kind in (PartKind.REVIEW, PartKind.PROBLEMS)]
    if spans:
        return spans
    plan = report.part(PartKind.PLAN)
    return [(0, plan.start if plan else len(report.text))]


def _inside(spans: Sequence[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def _inside_all(spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> list[int]:
    """Indices of the offsets that fall in any span (one vectorised test for a whole report)."""
    at = np.asarray(starts, dtype=np.int64)
    hit = np.zeros(len(at), dtype=bool)
    for a, b in spans:
        hit |= (at >= a) & (at < b)
    return np.nonzero(hit)[0].tolist()


def _core(text: str) -> str:
    """An indicator's words without plan verbs and hedges; the parser's 增幅/降幅 read as 增长/下降."""
    folded = fold(text)
    m = _SUFFIX.search(folded)
    if m:
        folded = folded[: m.start()] + _SUFFIX_AS.get(m.group(0), "")
    return _FILLER.sub("", folded)


def target_indicator(report: Report, c: Commitment) -> str:
    """What the target measures: the parser's indicator or label, else the clause around the number.

    A commitment that is one subject of a coordination (二氧化硫 in 二氧化硫、氮氧化物排放量分别下降3%) does
    not hold its number; its own words name the indicator better than the shared label.
    """
    t = c.target
    if t is not None and not c.start <= t.start < c.end and len(_core(c.text)) >= INDICATOR_MIN:
        return _core(c.text)
    for cand in (c.indicator, t.label if t else None):
        if cand and "、" in cand and t is not None:
            # a label coordinating several subjects names none of them alone: take the clause's words
            own = _core(c.text.replace(t.text, ""))
            if len(own) >= INDICATOR_MIN:
                return own
        if cand and len(_core(cand)) >= INDICATOR_MIN:
            return _core(cand)
    if t is None:
        return _core(c.text)
    return _core(indicator_context(report, t).replace("#", "")) or _core(c.text)


def _object(indicator: str) -> str:
    """The thing counted, without the leading verb: 淘汰钢铁 → 钢铁 (a review may say 钢铁…淘汰…完成)."""
    return _VERB.sub("", indicator)


@attrs.frozen
class _Outcomes:
    """This year's review metrics, each with the words that say what it measures."""

    metrics: tuple[Metric, ...]
    own: tuple[str, ...]  # its clause, number masked
    wide: tuple[str, ...]  # the clause before and its own (国内生产总值达到…，比上年增长7.4%)
    phrase: tuple[str, ...]  # its label (or the words before it), as an indicator
    by_unit: dict[str, list[int]]  # metrics by folded unit, each list by value (see candidates())
    lead: tuple[str, ...] = ()  # the clause before and its own, always: what may narrow its scope (扣除…后，)

    @staticmethod
    def of(report: Report, metrics: Sequence[Metric]) -> _Outcomes:
        own, wide, phrase, lead = [], [], [], []
        for m in metrics:
            lo, hi = clause_of(report.text, m.start, m.end)
            prev_lo = clause_of(report.text, lo - 2, lo - 1)[0] if lo > 1 else lo
            respective = _respective(report.text, lo, hi, m, metrics)
            ctx = respective or indicator_context(report, m)
            own.append(ctx)
            lead.append(_squeeze(fold(report.text[prev_lo:lo])) + ctx)
            # the clause before names the figure only where its own clause does not (…，比上年增长7.4%)
            wide.append(ctx if has_subject(ctx) else lead[-1])
            # a label shared by 甲、乙…分别 numbers names only one of them: use the subject instead
            label = "" if respective else _core(m.label)
            phrase.append(label if len(label) >= INDICATOR_MIN else _core(ctx.split("#")[0]))
        by_unit: dict[str, list[int]] = defaultdict(list)
        for x, m in enumerate(metrics):
            by_unit[fold(m.unit)].append(x)
        for xs in by_unit.values():
            xs.sort(key=lambda x: metrics[x].value)
        return _Outcomes(tuple(metrics), tuple(own), tuple(wide), tuple(phrase), dict(by_unit), tuple(lead))

    def candidates(self, target: Metric) -> list[int]:
        """The metrics that measure the same quantity as ``target`` (:func:`_same_quantity`), in text order:
        looked up by unit and by value (within the widest spread it allows), so a long review costs no scan per
        target."""
        if target.value <= 0:
            return []
        unit = fold(target.unit)
        units = [unit] + (["人"] if unit == "" else [""] if unit == "人" else [])
        # the widest spread _same_quantity allows, a little wider still: it decides exactly below
        spread = Decimal(str(max(GROWTH_SPREAD, LEVEL_SPREAD))) * Decimal("1.001")
        low, high = target.value / spread, target.value * spread
        found: list[int] = []
        for u in units + list(same_measure(unit)):  # 1300万吨 for a target in 斤
            xs = self.by_unit.get(u, [])
            lo_u, hi_u = (converted(low, unit, u) or low), (converted(high, unit, u) or high)
            lo = bisect.bisect_left(xs, lo_u, key=lambda x: self.metrics[x].value)
            hi = bisect.bisect_right(xs, hi_u, key=lambda x: self.metrics[x].value)
            found.extend(x for x in xs[lo:hi] if _same_quantity(target, self.metrics[x]))
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
        if forward < SUPPORT_CUTOFF and needle[:2] in near:
            # a head that matches (外商投资… in 外商投资限制性条目) earns a little slack on the rest;
            # a head that does not (氨氮 against 氮氧化物) earns none
            forward = min(SUPPORT_CUTOFF, forward + 0.1)
        backward = sum(g in needle for g in phrase) / len(phrase) if len(self.phrase[k]) >= 4 else 0.0
        return max(forward, backward)

    def is_period_total(self, k: int) -> bool:
        """年均 / 累计 figures sum or average several years, and the start of a change (从A增加到B) is where the
        year began: neither is the year's outcome (the frame the parser recorded, and 年均/累计 in its clause)."""
        return self.metrics[k].frame in _NOT_THE_YEAR or bool(_PERIOD.search(self.own[k].split("#")[0]))


def _respective(text: str, lo: int, hi: int, m: Metric, metrics: Sequence[Metric]) -> str | None:
    """``m``'s own subject in 甲、乙排放量分别下降5.6%和4%: the clause without the other subjects.

    The last subject usually carries the shared noun (乙排放量), so for an earlier subject only as many
    characters of it are dropped as that subject has, and 排放量 stays.
    """
    clause = text[lo:hi]
    k = clause.find("分别")
    if k < 0:
        return None
    nums = sorted((x for x in metrics if lo + k <= x.start < hi), key=lambda x: x.start)
    subjects = re.split(r"[、和与及]", clause[:k])
    if len(nums) < 2 or len(subjects) != len(nums) or m not in nums:
        return None
    i = nums.index(m)
    kept = []
    for j, subj in enumerate(subjects):
        if j == i:
            kept.append(subj)
        elif j == len(subjects) - 1:
            kept.append(subj[len(subjects[i]) :])
    rest = _NUM_RE.sub("", clause[k + 2 : nums[0].start - lo])
    return _squeeze(fold("".join(kept) + rest)) + "#"


def _lcs(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """LCS lengths of the pairs ``(a[k], b[k])``."""
    return process.cpdist(a, b, scorer=LCSseq.similarity, dtype=np.int32, workers=1).astype(np.float32)


def favourable(report: Report, c: Commitment) -> Direction:
    """Which side of the target meets it: DOWN for ceilings (控制在, 涨幅, 失业率, 赤字), else UP.

    Not read from ``Metric.direction``: for a change that field says whether the number is a rise or
    a fall (降低3.9%), and more of a fall that was promised is still a target met.
    """
    t = c.target
    words = c.text
    if t is not None:
        # the target's own clause only: 失业率 in the clause before 城镇新增就业68万人 makes no ceiling of it
        lo = max(0, t.start - 20)
        cut = max(report.text.rfind(mark, lo, t.start) for mark in "，,；;。")
        words += report.text[max(lo, cut + 1) : t.end + 4]
    return Direction.DOWN if lang.pattern("zh", "directions", "ceiling").search(words) else Direction.UP


def _counts_people(m: Metric) -> bool:
    return m.kind is MetricKind.COUNT and bool(m.label) and ("人口" in m.label or "人数" in m.label)


def _outcome_value(target: Metric, m: Metric) -> Decimal | None:
    """``m``'s value in the target's unit: as it is, or converted (1300万吨 for a target in 斤)."""
    return converted(m.value, fold(m.unit), fold(target.unit))


def _judged_value(target: Metric, outcome: Metric) -> Decimal:
    """The outcome as the target reads it: in the target's unit, and a fall (下降3.3%, 微降0.1%) negative against a
    target of growth — a cut (能耗降低2.5%) is met by a fall, so its outcome keeps the size of the fall."""
    value = _outcome_value(target, outcome) or outcome.value
    falls = outcome.kind is MetricKind.CHANGE and outcome.direction is Direction.DOWN
    return -value if falls and target.direction is not Direction.DOWN else value


def _same_quantity(target: Metric, m: Metric) -> bool:
    units = {fold(target.unit), fold(m.unit)}
    # a bare number of people (易地扶贫搬迁人口超过240万) counts 人
    people = units == {"", "人"} and _counts_people(m if not fold(m.unit) else target)
    value = m.value if people else _outcome_value(target, m)
    if value is None or target.value <= 0 or value <= 0:
        return False
    ratio = value / target.value
    # a growth rate may land far from its target (进出口总额增长5.5%左右 → 17.3%); a level may not
    spread = GROWTH_SPREAD if target.kind is MetricKind.CHANGE and m.kind is MetricKind.CHANGE else LEVEL_SPREAD
    return 1 / spread <= ratio <= spread


def judge(target: Metric, outcome: Decimal, direction: Direction | None) -> bool:
    """Met or missed, by the target's qualifier (gold/GONGZUO.md "met"); values are scaled alike."""
    q, v = target.qualifier, target.value
    up = direction is not Direction.DOWN
    if q in (Qualifier.AT_LEAST, Qualifier.APPROX_OVER):
        return outcome >= v
    if q is Qualifier.AT_MOST:
        return outcome <= v
    if q is Qualifier.RANGE and target.value_high is not None:
        return v <= outcome <= target.value_high
    if direction is Direction.NEUTRAL:
        return abs(outcome - v) <= v * TOLERANCE
    if q is Qualifier.APPROX:
        return outcome >= v * (1 - TOLERANCE) if up else outcome <= v * (1 + TOLERANCE)
    return outcome >= v if up else outcome <= v


class _Sparse:
    """Scores of some (needle, hay) pairs; every other pair scores 0."""

    def __init__(self, n_rows: int, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> None:
        self.rows, self.cols, self.values = rows, cols, values  # row-major order
        self.n_rows = n_rows

    def row(self, r: int) -> dict[int, np.float32]:
        """Row ``r`` as column → score (float32 scalars: thresholds compare as they did on a dense grid)."""
        lo, hi = np.searchsorted(self.rows, [r, r + 1])
        return dict(zip(self.cols[lo:hi].tolist(), self.values[lo:hi], strict=True))

    def row_max(self) -> np.ndarray:
        best = np.zeros(self.n_rows, dtype=np.float32)
        np.maximum.at(best, self.rows, self.values)
        return best


def _containment(needles: Sequence[str], hay: Sequence[str], cutoff: float, *, min_shared: int = 0) -> _Sparse:
    """How much of each needle a hay holds: ``LCS / len(needle)``, or the share of its bigrams when
    higher (word order flips: 深入推进数字政府建设 → 数字政府建设深入推进); 0 where it cannot reach ``cutoff``.
    With ``min_shared``, a pair sharing fewer bigrams than that scores its bigram share instead: a short needle's
    characters turn up in order, far apart, in any long sentence (万众创新 in 全社会创业创新热情).

    A thousand plan clauses against a few hundred review sentences is too many pairs to score; a pair
    can only reach the cutoff when the hay holds that share of the needle's character buckets
    (align.plausible_pairs), so only those pairs go to ``cpdist``, and only near misses to the bigrams.
    """
    if not needles or not hay:
        return _Sparse(len(needles), *(np.zeros(0, dtype=t) for t in (np.int64, np.int64, np.float32)))

    def keep(overlap: np.ndarray, cn: np.ndarray, _ch: np.ndarray, _r: np.ndarray, _c: np.ndarray) -> np.ndarray:
        return overlap >= cutoff * cn

    rows, cols = plausible_pairs(needles, hay, keep)
    values = np.zeros(len(rows), dtype=np.float32)
    if len(rows):
        lcs = process.cpdist(
            [needles[r] for r in rows.tolist()],
            [hay[c] for c in cols.tolist()],
            scorer=LCSseq.similarity,
            workers=1,
        )
        lengths = np.array([max(1, len(n)) for n in needles], dtype=np.float32)
        values[:] = lcs / lengths[rows]
        near = np.nonzero((values < cutoff) & (values >= 0.5))[0]
        for k in near:
            r, c = int(rows[k]), int(cols[k])
            values[k] = max(values[k], _bigram_share(needles[r], hay[c]))
        if min_shared:
            for k in np.nonzero(values >= cutoff)[0]:
                r, c = int(rows[k]), int(cols[k])
                shared, total = _shared_grams(needles[r], hay[c])
                if shared < min_shared:
                    values[k] = shared / total if total else 0.0
    return _Sparse(len(needles), rows, cols, values)


def _bigram_share(needle: str, hay: str) -> float:
    shared, total = _shared_grams(needle, hay)
    return shared / total if total else 0.0


def _shared_grams(needle: str, hay: str) -> tuple[int, int]:
    """How many of the needle's bigrams the hay holds, and how many it has."""
    grams = _grams(needle)
    return sum(g in hay for g in grams), len(grams)


def _grams(text: str) -> frozenset[str]:
    """The character bigrams of a text (Chinese words are mostly two characters)."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _explicit(sentence: str) -> bool | None:
    if _MISSED.search(sentence):
        return False
    if _DONE.search(sentence):
        return True
    return None


def follow_commitments(
    old: Report, new: Report, metric_pairs: Sequence[MetricPair] = ()
) -> tuple[FollowThrough, ...]:
    """One FollowThrough per commitment of OLD, in OLD's order.

    ``metric_pairs`` (from ``pair_metrics``) lets a promised direction (提高…率) be judged by how a rate
    moved from last year's figure to this year's.
    """
    if not old.commitments:
        return ()
    spans = review_spans(new)
    all_sents = sentences_of(new)
    sents = _Sentences([all_sents[i] for i in _inside_all(spans, [s.start for s in all_sents])])
    outcomes = [
        new.metrics[i]
        for i in _inside_all(spans, [m.start for m in new.metrics])
        if not new.metrics[i].is_target
    ]
    commits = old.commitments
    hay = [_squeeze(s.text) for s in sents]
    if both_english(old, new):
        code = WordCode()  # words, not letters: any two long English sentences share most letters
        evidence = _containment([code.encode(_words_of(c)) for c in commits], [code.encode(s.text) for s in sents],
                                EVIDENCE_CUTOFF)
    else:
        evidence = _containment([_squeeze(_words_of(c)) for c in commits], hay, EVIDENCE_CUTOFF,
                                min_shared=EVIDENCE_BIGRAMS)
    # evidence is sparse: only the entries over the cutoff matter, three best per commitment
    over = evidence.values >= EVIDENCE_CUTOFF
    rows, cols, values = evidence.rows[over], evidence.cols[over], evidence.values[over]
    order = np.lexsort((-values, rows))
    top: dict[int, list[int]] = {}
    for r, c in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        best3 = top.setdefault(r, [])
        if len(best3) < 3:
            best3.append(c)
    sims = cast(list[float], np.round(evidence.row_max(), 4).tolist()) if sents else [0.0] * len(commits)
    numeric = [k for k, c in enumerate(commits) if c.target is not None]
    found: dict[int, FollowThrough] = {}
    review = _Outcomes.of(new, outcomes)
    if numeric:
        indicators = [target_indicator(old, commits[k]) for k in numeric]
        named = _containment(indicators, hay, 0.9)
        for row, k in enumerate(numeric):
            ev_idx = top.get(k, [])
            target = commits[k].target
            assert target is not None
            naming = review.ranked(indicators[row], review.candidates(target))
            ft = _numeric(old, commits[k], indicators[row], naming, named.row(row), review, sents, ev_idx)
            if ft is not None:
                found[k] = ft
        found.update(_covered_by_deng(old, commits, numeric, found))
    moving = _moving(review, metric_pairs)
    for k, c in enumerate(commits):
        if moving and k not in found and c.target is None:
            ft = _directed(c, moving, sents, top.get(k, []))
            if ft is not None:
                found[k] = ft
    result: list[FollowThrough] = []
    for k, c in enumerate(commits):
        if k in found:
            result.append(found[k])
        elif k in top:
            ev = tuple(sents[x] for x in top[k])
            result.append(FollowThrough(c, FollowStatus.ADDRESSED, ev, None, None, sims[k]))
        else:
            result.append(FollowThrough(c, FollowStatus.NOT_FOUND, (), None, None, sims[k]))
    if both_english(old, new):
        return tuple(result)

    def contained(needles: list[str]) -> _Sparse:
        return _containment([_squeeze(n) for n in needles], hay, EVIDENCE_CUTOFF, min_shared=EVIDENCE_BIGRAMS)

    return by_parts(result, sents, contained, EVIDENCE_CUTOFF)  # a compound promise kept in part


def _numeric(
    old: Report,
    c: Commitment,
    indicator: str,
    naming: Sequence[tuple[int, float]],
    named: dict[int, np.float32],
    review: _Outcomes,
    sents: _Sentences,
    ev_idx: list[int],
) -> FollowThrough | None:
    """A numeric target's outcome and verdict, or its verdict in words; None when neither is found.

    ``naming``: the review metrics of the target's quantity, best named first (:meth:`_Outcomes.ranked`);
    ``named``: how much of the indicator each review sentence holds, where it is not 0.
    """
    target = c.target
    assert target is not None
    direction = favourable(old, c)
    if len(indicator) >= INDICATOR_MIN:
        for x, score in naming:
            if score < OUTCOME_CUTOFF:
                break
            outcome = review.metrics[x]
            if (
                _same_quantity(target, outcome)
                and not review.is_period_total(x)
                and review.bigram_support(indicator, x) >= SUPPORT_CUTOFF
                and not different_scope(indicator, review.lead[x])
                and not is_start_level(review.own[x])
            ):
                met = judge(target, _judged_value(target, outcome), direction)
                holder = sents.holding(outcome.start)
                ev = tuple(holder + [sents[i] for i in ev_idx if sents[i] not in holder])
                status = FollowStatus.MET if met else FollowStatus.MISSED
                return FollowThrough(
                    c, status, ev, outcome, met, round(score, 4), _note(target, outcome)
                )
    # no number: a sentence that names the indicator may still say it was done or not
    thing = _object(indicator)
    # the indicator's characters in order, and mostly side by side: 新建学校 is not named by 新能源…建设…学校
    naming_it = {x for x, v in named.items() if v >= 0.9
                 and _bigram_share(indicator, _squeeze(sents[x].text)) >= NAMED_BIGRAMS} if len(indicator) >= 4 else set()
    verb = indicator[: len(indicator) - len(thing)]
    if len(thing) >= 3:
        naming_it.update(_naming(thing, sents))
    elif len(thing) == 2 and verb:
        # two characters (钢铁, 学校) name too many things: the sentence must say the deed as well
        # (淘汰钢铁 → 钢铁、水泥等…淘汰落后产能…完成, but 新建学校 is not 学校食堂…培训完成)
        naming_it.update(x for x in _naming(thing, sents) if verb in sents[x].text)
    for x in sorted(naming_it):
        said = _explicit(sents[x].text)
        if said is not None:
            ev = (sents[x],) + tuple(sents[i] for i in ev_idx if i != x)
            status = FollowStatus.MET if said else FollowStatus.MISSED
            return FollowThrough(c, status, ev, None, said, round(float(named.get(x, 0.0)), 4), "stated in words")
    return None


def _naming(thing: str, sents: _Sentences) -> list[int]:
    """The sentences that name ``thing``: as written, or its own part with its general noun after it."""
    m = _GENERAL_TAIL.match(thing)
    if m is None:
        return [x for x in sents.maybe_holding(thing) if thing in sents[x].text]
    own, general = m.groups()
    return [x for x in sents.maybe_holding(thing, own)
            if thing in sents[x].text or _named_apart(sents[x].text, own, general)]


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


def _named_apart(text: str, own: str, general: str) -> bool:
    """``own`` and, later in the same clause, ``general``: 钢铁、煤炭年度去产能任务 names 钢铁产能."""
    at = text.find(own)
    if at < 0:
        return False
    end = _CLAUSE_END.search(text, at)
    return general in text[at + len(own) : end.start() if end else len(text)]


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
) -> FollowThrough | None:
    """A promised direction without a number (降低行政诉讼案件发案量和败诉率), judged by this year's figures.

    Each indicator the clause names (split at 和、及、与) is looked for among ``moving``: the review's stated
    changes (新发行政诉讼案件47件，较去年同期下降20%) and its rates that moved since last year's report. A
    figure that went the promised way supports the commitment; one that went the other way misses it. All
    named indicators found going the promised way is MET, some of them ADDRESSED, any going the other way
    MISSED.
    """
    m = _DIRECTED.match(c.text.strip())
    if m is None:
        return None
    promised = Direction.DOWN if m.group(1) in _DOWN_VERBS else Direction.UP
    names = [core for n in re.split(r"[和及与、]", m.group(2)) if len(core := _FILLER.sub("", n)) >= 3]
    if not names:
        return None
    seen: list[tuple[Metric, bool, float]] = []
    for name in names:
        grams = _grams(name)
        best: tuple[float, Metric, Direction] | None = None
        for metric, went, measures in (moving[k] for k in moving.sharing(grams, 2)):
            hits = len(grams & measures)  # what the figure itself measures (label and clause), not its neighbours
            share = hits / len(grams)
            if hits >= 2 and share >= DIRECTED_SUPPORT and (best is None or share > best[0]):
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
    note = f"promised {verb}: {outcome.text} went {'the same way' if agrees else 'the other way'}"
    met = None if status is FollowStatus.ADDRESSED else status is FollowStatus.MET
    return FollowThrough(c, status, ev, outcome, met, round(share, 4), note)


def _covered_by_deng(
    old: Report, commits: Sequence[Commitment], numeric: Sequence[int], found: dict[int, FollowThrough]
) -> dict[int, FollowThrough]:
    """Targets listed with one said in words to be done, where that sentence closes its list with 等.

    淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱 → 钢铁、水泥等15个重点行业…任务如期完成: the 等 covers
    平板玻璃 too.  Only a verdict in words is carried over, never a number.
    """

    def sentence_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    starts = [s.start for s in sentences_of(old)]
    same_sentence: dict[int, list[int]] = {}  # the targets of one sentence, in order: only they can be siblings
    for j in numeric:
        sibling = commits[j].target
        if sibling is not None:
            same_sentence.setdefault(sentence_of(sibling.start), []).append(j)
    out: dict[int, FollowThrough] = {}
    for k in numeric:
        if k in found:
            continue
        target = commits[k].target
        assert target is not None
        for j in same_sentence.get(sentence_of(target.start), []):
            done = found.get(j)
            sibling = commits[j].target
            if (
                done is None
                or done.outcome is not None
                or done.met is None
                or not done.evidence
                or sibling is None
            ):
                continue
            if sentence_of(sibling.start) != sentence_of(target.start):
                continue
            words = done.evidence[0].text
            thing = _object(target_indicator(old, commits[j]))
            at = words.find(thing) if len(thing) >= 2 else -1
            if at >= 0 and "等" in words[at : at + len(thing) + 8]:
                out[k] = FollowThrough(
                    commits[k],
                    done.status,
                    done.evidence[:1],
                    None,
                    done.met,
                    done.similarity,
                    "stated in words, covered by 等",
                )
                break
    return out


_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
_WORD_CHARS = re.compile(r"\w")


def _words_of(c: Commitment) -> str:
    """A commitment's text without its target figure: last year's target is not this year's figure, so the
    words around it are what this year's report repeats (居民消费价格涨幅3%左右 → 居民消费价格涨幅保持较低水平)."""
    t = c.target
    if t is None or not c.start <= t.start < t.end <= c.end:
        return c.text
    rest = c.text[: t.start - c.start] + c.text[t.end - c.start :]
    # what is left must still say something: four characters, or two English words (not a lone code)
    words = _ENGLISH_WORD.findall(rest) if rest.isascii() else _WORD_CHARS.findall(rest)
    return rest if len(words) >= (2 if rest.isascii() else 4) else ""


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _note(target: Metric, outcome: Metric) -> str:
    return f"target {target.text} ({target.qualifier.value}), outcome {outcome.text}"
