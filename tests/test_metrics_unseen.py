"""Failures first seen on reports outside ../shared, each reproduced with a short invented sentence.

Every case names a general shape (a unit, a spacing habit, a hedge word, a label pattern), never the
wording of one report.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportkit.model import Direction, Metric, MetricKind, Qualifier, Report, ReportMeta
from reportkit.parse.metrics.extract import extract_metrics


def metrics(text: str) -> tuple[Metric, ...]:
    return extract_metrics(Report(meta=ReportMeta(), text=text))


def only(text: str) -> Metric:
    found = metrics(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "surface", "unit"),
    [
        ("全省蔬菜产量2.4万亿斤以上。", "2.4万亿斤以上", "斤"),
        ("人均用水120升。", "120升", "升"),
        ("收缴违禁物品35公斤。", "35公斤", "公斤"),
    ],
)
def test_weights_and_volumes_are_units(sentence: str, surface: str, unit: str) -> None:
    m = only(sentence)
    assert (m.text, m.unit) == (surface, unit)


def test_grain_above_a_level_is_approx_over() -> None:
    assert only("果品产量保持在3.5万亿斤以上。").qualifier is Qualifier.APPROX_OVER


def test_space_before_the_scale_word_keeps_the_number() -> None:
    m = only("全市生产总值达到 56.7 万亿元。")
    assert (m.text, m.unit, m.kind) == ("56.7 万亿元", "元", MetricKind.MONEY)
    assert m.value == Decimal(56700000000000)


def test_space_after_a_change_verb_still_states_a_change() -> None:
    m = metrics("地区生产总值达到 860 亿元、增长 6%。")[-1]
    assert (m.kind, m.direction) == (MetricKind.CHANGE, Direction.UP)


def test_population_noun_is_not_cut_after_the_measure_word() -> None:
    m = only("全省近3亿人口的饮水问题得到解决。")
    assert (m.text, m.unit, m.qualifier) == ("3亿人口", "人口", Qualifier.APPROX)
    assert m.label == "人口"


def test_ministries_are_counted_as_one_noun() -> None:
    m = only("省发改委等四部委联合发文。")
    assert (m.text, m.unit, m.value) == ("四部委", "部委", Decimal(4))


def test_breaking_through_a_level_is_approx_over() -> None:
    m = only("全镇集体收入突破900万元。")
    assert m.qualifier is Qualifier.APPROX_OVER and m.qualifier_word == "突破"


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("全年物价涨幅2%左右。", Direction.UP),
        ("各县税收增幅均超过8%。", Direction.UP),
        ("事故起数降幅达12%。", Direction.DOWN),
    ],
)
def test_a_rate_of_change_noun_states_a_change(sentence: str, direction: Direction) -> None:
    m = only(sentence)
    assert (m.kind, m.direction) == (MetricKind.CHANGE, direction)
    assert not m.label.endswith(("涨幅增幅", "增幅增幅", "降幅降幅"))


def test_a_rate_noun_without_a_percentage_is_not_a_change() -> None:
    assert only("涨幅榜上有15家企业。").kind is MetricKind.COUNT


def test_goal_noun_before_a_change_verb_marks_a_target() -> None:
    m = only("全县财政收入预期目标增长7%以上。")
    assert m.is_target and m.qualifier is Qualifier.APPROX_OVER


def test_a_planned_figure_is_a_target() -> None:
    m = only("今年专项债务拟安排800亿元。")
    assert m.is_target and m.qualifier is Qualifier.TARGET
    assert not m.label.endswith("拟")


def test_a_drafted_document_is_not_a_plan() -> None:
    assert not only("拟定了管理办法5项。").is_target


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("城镇登记失业率平均为4.1%。", "城镇登记失业率"),
        ("年末城镇登记失业率降到3.9%。", "城镇登记失业率"),
        ("森林覆盖率上升到45%。", "森林覆盖率"),
        ("赤字率拟按2.9%安排。", "赤字率"),
        ("将1.5万亿元地方专项资金纳入直达机制。", "地方专项资金"),
        ("全区12家公共文化服务中心提供讲座。", "公共文化服务中心"),
        ("出台《林长制实施办法》和4个配套细则。", "配套细则"),
    ],
)
def test_labels_drop_time_words_verbs_and_titles_before_the_noun(sentence: str, label: str) -> None:
    assert only(sentence).label == label


def test_a_title_right_before_the_number_is_what_is_counted() -> None:
    assert only("制发《整改通知书》7份。").label == "制发《整改通知书》"


def test_a_counted_slogan_keeps_the_noun_without_its_classifier() -> None:
    m = only("推进放权、减证、提速“三大改革任务”。")
    assert (m.value, m.unit) == (Decimal(3), "改革任务")


def test_drafted_and_simulated_are_not_goal_verbs() -> None:
    assert not only("开展模拟演练6次。").is_target


@pytest.mark.parametrize(
    "sentence",
    ["过去五年,全市新建学校30所。", "改革开放40多年来,全县新增企业500家。", "今后五年,新增绿地200公顷。"],
)
def test_a_span_of_years_framing_the_report_is_not_a_fact(sentence: str) -> None:
    assert only(sentence).unit != "年"


def test_a_duration_that_is_the_fact_is_kept() -> None:
    assert only("将土地承包期再延长三年。").unit == "年"


@pytest.mark.parametrize(("sentence", "word"), [("上亿人喜迁新居。", "上"), ("参与群众过万人。", "过")])
def test_reaching_a_bare_scale_word_is_approx_over(sentence: str, word: str) -> None:
    m = only(sentence)
    assert (m.qualifier, m.qualifier_word) == (Qualifier.APPROX_OVER, word)


def test_the_word_above_does_not_hedge_an_ordinary_number() -> None:
    assert only("线上办理3000件。").qualifier is Qualifier.EXACT


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [("全省乡镇数为1 208个。", "1 208个", 1208), ("常住人口为12 345 678人。", "12 345 678人", 12345678)],
)
def test_groups_of_three_digits_separated_by_spaces_are_one_number(
    sentence: str, surface: str, value: int
) -> None:
    m = only(sentence)
    assert (m.text, m.value) == (surface, Decimal(value))


def test_a_year_then_a_count_are_not_joined_by_the_space_rule() -> None:
    assert [m.text for m in metrics("截至2023 年底,建成驿站125个。")] == ["125个"]
