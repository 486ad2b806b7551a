"""Parts: preamble, review, problems and plan, found from headings and wording, not numbering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportkit
from reportkit.model import PartKind, Report


def span(r: Report, kind: PartKind) -> tuple[int, int, object]:
    p = r.part(kind)
    assert p is not None, kind
    return p.start, p.end, p.heading


def test_seed_parts_follow_the_gold(seed_path: Path, shared: Path) -> None:
    gold = json.loads((shared / "gold" / "liandu-2022.structure.json").read_text("utf-8"))
    r = reportkit.read(seed_path)
    assert span(r, PartKind.PREAMBLE)[:2] == (gold["preamble"]["start"], gold["preamble"]["end"])
    assert span(r, PartKind.PROBLEMS) == (
        gold["problems_paragraph"]["start"],
        gold["problems_paragraph"]["end"],
        None,
    )
    assert span(r, PartKind.PLAN) == (3958, 4959, "二")
    review = r.part(PartKind.REVIEW)
    assert review is not None and review.heading == "一" and review.end <= 3779


@pytest.mark.parametrize("year", [2013, 2014, 2015, 2016])
def test_government_work_report_plan_runs_from_heading_two_to_the_end(shared: Path, year: int) -> None:
    r = reportkit.read(shared / "corpus" / "gongzuo" / "china-state-council" / f"{year}.txt")
    two = r.sections[1]
    start, end, heading = span(r, PartKind.PLAN)
    assert (start, heading) == (two.start, "二") and end == len(r.text.rstrip())
    problems = span(r, PartKind.PROBLEMS)
    assert r.sections[0].start < problems[0] < two.start


def test_fazhi_opening_has_title_skipped_from_the_preamble(shared: Path) -> None:
    gold = json.loads((shared / "gold" / "fazhi" / "taizhou-luqiao-2021.structure.json").read_text("utf-8"))
    r = reportkit.read(shared / "corpus" / "fazhi" / "taizhou-luqiao" / "2021.txt")
    assert span(r, PartKind.PREAMBLE)[:2] == (gold["preamble"]["start"], gold["preamble"]["end"])
    assert r.part(PartKind.PLAN) is None


def test_english_plans_heading_opens_the_plan_and_stops_at_the_financial_report(shared: Path) -> None:
    r = reportkit.read(shared / "corpus" / "en" / "freecad-fpa" / "2022.txt")
    start, end, heading = span(r, PartKind.PLAN)
    assert r.text[start:].startswith("## Plans for 2023") and str(heading).endswith("Plans for 2023")
    assert "## Financial Report" not in r.text[start:end]


def test_a_problems_section_of_its_own_is_the_problems_part() -> None:
    text = "一、主要成效\n正文。\n二、存在的问题和不足\n一是队伍不强。二是经费不足。\n三、2024年工作计划\n（一）加强队伍。\n"
    r = reportkit.parse_text(text)
    assert span(r, PartKind.PROBLEMS)[2] == "二"
    assert span(r, PartKind.PLAN)[2] == "三"
    review = r.part(PartKind.REVIEW)
    assert review is not None and r.text[review.start : review.end] == "一、主要成效\n正文。"


def test_plan_heading_is_recognised_by_next_years_date_and_review_by_this_years() -> None:
    text = (
        "XX市2022年法治政府建设年度报告\n\n2022年，XX市坚持依法行政。现将有关情况报告如下：\n\n"
        "一、2022年推进法治政府建设的主要举措和成效\n（一）完善机制\n1.加强领导。正文。\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n"
        "三、存在的不足和原因\n一是队伍不强。二是经费不足。\n"
        "四、2023年推进法治政府建设的主要安排\n（一）加强队伍。\n"
    )
    r = reportkit.parse_text(text)
    assert [(p.kind, p.heading) for p in r.parts] == [
        (PartKind.PREAMBLE, None),
        (PartKind.REVIEW, "一"),
        (PartKind.PROBLEMS, "三"),
        (PartKind.PLAN, "四"),
    ]
    assert r.text[r.parts[0].start : r.parts[0].end] == "2022年，XX市坚持依法行政。现将有关情况报告如下："


def test_an_unnumbered_report_still_has_its_parts() -> None:
    text = (
        "2022年，某局坚持依法行政。\n全年办理案件12件。\n"
        "在看到成绩的同时，我们也清醒地认识到，队伍建设不强。\n下一步，我局将继续加强队伍建设。\n"
    )
    r = reportkit.parse_text(text)
    got = {p.kind: text[p.start : p.end] for p in r.parts}
    assert got == {
        PartKind.PREAMBLE: "2022年，某局坚持依法行政。",
        PartKind.REVIEW: "全年办理案件12件。",
        PartKind.PROBLEMS: "在看到成绩的同时，我们也清醒地认识到，队伍建设不强。",
        PartKind.PLAN: "下一步，我局将继续加强队伍建设。",
    }


def test_a_next_step_line_inside_a_numbered_item_does_not_open_the_plan() -> None:
    text = "一、成效\n（一）执法\n办理案件。\n下一步，将继续加强。\n（二）普法\n开展活动。\n"
    assert reportkit.parse_text(text).part(PartKind.PLAN) is None


@pytest.mark.parametrize(
    "heading",
    [
        "一、2023年和今年以来工作回顾",
        "一、主要举措和工作成效",
        "一、今年以来主要工作进展情况",
        "一、2023年推进法治政府建设的主要举措",  # the reported year's 举措, with no 成效 beside them
    ],
)
def test_a_review_heading_is_never_the_plan_whatever_else_it_names(heading: str) -> None:
    r = reportkit.parse_text(f"{heading}\n去年办结案件12件,今年将继续推进。\n")
    assert r.part(PartKind.PLAN) is None
    assert r.part(PartKind.REVIEW) is not None
    assert not any(m.is_target for m in r.metrics)


@pytest.mark.parametrize(
    "heading",
    [
        "二、2024年工作思路和主要举措",
        "二、下一步工作计划",
        "二、今年主要目标任务",
        "二、今年经济社会发展主要预期目标",
    ],
)
def test_next_years_work_opens_the_plan_even_beside_a_review_word(heading: str) -> None:
    r = reportkit.parse_text(f"一、2023年工作回顾\n办结案件12件。\n{heading}\n办结案件15件以上。\n")
    assert span(r, PartKind.PLAN)[2] == "二"


def test_a_targets_paragraph_opens_the_plan_whatever_words_sit_between_today_and_targets() -> None:
    text = "过去一年办结案件12件。\n——经济平稳。增长5%。\n今年发展主要预期目标是:国内生产总值增长5%左右。\n"
    r = reportkit.parse_text(text)
    assert span(r, PartKind.PLAN)[:2] == (text.index("今年"), len(text.rstrip()))


def test_a_plan_heading_with_a_spaced_year_opens_the_plan_and_closing_matters_are_not_plan() -> None:
    text = (
        "一、2023 年主要工作完成情况\n（一）抓学习\n"
        "二、2024 年重点工作\n（一）抓执法,力争办结案件20件。\n"
        "三、其他需要报告的事项\n无。"
    )
    r = reportkit.parse_text(text)
    assert span(r, PartKind.PLAN) == (text.index("二、"), text.index("\n三、"), "二")
    other = r.part(PartKind.OTHER)
    assert other is not None and other.heading == "三"
