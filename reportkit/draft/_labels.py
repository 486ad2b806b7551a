"""A workbook row's label: the parser's, tidied (lang/zh/workbook.toml), and whether a figure gets a row at all.

A label names the thing counted (国内生产总值年均增幅), not only a direction (增幅), a place or a grade (省级),
and does not carry a comparison or a link of the clause (比上年…, 转为…, …继续).
"""

from __future__ import annotations

import functools
import re

from .. import lang


@functools.cache
def _rules(key: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lang.alternatives("zh", "workbook", key)) or r"(?!)")


def tidy(label: str) -> str:
    """The label without a doubled verb (下降降幅), a leading comparison (比上年…) or a trailing link (…继续)."""
    text = _rules("doubled").sub("", _rules("drop").sub("", label.strip()))
    for _ in range(2):  # 比上年减少降幅 → 比上年降幅 → 降幅
        text = _rules("trail").sub("", _rules("lead").sub("", text)).strip(str(lang.data("zh", "workbook")["strip"]))
    return text


def is_poor(label: str) -> bool:
    """A label that says nothing a department could answer: two characters, a direction, a place or a grade."""
    text = label.strip()
    return len(text) <= 2 or bool(_rules("bare").fullmatch(text)) or is_direction(text)


def is_direction(label: str) -> bool:
    """增幅, 年均增幅, 降幅: a label that needs the thing it is the change of."""
    return bool(_rules("directions").fullmatch(label.strip()))


def subject_of(label: str) -> str:
    """国内生产总值 of 国内生产总值达到 / 国内生产总值增幅: what a direction word is the change of."""
    return _rules("subject_end").sub("", label.strip())


def not_asked(before: str, after: str) -> bool:
    """A baseline (由上年下降2.3%) or a target named in the review (13%左右的预期目标): no row."""
    return bool(_rules("not_asked_before").search(before) or _rules("not_asked_after").match(after))
