"""A ceiling is a fact of the commitment, set by the parser and read by follow-through (no second look at the text)."""

from __future__ import annotations

from reportkit.api import parse_text
from reportkit.comparison.followthrough.numeric import favourable
from reportkit.model import Direction

_PLAN = (
    "一、2024年工作回顾\n全年地区生产总值增长5.2%。\n二、2025年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇新增就业68万人以上，"
    "城镇调查失业率5.5%左右；居民消费价格涨幅2%左右；单位地区生产总值能耗降低2.5%左右。\n"
)


def _targets() -> dict[str, bool]:
    report = parse_text(_PLAN)
    return {c.target.text: c.ceiling for c in report.commitments if c.target is not None}


def test_rates_held_down_are_ceilings_and_growth_and_cuts_are_not() -> None:
    found = _targets()
    assert found["5.5%左右"] and found["2%左右"]  # 失业率, 涨幅: met at or below
    assert not found["5%左右"] and not found["68万人以上"]
    assert not found["2.5%左右"]  # a cut: more of the promised fall is still met


def test_the_clause_before_is_not_read() -> None:
    # 失业率 stands in the clause before 城镇新增就业: the job target is no ceiling
    assert _targets()["68万人以上"] is False


def test_follow_through_reads_the_field() -> None:
    report = parse_text(_PLAN)
    by_text = {c.target.text: c for c in report.commitments if c.target is not None}
    assert favourable(by_text["5.5%左右"]) is Direction.DOWN
    assert favourable(by_text["5%左右"]) is Direction.UP
