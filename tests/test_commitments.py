"""Commitments: clauses of the plan part, their types and their numeric targets (invented texts)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import reportkit
from reportkit.model import CommitmentType, Direction, Qualifier, Report, ReportMeta
from reportkit.parse.commitments.extract import extract_commitments
from reportkit.parse.commitments.numbers import scan
from reportkit.parse.commitments.split import split_clauses, split_list

PLAN = """2022年工作报告
一、2022年工作回顾
全年新增就业500人，完成了各项任务。
二、2023年工作计划
（一）加强安全生产。持续开展危化品专项检查、隐患排查治理、应急救援演练等行动，力争事故起数下降10%以上。
（二）保障民生。城乡低保标准由每月600元提高到650元，比上年增加50元。到2025年建成养老床位3000张。
（三）推进法治建设。坚持依法行政，以数字化改革为引领，提升群众满意度，全面提高依法行政水平。
"""


def _commitments(text: str) -> list[reportkit.model.Commitment]:
    return list(reportkit.parse_text(text).commitments)


def _by_text(text: str) -> dict[str, reportkit.model.Commitment]:
    return {c.text: c for c in _commitments(text)}


def test_ids_run_in_text_order_and_spans_are_exact() -> None:
    report = reportkit.parse_text(PLAN)
    cs = report.commitments
    assert [c.id for c in cs] == [f"c{n:03d}" for n in range(1, len(cs) + 1)]
    assert all(report.text[c.start : c.end] == c.text for c in cs)
    assert [c.start for c in cs] == sorted(c.start for c in cs)


def test_only_the_plan_part_gives_commitments_and_headings_are_left_out() -> None:
    texts = list(_by_text(PLAN))
    assert not any("新增就业" in t for t in texts)
    assert "加强安全生产" not in texts and "保障民生" not in texts


def test_a_verb_over_a_list_of_work_items_splits_and_records_the_shared_verb() -> None:
    cs = _by_text(PLAN)
    assert cs["持续开展危化品专项检查"].governing_verb is None
    assert cs["隐患排查治理"].governing_verb == "持续开展"
    assert cs["应急救援演练"].governing_verb == "持续开展"  # 等行动 dropped


def test_lists_of_domains_and_lists_under_坚持_stay_whole() -> None:
    text = "二、2023年工作计划\n加大食品药品、农业生产、公共卫生等重点领域执法力度。坚持科学决策、民主决策、依法决策。\n"
    assert set(_by_text(text)) == {"加大食品药品、农业生产、公共卫生等重点领域执法力度", "坚持科学决策、民主决策、依法决策"}


def test_types_follow_the_verb() -> None:
    cs = _by_text(PLAN)
    assert cs["坚持依法行政"].type is CommitmentType.PRINCIPLE
    assert cs["以数字化改革为引领"].type is CommitmentType.PRINCIPLE
    assert cs["全面提高依法行政水平"].type is CommitmentType.GOAL
    assert cs["持续开展危化品专项检查"].type is CommitmentType.ACTION


def test_a_direction_on_a_named_indicator_is_measurable_but_a_level_is_not() -> None:
    cs = _by_text(PLAN)
    sat = cs["提升群众满意度"]
    assert sat.measurable and sat.indicator == "群众满意度" and sat.direction is Direction.UP
    assert not cs["全面提高依法行政水平"].measurable


def test_a_goal_number_becomes_the_target_with_its_hedge() -> None:
    c = _by_text(PLAN)["力争事故起数下降10%以上"]
    assert c.target is not None and c.target.text == "10%以上"
    assert c.target.qualifier in (Qualifier.AT_LEAST, Qualifier.APPROX_OVER) and c.target.is_target
    assert c.direction is Direction.DOWN and c.measurable


def test_baselines_increments_and_dated_goals_are_not_targets() -> None:
    cs = _by_text(PLAN)
    assert cs["城乡低保标准由每月600元提高到650元"].target.text == "650元"  # type: ignore[union-attr]
    assert cs["比上年增加50元"].target is None
    assert cs["到2025年建成养老床位3000张"].target is None


def test_forecasts_existing_things_and_durations_are_not_targets() -> None:
    text = ("二、2023年工作安排\n今年高校毕业生将达800万人。已设立的300亿元基金要用好。"
            "试点期限延长3年。城镇新增就业1100万人以上。\n")
    targets = [c.target.text for c in _commitments(text) if c.target is not None]
    assert targets == ["1100万人以上"]


def test_a_restated_target_is_not_counted_twice() -> None:
    text = ("二、2023年工作总体部署\n主要预期目标是：国内生产总值增长6%左右，城镇新增就业1100万人以上。\n"
            "关于经济增长。把增长预期目标定在6%左右，兼顾了需要和可能。\n"
            "今年进出口增长6%左右。\n")
    targets = [(c.text, c.target.text) for c in _commitments(text) if c.target is not None]
    assert targets == [("国内生产总值增长6%左右", "6%左右"), ("城镇新增就业1100万人以上", "1100万人以上"),
                       ("今年进出口增长6%左右", "6%左右")]


def test_several_targets_in_one_clause_give_one_commitment_each() -> None:
    text = "二、2023年工作计划\n今年要淘汰钢铁2700万吨、水泥4200万吨。二氧化硫、氮氧化物排放量分别下降3%。\n"
    got = [(c.text, c.target.text, c.governing_verb) for c in _commitments(text) if c.target is not None]
    assert got == [
        ("今年要淘汰钢铁2700万吨", "2700万吨", None),
        ("水泥4200万吨", "4200万吨", "淘汰"),
        ("二氧化硫", "3%", None),
        ("氮氧化物排放量分别下降3%", "3%", None),
    ]


def test_a_section_about_a_five_year_plan_sets_no_targets_for_next_year() -> None:
    text = ("二、“十四五”时期主要目标任务\n城镇新增就业5000万人以上。\n"
            "三、2023年重点工作\n城镇新增就业1100万人以上。\n")
    targets = [c.target.text for c in _commitments(text) if c.target is not None]
    assert targets == ["1100万人以上"]


def test_without_parts_or_sections_a_plan_heading_opens_the_plan() -> None:
    text = "一、2022年工作回顾 完成任务3项。 二、2023年工作思路 (一)深化改革。推进执法公开透明、执法过程留痕可溯、法制审核依法规范。"
    report = Report(meta=ReportMeta(year=2022), text=text)
    got = [c.text for c in extract_commitments(report)]
    assert got == ["推进执法公开透明", "执法过程留痕可溯", "法制审核依法规范"]


def test_english_plan_bullets_and_budget_amounts() -> None:
    text = ("# 2023 report\n\n## Review\n\nWe raised €40,000 in 2023.\n\n## Plans for 2024\n\n"
            "* **Hire an accountant** to handle reporting. Up to now members did it.\n"
            "* **Expand the grant program** to a larger amount (€2,000 or €2,500).\n\n"
            "### 2024 Budget Estimate\n\nProjected spending in 2024:\n\n* FPADF - €50,000\n* Event support - €10,000\n")
    cs = _commitments(text)
    assert [c.theme for c in cs[:3]] == ["Hire an accountant", "Up to now members did it", "Expand the grant program"]
    assert [c.target.value for c in cs if c.target is not None] == [Decimal(2000), Decimal(50000), Decimal(10000)]
    assert not any("40,000" in c.text for c in cs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长7.5%左右", ("7.5%左右", Qualifier.APPROX)),
        ("增长6.5%－7%", ("6.5%－7%", Qualifier.RANGE)),
        ("安排700多亿元", ("700多亿元", Qualifier.AT_LEAST)),
        ("改造1500万千瓦", ("1500万千瓦", Qualifier.EXACT)),
        ("减少三分之一", ("三分之一", Qualifier.EXACT)),
        ("至少具有1 名", ("1 名", Qualifier.AT_LEAST)),
    ],
)
def test_the_scanner_reads_what_plans_write(text: str, expected: tuple[str, Qualifier]) -> None:
    (q,) = scan(text, 0, len(text))
    assert (q.text, q.qualifier) == expected


def test_numbers_glued_to_letters_are_names() -> None:
    text = "广义货币M2增长，PM2.5浓度下降"
    assert [q.text for q in scan(text, 0, len(text))] == []


def test_clauses_do_not_break_inside_brackets_or_book_titles() -> None:
    text = "落实《规划(2021-2025年，修订)》，完善机制；推进A。"
    spans = [text[s:e] for s, e in split_clauses(text, 0, len(text))]
    assert spans == ["落实《规划(2021-2025年，修订)》", "完善机制", "推进A"]


def test_short_list_items_are_one_object_not_work_items() -> None:
    text = "推进获得感、满意度"
    assert len(split_list(text, 0, len(text))) == 1


def test_inline_lead_markers_and_a_leading_如_are_dropped_but_如期_is_kept() -> None:
    text = "二、2023年工作计划\n一是加强执法监督，二是推进备案审查全覆盖，如期完成清理任务。\n"
    assert list(_by_text(text)) == ["加强执法监督", "推进备案审查全覆盖", "如期完成清理任务"]


def test_a_clause_that_only_frames_the_plan_is_not_a_commitment() -> None:
    text = "三、2023年工作打算\n2023年，我县将重点做好以下工作：深化行政执法改革。\n"
    assert list(_by_text(text)) == ["深化行政执法改革"]


def test_a_report_without_a_plan_has_no_commitments() -> None:
    assert _commitments("一、2022年工作回顾\n全年新增就业500人。\n") == []


def test_run_on_text_is_handled_in_one_pass() -> None:
    # 5,000 clauses without a sentence end: clause and sentence bounds must not go quadratic
    text = "二、2023年工作计划\n" + "加强执法监督，" * 5_000
    report = Report(meta=ReportMeta(year=2022), text=text)
    assert len(extract_commitments(report)) == 5_000


def test_a_numbered_item_with_nothing_under_its_title_is_a_commitment() -> None:
    text = "二、2023年工作打算\n（一）全年组织集体学法6次以上。\n（二）深化改革。推进执法公开。\n"
    assert list(_by_text(text)) == ["全年组织集体学法6次以上", "推进执法公开"]


def test_a_growth_rate_against_last_year_is_a_target_unless_it_restates_one() -> None:
    text = "二、2023年工作安排\n地区生产总值比上年增长6%左右。今年拟安排专项资金80亿元，比上年增加5亿元。\n"
    targets = [c.target.text for c in _commitments(text) if c.target is not None]
    assert targets == ["6%左右", "80亿元"]


def test_an_unclosed_bracket_does_not_swallow_the_rest_of_the_plan() -> None:
    text = "推进(试点工作，完善机制，" + "加强监督，" * 40 + "深化改革。"
    spans = [text[s:e] for s, e in split_clauses(text, 0, len(text))]
    assert spans[:2] == ["推进(试点工作", "完善机制"] and spans[-1] == "深化改革"


def test_last_years_budget_in_the_review_is_not_a_plan() -> None:
    text = ("# 2023 report\n\n## Review\n\n### 2023 Budget\n\n* Events - €8,000\n\n"
            "## Plans for 2024\n\n* Hire an accountant to handle reporting.\n")
    assert [c.text for c in _commitments(text)] == ["Hire an accountant to handle reporting."]


def test_a_threshold_that_picks_things_and_a_current_rate_are_not_targets() -> None:
    text = ("二、对今年政府工作的建议\n今年淘汰关停30万千瓦以下煤电机组，将现行16%的税率降至13%，"
            "完成2100万人次以上职业技能培训任务。\n")
    targets = [c.target.text for c in _commitments(text) if c.target is not None]
    assert targets == ["13%", "2100万人次以上"]
