"""Find number-plus-unit candidates in Chinese text, and drop the numeral-like strings that are not facts.

One compiled regex finds every numeral; a second, anchored one reads what follows it
(余/多, 万/亿, the unit, 以上/左右). Each step looks at a bounded window, so a scan is
linear in the text. What is left out (years, dates, ordinals, codes, slogans) follows
../shared/gold/README.md; the rules are about shapes of text, never about one report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal

from ...model import Qualifier
from ..text.numbers import (
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
from .candidate import Candidate
from .filters import excluded, members_listed, truncated_ok

__all__ = ["Candidate", "hop_finditer", "scan"]


_CN = f"[{CN_NUMERAL_CHARS}]"
# 1,789 and, in typeset statistics, 33 939 / 674 149 546 (a space between groups of three after a 1–3 digit head).
_AR = r"(?:[0-9]{1,3}(?:[ \u00a0][0-9]{3}(?![0-9]))+|[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*)(?:[.．][0-9０-９]+)?"
_NUMBER = re.compile(
    rf"(?P<frac>{_CN}+)分之(?P<fnum>{_CN}+)"
    r"|(?<![\d/.])(?P<anum>\d{1,2})/(?P<aden>\d{1,2})(?![\d/])"
    r"|(?P<half>一半)"
    rf"|百分之(?P<pct>{_AR}|{_CN}+)"
    rf"|(?P<ar>{_AR})"
    rf"|(?P<cn>{_CN}+)"
)
# Every branch of _NUMBER opens with a digit or a Chinese numeral. _NUMBER.search tries all
# its branches at every character; hopping between these characters and matching there
# finds the same numbers several times faster.
_NUMBER_START = re.compile(rf"[\d{re.escape(CN_NUMERAL_CHARS)}]")


def _next_number(text: str, pos: int) -> re.Match[str] | None:
    """``_NUMBER.search(text, pos)``."""
    while True:
        hop = _NUMBER_START.search(text, pos)
        if hop is None:
            return None
        m = _NUMBER.match(text, hop.start())
        if m is not None:
            return m
        pos = hop.start() + 1


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_UNITS = MEASURE_WORDS + MONEY_UNITS + TIME_UNITS + PLACE_NOUNS
_TAIL = re.compile(
    r"(?P<ap1>余|多)?"
    # 134.9 万亿元: typeset with a space; 千 and 百 alone only before 多/余 (2千多人, 2千多亿 below)
    r"(?:[ \u3000\u00a0]?(?P<scale>万亿|千亿|百亿|亿|千万|百万|万|[千百](?=[余多])))?"
    r"(?P<ap2>余|多)?"
    # 4万多亿元 is more than 4万亿元: the scale is split around the 多 (万…亿, 千…亿, 百…亿, 千…万, 百…万)
    r"(?P<scale2>(?<=[万千百][余多])亿|(?<=[千百][余多])万)?"
    r"[ \u3000\u00a0]?"
    rf"(?P<unit>[%％‰]|{_alternation(_UNITS)})?"
    r"(?P<suf>以上|左右|上下|以内|以下)?"
)
_MAX_DIGITS = 13
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
# Where a _MASKS match can begin: a digit, an opening bracket, the h of http.
_MASK_HOP = re.compile(r"[\d〔\[［(（h]")


def hop_finditer(pattern: re.Pattern[str], hop: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches empty, trying it only where ``hop`` matches."""
    pos = 0
    while True:
        h = hop.search(text, pos)
        if h is None or h.start() >= len(text):  # a zero-width hop (^) can find the end: nothing starts there
            return
        m = pattern.match(text, h.start())
        if m is None:
            pos = h.start() + 1
        else:
            yield m
            pos = m.end()


# A short quoted term is a name (“一网通办”, “最多跑一次”), not a fact, unless its members are listed.
_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n。]{1,14})[”」』\"]")


