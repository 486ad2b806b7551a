"""Metric pairs with a confidence: frame, flow or stock, size of change, names by 分别, on sentences written here."""

from __future__ import annotations

import importlib.util
import json
import re
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from conftest import EXAMPLES

import reportkit
from reportkit import lang
from reportkit.comparison.pair_confidence import HEADLINE_CONFIDENCE, Frame, Measure, facts_of
from reportkit.comparison.records import MetricPair, MetricStatus, Note, Reason
from reportkit.model import Report
from reportkit.render import _view


def _pairs(old: str, new: str) -> dict[tuple[str, str], MetricPair]:
    diff = reportkit.compare(reportkit.parse_text(old), reportkit.parse_text(new))
    return {(p.old.text, p.new.text): p for p in diff.metrics if p.old is not None and p.new is not None}


def _facts(report: Report, text: str) -> tuple[Frame, Measure]:
    m = next(m for m in report.metrics if m.text == text)
    f = facts_of(report, m)
    return f.frame, f.measure


@pytest.mark.parametrize(
    "key", ["period_openings", "year_openings", "period_clause", "flow", "stock", "activity", "stages",
            "respective_heads"],
)
def test_every_word_list_entry_matches_its_own_example(key: str) -> None:
    for entry in lang.data("zh", "pairs")[key]:
        example = entry["example"].replace("4.5倍", "#倍")  # the figure is written # where the clause is read
        assert re.search(entry["pattern"], example), entry


def test_a_five_year_review_frames_its_paragraphs_until_one_year_is_named_again() -> None:
    r = reportkit.parse_text(
        "一、“十四五”时期和2025年工作回顾\n"
        "过去的五年极不寻常。新建改造高标准农田3167万亩，生产总值6.66万亿元。\n"
        "民生福祉不断增进。城镇新增就业603.7万人。\n"
        "刚刚过去的2025年很不平凡。城镇新增就业121.7万人，地区生产总值年均增长5.7%。\n"
    )
    assert _facts(r, "3167万亩")[0] is Frame.PERIOD  # a doing word: what was done over five years
    assert _facts(r, "6.66万亿元")[0] is Frame.END  # the level reached, stated as current
    assert _facts(r, "603.7万人") == (Frame.PERIOD, Measure.FLOW)  # the frame carries to the next paragraph
    assert _facts(r, "121.7万人") == (Frame.YEAR, Measure.FLOW)
    assert _facts(r, "5.7%")[0] is Frame.PERIOD  # 年均 frames its own clause


def test_from_a_to_b_gives_a_start_level_and_an_end_level() -> None:
    r = reportkit.parse_text("一、回顾\n这五年，专精特新“小巨人”企业从80户增加到810户。\n")
    assert _facts(r, "80户")[0] is Frame.START
    assert _facts(r, "810户")[0] is Frame.END


def test_a_flow_and_a_stock_of_one_indicator_are_told_apart() -> None:
    r = reportkit.parse_text("一、工作\n新增与某地等5地签订合作协议，累计与16地签订合作协议。\n")
    assert _facts(r, "5地")[1] is Measure.FLOW
    assert _facts(r, "16地")[1] is Measure.STOCK


def test_this_years_figure_pairs_with_last_years_and_the_five_year_total_stays_apart() -> None:
    pairs = _pairs(
        "一、2024年工作回顾\n过去一年，城镇新增就业120万人。\n",
        "一、“十四五”时期和2025年工作回顾\n过去的五年，城镇新增就业603.7万人。\n"
        "刚刚过去的2025年，城镇新增就业121.7万人。\n",
    )
    assert pairs[("120万人", "121.7万人")].status is MetricStatus.UP
    assert ("120万人", "603.7万人") not in pairs


def test_a_flow_against_a_stock_is_not_comparable() -> None:
    pairs = _pairs("一、工作\n国家级绿色工厂新增301家。\n", "一、工作\n国家级绿色工厂累计1210家。\n")
    pair = pairs[("301家", "1210家")]
    assert pair.status is MetricStatus.NOT_COMPARABLE and pair.notes == (Note("flow_against_stock", ("新增", "累计")),)


