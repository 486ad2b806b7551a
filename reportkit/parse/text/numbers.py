"""Numerals and units: Arabic and Chinese numerals to exact Decimals, scale words, unit tables.

Pure functions over short strings; the scanner (metrics/scan.py) finds the strings.
Chinese numerals are converted by our own small parser so that its failure modes are
ours to test: vague ranges (两三个), bare unit words (十五), 零/〇 placeholders, 两.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

import attrs

from ... import lang

__all__ = [
    "MEASURE_WORDS",
    "MONEY_UNITS",
    "PLACE_NOUNS",
    "TIME_UNITS",
    "ChineseNumber",
    "arabic_to_decimal",
    "chinese_to_decimal",
    "cn_digits",
    "cn_numeral_chars",
    "fraction_value",
    "parse_chinese",
    "scale_factor",
    "tidy",
]


def _numerals(key: str) -> dict[str, int]:
    table: dict[str, int] = lang.data("zh", "numerals")[key]
    return table


@functools.cache
def cn_digits() -> dict[str, int]:
    """Chinese digits and their values (lang/zh/numerals.toml ``digits``): 一 → 1, 两 → 2, 〇 → 0."""
    return dict(_numerals("digits"))


@functools.cache
def cn_numeral_chars() -> str:
    """Every character a Chinese numeral is written with: digits, 十百千 (and 拾佰仟), 万亿."""
    return "".join(cn_digits()) + "".join(_numerals("small_units")) + "".join(_numerals("big_units"))


@functools.cache
def _scales() -> dict[str, Decimal]:
    """Scale words written between an Arabic number and its unit (1.3万亿元, 40万余名) and their factors."""
    return {word: Decimal(10) ** power for word, power in _numerals("scales").items()}


@functools.cache
def _fullwidth() -> dict[int, str]:
    folded = lang.data("zh", "numerals")["fullwidth"]
    return str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, **folded})


# The unit tables are language data (lang/zh/units.toml): measure words longest first where one is a
# prefix of another (人次 before 人), currencies, durations, nouns counted without a measure word.
MEASURE_WORDS: tuple[str, ...] = lang.words("zh", "units", "measure_words")
MONEY_UNITS: tuple[str, ...] = lang.words("zh", "units", "money")
TIME_UNITS: tuple[str, ...] = lang.words("zh", "units", "time")
PLACE_NOUNS: tuple[str, ...] = lang.words("zh", "units", "place_nouns")


@attrs.frozen
class ChineseNumber:
    """A parsed Chinese numeral; ``high`` is set for a vague range such as 两三 (2–3)."""

    value: Decimal
    high: Decimal | None = None


def arabic_to_decimal(s: str) -> Decimal:
    """``1,789`` ``９７.６８`` ``20 000`` → Decimal; full-width digits and separators folded."""
    folded = s.translate(_fullwidth()).replace(",", "").replace(" ", "").replace("\u00a0", "")
    try:
        return Decimal(folded)
    except InvalidOperation as exc:  # the scanner's regex only hands over digits
        raise ValueError(f"not an Arabic number: {s!r}") from exc


def tidy(value: Decimal) -> Decimal:
    """4.4 × 10⁴ is written 44000, not 44000.0: whole numbers lose the exponent scaling left on them."""
    if value == value.to_integral_value():
        try:
            return value.quantize(Decimal(1))
        except InvalidOperation:  # beyond the context's precision: leave it as computed
            return value
    return value


def scale_factor(word: str) -> Decimal:
    """Factor of a scale word (万 → 10000); 1 for the empty string."""
    return _scales().get(word, Decimal(1)) if word else Decimal(1)


def _parse_section(s: str) -> int | None:
    """A numeral below 万: 三千五百, 一百零五, 十五. None when ill-formed."""
    total, digit, last_unit = 0, None, 10_000
    zero_seen = False
    digits, small_units = cn_digits(), _numerals("small_units")
    for ch in s:
        if ch in digits:
            d = digits[ch]
            if digit is not None and digit != 0:  # two digits in a row: only 零 may precede a digit
                return None
            if d == 0:
                zero_seen = True
            digit = d
        elif ch in small_units:
            unit = small_units[ch]
            if unit >= last_unit:  # 百千 (as in 百千万) is a name, not a number
                return None
            if digit is None:
                if (total or zero_seen) and unit != 10:  # 一百十 is unusual but fine; 零百 is not
                    return None
                digit = 1
            elif digit == 0:
                return None
            total += digit * unit
            last_unit, digit, zero_seen = unit, None, False
        else:
            return None
    if digit is not None:
        total += digit
    return total


def chinese_to_decimal(s: str) -> Decimal | None:
    """三千五百万 → 35000000, 一百零五 → 105, 两 → 2, 〇 → 0; None for ill-formed or vague input.

    A run of bare digits (二〇二二) is read positionally, as years are written.
    """
    parsed = parse_chinese(s)
    if parsed is None or parsed.high is not None:
        return None
    return parsed.value


def parse_chinese(s: str) -> ChineseNumber | None:
    """Like :func:`chinese_to_decimal` but keeps vague ranges: 两三 → 2..3, 七八 → 7..8."""
    chars, cn = cn_numeral_chars(), cn_digits()
    if not s or any(ch not in chars for ch in s):
        return None
    if all(ch in cn for ch in s):
        if len(s) == 1:
            return ChineseNumber(Decimal(cn[s]))
        digits = [cn[ch] for ch in s]
        if len(s) == 2 and digits[1] == digits[0] + 1 and digits[0] > 0:
            return ChineseNumber(Decimal(digits[0]), Decimal(digits[1]))
        if digits[0] == 0:
            return None
        return ChineseNumber(Decimal("".join(map(str, digits))))
    # 十五六 (15–16) and 二三十 are left out (None): too rare to be worth a wrong reading
    total = 0
    rest = s
    big_units = _numerals("big_units")  # largest first: 亿, then 万
    for big in big_units:
        if big in rest:
            head, _, rest = rest.partition(big)
            if big in rest:
                return None
            value = _parse_section(head) if head else 1
            if value is None or (head == "" and total):
                return None
            total += value * big_units[big]
    if rest:
        tail = _parse_section(rest)
        if tail is None:
            return None
        # 一万五 means 15000: a lone trailing digit after a bigger unit scales down one step
        if len(rest) == 1 and rest in cn and total and cn[rest]:
            tail = cn[rest] * (1000 if total % 10_000 == 0 and big_units.get(s[-2]) == 10_000 else 1)
        total += tail
    return ChineseNumber(Decimal(total))


def fraction_value(denominator: str, numerator: str) -> Decimal | None:
    """三分之一 → 0.333333 (six places: the gold's convention); None when ill-formed."""
    den, num = chinese_to_decimal(denominator), chinese_to_decimal(numerator)
    if den is None or num is None or den == 0:
        return None
    return (num / den).quantize(Decimal("0.000001"))
