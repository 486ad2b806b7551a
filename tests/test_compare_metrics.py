"""Metric pairing, stated changes and commitment follow-through on small invented report pairs."""

from __future__ import annotations

from decimal import Decimal

import pytest

import reportkit
from reportkit.comparison.followthrough import judge
from reportkit.comparison.records import FollowStatus, FollowThrough, MetricStatus, Note, note_text
from reportkit.comparison.stated import implied_prior
from reportkit.model import Direction, Metric, MetricKind, Qualifier

OLD = """某市人民政府关于2022年度法治政府建设情况的报告
一、2022年主要工作
（一）加强学习。全年学法5次，研究法治议题3个。受理行政复议案件73件。办理人大代表建议20余件。
（二）执法监督。开展专项督察5次。
二、2023年工作打算
（一）全年组织学法6次以上。
（二）行政复议案件纠错率控制在5%以内。
"""
NEW = """某市人民政府关于2023年度法治政府建设情况的报告
一、2023年主要工作
（一）加强学习。全年学法7次，研究法治议题4个。受理行政复议案件53件，较去年同期下降27.4%。办理人大代表建议近20件。
（二）执法监督。行政复议案件纠错率为8%。全年组织学法7次。
二、2024年工作打算
（一）全年组织学法8次以上。
"""


@pytest.fixture(scope="module")
def diff():  # type: ignore[no-untyped-def]
    return reportkit.compare(reportkit.parse_text(OLD), reportkit.parse_text(NEW))


def _by_old(diff, text):  # type: ignore[no-untyped-def]
    return next(p for p in diff.metrics if p.old is not None and p.old.text == text)


def test_metrics_pair_by_indicator_with_change_and_percentage(diff) -> None:  # type: ignore[no-untyped-def]
    p = _by_old(diff, "73件")
    assert p.status is MetricStatus.DOWN and p.new.text == "53件"
    assert p.delta == Decimal(-20) and p.pct_change == Decimal("-27.40")
    assert _by_old(diff, "3个").status is MetricStatus.UP


def test_qualifiers_are_kept_in_the_note(diff) -> None:  # type: ignore[no-untyped-def]
    p = _by_old(diff, "20余件")
    assert p.new is not None and p.new.text == "20件"
    assert [n.code for n in p.notes] == ["qualifiers_differ"] and p.notes[0].args == ("approx_over", "approx")


def test_a_metric_silent_this_year_is_dropped(diff) -> None:  # type: ignore[no-untyped-def]
    dropped = [p.old.text for p in diff.metrics if p.status is MetricStatus.DROPPED]
    assert dropped == ["5次"] or "5次" in dropped
    assert any(p.status is MetricStatus.NEW and p.new.text == "27.4%" for p in diff.metrics)


def test_every_metric_of_both_years_appears_once(diff) -> None:  # type: ignore[no-untyped-def]
    olds = sorted(p.old.start for p in diff.metrics if p.old is not None)
    news = sorted(p.new.start for p in diff.metrics if p.new is not None)
    assert olds == sorted(m.start for m in diff.old.metrics if not m.same_fact_as)
    assert news == sorted(m.start for m in diff.new.metrics if not m.same_fact_as)


def test_different_units_of_one_indicator_are_not_comparable() -> None:
    old = reportkit.parse_text("一、工作情况\n全市法律援助经费支出120万元。\n")
    new = reportkit.parse_text("一、工作情况\n全市法律援助经费支出增长12%。\n")
    (pair,) = [p for p in reportkit.compare(old, new).metrics if p.old and p.new] or [None]
    assert pair is None or pair.status is MetricStatus.NOT_COMPARABLE


def test_stated_change_agrees_with_last_years_value(diff) -> None:  # type: ignore[no-untyped-def]
    (sc,) = diff.stated_changes
    assert sc.metric is not None and sc.metric.text == "53件"
    assert sc.prior is not None and sc.prior.text == "73件"
    assert sc.consistent is True and sc.implied_prior == Decimal("73.00")


