"""Quantities inside a commitment clause: a small scanner of its own.

The metrics stage finds every quantity in the report; this scanner only needs the
few shapes a plan states targets in (``7.5%左右``, ``1000万人以上``, ``6.5%－7%``,
``三分之一``, ``€50,000``), with the words right around them, so that the target
rules in :mod:`commit_targets` can read the context. When the metrics stage found
the same quantity, :mod:`commit_targets` copies that metric instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import attrs

from ...model import MetricKind, Qualifier
from ..text.numbers import MEASURE_WORDS, MONEY_UNITS, TIME_UNITS

__all__ = ["Quantity", "scan"]

# Measure words a plan counts in, longest first so that 万千瓦 wins over 千瓦 over 瓦.
# One unit table with the metrics (numbers.MEASURE_WORDS …), plus the places and periods a target counts
# (覆盖80%的县, 压缩至3个工作日) and the units English plans write (5 TB, 2 MW).
_UNITS = sorted(
    set(MEASURE_WORDS + MONEY_UNITS + TIME_UNITS)
    | {"周", "月", "日", "县", "市", "省", "镇", "乡", "村", "地", "区", "GB", "TB", "MW", "kW", "km"},
    key=len,
    reverse=True,
)
# 人 before 口/民/才… is the start of a noun (5亿人口), not the measure word
_UNIT_RE = "|".join(re.escape(u) + ("(?![口民才员群家])" if u == "人" else "") for u in _UNITS)
_SCALE = "(?:万亿|亿|万)?"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_DASH = "[－\\-~～—–至到]"
_CURRENCY = "[€$£¥￥]"

_ARABIC = re.compile(
    rf"(?P<cur>{_CURRENCY})?\s?(?P<num>{_NUM})(?P<scale>{_SCALE})"
    rf"(?:(?P<pct1>%)?{_DASH}(?P<cur2>{_CURRENCY})?(?P<high>{_NUM})(?P<hscale>{_SCALE}))?"
    rf"(?:\s?(?P<unit>%|％|{_UNIT_RE}))?\s?(?P<suffix>左右|以上|以内|以下|多|余)?"
    rf"(?P<unit2>(?<=[多余]){_SCALE}(?:{_UNIT_RE})?)?"
    rf"(?:\s?(?P<word>EUR|USD|euros?|dollars?))?"
)
_CN_DIGIT = "一二两三四五六七八九十"
_FRACTION = re.compile(rf"(?P<den>[{_CN_DIGIT}]+)分之(?P<nom>[{_CN_DIGIT}]+)|(?P<half>一半)")
_CN_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}

_PREFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("不低于", Qualifier.AT_LEAST),
    ("不少于", Qualifier.AT_LEAST),
    ("至少", Qualifier.AT_LEAST),
    ("超过", Qualifier.AT_LEAST),
    ("不超过", Qualifier.AT_MOST),
    ("约", Qualifier.APPROX),
    ("近", Qualifier.APPROX),
    ("over", Qualifier.AT_LEAST),
    ("around", Qualifier.APPROX),
    ("about", Qualifier.APPROX),
)
_SUFFIX_QUALIFIERS = {
    "左右": Qualifier.APPROX,
    "以上": Qualifier.AT_LEAST,
    "多": Qualifier.AT_LEAST,
    "余": Qualifier.AT_LEAST,
    "以内": Qualifier.AT_MOST,
    "以下": Qualifier.AT_MOST,
}


@attrs.frozen
class Quantity:
    """A number as written, with its unit and hedge; offsets index the report text."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str  # as written, scale kept (万人, 亿元, %)
    qualifier: Qualifier
    kind: MetricKind
    value_high: Decimal | None = None
    qualifier_word: str | None = None
    numeral: str = "arabic"


