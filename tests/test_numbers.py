"""Chinese and Arabic numeral parsing, including the known failure modes of Chinese numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportkit.parse.text.numbers import (
    ChineseNumber,
    arabic_to_decimal,
    chinese_to_decimal,
    fraction_value,
    parse_chinese,
    scale_factor,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("四", 4),
        ("十", 10),
        ("十五", 15),
        ("二十三", 23),
        ("一百零五", 105),
        ("一百一十", 110),
        ("三千零五", 3005),
        ("三千五百万", 35_000_000),
        ("一万五", 15_000),
        ("两", 2),
        ("两百", 200),
        ("〇", 0),
        ("零", 0),
        ("万", 10_000),
        ("十亿", 1_000_000_000),
        ("二〇二二", 2022),
        ("贰拾", 20),
    ],
)
def test_chinese_numerals_convert_to_exact_decimals(text: str, value: int) -> None:
    assert chinese_to_decimal(text) == Decimal(value)


def test_vague_adjacent_digits_are_a_range_not_a_number() -> None:
    assert parse_chinese("两三") == ChineseNumber(Decimal(2), Decimal(3))
    assert parse_chinese("七八") == ChineseNumber(Decimal(7), Decimal(8))
    assert chinese_to_decimal("两三") is None


@pytest.mark.parametrize("text", ["百千万", "十百", "五六十", "统一", "", "零十", "〇二"])
def test_ill_formed_or_non_numerals_give_none(text: str) -> None:
    assert chinese_to_decimal(text) is None


def test_arabic_numbers_fold_width_and_thousand_separators() -> None:
    assert arabic_to_decimal("1,789") == Decimal(1789)
    assert arabic_to_decimal("９７.６８") == Decimal("97.68")
    assert arabic_to_decimal("20 000") == Decimal(20000)
    assert str(arabic_to_decimal("97.68")) == "97.68"  # exact, no float on the way


def test_arabic_parser_rejects_non_numbers() -> None:
    with pytest.raises(ValueError):
        arabic_to_decimal("abc")


def test_scale_words_multiply_out() -> None:
    assert scale_factor("万") == 10_000
    assert scale_factor("万亿") == 10**12
    assert scale_factor("") == 1
    assert Decimal("1.3") * scale_factor("万亿") == Decimal(1_300_000_000_000)


def test_fractions_use_six_places() -> None:
    assert fraction_value("三", "一") == Decimal("0.333333")
    assert fraction_value("四", "三") == Decimal("0.750000")
    assert fraction_value("零", "一") is None
