"""What in a plan is not a promise: the year's context, the state of the world, a glossary of terms."""

from __future__ import annotations

import re

import pytest

import reportkit
from reportkit import lang

PLAN = "二、2026年工作安排\n"


def _commitments(plan: str) -> list[str]:
    report = reportkit.parse_text("某省2025年政府工作报告\n一、2025年工作回顾\n过去一年，全省经济稳定增长。\n" + PLAN + plan)
    return [c.text for c in report.commitments]


@pytest.mark.parametrize("key", ["glossary_headings", "context_sentences"])
def test_every_word_list_entry_matches_its_own_example(key: str) -> None:
    for entry in lang.data("zh", "promises")[key]:
        assert re.match(entry["pattern"], entry["example"]), entry


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
    found = _commitments("实施城市更新行动。\n附件2 名词解释\n　　1.分线管理：货物“一线”放开、“二线”管住，人员进出高度便利。\n")
    assert any("城市更新" in c for c in found)
    assert not [c for c in found if "一线" in c or "人员进出" in c]