def test_a_level_tenfold_apart_is_implausible_and_threefold_is_a_doubt() -> None:
    far = _pairs("一、工作\n建成社区食堂120个。\n", "一、工作\n建成社区食堂1500个。\n")[("120个", "1500个")]
    assert far.status is MetricStatus.NOT_COMPARABLE and far.notes == (Note("implausible_ratio", ("12",)),)
    doubt = _pairs("一、工作\n建成社区食堂120个。\n", "一、工作\n建成社区食堂450个。\n")[("120个", "450个")]
    assert doubt.status is MetricStatus.UP and doubt.confidence < HEADLINE_CONFIDENCE
    assert any(r.code == "doubt_apart" for r in doubt.reasons)
    sure = _pairs("一、工作\n建成社区食堂120个。\n", "一、工作\n建成社区食堂150个。\n")[("120个", "150个")]
    assert sure.confidence >= HEADLINE_CONFIDENCE and Reason("same_unit", ("个",)) in sure.reasons


def test_numbers_that_name_something_pair_with_nothing() -> None:
    pairs = _pairs(
        "一、工作\n按照省委十一届七次全会部署，推进二轮土地承包到期延包试点。\n",
        "一、工作\n按照省委十一届十次全会部署，推进二轮土地承包到期延包试点。\n",
    )
    assert not [k for k in pairs if k[0] in ("七次", "二轮")]


def test_figures_listed_with_分别_take_their_names_one_by_one() -> None:
    old = "一、工作\n城镇常住居民人均可支配收入增长4.2%，农村常住居民人均可支配收入增长6.4%。\n"
    new = "一、工作\n城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%。\n"
    labels = [m.label for m in reportkit.parse_text(new).metrics]
    assert labels[0].startswith("城镇常住居民") and labels[1].startswith("农村常住居民")
    pairs = _pairs(old, new)
    assert ("4.2%", "4.4%") in pairs and ("6.4%", "5.9%") in pairs


def test_a_running_total_after_a_flow_takes_the_flows_name() -> None:
    r = reportkit.parse_text("一、工作\n国家专精特新“小巨人”企业新增711家、累计达2215家。\n")
    total = next(m for m in r.metrics if m.text == "2215家")
    assert "小巨人" in total.label and "新增" not in total.label


def test_a_stated_change_keeps_its_sign_and_a_rates_delta_is_in_points() -> None:
    pair = _pairs("一、工作\n生产安全事故死亡人数下降12.8%。\n", "一、工作\n生产安全事故死亡人数下降10.5%。\n")[
        ("12.8%", "10.5%")
    ]
    assert pair.delta == Decimal("2.30") and pair.status is MetricStatus.UP  # −12.8 → −10.5: a smaller fall
    assert pair.pct_change is None and Note("in_points") in pair.notes


def test_two_restatements_of_one_value_are_two_facts_when_their_names_differ() -> None:
    r = reportkit.parse_text("一、工作\n生产总值增长5.6%，社会消费品零售总额增长5.6%。\n")
    assert [m.same_fact_as for m in r.metrics] == [None, None]


def test_the_confidence_and_its_reasons_are_in_the_json() -> None:
    diff = reportkit.compare(
        reportkit.parse_text("一、工作\n建成社区食堂120个。\n"), reportkit.parse_text("一、工作\n建成社区食堂150个。\n")
    )
    entry = next(m for m in json.loads(diff.to_json())["metrics"] if m["old"] and m["new"])
    assert entry["confidence"] >= HEADLINE_CONFIDENCE and {"code": "frame", "args": ["year", ""]} in entry["reasons"]


def test_headlines_show_confident_pairs_only() -> None:
    diff = reportkit.compare(
        reportkit.parse_text("一、工作\n建成社区食堂120个。开展培训30场。\n"),
        reportkit.parse_text("一、工作\n建成社区食堂450个。开展培训36场。\n"),
    )
    shown = [(p.old.text, p.new.text) for p in _view.largest_changes(diff) if p.old and p.new]
    assert shown == [("30场", "36场")]
    assert any(p.old and p.old.text == "120个" and p.status is MetricStatus.UP for p in diff.metrics)


def test_the_bundled_demo_pairs_last_years_eleven_places_with_this_years_running_total() -> None:
    diff = reportkit.compare(reportkit.read(EXAMPLES / "liandu-2022.txt"), reportkit.read(EXAMPLES / "liandu-2023.txt"))
    signed = {(p.old.text, p.new.text): p for p in diff.metrics if p.old and p.new and "跨省通办" in p.old.label}
    assert list(signed) == [("11地", "16地")] and signed[("11地", "16地")].status is MetricStatus.UP
    assert signed[("11地", "16地")] in _view.largest_changes(diff)


