"""Labels: the short phrase that says what a number counts, taken from the clause around it.

The compare stage pairs metrics across years by label, so a label must not depend on
wording that drifts from year to year: time words (全年, 2022年), adverbs (共, 累计) and
the verb that introduces the number (达, 为, 完成) are stripped; what is left is the
noun phrase nearest the number. Deterministic, no dictionary beyond these short lists.
"""

from __future__ import annotations

import functools
import re

from ... import lang

__all__ = ["change_label", "make_label"]

_MAX = 24


def _re(key: str) -> re.Pattern[str]:
    """A pattern of lang/zh/labels.toml (compiled once, on first use)."""
    return lang.pattern("zh", "labels", key)


def _word(key: str) -> str:
    value: str = lang.data("zh", "labels")[key]
    return value


@functools.cache
def _span() -> str:
    """A span of years a label drops (五年来, 近三年): lang/zh/frames.toml's words marked ``label``."""
    frames = lang.data("zh", "frames")
    before = "|".join(re.escape(e["word"]) for e in frames["span_before"] if e.get("label"))
    after = "|".join(re.escape(e["word"]) for e in frames["span_after"] if e.get("label"))
    span: str = frames["label_span"]
    return span.replace("{before}", before).replace("{after}", after)


@functools.cache
def _openers() -> re.Pattern[str]:
    parts = [a.replace("{span}", _span()) for a in lang.alternatives("zh", "labels", "openers")]
    return re.compile("^(?:" + "|".join(f"(?:{p})" for p in parts) + ")")


@functools.cache
def _closers() -> re.Pattern[str]:
    parts = lang.alternatives("zh", "labels", "closers")
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in parts) + ")$")


@functools.cache
def _noun_follows() -> frozenset[str]:
    return frozenset(lang.words("zh", "units", "noun_follows"))


@functools.cache
def _not_noun_units() -> frozenset[str]:
    """After a rate or a span the next words are rarely what is counted (7%左右的速度, 三年淘汰…).
    A counted noun (14亿人口, 六部委) is its own label."""
    units = ("rate", "no_noun_after", "place_nouns")
    return frozenset(["fraction", *(w for key in units for w in lang.words("zh", "units", key))])


def _strip(phrase: str) -> str:
    # A label never starts inside a title: 《…实施方案》和3个配套办法 counts 配套办法, not the 方案.
    # 制发《执法监督通知书》11份 counts the title itself: only a title followed by more words is cut.
    cut = phrase.rfind(_word("title_close"))
    if 0 <= cut < len(phrase.rstrip()) - 1:
        phrase = _re("title_joint").sub("", phrase[cut + 1 :])
    phrase = _re("drop").sub("", phrase)
    openers, closers = _openers(), _closers()
    for _ in range(6):
        new = openers.sub("", phrase)
        new = closers.sub("", new)
        if new == phrase:
            break
        phrase = new
    return phrase.strip(_word("strip"))


def _after_noun(text: str, end: int) -> str:
    """The noun right after a classifier: 15家[单位], 9份[重大行政合同]."""
    m = _re("after_noun").match(text, end)
    if m is None:
        return ""
    noun = m.group(0)
    # 公共法律服务中心: a one-character stop word inside the first word is part of that word
    stop = _re("after_stop").search(noun, 2)
    return noun[: stop.start()] if stop else noun


def make_label(text: str, clause_start: int, number_start: int, end: int, unit: str) -> str:
    """What the number at ``number_start`` counts, from its clause (``clause_start``) and what follows it."""
    # The partners may be listed with 、, which starts a new clause: look back to the clause's punctuation.
    listed = clause_start
    if text[clause_start - 1 : clause_start] == _word("list_comma"):
        ends = lang.data("zh", "punctuation")["figure_clause_breaks"]
        stop = max(text.rfind(c, max(0, clause_start - 80), clause_start) for c in ends)
        listed = stop + 1 if stop >= 0 else clause_start
    if _re("partners").match(text, listed, number_start):
        # 与叙永县、朝阳区等11地签订“跨省通办”合作协议: the partners are named as examples or not at all, so
        # what the figure counts is what was done with them (签订“跨省通办”合作协议), the same from year to year.
        act = _re("joint_act").match(text, end)
        if act is not None:
            return _re("drop").sub("", act.group(0))[:_MAX]
    before = _strip(text[clause_start:number_start])
    # With nothing named before it (将2.8万亿元中央财政资金纳入…), the noun after the number is the label.
    noun_follows = unit in _noun_follows() or (not before and unit not in _not_noun_units())
    after = _after_noun(text, end) if noun_follows else ""
    after = after.removeprefix(_word("after_of"))
    if after and (not before or not before.endswith(after)):
        label = before + after if len(before) <= 8 else after if not before else before[-12:] + after
    else:
        label = before
    label = label or unit
    return label[-_MAX:]


def change_label(base: str, up: bool) -> str:
    """A stated change is named after what changed: 新发行政诉讼案件 → 新发行政诉讼案件降幅."""
    core = _re("change_tail").sub("", base) or base
    return core + _word("change_up" if up else "change_down")
