"""Metric extraction on short Chinese texts: what is a fact, and what the words around it say."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportkit.model import Direction, Metric, MetricKind, Part, PartKind, Qualifier, Report, ReportMeta
from reportkit.parse.metrics.extract import extract_metrics


def metrics(text: str, **report_fields: object) -> tuple[Metric, ...]:
    return extract_metrics(Report(meta=ReportMeta(), text=text, **report_fields))  # type: ignore[arg-type]


def only(text: str) -> Metric:
    found = metrics(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def texts(text: str) -> list[str]:
    return [m.text for m in metrics(text)]


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "unit"),
    [
        ("全区共受理法律援助案件1789项。", "1789项", "1789", "项"),
        ("“一网通办”办件率达97.68%。", "97.68%", "97.68", "%"),
        ("开展企业法治体检2000余次。", "2000余次", "2000", "次"),
        ("覆盖群众40万余名。", "40万余名", "400000", "名"),
        ("全年实现财政收入1.3万亿元。", "1.3万亿元", "1300000000000", "元"),
        ("居民储蓄存款新增4万多亿元。", "4万多亿元", "4000000000000", "元"),  # 万…亿 split by 多
        ("发行债券2千多亿元。", "2千多亿元", "200000000000", "元"),
        ("惠及3百多万人。", "3百多万人", "3000000", "人"),
        ("培训2千多人。", "2千多人", "2000", "人"),
        ("人口1亿多万人。", "1亿多", "100000000", ""),  # 亿…万 is no scale: the 万 is not read into it
        ("提供法律咨询2162人次。", "2162人次", "2162", "人次"),
        ("城镇登记失业率控制在4.5%以内。", "4.5%以内", "4.5", "%"),
        ("举办三期专题培训班。", "三期", "3", "期"),
        ("市政府常务会议两次听取报告。", "两次", "2", "次"),
        ("城区五街道已办理案件。", "五街道", "5", "街道"),
        ("专项转移支付项目减少三分之一。", "三分之一", "0.333333", "fraction"),
        ("至少具有1 名法学本科人员。", "1 名", "1", "名"),
        ("培训一百名法律明白人。", "一百名", "100", "名"),
        ("开展宣讲百余次。", "百余次", "100", "次"),
        ("预期寿命提高1岁。", "1岁", "1", "岁"),
        ("时间由改革前的21个工作日减少为2个工作日。", "21个工作日", "21", "工作日"),
    ],
)
def test_number_and_unit_are_read_as_written(sentence: str, surface: str, value: str, unit: str) -> None:
    m = metrics(sentence)[0]
    assert (m.text, m.value, m.unit) == (surface, Decimal(value), unit)
    assert sentence[m.start : m.end] == m.text


def test_money_keeps_the_unit_as_written_in_surface_unit() -> None:
    m = only("审查标的金额100万元以上备案合同。")
    assert (m.value, m.unit, m.surface_unit, m.kind) == (Decimal(1_000_000), "元", "万元", MetricKind.MONEY)
    assert m.qualifier is Qualifier.APPROX_OVER


def test_compound_counts_split_into_one_fact_per_number() -> None:
    assert texts("形成辐射7省14地的政务服务网络,组织68家单位78人次述法。") == [
        "7省",
        "14地",
        "68家",
        "78人次",
    ]


def test_scaled_whole_numbers_have_no_trailing_decimals() -> None:
    assert str(only("参与群众4.4万名。").value) == "44000"
    assert str(only("实现收入1.3万亿元。").value) == "1300000000000"


def test_scores_count_after_arabic_numbers_only() -> None:
    assert texts("群众满意度达96.5分,十分重要。") == ["96.5分"]


def test_a_number_raised_from_one_level_to_another_keeps_its_label() -> None:
    old, new = metrics("复议纠错率从上年的12%下降到8.5%。")
    assert old.label == new.label == "复议纠错率"
    assert new.kind is MetricKind.RATE


def test_numbers_listed_before_one_unit_share_it() -> None:
    found = metrics("增速分别高4.2和0.7个百分点。")
    assert [(m.text, m.unit) for m in found] == [("4.2", "个百分点"), ("0.7个百分点", "个百分点")]


def test_a_scale_word_alone_is_unit_enough() -> None:
    m = only("今年再解决6000万农村人口的饮水问题。")
    assert (m.text, m.value, m.unit) == ("6000万", Decimal(60_000_000), "")


def test_ranges_keep_low_and_high() -> None:
    m = only("国内生产总值增速6.5%－7%。")
    assert (m.value, m.value_high, m.qualifier, m.text) == (
        Decimal("6.5"),
        Decimal(7),
        Qualifier.RANGE,
        "6.5%－7%",
    )


@pytest.mark.parametrize(
    ("sentence", "qualifier", "word"),
    [
        ("参与人数超万人。", Qualifier.APPROX_OVER, "超"),
        ("开展活动近20次。", Qualifier.APPROX, "近"),
        ("出境旅游约1亿人次。", Qualifier.APPROX, "约"),
        ("每个乡镇至少具有1名专职人员。", Qualifier.AT_LEAST, "至少"),
        ("每年培训不少于40学时。", Qualifier.AT_LEAST, "不少于"),
        ("赤字率不超过3%。", Qualifier.AT_MOST, "不超过"),
    ],
)
def test_prefix_hedges_set_the_qualifier_and_stay_outside_the_text(
    sentence: str, qualifier: Qualifier, word: str
) -> None:
    m = only(sentence)
    assert (m.qualifier, m.qualifier_word) == (qualifier, word)
    assert word not in m.text


def test_recent_years_are_not_a_hedge() -> None:
    m = only("近三年淘汰落后产能。")
    assert (m.qualifier, m.qualifier_word) == (Qualifier.EXACT, None)


def test_adjacent_suffix_wins_over_a_preceding_word() -> None:
    m = only("居民消费价格涨幅控制在约3.5%左右。")
    assert m.qualifier is Qualifier.APPROX and m.text == "3.5%左右"


def test_goal_verbs_make_unhedged_numbers_targets() -> None:
    m = only("力争全年新增就业1000人。")
    assert m.qualifier is Qualifier.TARGET and m.is_target
    hedged = only("力争每个乡镇至少具有1名法学人员。")
    assert hedged.qualifier is Qualifier.AT_LEAST and hedged.is_target


def test_numbers_in_the_plan_part_are_targets() -> None:
    text = "一、成效\n办理案件5件。\n二、计划\n办理案件8件。"
    plan = Part(kind=PartKind.PLAN, start=text.index("二、"), end=len(text))
    found = metrics(text, parts=(plan,))
    assert [m.is_target for m in found] == [False, True]


def test_stated_change_points_at_the_fact_it_describes() -> None:
    count, change = metrics("全区新发行政诉讼案件53件,较去年同期下降27.4%,无败诉案件。")
    assert change.kind is MetricKind.CHANGE
    assert (change.direction, change.baseline, change.refers_to) == (Direction.DOWN, "去年同期", count.id)
    assert count.kind is MetricKind.COUNT


@pytest.mark.parametrize(
    ("sentence", "direction", "baseline"),
    [
        ("粮食产量同比增长12%。", Direction.UP, "上年同期"),
        ("投资比上年增加1500亿元。", Direction.UP, "上年"),
        ("单位能耗下降3个百分点。", Direction.DOWN, None),
        ("综合考评较去年前移16位。", Direction.UP, "去年"),
    ],
)
def test_stated_changes_get_direction_and_baseline(
    sentence: str, direction: Direction, baseline: str
) -> None:
    m = only(sentence)
    assert (m.kind, m.direction, m.baseline) == (MetricKind.CHANGE, direction, baseline)


def test_a_level_reached_is_not_a_change() -> None:
    before, after = metrics("时间由改革前的21个工作日减少为2个工作日。")
    assert before.kind is MetricKind.COUNT and after.kind is MetricKind.COUNT


def test_a_change_with_its_own_subject_does_not_refer_to_the_previous_fact() -> None:
    found = metrics("设立企业时间减少为2个工作日,投资项目审批时间平均减少72%。")
    assert found[-1].kind is MetricKind.CHANGE and found[-1].refers_to is None


def test_a_repeated_mention_links_to_the_first() -> None:
    first, again = metrics("与北京市朝阳区等11地签订协议,并在该11地设立服务网点。")
    assert again.same_fact_as == first.id and first.same_fact_as is None


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年,莲都区政府坚持依法行政。",
        "以《法治政府建设实施纲要(2021-2025年)》为主线。",
        "横街镇被评为第二批全国乡村治理示范乡镇,位列全国第81位。",
        "成文日期 2023-02-01,2019年1月7日审议通过,3月29日印发。",
        "依据赣发〔2021〕23号文件。",
        "构建“1612”体系和“6+1+1”架构,推进“1+6”改革。",
        "深入开展“八进”活动,落实“三项制度”,推行“双公示”。",
        "学习党的十九大和十九届二中、三中全会精神,“十四五”开局。",
        "统一部署,进一步加强,一把手,一盘棋,之一,一体化。",
        "坚持“四个全面”,做到“两个维护”,落实八项规定精神。",
        "全市第二,首家,第一责任人,跃居前3名。",
        "保障千家万户,重要零部件进口,破除城乡二元结构。",
        "实行“三统一”管理。",
        "列入“一本账S1”目录,PM2.5浓度下降。",
        "在区十届人大三次会议上作报告。",
        "统一社会信用代码91331100123456789X号,身份证号330102199001011234人。",
    ],
)
def test_years_dates_ordinals_codes_and_slogans_are_not_metrics(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_quoted_count_counts_when_its_members_are_listed() -> None:
    m = only("实现巡察部署、了解、反馈、整改“四统一”。")
    assert (m.text, m.value, m.unit, m.numeral) == ("四统一", Decimal(4), "统一", "chinese")
    assert m.label == "“四统一”"
    assert texts("实现巡察部署、了解、反馈“四统一”。") == []  # three listed, four claimed


def test_a_number_cut_off_by_the_end_of_the_text_is_kept_without_unit() -> None:
    m = metrics("区级取消政务服务事项18项、申请材料525\n")[-1]
    assert (m.text, m.unit, m.value) == ("525", "", Decimal(525))


def test_a_year_cut_off_at_the_end_is_still_a_year() -> None:
    assert texts("行稳致远。2025\n") == []


def test_ids_run_in_text_order_and_sections_come_from_the_report() -> None:
    from reportkit.model import Section

    text = "一、成效\n办理5件,调解7件。"
    sec = Section(
        level=1, marker="一、", title="成效", start=0, end=len(text), title_start=2, title_end=4, path="一"
    )
    found = metrics(text, sections=(sec,))
    assert [m.id for m in found] == ["m001", "m002"]
    assert {m.section for m in found} == {"一"}


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("全年共受理法律援助案件402件。", "受理法律援助案件"),
        ("“一网通办”办件率达97.68%。", "“一网通办”办件率"),
        ("2023年,全区共承办行政复议案件70件。", "承办行政复议案件"),
        ("对9份重大行政合同进行合法性审查。", "重大行政合同"),
        # partners named as examples (or not at all): the label is what was done with them
        ("同时,与四川省泸州市叙永县、北京市朝阳区等11地签订“跨省通办”合作协议。", "签订“跨省通办”合作协议"),
        ("2023年,累计与16地签订“跨省通办”合作协议。", "签订“跨省通办”合作协议"),
        # a 、 inside brackets lists inside a name, it does not start a clause
        ("全年举办法治讲座(培训、报告会)3530余场。", "举办法治讲座(培训、报告会)"),
        ("梳理行政执法事项3大类。", "梳理行政执法事项"),
        ("开展联合检查,检查车辆500台次。", "检查车辆"),
    ],
)
def test_labels_are_the_noun_phrase_nearest_the_number(sentence: str, label: str) -> None:
    assert metrics(sentence)[0].label == label


def test_labels_are_stable_across_small_rewordings() -> None:
    a = metrics("2022年,全区共受理法律援助案件402件。")[0].label
    b = metrics("全年累计受理法律援助案件451件。")[0].label
    assert a == b


def test_the_stage_fills_report_metrics_through_the_pipeline() -> None:
    from reportkit.api import parse_text

    report = parse_text("全区共办理行政处罚案件2006件,省统一行政处罚办案系统应用率99.1%。")
    assert [m.text for m in report.metrics] == ["2006件", "99.1%"]
    assert [m.kind for m in report.metrics] == [MetricKind.COUNT, MetricKind.RATE]
