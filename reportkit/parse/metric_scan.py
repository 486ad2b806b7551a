"""Find number-plus-unit candidates in Chinese text, and drop the numeral-like strings that are not facts.

One compiled regex finds every numeral; a second, anchored one reads what follows it
(余/多, 万/亿, the unit, 以上/左右). Each step looks at a bounded window, so a scan is
linear in the text. What is left out (years, dates, ordinals, codes, slogans) follows
../shared/gold/README.md; the rules are about shapes of text, never about one report.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Iterator, Optional

import attrs

from ..model import Qualifier
from .numbers import (
    CN_NUMERAL_CHARS,
    MEASURE_WORDS,
    MONEY_UNITS,
    PLACE_NOUNS,
    TIME_UNITS,
    arabic_to_decimal,
    fraction_value,
    parse_chinese,
    scale_factor,
)

__all__ = ["Candidate", "scan"]


@attrs.frozen
class Candidate:
    """A number with its unit, before context (qualifier words, changes, labels) is read."""

    start: int
    end: int
    value: Decimal
    unit: str
    numeral: str  # "arabic" | "chinese"
    suffix_qualifier: Optional[Qualifier] = None  # 余 多 以上 左右 以内 …, inside the span
    value_high: Optional[Decimal] = None
    surface_unit: Optional[str] = None
    truncated: bool = False
    label: Optional[str] = None  # set where the scanner knows better than the clause (English)


_CN = f"[{CN_NUMERAL_CHARS}]"
_AR = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
_NUMBER = re.compile(
    rf"(?P<frac>{_CN}+)分之(?P<fnum>{_CN}+)"
    r"|(?<![\d/.])(?P<anum>\d{1,2})/(?P<aden>\d{1,2})(?![\d/])"
    r"|(?P<half>一半)"
    rf"|百分之(?P<pct>{_AR}|{_CN}+)"
    rf"|(?P<ar>{_AR})"
    rf"|(?P<cn>{_CN}+)"
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_UNITS = MEASURE_WORDS + MONEY_UNITS + TIME_UNITS + PLACE_NOUNS
_TAIL = re.compile(
    r"(?P<ap1>余|多)?"
    r"(?P<scale>万亿|千亿|百亿|亿|千万|百万|万)?"
    r"(?P<ap2>余|多)?"
    r"[ \u3000\u00a0]?"
    rf"(?P<unit>[%％‰]|{_alternation(_UNITS)})?"
    r"(?P<suf>以上|左右|上下|以内|以下)?"
)
_RANGE_SEP = re.compile(r"[-－—–~～至到]")
_SUFFIX_QUALIFIER = {
    "以上": Qualifier.APPROX_OVER,
    "左右": Qualifier.APPROX,
    "上下": Qualifier.APPROX,
    "以内": Qualifier.AT_MOST,
    "以下": Qualifier.AT_MOST,
}
# Dates and date-like codes are masked before numbers are read.
_MASKS = re.compile(
    r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"|\d{1,2}月\d{1,2}日"
    r"|[〔\[［(（]\d{4}[〕\]］)）]\s*\d+号"
    r"|https?://\S+"
)
# A short quoted term is a name (“一网通办”, “最多跑一次”), not a fact, unless its members are listed.
_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n。]{1,14})[”」』\"]")
# A Chinese count with 个 is real when a counted thing follows (三个方面), a slogan otherwise (四个全面).
_CN_GE_FOLLOWERS = re.compile(
    r"个(?:方面|部门|单位|乡镇|街道|村|社区|项目|领域|批次|县|区|市|省|镇|乡|小组|专班|工作组|重点|环节|阶段)"
)
# After a Chinese count these words make it the name of a policy or campaign (三项制度, 十项行动).
_NAME_TAIL = re.compile(
    r"(?:制度|行动|计划|规划|规定|工程|机制|模式|体系|原则|方针|理念|意识|自信|维护|全面|清单|战略|结构|化)"
)


def scan(text: str) -> Iterator[Candidate]:
    """Every numeric fact candidate in ``text``, in text order."""
    masks = [(m.start(), m.end()) for m in _MASKS.finditer(text)]
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    mask_starts = [s for s, _ in masks]
    quote_starts = [s for s, _ in quotes]
    content_end = len(text.rstrip())
    pos = 0
    while True:
        m = _NUMBER.search(text, pos)
        if m is None:
            return
        cand = _read(text, m, content_end)
        quoted = _inside(quotes, quote_starts, m.start(), m.end())
        if cand is None and quoted and m.group("cn"):
            cand = _enumerated(text, m)
        pos = m.end() if cand is None else max(cand.end, m.end())
        if cand is None or _inside(masks, mask_starts, cand.start, cand.end):
            continue
        if cand.truncated and not _truncated_ok(text, cand):
            continue
        if not cand.truncated and _excluded(text, cand, quoted):
            continue
        yield cand


def _enumerated(text: str, m: re.Match[str]) -> Optional[Candidate]:
    """A quoted numeral + noun (“四统一”) whose members the text lists: the noun is the unit."""
    if m.start() == 0 or text[m.start() - 1] != "“":
        return None
    close_q = text.find("”", m.end(), m.end() + 6)
    value = parse_chinese(m.group("cn"))
    if close_q < 0 or value is None or value.high is not None or value.value < 2:
        return None
    cand = Candidate(m.start(), close_q, value.value, text[m.end() : close_q], "chinese")
    return cand if _members_listed(text, cand) else None


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


_AFTER_FRACTION = re.compile("以上|左右|以内|以下")
_SHARED_UNIT = re.compile(rf"(?:(?:和|、|及|或|与){_AR}){{1,4}}")


def _read(text: str, m: re.Match[str], content_end: int) -> Optional[Candidate]:
    """The candidate starting with numeral ``m``, or None where nothing countable follows it."""
    if m.group("frac") is not None or m.group("anum") is not None or m.group("half") is not None:
        return _fraction(text, m)
    if m.group("pct") is not None:
        raw = m.group("pct")
        num = arabic_to_decimal(raw) if _numeral(raw) == "arabic" else _cn_value(raw)
        return None if num is None else Candidate(m.start(), m.end(), num, "%", _numeral(raw))
    raw = m.group("ar") or m.group("cn")
    numeral = _numeral(raw)
    high: Optional[Decimal] = None
    if numeral == "arabic":
        value = arabic_to_decimal(raw)
    else:
        parsed = parse_chinese(raw)
        if parsed is None:
            return None
        value, high = parsed.value, parsed.high
    tail = _TAIL.match(text, m.end())
    assert tail is not None  # every part of _TAIL is optional
    scale = tail.group("scale") or ""
    if numeral == "chinese" and scale:
        return None  # 万 belongs to the Chinese numeral itself
    unit = tail.group("unit") or ""
    qualifier = Qualifier.APPROX_OVER if tail.group("ap1") or tail.group("ap2") else None
    if tail.group("suf"):
        qualifier = _SUFFIX_QUALIFIER[tail.group("suf")]
    if not unit:
        return _without_unit(text, m, tail, value, content_end, qualifier)
    if high is not None:
        qualifier = Qualifier.RANGE
        high *= scale_factor(scale)
    value *= scale_factor(scale)
    base, surface = _unit_parts(unit, scale)
    if unit in ("%", "％", "‰") and _RANGE_SEP.match(text, tail.end()):
        rng = _range(text, m, value, numeral)
        if rng is not None:
            return rng
    return Candidate(m.start(), tail.end(), value, base, numeral, qualifier, high, surface)


def _without_unit(
    text: str, m: re.Match[str], tail: re.Match[str], value: Decimal, content_end: int, qualifier: Optional[Qualifier]
) -> Optional[Candidate]:
    """A number with no measure word: cut off by the end of the text, scaled (6000万), a range or a list."""
    numeral = _numeral(m.group(0))
    if numeral != "arabic":
        return None
    scale = tail.group("scale") or ""
    if scale:  # 6000万农村人口: the scale word is all the unit there is
        end = tail.end()
        while text[end - 1].isspace():
            end -= 1
        return Candidate(m.start(), end, value * scale_factor(scale), "", numeral, qualifier, None, scale)
    if m.end() >= content_end:  # 申请材料525⏎: the text is cut right after the number
        return Candidate(m.start(), m.end(), value, "", numeral, truncated=True)
    shared = _SHARED_UNIT.match(text, m.end())
    if shared is not None:  # 分别高4.2和0.7个百分点: the unit after the last number is everyone's
        last = _TAIL.match(text, shared.end())
        assert last is not None
        if last.group("unit") and not last.group("scale") and not last.group("ap1"):
            base, _ = _unit_parts(last.group("unit"), "")
            return Candidate(m.start(), m.end(), value, base, numeral)
    return _range(text, m, value, numeral)


def _fraction(text: str, m: re.Match[str]) -> Optional[Candidate]:
    """三分之一, 1/3, 一半 (unit ``fraction``, six places), with a suffix hedge such as 以上."""
    if m.group("frac") is not None:
        value = fraction_value(m.group("frac"), m.group("fnum"))
        numeral = "chinese"
    elif m.group("half") is not None:
        value, numeral = Decimal("0.5"), "chinese"
    else:
        num, den = Decimal(m.group("anum")), Decimal(m.group("aden"))
        value = None if num == 0 or num >= den else (num / den).quantize(Decimal("0.000001"))
        numeral = "arabic"
    if value is None:
        return None
    suffix = _AFTER_FRACTION.match(text, m.end())
    end = suffix.end() if suffix else m.end()
    qualifier = _SUFFIX_QUALIFIER[suffix.group(0)] if suffix else None
    return Candidate(m.start(), end, value, "fraction", numeral, qualifier)


def _range(text: str, m: re.Match[str], low: Decimal, numeral: str) -> Optional[Candidate]:
    """``6.5%－7%``, ``3-5个``, ``10至15天``: one fact with ``value_high``."""
    first = re.compile(r"[%％]?").match(text, m.end())
    assert first is not None
    sep = _RANGE_SEP.match(text, first.end())
    if sep is None:
        return None
    second = _NUMBER.match(text, sep.end())
    if second is None or second.group("ar") is None or numeral != "arabic":
        return None
    tail = _TAIL.match(text, second.end())
    assert tail is not None
    unit = tail.group("unit") or ""
    if not unit or tail.group("ap1") or tail.group("ap2"):
        return None
    scale = tail.group("scale") or ""
    high = arabic_to_decimal(second.group("ar")) * scale_factor(scale)
    if high <= low:
        return None
    base, surface = _unit_parts(unit, scale)
    return Candidate(m.start(), tail.end(), low * scale_factor(scale), base, numeral, Qualifier.RANGE, high, surface)


def _unit_parts(unit: str, scale: str) -> tuple[str, Optional[str]]:
    base = {"％": "%", "个工作日": "工作日", "个小时": "小时", "个月": "月"}.get(unit, unit)
    return base, (scale + base if scale else None)


def _cn_value(raw: str) -> Optional[Decimal]:
    parsed = parse_chinese(raw)
    return None if parsed is None or parsed.high is not None else parsed.value


def _numeral(raw: str) -> str:
    return "chinese" if raw[0] in CN_NUMERAL_CHARS else "arabic"


def _truncated_ok(text: str, c: Candidate) -> bool:
    """A bare number where the text is cut (申请材料525⏎) is kept, unless it looks like a year or a code."""
    before = text[max(0, c.start - 1) : c.start]
    is_year = c.value == int(c.value) and 1900 <= c.value <= 2100
    return not is_year and not re.match(r"[A-Za-z0-9/+\-]", before)


def _excluded(text: str, c: Candidate, quoted: bool) -> bool:
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 4]
    if before.endswith("第") or (before.endswith("前") and c.unit in ("名", "位", "强")):
        return True  # ordinals and ranks: 第二批, 全国第81位, 前3名
    if re.search(r"[A-Za-z+＋/]$", before) or re.match(r"[+＋A-Za-z]", after):
        return True  # codes: S1, PM2.5, 6+1+1, 1+N
    if c.unit == "年" and c.value >= 1000:
        return True  # years, garbled year ranges (20212025年)
    if c.unit in ("周",) and after.startswith("年"):
        return True  # anniversaries
    if c.numeral == "chinese":
        return _excluded_chinese(text, c, quoted, before, after)
    return quoted and c.unit not in ("%",)


def _excluded_chinese(text: str, c: Candidate, quoted: bool, before: str, after: str) -> bool:
    raw = text[c.start : c.end]
    numeral = re.match(f"{_CN}+", raw)
    digits = numeral.group(0) if numeral else ""
    if c.unit == "fraction" or c.unit == "%":
        return quoted
    if before.endswith(("数", "几", "周", "初", "星期", "之")):
        return True  # 数十个 (vague), 周一, 初三, 之一
    if digits in ("零", "〇", "○"):
        return True  # 零部件, 零容忍: an implicit zero is not a fact
    if digits in ("一", "壹") and c.unit not in ("万", "亿"):
        return True  # lexical 一: 一个, 一次性, 统一, 进一步
    if digits and digits[0] in "百千万亿" and not before.endswith(("超", "近", "逾", "约", "上", "过")):
        return True  # 千家万户, 百强: a bare scale word counts only after 超/近 (超万人)
    if c.unit == "个" and not _CN_GE_FOLLOWERS.match(text, c.end - 1) and not re.match(r"[，,。；;、）)等的]", after):
        return True  # 四个全面, 两个维护
    if _NAME_TAIL.match(text, c.end):
        return True  # 三项制度, 十项行动
    if quoted:
        return not _members_listed(text, c)
    return False


def _members_listed(text: str, c: Candidate) -> bool:
    """“四统一” counts when the text lists four things right before or after the quote."""
    open_q = text.rfind("“", max(0, c.start - 2), c.start + 1)
    if open_q < 0:
        return False
    close_q = text.find("”", c.end)
    lead = re.split(r"[，,。；;：:与和及]", text[max(0, open_q - 60) : open_q])[-1]
    items = lead.split("、")
    if not re.search("[“”、]$", lead) and "“" not in lead and len(items) == c.value > 1 and all(
        0 < len(i) <= 12 for i in items[1:]
    ):
        return True
    trail = re.match(r"[（(]([^（）()]{1,60})[）)]", text[close_q + 1 : close_q + 64]) if close_q > 0 else None
    return bool(trail and trail.group(1).count("、") + 1 == c.value)
