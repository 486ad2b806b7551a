"""Parts: preamble, review, problems and plan, found from headings and wording, not numbering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportkit
from reportkit.model import PartKind


def span(r: reportkit.Report, kind: PartKind) -> tuple[int, int, object]:
    p = r.part(kind)
    assert p is not None, kind
    return p.start, p.end, p.heading


def test_seed_parts_follow_the_gold(seed_path: Path, shared: Path) -> None:
    gold = json.loads((shared / "gold" / "liandu-2022.structure.json").read_text("utf-8"))
    r = reportkit.read(seed_path)
    assert span(r, PartKind.PREAMBLE)[:2] == (gold["preamble"]["start"], gold["preamble"]["end"])
    assert span(r, PartKind.PROBLEMS) == (gold["problems_paragraph"]["start"], gold["problems_paragraph"]["end"], None)
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