def test_stated_change_that_disagrees_is_flagged() -> None:
    old = reportkit.parse_text("一、工作情况\n受理行政复议案件90件。\n")
    new = reportkit.parse_text("一、工作情况\n受理行政复议案件53件，较去年同期下降27.4%。\n")
    (sc,) = reportkit.compare(old, new).stated_changes
    assert sc.consistent is False and sc.actual_change == Decimal("-41.11")


def test_growth_in_real_terms_is_not_checked_against_a_nominal_value() -> None:
    old = reportkit.parse_text("一、工作回顾\n地区生产总值达到560亿元。进出口总额100亿元。\n")
    new = reportkit.parse_text(
        "一、工作回顾\n地区生产总值达到610亿元，比上年增长6.5%。进出口总额110亿元，比上年增长30%。\n"
    )
    by_metric = {c.metric.text: c for c in reportkit.compare(old, new).stated_changes}
    gdp, trade = by_metric["610亿元"], by_metric["110亿元"]
    # 560 × 1.065 is 596, not 610: prices rose, and real growth leaves them out
    assert gdp.consistent is None and gdp.implied_prior is None and [n.code for n in gdp.notes] == ["real_terms"]
    assert gdp.actual_change == Decimal("8.93")
    assert trade.consistent is False and trade.notes == ()  # a nominal figure checks a nominal change


def test_real_terms_are_read_where_they_are_said_and_not_from_a_neighbour() -> None:
    old = reportkit.parse_text("一、工作回顾\n财政收入400亿元。万元地区生产总值能耗0.60吨标准煤。\n")
    new = reportkit.parse_text(
        "一、工作回顾\n居民收入实际增长5%，财政收入500亿元，比上年增长8%。"
        "万元地区生产总值能耗0.50吨标准煤，比上年下降5%。\n"
    )
    by_metric = {c.metric.text: c for c in reportkit.compare(old, new).stated_changes}
    # a nominal figure beside a real-terms one, and energy per unit of output, are checked as usual
    assert [(t, by_metric[t].consistent, by_metric[t].notes) for t in ("500亿元", "0.50吨")] == [
        ("500亿元", False, ()), ("0.50吨", False, ())
    ]


def test_unknown_prior_still_gives_the_implied_value() -> None:
    old = reportkit.parse_text("一、工作情况\n开展普法活动12场。\n")
    new = reportkit.parse_text("一、工作情况\n受理行政复议案件53件，较去年同期下降27.4%。\n")
    (sc,) = reportkit.compare(old, new).stated_changes
    assert sc.consistent is None and sc.implied_prior == Decimal("73.00")


def _metric(value: str, q: Qualifier, high: str | None = None) -> Metric:
    return Metric(
        "t", value, 0, 1, Decimal(value), "%", q, MetricKind.RATE, value_high=Decimal(high) if high else None
    )


@pytest.mark.parametrize(
    "value, q, high, outcome, direction, met",
    [
        ("7.5", Qualifier.APPROX, None, "7.4", Direction.UP, True),  # within 5 % below 左右
        ("7.5", Qualifier.APPROX, None, "7.0", Direction.UP, False),
        ("3.5", Qualifier.APPROX, None, "2", Direction.DOWN, True),  # a ceiling: below is fine
        ("13", Qualifier.APPROX, None, "11.3", Direction.NEUTRAL, False),  # neutral 左右: ±5 %
        ("1000", Qualifier.AT_LEAST, None, "1322", None, True),
        ("4.5", Qualifier.AT_MOST, None, "4.02", Direction.DOWN, True),
        ("4.5", Qualifier.AT_MOST, None, "4.6", Direction.DOWN, False),
        ("6.5", Qualifier.RANGE, "7", "6.7", Direction.UP, True),
        ("6.5", Qualifier.RANGE, "7", "7.2", Direction.UP, False),
        ("20", Qualifier.EXACT, None, "23", Direction.UP, True),
        ("20", Qualifier.EXACT, None, "19", Direction.UP, False),
    ],
)
def test_numeric_targets_are_judged_by_their_qualifier(value, q, high, outcome, direction, met) -> None:  # type: ignore[no-untyped-def]
    assert judge(_metric(value, q, high), Decimal(outcome), direction) is met


