"""The metrics stage's words are data (lang/zh/labels, qualifiers, numerals, not_facts, frames, units …):
every pattern compiles, every example says what its entry is for."""

from __future__ import annotations

import re

import pytest

from reportkit import lang
from reportkit.model import Qualifier
from reportkit.parse.metrics.context import prefix_qualifier
from reportkit.parse.metrics.scan import scan
from reportkit.parse.text.numbers import cn_digits, parse_chinese
from reportkit.readers._numbering import chinese_number

_LISTS = [
    ("labels", "openers"),
    ("labels", "closers"),
    ("furniture", "html_noise"),
    ("headings", "plan_paragraph"),
]


@pytest.mark.parametrize(("concept", "key"), _LISTS)
def test_each_pattern_entry_finds_its_example(concept: str, key: str) -> None:
    for entry in lang.data("zh", concept)[key]:
        source = entry.get("pattern", re.escape(entry.get("word", "")))
        source = source.replace("{span}", "(?!)")
        assert re.search(source, entry["example"]), entry


def test_each_hedge_example_is_read_with_its_qualifier() -> None:
    for entry in lang.data("zh", "qualifiers")["before"]:
        example = entry["example"]
        start = re.search(r"[0-9百万]", example)
        assert start is not None, entry
        found = prefix_qualifier(example, start.start())
        assert found is not None and found[0] == entry["word"], entry
        assert found[2] is Qualifier(entry["qualifier"]), entry


def test_each_suffix_example_is_read_with_its_qualifier() -> None:
    for entry in lang.data("zh", "qualifiers")["after"]:
        (cand,) = scan("全年增长" + entry["example"] + "。")
        assert cand.suffix_qualifier is Qualifier(entry["qualifier"]), entry


def test_the_numeral_tables_read_the_numbers_they_name() -> None:
    assert cn_digits()["两"] == 2
    for text, value in (("三千五百万", 35_000_000), ("一万五", 15_000), ("二〇二二", 2022)):
        parsed = parse_chinese(text)
        assert parsed is not None and parsed.value == value
    assert chinese_number(105) == "一百零五"


def test_frame_words_make_a_span_of_years_no_count_but_near_keeps_one() -> None:
    frames = lang.data("zh", "frames")
    assert all("frame" in e or "label" in e for e in frames["span_before"] + frames["span_after"])
    units = [c.unit for c in scan("过去五年，新增就业3万人。")]
    assert units == ["人"]  # 过去五年 frames the figure, it counts nothing
    assert [c.unit for c in scan("近三年办理案件。")] == ["年"]  # 近三年 stays a count (tests/test_metrics.py)