def _score_pairs(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score_pairs", shared / "tools" / "score_pairs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_judged_pairs_of_three_provinces_reach_the_precision_and_recall_of_issue_16(shared: Path) -> None:
    scorer = _score_pairs(shared)
    tot = {"tp": 0, "fp": 0, "found": 0, "true": 0}
    for province in ("anhui", "henan", "jiangsu"):
        folder = shared / "corpus" / "gongzuo" / "provinces" / province
        diff = reportkit.compare(reportkit.read(folder / "2024.txt"), reportkit.read(folder / "2025.txt"))
        judged = json.loads((shared / "gold" / "provinces" / f"{province}-2024-2025.pairs-judged.json").read_text())
        s = scorer.score(json.loads(diff.to_json()), judged)
        for k in tot:
            tot[k] += s[k]
    assert tot["tp"] / (tot["tp"] + tot["fp"]) >= 0.95
    assert tot["found"] / tot["true"] >= 0.90


def _markdown(year: int, rows: str) -> Report:
    head = f"| | {year - 1} | {year} |\n|---|---:|---:|\n"
    return reportkit.parse_text(f"# Example Foundation {year} annual report\n\n## Finances\n\n{head}{rows}",
                                format="markdown")


def test_a_markdown_table_pairs_this_years_column_with_last_years() -> None:
    old = _markdown(2022, "| Donations | €30,000 | **€50,000** |\n| Spending | €2,000 | €5,000 |\n")
    new = _markdown(2023, "| Donations | €50,000 | €100,000 |\n| Spending \\| fees | €5,000 | €6,000 |\n")
    assert [m.label for m in old.metrics] == ["Donations (2021)", "Donations", "Spending (2021)", "Spending"]
    assert new.metrics[3].label == "Spending | fees"  # an escaped pipe is text, not a cell border
    diff = reportkit.compare(old, new)
    pairs = {(p.old.label, p.old.text, p.new.text): p.status for p in diff.metrics if p.old and p.new}
    assert pairs[("Donations", "€50,000", "€100,000")] is MetricStatus.UP
    assert not [k for k in pairs if k[0].endswith(")")]  # last year's restated column pairs with nothing


def test_work_started_and_work_finished_are_two_figures() -> None:
    pairs = _pairs("一、工作\n老旧小区改造开工742个、完工548个。\n", "一、工作\n老旧小区改造完工1225个。\n")
    assert ("548个", "1225个") in pairs and ("742个", "1225个") not in pairs


def test_a_sub_indicator_is_a_doubt_and_no_headline() -> None:
    pair = _pairs("一、工作\n万人发明专利拥有量74.5件。\n",
                  "一、工作\n万人高价值发明专利拥有量34.2件。\n")[("74.5件", "34.2件")]
    assert pair.confidence < HEADLINE_CONFIDENCE and Reason("doubt_sub_indicator", ("高价值",)) in pair.reasons


def test_a_start_level_against_a_start_level_is_no_headline() -> None:
    pairs = _pairs("一、工作\n财政补助由每人每年380元提高到420元。\n",
                   "一、工作\n财政补助由每人每年420元提高到450元。\n")
    assert pairs[("420元", "450元")].confidence >= HEADLINE_CONFIDENCE
    start = pairs.get(("380元", "420元"))
    assert start is None or start.confidence < HEADLINE_CONFIDENCE


def test_a_pair_resting_on_the_words_around_it_only_is_no_headline() -> None:
    pairs = _pairs("一、工作\n制造业投资增长13.3%、连续48个月保持两位数增长。\n",
                   "一、工作\n高技术服务业投资增长16.4%、连续18个月保持两位数增长。\n")
    streak = pairs[("48个月", "18个月")]
    assert streak.confidence < HEADLINE_CONFIDENCE and any(r.code == "doubt_no_name" for r in streak.reasons)


def test_between_two_equal_names_a_target_pairs_with_a_target() -> None:
    pairs = _pairs(
        "一、2009年工作回顾\n经济平稳增长。\n二、2010年工作安排\n今年的主要预期目标是：城镇新增就业900万人以上。\n",
        "一、2010年工作回顾\n经济平稳增长。\n二、2011年工作安排\n过去一年，城镇新增就业1168万人。"
        "今年的主要预期目标是：城镇新增就业900万人以上。\n",
    )
    assert ("900万人以上", "900万人以上") in pairs and ("900万人以上", "1168万人") not in pairs
