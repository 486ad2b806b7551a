"""End to end on the real seed report (莲都区 2022): draft, fill in Excel, recalculate, fill, PDF."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

import reportkit
from reportkit.draft import draft, fill, read_workbook
from reportkit.draft._text import percent_change


def _new_value(last: Decimal, unit: str) -> Decimal:
    """A plausible new value: rates up a little (at most 100), counts up 10%."""
    if unit == "%":
        return min(Decimal(100), last + Decimal("0.3"))
    return (last * Decimal("1.1")).quantize(Decimal(1), rounding=ROUND_HALF_UP) + 1


@pytest.fixture(scope="module")
def seed_draft(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Decimal]]:
    report = reportkit.read(seed_path)
    assert report.metrics and report.part(reportkit.model.PartKind.PLAN) is not None
    out = tmp_path_factory.mktemp("seed")
    result = draft(report, out)
    wb = openpyxl.load_workbook(result.workbook)
    ws = wb["数据填报"]
    values = {}
    for row in range(2, ws.max_row + 1):
        new = _new_value(Decimal(str(ws.cell(row, 6).value)), ws.cell(row, 4).value)
        ws.cell(row, 5).value = float(new) if new % 1 else int(new)
        values[ws.cell(row, 1).value] = new
        context = ws.cell(row, 14).value or ""
        if ws.cell(row, 11).value is None and "2006件" in context and ws.cell(row, 4).value == "件":
            ws.cell(row, 9).value = "是"  # 写变化 for 办理行政处罚案件2006件
    ck = wb["任务清单"]
    for row in range(2, ck.max_row + 1):
        ck.cell(row, 4).value = "已完成"
    filled = out / "filled.xlsx"
    wb.save(filled)
    return filled, values


def test_the_seed_drafts_files_named_for_2023(seed_path: Path, tmp_path: Path) -> None:
    result = draft(reportkit.read(seed_path), tmp_path)
    assert result.workbook.name == "2023-数据填报.xlsx" and result.docx.name == "2023-初稿.docx"
    d = result.draft
    assert d.title == "莲都区2023年法治政府建设年度报告" and (d.year, d.plan_year) == (2023, 2024)
    assert len(d.input_slots) >= 60 and len(d.checklist) >= 30


@pytest.mark.libreoffice
def test_libreoffice_recalculates_the_seed_workbook(
    seed_draft: tuple[Path, dict[str, Decimal]], tmp_path: Path, soffice: str
) -> None:
    from office import convert

    filled, values = seed_draft
    saved = convert(soffice, filled, "xlsx", tmp_path)
    # A workbook saved by LibreOffice (its very hidden sheet comes back as hidden) still reads back.
    assert {v.slot: v.value for v in read_workbook(saved).values} == values
    ws = openpyxl.load_workbook(saved, data_only=True)["数据填报"]
    for row in range(2, ws.max_row + 1):
        last, new = Decimal(str(ws.cell(row, 6).value)), values[ws.cell(row, 1).value]
        assert ws.cell(row, 7).value == pytest.approx(float(new - last))
        if last and ws.cell(row, 4).value != "%":
            assert ws.cell(row, 8).value == pytest.approx(float((new - last) / last))
        elif ws.cell(row, 4).value == "%":
            assert ws.cell(row, 8).value is None  # a rate changes by points: 增减 says it


@pytest.mark.libreoffice
def test_the_filled_seed_report_reads_as_2023_in_pdf(
    seed_draft: tuple[Path, dict[str, Decimal]], tmp_path: Path, soffice: str
) -> None:
    from office import convert, pdf_text

    filled, values = seed_draft
    wbk = read_workbook(filled)
    out = fill(filled, tmp_path / "2023.docx")
    text = "".join(pdf_text(convert(soffice, out, "pdf", tmp_path)).split())
    text = re.sub(r"—\d+—", "", text)  # page numbers (— 6 —) fall where the page ends, mid-sentence
    assert "莲都区2023年法治政府建设年度报告" in text
    assert text.startswith("莲都区2023年法治政府建设年度报告底纹说明")  # the legend of the shading
    assert "仅供参考。2023年,莲都区政府" in text
    assert "2024年工作思路" in text and "2023年工作思路落实情况" in text
    slots = {s.last_text: s for s in wbk.draft.input_slots}
    processed = slots["2006件"]
    new = values[processed.id]
    assert f"办理行政处罚案件{new}件,较上年增加{new - 2006}件" in text
    cases = slots["53件"]
    pct = percent_change(Decimal(53), values[cases.id])
    assert f"新发行政诉讼案件{values[cases.id]}件,较去年同期增长{pct}%" in text
    assert f"调解成功率为{values[slots['99.82%'].id]}%" in text
    assert f"普法活动{values[slots['290余场'].id]}余场" in text
    assert "持续开展行政争议实质性化解" in text and "☑已完成" in text


@pytest.mark.libreoffice
def test_the_freecad_2023_report_rolls_to_2024_with_the_english_template(
    shared: Path, tmp_path: Path, soffice: str
) -> None:
    from office import convert, pdf_text

    report = reportkit.read(shared / "corpus" / "en" / "freecad-fpa" / "2023.txt")
    result = draft(report, tmp_path)
    assert result.workbook.name == "2024-data-collection.xlsx" and result.docx.name == "2024-draft.docx"
    wb = openpyxl.load_workbook(result.workbook)
    ws = wb["Data"]
    slots = {s.last_text: s for s in result.draft.input_slots}
    donations = slots["€100,000"]
    for row in range(2, ws.max_row + 1):
        ws.cell(row, 5).value = 125000 if ws.cell(row, 1).value == donations.id else ws.cell(row, 6).value
    wb["Commitments"]["D2"] = "Ongoing"
    wb.save(tmp_path / "filled.xlsx")
    out = fill(tmp_path / "filled.xlsx", tmp_path / "2024.docx")
    text = " ".join(pdf_text(convert(soffice, out, "pdf", tmp_path)).split())
    assert text.startswith("2024 Annual report and 2025 plans")
    assert "In 2024, the FPA received donations of just over €125,000." in text
    assert "Plans for 2025" in text and "Follow-up of the 2024 plans" in text
    assert "◐ Ongoing" in text and "**" not in text and "](http" not in text