def test_implied_prior_of_a_percentage_fall() -> None:
    change = Metric(
        "c", "27.4%", 0, 1, Decimal("27.4"), "%", kind=MetricKind.CHANGE, direction=Direction.DOWN
    )
    assert round(implied_prior(Decimal(53), change)) == 73  # type: ignore[arg-type]


PLAN_OLD = """某市2022年度法治政府建设情况的报告
一、2022年主要工作
全年学法5次。
二、2023年工作打算
（一）全年组织集体学法6次以上。
（二）行政复议案件纠错率控制在5%以内。
（三）深入推进数字政府建设。
（四）新建法治文化公园10个。
"""
PLAN_NEW = """某市2023年度法治政府建设情况的报告
一、2023年主要工作
全年组织集体学法8次。行政复议案件纠错率为8%。数字政府建设深入推进，一网通办全面上线。
二、存在的问题
法治宣传形式单一。
三、2024年工作打算
（一）全年组织集体学法10次以上。
"""


@pytest.fixture(scope="module")
def follow():  # type: ignore[no-untyped-def]
    d = reportkit.compare(reportkit.parse_text(PLAN_OLD), reportkit.parse_text(PLAN_NEW))
    return {f.commitment.text: f for f in d.commitments}


def _find(follow, words):  # type: ignore[no-untyped-def]
    return next(f for t, f in follow.items() if words in t)


def test_target_met_when_outcome_clears_it(follow) -> None:  # type: ignore[no-untyped-def]
    f = _find(follow, "集体学法")
    assert f.status is FollowStatus.MET and f.outcome is not None and f.outcome.text == "8次"


def test_target_missed_when_outcome_breaks_the_ceiling(follow) -> None:  # type: ignore[no-untyped-def]
    f = _find(follow, "纠错率")
    assert f.status is FollowStatus.MISSED and f.met is False


def test_commitment_without_number_is_addressed_by_evidence(follow) -> None:  # type: ignore[no-untyped-def]
    f = _find(follow, "数字政府")
    assert f.status is FollowStatus.ADDRESSED and f.evidence


def test_commitment_absent_from_the_review_is_not_found(follow) -> None:  # type: ignore[no-untyped-def]
    f = _find(follow, "法治文化公园")
    assert f.status is FollowStatus.NOT_FOUND and f.outcome is None


def test_compare_is_callable_as_reportkit_compare_even_after_importing_the_records() -> None:
    import reportkit.comparison.records  # the subpackage must not shadow the function

    d = reportkit.compare(reportkit.parse_text(OLD), reportkit.parse_text(NEW))
    assert isinstance(d, reportkit.ReportDiff)


def test_report_and_paired_sections_carry_change_scores(diff) -> None:  # type: ignore[no-untyped-def]
    s = diff.scores
    assert s is not None and all(0.0 < v < 1.0 for v in (s.cosine, s.jaccard, s.edit, s.reuse))
    paired = [p for p in diff.sections if p.old is not None and p.new is not None]
    assert paired and all(p.scores is not None for p in paired)
    assert all(p.scores is None for p in diff.sections if p.old is None or p.new is None)


def test_diff_json_has_the_shape_score_diff_reads(diff) -> None:  # type: ignore[no-untyped-def]
    import json

    data = json.loads(diff.to_json())
    m = next(x for x in data["metrics"] if x["old"] and x["new"])
    assert {"start", "end", "value", "unit", "label"} <= set(m["old"]) and m["status"] in (
        "up",
        "down",
        "unchanged",
    )
    sc = data["stated_changes"][0]
    assert {"start", "end", "metric", "consistent", "implied_prior"} <= set(sc)


LIST_OLD = """某市2022年政府工作报告
一、2022年工作回顾
全年经济平稳运行。
二、2023年工作安排
今年要淘汰钢铁270万吨、水泥420万吨、平板玻璃350万标准箱等落后产能。
"""
LIST_NEW = """某市2023年政府工作报告
一、2023年工作回顾
钢铁、水泥等5个重点行业淘汰落后产能年度任务如期完成。
二、2024年工作安排
继续推进结构调整。
"""


