"""The 指标变化 sheet shows raw 元 readably (5,300,000,000,000, not 5.3E+12) and computes no change for a pair
marked 不可比."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from office import convert, pdf_text

import reportkit
from reportkit.comparison.records import MetricStatus, ReportDiff
from reportkit.render.excel import write_xlsx


def _anhui(shared: Path) -> ReportDiff:
    folder = shared / "corpus" / "gongzuo" / "provinces" / "anhui"
    return reportkit.compare(reportkit.read(folder / "2024.txt"), reportkit.read(folder / "2025.txt"))


def _sheet(diff: ReportDiff, tmp_path: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    book = tmp_path / "d.xlsx"
    write_xlsx(diff, book)
    return openpyxl.load_workbook(book)["指标变化"]


def test_a_pair_marked_not_comparable_gets_no_change(tmp_path: Path) -> None:
    diff = reportkit.compare(reportkit.parse_text("一、工作\n国家级绿色工厂新增301家。建成社区食堂120个。\n"),
                             reportkit.parse_text("一、工作\n国家级绿色工厂累计1210家。建成社区食堂150个。\n"))
    ws = _sheet(diff, tmp_path)
    statuses = {p.status for p in diff.metrics}
    assert {MetricStatus.NOT_COMPARABLE, MetricStatus.UP} <= statuses
    for r, p in enumerate(diff.metrics, 2):
        has_change = ws[f"E{r}"].value is not None
        assert has_change is (p.status is not MetricStatus.NOT_COMPARABLE), p


@pytest.mark.shared
def test_raw_yuan_get_thousands_separators(shared: Path, tmp_path: Path) -> None:
    ws = _sheet(_anhui(shared), tmp_path)
    big = [c for row in ws.iter_rows(min_row=2, min_col=3, max_col=4) for c in row
           if isinstance(c.value, int) and c.value >= 10**12]
    assert big and all(c.number_format.startswith("#,##0") for c in big)
    for c_old, c_new in ws.iter_rows(min_row=2, min_col=3, max_col=4):
        values = [c.value for c in (c_old, c_new) if isinstance(c.value, (int, float))]
        for c in (c_old, c_new):
            if isinstance(c.value, float):  # a fraction is never rounded away (5.8 is not shown as 6)
                assert c.number_format != "#,##0", c
        if values and max(abs(v) for v in values) < 10_000:
            assert {c_old.number_format, c_new.number_format} == {"General"}, c_new  # 5.8 stays as written
    assert all(ws.column_dimensions[col].width >= len("5,300,000,000,000") for col in "CD")


@pytest.mark.shared
@pytest.mark.libreoffice
def test_calc_shows_raw_yuan_without_an_exponent(shared: Path, soffice: str, tmp_path: Path) -> None:
    book = tmp_path / "anhui.xlsx"
    write_xlsx(_anhui(shared), book)
    text = pdf_text(convert(soffice, book, "pdf", tmp_path))
    assert "5,300,000,000,000" in text
    assert not re.search(r"\d E\+\d\d|\dE\+\d\d", text)
    assert "###" not in text
