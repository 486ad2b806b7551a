"""What the words around a number say about it: hedges (约 近 至少), goals (力争 确保), stated changes.

Each function looks at a bounded window before the number, so the whole stage stays linear.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, NamedTuple

import attrs

from ... import lang
from ...model import Direction, Qualifier

__all__ = [
    "Change",
    "clause_break",
    "full_stop",
    "governed_by_goal",
    "prefix_qualifier",
    "sentence_break",
    "stated_change",
]


def _chars(key: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(lang.data("zh", "punctuation")[key]) + "]")


@functools.cache
def full_stop() -> re.Pattern[str]:
    """Where a goal list ends (lang/zh/punctuation.toml sentence_stops): 。！？!? and line ends."""
    return _chars("sentence_stops")


@functools.cache
def sentence_break() -> re.Pattern[str]:
    """Where a goal verb's reach ends: a full stop or ；."""
    return _chars("metric_sentence_breaks")


@functools.cache
def clause_break() -> re.Pattern[str]:
    """Where a label's clause starts: a sentence break, ，：、."""
    return _chars("metric_clause_breaks")


def _q(key: str) -> Any:
    return lang.data("zh", "qualifiers")[key]


def _d(key: str) -> Any:
    return lang.data("zh", "directions")[key]


@functools.cache
def _hedges() -> tuple[re.Pattern[str], dict[str, Qualifier]]:
    """The hedge words of lang/zh/qualifiers.toml (tried in their order: longest first) and what each means."""
    entries = _q("before")
    words = "|".join(e["word"] for e in entries)
    pattern = re.compile("(?P<word>" + words + ")" + _q("before_gap"))
    return pattern, {e["word"]: Qualifier(e["qualifier"]) for e in entries}


def prefix_qualifier(text: str, start: int, unit: str = "") -> tuple[str, int, Qualifier] | None:
    """The hedge word standing right before ``start`` (至少具有1名): (word, its offset, qualifier)."""
    # 上亿人, 过万人: "reaching" a bare scale word; elsewhere 上 and 过 are ordinary words (线上, 通过)
    if start > 0 and text[start - 1] in _q("reach") and text[start : start + 1] in _q("reach_scales"):
        return text[start - 1], start - 1, Qualifier.APPROX_OVER
    window = text[max(0, start - 7) : start]
    hedge, qualifier_of = _hedges()
    m = hedge.search(window)
    if m is None:
        return None
    word = m.group("word")
    at = start - len(window) + m.start()
    if word == _q("near") and (text[max(0, at - 1) : at] in _q("near_not_after") or unit in _q("near_spans")):
        return None  # 最近 / 附近 / 近三年 (the last three years): not a hedge
    return word, at, qualifier_of[word]


def _goal_verb() -> re.Pattern[str]:
    """力争, 确保, 拟 (lang/zh/qualifiers.toml goal_verb)."""
    return lang.pattern("zh", "qualifiers", "goal_verb")


def _goal_list() -> re.Pattern[str]:
    """目标是：, 预期目标增长 (lang/zh/qualifiers.toml goal_list)."""
    return lang.pattern("zh", "qualifiers", "goal_list")


def governed_by_goal(text: str, sentence_start: int, full_start: int, start: int) -> tuple[str, bool] | None:
    """The goal word governing a number: (word, whether it makes an unhedged number a ``target``).

    力争/确保 govern the rest of their sentence (up to ；); ``目标是：`` governs its whole list.  The goal words
    of the whole text are found once (:func:`_goal_words`) and looked up by bisection, so a long line full of
    numbers is not rescanned from its start for every number.
    """
    verbs, lists = _goal_words(text)
    verb = _last_before(verbs, sentence_start, start)
    if verb is None:
        verb = _rescan(text, _goal_verb(), sentence_start, start)
    if verb:
        return verb, True
    listed = _last_before(lists, full_start, start)
    if listed is None:
        listed = _rescan(text, _goal_list(), full_start, start)
    return (listed, False) if listed else None


class _Found(NamedTuple):
    starts: list[int]
    ends: list[int]
    words: list[str]


@functools.lru_cache(maxsize=1)  # the text being parsed; holding more would keep old texts alive
def _goal_words(text: str) -> tuple[_Found, _Found]:
    """Every goal verb and goal-list opener of ``text``, in order (remembered for the text being parsed)."""
    out = []
    for pattern in (_goal_verb(), _goal_list()):
        found = _Found([], [], [])
        for m in pattern.finditer(text):
            found.starts.append(m.start())
            found.ends.append(m.end())
            found.words.append(m.group(0))
        out.append(found)
    return out[0], out[1]


def _last_before(found: _Found, lo: int, hi: int) -> str | None:
    """The last word found inside ``text[lo:hi]``: "" when there is none, None when a word found in the whole
    text runs across ``hi`` (a search that stops at ``hi`` could then see other words: it has to be rerun)."""
    k = bisect.bisect_left(found.starts, hi) - 1
    if k >= 0 and found.ends[k] > hi:
        return None
    return found.words[k] if k >= 0 and found.starts[k] >= lo else ""


def _rescan(text: str, pattern: re.Pattern[str], lo: int, hi: int) -> str:
    last = ""
    for m in pattern.finditer(text, lo, hi):
        last = m.group(0)
    return last


@functools.cache
def _rates() -> frozenset[str]:
    return frozenset(lang.words("zh", "units", "rate"))


@functools.cache
def _change_words() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """The change verbs (longest first), the rate nouns before a rate, and the verbs that point up."""
    up = lang.words_for("zh", "directions", "up", "change")
    down = lang.words_for("zh", "directions", "down", "change")
    verbs = "|".join(sorted([*up, *down], key=len, reverse=True))
    verb = re.compile("(?P<verb>" + verbs + ")" + _d("change_gap"))
    nouns = "|".join([*_d("rate_nouns_up"), *_d("rate_nouns_down")])
    rate_noun = re.compile("(?P<noun>" + nouns + ")" + _d("rate_noun_gap"))
    return verb, rate_noun, frozenset(up)


@attrs.frozen
class Change:
    direction: Direction
    baseline: str | None
    verb: str


def stated_change(text: str, sentence_start: int, start: int, unit: str) -> Change | None:
    """``较去年同期下降27.4%``, ``提高3个百分点``, ``前移16位``: the change a number states, if it is one.

    ``start`` is where the number (or its hedge word) begins. A level reached (减少为2个, 增加到)
    is not a change: the verb must stand right before the number.
    """
    before = text[max(sentence_start, start - 8) : start]
    verb_pattern, rate_noun, up = _change_words()
    rates = _rates()
    m = verb_pattern.search(before)
    if m is None:
        noun = rate_noun.search(text[max(sentence_start, start - 10) : start])
        if noun is None or unit not in rates:
            return None
        word = noun.group("noun")
        return Change(Direction.DOWN if word in _d("rate_nouns_down") else Direction.UP, None, word)
    verb = m.group("verb")
    verb_at = start - len(before) + m.start()
    window = text[max(sentence_start, verb_at - 16) : verb_at]
    base = None
    for b in lang.pattern("zh", "directions", "baseline").finditer(window):
        base = b.group("what") or _d("yoy")[b.group("yoy")]
    relative = unit in rates or unit in _d("change_units")
    rank = unit == _d("rank_unit") and verb in _d("rank_verbs")
    if not (relative or rank or base):
        return None
    if len(verb) == 1 and not base and not relative:
        return None  # 增/减/降 alone are too often part of another word
    direction = Direction.UP if verb in up else Direction.DOWN
    return Change(direction, base, verb)