def test_targets_said_in_words_to_be_done_are_met_and_等_covers_the_rest_of_the_list() -> None:
    d = reportkit.compare(reportkit.parse_text(LIST_OLD), reportkit.parse_text(LIST_NEW))
    by_target = {f.commitment.target.text: f for f in d.commitments if f.commitment.target is not None}
    assert by_target["420万吨"].status is FollowStatus.MET and by_target["420万吨"].outcome is None
    assert by_target["350万标准箱"].met is True and by_target["350万标准箱"].notes == (Note("covered_by_deng"),)


def _followed(plan: str, review: str) -> list[FollowThrough]:
    """Last year's commitments (``plan``: its plan part) followed into this year's ``review``."""
    old = reportkit.parse_text(f"一、2022年工作回顾\n经济平稳。\n二、2023年工作安排\n{plan}\n")
    new = reportkit.parse_text(f"一、2023年工作回顾\n{review}\n二、2024年工作安排\n继续努力。\n")
    return list(reportkit.compare(old, new).commitments)


def _target(plan: str, review: str) -> FollowThrough:
    (f,) = [f for f in _followed(plan, review) if f.commitment.target is not None]
    return f


def test_a_target_said_to_be_missed_is_missed() -> None:
    f = _target("进出口总额增长6%左右。", "进出口总额出现下降，预期增长目标未能实现。")
    assert f.status is FollowStatus.MISSED and f.met is False


def test_a_per_gdp_indicator_is_its_intensity_under_either_name() -> None:
    f = _target("能耗强度下降3.1%以上。", "单位国内生产总值能耗下降5.6%。")
    assert f.status is FollowStatus.MET and f.outcome is not None and f.outcome.text == "5.6%"


def test_a_bare_number_of_people_meets_a_target_counted_in_people() -> None:
    f = _target("易地扶贫搬迁人口200万人以上。", "易地扶贫搬迁人口超过240万。")
    assert f.status is FollowStatus.MET and f.outcome is not None and f.outcome.text == "240万"
    # and two bare numbers still agree, whatever their labels say
    f = _target("再减少农村贫困人口1000万以上。", "农村贫困人口减少1386万。")
    assert f.status is FollowStatus.MET and f.outcome is not None and f.outcome.text == "1386万"


def test_lightening_the_tax_burden_is_one_indicator_under_its_names() -> None:
    f = _target("全年再减轻企业和个人税负8000亿元以上。", "为企业和个人减税降费约1.3万亿元。")
    assert f.status is FollowStatus.MET and f.outcome is not None and f.outcome.text == "1.3万亿元"


def test_capacity_cuts_listed_under_one_general_noun_are_done_in_words() -> None:
    follow = [f for f in _followed("今年再压减钢铁产能3000万吨左右，退出煤炭产能1.5亿吨左右。",
                                   "钢铁、煤炭年度去产能任务超额完成。") if f.commitment.target is not None]
    assert [(f.commitment.target.text, f.status, f.met) for f in follow] == [
        ("3000万吨左右", FollowStatus.MET, True), ("1.5亿吨左右", FollowStatus.MET, True)
    ]
    assert all(f.outcome is None and f.notes == (Note("stated_in_words"),) for f in follow)


def test_a_target_reported_without_a_figure_is_addressed_by_the_sentence_naming_it() -> None:
    f = _target("居民消费价格涨幅3%左右。", "粮食连年增产，居民消费价格涨幅保持较低水平。")
    assert f.status is FollowStatus.ADDRESSED and f.outcome is None
    assert [s.text for s in f.evidence] == ["粮食连年增产，居民消费价格涨幅保持较低水平。"]


def test_words_that_only_brush_a_commitment_are_not_its_evidence_or_verdict() -> None:
    follow = {f.commitment.text: f for f in _followed(
        "压减钢铁产能3000万吨。\n新建学校3所。\n万众创新。",
        "钢铁行业利润增长，新能源汽车产能持续扩大。\n新能源汽车产业建设加快，学校食堂员工培训完成。\n"
        "全社会创业创新热情高涨。",
    )}
    # 产能 in another clause is not 钢铁产能; 学校 with 完成 but no 新建 is not the school built; one shared
    # word pair (创新) is not 万众创新
    assert [(t, f.status, f.evidence) for t, f in follow.items()] == [
        (t, FollowStatus.NOT_FOUND, ()) for t in ("压减钢铁产能3000万吨", "新建学校3所", "万众创新")
    ]


