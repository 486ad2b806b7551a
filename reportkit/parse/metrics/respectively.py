"""Labels a figure takes from its neighbours.

分别: names listed before it take the figures listed after it one by one.

``城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%`` gives 4.4% to 城镇常住居民人均可支配收入 and 5.9% to
农村常住居民人均可支配收入; the labeller (metrics/labels.py) sees only the nearest name and gives both the last.

A running total said right after a flow (新增711家、累计达2215家; 新增境内上市公司62家，总数186家) is the same
indicator's stock: it takes the flow's name, less the flow word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from ... import lang
from ...model import Metric

__all__ = ["distribute", "inherit"]


def _re(key: str) -> re.Pattern[str]:
    """respective_verb, respective_list, total_words, flow_words of lang/zh/labels.toml."""
    return lang.pattern("zh", "labels", key)


@functools.cache
def _between() -> frozenset[str]:
    """What stands between the figures of one list: 4.4%、5.9%."""
    return frozenset(lang.words("zh", "labels", "respective_between"))


@functools.cache
def _subject_start() -> re.Pattern[str]:
    """Where the names listed before 分别 start (lang/zh/punctuation.toml figure_clause_breaks)."""
    return re.compile("[" + re.escape(lang.data("zh", "punctuation")["figure_clause_breaks"]) + "]")


@functools.cache
def _generic() -> frozenset[str]:
    """Labels that name nothing of their own: 累计, 总数 (and the empty label)."""
    return frozenset(["", *lang.words("zh", "labels", "generic")])


def _heads() -> re.Pattern[str]:
    """Where the part shared by names listed before 分别 starts (lang/zh/pairs.toml ``respective_heads``)."""
    return lang.union("pairs", "respective_heads", ("zh",))


def _group_end(text: str, metrics: Sequence[Metric], i: int) -> int:
    j = i
    while j + 1 < len(metrics) and text[metrics[j].end : metrics[j + 1].start] in _between():
        j += 1
    return j


def _named(item: str, tail: str, head: str) -> str:
    if not tail:
        return item
    if item.endswith(head):  # 城镇居民、农村居民人均可支配收入: 城镇居民 + 人均可支配收入
        return item + tail[len(head) :]
    return item if _heads().search(item) else item + tail


def _names(subject: str, n: int) -> list[str] | None:
    # 学前教育毛入园率、高中阶段和高等教育毛入学率: with 、 in the list, 和 joins inside one name
    comma = lang.data("zh", "labels")["list_comma"]
    items = subject.split(comma) if comma in subject else _re("respective_list").split(subject)
    if len(items) != n or any(not it for it in items):
        return None
    last = items[-1]
    head = _heads().search(last, 1)
    tail = last[head.start() :] if head is not None and head.start() < len(last) - 1 else ""
    word = head.group(0) if head is not None else ""
    return [_named(it, tail, word) for it in items[:-1]] + [last]


def distribute(text: str, metrics: Sequence[Metric]) -> tuple[Metric, ...]:
    """``metrics`` with each figure of a 分别 list labelled by its own name."""
    out = list(metrics)
    i = 0
    while i < len(out):
        m = out[i]
        before = text[max(0, m.start - 80) : m.start]
        verb = _re("respective_verb").search(before)
        j = _group_end(text, out, i)
        if verb is None or j == i:
            i = j + 1
            continue
        cut = max((x.end() for x in _subject_start().finditer(before, 0, verb.start())), default=0)
        subject = before[cut : verb.start()]
        names = _names(subject, j - i + 1)
        last = names[-1] if names else ""
        for k, name in zip(range(i, j + 1), names or [], strict=False):
            label = out[k].label
            if subject in label:  # the labeller took the whole list as one name (入园率和普惠率)
                out[k] = attrs.evolve(out[k], label=label.replace(subject, name))
            elif k < j and last in label:
                out[k] = attrs.evolve(out[k], label=label.replace(last, name))
        i = j + 1
    return tuple(out)


def inherit(text: str, metrics: Sequence[Metric]) -> tuple[Metric, ...]:
    """``metrics`` with a running total right after a flow named after the flow's indicator."""
    out = list(metrics)
    for k in range(1, len(out)):
        m, prev = out[k], out[k - 1]
        generic = m.label in _generic() or m.label == m.unit or len(m.label) < 2
        if generic and prev.unit == m.unit and _re("total_words").fullmatch(text[prev.end : m.start]):
            name = _re("flow_words").sub("", prev.label)
            if len(name) >= 2:
                out[k] = attrs.evolve(m, label=name)
    return tuple(out)
