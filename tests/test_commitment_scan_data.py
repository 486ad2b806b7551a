"""The clause scanner's words are data (lang/zh/targets.toml ``scan_*``): each hedge's example reads as it says."""

from __future__ import annotations

import pytest

from reportkit import lang
from reportkit.model import MetricKind, Qualifier
from reportkit.parse.commitments.numbers import scan


@pytest.mark.parametrize("key", ["scan_suffixes", "scan_prefixes"])
def test_each_hedge_example_gives_its_qualifier(key: str) -> None:
    for entry in lang.data("zh", "targets")[key]:
        found = scan(entry["example"], 0, len(entry["example"]))
        if not found:
            continue  # 近百万: a hedge before a number in words, which the scanner leaves to the metrics stage
        assert found[0].qualifier is Qualifier(entry["qualifier"]), entry


def test_units_ranges_currencies_and_fractions() -> None:
    (q,) = scan("城镇新增就业1100万人以上", 0, 14)
    assert (q.text, q.unit, q.qualifier) == ("1100万人以上", "万人", Qualifier.AT_LEAST)
    (r,) = scan("增长6.5%－7%", 0, 10)
    assert (r.value_high, r.qualifier, r.kind) == (7, Qualifier.RANGE, MetricKind.RATE)
    (m,) = scan("grants of €50,000", 0, 17)
    assert (m.kind, m.unit) == (MetricKind.MONEY, "€")
    (f,) = scan("覆盖三分之一的县", 0, 8)
    assert (f.text, round(float(f.value), 3), f.numeral) == ("三分之一", 0.333, "chinese")
    assert [q.text for q in scan("5亿人口", 0, 4)] == ["5亿"]  # 人 before 口 opens a noun
    assert scan("PM2.5浓度", 0, 7) == []
