"""Quantities inside a commitment clause: a small scanner of its own.

The metrics stage finds every quantity in the report; this scanner only needs the
few shapes a plan states targets in (``7.5%左右``, ``1000万人以上``, ``6.5%－7%``,
``三分之一``, ``€50,000``), with the words right around them, so that the target
rules in :mod:`commit_targets` can read the context. When the metrics stage found
the same quantity, :mod:`commit_targets` copies that metric instead.

Its words (units beyond the metrics' table, hedges, range dashes, currency signs, fractions) are in
lang/zh/targets.toml, the ``scan_`` keys; the patterns are built on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ... import lang
from ...model import MetricKind, Qualifier
from ..text.numbers import MEASURE_WORDS, MONEY_UNITS, TIME_UNITS

__all__ = ["Quantity", "scan"]

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"


def _data() -> dict[str, Any]:
    return lang.data("zh", "targets")


def _words(key: str) -> tuple[str, ...]:
    return lang.words("zh", "targets", key)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


@functools.cache
def _arabic() -> re.Pattern[str]:
    """A number as a plan writes a target: currency, figure, scale, a range, unit, hedge (7.5%左右, €2,000)."""
    data = _data()
    # Measure words a plan counts in, longest first so that 万千瓦 wins over 千瓦 over 瓦: one unit table
    # with the metrics, plus the places and periods a target counts.
    units = sorted(set(MEASURE_WORDS + MONEY_UNITS + TIME_UNITS) | set(_words("scan_units")), key=len, reverse=True)
    noun_after: dict[str, str] = data["scan_noun_after"]
    unit_re = "|".join(re.escape(u) + (f"(?![{re.escape(noun_after[u])}])" if u in noun_after else "") for u in units)
    scale, dash, cur = data["scan_scale"], data["scan_dash"], data["scan_currency"]
    percent = _alternation(_words("scan_percent"))
    suffix = _alternation(tuple(sorted((str(e["word"]) for e in data["scan_suffixes"]), key=len, reverse=True)))
    loose = "".join(_words("scan_loose_suffixes"))
    return re.compile(
        rf"(?P<cur>{cur})?\s?(?P<num>{_NUM})(?P<scale>{scale})"
        rf"(?:(?P<pct1>{percent})?{dash}(?P<cur2>{cur})?(?P<high>{_NUM})(?P<hscale>{scale}))?"
        rf"(?:\s?(?P<unit>{percent}|{unit_re}))?\s?(?P<suffix>{suffix})?"
        rf"(?P<unit2>(?<=[{loose}]){scale}(?:{unit_re})?)?"
        rf"(?:\s?(?P<word>EUR|USD|euros?|dollars?))?"
    )


@functools.cache
def _qualifiers(key: str) -> dict[str, Qualifier]:
    """Hedge words and what each says (lang/zh/targets.toml ``scan_prefixes``, ``scan_suffixes``), longest first:
    不超过 is read before 超过."""
    entries = sorted(_data()[key], key=lambda e: len(str(e["word"])), reverse=True)
    return {str(e["word"]): Qualifier(e["qualifier"]) for e in entries}


@functools.cache
def _having() -> re.Pattern[str]:
    return lang.pattern("zh", "targets", "scan_having")


@functools.cache
def _fraction() -> re.Pattern[str]:
    return lang.pattern("zh", "targets", "scan_fraction")


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
    data = _data()
    ten = str(data["scan_ten"])
    values = {c: i for i, c in enumerate(str(data["scan_digits"]))} | {str(data["scan_two"]): 2}
    if s == ten:
        return 10
    if s.startswith(ten):
        return 10 + values.get(s[1:], 0)
    if ten in s:
        tens, _, ones = s.partition(ten)
        return values.get(tens, 0) * 10 + values.get(ones, 0)
    return values.get(s, 0)


def _prefix(text: str, start: int) -> tuple[str | None, Qualifier]:
    before = text[max(0, start - 8) : start].rstrip().lower()
    before = _having().sub("", before)
    for word, qualifier in _qualifiers("scan_prefixes").items():
        if before.endswith(word):
            return word, qualifier
    return None, Qualifier.EXACT


def _kind(unit: str, currency: bool) -> MetricKind:
    data = _data()
    if unit in _words("scan_rate_units"):
        return MetricKind.RATE
    if currency or unit.endswith(str(data["scan_money_end"])) or unit.lower() in (
            "eur", "usd", "euro", "euros", "dollar", "dollars"):
        return MetricKind.MONEY
    if unit.endswith(_words("scan_duration_ends")):
        return MetricKind.DURATION
    return MetricKind.COUNT


def scan(text: str, start: int, end: int) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, in text order.

    Numbers glued to Latin letters (M2, PM2.5, GB18030) are names, not quantities.
    """
    # every arabic match holds a digit, every fraction 分之 or 一半: looking for those
    # is much cheaper than trying the whole pattern at each character
    digits = _DIGIT.search(text, start, end) is not None
    fractions = any(text.find(w, start, end) >= 0 for w in _words("scan_fraction_marks"))
    if not digits and not fractions:
        return []  # most clauses: nothing the patterns could match
    found = list(_fractions(text, start, end)) if fractions else []
    if digits:
        found += [q for m in _arabic().finditer(text, start, end) if (q := _arabic_quantity(text, m)) is not None]
    return sorted(found, key=lambda q: q.start)