def test_a_figure_over_several_years_is_not_comparable_with_one_years() -> None:
    old = reportkit.parse_text("一、工作回顾\n过去一年，城镇保障性安居工程住房建设740万套。\n")
    new = reportkit.parse_text("一、工作回顾\n过去五年，城镇保障性安居工程住房建设4013万套。\n")
    paired = [p for p in reportkit.compare(old, new).metrics if p.old is not None and p.new is not None]
    assert [p.status for p in paired] == [MetricStatus.NOT_COMPARABLE]
    assert [n.code for n in paired[0].notes] == ["frames_differ"]
    assert note_text(paired[0].notes).startswith("frame one year → several years")


def test_a_running_total_pairs_with_last_years_level_and_the_flow_stays_apart() -> None:
    # The seed's layout: the whole report on one line. 新增5地 is this year's flow, 累计16地 the level that
    # last year's 11地 is comparable with; 累计 earlier on the line frames no later figure.
    old = reportkit.parse_text(
        "一、工作 (一)政务服务。与11地签订合作协议。 (二)简政放权。区级直接取消证明事项33项,告知承诺22项。"
    )
    new = reportkit.parse_text(
        "一、工作 (一)政务服务。新增5地,累计与16地签订合作协议。 (二)简政放权。区级直接取消证明事项12项,"
        "告知承诺25项。"
    )
    status = {(p.old.text, p.new.text): p.status for p in reportkit.compare(old, new).metrics
              if p.old is not None and p.new is not None}
    assert status[("11地", "16地")] is MetricStatus.UP
    assert ("11地", "5地") not in status
    assert status[("33项", "12项")] is MetricStatus.DOWN
    assert status[("22项", "25项")] is MetricStatus.UP


DIRECTED_OLD = """某区2022年法治政府建设情况报告
一、2022年主要工作
全区新发行政诉讼案件59件。行政复议纠错率为12%。政务服务“一网通办”办件率为95%。
二、2023年工作思路
（一）降低行政诉讼案件发案量和败诉率。
（二）降低行政复议纠错率。
（三）提高“一网通办”办件率。
（四）减少信访案件数量。
"""
DIRECTED_NEW = """某区2023年法治政府建设情况报告
一、2023年主要工作
全区新发行政诉讼案件47件，较去年同期下降20%，无行政诉讼败诉案件。行政复议纠错率为15%。
政务服务“一网通办”办件率达98.9%。全区受理信访案件310件，同比上升6%。
二、2024年工作思路
（一）持续推进法治政府建设。
"""


@pytest.fixture(scope="module")
def directed():  # type: ignore[no-untyped-def]
    d = reportkit.compare(reportkit.parse_text(DIRECTED_OLD), reportkit.parse_text(DIRECTED_NEW))
    return {f.commitment.text.rstrip("。"): f for f in d.commitments}


def test_a_promised_fall_stated_this_year_supports_the_commitment(directed) -> None:  # type: ignore[no-untyped-def]
    # 发案量 fell as promised (较去年同期下降20%); 败诉率 has no figure, so the commitment is addressed, not met
    f = directed["降低行政诉讼案件发案量和败诉率"]
    assert f.status is FollowStatus.ADDRESSED and f.outcome is not None and f.outcome.text == "20%"
    assert "下降20%" in f.evidence[0].text


def test_a_rate_that_moved_the_promised_way_since_last_year_is_met(directed) -> None:  # type: ignore[no-untyped-def]
    f = directed["提高“一网通办”办件率"]
    assert f.status is FollowStatus.MET and f.met is True and f.outcome is not None and f.outcome.text == "98.9%"


def test_a_figure_that_went_the_other_way_misses_the_commitment(directed) -> None:  # type: ignore[no-untyped-def]
    rate = directed["降低行政复议纠错率"]  # 12% → 15%
    assert rate.status is FollowStatus.MISSED and rate.met is False and rate.outcome is not None
    assert rate.outcome.text == "15%"
    stated = directed["减少信访案件数量"]  # 同比上升6%
    assert stated.status is FollowStatus.MISSED and stated.outcome is not None and stated.outcome.text == "6%"
