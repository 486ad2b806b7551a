"""A draft a drafter keeps, on real reports: the seed, two provinces' 政府工作报告 and an English report.

Title, sign-off and year from the genre; the workbook as a form (main targets first, no rows for
names, whole counts); a change only where stated or ticked; the plan a marked placeholder.
"""

from __future__ import annotations

import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import attrs
import docx
import openpyxl
import pytest
from test_draft_rollforward import make_report

import reportkit
from reportkit.draft import draft, fill, roll_forward
from reportkit.draft._layout import COL_LAST, COL_TARGET, COL_UNIT, COL_VALUE, COL_WRITE_CHANGE
from reportkit.draft.rollforward import genre_of, reviewed_years
from reportkit.model import PartKind

SEED = Path(__file__).resolve().parent.parent / "examples" / "liandu-2022.txt"
PROVINCES = ["beijing", "anhui"]
# The genre's own ways of stating a change on last year (较去年同期下降27.4%, 比上年增长8.5%).
CHANGE_WORDS = re.compile(r"较上年|较去年|比上年|同比")


def body_paragraphs(path: Path) -> list[str]:
    """The report's paragraphs, without the grey reference text of last year's plan."""
    out = []
    for p in docx.Document(str(path)).paragraphs:
        shaded = p._p.xpath(".//w:shd/@w:fill")
        if shaded and all(f == "D0CECE" for f in shaded):
            continue
        out.append(p.text)
    return out


# -- the seed: a 法治政府建设年度报告 ------------------------------------------------------------------
def test_the_seed_is_signed_by_the_government_that_reports_and_titled_for_2023() -> None:
    d = roll_forward(reportkit.read(SEED))
    assert d.genre == "法治政府建设年度报告" and d.title == "莲都区2023年法治政府建设年度报告"
    assert d.signoff == "莲都区人民政府"  # the text says 莲都区政府坚持…; 区司法局 only published it


def test_a_report_by_a_department_is_signed_by_the_department() -> None:
    text = make_report().text.replace("某区政府坚持", "区司法局坚持")
    meta = attrs.evolve(make_report().meta, organisation="某区", issuer="区司法局")
    report = attrs.evolve(make_report(text), meta=meta)
    assert roll_forward(report).signoff == "某区司法局"


def test_the_seed_workbook_is_a_form() -> None:
    d = roll_forward(reportkit.read(SEED))
    labels = [s.label for s in d.input_slots]
    assert not any("四统一" in s.last_text or "“" in s.last_text for s in d.input_slots)  # names are not rows
    assert not {"省级", "建议", "领导干部", "总量"} & set(labels)
    by_text = {s.last_text: s.label for s in d.input_slots}
    # 涉及4个区直单位、2个乡镇(街道)、8名领导干部: each item named by the list's verb and its own words
    assert by_text["2个"] == "涉及乡镇(街道)" and by_text["8名"] == "涉及领导干部"
    assert by_text["9个"] == "建立区级公民法治素养观测点（市级）"  # 观测点102个,市级9个: 市级 alone says nothing
    assert "五街道" not in by_text  # 城区五街道: a Chinese numeral names the place
    answers = {s.last_text: s.answer for s in d.input_slots}
    assert answers["2006件"] == "whole" and answers["99.82%"] == "share"
    assert all(s.answer == "whole" for s in d.input_slots if s.unit in ("件", "名", "次", "个", "人", "家", "份"))


@pytest.fixture(scope="module")
def seed_filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("seed")
    result = draft(reportkit.read(SEED), out)
    wb = openpyxl.load_workbook(result.workbook)
    ws = wb["数据填报"]
    ticked = 0
    for row in range(2, ws.max_row + 1):
        last, unit = Decimal(str(ws.cell(row, COL_LAST).value)), ws.cell(row, COL_UNIT).value
        new = min(Decimal(100), last + Decimal("0.1")) if unit == "%" else (last * Decimal("1.1")).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        ) + 1
        ws.cell(row, COL_VALUE).value = float(new) if new % 1 else int(new)
        if row % 10 == 2 and ws.cell(row, COL_WRITE_CHANGE).protection.locked is False:
            ws.cell(row, COL_WRITE_CHANGE).value = "是"
            ticked += 1
    wb.save(out / "filled.xlsx")
    return fill(out / "filled.xlsx", out / "2023.docx"), ticked


