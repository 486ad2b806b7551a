"""Which numeral-like strings are not facts: years, ordinals, codes, slogans (../shared/gold/README.md).

Rules look at the shape of the text right around a candidate (a few characters either
side), never at the wording of one report, so they carry over to reports not yet seen.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ... import lang
from ..text.numbers import cn_numeral_chars
from .candidate import Candidate

__all__ = ["excluded", "members_listed", "truncated_ok"]


def _nf(key: str) -> Any:
    """A value of lang/zh/not_facts.toml."""
    return lang.data("zh", "not_facts")[key]


def _re(key: str) -> re.Pattern[str]:
    return lang.pattern("zh", "not_facts", key)


@functools.cache
def _frame_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words that make a span of years the frame of a report (过去五年, 今后五年, 五年来, 五年年均, 10年前):
    lang/zh/frames.toml's words marked ``frame``. 近三年 is left in: tests/test_metrics.py keeps it as a
    count whose 近 is not a hedge."""
    frames = lang.data("zh", "frames")
    before = "|".join(re.escape(e["word"]) for e in frames["span_before"] if e.get("frame"))
    after = "|".join(re.escape(e["word"]) for e in frames["span_after"] if e.get("frame"))
    return re.compile(f"(?:{before})$"), re.compile(after)


def truncated_ok(text: str, c: Candidate) -> bool:
    """A bare number where the text is cut (申请材料525⏎) is kept, unless it looks like a year or a code."""
    before = text[max(0, c.start - 1) : c.start]
    is_year = c.value == int(c.value) and 1900 <= c.value <= 2100
    return not is_year and not re.match(r"[A-Za-z0-9/+\-]", before)


def excluded(text: str, c: Candidate, quoted: bool) -> bool:
    """Whether candidate ``c`` is a year, ordinal, code or slogan rather than a fact (``quoted``: inside “…”)."""
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 4]
    rank = before.endswith(_nf("rank_before")) and c.unit in _nf("rank_units")
    if before.endswith(_nf("ordinal_before")) or rank:
        return True  # ordinals and ranks: 第二批, 全国第81位, 前3名
    if _re("code_before").search(before) or _re("code_after").match(after):
        return True  # codes: S1, PM2.5, 6+1+1, 1+N
    year = c.unit == _nf("year_unit")
    if year and c.value >= 1000:
        return True  # years, garbled year ranges (20212025年)
    frame_before, frame_after = _frame_words()
    if year and (frame_before.search(before) or frame_after.match(text, c.end)):
        return True  # 过去五年, 30多年来, 十年增加…: the span frames other numbers, it counts nothing itself
    if c.numeral == "chinese":
        return _excluded_chinese(text, c, quoted, before, after)
    return quoted and c.unit not in ("%",)


def _excluded_chinese(text: str, c: Candidate, quoted: bool, before: str, after: str) -> bool:
    raw = text[c.start : c.end]
    numeral = re.match(f"[{cn_numeral_chars()}]+", raw)
    digits = numeral.group(0) if numeral else ""
    if c.unit == "fraction" or c.unit == "%":
        return quoted
    if c.unit == _nf("score_unit"):
        return True  # 十分重要: only an Arabic number before 分 is a score
    if before.endswith(tuple(_nf("cn_vague_before"))):
        return True  # 数十个 (vague), 周一, 初三, 之一
    if digits in _nf("cn_zero"):
        return True  # 零部件, 零容忍: an implicit zero is not a fact
    if digits in _nf("cn_one") and c.unit not in _nf("cn_one_scales"):
        return True  # lexical 一: 一个, 一次性, 统一, 进一步
    if _bare_scale(text, c, digits, before):
        return True  # 千家万户, 百强: a bare scale word counts only as 超万人 or 百余次
    session = c.unit == _nf("session_unit") and _re("session").match(text, c.end)
    if session and _nf("session_mark") in text[max(0, c.start - 8) : c.start]:
        return True  # 十届人大三次会议: the ordinal of a session
    slogan = not _re("ge_followers").match(text, c.end - 1) and not _re("ge_after").match(after)
    if c.unit == _nf("ge_unit") and slogan:
        return True  # 四个全面, 两个维护
    if _re("name_tail").match(text, c.end):
        return True  # 三项制度, 十项行动
    if quoted:
        return not members_listed(text, c)
    return False


def _bare_scale(text: str, c: Candidate, digits: str, before: str) -> bool:
    if not digits or digits[0] not in _nf("cn_bare_scales"):
        return False
    after = text[c.start + len(digits) : c.start + len(digits) + 1]
    return not (before.endswith(tuple(_nf("cn_bare_reach"))) or after in _nf("cn_bare_more"))


def members_listed(text: str, c: Candidate) -> bool:
    """“四统一” counts when the text lists four things right before or after the quote."""
    quote_open, comma = _nf("quote_open"), _nf("members_comma")
    open_q = text.rfind(quote_open, max(0, c.start - 2), c.start + 1)
    if open_q < 0:
        return False
    close_q = text.find(_nf("quote_close"), c.end)
    lead = _re("members_lead_break").split(text[max(0, open_q - 60) : open_q])[-1]
    items = lead.split(comma)
    if (
        not _re("members_lead_end").search(lead)
        and quote_open not in lead
        and len(items) == c.value > 1
        and all(0 < len(i) <= 12 for i in items[1:])
    ):
        return True
    trail = _re("members_trail").match(text[close_q + 1 : close_q + 64]) if close_q > 0 else None
    return bool(trail and trail.group(1).count(comma) + 1 == c.value)
