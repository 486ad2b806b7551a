"""The data-collection workbook: its layout, and reading it back with every bad workbook refused by cell."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from test_draft_rollforward import make_english_report, make_report

from reportkit.draft import ProgressStatus, collection_workbook, fill, read_workbook, roll_forward
from reportkit.draft.workbook import display_width
from reportkit.errors import WorkbookError
from reportkit.limits import Limits

FILLED = {"M001": 1900, "M002": 98.5, "M003": 12, "M004": 60, "M006": 2100, "M007": 45, "M008": 1}


@pytest.fixture()
def workbook(tmp_path: Path) -> Path:
    return collection_workbook(make_report(), tmp_path / "2023-数据填报.xlsx")


def edit(path: Path, change: Callable[[openpyxl.Workbook], Any], out: Path | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    target = out or path
    wb.save(target)
    return target


def fill_values(wb: openpyxl.Workbook, values: dict[str, Any] = FILLED) -> None:
    ws = wb["数据填报"]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value in values:
            ws.cell(row, 5).value = values[ws.cell(row, 1).value]


def row_of(path: Path, slot_id: str) -> int:
    ws = openpyxl.load_workbook(path)["数据填报"]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == slot_id)


# -- layout -------------------------------------------------------------------------------
def test_the_workbook_has_the_data_checklist_instructions_and_a_very_hidden_metadata_sheet(
    workbook: Path,
) -> None:
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["数据填报", "任务清单", "填报说明", "_meta"]
    assert wb["_meta"].sheet_state == "veryHidden" and wb["_meta"].protection.sheet
    ws = wb["数据填报"]
    assert [c.value for c in ws[1]][:8] == [
        "编号",
        "所属部分",
        "指标",
        "单位",
        "本年数值（填报）",
        "上年数值",
        "增减",
        "增减幅度",
    ]
    assert ws.freeze_panes == "D2"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    labels = [ws.cell(r, 3).value for r in range(2, ws.max_row + 1)]
    assert ws.column_dimensions["C"].width >= max(display_width(label) for label in labels)  # 2 units a 汉字
    assert "本年数值" in wb["填报说明"]["A3"].value


def test_only_the_input_cells_are_unlocked_and_the_sheet_is_protected_without_a_password(
    workbook: Path,
) -> None:
    ws = openpyxl.load_workbook(workbook)["数据填报"]
    assert ws.protection.sheet and not ws.protection.password
    unlocked = {c.column_letter for row in ws.iter_rows(min_row=2) for c in row if not c.protection.locked}
    # 本年数值, 写变化 (where a change can be written), 责任单位, 备注; 目标完成 only on main targets
    assert unlocked == {"E", "I", "L", "M"}


def test_input_cells_take_whole_counts_and_shares_between_0_and_100(workbook: Path) -> None:
    ws = openpyxl.load_workbook(workbook)["数据填报"]
    rate_row = row_of(workbook, "M002")
    rules = {
        (dv.type, dv.operator, dv.formula1, dv.formula2): str(dv.sqref)
        for dv in ws.data_validations.dataValidation
    }
    assert f"E{rate_row}" in rules[("decimal", "between", "0", "100")].split()
    assert "E2" in rules[("whole", "greaterThanOrEqual", "0", None)].split()  # 1789项: a count


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    report = make_report()
    metrics = tuple(attrs.evolve(m, label='=HYPERLINK("http://x")') for m in report.metrics)
    report = attrs.evolve(report, metrics=metrics)
    path = collection_workbook(report, tmp_path / "w.xlsx")
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>HYPERLINK" not in sheet
    assert openpyxl.load_workbook(path)["数据填报"]["C2"].value == '=HYPERLINK("http://x")'


# -- reading back ----------------------------------------------------------------------------
def test_reading_back_returns_every_value_and_the_checklist_progress(workbook: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        fill_values(wb)
        wb["任务清单"]["D2"] = "已完成"
        wb["任务清单"]["E2"] = "化解行政争议35件"

    filled = read_workbook(edit(workbook, change))
    assert filled.value_of("M002") == Decimal("98.5") and filled.value_of("M001") == 1900
    assert filled.progress[0].status is ProgressStatus.DONE and filled.progress[0].done == "化解行政争议35件"
    assert filled.draft == roll_forward(make_report())


@pytest.mark.parametrize(
    "value, message",
    [
        ("约四百", "“约四百”不是数字，应为不小于 0 的整数"),
        (-3, "填写了 -3，应为不小于 0 的整数"),
        ("=1+1", "填的是公式"),
        (True, "不是数字"),
    ],
)
def test_a_bad_value_names_the_sheet_and_cell(workbook: Path, value: Any, message: str) -> None:
    edit(workbook, lambda wb: fill_values(wb, {**FILLED, "M004": value}))
    row = row_of(workbook, "M004")
    with pytest.raises(WorkbookError, match=f"数据填报!E{row}: .*{message}") as e:
        read_workbook(workbook)
    assert (e.value.sheet, e.value.cell) == ("数据填报", f"E{row}")


def test_a_rate_over_100_is_refused(workbook: Path) -> None:
    edit(workbook, lambda wb: fill_values(wb, {**FILLED, "M002": 100.5}))
    with pytest.raises(WorkbookError, match=rf"数据填报!E{row_of(workbook, 'M002')}: .*填写了 100.5，应为0–100"):
        read_workbook(workbook)


def test_missing_values_are_listed_unless_allowed(workbook: Path) -> None:
    edit(workbook, lambda wb: fill_values(wb, {k: v for k, v in FILLED.items() if k not in ("M003", "M007")}))
    with pytest.raises(WorkbookError, match=r"工作簿有 2 处问题") as e:
        read_workbook(workbook)
    assert [p.split(":")[0] for p in e.value.problems] == ["数据填报!E4", "数据填报!E7"]
    assert all("未填写" in p for p in e.value.problems)
    filled = read_workbook(workbook, allow_missing=True)
    assert filled.missing == ("E4", "E7") and filled.value_of("M003") is None


def _delete_row(wb: openpyxl.Workbook) -> None:
    wb["数据填报"].delete_rows(3)


def _rename(wb: openpyxl.Workbook) -> None:
    wb["数据填报"].title = "数据"


def _hide(wb: openpyxl.Workbook) -> None:
    wb["任务清单"].sheet_state = "hidden"


def _merge(wb: openpyxl.Workbook) -> None:
    wb["数据填报"].merge_cells("E3:E4")


def _relabel(wb: openpyxl.Workbook) -> None:
    wb["数据填报"]["C2"] = "别的指标"


@pytest.mark.parametrize(
    "change, message",
    [
        (_delete_row, r"数据填报!A3: expected M002 .*found 'M003'"),
        (_rename, r"sheet 数据填报 is missing \(renamed or deleted\?\); the workbook has: 数据, 任务清单"),
        (_hide, r"任务清单: sheet 任务清单 is hidden"),
        (_merge, r"数据填报!E3: merged cells E3:E4 cover input cells"),
        (_relabel, r"数据填报!C2: row M001 does not match the report"),
    ],
)
def test_a_tampered_workbook_is_refused_and_fill_writes_nothing(
    workbook: Path, tmp_path: Path, change: Callable[[openpyxl.Workbook], None], message: str
) -> None:
    edit(workbook, lambda wb: (fill_values(wb), change(wb)))
    out = tmp_path / "out.docx"
    with pytest.raises(WorkbookError, match=message):
        fill(workbook, out)
    assert not out.exists() and not list(tmp_path.glob(".out.docx*"))


def test_a_workbook_made_for_another_report_is_detected(workbook: Path, tmp_path: Path) -> None:
    other = collection_workbook(make_english_report(), tmp_path / "other.xlsx")
    with pytest.raises(WorkbookError, match="made for another report"):
        read_workbook(other, report=make_report(), allow_missing=True)
    # Rows pasted from another report's workbook do not match this one's draft.
    edit(workbook, lambda wb: wb["数据填报"].cell(2, 6, 999))
    with pytest.raises(WorkbookError, match=r"数据填报!F2: .*made for"):
        read_workbook(workbook)


def test_a_changed_metadata_sheet_is_detected(workbook: Path) -> None:
    edit(
        workbook,
        lambda wb: wb["_meta"].cell(
            wb["_meta"].max_row, 2, wb["_meta"].cell(wb["_meta"].max_row, 2).value.replace("1789", "1788")
        ),
    )
    with pytest.raises(WorkbookError, match="_meta: the metadata sheet was changed"):
        read_workbook(workbook)


def test_what_is_not_an_xlsx_is_refused(tmp_path: Path, workbook: Path) -> None:
    text = tmp_path / "x.xlsx"
    text.write_text("编号,指标\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="not an .xlsx workbook"):
        read_workbook(text)
    macro = tmp_path / "x.xlsm"
    shutil.copy(workbook, macro)
    with pytest.raises(WorkbookError, match="macro"):
        read_workbook(macro)
    with pytest.raises(WorkbookError, match="no such workbook"):
        read_workbook(tmp_path / "missing.xlsx")


def test_a_macro_part_inside_an_xlsx_is_refused(tmp_path: Path, workbook: Path) -> None:
    bad = tmp_path / "vba.xlsx"
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\0" * 16)
    with pytest.raises(WorkbookError, match="vbaProject.bin"):
        read_workbook(bad)


def test_an_archive_that_expands_too_far_is_refused_before_parsing(tmp_path: Path, workbook: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item))
        dst.writestr("xl/media/zeros.bin", b"\0" * (4 * 1024 * 1024))
    with pytest.raises(WorkbookError, match="zip bomb"):
        read_workbook(bomb)
    with pytest.raises(WorkbookError, match="expands to .* bytes, over the limit"):
        read_workbook(workbook, limits=Limits(max_unzipped_bytes=1000))


def test_openpyxl_parses_workbook_xml_with_defusedxml() -> None:
    from openpyxl import xml

    assert xml.DEFUSEDXML is True


def test_an_english_report_gets_an_english_workbook(tmp_path: Path) -> None:
    path = collection_workbook(make_english_report(), tmp_path / "2024-data-collection.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Data", "Commitments", "Instructions", "_meta"]
    assert wb["Data"]["E1"].value == "This year (enter)"
    assert read_workbook(path, allow_missing=True).draft.language == "en"