def test_the_filled_seed_states_a_change_only_where_last_year_did_or_the_row_is_ticked(
    seed_filled: tuple[Path, int],
) -> None:
    out, ticked = seed_filled
    report = reportkit.read(SEED)
    plan = report.part(PartKind.PLAN)
    assert plan is not None
    stated = len(CHANGE_WORDS.findall(report.text[: plan.start]))
    text = "\n".join(body_paragraphs(out))
    assert ticked >= 5 and len(CHANGE_WORDS.findall(text)) == stated + ticked
    assert "较上年增加" in text  # a count of a 法治政府建设年度报告 by its difference: 较上年增加26件


def test_the_seed_plan_is_a_marked_placeholder_with_last_years_text_for_reference(
    seed_filled: tuple[Path, int],
) -> None:
    out, _ = seed_filled
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    i = texts.index("二、2024年工作思路")
    placeholder = document.paragraphs[i + 1]
    assert placeholder.text.startswith("【待起草】2024年工作思路：")
    assert set(placeholder._p.xpath(".//w:shd/@w:fill")) == {"FFFF00"}
    # last year's plan follows as written (its years not moved), shaded grey
    reference = document.paragraphs[i + 2]
    assert reference.text.startswith("(一)持续深化法治政府建设") and "2021-2025年" in reference.text
    assert set(reference._p.xpath(".//w:shd/@w:fill")) == {"D0CECE"}
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode()
    assert "上年工作思路不能原样沿用" in comments
    assert texts[0] == "莲都区2023年法治政府建设年度报告" and texts[1].startswith("底纹说明")  # the legend
    assert "莲都区人民政府" in texts


def test_the_problems_of_the_seed_keep_a_paragraph_of_their_own(seed_filled: tuple[Path, int]) -> None:
    out, _ = seed_filled
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    problems = next(t for t in texts if "在看到成绩的同时" in t)
    assert problems.startswith("在看到成绩的同时") and "法治文化阵地" not in problems


# -- 政府工作报告 of two provinces ------------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize("province", PROVINCES)
def test_a_province_draft_opens_with_its_main_targets_and_is_titled_for_the_year_delivered(
    shared: Path, tmp_path: Path, province: str
) -> None:
    # provinces/X/2024.txt is the report delivered in 2025: it reviews 2024 and plans 2025
    report = reportkit.read(shared / "corpus" / "gongzuo" / "provinces" / province / "2024.txt")
    assert genre_of(report) == "政府工作报告" and reviewed_years(report, "政府工作报告") == (2024, 2025)
    result = draft(report, tmp_path)
    d = result.draft
    assert (d.year, d.plan_year, d.title_year) == (2025, 2026, 2026)
    assert d.title.startswith("2026年") and d.title.endswith("政府工作报告") and d.signoff == ""
    assert result.workbook.name == "2026-数据填报.xlsx"
    ws = openpyxl.load_workbook(result.workbook)["数据填报"]
    targets = [ws.cell(r, COL_TARGET).value for r in range(2, ws.max_row + 1)]
    n = len(d.targets)
    assert n >= 3 and all(targets[:n]) and not any(targets[n:])
    assert "地区生产总值" in ws.cell(2, 3).value  # GDP growth first, as the plan lists it
    assert all(s.answer in ("signed", "share") for s in d.targets if s.unit == "%")  # growth may be < 0
    texts = [p.text for p in docx.Document(str(result.docx)).paragraphs]
    assert texts[0] == d.title
    assert any(t.startswith("【待起草】2026年") for t in texts)


@pytest.mark.shared
def test_a_speech_delivered_in_2025_reviews_2024_and_drafts_the_2026_speech(shared: Path) -> None:
    report = reportkit.read(shared / "corpus" / "gongzuo" / "provinces" / "beijing" / "2024.txt")
    assert reviewed_years(report, "政府工作报告") == (2024, 2025)
    assert roll_forward(report).title == "2026年北京市政府工作报告"


# -- English ----------------------------------------------------------------------------------------------------
@pytest.mark.shared
def test_english_moves_only_forward_looking_years(shared: Path) -> None:
    d = roll_forward(reportkit.read(shared / "corpus" / "en" / "freecad-fpa" / "2023.txt"))
    text = "\n".join(b.heading + " " + b.text for b in d.blocks)
    assert "2023 is the second full year of functioning" in text  # history stays
    assert "2023 was our first year of formal double entry bookkeeping" in text
    assert "In 2024, the FPA received donations" in text  # a figure to fill is this year's
    assert "Report of the 2024 activities of the FPA and plans for 2025" in text
    # 'towards 2024' in a sentence told in the past ('we also took note'): history, stays
    assert "At the end of 2023, and to guide us towards 2024, we also took note" in text
    assert "will be corrected in the January 2025 accounting period" in text  # looks forward: moves
    assert d.signoff == "" and d.genre == ""
