"""Outcomes and verdicts of a 政府工作报告's main targets, on sentences written for the tests."""

from __future__ import annotations

import reportkit
from reportkit.model import Report

OLD = (
    "各位代表：\n现在，我代表省人民政府，向大会报告政府工作。\n一、2024年工作回顾\n内容。\n二、2025年工作安排\n"
    "今年主要预期目标是：地区生产总值增长5.5%左右；城镇调查失业率5.5%左右，城镇新增就业68万人左右；"
    "进出口总额增长5.5%左右；固定资产投资增长5%左右；城镇、农村居民人均可支配收入分别增长5%、7%左右；"
    "常住人口城镇化率达到58%左右。\n各位代表！\n奋斗！\n"
)


def _diff(review: str) -> dict[str, reportkit.comparison.records.FollowThrough]:
    new_text = (
        "各位代表：\n现在，我代表省人民政府，向大会报告政府工作。\n一、2025年工作回顾\n"
        + review
        + "\n二、2026年工作安排\n继续努力。\n各位代表！\n奋斗！\n"
    )
    old: Report = reportkit.parse_text(OLD)
    new: Report = reportkit.parse_text(new_text)
    diff = reportkit.compare(old, new)
    return {f.commitment.target.text: f for f in diff.commitments if f.commitment.target is not None}


def test_a_jobs_target_beside_an_unemployment_ceiling_is_a_floor() -> None:
    jobs = _diff("城镇新增就业75.7万人，城镇调查失业率5.2%。")["68万人左右"]
    assert jobs.outcome is not None and jobs.outcome.text == "75.7万人" and jobs.met is True


def test_a_growth_rate_far_above_its_target_is_still_its_outcome() -> None:
    trade = _diff("进出口总额增长17.3%，一般公共预算收入增长2.9%。")["5.5%左右"]
    assert trade.outcome is not None and trade.outcome.text == "17.3%" and trade.met is True


def test_a_figure_of_another_scope_is_no_outcome() -> None:
    follow = _diff("扣除房地产开发投资后，固定资产投资增长2.7%。全体居民人均可支配收入增长6.1%。")
    assert follow["5%左右"].outcome is None  # investment without real estate is not investment
    rural = follow["7%左右"]
    assert rural.commitment.indicator is not None and rural.commitment.indicator.startswith("农村居民")
    assert rural.outcome is None  # all residents are not rural residents


def test_each_member_of_a_respective_target_finds_its_own_outcome() -> None:
    follow = _diff("城镇、农村居民人均可支配收入分别增长4.4%、6.6%。")
    assert follow["5%"].outcome is not None and follow["5%"].outcome.text == "4.4%"
    assert follow["7%左右"].outcome is not None and follow["7%左右"].outcome.text == "6.6%"


def test_the_start_of_a_change_is_not_its_outcome() -> None:
    urban = _diff("常住人口城镇化率从2020年的53.2%提升到2025年的57.7%。")["58%左右"]
    assert urban.outcome is not None and urban.outcome.text == "57.7%" and urban.met is True