_GLUED_BEFORE = re.compile(r"[A-Za-z.\d_]")
_GLUED_AFTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _glued(text: str, m: re.Match[str], num_start: int) -> bool:
    """A number glued to Latin letters names something (M2, PM2.5, GB18030)."""
    if num_start > 0 and _GLUED_BEFORE.match(text[num_start - 1]):
        return True
    after = m.end("num")
    return after < len(text) and bool(_GLUED_AFTER.match(text[after])) and not m.group("unit") and not m.group("word")


def _suffix(m: re.Match[str]) -> str | None:
    """The hedge after the number; 多 or 余 with neither scale nor unit is no hedge (3多)."""
    suffix = m.group("suffix")
    loose = suffix in _words("scan_loose_suffixes")
    if loose and not m.group("unit2") and not m.group("scale") and not m.group("unit"):
        return None
    return suffix


def _arabic_quantity(text: str, m: re.Match[str]) -> Quantity | None:
    s, e = m.start(), m.end()
    while e > s and text[e - 1].isspace():
        e -= 1
    num_start = m.start("cur") if m.group("cur") else m.start("num")
    value = _decimal(m.group("num"))
    if _glued(text, m, num_start) or value is None:
        return None
    unit = (m.group("scale") or "") + (m.group("unit") or m.group("unit2") or m.group("word") or "")
    if m.group("pct1") and not m.group("unit"):
        unit = "%"
    suffix = _suffix(m)
    if suffix is None and m.group("suffix"):
        e = m.start("suffix")  # leave the character to the text
    word, qualifier = _prefix(text, num_start)
    high = _decimal(m.group("high")) if m.group("high") else None
    if high is not None:
        qualifier = Qualifier.RANGE
    elif suffix:
        qualifier = _qualifiers("scan_suffixes")[suffix]
    currency = bool(m.group("cur") or m.group("cur2"))
    if currency and not unit:
        unit = m.group("cur") or m.group("cur2") or ""
    return Quantity(start=num_start, end=e, text=text[num_start:e], value=value, unit=unit, qualifier=qualifier,
                    kind=_kind(unit, currency), value_high=high, qualifier_word=word)


def _fractions(text: str, start: int, end: int) -> Iterator[Quantity]:
    for m in _fraction().finditer(text, start, end):
        if m.group("half"):
            value = Decimal("0.5")
        else:
            den = _cn_int(m.group("den"))
            if not den:
                continue
            value = (Decimal(_cn_int(m.group("nom"))) / Decimal(den)).quantize(Decimal("0.000001"))
        yield Quantity(start=m.start(), end=m.end(), text=m.group(), value=value, unit="fraction",
                       qualifier=Qualifier.EXACT, kind=MetricKind.RATE, numeral="chinese")