def _decimal(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _cn_int(s: str) -> int:
    # only the small numerals fractions use (三分之一, 十分之一)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_VALUES.get(s[1:], 0)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _CN_VALUES.get(tens, 0) * 10 + _CN_VALUES.get(ones, 0)
    return _CN_VALUES.get(s, 0)


# a hedge may stand before a verb of having (至少具有1名, 不少于达到…)
_HAVING = re.compile(r"(?:具有|拥有|有|达到|达|配备)$")


def _prefix(text: str, start: int) -> tuple[str | None, Qualifier]:
    before = text[max(0, start - 8) : start].rstrip().lower()
    before = _HAVING.sub("", before)
    for word, qualifier in _PREFIX_QUALIFIERS:
        if before.endswith(word):
            return word, qualifier
    return None, Qualifier.EXACT


def _kind(unit: str, currency: bool) -> MetricKind:
    if unit in ("%", "％", "个百分点", "百分点"):
        return MetricKind.RATE
    if currency or unit.endswith("元") or unit.lower() in ("eur", "usd", "euro", "euros", "dollar", "dollars"):
        return MetricKind.MONEY
    if unit.endswith(("年", "月", "天", "周", "小时", "分钟")):
        return MetricKind.DURATION
    return MetricKind.COUNT


def scan(text: str, start: int, end: int) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, in text order.

    Numbers glued to Latin letters (M2, PM2.5, GB18030) are names, not quantities.
    """
    digits = _DIGIT.search(text, start, end) is not None
    fractions = text.find("分之", start, end) >= 0 or text.find("一半", start, end) >= 0
    if not digits and not fractions:
        return []  # most clauses: nothing _ARABIC or _FRACTION could match
    return sorted(_scan(text, start, end, digits, fractions), key=lambda q: q.start)


_GLUED_BEFORE = re.compile(r"[A-Za-z.\d_]")
_GLUED_AFTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _scan(text: str, start: int, end: int, digits: bool, fractions: bool) -> Iterator[Quantity]:
    # every _ARABIC match holds a digit, every _FRACTION match 分之 or 一半: looking for those
    # is much cheaper than trying the whole pattern at each character
    for m in _ARABIC.finditer(text, start, end) if digits else ():
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        num_start = m.start("num")
        if m.group("cur"):
            num_start = m.start("cur")
        if num_start > 0 and _GLUED_BEFORE.match(text[num_start - 1]):
            continue
        if m.end("num") < len(text) and _GLUED_AFTER.match(text[m.end("num")]) and not m.group("unit") and not m.group("word"):
            continue
        value = _decimal(m.group("num"))
        if value is None:
            continue
        unit = (m.group("scale") or "") + (m.group("unit") or m.group("unit2") or m.group("word") or "")
        if m.group("pct1") and not m.group("unit"):
            unit = "%"
        suffix = m.group("suffix")
        if suffix in ("多", "余") and not m.group("unit2") and not m.group("scale") and not m.group("unit"):
            suffix = None  # 3多 is not a hedge; leave the character to the text
        if suffix is None and m.group("suffix"):
            e = m.start("suffix")
        word, qualifier = _prefix(text, num_start)
        high = _decimal(m.group("high")) if m.group("high") else None
        if high is not None:
            qualifier = Qualifier.RANGE
        elif suffix:
            qualifier = _SUFFIX_QUALIFIERS[suffix]
        currency = bool(m.group("cur") or m.group("cur2"))
        if currency and not unit:
            unit = m.group("cur") or m.group("cur2") or ""
        yield Quantity(
            start=num_start,
            end=e,
            text=text[num_start:e],
            value=value,
            unit=unit,
            qualifier=qualifier,
            kind=_kind(unit, currency),
            value_high=high,
            qualifier_word=word,
        )
    for m in _FRACTION.finditer(text, start, end) if fractions else ():
        if m.group("half"):
            value = Decimal("0.5")
        else:
            den = _cn_int(m.group("den"))
            if not den:
                continue
            value = (Decimal(_cn_int(m.group("nom"))) / Decimal(den)).quantize(Decimal("0.000001"))
        yield Quantity(
            start=m.start(),
            end=m.end(),
            text=m.group(),
            value=value,
            unit="fraction",
            qualifier=Qualifier.EXACT,
            kind=MetricKind.RATE,
            numeral="chinese",
        )
