"""Which numbers in a plan clause are next year's targets (gold/GONGZUO.md "What counts as a target").

A target states a quantity to be reached, allocated, cut or set in the plan year. The
rules below drop the other numbers a plan is full of, each by the words around it:
baselines (由320元提高到…), increments against last year (比上年增加…), forecasts
(将达…), existing things (已设立…, 有13亿人口), multi-year or dated goals (到2020年,
两年内, a 十三五 section), slogans (三个1亿人), durations, dates, names (M2, 2025).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

import attrs

from ... import lang
from ...model import Direction, Metric, MetricKind, Qualifier
from .english import forward_looking
from .numbers import Quantity, scan

__all__ = [
    "find_targets",
    "is_ceiling",
    "is_restatement",
    "multi_year_title",
    "respective_subjects",
    "share_qualifier",
    "target_direction",
    "to_metric",
]



def _re(key: str) -> re.Pattern[str]:
    """A target cue of lang/zh/targets.toml, compiled on first use."""
    return lang.pattern("zh", "targets", key)


def _text(key: str) -> str:
    return str(lang.data("zh", "targets")[key])


_YEAR = re.compile(r"(?:19|20)\d\d")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def multi_year_title(title: str, plan_year: int | None) -> bool:
    """A section about a multi-year plan, or about a year other than the plan year."""
    if _re("multi_year_title").search(title):
        return True
    years = [int(y) for y in _YEAR.findall(title)]
    return bool(years) and plan_year is not None and plan_year not in years


def _dated(sentence: str, plan_year: int | None) -> bool:
    for m in _re("dated").finditer(sentence):
        year = m.group("y1") or m.group("y2")
        if year is None or plan_year is None or int(year) != plan_year:
            return True
    return False


def _slogan_numbers(sentence: str) -> set[str]:
    """Numbers that name a slogan's members (三个1亿人): restating one is not a target."""
    return {m.group(1) for m in _re("slogan").finditer(sentence)}


def _is_target(text: str, q: Quantity, clause: tuple[int, int], sentence: tuple[int, int],
               plan_year: int | None, prev: Quantity | None, nxt: Quantity | None) -> bool:
    if q.kind is MetricKind.DURATION or q.unit == "" or q.unit in lang.words("zh", "targets", "not_target_units"):
        return False
    cs, ce = clause
    before = text[cs : q.start]
    near = text[max(cs, prev.end if prev is not None else cs) : q.start]  # words since the last number
    after = text[q.end : (nxt.start if nxt is not None and nxt.start < ce else ce)]
    whole = text[sentence[0] : sentence[1]]
    if before.endswith(_text("ordinal")) or _inside_quotes(text, cs, q.start):
        return False
    if _re("counted_before").search(before):
        return False
    number = q.text.split("%")[0][:8]
    if any(number.startswith(s) for s in _slogan_numbers(whole)):
        return False
    if (_re("baseline_before").search(before) and _re("baseline_after").search(after)
            and nxt is not None and nxt.start < ce):
        return False
    if _re("forecast").search(near.rstrip()) or _re("existing").search(near):
        return False
    if q.unit == _text("population_unit") and _re("population_after").match(after) or _re("scope_after").search(after):
        return False
    if q.text.endswith(_text("threshold_word")) and _re("threshold").match(text, q.end - 2):
        return False
    if _re("record_next").match(text, ce):
        return False
    if (_re("conditional").search(text[cs:ce]) or _re("unchanged").search(text[cs:ce])
            or _re("share_after").search(after)):
        return False
    # a date scopes forward: 经过今明两年努力 covers what follows it, not the clause before
    return not _dated(text[sentence[0] : ce], plan_year)


def _inside_quotes(text: str, start: int, pos: int) -> bool:
    seg = text[start:pos]
    return seg.count(_text("quote_open")) > seg.count(_text("quote_close")) or seg.count('"') % 2 == 1


_EN_COUNTED = re.compile(r" (?:[a-z]+ )?[a-z][a-z-]{2,}")  # a count names what it counts: 4 meetups, 60 new families


