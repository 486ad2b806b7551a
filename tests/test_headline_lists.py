"""The headline lists of a comparison (render/_view.py): results only, each entry a figure with a name, and
pairs that keep two scopes of residents apart — on sentences written for these tests."""

from __future__ import annotations

import re

import reportkit
from reportkit import lang
from reportkit.comparison.outcome_scope import recap_spans
from reportkit.comparison.pair_confidence import resident_scope
from reportkit.comparison.records import FollowStatus, MetricPair, MetricStatus
from reportkit.render import _view

OLD = (
    "一、2024年工作回顾\n"
    "过去一年，城镇新增就业120万人，城镇居民人均可支配收入实际增长7%，农村居民人均可支配收入实际增长9%。\n"
    "实现巡察部署、了解、反馈、整改“四统一”。经营主体净增98万户、突破1900万户。建成美丽庭院3000户。\n"
    "二、2025年工作安排\n"
    "开展执法培训不少于4次。\n"
    "附件1\n2025年十件民生实事\n"
    "一、开发储备超5000个公益性岗位。\n"
)
NEW = (
    "一、2025年工作回顾\n"
    "过去一年，城镇新增就业125万人，全国居民人均可支配收入实际增长8%，农村居民人均可支配收入实际增长9.2%。\n"
    "建成美丽庭院3200户。\n"
    "二、2026年工作安排\n"
    "附件1\n2026年十件民生实事\n"
    "一、开发储备超8000个公益性岗位。推动超5个县开展幸福河湖建设。\n"
)


def _diff() -> reportkit.ReportDiff:
    return reportkit.compare(reportkit.parse_text(OLD), reportkit.parse_text(NEW))


def test_a_figure_of_the_plans_appendix_is_a_plan_and_no_headline() -> None:
    diff = _diff()
    top = {(p.old.text, p.new.text) for p in _view.largest_changes(diff) if p.old and p.new}
    assert ("120万人", "125万人") in top
    assert ("5000个", "8000个") not in top  # next year's project list against last year's: a change of plan
    paired = {(p.old.text, p.new.text) for p in diff.metrics if p.old and p.new}
    assert not [k for k in paired if k[1] == "5个"]  # a review's figure pairs with no figure of the appendix


def test_the_dropped_list_holds_results_with_a_name_only() -> None:
    gone = [p.old.text for p in _view.dropped(_diff()) if p.old is not None]
    assert "4次" not in gone  # a plan's figure: follow-through says what became of it
    assert "四统一" not in gone  # a name, not a measure
    assert "1900万户" not in gone  # its name is the parser's fallback (户): nothing a reader could quote


def test_a_part_of_the_residents_never_pairs_with_all_of_them() -> None:
    pairs = {(p.old.text, p.new.text): p for p in _diff().metrics if p.old and p.new}
    assert pairs[("9%", "9.2%")].status is MetricStatus.UP  # 农村居民 with 农村居民
    seven = [p for k, p in pairs.items() if k[0] == "7%"]
    assert all(p.status is MetricStatus.NOT_COMPARABLE for p in seven)  # 城镇居民 against 全国居民


def test_resident_scopes_read_from_the_name() -> None:
    assert resident_scope("城镇常住居民人均可支配收入") == resident_scope("城镇居民人均可支配收入") != ""
    assert resident_scope("居民人均可支配收入") == resident_scope("全国居民人均可支配收入") == "all"
    assert resident_scope("农村居民人均纯收入") not in ("", "all", resident_scope("城镇居民人均可支配收入"))
    assert resident_scope("城镇新增就业") == ""


def test_every_new_word_list_entry_matches_its_example() -> None:
    for key in ("residents", "resident_parts", "recap_openings", "recap_ends"):
        for entry in lang.data("zh", "indicators")[key]:
            assert re.search(entry.get("pattern") or re.escape(entry["word"]), entry["example"]), entry


def test_a_number_inside_a_quoted_name_is_no_indicator() -> None:
    entry = next(e for e in lang.data("zh", "pairs")["not_an_indicator"] if "四统一" in e["example"])
    assert re.search(entry["pattern"], entry["example"].replace("四统一", "#统一"))


RECAP_OLD = (
    "一、2024年工作回顾\n城镇新增就业120万人，国内生产总值增长5.2%。\n二、2025年工作安排\n居民消费价格涨幅3%左右。\n"
)
RECAP_NEW = (
    "一、2025年工作回顾\n城镇新增就业125万人。\n"
    "二、2026年工作安排\n"
    "过去一年，我们的工作取得了成绩。国内生产总值增长5.1%，居民消费价格涨幅控制在3.3%。\n"
    "今年，居民消费价格涨幅2%左右。\n"
)


def test_a_look_back_at_the_top_of_the_plan_is_read_as_last_years_outcomes() -> None:
    new = reportkit.parse_text(RECAP_NEW)
    (start, end), = recap_spans(new)
    assert new.text[start:end].startswith("过去一年") and "3.3%" in new.text[start:end]
    assert "2%左右" not in new.text[start:end]  # this year's plan again
    diff = reportkit.compare(reportkit.parse_text(RECAP_OLD), new)
    cpi = next(f for f in diff.commitments if "居民消费价格" in f.commitment.text)
    assert cpi.status is not FollowStatus.NOT_FOUND
    paired = {(p.old.text, p.new.text) for p in diff.metrics if p.old and p.new}
    assert ("5.2%", "5.1%") in paired  # last year's figure, said again in the look back


def test_two_streaks_of_years_are_not_one_streak_a_year_on() -> None:
    pairs = _pairs_of(
        "一、2024年工作回顾\n进出口总量连续39年居全国首位。区域创新能力连续8年全国第一。\n",
        "一、2025年工作回顾\n生产总值总量连续37年居全国首位。区域创新能力连续9年全国第一。\n",
    )
    assert pairs[("8年", "9年")].status is MetricStatus.UP  # the same streak, one year on
    assert pairs[("39年", "37年")].status is MetricStatus.NOT_COMPARABLE


def _pairs_of(old: str, new: str) -> dict[tuple[str, str], MetricPair]:
    diff = reportkit.compare(reportkit.parse_text(old), reportkit.parse_text(new))
    return {(p.old.text, p.new.text): p for p in diff.metrics if p.old is not None and p.new is not None}
