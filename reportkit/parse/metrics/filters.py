"""Which numeral-like strings are not facts: years, ordinals, codes, slogans (../shared/gold/README.md).

Rules look at the shape of the text right around a candidate (a few characters either
side), never at the wording of one report, so they carry over to reports not yet seen.
"""

from __future__ import annotations

import re

from ..text.numbers import CN_NUMERAL_CHARS
from .candidate import Candidate

__all__ = ["excluded", "members_listed", "truncated_ok"]

# A Chinese count with 个 is real when a counted thing follows (三个方面), a slogan otherwise (四个全面).
_CN_GE_FOLLOWERS = re.compile(
    r"个(?:方面|部门|单位|乡镇|街道|村|社区|项目|领域|批次|县|区|市|省|镇|乡|小组|专班|工作组|重点|环节|阶段)"
)
_SESSION = re.compile(r"(?:全体|常务|主任)?(?:会议|全会)")
# After a Chinese count these words make it the name of a policy or campaign (三项制度, 十项行动).
_NAME_TAIL = re.compile(
    r"(?:制度|行动|计划|规划|规定|工程|机制|模式|体系|原则|方针|理念|意识|自信|维护|全面|清单|战略|结构|化)"
)


# Words that make a span of years the frame of a report (过去五年, 今后五年, 五年来, 五年年均, 10年前).
# 近三年 is left in: tests/test_metrics.py keeps it as a count whose 近 is not a hedge.
_FRAME_BEFORE = re.compile(r"(?:过去|今后|未来|今明|这|此)$")
_FRAME_AFTER = re.compile(r"来|以来|年均|间|前|里|中")


def truncated_ok(text: str, c: Candidate) -> bool:
    """A bare number where the text is cut (申请材料525⏎) is kept, unless it looks like a year or a code."""
    before = text[max(0, c.start - 1) : c.start]
    is_year = c.value == int(c.value) and 1900 <= c.value <= 2100
    return not is_year and not re.match(r"[A-Za-z0-9/+\-]", before)


def excluded(text: str, c: Candidate, quoted: bool) -> bool:
    """Whether candidate ``c`` is a year, ordinal, code or slogan rather than a fact (``quoted``: inside “…”)."""
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 4]
    if before.endswith("第") or (before.endswith("前") and c.unit in ("名", "位", "强")):
        return True  # ordinals and ranks: 第二批, 全国第81位, 前3名
    if re.search(r"[A-Za-z+＋/]$", before) or re.match(r"[+＋A-Za-z]", after):
        return True  # codes: S1, PM2.5, 6+1+1, 1+N
    if c.unit == "年" and c.value >= 1000:
        return True  # years, garbled year ranges (20212025年)
    if c.unit == "年" and (_FRAME_BEFORE.search(before) or _FRAME_AFTER.match(text, c.end)):
        return True  # 过去五年, 30多年来, 十年增加…: the span frames other numbers, it counts nothing itself
    if c.numeral == "chinese":
        return _excluded_chinese(text, c, quoted, before, after)
    return quoted and c.unit not in ("%",)


def _excluded_chinese(text: str, c: Candidate, quoted: bool, before: str, after: str) -> bool:
    raw = text[c.start : c.end]
    numeral = re.match(f"[{CN_NUMERAL_CHARS}]+", raw)
    digits = numeral.group(0) if numeral else ""
    if c.unit == "fraction" or c.unit == "%":
        return quoted
    if c.unit == "分":
        return True  # 十分重要: only an Arabic number before 分 is a score
    if before.endswith(("数", "几", "周", "初", "星期", "之")):
        return True  # 数十个 (vague), 周一, 初三, 之一
    if digits in ("零", "〇", "○"):
        return True  # 零部件, 零容忍: an implicit zero is not a fact
    if digits in ("一", "壹") and c.unit not in ("万", "亿"):
        return True  # lexical 一: 一个, 一次性, 统一, 进一步
    if (
        digits
        and digits[0] in "百千万亿"
        and not (
            before.endswith(("超", "近", "逾", "约", "上", "过"))
            or text[c.start + len(digits) : c.start + len(digits) + 1] in ("余", "多")
        )
    ):
        return True  # 千家万户, 百强: a bare scale word counts only as 超万人 or 百余次
    if c.unit == "次" and _SESSION.match(text, c.end) and "届" in text[max(0, c.start - 8) : c.start]:
        return True  # 十届人大三次会议: the ordinal of a session
    if (
        c.unit == "个"
        and not _CN_GE_FOLLOWERS.match(text, c.end - 1)
        and not re.match(r"[，,。；;、）)等的]", after)
    ):
        return True  # 四个全面, 两个维护
    if _NAME_TAIL.match(text, c.end):
        return True  # 三项制度, 十项行动
    if quoted:
        return not members_listed(text, c)
    return False


def members_listed(text: str, c: Candidate) -> bool:
    """“四统一” counts when the text lists four things right before or after the quote."""
    open_q = text.rfind("“", max(0, c.start - 2), c.start + 1)
    if open_q < 0:
        return False
    close_q = text.find("”", c.end)
    lead = re.split(r"[，,。；;：:与和及]", text[max(0, open_q - 60) : open_q])[-1]
    items = lead.split("、")
    if (
        not re.search("[“”、]$", lead)
        and "“" not in lead
        and len(items) == c.value > 1
        and all(0 < len(i) <= 12 for i in items[1:])
    ):
        return True
    trail = (
        re.match(r"[（(]([^（）()]{1,60})[）)]", text[close_q + 1 : close_q + 64]) if close_q > 0 else None
    )
    return bool(trail and trail.group(1).count("、") + 1 == c.value)
