"""The metrics stage's words are data (lang/zh/labels, qualifiers, numerals, not_facts, frames, units …):
every pattern compiles, every example says what its entry is for."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import reportkit
from reportkit import lang
from reportkit.comparison.metrics import clause_of, indicator_context
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


@pytest.mark.shared
def test_each_metric_carries_its_clause_and_comparison_reads_it(shared: Path) -> None:
    """Metric.clause_start/clause_end is the clause comparison used to find again in report.text."""
    for path in sorted((shared / "corpus").rglob("*.txt"))[:12]:
        report = reportkit.read(path)
        for m in report.metrics:
            assert m.clause_start is not None and m.clause_end is not None
            assert (m.clause_start, m.clause_end) == clause_of(report.text, m.start, m.end), (path, m.id)
            assert m.clause_start <= m.start and m.end <= m.clause_end
        for m in report.metrics[:20]:
            by_hand = attrs.evolve(m, clause_start=None, clause_end=None)
            assert indicator_context(report, m) == indicator_context(report, by_hand)


def test_a_clause_ends_at_the_comma_and_the_line_end() -> None:
    text = "全年办理案件53件，较去年同期下降27.4%\n新增就业3万人"
    report = reportkit.parse_text(text)
    clauses = [text[m.clause_start : m.clause_end] for m in report.metrics if m.clause_start is not None]
    assert clauses == ["全年办理案件53件", "较去年同期下降27.4%", "新增就业3万人"]
