"""Text rules of the draft: which years roll, which numbers are stale, how a number is written back.

Chinese text has no spaces between words, so every rule looks at the characters next to a
number (``2022年``, ``2021-2025年``, ``《…》``), never at word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from ..parse.text.numbers import chinese_to_decimal
from . import _layout as L

_YEAR, _RANGE_AFTER, _RANGE_BEFORE = "year", "range_after", "range_before"


def _p(key: str) -> re.Pattern[str]:
    return L.pattern(key)


def _protected(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _p("protected").finditer(text)]


def roll_years(text: str, mapping: Mapping[int, int]) -> str:
    """Move the years in ``mapping`` (report year → next) in one pass; ranges, titles and links stay."""
    if not mapping:
        return text
    shield = _protected(text)
    out: list[str] = []
    last = 0
    for m in _p(_YEAR).finditer(text):
        year = int(m.group(1))
        if year not in mapping or any(a <= m.start() < b for a, b in shield):
            continue
        if _p(_RANGE_AFTER).match(text, m.end()) or _p(_RANGE_BEFORE).search(text[max(0, m.start() - 8) : m.start()]):
            continue
        out.append(text[last : m.start()])
        out.append(str(mapping[year]))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def carries_numbers(text: str) -> bool:
    """True if ``text`` still states a number (not a year, date, document title, link or quoted name)."""
    for a, b in reversed(_protected(text)):
        text = text[:a] + text[b:]
    text = _p("quoted").sub("", text)  # “1612”体系, “6+1+1”系统: names, not counts
    text = _p(_YEAR).sub("", text)
    text = _p("date_part").sub("", text)
    return bool(_p("digit").search(text))


def number_text(metric_text: str, numeral: str) -> str:
    """The number inside a metric's surface (``2000`` in ``2000余次``; ``二`` in ``第二``)."""
    m = _p("number").search(metric_text) if numeral != "chinese" else None
    if m is None:
        m = _p("cn_numeral").search(metric_text) or _p("number").search(metric_text)
    return m.group(0).rstrip(L.say("zh", "grouping") + "." + L.say("zh", "decimal_point")) if m else ""


def parse_number(surface: str) -> Decimal | None:
    if not surface:
        return None
    if _p("cn_numeral").fullmatch(surface):
        return chinese_to_decimal(surface)
    cleaned = surface.translate({ord(c): None for c in L.say("zh", "grouping")})
    cleaned = cleaned.replace(L.say("zh", "decimal_point"), ".")
    cleaned = cleaned.translate({0xFF10 + i: str(i) for i in range(10)})
    try:
        return Decimal(cleaned)
    except ArithmeticError:
        return None


def int_to_chinese(n: int) -> str:
    """Chinese numerals as written in reports (十二, 二十, 一百零五); up to 9999, else Arabic."""
    if n < 0 or n > 9999:
        return str(n)
    digits: str = L.say("zh", "cn_digits")
    if n == 0:
        return digits[0]
    units: list[str] = L.say("zh", "cn_units")
    out, zero = "", False
    s = str(n)
    for i, ch in enumerate(s):
        d, u = int(ch), units[len(s) - 1 - i]
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        out += ("" if (d == 1 and u == units[1] and not out) else digits[d]) + u
    return out


def format_decimal(value: Decimal, like: str = "") -> str:
    """A value as a report writes it: no exponent, no trailing zeros, grouping if ``like`` had it."""
    q = value.normalize()
    if q == q.to_integral_value():
        q = q.quantize(Decimal(1))
    text = f"{q:,f}" if any(c in like for c in L.say("zh", "grouping")) else f"{q:f}"
    return text


def write_number(value: Decimal, number_surface: str, numeral: str) -> str:
    if numeral == "chinese" and value == value.to_integral_value():
        return int_to_chinese(int(value))
    return format_decimal(value, number_surface)


def replace_number(metric_text: str, number_surface: str, new_number: str) -> str:
    """The metric's surface with its number replaced: qualifiers and units stay as written."""
    if number_surface and number_surface in metric_text:
        return metric_text.replace(number_surface, new_number, 1)
    return new_number + metric_text


def percent_change(old: Decimal, new: Decimal) -> Decimal | None:
    """(new − old) / old in percent, one decimal, half up; None when old is 0."""
    if old == 0:
        return None
    return ((new - old) / old * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


_PAIRS_EN = (("up", "down"), ("increase", "decrease"), ("higher", "lower"), ("more", "less"))


def _pairs() -> tuple[tuple[str, str], ...]:
    """Up and down words in pairs (lang/zh/draft.toml), so a stated change keeps its register when it flips sign."""
    return tuple((a, b) for a, b in L.say("zh", "direction_pairs")) + _PAIRS_EN


def direction_words() -> tuple[str, ...]:
    return tuple(w for pair in _pairs() for w in pair)


def direction_word(written: str, up: bool, language: str) -> str:
    """The word for ``up``/down in the register of the word last year's report used."""
    for a, b in _pairs():
        if written in (a, b):
            return a if up else b
    first = ("up", "down") if language == "en" else _pairs()[0]
    return first[0] if up else first[1]