def find_targets(text: str, clause: tuple[int, int], sentence: tuple[int, int], plan_year: int | None,
                 previous_had_target: bool, *, english: bool = False) -> list[Quantity]:
    """The quantities of one clause that are targets of the plan year.

    An English plan states its targets as amounts (a budget) or rates; other numbers in
    it are versions, years and counts of the past.
    """
    qs = scan(text, *clause)
    if english:
        # amounts and rates; a count only where the sentence looks ahead (We will hold 4 meetups)
        ahead = forward_looking(text[clause[0] : clause[1]], plan_year)
        return [
            q for q in qs
            if q.kind in (MetricKind.MONEY, MetricKind.RATE)
            or (ahead and q.kind is MetricKind.COUNT and _EN_COUNTED.match(text, q.end) is not None
                and lang.union("targets", "periods", ("en",)).match(text, q.end) is None  # 12 months: how long
                and "." not in q.text and not 1900 <= q.value <= 2100)  # 4 meetups; not 2024, not version 1.0
        ]
    out: list[Quantity] = []
    for i, q in enumerate(qs):
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        prev = qs[i - 1] if i else None
        if not _is_target(text, q, clause, sentence, plan_year, prev, nxt):
            continue
        lead = text[clause[0] : q.start].strip()
        if previous_had_target and (_re("bare_change").match(lead) or _re("increment").search(lead)):
            continue  # 比上年增加1500亿元 after a target restates the target as a change
        if out and _re("increment").search(text[out[-1].end : q.start]):
            continue  # 安排160亿元、增长9.6%: the change of the amount just set
        out.append(q)
    return out


@functools.cache
def _restate_generic() -> frozenset[str]:
    return frozenset(_text("restate_generic"))


def _label_chars(s: str) -> set[str]:
    """Indicator words: Chinese by the character, English by the word."""
    words = {w.lower() for w in _LATIN_WORD.findall(s)}
    return words | {c for c in s if "\u4e00" <= c <= "\u9fff" and c not in _restate_generic()}


def is_restatement(
    text: str, q: Quantity, clause_start: int, earlier: Mapping[str, Sequence[tuple[Quantity, int]]]
) -> bool:
    """The same target said again (把增长预期目标定在7.5%左右): same quantity, no new indicator words.
    ``earlier``: the targets said so far, with their clause start, by their text."""
    mine = _label_chars(text[clause_start : q.start])
    for other, other_clause in earlier.get(q.text, ()):
        theirs = _label_chars(text[other_clause : other.start])
        if not mine or len(mine & theirs) >= 0.6 * len(mine):
            return True
    return False


def target_direction(clause: str, q: Quantity) -> Direction:
    """DOWN for a ceiling (控制在5.5%以内, 居民消费价格涨幅2%左右) or a promised cut (能耗降低2.5%), else UP
    (lang/zh/directions.toml)."""
    if q.qualifier is Qualifier.AT_MOST:
        return Direction.DOWN
    if lang.pattern("zh", "directions", "ceiling").search(clause) or _cut().search(clause):
        return Direction.DOWN
    return Direction.UP


def is_ceiling(text: str, commitment: str, start: int, end: int) -> bool:
    """Whether the target at ``text[start:end]`` is met at or below it (lang/zh/directions.toml ``ceiling``: 控制在,
    涨幅, 失业率, 赤字), read in the commitment and the target's own clause: 失业率 in the clause before
    城镇新增就业68万人 makes no ceiling. Unlike ``target_direction``, a cut (降低3.9%) is no ceiling: more of a
    promised fall is still a target met."""
    lo = max(0, start - 20)
    marks = str(lang.data("zh", "directions")["ceiling_clause_marks"])
    cut = max(text.rfind(mark, lo, start) for mark in marks)
    words = commitment + text[max(lo, cut + 1) : end + 4]
    return lang.pattern("zh", "directions", "ceiling").search(words) is not None


@functools.cache
def _cut() -> re.Pattern[str]:
    """A promised cut: the down verbs read for cuts and the other cut words (lang/zh/directions.toml)."""
    words = lang.words_for("zh", "directions", "down", "cut") + lang.words("zh", "directions", "cut")
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def share_qualifier(text: str, clause_start: int, targets: list[Quantity]) -> list[Quantity]:
    """分别增长5%、7%左右: a hedge after the last of a 分别 list covers every member."""
    respective = lang.pattern("zh", "directions", "respective")
    if len(targets) < 2 or not respective.search(text[clause_start : targets[0].start]):
        return targets
    last = targets[-1]
    joined = all(not text[a.end : b.start].strip(_text("respective_joints")) for a, b in itertools.pairwise(targets))
    if not joined or last.qualifier is Qualifier.EXACT:
        return targets
    return [
        attrs.evolve(q, qualifier=last.qualifier) if q.qualifier is Qualifier.EXACT else q for q in targets
    ]


