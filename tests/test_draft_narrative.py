"""A sentence about the year itself (2025年是“十四五”规划收官之年) is shaded for the drafter to rewrite."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import reportkit
from reportkit.draft import draft, roll_forward

WRITTEN = (
    "2025年政府工作报告\n\n各位代表：\n\n一、2024年工作回顾\n\n"
    "2024年是实现“十四五”规划目标任务的关键一年。全年城镇新增就业1256万人。"
    "2024年，我们坚持稳中求进。\n\n"
    "二、2025年工作安排\n\n今年是“十四五”规划收官之年。\n"
)


def _sentences(report: reportkit.Report) -> dict[str, bool]:
    d = roll_forward(report)
    return {s.text: s.narrative for b in d.blocks for s in b.sentences}


def test_a_sentence_saying_what_the_year_is_is_marked_and_others_are_not() -> None:
    marks = _sentences(reportkit.parse_text(WRITTEN))
    assert marks["2025年是实现“十四五”规划目标任务的关键一年。"] is True
    assert marks["2025年，我们坚持稳中求进。"] is False  # a year as a frame: moved, no mark
    assert marks["全年城镇新增就业1256万人。"] is False
    assert marks["今年是“十四五”规划收官之年。"] is True


@pytest.mark.parametrize(
    "sentence",
    ["2025年是“十四五”规划收官之年。", "今年是全面贯彻党的二十大精神的开局之年。", "2024年是新中国成立75周年。"],
)
def test_the_patterns_of_the_year_cover_the_common_phrasings(sentence: str) -> None:
    text = f"莲都区2024年法治政府建设年度报告\n\n一、主要举措和成效\n\n{sentence}\n\n二、2025年工作思路\n\n持续推进。\n"
    assert any(_sentences(reportkit.parse_text(text)).values())


def test_the_draft_shades_the_sentence_about_the_year_yellow(tmp_path: Path) -> None:
    result = draft(reportkit.parse_text(WRITTEN), tmp_path)
    document = docx.Document(str(result.docx))
    para = next(p for p in document.paragraphs if "关键一年" in p.text)
    run = next(r for r in para.runs if "关键一年" in r.text)
    assert run.text.startswith("2025年是")
    assert set(run._r.xpath(".//w:shd/@w:fill")) == {"FFFF00"}
    plain = next(r for r in para.runs if "稳中求进" in r.text)
    assert not plain._r.xpath(".//w:shd/@w:fill")


@pytest.mark.shared
def test_beijings_closing_year_of_the_plan_is_marked(shared: Path) -> None:
    marks = _sentences(reportkit.read(shared / "corpus" / "gongzuo" / "provinces" / "beijing" / "2025.txt"))
    assert marks.get("2026年是“十四五”规划收官之年。") is True
