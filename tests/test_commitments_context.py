"""What in a plan is not a promise: the year's context, the state of the world, a glossary of terms."""

from __future__ import annotations

import re

import pytest

import reportkit
from reportkit import lang

PLAN = "二、2026年工作安排\n"


def _commitments(plan: str) -> list[str]:
    head = "某省2025年政府工作报告\n一、2025年工作回顾\n过去一年，全省经济稳定增长。\n"
    report = reportkit.parse_text(head + PLAN + plan)
    return [c.text for c in report.commitments]


@pytest.mark.parametrize("key", ["glossary_headings", "context_sentences", "purpose_clauses"])
def test_every_word_list_entry_matches_its_own_example(key: str) -> None:
    for entry in lang.data("zh", "promises")[key]:
        assert re.match(entry["pattern"], entry["example"].split("，")[-1] if key == "purpose_clauses"
                        else entry["example"]), entry


def test_every_clause_rule_finds_its_own_example() -> None:
    for entry in lang.data("zh", "promises")["not_promise_clauses"]:
        assert re.search(entry["pattern"], entry["example"]), entry


def test_descriptions_forecasts_aspirations_and_attitudes_are_no_commitments() -> None:
    found = _commitments(
        "市政府编制了《某市发展规划纲要（草案）》，提请大会审查。"
        "这些目标统筹需要与可能，体现了稳中求进的要求。"
        "营商环境是市场经济的培育之土，要实事求是、持续优化营商环境。"
        "我们要咬定青山不放松，实施新一轮老旧小区改造。"
        "只要我们团结奋斗，就一定能够开创新局面。"
        "新建城市公园5个，为全省发展作出新的更大贡献。\n"
        "各位代表！让我们更加紧密地团结在一起，奋力谱写新篇章！\n"
    )
    assert found == ["要实事求是、持续优化营商环境", "实施新一轮老旧小区改造", "新建城市公园5个"]


def test_a_purpose_after_the_work_is_no_commitment_but_a_goal_of_its_own_is() -> None:
    found = _commitments("推广绿色低碳生产生活方式，让城市更加宜居。努力让就业更充分。\n")
    assert found == ["推广绿色低碳生产生活方式", "努力让就业更充分"]


def test_the_years_context_and_the_state_of_the_world_are_no_commitments() -> None:
    found = _commitments(
        "今年是“十五五”开局之年，也是中国共产党成立105周年。从国际看，世界经济增长动能不足，外部环境更趋复杂。"
        "我们将实施城市更新行动，推进老旧小区改造。\n"
    )
    assert not [c for c in found if "开局之年" in c or "周年" in c or "世界经济" in c or "外部环境" in c]
    assert any("实施城市更新行动" in c for c in found)


def test_a_context_sentence_with_a_target_keeps_it() -> None:
    found = _commitments("今年是关键之年，地区生产总值增长5%左右。\n")
    assert any("5%左右" in c for c in found)


def test_the_plan_stops_at_the_glossary() -> None:
    found = _commitments(
        "实施城市更新行动。\n附件2 名词解释\n　　1.分线管理：货物“一线”放开、“二线”管住，人员进出高度便利。\n")
    assert any("城市更新" in c for c in found)
    assert not [c for c in found if "一线" in c or "人员进出" in c]


def test_a_stance_of_the_government_is_no_commitment_and_its_tasks_are() -> None:
    found = _commitments(
        "我们要始终保持全面从严治党永远在路上的清醒，严格落实中央八项规定精神。"
        "牢固树立和践行正确政绩观，追求实实在在、没有水分的增长，持续推进政务服务标准化。\n"
    )
    assert found == ["严格落实中央八项规定精神", "持续推进政务服务标准化"]
