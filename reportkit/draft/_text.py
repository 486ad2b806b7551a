"""Text rules of the draft: which years roll, which numbers are stale, how a number is written back.

Chinese text has no spaces between words, so every rule looks at the characters next to a
number (``2022年``, ``2021-2025年``, ``《…》``), never at word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from ..parse.text.numbers import chinese_to_decimal

_DIGITS = "0-9０-９"
# A four-digit year not glued to other digits, letters, path or range characters.
_YEAR = re.compile(
    rf"(?<![{_DIGITS}A-Za-z_./\\\-–—~～])((?:19|20)[0-9]{{2}})(?![{_DIGITS}A-Za-z_/\\\-–—~～%])"
)
_RANGE_AFTER = re.compile(r"^\s*(?:年)?\s*(?:[-–—~～至到]|to\b)\s*[0-9]")
_RANGE_BEFORE = re.compile(r"(?:[0-9]\s*(?:年)?\s*(?:[-–—~～至到]|to)\s*)$")
# Spans whose numbers are names, not facts: titles of documents, links, Markdown link targets.
_PROTECTED = re.compile(r"《[^《》]*》|〈[^〈〉]*〉|https?://\S+|\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)")
_NUMBER = re.compile(rf"[{_DIGITS}][{_DIGITS},，.．]*")
_CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")


def _protected(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]


def roll_years(text: str, mapping: Mapping[int, int]) -> str:
    """Move the years in ``mapping`` (report year → next) in one pass; ranges, titles and links stay."""
    if not mapping:
        return text
    shield = _protected(text)
    out: list[str] = []
    last = 0
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if year not in mapping or any(a <= m.start() < b for a, b in shield):
            continue
        if _RANGE_AFTER.match(text, m.end()) or _RANGE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        out.append(text[last : m.start()])
        out.append(str(mapping[year]))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


_DATE_PART = re.compile(rf"[{_DIGITS}]{{1,2}}(?=\s*[月日号])")


_QUOTED = re.compile(r"“[^“”]{0,20}”|「[^「」]{0,20}」")


def carries_numbers(text: str) -> bool:
    """True if ``text`` still states a number (not a year, date, document title, link or quoted name)."""
    for a, b in reversed(_protected(text)):
        text = text[:a] + text[b:]
    text = _QUOTED.sub("", text)  # “1612”体系, “6+1+1”系统: names, not counts
    text = _YEAR.sub("", text)
    text = _DATE_PART.sub("", text)
    return bool(re.search(rf"[{_DIGITS}]", text))


def number_text(metric_text: str, numeral: str) -> str:
    """The number inside a metric's surface (``2000`` in ``2000余次``; ``二`` in ``第二``)."""
    m = _NUMBER.search(metric_text) if numeral != "chinese" else None
    if m is None:
        m = _CN_NUMERAL.search(metric_text) or _NUMBER.search(metric_text)
    return m.group(0).rstrip(",，.．") if m else ""


def parse_number(surface: str) -> Decimal | None:
    if not surface:
        return None
    if _CN_NUMERAL.fullmatch(surface):
        return chinese_to_decimal(surface)
    cleaned = surface.translate({ord(c): None for c in ",，"}).replace("．", ".")
    cleaned = cleaned.translate({0xFF10 + i: str(i) for i in range(10)})
    try:
        return Decimal(cleaned)
    except ArithmeticError:
        return None


def int_to_chinese(n: int) -> str:
    """Chinese numerals as written in reports (十二, 二十, 一百零五); up to 9999, else Arabic."""
    if n < 0 or n > 9999:
        return str(n)
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"
    units = ["", "十", "百", "千"]
    out, zero = "", False
    s = str(n)
    for i, ch in enumerate(s):
        d, u = int(ch), units[len(s) - 1 - i]
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if (d == 1 and u == "十" and not out) else digits[d]) + u
    return out


def format_decimal(value: Decimal, like: str = "") -> str:
    """A value as a report writes it: no exponent, no trailing zeros, grouping if ``like`` had it."""
    q = value.normalize()
    if q == q.to_integral_value():
        q = q.quantize(Decimal(1))
    text = f"{q:,f}" if ("," in like or "，" in like) else f"{q:f}"
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


# Up and down words come in pairs, so a stated change keeps its register when it flips sign.
_PAIRS_ZH = (("增长", "下降"), ("上升", "下降"), ("增加", "减少"), ("提高", "降低"), ("提升", "降低"))
_PAIRS_EN = (("up", "down"), ("increase", "decrease"), ("higher", "lower"), ("more", "less"))
DIRECTION_WORDS = tuple(w for pair in _PAIRS_ZH + _PAIRS_EN for w in pair)


def direction_word(written: str, up: bool, language: str) -> str:
    """The word for ``up``/down in the register of the word last year's report used."""
    for a, b in _PAIRS_ZH + _PAIRS_EN:
        if written in (a, b):
            return a if up else b
    if language == "en":
        return "up" if up else "down"
    return "增长" if up else "下降"


def change_phrase(old: Decimal, new: Decimal, language: str) -> str | None:
    """较上年增长12.2% / 与上年持平 (or the English), None when it cannot be computed."""
    pct = percent_change(old, new)
    if pct is None:
        return None
    if language == "en":
        return (
            "unchanged from last year"
            if pct == 0
            else (f"{'up' if pct > 0 else 'down'} {format_decimal(abs(pct))}% on last year")
        )
    if pct == 0:
        return "与上年持平"
    return f"较上年{'增长' if pct > 0 else '下降'}{format_decimal(abs(pct))}%"
