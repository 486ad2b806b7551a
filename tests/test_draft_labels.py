"""A workbook row names the thing counted: no doubled verb, no bare place or direction, no baseline or target row."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportkit
from reportkit.draft import roll_forward
from reportkit.draft._labels import is_poor, not_asked, tidy

GONGZUO = (
    "2024年政府工作报告\n\n各位代表：\n\n一、2023年工作回顾\n\n"
    "国内生产总值达到126万亿元，年均增长5.2%。工业企业利润由上年下降2.3%转为增长8.5%。"
    "广义货币M2增长9.7%，低于12%左右的预期目标。财政收入从3.16万亿元增加到8.31万亿元。"
    "清洁能源消费比重提高1.7个百分点。\n\n"
    "二、2024年工作安排\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n"
)


@pytest.mark.parametrize(
    ("label", "tidied"),
    [
        ("比上年减少降幅", "降幅"),
        ("增长增幅", "增幅"),
        ("转为增幅", "增幅"),
        ("2010年比上年减少", "减少"),
        ("财政性教育经费支出占国内生产总值比例继续", "财政性教育经费支出占国内生产总值比例"),
        ("工业企业利润由上年下降2.3%转为增长", "工业企业利润增长"),
        ("国内生产总值", "国内生产总值"),
        ("其中废止", "其中废止"),
    ],
)
def test_a_label_loses_its_doubled_verb_and_the_clause_words_around_it(label: str, tidied: str) -> None:
    assert tidy(label) == tidied


@pytest.mark.parametrize("label", ["省级", "乡镇(街道)", "领导干部", "总量", "建议", "占全国", "年均增幅", "降幅"])
def test_a_place_a_grade_or_a_direction_alone_is_a_poor_label(label: str) -> None:
    assert is_poor(label)


@pytest.mark.parametrize("label", ["国内生产总值年均增幅", "城镇新增就业", "调解成功率", "其中废止"])
def test_a_label_naming_the_thing_is_not_poor(label: str) -> None:
    assert not is_poor(label)


def test_a_baseline_and_a_target_named_in_the_review_get_no_row() -> None:
    assert not_asked("工业企业利润由上年下降", "转为增长8.5%")
    assert not_asked("广义货币M2增长9.7%，低于", "的预期目标")
    assert not not_asked("广义货币M2增长", "，低于12%左右的预期目标")


def test_a_government_work_report_workbook_names_each_figure() -> None:
    d = roll_forward(reportkit.parse_text(GONGZUO))
    rows = {s.last_text: s.label for s in d.input_slots if not s.target}
    assert rows == {
        "126万亿元": "国内生产总值",
        "5.2%": "国内生产总值年均增长",  # named after the figure before it, not 年均增幅
        "8.5%": "工业企业利润增长",  # not 转为增幅; 由上年下降2.3% is last year's: no row
        "9.7%": "广义货币M2增幅",  # 12%左右的预期目标 is a target: no row
        "8.31万亿元": "财政收入",  # 从3.16万亿元 is the level of years ago: no row
        "1.7个百分点": "清洁能源消费比重增幅",
    }


@pytest.mark.shared
def test_the_state_council_workbooks_have_no_doubled_verb_and_no_bare_label(shared: Path) -> None:
    for year in (2010, 2014, 2016):
        d = roll_forward(reportkit.read(shared / "corpus" / "gongzuo" / "china-state-council" / f"{year}.txt"))
        labels = [s.label for s in d.input_slots]
        assert not [x for x in labels if "降降幅" in x or "增长增幅" in x or "减少降幅" in x], year
        assert not [x for x in labels if x in ("年均增幅", "占世界", "占全国", "省级", "总量")], year
        assert not [s for s in d.input_slots if s.last_text == "13%左右"], year  # 2016: 低于13%左右的预期目标
