"""One commitment per target: cutting a clause that states several (gold/GONGZUO.md "Each distinct indicator").

``淘汰钢铁2700万吨、水泥4200万吨`` is cut at the ``、`` between the numbers; ``二氧化硫、
化学需氧量排放量都要减少2%`` names two indicators for one number, so each listed
indicator becomes a commitment carrying that number. Items after the first record the
verb they share as ``governing_verb``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ... import lang
from .numbers import Quantity
from .split import Clause, head_verb, top_level_commas

__all__ = ["split_by_targets"]



@functools.cache
def _shared() -> re.Pattern[str]:
    """分别, 都, 均, 各: one number for each listed indicator (lang/zh/targets.toml ``split_shared``)."""
    return lang.pattern("zh", "targets", "split_shared")


def _chars(key: str) -> str:
    return str(lang.data("zh", "targets")[key])


def _separator(text: str, start: int, end: int) -> int | None:
    """The first separator between two numbers, outside brackets."""
    separators = _chars("split_separators")
    for i in range(start, end):
        if text[i] in separators:
            return i
    return None


def split_by_targets(text: str, start: int, end: int, targets: Sequence[Quantity]) -> list[tuple[Clause, Quantity]]:
    verb = head_verb(text[start:end])
    if len(targets) == 1:
        q = targets[0]
        shared = _shared().search(text, start, q.start)
        subjects = top_level_commas(text, start, q.start)
        if not subjects and shared is not None:
            # M2和社会融资规模余额预期增长均为12%左右: two indicators joined by 和
            subjects = [i for i in range(start, shared.start()) if text[i] in _chars("split_joins")][:1]
        if subjects and shared is not None and shared.start() > subjects[-1]:
            bounds = [start, *[c + 1 for c in subjects]]
            ends = [*subjects, end]
            return [(Clause(s, e, verb if i else None), q) for i, (s, e) in enumerate(zip(bounds, ends, strict=True))]
        return [(Clause(start, end), q)]
    pieces: list[tuple[Clause, Quantity]] = []
    lo = start
    for i, q in enumerate(targets[:-1]):
        nxt = targets[i + 1]
        cut = _separator(text, q.end, nxt.start)
        if cut is None:
            cut = q.end
        pieces.append((Clause(lo, cut, verb if i else None), q))
        lo = cut + 1 if cut < nxt.start and text[cut] in _chars("split_separators") else cut
    pieces.append((Clause(lo, end, verb), targets[-1]))
    return pieces