def scan(text: str) -> Iterator[Candidate]:
    """Every numeric fact candidate in ``text``, in text order."""
    masks = [(m.start(), m.end()) for m in hop_finditer(_MASKS, _MASK_HOP, text)]
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    mask_starts = [s for s, _ in masks]
    quote_starts = [s for s, _ in quotes]
    content_end = len(text.rstrip())
    pos = 0
    while True:
        m = _next_number(text, pos)
        if m is None:
            return
        cand = _read(text, m, content_end)
        quoted = _inside(quotes, quote_starts, m.start(), m.end())
        if cand is None and quoted and m.group("cn"):
            cand = _enumerated(text, m)
        pos = m.end() if cand is None else max(cand.end, m.end())
        if cand is None or _inside(masks, mask_starts, cand.start, cand.end):
            continue
        if cand.truncated and not truncated_ok(text, cand):
            continue
        if not cand.truncated and excluded(text, cand, quoted):
            continue
        yield cand


def _enumerated(text: str, m: re.Match[str]) -> Candidate | None:
    """A quoted numeral + noun (“四统一”) whose members the text lists: the noun is the unit."""
    if m.start() == 0 or text[m.start() - 1] != "“":
        return None
    close_q = text.find("”", m.end(), m.end() + 6)
    value = parse_chinese(m.group("cn"))
    if close_q < 0 or value is None or value.high is not None or value.value < 2:
        return None
    term = text[m.start() - 1 : close_q + 1]  # the quoted name is the steadiest label it has
    noun = text[m.end() : close_q]
    noun = noun[1:] if len(noun) > 1 and noun[0] in "大个项" else noun  # “五大改革任务” counts 改革任务
    cand = Candidate(m.start(), close_q, value.value, noun, "chinese", label=term)
    return cand if members_listed(text, cand) else None


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


_AFTER_FRACTION = re.compile("以上|左右|以内|以下")
_SHARED_UNIT = re.compile(rf"(?:(?:和|、|及|或|与){_AR}){{1,4}}")


def _read(text: str, m: re.Match[str], content_end: int) -> Candidate | None:
    """The candidate starting with numeral ``m``, or None where nothing countable follows it."""
    if m.group("frac") is not None or m.group("anum") is not None or m.group("half") is not None:
        return _fraction(text, m)
    if m.group("pct") is not None:
        raw = m.group("pct")
        num = arabic_to_decimal(raw) if _numeral(raw) == "arabic" else _cn_value(raw)
        return None if num is None else Candidate(m.start(), m.end(), num, "%", _numeral(raw))
    raw = m.group("ar") or m.group("cn")
    numeral = _numeral(raw)
    high: Decimal | None = None
    if numeral == "arabic":
        if sum(ch.isdigit() for ch in raw) > _MAX_DIGITS:
            return None  # ID numbers, credit codes, phone numbers: codes, not quantities
        value = arabic_to_decimal(raw)
    else:
        parsed = parse_chinese(raw)
        if parsed is None:
            return None
        value, high = parsed.value, parsed.high
    tail = _TAIL.match(text, m.end())
    assert tail is not None  # every part of _TAIL is optional
    scale = _scale(tail)
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


def _scale(tail: re.Match[str]) -> str:
    """The scale word, whole again where a 多 split it: 万…亿 → 万亿."""
    scale = tail.group("scale") or ""
    return scale + (tail.group("scale2") or "")  # scale2 only ever follows a scale (its lookbehind)


def _without_unit(
    text: str,
    m: re.Match[str],
    tail: re.Match[str],
    value: Decimal,
    content_end: int,
    qualifier: Qualifier | None,
) -> Candidate | None:
    """A number with no measure word: cut off by the end of the text, scaled (6000万), a range or a list."""
    numeral = _numeral(m.group(0))
    if numeral != "arabic":
        return None
    scale = _scale(tail)
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


def _fraction(text: str, m: re.Match[str]) -> Candidate | None:
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


def _range(text: str, m: re.Match[str], low: Decimal, numeral: str) -> Candidate | None:
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
    return Candidate(
        m.start(), tail.end(), low * scale_factor(scale), base, numeral, Qualifier.RANGE, high, surface
    )


def _unit_parts(unit: str, scale: str) -> tuple[str, str | None]:
    base = {"％": "%", "个工作日": "工作日", "个小时": "小时", "个月": "月"}.get(unit, unit)
    return base, (scale + base if scale else None)


def _cn_value(raw: str) -> Decimal | None:
    parsed = parse_chinese(raw)
    return None if parsed is None or parsed.high is not None else parsed.value


def _numeral(raw: str) -> str:
    return "chinese" if raw[0] in CN_NUMERAL_CHARS else "arabic"
