"""Outcomes and verdicts of a 政府工作报告's main targets, on sentences written for the tests."""

from __future__ import annotations

import reportkit
from reportkit.model import Report

OLD = (
    "各位代表：\n现在，我代表省人民政府，向大会报告政府工作。\n一、2024年工作回顾\n内容。\n二、2025年工作安排\n"
    "今年主要预期目标是：地区生产总值增长5.5%左右；城镇调查失业率5.5%左右，城镇新增就业68万人左右；"
    "进出口总额增长5.5%左右；固定资产投资增长5%左右；城镇、农村居民人均可支配收入分别增长5%、7%左右；"
    "常住人口城镇化率达到58%左右；粮食产量稳定在252亿斤以上。\n各位代表！\n奋斗！\n"
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


def test_a_target_in_jin_is_met_by_an_outcome_in_tons() -> None:
    grain = _diff("粮食总产量突破1300万吨，创历史新高。")["252亿斤以上"]
    assert grain.outcome is not None and grain.outcome.text.startswith("1300万吨") and grain.met is True


def test_each_metric_records_its_frame_and_measure() -> None:
    r = reportkit.parse_text(
        "一、回顾\n这五年，城镇新增就业累计6000万人。\n2025年，新增高新技术企业3200家，总数从1.2万家增加到1.5万家。\n"
    )
    frames = {m.text: (m.frame, m.measure) for m in r.metrics}
    assert frames["6000万人"][0] == "period"
    assert frames["3200家"] == ("year", "flow")
    assert frames["1.2万家"][0] == "start"


def test_a_five_year_figure_is_no_outcome_of_the_year() -> None:
    jobs = _diff("这五年，城镇新增就业累计360万人。")["68万人左右"]
    assert jobs.outcome is None


def test_a_fall_is_negative_against_a_growth_target_and_the_size_of_a_cut() -> None:
    from decimal import Decimal

    from reportkit.comparison.followthrough.outcomes import _judged_value

    r = reportkit.parse_text(
        "一、回顾\n进出口总额下降3.3%，能耗降低2%。\n二、2025年工作安排\n进出口增长3%左右；能耗降低2.5%左右。\n"
    )
    fall = next(m for m in r.metrics if m.text == "3.3%")
    growth = next(c.target for c in r.commitments if c.target is not None and c.target.text == "3%左右")
    cut = next(c.target for c in r.commitments if c.target is not None and c.target.text == "2.5%左右")
    assert _judged_value(growth, fall) == Decimal("-3.3")
    assert _judged_value(cut, fall) == Decimal("3.3")
