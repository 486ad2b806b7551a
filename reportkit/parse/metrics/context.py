"""What the words around a number say about it: hedges (约 近 至少), goals (力争 确保), stated changes.

Each function looks at a bounded window before the number, so the whole stage stays linear.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

import attrs

from ...model import Direction, Qualifier

__all__ = [
    "CLAUSE_BREAK",
    "FULL_STOP",
    "SENTENCE_BREAK",
    "Change",
    "governed_by_goal",
    "prefix_qualifier",
    "stated_change",
]

FULL_STOP = re.compile(r"[。！？!?\n]")
SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
CLAUSE_BREAK = re.compile(r"[。！？!?；;\n，,：:、]")

# Longest first: 不少于 before 少于, 接近 before 近.
_PREFIX_WORDS: tuple[tuple[str, Qualifier], ...] = (
    ("不少于", Qualifier.AT_LEAST),
    ("不低于", Qualifier.AT_LEAST),
    ("不超过", Qualifier.AT_MOST),
    ("不高于", Qualifier.AT_MOST),
    ("不多于", Qualifier.AT_MOST),
    ("至少", Qualifier.AT_LEAST),
    ("最少", Qualifier.AT_LEAST),
    ("最多", Qualifier.AT_MOST),
    ("超过", Qualifier.APPROX_OVER),
    ("突破", Qualifier.APPROX_OVER),
    ("大约", Qualifier.APPROX),
    ("接近", Qualifier.APPROX),
    ("将近", Qualifier.APPROX),
    ("约", Qualifier.APPROX),
    ("近", Qualifier.APPROX),
    ("超", Qualifier.APPROX_OVER),
    ("逾", Qualifier.APPROX_OVER),
)


_HEDGE = re.compile(
    "(?P<word>"
    + "|".join(w for w, _ in _PREFIX_WORDS)
    + ")(?:具有|拥有|达到|保持|达|有|为|要|需|在)?[ \u3000\u00a0]?$"
)
_QUALIFIER_OF = dict(_PREFIX_WORDS)
_SPANS = frozenset({"年", "月", "天", "周"})


def prefix_qualifier(text: str, start: int, unit: str = "") -> tuple[str, int, Qualifier] | None:
    """The hedge word standing right before ``start`` (至少具有1名): (word, its offset, qualifier)."""
    # 上亿人, 过万人: "reaching" a bare scale word; elsewhere 上 and 过 are ordinary words (线上, 通过)
    if start > 0 and text[start - 1] in "上过" and text[start : start + 1] in ("百", "千", "万", "亿"):
        return text[start - 1], start - 1, Qualifier.APPROX_OVER
    window = text[max(0, start - 7) : start]
    m = _HEDGE.search(window)
    if m is None:
        return None
    word = m.group("word")
    at = start - len(window) + m.start()
    if word == "近" and (text[max(0, at - 1) : at] in ("最", "附", "临", "就", "接", "将") or unit in _SPANS):
        return None  # 最近 / 附近 / 近三年 (the last three years): not a hedge
    return word, at, _QUALIFIER_OF[word]


# not 争取: 争取资金95亿元 reports money obtained. 拟 (赤字率拟按3.2%安排) plans a figure; 拟定/模拟 do not.
_GOAL_VERB = re.compile(r"力争|确保|力求|(?<![模虚比])拟(?![定订稿制])")
# 预期目标是：A；B；C — a list of goals runs to the full stop, across semicolons. A goal noun right before
# a change verb (预期目标增长6%以上) governs that number too.
_GOAL_LIST = re.compile(
    r"(?:目标|预期)[^。！？!?\n，,]{0,4}?(?:是|为|[：:])|目标(?=增长|提高|降低|下降|达到|控制)"
)


def governed_by_goal(text: str, sentence_start: int, full_start: int, start: int) -> tuple[str, bool] | None:
    """The goal word governing a number: (word, whether it makes an unhedged number a ``target``).

    力争/确保 govern the rest of their sentence (up to ；); ``目标是：`` governs its whole list.  The goal words
    of the whole text are found once (:func:`_goal_words`) and looked up by bisection, so a long line full of
    numbers is not rescanned from its start for every number.
    """
    verbs, lists = _goal_words(text)
    verb = _last_before(verbs, sentence_start, start)
    if verb is None:
        verb = _rescan(text, _GOAL_VERB, sentence_start, start)
    if verb:
        return verb, True
    listed = _last_before(lists, full_start, start)
    if listed is None:
        listed = _rescan(text, _GOAL_LIST, full_start, start)
    return (listed, False) if listed else None


class _Found(NamedTuple):
    starts: list[int]
    ends: list[int]
    words: list[str]


@functools.lru_cache(maxsize=1)  # the text being parsed; holding more would keep old texts alive
def _goal_words(text: str) -> tuple[_Found, _Found]:
    """Every goal verb and goal-list opener of ``text``, in order (remembered for the text being parsed)."""
    out = []
    for pattern in (_GOAL_VERB, _GOAL_LIST):
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


_UP = ("增长", "增加", "提高", "提升", "上升", "上涨", "攀升", "前移", "前进", "增", "多")
_DOWN = ("下降", "降低", "减少", "压缩", "缩短", "缩减", "回落", "下滑", "后移", "后退", "减", "降", "少")
_VERB = re.compile(
    "(?P<verb>" + "|".join(sorted(_UP + _DOWN, key=len, reverse=True)) + ")(?:了)?(?:约|近|超过|超|逾|达)?"
    r"[ \u3000\u00a0]?$"  # 增长 5%: typeset with a space
)
# A rate-of-change noun before the number (涨幅3%左右, 增幅均超过10%, 降幅达12%) states a change by itself.
_RATE_NOUN = re.compile(
    r"(?P<noun>增幅|涨幅|增速|升幅|降幅|跌幅)(?:均|分别|平均|约|为|达到|达|超过|超|在|保持在|控制在)*[ \u3000\u00a0]?$"
)
_BASELINE = re.compile(
    r"(?:较|比|与)(?P<what>去年同期|上年同期|去年|上年度|上年|上一年|上期|同期|改革前|\d{4}年(?:同期|底|末)?)"
    r"|(?P<yoy>同比|环比)"
)
_RANK_VERBS = ("前移", "后移", "前进", "后退", "上升", "下降", "提升")


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
    m = _VERB.search(before)
    if m is None:
        noun = _RATE_NOUN.search(text[max(sentence_start, start - 10) : start])
        if noun is None or unit not in ("%", "‰", "个百分点", "百分点"):
            return None
        word = noun.group("noun")
        return Change(Direction.DOWN if word in ("降幅", "跌幅") else Direction.UP, None, word)
    verb = m.group("verb")
    verb_at = start - len(before) + m.start()
    window = text[max(sentence_start, verb_at - 16) : verb_at]
    base = None
    for b in _BASELINE.finditer(window):
        base = b.group("what") or {"同比": "上年同期", "环比": "上期"}[b.group("yoy")]
    relative = unit in ("%", "‰", "个百分点", "百分点", "倍")
    rank = unit == "位" and verb in _RANK_VERBS
    if not (relative or rank or base):
        return None
    if len(verb) == 1 and not base and not relative:
        return None  # 增/减/降 alone are too often part of another word
    direction = Direction.UP if verb in _UP else Direction.DOWN
    return Change(direction, base, verb)