@functools.cache
def _scales() -> tuple[tuple[str, Decimal], ...]:
    """Scales folded into a value (lang/zh/targets.toml): 万亿, 亿, 万, in that order."""
    return tuple((e["word"], Decimal(10) ** int(e["power"])) for e in lang.data("zh", "targets")["scales"])


_ENDS: list[tuple[Sequence[Metric], list[int] | None]] = []  # the last metrics looked up, with their ends


def _overlapping(metrics: Sequence[Metric], start: int, end: int) -> Iterator[Metric]:
    """The metrics overlapping [start, end), first in text order: by bisection on their ends (sorted, as the
    metrics stage writes them), so a plan of thousands of targets costs no scan of every metric per target."""
    if not _ENDS or _ENDS[0][0] is not metrics:
        ends = [m.end for m in metrics]
        _ENDS[:] = [(metrics, ends if all(a <= b for a, b in itertools.pairwise(ends)) else None)]
    ends_or_none = _ENDS[0][1]
    if ends_or_none is None:  # not in order: look at every one
        yield from (m for m in metrics if m.start < end and start < m.end)
        return
    for k in range(bisect.bisect_right(ends_or_none, start), len(metrics)):
        m = metrics[k]
        if m.start >= end:
            return
        if start < m.end:
            yield m


def to_metric(q: Quantity, metrics: Sequence[Metric], *, ident: str, section: str, label: str,
              direction: Direction) -> Metric:
    """The metrics stage's record of this quantity, marked as a target, or one built from ``q``."""
    for m in _overlapping(metrics, q.start, q.end):
        return attrs.evolve(m, is_target=True, direction=m.direction or direction,
                            qualifier=m.qualifier if m.qualifier is not Qualifier.EXACT else q.qualifier)
    value, unit, high = q.value, q.unit, q.value_high
    for prefix, factor in _scales():
        if unit.startswith(prefix) and (len(unit) > len(prefix) or q.unit == prefix):
            value, unit = value * factor, unit[len(prefix) :] or ""
            high = high * factor if high is not None else None
            break
    return Metric(
        id=ident, text=q.text, start=q.start, end=q.end, value=value, unit=unit,
        qualifier=q.qualifier, kind=q.kind, label=label, section=section, value_high=high,
        surface_unit=q.unit if q.unit != unit else None, qualifier_word=q.qualifier_word,
        numeral=q.numeral, is_target=True, direction=direction,
    )


def respective_subjects(text: str, clause_start: int, targets: Sequence[Quantity]) -> list[str] | None:
    """The subject of each number of a 分别 list, in order, or None when the clause is no such list.

    城镇、农村居民人均可支配收入分别增长5.5%、7.5% → 城镇居民人均可支配收入, 农村居民人均可支配收入 (the last
    item holds its head and the words all share); 城乡居民… expands by lang/zh/indicators.toml."""
    if len(targets) < 2:
        return None
    lead = text[clause_start : targets[0].start]
    m = lang.pattern("zh", "directions", "respective").search(lead)
    if m is None:
        return None
    subject = lead[: m.start()].strip(str(lang.data("zh", "directions")["respective_trim"]))
    items = (_re("respective_pair_split").split(subject) if len(targets) == 2
             else subject.split(_text("respective_list_split")))
    members: list[str] = []
    if len(items) >= 2:
        head = len(items[0])
        last = items[-1]
        if head == 0 or len(last) <= head:
            return None
        rest = last[head:]
        members = [*(h + rest for h in items[:-1]), last]
    else:
        for entry in lang.data("zh", "indicators").get("expand", ()):
            word = entry["word"]
            if subject.startswith(word) or ("" if not subject else subject).find(word) >= 0:
                at = subject.find(word)
                members = [subject[:at] + w + subject[at + len(word) :] for w in entry["members"]]
                break
    if len(members) != len(targets):
        return None
    return members
